"""`--db sqlite:...` URLs (issue 12): read as SQLAlchemy reads them, and a URL naming no
file is one clear line, not a store created under a name made of the typo."""

from __future__ import annotations

import os

import pytest

from termbase import Termbase


@pytest.mark.parametrize("url", ["sqlite:", "sqlite://", "sqlite:///", "sqlite:///  ",
                                 "sqlite://host/terms.sqlite", "sqlite:terms.sqlite"])
def test_a_url_naming_no_file_is_refused_and_creates_nothing(run_cli, tmp_path, monkeypatch,
                                                             url):
    monkeypatch.chdir(tmp_path)
    result = run_cli("--db", url, "stats")
    assert result.code != 0
    assert "names no SQLite file" in result.err and len(result.err.strip().splitlines()) == 1
    assert os.listdir(tmp_path) == []


def test_three_slashes_name_a_relative_file_and_four_an_absolute_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    relative = Termbase.open("sqlite:///sub dir/terms.sqlite", seed=False)
    assert relative.store.engine == "sqlite"
    assert relative.path.resolve() == tmp_path / "sub dir" / "terms.sqlite"
    absolute = Termbase.open(f"sqlite:///{tmp_path}/abs.sqlite", seed=False)
    assert absolute.path == tmp_path / "abs.sqlite"
