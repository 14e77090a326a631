"""Records an import skipped (`skip_invalid`), written out for the user to fix and re-import."""

from __future__ import annotations

from pathlib import Path

from termbase.streams import FileArg, is_stream, stream_name


def default_rejects_path(file: FileArg) -> Path | None:
    """FILE.rejects.tsv beside an imported file; None for a stream (nowhere to put it)."""
    if is_stream(file):
        return None
    path = Path(file)
    return path.with_name(path.name + ".rejects.tsv")


def write_rejects(target: FileArg, rejected: list[dict]) -> str:
    """A TSV of `line<TAB>error`, atomically to a path or into a binary stream; returns its
    name for the report."""
    from termbase.fileio import atomic_open

    lines = ["line\terror\n"] + [f"{item['line']}\t{item['error']}\n" for item in rejected]
    if is_stream(target):
        target.write("".join(lines).encode("utf-8"))
        return stream_name(target, None)
    with atomic_open(Path(target), "w", encoding="utf-8", newline="") as handle:
        handle.writelines(lines)
    return str(target)
