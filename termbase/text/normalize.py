"""Normalisation keys and an offset-keeping tokenizer.

Every key the index stores or a query produces comes from here, so both sides agree:
`norm` is NFC + casefold; `fold` additionally drops diacritics (ą→a, ł→l, ė→e, ų→u, š→s)
so that users without a Polish or Lithuanian keyboard still find terms.

The tokenizer is a regular expression, used everywhere text is split (index, suggestions,
extraction): suggestions and extraction contexts need character offsets into the original
text, which sacremoses does not give, and importing sacremoses costs ~0.2 s, more than a
whole terminal lookup may take (see README, "Why not sacremoses").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

# Letters that carry no combining mark in NFD and so need an explicit mapping.
_SPECIAL = str.maketrans({
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ħ": "h", "ı": "i",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ŀ": "l", "ß": "ss",
})
# Typographic variants that users type differently from the source text.
PUNCT_FOLDING = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-",
    "\u2014": "-", "\u00a0": " ", "\u201e": '"', "\u201c": '"', "\u201d": '"',
})


class _CombiningMarks(dict):
    """`str.translate` table dropping combining marks: each character is classified once,
    then translated in C (a million folded terms made the per-character test costly)."""

    def __missing__(self, code: int):
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_MARKS = _CombiningMarks()
_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")


# Whether a translation table has anything to do: testing is cheaper than translating.
_PUNCT_RE = re.compile("[" + re.escape("".join(map(chr, PUNCT_FOLDING))) + "]")
_SPECIAL_RE = re.compile("[" + re.escape("".join(map(chr, _SPECIAL))) + "]")


@functools.lru_cache(maxsize=262_144)
def norm(text: str) -> str:
    """NFC + casefold + collapsed whitespace: the exact-match key."""
    # Casefold before translating (casefold('ŉ') is 'ʼn', and 'ʼ' is in PUNCT_FOLDING), and NFC
    # again after casefolding, which can decompose; so that norm(norm(x)) == norm(x).
    key = unicodedata.normalize("NFC", text).casefold()
    # Each step is skipped where it would change nothing (most terms): an import takes
    # the keys of millions of different terms, too many for the cache above.
    if _PUNCT_RE.search(key):
        key = key.translate(PUNCT_FOLDING)
    key = unicodedata.normalize("NFC", key)
    # ' ' is the only whitespace character that is printable
    if not key.isprintable() or "  " in key or key[:1] == " " or key[-1:] == " ":
        key = _SPACE_RE.sub(" ", key).strip()
    # Most terms are their own key: hand back the same string, so that a million keys held
    # beside their terms cost no second copy.
    return text if key == text else key


@functools.lru_cache(maxsize=262_144)
def fold(text: str) -> str:
    """`norm` without diacritics: the key that ignores ą/a, ł/l, ė/e, š/s ..."""
    # Strip marks before _SPECIAL, so that 'ǣ' (æ + macron) and 'ǿ' (ø + acute) reach it as
    # 'æ' and 'ø'; _SPECIAL's replacements are ASCII and carry no marks.
    key = norm(text)
    if key.isascii():  # nothing to strip or map, and norm() already trimmed it
        return key
    stripped = unicodedata.normalize("NFD", key).translate(_MARKS)
    if _SPECIAL_RE.search(stripped):
        stripped = stripped.translate(_SPECIAL)
    folded = unicodedata.normalize("NFC", stripped)
    # A mark dropped from the edge of a phrase can expose a space that norm() kept
    # inside it ("\u0301 0" -> " 0"), so whitespace is trimmed again.
    if not folded.isprintable() or "  " in folded or folded[:1] == " " or folded[-1:] == " ":
        folded = _SPACE_RE.sub(" ", folded).strip()
    return folded


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Word tokens (letters and digits) with their character offsets in `text`."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def token_texts(text: str) -> list[str]:
    """The texts of `tokenize(text)` without their offsets: what an index build needs,
    for millions of terms, without a tuple made per token."""
    return _TOKEN_RE.findall(text)


def folded_tokens(text: str) -> list[str]:
    return [fold(t.text) for t in tokenize(text)]
