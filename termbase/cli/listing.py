"""Candidates laid out for reading in a terminal: one block per candidate, any width from 80.

    12  pracownik socjalny                                  new  score 14.2  seen 4x
        seen as: pracowników socjalnych; pracownicy socjalni; pracownikom socjalnym
        raport.txt:3  …spotkania z pracownikami socjalnymi gmin rejonu…

The first line carries the base form and the figures; the second the forms seen in the
texts (the base form may be one the text never shows); the third one context, cut around
the occurrence so that it fits in two lines. The CLI prints the lines as they are in a
pipe, and styles them (term in bold, occurrence highlighted) on a terminal.
"""

from __future__ import annotations

import textwrap
from typing import NamedTuple

INDENT = 6
MAX_FORMS = 4


class Block(NamedTuple):
    head: str               # number, base form, mark and figures
    forms: str              # "seen as: ..." (wrapped lines joined by "\n")
    where: str              # "file:line  " before the context
    context: str            # the snippet, cut to fit
    start: int              # the occurrence's offsets in `context`
    end: int


def block(number: int, candidate, width: int = 80) -> Block:
    """The lines of one candidate for a terminal `width` columns wide."""
    width = max(width, 60)
    mark = ("known " + ", ".join(candidate.concept_ids[:2])) \
        if candidate.known else "new"
    figures = f"{mark}  score {candidate.score:.1f}  seen {candidate.freq}x"
    left = "\n".join(textwrap.wrap(f"{number:>4}  {candidate.term}", width,
                                   subsequent_indent=" " * INDENT))  # a long name
    last = left.rsplit("\n", 1)[-1]
    gap = width - len(last) - len(figures)
    head = left + " " * gap + figures if gap >= 2 else \
        left + "\n" + " " * INDENT + figures
    shown = candidate.forms[:MAX_FORMS]
    more = len(candidate.forms) - len(shown)
    seen = "; ".join(shown) + (f"; +{more} more" if more > 0 else "")
    forms = textwrap.fill(f"seen as: {seen}", width, initial_indent=" " * INDENT,
                          subsequent_indent=" " * (INDENT + 9))
    if not candidate.contexts:
        return Block(head, forms, "", "", 0, 0)
    context = candidate.contexts[0]
    where = f"{context.file}:{context.line}  "
    room = 2 * (width - INDENT) - len(where) - 2
    text, start, end = fit(context.text, context.start, context.end, room)
    return Block(head, forms, where, text, start, end)


def fit(text: str, start: int, end: int, room: int) -> tuple[str, int, int]:
    """`text` cut to about `room` characters around text[start:end], at spaces where it
    can be, "…" marking a cut; and the occurrence's offsets in the result."""
    if len(text) <= room:
        return text, start, end
    left = max(0, min((start + end - room) // 2, len(text) - room, start))
    right = max(end, min(len(text), left + room))
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > end else right
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return (prefix + text[left:right] + suffix, start - left + len(prefix),
            end - left + len(prefix))


def plain_lines(b: Block, width: int = 80) -> list[str]:
    """The block as lines of plain text, the context wrapped under its file:line."""
    lines = b.head.split("\n") + b.forms.split("\n")
    if b.context:
        lines += textwrap.wrap(b.where + b.context, width, initial_indent=" " * INDENT,
                               subsequent_indent=" " * (INDENT + 2))
    return lines
