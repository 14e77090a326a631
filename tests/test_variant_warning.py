"""`--variant TAG` naming a variety the termbase holds no term of: one warning line on
stderr, and the command still runs (lookup, suggest, check, export, the shell)."""

from __future__ import annotations

import pytest

from termbase import Termbase, variant_warning

NO_CONFIG = {"TERMBASE_CONFIG": "/nonexistent/termbase-config.toml"}


@pytest.fixture
def job(tmp_path):
    path = tmp_path / "job.tsv"
    path.write_text("pl\tlt\nGmina zatrudnia pracowników socjalnych.\tSavivaldybė įdarbina "
                    "socialinius darbuotojus.\n", encoding="utf-8")
    return path


def commands(job, out):
    return {
        "lookup": ["lookup", "gmina", "--to", "lt"],
        "suggest": ["suggest", "--from", "pl", "--to", "lt",
                    "Gmina zatrudnia pracowników socjalnych."],
        "check": ["check", str(job), "--from", "pl", "--to", "lt"],
        "export": ["export", str(out), "--format", "omegat", "--from", "pl", "--to", "lt"],
    }


@pytest.mark.parametrize("command", ["lookup", "suggest", "check", "export"])
def test_an_unheld_variety_is_one_warning_line_and_the_command_runs(run_cli, job, tmp_path,
                                                                     command):
    argv = commands(job, tmp_path / "out.txt")[command]
    plain = run_cli(*argv, env=NO_CONFIG)
    warned = run_cli(*argv, "--variant", "pl-by", env=NO_CONFIG)
    assert warned.code == plain.code and warned.code in (0, 1)
    lines = warned.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("warning: ")
    assert "pl-BY" in lines[0] and "pl-LT, pl-PL" in lines[0]   # what it does hold
    assert "holds no term of variety" not in warned.out
    held = run_cli(*argv, "--variant", "pl-PL", env=NO_CONFIG)
    assert "warning" not in held.err


def test_a_config_default_is_not_warned_about_on_every_command(run_cli, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('variant = "en-GB"\n', encoding="utf-8")
    result = run_cli("lookup", "gmina", "--to", "lt", env={"TERMBASE_CONFIG": str(config)})
    assert result.code == 0 and result.err == ""


def test_variant_warning_looks_at_every_layer(tmp_path):
    from termbase import ConceptEdit, Layers

    project = Termbase.open(tmp_path / "project.json", seed=False)
    team = Termbase.open(tmp_path / "team.json", seed=False)
    assert "it marks none" in variant_warning(project, "pl-LT")
    team.add(ConceptEdit(terms=[("pl", "gmina"), ("lt", "seniūnija")],
                         regions=[("pl", "gmina", "pl-LT")], subject="administration"))
    assert variant_warning(team, "pl-LT") is None
    both = Layers.open(project, [team.store.location])
    assert variant_warning(both, "pl-LT") is None          # held by the lower layer
    assert "its varieties: pl-LT" in variant_warning(both, "pl-PL")
    assert variant_warning(both, None) is None


def test_shell_variant_warns_and_keeps_the_variety(shipped, capsys):
    from termbase.cli.shell import Shell

    shell = Shell(shipped, "pl", "lt")
    capsys.readouterr()
    assert shell.handle(":variant en-gb")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "variant: en-GB" and out[1].startswith("warning: ") and len(out) == 2
    assert shell.variant == "en-GB"
    shell.handle(":variant pl-LT")
    assert capsys.readouterr().out.strip() == "variant: pl-LT"
