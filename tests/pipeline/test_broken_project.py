"""One broken project does not stop the others (issue 21, item 1): every project whose inputs are valid is built,
each broken one is named with its problems, and the build exits non-zero."""

from __future__ import annotations

import json
import shutil

from helpers.pipeline import runner
from helpers.paths import KERNEL_NAME
from sample_layout import sample_layout


def _tiny_notebook() -> dict:
    cells = [{"cell_type": "code", "id": "params", "metadata": {"tags": ["parameters"]}, "execution_count": None,
              "outputs": [], "source": 'project = "amem"\nannex = "ensemble"\nlanguage = ""\ndata_dir = ""\n'
                                       'params_dir = ""'},
             {"cell_type": "code", "id": "c0", "metadata": {}, "execution_count": None, "outputs": [],
              "source": "from helpers.annex import open_annex\n"
                        "ctx = open_annex(project, annex, language, data_dir, params_dir)\n"
                        'ctx.heading(fr="Section", en="Section")'}]
    return {"nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": {"kernelspec": {"name": KERNEL_NAME, "display_name": "Evaluation workbook",
                                        "language": "python"}}}


def test_a_broken_project_is_reported_and_the_valid_one_is_built(tmp_path, capsys):
    layout = sample_layout(tmp_path, ["libye"], notebooks=None)
    (layout.notebooks / "10_tiny.ipynb").write_text(json.dumps(_tiny_notebook()), encoding="utf-8")
    shutil.copytree(layout.params / "amem", layout.params / "zbroken")
    shutil.copytree(layout.data / "amem", layout.data / "zbroken")
    register = layout.data / "zbroken" / "participation.csv"
    register.write_text(register.read_text(encoding="utf-8").replace("RABAT-19,36,10,", "RABAT-19,36,37,", 1),
                        encoding="utf-8")

    code = runner.build(layout=layout, timeout=120)
    captured = capsys.readouterr()
    assert code == 1
    assert (layout.build / "annexes" / "amem" / "libye.html").is_file(), captured.out + captured.err
    assert not (layout.build / "annexes" / "zbroken").exists()
    assert "Projet 'zbroken' : 1 problème(s)" in captured.err   # (its language: French, the default)
    assert "participation.csv, ligne 2, colonne 'women' : plus de femmes que de participants" in captured.err
    assert "NON CONSTRUIT  projet 'zbroken'" in captured.out   # (the build's lines in its language too)
    assert "ok      amem/libye" in captured.out

    # the valid project is now current; the broken one still fails the run, and is named again
    assert runner.build(layout=layout, timeout=120) == 1
    again = capsys.readouterr()
    assert "Projet 'zbroken'" in again.err and "NON CONSTRUIT  projet 'zbroken'" in again.out
