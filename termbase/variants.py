"""Regional varieties (pl-PL, pl-LT, en-GB ...): which terms fit a text of one variety.

A term's `region` names the variety it belongs to; a term without one is neutral and fits
every variety of its language. A variety applies only to terms of its base language.
"""

from __future__ import annotations

from termbase import langtag
from termbase.model import ValidationError, check_region


def parse_variant(tag: str | None) -> str | None:
    """The canonical spelling of a variety tag ("pl-lt" -> "pl-LT"); None for none."""
    if tag is None or not tag.strip():
        return None
    try:
        return check_region(tag.strip())
    except ValidationError:
        raise ValidationError(f"variant {tag!r} is not a regional tag such as pl-PL or "
                              "pl-LT") from None


def base_lang(variant: str | None) -> str | None:
    return langtag.base(variant) if variant else None


def for_lang(variant: str | None, lang: str) -> str | None:
    """The variety if it is one of `lang`, else None (a pl-PL text says nothing of Lithuanian)."""
    return variant if variant and base_lang(variant) == lang else None


def region_rank(region: str | None, variant: str | None) -> int:
    """0: the requested variety, 1: neutral, 2: another variety (or no variety requested)."""
    if not variant:
        return 1 if not region else 2
    if not region:
        return 1
    return 0 if region.lower() == variant.lower() else 2


def fits(region: str | None, variant: str | None) -> bool:
    """Whether a term of `region` is right in a text of `variant` (neutral terms always are)."""
    return not variant or not region or region.lower() == variant.lower()


def term_region(index, tid: int) -> str:
    """The region of an index term, read from its concept as stored."""
    ref = index.terms[tid]
    for term in index.concepts[ref.concept_id]["terms"]:
        if term["lang"] == ref.lang and term["text"] == ref.text:
            return term.get("region") or ""
    return ""


def concepts_for_variant(index, term_ids: list[int], lang: str, variant: str | None,
                         keep_others: bool = False) -> list[str]:
    """The concepts the terms of one span name; of homonyms ("gmina"), those whose term fits
    the text's variety. `keep_others` keeps the rest too, after them (for display)."""
    found = list(dict.fromkeys(index.terms[t].concept_id for t in term_ids
                               if index.terms[t].lang == lang))
    if not variant:
        return found
    fitting = [cid for cid in found
               if any(fits(term_region(index, t), variant) for t in term_ids
                      if index.terms[t].concept_id == cid and index.terms[t].lang == lang)]
    if keep_others:
        return fitting + [cid for cid in found if cid not in fitting]
    return fitting or found
