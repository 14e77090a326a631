"""Lithuanian adjectives used as nouns (their definite forms alone). Texts written for these
tests."""

from __future__ import annotations

import pytest

from termbase.extraction.passages import Passage
from termbase.extraction.substantives import definite_noun


@pytest.mark.parametrize("form, lemma, expected", [
    ("neįgalieji", "neįgalus", "neįgalieji"), ("neįgaliesiems", "neįgalus", "neįgalieji"),
    ("vienišosioms", "vienišas", "vienišosios"), ("neįgaliajam", "neįgalus", "neįgalusis"),
    ("neįgalūs", "neįgalus", None)])
def test_the_base_form_is_the_definite_nominative_of_the_number_and_gender_seen(
        form, lemma, expected):
    assert definite_noun(form, lemma) == expected


def test_a_definite_adjective_that_modifies_nothing_is_proposed_as_a_noun():
    from termbase.extract import extract_passages

    lines = ["Pirmumo teisę turi jaunos šeimos, neįgalieji ir našlaičiai.",
             "Neįgaliesiems teikiama pagalba, o neįgalūs asmenys gauna lengvatas.",
             "Laikinoji globa skiriama vaikui."]
    found = extract_passages([Passage("t.txt", n, line) for n, line in enumerate(lines, 1)],
                             "lt")
    terms = {c.term: c for c in found.top(None)}
    assert "neįgalieji" in terms and terms["neįgalieji"].freq == 2
    # a definite adjective with its noun stays in its phrase, never alone
    assert "laikinoji globa" in terms and not {"laikinasis", "laikinoji"} & set(terms)
