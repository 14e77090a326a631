"""What `Termbase.lookup` returns: one `Match` per concept, with its `Equivalent`s.

On the path of every terminal lookup: keep it to these few small classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from termbase.results.common import with_optional


@dataclass
class Equivalent:
    """A term of a concept shown as a translation: its text, status and any warning."""

    term: str
    status: str = "admitted"
    type: str = ""
    region: str = ""
    note: str = ""
    process: str = ""               # TBX processStatus when not finalized (provisional)

    def to_json(self) -> dict:
        return with_optional({"term": self.term, "status": self.status},
                              type=self.type, region=self.region, note=self.note,
                              process=self.process)

    @classmethod
    def from_json(cls, data: dict) -> "Equivalent":
        return cls(term=data["term"], status=data.get("status") or "admitted",
                   type=data.get("type", ""), region=data.get("region", ""),
                   note=data.get("note", ""), process=data.get("process", ""))


@dataclass
class Match:
    """One concept found by `Termbase.lookup`, through its best-matching term."""

    concept_id: str
    score: float
    match: str                      # exact | folded | lemma | fuzzy | prefix
    lang: str
    term: str
    equivalents: dict[str, list[Equivalent]] = field(default_factory=dict)
    subject: str = ""
    definition: dict[str, str] = field(default_factory=dict)
    note: str = ""
    region: str = ""                # the matched term's variety (pl-LT); `lang` stays base
    layer: str = ""                 # which termbase it comes from, when several are searched
    # How the term was reached, for merging several termbases' lists (not in JSON): only
    # through a stem or a typo (what the score-gap cut looks at); inside a longer query.
    approximate: bool = field(default=False, compare=False, repr=False)
    contained: bool = field(default=False, compare=False, repr=False)

    def to_json(self) -> dict:
        return with_optional({
            "concept_id": self.concept_id, "score": self.score, "match": self.match,
            "lang": self.lang, "term": self.term,
            "equivalents": {lang: [e.to_json() for e in terms]
                            for lang, terms in self.equivalents.items()},
            "subject": self.subject, "definition": dict(self.definition)}, note=self.note,
            region=self.region or None, layer=self.layer)


@dataclass
class LookupResult:
    """`Termbase.lookup` as the command prints it: the query and its matches."""

    query: str
    matches: list[Match]

    def to_json(self) -> dict:
        return {"query": self.query, "matches": [m.to_json() for m in self.matches]}
