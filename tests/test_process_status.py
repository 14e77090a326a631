"""Process status (TBX processStatus): what extract, align and an import marked provisional
take in stays apart from reviewed terms in suggest and check, on both engines; TBX and
spreadsheets carry it; stores written before the field existed read as finalized."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, strategies as st

from termbase import Termbase
from termbase.formats import ReadOptions, WriteOptions, datacats, get as get_format
from termbase.model import Concept, Term
from test_formats_xml import VALIDATORS, needs_validators, run


@pytest.fixture
def cli(engine_cli):
    return engine_cli


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(cli, tmp_path):
    """One reviewed pair imported from a spreadsheet, one pair taken in by align."""
    reviewed = write(tmp_path / "reviewed.tsv", "pl\tlt\npracownik socjalny\tsocialinis darbuotojas\n")
    assert cli("import", str(reviewed)).code == 0
    sheet = write(tmp_path / "pairs.tsv", "add\tsource\ttarget\n"
                  "y\tasystent rodziny\tšeimos asistentas\n"
                  "\tspotkanie\tsusitikimas\n")
    added = cli("align", "--from", "pl", "--to", "lt", "--add-from", str(sheet))
    assert added.code == 0, added.err
    return tmp_path


SEGMENT = "Asystent rodziny spotkał się z pracownikiem socjalnym."


def test_suggest_shows_the_terms_align_took_in_as_provisional(cli, project):
    hits = {h["term"]: h for h in cli("suggest", "--from", "pl", "--to", "lt", SEGMENT,
                                      "--json").json()["terms"]}
    assert hits["asystent rodziny"]["process"] == "provisionallyProcessed"
    assert hits["asystent rodziny"]["equivalents"][0] == {
        "term": "šeimos asistentas", "status": "admitted", "process": "provisionallyProcessed"}
    assert "process" not in hits["pracownik socjalny"]
    assert "process" not in hits["pracownik socjalny"]["equivalents"][0]
    plain = cli("suggest", "--from", "pl", "--to", "lt", SEGMENT).out
    assert "asystent rodziny (provisional)" in plain
    assert "šeimos asistentas (provisional)" in plain
    assert "socialinis darbuotojas (provisional)" not in plain


def test_check_names_provisional_terms_and_can_ignore_them(cli, project):
    job = write(project / "job.tsv",
                "Asystent rodziny odwiedził rodzinę.\tŠeimos padėjėjas aplankė šeimą.\n"
                "Pracownik socjalny zadzwonił.\tDarbuotojas paskambino.\n")
    report = cli("check", str(job), "--from", "pl", "--to", "lt", "--json").json()
    by_line = {issue["line"]: issue for issue in report["issues"]}
    assert by_line[1]["expected"] == ["šeimos asistentas"]
    assert by_line[1]["provisional"] == ["šeimos asistentas"]
    assert "provisional" not in by_line[2]
    text = cli("check", str(job), "--from", "pl", "--to", "lt", "--report",
               str(project / "qa.csv"))
    assert text.code == 1 and "expected šeimos asistentas (provisional)" in text.out
    import csv

    with open(project / "qa.csv", encoding="utf-8-sig", newline="") as sheet:
        rows = {row["line"]: row for row in csv.DictReader(sheet)}
    assert rows["1"]["provisional"] == "šeimos asistentas" and rows["2"]["provisional"] == ""
    ignoring = cli("check", str(job), "--from", "pl", "--to", "lt", "--ignore-provisional",
                   "--json").json()
    assert [(i["line"], i["kind"]) for i in ignoring["issues"]] == [(2, "missing-equivalent")]


def test_check_flags_a_rendering_that_only_unreviewed_terms_back(cli, project):
    """The provisional equivalent is used: not an error, but not an approved rendering
    either; once reviewed, the flag goes."""
    job = write(project / "job.tsv",
                "Asystent rodziny odwiedził rodzinę.\tŠeimos asistentas aplankė šeimą.\n"
                "Pracownik socjalny zadzwonił.\tSocialinis darbuotojas paskambino.\n")
    report = cli("check", str(job), "--from", "pl", "--to", "lt", "--json").json()
    assert [(i["line"], i["kind"], i["target_term"]) for i in report["issues"]] == [
        (1, "unreviewed-term", "šeimos asistentas")]
    assert report["counts"] == {"unreviewed-term": 1}
    text = cli("check", str(job), "--from", "pl", "--to", "lt")
    assert "not yet reviewed (provisional)" in text.out and text.code == 0
    ignoring = cli("check", str(job), "--from", "pl", "--to", "lt", "--ignore-provisional",
                   "--json").json()
    assert ignoring["issues"] == []
    cid = report["issues"][0]["concept_id"]
    assert cli("edit", cid, "--set-process", "lt:šeimos asistentas=finalized").code == 0
    assert cli("check", str(job), "--from", "pl", "--to", "lt", "--json").json()["issues"] == []


def test_a_reviewed_term_loses_the_mark(cli, project):
    cid = cli("lookup", "asystent rodziny", "--json").json()["matches"][0]["concept_id"]
    cli("edit", cid, "--set-process", "lt:šeimos asistentas=finalized",
        "--set-process", "pl:asystent rodziny=finalized")
    (hit, _) = cli("suggest", "--from", "pl", "--to", "lt", SEGMENT, "--json").json()["terms"]
    assert "process" not in hit and "process" not in hit["equivalents"][0]
    assert "process=finalized" in cli("show", cid).out


def test_import_marked_provisional_leaves_known_terms_reviewed(cli, project):
    more = write(project / "more.tsv", "pl\tlt\npracownik socjalny\tsocialinis darbuotojas\n"
                 "opiekun prawny\tglobėjas\n")
    assert cli("import", str(more), "--provisional").code == 0
    terms = {t["text"]: t for m in cli("lookup", "opiekun prawny", "--json").json()["matches"]
             for t in cli("show", m["concept_id"], "--json").json()["terms"]}
    assert terms["globėjas"]["process"] == "provisionallyProcessed"
    worker = cli("lookup", "pracownik socjalny", "--lang", "pl", "--json").json()["matches"][0]
    assert all("process" not in t for t in cli("show", worker["concept_id"], "--json")
               .json()["terms"])


def test_extract_add_marks_provisional_unless_finalized(cli, tmp_path):
    sheet = write(tmp_path / "terms.tsv", "add\tterm\tlang\ny\tusługi opiekuńcze\tpl\n")
    assert cli("extract", "--add-from", str(sheet)).code == 0
    shown = cli("lookup", "usługi opiekuńcze", "--lang", "pl", "--json").json()["matches"][0]
    assert cli("show", shown["concept_id"], "--json").json()["terms"][0]["process"] == \
        "provisionallyProcessed"
    sheet2 = write(tmp_path / "terms2.tsv", "add\tterm\tlang\ny\tmieszkanie chronione\tpl\n")
    assert cli("extract", "--add-from", str(sheet2), "--finalized").code == 0
    other = cli("lookup", "mieszkanie chronione", "--lang", "pl", "--json").json()["matches"][0]
    assert "process" not in cli("show", other["concept_id"], "--json").json()["terms"][0]


def test_the_shipped_glossary_and_older_stores_read_as_finalized(shipped):
    (match, *_) = shipped.lookup("pracownik socjalny", lang="pl", to=["lt"])
    assert all("process" not in e.to_json() for e in match.equivalents["lt"])
    old = Term.from_dict({"lang": "pl", "text": "gmina", "status": "preferred"})
    assert old.process == "" and not old.provisional


GUARDIAN = Concept(id="c7", subject="family", terms=[
    Term("pl", "opiekun prawny", status="preferred", process="provisionallyProcessed"),
    Term("lt", "globėjas", process="unprocessed"),
    Term("en", "legal guardian", process="finalized")]).validate()


@pytest.mark.parametrize("fmt", ["tbx", "tbx2", "csv"])
def test_exports_carry_the_process_status_back(tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    get_format(fmt).write([GUARDIAN], path, WriteOptions())
    (again,) = [e.item for e in get_format(fmt).read(path, ReadOptions()) if e.item]
    assert [(t.text, t.process) for t in again.terms] == [
        (t.text, t.process) for t in GUARDIAN.terms]
    text = path.read_text(encoding="utf-8-sig")
    if fmt == "tbx2":
        assert '<termNote type="processStatus">unprocessed</termNote>' in text
    if fmt == "tbx":   # TBX-Basic has no processStatus termNote: a note the reader maps back
        assert 'type="processStatus"' not in text
        assert "kept as is: termNote processStatus = unprocessed" in text


@needs_validators
def test_tbx_basic_with_process_status_passes_the_validator(tmp_path):
    path = tmp_path / "basic.tbx"
    get_format("tbx").write([GUARDIAN], path, WriteOptions())
    result = run(sys.executable, VALIDATORS / "validate_tbx.py", path)
    assert result.returncode == 0, result.stdout + result.stderr


@given(st.sampled_from(["provisionallyProcessed", "provisional", "unreviewed",
                        "unprocessed", "finalized", "finalised"]),
       st.lists(st.booleans(), min_size=30, max_size=30))
def test_process_values_are_read_without_regard_to_case(spelling, upper):
    cased = "".join(c.upper() if u else c.lower() for c, u in zip(spelling, upper * 2))
    mapped = datacats.lookup("processStatus", f"  {cased} ")
    assert mapped.field == "process"
    assert mapped.value == datacats.lookup("processStatus", spelling).value
    assert mapped.value in ("unprocessed", "provisionallyProcessed", "finalized")


def test_the_omegat_glossary_comments_a_provisional_target(tmp_path):
    path = tmp_path / "g.utf8"
    options = WriteOptions(source_lang="pl", target_lang="lt")
    get_format("omegat").write([GUARDIAN], path, options)
    (line,) = path.read_text(encoding="utf-8").splitlines()
    assert line.split("\t") == ["opiekun prawny", "globėjas", "family; provisional"]
    (again,) = [e.item for e in get_format("omegat").read(
        path, ReadOptions(source_lang="pl", target_lang="lt")) if e.item]
    assert again.terms[1].provisional and again.note == "family"
