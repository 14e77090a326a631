"""Lithuanian extraction, eleventh round: faults the native review of the fourth blind set
found, each checked on sentences written for these tests (not taken from any set)."""

from __future__ import annotations

import pytest

from extraction_support import extract_lines


def base_forms(lines: list[str]) -> list[str]:
    return [candidate.term for candidate in extract_lines(lines, "lt").top(200)]


# (case, lines, base forms that must be shown, base forms that must not)
CASES = [
    ("an institution in the dative is whom a request goes to, not a term's complement",
     ["Pareiškėjas įteikė prašymą Vaikų gerovės skyriui antradienį.",
      "Seniūnas perdavė Vaikų gerovės skyriui metinę ataskaitą."],
     ["Vaikų gerovės skyrius"],
     ["Vaikų gerovės skyriui ataskaita", "gerovė skyriui", "Vaikų gerovės skyriui"]),
    ("a citation opening with \"Lietuvos Respublikos\" is one name with its title",
     ["Komisija rėmėsi Lietuvos Respublikos neįgaliųjų teisių įstatymu ir tvarka.",
      "Sprendimas priimtas pagal Lietuvos Respublikos neįgaliųjų teisių įstatymą."],
     ["Lietuvos Respublikos neįgaliųjų teisių įstatymas"],
     ["respublikos neįgaliųjų teisės", "respublikos neįgalieji"]),
]


@pytest.mark.parametrize("case, lines, shown, not_shown", CASES, ids=[c[0] for c in CASES])
def test_lithuanian_round_eleven(case, lines, shown, not_shown):
    forms = base_forms(lines)
    for term in shown:
        assert term in forms, (case, term, forms[:30])
    for term in not_shown:
        assert term not in forms, (case, term, forms[:30])


def test_a_citation_cut_before_its_preposition_or_conjunction_is_no_name():
    """Only the whole citation is a name; its pieces rank as ordinary phrases do."""
    extraction = extract_lines(["Taikomas Lietuvos Respublikos globos nuo skurdo įstatymas.",
                                "Sutartį pasirašė Lietuvos Respublikos švietimo ir mokslo "
                                "ministras."], "lt")
    stats = extraction.counter.stats
    assert not stats[("lietuva", "respublika", "globa")].whole_name
    assert not stats[("lietuva", "respublika", "švietimas")].whole_name
    assert stats[("lietuva", "respublika", "švietimas", "ir", "mokslas", "ministras")
                 ].whole_name
