"""Text a PDF or an e-mail hard-wrapped: the lines of one sentence are one passage again,
so a term broken over a line end is still seen whole; lists and headings stay apart."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings, strategies as st

from termbase.extraction.passages import _joined_lines

PARAGRAPHS = [
    "Na posiedzeniu Zespołu Interdyscyplinarnego omówiono sytuację rodzin objętych "
    "procedurą Niebieskie Karty, a pracownik socjalny Gminnego Ośrodka Pomocy Społecznej "
    "przeprowadzi rodzinny wywiad środowiskowy u wnioskodawczyni w przyszłym tygodniu.",
    "Socialinių paslaugų centro socialinis darbuotojas darbui su šeimomis kartu su atvejo "
    "vadybininku parengė pagalbos vaikui ir šeimai planą bei suderino jį su Valstybės "
    "vaiko teisių apsaugos ir įvaikinimo tarnybos teritorinio skyriaus specialiste."]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(PARAGRAPHS), st.integers(55, 90))
def test_a_hard_wrapped_sentence_is_one_passage_again(paragraph, width):
    lines = textwrap.wrap(paragraph, width)
    assert list(_joined_lines(lines)) == [(1, paragraph)]


@pytest.mark.parametrize("lines", [
    # a list of terms, one per line: short lines stay apart
    ["pomoc społeczna", "usługi opiekuńcze", "asystent rodziny"],
    # a heading in capitals before its text
    ["REGULAMIN ORGANIZACYJNY GMINNEGO OŚRODKA POMOCY SPOŁECZNEJ W KAMIONCE",
     "Regulamin określa organizację i zasady działania ośrodka pomocy społecznej."],
    # a long line ending a sentence, and numbered points after a long lead-in
    ["Ośrodek pomocy społecznej realizuje zadania własne gminy w zakresie pomocy.",
     "Pracownik socjalny prowadzi pracę socjalną z rodzinami w środowisku zamieszkania."],
    ["Do zadań ośrodka należą w szczególności następujące obszary działania gminy",
     "1) praca socjalna z rodzinami,", "2) przyznawanie zasiłków celowych."],
    # a blank line is a paragraph's end, however the line before it ends
    ["Do zadań ośrodka należą w szczególności następujące obszary działania gminy",
     "", "praca socjalna z rodzinami zagrożonymi wykluczeniem społecznym w gminie"]])
def test_lists_sentences_and_paragraphs_stay_apart(lines):
    assert [text for _n, text in _joined_lines(lines)] == [line for line in lines if line]
