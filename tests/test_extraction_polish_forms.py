"""Polish base forms on sentences written for these tests (issue 17, tenth round): terms
the text uses only in the plural, homographs whose lemma wordfreq cannot weigh ("Dział",
"prawa", "działa"), a name after a sentence's first word naming a person, and the
commoner of two generated forms, a verb's two objects read as one phrase."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given, settings, strategies as st

from extraction_support import extract_lines

needs_morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                    reason="morfeusz2 has no wheel for this platform")


def extraction(lines: list[str], index=None):
    return extract_lines(lines, "pl", index=index)


def base_forms(lines: list[str], index=None) -> set[str]:
    return {candidate.term for candidate in extraction(lines, index).top(300)}


# (case, lines, base forms that must be shown, forms that must never be)
CASES = [
    ("a term written only in the plural nominative is shown in the plural",
     ["Świadczenia nienależnie pobrane podlegają zwrotowi.",
      "Gmina przeznacza środki na zadania własne i na potrzeby życiowe mieszkańców."],
     ["świadczenia nienależnie pobrane", "zadania własne"],
     ["świadczenie nienależnie pobrane", "zadanie własne"]),
    ("a phrase seen only in oblique plural cases is a plural class: shown in the plural",
     ["Wnioski o dofinansowanie pomocy technicznych przyjmuje PCPR.",
      "Osoba korzysta z pomocy technicznych w domu."],
     ["pomoce techniczne"], ["pomoc techniczna"]),
    ("one singular occurrence keeps the singular",
     ["Usługi opiekuńcze przyznaje ośrodek.", "Usługa opiekuńcza jest odpłatna."],
     ["usługa opiekuńcza"], ["usługi opiekuńcze"]),
    ("a person's term keeps the singular though the text has only the plural",
     ["Pracownicy socjalni prowadzą wywiady.", "Pracownicy socjalni przyjmują wnioski."],
     ["pracownik socjalny"], ["pracownicy socjalni"]),
    ("a class of people keeps the singular though the text has only the plural",
     ["Osoby starsze korzystają z usług.", "Dzieci niepełnosprawne uczęszczają do szkoły.",
      "Rodziny wielodzietne otrzymują Kartę Dużej Rodziny."],
     ["osoba starsza", "dziecko niepełnosprawne", "rodzina wielodzietna"],
     ["osoby starsze", "dzieci niepełnosprawne", "rodziny wielodzietne"]),
    ("a verbal noun's phrase keeps the singular",
     ["Powody ustania przemocy domowej opisano w sprawozdaniu."],
     ["ustanie przemocy domowej"], ["ustania przemocy domowej"]),
    ("a capitalised noun is the noun whose own forms are common, not a verb's homograph",
     ["Otrzymują: wnioskodawczyni, Dział Świadczeń, akta sprawy.",
      "Wnioskodawczyni zrzekła się prawa do wniesienia odwołania."],
     ["Dział Świadczeń", "prawo do wniesienia odwołania"],
     ["Działo Świadczeń", "działo Świadczeń", "prawa do wniesienia odwołania"]),
    ("a verb that is also a form of a rare noun ends the phrase before it",
     ["Rodzina zastępcza działa na terenie powiatu od trzech lat.",
      "Rodzina zastępcza działa zgodnie z planem."],
     ["rodzina zastępcza"], ["rodzina zastępcza działa", "działo"]),
    ("a name after a sentence's first word naming a person keeps its capitals",
     ["Psycholog Punktu Konsultacyjnego udzielił porad.",
      "Pedagog Poradni Rodzinnej prowadził zajęcia."],
     ["Punkt Konsultacyjny", "Poradnia Rodzinna"],
     ["punkt konsultacyjny", "poradnia rodzinna"]),
    ("a dative and a genitive plural seen once are a verb's two objects, no phrase",
     ["Pracownik socjalny udzielił rodzinie porad.",
      "Usługi realizuje podmiot wyłoniony w otwartym konkursie ofert."],
     ["otwarty konkurs ofert", "pracownik socjalny"], ["rodzina porad"]),
    ("a plural-only head is shown in the plural without an adjective to tell",
     ["Szczegółowe warunki przyznawania usług opiekuńczych określa regulamin.",
      "Warunki przyznawania usług opiekuńczych ogłasza ośrodek."],
     ["warunki przyznawania usług opiekuńczych"],
     ["warunek przyznawania usług opiekuńczych"]),
    ("a participle before 'dla' ends a term; one before its complement does not",
     ["Gmina prowadzi mieszkanie chronione dla osób doznających przemocy.",
      "Osoba zagrożona wykluczeniem społecznym otrzymuje wsparcie."],
     ["mieszkanie chronione"], ["osoba zagrożona"]),
    ("a capitalised word read also as an adjective heads the name before its genitive",
     ["Wysokość opłaty ustala corocznie Rada Gminy w drodze uchwały."],
     ["Rada Gminy"], ["rada gminy"]),
    ("a word alone seen only in the plural is shown as its lemma",
     ["Zasiłki wypłaca ośrodek.", "Zasiłki przyznano dwunastu rodzinom."],
     ["zasiłek"], ["zasiłki"]),
    ("a fragment cut from a name at a sentence's start stays lower case",
     ["Gminny Ośrodek Pomocy Społecznej przyjmuje wnioski.",
      "Ośrodek Pomocy Społecznej prowadzi punkt."],
     ["Gminny Ośrodek Pomocy Społecznej"], ["Pomoc Społeczna"]),
]


@needs_morfeusz
@pytest.mark.parametrize("lines, shown, never", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_polish_base_forms(lines, shown, never):
    forms = base_forms(lines)
    assert set(shown) <= forms, sorted(forms)
    assert not forms & set(never), sorted(forms & set(never))


@needs_morfeusz
def test_the_termbase_s_singular_wins_over_the_text_s_plural(shipped):
    """The shipped glossary has "specjalistyczne usługi opiekuńcze" in the plural and
    "kontrakt socjalny" in the singular: each keeps the termbase's number."""
    lines = ["Kontrakty socjalne podpisano z dziesięcioma rodzinami.",
             "Specjalistyczne usługi opiekuńcze świadczy ośrodek."]
    without, known = base_forms(lines), base_forms(lines, shipped.index)
    assert "kontrakty socjalne" in without  # the text alone: a term used in the plural
    assert "kontrakt socjalny" in known and "kontrakty socjalne" not in known
    assert "specjalistyczne usługi opiekuńcze" in known


@needs_morfeusz
@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["potrzeby życiowe", "zadania własne", "usługi opiekuńcze",
                        "świadczenia rodzinne", "dochody własne"]),
       st.sampled_from(["Gmina zaspokaja {}.", "Rada określiła {} na ten rok.",
                        "{} wymagają wsparcia."]),
       st.sampled_from(["{} ustala regulamin.", "Wniosek dotyczy {x}.", ""]))
def test_a_plural_seen_only_in_the_plural_stays_plural(term, first, second):
    """Whatever the sentences, a phrase written only in the plural nominative or
    accusative (and in the genitive plural) is shown as written in the nominative."""
    noun, adjective = term.split()
    genitive = {"potrzeby": "potrzeb", "zadania": "zadań", "usługi": "usług",
                "świadczenia": "świadczeń", "dochody": "dochodów"}[noun]
    oblique = f"{genitive} {adjective[:-1]}ych"
    lines = [first.format(term) if not first.startswith("{") else
             first.format(term[:1].upper() + term[1:])]
    if second:
        lines.append(second.format(term[:1].upper() + term[1:], x=oblique))
    assert term in base_forms(lines)


@needs_morfeusz
@pytest.mark.parametrize("lemma, number, form", [
    ("kontrakt", "pl", "kontrakty"), ("kontrakt", "sg", "kontrakt"),
    ("zasiłek", "pl", "zasiłki"), ("organ", "pl", "organy")])
def test_of_rival_forms_the_commoner_is_generated(lemma, number, form):
    from termbase.text import polish

    assert polish.generate_form(lemma, "subst", number, "nom", "m3") == form


@needs_morfeusz
@pytest.mark.parametrize("lemma, other", [("prawo", "prawa"), ("dział", "działo"),
                                          ("gmina", "gmin"), ("pracownik", "pracownica")])
def test_a_lemma_s_own_forms_weigh_it(lemma, other):
    from termbase.extraction.polish_homographs import own_frequency

    assert own_frequency(lemma) > own_frequency(other)


@needs_morfeusz
@pytest.mark.parametrize("sentence", [
    "Każde {} jest bezpłatne.", "Pacjent przechodzi {} raz w roku.",
    "{} trwa godzinę, a potem drugie {}."])
@pytest.mark.parametrize("word", ["badanie", "zadanie"])
def test_a_word_seen_only_in_its_nominative_keeps_the_common_lemma(sentence, word):
    """"badanie" is also the locative of a rare noun "badan": a word met only in a form
    that is the nominative of a common word is that word, not the rare one's."""
    text = sentence.format(word[:1].upper() + word[1:], word) if sentence.startswith("{") \
        else sentence.format(word)
    assert word in base_forms([text, f"Zaplanowano {word}."])
