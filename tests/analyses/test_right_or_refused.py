"""Issue 18, "right or refused": a new two-country project typed from scratch (tests/fixtures/two_countries.py:
Sénégal and Mali, French Excel CSV or .xlsx) gave confident wrong figures. Each case here failed before its fix.

Also the number parser's cases of issue 19 (item 4: a long cell, linear time, bounded message) and issue 21
(item 3: an Excel date serial, a currency sign).
"""

from __future__ import annotations

import math
import time

import pytest

from fixtures.two_countries import Project, row, value
from helpers.analyses import budget as budget_mod
from helpers.data import numbers
from helpers.errors import ValidationFailed


def _rules(problems, severity=None):
    return [p for p in problems if severity is None or p.severity == severity]


# ------------------------------------------------------------------ item 1: the same line code in two countries
def test_a_line_code_in_two_countries_is_two_lines(tmp_path):
    project = Project.default(tmp_path).write()
    figures = project.all_figures()
    every = figures["ensemble"]
    assert value(every, "budget", "Sénégal") == 550000          # R1 400 000 + R2 150 000; was 1 100 000
    assert value(every, "budget", "Mali") == 350000             # was missing
    assert value(every, "budget", "R1/Sénégal") == 400000        # the key of a line whose code is not unique
    assert value(every, "budget", "R1/Mali") == 350000
    assert value(every, "spent", "R1/Mali") == 170000
    assert value(every, "budget", "R2") == 150000                # a unique code keeps its plain key
    assert value(every, "spent", "Mali") == 170000
    assert not (every["metric"].eq("budget") & every["key"].eq("R1")).any()
    senegal, mali = figures["senegal"], figures["mali"]
    assert value(senegal, "budget", "R1") == 400000              # within one country the code is unique
    assert value(senegal, "spent", "R1") == 220000
    assert value(mali, "budget", "R1") == 350000
    assert value(mali, "financial_execution_rate", "total") == pytest.approx(170000 / 350000 * 100)


def test_published_figures_of_a_shared_line_code_match(tmp_path):
    project = Project.default(tmp_path)
    project.tables["reported"] = [
        ["figure_id", "metric", "key", "value", "country"],
        ["SN-BUD", "budget", "Sénégal", "550 000", ""],
        ["SN-R1", "budget", "R1/Sénégal", "400 000", ""],
        ["ML-R1", "budget", "R1/Mali", "350 000", ""],
        ["R1-AMBIGUOUS", "budget", "R1", "400 000", ""],
        ["SN-R1-ANNEX", "budget", "R1", "400 000", "Sénégal"],
        ["ML-SPENT", "spent", "R1", "170 000", "Mali"]]
    figures = project.write().all_figures()
    status = {k: s for k, s in zip(figures["ensemble"]["key"], figures["ensemble"]["status"])}
    assert status["SN-BUD"] == status["SN-R1"] == status["ML-R1"] == "match"
    ambiguous = row(figures["ensemble"], "reported_figure", "R1-AMBIGUOUS")
    assert ambiguous["status"] == "not_computable"
    assert "R1/Mali" in ambiguous["note"] and "R1/Sénégal" in ambiguous["note"]
    assert row(figures["senegal"], "reported_figure", "SN-R1-ANNEX")["status"] == "match"
    assert row(figures["mali"], "reported_figure", "ML-SPENT")["status"] == "match"


def test_spending_on_a_line_of_another_country_is_refused(tmp_path):
    project = Project.default(tmp_path)
    project.tables["expenditure"].append(["R2", "2020-12-31", 5000, "Mali"])     # R2 is a line of Sénégal only
    project.tables["expenditure"].append(["R1", "2020-12-31", 5000, ""])         # R1: which country?
    problems = project.write().check()
    unknown = [p for p in problems if p.rule == "unknown_line"]
    assert [(p.row, p.value) for p in unknown] == [(8, "R2")]
    assert "Mali" in unknown[0].message
    ambiguous = [p for p in problems if p.rule == "ambiguous_line"]
    assert [(p.row, p.column) for p in ambiguous] == [(9, "country")]
    assert "Mali" in ambiguous[0].hint and "Sénégal" in ambiguous[0].hint


def test_a_line_written_twice_with_its_country_spelt_differently_is_a_duplicate(tmp_path):
    project = Project.default(tmp_path)
    project.tables["budget"].append(["R1", 50000, "senegal", "Formation (suite)", "operational"])
    duplicates = [p for p in project.write().check() if p.rule == "duplicate_line"]
    assert [(p.row, p.value) for p in duplicates] == [(6, "R1")], [str(p) for p in duplicates]
    assert "Sénégal" in duplicates[0].message


def test_spending_without_country_on_a_unique_line_joins_it(tmp_path):
    project = Project.default(tmp_path)
    project.tables["expenditure"][3][3] = ""          # R2 (Sénégal only), country left empty
    figures = project.write().all_figures()
    assert value(figures["ensemble"], "spent", "R2") == 60000
    assert value(figures["ensemble"], "spent", "Sénégal") == 280000
    assert value(figures["senegal"], "spent", "R2") == 60000          # the country's annex counts it too


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_country_without_spending_rows_is_not_0_percent_in_the_all_annex(tmp_path, fmt):
    """Mali has lines and no expenditure row: its annex said n.d., the all annex said R1/Mali 0 % spent, and a
    project rate of 32 % ('spent / budget') over a budget that counts Mali's lines and spending that does not."""
    project = Project.default(tmp_path)
    project.tables["expenditure"] = [r for r in project.tables["expenditure"] if r[3] != "Mali"]
    project.formats["expenditure"] = fmt
    project.write()
    warning = [p for p in project.check() if p.rule == "country_without_rows"]
    assert len(warning) == 1 and "add a row with the amount 0" in warning[0].hint
    figures = project.all_figures()
    every, mali = figures["ensemble"], figures["mali"]
    for metric in ("spent", "financial_execution_rate", "spending_share", "burn_index"):
        assert math.isnan(value(every, metric, "R1/Mali")) and math.isnan(value(mali, metric, "R1")), metric
        assert row(every, metric, "R1/Mali")["note"] == row(mali, metric, "R1")["note"] == \
            "not computable: no expenditure data", metric
    for metric in ("spent", "financial_execution_rate", "staff_cost_share"):
        assert math.isnan(value(every, metric, "total")), metric
        assert row(every, metric, "total")["note"] == "not computable: spending not known for Mali", metric
    assert value(every, "spent", "R1/Sénégal") == 220000 and value(every, "spent", "Sénégal") == 280000
    assert value(figures["senegal"], "spent", "total") == 280000    # Sénégal's own annex is whole
    # said in French in the annex
    from helpers.annex import fmt as fmt_mod
    assert fmt_mod.reason(row(every, "spent", "total")["note"]) == "dépenses non connues pour Mali"
    # one row of 0 says 'nothing spent yet': then every figure is there again
    project.tables["expenditure"].append(["R1", "2020-12-31", 0, "Mali"])
    project.write()
    every = project.figures("ensemble")
    assert value(every, "spent", "R1/Mali") == 0 and value(every, "spent", "total") == 480000


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_spending_of_a_country_on_a_project_wide_line_counts_with_that_line(tmp_path, fmt):
    """Sénégal records 50 000 on R3, a line of the project as a whole. Its annex said budget n.d. ('budget of 1
    line not known': R3 looked like a line of its own without a budget), and the all annex's 'regional' row said
    33,3 % where its only line R3 said 41,7 %. The row is R3's: Sénégal's figures are its own lines', and the
    groups still add up to the project."""
    project = Project.default(tmp_path)
    project.tables["expenditure"].append(["R3", "2020-12-31", 50000, "Sénégal"])
    project.formats["expenditure"] = fmt
    project.write()
    figures = project.all_figures()
    every, senegal = figures["ensemble"], figures["senegal"]
    assert value(every, "spent", "regional") == value(every, "spent", "R3") == 250000
    assert value(every, "financial_execution_rate", "regional") == pytest.approx(250000 / 600000 * 100)
    for metric, expected in (("budget", 550000), ("spent", 280000), ("financial_execution_rate", 280000 / 5500)):
        assert value(every, metric, "Sénégal") == value(senegal, metric, "total") == pytest.approx(expected), metric
    assert not (senegal["key"] == "R3").any()
    groups = sum(value(every, "spent", key) for key in ("Mali", "Sénégal", "regional"))
    assert groups == value(every, "spent", "total") == 700000
    data = project.load()
    from helpers.data.params import load_annex_params
    left = budget_mod.left_out_of_country(data.tables["budget"], data.tables["expenditure"],
                                          load_annex_params("deux", "senegal", project.params_dir))
    assert left["n_lines"] == 1 and left["spent"] == 250000 and left["spent_here"] == 50000


def test_project_wide_lines_whose_spending_ends_before_the_date_are_not_known_as_a_country_s(tmp_path):
    """Mali's rows and those of the project-wide R3 both end on 30/06/2020, Sénégal's on 31/12/2020 (the
    reporting date): Mali was n.d. (« les dépenses connues s'arrêtent au 30 juin 2020 ») but R3 and the « regional »
    group said 33,3 %, the spending to 30/06 as at 31/12, because a project-wide line took the whole table's end.
    Both are n.d. now, for the same reason; the total names them, in French too."""
    project = Project.default(tmp_path)
    project.tables["expenditure"] = [["line", "period_end", "amount", "country"],
                                     ["R1", "2020-06-30", 100000, "Sénégal"], ["R1", "2020-12-31", 120000, "Sénégal"],
                                     ["R1", "2020-06-30", 70000, "Mali"], ["R3", "2020-06-30", 200000, ""]]
    project.write()
    every = project.figures("ensemble")
    ends = "not computable: the expenditure data ends on 2020-06-30, before 2020-12-31"
    for key in ("R3", "regional", "R1/Mali", "Mali"):
        assert math.isnan(value(every, "financial_execution_rate", key)), key
        assert row(every, "spent", key)["note"] == ends, key
    assert value(every, "financial_execution_rate", "Sénégal") == 40
    note = row(every, "spent", "total")["note"]
    assert note == "not computable: spending not known for Mali, the project-wide lines"
    from helpers.annex import fmt as fmt_mod
    assert fmt_mod.reason(note) == "dépenses non connues pour Mali, les lignes du projet dans son ensemble"
    # a project-wide line nobody has spent on yet is still 0 % (the whole table reaches the date)
    project.tables["expenditure"] = project.tables["expenditure"][:4] + [["R1", "2020-12-31", 0, "Mali"]]
    project.write()
    every = project.figures("ensemble")
    assert value(every, "spent", "R3") == 0 and value(every, "spent", "total") == 290000


def test_a_line_named_by_its_figures_key_is_the_same_line_in_its_country_s_annex(tmp_path):
    """Two Sénégal events naming its R1, one as `R1`, one as `R1/Sénégal` (the key the project-wide annex gives
    it): Sénégal's annex, whose budget keys the line `R1`, said R1/Sénégal « not in this annex's budget », its
    cost per participant of R1 the line's whole spending over the first event's participants only (220 000 / 40,
    nothing said), and every output naming `R1/Sénégal` n.d."""
    project = Project.default(tmp_path)
    project.tables["participation"] = [["event_id", "participants", "women", "country", "budget_lines"],
                                       ["DKR-1", 40, 18, "Sénégal", "R1"], ["DKR-2", 60, 30, "Sénégal", "R1/Sénégal"],
                                       ["BKO-1", 25, 10, "Mali", "R1"]]
    project.tables["indicators"] = [["indicator_id", "period", "actual", "level", "unit", "country", "budget_lines"],
                                    ["SN1", "2020", 110, "output", "personnes", "Sénégal", "R1/Sénégal"]]
    figures = project.write().all_figures()
    every, senegal = figures["ensemble"], figures["senegal"]
    assert value(senegal, "cost_per_participant", "R1") == value(every, "cost_per_participant", "R1/Sénégal") \
        == 220000 / 100
    assert value(senegal, "cost_per_participant", "all") == 220000 / 100
    assert value(senegal, "cost_per_woman", "R1") == 220000 / 48
    assert value(senegal, "cost_per_unit", "SN1") == value(every, "cost_per_unit", "SN1") == 220000 / 110
    assert "R1/Sénégal" not in set(senegal.loc[senegal["metric"] == "cost_per_participant", "key"])


def test_the_cost_per_participant_of_a_code_used_in_two_countries_is_each_country_s_line(tmp_path):
    """Events of Sénégal and of Mali each naming their country's R1 as `budget_lines`: the all annex grouped them
    under the code, found two lines for 'R1' and said « n.d. : the row gives no country » (each row gives one). Each
    event's line is its country's: R1/Sénégal and R1/Mali each cost what the country's own annex says, and `all`
    divides both lines' spending by all their participants."""
    project = Project.default(tmp_path)
    project.tables["participation"] = [["event_id", "participants", "women", "country", "budget_lines"],
                                       ["DKR-1", 40, 18, "Sénégal", "R1"], ["BKO-1", 25, 10, "Mali", "R1"]]
    figures = project.write().all_figures()
    every, senegal, mali = figures["ensemble"], figures["senegal"], figures["mali"]
    assert value(every, "cost_per_participant", "R1/Sénégal") == value(senegal, "cost_per_participant", "R1") \
        == 220000 / 40
    assert value(every, "cost_per_participant", "R1/Mali") == value(mali, "cost_per_participant", "R1") \
        == 170000 / 25
    assert value(every, "cost_per_participant", "all") == pytest.approx((220000 + 170000) / 65)
    assert value(every, "cost_per_woman", "R1/Mali") == 170000 / 10
    # Mali's R1 finances Mali's events only: it is not « shared » with Sénégal's results
    assert row(every, "cost_per_participant", "R1/Mali")["status"] == ""
    project.tables["participation"].append(["RGN-1", 10, 5, "", "R1"])    # a regional event: which R1?
    every = project.write().all_figures()["ensemble"]
    assert math.isnan(value(every, "cost_per_participant", "all"))
    assert "several countries" in row(every, "cost_per_participant", "all")["note"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_event_of_men_only_with_its_women_left_empty_counts_0_women(tmp_path, fmt):
    """Mali's 30 men and no woman, `women` left empty: the event was « not recorded » and fell out of the share,
    Mali's women's share read 40 % (its other event) where it is 10 of 55, 18 %. Read as 0 women, with a warning."""
    project = Project.default(tmp_path)
    project.tables["participation"] = [["event_id", "participants", "women", "men", "country"],
                                       ["DKR-1", 40, 18, 22, "Sénégal"], ["BKO-1", 25, 10, 15, "Mali"],
                                       ["BKO-2", 30, None, 30, "Mali"], ["BKO-3", 12, None, 8, "Mali"]]
    project.formats["participation"] = fmt
    problems = project.write().check()
    told = [p for p in problems if p.rule == "no_women_left_empty"]
    assert [(p.row, p.column) for p in told] == [(4, "women")]   # BKO-2; not BKO-3, whose other 4 may be women
    figures = project.all_figures()
    assert value(figures["mali"], "women_share", "all") == pytest.approx(10 / 55 * 100)
    assert value(figures["ensemble"], "women_share", "all") == pytest.approx(28 / 95 * 100)
    assert math.isnan(value(figures["mali"], "women_share", "BKO-3"))


# ------------------------------------------------------------------ item 2: project-wide parameters in a country annex
def test_a_country_annex_uses_its_own_lines(tmp_path):
    project = Project.default(tmp_path, budget_total=1600000).write()
    figures = project.all_figures()
    mali = figures["mali"]
    assert value(mali, "budget", "total") == 350000                                   # not 1 600 000
    assert value(mali, "financial_execution_rate", "total") == pytest.approx(48.5714, abs=1e-3)  # not 10,6 %
    assert math.isnan(value(mali, "unallocated_budget", "total"))
    assert "project" in row(mali, "unallocated_budget", "total")["note"]
    staff = row(mali, "staff_cost_share", "total")                                      # no staff line in Mali
    assert math.isnan(staff["value"]) and staff["status"] == ""                          # was 0 %, "below band"
    assert value(figures["senegal"], "staff_cost_share", "total") == pytest.approx(60000 / 280000 * 100)
    every = figures["ensemble"]
    assert value(every, "budget", "total") == 1600000
    assert value(every, "unallocated_budget", "total") == 100000


def test_an_annex_file_may_give_its_own_budget_total(tmp_path):
    project = Project.default(tmp_path, budget_total=1600000).write()
    (project.params_dir / "deux" / "mali.yaml").write_text("country: Mali\nname: Mali\nbudget_total: 400000\n",
                                                           encoding="utf-8")
    mali = project.figures("mali")
    assert value(mali, "budget", "total") == 400000
    assert value(mali, "unallocated_budget", "total") == 50000


def test_what_a_country_annex_leaves_out(tmp_path):
    project = Project.default(tmp_path, budget_total=1600000).write()
    data = project.load()
    from helpers.data.params import load_annex_params
    params = load_annex_params("deux", "mali", project.params_dir)
    left = budget_mod.left_out_of_country(data.tables["budget"], data.tables["expenditure"], params,
                                          project_budget_total=1600000)
    assert left["budget_total"] == 1600000
    assert left["n_lines"] == 1 and left["budget"] == 600000 and left["spent"] == 200000
    assert left["n_staff_lines"] == 1


# ------------------------------------------------------------------ item 3: totals rows
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_totals_row_is_refused_with_its_cell(tmp_path, fmt):
    project = Project.default(tmp_path)
    project.tables["budget"].append(["TOTAL", 1500000, "", "", ""])
    project.formats["budget"] = fmt
    problems = project.write().check()
    totals = [p for p in problems if p.rule == "totals_row"]
    assert len(totals) == 1 and totals[0].severity == "error" and totals[0].row == 6
    if fmt == "xlsx":
        assert totals[0].cell == "budget!A6"
    assert "delete" in totals[0].hint.lower()
    with pytest.raises(ValidationFailed):
        project.load()


@pytest.mark.parametrize("cells", [["", 750000, "", "Sous-total", ""], ["R9", 1500000, "", "", "other"],
                                   ["Somme", 550000, "Sénégal", "", ""]])
def test_subtotals_and_unlabelled_totals_are_refused(tmp_path, cells):
    project = Project.default(tmp_path)
    project.tables["budget"].insert(4, cells) if cells[0] == "" else project.tables["budget"].append(cells)
    problems = project.write().check()
    assert any(p.rule == "totals_row" and p.severity == "error" for p in problems), [str(p) for p in problems]


def test_a_totals_row_in_spending_and_participation(tmp_path):
    project = Project.default(tmp_path)
    project.tables["expenditure"].append(["Total", "2020-12-31", 650000, ""])
    project.tables["participation"].append(["TOTAL", 65, 28, ""])
    problems = project.write().check()
    assert {(p.file.rsplit("/", 1)[-1], p.rule) for p in problems if p.rule == "totals_row"} == {
        ("expenditure.csv", "totals_row"), ("participation.csv", "totals_row")}


def test_a_line_that_is_not_a_total_is_accepted(tmp_path):
    project = Project.default(tmp_path)
    project.tables["budget"].append(["R4", 10000, "Mali", "Total quality management", "other"])
    assert not [p for p in project.write().check() if p.rule == "totals_row"]


# ------------------------------------------------------------------ item 4: unknown sex in a register
def _register(known_women: int = 50, known_men: int = 63, unknown: int = 2) -> list[list]:
    rows = [["event_id", "sex", "country"]]
    rows += [["DKR-1", "f", "Sénégal"]] * known_women + [["DKR-1", "m", "Sénégal"]] * known_men
    rows += [["DKR-1", "", "Sénégal"]] * unknown
    return rows


def test_a_register_leaves_unknown_sex_out_of_the_denominator(tmp_path):
    project = Project.default(tmp_path)
    project.tables["participation"] = _register()
    register = row(project.write().figures("ensemble"), "women_share", "all")
    assert register["value"] == pytest.approx(50 / 113 * 100)             # was 50 / 115 = 43,5 %
    assert register["n"] == 113
    assert "2 participant(s) of unknown sex" in register["note"]
    project.tables["participation"] = [["event_id", "participants", "women", "men", "country"],
                                       ["DKR-1", 115, 50, 63, "Sénégal"]]
    per_event = row(project.write().figures("ensemble"), "women_share", "all")
    assert per_event["value"] == register["value"] and per_event["n"] == register["n"]


def test_the_register_warning_says_the_unknown_are_left_out(tmp_path):
    project = Project.default(tmp_path)
    project.tables["participation"] = _register()
    warning = next(p for p in project.write().check() if p.rule == "sex_partly_unknown")
    assert "left out" in warning.hint


# ------------------------------------------------------------------ item 5: an ambiguous number
@pytest.mark.parametrize("text, read", [("12,000", 12.0), ("12.000", 12000.0)])
def test_an_ambiguous_amount_is_a_warning_naming_the_cell(tmp_path, text, read):
    project = Project.default(tmp_path)
    project.tables["expenditure"][1][2] = text
    problems = project.write().check()
    ambiguous = [p for p in problems if p.rule == "ambiguous_number"]
    assert [(p.row, p.column, p.value, p.severity) for p in ambiguous] == [(2, "amount", text, "warning")]
    assert numbers.format_number(read, ",") in ambiguous[0].message
    assert "12 000" in ambiguous[0].hint


def test_unambiguous_amounts_get_no_warning(tmp_path):
    project = Project.default(tmp_path)
    project.tables["expenditure"][1][2] = "12 000,00"
    project.tables["expenditure"][2][2] = "1.200.000"
    project.tables["expenditure"][3][2] = "12,5"
    assert not [p for p in project.write().check() if p.rule == "ambiguous_number"]


# ------------------------------------------------------------------ the number parser (issues 19 and 21)
def test_a_long_cell_is_refused_in_linear_time_with_a_bounded_message(tmp_path):
    text = "1" * 60000 + "x"
    for mark in (".", ","):
        started = time.perf_counter()
        with pytest.raises(ValueError):
            numbers.parse_number(text, mark, money=True)
        assert time.perf_counter() - started < 0.5
    project = Project.default(tmp_path)
    project.tables["budget"][1][1] = text
    problem = next(p for p in project.write().check() if p.rule == "not_a_number")
    assert len(problem.value) <= 41 and problem.value.endswith("…")
    assert len(str(problem)) < 600


def test_an_excel_date_serial_is_named(tmp_path):
    with pytest.raises(ValueError, match="Excel"):
        numbers.parse_date("44926")
    with pytest.raises(ValueError, match="2022-12-31"):
        numbers.parse_date(44926)
    project = Project.default(tmp_path)
    project.tables["expenditure"][1][1] = 44926
    project.formats["expenditure"] = "xlsx"
    problem = next(p for p in project.write().check() if p.rule == "not_a_date")
    assert "Excel" in problem.message and "2022-12-31" in problem.message
    assert "date" in problem.hint.lower()


@pytest.mark.parametrize("text, other", [("400.000,00 €", None), ("USD 12,000", "USD"), ("€350.000", None),
                                         ("12 000 FCFA", "XOF")])
def test_a_currency_sign_is_named_once(tmp_path, text, other):
    """The project's own currency is removed; another one (USD, FCFA in this EUR project) is converted: removing it
    would read the dollars or the francs as euros."""
    project = Project.default(tmp_path)
    project.tables["budget"][1][1] = text
    problems = [p for p in project.write().check() if p.row == 2]
    assert [p.rule for p in problems] == ["not_a_number"], [str(p) for p in problems]
    assert "currency" in problems[0].message and "decimal mark" not in problems[0].message
    if other is None:
        assert "remove the currency" in problems[0].hint.lower()
    else:
        assert f"the amount is in {other}, and the project's currency is EUR" in problems[0].message
        assert "Convert the amount to EUR" in problems[0].hint


# ------------------------------------------------------------------ the annex text (real papermill runs)
@pytest.mark.slow
def test_the_mali_annex_says_what_it_leaves_out(tmp_path):
    project = Project.default(tmp_path, budget_total=1600000)
    project.tables["participation"] = [[event, sex, "Mali"] for event, sex, _ in _register()]
    project.tables["participation"][0][2] = "country"
    project.tables["expenditure"].append(["R3", "2020-12-31", 5000, "Mali"])   # Mali spends on the project's R3
    text = _annex_text(tmp_path, project, ("20_budget.ipynb", "30_gender.ipynb"), "mali")
    section = text[text.find("Exécution financière"):][:3000]
    assert "170 000 EUR" in section and "48,6" in section and "11,3" not in section, section
    assert "ne s'applique pas à une annexe pays" in section, section
    assert "1 ligne du projet dans son ensemble n'y figure pas" in section and "dont 1 de personnel" in section
    assert ("5 000 EUR de dépenses enregistrées pour cette annexe (Mali) l'ont été sur des lignes du projet dans "
            "son ensemble") in section, section
    assert "non ventilé entre les lignes" not in section
    assert "en dessous de la norme" not in section
    assert "50 femmes sur 113 participants dont le sexe est connu : 44,2 %" in section, section   # was 115, 43,5 %
    assert "2 autres participants, dont le sexe n'est pas renseigné, ne sont pas comptés" in section


def _annex_text(tmp_path, project: Project, notebooks: tuple[str, ...], annex: str = "ensemble") -> str:
    """One annex of ``project`` built by the runner with these notebooks only, as a reader sees its text."""
    import re
    import shutil
    from html import unescape

    from helpers.pipeline import runner
    from helpers.paths import NOTEBOOKS_DIR

    project.write()
    for path in (project.params_dir / "deux").glob("*.yaml"):
        if path.stem not in ("project", annex):
            path.unlink()
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in notebooks:
        shutil.copy(NOTEBOOKS_DIR / name, folder / name)
    layout = runner.Layout(data=project.data_dir, params=project.params_dir, notebooks=folder,
                           build=tmp_path / "build")
    assert runner.build(project="deux", layout=layout) == 0
    page = (layout.build / "annexes" / "deux" / f"{annex}.html").read_text(encoding="utf-8")
    page = re.sub(r"<script.*?</script>|<style.*?</style>|<wbr\s*/?>", "", page, flags=re.S)   # (<wbr>: no space)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", page)).replace("\u202f", " ").replace("\xa0", " "))


@pytest.mark.slow
def test_the_all_annex_says_whose_spending_is_not_known(tmp_path):
    """Mali has lines and no spending row: the all annex's budget section says n.d. and why, the table of lines
    says n.d. for Mali's, and the chart of cumulative spending says it counts the known spending only."""
    project = Project.default(tmp_path)
    project.tables["expenditure"] = [r for r in project.tables["expenditure"] if r[3] != "Mali"]
    text = _annex_text(tmp_path, project, ("20_budget.ipynb",))
    assert "les dépenses cumulées s'élèvent à n.d." in text and "n.d. : dépenses non connues pour Mali" in text
    assert "R1/Mali Formation Opérationnel 350 000 EUR n.d. n.d. n.d." in text, text
    assert "La courbe ne compte que les dépenses connues (dépenses non connues pour Mali)" in text
    assert "Part des coûts de personnel non calculable. n.d. : dépenses non connues pour Mali." in text
    assert "480 000" not in text                    # the sum of the others, said as the project's spending


@pytest.mark.slow
def test_a_budget_in_thousands_beside_spending_in_units_is_said_in_the_annex(tmp_path):
    """Sénégal's R1 budget typed in thousands (400 for 400 000) beside its spending in units: make check warns at the
    budget's cell (spending_far_above_budget), and the annex printed « 55 000,0 % » as an execution rate without a
    word. Its budget section now says which line and why its rates are not reliable; Mali's annex says nothing."""
    project = Project.default(tmp_path)
    project.tables["budget"][1][1] = 400
    assert "spending_far_above_budget" in {p.rule for p in project.write().check()}
    text = _annex_text(tmp_path, project, ("20_budget.ipynb",), "senegal")
    assert ("Attention : 1 ligne ( R1 ) a des dépenses d'au moins 10 fois son budget : budget et dépenses ne sont "
            "sans doute pas dans la même unité (un budget en milliers ?)") in text.replace("(R1)", "( R1 )"), text
    (tmp_path / "mali").mkdir()
    assert "Attention" not in _annex_text(tmp_path / "mali", project, ("20_budget.ipynb",), "mali")


@pytest.mark.slow
def test_indicators_are_counted_as_indicators_not_rows(tmp_path):
    """Two indicators, one with two periods and a row for women: the annex said « 4 indicateurs suivis »; a third one
    with a row per country and the project's total was three more."""
    project = Project.default(tmp_path)
    project.tables["indicators"] = [
        ["indicator_id", "period", "actual", "level", "unit", "target_final", "country", "sex"],
        ["SN-1", "2019", 10, "output", "personnes", 40, "Sénégal", ""],
        ["SN-1", "2020", 35, "output", "personnes", 40, "Sénégal", ""],
        ["SN-1", "2020", 15, "output", "personnes", 20, "Sénégal", "f"],
        ["ML-1", "2020", 5, "output", "personnes", 20, "Mali", ""],
        ["RG-1", "2020", 4, "output", "personnes", 20, "Sénégal", ""],
        ["RG-1", "2020", 3, "output", "personnes", 20, "Mali", ""],
        ["RG-1", "2020", 7, "output", "personnes", 40, "", ""]]
    text = _annex_text(tmp_path, project, ("10_execution.ipynb",)).replace(" ,", ",")
    assert "3 indicateurs suivis, en 7 lignes (périodes, sexes, pays) ; 7 lignes ont une cible finale et une " \
           "valeur mesurée, dont 1 au vert." in text, text          # SN-1 2020: 35 / 40 = 87,5 %
    assert "SN-1@2020" in text and "SN-1@2020/f" in text     # the rows of SN-1 told apart in the table


@pytest.mark.slow
def test_the_period_targets_of_an_indicator_in_two_countries_say_which_country(tmp_path):
    """OC1 measured in Sénégal and in Mali, with period targets: the table « Cibles par période » of the all annex
    showed two rows « OC1 » with the same period and no country, so the reader could not tell whose 87,5 % it was."""
    project = Project.default(tmp_path)
    project.tables["indicators"] = [
        ["indicator_id", "period", "actual", "level", "unit", "target", "target_final", "country"],
        ["OC1", "2020", 35, "outcome", "%", 40, 50, "Sénégal"],
        ["OC1", "2020", 28, "outcome", "%", 35, 45, "Mali"]]
    text = _annex_text(tmp_path, project, ("10_execution.ipynb",))
    period_table = text[text.index("Indicateurs : cible de chaque période et réalisé"):]
    assert "Période Pays Référence Cible" in period_table, period_table
    assert "OC1 n.d. % 2020 Sénégal n.d. 40 35 87,5 %" in period_table, period_table
    assert "OC1 n.d. % 2020 Mali n.d. 35 28 80,0 %" in period_table, period_table


def test_the_parity_index_is_shown_with_its_rating_and_never_on_a_limit_it_is_outside_of(tmp_path):
    """193 women and 200 men: an index of 0.965, below the parity band 0.97-1.03; the annex said « Indice de parité
    (femmes / hommes) : 0,97 ; la parité est comprise entre 0,97 et 1,03 », read as parity."""
    project = Project.default(tmp_path)
    project.tables["participation"] = [["event_id", "participants", "women", "men", "country"],
                                       ["DKR-1", 393, 193, 200, "Sénégal"], ["BKO-1", 25, 10, "", "Mali"]]
    text = _annex_text(tmp_path, project, ("30_gender.ipynb",)).replace("( ", "(").replace(" )", ")").replace(" .", ".")
    assert "Indice de parité (femmes / hommes) : 0,965 (femmes sous-représentées) ; la parité est comprise entre " \
           "0,97 et 1,03." in text, text


def test_a_band_limit_is_shown_with_every_digit_the_params_give_it(tmp_path):
    """thresholds: parity_low 0.975, parity_high 1.025: the annex said « la parité est comprise entre 0,98 et
    1,03 », limits the evaluator never set (an index of 0,976 rated parity would read as below its band)."""
    project = Project.default(tmp_path, thresholds={"parity_low": 0.975, "parity_high": 1.025})
    project.tables["participation"] = [["event_id", "participants", "women", "men", "country"],
                                       ["DKR-1", 406, 196, 210, "Sénégal"]]   # 196 / 210 = 0.933...
    text = _annex_text(tmp_path, project, ("30_gender.ipynb",)).replace("( ", "(").replace(" )", ")").replace(" .", ".")
    assert "la parité est comprise entre 0,975 et 1,025." in text, text


def test_a_cost_per_result_takes_the_line_of_its_own_country(tmp_path):
    """Issue 18 item 1 meets issue 24: a line is (country, line). An indicator of Mali naming R1 costs Mali's R1
    spending (170 000), not the 390 000 of both countries' R1; one with no country is not computable (which R1?),
    and names the line as R1/Mali to say it."""
    project = Project.default(tmp_path)
    project.tables["indicators"] = [
        ["indicator_id", "period", "actual", "level", "unit", "target_final", "country", "budget_lines"],
        ["MLI-1", "2020-12", 10, "output", "personnes", 20, "Mali", "R1"],
        ["ANY-1", "2020-12", 10, "output", "personnes", 20, "", "R1"],
        ["KEY-1", "2020-12", 10, "output", "personnes", 20, "", "R1/Mali"]]
    project.tables["participation"][0].append("budget_lines")
    project.tables["participation"][1].append("R1")   # DKR-1, Sénégal: Sénégal's R1 (220 000)
    project.tables["participation"][2].append("R1")   # BKO-1, Mali
    project.write()
    figures = project.figures("ensemble")
    assert value(figures, "cost_per_unit", "MLI-1") == 170_000 / 10
    assert value(figures, "cost_per_unit", "KEY-1") == 170_000 / 10
    ambiguous = row(figures, "cost_per_unit", "ANY-1")
    assert math.isnan(ambiguous["value"]) and "several countries" in ambiguous["note"]
    # the events of both countries on 'R1': each event's country says which R1, as the indicators' does
    assert value(figures, "cost_per_participant", "all") == (220_000 + 170_000) / 65
    assert value(figures, "cost_per_participant", "R1/Mali") == 170_000 / 25
    assert value(project.figures("mali"), "cost_per_participant", "all") == 170_000 / 25


@pytest.mark.slow
def test_the_anomalies_of_an_indicator_in_two_countries_say_whose_they_are(tmp_path):
    """P1 in Sénégal rises, in Mali falls (women's row too): the all annex's anomalies said « P1 2020 La valeur
    réalisée baisse » twice, with nothing to tell Mali's total from its women's, nor from Sénégal's rows."""
    project = Project.default(tmp_path)
    project.tables["indicators"] = [
        ["indicator_id", "period", "actual", "level", "unit", "target_final", "country", "sex"],
        ["P1", "2019", 10, "output", "personnes", 40, "Sénégal", ""],
        ["P1", "2020", 20, "output", "personnes", 40, "Sénégal", ""],
        ["P1", "2019", 15, "output", "personnes", 40, "Mali", ""],
        ["P1", "2020", 12, "output", "personnes", 40, "Mali", ""],
        ["P1", "2019", 8, "output", "personnes", 20, "Mali", "f"],
        ["P1", "2020", 6, "output", "personnes", 20, "Mali", "f"]]
    text = _annex_text(tmp_path, project, ("10_execution.ipynb",))
    anomalies = text[text.rindex("Anomalies relevées"):]
    assert "P1@2020/Mali 2020 La valeur réalisée baisse" in anomalies, anomalies
    assert "P1@2020/f/Mali 2020 La valeur réalisée baisse" in anomalies, anomalies


@pytest.mark.slow
def test_a_country_without_spending_says_why_its_figures_are_n_d_and_nothing_else(tmp_path):
    """Mali has lines and no spending row: its annex said « n.d. : aucune dépense renseignée ; pas de budget total
    déclaré (budget_total) » beside « un budget de 350 000 EUR », the second the unallocated budget's reason, read as
    why the rate is n.d. (a country annex never uses budget_total). The sentence says the spending's reason only;
    no 0 % anywhere in the section."""
    project = Project.default(tmp_path)
    project.tables["expenditure"] = [r for r in project.tables["expenditure"] if r[3] != "Mali"]
    text = _annex_text(tmp_path, project, ("20_budget.ipynb",), "mali")
    section = text[text.find("Exécution financière"):]
    assert "les dépenses cumulées s'élèvent à n.d." in section and "n.d. : aucune dépense renseignée." in section, \
        section
    assert "budget total déclaré" not in section and "0,0 %" not in section and " 0 %" not in section, section
