"""The trie's nodes (`ix_paths`) for a bulk load, made from the complete lexeme sequences.

Every prefix of every term's sequence ("12", "12 7", "12 7 40") is a node. Read the complete
sequences in key order: the prefixes of one sequence that are not also prefixes of the
sequence before it all sort after it (and after everything before it), so taken in that
order they come out sorted and without repeats. The table is then filled page after page,
with no sort and no rows thrown away as duplicates; deriving the prefixes in SQL made SQLite
sort every prefix of every term (about 2 million rows per 300,000 concepts, a tenth of an
import's CPU time).
"""

from __future__ import annotations

from typing import Iterable, Iterator


def new_prefixes(sequences: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(lang, path) of every word prefix of the given (lang, sequence) pairs, each once, in
    (lang, path) order, provided the pairs come in that order (repeats allowed)."""
    lang_before, before = None, ""
    for lang, path in sequences:
        if lang != lang_before:
            lang_before, before = lang, ""
        elif path == before:
            continue
        shared = True  # while the prefixes are still prefixes of `before` too
        stop = path.find(" ")
        while True:
            end = len(path) if stop < 0 else stop
            if shared:
                shared = before.startswith(path[:end]) and (
                    len(before) == end or before[end] == " ")
            if not shared:
                yield lang, path[:end]
            if stop < 0:
                break
            stop = path.find(" ", end + 1)
        before = path
