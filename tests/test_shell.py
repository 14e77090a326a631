"""The interactive shell: a variety and a subject for the session, adding a term from the
current segment, the session's query history, and the same rendering as the commands."""

from __future__ import annotations

import pytest

from termbase import Termbase
from termbase.cli.shell import Shell

from shell_support import plain, said  # noqa: F401 (a fixture)

SEGMENT = "Opiekun prawny złożył wniosek w ośrodku pomocy społecznej."


def first_concept(out: str) -> str:
    """The concept id on the first line of a plain lookup: `term [lang] kind score (id, ...)`."""
    return out.splitlines()[0].split("(")[1].split(",")[0].rstrip(")")


def test_variant_puts_that_varietys_homonym_first(shipped, plain, capsys):
    shell = Shell(shipped, "pl", "lt")
    assert first_concept(said(shell, "gmina", capsys)) == "adm-eldership"
    assert said(shell, ":variant pl-pl", capsys).strip() == "variant: pl-PL"
    assert first_concept(said(shell, "gmina", capsys)) == "adm-municipality"
    assert said(shell, ":variant", capsys).strip() == "variant: none"
    assert first_concept(said(shell, "gmina", capsys)) == "adm-eldership"


def test_a_bad_variant_is_one_error_line_and_keeps_the_old_one(shipped, plain, capsys):
    shell = Shell(shipped, "pl", "lt", variant="pl-PL")
    out = said(shell, ":variant Polish from Poland", capsys)
    assert out.startswith("error: ") and out.count("\n") == 1
    assert shell.variant == "pl-PL"


def test_subject_filters_lookups_and_suggestions(shipped, plain, capsys):
    shell = Shell(shipped, "pl", "lt")
    everything = said(shell, ">" + SEGMENT, capsys)
    assert "inst-social-assistance-centre" in everything
    said(shell, ":subject Institutions", capsys)
    subjects = {shipped.get(line.split("(")[1].split(",")[0]).subject.casefold()
                for line in said(shell, ">" + SEGMENT, capsys).splitlines()
                if line.startswith("  ") and " = " in line}
    assert subjects == {"institutions"}
    assert "no match" in said(shell, "gmina", capsys)  # gmina is administration
    said(shell, ":subject", capsys)
    assert "adm-eldership" in said(shell, "gmina", capsys)


@pytest.fixture(params=["json", "sqlite"])
def small(request, tmp_path):
    tb = Termbase.open(tmp_path / f"tb.{request.param}", seed=False)
    from termbase import ConceptEdit

    tb.add(ConceptEdit(terms=[("pl", "ośrodek pomocy społecznej"),
                              ("lt", "socialinės paramos centras")], subject="institutions"))
    return tb


def test_add_takes_a_term_of_the_current_segment_with_its_target(small, plain, capsys):
    shell = Shell(small, "pl", "lt")
    said(shell, ":subject family", capsys)
    said(shell, SEGMENT, capsys)
    out = said(shell, ":add Opiekun prawny = teisinis globėjas", capsys)
    assert out.startswith("added ") and "subject family" in out
    # like every write, it names its batch: the one `undo` takes
    assert small.last_batch and out.rstrip().endswith(f"(batch {small.last_batch})")
    (match,) = small.lookup("opiekunowie prawni", lang="pl")
    assert match.subject == "family" and match.term == "Opiekun prawny"
    assert [e.term for e in match.equivalents["lt"]] == ["teisinis globėjas"]
    # the next suggestion for the same segment shows the new term
    assert "teisinis globėjas" in said(shell, SEGMENT, capsys)


@pytest.mark.parametrize("line, message", [
    (":add opiekun prawny", "write :add TERM = TARGET"),
    (":add = teisinis globėjas", "write :add TERM = TARGET"),
    (":add kurator = kuratorius", "is not in the current segment"),
])
def test_add_refuses_what_it_cannot_take(small, plain, capsys, line, message):
    shell = Shell(small, "pl", "lt")
    said(shell, SEGMENT, capsys)
    before = len(list(small.concepts()))
    out = said(shell, line, capsys)
    assert out.startswith("error: ") and message in out and out.count("\n") == 1
    assert len(list(small.concepts())) == before


def test_add_needs_a_segment_first(small, plain, capsys):
    out = said(Shell(small, "pl", "lt"), ":add ośrodek = centras", capsys)
    assert out.startswith("error: ") and "give a segment first" in out


def test_history_lists_the_sessions_queries_once_each_in_order(small, plain, capsys):
    shell = Shell(small, "pl", "lt")
    for line in ("ośrodek", "ośrodek", ":variant pl-PL", SEGMENT):
        said(shell, line, capsys)
    lines = said(shell, ":history", capsys).splitlines()
    assert [line.split(None, 1) for line in lines] == [["1", "ośrodek"], ["2", SEGMENT]]


def test_shell_renders_as_the_commands_do(shipped, plain, capsys, run_cli, monkeypatch):
    monkeypatch.setenv("TERMBASE_DB", shipped.store.location)
    shell = Shell(shipped, "pl", "lt")
    in_shell = said(shell, ">" + SEGMENT, capsys)
    command = run_cli("suggest", "--from", "pl", "--to", "lt", "--db", shipped.store.location,
                      SEGMENT)
    assert command.code == 0 and in_shell == command.out


def test_piped_shell_prints_each_note_once_as_suggest_does(shipped, run_cli, monkeypatch):
    segments = ("Gmina przyznała zasiłek celowy rodzinie.\n"
                "Gmina przyznała zasiłek celowy osobie samotnej.\n")
    db = ("--db", shipped.store.location)
    shell = run_cli(*db, "shell", "--from", "pl", "--to", "lt", input=segments)
    command = run_cli(*db, "suggest", "--from", "pl", "--to", "lt", input=segments)
    assert shell.code == command.code == 0, shell.err + command.err
    assert shell.out == command.out
    warning = next(line for line in shell.out.splitlines() if "warning: gmina" in line)
    assert shell.out.count(warning) == 1     # the second segment does not repeat it
