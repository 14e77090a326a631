"""Glossaries shaped like what other tools write, made here by hand for the issue-15 audit:
a MultiTerm-style TBX in UTF-16 (field names in its own case, who in <transac>), an
IBM/Oracle-style TBX (vendor values, non-ASCII ids, es-BO, es-419, fil), exports for CAT
projects set to a plain language or to a variety, and spreadsheets a person made."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from omegat_support import require_omegat

from termbase import Termbase, formats
from termbase.formats import ReadOptions, WriteOptions, datacats
from termbase.model import Concept, Term
from test_formats_xml import VALIDATORS, needs_validators, run

MULTITERM_TBX = """<?xml version="1.0" encoding="UTF-16"?>
<martif type="TBX" xml:lang="en-GB">
 <martifHeader><fileDesc><sourceDesc><p>termbase export, carers</p></sourceDesc></fileDesc>
 </martifHeader>
 <text>
  <body>
   <termEntry id="c_ąę.17">
    <descrip type="Definition">A benefit paid
       to people who look after a relative.</descrip>
    <transacGrp><transac type="origination">jkowalska</transac>
     <date>2023-04-05T10:00:00</date></transacGrp>
    <transacGrp><transac type="modification">pjonaitis</transac>
     <date>2024-01-12T08:30:00</date></transacGrp>
    <langSet xml:lang="en-GB">
     <transacGrp><transac type="modification">mbrown</transac>
      <date>2024-02-01T09:00:00</date></transacGrp>
     <ntig>
      <termGrp><term>carer's allowance</term>
       <termNote type="TermType">entryTerm</termNote>
       <termNote type="partOfSpeech">Noun</termNote>
      </termGrp>
      <descrip type="Context">She claims carer's allowance for her mother.</descrip>
      <admin type="Source">council leaflet 2022</admin>
     </ntig>
    </langSet>
    <langSet xml:lang="pl-PL">
     <ntig><termGrp><term>świadczenie pielęgnacyjne</term>
       <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
       <termNote type="grammaticalGender">neuter</termNote></termGrp></ntig>
     <ntig><termGrp><term>zasiłek dla opiekuna</term>
       <termNote type="normativeAuthorization">deprecatedTerm</termNote>
       <termNote type="termType">synonym</termNote></termGrp></ntig>
    </langSet>
   </termEntry>
  </body>
 </text>
</martif>
"""

IBM_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en">
<martifHeader><fileDesc><sourceDesc><p>product terminology</p></sourceDesc></fileDesc>
</martifHeader>
<text><body>
<termEntry id="IBM-000123">
 <descrip type="subjectField">social care</descrip>
 <langSet xml:lang="fr-CA"><tig><term>aide sociale</term>
  <termNote type="partOfSpeech">nom</termNote><termNote type="grammaticalGender">f</termNote>
  <descrip type="reliabilityCode">9</descrip></tig></langSet>
 <langSet xml:lang="en-US">
  <tig><term>public assistance</term><termNote type="usageStatus">preferred</termNote></tig>
  <tig><term>dole</term><termNote type="administrativeStatus">standardizedTerm-admn-sts</termNote>
   <termNote type="termLocation">menuItem</termNote></tig></langSet>
 <langSet xml:lang="lt"><tig><term>socialinė pašalpa</term>
  <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
  <termNote type="termType">internationalism</termNote></tig></langSet>
</termEntry>
<termEntry id="пример-2">
 <langSet xml:lang="es-BO"><tig><term>bono familiar</term>
  <termNote type="administrativeStatus">forbidden</termNote></tig></langSet>
 <langSet xml:lang="es-419"><tig><term>subsidio familiar</term></tig></langSet>
</termEntry>
<termEntry id="漢字_3">
 <langSet xml:lang="fil"><tig><term>tulong panlipunan</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>relief</term>
  <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
</termEntry>
</body></text></martif>
"""


WEBLATE_TBX = """<?xml version='1.0' encoding='UTF-8'?>
<martif xmlns:xml="http://www.w3.org/XML/1998/namespace" type="TBX" xml:lang="en">
<martifHeader><fileDesc><sourceDesc><p>Translate Toolkit</p></sourceDesc></fileDesc>
</martifHeader><text><body>
<termEntry id="glossary_ąčę_1">
  <langSet xml:lang="en"><tig><term>home care</term></tig></langSet>
  <langSet xml:lang="pt_BR"><tig><term>cuidado domiciliar</term>
    <termNote type="administrativeStatus">obsolete</termNote></tig></langSet>
  <langSet xml:lang="zh_Hant"><tig><term>居家照護</term></tig></langSet>
  <note from="translator">Weblate: explanation
      goes here</note>
</termEntry>
<termEntry id="c42">
  <descrip type="subjectField">social services</descrip>
  <admin type="projectSubset">Municipal portal</admin>
  <xref type="externalCrossReference" target="https://example.org/terms/42">register</xref>
  <langSet xml:lang="en-US">
    <tig><term>day care center</term>
      <termNote type="termType">entryTerm</termNote>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
      <admin type="customerSubset">City</admin></tig>
    <tig><term>adult day center</term>
      <termNote type="termType">synonym</termNote>
      <termNote type="administrativeStatus">doNotUse</termNote></tig>
  </langSet>
  <langSet xml:lang="lt-LT"><tig><term>dienos centras</term>
    <termNote type="partOfSpeech">daiktavardis</termNote>
    <termNote type="grammaticalGender">vyriškoji</termNote></tig></langSet>
</termEntry>
</body></text></martif>
"""


def read(name: str, path: Path, **options) -> list:
    return list(formats.get(name).read(path, ReadOptions(**options)))


def concepts_of(entries) -> list[Concept]:
    assert [e.error for e in entries if e.error] == []
    return [e.item for e in entries if e.item is not None]


@pytest.fixture
def multiterm(tmp_path) -> Path:
    path = tmp_path / "multiterm.tbx"
    path.write_bytes(MULTITERM_TBX.encode("utf-16"))
    return path


@pytest.fixture
def ibm(tmp_path) -> Path:
    path = tmp_path / "ibm.tbx"
    path.write_text(IBM_TBX, encoding="utf-8")
    return path


def _cli(*args, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termbase", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


# ---------------------------------------------------------------- 1. vendor values, ids

def test_multiterm_field_names_and_transactions_are_read_in_any_case(multiterm):
    entries = read("tbx2", multiterm)
    (concept,) = concepts_of(entries)
    assert concept.id == "c_ąę.17"
    assert concept.definition == {"en": "A benefit paid to people who look after a relative."}
    assert (concept.created, concept.created_by) == ("2023-04-05T10:00:00", "jkowalska")
    assert (concept.modified, concept.modified_by) == ("2024-01-12T08:30:00", "pjonaitis")
    # a language section's own transaction stays with that section
    assert concept.kept == {"transacGrp modification@en": "2024-02-01T09:00:00 by mbrown"}
    carer, nursing, old = concept.terms
    assert (carer.region, carer.type, carer.pos) == ("en-GB", "fullForm", "noun")
    assert carer.context == "She claims carer's allowance for her mother."
    assert carer.source == "council leaflet 2022"
    assert (nursing.status, nursing.gender, nursing.region) == ("preferred", "neuter", "pl-PL")
    assert (old.status, old.kept["termNote termType"]) == ("deprecated", "synonym")
    assert not any(e.warning for e in entries)      # nothing unknown in it


def test_ibm_and_oracle_values_unicode_ids_and_three_letter_languages(ibm):
    social, family, relief = concepts_of(read("tbx2", ibm))
    assert [c.id for c in (social, family, relief)] == ["IBM-000123", "пример-2", "漢字_3"]
    french, public, dole, lithuanian = social.terms
    assert (french.lang, french.region, french.pos, french.gender) == (
        "fr", "fr-CA", "noun", "feminine")
    assert french.kept["descrip reliabilityCode"] == "9"
    assert (public.status, dole.status) == ("preferred", "preferred")
    assert dole.kept["termNote termLocation"] == "menuItem"
    assert lithuanian.status == "admitted"
    assert lithuanian.kept["termNote termType"] == "internationalism"
    assert [(t.region, t.status) for t in family.terms] == [("es-BO", "forbidden"),
                                                          ("es-419", "")]
    assert [(t.lang, t.status) for t in relief.terms] == [("fil", ""), ("en", "deprecated")]


@pytest.fixture
def weblate(tmp_path) -> Path:
    path = tmp_path / "weblate.tbx"
    path.write_text(WEBLATE_TBX, encoding="utf-8")
    return path


def test_weblate_locales_and_maryland_style_categories(weblate):
    home, day_care = concepts_of(read("tbx2", weblate))
    assert home.id == "glossary_ąčę_1"
    assert [(t.lang, t.region, t.status) for t in home.terms] == [
        ("en", "", ""), ("pt", "pt-BR", "deprecated"), ("zh", "zh-Hant", "")]
    assert home.note == "Weblate: explanation goes here"
    assert day_care.kept == {"admin projectSubset": "Municipal portal",
                             "xref externalCrossReference":
                             "https://example.org/terms/42 register"}
    center, adult, lithuanian = day_care.terms
    assert (center.type, center.status, center.region) == ("fullForm", "preferred", "en-US")
    assert center.kept["admin customerSubset"] == "City"
    assert adult.status == "forbidden"
    assert (lithuanian.pos, lithuanian.gender, lithuanian.region) == (
        "noun", "masculine", "lt-LT")


@pytest.mark.parametrize("fmt", ["tbx", "tbx2", "csv", "tsv", "xlsx"])
def test_vendor_concepts_round_trip_through_every_glossary_format(tmp_path, multiterm, ibm,
                                                                  weblate, fmt):
    original = (concepts_of(read("tbx2", multiterm)) + concepts_of(read("tbx2", ibm))
                + concepts_of(read("tbx2", weblate)))
    path = tmp_path / f"out.{fmt}"
    formats.get(fmt).write(original, path, WriteOptions())
    again = concepts_of(read(fmt, path))
    assert [_by_language(c) for c in again] == [_by_language(c) for c in original]


def _by_language(concept: Concept) -> dict:
    """A concept as a dict, its terms in a fixed order (spreadsheets group them by
    language column)."""
    data = concept.to_dict()
    data["terms"] = sorted(data["terms"], key=lambda t: (t["lang"], t["text"]))
    return data


@needs_validators
def test_vendor_concepts_exported_as_tbx_basic_pass_the_validator(tmp_path, multiterm, ibm,
                                                                  weblate):
    path = tmp_path / "basic.tbx"
    formats.get("tbx").write(concepts_of(read("tbx2", multiterm)) +
                             concepts_of(read("tbx2", ibm)) +
                             concepts_of(read("tbx2", weblate)), path, WriteOptions())
    result = run(sys.executable, VALIDATORS / "validate_tbx.py", path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_entry_id_that_is_not_an_xml_name_gets_a_new_one_and_keeps_its_own(tmp_path,
                                                                               ibm):
    spaced = tmp_path / "spaced.tbx"
    spaced.write_text(IBM_TBX.replace('id="IBM-000123"', 'id="IBM 000123"'), encoding="utf-8")
    entries = read("tbx2", spaced)
    first = concepts_of(entries)[0]
    assert first.id == "" and first.kept == {"original id": "IBM 000123"}
    assert any("'IBM 000123' is not an XML name" in (e.warning or "") for e in entries)
    for fmt in ("tbx", "tbx2", "csv"):
        out = tmp_path / f"out.{fmt}"
        formats.get(fmt).write([first], out, WriteOptions())
        assert concepts_of(read(fmt, out))[0].kept == {"original id": "IBM 000123"}


def test_only_broken_files_are_refused_and_the_message_names_the_value(tmp_path, ibm):
    db = tmp_path / "tb.json"
    broken = tmp_path / "broken.tbx"
    broken.write_text(IBM_TBX[:IBM_TBX.index("<termEntry id=\"пример-2\">") + 30],
                      encoding="utf-8")
    result = _cli("import", broken, db=db)
    assert result.returncode == 1 and "malformed XML" in result.stderr
    bad_tag = tmp_path / "tag.tbx"
    bad_tag.write_text(IBM_TBX.replace('xml:lang="es-BO"', 'xml:lang="es_BO_1"'),
                       encoding="utf-8")
    result = _cli("import", bad_tag, db=db)
    assert result.returncode == 1 and "'es_BO_1'" in result.stderr
    assert "Traceback" not in result.stderr
    assert _cli("import", ibm, db=db).returncode == 0


def test_the_readme_shows_the_data_category_table_as_the_code_has_it():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert datacats.readme_table() in readme
    assert "standardizedTerm-admn-sts" in datacats.readme_table()


# ---------------------------------------------------------------- 2. varieties

def regional_glossary() -> list[Concept]:
    """One concept with a plain, a Poland and a Lithuania Polish term, as the shipped
    glossary has them."""
    return [Concept(id="acc-1", subject="administration", terms=[
        Term("pl", "akredytacja usług socjalnych", status="preferred", region="pl-LT"),
        Term("pl", "akredytacja usług społecznych", status="admitted", region="pl-PL"),
        Term("pl", "akredytacja", status="admitted"),
        Term("lt", "socialinių paslaugų akreditavimas", status="preferred")]),
        Concept(id="carer-2", subject="family", terms=[
            Term("pl", "opiekun faktyczny", region="pl-LT"),
            Term("lt", "faktinis globėjas")])]


@pytest.fixture
def regional_db(tmp_path) -> Path:
    db = tmp_path / "regional.json"
    tb = Termbase.open(db, seed=False)
    for concept in regional_glossary():
        tb.add(concept)
    return db


def _polish_terms(fmt: str, path: Path) -> set[tuple[str, str]]:
    """(text, variety) of the Polish terms a file holds; the OmegaT glossary names the
    variety in its comment column only, so there the comment stands in for it."""
    if fmt == "omegat":
        lines = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
        return {(cells[0], next((v for v in ("pl-LT", "pl-PL") if v in cells[2]), ""))
                for cells in lines if cells[0]}
    options = {"as_terms": True} if fmt == "tmx" else {}
    return {(t.text, t.region) for c in concepts_of(read(fmt, path, **options))
            for t in c.terms if t.lang == "pl"}


# TMX term pairs hold one term per language and concept: its preferred (else first) term
PAIRS_ONLY = {"akredytacja usług społecznych", "akredytacja"}


EXPORTS = [("tbx", ".tbx", []), ("tbx2", ".tbx", ["--format", "tbx2"]), ("csv", ".csv", []),
           ("tsv", ".tsv", []), ("xlsx", ".xlsx", []), ("omegat", ".utf8", []),
           ("tmx", ".tmx", ["--terms"])]


@pytest.mark.parametrize("fmt, suffix, extra", EXPORTS)
def test_a_project_set_to_plain_polish_gets_every_regional_term(tmp_path, regional_db, fmt,
                                                                 suffix, extra):
    path = tmp_path / f"plain{suffix}"
    result = _cli("export", path, "--from", "pl", "--to", "lt", *extra, db=regional_db)
    assert result.returncode == 0, result.stderr
    expected = {("akredytacja usług socjalnych", "pl-LT"),
                ("akredytacja usług społecznych", "pl-PL"),
                ("akredytacja", ""), ("opiekun faktyczny", "pl-LT")}
    if fmt == "tmx":
        expected = {pair for pair in expected if pair[0] not in PAIRS_ONLY}
    assert _polish_terms(fmt, path) == expected
    if fmt in ("tbx", "tbx2", "tmx"):
        assert 'xml:lang="pl-LT"' not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt, suffix, extra", EXPORTS)
def test_a_project_set_to_a_variety_gets_its_terms_tagged(tmp_path, regional_db, fmt, suffix,
                                                          extra):
    path = tmp_path / f"lt{suffix}"
    result = _cli("export", path, "--from", "pl-lt", "--to", "lt", *extra, db=regional_db)
    assert result.returncode == 0, result.stderr
    found = _polish_terms(fmt, path)
    assert ("akredytacja usług społecznych", "pl-PL") not in found      # another market's
    expected = {"akredytacja usług socjalnych", "akredytacja", "opiekun faktyczny"}
    assert {text for text, _ in found} == (expected - PAIRS_ONLY if fmt == "tmx" else expected)
    if fmt in ("tbx", "tbx2", "tmx"):
        assert 'xml:lang="pl-LT"' in path.read_text(encoding="utf-8")
        assert {region for _, region in found} == {"pl-LT"}


@needs_validators
def test_variety_tagged_exports_pass_the_validators(tmp_path, regional_db):
    tbx, tmx = tmp_path / "lt.tbx", tmp_path / "lt.tmx"
    assert _cli("export", tbx, "--from", "pl-LT", "--to", "lt", db=regional_db).returncode == 0
    assert _cli("export", tmx, "--from", "pl-LT", "--to", "lt", "--terms",
                db=regional_db).returncode == 0
    for script, path in (("validate_tbx.py", tbx), ("validate_tmx.py", tmx)):
        result = run(sys.executable, VALIDATORS / script, path)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("project", ["pl", "pl-LT"])
def test_omegat_loads_the_regional_terms_for_either_project(tmp_path, regional_db, project):
    if not (VALIDATORS / "omegat").is_dir():
        pytest.skip(f"the OmegaT check ({VALIDATORS / 'omegat'}) is not beside this checkout")
    require_omegat()
    path = tmp_path / "glossary.tbx"
    assert _cli("export", path, "--format", "tbx2", "--from", project, "--to", "lt",
                db=regional_db).returncode == 0
    result = run(VALIDATORS / "omegat" / "omegat_glossary_check.sh", path, "pl", "lt", "20")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "opiekun faktyczny -> faktinis globėjas" in result.stdout
    assert ("akredytacja usług społecznych -> " in result.stdout) == (project == "pl")


def test_one_language_on_both_sides_of_a_glossary_export_is_refused(tmp_path, regional_db):
    result = _cli("export", tmp_path / "x.tbx", "--from", "pl-PL", "--to", "pl-LT",
                  db=regional_db)
    assert result.returncode == 1 and "one language" in result.stderr


@pytest.mark.parametrize("given, expected", [("fil", "fil"), ("pol", "pl"), ("lit", "lt"),
                                             ("yue", "yue")])
def test_three_letter_codes_that_bcp47_knows_are_taken(tmp_path, given, expected):
    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    tb.add(Concept(terms=[Term(given, "słowo"), Term("en", "word")]))
    assert [m.to_json()["lang"] for m in tb.lookup("słowo", lang=given)] == [expected]


def test_iso_639_2_codes_on_the_command_line_mean_the_two_letter_language(tmp_path):
    path = tmp_path / "omegat.csv"
    path.write_text("opiekun faktyczny,faktinis globėjas,\n", encoding="utf-8")
    db = tmp_path / "tb.json"
    result = _cli("import", path, "--from", "pol", "--to", "lit", db=db)
    assert result.returncode == 0, result.stderr
    found = Termbase.open(db).lookup("faktinis globėjas", lang="lit")
    assert [m.to_json()["lang"] for m in found][:1] == ["lt"]


@pytest.mark.parametrize("command", [["lookup", "word", "--lang", "xyz"],
                                     ["export", "out.tbx", "--from", "xyz-PL", "--to", "lt"],
                                     ["suggest", "--from", "jp", "--to", "en", "word"],
                                     ["check", "job.tmx", "--from", "pl", "--to", "q1"]])
def test_a_language_that_is_not_one_is_refused_by_name(tmp_path, command):
    result = _cli(*command, db=tmp_path / "tb.json")
    bad = next(arg for arg in command if arg in ("xyz", "xyz-PL", "jp", "q1"))
    assert result.returncode == 2, result.stderr
    assert repr(bad) in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- 3. columns

def test_a_long_file_with_extra_columns_varieties_and_three_letter_codes(tmp_path):
    path = tmp_path / "tico.csv"
    path.write_text("id,sourceLang,targetLang,sourceString,targetString,translatorId\n"
                    "T-1,en,pl,social worker,pracownik socjalny,t1\n"
                    "T-2,en,lt,social worker,socialinis darbuotojas,t2\n"
                    "T-3,en,pl-LT,care home,dom opieki,t3\n"
                    "T-4,en,fil,social worker,manggagawang panlipunan,t4\n", encoding="utf-8")
    entries = read("csv", path)
    found = {(t.lang, t.text, t.region) for c in concepts_of(entries) for t in c.terms}
    assert {("pl", "dom opieki", "pl-LT"), ("fil", "manggagawang panlipunan", ""),
            ("lt", "socialinis darbuotojas", "")} <= found
    assert any("translatorId" in (e.warning or "") for e in entries)


def test_a_headerless_semicolon_file_with_a_variety_and_the_mapping_in_the_dry_run(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text("opiekun faktyczny;faktinis globėjas;z praktyki MOPS\n"
                    "dom dziennego pobytu;dienos centras;\n", encoding="utf-8")
    db = tmp_path / "tb.json"
    refused = _cli("import", path, "--dry-run", db=db)
    assert refused.returncode == 1 and "--from and --to" in refused.stderr
    shown = _cli("import", path, "--from", "pl-LT", "--to", "lt", "--dry-run", db=db)
    assert shown.returncode == 0, shown.stderr
    assert "columns read as pl-LT, lt, note" in shown.stdout
    concepts = concepts_of(read("csv", path, source_lang="pl-LT", target_lang="lt",
                                langs=["pl-LT", "lt"]))
    assert [(c.terms[0].region, c.note) for c in concepts] == [("pl-LT", "z praktyki MOPS"),
                                                               ("pl-LT", "")]


def test_columns_rename_header_cells_a_person_wrote(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("Nr;Hasło;Odpowiednik;Uwagi\n1;opiekun prawny;globėjas;z sądu\n",
                    encoding="utf-8")
    db = tmp_path / "tb.json"
    result = _cli("import", path, "--columns", "Hasło=pl,Odpowiednik=lt-LT,Uwagi=note",
                  "--dry-run", db=db)
    assert result.returncode == 0, result.stderr
    assert "--columns" in result.stdout
    (concept,) = concepts_of(read("csv", path, columns="Hasło=pl,Odpowiednik=lt-LT,Uwagi=note"))
    assert [(t.lang, t.text, t.region) for t in concept.terms] == [
        ("pl", "opiekun prawny", ""), ("lt", "globėjas", "lt-LT")]
    assert concept.note == "z sądu"


TWO_ENTRIES_ONE_ID = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>two lists numbered
alike</p></sourceDesc></fileDesc></martifHeader><text><body>
<termEntry id="e1"><langSet xml:lang="en"><tig><term>carer</term></tig></langSet>
 <langSet xml:lang="pl"><tig><term>opiekun</term></tig></langSet></termEntry>
<termEntry id="e1"><langSet xml:lang="en"><tig><term>probation officer</term></tig></langSet>
 <langSet xml:lang="pl"><tig><term>kurator sądowy</term></tig></langSet></termEntry>
</body></text></martif>
"""


def test_two_entries_with_one_id_stay_two_concepts(tmp_path):
    path = tmp_path / "dup.tbx"
    path.write_text(TWO_ENTRIES_ONE_ID, encoding="utf-8")
    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    report = tb.import_file(path)
    assert report.added == 2
    assert any("used by an earlier entry" in w for w in report.warnings)
    found = {tuple(sorted(t.text for t in c.terms)) for c in tb.concepts()}
    assert found == {("carer", "opiekun"), ("kurator sądowy", "probation officer")}


def _iate_entry(definition: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>IATE-style
extract</p></sourceDesc></fileDesc></martifHeader><text><body>
<termEntry id="IATE-3545123"><descrip type="subjectField">social affairs</descrip>
 <langSet xml:lang="en"><descrip type="definition">{definition}</descrip>
  <tig><term>respite care</term></tig></langSet>
 <langSet xml:lang="pl"><tig><term>opieka wytchnieniowa</term></tig></langSet></termEntry>
</body></text></martif>
"""


def test_an_updated_entry_read_again_says_its_definition_was_kept(tmp_path):
    """A merge fills only what the concept lacks; a definition worded differently in the
    file is a conflict the user is told about, never dropped in silence."""
    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    first, second = tmp_path / "v1.tbx", tmp_path / "v2.tbx"
    first.write_text(_iate_entry("Short-term care that relieves a family carer."),
                     encoding="utf-8")
    second.write_text(_iate_entry("Temporary care giving a family carer a break."),
                      encoding="utf-8")
    tb.import_file(first)
    report = tb.import_file(second)
    assert report.unchanged == 0 and report.skipped == 1
    (conflict,) = report.conflicts
    assert conflict["field"] == "definition (en)" and "break" in conflict["term"]
    assert "relieves" in conflict["existing"][0]
    (concept,) = tb.concepts()
    assert concept.definition["en"] == "Short-term care that relieves a family carer."
