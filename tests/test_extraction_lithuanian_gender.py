"""Lithuanian roles named in the feminine are proposed in the masculine, the form a
glossary writes, and only where the dictionary or the text is sure of it. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from extraction_support import extract_lines
from termbase.extraction.lithuanian_gender import ROLE_SUFFIXES, masculine_term


@pytest.mark.parametrize("feminine, masculine", [
    ("komisijos narė", "komisijos narys"),
    ("skyriaus vedėja", "skyriaus vedėjas"),
    ("socialinė pedagogė", "socialinis pedagogas"),
    ("vyriausioji specialistė", "vyriausiasis specialistas"),
    ("vyresnioji slaugytoja", "vyresnysis slaugytojas"),
    ("direktorė", "direktorius"),
    ("socialinė darbuotoja darbui su šeimomis", "socialinis darbuotojas darbui su šeimomis"),
])
def test_a_feminine_role_is_written_in_the_masculine(feminine, masculine):
    assert masculine_term(feminine) == masculine


@pytest.mark.parametrize("term", ["idėja", "alėja", "socialinė parama",
                                  "vaiko teisių apsauga", "pagalba šeimai"])
def test_a_word_that_only_looks_like_a_role_is_left_alone(term):
    assert masculine_term(term) == term


def test_a_masculine_the_dictionary_lacks_is_taken_from_the_text():
    assert masculine_term("budinti globotoja") == "budinti globotoja"
    seen = {"globotojas", "budintis"}.__contains__
    assert masculine_term("budinti globotoja", seen) == "budintis globotojas"


_LOWER = st.text(alphabet="abcdeghijklmnoprstuvyzčšžąęėįųū", min_size=1, max_size=10)


@given(st.lists(_LOWER, min_size=1, max_size=4))
def test_a_term_without_a_role_suffix_is_unchanged(words):
    term = " ".join(words)
    if not any(w.endswith(tuple(f for f, _ in ROLE_SUFFIXES)) for w in words):
        assert masculine_term(term) == term


def test_minutes_naming_a_woman_propose_the_post():
    lines = ["Posėdyje dalyvavo komisijos narė Rūta Vilkienė ir socialinė pedagogė.",
             "Komisijos narė pristatė prašymą, o socialinė pedagogė pateikė išvadą."]
    found = {c.term: c for c in extract_lines(lines, "lt").top(None)}
    assert "komisijos narys" in found and "socialinis pedagogas" in found
    assert "komisijos narė" not in found and "socialinė pedagogė" not in found
    assert "komisijos narė" in found["komisijos narys"].forms
