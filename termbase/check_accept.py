"""Accept lists: flags of `check` a translator has reviewed and accepted, kept per project.

A tab-separated UTF-8 file, one accepted flag a line; lines starting with # are comments:

    # kind              concept_id      segment
    missing-equivalent  svc-mediation   3fa2c1d9e0b1
    other-variant       adm-district    *

`segment` is the key `check` prints with each flag (a hash of the source segment, so the
acceptance survives edits of the translation but not of the source), or `*` for every
segment; `kind` may be `*` too. `check --json` and `--report` give the key of every flag,
and the shell's `:accept` appends the flags it last showed (`record_accepted`).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from termbase.formats.base import FormatError
from termbase.formats.encoding import SAVE_AS_UTF8, decode
from termbase.text.normalize import norm

ANY = "*"
KINDS = {"missing-equivalent", "other-variant", "deprecated-term", "forbidden-term",
         "unreviewed-term", ANY}


def segment_key(source: str) -> str:
    """12 hex digits naming a source segment, blind to case and spacing."""
    text = re.sub(r"\s+", " ", norm(source)).strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


class AcceptList:
    def __init__(self, entries: set[tuple[str, str, str]] | None = None):
        self.entries = entries or set()

    @classmethod
    def load(cls, path: Path) -> "AcceptList":
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise FormatError(f"cannot read the accept list {path}: {exc.strerror}") from None
        text, _ = decode(raw, name=path.name, advice=SAVE_AS_UTF8)
        entries = set()
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [cell.strip() for cell in line.split("\t")]
            if cells[:3] == ["kind", "concept_id", "segment"]:
                continue
            if len(cells) < 3 or not all(cells[:3]):
                raise FormatError(f"{path.name}: expected kind, concept_id, segment "
                                  "separated by tabs", line=number)
            if cells[0] not in KINDS:
                raise FormatError(f"{path.name}: unknown kind {cells[0]!r}", line=number)
            entries.add(tuple(cells[:3]))
        return cls(entries)

    def accepts(self, issue) -> bool:
        return any((kind, concept, segment) in self.entries
                   for kind in (issue.kind, ANY) for concept in (issue.concept_id, ANY)
                   for segment in (issue.segment, ANY))


HEADER = "# accepted flags of termbase check: kind, concept_id, segment key (or *)\n"


def record_accepted(path: Path | str, issues) -> int:
    """Append the flags of `issues` (kind, concept id, segment key) to the accept list at
    `path`, creating it with a header comment; flags it already accepts are not repeated.
    Returns how many lines were added. An existing file that is not an accept list is
    refused (FormatError) rather than appended to."""
    path = Path(path)
    accepted = AcceptList.load(path) if path.exists() else AcceptList()
    new = []
    for issue in issues:
        entry = (issue.kind, issue.concept_id, issue.segment)
        if not accepted.accepts(issue) and entry not in new:
            new.append(entry)
    if not new:
        return 0
    lines = "".join("\t".join(entry) + "\n" for entry in new)
    try:
        ends_open = path.exists() and not path.read_bytes().endswith(b"\n")
        with open(path, "a", encoding="utf-8", newline="\n") as handle:
            if handle.tell() == 0:
                handle.write(HEADER)
            elif ends_open:
                handle.write("\n")
            handle.write(lines)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise FormatError(f"cannot write the accept list {path}: {exc.strerror}") from None
    return len(new)
