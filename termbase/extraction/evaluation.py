"""Measure an extraction against a reference termbase (the shipped glossary, say).

* precision@N: the share of the top N candidates that are terms of the reference. New
  candidates cannot be verified automatically, so this counts them as wrong: it is a lower
  bound of the precision a terminologist would judge.
* recall@N: of the reference's multi-word terms of the language that occur in the texts
  (found by the index's lemma-sequence matching, as `suggest` finds them), the share that
  are among the top N candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from termbase.extract import Extraction
from termbase.extraction.known import KnownTerms
from termbase.text.normalize import tokenize


@dataclass
class Evaluation:
    lang: str
    tokens: int
    precision_n: int
    known_in_top: int
    recall_n: int
    occurring: list[str] = field(default_factory=list)   # multi-word reference terms in text
    recalled: list[str] = field(default_factory=list)
    occurring_single: int = 0
    recalled_single: int = 0

    @property
    def precision(self) -> float:
        return self.known_in_top / self.precision_n if self.precision_n else 0.0

    @property
    def recall(self) -> float:
        return len(self.recalled) / len(self.occurring) if self.occurring else 1.0

    @property
    def missed(self) -> list[str]:
        return sorted(set(self.occurring) - set(self.recalled))

    def markdown_row(self) -> str:
        return (f"| {self.lang} | {self.tokens} | {self.known_in_top}/{self.precision_n} = "
                f"{self.precision:.2f} | {len(self.recalled)}/{len(self.occurring)} = "
                f"{self.recall:.2f} | {self.recalled_single}/{self.occurring_single} |")


MARKDOWN_HEADER = ("| lang | tokens | precision@50 (known terms only, lower bound) | "
                   "recall@200, multi-word reference terms in the texts | "
                   "single-word terms recalled@200 |\n|---|---|---|---|---|")


def evaluate(extraction: Extraction, reference: KnownTerms, precision_n: int = 50,
             recall_n: int = 200) -> Evaluation:
    index = reference.index
    occurring: set[int] = set()
    for passage in extraction.counter.passages:
        occurring |= reference.occurrences([t.text for t in tokenize(passage.text)])
    occurring = {tid for tid in occurring if index.terms[tid].lang == reference.lang}
    top = extraction.top(max(precision_n, recall_n))
    found = {(k.concept_id, k.term) for c in top[:recall_n] for k in c.known}

    def is_found(tid: int) -> bool:
        return (index.terms[tid].concept_id, index.terms[tid].text) in found

    multi = {tid for tid in occurring if len(index.sequences[tid]) > 1}
    single = occurring - multi
    return Evaluation(
        lang=reference.lang, tokens=extraction.tokens, precision_n=precision_n,
        known_in_top=sum(c.is_known for c in top[:precision_n]), recall_n=recall_n,
        occurring=sorted(index.terms[t].text for t in multi),
        recalled=sorted(index.terms[t].text for t in multi if is_found(t)),
        occurring_single=len(single), recalled_single=sum(map(is_found, single)))
