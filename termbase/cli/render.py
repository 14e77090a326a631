"""How lookup matches and segment suggestions look: plain lines in a pipe, tables on a
terminal. Shared by the one-shot commands and the interactive shell."""

from __future__ import annotations

from termbase.cli.output import console, is_tty, status_mark, styled_terms


def show_matches(query: str, matches) -> None:
    (_matches_rich if is_tty() else _matches_plain)(query, matches)


def show_suggestion(suggestion) -> None:
    (_suggestion_rich if is_tty() else _suggestion_plain)(suggestion)


def _plain_term(entry) -> str:
    text = entry.term + status_mark(entry.status)
    if entry.region:
        text += f" [{entry.region}]"
    if entry.note:
        text += f" - {entry.note}"
    return text


def _matches_plain(query: str, matches) -> None:
    if not matches:
        print(f"no match for {query!r}")
        return
    for m in matches:
        print(f"{m.term} [{m.lang}] {m.match} {m.score:g}  ({m.concept_id}"
              f"{', ' + m.subject if m.subject else ''})")
        for lang, terms in m.equivalents.items():
            rendered = "; ".join(_plain_term(t) for t in terms) or "-"
            print(f"  {lang}: {rendered}")
        if m.definition.get("en"):
            print(f"  definition: {m.definition['en']}")
        if m.note:
            print(f"  note: {m.note}")


def _matches_rich(query: str, matches) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    if not matches:
        out.print(f"no match for [bold]{query}[/]")
        return
    table = Table(show_header=True, header_style="bold", expand=False, show_lines=True)
    table.add_column("match", no_wrap=True)
    langs = []
    for m in matches:
        langs += [l for l in m.equivalents if l not in langs]
    for lang in langs:
        table.add_column(lang, overflow="fold")
    table.add_column("subject / definition", overflow="fold", max_width=50)
    for m in matches:
        head = Text(m.term, style="bold")
        head.append(f"\n{m.lang} · {m.match} {m.score:g}\n{m.concept_id}", style="dim")
        cells = [styled_terms(m.equivalents.get(lang, [])) for lang in langs]
        info = Text()
        info.append(m.subject or "", style="magenta")
        if m.definition.get("en"):
            info.append(("\n" if m.subject else "") + m.definition["en"])
        if m.note:
            info.append(f"\n⚠ {m.note}", style="yellow")
        table.add_row(head, *cells, info)
    out.print(table)


def _suggestion_plain(result) -> None:
    print(result.segment)
    for hit in result.terms:
        targets = "; ".join(e.term + status_mark(e.status) +
                            (f" [{e.region}]" if e.region else "")
                            for e in hit.equivalents) or "(no equivalent)"
        print(f"  {hit.start}-{hit.end} {hit.text} = {hit.term} "
              f"({hit.concept_id}, {hit.match}) -> {targets}")
        for note in (hit.source_note, hit.note):
            if note:
                print(f"      note: {note}")
    for match in result.memory:
        print(f"  memory {match.score:g}%: {match.source}")
        print(f"      -> {match.target}")
    if not result.terms and not result.memory:
        print("  (no terms, no memory matches)")


def _suggestion_rich(result) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    segment = Text(result.segment)
    for hit in result.terms:
        segment.stylize("bold underline cyan", hit.start, hit.end)
    out.print(segment)
    if result.terms:
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
        table.add_column("in segment")
        table.add_column(f"term ({result.source_lang})")
        table.add_column(f"{result.target_lang}")
        table.add_column("note", overflow="fold", max_width=48)
        for hit in result.terms:
            targets = styled_terms(hit.equivalents, with_notes=False)
            note = " ".join((hit.source_note, hit.note)).strip()
            table.add_row(hit.text, f"{hit.term} [dim]{hit.concept_id}[/]",
                          targets, Text(note, style="yellow"))
        out.print(table)
    for match in result.memory:
        line = Text(f"{match.score:>5g}% ", style="bold")
        for word, differs in match.differences(result.segment):
            line.append(word + " ", style="reverse yellow" if differs else "")
        out.print(line)
        out.print(Text(f"       {match.target}", style="green"))
    if not result.terms and not result.memory:
        out.print("[dim](no terms, no memory matches)[/]")
