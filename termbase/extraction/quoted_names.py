"""A common noun followed by a name between quotation marks: "procedura „Niebieskie
Karty”", "formularz „Niebieska Karta – A”", "kampania „Dom bez przemocy”".

The quotation marks break the text into chunks (see `ngrams`), so the noun that says what
the name names would be lost, and the name alone ("Niebieska Karta") merges a procedure
with its forms. The two together are one term: the noun declines with the sentence
("procedurę „Niebieskie Karty”") and is shown in the nominative, the name is shown as
written, for it does not decline. Polish only, where morfeusz2 gives the noun's base form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termbase.extraction.analysis import NOUN, WordInfo
from termbase.text.normalize import Token

QUOTE_KEY = "„…”"    # stands for the quotation marks in a key; no word is written so
MAX_WORDS = 6         # "Gminny Program Przeciwdziałania Przemocy Domowej i ..." is a title
_OPENING = frozenset("„“«\"")
_CLOSING = frozenset("”“»\"")
_INSIDE = re.compile(r"^\s*(?:[-–—]\s*)?$")  # between the name's words: a space or a dash
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class QuotedName:
    key: tuple[str, ...]   # the noun's lemma key, QUOTE_KEY, the name's word keys
    surface: str           # as written, the noun lower-cased at a sentence start
    head: int              # token positions: the noun, the name's last word
    last: int


def quoted_names(text: str, tokens: list[Token], infos: list[WordInfo],
                 sentence_initial) -> list[QuotedName]:
    """Every common noun followed directly by a capitalised name in quotation marks of at
    most MAX_WORDS words; `sentence_initial(k)` tells whether token k opens a sentence."""
    found = []
    for head in range(len(tokens) - 1):
        if infos[head].role != NOUN or infos[head].name:
            continue
        opening = text[tokens[head].end:tokens[head + 1].start].strip()
        if opening not in _OPENING or not tokens[head + 1].text[:1].isupper():
            continue
        last = _closing(text, tokens, head + 1)
        if last is None:
            continue
        first = _name_start(text, tokens, infos, head, sentence_initial)
        word = tokens[first].text
        if first == head and sentence_initial(head):
            word = word[:1].lower() + word[1:]
        name = _SPACES.sub(" ", text[tokens[first + 1].start:_closing_end(text, tokens, last)]
                           if first < head else
                           text[tokens[head + 1].start - 1:_closing_end(text, tokens, last)])
        key = (*(info.key for info in infos[first:head + 1]), QUOTE_KEY,
               *(info.key for info in infos[head + 1:last + 1]))
        found.append(QuotedName(key, f"{word} {name}", first, last))
    return found


def _name_start(text: str, tokens: list[Token], infos: list[WordInfo], head: int,
                sentence_initial) -> int:
    """Where the name the quoted part ends begins. A capitalised noun inside a sentence
    before the quotation marks is the last word of a longer name whose first word is its
    head ("Stowarzyszenia Pomocy Bezdomnym „Przystań”": the association, not "Bezdomny
    „Przystań”"); the run of capitalised words back to a noun is taken whole, else the
    noun alone (a run that begins with an adjective is left to the noun before the
    quote)."""
    if not tokens[head].text[:1].isupper() or sentence_initial(head):
        return head
    first = head
    while first > 0 and head - first < MAX_WORDS - 1 and tokens[first - 1].text[:1].isupper() \
            and not text[tokens[first - 1].end:tokens[first].start].strip():
        first -= 1
        if sentence_initial(first):
            break
    while first < head and infos[first].role != NOUN:
        first += 1  # "Gminnego Programu": the adjective's noun is the head
    return first


def _closing(text: str, tokens: list[Token], first: int) -> int | None:
    """The last word before the closing quotation mark, if it comes soon enough."""
    for last in range(first, min(first + MAX_WORDS, len(tokens))):
        after = text[tokens[last].end:tokens[last + 1].start if last + 1 < len(tokens)
                     else len(text)]
        if after.lstrip().lstrip("+")[:1] in _CLOSING:  # („Senior+”, „Opieka 75+”)
            return last
        if not _INSIDE.match(after):
            return None
    return None


def _closing_end(text: str, tokens: list[Token], last: int) -> int:
    """Offset just past the closing quotation mark after token `last`."""
    end = tokens[last].end
    while text[end] not in _CLOSING:
        end += 1
    return end + 1


def base_form(variants: dict[str, int], head_base) -> str:
    """The noun in its base form (`head_base(forms of the noun with counts)`), the name as
    most often written."""
    heads: dict[str, int] = {}
    for variant, count in variants.items():
        word = variant.split(" ", 1)[0]
        heads[word] = heads.get(word, 0) + count
    name = max(variants, key=lambda v: (variants[v], v)).split(" ", 1)[1]
    return f"{head_base(heads)} {name}"
