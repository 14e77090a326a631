"""Shared fixtures: the seed texts (when ../shared is present), fresh stores, the CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
VALIDATORS = SHARED / "validators"

needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="the seed texts (../shared/seeds/) are not beside this checkout")


@pytest.fixture(scope="session", autouse=True)
def _own_cache_dir(tmp_path_factory):
    """Derived caches (the dictionaries read by key) go to a directory of this run, for
    this process and the commands it starts, never to the user's own cache."""
    saved = os.environ.get("TERMBASE_CACHE_DIR")
    os.environ["TERMBASE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if saved is None:
        os.environ.pop("TERMBASE_CACHE_DIR", None)
    else:
        os.environ["TERMBASE_CACHE_DIR"] = saved


@pytest.fixture
def seed_texts() -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.skip("the seed texts (../shared/seeds/) are not beside this checkout")
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    """A store path in a temporary directory; TERMBASE_DB points there too."""
    path = tmp_path / "tb.json"
    monkeypatch.setenv("TERMBASE_DB", str(path))
    return path


@pytest.fixture(scope="session")
def shipped(tmp_path_factory):
    """The shipped glossary, loaded once per test session (read-only use)."""
    from termbase import Termbase

    path = tmp_path_factory.mktemp("shipped") / "tb.json"
    tb = Termbase.open(path)
    tb.index  # build once
    return tb


@pytest.fixture(scope="session", params=["json", "sqlite"])
def shipped_any(request, tmp_path_factory):
    """The shipped glossary on each engine (TinyDB with its sidecar index, and SQLite), for
    behaviour that reads the index through the on-disk facades."""
    from termbase import Termbase

    path = tmp_path_factory.mktemp("shipped") / f"tb.{request.param}"
    tb = Termbase.open(path)
    tb.index  # build once
    return tb


@pytest.fixture
def empty(db_path):
    from termbase import Termbase

    return Termbase.open(db_path, seed=False)


class CLIResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def json(self):
        """The output read as JSON; output that is not JSON fails with the exit code and
        the error output, which say why (a JSON decode error alone hid it)."""
        try:
            return json.loads(self.out)
        except json.JSONDecodeError as exc:
            raise AssertionError(f"not JSON ({exc}): exit {self.code}, stdout "
                                 f"{self.out[:300]!r}, stderr {self.err[:600]!r}") from None


@pytest.fixture
def run_cli(db_path, monkeypatch, capsys):
    """Run a command in-process through `termbase.cli.main(argv)`, with the test's store:
    the same parsing, output and exit codes as the installed command, without starting an
    interpreter. `env` applies to this call only. The reliability suites run the real
    program in subprocesses (`run_cli_process`)."""
    from termbase.cli import main, output

    def run(*args: str, input: str | bytes | None = None, env: dict | None = None
            ) -> CLIResult:
        data = input.encode("utf-8") if isinstance(input, str) else (input or b"")
        with monkeypatch.context() as patch:
            patch.setenv("TERMBASE_DB", str(db_path))
            patch.setenv("NO_COLOR", "1")
            # not the user's own config file or layers (as `run_cli_process`)
            patch.setenv("TERMBASE_CONFIG", str(db_path.parent / "no-user-config.toml"))
            patch.delenv("TERMBASE_ALSO", raising=False)
            for key, value in (env or {}).items():
                patch.setenv(key, value)
            patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
            patch.setattr(output, "_console", None)
            capsys.readouterr()
            try:
                code = main([str(arg) for arg in args])
            except SystemExit as exc:  # argparse: --help, usage errors
                code = exc.code if isinstance(exc.code, int) else 0
            out, err = capsys.readouterr()
        return CLIResult(code, out, err)

    return run


@pytest.fixture
def run_cli_process(db_path):
    """Run the real command in a subprocess (as a user would), with the test's store."""

    def run(*args: str, input: str | bytes | None = None, env: dict | None = None,
            timeout: float = 120) -> CLIResult:
        full_env = dict(os.environ, TERMBASE_DB=str(db_path), PYTHONPATH=str(ROOT),
                        NO_COLOR="1",
                        TERMBASE_CONFIG=str(db_path.parent / "no-user-config.toml"))
        full_env.update(env or {})
        text = not isinstance(input, bytes)
        proc = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], input=input,
                              capture_output=True, text=text, env=full_env, timeout=timeout,
                              **({"encoding": "utf-8"} if text else {}))
        if not text:
            proc.stdout = proc.stdout.decode("utf-8", "replace")
            proc.stderr = proc.stderr.decode("utf-8", "replace")
        return CLIResult(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture(params=["tb.json", "tb.sqlite"])
def engine_store(request, tmp_path) -> Path:
    """A store path on each engine in turn (TinyDB file, SQLite)."""
    return tmp_path / request.param


@pytest.fixture
def engine_cli(run_cli, engine_store):
    """`run_cli` on `engine_store`, a store that starts empty (no shipped glossary)."""

    def run(*args, **kwargs):
        return run_cli("--db", str(engine_store), *args, env={"TERMBASE_SEED": "0"}, **kwargs)
    return run
