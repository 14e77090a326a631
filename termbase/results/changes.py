"""What changing the termbase returns: import, export, history, undo, delete."""

from __future__ import annotations

from dataclasses import dataclass, field

from termbase.results.common import with_optional


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
    rejects_error: str = ""         # why they could not be (the import itself committed)

    def to_json(self) -> dict:
        data = dict(self.__dict__)
        for optional in ("rejects_file", "rejects_error"):
            if not data[optional]:
                del data[optional]
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
    #: the concepts the batch touched: {"count": n, "concepts": [{"id", "terms": ["pl:..."]}]}
    #: (the first ones of a large batch; empty for batches older than this record)
    touched: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return with_optional({"batch": self.batch, "time": self.time, "user": self.user,
                               "command": self.command, "counts": dict(self.counts),
                               "summary": dict(self.summary)}, undone_by=self.undone_by,
                              touched=self.touched or None)

    @classmethod
    def from_record(cls, record: dict) -> "HistoryEntry":
        return cls(batch=record["batch"], time=record.get("time", ""),
                   user=record.get("user", ""), command=record.get("command", ""),
                   counts=dict(record.get("counts", {})),
                   summary=dict(record.get("summary", {})),
                   undone_by=record.get("undone_by", ""),
                   touched=dict(record.get("touched") or {}))


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
    """`Termbase.delete`: the id of the concept removed and the batch that undoes it."""

    concept_id: str
    batch: str = ""

    def to_json(self) -> dict:
        return with_optional({"deleted": self.concept_id}, batch=self.batch)
