"""IPTT achievement (increase / decrease, period / final), RAG and each anomaly rule."""

import math

import pytest

from analysis_frames import frame
from helpers.analyses.indicators import indicator_anomalies, iptt, tracking_counts
from helpers.data.params import Thresholds


def rows(*records):
    return frame("indicators", [dict(period="2020", **r) for r in records])


def test_increase_and_rag():
    out = iptt(rows({"indicator_id": "A", "actual": 40, "target": 50, "target_final": 100},
                    {"indicator_id": "B", "actual": 30, "target": 50, "target_final": 200},
                    {"indicator_id": "C", "actual": 10, "target": 50}), Thresholds())
    assert out["indicator_achievement"].tolist() == pytest.approx([80, 60, 20])
    assert out["rag"].tolist() == ["green", "amber", "red"]
    assert out["indicator_achievement_final"].iloc[0] == pytest.approx(40)
    assert out["rag_final"].tolist()[:2] == ["red", "red"]
    assert math.isnan(out["indicator_achievement_final"].iloc[2]) and out["rag_final"].iloc[2] == ""
    assert "no final target" in out["note_final"].iloc[2]


def test_an_indicator_is_counted_once_whatever_its_periods_and_sexes():
    """Notebook 10 said « 4 indicateurs suivis » for two indicators with two periods or a row per sex, and « 3 » for
    one indicator with a row per country and the project's total (B below: two countries, one label)."""
    table = iptt(frame("indicators", [
        {"indicator_id": "A", "period": "2020", "actual": 40, "target_final": 50},
        {"indicator_id": "A", "period": "2021", "actual": 45, "target_final": 50},
        {"indicator_id": "A", "period": "2021", "actual": 20, "target_final": 25, "sex": "f"},
        {"indicator_id": "B", "period": "2020", "actual": 1, "country": "Maroc"},
        {"indicator_id": "B", "period": "2020", "actual": 1, "country": "Tunisie"},
        {"indicator_id": "B", "period": "2020", "actual": 2, "country": "regional"}]), Thresholds())
    assert tracking_counts(table) == {"indicators": 2, "rows": 6, "measured": 3, "green": 3}
    # each row has its figures key, which tells the rows of one indicator apart (the IPTT table, its chart)
    assert table["key"].tolist() == ["A@2020", "A@2021", "A@2021/f", "B/Maroc", "B/Tunisie", "B/regional"]
    # one code, two indicators: the same code in two countries' logframes, each with its own label
    two = iptt(frame("indicators", [
        {"indicator_id": "C", "period": "2020", "actual": 1, "country": "Maroc", "label": "Inspecteurs formés"},
        {"indicator_id": "C", "period": "2020", "actual": 1, "country": "Tunisie", "label": "Lois adoptées"},
        {"indicator_id": "D", "period": "2020", "actual": 1, "country": "Maroc", "label": "Études"},
        {"indicator_id": "D", "period": "2020", "actual": 1, "country": "Tunisie", "label": "études"}]), Thresholds())
    assert tracking_counts(two)["indicators"] == 3


def test_decrease():
    out = iptt(rows({"indicator_id": "D", "actual": 30, "target": 40, "target_final": 20, "baseline": 50,
                     "direction": "decrease"}), Thresholds()).iloc[0]
    assert out["indicator_achievement"] == pytest.approx((50 - 30) / (50 - 40) * 100)       # 200
    assert out["indicator_achievement_final"] == pytest.approx((50 - 30) / (50 - 20) * 100)  # 66.7
    assert out["rag_final"] == "amber"
    nobase = iptt(rows({"indicator_id": "D", "actual": 30, "target": 40, "direction": "decrease"}), Thresholds())
    assert math.isnan(nobase["indicator_achievement"].iloc[0]) and "baseline" in nobase["note"].iloc[0]


def test_a_target_below_the_baseline_without_a_direction_gets_no_rate():
    """An unemployment rate from 20 (baseline) to 12.5 against targets of 15 and 10, its direction left empty: read
    as rising it was 83 % of the period's target and 125 % of the final one, both green; it is 150 % and 75 % of the
    way down. Without the direction neither is computed, and the reason says why; with it, the rates are right."""
    row = {"indicator_id": "U", "actual": 12.5, "baseline": 20, "target": 15, "target_final": 10}
    out = iptt(rows(row), Thresholds()).iloc[0]
    assert math.isnan(out["indicator_achievement"]) and math.isnan(out["indicator_achievement_final"])
    assert out["rag"] == out["rag_final"] == ""
    assert "direction" in out["note"] and "direction" in out["note_final"]
    down = iptt(rows({**row, "direction": "decrease"}), Thresholds()).iloc[0]
    assert down["indicator_achievement"] == pytest.approx(150.0)
    assert down["indicator_achievement_final"] == pytest.approx(75.0)
    up = iptt(rows({**row, "direction": "increase"}), Thresholds()).iloc[0]   # said so: computed as written
    assert up["indicator_achievement_final"] == pytest.approx(125.0)
    rising = iptt(rows({"indicator_id": "R", "actual": 30, "baseline": 20, "target_final": 50}), Thresholds())
    assert rising["indicator_achievement_final"].iloc[0] == pytest.approx(60.0)   # above its baseline: increase


def test_not_computable():
    out = iptt(rows({"indicator_id": "Z", "actual": 3, "target": 0},
                    {"indicator_id": "N", "actual": None, "target": 5}), Thresholds())
    assert out["indicator_achievement"].isna().all()
    assert "target is 0" in out["note"].iloc[0] and "no actual" in out["note"].iloc[1]
    assert out["rag"].tolist() == ["", ""]


def test_custom_thresholds():
    out = iptt(rows({"indicator_id": "A", "actual": 70, "target": 100}), Thresholds(rag_green=70, rag_amber=40))
    assert out["rag"].iloc[0] == "green"


def test_each_anomaly_rule():
    data = rows(
        {"indicator_id": "B1", "actual": 5, "baseline": 10, "target_final": 8, "direction": "increase"},
        {"indicator_id": "U1", "actual": 5, "baseline": 10, "target_final": 8},     # no direction: which way?
        {"indicator_id": "B2", "actual": 5, "baseline": 3, "target_final": 4, "direction": "decrease"},
        {"indicator_id": "P1", "actual": 5, "target": 12, "target_final": 10},
        {"indicator_id": "P2", "actual": 5, "target": 3, "target_final": 4, "baseline": 9, "direction": "decrease"},
        {"indicator_id": "Z1", "actual": 2, "target": 0, "target_final": 10},
        {"indicator_id": "M1", "actual": 2},
        {"indicator_id": "OK", "actual": 2, "target": 5, "target_final": 10, "baseline": 0},
        {"indicator_id": "Z0", "actual": 0, "target": 0, "target_final": 10},
    )
    out = indicator_anomalies(data)
    found = set(zip(out["indicator_id"], out["rule"]))
    assert found == {("B1", "baseline_beyond_final_target"), ("B2", "baseline_beyond_final_target"),
                     ("U1", "direction_not_given"),
                     ("P1", "period_target_beyond_final_target"), ("P2", "period_target_beyond_final_target"),
                     ("Z1", "zero_target_with_actual"), ("M1", "missing_target")}
    assert list(out.columns) == ["indicator_id", "period", "country", "sex", "rule", "note", "row"]
    assert out.set_index("indicator_id").loc["Z1", "note"] == "target is 0 but actual is 2"


def test_no_anomaly_gives_empty_typed_frame():
    out = indicator_anomalies(rows({"indicator_id": "OK", "actual": 2, "target": 5, "target_final": 10}))
    assert out.empty and "rule" in out.columns


def test_an_actual_below_the_previous_periods_is_an_anomaly_of_increasing_indicators_only():
    """Actuals per period (10 then 15) where the table wants the value reached to date (25): the achievement against
    the final target would say 30 % for 50 %. A fall is named, in period order whatever the rows' order, per
    country and sex; a decreasing indicator may fall, and periods that do not begin with their year keep the
    table's order."""
    data = frame("indicators", [
        {"indicator_id": "A", "period": "2021", "actual": 15, "target_final": 50},
        {"indicator_id": "A", "period": "2020", "actual": 25, "target_final": 50},
        {"indicator_id": "A", "period": "2022", "actual": 30, "target_final": 50},
        {"indicator_id": "A", "period": "2020", "actual": 5, "target_final": 50, "sex": "f"},     # its own series
        {"indicator_id": "B", "period": "2020", "actual": 5, "target_final": 4, "baseline": 9,
         "direction": "decrease"},
        {"indicator_id": "B", "period": "2021", "actual": 3, "target_final": 4, "baseline": 9,
         "direction": "decrease"},
    ])
    out = indicator_anomalies(data)
    falls = out[out["rule"] == "actual_falls"]
    assert list(zip(falls["indicator_id"], falls["period"], falls["row"])) == [("A", "2021", 0)]
    assert falls["note"].iloc[0] == "actual 15 below the previous period's 25: a setback, or values per period " \
                                    "rather than to date?"
    words = frame("indicators", [{"indicator_id": "C", "period": p, "actual": v, "target_final": 9}
                                 for p, v in (("S1 2021", 8), ("S2 2021", 6))])
    assert indicator_anomalies(words)["rule"].tolist() == ["actual_falls"]


def test_a_fraction_typed_for_a_percentage_is_an_anomaly():
    """0.45 typed for 45 % in an indicator whose unit is a percentage reads as 0.45 % of a 50 % target."""
    out = indicator_anomalies(rows(
        {"indicator_id": "W", "unit": "% de femmes", "actual": 0.45, "target": 50},
        {"indicator_id": "X", "unit": "pourcentage", "actual": 45, "target": 50},
        {"indicator_id": "Y", "unit": "ratio", "actual": 0.45, "target_final": 2},
        {"indicator_id": "Z", "unit": "%", "actual": 0.45, "target_final": 0.9},
        # the other way round: a target of 0.5 beside an actual of 45 was 9 000 % of it, green, without a word
        {"indicator_id": "V", "unit": "%", "actual": 45, "target": 0.5, "target_final": 60},
        # French units and labels: « taux », « pour cent », no unit beside « Taux ... » (0.9 %, red, nothing said)
        {"indicator_id": "T", "unit": "taux", "actual": 0.45, "target": 50},
        {"indicator_id": "U", "unit": "pour cent", "actual": 0.45, "target": 50},
        {"indicator_id": "S", "unit": None, "label": "Taux de placement", "actual": 0.45, "target": 50},
        {"indicator_id": "R", "unit": "personnes", "label": "Taux de placement", "actual": 0.45, "target": 50}))
    fractions = out[out["rule"] == "fraction_for_percent"]
    assert fractions["indicator_id"].tolist() == ["W", "V", "T", "U", "S"]
    assert fractions["note"].iloc[0] == "actual 0.45 in % de femmes with a target of 50: a fraction of 1 for a " \
                                        "percentage?"


def test_the_other_reasons_of_an_achievement_not_computed_are_listed_row_by_row():
    """The annex's column note says « no final target or no measured value »; a row not computed for another
    reason (its direction not given) is named with its own."""
    from helpers.analyses.indicators import other_reasons

    table = iptt(rows({"indicator_id": "U", "actual": 12.5, "baseline": 20, "target": 15, "target_final": 10},
                      {"indicator_id": "N", "actual": None, "target_final": 10},
                      {"indicator_id": "OK", "actual": 5, "target_final": 10}), Thresholds())
    out = other_reasons(table)
    assert out["key"].tolist() == ["U"] and "direction" in out["note"].iloc[0]
    assert other_reasons(table, final=False)["key"].tolist() == ["U"]


def test_a_fall_is_found_in_time_order_whatever_the_periods_look_like():
    """As text, 2020 came before 2020-06 (a rise from June to December was « a fall », a real fall missed), and one
    period not starting with its year (T4 2020, S1 2021) put every row in the table's order."""
    rising = frame("indicators", [{"indicator_id": "A", "period": p, "actual": v, "target_final": 90}
                                  for p, v in (("2020", 40), ("2020-06", 30))])
    falling = frame("indicators", [{"indicator_id": "B", "period": p, "actual": v, "target_final": 90}
                                   for p, v in (("2020", 30), ("2020-06", 40))])
    words = frame("indicators", [{"indicator_id": "C", "period": p, "actual": v, "target_final": 90}
                                 for p, v in (("S1 2021", 20), ("T4 2020", 30))])
    assert indicator_anomalies(rising)["rule"].tolist() == []
    assert indicator_anomalies(falling)["rule"].tolist() == ["actual_falls"]
    found = indicator_anomalies(words)
    assert found["rule"].tolist() == ["actual_falls"] and found["period"].tolist() == ["S1 2021"]


def test_a_rate_exactly_at_a_threshold_is_rated_by_its_exact_value():
    """36.16 of a target of 45.2 is 80 % exactly, and so is an unemployment rate from 14.2 down to 9.8 against a
    target of 8.7; as binary fractions they came out 79.99999999999999 and 79.99999999999997: amber against a
    green from 80, shown « 80,0 % » in the annex and 80 in figures.csv, without a word."""
    out = iptt(frame("indicators", [
        {"indicator_id": "S", "period": "2020", "actual": 36.16, "target": 45.2, "target_final": 45.2},
        {"indicator_id": "U", "period": "2020", "actual": 9.8, "baseline": 14.2, "target": 8.7, "target_final": 8.7,
         "direction": "decrease"},
        {"indicator_id": "H", "period": "2020", "actual": 39.995, "target": 50}]), Thresholds())
    assert out["indicator_achievement"].tolist()[:2] == [80.0, 80.0]
    assert out["indicator_achievement_final"].tolist()[:2] == [80.0, 80.0]
    assert out["rag"].tolist() == ["green", "green", "amber"]       # 79.99 stays below 80
    assert out["rag_final"].tolist()[:2] == ["green", "green"]


def test_period_targets_that_add_up_to_the_final_target_are_an_anomaly():
    """Targets of each period (20, then 30: 50 in all) beside actuals to date (15, then 45): 45 was 150 % of the 2021
    target, green, without a word, where 90 % of the 50 due by then were reached. Cumulative targets (20, then 50),
    a rate's targets, a revised final target and a decreasing indicator are not flagged."""
    table = frame("indicators", [
        {"indicator_id": "P", "period": "2021", "actual": 45, "target": 30, "target_final": 50},
        {"indicator_id": "P", "period": "2020", "actual": 15, "target": 20, "target_final": 50},
        {"indicator_id": "C", "period": "2020", "actual": 15, "target": 20, "target_final": 50},
        {"indicator_id": "C", "period": "2021", "actual": 45, "target": 50, "target_final": 50},
        {"indicator_id": "R", "period": "2020", "actual": 15, "target": 20, "target_final": 50, "unit": "%"},
        {"indicator_id": "R", "period": "2021", "actual": 45, "target": 30, "target_final": 50, "unit": "%"},
        {"indicator_id": "V", "period": "2020", "actual": 15, "target": 20, "target_final": 60},
        {"indicator_id": "V", "period": "2021", "actual": 45, "target": 30, "target_final": 50}])
    found = indicator_anomalies(table)
    flagged = found[found["rule"] == "targets_per_period"]
    assert flagged[["indicator_id", "period"]].values.tolist() == [["P", "2021"]]
    assert "overstated" in flagged["note"].iloc[0]


def test_a_baseline_written_on_the_first_period_only_is_the_baseline_of_the_later_ones():
    """An IPTT writes the baseline once: the 2021 row of an unemployment rate from 20 down to 10 was « not
    computable: decreasing indicator without baseline ». It is (20 - 14) / (20 - 10) = 60 % of the final target now;
    rows that give two baselines, or a baseline of another sex, are left as written."""
    out = iptt(frame("indicators", [
        {"indicator_id": "U", "period": "2020", "actual": 18, "baseline": 20, "target": 15, "target_final": 10,
         "direction": "decrease"},
        {"indicator_id": "U", "period": "2021", "actual": 14, "target": 12, "target_final": 10, "direction": "decrease"},
        {"indicator_id": "U", "period": "2021", "actual": 14, "target_final": 10, "direction": "decrease", "sex": "f"},
        {"indicator_id": "W", "period": "2020", "actual": 18, "baseline": 20, "target_final": 10, "direction": "decrease"},
        {"indicator_id": "W", "period": "2021", "actual": 14, "baseline": 22, "target_final": 10, "direction": "decrease"},
        {"indicator_id": "W", "period": "2022", "actual": 12, "target_final": 10, "direction": "decrease"}]), Thresholds())
    assert out["indicator_achievement_final"].tolist()[:2] == pytest.approx([20, 60])
    assert out["indicator_achievement"].iloc[1] == pytest.approx(75)     # (20 - 14) / (20 - 12)
    assert out["baseline"].iloc[1] == 20
    assert math.isnan(out["indicator_achievement_final"].iloc[2])          # the women's row has no baseline of its own
    assert math.isnan(out["indicator_achievement_final"].iloc[5])          # W: 20 or 22?


def test_a_period_typed_in_fractions_beside_periods_in_percent_is_an_anomaly():
    """45, 50, 60 for 2020 then 0.48, 0.55, 0.6 for 2021 (a period copied from a sheet of fractions): each row on one
    scale, nothing said of the scales, and 0.48 listed as a fall from 45 (« values per period? »)."""
    table = frame("indicators", [
        {"indicator_id": "R", "period": "2020", "actual": 45, "target": 50, "target_final": 60, "unit": "%"},
        {"indicator_id": "R", "period": "2021", "actual": 0.48, "target": 0.55, "target_final": 0.6, "unit": "%"},
        {"indicator_id": "S", "period": "2020", "actual": 0.45, "target": 0.5, "target_final": 0.6, "unit": "%"},
        {"indicator_id": "S", "period": "2021", "actual": 0.48, "target": 0.55, "target_final": 0.6, "unit": "%"},
        {"indicator_id": "N", "period": "2020", "actual": 45, "target_final": 60, "unit": "personnes"},
        {"indicator_id": "N", "period": "2021", "actual": 0.5, "target_final": 0.6, "unit": "personnes"}])
    found = indicator_anomalies(table)
    flagged = found[found["rule"] == "fraction_for_percent"]
    assert flagged[["indicator_id", "period"]].values.tolist() == [["R", "2021"]]


def test_a_zero_target_of_a_decreasing_indicator_is_no_anomaly():
    """« Accidents du travail » from 10 down to a target of 0, 3 so far: 70 % of the way, not « Cible nulle, mais
    une valeur réalisée » (listed among the anomalies, as if nothing had been planned)."""
    data = rows({"indicator_id": "D0", "actual": 3, "baseline": 10, "target": 0, "target_final": 0,
                 "direction": "decrease"},
                {"indicator_id": "Z1", "actual": 2, "target": 0, "target_final": 10})
    assert set(indicator_anomalies(data)["indicator_id"]) == {"Z1"}
    assert iptt(data, Thresholds())["indicator_achievement_final"].iloc[0] == pytest.approx(70.0)


def test_an_actual_below_any_earlier_periods_is_an_anomaly():
    """Values per period, 15, 10, 12 (25 and 37 to date): the fall to 10 was named, the last row (12: 24 % of the
    final target of 50, rated red where 74 % were met) was not, since 12 rose from 10; it is below the 15 before."""
    data = frame("indicators", [{"indicator_id": "A", "period": p, "actual": v, "target_final": 50}
                                for p, v in (("2019", 15), ("2020", 10), ("2021", 12), ("2022", None), ("2023", 14),
                                             ("2024", 16))])
    falls = indicator_anomalies(data)
    assert falls["period"].tolist() == ["2020", "2021", "2023"]
    assert falls["note"].tolist()[1:] == [
        "actual 12 below the 15 of an earlier period: a setback, or values per period rather than to date?",
        "actual 14 below the 15 of an earlier period: a setback, or values per period rather than to date?"]


def test_a_final_target_written_on_one_period_only_is_the_final_target_of_the_others():
    """An annual target on each row and the final target on the last one only (100 in 2021): 2020's 30 was « no final
    target », n.d., and listed « neither a period target nor a final target » when its target was empty too."""
    data = frame("indicators", [
        {"indicator_id": "P4", "period": "2020", "actual": 30, "target": 40},
        {"indicator_id": "P4", "period": "2021", "actual": 55, "target_final": 100},
        {"indicator_id": "P4", "period": "2020", "actual": 12, "sex": "f"},   # its own target: none
        {"indicator_id": "Q", "period": "2020", "actual": 5, "target_final": 10},
        {"indicator_id": "Q", "period": "2021", "actual": 6, "target_final": 12},   # two: as written
        {"indicator_id": "Q", "period": "2022", "actual": 7}])
    out = iptt(data, Thresholds())
    assert out["indicator_achievement_final"].tolist()[:2] == [30.0, 55.0]
    assert math.isnan(out["indicator_achievement_final"].iloc[2]) and math.isnan(out["target_final"].iloc[5])
    missing = indicator_anomalies(data).query("rule == 'missing_target'")   # (P4's women's 2020: not_measured_since)
    assert list(zip(missing["row"], missing["rule"])) == [(2, "missing_target"), (5, "missing_target")]


def test_a_negative_target_of_a_decreasing_indicator_is_not_read_as_a_level():
    """A rate from 50 down by 20, its final target written -20: 45 was (50 - 45) / (50 + 20) = 7 %, red, where it is
    25 % of the way to 30; not computable now, saying why."""
    out = iptt(rows({"indicator_id": "N", "actual": 45, "baseline": 50, "target": -10, "target_final": -20,
                     "direction": "decrease"}), Thresholds()).iloc[0]
    assert math.isnan(out["indicator_achievement_final"]) and math.isnan(out["indicator_achievement"])
    assert out["rag_final"] == "" and "final target is negative" in out["note_final"]


def test_the_totals_target_on_each_sexs_row_gives_no_rate_by_sex():
    """The total's target (100, final 200) written on the women's and the men's rows of a count, as an IPTT copied
    down its block: 25 women were « 25 % of the women's target », red, and 12.5 % of the final one; not computable
    now, said and listed. A percentage's target repeated on each sex's row is its own (a rate of 50 % for all)."""
    data = frame("indicators", [
        {"indicator_id": "I2", "period": "2020", "actual": 60, "target": 100, "target_final": 200, "unit": "nombre"},
        {"indicator_id": "I2", "period": "2020", "actual": 25, "target": 100, "target_final": 200, "sex": "f",
         "unit": "nombre"},
        {"indicator_id": "I2", "period": "2020", "actual": 35, "target": 100, "target_final": 200, "sex": "m",
         "unit": "nombre"},
        {"indicator_id": "I3", "period": "2020", "actual": 40, "target": 50, "unit": "%"},
        {"indicator_id": "I3", "period": "2020", "actual": 35, "target": 50, "unit": "%", "sex": "f"},
        {"indicator_id": "I3", "period": "2020", "actual": 45, "target": 50, "unit": "%", "sex": "m"}])
    out = iptt(data, Thresholds())
    assert out["indicator_achievement"].tolist()[0] == 60.0 and out["indicator_achievement"].tolist()[3:] == [
        80.0, 70.0, 90.0]
    assert out["indicator_achievement"].iloc[1:3].isna().all() and out["rag"].iloc[1:3].tolist() == ["", ""]
    assert out["indicator_achievement_final"].iloc[1:3].isna().all()
    assert "the final target of this sex's row is its total's" in out["note_final"].iloc[1]
    found = indicator_anomalies(data)
    assert list(zip(found["row"], found["rule"])) == [(1, "total_target_on_sexes"), (2, "total_target_on_sexes")]


def test_one_code_in_two_units_is_two_indicators_and_an_anomaly():
    """I1 counted in Maroc (« nombre ») and a share in Tunisie (« % »), one label: « 1 indicateur suivi » in the
    project-wide annex, nothing said of its two measures; `%` and `pourcentage` are one unit."""
    data = frame("indicators", [
        {"indicator_id": "I1", "period": "2020", "actual": 30, "target": 40, "unit": "nombre", "country": "Maroc"},
        {"indicator_id": "I1", "period": "2020", "actual": 45, "target": 50, "unit": "%", "country": "Tunisie"},
        {"indicator_id": "I3", "period": "2020", "actual": 40, "target": 50, "unit": "%"},
        {"indicator_id": "I3", "period": "2020", "actual": 35, "target": 50, "unit": "pourcentage", "sex": "f"},
        {"indicator_id": "I3", "period": "2021", "actual": 45, "target": 50}])
    out = iptt(data, Thresholds())
    assert out["key"].tolist()[:2] == ["I1/Maroc", "I1/Tunisie"] and tracking_counts(out)["indicators"] == 3
    found = indicator_anomalies(data)
    assert list(zip(found["row"], found["rule"])) == [(1, "units_differ")]


def test_an_indicator_not_measured_for_more_than_a_year_is_an_anomaly():
    """I5 measured last in 2019 (dropped, or not reported since) in a table measured to 2021: its 18 of 20 was rated
    90 %, green, beside the others' current values, nothing said. An annual indicator whose last year is not measured
    yet (2020 beside 2021) or a quarter behind is no news; I7, its 2021 row without its actual, is listed at 2019."""
    data = frame("indicators", [
        {"indicator_id": "I1", "period": "2020", "actual": 10, "target": 20},
        {"indicator_id": "I1", "period": "2021", "actual": 30, "target": 40},
        {"indicator_id": "I4", "period": "2020", "actual": 8, "target": 10},
        {"indicator_id": "I5", "period": "2019", "actual": 18, "target": 20},
        {"indicator_id": "I6", "period": "T3 2021", "actual": 2, "target": 4},
        {"indicator_id": "I7", "period": "2019", "actual": 3, "target": 4},
        {"indicator_id": "I7", "period": "2021", "target": 6}])
    found = indicator_anomalies(data)
    assert list(zip(found["row"], found["rule"])) == [(3, "not_measured_since"), (5, "not_measured_since")]
    assert found["note"].iloc[0] == ("last measured in this period, where other indicators are measured to "
                                     "2021-12-31: its value is not a current one")


def test_a_rising_indicators_baseline_above_its_period_target_is_an_anomaly():
    """A rate « hausse » from 60 towards a period target of 50, no final target: 55 was 110 %, green, nothing said
    (with a final target below the baseline, baseline_beyond_final_target said it, and says it alone)."""
    data = rows({"indicator_id": "T8", "actual": 55, "baseline": 60, "target": 50, "direction": "increase"},
                {"indicator_id": "T9", "actual": 55, "baseline": 60, "target": 50, "target_final": 45,
                 "direction": "increase"},
                {"indicator_id": "OK", "actual": 55, "baseline": 40, "target": 50, "direction": "increase"})
    found = indicator_anomalies(data)
    assert list(zip(found["indicator_id"], found["rule"])) == [
        ("T8", "baseline_beyond_period_target"), ("T9", "baseline_beyond_final_target"),
        ("T9", "period_target_beyond_final_target")]
    assert found["note"].iloc[0] == "baseline 60 already meets the period target 50 (increase)"


def test_a_hundred_percent_typed_1_beside_its_target_of_100_is_an_anomaly():
    """A coverage rate whose target is 100 % and whose actual, 100 %, was typed 1 (as a fraction of 1): 1 %, red,
    nothing said. A falling indicator's 1 is left alone."""
    data = rows({"indicator_id": "T2", "actual": 1, "baseline": 40, "target": 100, "unit": "%"},
                {"indicator_id": "T3", "actual": 1, "baseline": 150, "target": 100, "unit": "%",
                 "direction": "decrease"})
    found = indicator_anomalies(data)
    assert list(zip(found["indicator_id"], found["rule"])) == [("T2", "fraction_for_percent")]


def test_a_score_from_1_to_5_is_an_anomaly():
    """A satisfaction score (1-5) from 2 towards 4, at 3: 75 % of the target, where 1 is the lowest score (the % of
    the target counts from 0); said now. A count of young people (15-35 ans) and a ratio are no scale."""
    data = rows({"indicator_id": "S1", "actual": 3, "baseline": 2, "target": 4, "unit": "score (1-5)"},
                {"indicator_id": "S2", "actual": 3, "target": 4, "unit": "Échelle de 1 à 4"},
                {"indicator_id": "Y1", "actual": 30, "target": 40, "unit": "jeunes (15-35 ans)"},
                {"indicator_id": "R1", "actual": 0.8, "target": 0.9, "unit": "ratio"})
    found = indicator_anomalies(data)
    assert list(zip(found["indicator_id"], found["rule"])) == [("S1", "scale_not_from_zero"),
                                                               ("S2", "scale_not_from_zero")]
    assert found["note"].iloc[0] == ("a scale from 1 (score (1-5)): the % of the target counts from 0, a value the "
                                     "scale does not have (3 of 4)")
