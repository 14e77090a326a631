"""check accepts an equivalent written as a derivative (a verb form for a verbal noun, a
relational adjective for a noun modifier), names the homonym spelt like the text, and does
not read a real word of the translation as a typo of a term."""

import pytest

from termbase.check import check_segment
from termbase.text.derivation import MIN_DERIVED_STEM, derived_stem, lithuanian_relatives


def flags(shipped, source, target, pair, variant=None):
    source_lang, target_lang = pair.split("-")
    return [(i.kind, i.concept_id) for i in check_segment(
        shipped.index, 1, source, target, source_lang, target_lang, variant)]


@pytest.mark.parametrize("lemma, relative", [
    ("finansuoti", "finansavimas"), ("dalyvauti", "dalyvavimas"), ("mokyti", "mokymas"),
    ("globoti", "globojimas"), ("nukreipti", "nukreipimas"), ("finansavimas", "finansuoti"),
    ("nukreipimas", "nukreipti"),
])
def test_lithuanian_verbal_nouns_and_their_verbs_are_relatives(lemma, relative):
    assert relative in lithuanian_relatives({lemma})


def test_a_derived_stem_is_long_or_none():
    assert derived_stem("partnerstwa") == "partners"
    assert derived_stem("społeczna") is None          # społec-: społeczny and społeczność
    assert all(len(derived_stem(w) or "x" * MIN_DERIVED_STEM) >= MIN_DERIVED_STEM
               for w in ("rodzinny", "zawodowej", "środowiskowy", "environmental"))


def test_a_verb_form_stands_for_the_lithuanian_verbal_noun(shipped):
    source = "Współfinansowanie pokrywa połowę kosztów."
    assert flags(shipped, source, "Pusė išlaidų finansuojama bendrai.", "pl-lt") == []
    assert flags(shipped, source, "Pusė išlaidų finansuojama iš biudžeto.", "pl-lt") == [
        ("missing-equivalent", "proj-co-financing")]


def test_a_relational_adjective_stands_for_one_word_of_a_longer_equivalent(shipped):
    source = "The partnership agreement was approved in June."
    assert flags(shipped, source, "W czerwcu zatwierdzono umowę partnerską.", "en-pl") == []
    # the adjective alone is not the term, nor the noun without it
    assert flags(shipped, source, "W czerwcu zatwierdzono umowę.", "en-pl") == [
        ("missing-equivalent", "proj-partnership-agreement")]
    assert flags(shipped, source, "W czerwcu zatwierdzono partnerski plan.", "en-pl") == [
        ("missing-equivalent", "proj-partnership-agreement")]


def test_a_real_word_is_not_read_as_a_typo_and_the_closest_homonym_is_named(shipped):
    # "wypłaca" (pays out) is one letter from "wypłata" but a word of its own; of the two
    # concepts read from "išmokos vaikams", the flag names the one spelt that way
    assert flags(shipped, "Išmokos vaikams mokamos kas mėnesį.",
                 "Co miesiąc gmina wypłaca pieniądze na dzieci.", "lt-pl", "pl-LT") == [
        ("missing-equivalent", "svc-child-benefits")]
    assert flags(shipped, "Išmokos vaikams mokamos kas mėnesį.",
                 "Wypłaty dzieciom są przekazywane co miesiąc.", "lt-pl", "pl-LT") == []
