"""Whole-phrase forms for CAT tools without morphology, checked against the seed texts."""

import pytest

from termbase.text.inflect import phrase_forms, polish_phrase_forms, stem_marked

pytest.importorskip("morfeusz2", reason="morfeusz2 has no wheel for this platform")

# (base form, an inflected form as written in a seed text, seed file)
SEEN = [
    ("pracownik socjalny", "pracowników socjalnych", "000_f49481c1da0a55df.txt"),
    ("osoba niepełnosprawna", "osobom niepełnosprawnym", "001_ad54db9cedd34cd5.txt"),
    ("ośrodek pomocy społecznej", "ośrodków pomocy społecznej", "004_150a732bff185b2e.txt"),
    ("organizacja pozarządowa", "organizacjami pozarządowymi", "001_ad54db9cedd34cd5.txt"),
    ("Wydział Opieki Społecznej", "Wydziału Opieki Społecznej", "000_f49481c1da0a55df.txt"),
    ("środowiskowy dom samopomocy", "środowiskowych domów samopomocy", "004_150a732bff185b2e.txt"),
    ("warsztat terapii zajęciowej", "warsztatów terapii zajęciowej", "004_150a732bff185b2e.txt"),
]


@pytest.mark.parametrize("base, seen, seed", SEEN)
def test_generated_forms_cover_what_the_texts_use(seed_texts, base, seen, seed):
    assert seen in seed_texts[seed]
    assert seen in polish_phrase_forms(base)


def test_complements_stay_fixed_and_adjectives_agree():
    forms = polish_phrase_forms("ośrodek pomocy społecznej")
    assert all(f.endswith(" pomocy społecznej") for f in forms)
    assert "osobami niepełnosprawnymi" in polish_phrase_forms("osoba niepełnosprawna")
    assert "pracownicy socjalni" in polish_phrase_forms("pracownik socjalny")  # masculine personal


def test_unknown_words_give_no_invented_forms():
    assert polish_phrase_forms("ROPS") == []


def test_observed_forms_are_kept_beside_generated_ones():
    forms = phrase_forms("gausi šeima", "lt", ["gausių šeimų", "gausiom šeimom"])
    assert "gausioms šeimoms" in forms and forms[-1] == "gausiom šeimom"
    assert phrase_forms("large family", "en", ["large families"]) == ["large families"]


def test_memoq_stem_notation():
    assert stem_marked("pracownik socjalny", "pl") == "pracowni|k socjaln|y"
    assert stem_marked("ROPS", "pl") == "ROPS"
