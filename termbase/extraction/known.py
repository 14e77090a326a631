"""Which candidates the termbase already has, matched the way the index matches queries.

Each word maps to the lexemes of the termbase's own vocabulary through the index's
form table (folded inflected forms generated when the index was built, then Snowball
stems), and a candidate is known when the whole word sequence is a path in the index's
lemma-sequence trie. So "pracownikom socjalnym" finds "pracownik socjalny" without a
lemmatiser, exactly as `termbase lookup` would.
"""

from __future__ import annotations

from typing import NamedTuple

from termbase.index.search import token_lexemes
from termbase.index.structures import Index


class KnownTerm(NamedTuple):
    concept_id: str
    term: str


class KnownTerms:
    def __init__(self, index: Index, lang: str):
        self.index = index
        self.lang = lang
        self.root = index.trie.get(lang, {})
        self._lexemes: dict[str, tuple[int, ...]] = {}

    def lexemes(self, word: str) -> tuple[int, ...]:
        found = self._lexemes.get(word)
        if found is None:
            found = tuple(token_lexemes(self.index, word, self.lang, fuzzy=False))
            self._lexemes[word] = found
        return found

    def term_ids(self, words: list[str]) -> set[int]:
        """Ids of the terms whose whole lemma sequence is `words`."""
        nodes = [self.root]
        for word in words:
            nodes = [node[lex] for node in nodes for lex in self.lexemes(word) if lex in node]
            if not nodes:
                return set()
        return {tid for node in nodes for tid in node.get(None, ())}

    def match(self, words: list[str]) -> list[KnownTerm]:
        refs = (self.index.terms[tid] for tid in sorted(self.term_ids(words)))
        return list(dict.fromkeys(KnownTerm(ref.concept_id, ref.text) for ref in refs))

    def occurrences(self, words: list[str], max_len: int = 8) -> set[int]:
        """Ids of every term that occurs somewhere in a word sequence (for evaluation)."""
        found: set[int] = set()
        for start in range(len(words)):
            nodes = [self.root]
            for word in words[start:start + max_len]:
                nodes = [node[lex] for node in nodes for lex in self.lexemes(word) if lex in node]
                if not nodes:
                    break
                found.update(tid for node in nodes for tid in node.get(None, ()))
        return found

    def in_vocabulary(self, word: str) -> bool:
        """Whether the word is (a form of) a word of some known term: domain evidence. The
        index has lexemes only for the words of its terms."""
        return bool(self.lexemes(word))
