"""Lookup: inflected forms from the seed texts, folded and misspelt queries, the JSON contract.

The concepts here are built in the test, *without* any observed forms, so every inflected
match below is the morphology's work, not a stored form.
"""

import pytest
from vocabulary import build_termbase, concept_of

from termbase.model import Concept, Term

@pytest.fixture(scope="module")
def tb(tmp_path_factory):
    return build_termbase(tmp_path_factory.mktemp("lookup") / "tb.json")


# (inflected phrase as written in a seed text, seed file, concept)
SEED_FORMS = [
    ("pracowników socjalnych", "000_f49481c1da0a55df.txt", "social worker"),
    ("pracownicy socjalni", "004_150a732bff185b2e.txt", "social worker"),
    ("osobom niepełnosprawnym", "001_ad54db9cedd34cd5.txt", "persons with disabilities"),
    ("osób niepełnosprawnych", "001_ad54db9cedd34cd5.txt", "persons with disabilities"),
    ("Centrum Usług Socjalnych", "000_f49481c1da0a55df.txt", "social services centre"),
    ("ośrodków pomocy społecznej", "004_150a732bff185b2e.txt", "social assistance centre"),
    ("socialinių paslaugų centre", "002_56653c76dc09836d.txt", "social services centre"),
    ("socialinių paslaugų centrui", "003_a60c6b739bd51d10.txt", "social services centre"),
    ("seniūnijose", "002_56653c76dc09836d.txt", "eldership"),
    ("gausių šeimų", "003_a60c6b739bd51d10.txt", "large family"),
    ("nakvynės namuose", "003_a60c6b739bd51d10.txt", "night shelter"),
    ("wykluczeniem społecznym", "004_150a732bff185b2e.txt", "social exclusion"),
    ("zarządzaniem przypadkiem", "000_f49481c1da0a55df.txt", "case management"),
]


@pytest.mark.parametrize("phrase, seed, note", SEED_FORMS)
def test_inflected_forms_from_the_seeds_find_their_concept(tb, seed_texts, phrase, seed, note):
    assert phrase in seed_texts[seed], "the test phrase must really occur in the seed text"
    matches = tb.lookup(phrase)
    assert matches, f"nothing found for {phrase!r}"
    assert matches[0].concept_id == concept_of(tb, note)
    assert matches[0].match in ("lemma", "exact", "folded")
    assert matches[0].score >= 85


@pytest.mark.parametrize("query, note", [
    ("pracownikom socjalnym", "social worker"),          # dative plural, issue example
    ("osobach niepełnosprawnych", "persons with disabilities"),
    ("ośrodku pomocy społecznej", "social assistance centre"),
    ("socialiniams darbuotojams", "social worker"),
    ("socialinės paramos centro", "social assistance centre"),
    ("social workers", "social worker"),
])
def test_other_inflected_forms(tb, query, note):
    assert tb.lookup(query)[0].concept_id == concept_of(tb, note)


@pytest.mark.parametrize("query, note", [
    ("osrodek pomocy spolecznej", "social assistance centre"),
    ("socialiniu paslaugu centre", "social services centre"),
    ("pracownikow socjalnych", "social worker"),
    ("SENIUNIJA", "eldership"),
])
def test_queries_without_diacritics(tb, query, note):
    match = tb.lookup(query)[0]
    assert match.concept_id == concept_of(tb, note)
    assert match.score >= 85


@pytest.fixture(scope="module")
def lithuanian(tmp_path_factory):
    from termbase import Termbase

    tb = Termbase.open(tmp_path_factory.mktemp("lt") / "tb.json", seed=False)
    with tb.store.transaction("fixture") as tx:
        for lt, en in [("socialinė nelygybė", "social inequality"),
                       ("tikslinė grupė", "target group"),
                       ("intervencinė priemonė", "intervention measure"),
                       ("vietos partnerystė", "local partnership"),
                       ("socialinė atskirtis", "social exclusion")]:
            tx.add(Concept(note=en, terms=[Term("lt", lt), Term("en", en)]))
    return tb


@pytest.mark.parametrize("query, note", [
    ("socialineje nelygybeje", "social inequality"),       # locative, typed without ė
    ("tikslinems grupems", "target group"),                # dative plural
    ("intervencinemis priemonemis", "intervention measure"),  # instrumental plural
    ("vietos partnerysteje", "local partnership"),
    ("socialinei atskirciai", "social exclusion"),         # dative: t softens to č
])
def test_lithuanian_case_forms_typed_without_diacritics(lithuanian, query, note):
    """Forms the lemmatiser's dictionary lacks, typed on a keyboard without Lithuanian
    letters: found through the paradigms generated from each lemma's ending."""
    match = lithuanian.lookup(query)[0]
    assert lithuanian.get(match.concept_id).note == note
    assert match.match in ("lemma", "folded", "exact") and match.score >= 85


@pytest.mark.parametrize("query, note", [
    ("pracownik socjlany", "social worker"),
    ("ośrodek pomocy spolecznje", "social assistance centre"),
    ("socialinis darbuotjas", "social worker"),
    ("noclegowinia", "night shelter"),
])
def test_typos_are_found_as_fuzzy(tb, query, note):
    match = tb.lookup(query)[0]
    assert match.concept_id == concept_of(tb, note)
    assert match.match == "fuzzy" and 50 <= match.score < 90


def test_exact_beats_inflected_beats_partial(tb):
    exact = tb.lookup("pomoc społeczna")[0]
    assert (exact.match, exact.score) == ("exact", 100)
    results = tb.lookup("pomocy społecznej")
    assert results[0].concept_id == concept_of(tb, "social assistance")
    assert concept_of(tb, "social assistance centre") in [m.concept_id for m in results[1:]]


def test_prefix_while_typing(tb):
    match = tb.lookup("noclegow")[0]
    assert match.concept_id == concept_of(tb, "night shelter") and match.match == "prefix"


def test_language_filter_and_targets(tb):
    assert all(m.lang == "pl" for m in tb.lookup("socjalny", lang="pl"))
    assert tb.lookup("socjalny", lang="pl") and not tb.lookup("socjalny", lang="lt")
    match = tb.lookup("gmina", to=["lt"])[0]
    assert list(match.equivalents) == ["lt"]
    assert match.equivalents["lt"][0].term == "seniūnija"


def test_one_unexplained_word_in_a_longer_query_is_passed_over(tmp_path):
    """A garbled short word must not hide a long term; two such words must."""
    from termbase import Termbase

    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    with tb.store.transaction("fixture") as tx:
        tx.add(Concept(terms=[Term("pl", "dom opieki dla osób starszych")]))
    (match,) = tb.lookup("dom opieki dla osó starszych", lang="pl")   # "osó" corrected
    assert match.match == "fuzzy" and 80 <= match.score < 90
    (match,) = tb.lookup("dom opieki dla qqq starszych", lang="pl")   # "qqq" passed over
    assert match.match == "fuzzy" and 60 <= match.score < 85
    for query in ("dom opieki dla xyz qqq", "dom xyz"):  # two gaps; too short for one
        assert not [m for m in tb.lookup(query, lang="pl") if m.match == "fuzzy"], query


def test_unrelated_words_find_nothing_confident(tb):
    for query in ("samochód", "kompiuteris", "weather forecast"):
        assert all(m.score < 85 for m in tb.lookup(query))


def test_json_contract(tb):
    (match, *_) = tb.lookup("pracownikom socjalnym")
    data = match.to_json()
    assert set(data) >= {"concept_id", "score", "match", "lang", "term", "equivalents",
                         "subject", "definition"}
    assert data["match"] in ("exact", "folded", "lemma", "fuzzy", "prefix")
    assert 0 <= data["score"] <= 100
    for lang, terms in data["equivalents"].items():
        assert lang != data["lang"]
        assert all(set(t) >= {"term", "status"} for t in terms)


def test_cold_lookup_does_not_load_the_lemmatisers(tb, tmp_path):
    """A fresh process answering from the cache must not import morfeusz2 or simplemma."""
    import subprocess
    import sys

    tb.index  # make sure the cache is written
    code = ("import sys; from termbase import Termbase; "
            f"tb = Termbase.open({str(tb.store.path)!r}); tb.lookup('pracownikom socjalnym'); "
            "print(sorted(m for m in ('morfeusz2', 'simplemma', 'sacremoses', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_index_is_rebuilt_when_the_store_changes(tb, tmp_path):
    from termbase import Termbase

    path = tmp_path / "tb.json"
    first = Termbase.open(path, seed=False)
    first.add(Concept(terms=[Term("pl", "asystent rodziny"), Term("lt", "šeimos asistentas")]))
    assert first.lookup("asystentowi rodziny")
    other = Termbase.open(path, seed=False)  # another process, in effect
    other.add(Concept(terms=[Term("pl", "mediacja"), Term("lt", "mediacija")]))
    assert first.lookup("mediacji")[0].term == "mediacja"


def test_a_fresh_process_answers_every_kind_of_query_from_the_index_file(tb):
    from termbase import Termbase

    tb.index  # built and written beside the store
    fresh = Termbase.open(tb.store.path, seed=False)
    assert fresh.lookup("pracownikom socjalnym")[0].match == "lemma"
    assert fresh.lookup("pomocy", lang="pl")
    assert fresh.lookup("socialinių paslaugų", lang="lt")
    assert fresh.lookup("noclegowinia")[0].match == "fuzzy"


@pytest.mark.parametrize("query, term", [
    ("rodzinny ryzyka", "rodziny ryzyka"),     # the typo spells another real word
    ("dya centre", "day centre"),              # a three-letter word, beside another word
    ("youth wok", "youth work"),
])
def test_typos_that_spell_real_or_short_words_inside_a_phrase(tmp_path, query, term):
    from termbase import Termbase

    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    with tb.store.transaction("fixture") as tx:
        for text in ("rodziny ryzyka", "rodzinny dom dziecka", "day centre", "youth work",
                     "work"):
            tx.add(Concept(terms=[Term("pl" if text[0] == "r" else "en", text)]))
    match = tb.lookup(query)[0]
    assert (match.term, match.match) == (term, "fuzzy")


def test_a_short_word_alone_is_not_corrected(tmp_path):
    from termbase import Termbase

    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    with tb.store.transaction("fixture") as tx:
        tx.add(Concept(terms=[Term("en", "day")]))
    assert [m for m in tb.lookup("dya") if m.match == "fuzzy"] == []
