"""Random sequences of the changes a translator makes (add, edit, delete, undo, term and
memory imports, segment edits, purges) leave the incrementally kept index with the rows a fresh
rebuild of the same data writes: terms, postings, lexeme counts, sequences, subjects and
varieties, memory keys and segment identities, on both engines."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from test_import_bulk import canonical_index
from test_segment_identity import _tmx

from termbase import Termbase, TermbaseError
from termbase.model import Concept, Term

WORDS = {"pl": ["pomoc", "społeczna", "rodzina", "zastępcza", "opieka", "dzienna", "gmina"],
         "lt": ["pagalba", "socialinė", "šeima", "globa", "dienos"],
         "en": ["care", "social", "family", "foster", "day"]}
REGIONS = {"pl": ["", "pl-PL", "pl-LT"], "lt": ["", "lt-LT"], "en": ["", "en-GB", "en-IE"]}
SUBJECTS = ["", "social work", "Social Work", "child protection", "rodzina", "RODZINA"]
UNITS = [("Gmina wypłaca zasiłek.", "Savivaldybė moka pašalpą."),
         ("Rodzina zastępcza.", "Globėjų šeima."),
         ("Opieka dzienna.", "Dienos globa."),
         ("Pomoc społeczna.", "Socialinė pagalba.")]


@st.composite
def terms(draw) -> list[tuple[str, str, str]]:
    found = []
    for _ in range(draw(st.integers(1, 3))):
        lang = draw(st.sampled_from(sorted(WORDS)))
        words = draw(st.lists(st.sampled_from(WORDS[lang]), min_size=1, max_size=3,
                              unique=True))
        found.append((lang, " ".join(words), draw(st.sampled_from(REGIONS[lang]))))
    return found


OPERATIONS = st.one_of(
    st.tuples(st.just("add"), terms(), st.sampled_from(SUBJECTS)),
    st.tuples(st.just("edit"), st.integers(0, 50), terms(), st.sampled_from(SUBJECTS)),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("undo"), st.integers(0, 50)),
    st.tuples(st.just("import"), st.lists(terms(), min_size=1, max_size=3)),
    st.tuples(st.just("tmx"), st.lists(st.sampled_from(UNITS), min_size=1, max_size=3)),
    st.tuples(st.just("edit_segment"), st.integers(0, 50), st.sampled_from(WORDS["pl"])),
    st.tuples(st.just("delete_segment"), st.integers(0, 50)),
    st.tuples(st.just("purge"), st.sampled_from(WORDS["pl"] + WORDS["lt"])),
)


def _concept(found: list[tuple[str, str, str]], subject: str, concept_id: str = ""
             ) -> Concept:
    unique = {(lang, text): region for lang, text, region in found}
    return Concept(id=concept_id, subject=subject,
                   terms=[Term(lang, text, region=region)
                          for (lang, text), region in unique.items()])


def _pick(items: list, n: int):
    return items[n % len(items)] if items else None


def apply(tb: Termbase, folder: Path, step: int, operation: tuple) -> None:
    kind, *args = operation
    ids = sorted(doc["id"] for doc in tb.store.concept_docs())
    segments = [key for key, _ in tb.segments()]
    try:
        if kind == "add":
            tb.add(_concept(args[0], args[1]))
        elif kind == "edit" and ids:
            concept_id = _pick(ids, args[0])
            new = _concept(args[1], args[2], concept_id)

            def change(concept):
                concept.terms, concept.subject = new.terms, new.subject
            tb.edit(concept_id, change)
        elif kind == "delete" and ids:
            tb.delete(_pick(ids, args[0]))
        elif kind == "undo":
            batches = [b.batch for b in tb.history()]
            tb.undo(_pick(batches, args[0]), force=True)
        elif kind == "import":
            rows = ["\t".join(next((text for lang, text, _ in row if lang == wanted), "")
                               for wanted in ("pl", "lt", "en")) for row in args[0]]
            source = folder / f"in{step}.tsv"
            source.write_text("pl\tlt\ten\n" + "".join(f"{row}\n" for row in rows),
                              encoding="utf-8")
            tb.import_file(source)
        elif kind == "tmx":
            tb.import_file(_tmx(folder / f"in{step}.tmx", args[0]))
        elif kind == "edit_segment" and segments:
            tb.edit_segment(_pick(segments, args[0]), {"pl": f"{args[1].capitalize()}."})
        elif kind == "delete_segment" and segments:
            tb.delete_segment(_pick(segments, args[0]))
        elif kind == "purge":
            tb.purge(args[0])
    except TermbaseError:
        pass  # refused as a user would be told (an undo of an undone batch, a bad row)


def index_file(tb: Termbase) -> Path:
    return tb.store.index_path if tb.store.engine == "tinydb" else Path(tb.store.path)


def index_state(tb: Termbase) -> dict[str, list]:
    """The index rows that must follow the data exactly, with write-order ids replaced by
    what they stand for. (The row writer leaves behind vocabulary of removed terms, words,
    tokens and trie paths, which queries check against the terms: not compared.)"""
    # brought up to date first, by another process's view (a purge that found nothing
    # removes the index file, which this process's open index need not notice)
    Termbase.open(tb.store.location, create=False).index
    path = index_file(tb)
    rows = canonical_index(path)
    conn = sqlite3.connect(path)
    try:
        lemma = dict(conn.execute("SELECT lex, lang || ':' || lemma FROM ix_lexemes"))
        own = {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in (
            ("facets", "SELECT * FROM ix_facets"),
            ("segids", "SELECT * FROM ix_segids"),
            ("mem", "SELECT * FROM ix_mem"),
            ("memdf", "SELECT * FROM ix_memdf"),
            ("langs", "SELECT * FROM ix_langs WHERE terms != 0"))}
        own["lexcount"] = sorted((lemma[lex], n) for lex, n in
                                 conn.execute("SELECT lex, n FROM ix_lexcount"))
        own["counted"] = sorted(Counter(lemma[lex] for (lex,) in
                                        conn.execute("SELECT lex FROM ix_term_lex")).items())
        if tb.store.engine == "tinydb":
            for table in ("concepts", "segments"):
                own[table] = sorted(conn.execute(f"SELECT * FROM ix_{table}").fetchall())
    finally:
        conn.close()
    kept = ("terms", "term_lex", "seq", "forms", "stems", "lexemes")
    return {**{name: rows[name] for name in kept}, **own}


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_the_kept_index_is_the_rebuilt_index_after_any_changes(tmp_path_factory, engine):
    @settings(max_examples=30, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(OPERATIONS, min_size=1, max_size=10))
    def run(operations):
        folder = tmp_path_factory.mktemp(engine)
        tb = Termbase.open(folder / f"tb.{engine}", seed=False)
        tb.index
        for step, operation in enumerate(operations):
            apply(tb, folder, step, operation)
        kept = index_state(tb)
        assert kept["lexcount"] == kept["counted"]
        tb.rebuild_index()
        rebuilt = index_state(tb)
        assert kept == rebuilt
        tb.store.close() if engine == "sqlite" else None

    run()
