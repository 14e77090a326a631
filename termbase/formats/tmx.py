"""TMX 1.4b, the translation-memory exchange format every CAT tool reads and writes.

Writes memory segments (or, with WriteOptions.terms_as_tmx, one unit per concept holding
each language's preferred term, for tools that take term pairs only as a memory). Reads
segments, or with ReadOptions.as_terms short units as concepts. Inline codes in <seg> become
numbered placeholders in the text and are kept verbatim for export (`tmxinline`).

Language tags are kept whole (en-US, pl-LT, sr-Latn), so a memory between two varieties of
one language imports. Everything else a unit carries (its attributes such as changedate and
creationid, <prop>s and <note>s of the unit and of each variant) is kept in Segment.kept and
written back; notes and props are read with xml:space normalisation.

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
from termbase import langtag
from termbase.formats import projectlangs, tmxheader, tmxinline
from termbase.formats.base import Entry, Format, FormatError, ReadOptions, WriteOptions
from termbase.formats.passes import for_passes
from termbase.formats.records import concept_entry, segment_entry
from termbase.formats.xmlsafe import (XML_LANG, XmlWriter, iterparse, lang_of, localname,
                                      root_name, sub)
from termbase.formats.xmlspace import layout_text
from termbase.model import Concept, Segment, Term, ValidationError, split_lang_tag

TOOL = "termbase"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
MAX_TERM_WORDS = 8
# Attributes TMX 1.4b allows on <tu> and <tuv> that the model has no field for.
TU_ATTRS = ("o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
            "creationtoolversion", "creationid", "changedate", "segtype", "changeid", "o-tmf",
            "srclang")
TUV_ATTRS = ("o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
             "creationtoolversion", "creationdate", "creationid", "changedate", "changeid",
             "o-tmf")
_TMX_DATE = "%Y%m%dT%H%M%SZ"
VARIETY_PROP = "x-variety"     # term pairs: the variety of a tuv written with its base tag


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
    if not options.terms_as_tmx:
        items = for_passes(items, 2)      # the <header> holds what every unit shares
    shared = {} if options.terms_as_tmx else tmxheader.shared(
        s for s in items if isinstance(s, Segment))
    units = (_term_units(items, options) if options.terms_as_tmx
             else _segment_units(items, options, shared))
    header = [("creationtool", TOOL), ("creationtoolversion", termbase.__version__),
              ("datatype", "plaintext"),
              ("segtype", "phrase" if options.terms_as_tmx else "sentence"),
              ("adminlang", "en"), ("srclang", options.source_lang or "*all*"),
              ("o-tmf", TOOL)]
    header = tmxheader.fill_header(header, shared)
    count = 0
    with atomic_open(path, "wb") as handle:
        out = XmlWriter(handle)
        out.declaration(DOCTYPE)
        with out.element("tmx", [("version", "1.4")]):
            if shared.get("notes") or shared.get("props"):
                head = etree.Element("header", dict(header))
                tmxheader.write_children(head, shared)
                out.write(head)
            else:
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
    # a wanted language takes its varieties too (pl: pl-PL and pl-LT), in the wanted order
    pool = list(dict.fromkeys(
        [tag for lang in wanted for tag in present if _serves(tag, lang)]
        if wanted else present))
    first = list(dict.fromkeys(tag for lang in pair for tag in pool if _serves(tag, lang)))
    return first + [tag for tag in pool if tag not in first]


def _serves(tag: str, wanted: str) -> bool:
    return projectlangs.text_serves(tag, wanted)


def _segment_units(items: Iterable, options: WriteOptions, shared: dict) -> Iterator:
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
        kept = segment.kept or {}
        for name in TU_ATTRS:
            if (kept.get("attrs") or {}).get(name):
                unit.set(name, kept["attrs"][name])
        notes = kept.get("notes") or ([segment.note] if segment.note else [])
        if "\n".join(notes) != segment.note:          # the note was edited since
            notes = [segment.note] if segment.note else []
        for note in notes:
            sub(unit, "note", note)
        if segment.origin:
            sub(unit, "prop", segment.origin, {"type": "x-origin"})
        for kind, value in kept.get("props") or []:
            sub(unit, "prop", value, {"type": kind})
        if kept.get("header") and kept["header"] != shared:
            tmxheader.onto_unit(unit, kept["header"])
        for lang in langs:
            _tuv(unit, lang, segment.texts[lang], (kept.get("tuv") or {}).get(lang) or {})
        yield unit


def _term_units(items: Iterable, options: WriteOptions) -> Iterator:
    for concept in items:
        if not isinstance(concept, Concept):
            continue
        chosen = {}
        for lang in _order((t.lang for t in concept.terms), options):
            best = concept.terms_in(lang)[0]
            if best.status not in ("deprecated", "forbidden"):
                chosen[lang] = best
        if len(chosen) < 2:
            continue
        unit = etree.Element("tu", {"tuid": concept.id} if concept.id else {})
        if concept.subject:
            sub(unit, "prop", concept.subject, {"type": "x-subjectField"})
        if concept.note:
            sub(unit, "note", concept.note)
        for lang, term in chosen.items():
            # base language (or the project's variety), so a CAT project set to plain `pl`
            # takes the pair; the term's own variety rides along as a prop the reader restores
            written = projectlangs.tag(lang, options)
            variety = ({"props": [[VARIETY_PROP, term.region]]}
                       if term.region and term.region != written else None)
            _tuv(unit, written, term.text, variety)
        yield unit


def _tuv(unit, lang: str, text: str, kept: dict | None = None) -> None:
    kept = kept or {}
    tuv = sub(unit, "tuv", attrib={XML_LANG: lang})
    for name in TUV_ATTRS:
        if (kept.get("attrs") or {}).get(name):
            tuv.set(name, kept["attrs"][name])
    for note in kept.get("notes") or []:
        sub(tuv, "note", note)
    for kind, value in kept.get("props") or []:
        sub(tuv, "prop", value, {"type": kind})
    tmxinline.fill(sub(tuv, "seg"), text, kept.get("codes") or [])


# ---------------------------------------------------------------- reading

def read(path: Path, options: ReadOptions) -> Iterator[Entry]:
    state = {"ours": False, "our_terms": False, "header": {}}

    def check_root(root) -> None:
        name = localname(root.tag) if root is not None else ""
        if name != "tmx":
            raise FormatError(f"not a TMX file: the root element is <{name or '?'}>",
                              line=getattr(root, "sourceline", None))

    for _, elem in iterparse(path, ("header", "tu"), check_root):
        if localname(elem.tag) == "header":
            state["ours"] = elem.get("creationtool") == TOOL
            state["our_terms"] = state["ours"] and elem.get("segtype") == "phrase"
            state["header"] = tmxheader.read(elem)
            continue
        entry = _unit(elem, options, state["ours"], state["our_terms"], state["header"])
        if entry is not None:
            yield entry


def _unit(unit, options: ReadOptions, ours: bool, our_terms: bool = False,
          header: dict | None = None) -> Entry | None:
    line = unit.sourceline or 0
    texts: dict[str, str] = {}
    props: list[list[str]] = []
    notes = []
    tuvs: dict[str, dict] = {}
    warning = None
    for child in unit:
        name = localname(child.tag)
        if name == "prop":
            props.append([child.get("type", ""), _meta_text(child)])
        elif name == "note":
            notes.append(_meta_text(child))
        elif name == "tuv":
            raw = lang_of(child)
            if not raw:
                return Entry(child.sourceline or line, error="<tuv> without xml:lang")
            try:
                lang, variety = split_lang_tag(raw)
            except ValidationError as exc:
                return Entry(child.sourceline or line, error=f"<tuv xml:lang={raw!r}>: {exc}")
            tag = variety or lang
            seg = next((c for c in child if localname(c.tag) == "seg"), None)
            text, codes = tmxinline.to_text(seg) if seg is not None else ("", [])
            if tag in texts:
                warning = f"more than one <tuv> in {tag}; the first is kept"
            elif text.strip():
                texts[tag] = text
                tuvs[tag] = _tuv_kept(child, codes)
    notes = [n for n in notes if n]
    note = "\n".join(notes)
    origin = next((v for k, v in props if k == "x-origin"), "")
    created = unit.get("creationdate") or next((v for k, v in props if k == "x-created"), "")
    if options.as_terms:
        texts = {_variety(tag, tuvs.get(tag)): text for tag, text in texts.items()}
        return _as_concept(unit, line, texts, dict(reversed(props)), note, options, ours,
                           warning, our_terms)
    if len(texts) < 2 and not (options.one_language and texts):
        return Entry(line, warning="a unit with text in fewer than two languages; skipped")
    kept = {"attrs": {k: unit.get(k) for k in TU_ATTRS if unit.get(k)},
            "props": [p for p in props if p[0] not in ("x-origin", "x-created")],
            "notes": notes if len(notes) > 1 else [],
            "tuv": {tag: data for tag, data in tuvs.items() if data},
            "header": header}
    segment = Segment(texts=texts, origin=origin,
                      created=iso_date(created) if created else "",
                      id=unit.get("tuid", ""), note=note,
                      kept={k: v for k, v in kept.items() if v})
    if len(texts) < 2:  # read for its text alone (`ReadOptions.one_language`)
        return Entry(line, item=segment, warning=warning)
    return segment_entry(line, segment, options, warning)


def _meta_text(elem) -> str:
    return layout_text(elem.text or "", elem)


def _tuv_kept(tuv, codes: list[str]) -> dict:
    """What a <tuv> carries besides its text: attributes, notes, props, inline codes."""
    data = {"attrs": {k: tuv.get(k) for k in TUV_ATTRS if tuv.get(k)},
            "notes": [_meta_text(c) for c in tuv if localname(c.tag) == "note"],
            "props": [[c.get("type", ""), _meta_text(c)] for c in tuv
                      if localname(c.tag) == "prop"],
            "codes": codes}
    return {k: v for k, v in data.items() if v}


def _variety(tag: str, tuv: dict | None) -> str:
    """A term pair's tag: the tuv's own, or the variety our term export put in a prop."""
    named = next((v for k, v in (tuv or {}).get("props", []) if k == VARIETY_PROP), "")
    return named if "-" not in tag and langtag.base(named) == tag else tag


def _as_concept(unit, line: int, texts: dict[str, str], props: dict[str, str], note: str,
                options: ReadOptions, ours: bool, warning: str | None,
                our_terms: bool = False) -> Entry | None:
    for lang, text in texts.items():  # a term export of ours may hold long statutory names
        if not our_terms and len(text.split()) > MAX_TERM_WORDS:
            return Entry(line, error=f"the {lang} text has more than {MAX_TERM_WORDS} words: "
                                     "a sentence, not a term (import the file as memory)")
    concept = Concept(id=unit.get("tuid", "") if ours else "",
                      subject=props.get("x-subjectField", ""), note=note,
                      terms=[Term(lang=langtag.base(tag),
                                  text=" ".join(tmxinline.plain(text).split()),
                                  region=tag if "-" in tag else "")
                             for tag, text in texts.items()])
    return concept_entry(line, concept, options, warning)


def sniff(head: bytes) -> bool:
    return root_name(head) == "tmx"


# TMX 1.4b translation memory (or term pairs)
FORMAT = Format("tmx", (".tmx",), "both", read, write, sniff)
