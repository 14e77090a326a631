"""Finding every termbase term in a segment, in any inflected form.

Each segment token is mapped to lexeme ids by dictionary look-ups (known forms, then stems);
from every position we walk the language's trie of lexeme sequences, so the work is linear
in the segment length times the longest term, whatever the termbase size. Candidate spans
are then chosen longest first, so "ośrodek pomocy społecznej" wins over "pomoc społeczna"
inside it. Terms that only partly overlap are both kept: in "kierownik Wydziału Opieki
Społecznej" the translator needs "kierownik wydziału" as much as "Wydział Opieki Społecznej".
"""

from __future__ import annotations

from dataclasses import dataclass

from termbase.index.structures import Index
from termbase.text.morphology import stem_keys
from termbase.text.normalize import Token, fold, norm, tokenize

# Stems stand in for unknown forms only for words at least this long: short stems of
# everyday words would otherwise produce false hits in off-domain text.
MIN_STEM_WORD = 5


@dataclass
class Span:
    start: int          # character offsets into the segment
    end: int
    text: str           # as written in the segment
    term_ids: list[int]
    kind: str           # exact | folded | lemma
    tokens: int


def _token_options(index: Index, token: Token, lang: str) -> tuple[set[int], set[int]]:
    """(lexemes reached by a known form, lexemes reached only by a stem)."""
    folded = fold(token.text)
    known = set(index.forms.get(lang, {}).get(folded, ()))
    if known or len(token.text) < MIN_STEM_WORD:
        return known, set()
    stems = index.stems.get(lang, {})
    by_stem = set()
    for key in stem_keys(token.text, lang):
        by_stem.update(stems.get(key, ()))
    return known, by_stem


def find_spans(index: Index, segment: str, lang: str) -> list[Span]:
    """All candidate term occurrences (overlapping), before selection."""
    trie = index.trie.get(lang)
    if not trie:
        return []
    tokens = tokenize(segment)
    options = [_token_options(index, tok, lang) for tok in tokens]
    spans = []
    for start in range(len(tokens)):
        # frontier: (trie node, whether a stem was needed so far)
        frontier = [(trie, False)]
        for end in range(start, len(tokens)):
            known, by_stem = options[end]
            step = []
            for node, stemmed in frontier:
                for lex in known:
                    if lex in node:
                        step.append((node[lex], stemmed))
                for lex in by_stem:
                    if lex in node:
                        step.append((node[lex], True))
            if not step:
                break
            frontier = step
            length = end - start + 1
            for node, stemmed in frontier:
                tids = node.get(None)
                if not tids or (stemmed and length == 1):
                    continue
                first, last = tokens[start], tokens[end]
                text = segment[first.start:last.end]
                spans.append(Span(first.start, last.end, text, list(tids),
                                  _kind(index, tids, text), length))
    return spans


def _kind(index: Index, tids: list[int], text: str) -> str:
    terms = [index.terms[t].text for t in tids]
    if any(norm(t) == norm(text) for t in terms):
        return "exact"
    if any(fold(t) == fold(text) for t in terms):
        return "folded"
    return "lemma"


_KIND_RANK = {"exact": 0, "folded": 1, "lemma": 2, "fuzzy": 3}


def select_spans(spans: list[Span]) -> list[Span]:
    """Longest first; a span inside one already chosen is dropped (a span that only partly
    overlaps is another term of the segment and stays). Merges duplicates."""
    chosen: list[Span] = []
    taken: list[tuple[int, int]] = []
    by_place: dict[tuple[int, int], Span] = {}
    for span in sorted(spans, key=lambda s: (-s.tokens, -(s.end - s.start), s.start)):
        place = (span.start, span.end)
        if place in by_place:
            same = by_place[place]
            same.term_ids += [t for t in span.term_ids if t not in same.term_ids]
            if _KIND_RANK[span.kind] < _KIND_RANK[same.kind]:
                same.kind = span.kind  # the closest match of the terms found there
            continue
        if any(start <= span.start and span.end <= end for start, end in taken):
            continue
        by_place[place] = span
        taken.append(place)
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def recognize(index: Index, segment: str, lang: str) -> list[Span]:
    return select_spans(find_spans(index, segment, lang))
