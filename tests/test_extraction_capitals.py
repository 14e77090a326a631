"""Headings and documents typed in capitals are read like running text: their words are
declined to base forms, names keep the spelling the other lines give them, abbreviations
and Roman numerals stay, and every character keeps its place."""

from __future__ import annotations

from hypothesis import given, strategies as st

from termbase.text.running import in_running_case

DECISION = [
    "I SKYRIUS",
    "BENDROSIOS NUOSTATOS",
    "1. Asmeninio asistento paslaugą organizuoja Girelės rajono savivaldybės administracija.",
    "2. Paslaugos gavėjai kreipiasi į Socialinės paramos skyrių arba į GOPS.",
    "II SKYRIUS",
    "ASMENINIO ASISTENTO PASLAUGOS GAVĖJAI",
    "GIRELĖS RAJONO SAVIVALDYBĖS GOPS SPRENDIMAS",
]


def test_a_heading_in_capitals_takes_the_case_of_running_text():
    recased = in_running_case(DECISION)
    assert recased[0] == "I skyrius" and recased[4] == "II skyrius"
    assert recased[1] == "bendrosios nuostatos"
    assert recased[5] == "asmeninio asistento paslaugos gavėjai"
    # a name keeps its capital, an abbreviation its capitals
    assert recased[6] == "Girelės rajono savivaldybės GOPS sprendimas"
    assert recased[2:4] == DECISION[2:4]   # running text is left alone


def test_only_a_chapter_s_numeral_keeps_its_capitals():
    recased = in_running_case(["II. POMOC SPOŁECZNA", "ROZDZIAŁ XIV", "WARSZAWA I KRAKÓW",
                               "CIVIL LAW AND VIVID CASES", "Mieszka w Warszawie."])
    assert recased[:4] == ["II. pomoc społeczna", "rozdział XIV", "warszawa i kraków",
                           "civil law and vivid cases"]


def test_text_without_a_heading_in_capitals_is_returned_as_it_is():
    lines = DECISION[2:4] + ["GOPS", "Wniosek złożono w MOPS."]
    assert in_running_case(lines) is lines


def test_the_heading_s_words_are_declined_by_extract(shipped, tmp_path):
    text = tmp_path / "decision.txt"
    text.write_text("\n".join(DECISION) + "\n", encoding="utf-8")
    terms = {c.term for c in shipped.extract([text], "lt", top=None).candidates}
    assert {"bendrosios nuostatos", "asmeninio asistento paslauga"} <= terms
    # a chapter's number is no term, in capitals or not ("II skyrius" was one; the reviewed
    # documents never listed it: see test_break_wave13)
    assert not {"II skyrius", "ii skyrius", "II", "ii"} & terms
    assert not any(term.isupper() and len(term) > 5 for term in terms), sorted(terms)


letters = st.sampled_from("abcąčęėįšųūžźżółńİıßﬁ XIV.,-")


@given(st.lists(st.text(letters, min_size=1, max_size=40), min_size=1, max_size=6))
def test_every_character_keeps_its_place(lines):
    texts = [line.upper() if n % 2 else line for n, line in enumerate(lines)]
    recased = in_running_case(texts)
    assert [len(t) for t in recased] == [len(t) for t in texts]
    assert [t.lower() for t in recased] == [t.lower() for t in texts] or any(
        "İ" in t or "ı" in t or "ß" in t or "ﬁ" in t for t in texts)
