"""Shared bits: where things are, progress messages, atomic JSON, the environment given to child processes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin"
PYTHON = str(BIN / "python") if (BIN / "python").exists() else sys.executable
RESULTS = REPO / "build" / "bench" / "results.json"
KERNEL = "evaluation-workbook"
PROJECT = "amem"

_T0 = time.perf_counter()


def say(text: str) -> None:
    """A progress line, with the time since the benchmark started."""
    minutes, tenths = divmod(round((time.perf_counter() - _T0) * 10), 600)  # 59.96 s is 01:00.0, not 00:60.0
    print(f"[bench {minutes:02d}:{tenths / 10:04.1f}] {text}", flush=True)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def write_json_atomic(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, sort_keys=True, default=str)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child process: this one, with the repository's src/ importable, plus ``extra``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), str(REPO / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update(extra)
    return env


def build_env() -> dict[str, str]:
    """What the build gives its workers and kernels (runner._run_pool): one BLAS thread per process."""
    return child_env(**{v: os.environ.get(v, "1") for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                                                              "MKL_NUM_THREADS")})


def sample_targets() -> list[tuple[str, str]]:
    """(project, annex) of every annex of the sample project, as the build discovers them."""
    from helpers.pipeline.runner import Layout, discover

    return [(t.project, t.annex) for t in discover(Layout(), PROJECT)]


def notebooks() -> list[Path]:
    from helpers.pipeline.runner import Layout, notebook_paths

    return notebook_paths(Layout())


def project_copy(root: Path, project: str = PROJECT) -> Path:
    """A copy of the sample project under ``root`` (its data, params and notebooks; no build/): the benchmark's
    builds run there with WORKBOOK_ROOT=root, so the repository's build/, archive/ and data are never touched."""
    for part in (f"data/{project}", f"params/{project}", "notebooks"):
        shutil.copytree(REPO / part, root / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return root


def measured(args: list[str], root: Path | None = None, env: dict[str, str] | None = None) -> dict:
    """One command as a whole process (interpreter start and imports included): exit code, wall seconds, CPU
    seconds (user + system, of the command and the children it waited for), peak RSS of its largest process, and
    the end of its output. ``root``: run it on that copy of the project (WORKBOOK_ROOT)."""
    env = dict(env or build_env())
    if root is not None:
        env["WORKBOOK_ROOT"] = str(root)
    before = os.times()
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    after = os.times()
    process.returncode = os.waitstatus_to_exitcode(status)
    # the command's own time from wait4; its children's (workers, kernels) from this process's children totals
    cpu = usage.ru_utime + usage.ru_stime
    children = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    lines = [line for line in out.splitlines() if line.strip()]
    return {"exit_code": process.returncode, "seconds": wall, "cpu_seconds": max(cpu, children),
            "peak_rss_bytes": usage.ru_maxrss * 1024, "last_line": lines[-1][:200] if lines else "",
            "output_tail": "\n".join(lines[-15:]), "output": out}
