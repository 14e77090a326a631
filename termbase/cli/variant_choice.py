"""The regional variety a command works in: --variant, else the config file's default; a
variety given on the command line that the termbase does not hold is warned about on
stderr (the command still runs)."""

from __future__ import annotations

import sys


def chosen_variant(tb, explicit: str | None) -> str | None:
    from termbase import default_variant, variant_warning

    variant = default_variant(explicit)
    if explicit:
        warning = variant_warning(tb, variant)
        if warning:
            print(warning, file=sys.stderr)
    return variant
