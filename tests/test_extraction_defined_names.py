"""Agreements and statutes. Short names a document defines for itself ("zwany dalej
„Ośrodkiem”", "(toliau – Centras)") are capitalised by the document's convention, not as
proper names: terms holding them are written in lower case, while a real name around them
keeps its capitals. Amounts and dates ("w wysokości", "w terminie") end a phrase, and no
name runs across "pomiędzy". Texts written for these tests."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given, strategies as st

from extraction_support import extract_lines
from termbase.extraction.defined_names import defined_words
from termbase.text.normalize import tokenize

needs_morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                    reason="morfeusz2 has no wheel for this platform")

POLISH_AGREEMENT = [
    "Umowa zawarta pomiędzy Miejskim Ośrodkiem Pomocy Społecznej w Lipnicy, zwanym dalej "
    "„Ośrodkiem”, a Panią Ewą Kruk, zwaną dalej „Opiekunką”.",
    "Wynagrodzenie Opiekunki wypłaca Ośrodek na rachunek bankowy Opiekunki do 10 dnia "
    "miesiąca.",
    "Wynagrodzenie Opiekunki obejmuje koszty dojazdu, a rachunek bankowy Opiekunki wskazuje "
    "Miejski Ośrodek Pomocy Społecznej.",
    "Opłata w wysokości 300 zł jest wnoszona w terminie do 15 dnia miesiąca.",
]
LITHUANIAN_STATUTES = [
    "Klevų socialinių paslaugų centras (toliau – Centras) yra biudžetinė įstaiga.",
    "Centro direktorius tvirtina Centro vidaus tvarkos taisykles.",
    "Centro direktorius atsako už Centro veiklą ir teikia ataskaitas Klevų socialinių "
    "paslaugų centro tarybai.",
]


def _terms(lines, lang):
    return {c.term for c in extract_lines(lines, lang).top(None)}


@needs_morfeusz
def test_a_defined_party_is_written_in_lower_case_in_the_terms_holding_it():
    found = _terms(POLISH_AGREEMENT, "pl")
    assert {"wynagrodzenie opiekunki", "rachunek bankowy opiekunki"} <= found
    assert not {"wynagrodzenie Opiekunki", "rachunek bankowy Opiekunki"} & found
    # the name it was defined from keeps its capitals
    assert "Miejski Ośrodek Pomocy Społecznej" in found


def test_a_lithuanian_short_name_in_parentheses_is_no_proper_name():
    found = _terms(LITHUANIAN_STATUTES, "lt")
    assert "centro direktorius" in found and "Centro direktorius" not in found


@needs_morfeusz
def test_a_complex_preposition_of_amount_or_time_ends_a_phrase():
    found = _terms(POLISH_AGREEMENT, "pl")
    assert not [term for term in found if term.endswith((" w wysokości", " w terminie"))]
    assert "opłata w wysokości" not in found


_WORD = st.text(alphabet="abcdefghijklmnoprstuwyząęółżźćńś", min_size=2, max_size=12)


@given(_WORD)
def test_a_one_word_definition_is_found_and_a_longer_one_is_not(word):
    name = word[0].upper() + word[1:]
    for text, lang in ((f"Dom Seniora, zwany dalej „{name}”, prowadzi zajęcia.", "pl"),
                       (f"Dom Seniora (dalej: {name}) prowadzi zajęcia.", "pl"),
                       (f"Dienos centras (toliau – {name}) teikia paslaugas.", "lt")):
        tokens = tokenize(text)
        assert [tokens[k].text for k in defined_words(text, tokens, lang)] == [name], text
    longer = f"Gmina Lipnica, zwana dalej „Gminą {name}”, zawiera umowę."
    assert defined_words(longer, tokenize(longer), "pl") == []


def test_an_abbreviation_or_a_lower_case_definition_is_no_capitalised_short_name():
    for text, lang in (("Ośrodek Pomocy Społecznej, zwany dalej „OPS”, działa.", "pl"),
                       ("Asmeninio asistento paslauga (toliau – paslauga) teikiama.", "lt")):
        assert defined_words(text, tokenize(text), lang) == []


@needs_morfeusz
def test_two_names_either_side_of_pomiedzy_are_no_whole_name():
    """"Borowcu" is also a common noun's form, so the phrase runs on from it."""
    from termbase.extract import extract_passages
    from termbase.extraction.passages import Passage

    line = ("Zawarta w dniu 5 maja 2026 r. w Borowcu pomiędzy Gminnym Ośrodkiem Pomocy "
            "Społecznej w Borowcu, reprezentowanym przez Kierownika Ośrodka.")
    stats = extract_passages([Passage("t.txt", 1, line)], "pl").counter.stats
    across = [key for key in stats if "pomiędzy" in key]
    assert across and not any(stats[key].whole_name for key in across)
    assert stats[("gminny", "ośrodek", "pomoc", "społeczny")].whole_name
