"""simplemma's form -> lemma dictionaries as small SQLite files in the user's cache, read
by key.

Loading one of simplemma's dictionaries takes about a second and inverting it (lemma ->
forms) nearly two more: a price batch work pays once, but not a translator adding one
term. The first use on a machine writes the dictionary, with its inversion indexed, to
`<cache>/lexicon-<simplemma version>-<lang>.sqlite`; later processes answer single words
from it in microseconds. The file holds data only (no code runs when it is read); where
it cannot be written, callers fall back to the dictionary in memory.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Callable, Mapping

FORMAT = 1


def _path(lang: str) -> Path:
    from importlib.metadata import version

    from termbase.paths import user_cache_dir

    return user_cache_dir() / f"lexicon-{version('simplemma')}-{FORMAT}-{lang}.sqlite"


class Lexicon:
    """One language's dictionary, read by key from the cache file."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def lemma(self, form: str) -> str | None:
        row = self.conn.execute("SELECT lemma FROM forms WHERE form=?", (form,)).fetchone()
        return row[0] if row else None

    def forms_of(self, lemma_lower: str) -> frozenset[str]:
        return frozenset(r[0].lower() for r in self.conn.execute(
            "SELECT form FROM forms WHERE lemma_lower=?", (lemma_lower,)))


@functools.lru_cache(maxsize=None)
def open_lexicon(lang: str, load: Callable[[str], Mapping[str, str]]) -> Lexicon | None:
    """The cached dictionary of `lang`, written from `load(lang)` when missing; None where
    no cache can be written or read (then use the dictionary in memory)."""
    path = _path(lang)
    try:
        if not path.is_file():
            _write(path, load(lang))
        conn = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True,
                               check_same_thread=False)
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute("SELECT form, lemma, lemma_lower FROM forms LIMIT 1").fetchall()
        return Lexicon(conn)
    except (OSError, sqlite3.Error):
        return None


def _write(path: Path, dictionary: Mapping[str, str]) -> None:
    """Write the cache file whole under a temporary name, then rename it into place: a
    reader never sees half of it, and two processes writing at once both succeed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("CREATE TABLE forms(form TEXT PRIMARY KEY, lemma TEXT NOT NULL,"
                     " lemma_lower TEXT NOT NULL) WITHOUT ROWID")
        conn.executemany("INSERT INTO forms VALUES(?,?,?)", sorted(
            (form, lemma, lemma.lower()) for form, lemma in dictionary.items()))
        conn.execute("CREATE INDEX forms_by_lemma ON forms(lemma_lower)")
        conn.commit()
        conn.close()
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
