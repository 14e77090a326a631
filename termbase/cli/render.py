"""How lookup matches and segment suggestions look: plain lines in a pipe, tables on a
terminal. Shared by the one-shot commands and the interactive shell.

User text is shown through `visible` (invisible and control characters escaped) and, on a
terminal, only inside `rich.text.Text` objects, never in a markup string: a term such as
`opieka [/b] domowa` is text, not markup."""

from __future__ import annotations

import re

from termbase import for_terminal as visible
from termbase.cli.output import console, is_tty, process_mark, status_mark, styled_terms


def show_matches(query: str, matches) -> None:
    (_matches_rich if is_tty() else _matches_plain)(query, matches)


def show_suggestion(suggestion, shown_notes: set | None = None) -> None:
    """`shown_notes`: notes already printed in this batch (filled in here), so a note that
    comes back segment after segment is printed once."""
    (_suggestion_rich if is_tty() else _suggestion_plain)(suggestion, shown_notes)


# A source note that starts with a variety tag (pl-LT ...) is a regional warning.
_REGIONAL = re.compile(r"^[a-z]{2,3}-[A-Za-z0-9]{2,4}\b")


def _warns(entry) -> bool:
    """Whether an equivalent's note is a warning (its term is regional, deprecated or
    forbidden) rather than neutral information such as "feminine form"."""
    return bool(entry.region) or entry.status in ("deprecated", "forbidden")


def _hit_notes(hit) -> list[tuple[str, str, bool]]:
    """(whose, note, is a warning) of one suggested term: the source term's, the concept's,
    then the target equivalents'."""
    notes = []
    if hit.source_note:
        notes.append((hit.term, hit.source_note, bool(_REGIONAL.match(hit.source_note))))
    if hit.note:
        notes.append((hit.concept_id, hit.note, True))
    notes += [(e.term, e.note, _warns(e)) for e in hit.equivalents if e.note]
    return notes


def _match_notes(m) -> list[tuple[str, str, bool]]:
    notes = [(m.concept_id, m.note, True)] if m.note else []
    for terms in m.equivalents.values():
        notes += [(e.term, e.note, _warns(e)) for e in terms if e.note]
    return notes


def layer_mark(result) -> str:
    """` [team]`: the layer a result comes from, when several termbases are searched."""
    layer = getattr(result, "layer", "")
    return f" [{visible(layer)}]" if layer else ""


def _plain_term(entry) -> str:
    text = visible(entry.term) + status_mark(entry.status) + process_mark(entry)
    if entry.region:
        text += f" [{entry.region}]"
    return text


def _matches_plain(query: str, matches) -> None:
    if not matches:
        print(f"no match for {visible(repr(query))}")
        return
    for m in matches:
        print(f"{visible(m.term)} [{m.lang}] {m.match} {m.score:g}  ({visible(m.concept_id)}"
              f"{', ' + visible(m.subject) if m.subject else ''}){layer_mark(m)}")
        for lang, terms in m.equivalents.items():
            rendered = "; ".join(_plain_term(t) for t in terms) or "-"
            print(f"  {lang}: {rendered}")
        if m.definition.get("en"):
            print(f"  definition: {visible(m.definition['en'])}")
        for whose, note, warns in _match_notes(m):
            print(f"  {'warning' if warns else 'note'}: {visible(whose)}: {visible(note)}")


def _table(first: str):
    """The one table style of lookup and suggest: a bold header, a blank line between rows;
    the widths come from `_print_table`."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", show_lines=True,
                  padding=(0, 1), expand=False)
    table.add_column(first)
    return table


def _print_table(out, table, rows) -> None:
    """Give each column at least its longest word (so no word or id is broken) and share
    what the terminal has left by how much more each column would take."""
    from rich.cells import cell_len

    columns = list(zip(*rows))
    least = [max([cell_len(c.header)] + [cell_len(w) for cell in cells
                                         for w in cell.plain.split()])
             for c, cells in zip(table.columns, columns)]
    most = [max([cell_len(c.header)] + [cell_len(line) for cell in cells
                                        for line in cell.plain.splitlines()])
            for c, cells in zip(table.columns, columns)]
    room = out.width - 3 * len(least) - 1       # padding and the space between columns
    if sum(most) > room and sum(least) <= room:
        spare, wanted = room - sum(least), sum(most) - sum(least)
        for column, low, high in zip(table.columns, least, most):
            column.width = low + (high - low) * spare // wanted
    for row in rows:
        table.add_row(*row)
    out.print(table)


def _term_cell(term: str, detail: str, concept_id: str):
    from rich.text import Text

    cell = Text(visible(term), style="bold")
    cell.append(f"\n{detail}\n", style="dim")
    cell.append(visible(concept_id), style="dim")
    return cell


def _print_notes(out, notes: list[tuple[str, str, bool]], shown: set | None) -> None:
    """Notes under the table, at the terminal's full width (a narrow column would wrap one
    over dozens of lines); warnings marked, neutral notes not; each once per batch."""
    from rich.text import Text

    for whose, note, warns in notes:
        if shown is not None:
            if (whose, note) in shown:
                continue
            shown.add((whose, note))
        line = Text("⚠ " if warns else "  ", style="yellow" if warns else "dim")
        line.append(visible(whose) + ": ", style="bold")
        line.append(visible(note), style="yellow" if warns else "")
        out.print(line)


def _matches_rich(query: str, matches) -> None:
    from rich.text import Text

    out = console()
    if not matches:
        out.print(Text.assemble("no match for ", (visible(query), "bold")))
        return
    table = _table("match")
    langs = []
    for m in matches:
        langs += [l for l in m.equivalents if l not in langs]
    for lang in langs:
        table.add_column(lang)
    rows = [[_term_cell(m.term, f"{m.lang} · {m.match} {m.score:g}{layer_mark(m)}",
                        m.concept_id),
             *[styled_terms(m.equivalents.get(lang, []), with_notes=False) for lang in langs]]
            for m in matches]
    _print_table(out, table, rows)
    for m in matches:
        about = " · ".join(x for x in (m.subject, m.definition.get("en", "")) if x)
        if about:
            line = Text(visible(m.concept_id) + ": ", style="bold")
            line.append(visible(about))
            out.print(line)
        _print_notes(out, _match_notes(m), None)


def _suggestion_plain(result, shown: set | None = None) -> None:
    print(visible(result.segment))
    for hit in result.terms:
        targets = "; ".join(_plain_term(e) for e in hit.equivalents) or "(no equivalent)"
        print(f"  {hit.start}-{hit.end} {visible(hit.text)} = {visible(hit.term)}"
              f"{process_mark(hit)} ({visible(hit.concept_id)}, {hit.match}){layer_mark(hit)}"
              f" -> {targets}")
        repeated = 0
        for whose, note, warns in _hit_notes(hit):
            if shown is not None:
                if (whose, note) in shown:
                    repeated += 1
                    continue
                shown.add((whose, note))
            print(f"      {'warning' if warns else 'note'}: {visible(whose)}: {visible(note)}")
        if repeated:
            print(f"      ({repeated} note{'s' if repeated > 1 else ''} as above)")
    for match in result.memory:
        print(f"  memory {match.score:g}%{layer_mark(match)}: {visible(match.source)}")
        print(f"      -> {visible(match.target)}")
    if not result.terms and not result.memory:
        print("  (no terms, no memory matches)")


def _suggestion_rich(result, shown: set | None = None) -> None:
    from rich.text import Text

    out = console()
    out.print(_highlighted(result.segment, [(hit.start, hit.end) for hit in result.terms]))
    if result.terms:
        table = _table("in segment")
        table.add_column(f"term ({result.source_lang})")
        table.add_column(f"{result.target_lang}")
        _print_table(out, table, [
            [Text(visible(hit.text)),
             _term_cell(hit.term + process_mark(hit),
                        f"{hit.match} {hit.score:g}{layer_mark(hit)}", hit.concept_id),
             styled_terms(hit.equivalents, with_notes=False)] for hit in result.terms])
        _print_notes(out, [note for hit in result.terms for note in _hit_notes(hit)], shown)
    for match in result.memory:
        line = Text(f"{match.score:>5g}%{layer_mark(match)} ", style="bold")
        for piece, differs in match.pieces(result.segment):
            line.append(visible(piece), style="reverse yellow" if differs else "")
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
