"""Titles of Lithuanian statutes: "Apsaugos nuo smurto artimoje aplinkoje įstatymas",
"paramos būstui įsigyti ar išsinuomoti įstatymas".

A statute's title is a name, however long: an ordinary candidate stops at five words, at
a second preposition or conjunction and at an infinitive, so these titles come out in
pieces ("artima aplinka įstatymas"). The Lithuanian counterpart of `act_titles`: a title
is the run of words before a singular form of "įstatymas" back to where the name
demonstrably begins, which is either after the fixed "Lietuvos Respublikos" that opens
an official citation or at a capital inside a sentence (a name's first word). Anything
else ("pagal šį įstatymą", "vadovaujantis įstatymu") has no visible start and is left to
the ordinary candidates. The words before the head stay as written (they are its
complements, in their own cases), and the head is given in the nominative.
"""

from __future__ import annotations

import re

from termbase.extraction.analysis import ADJ, NOUN, PREP, STOP, WordInfo
from termbase.extraction.stopwords import is_coordinator
from termbase.text.normalize import Token

STATUTE = "įstatymas"
# Singular forms only: "įstatymų", "įstatymai" name several acts, no one title.
_SINGULAR = frozenset({"įstatymas", "įstatymo", "įstatymui", "įstatymą", "įstatymu",
                       "įstatyme"})
CITATION_OPENING = ("lietuvos", "respublikos")
MAX_WORDS = 10  # words before the head
_ONLY_SPACE = re.compile(r"\s*")
_OR = "ar"  # "įsigyti ar išsinuomoti": a coordinator the stop list files as a particle


def statute_titles(text: str, tokens: list[Token], infos: list[WordInfo],
                   sentence_initial, max_len: int, name_max_len: int
                   ) -> list[tuple[int, int, bool]]:
    """(first, head, keep_capital) word positions of each title the ordinary candidates
    cannot hold: they take at most `max_len` words (`name_max_len` from a capital inside a
    sentence), no infinitive and one preposition or conjunction; `sentence_initial(k)`
    tells a sentence's first word."""
    found = []
    for k, token in enumerate(tokens):
        if infos[k].key != STATUTE or token.text.lower() not in _SINGULAR:
            continue
        start = _title_start(text, tokens, infos, k, sentence_initial)
        if start is None:
            continue
        cited = _after_citation_opening(tokens, start)
        if _beyond_ordinary(tokens, infos, start, k, max_len if cited else name_max_len):
            found.append((start, k, not cited))
    return found


def _title_start(text: str, tokens: list[Token], infos: list[WordInfo], head: int,
                 sentence_initial) -> int | None:
    """Where the title before `head` begins, or None when nothing marks its start."""
    for p in range(head - 1, max(-1, head - 1 - MAX_WORDS), -1):
        if not _ONLY_SPACE.fullmatch(text[tokens[p].end:tokens[p + 1].start]) \
                or not _title_word(tokens[p].text, infos[p]):
            return None
        if _after_citation_opening(tokens, p):
            return p
        if tokens[p].text[:1].isupper():
            return None if sentence_initial(p) else p
    return None


def _after_citation_opening(tokens: list[Token], p: int) -> bool:
    # (compared word by word: this runs for every candidate occurrence)
    return p >= 2 and tokens[p - 1].text.lower() == CITATION_OPENING[1] \
        and tokens[p - 2].text.lower() == CITATION_OPENING[0]


def opens_citation(tokens: list[Token], i: int, j: int) -> bool:
    """Words i..j are "Lietuvos Respublikos" and the title of what the state names after
    it: a statute, a minister, a code ("Lietuvos Respublikos socialinės apsaugos ir darbo
    ministras"), a name of its own whatever words it holds."""
    return j >= i + 2 and _after_citation_opening(tokens, i + 2)


def inside_citation(tokens: list[Token], i: int) -> bool:
    """Word i is the "Respublikos" of "Lietuvos Respublikos": a phrase from it on is a
    piece of a citation ("[Lietuvos] Respublikos socialinių paslaugų įstatymas")."""
    return _after_citation_opening(tokens, i + 1)


def cited_key(key: tuple[str, ...]) -> bool:
    """A lemma sequence that opens with "Lietuvos Respublikos"."""
    return len(key) > 2 and key[:2] == CITATION_LEMMAS


CITATION_LEMMAS = ("lietuva", "respublika")


def _title_word(word: str, info: WordInfo) -> bool:
    """A noun, adjective, preposition, coordinator or infinitive ("įsigyti"): what a
    title's complement is made of; a finite verb, a number or a pronoun ends it."""
    if not word.isalpha():
        return False
    if info.role in (NOUN, ADJ, PREP):
        return True
    low = word.lower()
    return info.role == STOP and (_joins(low) or low.endswith(("ti", "tis")))


def _beyond_ordinary(tokens: list[Token], infos: list[WordInfo], start: int, head: int,
                     max_len: int) -> bool:
    words = range(start, head + 1)
    joining = sum(infos[p].role == PREP or _joins(tokens[p].text.lower()) for p in words)
    return len(words) > max_len or joining > 1 or any(
        infos[p].role == STOP and not _joins(tokens[p].text.lower()) for p in words)


def _joins(low: str) -> bool:
    return is_coordinator(low, "lt") or low == _OR
