"""The dictionary backend for languages morfeusz2 does not cover (Lithuanian, English):
simplemma's form -> lemma dictionaries.

One copy of each dictionary serves everything: we take the one simplemma's own lemmatiser
loads (its shared factory), so `lemmatize`, "is this a form of that lemma?" and the
inverted lemma -> forms table all read the same data. "Is this a form of that lemma?" is
how Lithuanian base forms are confirmed without a generator: a form is accepted only when
the dictionary files it under the lemma. For Lithuanian the declension rules of
`termbase.text.lithuanian` complete the forms the dictionary lacks.

simplemma is imported on first use only (loading a dictionary takes a second or so), so a
cold lookup answered from the index cache never pays for it.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import Mapping


_LOADED: set[str] = set()   # languages whose dictionary this process holds in memory


@functools.lru_cache(maxsize=None)
def dictionary(lang: str) -> Mapping[str, str]:
    """simplemma's form -> lemma dictionary of `lang`; {} for a language it lacks."""
    _LOADED.add(lang)
    try:
        from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY as factory
    except ImportError:  # older simplemma: a private factory (one more copy in memory)
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DefaultDictionaryFactory,
        )
        factory = DefaultDictionaryFactory()
    try:
        return factory.get_dictionary(lang)
    except (ValueError, KeyError, OSError):
        return {}


@functools.lru_cache(maxsize=None)
def _forms_of_lemma(lang: str) -> dict[str, frozenset[str]]:
    inverted: dict[str, set[str]] = defaultdict(set)
    for form, lemma in dictionary(lang).items():
        inverted[lemma.lower()].add(form.lower())
    return {lemma: frozenset(forms) for lemma, forms in inverted.items()}


@functools.lru_cache(maxsize=262_144)
def lemmatize(word: str, lang: str) -> str:
    """simplemma's lemma of a lower-case word (the word itself when it knows none)."""
    import simplemma

    try:
        return simplemma.lemmatize(word, lang=lang).lower()
    except ValueError:
        return word


def _lexicon(lang: str):
    """The dictionary read by key from the user's cache (see `lexicon_cache`), unless this
    process holds it in memory anyway (batch work: extraction, a bulk index build)."""
    if lang in _LOADED:
        return None
    from termbase.text.lexicon_cache import open_lexicon

    return open_lexicon(lang, dictionary)


@functools.lru_cache(maxsize=262_144)
def lookup(form: str, lang: str) -> str | None:
    """The dictionary's lemma of `form` as written, or None. Remembered: an index build asks
    for each new word two or three times (its lexeme, then its forms and paradigm)."""
    lexicon = _lexicon(lang)
    return lexicon.lemma(form) if lexicon is not None else dictionary(lang).get(form)


def _forms_filed_under(lemma: str, lang: str) -> frozenset[str]:
    lexicon = _lexicon(lang)
    if lexicon is not None:
        return lexicon.forms_of(lemma)
    return _forms_of_lemma(lang).get(lemma, frozenset())


def lemmas(word: str, lang: str) -> set[str]:
    """Candidate lemmas of a word: itself (lower case), simplemma's lemma and the
    dictionary's entry. For a word the dictionary lists those two are the same (simplemma
    looks its dictionary up first), so its lemmatiser is loaded only for unknown words."""
    low = word.lower()
    direct = lookup(low, lang)
    return {low, direct.lower()} if direct else {low, lemmatize(low, lang)}


def forms(word: str, lang: str) -> set[str]:
    """Lower-case forms the dictionary files under any lemma of `word` (lemmas included)."""
    found = {word.lower()}
    for lemma in lemmas(word, lang):
        found.add(lemma)
        found |= _forms_filed_under(lemma, lang)
    return found


def is_form_of(form: str, lemma: str, lang: str) -> bool:
    """True when the dictionary lists `form` as an inflected form of `lemma`."""
    return form == lemma and lookup(lemma, lang) is not None or lookup(form, lang) == lemma


def is_lemma(word: str, lang: str) -> bool:
    return lookup(word, lang) == word


def known(word: str, lang: str) -> bool:
    return lookup(word, lang) is not None
