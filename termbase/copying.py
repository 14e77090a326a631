"""Moving a whole termbase between engines without loss: `termbase copy SRC DST`.

Everything is carried over as it is stored: concepts (ids and dates unchanged), memory
segments under their keys, the change log and the batch records in order, and the counters
that keep ids from being reused, so `history` reads the same and `undo` works after the move.
The target must not exist yet; it is written whole or not at all.

The source is read as of one moment without taking its write lock, so others keep adding
to it while a million concepts are copied (their changes are not in the copy): SQLite reads
inside one read transaction (WAL lets writers commit meanwhile), and a TinyDB file is read
in one go, which needs no lock because writers only ever replace it whole by a rename.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from termbase.engines import open_store
from termbase.errors import StoreError


@dataclass
class Dump:
    """A store's whole content, in order, streamed where the engine can."""

    meta: dict
    concepts: Iterator[dict]
    segments: Iterator[tuple[str, dict]]
    changes: Iterator[dict]
    batches: list[dict]


@dataclass
class CopyResult:
    source: str
    target: str
    source_engine: str
    target_engine: str
    concepts: int
    memory_segments: int
    batches: int

    def to_json(self) -> dict:
        return dict(self.__dict__)


def copy_termbase(source: str | os.PathLike, target: str | os.PathLike) -> CopyResult:
    src, dst = open_store(source), open_store(target)
    if not src.exists():
        raise StoreError(f"{src.location} does not exist")
    if dst.exists() or Path(dst.location).exists():
        raise StoreError(f"{dst.location} already exists; copy only into a new termbase")
    with src.dump() as dump:  # a snapshot, not the write lock: the source stays writable
        dst.load(dump)
    counts = dst.counts()
    return CopyResult(src.location, dst.location, src.engine, dst.engine, counts["concepts"],
                      counts["memory_segments"], counts["batches"])
