"""A change to a concept, described as data, and the rules for applying it.

Faces collect what the user asked for in a `ConceptEdit`; `Termbase.add` and
`Termbase.edit` apply it to the concept as stored, under the store's lock. The rules live
here, not in a face: the first term a concept gets in a language is its preferred term,
later ones are admitted synonyms (unless a status is given for the terms added); a term
named by (language, text) must exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from termbase.errors import NotFound
from termbase.model import Concept, Term

TermRef = tuple[str, str]    # (language, text) of a term already in the concept


@dataclass
class ConceptEdit:
    """What to change. Every field is optional; None leaves a concept-level field alone."""

    terms: list[TermRef] = field(default_factory=list)           # terms to add, in order
    regions: list[tuple[str, str, str]] = field(default_factory=list)   # (lang, text, region)
    subject: str | None = None
    definitions: dict[str, str] = field(default_factory=dict)    # lang -> definition
    note: str | None = None
    sources: list[str] = field(default_factory=list)             # added if not present
    remove_terms: list[TermRef] = field(default_factory=list)
    statuses: list[tuple[str, str, str]] = field(default_factory=list)  # (lang, text, status)
    status: str | None = None        # of every term this edit adds (None: the default)
    term_notes: dict[str, str] = field(default_factory=dict)     # lang -> note, see apply
    processes: list[tuple[str, str, str]] = field(default_factory=list)  # (lang, text, process)

    def apply(self, concept: Concept) -> Concept:
        """Change `concept` in place (and return it). Unknown term references raise
        NotFound; the concept is validated by the store when written."""
        added = []
        for lang, text in self.terms:
            has_lang = any(t.lang == lang for t in concept.terms)
            added.append(Term(lang=lang, text=text, status=self.status or (
                "admitted" if has_lang else "preferred")))
            concept.terms.append(added[-1])
        for lang, text, region in self.regions:
            find_term(concept, lang, text).region = region
        if self.subject is not None:
            concept.subject = self.subject
        concept.definition.update(self.definitions)
        if self.note is not None:
            concept.note = self.note
        concept.sources += [s for s in self.sources if s not in concept.sources]
        for lang, text in self.remove_terms:
            concept.terms.remove(find_term(concept, lang, text))
        for lang, text, status in self.statuses:
            find_term(concept, lang, text).status = status
        for lang, text, process in self.processes:
            find_term(concept, lang, text).process = process
        for lang, note in self.term_notes.items():
            for term in _noted_terms(concept, added, lang):
                term.note = note
        return concept


def _noted_terms(concept: Concept, added: list[Term], lang: str) -> list[Term]:
    """A per-language note goes on the terms of that language this edit adds, else on the
    concept's preferred term in that language."""
    mine = [t for t in added if t.lang == lang]
    if mine:
        return mine
    present = concept.terms_in(lang)
    if not present:
        raise NotFound(f"concept {concept.id or '(new)'} has no {lang} term for the note")
    return present[:1]


def find_term(concept: Concept, lang: str, text: str) -> Term:
    """The concept's term in `lang` spelt exactly `text`."""
    for term in concept.terms:
        if term.lang == lang and term.text == text:
            return term
    raise NotFound(f"concept {concept.id or '(new)'} has no {lang} term {text!r}")
