"""XLIFF 1.2 and 2.x bilingual files, read-only: the translated segments of a CAT project,
for the term check (`termbase check`) and for term extraction.

Inline markup is reduced to text: elements that wrap text (g, mrk, pc) keep it; placeholders
and native codes (x, bx, ex, ph, bpt, ept, it, sc, ec, sm, em) contribute nothing. Units
without a translation are skipped: untranslated units are normal in a project file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from termbase.formats.base import Entry, Format, FormatError, ReadOptions
from termbase.formats.records import segment_entry
from termbase.formats.xmlsafe import XML_LANG, iterparse, localname, root_name, text_content
from termbase.model import Segment

WRAPPERS = frozenset({"g", "mrk", "pc"})


def read(path: Path, options: ReadOptions) -> Iterator[Entry]:
    langs = {"source": "", "target": "", "origin": Path(path).name}

    def check_root(root) -> None:
        name = localname(root.tag) if root is not None else ""
        if name != "xliff":
            raise FormatError(f"not an XLIFF file: the root element is <{name or '?'}>",
                              line=getattr(root, "sourceline", None))

    events = ("start", "end")
    for event, elem in iterparse(path, ("xliff", "file", "trans-unit", "unit"), check_root,
                                 events=events):
        name = localname(elem.tag)
        if event == "start":
            if name == "xliff":          # XLIFF 2: languages on the root
                langs["source"] = elem.get("srcLang", "")
                langs["target"] = elem.get("trgLang", "")
            elif name == "file":         # XLIFF 1.2: languages per file
                langs["source"] = elem.get("source-language", langs["source"])
                langs["target"] = elem.get("target-language", langs["target"])
                langs["origin"] = elem.get("original") or langs["origin"]
            continue
        if name == "trans-unit":
            yield from _pairs(elem, [elem], langs, options)
        elif name == "unit":
            segments = [c for c in elem if localname(c.tag) == "segment"]
            yield from _pairs(elem, segments, langs, options)


def _pairs(unit, holders, langs: dict, options: ReadOptions) -> Iterator[Entry]:
    for number, holder in enumerate(holders, 1):
        source = next((c for c in holder if localname(c.tag) == "source"), None)
        target = next((c for c in holder if localname(c.tag) == "target"), None)
        if source is None or target is None:
            continue
        source_text = text_content(source, WRAPPERS).strip()
        target_text = text_content(target, WRAPPERS).strip()
        if not (source_text and target_text):
            continue
        line = holder.sourceline or unit.sourceline or 0
        source_lang = _lang(source.get(XML_LANG) or langs["source"] or options.source_lang or "")
        target_lang = _lang(target.get(XML_LANG) or langs["target"] or options.target_lang or "")
        if not (source_lang and target_lang):
            yield Entry(line, error="no source or target language (source-language / "
                                    "target-language, srcLang / trgLang)")
            continue
        ident = unit.get("id", "")
        if holder is not unit and len(holders) > 1:
            ident = f"{ident}/{holder.get('id') or number}"
        segment = Segment(texts={source_lang: source_text, target_lang: target_text},
                          origin=langs["origin"], id=ident)
        entry = segment_entry(line, segment, options)
        if entry is not None:
            yield entry


def _lang(tag: str) -> str:
    """The tag as written (a variety such as en-GB is kept; Segment validates it)."""
    return tag.strip()


def sniff(head: bytes) -> bool:
    return root_name(head) == "xliff"


# XLIFF 1.2 / 2.x bilingual files (read only)
FORMAT = Format("xliff", (".xlf", ".xliff"), "memory", read, None, sniff)
