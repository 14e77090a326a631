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


# -- against a hand-made list of wanted terms ------------------------------------------------
WANT, OK = "want", "ok"


@dataclass
class GoldTerm:
    kind: str                  # WANT: recall counts it; OK: acceptable, precision only
    forms: tuple[str, ...]     # accepted base forms, the first the usual one


def gold_key(text: str) -> str:
    """Base forms compare as written (capitals matter), spacing and Unicode form aside."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).split())


def read_gold(path) -> list[GoldTerm]:
    """A list of `want<TAB>term | other form` / `ok<TAB>term` lines (see
    tests/data/extraction_eval/README.md); blank lines and # comments skipped."""
    from pathlib import Path

    terms = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, forms = line.partition("\t")
        if kind not in (WANT, OK) or not forms.strip():
            raise ValueError(f"{path}:{number}: expected 'want' or 'ok', a tab and a term")
        terms.append(GoldTerm(kind, tuple(gold_key(f) for f in forms.split(" | "))))
    return terms


@dataclass
class GoldEvaluation:
    lang: str
    tokens: int
    top: list[str]                 # base forms of the top candidates, best first
    correct_in_precision: int
    precision_n: int
    wanted: list[str]
    recalled: list[str]
    recall_n: int

    @property
    def precision(self) -> float:
        return self.correct_in_precision / self.precision_n if self.precision_n else 0.0

    @property
    def recall(self) -> float:
        return len(self.recalled) / len(self.wanted) if self.wanted else 1.0

    @property
    def missed(self) -> list[str]:
        return [term for term in self.wanted if term not in self.recalled]


def evaluate_gold(extraction: Extraction, gold: list[GoldTerm], precision_n: int = 50,
                  recall_n: int = 100) -> GoldEvaluation:
    """Precision of the top `precision_n` (a candidate is correct when its base form is one
    of a listed term's forms) and recall of the `want` terms in the top `recall_n`."""
    return evaluate_ranking([c.term for c in extraction.top(max(precision_n, recall_n))],
                            gold, extraction.lang, extraction.tokens, precision_n, recall_n)


def evaluate_ranking(terms: list[str], gold: list[GoldTerm], lang: str = "", tokens: int = 0,
                     precision_n: int = 50, recall_n: int = 100) -> GoldEvaluation:
    """`evaluate_gold` of base forms already ranked, best first (the same base form twice
    counts once, at its first place)."""
    top = list(dict.fromkeys(gold_key(term) for term in terms))
    accepted = {form for term in gold for form in term.forms}
    in_recall = set(top[:recall_n])
    wanted = [t for t in gold if t.kind == WANT]
    return GoldEvaluation(
        lang=lang, tokens=tokens, top=top,
        correct_in_precision=sum(term in accepted for term in top[:precision_n]),
        precision_n=min(precision_n, len(top)),
        wanted=[t.forms[0] for t in wanted],
        recalled=[t.forms[0] for t in wanted if in_recall.intersection(t.forms)],
        recall_n=recall_n)
