"""One matcher for suggest, check and lookup: typos, spacing mistakes, nesting, off-domain
text, terms inside a longer lookup query, and lists trimmed by a score gap."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termbase.index.recognize import recognize
from termbase.suggest import term_hits


def found(shipped, segment, lang):
    return [(hit["text"], hit["concept_id"], hit["match"], hit["score"])
            for hit in term_hits(shipped.index, segment, lang, "en")]


@pytest.mark.parametrize("segment, lang, written, concept", [
    ("Zebranie pracowników socjalnch odbyło się wczoraj.", "pl", "pracowników socjalnch",
     "role-social-worker"),                                                   # dropped letter
    ("Program dla osób zagrożonych wykluczniem społecznym.", "pl",
     "wykluczniem społecznym", "pol-social-exclusion"),                      # dropped letter
    ("Kreipkitės į socalinių paslaugų centrą.", "lt", "socalinių paslaugų centrą",
     "inst-social-services-centre"),                                          # dropped letter
    ("Pracowniccy socjalni pomagają.", "pl", "Pracowniccy socjalni",
     "role-social-worker"),                                                   # doubled letter
    ("Wsparcie dla pracowinków socjalnych.", "pl", "pracowinków socjalnych",
     "role-social-worker"),                                                   # swapped letters
    ("Nowy ośrodek pomocy spolecznej.", "pl", "ośrodek pomocy spolecznej",
     "inst-social-assistance-centre"),                                        # no diacritics
    ("Gmina finansuje pomocspołeczną.", "pl", "pomocspołeczną",
     "svc-social-assistance"),                                                # missing space
    ("Szkolenie dla pracow ników socjalnych.", "pl", "pracow ników socjalnych",
     "role-social-worker"),                                                   # extra space
])
def test_typos_in_a_segment_are_found_scored_lower_and_marked_fuzzy(
        shipped_any, segment, lang, written, concept):
    hits = {h[0]: h for h in found(shipped_any, segment, lang)}
    assert written in hits, hits
    _, concept_id, match, score = hits[written]
    assert concept_id == concept
    if match != "folded":
        assert match == "fuzzy" and score < 90


def test_a_correctly_written_term_scores_above_its_misspelling(shipped):
    right = found(shipped, "pracownicy socjalni", "pl")[0]
    wrong = found(shipped, "pracownicy socjalnii", "pl")[0]
    assert right[1] == wrong[1] and right[3] > wrong[3]


OFF_DOMAIN = {
    "pl": "Wczoraj wieczorem poszliśmy do kina na nowy film, a potem zjedliśmy kolację w "
          "małej restauracji przy rynku. Pogoda była piękna, więc długo spacerowaliśmy nad "
          "rzeką i rozmawialiśmy o wakacjach w górach. Kompilator zgłasza błąd, gdy funkcja "
          "zwraca wartość złego typu; po poprawieniu pliku nagłówkowego uruchom kompilację.",
    "lt": "Naujasis telefonas turi didesnį ekraną ir geresnę bateriją, todėl jį patogu naudoti "
          "kelionėse. Vakare lijo, bet mes vis tiek nuėjome į koncertą senamiestyje. Sodininkai "
          "pavasarį sodina pomidorus, agurkus ir braškes, o rudenį renka obuolius.",
    "en": "The compiler reports an error when the function returns a value of the wrong type; "
          "restart the build after fixing the header file. On Sunday we walked along the "
          "river, bought fresh bread at the bakery and watched the football match.",
}


@pytest.mark.parametrize("lang", sorted(OFF_DOMAIN))
def test_off_domain_paragraph_gives_no_term_hits(shipped_any, lang):
    assert found(shipped_any, OFF_DOMAIN[lang], lang) == []


def test_an_abbreviation_is_read_only_in_capitals(shipped_any):
    hits = found(shipped_any, "Projekt finansowany z PO, rozliczany po roku.", "pl")
    assert [(h[0], h[1]) for h in hits if h[1] == "proj-operational-programme"] == [
        ("PO", "proj-operational-programme")]


def test_an_english_noun_term_is_not_read_from_a_verb_form(shipped_any):
    assert "adm-training" not in {h[1] for h in found(
        shipped_any, "Home help is provided by trained carers.", "en")}
    assert "adm-training" in {h[1] for h in found(
        shipped_any, "Two trainings for carers were held.", "en")}


def test_nested_term_gives_way_to_the_longer_one_and_overlaps_stay(shipped):
    hits = [h[1] for h in found(shipped, "Szkolenie pozytywnego rodzicielstwa w gminie.", "pl")]
    assert "svc-positive-parenting-training" in hits and "adm-training" not in hits


def test_written_term_beats_a_concept_sharing_its_forms(shipped):
    spans = recognize(shipped.index, "Seniūnas aplankė šeimą.", "lt")
    concepts = {shipped.index.terms[t].concept_id for t in spans[0].term_ids}
    assert concepts == {"role-elder"}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_recognition_never_fails_and_spans_point_into_the_text(shipped, text):
    for span in recognize(shipped.index, text, "pl"):
        assert text[span.start:span.end] == span.text and span.term_ids


def lookup_ids(shipped, query, **kw):
    return [m.concept_id for m in shipped.lookup(query, **kw)]


@pytest.mark.parametrize("query, concept", [
    ("wniosek osoby niepełnosprawnej", "grp-persons-with-disabilities"),
    ("osób zagrożonych wykluczeniem społecznym", "pol-social-exclusion"),
    ("wniosek do ośrodka pomocy społecznej", "inst-social-assistance-centre"),
])
def test_a_phrase_containing_a_term_returns_it(shipped_any, query, concept):
    matches = shipped_any.lookup(query)
    assert matches and matches[0].concept_id == concept
    assert matches[0].score < 90  # below any match of the whole phrase


def test_whole_phrase_match_comes_before_terms_inside_it(shipped):
    matches = shipped.lookup("ośrodek pomocy społecznej")
    assert matches[0].concept_id == "inst-social-assistance-centre" and matches[0].score == 100


def test_a_loose_single_word_does_not_flood_the_list(shipped):
    # "globėjas" is a term itself since the glossary grew: it comes first, and after it
    # only terms that hold the word, not every concept sharing the stem of "globa"
    matches = shipped.lookup("globėjas")
    assert matches[0].term == "globėjas" and matches[0].score == 100
    assert all("globėj" in m.term.lower() for m in matches)


def test_a_real_word_inside_many_terms_still_lists_them(shipped):
    assert len(lookup_ids(shipped, "pomoc")) >= 5
