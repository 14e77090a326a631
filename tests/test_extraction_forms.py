"""Base forms, boundaries and the terminal listing of extracted candidates, on sentences
written for these tests (the held-out documents are measured in test_extraction_eval)."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given, strategies as st

from termbase.cli.listing import block, fit, plain_lines
from termbase.extraction.passages import Passage
from termbase.text import lithuanian

needs_morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                    reason="morfeusz2 has no wheel for this platform")


def extract_lines(lines: list[str], lang: str):
    from termbase.extract import extract_passages

    return extract_passages([Passage("t.txt", n, line) for n, line in enumerate(lines, 1)],
                            lang)


def terms(extraction, n: int = 200) -> dict[str, object]:
    return {c.term: c for c in extraction.top(n)}


# -- Lithuanian ------------------------------------------------------------------------------
LT = ["Vaikai gyvena bendruomeniniuose vaikų globos namuose.",
      "Bendruomeninių vaikų globos namų darbuotojai dirba pamainomis.",
      "Mokymai skirti budintiems globotojams ir įtėviams.",
      "Budinčių globotojų ir įtėvių susitikimai vyksta kas mėnesį.",
      "Savivaldybė finansuoja kompleksines paslaugas šeimai.",
      "Kompleksinių paslaugų šeimai teikėjai bendradarbiauja, skatinant tėvus dalyvauti.",
      "Socialiniams darbuotojams organizuojama supervizija.",
      "Supervizijos metu aptariami sunkūs atvejai."]


def test_lithuanian_terms_used_in_the_plural_get_a_nominative_plural():
    found = terms(extract_lines(LT, "lt"))
    assert "vaikų globos namai" in found and "vaikų globos namas" not in found
    assert "bendruomeniniai vaikų globos namai" in found
    assert "įtėviai" in found
    assert "budintys globotojai" in found   # a participle and a word the dictionary lacks


def test_lithuanian_dative_complement_stays_and_verb_forms_break_candidates():
    found = terms(extract_lines(LT, "lt"))
    assert "kompleksinės paslaugos šeimai" in found  # seen in the plural only
    assert not any(word in term.split() for term in found
                   for word in ("skatinant", "dalyvauti", "darbuotojams"))


def test_lithuanian_single_word_term_in_its_nominative():
    found = terms(extract_lines(LT, "lt"))
    assert "supervizija" in found


@pytest.mark.parametrize("lemma, m_plural, f_singular, f_plural", [
    ("socialinis", "socialiniai", "socialinė", "socialinės"),
    ("budintis", "budintys", "budinti", "budinčios"),
    ("apsaugotas", "apsaugoti", "apsaugota", "apsaugotos"),
    ("suaugęs", "suaugę", "suaugusi", "suaugusios"),
    ("gausus", "gausūs", "gausi", "gausios")])
def test_lithuanian_adjectives_decline_to_every_nominative(lemma, m_plural, f_singular,
                                                           f_plural):
    assert lithuanian.declined_adjective(lemma, "m", True) == m_plural
    assert lithuanian.declined_adjective(lemma, "f", False) == f_singular
    assert lithuanian.declined_adjective(lemma, "f", True) == f_plural


@given(st.text(alphabet="abcegiklmnoprsšuvyzž", min_size=3, max_size=8))
def test_every_form_of_an_inis_adjective_leads_back_to_its_lemma(stem):
    lemma = stem + "inis"
    forms = lithuanian.paradigm(lemma) | lithuanian.paradigm(stem + "inė")
    for form in forms:
        assert lithuanian.masculine_nominative(form, ("inis",)) == lemma, form


def test_lithuanian_number_and_case_of_noun_forms():
    assert lithuanian.noun_numbers("namuose", "namas") == {"pl"}
    assert lithuanian.noun_numbers("paslaugos", "paslauga") == {"sg", "pl"}
    assert lithuanian.case_slots("šeimai", "šeima") == {lithuanian.DATIVE}
    assert lithuanian.noun_nominative_plural("įtėvis", ["įtėviams"]) == "įtėviai"


# -- Polish ----------------------------------------------------------------------------------
PL = ["Sąd Rejonowy w Lublinie wyznaczył opiekuna prawnego.",
      "Podopieczny mieszka w domu pomocy społecznej.",
      "Opiekun prawny odwiedza podopiecznego co tydzień.",
      "Podopieczny otrzymuje rentę socjalną.",
      "Wnioski przyjmuje Centrum Usług Społecznych w Lublinie.",
      "Ogłoszono otwarty konkurs ofert na usługi społeczne.",
      "Wyniki otwartego konkursu ofert ogłosi prezydent."]


@needs_morfeusz
def test_polish_names_keep_capitals_and_common_terms_do_not():
    found = terms(extract_lines(PL, "pl"))
    assert "Sąd Rejonowy" in found          # a sentence-initial name keeps both capitals
    assert "Usługi Społeczne" not in found  # a piece cut from inside a name
    assert "usługi społeczne" in found


@needs_morfeusz
def test_polish_substantivised_adjective_is_a_single_word_term():
    found = terms(extract_lines(PL, "pl"))
    assert "podopieczny" in found
    assert "otwarty konkurs ofert" in found  # otwarty, not a participle of otworzyć


# -- the listing -----------------------------------------------------------------------------
@needs_morfeusz
@pytest.mark.parametrize("lang, lines", [("pl", PL), ("lt", LT)])
def test_listing_fits_80_columns_and_shows_form_forms_and_context(lang, lines):
    for number, candidate in enumerate(extract_lines(lines, lang).top(30), 1):
        shown = plain_lines(block(number, candidate, 80), 80)
        assert all(len(line) <= 80 for line in shown), shown
        text = "\n".join(shown)
        assert candidate.term in shown[0] and "seen as:" in text and "t.txt:" in text


@given(st.text(alphabet="abc dé…", max_size=300), st.data())
def test_fit_keeps_the_occurrence_and_the_room(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    room = data.draw(st.integers(10, 200))
    cut, s, e = fit(text, start, end, room)
    assert cut[s:e] == text[start:end]
    assert len(cut) <= max(room, end - start) + 2


def test_lithuanian_name_may_open_a_term_and_keeps_its_capital():
    found = terms(extract_lines(["Projektas finansuojamas Europos socialinio fondo lėšomis.",
                                 "Europos socialinio fondo agentūra skelbia kvietimą."], "lt"))
    assert "Europos socialinis fondas" in found
    assert "socialinis fondas" in found
    assert not any(term.startswith("europos") for term in found)


@needs_morfeusz
def test_polish_complex_prepositions_are_no_part_of_a_term():
    found = terms(extract_lines(["Szkolenia prowadzono w ramach Europejskiego Funduszu "
                                 "Społecznego.", "Wsparcie z zakresu pomocy społecznej "
                                 "udzielane jest w ramach Europejskiego Funduszu Społecznego."],
                                "pl"))
    assert "Europejski Fundusz Społeczny" in found and "pomoc społeczna" in found
    assert not any(term.split()[0] in ("rama", "ramy", "zakres") for term in found)
