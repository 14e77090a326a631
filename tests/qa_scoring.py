"""Scoring `check` on a labelled set of segment pairs (tests/data/qa_labelled/)."""

from __future__ import annotations

import csv
import inspect
from dataclasses import dataclass, field
from pathlib import Path

from termbase.check import check_segment

LABELLED = Path(__file__).parent / "data" / "qa_labelled"


@dataclass
class Score:
    flags: int = 0
    correct_flags: int = 0
    expected: int = 0
    found: int = 0
    false_flags: list = field(default_factory=list)
    missed: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct_flags / self.flags if self.flags else 1.0

    def add(self, number: int, raised: set, expected: set, text: str) -> None:
        """Count one labelled row: what was raised against what was expected."""
        self.flags += len(raised)
        self.correct_flags += len(raised & expected)
        self.expected += len(expected)
        self.found += len(raised & expected)
        self.false_flags += [(number, flag, text) for flag in raised - expected]
        self.missed += [(number, flag, text) for flag in expected - raised]

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def read_labelled(name: str) -> list[dict]:
    with open(LABELLED / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def score(index, rows: list[dict]) -> Score:
    result = Score()
    takes_variant = "variant" in inspect.signature(check_segment).parameters
    for number, row in enumerate(rows, 2):
        source_lang, target_lang = row["pair"].split("-")
        extra = {"variant": row["variant"] or None} if takes_variant else {}
        issues = check_segment(index, number, row["source"], row["target"], source_lang,
                               target_lang, **extra)
        raised = {f"{issue.kind}:{issue.concept_id}" for issue in issues}
        expected = {flag for flag in row["expected"].split(";") if flag}
        result.add(number, raised, expected, row["target"])
    return result


def score_suggest(index, rows: list[dict]) -> Score:
    """`suggest`'s term recognition against hand-labelled concepts per segment (a hit is
    counted once per concept and segment; `flags` are the concepts suggest shows)."""
    from termbase.suggest import term_hits

    result = Score()
    for number, row in enumerate(rows, 2):
        found = {hit["concept_id"] for hit in term_hits(index, row["segment"], row["lang"],
                                                        "en" if row["lang"] != "en" else "pl")}
        expected = {cid for cid in row["expected"].split(";") if cid}
        result.add(number, found, expected, row["segment"])
    return result
