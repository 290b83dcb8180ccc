"""The AMEM headline figures marked reproducible in /work/shared/reference/headline_figures.md, from data/amem.

The sample data hold the cells of Tableau 3 (columns A and B per line), so the data total is the sum of the cells,
1,363,103.13, not the printed 1,362,610.13 (the printed column-A total is 493.00 short of its cells). Every share
of spending is therefore computed on 1,363,103.13; the consequences are asserted below (R6: 53.59 in the data, so
the printed "53,60" is a mismatch, while on the printed total it would be a truncation of 53.609).
"""

from __future__ import annotations

import pytest

from helpers.paths import DATA_DIR

AMEM = DATA_DIR / "amem"
pytestmark = pytest.mark.skipif(not (AMEM / "budget.csv").is_file(),
                                reason="the AMEM sample data (data/amem/*.csv) is not there yet")

PRINTED_TOTAL = 1_362_610.13
DATA_TOTAL = 1_363_103.13


@pytest.fixture(scope="module")
def data():
    from helpers.data import loader

    return loader.load_project("amem")


@pytest.fixture(scope="module")
def params():
    from helpers.data.params import load_annex_params

    return load_annex_params("amem", "ensemble")


@pytest.fixture(scope="module")
def figures(data, params):
    from helpers.analyses.figures import annex_figures

    return annex_figures(data, params)


def value(figures, metric, key):
    rows = figures[(figures["metric"] == metric) & (figures["key"] == key)]
    assert len(rows) == 1, f"{metric} [{key}] missing or duplicated"
    return float(rows["value"].iloc[0])


def reconciled(figures, data, metric, key):
    """The reconciliation rows of the reported figures with this metric and key."""
    reported = data.tables["reported"]
    ids = reported.loc[(reported["metric"] == metric) & (reported["key"] == key), "figure_id"]
    rows = figures[(figures["metric"] == "reported_figure") & figures["key"].isin(set(ids))]
    assert len(rows), f"no reported figure {metric} [{key}] in data/amem/reported.csv"
    return rows


def test_data_total_is_the_sum_of_the_cells(figures):
    assert value(figures, "spent", "total") == pytest.approx(DATA_TOTAL, abs=0.005)
    assert value(figures, "spent", "total@2019-12-31") == pytest.approx(762_166.71, abs=0.005)


@pytest.mark.parametrize("line, share_data, printed, status_data, status_printed_total", [
    ("R1", 17.70791, "17,7", "match", "match"),
    ("R2", 1.65519, "1,65", "truncated", "truncated"),
    ("R3", 3.94580, "3,94", "truncated", "truncated"),
    ("R6", 53.58976, "53,60", "mismatch", "truncated"),   # data total: 53.59; printed total: 53.609 -> 53,60
    ("99", 10.03300, "11,5", "mismatch", "mismatch"),     # the printed 11,5 used the erroneous 156,760.12
    ("AUTRES", 13.06834, "13", "match", "match"),
])
def test_tableau3_shares_of_spending(figures, line, share_data, printed, status_data, status_printed_total):
    from helpers.analyses.reconcile import classify

    share = value(figures, "spending_share", line)
    assert share == pytest.approx(share_data, abs=1e-5)
    assert classify(printed, share).status == status_data
    spent = value(figures, "spent", line)
    assert classify(printed, spent / PRINTED_TOTAL * 100).status == status_printed_total


def test_report_truncates_r2_and_r3(figures, data):
    for line in ("R2", "R3"):
        rows = reconciled(figures, data, "spending_share", line)
        assert set(rows["status"]) == {"truncated"}


def test_management_staff_share(figures, data):
    from helpers.analyses.reconcile import classify

    share = value(figures, "staff_cost_share", "total")
    assert share == pytest.approx(730_483.72 / DATA_TOTAL * 100)
    assert classify("53,6", share).status == "match"
    assert classify("46,4", 100 - share).status == "match"
    assert set(reconciled(figures, data, "staff_cost_share", "total")["status"]) == {"match"}
    row = figures[(figures["metric"] == "staff_cost_share")].iloc[0]
    assert row["status"] == "above band"                                   # usual band 30-35 %


def test_139_of_263_women(figures, data):
    assert value(figures, "women_share", "all") == pytest.approx(139 / 263 * 100)
    row = figures[(figures["metric"] == "women_share") & (figures["key"] == "all")].iloc[0]
    assert row["n"] == 263 and pd_isna(row["ci_low"])                     # census: no interval
    assert set(reconciled(figures, data, "women_share", "all")["status"]) <= {"match", "mismatch"}


def pd_isna(x):
    import pandas as pd

    return bool(pd.isna(x))


@pytest.mark.parametrize("women, participants, printed, status", [
    (10, 36, "27", "truncated"),     # 27.78
    (6, 9, "67", "match"),           # 66.67
    (79, 126, "63", "match"),        # 62.70
    (27, 40, "67,5", "match"),       # 67.50
    (12, 20, "60", "match"),         # 60.00
])
def test_event_level_shares_section_4_6(data, women, participants, printed, status):
    from helpers.analyses.gender import women_share
    from helpers.analyses.reconcile import classify

    part = data.tables["participation"]
    # the rows whose pooled counts are the printed event (the 12 / 20 course is split in a Maroc and a Tunisie row)
    if participants == 20:
        rows = part[part["event_id"].str.startswith("ELRE-20")]
    else:
        rows = part[(part["women"] == women) & (part["participants"] == participants)]
    out = women_share(rows).iloc[0]
    assert (out["women"], out["participants"]) == (women, participants)
    assert out["share"] == pytest.approx(women / participants * 100)
    assert classify(printed, out["share"]).status == status


def test_event_shares_reconciled_in_the_annexes(data):
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    maroc = annex_figures(data, load_annex_params("amem", "maroc"))
    tunisie = annex_figures(data, load_annex_params("amem", "tunisie"))
    statuses = {}
    for figs in (maroc, tunisie):
        rec = figs[figs["metric"] == "reported_figure"]
        statuses.update({f"{printed}|{computed:.2f}": status
                         for printed, computed, status in zip(rec["reported"], rec["value"], rec["status"])})
    assert statuses.get("27|27.78") == "truncated"
    assert statuses.get("67|66.67") == "match"
    assert statuses.get("63|62.70") == "match"
    assert statuses.get("67,5|67.50") == "match"


@pytest.mark.parametrize("metric, key, printed, difference", [
    ("spent", "99", "156,760.12", 20_000.00),                 # row 99: A + B = 136,760.12
    ("spent", "total@2019-12-31", "761,673.71", -493.00),     # column A: the cells add up to 762,166.71
    ("spent", "total", "1.362,610.13", -493.00),              # printed total vs the cells 1,363,103.13
])
def test_tableau3_arithmetic_errors_are_mismatches(figures, data, metric, key, printed, difference):
    from helpers.analyses.reconcile import classify

    result = classify(printed, value(figures, metric, key))
    assert result.status == "mismatch" and result.difference == pytest.approx(difference, abs=1e-6)
    rows = reconciled(figures, data, metric, key)
    assert set(rows["status"]) == {"mismatch"}


def test_tableau1_counts(data):
    from helpers.analyses.execution import activity_status_count, physical_execution_rate

    acts = data.tables["activities"]
    t1 = acts[acts["activity_id"].str.startswith("T1-")]
    assert len(t1) == 16
    assert physical_execution_rate(t1).iloc[0]["rate"] == pytest.approx(5 / 16 * 100)     # 31.25 % done
    counts = activity_status_count(t1).set_index("status")["n"]
    assert (counts["done"] + counts["in_progress"]) / 16 * 100 == pytest.approx(75.0)    # H01: 75 %, not 70 %


def test_disbursement_after_the_data_is_not_computable(figures, data):
    rows = reconciled(figures, data, "financial_execution_rate", "total@2021-03-20")
    assert set(rows["status"]) == {"not_computable"}
    assert rows["note"].str.contains("ends on 2020-12-31").all()


def test_annex_csv_is_deterministic(data, params, figures):
    from helpers.analyses.figures import annex_figures

    assert annex_figures(data, params).to_csv(index=False) == figures.to_csv(index=False)
