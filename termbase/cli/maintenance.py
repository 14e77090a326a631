"""Keeping the store healthy: doctor (check and repair), reindex."""

from __future__ import annotations

from termbase.cli import open_termbase
from termbase.cli.output import print_json
from termbase.text.display import for_terminal


def register(subparsers, common) -> None:
    p = subparsers.add_parser("doctor", parents=[common], help="check (and repair) the store",
                              description="Check the termbase file, its backup and index; with "
                              "--repair restore a damaged file from the automatic backup "
                              "(the damaged file is kept aside).")
    p.add_argument("--repair", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_doctor)

    p = subparsers.add_parser("reindex", parents=[common], help="rebuild the search index now")
    p.set_defaults(handler=cmd_reindex)


def cmd_doctor(args) -> int:
    from pathlib import Path

    from termbase.doctor import diagnose, repair
    from termbase.paths import default_db_path
    from termbase.store import Store

    store = Store(Path(getattr(args, "db", None) or default_db_path()))
    report = repair(store) if args.repair else diagnose(store)
    if args.json:
        print_json(report)
    else:
        status = "OK" if report["ok"] else "PROBLEMS"
        if report.get("warnings"):
            status += f" ({len(report['warnings'])} warning(s))"
        print(f"{for_terminal(report['store'])}: {status}")
        for problem in report["problems"]:
            print(f"  - {for_terminal(problem)}")
        for warning in report.get("warnings", []):
            print(f"  warning: {for_terminal(warning)}")
        if report.get("backup"):
            b = report["backup"]
            print(f"  backup: {for_terminal(b['path'])} ({'readable' if b['readable'] else 'DAMAGED'})")
        if report.get("leftovers") and not report.get("removed"):
            print(f"  {len(report['leftovers'])} temporary file(s) of interrupted writes "
                  "(--repair removes them)")
        if report.get("removed"):
            print(f"  removed {len(report['removed'])} temporary file(s) of interrupted writes")
        if report.get("action"):
            print(f"  {for_terminal(report['action'])}")
            if report.get("damaged_copy"):
                print(f"  damaged file kept as {for_terminal(report['damaged_copy'])}")
    fixed = report.get("after", {}).get("ok", False)
    return 0 if report["ok"] or fixed else 1


def cmd_reindex(args) -> int:
    from termbase.cli.output import progress_bar

    tb = open_termbase(args)
    with progress_bar("indexing", None, True) as bar:
        index = tb.rebuild_index(progress=bar.update)
    print(f"indexed {len(index.terms)} terms of {len(index.concepts)} concepts")
    return 0
