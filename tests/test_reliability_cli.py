"""Hostile command-line input: control characters, 100k-character queries and segments,
empty input and invalid UTF-8 (on stdin and in arguments) get a clear answer in bounded
time, never a crash, a traceback or raw control characters echoed to the terminal.

(tests/test_cli.py already covers: a 100k-character `lookup`, an empty `lookup`, `add` with
a control character, invalid UTF-8 on `suggest -`. This module covers the rest, above all
the interactive `shell`.)

Python decodes standard input and arguments with `surrogateescape` under the C/POSIX
locale and strictly under a UTF-8 locale such as pl_PL.UTF-8; both are tried, the strict one
by PYTHONIOENCODING=utf-8:strict.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLI = str(ROOT / "cli.py")
LOCALES = {"C locale": {}, "UTF-8 locale": {"PYTHONIOENCODING": "utf-8:strict"}}
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
BOUND_S = 20


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A small store with its index cache built (the shell then starts quickly)."""
    from termbase import Termbase
    from termbase.model import Concept, Segment, Term

    db = tmp_path_factory.mktemp("cli") / "tb.json"
    tb = Termbase.open(db, seed=False)
    tb.add(Concept(terms=[Term("pl", "pomoc społeczna"), Term("lt", "socialinė parama"),
                          Term("en", "social assistance")]))
    tb.add(Concept(terms=[Term("pl", "gmina"), Term("lt", "savivaldybė"),
                          Term("en", "municipality")]))
    with tb.store.transaction("memory") as tx:
        tx.add_segment(Segment(texts={"pl": "Gmina udziela pomocy społecznej.",
                                      "lt": "Savivaldybė teikia socialinę paramą."}))
    tb.rebuild_index()
    return db


def run(store: Path, *args, input: bytes = b"", env: dict | None = None,
        timeout: float = BOUND_S):
    full = dict(os.environ, TERMBASE_DB=str(store), PYTHONPATH=str(ROOT), NO_COLOR="1",
                TERMBASE_SEED="0", HOME=str(store.parent))
    full.update(env or {})
    start = time.monotonic()
    proc = subprocess.run([sys.executable, CLI, *args], input=input, capture_output=True,
                          env=full, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"), \
        time.monotonic() - start


def assert_no_crash(code, err, what):
    assert "Traceback" not in err, f"{what}: {err[-1500:]}"
    assert "internal error" not in err, f"{what}: {err.strip()}"
    if code != 0:
        assert code in (1, 2) and len(err.splitlines()) == 1, f"{what}: exit {code}: {err!r}"


# ------------------------------------------------------------------------- shell

@pytest.mark.parametrize("locale", LOCALES)
def test_shell_answers_around_a_line_of_invalid_utf8(store, locale):
    """One bad line (pasted from a file in another encoding) must not end the session or
    swallow the answers to the good lines; the shell says what is wrong with it."""
    stdin = b"gmina\npomoc spo\xb3eczna \xff\xfe\npomoc spo\xc5\n\nsavivaldyb\xeb\ngmina\n"
    code, out, err, _ = run(store, "shell", "--from", "pl", "--to", "lt", input=stdin,
                            env=LOCALES[locale])
    text = out.decode("utf-8", "replace")
    assert code == 0 and "Traceback" not in err, f"exit {code}: {err.strip()}"
    assert text.count("gmina [pl]") == 2, f"the good lines were not both answered:\n{text}"
    assert "UTF-8" in text + err, f"the bad lines got no clear answer:\n{text}"
    assert "\\udc" not in text, f"surrogate escapes shown to the user:\n{text}"


def test_shell_never_echoes_raw_control_characters(store):
    """Control characters in a lookup or a segment: an error line like `suggest` gives
    ("contains control characters"), never the raw bytes (ESC [2J clears the screen)."""
    stdin = ("po\x07moc\n"
             "to jest pomoc społeczna \x1b[2J dla gminy\n"
             "\x1b]0;pwned\x07gmina\n"
             "gmina\n").encode("utf-8")
    code, out, err, _ = run(store, "shell", "--from", "pl", "--to", "lt", input=stdin)
    text = out.decode("utf-8", "replace")
    assert code == 0 and "Traceback" not in err, err
    raw = sorted({repr(c) for c in RAW_CONTROL.findall(text)})
    assert not raw, f"raw control characters in the output {raw}:\n{text!r}"
    assert text.rstrip().endswith("lt: savivaldybė"), f"the last line was not answered:\n{text}"


def test_shell_with_a_100k_character_line_answers_in_bounded_time(store):
    long_word = "a" * 100_000
    long_segment = "Gmina udziela pomocy społecznej. " * 3_000          # ~100k characters
    stdin = f"{long_word}\n{long_segment}\ngmina\n".encode("utf-8")
    code, out, err, seconds = run(store, "shell", "--from", "pl", "--to", "lt", input=stdin)
    assert code == 0, err
    assert_no_crash(code, err, "shell with 100k lines")
    text = out.decode("utf-8")
    assert "too long" in text, "the 100k-character word got no clear answer"
    assert text.rstrip().endswith("lt: savivaldybė")
    assert seconds < BOUND_S


def test_shell_ignores_empty_and_blank_lines(store):
    code, out, err, _ = run(store, "shell", "--from", "pl", "--to", "lt",
                            input=b"\n   \n\t\n\r\n?\n>\ngmina\n")
    assert code == 0 and "Traceback" not in err, err
    assert out.decode().rstrip().endswith("lt: savivaldybė")


def test_shell_with_no_input_at_all(store):
    code, out, err, _ = run(store, "shell", "--from", "pl", "--to", "lt", input=b"")
    assert code == 0 and err == "", err


# ------------------------------------------------------------------------- suggest

@pytest.mark.parametrize("segment", [
    pytest.param("pomoc społeczna " * 6_250, id="100k chars, 12,500 term hits"),
    pytest.param("a" * 100_000, id="one 100k-char token"),
    pytest.param("ą " * 50_000, id="50k one-letter tokens"),
    pytest.param("pomocy" + "-" * 99_990 + "gmina", id="punctuation run"),
    pytest.param("żółć" * 25_000, id="100k chars of diacritics, no space"),
])
def test_suggest_with_a_100k_character_segment_is_bounded(store, segment):
    code, out, err, seconds = run(store, "suggest", "--from", "pl", "--to", "lt", "--json", "-",
                                  input=segment.encode("utf-8"))
    assert_no_crash(code, err, "suggest 100k")
    assert seconds < BOUND_S, f"{seconds:.1f} s"
    if code == 0:
        result = json.loads(out)
        for hit in result["terms"]:
            assert segment[hit["start"]:hit["end"]] == hit["text"]


def test_suggest_many_segments_on_stdin_with_one_bad_one(store):
    """A control character in one segment of many: one clear error, not a traceback."""
    stdin = "Gmina udziela pomocy.\nPomoc\x1b[31m społeczna\nGmina.\n".encode()
    code, out, err, _ = run(store, "suggest", "--from", "pl", "--to", "lt", "-", input=stdin)
    assert_no_crash(code, err, "suggest with a bad segment")
    assert not RAW_CONTROL.findall(out.decode("utf-8", "replace"))


@pytest.mark.parametrize("args", [["suggest", "--from", "pl", "--to", "lt", ""],
                                  ["suggest", "--from", "pl", "--to", "lt", "-"],
                                  ["concordance", "--lang", "pl", ""],
                                  ["concordance", "--lang", "pl", " \t "]])
def test_empty_input_gets_an_answer(store, args):
    code, out, err, _ = run(store, *args, input=b"")
    assert_no_crash(code, err, " ".join(args))


# ------------------------------------------------------------------------- arguments

@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("command", [
    ["lookup", "--json", b"pomoc spo\xb3eczna"],
    ["suggest", "--from", "pl", "--to", "lt", "--json", b"Gmina udziela pomocy \xff."],
    ["concordance", "--lang", "pl", "--json", b"pomoc\xff"],
], ids=["lookup", "suggest", "concordance"])
def test_invalid_utf8_in_an_argument_gives_valid_json_or_one_error_line(store, locale, command):
    """`--json` output is for scripts: it must be valid UTF-8 JSON, or nothing at all with
    one error line (exit 1) saying the argument is not valid UTF-8."""
    args = [a if isinstance(a, bytes) else a.encode() for a in command]
    full = dict(os.environ, TERMBASE_DB=str(store), PYTHONPATH=str(ROOT), NO_COLOR="1",
                TERMBASE_SEED="0", **LOCALES[locale])
    proc = subprocess.run([sys.executable.encode(), CLI.encode(), *args], capture_output=True,
                          env=full, timeout=BOUND_S)
    err = proc.stderr.decode("utf-8", "replace")
    assert_no_crash(proc.returncode, err, command[0])
    if proc.returncode == 0:
        try:
            json.loads(proc.stdout.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            pytest.fail(f"--json printed invalid output ({exc}): {proc.stdout[:120]!r}")
    else:
        assert proc.stdout == b"", f"partial output before the error: {proc.stdout[:120]!r}"
        assert "UTF-8" in err, f"the error does not say what is wrong: {err.strip()}"


def test_lookup_with_control_characters_prints_none_of_them(store):
    code, out, err, _ = run(store, "lookup", "po\x1b[2Jmoc\x07")
    assert_no_crash(code, err, "lookup with control characters")
    assert not RAW_CONTROL.findall(out.decode("utf-8", "replace")), out


def test_import_through_a_pipe_does_not_lose_the_header(store, tmp_path):
    """`termbase import <(iconv ... terms.tsv)`: the file is a pipe, readable once. Sniffing
    its format must not eat its first 4 KB; either it imports, or it says clearly that a
    pipe needs --format (or a regular file), and changes nothing."""
    import shutil

    db = tmp_path / "tb.json"
    shutil.copy2(store, db)
    before = db.read_bytes()
    read_fd, write_fd = os.pipe()
    content = b"pl\tlt\nopiekun prawny\tglob\xc4\x97jas\n"
    env = dict(os.environ, TERMBASE_DB=str(db), PYTHONPATH=str(ROOT), TERMBASE_SEED="0")
    proc = subprocess.Popen([sys.executable, CLI, "import", f"/dev/fd/{read_fd}"],
                            pass_fds=(read_fd,), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    os.close(read_fd)
    os.write(write_fd, content)
    os.close(write_fd)
    out, err = proc.communicate(timeout=BOUND_S)
    assert_no_crash(proc.returncode, err, "import from a pipe")
    if proc.returncode == 0:
        from termbase.store import Store

        texts = {t.text for c in Store(db).concepts() for t in c.terms}
        assert {"opiekun prawny", "globėjas"} <= texts
    else:
        assert db.read_bytes() == before
        assert "empty" not in err, f"the pipe was not empty; the message misleads: {err.strip()}"
