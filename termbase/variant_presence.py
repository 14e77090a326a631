"""Does a termbase hold any term of a regional variety?

`--variant pl-BY` on a termbase none of whose terms is marked pl-BY ranks nothing first and
makes `check` count only neutral terms as that variety: most often a typo or the wrong
termbase. The translator is told in one line; the command still runs as asked.
"""

from __future__ import annotations

from termbase.facets import REGION


def held_regions(tb, variant: str) -> tuple[bool, set[str]]:
    """(whether some term of `tb`, or of any of its layers, is of `variant`; the varieties
    it holds when it is no). One indexed read per layer (`termbase.facets`); the varieties
    are listed only for the warning."""
    layers = [termbase.store.facets() for termbase in getattr(tb, "termbases", None) or [tb]]
    if any(facets.spelled(REGION, variant) is not None for facets in layers):
        return True, set()
    return False, {region for facets in layers for region in facets.values(REGION)}


def variant_warning(tb, variant: str | None) -> str | None:
    """One warning line when `variant` is given and no term of `tb` belongs to it."""
    if not variant:
        return None
    held, regions = held_regions(tb, variant)
    if held:
        return None
    others = f"its varieties: {', '.join(sorted(regions))}" if regions else "it marks none"
    return (f"warning: the termbase holds no term of variety {variant} ({others}); only "
            "neutral terms count as that variety")
