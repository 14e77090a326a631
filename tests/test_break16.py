"""Defects a translator found by trying to break issue #16's features from the command line:
each test is one reproduction on real text."""

import csv
import io
import os
import stat

import pytest

from termbase.formats.cells import unguard


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


FORMULA_JOB = ("pl\tlt\n"
               "=Mediacja pomogła rodzinie.\t@Konsultacija padėjo šeimai, +1.\n")


def test_csv_report_cells_are_never_run_as_spreadsheet_formulas(shipped_any, tmp_path):
    report = shipped_any.check(write(tmp_path, "job.tsv", FORMULA_JOB), "pl", "lt")
    assert [i.concept_id for i in report.issues] == ["svc-mediation"]
    shipped_any.write_check_report(report, tmp_path / "qa.csv")
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "qa.csv").read_bytes().decode("utf-8-sig"))))
    assert rows[0]["source"] == "'=Mediacja pomogła rodzinie."
    assert rows[0]["target"] == "'@Konsultacija padėjo šeimai, +1."
    assert unguard(rows[0]["source"]) == "=Mediacja pomogła rodzinie."


def test_report_is_written_with_the_usual_permissions_and_no_leftovers(shipped, tmp_path):
    report = shipped.check(write(tmp_path, "job.tsv", FORMULA_JOB), "pl", "lt")
    umask = os.umask(0o022)
    try:
        shipped.write_check_report(report, tmp_path / "qa.xlf")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "qa.xlf").stat().st_mode) == 0o644
    (tmp_path / "taken.csv").mkdir()
    try:
        shipped.write_check_report(report, tmp_path / "taken.csv")
    except Exception as exc:  # noqa: BLE001 - the kind is checked just below
        assert type(exc).__name__ == "FormatError" and "taken.csv" in str(exc)
    else:
        raise AssertionError("a directory was accepted as the report file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.tsv", "qa.xlf", "taken.csv"]


def test_shell_refuses_a_subject_no_concept_has_instead_of_hiding_everything(
        shipped, monkeypatch, capsys):
    from termbase.cli import output
    from termbase.cli.shell import Shell

    monkeypatch.setattr(output, "_console", None)
    monkeypatch.setenv("NO_COLOR", "1")
    shell = Shell(shipped, "pl", "lt")
    assert shell.handle(":subject administraton")
    out = capsys.readouterr().out
    assert out.startswith("error: unknown subject 'administraton'") and out.count("\n") == 1
    assert "'administration'" in out and shell.subject is None
    assert shell.handle(":subject Administration")
    assert capsys.readouterr().out.strip() == "subject: administration"
    assert shell.handle("gmina")
    assert "adm-eldership" in capsys.readouterr().out


def test_shell_add_prints_the_batch_that_undo_takes(tmp_path, monkeypatch, capsys):
    from termbase import Termbase
    from termbase.cli import output
    from termbase.cli.shell import Shell

    monkeypatch.setattr(output, "_console", None)
    monkeypatch.setenv("NO_COLOR", "1")
    tb = Termbase.open(tmp_path / "tb.sqlite", seed=False)
    shell = Shell(tb, "pl", "lt")
    shell.handle("Asystent rodziny odwiedził dom w poniedziałek.")
    capsys.readouterr()
    shell.handle(":add Asystent rodziny = šeimos asistentas")
    out = capsys.readouterr().out
    entry = tb.history()[-1]
    assert f"batch {entry.batch}" in out
    tb.undo(entry.batch)
    assert tb.lookup("asystent rodziny", lang="pl") == []


def test_omegat_form_lines_keep_the_target_terms_region_and_review_state(tmp_path):
    """lt->pl: the form lines of 'seniūnija' offer 'gmina', which is right only in
    Vilnius-region Polish; the base line says pl-LT, so every form line must say it too."""
    from termbase import formats
    from termbase.formats import ReadOptions, WriteOptions
    from termbase.model import Concept, Term

    eldership = Concept(id="adm-eldership", subject="administration", terms=[
        Term("lt", "seniūnija", forms=["seniūnijos", "seniūnijoje"]),
        Term("pl", "gmina", region="pl-LT", process="provisionallyProcessed")]).validate()
    path = tmp_path / "g.utf8"
    formats.get("omegat").write([eldership], path, WriteOptions(
        source_lang="lt", target_lang="pl", with_forms=True))
    rows = {row.split("\t")[0]: row.split("\t")
            for row in path.read_text(encoding="utf-8").splitlines()}
    assert "pl-LT" in rows["seniūnija"][2] and "provisional" in rows["seniūnija"][2]
    assert rows["seniūnijoje"][2] == "form of seniūnija; provisional; pl-LT"
    (again,) = [e.item for e in formats.get("omegat").read(
        path, ReadOptions(source_lang="lt", target_lang="pl")) if e.item]
    assert again.terms[0].forms == ["seniūnijos", "seniūnijoje"]


def test_a_polish_grouped_amount_is_one_number_for_the_memory_match():
    """'1 200,50 zł' (a space or a no-break space between thousands, a decimal comma) is
    one amount: a sentence that differs from the memory only in it is a number-only
    difference, as in memoQ and Trados."""
    from termbase.index.memory import comparable_words, similarity

    memory = "Zasiłek wynosi 500 zł miesięcznie."
    for amount in ("1 200,50", "1\u00a0200,50", "12 345 678"):
        query = f"Zasiłek wynosi {amount} zł miesięcznie."
        assert similarity(query, comparable_words(query), memory) == 95
    query = "Zasiłek wynosi 500 zł tygodniowo."
    assert similarity(query, comparable_words(query), memory) <= 94


def test_check_never_advises_an_encoding_option_it_does_not_have(run_cli, tmp_path):
    job = tmp_path / "job.tsv"
    job.write_bytes("Gmina\x01 wypłaca zasiłek.\tSeniūnija moka pašalpą.\n".encode("utf-8"))
    result = run_cli("check", str(job), "--from", "pl", "--to", "lt")
    assert result.code == 1 and result.err.count("\n") == 1
    assert "--encoding" not in result.err and "save it as UTF-8" in result.err
    accept = tmp_path / "accept.tsv"
    accept.write_bytes(b"missing-equivalent\tsvc-mediation\t*\x02\n")
    good = tmp_path / "good.tsv"
    good.write_text("Mediacja pomogła rodzinie.\tMediacija padėjo šeimai.\n", encoding="utf-8")
    result = run_cli("check", str(good), "--from", "pl", "--to", "lt", "--accept", str(accept))
    assert result.code == 1 and "--encoding" not in result.err, result.err
    assert "save it as UTF-8" in result.err


def test_export_to_an_unknown_extension_lists_only_formats_it_can_write(run_cli, tmp_path):
    result = run_cli("export", str(tmp_path / "glossary.pdf"))
    assert result.code == 1 and result.err.count("\n") == 1
    assert "--format" in result.err and "tbx2" in result.err and "omegat" in result.err
    assert "xliff" not in result.err
    assert not (tmp_path / "glossary.pdf").exists()


XLIFF_PL_LT = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="job" source-language="pl-PL" target-language="lt-LT" datatype="plaintext">
<body>
<trans-unit id="1"><source>Mediacja pomogła rodzinie.</source>
<target>Konsultacija padėjo šeimai.</target></trans-unit>
</body></file></xliff>
"""


def test_check_of_an_xliff_with_from_and_to_swapped_is_an_error(run_cli, tmp_path):
    job = write(tmp_path, "job.xlf", XLIFF_PL_LT)
    right = run_cli("check", str(job), "--from", "pl", "--to", "lt")
    assert right.code == 1 and "svc-mediation" in right.out
    swapped = run_cli("check", str(job), "--from", "lt", "--to", "pl")
    assert swapped.code == 1 and "issue(s)" not in swapped.out
    assert swapped.err.count("\n") == 1 and "--from" in swapped.err, swapped.err


def test_a_bad_variant_in_the_config_file_names_the_file(run_cli, tmp_path):
    config = write(tmp_path, "config.toml", 'variant = "Polish"\n')
    result = run_cli("lookup", "gmina", env={"TERMBASE_CONFIG": str(config)})
    assert result.code == 1 and result.err.count("\n") == 1
    assert str(config) in result.err and "'Polish'" in result.err
    given = run_cli("lookup", "gmina", "--variant", "Polish")
    assert given.code == 1 and "config" not in given.err


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_undo_last_on_a_new_empty_termbase_has_nothing_to_undo(tmp_path, engine):
    from termbase import NotFound, Termbase

    tb = Termbase.open(tmp_path / f"project.{engine}", seed=False)
    before = [b.batch for b in tb.history()]
    for wanted in ("last", ""):
        try:
            tb.undo(wanted)
        except NotFound as exc:
            assert "undo" in str(exc) or "batch" in str(exc)
        else:
            raise AssertionError(f"undo {wanted!r} of an empty termbase succeeded")
    assert [b.batch for b in tb.history()] == before


def test_piped_suggest_names_the_bad_line_before_printing_anything(run_cli):
    result = run_cli("suggest", "--from", "pl", "--to", "lt",
                     input="Gmina pomaga.\n\nGmina\x07 pomaga.\nPracownik socjalny.\n")
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and "line 3" in result.err, result.err


def test_shell_accept_counts_a_flag_named_twice_once(shipped, tmp_path, monkeypatch, capsys):
    from termbase.cli import output
    from termbase.cli.shell import Shell

    monkeypatch.setattr(output, "_console", None)
    monkeypatch.setenv("NO_COLOR", "1")
    accept = tmp_path / "project.accept.tsv"
    shell = Shell(shipped, "pl", "lt", accept=accept)
    shell.handle("Mediacja pomogła rodzinie w gminie.")
    shell.handle(":check Konsultacija padėjo šeimai.")
    capsys.readouterr()
    shell.handle(":accept 1 1")
    out = capsys.readouterr().out
    assert out.startswith("accepted 1 flag(s)") and "already there" not in out, out
    assert len(shell.flags) == 1
