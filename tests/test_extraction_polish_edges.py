"""Polish phrase edges and single-word termhood on sentences written for these tests
(issue 17, ninth round): an adjective that opens the next noun's phrase, a verb that
morfeusz2 also reads as a rare adjective, months, a complex preposition, and nouns that
name a person by role."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given, settings, strategies as st

from termbase.extraction.passages import Passage

needs_morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                    reason="morfeusz2 has no wheel for this platform")


def extraction(lines: list[str]):
    from termbase.extract import extract_passages

    return extract_passages([Passage("t.txt", n, line) for n, line in enumerate(lines, 1)],
                            "pl")


def base_forms(lines: list[str]) -> set[str]:
    return {candidate.term for candidate in extraction(lines).top(300)}


# (case, lines, base forms that must be shown, forms that must never be)
CASES = [
    ("a capitalised adjective after a title opens the name after it",
     ["Wniosek składa się za pośrednictwem Kierownika Gminnego Ośrodka Pomocy Społecznej.",
      "Decyzję podpisał zastępca Kierownika Gminnego Ośrodka Pomocy Społecznej."],
     ["Kierownik Gminnego Ośrodka Pomocy Społecznej"],
     ["Kierownik Gminny", "Kierownik Gminny Ośrodka Pomocy Społecznej",
      "pośrednictwo Kierownika Gminnego", "pośrednictwo Kierownika"]),
    ("an adjective after a verbal noun belongs to the noun after it",
     ["Rodzina złożyła wniosek w sprawie przyznania specjalnego zasiłku celowego.",
      "Odmowa przyznania specjalnego zasiłku celowego wymaga uzasadnienia."],
     ["przyznanie specjalnego zasiłku celowego", "specjalny zasiłek celowy"],
     ["przyznanie specjalne zasiłku celowego", "przyznanie specjalne"]),
    ("an adjective after a plain noun still agrees with it",
     ["Zadania pracownika socjalnego ośrodka określa regulamin.",
      "Pracownik socjalny ośrodka prowadzi wywiad środowiskowy."],
     ["pracownik socjalny"], ["pracownik socjalnego ośrodka"]),
    ("a past tense read as a rare adjective is a verb: it ends no phrase",
     ["Formularze najczęściej wypełniali funkcjonariusze Policji.",
      "Wnioski wypełniały pracownice socjalne ośrodka."],
     ["funkcjonariusz Policji"],
     ["wypełniały funkcjonariusz Policji", "wypełniały pracownica socjalna"]),
    ("a month dates an event and is no term",
     ["Sprawozdanie przedstawiono w lutym następnego roku.",
      "Zasiłek wypłacono w marcu ubiegłego roku, a zaliczkę w październiku."],
     [], ["luty następnego", "luty następny", "marzec ubiegły", "marzec", "październik"]),
]


@needs_morfeusz
@pytest.mark.parametrize("lines, shown, never", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_polish_phrase_edges(lines, shown, never):
    found = base_forms(lines)
    assert set(shown) <= found, set(shown) - found
    assert not set(never) & found, set(never) & found


@needs_morfeusz
def test_a_role_seen_twice_ranks_among_the_text_s_terms():
    """"psycholog" is commoner in general Polish than "świetlica" or "poradnia", but it
    names a person by profession: alone, it ranks above those places seen as often."""
    lines = ["Psycholog poradni udzielił rodzinie porad w sprawie wychowania.",
             "Dzieci skorzystały z pomocy psychologa i z zajęć w świetlicy.",
             "Matka zgłosiła problem w rozmowie telefonicznej z wychowawcą.",
             "Rodzina otrzymała wsparcie w postaci posiłku w szkole."]
    ranked = [c.term for c in extraction(lines).top(300)]
    assert ranked.index("psycholog") < min(ranked.index("świetlica"),
                                           ranked.index("poradnia"))


@needs_morfeusz
@pytest.mark.parametrize("lemma, person", [
    ("psycholog", True), ("dzielnicowy", True), ("pedagog", True), ("policjant", True),
    ("odwołanie", False), ("rodzina", False), ("formularz", False)])
def test_a_person_s_noun_is_told_by_its_gender(lemma, person):
    from termbase.extraction.persons import names_a_person

    assert names_a_person(lemma, "pl") is person
    assert not names_a_person(lemma, "lt")


@needs_morfeusz
@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["przyznania", "ustalenia", "udzielenia", "wydania"]),
       st.sampled_from(["specjalnego zasiłku", "stałego zasiłku", "okresowego zasiłku",
                        "celowego zasiłku"]),
       st.sampled_from(["Kierownika", "Dyrektora", "Zastępcy"]),
       st.sampled_from(["Gminnego Ośrodka", "Powiatowego Urzędu", "Miejskiego Ośrodka"]))
def test_an_adjective_between_two_nouns_goes_to_the_second(verbal, complement, title, name):
    from termbase.extraction.polish_np import modifies_the_next_noun

    assert modifies_the_next_noun(f"{verbal} {complement}".split(), 1)
    assert modifies_the_next_noun(f"{title} {name}".split(), 1)
    # the same words in lower case after a plain noun stay with it
    assert not modifies_the_next_noun(f"{title.lower()} {name.lower()}".split(), 1)
