"""What the data hold outside the project's dates (project.yaml), said at the rows.

An annex describes the project at its reporting date. Events that start after it are left out of the annex
(model.scope), as spending after it is left out of the budget figures, and so are the actuals of indicator periods
that start after it; activities done after it are counted as
done, since a status has no date. Either may mean that the data are more recent than the reporting date. Spending
dated before the project's start is counted (it may be eligible), and told: 2012 is often 2021 mistyped.
Events that start before it are counted and told alike; spending after the project's end, and an event that ends
before it starts, are told.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..errors import Problem
from . import numbers
from .model import actuals_after_reporting_date, after_reporting_date, spending_across
from .readers import RawTable

SHOWN = 10   # rows named one by one; the others are counted


def _at_rows(raw: RawTable, rows: np.ndarray, dates: pd.Series, column: str, rule: str, message: str, hint: str,
             more: str) -> list[Problem]:
    """A warning at each of the first SHOWN ``rows`` (a mask over ``dates``), its date as the value (and in the
    message, as '{date}'), then how many more rows (``more``: '{n} more ...')."""
    found = dates.index[rows]
    shown = [(i, pd.Timestamp(dates[i]).date().isoformat()) for i in found[:SHOWN]]
    problems = [raw.problem(rule, message.format(date=day), hint, index=i, column=column, value=day,
                            severity="warning") for i, day in shown]
    if len(found) > SHOWN:
        problems.append(raw.problem(rule, more.format(n=len(found) - SHOWN), "", column=column, severity="warning"))
    return problems


def events_after(frame: pd.DataFrame, raw: RawTable, reporting_date: dt.date) -> list[Problem]:
    """A warning at each event that starts after the reporting date: left out of every figure of the annex."""
    return _at_rows(raw, after_reporting_date(frame, reporting_date), frame["start_date"], "start_date",
                    "event_after_reporting_date", f"this event starts after the reporting date "
                    f"({reporting_date.isoformat()}, project.yaml): it is left out of the annex's figures",
                    "Planned events have no participants yet: nothing to do. If the data are more recent than the "
                    "reporting date, move `reporting_date` in project.yaml.",
                    "{n} more events start after the reporting date")


def actuals_after(frame: pd.DataFrame, raw: RawTable, reporting_date: dt.date) -> list[Problem]:
    """A warning at each indicator row with an actual for a period that starts after the reporting date: not
    counted (its achievement was computed, 90 % of a target of a period to come)."""
    rows = actuals_after_reporting_date(frame, reporting_date)
    found = frame.index[rows]
    problems = [raw.problem("actual_after_reporting_date", f"this actual is of a period that starts after the "
                            f"reporting date ({reporting_date.isoformat()}, project.yaml): it is not counted",
                            "If the period is mistyped (2022 for 2020), correct it; if it is a forecast, leave "
                            "`actual` empty until it is measured; if the data are more recent, move "
                            "`reporting_date` in project.yaml.", index=i, column="period",
                            value=frame.at[i, "period"], severity="warning") for i in found[:SHOWN]]
    if len(found) > SHOWN:
        problems.append(raw.problem("actual_after_reporting_date", f"{len(found) - SHOWN} more actuals are of "
                                    "periods that start after the reporting date", "", column="period",
                                    severity="warning"))
    return problems


def spending_across_date(frame: pd.DataFrame, raw: RawTable, reporting_date: dt.date) -> list[Problem]:
    """A warning at each spending row whose period contains the reporting date (2021 beside 30/06/2021): the
    spending up to that date is not known, and every spending figure of the annex is n.d."""
    rows = spending_across(frame, reporting_date)
    found = frame.index[rows]
    day = reporting_date.isoformat()
    problems = [raw.problem("spending_across_reporting_date", f"this row's period ('{frame.at[i, 'period_label']}', "
                            f"to {pd.Timestamp(frame.at[i, 'period_end']).date().isoformat()}) contains the reporting "
                            f"date ({day}, project.yaml): what was spent up to that date is not known, and the "
                            "annex's spending figures are not computed", "Move `reporting_date` in project.yaml to "
                            "the end of a spending period, or give this spending by shorter periods that end on the "
                            "reporting date." + ("" if numbers.period_span(frame.at[i, "period_label"]) else
                                                  " If it is a payment made on that day, leave its period_label "
                                                  "empty (a label that is no period is read as one begun after the "
                                                  "rows before it)."),
                            index=i, column="period_end", value=frame.at[i, "period_label"],
                            severity="warning") for i in found[:SHOWN]]
    if len(found) > SHOWN:
        problems.append(raw.problem("spending_across_reporting_date", f"{len(found) - SHOWN} more rows' periods "
                                    "contain the reporting date", "", column="period_end", severity="warning"))
    return problems


def spending_all_after(frame: pd.DataFrame, raw: RawTable, reporting_date: dt.date) -> list[Problem]:
    """Every spending row dated after the reporting date (payments of 31/12/2020 beside a reporting date of
    30/06/2020, a year mistyped in project.yaml): the annexes count no spending, every execution rate 0 %, which
    they said only in a note. A warning at the first row."""
    ends = pd.to_datetime(frame["period_end"], errors="coerce") if "period_end" in frame.columns else None
    if ends is None or ends.isna().all() or not (ends.dropna() > pd.Timestamp(reporting_date)).all():
        return []
    first = ends.idxmin()
    return [raw.problem("spending_all_after_reporting_date", f"every spending row is dated after the reporting date "
                        f"({reporting_date.isoformat()}, project.yaml), the first on "
                        f"{ends[first].date().isoformat()}: the annexes count no spending, and every execution rate "
                        "is 0 %", "If the reporting date is mistyped, correct `reporting_date` in project.yaml; if "
                        "the annexes describe a day before any spending, nothing to do.", index=first,
                        column="period_end", value=ends[first].date().isoformat(), severity="warning")]


def spending_all_before(frame: pd.DataFrame, raw: RawTable, reporting_date: dt.date) -> list[Problem]:
    """Every spending row dated before the reporting date (a reporting date of 2023-06-30 typed for 2021-06-30, or
    the evaluation's day beside spending to the last quarter): what was spent up to that date is not known, so every
    spending figure, execution rate and burn index of the annexes is n.d., which make check did not say. A warning
    at the latest row."""
    ends = pd.to_datetime(frame["period_end"], errors="coerce") if "period_end" in frame.columns else None
    if ends is None or ends.isna().all() or ends.max() >= pd.Timestamp(reporting_date):
        return []
    last = ends.idxmax()
    return [raw.problem("spending_all_before_reporting_date", f"every spending row is dated before the reporting "
                        f"date ({reporting_date.isoformat()}, project.yaml), the last on "
                        f"{ends[last].date().isoformat()}: what was spent up to the reporting date is not known, and "
                        "the annexes' spending, execution rates and burn index are not computed (n.d.)",
                        f"If the data are complete to {ends[last].date().isoformat()}, write `reporting_date: "
                        f"{ends[last].date().isoformat()}` in project.yaml (or correct a mistyped date); else add the "
                        "spending up to the reporting date.", index=last, column="period_end",
                        value=ends[last].date().isoformat(), severity="warning")]


def country_spending_ends_early(frame: pd.DataFrame, raw: RawTable, reporting_date: dt.date) -> list[Problem]:
    """A country whose spending rows all end a year or more before the reporting date while other rows reach it
    (Maroc's last row « T2 2020 » beside a reporting date of 30/06/2021): that country's spending, execution rates
    and burn index are n.d., the project's annex saying only « spending not known for Maroc », no date. A warning at
    its last row. A year, not a period of its own: a country whose next report is not in yet (« 2020 », or « T4
    2020 », beside 30/06/2021, as the mini fixture's Maroc) is not told."""
    if not {"period_end", "country"} <= set(frame.columns):
        return []
    ends = pd.to_datetime(frame["period_end"], errors="coerce")
    day = pd.Timestamp(reporting_date)
    if ends.isna().all() or ends.max() < day:   # every row before the date: spending_all_before
        return []
    problems = []
    # (rows without a country may be a country's own, joined by their line: not told as a country's)
    named = frame["country"].notna() & (frame["country"].astype(str).str.strip() != "") & ends.notna()
    for country, rows in ends[named].groupby(frame.loc[named, "country"].astype(str).str.strip(), sort=True):
        last = rows.idxmax()
        if rows[last] + pd.DateOffset(years=1) > day:
            continue
        end = rows[last].date().isoformat()
        label = frame.at[last, "period_label"] if "period_label" in frame.columns else None
        said = f" ('{label}')" if isinstance(label, str) and label.strip() else ""
        problems.append(raw.problem("country_spending_ends_early", f"the spending rows of {country} end on {end}"
                                    f"{said}, a year or more before the reporting date ({reporting_date.isoformat()}, "
                                    "project.yaml) that other rows reach: what was spent in " f"{country} up to the "
                                    "reporting date is not known, and its spending, execution rates and burn index "
                                    "are not computed (n.d.), in its annex and in the project's total",
                                    f"Add {country}'s spending after {end} up to the reporting date; if nothing was "
                                    f"spent since, write a row of 0 for {country} ending on the reporting date.",
                                    index=last, column="period_end", value=end, severity="warning"))
    return problems


def done_after(frame: pd.DataFrame, raw: RawTable, reporting_date: dt.date) -> list[Problem]:
    """A warning at each activity whose actual end is after the reporting date: counted as done, as its status
    says, in an annex that describes the reporting date."""
    if "actual_end" not in frame.columns:
        return []
    end = pd.to_datetime(frame["actual_end"], errors="coerce")
    return _at_rows(raw, (end > pd.Timestamp(reporting_date)).fillna(False).to_numpy(bool), end, "actual_end",
                    "done_after_reporting_date", f"this activity ended after the reporting date "
                    f"({reporting_date.isoformat()}, project.yaml): it is counted as its status says",
                    "If the annex should describe the reporting date, write the status the activity had then; if "
                    "the data are more recent, move `reporting_date` in project.yaml.",
                    "{n} more activities ended after the reporting date")


def before_start(frame: pd.DataFrame, raw: RawTable, start: dt.date) -> list[Problem]:
    """Spending dated before the project's start (2012 typed for 2021): counted like the rest, and the cumulative
    curve starts years early. A warning per row, since spending before the start may be eligible."""
    if "period_end" not in frame.columns:
        return []
    day = frame["period_end"]
    return _at_rows(raw, (day < pd.Timestamp(start)).fillna(False).to_numpy(bool), day, "period_end",
                    "spending_before_start", f"this spending is dated {{date}}, before the project's start "
                    f"({start.isoformat()}, project.yaml): it is counted", "Correct the date if it is a typo (2012 "
                    "for 2021); if the spending is eligible before the start, nothing needs doing.",
                    "{n} more rows are dated before the project's start")


def events_before_start(frame: pd.DataFrame, raw: RawTable, start: dt.date) -> list[Problem]:
    """Events that start before the project's start (2010 typed for 2020): counted in every participation figure,
    nothing said, where spending so dated is told (before_start). A warning per row: an inception event may be."""
    if "start_date" not in frame.columns:
        return []
    day = pd.to_datetime(frame["start_date"], errors="coerce")
    return _at_rows(raw, (day < pd.Timestamp(start)).fillna(False).to_numpy(bool), day, "start_date",
                    "event_before_start", f"this event starts on {{date}}, before the project's start "
                    f"({start.isoformat()}, project.yaml): its participants are counted", "Correct the date if it is "
                    "a typo (2010 for 2020); if the event belongs to the project before its start, nothing needs "
                    "doing.", "{n} more events start before the project's start")


def events_ending_before_they_start(frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """An event whose end_date is before its start_date (05/02 to 02/02: a day or a month mistyped): one of the
    two is wrong, and which one dates the event (the reporting date's cut, the change since the last annex) is not
    known. A warning at the end_date."""
    if not {"start_date", "end_date"} <= set(frame.columns):
        return []
    start = pd.to_datetime(frame["start_date"], errors="coerce")
    end = pd.to_datetime(frame["end_date"], errors="coerce")
    rows = (end < start).fillna(False).to_numpy(bool)
    return _at_rows(raw, rows, end, "end_date", "event_ends_before_it_starts",
                    "this event ends on {date}, before it starts: one of its dates is mistyped, and the start date "
                    "dates the event in the annex", "Correct the start_date or the end_date of the row (a day and a "
                    "month swapped, or a year mistyped?).", "{n} more events end before they start")


def spending_after_end(frame: pd.DataFrame, raw: RawTable, end: dt.date, reporting_date: dt.date | None
                       ) -> list[Problem]:
    """Spending dated after the project's end (2031 typed for 2021): left out of the figures when it is after the
    reporting date too, counted when not (a reporting date after the end), nothing said either way."""
    if "period_end" not in frame.columns:
        return []
    day = pd.to_datetime(frame["period_end"], errors="coerce")
    counted = reporting_date is not None and reporting_date > end
    what = "it is counted up to the reporting date" if counted else "it is after the reporting date too, and left " \
        "out of the annex's figures"
    return _at_rows(raw, (day > pd.Timestamp(end)).fillna(False).to_numpy(bool), day, "period_end",
                    "spending_after_end", f"this spending is dated {{date}}, after the project's end "
                    f"({end.isoformat()}, project.yaml): {what}", "Correct the date if it is a typo (2031 for "
                    "2021); if the project was extended, move `end_date` in project.yaml.",
                    "{n} more rows are dated after the project's end")
