"""Terms with a word in parentheses inside: "globos (rūpybos) išmoka".

A word in parentheses in the same case as the word before it is an alternative name of
that word (*globa* or *rūpyba*), not a break in the phrase: the term runs on past the
parenthesis. Punctuation ends every other candidate (see `ngrams`), so these phrases, with
a gap where the parenthesis is, are built here. Where every occurrence of the term has the
alternative, its base form keeps it, as the legal doublet it is ("globos (rūpybos)
išmoka", "laikinoji globa (rūpyba)"); otherwise the term is shown without it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from termbase.extraction.analysis import ADJ, NOUN, WordInfo, analyse
from termbase.text.normalize import Token, tokenize

_OPEN = re.compile(r"^\s*\(\s*$")
_CLOSE = re.compile(r"^\s*\)\s*$")
_CLOSING = re.compile(r"^\s*\)")  # the parenthesis closes; punctuation may follow
MAX_INSIDE = 2      # words of the alternative
MAX_AFTER = 3       # words of the phrase after the parenthesis
MAX_BEFORE = 2      # words of the phrase before the word the alternative follows
_NOMINAL = (NOUN, ADJ)
_SAME_CASE = 2      # the last letters an alternative in the same case shares


def across_parentheses(text: str, tokens: list[Token], infos: list[WordInfo], lang: str
                       ) -> list[list[int]]:
    """Word positions of the phrases that run on past an alternative in parentheses: the
    word before it, with up to MAX_BEFORE nouns and adjectives (no participles) before
    that word ("[specialusis nuolatinės] priežiūros (pagalbos) poreikis"; the shorter
    ones come first, each a piece of the next), and one to MAX_AFTER
    nouns and adjectives after it, ending with a noun (in Polish also with the adjective
    after its noun: "dodatek (zasiłek) rodzinny")."""
    ends = (NOUN, ADJ) if lang == "pl" else (NOUN,)
    found = []
    for k, close in alternatives(text, tokens, infos):
        if not runs_on_after(text, tokens, close):
            continue
        firsts = [k]
        while len(firsts) <= MAX_BEFORE and firsts[-1] > 0 \
                and infos[firsts[-1] - 1].role in _NOMINAL \
                and not infos[firsts[-1] - 1].participle \
                and not _gap(text, tokens, firsts[-1] - 1).strip():
            firsts.append(firsts[-1] - 1)
        for last in range(close + 1, min(close + 1 + MAX_AFTER, len(tokens))):
            if infos[last].role not in _NOMINAL or (
                    last > close + 1 and _gap(text, tokens, last - 1).strip()):
                break
            if infos[last].role in ends:
                found.extend([*range(first, k + 1), *range(close + 1, last + 1)]
                             for first in firsts)
    return found


def alternatives(text: str, tokens: list[Token], infos: list[WordInfo]
                 ) -> Iterator[tuple[int, int]]:
    """(the word before, the last word inside) of each alternative in parentheses: one or
    two nouns or adjectives in the case of the word before them."""
    if "(" not in text:
        return
    for k in range(len(tokens) - 1):
        if infos[k].role not in _NOMINAL or not _OPEN.match(_gap(text, tokens, k)):
            continue
        close = next((m for m in range(k + 1, min(k + 2 + MAX_INSIDE, len(tokens)))
                      if _CLOSING.match(_after(text, tokens, m))), None)
        if close is None:
            continue
        inside = range(k + 1, close + 1)
        if all(infos[m].role in _NOMINAL for m in inside) and tokens[close].text.lower()[
                -_SAME_CASE:] == tokens[k].text.lower()[-_SAME_CASE:]:
            yield k, close


def _gap(text: str, tokens: list[Token], k: int) -> str:
    """What stands between word k and the next."""
    return text[tokens[k].end:tokens[k + 1].start]


def _after(text: str, tokens: list[Token], k: int) -> str:
    """What stands after word k: up to the next word, or to the end of the text."""
    return text[tokens[k].end:tokens[k + 1].start if k + 1 < len(tokens) else len(text)]


def runs_on_after(text: str, tokens: list[Token], close: int) -> bool:
    """Whether the phrase goes on after the alternative closing at word `close`: a word
    follows with nothing but the parenthesis between ("globos (rūpybos) išmoka", not
    "globa (rūpyba), kuri" nor "globa (rūpyba).")."""
    return close + 1 < len(tokens) and bool(_CLOSE.match(_gap(text, tokens, close)))


def with_alternative(term: str, alternatives: Counter | None, freq: int,
                     seen: dict[str, int], lang: str) -> str:
    """`term` with the alternative in parentheses put back after its word, when every
    occurrence (`freq`) had the same one: as written where the word before it is as
    written (a genitive of the chain), in its base form where that word was brought to
    its base form ("globą (rūpybą)" -> "globa (rūpyba)"); else `term` as it is. The
    same alternative in several cases ("priežiūra (atokvėpis)", "priežiūrą
    (atokvėpį)") counts as one, put in its base form when it is a single word."""
    if not alternatives:
        return term
    by_lemma: Counter = Counter()
    for (position, inside), count in alternatives.items():
        by_lemma[position, _lemmas(inside, lang)] += count
    (position, lemmas), count = by_lemma.most_common(1)[0]
    inside = max((i for p, i in alternatives if p == position and _lemmas(i, lang) == lemmas),
                 key=lambda i: alternatives[position, i])
    words = tokenize(term)
    written = tokenize(max(seen, key=seen.get))
    if count < freq or position >= len(words) or len(written) != len(words):
        return term
    word, as_written = words[position].text, written[position].text
    declined = sum(p == position and _lemmas(i, lang) == lemmas for p, i in alternatives) > 1
    if word.lower() != as_written.lower() or declined:
        same_case = [i for p, i in alternatives if p == position and _lemmas(i, lang) == lemmas
                     and i.lower()[-_SAME_CASE:] == word.lower()[-_SAME_CASE:]]
        if same_case:  # the text wrote it in the base form's case ("globėjai (rūpintojai)")
            return insert_after(term, position, same_case[0])
        if word.lower() != analyse(as_written if not declined else word, lang).key \
                or (declined and len(lemmas) > 1):
            return term     # not its lemma (another number, a feminine adjective): unsure
        inside = " ".join(lemmas)
    return insert_after(term, position, inside)


def _lemmas(inside: str, lang: str) -> tuple[str, ...]:
    return tuple(analyse(t.text, lang).key for t in tokenize(inside))


def insert_after(text: str, position: int, inside: str) -> str:
    """`text` with "(inside)" after its word at `position` (as it stood in the text)."""
    words = tokenize(text)
    if position >= len(words):
        return text
    end = words[position].end
    return f"{text[:end]} ({inside}){text[end:]}"
