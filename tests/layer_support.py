"""Small termbases for layering tests, built through the API."""

from __future__ import annotations

from pathlib import Path

from termbase import ConceptEdit, Termbase


def small_termbase(path: Path, *concepts: tuple[list[tuple[str, str]], str]) -> Termbase:
    """A termbase without the shipped glossary, holding these (terms, subject) concepts."""
    tb = Termbase.open(path, seed=False)
    for terms, subject in concepts:
        tb.add(ConceptEdit(terms=terms, subject=subject))
    return tb
