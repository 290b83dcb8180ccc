"""The full build (runner.build), the naive CLI pipeline, the no-op `make annexes`, and the annex HTML sizes."""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import BIN, KERNEL, PROJECT, PYTHON, REPO, child_env, notebooks, sample_targets, say

STEP_LINE = re.compile(r"^\s+(?P<target>\S+/\S+)\s+(?P<step>\S+)\s+(?P<seconds>[\d.]+) s\s*$")


# ---------------------------------------------------------------------------------------------- the full build
def _build_child(folder: str, jobs: str, out: str) -> int:
    """Runs in a fresh interpreter (as `make annexes` would): runner.build with force into ``folder``."""
    from helpers.pipeline import runner

    class Tee:
        def __init__(self, stream):
            self.stream, self.text = stream, []

        def write(self, s):
            self.text.append(s)
            return self.stream.write(s)

        def flush(self):
            self.stream.flush()

        def __getattr__(self, name):
            return getattr(self.stream, name)

    tee = Tee(sys.stdout)
    sys.stdout = tee
    started = time.perf_counter()
    code = runner.build(project=PROJECT, force=True, jobs=int(jobs) or None,
                        layout=runner.Layout(build=Path(folder)))
    seconds = time.perf_counter() - started
    sys.stdout = tee.stream
    steps = []
    for line in "".join(tee.text).splitlines():
        m = STEP_LINE.match(line)
        if m:
            steps.append({"annex": m["target"], "step": m["step"], "seconds": float(m["seconds"])})
    Path(out).write_text(json.dumps({"exit_code": code, "seconds": seconds, "steps": steps}), encoding="utf-8")
    return 0


def html_anatomy(path: Path) -> dict:
    """Where the bytes of an annex HTML go: base64 images, <style>, <script>, the rest."""
    text = path.read_text(encoding="utf-8", errors="replace")
    images = re.findall(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=\s]+", text)
    styles = re.findall(r"<style.*?</style>", text, flags=re.S)
    scripts = re.findall(r"<script.*?</script>", text, flags=re.S)
    size = path.stat().st_size
    img = sum(len(s) for s in images)
    css = sum(len(s.encode()) for s in styles)
    js = sum(len(s.encode()) for s in scripts)
    return {"bytes": size, "images": len(images), "image_bytes": img, "style_bytes": css, "script_bytes": js,
            "tables": text.count("<table"), "other_bytes": size - img - css - js}


def full_build(jobs: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="bench-build-"))
    out = folder / "result.json"
    try:
        say(f"build: runner.build(project={PROJECT!r}, force=True, layout=Layout(build={folder})) "
            f"in a fresh interpreter, {jobs} worker(s)")
        started = time.perf_counter()
        proc = subprocess.run([PYTHON, "-m", "benchmarks.pipeline", "build", str(folder / "build"), str(jobs),
                               str(out)], cwd=REPO, env=child_env())
        wall = time.perf_counter() - started
        result = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {"exit_code": proc.returncode}
        result["wall_seconds"] = wall
        annexes = folder / "build" / "annexes" / PROJECT
        result["html"] = {p.stem: html_anatomy(p) for p in sorted(annexes.glob("*.html"))}
        result["outputs"] = sorted(p.name for p in annexes.iterdir()) if annexes.is_dir() else []
        say(f"build: {result.get('seconds', float('nan')):.1f} s inside runner.build, {wall:.1f} s wall "
            f"(exit code {result.get('exit_code')})")
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------------------------- the naive pipeline
def naive() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="bench-naive-"))
    targets = sample_targets()
    books = notebooks()
    runs = []
    try:
        say(f"naive: papermill CLI + jupyter nbconvert CLI for {len(targets)} annexes x {len(books)} notebooks, "
            "one after the other")
        started = time.perf_counter()
        for project, annex in targets:
            for nb in books:
                executed = folder / f"{annex}-{nb.name}"
                t0 = time.perf_counter()
                pm = subprocess.run([str(BIN / "papermill"), str(nb), str(executed), "-k", KERNEL,
                                     "-p", "project", project, "-p", "annex", annex, "--cwd", str(nb.parent)],
                                    cwd=REPO, env=child_env(), capture_output=True, text=True)
                t1 = time.perf_counter()
                nc = subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed),
                                     "--output-dir", str(folder)], cwd=REPO, env=child_env(),
                                    capture_output=True, text=True)
                t2 = time.perf_counter()
                html = folder / f"{annex}-{nb.stem}.html"
                run = {"annex": f"{project}/{annex}", "notebook": nb.stem, "papermill": t1 - t0,
                       "nbconvert": t2 - t1, "ok": pm.returncode == 0 and nc.returncode == 0,
                       "html_bytes": html.stat().st_size if html.is_file() else None}
                if not run["ok"]:
                    run["error"] = (pm.stderr if pm.returncode else nc.stderr)[-800:]
                runs.append(run)
                say(f"  naive {len(runs):>2}/{len(targets) * len(books)} {project}/{annex:<12} {nb.stem:<22} "
                    f"papermill {t1 - t0:4.1f} s  nbconvert {t2 - t1:4.1f} s{'' if run['ok'] else '  FAILED'}")
        seconds = time.perf_counter() - started
        say(f"naive: {seconds:.1f} s")
        return {"seconds": seconds, "runs": runs, "failed": sum(not r["ok"] for r in runs),
                "papermill_seconds": sum(r["papermill"] for r in runs),
                "nbconvert_seconds": sum(r["nbconvert"] for r in runs)}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------------------------- no-op make annexes
def noop(repeats: int = 3) -> dict:
    say("noop: `make annexes` once so that build/ is current (builds only if something changed)")
    t0 = time.perf_counter()
    first = subprocess.run(["make", "annexes"], cwd=REPO, capture_output=True, text=True)
    first_seconds = time.perf_counter() - t0
    say(f"noop: first `make annexes` took {first_seconds:.1f} s (exit {first.returncode}): "
        + (first.stdout.strip().splitlines() or ["(no output)"])[-1][:120])
    times, outputs = [], []
    for i in range(repeats):
        t0 = time.perf_counter()
        proc = subprocess.run(["make", "annexes"], cwd=REPO, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        outputs.append(proc.stdout.strip())
        say(f"  noop {i + 1}/{repeats}: {times[-1]:.2f} s  {proc.stdout.strip()[:110]}")
    nothing = all("Nothing to do" in o for o in outputs)
    return {"seconds": statistics.median(times), "all_seconds": times, "said_nothing_to_do": nothing,
            "output": outputs[0], "first_run_seconds": first_seconds, "first_run_exit": first.returncode,
            "first_run_output": first.stdout[-2000:]}


def _noop_profile() -> dict:
    """Where a no-op `python -m helpers build` spends its time (interpreter, imports, fingerprints)."""
    proc = subprocess.run([PYTHON, "-X", "importtime", "-m", "helpers", "build"], cwd=REPO, capture_output=True,
                          text=True, env=child_env())
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            parts = [p.strip() for p in line[len("import time:"):].split("|")]
            if parts[0].isdigit():
                rows.append((int(parts[1]), parts[2]))
    rows.sort(reverse=True)
    return {"top_cumulative_imports_us": rows[:12]}


if __name__ == "__main__":
    if sys.argv[1] == "build":
        sys.exit(_build_child(*sys.argv[2:5]))
    raise SystemExit(f"unknown command {sys.argv[1:]}")
