"""IATI activity files read as published (helpers.data.iati): each mapping rule on a small hand-written file, the
XML attacks, the real files of tests/fixtures/iati/ against the figures worked out by hand, and make import-iati."""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from helpers.analyses.indicators import iptt
from helpers.data import iati
from helpers.data.iati_import import import_iati
from helpers.data.loader import check_project, load_project
from helpers.data.params import ProjectParams, Thresholds
from helpers.errors import ValidationFailed
from helpers.pipeline.messages import translated

REAL = Path(__file__).parents[1] / "fixtures" / "iati"


def params(currency: str = "EUR", language: str = "fr", reporting_date: dt.date = dt.date(2022, 12, 31),
           **iati_params) -> ProjectParams:
    return ProjectParams(title="t", code="t", currency=currency, start_date=dt.date(2020, 1, 1),
                         end_date=dt.date(2023, 12, 31), reporting_date=reporting_date, language=language,
                         iati=iati_params)


def activity(identifier: str = "XM-1", body: str = "", attrs: str = 'default-currency="EUR"', lang: str = "en") -> str:
    return (f'<iati-activity {attrs} xml:lang="{lang}"><iati-identifier>{identifier}</iati-identifier>'
            f'<title><narrative>Title {identifier}</narrative><narrative xml:lang="fr">Titre {identifier}</narrative>'
            f'</title>{body}</iati-activity>')


def budget(value: str, start: str = "2021-01-01", end: str = "2021-12-31", kind: str | None = "1",
           currency: str = "") -> str:
    typed = f' type="{kind}"' if kind else ""
    cur = f' currency="{currency}"' if currency else ""
    return (f'<budget{typed}><period-start iso-date="{start}"/><period-end iso-date="{end}"/>'
            f'<value{cur}>{value}</value></budget>')


def transaction(value: str, kind: str = "4", date: str = "2021-06-30", extra: str = "", currency: str = "") -> str:
    cur = f' currency="{currency}"' if currency else ""
    return (f'<transaction><transaction-type code="{kind}"/><transaction-date iso-date="{date}"/>'
            f'<value{cur}>{value}</value>{extra}</transaction>')


def indicator(periods: str, attrs: str = 'measure="1"', extra: str = "", title: str = "Trained people") -> str:
    return (f'<indicator {attrs}><title><narrative>{title}</narrative></title>{extra}{periods}</indicator>')


def period(target: str = "", actual: str = "", start: str = "2021-01-01", end: str = "2021-12-31") -> str:
    return f'<period><period-start iso-date="{start}"/><period-end iso-date="{end}"/>{target}{actual}</period>'


def write(folder: Path, *activities: str, version: str = "2.03", name: str = "file.xml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f'<?xml version="1.0"?>\n<iati-activities version="{version}">{"".join(activities)}'
                    '</iati-activities>\n', encoding="utf-8")
    return path


def load(tmp_path: Path, *activities: str, **kwargs) -> iati.IatiSource:
    folder = tmp_path / "iati"
    write(folder, *activities)
    return iati.load_iati(folder, kwargs.pop("project", None) or params(**kwargs))


def rules(source: iati.IatiSource, severity: str | None = None) -> list[str]:
    return [p.rule for p in source.problems if severity is None or p.severity == severity]


# ================================================================= budgets


def test_a_revised_budget_replaces_the_original_of_its_period_and_no_type_is_an_original(tmp_path):
    source = load(tmp_path, activity(body=budget("100") + budget("150", kind="2")
                                     + budget("40", start="2022-01-01", end="2022-12-31", kind=None)))
    lines = source.tables["budget"]
    assert lines["line"].tolist() == ["XM-1"]
    assert lines["budget"].tolist() == [190.0]  # 150 revised for 2021, 40 (untyped = original) for 2022
    assert lines["label"].tolist() == ["Titre XM-1"]  # the title in the annex language
    assert rules(source) == []


QUARTERS = (("2021-01-01", "2021-03-31"), ("2021-04-01", "2021-06-30"), ("2021-07-01", "2021-09-30"),
            ("2021-10-01", "2021-12-31"))


def test_a_revised_budget_replaces_the_originals_it_overlaps_whatever_their_spans(tmp_path):
    """Before: only an original of the very same dates was replaced; the others were added to the revision."""
    quarters = "".join(budget("100", start, end) for start, end in QUARTERS)
    yearly = load(tmp_path / "a", activity(body=quarters + budget("500", kind="2")))
    assert yearly.tables["budget"]["budget"].tolist() == [500.0] and rules(yearly) == []
    # DFID: a revised budget over a financial year, the original over its first quarter, other years kept
    fy = load(tmp_path / "b", activity(body=budget("500", "2008-04-01", "2008-06-30") + budget("500", "2007-04-01",
              "2007-06-30") + budget("300", "2008-04-01", "2009-03-31", kind="2")))
    assert fy.tables["budget"]["budget"].tolist() == [800.0] and rules(fy) == []
    # a revision that ends a day before the original: it replaces it, and a warning says the days it leaves
    short = load(tmp_path / "c", activity(body=budget("400") + budget("300", end="2021-12-30", kind="2")))
    assert short.tables["budget"]["budget"].tolist() == [300.0]
    assert rules(short) == ["iati_budget_revised_part"] and short.problems[0].element.endswith("budget[1]/value")


@pytest.mark.parametrize("kind", ["1", "2"])
def test_two_budgets_of_one_type_for_one_period_are_not_added(tmp_path, kind):
    """Two revisions of one period (450, then 500): they were added (950, with a warning saying so); neither their
    sum nor either one can be told to be the budget, so the activity's budget is not computed."""
    source = load(tmp_path, activity(body=budget("400") + budget("450", kind="2") + budget("500", kind=kind)
                                     + transaction("40")))
    if kind == "1":   # an original beside its revision is replaced by it: 450
        assert source.tables["budget"]["budget"].tolist() == [450.0]
        return
    assert source.tables["budget"]["budget"].isna().all() and len(source.tables["budget"]) == 1
    twice = next(p for p in source.problems if p.rule == "iati_budget_twice")
    assert twice.severity == "warning" and "450, 500" in twice.message and "not computed" in twice.message


def test_an_indicative_budget_beside_the_committed_one_of_its_period_gives_way_to_it(tmp_path):
    """Before: an indicative budget (status 1, 900) kept beside the committed one (status 2, 1000) of the same
    period made the activity's budget not computed (« two original budgets »); the committed one is the budget."""
    def status(value: str, code: str) -> str:
        return budget(value).replace("<budget ", f'<budget status="{code}" ')
    source = load(tmp_path, activity(body=status("900", "1") + status("1000", "2") + transaction("300")))
    assert source.tables["budget"]["budget"].tolist() == [1000.0]
    said = next(p for p in source.problems if p.rule == "iati_budget_indicative")
    assert said.severity == "warning" and said.element == "iati-activity[XM-1]/budget[2]/value"
    assert "iati_budget_twice" not in rules(source)
    both = load(tmp_path / "both", activity(body=status("900", "2") + status("1000", "2")))  # two committed
    assert both.tables["budget"]["budget"].isna().all() and "iati_budget_twice" in rules(both)


def test_budget_types_and_statuses_written_as_words_are_read_as_their_codes(tmp_path):
    """Before: type="Original" / type="Revised" (words, as 1.0x-era publishers write) were both originals: the
    budget not computed, the warning saying « 2 original budgets »; Indicative / Committed were neither status, two
    originals of a period again. The words are read as the codes (1, 2), one warning per activity."""
    def worded(value: str, kind: str = "", status: str = "") -> str:
        return budget(value, kind=kind or None).replace("<budget", f'<budget status="{status}"' if status
                                                        else "<budget", 1)
    source = load(tmp_path, activity(body=worded("1000", "Original") + worded("1200", "Revised")
                                     + transaction("600")))
    assert source.tables["budget"]["budget"].tolist() == [1200.0]
    said = [p for p in source.problems if p.rule == "iati_budget_type"]
    assert len(said) == 1 and said[0].severity == "warning" and "'Revised' = 2" in said[0].message
    assert said[0].element == "iati-activity[XM-1]/budget[1]/@type" and "iati_budget_twice" not in rules(source)
    status = load(tmp_path / "status", activity(body=worded("900", status="Indicative")
                                                + worded("1000", status="committed") + transaction("300")))
    assert status.tables["budget"]["budget"].tolist() == [1000.0]
    assert "iati_budget_indicative" in rules(status) and "iati_budget_twice" not in rules(status)
    odd = load(tmp_path / "odd", activity(body=worded("1000", "Draft") + transaction("300")))  # no code: said
    assert odd.tables["budget"]["budget"].tolist() == [1000.0]
    said = next(p for p in odd.problems if p.rule == "iati_budget_type")
    assert "'Draft'" in said.message and "original" in said.message


def test_indicative_budgets_that_committed_ones_of_other_periods_cover_give_way_to_them(tmp_path):
    """Before: an indicative yearly budget (status 1, 1200) beside the committed quarters of its year (status 2,
    4 x 250) was counted alone as the whole they are parts of (1200 for 1000, the warning saying so); committed
    1000 for the year beside indicative quarters of 300 made the budget not computed."""
    def status(value: str, code: str, start: str = "2021-01-01", end: str = "2021-12-31") -> str:
        return budget(value, start, end).replace("<budget ", f'<budget status="{code}" ')
    yearly = load(tmp_path / "a", activity(body=status("1200", "1") + "".join(status("250", "2", start, end)
                                                                              for start, end in QUARTERS)))
    assert yearly.tables["budget"]["budget"].tolist() == [1000.0]
    said = next(p for p in yearly.problems if p.rule == "iati_budget_indicative")
    assert said.element == "iati-activity[XM-1]/budget[1]/value" and "iati_budget_overlap" not in rules(yearly)
    quarters = load(tmp_path / "b", activity(body=status("1000", "2") + "".join(status("300", "1", start, end)
                                                                                for start, end in QUARTERS)))
    assert quarters.tables["budget"]["budget"].tolist() == [1000.0] and rules(quarters) == ["iati_budget_indicative"]
    # an indicative whole-life plan with days no committed budget covers stays the whole (2023 is only in it)
    plan = load(tmp_path / "c", activity(body=status("3000", "1", "2021-01-01", "2023-12-31") + status("1000", "2")
                                         + status("1500", "1", "2022-01-01", "2022-12-31")))
    assert plan.tables["budget"]["budget"].tolist() == [3000.0]
    assert sorted(rules(plan)) == ["iati_budget_long", "iati_budget_overlap"]   # (three years: IATI says one at most)


def test_budget_periods_whose_end_is_the_next_ones_start_are_consecutive(tmp_path):
    """Before: yearly budgets written 2021-01-01..2022-01-01, 2022-01-01..2023-01-01 (a period-end written as the
    next period's start) were « overlapping »: the activity's budget was not computed; and a revision of the second
    year replaced the first year's original too."""
    years = (budget("500", "2021-01-01", "2022-01-01") + budget("500", "2022-01-01", "2023-01-01")
             + budget("400", "2023-01-01", "2024-01-01"))
    source = load(tmp_path / "a", activity(body=years))
    assert source.tables["budget"]["budget"].tolist() == [1400.0]
    said = next(p for p in source.problems if p.rule == "iati_budget_boundary")
    assert said.severity == "warning" and "2021-01-01..2022-01-01, 2022-01-01..2023-01-01" in said.message
    assert "iati_budget_overlap" not in rules(source)
    revised = load(tmp_path / "b", activity(body=years + budget("450", "2022-01-01", "2023-01-01", kind="2")))
    assert revised.tables["budget"]["budget"].tolist() == [1350.0]
    assert "iati_budget_revised_part" not in rules(revised)
    # a period that shares more than its first day with another still overlaps it
    over = load(tmp_path / "c", activity(body=budget("500", "2021-01-01", "2022-01-01")
                                         + budget("500", "2021-12-01", "2022-12-31")))
    assert over.tables["budget"]["budget"].isna().all() and "iati_budget_overlap" in rules(over)


def test_a_budget_that_covers_the_others_of_its_span_is_counted_alone(tmp_path):
    """Before: a whole-life budget beside the yearly ones it is made of was added to them (twice the budget)."""
    years = "".join(budget(v, f"{y}-01-01", f"{y}-12-31") for v, y in (("250", 2020), ("250", 2021)))
    source = load(tmp_path, activity(body=budget("1000", "2020-01-01", "2023-12-31") + years + transaction("300")))
    assert source.tables["budget"]["budget"].tolist() == [1000.0]
    overlap = next(p for p in source.problems if p.rule == "iati_budget_overlap")
    assert overlap.severity == "warning" and overlap.element == "iati-activity[XM-1]/budget[1]/value"


@pytest.mark.parametrize("body", [
    budget("100") + budget("100", "2021-07-01", "2022-06-30"),  # none covers the other
    budget("300", "2020-01-01", "2023-12-31") + budget("250", "2020-01-01", "2020-12-31")
    + budget("250", "2021-01-01", "2021-12-31")])  # the whole-life one is less than its parts
def test_budgets_that_overlap_without_one_sum_are_not_added_and_the_budget_is_not_computed(tmp_path, body):
    source = load(tmp_path, activity(body=body + transaction("40")))
    assert source.tables["budget"]["budget"].isna().all() and len(source.tables["budget"]) == 1
    problem = next(p for p in source.problems if p.rule == "iati_budget_overlap")
    assert "budget[1]" in problem.message and "budget[2]" in problem.message and "not computed" in problem.message
    assert "budget_unknown" not in rules(source)  # not "no budget": it has budgets that cannot be added


@pytest.mark.parametrize("odd", ['<budget type="1"><value>1000</value></budget>',   # no period: whole life?
                                 '<budget type="1"><period-start iso-date="31/12/2020"/><period-end iso-date='
                                 '"2022-12-31"/><value>1000</value></budget>',    # a date that is not one
                                 budget("1000", "2022-12-31", "2020-01-01")])     # its dates swapped
def test_a_budget_without_a_valid_period_beside_others_is_not_added_to_them(tmp_path, odd):
    """Before: a whole-life budget of 1000 without period-start/period-end beside its two years (500 each) was
    added to them: 2000 for 1000, without a word."""
    years = budget("500", "2021-01-01", "2021-12-31") + budget("600", "2022-01-01", "2022-12-31")
    source = load(tmp_path, activity(body=odd + years + transaction("300")))
    assert source.tables["budget"]["budget"].isna().all() and len(source.tables["budget"]) == 1
    said = next(p for p in source.problems if p.rule == "iati_budget_period")
    assert said.severity == "warning" and said.element == "iati-activity[XM-1]/budget[1]/value"
    assert "not computed" in said.message
    alone = load(tmp_path / "alone", activity(body=odd + transaction("300")))  # alone, it is the budget
    assert alone.tables["budget"]["budget"].tolist() == [1000.0] and "iati_budget_period" not in rules(alone)


def test_a_budget_without_a_period_at_least_the_sum_of_the_others_is_the_whole_life_budget(tmp_path):
    years = budget("500", "2021-01-01", "2021-12-31") + budget("500", "2022-01-01", "2022-12-31")
    source = load(tmp_path, activity(body='<budget type="1"><value>1000</value></budget>' + years))
    assert source.tables["budget"]["budget"].tolist() == [1000.0]  # not 2000
    said = next(p for p in source.problems if p.rule == "iati_budget_period")
    assert said.severity == "warning" and "whole-life budget" in said.message


def test_budget_lines_are_activities_and_spending_is_per_transaction(tmp_path):
    source = load(tmp_path, activity("XM-1", budget("100") + transaction("30") + transaction("20", "3",
                                                                                               "2021-09-30")),
                  activity("XM-2", budget("50") + transaction("99", "2")))  # commitment: not spending
    spent = source.tables["expenditure"]
    assert spent[["line", "amount"]].values.tolist() == [["XM-1", 30.0], ["XM-1", 20.0]]
    assert spent["period_end"].tolist() == [pd.Timestamp("2021-06-30"), pd.Timestamp("2021-09-30")]
    assert source.tables["budget"]["line"].tolist() == ["XM-1", "XM-2"]


def test_disbursements_and_expenditures_each_within_the_budget_and_together_above_it_are_said(tmp_path):
    """Before: an activity disbursing 800 000 to its partner (type 3) and reporting the partner's expenditures of
    750 000 (type 4), budget 1 000 000: both counted, a spending of 1 550 000 (155 %) without a word. It is now
    said (the same money counted twice?), with both sums; each above the budget alone, or together within it, not."""
    body = budget("1000000", "2021-01-01", "2022-12-31") + transaction("800000", "3", "2021-03-01") + transaction(
        "350000", "4", "2021-09-30") + transaction("400000", "4", "2022-03-31")
    source = load(tmp_path, activity(body=body))
    assert source.tables["expenditure"]["amount"].sum() == 1550000   # (which is the same money is not known)
    said = [p for p in source.problems if p.rule == "iati_disbursed_and_spent"]
    assert [(p.element, p.severity) for p in said] == [("iati-activity[XM-1]/transaction[2]/value", "warning")]
    assert ("disbursements (type 3, 800000 EUR) and its expenditures (type 4, 750000 EUR) up to the reporting date "
            "are each within its budget (1000000 EUR), together 155.0 % of it" in said[0].message)
    assert "spending: [3]" in said[0].hint
    within = load(tmp_path / "within", activity(body=body.replace("800000", "200000")))
    assert "iati_disbursed_and_spent" not in rules(within)
    assert "iati_disbursed_and_spent" not in rules(load(tmp_path / "one", activity(body=body), spending=["4"]))


def test_a_donors_disbursements_to_its_implementer_read_as_spending_are_said_to_be_transfers(tmp_path):
    """Before: SDC's activity (budget 2 000 000) paying the ILO 800 000 twice (disbursements, receiver-org
    XM-DAC-41302), its file alone in iati/: 1 600 000 « spent », a financial execution rate of 80 %, though that is
    what SDC handed over, not what the ILO spent. It is now said once for the files; an activity that also spends
    itself (type 4), or pays its own organisation, is not."""
    pay = ('<transaction><transaction-type code="3"/><transaction-date iso-date="{}"/><value>800000</value>'
           '<receiver-org ref="{}"><narrative>ILO</narrative></receiver-org></transaction>')
    head = '<reporting-org ref="CH-4" type="10"><narrative>SDC</narrative></reporting-org>' + budget(
        "2000000", "2019-01-01", "2022-12-31")
    body = head + pay.format("2019-03-01", "XM-DAC-41302") + pay.format("2021-03-01", "XM-DAC-41302")
    source = load(tmp_path, activity("CH-4-2019001", body))
    assert source.tables["expenditure"]["amount"].sum() == 1600000   # (still the figure: it may be the one wanted)
    said = [p for p in source.problems if p.rule == "iati_transfers_as_spending"]
    assert [(p.element, p.severity) for p in said] == [("iati-activity[CH-4-2019001]", "warning")]
    assert ("1 activity (CH-4-2019001) reports as spending only disbursements to other organisations (XM-DAC-41302), "
            "1600000 EUR" in said[0].message)
    spends = load(tmp_path / "spends", activity("CH-4-2019001", body + transaction("1000", "4")))
    assert "iati_transfers_as_spending" not in rules(spends)
    own = load(tmp_path / "own", activity("CH-4-2019001", head + pay.format("2019-03-01", "ch-4")))
    assert "iati_transfers_as_spending" not in rules(own)


def test_an_activity_twice_that_project_yaml_does_not_keep_stops_nothing(tmp_path):
    """Before: two yearly downloads of a publisher's portfolio (2021.xml, 2022.xml), project.yaml keeping one project
    (iati.activities: [XM-B]), were refused for XM-A, in both files but kept by no one: « its money would be counted
    twice », an error, though it counts nowhere. An activity kept twice is still an error."""
    folder = tmp_path / "iati"
    write(folder, activity("XM-A", budget("1000") + transaction("300")), activity("XM-B", budget("500")),
          name="2021.xml")
    write(folder, activity("XM-A", budget("1000") + transaction("300")), activity("XM-C", budget("500")),
          name="2022.xml")
    one = iati.load_iati(folder, params(activities=["XM-B"]))
    assert rules(one) == [] and one.tables["budget"]["budget"].tolist() == [500.0]
    both = iati.load_iati(folder, params(activities=["XM-A", "XM-B"]))
    assert [(p.rule, p.severity, p.element) for p in both.problems] == [
        ("iati_duplicate_activity", "error", "iati-activity[XM-A]")]
    prefixed = iati.load_iati(folder, params(activity_prefix="XM-C"))
    assert "iati_duplicate_activity" not in rules(prefixed)
    assert "iati_duplicate_activity" in rules(iati.load_iati(folder, params()))


def test_a_donors_disbursements_naming_no_receiver_go_to_the_implementer_it_names(tmp_path):
    """Before: SDC's file (reporting-org CH-4) naming the ILO as the implementing organisation (participating-org
    role 4), its disbursements of 400 000 and 300 000 naming no receiver-org: 700 000 « spent », 70 % executed, and
    nothing said, though that is what SDC handed the ILO. It is said now, naming the implementer; an activity whose
    publisher implements too, or that names no implementer, is not."""
    orgs = ('<reporting-org ref="CH-4" type="10"><narrative>SDC</narrative></reporting-org>'
            '<participating-org role="1" ref="CH-4"/><participating-org role="4" ref="XM-DAC-41302">'
            '<narrative>International Labour Organization</narrative></participating-org>')
    paid = budget("1000000") + transaction("400000", "3", "2021-02-01") + transaction("300000", "3", "2022-02-01")
    source = load(tmp_path, activity("CH-4-2019001", orgs + paid))
    assert source.tables["expenditure"]["amount"].sum() == 700000   # (still the figure: it may be the one wanted)
    said = [p for p in source.problems if p.rule == "iati_transfers_as_spending"]
    assert len(said) == 1 and ("1 activity (CH-4-2019001) reports as spending only disbursements to other "
                               "organisations (XM-DAC-41302), 700000 EUR") in said[0].message
    named = load(tmp_path / "named", activity("CH-4-2019001", orgs.replace(' ref="XM-DAC-41302"', "") + paid))
    assert "(International Labour Organization)" in next(p.message for p in named.problems
                                                         if p.rule == "iati_transfers_as_spending")
    both = load(tmp_path / "both", activity("CH-4-2019001", orgs + '<participating-org role="4" ref="ch-4"/>' + paid))
    nobody = load(tmp_path / "nobody", activity("CH-4-2019001", paid))
    assert "iati_transfers_as_spending" not in rules(both) + rules(nobody)


def test_the_period_label_holds_the_transactions_description_as_data_readme_says(tmp_path):
    """Before: « expenditure 2021-06-30 » only, the description data/README promises left out."""
    described = ('<description><narrative>Aggregated spend data - Financial Year 2021 Quarter 1</narrative>'
                 '<narrative xml:lang="fr">Dépenses agrégées - T1</narrative></description>')
    source = load(tmp_path, activity(body=budget("100") + transaction("30", extra=described)
                                     + transaction("20", "3", "2021-09-30", "<description><narrative>"
                                                   + "x" * 100 + "</narrative></description>") + transaction("5")),
                  language="en")
    labels = source.tables["expenditure"]["period_label"].tolist()
    assert labels[0] == "expenditure 2021-06-30 (Aggregated spend data - Financial Year 2021 Quarter 1)"
    assert labels[1] == f"disbursement 2021-09-30 ({'x' * 59}…)" and labels[2] == "expenditure 2021-06-30"


def test_the_1_0x_names_of_result_types_and_activity_statuses_are_read_as_their_codes(tmp_path):
    """IATI 1.0x wrote result/@type as a name (output, outcome, impact) where 2.0x writes 1, 2, 3: the level was
    left empty in the IPTT. An activity-status written as its name (Cancelled) was not said as code 5 is. A type
    that is neither (« Résultat ») is said; 9 (other) has no level, silently, as before."""
    def result(kind: str) -> str:
        return f'<result type="{kind}">' + indicator(period('<target value="10"/>', '<actual value="5"/>')) + "</result>"

    source = load(tmp_path, activity("XM-1", "".join(result(k) for k in ("output", "Outcome", "IMPACT", "other", "9",
                                                                          "produit", "Résultat"))),
                  activity("XM-2", '<activity-status code="Cancelled"/>' + budget("400") + transaction("10")))
    table = source.tables["indicators"]
    assert table["level"].fillna("").tolist() == ["output", "outcome", "impact", "", "", "output", ""]
    said = [p for p in source.problems if p.rule == "iati_result_type"]
    assert [(p.severity, p.element, p.value) for p in said] == [
        ("warning", "iati-activity[XM-1]/result[7]/@type", "Résultat")]
    assert rules(source) == ["iati_result_type", "iati_cancelled"]


def test_a_cancelled_activity_whose_budget_is_counted_is_warned_about(tmp_path):
    """Before: a cancelled activity (activity-status 5) kept its budget in every rate without a word."""
    source = load(tmp_path, activity("XM-1", '<activity-status code="5"/>' + budget("400") + transaction("10")),
                  activity("XM-2", '<activity-status code="2"/>' + budget("100")))
    assert source.tables["budget"]["budget"].sum() == 500  # counted, as the file says, and said
    cancelled = [p for p in source.problems if p.rule == "iati_cancelled"]
    assert [(p.element, p.severity) for p in cancelled] == [("iati-activity[XM-1]", "warning")]
    assert "400" in cancelled[0].message


def test_a_budget_after_the_projects_end_is_counted_and_said(tmp_path):
    """Before: a budget for 2024 in a project ending 2023-12-31 (an extension the dates do not say) was counted in
    every rate's denominator while the time elapsed ran to 2023: the burn index low, behind schedule, nothing said."""
    source = load(tmp_path, activity("XM-1", budget("400") + budget("600", "2024-01-01", "2024-12-31")
                                     + transaction("10")), activity("XM-2", budget("100")))
    assert source.tables["budget"]["budget"].tolist() == [1000.0, 100.0]  # counted, as the file says, and said
    after = [p for p in source.problems if p.rule == "iati_budget_after_end"]
    assert [(p.element, p.severity, p.value) for p in after] == [("iati-activity[XM-1]/budget[2]/value", "warning",
                                                                  "2024-01-01")]
    assert "2023-12-31" in after[0].message and "XM-1" in after[0].message
    # a financial year across the end (2023-04-01..2024-03-31) is the project's: nothing said
    across = load(tmp_path / "b", activity("XM-1", budget("400", "2023-04-01", "2024-03-31")))
    assert "iati_budget_after_end" not in rules(across)


def test_a_budget_of_more_than_a_year_past_the_end_is_counted_and_said(tmp_path):
    """Before: a budget of 2020-01-01..2025-12-31 (six years, IATI allows one) for a project ending 2023-12-31 was
    counted whole without a word, its two years after the end in every rate's denominator, the burn index low
    (« behind schedule »); _budgets_after_end says only budgets that start after the end."""
    source = load(tmp_path, activity("XM-1", budget("4000", "2020-01-01", "2025-12-31") + transaction("10")),
                  activity("XM-2", budget("100")))
    assert source.tables["budget"]["budget"].tolist() == [4000.0, 100.0]   # counted, as the file says, and said
    said = [p for p in source.problems if p.rule == "iati_budget_across_end"]
    assert [(p.element, p.severity, p.value) for p in said] == [
        ("iati-activity[XM-1]/budget[1]/value", "warning", "2020-01-01..2025-12-31")]
    # 731 of its 2 192 days after the end: 4 000 x 731 / 2 192
    assert "about 1334 EUR" in said[0].message and "2023-12-31" in said[0].message
    # a financial year across the end, or a long budget within the project's dates, changes no figure: not said
    for name, start, end in (("fy", "2023-04-01", "2024-03-31"), ("inside", "2020-01-01", "2023-12-31"),
                             ("year", "2023-01-01", "2024-01-01")):
        quiet = load(tmp_path / name, activity("XM-1", budget("400", start, end)))
        assert "iati_budget_across_end" not in rules(quiet), name


def test_a_budget_of_more_than_a_year_within_the_dates_is_a_remark(tmp_path):
    """A budget of 2020-01-01..2021-12-31 (two years; the IATI 2.03 rules: a budget's period a year at most) inside a
    project of 2020-2023: nothing said. Counted whole as before (it changes no figure), now a remark naming it; a
    year exactly, or two yearly budgets, are not said."""
    source = load(tmp_path, activity("XM-1", budget("4000", "2020-01-01", "2021-12-31") + transaction("10")),
                  activity("XM-2", budget("100")))
    assert source.tables["budget"]["budget"].tolist() == [4000.0, 100.0]
    said = [p for p in source.problems if p.rule == "iati_budget_long"]
    assert [(p.element, p.severity, p.value) for p in said] == [
        ("iati-activity[XM-1]/budget[1]/value", "warning", "2020-01-01..2021-12-31")]
    assert "change no figure" in said[0].message and said[0].hint.startswith("Nothing to change")
    for name, body in (("year", budget("400", "2021-01-01", "2022-01-01")),
                       ("yearly", budget("400", "2020-01-01", "2020-12-31") + budget("400", "2021-01-01", "2021-12-31")),
                       ("past", budget("400", "2020-01-01", "2025-12-31"))):   # (past the end: iati_budget_across_end)
        assert "iati_budget_long" not in rules(load(tmp_path / name, activity("XM-1", body))), name


def test_a_suspended_activity_is_counted_and_said(tmp_path):
    """Before: an activity suspended (activity-status 6) was counted as a running one, nothing said: its spending
    stopped, its low rate and burn index read as the pace of the work."""
    source = load(tmp_path, activity("XM-1", '<activity-status code="6"/>' + budget("400") + transaction("10")),
                  activity("XM-2", '<activity-status code="2"/>' + budget("100")))
    assert source.tables["budget"]["budget"].sum() == 500
    suspended = [p for p in source.problems if p.rule == "iati_suspended"]
    assert [(p.element, p.severity) for p in suspended] == [("iati-activity[XM-1]", "warning")]
    assert "400" in suspended[0].message and "suspended" in suspended[0].message


def test_spending_transaction_types_come_from_the_params(tmp_path):
    source = load(tmp_path, activity(body=budget("100") + transaction("30", "3") + transaction("20", "4")),
                  spending=["4"])
    assert source.tables["expenditure"]["amount"].tolist() == [20.0]


def test_the_letter_codes_of_iati_1_are_read_as_2_01_renumbered_them_and_said(tmp_path):
    """Before: a 2.0x file whose transactions kept the 1.0x letters (D, E: some publishers' tools still write them)
    had no spending at all, without a word (0 % executed for 500 spent)."""
    dates = ('<activity-date type="start-actual" iso-date="2021-03-01"/>'
             '<participating-org role="Funding"><narrative>Donor</narrative></participating-org>')
    source = load(tmp_path, activity(body=dates + budget("1000") + transaction("300", "D") + transaction("200", "e")
                                     + transaction("900", "C") + transaction("50", "4", "2021-02-01")))
    assert source.tables["expenditure"]["amount"].tolist() == [300.0, 200.0, 50.0]
    said = [p for p in source.problems if p.rule == "iati_transaction_type"]
    assert [(p.severity, p.element) for p in said] == [
        ("warning", "iati-activity[XM-1]/transaction[1]/transaction-type/@code")]
    assert "C = 2 (outgoing commitment), D = 3 (disbursement), e = 4 (expenditure)" in said[0].message
    # the 1.0x activity-date words are read too: the expenditure before the actual start is said
    assert "iati_outside_dates" in rules(source)
    assert iati.about(source.activities, "fr").donor == "Donor"


@pytest.mark.parametrize("version", ["1.05", None])
def test_a_file_of_version_1_is_refused_in_the_projects_language(tmp_path, capsys, version):
    """Before: make import-iati of a version 1.05 file (or one without version) said « Nothing was created: IATI
    version 1.05 is not read » in English only, for a French project."""
    from helpers.__main__ import _created
    from helpers.errors import ValidationFailed

    folder = tmp_path / "iati"
    write(folder, activity(body=budget("100")), version=version or "")
    if version is None:
        (folder / "file.xml").write_text((folder / "file.xml").read_text().replace(' version=""', ""))
    problems = [p for p in iati.load_iati(folder, params()).problems if p.rule == "iati_version"]

    def refused():
        raise ValidationFailed(problems)
    assert not _created("x", refused, "fr")
    said = capsys.readouterr().err
    assert said.startswith("Rien n'a été créé :") and "Téléchargez le fichier en version 2.03" in said
    assert f"la version IATI {version or '(aucune)'} n'est pas lue" in said and "[iati_version]" in said
    assert not _created("x", refused, "en")
    assert f"IATI version {version or '(none)'} is not read" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".xml.gz", ".xml"])
def test_a_compressed_download_is_refused_saying_to_unpack_it_not_to_download_it_again(tmp_path, capsys, suffix):
    """Before: make import-iati of activities.xml.gz (or a gzip saved as .xml, in iati/) said « the file is not
    well-formed XML (Start tag expected) », « Download the file again »: the same archive again."""
    import gzip
    import zipfile

    from helpers.__main__ import _created

    plain = write(tmp_path / "src", activity(body=budget("100")))
    packed = tmp_path / f"activities{suffix}"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    with pytest.raises(ValidationFailed) as refused:
        import_iati(packed, "p", data_dir=tmp_path / "data", params_dir=tmp_path / "params")
    assert [(p.rule, p.value) for p in refused.value.problems] == [("iati_xml_syntax", "gzip")]
    assert "not XML" in refused.value.problems[0].message and "Unpack it" in refused.value.problems[0].hint
    assert not (tmp_path / "data").exists()

    def fail():
        raise refused.value
    assert not _created("p", fail, "fr")
    said = capsys.readouterr().err
    assert "le fichier est une archive gzip" in said and "Décompressez-le (7-Zip, gunzip)" in said
    folder = tmp_path / "zipped" / "iati"
    folder.mkdir(parents=True)
    with zipfile.ZipFile(folder / "activities.xml", "w") as archive:
        archive.writestr("activities.xml", plain.read_text())
    problems = iati.load_iati(folder, params()).problems
    assert [(p.rule, p.value, p.severity) for p in problems] == [("iati_xml_syntax", "zip", "error")]


@pytest.mark.parametrize("page", [b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body/></html>",
                                  b"<!doctype html><html><head><meta charset=utf-8><title>IATI</title><body><br>"])
def test_an_error_page_saved_as_the_iati_file_is_said_to_be_a_web_page(tmp_path, capsys, page):
    """Before: a failed download (a registry link that no longer works gives a web page, saved as activities.xml)
    was refused « the file declares a DTD, which could expand entities or read other files... do not use a file
    from an unknown source » (<!DOCTYPE html>), or « not well-formed XML: download it again »."""
    from helpers.__main__ import _created

    source = tmp_path / "activities.xml"
    source.write_bytes(page)
    with pytest.raises(ValidationFailed) as refused:
        import_iati(source, "p", data_dir=tmp_path / "data", params_dir=tmp_path / "params")
    problem, = refused.value.problems
    assert (problem.rule, problem.value) == ("iati_not_activity_file", "html")
    assert "web page (HTML)" in problem.message and "DTD" not in problem.message
    assert ("404 Not Found" in problem.message) == (b"404" in page)

    def fail():
        raise refused.value
    assert not _created("p", fail, "fr")
    assert "le fichier est une page web (HTML)" in capsys.readouterr().err


def test_a_transaction_naming_two_countries_in_an_activity_without_any_says_where_its_money_goes(tmp_path):
    """Before: a transaction naming MA 60 % and TN 40 % in an activity naming no country was counted as the project's
    whole (regional), the warning saying only « split as the activity's »: no country annex showed it."""
    two = '<recipient-country code="MA" percentage="60"/><recipient-country code="TN" percentage="40"/>'
    source = load(tmp_path, activity(body=budget("1000") + transaction("300", extra=two)))
    assert source.tables["expenditure"][["country", "amount"]].values.tolist() == [["regional", 300.0]]
    split = next(p for p in source.problems if p.rule == "iati_country_split")
    assert "the project's as a whole: no country annex shows it" in split.message and "(MA)" in split.message


def test_importing_a_parent_and_its_children_with_spending_writes_the_project(tmp_path):
    """Before: make import-iati of a programme (level 1, 600 spent) and its two children (400 and 200 spent) stopped
    with a traceback (AttributeError: no reporting_date), the reading made before project.yaml has one comparing the
    parent's spending with the children's up to it."""
    parent = activity("XM-P", budget("1000") + transaction("600"), attrs='default-currency="EUR" hierarchy="1"')
    children = [activity(f"XM-P-{n}", budget(b) + transaction(s) + '<related-activity ref="XM-P" type="1"/>',
                         attrs='default-currency="EUR" hierarchy="2"') for n, b, s in ((1, "600", "400"),
                                                                                        (2, "400", "200"))]
    source = write(tmp_path / "in", parent, *children)
    written = import_iati(source, "demo", "fr", tmp_path / "data", tmp_path / "params")
    assert tmp_path / "params" / "demo" / "project.yaml" in written
    project = yaml.safe_load((tmp_path / "params" / "demo" / "project.yaml").read_text(encoding="utf-8"))
    assert project["code"] == "XM-P" and project["reporting_date"] == dt.date(2021, 6, 30)


def test_a_donors_file_names_the_implementing_organisation_as_implementer(tmp_path):
    """Before: SDC's record of a project the ILO implements (participating-org role 4) was imported as « implementer:
    SDC », shown as the implementer on every annex. The implementing organisation is the implementer when the
    publisher is not one of them; a publisher naming itself implementing (with a partner) stays the implementer."""
    sdc = ('<reporting-org ref="CH-4" type="10"><narrative>SDC</narrative></reporting-org>'
           '<participating-org role="1" ref="CH-4"><narrative>SDC</narrative></participating-org>'
           '<participating-org role="4" ref="XM-DAC-41302"><narrative>ILO</narrative></participating-org>')
    source = load(tmp_path, activity("CH-4-1", sdc + budget("1000")))
    about = iati.about(source.activities, "en")
    assert (about.implementer, about.donor) == ("ILO", "SDC")
    ilo = ('<reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>'
           '<participating-org role="4" ref="XM-DAC-41302"><narrative>ILO</narrative></participating-org>'
           '<participating-org role="4"><narrative>Ministère du Travail</narrative></participating-org>')
    source = load(tmp_path / "b", activity("XM-DAC-41302-1", ilo + budget("1000")))
    assert iati.about(source.activities, "en").implementer == "ILO"


@pytest.mark.parametrize("kind", ["", "99", "Disbursement"])
def test_a_transaction_without_a_known_type_is_said_not_left_out_silently(tmp_path, kind):
    typed = f'<transaction-type code="{kind}"/>' if kind else ""
    source = load(tmp_path, activity(body=budget("1000") + transaction("100") + (
        f'<transaction>{typed}<transaction-date iso-date="2021-06-30"/><value>300</value></transaction>')))
    assert source.tables["expenditure"]["amount"].tolist() == [100.0]
    said = next(p for p in source.problems if p.rule == "iati_transaction_type")
    assert said.severity == "warning" and said.element == "iati-activity[XM-1]/transaction[2]/transaction-type/@code"
    assert "300" in said.message and "not counted" in said.message


def test_spending_dated_after_the_file_was_written_is_not_counted_and_not_the_reporting_date(tmp_path):
    """Before: a file generated on 2022-01-15 with a disbursement dated 2023-06-30 (a planned payment written as a
    transaction) had it spent (500 of 1000, 50 %, for 300, 30 %), and make import-iati took 2023-06-30 as the
    reporting date, without a word."""
    folder = tmp_path / "iati"
    write(folder, activity(body=budget("1000", "2020-01-01", "2023-12-31") + transaction("300", date="2021-06-30")
                           + transaction("200", "3", date="2023-06-30")))
    path = folder / "file.xml"
    path.write_text(path.read_text().replace('version="2.03"', 'version="2.03" generated-datetime='
                                             '"2022-01-15T10:00:00Z"'), encoding="utf-8")
    source = iati.load_iati(folder, params())
    assert source.tables["expenditure"]["amount"].tolist() == [300.0]
    said = next(p for p in source.problems if p.rule == "iati_future_transaction")
    assert said.severity == "warning" and said.element == "iati-activity[XM-1]/transaction[2]/value"
    assert "2023-06-30" in said.message and "2022-01-15" in said.message
    assert iati.about(source.activities, "fr").reporting_date == dt.date(2021, 6, 30)
    # no spending paid yet: not the end of the last budget (2023-12-31) but the day the file was written
    path.write_text(path.read_text().replace('"2021-06-30"', '"2022-06-30"'), encoding="utf-8")
    later = iati.load_iati(folder, params())
    assert later.tables["expenditure"].empty
    assert iati.about(later.activities, "fr").reporting_date == dt.date(2022, 1, 15)


def test_reimbursements_left_out_of_the_spending_are_said_with_their_amount(tmp_path):
    """Before: an activity paying its partners by reimbursement (type 7: a disbursement of money the recipient
    already spent) had 0 spent against its budget, without a word."""
    body = budget("1000") + transaction("300", "7") + transaction("200", "7", "2021-09-30")
    source = load(tmp_path, activity(body=body))
    assert source.tables["expenditure"].empty
    said = next(p for p in source.problems if p.rule == "iati_reimbursement")
    assert said.severity == "warning" and said.element == "iati-activity[XM-1]/transaction[1]/value"
    assert "2 reimbursement(s)" in said.message and "500 EUR" in said.message and "[3, 4, 7]" in said.hint
    counted = load(tmp_path / "counted", activity(body=body), spending=["3", "4", "7"])
    assert counted.tables["expenditure"]["amount"].sum() == 500 and "iati_reimbursement" not in rules(counted)


def test_a_transaction_written_twice_with_its_ref_is_counted_once(tmp_path):
    """Before: a file merged from two downloads, repeating the expenditure ref TX-1 (same type, date and value),
    had it spent twice (600 for 300), without a word."""
    paid = ('<transaction ref="TX-1"><transaction-type code="4"/><transaction-date iso-date="2021-06-30"/>'
            '<value>300</value></transaction>')
    source = load(tmp_path, activity(body=budget("1000") + paid + paid + paid.replace("TX-1", "TX-2")
                                     + transaction("300") + transaction("300")))  # without ref: two payments
    assert source.tables["expenditure"]["amount"].tolist() == [300.0, 300.0, 300.0, 300.0]
    said = [p for p in source.problems if p.rule == "iati_transaction_twice"]
    assert [(p.element, p.severity) for p in said] == [("iati-activity[XM-1]/transaction[2]/value", "warning")]
    assert "transaction[1]" in said[0].message and "TX-1" in said[0].message


def test_the_parts_of_one_payment_split_by_country_or_sector_under_its_ref_are_each_counted(tmp_path):
    """Before: a disbursement the publisher splits into one transaction per recipient country (MA 500, TN 500) or
    per sector, each under the payment's ref, was read as one transaction written twice: Tunisia's 500 (or the
    second sector's) dropped, « counted once: nothing to do if it is a copy ». A copy repeats the country, region,
    sector and organisations too."""
    def paid(country: str, extra: str = "") -> str:
        return ('<transaction ref="AID-OAA-17-001"><transaction-type code="3"/><transaction-date iso-date="2021-06-30"/>'
                f'<value>500</value><recipient-country code="{country}"/>{extra}</transaction>')
    split = '<recipient-country code="MA" percentage="50"/><recipient-country code="TN" percentage="50"/>'
    source = load(tmp_path, activity(body=split + budget("2000") + paid("MA") + paid("TN") + paid("TN")))
    spent = source.tables["expenditure"]
    assert sorted(zip(spent["country"], spent["amount"])) == [("MA", 500.0), ("TN", 500.0)]   # (TN's copy once)
    assert [p.element for p in source.problems if p.rule == "iati_transaction_twice"] == [
        "iati-activity[XM-1]/transaction[3]/value"]
    sectors = load(tmp_path / "sectors", activity(body=budget("2000") + paid("MA", '<sector code="16020"/>')
                                                  + paid("MA", '<sector code="15110"/>')))
    assert sectors.tables["expenditure"]["amount"].tolist() == [500.0, 500.0]
    assert "iati_transaction_twice" not in rules(sectors)


def test_a_country_whose_last_payment_is_before_the_reporting_date_is_covered_by_the_files_date(tmp_path):
    """Before: one activity per country, the file written on 2022-01-20, reporting date 2021-12-31: Libya's last
    expenditure (2021-09-30) made its spending « not computable: the expenditure data ends on 2021-09-30 », and the
    whole project's with it (53.3 % executed shown n.d.). A transaction is an event: the file says nothing was
    paid since."""
    from helpers.analyses.budget import budget_summary
    dates = '<activity-date type="2" iso-date="2020-01-01"/><recipient-country code="{}"/>'
    folder = tmp_path / "iati"
    write(folder, activity("XM-MAR", dates.format("MA") + budget("1000") + transaction("300") + transaction(
        "400", date="2021-12-31")), activity("XM-LBY", dates.format("LY") + budget("500") + transaction(
            "100", date="2021-09-30")))
    path = folder / "file.xml"
    path.write_text(path.read_text().replace('version="2.03"', 'version="2.03" generated-datetime="2022-01-20"'),
                    encoding="utf-8")
    project = params(reporting_date=dt.date(2021, 12, 31))
    source = iati.load_iati(folder, project)
    spent = source.tables["expenditure"]
    summary = budget_summary(source.tables["budget"], spent, project).iloc[0]
    assert summary["spent"] == 800 and round(summary["financial_execution_rate"], 1) == 53.3
    added = spent[spent["amount"] == 0]
    assert added[["line", "country"]].values.tolist() == [["XM-LBY", "LY"]]
    assert added["period_label"].tolist() == ["aucune transaction publiée après le 2021-09-30 (fichier IATI du "
                                              "2022-01-20)"]
    # a reporting date after the file's day: the file does not say, still not computable
    later = params(reporting_date=dt.date(2022, 3, 31))
    assert iati.load_iati(folder, later).tables["expenditure"]["amount"].ne(0).all()


def test_an_actual_date_after_the_files_day_is_read_as_the_planned_one(tmp_path):
    """Before: a file of 2022-01-15 giving the actual start (type 2) as 2022-06-01 (a date not yet come) beside its
    planned start of 2020-01-01 had make import-iati start the project on 2022-06-01 (the elapsed share and burn
    index of a project begun in 2020 computed from 2022), and the spending of 2021 warned about as before the
    start."""
    folder = tmp_path / "iati"
    write(folder, activity(body='<activity-date type="1" iso-date="2020-01-01"/><activity-date type="2" iso-date='
                           '"2022-06-01"/>' + budget("1000") + transaction("300")))
    path = folder / "file.xml"
    path.write_text(path.read_text().replace('version="2.03"', 'version="2.03" generated-datetime="2022-01-15"'),
                    encoding="utf-8")
    source = iati.load_iati(folder, params())
    assert "iati_outside_dates" not in rules(source)
    said = next(p for p in source.problems if p.rule == "iati_actual_date_future")
    assert said.severity == "warning" and "2022-06-01" in said.message and "(2020-01-01) kept" in said.message
    assert iati.about(source.activities, "fr").start_date == dt.date(2020, 1, 1)


def test_activities_can_be_restricted_by_identifier_or_prefix(tmp_path):
    acts = (activity("XM-A-1", budget("1")), activity("XM-A-2", budget("2")), activity("XM-B-1", budget("4")))
    assert load(tmp_path / "a", *acts, activities=["XM-B-1"]).tables["budget"]["budget"].sum() == 4
    assert load(tmp_path / "b", *acts, activity_prefix="XM-A").tables["budget"]["budget"].sum() == 3
    unknown = load(tmp_path / "c", *acts, activities=["XM-B-2"])
    assert rules(unknown) == ["iati_unknown_activity"] and "XM-B-1" in unknown.problems[0].hint


@pytest.mark.parametrize("prefix, said", [("XM-DAC-41114-PROJECT-0001", True), ("XM-DAC-41114-PROJECT-00012", True),
                                          ("XM-DAC-41114-PROJECT-00012-", False), ("XM-DAC-41114-PROJECT", False)])
def test_a_prefix_that_ends_inside_a_code_keeping_several_projects_is_said(tmp_path, prefix, said):
    """UNDP's project 00012 and 000123 both start with ...-00012: their money was added as one project's, unsaid."""
    acts = [activity(f"XM-DAC-41114-PROJECT-{code}", budget(value)) for code, value in
            (("00012-1", "10"), ("00012-2", "20"), ("000123-1", "400"))]
    source = load(tmp_path, *acts, activity_prefix=prefix)
    assert ("iati_prefix_inside_code" in rules(source, "warning")) == said
    if said and prefix.endswith("00012"):
        assert "(XM-DAC-41114-PROJECT-00012, XM-DAC-41114-PROJECT-000123)" in source.problems[0].message
    if said:
        french = translated(source.problems[0], "fr")
        assert "s'arrête au milieu d'un code" in french.message and french.hint.startswith("Rien à faire")


@pytest.mark.parametrize("blank", ["", " ", "\n  "])
def test_a_blank_currency_on_a_value_is_the_activitys_default(tmp_path, blank):
    """currency=" " (a template's blank) hid the activity's default-currency: « this value has no currency and the
    activity no default-currency », an error, of an activity whose default-currency is EUR."""
    value = f'<value currency="{blank}">100</value>'
    spent = f'<transaction><transaction-type code="4"/><transaction-date iso-date="2021-06-30"/>{value}</transaction>'
    source = load(tmp_path, activity(body=budget("1000") + spent))
    assert source.tables["expenditure"]["amount"].tolist() == [100.0]
    assert "iati_no_currency" not in rules(source) and rules(source, "error") == []


def test_a_programme_kept_by_its_identifier_keeps_its_children_that_carry_its_money(tmp_path):
    """DFID's GB-1-109635 carries no money, its children -101 and -102 all of it: kept alone (iati.activities), the
    budget was empty and nothing spent, said only as « no table has rows for the country 'AL' »."""
    (tmp_path / "iati").mkdir()
    shutil.copy(REAL / "dfid_albania_v201.xml", tmp_path / "iati")
    source = iati.load_iati(tmp_path / "iati", params("GBP", activities=["GB-1-109635"]))
    budget = source.tables["budget"].set_index("line")["budget"]
    assert budget.to_dict() == {"GB-1-109635-101": 162_393.0, "GB-1-109635-102": 40_012.0}  # (the file's budgets)
    assert source.tables["expenditure"]["amount"].sum() == pytest.approx(202_405.0)
    said, = (p for p in source.problems if p.rule == "iati_children_kept")
    assert said.severity == "warning" and "GB-1-109635-101, GB-1-109635-102" in said.message
    french = translated(said, "fr")
    assert "sont gardés avec elle : GB-1-109635-101, GB-1-109635-102 ;" in french.message
    assert french.hint.endswith("à côté de GB-1-109635.")
    # the parent and one of its children listed: the project's choice of components, the other one named
    chosen = iati.load_iati(tmp_path / "iati", params("GBP", activities=["GB-1-109635", "GB-1-109635-101"]))
    assert chosen.tables["budget"]["budget"].sum() == 162_393.0
    said, = (p for p in chosen.problems if p.rule == "iati_children_not_kept")
    assert "not GB-1-109635-102" in said.message and "iati_children_kept" not in rules(chosen)
    french = translated(said, "fr")
    assert "pas GB-1-109635-102 (ses enfants" in french.message and "ajoutez GB-1-109635-102" in french.hint


def test_a_prefix_keeps_the_children_of_the_activities_it_keeps_whatever_their_identifiers(tmp_path):
    """The ILO's programme XM-DAC-41302-AMEM and its country projects XM-DAC-41302-MAR-19-01...: activity_prefix
    XM-DAC-41302-AMEM kept the programme alone, without money, the projects left out unsaid."""
    parent = activity("XM-DAC-41302-AMEM", '<related-activity ref="XM-DAC-41302-MAR-19-01" type="2"/>')
    child = activity("XM-DAC-41302-MAR-19-01", '<related-activity ref="XM-DAC-41302-AMEM" type="1"/>'
                     + budget("700") + transaction("300"))
    other = activity("XM-DAC-41302-TUN-20-01", budget("900"))
    source = load(tmp_path, parent, child, other, activity_prefix="XM-DAC-41302-AMEM")
    assert source.tables["budget"][["line", "budget"]].values.tolist() == [["XM-DAC-41302-MAR-19-01", 700.0]]
    assert source.tables["expenditure"]["amount"].sum() == 300
    said, = (p for p in source.problems if p.rule == "iati_children_kept")
    assert "(iati.activity_prefix)" in said.message and said.value == "XM-DAC-41302-MAR-19-01"
    assert "(iati.activity_prefix), dont les enfants" in translated(said, "fr").message
    # with iati.activities too: those it lists (and their children) that start with the prefix (and theirs)
    both = load(tmp_path / "both", parent, child, other, activity_prefix="XM-DAC-41302-AMEM",
                activities=["XM-DAC-41302-AMEM", "XM-DAC-41302-TUN-20-01"])
    assert both.tables["budget"]["line"].tolist() == ["XM-DAC-41302-MAR-19-01"]


def test_a_programme_not_in_the_files_keeps_the_activities_that_name_it_as_their_parent(tmp_path):
    """d-portal's activities of one country hold the programme's country projects, not the programme: listing the
    programme was an error (« no IATI file holds it ») and nothing was built."""
    child = activity("XM-DAC-41302-MAR-19-01", '<related-activity ref="XM-DAC-41302-AMEM" type="1"/>' + budget("700"))
    other = activity("XM-DAC-41302-TUN-20-01", budget("900"))
    source = load(tmp_path, child, other, activities=["XM-DAC-41302-AMEM"])
    assert source.tables["budget"]["budget"].tolist() == [700.0] and "iati_unknown_activity" not in rules(source)
    said, = (p for p in source.problems if p.rule == "iati_children_kept")
    assert said.severity == "warning" and said.message.endswith("are kept: XM-DAC-41302-MAR-19-01")
    french = translated(said, "fr")
    assert "qu'aucun fichier IATI du projet ne contient" in french.message and french.hint.startswith("Rien")


def test_children_linked_both_ways_and_grandchildren_are_kept_once(tmp_path):
    parent = activity("XM-P", '<related-activity ref="XM-C" type="2"/>')
    child = activity("XM-C", '<related-activity ref="XM-P" type="1"/><related-activity ref="XM-G" type="2"/>')
    grandchild = activity("XM-G", '<related-activity ref="XM-C" type="1"/>' + budget("5"))
    source = load(tmp_path, parent, child, grandchild, activity("XM-O", budget("100")), activities=["XM-P"])
    assert source.tables["budget"][["line", "budget"]].values.tolist() == [["XM-G", 5.0]]
    said, = (p for p in source.problems if p.rule == "iati_children_kept")
    assert said.value == "XM-C, XM-G"


def test_spending_outside_the_activity_dates_is_warned_about_and_counted(tmp_path):
    dates = '<activity-date type="2" iso-date="2021-01-01"/><activity-date type="4" iso-date="2021-12-31"/>'
    source = load(tmp_path, activity(body=dates + budget("100") + transaction("10", date="2022-02-01")
                                     + transaction("5", date="2020-12-01") + transaction("1")))
    assert [p.message.split(" is ")[-1] for p in source.problems if p.rule != "iati_project_dates"] == [
        "after the activity's end (2021-12-31)", "before the activity's start (2021-01-01)"]
    assert source.tables["expenditure"]["amount"].sum() == 16


def test_negative_budgets_and_transactions_are_warned_about(tmp_path):
    source = load(tmp_path, activity(body=budget("100") + budget("-10", "2022-01-01", "2022-12-31", "2")
                                     + transaction("-5")))
    assert rules(source, "warning") == ["iati_negative", "negative_amount"]
    assert rules(source, "error") == []
    assert source.problems[0].element == "iati-activity[XM-1]/budget[2]/value"


# ================================================================= never the same money twice


def test_a_parent_whose_children_report_money_is_not_counted(tmp_path):
    parent = activity("XM-P", budget("1000") + transaction("600") + '<related-activity ref="XM-C1" type="2"/>',
                      attrs='default-currency="EUR" hierarchy="1"')
    child1 = activity("XM-C1", budget("700") + transaction("400"), attrs='default-currency="EUR" hierarchy="2"')
    child2 = activity("XM-C2", budget("300") + transaction("200") + '<related-activity ref="XM-P" type="1"/>',
                      attrs='default-currency="EUR" hierarchy="2"')
    source = load(tmp_path, parent, child1, child2)
    assert source.tables["budget"]["budget"].sum() == 1000  # the children's, not 2000
    assert source.tables["expenditure"]["amount"].sum() == 600
    assert set(source.tables["budget"]["line"]) == {"XM-C1", "XM-C2"}
    hierarchy = [p for p in source.problems if p.rule == "iati_hierarchy"]
    assert len(hierarchy) == 2 and all(p.severity == "warning" for p in hierarchy)  # budget and spending
    assert "XM-C1, XM-C2" in hierarchy[0].message


def test_a_parent_whose_children_report_less_spending_than_it_says_how_much_is_counted_nowhere(tmp_path):
    """Before: a parent reporting 600 spent (its children's, aggregated), one child reporting 300 and the other no
    spending yet: the parent's spending was not counted, the children's 300 was (30 % for 60 %), and the warning
    said only « Nothing to do if the children cover the parent's money ». It now gives both sums, the 300 counted
    nowhere and the child that reports none; children covering it are said as before."""
    parent = activity("XM-P", budget("1000") + transaction("600") + '<related-activity ref="XM-C1" type="2"/>'
                      '<related-activity ref="XM-C2" type="2"/>', attrs='default-currency="EUR" hierarchy="1"')
    child1 = activity("XM-C1", budget("500") + transaction("300"), attrs='default-currency="EUR" hierarchy="2"')
    child2 = activity("XM-C2", budget("500"), attrs='default-currency="EUR" hierarchy="2"')
    source = load(tmp_path, parent, child1, child2)
    assert source.tables["expenditure"]["amount"].sum() == 300
    said = [p for p in source.problems if p.rule == "iati_hierarchy" and "own spending" in p.message]
    assert len(said) == 1 and said[0].severity == "warning"
    assert ("up to the reporting date it reports 600 EUR spent, they 300: 300 EUR of the parent's spending is in no "
            "child's and counted nowhere (XM-C2 reports no spending)" in said[0].message)
    assert "[XM-P]" in said[0].hint
    covered = load(tmp_path / "covered", parent, child1, child2.replace("</iati-activity>", transaction("300")
                                                                         + "</iati-activity>"))
    assert not any("counted nowhere" in p.message for p in covered.problems)


@pytest.mark.parametrize("child_money", [budget("500"), transaction("100")])
def test_a_parent_whose_children_carry_one_kind_of_money_is_counted_whole(tmp_path, child_money):
    """Before: children with budgets only took the parent's budget and left its spending without one (budget not
    computable, and a false warning that the parent reports spending but no budget)."""
    parent = activity("XM-P", budget("1000") + transaction("600", "3") + '<related-activity ref="XM-C1" type="2"/>'
                      '<related-activity ref="XM-C2" type="2"/>', attrs='default-currency="EUR" hierarchy="1"')
    children = [activity(f"XM-C{n}", child_money, attrs='default-currency="EUR" hierarchy="2"') for n in (1, 2)]
    source = load(tmp_path, parent, *children)
    assert source.tables["budget"][["line", "budget"]].values.tolist() == [["XM-P", 1000.0]]
    assert source.tables["expenditure"][["line", "amount"]].values.tolist() == [["XM-P", 600.0]]
    assert "budget_unknown" not in rules(source)
    hierarchy = next(p for p in source.problems if p.rule == "iati_hierarchy")
    assert "XM-C1, XM-C2" in hierarchy.message and "parent's budget and spending are counted" in hierarchy.message


def test_a_parent_and_child_both_with_money_and_no_related_activity_are_said_to_be_counted_both(tmp_path):
    """Before: a level-1 activity GB-1-1 and its level-2 GB-1-1-101 (the publishers' identifier convention), both
    with the same budget and no related-activity, gave twice the budget without a word."""
    parent = activity("GB-1-1", budget("1000") + transaction("600"), attrs='default-currency="EUR" hierarchy="1"')
    child = activity("GB-1-1-101", budget("1000") + transaction("600"), attrs='default-currency="EUR" hierarchy="2"')
    other = activity("GB-1-2", budget("50"), attrs='default-currency="EUR" hierarchy="2"')  # not its child
    source = load(tmp_path, parent, child, other)
    assert source.tables["budget"]["budget"].sum() == 2050  # both counted, as the file gives no link: said
    said = [p for p in source.problems if p.rule == "iati_hierarchy_unlinked"]
    assert [(p.element, p.severity) for p in said] == [("iati-activity[GB-1-1]", "warning")]
    assert "GB-1-1-101" in said[0].message and "GB-1-2" not in said[0].message
    linked = load(tmp_path / "linked", parent, activity("GB-1-1-101", budget("1000") + '<related-activity '
                  'ref="GB-1-1" type="1"/>', attrs='default-currency="EUR" hierarchy="2"'))
    assert "iati_hierarchy_unlinked" not in rules(linked) and "iati_hierarchy" in rules(linked)


def test_a_parent_whose_budget_is_more_than_its_childrens_says_how_much_is_counted_nowhere(tmp_path):
    """Before: a programme (hierarchy 1) of 1 500 000 a year linked to its two country projects (hierarchy 2) of
    1 000 000 and 200 000: the parent's budget was left out for its children's, and the 300 000 a year it keeps for
    itself (coordination) counted nowhere: a budget of 2 400 000 for 3 000 000, the warning saying only « the
    parent's budget is not counted ». Both sums are now given; children holding the whole say nothing more."""
    years = budget("1500000") + budget("1500000", "2022-01-01", "2022-12-31")
    parent = activity("XM-P", years + '<related-activity ref="XM-C1" type="2"/><related-activity ref="XM-C2" '
                      'type="2"/>', attrs='default-currency="EUR" hierarchy="1"')
    child1 = activity("XM-C1", budget("1000000") + budget("1000000", "2022-01-01", "2022-12-31")
                      + transaction("800000"), attrs='default-currency="EUR" hierarchy="2"')
    child2 = activity("XM-C2", budget("200000") + budget("200000", "2022-01-01", "2022-12-31")
                      + transaction("300000"), attrs='default-currency="EUR" hierarchy="2"')
    source = load(tmp_path, parent, child1, child2)
    assert source.tables["budget"]["budget"].sum() == 2400000   # (the children's, as before: now said)
    said = [p for p in source.problems if p.rule == "iati_hierarchy_budget"]
    assert [(p.element, p.severity) for p in said] == [("iati-activity[XM-P]", "warning")]
    assert ("activity XM-P (hierarchy 1) has a budget of 3000000 EUR, its children (XM-C1, XM-C2) 2400000: the "
            "parent's budget is not counted (theirs is), so 600000 EUR of it, in no child's budget, is counted "
            "nowhere" in said[0].message and "[XM-P]" in said[0].hint)
    whole = load(tmp_path / "whole", parent, child1, child2.replace('"200000"', '"500000"').replace(
        ">200000<", ">500000<"))
    assert whole.tables["budget"]["budget"].sum() == 3000000 and "iati_hierarchy_budget" not in rules(whole)


def test_activities_of_two_levels_that_nothing_links_are_said_with_their_sums(tmp_path):
    """Before: a programme (hierarchy 1, XM-DAC-41302-AMEM, 3 000 000) and its country projects (hierarchy 2,
    XM-DAC-41302-MAR-19-01 and -TUN-19-02, 2 000 000 + 1 000 000), no related-activity, identifiers unlike: the
    budget was 6 000 000, without a word. The levels' sums are now said (both counted: nothing tells it is one
    money), and that the upper level's is the lower's sum."""
    org = '<reporting-org ref="XM-DAC-41302" type="40"><narrative>OIT</narrative></reporting-org>'
    programme = activity("XM-DAC-41302-AMEM", org + budget("3000000"), attrs='default-currency="EUR" hierarchy="1"')
    morocco = activity("XM-DAC-41302-MAR-19-01", org + budget("2000000") + transaction("800000"),
                       attrs='default-currency="EUR" hierarchy="2"')
    tunisia = activity("XM-DAC-41302-TUN-19-02", org + budget("1000000") + transaction("300000"),
                       attrs='default-currency="EUR" hierarchy="2"')
    source = load(tmp_path, programme, morocco, tunisia)
    assert source.tables["budget"]["budget"].sum() == 6000000
    said = [p for p in source.problems if p.rule == "iati_hierarchy_levels"]
    assert [(p.element, p.severity, p.value) for p in said] == [
        ("iati-activity[XM-DAC-41302-AMEM]", "warning", "1: 3000000, 2: 3000000")]
    assert ("(hierarchy 1: 1 activity (XM-DAC-41302-AMEM), budget 3000000 EUR; hierarchy 2: 2 activities "
            "(XM-DAC-41302-MAR-19-01, XM-DAC-41302-TUN-19-02), budget 3000000 EUR): the budget of level 1 is that of "
            "level 2, evidently the same money" in said[0].message)
    # a parent without @hierarchy is level 1 (IATI's default); linked, or one level only: nothing said
    bare = load(tmp_path / "bare", programme.replace(' hierarchy="1"', ""), morocco, tunisia)
    assert [p.value for p in bare.problems if p.rule == "iati_hierarchy_levels"] == ["1: 3000000, 2: 3000000"]
    linked = load(tmp_path / "linked", programme, morocco.replace("</iati-activity>", '<related-activity '
                  'ref="XM-DAC-41302-AMEM" type="1"/></iati-activity>'), tunisia.replace(
                  "</iati-activity>", '<related-activity ref="XM-DAC-41302-AMEM" type="1"/></iati-activity>'))
    assert "iati_hierarchy_levels" not in rules(linked) and linked.tables["budget"]["budget"].sum() == 3000000
    flat = load(tmp_path / "flat", programme, morocco.replace(' hierarchy="2"', ' hierarchy="1"'))
    assert "iati_hierarchy_levels" not in rules(flat)
    # a publisher without reporting-org/@ref is named by its file, as written (it was said in capitals:
    # « activities of /TMP/.../IATI/FILE.XML », a path that does not exist)
    unnamed = load(tmp_path / "unnamed", *(a.replace(org, "") for a in (programme, morocco, tunisia)))
    said = [p for p in unnamed.problems if p.rule == "iati_hierarchy_levels"]
    assert len(said) == 1 and said[0].message.startswith(f"activities of {said[0].file} at different"), said


@pytest.mark.parametrize("links", [("1", "1"), ("2", "2")])
def test_two_activities_each_the_others_parent_do_not_both_vanish(tmp_path, links):
    """Before: a parent writing type 1 ("parent") for its child, the child rightly type 1 for its parent: each one's
    money was left out for the other's, budget and spending 0 (warnings said only « the parent's budget is not
    counted »)."""
    parent = activity("XM-P", budget("1000") + transaction("600") + f'<related-activity ref="XM-C" type="{links[0]}"/>',
                      attrs='default-currency="EUR" hierarchy="1"')
    child = activity("XM-C", budget("700") + transaction("400") + f'<related-activity ref="XM-P" type="{links[1]}"/>',
                     attrs='default-currency="EUR" hierarchy="2"')
    source = load(tmp_path, parent, child)
    assert source.tables["budget"][["line", "budget"]].values.tolist() == [["XM-C", 700.0]]  # @hierarchy decides
    said = next(p for p in source.problems if p.rule == "iati_hierarchy_conflict")
    assert said.severity == "warning" and "XM-P (hierarchy 1) is taken as the parent" in said.message
    flat = load(tmp_path / "flat", parent.replace(' hierarchy="1"', ""), child.replace(' hierarchy="2"', ""))
    assert flat.tables["budget"]["budget"].sum() == 1700 and "neither is" in next(
        p.message for p in flat.problems if p.rule == "iati_hierarchy_conflict")


def test_a_parent_without_money_in_its_children_keeps_its_money(tmp_path):
    source = load(tmp_path, activity("XM-P", budget("1000") + '<related-activity ref="XM-C" type="2"/>'),
                  activity("XM-C"))
    assert source.tables["budget"]["budget"].sum() == 1000
    assert "iati_hierarchy" not in rules(source)


def test_a_disbursement_another_activity_reports_as_incoming_funds_is_counted_once(tmp_path):
    funder = activity("XM-F", budget("500") + transaction(
        "100", "3", extra='<receiver-org receiver-activity-id="XM-R"/>'))
    receiver = activity("XM-R", budget("100") + transaction(
        "100", "1", extra='<provider-org provider-activity-id="XM-F"/>') + transaction("80", "4"))
    source = load(tmp_path, funder, receiver)
    spent = source.tables["expenditure"]
    assert spent[["line", "amount"]].values.tolist() == [["XM-R", 80.0]]
    warning = next(p for p in source.problems if p.rule == "iati_incoming_funds")
    assert warning.element == "iati-activity[XM-F]/transaction[1]/value" and "XM-R" in warning.message


@pytest.mark.parametrize(("paid", "received", "matched"), [
    (("1000", "EUR"), ("1100", "USD"), True), (("1000", "USD"), ("1000", "EUR"), False)])
def test_incoming_funds_in_another_currency_are_matched_on_their_converted_value(tmp_path, paid, received, matched):
    """Before: A's payment naming no receiver was matched to B's incoming funds by their raw numbers: 1000 EUR paid,
    1100 USD received (990 EUR) was not matched, counted twice (with a warning saying no payment has this value);
    1000 USD paid (900 EUR), 1000 EUR received was matched as the same money. The values are now compared at
    project.yaml's rates (within 5 %), the warning giving both."""
    funder = activity("XM-A", budget("5000") + transaction(paid[0], "3", "2021-03-31", currency=paid[1])
                      + transaction("200", "4"))
    receiver = activity("XM-B", budget("3000") + transaction(
        received[0], "1", "2021-03-31", '<provider-org provider-activity-id="XM-A"/>', currency=received[1])
        + transaction("700", "4"))
    source = load(tmp_path, funder, receiver, exchange_rates={"USD": 0.9})
    spent = source.tables["expenditure"][["line", "amount"]].values.tolist()
    if matched:
        assert spent == [["XM-A", 200.0], ["XM-B", 700.0]]
        said = next(p for p in source.problems if p.rule == "iati_incoming_funds")
        assert "paid 1000 EUR, received 1100 USD" in said.message
        assert "iati_incoming_unmatched" not in rules(source)
    else:
        assert spent == [["XM-A", 900.0], ["XM-A", 200.0], ["XM-B", 700.0]]
        assert "iati_incoming_unmatched" in rules(source) and "iati_incoming_funds" not in rules(source)


@pytest.mark.parametrize("commitment, funder_budget", [("", 400.0), (transaction("800", "2", "2021-01-15", (
    '<receiver-org receiver-activity-id="XM-B-1"/>')), 200.0)])
def test_money_an_activity_gives_another_of_the_files_is_in_one_budget_only(tmp_path, commitment, funder_budget):
    """Before: A (budget 1000) gave 600 to B (budget 600, its incoming funds): both budgets were added, 1600."""
    funder = activity("XM-A", budget("1000") + commitment + transaction(
        "600", "3", "2021-03-31", '<receiver-org receiver-activity-id="XM-B-1"/>') + transaction("200", "4"))
    receiver = activity("XM-B-1", budget("900") + transaction(
        "600", "1", "2021-04-02", '<provider-org provider-activity-id="XM-A"/>') + transaction("350", "4"))
    source = load(tmp_path, funder, receiver)
    # what A gave (or committed to, when more), at most B's budget, is counted in B's budget only
    assert source.tables["budget"][["line", "budget"]].values.tolist() == [["XM-A", funder_budget],
                                                                           ["XM-B-1", 900.0]]
    assert source.tables["expenditure"]["amount"].sum() == 550
    warning = next(p for p in source.problems if p.rule == "iati_incoming_budget")
    assert warning.element == "iati-activity[XM-A]" and "XM-B-1" in warning.message


def test_a_disbursement_to_an_activity_of_the_files_is_its_money_even_when_it_reports_no_incoming_funds(tmp_path):
    """Before: A (budget 1000) paid 600 to B (receiver-activity-id), B (budget 600) spent 500 and reported no
    incoming transaction: spending 1100 on a budget of 1600, both counting the 600 twice, without a word."""
    funder = activity("XM-A", budget("1000") + transaction(
        "600", "3", extra='<receiver-org receiver-activity-id="XM-B"><narrative>B</narrative></receiver-org>'))
    receiver = activity("XM-B", budget("600") + transaction("500", "4"))
    source = load(tmp_path, funder, receiver)
    assert source.tables["budget"][["line", "budget"]].values.tolist() == [["XM-A", 400.0], ["XM-B", 600.0]]
    assert source.tables["expenditure"][["line", "amount"]].values.tolist() == [["XM-B", 500.0]]
    said = next(p for p in source.problems if p.rule == "iati_incoming_funds")
    assert said.element == "iati-activity[XM-A]/transaction[1]/value" and "XM-B" in said.message
    # a receiver with no money of its own in the files: the money is only in the funder's
    alone = load(tmp_path / "alone", funder, activity("XM-B"))
    assert alone.tables["expenditure"][["line", "amount"]].values.tolist() == [["XM-A", 600.0]]
    assert "iati_incoming_funds" not in rules(alone)
    # its child with a budget only: the parent is counted whole (its children's budget is not), payment included
    child = load(tmp_path / "child", funder.replace("</iati-activity>", '<related-activity ref="XM-B" type="2"/>'
                                                    '</iati-activity>'), activity("XM-B", budget("600")))
    assert child.tables["budget"][["line", "budget"]].values.tolist() == [["XM-A", 1000.0]]
    assert child.tables["expenditure"][["line", "amount"]].values.tolist() == [["XM-A", 600.0]]


def test_a_childs_incoming_funds_leave_the_parents_payment_counted_when_the_parent_stands_whole(tmp_path):
    """Before: a parent (budget 1000, paying 600 to its child) whose child reports a budget and the 600 as incoming
    funds, but no spending: the parent was counted whole and the child's budget not (part of the parent's), and the
    payment was still taken away as the child's money: spent 0 for 600, the warning saying it was counted as the
    child's."""
    parent = activity("XM-P", budget("1000") + transaction("600", "3", extra='<receiver-org receiver-activity-id='
                      '"XM-C"/>') + '<related-activity ref="XM-C" type="2"/>', attrs='default-currency="EUR" '
                      'hierarchy="1"')
    child = activity("XM-C", budget("600") + transaction("600", "1", extra='<provider-org provider-activity-id='
                     '"XM-P"/>'), attrs='default-currency="EUR" hierarchy="2"')
    source = load(tmp_path, parent, child)
    assert source.tables["budget"][["line", "budget"]].values.tolist() == [["XM-P", 1000.0]]
    assert source.tables["expenditure"][["line", "amount"]].values.tolist() == [["XM-P", 600.0]]
    assert "iati_incoming_funds" not in rules(source)


def test_one_incoming_transaction_removes_one_disbursement_of_its_value_and_date(tmp_path):
    """Before: two payments of 250 the same day (to two partners, no receiver-activity-id) were both removed for
    the one incoming 250 another activity reported: the funder had spent 0."""
    paid = "".join(transaction("250", "3", "2021-03-31", f'<receiver-org ref="{org}"/>') for org in ("XM-B", "XM-C"))
    funder = activity("XM-A", budget("1000") + paid)
    receiver = activity("XM-B-1", budget("250") + transaction(
        "250", "1", "2021-03-31", '<provider-org provider-activity-id="XM-A"/>') + transaction("200", "4"))
    source = load(tmp_path, funder, receiver)
    spent = source.tables["expenditure"].groupby("line")["amount"].sum().to_dict()
    assert spent == {"XM-A": 250.0, "XM-B-1": 200.0}
    assert [p.element for p in source.problems if p.rule == "iati_incoming_funds"] == [
        "iati-activity[XM-A]/transaction[1]/value"]


def test_money_committed_to_an_activity_of_the_files_and_not_paid_yet_is_in_one_budget_only(tmp_path):
    """Before: A (budget 1000) committing 600 to B (outgoing commitment, receiver-activity-id), not paid yet, B
    (budget 1000) in the files: both budgets were added, 2000, without a word."""
    funder = activity("XM-A", budget("1000") + transaction("600", "2", "2021-01-15",
                                                           '<receiver-org receiver-activity-id="XM-B"/>'))
    source = load(tmp_path, funder, activity("XM-B", budget("1000") + transaction("200")))
    assert source.tables["budget"][["line", "budget"]].values.tolist() == [["XM-A", 400.0], ["XM-B", 1000.0]]
    said = next(p for p in source.problems if p.rule == "iati_incoming_budget")
    assert "XM-B" in said.message and said.element == "iati-activity[XM-A]"
    # the receiver reporting it as its incoming commitment (11) from A, A naming no receiver: alike (A paying
    # without naming B: see test_an_unmatched_incoming_commitment_leaves_the_funders_budget_whole...)
    told = load(tmp_path / "told", activity("XM-A", budget("1000") + transaction("600", "2", "2021-01-10")),
                activity("XM-B", budget("1000") + transaction("200") + transaction(
                    "600", "11", "2021-01-15", '<provider-org provider-activity-id="XM-A"/>')))
    assert told.tables["budget"][["line", "budget"]].values.tolist() == [["XM-A", 400.0], ["XM-B", 1000.0]]


def test_incoming_funds_that_match_no_payment_of_the_funder_are_said_to_be_counted_twice(tmp_path):
    """Before: the donor's disbursement (600 on 31 March, to the implementer's organisation) and the implementer's
    incoming funds (600 received on 5 April, provider-activity-id = the donor's activity) did not match by date, so
    both activities' money was counted (spending 1100, budget 1600), without a word."""
    donor = activity("CH-4-1", budget("1000") + transaction("600", "3", "2021-03-31",
                                                            '<receiver-org ref="XM-DAC-41302"/>'))
    ilo = activity("XM-DAC-41302-1", budget("600") + transaction(
        "600", "1", "2021-04-05", '<provider-org ref="CH-4" provider-activity-id="CH-4-1"/>') + transaction("500"))
    source = load(tmp_path, donor, ilo)
    said = next(p for p in source.problems if p.rule == "iati_incoming_unmatched")
    assert said.severity == "warning" and said.element == "iati-activity[XM-DAC-41302-1]/transaction[1]/value"
    assert "CH-4-1" in said.message and "twice" in said.message and "iati.activities" in said.hint
    # matched by value and date: nothing to say
    same_day = load(tmp_path / "same", donor, ilo.replace("2021-04-05", "2021-03-31"))
    assert "iati_incoming_unmatched" not in rules(same_day) and "iati_incoming_funds" in rules(same_day)


@pytest.mark.parametrize(("received", "date"), [("1100", "2021-04-05"), ("1250", "2021-03-31")])
def test_incoming_funds_in_another_currency_that_match_no_payment_say_their_value_at_the_projects_rate(
        tmp_path, received, date):
    """Before: B's 1100 USD of incoming funds from A, received on 5 April, A having disbursed 1000 EUR on 31 March
    (a EUR project, 1 USD = 0.9 EUR) was said « reports 1100 USD ... no payment has this value and date », nothing
    to compare with A's EUR: the amount at project.yaml's rate (990 EUR) and A's nearest payment are now named
    (also on the same day when the day's rate is far from project.yaml's: 1250 USD, 1125 EUR, for 1000 EUR)."""
    funder = activity("XM-A", budget("5000") + transaction("1000", "3", "2021-03-31") + transaction("200", "4"))
    receiver = activity("XM-B", budget("3000") + transaction(
        received, "1", date, '<provider-org provider-activity-id="XM-A"/>') + transaction("700", "4"),
        attrs='default-currency="USD"')
    source = load(tmp_path, funder, receiver, exchange_rates={"USD": 0.9})
    # not matched: both counted, as the warning says
    assert source.tables["expenditure"].groupby("line")["amount"].sum().to_dict() == {"XM-A": 1200.0, "XM-B": 630.0}
    said = next(p for p in source.problems if p.rule == "iati_incoming_unmatched")
    converted = {"1100": "990", "1250": "1125"}[received]
    assert f"reports {received} USD ({converted} EUR at project.yaml's rate)" in said.message
    assert ("its nearest is the disbursement of 1000 EUR on 2021-03-31 (iati-activity[XM-A]/transaction[1]/value)"
            in said.message) and "within 5 % at project.yaml's rates" in said.message
    assert said.value == f"{received} USD" and "iati.activities" in said.hint


def test_a_funder_paying_the_implementers_organisation_in_a_multi_publisher_file_is_said(tmp_path):
    """Before: a d-portal download holding the donor's activity (reporting-org CH-4, disbursements to receiver-org
    ref XM-DAC-41302, no receiver-activity-id) and the implementer's (reporting-org XM-DAC-41302, incoming funds
    from provider-org ref CH-4, no provider-activity-id), as publishers write them: both budgets and spendings were
    counted (budget 1000 + 1000 for one project), without a word."""
    donor = activity("CH-4-1", '<reporting-org ref="CH-4" type="10"><narrative>SDC</narrative></reporting-org>'
                     + budget("1000") + transaction("400", "3", "2021-02-01", '<receiver-org ref="XM-DAC-41302"/>')
                     + transaction("300", "3", "2021-08-01", '<receiver-org ref="XM-DAC-41302"/>'))
    ilo = activity("XM-DAC-41302-1", '<reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative>'
                   '</reporting-org>' + budget("1000") + transaction(
                       "400", "1", "2021-02-10", '<provider-org ref="CH-4"/>') + transaction("500"))
    source = load(tmp_path, donor, ilo)
    assert source.tables["budget"]["budget"].sum() == 2000   # (which is whose is not known: both kept, as said)
    said = [p for p in source.problems if p.rule == "iati_same_project"]
    assert [(p.element, p.severity) for p in said] == [("iati-activity[CH-4-1]/transaction[1]/value", "warning")]
    assert ("CH-4-1 paid 700 EUR to XM-DAC-41302 (receiver-org/@ref, 2 transaction(s)), the publisher of "
            "XM-DAC-41302-1; XM-DAC-41302-1 reports 400 EUR of incoming funds from CH-4" in said[0].message)
    assert "iati.activities" in said[0].hint
    # the implementer's incoming funds alone name the donor: said too; two publishers that pay each other nothing: not
    alone = load(tmp_path / "alone", donor.replace(' ref="XM-DAC-41302"', ' ref="GB-CHC-1"'), ilo)
    assert [p.element for p in alone.problems if p.rule == "iati_same_project"] == [
        "iati-activity[XM-DAC-41302-1]/transaction[1]/value"]
    apart = load(tmp_path / "apart", donor.replace(' ref="XM-DAC-41302"', ' ref="GB-CHC-1"'),
                 ilo.replace('ref="CH-4"/>', 'ref="DE-1"/>'))
    assert "iati_same_project" not in rules(apart)


def test_a_funder_and_an_implementer_named_only_by_their_organisations_names_are_said(tmp_path):
    """Before: a d-portal download holding the EU's activity (disbursement to receiver-org « Organisation
    internationale du Travail », no @ref, no receiver-activity-id) and the ILO's (reporting-org of that name,
    incoming funds from provider-org « Commission européenne - Partenariats internationaux », no @ref), as many
    publishers write a partner: budgets 1 000 000 + 990 000 and the 600 000 paid counted twice, without a word. The
    names are now matched on the publishers' reporting-org names (case, punctuation and an acronym aside)."""
    eu = "Commission européenne - Partenariats internationaux"
    donor = activity("XI-IATI-EC-1", f'<reporting-org ref="XI-IATI-EC" type="40"><narrative>{eu}</narrative>'
                     '</reporting-org>' + budget("1000000") + transaction(
                         "600000", "3", "2021-03-01", "<receiver-org><narrative>ORGANISATION INTERNATIONALE DU "
                         "TRAVAIL (OIT)</narrative></receiver-org>"))
    ilo = activity("XM-DAC-41302-1", '<reporting-org ref="XM-DAC-41302" type="40"><narrative>Organisation '
                   f'internationale du Travail</narrative></reporting-org><participating-org role="1"><narrative>{eu}'
                   '</narrative></participating-org>' + budget("990000") + transaction(
                       "600000", "1", "2021-03-10", f"<provider-org><narrative>{eu}</narrative></provider-org>")
                   + transaction("400000"))
    source = load(tmp_path, donor, ilo)
    assert source.tables["budget"]["budget"].sum() == 1990000   # (which is whose is not known: both kept, as said)
    said = [p for p in source.problems if p.rule == "iati_same_project"]
    assert [(p.element, p.severity) for p in said] == [("iati-activity[XI-IATI-EC-1]/transaction[1]/value",
                                                        "warning")]
    assert ("XI-IATI-EC-1 paid 600000 EUR to XM-DAC-41302 (receiver-org named 'ORGANISATION INTERNATIONALE DU "
            "TRAVAIL (OIT)', no @ref, 1 transaction(s)), the publisher of XM-DAC-41302-1; XM-DAC-41302-1 reports "
            f"600000 EUR of incoming funds from XI-IATI-EC (provider-org named '{eu}', no @ref)" in said[0].message)
    # the implementer's incoming funds alone name the donor; a publisher without @ref is known by its name
    alone = load(tmp_path / "alone", donor.replace("ORGANISATION INTERNATIONALE DU TRAVAIL (OIT)", "Save the "
                 "Children"), ilo.replace(' ref="XM-DAC-41302"', ""))
    assert [p.element for p in alone.problems if p.rule == "iati_same_project"] == [
        "iati-activity[XM-DAC-41302-1]/transaction[1]/value"]
    # another organisation's name, or a name two publishers share: nothing said
    apart = load(tmp_path / "apart", donor.replace("ORGANISATION INTERNATIONALE DU TRAVAIL (OIT)", "Save the "
                 "Children"), ilo.replace(eu, "Agence française de développement"))
    assert "iati_same_project" not in rules(apart)


@pytest.mark.parametrize("written", ["BIT", "OIT", "ILO", "International Labour Office", "Bureau international du "
                                     "Travail (BIT)", "Organizacion Internacional del Trabajo"])
def test_the_ilos_names_and_acronyms_in_english_french_and_spanish_name_the_ilo(tmp_path, written):
    """Before: a d-portal download holding SDC's activity paying receiver-org « BIT » (or « OIT », « ILO »,
    « Organización Internacional del Trabajo », no @ref) and the ILO's own (reporting-org « International Labour
    Organization »): budgets 1 000 000 + 990 000 and the 600 000 paid counted twice, without a word (only the name
    the ILO writes itself was matched). Its names and acronyms in English, French and Spanish now name it; so does
    the DAC channel code 41302 written as a ref."""
    sdc = activity("CH-4-2019001", '<reporting-org ref="CH-4" type="10"><narrative>Swiss Agency for Development and '
                   'Cooperation (SDC)</narrative></reporting-org>' + budget("1000000") + transaction(
                       "600000", "3", "2021-03-01", f"<receiver-org><narrative>{written}</narrative></receiver-org>"))
    ilo = activity("XM-DAC-41302-MAR-19-01", '<reporting-org ref="XM-DAC-41302" type="40"><narrative>International '
                   'Labour Organization</narrative></reporting-org>' + budget("990000") + transaction("400000"))
    said = [p for p in load(tmp_path, sdc, ilo).problems if p.rule == "iati_same_project"]
    assert [p.element for p in said] == ["iati-activity[CH-4-2019001]/transaction[1]/value"]
    assert f"receiver-org named '{written}', no @ref" in said[0].message
    by_code = load(tmp_path / "code", sdc.replace(f"<receiver-org><narrative>{written}</narrative></receiver-org>",
                                                   '<receiver-org ref="41302"/>'), ilo)
    assert "iati_same_project" in rules(by_code)
    # the donor's French name in the ILO's incoming funds (« Direction du développement et de la coopération »)
    ddc = ilo.replace("</reporting-org>", "</reporting-org>" + transaction(
        "600000", "1", "2021-03-10", "<provider-org><narrative>Direction du développement et de la coopération (DDC)"
        "</narrative></provider-org>"))
    said = [p for p in load(tmp_path / "ddc", sdc.replace(written, "Save the Children"), ddc).problems
            if p.rule == "iati_same_project"]
    assert len(said) == 1 and "provider-org named 'Direction du développement et de la coopération (DDC)'" in \
        said[0].message


def test_a_generic_name_such_as_a_ministry_of_foreign_affairs_does_not_make_two_projects_one(tmp_path):
    """Before: a multi-publisher file holding a ministry's activity (reporting-org « Ministry of Foreign Affairs »,
    Tunisia) and the IOM's (Morocco), funded by « Ministry of Foreign Affairs » (its own donor's, by name only):
    « the same project reported by its funder and by its implementer? », telling the evaluator to leave one of two
    projects out. A name made of generic words only (ministry, government, UN...) now names no publisher."""
    mfa = activity("XX-MFA-1", '<reporting-org ref="XX-MFA" type="10"><narrative>Ministry of Foreign Affairs'
                   '</narrative></reporting-org>' + budget("500000") + transaction("200000", "3"))
    iom = activity("XM-DAC-47066-MA-1", '<reporting-org ref="XM-DAC-47066" type="40"><narrative>International '
                   'Organization for Migration</narrative></reporting-org><participating-org role="1"><narrative>'
                   'Ministry of Foreign Affairs</narrative></participating-org>' + budget("700000") + transaction(
                       "300000"))
    assert "iati_same_project" not in rules(load(tmp_path, mfa, iom))
    for generic in ("Government", "UN", "Gouvernement", "Ministère des Affaires étrangères (MAE)"):
        renamed = (mfa.replace("Ministry of Foreign Affairs", generic),
                   iom.replace("Ministry of Foreign Affairs", generic))
        assert "iati_same_project" not in rules(load(tmp_path / generic, *renamed)), generic
    # the ministry's name with its country is its own: said
    named = "Ministry of Foreign Affairs of Denmark"
    assert "iati_same_project" in rules(load(tmp_path / "named", mfa.replace("Ministry of Foreign Affairs", named),
                                             iom.replace("Ministry of Foreign Affairs", named)))


def test_a_funder_and_an_implementer_linked_by_their_participating_orgs_only_are_said(tmp_path):
    """Before: the EU's activity naming the ILO as implementing organisation (participating-org role 4, by its name
    only) and the ILO's naming the EU as funder (role 1), no payment naming the other, both with budgets: 1 000 000
    + 990 000 counted without a word. Either naming is now said, once for the pair."""
    eu = activity("XI-IATI-EC-1", '<reporting-org ref="XI-IATI-EC" type="40"><narrative>Union européenne</narrative>'
                  '</reporting-org><participating-org role="4"><narrative>Organisation internationale du Travail'
                  '</narrative></participating-org>' + budget("1000000") + transaction("600000", "3"))
    ilo = activity("XM-DAC-41302-1", '<reporting-org ref="XM-DAC-41302" type="40"><narrative>Organisation '
                   'internationale du Travail</narrative></reporting-org><participating-org role="1" '
                   'ref="XI-IATI-EC"/>' + budget("990000") + transaction("400000"))
    source = load(tmp_path, eu, ilo)
    assert source.tables["budget"]["budget"].sum() == 1990000   # (which is whose is not known: both kept, as said)
    said = [p for p in source.problems if p.rule == "iati_same_project"]
    assert [(p.element, p.severity) for p in said] == [("iati-activity[XI-IATI-EC-1]/participating-org[1]",
                                                        "warning")]
    assert ("activity XI-IATI-EC-1 names XM-DAC-41302, the publisher of XM-DAC-41302-1, as its implementing "
            "organisation (participating-org role 4, by its name 'Organisation internationale du Travail', no @ref)"
            in said[0].message and "leave XI-IATI-EC-1 out" in said[0].hint)
    # the implementer's funder alone: said at the implementer's participating-org
    alone = load(tmp_path / "alone", eu.replace("Organisation internationale du Travail", "Save the Children"), ilo)
    assert [p.element for p in alone.problems if p.rule == "iati_same_project"] == [
        "iati-activity[XM-DAC-41302-1]/participating-org[1]"]
    # a joint programme: the ILO and the IOM each implementing (role 4, themselves too) and reporting its share
    iom = activity("XM-DAC-47066-1", '<reporting-org ref="XM-DAC-47066" type="40"><narrative>OIM</narrative>'
                   '</reporting-org>' + budget("500000") + transaction("100000"))
    joint = load(tmp_path / "joint", iom, ilo.replace('<participating-org role="1" ref="XI-IATI-EC"/>',
                 '<participating-org role="4" ref="XM-DAC-41302"/><participating-org role="4" ref="XM-DAC-47066"/>'))
    assert "iati_same_project" not in rules(joint)
    # a funder whose activity is not in the files: nothing said
    apart = load(tmp_path / "apart", eu.replace("Organisation internationale du Travail", "Save the Children"),
                 ilo.replace('ref="XI-IATI-EC"/>', 'ref="CH-4"/>'))
    assert "iati_same_project" not in rules(apart)


def test_an_xml_file_in_capitals_is_read_and_a_csv_export_beside_it_is_said_not_read(tmp_path):
    """Before: a second donor's file saved as `Donor.XML` (Windows) beside the imported one, and a d-portal
    `transactions.csv` export of the newer transactions, were passed over without a word: budget 1000 for 1500,
    spent 300 for 500. The .XML is now read; a CSV, spreadsheet, JSON or archive export is said not read."""
    folder = tmp_path / "iati"
    write(folder, activity("XM-1", budget("1000") + transaction("300")))
    write(folder, activity("XM-2", budget("500") + transaction("200")), name="Donor.XML")
    (folder / "transactions.csv").write_text("iati_identifier,transaction_type,transaction_date,value\n"
                                            "XM-1,4,2022-06-30,150\n", encoding="utf-8")
    (folder / "notes.md").write_text("d-portal download, 2023-01-15\n", encoding="utf-8")
    source = iati.load_iati(folder, params())
    assert source.tables["budget"]["budget"].sum() == 1500 and source.tables["expenditure"]["amount"].sum() == 500
    said = [p for p in source.problems if p.rule == "iati_file_not_read"]
    assert [(p.file.endswith("iati/transactions.csv"), p.severity) for p in said] == [(True, "warning")]
    assert "d-portal" in said[0].message and "XML" in said[0].hint


def test_an_end_date_before_the_start_is_not_read(tmp_path):
    """Before: an actual end mistyped a year early (2019-12-31, actual start 2020-03-01, planned end 2023-12-31):
    make import-iati wrote end_date 2099-12-31 « not in the file: correct it », and every expenditure of 2021 and
    2022 was said to be « after the activity's end (2019-12-31) ». The end before the start is now not read, with a
    warning, and the planned end is the end."""
    dates = ('<activity-date type="1" iso-date="2020-01-01"/><activity-date type="2" iso-date="2020-03-01"/>'
             '<activity-date type="3" iso-date="2023-12-31"/><activity-date type="4" iso-date="2019-12-31"/>')
    source = tmp_path / "activities.xml"
    write(tmp_path, activity("XM-1", dates + budget("1000") + transaction("400", date="2021-06-30")),
          name="activities.xml")
    import_iati(source, "demo", "fr", tmp_path / "data", tmp_path / "params")
    project = yaml.safe_load((tmp_path / "params" / "demo" / "project.yaml").read_text(encoding="utf-8"))
    assert (project["start_date"], project["end_date"]) == (dt.date(2020, 3, 1), dt.date(2023, 12, 31))
    problems = check_project("demo", tmp_path / "data", tmp_path / "params")
    said = [p for p in problems if p.rule == "iati_dates_order"]
    assert [(p.severity, p.value) for p in said] == [("warning", "2019-12-31")]
    assert ("its actual end (2019-12-31, activity-date type 4) is before its start (2020-03-01): it is not read, the "
            "planned end (2023-12-31) is" in said[0].message)
    assert "iati_outside_dates" not in [p.rule for p in problems]


def test_a_payment_naming_a_receiver_activity_that_is_not_in_the_files_is_matched_as_one_naming_none(tmp_path):
    """Before: the EU's disbursement of 600 to receiver-activity-id XM-DAC-41302-1 (the ILO project's identifier
    without its -EUR suffix: in no file), the ILO's activity XM-DAC-41302-1-EUR reporting it as incoming funds from
    the EU's activity, same value and day: the payment was matched with nothing, as it named « another » receiver,
    and nothing was said either: budgets 1000 + 900 and the 600 counted in both spendings. A receiver (or provider)
    activity that is in none of the files is now as none when the receiver names the payer's activity: matched on
    value and date, else said."""
    eu = activity("XI-EC-1", '<reporting-org ref="XI-EC" type="40"><narrative>UE</narrative></reporting-org>'
                  + budget("1000") + transaction("600", "3", "2021-03-01", '<receiver-org ref="XM-DAC-41302" '
                                                 'receiver-activity-id="XM-DAC-41302-1"/>'))
    ilo = activity("XM-DAC-41302-1-EUR", '<reporting-org ref="XM-DAC-41302" type="40"><narrative>OIT</narrative>'
                   '</reporting-org>' + budget("900") + transaction(
                       "600", "1", "2021-03-01", '<provider-org ref="XI-EC" provider-activity-id="XI-EC-1"/>')
                   + transaction("400"))
    source = load(tmp_path, eu, ilo)
    assert source.tables["expenditure"]["amount"].sum() == 400   # the ILO's spending: the 600 is its money
    assert source.tables["budget"]["budget"].sum() == 1300       # the EU's budget less what it gave the ILO
    assert "iati_incoming_funds" in rules(source)
    # paid on the 1st, received on the 10th: not matched, said
    late = load(tmp_path / "late", eu, ilo.replace('"2021-03-01"', '"2021-03-10"'))
    assert late.tables["expenditure"]["amount"].sum() == 1000
    said = next(p for p in late.problems if p.rule == "iati_incoming_unmatched")
    assert "XI-EC-1" in said.message and said.element == "iati-activity[XM-DAC-41302-1-EUR]/transaction[1]/value"


def test_a_currency_written_on_the_transaction_or_budget_instead_of_its_value_is_read_and_said(tmp_path):
    """Before: `<transaction currency="USD">` (and `<budget currency="USD">`), an attribute IATI does not have, the
    value without @currency, in an activity whose default currency is EUR: 400 USD read as 400 EUR, 1000 USD as
    1000 EUR, without a word. The currency written is now the value's, with a warning; one that is no code is not."""
    body = (budget("1000").replace("<budget ", '<budget currency="USD" ')
            + transaction("400").replace("<transaction>", '<transaction currency="usd">')
            + transaction("100").replace("<transaction>", '<transaction currency="EUR">'))
    source = load(tmp_path, activity(body=body), exchange_rates={"USD": 0.9})
    assert source.tables["budget"]["budget"].sum() == 900 and source.tables["expenditure"]["amount"].sum() == 460
    said = [p for p in source.problems if p.rule == "iati_currency_misplaced"]
    assert [(p.element, p.severity) for p in said] == [("iati-activity[XM-1]/budget[1]/@currency", "warning"),
                                                       ("iati-activity[XM-1]/transaction[1]/@currency", "warning")]
    assert ("writes currency=\"usd\" on <transaction>, where IATI has no currency, and its value none: the value is "
            "read in USD, not in the activity's default currency (EUR)" in said[1].message)
    odd = load(tmp_path / "odd", activity(body=budget("1000") + transaction("400").replace(
        "<transaction>", '<transaction currency="US$">')), exchange_rates={"USD": 0.9})
    assert odd.tables["expenditure"]["amount"].sum() == 400 and "is not read" in next(
        p.message for p in odd.problems if p.rule == "iati_currency_misplaced")


def test_a_default_currency_written_on_iati_activities_is_said_not_read(tmp_path):
    """Before: a file writing default-currency="USD" on <iati-activities> (no IATI attribute there) and none on the
    activity was refused « this value has no currency and the activity no default-currency », though the file
    shows one: the message now says where it is written and that it is not read, and the hint writes it."""
    folder = tmp_path / "iati"
    write(folder, activity(body=budget("1000") + transaction("300", currency="EUR") + transaction("200"), attrs=""))
    path = folder / "file.xml"
    path.write_text(path.read_text(encoding="utf-8").replace('<iati-activities version="2.03">',
                    '<iati-activities version="2.03" default-currency="USD">'), encoding="utf-8")
    source = iati.load_iati(folder, params())
    said = [p for p in source.problems if p.rule == "iati_no_currency"]
    assert [p.element for p in said] == ["iati-activity[XM-1]/budget[1]/value",
                                         "iati-activity[XM-1]/transaction[2]/value"]
    assert all('the file writes default-currency="USD" on <iati-activities>' in p.message and p.severity == "error"
               and '<iati-activity default-currency="USD">' in p.hint for p in said)


def test_an_activity_twice_in_one_file_says_so_and_which_copy_is_the_more_recent(tmp_path):
    """Before: an activity twice in one file (a datastore download holding two versions of it) was refused « is also
    in data/x/iati/file.xml », the file itself, and « keep the most recent file », not saying which copy is."""
    old = activity(attrs='default-currency="EUR" last-updated-datetime="2021-07-01T00:00:00"',
                   body=budget("1000") + transaction("300"))
    new = old.replace("2021-07-01T", "2021-10-01T").replace("</iati-activity>", transaction("200") + "</iati-activity>")
    source = load(tmp_path, old, new)
    said = [p for p in source.problems if p.rule == "iati_duplicate_activity"]
    assert len(said) == 1 and said[0].severity == "error" and said[0].element == "iati-activity[XM-1]"
    assert ("is twice in this file (last updated 2021-07-01 in the first copy, 2021-10-01 in this one: this one is "
            "the more recent)" in said[0].message)


def test_one_activity_in_two_downloads_without_last_updated_says_which_file_is_the_more_recent(tmp_path):
    """Before: the same activity downloaded twice (activities-2021.xml, activities-2022.xml, each with its
    generated-datetime, the activity without last-updated-datetime) was refused « is also in activities-2021.xml »,
    the hint « keep the most recent version, from its last-updated-datetime », which neither copy has. The files'
    days now say which copy is the more recent."""
    folder = tmp_path / "iati"
    for year in ("2021", "2022"):
        path = write(folder, activity(body=budget("1000") + transaction("100")), name=f"activities-{year}.xml")
        path.write_text(path.read_text().replace('version="2.03"', f'version="2.03" generated-datetime="{year}-06-30'
                                                 'T00:00:00Z"'), encoding="utf-8")
    said = [p for p in iati.load_iati(folder, params()).problems if p.rule == "iati_duplicate_activity"]
    assert len(said) == 1 and said[0].severity == "error" and said[0].file.endswith("activities-2022.xml")
    assert ("(file written 2021-06-30 in the first copy, 2022-06-30 in this one: this one is the more recent)"
            in said[0].message)


def test_an_activity_under_its_old_and_new_identifiers_is_counted_once_or_said(tmp_path):
    """Before: DFID's download of 2019 (GB-1-204567: budget 500 000, 200 000 paid) beside FCDO's of 2022 of the same
    activity under its new identifier (GB-GOV-1-204567, other-identifier GB-1-204567 type B1 « previous activity
    identifier », repeating that budget and payment): 1 500 000 and 700 000 counted, without a word. The old copy
    the new one wholly repeats is now left out (1 000 000, 500 000), said; one it does not is said counted twice."""
    folder = tmp_path / "iati"
    write(folder, activity("GB-1-204567", budget("500000", "2019-04-01", "2020-03-31")
                           + transaction("200000", "3", "2019-06-30")), name="dfid-2019.xml")
    fcdo = activity("GB-GOV-1-204567", '<other-identifier ref="GB-1-204567" type="B1"/>'
                    + budget("500000", "2019-04-01", "2020-03-31") + budget("500000", "2020-04-01", "2021-03-31")
                    + transaction("200000", "3", "2019-06-30") + transaction("300000", "3", "2020-06-30"))
    write(folder, fcdo, name="fcdo-2022.xml")
    source = iati.load_iati(folder, params())
    assert source.tables["budget"]["budget"].sum() == 1000000
    assert source.tables["expenditure"]["amount"].sum() == 500000
    said = [p for p in source.problems if p.rule == "iati_previous_identifier"]
    assert [(p.element, p.severity) for p in said] == [("iati-activity[GB-GOV-1-204567]/other-identifier", "warning")]
    assert "GB-1-204567 is not counted" in said[0].message
    # the old copy paid something the new one does not repeat: both counted, said
    (folder / "dfid-2019.xml").write_text((folder / "dfid-2019.xml").read_text().replace("200000", "250000"))
    source = iati.load_iati(folder, params())
    assert source.tables["budget"]["budget"].sum() == 1500000
    said = [p for p in source.problems if p.rule == "iati_previous_identifier"]
    assert len(said) == 1 and ("both counted; 0 of the old one's 1 spending transactions are repeated in the new "
                               "one" in said[0].message) and "leave GB-1-204567 out" in said[0].hint


def test_incoming_funds_in_a_currency_without_a_rate_are_warned_about_not_refused(tmp_path):
    """Before: incoming funds in the donor's currency (420000 CHF, a EUR project, no CHF rate), which no figure
    counts, were an error « amounts in several currencies are never added as they are » that stopped every annex
    of the project. They are now a warning saying no figure counts them; a payment in CHF stays an error."""
    ilo = activity("XM-B", budget("3000") + transaction("420000", "1", "2020-02-10", currency="CHF")
                   + transaction("700", "4"))
    source = load(tmp_path, ilo)
    said = [p for p in source.problems if p.rule.startswith("iati_currency")]
    assert [(p.rule, p.severity, p.value) for p in said] == [("iati_currency_uncounted", "warning", "420000 CHF")]
    assert "no figure counts it" in said[0].message and "CHF:" in said[0].hint
    assert source.tables["expenditure"]["amount"].sum() == 700
    paid = load(tmp_path / "paid", ilo.replace('code="1"', 'code="3"'))
    assert [(p.rule, p.severity) for p in paid.problems if p.rule.startswith("iati_currency")] == [
        ("iati_currency", "error")]


def test_unmatched_incoming_funds_in_a_currency_without_a_rate_say_they_were_not_compared(tmp_path):
    """Incoming funds in CHF (no rate: warned, no longer an error) from A: the unmatched warning says they were not
    compared by value, and names no « nearest » payment by a value it could not compare."""
    funder = activity("XM-A", budget("5000") + transaction("1000", "3", "2021-03-31") + transaction("200", "4"))
    receiver = activity("XM-B", budget("3000") + transaction(
        "1100", "1", "2021-04-05", '<provider-org provider-activity-id="XM-A"/>', currency="CHF")
        + transaction("700", "4"))
    source = load(tmp_path, funder, receiver)
    said = next(p for p in source.problems if p.rule == "iati_incoming_unmatched")
    assert "reports 1100 CHF (project.yaml gives no rate for CHF: not compared by value)" in said.message
    assert "nearest" not in said.message and "within 5 %" not in said.message
    assert [p.severity for p in source.problems if p.rule.startswith("iati_currency")] == ["warning"]


def test_one_project_reported_by_its_funder_and_its_implementer_is_said_to_be_counted_twice(tmp_path):
    """Before: the donor's activity naming the implementer's activity (participating-org/@activity-id), both in
    the files with the same budget of 1000, gave a budget of 2000 without a word."""
    donor = activity("CH-4-1", '<participating-org role="4" ref="XM-DAC-41302" activity-id="XM-DAC-41302-1">'
                     '<narrative>ILO</narrative></participating-org>' + budget("1000") + transaction("600", "3"))
    ilo = activity("XM-DAC-41302-1", '<participating-org role="1" ref="CH-4" activity-id="CH-4-1"/>'
                   + budget("1000") + transaction("500"))
    source = load(tmp_path, donor, ilo)
    said = [p for p in source.problems if p.rule == "iati_same_project"]
    assert [(p.element, p.severity) for p in said] == [
        ("iati-activity[CH-4-1]/participating-org[1]/@activity-id", "warning")]  # once for the pair
    assert "XM-DAC-41302-1" in said[0].message and "iati.activities" in said[0].hint
    third = load(tmp_path / "third", donor.replace('activity-id="XM-DAC-41302-1"', "").replace(
        "</iati-activity>", '<related-activity ref="XM-DAC-41302-1" type="5"/></iati-activity>'), ilo.replace(
        'activity-id="CH-4-1"', ""))  # related-activity type 5: a third party's report of the same activity
    said = [p for p in third.problems if p.rule == "iati_same_project"]
    assert [p.element for p in said] == ["iati-activity[CH-4-1]/related-activity[1]/@ref"]
    assert "third party" in said[0].message
    # the incoming funds tell whose money it is: nothing more to say
    told = load(tmp_path / "told", donor, ilo.replace("</iati-activity>", transaction(
        "600", "1", extra='<provider-org provider-activity-id="CH-4-1"/>') + "</iati-activity>"))
    assert "iati_same_project" not in rules(told) and "iati_incoming_funds" in rules(told)


@pytest.mark.parametrize("kind", ["11", "13"])
def test_an_incoming_commitment_or_pledge_does_not_remove_the_funders_disbursement(tmp_path, kind):
    """Before: an incoming pledge or commitment (a promise, no money) removed the funder's disbursement: spent 0."""
    funder = activity("XM-A", budget("1000") + transaction("600", "3", "2021-03-31",
                                                           '<receiver-org receiver-activity-id="XM-B-1"/>'))
    receiver = activity("XM-B-1", transaction("600", kind, "2020-11-30", '<provider-org provider-activity-id="XM-A"/>'))
    source = load(tmp_path, funder, receiver)
    assert source.tables["expenditure"][["line", "amount"]].values.tolist() == [["XM-A", 600.0]]
    assert "iati_incoming_funds" not in rules(source)


# ================================================================= currencies


def test_currency_is_the_values_else_the_activitys_default(tmp_path):
    source = load(tmp_path, activity(body=budget("100", currency="USD") + budget("50", "2022-01-01",
                                                                                  "2022-12-31")),
                  exchange_rates={"usd": 0.5})
    assert source.tables["budget"]["budget"].tolist() == [100.0]  # 100 USD x 0.5 + 50 EUR
    assert rules(source) == ["iati_exchange_rate"]  # the one rate, said (next test)


def test_values_of_several_dates_converted_at_the_one_rate_of_project_yaml_are_said_to_be(tmp_path):
    """Before: a USD budget of 2020 and a USD payment of 2022 in a EUR project were converted at the one rate of
    project.yaml without a word, though IATI gives each value its own day for the rate (@value-date)."""
    body = (budget("1000") + '<transaction><transaction-type code="3"/><transaction-date iso-date="2022-06-30"/>'
            '<value currency="USD" value-date="2022-06-30">400</value></transaction>'
            '<budget type="1"><period-start iso-date="2022-01-01"/><period-end iso-date="2022-12-31"/>'
            '<value currency="USD" value-date="2020-01-01">1000</value></budget>')
    source = load(tmp_path, activity(body=body), exchange_rates={"USD": 0.9})
    assert source.tables["budget"]["budget"].tolist() == [1900.0]
    assert source.tables["expenditure"]["amount"].tolist()[0] == 360.0
    said = [p for p in source.problems if p.rule == "iati_exchange_rate"]
    assert len(said) == 1 and said[0].severity == "warning"  # once a currency
    assert said[0].element == "iati-activity[XM-1]/budget[2]/value"
    assert ("2 value(s) in USD (value-dates 2020-01-01 to 2022-06-30) are converted at the one rate of "
            "project.yaml, 1 USD = 0.9 EUR, whatever their value-date") in said[0].message


@pytest.mark.parametrize(("project", "currency", "rate", "warned"), [
    ("XOF", "EUR", 655.957, False), ("EUR", "XOF", 0.0015245, False), ("EUR", "XAF", 1 / 655.957, False),
    ("EUR", "KMF", 1 / 491.96775, False), ("XOF", "XAF", 1, False), ("EUR", "BAM", 0.51129, False),
    ("XOF", "EUR", 650, True), ("XOF", "USD", 600, True)])
def test_a_fixed_parity_over_several_dates_is_not_warned_about(tmp_path, project, currency, rate, warned):
    """Before: EUR values of 2020 and 2022 in an XOF project at 655.957 were warned about as one rate for dates
    whose rates may differ: the legal fixed parity is the rate of every date. A rate that is not it stays warned."""
    body = (f'<budget type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>'
            f'<value currency="{currency}" value-date="2020-01-01">1000</value></budget>'
            '<transaction><transaction-type code="3"/><transaction-date iso-date="2022-06-30"/>'
            f'<value currency="{currency}" value-date="2022-06-30">400</value></transaction>')
    source = load(tmp_path, activity(body=body, attrs=f'default-currency="{project}"'), currency=project,
                  exchange_rates={currency: rate})
    assert source.tables["budget"]["budget"].tolist() == [pytest.approx(1000 * rate)]
    assert ("iati_exchange_rate" in rules(source)) is warned


def test_several_currencies_without_a_rate_are_an_error_naming_activity_and_element(tmp_path):
    source = load(tmp_path, activity(body=budget("100", currency="USD") + budget("50", "2022-01-01",
                                                                                  "2022-12-31")))
    problem = next(p for p in source.problems if p.rule == "iati_currency")
    assert problem.severity == "error"
    assert str(problem).startswith(f"{problem.file}, iati-activity[XM-1]/budget[1]/value: activity XM-1: this "
                                   "value is in USD, the project's currency is EUR (value: '100 USD')")
    assert "exchange_rates" in problem.hint


def test_an_exchange_rate_written_with_the_projects_decimal_comma_is_read_as_its_tables_numbers():
    """Before: `EUR: 655,957` in a project whose decimal mark is ',' was refused as « Input should be a valid
    number », the hint saying « Dates are written 2021-12-31 »."""
    read = ProjectParams(title="t", code="t", currency="XOF", decimal_mark=",", start_date=dt.date(2020, 1, 1),
                         end_date=dt.date(2023, 12, 31), reporting_date=dt.date(2022, 12, 31),
                         iati={"exchange_rates": {"EUR": "655,957", "usd": 600}})
    assert read.iati.exchange_rates == {"EUR": 655.957, "USD": 600.0}


def test_a_value_without_any_currency_is_an_error(tmp_path):
    source = load(tmp_path, activity(body=budget("100"), attrs=""))
    assert rules(source) == ["iati_no_currency"]


# ================================================================= countries


def test_recipient_country_percentages_split_the_money_and_the_label_says_it_is_an_estimate(tmp_path):
    body = ('<recipient-country code="MA" percentage="60"/><recipient-country code="TN" percentage="30"/>'
            + budget("1000") + transaction("100") + transaction("50", extra='<recipient-country code="TN"/>'))
    source = load(tmp_path, activity(body=body))
    lines = source.tables["budget"].set_index("country")
    assert lines["budget"].to_dict() == pytest.approx({"MA": 600.0, "TN": 300.0, "regional": 100.0})
    assert lines.at["MA", "label"] == "Titre XM-1 (ventilation par pays estimée d'après les pourcentages IATI)"
    spent = source.tables["expenditure"].groupby("country")["amount"].sum().to_dict()
    assert spent == pytest.approx({"MA": 60.0, "TN": 80.0, "regional": 10.0})  # the transaction's own country


def test_thirds_written_to_two_decimals_are_the_whole_not_a_crumb_for_the_region(tmp_path):
    """Before: 33.33 % for each of three countries left 0.01 % of the money « regional »: a budget line of 0.09 and
    a spending of 0.03 for the project as a whole, and each country 0.01 % short."""
    countries = "".join(f'<recipient-country code="{c}" percentage="33.33"/>' for c in ("MA", "TN", "LY"))
    source = load(tmp_path, activity(body=countries + budget("900") + transaction("300")))
    assert source.tables["budget"]["country"].tolist() == ["MA", "TN", "LY"]
    assert source.tables["budget"]["budget"].round(6).tolist() == [300.0, 300.0, 300.0]
    assert source.tables["expenditure"]["amount"].round(6).tolist() == [100.0, 100.0, 100.0]
    rest = load(tmp_path / "rest", activity(body=countries.replace("33.33", "30") + budget("900")))
    assert rest.tables["budget"]["country"].tolist() == ["MA", "TN", "LY", "regional"]  # 10 %: the region's


def test_thirds_rounded_up_are_the_whole_not_an_error(tmp_path):
    """Before: 33.34 + 33.33 + 33.34 (100.01 %, thirds rounded up as a spreadsheet rounds them) was an error « more
    than 100 %: it is counted for the project as a whole », the annexes not built, where 33.33 x 3 was the whole.
    Within 0.1 of 100 either way, the percentages are the whole; 100.2 stays an error."""
    written = (("MA", "33.34"), ("TN", "33.33"), ("LY", "33.34"))
    countries = "".join(f'<recipient-country code="{c}" percentage="{p}"/>' for c, p in written)
    source = load(tmp_path, activity(body=countries + budget("900") + transaction("300")))
    assert rules(source) == []
    budget_ = source.tables["budget"]
    assert budget_["country"].tolist() == ["MA", "TN", "LY"] and round(budget_["budget"].sum(), 6) == 900.0
    assert budget_["budget"].round(2).tolist() == [300.03, 299.94, 300.03]   # 900 x 33.34 / 100.01...
    assert round(source.tables["expenditure"]["amount"].sum(), 6) == 300.0
    over = load(tmp_path / "over", activity(body=countries.replace("33.33", "33.52") + budget("900")))
    assert rules(over) == ["iati_country_split_over"] and over.tables["budget"]["country"].tolist() == ["regional"]


def test_country_shares_written_as_fractions_are_refused_and_a_rest_no_region_holds_is_said(tmp_path):
    """Before: recipient-country percentages written as fractions (MA 0.5, TN 0.5, no recipient-region) were read as
    0.5 % each: Morocco's and Tunisia's annexes showed 4.5 of a budget of 900, the project as a whole 891, without a
    word. They are now refused at the activity (the annexes are not built), and a rest that no recipient-region
    holds (30 + 30 + 30) is warned about with its share; a region written beside the countries holds it, silently."""
    fractions = '<recipient-country code="MA" percentage="0.5"/><recipient-country code="TN" percentage="0.5"/>'
    source = load(tmp_path, activity(body=fractions + budget("900") + transaction("300")))
    said = [p for p in source.problems if p.rule == "iati_country_fractions"]
    assert [(p.severity, p.element, p.value) for p in said] == [
        ("error", "iati-activity[XM-1]/recipient-country", "MA 0.5 + TN 0.5")]
    assert "50, not 0.5" in said[0].hint
    countries = "".join(f'<recipient-country code="{c}" percentage="30"/>' for c in ("MA", "TN", "LY"))
    rest = load(tmp_path / "rest", activity(body=countries + budget("900")))
    assert rest.tables["budget"]["country"].tolist() == ["MA", "TN", "LY", "regional"]
    under = [p for p in rest.problems if p.rule == "iati_country_split_under"]
    assert len(under) == 1 and under[0].severity == "warning" and "10 % of its money" in under[0].message
    region = load(tmp_path / "region", activity(body=countries + '<recipient-region code="589" percentage="10"/>'
                                                 + budget("900")))
    assert rules(region) == [] and region.tables["budget"]["country"].tolist() == ["MA", "TN", "LY", "regional"]


def test_a_transaction_naming_several_countries_is_split_as_its_activity_not_given_to_the_first(tmp_path):
    """Before: a transaction of 300 naming Morocco and Tunisia (IATI allows one) was all Morocco's, nothing said."""
    countries = '<recipient-country code="MA" percentage="50"/><recipient-country code="TN" percentage="50"/>'
    source = load(tmp_path, activity(body=countries + budget("1000") + transaction(
        "300", extra='<recipient-country code="MA"/><recipient-country code="TN"/>')))
    assert source.tables["expenditure"][["country", "amount"]].values.tolist() == [["MA", 150.0], ["TN", 150.0]]
    said = next(p for p in source.problems if p.rule == "iati_country_split")
    assert said.severity == "warning" and said.element == "iati-activity[XM-1]/transaction[1]/recipient-country"


def test_a_commitment_without_a_date_does_not_stop_the_build(tmp_path):
    """Before: an outgoing commitment without transaction-date (never counted as spending) was an error: nothing of
    the project was built. A payment without a date still is."""
    undated = '<transaction><transaction-type code="{}"/><value>1000</value></transaction>'
    source = load(tmp_path, activity(body=budget("1000") + undated.format("2") + transaction("300")))
    said = next(p for p in source.problems if p.rule == "iati_no_date")
    assert said.severity == "warning" and "outgoing commitment" in said.message
    paid = load(tmp_path / "paid", activity(body=budget("1000") + undated.format("4")))
    assert [p.severity for p in paid.problems if p.rule == "iati_no_date"] == ["error"]


def test_a_transaction_without_transaction_date_is_dated_by_its_value_date(tmp_path):
    """transaction-date is mandatory since IATI 2.01 (optional in 1.0x) and some publishers still leave it out, the
    value's value-date given: each such payment was an error that stopped the build. It is dated by its value-date,
    one warning for the activity; a transaction with neither stays an error, one with an invalid transaction-date
    too (its value-date is not put in place of a date the publisher wrote wrong)."""
    undated = '<transaction><transaction-type code="4"/><value value-date="{}">{}</value></transaction>'
    source = load(tmp_path, activity(body=budget("1000") + undated.format("2021-06-30", "300")
                                     + undated.format("2021-09-30", "200")))
    spent = source.tables["expenditure"]
    assert spent["amount"].tolist() == [300.0, 200.0]
    assert [str(d)[:10] for d in spent["period_end"]] == ["2021-06-30", "2021-09-30"]
    said = [p for p in source.problems if p.rule == "iati_value_date"]
    assert [(p.severity, p.element, p.value) for p in said] == [
        ("warning", "iati-activity[XM-1]/transaction[1]/transaction-date", "2021-06-30")]
    assert "2 transaction(s)" in said[0].message and "2021-06-30 to 2021-09-30" in said[0].message
    assert rules(source, "error") == []
    wrong = load(tmp_path / "wrong", activity(body=budget("1000") + transaction(
        "300", date="2021-31-06").replace("<value>", '<value value-date="2021-06-30">')))
    assert rules(wrong, "error") == ["iati_no_date"] and "iati_value_date" not in rules(wrong)


def test_a_recipient_country_given_twice_is_one_country(tmp_path):
    """Before: MA 50 % and ma 50 % gave two budget lines XM-1 for MA, refused as « this budget line appears twice
    for the same country », which names no recipient-country."""
    countries = '<recipient-country code="MA" percentage="50"/><recipient-country code="ma" percentage="50"/>'
    source = load(tmp_path, activity(body=countries + budget("1000") + transaction("300")))
    assert source.tables["budget"][["country", "budget", "label"]].values.tolist() == [["MA", 1000.0, "Titre XM-1"]]
    assert source.tables["expenditure"][["country", "amount"]].values.tolist() == [["MA", 300.0]]
    said = next(p for p in source.problems if p.rule == "iati_country_twice")
    assert said.severity == "warning" and said.element == "iati-activity[XM-1]/recipient-country[2]/@code"
    assert rules(source, "error") == []


def test_one_recipient_country_takes_everything_without_an_estimate(tmp_path):
    source = load(tmp_path, activity(body='<recipient-country code="MR"/>' + budget("10")))
    assert source.tables["budget"][["country", "label"]].values.tolist() == [["MR", "Titre XM-1"]]


# ================================================================= results


def test_one_indicator_row_per_period_with_id_label_level_direction_unit_and_baseline(tmp_path):
    result = ('<result type="2">' + indicator(
        period('<target value="10"/>', '<actual value="11"/>')
        + period('<target value="20"/>', '<actual value="15"/>', "2022-01-01", "2022-12-31"),
        attrs='measure="1" ascending="0"', extra='<reference vocabulary="99" code="IND-7"/>'
                                                 '<baseline year="2020" value="30"/>')
        + indicator(period('<target value="5"/>', '<actual value="2"/>')) + "</result>")
    table = load(tmp_path, activity(body=result)).tables["indicators"]
    assert table["indicator_id"].tolist() == ["IND-7", "IND-7", "XM-1/R1.I2"]
    assert table["period"].tolist()[:2] == ["2021-01-01/2021-12-31", "2022-01-01/2022-12-31"]
    assert table["level"].unique().tolist() == ["outcome"]
    assert table["direction"].tolist() == ["decrease", "decrease", "increase"]
    assert table["unit"].tolist()[0] == "unités"
    assert table["baseline"].tolist()[:2] == [30.0, 30.0]
    assert table[["target", "actual"]].values.tolist() == [[10.0, 11.0], [20.0, 15.0], [5.0, 2.0]]


def test_two_indicators_of_one_activity_with_one_code_are_told_apart_by_position(tmp_path):
    """Before: the same reference code on two indicators of one activity (valid IATI) was refused as a duplicate."""
    code = '<reference vocabulary="1" code="3429"/>'
    result = ('<result type="1">' + indicator(period('<target value="10"/>'), extra=code, title="Women")
              + indicator(period('<target value="20"/>'), extra=code, title="Men") + "</result>")
    source = load(tmp_path, activity(body=result), activity("XM-2", '<result type="1">' + indicator(
        period('<target value="5"/>'), extra='<reference vocabulary="1" code="77"/>') + "</result>"))
    table = source.tables["indicators"]
    assert table[["indicator_id", "label", "target"]].values.tolist() == [
        ["XM-1/R1.I1/3429", "Women", 10.0], ["XM-1/R1.I2/3429", "Men", 20.0], ["77", "Trained people", 5.0]]
    assert rules(source) == []


def test_sex_dimensions_as_publishers_write_them_give_f_m_and_total_rows(tmp_path):
    cells = ('<actual value="7"><dimension name="Gender - genre" value="Female - feminin"/></actual>'
             '<actual value="5"><dimension name="sex" value="M"/></actual>'
             '<actual value="12"/>')
    table = load(tmp_path, activity(body='<result type="1">' + indicator(period('<target value="10"/>', cells))
                                    + "</result>")).tables["indicators"]
    assert table.set_index("sex")["actual"].to_dict() == {"total": 12.0, "f": 7.0, "m": 5.0}


@pytest.mark.parametrize("both", ["Male and Female", "F+M", "Hommes et femmes", "Women &amp; men", "Femmes/Hommes",
                                  "Overall", "Combined", "Mixte"])
def test_a_sex_dimension_naming_both_sexes_is_the_total_not_the_womens(tmp_path, both):
    """Before: the cell of « Male and Female » (« F+M », « Hommes et femmes ») was read as women's, the first sex
    word found: women 30 + 42 = 72, the total summed 84 for 42, the warning saying only « no total is given »; that
    of « Overall » (« Combined », « Mixte ») was « not recognised » and added to women and men: 84 for 42."""
    cells = ('<actual value="30"><dimension name="sex" value="Female"/></actual>'
             '<actual value="12"><dimension name="sex" value="Male"/></actual>'
             f'<actual value="42"><dimension name="sex" value="{both}"/></actual>')
    source = load(tmp_path, activity(body='<result type="1">' + indicator(period('<target value="50"/>', cells))
                                     + "</result>"))
    assert source.tables["indicators"].set_index("sex")["actual"].to_dict() == {"total": 42.0, "f": 30.0, "m": 12.0}
    assert rules(source) == []


@pytest.mark.parametrize("kind", ["Female headed household", "Women-owned business"])
def test_a_dimension_named_after_women_with_yes_and_no_is_no_sex(tmp_path, kind):
    """Before: actuals by « Female headed household » = « Yes » (20) and « No » (80), beside the total 100, were both
    read as women's, the dimension named after the sex: women 100 of 100 (100 % women, nothing said). A dimension
    whose value is yes or no is a kind of household or business, not a sex; one named « Women » with an age band as
    its value stays women's."""
    cells = (f'<actual value="20"><dimension name="{kind}" value="Yes"/></actual>'
             f'<actual value="80"><dimension name="{kind}" value="No"/></actual><actual value="100"/>')
    source = load(tmp_path, activity(body='<result type="1">' + indicator(period('<target value="100"/>', cells))
                                     + "</result>"))
    assert source.tables["indicators"].set_index("sex")["actual"].to_dict() == {"total": 100.0}
    aged = ('<actual value="30"><dimension name="Women" value="15-24"/></actual>'
            '<actual value="12"><dimension name="Men" value="15-24"/></actual><actual value="42"/>')
    source = load(tmp_path / "aged", activity(body='<result type="1">' + indicator(period('<target value="50"/>', aged))
                                              + "</result>"))
    assert source.tables["indicators"].set_index("sex")["actual"].to_dict() == {"total": 42.0, "f": 30.0, "m": 12.0}


@pytest.mark.parametrize(("word", "value", "total"), [("Gesamt", 42, 42.0), ("Totaal", 42, 42.0), ("Other", 3, 45.0)])
def test_an_unrecognised_sex_that_is_womens_and_mens_sum_is_their_total(tmp_path, word, value, total):
    """Before: « Gesamt » (« Totaal ») = 42 beside Female 30 and Male 12 was « not recognised: counted in the total
    only », and added to them: a total of 84 for 42. Being their sum, it is now read as their total, said; another
    unrecognised value (« Other » = 3) is still a part of the total (45)."""
    cells = (f'<actual value="30"><dimension name="sex" value="Female"/></actual>'
             f'<actual value="12"><dimension name="sex" value="Male"/></actual>'
             f'<actual value="{value}"><dimension name="sex" value="{word}"/></actual>')
    source = load(tmp_path, activity(body='<result type="1">' + indicator(period('<target value="50"/>', cells))
                                     + "</result>"))
    assert source.tables["indicators"].set_index("sex")["actual"].to_dict() == {"total": total, "f": 30.0, "m": 12.0}
    said = next(p for p in source.problems if p.rule == "iati_unknown_sex")
    assert said.severity == "warning" and said.value == f"sex={word}"
    assert ("read as their total" in said.message) == (value == 42)


def test_a_sex_dimension_written_in_arabic_gives_f_and_m_rows(tmp_path):
    """Before: a Maghreb publisher's results by « الجنس » (sex) = « أنثى » (female), « ذكور » (males) gave only a
    total summed « by الجنس », no row for women: the indicator's share of women not computable, though the file
    gives it. Arabic sex words are now read as the French and English ones."""
    cells = ('<actual value="60"><dimension name="الجنس" value="أنثى"/></actual>'
             '<actual value="40"><dimension name="الجنس" value="ذكور"/></actual>'
             '<actual value="100"><dimension name="الجنس" value="المجموع"/></actual>')
    table = load(tmp_path, activity(body='<result type="1">' + indicator(period('<target value="90"/>', cells))
                                    + "</result>", lang="ar")).tables["indicators"]
    assert table.set_index("sex")["actual"].to_dict() == {"total": 100.0, "f": 60.0, "m": 40.0}


def test_a_sex_dimension_written_in_portuguese_gives_f_and_m_rows(tmp_path):
    """Before: a Lusophone publisher's « Sexo » = « Feminino » (30) and « Ambos » (both, 42) were « not recognised »,
    counted in the total only: no row for women beside men's « Masculino » (12), and a total of 84 for 42."""
    cells = ('<actual value="30"><dimension name="Sexo" value="Feminino"/></actual>'
             '<actual value="12"><dimension name="Sexo" value="Masculino"/></actual>'
             '<actual value="42"><dimension name="Sexo" value="Ambos"/></actual>')
    source = load(tmp_path, activity(body='<result type="1">' + indicator(period('<target value="50"/>', cells))
                                     + "</result>", lang="pt"))
    assert source.tables["indicators"].set_index("sex")["actual"].to_dict() == {"total": 42.0, "f": 30.0, "m": 12.0}
    assert rules(source) == []


def test_other_dimensions_are_summed_into_the_total_when_none_is_given_with_a_note(tmp_path):
    cells = [f'<actual value="{v}"><dimension name="gender" value="{s}"/><dimension name="age" value="{a}"/>'
             '</actual>' for v, s, a in ((3, "F", "18-24"), (4, "F", "25+"), (6, "male", "25+"))]
    # the same dates repeated, one <period> per cell, as some publishers do
    periods = period('<target value="20"/>') + "".join(period(actual=cell) for cell in cells)
    source = load(tmp_path, activity(body='<result type="1">' + indicator(periods) + "</result>"))
    table = source.tables["indicators"]
    assert len(table.drop_duplicates("period")) == 1
    assert table.set_index("sex")["actual"].to_dict() == {"total": 13.0, "f": 7.0, "m": 6.0}
    note = next(p for p in source.problems if p.rule == "iati_total_summed")
    assert note.severity == "warning" and "age, gender" in note.message


def test_breakdowns_by_sex_and_by_age_of_one_count_are_not_added_together(tmp_path):
    """Before: an actual given by sex (30 women, 12 men) and again by age (15 aged 15-24, 27 aged 25+), each a
    breakdown of the same 42 people, made a total of 84, rated 84 % of its target of 100 for 42 %; women given alone
    (30) and again by age (10 + 20) made 60 women. Each breakdown is the whole: their sums are the figure when they
    agree, else it is not computed, with a warning giving them."""
    def cells(*values):
        return "".join(f'<actual value="{v}">' + "".join(f'<dimension name="{n}" value="{x}"/>' for n, x in dims)
                       + "</actual>" for v, dims in values)
    agree = cells((30, [("sex", "female")]), (12, [("sex", "male")]), (15, [("age", "15-24")]), (27, [("age", "25+")]),
                  (10, [("sex", "female"), ("age", "15-24")]), (20, [("sex", "female"), ("age", "25+")]))
    source = load(tmp_path, activity(body='<result type="1">' + indicator(period('<target value="100"/>', agree))
                                     + "</result>"))
    assert source.tables["indicators"].set_index("sex")["actual"].to_dict() == {"total": 42.0, "f": 30.0, "m": 12.0}
    note = next(p for p in source.problems if p.rule == "iati_total_summed")
    assert "by age" in note.message and "by sex" in note.message and "(not of all)" in note.message
    # the age breakdown leaves some out (36 of 42): which one is the total is not known
    short = cells((30, [("sex", "female")]), (12, [("sex", "male")]), (15, [("age", "15-24")]), (21, [("age", "25+")]))
    source = load(tmp_path / "b", activity(body='<result type="1">' + indicator(period('<target value="100"/>', short))
                                           + "</result>"))
    table = source.tables["indicators"].set_index("sex")["actual"]
    assert math.isnan(table["total"]) and table[["f", "m"]].tolist() == [30.0, 12.0]
    problem = next(p for p in source.problems if p.rule == "iati_not_added")
    assert problem.severity == "warning" and "by age: 36; by sex: 42" in problem.message
    assert "iati_total_summed" not in rules(source)


def located(value: str, place: str, tag: str = "actual") -> str:
    return f'<{tag} value="{value}"><location ref="{place}"/></{tag}>'


def test_values_by_location_of_a_count_are_added(tmp_path):
    """Before: one <period> per location with the same dates, and only the first location was counted (13/7)."""
    periods = (period(located("7", "KE-NBO", "target"), located("13", "KE-NBO"))
               + period(located("3", "BD-DHA", "target"), located("2", "BD-DHA")))
    source = load(tmp_path, activity(body='<result type="1">' + indicator(periods) + "</result>"))
    table = source.tables["indicators"]
    assert table[["sex", "target", "actual"]].values.tolist() == [["total", 10.0, 15.0]]
    assert rules(source) == ["iati_total_summed", "iati_total_summed"]
    # a value without location beside those by location is the total
    total = period('<target value="12"/>', '<actual value="16"/>')
    table = load(tmp_path / "b", activity(body='<result type="1">' + indicator(periods + total) + "</result>")
                 ).tables["indicators"]
    assert table[["target", "actual"]].values.tolist() == [[12.0, 16.0]]


def test_baselines_of_several_years_are_not_added_the_earliest_is_the_baseline(tmp_path):
    """Before: baselines by sex of 2018 (women 10, men 8) and again of 2020 (12, 9) were added: women 22, men 17,
    the total summed 39 « no total baseline is given »; without sex (18, 21) the baseline was not computed, « not
    told apart by distinct locations ». The earliest year's are the baseline, the later ones said."""
    def baseline(value, year, sex=""):
        dimension = f'<dimension name="sex" value="{sex}"/>' if sex else ""
        return f'<baseline year="{year}" iso-date="{year}-01-01" value="{value}">{dimension}</baseline>'
    later = baseline(12, 2020, "female") + baseline(9, 2020, "male")
    source = load(tmp_path, activity(body='<result type="1">' + indicator(
        period('<target value="40"/>'), extra=later + baseline(10, 2018, "female") + baseline(8, 2018, "male"))
        + "</result>"))
    assert source.tables["indicators"].set_index("sex")["baseline"].to_dict() == {"total": 18.0, "f": 10.0, "m": 8.0}
    said = next(p for p in source.problems if p.rule == "iati_baseline_years")
    assert said.severity == "warning" and said.value == "2020: 12, 2020: 9" and "those of 2018" in said.message
    plain = load(tmp_path / "b", activity(body='<result type="1">' + indicator(
        period('<target value="40"/>'), extra=baseline(18, 2018) + baseline(21, 2020)) + "</result>"))
    assert plain.tables["indicators"]["baseline"].tolist() == [18.0] and rules(plain) == ["iati_baseline_years"]


@pytest.mark.parametrize("measure", ["1", "2"])
def test_a_sexs_value_given_whole_and_again_by_location_is_not_added_to_its_parts(tmp_path, measure):
    """Before: women's actual given whole (30) and again by location (10 + 20), men's so too (12; 5 + 7), made 60
    women and 24 men, with a total of 42 beside them; without the total, 84 summed for 42. (A percentage: women's
    value not computed.) The value without location is the whole, its located parts beside it, as for the total."""
    def cell(value, sex, place=None):
        where = f'<location ref="{place}"/>' if place else ""
        return f'<actual value="{value}">{where}<dimension name="sex" value="{sex}"/></actual>'
    parts = (cell(30, "female") + cell(10, "female", "L1") + cell(20, "female", "L2") + cell(12, "male")
             + cell(5, "male", "L1") + cell(7, "male", "L2"))
    source = load(tmp_path, activity(body='<result type="1">' + indicator(period('<target value="50"/>', parts),
                                                                          f'measure="{measure}"') + "</result>"))
    actual = source.tables["indicators"].set_index("sex")["actual"]
    assert actual[["f", "m"]].tolist() == [30.0, 12.0]
    if measure == "1":   # no total given: summed from the sexes' wholes, said
        assert actual["total"] == 42.0 and rules(source) == ["iati_total_summed"]
    else:                # a percentage's total is never made of its groups'
        assert math.isnan(actual["total"]) and rules(source) == ["iati_not_added"]
    # men by location only: their parts are the whole
    source = load(tmp_path / "b", activity(body='<result type="1">' + indicator(period(
        '<target value="50"/>', cell(30, "female") + cell(5, "male", "L1") + cell(7, "male", "L2"))) + "</result>"))
    assert source.tables["indicators"].set_index("sex")["actual"].to_dict() == {"total": 42.0, "f": 30.0, "m": 12.0}


@pytest.mark.parametrize("measure, places", [("2", ("KE-NBO", "BD-DHA")), ("1", ("KE-NBO", "KE-NBO")),
                                             ("1", ("", ""))])
def test_values_that_cannot_be_added_give_no_total_and_say_why(tmp_path, measure, places):
    """A percentage by location, or two values of one period not told apart: not computed, never the first."""
    cells = [located(v, p) if p else f'<actual value="{v}"/>' for v, p in zip(("60", "40"), places)]
    periods = period('<target value="50"/>', cells[0]) + period(actual=cells[1])
    source = load(tmp_path, activity(body='<result type="1">' + indicator(periods, f'measure="{measure}"')
                                     + "</result>"))
    table = source.tables["indicators"]
    assert table["actual"].isna().all() and table["target"].tolist() == [50.0]
    problem = next(p for p in source.problems if p.rule == "iati_total_not_computed")
    assert problem.severity == "warning" and "period[1]/actual[1]" in problem.message
    assert ("percentage measure cannot be added" if measure == "2" else "distinct locations") in problem.message


def test_percentages_by_dimension_are_never_added(tmp_path):
    """Before: women aged 18-24 (11 %) and 25+ (13 %) made 24 % for women; 60 % of women and 40 % of men a 100 %
    total, with a warning advising to check the cells cover the population."""
    def cells(tag, *values):
        return "".join(f'<{tag} value="{v}"><dimension name="sex" value="{s}"/><dimension name="age" value="{a}"/>'
                       f'</{tag}>' for v, s, a in values)
    by_age = period(cells("target", ("10", "F", "18-24"), ("10", "F", "25+")),
                    cells("actual", ("11", "F", "18-24"), ("13", "F", "25+")))
    by_sex = period('<target value="50"/>', '<actual value="60"><dimension name="sex" value="female"/></actual>'
                    '<actual value="40"><dimension name="sex" value="male"/></actual>')
    source = load(tmp_path, activity(body='<result type="1">' + indicator(by_age, 'measure="2"')
                                     + indicator(by_sex, 'measure="2"') + "</result>"))
    table = source.tables["indicators"].set_index(["indicator_id", "sex"])
    assert table.loc["XM-1/R1.I1", "actual"].isna().all() and table.loc["XM-1/R1.I1", "target"].isna().all()
    assert table.loc["XM-1/R1.I2", "actual"].to_dict() == pytest.approx(
        {"total": float("nan"), "f": 60.0, "m": 40.0}, nan_ok=True)  # one cell alone is the figure
    assert table.at[("XM-1/R1.I2", "total"), "target"] == 50
    assert "iati_total_summed" not in rules(source)
    women = next(p for p in source.problems if p.rule == "iati_not_added" and "actual for women" in p.message)
    assert "percentage measure are never added" in women.message and women.value == "11, 13"
    assert any(p.rule == "iati_not_added" and "total actual" in p.message and p.value == "60, 40"
               for p in source.problems)


@pytest.mark.parametrize("measure, unit", [("3", "nominal"), ("4", "ordinal"), ("5", "qualitatif")])
def test_nominal_ordinal_and_qualitative_indicators_are_listed_not_rated_and_said(tmp_path, measure, unit):
    """An ordinal scale's values are ranks: level 2 for a target of level 3 was rated 66.7 %, amber."""
    source = load(tmp_path, activity(body='<result type="1">' + indicator(
        period('<target value="3"/>', '<actual value="2"/>'), attrs=f'measure="{measure}"') + "</result>"))
    table = source.tables["indicators"]
    assert len(table) == 1 and table["unit"].tolist() == [unit]
    assert table[["target", "actual"]].isna().all().all()
    assert iptt(table, Thresholds())["rag"].tolist() == [""]
    said, = (p for p in source.problems if p.rule == "iati_not_rated")
    assert said.severity == "warning" and "target 3, actual 2" in said.message
    assert said.element == "iati-activity[XM-1]/result[1]/indicator[1]"
    french = translated(said, "fr")
    assert "(cible 3, réalisé 2)" in french.message and french.hint.startswith("Rien à faire")


def test_a_percentage_actual_typed_as_a_fraction_is_warned_at_its_element_as_in_a_csv(tmp_path):
    """0.4 beside a target of 45 (%): rated 0.9 %, red, and make check said nothing (the contract's row warnings ran
    on CSV tables only)."""
    source = load(tmp_path, activity(body='<result type="1">' + indicator(
        period('<target value="45"/>', '<actual value="0.4"/>') + period('<target value="50"/>', '<actual value="48"/>',
                                                                         "2022-01-01", "2022-12-31"),
        attrs='measure="2"') + "</result>"))
    said, = (p for p in source.problems if p.rule == "fraction_for_percent")
    assert said.severity == "warning" and said.value == "0.4" and said.column == "actual"
    assert said.element == "iati-activity[XM-1]/result[1]/indicator[1]/period[1]" and said.file.endswith("file.xml")


def test_a_qualitative_indicator_without_values_is_listed_without_a_warning(tmp_path):
    source = load(tmp_path, activity(body='<result type="1">' + indicator(period(), attrs='measure="5"')
                                     + "</result>"))
    assert len(source.tables["indicators"]) == 1 and "iati_not_rated" not in rules(source)


def test_narratives_fall_back_on_the_files_language(tmp_path):
    result = '<result type="1">' + indicator(period(), title="Personnes formées") + "</result>"
    source = load(tmp_path, activity(body=result, lang="fr"), language="en")
    assert source.tables["indicators"]["label"].tolist() == ["Personnes formées"]


# ================================================================= values that are not numbers


@pytest.mark.parametrize("text", ["NA", "23,14", "£3,500,000", "1 000"])
def test_values_that_are_not_numbers_are_problems_not_guesses(tmp_path, text):
    source = load(tmp_path, activity(body=budget(text) + '<result type="1">'
                                     + indicator(period(f'<target value="{text}"/>')) + "</result>"))
    budget_problem, target_problem = (p for p in source.problems if p.rule == "iati_not_a_number")
    assert budget_problem.severity == "error" and budget_problem.value == text
    assert budget_problem.element == "iati-activity[XM-1]/budget[1]/value"
    assert target_problem.severity == "warning"  # the indicator is listed without it
    assert target_problem.element == "iati-activity[XM-1]/result[1]/indicator[1]/period[1]/target[1]/@value"
    assert source.tables["indicators"]["target"].isna().all()


@pytest.mark.parametrize("empty", ["", "  ", "<!-- to be confirmed -->"])
def test_a_budget_without_a_value_leaves_the_activitys_budget_not_computed(tmp_path, empty):
    """Before: 2022's <budget> with <value/> (or blanks, or a comment only) was passed over without a word, the
    activity's budget read as 1 000 (2021's alone) and its rate as 900 / 1 000 = 90 %; an empty transaction value
    was dropped unsaid too. The budget is now not computed, said; the transaction is said not counted."""
    source = load(tmp_path, activity(body=budget("1000") + budget(empty, "2022-01-01", "2022-12-31")
                                     + transaction("600") + transaction("300", date="2022-06-30")
                                     + transaction(empty)))
    assert source.tables["budget"]["budget"].isna().all() and len(source.tables["budget"]) == 1
    assert source.tables["expenditure"]["amount"].tolist() == [600.0, 300.0]
    said = {p.rule: p for p in source.problems}
    assert said["iati_budget_no_value"].element == "iati-activity[XM-1]/budget[2]/value"
    assert ("1 budget(s) have no value, the first (2022-01-01..2022-12-31): the activity's budget is not known, and "
            "is not computed (its other budgets, 1000 EUR, are only part of it)") in said["iati_budget_no_value"].message
    assert said["iati_no_value"].element == "iati-activity[XM-1]/transaction[3]"
    assert "budget_unknown" not in said   # (it has a budget: its value is not given)


def test_an_activity_without_a_budget_says_why_the_publisher_gives_none(tmp_path):
    """IATI 2.03's @budget-not-provided (2: legal restrictions) was not read: « reports spending but no budget », and
    nothing of the whole project's rate, n.d. as well (a line of unknown budget)."""
    source = load(tmp_path, activity(body=transaction("200"), attrs='default-currency="EUR" budget-not-provided="2"'))
    said = next(p for p in source.problems if p.rule == "budget_unknown")
    assert said.message.endswith('reports spending but no budget (budget-not-provided="2": legal restrictions)')
    assert "nor the whole project's unless budget_total is declared" in said.hint and said.value == "2"
    french = translated(said, "fr")
    assert "(budget-not-provided=\"2\" : restrictions légales)" in french.message, french.message


def test_spending_without_a_budget_names_the_parents_or_childrens_budget(tmp_path):
    """A programme's budget on its parent (1 000), its spending on the components (300 and 200, no budget): each
    child was « reports spending but no budget », the project's rate n.d. (its lines' budgets unknown), and nothing
    said of the parent's 1 000 that holds them, the budget_total to declare. Either way round, it is named."""
    parent = activity("XM-P", '<related-activity ref="XM-C1" type="2"/>' + budget("1000"))
    children = [activity("XM-C1", transaction("300")),   # (linked by its parent only)
                activity("XM-C2", '<related-activity ref="XM-P" type="1"/>' + transaction("200"))]
    source = load(tmp_path, parent, *children)
    said = [p for p in source.problems if p.rule == "budget_unknown"]
    assert [p.element for p in said] == ["iati-activity[XM-C1]", "iati-activity[XM-C2]"]
    assert all(p.message.endswith("have budgets that may hold its spending: parent XM-P (1000 EUR)") for p in said)
    assert "ses dépenses : parent XM-P (1000 EUR)" in translated(said[0], "fr").message
    upside = load(tmp_path / "up", activity("XM-P", '<related-activity ref="XM-C1" type="2"/>' + transaction("600")),
                  activity("XM-C1", '<related-activity ref="XM-P" type="1"/>' + budget("700")))
    told = next(p for p in upside.problems if p.rule == "budget_unknown")
    assert told.message.endswith(": child XM-C1 (700 EUR)") and "enfant XM-C1" in translated(told, "fr").message
    alone = load(tmp_path / "alone", activity("XM-A", transaction("100")), activity("XM-B", budget("900")))
    assert next(p for p in alone.problems if p.rule == "budget_unknown").message.endswith("but no budget")


def test_a_value_around_a_comment_is_read_whole(tmp_path):
    """Before: <value><!-- revised -->500</value> read the element's text before the comment (none): 2022's budget
    of 500 and a payment of 200 were gone without a word, the budget read as 1 000 and the spending as 300."""
    source = load(tmp_path, activity(body=budget("1000") + budget("<!-- revised -->500", "2022-01-01", "2022-12-31")
                                     + transaction("300") + transaction("2<!-- x -->00")))
    assert source.tables["budget"]["budget"].tolist() == [1500.0]
    assert source.tables["expenditure"]["amount"].tolist() == [300.0, 200.0]
    assert rules(source) == []


# ================================================================= untrusted XML


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<iati-activities version="2.03"><iati-activity default-currency="EUR"><iati-identifier>XM-1</iati-identifier>
<title><narrative>&lol9;</narrative></title><budget><value>1</value></budget></iati-activity></iati-activities>
"""


def test_a_billion_laughs_file_is_refused_without_expanding_anything(tmp_path):
    path = tmp_path / "iati" / "bomb.xml"
    path.parent.mkdir()
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    source = iati.load_iati(path.parent, params())
    assert rules(source) == ["iati_dtd"] and source.problems[0].severity == "error"
    assert source.activities == [] and source.tables["budget"].empty


def test_an_external_entity_is_neither_fetched_nor_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a", encoding="utf-8")
    path = tmp_path / "iati" / "xxe.xml"
    path.parent.mkdir()
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file://{secret}"> '
                    '<!ENTITY net SYSTEM "http://127.0.0.1:9/x"> ]>\n<iati-activities version="2.03"><iati-activity>'
                    '<iati-identifier>XM-1</iati-identifier><title><narrative>&xxe;&net;</narrative></title>'
                    '</iati-activity></iati-activities>\n', encoding="utf-8")
    source = iati.load_iati(path.parent, params())
    assert rules(source) == ["iati_dtd"]
    shown = repr(source.problems) + repr(source.activities) + repr(source.tables)
    assert "TOP-SECRET" not in shown
    # and lxml with the reader's options keeps the entity unexpanded even when asked to parse the file
    from lxml import etree
    tree = etree.parse(str(path), etree.XMLParser(**iati.parser_options()))
    assert "TOP-SECRET" not in etree.tostring(tree, encoding="unicode")


def test_a_dtd_under_another_root_is_refused_before_any_activity_is_read(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "f.xml").write_text('<!DOCTYPE x [<!ENTITY e "boom">]><x><iati-activity><iati-identifier>'
                                          '&e;</iati-identifier></iati-activity></x>', encoding="utf-8")
    assert rules(iati.load_iati(tmp_path / "a", params())) == ["iati_dtd"]
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "f.xml").write_text('<iati-organisations version="2.03"><iati-activity/></iati-organisations>',
                                          encoding="utf-8")
    assert rules(iati.load_iati(tmp_path / "b", params())) == ["iati_not_activity_file"]


def test_an_organisation_file_beside_the_activity_files_is_said_not_read_and_the_rest_is_built(tmp_path):
    """Before: the ILO's organisation file (iati-organisations, downloaded with the activity file) put in iati/
    beside the activity file was an error telling to « download the project's activity file », which was there,
    and no annex of the project was built. It is now a warning that it is not read; alone, still an error."""
    folder = tmp_path / "iati"
    write(folder, activity(body=budget("1000") + transaction("300")))
    (folder / "organisation.xml").write_text('<iati-organisations version="2.03"><iati-organisation>'
                                             '<organisation-identifier>XM-DAC-41302</organisation-identifier>'
                                             '</iati-organisation></iati-organisations>', encoding="utf-8")
    source = iati.load_iati(folder, params())
    said = [p for p in source.problems if p.rule == "iati_not_activity_file"]
    assert [(p.severity, p.file.endswith("organisation.xml")) for p in said] == [("warning", True)]
    assert "an organisation file" in said[0].message and said[0].message.endswith("it is not read")
    assert source.tables["budget"]["budget"].sum() == 1000
    (folder / "file.xml").unlink()
    alone = [p for p in iati.load_iati(folder, params()).problems if p.rule == "iati_not_activity_file"]
    assert [p.severity for p in alone] == ["error"]


def test_other_versions_and_broken_xml_are_clear_errors(tmp_path):
    write(tmp_path / "a", activity(), version="1.05")
    assert [p.rule for p in iati.load_iati(tmp_path / "a", params()).problems] == ["iati_version"]
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "f.xml").write_text('<iati-activities version="2.03"><iati-activity>', encoding="utf-8")
    problem = iati.load_iati(tmp_path / "b", params()).problems[0]
    assert problem.rule == "iati_xml_syntax" and problem.row == 1


def test_an_html_entity_in_a_file_is_refused_saying_which_and_where(tmp_path):
    """&eacute; (HTML's, in a file edited by hand) was « not well-formed XML (no element found) », at row 0."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "bad.xml").write_bytes(b"\xef\xbb\xbf<?xml")   # (an earlier file's error, in the same thread)
    iati.load_iati(tmp_path / "a", params())
    folder = write(tmp_path / "b", activity(body=budget("1000"))).parent
    path = folder / "file.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("Title XM-1", "Sant&eacute;"), encoding="utf-8")
    problem, = iati.load_iati(folder, params()).problems
    assert problem.rule == "iati_xml_syntax" and problem.row == 2 and problem.severity == "error"
    assert "Entity 'eacute' not defined, line 2" in problem.message and "é for &eacute;" in problem.hint


@pytest.mark.parametrize("broken, french", [
    (lambda t: t[:t.index("</iati-activities>")], "le fichier s'arrête avant la fin de la balise <iati-activities> "
                                                   "ouverte ligne 2 : il est coupé"),
    (lambda t: t.replace("</title>", "</titel>"), "la balise de fin </titel> ne ferme pas la balise <title> ouverte "
                                                  "ligne 2, ligne 2, colonne"),
    (lambda t: t.replace("Title XM-1", "Santé & travail"), "un « & » seul (dans un texte, XML l'écrit &amp;), ligne 2"),
    (lambda t: t.replace("Title XM-1", "Santé\x00"), "un caractère (0x0) qu'XML interdit, ligne 2, colonne"),
    (lambda t: t.replace("Title XM-1", "Sant\udce9"), "des octets qui ne sont pas de l'encodage que le fichier déclare"),
], ids=["cut", "mismatch", "ampersand", "nul", "latin-1"])
def test_a_file_that_is_not_well_formed_is_said_in_french_with_its_line_and_column(tmp_path, broken, french):
    """libxml2's own words were quoted in English inside the French sentence (« Premature end of data in tag
    iati-activities line 2 », « Opening and ending tag mismatch », « xmlParseEntityRef: no name »), and a message
    holding a line break (« Char 0x0 out of allowed range\\n ») left the whole line English: each is said in French
    now, where it is (line, column)."""
    from english_words import english_words

    path = write(tmp_path / "iati", activity(body=budget("1000")))
    path.write_bytes(broken(path.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    problem, = iati.load_iati(path.parent, params()).problems
    said = translated(problem, "fr")
    assert problem.rule == "iati_xml_syntax" and said.message.startswith("le fichier n'est pas un XML bien formé (")
    assert french in said.message and "«  »" not in said.message and not english_words(said.message), said.message
    assert re.search(r", ligne \d+, colonne \d+\)", said.message), said.message


def test_a_direction_override_or_c1_control_in_a_narrative_is_shown_as_its_escape_and_warned(tmp_path):
    """Before: a title « Formation U+202E 0051 USD » (XML allows U+202E and the C1 controls, which a table or a YAML
    file refuses, control_character) reached the annex as written, shown « Formation DSU 1500 »: a figure that is
    not the file's; a CSI (U+009B) in a label reached the terminal. Now each is shown as its escape, warned."""
    title = '<title><narrative>Formation \u202e 0051 USD</narrative></title>'
    body = (budget("100") + transaction("30", extra="<description><narrative>Paid \x9b31m</narrative></description>")
            + '<result type="1">' + indicator(period('<target value="10"/>', '<actual value="4"/>'),
                                               title="Femmes \u202e21") + "</result>")
    source = load(tmp_path, activity(body=body).replace(
        "<title><narrative>Title XM-1</narrative><narrative xml:lang=\"fr\">Titre XM-1</narrative></title>", title))
    warned = [p for p in source.problems if p.rule == "control_character"]
    assert [p.severity for p in warned] == ["warning"] * 3
    assert [p.element for p in warned] == ["iati-activity[XM-1]/title/narrative",
                                           "iati-activity[XM-1]/result[1]/indicator[1]/title/narrative",
                                           "iati-activity[XM-1]/transaction[1]/description/narrative"]
    assert "direction override" in warned[0].message and "\\u202e" in warned[0].message
    labels = [*source.tables["budget"]["label"], *source.tables["expenditure"]["period_label"],
              *source.tables["indicators"]["label"]]
    assert "Formation \\u202e 0051 USD" in labels and "Femmes \\u202e21" in labels
    assert any("Paid \\x9b31m" in label for label in labels)
    assert not any(re.search("[\u202e\x80-\x9f]", label) for label in labels)


def test_a_direction_isolate_left_open_in_a_narrative_is_shown_as_its_escape_and_warned(tmp_path):
    """Before: an indicator's title « Femmes formées⁧ 12 » (a right-to-left isolate it does not close) reached
    the annex as written: the text after it in its paragraph is shown in another order, its figures too. Now it is
    shown as its escape, warned; an isolate the narrative closes (beside Arabic text) is read as written."""
    body = (budget("100") + transaction("30") + '<result type="1">'
            + indicator(period('<target value="10"/>', '<actual value="4"/>'), title="Femmes formées⁧ 12")
            + indicator(period('<target value="10"/>', '<actual value="4"/>'), title="Ateliers ⁨ورشة⁩")
            + "</result>")
    source = load(tmp_path, activity(body=body))
    warned = [p for p in source.problems if p.rule == "control_character"]
    assert [(p.severity, p.element) for p in warned] == [
        ("warning", "iati-activity[XM-1]/result[1]/indicator[1]/title/narrative")], warned
    assert "opens a direction isolate (\\u2067)" in warned[0].message
    labels = source.tables["indicators"]["label"].tolist()
    assert "Femmes formées\\u2067 12" in labels and "Ateliers \u2068\u0648\u0631\u0634\u0629\u2069" in labels


# ================================================================= the real files


def real(name: str, tmp_path: Path, currency: str) -> iati.IatiSource:
    (tmp_path / "iati").mkdir()
    shutil.copy(REAL / name, tmp_path / "iati")
    return iati.load_iati(tmp_path / "iati", params(currency))


def test_dfid_albania_is_not_doubled_by_its_hierarchy_and_fully_executed(tmp_path):
    source = real("dfid_albania_v201.xml", tmp_path, "GBP")
    lines, spent = source.tables["budget"], source.tables["expenditure"]
    assert len(source.activities) == 8 and len(lines) == 5  # the 3 parents carry no money
    assert lines["budget"].sum() == pytest.approx(2_142_416.00)
    assert spent["amount"].sum() == pytest.approx(2_142_416.00)
    per_line = spent.groupby("line")["amount"].sum() / lines.set_index("line")["budget"]
    assert per_line.round(10).eq(1.0).all()
    negative = next(p for p in source.problems if p.rule == "iati_negative")
    assert negative.value == "-7826" and negative.element.startswith("iati-activity[GB-1-109635-101]/budget[")
    late = [p for p in source.problems if p.rule == "iati_outside_dates"]
    assert len(late) == 2 and all("after the activity's end" in p.message for p in late)
    assert rules(source, "error") == []


def test_dfid_albania_with_the_letter_codes_of_its_1_0x_tools_gives_the_same_figures(tmp_path):
    """DFID published these activities in IATI 1.0x, whose transaction types were letters (E expenditure, C
    commitment); a 2.01 file still carrying them had no spending at all (0 % executed), without a word."""
    (tmp_path / "iati").mkdir()
    text = (REAL / "dfid_albania_v201.xml").read_text(encoding="utf-8")
    (tmp_path / "iati" / "dfid.xml").write_text(text.replace('<transaction-type code="4"/>', '<transaction-type '
                                                'code="E"/>').replace('<transaction-type code="2"/>',
                                                                      '<transaction-type code="C"/>'), encoding="utf-8")
    source = iati.load_iati(tmp_path / "iati", params("GBP"))
    assert source.tables["expenditure"]["amount"].sum() == pytest.approx(2_142_416.00)
    said = [p for p in source.problems if p.rule == "iati_transaction_type"]
    assert len(said) == 5 and all(p.severity == "warning" and "E = 4 (expenditure)" in p.message for p in said)


def test_gdi_hub_period_targets(tmp_path):
    source = real("gdihub_at2030_v203.xml", tmp_path, "GBP")
    table = iptt(source.tables["indicators"], Thresholds())
    papers = table[table["label"].str.startswith("Number of influencing papers")].iloc[0]
    assert papers["period"] == "2019-10-01/2020-03-31"
    assert round(papers["indicator_achievement"], 2) == 185.71
    partnerships = table[table["label"].str.startswith("Number of partnerships supported")].iloc[0]
    assert partnerships["indicator_achievement"] == pytest.approx(1450.0)
    assert table["note"].str.contains("target is 0").any()
    money_as_text = [p for p in source.problems if p.rule == "iati_not_a_number"]
    assert {p.value for p in money_as_text} >= {"£3,500,000", "£4,721,182"}
    assert all(p.severity == "warning" for p in money_as_text)
    assert source.tables["expenditure"].empty  # incoming funds only
    assert rules(source, "error") == []


def test_annotated_example_gives_110_percent_for_women(tmp_path):
    source = real("iati_203_annotated_example.xml", tmp_path, "EUR")
    table = iptt(source.tables["indicators"], Thresholds()).set_index("sex")
    assert table.at["f", "baseline"] == 10 and table.at["f", "target"] == 10 and table.at["f", "actual"] == 11
    assert table.at["f", "indicator_achievement"] == pytest.approx(110.0)
    assert source.tables["budget"]["label"].str.startswith("Titre de l'activité").all()
    assert rules(source, "error") == []


# ================================================================= in the loader, and make import-iati


def test_import_writes_a_project_that_loads_and_refuses_to_overwrite(tmp_path):
    data_dir, params_dir = tmp_path / "data", tmp_path / "params"
    data_dir.mkdir(), params_dir.mkdir()
    written = import_iati(REAL / "iati_203_annotated_example.xml", "demo", "fr", data_dir, params_dir)
    # (the file writes its countries as codes alone: the annexes are named after the countries, not « AF.yaml »)
    assert {p.name for p in written} == {"iati_203_annotated_example.xml", "project.yaml", "ensemble.yaml",
                                         "afghanistan.yaml", "antigua-et-barbuda.yaml"}
    annex = yaml.safe_load((params_dir / "demo" / "afghanistan.yaml").read_text(encoding="utf-8"))
    assert annex == {"country": "AF", "name": "Afghanistan"}
    project = yaml.safe_load((params_dir / "demo" / "project.yaml").read_text(encoding="utf-8"))
    assert project["title"] == "Titre de l'activité" and project["currency"] == "EUR"
    assert project["implementer"] == "Nom de l'organisme" and project["donor"] == "Name of Agency B"
    assert project["iati"]["spending"] == [3, 4]
    assert yaml.safe_load((params_dir / "demo" / "ensemble.yaml").read_text(encoding="utf-8"))["country"] == "all"
    assert [p for p in check_project("demo", data_dir, params_dir) if p.severity == "error"] == []
    data = load_project("demo", data_dir, params_dir)
    assert data.tables["budget"]["budget"].sum() == 3000
    assert data.files == [data_dir / "demo" / "iati" / "iati_203_annotated_example.xml"]
    before = (params_dir / "demo" / "project.yaml").read_bytes()
    with pytest.raises(ValidationFailed, match="already exists"):
        import_iati(REAL / "dfid_albania_v201.xml", "demo", "fr", data_dir, params_dir)
    assert (params_dir / "demo" / "project.yaml").read_bytes() == before
    assert sorted(p.name for p in params_dir.iterdir()) == ["demo"]  # no staging folder left


def test_import_of_a_one_country_file_writes_that_country_annex_only(tmp_path):
    """Before: make import-iati of a file of one recipient country (DFID's Albania) wrote ensemble.yaml (« Ensemble
    du projet ») and albanie.yaml (`country: AL`): two annexes with the same figures, the second without the rows
    that name no country; make new with one country writes one. Now: albanie.yaml only, `country: all`."""
    data_dir, params_dir = tmp_path / "data", tmp_path / "params"
    written = import_iati(REAL / "dfid_albania_v201.xml", "demo", "fr", data_dir, params_dir)
    assert {p.name for p in written} == {"dfid_albania_v201.xml", "project.yaml", "albanie.yaml"}
    assert sorted(p.name for p in (params_dir / "demo").iterdir()) == ["albanie.yaml", "project.yaml"]
    annex = yaml.safe_load((params_dir / "demo" / "albanie.yaml").read_text(encoding="utf-8"))
    assert annex == {"country": "all", "name": "Albanie"}
    assert [p for p in check_project("demo", data_dir, params_dir) if p.severity == "error"] == []


def test_import_into_a_root_without_data_and_params_folders_makes_them(tmp_path):
    """Before: a traceback (FileNotFoundError on data/.<project>-...) when the root had no data/ folder."""
    data_dir, params_dir = tmp_path / "data", tmp_path / "params"
    written = import_iati(REAL / "iati_203_annotated_example.xml", "demo", "fr", data_dir, params_dir)
    assert data_dir / "demo" / "iati" / "iati_203_annotated_example.xml" in written
    assert (params_dir / "demo" / "project.yaml").is_file()
    assert sorted(p.name for p in data_dir.iterdir()) == ["demo"]  # no staging folder left


def test_import_of_a_hostile_file_writes_nothing(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(BILLION_LAUGHS, encoding="utf-8")
    (tmp_path / "data").mkdir(), (tmp_path / "params").mkdir()
    with pytest.raises(ValidationFailed, match="DTD"):
        import_iati(bomb, "bomb", "fr", tmp_path / "data", tmp_path / "params")
    assert list((tmp_path / "data").iterdir()) == [] and list((tmp_path / "params").iterdir()) == []


def test_import_of_an_organisation_file_writes_nothing_and_says_what_it_is(tmp_path):
    """Before: `make import-iati FILE=organisation.xml` (the ILO's organisation file, listed beside its activity
    file in the registry) made a project: currency USD, dates 2000-01-01 to 2099-12-31 « not in the file », which
    every `make check` then refused. It now writes nothing and says the file is an organisation file."""
    org = tmp_path / "organisation.xml"
    org.write_text('<iati-organisations version="2.03"><iati-organisation><organisation-identifier>XM-DAC-41302'
                   '</organisation-identifier></iati-organisation></iati-organisations>', encoding="utf-8")
    (tmp_path / "data").mkdir(), (tmp_path / "params").mkdir()
    with pytest.raises(ValidationFailed, match="an organisation file"):
        import_iati(org, "ilo", "fr", tmp_path / "data", tmp_path / "params")
    assert list((tmp_path / "data").iterdir()) == [] and list((tmp_path / "params").iterdir()) == []


def test_a_table_from_both_csv_and_iati_is_an_error_naming_both(tmp_path):
    data_dir, params_dir = tmp_path / "data", tmp_path / "params"
    data_dir.mkdir(), params_dir.mkdir()
    import_iati(REAL / "iati_203_annotated_example.xml", "demo", "fr", data_dir, params_dir)
    (data_dir / "demo" / "budget.csv").write_text("line,budget\nB1,10\n", encoding="utf-8")
    problem = next(p for p in check_project("demo", data_dir, params_dir) if p.rule == "two_sources")
    assert problem.severity == "error" and problem.file.endswith("budget.csv")
    assert "budget.csv" in problem.message and "iati" in problem.message


# ================================================================= negative budgets: corrections, read as published


def test_negative_budgets_are_corrections_netted_per_period_with_one_warning(tmp_path):
    source = load(tmp_path, activity(body=budget("100", kind=None) + budget("-30", kind=None) + budget("50", "2022-01-01",
                                                                                              "2022-12-31")))
    assert source.tables["budget"]["budget"].tolist() == [120.0]
    assert rules(source) == ["iati_negative"]  # not "two budgets for the period": the second is a correction
    assert "net budget 120" in source.problems[0].message


@pytest.mark.parametrize("values", [("100", "-100"), ("100", "-150"), ("-8",)])
def test_an_activity_whose_net_budget_is_0_or_less_is_left_out_by_name_with_its_spending(tmp_path, values):
    body = "".join(budget(v, kind=None) for v in values) + transaction("40")
    source = load(tmp_path, activity("XM-GONE", body), activity("XM-KEPT", budget("200") + transaction("50")))
    assert rules(source, "error") == []
    gone = next(p for p in source.problems if p.rule == "iati_budget_not_positive")
    assert gone.severity == "warning" and gone.element == "iati-activity[XM-GONE]" and "XM-GONE" in gone.message
    assert "40" in gone.message  # the spending left out is said
    assert source.tables["budget"]["line"].tolist() == ["XM-KEPT"]
    assert source.tables["expenditure"]["line"].tolist() == ["XM-KEPT"]


MAEC = "es_maec_negative_budgets.xml"


def test_maec_file_with_negative_corrections_builds_the_rest_and_names_what_it_leaves_out(tmp_path):
    folder = tmp_path / "iati"
    folder.mkdir()
    shutil.copy(REAL / MAEC, folder / MAEC)
    source = iati.load_iati(folder, params("EUR", "fr"))
    assert [p for p in source.problems if p.severity == "error"] == []
    left_out = sorted(p.element for p in source.problems if p.rule == "iati_budget_not_positive")
    assert left_out == [f"iati-activity[ES-DIR3-E04585801-2019-00{n}]" for n in (2, 3, 6)]
    lines = source.tables["budget"]
    assert lines.groupby("country")["budget"].sum().to_dict() == pytest.approx({"SN": 230_000.0, "ML": 220_000.0})
    spent = source.tables["expenditure"]
    assert spent.groupby("country")["amount"].sum().to_dict() == pytest.approx({"SN": 170_000.0, "ML": 110_000.0})
    assert not set(spent["line"]) & {"ES-DIR3-E04585801-2019-003"}  # its 10 000 spent is out with its budget
    assert sorted(p.element.split("/")[0] for p in source.problems if p.rule == "iati_negative") == [
        f"iati-activity[ES-DIR3-E04585801-2019-00{n}]" for n in (1, 4, 5)]


# ================================================================= percentages and numbers that cannot be right


def test_a_percentage_outside_0_100_is_a_located_error_and_multiplies_nothing(tmp_path):
    source = load(tmp_path, activity(body='<recipient-country code="MA" percentage="1000"/>' + budget("100")
                                     + transaction("10")))
    problem = next(p for p in source.problems if p.rule == "iati_percentage")
    assert problem.severity == "error" and problem.value == "1000"
    assert problem.element == "iati-activity[XM-1]/recipient-country[1]/@percentage"
    assert source.tables["budget"]["budget"].sum() == 100 and source.tables["expenditure"]["amount"].sum() == 10


def test_country_percentages_adding_up_to_more_than_100_are_an_error_and_nothing_is_counted_twice(tmp_path):
    source = load(tmp_path, activity(body='<recipient-country code="MA" percentage="100"/>'
                                     '<recipient-country code="TN" percentage="100"/>' + budget("100")
                                     + transaction("10")))
    problem = next(p for p in source.problems if p.rule == "iati_country_split_over")
    assert problem.severity == "error" and problem.element == "iati-activity[XM-1]/recipient-country"
    assert "200" in problem.message and problem.value == "MA 100 + TN 100"
    assert source.tables["budget"]["budget"].sum() == 100 and source.tables["expenditure"]["amount"].sum() == 10


def test_a_number_too_large_to_be_finite_is_a_located_error_shown_short(tmp_path):
    source = load(tmp_path, activity(body=budget("1" + "0" * 400) + transaction("1" + "0" * 400 + ".5")))
    problems = [p for p in source.problems if p.rule == "iati_not_finite"]
    assert [p.element for p in problems] == ["iati-activity[XM-1]/budget[1]/value",
                                             "iati-activity[XM-1]/transaction[1]/value"]
    assert all(p.severity == "error" and len(p.value) < 100 for p in problems)
    assert source.tables["budget"]["budget"].isna().all() and source.tables["expenditure"].empty


# ================================================================= names and YAML made from the file


def hostile_import(tmp_path: Path, *activities: str) -> tuple[Path, Path, list[Path]]:
    root = tmp_path / "repo"
    data_dir, params_dir = root / "data", root / "params"
    data_dir.mkdir(parents=True), params_dir.mkdir(exist_ok=True)
    source = write(tmp_path / "in", *activities)
    return data_dir, params_dir, import_iati(source, "demo", "fr", data_dir, params_dir)


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("code", ["../../../../x", "../../amem/maroc", "/tmp/x", "S\nN", "SN/../../x"])
def test_a_country_code_never_becomes_a_path_and_is_a_located_error(tmp_path, code):
    victim = tmp_path / "repo" / "params" / "amem" / "maroc.yaml"
    victim.parent.mkdir(parents=True)
    victim.write_text("country: MA\n", encoding="utf-8")
    before = files_under(tmp_path)
    body = f'<recipient-country code="{code}"/>' + budget("100") + transaction("10")
    data_dir, params_dir, written = hostile_import(tmp_path, activity(body=body))
    created = files_under(tmp_path) - before - files_under(tmp_path / "in")
    assert created == set(written) and all(data_dir in p.parents or params_dir in p.parents for p in created)
    assert {p.name for p in written} == {"file.xml", "project.yaml", "ensemble.yaml"}  # no annex for the code
    assert victim.read_text(encoding="utf-8") == "country: MA\n"
    problem = next(p for p in check_project("demo", data_dir, params_dir) if p.rule == "iati_country_code")
    assert problem.severity == "error" and problem.element == "iati-activity[XM-1]/recipient-country[1]/@code"


def test_an_attribute_cannot_inject_lines_into_the_yaml_the_import_writes(tmp_path):
    attrs = 'default-currency="EUR&#10;budget_total: 5&#10;#"'
    title = "T&#10;budget_total: 7&#10;x: \"y"
    hostile = (f'<iati-activity {attrs}><iati-identifier>XM-1</iati-identifier><title><narrative>{title}</narrative>'
               '</title><recipient-country code="SN"><narrative>Sénégal&#10;country: all</narrative>'
               f'</recipient-country>{budget("100", currency="EUR")}{transaction("10")}</iati-activity>')
    data_dir, params_dir, written = hostile_import(tmp_path, hostile)
    project = yaml.safe_load((params_dir / "demo" / "project.yaml").read_text(encoding="utf-8"))
    assert "budget_total" not in project and "x" not in project
    assert project["title"] == 'T budget_total: 7 x: "y'  # one scalar (narratives are whitespace-normalised)
    assert project["currency"] == "EUR"  # from the value's own currency; the default one is refused
    annex = yaml.safe_load((params_dir / "demo" / "senegal-country-all.yaml").read_text(encoding="utf-8"))
    assert annex == {"country": "all", "name": "Sénégal country: all"}   # (its one country: every row)
    problems = check_project("demo", data_dir, params_dir)
    assert any(p.rule == "iati_currency_code" and p.severity == "error" and "\n" not in p.value for p in problems)


def test_an_import_never_overwrites_a_file_it_did_not_create(tmp_path):
    from helpers.paths import UnsafeName, new_file

    (tmp_path / "a.yaml").write_text("mine", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "link.yaml").symlink_to(tmp_path / "a.yaml")
    for folder, name in ((tmp_path, "a"), (tmp_path / "sub", "link"), (tmp_path, ".."), (tmp_path, "x" * 65)):
        with pytest.raises(UnsafeName):
            new_file(folder, name, ".yaml")
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "mine"
    assert new_file(tmp_path, "b", ".yaml") == (tmp_path / "b.yaml").resolve()


MULTI = "multi_publisher_long_names.xml"


def test_a_multi_publisher_file_with_1500_character_names_imports_with_short_distinct_file_names(tmp_path):
    data_dir, params_dir = tmp_path / "data", tmp_path / "params"
    data_dir.mkdir(), params_dir.mkdir()
    written = import_iati(REAL / MULTI, "multi", "fr", data_dir, params_dir)
    annexes = sorted(p.stem for p in written if p.suffix == ".yaml" and p.stem not in ("project", "ensemble"))
    assert len(annexes) == 3 and all(len(name) <= 64 for name in annexes)
    assert annexes == sorted(set(annexes))
    codes = {yaml.safe_load(p.read_text(encoding="utf-8"))["country"]: p.stem for p in written
             if p.stem in annexes}
    assert codes == {"ML": "programme-regional-afrique-de-l-ouest", "SN": "programme-regional-afrique-de-l-ouest-sn",
                     "MR": "mauritanie"}
    for name in annexes:
        assert len(yaml.safe_load((params_dir / "multi" / f"{name}.yaml").read_text(encoding="utf-8"))["name"]) <= 120
    assert [p for p in check_project("multi", data_dir, params_dir) if p.severity == "error"] == []


def test_a_multi_publisher_file_names_each_publisher_not_the_first_as_the_implementer(tmp_path):
    """Before: make import-iati wrote the first activity's reporting-org as the implementer (and the title) of a file
    gathering several publishers: UNDP, for a file holding the World Bank's and Oxfam's activities too (the donor,
    in a d-portal download holding the donor's and the implementer's records of one project)."""
    data_dir, params_dir = tmp_path / "data", tmp_path / "params"
    data_dir.mkdir(), params_dir.mkdir()
    import_iati(REAL / MULTI, "multi", "fr", data_dir, params_dir)
    project = yaml.safe_load((params_dir / "multi" / "project.yaml").read_text(encoding="utf-8"))
    assert project["implementer"] == "Programme des Nations unies pour le développement, Banque mondiale, Oxfam GB"
    assert project["title"].endswith("Oxfam GB : 3 activités")


def test_a_transaction_date_no_table_can_hold_is_a_located_error_not_a_traceback(tmp_path):
    source = load(tmp_path, activity(body=budget("100") + transaction("10", date="9999-12-31")
                                     + transaction("5", date="0001-01-01") + transaction("1")))
    problems = [p for p in source.problems if p.rule == "iati_no_date"]
    assert [(p.element, p.value) for p in problems] == [
        ("iati-activity[XM-1]/transaction[1]/transaction-date", "9999-12-31"),
        ("iati-activity[XM-1]/transaction[2]/transaction-date", "0001-01-01")]
    assert source.tables["expenditure"]["amount"].tolist() == [1.0]


def test_an_identifier_with_line_breaks_is_written_as_one_escaped_line(tmp_path):
    hostile = activity("XM-1&#10;budget_total: 5&#10;currency: XXX", budget("100") + transaction("10"))
    data_dir, params_dir, written = hostile_import(tmp_path, hostile)
    text = (params_dir / "demo" / "project.yaml").read_text(encoding="utf-8")
    assert '"code": "XM-1\\nbudget_total: 5\\ncurrency: XXX"' in text.splitlines()
    project = yaml.safe_load(text)
    assert project["code"] == "XM-1\nbudget_total: 5\ncurrency: XXX" and project["currency"] == "EUR"
    assert "budget_total" not in project


HOSTILE_VALUES = ["", " ", "../../x", "1e400", "1" + "0" * 400, "-1", "NaN", "inf", "100.0.0", "é" * 300, "x" * 2000,
                  "EUR\nbudget_total: 5", "{a: b}", "&", "'", '"', "!!python/object", "0", "101", "-50", "CON",
                  "\u202e", "a/b", "..", ".", "2021-02-30", "9999-12-31", "0001-01-01"]


def test_real_files_with_hostile_values_anywhere_import_without_a_traceback_or_a_file_outside(tmp_path):
    """Each of the five files, 8 times, with 1 to 8 attributes or texts replaced by a hostile value (fixed seed): the import
    and the check end with files or with listed problems, never an exception, and write only in their two folders."""
    import random

    from lxml import etree

    rng = random.Random(19)
    for number in range(40):
        tree = etree.parse(str(sorted(REAL.glob("*.xml"))[number % 5]), etree.XMLParser(**iati.parser_options()))
        elements = [e for e in tree.getroot().iter() if isinstance(e.tag, str)]
        for _ in range(rng.randint(1, 8)):
            element = rng.choice(elements)
            if element.attrib and rng.random() < 0.6:
                element.set(rng.choice(sorted(element.attrib)), rng.choice(HOSTILE_VALUES))
            else:
                element.text = rng.choice(HOSTILE_VALUES)
        root = tmp_path / str(number)
        (root / "data").mkdir(parents=True), (root / "params").mkdir()
        tree.write(str(root / "in.xml"))
        try:
            import_iati(root / "in.xml", "p", "fr", root / "data", root / "params")
            check_project("p", root / "data", root / "params")
        except ValidationFailed:
            pass
        written = {p for p in root.rglob("*") if p.is_file()} - {root / "in.xml"}
        assert all(root / "data" in p.parents or root / "params" in p.parents for p in written)


# ================================================================= files as every input is read
def test_a_link_out_of_the_folder_a_pipe_and_a_folder_named_xml_are_refused_each_named(tmp_path):
    """Before: iati/*.xml links were followed out of the project, and a pipe or a folder was passed over in silence."""
    import os

    folder = tmp_path / "iati"
    write(folder, activity(body=budget("1000")))
    outside = write(tmp_path / "elsewhere", activity("XM-OUT-1", budget("5000")))
    (folder / "link.xml").symlink_to(outside)
    os.mkfifo(folder / "pipe.xml")
    (folder / "folder.xml").mkdir()
    source = iati.load_iati(folder, params())
    refused = {p.file.rsplit("/", 1)[-1]: p.rule for p in source.problems if p.rule in ("outside_folder", "not_a_file")}
    assert refused == {"link.xml": "outside_folder", "pipe.xml": "not_a_file", "folder.xml": "not_a_file"}
    assert source.tables["budget"]["budget"].sum() == 1000


# ================================================================= countries on the transactions only
def test_countries_on_the_transactions_only_get_their_annexes_with_their_spending_and_a_budget_not_split(tmp_path):
    """Before: no country annex (the spending of Maroc and Tunisie went to the project-wide line), nothing said."""
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    body = (budget("1000") + transaction("600", extra='<recipient-country code="MA"/>')
            + transaction("300", extra='<recipient-country code="TN"/>'))
    data_dir, params_dir, written = hostile_import(tmp_path, activity(body=body))
    assert {p.name for p in written} >= {"maroc.yaml", "tunisie.yaml"}
    assert yaml.safe_load((params_dir / "demo" / "project.yaml").read_text(encoding="utf-8"))["budget_total"] == 1000
    problems = check_project("demo", data_dir, params_dir)
    assert [p.rule for p in problems] == ["iati_country_transactions_only"]
    data = load_project("demo", data_dir, params_dir)

    def figure(annex: str, key: str, metric: str) -> float:
        frame = annex_figures(data, load_annex_params("demo", annex, params_dir))
        return frame.loc[(frame["key"] == key) & (frame["metric"] == metric), "value"].iloc[0]

    assert figure("maroc", "total", "spent") == 600 and figure("tunisie", "total", "spent") == 300
    assert pd.isna(figure("maroc", "total", "financial_execution_rate"))  # never 0 % nor 100 %: not known
    assert figure("ensemble", "total", "financial_execution_rate") == 90
    assert pd.isna(figure("ensemble", "regional", "financial_execution_rate"))  # not 0 % for the project-wide line


def test_a_budget_total_the_import_wrote_that_a_newer_file_no_longer_has_is_said(tmp_path):
    """Before: the file replaced by a newer download (budget 1500 for 1000), project.yaml kept the import's
    budget_total of 1000 and the whole project's rate read 90 % for 60 %, without a word."""
    def body(value: str) -> str:
        return (budget(value) + transaction("600", extra='<recipient-country code="MA"/>')
                + transaction("300", extra='<recipient-country code="TN"/>'))

    data_dir, params_dir, written = hostile_import(tmp_path, activity(body=body("1000")))
    assert [p.rule for p in check_project("demo", data_dir, params_dir)] == ["iati_country_transactions_only"]
    write(data_dir / "demo" / "iati", activity(body=body("1500")), name=written[0].name)
    stale = next(p for p in check_project("demo", data_dir, params_dir) if p.rule == "iati_budget_total")
    assert stale.severity == "warning" and stale.file.endswith("project.yaml") and stale.value == "1000"
    assert "budget_total (1000 EUR) is not the IATI files' budget (1500 EUR" in stale.message
    assert "budget_total: 1500" in stale.hint
    # the newer file splits its budget (800) by country: budget_total still the old 1000, 200 « unallocated »
    write(data_dir / "demo" / "iati", activity(body='<recipient-country code="MA" percentage="60"/><recipient-country '
                                               'code="TN" percentage="40"/>' + budget("800") + transaction("600")),
          name=written[0].name)
    split = next(p for p in check_project("demo", data_dir, params_dir) if p.rule == "iati_budget_total")
    assert "budget_total (1000 EUR) is not the IATI files' budget (800 EUR)" in split.message
    assert "unallocated budget is 200" in split.message
    from english_words import english_words   # (both printed English in a French project)
    french = [translated(p, "fr") for p in (stale, split)]
    assert [t.text() for t in french if english_words(t.message) or english_words(t.hint)] == []


def test_activity_dates_of_a_newer_file_that_project_yaml_does_not_have_are_said(tmp_path):
    """Before: the file replaced by a newer download whose activity ends a year later (2023-12-31), project.yaml kept
    the import's end_date (2022-12-31): the time elapsed was half for a third, the burn index 1 for 1.5, nothing
    said. make check now warns, naming both dates and what to write."""
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    def body(end: str) -> str:
        return ('<recipient-country code="MA"/><activity-date type="2" iso-date="2021-01-01"/>'
                f'<activity-date type="3" iso-date="{end}"/>' + budget("1000") + transaction("500", "3", "2021-12-31"))

    data_dir, params_dir, written = hostile_import(tmp_path, activity(body=body("2022-12-31")))
    assert check_project("demo", data_dir, params_dir) == []
    write(data_dir / "demo" / "iati", activity(body=body("2023-12-31")), name=written[0].name)
    stale = [p for p in check_project("demo", data_dir, params_dir) if p.rule == "iati_project_dates"]
    assert len(stale) == 1 and stale[0].severity == "warning" and stale[0].value == "2023-12-31"
    assert ("project.yaml's end_date (2022-12-31) is not the IATI files' last activity end (2023-12-31"
            in stale[0].message)
    assert "end_date: 2023-12-31" in stale[0].hint and stale[0].element == "iati-activity[XM-1]/activity-date"
    assert ("elapsed share of the planned duration at the reporting date (2021-12-31) is 50.0 % over project.yaml's "
            "dates, 33.3 % over the files': the burn index of the project is 1.00 for 1.50" in stale[0].message)
    frame = annex_figures(load_project("demo", data_dir, params_dir), load_annex_params("demo", "maroc", params_dir))
    assert frame.loc[(frame["key"] == "total") & (frame["metric"] == "burn_index"), "value"].iloc[0] == \
        pytest.approx(0.5 / (365 / 730))   # (project.yaml's dates, both days counted, as said: 1.5 the file's)


@pytest.mark.parametrize(("end", "reporting"), [("2023-01-01", None), ("2022-06-30", "2023-03-31")])
def test_activity_dates_of_a_newer_file_that_change_no_burn_index_are_not_warned_about(tmp_path, end, reporting):
    """Before: iati_project_dates warned whenever project.yaml's dates differed from the newer file's, « the time
    elapsed, and the verdicts ... are computed with 2022-12-31 », for an end one day later (the burn index 1.0014
    for 1.0000: 1,00 shown either way) or an end before the reporting date either way (the elapsed share 1 both
    ways). It warns now only when a burn index the annex shows moves (the test above)."""
    def body(end: str) -> str:
        return ('<recipient-country code="MA"/><activity-date type="2" iso-date="2021-01-01"/>'
                f'<activity-date type="3" iso-date="{end}"/>' + budget("1000") + transaction("500", "3", "2021-12-31"))

    data_dir, params_dir, written = hostile_import(tmp_path, activity(body=body("2022-12-31")))
    if reporting:
        project = params_dir / "demo" / "project.yaml"
        project.write_text(re.sub(r"reporting_date: .*", f"reporting_date: {reporting}", project.read_text(
            encoding="utf-8")), encoding="utf-8")
    write(data_dir / "demo" / "iati", activity(body=body(end)), name=written[0].name)
    assert [p.rule for p in check_project("demo", data_dir, params_dir) if p.rule == "iati_project_dates"] == []


def test_shares_and_burn_indices_the_reader_computes_are_said_with_a_decimal_comma_in_french(tmp_path):
    """A French project's make check printed the reader's own figures with a decimal point inside French sentences:
    « est de 75.0 % selon les dates de project.yaml », « l'indice de consommation du projet est de 1.33 pour 1.00 »,
    « font 100.2 % en tout », « (MA 33.33 %, TN 66.67 %) ». French writes 75,0 %."""
    def body(end: str) -> str:
        return ('<recipient-country code="MA"/><activity-date type="2" iso-date="2021-01-01"/>'
                f'<activity-date type="3" iso-date="{end}"/>' + budget("1000") + transaction("500", "3", "2021-12-31"))

    data_dir, params_dir, written = hostile_import(tmp_path, activity(body=body("2022-12-31")))
    write(data_dir / "demo" / "iati", activity(body=body("2023-12-31")), name=written[0].name)
    dates = [p for p in check_project("demo", data_dir, params_dir) if p.rule == "iati_project_dates"]
    over = load(tmp_path / "over", activity(body='<recipient-country code="MA" percentage="70.1"/><recipient-country '
                                                 'code="TN" percentage="30.1"/>' + budget("100")))
    thirds = ('<recipient-country code="MA" percentage="33.33"/><recipient-country code="TN" percentage="66.67"/>'
              + budget("900") + transaction("90", extra='<recipient-region code="189"/>'))
    region = load(tmp_path / "region", activity(body=thirds))
    under = load(tmp_path / "under", activity(body='<recipient-country code="MA" percentage="60.5"/><recipient-country '
                                                  'code="TN" percentage="30"/>' + budget("900")))
    said = [translated(p, "fr").message for p in dates + over.problems + region.problems + under.problems]
    assert len(said) == 4, said
    assert "est de 50,0 % selon les dates de project.yaml, 33,3 % selon celles des fichiers" in said[0]
    assert "l'indice de consommation du projet est de 1,00 pour 1,50" in said[0]
    assert "font 100,2 % en tout" in said[1] and "(MA 33,33 %, TN 66,67 %)" in said[2]
    assert "font 90,5 % en tout" in said[3] and "9,5 % de son argent" in said[3]
    assert [m for m in said if re.search(r"\d\.\d+ ?%|est de \d\.\d", m)] == []


def test_amounts_and_rates_the_reader_computes_are_said_with_a_decimal_comma_in_french(tmp_path):
    """« budget net 191050.59 », « 1 USD = 0.9 EUR », « est de -15000.5 » inside French sentences: French writes
    191050,59 and 0,9."""
    usd = ('<transaction><transaction-type code="3"/><transaction-date iso-date="2021-06-30"/>'
           '<value currency="USD" value-date="2021-06-30">100</value></transaction>')
    source = load(tmp_path / "a", activity(body=budget("200000.59") + budget("-8950") + usd),
                  exchange_rates={"USD": 0.9})
    left = load(tmp_path / "b", activity(body=budget("1000") + budget("-1500.5") + transaction("10", "3")))
    said = {p.rule: translated(p, "fr").message for p in source.problems + left.problems}
    assert "budget net 191050,59" in said["iati_negative"], said
    assert "1 USD = 0,9 EUR" in said["iati_exchange_rate"]
    assert "est de -500,5 EUR" in said["iati_budget_not_positive"]
    # every IATI message, not only these three: a parent's budget beside its child's, « 1600000.5 GBP » (any rule's)
    parent = activity("XM-P", '<related-activity ref="XM-C" type="2"/>' + budget("1600000.5") + transaction("10", "3"),
                      attrs='default-currency="EUR" hierarchy="1"')
    child = activity("XM-C", '<related-activity ref="XM-P" type="1"/>' + budget("1500000") + transaction("10", "3"),
                     attrs='default-currency="EUR" hierarchy="2"')
    levels = load(tmp_path / "c", parent, child)
    said = [translated(p, "fr").message for p in levels.problems if p.rule == "iati_hierarchy_budget"]
    assert len(said) == 1 and "a un budget de 1600000,5 EUR" in said[0] and "donc 100000,5 EUR" in said[0]
    # what is quoted from the file keeps its dot (a web page's title, saved as the IATI file)
    page = tmp_path / "page" / "iati"
    page.mkdir(parents=True)
    (page / "file.xml").write_text("<html><head><title>Erreur 404.1</title></head></html>", encoding="utf-8")
    said = [translated(p, "fr").message for p in iati.load_iati(page, params()).problems]
    assert any("« Erreur 404.1 »" in m for m in said), said


def test_activity_dates_that_move_a_lines_burn_index_only_name_that_line(tmp_path):
    """An end 5 days later moves the burn index of a line spent in full (2.00 for 2.01) but not the project's, over
    a large line not spent yet (0.02 either way): the warning names the line whose figure moves."""
    def body(end: str, spent: str, value: str) -> str:
        return ('<recipient-country code="MA"/><activity-date type="2" iso-date="2021-01-01"/>'
                f'<activity-date type="3" iso-date="{end}"/>' + budget(value) + transaction(spent, "3", "2021-12-31"))

    data_dir, params_dir, written = hostile_import(tmp_path, activity("XM-1", body("2022-12-31", "1000", "1000")),
                                                   activity("XM-2", body("2022-12-31", "0", "100000")))
    write(data_dir / "demo" / "iati", activity("XM-1", body("2023-01-05", "1000", "1000")),
          activity("XM-2", body("2022-12-31", "0", "100000")), name=written[0].name)
    said = [p for p in check_project("demo", data_dir, params_dir) if p.rule == "iati_project_dates"]
    assert len(said) == 1 and "the burn index of line XM-1 (MA) is 2.00 for 2.01 over the files' dates" in \
        said[0].message


def test_both_activity_dates_of_a_newer_file_are_said_in_one_warning(tmp_path):
    """Before: a newer file whose start and end both differ from project.yaml's got two warnings, each giving the
    time elapsed as if its date alone moved; one warning now names both, with the shares and burn index of the two
    together and both lines to write."""
    def body(start: str, end: str) -> str:
        return (f'<recipient-country code="MA"/><activity-date type="2" iso-date="{start}"/>'
                f'<activity-date type="3" iso-date="{end}"/>' + budget("1000") + transaction("500", "3", "2021-12-31"))

    data_dir, params_dir, written = hostile_import(tmp_path, activity(body=body("2021-01-01", "2022-12-31")))
    write(data_dir / "demo" / "iati", activity(body=body("2020-07-01", "2023-12-31")), name=written[0].name)
    said = [p for p in check_project("demo", data_dir, params_dir) if p.rule == "iati_project_dates"]
    assert len(said) == 1 and "start_date (2021-01-01)" in said[0].message and "end_date (2022-12-31)" in \
        said[0].message
    assert "write start_date: 2020-07-01 and end_date: 2023-12-31 in project.yaml" in said[0].hint


def test_payments_of_a_newer_file_after_the_reporting_date_the_import_wrote_are_said_left_out(tmp_path):
    """Before: the file replaced by a newer download (a payment of 2022-09-30), project.yaml kept the import's
    reporting date (the old file's last payment, 2021-06-30): the new payment was in no figure, without a word."""
    old = activity(body='<recipient-country code="MA"/>' + budget("1000") + transaction("300", "3", "2021-06-30"))
    data_dir, params_dir, written = hostile_import(tmp_path, old)
    assert check_project("demo", data_dir, params_dir) == []
    write(data_dir / "demo" / "iati", old.replace("</iati-activity>", transaction("200", "3", "2022-09-30")
                                                  + transaction("100", "3", "2022-03-31") + "</iati-activity>"),
          name=written[0].name)
    said = [p for p in check_project("demo", data_dir, params_dir) if p.rule == "iati_after_reporting_date"]
    assert len(said) == 1 and said[0].severity == "warning"
    assert said[0].element == "iati-activity[XM-1]/transaction[3]/value"
    assert ("2 spending transaction(s) of the IATI files (300 EUR, 2022-03-31 to 2022-09-30) are dated after the "
            "reporting date (2021-06-30)") in said[0].message and "reporting_date" in said[0].hint


def test_an_annex_in_english_of_a_french_project_shows_the_iati_texts_in_english(tmp_path):
    """Before: the texts were read once in the project's language: « Titre XM-1 (ventilation par pays estimée…) »
    and « unités » in an annex with `language: en`."""
    from helpers.annex.context import open_annex

    body = ('<recipient-country code="MA" percentage="60"/><recipient-country code="TN" percentage="40"/>'
            + budget("1000") + transaction("600") + '<result type="1">'
            + indicator(period(actual='<actual value="5"/>')) + '</result>')
    data_dir, params_dir, _ = hostile_import(tmp_path, activity(body=body))
    (params_dir / "demo" / "english.yaml").write_text("country: all\nname: Whole project\nlanguage: en\n",
                                                      encoding="utf-8")
    english, french = open_annex("demo", "english", data_dir=data_dir, params_dir=params_dir), \
        open_annex("demo", "ensemble", data_dir=data_dir, params_dir=params_dir)
    assert set(english.data.tables["budget"]["label"]) == {
        "Title XM-1 (country split estimated from the IATI percentages)"}
    assert set(french.data.tables["budget"]["label"]) == {
        "Titre XM-1 (ventilation par pays estimée d'après les pourcentages IATI)"}
    assert set(english.data.tables["indicators"]["unit"]) == {"units"}
    assert set(english.data.tables["expenditure"]["period_label"]) == {"expenditure 2021-06-30"}
    # (the French annex's spending row named its type in English: « expenditure 2021-06-30 »)
    assert set(french.data.tables["expenditure"]["period_label"]) == {"dépense 2021-06-30"}


def test_an_incoming_commitment_whose_funder_pays_without_naming_the_receiver_is_said_to_be_counted_twice(tmp_path):
    """Before: B reporting 600 committed by A (incoming commitment, provider-activity-id), A paying 600 without
    receiver-activity-id, B no incoming funds: A's 600 and B's 500 were both counted (1100), without a word."""
    funder = activity("XM-A", budget("1000") + transaction("600", "3", "2021-03-31"))
    receiver = activity("XM-B", budget("1000") + transaction("500") + transaction(
        "600", "11", "2021-01-15", '<provider-org provider-activity-id="XM-A"/>'))
    source = load(tmp_path, funder, receiver)
    said = next(p for p in source.problems if p.rule == "iati_incoming_unmatched")
    assert said.severity == "warning" and said.element == "iati-activity[XM-B]/transaction[2]/value"
    assert "XM-A" in said.message and "twice" in said.message and "iati.activities" in said.hint
    # A naming B as the receiver: B's money only, nothing to warn of
    named = load(tmp_path / "named", funder.replace('"2021-03-31"/>', '"2021-03-31"/><receiver-org '
                                                                      'receiver-activity-id="XM-B"/>'), receiver)
    assert "iati_incoming_unmatched" not in rules(named)


def test_an_unmatched_incoming_commitment_leaves_the_funders_budget_whole_and_a_named_payment_is_matched(tmp_path):
    """Before: A (budget 1000) paying 600 to B and 300 of its own without naming B, B (budget 600, 500 spent)
    reporting the 600 as an incoming commitment: A's budget was counted less the 600 (400) while its 900 of payments
    stayed counted: A's rate 225 %. A's spending being more than its budget less the commitment, its payments hold
    it: A's budget is now counted whole (90 %). And A naming B on its payment (receiver-activity-id) got the warning that no
    payment of A named B."""
    receiver = activity("XM-B", budget("600") + transaction("500") + transaction(
        "600", "11", "2021-01-15", '<provider-org provider-activity-id="XM-A"/>'))
    funder = activity("XM-A", budget("1000") + transaction("600", "3", "2021-03-31") + transaction("300", "4"))
    source = load(tmp_path, funder, receiver)
    assert source.tables["budget"][["line", "budget"]].values.tolist() == [["XM-A", 1000.0], ["XM-B", 600.0]]
    assert source.tables["expenditure"].groupby("line")["amount"].sum().to_dict() == {"XM-A": 900.0, "XM-B": 500.0}
    said = next(p for p in source.problems if p.rule == "iati_incoming_unmatched")
    assert "twice" in said.message and "in both budgets" in said.message
    assert "iati_incoming_budget" not in rules(source)
    # A names B on its payment: B's money, A's budget less it, nothing said unmatched
    named = load(tmp_path / "named", funder.replace('"2021-03-31"/>', '"2021-03-31"/><receiver-org '
                                                                      'receiver-activity-id="XM-B"/>'), receiver)
    assert named.tables["budget"][["line", "budget"]].values.tolist() == [["XM-A", 400.0], ["XM-B", 600.0]]
    assert named.tables["expenditure"].groupby("line")["amount"].sum().to_dict() == {"XM-A": 300.0, "XM-B": 500.0}
    assert "iati_incoming_unmatched" not in rules(named)
    # A's own outgoing commitment naming B (type 2), its payments naming no one: alike (before: A 400, 900 spent,
    # nothing said)
    outgoing = load(tmp_path / "outgoing", funder.replace("</iati-activity>", transaction(
        "600", "2", "2021-01-10", '<receiver-org receiver-activity-id="XM-B"/>') + "</iati-activity>"),
        activity("XM-B", budget("600") + transaction("500")))
    assert outgoing.tables["budget"][["line", "budget"]].values.tolist() == [["XM-A", 1000.0], ["XM-B", 600.0]]
    assert rules(outgoing) == ["iati_incoming_unmatched"]
    # A's spending fits in its budget less the commitment (300 of its own, B not paid yet): A's budget less it
    unpaid = load(tmp_path / "unpaid", activity("XM-A", budget("1000") + transaction("300", "4")), receiver)
    assert unpaid.tables["budget"][["line", "budget"]].values.tolist() == [["XM-A", 400.0], ["XM-B", 600.0]]
    said = next(p for p in unpaid.problems if p.rule == "iati_incoming_unmatched")
    assert "in both budgets" not in said.message and "iati_incoming_budget" in rules(unpaid)


def test_a_recipient_country_written_by_its_name_only_is_read_from_it_or_said_not_read(tmp_path):
    """Before: a recipient-country without @code was passed over without a word: a transaction « Maroc » of an
    activity split 60/40 between Morocco and Tunisia was split so (180 and 120 for 300 to Morocco), and an activity
    naming « Maroc » alone was the project's as a whole (no country annex)."""
    named = '<recipient-country><narrative xml:lang="fr">Maroc</narrative></recipient-country>'
    split = load(tmp_path / "a", activity(body='<recipient-country code="MA" percentage="60"/><recipient-country '
                                          'code="TN" percentage="40"/>' + budget("1000")
                                          + transaction("300", extra=named)))
    assert split.tables["expenditure"][["country", "amount"]].values.tolist() == [["MA", 300.0]]
    said = next(p for p in split.problems if p.rule == "iati_country_name")
    assert said.severity == "warning" and said.element == "iati-activity[XM-1]/transaction[1]/recipient-country/@code"
    assert "read as MA (Morocco) from its name" in said.message and said.value == "Maroc"
    whole = load(tmp_path / "b", activity(body=named.replace("<recipient-country>", '<recipient-country '
                                                             'percentage="100">') + budget("1000")))
    assert whole.tables["budget"][["country", "budget"]].values.tolist() == [["MA", 1000.0]]
    # a name that is no country's: said, its money the activity's
    odd = load(tmp_path / "c", activity(body=budget("1000") + transaction("300", extra=named.replace(
        "Maroc", "Région de l'Oriental"))))
    assert odd.tables["expenditure"]["country"].tolist() == ["regional"]
    said = next(p for p in odd.problems if p.rule == "iati_country_name")
    assert "not a country's: it is not read, its money is counted as the activity's" in said.message


def test_a_three_letter_country_code_is_read_as_its_two_letter_one_with_a_warning(tmp_path):
    """Before: `<recipient-country code="MAR"/>` (ISO alpha-3, as some publishers' tools write it) was an error that
    stopped every annex of the project, though the country is known."""
    body = ('<recipient-country code="MAR" percentage="60"/><recipient-country code="TN" percentage="40"/>'
            + budget("1000") + transaction("300", extra='<recipient-country code="tun"/>'))
    source = load(tmp_path, activity(body=body))
    assert source.tables["budget"][["country", "budget"]].values.tolist() == [["MA", 600.0], ["TN", 400.0]]
    assert source.tables["expenditure"][["country", "amount"]].values.tolist() == [["TN", 300.0]]
    assert rules(source) == ["iati_country_alpha3", "iati_country_alpha3"]
    assert all(p.severity == "warning" for p in source.problems)
    assert "MAR, a three-letter code, is read as MA (Morocco)" in source.problems[0].message
    # three letters that are no country's stay an error
    assert rules(load(tmp_path / "x", activity(body=body.replace("MAR", "XYZ")))) == ["iati_country_code",
                                                                                       "iati_country_alpha3"]


def test_spending_in_a_country_that_is_none_of_the_activitys_is_said(tmp_path):
    """Before: an activity split MA 50 / TN 50 paying 300 to a transaction naming DZ made a DZ line of budget not
    known, and the whole project's budget and rates « not computable », nothing said of why."""
    split = '<recipient-country code="MA" percentage="50"/><recipient-country code="TN" percentage="50"/>'
    source = load(tmp_path, activity(body=split + budget("1000") + transaction(
        "300", "3", extra='<recipient-country code="DZ"/>') + transaction("200", "3", "2021-07-31", extra=(
            '<recipient-country code="DZ"/>')) + transaction("100", extra='<recipient-country code="MA"/>')))
    assert source.tables["expenditure"][["country", "amount"]].values.tolist() == [["DZ", 300.0], ["DZ", 200.0],
                                                                                   ["MA", 100.0]]
    said = [p for p in source.problems if p.rule == "iati_country_outside"]
    assert len(said) == 1 and said[0].severity == "warning"  # once an activity
    assert said[0].element == "iati-activity[XM-1]/transaction[1]/recipient-country"
    assert "2 spending transaction(s) name a recipient country that is none of the activity's (MA, TN): DZ" \
        in said[0].message


def test_spending_in_a_country_the_activity_gives_0_percent_is_said_as_a_country_outside_it(tmp_path):
    """Before: MA 100 % / TN 0 %, 50 spent in TN: a TN line of budget not known, the whole project's budget and rates
    « not computable », make check saying only « no row for 'TN' » in the TN annex (which has its 50)."""
    split = '<recipient-country code="MA" percentage="100"/><recipient-country code="TN" percentage="0"/>'
    source = load(tmp_path, activity(body=split + budget("1000") + transaction(
        "300", extra='<recipient-country code="MA"/>') + transaction("50", extra='<recipient-country code="TN"/>')))
    assert source.tables["budget"][["country", "budget"]].values.tolist() == [["MA", 1000.0]]
    said = [p for p in source.problems if p.rule == "iati_country_outside"]
    assert [(p.severity, p.value, p.element) for p in said] == [
        ("warning", "TN", "iati-activity[XM-1]/transaction[2]/recipient-country")]
    assert "none of the activity's (MA, TN at 0 %): TN" in said[0].message


def test_a_country_of_the_split_no_transaction_names_has_spent_nothing_by_the_files_day(tmp_path):
    """Before: an activity split MA 50 / TN 50 whose transactions name their country (100 to MA, none to TN yet),
    in a file written after the reporting date: TN's spending was « not known », and so was the whole project's."""
    split = '<recipient-country code="MA" percentage="50"/><recipient-country code="TN" percentage="50"/>'
    written = 'default-currency="EUR" last-updated-datetime="2023-01-20T00:00:00"'
    paid = transaction("100", "3", extra='<recipient-country code="MA"/>')
    source = load(tmp_path / "a", activity(body=split + budget("1000") + paid, attrs=written))
    rows = source.tables["expenditure"]
    tn = rows[rows["country"] == "TN"]
    assert tn[["amount", "period_end"]].values.tolist() == [[0.0, pd.Timestamp("2022-12-31")]]
    assert tn["period_label"].tolist() == ["aucune transaction publiée pour ce pays (fichier IATI du 2023-01-20)"]
    # an activity that reports no spending at all says nothing of it; nor does a file written before the date
    assert load(tmp_path / "b", activity(body=split + budget("1000"), attrs=written)).tables["expenditure"].empty
    early = load(tmp_path / "c", activity(body=split + budget("1000") + paid, attrs=written.replace("2023", "2022")))
    assert "TN" not in set(early.tables["expenditure"]["country"])


def test_spending_of_a_recipient_region_split_as_the_activitys_countries_is_said(tmp_path):
    """Before: a transaction naming a recipient region (189, North of Sahara) in an activity split MA 50 / TN 50 was
    split 150 / 150 between them without a word, as if it were their money."""
    split = '<recipient-country code="MA" percentage="50"/><recipient-country code="TN" percentage="50"/>'
    source = load(tmp_path, activity(body=split + budget("1000") + transaction(
        "300", extra='<recipient-region code="189" vocabulary="1"/>') + transaction("100")))
    assert source.tables["expenditure"]["amount"].sum() == 400
    said = next(p for p in source.problems if p.rule == "iati_region_split")
    assert said.severity == "warning" and said.element == "iati-activity[XM-1]/transaction[1]/recipient-region"
    assert "1 spending transaction(s) name a recipient region (189), not a country" in said.message
    assert "(MA 50 %, TN 50 %)" in said.message
    # an activity of one country: its region's money is that country's, nothing to say
    one = load(tmp_path / "one", activity(body='<recipient-country code="MA"/>' + budget("1000") + transaction(
        "300", extra='<recipient-region code="189"/>')))
    assert "iati_region_split" not in rules(one)


def test_a_recipient_country_a_newer_file_adds_without_an_annex_is_said(tmp_path):
    """Before: make import-iati wrote an annex for MA; the file replaced by a newer one split MA 60 % / SN 40 %: SN
    had no annex, its money in the project-wide annex only, without a word. The import of a file of one country now
    writes maroc.yaml alone, `country: all`: SN's money would count under the title « Maroc », which is said too."""
    data_dir, params_dir, written = hostile_import(tmp_path, activity(
        body='<recipient-country code="MA"/>' + budget("1000") + transaction("300", "3")))
    assert check_project("demo", data_dir, params_dir) == []
    write(data_dir / "demo" / "iati", activity(body='<recipient-country code="MA" percentage="60"/><recipient-country '
                                               'code="SN" percentage="40"/>' + budget("1000") + transaction("300", "3")),
          name=written[0].name)
    said = [p for p in check_project("demo", data_dir, params_dir) if p.rule == "iati_country_without_annex"]
    assert len(said) == 1 and said[0].severity == "warning" and said[0].value == "SN"
    assert said[0].file.endswith("maroc.yaml")
    assert ("1 recipient country besides MA (SN (Sénégal)): their money counts in the annex « Maroc » (`country: all`"
            in said[0].message)
    assert "write `country: MA` in maroc.yaml" in said[0].hint and "`country: SN`" in said[0].hint
    from english_words import english_words

    french = translated(said[0], "fr")
    assert "en plus de MA (SN (Sénégal)) : leur argent compte dans l'annexe « Maroc »" in french.message
    assert english_words(french.message) == english_words(french.hint) == []
    # done as the hint says, but SN's annex forgotten: SN's money is in the project-wide annex only
    (params_dir / "demo" / "maroc.yaml").write_text("country: MA\nname: Maroc\n", encoding="utf-8")
    (params_dir / "demo" / "ensemble.yaml").write_text("country: all\nname: Ensemble du projet\n", encoding="utf-8")
    said = [p for p in check_project("demo", data_dir, params_dir) if p.rule == "iati_country_without_annex"]
    assert len(said) == 1 and said[0].severity == "warning" and said[0].value == "SN"
    assert "1 recipient country that no annex file covers (SN (Sénégal))" in said[0].message
    assert "`country: SN`" in said[0].hint


def test_countries_and_regions_above_100_percent_in_all_are_said(tmp_path):
    """Before: MA 60 + TN 40 beside a recipient-region of 20 (120 % in all, against IATI's rule of 100) gave the
    countries 600 and 400 of a budget of 1 000 and the region nothing, without a word; the warning now says the
    percentages and which reading the annexes take. A region holding what the countries leave (MA 60 + region 40)
    is said nothing, as before."""
    countries = '<recipient-country code="MA" percentage="60"/><recipient-country code="TN" percentage="40"/>'
    over = load(tmp_path, activity(body=countries + '<recipient-region code="589" percentage="20"/>' + budget("1000")))
    said = [p for p in over.problems if p.rule == "iati_region_split_over"]
    assert [(p.severity, p.element) for p in said] == [("warning", "iati-activity[XM-1]/recipient-region")]
    assert "MA 60 + TN 40" in said[0].message and "120 %" in said[0].message
    assert over.tables["budget"][["country", "budget"]].values.tolist() == [["MA", 600.0], ["TN", 400.0]]
    held = load(tmp_path / "held", activity(body='<recipient-country code="MA" percentage="60"/>'
                                             '<recipient-region code="589" percentage="40"/>' + budget("1000")))
    assert rules(held) == [] and held.tables["budget"]["budget"].tolist() == [600.0, 400.0]


def test_one_country_without_a_percentage_beside_others_that_write_theirs_is_the_rest(tmp_path):
    """Before: MA 60 % and TN without a percentage (no region) counted the whole activity for the project as a whole
    (regional), « 2 recipient countries without percentages »: no country annex had any of its 1 000. IATI's 100 % in
    all says TN's 40 %: MA 600, TN 400 (spent 240, 160), said. Both without, or MA at 100 beside TN: regional, said."""
    source = load(tmp_path, activity(body='<recipient-country code="MA" percentage="60"/><recipient-country code="TN"/>'
                                     + budget("1000") + transaction("400")))
    said = [p for p in source.problems if p.rule == "iati_country_split"]
    assert [(p.severity, p.value) for p in said] == [("warning", "TN; MA 60")] and "40 %" in said[0].message
    assert source.tables["budget"][["country", "budget"]].values.tolist() == [["MA", 600.0], ["TN", 400.0]]
    assert source.tables["expenditure"]["amount"].tolist() == [240.0, 160.0]
    full = load(tmp_path / "full", activity(body='<recipient-country code="MA" percentage="100"/>'
                                            '<recipient-country code="TN"/>' + budget("1000")))
    assert full.tables["budget"]["country"].tolist() == ["regional"]
    assert "2 recipient countries, 1 without a percentage" in full.problems[0].message


def test_one_country_beside_a_regions_percentage_is_not_given_the_regions_money_unsaid(tmp_path):
    """Before: one recipient-country without a percentage (or at 100) beside a recipient-region of 40 % gave the
    country the whole budget (1 000 of 1 000 in its annex, spending 400 of 400), nothing said. Without a percentage,
    the country is now the rest (60 %: 600, spent 240), said; at 100 (140 % in all) it keeps what it writes, said as
    two countries and a region over 100 % are. A region without a percentage leaves the country whole, as before."""
    region = '<recipient-region code="289" percentage="40"/>' + budget("1000") + transaction("400")
    rest = load(tmp_path / "rest", activity(body='<recipient-country code="MA"/>' + region))
    said = [p for p in rest.problems if p.rule == "iati_country_split"]
    assert [(p.severity, p.element) for p in said] == [("warning", "iati-activity[XM-1]/recipient-country")]
    assert "60 %" in said[0].message and "regions 40" in said[0].message
    assert rest.tables["budget"][["country", "budget"]].values.tolist() == [["MA", 600.0], ["regional", 400.0]]
    assert rest.tables["expenditure"].groupby("country")["amount"].sum().to_dict() == {"MA": 240.0, "regional": 160.0}
    whole = load(tmp_path / "whole", activity(body='<recipient-country code="MA" percentage="100"/>' + region))
    assert rules(whole) == ["iati_region_split_over"] and "140 %" in whole.problems[0].message
    assert whole.tables["budget"][["country", "budget"]].values.tolist() == [["MA", 1000.0]]
    plain = load(tmp_path / "plain", activity(body='<recipient-country code="MA"/><recipient-region code="289"/>'
                                              + budget("1000")))
    assert rules(plain) == [] and plain.tables["budget"][["country", "budget"]].values.tolist() == [["MA", 1000.0]]


# ================================================================= told in French

UNDATED = '<transaction><transaction-type code="{}"/><value{}>300</value></transaction>'
# rule -> the activities of a file whose problems it is among; each was printed in English in a French project
FRENCH_CASES = {
    "iati_value_date": [activity(body=budget("1000") + UNDATED.format("4", ' value-date="2021-06-30"')
                                 + UNDATED.format("4", ' value-date="2021-09-30"'))],
    "iati_result_type": [activity(body='<result type="Résultat">' + indicator(period('<target value="1"/>'))
                                  + "</result>")],
    "iati_budget_type": [activity(body=budget("400", kind="Revised") + budget("300", "2022-01-01", "2022-12-31",
                                                                               kind="Draft"))],
    "iati_transaction_type": [activity(body=budget("1000") + transaction("300", kind="D")
                                       + transaction("200", kind="99") + transaction("100").replace(
                                           '<transaction-type code="4"/>', ""))],
    "iati_budget_overlap": [activity("XM-1", budget("3000", "2021-01-01", "2023-12-31") + budget("1000")
                                     + budget("1500", "2022-01-01", "2022-12-31")),
                            activity("XM-2", budget("100", "2021-01-01", "2022-01-01")
                                     + budget("100", "2021-12-01", "2022-12-31"))],
    "iati_budget_twice": [activity(body=budget("450", kind="2") + budget("500", kind="2"))],
    "iati_budget_period": [activity("XM-1", budget("400") + budget("600", "2022-01-01", "2022-12-31")
                                    + '<budget type="1"><value>1000</value></budget>'),
                           activity("XM-2", budget("400") + budget("600", "2022-01-01", "2022-12-31")
                                    + '<budget type="1"><value>500</value></budget>'),
                           activity("XM-3", budget("400") + budget("600", "2022-12-31", "2020-01-01"))],
    "iati_budget_revised_part": [activity(body=budget("400") + budget("300", end="2021-12-30", kind="2"))],
    "iati_budget_boundary": [activity(body=budget("100", "2021-01-01", "2022-01-01")
                                      + budget("100", "2022-01-01", "2023-01-01"))],
    "iati_budget_indicative": [
        activity("XM-1", budget("900").replace("<budget", '<budget status="1"')
                 + budget("1000").replace("<budget", '<budget status="2"')),
        activity("XM-2", budget("1200").replace("<budget", '<budget status="1"') + "".join(
            budget("250", start, end).replace("<budget", '<budget status="2"') for start, end in QUARTERS))],
    "iati_cancelled": [activity(body='<activity-status code="5"/>' + budget("400"))],
    "iati_suspended": [activity(body='<activity-status code="6"/>' + budget("400"))],
    "iati_future_transaction": [activity(body=budget("1000") + transaction("300", date="2022-06-30"),
                                         attrs='default-currency="EUR" last-updated-datetime="2022-01-15T00:00:00"')],
    "iati_actual_date_future": [activity(body='<activity-date type="2" iso-date="2022-06-01"/><activity-date '
                                         'type="1" iso-date="2020-01-01"/><activity-date type="4" '
                                         'iso-date="2022-09-30"/>' + budget("1000"),
                                         attrs='default-currency="EUR" last-updated-datetime="2022-01-15T00:00:00"')],
    "iati_dates_order": [activity(body='<activity-date type="2" iso-date="2020-03-01"/><activity-date type="4" '
                                  'iso-date="2019-12-31"/><activity-date type="3" iso-date="2023-12-31"/>'
                                  + budget("1000"))],
    "iati_transaction_twice": [activity(body=budget("1000") + 2 * transaction("300").replace(
        "<transaction>", '<transaction ref="TX-1">'))],
    "iati_reimbursement": [activity(body=budget("1000") + transaction("300", kind="7") + transaction("200"))],
    "iati_country_alpha3": [activity(body='<recipient-country code="MAR"/>' + budget("1000"))],
    "iati_country_code": [activity(body='<recipient-country code="Maroc"/>' + budget("1000"))],
    "iati_country_name": [activity("XM-1", '<recipient-country><narrative>Maroc</narrative></recipient-country>'
                                   + budget("1000")),
                          activity("XM-2", '<recipient-country><narrative>Atlantide</narrative></recipient-country>'
                                   + budget("1000") + transaction("300", extra='<recipient-country><narrative>Nulle '
                                                                              'part</narrative></recipient-country>'))],
    "iati_percentage": [activity(body='<recipient-country code="MA" percentage="150"/>' + budget("1000"))],
    "iati_country_split": [activity("XM-1", '<recipient-country code="MA" percentage="60"/><recipient-country '
                                    'code="TN"/>' + budget("1000") + transaction("300", extra='<recipient-country '
                                    'code="MA"/><recipient-country code="TN"/>')),
                           activity("XM-2", '<recipient-country code="MA"/><recipient-region code="289" '
                                    'percentage="40"/>' + budget("1000")),
                           activity("XM-3", '<recipient-country code="MA"/><recipient-country code="TN"/>'
                                    '<recipient-country code="DZ" percentage="100"/>' + budget("1000"))],
    "iati_country_split_over": [activity(body='<recipient-country code="MA" percentage="70.1"/><recipient-country '
                                         'code="TN" percentage="30.1"/>' + budget("1000"))],
    "iati_region_split_over": [activity(body='<recipient-country code="MA" percentage="60"/><recipient-country '
                                        'code="TN" percentage="40"/><recipient-region code="289" percentage="20"/>'
                                        + budget("1000"))],
    "iati_country_fractions": [activity(body='<recipient-country code="MA" percentage="0.5"/><recipient-country '
                                        'code="TN" percentage="0.5"/>' + budget("1000"))],
    "iati_country_split_under": [activity(body='<recipient-country code="MA" percentage="50"/><recipient-country '
                                          'code="TN" percentage="40"/>' + budget("1000"))],
    "iati_country_twice": [activity(body='<recipient-country code="MA" percentage="50"/><recipient-country '
                                    'code="ma" percentage="50"/>' + budget("1000"))],
    "iati_region_split": [activity(body='<recipient-country code="MA" percentage="50"/><recipient-country '
                                   'code="TN" percentage="50"/>' + budget("1000")
                                   + transaction("300", extra='<recipient-region code="189"/>'))],
    "iati_currency_code": [activity(body=budget("1000") + transaction("300", currency="EURO"))],
    "iati_currency_misplaced": [activity(body=budget("1000").replace("<budget", '<budget currency="EUR"')
                                         + transaction("300").replace("<transaction>",
                                                                      '<transaction currency="US$">'))],
    "iati_no_currency": [activity(body=budget("1000"), attrs="")],
    "iati_budget_not_positive": [activity("XM-1", budget("100") + budget("-150") + transaction("40")),
                                 activity("XM-2", budget("1000"))],
    "iati_hierarchy": [activity("XM-P", '<related-activity ref="XM-P-1" type="2"/>' + budget("1000")
                                + transaction("600"), attrs='default-currency="EUR" hierarchy="1"'),
                       activity("XM-P-1", '<related-activity ref="XM-P" type="1"/>' + budget("1000")
                                + transaction("400"), attrs='default-currency="EUR" hierarchy="2"'),
                       activity("XM-Q", '<related-activity ref="XM-Q-1" type="2"/>' + budget("500")
                                + transaction("100"), attrs='default-currency="EUR" hierarchy="1"'),
                       activity("XM-Q-1", '<related-activity ref="XM-Q" type="1"/>' + budget("500"),
                                attrs='default-currency="EUR" hierarchy="2"')],
    "iati_hierarchy_budget": [activity("XM-P", '<related-activity ref="XM-C" type="2"/>' + budget("1000"),
                                       attrs='default-currency="EUR" hierarchy="1"'),
                              activity("XM-C", '<related-activity ref="XM-P" type="1"/>' + budget("700"),
                                       attrs='default-currency="EUR" hierarchy="2"')],
    "iati_hierarchy_conflict": [activity("XM-P", '<related-activity ref="XM-C" type="1"/>' + budget("1000"),
                                         attrs='default-currency="EUR" hierarchy="1"'),
                                activity("XM-C", '<related-activity ref="XM-P" type="1"/>' + budget("700"),
                                         attrs='default-currency="EUR" hierarchy="2"'),
                                activity("XM-Q", '<related-activity ref="XM-R" type="1"/>' + budget("100")),
                                activity("XM-R", '<related-activity ref="XM-Q" type="1"/>' + budget("100"))],
    "iati_hierarchy_unlinked": [activity("GB-1-1", budget("1000"), attrs='default-currency="EUR" hierarchy="1"'),
                                activity("GB-1-1-101", budget("700"), attrs='default-currency="EUR" hierarchy="2"')],
    "iati_baseline_years": [activity(body='<result type="1">' + indicator(
        period('<target value="20"/>'), extra='<baseline year="2018" value="10"/><baseline year="2020" value="12"/>')
        + "</result>")],
    "iati_unknown_sex": [activity(body='<result type="1">' + indicator(period('<target value="50"/>', "".join(
        f'<actual value="{v}"><dimension name="sex" value="{s}"/></actual>'
        for v, s in (("30", "Female"), ("12", "Male"), ("42", "Gesamt"), ("3", "Other"))))) + "</result>")],
    "iati_not_added": [activity(body='<result type="1">' + indicator(period('<target value="50"/>', "".join(
        f'<actual value="{v}"><dimension name="{n}" value="{d}"/></actual>'
        for v, n, d in (("30", "sex", "F"), ("12", "sex", "M"), ("20", "age", "15-24"), ("16", "age", "25+")))))
        + indicator(period('<target value="50"/>', '<actual value="60"><dimension name="sex" value="female"/>'
                           '</actual><actual value="40"><dimension name="sex" value="male"/></actual>'),
                    'measure="2"') + "</result>")],
    "iati_total_not_computed": [activity(body='<result type="1">' + indicator(
        period('<target value="50"/>', '<actual value="20"/>') + period('<target value="50"/>', '<actual value="30"/>'))
        + "</result>")],
    "iati_total_summed": [activity(body='<result type="1">' + indicator(period('<target value="50"/>', "".join(
        f'<actual value="{v}"><dimension name="{n}" value="{d}"/></actual>'
        for v, n, d in (("30", "sex", "F"), ("12", "sex", "M"), ("20", "age", "15-24"), ("22", "age", "25+")))))
        + "</result>")],
    "iati_xml_syntax": [activity(body="<description><narrative>Coop&eacute;ration</narrative></description>")],
    "iati_duplicate_activity": [activity(body=budget("1000"), attrs='default-currency="EUR" last-updated-datetime='
                                         '"2021-07-01T00:00:00"'),
                                activity(body=budget("1000"), attrs='default-currency="EUR" last-updated-datetime='
                                         '"2021-10-01T00:00:00"')],
    "iati_country_outside": [activity(body='<recipient-country code="MA" percentage="50"/><recipient-country '
                                      'code="TN" percentage="50"/>' + budget("1000")
                                      + transaction("300", extra='<recipient-country code="DZ"/>'))],
    "iati_country_transactions_only": [activity(body=budget("1000") + transaction(
        "300", extra='<recipient-country code="MA"/>') + transaction("200", extra='<recipient-country code="TN"/>'))],
    "iati_budget_after_end": [activity(body=budget("400") + budget("600", "2024-01-01", "2024-12-31"))],
    "iati_budget_across_end": [activity(body=budget("4000", "2020-01-01", "2025-12-31"))],
    "iati_budget_long": [activity(body=budget("4000", "2020-01-01", "2021-12-31"))],
    "iati_after_reporting_date": [activity(body=budget("1000") + transaction("300")
                                           + transaction("200", date="2023-03-31"))],
    "iati_transfers_as_spending": [activity(body=budget("1000") + transaction(
        "300", kind="3", extra='<receiver-org ref="XM-B"><narrative>B</narrative></receiver-org>'))],
    "iati_disbursed_and_spent": [activity(body=budget("1000") + transaction("800", kind="3")
                                          + transaction("750", kind="4"))],
    "iati_no_identifier": [activity(body=budget("1000")).replace("<iati-identifier>XM-1</iati-identifier>", "")],
    "iati_no_value": [activity(body=budget("1000") + '<transaction><transaction-type code="4"/><transaction-date '
                                                      'iso-date="2021-06-30"/></transaction>' + transaction(""))],
    "budget_unknown": [activity(body=transaction("200"), attrs='default-currency="EUR" budget-not-provided="1"'),
                       activity("XM-2", transaction("100"))],
    "negative_amount": [activity(body=budget("1000") + transaction("-50"))],
    "control_character": [activity(body=budget("100") + transaction("30", extra="<description><narrative>Paid \x9b31m"
                                                                      "</narrative></description>")
                                   + '<result type="1">' + indicator(period('<target value="10"/>'), title="F \u206721")
                                   + "</result>").replace("Title XM-1", "Formation \u202e 0051 USD")],
    "iati_budget_no_value": [activity(body=budget("1000") + budget("", "2022-01-01", "2022-12-31")),
                             activity("XM-2", budget("<!-- -->") + transaction("300"))],
    "iati_incoming_funds": [activity("XM-A", budget("1000") + transaction("300", kind="3", date="2021-03-31")
                                     + transaction("200", kind="3", extra='<receiver-org receiver-activity-id="XM-C"/>')),
                            activity("XM-B", budget("500") + transaction(
                                "300", kind="1", date="2021-03-31", extra='<provider-org provider-activity-id="XM-A"/>')),
                            activity("XM-C", budget("400"))],
    "iati_incoming_budget": [activity("XM-A", budget("1000") + transaction("300", kind="3", date="2021-03-31")),
                             activity("XM-B", budget("500") + transaction(
                                 "300", kind="1", date="2021-03-31",
                                 extra='<provider-org provider-activity-id="XM-A"/>'))],
    "iati_hierarchy_levels": [activity("XM-DAC-41302-AMEM", '<reporting-org ref="XM-DAC-41302"/>' + budget("3000"),
                                       attrs='default-currency="EUR" hierarchy="1"'),
                              activity("XM-DAC-41302-MAR-19-01", '<reporting-org ref="XM-DAC-41302"/>'
                                       + budget("3000"), attrs='default-currency="EUR" hierarchy="2"')],
    "iati_previous_identifier": [activity("GB-GOV-1-204567", '<other-identifier ref="GB-1-204567" type="B1"/>'
                                          + budget("1000") + transaction("300")),
                                 activity("GB-1-204567", budget("1000") + transaction("300")),
                                 activity("GB-GOV-1-300001", '<other-identifier ref="GB-1-300001" type="B1"/>'
                                          + budget("1000") + transaction("300")),
                                 activity("GB-1-300001", budget("900") + transaction("250"))],
    "iati_incoming_unmatched": [activity("XM-A", budget("2000") + transaction("1000", kind="3", date="2021-03-31")),
                                activity("XM-B", budget("1500") + transaction(
                                    "600", kind="1", date="2021-04-05",
                                    extra='<provider-org provider-activity-id="XM-A"/>')),
                                # a commitment, outgoing (2) from XM-C, incoming (11) to XM-F: said in English before
                                activity("XM-C", budget("1000") + transaction(
                                    "600", kind="2", extra='<receiver-org receiver-activity-id="XM-D"/>')
                                    + transaction("300", kind="3")),
                                activity("XM-D", budget("600") + transaction("200")),
                                activity("XM-E", budget("1000") + transaction("900", kind="3")),
                                activity("XM-F", budget("600") + transaction("200") + transaction(
                                    "600", kind="11", extra='<provider-org provider-activity-id="XM-E"/>'))],
    "iati_same_project": [
        activity("XM-A", '<participating-org role="1" ref="XM" activity-id="XM-B"/>' + budget("1000")),
        activity("XM-B", budget("1000")),
        activity("CH-4-1", '<reporting-org ref="CH-4"/>' + budget("700") + transaction(
            "700", kind="3", extra='<receiver-org ref="XM-DAC-41302"/>')),
        activity("XM-DAC-41302-1", '<reporting-org ref="XM-DAC-41302"/>' + budget("900")),
        activity("XM-DAC-41303-1", '<reporting-org ref="XM-DAC-41303"/><participating-org role="1" ref="CH-5"/>'
                 + budget("500")),
        activity("CH-5-1", '<reporting-org ref="CH-5"/>' + budget("800"))],
    "iati_no_date": [activity(body=budget("1000") + UNDATED.format("2", "") + UNDATED.format("4", "")
                              + transaction("300", date="2021-31-06"))],
}


def test_percentages_over_100_are_said_as_written():
    """70.1 + 30.1 was said « add up to 100.19999999999999 % » (the float's sum as it is)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        source = load(Path(folder), *FRENCH_CASES["iati_country_split_over"])
    said = next(p for p in source.problems if p.rule == "iati_country_split_over")
    assert "add up to 100.2 %," in said.message, said.message


@pytest.mark.parametrize("rule", sorted(FRENCH_CASES))
def test_an_iati_problem_is_told_wholly_in_french(tmp_path, rule):
    """Each IATI rule's message and hint, as make check prints them in a French project: no English sentence left
    (a rule the French table does not know was printed in English, or half English)."""
    from english_words import english_words

    source = load(tmp_path, *FRENCH_CASES[rule])
    said = [translated(p, "fr") for p in source.problems if p.rule == rule]
    assert said, rules(source)
    assert [(p.message, p.hint) for p in said if english_words(p.message) or english_words(p.hint)] == []


ROOT = '<?xml version="1.0"?>\n'
# rule -> the files of an iati/ folder (name -> text) whose problems it is among
FILE_CASES = {
    "iati_no_activity": {"file.xml": ROOT + '<iati-activities version="2.03"></iati-activities>'},
    "iati_dtd": {"file.xml": ROOT + '<!DOCTYPE iati-activities [<!ENTITY x "y">]>\n<iati-activities version="2.03">'
                             '</iati-activities>'},
    "iati_not_activity_file": {"org.xml": ROOT + '<iati-organisations version="2.03"></iati-organisations>',
                               "file.xml": ROOT + '<iati-activities version="2.03">' + activity(body=budget("1000"))
                                           + "</iati-activities>"},
    "iati_file_not_read": {"transactions.csv": "iati-identifier,value\nXM-1,300\n"},
    "iati_no_file": {},
    "iati_xml_syntax": {"file.xml": "\x1f\x8b\x08\x00 not xml"},
}


@pytest.mark.parametrize("rule", sorted(FILE_CASES))
def test_an_iati_files_problem_is_told_wholly_in_french(tmp_path, rule):
    """The folder's and the file's own problems (no file, no activity, a DTD, an organisation file, a CSV export, a
    gzip archive), as make check prints them in a French project: each was printed in English."""
    from english_words import english_words

    folder = tmp_path / "iati"
    folder.mkdir()
    for name, text in FILE_CASES[rule].items():
        (folder / name).write_text(text, encoding="latin-1" if "\x1f" in text else "utf-8")
    source = iati.load_iati(folder, params())
    said = [translated(p, "fr") for p in source.problems if p.rule == rule]
    assert said, rules(source)
    assert [(p.message, p.hint) for p in said if english_words(p.message) or english_words(p.hint)] == []


def test_an_activity_or_prefix_project_yaml_keeps_and_no_file_holds_is_told_in_french(tmp_path):
    """iati.activities naming an activity no file holds, iati.activity_prefix that no identifier starts with: both
    printed English in a French project."""
    from english_words import english_words

    listed = load(tmp_path / "a", activity("XM-B-1", budget("100")), activities=["XM-B-2"])
    prefixed = load(tmp_path / "b", activity("XM-B-1", budget("100")), activity_prefix="XM-Z")
    said = [translated(p, "fr") for p in listed.problems + prefixed.problems if p.rule == "iati_unknown_activity"]
    assert len(said) == 2 and "Vouliez-vous dire 'XM-B-1' ?" in said[0].hint
    assert [(t.message, t.hint) for t in said if english_words(t.message) or english_words(t.hint)] == []


def test_a_related_activity_ref_in_another_letter_case_is_said_in_the_levels_warning(tmp_path):
    """Country projects (hierarchy 2) whose related-activity ref is « xm-dac-41302-amem » for their programme
    XM-DAC-41302-AMEM: not linked (IATI identifiers are matched as written: the standard's identifier rules say
    nothing that makes case indifferent), both levels counted (6 000 000 for 3 000 000) and the warning said « no
    related-activity links them », the ref that was meant unsaid. Now the warning names the ref, the identifier it
    differs from only in case, and the hint says to have the ref corrected (French too)."""
    from helpers.pipeline.messages import shown

    org = '<reporting-org ref="XM-DAC-41302" type="40"><narrative>OIT</narrative></reporting-org>'
    lower = '<related-activity ref="xm-dac-41302-amem" type="1"/>'
    programme = activity("XM-DAC-41302-AMEM", org + budget("3000000"), attrs='default-currency="EUR" hierarchy="1"')
    morocco = activity("XM-DAC-41302-MAR-19-01", org + budget("2000000") + lower,
                       attrs='default-currency="EUR" hierarchy="2"')
    tunisia = activity("XM-DAC-41302-TUN-19-02", org + budget("1000000") + lower,
                       attrs='default-currency="EUR" hierarchy="2"')
    source = load(tmp_path, programme, morocco, tunisia)
    assert source.tables["budget"]["budget"].sum() == 6000000   # (matched as written: not linked)
    said = [p for p in source.problems if p.rule == "iati_hierarchy_levels"]
    assert len(said) == 1 and said[0].severity == "warning"
    assert ("the related-activity ref 'xm-dac-41302-amem' of XM-DAC-41302-MAR-19-01 differs from XM-DAC-41302-AMEM "
            "only in letter case" in said[0].message)
    assert said[0].hint.startswith("Ask the publisher to write the related-activity ref as the identifier is written "
                                   "(XM-DAC-41302-AMEM)")
    french = shown(said[0], "fr")
    assert "ne diffère de XM-DAC-41302-AMEM que par la casse" in french and "Demandez à l'éditeur" in french
    assert " the " not in french
    exact = load(tmp_path / "exact", programme, morocco.replace("xm-dac-41302-amem", "XM-DAC-41302-AMEM"), tunisia)
    assert "letter case" not in " ".join(p.message for p in exact.problems)
