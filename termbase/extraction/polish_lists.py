"""Terms a Polish text writes only inside a list of adjectives sharing one noun:
"osobom starszym, chorym, niepełnosprawnym i samotnym" holds *osoba chora*, *osoba
niepełnosprawna* and *osoba samotna* beside the contiguous *osoba starsza*.

Commas end a candidate (see `ngrams`), so each adjective after the first stands alone in
its chunk and would be read as a noun of its own ("chory"). As in `coordination`, which
reads two adjectives joined by a conjunction inside one chunk, the shared noun is given
to each listed adjective: a phrase with a gap, recorded as written.
"""

from __future__ import annotations

from termbase.extraction.analysis import ADJ, NOUN, WordInfo
from termbase.extraction.attachment import polish_agrees
from termbase.extraction.stopwords import is_coordinator
from termbase.text.normalize import Token


def listed_adjectives(text: str, tokens: list[Token], infos: list[WordInfo]
                      ) -> list[tuple[int, int]]:
    """(noun, adjective) positions for each adjective of a comma list after the first:
    the first agrees with the noun right before it, and each listed one, after a comma
    or (the last) a conjunction, agrees with that noun and is followed by no noun."""
    def gap(k: int) -> str:
        return text[tokens[k].end:tokens[k + 1].start]

    def listed(k: int, noun: int) -> bool:
        return infos[k].role == ADJ and not infos[k].participle \
            and polish_agrees(tokens[k].text, tokens[noun].text) \
            and (k + 1 >= len(tokens) or gap(k).strip() or infos[k + 1].role != NOUN)

    found: list[tuple[int, int]] = []
    if "," not in text:
        return found  # a list of adjectives after the first has a comma
    for noun in range(len(tokens) - 2):
        if infos[noun].role != NOUN or infos[noun + 1].role != ADJ or gap(noun) != " " \
                or not listed(noun + 1, noun):
            continue
        members, k = [], noun + 1
        while k + 1 < len(tokens):
            if gap(k).strip() == "," and listed(k + 1, noun):
                k += 1
            elif not gap(k).strip() and is_coordinator(tokens[k + 1].text.lower(), "pl") \
                    and members and k + 2 < len(tokens) and not gap(k + 1).strip() \
                    and listed(k + 2, noun):
                members.append(k + 2)
                break
            else:
                break
            members.append(k)
        if members and not _nouns_go_on(tokens, infos, members[-1], gap):
            found.extend((noun, member) for member in members)
    return found


def _nouns_go_on(tokens: list[Token], infos: list[WordInfo], last: int, gap) -> bool:
    """Whether the list goes on after its last adjective with a noun: "pracownik socjalny,
    dzielnicowy i pedagog" lists people, "dzielnicowy" one of them (a noun)."""
    if last + 1 >= len(tokens):
        return False
    after = last + 1 if gap(last).strip() == "," else last + 2 if not gap(last).strip() \
        and is_coordinator(tokens[last + 1].text.lower(), "pl") else None
    return after is not None and after < len(tokens) and infos[after].role == NOUN
