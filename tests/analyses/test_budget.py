"""budget: spent as of a date, execution rate, shares, staff band, burn index, unknown / zero budgets."""

import datetime as dt
import math

import pandas as pd
import pytest

from analysis_frames import frame
from helpers.analyses.budget import (budget_by_country, budget_lines, budget_summary, elapsed_share, spending_by_period,
                            staff_cost_share)
from helpers.data.params import ProjectParams


def params(**kw):
    base = dict(title="T", code="T", start_date="2020-01-01", end_date="2022-01-01", reporting_date="2021-01-01",
                budget_total=None, currency="EUR")
    base.update(kw)
    return ProjectParams(**base)


@pytest.fixture
def tables():
    budget = frame("budget", [
        {"line": "L1", "budget": 400, "category": "staff", "country": "Maroc"},
        {"line": "L2", "budget": 600, "category": "operational", "country": "Tunisie"},
        {"line": "L3", "budget": 0, "category": "other", "country": "Tunisie"},
    ])
    expenditure = frame("expenditure", [
        {"line": "L1", "period_end": "2020-06-30", "amount": 100},
        {"line": "L1", "period_end": "2020-12-31", "amount": 100},
        {"line": "L2", "period_end": "2020-12-31", "amount": 300},
        {"line": "L2", "period_end": "2021-06-30", "amount": 100},
        {"line": "L1", "period_end": "2021-06-30", "amount": 0},   # Maroc's data, too, go past the reporting date
    ])
    return budget, expenditure


def ending_early(expenditure):
    """Maroc's rows end on 2020-12-31, before the reporting date (2021-01-01)."""
    return expenditure[~((expenditure["line"] == "L1") & (expenditure["period_end"] > "2020-12-31"))]


def test_lines_as_of_reporting_date(tables):
    out = budget_lines(*tables, params()).set_index("line")
    assert out.loc["L1", "spent"] == 200 and out.loc["L2", "spent"] == 300   # 2021-06-30 row not yet counted
    assert out.loc["L1", "financial_execution_rate"] == pytest.approx(50.0)
    assert out.loc["L2", "financial_execution_rate"] == pytest.approx(50.0)
    assert out.loc["L1", "spending_share"] == pytest.approx(40.0)          # 200 / 500
    # zero budget -> NaN with a note, never infinity
    assert math.isnan(out.loc["L3", "financial_execution_rate"]) and "budget is 0" in out.loc["L3", "note"]
    share = 367 / 732   # 1 Jan 2020 to 1 Jan 2021, of 1 Jan 2020 to 1 Jan 2022, both days counted
    assert out.loc["L1", "burn_index"] == pytest.approx(0.5 / share)


def test_elapsed_days_count_the_first_and_the_last_day():
    # a two-year project at the end of its first year is half-way (the dates' difference gave 364 / 729)
    assert elapsed_share(params(start_date="2021-01-01", end_date="2022-12-31", reporting_date="2021-12-31"),
                         "2021-12-31") == 0.5
    # THAMM-like: 2020-01-01..2023-12-31 is 1 461 days, 912 of them at 30 June 2022 (not 911 / 1 460)
    thamm = params(start_date="2020-01-01", end_date="2023-12-31", reporting_date="2022-06-30")
    assert elapsed_share(thamm, "2022-06-30") == 912 / 1461
    assert elapsed_share(thamm, "2023-12-31") == 1.0
    assert elapsed_share(thamm, "2020-01-01") == 1 / 1461
    assert math.isnan(elapsed_share(thamm, "2019-12-31"))


def test_as_of_other_date_and_after_data_end(tables):
    out = budget_lines(*tables, params(), as_of="2021-06-30").set_index("line")
    assert out.loc["L2", "spent"] == 400
    later = budget_summary(*tables, params(), as_of="2021-07-01").iloc[0]
    assert math.isnan(later["spent"]) and math.isnan(later["financial_execution_rate"])
    assert "ends on 2021-06-30" in later["note"]


def test_total_uses_budget_total_when_declared(tables):
    s = budget_summary(*tables, params(budget_total=2000)).iloc[0]
    assert s["budget"] == 2000 and s["budget_basis"] == "budget_total"
    assert s["financial_execution_rate"] == pytest.approx(25.0)            # 500 / 2000
    assert s["unallocated_budget"] == pytest.approx(1000.0)                # 2000 - (400 + 600 + 0)
    s2 = budget_summary(*tables, params()).iloc[0]
    assert s2["budget"] == 1000 and s2["financial_execution_rate"] == pytest.approx(50.0)
    assert math.isnan(s2["unallocated_budget"])


def test_unknown_line_budget(tables):
    budget, expenditure = tables
    budget = budget.copy()
    budget.loc[1, "budget"] = float("nan")
    out = budget_lines(budget, expenditure, params()).set_index("line")
    assert not out.loc["L2", "budget_known"] and math.isnan(out.loc["L2", "financial_execution_rate"])
    assert "not known" in out.loc["L2", "note"]
    s = budget_summary(budget, expenditure, params()).iloc[0]
    assert math.isnan(s["budget"]) and math.isnan(s["financial_execution_rate"]) and "not known" in s["note"]
    s = budget_summary(budget, expenditure, params(budget_total=1000)).iloc[0]
    assert s["financial_execution_rate"] == pytest.approx(50.0) and math.isnan(s["unallocated_budget"])
    c = budget_by_country(budget, ending_early(expenditure), params()).set_index("country")
    # Maroc's spending ends on 2020-12-31, before the reporting date: n.d., as in Maroc's own annex (it said 50 %)
    assert math.isnan(c.loc["Maroc", "financial_execution_rate"]) and "ends on 2020-12-31" in c.loc["Maroc", "note"]
    c = budget_by_country(budget, ending_early(expenditure), params(), as_of="2020-12-31").set_index("country")
    assert c.loc["Maroc", "financial_execution_rate"] == pytest.approx(50.0)
    c = budget_by_country(budget, expenditure, params()).set_index("country")
    assert math.isnan(c.loc["Tunisie", "budget"]) and c.loc["Tunisie", "budget_known_sum"] == 0
    assert c.loc["Tunisie", "spending_share"] == pytest.approx(60.0)


def test_line_spending_without_budget_row(tables):
    budget, expenditure = tables
    # (on the reporting date: the project-wide lines' rows reach it, as a country's must, budget._line_table)
    extra = frame("expenditure", [{"line": "L9", "period_end": "2021-01-01", "amount": 500}])
    import pandas as pd
    out = budget_lines(budget, pd.concat([expenditure, extra], ignore_index=True), params()).set_index("line")
    assert out.loc["L9", "spent"] == 500 and not out.loc["L9", "in_budget_table"]
    assert out.loc["L9", "spending_share"] == pytest.approx(50.0)


def test_staff_cost_share_band(tables):
    s = staff_cost_share(*tables, params()).iloc[0]
    assert s["share"] == pytest.approx(40.0) and s["status"] == "above band"      # 200 / 500 vs 30-35
    s = staff_cost_share(*tables, params(thresholds={"staff_share_low": 30, "staff_share_high": 45})).iloc[0]
    assert s["status"] == "within band"
    s = staff_cost_share(*tables, params(staff_categories=["operational", "staff"])).iloc[0]
    assert s["share"] == pytest.approx(100.0)


def test_a_line_with_spending_and_no_category_leaves_the_staff_share_not_computable(tables):
    """L2's category left empty (it could pay staff): counted as not staff, the share was 200 / 500 = 40 % without a
    word; it is not computed, and the note names the line. A line without category or spending changes nothing."""
    budget, expenditure = tables
    unsorted = budget.assign(category=budget["category"].where(budget["line"] != "L2"))
    s = staff_cost_share(unsorted, expenditure, params()).iloc[0]
    assert math.isnan(s["share"]) and s["status"] == ""
    assert s["note"] == "not computable: 1 budget line(s) with spending have no category (L2): they may pay staff"
    assert s["total_spent"] == pytest.approx(500.0)
    idle = budget.assign(category=budget["category"].where(budget["line"] != "L3"))   # budget 0, no spending
    assert staff_cost_share(idle, expenditure, params()).iloc[0]["share"] == pytest.approx(40.0)
    # a country annex whose only staff line is the unsorted one: the line is named, not "no staff category"
    alone = unsorted[unsorted["line"] != "L1"]
    assert "no category (L2)" in staff_cost_share(alone, expenditure[expenditure["line"] != "L1"], params()).iloc[0][
        "note"]


def test_spending_by_period_and_pace(tables):
    out = spending_by_period(*tables, params(budget_total=2000))
    assert out["amount"].tolist() == [100, 400, 100]
    assert out["cumulative"].tolist() == [100, 500, 600]
    assert out["after_reporting_date"].tolist() == [False, False, True]
    assert out["pace_budget"].iloc[0] == pytest.approx(2000 * elapsed_share(params(), "2020-06-30"))
    origin = spending_by_period(*tables, params(budget_total=2000), from_start=True)
    assert origin["period_end"].iloc[0] == pd.Timestamp(params().start_date)
    assert origin[["amount", "cumulative", "pace_budget"]].iloc[0].tolist() == [0, 0, 0]
    assert origin["cumulative"].iloc[1:].tolist() == [100, 500, 600]


def test_a_country_whose_spending_is_not_known_has_no_line_spending_nor_total(tables):
    """Maroc's rows end on 2020-12-31, before the reporting date (2021-01-01): its annex says n.d.; its line said
    200 spent (50 %) in the project's table, and the total 500 spent, 'as of 2021-01-01'."""
    budget, expenditure = tables
    tables = budget, ending_early(expenditure)
    lines = budget_lines(*tables, params()).set_index("line")
    assert math.isnan(lines.loc["L1", "spent"]) and math.isnan(lines.loc["L1", "financial_execution_rate"])
    assert "ends on 2020-12-31" in lines.loc["L1", "spent_note"] and "ends on 2020-12-31" in lines.loc["L1", "note"]
    assert lines.loc["L2", "spent"] == 300 and lines.loc["L2", "financial_execution_rate"] == pytest.approx(50.0)
    assert lines["spending_share"].isna().all()                     # a share of a total that is not known
    summary = budget_summary(*tables, params()).iloc[0]
    assert math.isnan(summary["spent"]) and math.isnan(summary["financial_execution_rate"])
    assert summary["spent_note"] == "not computable: spending not known for Maroc"
    staff = staff_cost_share(*tables, params()).iloc[0]
    assert math.isnan(staff["share"]) and staff["note"] == summary["spent_note"]
    c = budget_by_country(*tables, params()).set_index("country")
    assert c.loc["Tunisie", "spent"] == 300 and math.isnan(c.loc["Tunisie", "spending_share"])
    assert c.loc["Tunisie", "share_note"] == summary["spent_note"] and "ends on" in c.loc["Maroc", "share_note"]
    # a country with no row at all: the same, 'no expenditure data'
    lines = budget_lines(budget, expenditure[expenditure["line"] != "L1"], params()).set_index("line")
    assert math.isnan(lines.loc["L1", "spent"]) and lines.loc["L1", "spent_note"] == \
        "not computable: no expenditure data"
    # as of a date both countries' data reach, every figure is there
    summary = budget_summary(*tables, params(), as_of="2020-12-31").iloc[0]
    assert summary["spent"] == 500 and summary["spent_note"] == ""


def test_a_project_wide_line_is_spent_by_every_country(tables):
    """A line without a country is not 'a country without rows': a country's spending on it is its. (Its rows reach
    the reporting date; when they end before it, it is n.d. as a country is, test_right_or_refused.py.)"""
    budget, expenditure = tables
    budget = pd.concat([budget, frame("budget", [{"line": "C", "budget": 100, "category": "other"}])],
                       ignore_index=True)
    expenditure = pd.concat([expenditure, frame("expenditure", [
        {"line": "C", "period_end": "2021-01-01", "amount": 10, "country": "Tunisie"}])],  # rule 3 of data.lines
        ignore_index=True)
    lines = budget_lines(budget, expenditure, params()).set_index("line")
    assert lines.loc["C", "spent"] == 10 and lines.loc["C", "spent_note"] == ""
    assert budget_summary(budget, expenditure, params()).iloc[0]["spent"] == 510


def test_no_expenditure_is_not_computable(tables):
    budget, expenditure = tables
    s = budget_summary(budget, expenditure.iloc[:0], params()).iloc[0]
    assert math.isnan(s["spent"]) and "no expenditure" in s["note"]


def test_spending_dated_after_the_reporting_date_is_counted_apart_for_the_annex_to_say_so():
    """Notebook 20 says how many spending rows, and how much, the figures leave out as later than the reporting
    date (an evaluator's total of the file was 30 000 more than the annex's, without a word)."""
    from helpers.analyses.budget import after_reporting_date

    expenditure = frame("expenditure", [
        {"line": "L1", "period_end": "2020-12-31", "amount": 100},
        {"line": "L1", "period_end": "2021-01-01", "amount": 50},      # on the reporting date: counted
        {"line": "L1", "period_end": "2021-06-30", "amount": 30.5},
        {"line": "L2", "period_end": "2022-01-31", "amount": 20}])
    assert after_reporting_date(expenditure, params()) == (2, 50.5)
    assert after_reporting_date(expenditure.iloc[:2], params()) == (0, 0.0)
    assert after_reporting_date(expenditure.iloc[:0], params()) == (0, 0.0)


def test_an_unsorted_line_whose_code_two_countries_share_is_named_with_its_country():
    budget = frame("budget", [
        {"line": "1.1", "budget": 100, "category": "staff", "country": "Maroc"},
        {"line": "1.1", "budget": 80, "category": None, "country": "Tunisie"}])
    expenditure = frame("expenditure", [
        {"line": "1.1", "period_end": "2021-01-01", "amount": 50, "country": "Maroc"},
        {"line": "1.1", "period_end": "2021-01-01", "amount": 20, "country": "Tunisie"}])
    note = staff_cost_share(budget, expenditure, params()).iloc[0]["note"]
    assert "no category (1.1/Tunisie)" in note


def test_a_staff_share_exactly_at_the_band_is_within_it():
    """8.04 spent on staff of 26.8 is 30 % exactly, computed 29.999999999999993 in binary fractions: it was « below
    band » against a band from 30 % while the annex showed « 30,0 % »."""
    budget = frame("budget", [{"line": "S", "budget": 10.0, "category": "staff", "country": "Maroc"},
                              {"line": "O", "budget": 30.0, "category": "operational", "country": "Maroc"}])
    spending = frame("expenditure", [{"line": "S", "period_end": "2020-12-31", "amount": 8.04},
                                     {"line": "O", "period_end": "2020-12-31", "amount": 18.76}])
    s = staff_cost_share(budget, spending, params(reporting_date="2020-12-31")).iloc[0]
    assert s["share"] == pytest.approx(30.0) and s["status"] == "within band"
