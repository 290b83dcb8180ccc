"""Workbooks saved by LibreOffice Calc (tests/fixtures/libreoffice/README.md says how they were made): merged cells,
a hidden totals row and percentage cells are read as in a workbook saved by Excel."""

from __future__ import annotations

import shutil
from pathlib import Path

from fixtures.mini_project import Mini
from helpers.data.headers import header_sets
from helpers.data.loader import load_table
from helpers.data.params import load_project_params
from helpers.data.readers import read_table
from helpers.data.spec import SPEC

SAVED = Path(__file__).parents[1] / "fixtures" / "libreoffice"


def test_merged_countries_and_a_hidden_totals_row_saved_by_libreoffice(tmp_path):
    mini = Mini.copy_to(tmp_path)
    shutil.copyfile(SAVED / "participation.xlsx", mini.path("participation.xlsx"))
    mini.delete("participation")
    table = SPEC["participation"]
    raw = read_table(mini.path("participation.xlsx"), required_sets=header_sets(
        "participation", [table.required, table.register.required]))
    assert raw.header_row == 2 and raw.hidden == [8]
    assert raw.frame["pays"].tolist() == ["Maroc"] * 3 + ["Tunisie"] * 2 + [None]
    found = {(p.rule, p.cell, p.severity) for p in mini.check()}
    assert {("merged_cells", "Participants!B3", "warning"), ("merged_cells", "Participants!B6", "warning"),
            ("totals_row", "Participants!A8", "error")} <= found
    assert any(p.rule == "hidden_rows" and p.row == 8 for p in mini.check())


def test_percentage_cells_saved_by_libreoffice_are_read_as_the_sheet_shows_them(tmp_path):
    mini = Mini.copy_to(tmp_path)
    params = load_project_params("mini", mini.params_dir)
    frame, problems = load_table("activities", SAVED / "activities.xlsx", params)
    assert not [p for p in problems if p.severity == "error"], [str(p) for p in problems]
    assert frame["progress"].tolist() == [100.0, 45.0]
