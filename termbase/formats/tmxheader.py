"""What a TMX <header> says about every unit of its file: its <note>s, <prop>s (a project,
a client, a domain) and its dates and creators.

The memory has no files, only segments, so on import each segment keeps its file's header
data (Segment.kept["header"]). On export, header data that every written segment shares
goes back into the <header>, as it came; when segments from files with different headers
are written together, each unit carries its own file's data as unit-level notes, props and
attributes, which TMX reads as applying to that unit just the same.
"""

from __future__ import annotations

import json
from typing import Iterable

from termbase.formats.xmlsafe import localname, sub
from termbase.formats.xmlspace import layout_text

# <header> attributes that describe the file's history, not how termbase wrote it
ATTRS = ("creationdate", "creationid", "changedate", "changeid")


def read(header) -> dict:
    """The header data to keep with each segment of the file ({} when there is none)."""
    data = {"attrs": {name: header.get(name) for name in ATTRS if header.get(name)},
            "notes": [_text(c) for c in header if localname(c.tag) == "note" and _text(c)],
            "props": [[c.get("type", ""), _text(c)] for c in header
                      if localname(c.tag) == "prop"]}
    return {key: value for key, value in data.items() if value}


def _text(elem) -> str:
    return layout_text(elem.text or "", elem)


def shared(segments: Iterable) -> dict:
    """The header data all `segments` carry alike ({} unless they all carry the same)."""
    seen: set[str] = set()
    for segment in segments:
        seen.add(json.dumps((segment.kept or {}).get("header") or {}, sort_keys=True))
        if len(seen) > 1:
            return {}           # the rest cannot make them alike again
    return json.loads(seen.pop()) if seen else {}


def fill_header(attributes: list[tuple[str, str]], data: dict) -> list[tuple[str, str]]:
    """Header attributes with the kept dates and creators added."""
    return attributes + [(name, data["attrs"][name]) for name in ATTRS
                         if (data.get("attrs") or {}).get(name)]


def write_children(header, data: dict) -> None:
    """The kept notes and props into a <header> (or a <tu>: the same elements)."""
    for note in data.get("notes") or []:
        sub(header, "note", note)
    for kind, value in data.get("props") or []:
        sub(header, "prop", value, {"type": kind})


def onto_unit(unit, data: dict) -> None:
    """A file's header data written on one of its units (before its <tuv>s): dates and
    creators the unit does not state itself, then the notes and props."""
    for name in ATTRS:
        value = (data.get("attrs") or {}).get(name)
        if value and not unit.get(name):
            unit.set(name, value)
    write_children(unit, data)
