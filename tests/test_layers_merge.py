"""Layered lookup answers as one termbase holding every layer would: the shipped glossary
split into a project layer and a team layer gives, for any query, the matches the whole
glossary gives. Each layer's list is merged before the score-gap cut and the limit, and a
layer's typo corrections do not show beside another layer's match of the query as written."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from termbase import Layers, Termbase
from termbase.glossary import shipped_concepts

from layer_support import small_termbase

# Whole terms, inflected and folded forms, prefixes, typos, words inside longer terms.
QUERIES = ["gmina", "gminie", "pracownik socjalny", "pracownikami socjalnymi", "opiekunka",
           "globėjas", "socialinių paslaugų centras", "socalinių paslaugų", "niepełnosprawność",
           "pomoc", "asystent rodziny", "savivaldybe", "foster care", "rodzina zastepcza",
           "dom pomocy", "wykluczniem społecznym", "seniunija", "social", "kurator"]


@pytest.fixture(scope="module", params=[("project.json", "team.sqlite"),
                                        ("project.sqlite", "team.json")],
                ids=["tinydb-over-sqlite", "sqlite-over-tinydb"])
def split(request, tmp_path_factory, shipped):
    """(the whole glossary, its concepts split alternately into project over team)."""
    folder = tmp_path_factory.mktemp("split")
    halves = [Termbase.open(folder / name, seed=False) for name in request.param]
    for half, layer in enumerate(halves):
        with layer.store.transaction(command="a share of the shipped glossary") as tx:
            for concept in shipped_concepts()[half::2]:
                tx.add(concept, keep_dates=True, validated=True)
    return shipped, Layers(halves)


def _comparable(matches) -> tuple[list[float], set[tuple]]:
    """The scores in order, and which concept each score above the last belongs to (among
    equal last scores the two rank ties differently, so which of them a limit keeps may
    differ)."""
    scores = [m.score for m in matches]
    return scores, {(m.concept_id, m.term, m.score) for m in matches
                    if m.score > min(scores, default=0)}


def _same_answer(whole: Termbase, layers: Layers, query: str, limit: int) -> None:
    expected = whole.lookup(query, limit=limit)
    found = layers.lookup(query, limit=limit)
    assert _comparable(found) == _comparable(expected), query


@pytest.mark.parametrize("limit", [3, 10])
def test_layers_answer_as_the_whole_glossary_does(split, limit):
    whole, layers = split
    for query in QUERIES:
        _same_answer(whole, layers, query, limit)


def _typo(word: str, where: int, kind: int) -> str:
    i = where % len(word)
    return [word[:i] + word[i + 1:],                  # a dropped letter
            word[:i] + word[i] + word[i:],            # a doubled one
            word[:i] + word[i + 1:i + 2] + word[i] + word[i + 2:],   # two swapped
            word[:i] + "e" + word[i + 1:]][kind]      # a wrong one


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_layers_answer_typos_as_the_whole_glossary_does(split, data):
    whole, layers = split
    terms = sorted({t.text for c in shipped_concepts() for t in c.terms})
    term = data.draw(st.sampled_from(terms), label="term")
    word = data.draw(st.sampled_from(term.split()), label="word")
    query = _typo(word, data.draw(st.integers(0, 30)), data.draw(st.integers(0, 3)))
    if not query.strip():
        return
    expected = whole.lookup(query, limit=10)
    found = layers.lookup(query, limit=10)
    if len(expected) < 10 and len(found) < 10:
        # Every match the whole gives is there. The one known difference: a misspelling
        # that is a form of some term's word in one layer (read as that word) while
        # another layer holds no such form and reads it by its stem ("plėtre" as a form of
        # a lexeme of "plėtrai" in one, by the stem of "plėtra" in the other), where one
        # termbase would not have tried stems; those extra hits are never typo
        # corrections.
        # A layer that lacks a form some term of another layer has ("dział") reads the word
        # by its stem and keeps, for a term, that reading in place of the prefix one the
        # whole gives ("działanie aktywizujące"); the merge drops those stem readings, so
        # such a term may be missing, and nothing else.
        stem_read = {m.concept_id for tb in layers.termbases
                     for m in tb.lookup(query, limit=10, gap=False) if m.approximate}
        whole_hits = {(m.concept_id, m.term, m.score) for m in expected}
        assert {hit for hit in whole_hits if hit[0] not in stem_read} <= {
            (m.concept_id, m.term, m.score) for m in found}, query
        assert all(m.match != "fuzzy" for m in found
                   if (m.concept_id, m.term, m.score) not in whole_hits), query
    else:
        _same_answer(whole, layers, query, 10)


def test_a_stem_reading_in_one_layer_does_not_cut_another_layers_hits(split):
    """'dział' is a term of one half of the glossary; the other half reads it by the stem
    of 'działanie'. One termbase would not: its answer goes on past the exact hit with
    prefix hits, and so must the layers' (the stem hits used to end it at the score gap)."""
    whole, layers = split
    expected = whole.lookup("dział", limit=10)
    found = layers.lookup("dział", limit=10)
    assert len(expected) > 1 and expected[0].term == "dział"
    assert [m.term for m in found][:1] == ["dział"] and len(found) > 1
    assert not any(m.approximate for m in found[1:])
    assert {m.term for m in found} <= {m.term for m in expected}


def test_a_word_one_layer_has_as_a_form_is_no_typo_in_another(split):
    """'zastępca' is a word of a term in one half; the other half, lacking it, corrects it
    to 'zastępcza'. One termbase knows the word and corrects nothing."""
    whole, layers = split
    assert not any(m.match == "fuzzy" for m in whole.lookup("zastępca", limit=10))
    assert not any(m.match == "fuzzy" for m in layers.lookup("zastępca", limit=10))


@pytest.mark.parametrize("query, term", [("bendruomeninės paslaugo", "bendruomeninės paslaugos"),
                                         ("starostwo powiatow", "starostwo powiatowe")])
def test_a_phrase_misspelt_into_known_forms_is_still_answered(split, query, term):
    """Every word is some layer's form, yet nothing matches the phrase well: one termbase
    re-reads it as typos, and the layer holding the term reads it by stem; that reading
    stays (dropping it left no answer at all)."""
    whole, layers = split
    assert [m.term for m in whole.lookup(query, limit=10)][:1] == [term]
    assert [m.term for m in layers.lookup(query, limit=10)][:1] == [term]


def test_a_typo_in_one_layer_does_not_stand_beside_an_exact_hit_in_another(tmp_path):
    team = small_termbase(tmp_path / "team.json",
                          ([("pl", "gmina"), ("lt", "savivaldybė")], "administration"))
    project = small_termbase(tmp_path / "project.sqlite", (
        [("pl", "gminny ośrodek"), ("lt", "savivaldybės centras")], "institutions"))
    # alone, the project reads "gmina" as a typo of its only term
    assert [m.match for m in project.lookup("gmina")] == ["fuzzy"]
    found = Layers([project, team]).lookup("gmina")
    assert [(m.term, m.layer, m.match) for m in found] == [("gmina", "team", "exact")]


MULTI_WORD = sorted({(t.text, c.id) for c in shipped_concepts() for t in c.terms
                     if sum(len(w) >= 5 for w in t.text.split()) and len(t.text.split()) >= 2})


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_phrase_with_one_misspelt_word_finds_its_term_in_layers_as_in_the_whole(split, data):
    """The typed phrase a translator misspells in one word: where one termbase holding
    every layer finds the term meant, the layers find it too (the order of the weaker
    matches may differ: a layer reads a word by stem where the whole knows it as a form)."""
    whole, layers = split
    text, concept_id = data.draw(st.sampled_from(MULTI_WORD), label="term")
    words = text.split()
    at = data.draw(st.sampled_from([i for i, w in enumerate(words) if len(w) >= 5]))
    words[at] = _typo(words[at], data.draw(st.integers(0, 30)), data.draw(st.integers(0, 3)))
    query = " ".join(words)
    if concept_id in {m.concept_id for m in whole.lookup(query, limit=10)}:
        assert concept_id in {m.concept_id for m in layers.lookup(query, limit=10)}, query
