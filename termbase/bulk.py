"""Bulk work (imports, index builds, exports) creates millions of small objects and no
reference cycles worth collecting; Python's cyclic GC would rescan them again and again
(measured: 40 % of a 100k-row import). It is paused for the duration."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused_gc():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
