"""Each rule of the data contract, broken on purpose: the problem must name the file, row (or cell), column and rule.

The corpus is a table: add a Case (a mutation of the valid `mini` fixture and the problem it must produce).
Rows are as a person sees them in a spreadsheet: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import openpyxl
import pytest

from fixtures.mini_project import Mini
from helpers.errors import ValidationFailed

NO_ROW = None


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Callable[[Mini], None]
    rule: str
    file: str                       # file name the problem names
    row: int | None
    column: str | None
    severity: str = "error"
    hint: str = ""                  # a fragment the hint must contain
    cell: str | None = None         # .xlsx cell, e.g. "Feuil1!G3"


def _csv_to_xlsx(mini: Mini, name: str, formula_at: tuple[int, int] | None = None, title_rows: int = 0) -> None:
    """Rewrite <name>.csv as <name>.xlsx (sheet 'Feuil1'); optionally put a formula without cached value."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(mini.text(name))))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Feuil1"
    for i in range(title_rows):
        sheet.append([f"Titre {i + 1}"])
    for r in rows:
        sheet.append([float(c) if c.replace(".", "", 1).isdigit() else (c or None) for c in r])
    if formula_at:
        sheet.cell(row=formula_at[0], column=formula_at[1]).value = "=1+1"
    workbook.save(mini.path(f"{name}.xlsx"))
    mini.delete(name)


def _yaml_edit(old: str, new: str) -> Callable[[Mini], None]:
    return lambda m: m.replace("impact/survey.yaml", old, new)


def _register(m: Mini, rows: str) -> None:
    m.write("participation", "event_id,sex,country,label\n" + rows)


CASES = [
    # --- header
    Case("required column missing", lambda m: m.write("activities", "activity_id,country\nA1,Maroc\n"),
         "required_column", "activities.csv", 1, "status"),
    Case("required column misspelt", lambda m: m.replace("participation", "women", "womem"),
         "required_column", "participation.csv", 1, "women", hint="Did you mean 'womem'?"),
    Case("optional column misspelt", lambda m: m.replace("activities", "progress", "progres"),
         "unknown_column", "activities.csv", 1, "progres", severity="warning", hint="progress"),
    Case("column twice", lambda m: m.replace("budget", "category", "label"),
         "duplicate_column", "budget.csv", 1, "label"),
    Case("empty file", lambda m: m.write("activities", ""), "empty_file", "activities.csv", NO_ROW, None,
         severity="warning"),
    Case("header without rows", lambda m: m.write("activities", "activity_id,status\n"),
         "no_rows", "activities.csv", NO_ROW, None, severity="warning"),
    Case("cp1252 not declared", lambda m: m.write("activities", m.text("activities"), encoding="cp1252"),
         "encoding", "activities.csv", 2, None, hint="encoding: cp1252"),
    # --- cells that cannot be typed
    Case("text in numeric column", lambda m: m.replace("participation", "E1,20,", "E1,vingt,"),
         "not_a_number", "participation.csv", 2, "participants"),
    Case("wrong decimal mark", lambda m: m.replace("expenditure", "10000.50", '"10000,50"'),
         "not_a_number", "expenditure.csv", 3, "amount", hint="decimal mark '.'"),
    Case("impossible date", lambda m: m.replace("activities", "2020-12-31,2020-12-15", "31/02/2020,2020-12-15"),
         "not_a_date", "activities.csv", 2, "planned_end"),
    Case("text date", lambda m: m.replace("expenditure", "B3,2021-06-30", "B3,fin juin"),
         "not_a_date", "expenditure.csv", 4, "period_end"),
    Case("month-first date", lambda m: m.replace("participation", "2021-01-10,2021-01-10", "01/31/2021,"),
         "not_a_date", "participation.csv", 3, "start_date"),
    Case("yes/no unknown", lambda m: m.replace("participation", "12,oui", "12,peut-être"),
         "not_yes_no", "participation.csv", 4, "sample"),
    Case("unknown status label", lambda m: m.replace("activities", "Réalisé,", "Fini,"),
         "unknown_status", "activities.csv", 2, "status", hint="Réalisé(e)"),
    Case("status with percent remark", lambda m: m.replace("activities", "Réalisé,", "Réalisé à 50 %,"),
         "unknown_status", "activities.csv", 2, "status"),
    # --- values
    Case("required value empty", lambda m: m.replace("activities", "A3,", ","),
         "required_value", "activities.csv", 4, "activity_id"),
    Case("status empty", lambda m: m.replace("activities", "A3,Non réalisé,", "A3,,"),
         "required_value", "activities.csv", 4, "status"),
    Case("amount empty", lambda m: m.replace("expenditure", "30000", ""),
         "required_value", "expenditure.csv", 4, "amount"),
    Case("negative participants", lambda m: m.replace("participation", "E1,20,8", "E1,-20,0"),
         "count_negative", "participation.csv", 2, "participants"),
    Case("fractional count", lambda m: m.replace("participation", "E1,20,8", "E1,20.5,8"),
         "count_integer", "participation.csv", 2, "participants"),
    Case("women > participants", lambda m: m.replace("participation", "E3,30,18", "E3,30,31"),
         "women_le_participants", "participation.csv", 4, "women"),
    Case("women + men > participants", lambda m: m.replace("participation", "government,12", "government,13"),
         "women_men_le_participants", "participation.csv", 2, "men"),
    Case("progress above 100", lambda m: m.replace("activities", "Étude de base,100,", "Étude de base,120,"),
         "progress_range", "activities.csv", 2, "progress"),
    Case("weight zero", lambda m: m.replace("activities", "inspecteurs,60,2,", "inspecteurs,60,0,"),
         "weight_positive", "activities.csv", 3, "weight"),
    Case("unknown group", lambda m: m.replace("participation", "government", "gouvernement"),
         "allowed_values", "participation.csv", 2, "group", hint="government"),
    Case("unknown budget category", lambda m: m.replace("budget", "support", "appui"),
         "allowed_values", "budget.csv", 5, "category"),
    Case("unknown indicator level", lambda m: m.replace("indicators", "outcome", "effet"),
         "allowed_values", "indicators.csv", 5, "level"),
    Case("unknown indicator sex", lambda m: m.replace("indicators", "Maroc,f", "Maroc,x"),
         "allowed_values", "indicators.csv", 3, "sex"),
    Case("unknown comparison", lambda m: m.replace("reported", ",=,", ",!=,"),
         "allowed_values", "reported.csv", 2, "comparison"),
    Case("negative budget", lambda m: m.replace("budget", "B3,80000", "B3,-80000"),
         "budget_negative", "budget.csv", 4, "budget"),
    Case("budget not known", lambda m: m.replace("budget", "B4,20000", "B4,"),
         "budget_unknown", "budget.csv", 5, "budget", severity="warning"),
    Case("negative amount", lambda m: m.replace("expenditure", "5000,", "-5000,"),
         "negative_amount", "expenditure.csv", 5, "amount", severity="warning"),
    # --- uniqueness
    Case("duplicate activity id", lambda m: m.replace("activities", "A2,", "A1,"),
         "duplicate_id", "activities.csv", 3, "activity_id"),
    Case("duplicate event id", lambda m: m.replace("participation", "E3,", "E2,"),
         "duplicate_id", "participation.csv", 4, "event_id"),
    Case("duplicate figure id", lambda m: m.replace("reported", "F2,", "F1,"),
         "duplicate_id", "reported.csv", 3, "figure_id"),
    Case("duplicate budget line", lambda m: m.append("budget", "B1,5,Maroc,Autre,staff"),
         "duplicate_line", "budget.csv", 6, "line"),
    Case("duplicate indicator row", lambda m: m.append("indicators", "I2,2020,3,,,,,,,,Tunisie,total"),
         "duplicate_indicator", "indicators.csv", 6, "indicator_id"),
    # --- across tables and annexes
    Case("expenditure on unknown line", lambda m: m.replace("expenditure", "B4,", "B9,"),
         "unknown_line", "expenditure.csv", 5, "line"),
    Case("annex country not in data", lambda m: m.set_param("country", "Egypte", annex="maroc"),
         "unknown_country", "maroc.yaml", NO_ROW, "country", hint="Maroc"),
    Case("country with no rows in a table", lambda m: m.replace("reported", "Maroc", "Tunisie"),
         "country_without_rows", "reported.csv", NO_ROW, "country", severity="warning"),
    Case("both csv and xlsx", lambda m: _csv_to_xlsx(m, "budget") or m.write("budget", "line,budget\nB1,1\n"),
         "two_files", "budget.xlsx", NO_ROW, None, severity="warning"),
    # --- participation register (one row per person)
    Case("register unknown sex", lambda m: _register(m, "E1,f,Maroc,x\nE1,chat,Maroc,x\n"),
         "unknown_sex", "participation.csv", 3, "sex"),
    Case("register event label varies", lambda m: _register(m, "E1,f,Maroc,x\nE1,m,Maroc,y\n"),
         "register_inconsistent", "participation.csv", 3, "label"),
    Case("register sex partly unknown", lambda m: _register(m, "E1,f,Maroc,x\nE1,,Maroc,x\n"),
         "sex_partly_unknown", "participation.csv", 2, "sex", severity="warning"),
    # --- xlsx
    Case("xlsx formula without cached value", lambda m: _csv_to_xlsx(m, "activities", formula_at=(3, 7)),
         "formula_without_value", "activities.xlsx", 3, "progress", cell="Feuil1!G3"),
    Case("xlsx text in numeric cell", lambda m: (m.replace("activities", ",60,", ",soixante,"),
                                                 _csv_to_xlsx(m, "activities", title_rows=2)),
         "not_a_number", "activities.xlsx", 5, "progress", cell="Feuil1!G5"),
    # --- impact studies
    Case("study names a missing column", _yaml_edit("covariates: [age]", "covariates: [age, revenu]"),
         "study_column_missing", "survey.yaml", NO_ROW, "revenu"),
    Case("study misspelt column", _yaml_edit("column: arm", "column: arms"),
         "study_column_missing", "survey.yaml", NO_ROW, "arms", hint="Did you mean 'arm'?"),
    Case("one-group treatment", lambda m: m.replace("impact/survey.csv", ",C,", ",T,", count=2),
         "one_group", "survey.csv", NO_ROW, "arm"),
    Case("treated value absent", _yaml_edit("treated: T", "treated: X"),
         "treatment_value_missing", "survey.csv", NO_ROW, "arm"),
    Case("all-missing outcome", lambda m: m.write("impact/survey.csv", "id,arm,score,age\n1,T,,30\n2,C,,31\n"),
         "outcome_all_missing", "survey.csv", NO_ROW, "score"),
    Case("text outcome", lambda m: m.replace("impact/survey.csv", "12.5", "n/a"),
         "not_a_number", "survey.csv", 2, "score"),
    Case("did with one period", lambda m: (m.replace("impact/survey.yaml", "design: two_group",
                                                     "design: did\nperiod: {column: round, post: 2}"),
                                           m.write("impact/survey.csv",
                                                   "id,arm,round,score,age\n1,T,2,1,30\n2,C,2,2,31\n")),
         "one_period", "survey.csv", NO_ROW, "round"),
    Case("study yaml unknown key", _yaml_edit("covariates:", "covariate:"),
         "unknown_key", "survey.yaml", NO_ROW, "covariate", hint="covariates"),
    Case("study without data", lambda m: m.delete("impact/survey.csv"),
         "study_data_missing", "survey.yaml", NO_ROW, None),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_input_is_reported(case: Case, tmp_path):
    mini = Mini.copy_to(tmp_path)
    case.mutate(mini)
    problems = mini.check()
    matching = [p for p in problems if p.rule == case.rule and p.file.endswith(case.file)
                and p.row == case.row and p.column == case.column]
    assert matching, f"expected {case.rule} at {case.file} row {case.row} column {case.column}; got:\n" + \
        "\n".join(str(p) for p in problems)
    problem = matching[0]
    assert problem.severity == case.severity
    assert case.hint in problem.hint
    if case.cell:
        assert problem.cell == case.cell
    assert problem.message and problem.hint, "every problem says what is wrong and what to do"
    if case.severity == "error" and case.file.endswith((".csv", ".xlsx")) and case.rule != "unknown_country":
        with pytest.raises(ValidationFailed):
            mini.load()


def test_corpus_is_large_enough():
    assert len(CASES) >= 30


def test_all_errors_are_reported_at_once(tmp_path):
    mini = Mini.copy_to(tmp_path)
    mini.replace("participation", "E1,20,", "E1,vingt,")
    mini.replace("activities", "Réalisé,", "Fini,")
    mini.replace("expenditure", "B4,", "B9,")
    with pytest.raises(ValidationFailed) as info:
        mini.load()
    rules = {p.rule for p in info.value.problems}
    assert {"not_a_number", "unknown_status", "unknown_line"} <= rules
    assert "3 problem(s)" in str(info.value)


def test_an_untyped_cell_is_reported_once(tmp_path):
    """A status that is not recognised is not also reported as 'required value empty'."""
    mini = Mini.copy_to(tmp_path)
    mini.replace("activities", "Réalisé,", "Fini,")
    assert [p.rule for p in mini.check()] == ["unknown_status"]
