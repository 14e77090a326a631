"""Abbreviations as candidates, and the names a text defines by one in parentheses. Texts
written for these tests."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given, strategies as st

from termbase.extraction.abbreviations import defined_phrase_start, is_abbreviation
from termbase.extraction.passages import Passage
from termbase.text.normalize import tokenize

needs_morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                    reason="morfeusz2 has no wheel for this platform")

POLISH = ["Wniosek składa się w Powiatowym Centrum Pomocy Rodzinie (PCPR) w Zielonej Dolinie.",
          "Pracownicy PCPR prowadzą rozmowy z rodzinami zastępczymi.",
          "Ministerstwo Rodziny i Polityki Społecznej (MRiPS) wydało nowe wytyczne.",
          "Projekt finansuje Europejski Fundusz Społeczny (EFS) przez trzy lata."]
LITHUANIAN = ["Prašymus nagrinėja Socialinių paslaugų priežiūros departamentas (SPPD) prie "
              "ministerijos.",
              "Su NVO bendradarbiauja seniūnijų socialiniai darbuotojai.",
              "Projektą remia Europos socialinis fondas (ESF), o vykdo savivaldybė."]


def passages(lines: list[str]) -> list[Passage]:
    return [Passage("test.txt", number, line) for number, line in enumerate(lines, 1)]


def top_terms(lines: list[str], lang: str, n: int) -> list[str]:
    from termbase.extract import extract_passages

    return [c.term for c in extract_passages(passages(lines), lang).top(n)]


@pytest.mark.parametrize("word", ["PCPR", "EFS", "VVTAĮT", "MRiPS", "NVO", "ePUAP", "eWUŚ"])
def test_capital_words_are_abbreviations(word):
    assert is_abbreviation(word)


@pytest.mark.parametrize("word", ["IV", "XII", "Ab", "A", "Wydział", "2024", "eM", "email",
                                  "mObywatel"])
def test_roman_numerals_and_words_with_a_capital_are_not(word):
    assert not is_abbreviation(word)


@given(st.text(alphabet="abcdefghijąęłńóśźżėįšųūž", min_size=1, max_size=12))
def test_a_word_in_lower_case_or_capitalised_is_no_abbreviation(word):
    assert not is_abbreviation(word)
    assert not is_abbreviation(word.capitalize())


def test_the_initials_find_where_the_defined_phrase_starts():
    text = "Sprawę prowadzi Ministerstwo Rodziny i Polityki Społecznej (MRiPS) od roku."
    tokens = tokenize(text)
    end = [t.text for t in tokens].index("MRiPS")
    content = [t.text[:1].isupper() for t in tokens].__getitem__
    assert tokens[defined_phrase_start(text, tokens, content, 0, end)].text == "Ministerstwo"
    # letters that spell no words before them define nothing
    wrong = text.replace("MRiPS", "XYZ")
    assert defined_phrase_start(wrong, tokenize(wrong), content, 0, end) is None


@needs_morfeusz
@pytest.mark.parametrize("lang, lines, expected", [
    ("pl", POLISH, {"PCPR", "EFS", "MRiPS", "Ministerstwo Rodziny i Polityki Społecznej",
                    "Powiatowe Centrum Pomocy Rodzinie", "Europejski Fundusz Społeczny"}),
    ("lt", LITHUANIAN, {"SPPD", "NVO", "ESF", "Europos socialinis fondas",
                        "Socialinių paslaugų priežiūros departamentas"})])
def test_abbreviations_and_the_names_they_define_are_proposed(lang, lines, expected):
    assert expected <= set(top_terms(lines, lang, 15))


@needs_morfeusz
@pytest.mark.parametrize("lang, lines, code, kept", [
    ("lt", ["Centras, Liepų g. 4, LT-40112 Pušynė", "Dėl pagalbos į namus paslaugų."],
     "LT", "pagalbos į namus paslaugos"),
    ("lt", ["2026-10-02 Nr. (1.7)-SK-118", "Atsakome į skundą dėl socialinių paslaugų."],
     "SK", "socialinės paslaugos"),
    ("pl", ["Znak sprawy: GOPS-3/2026", "Pismo z PCPR dotyczy pieczy zastępczej."],
     "GOPS", "PCPR"),
    # the number sign before a bracketed code (only Polish proposed "nr" there)
    ("pl", ["Decyzja Nr. (8.14)-SD-2417", "Przyznano zasiłek okresowy."],
     "SD", "zasiłek okresowy"),
])
def test_capitals_joined_to_a_number_are_a_code_not_a_term(lang, lines, code, kept):
    """A postal code's country, a file's letters: never candidates; an abbreviation
    standing as a word still is."""
    from termbase.extract import extract_passages

    found = {c.term for c in extract_passages(
        [Passage("t.txt", n, line) for n, line in enumerate(lines, 1)], lang).top(None)}
    assert code not in found and kept in found
    assert "nr" not in found
