"""Issue 16, point 8: a language the termbase lacks, the dry run's wording, check's --json
help, and the memory source shown whole on a terminal."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from termbase.cli import output, render
from termbase.index.memory import diff_pieces


@pytest.mark.parametrize("args", [
    ["lookup", "gmina", "--to", "de"],
    ["suggest", "--from", "pl", "--to", "de", "Gmina zapewnia pomoc."],
    ["suggest", "--from", "de", "--to", "lt", "Die Gemeinde hilft."],
])
def test_a_language_the_termbase_lacks_is_one_clear_error(run_cli, shipped, args):
    result = run_cli(*args, "--db", shipped.store.location)
    assert result.code == 1 and result.out == ""
    assert "the termbase has no de terms (its languages: en, lt, pl)" in result.err
    assert result.err.strip().count("\n") == 0


def test_a_language_of_the_memory_only_is_held_for_suggestions(empty, tmp_path):
    from termbase import ConceptEdit, InvalidInput

    empty.add(ConceptEdit(terms=[("pl", "pomoc społeczna"), ("lt", "socialinė parama")]))
    empty.import_file(tmx(tmp_path / "de.tmx", [("Pomoc społeczna działa.",
                                                 "Die Sozialhilfe wirkt.")], target="de"))
    result = empty.suggest("Pomoc społeczna działa.", "pl", "de")
    assert [m.target for m in result.memory] == ["Die Sozialhilfe wirkt."]
    with pytest.raises(InvalidInput, match="no de terms"):
        empty.suggest("Pomoc społeczna działa.", "pl", "de", memory=0)


def test_an_empty_termbase_is_not_refused_a_language(empty):
    assert empty.suggest("Gmina zapewnia pomoc.", "pl", "lt").terms == []


def tmx(path, pairs, target="lt"):
    units = "".join(f'<tu><tuv xml:lang="pl"><seg>{pl}</seg></tuv>'
                    f'<tuv xml:lang="{target}"><seg>{other}</seg></tuv></tu>'
                    for pl, other in pairs)
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="pl" '
        'datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" '
        f'creationtool="t" creationtoolversion="1"/><body>{units}</body></tmx>',
        encoding="utf-8")
    return path


def test_dry_run_says_what_would_be_added(run_cli, tmp_path):
    path = tmx(tmp_path / "tm.tmx", [("Pomoc społeczna działa.", "Socialinė parama veikia.")])
    result = run_cli("import", str(path), "--dry-run")
    assert result.code == 0, result.err
    assert "memory: 1 segments would be added" in result.out
    assert "dry run: nothing was changed" in result.out
    assert "segments added" not in result.out


def test_check_json_has_a_help_text(run_cli):
    result = run_cli("check", "--help")
    assert "print the report as one JSON object" in " ".join(result.out.split())


def test_memory_source_keeps_its_punctuation_on_a_terminal(with_stored_memory, monkeypatch):
    tb, source = with_stored_memory
    buffer = io.StringIO()
    monkeypatch.setattr(output, "_console", Console(file=buffer, force_terminal=True,
                                                    color_system=None, width=120))
    monkeypatch.setattr(render, "is_tty", lambda: True)
    render.show_suggestion(tb.suggest("Pomoc społeczna, jak wiadomo, działa dobrze!", "pl", "lt"))
    assert source in buffer.getvalue()  # final "." and the comma kept, as stored


@pytest.fixture
def with_stored_memory(empty, tmp_path):
    source = "Pomoc społeczna, jak wiadomo, działa."
    empty.import_file(tmx(tmp_path / "tm.tmx",
                          [(source, "Socialinė parama, kaip žinoma, veikia.")]))
    return empty, source


@given(st.text(alphabet=st.sampled_from(list("abć ,.;!?-\n\tęź")), max_size=40),
       st.text(alphabet=st.sampled_from(list("abć ,.;!?-ęź")), max_size=40))
def test_the_pieces_of_a_memory_source_are_the_whole_source(query, candidate):
    assert "".join(piece for piece, _ in diff_pieces(query, candidate)) == candidate
