"""An annex describes the project at its reporting date (project.yaml): what the data hold after it.

An event starting after the date (a planned one with its planned numbers, or data newer than the date) was counted
in every participation figure without a word; it is now left out of the annex, as spending after the date is, with
a warning at its row. An activity done after the date is counted as its status says, with a warning."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analyses.figures import annex_figures
from helpers.data.loader import check_project, load_project
from helpers.data.model import scope
from helpers.data.params import load_annex_params
from fixtures.mini_project import Mini

LATER = "E4,100,10,Maroc,Formation prévue,2021-11-10,2021-11-12,government,90,,"


def figures(mini: Mini, annex: str) -> pd.DataFrame:
    data = load_project("mini", mini.data_dir, mini.params_dir)
    return annex_figures(data, load_annex_params("mini", annex, mini.params_dir)).reset_index(drop=True)


@pytest.mark.parametrize("annex", ["maroc", "ensemble"])
def test_an_event_after_the_reporting_date_changes_no_figure(tmp_path, annex):
    before, after = Mini.copy_to(tmp_path / "before"), Mini.copy_to(tmp_path / "after")
    for mini in (before, after):
        mini.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    after.append("participation", LATER)
    pd.testing.assert_frame_equal(figures(after, annex), figures(before, annex))
    key = "all" if annex == "maroc" else "Maroc"
    women = figures(after, annex).set_index(["metric", "key"]).loc[("women_share", key), "value"]
    assert women == pytest.approx(40.0)          # 8 of 20; with the planned event it was 18 of 120, 15 %


def test_the_event_is_told_at_its_row_and_kept_for_the_annex_to_name(tmp_path):
    mini = Mini.copy_to(tmp_path)
    mini.append("participation", LATER)
    problems = [p for p in check_project("mini", mini.data_dir, mini.params_dir)]
    assert [(p.rule, p.row, p.column, p.value, p.severity) for p in problems] == [
        ("event_after_reporting_date", 5, "start_date", "2021-11-10", "warning")]
    assert "2021-06-30" in problems[0].message and "reporting_date" in problems[0].hint
    data = load_project("mini", mini.data_dir, mini.params_dir)
    for country in ("Maroc", "all"):
        scoped = scope(data, country)
        assert scoped.later["participation"]["event_id"].tolist() == ["E4"]
        assert "E4" not in set(scoped.tables["participation"]["event_id"])
    assert scope(data, "Tunisie").later == {}       # not Tunisie's event
    # the boundary: an event starting on the reporting date is the annex's
    mini.replace("participation", "2021-11-10", "2021-06-30")
    assert check_project("mini", mini.data_dir, mini.params_dir) == []
    assert scope(load_project("mini", mini.data_dir, mini.params_dir), "Maroc").later == {}


def test_an_activity_done_after_the_reporting_date_is_counted_and_told(tmp_path):
    mini = Mini.copy_to(tmp_path)
    mini.replace("activities", "A3,Non réalisé,Tunisie,R2,O2.1,Campagne de sensibilisation,0,1,2021-03-31,",
                 "A3,Réalisé,Tunisie,R2,O2.1,Campagne de sensibilisation,100,1,2021-03-31,2021-10-01")
    problems = check_project("mini", mini.data_dir, mini.params_dir)
    assert [(p.rule, p.row, p.column, p.value) for p in problems] == [
        ("done_after_reporting_date", 4, "actual_end", "2021-10-01")]
    mini.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    rate = figures(mini, "ensemble").set_index(["metric", "key"]).loc[("physical_execution_rate", "Tunisie"), "value"]
    assert rate == pytest.approx(100.0)



@pytest.mark.parametrize("written", ["B1,2021,30000,Maroc,", "B1,2021-12-31,30000,Maroc,2021",
                                     "B1,2021-12-31,30000,Maroc,01/01/2021 - 31/12/2021", "B1,S2 2021,30000,Maroc,"])
def test_spending_of_a_period_containing_the_reporting_date_is_not_known_at_that_date(tmp_path, written):
    """Spending by year, the year 2021 beside a reporting date of 30/06/2021: « cumulative spending as of
    30/06/2021 » was the spending to 31/12/2020 (50 000.50, 33 %), the 2021 row left out as « after the date »,
    though some of it was spent by then. Not computed, with the reason, and warned at the row. (S2 2021 begins after
    the date: left out, as before.)"""
    mini = Mini.copy_to(tmp_path)
    mini.append("expenditure", written)
    shown = figures(mini, "maroc").set_index(["metric", "key"])
    across = not written.startswith("B1,S2")
    assert shown.loc[("spent", "total"), "value"] != shown.loc[("spent", "total"), "value"] if across else \
        shown.loc[("spent", "total"), "value"] == pytest.approx(50000.5)
    if across:
        assert "covers 2021-06-30" in shown.loc[("financial_execution_rate", "B1"), "note"]
    told = [p for p in check_project("mini", mini.data_dir, mini.params_dir)
            if p.rule == "spending_across_reporting_date"]
    assert [(p.row, p.severity) for p in told] == ([(6, "warning")] if across else [])


def test_spending_dated_by_payment_after_the_reporting_date_is_left_out(tmp_path):
    """A row without a period (a payment's day) after the reporting date is not in the figures, as before."""
    mini = Mini.copy_to(tmp_path)
    mini.append("expenditure", "B1,2021-07-15,30000,Maroc,")
    shown = figures(mini, "maroc").set_index(["metric", "key"])
    assert shown.loc[("spent", "total"), "value"] == pytest.approx(50000.5)
    assert not [p for p in check_project("mini", mini.data_dir, mini.params_dir)
                if p.rule == "spending_across_reporting_date"]
