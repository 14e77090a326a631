"""The languages a CAT project is set to, as `export --from/--to` name them, applied to a
glossary export.

A project set to plain `pl` must load every Polish term, regional ones (pl-LT) included:
the writers get base languages, and each term keeps its variety (geographicalUsage, the
region column, the comment). A project set to a variety (`--from pl-LT`) gets the language
sections and term units tagged with that variety, and leaves out the terms marked for
another variety of the language (pl-PL), which are not for that market; unmarked terms serve
every variety. A memory export picks texts the same way and writes each with its own tag.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from termbase import langtag
from termbase.formats.base import WriteOptions
from termbase.model import Concept, ValidationError, split_lang_tag


def apply(options: WriteOptions, glossary: bool) -> None:
    """Normalise options.source_lang/target_lang (validated, case as BCP 47 writes it); for
    a glossary, base languages plus options.varieties."""
    varieties: dict[str, str] = {}
    for attr in ("source_lang", "target_lang"):
        tag = getattr(options, attr)
        if not tag:
            continue
        base, variety = split_lang_tag(tag)
        if glossary:
            setattr(options, attr, base)
            if variety:
                varieties[base] = variety
        else:
            setattr(options, attr, normal(tag))
    if glossary and options.source_lang and options.source_lang == options.target_lang:
        raise ValidationError(
            f"--from {options.source_lang} and --to {options.target_lang} are one language: "
            "a glossary keeps its varieties (pl-PL, pl-LT) side by side in that language, "
            "each term tagged; export the memory for pairs between varieties")
    options.varieties = varieties or None


def normal(tag: str | None) -> str | None:
    """A tag as termbase keeps it ('pol-pl' -> 'pl-PL'); None stays None."""
    if not tag:
        return tag
    base, variety = split_lang_tag(tag)
    return variety or base


def text_serves(tag: str, wanted: str) -> bool:
    """A memory text keyed `tag` (pl, pl-LT) is one for `wanted`: the same tag; any variety
    when a plain language is wanted; a text of no variety when a variety is (as
    `langtag.pick` reads a file)."""
    if tag == wanted:
        return True
    if "-" not in wanted:
        return langtag.base(tag) == wanted
    return "-" not in tag and tag == langtag.base(wanted)


def serves(region: str, project: str) -> bool:
    """A term of `region` (pl-LT; '' for none) belongs in a project set to `project`."""
    return not region or project == region or project.startswith(region + "-")


def for_project(concepts: Iterable[Concept], varieties: dict[str, str] | None
                ) -> Iterator[Concept]:
    """Concepts without the terms marked for another variety than the project's."""
    for concept in concepts:
        if varieties:
            concept.terms = [t for t in concept.terms
                             if t.lang not in varieties or serves(t.region, varieties[t.lang])]
        if concept.terms:
            yield concept


def tag(lang: str, options: WriteOptions) -> str:
    """The language tag a writer puts on `lang`'s section or unit."""
    return (options.varieties or {}).get(lang, lang)
