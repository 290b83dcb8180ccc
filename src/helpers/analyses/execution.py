"""Physical execution of activities: execution rate, progress rate and status counts.

Input: the ``activities`` table as loaded (schemas.COLUMNS["activities"]): ``status`` holds the canonical code
(schemas.STATUS_CODES), ``weight`` and ``progress`` are float (NaN when empty).

Definitions (GUIDE.md, "Physical execution rate"):
- ``physical_execution_rate`` = done / (activities - cancelled) x 100, each activity counting its ``weight``
  (a missing weight counts 1). Activities whose status is empty or not a canonical code are left out and
  counted in ``n_unknown_status``.
- ``physical_progress_rate`` = weighted mean of progress (0-100) over the activities that are not cancelled;
  a done activity counts 100 whatever its progress says, and, in a table that has progress values, a not-started
  one without progress 0 (its status says it: left out, two done activities beside two not started gave 100 %). **Decision:** an activity in
  progress (or delayed...) without ``progress`` is *excluded* (not counted as 0 %, since "in progress" with no
  percentage is not "nothing done"); how many were excluded is returned in ``n_no_progress``. When no activity in scope has a progress value at all
  the rate is NaN with a note (done-only activities would otherwise give a meaningless 100 %); "in scope" is each
  group's activities (a country's row of the project-wide annex, as that country's annex).
- ``activity_status_count``: activities per canonical status (every code of schemas.STATUS_CODES, zeros included,
  plus ``unknown`` when some status is empty or not canonical).

Every function takes ``by`` = None (one row for the whole table), a column name or a list of column names among
country, result, output (any column of the table works). Group keys keep empty values as their own group (NaN).
Everything is vectorised (one groupby); no loop over rows.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from ..data.spec import STATUS_CODES

DONE = "done"
NOT_STARTED = "not_started"
CANCELLED = "cancelled"
UNKNOWN = "unknown"


def as_keys(by: str | Iterable[str] | None) -> list[str]:
    """None -> [], "country" -> ["country"], ["country", "result"] -> the list."""
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    return list(by)


def grouped_sums(frame: pd.DataFrame, keys: list[str], columns: list[str]) -> pd.DataFrame:
    """Sum ``columns`` per group of ``keys`` (empty keys kept as a group), or one row when keys is empty.

    Returns the keys as columns (sorted by keys) followed by the sums.
    """
    if keys:
        out = frame.groupby(keys, dropna=False, sort=True, observed=True)[columns].sum(min_count=0).reset_index()
    else:
        out = pd.DataFrame({c: [frame[c].sum(min_count=0)] for c in columns})
    for c in columns:
        out[c] = out[c].astype("float64")
    return out


def _rate(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    num = numerator.to_numpy(dtype="float64")
    den = denominator.to_numpy(dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(den > 0, num / np.where(den > 0, den, 1.0) * 100.0, np.nan)
    return pd.Series(rate, index=numerator.index, dtype="float64")


def _weights(activities: pd.DataFrame) -> pd.Series:
    if "weight" not in activities:
        return pd.Series(1.0, index=activities.index)
    return activities["weight"].astype("float64").fillna(1.0)


def _status(activities: pd.DataFrame) -> pd.Series:
    status = activities["status"].astype("str")
    return status.where(status.isin(STATUS_CODES), UNKNOWN).fillna(UNKNOWN)


def physical_execution_rate(activities: pd.DataFrame, by: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Done / (planned - cancelled) x 100, weighted by ``weight`` (missing weight = 1).

    Columns: <by keys>, n (activities counted: status known and not cancelled), n_done, n_cancelled,
    n_unknown_status, numerator (weighted done), denominator (weighted planned not cancelled), rate (0-100, NaN
    when the denominator is 0), weighted (True when any activity of the group has a weight), note.
    """
    keys = as_keys(by)
    status = _status(activities)
    weight = _weights(activities)
    known = status.ne(UNKNOWN)
    counted = known & status.ne(CANCELLED)
    done = status.eq(DONE)
    work = activities[keys].copy() if keys else pd.DataFrame(index=activities.index)
    work["n"] = counted.astype("float64")
    work["n_done"] = done.astype("float64")
    work["n_cancelled"] = status.eq(CANCELLED).astype("float64")
    work["n_unknown_status"] = (~known).astype("float64")
    work["numerator"] = (weight * done).astype("float64")
    work["denominator"] = (weight * counted).astype("float64")
    work["weighted"] = activities["weight"].notna().astype("float64") if "weight" in activities else 0.0
    out = grouped_sums(work, keys, ["n", "n_done", "n_cancelled", "n_unknown_status", "numerator",
                                    "denominator", "weighted"])
    out["rate"] = _rate(out["numerator"], out["denominator"])
    out["weighted"] = out["weighted"] > 0
    for c in ("n", "n_done", "n_cancelled", "n_unknown_status"):
        out[c] = out[c].astype("int64")
    note = ("done " + out["n_done"].astype(str) + " of " + out["n"].astype(str) + " activities"
            + np.where(out["n_cancelled"] > 0, " (" + out["n_cancelled"].astype(str) + " cancelled excluded)", "")
            + np.where(out["n_unknown_status"] > 0,
                       "; " + out["n_unknown_status"].astype(str) + " with unknown status excluded", "")
            + np.where(out["weighted"], "; weighted", ""))
    note = note.where(out["denominator"] > 0, "not computable: no activity planned (or all cancelled)")
    out["note"] = note.astype("str")
    return out[[*keys, "n", "n_done", "n_cancelled", "n_unknown_status", "numerator", "denominator", "rate",
                "weighted", "note"]]


def physical_progress_rate(activities: pd.DataFrame, by: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Weighted mean progress (0-100), done = 100, not started without progress = 0, cancelled excluded, others
    without progress excluded.

    Columns: <by keys>, n (activities in the mean), n_no_progress (not done, not cancelled, no progress: excluded),
    n_cancelled, numerator (sum of weight x progress), denominator (sum of weights), rate (0-100, NaN when nothing
    to average, or no progress value in the whole table and an activity whose progress its status does not give),
    note.
    """
    keys = as_keys(by)
    status = _status(activities)
    weight = _weights(activities)
    progress = activities["progress"].astype("float64") if "progress" in activities else pd.Series(
        np.nan, index=activities.index)
    done = status.eq(DONE)
    cancelled = status.eq(CANCELLED)
    not_started = status.eq(NOT_STARTED)
    # a group that tracks progress, or whose every activity is done, not started or cancelled (its progress is
    # then known without a value): a not-started activity has done nothing yet, as it says. Decided per group, as
    # each country's annex decides it over its own rows: a country giving no progress beside others that do had
    # « 100 % (1 without progress excluded) » in the project-wide annex, n.d. in its own
    tracked = _tracking(activities, keys, progress.notna(), done | cancelled | not_started)
    value = progress.clip(lower=0.0, upper=100.0).where(~done, 100.0)
    value = value.where(~(not_started & value.isna() & tracked), 0.0)
    included = ~cancelled & value.notna()
    work = activities[keys].copy() if keys else pd.DataFrame(index=activities.index)
    work["untracked"] = (~tracked).astype("float64")
    work["n"] = included.astype("float64")
    work["n_no_progress"] = (~cancelled & value.isna()).astype("float64")
    work["n_cancelled"] = cancelled.astype("float64")
    work["numerator"] = (weight * value).where(included, 0.0).astype("float64")
    work["denominator"] = weight.where(included, 0.0).astype("float64")
    out = grouped_sums(work, keys, ["n", "n_no_progress", "n_cancelled", "numerator", "denominator", "untracked"])
    for c in ("n", "n_no_progress", "n_cancelled"):
        out[c] = out[c].astype("int64")
    out["rate"] = _rate(out["numerator"], out["denominator"] * 100.0)  # progress is already 0-100
    note = ("weighted mean progress of " + out["n"].astype(str) + " activities (done = 100, not started = 0)"
            + np.where(out["n_no_progress"] > 0,
                       "; " + out["n_no_progress"].astype(str) + " without progress excluded", ""))
    note = note.where(out["denominator"] > 0, "not computable: no activity with a progress value or done")
    untracked = out["untracked"] > 0
    out["rate"] = out["rate"].where(~untracked, np.nan)
    note = note.where(~untracked, "not computable: no progress values in the data")
    out["note"] = note.astype("str")
    return out[[*keys, "n", "n_no_progress", "n_cancelled", "numerator", "denominator", "rate", "note"]]


def _tracking(activities: pd.DataFrame, keys: list[str], has_value: pd.Series, known: pd.Series) -> pd.Series:
    """Per activity, whether its group (of ``keys``; the whole table without keys) has a progress value or only
    activities whose progress their status gives."""
    if not keys:
        return pd.Series(bool(has_value.any() or known.all()), index=activities.index)
    flags = pd.DataFrame({"has": has_value, "known": known}, index=activities.index)
    groups = flags.groupby([activities[k] for k in keys], dropna=False, sort=False)
    return groups["has"].transform("any").astype(bool) | groups["known"].transform("all").astype(bool)


def activity_status_count(activities: pd.DataFrame, by: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Activities per canonical status.

    Columns: <by keys>, status (every code of schemas.STATUS_CODES in that order, plus "unknown" when present),
    n (activities with that status), total (activities in the group), share (n / total x 100).
    """
    keys = as_keys(by)
    status = _status(activities)
    categories = list(STATUS_CODES) + ([UNKNOWN] if status.eq(UNKNOWN).any() else [])
    work = activities[keys].copy() if keys else pd.DataFrame(index=activities.index)
    work["status"] = pd.Categorical(status, categories=categories)
    if keys:
        counts = work.groupby(keys, dropna=False, sort=True)["status"].value_counts(sort=False)
        out = counts.rename("n").reset_index()
        # value_counts keeps every category within each observed group
        out["total"] = out.groupby(keys, dropna=False, sort=False)["n"].transform("sum")
    else:
        out = work["status"].value_counts(sort=False).rename("n").rename_axis("status").reset_index()
        out["total"] = out["n"].sum()
    out["status"] = pd.Categorical(out["status"].astype("str"), categories=categories)
    out = out.sort_values([*keys, "status"], kind="mergesort", na_position="last").reset_index(drop=True)
    out["status"] = out["status"].astype("str")
    out["n"] = out["n"].astype("int64")
    out["total"] = out["total"].astype("int64")
    out["share"] = _rate(out["n"], out["total"])
    return out[[*keys, "status", "n", "total", "share"]].reset_index(drop=True)
