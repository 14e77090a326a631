"""Bad input a translator may give each command, found by trying them all: a language the
termbase has no term in (query, check, export, concordance), impossible numbers, an empty
segment, one bad file among several. One clear line on stderr, exit 1 (bad data) or 2 (bad
usage), nothing written."""

from __future__ import annotations

import pytest

from termbase import Termbase

from layer_support import small_termbase

NO_DE = "the termbase has no de terms (its languages: en, lt, pl)"


@pytest.fixture
def seeded(run_cli, db_path):
    """The shipped glossary (pl, lt, en) as the test's store."""
    Termbase.open(db_path)
    return run_cli


def one_line(result, code: int, message: str) -> None:
    assert (result.code, result.out) == (code, ""), (result.code, result.out, result.err)
    (line,) = result.err.splitlines()
    assert message in line, line


@pytest.mark.parametrize("args", [
    ["lookup", "gmina", "--lang", "de"],
    ["concordance", "--lang", "de", "gmina"],
    ["concordance", "--lang", "pl", "gmina", "--to", "de"],
])
def test_a_language_the_termbase_lacks_is_refused(seeded, args):
    one_line(seeded(*args), 1, NO_DE)


def test_check_refuses_a_target_language_the_termbase_lacks(seeded, tmp_path):
    job = tmp_path / "job.tsv"
    job.write_text("Wniosek do gminy.\tAntrag an die Gemeinde.\n", encoding="utf-8")
    report = tmp_path / "qa.csv"
    result = seeded("check", str(job), "--from", "pl", "--to", "de", "--report", str(report))
    one_line(result, 1, NO_DE)          # not "0 issues", exit 0
    assert not report.exists()


@pytest.mark.parametrize("name, extra", [
    ("glossary.tbx", ["--langs", "pl,de"]),
    ("glossary.utf8", ["--from", "pl", "--to", "de"]),
])
def test_export_refuses_a_language_the_termbase_lacks(seeded, tmp_path, name, extra):
    target = tmp_path / name
    one_line(seeded("export", str(target), *extra), 1, NO_DE)
    assert not target.exists()


def test_a_language_only_a_lower_layer_holds_is_checked_against(run_cli, tmp_path):
    team = small_termbase(tmp_path / "team.sqlite",
                          ([("pl", "gmina"), ("en", "municipality")], "administration"))
    project = small_termbase(tmp_path / "project.json",
                             ([("pl", "powiat"), ("lt", "apskritis")], "administration"))
    job = tmp_path / "job.tsv"
    job.write_text("Wniosek do gminy.\tAn application to the council.\n", encoding="utf-8")
    result = run_cli("--db", str(project.path), "--also", str(team.path), "check", str(job),
                     "--from", "pl", "--to", "en", "--json")
    assert result.code == 1, result.err            # one issue: municipality is missing
    assert [i["kind"] for i in result.json()["issues"]] == ["missing-equivalent"]


@pytest.mark.parametrize("args, message", [
    (["suggest", "--from", "pl", "--to", "lt", ""], "the segment is empty"),
    (["suggest", "--from", "pl", "--to", "lt", "--memory", "-1", "gmina"],
     "--memory must be 0"),
    (["suggest", "--from", "pl", "--to", "lt", "--min-score", "500", "gmina"],
     "--min-score must be between 0 and 100"),
    (["concordance", "--lang", "pl", "gmina", "--limit", "0"], "--limit must be at least 1"),
])
def test_impossible_values_are_usage_errors(seeded, args, message):
    one_line(seeded(*args), 2, message)


def test_extract_names_the_bad_file_among_several(seeded, tmp_path):
    good = tmp_path / "report.txt"
    good.write_text("Ośrodek pomocy społecznej przyznał zasiłek celowy.\n", encoding="utf-8")
    bad = tmp_path / "job.tmx"
    bad.write_text('<tmx version="1.4"><body><tu><tuv xml:lang="pl"><seg>a</seg></tuv>',
                   encoding="utf-8")
    result = seeded("extract", str(good), str(bad), "--lang", "pl")
    one_line(result, 1, f"{bad} line 1: malformed XML")


def test_memory_help_names_the_option_that_edits(seeded):
    result = seeded("memory", "--help")
    assert result.code == 0 and "memory edit KEY --text pl=TEXT" in " ".join(result.out.split())
