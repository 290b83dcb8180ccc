"""The inputs of the cost per result: the optional ``budget_lines`` column (checked against the budget) and the
optional ``unit_cost_benchmarks`` of the params."""

from __future__ import annotations

import pytest

from fixtures.mini_project import Mini
from helpers.data.params import UnitCostBenchmark, load_project_params
from helpers.errors import ValidationFailed


@pytest.fixture
def mini(tmp_path) -> Mini:
    return Mini.copy_to(tmp_path)


def test_budget_lines_are_read_and_a_line_not_in_the_budget_is_named(mini):
    mini.replace("indicators", "indicator_id,period,actual,label,level,unit,baseline,target,target_final,direction,"
                               "country,sex", "indicator_id,period,actual,label,level,unit,baseline,target,"
                               "target_final,direction,country,sex,budget_lines")
    mini.replace("indicators", "increase,Maroc,total\n", 'increase,Maroc,total,"B2; B1"\n')
    data = mini.load()
    assert data.tables["indicators"]["budget_lines"].iloc[0] == "B2; B1"
    mini.replace("indicators", '"B2; B1"', '"B2; B22"')
    problems = [p for p in mini.check() if p.rule == "unknown_financing_line"]
    assert len(problems) == 1
    shown = mini.shown(problems[0])
    assert shown.startswith("data/mini/indicators.csv, row 2, column 'budget_lines': the budget line 'B22' is not in "
                            "the budget table (value: 'B2; B22')"), shown
    assert problems[0].severity == "error" and "did you mean" in problems[0].hint.lower()


def test_unit_cost_benchmarks_are_numbers_or_value_and_source(mini):
    mini.set_param("unit_cost_benchmarks", {"I1": 1500, "participant": {"value": 800, "source": "OIT 2019"}})
    params = load_project_params("mini", mini.params_dir)
    assert params.unit_cost_benchmarks["I1"] == 1500
    assert params.unit_cost_benchmarks["participant"] == UnitCostBenchmark(value=800, source="OIT 2019")
    for bad in ({"I1": 0}, {"I1": -5}, {"woman": {"value": -1}}, {"woman": {"valeur": 3}}):
        mini.set_param("unit_cost_benchmarks", bad)
        with pytest.raises(ValidationFailed) as info:
            load_project_params("mini", mini.params_dir)
        assert all("unit_cost_benchmarks" in (p.column or "") for p in info.value.problems), info.value.problems


def test_with_line_country_takes_the_resolution_the_loader_found_on_rows_indexed_by_spreadsheet_row():
    """The loader resolves the expenditure rows once (indexed by spreadsheet row) and hands the result to
    with_line_country (rows indexed 0..n-1): the same spending moves to its line's country as when it resolves."""
    import pandas as pd

    from helpers.data import lines

    budget = pd.DataFrame({"line": ["R1", "R2", "R2", "R3"], "country": ["Maroc", "Maroc", "Tunisie", None]},
                          dtype="str")
    spent = pd.DataFrame({"line": ["R1", "R2", "R3", "R1", "R9"], "country": [None, None, "Maroc", "Tunisie", None],
                          "amount": [1.0, 2.0, 3.0, 4.0, 5.0]}).astype({"line": "str", "country": "str"})
    by_row = spent.set_axis(range(2, 7))
    given = lines.with_line_country(budget, spent, lines.resolve(budget, by_row))
    pd.testing.assert_frame_equal(given, lines.with_line_country(budget, spent))
    assert given["country"].tolist()[0] == "Maroc" and given["country"].isna().tolist()[1:] == [True, False, False, True]


def test_a_financing_line_may_be_named_by_its_figures_key(mini):
    """'B2/Maroc' (the key of line B2 of Maroc, in any case) names a budget line; 'B2/Tunisie' does not: the keys
    are made only when a cell names something that is not a line code, and then checked."""
    mini.replace("participation", "false,B2\n", 'false,"B1; b2/MAROC"\n')
    assert not [p for p in mini.check() if p.rule == "unknown_financing_line"]
    mini.replace("participation", 'false,"B1; b2/MAROC"\n', 'false,"B2/Tunisie"\n')
    assert [p.value for p in mini.check() if p.rule == "unknown_financing_line"] == ["B2/Tunisie"]
