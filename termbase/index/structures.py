"""The index's data: plain dicts and tuples, so it pickles and loads in milliseconds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

# Bump when the layout or the keys change: old caches are then rebuilt, never misread.
INDEX_FORMAT = 6


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
    prefix_keys: list[tuple[str, int]] = field(default_factory=list)
    fuzzy: dict = field(default_factory=dict)                     # lang -> DeletionIndex
    memory: object = None                                          # MemoryIndex
    languages: list[str] = field(default_factory=list)             # of the terms, sorted
    # (token -> lemma key, lemma key -> (folded forms, stems)): reused by the next rebuild
    morphology: tuple = ({}, {})
