"""Editing one language of a memory segment keeps what the TMX unit carried beyond its texts
(`kept`: the inline codes behind the placeholders, props, notes): otherwise the edit silently
loses the formatting on export, and the unit, imported again as edited, no longer counts as
the same one (its identity includes the codes) and is added twice."""

from __future__ import annotations

import pytest
from test_segment_identity import CODE, FIRST, _tmx

from termbase import Termbase

EDITED_LT = "Prašymą pateikite savivaldybėje."


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_a_segment_edited_in_one_language_keeps_its_inline_codes(tmp_path, engine):
    tb = Termbase.open(tmp_path / f"tb.{engine}", seed=False)
    tb.import_file(_tmx(tmp_path / "first.tmx", FIRST))
    key, before = tb.segments(contains="Wniosek")[0]
    assert before.kept
    tb.edit_segment(key, {"lt": EDITED_LT})
    _, after = tb.segments(contains="Wniosek")[0]
    assert after.texts["lt"] == EDITED_LT and after.kept == before.kept

    exported = tmp_path / "out.tmx"
    tb.export(exported)
    assert CODE in exported.read_text(encoding="utf-8")

    again = tb.import_file(_tmx(tmp_path / "again.tmx", [(FIRST[1][0], EDITED_LT)]))
    assert (again.segments_added, again.segments_unchanged) == (0, 1)
    assert len(tb.segments(contains="Wniosek")) == 1
