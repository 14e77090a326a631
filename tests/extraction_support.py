"""Extraction of a few written lines, as the extraction tests read them."""

from __future__ import annotations

from termbase.extraction.passages import Passage


def extract_lines(lines: list[str], lang: str, index=None):
    """The extraction of `lines`, each a line of one text, in `lang`."""
    from termbase.extract import extract_passages

    return extract_passages([Passage("t.txt", n, line) for n, line in enumerate(lines, 1)],
                            lang, index=index)
