"""Memory segments by the hash of their identity (`termbase.segment_identity`): `ix_segids`,
so an import finds a segment the memory already has in one indexed read."""

from __future__ import annotations

import sqlite3

from termbase.segment_identity import identity_hash, segment_key

SCHEMA = [
    "CREATE TABLE ix_segids(seg TEXT PRIMARY KEY, h INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE INDEX ix_segids_h ON ix_segids(h)",
]
FIND_SQL = "SELECT seg FROM ix_segids WHERE h=?"


def row(key: str, doc: dict) -> tuple[str, int]:
    return key, identity_hash(segment_key(doc))


def put(conn: sqlite3.Connection, key: str, doc: dict | None) -> None:
    """Make the table reflect segment `key` as `doc` (None: gone)."""
    conn.execute("DELETE FROM ix_segids WHERE seg=?", (key,))
    if doc is not None:
        conn.execute("INSERT INTO ix_segids VALUES(?, ?)", row(key, doc))


def finder(conn: sqlite3.Connection):
    """hash -> keys of the indexed segments with that identity hash."""
    return lambda h: [seg for (seg,) in conn.execute(FIND_SQL, (h,))]
