"""Process status (TBX processStatus) in the work on terms: marking what comes in unreviewed,
and telling it apart where a translator relies on the termbase (suggest, check).

Terms taken in by `extract --add`, `align --add` or an import marked provisional carry
`provisionallyProcessed`; a term without the field is finalized (so stores written before it
existed, and the shipped glossary, read as reviewed). Marking never touches a term the
termbase already holds: a proposal that merges into a known term leaves its status as it is.
"""

from __future__ import annotations

from typing import Iterable

from termbase.model import PROVISIONAL, Concept

PROVISIONAL_MARK = "provisionallyProcessed"


def mark_provisional(concepts: Iterable[tuple[int, Concept]]) -> None:
    """Mark every term of these incoming concepts provisional (unless it says otherwise)."""
    for _, concept in concepts:
        for term in concept.terms:
            term.process = term.process or PROVISIONAL_MARK


def provisional_texts(concept_doc: dict, lang: str) -> set[str]:
    """The texts of a stored concept's terms in `lang` that are not yet reviewed."""
    return {t["text"] for t in concept_doc.get("terms", ())
            if t.get("lang") == lang and t.get("process") in PROVISIONAL}
