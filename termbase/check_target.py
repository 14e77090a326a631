"""Is an expected equivalent in the translation? Asked generously, since a wrong "no" is a
false alarm the translator must dismiss by hand.

The translation's tokens are read as sets of lexemes (known forms, stems even of one-word
terms, typo corrections of words the termbase does not know); an equivalent is present when
all its lexemes occur within a short window, in any order: inflected ("nukreiptas" for
*nukreipti*), reordered ("šeimos, patiriančios socialinę riziką"), or inside a longer term
("pozityviosios tėvystės mokymai" holds *mokymai*), or derived another way: a verb form
for a verbal noun ("bendrai finansuojamas" for *bendrasis finansavimas*), or one word of a
longer equivalent as its relational adjective ("umowa partnerska" for *umowa partnerstwa*);
see `termbase.text.derivation`.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from termbase.index.recognize import token_options, typo_options
from termbase.index.structures import Index
from termbase.text import dictionary
from termbase.text.derivation import derived_stem, lithuanian_relatives
from termbase.text.normalize import fold, norm, tokenize

EXTRA_WORDS = 2     # words allowed between the words of a multi-word equivalent
MIN_TYPO_SIMILARITY = 0.8


class TargetText:
    def __init__(self, index: Index, text: str, lang: str):
        self.index, self.lang = index, lang
        self.folded = fold(text)
        self.lexemes: list[set[int]] = []
        self.words: list[str] = []
        for token in tokenize(text):
            known, by_stem = token_options(index, token, lang)
            found = known | by_stem | _relatives(index, token.text, lang)
            if not found and not _real_word(token.text, lang):
                found = {lex for lex, sim in typo_options(index, fold(token.text), lang).items()
                         if sim >= MIN_TYPO_SIMILARITY}
            self.lexemes.append(found)
            self.words.append(fold(token.text))

    def contains(self, concept_id: str, term_text: str) -> bool:
        sequence = _sequence(self.index, concept_id, self.lang, term_text)
        if not sequence:
            pattern = r"(?<!\w)" + re.escape(fold(term_text)) + r"(?!\w)"
            return re.search(pattern, self.folded) is not None
        needed = set(sequence)
        stems = _derived_stems(term_text, sequence)
        window = len(sequence) + EXTRA_WORDS
        for start, found in enumerate(self.lexemes):
            if not found & needed and not self._derived(start, stems):
                continue
            covered, derived = set(), set()
            for at in range(start, min(start + window, len(self.lexemes))):
                covered |= self.lexemes[at] & needed
                derived |= self._derived(at, stems)
            if covered == needed:
                return True
            # one word, not the whole term, may be a derivative (partnerska for partnerstwa)
            if len(needed) > 1 and len(needed - covered) == 1 and needed - covered <= derived:
                return True
        return False

    def _derived(self, at: int, stems: dict[int, str]) -> set[int]:
        return {lex for lex, stem in stems.items() if self.words[at].startswith(stem)}


def closest_first(index: Index, term_ids: list[int], written: str) -> list[int]:
    """Terms read from one span, those spelt most like the text first: of homonyms
    ("išmokas vaikams": *išmokos vaikams* or *išmoka vaikui*), a flag names the concept the
    translator most likely saw."""
    text = fold(written)
    return sorted(term_ids, key=lambda tid: -SequenceMatcher(
        None, text, fold(index.terms[tid].text)).ratio())


def _real_word(word: str, lang: str) -> bool:
    """A word the language's dictionary knows is what the translator meant, not a typo of a
    term's word ("wypłaca" is a verb, not a misspelt "wypłata")."""
    from termbase.text import polish

    if lang == "pl" and polish.available():
        return any(reading.pos != "ign" for reading in polish.readings(word))
    return dictionary.known(word.lower(), lang)


def _relatives(index: Index, word: str, lang: str) -> set[int]:
    """Lexemes of the termbase's Lithuanian verbal nouns a verb form of `word` stands for
    (finansuojamas: finansavimas), and of the verbs its verbal noun stands for."""
    if lang != "lt" or len(word) < 5:
        return set()
    lemmas = dictionary.lemmas(word, lang)
    forms = index.forms.get(lang, {})
    return {lex for related in lithuanian_relatives(lemmas)
            for lex in forms.get(fold(related), ())}


def _derived_stems(term_text: str, sequence: tuple[int, ...]) -> dict[int, str]:
    """Lexeme -> the long stem its word's derivatives begin with, for the words of a
    multi-word equivalent (its tokens and lexemes align one to one)."""
    words = [token.text for token in tokenize(term_text)]
    if len(sequence) < 2 or len(words) != len(sequence):
        return {}
    return {lex: stem for lex, word in zip(sequence, words)
            if (stem := derived_stem(word)) is not None}


def _sequence(index: Index, concept_id: str, lang: str, text: str) -> tuple[int, ...]:
    for tid in index.exact.get(norm(text), ()):
        ref = index.terms[tid]
        if ref.concept_id == concept_id and ref.lang == lang:
            return index.sequences[tid]
    return ()
