"""Renderers registered by their module: the annex's files are listed from annex/renderers/, each made by one
render(annex) -> bytes, and adding a file to every annex is one new module (shown on a copy of the package)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.annex import renderers
from helpers.paths import HELPERS_DIR, KERNEL_NAME, renderer_suffixes
from helpers.pipeline import runner
from sample_layout import sample_layout

# A renderer as a team would add one: the annex's figures as a Markdown table, <annex>.figures.md.
FIGURES_MD = '''"""<annex>.figures.md: the figures as a Markdown table (a test renderer)."""

from __future__ import annotations


def render(annex) -> bytes:
    rows = ["| metric | key | value |", "|---|---|---|"]
    rows += [f"| {m} | {k} | {v} |" for m, k, v in annex.figures[["metric", "key", "value"]].itertuples(index=False)]
    return ("# " + annex.title + "\\n\\n" + "\\n".join(rows) + "\\n").encode("utf-8")
'''

NOTEBOOK = {"nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": KERNEL_NAME, "display_name": "Evaluation workbook",
                                        "language": "python"}},
            "cells": [{"cell_type": "code", "id": "params", "metadata": {"tags": ["parameters"]},
                       "execution_count": None, "outputs": [],
                       "source": 'project = "amem"\nannex = "maroc"\nlanguage = ""\ndata_dir = ""\nparams_dir = ""'},
                      {"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": None, "outputs": [],
                       "source": "from helpers.annex import open_annex\n"
                                 "ctx = open_annex(project, annex, language, data_dir, params_dir)\n"
                                 'ctx.heading(fr="Section", en="Section")'}]}


def test_the_annexs_files_come_from_the_renderer_modules(tmp_path):
    assert renderer_suffixes() == {"docx": ".docx", "figures_csv": ".figures.csv", "html": ".html",
                                   "xlsx": ".xlsx"}
    assert list(renderers.registry()) == ["docx", "figures_csv", "html", "xlsx"]
    layout = runner.Layout(build=tmp_path / "build")
    outputs = runner.Target("amem", "maroc").outputs(layout)
    assert {name: p.name for name, p in outputs.items()} == {
        "docx": "maroc.docx", "figures_csv": "maroc.figures.csv", "html": "maroc.html", "xlsx": "maroc.xlsx",
        "stamp": "maroc.inputs.json"}


def test_a_renderer_that_does_not_return_bytes_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(renderers, "registry", lambda: {"html": lambda annex: "text"})
    annex = renderers.RenderedAnnex(None, "<html/>", pd.DataFrame(), None, "fr", "T", "K", None, None)
    with pytest.raises(TypeError, match="renderer html returned str, not bytes"):
        renderers.render_all(annex)


@pytest.mark.slow
def test_a_new_renderer_is_one_module_and_the_build_makes_its_file(tmp_path):
    package = tmp_path / "src" / "helpers"
    shutil.copytree(HELPERS_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "annex" / "renderers" / "figures_md.py").write_text(FIGURES_MD, encoding="utf-8")
    layout = sample_layout(tmp_path / "workbook", ["maroc"], notebooks=None)
    (layout.notebooks / "10_section.ipynb").write_text(json.dumps(NOTEBOOK), encoding="utf-8")
    code = ("import sys\nfrom pathlib import Path\nfrom helpers.pipeline import runner\n"
            "root = Path(sys.argv[1])\n"
            "layout = runner.Layout(data=root / 'data', params=root / 'params', notebooks=root / 'notebooks',"
            " build=root / 'build')\n"
            "sys.exit(runner.build(project='amem', layout=layout, timeout=120, jobs=1))\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "src"), "SOURCE_DATE_EPOCH": "1764547200"}
    env.pop("WORKBOOK_ROOT", None)

    def build() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", code, str(tmp_path / "workbook")], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=300)

    done = build()
    assert done.returncode == 0, done.stdout + done.stderr
    folder = layout.build / "annexes" / "amem"
    assert sorted(p.name for p in folder.iterdir()) == [
        "maroc.docx", "maroc.figures.csv", "maroc.figures.md", "maroc.html", "maroc.inputs.json", "maroc.xlsx"]
    table = (folder / "maroc.figures.md").read_text(encoding="utf-8")
    figures = pd.read_csv(folder / "maroc.figures.csv")
    assert table.startswith("# ") and table.count("\n| ") == len(figures) + 1  # every figure, one row each
    assert f"| {figures['metric'][0]} | {figures['key'][0]} |" in table
    # the new file is one of the annex's files: without it the annex is out of date, and built again
    assert "Rien à faire" in build().stdout   # (amem is French: the build speaks it)
    (folder / "maroc.figures.md").unlink()
    again = build()
    assert again.returncode == 0 and "1 annexe(s) construite(s)" in again.stdout, again.stdout + again.stderr
    assert (folder / "maroc.figures.md").read_text(encoding="utf-8") == table
