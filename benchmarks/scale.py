"""The chain at portfolio scale, measured the way a user runs it: commands on files, each a whole process.

``check`` (target (d)): ``python -m helpers check --project portfolio`` (what ``make check`` runs) against a process
that reads the same CSV files with ``pandas.read_csv``, both whole processes (interpreter start and imports
included), taken in turns twice and the faster of each kept: wall and CPU seconds, and the check's peak memory.

``scale``: the portfolio's project-wide annex, ``python -m helpers build --project portfolio --force``, against the
sample's project-wide annex built the same way (``--annex ensemble``): wall time and peak memory.

The portfolio (benchmarks.portfolio_files) is generated once into build/bench/portfolio/ (regenerated when its
generator changes). Each command runs with WORKBOOK_ROOT pointing at that folder or at a temporary copy of the
sample project (data, params, notebooks), so nothing of the repository's build/ or data is touched. Peak memory is
the largest resident set of the command's process (wait4's rusage).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .common import PYTHON, REPO, measured, project_copy, say
from . import portfolio_files

CACHE = REPO / "build" / "bench" / "portfolio"
READ_CSV = ("import sys, time, pathlib, pandas as pd\n"
            "files = sorted(pathlib.Path(sys.argv[1]).rglob('*.csv'))\n"
            "t = time.perf_counter()\n"
            "rows = sum(len(pd.read_csv(f)) for f in files)\n"
            "print(time.perf_counter() - t, rows, len(files))\n")


def _run(args: list[str], root: Path) -> dict:
    """One command as a whole process on the project at ``root`` (common.measured, without its full output)."""
    result = measured(args, root)
    result.pop("output")
    return result


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
        # in a process of its own: the benchmark's process stays small, and the peak memory its later steps read
        # (ru_maxrss, which Linux keeps across exec) is theirs, not the generator's (926 MiB given to the IATI reader)
        subprocess.run([PYTHON, "-m", "benchmarks.portfolio_files", str(root)], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL)
        say(f"scale: generated in {time.perf_counter() - started:.0f} s")
    shutil.rmtree(root / "build", ignore_errors=True)
    shutil.rmtree(root / "notebooks", ignore_errors=True)
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    return root


def _read_csv(root: Path) -> dict:
    """A whole process that reads every CSV file of the project with pandas.read_csv (its rows counted)."""
    result = measured([PYTHON, "-c", READ_CSV, str(root / "data")])
    out = result.pop("output").split()
    if result["exit_code"] == 0:
        result.update(inside_seconds=float(out[0]), rows=int(out[1]), files=int(out[2]))
    return result


def check(repeats: int = 2, cache: Path = CACHE) -> dict:
    """Target (d): `make check` on the portfolio / a pandas.read_csv process of the same files, <= 3; peak <= 1.5 GiB.
    Both taken in turns ``repeats`` times; the fastest of each is kept (the machine may be shared)."""
    root = _portfolio(cache)
    reads, checks = [], []
    for turn in range(repeats):
        reads.append(_read_csv(root))
        say(f"check {turn + 1}/{repeats}: pandas.read_csv process of {reads[-1].get('files')} files "
            f"({reads[-1].get('rows', 0):,} rows): {reads[-1]['seconds']:.2f} s wall, "
            f"{reads[-1]['cpu_seconds']:.2f} s CPU")
        checks.append(_run(_helpers("check", "--project", portfolio_files.PROJECT), root))
        say(f"check {turn + 1}/{repeats}: `python -m helpers check --project {portfolio_files.PROJECT}`: "
            f"{checks[-1]['seconds']:.1f} s wall, {checks[-1]['cpu_seconds']:.1f} s CPU, peak "
            f"{checks[-1]['peak_rss_bytes'] / 2**30:.2f} GiB ({checks[-1]['last_line'][:80]})")
    read = min(reads, key=lambda r: r["seconds"])
    best = min(checks, key=lambda r: r["seconds"])
    return {"read_csv": read, "check": best, "all_read_seconds": [r["seconds"] for r in reads],
            "all_check_seconds": [r["seconds"] for r in checks],
            "peak_rss_bytes": max(r["peak_rss_bytes"] for r in checks),
            "ratio": best["seconds"] / read["seconds"], "sizes": portfolio_files.SIZES,
            "portfolio_files_bytes": {p.name: p.stat().st_size for p in sorted((root / "data").rglob("*.csv"))}}


def run(cache: Path = CACHE) -> dict:
    root = _portfolio(cache)
    sizes = {p.name: p.stat().st_size for p in sorted((root / "data").rglob("*.csv"))}
    result: dict = {"portfolio_files_bytes": sizes, "sizes": portfolio_files.SIZES}

    result["portfolio_annex"] = _run(_helpers("build", "--project", portfolio_files.PROJECT, "--force"), root)
    html = root / "build" / "annexes" / portfolio_files.PROJECT / "ensemble.html"
    result["portfolio_annex"]["html_bytes"] = html.stat().st_size if html.is_file() else None
    say(f"scale: portfolio annex: {result['portfolio_annex']['seconds']:.1f} s, peak "
        f"{result['portfolio_annex']['peak_rss_bytes'] / 2**30:.2f} GiB, HTML "
        f"{(result['portfolio_annex']['html_bytes'] or 0) / 1e6:.2f} MB (exit {result['portfolio_annex']['exit_code']})")

    with tempfile.TemporaryDirectory(prefix="bench-sample-") as folder:
        sample = project_copy(Path(folder))
        result["sample_annex"] = _run(_helpers("build", "--project", "amem", "--annex", "ensemble", "--force"), sample)
        say(f"scale: sample project-wide annex: {result['sample_annex']['seconds']:.1f} s")
    return result
