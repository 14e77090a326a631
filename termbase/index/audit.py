"""Does the index say what the data says? For `doctor`, which reads every record anyway.

The version stamp tells whether the index was kept by the writers since its build; it cannot
tell an SQL edit of the rows (of an SQLite store's records, or of the index's own tables),
which leaves the stamp as it was. This compares the index's terms, subjects and varieties
(ix_facets) and memory segment identities (ix_segids) with the records', and its postings
and sequences with its terms, as order-independent sums of hashes: one pass over each
table, in constant memory, at any size.
"""

from __future__ import annotations

import sqlite3
from typing import Iterable

from termbase.index import facets as facet_index
from termbase.index import identity as segment_ids

OUT_OF_STEP = "out of step with the data (rebuilt by `termbase doctor --repair`)"
_MASK = (1 << 64) - 1


class _Digest:
    """A multiset of rows as (count, sum of hashes): equal for the same rows in any order."""

    def __init__(self):
        self.count = self.total = 0

    def add(self, row: tuple) -> None:
        self.count += 1
        self.total = (self.total + hash(row)) & _MASK

    def __eq__(self, other) -> bool:
        return (self.count, self.total) == (other.count, other.total)


def _digest(rows: Iterable[tuple]) -> _Digest:
    digest = _Digest()
    for row in rows:
        digest.add(tuple(row))
    return digest


class TermAudit:
    """Fed every concept record (`add`) and memory segment (`add_segment`), then asked
    whether the index agrees (`verdict`)."""

    def __init__(self):
        self.records = _Digest()
        self.facets = _Digest()
        self.segments = _Digest()

    def add(self, doc: dict) -> None:
        for term in doc.get("terms", ()):
            self.records.add((doc.get("id"), term.get("lang"), term.get("text"),
                              term.get("status", "")))
        for row in facet_index.rows(doc.get("id"), doc):
            self.facets.add(row)

    def add_segment(self, key: str, doc: dict) -> None:
        self.segments.add(segment_ids.row(key, doc))

    def verdict(self, conn: sqlite3.Connection) -> str:
        """"current" or `OUT_OF_STEP`, for an index whose stamp says current."""
        terms, postings, sequences = _Digest(), _Digest(), _Digest()
        for tid, concept_id, lang, text, status, seq_text in conn.execute(
                "SELECT tid, concept_id, lang, text, status, seq FROM ix_terms"):
            terms.add((concept_id, lang, text, status or ""))
            seq = tuple(int(x) for x in seq_text.split()) if seq_text else ()
            for lex in set(seq):
                postings.add((lex, len(seq), concept_id, tid))
            if seq:
                sequences.add((lang, seq_text, tid))
        agree = (terms == self.records
                 and postings == _digest(conn.execute("SELECT lex, len, cid, tid FROM ix_term_lex"))
                 and sequences == _digest(conn.execute("SELECT lang, path, tid FROM ix_seq"))
                 and self.facets == _digest(conn.execute(
                     "SELECT kind, fold, value, concept_id FROM ix_facets"))
                 and self.segments == _digest(conn.execute("SELECT seg, h FROM ix_segids")))
        return "current" if agree else OUT_OF_STEP
