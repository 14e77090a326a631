"""Extraction of a few written lines, as the extraction tests read them."""

from __future__ import annotations

import importlib.util

import pytest

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


needs_morfeusz = pytest.mark.skipif(importlib.util.find_spec("morfeusz2") is None,
                                    reason="morfeusz2 has no wheel for this platform")


def shown_base_forms(lines: list[str], lang: str, top: int = 300) -> set[str]:
    """The base forms of the top candidates of `lines`."""
    return {candidate.term for candidate in extract_lines(lines, lang).top(top)}


def shown_lowered(lines: list[str], lang: str) -> set[str]:
    """The same in lower case, for checks that a word is gone whatever its capitals."""
    return {term.lower() for term in shown_base_forms(lines, lang)}
