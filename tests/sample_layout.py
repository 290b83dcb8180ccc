"""The sample project's inputs copied to a temporary folder and laid out for runner.build, so that tests never
touch the repository's data/, params/ or build/."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers.pipeline import runner
from helpers.paths import DATA_DIR, NOTEBOOKS_DIR, PARAMS_DIR


def sample_layout(root: Path, annexes: list[str] | None = None, notebooks: Path | None = NOTEBOOKS_DIR) -> runner.Layout:
    """data/amem, params/amem (every annex, or only ``annexes``) and the notebooks of ``notebooks`` (None: an empty
    notebooks folder for the test to fill)."""
    layout = runner.Layout(data=root / "data", params=root / "params", notebooks=root / "notebooks",
                           build=root / "build")
    shutil.copytree(DATA_DIR / "amem", layout.data / "amem")
    if annexes is None:
        shutil.copytree(PARAMS_DIR / "amem", layout.params / "amem")
    else:
        (layout.params / "amem").mkdir(parents=True)
        for name in ("project", *annexes):
            shutil.copy(PARAMS_DIR / "amem" / f"{name}.yaml", layout.params / "amem")
    if notebooks is None:
        layout.notebooks.mkdir()
    else:
        shutil.copytree(notebooks, layout.notebooks)
    return layout
