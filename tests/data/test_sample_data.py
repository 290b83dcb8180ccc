"""Pins the key facts of the sample project AMEM (data/amem, params/amem).

Plain pandas on purpose: these tests do not use helpers.data.loader, so they say what the sample files contain
whatever the loader does with them. Every figure here comes from the ILO mid-term evaluation of AMEM
(seeds/amem_midterm_evaluation_2021.txt); data/amem/README.md says where each one is.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "amem"
PARAMS = ROOT / "params" / "amem"

METRICS = {
    "physical_execution_rate", "physical_progress_rate", "activity_status_count", "budget", "spent",
    "financial_execution_rate", "unallocated_budget", "spending_share", "staff_cost_share", "burn_index",
    "women_share", "gender_parity_index", "indicator_achievement", "indicator_achievement_final",
    "indicator_anomaly", "impact_effect", "balance_smd",
}
COUNTRIES = {"Maroc", "Mauritanie", "Tunisie", "Libye", "regional"}

# Tableau 1's status labels as printed, and what they mean.
TABLEAU1_STATUS = {
    "Réalisé (100%)": "done", "Réalisé (100 %)": "done",
    "En cours (avancé)": "in_progress", "En cours": "in_progress",
    "Non réaalisé": "not_started", "Non réalisé": "not_started",
}


def read(table: str) -> pd.DataFrame:
    # Ids such as budget line "99" stay text.
    return pd.read_csv(DATA / f"{table}.csv", dtype={"line": str, "key": str, "value": str, "event_id": str},
                       encoding="utf-8")


@pytest.fixture(scope="module")
def activities() -> pd.DataFrame:
    return read("activities")


@pytest.fixture(scope="module")
def participation() -> pd.DataFrame:
    return read("participation")


@pytest.fixture(scope="module")
def expenditure() -> pd.DataFrame:
    return read("expenditure")


@pytest.fixture(scope="module")
def reported() -> pd.DataFrame:
    return read("reported")


def test_every_row_is_traceable_to_the_seed() -> None:
    for table in ("activities", "participation", "budget", "expenditure", "indicators"):
        df = read(table)
        assert {"source_line", "note"} <= set(df.columns), table
        assert df["source_line"].notna().all(), table


def test_countries_are_known() -> None:
    for table in ("activities", "participation", "indicators"):
        values = set(read(table)["country"].dropna())
        assert values <= COUNTRIES, (table, values - COUNTRIES)


# ---- activities: Tableau 1 and Annex 10
def test_tableau1_has_16_rows_5_done_7_in_progress_4_not_started(activities: pd.DataFrame) -> None:
    t1 = activities[activities["activity_id"].str.startswith("T1-")]
    assert len(t1) == 16
    assert set(t1["status"]) <= set(TABLEAU1_STATUS)
    counts = t1["status"].map(TABLEAU1_STATUS).value_counts().to_dict()
    assert counts == {"done": 5, "in_progress": 7, "not_started": 4}


def test_annex10_has_8_trainings_and_12_studies(activities: pd.DataFrame) -> None:
    assert activities["activity_id"].is_unique
    assert activities["activity_id"].str.startswith("A10-F").sum() == 8
    assert activities["activity_id"].str.startswith("A10-E").sum() == 12
    assert len(activities) == 36


# ---- participation: section 4.6 and the 139 / 263 of l. 528
def test_rows_with_a_women_count_pool_to_263_and_139(participation: pd.DataFrame) -> None:
    counted = participation[participation["women"].notna()]
    assert counted["participants"].sum() == 263
    assert counted["women"].sum() == 139
    assert round(100 * 139 / 263) == 53


def test_one_derived_row_closes_the_gap(participation: pd.DataFrame) -> None:
    derived = participation[participation["note"].str.startswith("DERIVED, not an event")]
    assert len(derived) == 1
    row = derived.iloc[0]
    assert (row["participants"], row["women"], row["country"]) == (41, 11, "regional")


def test_section_46_events_with_their_counts(participation: pd.DataFrame) -> None:
    assert participation["event_id"].is_unique  # the contract: one row per event_id
    per_event = participation.set_index("event_id")[["participants", "women"]]
    assert tuple(per_event.loc["RABAT-19"]) == (36, 10)
    assert tuple(per_event.loc["MARSA-20"]) == (126, 79)
    assert tuple(per_event.loc["SOUKRA-20"]) == (40, 27)
    assert tuple(per_event.loc["ELRE-20-MA"]) == (9, 6)  # l. 4257-4261
    # the e-learning « en Tunisie et au Maroc » (l. 4281) is split into Maroc + Tunisie (derived): 20 / 12
    assert tuple(per_event.loc[["ELRE-20-MA", "ELRE-20-TN"]].sum()) == (20, 12)


def test_tunisian_women_match_the_printed_112(participation: pd.DataFrame) -> None:
    assert participation.loc[participation["country"] == "Tunisie", "women"].sum() == 112


def test_women_never_exceed_participants(participation: pd.DataFrame) -> None:
    counted = participation[participation["women"].notna()]
    assert (counted["women"] <= counted["participants"]).all()


# ---- budget and expenditure: Tableau 3
TABLEAU3_CELLS = {  # line: (column A, column B), l. 3866-3910
    "R1": (133045.90, 108331.13), "R2": (5394.95, 17167.01), "R3": (9053.35, 44731.95),
    "R6": (368911.70, 361572.02), "99": (67625.81, 69134.31), "AUTRES": (178135.00, 0.0),
}


def test_expenditure_per_line_equals_tableau3_cells(expenditure: pd.DataFrame) -> None:
    per_line = expenditure.groupby("line")["amount"].sum()
    assert set(per_line.index) == set(TABLEAU3_CELLS)
    for line, (a, b) in TABLEAU3_CELLS.items():
        assert per_line[line] == pytest.approx(a + b, abs=0.005), line
    assert per_line["99"] == pytest.approx(136760.12)  # printed 156,760.12


def test_expenditure_periods(expenditure: pd.DataFrame) -> None:
    per_period = expenditure.groupby("period_end")["amount"].sum()
    assert per_period["2019-12-31"] == pytest.approx(762166.71)  # column A printed 761,673.71
    assert per_period["2020-12-31"] == pytest.approx(600936.42)
    assert not ((expenditure["line"] == "AUTRES") & (expenditure["period_end"] == "2020-12-31")).any()


def test_every_expenditure_line_is_in_the_budget(expenditure: pd.DataFrame) -> None:
    budget = read("budget")
    assert budget["line"].is_unique
    assert set(expenditure["line"]) <= set(budget["line"])
    assert budget["budget"].isna().all()  # the report gives no budget by line
    assert budget.set_index("line").loc["R6", "category"] == "staff"


# ---- indicators
def test_indicators_one_period_unique_ids() -> None:
    ind = read("indicators")
    assert ind["indicator_id"].is_unique
    assert set(ind["period"]) == {"2020-12"}
    assert ind.set_index("indicator_id").loc["P1.1.a", ["actual", "target_final"]].tolist() == [58, 150]


# ---- reported figures
def test_reported_figures_are_well_formed(reported: pd.DataFrame) -> None:
    assert reported["figure_id"].is_unique
    assert set(reported["metric"]) <= METRICS
    assert reported["source"].notna().all()
    assert reported["source"].str.startswith("amem_midterm_evaluation_2021.txt l. ").all()
    assert reported["value"].notna().all()
    assert set(reported["comparison"].dropna()) <= {"=", ">", ">=", "<", "<=", "~"}


def test_reported_keys_exist_in_the_data(reported: pd.DataFrame, participation: pd.DataFrame) -> None:
    lines = set(read("budget")["line"])
    indicators = set(read("indicators")["indicator_id"])
    events = set(participation["event_id"])
    for _, fig in reported.iterrows():
        key = fig["key"].split("@")[0]
        if key in {"all", "total"}:
            continue
        if fig["metric"] in {"spent", "spending_share", "budget", "financial_execution_rate"}:
            assert key in lines, fig["figure_id"]
        elif fig["metric"] == "women_share":
            assert key in events, fig["figure_id"]
        elif fig["metric"].startswith("indicator_"):
            assert key in indicators, fig["figure_id"]


def test_key_published_figures_are_there(reported: pd.DataFrame) -> None:
    figs = {(r.metric, r.key, r.value) for r in reported.itertuples()}
    for expected in [("spent", "99", "156,760.12"), ("spent", "total@2019-12-31", "761,673.71"),
                     ("staff_cost_share", "total", "53,6"), ("physical_execution_rate", "all", "70"),
                     ("women_share", "all", "53"), ("women_share", "all", "46"),
                     ("financial_execution_rate", "total@2021-03-20", "84"),
                     ("financial_execution_rate", "total@2021-03-20", "72"),
                     ("financial_execution_rate", "total@2021-03-20", "70")]:
        assert expected in figs, expected


# ---- params
def test_annexes_name_a_country_of_the_data() -> None:
    present = set()
    for table in ("activities", "participation", "indicators"):
        present |= set(read(table)["country"].dropna())
    annexes = [p for p in PARAMS.glob("*.yaml") if p.stem != "project"]
    assert {p.stem for p in annexes} == {"maroc", "mauritanie", "tunisie", "libye", "ensemble"}
    for path in annexes:
        country = yaml.safe_load(path.read_text(encoding="utf-8"))["country"]
        assert country == "all" or country in present, path.name


def test_project_params() -> None:
    project = yaml.safe_load((PARAMS / "project.yaml").read_text(encoding="utf-8"))
    assert project["code"] == "AMEM"
    assert str(project["start_date"]) == "2018-07-20"
    assert str(project["reporting_date"]) == "2020-12-31"
    assert project["budget_total"] == pytest.approx(2_000_000 / 0.72, abs=0.01)
