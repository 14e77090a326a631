"""Morphology: inflected forms and lemma candidates for Polish, Lithuanian and English.

Each language has one backend, shared by the index, phrase inflection and extraction:
`termbase.text.polish` (morfeusz2) for Polish, `termbase.text.dictionary` (simplemma's
dictionaries) for Lithuanian and English, completed for Lithuanian by the declension rules
of `termbase.text.lithuanian`. This module puts them behind the two questions the index
asks (which lemmas, which forms) and adds the Snowball stems. The backends load their
libraries on first use only.

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

from termbase.text.normalize import fold, norm

_SNOWBALL = {"pl": "polish", "lt": "lithuanian", "en": "english", "de": "german",
             "ru": "russian", "fr": "french", "es": "spanish", "it": "italian"}


@functools.lru_cache(maxsize=None)
def _stemmer(lang: str):
    import Stemmer  # PyStemmer: a C extension, loads in about 10 ms

    algorithm = _SNOWBALL.get(lang)
    return Stemmer.Stemmer(algorithm) if algorithm else None


def snowball_stem(word: str, lang: str) -> str:
    """Snowball stem of the word as given (diacritics kept); the word where no stemmer
    exists."""
    stemmer = _stemmer(lang)
    return stemmer.stemWord(word) if stemmer else word


@functools.lru_cache(maxsize=100_000)
def stem(word: str, lang: str) -> str:
    """Snowball stem of the word, folded; the word's fold where no stemmer exists."""
    return fold(snowball_stem(norm(word), lang))


# Stems shorter than this match too many unrelated words to be trusted.
MIN_STEM_LEN = 4


def stem_keys(word: str, lang: str) -> set[str]:
    """Stems of the word as written and as folded: a query may come either way."""
    keys = {stem(word, lang), stem(fold(word), lang)}
    return {key for key in keys if len(key) >= MIN_STEM_LEN}


def stem_keys_many(words, lang: str) -> set[str]:
    """The union of `stem_keys` over many words, stemmed in one call to the C stemmer: the
    index asks this for every form of every lexeme, so the per-word calls add up."""
    stemmer = _stemmer(lang)
    written = [norm(word) for word in words]
    candidates = written + [norm(fold(word)) for word in written]
    stems = stemmer.stemWords(candidates) if stemmer else candidates
    return {key for key in map(fold, stems) if len(key) >= MIN_STEM_LEN}


def morfeusz_available() -> bool:
    from termbase.text import polish  # the backends load only when the index needs them

    return polish.available()


def lemmas(word: str, lang: str) -> set[str]:
    """Candidate lemmas of one word (not folded). Loads a dictionary on first use."""
    from termbase.text import dictionary, polish

    if lang == "pl" and morfeusz_available():
        return polish.lemmas(word) or {word.lower()}
    return dictionary.lemmas(word, lang)


def lemma_key(word: str, lang: str) -> str:
    """A deterministic identifier for the lexeme a word belongs to (folded lemmas joined)."""
    return "|".join(sorted({fold(lemma) for lemma in lemmas(word, lang)}))


# English plurals the dictionary does not file under their singular: "persons with
# disabilities" is as often written "people with disabilities".
_ENGLISH_SUPPLETIVE = {
    "person": frozenset({"people", "people's", "persons"}),
    "persons": frozenset({"people", "person"}),
    "child": frozenset({"children", "children's"}),
    "man": frozenset({"men"}), "woman": frozenset({"women"}),
}


@functools.lru_cache(maxsize=200_000)
def expand(word: str, lang: str) -> frozenset[str]:
    """Lower-case inflected forms of every candidate lemma of `word`, the word included."""
    from termbase.text import dictionary, polish

    forms = {word.lower()}
    if lang == "pl" and morfeusz_available():
        forms |= polish.forms(word)
    else:
        forms |= dictionary.forms(word, lang)
    if lang == "en":
        forms |= _ENGLISH_SUPPLETIVE.get(word.lower(), frozenset())
    if lang == "lt":  # the dictionary's forms are incomplete: add each lemma's paradigm
        from termbase.text.lithuanian import paradigm

        for lemma in dictionary.lemmas(word, lang):
            forms |= paradigm(lemma)
    return frozenset(f for f in forms if f)
