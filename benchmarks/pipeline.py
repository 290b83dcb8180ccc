"""The full build (runner.build), the naive CLI pipeline, the no-op `make annexes`, and the annex HTML sizes."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from .common import (BIN, KERNEL, PROJECT, PYTHON, REPO, child_env, measured, notebooks, project_copy,
                     sample_targets, say)

# « amem/tunisie   20_budget   2,5 s »: a step's line as the build prints it, with the project's decimal mark
STEP_LINE = re.compile(r"^\s+(?P<target>\S+/\S+)\s+(?P<step>\S+)\s+(?P<seconds>\d+(?:[.,]\d+)?) s\s*$")


def step_times(output: str) -> list[dict]:
    """Each step the build printed, with its seconds (a French build writes « 2,5 s »: its lines went uncounted,
    and the edit step reported « 0 steps ran »)."""
    return [{"annex": m["target"], "step": m["step"], "seconds": float(m["seconds"].replace(",", "."))}
            for m in map(STEP_LINE.match, output.splitlines()) if m]


# ---------------------------------------------------------------------------------------------- the full build
def make_annexes(root: Path, jobs: int = 0) -> dict:
    """`make annexes PROJECT=amem` as the user runs it (a whole process: make, the interpreter, the imports, the
    workers), on the copy of the project at ``root``; with the per-step times the build prints."""
    args = ["make", "--no-print-directory", "annexes", f"PROJECT={PROJECT}"] + ([f"JOBS={jobs}"] if jobs else [])
    result = measured(args, root)
    out = result.pop("output")
    result["steps"] = step_times(out)
    result["nothing_to_do"] = _says_nothing_to_do(out)
    return result


def _says_nothing_to_do(out: str) -> bool:
    """Whether the build said "Nothing to do: ...", in the project's language (« Rien à faire : » in French)."""
    from helpers.annex.words import say as words

    said = tuple(words("build_nothing", lang, n=0, path="", seconds="").split(":")[0].strip() for lang in ("fr", "en"))
    return any(line.startswith(said) for line in out.splitlines())


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
    """The sample's annexes built from an empty build/ (no cache, no validated store) in a fresh copy of the
    project, with `make annexes`; the size and anatomy of each annex HTML."""
    with tempfile.TemporaryDirectory(prefix="bench-build-") as folder:
        root = project_copy(Path(folder))
        say(f"build: `make annexes PROJECT={PROJECT} JOBS={jobs}` from an empty build/ in a copy ({root})")
        result = make_annexes(root, jobs)
        annexes = root / "build" / "annexes" / PROJECT
        result["html"] = {p.stem: html_anatomy(p) for p in sorted(annexes.glob("*.html"))}
        result["outputs"] = sorted(p.name for p in annexes.iterdir()) if annexes.is_dir() else []
        say(f"build: {result['seconds']:.1f} s wall, {result['cpu_seconds']:.1f} s CPU (exit code "
            f"{result['exit_code']})")
        return result


# ---------------------------------------------------------------------------------------------- one edited row
def edit_one_row(jobs: int) -> dict:
    """Target (c): in a fresh copy of the project, `make annexes` from an empty build/, then one amount of one
    expenditure row changed by one unit, then `make annexes` again (only what reads expenditure should rerun), then
    a no-op `make annexes`. The ratio is the rebuild's wall time over the full build's, both whole processes."""
    with tempfile.TemporaryDirectory(prefix="bench-edit-") as folder:
        root = project_copy(Path(folder))
        say(f"edit: full build, `make annexes PROJECT={PROJECT} JOBS={jobs}` from an empty build/ in {root}")
        full = make_annexes(root, jobs)
        say(f"edit: full build {full['seconds']:.1f} s (exit {full['exit_code']})")
        expenditure = root / "data" / PROJECT / "expenditure.csv"
        edited = _edit_amount(expenditure)
        say(f"edit: {edited}; `make annexes` again")
        rebuild = make_annexes(root, jobs)
        noop_run = make_annexes(root, jobs)
        say(f"edit: rebuild {rebuild['seconds']:.1f} s (exit {rebuild['exit_code']}), {len(rebuild['steps'])} "
            f"steps ran; no-op {noop_run['seconds']:.2f} s")
        return {"full": full, "edited": rebuild, "noop": noop_run, "edit": edited,
                "ratio": rebuild["seconds"] / full["seconds"]}


def _edit_amount(path: Path) -> str:
    """One amount of the first expenditure row, one unit more (the header names the column; ';' or ',' files)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    header = [h.strip().lower() for h in lines[0].rstrip("\r\n").split(delimiter)]
    column = next(i for i, h in enumerate(header) if h in ("amount", "spent", "montant", "depense", "dépense"))
    cells = lines[1].rstrip("\r\n").split(delimiter)
    ending = lines[1][len(lines[1].rstrip("\r\n")):]
    mark = "," if delimiter == ";" and "," in cells[column] else "."
    old = cells[column]
    cells[column] = f"{float(old.replace(',', '.')) + 1:.2f}".replace(".", mark)
    lines[1] = delimiter.join(cells) + ending
    path.write_text("".join(lines), encoding="utf-8")
    return f"{path.name} row 2, column '{header[column]}': {old} -> {cells[column]}"


# ---------------------------------------------------------------------------------------------- the naive pipeline
def naive() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="bench-naive-"))
    targets = sample_targets()
    root = project_copy(folder / "project")   # the notebooks find the data there (WORKBOOK_ROOT), never in the repo
    books = [root / "notebooks" / nb.name for nb in notebooks()]
    env = child_env(WORKBOOK_ROOT=str(root))
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
                                    cwd=REPO, env=env, capture_output=True, text=True)
                t1 = time.perf_counter()
                nc = subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed),
                                     "--output-dir", str(folder)], cwd=REPO, env=env,
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
def noop(repeats: int = 3, jobs: int = 0) -> dict:
    """`make annexes` when build/ is current (must say "Nothing to do"), in a copy of the project built first."""
    with tempfile.TemporaryDirectory(prefix="bench-noop-") as folder:
        root = project_copy(Path(folder))
        say(f"noop: `make annexes` once in a copy ({root}) so that its build/ is current")
        first = make_annexes(root, jobs)
        say(f"noop: first `make annexes` took {first['seconds']:.1f} s (exit {first['exit_code']})")
        runs = []
        for i in range(repeats):
            runs.append(make_annexes(root, jobs))
            say(f"  noop {i + 1}/{repeats}: {runs[-1]['seconds']:.2f} s  {runs[-1]['last_line'][:110]}")
    times = [r["seconds"] for r in runs]
    return {"seconds": statistics.median(times), "all_seconds": times,
            "said_nothing_to_do": all(r["nothing_to_do"] for r in runs), "output": runs[0]["output_tail"],
            "first_run_seconds": first["seconds"], "first_run_exit": first["exit_code"],
            "first_run_output": first["output_tail"]}
