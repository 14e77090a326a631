"""Bulk work (imports, index builds, exports) creates millions of small objects and no
reference cycles worth collecting; Python's cyclic GC would rescan them again and again
(measured: 40 % of a 100k-row import). It is paused for the duration."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused_gc(freeze: bool = False):
    """Pause the cyclic GC. With `freeze`, what was allocated meanwhile (e.g. a loaded index
    that lives as long as the process) is moved out of the collector's sight for good, so the
    next collection does not rescan it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
