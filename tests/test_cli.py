"""The command line as a user meets it: help, JSON contracts, exit codes, error lines."""

import json

import pytest

COMMANDS = ["lookup", "show", "add", "edit", "delete", "stats", "import", "export", "history",
            "undo", "suggest", "check", "concordance", "shell", "doctor", "reindex"]


@pytest.fixture
def seeded(run_cli, tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text("id\tpl\tlt\ten\tsubject\tdefinition_en\n"
                    "t1\tpracownik socjalny\tsocialinis darbuotojas\tsocial worker\tsocial work\tA professional.\n"
                    "t2\tseniūnija\tseniūnija\televdership\tadministration\t\n", encoding="utf-8")
    # Start from an empty store so the tests do not depend on the shipped glossary.
    result = run_cli("import", str(path), env={"TERMBASE_SEED": "0"})
    assert result.code == 0, result.err
    return run_cli


def test_help_everywhere(run_cli):
    assert run_cli("--help").code == 0
    for command in COMMANDS:
        result = run_cli(command, "--help")
        assert result.code == 0 and "usage: termbase " + command in result.out, command


def test_lookup_json_contract(seeded):
    result = seeded("lookup", "--json", "pracownikom socjalnym")
    assert result.code == 0 and result.err == ""
    data = result.json()
    assert data["query"] == "pracownikom socjalnym"
    (match, *_) = data["matches"]
    assert match["term"] == "pracownik socjalny" and match["match"] == "lemma"
    assert match["equivalents"]["lt"] == [{"term": "socialinis darbuotojas", "status": "admitted"}]
    assert match["definition"] == {"en": "A professional."} and match["subject"] == "social work"


def test_no_match_is_success_with_empty_list(seeded):
    result = seeded("lookup", "--json", "zzzzzz")
    assert result.code == 0 and result.json()["matches"] == []


def test_plain_output_when_piped_has_no_colour_codes(seeded):
    result = seeded("lookup", "pracownikom socjalnym", env={"NO_COLOR": ""})
    assert "pracownik socjalny" in result.out and "\x1b[" not in result.out


def test_suggest_json_contract_and_stdin(seeded):
    result = seeded("suggest", "--from", "pl", "--to", "lt", "--json", "-",
                    input="Pracownikom socjalnym dziękujemy.\nSeniūnija ma nowego pracownika socjalnego.\n")
    assert result.code == 0, result.err
    first, second = [json.loads(line) for line in result.out.splitlines()]
    assert set(first) == {"segment", "from", "to", "terms", "memory"}
    hit = first["terms"][0]
    assert (hit["start"], hit["end"], hit["text"]) == (0, 21, "Pracownikom socjalnym")
    assert [h["term"] for h in second["terms"]] == ["seniūnija", "pracownik socjalny"]


@pytest.mark.parametrize("args, code, message", [
    (["lookup", "--lang", "xx", "pomoc"], 2, "unknown language code"),
    (["lookup", "--limit", "0", "pomoc"], 2, "--limit"),
    (["lookup"], 2, "required"),
    (["frobnicate"], 2, "invalid choice"),
    (["show", "nope"], 1, "no concept with id"),
    (["undo", "nope"], 1, "no batch"),
    (["import", "/nonexistent/file.tsv"], 1, "no such file"),
    (["export", "out.unknown"], 1, "cannot tell the format"),
    (["lookup", "a" * 100_000], 1, "query too long"),
    (["lookup", " "], 1, "empty query"),
    (["add", "--pl", "po\x07moc"], 1, "control characters"),
    (["add"], 2, "give at least one term"),
])
def test_errors_are_one_line_with_the_right_exit_code(seeded, args, code, message):
    result = seeded(*args)
    assert result.code == code, result.err
    assert message in result.err
    assert "Traceback" not in result.err
    if code == 1:
        assert len(result.err.strip().splitlines()) == 1


def test_import_directory_is_a_clean_error(seeded, tmp_path):
    result = seeded("import", str(tmp_path))
    assert result.code == 1 and "directory" in result.err and "Traceback" not in result.err


def test_invalid_utf8_on_stdin(seeded):
    result = seeded("suggest", "--from", "pl", "--to", "lt", "-", input=b"pomoc \xff\xfe spo\n")
    assert result.code == 1 and "not valid UTF-8" in result.err


def test_add_edit_show_delete_undo_cycle(seeded):
    added = seeded("add", "--pl", "mediacja", "--lt", "mediacija", "--en", "mediation",
                   "--subject", "family", "--json").json()
    cid = added["id"]
    assert seeded("edit", cid, "--lt", "tarpininkavimas", "--note", "out-of-court").code == 0
    shown = seeded("show", cid, "--json").json()
    assert [t["text"] for t in shown["terms"] if t["lang"] == "lt"] == ["mediacija", "tarpininkavimas"]
    assert seeded("lookup", "--json", "mediacji").json()["matches"][0]["concept_id"] == cid
    assert seeded("delete", cid).code == 0
    assert seeded("show", cid).code == 1
    last = seeded("history", "--json").json()[-1]["batch"]
    assert seeded("undo", last).code == 0
    assert seeded("show", cid, "--json").json()["note"] == "out-of-court"


def test_stats_and_doctor(seeded):
    stats = seeded("stats", "--json").json()
    assert stats["concepts"] == 2 and stats["terms_per_language"]["lt"] == 2
    assert seeded("doctor").code == 0


def test_damaged_store_message_names_file_and_backup(seeded, db_path):
    db_path.write_text(db_path.read_text(encoding="utf-8")[:40], encoding="utf-8")
    result = seeded("lookup", "pomoc")
    assert result.code == 1 and str(db_path) in result.err and ".bak" in result.err
    assert seeded("doctor", "--repair").code == 0
    assert seeded("lookup", "--json", "seniūnijose").json()["matches"]


def test_import_report_on_a_terminal_is_a_table_with_every_conflict_line(empty, tmp_path,
                                                                         monkeypatch, capsys):
    from termbase.cli import data, output

    (tmp_path / "a.tsv").write_text("pl\tlt\nubóstwo\tskurdas\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("pl\tlt\nubóstwo\tneturtas [bold]x[/bold]\n"
                                    "bieda\tskurdas\n", encoding="utf-8")
    empty.import_file(tmp_path / "a.tsv")
    report = empty.import_file(tmp_path / "b.tsv")
    monkeypatch.setattr(data, "is_tty", lambda: True)
    monkeypatch.setattr(output, "_console", None)
    monkeypatch.setenv("COLUMNS", "200")
    data._render_report(report)
    out = capsys.readouterr().out
    assert "conflicts (2)" in out and "neturtas [bold]x[/bold]" in out  # markup not applied
    rows = [line for line in out.splitlines() if "added as synonym" in line]
    assert [row.split()[1] for row in rows] == ["2", "3"]
