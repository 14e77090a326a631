"""How lookup matches and segment suggestions look: plain lines in a pipe, tables on a
terminal. Shared by the one-shot commands and the interactive shell.

User text is shown through `visible` (invisible and control characters escaped) and, on a
terminal, only inside `rich.text.Text` objects, never in a markup string: a term such as
`opieka [/b] domowa` is text, not markup."""

from __future__ import annotations

from termbase import for_terminal as visible
from termbase.cli.output import console, is_tty, status_mark, styled_terms


def show_matches(query: str, matches) -> None:
    (_matches_rich if is_tty() else _matches_plain)(query, matches)


def show_suggestion(suggestion) -> None:
    (_suggestion_rich if is_tty() else _suggestion_plain)(suggestion)


def _plain_term(entry) -> str:
    text = visible(entry.term) + status_mark(entry.status)
    if entry.region:
        text += f" [{entry.region}]"
    if entry.note:
        text += f" - {visible(entry.note)}"
    return text


def _matches_plain(query: str, matches) -> None:
    if not matches:
        print(f"no match for {visible(repr(query))}")
        return
    for m in matches:
        print(f"{visible(m.term)} [{m.lang}] {m.match} {m.score:g}  ({visible(m.concept_id)}"
              f"{', ' + visible(m.subject) if m.subject else ''})")
        for lang, terms in m.equivalents.items():
            rendered = "; ".join(_plain_term(t) for t in terms) or "-"
            print(f"  {lang}: {rendered}")
        if m.definition.get("en"):
            print(f"  definition: {visible(m.definition['en'])}")
        if m.note:
            print(f"  note: {visible(m.note)}")


def _matches_rich(query: str, matches) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    if not matches:
        out.print(Text.assemble("no match for ", (visible(query), "bold")))
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
        head = Text(visible(m.term), style="bold")
        head.append(f"\n{m.lang} · {m.match} {m.score:g}\n{visible(m.concept_id)}",
                    style="dim")
        cells = [styled_terms(m.equivalents.get(lang, [])) for lang in langs]
        info = Text()
        info.append(visible(m.subject or ""), style="magenta")
        if m.definition.get("en"):
            info.append(("\n" if m.subject else "") + visible(m.definition["en"]))
        if m.note:
            info.append(f"\n⚠ {visible(m.note)}", style="yellow")
        table.add_row(head, *cells, info)
    out.print(table)


def _suggestion_plain(result) -> None:
    print(visible(result.segment))
    for hit in result.terms:
        targets = "; ".join(visible(e.term) + status_mark(e.status) +
                            (f" [{e.region}]" if e.region else "")
                            for e in hit.equivalents) or "(no equivalent)"
        print(f"  {hit.start}-{hit.end} {visible(hit.text)} = {visible(hit.term)} "
              f"({visible(hit.concept_id)}, {hit.match}) -> {targets}")
        for note in (hit.source_note, hit.note):
            if note:
                print(f"      note: {visible(note)}")
        for equivalent in hit.equivalents:
            if equivalent.note:
                print(f"      {visible(equivalent.term)}: {visible(equivalent.note)}")
    for match in result.memory:
        print(f"  memory {match.score:g}%: {visible(match.source)}")
        print(f"      -> {visible(match.target)}")
    if not result.terms and not result.memory:
        print("  (no terms, no memory matches)")


def _suggestion_rich(result) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    out.print(_highlighted(result.segment, [(hit.start, hit.end) for hit in result.terms]))
    if result.terms:
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
        table.add_column("in segment")
        table.add_column(f"term ({result.source_lang})")
        table.add_column(f"{result.target_lang}")
        table.add_column("note", overflow="fold", max_width=48)
        for hit in result.terms:
            targets = styled_terms(hit.equivalents, with_notes=False)
            note = " ".join([hit.source_note, hit.note] + [
                f"{e.term}: {e.note}" for e in hit.equivalents if e.note]).strip()
            table.add_row(Text(visible(hit.text)),
                          Text.assemble(visible(hit.term), " ", (visible(hit.concept_id), "dim")),
                          targets, Text(visible(note), style="yellow"))
        out.print(table)
    for match in result.memory:
        line = Text(f"{match.score:>5g}% ", style="bold")
        for word, differs in match.differences(result.segment):
            line.append(visible(word) + " ", style="reverse yellow" if differs else "")
        out.print(line)
        out.print(Text(f"       {visible(match.target)}", style="green"))
    if not result.terms and not result.memory:
        out.print(Text("(no terms, no memory matches)", style="dim"))


def _highlighted(segment: str, spans: list[tuple[int, int]]):
    """The segment with the spans styled; escaped piece by piece, since escaping changes
    lengths and the offsets are the segment's own."""
    from rich.text import Text

    text, position = Text(), 0
    for start, end in sorted(spans):
        if start < position:       # overlapping terms: the rest of the later one
            start = position
        text.append(visible(segment[position:start]))
        text.append(visible(segment[start:end]), style="bold underline cyan")
        position = max(position, end)
    text.append(visible(segment[position:]))
    return text
