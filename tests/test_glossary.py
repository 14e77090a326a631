"""The shipped glossary: complete concepts, no duplicates, and every citation valid: a seed
text that really contains the concept (in some inflected form), or an act named by its official
identifier with the article only where it was checked."""

import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termbase import formats
from termbase.formats.base import ReadOptions
from termbase.index.build import build_index
from termbase.index.recognize import token_options, find_spans
from termbase.model import SUBJECTS, Concept
from termbase.paths import glossary_files
from termbase.text.normalize import fold, norm

FILES = glossary_files()

SEED_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
# A title, the official identifier (a Dz.U. / Žin. / TAR / Nr. / OJ L number, or the catalogue,
# possibly in brackets after the title), then the article checked in a text actually read, or an
# honest "not verified".
ACT_CITATION = re.compile(
    r"(?P<body>[A-ZĄĆĘŁŃÓŚŹŻČĖĮŠŲŪŽ][^|]{4,}?), "
    r"(?P<check>art\. \d+[a-z]?(?: [^,|?]+)?|article not verified|identifier not verified)")
IDENTIFIER = re.compile(r"(?:Dz\.U\.|Žin\.|TAR|Nr\.|OJ L|catalogue|katalogas)[^|]*\d")


def source_kind(source: str) -> str | None:
    """'seed' for a seed file name, 'act' for an act citation of the agreed shape, else None."""
    if SEED_NAME.fullmatch(source):
        return "seed"
    citation = ACT_CITATION.fullmatch(source)
    if citation and IDENTIFIER.search(citation["body"]):
        return "act"
    return None


def load():
    concepts, errors = [], []
    for path in FILES:
        entries = list(formats.get("tsv").read(path, ReadOptions()))
        errors += [f"{path.name}:{e.line}: {e.error}" for e in entries if e.error]
        errors += [f"{path.name}:{e.line}: not next to the other rows of {e.item.id}"
                   for e in entries if e.continues]
        concepts += [e.item for e in entries if e.item]
    return concepts, errors


@pytest.fixture(scope="module")
def glossary():
    concepts, errors = load()
    assert not errors, errors[:5]
    return concepts


def test_glossary_files_exist_and_share_one_header():
    assert len(FILES) >= 3
    headers = {p.read_text(encoding="utf-8").split("\n", 1)[0] for p in FILES}
    assert len(headers) == 1


def test_the_glossary_is_substantial(glossary):
    assert len(glossary) >= 100


def test_every_concept_has_pl_lt_en_subject_definition_and_source(glossary):
    for concept in glossary:
        assert {"pl", "lt", "en"} <= set(concept.languages), concept.id
        assert concept.subject in SUBJECTS, (concept.id, concept.subject)
        assert len(concept.definition.get("en", "")) >= 20, concept.id
        assert concept.sources, concept.id
        for lang in ("pl", "lt", "en"):
            assert concept.terms_in(lang)[0].status == "preferred", (concept.id, lang)


def test_ids_are_unique_and_no_concept_is_entered_twice(glossary):
    ids = Counter(c.id for c in glossary)
    assert not [i for i, n in ids.items() if n > 1]
    english = Counter(norm(c.terms_in("en")[0].text) for c in glossary)
    assert not [t for t, n in english.items() if n > 1], "two concepts share a preferred English term"
    pairs = Counter((norm(c.terms_in("pl")[0].text), norm(c.terms_in("lt")[0].text)) for c in glossary)
    assert not [p for p, n in pairs.items() if n > 1]


def test_abbreviations_are_typed(glossary):
    for concept in glossary:
        for term in concept.terms:
            if term.text.isupper() and len(term.text) <= 6 and term.text.isalpha():
                assert term.type in ("abbreviation", "acronym"), (concept.id, term.text)


def test_regional_variants_carry_a_warning(glossary):
    regional = [t for c in glossary for t in c.terms if t.region]
    assert any(t.region == "pl-LT" for t in regional)
    for concept in glossary:
        for term in concept.terms:
            if term.region == "pl-LT" and term.text.lower() == "gmina":
                assert term.note, "gmina in the Lithuanian sense needs a note"


def test_loaded_through_the_user_import_code(shipped):
    concepts, _ = load()
    assert len(list(shipped.concepts())) == len(concepts)


def _language(text: str) -> str:
    lithuanian = sum(text.count(ch) for ch in "ėįųūčšž")
    polish = sum(text.count(ch) for ch in "łśćńźżó")
    return "lt" if lithuanian > polish else "pl"


def test_every_source_is_a_seed_file_or_an_act_citation(glossary):
    bad = [(c.id, s) for c in glossary for s in c.sources if source_kind(s) is None]
    assert not bad, bad


@pytest.mark.parametrize("source, kind", [
    ("000_f49481c1da0a55df.txt", "seed"),
    ("Ustawa o pomocy społecznej, Dz.U. 2004 nr 64 poz. 593, article not verified", "act"),
    ("Socialinių paslaugų įstatymas Nr. X-493, Žin. 2006 Nr. 17-589, art. 2", "act"),
    ("Socialinių paslaugų katalogas (SADM įsakymas Nr. A1-93), article not verified", "act"),
    ("Regulation (EU) 2021/1057 (ESF+), OJ L 231, article not verified", "act"),
    ("Ustawa o Karcie Dużej Rodziny, Dz.U. 2014 poz. 1863, identifier not verified", "act"),
    ("Ustawa o pomocy społecznej, Dz.U. 2004 nr 64 poz. 593, art. 37 ust. 1", "act"),
    ("000_f49481c1da0a55df", None),                                   # no extension
    ("Ustawa o pomocy społecznej", None),                             # no identifier
    ("Ustawa o pomocy społecznej, article not verified", None),       # no identifier
    ("Ustawa o pomocy społecznej, Dz.U. 2004 nr 64 poz. 593", None),  # no article status
    ("Ustawa o pomocy społecznej, Dz.U. 2004 nr 64 poz. 593, art. 37?", None),
    ("Ustawa o pomocy społecznej, Dz.U., article not verified", None),  # identifier without number
    ("ustawa, Dz.U. 2004 nr 64 poz. 593, article not verified", None),  # title too short, lower case
])
def test_source_shapes(source, kind):
    assert source_kind(source) == kind


TITLES = st.text(st.sampled_from("abcdeółśžėų "), min_size=4, max_size=30).map(lambda t: "Ustawa " + t)
IDENTIFIERS = st.builds("{} {} poz. {}".format, st.sampled_from(["Dz.U.", "Žin.", "TAR"]),
                        st.integers(1990, 2030), st.integers(1, 9999))


@given(TITLES, IDENTIFIERS, st.sampled_from(["article not verified", "identifier not verified",
                                             "art. 5", "art. 17a ust. 2"]))
def test_any_act_citation_of_the_agreed_shape_is_accepted(title, identifier, check):
    citation = f"{title.strip()}, {identifier}, {check}"
    assert source_kind(citation) == "act"
    assert source_kind(f"{title.strip()}, {identifier}") is None
    assert source_kind(f"{title.strip()}, {check}") is None


@given(st.text(alphabet="0123456789abcdef", min_size=16, max_size=16), st.integers(0, 999))
def test_seed_names_are_recognised(digest, number):
    assert source_kind(f"{number:03d}_{digest}.txt") == "seed"
    assert source_kind(f"{number:03d}_{digest}.txt, article not verified") is None


def test_every_cited_seed_contains_the_concept(glossary, seed_texts):
    """For each cited file, a term of the file's language occurs in it in some inflected
    form: found by the morphology (with observed forms removed from the index), or as one
    of the term's recorded forms written literally in the file."""
    bare = []
    for concept in glossary:
        copy = Concept.from_dict(concept.to_dict())
        for term in copy.terms:
            term.forms = []
        bare.append(copy)
    index = build_index(bare)
    missing = []
    for concept in glossary:
        for source in concept.sources:
            if source_kind(source) != "seed":
                continue
            assert source in seed_texts, f"{concept.id} cites {source}, which is not a seed file"
            text = seed_texts[source]
            lang = _language(text)
            found = {index.terms[t].concept_id for span in find_spans(index, text, lang)
                     for t in span.term_ids}
            literal = fold(text)
            if concept.id in found:
                continue
            if any(fold(form) in literal for term in concept.terms_in(lang)
                   for form in [term.text] + term.forms):
                continue
            if _split_occurrence(index, concept.id, text, lang):
                continue
            missing.append(f"{concept.id} not found in {source}")
    assert not missing, missing


def _split_occurrence(index, concept_id, text, lang, gap=6):
    """A term whose words occur in order with a few words between them, as in coordinated
    phrases ("transporto, pagalbos į namus ... paslaugų")."""
    from termbase.text.normalize import tokenize

    options = [set().union(*token_options(index, tok, lang)) for tok in tokenize(text)]
    for tid, ref in enumerate(index.terms):
        if ref.concept_id != concept_id or ref.lang != lang:
            continue
        seq = index.sequences[tid]
        for start, opts in enumerate(options):
            if seq[0] not in opts:
                continue
            position, ok = start, True
            for lex in seq[1:]:
                window = range(position + 1, min(position + 2 + gap, len(options)))
                position = next((i for i in window if lex in options[i]), None)
                if position is None:
                    ok = False
                    break
            if ok:
                return True
    return False


def test_recorded_forms_really_occur_in_the_cited_texts(glossary, seed_texts):
    """Forms are what the cited seeds show; a concept citing only acts records none."""
    problems = []
    for concept in glossary:
        texts = " ".join(fold(seed_texts[s]) for s in concept.sources if s in seed_texts)
        for term in concept.terms:
            for form in term.forms:
                if fold(form) not in texts:
                    problems.append(f"{concept.id}: {term.lang} form {form!r}")
    assert not problems, problems


def test_a_missing_shipped_glossary_creates_nothing_and_changes_nothing(tmp_path, monkeypatch):
    """An installation that lost its data files: a new store is not created empty as if
    seeded, and an update does not read every shipped concept as withdrawn."""
    from termbase import Termbase, glossary
    from termbase.errors import StoreError

    seeded = Termbase.open(tmp_path / "seeded.json")
    before = sorted(c.id for c in seeded.concepts())
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    monkeypatch.setattr(glossary, "glossary_files", lambda: [])
    monkeypatch.setattr(glossary, "glossary_dir", lambda: empty)
    with pytest.raises(StoreError, match="shipped glossary is missing"):
        Termbase.open(tmp_path / "new.json")
    assert not (tmp_path / "new.json").exists()
    with pytest.raises(StoreError, match="shipped glossary is missing"):
        seeded.update_glossary()
    assert sorted(c.id for c in Termbase.open(tmp_path / "seeded.json").concepts()) == before



def test_a_shipped_glossary_of_headers_only_is_refused(tmp_path, monkeypatch):
    """Its files there but empty of rows (a broken copy): refused like a missing one."""
    from termbase import Termbase, glossary
    from termbase.errors import StoreError

    empty = tmp_path / "glossaries"
    empty.mkdir()
    header = glossary.glossary_files()[0].read_text(encoding="utf-8").splitlines()[0]
    (empty / "core.tsv").write_text(header + "\n", encoding="utf-8")
    monkeypatch.setattr(glossary, "glossary_files", lambda: [empty / "core.tsv"])
    monkeypatch.setattr(glossary, "glossary_dir", lambda: empty)
    with pytest.raises(StoreError, match="holds no concepts"):
        Termbase.open(tmp_path / "new.json")
    assert not (tmp_path / "new.json").exists()
