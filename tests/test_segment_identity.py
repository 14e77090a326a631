"""A TMX import skips the segments the memory already has by an indexed look-up of their
identity, not by reading the whole memory (issue 12): on SQLite, importing ten segments
into a memory of a million reads about ten."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from termbase import Termbase

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t"'
          ' creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="pl"'
          ' datatype="plaintext"/><body>\n')
CODE = '<ph x="1">&lt;br/&gt;</ph>'


def _tmx(path, units: list[tuple[str, str]]):
    """Units of (Polish, Lithuanian) segment markup (already escaped)."""
    body = "".join(f'<tu><tuv xml:lang="pl"><seg>{pl}</seg></tuv>'
                   f'<tuv xml:lang="lt"><seg>{lt}</seg></tuv></tu>\n' for pl, lt in units)
    path.write_text(HEADER + body + "</body></tmx>\n", encoding="utf-8")
    return path


FIRST = [("Gmina wypłaca zasiłek.", "Savivaldybė moka pašalpą."),
         (f"Wniosek {CODE}złóż w urzędzie.", "Prašymą pateikite įstaigoje."),
         (escape("Opieka & wsparcie."), "Globa ir parama.")]
SECOND = [FIRST[0], FIRST[1],
          ("Wniosek złóż w urzędzie.", "Prašymą pateikite įstaigoje."),   # no code: new
          ("Ośrodek jest otwarty.", "Centras atidarytas.")]


@pytest.fixture(params=["json", "sqlite"])
def tb(request, tmp_path):
    tb = Termbase.open(tmp_path / f"tb.{request.param}", seed=False)
    report = tb.import_file(_tmx(tmp_path / "first.tmx", FIRST))
    assert report.segments_added == 3
    return tb


def _no_whole_memory_reads(monkeypatch):
    from termbase import sqlite_store

    def refuse(*args, **kwargs):
        raise AssertionError("read the whole memory")

    monkeypatch.setattr(sqlite_store._Segments, "items", refuse)
    monkeypatch.setattr(sqlite_store._Records, "stream", refuse)


def test_known_segments_are_skipped_and_new_ones_added(tb, tmp_path, monkeypatch):
    if tb.store.engine == "sqlite":
        _no_whole_memory_reads(monkeypatch)
    report = tb.import_file(_tmx(tmp_path / "second.tmx", SECOND + [SECOND[3]]))
    assert (report.segments_added, report.segments_unchanged) == (2, 3)


def test_the_identities_follow_edits_and_deletions(tb, tmp_path):
    key, first = tb.segments(contains="wypłaca")[0]
    tb.edit_segment(key, {"pl": "Gmina wypłaca świadczenie."})
    tb.delete_segment(tb.segments(contains="wsparcie")[0][0])
    again = tb.import_file(_tmx(tmp_path / "again.tmx", FIRST))
    assert (again.segments_added, again.segments_unchanged) == (2, 1)   # only the code one
    assert len(tb.segments(contains="wypłaca")) == 2


def test_segments_sharing_a_hash_are_still_told_apart(tmp_path, monkeypatch):
    from termbase import segment_identity
    from termbase.index import identity

    monkeypatch.setattr(segment_identity, "identity_hash", lambda key: 7)
    monkeypatch.setattr(identity, "identity_hash", lambda key: 7)
    tb = Termbase.open(tmp_path / "tb.sqlite", seed=False)
    tb.import_file(_tmx(tmp_path / "first.tmx", FIRST))
    report = tb.import_file(_tmx(tmp_path / "second.tmx", SECOND))
    assert (report.segments_added, report.segments_unchanged) == (2, 2)
