"""Process status (TBX processStatus) in the work on terms: marking what comes in unreviewed,
and telling it apart where a translator relies on the termbase (suggest, check).

Terms taken in by `extract --add`, `align --add` or an import marked provisional carry
`provisionallyProcessed`; a term without the field is finalized (so stores written before it
existed, and the shipped glossary, read as reviewed). Marking never touches a term the
termbase already holds: a proposal that merges into a known term leaves its status as it is.
"""

from __future__ import annotations

from typing import Callable, Iterable

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


class Unreviewed:
    """What `check` does with provisional terms: with `ignore`, leave them out (they neither
    raise nor satisfy a check); else name them among an issue's expected terms.
    `allowed(index, concept_id, lang)` gives the target terms a concept allows."""

    def __init__(self, index, ignore: bool,
                 allowed: Callable[[object, str, str], list[str]]):
        self.index, self.ignore, self._allowed = index, ignore, allowed

    def skipped(self, ref) -> bool:
        """Whether a recognised term (an index TermRef) is left out."""
        return self.ignore and ref.text in provisional_texts(
            self.index.concepts[ref.concept_id], ref.lang)

    def allowed(self, concept_id: str, lang: str) -> list[str]:
        allowed = self._allowed(self.index, concept_id, lang)
        if not self.ignore:
            return allowed
        unreviewed = provisional_texts(self.index.concepts[concept_id], lang)
        return [text for text in allowed if text not in unreviewed]

    def named(self, issues: list, lang: str) -> list:
        """The issues, each with its provisional expected terms in `provisional`."""
        for issue in issues:
            unreviewed = provisional_texts(self.index.concepts[issue.concept_id], lang)
            issue.provisional = [t for t in issue.expected if t in unreviewed]
        return issues
