"""The chain at portfolio scale, measured the way a user runs it: commands on files, each in a fresh interpreter.

1. ``pandas.read_csv`` of every CSV file of the generated portfolio (benchmarks.portfolio_files), timed inside one
   process: what reading the same bytes costs at least;
2. ``python -m helpers check --project portfolio`` (what ``make check`` runs): wall time and peak memory;
3. the portfolio's project-wide annex, ``python -m helpers build --project portfolio --force``, against the
   sample's project-wide annex built the same way (``--annex ensemble``): wall time and peak memory;
4. after editing one expenditure row of the sample (its five annexes built), ``python -m helpers build``: wall time
   against the full build of the sample, then the no-op build.

Each command runs with WORKBOOK_ROOT pointing at a temporary copy of the project (data, params, notebooks), so
nothing of the repository's build/ is touched. Peak memory is the largest resident set of any one process of the
command (the kernel or worker that held the most), from wait4's rusage.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .common import PYTHON, REPO, build_env, say
from . import portfolio_files


def _run(args: list[str], root: Path) -> dict:
    """One command in a fresh interpreter: exit code, wall seconds, peak RSS of its largest process, last line."""
    started = time.perf_counter()
    env = dict(build_env(), WORKBOOK_ROOT=str(root))
    process = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    lines = [line for line in out.splitlines() if line.strip()]
    return {"exit_code": process.returncode, "seconds": wall, "peak_rss_bytes": usage.ru_maxrss * 1024,
            "last_line": lines[-1][:200] if lines else "", "output_tail": "\n".join(lines[-15:])}


def _helpers(*args: str) -> list[str]:
    return [PYTHON, "-m", "helpers", *args]


def _portfolio(cache: Path) -> Path:
    """The generated portfolio, regenerated only when its generator changed."""
    digest = hashlib.sha256(Path(portfolio_files.__file__).read_bytes()).hexdigest()[:12]
    root = cache / f"portfolio-{digest}"
    if not (root / "data").is_dir():
        shutil.rmtree(cache, ignore_errors=True)
        say(f"scale: generating the portfolio as files in {root}")
        started = time.perf_counter()
        portfolio_files.write(root)
        say(f"scale: generated in {time.perf_counter() - started:.0f} s")
    shutil.rmtree(root / "build", ignore_errors=True)
    shutil.rmtree(root / "notebooks", ignore_errors=True)
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    return root


def _sample(root: Path) -> Path:
    for part in ("data/amem", "params/amem", "notebooks"):
        shutil.copytree(REPO / part, root / part)
    return root


def _read_csv_seconds(root: Path) -> dict:
    code = ("import sys, time, pathlib, pandas as pd\n"
            "files = sorted(pathlib.Path(sys.argv[1]).rglob('*.csv'))\n"
            "t = time.perf_counter()\n"
            "rows = sum(len(pd.read_csv(f)) for f in files)\n"
            "print(time.perf_counter() - t, rows, len(files))\n")
    out = subprocess.run([PYTHON, "-c", code, str(root / "data")], capture_output=True, text=True, check=True)
    seconds, rows, files = out.stdout.split()
    return {"seconds": float(seconds), "rows": int(rows), "files": int(files)}


def run(cache: Path = REPO / "build" / "bench" / "portfolio") -> dict:
    root = _portfolio(cache)
    sizes = {p.name: p.stat().st_size for p in sorted((root / "data").rglob("*.csv"))}
    result: dict = {"portfolio_files_bytes": sizes, "sizes": portfolio_files.SIZES}

    result["read_csv"] = _read_csv_seconds(root)
    say(f"scale: pandas.read_csv of {result['read_csv']['files']} files ({result['read_csv']['rows']:,} rows): "
        f"{result['read_csv']['seconds']:.2f} s")
    result["check"] = _run(_helpers("check", "--project", portfolio_files.PROJECT), root)
    say(f"scale: make check on the portfolio: {result['check']['seconds']:.1f} s, peak "
        f"{result['check']['peak_rss_bytes'] / 2**30:.2f} GiB ({result['check']['last_line']})")

    result["portfolio_annex"] = _run(_helpers("build", "--project", portfolio_files.PROJECT, "--force"), root)
    html = root / "build" / "annexes" / portfolio_files.PROJECT / "ensemble.html"
    result["portfolio_annex"]["html_bytes"] = html.stat().st_size if html.is_file() else None
    say(f"scale: portfolio annex: {result['portfolio_annex']['seconds']:.1f} s, peak "
        f"{result['portfolio_annex']['peak_rss_bytes'] / 2**30:.2f} GiB, HTML "
        f"{(result['portfolio_annex']['html_bytes'] or 0) / 1e6:.2f} MB (exit {result['portfolio_annex']['exit_code']})")

    with tempfile.TemporaryDirectory(prefix="bench-sample-") as folder:
        sample = _sample(Path(folder))
        result["sample_annex"] = _run(_helpers("build", "--project", "amem", "--annex", "ensemble", "--force"), sample)
        say(f"scale: sample project-wide annex: {result['sample_annex']['seconds']:.1f} s")
        result["sample_full"] = _run(_helpers("build", "--project", "amem", "--force"), sample)
        expenditure = sample / "data" / "amem" / "expenditure.csv"
        lines = expenditure.read_text(encoding="utf-8").splitlines(keepends=True)
        cells = lines[1].split(",")
        cells[2] = f"{float(cells[2]) + 1:.2f}"  # one amount of one row, one unit more
        lines[1] = ",".join(cells)
        expenditure.write_text("".join(lines), encoding="utf-8")
        result["edit_one_row"] = _run(_helpers("build", "--project", "amem"), sample)
        result["noop_after_edit"] = _run(_helpers("build", "--project", "amem"), sample)
        say(f"scale: sample full build {result['sample_full']['seconds']:.1f} s; after editing one expenditure row "
            f"{result['edit_one_row']['seconds']:.1f} s; no-op {result['noop_after_edit']['seconds']:.2f} s")
    return result
