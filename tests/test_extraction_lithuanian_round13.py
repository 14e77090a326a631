"""Lithuanian extraction, thirteenth round: two phrase-building rules, each checked on
sentences written for these tests (none taken from any set).

* A coordination of two genitives inside a genitive chain ("vertinimo ir tobulinimo")
  counts its conjunction as no word, so the chain reaches as far left as it would without
  the coordination: the leading adjective or genitive stays in the phrase.
* An adjective or participle that governs the dative (naudingas, skirtas, pritaikytas,
  ...) takes the dative noun right before it into its noun phrase."""

from __future__ import annotations

import pytest

from termbase.extraction.analysis import analyse
from termbase.extraction.lithuanian import dependents_in_genitive, modifiers_agree
from termbase.extraction.lithuanian_datives import (dative_complement, dative_noun,
                                                    governs_dative)
from extraction_support import assert_shown_and_never, extract_lines


# (case, lines, base forms that must be shown, base forms that must not)
CASES = [
    ("a coordinated genitive keeps the adjective of the genitive before it",
     ["Centras siūlo profesinių gebėjimų vertinimo ir tobulinimo paslaugas jaunimui."],
     ["profesinių gebėjimų vertinimo ir tobulinimo paslaugos",
      "gebėjimų vertinimo ir tobulinimo paslaugos"], []),
    ("a coordination at the start of a genitive chain reaches the chain's head",
     ["Inspektorius surašė turto ir pajamų deklaracijos patikrinimo aktą.",
      "Darbuotoja pildo buities ir gyvenimo sąlygų įvertinimo aktą."],
     ["turto ir pajamų deklaracijos patikrinimo aktas",
      "buities ir gyvenimo sąlygų įvertinimo aktas",
      "turto ir pajamų deklaracijos patikrinimas"], []),
    ("without a coordination the chain keeps its length limit",
     ["Komisija svarstė savivaldybės gyventojų užimtumo skatinimo priemonių planą."],
     [], ["savivaldybės gyventojų užimtumo skatinimo priemonių planas"]),
    ("a dative noun before an adjective that governs it belongs to the phrase",
     ["Mokiniai atliko visuomenei naudingus darbus.",
      "Mokykla taiko aplinkai draugiškus sprendimus.",
      "Tėvams reikalinga informacija skelbiama svetainėje."],
     ["visuomenei naudingi darbai", "aplinkai draugiški sprendimai",
      "tėvams reikalinga informacija"], []),
    ("a participle that governs the dative takes it too, a definite adjective read as a "
     "noun among the datives",
     ["Seniūnija įrengė neįgaliesiems pritaikytą žaidimų aikštelę.",
      "Mergaitė lanko paaugliams skirtus užsiėmimus."],
     ["neįgaliesiems pritaikyta žaidimų aikštelė", "paaugliams skirti užsiėmimai"], []),
    ("the dative complement stays inside a genitive before the head",
     ["Savivaldybė plečia gyventojams prieinamų paslaugų tinklą."],
     ["gyventojams prieinamų paslaugų tinklas", "gyventojams prieinamos paslaugos"], []),
    ("an adjective that governs no dative takes no dative noun before it",
     ["Darbuotojai suteikė šeimai didelę paramą."],
     ["didelė parama"], ["šeimai didelė parama"]),
    ("only a dative directly before the adjective: not across an adverb, nor after it",
     ["Jaunuoliai dalyvavo visuomenei labai naudingoje veikloje.",
      "Ši veikla yra naudinga visuomenei."],
     [], ["visuomenei labai naudinga veikla", "naudinga visuomenei",
          "veikla naudinga visuomenei"]),
    ("an adjective before a definite dative read as a noun must agree with the head",
     ["Tarnyba rūpinasi neįgaliesiems pritaikytu būstu."],
     ["neįgaliesiems pritaikytas būstas"],
     ["rūpinasis neįgaliesiems pritaikytas būstas"]),
]


@pytest.mark.parametrize("case, lines, shown, not_shown", CASES, ids=[c[0] for c in CASES])
def test_lithuanian_round_thirteen(case, lines, shown, not_shown):
    found = {candidate.term for candidate in extract_lines(lines, "lt").top(200)}
    assert_shown_and_never(found, shown, not_shown)


def test_the_phrase_without_its_dative_counts_as_cut_from_the_longer_one():
    extraction = extract_lines(["Jaunimas dalyvauja visuomenei naudingoje veikloje."], "lt")
    stats = extraction.counter.stats
    assert stats[("naudingas", "veikla")].partial == 1
    assert stats[("visuomenė", "naudingas", "veikla")].partial == 0


@pytest.mark.parametrize("word, governs", [
    ("naudingoje", True), ("reikalingos", True), ("skirtas", True), ("pritaikytą", True),
    ("palankios", True), ("būdingi", True), ("prieinamos", True),
    ("didelę", False), ("socialinės", False), ("teikiamos", False)])
def test_adjectives_that_govern_the_dative(word, governs):
    assert governs_dative(analyse(word, "lt")) is governs


@pytest.mark.parametrize("word, dative", [
    ("visuomenei", True), ("vaikams", True), ("šeimoms", True), ("žmonėms", True),
    ("visuomenės", False), ("vaikų", False), ("šeimą", False)])
def test_a_dative_noun_is_one_whose_form_can_be_nothing_else(word, dative):
    assert dative_noun(word, analyse(word, "lt")) is dative


@pytest.mark.parametrize("words, complement", [
    (["visuomenei", "naudinga", "veikla"], True),
    (["vaikams", "skirtos", "paslaugos"], True),
    (["šeimai", "didelė", "parama"], False),         # didelis governs nothing
    (["visuomenės", "naudinga", "veikla"], False),   # a genitive, not a dative
    (["visuomenei", "naudinga"], False)])            # no noun for the adjective
def test_a_dative_complement_needs_its_governing_adjective_and_a_head(words, complement):
    infos = [analyse(w, "lt") for w in words]
    assert dative_complement(words, infos, 0) is complement


@pytest.mark.parametrize("words, phrase", [
    (["visuomenei", "naudinga", "veikla"], True),
    (["gyventojams", "prieinamų", "paslaugų", "tinklas"], True),
    (["šeimai", "didelė", "parama"], False),
    (["vadovui", "pateikta", "ataskaita"], False)])     # pateiktas governs nothing here
def test_a_dative_before_its_adjective_is_a_dependent_of_the_phrase(words, phrase):
    assert (dependents_in_genitive(words) and modifiers_agree(words)) is phrase
