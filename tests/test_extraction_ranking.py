"""Ranking evidence beyond frequency: the termbase's own terms, whole names, and names that
run on past a conjunction. Texts written for these tests."""

from __future__ import annotations

import importlib.util

import pytest

from termbase.extraction.passages import Passage

needs_morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                    reason="morfeusz2 has no wheel for this platform")

POLISH = ["Wniosek złożony przez rodzinę trafił do sądu, a Wydział Rodzinny i Nieletnich "
          "wyznaczył termin posiedzenia.",
          "Pracownik socjalny ośrodka przeprowadził rozmowę, a zespół techniczny ośrodka "
          "naprawił dach."]
LITHUANIAN = ["Globėjai atrenkami pagal Vaiko globos organizavimo nuostatus, kuriuos tvirtina "
              "ministras.",
              "Apie vaiko globos organizavimo nuostatus kalbėta posėdyje."]


def passages(lines: list[str]) -> list[Passage]:
    return [Passage("test.txt", number, line) for number, line in enumerate(lines, 1)]


@needs_morfeusz
@pytest.mark.parametrize("lang, lines", [("pl", POLISH), ("lt", LITHUANIAN)])
def test_a_phrase_the_termbase_has_scores_double(shipped, lang, lines):
    from termbase.extract import extract_passages
    from termbase.extraction.ranking import HAND_RANKER
    from termbase.extraction.termhood import KNOWN_TERM_PRIOR

    # the factor as set by hand (fitted weights raise it to a power: see ranking)
    with_termbase = extract_passages(passages(lines), lang, index=shipped.index,
                                     ranker=HAND_RANKER)
    alone = {c.term: c.score for c in extract_passages(passages(lines), lang,
                                                       ranker=HAND_RANKER).top(None)}
    phrases = [c for c in with_termbase.top(None) if len(c.lemmas) > 1]
    assert any(c.is_known for c in phrases) and not all(c.is_known for c in phrases)
    for candidate in phrases:
        expected = KNOWN_TERM_PRIOR if candidate.is_known else 1.0
        assert candidate.score / alone[candidate.term] == pytest.approx(expected), candidate


@needs_morfeusz
def test_a_name_joined_by_a_conjunction_outranks_its_first_part():
    from termbase.extract import extract_passages

    ranks = {c.term: c.rank for c in extract_passages(passages(POLISH), "pl").top(None)}
    assert ranks["Wydział Rodzinny i Nieletnich"] < ranks.get("Wydział Rodzinny", 10**6)


def test_a_lithuanian_name_capitalised_on_its_first_word_inside_a_sentence_is_whole():
    from termbase.extraction.ngrams import NgramCounter

    counter = NgramCounter("lt").add_all(passages(LITHUANIAN))
    by_surface = {}
    for stats in counter.stats.values():
        for variant in stats.variants:
            by_surface[variant] = stats
    name = by_surface["Vaiko globos organizavimo nuostatus"]
    assert name.whole_name
    # the same words written in lower case elsewhere count in the same candidate, but a
    # piece of the name is no whole name
    assert "vaiko globos organizavimo nuostatus" in name.variants
    assert not by_surface["globos organizavimo nuostatus"].whole_name


def test_a_known_term_is_proposed_in_the_termbase_s_own_base_form(shipped):
    """Word order alone reads "smurto artimoje aplinkoje" as a locative head with its
    genitive ("smurto artima aplinka"); the termbase has the term, so its wording is the
    base form. Without a termbase the extractor's own form stands."""
    from termbase.extract import extract_passages

    lines = ["Šeimai, patiriančiai smurtą, teikiama pagalba, o apie smurtą artimoje aplinkoje "
             "pranešama policijai.",
             "Specialistai kalbėjo apie smurto artimoje aplinkoje prevenciją ir apie pagalbą "
             "nukentėjusiems nuo smurto artimoje aplinkoje."]
    known = {c.term: c for c in extract_passages(passages(lines), "lt",
                                                 index=shipped.index).top(None)}
    assert "smurtas artimoje aplinkoje" in known
    assert known["smurtas artimoje aplinkoje"].is_known
    assert "smurto artima aplinka" not in known


@pytest.mark.parametrize("base, known, seen, expected", [
    # the same head in another number, or an inflected form entered as a term: the text wins
    ("ośrodek pomocy społecznej", "ośrodki pomocy społecznej",
     ["ośrodka pomocy społecznej", "ośrodki pomocy społecznej"], "ośrodek pomocy społecznej"),
    ("osoba niepełnosprawna", "osób niepełnosprawnych",
     ["osób niepełnosprawnych", "osobie niepełnosprawnej"], "osoba niepełnosprawna"),
    ("Wojewódzki Urząd Pracy", "wojewódzkie urzędy pracy",
     ["wojewódzkiego urzędu pracy", "wojewódzkie urzędy pracy"], "Wojewódzki Urząd Pracy"),
    # the form seen is kept as it is (a term used in the plural)
    ("seniūnaičiai", "seniūnaitis", ["seniūnaičiai", "seniūnaičių"], "seniūnaičiai"),
    # another head: the termbase's wording, with the text's capitals
    ("smurto artima aplinka", "Smurtas artimoje aplinkoje", ["smurto artimoje aplinkoje"],
     "smurtas artimoje aplinkoje"),
])
def test_the_termbase_s_wording_replaces_a_base_form_only_for_another_head(base, known, seen,
                                                                           expected):
    from termbase.extract import _as_the_termbase_writes
    from termbase.extraction.known import KnownTerm

    assert _as_the_termbase_writes(base, [KnownTerm("c1", known)], seen) == expected


@needs_morfeusz
def test_a_phrase_headed_by_a_verbs_noun_alone_is_ranked_as_an_act():
    from termbase.extract import extract_passages
    from termbase.extraction.ranking import HAND_RANKER
    from termbase.extraction.termhood import ACTION_HEAD_PRIOR

    lines = ["Ośrodek rozpatruje przyznawanie zasiłków oraz wypłatę zasiłków.",
             "Sąd wydał postanowienie o umieszczeniu dziecka."]
    found = extract_passages(passages(lines), "pl", ranker=HAND_RANKER)
    by_term = {c.term: c for c in found.top(None)}
    acts = {term for term, c in by_term.items() if found.action_head(c.lemmas)}
    assert "przyznawanie zasiłków" in acts
    # nouns of their own, not only a verb's forms: "wypłata", "postanowienie"
    assert not {"wypłata zasiłków", "postanowienie"} & acts
    ratio = by_term["przyznawanie zasiłków"].score / by_term["wypłata zasiłków"].score
    keyness = (by_term["przyznawanie zasiłków"].keyness + 0.5) / (
        by_term["wypłata zasiłków"].keyness + 0.5)
    assert ratio == pytest.approx(ACTION_HEAD_PRIOR * keyness)
