"""Cost per result (analyses.efficiency) against a hand computation on the sample's lines (Tableau 3's cells):

R1 = 133,045.90 + 108,331.13 = 241,377.03; R2 = 5,394.95 + 17,167.01 = 22,561.96; R3 = 9,053.35 + 44,731.95 =
53,785.30 USD spent up to 31/12/2020. The output indicators name R1, R2 or R3 (data/amem/indicators.csv,
``budget_lines``); the trainings of participation.csv too, ECART-263 (a derived remainder) none.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from helpers.analyses import budget as budget_mod, efficiency
from helpers.analyses.figures import annex_figures
from helpers.data import loader
from helpers.data.params import UnitCostBenchmark, load_annex_params

R1 = 133_045.90 + 108_331.13
R2 = 5_394.95 + 17_167.01
R3 = 9_053.35 + 44_731.95


@pytest.fixture(scope="module")
def sample():
    data = loader.load_project("amem")
    return data, load_annex_params("amem", "ensemble")


@pytest.fixture(scope="module")
def costs(sample):
    data, params = sample
    return efficiency.cost_per_result(loader.scope(data, params.country).tables, params)


def row(costs, kind, key):
    found = costs[(costs["kind"] == kind) & (costs["key"] == key)]
    assert len(found) == 1, f"{kind} {key}"
    return found.iloc[0]


@pytest.mark.parametrize("indicator, spent, actual", [
    ("P1.1.a", R1, 58), ("I.1.2.1", R1, 1), ("P2.2.a", R2, 34), ("I.3.1.1", R3, 2), ("I.3.3.1", R3, 3)])
def test_cost_per_unit_of_the_sample_outputs_is_the_spending_of_their_line_over_their_actual(costs, indicator,
                                                                                             spent, actual):
    r = row(costs, "output", indicator)
    assert r["spent"] == pytest.approx(spent, abs=1e-6)
    assert r["cost"] == pytest.approx(spent / actual, rel=1e-12)
    assert r["as_of"] == dt.date(2020, 12, 31) and r["status"] == "shared" and r["reason"] == ""


@pytest.mark.parametrize("indicator, reason", [
    ("P1.1.b", "actual_not_positive"), ("I.2.3.1", "actual_not_positive"), ("I.3.4.2", "actual_not_positive"),
    ("P2.1.a", "no_actual"), ("P3.1.a", "no_actual")])
def test_an_actual_of_zero_or_missing_gives_no_cost_and_says_why(costs, indicator, reason):
    r = row(costs, "output", indicator)
    assert np.isnan(r["cost"]) and r["reason"] == reason
    assert efficiency.reason_text(reason, "fr") in ("réalisé nul ou négatif : pas de division",
                                                    "pas de valeur réalisée")


def test_only_output_indicators_are_costed(costs):
    assert set(costs.loc[costs["kind"] == "output", "indicator_id"]) == {
        "P1.1.a", "P1.1.b", "I.1.2.1", "I.1.2.3", "P2.1.a", "P2.1.b", "I.2.2.1", "P2.2.a", "I.2.1.1", "I.2.3.1",
        "P3.1.a", "I.3.1.1", "I.3.2.1", "P3.3.a", "I.3.3.1", "I.3.4.1", "I.3.4.2"}   # not R1.a, I.2.1, I.2.2, I.3.1


def test_cost_per_participant_and_per_woman_by_hand(costs):
    # events naming R1: RABAT-19 36/10, MALM-20 3/-; R2: MARSA-20 126/79, SOUKRA-20 40/27, TRIP-TN-19 40/-;
    # R3: RE-SEPT-20A 12/-, RE-SEPT-20B 5/-, ELRE-20-MA 9/6, ELRE-20-TN 11/6; ECART-263 names no line
    every = row(costs, "participant", "all")
    assert every["lines"] == "R1, R2, R3" and every["denominator"] == 282
    assert every["cost"] == pytest.approx((R1 + R2 + R3) / 282, rel=1e-12)
    woman = row(costs, "woman", "all")
    assert woman["denominator"] == 10 + 79 + 27 + 6 + 6
    assert woman["cost"] == pytest.approx((R1 + R2 + R3) / 128, rel=1e-12)
    assert "upper bound" in woman["status"] and "60 participants" in woman["note"]   # 3 + 40 + 12 + 5 unsexed
    assert row(costs, "participant", "R2")["cost"] == pytest.approx(R2 / 206, rel=1e-12)
    assert row(costs, "woman", "R2")["cost"] == pytest.approx(R2 / 106, rel=1e-12)
    assert row(costs, "participant", "R1")["cost"] == pytest.approx(R1 / 39, rel=1e-12)


def test_participants_of_unknown_sex_beside_the_women_and_men_make_the_cost_per_woman_an_upper_bound(sample):
    """RABAT-19 (R1) counting 36 participants, 10 women and 20 men, 6 of unknown sex (MALM-20, R1's event without a
    women count, left out): the cost per woman over R1 was R1 / 10, given as exact, where some of the 6 may be women
    (the women's share leaves them out so)."""
    data, params = sample
    tables = dict(loader.scope(data, params.country).tables)
    people = tables["participation"]
    people = people[people["event_id"] != "MALM-20"].copy()
    people.loc[people["event_id"] == "RABAT-19", "men"] = 20
    tables["participation"] = people
    woman = row(efficiency.cost_per_result(tables, params), "woman", "R1")
    assert woman["cost"] == pytest.approx(R1 / 10, rel=1e-12)
    assert "upper bound" in woman["status"] and "6 participants of these events have no sex recorded" in woman["note"]
    people.loc[people["event_id"] == "RABAT-19", "men"] = 26   # every sex known: exact
    woman = row(efficiency.cost_per_result(tables, params), "woman", "R1")
    assert "upper bound" not in woman["status"] and "no sex recorded" not in woman["note"]


def test_a_line_that_finances_several_results_is_shared_not_divided(costs):
    p11a = row(costs, "output", "P1.1.a")
    assert p11a["shared_with"] == "P1.1.b, I.1.2.1, I.1.2.3, participation"
    assert "shared, not divided" in p11a["note"]
    # each result carries the whole line: the costs times the actuals add up to more than the line
    r1 = costs[(costs["kind"] == "output") & (costs["lines"] == "R1") & costs["cost"].notna()]
    assert (r1["cost"] * r1["denominator"]).sum() == pytest.approx(2 * R1)


def test_the_figures_catalogue_the_costs_with_the_currency(sample):
    data, params = sample
    figures = annex_figures(data, params)
    cost = figures[(figures["metric"] == "cost_per_unit") & (figures["key"] == "P1.1.a")].iloc[0]
    assert cost["section"] == "efficiency" and cost["unit"] == "USD" and cost["status"] == "shared"
    assert cost["value"] == pytest.approx(R1 / 58, rel=1e-12) and cost["n"] == 58
    assert figures[(figures["metric"] == "cost_per_participant") & (figures["key"] == "all")]["value"].iloc[0] \
        == pytest.approx((R1 + R2 + R3) / 282, rel=1e-12)


def _tables(sample, edits=None):
    data, params = sample
    tables = {k: v.copy() for k, v in loader.scope(data, params.country).tables.items()}
    for (table, indicator, column), value in (edits or {}).items():
        frame = tables[table]
        key = "indicator_id" if table == "indicators" else "event_id"
        frame.loc[frame[key] == indicator, column] = value
    return tables


def test_spending_is_counted_up_to_the_end_of_the_indicators_period(sample):
    _, params = sample
    for period in ("2019-12", "2019", "2019-12-31", "2019-10-01/2019-12-31", "T4 2019", "31/12/2019"):
        tables = _tables(sample, {("indicators", "P1.1.a", "period"): period})
        r = row(efficiency.cost_per_result(tables, params), "output", "P1.1.a")
        assert r["as_of"] == dt.date(2019, 12, 31) and r["cost"] == pytest.approx(133_045.90 / 58)
    tables = _tables(sample, {("indicators", "P1.1.a", "period"): "FY2020"})
    r = row(efficiency.cost_per_result(tables, params), "output", "P1.1.a")
    assert np.isnan(r["cost"]) and r["reason"] == "bad_period"


@pytest.mark.parametrize("unit, label", [("%", "Formés"), ("pourcentage", "Formés"), ("taux", "Formés"),
                                         ("", "Taux d'insertion des formés"), ("", "% des formés en emploi")])
def test_a_rate_has_no_cost_per_unit(sample, unit, label):
    """An output in % (45 % of trainees placed) naming its lines: its cost « per unit » was the spending over 45,
    a cost per percentage point, shown as a cost per result."""
    _, params = sample
    tables = _tables(sample, {("indicators", "P1.1.a", "unit"): unit, ("indicators", "P1.1.a", "label"): label})
    r = row(efficiency.cost_per_result(tables, params), "output", "P1.1.a")
    assert np.isnan(r["cost"]) and r["reason"] == "rate"
    assert efficiency.is_rate("personnes", "Taux d'insertion") is False   # a unit that counts wins over the label


def test_no_division_by_zero_or_negative_spending(sample):
    _, params = sample
    tables = _tables(sample, {("indicators", "P1.1.a", "period"): "2019"})
    expenditure = tables["expenditure"]
    expenditure.loc[(expenditure["line"] == "R1") & (expenditure["period_end"] < "2020-01-01"), "amount"] = 0.0
    r = row(efficiency.cost_per_result(tables, params), "output", "P1.1.a")   # nothing spent by then
    assert np.isnan(r["cost"]) and r["reason"] == "no_spending" and r["spent"] == 0
    tables = _tables(sample)
    expenditure = tables["expenditure"]
    expenditure.loc[expenditure["line"] == "R2", "amount"] = -1.0
    r = row(efficiency.cost_per_result(tables, params), "output", "P2.2.a")
    assert np.isnan(r["cost"]) and r["reason"] == "negative_spending"
    assert row(efficiency.cost_per_result(tables, params), "participant", "R2")["reason"] == "negative_spending"
    tables = _tables(sample, {("indicators", "P2.2.a", "actual"): -3.0})
    assert row(efficiency.cost_per_result(tables, params), "output", "P2.2.a")["reason"] == "actual_not_positive"


@pytest.mark.parametrize("period", ["2020-06", "S1 2020", "2018-12"])
def test_a_period_ending_inside_a_spending_period_is_not_costed(sample, period):
    """Spending is given by year (to 31/12/2019, to 31/12/2020): the spending up to 30/06/2020 is not in the data.
    It was the spending up to 31/12/2019 (six months short), said « up to 2020-06-30 »: 133 045.90 / 40 = 3 326 where
    the true cost lies between that and 241 377.03 / 40; before the first period's end, « no spending »."""
    _, params = sample
    tables = _tables(sample, {("indicators", "P1.1.a", "period"): period, ("indicators", "P1.1.a", "actual"): 40.0})
    r = row(efficiency.cost_per_result(tables, params), "output", "P1.1.a")
    assert np.isnan(r["cost"]) and r["reason"] == "inside_spending_period"
    assert "milieu d'une période de dépenses" in efficiency.reason_text("inside_spending_period", "fr")


def test_a_line_outside_the_annex_budget_is_not_costed(sample):
    data, _ = sample
    params = load_annex_params("amem", "maroc")
    costs = efficiency.cost_per_result(loader.scope(data, params.country).tables, params)
    r = row(costs, "output", "I.1.2.1")   # a Maroc indicator financed by the project-wide line R1
    assert np.isnan(r["cost"]) and r["reason"] == "unknown_line"
    assert "annexe d'ensemble" in efficiency.reason_text("unknown_line", "fr")


def test_benchmarks_are_shown_beside_as_a_ratio(sample):
    data, params = sample
    params = params.model_copy(update={"unit_cost_benchmarks": {
        "P1.1.a": UnitCostBenchmark(value=2000, source="OIT 2019"), "participant": 1000.0}})
    costs = efficiency.cost_per_result(loader.scope(data, params.country).tables, params)
    assert row(costs, "output", "P1.1.a")["cost_to_benchmark"] == pytest.approx(R1 / 58 / 2000)
    assert row(costs, "participant", "all")["cost_to_benchmark"] == pytest.approx((R1 + R2 + R3) / 282 / 1000)
    assert np.isnan(row(costs, "participant", "R1")["benchmark"])
    figures = annex_figures(data, params)
    ratio = figures[figures["metric"] == "cost_to_benchmark"].set_index("key")
    assert set(ratio.index) == {"P1.1.a", "participant"} and "OIT 2019" in ratio.at["P1.1.a", "note"]


def test_the_ratio_of_an_upper_bound_to_its_benchmark_is_an_upper_bound_too(sample):
    # the sample's cost per woman is « au plus » (60 participants of unknown sex): its cost / benchmark was given as
    # exact (status empty), 1,22 compared with a later exact 1,11 as a cost fallen by 9 %
    data, params = sample
    params = params.model_copy(update={"unit_cost_benchmarks": {"woman": 2500.0, "participant": 1000.0}})
    figures = annex_figures(data, params).set_index(["metric", "key"])
    assert "upper bound" in figures.at[("cost_per_woman", "all"), "status"]
    assert figures.at[("cost_to_benchmark", "woman"), "status"] == "upper bound"
    assert figures.at[("cost_to_benchmark", "woman"), "value"] == pytest.approx(
        figures.at[("cost_per_woman", "all"), "value"] / 2500, rel=1e-12)
    assert "upper bound" not in figures.at[("cost_per_participant", "all"), "status"]
    assert figures.at[("cost_to_benchmark", "participant"), "status"] == ""   # an exact cost's ratio is exact


def test_named_lines_and_periods():
    assert efficiency.named_lines("R1; R6 ,R1+99") == ["R1", "R6", "99"]
    assert efficiency.named_lines(None) == [] and efficiency.named_lines(pd.NA) == [] and \
        efficiency.named_lines(" ; ") == []
    assert efficiency.period_end("2020-02") == dt.date(2020, 2, 29)
    assert efficiency.period_end("2020-13") is None and efficiency.period_end("") is None


@pytest.mark.parametrize("period, end", [
    ("30/06/2021", dt.date(2021, 6, 30)),      # was cut at its last '/': the year 2021, 31/12/2021
    ("30.06.2021", dt.date(2021, 6, 30)), ("31/12/2020", dt.date(2020, 12, 31)),
    ("01/06/2021", dt.date(2021, 6, 1)),       # day first, as every date of the data contract
    ("06/30/2021", None),                      # month first: no 30th month
    ("S1 2021", dt.date(2021, 6, 30)), ("2021-S2", dt.date(2021, 12, 31)), ("H1 2021", dt.date(2021, 6, 30)),
    ("T1 2021", dt.date(2021, 3, 31)), ("2020-Q4", dt.date(2020, 12, 31)), ("2020Q3", dt.date(2020, 9, 30)),
    ("S3 2021", None),
    ("2019-10-01/2020-03-31", dt.date(2020, 3, 31)), ("2019-10/2020-03", dt.date(2020, 3, 31)),
    ("01/10/2019-31/03/2020", dt.date(2020, 3, 31)), ("01/10/2019 au 31/03/2020", dt.date(2020, 3, 31)),
    ("2019/2020", None),                       # a fiscal year? which day it ends is not said (was 31/12/2020)
    ("FY2020", None)])
def test_an_indicator_period_as_tables_write_it_ends_on_its_last_day(period, end):
    """The cost per unit of an output counts the spending up to the end of the indicator's period: the periods of
    French and English IPTTs (a day, read as numbers.parse_date reads the data's dates, a half, a quarter, a range of
    days) end on their own last day; a period whose end is not said gives no cost, with its reason."""
    assert efficiency.period_end(period) == end


def test_outputs_that_share_their_lines_are_counted_once_whatever_their_periods(sample):
    """Notebook 20's « n produits partagent leurs lignes » counted cost rows: an output measured in two periods
    counted twice."""
    data, params = sample
    tables = loader.scope(data, params.country).tables
    costs = efficiency.cost_per_result(tables, params)
    shared = costs[(costs["kind"] == "output") & (costs["shared_with"].str.len() > 0)]
    assert efficiency.outputs_sharing_lines(costs, tables["indicators"]) == shared["indicator_id"].nunique() > 0
    indicators = tables["indicators"]
    again = indicators[indicators["indicator_id"] == "P1.1.a"].assign(period="2021-06", actual=60.0)
    twice = {**tables, "indicators": pd.concat([indicators, again], ignore_index=True)}
    more = efficiency.cost_per_result(twice, params)
    assert len(more[more["kind"] == "output"]) == len(costs[costs["kind"] == "output"]) + 1
    assert efficiency.outputs_sharing_lines(more, twice["indicators"]) == shared["indicator_id"].nunique()


def test_the_results_sharing_a_cost_s_lines_fit_a_table_cell():
    """The sample's outputs share their lines with up to seven other results: the column listed them all (« P1.1.b,
    I.1.2.1, I.1.2.3, participation... »), which pushed the reasons' column out of the screen's width. Two are named,
    then how many more; the participation is the trainings, in the annex's language."""
    every = "P1.1.b, I.1.2.1, I.1.2.3, P2.1.a, participation"
    assert efficiency.shared_summary(every, "fr") == "P1.1.b, I.1.2.1 et 3 autres"
    assert efficiency.shared_summary(every, "en") == "P1.1.b, I.1.2.1 and 3 others"
    assert efficiency.shared_summary("I.1.2.1, participation", "fr") == "I.1.2.1, formations"
    assert efficiency.shared_summary("A, B, participation", "en") == "A, B, trainings"   # never « and 1 other »
    assert efficiency.shared_summary("", "fr") == ""


def test_the_costs_not_computed_are_grouped_by_their_reason():
    """The annex said why each cost is n.d. in a column repeating « pas de valeur réalisée » row after row (and
    pushed out of the screen); it now says each reason once, with the outputs it concerns."""
    costs = pd.DataFrame({"key": ["P1", "P2", "P3", "P4"],
                          "reason": ["no_actual", "", "actual_not_positive", "no_actual"]})
    assert efficiency.not_computed(costs) == [("no_actual", ["P1", "P4"]), ("actual_not_positive", ["P3"])]
    assert efficiency.not_computed(costs.iloc[[1]]) == []


def test_an_output_given_by_sex_only_says_why_it_has_no_cost(sample):
    """P2.2.a written as its women's and men's rows, no total row, financed by R2: it had no cost per unit and
    nothing said it (the table of unit costs simply did not have it); it is n.d., by sex only."""
    _, params = sample
    tables = _tables(sample, {("indicators", "P2.2.a", "sex"): "f"})
    indicators = tables["indicators"]
    men = indicators[indicators["indicator_id"] == "P2.2.a"].assign(sex="m")
    tables["indicators"] = pd.concat([indicators, men], ignore_index=True)
    r = row(efficiency.cost_per_result(tables, params), "output", "P2.2.a")
    assert np.isnan(r["cost"]) and r["reason"] == "by_sex_only" and r["lines"] == "R2"
    assert "par sexe" in efficiency.reason_text("by_sex_only", "fr")


def test_the_annex_costs_are_keyed_as_figures_keys_them(sample):
    """annex_costs (what notebook 20 and the figures step call) names an indicator of two periods by its period, as
    figures.csv does: two rows « P1.1.a » with two costs did not say which period each was."""
    data, params = sample
    tables = loader.scope(data, params.country).tables
    ind = tables["indicators"]
    first = ind[ind["indicator_id"] == "P1.1.a"]
    assert len(first) == 1
    period = str(first["period"].iloc[0])
    tables = {**tables, "indicators": pd.concat([ind, first.assign(period="2099-12")], ignore_index=True)}
    keys = set(efficiency.annex_costs(tables, params).query("kind == 'output'")["key"])
    assert {f"P1.1.a@{period}", "P1.1.a@2099-12"} <= keys and "P1.1.a" not in keys
    assert keys >= {"P2.2.a", "I.3.1.1"}   # one period: keyed by the id alone


@pytest.mark.parametrize("labelled", [True, False])
def test_a_country_s_spending_periods_are_its_own(tmp_path, labelled):
    """Maroc writes its spending per year, Tunisie per half-year (each row: its period's end). The cost of a Maroc
    output to 30/06/2020 was 1 000 in the project-wide annex (Maroc's spending to 31/12/2019 / 10: the half-year ends
    of Tunisie's rows were taken for Maroc's) and not computable in Maroc's own annex; now not computable in both, as
    the budget reads a country's coverage from its own rows. Without labels the rows are payments' days (data
    contract): the spending to 30/06/2020 is 10 000, as « spent B1@2020-06-30 » says it, in both annexes."""
    from fixtures.mini_project import Mini

    m = Mini.copy_to(tmp_path)
    m.set_param("start_date", "2019-01-01")
    m.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    rows = [("B1", "2019-12-31", 10000, "Maroc", "2019"), ("B1", "2020-12-31", 40000, "Maroc", "2020"),
            ("B3", "2020-06-30", 10000, "Tunisie", "S1 2020"), ("B3", "2020-12-31", 20000, "Tunisie", "S2 2020"),
            ("B4", "2021-06-30", 5000, "", "S1 2021")]
    m.write("expenditure", "line,period_end,amount,country,period_label\n" + "".join(
        f"{line},{end},{amount},{country},{label if labelled else ''}\n" for line, end, amount, country, label in rows))
    m.write("indicators", "indicator_id,period,actual,label,level,unit,target_final,direction,country,budget_lines\n"
                          "O1,2020-06,10,Inspecteurs formés,output,personnes,50,increase,Maroc,B1\n")
    data = m.load()
    for annex in ("ensemble", "maroc"):
        figures = annex_figures(data, load_annex_params("mini", annex, m.params_dir))
        cost = figures[figures["metric"].eq("cost_per_unit") & figures["key"].eq("O1")].iloc[0]
        if labelled:
            assert np.isnan(cost["value"]) and "inside a spending period" in cost["note"], (annex, cost["value"])
        else:
            assert cost["value"] == 1000.0, (annex, cost["note"])


def test_a_date_has_one_spending_verdict_everywhere(tmp_path):
    """Yearly spending rows without a period label (payments' days, data contract): the budget said « spent
    R1@2020-06-30 = 10 000 » (a match for a report printing it) while the cost per unit at the same date said
    « inside a spending period ». Both read model.spending_across now: labelled « 2020 », neither is computed;
    a label that is no period (« Rapport préliminaire ») covers the days before its end after the last end before."""
    from fixtures.mini_project import Mini

    for label, known in (("", True), ("2020", False), ("Rapport intermédiaire", False)):
        m = Mini.copy_to(tmp_path / (label or "none"))
        m.set_param("start_date", "2019-01-01")
        m.write("expenditure", "line,period_end,amount,country,period_label\n"
                               f"B1,2019-12-31,10000,Maroc,\nB1,2020-12-31,40000,Maroc,{label}\n")
        m.write("indicators", "indicator_id,period,actual,label,level,unit,target_final,direction,country,"
                              "budget_lines\nO1,2020-06,10,Inspecteurs formés,output,personnes,50,increase,Maroc,B1\n")
        params = load_annex_params("mini", "maroc", m.params_dir)
        data = m.load()
        costs = efficiency.cost_per_result(loader.scope(data, params.country).tables, params)
        spent = budget_mod.budget_lines(data.tables["budget"], data.tables["expenditure"], params,
                                        as_of=dt.date(2020, 6, 30)).set_index("line").at["B1", "spent"]
        cost = row(costs, "output", "O1")
        assert (spent == 10000.0 and cost["cost"] == 1000.0) if known else \
            (np.isnan(spent) and cost["reason"] == "inside_spending_period"), (label, spent, cost["note"])


def test_a_person_at_two_trainings_is_said_beside_the_cost_per_participant(tmp_path):
    """A register naming its persons: Awa and Binta at E1 (line B2) and E5 (B1), Coumba at E5 only. The cost per
    participant divides by the 5 participations, and the annex said « (5 participants) » where 3 persons came: the
    counts are now given (persons_counted), and nothing when every person came once."""
    from fixtures.mini_project import Mini

    mini = Mini.copy_to(tmp_path)
    mini.write("participation", "event_id,person,sex,country,label,budget_lines\n"
                                "E1,Awa Diop,f,Maroc,Formation,B2\nE1,Binta Sow,f,Maroc,Formation,B2\n"
                                "E5,Awa Diop,f,Maroc,Atelier,B1\nE5,BINTA SOW,f,Maroc,Atelier,B1\n"
                                "E5,Coumba Fall,f,Maroc,Atelier,B1\nE6,Coumba Fall,f,Maroc,Sans ligne,\n")
    participation = mini.load().tables["participation"]
    assert efficiency.persons_counted(participation) == {"participations": 5.0, "persons": 3.0, "unnamed": 0.0}
    mini.replace("participation", "E5,Awa Diop", "E5,Dado Ba")
    mini.replace("participation", "E5,BINTA SOW", "E5,Fanta Ba")   # each person once (Coumba's E6 names no line)
    assert efficiency.persons_counted(mini.load().tables["participation"]) is None


def test_a_cost_per_woman_without_women_says_whether_they_are_none_or_not_recorded(sample):
    """R1's events (RABAT-19, MALM-20) with their women cells left empty: the cost per woman said « aucune femme
    comptée », read as no woman took part, where the women are not recorded; a real 0 keeps « aucune femme
    comptée »."""
    data, params = sample
    tables = dict(loader.scope(data, params.country).tables)
    people = tables["participation"].copy()
    r1 = people["budget_lines"].astype(str).str.contains("R1").to_numpy()
    people.loc[r1, "women"] = np.nan
    tables["participation"] = people
    woman = row(efficiency.cost_per_result(tables, params), "woman", "R1")
    assert np.isnan(woman["cost"]) and woman["reason"] == "women_not_recorded"
    # no event counts its women: their number is not known, not 0 (the annex's table showed « Femmes 0 » beside
    # « femmes non renseignées », a project built from scratch)
    assert np.isnan(woman["denominator"]) and "/ women n/a" in woman["note"]
    shown = efficiency.participation_costs(efficiency.cost_per_result(tables, params)).set_index("key")
    assert np.isnan(shown.at["R1", "women"])
    assert efficiency.reason_text(woman["reason"], "fr") == "femmes non renseignées"
    assert efficiency.reason_text(woman["reason"], "en") == "women not recorded"
    people.loc[r1, "women"] = 0.0
    people.loc[r1, "men"] = people.loc[r1, "participants"]   # every sex known: no woman took part
    woman = row(efficiency.cost_per_result(tables, params), "woman", "R1")
    assert woman["reason"] == "no_women" and efficiency.reason_text("no_women", "fr") == "aucune femme comptée"
