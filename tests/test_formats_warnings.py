"""Exports keep the warnings a translator needs: term notes (regional warnings) in the
OmegaT comment column, status and region on the lines of inflected forms."""

from __future__ import annotations

from termbase import formats
from termbase.formats import ReadOptions, WriteOptions
from termbase.model import Concept, Term

GMINA = Concept(id="adm-eldership", subject="administration", terms=[
    Term("pl", "gmina", region="pl-LT", forms=["gminie", "gminy"],
         note="W Polsce gmina to samorząd (savivaldybė); na Wileńszczyźnie - seniūnija."),
    Term("pl", "starostwo", status="deprecated", forms=["starostwie"]),
    Term("lt", "seniūnija", status="preferred")]).validate()


def lines(path):
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def test_omegat_comment_carries_the_regional_note_and_form_lines_their_markers(tmp_path):
    path = tmp_path / "g.utf8"
    formats.get("omegat").write([GMINA], path, WriteOptions(source_lang="pl", target_lang="lt",
                                                             with_forms=True))
    rows = {row[0]: row for row in lines(path)}
    assert "W Polsce gmina to samorząd" in rows["gmina"][2] and "pl-LT" in rows["gmina"][2]
    assert rows["gminie"][2] == "form of gmina; pl-LT"
    assert rows["starostwie"][2] == "form of starostwo; deprecated"
    again = [e.item for e in formats.get("omegat").read(
        path, ReadOptions(source_lang="pl", target_lang="lt")) if e.item]
    assert again[0].terms[0].forms == ["gminie", "gminy"]
    assert again[1].terms[0].forms == ["starostwie"]


def test_tbx_form_variants_keep_status_and_region(tmp_path):
    path = tmp_path / "g.tbx"
    formats.get("tbx2").write([GMINA], path, WriteOptions(source_lang="pl", with_forms=True))
    text = path.read_text(encoding="utf-8")
    block = text[text.index("<term>gminie</term>"):text.index("<term>gminy</term>")]
    assert ">pl-LT</termNote>" in block
    block = text[text.index("<term>starostwie</term>"):]
    assert "deprecatedTerm-admn-sts" in block
