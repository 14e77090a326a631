"""The `--json` contract of every command, run in-process through `termbase.cli.main`.

Each test names the keys the README and DESIGN.md promise for the command; a key may be
added to an output, never renamed or dropped, so the documented keys must all be there
(the nested ones too), with the types scripts rely on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TMX = Path(__file__).parent / "data" / "memory_pl_lt_en.tmx"
TERMS = ("id\tpl\tlt\ten\tsubject\tdefinition_en\n"
         "t1\tpracownik socjalny\tsocialinis darbuotojas\tsocial worker\tsocial work\tA professional.\n"
         "t2\tosoba niepełnosprawna\tneįgalusis\tperson with disabilities\tdisability\t\n"
         "t3\tpomoc w domu\tpagalba į namus\thome help\tcare\t\n")

EQUIVALENT = {"term", "status"}
MATCH = {"concept_id", "score", "match", "lang", "term", "equivalents", "subject", "definition"}
TERM_HIT = {"start", "end", "text", "concept_id", "term", "match", "equivalents"}
MEMORY_HIT = {"score", "source", "target"}
IMPORT_REPORT = {"file", "format", "batch", "dry_run", "added", "merged", "unchanged",
                 "skipped", "segments_added", "segments_unchanged", "conflicts", "rejected",
                 "warnings"}
BATCH = {"batch", "time", "user", "command", "counts"}
CONCEPT = {"id", "terms", "subject", "created", "modified"}  # empty fields are left out


@pytest.fixture
def cli(run_cli, tmp_path):
    """A store with three concepts and the test memory, built through the command itself."""
    terms = tmp_path / "terms.tsv"
    terms.write_text(TERMS, encoding="utf-8")
    for path in (terms, TMX):
        result = run_cli("import", str(path), env={"TERMBASE_SEED": "0"})
        assert result.code == 0, result.err
    return run_cli


def as_json(result):
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_lookup(cli):
    data = as_json(cli("lookup", "--json", "pracownikom socjalnym"))
    assert set(data) == {"query", "matches"}
    match = data["matches"][0]
    assert MATCH <= set(match) and match["concept_id"] == "t1"
    assert 0 <= match["score"] <= 100
    assert match["match"] in ("exact", "folded", "lemma", "fuzzy", "prefix")
    for entries in match["equivalents"].values():
        for entry in entries:
            assert EQUIVALENT <= set(entry)


def test_suggest(cli):
    data = as_json(cli("suggest", "--json", "--from", "pl", "--to", "lt",
                       "Pracownik socjalny odwiedza rodzinę raz w tygodniu."))
    assert set(data) == {"segment", "from", "to", "terms", "memory"}
    (hit,) = data["terms"]
    assert TERM_HIT <= set(hit) and (hit["start"], hit["end"]) == (0, 18)
    assert all(EQUIVALENT <= set(e) for e in hit["equivalents"])
    assert MEMORY_HIT <= set(data["memory"][0]) and data["memory"][0]["score"] == 100


def test_show_add_edit_delete(cli):
    added = as_json(cli("add", "--json", "--pl", "asystent rodziny", "--pl", "asystentka",
                        "--lt", "šeimos asistentas", "--subject", "family"))
    assert CONCEPT <= set(added)
    statuses = [(t["lang"], t["status"]) for t in added["terms"]]
    assert statuses == [("pl", "preferred"), ("pl", "admitted"), ("lt", "preferred")]
    shown = as_json(cli("show", "--json", added["id"]))
    batch = added.pop("batch")          # additive: the batch that `undo` takes
    assert shown == added and batch
    edited = as_json(cli("edit", "--json", added["id"], "--remove-term", "pl:asystentka",
                         "--set-status", "lt:šeimos asistentas=admitted"))
    assert [(t["text"], t["status"]) for t in edited["terms"]] == [
        ("asystent rodziny", "preferred"), ("šeimos asistentas", "admitted")]
    deleted = as_json(cli("delete", "--json", added["id"]))
    assert deleted["deleted"] == added["id"] and deleted["batch"] not in ("", batch)


def test_stats(cli):
    data = as_json(cli("stats", "--json"))
    assert set(data) >= {"store", "concepts", "terms", "terms_per_language", "subjects",
                         "memory_segments", "batches"}
    assert data["concepts"] == 3 and data["terms_per_language"] == {"en": 3, "lt": 3, "pl": 3}
    assert data["memory_segments"] > 0


def test_import_and_dry_run(cli, tmp_path):
    path = tmp_path / "more.tsv"
    path.write_text("pl\tlt\nrodzina zastępcza\tglobėjų šeima\n", encoding="utf-8")
    data = as_json(cli("import", "--json", "--dry-run", str(path)))
    assert IMPORT_REPORT <= set(data) and data["dry_run"] is True and data["added"] == 1
    assert as_json(cli("stats", "--json"))["concepts"] == 3


def test_import_refused(cli, tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("pl\tlt\tregion_pl\nrodzina zastępcza\tglobėjų šeima\tpl-!!\n",
                    encoding="utf-8")
    result = cli("import", "--json", str(path))
    assert result.code == 1 and len(result.err.strip().splitlines()) >= 1
    data = json.loads(result.out)
    assert data["refused"] is True and data["file"] == str(path)
    assert [set(e) for e in data["errors"]] == [{"line", "error"}]


def test_import_skip_invalid_writes_the_rejects(cli, tmp_path):
    path = tmp_path / "mixed.tsv"
    path.write_text("pl\tlt\tregion_pl\nrodzina zła\tšeima\tpl-!!\n"
                    "rodzina zastępcza\tglobėjų šeima\t\n", encoding="utf-8")
    data = as_json(cli("import", "--json", "--skip-invalid", str(path)))
    assert data["added"] == 1 and [r["line"] for r in data["rejected"]] == [2]
    rejects = tmp_path / "mixed.tsv.rejects.tsv"
    assert rejects.read_text(encoding="utf-8").splitlines()[1].startswith("2\t")
    assert any(str(rejects) in warning for warning in data["warnings"])


def test_export(cli, tmp_path):
    target = tmp_path / "out.tbx"
    data = as_json(cli("export", "--json", str(target)))
    assert data == {"file": str(target), "format": "tbx", "written": 3, "kind": "concepts"}
    memory = as_json(cli("export", "--json", str(tmp_path / "m.tmx")))
    assert memory["kind"] == "segments" and memory["written"] > 0


def test_history_and_undo(cli):
    history = as_json(cli("history", "--json"))
    assert all(BATCH <= set(b) for b in history) and len(history) == 3
    undone = as_json(cli("undo", "--json", history[-1]["batch"]))
    assert set(undone) == {"batch", "undid", "changes_reverted"}
    assert undone["undid"] == history[-1]["batch"] and undone["changes_reverted"] > 0
    after = as_json(cli("history", "--json"))
    assert after[-2]["undone_by"] == undone["batch"]


def test_check(cli, tmp_path):
    path = tmp_path / "job.tsv"
    path.write_text("pl\tlt\nPracownik socjalny przyszedł.\tAtėjo socialinis darbuotojas.\n"
                    "Pomoc w domu.\tKažkas kita.\n", encoding="utf-8")
    result = cli("check", "--json", "--from", "pl", "--to", "lt", str(path))
    assert result.code == 1  # issues found
    data = json.loads(result.out)
    # additive keys since issue 16: the variety checked for and the issues per kind
    assert set(data) == {"file", "from", "to", "segments", "issues", "variant", "counts"}
    assert data["segments"] == 2 and data["counts"] == {"missing-equivalent": 1}
    (issue,) = data["issues"]
    assert set(issue) >= {"line", "kind", "concept_id", "source_term", "target_term",
                          "expected", "source", "target"}
    assert (issue["kind"], issue["concept_id"], issue["line"]) == ("missing-equivalent", "t3", 3)


def test_concordance(cli):
    data = as_json(cli("concordance", "--json", "--lang", "pl", "pracownik socjalny"))
    assert set(data) == {"query", "lang", "results"} and data["results"]
    for hit in data["results"]:
        assert set(hit) >= {"segment", "text", "start", "end", "translations"}
        assert hit["text"][hit["start"]:hit["end"]].lower().startswith("pracownik")


def test_doctor_and_reindex(cli):
    doctor = as_json(cli("doctor", "--json"))
    assert set(doctor) >= {"store", "ok", "problems", "backup", "leftovers"}
    assert doctor["ok"] is True and doctor["backup"]["readable"] is True
    reindex = as_json(cli("reindex", "--json"))
    assert reindex == {"terms": 9, "concepts": 3}
    assert as_json(cli("doctor", "--json"))["index"] == "current"


def test_extract_and_add_from_review(cli, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Asystent rodziny pomaga rodzinie. Asystenta rodziny przydziela gmina. "
                    "Z asystentem rodziny spotkaliśmy się wczoraj.\n", encoding="utf-8")
    data = as_json(cli("extract", "--json", "--lang", "pl", str(text)))
    assert set(data) >= {"lang", "files", "tokens", "candidates_total", "new_only",
                         "candidates"}
    assert "asystent rodziny" in [c["term"] for c in data["candidates"]]
    sheet = tmp_path / "review.tsv"
    assert cli("extract", "--lang", "pl", str(text), "--tsv", str(sheet)).code == 0
    lines = sheet.read_text(encoding="utf-8").splitlines()
    marked = [("y" + line) if "\tasystent rodziny\t" in line else line for line in lines]
    sheet.write_text("\n".join(marked) + "\n", encoding="utf-8")
    added = as_json(cli("extract", "--json", "--add-from", str(sheet), "--subject", "family"))
    assert IMPORT_REPORT <= set(added) and added["added"] == 1


def test_align(cli):
    data = as_json(cli("align", "--json", "--from", "pl", "--to", "lt", "--min-cooc", "1",
                       str(TMX)))
    assert set(data) >= {"from", "to", "segments", "proposals"} and data["segments"] > 0
    for proposal in data["proposals"]:
        assert set(proposal) >= {"source", "target", "score", "cooccurrences", "example"}
