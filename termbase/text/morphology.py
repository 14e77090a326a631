"""Morphology: inflected forms and lemma candidates for Polish, Lithuanian and English.

Loading a full lemma dictionary costs seconds, which a terminal lookup cannot pay. So this
module is used when the index is built (and by extraction, which is batch work): each term
token is expanded into the folded forms of every candidate lemma, and the index stores them.
Queries then need only dictionary look-ups plus `stem`, which is cheap (PyStemmer loads in
milliseconds) and catches forms that no dictionary lists.

Failure modes designed around (see DESIGN.md): a base form can be feminine ("osoba
niepełnosprawna") while the lemmatiser reports the masculine lemma for other forms; nouns can
be read as verbs (Polish "wsparcie" -> "wesprzeć", Lithuanian "globos" -> "globoti"). We
therefore union the forms of *all* nominal candidate lemmas and keep verb readings only when
nothing nominal exists.
"""

from __future__ import annotations

import functools
from collections import defaultdict

from termbase.text.normalize import fold, norm

# morfeusz2 tag prefixes that can head or modify a nominal term.
_NOMINAL_TAGS = ("subst", "depr", "adj", "adja", "adjp", "adjc", "ger", "ppas", "pact", "num",
                 "brev", "ign")
_SNOWBALL = {"pl": "polish", "lt": "lithuanian", "en": "english", "de": "german",
             "ru": "russian", "fr": "french", "es": "spanish", "it": "italian"}


@functools.lru_cache(maxsize=None)
def _stemmer(lang: str):
    import Stemmer  # PyStemmer: a C extension, loads in about 10 ms

    algorithm = _SNOWBALL.get(lang)
    return Stemmer.Stemmer(algorithm) if algorithm else None


@functools.lru_cache(maxsize=100_000)
def stem(word: str, lang: str) -> str:
    """Snowball stem of the word, folded; the word's fold where no stemmer exists."""
    stemmer = _stemmer(lang)
    base = norm(word)
    return fold(stemmer.stemWord(base) if stemmer else base)


# Stems shorter than this match too many unrelated words to be trusted.
MIN_STEM_LEN = 4


def stem_keys(word: str, lang: str) -> set[str]:
    """Stems of the word as written and as folded: a query may come either way."""
    keys = {stem(word, lang), stem(fold(word), lang)}
    return {key for key in keys if len(key) >= MIN_STEM_LEN}


@functools.lru_cache(maxsize=1)
def _morfeusz():
    try:
        import morfeusz2
    except ImportError:  # no wheel for this platform: simplemma takes over
        return None
    return morfeusz2.Morfeusz(generate=True, expand_tags=False)


def morfeusz_available() -> bool:
    return _morfeusz() is not None


def _morfeusz_lemmas(word: str) -> set[str]:
    morf = _morfeusz()
    nominal, other = set(), set()
    for _start, _end, (_orth, lemma, tag, *_rest) in morf.analyse(word):
        lemma = lemma.split(":")[0]
        (nominal if tag.split(":")[0] in _NOMINAL_TAGS else other).add(lemma)
    lemmas = nominal or other
    # Case matters to morfeusz for proper nouns; try the lower-case word as well.
    if word != word.lower():
        lemmas |= _morfeusz_lemmas(word.lower())
    return lemmas


class _SimplemmaForms:
    """An inverted form->lemma dictionary from simplemma: lemma -> its forms."""

    def __init__(self, lang: str):
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DefaultDictionaryFactory,
        )

        self.lang = lang
        try:
            self.forms_of_lemma = defaultdict(set)
            self.dictionary = DefaultDictionaryFactory().get_dictionary(lang)
        except (ValueError, KeyError, OSError):
            self.dictionary = {}
        for form, lemma in self.dictionary.items():
            self.forms_of_lemma[lemma.lower()].add(form.lower())

    def lemmas(self, word: str) -> set[str]:
        import simplemma

        low = word.lower()
        found = {low}
        try:
            found.add(simplemma.lemmatize(low, lang=self.lang).lower())
        except ValueError:
            pass
        direct = self.dictionary.get(low)
        if direct:
            found.add(direct.lower())
        return found

    def forms(self, word: str) -> set[str]:
        forms = {word.lower()}
        for lemma in self.lemmas(word):
            forms.add(lemma)
            forms |= self.forms_of_lemma.get(lemma, set())
        return forms


@functools.lru_cache(maxsize=None)
def _simplemma(lang: str) -> _SimplemmaForms:
    return _SimplemmaForms(lang)


def lemmas(word: str, lang: str) -> set[str]:
    """Candidate lemmas of one word (not folded). Loads a dictionary on first use."""
    if lang == "pl" and morfeusz_available():
        return _morfeusz_lemmas(word) or {word.lower()}
    return _simplemma(lang).lemmas(word)


def lemma_key(word: str, lang: str) -> str:
    """A deterministic identifier for the lexeme a word belongs to (folded lemmas joined)."""
    return "|".join(sorted({fold(lemma) for lemma in lemmas(word, lang)}))


@functools.lru_cache(maxsize=200_000)
def expand(word: str, lang: str) -> frozenset[str]:
    """Lower-case inflected forms of every candidate lemma of `word`, the word included."""
    forms = {word.lower()}
    if lang == "pl" and morfeusz_available():
        morf = _morfeusz()
        for lemma in _morfeusz_lemmas(word):
            forms.add(lemma.lower())
            try:
                generated = morf.generate(lemma)
            except RuntimeError:  # lemma unknown to the generator
                continue
            forms.update(g[0].lower() for g in generated)
    else:
        forms |= _simplemma(lang).forms(word)
    if lang == "lt":  # the dictionary's forms are incomplete: add each lemma's paradigm
        from termbase.text.lithuanian import paradigm

        for lemma in _simplemma(lang).lemmas(word):
            forms |= paradigm(lemma)
    return frozenset(f for f in forms if f)
