"""What the work on segments returns: suggestions, term QA, concordance."""

from __future__ import annotations

from dataclasses import dataclass, field

from termbase.results.common import with_optional
from termbase.results.lookup import Equivalent


@dataclass
class TermHit:
    """A termbase term found in a segment: where (character offsets), which concept, and
    the target-language equivalents."""

    start: int
    end: int
    text: str                       # as written in the segment
    concept_id: str
    term: str                       # the term as stored
    match: str
    status: str
    equivalents: list[Equivalent] = field(default_factory=list)
    note: str = ""                  # the concept's note
    source_note: str = ""           # the source term's region and note
    process: str = ""               # the source term's processStatus when provisional
    layer: str = ""                 # which termbase it comes from, when several are searched
    score: float = 100.0            # how sure the recognition is (typo readings score lower)

    def to_json(self) -> dict:
        return with_optional({
            "start": self.start, "end": self.end, "text": self.text,
            "concept_id": self.concept_id, "term": self.term, "match": self.match,
            "score": self.score, "status": self.status,
            "equivalents": [e.to_json() for e in self.equivalents]},
            note=self.note, source_note=self.source_note, process=self.process,
            layer=self.layer)

    @classmethod
    def from_json(cls, data: dict) -> "TermHit":
        return cls(start=data["start"], end=data["end"], text=data["text"],
                   concept_id=data["concept_id"], term=data["term"], match=data["match"],
                   status=data.get("status", "admitted"),
                   equivalents=[Equivalent.from_json(e) for e in data["equivalents"]],
                   note=data.get("note", ""), source_note=data.get("source_note", ""),
                   process=data.get("process", ""), score=data.get("score", 100.0))


@dataclass
class MemoryHit:
    """A translation-memory segment similar to the one asked about (score 0-100)."""

    score: float
    source: str
    target: str
    origin: str = ""
    layer: str = ""                 # which termbase it comes from, when several are searched

    def to_json(self) -> dict:
        return with_optional({"score": self.score, "source": self.source,
                              "target": self.target, "origin": self.origin}, layer=self.layer)

    def differences(self, segment: str) -> list[tuple[str, bool]]:
        """The words of this match's source, each with whether `segment` lacks it there."""
        from termbase.index.memory import word_diff

        return word_diff(segment, self.source)

    def pieces(self, segment: str) -> list[tuple[str, bool]]:
        """This match's whole source in pieces (words, and the spaces and punctuation
        between them), each with whether `segment` lacks it there."""
        from termbase.index.memory import diff_pieces

        return diff_pieces(segment, self.source)


@dataclass
class Suggestion:
    """`Termbase.suggest`: the terms in one segment and the memory's matches for it."""

    segment: str
    source_lang: str
    target_lang: str
    terms: list[TermHit] = field(default_factory=list)
    memory: list[MemoryHit] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"segment": self.segment, "from": self.source_lang, "to": self.target_lang,
                "terms": [t.to_json() for t in self.terms],
                "memory": [m.to_json() for m in self.memory]}


@dataclass
class CheckIssue:
    """One problem in a translated segment (`kind`: missing-equivalent, other-variant,
    deprecated-term, forbidden-term, unreviewed-term)."""

    line: int
    kind: str
    concept_id: str
    source_term: str = ""
    target_term: str = ""
    expected: list[str] = field(default_factory=list)
    source: str = ""
    target: str = ""
    match: str = ""           # how the term was recognised: exact | folded | lemma | fuzzy
    segment: str = ""         # key of the source segment, for accept lists
    provisional: list[str] = field(default_factory=list)   # expected terms not yet reviewed
    layer: str = ""                 # which termbase raised it, when several are searched

    def to_json(self) -> dict:
        return with_optional({
            "line": self.line, "kind": self.kind, "concept_id": self.concept_id,
            "source_term": self.source_term, "target_term": self.target_term,
            "expected": list(self.expected), "source": self.source, "target": self.target,
            "match": self.match, "segment": self.segment},
            provisional=list(self.provisional) or None, layer=self.layer)

    def describe(self) -> str:
        """One line a translator reads: what is wrong and what the termbase expects."""
        expected = " / ".join(term + (" (provisional)" if term in self.provisional else "")
                              for term in self.expected) or "(no alternative recorded)"
        if self.kind == "missing-equivalent":
            return f"{self.source_term!r}: expected {expected} ({self.concept_id})"
        if self.kind == "other-variant":
            return (f"{self.source_term!r}: another variety's term used; for this variety "
                    f"use {expected} ({self.concept_id})")
        if self.kind == "unreviewed-term":
            alternatives = f"; reviewed: {expected}" if self.expected else ""
            return (f"{self.source_term!r} rendered as {self.target_term!r}, a term not yet "
                    f"reviewed (provisional){alternatives} ({self.concept_id})")
        status = self.kind.split("-")[0]
        return f"{self.target_term!r} is {status}; use {expected} ({self.concept_id})"


@dataclass
class CheckReport:
    """`Termbase.check`: the segments read and the issues found in them."""

    file: str
    source_lang: str
    target_lang: str
    segments: int
    issues: list[CheckIssue] = field(default_factory=list)
    variant: str | None = None      # the regional variety the file was checked for
    counts: dict[str, int] = field(default_factory=dict)  # issues per kind

    @property
    def ok(self) -> bool:
        """No errors: an `unreviewed-term` flag informs (a provisional rendering) but does
        not fail the check."""
        return all(issue.kind == "unreviewed-term" for issue in self.issues)

    def to_json(self) -> dict:
        return {"file": self.file, "from": self.source_lang, "to": self.target_lang,
                "variant": self.variant, "segments": self.segments, "counts": dict(self.counts),
                "issues": [i.to_json() for i in self.issues]}


@dataclass
class ConcordanceHit:
    """A memory segment containing the phrase at `start:end` of `text`, with translations."""

    segment: str
    text: str
    start: int
    end: int
    translations: dict[str, str] = field(default_factory=dict)
    variety: str = ""               # the text's own tag (pl-PL) where it names a variety

    def to_json(self) -> dict:
        data = {"segment": self.segment, "text": self.text, "start": self.start,
                "end": self.end, "translations": dict(self.translations)}
        if self.variety:
            data["variety"] = self.variety
        return data


@dataclass
class ConcordanceResult:
    """`Termbase.concordance`: the phrase, its language and the segments holding it."""

    query: str
    lang: str
    results: list[ConcordanceHit] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"query": self.query, "lang": self.lang,
                "results": [r.to_json() for r in self.results]}
