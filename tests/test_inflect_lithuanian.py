"""Whole-phrase Lithuanian forms for exports: the head noun's declension, agreeing
adjectives, fixed genitives; nothing invented where the declension is unclear."""

import pytest

from termbase.text.inflect import lithuanian_phrase_forms

# (base form, an inflected form as written in a seed text, seed file)
SEEN = [
    ("socialinių paslaugų centras", "socialinių paslaugų centre", "002_56653c76dc09836d.txt"),
    ("socialinių paslaugų centras", "socialinių paslaugų centrui", "003_a60c6b739bd51d10.txt"),
    ("gausi šeima", "gausių šeimų", "003_a60c6b739bd51d10.txt"),
    ("nakvynės namai", "nakvynės namuose", "003_a60c6b739bd51d10.txt"),
    ("seniūnija", "seniūnijose", "002_56653c76dc09836d.txt"),
]


@pytest.mark.parametrize("base, seen, seed", SEEN)
def test_generated_forms_cover_what_the_texts_use(seed_texts, base, seen, seed):
    assert seen in seed_texts[seed]
    assert seen in lithuanian_phrase_forms(base)


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
