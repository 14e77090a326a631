"""OmegaT glossary: UTF-8 text, one `source<TAB>target<TAB>comment` line per term pair.

Bilingual, so it needs a source and a target language. Lines written per concept: every
usable source term (deprecated and forbidden ones flagged in the comment, so the
translator is warned when the source text uses them) times every usable target term,
the preferred one first; deprecated and forbidden target terms are left out, and a target
term not yet reviewed (processStatus) is commented "provisional". With
WriteOptions.with_forms each inflected form of a source term gets its own line (OmegaT has
no Polish or Lithuanian morphology), commented "form of <base term>".

Reading gives one concept per line; "form of" lines become forms of the term before.
The `.utf8` extension is OmegaT's own for UTF-8 glossaries; `.txt`/`.tab` files are read
when the format is named explicitly.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator

from termbase import langtag
from termbase.fileio import atomic_open
from termbase.formats.base import Entry, Format, FormatError, ReadOptions, WriteOptions
from termbase.formats.encoding import decode
from termbase.formats.records import bilingual_pair, concept_entry
from termbase.model import Concept, Term, ValidationError, check_lang

NOTE_LIMIT = 160
FORM_OF = "form of "
UNUSABLE = ("deprecated", "forbidden")
PROVISIONAL = "provisional"     # the target term is not yet reviewed (processStatus)
_SPACES = re.compile(r"\s+")


def _pair(options) -> tuple[str, str]:
    pair = bilingual_pair(options)
    if not pair:
        raise FormatError("an OmegaT glossary is bilingual: name the source and target "
                          "languages with --from and --to")
    try:   # a variety (pl-LT) names its base language here
        return check_lang(langtag.base(pair[0])), check_lang(langtag.base(pair[1]))
    except ValidationError as exc:
        raise FormatError(str(exc)) from None


def _field(text: str, limit: int | None = None) -> str:
    """One line: tabs and line breaks become spaces; long notes are shortened."""
    text = _SPACES.sub(" ", text).strip()
    if limit and len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return text


def _comment(concept: Concept, source: Term, target: Term) -> str:
    """Subject, warnings (status, regions, the terms' own notes such as a regional
    warning), then the concept's note: what the translator sees beside the match."""
    parts = [concept.subject]
    if source.status in UNUSABLE:
        parts.append(source.status)
    if target.status == "admitted":
        parts.append("admitted")
    if target.provisional:
        parts.append(PROVISIONAL)
    parts += [term.region for term in (source, target) if term.region]
    parts += [_field(term.note, NOTE_LIMIT) for term in (source, target)]
    parts.append(_field(concept.note, NOTE_LIMIT))
    return "; ".join(_field(p) for p in dict.fromkeys(parts) if p)


def _form_comment(source: Term, target: Term) -> str:
    """A form line names its base term and keeps the pair's warnings: the source's status,
    an unreviewed target, and both terms' regions (the target offered for "seniūnijos"
    may be right only in one variety, as on the base line)."""
    marks = [source.status if source.status in UNUSABLE else "",
             PROVISIONAL if target.provisional else "", source.region, target.region]
    kept = dict.fromkeys(m for m in marks if m)
    return "; ".join([f"{FORM_OF}{_field(source.text)}", *kept])


def lines_for(concept: Concept, source_lang: str, target_lang: str,
              with_forms: bool = False) -> Iterator[tuple[str, str, str]]:
    targets = [t for t in concept.terms_in(target_lang) if t.status not in UNUSABLE]
    if not targets:
        return
    for source in concept.terms_in(source_lang):
        for number, target in enumerate(targets):
            yield _field(source.text), _field(target.text), _comment(concept, source, target)
            if with_forms and number == 0:   # right after the line they belong to
                for form in source.forms:
                    yield _field(form), _field(target.text), _form_comment(source, target)


def write(items: Iterable, path: Path, options: WriteOptions) -> int:
    source_lang, target_lang = _pair(options)
    count = 0
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as handle:
        for concept in items:
            if not isinstance(concept, Concept):
                continue
            lines = list(lines_for(concept, source_lang, target_lang, options.with_forms))
            if lines:
                handle.writelines("\t".join(line).rstrip("\t") + "\n" for line in lines)
                count += 1
    return count


def read(path: Path, options: ReadOptions) -> Iterator[Entry]:
    source_lang, target_lang = _pair(options)
    text, _ = decode(Path(path).read_bytes(), options.encoding, name=Path(path).name)
    pending: tuple[int, Concept] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        source, target = cells[0], cells[1] if len(cells) > 1 else ""
        comment = "\t".join(cells[2:]).strip()
        if pending and comment.split(";")[0].strip() == FORM_OF + pending[1].terms[0].text:
            pending[1].terms[0].forms.append(source)
            continue
        if pending:
            entry = concept_entry(*pending, options)
            if entry is not None:
                yield entry
            pending = None
        if not target:
            yield Entry(number, error="no target term (expected source<TAB>target<TAB>comment)")
            continue
        pending = (number, _concept(source, target, comment, source_lang, target_lang))
    if pending:
        entry = concept_entry(*pending, options)
        if entry is not None:
            yield entry


def _concept(source: str, target: str, comment: str, source_lang: str,
             target_lang: str) -> Concept:
    """The comment's status words go back to the terms; the rest becomes the note."""
    source_term, target_term = Term(source_lang, source), Term(target_lang, target)
    rest = []
    for part in (p.strip() for p in comment.split(";")):
        if part in UNUSABLE and not source_term.status:
            source_term.status = part
        elif part == "admitted" and not target_term.status:
            target_term.status = part
        elif part == PROVISIONAL and not target_term.process:
            target_term.process = "provisionallyProcessed"
        elif part:
            rest.append(part)
    return Concept(note="; ".join(rest), terms=[source_term, target_term])


# OmegaT glossary: source TAB target TAB comment, UTF-8
FORMAT = Format("omegat", (".utf8",), "terms", read, write, lambda head: False)
