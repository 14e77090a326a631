"""The in-memory index: plain dicts and tuples, built whole from a list of concepts.

The stores use the on-disk index (`disk.py`); this one is the reference it is tested
against and what one-off work over a list of concepts (glossary checks, benchmarks) uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, NamedTuple

# Bump when the layout or the keys change: old caches are then rebuilt, never misread.
INDEX_FORMAT = 8


class TermRef(NamedTuple):
    concept_id: str
    lang: str
    text: str
    status: str


@dataclass
class Index:
    fingerprint: tuple = ()
    format: int = INDEX_FORMAT
    concepts: dict[str, dict] = field(default_factory=dict)      # id -> concept as stored
    terms: list[TermRef] = field(default_factory=list)            # term id -> reference
    sequences: list[tuple[int, ...]] = field(default_factory=list)  # term id -> lexeme ids
    exact: dict[str, list[int]] = field(default_factory=dict)     # norm(term) -> term ids
    folded: dict[str, list[int]] = field(default_factory=dict)    # fold(term) -> term ids
    forms: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    stems: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    lexeme_terms: dict[int, list[int]] = field(default_factory=dict)
    trie: dict[str, dict] = field(default_factory=dict)           # lang -> nested lexeme dict
    prefix_keys: list[tuple[str, str, int]] = field(default_factory=list)  # key, concept, term
    # lang -> DeletionIndex. Most of the cache's size, and needed only for words that are
    # neither a known form nor a known stem, so the cache stores it apart and `typo_index`
    # loads it on first use (`fuzzy_loader`).
    fuzzy: dict | None = field(default_factory=dict)
    fuzzy_loader: object = None
    memory: object = None                                          # MemoryIndex
    languages: list[str] = field(default_factory=list)             # of the terms, sorted

    def prefixed(self, folded_query: str, limit: int = 50) -> list[tuple[str, int]]:
        """(folded term, term id) of terms starting with `folded_query`, in key order."""
        import bisect

        start = bisect.bisect_left(self.prefix_keys, (folded_query, "", -1))
        found = []
        for key, _concept, tid in self.prefix_keys[start:start + limit]:
            if not key.startswith(folded_query):
                break
            found.append((key, tid))
        return found

    def lexeme_term_count(self, lex: int, cap: int) -> int:
        """How many terms hold `lex`, counted up to `cap`."""
        return min(len(self.lexeme_terms.get(lex, ())), cap)

    def lexeme_term_counts(self, lexemes, cap: int) -> dict[int, int]:
        """`lexeme_term_count` of many lexemes at once (the on-disk index reads them in one
        query)."""
        return {lex: self.lexeme_term_count(lex, cap) for lex in lexemes}

    def containing_bands(self, lexemes, required: list, cap: int
                         ) -> Iterator[tuple[int, list[int]]]:
        """Terms holding one of `lexemes` (the first `cap` of each, shortest terms first)
        and a lexeme of every set in `required`, as (length, term ids) bands, shortest
        first: the order in which a search may stop once longer terms cannot compete."""
        pool: set[int] = set()
        for lex in lexemes:
            pool.update(self.lexeme_terms.get(lex, ())[:cap])
        bands: dict[int, list[int]] = {}
        for tid in pool:
            seq = self.sequences[tid]
            held = set(seq)
            if all(not held.isdisjoint(options) for options in required):
                bands.setdefault(len(seq), []).append(tid)
        for length in sorted(bands):
            yield length, sorted(bands[length])

    def typo_indexes(self) -> dict:
        if self.fuzzy is None:
            loaded = self.fuzzy_loader() if self.fuzzy_loader else None
            self.fuzzy = loaded if loaded is not None else _rebuild_typo_indexes(self)
            self.fuzzy_loader = None
        return self.fuzzy

    def typo_index(self, lang: str):
        return self.typo_indexes().get(lang)
    # (token -> lemma key, lemma key -> (folded forms, stems)): reused by the next rebuild
    morphology: tuple = ({}, {})


def _rebuild_typo_indexes(index: "Index") -> dict:
    """Fallback when the cached typo index is gone: rebuilt from the forms tables."""
    from termbase.index.fuzzy import DeletionIndex

    return {lang: DeletionIndex(table.keys()) for lang, table in index.forms.items()}
