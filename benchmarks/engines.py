"""Termbases that grow: what a cold lookup, a change and an import cost at 100k and 1M
concepts, on each engine, as ratios to the same command on the shipped glossary measured in
the same run.

For each engine (TinyDB up to 100k, SQLite up to 1M) and size:

* import of the synthetic TSV (one row = one concept with a pl, lt and en term, real word
  lists, see synthetic.py), the index included, beside a plain `csv.reader` + `executemany`
  load of the same rows into SQLite (the floor);
* cold CLI `termbase lookup` (a new process; the index on disk), median of several runs,
  and its peak RSS;
* `termbase add`, `edit`, `delete` (new processes), and the first lookup after an add;
* the first lookup after importing 1,000 new rows into the big store;
* warm lookups per class (exact, inflected, folded, typo; distinct queries, no result
  cache across queries; the fastest of three runs of each, caches cleared before each):
  p50 and p99;
* export to CSV (streams from SQLite): time and peak RSS;
* translation-memory matching over 100k (and 1M) segments, per engine (TinyDB to 100k),
  for the best hit and the best 5: p50/p99, and agreement of the top hit's score with a
  full scan by termbase's own scorer, whose time per query is the same-run baseline. The
  memories are built once and kept under $TERMBASE_BENCH_DIR/memory.

    python benchmarks/engines.py --sizes 100k            # about 10 minutes
    python benchmarks/engines.py --sizes 100k,1M         # an hour or more
    python benchmarks/engines.py --sizes "" --memory 100k,1M   # TM matching only
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import synthetic as S  # noqa: E402
from benchmarks.lookup import log, parse_size, size_label  # noqa: E402

CLI = str(S.REPO / "cli.py")
WORK = S.CACHE_DIR / "engines"


def env(db: Path) -> dict:
    """The commands' environment, with bytecode caching on as an installed termbase
    always has it (PYTHONDONTWRITEBYTECODE would make every cold start compile again)."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(base, TERMBASE_DB=str(db), PYTHONPATH=str(S.REPO), NO_COLOR="1",
                TERMBASE_SEED="0")


# A small process starts each command and reports its time and peak RSS: Linux counts a
# child's peak RSS from before its exec, so a command started straight from this (large)
# process would be charged with this process's memory.
_LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as report:
    report.write(f"{time.perf_counter() - start} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def timed(args: list[str], db: Path, runs: int = 1) -> tuple[float, float, str]:
    """(median seconds, peak RSS MB, stdout) of `termbase ARGS` in a new process."""
    import tempfile

    times, rss, out = [], 0.0, ""
    for _ in range(runs):
        with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr, \
                tempfile.NamedTemporaryFile("r") as report:
            proc = subprocess.run([sys.executable, "-c", _LAUNCHER, report.name,
                                   sys.executable, CLI, *args], env=env(db), stdout=stdout,
                                  stderr=stderr)
            stdout.seek(0)
            stderr.seek(0)
            if proc.returncode != 0:
                raise SystemExit(f"termbase {' '.join(args)} failed: "
                                 f"{stderr.read().decode().strip()}")
            seconds, max_kib = report.read().split()
            times.append(float(seconds))
            rss = max(rss, int(max_kib) / 1024)
            out = stdout.read().decode("utf-8")
    return statistics.median(times), rss, out


def shipped_store(engine: str) -> Path:
    db = WORK / f"shipped.{engine}"
    if not db.exists():
        e = dict(env(db), TERMBASE_SEED="1")
        subprocess.run([sys.executable, CLI, "lookup", "gmina"], env=e, check=True,
                       capture_output=True)
    return db


def tsv(rows: int, offset: int = 0) -> Path:
    path = S.CACHE_DIR / f"engines-rows-{rows}-{offset}.tsv"
    if not path.exists():
        tb = S.Termbase((rows + offset) * 3)
        S.CACHE_DIR.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("id\tsubject\tpl\tlt\ten\tstatus_pl\tstatus_lt\tstatus_en\n")
            for c in tb.concepts[offset:offset + rows]:
                t = {term["lang"]: term["text"] for term in c["terms"]}
                handle.write(f"n{c['id']}\t{c['subject']}\t{t['pl']}\t{t['lt']}\t{t['en']}"
                             "\tpreferred\tpreferred\tpreferred\n")
    return path


def baseline_load(path: Path) -> float:
    import csv
    import sqlite3

    out = WORK / "baseline.sqlite"
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    conn = sqlite3.connect(out)
    conn.execute("CREATE TABLE rows(id TEXT PRIMARY KEY, subject, pl, lt, en)")
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        next(reader)
        conn.executemany("INSERT INTO rows VALUES(?,?,?,?,?)", (r[:5] for r in reader))
    conn.commit()
    conn.close()
    return time.perf_counter() - start


def commands(db: Path, reference: Path, runs: int) -> dict:
    """Cold lookup, add/edit/delete and first lookup after add: big store vs shipped."""
    figures = {}
    for name, store in (("shipped", reference), ("big", db)):
        timed(["lookup", "pracownikom socjalnym"], store)  # the index is current
        cold, rss, _ = timed(["lookup", "pracownikom socjalnym"], store, runs)
        add, _, out = timed(["add", "--pl", f"termin próbny {name}", "--lt", "bandomasis"], store)
        after_add, _, _ = timed(["lookup", f"termin próbny {name}"], store)
        found = json.loads(timed(["lookup", "--json", f"termin próbny {name}"], store)[2])
        cid = found["matches"][0]["concept_id"]
        edit, _, _ = timed(["edit", cid, "--en", "trial term"], store)
        delete, _, _ = timed(["delete", cid], store)
        figures[name] = {"cold": cold, "rss": rss, "add": add, "edit": edit,
                         "delete": delete, "after_add": after_add}
    return figures


REPEATS = 3


def warm(db: Path, n_terms: int, per_kind: int = 500) -> dict:
    from termbase import Termbase

    tb_syn = S.Termbase(n_terms)
    tb = Termbase.open(db, seed=False)
    index = tb.index
    out = {}
    for kind in ("exact", "inflected", "folded", "typo"):
        qs = S.queries(tb_syn, kind, per_kind)
        times, hits = [], 0
        for query, cid, lang, _text in qs:
            # The fastest of REPEATS runs, each after clearing the index's caches: nothing
            # is remembered from one run to the next, and the figure is not inflated by
            # whatever else the machine runs at that instant.
            runs = []
            for _ in range(REPEATS):
                index.clear_cache()
                start = time.perf_counter()
                matches = tb.lookup(query, lang=lang, limit=5)
                runs.append((time.perf_counter() - start) * 1000)
            times.append(min(runs))
            hits += bool(matches) and matches[0].concept_id == "n" + cid
        out[kind] = {"p50_ms": S.percentile(times, 50), "p99_ms": S.percentile(times, 99),
                     "hit1": hits / max(len(qs), 1)}
    return out


def run_size(engine: str, rows: int, runs: int) -> dict:
    db = WORK / f"big-{rows}.{engine}"
    for leftover in WORK.glob(f"big-{rows}.{engine}*"):
        leftover.unlink()
    source = tsv(rows)
    log(f"[{engine} {size_label(rows)}] baseline load ...")
    base = baseline_load(source)
    log(f"[{engine} {size_label(rows)}] import ...")
    seconds, rss, _ = timed(["import", str(source)], db)
    log(f"[{engine} {size_label(rows)}] import {seconds:.1f} s, {rss:.0f} MB; commands ...")
    figures = commands(db, shipped_store(engine), runs)
    more = tsv(1000, offset=rows)
    imp1k, _, _ = timed(["import", str(more)], db)
    after_1k, _, _ = timed(["lookup", "pracownikom socjalnym"], db)
    log(f"[{engine} {size_label(rows)}] warm lookups ...")
    warm_figures = warm(db, rows * 3)
    export_s, export_rss, _ = timed(["export", str(WORK / "out.csv")], db)
    return {"engine": engine, "rows": rows, "import_s": seconds, "import_rss": rss,
            "baseline_s": base, "import_1k_s": imp1k, "after_import_1k": after_1k,
            "export_s": export_s, "export_rss": export_rss, **figures, "warm": warm_figures}


MEMORY_WORK = S.CACHE_DIR / "memory"  # kept between runs: a 1M memory takes long to build


def memory_store(engine: str, segments: dict[str, dict]) -> Path:
    """A store holding the synthetic segments, built once and kept (a marker file says the
    build finished: an interrupted one is started again)."""
    from termbase import Termbase
    from termbase.model import Segment

    db = MEMORY_WORK / f"memory-{len(segments)}.{engine}"
    built = db.with_name(db.name + ".built")
    if not built.exists():
        MEMORY_WORK.mkdir(parents=True, exist_ok=True)
        for leftover in MEMORY_WORK.glob(db.name + "*"):
            leftover.unlink()
        tb = Termbase.open(db, seed=False)
        with tb.store.transaction("benchmark memory") as tx:
            for doc in segments.values():
                tx.add_segment(Segment(texts=dict(doc["texts"]), origin="synthetic"))
        tb.index  # built now, not in the first timed query
        built.touch()
    return db


def memory_matching(engine: str, n_segments: int, n_queries: int = 300,
                    scan_queries: int = 100) -> list[dict]:
    """Translation-memory matching from a store, for the best hit and the best 5: p50/p99
    over perturbed segments (0-3 words changed), no cache between queries; and how often
    the top hit agrees (same score, so ties count) with a full scan by the same scorer over
    every segment, whose time per query is the baseline of the same run."""
    import random

    from termbase import Termbase
    from termbase.index.memory import Scorer

    segments = S.segments(n_segments)
    tb = Termbase.open(memory_store(engine, segments), seed=False)
    memory = tb.index.memory
    rng = random.Random(S.SEED)
    keys = list(segments)
    queries = [S.perturb(segments[rng.choice(keys)]["texts"]["pl"], rng, rng.randint(0, 3))
               for _ in range(n_queries)]
    runs = {}
    for limit in (1, 5):
        times, found = [], []
        for query in queries:
            tb.index.clear_cache()
            start = time.perf_counter()
            found.append(memory.search(query, "pl", "lt", limit=limit))
            times.append((time.perf_counter() - start) * 1000)
        runs[limit] = (times, found)
    sources = [doc["texts"]["pl"] for doc in segments.values()]
    agree, scan_times = {1: 0, 5: 0}, []
    for number, query in enumerate(queries[:scan_queries]):
        start = time.perf_counter()
        scorer = Scorer(query)
        best = max(scorer(source) for source in sources)
        scan_times.append((time.perf_counter() - start) * 1000)
        for limit, (_, found) in runs.items():
            hits = found[number]
            agree[limit] += (hits[0].score if hits else None) == (best if best >= 50 else None)
    return [{"engine": engine, "segments": n_segments, "limit": limit, "queries": n_queries,
             "p50_ms": S.percentile(times, 50), "p99_ms": S.percentile(times, 99),
             "scanned": len(scan_times), "agreement": agree[limit] / max(len(scan_times), 1),
             "scan_p50_ms": S.percentile(scan_times, 50)}
            for limit, (times, _) in runs.items()]


def memory_report(results: list[dict]) -> None:
    print(S.table(
        ["engine", "segments", "top-k", "queries", "p50 ms", "p99 ms", "agreement",
         "full scan p50 ms", "p50 vs scan"],
        [[r["engine"], size_label(r["segments"]), r["limit"], r["queries"],
          f"{r['p50_ms']:.2f}", f"{r['p99_ms']:.2f}",
          f"{r['agreement']:.1%} of {r['scanned']}", f"{r['scan_p50_ms']:.0f}",
          f"x{r['scan_p50_ms'] / r['p50_ms']:,.0f} faster"] for r in results],
        "== Translation-memory matching (pl->lt, 0-3 words changed; agreement: the top "
        "hit's score equals a full scan's by the same scorer) =="))


def report(results: list[dict]) -> None:
    rows = []
    for r in results:
        ship, big = r["shipped"], r["big"]
        rows.append([r["engine"], size_label(r["rows"]),
                     f"{r['import_s']:.0f} s / {r['import_rss']:.0f} MB (csv+executemany "
                     f"{r['baseline_s']:.1f} s)",
                     f"{big['cold']:.2f} s ({big['cold'] / ship['cold']:.2f}x), {big['rss']:.0f} MB",
                     f"{big['add'] / ship['add']:.2f}x / {big['edit'] / ship['edit']:.2f}x / "
                     f"{big['delete'] / ship['delete']:.2f}x",
                     f"{big['after_add'] / big['cold']:.2f}x",
                     f"{r['after_import_1k'] / big['cold']:.2f}x",
                     f"{r['export_s']:.0f} s / {r['export_rss']:.0f} MB"])
    print(S.table(["engine", "size", "import (index incl.)", "cold lookup (vs shipped)",
                   "add/edit/delete vs shipped", "1st lookup after add vs cold",
                   "after 1k import vs cold", "CSV export"], rows,
                  "== Cost against size, as ratios to the shipped glossary (same run) =="))
    for r in results:
        print(S.table(["class", "p50 ms", "p99 ms", "hit@1"],
                      [[k, f"{v['p50_ms']:.2f}", f"{v['p99_ms']:.2f}", f"{v['hit1']:.3f}"]
                       for k, v in r["warm"].items()],
                      f"== warm lookups, {r['engine']} {size_label(r['rows'])} =="))
        ship = r["shipped"]
        print(f"shipped glossary ({r['engine']}): cold lookup {ship['cold']:.3f} s, "
              f"add {ship['add']:.2f} s, edit {ship['edit']:.2f} s, delete {ship['delete']:.2f} s")


def main() -> int:
    parser = S.scale_parser(__doc__, "sizes (100k, 1M)", "fewer runs")
    parser.add_argument("--engines", default="json,sqlite")
    parser.add_argument("--memory", default="", help="also TM matching at these sizes, "
                        "e.g. 100k,1M (the memories are built once and kept)")
    parser.add_argument("--scan-queries", type=int, default=100,
                        help="queries compared with a full scan (a second each at 1M)")
    args = parser.parse_args()
    if os.environ.get("WORK_CLEAN"):
        shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    runs = 3 if args.quick else 7
    results = []
    for size in map(parse_size, filter(None, args.sizes.split(","))):
        rows = size
        for engine in args.engines.split(","):
            if engine == "json" and rows > 100_000:
                continue  # TinyDB is meant for tens of thousands
            results.append(run_size(engine, rows, runs))
    if results:
        report(results)
    memory = []
    for size in map(parse_size, filter(None, args.memory.split(","))):
        for engine in args.engines.split(","):
            if engine == "json" and size > 100_000:
                continue
            log(f"[memory {engine} {size_label(size)}] building (once) and matching ...")
            memory += memory_matching(engine, size, scan_queries=args.scan_queries)
    if memory:
        memory_report(memory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
