"""physical_execution_rate, physical_progress_rate, activity_status_count: hand-computed values."""

import math

import pytest

from analysis_frames import frame
from helpers.analyses.execution import activity_status_count, physical_execution_rate, physical_progress_rate


@pytest.fixture
def activities():
    return frame("activities", [
        {"activity_id": "a1", "status": "done", "country": "Maroc", "result": "R1", "weight": 2},
        {"activity_id": "a2", "status": "in_progress", "country": "Maroc", "result": "R1", "progress": 50},
        {"activity_id": "a3", "status": "cancelled", "country": "Maroc", "result": "R2", "weight": 5},
        {"activity_id": "a4", "status": "not_started", "country": "Tunisie", "result": "R2", "progress": 0},
        {"activity_id": "a5", "status": "delayed", "country": "Tunisie", "result": "R2"},
        {"activity_id": "a6", "status": "done", "country": "Tunisie", "result": "R2", "progress": 40},
    ])


def test_execution_rate_weighted_cancelled_excluded(activities):
    out = physical_execution_rate(activities)
    row = out.iloc[0]
    # weights: a1 2, others 1 (missing = 1); a3 cancelled excluded. done = a1 (2) + a6 (1) = 3; planned = 2+1+1+1+1 = 6
    assert row["numerator"] == 3 and row["denominator"] == 6
    assert row["rate"] == pytest.approx(50.0)
    assert (row["n"], row["n_done"], row["n_cancelled"]) == (5, 2, 1)
    assert bool(row["weighted"])


def test_execution_rate_unweighted_by_country(activities):
    acts = activities.assign(weight=float("nan"))
    out = physical_execution_rate(acts, by="country").set_index("country")
    assert out.loc["Maroc", "rate"] == pytest.approx(50.0)        # 1 done of 2 (a3 cancelled)
    assert out.loc["Tunisie", "rate"] == pytest.approx(100 / 3)   # 1 of 3
    assert list(out.columns[:3]) == ["n", "n_done", "n_cancelled"]


def test_execution_rate_all_cancelled_is_nan(activities):
    out = physical_execution_rate(activities, by=["result"]).set_index("result")
    acts = activities[activities["status"] == "cancelled"]
    only = physical_execution_rate(acts).iloc[0]
    assert math.isnan(only["rate"]) and "not computable" in only["note"]
    assert out.loc["R1", "rate"] == pytest.approx(100 * 2 / 3)


def test_progress_rate_done_counts_100_and_missing_excluded(activities):
    out = physical_progress_rate(activities).iloc[0]
    # included: a1 done 100 (w2), a2 50, a4 0, a6 done -> 100 (its 40 ignored); a5 no progress -> excluded
    assert out["n"] == 4 and out["n_no_progress"] == 1 and out["n_cancelled"] == 1
    assert out["rate"] == pytest.approx((2 * 100 + 50 + 0 + 100) / 5)


def test_a_not_started_activity_without_progress_counts_0(activities):
    """Its status says nothing is done: left out, one done activity (100), one at 50 and two not started without
    progress gave 75 % where the plan is 37.5 % done. An activity in progress without progress stays out."""
    plan = frame("activities", [
        {"activity_id": "a1", "status": "done"}, {"activity_id": "a2", "status": "in_progress", "progress": 50},
        {"activity_id": "a3", "status": "not_started"}, {"activity_id": "a4", "status": "not_started"},
        {"activity_id": "a5", "status": "delayed"}])
    out = physical_progress_rate(plan).iloc[0]
    assert out["rate"] == pytest.approx((100 + 50 + 0 + 0) / 4)
    assert (out["n"], out["n_no_progress"]) == (4, 1)
    assert "not started = 0" in out["note"]


def test_progress_rate_without_any_progress_is_nan(activities):
    out = physical_progress_rate(activities.assign(progress=float("nan"))).iloc[0]
    assert math.isnan(out["rate"]) and "no progress" in out["note"]


def test_progress_known_from_the_statuses_alone_is_the_same_in_a_country_annex_as_in_the_project_s():
    """A country whose activities are one not started and one cancelled, its progress left empty, in a project
    whose other country gives progress: 0,0 % on its row of the project-wide annex, and n.d. (« no progress
    values ») in its own annex, where its rows alone were judged. Its statuses give its progress: 0 in both."""
    project = frame("activities", [
        {"activity_id": "m1", "status": "in_progress", "country": "Mauritanie", "progress": 40},
        {"activity_id": "g1", "status": "not_started", "country": "Guinée"},
        {"activity_id": "g2", "status": "cancelled", "country": "Guinée"}])
    row = physical_progress_rate(project, "country").set_index("country").loc["Guinée"]
    alone = physical_progress_rate(project[project["country"].eq("Guinée")]).iloc[0]
    assert row["rate"] == alone["rate"] == 0.0 and alone["n"] == 1 and alone["n_cancelled"] == 1


def test_a_country_without_progress_values_is_n_d_in_both_annexes():
    """Tunisie: one activity done, one in progress without progress, in a project whose Maroc gives progress: its
    own annex said n.d. (« no progress values »), its row of the project-wide annex 100 % (« 1 without progress
    excluded »), the done activity alone. One rule for both: n.d."""
    project = frame("activities", [
        {"activity_id": "m1", "status": "in_progress", "country": "Maroc", "progress": 60},
        {"activity_id": "m2", "status": "done", "country": "Maroc"},
        {"activity_id": "t1", "status": "done", "country": "Tunisie"},
        {"activity_id": "t2", "status": "in_progress", "country": "Tunisie"},
    ])
    rows = physical_progress_rate(project, "country").set_index("country")
    alone = physical_progress_rate(project[project["country"].eq("Tunisie")]).iloc[0]
    assert math.isnan(alone["rate"]) and math.isnan(rows.loc["Tunisie", "rate"])
    assert rows.loc["Tunisie", "note"] == alone["note"] == "not computable: no progress values in the data"
    assert rows.loc["Maroc", "rate"] == pytest.approx(80.0)   # (60 + 100) / 2
    whole = physical_progress_rate(project).iloc[0]   # the project tracks progress: t2 is left out, said so
    assert whole["rate"] == pytest.approx(260 / 3) and "1 without progress excluded" in whole["note"]


def test_status_count_every_code_and_unknown(activities):
    acts = activities.copy()
    acts.loc[5, "status"] = None
    out = activity_status_count(acts).set_index("status")
    assert out.loc["done", "n"] == 1 and out.loc["unknown", "n"] == 1 and out.loc["ahead", "n"] == 0
    assert out["n"].sum() == 6 and out.loc["done", "share"] == pytest.approx(100 / 6)
    by = activity_status_count(activities, by="country")
    assert by.groupby("country")["n"].sum().to_dict() == {"Maroc": 3, "Tunisie": 3}
