"""`make lab LAB_ARGS=...` passes options to JupyterLab (issue 21, item 10: as root in a container it needs
`--allow-root`), and the README says how to point a notebook at another project and annex."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from helpers.paths import REPO_ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


# --no-print-directory: under `make test` this make is a sub-make, which would print "Entering directory ..."
MAKE = ["make", "--no-print-directory"]


def test_make_lab_passes_lab_args_to_jupyterlab():
    dry = subprocess.run([*MAKE, "-n", "lab", "LAB_ARGS=--allow-root --no-browser --ip 0.0.0.0"], cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=60)
    assert "jupyter lab notebooks/ --allow-root --no-browser --ip 0.0.0.0" in dry.stdout, dry.stdout + dry.stderr
    real = subprocess.run([*MAKE, "lab", "LAB_ARGS=--version"], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=120)
    assert real.returncode == 0 and re.fullmatch(r"\d+\.\d+\.\d+\S*", real.stdout.strip()), real.stdout + real.stderr


def test_the_readme_says_how_to_open_a_notebook_on_another_project():
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "LAB_ARGS=" in text
    assert 'project = "' in text and 'annex = "' in text
