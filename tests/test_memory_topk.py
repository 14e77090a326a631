"""Translation-memory matching reads a few postings and scores a few segments, yet answers
as scoring every segment would: the top hit and every match of 75 or more are the full
scan's (same matches, scores and order), and with `assured=0` the whole answer is.

A memory of a few thousand generated segments (the words of the shipped glossary, frequent
ones far more often than rare ones, with numbers, repeated sentences and a second variety)
is matched on both engines, after many small changes, against a full scan by the same
scorer."""

from __future__ import annotations

import random

import pytest

from termbase import Termbase, langtag
from termbase.index.memory import InMemoryIndex, Scorer, query_words
from termbase.index.memory_topk import ASSURED
from termbase.model import Segment

SEGMENTS = 3000


def _vocabulary(shipped) -> list[str]:
    words = {word.strip(".,;:()\"'").lower() for concept in shipped.concepts()
             for term in concept.terms if term.lang == "pl" for word in term.text.split()}
    return sorted(word for word in words if word.isalpha())


def _sentence(rng: random.Random, vocabulary: list[str], weights: list[float]) -> str:
    words = rng.choices(vocabulary, cum_weights=weights, k=rng.randint(3, 24))
    if rng.random() < 0.2:
        words.insert(rng.randrange(len(words)), str(rng.randint(1, 2030)))
    text = " ".join(words)
    return text[:1].upper() + text[1:] + rng.choice([".", ".", "?", ":"])


def _memory(shipped, rng: random.Random) -> list[dict[str, str]]:
    vocabulary = _vocabulary(shipped)
    rng.shuffle(vocabulary)
    weights, total = [], 0.0
    for rank in range(len(vocabulary)):  # Zipf-like: a few words in most segments
        total += 1.0 / (rank + 3)
        weights.append(total)
    texts = []
    for number in range(SEGMENTS):
        if texts and rng.random() < 0.05:
            texts.append(dict(rng.choice(texts)))  # the same sentence translated twice
            continue
        pl = _sentence(rng, vocabulary, weights)
        entry = {"pl": pl, "lt": f"Vertimas {number}."}
        if rng.random() < 0.05:
            entry["pl-LT"] = _sentence(rng, vocabulary, weights)
        texts.append(entry)
    return texts


def _query(rng: random.Random, texts: list[dict[str, str]]) -> str:
    words = rng.choice(texts)["pl"].rstrip(".?:").split()
    for _ in range(rng.randint(0, 4)):
        i = rng.randrange(len(words))
        kind = rng.random()
        if kind < 0.4:
            words[i] = rng.choice(words)
        elif kind < 0.6 and len(words) > 2:
            del words[i]
        elif kind < 0.8:
            words[i] = str(rng.randint(1, 99)) if rng.random() < 0.5 else words[i].upper()
        else:
            words.insert(i, rng.choice(words))
    return " ".join(words) + rng.choice([".", "", "?"])


def _full_scan(segments: dict[str, dict], query: str, limit: int) -> list[tuple]:
    """Every segment scored, in the documented order: score, shorter source, older."""
    scorer = Scorer(query)
    found = []
    for key, doc in segments.items():
        source = langtag.pick(doc["texts"], "pl")
        target = langtag.pick(doc["texts"], "lt")
        if source is None or target is None:
            continue
        score = scorer(source)
        if score >= 50.0:
            found.append((-score, len(source), (len(key), key), score, source))
    return [(score, source) for *_, score, source in sorted(found)[:limit]]


def _fill(tb: Termbase, texts: list[dict[str, str]], rng: random.Random) -> None:
    """The memory reached by many small transactions: adds, edits and deletes."""
    for start in range(0, len(texts), 500):
        with tb.store.transaction("part") as tx:
            for entry in texts[start:start + 500]:
                tx.add_segment(Segment(texts=dict(entry), origin="test"))
    keys = sorted((key for key, _ in tb.store.segment_items()), key=lambda k: (len(k), k))
    doomed = rng.sample(keys, 100)
    with tb.store.transaction("deletes") as tx:
        for key in doomed:
            tx.delete_segment(key)
    with tb.store.transaction("edits") as tx:
        for key in rng.sample(sorted(set(keys) - set(doomed)), 100):
            tx.update_segment(key, Segment(texts=dict(rng.choice(texts)), origin="test"))


def _breaches(query: str, expected: list[tuple], got: list[tuple]) -> list[str]:
    """How `got` breaks the contract with the full scan's `expected` answer: the same top
    hit and the same matches of ASSURED or more, every other match scored right, in order
    and above the threshold."""
    scorer = Scorer(query)
    breaches = []
    if got[:1] != expected[:1]:
        breaches.append("top hit")
    if [m for m in got if m[0] >= ASSURED] != [m for m in expected if m[0] >= ASSURED]:
        breaches.append("assured matches")
    if any(scorer(source) != score or score < 50.0 for score, source in got):
        breaches.append("a score")
    if [score for score, _ in got] != sorted((score for score, _ in got), reverse=True):
        breaches.append("order")
    return breaches


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_indexed_matching_answers_as_a_full_scan(tmp_path, shipped, engine):
    rng = random.Random(12)
    texts = _memory(shipped, rng)
    tb = Termbase.open(tmp_path / f"tm.{engine}", seed=False)
    _fill(tb, texts, rng)
    segments = dict(tb.store.segment_items())
    memory = tb.index.memory
    queries = [_query(rng, texts) for _ in range(150)]
    differences, breaches, below, found_below = [], [], 0, 0
    for query in queries:
        for limit in (1, 5):
            expected = _full_scan(segments, query, limit)
            exact = [(m.score, m.source)
                     for m in memory.search(query, "pl", "lt", limit, assured=0)]
            if exact != expected:
                differences.append((query, limit, expected, exact))
            got = [(m.score, m.source) for m in memory.search(query, "pl", "lt", limit)]
            if broken := _breaches(query, expected, got):
                breaches.append((query, limit, broken, expected, got))
            lower = [m for m in expected if m[0] < ASSURED]
            below += len(lower)
            found_below += sum(m in got for m in lower)
    assert not differences, f"{len(differences)} differ, e.g. {differences[:2]}"
    assert not breaches, f"{len(breaches)} break the contract, e.g. {breaches[:2]}"
    # below the assured level the places are filled from the segments sharing the rarer
    # words: most of the full scan's weaker matches are still found
    assert below >= 30 and found_below / below >= 0.8, (found_below, below)
    # the queries reach every kind of score, not only exact copies
    tops = [_full_scan(segments, query, 1) for query in queries]
    scores = {top[0][0] for top in tops if top}
    assert 100.0 in scores and any(score <= 94.0 for score in scores)
    assert any(95.0 <= score < 100.0 for score in scores)


def test_in_memory_index_answers_as_a_full_scan(shipped):
    """The reference index (tests, benchmarks) runs the same search over plain dicts."""
    rng = random.Random(5)
    texts = _memory(shipped, rng)
    segments = {str(n): {"texts": entry} for n, entry in enumerate(texts, 1)}
    memory = InMemoryIndex(segments)
    for query in [_query(rng, texts) for _ in range(100)]:
        got = [(m.score, m.source) for m in memory.search(query, "pl", "lt", 3, assured=0)]
        assert got == _full_scan(segments, query, 3), query


def test_segments_differing_only_in_numbers_are_found_by_the_number_key(tmp_path):
    """A query whose words are all numbers but one still finds the segment with other
    numbers (numbers compare as equal words: 95), though no key of its numbers matches."""
    tb = Termbase.open(tmp_path / "tm.sqlite", seed=False)
    with tb.store.transaction("add") as tx:
        tx.add_segment(Segment(texts={"pl": "Art. 12 ust. 3 pkt 4", "lt": "12 str. 3 d."}))
        tx.add_segment(Segment(texts={"pl": "Ustawa z dnia 5 maja", "lt": "Įstatymas"}))
    found = tb.index.memory.search("Art. 7 ust. 1 pkt 2", "pl", "lt")
    assert [(m.score, m.source) for m in found] == [(95.0, "Art. 12 ust. 3 pkt 4")]
    numbers = "15 16 17 18 19 20 21 22"
    assert tb.index.memory.search(numbers, "pl", "lt") == []
    with tb.store.transaction("add") as tx:
        tx.add_segment(Segment(texts={"pl": "2020 2021 2022 2023 2024 2025 2026 2027",
                                      "lt": "metai"}))
    assert [m.score for m in tb.index.memory.search(numbers, "pl", "lt")] == [95.0]


def _generated_memory(shipped, seed: int):
    """(texts, an in-memory index of them, the list every `holders` call's words and
    answer are logged into)."""
    rng = random.Random(seed)
    texts = _memory(shipped, rng)
    memory = InMemoryIndex({str(n): {"texts": entry} for n, entry in enumerate(texts, 1)})
    asked, holders = [], memory.holders

    def logged(lang, words, *lengths):
        found = holders(lang, words, *lengths)
        asked.append((words, found))
        return found

    memory.holders = logged
    return rng, texts, memory, asked


def test_a_near_copy_met_early_spares_the_frequent_words_postings(shipped):
    """A segment met with more query words than any other is scored as soon as it leads,
    so the score it sets rules out the frequent words' long postings: for a query sharing
    all but one word with a long stored segment, the frequent words' postings go unread
    (even where every posting is only a little longer than the one before): a tenth of the
    query words' postings is read at most."""
    rng, texts, memory, asked = _generated_memory(shipped, 7)
    segments = memory.segments_by_key
    long_ones = [key for key, doc in segments.items()
                 if len(set(doc["texts"]["pl"].lower().split())) >= 15][:40]
    assert len(long_ones) == 40
    for key in long_ones:
        words = segments[key]["texts"]["pl"].rstrip(".?:").split()
        query = " ".join(words[:-1] + ["zzzinny"])
        asked.clear()
        found = memory.search(query, "pl", "lt", limit=1)
        assert [(m.score, m.source) for m in found] == _full_scan(segments, query, 1)
        keys = [word.keys for word in query_words(query, "pl")]
        frequencies = memory.frequencies("pl", sorted({k for ks in keys for k in ks}))
        every_posting = sum(frequencies.get(k, 0) for ks in keys for k in ks)
        postings_read = sum(frequencies.get(k, 0) for words, _ in asked for k in words)
        assert postings_read < every_posting / 10, (query, postings_read, every_posting)


def test_the_weaker_places_do_not_make_the_best_five_read_every_posting(shipped):
    """Proving that no segment sharing only frequent words reaches 50 is what made a
    best-five search read the longest postings; with the assured level it reads about what
    the best hit needs (here under half the postings the exact search reads)."""
    rng, texts, memory, asked = _generated_memory(shipped, 9)
    queries = [_query(rng, texts) for _ in range(60)]
    postings = {}
    for assured in (0, ASSURED):
        asked.clear()
        for query in queries:
            memory.search(query, "pl", "lt", limit=5, assured=assured)
        postings[assured] = sum(len(found) for _, found in asked)
    assert postings[ASSURED] < postings[0] / 2, postings


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_a_grouped_amount_counts_as_one_word_in_the_length_bound(tmp_path, engine):
    """The scorer compares adjacent number words as one ("1 200,50" is three tokens, one
    number), so a segment's length and the query's, which bound the score it can reach, are
    counted that way: counted token by token, "Kwota 300 zł ..." (95 for the query below)
    was ruled out by its length once the longer segment's 75 was found."""
    tb = Termbase.open(tmp_path / f"tm.{engine}", seed=False)
    with tb.store.transaction("add") as tx:
        tx.add_segment(Segment(texts={
            "pl": "Kwota 1 200,50 zł wypłacona w terminie do końca miesiąca", "lt": "a"}))
        tx.add_segment(Segment(texts={"pl": "Kwota 300 zł wypłacona w terminie", "lt": "b"}))
    query = "Kwota 1 200,50 zł wypłacona w terminie"
    segments = dict(tb.store.segment_items())
    for assured in (0, ASSURED):
        found = tb.index.memory.search(query, "pl", "lt", limit=1, threshold=80,
                                       assured=assured)
        assert [(m.score, m.source) for m in found] == _full_scan(segments, query, 1)
        assert [m.score for m in found] == [95.0]
    memory = InMemoryIndex({"1": {"texts": {"pl": "Gmina rodzina.", "lt": "a"}},
                            "2": {"texts": {"pl": "5 000 gmina?", "lt": "b"}}})
    found = memory.search("gmina", "pl", "lt", limit=1)
    assert [(m.score, m.source) for m in found] == [(50.0, "5 000 gmina?")]
