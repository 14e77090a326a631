"""What `Termbase` methods return: small dataclasses, each with `to_json()`.

`to_json()` gives exactly the shape the command's `--json` prints (the README and DESIGN.md
contracts): a face serialises results, it never builds them. Shapes may gain keys; a key is
never renamed or dropped. Optional keys (a term's region, a concept's note...) appear only
when they have a value, as they always did.

The classes live in small modules by the work they report on (`lookup`, `segments`,
`changes`, `health`) and are loaded on first use: a terminal lookup loads only its own.
"""

from __future__ import annotations

import importlib
from typing import Callable, Optional

#: Progress of long work: `progress(done, total)`; `total` is None when not known in advance.
Progress = Callable[[int, Optional[int]], None]

_MODULE_OF = {
    **dict.fromkeys(("Equivalent", "Match", "LookupResult"), "lookup"),
    **dict.fromkeys(("TermHit", "MemoryHit", "Suggestion", "CheckIssue", "CheckReport",
                     "ConcordanceHit", "ConcordanceResult"), "segments"),
    **dict.fromkeys(("ImportReport", "ExportResult", "HistoryEntry", "UndoResult", "Deleted"),
                    "changes"),
    **dict.fromkeys(("Stats", "BackupState", "DoctorReport", "ReindexResult"), "health"),
}

__all__ = ["Progress", *_MODULE_OF]


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'termbase.results' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"termbase.results.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
