"""Translation-memory retrieval: a token inverted index for candidates, rapidfuzz to score.

Candidates are the segments sharing the most (rarity-weighted) word keys with the query;
only those are scored. The score is what CAT tools show, from one penalty table for every
engine and face:

    100  identical text
     99  only typography differs (quote, apostrophe, dash, ellipsis and space variants)
     98  only letter case differs
     97  only punctuation differs (marks added, removed or changed)
     95  only numbers, dates or codes differ (words holding a digit); they are marked
    <=94 otherwise: the word-level edit similarity, numbers compared as numbers

Inline codes of TMX are placeholders, not words, so segments that differ only in them
score as for punctuation.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from termbase import langtag
from termbase.text.morphology import stem
from termbase.text.normalize import fold, norm, tokenize
from termbase.text.punctuation import normalise_punctuation
from termbase.text.placeholders import without_tags

MAX_CANDIDATES = 40   # segments scored per query
MAX_POSTING = 2_000  # keys in more segments than this are too common to retrieve by
# (measured at 100k segments: 2,000 keeps the right segment on top in 299 of 300 queries
# and cuts the p50 from 24.5 ms to 3.8 ms)


def word_keys(text: str, lang: str) -> list[frozenset[str]]:
    """Retrieval keys per word: stems of the word as written and folded, so inflected
    forms meet, and so do texts typed with and without diacritics."""
    return [frozenset((stem(t.text, lang) or fold(t.text), stem(fold(t.text), lang)
                       or fold(t.text))) for t in tokenize(without_tags(text))]


def all_keys(text: str, lang: str) -> set[str]:
    return set().union(*word_keys(text, lang)) if text else set()


def comparable_words(text: str) -> list[str]:
    """Words to compare; tag placeholders separate words and count as none."""
    return [norm(t.text) for t in tokenize(without_tags(text))]


@dataclass
class MemoryMatch:
    score: float
    segment_key: str
    source: str
    target: str
    source_lang: str
    target_lang: str
    origin: str = ""

    def to_json(self) -> dict:
        return {"score": self.score, "source": self.source, "target": self.target,
                "origin": self.origin}


class MemoryIndex:
    """Candidates and scoring over `segments` (key -> document) and `posting(lang, key)`;
    subclasses say where those come from."""

    def __len__(self) -> int:
        raise NotImplementedError

    def segment(self, key: str) -> dict | None:
        raise NotImplementedError

    def posting(self, lang: str, word: str, limit: int | None = None) -> list[str]:
        raise NotImplementedError

    def too_frequent(self, lang: str, word: str, most: int) -> bool:
        """Whether more than `most` segments hold the word (it then tells nothing)."""
        return len(self.posting(lang, word, most + 1)) > most

    def candidates(self, text: str, lang: str) -> list[str]:
        lang = langtag.base(lang)
        total = max(len(self), 1)
        weights: Counter = Counter()
        for word in all_keys(text, lang):
            if self.too_frequent(lang, word, MAX_POSTING):
                continue
            keys = self.posting(lang, word)
            if not keys:
                continue
            idf = math.log(1 + total / len(keys))
            for key in keys:
                weights[key] += idf
        return [key for key, _ in heapq.nlargest(MAX_CANDIDATES, weights.items(),
                                                 key=lambda kv: kv[1])]

    def search(self, text: str, source_lang: str, target_lang: str, limit: int = 5,
               threshold: float = 50.0) -> list[MemoryMatch]:
        query_words = comparable_words(text)
        results = []
        for key in self.candidates(text, source_lang):
            doc = self.segment(key)
            if doc is None:
                continue
            source = langtag.pick(doc["texts"], source_lang)
            target = langtag.pick(doc["texts"], target_lang)
            if source is None or target is None:
                continue
            score = similarity(text, query_words, source)
            if score >= threshold:
                results.append(MemoryMatch(score, key, source, target, source_lang,
                                           target_lang, doc.get("origin", "")))
        results.sort(key=lambda m: (-m.score, len(m.source)))
        return results[:limit]


class InMemoryIndex(MemoryIndex):
    """Built from a dict of segments (tests, benchmarks' baselines, one-off scripts)."""

    def __init__(self, segments: dict[str, dict]):
        self.segments = segments
        self.postings: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for key, doc in segments.items():
            for tag, text in doc["texts"].items():    # keyed by variety: found by base
                lang = langtag.base(tag)
                for word in all_keys(text, lang):
                    self.postings[lang][word].append(key)
        self.postings = {lang: dict(table) for lang, table in self.postings.items()}

    def __len__(self) -> int:
        return len(self.segments)

    def segment(self, key: str) -> dict | None:
        return self.segments.get(key)

    def posting(self, lang: str, word: str, limit: int | None = None) -> list[str]:
        found = self.postings.get(lang, {}).get(word, [])
        return found[:limit] if limit else found


class StoredMemory(MemoryIndex):
    """The memory's retrieval keys in the on-disk index (`ix_mem`), segments from the
    store (or the index's copy of them), read per query."""

    def __init__(self, conn, segment_sql: str, count_sql: str):
        self.conn, self.segment_sql, self.count_sql = conn, segment_sql, count_sql
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = self.conn.execute(self.count_sql).fetchone()[0]
        return self._count

    def segment(self, key: str) -> dict | None:
        import json

        row = self.conn.execute(self.segment_sql, (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def has_language(self, lang: str) -> bool:
        """Whether any memory segment has a text in `lang` (one indexed read)."""
        return self.conn.execute("SELECT 1 FROM ix_mem WHERE lang=? LIMIT 1",
                                 (lang,)).fetchone() is not None

    def too_frequent(self, lang: str, word: str, most: int) -> bool:
        # one probe past the limit, stepped through inside SQLite: no row of a frequent
        # word's postings is read into Python
        return self.conn.execute("SELECT 1 FROM ix_mem WHERE lang=? AND word=? LIMIT 1"
                                 " OFFSET ?", (lang, word, most)).fetchone() is not None

    def posting(self, lang: str, word: str, limit: int | None = None) -> list[str]:
        # Read in key order, which stops at `limit` rows without sorting a frequent word's
        # every posting; then put in the order segments were added (keys are counters), as
        # the in-memory postings are. A capped list of a frequent word is not used anyway.
        sql = "SELECT seg FROM ix_mem WHERE lang=? AND word=?"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return sorted((r[0] for r in self.conn.execute(sql, (lang, word))),
                      key=lambda key: (len(key), key))


def similarity(query: str, query_words: list[str], candidate: str) -> float:
    """The match score of `candidate` for `query` (see the table above)."""
    if query.strip() == candidate.strip():
        return 100.0
    plain_query, plain_candidate = normalise_punctuation(query), normalise_punctuation(candidate)
    if plain_query == plain_candidate:
        return 99.0
    if plain_query.casefold() == plain_candidate.casefold():
        return 98.0
    words = comparable_words(candidate)
    if words == query_words:
        return 97.0
    masked_query, masked = _numbers_masked(query_words), _numbers_masked(words)
    if masked_query == masked:
        return 95.0
    ratio = Levenshtein.normalized_similarity(masked_query, masked)
    return round(min(94.0, 100.0 * ratio), 1)


def _numbers_masked(words: list[str]) -> list[str]:
    """Each number as `#`; adjacent number words as one, since the tokenizer splits a
    grouped amount ("1 200,50") into several."""
    masked: list[str] = []
    for word in words:
        word = "#" if _DIGIT.search(word) else word
        if word != "#" or not masked or masked[-1] != "#":
            masked.append(word)
    return masked


_DIGIT = re.compile(r"\d")


def diff_pieces(query: str, candidate: str) -> list[tuple[str, bool]]:
    """The whole candidate text in pieces, each word flagged as in `word_diff` and the
    spaces and punctuation between words kept as written (flagged False), so nothing of
    the memory's source, such as its final full stop, is lost when shown."""
    tokens = tokenize(candidate)
    pieces, position = [], 0
    for token, (_, differs) in zip(tokens, word_diff(query, candidate)):
        if token.start > position:
            pieces.append((candidate[position:token.start], False))
        pieces.append((candidate[token.start:token.end], differs))
        position = token.end
    if position < len(candidate):
        pieces.append((candidate[position:], False))
    return pieces


def word_diff(query: str, candidate: str) -> list[tuple[str, bool]]:
    """The candidate's words, each flagged True where it differs from the query."""
    words = [t.text for t in tokenize(candidate)]
    same = [False] * len(words)
    q, c = comparable_words(query), [norm(w) for w in words]
    for block in Levenshtein.opcodes(q, c):
        if block.tag == "equal":
            for i in range(block.dest_start, block.dest_end):
                same[i] = True
    return [(word, not ok) for word, ok in zip(words, same)]
