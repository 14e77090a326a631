"""Polish places the dictionary reads as common nouns, and the units of legal
references. Sentences written for these tests."""

from __future__ import annotations

import importlib.util

import pytest

from extraction_support import extract_lines

pytestmark = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                reason="morfeusz2 has no wheel for this platform")

LINES = ["Umowę zawarto w Borowcu pomiędzy Gminą Borowiec a Panem Adamem Lisem.",
         "Pan Adam Lis mieszka w Borowcu od 2019 r.",
         "Opłatę ustala się na podstawie art. 61 ust. 2 pkt 1 ustawy o pomocy społecznej.",
         "Do umowy stosuje się przepisy Kodeksu cywilnego.",
         "Spory rozstrzyga sąd właściwy według Kodeksu cywilnego."]


def test_a_town_that_is_also_a_common_noun_keeps_its_capital():
    """"Borowcu" is a form of borowiec (a common noun); capitalised inside sentences
    with nothing capitalised beside it, it is a place: its capital stays, and alone it
    ranks as a name, not as a term."""
    found = extract_lines(LINES, "pl")
    terms = {c.term for c in found.top(None)}
    assert "Gmina Borowiec" in terms and "gmina borowiec" not in terms
    assert "borowiec" not in terms
    assert "borowiec" in found.names


def test_a_title_capitalised_on_its_first_word_is_no_place():
    found = extract_lines(LINES, "pl")
    assert "kodeks" not in found.names
    assert "Kodeks cywilny" in {c.term for c in found.top(None)}


def test_the_units_of_a_reference_are_no_terms():
    terms = {c.term for c in extract_lines(LINES, "pl").top(None)}
    assert not {"usta", "art", "pkt"} & terms
    assert "ustawa o pomocy społecznej" in terms


def test_a_compound_adjective_starts_the_name_and_no_phrase_starts_inside_it():
    terms = {c.term for c in extract_lines(
        ["Wniosek złożono w Miejsko-Gminnym Ośrodku Pomocy Społecznej w Borowcu.",
         "Dziecko trafiło do placówki opiekuńczo-wychowawczej."], "pl").top(None)}
    assert "Miejsko-Gminny Ośrodek Pomocy Społecznej" in terms
    assert "placówka opiekuńczo-wychowawcza" in terms
    assert not [t for t in terms if t.lower().startswith(("gminny", "wychowawcza"))]


def test_two_genitives_joined_after_their_head_make_one_term():
    terms = {c.term for c in extract_lines(
        ["Od orzeczenia przysługuje odwołanie do sądu pracy i ubezpieczeń społecznych.",
         "Sprawę rozpatrzy sąd pracy i ubezpieczeń społecznych w Borowcu.",
         "Ośrodek udziela pomocy i wsparcia rodzinom."], "pl").top(None)}
    assert "sąd pracy i ubezpieczeń społecznych" in terms
    # a conjunction right after the head joins no genitives: no "pomoc i wsparcie ..."
    assert not [t for t in terms if t.startswith("pomoc i")]


def test_a_name_listing_its_parts_with_commas_is_whole():
    """"Minister Rodziny, Pracy i Polityki Społecznej": the commas list the name's parts up
    to its "i"; a list of places is no name and gets no comma joined into a term."""
    terms = {c.term for c in extract_lines(
        ["Standardy określa rozporządzenie Ministra Rodziny, Pracy i Polityki Społecznej.",
         "Ośrodki działają w Borowcu, Kamieńcu i Dębnie."], "pl").top(None)}
    assert "Minister Rodziny, Pracy i Polityki Społecznej" in terms
    assert not [t for t in terms if "," in t and "Rodziny" not in t]
