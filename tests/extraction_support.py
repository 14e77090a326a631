"""Extraction of a few written lines, as the extraction tests read them."""

from __future__ import annotations

from termbase.extraction.passages import Passage


def extract_lines(lines: list[str], lang: str, index=None):
    """The extraction of `lines`, each a line of one text, in `lang`."""
    from termbase.extract import extract_passages

    return extract_passages([Passage("t.txt", n, line) for n, line in enumerate(lines, 1)],
                            lang, index=index)


def assert_shown_and_never(found: set[str], shown: list[str], never: list[str]) -> None:
    """Every base form of `shown` among those `found`, none of `never`."""
    assert set(shown) <= found, set(shown) - found
    assert not set(never) & found, set(never) & found
