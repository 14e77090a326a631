"""The same session of commands gives the same answers on the TinyDB file and on SQLite,
and the commands that only make sense per engine (copy, backup, memory, purge) work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

DATA = Path(__file__).parent / "data"


def run(db: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, TERMBASE_DB=str(db), PYTHONPATH=str(ROOT), NO_COLOR="1",
               TERMBASE_SEED="0")
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], input=input,
                          capture_output=True, text=True, env=env, timeout=300)


def session(db: Path) -> list:
    """A translator's session; the JSON answers without batch ids and dates."""
    tsv = db.parent / "terms.tsv"
    tsv.write_text("pl\tlt\ten\nasystent rodziny\tšeimos asistentas\tfamily assistant\n"
                   "opieka wytchnieniowa\tatokvėpio paslauga\trespite care\n", encoding="utf-8")
    answers = []
    steps = [["import", str(tsv), "--json"], ["import", str(DATA / "memory_pl_lt_en.tmx"), "--json"],
             ["lookup", "asystentowi rodziny", "--json"], ["lookup", "atokvepio paslaugos", "--json"],
             ["suggest", "--from", "pl", "--to", "lt", "--json",
              "Pracownik socjalny i asystent rodziny odwiedzają rodzinę raz w tygodniu."],
             ["concordance", "--lang", "pl", "--json", "pracownik socjalny"],
             ["undo", "last", "--json"], ["lookup", "asystentowi rodziny", "--json"]]
    for step in steps:
        result = run(db, *step)
        assert result.returncode == 0, (step, result.stderr)
        answers.append(_stable(json.loads(result.stdout)))
    return answers


def _stable(value):
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items()
                if k not in ("batch", "file", "undid", "created", "modified", "time")}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    return value


def test_one_session_gives_the_same_answers_on_both_engines(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert session(tmp_path / "a" / "tb.json") == session(tmp_path / "b" / "tb.sqlite")


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_memory_edit_delete_and_purge_from_the_command_line(tmp_path, engine):
    db = tmp_path / f"tb.{engine}"
    assert run(db, "import", str(DATA / "memory_pl_lt_en.tmx")).returncode == 0
    listed = json.loads(run(db, "memory", "list", "--contains", "tygodniu", "--json").stdout)
    key = listed[0]["key"]
    edited = run(db, "memory", "edit", key, "--text", "pl=Pani Anna Kowalska odwiedza rodzinę.")
    assert edited.returncode == 0 and "undo" in edited.stdout
    dry = json.loads(run(db, "purge", "anna kowalska", "--dry-run", "--json").stdout)
    assert dry["segments_deleted"] == 1 and dry["dry_run"]
    assert "Kowalska" in run(db, "memory", "list", "--contains", "Kowalska").stdout
    assert run(db, "purge", "anna kowalska").returncode == 0
    assert run(db, "memory", "list", "--contains", "Kowalska").stdout == ""
    assert "Kowalska" not in run(db, "history", "--json").stdout
    missing = run(db, "memory", "delete", "99999")
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert run(db, "memory", "edit", key).returncode == 2


def test_copy_and_backup_from_the_command_line(tmp_path):
    source = tmp_path / "team.json"
    assert run(source, "import", str(DATA / "memory_pl_lt_en.tmx")).returncode == 0
    copied = run(source, "copy", str(source), str(tmp_path / "big.sqlite"), "--json")
    assert copied.returncode == 0, copied.stderr
    assert json.loads(copied.stdout)["target_engine"] == "sqlite"
    again = run(source, "copy", str(source), str(tmp_path / "big.sqlite"))
    assert again.returncode == 1 and "already exists" in again.stderr
    backup = run(tmp_path / "big.sqlite", "backup", str(tmp_path / "copy.sqlite"))
    assert backup.returncode == 0, backup.stderr
    stats = json.loads(run(tmp_path / "copy.sqlite", "stats", "--json").stdout)
    assert stats["memory_segments"] == 32 and stats["engine"] == "sqlite"


def test_a_trigger_planted_in_an_sqlite_store_is_refused_and_repair_removes_it(tmp_path):
    import sqlite3

    db = tmp_path / "tb.sqlite"
    assert run(db, "add", "--pl", "asystent rodziny", "--lt", "šeimos asistentas").returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON concepts BEGIN DELETE FROM changes; END")
    conn.commit()
    conn.close()
    for args in (["lookup", "asystentowi rodziny"], ["add", "--pl", "opieka wytchnieniowa"]):
        refused = run(db, *args)
        assert refused.returncode == 1 and "trigger 'wipe'" in refused.stderr, refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
    doctor = run(db, "doctor", "--json")
    assert doctor.returncode == 1 and "trigger 'wipe'" in doctor.stdout
    assert run(db, "doctor", "--repair").returncode == 0
    assert run(db, "add", "--pl", "opieka wytchnieniowa").returncode == 0
    history = json.loads(run(db, "history", "--json").stdout)        # nothing wiped
    assert [batch["command"] for batch in history][-2:] == ["add", "add"]
    assert run(db, "undo", "last").returncode == 0
    found = json.loads(run(db, "lookup", "asystentowi rodziny", "--json").stdout)
    assert found["matches"][0]["term"] == "asystent rodziny"
