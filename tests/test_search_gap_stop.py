"""A one-word typo whose correction is a frequent word: the search stops reading the
correction's longer terms once the ranked answer is cut by its score gap above anything
they could score, and answers as a full search does (on both index implementations)."""

from __future__ import annotations

import pytest

from termbase import Termbase
from termbase.index.build import build_index
from termbase.index.search import search
from termbase.lookup import rank
from termbase.model import Concept, Term

ADJECTIVES = ["dzienna", "nocna", "domowa", "stała", "czasowa", "paliatywna", "medyczna",
              "pielęgniarska", "całodobowa", "środowiskowa", "rodzinna", "zastępcza",
              "specjalistyczna", "długoterminowa", "doraźna", "instytucjonalna", "prawna",
              "społeczna", "psychologiczna", "wytchnieniowa"]


def concepts() -> list[Concept]:
    found = [Concept(id="c-opieka", terms=[Term("pl", "opieka"), Term("lt", "globa")])]
    for n, adjective in enumerate(ADJECTIVES):
        found.append(Concept(id=f"c-{n}", terms=[Term("pl", f"opieka {adjective}")]))
        found.append(Concept(id=f"d-{n}", terms=[Term("pl", f"opieka {adjective} nad osobą")]))
    return found


@pytest.fixture(params=["memory", "sqlite"])
def index(request, tmp_path):
    if request.param == "memory":
        return build_index(concepts())
    tb = Termbase.open(tmp_path / "tb.sqlite", seed=False)
    with tb.store.transaction("all") as tx:
        for concept in concepts():
            tx.add(concept)
    return tb.index


def ranked(index, hits, limit):
    return [(m.concept_id, m.term, m.score, m.match) for m in rank(index, hits, None, limit)]


@pytest.mark.parametrize("query", ["opiekka", "opieak", "opeika"])
def test_a_misspelt_frequent_word_stops_after_its_own_term(index, query):
    full = search(index, query, ["pl"], True)
    for limit in (1, 5, 10):
        bounded = search(index, query, ["pl"], True, limit)
        assert ranked(index, bounded, limit) == ranked(index, full, limit)
        assert [m[1] for m in ranked(index, bounded, limit)] == ["opieka"]
        # the 40 longer terms scored far below the correction: they were not all read
        assert len(bounded) < len(full) == 41


def test_no_gap_stop_when_a_prefix_match_may_follow(index):
    """"opiek" is no word but begins "opieka ...": its prefix hits come after the lemma
    hits and are not approximate, so they may stay in the answer; the search must then see
    every hit that could stand between them."""
    full = search(index, "opiek", ["pl"], True)
    for limit in (1, 5, 10):
        assert ranked(index, search(index, "opiek", ["pl"], True, limit), limit) == \
            ranked(index, full, limit)
