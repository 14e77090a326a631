"""`doctor` compares the index's segment identities (ix_segids) with the memory: an SQL edit
of an SQLite store's memory rows, or of the index rows, leaves the version stamp as it was,
and a TMX import would then add again a unit the memory holds (its identity is looked up
by the stale hash)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reliability_index import plant
from test_segment_identity import FIRST, _tmx

from termbase import Termbase


@pytest.fixture(params=["json", "sqlite"])
def tb(request, tmp_path) -> Termbase:
    tb = Termbase.open(tmp_path / f"tb.{request.param}", seed=False)
    tb.import_file(_tmx(tmp_path / "first.tmx", FIRST))
    tb.index
    assert Termbase.open(tb.store.location, create=False).doctor().index == "current"
    return tb


def index_file(tb: Termbase) -> Path:
    return Path(tb.store.location) if tb.store.engine == "sqlite" else tb.store.index_path


SEGMENT_EDITS = {
    "hash changed": "UPDATE ix_segids SET h=h+1 WHERE seg=(SELECT min(seg) FROM ix_segids)",
    "row deleted": "DELETE FROM ix_segids WHERE seg=(SELECT min(seg) FROM ix_segids)",
}


@pytest.mark.parametrize("edit", sorted(SEGMENT_EDITS))
def test_doctor_finds_segment_identities_out_of_step_and_repair_rebuilds_them(tb, edit,
                                                                              tmp_path):
    plant(index_file(tb), SEGMENT_EDITS[edit])
    assert Termbase.open(tb.store.location, create=False).doctor().index.startswith(
        "out of step")
    Termbase.open(tb.store.location, create=False).doctor(repair=True)
    again = Termbase.open(tb.store.location, create=False).import_file(
        _tmx(tmp_path / "again.tmx", FIRST))
    assert (again.segments_added, again.segments_unchanged) == (0, len(FIRST))


def test_doctor_finds_a_segment_changed_behind_an_sqlite_stores_index(tmp_path):
    tb = Termbase.open(tmp_path / "tb.sqlite", seed=False)
    tb.import_file(_tmx(tmp_path / "first.tmx", FIRST))
    plant(tmp_path / "tb.sqlite", "UPDATE memory SET doc=replace(doc, 'zasiłek',"
                                  " 'świadczenie')")
    assert Termbase.open(tb.store.location, create=False).doctor().index.startswith(
        "out of step")
    Termbase.open(tb.store.location, create=False).doctor(repair=True)
    edited = [(FIRST[0][0].replace("zasiłek", "świadczenie"), FIRST[0][1])]
    again = Termbase.open(tb.store.location, create=False).import_file(
        _tmx(tmp_path / "again.tmx", edited))
    assert (again.segments_added, again.segments_unchanged) == (0, 1)


# What a TMX unit carried beyond its texts, edited by another tool into another shape: the
# record's shape check lets it through, so the segment identity made for the index must
# not fail on it (it is simply no inline codes).
ODD_KEPT = [[1], "x", {"tuv": [1]}, {"tuv": {"pl": "x"}}, {"tuv": {"pl": {"codes": 5}}}]


@pytest.mark.parametrize("engine", ["json", "sqlite"])
@pytest.mark.parametrize("kept", ODD_KEPT, ids=repr)
def test_kept_data_of_another_shape_is_no_internal_error(tmp_path, run_cli, engine, kept):
    import json

    path = tmp_path / f"tb.{engine}"
    tb = Termbase.open(path, seed=False)
    tb.import_file(_tmx(tmp_path / "first.tmx", FIRST))
    if engine == "sqlite":
        tb.store.close()
        odd = json.dumps(kept).replace("'", "''")
        plant(path, f"UPDATE memory SET doc=json_set(doc, '$.kept', json('{odd}'))")
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        for doc in data["memory"].values():
            doc["kept"] = kept
        path.write_text(json.dumps(data), encoding="utf-8")
    for command in (["reindex"], ["suggest", FIRST[0][0], "--from", "pl", "--to", "lt"],
                    ["doctor"]):
        result = run_cli("--db", path, *command)
        assert "internal error" not in result.err, (command, result.err)
    assert FIRST[0][1] in run_cli("--db", path, "suggest", FIRST[0][0], "--from", "pl",
                                  "--to", "lt").out
