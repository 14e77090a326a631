"""Files shaped like what other tools write (vendor TBX, TBX-Min, IATE-style exports),
written here by hand: standard and vendor data-category values are mapped by the one table,
what cannot be mapped is kept and written back, and nothing short of broken XML, a missing
term or a malformed language tag refuses a record."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termbase import formats
from termbase.formats import ReadOptions, WriteOptions, datacats
from termbase.formats.xmlspace import normalise
from test_formats_xml import VALIDATORS, needs_validators, run, write_file


def read(name, path, **options):
    return list(formats.get(name).read(path, ReadOptions(**options)))


def concepts(entries):
    return [e.item for e in entries if e.item is not None]


VENDOR_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>exported by a vendor tool</p></sourceDesc>
  </fileDesc></martifHeader>
  <text><body>
    <termEntry id="I18N_إختبار_7">
      <descrip type="subjectField">social services</descrip>
      <descrip type="reliabilityCode">3</descrip>
      <langSet xml:lang="pl-PL">
        <descripGrp>
          <descrip type="definition">
            Świadczenie pieniężne
            dla rodziny.
          </descrip>
          <admin type="source">Ustawa z 2004 r. | art. 5</admin>
        </descripGrp>
        <tig>
          <term>zasiłek rodzinny</term>
          <termNote type="administrativeStatus">standardizedTerm-admn-sts</termNote>
          <termNote type="termType">entryTerm</termNote>
          <termNote type="partOfSpeech">nom</termNote>
          <descripGrp>
            <descrip type="context">Zasiłek rodzinny	przysługuje
                rodzicom.</descrip>
            <admin type="source">Gazeta | s. 2</admin>
          </descripGrp>
          <admin type="customerSubset">MOPS Kraków</admin>
        </tig>
        <tig>
          <term>dodatek rodzinny</term>
          <termNote type="administrativeStatus">obsolete</termNote>
          <termNote type="termType">synonym</termNote>
          <termNote type="processStatus">provisionallyProcessed</termNote>
        </tig>
      </langSet>
      <langSet xml:lang="pl-LT">
        <tig><term>zasiłek na rodzinę</term>
          <termNote type="administrativeStatus">fancyTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="sr-Latn">
        <tig><term>porodični dodatak</term></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_vendor_values_are_mapped_and_unmapped_ones_kept_with_a_warning(tmp_path):
    entries = read("tbx2", write_file(tmp_path, "vendor.tbx", VENDOR_TBX))
    assert [e.error for e in entries if e.error] == []
    (concept,) = concepts(entries)
    assert concept.id == "I18N_إختبار_7"
    assert concept.kept == {"descrip reliabilityCode": "3"}
    assert concept.definition == {"pl": "Świadczenie pieniężne dla rodziny."}
    assert concept.definition_sources == {"pl": "Ustawa z 2004 r. | art. 5"}
    assert concept.sources == []
    main, synonym, regional, serbian = concept.terms
    assert (main.status, main.type, main.pos, main.region) == (
        "preferred", "fullForm", "noun", "pl-PL")
    assert main.context == "Zasiłek rodzinny przysługuje rodzicom."
    assert main.context_source == "Gazeta | s. 2"
    assert main.kept == {"termNote administrativeStatus": "standardizedTerm-admn-sts",
                         "termNote termType": "entryTerm", "termNote partOfSpeech": "nom",
                         "admin customerSubset": "MOPS Kraków"}
    assert (synonym.status, synonym.type) == ("deprecated", "")
    assert synonym.kept == {"termNote administrativeStatus": "obsolete",
                            "termNote termType": "synonym"}
    assert synonym.process == "provisionallyProcessed" and synonym.provisional
    assert (regional.region, regional.status) == ("pl-LT", "")
    assert regional.kept == {"termNote administrativeStatus": "fancyTerm-admn-sts"}
    assert (serbian.lang, serbian.region) == ("sr", "sr-Latn")
    warnings = " ".join(e.warning or "" for e in entries)
    assert "administrativeStatus 'fancyTerm-admn-sts' is not in the data-category table" \
        in warnings
    assert "standardizedTerm" not in warnings and "entryTerm" not in warnings


@pytest.mark.parametrize("fmt", ["tbx", "tbx2"])
def test_kept_values_sources_and_varieties_survive_export_and_import(tmp_path, fmt):
    (original,) = concepts(read("tbx2", write_file(tmp_path, "vendor.tbx", VENDOR_TBX)))
    first, second = tmp_path / "one.tbx", tmp_path / "two.tbx"
    formats.get(fmt).write([original], first, WriteOptions())
    (again,) = concepts(read(fmt, first))
    assert again.to_dict() == original.to_dict()
    formats.get(fmt).write([again], second, WriteOptions())
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    # Language sections stay plain `pl`, so a CAT project set to pl loads regional terms.
    assert 'xml:lang="pl-LT"' not in text and ">pl-LT</termNote>" in text
    if fmt == "tbx2":
        assert ">standardizedTerm-admn-sts</termNote>" in text
        assert ">entryTerm</termNote>" in text


@needs_validators
@pytest.mark.parametrize("source", ["vendor", "term dates"])
def test_tbx_basic_export_of_vendor_data_passes_the_validator(tmp_path, source):
    text = VENDOR_TBX if source == "vendor" else TERM_DATES
    (original,) = concepts(read("tbx2", write_file(tmp_path, "vendor.tbx", text)))
    path = tmp_path / "basic.tbx"
    formats.get("tbx").write([original], path, WriteOptions())
    result = run(sys.executable, VALIDATORS / "validate_tbx.py", path)
    assert result.returncode == 0, result.stdout + result.stderr


TBX_MIN_2013 = """<?xml version="1.0" encoding="UTF-8"?>
<TBX dialect="TBX-Min">
  <header><id>weblate</id><languages source="en" target="lt"/></header>
  <body>
    <entry id="W1">
      <subjectField>social work</subjectField>
      <langGroup xml:lang="en">
        <termGroup><term>caseworker</term><partOfSpeech>noun</partOfSpeech>
          <usageStatus>preferred</usageStatus></termGroup>
        <termGroup><term>welfare officer</term>
          <usageStatus>notRecommended</usageStatus></termGroup>
      </langGroup>
      <langGroup xml:lang="lt">
        <termGroup><term>socialinis darbuotojas</term>
          <usageStatus>admitted</usageStatus></termGroup>
      </langGroup>
    </entry>
  </body>
</TBX>
"""


def test_tbx_min_usage_status_is_read_so_check_can_flag_do_not_use_terms(tmp_path):
    entries = read("tbx", write_file(tmp_path, "min.tbx", TBX_MIN_2013), )
    (concept,) = concepts(entries)
    assert concept.id == "W1" and concept.subject == "social work"
    assert [(t.text, t.status, t.pos) for t in concept.terms] == [
        ("caseworker", "preferred", "noun"), ("welfare officer", "deprecated", ""),
        ("socialinis darbuotojas", "admitted", "")]
    assert concept.terms[1].kept == {"termNote usageStatus": "notRecommended"}


@pytest.mark.parametrize("category, raw, expected", [
    ("administrativeStatus", "standardizedTerm-admn-sts", "preferred"),
    ("administrativeStatus", "supersededTerm-admn-sts", "deprecated"),
    ("administrativeStatus", "legalTerm-admn-sts", "preferred"),
    ("normativeAuthorization", "regulatedTerm", "preferred"),
    ("usageStatus", "obsolete", "deprecated"), ("usageStatus", "notRecommended", "deprecated"),
    ("termType", "entryTerm", "fullForm"), ("termType", "initialism", "acronym"),
    ("termType", "synonym", ""), ("partOfSpeech", "nom", "noun"),
    ("partOfSpeech", "przymiotnik", "adjective"), ("grammaticalGender", "f", "feminine"),
])
def test_the_table_maps_standard_and_vendor_values(category, raw, expected):
    mapped = datacats.lookup(category, raw)
    assert mapped.known and mapped.value == expected and not mapped.exact


def test_every_value_the_writers_use_reads_back_exactly():
    for field, values in datacats.CANONICAL.items():
        category = next(c for c, f in datacats.MODEL_FIELD.items() if f == field)
        for model_value, written in values.items():
            mapped = datacats.lookup(category, written)
            assert (mapped.value, mapped.exact) == (model_value, True)


@given(st.text(alphabet=" \t\n\rab\u00a0"))
def test_layout_normalisation_is_idempotent_and_keeps_unindented_breaks(text):
    once = normalise(text)
    assert normalise(once) == once
    assert "\t" not in once and "  " not in once and once == once.strip()


def test_malformed_language_tag_is_named_as_written(tmp_path):
    text = VENDOR_TBX.replace('xml:lang="sr-Latn"', 'xml:lang="---"')
    entries = read("tbx2", write_file(tmp_path, "bad.tbx", text))
    (bad,) = [e for e in entries if e.error]
    assert "xml:lang='---'" in bad.error and "malformed language tag '---'" in bad.error


@pytest.mark.parametrize("fmt", ["csv", "tsv", "xlsx"])
def test_spreadsheets_keep_varieties_kept_fields_and_sources(tmp_path, fmt):
    (original,) = concepts(read("tbx2", write_file(tmp_path, "vendor.tbx", VENDOR_TBX)))
    path = tmp_path / f"vendor.{fmt}"
    formats.get(fmt).write([original], path, WriteOptions())
    (again,) = concepts(read(fmt, path))
    by_text = lambda c: {**c.to_dict(), "terms": sorted(c.to_dict()["terms"],  # noqa: E731
                                                         key=lambda t: t["text"])}
    assert by_text(again) == by_text(original)      # spreadsheets order synonyms by status
    assert again.terms[0].kept["termNote administrativeStatus"] == "standardizedTerm-admn-sts"
    assert again.definition_sources == {"pl": "Ustawa z 2004 r. | art. 5"}


TERM_DATES = VENDOR_TBX.replace(
    "<term>dodatek rodzinny</term>",
    "<term>dodatek rodzinny</term>"
    "<transacGrp><transac type=\"transactionType\">origination</transac>"
    "<date>2019-03-01</date><transacNote type=\"responsibility\">IATE team</transacNote>"
    "</transacGrp>").replace("<termNote type=\"processStatus\">provisionallyProcessed"
                             "</termNote>", "")


@pytest.mark.parametrize("fmt", ["tbx", "tbx2"])
def test_a_terms_own_dates_and_creators_are_kept_and_written_back(tmp_path, fmt):
    (original,) = concepts(read("tbx2", write_file(tmp_path, "dates.tbx", TERM_DATES)))
    assert original.terms[1].kept["transacGrp origination"] == "2019-03-01 by IATE team"
    path = tmp_path / "out.tbx"
    formats.get(fmt).write([original], path, WriteOptions())
    (again,) = concepts(read(fmt, path))
    assert again.terms[1].kept == original.terms[1].kept
    assert "<date>2019-03-01</date>" in path.read_text(encoding="utf-8")


@needs_validators
def test_tbx2_export_with_kept_values_is_read_by_translate_toolkit(tmp_path):
    pytest.importorskip("translate")
    (original,) = concepts(read("tbx2", write_file(tmp_path, "dates.tbx", TERM_DATES)))
    path = tmp_path / "v2.tbx"
    formats.get("tbx2").write([original], path, WriteOptions())
    result = run(sys.executable, VALIDATORS / "ttk_parse.py", "--src", "pl", "--tgt", "sr", path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_imported_varieties_are_found_by_base_language_with_the_variety_added(tmp_path):
    from termbase import Termbase

    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    tb.import_file(write_file(tmp_path, "vendor.tbx", VENDOR_TBX))
    (match,) = [m.to_json() for m in tb.lookup("zasiłek na rodzinę", lang="pl")][:1]
    assert (match["lang"], match["region"], match["term"]) == ("pl", "pl-LT",
                                                               "zasiłek na rodzinę")
    assert set(match["equivalents"]) == {"sr"}
    assert match["equivalents"]["sr"][0]["region"] == "sr-Latn"


def test_a_merge_into_an_existing_term_takes_its_kept_fields(tmp_path):
    from termbase import Termbase
    from termbase.model import Concept, Term

    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    tb.add(Concept(id="family-benefit", terms=[Term("pl", "zasiłek rodzinny")]))
    report = tb.import_file(write_file(tmp_path, "vendor.tbx", VENDOR_TBX))
    assert report.merged == 1
    term = tb.get("family-benefit").terms[0]
    assert term.kept["termNote administrativeStatus"] == "standardizedTerm-admn-sts"
    assert term.context_source == "Gazeta | s. 2"


_plain = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                               blacklist_characters="\ufffe\uffff"),
                 min_size=1, max_size=12).map(normalise).filter(bool)
_kept_keys = st.sampled_from(["termNote reliabilityCode", "termNote processStatus",
                              "admin customerSubset", "descrip usageNote", "xref externalLink",
                              "termNote zzVendorField", "transacGrp origination"])
_kept = st.dictionaries(_kept_keys, _plain.filter(lambda v: " by " not in v and
                                                   not v.startswith("by ")), max_size=3)


@given(kept=_kept, concept_kept=st.dictionaries(st.sampled_from(
    ["descrip reliabilityCode", "admin projectSubset", "descrip reliabilityCode@pl"]),
    _plain, max_size=2), fmt=st.sampled_from(["tbx", "tbx2", "csv", "tsv"]))
def test_generated_kept_fields_round_trip(tmp_path_factory, kept, concept_kept, fmt):
    from termbase.model import Concept, Term

    concept = Concept(id="k1", kept=concept_kept, terms=[
        Term("pl", "pomoc", kept=kept), Term("lt", "pagalba")]).validate()
    path = tmp_path_factory.mktemp("k") / f"k.{fmt}"
    formats.get(fmt).write([concept], path, WriteOptions())
    (again,) = concepts(read(fmt, path))
    assert again.terms[0].kept == concept.terms[0].kept
    assert again.kept == concept.kept


def test_a_concept_level_definition_keeps_its_language_and_source(tmp_path):
    text = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc>
</fileDesc></martifHeader><text><body><termEntry id="c1">
  <descripGrp><descrip type="definition" xml:lang="lt">Pagalba
      šeimai.</descrip><admin type="source">LR įstatymas | 3 str.</admin></descripGrp>
  <langSet xml:lang="pl"><tig><term>pomoc rodzinie</term></tig></langSet>
</termEntry></body></text></martif>"""
    (concept,) = concepts(read("tbx2", write_file(tmp_path, "c.tbx", text)))
    assert concept.definition == {"lt": "Pagalba šeimai."}
    assert concept.definition_sources == {"lt": "LR įstatymas | 3 str."}
    out = tmp_path / "out.tbx"
    formats.get("tbx").write([concept], out, WriteOptions())
    (again,) = concepts(read("tbx", out))
    assert again.definition_sources == concept.definition_sources
