"""Faults during a build: a notebook that raises, a kernel that dies, a cell past the timeout, Ctrl-C.

In each case, with fork isolation and with kernel isolation, the other annexes are built, the failed annex keeps its previous files byte for byte, the run ends with
a summary and a non-zero exit, and no temporary file is left behind. The notebooks here are tiny so that each test
costs a few kernel starts only.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.pipeline import runner
from helpers.pipeline.executors import ISOLATIONS
from helpers.paths import KERNEL_NAME, REPO_ROOT
from sample_layout import sample_layout

pytestmark = pytest.mark.slow
PREVIOUS = {".html": b"<html>last good annex</html>", ".figures.csv": b"section\nold\n", ".xlsx": b"old xlsx"}


def notebook(*sources: str) -> dict:
    cells = [{"cell_type": "code", "id": "params", "metadata": {"tags": ["parameters"]}, "execution_count": None,
              "outputs": [], "source": 'project = "amem"\nannex = "ensemble"\nlanguage = ""\ndata_dir = ""\nparams_dir = ""'}]
    cells += [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None, "outputs": [],
               "source": src} for i, src in enumerate(sources)]
    return {"nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": {"kernelspec": {"name": KERNEL_NAME, "display_name": "Evaluation workbook",
                                        "language": "python"}}}


def make_layout(root: Path, fault: str) -> runner.Layout:
    """The sample project with two annexes (maroc fails, mauritanie does not) and two small notebooks."""
    layout = sample_layout(root, ["maroc", "mauritanie"], notebooks=None)
    ok = notebook("from helpers.annex import open_annex\n"
                  "ctx = open_annex(project, annex, language, data_dir, params_dir)\n"
                  'ctx.heading(fr="Section", en="Section")')
    (layout.notebooks / "10_ok.ipynb").write_text(json.dumps(ok), encoding="utf-8")
    (layout.notebooks / "20_fault.ipynb").write_text(
        json.dumps(notebook(f'if annex == "maroc":\n{fault}')), encoding="utf-8")
    folder = layout.build / "annexes" / "amem"
    folder.mkdir(parents=True)
    for suffix, content in PREVIOUS.items():
        (folder / f"maroc{suffix}").write_bytes(content)
    return layout


def assert_previous_annex_survived(layout: runner.Layout) -> None:
    folder = layout.build / "annexes" / "amem"
    for suffix, content in PREVIOUS.items():
        assert (folder / f"maroc{suffix}").read_bytes() == content
    leftovers = [str(p) for p in layout.build.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.parametrize("isolation", ISOLATIONS)
@pytest.mark.parametrize("fault, message", [
    ('    raise RuntimeError("partner file unreadable")', "a levé RuntimeError: partner file unreadable"),
    ("    import os\n    os._exit(1)", "le noyau s'est arrêté"),
    ("    import time\n    time.sleep(60)", "plus longtemps que le délai de 5 s"),
])
def test_a_fault_in_one_annex_keeps_its_previous_files_and_builds_the_other(tmp_path, capsys, fault, message,
                                                                           isolation):
    layout = make_layout(tmp_path, fault)
    started = time.perf_counter()
    code = runner.build(project="amem", layout=layout, timeout=5, isolation=isolation)
    out = capsys.readouterr().out
    assert code == 1
    # (amem is French: the build says it in French, which annex, which notebook and cell, what to do)
    assert "ÉCHEC   amem/maroc : notebook 20_fault.ipynb" in out and message in out, out
    assert "1 annexe(s) construite(s), 1 en échec" in out
    assert "(ouvrez-le avec make lab pour lire l'erreur, corrigez les données ou le notebook" in out
    # the index still lists its earlier files, and says they are not of the current data
    index = (layout.build / "annexes" / "index.html").read_text(encoding="utf-8")
    assert "Pas à jour : amem/maroc.html : la dernière construction de chacune a échoué" in index, index
    assert "amem/mauritanie.html :" not in index
    assert_previous_annex_survived(layout)
    assert (layout.build / "annexes" / "amem" / "mauritanie.html").is_file()
    assert time.perf_counter() - started < 90


@pytest.mark.parametrize("isolation", ISOLATIONS)
def test_ctrl_c_stops_the_run_with_a_summary_and_keeps_previous_files(tmp_path, isolation):
    layout = make_layout(tmp_path, "    import time\n    time.sleep(60)")
    script = (
        "import sys\nfrom pathlib import Path\nfrom helpers.pipeline import runner\n"
        f"layout = runner.Layout(data=Path({str(layout.data)!r}), params=Path({str(layout.params)!r}), "
        f"notebooks=Path({str(layout.notebooks)!r}), build=Path({str(layout.build)!r}))\n"
        f"sys.exit(runner.build(project='amem', layout=layout, timeout=300, jobs=2, isolation={isolation!r}))\n")
    process = subprocess.Popen([sys.executable, "-c", script], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    # wait until the maroc annex is inside its sleeping cell, then press Ctrl-C (SIGINT to the whole group)
    deadline = time.time() + 60
    lines = []
    while time.time() < deadline:
        line = process.stdout.readline()
        lines.append(line)
        if "amem/maroc" in line and "10_ok" in line:
            break
    time.sleep(3)
    os.killpg(process.pid, signal.SIGINT)
    out, _ = process.communicate(timeout=60)
    out = "".join(lines) + out
    assert process.returncode == 130, out
    assert "Interrompu" in out and "ÉCHEC   amem/maroc" in out, out
    assert_previous_annex_survived(layout)
    # nothing of the run is left once its processes had a moment to exit: no kernel, no worker, no forked notebook
    deadline = time.time() + 15
    while (left := _group(process.pid)) and time.time() < deadline:
        time.sleep(0.5)
    assert left == [], subprocess.run(["ps", "-o", "pid,ppid,cmd", "-g", str(process.pid)], capture_output=True,
                                      text=True).stdout


def _group(group: int) -> list[int]:
    found = subprocess.run(["pgrep", "-g", str(group)], capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in found if _in_group(int(pid), group)]


def _in_group(pid: int, group: int) -> bool:
    try:
        return os.getpgid(pid) == group
    except ProcessLookupError:
        return False
