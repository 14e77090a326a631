"""Which subjects and regional varieties a termbase uses, answered without reading it whole.

`add --subject` must know whether the termbase already uses a subject, and `--variant pl-BY`
whether any term is of that variety. Reading every concept to find out costs seconds at
100,000 concepts and minutes at a million, so the index keeps a posting per concept and
value (`ix_facets`, see `index/facets.py`) and a question is one indexed read. A TinyDB
writer, which holds the whole file in memory anyway, scans its in-memory records instead
(`ScannedFacets`): cheaper than opening an index beside them, and never stale.

Values are matched without regard to case (`casefold`), and given back as stored; of a
value stored in several spellings, the first in code point order, whichever answers.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Protocol

SUBJECT = "subject"
REGION = "region"


class Facets(Protocol):
    def spelled(self, kind: str, value: str) -> str | None:
        """The first (in code point order) stored `kind` value equal to `value` ignoring
        case, as stored; None if none."""

    def values(self, kind: str) -> list[str]:
        """Every distinct stored `kind` value (each spelling once)."""


def concept_facets(doc: dict) -> set[tuple[str, str]]:
    """(kind, value) pairs a concept document holds: its subject and its terms' regions.
    A value that is not text (a record edited by another tool; `doctor` reports it) is
    none: it must not stop the index being built, nor every lookup with it."""
    found = set()
    subject = doc.get("subject")
    if subject and isinstance(subject, str):
        found.add((SUBJECT, subject))
    for term in doc.get("terms", ()):
        region = term.get("region")
        if region and isinstance(region, str):
            found.add((REGION, region))
    return found


class ScannedFacets:
    """Facets read from concept documents: for records already in memory (a TinyDB
    transaction), or a store whose index is not current."""

    def __init__(self, docs: Callable[[], Iterable[dict]]):
        self.docs = docs

    def _all(self, kind: str) -> Iterator[str]:
        for doc in self.docs():
            for found_kind, value in concept_facets(doc):
                if found_kind == kind:
                    yield value

    def spelled(self, kind: str, value: str) -> str | None:
        wanted = value.casefold()
        return min((v for v in self._all(kind) if v.casefold() == wanted), default=None)

    def values(self, kind: str) -> list[str]:
        return sorted(set(self._all(kind)))
