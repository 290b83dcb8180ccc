"""Financial execution: budget, spending, execution rate, spending share, staff-cost share, burn index.

Inputs: the ``budget`` table (one row per budget line: line, budget, country, label, category) and the
``expenditure`` table (one row per line and period: line, period_end, amount), as loaded (schemas.COLUMNS), plus the
project parameters (params.ProjectParams or AnnexParams: reporting_date, start_date, end_date, budget_total,
staff_categories, thresholds, currency).

Definitions (GUIDE.md):
- ``spent`` as of a date D = sum of ``amount`` over the expenditure rows with ``period_end <= D`` (cumulative).
  D defaults to ``params.reporting_date``. **A date after the last period_end in the data cannot be computed**: the
  data does not say what was spent up to D, so every spending figure is NaN with a note saying where the data ends;
  so is one inside a row's period (``period_label`` « 2021 », or a period_end written « 2021 », beside D = 30/06/2021).
  No expenditure row at all: likewise NaN ("no expenditure data").
- ``budget`` of a line: its ``budget`` cell; an empty cell means "not known" (never 0). A line that has spending but
  no row in the budget table also has an unknown budget. A sum of line budgets (per country, all lines) is NaN as
  soon as one line of it is not known (the partial sum is returned beside it as ``budget_known_sum``).
- ``financial_execution_rate`` = spent / budget x 100. Total: the denominator is ``params.budget_total`` when
  declared, else the sum of the line budgets. A budget of 0 or less, or unknown, gives NaN and a "not computable"
  note, never infinity nor a rate over a negative amount (every ratio here needs a denominator > 0).
- ``unallocated_budget`` = budget_total - sum of line budgets, only when budget_total is declared and every line
  budget is known.
- ``spending_share`` = line (or country) spent / total spent x 100: a share of spending, *not* a disbursement rate.
- ``staff_cost_share`` = spent on lines whose ``category`` is in ``params.staff_categories`` / total spent x 100,
  with status "below band" / "within band" / "above band" against thresholds.staff_share_low..high. No line with
  a staff category: not computable (never 0 %, "below band": the staff may be paid from lines kept elsewhere).
- A country annex (params.project_budget_total set by params.load_annex_params) does not apply the project's
  ``budget_total``: its total is the sum of its own lines; ``left_out_of_country`` says what it leaves out.
- ``burn_index`` = (spent / budget) / (elapsed / planned duration), elapsed = start_date to as_of, duration =
  start_date to end_date (in days, both days counted; the time share is capped at 1 after the end date; NaN when
  the time share is <= 0). About 1 = on pace.
- ``spending_by_period``: per period_end, the amount, the cumulative amount and the linear-pace budget line.

All functions are vectorised (one groupby per table); they do no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np
import pandas as pd

from ..data import lines as lines_mod
from ..data.model import spending_across
from ..text import fold

BAND_BELOW = "below band"
BAND_WITHIN = "within band"
BAND_ABOVE = "above band"
PARTLY_KNOWN = "not computable: spending not known for "   # + the countries (spending_not_known)
PROJECT_WIDE_LINES = "the project-wide lines"                 # one of those countries (spending_not_known)


# ----------------------------------------------------------------------------------------------- dates and pace
def to_timestamp(value: Any) -> pd.Timestamp:
    """A date, 'YYYY-MM-DD' text or Timestamp as a day-precision Timestamp."""
    return pd.Timestamp(value).normalize()


def data_end(expenditure: pd.DataFrame) -> pd.Timestamp:
    """The last period_end covered by the expenditure data (NaT when there is none)."""
    if expenditure.empty:
        return pd.NaT
    return pd.Timestamp(expenditure["period_end"].max())


def elapsed_share(params: Any, as_of: Any) -> float:
    """Days from start_date to as_of / days from start_date to end_date, both days counted (the dates are a first
    day, a last day and the last day the data cover: 2020-01-01..2023-12-31 is 1 461 days, 912 of them elapsed on
    2022-06-30; the difference of the dates gave 911 / 1 460, and a two-year project half-way through at the end
    of its first year 364 / 729), capped at 1; NaN when not positive."""
    start, end, when = to_timestamp(params.start_date), to_timestamp(params.end_date), to_timestamp(as_of)
    duration = elapsed_days(start, end)
    if duration <= 0:
        return float("nan")
    share = min(elapsed_days(start, when) / duration, 1.0)
    return share if share > 0 else float("nan")


def elapsed_days(start: pd.Timestamp, day: Any) -> Any:
    """Days from ``start`` to ``day`` (a date or a Series of dates), both counted: 1 on the start date itself."""
    difference = day - start
    return (difference.dt.days if isinstance(difference, pd.Series) else difference.days) + 1


def coverage_of(expenditure: pd.DataFrame, as_of: pd.Timestamp) -> str:
    """'' when spending as of ``as_of`` can be computed from the data, else the reason."""
    return _coverage(data_end(expenditure), as_of) or _straddled(expenditure, as_of)


def _straddled(expenditure: pd.DataFrame, as_of: pd.Timestamp) -> str:
    """Why the spending up to ``as_of`` is not known when a row's period began on or before it and ends after it
    (model.spending_across: « 2021 » beside 30/06/2021); '' when none does. Counting only the rows that end by the
    date gave « spending as of 30/06/2021 » the spending to 31/12/2020."""
    across = spending_across(expenditure, as_of)
    if not across.any():
        return ""
    first = expenditure.loc[across].sort_values("period_end", kind="mergesort").iloc[0]
    return (f"not computable: the spending of '{first['period_label']}' (to "
            f"{pd.Timestamp(first['period_end']).date().isoformat()}) covers {as_of.date().isoformat()}: what was "
            "spent up to that date is not known")


def _coverage(end: pd.Timestamp, as_of: pd.Timestamp) -> str:
    """coverage_of, given where the data end."""
    if pd.isna(end):
        return "not computable: no expenditure data"
    if as_of > end:
        return (f"not computable: the expenditure data ends on {end.date().isoformat()}, "
                f"before {as_of.date().isoformat()}")
    return ""


def _divide(num: pd.Series | np.ndarray, den: pd.Series | np.ndarray, scale: float = 100.0) -> np.ndarray:
    num = np.asarray(num, dtype="float64")
    den = np.asarray(den, dtype="float64")
    ok = np.isfinite(den) & (den > 0) & np.isfinite(num)  # never a rate over a denominator <= 0
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(ok, num / np.where(ok, den, 1.0) * scale, np.nan)


def _budget_reason(budget: pd.Series) -> np.ndarray:
    b = budget.to_numpy(dtype="float64")
    return np.select([np.isnan(b), b == 0, b < 0], ["not computable: budget not known", "not computable: budget is 0",
                                                   "not computable: budget is negative"], "")


# ----------------------------------------------------------------------------------------------- per line
# The line tables made within ``reusing_line_tables``: {(id(budget), id(expenditure), as_of): (budget, expenditure,
# table)}; the frames are held so that their ids cannot be reused by other frames while the scope lasts.
_LINE_TABLES: ContextVar[dict | None] = ContextVar("line_tables", default=None)


@contextmanager
def reusing_line_tables() -> Iterator[None]:
    """Within it, the line table of the same budget and expenditure frames at the same date is made once. The
    figures of one annex ask for the whole table's lines up to 16 times (the summary, each line, each country, the
    staff share, the cost per result, at each date a published figure names): 0.7 s of the project-wide annex's 2.3 s
    of CPU in its figures step, for 6 distinct tables. The caller must not change those frames in place meanwhile."""
    if _LINE_TABLES.get() is not None:   # already inside one: its tables serve
        yield
        return
    token = _LINE_TABLES.set({})
    try:
        yield
    finally:
        _LINE_TABLES.reset(token)


def _line_table(budget: pd.DataFrame, expenditure: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """_made_line_table's table, made once per (budget, expenditure, as_of) within reusing_line_tables (a copy:
    budget_lines adds columns to it)."""
    made = _LINE_TABLES.get()
    if made is None:
        return _made_line_table(budget, expenditure, as_of)
    key = (id(budget), id(expenditure), as_of)
    found = made.get(key)
    if found is None or found[0] is not budget or found[1] is not expenditure:
        found = made[key] = (budget, expenditure, _made_line_table(budget, expenditure, as_of))
    return found[2].copy()


def _made_line_table(budget: pd.DataFrame, expenditure: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """One row per (country, line) (data.lines: the same code in two countries is two lines), sorted by line.

    ``coverage``: why the spending of the line's country is not known as of the date ('' when it is), as that
    country's own annex says it: the rows of its lines are none, or end before the date. The project-wide lines'
    rows (any country's spending on them too) are read the same way when there are some: theirs ending on 30/06
    beside a country's ending on 30/06 gave them a rate and the country n.d.; with none, the whole table's
    coverage (budget_lines) is theirs (nothing spent on them yet)."""
    ckey = lines_mod.resolve(budget, expenditure)[0]
    b = budget.assign(_unknown=budget["budget"].isna().astype("int64"), _rows=1,
                      _ckey=lines_mod.country_key(budget["country"]) if len(budget) else pd.Series([], dtype=object))
    lines = b.groupby(["_ckey", "line"], sort=True, dropna=False).agg(
        budget=("budget", "sum"), n_unknown=("_unknown", "sum"), budget_rows=("_rows", "sum"),
        label=("label", "first"), country=("country", "first"), category=("category", "first"))
    lines["budget"] = lines["budget"].where(lines["n_unknown"] == 0)
    e = expenditure.assign(_ckey=ckey)
    spent_rows = e[e["period_end"] <= as_of]
    spent = spent_rows.groupby(["_ckey", "line"], sort=True, dropna=False).agg(
        spent=("amount", "sum"), n_periods=("amount", "size"))
    exp_country = e.groupby(["_ckey", "line"], sort=True, dropna=False)["country"].first().rename("exp_country")
    out = lines.join([spent, exp_country], how="outer").reset_index()
    out = out.sort_values(["line", "_ckey"], kind="mergesort").reset_index(drop=True)
    ends = e.groupby("_ckey")["period_end"].max() if len(e) else pd.Series([], dtype=object)
    reasons = {key: _coverage(ends.get(key, pd.NaT), as_of) or _straddled(e[e["_ckey"] == key], as_of)
               for key in out["_ckey"].unique() if key != lines_mod.REGIONAL or key in ends.index}
    out["coverage"] = pd.Series([reasons.get(key, "") for key in out["_ckey"]], index=out.index, dtype="str")
    out = out.drop(columns="_ckey")
    in_budget = out["budget_rows"].fillna(0) > 0
    out["country"] = out["country"].where(in_budget, out["exp_country"]).astype("str")
    out["label"] = out["label"].astype("str")
    out["category"] = out["category"].astype("str")
    out["in_budget_table"] = in_budget
    out["spent"] = out["spent"].fillna(0.0).astype("float64")
    out["n_periods"] = out["n_periods"].fillna(0).astype("int64")
    out["budget"] = out["budget"].astype("float64")
    return out


def budget_lines(budget: pd.DataFrame, expenditure: pd.DataFrame, params: Any, as_of: Any = None,
                 coverage: str | None = None) -> pd.DataFrame:
    """One row per budget line, (country, line) (lines of the budget table and lines that only have spending),
    sorted by line.

    Columns: line, label, country, category, budget (NaN = not known), budget_known, in_budget_table, spent
    (cumulative as of ``as_of``; NaN when not computable), spent_note (why spent is not known, '' when it is),
    n_periods (expenditure rows counted), financial_execution_rate, spending_share, burn_index, as_of, note, key
    (the figures key: the code, or ``<line>/<country>`` when the code is in several countries,
    data.lines.line_key).

    A line of a country whose spending is not known (no row of that country, or its rows end before the date: the
    country's annex says n.d.) has no spending figure either, rather than 0: then the total spent is not known,
    nor any share of it (spending_not_known says so). ``coverage``: whether the data cover the date, when it is
    not the given rows' to say (the project-wide lines' rows: the whole table's).
    """
    when = to_timestamp(params.reporting_date if as_of is None else as_of)
    coverage = coverage_of(expenditure, when) if coverage is None else coverage
    out = _line_table(budget, expenditure, when)
    out["spent_note"] = coverage if coverage else out["coverage"]
    out["spent"] = out["spent"].where(out["spent_note"] == "")
    total_spent = out["spent"].sum(min_count=1) if out["spent"].notna().all() else np.nan
    out["budget_known"] = out["budget"].notna()
    out["financial_execution_rate"] = _divide(out["spent"], out["budget"])
    out["spending_share"] = _divide(out["spent"], np.full(len(out), total_spent))
    out["burn_index"] = _divide(out["financial_execution_rate"], np.full(len(out), elapsed_share(params, when)),
                                scale=0.01)
    out["as_of"] = when
    out["key"] = lines_mod.line_key(out["line"], out["country"]).astype("str")
    note = pd.Series(_budget_reason(out["budget"]), index=out.index)
    note = note.where(out["in_budget_table"], "not computable: line not in the budget table")
    out["note"] = note.where(out["spent_note"] == "", out["spent_note"]).astype("str")
    return out[["line", "label", "country", "category", "budget", "budget_known", "in_budget_table", "spent",
                "spent_note", "n_periods", "financial_execution_rate", "spending_share", "burn_index", "as_of",
                "note", "key"]]


def spending_not_known(lines: pd.DataFrame, coverage: str) -> str:
    """Why the total spent of budget_lines' table is not known ('' when it is): ``coverage`` (coverage_of the whole
    table) when the data do not reach the date, else the countries whose own spending is not known (each of their
    lines says why)."""
    if coverage:
        return coverage
    unknown = lines.loc[lines["spent_note"].str.len() > 0, "country"]
    if unknown.empty:
        return ""
    # the project-wide lines' own rows may end before the date too (_line_table): named as such, not « regional »
    names = unknown.astype(str).where(lines_mod.country_key(unknown).to_numpy() != lines_mod.REGIONAL,
                                      PROJECT_WIDE_LINES)
    return PARTLY_KNOWN + ", ".join(dict.fromkeys(names))


def budget_by_country(budget: pd.DataFrame, expenditure: pd.DataFrame, params: Any,
                      as_of: Any = None) -> pd.DataFrame:
    """One row per country ("regional": the rows of the project as a whole), sorted by country: each country's
    figures as its own annex computes them (budget_summary on the rows of that country, over the sum of its lines),
    so that the project-wide annex and the country's annex never show two numbers for one figure.

    A row belongs to the country of its budget line (data.lines: names compared with ``fold``): spending without a
    country on a line of one country is that country's, spending recorded in a country on a project-wide line is
    that line's ("regional"), as model.scope gives each annex its rows. Every row is in one group: the groups add
    up to the project. A country whose spending is not known up to the date (no row,
    or its rows end before it) gets no spending figure, with the reason, as in its own annex.

    Columns: country, n_lines, n_budget_unknown, budget (NaN if any line budget of the country is not known),
    budget_known_sum, spent, financial_execution_rate, spending_share (of total spent), burn_index, as_of, note,
    share_note (why spending_share is not known: the country's note, or the total's; '' when it is known).
    """
    when = to_timestamp(params.reporting_date if as_of is None else as_of)
    own = {"budget": lines_mod.country_key(budget["country"]) if len(budget) else pd.Series([], dtype=object),
           "expenditure": lines_mod.line_country(budget, expenditure)}
    written: dict[str, str] = {}  # folded -> the name as first written (budget first)
    for frame, keys in ((budget, own["budget"]), (expenditure, own["expenditure"])):
        for key, name in zip(keys, frame["country"]):
            written.setdefault(key, name if isinstance(name, str) and key != lines_mod.REGIONAL
                               else lines_mod.REGIONAL)
    lines_only = _without_declared_total(params)
    every_line = budget_lines(budget, expenditure, params, when)
    total_unknown = spending_not_known(every_line, coverage_of(expenditure, when))
    total_spent = np.nan if total_unknown else every_line["spent"].sum(min_count=1)
    rows = []
    for key in sorted(written, key=lambda k: written[k]):
        mine_b = budget[(own["budget"] == key).to_numpy(bool)] if len(budget) else budget
        mine_e = expenditure[(own["expenditure"] == key).to_numpy(bool)] if len(expenditure) else expenditure
        # the project-wide lines' own rows say whether the data cover the date, as a country's do (_line_table);
        # without any, the whole table does
        coverage = coverage_of(expenditure if key == lines_mod.REGIONAL and mine_e.empty else mine_e, when)
        summary = budget_summary(mine_b, mine_e, lines_only, when, coverage).iloc[0]
        n_unknown = int(summary["n_budget_unknown"])
        reasons = [f"not computable: budget of {n_unknown} line(s) not known"] if n_unknown else []
        reasons += [coverage] if coverage else []
        note = "; ".join(reasons) or str(_budget_reason(pd.Series([summary["budget"]]))[0])
        rows.append({"country": written[key], "n_lines": int(summary["n_lines"]), "n_budget_unknown": n_unknown,
                     "budget": summary["budget_lines_sum"], "budget_known_sum": summary["budget_known_sum"],
                     "spent": summary["spent"], "financial_execution_rate": summary["financial_execution_rate"],
                     "burn_index": summary["burn_index"], "note": note})
    out = pd.DataFrame(rows, columns=["country", "n_lines", "n_budget_unknown", "budget", "budget_known_sum", "spent",
                                      "financial_execution_rate", "burn_index", "note"])
    out = out.astype({"n_lines": "int64", "n_budget_unknown": "int64", "budget": "float64",
                      "budget_known_sum": "float64", "spent": "float64", "financial_execution_rate": "float64",
                      "burn_index": "float64", "note": "str"})
    out["spending_share"] = _divide(out["spent"], np.full(len(out), total_spent))
    out["share_note"] = np.where(out["spent"].isna(), out["note"], total_unknown)
    out["as_of"] = when
    return out[["country", "n_lines", "n_budget_unknown", "budget", "budget_known_sum", "spent",
                "financial_execution_rate", "spending_share", "burn_index", "as_of", "note", "share_note"]]


def _without_declared_total(params: Any) -> Any:
    """The params a country's annex uses for its budget: without the project's declared budget_total (a country's
    budget is the sum of its lines)."""
    return params.model_copy(update={"budget_total": None, "project_budget_total": None})


def budget_summary(budget: pd.DataFrame, expenditure: pd.DataFrame, params: Any, as_of: Any = None,
                   coverage: str | None = None) -> pd.DataFrame:
    """The whole project (or the scoped tables) in one row.

    Columns: as_of, data_end, n_lines, n_budget_unknown, budget_lines_sum (NaN if a line budget is not known),
    budget_known_sum, budget_total (declared, NaN if not), budget (the denominator used), budget_basis
    ("budget_total" | "sum of lines"), unallocated_budget, spent, spent_note (why spent is not known: '' when it is),
    financial_execution_rate, elapsed_share (0-1), burn_index, note (why a figure is not computable; '' when all
    are). ``coverage``: as budget_lines'.
    """
    when = to_timestamp(params.reporting_date if as_of is None else as_of)
    coverage = coverage_of(expenditure, when) if coverage is None else coverage
    lines = budget_lines(budget, expenditure, params, when, coverage)
    n_unknown = int((~lines["budget_known"]).sum())
    known_sum = float(lines["budget"].sum())
    lines_sum = known_sum if n_unknown == 0 and len(lines) else float("nan")
    declared = float(params.budget_total) if getattr(params, "budget_total", None) else float("nan")
    if np.isfinite(declared):
        denominator, basis = declared, "budget_total"
    else:
        denominator, basis = lines_sum, "sum of lines"
    spent_note = spending_not_known(lines, coverage)
    spent = float(lines["spent"].sum(min_count=1)) if len(lines) and not spent_note else float("nan")
    rate = float(_divide([spent], [denominator])[0])
    share = elapsed_share(params, when)
    burn = float(_divide([rate], [share], scale=0.01)[0])
    unallocated = declared - lines_sum if np.isfinite(declared) and np.isfinite(lines_sum) else float("nan")
    notes = []
    if spent_note:
        notes.append(spent_note)
    if not np.isfinite(denominator):
        notes.append("not computable: no budget_total declared and "
                     + (f"the budget of {n_unknown} line(s) is not known" if n_unknown else "no budget line"))
    elif denominator == 0:
        notes.append("not computable: budget is 0")
    elif denominator < 0:
        notes.append("not computable: budget is negative")
    project_total = getattr(params, "project_budget_total", None)
    if not np.isfinite(declared) and project_total:
        notes.append("unallocated budget not computable: the project's budget_total "
                     f"({float(project_total):.2f}) is project-wide, not applied to a country annex")
    elif not np.isfinite(declared):
        notes.append("unallocated budget not computable: no budget_total declared")
    elif not np.isfinite(lines_sum):
        notes.append("unallocated budget not computable: line budgets not all known")
    return pd.DataFrame({
        "as_of": [when], "data_end": [data_end(expenditure)], "n_lines": [len(lines)],
        "n_budget_unknown": [n_unknown], "budget_lines_sum": [lines_sum], "budget_known_sum": [known_sum],
        "budget_total": [declared], "budget": [denominator], "budget_basis": [basis],
        "unallocated_budget": [unallocated], "spent": [spent], "spent_note": pd.Series([spent_note], dtype="str"),
        "financial_execution_rate": [rate], "elapsed_share": [share], "burn_index": [burn],
        "note": pd.Series(["; ".join(notes)], dtype="str")})


def staff_cost_share(budget: pd.DataFrame, expenditure: pd.DataFrame, params: Any, as_of: Any = None) -> pd.DataFrame:
    """Spending on staff lines / total spending x 100, against the usual band (thresholds.staff_share_low..high).

    Columns: as_of, n_staff_lines, staff_spent, total_spent, share, band_low, band_high, status
    ("below band" | "within band" | "above band" | "" when not computable), note.
    Staff lines are the budget lines whose category is in params.staff_categories (case-insensitive).
    """
    lines = budget_lines(budget, expenditure, params, as_of)
    categories = {c.strip().lower() for c in params.staff_categories}
    is_staff = lines["category"].str.strip().str.lower().isin(categories).fillna(False).astype(bool)
    staff = float(lines.loc[is_staff, "spent"].sum(min_count=1)) if is_staff.any() else float("nan")
    total = float(lines["spent"].sum(min_count=1)) if len(lines) else float("nan")
    if lines["spent"].isna().any():
        staff = total = float("nan")
    # a line without a category may pay staff: counted as not staff, it made the share too low without a word
    unsorted = lines["category"].isna() | lines["category"].astype("str").str.strip().eq("")
    unsorted = (unsorted & (lines["spent"] > 0)).fillna(False).astype(bool)
    if unsorted.any():
        staff = float("nan")
    share = float(_divide([staff], [total])[0])
    low, high = params.thresholds.staff_share_low, params.thresholds.staff_share_high
    rated = round(share, 9)   # (binary fractions: 8.04 of 26.8 is 29.999999999999993 %, « below » a band from 30)
    status = "" if np.isnan(share) else BAND_BELOW if rated < low else BAND_ABOVE if rated > high else BAND_WITHIN
    note = ""
    # a table that sorts its lines, one of which is not sorted: that line is what to mend, whether or not another
    # is a staff line (in a country annex it may be the only one paying staff)
    if unsorted.any() and not np.isnan(total) and lines["category"].notna().any():
        keys = lines_mod.line_key(lines["line"], lines["country"])[unsorted]   # 1.1/Tunisie when 1.1 is Maroc's too
        named = ", ".join(keys.head(5)) + (", ..." if unsorted.sum() > 5 else "")
        note = (f"not computable: {int(unsorted.sum())} budget line(s) with spending have no category ({named}): "
                "they may pay staff")
    elif not is_staff.any():  # not 0 %: the staff may be paid from lines kept elsewhere (project-wide lines)
        note = "not computable: no budget line has a staff category (" + ", ".join(sorted(categories)) + ")"
    elif np.isnan(share):
        note = spending_not_known(lines, coverage_of(expenditure, lines["as_of"].iloc[0])) or \
            "not computable: no spending"
    else:
        note = f"staff categories: {', '.join(sorted(categories))}; usual band {low:g}-{high:g} %"
    when = to_timestamp(params.reporting_date if as_of is None else as_of)
    return pd.DataFrame({"as_of": [when], "n_staff_lines": [int(is_staff.sum())], "staff_spent": [staff],
                         "total_spent": [total], "share": [share], "band_low": [float(low)],
                         "band_high": [float(high)], "status": pd.Series([status], dtype="str"),
                         "note": pd.Series([note], dtype="str")})


def left_out_of_country(budget: pd.DataFrame, expenditure: pd.DataFrame, params: Any,
                        project_budget_total: float | None = None) -> dict[str, Any]:
    """What a country annex leaves out of its budget figures, from the *unscoped* tables: the project's
    ``budget_total`` it does not apply, and the lines of the project as a whole (country empty / regional).

    Keys: budget_total (NaN when none is left out), n_lines, budget (their sum; NaN when one is not known),
    spent (as of params.reporting_date; NaN when not computable), spent_here (of it, what was recorded in the
    annex's country: model.scope leaves it out of the country's lines), n_staff_lines (of them, with a staff
    category).
    """
    declared = project_budget_total if project_budget_total is not None else \
        getattr(params, "project_budget_total", None)
    when = to_timestamp(params.reporting_date)
    lines = budget_lines(budget, expenditure, params)
    wide = lines[lines_mod.country_key(lines["country"]).eq(lines_mod.REGIONAL).to_numpy(bool)]
    categories = {c.strip().lower() for c in params.staff_categories}
    staff = wide["category"].str.strip().str.lower().isin(categories).fillna(False).astype(bool)
    here = np.zeros(len(expenditure), dtype=bool)
    if len(expenditure):
        here = (lines_mod.country_key(expenditure["country"]).eq(fold(params.country))
                & lines_mod.line_country(budget, expenditure).eq(lines_mod.REGIONAL)
                & (expenditure["period_end"] <= when)).to_numpy(bool)
    spent_here = float(expenditure.loc[here, "amount"].sum()) if not coverage_of(expenditure, when) else np.nan
    return {"budget_total": float(declared) if declared else float("nan"), "n_lines": int(len(wide)),
            "budget": float(wide["budget"].sum(min_count=1)) if wide["budget_known"].all() else float("nan"),
            "spent": float(wide["spent"].sum(min_count=1)), "spent_here": spent_here,
            "n_staff_lines": int(staff.sum())}


def after_reporting_date(expenditure: pd.DataFrame, params: Any) -> tuple[int, float]:
    """The spending rows dated after the reporting date, which no figure counts: how many, and their amount."""
    if expenditure is None or expenditure.empty:
        return 0, 0.0
    later = expenditure["period_end"] > to_timestamp(params.reporting_date)
    return int(later.sum()), float(expenditure.loc[later, "amount"].sum())


def spending_by_period(budget: pd.DataFrame, expenditure: pd.DataFrame, params: Any,
                       from_start: bool = False) -> pd.DataFrame:
    """Spending per period_end for a chart: amount, cumulative, and the linear-pace budget line.

    Columns: period_end, amount, cumulative, budget (the total budget used: budget_total, else sum of lines;
    NaN when not known), pace_budget (budget x elapsed share at period_end: where spending would be at a linear
    pace), cumulative_rate (cumulative / budget x 100), pace_rate (elapsed share x 100), after_reporting_date.
    ``from_start``: begin with the project's start date, where both lines are 0, so a chart starts at the origin.
    """
    total = budget_summary(budget, expenditure, params, as_of=data_end(expenditure)
                           if len(expenditure) else params.reporting_date)["budget"].iloc[0]
    per = expenditure.groupby("period_end", sort=True)["amount"].sum(min_count=0).rename("amount").reset_index()
    per["amount"] = per["amount"].astype("float64")
    if from_start:
        origin = pd.DataFrame({"period_end": [to_timestamp(params.start_date)], "amount": [0.0]})
        per = pd.concat([origin.astype(per.dtypes.to_dict()), per], ignore_index=True)
    per["cumulative"] = per["amount"].cumsum()
    start, end = to_timestamp(params.start_date), to_timestamp(params.end_date)
    duration = max(elapsed_days(start, end), 1)
    share = (elapsed_days(start, per["period_end"]) / duration).clip(lower=0.0, upper=1.0)
    if from_start:
        share.iloc[0] = 0.0   # the origin: nothing spent, no day elapsed, before the start date's
    per["budget"] = float(total)
    per["pace_budget"] = per["budget"] * share
    per["cumulative_rate"] = _divide(per["cumulative"], per["budget"])
    per["pace_rate"] = share * 100.0
    per["after_reporting_date"] = per["period_end"] > to_timestamp(params.reporting_date)
    return per[["period_end", "amount", "cumulative", "budget", "pace_budget", "cumulative_rate", "pace_rate",
                "after_reporting_date"]]


def as_of_date(key: str) -> dt.date | None:
    """'total@2019-12-31' -> date(2019, 12, 31); None when the key has no valid '@date'."""
    if "@" not in key:
        return None
    try:
        return dt.date.fromisoformat(key.rsplit("@", 1)[1].strip())
    except ValueError:
        return None
