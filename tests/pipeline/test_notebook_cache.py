"""Rebuild per notebook: after a change to one table, only the notebooks that declare it run again, then the export;
the annex is the same as a full rebuild's, byte for byte."""

from __future__ import annotations

import pytest

from helpers.pipeline import runner
from sample_layout import sample_layout

pytestmark = pytest.mark.slow


def test_after_editing_one_expenditure_row_only_the_notebooks_reading_it_run(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609372800")
    layout = sample_layout(tmp_path / "w", ["ensemble"])
    assert runner.build(project="amem", layout=layout) == 0
    figures = layout.build / "annexes" / "amem" / "ensemble.figures.csv"
    before = figures.read_bytes()
    expenditure = layout.data / "amem" / "expenditure.csv"
    expenditure.write_text(expenditure.read_text(encoding="utf-8").replace("133045.90", "133046.90", 1),
                           encoding="utf-8")
    capsys.readouterr()
    assert runner.build(project="amem", layout=layout) == 0
    out = capsys.readouterr().out
    unchanged = {line.split()[1] for line in out.splitlines() if "(unchanged)" in line}
    ran = {line.split()[1] for line in out.splitlines() if line.startswith("  amem/") and "(unchanged)" not in line}
    assert unchanged == {"10_execution", "30_gender", "40_impact", "50_surveys"}, out
    assert ran == {"figures", "20_budget", "90_published_figures", "export"}, out
    incremental = (layout.build / "annexes" / "amem" / "ensemble.html").read_bytes()

    full = runner.Layout(data=layout.data, params=layout.params, notebooks=layout.notebooks, build=tmp_path / "full")
    assert runner.build(project="amem", layout=full, force=True) == 0
    assert (full.build / "annexes" / "amem" / "ensemble.html").read_bytes() == incremental
    assert figures.read_bytes() != before  # the edit reached the annex
