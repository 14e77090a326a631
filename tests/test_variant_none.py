"""`--variant none` turns a variety set in the config file off for one command, on every
command that has --variant (lookup, suggest, check, export) and in the shell: the command
then answers exactly as with no variety configured."""

from __future__ import annotations

import pytest

from termbase.config import default_variant
from termbase.model import ValidationError

PAIR = "Gmina przyznała zasiłek celowy.\tSavivaldybė skyrė tikslinę pašalpą.\n"


@pytest.fixture
def configs(tmp_path):
    """(a config file choosing pl-PL, a config file choosing nothing)."""
    chosen, empty = tmp_path / "pl-PL.toml", tmp_path / "empty.toml"
    chosen.write_text('variant = "pl-PL"\n', encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    return chosen, empty


def _commands(tmp_path):
    job = tmp_path / "job.tsv"
    job.write_text(PAIR, encoding="utf-8")
    return {
        "lookup": ["lookup", "gmina", "--lang", "pl", "--to", "lt", "--json"],
        "suggest": ["suggest", "--from", "pl", "--to", "lt", "Wniosek do gminy.", "--json"],
        "check": ["check", str(job), "--from", "pl", "--to", "lt", "--json"],
        "export": ["export", "-", "--format", "tsv", "--langs", "pl,lt"],
    }


@pytest.mark.parametrize("command", ["lookup", "suggest", "check", "export"])
def test_none_answers_as_with_no_variety_configured(run_cli, configs, tmp_path, command):
    chosen, empty = configs
    args = _commands(tmp_path)[command]
    plain = run_cli(*args, env={"TERMBASE_CONFIG": str(empty)})
    configured = run_cli(*args, env={"TERMBASE_CONFIG": str(chosen)})
    switched_off = run_cli(*args, "--variant", "none", env={"TERMBASE_CONFIG": str(chosen)})
    assert plain.code in (0, 1) and not plain.err.startswith("termbase"), plain.err
    assert configured.out != plain.out           # the config's pl-PL does change the answer
    assert (switched_off.code, switched_off.out) == (plain.code, plain.out)


def test_none_in_the_shell_and_in_the_config(shipped, tmp_path, monkeypatch, capsys):
    from termbase.cli.shell import Shell

    shell = Shell(shipped, "pl", "lt", variant="pl-PL")
    assert shell.handle(":variant none") and shell.variant is None
    assert capsys.readouterr().out.strip() == "variant: none"
    config = tmp_path / "config.toml"
    config.write_text('variant = "None"\n', encoding="utf-8")
    monkeypatch.setenv("TERMBASE_CONFIG", str(config))
    assert default_variant(None) is None and default_variant("pl-lt") == "pl-LT"


def test_a_bad_variant_names_none_as_the_way_out(run_cli):
    result = run_cli("lookup", "gmina", "--variant", "off")
    assert result.code == 1 and result.err.strip() == (
        "termbase lookup: variant 'off' is not a regional tag such as pl-PL or pl-LT, or none "
        "for no variety")
    with pytest.raises(ValidationError):
        default_variant("pl_PL_x")
