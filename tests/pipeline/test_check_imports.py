"""`make check` imports only what checking needs (issue 22): the libraries of the notebooks, the renderers and the
IATI reader stay out of its process, so that checking a large project does not pay for them.

Each test runs `python -m helpers check` as a user does, in a fresh interpreter, on a copy of the sample project
(WORKBOOK_ROOT, so the check's CSV goes to a temporary build/), and reads the modules it imported from
``-X importtime``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Never needed to check a project: plots, notebook execution and rendering, Jupyter, Word writing, Dask, and the
# Hypothesis that pandera's data-synthesis strategies would import.
NEVER = ("matplotlib", "seaborn", "papermill", "nbconvert", "nbformat", "nbclient", "jupyter_client", "IPython",
         "ipykernel", "docx", "dask", "distributed", "jinja2", "bs4", "hypothesis")
# Needed only to compare reported figures with computed ones (gender's Wilson interval, the surveys' estimates).
ONLY_FOR_REPORTED = ("statsmodels", "svy")
# Needed only to read an .xlsx file (openpyxl, which uses lxml) or an IATI file (lxml): the sample's tracer survey
# is an .xlsx file.
ONLY_FOR_XLSX_OR_IATI = ("openpyxl", "lxml")
# The workbook's own IATI reader, needed only for a project with an iati/ folder (its import took 0.03-0.05 s).
ONLY_FOR_IATI = ("helpers.data.iati",)


def _imported(root: Path) -> set[str]:
    env = dict(os.environ, WORKBOOK_ROOT=str(root),
               PYTHONPATH=os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "helpers", "check", "--project", "amem"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "amem : OK" in done.stdout
    assert (root / "build" / "check" / "amem.csv").is_file()
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if "." not in name or name.startswith("helpers."):  # a package imported has a line of its own (a
                names.add(name)   # refused `hypothesis.x` has not); the workbook's own modules by their full name
    assert "pandas" in names and "helpers" in names  # the parsing found the imports
    return names


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    for part in ("data/amem", "params/amem"):
        shutil.copytree(REPO / part, tmp_path / part)
    return tmp_path


def test_check_of_the_sample_leaves_out_the_libraries_it_does_not_need(sample_copy):
    imported = _imported(sample_copy)
    assert not imported & set(NEVER), sorted(imported & set(NEVER))


def test_csv_files_without_reported_figures_need_neither_statsmodels_nor_openpyxl_nor_lxml(sample_copy):
    (sample_copy / "data" / "amem" / "reported.csv").unlink()
    shutil.rmtree(sample_copy / "data" / "amem" / "surveys")   # its .xlsx files
    unneeded = set(NEVER + ONLY_FOR_REPORTED + ONLY_FOR_XLSX_OR_IATI + ONLY_FOR_IATI)
    imported = _imported(sample_copy)
    assert not imported & unneeded, sorted(imported & unneeded)
