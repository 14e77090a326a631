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
* translation-memory matching over 100k (and 1M) segments: p50/p99, and agreement of the
  top hit with a full scan by termbase's own scorer.

    python benchmarks/engines.py --sizes 100k            # about 10 minutes
    python benchmarks/engines.py --sizes 100k,1M         # an hour or more
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


def memory_matching(n_segments: int, n_queries: int = 200, scan_queries: int = 60) -> dict:
    """Translation-memory matching from an SQLite store: p50/p99 over perturbed segments,
    and how often its top hit agrees (ties count) with a full scan by the same scorer."""
    import random

    from termbase import Termbase
    from termbase.index.memory import comparable_words, similarity
    from termbase.model import Segment

    db = WORK / f"memory-{n_segments}.sqlite"
    segments = S.segments(n_segments)
    if not db.exists():
        tb = Termbase.open(db, seed=False)
        with tb.store.transaction("benchmark memory") as tx:
            for doc in segments.values():
                tx.add_segment(Segment(texts=dict(doc["texts"]), origin="synthetic"))
    tb = Termbase.open(db, seed=False)
    memory = tb.index.memory
    rng = random.Random(S.SEED)
    keys = list(segments)
    queries = [S.perturb(segments[rng.choice(keys)]["texts"]["pl"], rng, rng.randint(0, 3))
               for _ in range(n_queries)]
    times, agree = [], 0
    sources = [doc["texts"]["pl"] for doc in segments.values()]
    for number, query in enumerate(queries):
        tb.index.clear_cache()
        start = time.perf_counter()
        found = memory.search(query, "pl", "lt", limit=1)
        times.append((time.perf_counter() - start) * 1000)
        if number < scan_queries:
            words = comparable_words(query)
            best = max(similarity(query, words, source) for source in sources)
            agree += bool(found) and found[0].score == best
    return {"segments": n_segments, "p50_ms": S.percentile(times, 50),
            "p99_ms": S.percentile(times, 99), "agreement": agree / min(scan_queries, n_queries)}


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
                        "e.g. 100k,1M")
    args = parser.parse_args()
    if os.environ.get("WORK_CLEAN"):
        shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    runs = 3 if args.quick else 7
    results = []
    for size in map(parse_size, args.sizes.split(",")):
        rows = size
        for engine in args.engines.split(","):
            if engine == "json" and rows > 100_000:
                continue  # TinyDB is meant for tens of thousands
            results.append(run_size(engine, rows, runs))
    report(results)
    for size in filter(None, args.memory.split(",")):
        log(f"[memory {size}] building and matching ...")
        m = memory_matching(parse_size(size))
        print(f"TM matching over {m['segments']:,} segments (SQLite): p50 {m['p50_ms']:.2f} ms,"
              f" p99 {m['p99_ms']:.2f} ms; top hit agrees with a full scan on "
              f"{m['agreement']:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
