"""Text that is safe to show: invisible and control characters made visible. Every place
that puts user text on a terminal goes through `for_terminal`; on the rich path the result
is put in a `rich.text.Text` (never into a markup string: rich has no escape for every
text - a literal `\\[` cannot be written - and it also turns `:smile:` into an emoji).

Why: `gmi\\u200bna` looks exactly like `gmina`, a right-to-left override turns a line
around, an escape sequence in a user name or a file name can rewrite the screen, and a
term like `opieka [/b] domowa` or `[link=http://x]` is markup to rich. Stored text is kept
as written (zero-width joiners belong to the spelling in some scripts); only its display
is escaped.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional embeddings, overrides and isolates: they reorder what follows them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Code points that render as nothing (Unicode's default-ignorable code points that are not
# format characters, which are caught by category Cf below).
_IGNORABLE = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u3164\uffa0"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))         # variation selectors
    + "".join(chr(c) for c in range(0xE0100, 0xE01F0)))      # variation selectors supplement

# Categories shown escaped: controls, format characters (zero-width, bidi, soft hyphen),
# lone surrogates, line and paragraph separators. (Unassigned and private-use characters
# show a glyph or a box, and may be assigned in a newer Unicode than Python's.)
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def is_invisible(ch: str) -> bool:
    """A character that shows no glyph of its own (space aside)."""
    return ch in _IGNORABLE or unicodedata.category(ch) in _ESCAPED_CATEGORIES


def only_invisible(text: str) -> bool:
    """True for text that would show as nothing (or as blanks) on screen."""
    first = text[:1]
    if first.isalnum() and first not in _IGNORABLE:  # a letter or digit shows (most text)
        return False
    return all(ch.isspace() or is_invisible(ch) for ch in text)


_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def bidi_controls(*texts: str) -> list[str]:
    """The bidi control characters in `texts`, escaped, in order of appearance, once each
    (a quick search first: this runs on every imported record)."""
    found: list[str] = []
    for text in texts:
        for ch in _BIDI.findall(text):
            if _escape(ch) not in found:
                found.append(_escape(ch))
    return found


def _escape(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


_ASCII_CONTROL = re.compile("[\x00-\x1f\x7f]")


def for_terminal(text: object) -> str:
    """`text` with every control or invisible character written as a `\\uXXXX` escape
    (a backslash itself is left alone: escapes are for display, not for parsing back)."""
    text = str(text)
    if text.isascii() and _ASCII_CONTROL.search(text) is None:
        return text
    return "".join(_escape(ch) if is_invisible(ch) else ch for ch in text)
