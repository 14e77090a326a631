"""Inline codes of TMX segments as placeholders in the text, and back.

A segment's formatting (<bpt>/<ept> pairs, <ph>, <it>, <ut>, and <hi> around text) becomes
numbered placeholders in the text, the way CAT tools show tags: `<x1/>` for a code, `<g2>`
... `</g2>` around highlighted text. The codes themselves are kept beside the text (their
XML, verbatim) and put back on export. So words on either side of a code never fuse
("detector.<x1/>2."), units that differ only in formatting stay apart, and a memory match
sees the tags as tags.
"""

from __future__ import annotations

from lxml import etree

from termbase.formats.base import FormatError
from termbase.formats.xmlsafe import localname, set_text
from termbase.text.placeholders import PLACEHOLDER, without_tags

WRAPPER = "hi"


def _tmx_code(elem) -> str:
    return etree.tostring(elem, encoding="unicode", with_tail=False)


def _tmx_shell(elem) -> str:
    return etree.tostring(etree.Element("hi", dict(elem.attrib)), encoding="unicode")


def to_text(seg, wrappers: frozenset[str] = frozenset({WRAPPER}), code=_tmx_code,
            shell=_tmx_shell) -> tuple[str, list[str]]:
    """(text with placeholders, codes): codes[n-1] is the TMX of placeholder n; for a
    <gN> wrapper it is the <hi> start tag with its attributes. Another markup (XLIFF) names
    its wrapping elements and how its codes and wrappers are written in TMX."""
    codes: list[str] = []
    return _walk(seg, codes, wrappers, code, shell), codes


LITERAL = "text:"     # a code that stands for text which itself looks like a placeholder


def _literal(text: str, codes: list[str]) -> str:
    """Text as it is, except that text looking like a placeholder ("<x1/>" typed in a
    segment) becomes one whose code is that text, so export cannot mistake it."""
    def keep(match) -> str:
        codes.append(LITERAL + match.group(0))
        return f"<x{len(codes)}/>"
    return PLACEHOLDER.sub(keep, text) if "<" in text else text


def _walk(elem, codes: list[str], wrappers, code, shell) -> str:
    parts = [_literal(elem.text or "", codes)]
    for child in elem:
        if not isinstance(child.tag, str):
            parts.append(_literal(child.tail or "", codes))
            continue
        if localname(child.tag) in wrappers:
            codes.append(shell(child))
            number = len(codes)
            inner = _walk(child, codes, wrappers, code, shell)
            parts.append(f"<g{number}>{inner}</g{number}>")
        else:
            codes.append(code(child))
            parts.append(f"<x{len(codes)}/>")
        parts.append(_literal(child.tail or "", codes))
    return "".join(parts)


def fill(seg, text: str, codes: list[str]) -> None:
    """Write `text` into the empty element `seg`, placeholders turned back into codes.
    Placeholder-like text with no code behind it stays text."""
    stack = [seg]
    last = {id(seg): None}
    position = 0

    def add_text(value: str) -> None:
        if not value:
            return
        holder = stack[-1]
        tail_of = last[id(holder)]
        if tail_of is None:
            set_text(holder, (holder.text or "") + value)
        else:
            tail_of.tail = (tail_of.tail or "") + value

    for match in PLACEHOLDER.finditer(text):
        code, start, end = match.groups()
        number = int(code or start or end)
        if number > len(codes) or (end and (len(stack) < 2 or stack[-1].get("_n") != end)):
            continue
        add_text(text[position:match.start()])
        position = match.end()
        if codes[number - 1].startswith(LITERAL):
            add_text(codes[number - 1][len(LITERAL):])
            continue
        if end:
            done = stack.pop()
            del done.attrib["_n"]
            last[id(stack[-1])] = done
            continue
        try:
            element = etree.fromstring(codes[number - 1])
        except etree.XMLSyntaxError:
            raise FormatError(f"a kept inline code is damaged: {codes[number - 1][:40]!r}"
                              ) from None
        stack[-1].append(element)
        last[id(stack[-1])] = element
        if start:
            element.set("_n", start)
            stack.append(element)
            last[id(element)] = None
    add_text(text[position:])
    for open_one in stack[1:]:
        open_one.attrib.pop("_n", None)


plain = without_tags
