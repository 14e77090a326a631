"""The last step every reader shares: apply ReadOptions (default subject and source, the
languages to keep), validate, and wrap the result or the problem in an Entry."""

from __future__ import annotations

from termbase.formats.base import Entry, ReadOptions
from termbase.model import Concept, Segment, ValidationError


def concept_entry(line: int, concept: Concept, options: ReadOptions,
                  warning: str | None = None, defaults: bool = True) -> Entry | None:
    """An Entry for a parsed concept; None when it has terms only in unwanted languages.
    `defaults`: fill in the default subject and source (not for a further part of a
    concept that already had them)."""
    if options.langs and concept.terms:
        wanted = {lang.split("-")[0].lower() for lang in options.langs}   # varieties too
        concept.terms = [t for t in concept.terms if t.lang in wanted]
        if not concept.terms:
            return None
    if defaults and options.subject and not concept.subject:
        concept.subject = options.subject
    if defaults and options.source and not concept.sources:
        concept.sources = [options.source]
    for term in concept.terms if options.process else ():
        term.process = term.process or options.process
    try:
        concept.validate()
    except ValidationError as exc:
        return Entry(line, error=str(exc), warning=warning)
    return Entry(line, item=concept, warning=warning)


def segment_entry(line: int, segment: Segment, options: ReadOptions,
                  warning: str | None = None) -> Entry | None:
    """An Entry for a parsed memory unit; None when fewer than two wanted languages remain."""
    if options.langs:
        wanted = {lang.split("-")[0].lower() for lang in options.langs}   # varieties too
        segment.texts = {lang: text for lang, text in segment.texts.items()
                         if lang.split("-")[0].lower() in wanted}
        if len(segment.texts) < 2:
            return None
    try:
        segment.validate()
    except ValidationError as exc:
        return Entry(line, error=str(exc), warning=warning)
    return Entry(line, item=segment, warning=warning)


def bilingual_pair(options) -> tuple[str, str] | None:
    """(source, target) languages from options.source_lang/target_lang, else langs[:2]."""
    if getattr(options, "source_lang", None) and getattr(options, "target_lang", None):
        return options.source_lang, options.target_lang
    if options.langs and len(options.langs) >= 2:
        return options.langs[0], options.langs[1]
    return None
