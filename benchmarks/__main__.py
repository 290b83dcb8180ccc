"""python -m benchmarks [--only floor,build,naive,noop,edit,check,iati,portfolio,scale,cluster] [--skip ...]
[--jobs N] [--helpers name,...] [--projects N]

This round's targets are measured by floor, build, naive (a, b), edit (c), check (d) and iati (e); every build runs
in a temporary copy of the project, never in the repository's build/."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys

from . import TARGETS
from .common import RESULTS, cores, say, write_json_atomic

STEPS = ("floor", "build", "naive", "noop", "edit", "check", "iati", "portfolio", "scale", "cluster")
# what `make bench` runs: the steps of this round's targets (a)-(e); portfolio, scale and cluster (the last two take
# from a quarter of an hour to an hour) run with --only or --all
TARGET_STEPS = ("floor", "build", "naive", "noop", "edit", "check", "iati")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated steps among " + ", ".join(STEPS))
    parser.add_argument("--skip", default="", help="comma-separated steps to leave out")
    parser.add_argument("--all", action="store_true", help="every step (default: " + ", ".join(TARGET_STEPS) + ")")
    parser.add_argument("--jobs", type=int, default=0, help="workers of the floor and the build (default: cores)")
    parser.add_argument("--helpers", default="", help="portfolio: comma-separated helper names (default: all)")
    parser.add_argument("--projects", type=int, default=40, help="cluster: projects of the portfolio (5 annexes each)")
    parser.add_argument("--repeats", type=int, default=1, help="cluster: local and Dask builds taken in turns")
    parser.add_argument("--table", action="store_true", help="print the table of the last results and stop")
    args = parser.parse_args(argv)

    only = [s for s in args.only.split(",") if s] or list(STEPS if args.all else TARGET_STEPS)
    skip = {s for s in args.skip.split(",") if s}
    unknown = [s for s in [*only, *skip] if s not in STEPS]
    if unknown:
        parser.error(f"unknown step(s) {unknown}; steps: {', '.join(STEPS)}")
    steps = [s for s in STEPS if s in only and s not in skip]
    jobs = args.jobs or cores()

    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    results = {k: previous[k] for k in STEPS if k in previous}
    if args.table:
        from .report import table

        print(table(results, set()))
        return 0

    say(f"steps: {', '.join(steps)}; {cores()} cores; jobs {jobs}; results -> {RESULTS}")
    for number, step in enumerate(steps, 1):
        say(f"step {number}/{len(steps)}: {step}")
        if step == "floor":
            from .floor import run

            value = run(jobs)
        elif step == "build":
            from .pipeline import full_build

            value = full_build(jobs)
        elif step == "naive":
            from .pipeline import naive

            value = naive()
        elif step == "noop":
            from .pipeline import noop

            value = noop(jobs=jobs)
        elif step == "edit":
            from .pipeline import edit_one_row

            value = edit_one_row(jobs)
        elif step == "check":
            from .scale import check

            value = check()
        elif step == "iati":
            from .iati_read import run as iati_read

            value = iati_read()
        elif step == "scale":
            from .scale import run as scale

            value = scale()
        elif step == "cluster":
            from .cluster import run as cluster

            value = cluster(args.projects, jobs, args.repeats)
        else:
            from .portfolio import run as portfolio

            value = portfolio([h for h in args.helpers.split(",") if h] or None)
        value["measured_at"] = dt.datetime.now().isoformat(timespec="seconds")
        results[step] = value
        # after each step, so that an interrupted run keeps what it measured
        write_json_atomic(RESULTS, {**results, "targets": TARGETS, "machine": _machine(jobs)})

    from .report import table

    print()
    print(table(results, set(steps)))
    print(f"\nJSON: {RESULTS}")
    return 0


def _machine(jobs: int) -> dict:
    return {"cores": cores(), "jobs": jobs, "python": sys.version.split()[0], "platform": platform.platform()}


if __name__ == "__main__":
    sys.exit(main())
