"""Whole-phrase forms for CAT tools without morphology, checked against the seed texts:
Polish from morfeusz2, Lithuanian from the head noun's declension."""

import importlib.util

import pytest

from termbase.text.inflect import (lithuanian_phrase_forms, phrase_forms, polish_phrase_forms,
                                   stem_marked)

morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                              reason="morfeusz2 has no wheel for this platform")
GENERATORS = {"pl": polish_phrase_forms, "lt": lithuanian_phrase_forms}


def polish(*case):
    return pytest.param("pl", *case, marks=morfeusz)


# (language, base form, an inflected form as written in a seed text, seed file)
SEEN = [
    polish("pracownik socjalny", "pracowników socjalnych", "000_f49481c1da0a55df.txt"),
    polish("osoba niepełnosprawna", "osobom niepełnosprawnym", "001_ad54db9cedd34cd5.txt"),
    polish("ośrodek pomocy społecznej", "ośrodków pomocy społecznej", "004_150a732bff185b2e.txt"),
    polish("organizacja pozarządowa", "organizacjami pozarządowymi", "001_ad54db9cedd34cd5.txt"),
    polish("Wydział Opieki Społecznej", "Wydziału Opieki Społecznej", "000_f49481c1da0a55df.txt"),
    polish("środowiskowy dom samopomocy", "środowiskowych domów samopomocy",
           "004_150a732bff185b2e.txt"),
    polish("warsztat terapii zajęciowej", "warsztatów terapii zajęciowej",
           "004_150a732bff185b2e.txt"),
    ("lt", "socialinių paslaugų centras", "socialinių paslaugų centre", "002_56653c76dc09836d.txt"),
    ("lt", "socialinių paslaugų centras", "socialinių paslaugų centrui",
     "003_a60c6b739bd51d10.txt"),
    ("lt", "gausi šeima", "gausių šeimų", "003_a60c6b739bd51d10.txt"),
    ("lt", "nakvynės namai", "nakvynės namuose", "003_a60c6b739bd51d10.txt"),
    ("lt", "seniūnija", "seniūnijose", "002_56653c76dc09836d.txt"),
]


@pytest.mark.parametrize("lang, base, seen, seed", SEEN)
def test_generated_forms_cover_what_the_texts_use(seed_texts, lang, base, seen, seed):
    assert seen in seed_texts[seed]
    assert seen in GENERATORS[lang](base)


@morfeusz
def test_complements_stay_fixed_and_adjectives_agree():
    forms = polish_phrase_forms("ośrodek pomocy społecznej")
    assert all(f.endswith(" pomocy społecznej") for f in forms)
    assert "osobami niepełnosprawnymi" in polish_phrase_forms("osoba niepełnosprawna")
    assert "pracownicy socjalni" in polish_phrase_forms("pracownik socjalny")  # masculine personal


@morfeusz
def test_unknown_words_give_no_invented_forms():
    assert polish_phrase_forms("ROPS") == []


def test_observed_forms_are_kept_beside_generated_ones():
    forms = phrase_forms("gausi šeima", "lt", ["gausių šeimų", "gausiom šeimom"])
    assert "gausioms šeimoms" in forms and forms[-1] == "gausiom šeimom"
    assert phrase_forms("large family", "en", ["large families"]) == ["large families"]


@morfeusz
def test_memoq_stem_notation():
    assert stem_marked("pracownik socjalny", "pl") == "pracowni|k socjaln|y"
    assert stem_marked("ROPS", "pl") == "ROPS"


@pytest.mark.parametrize("base, expected", [
    ("socialinis darbuotojas", {"socialiniams darbuotojams", "socialiniame darbuotojuje",
                                "socialinio darbuotojo"}),
    ("neįgalus asmuo", {"neįgalaus asmens", "neįgaliam asmeniui", "neįgalūs asmenys"}),
    ("socialinė atskirtis", {"socialinės atskirties", "socialinei atskirčiai"}),
    ("nepasiturintys gyventojai", {"nepasiturinčių gyventojų", "nepasiturintiems gyventojams"}),
    ("kova su skurdu", {"kovos su skurdu", "kovai su skurdu"}),
])
def test_head_and_agreeing_adjectives_follow_the_grammar(base, expected):
    forms = lithuanian_phrase_forms(base)
    assert forms[0] == base and expected <= set(forms)


def test_genitives_and_words_after_a_conjunction_stay_fixed():
    forms = lithuanian_phrase_forms("Socialinės apsaugos ir darbo ministerija")
    assert "Socialinės apsaugos ir darbo ministerijai" in forms
    assert all(f.startswith("Socialinės apsaugos ir darbo ministerij") for f in forms)
    assert all(f.startswith("skyriaus ") for f in lithuanian_phrase_forms("skyriaus vedėjas"))


@pytest.mark.parametrize("term", ["NVO", "blablis", "Interreg V-A"])
def test_no_forms_are_invented_for_unknown_or_ambiguous_heads(term):
    assert lithuanian_phrase_forms(term) == []


@pytest.mark.parametrize("term", [
    "programos lėšos",              # a genitive before a plural head, not an adjective
    "ligoninės paslaugos",
    "gydytojas psichiatras",        # a noun in apposition
    "kovos su skurdu strategija",   # the head may follow the complement
    "nukentėjusysis",               # a definite adjective used as a noun
    "vieniša moteris",              # an irregular noun
    "socialinės ir ekonominės teisės",
    "NMA",
])
def test_unclear_lithuanian_phrases_get_no_wrong_forms(term):
    """Either no forms at all, or the words before the head left exactly as they are."""
    forms = lithuanian_phrase_forms(term)
    head_at = len(term.split()) - 1
    for form in forms[1:]:
        assert form.split()[:head_at] == term.split()[:head_at], form
