"""What the user is told (issue 13, points 11 and 14): no undo hint for a batch that was
never recorded, failures on a full disk or a read-only directory that name the real file
and say nothing was written, usage errors that exit 2, and an import whose ids alternate
that costs time in proportion to its rows."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from termbase import Termbase
from termbase.cli import main
from termbase.model import Concept, Term


@pytest.fixture
def store(db_path, monkeypatch) -> Path:
    monkeypatch.setenv("TERMBASE_SEED", "0")
    Termbase.open(db_path, seed=False).add(Concept(terms=[Term("pl", "gmina"),
                                                          Term("lt", "savivaldybė")]))
    return db_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ----------------------------------------------------------------- import that changes nothing

def test_an_import_that_changes_nothing_offers_no_undo(store, tmp_path, capsys):
    data = tmp_path / "in.tsv"
    data.write_text("pl\tlt\ngmina\tsavivaldybė\n", encoding="utf-8")
    before = Termbase.open(store, seed=False).history()
    code, out, _ = run(capsys, "import", str(data))
    assert code == 0
    assert "undo" not in out and "nothing changed" in out
    assert Termbase.open(store, seed=False).history() == before


def test_an_import_that_changes_nothing_has_no_batch_in_json(store, tmp_path, capsys):
    data = tmp_path / "in.tsv"
    data.write_text("pl\tlt\ngmina\tsavivaldybė\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", str(data), "--json")
    assert code == 0
    assert __import__("json").loads(out)["batch"] == ""


# -------------------------------------------------- full disk, read-only directory

def _assert_names_target(err: str, target: Path) -> None:
    line, = [l for l in err.splitlines() if l.strip()]
    assert str(target) in line, line
    assert ".tmp" not in line, f"a temporary file is named: {line}"
    assert "nothing was written" in line, line


@pytest.mark.parametrize("failing_call, error", [
    ("fsync", errno.ENOSPC), ("fsync", errno.EIO), ("replace", errno.ENOSPC)])
def test_a_failed_store_write_names_the_store_and_says_nothing_was_written(
        store, monkeypatch, capsys, failing_call, error):
    before = store.read_bytes()
    real = getattr(os, failing_call)

    def failing(*args, **kwargs):
        if failing_call == "replace" and not str(args[1]).endswith(store.name):
            return real(*args, **kwargs)
        raise OSError(error, os.strerror(error))

    with monkeypatch.context() as faults:
        faults.setattr(os, failing_call, failing)
        code, _, err = run(capsys, "add", "--pl", "opiekun", "--lt", "globėjas")
    assert code == 1
    _assert_names_target(err, store)
    assert store.read_bytes() == before
    assert not list(store.parent.glob(".*.tmp"))


def test_a_read_only_directory_names_the_export_not_its_temporary_file(store, tmp_path,
                                                                       monkeypatch, capsys):
    """A read-only directory refuses the temporary file's creation (simulated: the tests
    may run as root, who may write anywhere)."""
    target = tmp_path / "ro" / "out.tsv"
    target.parent.mkdir()
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if os.path.dirname(str(path)) == str(target.parent) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    with monkeypatch.context() as faults:
        faults.setattr(os, "open", read_only)
        code, _, err = run(capsys, "export", str(target))
    assert code == 1
    _assert_names_target(err, target)


# ---------------------------------------------------------------------- usage errors

@pytest.mark.parametrize("limit", ["0", "-300"])
def test_history_limit_below_one_is_a_usage_error(store, capsys, limit):
    code, out, err = run(capsys, "history", "--limit", limit)
    assert code == 2 and "--limit" in err and not out


def test_a_bad_language_in_term_is_a_usage_error_like_lang(store, capsys):
    code, _, err = run(capsys, "add", "--term", "xx:foo")
    assert code == 2 and "xx" in err
    code, _, _ = run(capsys, "lookup", "gmina", "--lang", "xx")
    assert code == 2


# ------------------------------------------------------- 11: alternating ids stay linear

def _alternating(path: Path, rows: int) -> Path:
    lines = ["id\tpl\tlt"] + [f"{'ab'[i % 2]}\ttermin {i}\tterminas {i}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _validations_to_import(tmp_path: Path, rows: int, monkeypatch) -> int:
    """How many term validations an import of `rows` alternating rows makes (a count,
    not a time: the same on any machine)."""
    calls = [0]
    real = Term.validate

    def counted(self):
        calls[0] += 1
        return real(self)

    tb = Termbase.open(tmp_path / f"alt{rows}.json", seed=False)
    with monkeypatch.context() as counting:
        counting.setattr(Term, "validate", counted)
        report = tb.import_file(_alternating(tmp_path / f"alt{rows}.tsv", rows))
    assert report.added == 2
    concepts = {c.id: c for c in tb.concepts()}
    assert len(concepts["a"].terms) == len(concepts["b"].terms) == rows  # rows/2 per language
    return calls[0]


def test_an_import_with_alternating_ids_does_work_linear_in_its_rows(tmp_path, monkeypatch):
    small = _validations_to_import(tmp_path, 400, monkeypatch)
    large = _validations_to_import(tmp_path, 1600, monkeypatch)
    # 4 times the rows: about 4 times the work if linear, 16 times if quadratic.
    assert large < 6 * small, (small, large)


@pytest.mark.slow
def test_twenty_thousand_alternating_rows_validate_each_term_a_few_times(tmp_path,
                                                                        monkeypatch):
    rows = 20_000
    assert _validations_to_import(tmp_path, rows, monkeypatch) < 10 * 2 * rows
