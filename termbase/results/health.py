"""What the termbase as a whole reports: counts, health, the index."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from termbase.results.common import with_optional


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
    engine: str = "tinydb"
    advice: str = ""          # e.g. move a large TinyDB store to SQLite
    glossary_hint: str = ""   # the shipped glossary is newer than the store's

    def to_json(self) -> dict:
        data = {"store": self.store, "engine": self.engine, "concepts": self.concepts,
                "terms": self.terms, "terms_per_language": dict(self.terms_per_language),
                "subjects": dict(self.subjects), "memory_segments": self.memory_segments,
                "batches": self.batches}
        return with_optional(data, advice=self.advice or None,
                             glossary_hint=self.glossary_hint or None)


@dataclass
class BackupState:
    """The automatic backup beside the store: where it is, whether it reads as a termbase."""

    path: str
    readable: bool
    concepts: Optional[int] = None

    def to_json(self) -> dict:
        return with_optional({"path": self.path, "readable": self.readable},
                              concepts=self.concepts)


@dataclass
class DoctorReport:
    """`Termbase.doctor` / `repair`: what is wrong with the store, and what repair did.

    `after` is the check repeated after a repair; `index` is the search index's state
    ("current", "stale ...", "absent ...", "damaged ..."; a stale or damaged index is never
    used, it is rebuilt on next use or by repair; "out of step ...": rows edited behind
    termbase's back, rebuilt by repair or when a lookup meets them)."""

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
    engine: str = "tinydb"
    advice: Optional[str] = None
    glossary_hint: Optional[str] = None
    warnings: list[str] = field(default_factory=list)   # e.g. a stale backup

    @property
    def healthy(self) -> bool:
        """Sound now: nothing was wrong, or a repair fixed it."""
        return self.ok or bool(self.after and self.after.ok)

    def to_json(self) -> dict:
        data = {"store": self.store, "engine": self.engine, "ok": self.ok,
                "problems": list(self.problems),
                "backup": self.backup.to_json() if self.backup else None}
        if self.concepts is not None:
            data["concepts"] = self.concepts
        data["leftovers"] = list(self.leftovers)
        if self.warnings:
            data["warnings"] = list(self.warnings)
        return with_optional(data, removed=self.removed, action=self.action,
                              damaged_copy=self.damaged_copy, index=self.index,
                              advice=self.advice, glossary_hint=self.glossary_hint or None,
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
                   engine=data.get("engine", "tinydb"), advice=data.get("advice"),
                   warnings=list(data.get("warnings", [])),
                   after=cls.from_dict(after) if after else None)


@dataclass
class ReindexResult:
    """`Termbase.reindex`: the size of the index just built."""

    terms: int
    concepts: int

    def to_json(self) -> dict:
        return {"terms": self.terms, "concepts": self.concepts}
