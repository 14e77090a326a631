"""XML formats (TBX 2019, TBX v2, TMX, XLIFF): real files written, read back, and checked by
the outside validators (TBX-Basic RNG + Schematron, TMX DTD, translate-toolkit, OmegaT)."""

from __future__ import annotations

import copy
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from omegat_support import require_omegat
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from termbase import formats
from termbase.formats import FormatError, ReadOptions, WriteOptions
from termbase.model import Concept, Segment, Term, ValidationError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
VALIDATORS = SHARED / "validators"

needs_validators = pytest.mark.skipif(
    not VALIDATORS.is_dir(), reason=f"the validators ({VALIDATORS}) are not beside this checkout")
needs_ttk = pytest.mark.skipif(
    importlib.util.find_spec("translate") is None, reason="translate-toolkit is not installed")


# ---------------------------------------------------------------- sample data

def sample_concepts() -> list[Concept]:
    """Diacritics, quotes, ampersands, '<', tabs and newlines, synonyms, a regional variant,
    every status, abbreviations, definitions in several languages, forms, odd ids."""
    foster = Concept(
        id="c1", subject="child protection",
        definition={"pl": "Rodzina, która przyjmuje dziecko & <opiekuje> się nim.",
                    "lt": "Šeima, kuri globoja vaiką „kaip savo“.",
                    "en": 'A family "fostering" a child.'},
        note="Uwaga: dwie linie,\ndruga bez wcięcia", sources=["Ustawa o wspieraniu rodziny",
                                                            "LR įstatymas Nr. 1 & 2"],
        created="2024-05-01T12:00:00+00:00", modified="2024-06-02T08:30:00+00:00",
        created_by="anna", modified_by="jonas",
        terms=[Term("pl", "rodzina zastępcza", status="preferred", type="fullForm", pos="noun",
                    gender="feminine", context="Dziecko trafiło do rodziny zastępczej.",
                    source="ustawa", note="najczęstsza forma",
                    forms=["rodziny zastępczej", "rodzinie zastępczej"]),
               Term("pl", "rodzina zastępcza spokrewniona", status="admitted"),
               Term("pl", "rodzina opiekuńcza", status="forbidden", region="pl-LT"),
               Term("pl", "RZ", status="deprecated", type="abbreviation"),
               Term("lt", "globėjų šeima", status="preferred", pos="noun", gender="feminine",
                    forms=["globėjų šeimos", "globėjų šeimai"]),
               Term("lt", "globos šeima", status="admitted", region="lt-LT"),
               Term("en", "foster family", status="preferred", pos="properNoun")])
    worker = Concept(id="123", subject="social work", created="not a date",
                     terms=[Term("pl", "pracownik socjalny", status="preferred",
                                 forms=["pracownika socjalnego"]),
                            Term("pl", "p.s.", type="abbreviation", status="admitted"),
                            Term("lt", "socialinis darbuotojas", gender="masculine")])
    letters = Concept(terms=[Term("pl", "łńóśźż ĄĆĘ"), Term("lt", "ąčęėįšųūž")],
                      definition={"de": "nur eine Definition"})
    only_pl = Concept(id="x.2-b_c", terms=[Term("pl", "wyłącznie \"polski\" <termin>")])
    return [c.validate() for c in (foster, worker, letters, only_pl)]


def sample_segments() -> list[Segment]:
    return [Segment(texts={"pl": "Dziecko & matka <razem>\tw \"domu\".",
                           "lt": "Vaikas ir motina kartu namuose.", "en": "Child & mother"},
                    origin="seed:ustawa.txt", created="2024-05-01T12:00:00+00:00", id="s1",
                    note="aligned\nautomatically").validate(),
            Segment(texts={"pl": "Łódź", "lt": "Lodzė"}, created="yesterday").validate()]


def grouped(concept: Concept) -> dict:
    """A concept as data, its terms grouped by language (TBX groups them in sections)."""
    data = concept.to_dict()
    order = list(dict.fromkeys(t["lang"] for t in data["terms"]))
    data["terms"] = sorted(data["terms"], key=lambda t: order.index(t["lang"]))
    return data


def items(entries) -> list:
    return [e.item for e in entries if e.item is not None]


def read(name: str, path: Path, **options) -> list:
    return list(formats.get(name).read(path, ReadOptions(**options)))


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=180)


def write_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- TBX 2019 and TBX v2

@pytest.mark.parametrize("fmt", ["tbx", "tbx2"])
@pytest.mark.parametrize("with_forms", [False, True])
def test_tbx_round_trip_is_lossless_and_byte_identical(tmp_path, fmt, with_forms):
    options = WriteOptions(with_forms=with_forms, source_lang="pl" if with_forms else None)
    first, second = tmp_path / "a.tbx", tmp_path / "b.tbx"
    assert formats.get(fmt).write(sample_concepts(), first, options) == 4
    entries = read(fmt, first)
    assert [e.error for e in entries if e.error] == []
    assert [grouped(c) for c in items(entries)] == [grouped(c) for c in sample_concepts()]
    formats.get(fmt).write(items(entries), second, options)
    assert first.read_bytes() == second.read_bytes()
    assert formats.detect(first).name == fmt


def test_tbx_mapping_of_statuses_forms_sources_and_dates(tmp_path):
    path = tmp_path / "out.tbx"
    formats.get("tbx").write(sample_concepts(), path, WriteOptions())
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" '
                           'style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">')
    assert ("<termNoteGrp>\n              <termNote type=\"administrativeStatus\">"
            "deprecatedTerm-admn-sts</termNote>\n              <note>forbiddenTerm-admn-sts"
            "</note>") in text
    assert 'supersededTerm' not in text
    assert ('<note>inflected forms: <hi type="entailedTerm">rodziny zastępczej</hi>; '
            '<hi type="entailedTerm">rodzinie zastępczej</hi></note>') in text
    assert '<admin type="source">LR įstatymas Nr. 1 &amp; 2</admin>' in text
    assert '<date>2024-05-01T12:00:00+00:00</date>' in text
    assert '<transacNote type="responsibility">jonas</transacNote>' in text
    assert '<note>not a date</note>' in text            # not an xsd:date: kept, still valid
    assert '<conceptEntry id="_123">' in text and '<conceptEntry id="__3">' in text
    assert '<descrip type="definition" xml:lang="de">nur eine Definition</descrip>' in text
    assert '<termNote type="geographicalUsage">pl-LT</termNote>' in text


@needs_validators
@pytest.mark.parametrize("with_forms", [False, True])
def test_tbx_export_passes_the_tbx_basic_validator(tmp_path, with_forms):
    path = tmp_path / "export.tbx"
    formats.get("tbx").write(sample_concepts(), path, WriteOptions(with_forms=with_forms))
    result = run(sys.executable, VALIDATORS / "validate_tbx.py", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "VALID TBX-Basic (4 conceptEntry" in result.stdout


@needs_validators
@needs_ttk
def test_tbx2_export_parses_in_translate_toolkit(tmp_path):
    path = tmp_path / "export.tbx"
    formats.get("tbx2").write(sample_concepts(), path, WriteOptions(with_forms=True))
    result = run(sys.executable, VALIDATORS / "ttk_parse.py", "--src", "pl", "--tgt", "lt", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "parsed tbxfile: 4 units" in result.stdout


def omegat_entries(concepts: list[Concept], source: str, target: str, with_forms: bool) -> int:
    """What OmegaT's TBX reader makes of a termEntry: source terms x target terms."""
    total = 0
    for concept in concepts:
        sources = concept.terms_in(source)
        n_source = len(sources) + (sum(len(t.forms) for t in sources) if with_forms else 0)
        if n_source:
            total += n_source * max(1, len(concept.terms_in(target)))
    return total


@pytest.fixture(scope="module")
def omegat_tbx2(tmp_path_factory):
    """One run of the real OmegaT TBX reader on a TBX v2 export with inflected forms."""
    if not (VALIDATORS / "omegat").is_dir():
        pytest.skip(f"the OmegaT check ({VALIDATORS / 'omegat'}) is not beside this checkout")
    require_omegat()
    path = tmp_path_factory.mktemp("omegat") / "glossary.tbx"
    formats.get("tbx2").write(sample_concepts(), path,
                              WriteOptions(with_forms=True, source_lang="pl"))
    result = run(VALIDATORS / "omegat" / "omegat_glossary_check.sh", path, "pl", "lt", "100")
    return result


def test_tbx2_export_loads_every_entry_in_omegat(omegat_tbx2):
    assert omegat_tbx2.returncode == 0, omegat_tbx2.stdout + omegat_tbx2.stderr
    expected = omegat_entries(sample_concepts(), "pl", "lt", with_forms=True)
    assert f"entries read: {expected}\n" in omegat_tbx2.stdout
    pairs = re.findall(r"^\s+\d+\. (.*?) -> (.*?)(?:   \[comment|$)", omegat_tbx2.stdout, re.M)
    assert ("rodzina opiekuńcza", "globos šeima") in pairs           # synonym x synonym
    assert ("rodzinie zastępczej", "globėjų šeima") in pairs        # an inflected form
    assert ("wyłącznie \"polski\" <termin>", "") in pairs


def test_forms_as_variants_only_for_the_source_language(tmp_path):
    path = tmp_path / "f.tbx"
    formats.get("tbx2").write(sample_concepts(), path,
                              WriteOptions(with_forms=True, source_lang="pl"))
    text = path.read_text(encoding="utf-8")
    assert text.count("<term>rodzinie zastępczej</term>") == 1
    assert "<term>globėjų šeimos</term>" not in text             # lt forms stay in the note
    assert '<hi type="entailedTerm">globėjų šeimos</hi>' in text
    assert "<ntig>" in text and "<termGrp>" in text                # forbidden / proper noun


DCT_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0"
     xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <tbxHeader><fileDesc><sourceDesc><p>DCT</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="k1">
      <min:subjectField>social assistance</min:subjectField>
      <langSec xml:lang="pl">
        <basic:definition>Świadczenie pieniężne.</basic:definition>
        <termSec>
          <term>zasiłek
             celowy</term>
          <min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>
          <min:partOfSpeech>noun</min:partOfSpeech>
          <basic:grammaticalGender>masculine</basic:grammaticalGender>
          <basic:geographicalUsage>pl-LT</basic:geographicalUsage>
          <basic:context>Otrzymała zasiłek celowy.</basic:context>
          <basic:source>ustawa</basic:source>
        </termSec>
      </langSec>
      <langSec xml:lang="lt-LT">
        <termSec><term>tikslinė pašalpa</term>
          <basic:termType>fullForm</basic:termType></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_reads_tbx_dct_style_and_the_3_0_namespace(tmp_path):
    entries = read("tbx", write_file(tmp_path, "dct.tbx", DCT_TBX))
    (concept,) = items(entries)
    assert concept.subject == "social assistance"
    assert concept.definition == {"pl": "Świadczenie pieniężne."}
    pl, lt = concept.terms
    assert (pl.text, pl.status, pl.pos, pl.gender, pl.region, pl.context, pl.source) == (
        "zasiłek celowy", "preferred", "noun", "masculine", "pl-LT",
        "Otrzymała zasiłek celowy.", "ustawa")
    assert (lt.lang, lt.region, lt.type) == ("lt", "lt-LT", "fullForm")


def test_reads_tbx_without_namespace_and_v2_ntig(tmp_path):
    no_ns = DCT_TBX.replace(' xmlns="urn:iso:std:iso:30042:ed:3.0"', "")
    assert items(read("tbx", write_file(tmp_path, "nons.tbx", no_ns)))[0].id == "k1"
    martif = """<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p/>
      </sourceDesc></fileDesc></martifHeader><text><body>
      <termEntry id="IATE-1"><descripGrp><descrip type="subjectField">social affairs</descrip>
        <admin type="source">IATE</admin></descripGrp>
        <langSet xml:lang="pl"><descripGrp><descrip type="definition">Opis.</descrip>
          </descripGrp>
          <ntig><termGrp><term>opieka społeczna</term>
            <termNote type="termType">fullForm</termNote></termGrp>
            <descrip type="reliabilityCode">3</descrip></ntig>
          <tig><term>OS</term><termNote type="administrativeStatus">admittedTerm-admn-sts
            </termNote></tig></langSet>
        <langSet xml:lang="lt"><ntig><termGrp><term>socialinė globa</term></termGrp></ntig>
        </langSet></termEntry></body></text></martif>"""
    entries = read("tbx2", write_file(tmp_path, "iate.tbx", martif))
    (concept,) = items(entries)
    assert (concept.id, concept.subject, concept.sources) == ("IATE-1", "social affairs", ["IATE"])
    assert [(t.lang, t.text, t.status, t.type) for t in concept.terms] == [
        ("pl", "opieka społeczna", "", "fullForm"), ("pl", "OS", "admitted", ""),
        ("lt", "socialinė globa", "", "")]
    assert concept.definition == {"pl": "Opis."}
    assert concept.terms[0].kept == {"descrip reliabilityCode": "3"}   # known: no warning
    assert not any(e.warning for e in entries)


BAD_RECORDS_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="e1"><langSec xml:lang="pl"><termSec><term>  </term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="e2"><langSec xml:lang="pl"><termSec><term>pomoc</term>
      <termNote type="administrativeStatus">recommendedTerm-admn-sts</termNote></termSec>
    </langSec></conceptEntry>
    <conceptEntry id="e3">
      <langSec xml:lang="xx"><termSec><term>pomoc</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="e4"><langSec xml:lang="pl"><termSec><term>dobry</term></termSec>
    </langSec></conceptEntry>
  </body></text>
</tbx>
"""


def test_record_level_problems_give_error_entries_with_line_numbers(tmp_path):
    entries = read("tbx", write_file(tmp_path, "bad.tbx", BAD_RECORDS_TBX))
    errors = [(e.line, e.error) for e in entries if e.error]
    assert errors[0][0] == 5 and "empty term" in errors[0][1]
    assert errors[1][0] == 11 and "unknown language code 'xx'" in errors[1][1]
    # A status value no standard defines is kept as it is, with a warning naming it.
    assert [c.id for c in items(entries)] == ["e2", "e4"]
    (kept,) = [e for e in entries if e.item and e.item.id == "e2"]
    assert kept.item.terms[0].status == ""
    assert kept.item.terms[0].kept == {"termNote administrativeStatus":
                                       "recommendedTerm-admn-sts"}
    assert "administrativeStatus 'recommendedTerm-admn-sts' is not in the" in kept.warning


def test_supersede_status_and_free_text_region_are_kept_with_warnings(tmp_path):
    text = BAD_RECORDS_TBX.replace("recommendedTerm", "supersededTerm").replace(
        '<term>dobry</term>', '<term>dobry</term><termNote type="geographicalUsage">Wilno'
        '</termNote>')
    entries = read("tbx", write_file(tmp_path, "warn.tbx", text))
    by_id = {e.item.id: e for e in entries if e.item}
    assert by_id["e2"].item.terms[0].status == "deprecated"
    assert by_id["e2"].item.terms[0].kept == {
        "termNote administrativeStatus": "supersededTerm-admn-sts"}
    assert by_id["e4"].item.terms[0].kept == {"termNote geographicalUsage": "Wilno"}


def test_options_filter_languages_and_fill_defaults(tmp_path):
    path = tmp_path / "f.tbx"
    formats.get("tbx").write(sample_concepts(), path, WriteOptions(langs=["lt", "pl"]))
    text = path.read_text(encoding="utf-8")
    assert '<langSec xml:lang="en">' not in text
    assert text.index('<langSec xml:lang="lt">') < text.index('<langSec xml:lang="pl">')
    concepts = items(read("tbx", path, langs=["lt"], subject="default subject",
                          source="import"))
    assert all(t.lang == "lt" for c in concepts for t in c.terms)
    assert [c.subject for c in concepts] == ["child protection", "social work",
                                             "default subject"]
    assert concepts[2].sources == ["import"]


def test_xml_incompatible_character_is_refused_and_no_file_is_left(tmp_path):
    path = tmp_path / "bad.tbx"
    path.write_bytes(b"old")
    # The model refuses U+FFFF; the writer must still defend itself against unvalidated data.
    concept = Concept(id="c", terms=[Term("pl", "zły\uffffznak")])
    with pytest.raises(FormatError, match="U\\+FFFF"):
        formats.get("tbx").write([concept], path, WriteOptions())
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["bad.tbx"]


def test_duplicate_concept_ids_are_refused(tmp_path):
    concepts = [Concept(id="c", terms=[Term("pl", w)]).validate() for w in ("a", "b")]
    with pytest.raises(FormatError, match="appears twice"):
        formats.get("tbx").write(concepts, tmp_path / "d.tbx", WriteOptions())


def test_nothing_to_write_still_gives_a_valid_document(tmp_path):
    path = tmp_path / "empty.tbx"
    assert formats.get("tbx").write([], path, WriteOptions()) == 0
    assert read("tbx", path) == []


# ---------------------------------------------------------------- malformed input

def _malformed(kind: str, root: str) -> bytes:
    if kind == "truncated":
        return f'<?xml version="1.0"?>\n<{root}>\n  <body>\n    <entry>text'.encode()
    if kind == "wrong root":
        return b'<?xml version="1.0"?>\n<html><body><p>hello</p></body></html>\n'
    if kind == "billion laughs":
        lines = ['<!ENTITY lol "lol">'] + [
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
            for i in range(1, 10)]
        return (f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n' + "\n".join(lines)
                + f"\n]>\n<{root}>&lol9;</{root}>\n").encode()
    if kind == "xxe":
        return (f'<?xml version="1.0"?>\n<!DOCTYPE {root} [ <!ENTITY xxe SYSTEM '
                f'"file:///etc/passwd"> ]>\n<{root}>&xxe;</{root}>\n').encode()
    if kind == "binary junk":
        return bytes(range(256)) * 8
    if kind == "empty":
        return b""
    if kind == "undeclared entity":
        return f"<{root}>&nbsp;</{root}>".encode()
    raise AssertionError(kind)


MALFORMED = ["truncated", "wrong root", "billion laughs", "xxe", "binary junk", "empty",
             "undeclared entity"]


@pytest.mark.parametrize("kind", MALFORMED)
@pytest.mark.parametrize("fmt, root", [("tbx", "tbx"), ("tbx2", "martif"), ("tmx", "tmx"),
                                       ("xliff", "xliff")])
def test_malformed_files_give_format_error(tmp_path, fmt, root, kind):
    path = tmp_path / f"bad.{fmt}"
    path.write_bytes(_malformed(kind, root))
    with pytest.raises(FormatError) as caught:
        read(fmt, path)
    message = str(caught.value)
    if kind in ("billion laughs", "xxe"):
        assert "declares entities; refused for safety" in message
    if kind == "truncated":
        assert caught.value.line == 4
    if kind == "undefined entity":
        assert "Entity 'nbsp' not defined" in message


def test_tmx_doctype_with_system_dtd_loads_without_fetching(tmp_path):
    if not (VALIDATORS / "samples" / "sample_valid.tmx").is_file():
        pytest.skip("validator samples not present")
    entries = read("tmx", VALIDATORS / "samples" / "sample_valid.tmx")
    assert len(items(entries)) == 3


# ---------------------------------------------------------------- TMX

def test_tmx_segments_round_trip(tmp_path):
    first, second = tmp_path / "a.tmx", tmp_path / "b.tmx"
    assert formats.get("tmx").write(sample_segments(), first, WriteOptions()) == 2
    read_back = items(read("tmx", first))
    assert [s.to_dict() for s in read_back] == [s.to_dict() for s in sample_segments()]
    formats.get("tmx").write(read_back, second, WriteOptions())
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    assert '<!DOCTYPE tmx SYSTEM "tmx14.dtd">' in text
    assert ('<header creationtool="termbase" creationtoolversion="' in text
            and 'srclang="*all*" o-tmf="termbase"' in text)
    assert '<tu tuid="s1" creationdate="20240501T120000Z">' in text
    assert '<prop type="x-origin">seed:ustawa.txt</prop>' in text


def test_tmx_terms_as_pairs_and_back(tmp_path):
    path = tmp_path / "terms.tmx"
    written = formats.get("tmx").write(sample_concepts(), path,
                                       WriteOptions(terms_as_tmx=True, source_lang="pl"))
    assert written == 3                                  # the pl-only concept has no pair
    text = path.read_text(encoding="utf-8")
    assert 'segtype="phrase"' in text and 'srclang="pl"' in text
    assert "RZ" not in text and "rodzina opiekuńcza" not in text     # preferred terms only
    concepts = items(read("tmx", path, as_terms=True))
    assert [(c.id, [t.text for t in c.terms]) for c in concepts] == [
        ("c1", ["rodzina zastępcza", "globėjų šeima", "foster family"]),
        ("123", ["pracownik socjalny", "socialinis darbuotojas"]),
        ("", ["łńóśźż ĄĆĘ", "ąčęėįšųūž"])]
    assert concepts[0].subject == "child protection"


@needs_validators
def test_tmx_exports_pass_the_tmx_validator(tmp_path):
    memory, terms = tmp_path / "memory.tmx", tmp_path / "terms.tmx"
    formats.get("tmx").write(sample_segments(), memory, WriteOptions())
    formats.get("tmx").write(sample_concepts(), terms, WriteOptions(terms_as_tmx=True))
    result = run(sys.executable, VALIDATORS / "validate_tmx.py", memory, terms)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARN" not in result.stdout


@needs_validators
@needs_ttk
def test_tmx_exports_parse_in_translate_toolkit(tmp_path):
    memory, terms = tmp_path / "memory.tmx", tmp_path / "terms.tmx"
    formats.get("tmx").write(sample_segments(), memory, WriteOptions())
    formats.get("tmx").write(sample_concepts(), terms, WriteOptions(terms_as_tmx=True))
    result = run(sys.executable, VALIDATORS / "ttk_parse.py", "--src", "pl", "--tgt", "lt",
                 memory, terms)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "parsed tmxfile: 2 units" in result.stdout
    assert "parsed tmxfile: 3 units" in result.stdout


FOREIGN_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.1"><header creationtool="Other" srclang="pl-PL" segtype="sentence"
  o-tmf="x" adminlang="en" datatype="html" creationtoolversion="1"/>
<body>
  <tu tuid="7" creationdate="20230102T030405Z">
    <tuv lang="pl-PL"><seg>Wniosek o <bpt i="1">&lt;b&gt;</bpt>zasiłek<ept i="1">&lt;/b&gt;</ept>
 <ph x="2">{1}</ph>celowy<hi type="x">!</hi></seg></tuv>
    <tuv xml:lang="lt_LT"><seg>Prašymas dėl <it pos="begin">&lt;i&gt;</it>pašalpos</seg></tuv>
  </tu>
  <tu><tuv xml:lang="pl"><seg>Tylko jeden język.</seg></tuv></tu>
  <tu><tuv xml:lang="pl"><seg>To jest bardzo długie zdanie które nie jest terminem wcale.</seg>
      </tuv><tuv xml:lang="lt"><seg>Trumpas.</seg></tuv></tu>
  <tu><tuv xml:lang="qq"><seg>a</seg></tuv><tuv xml:lang="pl"><seg>b</seg></tuv></tu>
</body></tmx>
"""


def test_tmx_reads_old_lang_attribute_regional_codes_and_inline_markup(tmp_path):
    path = write_file(tmp_path, "foreign.tmx", FOREIGN_TMX)
    entries = read("tmx", path)
    first = entries[0].item
    # Varieties kept; codes become placeholders, so words never fuse, and are kept.
    assert first.texts == {"pl-PL": "Wniosek o <x1/>zasiłek<x2/>\n <x3/>celowy<g4>!</g4>",
                           "lt-LT": "Prašymas dėl <x1/>pašalpos"}
    assert first.kept["tuv"]["pl-PL"]["codes"] == [
        '<bpt i="1">&lt;b&gt;</bpt>', '<ept i="1">&lt;/b&gt;</ept>', '<ph x="2">{1}</ph>',
        '<hi type="x"/>']
    assert (first.id, first.created) == ("7", "2023-01-02T03:04:05+00:00")
    out = tmp_path / "again.tmx"
    formats.get("tmx").write([first], out, WriteOptions())
    written = out.read_text(encoding="utf-8")
    assert ('<seg>Wniosek o <bpt i="1">&lt;b&gt;</bpt>zasiłek<ept i="1">&lt;/b&gt;</ept>\n'
            ' <ph x="2">{1}</ph>celowy<hi type="x">!</hi></seg>') in written
    assert '<tuv xml:lang="lt-LT">' in written
    assert entries[1].item is None and "fewer than two languages" in entries[1].warning
    assert entries[3].line == 13 and "unknown language code 'qq'" in entries[3].error
    assert "xml:lang='qq'" in entries[3].error


def test_tmx_as_terms_refuses_sentences_and_ignores_foreign_ids(tmp_path):
    entries = read("tmx", write_file(tmp_path, "foreign.tmx", FOREIGN_TMX), as_terms=True)
    assert items(entries)[0].id == ""                  # "7" is another tool's numbering
    long = [e for e in entries if e.error and "more than 8 words" in e.error]
    assert long and long[0].line == 11


OUR_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="termbase" segtype="{segtype}" srclang="pl"
 adminlang="en" datatype="plaintext" o-tmf="termbase"/><body>
<tu><tuv xml:lang="pl"><seg>dom dla matek z małoletnimi dziećmi i kobiet w ciąży</seg></tuv>
<tuv xml:lang="lt"><seg>motinų su vaikais ir nėščiųjų namai</seg></tuv></tu></body></tmx>"""


def test_tmx_as_terms_keeps_long_statutory_names_from_our_own_term_export(tmp_path):
    """Our term export holds only terms, however long; our memory export holds sentences."""
    phrases = read("tmx", write_file(tmp_path, "terms.tmx", OUR_TMX.format(segtype="phrase")),
                   as_terms=True)
    assert [t.text for t in items(phrases)[0].terms][0].startswith("dom dla matek")
    sentences = read("tmx", write_file(tmp_path, "memory.tmx", OUR_TMX.format(segtype="sentence")),
                     as_terms=True)
    assert not items(sentences) and "more than 8 words" in sentences[0].error


# ---------------------------------------------------------------- XLIFF

XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="pl-PL" target-language="lt-LT" datatype="plaintext" original="a.docx">
    <body>
      <group id="g">
        <trans-unit id="1">
          <source>Pomoc <g id="1">społeczna</g> <x id="2"/>&amp; <bpt id="3">&lt;b&gt;</bpt>\
rodzina<ept id="3">&lt;/b&gt;</ept></source>
          <target>Socialinė <g id="1">parama</g> <x id="2"/>&amp; šeima</target>
        </trans-unit>
      </group>
      <trans-unit id="2"><source>Nieprzetłumaczone</source></trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="pl" trgLang="lt">
  <file id="f1">
    <unit id="u1">
      <segment id="s1"><source>Asystent <pc id="1">rodziny</pc>.</source>
        <target>Šeimos <pc id="1">asistentas</pc>.</target></segment>
      <ignorable><source> </source></ignorable>
      <segment id="s2"><source>Dom <ph id="2"/>dziecka.</source>
        <target>Vaikų <ph id="2"/>namai.</target></segment>
    </unit>
  </file>
</xliff>
"""


def test_xliff_12_and_20_give_segments_with_tag_placeholders(tmp_path):
    one = items(read("xliff", write_file(tmp_path, "a.xlf", XLIFF_12)))
    assert [(s.id, s.texts, s.origin) for s in one] == [
        ("1", {"pl-PL": "Pomoc <g1>społeczna</g1> <x2/>& <x3/>rodzina<x4/>",
               "lt-LT": "Socialinė <g1>parama</g1> <x2/>& šeima"}, "a.docx")]
    two = items(read("xliff", write_file(tmp_path, "b.xliff", XLIFF_20)))
    assert [(s.id, s.texts) for s in two] == [
        ("u1/s1", {"pl": "Asystent <g1>rodziny</g1>.", "lt": "Šeimos <g1>asistentas</g1>."}),
        ("u1/s2", {"pl": "Dom <x1/>dziecka.", "lt": "Vaikų <x1/>namai."})]
    assert formats.detect(tmp_path / "a.xlf").name == "xliff"
    assert formats.get("xliff").write is None


# ---------------------------------------------------------------- generated data

_ALPHABET = st.characters(blacklist_categories=("Cs", "Cc"),
                          blacklist_characters="\u2028\u2029\ufffe\uffff")
_MULTILINE = st.one_of(_ALPHABET, st.sampled_from("\n\t"))


def _text(min_size=1, max_size=20, newlines=False):
    return st.text(alphabet=_MULTILINE if newlines else _ALPHABET, min_size=min_size,
                   max_size=max_size)


_terms = st.builds(
    Term, lang=st.sampled_from(["pl", "lt", "en"]), text=_text(),
    status=st.sampled_from(["", "preferred", "admitted", "deprecated", "forbidden"]),
    type=st.sampled_from(["", "fullForm", "abbreviation", "acronym", "variant", "phrase",
                          "shortForm"]),
    pos=st.sampled_from(["", "noun", "verb", "adjective", "adverb", "properNoun", "other"]),
    gender=st.sampled_from(["", "masculine", "feminine", "neuter", "other"]),
    region=st.sampled_from(["", "pl-LT", "pl-PL", "lt-LT", "en-GB"]),
    context=_text(0, newlines=True), source=_text(0, newlines=True),
    note=_text(0, newlines=True), forms=st.lists(_text(), max_size=3))
_dates = st.sampled_from(["", "2024-05-01T12:00:00+00:00", "2023-12-31", "yesterday"])
_concepts = st.builds(
    Concept, id=st.one_of(st.just(""), st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,8}",
                                                     fullmatch=True)),
    subject=_text(0), definition=st.dictionaries(st.sampled_from(["pl", "lt", "en", "de"]),
                                                 _text(newlines=True), max_size=3),
    note=_text(0, newlines=True), sources=st.lists(_text(), max_size=2),
    terms=st.lists(_terms, min_size=1, max_size=5), created=_dates, modified=_dates,
    created_by=st.sampled_from(["", "anna", "jonas"]), modified_by=st.sampled_from(["", "ola"]))


def _valid(concept: Concept) -> bool:
    try:
        concept.validate()
    except ValidationError:
        return False
    return True


def _as_tbx_reads(concept: Concept) -> Concept:
    from termbase.formats.xmlspace import normalise

    concept = copy.deepcopy(concept)
    for holder, names in [(concept, ("subject", "note"))] + [
            (t, ("text", "context", "source", "note")) for t in concept.terms]:
        for name in names:
            setattr(holder, name, normalise(getattr(holder, name)))
    concept.definition = {k: normalise(v) for k, v in concept.definition.items()}
    concept.sources = [normalise(v) for v in concept.sources]
    for term in concept.terms:
        term.forms = [normalise(v) for v in term.forms]
    return concept


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much,
                                 HealthCheck.too_slow])
@given(concepts=st.lists(_concepts, min_size=1, max_size=3, unique_by=lambda c: c.id or id(c)),
       fmt=st.sampled_from(["tbx", "tbx2"]), with_forms=st.booleans())
def test_generated_concepts_round_trip_through_tbx(tmp_path, concepts, fmt, with_forms):
    assume(all(_valid(c) for c in concepts))
    # TBX text is read as xml:space="default" defines it: layout whitespace normalised.
    concepts = [_as_tbx_reads(c) for c in concepts]
    assume(all(_valid(c) for c in concepts))
    expected = [grouped(copy.deepcopy(c)) for c in concepts]
    first, second = tmp_path / "g1.tbx", tmp_path / "g2.tbx"
    options = WriteOptions(with_forms=with_forms)
    formats.get(fmt).write(concepts, first, options)
    entries = read(fmt, first)
    assert [e.error for e in entries if e.error] == []
    assert [grouped(c) for c in items(entries)] == expected
    formats.get(fmt).write(items(entries), second, options)
    assert first.read_bytes() == second.read_bytes()


def _tmx_note(text: str) -> str:
    from termbase.formats.xmlspace import normalise
    return normalise(text)


_segments = st.builds(
    Segment,
    texts=st.dictionaries(st.sampled_from(["pl", "lt", "en", "de"]), _text(newlines=True),
                          min_size=2, max_size=4),
    origin=_text(0).map(str.strip), created=st.sampled_from(
        ["", "2024-05-01T12:00:00+00:00", "not a date"]),
    id=st.one_of(st.just(""), _text(1, 8, newlines=True)),
    # TMX notes have no xml:space: layout whitespace in them is normalised on reading
    note=_text(0, newlines=True).map(_tmx_note))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])
@given(segments=st.lists(_segments, min_size=1, max_size=3))
def test_generated_segments_round_trip_through_tmx(tmp_path, segments):
    valid = []
    for segment in segments:
        try:
            valid.append(segment.validate())
        except ValidationError:
            pass
    assume(valid)
    first, second = tmp_path / "g1.tmx", tmp_path / "g2.tmx"
    formats.get("tmx").write(valid, first, WriteOptions())
    read_back = items(read("tmx", first))
    assert [s.to_dict() for s in read_back] == [s.to_dict() for s in valid]
    formats.get("tmx").write(read_back, second, WriteOptions())
    assert first.read_bytes() == second.read_bytes()
