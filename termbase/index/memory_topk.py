"""The best translation-memory matches of a query, as a full scan would rank them, while
reading and scoring only a few segments.

The score (`memory.similarity`) of a segment whose words are not those of the query is at
most 100 * shared / max(len(query), len(segment)), capped at 94: the word-level edit
distance is at least the longer text's length less the words the two have in common. The
index files each segment under its words' keys with its length in words, so:

* a segment whose length alone keeps it below the score the answer needs (the k-th best
  found so far, or the threshold) is never read: postings are read for a window of lengths;
* the query's distinct words (every word holding a digit counts as one word, "#", as the
  scorer compares numbers) are taken rarest first, by the number of segments holding them;
  a segment met in none of the postings read so far can share at most the words not read
  yet, and once that bound falls below the needed score no unread segment can enter the
  answer: the frequent words' long postings are never read;
* a segment met so far can share at most what it was met with plus the words not read; the
  candidates are scored best bound first, and scoring stops where the bound falls below
  the needed score.

Each bound is admissible. The score needed is the k-th best found so far or the threshold,
but raised to the best found so far, up to ASSURED (75): so the top hit and every match of
75 or more are the full scan's (same scores, same order: score, then the shorter source,
then the older segment). Below 75 the further places are filled from the segments met, most
query words shared first: a full scan may find another segment there that shares only the
query's frequent words. Certifying that no such segment reaches the threshold (50) means
reading the longest postings; it cost a median 12 ms of a best-five search at 100k
segments, for matches an agency would price as new text. `assured=0` makes the whole answer
exact (tests). The one case outside the bound: a segment
whose text equals the query but for typography or case (99 or 98) whose words the tokenizer
splits differently, which no text in practice does (the typographic variants are not
letters or digits).
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable

FIRST_SCORING = 50  # postings read before scoring starts (scoring a segment costs more)
BATCH = 4  # segments fetched and scored per step
# Matches of this score or more are always those a full scan gives; it is the lowest band a
# CAT tool's analysis counts as a fuzzy match (below 75, agencies price a segment as new).
ASSURED = 75.0
FILL = 2  # below ASSURED, segments scored per free place in the answer, most shared first
SCORING_COST = 50  # scoring a segment costs about as much as reading this many postings


@dataclass
class QueryWord:
    """One distinct word of the query (or all its numbers), its retrieval keys, how often
    the query holds it and how many segments hold one of its keys."""

    keys: tuple[str, ...]
    weight: int
    frequency: int = 0


def best_possible(shared: int, query_length: int, length: int = 0) -> float:
    """The highest score a segment of `length` words sharing at most `shared` words with a
    query of `query_length` words can have (with the scorer's rounding, so the bound is
    never below a real score)."""
    longer = max(query_length, length)
    if shared >= longer:
        return 100.0
    return round(min(94.0, 100.0 * shared / longer), 1)


def length_window(query_length: int, needed: float) -> tuple[int, int]:
    """The lengths (in words) a segment may have and still reach the `needed` score."""
    n = query_length
    shortest = next(m for m in range(n + 1) if best_possible(m, n, m) >= needed or m == n)
    if needed > 94.0:
        return shortest, n
    if needed <= 0.05:
        return shortest, UNBOUNDED
    longest = max(n, int(100.0 * n / (needed - 0.05)) + 2)  # then stepped back
    while longest > n and best_possible(n, n, longest) < needed:
        longest -= 1
    return shortest, longest


UNBOUNDED = 2 ** 31


@dataclass
class Ranking:
    """The k best matches so far, in the full scan's order, and the score a segment needs
    to enter them."""

    limit: int
    threshold: float
    assured: float = ASSURED
    best: list = field(default_factory=list)  # heap: (score, -len(source), order, match)

    def offer(self, score: float, source_length: int, order: tuple, match) -> None:
        if score < self.threshold:
            return
        entry = (score, -source_length, _Reversed(order), match)
        if len(self.best) < self.limit:
            heapq.heappush(self.best, entry)
        elif entry[:3] > self.best[0][:3]:
            heapq.heapreplace(self.best, entry)

    def needed(self) -> float:
        """A segment whose bound is below this cannot change the assured part of the
        answer: the top hit, and every match of ASSURED or more."""
        entering = self.entering()
        if not self.best:
            return entering
        return max(entering, min(self.assured, max(self.best)[0]))

    def entering(self) -> float:
        """The score a segment needs to enter the k best found so far."""
        if len(self.best) < self.limit:
            return self.threshold
        return max(self.threshold, self.best[0][0])

    def matches(self) -> list:
        return [entry[3] for entry in sorted(self.best, reverse=True)]


class _Reversed:
    """Orders the other way round: of two equal matches the older segment ranks first."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        return self.value > other.value

    def __eq__(self, other):
        return self.value == other.value


def top_matches(words: list[QueryWord], frequencies: Callable[[list[str]], dict[str, int]],
                holders: Callable[[tuple[str, ...], int, int], list[tuple[str, int]]],
                score: Callable[[list[str], Ranking], None], ranking: Ranking) -> None:
    """Fill `ranking` with the best segments (see the module docstring). `frequencies`:
    key -> number of segments holding it; `holders(keys, shortest, longest)`: (segment,
    length) of the segments with a text of such a length holding any of the keys;
    `score(segments, ranking)`: fetch those segments and offer their matches."""
    length = sum(word.weight for word in words)
    if not length or ranking.limit <= 0:
        return
    counts = frequencies(sorted({key for word in words for key in word.keys}))
    for word in words:
        word.frequency = sum(counts.get(key, 0) for key in word.keys)
    order = sorted((word for word in words if word.frequency), key=lambda w: w.frequency)
    search = _Candidates(length)
    search.unread -= sum(word.weight for word in words if not word.frequency)  # in none
    read = 0
    for position, word in enumerate(order):
        needed = ranking.needed()
        if best_possible(search.unread, length) < needed:
            # no segment left unseen can make it; a posting is still read if it costs less
            # than scoring the candidates it may rule out (it lowers the bound of those
            # not in it)
            if search.waiting(needed) * SCORING_COST <= word.frequency:
                break
            search.meet(holders(word.keys, *length_window(length, needed)), word.weight,
                        known_only=True)
            continue
        search.meet(holders(word.keys, *length_window(length, needed)), word.weight)
        read += word.frequency
        after = order[position + 1] if position + 1 < len(order) else None
        if after is not None and after.frequency > max(read, FIRST_SCORING):
            # the next posting is longer than all read so far: the best candidates are
            # scored first, which may make it needless or narrow its lengths
            search.score_best(score, ranking, most=BATCH)
        elif search.leaders:
            # a segment met with more query words than any scored so far is likely the
            # answer: scoring it early raises the score needed, which narrows the lengths
            # read and lets the frequent words' postings go unread
            search.score_leaders(score, ranking)
    search.score_best(score, ranking)
    search.fill(score, ranking, FILL * ranking.limit)


class _Candidates:
    """The segments met in the postings read so far: how many query words each was met
    with, its length, and which were scored."""

    def __init__(self, query_length: int):
        self.query_length = query_length
        self.unread = query_length  # query words whose postings are not read yet
        self.shared: Counter = Counter()
        self.lengths: dict[str, tuple[int, ...]] = {}
        self.done: set[str] = set()
        self.most_scored = 1  # the most query words a scored segment was met with
        self.leaders: list[str] = []  # of the last posting, met with more than that

    def meet(self, holders: list[tuple[str, int]], weight: int, known_only: bool = False
             ) -> None:
        """Count a posting read; `known_only`: for the segments met before only (no other
        can reach the answer any more)."""
        shared, lengths = self.shared, self.lengths
        met = set()
        top, leaders = self.most_scored, []
        for segment, length in holders:
            if known_only and segment not in shared:
                continue
            if segment not in met:
                met.add(segment)
                count = shared[segment] = shared[segment] + weight
                if count > top:
                    top, leaders = count, [segment]
                elif count == top and top > self.most_scored:
                    leaders.append(segment)
            known = lengths.get(segment)
            if known is None:
                lengths[segment] = (length,)
            elif length not in known:  # a segment with texts of several lengths
                lengths[segment] = known + (length,)
        self.unread -= weight
        self.leaders = leaders

    def score_leaders(self, score: Callable[[list[str], Ranking], None], ranking: Ranking
                      ) -> None:
        """Score the segments met with the most query words, if few and still able to
        reach the ranking."""
        leaders, self.leaders = self.leaders, []
        if len(leaders) > BATCH:
            return
        needed = ranking.needed()
        batch = [segment for segment in leaders if segment not in self.done
                 and self.bound(segment, self.shared[segment]) >= needed]
        if batch:
            self.most_scored = max(self.shared[segment] for segment in batch)
            self.done.update(batch)
            score(batch, ranking)

    def waiting(self, needed: float) -> int:
        """How many segments met but not scored could still reach `needed` (by the words
        they may share; their lengths may rule out more)."""
        fewest = next((shared for shared in range(self.query_length + 1)
                       if best_possible(shared + self.unread, self.query_length) >= needed),
                      self.query_length + 1)
        return sum(1 for segment, shared in self.shared.items()
                   if shared >= fewest and segment not in self.done)

    def bound(self, segment: str, shared: int) -> float:
        """The best score the segment can still reach (the best of its texts' lengths)."""
        reach = shared + self.unread
        return max(best_possible(min(reach, length), self.query_length, length)
                   for length in self.lengths[segment])

    def score_best(self, score: Callable[[list[str], Ranking], None], ranking: Ranking,
                   most: int | None = None) -> None:
        """Score the segments met so far, best bound first, while a bound can still reach
        the ranking (which rises as they are scored). Segments are taken by how many query
        words they were met with, most first, so the many that share one or two words are
        not even looked at once a good match is found. `most`: score no more than that
        many (between postings, only to raise the score the answer needs)."""
        by_shared: dict[int, list[str]] = defaultdict(list)
        for segment, shared in self.shared.items():
            by_shared[shared].append(segment)
        unread, query_length = self.unread, self.query_length
        for shared in sorted(by_shared, reverse=True):
            if best_possible(shared + unread, query_length) < ranking.needed():
                return
            waiting = sorted((-self.bound(segment, shared), segment_order(segment), segment)
                             for segment in by_shared[shared] if segment not in self.done)
            for start in range(0, len(waiting), BATCH):
                needed = ranking.needed()
                batch = [segment for bound, _, segment in waiting[start:start + BATCH]
                         if -bound >= needed]
                if not batch:
                    break
                self.done.update(batch)
                score(batch, ranking)
                self.most_scored = max(self.most_scored, shared)
                if most is not None:
                    most -= len(batch)
                    if most <= 0:
                        return


    def fill(self, score, ranking: Ranking, most: int) -> None:
        """Score up to `most` more of the segments met that could still enter the answer
        below the assured level, those met with the most query words first."""
        entering = ranking.entering()
        bounds = ((segment, shared, self.bound(segment, shared))
                  for segment, shared in self.shared.items() if segment not in self.done)
        batch = [segment for *_, segment in heapq.nsmallest(most, (
            (-shared, -bound, segment_order(segment), segment)
            for segment, shared, bound in bounds if bound >= entering))]
        if batch:
            self.done.update(batch)
            score(batch, ranking)


def segment_order(key: str) -> tuple:
    """Segments in the order they were added (keys are counters)."""
    return (len(key), key)
