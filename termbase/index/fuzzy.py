"""Typo candidates by deletion neighbourhoods (the SymSpell idea), verified with rapidfuzz.

Each vocabulary word is indexed under itself and every string one deletion away; a query
word is looked up the same way. Two words meet when they are within one deletion each, which
covers one substitution, insertion, deletion or transposition, and most double edits. Only
the few words that meet are scored (rapidfuzz's OSA distance, transpositions costing 1):
the vocabulary is never scanned.
"""

from __future__ import annotations

from typing import Iterable

# Shorter words have too many one-edit neighbours to correct on their own; beside other
# words of a query ("dya centre") the term they must complete narrows the choice.
MIN_LEN = 4
MIN_LEN_IN_PHRASE = 3


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def max_edits(word: str) -> int:
    return 1 if len(word) < 7 else 2


class DeletionIndex:
    def __init__(self, words: Iterable[str] = ()):
        self.words: list[str] = []
        self.ids: dict[str, int] = {}
        self.table: dict[str, object] = {}
        self.update(words)

    def update(self, words: Iterable[str]) -> None:
        """Add words not yet indexed. Words are never removed: a stale one costs nothing,
        because callers map candidates back through the current forms table."""
        for word in words:
            if len(word) < MIN_LEN_IN_PHRASE or word in self.ids:
                continue
            wid = self.ids[word] = len(self.words)
            self.words.append(word)
            for key in _deletes(word) | {word}:
                # one id is kept bare (most keys have one word), more become a list
                found = self.table.get(key)
                if found is None:
                    self.table[key] = wid
                elif isinstance(found, list):
                    found.append(wid)
                else:
                    self.table[key] = [found, wid]

    def __len__(self) -> int:
        return len(self.words)

    def candidates(self, query: str, limit: int = 10, in_phrase: bool = False
                   ) -> list[tuple[str, int]]:
        """Vocabulary words within `max_edits(query)` edits, closest first, as (word, edits).
        `in_phrase`: the word is one of several in the query, so shorter words qualify."""
        if len(query) < (MIN_LEN_IN_PHRASE if in_phrase else MIN_LEN):
            return []
        seen: set[int] = set()
        for key in _deletes(query) | {query}:
            found = self.table.get(key)
            if found is None:
                continue
            seen.update(found if isinstance(found, list) else (found,))
        return closest(query, (self.words[wid] for wid in seen), limit)


def closest(query: str, words: Iterable[str], limit: int) -> list[tuple[str, int]]:
    """The `words` within `max_edits(query)` edits of `query` (itself excluded), closest
    first, then nearest in length, as (word, edits). rapidfuzz is imported here, on the
    first typo lookup, not on every start."""
    from rapidfuzz.distance import OSA

    cutoff = max_edits(query)
    scored = []
    for word in words:
        edits = OSA.distance(query, word, score_cutoff=cutoff)
        if edits <= cutoff and word != query:
            scored.append((word, edits))
    scored.sort(key=lambda pair: (pair[1], abs(len(pair[0]) - len(query)), pair[0]))
    return scored[:limit]
