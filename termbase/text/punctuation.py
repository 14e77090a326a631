"""Punctuation variants folded to one spelling, for comparing translation-memory segments.

Two segments that differ only in typography ("„pomoc”" / "\"pomoc\"", "2020–2024" /
"2020-2024", a non-breaking space, "…" / "...") say the same thing; a fuzzy matcher that
compares them after `normalise_punctuation` can score them just under an identical match.
Letters, digits and the order of everything are left alone, and the text is not
lower-cased: case is a separate penalty.

Written as one translation table rather than with sacremoses' punctuation normaliser: that
one follows Moses' English and French conventions (it moves commas and full stops inside
quotes, respaces before colons), which rewrites Polish and Lithuanian text instead of
only unifying its variants, and importing it costs more than the whole normalisation.
"""

from __future__ import annotations

import re

from termbase.text.normalize import PUNCT_FOLDING as _TYPOGRAPHIC  # the variants norm() folds

_VARIANTS = str.maketrans({
    **{chr(k): v for k, v in _TYPOGRAPHIC.items()},
    "\u00ab": '"', "\u00bb": '"', "\u201f": '"', "\u2033": '"', "\u301d": '"', "\u301e": '"',
    "\uff02": '"', "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u0060": "'", "\u00b4": "'",
    "\u2039": "'", "\u203a": "'", "\uff07": "'",
    "\u2012": "-", "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    "\u2026": "...",
    "\u2002": " ", "\u2003": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ",
})
_SPACES = re.compile(r"[ \t]+")


def normalise_punctuation(text: str) -> str:
    """`text` with quotes, apostrophes, dashes, ellipses and spaces in one plain spelling
    each (runs of spaces and tabs collapsed, ends trimmed); idempotent."""
    return _SPACES.sub(" ", text.translate(_VARIANTS)).strip(" ")
