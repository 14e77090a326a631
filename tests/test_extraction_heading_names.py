"""A name in a heading typed in capitals keeps its capitals together: where the other
lines write the same run of words with capitals, the heading takes that run's spelling as
a whole, even when some of its words are more often written in lower case on their own
("pomocy społecznej" as a common term). The base form, likewise, never stops a name's
capitals halfway when one of its variants carries them through."""

from __future__ import annotations

import re

from termbase.extraction.baseform import _case_styles
from termbase.text.running import in_running_case

POLISH = [
    "DYREKTOR MIEJSKIEGO OŚRODKA POMOCY SPOŁECZNEJ W JASNYM BORZE",
    "Wnioski przyjmuje Miejski Ośrodek Pomocy Społecznej w Jasnym Borze.",
    "Decyzje podpisuje dyrektor Miejskiego Ośrodka Pomocy Społecznej.",
    "Zasiłki z pomocy społecznej wypłaca się co miesiąc.",
    "Rodzina korzysta z pomocy społecznej od dwóch lat.",
    "Rodziny korzystające z pomocy społecznej odwiedzają pracownicy Ośrodka.",
    "Dokumenty składa się w sekretariacie Ośrodka.",
    "Staż pracy w Ośrodku liczy się od dnia zatrudnienia.",
]

LITHUANIAN = [
    "ŽALIAKALNIO RAJONO SAVIVALDYBĖS ADMINISTRACIJOS DIREKTORIUS",
    "Įsakymą pasirašo Žaliakalnio rajono savivaldybės administracijos direktorius.",
    "Sprendimą priima Savivaldybės taryba.",
    "Jį skelbia Savivaldybės interneto svetainė.",
    "Apie posėdį praneša Savivaldybės meras.",
    "Paslaugas teikia rajono savivaldybės administracijos skyriai.",
]


def test_a_name_in_a_heading_takes_its_capitals_from_the_name_written_elsewhere():
    recased = in_running_case(POLISH)
    # "pomocy" and "społecznej" alone are written in lower case three times, with
    # capitals twice; the run "Miejskiego Ośrodka Pomocy Społecznej" keeps them
    assert recased[0] == "dyrektor Miejskiego Ośrodka Pomocy Społecznej w Jasnym Borze"
    assert recased[1:] == POLISH[1:]


def test_common_words_in_a_heading_stay_in_lower_case():
    lines = ["ZASADY UDZIELANIA POMOCY SPOŁECZNEJ", *POLISH[1:]]
    assert in_running_case(lines)[0] == "zasady udzielania pomocy społecznej"


def test_a_word_capitalised_alone_does_not_capitalise_it_inside_a_lower_case_run():
    # Lithuanian capitalises a name's first word only; "Savivaldybės" alone is the
    # document's short name, the run after "Žaliakalnio" is in lower case
    recased = in_running_case(LITHUANIAN)
    assert recased[0] == "Žaliakalnio rajono savivaldybės administracijos direktorius"


def test_the_run_s_first_word_at_a_sentence_start_says_nothing_of_its_case():
    lines = ["KIEROWNIK GMINNEGO OŚRODKA POMOCY SPOŁECZNEJ",
             "Kierownik Gminnego Ośrodka Pomocy Społecznej",
             "Z pomocy społecznej korzysta wiele rodzin, a pomocy społecznej udziela gmina."]
    assert in_running_case(lines)[0] == "kierownik Gminnego Ośrodka Pomocy Społecznej"


def test_the_base_form_takes_a_name_s_capitals_from_one_variant_as_a_whole():
    # per word, the mixed "Gminny Ośrodek pomocy społecznej" has the most votes
    variants = {"Gminnego Ośrodka pomocy społecznej": 1, "Gminny Ośrodek Pomocy Społecznej": 1,
                "gminnego ośrodka pomocy społecznej": 1}
    assert _case_styles(variants) == ["title"] * 4
    # written mixed more often than whole, the whole name still wins
    variants = {"Gminnego Ośrodka pomocy społecznej": 2, "Gminny Ośrodek Pomocy Społecznej": 1}
    assert _case_styles(variants) == ["title"] * 4


def test_the_base_form_keeps_a_lithuanian_name_s_single_capital():
    variants = {"Žaliakalnio rajono savivaldybės": 3, "žaliakalnio rajono savivaldybės": 1}
    assert _case_styles(variants) == ["title", "lower", "lower"]
    # a role before a name: capitals that start in the middle are no cut
    variants = {"dyrektor Miejskiego Ośrodka": 2, "Dyrektor Miejskiego Ośrodka": 1}
    assert _case_styles(variants) == ["lower", "title", "title"]


def test_extract_shows_no_name_with_its_capitals_cut(shipped, tmp_path):
    text = tmp_path / "ogloszenie.txt"
    text.write_text("\n".join(POLISH) + "\n", encoding="utf-8")
    terms = [c.term for c in shipped.extract([text], "pl", top=None).candidates]
    assert "Miejski Ośrodek Pomocy Społecznej" in terms, terms
    assert not [t for t in terms if re.search(r"Ośrod\w* pomocy|Pomocy społecznej", t)], terms


def test_extract_keeps_a_lithuanian_heading_s_name_in_lower_case_after_its_first_word(
        shipped, tmp_path):
    text = tmp_path / "isakymas.txt"
    text.write_text("\n".join(LITHUANIAN) + "\n", encoding="utf-8")
    terms = [c.term for c in shipped.extract([text], "lt", top=None).candidates]
    assert not [t for t in terms if "rajono Savivaldyb" in t], terms
    assert any(t.startswith("Žaliakalnio rajono savivaldybės administracij") for t in terms), \
        terms


def test_a_short_name_s_capital_does_not_stop_inside_a_longer_name(shipped, tmp_path):
    # "Ośrodek" alone is the document's short name, and "Ośrodka Pomocy Społecznej" is
    # written with capitals only inside "Miejski Ośrodek ..."; the piece cut from it is
    # the common term, not "Ośrodek pomocy społecznej"
    text = tmp_path / "ogloszenie.txt"
    text.write_text("\n".join(POLISH[1:]) + "\n", encoding="utf-8")
    terms = [c.term for c in shipped.extract([text], "pl", top=None).candidates]
    assert "Miejski Ośrodek Pomocy Społecznej" in terms, terms
    assert not [t for t in terms if re.search(r"Ośrod\w* pomocy", t)], terms
