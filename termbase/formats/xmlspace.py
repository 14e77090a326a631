"""Whitespace of XML element text as TBX and TMX define it: under xml:space="default" an
application may normalise it, under "preserve" it is kept exactly.

Normalising removes what pretty-printing adds (a line break followed by indentation, tabs,
runs of spaces, space at either end) and keeps a line break written without indentation,
which is how termbase (and most tools) write a note of several lines.
"""

from __future__ import annotations

import re

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_INDENTED_BREAK = re.compile(r"[ \t]*(?:\n[ \t]*)*\n[ \t]+")
_TRAILING_BREAK_SPACE = re.compile(r"[ \t]+(?=\n)")
_SPACES = re.compile(r"[ \t]{2,}|\t")


def preserved(elem) -> bool:
    """xml:space="preserve" on the element or the nearest ancestor that sets it."""
    while elem is not None:
        value = elem.get(XML_SPACE)
        if value is not None:
            return value.strip() == "preserve"
        elem = elem.getparent()
    return False


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INDENTED_BREAK.sub(" ", text)
    text = _TRAILING_BREAK_SPACE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def layout_text(text: str, elem=None) -> str:
    """The element's text as the model keeps it."""
    if elem is not None and preserved(elem):
        return text
    return normalise(text)
