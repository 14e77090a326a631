"""Terms written with a gap: inside a coordination of two adjectives ("usługi opiekuńcze i
specjalistyczne"), or past an alternative in parentheses ("globos (rūpybos) išmoka").
Texts written for these tests."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given, strategies as st

from termbase.extraction.passages import Passage

needs_morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                    reason="morfeusz2 has no wheel for this platform")

POLISH = ["Ośrodek świadczy usługi opiekuńcze i specjalistyczne dla mieszkańców gminy.",
          "Wsparcie obejmuje osoby starsze i niepełnosprawne oraz rodziny wielodzietne.",
          "Opiekuńcze i specjalistyczne usługi zamawia gmina."]
LITHUANIAN = ["Lėšos skirtos bendrosioms ir specialiosioms socialinėms paslaugoms.",
              "Savivaldybė organizuoja dienos ir trumpalaikę socialinę globą.",
              "Senyvo amžiaus ir neįgalūs asmenys gauna pagalbą."]


def terms(lines: list[str], lang: str) -> set[str]:
    from termbase.extract import extract_passages

    found = extract_passages([Passage("test.txt", n, line) for n, line in enumerate(lines, 1)],
                             lang)
    return {c.term for c in found.top(None)}


@needs_morfeusz
def test_the_second_polish_adjective_takes_the_noun_before_the_first():
    found = terms(POLISH, "pl")
    assert {"usługi specjalistyczne", "osoba niepełnosprawna", "usługi opiekuńcze",
            "osoba starsza"} <= found
    # an adjective with its own noun after it shares nothing: no "opiekuńcze usługi" pair
    # is made of the third sentence, and no noun is taken across "oraz"
    assert not {"gmina specjalistyczna", "osoba wielodzietna", "rodzina niepełnosprawna"} & found


def test_the_first_lithuanian_member_takes_the_head_after_the_second():
    found = terms(LITHUANIAN, "lt")
    assert {"bendrosios socialinės paslaugos", "specialiosios socialinės paslaugos",
            "dienos socialinė globa", "trumpalaikė socialinė globa",
            "senyvo amžiaus asmenys"} <= found


PARENTHESES = {"lt": ["Globėjui mokama globos (rūpybos) išmoka ir jos tikslinis priedas.",
                      "Vaikas (globotinis) gyvena šeimoje."],
               "pl": ["Rodzina otrzymuje dodatek (zasiłek) rodzinny co miesiąc."]}


@needs_morfeusz
@pytest.mark.parametrize("lang, wanted, unwanted", [
    ("lt", {"globos (rūpybos) išmoka"}, {"vaikas gyvena", "globotinis šeima"}),
    ("pl", {"dodatek (zasiłek) rodzinny"}, set())])
def test_a_term_runs_on_past_an_alternative_in_parentheses(lang, wanted, unwanted):
    """Written with its alternative every time, the term keeps it, as a legal doublet."""
    found = terms(PARENTHESES[lang], lang)
    assert wanted <= found and not unwanted & found


def test_the_alternative_is_brought_to_the_base_form_with_its_word():
    found = terms(["Teismas nustatė laikinąją globą (rūpybą) ir paskyrė globėją.",
                   "Laikinąją globą (rūpybą) vykdo globos centras."], "lt")
    assert "laikinoji globa (rūpyba)" in found


def test_a_term_also_written_without_the_alternative_is_shown_without_it():
    found = terms(["Globėjui mokama globos (rūpybos) išmoka.",
                   "Globos išmoka mokama kas mėnesį."], "lt")
    assert "globos išmoka" in found and "globos (rūpybos) išmoka" not in found


@given(st.lists(st.sampled_from(["globos", "(", ")", "rūpybos", "išmoka", "vaikas", "lat",
                                 "(14", "9)", ",", "Kacper"]), max_size=12))
def test_phrases_past_parentheses_are_found_in_any_text_without_failing(words):
    from termbase.extraction.analysis import analyse
    from termbase.extraction.insertions import across_parentheses
    from termbase.text.normalize import tokenize

    text = " ".join(words)
    tokens = tokenize(text)
    infos = [analyse(t.text, "lt") for t in tokens]
    for positions in across_parentheses(text, tokens, infos, "lt"):
        assert positions == sorted(positions) and positions[-1] < len(tokens)


def test_an_alternative_before_punctuation_ends_its_phrase():
    found = terms(["Globa (rūpyba), kuri nustatyta vaikui, peržiūrima kasmet.",
                   "Vaikui nustatyta globa (rūpyba)."], "lt")
    assert "globa (rūpyba)" in found
    assert not [term for term in found if "kuri" in term]
