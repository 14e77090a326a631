"""TMX as CAT tools write it: regional varieties on both sides, inline codes, props and
notes on units and variants, dates and creators, UTF-16 and legacy encodings. Everything
is kept, restored on export, and the memory can be checked between two varieties."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from termbase import Termbase, formats
from termbase.formats import ReadOptions, WriteOptions
from test_formats_xml import VALIDATORS, needs_validators, run

VARIETIES_TMX = """<?xml version="1.0" encoding="{encoding}"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="SomeCAT" creationtoolversion="9" segtype="sentence" o-tmf="cat"
          adminlang="en-US" srclang="{src}" datatype="xml">
    <prop type="x-project">Social report</prop>
  </header>
  <body>
    <tu tuid="501" creationdate="20240105T101500Z" creationid="ANNA" changedate="20240302T080000Z"
        changeid="JONAS" usagecount="4">
      <note>Checked by the
            regional reviewer.</note>
      <prop type="x-domain">social services</prop>
      <tuv xml:lang="{src}" creationid="ANNA">
        <prop type="x-context">header</prop>
        <note>source side</note>
        <seg>Press <bpt i="1">&lt;b&gt;</bpt>{word}<ept i="1">&lt;/b&gt;</ept> on the detector.<ph>&lt;br/&gt;</ph>2. Touch</seg>
      </tuv>
      <tuv xml:lang="{tgt}" changedate="20240302T080000Z">
        <seg>Press <bpt i="1">&lt;b&gt;</bpt>{target}<ept i="1">&lt;/b&gt;</ept> on the detector.<ph>&lt;br/&gt;</ph>2. Touch</seg>
      </tuv>
    </tu>
    <tu>
      <tuv xml:lang="{src}"><seg>Press {word} on the detector.<ph>&lt;br/&gt;</ph>2. Touch</seg></tuv>
      <tuv xml:lang="{tgt}"><seg>Press {target} on the detector.<ph>&lt;br/&gt;</ph>2. Touch</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="{src}"><seg>Press {word} on the detector.<ph>&lt;hr/&gt;</ph>2. Touch</seg></tuv>
      <tuv xml:lang="{tgt}"><seg>Press {target} on the detector.<ph>&lt;hr/&gt;</ph>2. Touch</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def tmx(path: Path, src="en-US", tgt="en-GB", word="color", target="colour",
        encoding="UTF-8", codec="utf-8") -> Path:
    text = VARIETIES_TMX.format(src=src, tgt=tgt, word=word, target=target, encoding=encoding)
    path.write_bytes(text.encode(codec))
    return path


def segments(path: Path) -> list:
    entries = list(formats.get("tmx").read(path, ReadOptions()))
    assert [e.error for e in entries if e.error] == []
    return [e.item for e in entries if e.item is not None]


def test_a_memory_between_two_varieties_keeps_both_codes_and_metadata(tmp_path):
    first, plain, other_code = segments(tmx(tmp_path / "us-gb.tmx"))
    assert first.texts == {
        "en-US": "Press <x1/>color<x2/> on the detector.<x3/>2. Touch",
        "en-GB": "Press <x1/>colour<x2/> on the detector.<x3/>2. Touch"}
    assert "detector.2." not in first.texts["en-US"]            # never fused
    assert first.note == "Checked by the regional reviewer."      # layout normalised
    assert first.created == "2024-01-05T10:15:00+00:00"
    assert first.kept["attrs"] == {"creationid": "ANNA", "changedate": "20240302T080000Z",
                                   "changeid": "JONAS", "usagecount": "4"}
    assert first.kept["props"] == [["x-domain", "social services"]]
    assert first.kept["tuv"]["en-US"]["props"] == [["x-context", "header"]]
    assert first.kept["tuv"]["en-US"]["notes"] == ["source side"]
    assert first.kept["tuv"]["en-GB"]["attrs"] == {"changedate": "20240302T080000Z"}
    # the second and third units differ only in the code behind <x1/>
    assert plain.texts == other_code.texts
    assert plain.kept["tuv"]["en-US"]["codes"] != other_code.kept["tuv"]["en-US"]["codes"]


@pytest.mark.parametrize("encoding, codec", [("UTF-16", "utf-16"), ("UTF-16LE", "utf-16-le"),
                                             ("ISO-8859-2", "iso-8859-2"),
                                             ("windows-1257", "cp1257")])
def test_every_declared_encoding_is_read(tmp_path, encoding, codec):
    path = tmx(tmp_path / "enc.tmx", src="pl-PL", tgt="pl-LT", word="gmina", target="gmina",
               encoding=encoding, codec=codec)
    if codec == "utf-16-le":
        path.write_bytes(b"\xff\xfe" + path.read_bytes())
    first = segments(path)[0]
    assert set(first.texts) == {"pl-PL", "pl-LT"}


def test_export_restores_codes_props_notes_and_dates(tmp_path):
    original = segments(tmx(tmp_path / "in.tmx", src="pl-PL", tgt="pl-LT", word="gminie",
                            target="seniūnijoje"))
    out = tmp_path / "out.tmx"
    formats.get("tmx").write(original, out, WriteOptions())
    again = segments(out)
    assert [s.to_dict() for s in again] == [s.to_dict() for s in original]
    text = out.read_text(encoding="utf-8")
    assert '<bpt i="1">&lt;b&gt;</bpt>gminie<ept i="1">&lt;/b&gt;</ept>' in text
    assert 'changeid="JONAS"' in text and '<prop type="x-context">header</prop>' in text
    assert '<tuv xml:lang="pl-LT" changedate="20240302T080000Z">' in text
    second = tmp_path / "again.tmx"
    formats.get("tmx").write(again, second, WriteOptions())
    assert second.read_bytes() == out.read_bytes()


@needs_validators
def test_tmx_export_with_kept_data_passes_the_tmx_validator(tmp_path):
    from termbase.model import Concept, Term

    out, terms = tmp_path / "out.tmx", tmp_path / "terms.tmx"
    formats.get("tmx").write(segments(tmx(tmp_path / "in.tmx")), out, WriteOptions())
    pair = Concept(id="c1", terms=[Term("pl", "gmina", region="pl-LT"),
                                   Term("lt", "seniūnija")]).validate()
    formats.get("tmx").write([pair], terms, WriteOptions(terms_as_tmx=True))
    result = run(sys.executable, VALIDATORS / "validate_tmx.py", out, terms)
    assert result.returncode == 0, result.stdout + result.stderr


def _cli(*args, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termbase", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_variety_memory_imports_and_is_checked_between_the_varieties(tmp_path):
    db = tmp_path / "tb.json"
    path = tmx(tmp_path / "pl.tmx", src="pl-PL", tgt="pl-LT", word="gminie",
               target="seniūnijoje")
    imported = _cli("import", path, "--json", db=db)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["segments_added"] == 3
    checked = _cli("check", path, "--from", "pl-PL", "--to", "pl-LT", "--json", db=db)
    assert checked.returncode in (0, 1), checked.stderr
    assert json.loads(checked.stdout)["segments"] == 3
    same = _cli("check", path, "--from", "pl", "--to", "pl", db=db)
    assert same.returncode == 1 and "name the varieties" in same.stderr
    assert "Traceback" not in same.stderr
    exported = tmp_path / "out.tmx"
    assert _cli("export", exported, "--json", db=db).returncode == 0
    assert '<tuv xml:lang="pl-LT"' in exported.read_text(encoding="utf-8")
    memory = Termbase.open(db).store.segments()
    assert {tag for s in memory for tag in s.texts} == {"pl-PL", "pl-LT"}


XLIFF_20_NO_TARGET_LANG = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="pl">
  <file id="f1"><unit id="u1"><segment>
    <source>Pracownik socjalny odwiedził rodzinę.</source>
    <target>Socialinis darbuotojas aplankė šeimą.</target>
  </segment></unit></file>
</xliff>
"""


def test_check_uses_from_and_to_when_an_xliff_2_lacks_trglang(tmp_path):
    path = tmp_path / "job.xlf"
    path.write_text(XLIFF_20_NO_TARGET_LANG, encoding="utf-8")
    result = _cli("check", path, "--from", "pl", "--to", "lt", "--json", db=tmp_path / "t.json")
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["segments"] == 1


def test_a_malformed_xml_lang_is_named_as_written(tmp_path):
    path = tmx(tmp_path / "bad.tmx", tgt="---")
    entries = list(formats.get("tmx").read(path, ReadOptions()))
    assert all("xml:lang='---'" in e.error and "malformed language tag '---'" in e.error
               for e in entries if e.error)
    assert len([e for e in entries if e.error]) == 3


def test_term_pairs_from_tmx_keep_their_varieties(tmp_path):
    path = tmp_path / "terms.tmx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="phrase"
 o-tmf="x" adminlang="en" srclang="en-US" datatype="plaintext"/><body>
<tu><tuv xml:lang="en-US"><seg>social<ph>&#160;</ph>worker</seg></tuv>
<tuv xml:lang="es-BO"><seg>trabajador social</seg></tuv></tu>
</body></tmx>""", encoding="utf-8")
    entries = list(formats.get("tmx").read(path, ReadOptions(as_terms=True)))
    (concept,) = [e.item for e in entries if e.item]
    assert [(t.lang, t.region, t.text) for t in concept.terms] == [
        ("en", "en-US", "social worker"), ("es", "es-BO", "trabajador social")]
    out = tmp_path / "out.tmx"
    formats.get("tmx").write([concept], out, WriteOptions(terms_as_tmx=True))
    # base tags for a CAT project set to plain es; the variety comes back from a prop
    written = out.read_text(encoding="utf-8")
    assert '<tuv xml:lang="es">' in written and '<prop type="x-variety">es-BO</prop>' in written
    entries = list(formats.get("tmx").read(out, ReadOptions(as_terms=True)))
    (again,) = [e.item for e in entries if e.item]
    assert [(t.lang, t.region) for t in again.terms] == [("en", "en-US"), ("es", "es-BO")]


def test_memory_matches_see_placeholders_as_tags_not_words(tmp_path):
    from termbase.index.memory import InMemoryIndex as MemoryIndex

    first = segments(tmx(tmp_path / "m.tmx", src="pl", tgt="lt", word="gminie",
                         target="seniūnijoje"))[0]
    index = MemoryIndex({"1": first.to_dict()})
    (match,) = index.search("Press gminie on the detector. 2. Touch", "pl", "lt")
    assert match.score >= 97 and "<x1/>" in match.target  # codes differ: 97 (README)


def test_concordance_finds_text_in_a_variety_and_names_it(tmp_path):
    db = tmp_path / "tb.json"
    path = tmx(tmp_path / "c.tmx", src="pl-PL", tgt="lt-LT", word="gminie",
               target="seniūnijoje")
    assert _cli("import", path, db=db).returncode == 0
    result = _cli("concordance", "--lang", "pl", "gminie", "--json", db=db)
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    hits = hits["results"] if isinstance(hits, dict) else hits
    assert hits and hits[0]["variety"] == "pl-PL"
    assert set(hits[0]["translations"]) == {"lt"}


def test_extraction_reads_tmx_text_without_tag_placeholders(tmp_path):
    from termbase.extraction.passages import read_passages

    path = tmx(tmp_path / "x.tmx", src="pl-PL", tgt="lt", word="gminie", target="seniūnijoje")
    texts = [p.text for p in read_passages(path, "pl")]
    assert texts and not any("<x" in t or "<g" in t for t in texts)
    assert "gminie" in texts[0]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from lxml import etree  # noqa: E402

from termbase.formats import tmxinline  # noqa: E402

_words = st.text(st.sampled_from("ab <>&/x1g2.\n"), max_size=8).map(
    lambda w: w.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
_code = st.sampled_from(['<ph x="1">&lt;br/&gt;</ph>', '<bpt i="1">&lt;b&gt;</bpt>',
                         '<ept i="1">&lt;/b&gt;</ept>', '<it pos="begin">{1}</it>', '<ut/>'])


@st.composite
def _seg_xml(draw, depth=0):
    """Escaped text (which may spell placeholders such as <x1/>) around codes and <hi>."""
    parts = [draw(_words)]
    for _ in range(draw(st.integers(0, 3))):
        if depth < 2 and draw(st.booleans()):
            parts.append(f'<hi type="b">{draw(_seg_xml(depth + 1))}</hi>')
        else:
            parts.append(draw(_code))
        parts.append(draw(_words))
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(_seg_xml())
def test_inline_codes_go_to_placeholders_and_back_exactly(inner):
    seg = etree.fromstring(f"<seg>{inner}</seg>")
    text, codes = tmxinline.to_text(seg)
    again = etree.Element("seg")
    tmxinline.fill(again, text, codes)
    assert etree.tostring(again) == etree.tostring(seg)


WHOLE_INLINE_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg><hi type="bold">Caution</hi></seg></tuv>
<tuv xml:lang="lt"><seg><hi type="bold">Dėmesio</hi></seg></tuv></tu></body></tmx>
"""


def test_a_segment_that_is_one_inline_element_is_written_without_layout_space(tmp_path):
    source = tmp_path / "whole.tmx"
    source.write_text(WHOLE_INLINE_TMX, encoding="utf-8")
    read = segments(source)
    out = tmp_path / "out.tmx"
    formats.get("tmx").write(read, out, WriteOptions())
    written = out.read_text(encoding="utf-8")
    assert '<seg><hi type="bold">Caution</hi></seg>' in written
    assert '<seg><hi type="bold">Dėmesio</hi></seg>' in written
    assert [s.texts for s in segments(out)] == [s.texts for s in read]


@pytest.mark.parametrize("tag", ["seg", "term", "note", "descrip", "def"])
def test_the_xml_writer_never_pads_mixed_content_elements(tag):
    import io

    from lxml import etree

    from termbase.formats.xmlsafe import XmlWriter
    unit = etree.Element("unit")
    holder = etree.SubElement(etree.SubElement(unit, "group"), tag)
    etree.SubElement(holder, "hi", {"type": "bold"}).text = "opiekun"
    sink = io.BytesIO()
    XmlWriter(sink).write(unit)
    text = sink.getvalue().decode("utf-8")
    assert f'<{tag}><hi type="bold">opiekun</hi></{tag}>' in text
    assert "<group>\n" in text
