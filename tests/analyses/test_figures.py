"""annex_figures: exact columns, keys, scoping, reported figures, impact mapping, determinism."""

import dataclasses
import types
import math

import pandas as pd
import pytest

from analysis_frames import frame
from helpers.analyses import figures as figures_mod
from helpers.analyses.figures import COLUMNS, annex_figures
from helpers.data.loader import ProjectData
from helpers.data.params import AnnexParams


def annex_params(country="all", **kw):
    base = dict(title="T", code="T", start_date="2020-01-01", end_date="2022-01-01", reporting_date="2020-12-31",
                currency="EUR", budget_total=2000, language="fr", project="demo", annex=country.lower(),
                country=country, name=country)
    base.update(kw)
    return AnnexParams(**base)


@dataclasses.dataclass
class FakeStudy:
    name: str
    data: pd.DataFrame
    # the labels the outcome's unit is read from (impact.outcome_unit)
    spec: object = dataclasses.field(default_factory=lambda: types.SimpleNamespace(labels={}))


@pytest.fixture
def data():
    tables = {
        "activities": frame("activities", [
            {"activity_id": "a1", "status": "done", "country": "Maroc", "result": "R1", "output": "P1.1"},
            {"activity_id": "a2", "status": "in_progress", "country": "Tunisie", "result": "R1", "output": "P1.1"},
            {"activity_id": "a3", "status": "cancelled", "country": "Maroc", "result": "R2"},
            {"activity_id": "a4", "status": "not_started", "result": "R2"},
        ]),
        "participation": frame("participation", [
            {"event_id": "E1", "participants": 36, "women": 10, "country": "Maroc", "group": "government"},
            {"event_id": "E2", "participants": 20, "women": 12, "men": 8, "country": "Tunisie"},
        ]),
        "budget": frame("budget", [
            {"line": "L1", "budget": 400, "category": "staff", "country": "Maroc"},
            {"line": "L2", "budget": 600, "category": "operational", "country": "Tunisie"},
        ]),
        "expenditure": frame("expenditure", [
            {"line": "L1", "period_end": "2019-12-31", "amount": 100, "country": "Maroc"},
            {"line": "L1", "period_end": "2020-12-31", "amount": 100, "country": "Maroc"},
            {"line": "L2", "period_end": "2020-12-31", "amount": 300, "country": "Tunisie"},
        ]),
        "indicators": frame("indicators", [
            {"indicator_id": "I1", "period": "2020", "actual": 40, "target": 50, "target_final": 100},
            {"indicator_id": "I2", "period": "2019", "actual": 1, "target": 2, "target_final": 1},
            {"indicator_id": "I2", "period": "2020", "actual": 3, "target": 4, "target_final": 1},
        ]),
        "reported": frame("reported", [
            {"figure_id": "R-1", "metric": "spent", "key": "total", "value": "500,00"},
            {"figure_id": "R-2", "metric": "spent", "key": "total@2019-12-31", "value": "90"},
            {"figure_id": "R-3", "metric": "financial_execution_rate", "key": "total@2021-06-30", "value": "40"},
            {"figure_id": "R-4", "metric": "women_share", "key": "E1", "value": "27", "country": "Maroc"},
            {"figure_id": "R-5", "metric": "physical_execution_rate", "key": "all", "value": "70",
             "comparison": ">"},
        ]),
    }
    return ProjectData(project="demo", params=annex_params(), tables=tables, present=set(tables))


def test_columns_types_and_order(data):
    out = annex_figures(data, annex_params())
    assert list(out.columns) == COLUMNS
    assert str(out["n"].dtype) == "Int64"
    for c in ("value", "se", "ci_low", "ci_high", "p_value"):
        assert out[c].dtype == "float64"
    for c in ("section", "metric", "key", "unit", "reported", "status", "note"):
        assert out[c].notna().all()
    order = {s: i for i, s in enumerate(figures_mod.SECTIONS)}
    keys = list(zip(out["section"].map(order), out["metric"], out["key"]))
    assert keys == sorted(keys)
    assert not out.duplicated(["metric", "key"]).any()


def test_all_annex_figures(data):
    out = annex_figures(data, annex_params()).set_index(["metric", "key"])
    v = out["value"]
    assert v[("physical_execution_rate", "all")] == pytest.approx(100 / 3)     # 1 done of 3 (a3 cancelled)
    assert v[("physical_execution_rate", "Maroc")] == pytest.approx(100.0)      # per-country key, all annex
    assert v[("physical_execution_rate", "R1")] == pytest.approx(50.0)
    assert v[("physical_execution_rate", "P1.1")] == pytest.approx(50.0)
    assert v[("activity_status_count", "cancelled")] == 1
    assert v[("women_share", "all")] == pytest.approx(22 / 56 * 100)
    assert v[("women_share", "Tunisie")] == pytest.approx(60.0)
    assert v[("women_share", "government")] == pytest.approx(10 / 36 * 100)
    assert v[("gender_parity_index", "E2")] == pytest.approx(1.5)
    assert out.loc[("gender_parity_index", "E2"), "status"] == "men under-represented"
    assert v[("spent", "total")] == 500 and v[("budget", "total")] == 2000
    assert v[("financial_execution_rate", "total")] == pytest.approx(25.0)
    assert v[("financial_execution_rate", "L1")] == pytest.approx(50.0)
    assert v[("spending_share", "L2")] == pytest.approx(60.0)
    assert v[("spent", "Tunisie")] == 300
    assert v[("unallocated_budget", "total")] == pytest.approx(1000.0)
    assert v[("staff_cost_share", "total")] == pytest.approx(40.0)
    assert out.loc[("staff_cost_share", "total"), "status"] == "above band"
    assert out.loc[("budget", "total"), "unit"] == "EUR" and out.loc[("burn_index", "total"), "unit"] == "ratio"
    # indicators: one period -> indicator_id; several -> indicator_id@period
    assert v[("indicator_achievement", "I1")] == pytest.approx(80.0)
    assert out.loc[("indicator_achievement", "I1"), "status"] == "green"
    assert v[("indicator_achievement", "I2@2020")] == pytest.approx(75.0)
    assert ("indicator_anomaly", "I2@2020:period_target_beyond_final_target") in out.index
    assert ("indicator_anomaly", "I2@2019:period_target_beyond_final_target") in out.index


def test_reported_figures_of_the_all_annex(data):
    out = annex_figures(data, annex_params())
    rec = out[out["metric"] == "reported_figure"].set_index("key")
    assert list(rec.index) == ["R-1", "R-2", "R-3", "R-5"]                      # R-4 belongs to the Maroc annex
    assert rec.loc["R-1", "status"] == "match" and rec.loc["R-1", "reported"] == "500,00"
    assert rec.loc["R-2", "status"] == "mismatch" and rec.loc["R-2", "value"] == 100
    assert rec.loc["R-3", "status"] == "not_computable" and "ends on 2020-12-31" in rec.loc["R-3", "note"]
    assert rec.loc["R-5", "status"] == "mismatch"                                 # 33.3 is not > 70
    keyed = out.set_index(["metric", "key"])
    assert keyed.loc[("spent", "total@2019-12-31"), "value"] == 100              # asked for -> computed
    assert ("spent", "total@2021-06-30") not in keyed.index                       # not asked for
    assert math.isnan(keyed.loc[("financial_execution_rate", "total@2021-06-30"), "value"])


def test_a_country_annex_reads_its_country_as_a_key_for_the_whole(data):
    """A figure of Maroc keyed 'Maroc' (the whole country, as the project annex keys it) or 'L1/Maroc' (a line as
    the project annex names it): in Maroc's annex the whole is 'all' and the line 'L1'; both were « no computed
    figure »."""
    reported = frame("reported", [
        {"figure_id": "M-1", "metric": "women_share", "key": "Maroc", "value": "27,8", "country": "Maroc"},
        {"figure_id": "M-2", "metric": "spent", "key": "L1/Maroc", "value": "200", "country": "Maroc"},
        {"figure_id": "M-3", "metric": "spent", "key": "maroc", "value": "200", "country": "Maroc"},
        {"figure_id": "M-4", "metric": "spent", "key": "L2/Tunisie", "value": "300", "country": "Maroc"}])
    data = dataclasses.replace(data, tables={**data.tables, "reported": reported})
    rec = annex_figures(data, annex_params("maroc")).set_index(["metric", "key"])
    assert [rec.loc[("reported_figure", f"M-{i}"), "status"] for i in (1, 2, 3)] == ["match"] * 3
    assert rec.loc[("reported_figure", "M-4"), "status"] == "not_computable"   # another country's line


def test_a_date_in_a_key_may_be_written_as_the_data_write_dates(data):
    """'total@31/12/2019' (day first, as every date of the data) and 'total@déc. 2019' (a month: its last day) are
    'total@2019-12-31'; they were « no computed figure ». A year stays refused (spent in 2019, or by its end?), and
    an indicator's '@2020' is its period, not a date."""
    reported = frame("reported", [
        {"figure_id": "D-1", "metric": "spent", "key": "total@31/12/2019", "value": "100"},
        {"figure_id": "D-2", "metric": "spent", "key": "total@déc. 2019", "value": "100"},
        {"figure_id": "D-3", "metric": "spent", "key": "total@2019", "value": "100"},
        {"figure_id": "D-4", "metric": "indicator_achievement", "key": "I2@2020", "value": "75"}])
    data = dataclasses.replace(data, tables={**data.tables, "reported": reported})
    rec = annex_figures(data, annex_params()).set_index(["metric", "key"])
    assert [rec.loc[("reported_figure", f"D-{i}"), "status"] for i in (1, 2, 3, 4)] == \
        ["match", "match", "not_computable", "match"]


def test_country_annex(data):
    out = annex_figures(data, annex_params("maroc")).set_index(["metric", "key"])
    assert out.loc[("physical_execution_rate", "all"), "value"] == pytest.approx(100.0)
    assert ("physical_execution_rate", "Maroc") not in out.index                  # no per-country keys
    assert out.loc[("spent", "total"), "value"] == 200
    rec = out.loc[("reported_figure", "R-4")]
    assert rec["status"] == "truncated" and rec["value"] == pytest.approx(1000 / 36)
    assert ("reported_figure", "R-1") not in out.index


def test_deterministic_csv(data, tmp_path):
    a = annex_figures(data, annex_params()).to_csv(index=False)
    b = annex_figures(data, annex_params()).to_csv(index=False)
    assert a == b


def test_impact_mapping_and_country_filter(data, monkeypatch):
    from helpers.analyses import impact

    seen = {}

    def effects(study, subgroups=None):
        seen["rows"] = len(study.data)
        return pd.DataFrame({
            "study": study.name, "outcome": ["y", "y", "y"], "subgroup": [None, "sex", None],
            "subgroup_value": [None, "f", None], "design": "two_group", "method": ["ols", "ols", "newcombe"],
            "estimate": [0.5, 0.7, 0.4], "se": [0.1, 0.2, float("nan")], "ci_low": [0.3, 0.3, 0.1],
            "ci_high": [0.7, 1.1, 0.6], "p_value": [0.01, 0.02, float("nan")], "n": [100, 50, 100],
            "mean_treated": [1.0, 1.0, 1.0], "mean_comparison": [0.5, 0.3, 0.6], "se_type": "HC1", "note": ""})

    def balance(study):
        return pd.DataFrame({"study": [study.name], "covariate": ["age"], "n_treated": [50], "n_comparison": [50],
                             "mean_treated": [30.0], "mean_comparison": [31.0], "smd": [-0.1], "note": [""]})

    monkeypatch.setattr(impact, "estimate_effects", effects)
    monkeypatch.setattr(impact, "balance_table", balance)
    monkeypatch.setattr(impact, "balanced_panel_effects", lambda study: pd.DataFrame())   # (a did with units only)
    from helpers.analyses import figures as figures_module  # the propensity figures need a real study spec
    monkeypatch.setattr(figures_module, "study_check_figures", lambda name, study: [])
    monkeypatch.setattr(figures_module, "subgroup_figures", lambda name, study: [])   # (as well)
    monkeypatch.setattr(figures_module, "lee_figures", lambda name, study: [])
    monkeypatch.setattr(figures_module, "_balance_means", lambda name, study, balance: [])   # (its adjustment)
    study = FakeStudy("s", pd.DataFrame({"country": ["Maroc", "Tunisie", "maroc"], "y": [1, 2, 3]}))
    data = dataclasses.replace(data, studies={"s": study})
    out = annex_figures(data, annex_params()).set_index(["metric", "key"])
    row = out.loc[("impact_effect", "s:y")]
    assert (row["value"], row["se"], row["p_value"], row["n"]) == (0.5, 0.1, 0.01, 100)
    assert out.loc[("balance_smd", "s:age"), "value"] == -0.1 and row["section"] == "impact"
    assert seen["rows"] == 3
    annex_figures(data, annex_params("Maroc"))
    assert seen["rows"] == 2                                                      # case-insensitive country filter


def test_empty_tables_give_no_rows():
    empty = {name: frame(name, []) for name in ("activities", "participation", "budget", "expenditure",
                                                   "indicators", "reported")}
    data = ProjectData(project="demo", params=annex_params(), tables=empty, present=set())
    out = annex_figures(data, annex_params())
    assert list(out.columns) == COLUMNS and out.empty


def test_the_reconciliation_note_suggests_keys_of_the_metric(data):
    data.tables["reported"] = frame("reported", [{"figure_id": "R-9", "metric": "budget", "key": "L 1",
                                                  "value": "400"}])
    out = annex_figures(data, annex_params())
    note = out.loc[out["metric"].eq("reported_figure"), "note"].iloc[0]
    assert "no computed figure 'budget' with key 'L 1'; did you mean 'L1'" in note


def _catalogue() -> list[dict[str, str]]:
    """The rows of the figure catalogue in data/README.md."""
    import re

    from helpers.paths import DATA_DIR

    text = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    section = text.split("### The figures: what `metric` and `key` can be", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.fullmatch(r"`\w+`", cells[0]):
            rows.append({"metric": cells[0].strip("`"), "unit": cells[2], "example": cells[4].strip("`")})
    return rows


def test_the_figure_catalogue_names_every_metric_of_the_code():
    import inspect
    import re

    written = set(re.findall(r'_rows\("\w+", "(\w+)"', inspect.getsource(figures_mod)))
    assert written == set(figures_mod.METRICS)
    assert [r["metric"] for r in _catalogue()] == list(figures_mod.METRICS)


def test_the_catalogue_examples_and_units_are_figures_of_the_sample(tmp_path):
    """Each example key is computed for the sample project (gender_parity_index: the mini fixture, where men are
    known; persons: the mini fixture with a register naming its persons), with the unit the catalogue says."""
    import sys
    from pathlib import Path

    from helpers.data.loader import load_project
    from helpers.data.params import load_annex_params

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from fixtures.mini_project import FIXTURE, Mini

    amem = load_project("amem")
    named = Mini.copy_to(tmp_path)
    named.write("participation", "event_id,nom,sexe,pays\nE1,Benali,f,Maroc\nE2,Benali,f,Maroc\n")
    computed = [annex_figures(amem, load_annex_params("amem", "ensemble")),
                annex_figures(load_project("mini", FIXTURE / "data", FIXTURE / "params"),
                              load_annex_params("mini", "maroc", FIXTURE / "params")),
                annex_figures(load_project("mini", named.data_dir, named.params_dir),
                              load_annex_params("mini", "maroc", named.params_dir))]
    # impact_lee_bound: the mini study with a third of its treated not found, the comparison found whole
    lost = Mini.copy_to(tmp_path / "lost")
    lost.write("impact/survey.csv", "id,arm,score,age\n" + "".join(
        f"{i},{'T' if i <= 9 else 'C'},{'' if i in (1, 4, 7) else 10 + i % 5},{30 + i}\n" for i in range(1, 19)))
    lost_project = load_project("mini", lost.data_dir, lost.params_dir)
    computed.append(annex_figures(lost_project, load_annex_params("mini", "maroc", lost.params_dir)))
    # impact_log_change: the mini study whose outcome is a logarithm
    logged = Mini.copy_to(tmp_path / "log")
    logged.replace("impact/survey.yaml", "outcomes: [score]", "outcomes: [log_revenu]")
    logged.write("impact/survey.csv", "id,arm,log_revenu,age\n" + "".join(
        f"{i},{'T' if i % 2 else 'C'},{7 + i % 5 / 10 + i % 2 / 10:g},{30 + i}\n" for i in range(1, 19)))
    computed.append(annex_figures(load_project("mini", logged.data_dir, logged.params_dir),
                                  load_annex_params("mini", "maroc", logged.params_dir)))
    # impact_effect_other_se: the mini study as a panel of persons seen twice, its SEs robust (row by row)
    panel = Mini.copy_to(tmp_path / "panel")
    panel.replace("impact/survey.yaml", "design: two_group", "design: did\nperiod: {column: round, post: 2}\nunit: id")
    panel.write("impact/survey.csv", "id,arm,round,score,age\n" + "".join(
        f"{i},{'T' if i % 2 else 'C'},{r},{10 + i % 5 + r * (1 + i % 2) + i * r % 3},{30 + i}\n" for i in range(1, 19)
        for r in (1, 2)))
    computed.append(annex_figures(load_project("mini", panel.data_dir, panel.params_dir),
                                  load_annex_params("mini", "maroc", panel.params_dir)))
    # impact_cohort_effect: the mini study's treated persons starting in 2020 or 2021 (staggered adoption)
    staggered = Mini.copy_to(tmp_path / "staggered")
    staggered.replace("impact/survey.yaml", "design: two_group", "design: did\nperiod: {column: annee, post: 2021}")
    staggered.write("impact/survey.csv", "id,arm,debut,annee,score,age\n" + "".join(
        f"{i},{'T' if i % 2 else 'C'},{(2020 if i % 4 == 1 else 2021) if i % 2 else ''},{year},"
        f"{10 + i % 3 + year - 2018 + (5 if i % 2 and year >= 2020 + (i % 4 == 3) else 0)},30\n"
        for i in range(1, 13) for year in (2018, 2019, 2020, 2021)))
    computed.append(annex_figures(load_project("mini", staggered.data_dir, staggered.params_dir),
                                  load_annex_params("mini", "maroc", staggered.params_dir)))
    studies = {**lost_project.studies, **amem.studies}
    pairs = {(m, k): u for f in computed for m, k, u in zip(f["metric"], f["key"], f["unit"])}
    units = {"currency": amem.params.currency, "the outcome's": "", "the question's": "", "": "",
             "the figure's": "%"}
    from helpers.analyses.impact import outcome_unit

    for row in _catalogue():
        assert (row["metric"], row["example"]) in pairs, row
        if row["unit"] == "the outcome's":   # its currency (EUR: the sample's label says so), share for a 0/1 one
            study, outcome = row["example"].split(":")[:2]
            units["the outcome's"] = outcome_unit(studies[study], outcome)
        assert pairs[(row["metric"], row["example"])] == units.get(row["unit"], row["unit"].strip("`")), row


def test_each_metric_is_made_by_the_section_that_claims_it():
    """SECTION_METRICS (what `make check` computes for the reported figures) says for each metric the section whose
    rows carry it, as the code writes them."""
    import inspect
    import re

    written = set(re.findall(r'_rows\("(\w+)", "(\w+)"', inspect.getsource(figures_mod)))
    claimed = {(section, m) for section, metrics in figures_mod.SECTION_METRICS.items() for m in metrics}
    assert claimed == written
    assert sum(map(len, figures_mod.SECTION_METRICS.values())) == len(figures_mod.METRICS)


@pytest.mark.parametrize("asked", [["women_share"], ["BUDGET", "burn_index"], ["cost_per_woman"],
                                   ["indicator_achievement", "physical_execution_rate"], ["no_such_metric"],
                                   ["Physical_Progress_Rate"], ["activity_status_count", "gender_parity_index"]])
def test_the_sections_asked_for_give_the_rows_of_a_whole_computation(asked):
    """tables_figures(metrics=...) leaves out the other sections, not rows of the metrics asked for (any case)."""
    from helpers.data.loader import load_project
    from helpers.data.model import scope
    from helpers.data.params import load_annex_params

    amem = load_project("amem")
    for annex in ("ensemble", "maroc"):
        params = load_annex_params("amem", annex)
        tables = scope(amem, params.country).tables
        whole = figures_mod.tables_figures(tables, params)
        some = figures_mod.tables_figures(tables, params, metrics=asked)
        lower = {m.lower() for m in asked}
        expected = whole[whole["metric"].str.lower().isin(lower)].reset_index(drop=True)
        assert some[some["metric"].str.lower().isin(lower)].reset_index(drop=True).equals(expected)
        assert len(some) < len(whole)


def test_the_figures_without_keys_per_group_are_rows_of_the_whole_computation():
    """tables_figures(by_group=False) without the reported figures, where the check looks for them first, gives
    rows of the whole computation only: a reported figure found there is found in it."""
    from helpers.data.loader import load_project
    from helpers.data.model import scope
    from helpers.data.params import load_annex_params

    amem = load_project("amem")
    for annex in ("ensemble", "maroc"):
        params = load_annex_params("amem", annex)
        tables = scope(amem, params.country).tables
        reported = figures_mod.reported_for_annex(amem.tables["reported"], params)
        whole = figures_mod.tables_figures(tables, params, reported=reported, surveys=amem.surveys)
        some = figures_mod.tables_figures(tables, params, surveys=amem.surveys, by_group=False)
        assert (some.merge(whole, how="left", indicator=True)["_merge"] == "both").all()
        assert 0 < len(some) < len(whole)


@pytest.mark.parametrize("keys", [["all", "all"], ["all", "R1"], ["E1", "all"], ["nope", "all"], ["all", ""]])
def test_unmatched_reported_finds_what_the_whole_computation_finds(monkeypatch, keys):
    """unmatched_reported computes the keys per group only when a reported figure is not among the others: the
    figures it names, and their suggestions, are those of the whole computation."""
    from helpers.data.loader import load_project
    from helpers.data.params import load_annex_params

    amem = load_project("amem")
    reported = amem.tables["reported"]
    rows = reported[reported["metric"].isin(["women_share", "physical_execution_rate"])].iloc[[0, -1]].copy()
    rows["key"] = keys
    data = dataclasses.replace(amem, tables={**amem.tables, "reported": rows.reset_index(drop=True)})
    params = load_annex_params("amem", "ensemble")
    found = figures_mod.unmatched_reported(data, params)
    assert found["key"].tolist() == ([keys[0]] if keys[0] in ("E1", "nope") else [])   # no such execution rate
    whole = figures_mod.tables_figures   # nothing found without the keys per group: every figure looked for in all
    monkeypatch.setattr(figures_mod, "tables_figures",
                        lambda *a, by_group=True, **k: whole(*a, **k) if by_group else whole(*a, **k).iloc[:0])
    pd.testing.assert_frame_equal(found, figures_mod.unmatched_reported(data, params), check_index_type=False)


def test_a_line_coded_as_a_country_does_not_take_the_country_key():
    """A budget with a project-wide line coded 'Mali' beside the lines of Mali: the all annex had two 'budget' rows
    keyed 'Mali' (the line's 300 and the country's 1 000), and a published 'budget Mali' matched either."""
    budget = frame("budget", [{"line": "Mali", "budget": 300.0, "country": None},
                              {"line": "R1", "budget": 1000.0, "country": "Mali"},
                              {"line": "R2", "budget": 500.0, "country": "Niger"}])
    expenditure = frame("expenditure", [{"line": "R1", "period_end": "2020-12-31", "amount": 100.0, "country": "Mali"},
                                        {"line": "R2", "period_end": "2020-12-31", "amount": 50.0, "country": "Niger"},
                                        {"line": "Mali", "period_end": "2020-12-31", "amount": 30.0, "country": None}])
    figures = figures_mod.tables_figures({"budget": budget, "expenditure": expenditure}, annex_params())
    assert not figures.duplicated(["metric", "key"]).any()
    value = figures.set_index(["metric", "key"])["value"]
    assert value[("budget", "Mali")] == 1000.0 and value[("budget", "Mali/regional")] == 300.0
    assert value[("spent", "Mali")] == 100.0 and value[("budget", "R1")] == 1000.0


@pytest.mark.parametrize("written", ["all", "Tous", "ENSEMBLE"])
def test_a_published_figure_of_the_whole_project_is_checked_whatever_its_word(data, written):
    """Before: a reported row of country 'Tous' belonged to no annex (the all annex took only '' and 'all') and was
    never checked, while an annex whose country is 'Tous' is the whole project's."""
    data.tables["reported"] = frame("reported", [
        {"figure_id": "R-9", "metric": "spent", "key": "total", "value": "500,00", "country": written}])
    for params in (annex_params(), annex_params(country="Tous")):
        rec = annex_figures(data, params)
        assert rec.loc[rec["metric"] == "reported_figure", "key"].tolist() == ["R-9"]


def test_a_country_without_spending_says_why_on_every_row_of_the_all_annex():
    """A country with lines and no spending row is n.d. in the all annex as in its own: its spending rows said
    'cumulative spending as of ...' beside the n.d., which is not why."""
    budget = frame("budget", [{"line": "R1", "budget": 1000.0, "country": "Mali"},
                              {"line": "R2", "budget": 500.0, "country": "Niger"}])
    expenditure = frame("expenditure", [{"line": "R2", "period_end": "2020-12-31", "amount": 50.0, "country": "Niger"}])
    figures = figures_mod.tables_figures({"budget": budget, "expenditure": expenditure}, annex_params())
    mali = figures[figures["key"] == "Mali"].set_index("metric")
    for metric in ("spent", "spending_share", "financial_execution_rate", "burn_index"):
        assert math.isnan(mali.loc[metric, "value"]) and mali.loc[metric, "note"] == \
            "not computable: no expenditure data", metric
    assert figures.set_index(["metric", "key"]).loc[("spent", "Niger"), "note"].startswith("cumulative spending")


def test_the_verdict_does_not_depend_on_the_annex_language(tmp_path):
    """« 1,655 » (or « 22.562 ») was read with the decimal mark of the annex's language: built with --language en the
    figure 1.655 printed « 1,655 » in a French report was 1655, an « Écart ». The report's mark comes from
    project.yaml's `language` (or `report_decimal_mark`), set when project.yaml is read: neither a build's language
    nor an annex file's changes it."""
    import sys
    from pathlib import Path

    from helpers.data.params import load_annex_params

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from fixtures.mini_project import Mini

    figures = pd.DataFrame({"metric": ["impact_effect", "impact_effect"], "key": ["s:a", "s:b"],
                            "value": [1.655, 22562.0], "unit": ["", ""], "n": [10, 10], "note": ["", ""]})
    reported = pd.DataFrame({"figure_id": ["A", "B"], "metric": "impact_effect", "key": ["s:a", "s:b"],
                             "value": ["1,655", "22.562"], "comparison": None, "label": "a", "source": "s"})
    french = annex_params(language="fr")
    for params in (french, french.model_copy(update={"language": "en"})):
        out = figures_mod.reconciliation_figures(reported, figures, params).set_index("key")
        assert out["status"].to_dict() == {"A": "match", "B": "match"}
    english = annex_params(language="en", report_decimal_mark=",")
    assert figures_mod.reconciliation_figures(reported, figures, english)["status"].tolist() == ["match", "match"]
    assert annex_params(language="en").report_decimal_mark == "."
    mini = Mini.copy_to(tmp_path)
    mini.write_param_file("maroc", "country: Maroc\nname: Maroc\nlanguage: en\n")
    params = load_annex_params("mini", "maroc", mini.params_dir)
    assert params.language == "en" and params.report_decimal_mark == load_annex_params(
        "mini", "maroc", Path(__file__).parents[1] / "fixtures" / "mini" / "params").report_decimal_mark


def test_report_decimal_mark_is_written_in_project_yaml_only(tmp_path):
    import sys
    from pathlib import Path

    from helpers.data.params import ValidationFailed, load_annex_params

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from fixtures.mini_project import Mini

    mini = Mini.copy_to(tmp_path)
    mini.write_param_file("maroc", "country: Maroc\nname: Maroc\nreport_decimal_mark: \".\"\n")
    with pytest.raises(ValidationFailed, match="report_decimal_mark"):
        load_annex_params("mini", "maroc", mini.params_dir)


def test_a_burn_index_note_says_what_it_is_or_why_it_is_not_computed():
    """The lines' burn index carried the rate's note (« spent / line budget as of ... »), computed or not, and the total's
    was a bare « not computable » when no share of the planned duration had elapsed."""
    from types import SimpleNamespace

    from analysis_frames import frame
    from helpers.analyses.figures import budget_figures
    from helpers.data.params import Thresholds

    budget = frame("budget", [{"line": "B1", "budget": 100.0, "country": "Maroc", "category": "staff"}])
    spending = frame("expenditure", [{"line": "B1", "period_end": "2020-12-31", "amount": 40.0, "country": "Maroc"}])
    params = SimpleNamespace(currency="USD", start_date="2020-01-01", end_date="2021-12-31", budget_total=None,
                             reporting_date="2020-12-31", staff_categories=["staff"], thresholds=Thresholds())
    out = budget_figures(budget, spending, params).query("metric == 'burn_index'").set_index("key")
    assert out["note"].str.startswith("(spent / ").all() and "elapsed share" in out.loc["B1", "note"]
    # nothing of the duration elapsed: a start after the reporting date (on the start date itself, its one day has:
    # the days are counted both ends included, budget.elapsed_share)
    early = SimpleNamespace(**{**vars(params), "start_date": "2021-01-01"})
    out = budget_figures(budget, spending, early).query("metric == 'burn_index'").set_index("key")
    assert out["value"].isna().all() and out["note"].str.contains("not after the start date").all()


@pytest.mark.parametrize("header", ["country", "pays"])
def test_a_published_effect_of_a_country_is_not_compared_with_a_study_shown_whole(tmp_path, header):
    """The study's countries under « Pays »: the Maroc annex showed the effect over every country's rows (Maroc's
    rows give 1, the study 2) and compared Maroc's published effect with it (« Conforme » at 2). Not computable
    now, saying why; with a 'country' column the effect is Maroc's and compared."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    rows = [f"{i},{'T' if i % 2 else 'C'},{10 + (i % 2) * (1 if i <= 8 else 3)},{20 + i},"
            f"{'Maroc' if i <= 8 else 'Tunisie'}" for i in range(1, 17)]
    mini.write("impact/survey.csv", f"id,arm,score,age,{header}\n" + "\n".join(rows) + "\n")
    mini.write("reported.csv", "figure_id,metric,key,value,comparison,label,source,country\n"
                               "F9,impact_effect,survey:score,2,=,Effet de la formation,Rapport p. 30,Maroc\n")
    figures = annex_figures(mini.load(), load_annex_params("mini", "maroc", mini.params_dir))
    effect = figures[figures["metric"].eq("impact_effect")].set_index("key")["value"]
    published = figures[figures["metric"].eq("reported_figure")].set_index("key").loc["F9"]
    if header == "country":
        assert effect["survey:score"] == pytest.approx(1.0)   # Maroc's rows
        assert published["status"] == "mismatch" and published["value"] == pytest.approx(1.0)
    else:
        assert effect["survey:score"] == pytest.approx(2.0)   # every country's rows, as the annex says
        assert published["status"] == "not_computable" and math.isnan(published["value"])
        assert "no 'country' column: the figure computed is the whole study's" in published["note"]


def test_the_figures_make_each_line_table_once_and_the_same_figures(data, monkeypatch):
    """The budget, cost and published figures of one annex read the same budget-line tables (budget_lines at the
    reporting date and at each date a published figure names): each is made once per annex, and the figures are
    those made without reusing them (the rebuild after an edited spending row reruns this step for every annex)."""
    from contextlib import nullcontext

    from helpers.analyses import budget as budget_mod

    made = []
    make = budget_mod._made_line_table
    monkeypatch.setattr(budget_mod, "_made_line_table",
                        lambda budget, expenditure, as_of: made.append((id(budget), id(expenditure), as_of))
                        or make(budget, expenditure, as_of))
    out = annex_figures(data, annex_params())
    assert made and len(made) == len(set(made))     # (per country, each country's own frames: other tables)
    assert len(made) < 3 * 4                        # three dates (two named by published figures), not each use
    monkeypatch.setattr(budget_mod, "reusing_line_tables", nullcontext)
    made.clear()
    again = annex_figures(data, annex_params())
    assert len(made) > len(set(made))               # without reuse, the same table is made again
    pd.testing.assert_frame_equal(out, again)


def test_a_reports_participants_are_checked_against_the_participations(data):
    """A report's « 56 participants » had no figure to be checked against: women_share's n leaves out the
    participants of unknown sex, persons needs a register that names them. `participants` counts every participant
    of the annex's events (of unknown sex too), per event, group and country."""
    data.tables["participation"] = frame("participation", [
        {"event_id": "E1", "participants": 36, "women": 10, "country": "Maroc", "group": "government"},
        {"event_id": "E2", "participants": 20, "women": 12, "men": 8, "country": "Tunisie"},
        {"event_id": "E3", "participants": 50, "men": 30, "country": "Tunisie"},   # women not recorded
        {"event_id": "E4", "participants": 25, "women": 5, "men": 10, "country": "Maroc"},   # 10 of unknown sex
    ])
    data.tables["reported"] = frame("reported", [
        {"figure_id": "P-1", "metric": "participants", "key": "all", "value": "131 participants"},
        {"figure_id": "P-2", "metric": "participants", "key": "all", "value": "près de 130"},
        {"figure_id": "P-3", "metric": "participants", "key": "Tunisie", "value": "70"},
    ])
    out = annex_figures(data, annex_params()).set_index(["metric", "key"])
    counts = out.xs("participants")["value"].to_dict()
    assert counts == {"all": 131, "E1": 36, "E2": 20, "E3": 50, "E4": 25, "government": 36, "Maroc": 61,
                      "Tunisie": 70}
    assert out.loc[("participants", "all"), "n"] == 4 and out.loc[("participants", "all"), "unit"] == "count"
    assert out.loc[("women_share", "all"), "n"] == 36 + 20 + 15     # (of known sex only: not the participants)
    assert out.xs("reported_figure")["status"].to_dict() == {"P-1": "match", "P-2": "mismatch", "P-3": "match"}
