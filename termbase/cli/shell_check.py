"""The shell's term QA of one segment pair (`:check TRANSLATION`) and the acceptance of
its flags into the project's accept list (`:accept [N ...]`), the file `check --accept`
reads, so a flag dismissed once while translating stays quiet in the final QA run."""

from __future__ import annotations

import csv
import io
from pathlib import Path


def check_pair(tb, source: str, target: str, source_lang: str, target_lang: str,
               variant: str | None, accept: Path | None):
    """`check` on one segment pair, through the same service call as a file (a two-column
    TSV in memory), leaving out flags the accept list already holds."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow([source_lang, target_lang])
    writer.writerow([" ".join(source.split()), " ".join(target.split())])
    data = io.BytesIO(buffer.getvalue().encode("utf-8"))
    return tb.check(data, source_lang, target_lang, name="segment.tsv", variant=variant,
                    accept=accept if accept is not None and accept.exists() else None)


def show_flags(issues) -> None:
    from termbase import for_terminal

    if not issues:
        print("no term issues")
    for number, issue in enumerate(issues, 1):
        layer = f", {issue.layer}" if issue.layer else ""
        print(f"  {number}. {issue.kind}: {for_terminal(issue.describe())} "
              f"[{issue.segment}{for_terminal(layer)}]")


def chosen_flags(issues: list, value: str) -> list:
    """The flags `:accept` names: all when no numbers are given, else those numbered."""
    from termbase import InvalidInput

    if not issues:
        raise InvalidInput("no flags to accept: :check TRANSLATION shows the current "
                           "segment's flags first")
    if not value:
        return list(issues)
    picked = []
    for word in value.replace(",", " ").split():
        if not word.isdigit() or not 1 <= int(word) <= len(issues):
            raise InvalidInput(f"{word!r} is not a flag number (1 to {len(issues)}); "
                               ":accept alone takes them all")
        if issues[int(word) - 1] not in picked:   # "1 1" names one flag
            picked.append(issues[int(word) - 1])
    return picked
