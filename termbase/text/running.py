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
