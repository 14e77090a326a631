"""Merge the lemma sets of ambiguous words into one key per lexeme, after counting.

morfeusz2 reads "pracownicy" as pracownik (plural) or pracownica (genitive), but
"pracowników" only as pracownik. Picking one lemma per word in isolation would split
"pracownicy socjalni" from "pracowników socjalnych"; instead each ambiguous word keeps its
lemma set while counting, and once the whole input is seen, sets that share a lemma are
united (union-find) and named by the lemma most occurrences support ("pracownik").
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from termbase.extraction.analysis import AMBIGUOUS, lithuanian_adjective, lithuanian_stem
from termbase.text.lithuanian import paradigm
from termbase.extraction.polish_homographs import own_frequency
from termbase.extraction.termhood import general_frequency
from termbase.text import polish


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, items: list[str]) -> None:
        root = self.find(items[0])
        for other in items[1:]:
            self.parent[self.find(other)] = root


def canonical_keys(raw_counts: dict[str, int], lang: str
                   ) -> tuple[dict[str, str], dict[str, set[str]]]:
    """(raw key -> lexeme key, lexeme key -> its member lemmas) for keys needing a change.

    A group is named by the lemma most occurrences support; on a tie (every form of gmina
    is also a form of the rare noun gmin) by the lemma more common in general language
    (Polish: counted on its own forms, see `polish_homographs`)."""
    ambiguous = [raw for raw in raw_counts if AMBIGUOUS in raw]
    if not ambiguous:
        return {}, {}
    support: Counter = Counter()
    groups = _UnionFind()
    for raw, count in raw_counts.items():
        lemmas = raw.split(AMBIGUOUS)
        groups.union(lemmas)
        for lemma in lemmas:
            support[lemma] += count
    members: dict[str, set[str]] = {}
    for lemma in support:
        members.setdefault(groups.find(lemma), set()).add(lemma)
    frequency = own_frequency if lang == "pl" and polish.available() else \
        lambda lemma: general_frequency(lemma, lang)
    names = {root: _name(group, support, frequency) for root, group in members.items()}
    mapping = {}
    for raw in raw_counts:
        name = names[groups.find(raw.split(AMBIGUOUS)[0])]
        if name != raw:
            mapping[raw] = name
    return mapping, {names[root]: group for root, group in members.items() if len(group) > 1}


def _name(group: set[str], support: Counter, frequency) -> str:
    """The lemma most occurrences support; of several, the commonest in general language
    (weighed only then: it costs the generation of every form)."""
    best = max(support[lemma] for lemma in group)
    tied = sorted(lemma for lemma in group if support[lemma] == best)
    return tied[0] if len(tied) == 1 else min(tied, key=lambda lemma: -frequency(lemma))


def lithuanian_homographs(word_forms: dict[str, Counter]) -> dict[str, str]:
    """Noun key -> the noun of the same stem that explains all its forms seen, when that
    one is also seen in a form of its own. simplemma files the genitive plural "narių"
    under narė, though it is narys's too: a text that also has "nariais" (narys only) means
    the member, and "bendruomenės narių" joins "bendruomenės nariai"."""
    by_stem: dict[str, list[str]] = {}
    for key in word_forms:
        if not key.startswith("~") and not lithuanian_adjective(key):
            by_stem.setdefault(lithuanian_stem(key), []).append(key)
    mapping = {}
    for keys in by_stem.values():
        for key in keys:
            seen = set(word_forms[key])
            others = [other for other in keys if other != key
                      and seen <= set(paradigm(other))
                      and not set(word_forms[other]) <= set(paradigm(key))]
            if len(others) == 1:
                mapping[key] = others[0]
    return mapping


def rekey(key: tuple[str, ...], mapping: dict[str, str]) -> tuple[str, ...]:
    return tuple(mapping.get(part, part) for part in key)


def merged_counters(items: Iterable[tuple[str, Counter]], mapping: dict[str, str]
                    ) -> dict[str, Counter]:
    merged: dict[str, Counter] = {}
    for key, counts in items:
        target = merged.setdefault(mapping.get(key, key), Counter())
        target.update(counts)
    return merged
