"""People in a text. Nouns that name a person by role or profession ("psycholog",
"dzielnicowy", "pedagog") are terms of the field even where general language uses the
word as often as a procedure's name (see `single_words.evidence`); a person's own name
("Marta Sosnowska", "Anna W.") never is one."""

from __future__ import annotations

import functools
from typing import Callable, Iterable

from termbase.extraction.analysis import AMBIGUOUS
from termbase.text import polish


@functools.lru_cache(maxsize=None)
def names_a_person(lemma: str, lang: str) -> bool:
    """Whether the Polish noun lemma is masculine-personal (morfeusz2's m1: the gender of
    nouns for people, roles and professions; a feminine one has its own rarer form); a
    Lithuanian one by its suffix (`lithuanian_roles.names_a_role`)."""
    if lang == "lt":
        from termbase.extraction.lithuanian_roles import names_a_role

        return names_a_role(lemma)
    if lang != "pl" or not polish.available() or AMBIGUOUS in lemma:
        return False
    return any(r.pos in ("subst", "depr") and "m1" in r.genders
               and r.base_lemma.lower() == lemma for r in polish.readings(lemma))


_FIRST_NAME, _SURNAME = "imię", "nazwisko"
_PERSON_NAMES = frozenset({_FIRST_NAME, _SURNAME})


def personal_name(variants: Iterable[str], lang: str) -> bool:
    """Whether a candidate of two words or more is a person's name as written in each
    variant: a first name, then capitalised words morfeusz2 reads as first names or
    surnames ("Pani [Marty Sosnowskiej]")."""
    if lang != "pl" or not polish.available():
        return False
    for variant in variants:
        words = variant.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words) or not (
                _FIRST_NAME in polish.name_kinds(words[0])
                and all(_PERSON_NAMES & polish.name_kinds(w) for w in words[1:])
                or _FIRST_NAME in polish.name_kinds(words[-1])  # a form's "Rosół Agnieszka"
                and all(_SURNAME in polish.name_kinds(w) for w in words[:-1])):
            return False
    return True


def first_name_or_surname(word: str, lang: str) -> bool:
    """Whether a word the text reads as a name is a first name or a surname and no
    place's name, which a term may be ("Kraków" is all three to morfeusz2; a surname
    the text writes after a first name is told by `surnames`)."""
    if lang != "pl" or not polish.available():
        return False
    kinds = polish.name_kinds(word)
    return bool(_PERSON_NAMES & kinds) and _PLACE not in kinds


_PLACE = "nazwa_geograficzna"


def surnames(words: list[str], infos: list) -> list[int]:
    """Positions of capitalised words right after a first name that morfeusz2 also reads
    as surnames, and of that first name: there they are one ("Agnieszka Rosół", "Jerzy
    Dudek"), though alone they are common nouns (broth, a hoopoe) and came out lower-cased
    as terms."""
    if not polish.available():
        return []
    after = [k for k in range(1, len(words))
             if words[k][:1].isupper() and words[k - 1][:1].isupper() and infos[k - 1].name
             and _FIRST_NAME in polish.name_kinds(words[k - 1])
             and _SURNAME in polish.name_kinds(words[k])]
    # a form's order, surname first ("Wnioskodawca: Rosół Agnieszka"), where no surname
    # follows the first name ("Rady [Agnieszka Rosół]" puts the first name first)
    before = [k for k in range(len(words) - 1)
              if words[k][:1].isupper() and words[k + 1][:1].isupper() and infos[k + 1].name
              and _FIRST_NAME in polish.name_kinds(words[k + 1])
              and _SURNAME in polish.name_kinds(words[k]) and k + 1 not in after
              and (k + 2 == len(words) or not (words[k + 2][:1].isupper() and _SURNAME
                                                in polish.name_kinds(words[k + 2])))]
    return sorted({*after, *(k - 1 for k in after), *before, *(k + 1 for k in before)})


def homograph_first_names(words: list[str], infos: list) -> list[int]:
    """Positions of capitalised first names the dictionary also reads as common nouns
    ("Marek", marka's genitive plural; "Róża", a rose), right before a capitalised word it
    reads as a surname only, or as a surname and a common noun ("Marek Nowak", "Róża Kot"):
    there the pair is a person, both words names (see `surnames`)."""
    if not polish.available():
        return []
    return [k for k in range(len(words) - 1)
            if not infos[k].name and words[k][:1].isupper() and words[k + 1][:1].isupper()
            and _FIRST_NAME in polish.name_kinds(words[k])
            and _SURNAME in polish.name_kinds(words[k + 1])]


def office_title(key: tuple[str, ...], written_lower: Callable[[str], bool]) -> bool:
    """Whether a Polish candidate of two words is an office's title and the unit it heads,
    common nouns both ("Wójt Gminy", "Prezydent Miasta", "Kierownik Ośrodka"): a common
    term, shown in lower case, though documents capitalise titles out of courtesy. The
    unit must be written in lower case somewhere in the input (`written_lower(lemma)`):
    "funkcjonariusz Policji" keeps the capital the text always gives the institution."""
    return len(key) == 2 and names_a_person(key[0], "pl") and _noun_only(key[0]) \
        and _noun_only(key[1]) and not names_a_person(key[1], "pl") and written_lower(key[1])


def _noun_only(lemma: str) -> bool:
    """No adjective reading: "Zielona [Dolina]", "[Wojewoda] Lubelski" are no titles."""
    return not any(r.pos in polish.ADJ_POS for r in polish.readings(lemma))
