"""XLIFF 1.2 and 2.x bilingual files, read-only: the translated segments of a CAT project,
for the term check (`termbase check`) and for term extraction.

Inline markup becomes tag placeholders, as TMX's does (`tmxinline`): elements that wrap
text (g, mrk, pc) become `<gN>`...`</gN>` around it, placeholders and native codes (x, bx,
ex, ph, bpt, ept, it, sc, ec, sm, em) `<xN/>`; so words on either side of a code never
fuse ("Centras<x1/>priima"), and the check and the memory see tags as tags. Imported into
the memory, they are kept as their nearest TMX codes (<hi>, and <ph> holding any native
code text) for a TMX export. Units without a translation are skipped: untranslated units
are normal in a project file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from lxml import etree

from termbase.formats import tmxinline
from termbase.formats.base import Entry, Format, FormatError, ReadOptions
from termbase.formats.records import segment_entry
from termbase.formats.xmlsafe import XML_LANG, iterparse, localname, root_name
from termbase.model import Segment

WRAPPERS = frozenset({"g", "mrk", "pc"})
# Target states that say the text is not a translation yet (a copy of the source, or
# empty): XLIFF 1.2's new / needs-translation, XLIFF 2's initial.
UNTRANSLATED = frozenset({"new", "needs-translation", "initial"})


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
        line = holder.sourceline or unit.sourceline or 0
        if options.one_language and source is not None:
            entry = _source_alone(unit, holder, source, target, langs, options, line)
            if entry is not None:
                yield entry
                continue
        if source is None or target is None:
            continue
        state = target.get("state") or holder.get("state") or ""
        if state in UNTRANSLATED:
            yield Entry(line, warning=f"target not translated yet (state {state!r}): left "
                                      "out")
            continue
        source_text, source_codes = _placeheld(source)
        target_text, target_codes = _placeheld(target)
        if not (tmxinline.plain(source_text).strip() and tmxinline.plain(target_text).strip()):
            continue
        source_lang = _lang(source.get(XML_LANG) or langs["source"] or options.source_lang or "")
        target_lang = _lang(target.get(XML_LANG) or langs["target"] or options.target_lang or "")
        if not (source_lang and target_lang):
            yield Entry(line, error="no source or target language (source-language / "
                                    "target-language, srcLang / trgLang)")
            continue
        ident = unit.get("id", "")
        if holder is not unit and len(holders) > 1:
            ident = f"{ident}/{holder.get('id') or number}"
        codes = {lang: {"codes": found} for lang, found in
                 ((source_lang, source_codes), (target_lang, target_codes)) if found}
        segment = Segment(texts={source_lang: source_text, target_lang: target_text},
                          origin=langs["origin"], id=ident,
                          kept={"tuv": codes} if codes else {})
        entry = segment_entry(line, segment, options)
        if entry is not None:
            yield entry


def _source_alone(unit, holder, source, target, langs: dict, options: ReadOptions,
                  line: int) -> Entry | None:
    """A unit not translated yet (no target, an empty one, or one in a state that says it
    is no translation), read for its source text alone (`ReadOptions.one_language`): a
    translator extracts terms from the file before translating it, and every such unit
    was left out ("0 of 0 candidates"). None for a translated unit: read as a pair."""
    state = (target.get("state") if target is not None else "") or holder.get("state") or ""
    if target is not None and state not in UNTRANSLATED and \
            tmxinline.plain(_placeheld(target)[0]).strip():
        return None
    text = _placeheld(source)[0]
    source_lang = _lang(source.get(XML_LANG) or langs["source"] or options.source_lang or "")
    if not (source_lang and tmxinline.plain(text).strip()):
        return None if source_lang else Entry(line, error="no source language "
                                                          "(source-language, srcLang)")
    return Entry(line, item=Segment(texts={source_lang: text}, origin=langs["origin"],
                                    id=unit.get("id", "")))


def _placeheld(elem) -> tuple[str, list[str]]:
    """The element's text with tag placeholders, and the TMX codes behind them."""
    text, codes = tmxinline.to_text(elem, WRAPPERS, _tmx_code, _tmx_shell)
    return text.strip(), codes


def _tmx_code(elem) -> str:
    """A code as TMX writes one: <ph>, holding the native code text an XLIFF 1.2 <ph>,
    <bpt>, <ept> or <it> carries."""
    ph = etree.Element("ph", {"type": f"x-xliff-{localname(elem.tag)}"})
    native = "".join(elem.itertext())
    if native:
        ph.text = native
    return etree.tostring(ph, encoding="unicode")


def _tmx_shell(elem) -> str:
    return f'<hi type="x-xliff-{localname(elem.tag)}"/>'


def _lang(tag: str) -> str:
    """The tag as written (a variety such as en-GB is kept; Segment validates it)."""
    return tag.strip()


def sniff(head: bytes) -> bool:
    return root_name(head) == "xliff"


# XLIFF 1.2 / 2.x bilingual files (read only)
FORMAT = Format("xliff", (".xlf", ".xliff"), "memory", read, None, sniff)
