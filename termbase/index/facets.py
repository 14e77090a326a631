"""The subjects and varieties of a termbase in its index: `ix_facets`, one row per concept
and value, keyed (kind, casefolded value, value, concept id).

Whether a value is used is one seek; the distinct values are listed by skipping from one
(fold, value) to the next (a loose index scan: a seek per distinct value, however many
concepts share each). Plain SQL with row values, which SQLite (3.15+) and PostgreSQL both
answer from the primary key. `WITHOUT ROWID` (SQLite's clustered table, as for the other
index tables: the key is the table, a third of the size) is the one dialect-specific word,
in the schema only.
"""

from __future__ import annotations

import sqlite3

from termbase.facets import concept_facets

SCHEMA = [
    "CREATE TABLE ix_facets(kind TEXT NOT NULL, fold TEXT NOT NULL, value TEXT NOT NULL,"
    " concept_id TEXT NOT NULL, PRIMARY KEY(kind, fold, value, concept_id)) WITHOUT ROWID",
    "CREATE INDEX ix_facets_concept ON ix_facets(concept_id)",
]
SPELLED_SQL = ("SELECT value FROM ix_facets WHERE kind=? AND fold=? ORDER BY value"
               " LIMIT 1")
FIRST_SQL = "SELECT fold, value FROM ix_facets WHERE kind=? ORDER BY fold, value LIMIT 1"
NEXT_SQL = ("SELECT fold, value FROM ix_facets WHERE kind=? AND (fold, value) > (?, ?)"
            " ORDER BY fold, value LIMIT 1")


def rows(concept_id: str, doc: dict) -> list[tuple[str, str, str, str]]:
    """The ix_facets rows of one concept document."""
    return [(kind, value.casefold(), value, concept_id)
            for kind, value in sorted(concept_facets(doc))]


def put(conn: sqlite3.Connection, concept_id: str, doc: dict) -> None:
    conn.executemany("INSERT INTO ix_facets VALUES(?,?,?,?)", rows(concept_id, doc))


def remove(conn: sqlite3.Connection, concept_id: str) -> None:
    conn.execute("DELETE FROM ix_facets WHERE concept_id=?", (concept_id,))


class IndexFacets:
    """`termbase.facets.Facets` answered from the index tables of one connection."""

    def __init__(self, conn: sqlite3.Connection, keeper=None):
        self.conn = conn
        self._keeper = keeper  # keeps an index file's own connection open while used

    def spelled(self, kind: str, value: str) -> str | None:
        row = self.conn.execute(SPELLED_SQL, (kind, value.casefold())).fetchone()
        return row[0] if row else None

    def values(self, kind: str) -> list[str]:
        found = []
        row = self.conn.execute(FIRST_SQL, (kind,)).fetchone()
        while row is not None:
            found.append(row[1])
            row = self.conn.execute(NEXT_SQL, (kind, *row)).fetchone()
        return found
