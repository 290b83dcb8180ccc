"""What the data hold after the project's reporting date (project.yaml), said at the rows.

An annex describes the project at its reporting date. Events that start after it are left out of the annex
(model.scope), as spending after it is left out of the budget figures; activities done after it are counted as
done, since a status has no date. Either may mean that the data are more recent than the reporting date.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..errors import Problem
from .model import after_reporting_date
from .readers import RawTable

SHOWN = 10   # rows named one by one; the others are counted


def events_after(frame: pd.DataFrame, raw: RawTable, reporting_date: dt.date) -> list[Problem]:
    """A warning at each event that starts after the reporting date: left out of every figure of the annex."""
    later = frame.index[after_reporting_date(frame, reporting_date)]
    day = reporting_date.isoformat()
    problems = [raw.problem(
        "event_after_reporting_date", f"this event starts after the reporting date ({day}, project.yaml): it is "
        "left out of the annex's figures", "Planned events have no participants yet: nothing to do. If the data are "
        "more recent than the reporting date, move `reporting_date` in project.yaml.", index=i, column="start_date",
        value=pd.Timestamp(frame.at[i, "start_date"]).date().isoformat(), severity="warning") for i in later[:SHOWN]]
    if len(later) > SHOWN:
        problems.append(raw.problem("event_after_reporting_date", f"{len(later) - SHOWN} more events start after "
                                    "the reporting date", "", column="start_date", severity="warning"))
    return problems


def done_after(frame: pd.DataFrame, raw: RawTable, reporting_date: dt.date) -> list[Problem]:
    """A warning at each activity whose actual end is after the reporting date: counted as done, as its status
    says, in an annex that describes the reporting date."""
    if "actual_end" not in frame.columns:
        return []
    end = pd.to_datetime(frame["actual_end"], errors="coerce")
    later = frame.index[(end > pd.Timestamp(reporting_date)).fillna(False).to_numpy(bool)]
    day = reporting_date.isoformat()
    problems = [raw.problem(
        "done_after_reporting_date", f"this activity ended after the reporting date ({day}, project.yaml): it is "
        "counted as its status says", "If the annex should describe the reporting date, write the status the "
        "activity had then; if the data are more recent, move `reporting_date` in project.yaml.", index=i,
        column="actual_end", value=end[i].date().isoformat(), severity="warning") for i in later[:SHOWN]]
    if len(later) > SHOWN:
        problems.append(raw.problem("done_after_reporting_date", f"{len(later) - SHOWN} more activities ended after "
                                    "the reporting date", "", column="actual_end", severity="warning"))
    return problems
