"""A store written by termbase before varieties, kept fields and XML-name ids loads and
works unchanged: the new fields are optional additions, so no migration is needed (the
schema version stays 1). The old store is written by the old code itself, checked out
from git at the commit before these changes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termbase import Termbase, formats
from termbase.formats import ReadOptions, WriteOptions

OLD_COMMIT = "055efb6"
ROOT = Path(__file__).resolve().parents[1]

OLD_WRITER = """
import sys
from termbase import Termbase
from termbase.model import Concept, Term
from termbase.formats.base import ReadOptions
tb = Termbase.open(sys.argv[1], seed=False)
tb.add(Concept(id="adm-1", subject="administration", note="regional",
               definition={"pl": "Jednostka."}, sources=["Ustawa"],
               terms=[Term("pl", "gmina", status="preferred", region="pl-LT", forms=["gminie"]),
                      Term("lt", "seniūnija", status="admitted")]))
tb.import_file(sys.argv[2])
"""

OLD_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence"
 o-tmf="x" adminlang="en" srclang="pl-PL" datatype="plaintext"/><body>
<tu tuid="9"><tuv xml:lang="pl-PL"><seg>Wniosek złożono w gminie.</seg></tuv>
<tuv xml:lang="lt-LT"><seg>Prašymas pateiktas seniūnijoje.</seg></tuv></tu>
</body></tmx>"""


@pytest.fixture(scope="module")
def old_store(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git is needed to check out the old code")
    base = tmp_path_factory.mktemp("old")
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", OLD_COMMIT, "termbase"],
                             capture_output=True)
    if archive.returncode:
        pytest.skip(f"commit {OLD_COMMIT} is not in this checkout")
    subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
    tmx = base / "old.tmx"
    tmx.write_text(OLD_TMX, encoding="utf-8")
    store = base / "old.json"
    subprocess.run([sys.executable, "-c", OLD_WRITER, str(store), str(tmx)], cwd=base,
                   check=True, timeout=300, env={"PYTHONPATH": str(base), "HOME": str(base)})
    return store


def test_an_old_store_loads_and_its_records_keep_their_shape(old_store, tmp_path):
    before = json.loads(old_store.read_text(encoding="utf-8"))
    tb = Termbase.open(old_store)
    (concept,) = tb.store.concepts()
    assert concept.terms[0].region == "pl-LT" and concept.kept == {}
    record = next(iter(before["concepts"].values()))
    assert {k: v for k, v in concept.to_dict().items() if k in record} == {
        k: v for k, v in record.items() if k in concept.to_dict()}
    (segment,) = tb.store.segments()
    assert segment.texts == {"pl": "Wniosek złożono w gminie.",
                             "lt": "Prašymas pateiktas seniūnijoje."}
    assert tb.lookup("gminie", lang="pl")[0].concept_id == "adm-1"
    out = tmp_path / "again.tbx"
    formats.get("tbx").write(list(tb.store.concepts()), out, WriteOptions())
    (read_back,) = [e.item for e in formats.get("tbx").read(out, ReadOptions()) if e.item]
    assert read_back.terms[0].region == "pl-LT"
