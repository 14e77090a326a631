"""Hostile and broken input files: every one is refused cleanly, and the store is untouched.

For each file of the corpus in tests/hostile/ (small files, committed) and each file that
tests/hostile/make_big.py generates at test time (50 MB lines, 100k columns, damaged
workbooks, a zip bomb), `termbase import FILE` must:

* exit with status 1 within 30 s, under a 2 GB address-space limit (RLIMIT_AS);
* print exactly one line on stderr (a refused import may follow its summary line with its
  documented "  line N: ..." listing), no traceback, no "internal error", no line longer
  than 1000 characters, and nothing read through an external entity (/etc/passwd);
* leave the store and its backup byte-for-byte unchanged (sha256), and no temporary files.

`termbase check FILE --from pl --to lt` gets the same treatment for the XML files.

Every case runs the real command in its own subprocess, on its own copy of the store. To
keep the module fast the subprocesses of all selected cases are started together (a few at a
time) by one fixture; each test then asserts on its own case's result, so a failure names
exactly one file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from storefiles import copy_store, selected_params

# Kills, races and hostile files in subprocesses: minutes, not seconds. Run by default
# and in CI; `-m "not slow"` leaves the module out of a quick local run.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "hostile"
TIMEOUT_S = 30
MEMORY_LIMIT = 2 << 30          # 2 GB of address space
MAX_LINE = 1000                 # an error line longer than this is not "clear"
XML_EXTS = (".tbx", ".tmx", ".xlf")
PARALLEL = 3


def _load_generator():
    import importlib.util

    spec = importlib.util.spec_from_file_location("hostile_make_big", HOSTILE / "make_big.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_big = _load_generator()


# The limit is set by the child itself before it runs the CLI: a `preexec_fn` runs Python
# between fork and exec, which can deadlock when other threads (this file runs several
# commands at once from a thread pool) held a lock at the fork (it hung a full run here).
LIMITED_CLI = ("import resource, runpy, sys; "
               f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT})); "
               "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')")


def run_limited(args, db: Path, timeout: float = TIMEOUT_S, env: dict | None = None):
    """Run the real CLI under the memory limit; returns (code, stdout, stderr, seconds).
    A run that exceeds `timeout` is killed and reported with code None."""
    full_env = dict(os.environ, TERMBASE_DB=str(db), PYTHONPATH=str(ROOT), NO_COLOR="1",
                    TERMBASE_SEED="0")
    full_env.update(env or {})
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", LIMITED_CLI, str(ROOT / "cli.py"),
                             *map(str, args)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=full_env)
    try:
        out, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        code = None
    return (code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
            time.monotonic() - start)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "(absent)"


def assert_clean_refusal(code, out, err, seconds, what):
    assert code is not None, f"{what}: still running after {seconds:.0f} s (killed)"
    assert code == 1, f"{what}: exit {code}, expected 1; stdout={out[:300]!r} stderr={err[:300]!r}"
    assert "Traceback" not in err, f"{what}: traceback on stderr:\n{err[-2000:]}"
    assert "internal error" not in err, f"{what}: {err.strip()[:400]}"
    assert err.endswith("\n") and err.strip(), f"{what}: stderr is {err[:300]!r}"
    lines = err[:-1].split("\n")
    # A refused import may list its invalid records under the one-line summary.
    extra = lines[1:]
    assert all(l.startswith("  line ") or l.startswith("  ... and ") for l in extra), (
        f"{what}: expected exactly one line on stderr, got {len(lines)}: {err[:500]!r}")
    assert len(lines) <= 52, f"{what}: {len(lines)} lines on stderr"
    longest = max(len(l) for l in lines)
    assert longest <= MAX_LINE, (f"{what}: a {longest:,}-character line on stderr "
                                 f"(starts {lines[0][:200]!r})")
    assert "root:x:0:0" not in out + err, f"{what}: /etc/passwd leaked through an entity"


# ------------------------------------------------------------------------- the cases

@dataclass
class Case:
    """One command on one hostile input. `target(workdir, bigdir)` returns the path."""

    command: str                                   # import | check
    target: Callable[[Path, Path], Path | str]
    extra: tuple[str, ...] = ()
    timeout: float = TIMEOUT_S
    big: str | None = None                         # a generated file it needs


def _corpus(name):
    return lambda work, big: HOSTILE / name


def _big(name):
    return lambda work, big: big / name


def _directory(work, big):
    path = work / "a-directory.tsv"
    path.mkdir()
    return path


def _below_a_file(work, big):
    plain = work / "plain.tsv"
    plain.write_text("pl\tlt\npomoc\tpagalba\n", encoding="utf-8")
    return plain / "inner.tsv"


def _fifo(work, big):
    path = work / "terms.tsv"
    os.mkfifo(path)
    return path


CORPUS = sorted(p.name for p in HOSTILE.iterdir()
                if p.is_file() and p.suffix not in (".py", ".md") and not p.name.startswith("."))
GENERATED = sorted(make_big.GENERATORS)

CASES: dict[str, Case] = {}
for _name in CORPUS:
    CASES[f"import {_name}"] = Case("import", _corpus(_name))
for _name in GENERATED:
    CASES[f"import {_name}"] = Case("import", _big(_name), big=_name)
for _fmt in ("csv", "tmx", "xlsx"):                 # (as tsv: big_single_line.tsv itself)
    CASES[f"import 50MB-line --format {_fmt}"] = Case(
        "import", _big("big_single_line.tsv"), ("--format", _fmt), big="big_single_line.tsv")
for _name in ("xxe_file.tmx", "nul_bytes.tsv"):
    CASES[f"import {_name} --dry-run"] = Case("import", _corpus(_name), ("--dry-run",))
CASES["import a directory"] = Case("import", _directory)
CASES["import a path below a regular file"] = Case("import", _below_a_file)
# A named pipe nobody writes to: open() blocks forever unless the reader refuses it.
CASES["import a FIFO without writer"] = Case("import", _fifo, timeout=15)
# An endless device: must not be read into memory until the memory limit strikes.
CASES["import /dev/zero --format tsv"] = Case("import", lambda w, b: "/dev/zero",
                                              ("--format", "tsv"), timeout=15)
for _name in CORPUS:
    if _name.endswith(XML_EXTS):
        CASES[f"check {_name}"] = Case("check", _corpus(_name), ("--from", "pl", "--to", "lt"))
for _name in GENERATED:
    if _name.endswith(XML_EXTS):
        CASES[f"check {_name}"] = Case("check", _big(_name), ("--from", "pl", "--to", "lt"),
                                       big=_name)

SLOW_CASES = {"import zip_bomb.xlsx"}


# ------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def base_store(tmp_path_factory) -> Path:
    """A small store (two concepts, one memory segment), written through the real code."""
    from termbase.api import Termbase
    from termbase.model import Concept, Segment, Term

    path = tmp_path_factory.mktemp("hostile-base") / "tb.json"
    tb = Termbase.open(path, seed=False)
    tb.add(Concept(subject="social assistance", terms=[
        Term("pl", "pomoc społeczna"), Term("lt", "socialinė parama"),
        Term("en", "social assistance")]))
    tb.add(Concept(terms=[Term("pl", "gmina"), Term("lt", "savivaldybė")]))
    with tb.store.transaction("segment") as tx:
        tx.add_segment(Segment(texts={"pl": "Gmina udziela pomocy.", "lt": "Savivaldybė padeda."}))
    return path


def _run_case(case: Case, store: Path, work: Path, big: Path) -> dict:
    backup = store.with_name(store.name + ".bak")
    result = {"before": (sha256(store), sha256(backup)),
              "listing": _listing(store.parent)}
    try:
        target = case.target(work, big)
    except Exception as exc:  # noqa: BLE001 - reported by the test
        result["setup_error"] = repr(exc)
        return result
    code, out, err, seconds = run_limited([case.command, target, *case.extra], store,
                                          case.timeout)
    result.update(code=code, out=out, err=err, seconds=seconds,
                  after=(sha256(store), sha256(backup)),
                  left=_listing(store.parent))
    return result


def _listing(directory: Path) -> list[str]:
    """Files beside the store, minus the lock file and the index (which any command may
    create)."""
    return sorted(p.name for p in directory.iterdir()
                  if not p.name.endswith((".lock", ".tbindex")))


@pytest.fixture(scope="module")
def results(request, base_store, tmp_path_factory):
    """Run every selected case (in parallel, a few at a time) and keep the results."""
    wanted = selected_params(request, "case")
    big = tmp_path_factory.mktemp("hostile-big")
    # Generate the big files first, once each (the cases then only read them).
    for name in sorted({CASES[c].big for c in wanted if CASES[c].big}):
        make_big.make(name, big)
    work_root = tmp_path_factory.mktemp("hostile-work")
    # `check` never writes: its cases share one store whose index cache is fresh, so that
    # each run loads the cache instead of rebuilding the index.
    check_store = copy_store(base_store, work_root / "check-store")
    from termbase.api import Termbase

    Termbase.open(check_store, seed=False).rebuild_index()
    jobs = {}
    with ThreadPoolExecutor(PARALLEL) as pool:
        for number, name in enumerate(sorted(wanted)):
            case_dir = work_root / f"case{number}"
            (case_dir / "work").mkdir(parents=True)
            store = (check_store if CASES[name].command == "check"
                     else copy_store(base_store, case_dir / "store"))
            jobs[name] = pool.submit(_run_case, CASES[name], store, case_dir / "work", big)
    done = {name: job.result() for name, job in jobs.items()}
    if os.environ.get("RELIABILITY_TIMINGS"):
        slowest = sorted(done.items(), key=lambda kv: -kv[1].get("seconds", 0))[:15]
        print("\nslowest hostile cases:", *(f"  {r.get('seconds', 0):6.2f} s  {name}"
                                             for name, r in slowest), sep="\n")
    yield done
    shutil.rmtree(big, ignore_errors=True)
    shutil.rmtree(work_root, ignore_errors=True)


def _check(results, case_name):
    r = results[case_name]
    assert "setup_error" not in r, r.get("setup_error")
    assert_clean_refusal(r["code"], r["out"], r["err"], r["seconds"], case_name)
    if CASES[case_name].command == "check":
        assert len(r["err"].splitlines()) == 1, f"{case_name}: {r['err'][:500]!r}"
    assert r["after"] == r["before"], f"{case_name}: the store or its backup changed"
    assert r["left"] == r["listing"], (
        f"{case_name}: files left beside the store: {sorted(set(r['left']) - set(r['listing']))}")


@pytest.mark.parametrize("case", sorted(set(CASES) - SLOW_CASES))
def test_hostile_input_is_refused_cleanly(results, case):
    _check(results, case)


@pytest.mark.parametrize("case", sorted(SLOW_CASES))
def test_slow_hostile_input_is_refused_in_bounded_time(results, case):
    """A ~1 MB workbook whose sheet expands to 300 MB of empty rows (a zip bomb): must be
    refused within the time limit, not churned through row by row."""
    _check(results, case)


def test_import_of_an_unreadable_file(base_store, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: a chmod 000 file is still readable (unreadable paths "
                    "are covered by the FIFO, directory and path-below-a-file cases)")
    store = copy_store(base_store, tmp_path / "store")
    path = tmp_path / "secret.tsv"
    path.write_text("pl\tlt\npomoc\tpagalba\n", encoding="utf-8")
    path.chmod(0)
    try:
        before = sha256(store)
        assert_clean_refusal(*run_limited(["import", path], store), "chmod 000 file")
        assert sha256(store) == before
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_mixed_encodings_are_not_imported_as_mojibake(base_store, tmp_path):
    """A UTF-8 file with one line saved in cp1250: the whole file must not be re-decoded as
    cp1250 (turning every Polish and Lithuanian letter into mojibake such as 'zaÅ¼Ć³Å‚Ä‡')."""
    from termbase.store import Store

    store = copy_store(base_store, tmp_path / "store")
    code, out, err, _ = run_limited(["import", HOSTILE / "mixed_encodings.tsv"], store)
    texts = {t["text"] for c in Store(store).read_tables()["concepts"].values()
             for t in c["terms"]}
    mojibake = sorted(t for t in texts if "Å" in t or "Ä" in t or "Ĺ" in t)
    assert not mojibake, f"imported as mojibake (exit {code}): {mojibake}"
    assert code == 1 and "line" in err, (code, out, err)


def _contents(store: Path) -> tuple:
    """What a store holds, read through termbase (an SQLite file's bytes may change when
    it is merely opened: its log is checkpointed)."""
    from termbase.api import Termbase

    tb = Termbase.open(store, seed=False)
    return (sorted(str(sorted(d.items())) for d in tb.store.concept_docs()),
            sorted(str(k) + str(sorted(d.items())) for k, d in tb.store.segment_items()),
            [b["batch"] for b in tb.store.batches()])


@pytest.fixture(scope="module")
def sqlite_base_store(base_store, tmp_path_factory) -> Path:
    """The same small store on the SQLite engine (through `termbase copy`)."""
    from termbase.api import Termbase

    target = tmp_path_factory.mktemp("hostile-sqlite") / "tb.sqlite"
    Termbase.copy(base_store, target)
    Termbase.open(target, seed=False).store.close()
    return target


def test_hostile_files_leave_an_sqlite_store_as_it_was(sqlite_base_store, tmp_path):
    """The corpus's hostile files imported into the SQLite engine: one clean line each, and
    the store holds exactly what it held (the JSON engine's cases run above)."""
    before = _contents(sqlite_base_store)

    def one(name: str) -> tuple[str, tuple, Path]:
        store = copy_store(sqlite_base_store, tmp_path / name.replace(".", "_"))
        return name, run_limited(["import", HOSTILE / name], store), store

    with ThreadPoolExecutor(PARALLEL) as pool:
        for name, outcome, store in pool.map(one, CORPUS):
            assert_clean_refusal(*outcome, f"sqlite: import {name}")
            assert _contents(store) == before, f"sqlite: import {name} changed the store"
