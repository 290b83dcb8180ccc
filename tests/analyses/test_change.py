"""What moved since the previous annex: the archive (data.archive, build.archive) and the comparison
(analyses.change), on real files in tmp folders."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd
import pytest

from fixtures.mini_project import Mini
from helpers.analyses import change
from helpers.analyses.figures import annex_figures
from helpers.annex import export
from helpers.pipeline.archive import keep
from helpers.data import archive, loader
from helpers.data.model import scope
from helpers.data.params import load_annex_params
from helpers.errors import ValidationFailed
from helpers.paths import UnsafeName


def _figures(rows):
    frame = pd.DataFrame(rows, columns=["section", "metric", "key", "value", "unit", "status"])
    for column in ("n", "se", "ci_low", "ci_high", "p_value"):
        frame[column] = np.nan
    frame["reported"] = frame["note"] = ""
    return frame


def _keep(root, day, rows):
    return keep(root, "amem", "ensemble", day, export.figures_csv(_figures(rows)))


def test_the_previous_annex_is_the_latest_strictly_earlier_reporting_date(tmp_path):
    for day in ("2020-06-30", "2020-12-31", "2021-06-30"):
        _keep(tmp_path, dt.date.fromisoformat(day), [("budget", "spent", "total", 1.0, "USD", "")])
    folder = tmp_path / "amem" / "ensemble"
    (folder / "notes.txt").write_text("not ours")
    (folder / "2020-02-31.figures.csv").write_text("metric,key,value\n")   # not a date: ignored
    pick = lambda day: archive.previous_file(tmp_path, "amem", "ensemble", dt.date.fromisoformat(day))  # noqa: E731
    assert pick("2020-12-31")[0] == dt.date(2020, 6, 30)        # a rebuild never compares with itself
    assert pick("2021-01-01")[0] == dt.date(2020, 12, 31)
    assert pick("2021-12-31")[0] == dt.date(2021, 6, 30)
    assert pick("2020-06-30") is None and pick("2019-01-01") is None
    assert archive.previous(tmp_path, "amem", "other", dt.date(2021, 1, 1)) is None


def test_with_previous_matches_metric_and_key_and_keeps_the_exact_value(tmp_path):
    value = 1_363_103.13 + 1e-9
    _keep(tmp_path, dt.date(2020, 12, 31), [("budget", "spent", "total", value, "USD", ""),
                                             ("budget", "spent", "=R1", 5.0, "USD", ""),
                                             ("budget", "burn_index", "total", np.nan, "ratio", "")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 3, 31))
    now = _figures([("budget", "spent", "total", value + 10, "USD", ""), ("budget", "spent", "=R1", 6.0, "USD", ""),
                    ("budget", "burn_index", "total", 0.5, "ratio", ""), ("budget", "spent", "R9", 1.0, "USD", "")])
    out = change.with_previous(now, previous)
    assert list(out.columns[-2:]) == ["previous", "previous_date"]
    assert out["previous"].iloc[0] == value                      # the float read back is the one written
    assert out["previous"].iloc[1] == 5.0                        # a key written with a spreadsheet quote ('=R1)
    assert np.isnan(out["previous"].iloc[2]) and out["previous_date"].iloc[2] == "2020-12-31"   # n.d. then
    assert np.isnan(out["previous"].iloc[3]) and out["previous_date"].iloc[3] == ""             # did not exist
    none = change.with_previous(now, None)
    assert none["previous"].isna().all() and (none["previous_date"] == "").all()


def test_moved_lists_the_largest_relative_changes_and_leaves_out_checks_and_dated_keys():
    figures = _figures([("budget", "spent", "total", 110.0, "USD", ""), ("execution", "physical_execution_rate",
                        "all", 50.0, "%", ""), ("budget", "spent", "total@2019-12-31", 50.0, "USD", ""),
                        ("reconciliation", "reported_figure", "FIN-01", 99.0, "%", "match"),
                        ("gender", "women_share", "all", 40.0, "%", ""), ("budget", "spent", "R2", 5.0, "USD", "")])
    figures["previous"] = [100.0, 25.0, 10.0, 1.0, 40.0, 0.0]
    figures["previous_date"] = "2020-12-31"
    moved = change.moved(figures)
    assert list(moved["key"]) == ["R2", "all", "total"]          # from 0 first, then +100 %, then +10 %
    assert moved["relative"].iloc[1] == pytest.approx(100.0) and moved["change"].iloc[2] == pytest.approx(10.0)
    assert np.isinf(moved["relative"].iloc[0])


def test_a_figure_that_differs_in_its_last_float_digits_has_not_moved():
    """An archive from another version of the workbook (sums taken in another order) or written back by a spreadsheet
    (38.66666667): « P1.1.a 38,7 % → 38,7 %, +0,0 % » was listed among the figures that moved."""
    figures = _figures([("indicators", "indicator_achievement_final", "P1.1.a", 116 / 3, "%", ""),
                        ("budget", "budget", "S1", 0.1 + 0.2, "EUR", ""), ("budget", "spent", "total", 110.0, "EUR", ""),
                        ("budget", "spent", "R1", 1e-6, "EUR", "")])
    figures["previous"] = [38.66666667, 0.3, 100.0, 2e-6]
    figures["previous_date"] = "2020-12-31"
    assert list(change.moved(figures)["key"]) == ["R1", "total"]
    assert change.revised_budgets(figures).empty


def test_figures_no_longer_computable_new_or_computed_now_are_changes_too(tmp_path):
    """A new quarter's reporting date with the spending not yet given: every financial rate was computed in the
    earlier annex and is n.d. now, and the annex said « aucun n'a changé » (moved compares values only). A line
    renamed S1 -> SN1: « n'existent plus » named S1, nothing named SN1."""
    _keep(tmp_path, dt.date(2025, 6, 30), [("budget", "spent", "total", 300.0, "EUR", ""),
                                            ("budget", "burn_index", "total", 0.8, "ratio", ""),
                                            ("budget", "budget", "S1", 200.0, "EUR", ""),
                                            ("budget", "budget", "M1", 250.0, "EUR", ""),
                                            ("gender", "women_share", "all", np.nan, "%", ""),
                                            ("indicators", "indicator_achievement", "I1", 50.0, "%", "amber"),
                                            ("reconciliation", "reported_figure", "FIN-01", 30.0, "%", "match")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2025, 9, 30))
    now = change.with_previous(_figures([
        ("budget", "spent", "total", np.nan, "EUR", ""), ("budget", "burn_index", "total", np.nan, "ratio", ""),
        ("budget", "budget", "SN1", 200.0, "EUR", ""), ("budget", "budget", "M1", 250.0, "EUR", ""),
        ("gender", "women_share", "all", 40.0, "%", ""), ("indicators", "indicator_achievement", "I1@2025", 60.0, "%", ""),
        ("reconciliation", "reported_figure", "FIN-01", np.nan, "%", "")]), previous)
    assert change.moved(now).empty
    lost = change.not_computable_now(now)
    assert list(zip(lost["metric"], lost["key"], lost["previous"])) == [("spent", "total", 300.0),
                                                                          ("burn_index", "total", 0.8)]
    assert list(zip(*change.computable_now(now)[["metric", "key"]].to_numpy().T)) == [("women_share", "all")]
    # the new code, not I1@2025 (I1 detailed: rekeyed says it)
    assert list(zip(*change.appeared(now, previous)[["metric", "key"]].to_numpy().T)) == [("budget", "SN1")]
    assert list(change.gone(now, previous)["key"]) == ["S1"]
    same = change.with_previous(_figures([("budget", "spent", "total", 300.0, "EUR", "")]), previous)
    assert change.not_computable_now(same).empty and change.computable_now(same).empty


def test_a_revised_target_is_said_with_the_achievement_it_moved(tmp_path):
    """I1's period target revised from 40 to 30, its value reached 20 in both: the achievement went from 50 % to
    66.7 % and was listed among the figures that moved, nothing saying the target was revised."""
    then = _figures([("indicators", "indicator_achievement", "I1", 50.0, "%", "amber"),
                     ("indicators", "indicator_achievement_final", "I1", 25.0, "%", "red"),
                     ("indicators", "indicator_achievement", "I2", 75.0, "%", "amber")])
    then["note"] = ["actual 20 / target 40", "actual 20 / final target 80",
                    "actual 30 / target 40 (decrease, baseline 50)"]
    keep(tmp_path, "amem", "ensemble", dt.date(2025, 6, 30), export.figures_csv(then))
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2025, 9, 30))
    now = _figures([("indicators", "indicator_achievement", "I1", 200 / 3, "%", "amber"),
                    ("indicators", "indicator_achievement_final", "I1", 25.0, "%", "red"),
                    ("indicators", "indicator_achievement", "I2", 87.5, "%", "green")])
    now["note"] = ["actual 20 / target 30", "actual 20 / final target 80",
                   "actual 35 / target 40 (decrease, baseline 50)"]
    revised = change.revised_targets(now, previous)
    assert revised.to_dict("records") == [{"metric": "indicator_achievement", "key": "I1", "previous_target": "40",
                                           "target": "30", "previous_actual": "20", "actual": "20"}]
    assert change.revised_targets(now, None).empty


def test_a_revised_benchmark_is_said_with_the_cost_to_benchmark_it_moved(tmp_path):
    """maroc.yaml's benchmark per participant 400 then 200, the spending and the participants the same: the cost /
    benchmark doubled and was listed among the figures that moved (a result twice as dear?), nothing saying the
    benchmark was halved. The figures' own notes, as annex_figures writes them."""
    mini = Mini.copy_to(tmp_path)
    mini.set_param("reporting_date", dt.date(2020, 12, 31))   # (Maroc's spending is given to 31/12/2020)

    def figures():
        params = load_annex_params("mini", "maroc", mini.params_dir)
        return annex_figures(scope(dataclasses.replace(mini.load(), params=params), params.country), params)

    then = figures()
    keep(tmp_path / "archive", "mini", "maroc", dt.date(2020, 9, 30), export.figures_csv(then))
    previous = archive.previous(tmp_path / "archive", "mini", "maroc", dt.date(2020, 12, 31))
    assert change.revised_benchmarks(then, previous).empty   # the same benchmark: nothing to say
    mini.set_param("unit_cost_benchmarks", {"participant": 200}, annex="maroc")
    now = figures()
    ratio = now.set_index(["metric", "key"]).loc[("cost_to_benchmark", "participant"), "value"]
    assert ratio == pytest.approx(10000.5 / 20 / 200)   # 1.25 then 2.50: moved with the benchmark
    assert change.revised_benchmarks(now, previous).to_dict("records") == [
        {"metric": "cost_to_benchmark", "key": "participant", "previous_benchmark": "400", "benchmark": "200"}]
    assert change.revised_benchmarks(now, None).empty


def test_a_cost_over_other_lines_is_said_with_the_lines(tmp_path):
    """O2 financed by R1 + R2, then by R1 alone: its cost per unit went from 25 750 to 21 250 XOF and was listed
    among the figures that moved (-17 %), nothing saying it no longer counts R2; the lines written in another order,
    or a line's country in capitals, are the same lines."""
    then = _figures([("efficiency", "cost_per_unit", "O2", 25750.0, "XOF", "shared"),
                     ("efficiency", "cost_per_unit", "O1", 2000.0, "XOF", "shared"),
                     ("efficiency", "cost_per_participant", "all", 1885.0, "XOF", "shared")])
    then["note"] = ["spent on R1 + R2 up to 2024-06-30: 103000 / actual 4 (dialogues)",
                    "spent on R1/Sénégal up to 2024-06-30: 60000 / actual 30 (personnes)",
                    "spent on R2 + R1 up to 2024-06-30: 115000 / participants 61; shared, not divided: R1 also ..."]
    keep(tmp_path, "amem", "ensemble", dt.date(2024, 6, 30), export.figures_csv(then))
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2024, 12, 31))
    now = _figures([("efficiency", "cost_per_unit", "O2", 21250.0, "XOF", "shared"),
                    ("efficiency", "cost_per_unit", "O1", 1900.0, "XOF", "shared"),
                    ("efficiency", "cost_per_participant", "all", 2000.0, "XOF", "shared")])
    now["note"] = ["spent on R1 up to 2024-12-31: 85000 / actual 4 (dialogues)",
                   "spent on R1/SENEGAL up to 2024-12-31: 85000 / actual 45 (personnes)",
                   "spent on R1 + R2 up to 2024-12-31: 120000 / participants 60"]
    assert change.revised_lines(now, previous).to_dict("records") == [
        {"metric": "cost_per_unit", "key": "O2", "previous_lines": "R1 + R2", "lines": "R1"}]
    assert change.revised_lines(now, None).empty


def test_a_cost_per_unit_of_an_output_counted_in_another_unit_is_not_compared(tmp_path):
    """I1 counted in persons (20 trained, 4 000 EUR each), then in sessions (4 sessions, 25 000 EUR each): the cost
    per unit was listed as moved +525 %, the same spending over another unit. Its unit is the output's now (the note
    writes it, efficiency), so it is not compared; an earlier cost without it is compared as before."""
    then = _figures([("efficiency", "cost_per_unit", "I1", 4000.0, "EUR", "shared"),
                     ("efficiency", "cost_per_unit", "I2", 1000.0, "EUR", ""),
                     ("efficiency", "cost_per_unit", "I3", 500.0, "EUR", "")])
    then["note"] = ["spent on S1 up to 2025-06-30: 80000 / actual 20 (personnes); shared, not divided: S1 also "
                    "finance(s) participation", "spent on M1 up to 2025-06-30: 30000 / actual 30 (Personnes)",
                    "spent on M2 up to 2025-06-30: 5000 / actual 10"]
    keep(tmp_path, "amem", "ensemble", dt.date(2025, 6, 30), export.figures_csv(then))
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2025, 9, 30))
    now = _figures([("efficiency", "cost_per_unit", "I1", 25000.0, "EUR", "shared"),
                    ("efficiency", "cost_per_unit", "I2", 1200.0, "EUR", ""),
                    ("efficiency", "cost_per_unit", "I3", 600.0, "EUR", "")])
    now["note"] = ["spent on S1 up to 2025-09-30: 100000 / actual 4 (sessions); shared, not divided: S1 also "
                   "finance(s) participation", "spent on M1 up to 2025-09-30: 36000 / actual 30 (personnes)",
                   "spent on M2 up to 2025-09-30: 6000 / actual 10 (ateliers)"]
    compared = change.with_previous(now, previous)
    assert list(change.moved(compared)["key"]) == ["I2", "I3"]   # the same unit (its case aside), or not known then
    assert np.isnan(compared["previous"].iloc[0]) and compared["previous_date"].iloc[0] == ""
    assert change.unit_changes(now, previous).to_dict("records") == [
        {"metric": "cost_per_unit", "key": "I1", "previous_unit": "EUR/personnes", "unit": "EUR/sessions"}]


def test_a_cost_per_unit_writes_its_output_unit():
    from helpers.analyses import efficiency

    row = efficiency._row("output", "I1", "I1", "Conseillers formés", "personnes", ["S1"], dt.date(2025, 6, 30),
                          80000.0, 20.0, "", [])
    assert row["note"] == "spent on S1 up to 2025-06-30: 80000 / actual 20 (personnes)"
    assert efficiency._row("participant", "all", "", None, None, ["S1"], dt.date(2025, 6, 30), 80000.0, 20.0, "",
                           [])["note"] == "spent on S1 up to 2025-06-30: 80000 / participants 20"


def test_a_revised_budget_is_said_with_the_rates_it_moved(tmp_path):
    """A line split in two between the annexes (S1 200 000 -> S1 120 000 and a new S1b 80 000): S1's execution
    rate 40 % -> 75 % led the figures that moved, its budget's cut out of the ten shown, nothing saying why."""
    _keep(tmp_path, dt.date(2025, 6, 30), [("budget", "budget", "S1", 200000.0, "EUR", ""),
                                            ("budget", "budget", "S2", 150000.0, "EUR", ""),
                                            ("budget", "budget", "total", 1000000.0, "EUR", ""),
                                            ("budget", "financial_execution_rate", "S1", 40.0, "%", "")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2025, 9, 30))
    now = change.with_previous(_figures([("budget", "budget", "S1", 120000.0, "EUR", ""),
                                         ("budget", "budget", "S1b", 80000.0, "EUR", ""),
                                         ("budget", "budget", "S2", 150000.0, "EUR", ""),
                                         ("budget", "budget", "total", 1000000.0, "EUR", ""),
                                         ("budget", "financial_execution_rate", "S1", 75.0, "%", "")]), previous)
    revised = change.revised_budgets(now)
    assert list(zip(revised["key"], revised["previous"], revised["value"])) == [("S1", 200000.0, 120000.0)]
    assert change.revised_budgets(change.with_previous(now.iloc[:, :-2], None)).empty


def test_a_country_written_another_way_is_the_same_figure(tmp_path):
    """The new quarter's files write « SENEGAL » where the earlier ones wrote « Sénégal » (the same country for the
    workbook: names are compared folded): the country's figures were « gone » and new, its spending 140 000 ->
    190 000 compared with nothing. Codes keep their case: P2.2.a -> P2.2.A is a code renamed."""
    _keep(tmp_path, dt.date(2025, 6, 30), [("budget", "spent", "Sénégal", 140000.0, "EUR", ""),
                                            ("budget", "spent", "R1/Sénégal", 80000.0, "EUR", ""),
                                            ("indicators", "indicator_achievement", "P2.2.a", 50.0, "%", "amber")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2025, 9, 30))
    now = change.with_previous(_figures([("budget", "spent", "SENEGAL", 190000.0, "EUR", ""),
                                         ("budget", "spent", "R1/SENEGAL", 100000.0, "EUR", ""),
                                         ("indicators", "indicator_achievement", "P2.2.A", 60.0, "%", "amber")]),
                               previous)
    assert list(now["previous"].iloc[:2]) == [140000.0, 80000.0]
    assert list(change.moved(now)["key"]) == ["SENEGAL", "R1/SENEGAL"]
    assert list(change.gone(now, previous)["key"]) == ["P2.2.a"]
    assert list(change.appeared(now, previous)["key"]) == ["P2.2.A"]


def test_rating_changes_are_the_indicators_whose_rag_differs(tmp_path):
    _keep(tmp_path, dt.date(2020, 12, 31), [("indicators", "indicator_achievement_final", "P2.2.a", 17.0, "%", "red"),
                                             ("indicators", "indicator_achievement_final", "P1.1.a", 38.7, "%", "red"),
                                             ("indicators", "indicator_achievement_final", "R1.a", np.nan, "%", "")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 3, 31))
    now = _figures([("indicators", "indicator_achievement_final", "P2.2.a", 90.0, "%", "green"),
                    ("indicators", "indicator_achievement_final", "P1.1.a", 40.0, "%", "red"),
                    ("indicators", "indicator_achievement_final", "R1.a", 60.0, "%", "amber"),
                    ("indicators", "indicator_achievement_final", "NEW", 60.0, "%", "amber")])
    ratings = change.rating_changes(now, previous)
    assert list(zip(ratings["key"], ratings["previous_status"], ratings["status"])) == [
        ("P2.2.a", "red", "green"), ("R1.a", "", "amber")]


def test_a_rating_changed_by_the_limits_is_told_apart(tmp_path):
    """rag_green lowered from 80 to 30 between two annexes: P1.1.a at 38.7 % in both was listed « red -> green » as if
    it had moved; its earlier value rated with today's limits is green, so the limits changed it, not the value."""
    from helpers.data.params import Thresholds

    _keep(tmp_path, dt.date(2020, 12, 31), [("indicators", "indicator_achievement_final", "P1.1.a", 38.7, "%", "red"),
                                             ("indicators", "indicator_achievement_final", "P2.2.a", 17.0, "%", "red"),
                                             ("indicators", "indicator_achievement_final", "R1.a", np.nan, "%", "")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 3, 31))
    now = _figures([("indicators", "indicator_achievement_final", "P1.1.a", 38.7, "%", "green"),
                    ("indicators", "indicator_achievement_final", "P2.2.a", 35.0, "%", "green"),
                    ("indicators", "indicator_achievement_final", "R1.a", 60.0, "%", "green")])
    ratings = change.rating_changes(now, previous, Thresholds(rag_green=30, rag_amber=10))
    assert list(zip(ratings["key"], ratings["limits"])) == [("P1.1.a", True), ("P2.2.a", False), ("R1.a", False)]
    assert not change.rating_changes(now, previous)["limits"].any()   # without the limits: as before


def test_an_earlier_value_without_its_rating_is_rated_not_said_changed(tmp_path):
    """An archive made by hand (metric, key, value: no status column): every indicator was listed « non évalué →
    vert », P1 at 100 % in both annexes among them. Its earlier value is rated with today's limits; without them it
    is not compared."""
    from helpers.data.params import Thresholds

    folder = tmp_path / "amem" / "ensemble"
    folder.mkdir(parents=True)
    (folder / "2020-12-31.figures.csv").write_text("metric,key,value\nindicator_achievement,P1,100\n"
                                                   "indicator_achievement,P2,50\nindicator_achievement,P3,\n")
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 3, 31))
    now = _figures([("indicators", "indicator_achievement", "P1", 100.0, "%", "green"),
                    ("indicators", "indicator_achievement", "P2", 90.0, "%", "green"),
                    ("indicators", "indicator_achievement", "P3", 90.0, "%", "green")])
    ratings = change.rating_changes(now, previous, Thresholds(rag_green=80, rag_amber=60))
    assert list(zip(ratings["key"], ratings["previous_status"], ratings["status"])) == [("P2", "red", "green"),
                                                                                        ("P3", "", "green")]
    assert list(change.rating_changes(now, previous)["key"]) == ["P3"]   # n.d. then, rated now: a change indeed


def test_an_unreadable_archive_file_stops_with_its_name(tmp_path):
    path = archive.path_for(tmp_path, "amem", "ensemble", dt.date(2020, 12, 31))
    path.parent.mkdir(parents=True)
    path.write_text("section,unit\nx,y\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 1, 1))
    problem = info.value.problems[0]
    assert problem.rule == "archive_unreadable" and "2020-12-31.figures.csv" in problem.file
    assert "metric" in problem.message


def test_an_archive_whose_values_are_not_numbers_stops_with_the_row(tmp_path):
    """figures.csv saved again by a spreadsheet with a decimal comma (« 38,7 »): each such value was read as n.d.,
    and the annex said those figures « non calculables dans l'annexe précédente »."""
    path = archive.path_for(tmp_path, "amem", "ensemble", dt.date(2020, 12, 31))
    path.parent.mkdir(parents=True)
    path.write_text('metric,key,value,unit\nspent,total,1000.5,EUR\nburn_index,total,,ratio\n'
                    'women_share,all,"38,7",%\n', encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 1, 1))
    problem = info.value.problems[0]
    assert problem.rule == "archive_unreadable" and "row 4" in problem.message and "'38,7'" in problem.message


@pytest.mark.parametrize("cut", [22, 31])   # in the value (« 120 »), after the unit
def test_an_archive_cut_short_stops_naming_its_last_row(tmp_path, cut):
    """An archived figures.csv whose copy was interrupted in its last row: « spent,total,1200 » of
    « spent,total,120000.0,EUR,... » was read as 1 200 (« Dépensé 1 200 → 130 000, +10 733 % »), nothing said; a
    file cut at a line end is taken as it is (its rows are whole)."""
    _keep(tmp_path, dt.date(2020, 12, 31), [("budget", "burn_index", "total", 0.9, "ratio", ""),
                                            ("budget", "spent", "total", 120000.0, "EUR", "")])
    path = archive.path_for(tmp_path, "amem", "ensemble", dt.date(2020, 12, 31))
    text = path.read_text(encoding="utf-8")
    last = text.rstrip("\n").rsplit("\n", 1)[1]
    path.write_text(text[:len(text) - len(last) - 1 + cut], encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 1, 1))
    problem = info.value.problems[0]
    assert problem.rule == "archive_unreadable" and "row 3" in problem.message and "cut short" in problem.message
    path.write_text(text.rstrip("\n").rsplit("\n", 1)[0] + "\n", encoding="utf-8")   # cut at a line end: read
    assert list(archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 1, 1)).figures["metric"]) == \
        ["burn_index"]


def test_archive_paths_stay_in_the_archive(tmp_path):
    with pytest.raises(UnsafeName):
        keep(tmp_path, "..", "ensemble", dt.date(2020, 12, 31), b"")
    with pytest.raises(UnsafeName):
        archive.path_for(tmp_path, "amem", "../../etc", dt.date(2020, 12, 31))


def test_the_sample_figures_survive_the_round_trip_through_the_archive(tmp_path):
    data = loader.load_project("amem")
    params = load_annex_params("amem", "ensemble")
    figures = change.with_previous(annex_figures(data, params), None)
    keep(tmp_path, "amem", "ensemble", params.reporting_date, export.figures_csv(figures))
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 3, 31))
    again = change.with_previous(annex_figures(data, params), previous)
    both = again["value"].notna()
    assert (again.loc[both, "previous"] == again.loc[both, "value"]).all()   # every value read back exactly
    assert (again["previous_date"] == "2020-12-31").all() and change.moved(again).empty


def test_a_figure_in_another_unit_is_not_compared(tmp_path):
    """An annex in EUR after one in USD (the project's currency corrected, or a new donor's): 1 200 USD beside
    1 300 EUR read as +8.3 %. A figure whose unit changed is not compared; unit_changes lists it for the annex."""
    _keep(tmp_path, dt.date(2020, 12, 31), [("budget", "spent", "total", 1200.0, "USD", ""),
                                             ("execution", "physical_rate", "all", 40.0, "%", ""),
                                             ("budget", "spent", "R1", 7.0, "", "")])     # no unit then: taken as is
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 6, 30))
    now = _figures([("budget", "spent", "total", 1300.0, "EUR", ""),
                    ("execution", "physical_rate", "all", 50.0, "%", ""), ("budget", "spent", "R1", 8.0, "EUR", "")])
    out = change.with_previous(now, previous)
    assert np.isnan(out["previous"].iloc[0]) and out["previous_date"].iloc[0] == ""
    assert out["previous"].iloc[1] == 40.0 and out["previous"].iloc[2] == 7.0
    assert list(change.moved(out)["metric"]) == ["physical_rate", "spent"]
    units = change.unit_changes(now, previous)
    assert units.to_dict("records") == [{"metric": "spent", "key": "total", "previous_unit": "USD", "unit": "EUR"}]
    assert change.unit_changes(now, None).empty
    # nor is it written beside the figure in the annex's text (« 1 300 EUR (31/12/2020 : 1 200 USD) »)
    from types import SimpleNamespace
    from helpers.annex.context import Annex
    ctx = SimpleNamespace(previous=previous, params=SimpleNamespace(currency="EUR"), lang="fr",
                          in_unit=lambda value, unit: f"{value:g} {unit}")
    assert Annex.since(ctx, "spent", "total") == ""
    assert Annex.since(ctx, "physical_rate", "all") == " (31/12/2020\u00a0: 40 %)"


def test_the_statistics_of_an_estimate_are_not_listed_among_the_changes():
    """A study's p-values and standardised differences filled « the figures that moved most » (« p ajustée (Holm)
    0,00 -> 0,00, +964,3 % »), where its effect did not appear: they describe an estimate, they are no result."""
    figures = _figures([("impact", "impact_effect", "s:earnings", 165.8, "", ""),
                        ("impact", "impact_p_holm", "s:earnings", 1e-8, "", ""),
                        ("impact", "balance_smd", "s:age", 0.02, "", ""),
                        ("impact", "balance_joint_p", "s", 0.5, "", ""),
                        ("surveys", "survey_deff", "t:revenu", 2.0, "", ""),
                        # the effect again with another SE; a covariate's mean at baseline (they describe the sample)
                        ("impact", "impact_effect_other_se", "s:earnings:naive:cluster=id", 165.8, "", ""),
                        ("impact", "balance_mean", "s:age:treated", 31.6, "", "")])
    figures["previous"] = [154.8, 9e-10, 0.01, 0.1, 1.0, 154.8, 30.2]
    figures["previous_date"] = "2020-12-31"
    assert list(change.moved(figures)["metric"]) == ["impact_effect"]


def test_the_figures_of_the_earlier_annex_that_are_gone_are_listed(tmp_path):
    """An indicator code renamed (P2.2.a -> P2.2.A) or a spending line removed: the section said « 26 ont changé »
    and nothing of the figures that no longer exist."""
    _keep(tmp_path, dt.date(2020, 12, 31), [("indicators", "indicator_achievement", "P2.2.a", 80.0, "%", "green"),
                                             ("budget", "spent", "R9", 5.0, "USD", ""),
                                             ("budget", "spent", "total", 100.0, "USD", ""),
                                             ("budget", "spent", "total@2019-12-31", 50.0, "USD", ""),
                                             ("impact", "impact_p_holm", "s:y", 0.01, "", "")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 6, 30))
    now = _figures([("indicators", "indicator_achievement", "P2.2.A", 85.0, "%", "green"),
                    ("budget", "spent", "total", 120.0, "USD", "")])
    removed = change.gone(now, previous)
    assert removed[["metric", "key"]].values.tolist() == [["indicator_achievement", "P2.2.a"], ["spent", "R9"]]
    from helpers.annex import fmt
    from helpers.annex.change import gone_list
    word = fmt.word("indicator_achievement", "fr")
    assert gone_list(removed, "fr", shown=1) == f"{word} P2.2.a et 1 autre"
    assert gone_list(removed, "en") == f"{fmt.word('indicator_achievement', 'en')} P2.2.a, {fmt.word('spent', 'en')} R9"
    assert change.gone(now, None).empty


def test_an_indicator_with_several_periods_is_listed_when_it_moved_or_is_gone(tmp_path):
    """An indicator of several periods is keyed by its period (P1@2021, and a period written as a day, P2@2021-06-30):
    its '@' was taken for a spending figure at another date, so its achievement and its cost per unit never appeared
    among the figures that moved, nor among those gone; only the spending figures at a date are left out."""
    _keep(tmp_path, dt.date(2020, 12, 31), [
        ("indicators", "indicator_achievement_final", "P1@2021", 40.0, "%", "red"),
        ("indicators", "indicator_achievement_final", "P2@2021-06-30", 40.0, "%", "red"),
        ("indicators", "indicator_achievement_final", "OLD@2020", 40.0, "%", "red"),
        ("efficiency", "cost_per_unit", "P1@2021", 900.0, "USD", "shared"),
        ("budget", "spent", "total@2019-12-31", 10.0, "USD", ""), ("budget", "spent", "R1@2019-12-31", 10.0, "USD", "")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 6, 30))
    now = change.with_previous(_figures([
        ("indicators", "indicator_achievement_final", "P1@2021", 90.0, "%", "green"),
        ("indicators", "indicator_achievement_final", "P2@2021-06-30", 50.0, "%", "amber"),
        ("efficiency", "cost_per_unit", "P1@2021", 400.0, "USD", "shared"),
        ("budget", "spent", "total@2019-12-31", 20.0, "USD", "")]), previous)
    moved = change.moved(now)
    assert list(zip(moved["metric"], moved["key"])) == [
        ("indicator_achievement_final", "P1@2021"), ("cost_per_unit", "P1@2021"),
        ("indicator_achievement_final", "P2@2021-06-30")]
    assert list(change.gone(now, previous)["key"]) == ["OLD@2020"]


def test_a_figure_whose_key_is_split_now_is_not_said_gone(tmp_path):
    """An indicator of one period (B1) given a second period is keyed B1@2020 and B1@2021; a line R1 now used in a
    second country is R1/Mali and R1/Maroc. The annex said « 2 chiffres de l'annexe précédente n'existent plus :
    ... B1 »; they are there, detailed, and not compared (which of the new keys the earlier figure was is not known)."""
    _keep(tmp_path, dt.date(2021, 6, 30), [
        ("indicators", "indicator_achievement_final", "B1", 80.0, "%", "green"),
        ("indicators", "indicator_achievement_final", "OLD", 10.0, "%", "red"),
        ("budget", "spent", "R1", 5.0, "USD", "")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 12, 31))
    now = _figures([("indicators", "indicator_achievement_final", "B1@2020", 80.0, "%", "green"),
                    ("indicators", "indicator_achievement_final", "B1@2021", 97.0, "%", "green"),
                    ("budget", "spent", "R1/Mali", 1.0, "USD", ""), ("budget", "spent", "R1/Maroc", 5.0, "USD", "")])
    assert list(change.gone(now, previous)["key"]) == ["OLD"]
    split = change.rekeyed(now, previous)
    assert split.values.tolist() == [["indicator_achievement_final", "B1", "B1@2020, B1@2021"],
                                     ["spent", "R1", "R1/Mali, R1/Maroc"]]
    assert change.with_previous(now, previous)["previous"].isna().all()


def test_a_figure_by_sex_given_a_second_period_is_not_said_gone(tmp_path):
    """I1/f (women, one period) now I1@2020/f and I1@2021/f: it was said « n'existe plus » (only the text before the
    first '@' or '/' was compared)."""
    _keep(tmp_path, dt.date(2021, 6, 30), [("indicators", "indicator_achievement_final", "I1/f", 80.0, "%", "green")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 12, 31))
    now = _figures([("indicators", "indicator_achievement_final", "I1@2020/f", 80.0, "%", "green"),
                    ("indicators", "indicator_achievement_final", "I1@2021/f", 97.0, "%", "green")])
    assert change.gone(now, previous).empty
    assert change.rekeyed(now, previous)["keys"].tolist() == ["I1@2020/f, I1@2021/f"]


def test_the_headline_earlier_value_is_matched_as_the_change_section_matches_it(tmp_path):
    """The headline's « (30/06/2025 : …) » matched keys by lower case: a country re-spelt between annexes
    (« Sénégal » then « SENEGAL ») had no earlier value there while the change section compared it, and two codes
    the change section tells apart (`P2.2.a`, `P2.2.A`) were one. Both now match keys alike (change._keys)."""
    _keep(tmp_path, dt.date(2020, 12, 31), [("gender", "women_share", "Sénégal", 40.0, "%", ""),
                                             ("indicators", "indicator_achievement", "P2.2.A", 80.0, "%", "")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 6, 30))
    now = _figures([("gender", "women_share", "SENEGAL", 45.0, "%", ""),
                    ("indicators", "indicator_achievement", "P2.2.a", 90.0, "%", "")])
    assert list(change.with_previous(now, previous)["previous"].fillna(-1)) == [40.0, -1]
    from types import SimpleNamespace
    from helpers.annex.context import Annex
    ctx = SimpleNamespace(previous=previous, params=SimpleNamespace(currency="USD"), lang="fr",
                          in_unit=lambda value, unit: f"{value:g} {unit}")
    assert Annex.since(ctx, "women_share", "SENEGAL") == " (31/12/2020\u00a0: 40 %)"
    assert Annex.since(ctx, "indicator_achievement", "P2.2.a") == ""
    assert change.previous_value(previous, "indicator_achievement", "P2.2.A") == 80.0


def test_an_earlier_upper_bound_is_written_as_one_beside_the_headline(tmp_path):
    """The cost per woman was an upper bound in the earlier annex (events without a women count) and is exact now:
    « coût par femme formée : 4 788 XOF (30/06/2024 : 6 765 XOF) » read as a cost fallen by 29 %, where the
    earlier one was at most 6 765; now « (30/06/2024 : au plus 6 765 XOF) ». An exact earlier value stays as it was."""
    _keep(tmp_path, dt.date(2024, 6, 30), [("efficiency", "cost_per_woman", "all", 6765.0, "XOF", "shared; upper bound"),
                                            ("efficiency", "cost_per_participant", "all", 1885.0, "XOF", "shared")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2024, 12, 31))
    from types import SimpleNamespace
    from helpers.annex.context import Annex
    for lang, bound in (("fr", "au plus "), ("en", "at most ")):
        ctx = SimpleNamespace(previous=previous, params=SimpleNamespace(currency="XOF"), lang=lang,
                              in_unit=lambda value, unit: f"{value:g} {unit}", date=lambda day: str(day))
        assert f"{bound}6765 XOF)" in Annex.since(ctx, "cost_per_woman", "all")
        assert "1885 XOF)" in Annex.since(ctx, "cost_per_participant", "all")
        assert bound not in Annex.since(ctx, "cost_per_participant", "all")


def test_a_currency_written_another_way_is_the_same_unit(tmp_path):
    """project.yaml's `currency: XOF` written `FCFA` the next quarter (one currency): the change section said
    « 7 chiffres ne sont pas comparés, dont l'unité a changé (XOF → FCFA) » and compared none of the amounts, and
    the headline gave no earlier value. USD then EUR stays another unit."""
    _keep(tmp_path, dt.date(2020, 12, 31), [("budget", "spent", "total", 1200.0, "XOF", ""),
                                             ("budget", "spent", "R1", 7.0, "USD", "")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2021, 6, 30))
    now = _figures([("budget", "spent", "total", 1300.0, "FCFA", ""), ("budget", "spent", "R1", 8.0, "EUR", "")])
    out = change.with_previous(now, previous)
    assert out["previous"].iloc[0] == 1200.0 and np.isnan(out["previous"].iloc[1])
    assert change.unit_changes(now, previous).to_dict("records") == [
        {"metric": "spent", "key": "R1", "previous_unit": "USD", "unit": "EUR"}]
    from types import SimpleNamespace
    from helpers.annex.context import Annex
    ctx = SimpleNamespace(previous=previous, params=SimpleNamespace(currency="FCFA"), lang="fr",
                          in_unit=lambda value, unit: f"{value:g} {unit}")
    assert Annex.since(ctx, "spent", "total") == " (31/12/2020\u00a0: 1200 XOF)"


def test_spending_of_earlier_periods_corrected_since_is_said(tmp_path):
    """The next quarter's expenditure file corrects a row of the earlier one (Sénégal's R1 at 31/12/2020, 120 000 ->
    100 000) and adds the quarter's rows (R1 30 000, R2 10 000): the annex said spending moved from 280 000 to
    300 000 (+20 000) since 31/12/2020, where 40 000 was spent in the quarter, nothing saying that the earlier
    figure had changed. Now the spending at the earlier date, as the data give it now, is set beside the earlier
    annex's, for the line, the country and the total; a country whose rows did not change has none."""
    from fixtures.two_countries import Project

    project = Project.default(tmp_path).write()
    for annex in ("ensemble", "senegal", "mali"):
        keep(tmp_path / "archive", "deux", annex, dt.date(2020, 12, 31),
             export.figures_csv(project.figures(annex)))
    rows = project.tables["expenditure"]
    rows[2] = ["R1", "2020-12-31", 100000, "Sénégal"]
    rows += [["R1", "2021-03-31", 30000, "Sénégal"], ["R2", "2021-03-31", 10000, "Sénégal"]]
    project.params["reporting_date"] = "2021-03-31"
    data = project.write().load()
    revised = {}
    for annex in ("ensemble", "senegal", "mali"):
        params = load_annex_params("deux", annex, project.params_dir)
        previous = archive.previous(tmp_path / "archive", "deux", annex, params.reporting_date)
        found = change.revised_spending(scope(data, params.country).tables, params, previous)
        revised[annex] = sorted(zip(found["key"], found["previous"], found["value"]))
        assert set(found["unit"]) <= {"EUR"}
    assert revised["senegal"] == [("R1", 220000.0, 200000.0), ("total", 280000.0, 260000.0)]
    assert revised["ensemble"] == [("R1/Sénégal", 220000.0, 200000.0), ("Sénégal", 280000.0, 260000.0),
                                   ("total", 650000.0, 630000.0)]
    assert revised["mali"] == []
    # the spending that moved is the earlier annex's to the data's now: 280 000 -> 300 000 at the new date
    now = change.with_previous(project.figures("senegal", data), archive.previous(
        tmp_path / "archive", "deux", "senegal", dt.date(2021, 3, 31)))
    spent = now[(now["metric"] == "spent") & (now["key"] == "total")].iloc[0]
    assert (spent["previous"], spent["value"]) == (280000.0, 300000.0)
    assert change.revised_spending(data.tables, params, None).empty


def test_an_earlier_upper_bound_is_said_at_most_in_the_table_of_figures_that_moved(tmp_path):
    # a cost per woman « au plus 22 500 » (sex unknown for some) then, exact now: the table wrote 22 500 -> 16 667,
    # -25,9 %, a cost fallen by a quarter, where it was at most 22 500 and the fall is at least -5 833
    from helpers.annex.change import moved_table

    _keep(tmp_path, dt.date(2024, 6, 30), [("efficiency", "cost_per_woman", "all", 22500.0, "EUR", "shared; upper bound"),
                                           ("efficiency", "cost_per_woman", "R1", 20000.0, "EUR", "upper bound"),
                                           ("efficiency", "cost_per_participant", "all", 7500.0, "EUR", "shared")])
    previous = archive.previous(tmp_path, "amem", "ensemble", dt.date(2024, 9, 30))
    now = _figures([("efficiency", "cost_per_woman", "all", 45000 / 2.7, "EUR", "shared"),
                    ("efficiency", "cost_per_woman", "R1", 10000.0, "EUR", "upper bound"),
                    ("efficiency", "cost_per_participant", "all", 8000.0, "EUR", "shared")])
    moved = change.moved(change.with_previous(now, previous), n=None, previous=previous)
    assert dict(zip(moved["metric"] + " " + moved["key"], moved["previous_bound"])) == {
        "cost_per_woman all": True, "cost_per_woman R1": True, "cost_per_participant all": False}
    table = moved_table(moved, "fr", "EUR").set_index(["figure", "key"]).replace(r"\s", " ", regex=True)
    woman = table.loc[("Coût par femme formée", "Ensemble")]
    assert woman["previous"] == "au plus 22 500 EUR" and woman["value"] == "16 667 EUR"
    assert woman["change"].startswith("au moins -5") and woman["relative"] == "au moins -25,9 %"
    both = table.loc[("Coût par femme formée", "R1")]   # at most then and at most now: the change is not known
    assert both["previous"].startswith("au plus ") and both["value"].startswith("au plus ")
    assert both["change"] == both["relative"] == "non connue (deux bornes supérieures)"
    exact = table.loc[("Coût par participant", "Ensemble")]
    assert not exact["previous"].startswith("au plus") and exact["relative"] == "+6,7 %"
    assert moved_table(moved, "en", "EUR")["previous"].str.startswith("at most ").sum() == 2


def test_spending_corrected_since_is_written_as_the_annex_writes_amounts():
    """The spending corrected since the earlier annex was written with cents (« 795 000,00 EUR → 812 000,00 EUR »),
    unlike every other amount of the annex (« 795 000 EUR »): whole units now, the cents only where whole units
    would hide the correction."""
    from helpers.annex.change import amounts_pair
    from helpers.annex.fmt import NBSP, NNBSP

    s = NNBSP
    assert amounts_pair(795000.0, 812000.0, "EUR", "fr") == f"795{s}000{NBSP}EUR \u2192 812{s}000{NBSP}EUR"
    assert amounts_pair(795000.0, 795000.4, "EUR", "fr") == \
        f"795{s}000,00{NBSP}EUR \u2192 795{s}000,40{NBSP}EUR"
    assert amounts_pair(1234.5, 2000.0, "USD", "en") == f"1,235{NBSP}USD \u2192 2,000{NBSP}USD"
