"""The form a new term is entered in. A term taken from running text stands there in
whatever case the sentence gave it ("opiekunkami środowiskowymi"); a termbase holds base
forms, since lookups and suggestions find every inflected form from the base one. So a face
that adds a term from a segment (the shell's `:add`) asks `base_form_proposal` first, and
accepts a base form typed by the translator when one of its forms is in the segment
(`occurs_in_segment`).

Polish and Lithuanian only: an English plural is no oblique form.
"""

from __future__ import annotations

from collections import Counter

from termbase.text.normalize import fold, tokenize

CHECKED_LANGS = ("pl", "lt")


def base_form_proposal(term: str, lang: str) -> str | None:
    """The base form to propose for `term` as written in a sentence, or None when it may
    be one already: the base-form rules leave it as it is, or every word they would change
    may be a nominative (a term used in the plural, "świadczenia rodzinne", stays)."""
    if lang not in CHECKED_LANGS:
        return None
    from termbase.extraction.baseform import base_form

    written = _words(term)
    base = base_form({term: 1}, lang, lambda _lemma: Counter(), _usual_lemmas(written, lang))
    proposed = _words(base)
    if len(written) != len(proposed) or fold(base) == fold(term):
        return None
    changed = [w for w, p in zip(written, proposed) if fold(w) != fold(p) and _vocabulary(w, p)]
    if lang == "lt":
        # A Lithuanian term ends in its head noun; the words before it are mostly
        # genitives the term keeps ("socialinių paslaugų centras"), so the last word's
        # case decides (nothing is read from the single phrase more surely).
        changed = [w for w in changed if w is written[-1]]
    if all(_may_be_nominative(word, lang) for word in changed):
        return None
    return base


def _vocabulary(written: str, proposed: str) -> bool:
    """False for an acronym or a name spelt with inner capitals (PUP, Interreg), which the
    rules would decline as if they were words ("PUPA", "InterRega")."""
    if written.isupper():
        return False
    return not any(a.isupper() != b.isupper() for a, b in zip(written[1:], proposed[1:]))


def occurs_in_segment(term: str, lang: str, segment: str) -> bool:
    """Whether `term`, or one of its inflected forms, is in `segment` (ignoring letter
    case and spacing)."""
    from termbase.text.inflect import phrase_forms

    text = _spaced(segment)
    return any(_spaced(form) in text for form in [term, *phrase_forms(term, lang)])


def _usual_lemmas(words: list[str], lang: str) -> tuple[str, ...]:
    """Per word, the dictionary's lemma: of two readings morfeusz2 gives, the common word
    ("gminie": gmina, not the rare gmin)."""
    if lang != "pl":
        return ()
    from termbase.text.dictionary import lemmatize

    return tuple(lemmatize(word, lang) for word in words)


def _may_be_nominative(word: str, lang: str) -> bool:
    if lang == "pl":
        from termbase.text import polish

        if not polish.available():
            return True           # cannot tell: never a false alarm
        return any("nom" in reading.cases for reading in polish.readings(word))
    from termbase.text.lithuanian import may_be_nominative

    return may_be_nominative(word)


def _words(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


def _spaced(text: str) -> str:
    return " ".join(text.split()).casefold()
