"""The memory's penalty table: what differs decides the score, the same for every engine."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from termbase.index.memory import comparable_words, similarity, word_diff

BASE = "Zebranie zespołu odbędzie się 12 maja 2024 r. w sali nr 3."


@pytest.mark.parametrize("candidate, score", [
    (BASE, 100),
    (BASE.replace(" 12", "\u00a012"), 99),                                  # a no-break space
    ("zebranie zespołu odbędzie się 12 maja 2024 r. w sali nr 3.", 98),        # case
    ("Zebranie zespołu odbędzie się 12 maja 2024 r., w sali nr 3", 97),         # punctuation
    ("Zebranie zespołu odbędzie się 14 czerwca 2025 r. w sali nr 5.", None),    # a word too
    ("Zebranie zespołu odbędzie się 19 maja 2025 r. w sali nr 7.", 95),         # numbers only
])
def test_each_kind_of_difference_has_its_score(candidate, score):
    got = similarity(BASE, comparable_words(BASE), candidate)
    if score is None:
        assert got <= 94
    else:
        assert got == score


def test_differing_numbers_are_marked():
    marked = [w for w, differs in word_diff(BASE, "Zebranie zespołu odbędzie się 19 maja "
                                                  "2025 r. w sali nr 7.") if differs]
    assert marked == ["19", "2025", "7"]


WORDS = st.lists(st.sampled_from(["pomoc", "rodzina", "dom", "opieka", "12", "2024", "Sala"]),
                 min_size=1, max_size=8)


@given(WORDS, WORDS)
def test_scores_are_bounded_and_only_identical_text_scores_100(a, b):
    query, candidate = " ".join(a), " ".join(b)
    score = similarity(query, comparable_words(query), candidate)
    assert 0 <= score <= 100
    assert (score == 100) == (query == candidate)
    if score < 95:
        assert score <= 94
