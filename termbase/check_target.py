"""Is an expected equivalent in the translation? Asked generously, since a wrong "no" is a
false alarm the translator must dismiss by hand.

The translation's tokens are read as sets of lexemes (known forms, stems even of one-word
terms, typo corrections of words the termbase does not know); an equivalent is present when
all its lexemes occur within a short window, in any order: inflected ("nukreiptas" for
*nukreipti*), reordered ("šeimos, patiriančios socialinę riziką"), or inside a longer term
("pozityviosios tėvystės mokymai" holds *mokymai*).
"""

from __future__ import annotations

import re

from termbase.index.recognize import _token_options, typo_options
from termbase.index.structures import Index
from termbase.text.normalize import fold, norm, tokenize

EXTRA_WORDS = 2     # words allowed between the words of a multi-word equivalent
MIN_TYPO_SIMILARITY = 0.8


class TargetText:
    def __init__(self, index: Index, text: str, lang: str):
        self.index, self.lang = index, lang
        self.folded = fold(text)
        self.lexemes: list[set[int]] = []
        for token in tokenize(text):
            known, by_stem = _token_options(index, token, lang)
            found = known | by_stem
            if not found:
                found = {lex for lex, sim in typo_options(index, fold(token.text), lang).items()
                         if sim >= MIN_TYPO_SIMILARITY}
            self.lexemes.append(found)

    def contains(self, concept_id: str, term_text: str) -> bool:
        sequence = _sequence(self.index, concept_id, self.lang, term_text)
        if not sequence:
            pattern = r"(?<!\w)" + re.escape(fold(term_text)) + r"(?!\w)"
            return re.search(pattern, self.folded) is not None
        needed = set(sequence)
        window = len(sequence) + EXTRA_WORDS
        for start, found in enumerate(self.lexemes):
            if not found & needed:
                continue
            covered = set()
            for lexemes in self.lexemes[start:start + window]:
                covered |= lexemes & needed
            if covered == needed:
                return True
        return False


def _sequence(index: Index, concept_id: str, lang: str, text: str) -> tuple[int, ...]:
    for tid in index.exact.get(norm(text), ()):
        ref = index.terms[tid]
        if ref.concept_id == concept_id and ref.lang == lang:
            return index.sequences[tid]
    return ()
