"""Polish terms with a prepositional complement, on sentences written for these tests: a
preposition's object that takes a complement of its own (a verbal noun, a noun in -ość),
a per-unit formula ("na" + the unit + "w" + the whole it is counted in), the complex
preposition "do spraw" naming a body's field, and prepositions left out of a candidate's
length; a plain noun's circumstance still ends a term."""

from __future__ import annotations

import importlib.util

import pytest

from extraction_support import assert_shown_and_never, extract_lines

needs_morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                    reason="morfeusz2 has no wheel for this platform")


def base_forms(lines: list[str]) -> set[str]:
    return {candidate.term for candidate in extract_lines(lines, "pl").top(300)}


# (case, lines, base forms that must be shown, forms that must never be)
CASES = [
    ("a noun in -ość keeps its own complement after the preposition before it",
     ["Szkoła wystawiła zaświadczenie o gotowości do nauki.",
      "Zaświadczenie o gotowości do nauki dołączono do akt."],
     ["zaświadczenie o gotowości do nauki", "gotowość do nauki"], []),
    ("a verbal noun keeps its own complement",
     ["Rodzina złożyła wniosek o skierowanie do ośrodka wsparcia."],
     ["wniosek o skierowanie do ośrodka wsparcia", "skierowanie do ośrodka wsparcia"], []),
    ("a verbal noun keeps its complement past its genitive object",
     ["Ojciec złożył wniosek o zwolnienie rodziców z opłaty za przedszkole."],
     ["wniosek o zwolnienie rodziców z opłaty"], []),
    ("a per-unit formula is one unit with the noun it measures",
     ["Zasiłek zależy od kwoty na mieszkańca w gminie."],
     ["kwota na mieszkańca w gminie"], []),
    ("'do spraw' and its genitive chain name a body's field, with no second noun of its own",
     ["Starosta powołał komisję do spraw oceny jakości usług opiekuńczych."],
     ["komisja do spraw oceny jakości usług opiekuńczych"],
     ["sprawa oceny jakości usług opiekuńczych", "sprawa oceny jakości"]),
    ("a name's 'do Spraw' is the same complex preposition",
     ["Skargę rozpatrzyła Wojewódzka Komisja do Spraw Orzekania o Zdarzeniach Medycznych.",
      "Orzeczenie wydała Wojewódzka Komisja do Spraw Orzekania o Zdarzeniach Medycznych "
      "w Lublinie."],
     ["Wojewódzka Komisja do Spraw Orzekania o Zdarzeniach Medycznych"],
     ["Sprawa Orzekania o Zdarzeniach Medycznych", "sprawa orzekania o zdarzeniach medycznych",
      "Sprawa Orzekania"]),
    ("a preposition does not count towards a candidate's five words",
     ["Gmina przyznała dotację na pokrycie kosztów wyżywienia uczniów."],
     ["dotacja na pokrycie kosztów wyżywienia uczniów"], []),
    ("a plain noun's circumstance ends a term",
     ["Pracownik przeprowadził rozmowę z matką w mieszkaniu.",
      "Kurator złożył wniosek o pomoc dla rodziny w szkole."],
     ["rozmowa z matką", "wniosek o pomoc"],
     ["rozmowa z matką w mieszkaniu", "wniosek o pomoc dla rodziny",
      "wniosek o pomoc dla rodziny w szkole"]),
    ("an agent after 'przez' is no complement, even of a verbal noun",
     ["Ośrodek wydał decyzję o umorzeniu należności przez gminę."],
     ["decyzja o umorzeniu należności"],
     ["decyzja o umorzeniu należności przez gminę"]),
]


@needs_morfeusz
@pytest.mark.parametrize("lines, shown, never", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_polish_prepositional_complements(lines, shown, never):
    assert_shown_and_never(base_forms(lines), shown, never)


@needs_morfeusz
@pytest.mark.parametrize("sentence, position, expected", [
    ("orzeczenie o gotowości do nauki", 3, True),            # a noun in -ość
    ("wniosek o skierowanie do ośrodka", 3, True),           # a verbal noun
    ("pomiar na zawartość pyłu w powietrzu", 4, True),       # past its genitive
    ("kwota na mieszkańca w gminie", 3, True),               # per unit
    ("komisja do spraw orzekania o stopniu", 4, True),       # after "do spraw"
    ("rozmowa z matką w mieszkaniu", 3, False),              # a plain noun
    ("wniosek o pomoc dla rodziny", 3, False),
    ("decyzja o umorzeniu przez gminę", 3, False),           # an agent
    ("pomoc w mieszkaniu", 1, False),                        # no preposition before
])
def test_a_preposition_complements_the_object_before_it(sentence, position, expected):
    from termbase.extraction.analysis import PREP, analyse
    from termbase.extraction.polish_prepositions import (complements_the_object,
                                                         phrasal_preposition_nouns)

    words = sentence.split()
    prepositions = [analyse(w, "pl").role == PREP for w in words]
    for k in phrasal_preposition_nouns(words):
        prepositions[k] = True
    assert complements_the_object(words, prepositions, position) is expected


@needs_morfeusz
def test_the_piece_before_a_complement_is_cut_and_its_preposition_joins_the_term():
    """"kwota na mieszkańca" and "mieszkaniec w gminie" are pieces of the formula in this
    occurrence, "zaświadczenie o gotowości" a piece of the phrase with its complement;
    the whole phrases are seen whole, their prepositions read as joining their parts."""
    found = extract_lines(["Zasiłek zależy od kwoty na mieszkańca w gminie.",
                           "Szkoła wystawiła zaświadczenie o gotowości do nauki."], "pl")
    stats = {" ".join(c.term.split()): found.counter.stats[c.lemmas]
             for c in found.top(300)}
    for piece in ("kwota na mieszkańca", "mieszkaniec w gminie", "zaświadczenie o gotowości"):
        assert stats[piece].partial == stats[piece].freq, piece
    # a piece of the formula holds no formula: its preposition attaches a circumstance,
    # as "na" of "kwota na mieszkańca" does, and "w" of "mieszkaniec w gminie" alike
    for piece in ("kwota na mieszkańca", "mieszkaniec w gminie"):
        assert "P" in stats[piece].shape, piece
    for whole in ("kwota na mieszkańca w gminie", "zaświadczenie o gotowości do nauki"):
        assert stats[whole].partial == 0 and "P" not in stats[whole].shape, whole
