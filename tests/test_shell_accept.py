"""Accepting check flags from the shell: `:check TRANSLATION` shows the current segment's
flags, `:accept [N ...]` records them in the project's accept list, which `check --accept`
then honours."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from termbase import FormatError, record_accepted
from termbase.check_accept import AcceptList, segment_key
from termbase.cli.shell import Shell
from test_shell import plain, said  # noqa: F401  (plain is a fixture)

SEGMENT = "Mediacja i superwizja pomagają pracownikom."
TRANSLATION = "Konsultacija ir priežiūra padeda darbuotojams."
pytestmark = pytest.mark.usefixtures("plain")   # output as in a pipe


def accepted_lines(path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def test_check_shows_numbered_flags_and_accept_records_them(shipped, capsys, tmp_path):
    accept = tmp_path / "project.accept.tsv"
    shell = Shell(shipped, "pl", "lt", accept=accept)
    said(shell, ">" + SEGMENT, capsys)
    out = said(shell, ":check " + TRANSLATION, capsys)
    assert "1. missing-equivalent" in out and "2. missing-equivalent" in out
    assert "svc-mediation" in out and "svc-supervision" in out
    assert said(shell, ":accept 2", capsys).startswith("accepted 1 flag(s)")
    key = segment_key(SEGMENT)
    assert accepted_lines(accept) == [["missing-equivalent", "svc-supervision", key]]
    # the accepted flag is no longer shown; the other one still is, and is taken by :accept
    out = said(shell, ":check " + TRANSLATION, capsys)
    assert "svc-mediation" in out and "svc-supervision" not in out
    said(shell, ":accept", capsys)
    assert said(shell, ":check " + TRANSLATION, capsys).strip() == "no term issues"
    assert sorted(row[1] for row in accepted_lines(accept)) == ["svc-mediation",
                                                                "svc-supervision"]


def test_check_file_honours_what_the_shell_accepted(shipped, capsys, tmp_path, run_cli):
    accept = tmp_path / "project.accept.tsv"
    job = tmp_path / "job.tsv"
    job.write_text(f"pl\tlt\n{SEGMENT}\t{TRANSLATION}\n", encoding="utf-8")
    db = shipped.store.location
    before = run_cli("check", str(job), "--from", "pl", "--to", "lt", "--db", db)
    assert before.code == 1 and "2 issue(s)" in before.out
    shell = Shell(shipped, "pl", "lt", accept=accept)
    said(shell, ">" + SEGMENT, capsys)
    said(shell, ":check " + TRANSLATION, capsys)
    said(shell, ":accept", capsys)
    after = run_cli("check", str(job), "--from", "pl", "--to", "lt", "--db", db,
                    "--accept", str(accept))
    assert after.code == 0 and "0 issue(s)" in after.out


@pytest.mark.parametrize("lines, message", [
    ([":accept"], "no flags to accept"),                        # nothing checked yet
    ([">" + SEGMENT, ":check " + TRANSLATION, ":accept 3"], "not a flag number"),
    ([">" + SEGMENT, ":check " + TRANSLATION, ":accept two"], "not a flag number"),
    ([":check " + TRANSLATION], "give a segment first"),
])
def test_accept_and_check_refuse_what_they_cannot_do(shipped, capsys, tmp_path,
                                                     lines, message):
    accept = tmp_path / "project.accept.tsv"
    shell = Shell(shipped, "pl", "lt", accept=accept)
    for line in lines:
        out = said(shell, line, capsys)
    assert out.startswith("error: ") and message in out and out.count("\n") == 1
    assert not accept.exists()


def test_accept_needs_an_accept_list(shipped, capsys):
    shell = Shell(shipped, "pl", "lt")
    said(shell, ">" + SEGMENT, capsys)
    said(shell, ":check " + TRANSLATION, capsys)
    out = said(shell, ":accept", capsys)
    assert out.startswith("error: ") and "--accept FILE" in out


def test_a_new_segment_forgets_the_flags_of_the_last(shipped, capsys, tmp_path):
    shell = Shell(shipped, "pl", "lt", accept=tmp_path / "a.tsv")
    said(shell, ">" + SEGMENT, capsys)
    said(shell, ":check " + TRANSLATION, capsys)
    said(shell, ">Pracownik socjalny odwiedził rodzinę.", capsys)
    assert "no flags to accept" in said(shell, ":accept", capsys)


def test_record_accepted_appends_once_and_keeps_the_file_readable(shipped, tmp_path):
    from termbase.check import check_segment

    issues = check_segment(shipped.index, 1, SEGMENT, TRANSLATION, "pl", "lt")
    path = tmp_path / "accept.tsv"
    path.write_text("# ours\nother-variant\tadm-district\t*", encoding="utf-8")  # no final \n
    assert record_accepted(path, issues) == 2
    assert record_accepted(path, issues) == 0                    # already there
    loaded = AcceptList.load(path)
    assert ("other-variant", "adm-district", "*") in loaded.entries
    assert all(loaded.accepts(issue) for issue in issues)
    assert len(accepted_lines(path)) == 3


def test_record_accepted_refuses_a_file_that_is_not_an_accept_list(shipped, tmp_path):
    from termbase.check import check_segment

    path = tmp_path / "notes.txt"
    path.write_text("these are my notes\n", encoding="utf-8")
    issues = check_segment(shipped.index, 1, SEGMENT, TRANSLATION, "pl", "lt")
    with pytest.raises(FormatError):
        record_accepted(path, issues)
    assert path.read_text(encoding="utf-8") == "these are my notes\n"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flags=st.lists(st.tuples(
    st.sampled_from(["missing-equivalent", "other-variant", "deprecated-term", "forbidden-term"]),
    st.from_regex(r"[a-z][a-z0-9-]{0,30}", fullmatch=True),
    st.text(min_size=1, max_size=80)), min_size=1, max_size=6))
def test_what_record_accepted_writes_the_accept_list_reads_back(tmp_path, flags):
    from termbase import CheckIssue

    path = tmp_path / "roundtrip.tsv"
    path.unlink(missing_ok=True)
    issues = [CheckIssue(1, kind, concept, segment=segment_key(source))
              for kind, concept, source in flags]
    record_accepted(path, issues)
    loaded = AcceptList.load(path)
    assert all(loaded.accepts(issue) for issue in issues)
    assert len(loaded.entries) == len({(i.kind, i.concept_id, i.segment) for i in issues})
