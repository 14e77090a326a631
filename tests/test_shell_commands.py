"""The shell's `:` commands with bad or missing arguments: one `error:` line, the session
goes on with its settings unchanged. A language no layer holds is refused when the shell
starts and by `:from`/`:to`; a language only a lower layer holds is accepted."""

from __future__ import annotations

import pytest

from termbase import Layers, Termbase
from termbase.cli.shell import Shell

from layer_support import small_termbase
from shell_support import plain, said  # noqa: F401 (a fixture)


@pytest.mark.parametrize("line, message", [
    (":to de", "the termbase has no de terms (its languages: en, lt, pl)"),
    (":from de", "the termbase has no de terms"),
    (":to xx", "unknown language code 'xx'"),
    (":to", "write :to LANG, e.g. :to lt (now lt)"),
    (":from", "write :from LANG, e.g. :from lt (now pl)"),
    (":to lt en", "write :to LANG"),
    (":to pl-LT", "pl-LT is a regional variety: :to pl, then :variant pl-LT"),
    (":variant zzz", "is not a regional tag"),
    (":subject nonexistent", "unknown subject 'nonexistent'"),
    (":accept 1", "no accept list"),
    (":check", "give a segment first"),
    (":add x = y", "give a segment first"),
])
def test_a_bad_argument_is_one_error_line_and_changes_nothing(shipped, plain, capsys,
                                                               line, message):
    shell = Shell(shipped, "pl", "lt")
    out = said(shell, line, capsys)
    assert out.startswith("error: ") and message in out and out.count("\n") == 1, out
    assert (shell.src, shell.tgt, shell.variant, shell.subject) == ("pl", "lt", None, None)
    assert "seniūnija" in said(shell, "gmina", capsys)    # and the session goes on


def test_from_and_to_switch_to_a_held_language(shipped, plain, capsys):
    shell = Shell(shipped, "pl", "lt")
    assert said(shell, ":to EN", capsys).strip() == "pl -> en"
    assert said(shell, ":from lt", capsys).strip() == "lt -> en"
    assert "social services centre" in said(shell, "socialinių paslaugų centras", capsys)


def test_help_and_quit_take_no_argument_but_are_known_with_one(shipped, plain, capsys):
    shell = Shell(shipped, "pl", "lt")
    assert ":variant TAG" in said(shell, ":help me", capsys)
    assert shell.handle(":quit now") is False


def test_the_shell_refuses_a_language_the_termbase_lacks_at_once(shipped, run_cli):
    result = run_cli("--db", shipped.store.location, "shell", "--from", "pl", "--to", "de",
                     input="gmina\n")
    assert result.code == 1 and result.out == ""
    assert result.err.strip() == ("termbase shell: the termbase has no de terms (its "
                                  "languages: en, lt, pl)")


@pytest.fixture
def english_below(tmp_path):
    """A Polish-Lithuanian project over a team layer that also holds English."""
    team = small_termbase(tmp_path / "team.sqlite", (
        [("pl", "gmina"), ("lt", "savivaldybė"), ("en", "municipality")], "administration"))
    project = small_termbase(tmp_path / "project.json",
                             ([("pl", "gmina"), ("lt", "seniūnija")], "administration"))
    return project, team


def test_a_language_only_a_lower_layer_holds_is_served(english_below, plain, capsys,
                                                       run_cli):
    project, team = english_below
    layers = Layers([project, team])
    found = layers.lookup("gmina", to=["en"])
    assert [(m.layer, [e.term for e in m.equivalents["en"]]) for m in found] == [
        ("project", []), ("team", ["municipality"])]
    hits = layers.suggest("Gmina", "pl", "en").terms
    assert [(h.layer, [e.term for e in h.equivalents]) for h in hits] == [
        ("project", []), ("team", ["municipality"])]
    with pytest.raises(Exception, match="no de terms .its languages: en, lt, pl"):
        layers.lookup("gmina", to=["de"])
    assert said(Shell(layers, "pl", "lt"), ":to en", capsys).strip() == "pl -> en"
    # the project alone has no English, and says so
    with pytest.raises(Exception, match="no en terms .its languages: lt, pl"):
        Termbase.open(project.path).lookup("gmina", to=["en"])
    cli = run_cli("--db", str(project.path), "--also", str(team.path), "suggest", "--from",
                  "pl", "--to", "en", "Gmina", "--json")
    assert cli.code == 0, cli.err
