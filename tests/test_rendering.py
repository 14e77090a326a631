"""Lookup and suggest on a terminal at several widths, and suggest in a pipe: no word or
concept id broken, long notes at full width, warnings marked and neutral notes not, and
in piped batches each note printed once."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from termbase import Concept, Term, Termbase
from termbase.cli import output, render

WIDTHS = [80, 100, 132, 200]
SEGMENT = ("Gmina zapewnia pomoc osobom z orzeczeniem o stopniu niepełnosprawności w "
           "ośrodku pomocy społecznej.")
MAX_NOTE_LINES = 20


@pytest.fixture
def screen(monkeypatch):
    """A terminal of a given width, captured without colour codes."""

    def make(width: int) -> io.StringIO:
        buffer = io.StringIO()
        monkeypatch.setattr(output, "_console", Console(
            file=buffer, force_terminal=True, color_system=None, width=width,
            highlight=False, soft_wrap=False))
        monkeypatch.setattr(render, "is_tty", lambda: True)
        return buffer

    return make


def words_of(text: str) -> set[str]:
    return set(text.split())


def rendered_words(buffer: io.StringIO) -> set[str]:
    return words_of(buffer.getvalue())


def assert_fits(buffer: io.StringIO, width: int) -> None:
    from rich.cells import cell_len

    too_long = [line for line in buffer.getvalue().splitlines() if cell_len(line) > width]
    assert not too_long and "…" not in buffer.getvalue()


@pytest.mark.parametrize("width", WIDTHS)
def test_suggest_table_keeps_words_and_ids_whole_at_every_width(shipped, screen, width):
    buffer = screen(width)
    result = shipped.suggest(SEGMENT, "pl", "lt")
    render.show_suggestion(result)
    assert_fits(buffer, width)
    shown = rendered_words(buffer)
    for hit in result.terms:
        assert hit.concept_id in shown
        wanted = words_of(hit.term) | {w for e in hit.equivalents for w in words_of(e.term)}
        assert wanted <= shown, wanted - shown


@pytest.mark.parametrize("width", WIDTHS)
def test_lookup_table_keeps_words_and_ids_whole_at_every_width(shipped, screen, width):
    buffer = screen(width)
    matches = shipped.lookup("gmina", lang="pl")
    render.show_matches("gmina", matches)
    assert_fits(buffer, width)
    shown = rendered_words(buffer)
    for m in matches:
        assert m.concept_id in shown
        assert {w for terms in m.equivalents.values() for e in terms
                for w in words_of(e.term)} <= shown


def note_lines(text: str, start: str) -> int:
    """How many screen lines the note beginning with `start` takes (up to the next note or
    the end)."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if start in line)
    rest = lines[first + 1:]
    count = 1
    for line in rest:
        if not line.strip() or re.match(r"^(⚠ |  \S|\S+: )", line):
            break
        count += 1
    return count


@pytest.mark.parametrize("width", [80, 132])
def test_the_longest_notes_take_few_lines_at_full_width(shipped, screen, width):
    buffer = screen(width)
    render.show_suggestion(shipped.suggest(SEGMENT, "pl", "lt"))
    text = buffer.getvalue()
    # the longest note of this segment, on the certificate's Lithuanian equivalent
    assert note_lines(text, "neįgalumo lygio pažyma:") <= MAX_NOTE_LINES
    assert note_lines(text, "gmina: pl-LT In the Vilnius region") <= MAX_NOTE_LINES // 2


@pytest.fixture(params=["json", "sqlite"])
def noted(request, tmp_path):
    tb = Termbase.open(tmp_path / f"tb.{request.param}", seed=False)
    tb.add(Concept(subject="roles", note="", terms=[
        Term("pl", "opiekunka środowiskowa", status="preferred"),
        Term("lt", "lankomoji slaugytoja", status="preferred", note="Feminine form"),
        Term("lt", "socialinė globėja", status="admitted", region="lt-LT",
             note="Used in some municipalities only")]))
    return tb


def test_neutral_notes_carry_no_warning_sign(noted, screen):
    buffer = screen(100)
    render.show_suggestion(noted.suggest("Przyszła opiekunka środowiskowa.", "pl", "lt"))
    lines = buffer.getvalue().splitlines()
    neutral = next(line for line in lines if "Feminine form" in line)
    regional = next(line for line in lines if "Used in some municipalities" in line)
    assert "⚠" not in neutral and regional.startswith("⚠")


def test_piped_suggest_prints_each_note_once_per_batch(run_cli, shipped):
    segments = ["Gmina zapewnia pomoc.", "Gmina prowadzi ośrodek.", "Wójt gminy podpisał."]
    result = run_cli("suggest", "--from", "pl", "--to", "lt", "--db",
                     shipped.store.location, "-", input="\n".join(segments) + "\n")
    assert result.code == 0, result.err
    vilnius = [line for line in result.out.splitlines() if "In the Vilnius region" in line]
    assert len(vilnius) == 1
    assert result.out.count("as above)") >= 2  # the later segments point back to it
    single = run_cli("suggest", "--from", "pl", "--to", "lt", "--db", shipped.store.location,
                     segments[1])
    assert "In the Vilnius region" in single.out  # a batch of one shows its notes
