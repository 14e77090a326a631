"""A long-lived process (a server, an editor plug-in) must not collect open files: every
write makes a TinyDB store's index reader stale, and the replaced reader's connection is
closed at once, not when the garbage collector happens to run."""
import gc
import os

import pytest

from termbase import Termbase
from termbase.model import Concept, Term

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"),
                                reason="counts open files through /proc/self/fd (Linux)")


def open_files() -> list[str]:
    """What this process has open, by path."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            found.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass  # the descriptor listdir itself used
    return sorted(found)


def opened_since(before: list[str]) -> list[str]:
    """Files opened since `before`, less the one descriptor per index file that
    termbase.index.sidecar_header keeps open on purpose (to keep SQLite's locks)."""
    now = open_files()
    for path in before:
        if path in now:
            now.remove(path)
    for path in set(now):
        if path.endswith(".tbindex"):
            now.remove(path)
    return now


@pytest.fixture
def no_cycle_collection():
    """Only reference counting frees objects here, as between two collections."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_writes_and_lookups_do_not_pile_up_open_files(tmp_path, engine, no_cycle_collection):
    tb = Termbase.open(tmp_path / f"tb.{engine}", seed=False)
    tb.add(Concept(subject="x", terms=[Term("pl", "termin 0"), Term("lt", "terminas 0")]))
    tb.lookup("termin")
    before = open_files()
    for i in range(1, 40):
        tb.add(Concept(subject="x", terms=[Term("pl", f"termin {i}"), Term("lt", f"terminas {i}")]))
        assert tb.lookup(f"termin {i}")
    assert opened_since(before) == []


@pytest.mark.parametrize("engine", ["json", "sqlite"])
def test_close_releases_the_files_and_the_termbase_opens_them_again(tmp_path, engine):
    outside = open_files()
    with Termbase.open(tmp_path / f"tb.{engine}", seed=False) as tb:
        tb.add(Concept(subject="x", terms=[Term("pl", "pomoc społeczna")]))
        assert tb.lookup("pomocy społecznej")
    assert opened_since(outside) == []
    assert tb.lookup("pomocy społecznej")   # used again: opened again
    tb.close()
    assert opened_since(outside) == []


def test_a_view_taken_from_an_index_reader_outlives_the_reader(tmp_path):
    """Facets and the memory read through the reader's connection: a write that replaces
    the reader must not close it under them."""
    tb = Termbase.open(tmp_path / "tb.json", seed=False)
    tb.add(Concept(subject="pierwszy", terms=[Term("pl", "termin 0")]))
    facets, memory = tb.index.facets, tb.index.memory
    tb.add(Concept(subject="drugi", terms=[Term("pl", "termin 1")]))
    assert tb.lookup("termin 1")       # the reader was replaced
    assert "pierwszy" in facets.values("subject")
    assert memory.has_language("pl") is False


def test_layers_close_every_layer(tmp_path):
    from termbase import Layers

    team = Termbase.open(tmp_path / "team.json", seed=False)
    team.add(Concept(subject="x", terms=[Term("pl", "asystent rodziny")]))
    team.close()
    outside = open_files()
    project = Termbase.open(tmp_path / "project.sqlite", seed=False)
    with Layers.open(project, [tmp_path / "team.json"]) as layers:
        assert layers.lookup("asystenta rodziny")
    assert opened_since(outside) == []
