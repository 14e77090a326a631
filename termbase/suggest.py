"""Suggestions for one segment: the termbase terms in it, and fuzzy matches from memory."""

from __future__ import annotations

from termbase.index.recognize import recognize
from termbase.index.guard import indexed_concept
from termbase.index.structures import Index
from termbase.lookup import equivalents
from termbase.model import Concept
from termbase.variants import concepts_for_variant, for_lang


def term_hits(index: Index, segment: str, source_lang: str, target_lang: str,
              variant: str | None = None, subject: str | None = None) -> list[dict]:
    """Every term occurrence, one entry per concept, in segment order (the JSON contract).
    `variant` (pl-PL, pl-LT ...) puts the homonyms and equivalents of that variety first;
    `subject` keeps only concepts of that subject (case-insensitive)."""
    wanted = subject.casefold() if subject else None
    hits = []
    for span in recognize(index, segment, source_lang):
        seen = set()
        for tid in _variety_first(index, span.term_ids, source_lang, variant):
            ref = index.terms[tid]
            if ref.lang != source_lang or ref.concept_id in seen:
                continue
            seen.add(ref.concept_id)
            concept = Concept.from_dict(indexed_concept(index, ref))
            if wanted and concept.subject.casefold() != wanted:
                continue
            hit = {"start": span.start, "end": span.end, "text": span.text,
                   "concept_id": ref.concept_id, "term": ref.text, "match": span.kind,
                   "score": span.scores.get(tid, span.score),
                   "status": ref.status or "admitted",
                   "equivalents": equivalents(concept, None, [target_lang],
                                              variant)[target_lang]}
            if concept.note:
                hit["note"] = concept.note
            source_term = next((t for t in concept.terms
                                if t.lang == source_lang and t.text == ref.text), None)
            if source_term is not None and (source_term.region or source_term.note):
                hit["source_note"] = " ".join(
                    x for x in (source_term.region, source_term.note) if x)
            if source_term is not None and source_term.provisional:
                hit["process"] = source_term.process
            hits.append(hit)
    return hits


def _variety_first(index: Index, term_ids: list[int], lang: str, variant: str | None
                   ) -> list[int]:
    """Term ids with the homonyms of the text's variety first ("gmina" in a pl-PL text)."""
    wanted = for_lang(variant, lang)
    if not wanted or len(term_ids) < 2:
        return term_ids
    order = concepts_for_variant(index, term_ids, lang, wanted, keep_others=True)
    rank = {cid: i for i, cid in enumerate(order)}
    return sorted(term_ids, key=lambda t: rank.get(index.terms[t].concept_id, len(order)))


def suggest(index: Index, segment: str, source_lang: str, target_lang: str,
            memory_limit: int = 5, memory_threshold: float = 50.0,
            variant: str | None = None, subject: str | None = None) -> dict:
    memory = []
    if index.memory is not None and memory_limit > 0:
        memory = [m.to_json() for m in index.memory.search(
            segment, source_lang, target_lang, memory_limit, memory_threshold)]
    return {"segment": segment, "from": source_lang, "to": target_lang,
            "terms": term_hits(index, segment, source_lang, target_lang, variant, subject),
            "memory": memory}
