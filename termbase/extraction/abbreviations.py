"""Abbreviations and the names a text defines by one.

An all-capital word ("MOPS", "PCPR", "VVTAĮT", "GIMK") is the short name of an institution,
a programme or a procedure: in a social-services text nearly always a term a terminologist
records. A phrase followed by such an abbreviation in parentheses whose letters are the
initials of its words ("Powiatowe Centrum Pomocy Rodzinie (PCPR)") is the text's own
statement that the phrase is a name, as in Schwartz & Hearst's (2003) abbreviation-definition
pairs: it is a candidate whatever its length or its prepositions, ranked as a whole name.
"""

from __future__ import annotations

import re
from typing import Callable

from termbase.text.normalize import Token

# Between the phrase and its abbreviation: an opening parenthesis (and spaces); after it, a
# closing one.
_OPENING = re.compile(r"\s*\(\s*$")
_CLOSING = re.compile(r"^\s*\)")
# How far back the phrase may start: a word per letter, and as many prepositions and
# conjunctions again ("Ministerstwo Rodziny i Polityki Społecznej (MRiPS)").
MAX_WORDS_PER_LETTER = 2


_ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")


# the longest abbreviation (the longest in use are about ten letters: "PFRON", "MRPiPS")
LONGEST = 20


def is_abbreviation(word: str) -> bool:
    """Two or more letters, every one a capital ("EFS", "NVO"), or capitals with lower-case
    letters inside that are not its first ("MRiPS"), or capitals after the lower-case "e"
    or "m" of an electronic service ("ePUAP", "eWUŚ", "mObywatel" is a name, not this);
    not a Roman numeral ("IV Wydział"). Never longer than `LONGEST` letters: a run of
    thousands of capitals is no abbreviation."""
    if len(word) > LONGEST:
        return False
    if 3 < len(word) <= 10 and word[0] in "em" and word[1:].isupper() and word.isalpha():
        return True
    return len(word) > 1 and word.isalpha() and word[0].isupper() and word[-1].isupper() \
        and sum(ch.isupper() for ch in word) >= max(2, len(word) - 2) \
        and not _ROMAN_NUMERAL.match(word)


def defined_phrase_start(text: str, tokens: list[Token], content: Callable[[int], bool],
                         start: int, end: int) -> int | None:
    """Where the phrase tokens[start:end] ends with begins, when an abbreviation in
    parentheses right after it spells the initials of its words: of its content words
    (`content(k)`: whether word k is a noun or adjective) or of all of them. None when
    nothing is defined."""
    if end >= len(tokens) or not is_abbreviation(tokens[end].text):
        return None
    if not _OPENING.search(text[tokens[end - 1].end:tokens[end].start]):
        return None
    after = text[tokens[end].end:tokens[end + 1].start] if end + 1 < len(tokens) \
        else text[tokens[end].end:]
    if not _CLOSING.search(after):
        return None
    letters = tokens[end].text.lower()
    first = max(start, end - MAX_WORDS_PER_LETTER * len(letters))
    for i in range(end - 1, first - 1, -1):
        if not content(i):
            continue
        words = range(i, end)
        initials = "".join(tokens[k].text[0].lower() for k in words if content(k))
        every = "".join(tokens[k].text[0].lower() for k in words)
        if letters in (initials, every):
            return i
    return None
