"""A Lithuanian document's title and headings name things in the nominative.

"Dienos centro asmenims su negalia vidaus tvarkos taisyklės" is a title: a line of nouns
and adjectives with no verb and no closing stop. Its last noun is its head, and a head
stands in the nominative, so "taisyklės", which elsewhere may be a genitive singular or a
nominative plural, is a nominative plural here: the text's own evidence that the term is
plural ("vidaus tvarkos taisyklės", not "taisyklė"), where the rest of the text uses only
forms that may be either ("Šios taisyklės nustato"). `lithuanian._document_numbers` reads
the lemma keys this module finds.
"""

from __future__ import annotations

import re

from termbase.extraction.analysis import ADJ, CONJ, NOUN, PREP, WordInfo
from termbase.extraction.stopwords import is_coordinator
from termbase.text.normalize import Token

MAX_WORDS = 15
_CLOSED = re.compile(r"[.!?:;,]\s*$")
_NUMBERING = re.compile(r"^(?:\d+|[IVXLC]+)$")  # "2", "IV" before a heading


def heading_head(text: str, tokens: list[Token], infos: list[WordInfo]) -> str | None:
    """The lemma key of a heading's head noun, or None when the passage is no heading."""
    words = [(t, i) for t, i in zip(tokens, infos) if not _NUMBERING.match(t.text)]
    if not words or len(words) > MAX_WORDS or _CLOSED.search(text):
        return None
    if not all(i.role in (NOUN, ADJ, PREP, CONJ) or is_coordinator(t.text.lower(), "lt")
               for t, i in words):
        return None
    last_token, last = words[-1]
    if last.role != NOUN or len(words) < 2 or last_token.text.isupper():
        return None
    return last.key
