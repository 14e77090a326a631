"""When two memory segments are the same one: what a TMX import skips as already there.

Two segments are the same when their texts and the inline codes behind their placeholders
are (units that differ only in formatting stay apart). An import of ten segments must not
read a memory of a million to find out: an engine that indexes segments keeps a hash of
each one's identity (`index/identity.py`) and the import reads only the segments with the
same hash; otherwise the memory is read once, on the first segment of the file.
"""

from __future__ import annotations


HASH_BYTES = 8  # a signed 64-bit integer: SQLite's INTEGER, PostgreSQL's BIGINT


def segment_key(doc: dict) -> tuple:
    """The identity of a segment document, comparable with ==. Kept data of another shape
    than a TMX import writes (edited by another tool) holds no codes: an index build, a
    lookup or doctor must not fail on it."""
    kept = doc.get("kept")
    tuvs = kept.get("tuv", {}) if isinstance(kept, dict) else {}
    codes = {tag: tuv.get("codes") for tag, tuv in tuvs.items()
             if isinstance(tuv, dict)} if isinstance(tuvs, dict) else {}
    return tuple(sorted(doc.get("texts", {}).items())) + (repr(sorted(codes.items())),)


def identity_hash(key: tuple) -> int:
    """A stable hash of `segment_key` (the same in every process and version of Python)."""
    import hashlib  # not at import: OpenSSL's load would slow every cold lookup

    digest = hashlib.blake2b(repr(key).encode("utf-8"), digest_size=HASH_BYTES).digest()
    return int.from_bytes(digest, "big", signed=True)


class KnownSegments:
    """The segments a store holds, plus those an import adds, answering `key in known`.

    `finder(hash)` (an engine's index) gives the keys of stored segments with that hash and
    `get(key)` their documents; without a finder, every stored segment is read up front."""

    def __init__(self, tx):
        self.tx = tx
        self.finder = tx.segments_with_identity
        self.added: set[tuple] = set()
        if self.finder is None:
            self.added = {segment_key(segment.to_dict()) for _, segment in tx.segments()}

    def __contains__(self, key: tuple) -> bool:
        if key in self.added:
            return True
        if self.finder is None:
            return False
        return any(segment_key(self.tx.segment_table.get(stored) or {}) == key
                   for stored in self.finder(identity_hash(key)))

    def add(self, key: tuple) -> None:
        self.added.add(key)
