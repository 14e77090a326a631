"""Terms with a word in parentheses inside: "globos (rūpybos) išmoka".

A word in parentheses in the same case as the word before it is an alternative name of
that word (*globa* or *rūpyba*), not a break in the phrase: the term runs on past the
parenthesis ("globos išmoka", "globos išmokos tikslinis priedas"). Punctuation ends every
other candidate (see `ngrams`), so these phrases, with a gap where the parenthesis is, are
built here.
"""

from __future__ import annotations

import re

from termbase.extraction.analysis import ADJ, NOUN, WordInfo
from termbase.text.normalize import Token

_OPEN = re.compile(r"^\s*\(\s*$")
_CLOSE = re.compile(r"^\s*\)\s*$")
MAX_INSIDE = 2      # words of the alternative
MAX_AFTER = 3       # words of the phrase after the parenthesis
_SAME_CASE = 2      # the last letters an alternative in the same case shares


def across_parentheses(text: str, tokens: list[Token], infos: list[WordInfo], lang: str
                       ) -> list[list[int]]:
    """Word positions of the phrases that run on past an alternative in parentheses: the
    word before it with one to MAX_AFTER nouns and adjectives after it, ending with a noun
    (in Polish also with the adjective after its noun: "dodatek (zasiłek) rodzinny")."""
    ends = (NOUN, ADJ) if lang == "pl" else (NOUN,)
    found = []
    nominal = (NOUN, ADJ)
    for k in range(len(tokens) - 2):
        if infos[k].role not in nominal or not _OPEN.match(_gap(text, tokens, k)):
            continue
        close = next((m for m in range(k + 1, min(k + 2 + MAX_INSIDE, len(tokens) - 1))
                      if _CLOSE.match(_gap(text, tokens, m))), None)
        if close is None or close + 1 >= len(tokens):
            continue
        inside = range(k + 1, close + 1)
        if not all(infos[m].role in nominal for m in inside) or tokens[close].text.lower()[
                -_SAME_CASE:] != tokens[k].text.lower()[-_SAME_CASE:]:
            continue
        for last in range(close + 1, min(close + 1 + MAX_AFTER, len(tokens))):
            if infos[last].role not in nominal or (
                    last > close + 1 and _gap(text, tokens, last - 1).strip()):
                break
            if infos[last].role in ends:
                found.append([k, *range(close + 1, last + 1)])
    return found


def _gap(text: str, tokens: list[Token], k: int) -> str:
    """What stands between word k and the next."""
    return text[tokens[k].end:tokens[k + 1].start]
