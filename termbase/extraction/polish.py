"""morfeusz2 readings and generated forms of Polish words, parsed once and cached.

morfeusz2 tags look like `adj:pl:gen.loc:m1.m2.m3.f.n:pos` (with `expand_tags=False` the
alternatives stay dotted, which keeps the reading list short). Base forms need the number,
case and gender sets of every reading, to find which words of a phrase agree with its head
and to pick the generated form of the wanted case.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

NOUN_POS = frozenset({"subst", "depr", "ger"})
ADJ_POS = frozenset({"adj", "adja", "adjp", "adjc", "ppas", "pact"})
# Readings whose lemma we prefer as a word's grouping key, best first.
KEY_PREFERENCE = ("adj", "subst", "depr", "ger", "ppas", "pact", "adja", "ign")


class Reading(NamedTuple):
    lemma: str                 # as morfeusz gives it, homonym marker included ("socjalny:A")
    pos: str
    numbers: frozenset[str]
    cases: frozenset[str]
    genders: frozenset[str]
    rest: tuple[str, ...]      # degree (adj), aspect and negation (participles) ...
    proper: bool               # a name: first name, surname, place, organisation

    @property
    def base_lemma(self) -> str:
        return self.lemma.split(":")[0]


def parse_tag(tag: str) -> tuple[str, frozenset, frozenset, frozenset, tuple]:
    fields = tag.split(":")
    pos = fields[0]
    if pos in NOUN_POS | ADJ_POS and len(fields) >= 4:
        split = lambda f: frozenset(f.split("."))  # noqa: E731
        return pos, split(fields[1]), split(fields[2]), split(fields[3]), tuple(fields[4:])
    return pos, frozenset(), frozenset(), frozenset(), tuple(fields[1:])


@functools.lru_cache(maxsize=1)
def _morfeusz():
    import morfeusz2

    return morfeusz2.Morfeusz(generate=True, expand_tags=False)


def available() -> bool:
    try:
        _morfeusz()
    except ImportError:
        return False
    return True


_PROPER = {"imię", "nazwisko", "nazwa_geograficzna", "nazwa_organizacji", "nazwa_własna"}


@functools.lru_cache(maxsize=None)
def readings(word: str) -> tuple[Reading, ...]:
    """All readings of one word (a capitalised word is also read in lower case)."""
    found = []
    for _start, _end, (_orth, lemma, tag, names, _quals) in _morfeusz().analyse(word):
        pos, numbers, cases, genders, rest = parse_tag(tag)
        proper = bool(_PROPER.intersection(names or ()))
        found.append(Reading(lemma, pos, numbers, cases, genders, rest, proper))
    if word != word.lower():
        found += [r for r in readings(word.lower()) if r not in found]
    return tuple(found)


@functools.lru_cache(maxsize=None)
def generated(lemma: str) -> tuple[tuple[str, str], ...]:
    """(form, tag) for every form morfeusz2 generates from a lemma; () when it knows none."""
    try:
        return tuple((form, tag) for form, _lemma, tag, *_rest in _morfeusz().generate(lemma))
    except RuntimeError:
        return ()


def generate_form(lemma: str, pos: str, number: str, case: str, gender: str,
                  rest: tuple[str, ...] = ()) -> str | None:
    """The form of `lemma` with this part of speech, number, case and gender, and tag fields
    after the gender starting with `rest` (an adjective's degree, a participle's aspect)."""
    for form, tag in generated(lemma):
        t_pos, numbers, cases, genders, t_rest = parse_tag(tag)
        if t_pos != pos or number not in numbers or case not in cases:
            continue
        if gender not in genders:
            continue
        if rest and tuple(t_rest[:len(rest)]) != rest:
            continue
        return form
    return None
