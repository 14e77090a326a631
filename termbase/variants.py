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
