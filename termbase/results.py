"""What `Termbase` methods return: small dataclasses, each with `to_json()`.

`to_json()` gives exactly the shape the command's `--json` prints (the README and DESIGN.md
contracts): a face serialises results, it never builds them. Shapes may gain keys; a key is
never renamed or dropped. Optional keys (a term's region, a concept's note...) appear only
when they have a value, as they always did.

This module imports only the standard library: the lookup path loads it on every run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

#: Progress of long work: `progress(done, total)`; `total` is None when not known in advance.
Progress = Callable[[int, Optional[int]], None]


def _with_optional(data: dict, **optional) -> dict:
    """`data` plus the optional keys that have a value (empty strings and None are left out)."""
    data.update((key, value) for key, value in optional.items() if value not in ("", None))
    return data


# -- lookup and suggest ----------------------------------------------------------------------
@dataclass
class Equivalent:
    """A term of a concept shown as a translation: its text, status and any warning."""

    term: str
    status: str = "admitted"
    type: str = ""
    region: str = ""
    note: str = ""

    def to_json(self) -> dict:
        return _with_optional({"term": self.term, "status": self.status},
                              type=self.type, region=self.region, note=self.note)

    @classmethod
    def from_json(cls, data: dict) -> "Equivalent":
        return cls(term=data["term"], status=data.get("status") or "admitted",
                   type=data.get("type", ""), region=data.get("region", ""),
                   note=data.get("note", ""))


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

    def to_json(self) -> dict:
        return _with_optional({
            "concept_id": self.concept_id, "score": self.score, "match": self.match,
            "lang": self.lang, "term": self.term,
            "equivalents": {lang: [e.to_json() for e in terms]
                            for lang, terms in self.equivalents.items()},
            "subject": self.subject, "definition": dict(self.definition)}, note=self.note)


@dataclass
class LookupResult:
    """`Termbase.lookup` as the command prints it: the query and its matches."""

    query: str
    matches: list[Match]

    def to_json(self) -> dict:
        return {"query": self.query, "matches": [m.to_json() for m in self.matches]}


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

    def to_json(self) -> dict:
        return _with_optional({
            "start": self.start, "end": self.end, "text": self.text,
            "concept_id": self.concept_id, "term": self.term, "match": self.match,
            "status": self.status, "equivalents": [e.to_json() for e in self.equivalents]},
            note=self.note, source_note=self.source_note)

    @classmethod
    def from_json(cls, data: dict) -> "TermHit":
        return cls(start=data["start"], end=data["end"], text=data["text"],
                   concept_id=data["concept_id"], term=data["term"], match=data["match"],
                   status=data.get("status", "admitted"),
                   equivalents=[Equivalent.from_json(e) for e in data["equivalents"]],
                   note=data.get("note", ""), source_note=data.get("source_note", ""))


@dataclass
class MemoryHit:
    """A translation-memory segment similar to the one asked about (score 0-100)."""

    score: float
    source: str
    target: str
    origin: str = ""

    def to_json(self) -> dict:
        return {"score": self.score, "source": self.source, "target": self.target,
                "origin": self.origin}

    def differences(self, segment: str) -> list[tuple[str, bool]]:
        """The words of this match's source, each with whether `segment` lacks it there."""
        from termbase.index.memory import word_diff

        return word_diff(segment, self.source)


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


# -- checking and the memory -----------------------------------------------------------------
@dataclass
class CheckIssue:
    """One problem in a translated segment (`kind`: missing-equivalent, deprecated-term,
    forbidden-term)."""

    line: int
    kind: str
    concept_id: str
    source_term: str = ""
    target_term: str = ""
    expected: list[str] = field(default_factory=list)
    source: str = ""
    target: str = ""

    def to_json(self) -> dict:
        return {"line": self.line, "kind": self.kind, "concept_id": self.concept_id,
                "source_term": self.source_term, "target_term": self.target_term,
                "expected": list(self.expected), "source": self.source, "target": self.target}


@dataclass
class CheckReport:
    """`Termbase.check`: the segments read and the issues found in them."""

    file: str
    source_lang: str
    target_lang: str
    segments: int
    issues: list[CheckIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues

    def to_json(self) -> dict:
        return {"file": self.file, "from": self.source_lang, "to": self.target_lang,
                "segments": self.segments, "issues": [i.to_json() for i in self.issues]}


@dataclass
class ConcordanceHit:
    """A memory segment containing the phrase at `start:end` of `text`, with translations."""

    segment: str
    text: str
    start: int
    end: int
    translations: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"segment": self.segment, "text": self.text, "start": self.start,
                "end": self.end, "translations": dict(self.translations)}


@dataclass
class ConcordanceResult:
    """`Termbase.concordance`: the phrase, its language and the segments holding it."""

    query: str
    lang: str
    results: list[ConcordanceHit] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"query": self.query, "lang": self.lang,
                "results": [r.to_json() for r in self.results]}


# -- changing data ---------------------------------------------------------------------------
@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do); also what adding candidates did."""

    file: str
    format: str
    batch: str = ""
    dry_run: bool = False
    added: int = 0
    merged: int = 0
    unchanged: int = 0
    skipped: int = 0
    segments_added: int = 0
    segments_unchanged: int = 0
    conflicts: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rejects_file: str = ""          # where the rejected records were written, if anywhere

    def to_json(self) -> dict:
        data = dict(self.__dict__)
        if not data["rejects_file"]:
            del data["rejects_file"]
        return data


@dataclass
class ExportResult:
    """`Termbase.export`: what was written where (`kind`: concepts or segments)."""

    file: str
    format: str
    written: int
    kind: str

    def to_json(self) -> dict:
        return {"file": self.file, "format": self.format, "written": self.written,
                "kind": self.kind}


@dataclass
class HistoryEntry:
    """One batch of changes: one command's work, undoable as a whole."""

    batch: str
    time: str = ""
    user: str = ""
    command: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    summary: dict = field(default_factory=dict)
    undone_by: str = ""

    def to_json(self) -> dict:
        return _with_optional({"batch": self.batch, "time": self.time, "user": self.user,
                               "command": self.command, "counts": dict(self.counts),
                               "summary": dict(self.summary)}, undone_by=self.undone_by)

    @classmethod
    def from_record(cls, record: dict) -> "HistoryEntry":
        return cls(batch=record["batch"], time=record.get("time", ""),
                   user=record.get("user", ""), command=record.get("command", ""),
                   counts=dict(record.get("counts", {})),
                   summary=dict(record.get("summary", {})),
                   undone_by=record.get("undone_by", ""))


@dataclass
class UndoResult:
    """`Termbase.undo`: the new batch that reverted `undid`, and how many records it restored."""

    batch: str
    undid: str
    changes_reverted: int

    def to_json(self) -> dict:
        return {"batch": self.batch, "undid": self.undid,
                "changes_reverted": self.changes_reverted}


@dataclass
class Deleted:
    """`Termbase.delete`: the id of the concept removed (undoable)."""

    concept_id: str

    def to_json(self) -> dict:
        return {"deleted": self.concept_id}


# -- the termbase as a whole -----------------------------------------------------------------
@dataclass
class Stats:
    """Counts of the termbase."""

    store: str
    concepts: int
    terms: int
    terms_per_language: dict[str, int]
    subjects: dict[str, int]
    memory_segments: int
    batches: int

    def to_json(self) -> dict:
        return {"store": self.store, "concepts": self.concepts, "terms": self.terms,
                "terms_per_language": dict(self.terms_per_language),
                "subjects": dict(self.subjects), "memory_segments": self.memory_segments,
                "batches": self.batches}


@dataclass
class BackupState:
    """The automatic backup beside the store: where it is, whether it reads as a termbase."""

    path: str
    readable: bool
    concepts: Optional[int] = None

    def to_json(self) -> dict:
        return _with_optional({"path": self.path, "readable": self.readable},
                              concepts=self.concepts)


@dataclass
class DoctorReport:
    """`Termbase.doctor` / `repair`: what is wrong with the store, and what repair did.

    `after` is the check repeated after a repair; `index` says whether the search-index
    cache matches the store ("fresh", "stale", "absent", "rebuilt")."""

    store: str
    ok: bool
    problems: list[str] = field(default_factory=list)
    backup: Optional[BackupState] = None
    concepts: Optional[int] = None
    leftovers: list[str] = field(default_factory=list)
    removed: Optional[list[str]] = None
    action: Optional[str] = None
    damaged_copy: Optional[str] = None
    index: Optional[str] = None
    after: Optional["DoctorReport"] = None

    @property
    def healthy(self) -> bool:
        """Sound now: nothing was wrong, or a repair fixed it."""
        return self.ok or bool(self.after and self.after.ok)

    def to_json(self) -> dict:
        data = {"store": self.store, "ok": self.ok, "problems": list(self.problems),
                "backup": self.backup.to_json() if self.backup else None}
        if self.concepts is not None:
            data["concepts"] = self.concepts
        data["leftovers"] = list(self.leftovers)
        return _with_optional(data, removed=self.removed, action=self.action,
                              damaged_copy=self.damaged_copy, index=self.index,
                              after=self.after.to_json() if self.after else None)

    @classmethod
    def from_dict(cls, data: dict) -> "DoctorReport":
        backup = data.get("backup")
        after = data.get("after")
        return cls(store=data["store"], ok=data["ok"], problems=list(data["problems"]),
                   backup=BackupState(**backup) if backup else None,
                   concepts=data.get("concepts"), leftovers=list(data.get("leftovers", [])),
                   removed=data.get("removed"), action=data.get("action"),
                   damaged_copy=data.get("damaged_copy"), index=data.get("index"),
                   after=cls.from_dict(after) if after else None)


@dataclass
class ReindexResult:
    """`Termbase.reindex`: the size of the index just built."""

    terms: int
    concepts: int

    def to_json(self) -> dict:
        return {"terms": self.terms, "concepts": self.concepts}
