"""Which subject a concept added or edited by hand may take.

A subject is a filter (`concepts --subject`, `export --subject`), so a typo in one hides the
concept from every list it belongs in. Hand edits therefore take a subject the termbase
already uses or one of the shipped glossary's (`model.SUBJECTS`), matched without regard to
case and written as it is known; a subject new to both needs an explicit `new_subject`.
Imports are not checked: a file brings its own subject list.
"""

from __future__ import annotations

import difflib
from typing import Iterable

from termbase.errors import InvalidInput
from termbase.facets import SUBJECT, Facets
from termbase.model import SUBJECTS

CLOSE_SHOWN = 3


def known_subjects(facets: Facets) -> list[str]:
    """The shipped glossary's subjects, then those the store uses besides, sorted."""
    found = {s.casefold(): s for s in facets.values(SUBJECT)}
    found.update({s.casefold(): s for s in SUBJECTS})
    return sorted(found.values(), key=str.casefold)


def _spelled_as_known(subject: str, known: Iterable[str]) -> str | None:
    wanted = subject.casefold()
    return next((k for k in known if k.casefold() == wanted), None)


def resolve_subject(facets: Facets, subject: str, new_subject: bool = False) -> str:
    """`subject` as the termbase spells it. An unknown one raises InvalidInput naming the
    close known subjects, unless `new_subject`. `facets` (the store's subjects, see
    `termbase.facets`) answers in one indexed read; the whole list is read only to word
    the error."""
    subject = (subject or "").strip()
    if not subject:
        return subject
    known = _spelled_as_known(subject, SUBJECTS) or facets.spelled(SUBJECT, subject)
    if known is not None:
        return known
    if new_subject:
        return subject
    every = known_subjects(facets)
    by_fold = {k.casefold(): k for k in every}
    close = difflib.get_close_matches(subject.casefold(), list(by_fold), n=CLOSE_SHOWN,
                                      cutoff=0.6)
    hint = (f"did you mean {', '.join(repr(by_fold[c]) for c in close)}?" if close
            else f"known subjects: {', '.join(every)}")
    raise InvalidInput(f"unknown subject {subject!r}: {hint} (to start a new subject, "
                       "add it with --new-subject)")


def filter_subject(termbase, subject: str) -> str:
    """A subject to filter by (the shell's `:subject`), as some layer spells it: a typo
    would silently hide every concept, so an unknown subject raises as in `add`. Takes a
    Termbase or Layers (known in any layer will do)."""
    first_error = None
    for layer in getattr(termbase, "termbases", [termbase]):
        try:
            return resolve_subject(layer.store.facets(), subject)
        except InvalidInput as exc:
            first_error = first_error or exc
    raise InvalidInput(str(first_error).split(" (to start")[0])  # no new subject to start
