"""No rate over a denominator <= 0 (issue 18 item 6): a negative budget (an IATI correction netted below 0, a line
typed with a minus) or a negative target gives a "not computable" note, never a rate whose sign flips."""

from __future__ import annotations

import math

from analysis_frames import frame
from helpers.analyses.budget import budget_by_country, budget_lines, budget_summary, spending_by_period
from helpers.analyses.indicators import iptt
from helpers.data.params import ProjectParams, Thresholds


def params(**kw):
    return ProjectParams(**{"title": "T", "code": "T", "start_date": "2020-01-01", "end_date": "2022-01-01",
                            "reporting_date": "2020-06-30", "currency": "EUR", **kw})


def test_a_negative_budget_gives_no_rate_per_line_country_or_total():
    budget = frame("budget", [{"line": "L1", "budget": -200, "country": "ML"},
                              {"line": "L2", "budget": 100, "country": "ML"}])
    spent = frame("expenditure", [{"line": "L1", "period_end": "2020-06-30", "amount": 50},
                                  {"line": "L2", "period_end": "2020-06-30", "amount": 50}])
    lines = budget_lines(budget, spent, params()).set_index("line")
    assert math.isnan(lines.at["L1", "financial_execution_rate"]) and math.isnan(lines.at["L1", "burn_index"])
    assert lines.at["L1", "note"] == "not computable: budget is negative"
    assert lines.at["L2", "financial_execution_rate"] == 50.0
    country = budget_by_country(budget, spent, params()).iloc[0]  # ML: -100 in all
    assert math.isnan(country["financial_execution_rate"])
    summary = budget_summary(budget, spent, params()).iloc[0]
    assert math.isnan(summary["financial_execution_rate"]) and "budget is negative" in summary["note"]
    assert spending_by_period(budget, spent, params())["cumulative_rate"].isna().all()


def test_a_negative_total_spent_gives_no_spending_share():
    budget = frame("budget", [{"line": "L1", "budget": 100}, {"line": "L2", "budget": 100}])
    spent = frame("expenditure", [{"line": "L1", "period_end": "2020-06-30", "amount": 10},
                                  {"line": "L2", "period_end": "2020-06-30", "amount": -30}])
    assert budget_lines(budget, spent, params())["spending_share"].isna().all()


def test_a_negative_target_or_a_baseline_below_a_decreasing_target_gives_no_achievement():
    rows = frame("indicators", [
        {"indicator_id": "A", "period": "2021", "actual": -4, "target": -5},
        {"indicator_id": "D", "period": "2021", "actual": 30, "target": 40, "baseline": 20, "direction": "decrease"}])
    out = iptt(rows, Thresholds()).set_index("indicator_id")
    assert out["indicator_achievement"].isna().all() and (out["rag"] == "").all()
    assert out.at["A", "note"] == "not computable: target is negative"
    assert out.at["D", "note"] == "not computable: the baseline is below the target of a decreasing indicator"
