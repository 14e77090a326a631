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
