"""Propose translation pairs from parallel text: which source term goes with which target.

    from termbase.align import align
    from termbase.extraction.passages import read_bilingual
    proposals = align(read_bilingual(Path("memory.tmx"), "pl", "lt"), "pl", "lt", index)

Each side's term candidates come from the extractor (`termbase.extract`). A pair is scored
by how consistently its two terms share segments: the Dice coefficient, 2·c / (f_s + f_t)
over segment sets, times c / (c + 1) so a pair seen in two segments is not as sure as one
seen in ten. Evidence beyond co-occurrence raises the score:

* cognates: Polish, Lithuanian and English share many international words (socjalny /
  socialinis / social, mediacja / mediacija / mediation); the folded lemmas of the two
  terms are compared word by word with rapidfuzz, and similar spellings add up to half;
* the same number of words on both sides (a two-word term rarely translates as four);
* the pair is already in the termbase (both terms name one concept): half again.

A pair nested in a longer pair seen as often is halved ("integracja = integracija" inside
"integracja społeczna = socialinė integracija"). Pairs are then linked competitively
(Melamed 2000): best first, each candidate at most once, so "pracownik socjalny" does not
also take "darbuotojas" once it has "socialinis darbuotojas". Scores run from 0 to 100.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable

from termbase.extract import Candidate, Extraction
from termbase.extraction.known import KnownTerms
from termbase.extraction.ngrams import NgramCounter
from termbase.extraction.passages import Passage, SegmentPair
from termbase.index.structures import Index
from termbase.model import ValidationError, check_lang
from termbase.text.normalize import fold

MAX_CANDIDATES = 3000   # per side, best by termhood: pairs of the rest are noise
COGNATE_FLOOR = 0.5     # rapidfuzz similarity below this is no evidence at all
COGNATE_WEIGHT = 0.5
KNOWN_WEIGHT = 0.5
NESTED_FACTOR = 0.5


@dataclass
class Proposal:
    source: str
    target: str
    score: float
    cooccurrences: int
    dice: float
    cognate: float
    known: bool
    source_freq: int
    target_freq: int
    example: SegmentPair
    source_lemmas: tuple[str, ...] = ()
    target_lemmas: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "source": self.source, "target": self.target, "score": round(self.score, 1),
            "cooccurrences": self.cooccurrences, "dice": round(self.dice, 3),
            "cognate": round(self.cognate, 3), "known": self.known,
            "source_freq": self.source_freq, "target_freq": self.target_freq,
            "example": {"file": self.example.file, "line": self.example.line,
                        "source": self.example.source, "target": self.example.target},
        }


def _side(texts: list[SegmentPair], lang: str, pick: Callable[[SegmentPair], str],
          min_cooc: int, index: Index | None) -> Extraction:
    counter = NgramCounter(lang, keep_segments=True)
    for pair in texts:
        counter.add(Passage(pair.file, pair.line, pick(pair)))
    counter.finish()
    return Extraction(counter, min_cooc, KnownTerms(index, lang) if index is not None else None)


def _content_lemmas(extraction: Extraction, candidate: Candidate) -> list[str]:
    words = [k for k in candidate.lemmas if k in extraction.counter.word_forms]
    return [fold(k.lstrip("~")) for k in words]


def cognate_similarity(source: list[str], target: list[str]) -> float:
    """Mean over both terms' words of the best rapidfuzz ratio with the other term's words
    (word order differs between the languages: "mediacja rodzinna" / "šeimos mediacija")."""
    from rapidfuzz.fuzz import ratio

    if not source or not target:
        return 0.0
    best_s = [max(ratio(s, t) for t in target) / 100 for s in source]
    best_t = [max(ratio(s, t) for s in source) / 100 for t in target]
    return (sum(best_s) + sum(best_t)) / (len(best_s) + len(best_t))


def _concepts(candidate: Candidate) -> set[str]:
    return {k.concept_id for k in candidate.known}


def align(pairs: list[SegmentPair], source_lang: str, target_lang: str,
          index: Index | None = None, min_cooc: int = 2,
          progress: Callable[[int, int], None] | None = None) -> list[Proposal]:
    """Translation proposals, best first, each source and target term used once."""
    source_lang, target_lang = check_lang(source_lang), check_lang(target_lang)
    if source_lang == target_lang:
        raise ValidationError("the source and target languages are the same")
    if min_cooc < 1:
        raise ValidationError("the minimum co-occurrence must be at least 1")
    src = _side(pairs, source_lang, lambda p: p.source, min_cooc, index)
    if progress:
        progress(1, 3)
    tgt = _side(pairs, target_lang, lambda p: p.target, min_cooc, index)
    if progress:
        progress(2, 3)
    sources = src.top(MAX_CANDIDATES)
    targets = tgt.top(MAX_CANDIDATES)
    in_segment: dict[int, list[int]] = defaultdict(list)
    for t, candidate in enumerate(targets):
        for segment in tgt.counter.stats[candidate.lemmas].segments or ():
            in_segment[segment].append(t)

    scored = []
    for source in sources:
        segments = src.counter.stats[source.lemmas].segments or set()
        together = Counter(t for segment in segments for t in in_segment[segment])
        src_words = _content_lemmas(src, source)
        for t, cooc in together.items():
            if cooc < min_cooc:
                continue
            target = targets[t]
            target_segments = tgt.counter.stats[target.lemmas].segments or set()
            dice = 2 * cooc / (len(segments) + len(target_segments))
            tgt_words = _content_lemmas(tgt, target)
            cognate = cognate_similarity(src_words, tgt_words)
            known = bool(_concepts(source) & _concepts(target))
            score = _score(dice, cooc, cognate, known, len(src_words), len(tgt_words))
            shared = min(segments & target_segments)
            scored.append(Proposal(source.term, target.term, score, cooc, dice, cognate, known,
                                   source.freq, target.freq, pairs[shared], source.lemmas,
                                   target.lemmas))
    if progress:
        progress(3, 3)
    return _link(_demote_nested(scored))


def _score(dice: float, cooc: int, cognate: float, known: bool, source_words: int,
           target_words: int) -> float:
    association = dice * cooc / (cooc + 1)
    length = 0.5 + 0.5 * min(source_words, target_words) / max(source_words, target_words, 1)
    spelling = 1 + COGNATE_WEIGHT * max(0.0, (cognate - COGNATE_FLOOR) / (1 - COGNATE_FLOOR))
    termbase = 1 + KNOWN_WEIGHT if known else 1
    return 100 * min(1.0, association * length * spelling * termbase)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _demote_nested(proposals: list[Proposal]) -> list[Proposal]:
    """Halve a pair nested in a longer pair seen as often ("integracja = integracija" inside
    "integracja społeczna = socialinė integracija"): the longer one is the unit."""
    by_source: dict[str, list[Proposal]] = defaultdict(list)
    for p in proposals:
        for lemma in p.source_lemmas:
            by_source[lemma].append(p)
    for p in proposals:
        rivals = by_source[p.source_lemmas[0]] if p.source_lemmas else []
        if any(q is not p and len(q.source_lemmas) + len(q.target_lemmas) >
               len(p.source_lemmas) + len(p.target_lemmas)
               and q.cooccurrences >= p.cooccurrences
               and _contains(q.source_lemmas, p.source_lemmas)
               and _contains(q.target_lemmas, p.target_lemmas) for q in rivals):
            p.score *= NESTED_FACTOR
    return proposals


def _link(proposals: list[Proposal]) -> list[Proposal]:
    """Competitive linking: best pair first, each term at most once."""
    proposals.sort(key=lambda p: (-p.score, -p.cooccurrences, p.source, p.target))
    used_source, used_target, linked = set(), set(), []
    for proposal in proposals:
        if proposal.source in used_source or proposal.target in used_target:
            continue
        used_source.add(proposal.source)
        used_target.add(proposal.target)
        linked.append(proposal)
    return linked
