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

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from termbase import langtag
from termbase.index.memory_topk import ASSURED, QueryWord, Ranking, segment_order, top_matches
from termbase.text.morphology import stem
from termbase.text.normalize import fold, norm, tokenize
from termbase.text.punctuation import normalise_punctuation
from termbase.text.placeholders import without_tags

NUMBER_KEY = "#"  # filed under it: every text holding a word with a digit (never a word)


def word_keys(text: str, lang: str) -> list[frozenset[str]]:
    """Retrieval keys per word: stems of the word as written and folded, so inflected
    forms meet, and so do texts typed with and without diacritics."""
    return [_keys_of(t.text, lang) for t in tokenize(without_tags(text))]


def _keys_of(word: str, lang: str) -> frozenset[str]:
    return frozenset((stem(word, lang) or fold(word), stem(fold(word), lang) or fold(word)))


def all_keys(text: str, lang: str) -> set[str]:
    """The keys a segment text is filed under: its words' keys, and NUMBER_KEY if a word
    holds a digit (the scorer compares any two numbers as equal words)."""
    if not text:
        return set()
    keys = set().union(*word_keys(text, lang))
    if any(_DIGIT.search(word) for word in comparable_words(text)):
        keys.add(NUMBER_KEY)
    return keys


def filing(texts: dict[str, str]) -> set[tuple[str, str, int]]:
    """(language, key, length) rows a segment is filed under: texts are keyed by variety
    (pl-PL, pl-LT) and found by base language; length is a text's number of words, which
    bounds the score it can reach (counted as the scorer compares: a grouped amount such as
    "1 200,50" is one word). A segment with texts of several lengths in a language
    (two varieties) files its keys under each, so whichever text is picked, its length is
    there."""
    lengths: dict[str, set[int]] = defaultdict(set)
    keys: dict[str, set[str]] = defaultdict(set)
    for tag, text in texts.items():
        lang = langtag.base(tag)
        lengths[lang].add(len(_numbers_masked(comparable_words(text))) if text else 0)
        keys[lang] |= all_keys(text, lang)
    return {(lang, key, length) for lang, found in keys.items() for key in found
            for length in lengths[lang]}


def query_words(text: str, lang: str) -> list[QueryWord]:
    """The query's distinct words as the scorer compares them (all numbers as one word,
    adjacent number words as one number), each with how often the query holds it and the keys a segment holding it is filed
    under: a function of the word's `norm`, so a segment with the same word has them."""
    counts: Counter = Counter()
    keys: dict[str, tuple[str, ...]] = {}
    previous = None
    for token in tokenize(without_tags(text)):
        word = norm(token.text)
        if _DIGIT.search(word):
            word = NUMBER_KEY
            keys[word] = (NUMBER_KEY,)
        elif word not in keys:
            keys[word] = tuple(sorted(_keys_of(token.text, lang)))
        if word != NUMBER_KEY or previous != NUMBER_KEY:
            counts[word] += 1
        previous = word
    return [QueryWord(keys[word], count) for word, count in counts.items()]


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
    """Top-k matching (`memory_topk`) over three questions a store answers: how many
    segments hold each key, which segments hold any of some keys, and the segments'
    documents; subclasses say where those come from."""

    def __len__(self) -> int:
        raise NotImplementedError

    def segment(self, key: str) -> dict | None:
        raise NotImplementedError

    def segments(self, keys: list[str]) -> list[tuple[str, dict]]:
        """(key, document) of those of `keys` that exist."""
        return [(key, doc) for key in keys if (doc := self.segment(key)) is not None]

    def posting(self, lang: str, word: str, limit: int | None = None) -> list[str]:
        raise NotImplementedError

    def frequencies(self, lang: str, words: list[str]) -> dict[str, int]:
        """Word -> how many segments hold it (those held by none may be left out)."""
        raise NotImplementedError

    def holders(self, lang: str, words: tuple[str, ...], shortest: int, longest: int
                ) -> list[tuple[str, int]]:
        """(segment, length) of the segments holding any of `words` with a text
        `shortest` to `longest` words long (a segment may come more than once)."""
        raise NotImplementedError

    def search(self, text: str, source_lang: str, target_lang: str, limit: int = 5,
               threshold: float = 50.0, assured: float = ASSURED) -> list[MemoryMatch]:
        """The `limit` best matches scoring at least `threshold`, best first (then the
        shorter source, then the older). The top hit and every match of `assured` or more
        are exactly those a scan of every segment would give; further places below it are
        the best of the segments sharing the query's rarer words (`memory_topk`)."""
        lang = langtag.base(source_lang)
        scorer = Scorer(text)

        def score(keys: list[str], ranking: Ranking) -> None:
            for key, doc in self.segments(keys):
                source = langtag.pick(doc["texts"], source_lang)
                target = langtag.pick(doc["texts"], target_lang)
                if source is None or target is None:
                    continue
                match = MemoryMatch(scorer(source), key, source, target,
                                    source_lang, target_lang, doc.get("origin", ""))
                ranking.offer(match.score, len(source), segment_order(key), match)

        ranking = Ranking(limit, threshold, assured)
        top_matches(query_words(text, lang), lambda words: self.frequencies(lang, words),
                    lambda words, shortest, longest: self.holders(lang, words, shortest,
                                                                  longest),
                    score, ranking)
        return ranking.matches()


class InMemoryIndex(MemoryIndex):
    """Built from a dict of segments (tests, benchmarks' baselines, one-off scripts)."""

    def __init__(self, segments: dict[str, dict]):
        self.segments_by_key = segments
        self.postings: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.lengths: dict[tuple[str, str], set[int]] = defaultdict(set)
        for key, doc in segments.items():
            filed = filing(doc["texts"])
            for lang, word in {(lang, word) for lang, word, _ in filed}:
                self.postings[lang][word].append(key)
            for lang, _, length in filed:
                self.lengths[(lang, key)].add(length)
        self.postings = {lang: dict(table) for lang, table in self.postings.items()}

    def __len__(self) -> int:
        return len(self.segments_by_key)

    def segment(self, key: str) -> dict | None:
        return self.segments_by_key.get(key)

    def posting(self, lang: str, word: str, limit: int | None = None) -> list[str]:
        found = self.postings.get(lang, {}).get(word, [])
        return found[:limit] if limit else found

    def frequencies(self, lang: str, words: list[str]) -> dict[str, int]:
        table = self.postings.get(lang, {})
        return {word: len(table[word]) for word in words if word in table}

    def holders(self, lang: str, words: tuple[str, ...], shortest: int, longest: int
                ) -> list[tuple[str, int]]:
        return [(key, length) for word in words for key in self.posting(lang, word)
                for length in self.lengths[(lang, key)] if shortest <= length <= longest]


class StoredMemory(MemoryIndex):
    """The memory's retrieval keys in the on-disk index (`ix_mem`, and how many segments
    hold each in `ix_memdf`), segments from the store (or the index's copy of them), read
    per query."""

    def __init__(self, conn, segment_sql: str, count_sql: str, keeper=None):
        self.conn, self.segment_sql, self.count_sql = conn, segment_sql, count_sql
        self._keeper = keeper  # keeps an index file's own connection open while used
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

    def frequencies(self, lang: str, words: list[str]) -> dict[str, int]:
        marks = ",".join("?" * len(words))
        return dict(self.conn.execute(
            f"SELECT word, n FROM ix_memdf WHERE lang=? AND word IN ({marks})", (lang, *words)))

    def holders(self, lang: str, words: tuple[str, ...], shortest: int, longest: int
                ) -> list[tuple[str, int]]:
        marks = ",".join("?" * len(words))
        return list(self.conn.execute(
            f"SELECT seg, len FROM ix_mem WHERE lang=? AND word IN ({marks}) AND len BETWEEN"
            " ? AND ?", (lang, *words, shortest, longest)))

    def posting(self, lang: str, word: str, limit: int | None = None) -> list[str]:
        # Read in key order, which stops at `limit` rows without sorting a frequent word's
        # every posting; then put in the order segments were added (keys are counters), as
        # the in-memory postings are.
        sql = "SELECT seg FROM ix_mem WHERE lang=? AND word=?"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return sorted((r[0] for r in self.conn.execute(sql, (lang, word))),
                      key=segment_order)


def similarity(query: str, query_words: list[str], candidate: str) -> float:
    """The match score of `candidate` for `query` (see the table above)."""
    return Scorer(query, query_words)(candidate)


class Scorer:
    """`similarity` for one query against many candidates: the query's side is prepared
    once."""

    def __init__(self, query: str, query_words: list[str] | None = None):
        self.query = query.strip()
        self.plain = normalise_punctuation(query)
        self.folded = self.plain.casefold()
        self.words = comparable_words(query) if query_words is None else query_words
        self.masked = _numbers_masked(self.words)

    def __call__(self, candidate: str) -> float:
        if self.query == candidate.strip():
            return 100.0
        plain_candidate = normalise_punctuation(candidate)
        if self.plain == plain_candidate:
            return 99.0
        if self.folded == plain_candidate.casefold():
            return 98.0
        words = comparable_words(candidate)
        if words == self.words:
            return 97.0
        masked = _numbers_masked(words)
        if self.masked == masked:
            return 95.0
        ratio = Levenshtein.normalized_similarity(self.masked, masked)
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
