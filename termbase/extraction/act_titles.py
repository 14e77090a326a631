"""Titles of Polish statutes: "ustawa o wspieraniu rodziny i systemie pieczy zastępczej",
"ustawa o działalności pożytku publicznego i o wolontariacie".

A statute's title is a name, however long, and it often coordinates two subjects, which
no ordinary candidate may do (one preposition or conjunction at most, see `ngrams`): cut
at the conjunction, "ustawa o wspieraniu rodziny" would be proposed for an act that does
not exist. A title runs from "ustawa o" to the end of the longest noun phrase the words
after it make (see `polish_np.is_noun_phrase`, which takes a conjunct in the case of the
preposition's object), and is counted as a whole name, in lower case like any common
term at a sentence's start. A citation puts the act's date between its noun and its
title ("ustawy z dnia 12 marca 2004 r. o pomocy społecznej"): the title is the noun and
what follows the date (`dated_titles`).
"""

from __future__ import annotations

from typing import Callable

from termbase.extraction.analysis import ADJ, ADV, NOUN, WordInfo
from termbase.extraction.attachment import polish_agrees
from termbase.extraction.polish_np import is_noun_phrase, parse_phrase
from termbase.extraction.stopwords import DATING, is_coordinator

ACT_NOUNS = frozenset({"ustawa"})
SUBJECT_PREPOSITION = "o"
SUBJECT_CASE = frozenset({"loc"})  # "o" + the locative: what the act is about
MAX_WORDS = 12
DATE_OPENING = ("z", "dnia")
DATE_WORDS = DATING["pl"] | {"r", "roku"}
MAX_DATE_WORDS = 5  # "12 marca 2004 r"


def act_titles(words: list[str], infos: list[WordInfo]) -> list[tuple[int, int]]:
    """(first, end) word positions of each statute's title that coordinates two subjects
    (the others are ordinary candidates already)."""
    found = []
    for k in range(len(words) - 2):
        if infos[k].key not in ACT_NOUNS or words[k + 1].lower() != SUBJECT_PREPOSITION:
            continue
        ends = _candidate_ends(words, infos, k + 2)
        end = next((e for e in reversed(ends) if is_noun_phrase(words[k:e], [])), None)
        if end is not None and any(is_coordinator(w.lower(), "pl") for w in words[k:end]):
            found.append((k, end))
    return found


def _candidate_ends(words: list[str], infos: list[WordInfo], start: int) -> list[int]:
    """Where a title beginning at `start` could end: after each noun or adjective of the
    run of nominal words, adverbs, conjunctions and "o" that follows. A conjunction goes on
    with the title only before another subject, in the locative "o" governs ("[i]
    systemie pieczy"); before a genitive it joins the next thing the sentence names
    ("ustawy o ... oraz [uchwały Rady Gminy]")."""
    ends = []
    for p in range(start, min(len(words), start + MAX_WORDS)):
        low = words[p].lower()
        if infos[p].role in (NOUN, ADJ):
            ends.append(p + 1)
        elif is_coordinator(low, "pl"):
            subject = p + 1
            if subject < len(words) and words[subject].lower() == SUBJECT_PREPOSITION:
                subject += 1  # "i [o] wolontariacie"
            if subject >= len(words) or not (
                    parse_phrase(words, [], subject, SUBJECT_CASE)
                    or _coordinated_adjectives(words, infos, p, subject)):
                break
        elif not (infos[p].role == ADV or low == SUBJECT_PREPOSITION):
            break
    return ends


def _coordinated_adjectives(words: list[str], infos: list[WordInfo], conjunction: int,
                            after: int) -> bool:
    """Two adjectives of one noun around the conjunction ("rehabilitacji zawodowej [i]
    społecznej"): the title goes on (`is_noun_phrase` checks their agreement). Not when
    the second has a noun of its own after it ("ustawy o pomocy społecznej i [gminnej]
    uchwały": another act, not part of the title)."""
    own_noun = after + 1 < len(words) and infos[after + 1].role == NOUN \
        and polish_agrees(words[after], words[after + 1])
    return after == conjunction + 1 and conjunction > 0 and not own_noun \
        and infos[conjunction - 1].role == ADJ and infos[after].role == ADJ


def dated_titles(words: list[str], infos: list[WordInfo], chunk_end: Callable[[int], int]
                 ) -> list[list[int]]:
    """Positions of each statute's title cited with its date: the act's noun, then "o"
    and the title after the date ("ustawy [z dnia 8 marca 1990 r.] o samorządzie
    gminnym"), up to the punctuation that ends the chunk of "o" (`chunk_end`)."""
    found = []
    for k in range(len(words) - 4):
        if infos[k].key not in ACT_NOUNS or tuple(
                w.lower() for w in words[k + 1:k + 3]) != DATE_OPENING:
            continue
        p = k + 3
        while p < min(len(words), k + 3 + MAX_DATE_WORDS) and (
                words[p].isdigit() or words[p].lower() in DATE_WORDS):
            p += 1
        if p == k + 3 or p + 1 >= len(words) or words[p].lower() != SUBJECT_PREPOSITION:
            continue
        last = next((q for q in range(p + 1, chunk_end(p))  # "[oraz] art.": no name
                     if infos[q].name and words[q].islower()), chunk_end(p))
        title = [words[k]] + words[p:last]
        end = next((e for e in reversed(_candidate_ends(words[:last], infos, p + 1))
                    if is_noun_phrase(title[:e - p + 1], [])), None)
        if end is not None:
            found.append([k, *range(p, end)])
    return found
