"""The translator's choice of proposals by number at the terminal: "1-3, 7"."""

from __future__ import annotations

import re

_RANGE = re.compile(r"^(\d+)(?:\s*-\s*(\d+))?$")


def parse_selection(spec: str, count: int) -> list[int]:
    """"1-3, 7" -> [0, 1, 2, 6] (numbers shown to the user are 1-based). ValueError with a
    message for anything else or for numbers outside 1..count."""
    chosen: list[int] = []
    for part in re.split(r"[,\s]+", spec.strip()):
        if not part:
            continue
        match = _RANGE.match(part)
        if not match:
            raise ValueError(f"not a number or range: {part!r} (write e.g. 1-3,7)")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first > last:
            raise ValueError(f"range {part!r} runs backwards")
        if first < 1 or last > count:
            raise ValueError(f"{part!r} is outside 1-{count}")
        chosen += [n - 1 for n in range(first, last + 1) if n - 1 not in chosen]
    return chosen
