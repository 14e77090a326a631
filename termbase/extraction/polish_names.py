"""Pieces of Polish official names, whose content words are all capitalised and which may
hold prepositions in lower case: "[Powiatowy Zespół] do Spraw Orzekania o
Niepełnosprawności", "Powiatowy Zespół do [Spraw Orzekania] o Niepełnosprawności". A run
of capitals that a lower-case preposition continues into more capitals, or that begins
after such a preposition, is cut from the longer name: it counts as a piece (see
`attachment.runs_on`), not as a term. (A capitalised genitive after the run is left
alone: "Wydział Spraw Społecznych [Urzędu Miasta]" is a department's whole name.) A place
after "w" ends the name, even one of common words ("Środowiskowy Dom Samopomocy w
Zielonej Strudze": the home's name is whole without it)."""

from __future__ import annotations

from typing import Callable

from termbase.extraction.analysis import ADJ, NOUN, PREP, WordInfo
from termbase.extraction.stopwords import NOT_IN_NAMES
from termbase.text import polish


# "Środowiskowy Dom Samopomocy w Zielonej Strudze": a place, not the rest of the name
PLACE_PREPOSITIONS = frozenset({"w", "we"})


def _adjective(word: str) -> bool:
    """An adjective by some reading: a name's words may be read as its proper nouns."""
    return any(r.pos in polish.ADJ_POS for r in polish.readings(word))


def capitalised(word: str) -> bool:
    """A capital first letter, the word not all in capitals (an acronym or a heading)."""
    return word[:1].isupper() and not word.isupper()


def _in_capitals(words: list[str], infos: list[WordInfo], i: int, j: int) -> bool:
    """Every noun and adjective of words i..j capitalised."""
    return all(capitalised(words[k]) for k in range(i, j + 1) if infos[k].role in (NOUN, ADJ))


def piece_of_a_name(words: list[str], infos: list[WordInfo], i: int, j: int, start: int,
                    end: int, sentence_initial: Callable[[int], bool]) -> bool:
    """Whether words i..j, every noun and adjective capitalised, are cut from a longer name
    inside the chunk start..end. A capital that only opens the sentence starts no name:
    "Wniosek o [Kartę Dużej Rodziny]" is a request for the whole name."""
    after = j + 1
    continued = after + 1 < end and infos[after].role == PREP and words[after].islower() \
        and words[after] not in PLACE_PREPOSITIONS and words[after] not in NOT_IN_NAMES \
        and capitalised(words[after + 1])
    resumed = i - 2 >= start and infos[i - 1].role == PREP and words[i - 1].islower() \
        and words[i - 1] not in NOT_IN_NAMES \
        and infos[i - 2].role in (NOUN, ADJ) and capitalised(words[i - 2]) \
        and not sentence_initial(i - 2)
    # "Powiatowy Zespół [do Spraw]", "[Zespół do] Spraw Orzekania"
    return (continued or resumed) and _in_capitals(words, infos, i, j)


def goes_on_in_capitals(words: list[str], infos: list[WordInfo], i: int, j: int, end: int,
                        longest: int) -> bool:
    """Whether words i..j, every noun and adjective capitalised, go on in the chunk with
    more capitalised words of a name (past lower-case conjunctions and prepositions), the
    whole no longer than `longest` words, so a candidate itself: "Gminny Ośrodek [Pomocy
    Społecznej]", "Wydział Rodzinny [i Nieletnich]". Cut there, the capitalised piece
    names nothing (the caller knows it was cut from a longer phrase); but a name ending
    in its adjective before a genitive names its institution, the genitive its owner
    ("Centrum Usług Socjalnych [Samorządu Rejonu Wileńskiego]"). A name too long to
    be a candidate keeps its pieces: the longest of them is what can be proposed
    ("Gminny Program Przeciwdziałania Przemocy Domowej [oraz Ochrony Osób ...]")."""
    if not _in_capitals(words, infos, i, j):
        return False
    if j + 1 < end and infos[j + 1].role == NOUN and _adjective(words[j]):
        return False  # "Centrum Usług Socjalnych [Samorządu ...]": a name and its owner's
    last, k = j, j + 1
    while k < end and last - i < longest:  # past `longest` the answer is no: stop there
        if infos[k].role in (NOUN, ADJ) and capitalised(words[k]) and not infos[k].name:
            last, k = k, k + 1
        elif words[k].islower() and k + 1 < end and capitalised(words[k + 1]) \
                and infos[k].role not in (NOUN, ADJ) and words[k] not in NOT_IN_NAMES:
            k += 1
        else:
            break
    return j < last and last - i < longest
