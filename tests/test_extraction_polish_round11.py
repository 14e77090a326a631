"""Polish phrase edges of the eleventh round (issue 17), on sentences written for these
tests: complex prepositions inside and outside terms, a participle's "się", ..."""

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
    ("a complex preposition joins a term's complement, its noun heads nothing",
     ["Gmina udziela wsparcia w formie gorącego posiłku w świetlicy.",
      "Ośrodek przyznał świadczenie niepieniężne w postaci paczek żywnościowych.",
      "Przyjęto program pomocowy w zakresie opieki domowej."],
     ["wsparcie w formie gorącego posiłku", "świadczenie niepieniężne w postaci paczek"
      " żywnościowych", "program pomocowy w zakresie opieki domowej"],
     ["forma gorącego posiłku", "postać paczek żywnościowych", "zakres opieki",
      "forma posiłku"]),
    ("the noun of 'w formie' agreeing with its adjective is a noun",
     ["Skargę można wnieść w formie pisemnej do kierownika ośrodka."],
     ["forma pisemna"], []),
    ("complex prepositions of time and cause end a phrase",
     ["Zasiłek wypłaca się do czasu ukończenia nauki przez dziecko.",
      "Pomoc wstrzymano z powodu zmiany miejsca zamieszkania."],
     ["ukończenie nauki", "zmiana miejsca zamieszkania"],
     ["czas ukończenia nauki", "czas ukończenia", "powód zmiany miejsca zamieszkania"]),
    ("a participle with its 'się' does not end a phrase",
     ["Wsparciem objęto rodziny znajdujące się w trudnym położeniu.",
      "Program obejmuje osoby ubiegające się o mieszkanie chronione."],
     ["mieszkanie chronione"], ["rodzina znajdująca", "osoba ubiegająca"]),
    ("a participle before a conjunction with other readings ends a phrase",
     ["Gmina zapewnia pobyt w mieszkaniu wspieranym oraz kieruje na terapię."],
     ["mieszkanie wspierane"], []),
    ("adjectives after a verbal noun open its object, however many",
     ["Rada podjęła uchwałę w sprawie przyjęcia lokalnego gminnego programu wsparcia.",
      "Radni poparli przyjęcie lokalnego gminnego programu wsparcia."],
     ["przyjęcie lokalnego gminnego programu wsparcia", "lokalny gminny program wsparcia"],
     ["przyjęcie lokalne gminnego", "przyjęcie lokalne", "przyjęcie lokalne gminne"]),
    ("an adjective before a verbal noun is the verbal noun's",
     ["Strona ma obowiązek niezwłocznego zawiadomienia ośrodka o zmianie dochodu."],
     ["niezwłoczne zawiadomienie ośrodka"], ["obowiązek niezwłoczny"]),
    ("a lower-case adjective after a name belongs to the noun after it",
     ["Burmistrz przedstawia Radzie Miasta coroczne sprawozdanie z działalności ośrodka."],
     ["coroczne sprawozdanie"], ["miasto coroczne", "Rada Miasta coroczna"]),
    ("an instrumental after a verbal noun's object is the verbal noun's",
     ["Zaplanowano objęcie matki wsparciem psychologa.",
      "Zespół zalecił objęcie starszego syna zajęciami w świetlicy."],
     ["objęcie matki wsparciem psychologa", "wsparcie psychologa"],
     ["matka wsparciem", "matka wsparciem psychologa", "starszy syn zajęciami",
      "syn zajęciami"]),
    ("a dative after a verbal noun's object is the verbal noun's",
     ["Gmina finansuje zapewnienie ciepłych posiłków osobom starszym."],
     ["ciepły posiłek"], ["posiłek osobom", "posiłek osobom starszym",
                          "ciepły posiłek osobom starszym"]),
    ("a verbal noun is a noun whatever rare homographs morfeusz2 gives its form",
     ["Pracownik socjalny stwierdził zaniedbanie dziecka przez matkę."],
     ["zaniedbanie dziecka"], []),
    ("an office's title over a unit written in lower case elsewhere is a common term",
     ["Wniosek rozpatruje Burmistrz Miasta w terminie miesiąca.",
      "Budżet miasta pokrywa koszty dowozu."],
     ["burmistrz miasta"], ["Burmistrz Miasta"]),
    ("an institution the text always capitalises keeps its capital after a title",
     ["Na miejsce przybyli funkcjonariusze Straży Miejskiej i Policji.",
      "Interwencję prowadził funkcjonariusz Policji z Jodłowa."],
     ["funkcjonariusz Policji"], ["funkcjonariusz policji"]),
    ("a dative after a complex preposition's object is no complement of it",
     ["Ośrodek udziela pomocy w zakresie dożywiania dzieciom z rodzin ubogich."],
     ["pomoc w zakresie dożywiania"], ["dożywianie dzieciom"]),
    ("a noun that governs an instrumental keeps it",
     ["Opiekun sprawuje zarząd majątkiem podopiecznego."],
     ["zarząd majątkiem podopiecznego"], []),
    ("an official name may hold two prepositions; its pieces are no terms",
     ["Orzeczenie wydał Miejski Zespół do Spraw Orzekania o Niepełnosprawności.",
      "Od orzeczenia przysługuje odwołanie za pośrednictwem Miejskiego Zespołu do Spraw"
      " Orzekania o Niepełnosprawności."],
     ["Miejski Zespół do Spraw Orzekania o Niepełnosprawności"], []),
    ("a place after a name's 'w' leaves the name whole",
     ["Zajęcia prowadzi Środowiskowy Dom Samopomocy w Zielonym Borze."],
     ["Środowiskowy Dom Samopomocy"], []),
    ("a statute cited with its date keeps its title",
     ["Na podstawie art. 7 ustawy z dnia 5 czerwca 1998 r. o samorządzie powiatowym oraz"
      " art. 3 ust. 1 ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie"
      " pieczy zastępczej uchwala się, co następuje."],
     ["ustawa o samorządzie powiatowym",
      "ustawa o wspieraniu rodziny i systemie pieczy zastępczej"],
     ["ustawa o samorządzie powiatowym oraz art", "ustawa o samorządzie powiatowym oraz Art"]),
    ("a phrase stopping inside its preposition's object is none",
     ["Gmina prowadzi klub dla osób starszych i dla osób niepełnosprawnych.",
      "Ośrodek przyjmuje wnioski o Kartę Seniora od mieszkańców gminy.",
      "Opiekunka pomaga w zaspokajaniu codziennych potrzeb domowników."],
     ["klub dla osób starszych", "zaspokajanie codziennych potrzeb"],
     ["klub dla osób", "wniosek o Kartę", "pomoc w zaspokajaniu"]),
    ("an adjective after the object that agrees with the noun before closes the phrase",
     ["Rodzina otrzymała decyzję o przyznaniu pomocy wydaną przez kierownika."],
     ["decyzja o przyznaniu pomocy"], []),
    ("a capitalised piece of a name that is a candidate whole names nothing",
     ["Wniosek przyjmuje Miejski Ośrodek Pomocy Rodzinie w godzinach pracy.",
      "Sprawę prowadzi Wydział Opieki i Zdrowia od marca."],
     ["Miejski Ośrodek Pomocy Rodzinie", "Wydział Opieki i Zdrowia"],
     ["Miejski Ośrodek", "Miejski Ośrodek Pomocy", "Wydział Opieki"]),
    ("a piece of a quoted title names nothing",
     ["Gmina realizuje program „Bezpieczny dom i spokojna rodzina” od stycznia."],
     [], ["Bezpieczny dom", "bezpieczny dom"]),
    ("each adjective of a comma list takes the shared noun",
     ["Ośrodek zapewnia wsparcie rodzinom wielodzietnym, niepełnym i zastępczym."],
     ["rodzina wielodzietna", "rodzina niepełna", "rodzina zastępcza"],
     ["niepełny", "zastępczy"]),
    ("a list going on with a noun lists nouns",
     ["W zespole pracują pracownik socjalny, dzielnicowy i psycholog."],
     ["pracownik socjalny"], ["pracownik dzielnicowy"]),
    ("a name before its owner's genitive stays a name",
     ["Sprawę prowadzi Wydział Spraw Społecznych Urzędu Gminy od marca."],
     ["Wydział Spraw Społecznych"], []),
    ("a name too long for a candidate keeps its longest piece",
     ["Rada przyjęła Miejski Program Wspierania Rodzin Wielodzietnych oraz Osób Starszych i"
      " Samotnych Gminy Borek."],
     ["Miejski Program Wspierania Rodzin Wielodzietnych"], []),
]


@needs_morfeusz
def test_pieces_of_a_name_rank_below_the_name():
    lines = ["Orzeczenie wydał Miejski Zespół do Spraw Orzekania o Niepełnosprawności.",
             "Wniosek złożono w Miejskim Zespole do Spraw Orzekania o Niepełnosprawności.",
             "Rodzina otrzymała zasiłek rodzinny i zasiłek pielęgnacyjny."]
    ranked = [c.term for c in extract_lines(lines, "pl").top(300)]
    name = ranked.index("Miejski Zespół do Spraw Orzekania o Niepełnosprawności")
    for piece in ("Miejski Zespół", "Sprawa Orzekania", "Sprawa Orzekania o Niepełnosprawności"):
        assert piece not in ranked or ranked.index(piece) > name, piece


@needs_morfeusz
@pytest.mark.parametrize("lines, shown, never", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_polish_round_eleven_edges(lines, shown, never):
    assert_shown_and_never(base_forms(lines), shown, never)


@needs_morfeusz
@pytest.mark.parametrize("words, nouns", [
    ("pomoc w formie posiłku", [2]), ("decyzja w formie pisemnej", []),
    ("program w zakresie dożywiania", [2]), ("zasiłek w postaci", []),
    ("sprawa o formie pomocy", [])])
def test_phrasal_prepositions_are_told_by_the_genitive_after_them(words, nouns):
    from termbase.extraction.polish_prepositions import phrasal_preposition_nouns

    assert phrasal_preposition_nouns(words.split()) == nouns


@needs_morfeusz
@pytest.mark.parametrize("lemma, seen, expected", [
    ("koszt", "", "koszty"), ("koszt", "kosztów", "koszty"), ("koszt", "koszta", "koszta"),
    ("kontrakt", "", "kontrakty"), ("kontrakt", "kontrakta", "kontrakty")])
def test_a_rival_plural_is_the_one_seen_else_the_commoner(lemma, seen, expected):
    from termbase.text import polish

    assert polish.generate_form(lemma, "subst", "pl", "nom", "m3", seen=seen) == expected


@needs_morfeusz
def test_a_plural_term_gets_its_common_plural():
    lines = ["Wnioskodawca rozlicza koszty pośrednie projektu w sprawozdaniu.",
             "Koszty pośrednie nie mogą przekroczyć dziesięciu procent dotacji."]
    assert "koszty pośrednie" in base_forms(lines)
    assert "koszta pośrednie" not in base_forms(lines)


@pytest.mark.parametrize("lines, passages", [
    (["Ośrodek pomocy społecz-", "nej przyznał zasiłek."],
     [(1, "Ośrodek pomocy społecznej przyznał zasiłek.")]),
    (["Koszty pośrednie -", "nie więcej niż 10%."], [(1, "Koszty pośrednie -"),
                                                       (2, "nie więcej niż 10%.")]),
    (["Program opiekuńczo-", "Wychowawczy", "", "koniec"],
     [(1, "Program opiekuńczo-"), (2, "Wychowawczy"), (4, "koniec")]),
    (["za-", "", "siłek"], [(1, "zasiłek")]),
    # a compound's own hyphen stays: its first part in -o, or the document writes it so
    (["Placówka opiekuńczo-", "wychowawcza przyjęła dziecko."],
     [(1, "Placówka opiekuńczo-wychowawcza przyjęła dziecko.")]),
    (["Ośrodek wsparcia społeczno-", "zawodowego"], [(1, "Ośrodek wsparcia społeczno-zawodowego")]),
    (["Wsparcie psycho-", "społeczne", "i wsparcie psychospołeczne"],
     [(1, "Wsparcie psychospołeczne"), (3, "i wsparcie psychospołeczne")]),
    (["Program self-", "care", "jak każdy program self-care"],
     [(1, "Program self-care"), (3, "jak każdy program self-care")]),
    # a soft hyphen (U+00AD) is never the word's; a hyphen (U+2010) is read as "-"
    (["pomoc społeczno\u00ad", "zawodowa"], [(1, "pomoc społecznozawodowa")]),
    (["pomoc społecz\u2010", "na"], [(1, "pomoc społeczna")])])
def test_a_word_hyphenated_at_a_line_end_is_joined(lines, passages):
    from termbase.extraction.passages import _joined_lines

    assert list(_joined_lines(lines)) == passages


@pytest.mark.parametrize("key, shape, clause", [
    (("uczeń", "objąć", "pomoc"), "NvN", True),
    (("liczba", "uczeń", "otrzymywać", "posiłek"), "NNvN", True),
    (("osoba", "doznawać", "przemoc", "domowy"), "NvNa", False),
    (("rodzina", "przeżywać", "trudność"), "NvN", False),
    (("rodzina", "zastępczy", "spokrewniony"), "Nav", False),
    (("mieszkanie", "chroniony"), "Nv", False)])
def test_a_participle_with_its_complement_describes_unless_it_classes_people(key, shape,
                                                                             clause):
    from termbase.extraction.polish_clauses import describing_clause

    assert describing_clause(key, shape) is clause


@needs_morfeusz
def test_a_describing_clause_ranks_below_a_class_of_people():
    """Alike but for the head: a pupil is commoner than a person in general Polish, so
    "uczeń objęty pomocą" would rank first on keyness alone."""
    lines = ["Szkoła zgłasza uczniów objętych pomocą do ośrodka.",
             "Każda osoba objęta pomocą składa oświadczenie."]
    ranked = [c.term for c in extract_lines(lines, "pl").top(300)]
    assert ranked.index("osoba objęta pomocą") < ranked.index("uczeń objęty pomocą")


@needs_morfeusz
def test_a_capital_that_only_opens_the_sentence_starts_no_name():
    """'Wniosek o Kartę Dużej Rodziny' at a line's start: the card's name is whole, no
    piece of a name 'Wniosek o Kartę ...'."""

    lines = ["Wniosek o Kartę Dużej Rodziny składa się w urzędzie gminy.",
             "Wniosek o Kartę Dużej Rodziny rozpatruje wójt.",
             "Wniosek o Kartę Dużej Rodziny może złożyć każdy rodzic."]
    top = [c.term for c in extract_lines(lines, "pl").top(3)]
    assert "Karta Dużej Rodziny" in top, top


@pytest.mark.parametrize("lang, lines", [
    ("pl", ["Decyzja nr SP-146 z dnia 3 marca 2026 r. dotyczy zasiłku celowego.",
            "Decyzję nr SP-146 doręczono stronie, a zasiłek celowy wypłaca ośrodek."]),
    ("lt", ["Sprendimas Nr SP-146 dėl socialinės pašalpos skyrimo.",
            "Sprendimu Nr. SP-146 socialinė pašalpa skirta trims mėnesiams."])])
def test_a_document_code_after_the_number_sign_is_no_term(lang, lines):
    """'nr SP-146', with or without the period: the code and the sign are no candidates."""
    found = {c.term for c in extract_lines(lines, lang).top(None)}
    assert not {"SP", "nr", "Nr", "SP-146"} & found, found
    assert found  # the rest is read as usual
