"""Terms written only inside a coordination of two adjectives ("usługi opiekuńcze i
specjalistyczne"). Texts written for these tests."""

from __future__ import annotations

import importlib.util

import pytest

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
