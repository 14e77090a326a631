"""Running text as the extractor and aligner should see it.

Text pasted from Word or a PDF often arrives decomposed (NFD: "ą" as a + U+0328) or with
invisible characters inside words (a soft hyphen, a zero-width space or joiner). The
tokenizer's word pattern stops at both, so "społecznej" came out as "spo" + "łecznej" and
no term was found. Composing and dropping those characters first keeps the words whole;
contexts are cut from this same text, so their offsets still agree.
"""

from __future__ import annotations

import re
import unicodedata

# soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM as ZWNBSP
_INSIDE_WORDS = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def as_words(text: str) -> str:
    """`text` composed (NFC) and without the invisible characters that split a word."""
    return unicodedata.normalize("NFC", _INSIDE_WORDS.sub("", text))


LONG_LINE = 20_000   # characters; a line this long is a whole document without line breaks
PIECE = 2_000        # about the length of the pieces it is cut into
_SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+")


def pieces(line: str) -> list[str]:
    """A very long line (a PDF or web page saved without line breaks) cut at sentence ends
    into pieces of about `PIECE` characters; any other line whole. Candidates never cross a
    sentence end, so nothing is lost, and counting a line costs time growing with its
    square: five megabytes on one line took minutes, cut they take as long as on many."""
    if len(line) < LONG_LINE:
        return [line]
    cut, start = [], 0
    for end in _SENTENCE_END.finditer(line):
        if end.start() - start >= PIECE:
            cut.append(line[start:end.start()])
            start = end.end()
    cut.append(line[start:])
    return [piece for piece in cut if piece.strip()]
