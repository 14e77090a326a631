"""Words a translation may use for a term's word that inflection alone does not reach.

`check` asks whether an expected equivalent is in the translation. Translators often turn a
verbal noun into a verb or participle and back ("bendrai finansuojamas" for *bendrasis
finansavimas*, "nukreipimas" for *nukreipti*), and a noun modifier into its relational
adjective ("umowa partnerska" for *umowa partnerstwa*). Both are the same term, written
another way; a flag on them is a false alarm. The derivations here are deliberately narrow:
the derived word must be a form the termbase itself holds, and a shared stem counts only
when it is long (see `derived_stem`).
"""

from __future__ import annotations

from termbase.text.normalize import fold

# Lithuanian verbal nouns from infinitives, most specific ending first:
# finansuoti -> finansavimas, dalyvauti -> dalyvavimas, mokyti -> mokymas,
# turėti -> turėjimas, globoti -> globojimas, nukreipti -> nukreipimas.
_LT_VERB_TO_NOUN = (("uoti", "avimas"), ("auti", "avimas"), ("yti", "ymas"),
                    ("ėti", "ėjimas"), ("oti", "ojimas"), ("ti", "imas"))
# Passive participles filed as lemmas of their own, to their infinitive:
# finansuojamas, finansuotas -> finansuoti; teikiamas -> teikti; nukreiptas -> nukreipti.
_LT_PARTICIPLE_TO_VERB = (("uojamas", "uoti"), ("ojamas", "oti"), ("iamas", "ti"),
                          ("omas", "oti"), ("amas", "ti"), ("ytas", "yti"), ("ėtas", "ėti"),
                          ("tas", "ti"))
# A stem shared by a noun and its relational adjective stands for the word only when at
# least this many letters long ("partners-" of partnerstwo and partnerski): shorter shared
# stems join unrelated words ("społec-" of społeczny and społeczność).
MIN_DERIVED_STEM = 7
# The letters a derivation may change at the end of a word (partnerstw|a -> partnersk|ą).
DERIVED_ENDING = 3


def _swap_ending(word: str, pairs, reverse: bool = False) -> set[str]:
    """`word` with each listed ending replaced by its partner (a stem of 3+ letters kept)."""
    found = set()
    for old, new in pairs:
        old, new = (new, old) if reverse else (old, new)
        if word.endswith(old) and len(word) >= len(old) + 3:
            found.add(word[:-len(old)] + new)
    return found


def lithuanian_relatives(lemmas: set[str]) -> set[str]:
    """The infinitives and verbal nouns of the verbs, passive participles and verbal nouns
    among `lemmas` (lower case; not every result is a real word, the caller keeps the
    known): finansuojamas -> finansuoti, finansavimas; nukreipimas -> nukreipti."""
    verbs = {lemma for lemma in lemmas if lemma.endswith("ti")}
    for lemma in lemmas:
        verbs |= _swap_ending(lemma, _LT_PARTICIPLE_TO_VERB)
        verbs |= _swap_ending(lemma, _LT_VERB_TO_NOUN, reverse=True)
    nouns = set()
    for verb in verbs:
        nouns |= _swap_ending(verb, _LT_VERB_TO_NOUN[:-1]) or _swap_ending(
            verb, _LT_VERB_TO_NOUN[-1:])
    return verbs | nouns


def derived_stem(word: str) -> str | None:
    """The folded stem a derivative of `word` must begin with, or None when the word is too
    short for a shared stem to mean anything."""
    stem = fold(word)[:-DERIVED_ENDING]
    return stem if len(stem) >= MIN_DERIVED_STEM else None
