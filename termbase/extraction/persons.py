"""Nouns that name a person by role or profession: the people a social-services text is
about ("psycholog", "dzielnicowy", "pedagog") are terms of the field even where general
language uses the word as often as a procedure's name; see `single_words.evidence`."""

from __future__ import annotations

import functools

from termbase.text import polish


@functools.lru_cache(maxsize=None)
def names_a_person(lemma: str, lang: str) -> bool:
    """Whether the Polish noun lemma is masculine-personal (morfeusz2's m1: the gender of
    nouns for people, roles and professions; a feminine one has its own rarer form)."""
    if lang != "pl" or not polish.available():
        return False
    return any(r.pos in ("subst", "depr") and "m1" in r.genders
               and r.base_lemma.lower() == lemma for r in polish.readings(lemma))
