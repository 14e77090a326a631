"""Which stored concepts have a term: what an import asks for every incoming term.

The answer comes from the index's term rows (`ix_terms`, as of the start of the
transaction: the index takes the transaction's own changes only when it commits). A
million-row import asks three million times; into a small termbase (a new store holds
only the shipped glossary) one read of its few term rows answers them all from memory,
while a large termbase is asked key by key, so importing a few rows into a million costs
a few look-ups, not a full read. Both answer the same ids in the same order (term id
order, each concept once).
"""

from __future__ import annotations

import sqlite3

# Term rows read at once when the termbase holds no more than this (a few MB in memory).
PRELOAD_MAX_TERMS = 50_000

# In term id order, said in SQL: DISTINCT alone keeps no order on PostgreSQL (nor need it on
# SQLite), and the first concept found is the one a tie merges into. The index on nkey
# holds each key's rows in tid order, so this costs no sort.
_BY_KEY = "SELECT concept_id FROM ix_terms WHERE nkey=? AND lang=? ORDER BY tid"


class StoredTerms:
    """`finder(lang, normalised term)` -> ids of the stored concepts with that term."""

    def __init__(self, conn: sqlite3.Connection, preload_max: int = PRELOAD_MAX_TERMS):
        self.conn, self.preload_max = conn, preload_max
        self.loaded: dict[tuple[str, str], list[str]] | None = None
        self.decided = False

    def __call__(self, lang: str, key: str) -> list[str] | tuple[str, ...]:
        if not self.decided:
            self.decided = True
            if self._term_count() <= self.preload_max:
                self.loaded = self._read_all()
        if self.loaded is not None:
            return self.loaded.get((lang, key), ())
        return list(dict.fromkeys(row[0] for row in self.conn.execute(_BY_KEY, (key, lang))))

    def _term_count(self) -> int:
        return self.conn.execute("SELECT coalesce(sum(terms), 0) FROM ix_langs").fetchone()[0]

    def _read_all(self) -> dict[tuple[str, str], list[str]]:
        found: dict[tuple[str, str], list[str]] = {}
        for lang, key, concept_id in self.conn.execute(
                "SELECT lang, nkey, concept_id FROM ix_terms ORDER BY tid"):
            ids = found.setdefault((lang, key), [])
            if concept_id not in ids:
                ids.append(concept_id)
        return found
