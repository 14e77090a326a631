"""Validation gives a clear message for each kind of bad data."""

import pytest

from termbase.model import Concept, Segment, Term, ValidationError, split_lang_tag


def concept(*terms, **fields):
    return Concept(terms=list(terms), **fields)


@pytest.mark.parametrize("term, message", [
    (Term("pl", "   "), "empty term"),
    (Term("pl", "pomoc", status="recommended"), "unknown status"),
    (Term("polish", "pomoc"), "malformed language code"),
    (Term("xx", "pomoc"), "unknown language code"),
    (Term("pl", "po\x07moc"), "control characters"),
    (Term("pl", "pomoc\nspołeczna"), "control characters"),
    (Term("pl", "pomoc\uffff"), "control characters"),
    (Term("pl", "pomoc", region="Lithuania"), "malformed region"),
    (Term("pl", "pomoc", type="longForm"), "unknown term type"),
])
def test_invalid_terms_are_rejected_with_a_clear_message(term, message):
    with pytest.raises(ValidationError, match=message):
        concept(term).validate()


def test_concept_needs_a_term():
    with pytest.raises(ValidationError, match="at least one term"):
        Concept(subject="policy").validate()


def test_validation_normalises_and_deduplicates():
    c = concept(Term("PL", " pomoc społeczna "), Term("pl", "pomoc społeczna"),
                Term("pl", "pomoc", region="pl-lt", forms=["pomocy", "pomoc", "pomocy"])).validate()
    assert [t.text for t in c.terms] == ["pomoc społeczna", "pomoc"]
    assert c.terms[1].region == "pl-LT"
    assert c.terms[1].forms == ["pomocy"]


def test_preferred_terms_come_first():
    c = concept(Term("lt", "globa", status="admitted"), Term("lt", "rūpyba", status="deprecated"),
                Term("lt", "socialinė globa", status="preferred")).validate()
    assert [t.text for t in c.terms_in("lt")] == ["socialinė globa", "globa", "rūpyba"]


def test_round_trip_through_dict():
    c = concept(Term("pl", "gmina", status="admitted", region="pl-LT", note="in Lithuania"),
                Term("lt", "seniūnija"), subject="administration",
                definition={"en": "A subdivision."}, sources=["a.txt"]).validate()
    assert Concept.from_dict(c.to_dict()) == c


def test_language_tags():
    assert split_lang_tag("pl_lt") == ("pl", "pl-LT")
    assert split_lang_tag("EN") == ("en", "")


def test_segments_need_two_languages():
    with pytest.raises(ValidationError, match="two languages"):
        Segment({"pl": "tekst", "lt": "  "}).validate()
    assert Segment({"pl-PL": "tekst", "lt": "tekstas"}).validate().texts == {
        "pl": "tekst", "lt": "tekstas"}
