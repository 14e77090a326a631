"""simplemma's form->lemma dictionaries, for the languages morfeusz2 does not cover.

We use the dictionary simplemma itself loads (its shared factory), so asking it whether a
form exists costs one look-up and no second copy in memory. "Is this a form of that lemma?"
is how Lithuanian base forms are *generated* without a generator: a candidate form is
accepted only when the dictionary lists it under the lemma.
"""

from __future__ import annotations

import functools
from typing import Mapping


@functools.lru_cache(maxsize=None)
def dictionary(lang: str) -> Mapping[str, str]:
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
def lemmatize(word: str, lang: str) -> str:
    """simplemma's lemma of a lower-case word (the word itself when it knows none)."""
    import simplemma

    try:
        return simplemma.lemmatize(word, lang=lang).lower()
    except ValueError:
        return word


def is_form_of(form: str, lemma: str, lang: str) -> bool:
    """True when the dictionary lists `form` as an inflected form of `lemma`."""
    return form == lemma and lemma in dictionary(lang) or dictionary(lang).get(form) == lemma


def is_lemma(word: str, lang: str) -> bool:
    return dictionary(lang).get(word) == word


def known(word: str, lang: str) -> bool:
    return word in dictionary(lang)
