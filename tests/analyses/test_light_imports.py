"""The analyses import the data room's model (helpers.data.model, .spec) and the text module, never the loader: importing
an analysis must not load the validation and reading machinery (pandera, lxml, yaml). Run in a fresh interpreter,
since this test session has long imported them all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
ANALYSES = sorted(p.stem for p in (SRC / "helpers" / "analyses").glob("*.py") if p.stem != "__init__")
HEAVY = ("pandera", "lxml", "yaml")


def _loaded_after(code: str) -> list[str]:
    probe = code + f"\nimport json, sys\nprint(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_analysis_imports_without_pandera_lxml_or_yaml():
    assert "budget" in ANALYSES and "figures" in ANALYSES
    imports = "\n".join(f"import helpers.analyses.{name}" for name in ANALYSES)
    assert _loaded_after(imports + "\nimport helpers.data.model, helpers.data.spec, helpers.text") == []


@pytest.mark.parametrize("module", ["helpers.data.loader"])
def test_the_probe_sees_the_heavy_imports_of_the_loader(module):
    """The same probe on the loader finds pandera and yaml: the test above can fail."""
    assert set(_loaded_after(f"import {module}")) >= {"pandera", "yaml"}  # lxml: only once an IATI file is read
