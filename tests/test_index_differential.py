"""The on-disk index answers exactly as the in-memory index it replaced.

Over 10,000 generated queries of every class (exact, inflected, folded, typo, prefix,
several words, a phrase inside a segment, memory retrieval) are run against the reference
in-memory index built from a list of concepts, and against the on-disk index of a store
that reached the same concepts through many small changes (adds, edits, deletes, re-adds),
on both engines. Every answer must be the same."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from termbase import Termbase
from termbase.index.build import build_index
from termbase.index.recognize import recognize
from termbase.index.search import search
from termbase.lookup import rank
from termbase.model import Concept
from termbase.text.normalize import fold, tokenize

TMX = Path(__file__).parent / "data" / "memory_pl_lt_en.tmx"
QUERIES_PER_ENGINE = 10_000


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice("dsir")
    if kind == "d":
        return word[:i] + word[i + 1:]
    if kind == "s":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "i":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeioukrstnl") + word[i + 1:]


def _forms(term: str, lang: str) -> list[str]:
    """Inflected variants: observed forms and, for Polish, morfeusz2's case forms of the
    last word (independent of the index's own form tables)."""
    if lang != "pl":
        return []
    try:
        import morfeusz2
    except ImportError:
        return []
    morf = _morfeusz(morfeusz2)
    words = term.split()
    found = []
    for _s, _e, (_orth, lemma, _tag, *_r) in morf.analyse(words[-1]):
        try:
            generated = morf.generate(lemma.split(":")[0])
        except RuntimeError:
            continue
        found += [" ".join(words[:-1] + [g[0]]) for g in generated[:6]]
    return found


_MORF = {}


def _morfeusz(module):
    if "m" not in _MORF:
        _MORF["m"] = module.Morfeusz(generate=True, expand_tags=False)
    return _MORF["m"]


def generate_queries(concepts: list[Concept], count: int, seed: int = 7) -> list[tuple]:
    """(kind, query, lang) tuples of every class, deterministic."""
    rng = random.Random(seed)
    terms = [(t.text, t.lang, t.forms) for c in concepts for t in c.terms]
    queries = []
    while len(queries) < count:
        text, lang, observed = rng.choice(terms)
        kind = rng.choice(["exact", "inflected", "folded", "typo", "prefix", "words",
                           "segment", "memory", "nolang"])
        if kind == "exact":
            queries.append((kind, text, lang))
        elif kind == "inflected":
            options = list(observed) + _forms(text, lang)
            queries.append((kind, rng.choice(options) if options else text, lang))
        elif kind == "folded":
            queries.append((kind, fold(rng.choice(list(observed) or [text])), lang))
        elif kind == "typo":
            words = text.split()
            i = rng.randrange(len(words))
            words[i] = _typo(words[i], rng)
            queries.append((kind, " ".join(words), lang))
        elif kind == "prefix":
            queries.append((kind, text[:rng.randint(3, max(3, len(text)))], lang))
        elif kind == "words":
            words = text.split()
            queries.append((kind, " ".join(words[:rng.randint(1, len(words))]), lang))
        elif kind == "segment":
            other = rng.choice(terms)
            filler = rng.choice(["w ramach", "oraz", "ir", "and the", "dla", "su"])
            queries.append((kind, f"{rng.choice(list(observed) or [text])} {filler} "
                                  f"{other[0]} {filler}", lang))
        elif kind == "memory":
            queries.append((kind, text, lang))
        else:
            queries.append((kind, rng.choice([text, _typo(text, rng)]), None))
    return queries


def answers(index, query: str, lang: str | None, kind: str) -> object:
    if kind == "segment":
        return [(s.start, s.end, s.kind, sorted((index.terms[t].concept_id, index.terms[t].text)
                                                for t in s.term_ids))
                for s in recognize(index, query, lang)]
    if kind == "memory":
        found = index.memory.search(query, lang, {"pl": "lt", "lt": "en", "en": "pl"}[lang])
        return [(m.score, m.source, m.target) for m in found]
    matches = rank(index, search(index, query, [lang] if lang else None, True), None, 10)
    return [(m.concept_id, m.term, m.score, m.match) for m in matches]


def _reach_by_small_changes(tb: Termbase, concepts: list[Concept], rng: random.Random) -> None:
    """Add the concepts in small batches, deleting and re-adding some and editing others
    on the way, so the index is the product of many incremental updates."""
    for start in range(0, len(concepts), 25):
        with tb.store.transaction("part") as tx:
            for concept in concepts[start:start + 25]:
                tx.add(Concept.from_dict(concept.to_dict()), keep_dates=True)
        doomed = rng.choice(concepts[start:start + 25])
        tb.delete(doomed.id)
        with tb.store.transaction("again") as tx:
            tx.add(Concept.from_dict(doomed.to_dict()), keep_dates=True)
        edited = rng.choice(concepts[:start + 25])
        original = tb.get(edited.id)
        tb.edit(edited.id, lambda c: c.terms.pop())
        with tb.store.transaction("restore") as tx:
            tx.update(original, keep_dates=True)


@pytest.mark.parametrize("engine, rebuilt", [("json", False), ("sqlite", False),
                                             ("sqlite", True)])
def test_the_disk_index_answers_10000_queries_as_the_reference_index(tmp_path, shipped,
                                                                     engine, rebuilt):
    """Kept up to date change by change, or (`rebuilt`) loaded in bulk at the end."""
    concepts = list(shipped.concepts())
    tb = Termbase.open(tmp_path / f"tb.{engine}", seed=False)
    tb.index
    _reach_by_small_changes(tb, concepts, random.Random(3))
    tb.import_file(TMX)
    final = list(tb.concepts())
    segments = dict(tb.store.segment_items())
    reference = build_index(final, segments=segments)
    disk = tb.rebuild_index() if rebuilt else tb.index
    queries = generate_queries(final, QUERIES_PER_ENGINE)
    differences = []
    for kind, query, lang in queries:
        expected = answers(reference, query, lang or None, kind) if lang or kind not in (
            "segment", "memory") else None
        got = answers(disk, query, lang or None, kind) if expected is not None else None
        if expected != got:
            differences.append((kind, query, lang, expected, got))
    kinds = {kind for kind, *_ in queries}
    assert kinds >= {"exact", "inflected", "folded", "typo", "prefix", "words", "segment",
                     "memory", "nolang"}
    assert not differences, f"{len(differences)} of {len(queries)} differ, e.g. {differences[:3]}"


def test_tokens_of_generated_queries_are_varied(shipped):
    """The generator really produces inflected and misspelt queries, not only exact ones."""
    queries = generate_queries(list(shipped.concepts()), 2000)
    exact_terms = {t.text for c in shipped.concepts() for t in c.terms}
    inflected = [q for kind, q, _ in queries if kind == "inflected" and q not in exact_terms]
    typos = [q for kind, q, _ in queries if kind == "typo" and q not in exact_terms]
    assert len(inflected) > 50 and len(typos) > 100
    assert all(tokenize(q) for _, q, _ in queries)


@pytest.mark.parametrize("engine", ["sqlite", None])
def test_a_search_that_stops_early_ranks_the_best_concepts_as_a_full_search(tmp_path,
                                                                             shipped, engine):
    """With a limit, the search reads candidate terms shortest first and stops once longer
    ones cannot reach the best `limit` concepts: the ranked answer must be unchanged, on the
    on-disk index and on the in-memory one."""
    concepts = list(shipped.concepts())
    if engine:
        tb = Termbase.open(tmp_path / f"tb.{engine}", seed=False)
        with tb.store.transaction("all") as tx:
            for concept in concepts:
                tx.add(Concept.from_dict(concept.to_dict()), keep_dates=True)
        index = tb.index
    else:
        index = build_index(concepts)
    queries = [(q, lang) for kind, q, lang in generate_queries(concepts, 3000, seed=11)
               if kind not in ("segment", "memory")]
    stopped_early, differences = 0, []
    for query, lang in queries:
        langs = [lang] if lang else None
        full = search(index, query, langs, True)
        for limit in (1, 3, 10):
            bounded = search(index, query, langs, True, limit)
            stopped_early += len(bounded) < len(full)
            expected = [(m.concept_id, m.term, m.score) for m in rank(index, full, None, limit)]
            got = [(m.concept_id, m.term, m.score) for m in rank(index, bounded, None, limit)]
            if expected != got:
                differences.append((query, limit, expected, got))
    assert stopped_early > 100, "the early stop never happened: the test proves nothing"
    assert not differences, f"{len(differences)} differ, e.g. {differences[:3]}"
