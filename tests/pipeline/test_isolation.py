"""Fork isolation (the default) and kernel isolation give the same annexes, byte for byte.

Every sample annex is built twice under SOURCE_DATE_EPOCH, once with each executor of build.executors, and every
file (HTML, figures.csv, xlsx, the index) is compared. Each notebook must also start from a clean namespace.
"""

from __future__ import annotations

import ast
import json

import pytest

from helpers.pipeline import executors, runner
from helpers.paths import KERNEL_NAME
from sample_layout import sample_layout

pytestmark = pytest.mark.slow


def test_fork_and_kernel_isolation_give_byte_identical_annexes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609372800")
    layout = sample_layout(tmp_path / "w")
    files = {}
    for isolation in executors.ISOLATIONS:
        built = runner.Layout(data=layout.data, params=layout.params, notebooks=layout.notebooks,
                              build=tmp_path / isolation)
        assert runner.build(project="amem", layout=built, timeout=300, isolation=isolation) == 0
        root = built.build / "annexes"
        files[isolation] = {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    fork, kernel = files["fork"], files["kernel"]
    assert len([name for name in fork if name.endswith(".html")]) == 6  # five annexes and the index
    assert sorted(fork) == sorted(kernel)
    assert [name for name in fork if fork[name] != kernel[name]] == []


def _notebook(*sources: str) -> dict:
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": KERNEL_NAME, "language": "python",
                                                                            "display_name": "Evaluation workbook"}},
            "cells": [{"cell_type": "code", "id": f"c{i}", "metadata": {"tags": ["parameters"] if i == 0 else []},
                       "execution_count": None, "outputs": [], "source": src} for i, src in enumerate(sources)]}


@pytest.mark.parametrize("isolation", executors.ISOLATIONS)
def test_each_notebook_starts_from_a_clean_namespace_and_records_its_outputs(tmp_path, isolation):
    first, second = tmp_path / "first.ipynb", tmp_path / "second.ipynb"
    first.write_text(json.dumps(_notebook("x = 1", "leaked = 42\nimport os\nos.environ['WB_LEAK'] = '1'")))
    second.write_text(json.dumps(_notebook(
        "x = 1", "print('hello')\nprint('world')", "sorted(k for k in globals() if not k.startswith('_'))",
        "from IPython.display import HTML, display\ndisplay(HTML('<p>shown</p>'))",
        "import os\nos.environ.get('WB_LEAK')")))
    for notebook in (first, second):
        executors.execute(executors.NotebookRun(notebook, tmp_path / f"out-{notebook.name}", {"x": 2},
                                                cwd=tmp_path, timeout=60), isolation)
    cells = json.loads((tmp_path / "out-second.ipynb").read_text())["cells"]
    code = [c for c in cells if c["cell_type"] == "code" and "injected-parameters" not in c["metadata"]["tags"]]
    assert [c["execution_count"] for c in cells] == [1, 2, 3, 4, 5, 6]
    assert code[1]["outputs"] == [{"output_type": "stream", "name": "stdout", "text": ["hello\n", "world\n"]}]
    names = ast.literal_eval("".join(code[2]["outputs"][0]["data"]["text/plain"]))
    assert "leaked" not in names and "x" in names
    assert code[3]["outputs"][0]["data"]["text/html"] == ["<p>shown</p>"]
    assert code[4]["outputs"] == []  # os.environ.get returned None: the first notebook's change did not leak
