"""Does a termbase hold any term of a regional variety?

`--variant pl-BY` on a termbase none of whose terms is marked pl-BY ranks nothing first and
makes `check` count only neutral terms as that variety: most often a typo or the wrong
termbase. The translator is told in one line; the command still runs as asked.
"""

from __future__ import annotations


def held_regions(tb, variant: str) -> tuple[bool, set[str]]:
    """(whether some term of `tb`, or of any of its layers, is of `variant`; the regions
    seen before the answer was known: all of them when it is no). The scan stops at the
    first term of the variety, so only an absent variety costs a full read."""
    wanted, seen = variant.lower(), set()
    for termbase in getattr(tb, "termbases", None) or [tb]:
        for doc in termbase.store.concept_docs():
            for term in doc.get("terms", ()):
                region = term.get("region")
                if region:
                    if region.lower() == wanted:
                        return True, seen
                    seen.add(region)
    return False, seen


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
