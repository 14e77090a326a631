"""Defects a translator found by trying to break `termbase extract` and `termbase align`
from the command line: each test is one reproduction on real Polish and Lithuanian text."""

import sys
import unicodedata

import pytest
from hypothesis import given, strategies as st

from termbase.text.normalize import tokenize
from termbase.text.running import as_words

POLISH = ("Ośrodek pomocy społecznej przyznał zasiłek stały osobie niepełnosprawnej.\n"
          "Pracownik socjalny ośrodka pomocy społecznej przeprowadził wywiad środowiskowy.\n"
          "Zasiłek stały jest świadczeniem z pomocy społecznej.\n")
LITHUANIAN = ("Socialinė parama teikiama nepasiturintiems gyventojams.\n"
              "Socialinės rizikos šeima gauna socialines paslaugas savivaldybėje.\n")
PAIRS = [("Pomoc społeczna jest udzielana rodzinie.", "Socialinė parama teikiama šeimai."),
         ("Rodzina otrzymuje pomoc społeczną.", "Šeima gauna socialinę paramą."),
         ("Pomoc społeczna obejmuje usługi socjalne.", "Socialinė parama apima socialines "
          "paslaugas.")]


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def tmx(pairs) -> str:
    units = "".join(f'<tu><tuv xml:lang="pl"><seg>{s}</seg></tuv>'
                    f'<tuv xml:lang="lt"><seg>{t}</seg></tuv></tu>\n' for s, t in pairs)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
            'creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
            'adminlang="en" srclang="pl" datatype="plaintext"/><body>\n' + units
            + "</body></tmx>\n")


def terms(tb, path, lang="pl"):
    return [c.term for c in tb.extract([path], lang, top=None).candidates]


# -- text pasted from Word or a PDF: decomposed letters, invisible characters in words ----
def test_decomposed_text_gives_the_candidates_of_composed_text(shipped, tmp_path):
    composed = terms(shipped, write(tmp_path, "nfc.txt", POLISH))
    decomposed = terms(shipped, write(tmp_path, "nfd.txt",
                                      unicodedata.normalize("NFD", POLISH)))
    assert "ośrodek pomocy społecznej" in composed
    assert decomposed == composed


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200d"])
def test_an_invisible_character_inside_a_word_does_not_split_it(shipped, tmp_path, invisible):
    text = POLISH.replace("społecznej", f"spo{invisible}łecznej")
    assert terms(shipped, write(tmp_path, "word.txt", text)) == terms(
        shipped, write(tmp_path, "plain.txt", POLISH))


@given(st.text(alphabet=st.sampled_from("ąęłńóśźżaeio ėųūščž\u0328\u0307\u00ad\u200b\u200d"),
               max_size=40))
def test_as_words_composes_and_leaves_no_word_splitting_character(text):
    cleaned = as_words(text)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert not set(cleaned) & {"\u00ad", "\u200b", "\u200d"}
    assert as_words(cleaned) == cleaned
    assert len(tokenize(cleaned)) <= len(tokenize(text)) + 1


def test_align_reads_decomposed_segments_as_composed(shipped, tmp_path):
    plain = shipped.align([write(tmp_path, "a.tmx", tmx(PAIRS * 2))], "pl", "lt", min_cooc=1)
    nfd = shipped.align([write(tmp_path, "nfd.tmx", unicodedata.normalize("NFD", tmx(
        PAIRS * 2)))], "pl", "lt", min_cooc=1)
    assert [(p.source, p.target) for p in nfd.proposals] == [
        (p.source, p.target) for p in plain.proposals]


@given(st.lists(st.sampled_from(["Pomoc społeczna.", "Zasiłek stały!", "ośrodek", "a;",
                                  "…", "  ", "\t", "x" * 50]), max_size=2000))
def test_a_long_line_is_cut_only_between_sentences_and_loses_no_word(words):
    from termbase.text.running import _SENTENCE_END, LONG_LINE, PIECE, pieces

    line = " ".join(words)
    cut = pieces(line)
    assert [t.text for t in tokenize(" ".join(cut))] == [t.text for t in tokenize(line)]
    assert len(cut) == 1 or len(line) >= LONG_LINE
    # only a stretch with no sentence end as long as a long line is cut inside (see
    # test_break_wave13)
    if max(len(s) for s in _SENTENCE_END.split(line)) < LONG_LINE - PIECE:
        assert all(piece[-1] in ".!?…;" for piece in cut[:-1])


def test_a_document_on_one_line_gives_the_candidates_of_the_same_with_line_breaks(
        shipped, tmp_path):
    """A PDF saved without line breaks: counting took time growing with the line's square."""
    text = POLISH.replace("\n", " ") * 200
    one = shipped.extract([write(tmp_path, "one.txt", text)], "pl", top=None)
    many = shipped.extract([write(tmp_path, "many.txt", text.replace(". ", ".\n"))], "pl",
                           top=None)
    assert len(text) > 20_000
    assert [(c.term, c.freq) for c in one.candidates] == [
        (c.term, c.freq) for c in many.candidates]
    assert {c.contexts[0].line for c in one.candidates} == {1}


# -- the review sheet ----------------------------------------------------------------------
def test_review_sheet_is_never_written_over_an_input_text(run_cli, tmp_path):
    job = write(tmp_path, "job.txt", POLISH)
    result = run_cli("extract", "--lang", "pl", "--tsv", job, job)
    assert result.code == 2 and "one of the input files" in result.err
    assert job.read_text(encoding="utf-8") == POLISH


def test_review_sheet_on_standard_output_is_only_the_sheet(run_cli, tmp_path):
    result = run_cli("extract", "--lang", "pl", "--top", "3", "--tsv", "-",
                     write(tmp_path, "job.txt", POLISH))
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith("add\tterm\t") and len(lines) == 4
    assert all(line.count("\t") == lines[0].count("\t") for line in lines)
    assert "wrote 3 candidates" in result.err


def test_add_with_standard_input_closed_says_so(run_cli, tmp_path, monkeypatch):
    job = write(tmp_path, "job.txt", POLISH)
    monkeypatch.setattr(sys, "stdin", None)
    from termbase.cli import main

    assert main(["extract", "--lang", "pl", "--top", "3", "--add", str(job)]) == 2


def test_align_review_sheet_cells_are_never_run_as_formulas(shipped, tmp_path):
    """A dash of a list or a phone number's "+" opened the example segments as formulas."""
    from termbase.formats.cells import unguard

    listed = [("- " + s, "- " + t) for s, t in PAIRS] + [("+48 " + s, "=" + t) for s, t in PAIRS]
    result = shipped.align([write(tmp_path, "src.txt", "\n".join(s for s, _ in listed)),
                            write(tmp_path, "tgt.txt", "\n".join(t for _, t in listed))],
                           "pl", "lt", min_cooc=1)
    shipped.write_review(result, tmp_path / "review.tsv")
    rows = [line.split("\t") for line in
            (tmp_path / "review.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    segments = [cell for row in rows for cell in row[-2:]]
    assert segments and all(cell[:1] not in "=+-@" for cell in segments)
    assert {unguard(cell) for cell in segments} <= {text for pair in listed for text in pair}


@pytest.mark.parametrize("output", [[], ["--json"]])
def test_standard_output_closed_is_no_internal_error(tmp_path, output):
    """`termbase extract ... >&-`: Python gives no stdout at all; JSON output crashed."""
    import os
    import subprocess

    from conftest import ROOT

    job = write(tmp_path, "job.txt", POLISH)
    env = dict(os.environ, PYTHONPATH=str(ROOT), TERMBASE_DB=str(tmp_path / "tb.json"),
               TERMBASE_CONFIG=str(tmp_path / "none.toml"))
    proc = subprocess.run([sys.executable, "-m", "termbase", "extract", "--lang", "pl",
                           "--top", "2", *output, str(job)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
                          preexec_fn=lambda: os.close(1))
    assert proc.returncode == 0, proc.stderr
    assert "internal error" not in proc.stderr


@pytest.mark.parametrize("columns", [40, 80])
def test_align_on_a_narrow_terminal_fits_and_keeps_the_terms_whole(run_cli, tmp_path,
                                                                    monkeypatch, columns):
    """An eight-column table in 40 columns showed "p…" for the term, two letters a line."""
    from termbase.cli import texts

    monkeypatch.setattr(texts, "is_tty", lambda: True)
    result = run_cli("align", "--from", "pl", "--to", "lt", "--min-cooc", "1",
                     write(tmp_path, "job.tmx", tmx(PAIRS * 2)), env={"COLUMNS": str(columns)})
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines and all(len(line) <= columns for line in lines)
    assert "pomoc społeczna = socialinė" in " ".join(" ".join(lines).split())


# -- counts ----------------------------------------------------------------------------------
def test_total_is_the_number_of_candidates_when_all_were_shown(shipped, tmp_path):
    """Lithuanian text read as Polish makes no Polish phrase: "0 of 37" was shown."""
    result = shipped.extract([write(tmp_path, "lt.txt", LITHUANIAN)], "pl", top=50)
    assert result.candidates_total == len(result.candidates)
    polish = shipped.extract([write(tmp_path, "pl.txt", POLISH)], "pl", top=1000)
    assert polish.candidates_total == len(polish.candidates) > 0


# -- align inputs --------------------------------------------------------------------------
def test_align_one_plain_text_file_asks_for_the_right_input(run_cli, tmp_path):
    result = run_cli("align", "--from", "pl", "--to", "lt",
                     write(tmp_path, "src.txt", POLISH))
    assert result.code == 1 and "src.txt is plain text" in result.err
    assert "XML" not in result.err


def test_align_refuses_two_tmx_files_as_line_aligned_text(run_cli, tmp_path):
    first = write(tmp_path, "a.tmx", tmx(PAIRS))
    second = write(tmp_path, "b.tmx", tmx(PAIRS))
    result = run_cli("align", "--from", "pl", "--to", "lt", first, second)
    assert result.code == 1 and "a.tmx is TMX/XLIFF" in result.err


def test_align_refuses_one_text_as_its_own_translation(run_cli, tmp_path):
    src = write(tmp_path, "src.txt", POLISH)
    result = run_cli("align", "--from", "pl", "--to", "lt", src, src)
    assert result.code == 1 and "same file" in result.err


def test_align_malformed_tmx_names_the_file(run_cli, tmp_path):
    broken = write(tmp_path, "job.tmx", tmx(PAIRS)[:-40])
    result = run_cli("align", "--from", "pl", "--to", "lt", broken)
    assert result.code == 1 and "job.tmx" in result.err and "malformed XML" in result.err


# -- defects found inside termbase/extraction (fixed since) -------------------------------
def test_a_word_hyphenated_at_a_line_end_is_one_word(shipped, tmp_path):
    text = POLISH.replace("społecznej przyznał", "społecz-\nnej przyznał")
    found = {c.term: c.freq for c in shipped.extract([write(tmp_path, "pdf.txt", text)], "pl",
                                                      top=None).candidates}
    assert "nej" not in found and found["ośrodek pomocy społecznej"] == 2


def test_one_word_candidates_of_an_all_caps_text_are_in_base_form(shipped, tmp_path):
    result = shipped.extract([write(tmp_path, "caps.txt", POLISH.upper())], "pl", top=None)
    singles = {c.lemmas[0]: c.term for c in result.candidates if len(c.lemmas) == 1}
    assert {"pomoc", "osoba", "świadczenie"} <= set(singles)
    assert all(term.lower() == lemma for lemma, term in singles.items())
