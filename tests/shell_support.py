"""Driving the interactive shell in tests: plain output (as in a pipe), and one input line
answered."""

from __future__ import annotations

import pytest

from termbase.cli import output
from termbase.cli.shell import Shell


@pytest.fixture
def plain(monkeypatch):
    """Output as in a pipe: plain lines, no colour."""
    monkeypatch.setattr(output, "_console", None)
    monkeypatch.setenv("NO_COLOR", "1")


def said(shell: Shell, line: str, capsys) -> str:
    """What the shell printed for `line`, which must not end the session."""
    capsys.readouterr()
    assert shell.handle(line), f"{line!r} ended the session"
    return capsys.readouterr().out
