"""The search index as SQLite tables: read lazily, one key at a time, changed incrementally.

A cold lookup reads only the rows its query needs, so its cost does not grow with the
termbase; a change of k concepts rewrites only their rows. The tables live in the store's
own database (SQLite, PostgreSQL later) or in a file beside a TinyDB store. All morphology
is paid when a term is written: each token is mapped to a *lexeme* (its candidate lemmas),
whose folded inflected forms and stems are stored once, so a query needs only look-ups.

Nothing here executes code when read: the schema is checked against the one this module
creates (no triggers, no views) and `trusted_schema` is off.

Reading goes through `DiskIndex`, whose attributes (`forms`, `stems`, `exact`, `folded`,
`sequences`, `terms`, `trie`, `concepts`, `memory`) answer `get`, `in` and `[]` like the
dicts of the in-memory index that came before, each from one indexed query;
`containing_bands` reads the terms holding a lexeme, shortest first, band by band.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import json
import os
import sqlite3
import zlib
from collections import OrderedDict
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from termbase.index import facets as facet_index
from termbase.index import identity as segment_ids
from termbase.index.fuzzy import MIN_LEN, MIN_LEN_IN_PHRASE, closest
from termbase.index.structures import TermRef
from termbase.index.trie_paths import new_prefixes
from termbase.records import record_problem
from termbase.text.normalize import fold, norm, token_texts, tokenize

if TYPE_CHECKING:
    from termbase.index.keeper import ConnectionKeeper

INDEX_FORMAT = 16

SCHEMA = [
    "CREATE TABLE ix_meta(key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE ix_lexemes(lex INTEGER PRIMARY KEY, lang TEXT NOT NULL, lemma TEXT NOT NULL,"
    " UNIQUE(lang, lemma))",
    "CREATE TABLE ix_tokens(lang TEXT, token TEXT, lemma TEXT, PRIMARY KEY(lang, token))"
    " WITHOUT ROWID",
    # origin 0: a form generated from the lexeme; otherwise the term id that observed it
    "CREATE TABLE ix_forms(lang TEXT, form TEXT, lex INTEGER, origin INTEGER,"
    " PRIMARY KEY(lang, form, lex, origin)) WITHOUT ROWID",
    "CREATE INDEX ix_forms_lex ON ix_forms(lex, origin)",
    "CREATE TABLE ix_stems(lang TEXT, stem TEXT, lex INTEGER, origin INTEGER,"
    " PRIMARY KEY(lang, stem, lex, origin)) WITHOUT ROWID",
    "CREATE INDEX ix_stems_lex ON ix_stems(lex, origin)",
    "CREATE TABLE ix_terms(tid INTEGER PRIMARY KEY, concept_id TEXT NOT NULL, lang TEXT,"
    " text TEXT, status TEXT, seq TEXT, nkey TEXT, fkey TEXT)",
    "CREATE INDEX ix_terms_concept ON ix_terms(concept_id)",
    "CREATE INDEX ix_terms_nkey ON ix_terms(nkey)",
    # by concept within a key: which of many terms with one key a capped read keeps is
    # then a matter of the data, not of the order the terms were written in
    "CREATE INDEX ix_terms_fkey ON ix_terms(fkey, concept_id)",
    # a lexeme's terms, shortest first, then by concept (the same for the same data, so a
    # frequent word's capped read examines the same terms however they were written)
    "CREATE TABLE ix_term_lex(lex INTEGER, len INTEGER, cid TEXT, tid INTEGER,"
    " PRIMARY KEY(lex, len, cid, tid)) WITHOUT ROWID",
    # how many rows of ix_term_lex each lexeme has (the terms holding it), kept with them:
    # a lookup picks its rarest word and caps a frequent one without counting postings
    "CREATE TABLE ix_lexcount(lex INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
    # every prefix of every lexeme sequence (the trie's nodes), and the complete ones
    "CREATE TABLE ix_paths(lang TEXT, path TEXT, PRIMARY KEY(lang, path)) WITHOUT ROWID",
    "CREATE TABLE ix_seq(lang TEXT, path TEXT, tid INTEGER, PRIMARY KEY(lang, path, tid))"
    " WITHOUT ROWID",
    "CREATE TABLE ix_langs(lang TEXT PRIMARY KEY, terms INTEGER)",
    # typo vocabulary: each folded form under itself and its one-deletion neighbours
    "CREATE TABLE ix_words(wid INTEGER PRIMARY KEY, lang TEXT, word TEXT, UNIQUE(lang, word))",
    # h: a 32-bit hash of (language, key); collisions only cost a wasted distance check
    "CREATE TABLE ix_deletes(h INTEGER, wid INTEGER, PRIMARY KEY(h, wid)) WITHOUT ROWID",
    # translation memory retrieval keys, with the segment's length in words in the key:
    # matching reads a key's segments of the lengths that can still reach its best match
    "CREATE TABLE ix_mem(lang TEXT, word TEXT, len INTEGER, seg TEXT,"
    " PRIMARY KEY(lang, word, len, seg)) WITHOUT ROWID",
    "CREATE INDEX ix_mem_seg ON ix_mem(seg)",
    # how many rows of ix_mem each key has (its segments, one per length of their texts):
    # matching reads the rare keys' postings first
    "CREATE TABLE ix_memdf(lang TEXT, word TEXT, n INTEGER NOT NULL, PRIMARY KEY(lang, word))"
    " WITHOUT ROWID",
    # copies of the records, for engines whose own store cannot be read by key (TinyDB)
    "CREATE TABLE ix_concepts(id TEXT PRIMARY KEY, doc TEXT NOT NULL)",
    "CREATE TABLE ix_segments(key TEXT PRIMARY KEY, doc TEXT NOT NULL)",
    *facet_index.SCHEMA,  # subjects and varieties in use
    *segment_ids.SCHEMA,  # memory segments by identity, for imports
]
_EXPECTED = {s.split()[2].split("(")[0] for s in SCHEMA}


class IndexDamaged(Exception):
    """The index tables are missing, of another format or not ours, or their rows are out of
    step with the data (edited behind termbase's back): rebuild them."""


def create_schema(conn: sqlite3.Connection, secondary: bool = True) -> None:
    """The index tables; `secondary=False` leaves out the secondary indexes, which a bulk
    load creates at its end (SQLite sorts them in one pass, far faster than keeping them
    up to date row by row)."""
    for statement in SCHEMA:
        if secondary or not statement.startswith("CREATE INDEX"):
            conn.execute(statement)
    conn.execute("INSERT INTO ix_meta VALUES('format', ?)", (str(INDEX_FORMAT),))


def _create_secondary(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA:
        if statement.startswith("CREATE INDEX"):
            conn.execute(statement)


def drop_schema(conn: sqlite3.Connection) -> None:
    for name in sorted(_EXPECTED):
        kind = "INDEX" if name in _indexes() else "TABLE"
        conn.execute(f"DROP {kind} IF EXISTS {name}")


def _indexes() -> set[str]:
    return {s.split()[2] for s in SCHEMA if s.startswith("CREATE INDEX")}


def _expected_objects() -> frozenset:
    """(type, name, table, sql) of every schema object `create_schema` makes, as SQLite
    records them (automatic indexes included)."""
    global _EXPECTED_OBJECTS
    if _EXPECTED_OBJECTS is None:
        scratch = sqlite3.connect(":memory:")
        create_schema(scratch)
        _EXPECTED_OBJECTS = frozenset(scratch.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"))
        scratch.close()
    return _EXPECTED_OBJECTS


_EXPECTED_OBJECTS: frozenset | None = None


def verify_schema(conn: sqlite3.Connection, alone: bool = False) -> None:
    """Raise IndexDamaged unless the ix_ objects are exactly ours (same statements, so no
    altered column, generated column, CHECK, trigger or view on them can run or answer
    anything), in this format. `alone`: a file that must hold nothing else (the sidecar
    of a TinyDB store). In an SQLite store, objects of other tables are the store's
    business (`foreign_objects`), not a reason to rebuild the index on every use."""
    try:
        rows = set(conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE ?"
            " OR name LIKE 'ix\\_%' ESCAPE '\\' OR tbl_name LIKE 'ix\\_%' ESCAPE '\\'",
            (alone,)).fetchall())
        if any(kind not in ("table", "index") for kind, *_ in rows):
            raise IndexDamaged("unexpected triggers, views or other objects")
        if rows != _expected_objects():
            raise IndexDamaged("missing, altered or unexpected index tables")
        row = conn.execute("SELECT value FROM ix_meta WHERE key='format'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise IndexDamaged(str(exc)) from None
    if row is None or row[0] != str(INDEX_FORMAT):
        raise IndexDamaged("index of another format")


COUNTS_DISAGREE = "term counts disagree with the postings"


def verify_counts(conn: sqlite3.Connection) -> None:
    """Raise IndexDamaged unless ix_lexcount holds, for every lexeme, the number of its rows
    in ix_term_lex (and nothing for a lexeme without any). A lookup trusts these counts to
    cap a frequent word's candidates, so a doctor checks them: a whole pass over the
    postings, which no lookup pays."""
    try:
        wrong = conn.execute(
            "SELECT 1 FROM (SELECT lex, count(*) AS n FROM ix_term_lex GROUP BY lex) p"
            " LEFT JOIN ix_lexcount c ON c.lex = p.lex WHERE c.n IS NULL OR c.n <> p.n"
            " UNION ALL SELECT 1 FROM ix_lexcount c WHERE NOT EXISTS"
            " (SELECT 1 FROM ix_term_lex p WHERE p.lex = c.lex) LIMIT 1").fetchone()
    except sqlite3.DatabaseError as exc:
        raise IndexDamaged(str(exc)) from None
    if wrong is not None:
        raise IndexDamaged(COUNTS_DISAGREE)


def health(conn: sqlite3.Connection, state: str, alone: bool = False) -> str:
    """What a doctor says of the index: "current", "stale ..." or "damaged ..." (see
    `verify_schema` for `alone`)."""
    try:
        verify_schema(conn, alone)
        if get_state(conn) != state:
            return "stale (rebuilt on next use)"
        verify_counts(conn)
    except IndexDamaged as exc:
        if str(exc) == COUNTS_DISAGREE:  # lookups cannot see this: only a repair rebuilds
            return f"damaged: {COUNTS_DISAGREE} (rebuilt by `termbase doctor --repair`)"
        return "damaged (rebuilt on next use)"
    return "current"


def foreign_objects(conn: sqlite3.Connection, own_tables: set[str]) -> list[str]:
    """Triggers, views and tables in a store that termbase never creates (a trigger runs
    with every write): "trigger audit_t", ..."""
    rows = conn.execute("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE"
                        " 'sqlite\\_%' ESCAPE '\\'").fetchall()
    own = own_tables | {name for _, name, _, _ in _expected_objects()}
    return sorted(f"{kind} {name}" for kind, name, table in rows
                  if kind in ("trigger", "view") or (name not in own and table not in own))


def get_state(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM ix_meta WHERE key='state'").fetchone()
    return row[0] if row else None


def set_state(conn: sqlite3.Connection, state: str) -> None:
    conn.execute("INSERT OR REPLACE INTO ix_meta VALUES('state', ?)", (state,))


def _h(lang: str, key: str) -> int:
    """crc32 of "lang\0key", continued from the language's own running crc."""
    return zlib.crc32(key.encode("utf-8"), _lang_crc(lang))


@functools.lru_cache(maxsize=None)
def _lang_crc(lang: str) -> int:
    return zlib.crc32(f"{lang}\x00".encode("utf-8"))


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


def _path(seq) -> str:
    return " ".join(map(str, seq))


# -- writing --------------------------------------------------------------------------------
class IndexWriter:
    """Applies changes of concepts and segments to the index tables of one connection
    (inside the caller's transaction). Morphology is loaded only for words never seen."""

    def __init__(self, conn: sqlite3.Connection, keep_records: bool):
        self.conn = conn
        self.keep_records = keep_records

    # concepts ---------------------------------------------------------------------------
    def put_concept(self, concept_id: str, doc: dict | None) -> None:
        """Make the index reflect `doc` (None: the concept is gone)."""
        self.remove_concept(concept_id)
        if doc is None:
            return
        if self.keep_records:
            self.conn.execute("INSERT OR REPLACE INTO ix_concepts VALUES(?, ?)",
                              (concept_id, json.dumps(doc, ensure_ascii=False)))
        facet_index.put(self.conn, concept_id, doc)
        for term in doc.get("terms", ()):
            self._add_term(concept_id, term)

    def remove_concept(self, concept_id: str) -> None:
        conn = self.conn
        rows = conn.execute("SELECT tid, lang, seq FROM ix_terms WHERE concept_id=?",
                            (concept_id,)).fetchall()
        if self.keep_records:
            conn.execute("DELETE FROM ix_concepts WHERE id=?", (concept_id,))
        facet_index.remove(conn, concept_id)
        orphans = set()
        for tid, lang, seq_text in rows:
            seq = tuple(int(x) for x in seq_text.split()) if seq_text else ()
            conn.execute("DELETE FROM ix_terms WHERE tid=?", (tid,))
            conn.execute("UPDATE ix_langs SET terms=terms-1 WHERE lang=?", (lang,))
            for lex in set(seq):  # forms this term observed in texts
                conn.execute("DELETE FROM ix_forms WHERE lex=? AND origin=?", (lex, tid))
                conn.execute("DELETE FROM ix_stems WHERE lex=? AND origin=?", (lex, tid))
            if seq:
                conn.execute("DELETE FROM ix_seq WHERE lang=? AND path=? AND tid=?",
                             (lang, _path(seq), tid))
                self._prune_paths(lang, seq)
                for lex in set(seq):
                    conn.execute("DELETE FROM ix_term_lex WHERE lex=? AND len=? AND cid=?"
                                 " AND tid=?", (lex, len(seq), concept_id, tid))
                    conn.execute("UPDATE ix_lexcount SET n=n-1 WHERE lex=?", (lex,))
                orphans.update(seq)
        for lex in orphans:
            if conn.execute("SELECT 1 FROM ix_term_lex WHERE lex=? LIMIT 1",
                            (lex,)).fetchone() is None:
                conn.execute("DELETE FROM ix_lexcount WHERE lex=?", (lex,))
                conn.execute("DELETE FROM ix_forms WHERE lex=?", (lex,))
                conn.execute("DELETE FROM ix_stems WHERE lex=?", (lex,))
                conn.execute("DELETE FROM ix_lexemes WHERE lex=?", (lex,))

    def _prune_paths(self, lang: str, seq: tuple) -> None:
        """Remove the trie nodes of a removed term that no remaining term passes through,
        deepest first (a node in use keeps every node above it). Left behind, they answered
        nothing, but made a segment scan follow dead ends and the index grow with edits."""
        for n in range(len(seq), 0, -1):
            path = _path(seq[:n])
            if self.conn.execute("SELECT 1 FROM ix_seq WHERE lang=? AND (path=? OR (path>=?"
                                 " AND path<?)) LIMIT 1", (lang, path, path + " ", path + "!")
                                 ).fetchone():
                return
            self.conn.execute("DELETE FROM ix_paths WHERE lang=? AND path=?", (lang, path))

    def _add_term(self, concept_id: str, term: dict) -> None:
        conn, lang, text = self.conn, term["lang"], term["text"]
        tokens = [t.text for t in tokenize(text)]
        seq = tuple(self._lexeme(token, lang) for token in tokens)
        cursor = conn.execute(
            "INSERT INTO ix_terms(concept_id, lang, text, status, seq, nkey, fkey)"
            " VALUES(?,?,?,?,?,?,?)",
            (concept_id, lang, text, term.get("status", ""), _path(seq), norm(text),
             fold(text)))
        tid = cursor.lastrowid
        # (the stored row named by its table: PostgreSQL reads a bare name as ambiguous
        # between it and the row proposed, `excluded`)
        conn.execute("INSERT INTO ix_langs VALUES(?, 1) ON CONFLICT(lang) DO UPDATE"
                     " SET terms=ix_langs.terms+1", (lang,))
        if not seq:
            return
        conn.executemany("INSERT OR IGNORE INTO ix_term_lex VALUES(?,?,?,?)",
                         [(lex, len(seq), concept_id, tid) for lex in set(seq)])
        conn.executemany("INSERT INTO ix_lexcount VALUES(?, 1) ON CONFLICT(lex) DO UPDATE"
                         " SET n=ix_lexcount.n+1", [(lex,) for lex in set(seq)])
        conn.executemany("INSERT OR IGNORE INTO ix_paths VALUES(?, ?)",
                         [(lang, _path(seq[:n])) for n in range(1, len(seq) + 1)])
        conn.execute("INSERT OR IGNORE INTO ix_seq VALUES(?,?,?)", (lang, _path(seq), tid))
        for observed in term.get("forms", ()):
            observed_tokens = tokenize(observed)
            if len(observed_tokens) != len(seq):
                continue
            for token, lex in zip(observed_tokens, seq):
                self._add_forms(lang, lex, tid, [fold(token.text)], _stems(token.text, lang))

    def _lexeme(self, token: str, lang: str) -> int:
        conn = self.conn
        row = conn.execute("SELECT lemma FROM ix_tokens WHERE lang=? AND token=?",
                           (lang, token)).fetchone()
        if row is None:
            from termbase.text.morphology import lemma_key

            lemma = lemma_key(token, lang)
            conn.execute("INSERT OR REPLACE INTO ix_tokens VALUES(?,?,?)", (lang, token, lemma))
        else:
            lemma = row[0]
        found = conn.execute("SELECT lex FROM ix_lexemes WHERE lang=? AND lemma=?",
                             (lang, lemma)).fetchone()
        if found is not None:
            return found[0]
        lex = conn.execute("INSERT INTO ix_lexemes(lang, lemma) VALUES(?, ?)",
                           (lang, lemma)).lastrowid
        from termbase.index.lexemes import lexeme_data

        forms, stems = lexeme_data(token, lang)
        self._add_forms(lang, lex, 0, forms, stems)
        return lex

    def _add_forms(self, lang: str, lex: int, origin: int, forms: Iterable[str],
                   stems: Iterable[str]) -> None:
        conn = self.conn
        forms = list(forms)
        conn.executemany("INSERT OR IGNORE INTO ix_forms VALUES(?,?,?,?)",
                         [(lang, form, lex, origin) for form in forms])
        conn.executemany("INSERT OR IGNORE INTO ix_stems VALUES(?,?,?,?)",
                         [(lang, stem, lex, origin) for stem in stems])
        for form in forms:
            if len(form) < MIN_LEN_IN_PHRASE:
                continue
            cursor = conn.execute("INSERT OR IGNORE INTO ix_words(lang, word) VALUES(?, ?)",
                                  (lang, form))
            if cursor.rowcount:
                wid = cursor.lastrowid
                conn.executemany("INSERT OR IGNORE INTO ix_deletes VALUES(?,?)",
                                 [(_h(lang, key), wid) for key in _deletes(form)])

    # memory -----------------------------------------------------------------------------
    def put_segment(self, key: str, doc: dict | None) -> None:
        conn = self.conn
        gone = conn.execute("SELECT lang, word FROM ix_mem WHERE seg=?", (key,)).fetchall()
        conn.execute("DELETE FROM ix_mem WHERE seg=?", (key,))
        conn.executemany("UPDATE ix_memdf SET n=n-1 WHERE lang=? AND word=?", gone)
        conn.executemany("DELETE FROM ix_memdf WHERE lang=? AND word=? AND n<=0", gone)
        if self.keep_records:
            conn.execute("DELETE FROM ix_segments WHERE key=?", (key,))
        segment_ids.put(conn, key, doc)
        if doc is None:
            return
        if self.keep_records:
            conn.execute("INSERT INTO ix_segments VALUES(?, ?)",
                         (key, json.dumps(doc, ensure_ascii=False)))
        from termbase.index.memory import filing

        filed = sorted(filing(doc.get("texts", {})))
        conn.executemany("INSERT INTO ix_mem VALUES(?,?,?,?)",
                         [(lang, word, length, key) for lang, word, length in filed])
        conn.executemany("INSERT INTO ix_memdf VALUES(?,?,1) ON CONFLICT(lang, word)"
                         " DO UPDATE SET n=ix_memdf.n+1", [(lang, word) for lang, word, _ in filed])


def apply_changes(conn: sqlite3.Connection, tx, keep_records: bool) -> None:
    """Bring the index up to date with what a transaction touched."""
    writer = IndexWriter(conn, keep_records)
    for concept_id in sorted(tx.touched_concepts):
        writer.put_concept(concept_id, tx.concept_table.get(concept_id))
    for key in sorted(tx.touched_segments, key=lambda k: (len(k), k)):
        writer.put_segment(key, tx.segment_table.get(key))


def _stems(word: str, lang: str) -> set[str]:
    from termbase.text.morphology import stem_keys

    return stem_keys(word, lang)


def rebuild(conn: sqlite3.Connection, concepts: Iterable[dict],
            segments: Iterable[tuple[str, dict]], keep_records: bool,
            progress: Callable[[int], None] | None = None) -> None:
    """Drop and refill every index table (inside the caller's transaction) from streams of
    records, in bounded memory: only the morphology memo (which grows with the vocabulary,
    not with the termbase) stays in memory; rows are staged and sorted by SQLite."""
    drop_schema(conn)
    create_schema(conn, secondary=False)
    # Terms are numbered anew while the data's version stays the same: a reader that
    # outlives the rebuild (a server) tells by this stamp that its cached rows are void.
    conn.execute("INSERT INTO ix_meta VALUES('build', ?)", (os.urandom(8).hex(),))
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")  # the tables being filled stay hot
    try:
        loader = _BulkLoader(conn, keep_records)
        for count, doc in enumerate(concepts, 1):
            loader.add_concept(doc)
            if progress and count % 1000 == 0:
                progress(count)
        for key, doc in segments:
            loader.add_segment(key, doc)
        loader.finish()
        _create_secondary(conn)
    finally:
        conn.execute(f"PRAGMA cache_size={int(cache)}")


BULK_CACHE_KIB = 256 * 1024


class _BulkLoader:
    """Index rows of many records, loaded so that each B-tree is filled in key order.

    Tables keyed by a counter (lexemes, terms, words) get their rows in that order and are
    written directly. The others are first appended, unsorted, to TEMP staging tables (a
    cheap append to a B-tree without index, in SQLite's temporary database, outside the
    store's journal); at the end SQLite's external sorter orders each one and the rows go
    into the real table in key order, page after page. Sorting in Python instead cost a
    fifth of an import, and chunks sorted apart still landed all over a large B-tree.
    Lexeme, token and word ids are kept in memory, so each word's morphology is computed
    once and no row is looked up while loading."""

    CHUNK_ROWS = 300_000

    _COLUMNS = {
        "lexemes": 3, "tokens": 3, "forms": 4, "stems": 4, "terms": 8,
        "words": 3, "deletes": 2, "concepts": 2, "segments": 2, "mem": 4,
        "facets": 4, "segids": 2,
    }
    # written as they come: their key is a counter that only grows
    _IN_ORDER = {"lexemes", "terms", "words"}
    # Derived by SQLite from the term rows once they are in (a term's lexeme sequence is
    # its `seq`, "12 7 40"): millions of rows that need not pass through Python twice.
    # The trie's nodes (every prefix of a sequence) follow from ix_seq (`trie_paths`).
    _FROM_TERMS = (
        "INSERT INTO ix_seq SELECT lang, seq, tid FROM ix_terms WHERE seq != ''"
        " ORDER BY lang, seq, tid",
        # each distinct lexeme of a term, with the term's length in lexemes
        "INSERT OR IGNORE INTO ix_term_lex SELECT j.value, t.len, t.concept_id, t.tid FROM"
        " (SELECT tid, concept_id, '[' || replace(seq, ' ', ',') || ']' AS list,"
        " length(seq) - length(replace(seq, ' ', '')) + 1 AS len FROM ix_terms"
        " WHERE seq != '') AS t, json_each(t.list) AS j ORDER BY 1, 2, 3, 4",
    )

    def __init__(self, conn: sqlite3.Connection, keep_records: bool):
        self.conn, self.keep_records = conn, keep_records
        self.rows: dict[str, list] = {table: [] for table in self._COLUMNS}
        self.pending = 0
        self.token_lex: dict[str, dict[str, int]] = {}     # lang -> token -> lexeme id
        self.lemma_lex: dict[tuple[str, str], int] = {}
        self.word_ids: dict[tuple[str, str], int] = {}
        self.term_count = 0
        self.lang_counts: dict[str, int] = {}
        for table, columns in self._COLUMNS.items():
            if table not in self._IN_ORDER:
                conn.execute(f"DROP TABLE IF EXISTS temp.stage_{table}")
                conn.execute(f"CREATE TEMP TABLE stage_{table}"
                             f"({', '.join(f'c{n}' for n in range(columns))})")

    def _put(self, table: str, rows: list) -> None:
        """Stage rows; written out by the next record once enough are pending."""
        self.rows[table].extend(rows)
        self.pending += len(rows)

    def _marks(self, table: str) -> str:
        return ",".join("?" * self._COLUMNS[table])

    def flush(self) -> None:
        for table, rows in self.rows.items():
            if rows:
                target = f"ix_{table}" if table in self._IN_ORDER else f"temp.stage_{table}"
                self.conn.executemany(f"INSERT INTO {target} VALUES({self._marks(table)})",
                                      rows)
                rows.clear()
        self.pending = 0

    def finish(self) -> None:
        self.flush()
        for table, columns in self._COLUMNS.items():
            if table not in self._IN_ORDER:
                order = ", ".join(f"c{n}" for n in range(columns))
                # OR IGNORE: a row met twice (a path shared by two terms) is stored once
                self.conn.execute(f"INSERT OR IGNORE INTO ix_{table} SELECT * FROM"
                                  f" temp.stage_{table} ORDER BY {order}")
                self.conn.execute(f"DROP TABLE temp.stage_{table}")
        for statement in self._FROM_TERMS:
            self.conn.execute(statement)
        # the trie's nodes, from the complete sequences read in key order (no sort)
        self.conn.executemany("INSERT OR IGNORE INTO ix_paths VALUES(?, ?)", new_prefixes(
            self.conn.execute("SELECT lang, path FROM ix_seq ORDER BY lang, path")))
        self.conn.executemany("INSERT INTO ix_langs VALUES(?, ?)", self.lang_counts.items())
        self.conn.execute("INSERT INTO ix_lexcount SELECT lex, count(*) FROM ix_term_lex"
                          " GROUP BY lex")
        self.conn.execute("INSERT INTO ix_memdf SELECT lang, word, count(*) FROM ix_mem"
                          " GROUP BY lang, word")

    def add_concept(self, doc: dict) -> None:
        concept_id = doc["id"]
        if self.keep_records:
            self._put("concepts", [(concept_id, json.dumps(doc, ensure_ascii=False))])
        self._put("facets", facet_index.rows(concept_id, doc))
        for term in doc.get("terms", ()):
            self._add_term(concept_id, term)
        if self.pending >= self.CHUNK_ROWS:
            self.flush()

    def _add_term(self, concept_id: str, term: dict) -> None:
        """A term's row, appended straight to the staged list: this runs for each of
        millions of terms, so the per-word work (morphology, forms, typo keys) is all in
        `_lexeme`, once per distinct word, and the rows that follow from the term's lexeme
        sequence (`_FROM_TERMS`) are made by SQLite."""
        lang, text = term["lang"], term["text"]
        self.term_count += 1
        tid = self.term_count
        self.lang_counts[lang] = self.lang_counts.get(lang, 0) + 1
        known = self.token_lex.get(lang) or self.token_lex.setdefault(lang, {})
        seq = [known.get(token) or self._lexeme(token, lang) for token in token_texts(text)]
        self.rows["terms"].append((tid, concept_id, lang, text, term.get("status", ""),
                                   _path(seq), norm(text), fold(text)))
        self.pending += 1
        for observed in term.get("forms", ()):  # forms seen in texts, owned by the term
            tokens = tokenize(observed)
            if len(tokens) == len(seq):
                for token, lex in zip(tokens, seq):
                    self._add_forms(lang, lex, tid, [fold(token.text)],
                                    _stems(token.text, lang))

    def _lexeme(self, token: str, lang: str) -> int:
        """The lexeme id of a word not met before in this load (ids count from 1)."""
        from termbase.index.lexemes import lexeme_data
        from termbase.text.morphology import lemma_key

        lemma = lemma_key(token, lang)
        self._put("tokens", [(lang, token, lemma)])
        lex = self.lemma_lex.get((lang, lemma))
        if lex is None:
            lex = self.lemma_lex[(lang, lemma)] = len(self.lemma_lex) + 1
            self._put("lexemes", [(lex, lang, lemma)])
            forms, stems = lexeme_data(token, lang)
            self._add_forms(lang, lex, 0, forms, stems)
        self.token_lex[lang][token] = lex
        return lex

    def _add_forms(self, lang: str, lex: int, origin: int, forms, stems) -> None:
        self._put("forms", [(lang, form, lex, origin) for form in forms])
        self._put("stems", [(lang, stem, lex, origin) for stem in stems])
        crc, seed = zlib.crc32, _lang_crc(lang)   # `_h`, unrolled: millions of keys
        for form in forms:
            if len(form) >= MIN_LEN_IN_PHRASE and (lang, form) not in self.word_ids:
                wid = self.word_ids[(lang, form)] = len(self.word_ids) + 1
                self._put("words", [(wid, lang, form)])
                self._put("deletes", [(crc(key.encode("utf-8"), seed), wid)
                                      for key in _deletes(form)])

    def add_segment(self, key: str, doc: dict) -> None:
        if self.keep_records:
            self._put("segments", [(key, json.dumps(doc, ensure_ascii=False))])
        self._put("segids", [segment_ids.row(key, doc)])
        from termbase.index.memory import filing

        self._put("mem", [(lang, word, length, key)
                          for lang, word, length in filing(doc.get("texts", {}))])
        if self.pending >= self.CHUNK_ROWS:
            self.flush()


BULK_MIN = 5_000


def bulk_is_cheaper(changed: int, total: Callable[[], int]) -> bool:
    """A change of most of a large termbase (an import into an empty or small store) is
    indexed faster by one bulk rebuild than row by row. `total` is asked only for a large
    change: counting a million rows is not free, and an `add` must not pay for it."""
    return changed >= BULK_MIN and changed * 3 >= total()


# -- reading --------------------------------------------------------------------------------
class _Cache(OrderedDict):
    """A small LRU of query answers, emptied whenever the index changes."""

    def __init__(self, size: int = 50_000):
        super().__init__()
        self.size = size

    def remember(self, key, value):
        self[key] = value
        if len(self) > self.size:
            self.popitem(last=False)
        return value


class _KeyTable:
    """`table.get(key)` for one language (or none) from one indexed SELECT."""

    def __init__(self, index: "DiskIndex", sql: str, lang: str | None, shape=tuple):
        self.index, self.sql, self.lang, self.shape = index, sql, lang, shape

    def get(self, key, default=None):
        cache = self.index._cache
        cache_key = (self.sql, self.lang, key)
        if cache_key in cache:
            found = cache[cache_key]
        else:
            params = (self.lang, key) if self.lang is not None else (key,)
            rows = self.index.conn.execute(self.sql, params).fetchall()
            found = cache.remember(cache_key, self.shape(r[0] for r in rows) if rows else None)
        return default if found is None else found

    def __getitem__(self, key):
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key) -> bool:
        return self.get(key) is not None


class _PerLanguage:
    """`index.forms.get(lang, {})` / `index.forms[lang]`: a key table per language."""

    def __init__(self, index: "DiskIndex", sql: str):
        self.index, self.sql = index, sql

    def get(self, lang, default=None):
        return _KeyTable(self.index, self.sql, lang)

    def __getitem__(self, lang):
        return _KeyTable(self.index, self.sql, lang)


class _Rows:
    """`index.terms[tid]` and `index.sequences[tid]`: one row of ix_terms, cached."""

    def __init__(self, index: "DiskIndex", make):
        self.index, self.make = index, make

    def __getitem__(self, tid: int):
        row = self.index.term_row(tid)
        return self.make(row)


class _TrieNode:
    """A node of the lexeme-sequence trie: `lex in node`, `node[lex]`, `node.get(None)`."""

    __slots__ = ("index", "lang", "path")

    def __init__(self, index: "DiskIndex", lang: str, path: str):
        self.index, self.lang, self.path = index, lang, path

    def _child(self, lex) -> str:
        return f"{self.path} {lex}" if self.path else str(lex)

    def __contains__(self, lex) -> bool:
        if lex is None:  # `None in node`: a term ends here, as in the in-memory trie
            return bool(self.index.path_terms(self.lang, self.path))
        return self.index.has_path(self.lang, self._child(lex))

    def __getitem__(self, lex):
        if lex is None:
            found = self.index.path_terms(self.lang, self.path)
            if not found:
                raise KeyError(lex)
            return found
        if lex not in self:
            raise KeyError(lex)
        return _TrieNode(self.index, self.lang, self._child(lex))

    def get(self, lex, default=None):
        try:
            return self[lex]
        except KeyError:
            return default

    def __bool__(self) -> bool:
        return True


class _Trie:
    def __init__(self, index: "DiskIndex"):
        self.index = index

    def get(self, lang, default=None):
        return _TrieNode(self.index, lang, "") if lang in self.index.languages else default


class _Concepts:
    """`index.concepts[id]` / `.get(id)`: the concept document, from the store or the copy."""

    def __init__(self, index: "DiskIndex", sql: str):
        self.index, self.sql = index, sql

    def get(self, concept_id: str, default=None):
        row = self.index.conn.execute(self.sql, (concept_id,)).fetchone()
        if row is None:
            return default
        try:
            doc = json.loads(row[0])
        except (TypeError, ValueError):
            doc = None
        if record_problem("concepts", doc):  # edited behind our back: rebuilt from the data
            raise IndexDamaged(f"the record of concept {concept_id!r} is malformed")
        return doc

    def __getitem__(self, concept_id: str):
        found = self.get(concept_id)
        if found is None:  # only the index names it: its rows outlived the record
            raise IndexDamaged(f"the index names concept {concept_id!r}, which is gone")
        return found


class _TypoIndex:
    """Typo candidates for one language: the deletion neighbourhood looked up in
    ix_deletes, verified with OSA distance (one edit, two for longer words)."""

    def __init__(self, index: "DiskIndex", lang: str):
        self.index, self.lang = index, lang

    def candidates(self, query: str, limit: int = 10, in_phrase: bool = False
                   ) -> list[tuple[str, int]]:
        if len(query) < (MIN_LEN_IN_PHRASE if in_phrase else MIN_LEN):
            return []
        cache_key = ("typo", self.lang, query)
        cache = self.index._cache
        if cache_key in cache:
            words = cache[cache_key]
        else:
            hashes = sorted({_h(self.lang, key) for key in _deletes(query)})
            marks = ",".join("?" * len(hashes))
            rows = self.index.conn.execute(
                # CROSS JOIN keeps SQLite's plan: the few deletion keys first, never a
                # scan of the language's whole vocabulary
                "SELECT DISTINCT w.word FROM ix_deletes d CROSS JOIN ix_words w ON w.wid = d.wid"
                f" WHERE d.h IN ({marks}) AND w.lang=? AND EXISTS (SELECT 1 FROM ix_forms f"
                " WHERE f.lang=w.lang AND f.form=w.word)", (*hashes, self.lang)).fetchall()
            words = cache.remember(cache_key, [r[0] for r in rows])
        return closest(query, words, limit)


_BEFORE_ALL = (0, "", -1)  # a (length, concept id, term id) before every posting


class DiskIndex:
    """Read side of the on-disk index (see the module docstring)."""

    def __init__(self, conn: sqlite3.Connection, state: str, concept_sql: str,
                 segment_sql: str, segment_count_sql: str,
                 keeper: "ConnectionKeeper | None" = None):
        self.conn = conn
        self._keeper = keeper  # an index file's own connection (see `keeper`), else None
        self.fingerprint = state
        self._build: str | None = None  # the rebuild the cached answers come from
        self._cache = _Cache()
        self._terms: dict[int, tuple] = {}
        self._concept_sql = concept_sql
        self._segment_sql, self._segment_count_sql = segment_sql, segment_count_sql
        self._languages: list[str] | None = None
        self._memory = None

    def close(self) -> None:
        """Close the index file's connection now (the store's own is left to the store)."""
        if self._keeper is not None:
            self._keeper.close()

    # The views below are made on each use, not kept in attributes: kept, each would point
    # back at the index, and the cycle would hold the index's connection keeper (a file
    # descriptor) until the garbage collector happened to run.
    @property
    def forms(self) -> _PerLanguage:
        return _PerLanguage(self, "SELECT DISTINCT lex FROM ix_forms WHERE lang=? AND form=?"
                                  " ORDER BY lex")

    @property
    def stems(self) -> _PerLanguage:
        return _PerLanguage(self, "SELECT DISTINCT lex FROM ix_stems WHERE lang=? AND stem=?"
                                  " ORDER BY lex")

    @property
    def exact(self) -> _KeyTable:
        return _KeyTable(self, "SELECT tid FROM ix_terms WHERE nkey=? ORDER BY tid", None, list)

    @property
    def folded(self) -> _KeyTable:
        return _KeyTable(self, "SELECT tid FROM ix_terms WHERE fkey=? ORDER BY tid", None, list)

    @property
    def terms(self) -> _Rows:
        return _Rows(self, lambda row: TermRef(row[0], row[1], row[2], row[3] or ""))

    @property
    def sequences(self) -> _Rows:
        return _Rows(self, lambda row: row[4])

    @property
    def trie(self) -> _Trie:
        return _Trie(self)

    @property
    def concepts(self) -> _Concepts:
        return _Concepts(self, self._concept_sql)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read as of one moment: the many small queries of a lookup all see the same
        version, even while another process commits (WAL, or the journal of an index file
        beside a TinyDB store). Inside a transaction already, that one is the snapshot."""
        conn = self.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            stamps = dict(conn.execute("SELECT key, value FROM ix_meta WHERE key IN"
                                       " ('state', 'build')").fetchall())
            self._follow(stamps.get("state"), stamps.get("build"))
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def _follow(self, state: str | None, build: str | None = None) -> None:
        """The caller checked this index's version, then began reading; a writer that
        committed in between moved the snapshot to its version, which the answers cached
        from the older one (term rows by id, ids being reused) must not be mixed with.
        So must a rebuild by another process, which numbers the terms anew (`build`)."""
        if state != self.fingerprint or build != self._build:
            self.clear_cache()
            self.fingerprint, self._build = state, build

    def clear_cache(self) -> None:
        self._cache.clear()
        self._terms.clear()
        self._languages = None
        self._memory = None

    @property
    def languages(self) -> list[str]:
        if self._languages is None:
            self._languages = [r[0] for r in self.conn.execute(
                "SELECT lang FROM ix_langs WHERE terms > 0 ORDER BY lang")]
        return self._languages

    def prefetch_terms(self, tids) -> None:
        """Read the rows of many terms in a few queries (a frequent word's candidate terms
        would otherwise cost a query each)."""
        missing = [tid for tid in tids if tid not in self._terms]
        if len(self._terms) + len(missing) > 100_000:
            self._terms.clear()
        for start in range(0, len(missing), 500):
            part = missing[start:start + 500]
            for tid, *found in self.conn.execute(
                    "SELECT tid, concept_id, lang, text, status, seq FROM ix_terms WHERE tid IN"
                    f" ({','.join('?' * len(part))})", part):
                seq = tuple(int(x) for x in found[4].split()) if found[4] else ()
                self._terms[tid] = (found[0], found[1], found[2], found[3], seq)

    def lexeme_term_counts(self, lexemes: Iterable[int], cap: int) -> dict[int, int]:
        """How many terms hold each lexeme, at most `cap`: read from ix_lexcount, one query
        for all the lexemes not yet known (a count of the postings themselves cost about
        half of a lookup)."""
        cache, counts = self._cache, {}
        for lex in lexemes:
            counts[lex] = cache.get(("count", lex))
        missing = sorted(lex for lex, n in counts.items() if n is None)
        for start in range(0, len(missing), 500):
            part = missing[start:start + 500]
            found = dict(self.conn.execute(
                f"SELECT lex, n FROM ix_lexcount WHERE lex IN ({','.join('?' * len(part))})",
                part).fetchall())
            for lex in part:
                counts[lex] = cache.remember(("count", lex), found.get(lex, 0))
        return {lex: min(n, cap) for lex, n in counts.items()}

    def containing_bands(self, lexemes, required: list, cap: int
                         ) -> Iterator[tuple[int, list[int]]]:
        """`Index.containing_bands` read lazily, a page at a time in (length, term id)
        order: a search that stops after the short terms never reads the long ones, and
        terms lacking a required lexeme are dropped inside SQLite before any row reaches
        Python."""
        counts = self.lexeme_term_counts([*lexemes, *(lex for opts in required for lex in opts)],
                                         cap)
        candidates = sum(counts[lex] for lex in lexemes)
        # The rarest required word first: SQLite tests the filters in this order, so the
        # later ones are tried only on the few candidates the first lets through.
        required = sorted(required, key=lambda options: sum(counts[lex] for lex in options))
        filters, params = [], []
        for position, options in enumerate(required):
            # The first required word's terms are gathered once per query when that costs
            # less than probing each candidate for them (its lexemes at the cap, which may
            # hold any number of terms, are probed); the later words are only probed, since
            # few candidates reach them.
            frequent = [lex for lex in options if counts[lex] >= cap or position > 0]
            rare = [lex for lex in options if lex not in frequent]
            if sum(counts[lex] for lex in rare) > candidates * len(rare):
                frequent, rare = options, []
            either = []
            if rare:
                either.append("t.tid IN (SELECT tid FROM ix_term_lex WHERE lex IN"
                              f" ({','.join('?' * len(rare))}))")
            if frequent:
                either.append("EXISTS (SELECT 1 FROM ix_term_lex r WHERE r.lex IN"
                              f" ({','.join('?' * len(frequent))}) AND r.len=t.len AND"
                              " r.cid=t.cid AND r.tid=t.tid)")
            filters.append(f" AND ({' OR '.join(either)})")
            params += [*rare, *frequent]
        postings = self._postings(lexemes, counts, "".join(filters), params, cap)
        for length, group in itertools.groupby(postings, key=lambda posting: posting[0]):
            yield length, [tid for _length, _concept, tid in group]

    def _postings(self, lexemes, counts: dict[int, int], filters: str, params: list,
                  cap: int, page: int = 512) -> Iterator[tuple[int, str, int]]:
        """(length, concept id, term id) of the terms holding one of `lexemes` that pass
        `filters`, in that order, one statement per page (a required word's terms are
        gathered once per page, not once per lexeme). Without filters, each lexeme's
        postings are read in their own key order and merged here: a search that stops early
        then reads only the short terms of each, where one statement would read and sort
        all of them."""
        conn = self.conn
        whole, capped = [], []
        for lex in lexemes:
            if counts[lex] < cap:
                whole.append(lex)
                continue
            # The cap-th posting of the lexeme: later ones are not candidates.
            last = conn.execute("SELECT len, cid, tid FROM ix_term_lex WHERE lex=? ORDER BY"
                                " len, cid, tid LIMIT 1 OFFSET ?", (lex, cap - 1)).fetchone()
            if last is None:
                whole.append(lex)
            else:
                capped.append((lex, *last))
        if not filters:
            bounds = [(lex, None) for lex in whole] + [(lex, tuple(rest))
                                                       for lex, *rest in capped]
            previous = None
            for posting in heapq.merge(*(self._lexeme_postings(lex, bound)
                                         for lex, bound in bounds)):
                if posting != previous:  # a term holding two of the lexemes comes twice
                    yield posting
                previous = posting
            return
        which = ([f"t.lex IN ({','.join('?' * len(whole))})"] if whole else []) + [
            "(t.lex=? AND (t.len, t.cid, t.tid) <= (?, ?, ?))"] * len(capped)
        sql = (f"SELECT DISTINCT t.len, t.cid, t.tid FROM ix_term_lex t WHERE"
               f" ({' OR '.join(which)}) AND (t.len, t.cid, t.tid) > (?, ?, ?){filters}"
               " ORDER BY t.len, t.cid, t.tid LIMIT ?")
        chosen = [*whole, *(value for bound in capped for value in bound)]
        after = _BEFORE_ALL
        while True:
            rows = conn.execute(sql, (*chosen, *after, *params, page)).fetchall()
            yield from rows
            if len(rows) < page:
                return
            after = rows[-1]

    def _lexeme_postings(self, lex: int, bound: tuple[int, str, int] | None
                         ) -> Iterator[tuple[int, str, int]]:
        """(length, concept id, term id) of one lexeme's terms in key order, up to
        `bound`, in pages that grow (most searches stop within the first)."""
        sql = ("SELECT len, cid, tid FROM ix_term_lex WHERE lex=? AND (len, cid, tid) >"
               " (?, ?, ?)" + (" AND (len, cid, tid) <= (?, ?, ?)" if bound else "")
               + " ORDER BY len, cid, tid LIMIT ?")
        after, page = _BEFORE_ALL, 128
        while True:
            rows = self.conn.execute(sql, (lex, *after, *(bound or ()), page)).fetchall()
            yield from map(tuple, rows)
            if len(rows) < page:
                return
            after, page = rows[-1], min(page * 4, 2048)

    def term_row(self, tid: int) -> tuple:
        row = self._terms.get(tid)
        if row is None:
            found = self.conn.execute("SELECT concept_id, lang, text, status, seq FROM ix_terms"
                                      " WHERE tid=?", (tid,)).fetchone()
            if found is None:  # a posting of a term whose row was deleted behind our back
                raise IndexDamaged(f"the index names term {tid}, which it lacks")
            seq = tuple(int(x) for x in found[4].split()) if found[4] else ()
            row = (found[0], found[1], found[2], found[3], seq)
            if len(self._terms) > 100_000:
                self._terms.clear()
            self._terms[tid] = row
        return row

    def has_path(self, lang: str, path: str) -> bool:
        key = ("path", lang, path)
        cache = self._cache
        if key in cache:
            return cache[key]
        found = self.conn.execute("SELECT 1 FROM ix_paths WHERE lang=? AND path=?",
                                  (lang, path)).fetchone() is not None
        return cache.remember(key, found)

    def path_terms(self, lang: str, path: str) -> list[int]:
        key = ("seq", lang, path)
        cache = self._cache
        if key in cache:
            return cache[key]
        tids = [r[0] for r in self.conn.execute(
            "SELECT tid FROM ix_seq WHERE lang=? AND path=? ORDER BY tid", (lang, path))]
        return cache.remember(key, tids)

    def prefixed(self, folded_query: str, limit: int = 50) -> list[tuple[str, int]]:
        """(folded term, term id) of terms starting with `folded_query`, in key order."""
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT fkey, tid FROM ix_terms WHERE fkey >= ? AND fkey < ? ORDER BY fkey,"
            " concept_id, tid LIMIT ?", (folded_query, folded_query + "\U0010ffff", limit))]

    def typo_index(self, lang: str):
        return _TypoIndex(self, lang) if lang in self.languages else None

    def concept_ids(self) -> Iterator[str]:
        for (cid,) in self.conn.execute("SELECT DISTINCT concept_id FROM ix_terms"):
            yield cid

    @property
    def facets(self) -> "facet_index.IndexFacets":
        """The subjects and varieties in use (see `termbase.facets`)."""
        return facet_index.IndexFacets(self.conn, self._keeper)

    def term_count(self) -> int:
        return sum(r[0] for r in self.conn.execute("SELECT terms FROM ix_langs"))

    @property
    def memory(self):
        if self._memory is None:
            from termbase.index.memory import StoredMemory

            self._memory = StoredMemory(self.conn, self._segment_sql, self._segment_count_sql,
                                        self._keeper)
        return self._memory
