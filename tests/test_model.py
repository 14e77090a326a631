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
    assert Segment({"pl_pl": "tekst", "lt": "tekstas"}).validate().texts == {
        "pl-PL": "tekst", "lt": "tekstas"}


def test_a_memory_between_two_varieties_of_one_language_keeps_both():
    segment = Segment({"en-US": "color", "en-gb": "colour"}).validate()
    assert segment.texts == {"en-US": "color", "en-GB": "colour"}
    with pytest.raises(ValidationError, match="two languages"):
        Segment({"en-US": "color", "en-us": "colour"}).validate()


@pytest.mark.parametrize("tag, expected", [
    ("sr-latn", ("sr", "sr-Latn")), ("sr_Latn_rs", ("sr", "sr-Latn-RS")),
    ("es-419", ("es", "es-419")), ("es-BO", ("es", "es-BO")), ("pl-PL", ("pl", "pl-PL")),
    ("de-CH-1996", ("de", "de-CH-1996")), ("en-GB-x-legal", ("en", "en-GB-x-legal"))])
def test_bcp47_varieties_keep_script_region_and_variant(tag, expected):
    assert split_lang_tag(tag) == expected


@pytest.mark.parametrize("tag", ["---", "", "pl-", "p", "polish-PL", "pl--LT", "pl-LT-"])
def test_malformed_tags_are_named_as_given(tag):
    with pytest.raises(ValidationError, match=f"malformed language tag {tag!r}"):
        split_lang_tag(tag)


def test_a_region_must_be_a_variety_of_the_terms_language():
    with pytest.raises(ValidationError, match="not a variety of 'pl'"):
        concept(Term("pl", "gmina", region="lt-LT")).validate()
    assert concept(Term("sr", "opština", region="sr-latn")).validate().terms[0].region == \
        "sr-Latn"


@pytest.mark.parametrize("ident", ["I18N_إختبار_1", "пример-2", "例え.3", "_x", "123", "a·b"])
def test_any_xml_name_is_a_concept_id(ident):
    assert concept(Term("pl", "pomoc"), id=ident).validate().id == ident


@pytest.mark.parametrize("ident", ["a b", "a/b", "a:b", "-x", ".x", "a\u202eb", "a\x1bb",
                                   "x" * 129, "..", "a\\b"])
def test_ids_unsafe_in_file_names_or_on_terminals_are_refused(ident):
    with pytest.raises(ValidationError, match="malformed concept id"):
        concept(Term("pl", "pomoc"), id=ident).validate()


def test_kept_fields_and_sources_of_definitions_round_trip_through_dict():
    c = concept(Term("pl", "gmina", kept={"termNote reliabilityCode": "3"},
                     context="W gminie.", context_source="Ustawa | art. 5"),
                definition={"pl": "Jednostka."}, definition_sources={"pl": "słownik"},
                kept={"admin customerSubset": "MOPS"}).validate()
    again = Concept.from_dict(c.to_dict())
    assert again == c and again.terms[0].kept is not c.terms[0].kept


def test_a_store_record_written_before_kept_fields_existed_loads_unchanged():
    old = {"id": "c1", "subject": "family", "definition": {"pl": "Def."}, "sources": ["s"],
           "terms": [{"lang": "pl", "text": "rodzina", "status": "preferred",
                      "region": "pl-LT", "forms": ["rodziny"]}], "created": "2024-01-01"}
    c = Concept.from_dict(old).validate()
    assert c.to_dict() == old and c.kept == {} and c.terms[0].kept == {}
    segment = Segment.from_dict({"id": "7", "texts": {"pl": "a", "lt": "b"}}).validate()
    assert segment.to_dict() == {"id": "7", "texts": {"pl": "a", "lt": "b"}}
