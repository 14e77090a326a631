"""TMX 1.4b, the translation-memory exchange format every CAT tool reads and writes.

Writes memory segments (or, with WriteOptions.terms_as_tmx, one unit per concept holding
each language's preferred term, for tools that take term pairs only as a memory). Reads
segments, or with ReadOptions.as_terms short units as concepts. Inline markup in <seg> is
reduced to its text: <hi> keeps its text, native codes (bpt, ept, ph, it, ut) are dropped.

Dates: TMX writes YYYYMMDDTHHMMSSZ (UTC); the model keeps ISO 8601, as the store writes it.
A date that does not parse is kept in <prop type="x-created">. Unit ids (tuid) become
concept ids only in files termbase wrote: other tools number their units, and those
numbers would collide with ours.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Iterable, Iterator

from lxml import etree

import termbase
from termbase.fileio import atomic_open
from termbase.formats.base import Entry, Format, FormatError, ReadOptions, WriteOptions
from termbase.formats.records import concept_entry, segment_entry
from termbase.formats.xmlsafe import (XML_LANG, XmlWriter, iterparse, lang_of, localname,
                                      root_name, sub, text_content)
from termbase.model import Concept, Segment, Term

TOOL = "termbase"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
MAX_TERM_WORDS = 8
SEG_TEXT = frozenset({"hi"})
_TMX_DATE = "%Y%m%dT%H%M%SZ"


def tmx_date(value: str) -> str | None:
    """ISO 8601 -> TMX's UTC form; None when the value is not a date."""
    try:
        moment = _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    return moment.astimezone(_dt.timezone.utc).strftime(_TMX_DATE)


def iso_date(value: str) -> str:
    """TMX's YYYYMMDDTHHMMSSZ -> ISO 8601 as the store writes it; other text as it is."""
    try:
        moment = _dt.datetime.strptime(value.strip(), _TMX_DATE)
    except ValueError:
        return value.strip()
    return moment.replace(tzinfo=_dt.timezone.utc).isoformat()


# ---------------------------------------------------------------- writing

def write(items: Iterable, path: Path, options: WriteOptions) -> int:
    units = _term_units(items, options) if options.terms_as_tmx else _segment_units(items, options)
    header = [("creationtool", TOOL), ("creationtoolversion", termbase.__version__),
              ("datatype", "plaintext"),
              ("segtype", "phrase" if options.terms_as_tmx else "sentence"),
              ("adminlang", "en"), ("srclang", options.source_lang or "*all*"),
              ("o-tmf", TOOL)]
    count = 0
    with atomic_open(path, "wb") as handle:
        out = XmlWriter(handle)
        out.declaration(DOCTYPE)
        with out.element("tmx", [("version", "1.4")]):
            out.empty("header", header)
            with out.element("body"):
                for unit in units:
                    out.write(unit)
                    count += 1
    return count


def _order(langs: Iterable[str], options: WriteOptions) -> list[str]:
    """Languages to write: options.langs (or the source/target pair) else all present, the
    source language first."""
    present = list(dict.fromkeys(langs))
    pair = [lang for lang in (options.source_lang, options.target_lang) if lang]
    wanted = options.langs or (pair if len(pair) == 2 else None)
    pool = [lang for lang in wanted if lang in present] if wanted else present
    return [lang for lang in pair if lang in pool] + [lang for lang in pool if lang not in pair]


def _segment_units(items: Iterable, options: WriteOptions) -> Iterator:
    for segment in items:
        if not isinstance(segment, Segment):
            continue
        langs = _order(segment.texts, options)
        if len(langs) < 2:
            continue
        unit = etree.Element("tu", {"tuid": segment.id} if segment.id else {})
        if segment.created:
            date = tmx_date(segment.created)
            if date:
                unit.set("creationdate", date)
            else:
                sub(unit, "prop", segment.created, {"type": "x-created"})
        if segment.origin:
            sub(unit, "prop", segment.origin, {"type": "x-origin"})
        if segment.note:
            sub(unit, "note", segment.note)
        for lang in langs:
            _tuv(unit, lang, segment.texts[lang])
        yield unit


def _term_units(items: Iterable, options: WriteOptions) -> Iterator:
    for concept in items:
        if not isinstance(concept, Concept):
            continue
        chosen = {}
        for lang in _order((t.lang for t in concept.terms), options):
            best = concept.terms_in(lang)[0]
            if best.status not in ("deprecated", "forbidden"):
                chosen[lang] = best.text
        if len(chosen) < 2:
            continue
        unit = etree.Element("tu", {"tuid": concept.id} if concept.id else {})
        if concept.subject:
            sub(unit, "prop", concept.subject, {"type": "x-subjectField"})
        if concept.note:
            sub(unit, "note", concept.note)
        for lang, text in chosen.items():
            _tuv(unit, lang, text)
        yield unit


def _tuv(unit, lang: str, text: str) -> None:
    sub(sub(unit, "tuv", attrib={XML_LANG: lang}), "seg", text)


# ---------------------------------------------------------------- reading

def read(path: Path, options: ReadOptions) -> Iterator[Entry]:
    state = {"ours": False, "our_terms": False}

    def check_root(root) -> None:
        name = localname(root.tag) if root is not None else ""
        if name != "tmx":
            raise FormatError(f"not a TMX file: the root element is <{name or '?'}>",
                              line=getattr(root, "sourceline", None))

    for _, elem in iterparse(path, ("header", "tu"), check_root):
        if localname(elem.tag) == "header":
            state["ours"] = elem.get("creationtool") == TOOL
            state["our_terms"] = state["ours"] and elem.get("segtype") == "phrase"
            continue
        entry = _unit(elem, options, state["ours"], state["our_terms"])
        if entry is not None:
            yield entry


def _unit(unit, options: ReadOptions, ours: bool, our_terms: bool = False) -> Entry | None:
    line = unit.sourceline or 0
    texts: dict[str, str] = {}
    props: dict[str, str] = {}
    notes = []
    warning = None
    for child in unit:
        name = localname(child.tag)
        if name == "prop":
            props.setdefault(child.get("type", ""), (child.text or "").strip())
        elif name == "note":
            notes.append((child.text or "").strip())
        elif name == "tuv":
            lang = lang_of(child).replace("_", "-")
            seg = next((c for c in child if localname(c.tag) == "seg"), None)
            text = text_content(seg, SEG_TEXT) if seg is not None else ""
            if not lang:
                return Entry(child.sourceline or line, error="<tuv> without xml:lang")
            base = lang.split("-")[0].lower()
            if base in texts:
                warning = f"more than one <tuv> in {base}; the first is kept"
            elif text.strip():
                texts[base] = text
    note = "\n".join(n for n in notes if n)
    if options.as_terms:
        return _as_concept(unit, line, texts, props, note, options, ours, warning, our_terms)
    if len(texts) < 2:
        return Entry(line, warning="a unit with text in fewer than two languages; skipped")
    created = unit.get("creationdate") or props.get("x-created", "")
    segment = Segment(texts=texts, origin=props.get("x-origin", ""),
                      created=iso_date(created) if created else "",
                      id=unit.get("tuid", ""), note=note)
    return segment_entry(line, segment, options, warning)


def _as_concept(unit, line: int, texts: dict[str, str], props: dict[str, str], note: str,
                options: ReadOptions, ours: bool, warning: str | None,
                our_terms: bool = False) -> Entry | None:
    for lang, text in texts.items():  # a term export of ours may hold long statutory names
        if not our_terms and len(text.split()) > MAX_TERM_WORDS:
            return Entry(line, error=f"the {lang} text has more than {MAX_TERM_WORDS} words: "
                                     "a sentence, not a term (import the file as memory)")
    concept = Concept(id=unit.get("tuid", "") if ours else "",
                      subject=props.get("x-subjectField", ""), note=note,
                      terms=[Term(lang=lang, text=text) for lang, text in texts.items()])
    return concept_entry(line, concept, options, warning)


def sniff(head: bytes) -> bool:
    return root_name(head) == "tmx"


# TMX 1.4b translation memory (or term pairs)
FORMAT = Format("tmx", (".tmx",), "both", read, write, sniff)
