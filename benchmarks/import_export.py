"""Bulk import and export: time and peak memory at 10k, 100k and 1M rows.

What it measures, and why (a team's glossary arrives as a spreadsheet or a TBX of a
million rows; importing it must not take a coffee break nor exhaust a laptop):

* A generated TSV (header id, subject, pl, lt, en, status_pl/lt/en; one concept per row,
  synthetic noun phrases from real word lists, see benchmarks/synthetic.py) imported into a
  FRESH store with `termbase.importer.import_file` (read + validate + merge + one atomic
  write with backup and change log). Each import runs in its own process, so the peak RSS
  (ru_maxrss) is that of one size.
* Export of the imported store with `termbase.exporter.export_file` to TBX, CSV and TMX
  (terms as pl->lt translation units), each in its own process. Formats whose module is
  not in this checkout yet are skipped with a message.
* Baseline, same file, same run, own process: `csv.reader` over the file + `json.dump` of
  the rows: the floor any importer pays to read the cells and write them out once. The
  export baseline is `json.load` of the store + `csv.writer` of one row per concept.

Targets: 1M rows imported in <= 60 s with <= 2 GB peak RSS.

    python benchmarks/import_export.py --quick
    python benchmarks/import_export.py      # full
    ... benchmarks/import_export.py --sizes 100k --profile
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import synthetic as S  # noqa: E402
from benchmarks.lookup import _env, log, parse_size, size_label  # noqa: E402

TARGET_S = 60.0
TARGET_RSS_MB = 2048.0
EXPORTS = (("tbx", ".tbx"), ("csv", ".csv"), ("tmx", ".tmx"))


def tsv_path(rows: int) -> Path:
    return S.CACHE_DIR / f"rows-{rows}-{S.SEED}.tsv"


# -- workers (each in its own process) ---------------------------------------------------------
def w_generate(rows: int) -> dict:
    path = tsv_path(rows)
    with S.Timer() as t:
        tb = S.Termbase(rows * 3)
        S.CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tb.write_tsv(tmp, rows)
        tmp.replace(path)
    return {"seconds": t.seconds, "bytes": path.stat().st_size}


def w_baseline_import(rows: int, out: Path) -> dict:
    import csv

    with S.Timer() as t:
        with open(tsv_path(rows), encoding="utf-8", newline="") as handle:
            data = list(csv.reader(handle, delimiter="\t"))
        with open(out, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
    return {"seconds": t.seconds, "rows": len(data) - 1, "peak_rss_mb": S.peak_rss_mb(),
            "bytes": out.stat().st_size}


def w_import(rows: int, db: Path, profile: bool) -> dict:
    from termbase.importer import import_file
    from termbase.store import Store

    with S.Timer() as t:
        report = import_file(Store(db), tsv_path(rows))
    result = {"seconds": t.seconds, "added": report.added, "merged": report.merged,
              "conflicts": len(report.conflicts), "peak_rss_mb": S.peak_rss_mb(),
              "bytes": db.stat().st_size}
    if profile:  # a second import into another fresh store, after the figures are taken
        result["profile"] = S.profile_text(lambda: import_file(
            Store(db.with_name("profiled.json")), tsv_path(rows)))
    return result


def w_export(db: Path, fmt: str, out: Path, profile: bool) -> dict:
    from termbase import formats
    from termbase.exporter import export_file
    from termbase.formats.base import FormatError, WriteOptions
    from termbase.store import Store

    try:
        spec = formats.get(fmt)
    except FormatError as exc:
        return {"skipped": str(exc)}
    if not spec.write:
        return {"skipped": f"{fmt} has no writer"}
    options = WriteOptions()
    if fmt == "tmx":
        options = WriteOptions(source_lang="pl", target_lang="lt", terms_as_tmx=True)
    with S.Timer() as t:
        summary = export_file(Store(db), out, fmt, options)
    result = {"seconds": t.seconds, "written": summary.get("written"),
              "kind": summary.get("kind"), "peak_rss_mb": S.peak_rss_mb(),
              "bytes": out.stat().st_size}
    if profile:  # a second export, after the figures are taken
        result["profile"] = S.profile_text(lambda: export_file(Store(db), out, fmt, options))
    return result


def w_baseline_export(db: Path, out: Path) -> dict:
    import csv

    with S.Timer() as t:
        with open(db, encoding="utf-8") as handle:
            tables = json.load(handle)
        with open(out, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "subject", "pl", "lt", "en"])
            for doc in tables["concepts"].values():
                terms = {t["lang"]: t["text"] for t in doc["terms"]}
                writer.writerow([doc["id"], doc.get("subject", ""), terms.get("pl", ""),
                                 terms.get("lt", ""), terms.get("en", "")])
    return {"seconds": t.seconds, "peak_rss_mb": S.peak_rss_mb(), "bytes": out.stat().st_size}


# -- driver ------------------------------------------------------------------------------------
def run(args: list[str], timeout: float | None = None) -> dict:
    cmd = [sys.executable, __file__] + args
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, env=_env(),
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if out.returncode != 0:
        return {"error": f"exit {out.returncode} (see stderr above)"}
    return S.worker_result(out.stdout)


def main() -> int:
    parser = S.scale_parser(__doc__, "rows (concepts) per file", "10k rows only (< 2 minutes)")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile the import and exports (a second, untimed run)")
    parser.add_argument("--profile-at", help="size to profile (default: the largest)")
    parser.add_argument("--timeout", type=float, default=1800.0,
                        help="seconds before one import/export is abandoned")
    parser.add_argument("--keep", action="store_true", help="keep the stores in /tmp")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--fmt", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        if args.worker == "generate":
            result = w_generate(args.rows)
        elif args.worker == "baseline-import":
            result = w_baseline_import(args.rows, Path(args.out))
        elif args.worker == "import":
            result = w_import(args.rows, Path(args.db), args.profile)
        elif args.worker == "export":
            result = w_export(Path(args.db), args.fmt, Path(args.out), args.profile)
        elif args.worker == "baseline-export":
            result = w_baseline_export(Path(args.db), Path(args.out))
        else:
            raise SystemExit(f"unknown worker {args.worker}")
        S.emit_result(result)
        return 0

    sizes = [10_000] if args.quick else [parse_size(s) for s in args.sizes.split(",")]
    print(f"termbase import/export benchmark: {', '.join(map(size_label, sizes))} rows")
    started = time.perf_counter()
    imports, exports, profiles = [], [], []
    for rows in sizes:
        if not tsv_path(rows).exists():
            log(f"[{size_label(rows)}] generating {tsv_path(rows)} ...")
            gen = run(["--worker", "generate", "--rows", str(rows)])
            if "error" in gen:
                print(f"{size_label(rows)}: generation failed: {gen['error']}")
                continue
        size_bytes = tsv_path(rows).stat().st_size
        tmp = Path(tempfile.mkdtemp(prefix=f"tb-import-{rows}-"))
        db = tmp / "termbase.json"
        profile_at = parse_size(args.profile_at) if args.profile_at else max(sizes)
        profile = ["--profile"] if args.profile and rows == profile_at else []
        try:
            base = run(["--worker", "baseline-import", "--rows", str(rows),
                        "--out", str(tmp / "baseline.json")], args.timeout)
            log(f"[{size_label(rows)}] baseline import {base.get('seconds', 0):.1f} s")
            imp = run(["--worker", "import", "--rows", str(rows), "--db", str(db)] + profile,
                      args.timeout)
            log(f"[{size_label(rows)}] import {imp.get('seconds', 0):.1f} s")
            if "profile" in imp:
                profiles.append((f"import of {size_label(rows)} rows", imp.pop("profile")))
            imports.append((rows, size_bytes, imp, base))
            if "error" in imp:
                continue
            bexp = run(["--worker", "baseline-export", "--db", str(db),
                        "--out", str(tmp / "baseline.csv")], args.timeout)
            for fmt, ext in EXPORTS:
                res = run(["--worker", "export", "--db", str(db), "--fmt", fmt,
                           "--out", str(tmp / f"export{ext}")] + profile, args.timeout)
                log(f"[{size_label(rows)}] export {fmt}: "
                    f"{res.get('seconds', res.get('skipped') or res.get('error'))}")
                if "profile" in res:
                    profiles.append((f"{fmt} export of {size_label(rows)} rows",
                                     res.pop("profile")))
                exports.append((rows, fmt, res, bexp))
        finally:
            if args.keep:
                print(f"   kept {tmp}")
            else:
                shutil.rmtree(tmp, ignore_errors=True)

    rows_out = []
    for rows, size_bytes, imp, base in imports:
        if "error" in imp:
            rows_out.append([size_label(rows), S.human_size(size_bytes), imp["error"]] + [""] * 8)
            continue
        rows_out.append([size_label(rows), S.human_size(size_bytes), imp["seconds"],
                         rows / imp["seconds"], imp["peak_rss_mb"], S.human_size(imp["bytes"]),
                         imp["added"], base.get("seconds", float("nan")),
                         base.get("peak_rss_mb", float("nan")),
                         f"x{imp['seconds'] / base['seconds']:.1f}" if "seconds" in base else "",
                         f"x{imp['peak_rss_mb'] / base['peak_rss_mb']:.1f}"
                         if "peak_rss_mb" in base else ""])
    print(S.table(["rows", "TSV size", "import s", "rows/s", "peak RSS MB", "store size",
                   "concepts added", "baseline s", "baseline RSS MB", "time vs baseline",
                   "RSS vs baseline"], rows_out,
                  "\n== Import of a TSV into a fresh store (import_file) vs csv.reader + "
                  "json.dump =="))

    rows_out = []
    for rows, fmt, res, bexp in exports:
        if "skipped" in res or "error" in res:
            rows_out.append([size_label(rows), fmt, res.get("skipped") or res["error"]]
                            + [""] * 6)
            continue
        rows_out.append([size_label(rows), fmt, res["seconds"], res["peak_rss_mb"],
                         S.human_size(res["bytes"]), res["written"],
                         bexp.get("seconds", float("nan")),
                         f"x{res['seconds'] / bexp['seconds']:.1f}" if "seconds" in bexp else "",
                         bexp.get("peak_rss_mb", float("nan"))])
    print(S.table(["rows", "format", "export s", "peak RSS MB", "file size", "written",
                   "baseline s", "time vs baseline", "baseline RSS MB"], rows_out,
                  "\n== Export of the imported store (export_file) vs json.load + "
                  "csv.writer =="))

    print("\n== Targets ==")
    measured = [(r, imp) for r, _s, imp, _b in imports if "error" not in imp]
    big = [(r, imp) for r, imp in measured if r >= 1_000_000]
    if big:
        for rows, imp in big:
            ok_t, ok_m = imp["seconds"] <= TARGET_S, imp["peak_rss_mb"] <= TARGET_RSS_MB
            print(f"import {size_label(rows)} rows <= {TARGET_S:.0f} s: {imp['seconds']:.1f} s "
                  f"-> {'MET' if ok_t else 'MISSED'}")
            print(f"import {size_label(rows)} rows peak RSS <= {TARGET_RSS_MB:.0f} MB: "
                  f"{imp['peak_rss_mb']:.0f} MB -> {'MET' if ok_m else 'MISSED'}")
    elif measured:
        rows, imp = max(measured)
        per_row = imp["seconds"] / rows
        print(f"1M rows not measured; linear projection from {size_label(rows)}: "
              f"{per_row * 1e6:.0f} s (target {TARGET_S:.0f} s), RSS not projected")
    for rows, _s, imp, _b in imports:
        if "error" in imp and rows >= 1_000_000:
            print(f"import {size_label(rows)} rows: {imp['error']} -> MISSED")
    for title, text in profiles:
        print(f"\n== cProfile: {title} ==\n{text}")
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
