"""User text on a terminal (issue 13, points 9 and 10): invisible-only terms refused, bidi
controls warned about, every control or invisible character shown escaped, and rich markup
in user text never interpreted (no MarkupError, no injected hyperlink)."""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import given, strategies as st

from termbase import Termbase
from termbase.cli import main
from termbase.model import Concept, Term, ValidationError

HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
MARKUP = ["[/]", "[/b]", "[link=http://x]"]


@pytest.fixture
def tb(db_path, monkeypatch):
    monkeypatch.setenv("TERMBASE_SEED", "0")
    return Termbase.open(db_path, seed=False)


def stdout_of(capsys, *args: str, code: int = 0) -> str:
    assert main(list(args)) == code
    captured = capsys.readouterr()
    assert code or not captured.err, captured.err
    return captured.out if not code else captured.err


def assert_nothing_hidden(text: str) -> None:
    hidden = [f"U+{ord(ch):04X}" for ch in text
              if unicodedata.category(ch) in HIDDEN_CATEGORIES and ch != "\n"]
    assert not hidden, f"raw control/invisible characters {hidden} in {text!r}"


# ------------------------------------------------------------------ the one helper

@given(st.text())
def test_for_terminal_leaves_nothing_invisible_and_keeps_visible_text(text):
    from termbase.text.display import for_terminal

    shown = for_terminal(text)
    assert not any(unicodedata.category(ch) in HIDDEN_CATEGORIES for ch in shown)
    if not any(unicodedata.category(ch) in HIDDEN_CATEGORIES for ch in text) and \
            "\u034f" not in text and not any("\ufe00" <= ch <= "\ufe0f" for ch in text):
        assert shown == text


# ------------------------------------------------------------- 9: invisible characters

@pytest.mark.parametrize("term", ["\u200b", "\u034f\u200c", "\u2060\ufeff", " \u200d "])
def test_a_term_made_only_of_invisible_characters_is_refused(tb, term):
    with pytest.raises(ValidationError, match="invisible"):
        tb.add(Concept(terms=[Term("pl", term)]))


def test_add_refuses_an_invisible_term_in_one_line(tb, capsys):
    err = stdout_of(capsys, "add", "--pl", "\u200b", "--lt", "\u034f\u200c", code=1)
    assert len(err.splitlines()) == 1 and "invisible" in err
    assert_nothing_hidden(err)


def test_import_refuses_invisible_terms_by_line(tb, tmp_path, capsys):
    data = tmp_path / "in.tsv"
    data.write_text("pl\tlt\ngmina\tsavivaldybė\n\u200b\u200c\tpusė\n", encoding="utf-8")
    err = stdout_of(capsys, "import", str(data), code=1)
    assert "line 3" in err and "invisible" in err
    assert tb.stats().concepts == 0


def test_zero_width_inside_a_term_is_kept_and_shown_escaped(tb, capsys):
    concept = tb.add(Concept(terms=[Term("pl", "gmi\u200bna"), Term("lt", "savivaldybė")]))
    assert tb.get(concept.id).terms[0].text == "gmi\u200bna"     # kept as written
    out = stdout_of(capsys, "show", concept.id)
    assert "gmi\\u200bna" in out
    assert_nothing_hidden(out)
    out = stdout_of(capsys, "lookup", "gmi\u200bna")
    assert "gmi\\u200bna" in out
    assert_nothing_hidden(out)


def test_bidi_controls_are_kept_but_warned_about_on_import(tb, tmp_path, capsys):
    data = tmp_path / "in.tsv"
    data.write_text("pl\tlt\n\u202egmina\u202c\tsavivaldyb\u2066ė\u2069\n", encoding="utf-8")
    out = stdout_of(capsys, "import", str(data))
    assert "\\u202e" in out and "\\u2066" in out and "line 2" in out
    assert_nothing_hidden(out)
    stored = {t.text for c in tb.concepts() for t in c.terms}
    assert "\u202egmina\u202c" in stored


def test_escape_sequences_in_user_and_file_names_are_shown_escaped(tb, tmp_path, capsys,
                                                                    monkeypatch):
    monkeypatch.setenv("TERMBASE_USER", "ewa\x1b[2J\x1b]8;;http://x\x07")
    data = tmp_path / "plik\x1b[31m.tsv"
    data.write_text("pl\tlt\ngmina\tsavivaldybė\n", encoding="utf-8")
    stdout_of(capsys, "import", str(data))
    out = stdout_of(capsys, "history")
    assert "\\x1b[2J" in out and "plik\\x1b[31m.tsv" in out
    assert_nothing_hidden(out)
    concept = list(tb.concepts())[0]
    out = stdout_of(capsys, "show", concept.id)
    assert "ewa\\x1b" in out
    assert_nothing_hidden(out)


# ---------------------------------------------------------------------- 10: rich markup

@pytest.fixture
def terminal(monkeypatch):
    """Output as on a colour terminal, captured: every command takes its rich path."""
    from rich.console import Console

    from termbase.cli import data, output, render, texts

    buffer = io.StringIO()
    monkeypatch.setattr(output, "_console", Console(file=buffer, force_terminal=True,
                                                    color_system="truecolor", width=160,
                                                    highlight=False, soft_wrap=False))
    for module in (output, render, texts, data):
        monkeypatch.setattr(module, "is_tty", lambda: True)
    return buffer


@pytest.fixture
def marked_up(tb):
    tb.add(Concept(subject="[/] :smile:", note="uwaga [/b] [link=http://x]tutaj[/link]", terms=[
        Term("pl", "opieka [/b] domowa"), Term("lt", "namų [link=http://x]priežiūra[/]"),
        Term("en", "home care [/]", note="[/b]")]))
    return tb


def assert_literal_markup(rendered: str) -> None:
    assert "\x1b]8;" not in rendered, "a hyperlink was injected"
    assert "😄" not in rendered, "an emoji code was replaced"
    for tag in MARKUP:
        assert tag in rendered, f"{tag} lost from {rendered!r}"


def test_lookup_shows_markup_in_a_query_and_in_terms_literally(marked_up, terminal, capsys):
    assert main(["lookup", "zzzq[/]"]) == 0
    assert "zzzq[/]" in terminal.getvalue()
    assert main(["lookup", "opieka [/b] domowa"]) == 0
    assert_literal_markup(terminal.getvalue())
    assert ":smile:" in terminal.getvalue()
    assert not capsys.readouterr().err


def test_suggest_shows_markup_in_stored_terms_literally(marked_up, terminal, capsys):
    assert main(["suggest", "--from", "pl", "--to", "lt",
                 "Gmina zapewnia opieka [/b] domowa dla seniorów [link=http://x]."]) == 0
    rendered = terminal.getvalue()
    assert "opieka [/b] domowa" in rendered
    assert "[link=http://x]" in rendered and "\x1b]8;" not in rendered
    assert not capsys.readouterr().err


def test_shell_survives_markup_in_input_and_in_terms(marked_up, terminal, capsys):
    from termbase.cli.shell import Shell

    shell = Shell(marked_up, "pl", "lt")
    assert shell.handle("zzzq[/]")
    assert shell.handle("opieka [/b] domowa")
    assert shell.handle(">Gmina zapewnia opieka [/b] domowa dla seniorów i [link=http://x].")
    rendered = terminal.getvalue()
    assert "zzzq[/]" in rendered
    assert_literal_markup(rendered)


def test_import_report_table_shows_markup_in_names_and_conflicts(marked_up, terminal,
                                                                 tmp_path):
    data = tmp_path / "a[link=x]b[b].tsv"
    data.write_text("pl\tlt\nopieka [/b] domowa\tkita [/] [link=http://x]\n",
                    encoding="utf-8")
    assert main(["import", str(data)]) == 0
    rendered = terminal.getvalue()
    assert "a[link=x]b[b].tsv" in rendered and "kita [/] [link=http://x]" in rendered
    assert "\x1b]8;" not in rendered


def test_a_progress_bar_shows_a_file_name_with_markup_literally(monkeypatch):
    from rich.console import Console

    from termbase.cli import output

    buffer = io.StringIO()
    monkeypatch.setattr(output.sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(output, "error_console",
                        lambda: Console(file=buffer, force_terminal=True, width=120))
    with output.progress_bar("importing a[/]b[link=http://x]\x1b[2J.tsv", 10, True) as bar:
        bar.update(5)
    rendered = buffer.getvalue()
    assert "a[/]b[link=http://x]" in rendered and "\\x1b[2J" in rendered
    assert "\x1b]8;" not in rendered
