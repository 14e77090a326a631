"""The statutory concepts of the shipped glossary are found from the words a translator meets:
an inflected form of each term, written by hand into tests/data/glossary_forms/*.tsv (never
produced by termbase's own form generator), must bring the concept up among the top matches."""

from pathlib import Path

import pytest

from termbase import Termbase
from test_glossary import load, source_kind

FORMS_DIR = Path(__file__).parent / "data" / "glossary_forms"
LANGS = ("pl", "lt", "en")
TOP = 3


def read_tables() -> list[tuple[str, str, str, str]]:
    """(table name, concept id, language, form) for every row of every table."""
    rows = []
    for path in sorted(FORMS_DIR.glob("*.tsv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines and lines[0] == "concept_id\tlang\tform", f"{path.name}: unexpected header"
        for number, line in enumerate(lines[1:], start=2):
            cells = line.split("\t")
            assert len(cells) == 3 and all(cells), f"{path.name}:{number}: {line!r}"
            rows.append((path.name, *cells))
    return rows


ROWS = read_tables()


@pytest.fixture(scope="module")
def termbase(tmp_path_factory):
    """A fresh store seeded from the shipped glossary, as a new user would have it."""
    return Termbase.open(tmp_path_factory.mktemp("statutory") / "tb.json")


@pytest.fixture(scope="module")
def concepts():
    return {c.id: c for c in load()[0]}


def statutory_ids(concepts) -> set[str]:
    return {cid for cid, c in concepts.items() if any(source_kind(s) == "act" for s in c.sources)}


def test_the_tables_exist_and_are_not_empty():
    assert ROWS, f"no forms in {FORMS_DIR}"


def test_every_statutory_concept_has_a_form_in_each_language(concepts):
    covered = {(cid, lang) for _, cid, lang, _ in ROWS}
    missing = sorted((cid, lang) for cid in statutory_ids(concepts) for lang in LANGS
                     if (cid, lang) not in covered)
    assert not missing, missing[:20]


def test_rows_name_real_concepts_and_languages(concepts):
    bad = [(table, cid, lang) for table, cid, lang, _ in ROWS
           if cid not in concepts or lang not in LANGS]
    assert not bad, bad[:20]


def test_polish_and_lithuanian_forms_are_really_inflected(concepts):
    """A form identical to a dictionary form would test nothing about inflection."""
    same = []
    for _, cid, lang, form in ROWS:
        if lang == "en" or cid not in concepts:
            continue
        if any(form.casefold() == t.text.casefold() for t in concepts[cid].terms_in(lang)):
            same.append((cid, lang, form))
    assert not same, same[:20]


@pytest.mark.parametrize("table, concept_id, lang, form", ROWS,
                         ids=[f"{cid}-{lang}-{form}" for _, cid, lang, form in ROWS])
def test_lookup_finds_the_concept_from_an_inflected_form(termbase, table, concept_id, lang, form):
    matches = termbase.lookup(form, lang=lang, limit=10)
    top = [m.concept_id for m in matches[:TOP]]
    assert concept_id in top, f"{table}: {form!r} ({lang}) gave {top}"
