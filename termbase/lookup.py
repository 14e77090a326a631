"""Lookup results: ranking index hits into one match per concept, in the JSON contract."""

from __future__ import annotations

from typing import TypeVar

from termbase.index.search import Hit
from termbase.index.guard import indexed_concept
from termbase.index.structures import Index
from termbase.model import Concept
from termbase.results.lookup import Equivalent, Match
from termbase.variants import for_lang, region_rank, term_region

T = TypeVar("T", Hit, Match)
_STATUS_RANK = {"preferred": 0, "": 1, "admitted": 1, "deprecated": 2, "forbidden": 3}


def equivalents(concept: Concept, exclude: str | None, targets: list[str] | None,
                variant: str | None = None) -> dict[str, list[dict]]:
    """Terms per language, preferred first (those of `variant`'s variety before all others in
    its language, except that a deprecated or forbidden term never comes before a usable
    one); with their status and any regional warning."""
    langs = targets or [l for l in _ordered_langs(concept) if l != exclude]
    result = {}
    for lang in langs:
        terms = []
        wanted = for_lang(variant, lang)
        ordered = concept.terms_in(lang)
        if wanted:
            ordered = sorted(ordered, key=lambda t: (_STATUS_RANK.get(t.status, 1) > 1,
                                                     region_rank(t.region, wanted) != 0))
        for term in ordered:
            entry = {"term": term.text, "status": term.status or "admitted"}
            for extra in ("type", "region", "note"):
                if getattr(term, extra):
                    entry[extra] = getattr(term, extra)
            if term.provisional:
                entry["process"] = term.process
            terms.append(entry)
        if terms or targets:
            result[lang] = terms
    return result


def _ordered_langs(concept: Concept) -> list[str]:
    present = concept.languages
    return [l for l in ("pl", "lt", "en") if l in present] + [
        l for l in present if l not in ("pl", "lt", "en")]


def rank(index: Index, hits: list[Hit], targets: list[str] | None, limit: int,
         variant: str | None = None, gap: bool = True) -> list[Match]:
    """Best hit per concept; ties broken by term status, then by shorter term. `gap`: cut
    approximate hits where the score drops (off for a caller that merges several ranked
    lists and cuts the merged one, as `Layers` does)."""
    best: dict[str, Hit] = {}
    for hit in hits:
        ref = index.terms[hit.term_id]
        current = best.get(ref.concept_id)
        if current is None or _order(index, hit, variant) < _order(index, current, variant):
            best[ref.concept_id] = hit
    ordered = sorted(best.values(), key=lambda h: _order(index, h, variant))
    ordered = (trim_by_gap(ordered) if gap else ordered)[:limit]
    matches = []
    for hit in ordered:
        ref = index.terms[hit.term_id]
        concept = Concept.from_dict(indexed_concept(index, ref))
        matches.append(Match(
            concept_id=ref.concept_id, score=hit.score, match=hit.kind, lang=ref.lang,
            term=ref.text, equivalents={
                lang: [Equivalent.from_json(entry) for entry in entries]
                for lang, entries in equivalents(concept, ref.lang, targets, variant).items()},
            subject=concept.subject, definition=dict(concept.definition), note=concept.note,
            region=next((t.region for t in concept.terms
                         if t.lang == ref.lang and t.text == ref.text), ""),
            approximate=hit.approximate, contained=hit.contained))
    return matches


# Approximate hits (through a stem or a typo) are cut where the score drops this much from
# one hit to the next; when the best hit
# is weak and only approximate (a stem or a typo of the query, which matches no term as
# written or inflected), only the hits within WEAK_BAND of it stay: "globėjas" shows the two
# closest "globa" concepts, not eight.
GAP, WEAK_TOP, WEAK_BAND = 10.0, 70.0, 3.0


def trim_by_gap(ordered: list[T]) -> list[T]:
    """The best hits down to the first gap; `ordered` holds ranked hits or matches (anything
    with a `score` and `approximate`)."""
    if not ordered:
        return ordered
    top = ordered[0].score
    weak = top < WEAK_TOP and ordered[0].approximate
    kept = [ordered[0]]
    for hit in ordered[1:]:
        if hit.approximate and (kept[-1].score - hit.score >= GAP
                                or (weak and top - hit.score > WEAK_BAND)):
            break
        kept.append(hit)
    return kept


def _order(index: Index, hit: Hit, variant: str | None = None) -> tuple:
    """Score, then the text's variety (a pl-PL reader's "gmina" is the municipality), then
    status, then the shorter term."""
    ref = index.terms[hit.term_id]
    wanted = for_lang(variant, ref.lang)
    fit = region_rank(term_region(index, hit.term_id), wanted) if wanted else 0
    return (-hit.score, fit, _STATUS_RANK.get(ref.status, 1), len(ref.text), ref.concept_id)
