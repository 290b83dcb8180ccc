"""A generated portfolio built locally and on a local Dask cluster with as many worker processes: the engine's cost.

The portfolio: ``projects`` copies of the sample project (5 annexes each, 5 notebooks per annex), each with its
spending scaled by its own factor (seeded), so that every annex computes its own numbers. Both builds run in a fresh
interpreter (as `make annexes` would) into their own build folder, under one SOURCE_DATE_EPOCH, and their files are
compared byte for byte. The cluster is `python -m helpers cluster` (what `make cluster` starts), started before the
timed build, as a standing cluster would be; the Dask build's time includes connecting and checking the workers.

On paper, for N machines of c cores: the notebook runs spread over N x c workers, the exports stay on the machine
of make, so T(N) ~ max(notebook-seconds / (N x c), export-seconds / c_local) + the connection.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import PYTHON, REPO, build_env, cores, say

SEED = 20261201
EPOCH = "1609372800"


def generate(root: Path, projects: int) -> list[str]:
    """``projects`` copies of the sample (data/amem, params/amem), their spending scaled; returns their names."""
    rng = random.Random(SEED)
    names = [f"p{i:03d}" for i in range(1, projects + 1)]
    for name in names:
        shutil.copytree(REPO / "data" / "amem", root / "data" / name)
        shutil.copytree(REPO / "params" / "amem", root / "params" / name)
        spending = root / "data" / name / "expenditure.csv"
        rows = list(csv.DictReader(io.StringIO(spending.read_text(encoding="utf-8"))))
        factor = rng.uniform(0.6, 1.4)
        for row in rows:
            if row["amount"]:
                row["amount"] = f"{float(row['amount']) * factor:.2f}"
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        spending.write_text(out.getvalue(), encoding="utf-8")
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    return names


def _build_child(root: str, build: str, jobs: str, scheduler: str, out: str) -> int:
    """In a fresh interpreter: runner.build of the whole portfolio, locally or on ``scheduler``."""
    from helpers.pipeline import runner

    from .pipeline import step_times

    layout = runner.Layout(data=Path(root) / "data", params=Path(root) / "params", notebooks=Path(root) / "notebooks",
                           build=Path(build))
    lines = []
    real = sys.stdout

    class Tee(io.TextIOBase):
        def write(self, text):
            lines.append(text)
            return real.write(text)

        def flush(self):
            real.flush()

    sys.stdout = Tee()
    started = time.perf_counter()
    try:
        code = runner.build(layout=layout, jobs=int(jobs), scheduler=None if scheduler == "-" else scheduler)
    finally:
        sys.stdout = real
    seconds = time.perf_counter() - started
    steps = step_times("".join(lines))
    Path(out).write_text(json.dumps({"exit_code": code, "seconds": seconds, "steps": steps}), encoding="utf-8")
    return 0


def _timed_build(root: Path, build: Path, jobs: int, scheduler: str | None) -> dict:
    out = build.with_suffix(".json")
    env = {**build_env(), "SOURCE_DATE_EPOCH": EPOCH}
    proc = subprocess.run([PYTHON, "-m", "benchmarks.cluster", "build", str(root), str(build), str(jobs),
                           scheduler or "-", str(out)], cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    result = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {"exit_code": proc.returncode}
    steps = result.get("steps", [])
    local = ("export", "figures")  # the steps that stay on the machine of make (the figures step too)
    result["notebook_seconds"] = sum(s["seconds"] for s in steps if s["step"] not in local)
    result["export_seconds"] = sum(s["seconds"] for s in steps if s["step"] in local)
    result["notebook_runs"] = sum(s["step"] not in local for s in steps)
    del result["steps"]
    return result


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_cluster(workers: int) -> tuple[subprocess.Popen, str]:
    from distributed import Client

    port = _free_port()
    process = subprocess.Popen([PYTHON, "-m", "helpers", "cluster", "--port", str(port), "--workers", str(workers)],
                               cwd=REPO, env={**build_env(), "QUIET": "1"}, stdout=subprocess.PIPE, text=True,
                               start_new_session=True)
    address = f"tcp://127.0.0.1:{port}"
    process.stdout.readline()
    with Client(address, timeout=30, set_as_default=False) as client:
        client.wait_for_workers(workers, timeout=120)
    return process, address


def _same_files(a: Path, b: Path) -> dict:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    differ = [str(p) for p in files if not (b / p).is_file() or (a / p).read_bytes() != (b / p).read_bytes()]
    return {"files": len(files), "differ": differ[:10], "identical": not differ and len(files) > 0}


def on_paper(local: dict, machines=(1, 2, 4, 8, 16), per_machine: int = 2, local_cores: int = 2) -> dict:
    """T(N) ~ max(notebook-seconds / (N x c), export-seconds / local cores): the exports stay on the local machine."""
    return {str(n): max(local["notebook_seconds"] / (n * per_machine), local["export_seconds"] / local_cores)
            for n in machines}


def run(projects: int, jobs: int, repeats: int = 1) -> dict:
    """Local and Dask builds taken in turns ``repeats`` times (on a shared machine the load drifts): the fastest of
    each is kept."""
    root = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    process = None
    try:
        names = generate(root, projects)
        say(f"cluster: portfolio of {len(names)} projects x 5 annexes x 5 notebooks in {root}; {jobs} worker(s)")
        process, address = _start_cluster(jobs)
        say(f"cluster: local Dask cluster on {address} ({jobs} one-thread workers)")
        runs: dict[str, list[dict]] = {"local": [], "dask": []}
        for turn in range(repeats):
            for kind, scheduler in (("local", None), ("dask", address)):
                result = _timed_build(root, root / f"{kind}-{turn}", jobs, scheduler)
                runs[kind].append(result)
                say(f"cluster: {kind} build {turn + 1}/{repeats}: {result.get('seconds', float('nan')):.1f} s "
                    f"(exit {result.get('exit_code')})")
        local, remote = (min(runs[k], key=lambda r: r.get("seconds", float("inf"))) for k in ("local", "dask"))
        ratio = remote["seconds"] / local["seconds"] if local.get("seconds") and remote.get("seconds") else None
        return {"projects": projects, "annexes": 5 * projects, "jobs": jobs, "cores": cores(), "local": local,
                "dask": remote, "ratio": ratio, "repeats": repeats,
                "all_seconds": {k: [r.get("seconds") for r in v] for k, v in runs.items()},
                "same_files": _same_files(root / "local-0" / "annexes", root / "dask-0" / "annexes"),
                "on_paper_seconds": on_paper(local, per_machine=jobs, local_cores=cores())}
    finally:
        if process is not None:
            os.killpg(process.pid, 15)
            process.wait(timeout=60)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1] == "build":
        sys.exit(_build_child(*sys.argv[2:7]))
    raise SystemExit(f"unknown command {sys.argv[1:]}")
