"""The lifetime of an index file's own SQLite connection.

A TinyDB store's index is a file of its own, opened by each reader. An sqlite3 connection
sits in a reference cycle with its statement cache, so a dropped one would keep its file
descriptor until the garbage collector ran, and a long-lived process (a server) would pile
them up, one per write. The keeper has no such cycle: the index reader and every view made
from it (facets, the memory) hold it, and the connection closes when the last of them is
gone. A store's own connection (the SQLite engine) has no keeper: the store closes it.
"""

from __future__ import annotations

import sqlite3


class ConnectionKeeper:
    __slots__ = ("conn",)

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def close(self) -> None:
        self.conn.close()

    def __del__(self) -> None:
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown; nothing left to protect
            pass
