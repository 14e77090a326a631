"""`termbase.cli.main(argv)` called inside another program (the test suite, an application
embedding the command) leaves that program's process as it found it.

Run as the program (`main()` reading sys.argv: the `termbase` command, cli.py, python -m
termbase), a SIGTERM ends the command as an exception, so its temporary files go. Called
in-process, taking SIGTERM over made the host outlive a SIGTERM meant to end it: the
signal turned into SystemExit(143) inside whichever command ran then, which a caller
reading exit codes took for a failed command with empty output (a test run stopped by
`timeout` under load went on, one in-process test failing with a JSON decode error)."""

from __future__ import annotations

import signal
import warnings


def test_an_in_process_command_leaves_the_hosts_sigterm_handling(engine_cli):
    before = signal.getsignal(signal.SIGTERM)
    added = engine_cli("add", "--pl", "asystent rodziny", "--lt", "šeimos asistentas")
    assert added.code == 0, added.err
    found = engine_cli("lookup", "asystent rodziny", "--json")
    assert found.json()["matches"][0]["term"] == "asystent rodziny"
    assert signal.getsignal(signal.SIGTERM) == before


def test_repeated_in_process_commands_do_not_stack_warning_handlers(engine_cli):
    engine_cli("add", "--pl", "pracownik socjalny", "--lt", "socialinis darbuotojas")
    installed = warnings.showwarning
    for _ in range(3):
        assert engine_cli("lookup", "pracownik socjalny", "--json").code == 0
    assert warnings.showwarning is installed


def test_in_process_commands_ignore_the_users_own_config_and_layers(engine_cli, tmp_path,
                                                                    monkeypatch):
    """The suite runs on any machine: a translator's own config file (a variety, lower
    layers) or TERMBASE_ALSO in the shell must not change what the in-process CLI answers,
    as they already do not for the CLI run in a subprocess."""
    home = tmp_path / "home-config"
    (home / "termbase").mkdir(parents=True)
    (home / "termbase" / "config.toml").write_text(
        'variant = "pl-LT"\nalso = ["no-such-team-layer.json"]\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("TERMBASE_ALSO", str(tmp_path / "no-such-layer.json"))
    assert engine_cli("add", "--pl", "asystent rodziny", "--lt", "šeimos asistentas").code == 0
    found = engine_cli("lookup", "asystent rodziny", "--json")
    assert found.code == 0, found.err
    assert [m["term"] for m in found.json()["matches"]] == ["asystent rodziny"]
