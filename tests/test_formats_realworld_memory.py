"""Memories and bilingual files shaped like what CAT tools write, made here by hand for the
issue-15 audit: TMX headers with notes, props, dates and creators; XLIFF 1.2 and 2.0 with
inline codes; a UTF-16 memory between pl-PL and pl-LT; xml:space; files without target
languages; two-column files with broken quoting."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termbase import Termbase, formats
from termbase.formats import FormatError, ReadOptions, delimited
from termbase.formats.cells import unguard
from termbase.model import Concept, Term
from test_formats_xml import VALIDATORS, needs_validators, run

HEADER_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8"
          datatype="xml" segtype="sentence" adminlang="en-US" srclang="pl-PL"
          creationdate="20240105T101500Z" creationid="MOPS\\akowalska"
          changedate="20240210T080000Z" changeid="jpetraitis">
    <note>Pamięć projektu
          ośrodka w Wilnie</note>
    <prop type="x-Project:SinglePicklist">{project}</prop>
  </header>
  <body>
    <tu creationdate="20240106T090000Z" creationid="akowalska" usagecount="2">
      <prop type="x-Client">Savivaldybė</prop>
      <tuv xml:lang="pl-PL" creationid="akowalska" changedate="20240107T120000Z">
        <seg>Wniosek o <bpt i="1">&lt;b&gt;</bpt>zasiłek celowy<ept i="1">&lt;/b&gt;</ept>.</seg>
      </tuv>
      <tuv xml:lang="pl-LT" changeid="jpetraitis">
        <seg>Podanie o <bpt i="1">&lt;b&gt;</bpt>zapomogę celową<ept i="1">&lt;/b&gt;</ept>.</seg>
      </tuv>
    </tu>
  </body>
</tmx>
"""


def _cli(*args, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termbase", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def _write(path: Path, text: str, codec: str = "utf-8") -> Path:
    path.write_bytes(text.encode(codec))
    return path


# ---------------------------------------------------------------- 4. TMX header

@pytest.mark.parametrize("store", ["tb.json", "tb.sqlite"])
def test_header_notes_props_dates_and_creators_come_back_in_the_header(tmp_path, store):
    source = _write(tmp_path / "sdl.tmx", HEADER_TMX.format(project="Pomoc społeczna"))
    tb = Termbase.open(tmp_path / store, seed=False)
    tb.import_file(source)
    out = tmp_path / "out.tmx"
    tb.export(out)
    (segment,) = [e.item for e in formats.get("tmx").read(out, ReadOptions())]
    assert segment.kept["header"] == {
        "attrs": {"creationdate": "20240105T101500Z", "creationid": "MOPS\\akowalska",
                  "changedate": "20240210T080000Z", "changeid": "jpetraitis"},
        "notes": ["Pamięć projektu ośrodka w Wilnie"],
        "props": [["x-Project:SinglePicklist", "Pomoc społeczna"]]}
    assert segment.kept["attrs"] == {"creationid": "akowalska", "usagecount": "2"}
    assert segment.created.startswith("2024-01-06T09:00:00")
    assert segment.kept["tuv"]["pl-PL"]["attrs"] == {"creationid": "akowalska",
                                                      "changedate": "20240107T120000Z"}
    assert segment.kept["tuv"]["pl-LT"]["attrs"] == {"changeid": "jpetraitis"}
    text = out.read_text(encoding="utf-8")
    header = text[text.index("<header"):text.index("</header>")]
    assert 'creationid="MOPS\\akowalska"' in header and "<note>Pamięć projektu" in header
    again = tmp_path / "again.tmx"
    fresh = Termbase.open(tmp_path / f"2{store}", seed=False)
    fresh.import_file(out)
    fresh.export(again)
    assert again.read_bytes() == out.read_bytes()


@needs_validators
def test_segments_of_files_with_different_headers_carry_them_on_their_units(tmp_path):
    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    tb.import_file(_write(tmp_path / "a.tmx", HEADER_TMX.format(project="Projekt A")))
    other = HEADER_TMX.format(project="Projekt B").replace("zasiłek celowy", "zasiłek stały")
    tb.import_file(_write(tmp_path / "b.tmx", other))
    out = tmp_path / "both.tmx"
    tb.export(out)
    text = out.read_text(encoding="utf-8")
    header = text[text.index("<header"):text.index("<body>")]
    assert "Projekt" not in header
    units = text.split("<tu ")[1:]
    assert ['Projekt A' in unit for unit in units] == [True, False]
    assert ['Projekt B' in unit for unit in units] == [False, True]
    result = run(sys.executable, VALIDATORS / "validate_tmx.py", out)
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------- 4. XLIFF inline codes

XLIFF_12_CODES = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="zarzadzenie.docx" source-language="pl" target-language="lt"
        datatype="x-undefined">
    <body>
      <trans-unit id="tu1">
        <source>Ośrodek<x id="1"/>pomocy społecznej<bx id="2"/>przyjmuje<ex id="2"/>wnioski.</source>
        <target>Centras<x id="1"/>socialinės paramos<bx id="2"/>priima<ex id="2"/>prašymus.</target>
      </trans-unit>
      <trans-unit id="tu2">
        <source><g id="3">Pracownik socjalny</g><ph id="4">&lt;br/&gt;</ph>odwiedza <mrk mtype="term">rodzinę</mrk>.</source>
        <target><g id="3">Socialinis darbuotojas</g><ph id="4">&lt;br/&gt;</ph>lanko <mrk mtype="term">šeimą</mrk>.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF_20_CODES = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="pl-PL">
  <file id="f1">
    <unit id="u1">
      <segment id="s1">
        <source>Ośrodek<sc id="1"/>pomocy społecznej<ec startRef="1"/>przyjmuje<ph id="2"/>wnioski.</source>
        <target>Centras<sc id="1"/>socialinės paramos<ec startRef="1"/>priima<ph id="2"/>prašymus.</target>
      </segment>
      <segment id="s2">
        <source><pc id="3">Pracownik socjalny</pc> odwiedza <mrk id="m1" translate="no">rodzinę</mrk>.</source>
        <target><pc id="3">Socialinis darbuotojas</pc> lanko <mrk id="m1" translate="no">šeimą</mrk>.</target>
      </segment>
    </unit>
  </file>
</xliff>
"""


@pytest.mark.parametrize("text, langs", [(XLIFF_12_CODES, {}),
                                         (XLIFF_20_CODES, {"target_lang": "lt"})])
def test_xliff_codes_are_placeholders_and_words_never_fuse(tmp_path, text, langs):
    path = _write(tmp_path / "job.xlf", text)
    first, second = [e.item for e in formats.get("xliff").read(path, ReadOptions(**langs))]
    source = next(v for k, v in first.texts.items() if k.startswith("pl"))
    assert source.startswith("Ośrodek<x1/>pomocy społecznej<x2/>przyjmuje<x3/>wnioski.")
    assert first.texts["lt"] == "Centras<x1/>socialinės paramos<x2/>priima<x3/>prašymus."
    assert second.texts["lt"].startswith("<g1>Socialinis darbuotojas</g1>")
    for segment in (first, second):
        for value in segment.texts.values():
            words = formats.tmxinline.plain(value).split()
            assert not any(w.startswith(("Centraspr", "Ośrodekpo", "priimapr")) for w in words)


@pytest.mark.parametrize("text, langs", [(XLIFF_12_CODES, ["--from", "pl", "--to", "lt"]),
                                         (XLIFF_20_CODES, ["--from", "pl", "--to", "lt"])])
def test_the_check_reads_terms_between_codes(tmp_path, text, langs):
    path = _write(tmp_path / "job.xlf", text)
    result = _cli("check", path, *langs, "--json", db=tmp_path / "tb.json")
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["segments"] == 2
    flagged = " | ".join(issue.get("source_term") or "" for issue in report["issues"])
    # the term around 'pomocy społecznej' is translated (socialinės paramos ...) and
    # 'pracownik socjalny' too; a code between two words of a term is a word break
    assert "pomocy społecznej" not in flagged and "Pracownik socjalny" not in flagged
    swapped = _write(tmp_path / "wrong.xlf", text.replace("socialinės paramos", "pagalbos"))
    report = json.loads(_cli("check", swapped, *langs, "--json",
                             db=tmp_path / "tb.json").stdout)
    assert "pomocy społecznej" in " | ".join(issue.get("source_term") or ""
                                             for issue in report["issues"])


@needs_validators
def test_xliff_imported_into_the_memory_exports_as_valid_tmx_with_its_codes(tmp_path):
    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    tb.import_file(_write(tmp_path / "job.xlf", XLIFF_12_CODES))
    out = tmp_path / "memory.tmx"
    tb.export(out)
    text = out.read_text(encoding="utf-8")
    assert "Centras<ph type=\"x-xliff-x\"/>socialinės paramos" in text
    assert '<hi type="x-xliff-g">Socialinis darbuotojas</hi>' in text
    assert "<ph type=\"x-xliff-ph\">&lt;br/&gt;</ph>" in text
    result = run(sys.executable, VALIDATORS / "validate_tmx.py", out)
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------- 2. two varieties

MEMOQ_UTF16 = """<?xml version="1.0" encoding="utf-16"?>
<tmx version="1.4">
<header creationtool="MemoQ" creationtoolversion="9.12.10" segtype="sentence"
        o-tmf="MemoQTM" adminlang="en-us" srclang="pl-pl" datatype="unknown">
  <prop type="defclient">Wilno</prop>
</header>
<body>
<tu changedate="20240311T101010Z" creationdate="20240311T101010Z" creationid="AK">
<tuv xml:lang="pl-pl"><seg>Wniosek dotyczy akredytacji usług społecznych.</seg></tuv>
<tuv xml:lang="pl-lt"><seg>Wniosek dotyczy akredytacji usług socjalnych.</seg></tuv>
</tu>
<tu changedate="20240311T101510Z" creationdate="20240311T101510Z" creationid="AK">
<tuv xml:lang="pl-pl"><seg>Wniosek dotyczy akredytacji usług społecznych w gminie.</seg></tuv>
<tuv xml:lang="pl-lt"><seg>Wniosek dotyczy akredytacji usług społecznych w rejonie.</seg></tuv>
</tu>
</body>
</tmx>
"""


@pytest.fixture
def regional_db(tmp_path) -> Path:
    db = tmp_path / "regional.json"
    Termbase.open(db, seed=False).add(Concept(id="acc-1", terms=[
        Term("pl", "akredytacja usług socjalnych", status="preferred", region="pl-LT"),
        Term("pl", "akredytacja usług społecznych", status="admitted", region="pl-PL"),
        Term("lt", "socialinių paslaugų akreditavimas", status="preferred")]))
    return db


def test_a_utf16_memory_between_pl_pl_and_pl_lt_imports_and_is_checked(tmp_path, regional_db):
    path = _write(tmp_path / "memoq.tmx", MEMOQ_UTF16, "utf-16")
    imported = _cli("import", path, "--json", db=regional_db)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["segments_added"] == 2
    texts = [s.texts for s in Termbase.open(regional_db).store.segments()]
    assert all(set(t) == {"pl-PL", "pl-LT"} for t in texts)
    checked = _cli("check", path, "--from", "pl-PL", "--to", "pl-LT", "--json", db=regional_db)
    assert checked.returncode == 1, checked.stderr
    report = json.loads(checked.stdout)
    assert report["segments"] == 2
    # the second unit keeps the Poland term in the Lithuanian-Polish text: flagged as the
    # other variety's term, with the pl-LT term expected; the first uses it and passes
    (issue,) = report["issues"]
    assert issue["kind"] == "other-variant" and "w rejonie" in issue["target"]
    assert issue["expected"] == ["akredytacja usług socjalnych"]


@pytest.mark.parametrize("pair, written", [(("pl-PL", "pl-LT"), 2), (("pl", "pl"), 2),
                                           (("pl", "lt"), 0), (("pl-LT", "lt"), 0)])
def test_a_memory_export_for_a_pair_takes_units_with_a_text_for_each_side(tmp_path, pair,
                                                                         written):
    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    tb.import_file(_write(tmp_path / "memoq.tmx", MEMOQ_UTF16, "utf-16"))
    result = tb.export(tmp_path / "out.tmx", source_lang=pair[0], target_lang=pair[1])
    assert result.written == written


PLAIN_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" segtype="sentence"
  o-tmf="OmegaT TMX" adminlang="EN-US" srclang="PL" datatype="plaintext"/>
<body><tu><tuv xml:lang="PL"><seg>Dom dziennego pobytu jest otwarty.</seg></tuv>
<tuv xml:lang="LT"><seg>Dienos centras yra atidarytas.</seg></tuv></tu></body></tmx>
"""


@pytest.mark.parametrize("source", ["pl", "pl-LT", "pl-PL"])
def test_a_text_of_no_variety_serves_a_project_set_to_a_variety(tmp_path, source):
    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    tb.import_file(_write(tmp_path / "omegat.tmx", PLAIN_TMX))
    out = tmp_path / "out.tmx"
    assert tb.export(out, source_lang=source, target_lang="lt").written == 1
    assert '<tuv xml:lang="pl">' in out.read_text(encoding="utf-8")     # its own tag


def test_a_plain_check_between_two_varieties_of_one_language_asks_for_them(tmp_path):
    path = _write(tmp_path / "memoq.tmx", MEMOQ_UTF16, "utf-16")
    result = _cli("check", path, "--from", "pl", "--to", "pl", db=tmp_path / "tb.json")
    assert result.returncode == 1
    assert "--from pl-PL --to pl-LT" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- 6. languages a file lacks

XLIFF_12_NO_TARGET = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="ulotka.docx" source-language="pl-PL" datatype="plaintext">
    <body><trans-unit id="1">
      <source>Wniosek dotyczy akredytacji usług społecznych.</source>
      <target>Wniosek dotyczy akredytacji usług społecznych.</target>
    </trans-unit></body>
  </file>
</xliff>
"""


def test_check_takes_the_target_variety_from_the_command_line(tmp_path, regional_db):
    path = _write(tmp_path / "job.xlf", XLIFF_12_NO_TARGET)
    result = _cli("check", path, "--from", "pl-PL", "--to", "pl-LT", "--json", db=regional_db)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert (report["from"], report["to"], report["segments"]) == ("pl-PL", "pl-LT", 1)
    assert [i["expected"] for i in report["issues"]] == [["akredytacja usług socjalnych"]]


@pytest.mark.parametrize("suffix, sep", [(".csv", ","), (".tsv", "\t")])
def test_check_refuses_a_two_column_file_with_a_quote_left_open(tmp_path, suffix, sep):
    rows = [["pl", "lt"], ["pomoc społeczna", "socialinė parama"],
            ["asystent rodziny", '"šeimos asistentas'], ["opiekun", "globėjas"]]
    path = tmp_path / f"job{suffix}"
    path.write_text("\n".join(sep.join(row) for row in rows) + "\n", encoding="utf-8")
    result = _cli("check", path, "--from", "pl", "--to", "lt", db=tmp_path / "tb.json")
    assert result.returncode == 1
    assert "line 3" in result.stderr and "never closed" in result.stderr


# ---------------------------------------------------------------- 5. whitespace

def test_xml_space_preserve_keeps_the_layout_of_notes_and_default_normalises(tmp_path):
    text = HEADER_TMX.format(project="P").replace(
        '<prop type="x-Client">Savivaldybė</prop>',
        '<note xml:space="preserve">Sprawdzić:\n  - nazwę\n  - datę</note>\n'
        '      <note>wcięty\n             tekst</note>')
    (entry,) = formats.get("tmx").read(_write(tmp_path / "s.tmx", text), ReadOptions())
    assert entry.item.note == "Sprawdzić:\n  - nazwę\n  - datę\nwcięty tekst"


# ---------------------------------------------------------------- generated input

_CELL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
                max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=2, max_size=3), min_size=1, max_size=6),
       st.sampled_from([",", "\t"]))
def test_rows_a_writer_quoted_read_back_exactly_and_an_open_quote_never_passes(table, sep):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\n").writerows(table)
    text = buffer.getvalue()
    assert [cells for _, cells in delimited.rows(io.StringIO(text, newline=""), sep)] == [
        [unguard(cell) for cell in row] for row in table]
    with pytest.raises(FormatError, match="never closed"):
        list(delimited.rows(io.StringIO(text + '"left open' + sep + "x\n", newline=""), sep))


_XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
_WORD = st.sampled_from(["pomoc", "społeczna", "rodzina", "Wilno", "a&b", "1.", "x<y"])


@st.composite
def _inline(draw, depth=0):
    """Target content of an XLIFF 2.0 segment: words, codes, and wrappers around content."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["word", "ph", "sc", "ec", "pc", "mrk"][:4 + (depth < 2)]))
        if kind == "word":
            parts.append(escape(draw(_WORD)))
        elif kind in ("pc", "mrk"):
            parts.append(f'<{kind} id="{len(parts)}">{draw(_inline(depth + 1))}</{kind}>')
        else:
            parts.append(f'<{kind} id="{len(parts)}"/>')
    return " ".join(parts)


@settings(max_examples=100, deadline=None)
@given(_inline())
def test_xliff_inline_content_gives_one_placeholder_per_code_and_keeps_every_word(tmp_path_factory,
                                                                                 target):
    target = f"słowo {target}"          # a target of codes only is an untranslated unit
    path = tmp_path_factory.mktemp("xlf") / "gen.xlf"
    path.write_text(f'<xliff xmlns="{_XLIFF_NS}" version="2.0" srcLang="pl" trgLang="lt">'
                    f'<file id="f"><unit id="u"><segment><source>źródło</source>'
                    f'<target>{target}</target></segment></unit></file></xliff>',
                    encoding="utf-8")
    (entry,) = formats.get("xliff").read(path, ReadOptions())
    text = entry.item.texts["lt"]
    codes = target.count("<ph ") + target.count("<sc ") + target.count("<ec ")
    wrappers = target.count("<pc ") + target.count("<mrk ")
    assert len(re.findall(r"<x\d+/>", text)) == codes
    assert len(re.findall(r"<g\d+>", text)) == len(re.findall(r"</g\d+>", text)) == wrappers
    words = [unescape(w) for w in re.sub(r"<[^>]+>", " ", target).split()]
    assert formats.tmxinline.plain(text).split() == words


# ---------------------------------------------------------------- XLIFF as CAT tools leave it

XLIFF12_STATES = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="ulotka.docx" source-language="pl" target-language="lt" datatype="x-docx"><body>
<trans-unit id="1"><source>Asystent rodziny</source>
  <target state="needs-translation">Asystent rodziny</target></trans-unit>
<trans-unit id="2"><source>Zasiłek rodzinny</source>
  <target state="translated">Šeimos išmoka</target></trans-unit>
<trans-unit id="3"><source>Opiekun prawny</source><target state="new"></target></trans-unit>
</body></file></xliff>
"""

XLIFF20_NO_TARGET_LANGUAGE = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en-GB">
<file id="f1">
 <unit id="u1"><segment state="translated"><source>The family allowance is paid monthly.</source>
  <target>Zasiłek rodzinny jest wypłacany co miesiąc.</target></segment></unit>
 <unit id="u2"><segment state="initial"><source>Respite care</source>
  <target>Respite care</target></segment></unit>
</file></xliff>
"""


def test_untranslated_xliff_targets_stay_out_of_the_memory(tmp_path):
    db = tmp_path / "tb.json"
    path = _write(tmp_path / "job.xlf", XLIFF12_STATES)
    done = _cli("import", path, "--json", db=db)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["segments_added"] == 1
    assert any("not translated yet" in w for w in report["warnings"])
    (segment,) = Termbase.open(db).store.segments()
    assert segment.texts == {"pl": "Zasiłek rodzinny", "lt": "Šeimos išmoka"}


def test_an_xliff_2_without_target_language_imports_with_from_and_to(tmp_path):
    db = tmp_path / "tb.json"
    path = _write(tmp_path / "job20.xlf", XLIFF20_NO_TARGET_LANGUAGE)
    done = _cli("import", path, "--from", "en-GB", "--to", "pl", "--json", db=db)
    assert done.returncode == 0, done.stderr
    (segment,) = Termbase.open(db).store.segments()
    assert segment.texts == {"en-GB": "The family allowance is paid monthly.",
                             "pl": "Zasiłek rodzinny jest wypłacany co miesiąc."}
