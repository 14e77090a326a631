"""Every error termbase raises on purpose, under one root.

A face (the CLI, a server) catches `TermbaseError` and shows its message as it is: each
message is written for the user. Anything else escaping is a bug.

    TermbaseError
    ├── NotFound          no such concept, batch, ...
    ├── InvalidInput      a value the user gave is not acceptable (alias: ValidationError)
    ├── FormatError       a file as a whole cannot be read or written
    ├── ImportRefused     a file has invalid records; nothing was imported
    └── StoreError        the store cannot be used
        ├── StoreLocked   another process holds the lock too long
        └── StoreDamaged  the file is not a readable termbase (alias: StoreCorrupt)

This module imports nothing, so `from termbase import TermbaseError` stays cheap.
"""

from __future__ import annotations


class TermbaseError(Exception):
    """The root: a failure with a message fit to show a user as it is."""


class NotFound(TermbaseError, LookupError):
    """A concept, batch or other record named by the caller does not exist."""


class InvalidInput(TermbaseError, ValueError):
    """A value given by the caller (a term, a language code, a query...) is not acceptable."""


class FormatError(TermbaseError):
    """The file as a whole cannot be read (malformed XML, wrong header, bad encoding...)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line
        self.file = ""      # set where one command reads several files (`naming_file`)

    def __str__(self) -> str:
        message = super().__str__()
        where = " ".join(part for part in (self.file, f"line {self.line}" if self.line else "")
                         if part)
        return f"{where}: {message}" if where else message


class naming_file:
    """`with naming_file(path):` a FormatError at a line of `path` names it: of several
    files one command reads, which one is bad."""

    def __init__(self, path):
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, trace) -> bool:
        if isinstance(error, FormatError) and error.line and not error.file:
            error.file = str(self.path)
        return False


class ImportRefused(TermbaseError):
    """The file has invalid records; nothing was imported. `errors`: (line, problem) pairs."""

    def __init__(self, path, errors: list[tuple[int, str]]):
        self.path, self.errors = path, errors
        name = getattr(path, "name", None) or str(path)
        super().__init__(f"{name}: {len(errors)} invalid record(s); nothing imported")

    def to_json(self) -> dict:
        """What `import --json` prints for a refused file."""
        return {"file": str(self.path), "refused": True,
                "errors": [{"line": line, "error": error} for line, error in self.errors]}


class StoreError(TermbaseError):
    """A store problem with a message fit for the user."""


class StoreLocked(StoreError):
    """Another termbase process held the store's lock for longer than we wait."""

    @classmethod
    def waited(cls, path, seconds: float) -> "StoreLocked":
        """The one message for either engine: which file, why, what to do; no lock
        file, no SQLite wording."""
        return cls(f"{path} is locked: another termbase command is writing to it (waited "
                   f"{seconds:.0f} s); try again when it has finished")


class StoreDamaged(StoreError):
    """The store file (or its backup) is not a readable termbase; `doctor --repair` helps."""


class CommittedWithWarning(UserWarning):
    """Not an error: the change was written, but something after it (the backup copy)
    failed. The change must not be reported as failed, and the user must hear what is now
    stale. Issued with `warnings.warn`."""
