"""Property-based fuzzing of everything that reads untrusted text.

* Every registered reader (CSV, TSV, TBX, TBX v2, TMX, XLIFF, XLSX, OmegaT: whichever exist
  in termbase.formats), fed arbitrary bytes or a valid file mutated (bytes flipped, cut,
  duplicated, markup inserted), raises nothing but FormatError, and every record it yields
  is an Entry: a valid concept or segment, or an error message for that record.
* Format detection and the importer (dry run) raise only their documented errors.
* Normalisation (termbase.text.normalize): norm and fold never raise and are idempotent,
  checked exhaustively for every single BMP code point, and with lone surrogates (what
  invalid UTF-8 on stdin becomes).
* Lookup and suggest on arbitrary text: lookup raises only ValidationError; suggest's spans
  are slices of the segment.

CI runs a short profile (about 150 examples per test, the module in well under 30 s). For a
long local run:

    HYPOTHESIS_PROFILE=long python -m pytest tests/test_reliability_fuzz.py

and see tests/fuzz/README.md for the coverage-guided (atheris) fuzzer of the same readers.
"""

from __future__ import annotations

import atexit
import io
import os
import shutil
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from termbase import formats
from termbase.formats.base import Entry, FormatError, ReadOptions
from termbase.model import Concept, Segment, ValidationError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fuzz" / "seeds"

settings.register_profile(
    "reliability-ci", max_examples=150, deadline=None, derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "reliability-long", max_examples=20_000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
PROFILE = settings.get_profile("reliability-long" if LONG else "reliability-ci")
FEW = settings(PROFILE, max_examples=PROFILE.max_examples // 3 or 1)

READERS = [fmt for fmt in formats.available() if fmt.read]
READER_NAMES = [fmt.name for fmt in READERS]
OPTIONS = (ReadOptions(),
           ReadOptions(as_terms=True, source_lang="pl", target_lang="lt", langs=["pl", "lt"],
                       subject="fuzz", source="fuzz"))

_WORKDIR = Path(tempfile.mkdtemp(prefix="termbase-fuzz-"))
atexit.register(shutil.rmtree, _WORKDIR, True)


def _file(data: bytes, suffix: str) -> Path:
    path = _WORKDIR / f"input{suffix}"
    path.write_bytes(data)
    return path


def consume(fmt, path: Path, options: ReadOptions) -> list[Entry]:
    """Read everything; FormatError is the only allowed exception. Check every entry."""
    try:
        entries = list(fmt.read(path, options))
    except FormatError as exc:
        assert str(exc).strip(), "a FormatError without a message"
        return []
    for entry in entries:
        assert isinstance(entry, Entry), entry
        assert isinstance(entry.line, int) and entry.line >= 0, entry
        if entry.item is not None:
            assert entry.error is None, entry
            assert isinstance(entry.item, (Concept, Segment)), entry
            entry.item.validate()            # readers yield only valid records
        else:
            assert (entry.error or entry.warning), entry
            assert isinstance(entry.error or entry.warning, str)
    return entries


def _xlsx_seed() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (["id", "pl", "lt", "en", "status_pl", "forms_pl", "definition_en", "subject"],
                ["c1", "pomoc społeczna", "socialinė parama", "social assistance", "preferred",
                 "pomocy społecznej | pomocą społeczną", "Help.", "social assistance"],
                ["c1", "zapomoga", "pašalpa", None, "admitted", None, None, None],
                ["c2", "gmina", "savivaldybė", 12, None, None, None, None]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _seeds() -> dict[str, bytes]:
    found = {p.name: p.read_bytes() for p in sorted(SEEDS.iterdir()) if p.is_file()}
    found["glossary.xlsx"] = _xlsx_seed()
    return found


SEED_FILES = _seeds()
# Which readers each seed is meant for (by extension), among the readers that exist.
_BY_EXT = {".tbx": ("tbx", "tbx2"), ".tmx": ("tmx",), ".xlf": ("xliff",), ".csv": ("csv",),
           ".tsv": ("tsv",), ".utf8": ("omegat",), ".xlsx": ("xlsx",)}


def readers_for(seed: str):
    names = _BY_EXT.get(Path(seed).suffix, ())
    return [fmt for fmt in READERS if fmt.name in names]


SEED_CASES = [(seed, fmt.name) for seed in SEED_FILES for fmt in readers_for(seed)]
MARKUP = [b"<", b">", b"&", b"&amp;", b"&#0;", b"&#x110000;", b"<x>", b"</tu>", b"<tu>",
          b'<tuv xml:lang="">', b'xml:lang="xx-123"', b"\xff", b"\x00", b"<![CDATA[", b"]]>",
          b"<!--", b"-->", b"<seg/>", b"<term/>", b"<term></term>", b'<langSec xml:lang="pl">',
          b"</termSec>", b"<conceptEntry>", b'id="1 2"', b'"', b"\t", b"\n", b"\r", b"|",
          b",", b";", b"\xef\xbb\xbf", b"<?xml version='1.0'?>", b"<!DOCTYPE x>",
          b'<termNote type="administrativeStatus">bogus</termNote>', b"PK\x03\x04",
          "ą".encode(), "ž".encode("cp1257"), b"\xc5", b"=HYPERLINK(\"x\")",
          b' xmlns="urn:a}b"', b' xmlns:x="u}v"', b"<x:hi>", b' xml:lang="pl"']


@st.composite
def mutated(draw, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate",
                                   "markup"]))
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "truncate":
            del data[at:]
        elif op == "duplicate":
            end = draw(st.integers(at, min(len(data), at + 300)))
            data[at:at] = data[at:end]
        else:
            data[at:at] = draw(st.sampled_from(MARKUP))
    return bytes(data)


# ------------------------------------------------------------------------- readers

@pytest.mark.skipif(not READERS, reason="no readers registered")
@pytest.mark.parametrize("seed, reader", SEED_CASES)
def test_seed_files_are_read_without_errors(seed, reader):
    """The mutation fuzzing starts from files each reader fully accepts."""
    fmt = formats.get(reader)
    path = _file(SEED_FILES[seed], Path(seed).suffix)
    options = OPTIONS[1] if reader == "omegat" else OPTIONS[0]
    entries = consume(fmt, path, options)
    assert [e for e in entries if e.item is not None], f"{seed}: nothing read"
    assert not [e.error for e in entries if e.error], [e.error for e in entries if e.error]


@pytest.mark.parametrize("reader", READER_NAMES)
@FEW
@given(data=st.binary(max_size=2000), options=st.sampled_from(OPTIONS))
def test_reader_on_arbitrary_bytes(reader, data, options):
    fmt = formats.get(reader)
    consume(fmt, _file(data, fmt.extensions[0]), options)


@pytest.mark.parametrize("seed, reader", SEED_CASES)
@PROFILE
@given(data=st.data(), options=st.sampled_from(OPTIONS))
def test_reader_on_a_mutated_valid_file(seed, reader, data, options):
    mutant = data.draw(mutated(SEED_FILES[seed]), label="mutant")
    consume(formats.get(reader), _file(mutant, Path(seed).suffix), options)


HEADER_CELLS = ["pl", "lt", "en", "de", "id", "subject", "note", "source", "sources",
                "definition", "definition_pl", "status_pl", "status_lt", "type_pl", "pos_lt",
                "gender_pl", "region_pl", "forms_pl", "context_en", "pl-LT", "pl_PL", "lt-lt",
                "qq", "xx-YY", "created", "modified", "created_by", "", " pl ", "PL", "Lt",
                "note_pl", "status_pl-LT", "bogus"]
VALUE_CELLS = ["pomoc społeczna", "socialinė parama", "x", "", " ", "preferred", "admitted",
               "deprecated", "forbidden", "bogus", "noun", "feminine", "pl-LT", "pl-PL",
               "a | b", "|", "c1", "c1 c2", "1", "=SUM(A1)", "\u00a0", "ﬁ", "a\u0301",
               "x" * 600, "2024-01-02", "line\nbreak", 'quo"te', "tab\tin", "\u2028",
               "\x07", "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace")]


@st.composite
def grid(draw, delimiter: str) -> bytes:
    header = draw(st.lists(st.sampled_from(HEADER_CELLS), min_size=1, max_size=7))
    rows = draw(st.lists(st.lists(st.sampled_from(VALUE_CELLS), max_size=len(header) + 2),
                         max_size=6))
    quote = draw(st.booleans())

    def cell(value: str) -> str:
        if quote or any(c in value for c in (delimiter, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [delimiter.join(cell(c) for c in row) for row in [header] + rows]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1250", "cp1257"]))
    return "\n".join(lines).encode(encoding, errors="replace")


@pytest.mark.parametrize("reader, delimiter", [("csv", ","), ("tsv", "\t")])
@PROFILE
@given(data=st.data())
def test_delimited_reader_on_generated_tables(reader, delimiter, data):
    if reader not in READER_NAMES:
        pytest.skip(f"no {reader} reader")
    content = data.draw(grid(delimiter), label="file")
    consume(formats.get(reader), _file(content, "." + reader), OPTIONS[0])


@FEW
@given(data=st.binary(max_size=600),
       name=st.sampled_from(["x.tsv", "x.csv", "x.tbx", "x.tmx", "x.xlf", "x.xliff", "x.xlsx",
                             "x.utf8", "x.txt", "x", "x.TBX", "x.json"]))
def test_format_detection_raises_only_format_error(data, name):
    path = _WORKDIR / name
    path.write_bytes(data)
    try:
        fmt = formats.detect(path)
    except FormatError:
        return
    assert fmt.read is not None


@pytest.fixture(scope="module")
def small_termbase(tmp_path_factory):
    from termbase.api import Termbase
    from termbase.model import Term

    tb = Termbase.open(tmp_path_factory.mktemp("fuzz") / "tb.json", seed=False)
    for pl, lt, en in (("pomoc społeczna", "socialinė parama", "social assistance"),
                       ("pracownik socjalny", "socialinis darbuotojas", "social worker"),
                       ("gmina", "savivaldybė", "municipality"),
                       ("ośrodek pomocy społecznej", "socialinės paramos centras", "centre")):
        tb.add(Concept(terms=[Term("pl", pl), Term("lt", lt), Term("en", en)]))
    with tb.store.transaction("memory") as tx:
        tx.add_segment(Segment(texts={"pl": "Gmina udziela pomocy społecznej.",
                                      "lt": "Savivaldybė teikia socialinę paramą."}))
    tb.index  # noqa: B018 - build once
    return tb


@FEW
@given(content=st.one_of(grid("\t"), st.binary(max_size=500)))
def test_import_dry_run_raises_only_documented_errors(small_termbase, content):
    from termbase.importer import ImportRefused

    path = _file(content, ".tsv")
    before = small_termbase.store.path.read_bytes()
    try:
        small_termbase.import_file(path, dry_run=True)
    except (FormatError, ImportRefused):
        pass
    assert small_termbase.store.path.read_bytes() == before


# ------------------------------------------------------------------------- normalisation

def _non_idempotent(function) -> list[str]:
    bad = []
    for code in range(0x10000):
        ch = chr(code)
        once = function(ch)
        if function(once) != once:
            bad.append(f"U+{code:04X} {unicodedata.name(ch, '?')}: {ch!r} -> {once!r} -> "
                       f"{function(once)!r}")
    return bad


def test_norm_is_idempotent_on_every_bmp_code_point():
    from termbase.text.normalize import norm

    bad = _non_idempotent(norm)
    assert not bad, f"{len(bad)} code point(s): " + "; ".join(bad[:10])


def test_fold_is_idempotent_on_every_bmp_code_point():
    from termbase.text.normalize import fold

    bad = _non_idempotent(fold)
    assert not bad, f"{len(bad)} code point(s): " + "; ".join(bad[:10])


any_code_point = st.characters(codec=None, categories=None)   # surrogates included
text_with_surrogates = st.text(
    alphabet=st.one_of(any_code_point, st.sampled_from("\ud800\udcff\udfff \u0301ąŁėŠ")),
    max_size=60)


@PROFILE
@given(text_with_surrogates)
@example("\u0301\r0")   # a mark at the edge hid a space from norm's trim (found by CI)
def test_normalisation_never_raises_even_on_lone_surrogates(text):
    from termbase.text.normalize import fold, folded_tokens, norm, tokenize

    assert norm(norm(text)) == norm(text)
    assert fold(fold(text)) == fold(text)
    for token in tokenize(text):
        assert text[token.start:token.end] == token.text
    folded_tokens(text)


# ------------------------------------------------------------------------- queries

query_text = st.one_of(
    text_with_surrogates,
    st.text(alphabet="pomc społecznagiatrwkjud \t\n\x00\x07\x1b[]-–'’.,", max_size=80))


@PROFILE
@given(query=query_text)
def test_lookup_raises_only_validation_error(small_termbase, query):
    try:
        matches = small_termbase.lookup(query)
    except ValidationError:
        return
    for match in matches:
        assert small_termbase.index.concepts.get(match.concept_id) is not None


@PROFILE
@given(segment=query_text)
def test_suggest_spans_are_slices_of_the_segment(small_termbase, segment):
    from termbase.suggest import suggest

    result = suggest(small_termbase.index, segment, "pl", "lt")
    for hit in result["terms"]:
        assert 0 <= hit["start"] < hit["end"] <= len(segment)
        assert segment[hit["start"]:hit["end"]] == hit["text"]
