"""Coverage-guided fuzzing of every termbase reader with atheris (libFuzzer for Python).

Not collected by pytest (the file name does not start with test_). Run by hand, see
tests/fuzz/README.md:

    pip install atheris
    python tests/fuzz/fuzz_readers.py --make-corpus /tmp/tb-corpus     # seeds, tagged
    python tests/fuzz/fuzz_readers.py -max_total_time=3600 /tmp/tb-corpus

The first input byte chooses the reader (and the read options), the rest is the file. The
only exception a reader may raise is FormatError; every record it yields must be an Entry
holding a valid concept or segment, or an error message. Anything else is a crash, and
atheris writes the input to crash-<hash> in the current directory: turn it into a file of
tests/hostile/ and a failing test.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports():
    from termbase import formats
    from termbase.formats.base import Entry, FormatError, ReadOptions
    from termbase.model import Concept, Segment

READERS = [fmt for fmt in formats.available() if fmt.read]
OPTIONS = (ReadOptions(),
           ReadOptions(as_terms=True, source_lang="pl", target_lang="lt", langs=["pl", "lt"]))
WORKDIR = Path(tempfile.mkdtemp(prefix="termbase-atheris-"))
SEEDS = Path(__file__).resolve().parent / "seeds"
# Which readers a seed file (by its extension) is for.
BY_EXT = {".tbx": ("tbx", "tbx2"), ".tmx": ("tmx",), ".xlf": ("xliff",), ".csv": ("csv",),
          ".tsv": ("tsv",), ".utf8": ("omegat",), ".xlsx": ("xlsx",)}


def check(fmt, path: Path, options: ReadOptions) -> None:
    try:
        entries = list(fmt.read(path, options))
    except FormatError:
        return
    for entry in entries:
        if not isinstance(entry, Entry):
            raise AssertionError(f"not an Entry: {entry!r}")
        if entry.item is not None:
            if entry.error is not None or not isinstance(entry.item, (Concept, Segment)):
                raise AssertionError(f"bad entry: {entry!r}")
            entry.item.validate()
        elif not (entry.error or entry.warning):
            raise AssertionError(f"empty entry: {entry!r}")


def one_input(data: bytes) -> None:
    if len(data) < 2:
        return
    choice, content = data[0], data[1:]
    fmt = READERS[choice % len(READERS)]
    options = OPTIONS[(choice // len(READERS)) % len(OPTIONS)]
    path = WORKDIR / f"input{fmt.extensions[0]}"
    path.write_bytes(content)
    check(fmt, path, options)


def make_corpus(directory: Path) -> None:
    """Write each seed, prefixed with the byte that selects its reader (for each option set),
    so that the fuzzer starts from files every reader accepts."""
    import io

    directory.mkdir(parents=True, exist_ok=True)
    seeds = {p.name: p.read_bytes() for p in sorted(SEEDS.iterdir()) if p.is_file()}
    try:
        from openpyxl import Workbook

        book = Workbook()
        for row in (["id", "pl", "lt", "en", "status_pl"],
                    ["c1", "pomoc społeczna", "socialinė parama", "social assistance", "preferred"],
                    ["c2", "gmina", "savivaldybė", "municipality", ""]):
            book.active.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        seeds["glossary.xlsx"] = buffer.getvalue()
    except ImportError:
        pass
    names = [fmt.name for fmt in READERS]
    for name, content in seeds.items():
        for reader in BY_EXT.get(Path(name).suffix, ()):
            if reader not in names:
                continue
            for option in range(len(OPTIONS)):
                tag = names.index(reader) + option * len(READERS)
                if tag < 256:
                    (directory / f"{reader}-{option}-{name}").write_bytes(bytes([tag]) + content)
    print(f"wrote {len(list(directory.iterdir()))} files to {directory}")


def main() -> None:
    if not READERS:
        sys.exit("no readers registered")
    if len(sys.argv) == 3 and sys.argv[1] == "--make-corpus":
        make_corpus(Path(sys.argv[2]))
        return
    print("readers:", ", ".join(f"{i}={fmt.name}" for i, fmt in enumerate(READERS)),
          file=sys.stderr)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
