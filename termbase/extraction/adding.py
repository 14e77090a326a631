"""Chosen proposals -> concepts, imported as one batch that `termbase undo` reverts.

Everything is validated before the store is touched, so a bad row refuses the whole
addition with its line number; the import itself is the importer's `apply_items` inside
one `store.transaction`, so a term the termbase already has merges into its concept (its
sources grow) instead of being doubled.
"""

from __future__ import annotations

from typing import Iterable

from termbase.importer import ImportReport, apply_items
from termbase.model import Concept, Term, ValidationError


def term_concept(lang: str, text: str, subject: str = "", sources: Iterable[str] = (),
                 forms: Iterable[str] = (), known_as: str = "") -> Concept:
    """A concept holding one extracted term (with the inflected forms seen in the texts).
    known_as: the one concept the termbase already names this term by (its id), which the
    term then joins instead of making a second concept ("osoba starsza" where the termbase
    writes "osoby starsze")."""
    forms = [f for f in forms if f and f.lower() != text.lower()]
    return Concept(id=known_as, subject=subject, sources=list(sources),
                   terms=[Term(lang=lang, text=text, forms=forms)])


def pair_concept(source: tuple[str, str], target: tuple[str, str], subject: str = "",
                 sources: Iterable[str] = ()) -> Concept:
    """A concept holding an aligned pair: ((lang, term), (lang, term))."""
    return Concept(subject=subject, sources=list(sources),
                   terms=[Term(lang=lang, text=text) for lang, text in (source, target)])


def validate_all(numbered: list[tuple[int, Concept]]) -> None:
    """Validate every concept; one ValidationError listing the bad lines."""
    problems = []
    for line, concept in numbered:
        try:
            concept.validate()
        except ValidationError as exc:
            problems.append(f"line {line}: {exc}")
    if problems:
        raise ValidationError("nothing added: " + "; ".join(problems[:20]))


def add_concepts(store, numbered: list[tuple[int, Concept]], command: str) -> ImportReport:
    """Import the concepts as one batch (merging into concepts that share a term)."""
    validate_all(numbered)
    report = ImportReport(file=command, format="candidates")
    with store.transaction(command=command) as tx:
        report.batch = tx.batch
        apply_items(tx, numbered, report)
        tx.summary = {"added": report.added, "merged": report.merged,
                      "unchanged": report.unchanged}
    return report
