"""The Polish morphology backend: morfeusz2's readings and generated forms, parsed once.

The index (lemmas and every inflected form of a term's words), phrase inflection for
exports and term extraction all read Polish through this module, so a word is analysed
one way everywhere. morfeusz2 is imported on first use only: a cold lookup answered from
the index cache never loads it.

morfeusz2 tags look like `adj:pl:gen.loc:m1.m2.m3.f.n:pos` (with `expand_tags=False` the
alternatives stay dotted, which keeps the reading list short). Number, case and gender are
parsed into sets, so agreement is a set intersection.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

NOUN_POS = frozenset({"subst", "depr", "ger"})
ADJ_POS = frozenset({"adj", "adja", "adjp", "adjc", "ppas", "pact"})
# Readings that can head or modify a nominal term (the index prefers their lemmas).
NOMINAL_POS = NOUN_POS | ADJ_POS | {"num", "brev", "ign"}
# Readings whose lemma extraction prefers as a word's grouping key, best first.
KEY_PREFERENCE = ("adj", "subst", "depr", "ger", "ppas", "pact", "adja", "ign")
_PROPER = {"imię", "nazwisko", "nazwa_geograficzna", "nazwa_organizacji", "nazwa_własna"}
_CACHE = 262_144   # words: an index build over a million terms must not keep them all


class Reading(NamedTuple):
    lemma: str                 # as morfeusz gives it, homonym marker included ("socjalny:A")
    pos: str
    numbers: frozenset[str]
    cases: frozenset[str]
    genders: frozenset[str]
    rest: tuple[str, ...]      # degree (adj), aspect and negation (participles) ...
    proper: bool = False       # a name: first name, surname, place, organisation

    @property
    def base_lemma(self) -> str:
        return self.lemma.split(":")[0]


class Form(NamedTuple):
    """One generated form: the word and its parsed tag."""
    form: str
    pos: str
    numbers: frozenset[str]
    cases: frozenset[str]
    genders: frozenset[str]
    rest: tuple[str, ...]


def parse_tag(tag: str) -> tuple[str, frozenset, frozenset, frozenset, tuple]:
    """(part of speech, numbers, cases, genders, remaining fields) of a morfeusz2 tag."""
    fields = tag.split(":")
    pos = fields[0]
    if pos in NOUN_POS | ADJ_POS and len(fields) >= 4:
        split = lambda f: frozenset(f.split("."))  # noqa: E731
        return pos, split(fields[1]), split(fields[2]), split(fields[3]), tuple(fields[4:])
    return pos, frozenset(), frozenset(), frozenset(), tuple(fields[1:])


@functools.lru_cache(maxsize=1)
def _morfeusz():
    try:
        import morfeusz2
    except ImportError:  # no wheel for this platform: callers fall back to simplemma
        return None
    return morfeusz2.Morfeusz(generate=True, expand_tags=False)


def available() -> bool:
    return _morfeusz() is not None


@functools.lru_cache(maxsize=_CACHE)
def own_readings(word: str) -> tuple[Reading, ...]:
    """The readings of the word exactly as written (case matters for names)."""
    found = []
    for _start, _end, (_orth, lemma, tag, names, _quals) in _morfeusz().analyse(word):
        pos, numbers, cases, genders, rest = parse_tag(tag)
        proper = bool(_PROPER.intersection(names or ()))
        found.append(Reading(lemma, pos, numbers, cases, genders, rest, proper))
    return tuple(found)


@functools.lru_cache(maxsize=_CACHE)
def name_kinds(word: str) -> frozenset[str]:
    """The kinds of name morfeusz2 reads the word as ("imię", "nazwisko",
    "nazwa_geograficzna" ...; "nazwa_pospolita" for a common noun)."""
    return frozenset(kind for *_, (_orth, _lemma, _tag, names, _quals)
                     in _morfeusz().analyse(word) for kind in names or ())


@functools.lru_cache(maxsize=_CACHE)
def readings(word: str) -> tuple[Reading, ...]:
    """All readings of one word; a capitalised word is also read in lower case. (Cached:
    extraction asks for the same word's readings many times.)"""
    found = list(own_readings(word))
    if word != word.lower():
        found += [r for r in own_readings(word.lower()) if r not in found]
    return tuple(found)


def lemmas(word: str) -> set[str]:
    """Lemmas of the word's nominal readings (of any reading when it has none), the word
    as written and in lower case; homonym markers dropped."""
    nominal, other = set(), set()
    for reading in own_readings(word):
        (nominal if reading.pos in NOMINAL_POS else other).add(reading.base_lemma)
    found = nominal or other
    if word != word.lower():
        found |= lemmas(word.lower())
    return found


@functools.lru_cache(maxsize=_CACHE)
def generated(lemma: str) -> tuple[Form, ...]:
    """Every form morfeusz2 generates from a lemma (with or without homonym marker);
    () when it knows none."""
    try:
        found = _morfeusz().generate(lemma)
    except RuntimeError:  # a lemma the generator does not know
        return ()
    return tuple(Form(form, *parse_tag(tag)) for form, _lemma, tag, *_rest in found)


def generate_form(lemma: str, pos: str, number: str, case: str, gender: str,
                  rest: tuple[str, ...] = (), seen: str = "") -> str | None:
    """The form of `lemma` with this part of speech, number, case and gender, and tag fields
    after the gender starting with `rest` (an adjective's degree, a participle's aspect).
    Of rival forms, the one most of morfeusz2's paradigms of the lemma give: "kontrakty",
    not the rare "kontrakta" only one variant paradigm has; where as many give each, the
    one `seen` in the text ("akta sprawy", not "akty"), else the one commoner in general
    Polish ("koszty", not the archaic "koszta")."""
    matching = [found.form for found in generated(lemma)
                if found.pos == pos and number in found.numbers and case in found.cases
                and gender in found.genders
                and (not rest or tuple(found.rest[:len(rest)]) == rest)]
    if not matching:
        return None
    most = max(map(matching.count, matching))
    rivals = list(dict.fromkeys(f for f in matching if matching.count(f) == most))
    if len(rivals) == 1 or seen in rivals:
        return seen if seen in rivals else rivals[0]
    return max(rivals, key=_general_frequency)


@functools.lru_cache(maxsize=None)
def _general_frequency(form: str) -> float:
    try:
        from wordfreq import word_frequency

        return word_frequency(form, "pl")
    except (ImportError, LookupError, ValueError):
        return 0.0


def forms(word: str) -> set[str]:
    """Lower-case forms of every lemma of `word` (the lemmas included)."""
    found = set()
    for lemma in lemmas(word):
        found.add(lemma.lower())
        found.update(f.form.lower() for f in generated(lemma))
    return found
