"""Every figure of one annex as one long, tidy table (the FIGURES table, written to figures.csv).

``annex_figures(data, params)`` scopes the project data to the annex (``model.scope(data, params.country)``),
computes every analysis and returns a DataFrame with exactly the columns of ``COLUMNS``:

    section, metric, key, value, unit, n, se, ci_low, ci_high, p_value, reported, status, note

Types: section, metric, key, unit, reported, status, note are "str" ('' when empty, never NA); value, se, ci_low,
ci_high, p_value are float64, unrounded (NaN when not computable: ``note`` says why); n is nullable Int64.
Rows are sorted stably by section (``SECTIONS`` order), then metric, then key, so figures.csv is byte-identical
across runs on the same inputs.

Keys (one row per (metric, key); ``key_of_indicator`` documents the indicator keys):
- ``all`` = the whole annex for non-budget metrics; ``total`` for budget metrics (budget, spent,
  financial_execution_rate, unallocated_budget, spending_share, staff_cost_share, burn_index).
- otherwise the data's own id: budget line (``<line>/<country>`` when the code is a line of several countries in
  the annex: data.lines.line_key; the code alone in a country annex), event_id, participant group, result, output, status code, and in the
  ``all`` annex also each country (the data's ``country`` value, "regional" = project-wide rows) for
  physical_execution_rate, physical_progress_rate, women_share, gender_parity_index and the budget figures
  (budget, spent, financial_execution_rate, spending_share, burn_index).
- indicators: ``<indicator_id>``; ``<indicator_id>@<period>`` when that indicator has several periods in scope;
  ``/<sex>`` appended for sex-disaggregated rows (sex f or m) and ``/<country>`` when the same indicator has rows
  in several countries. Anomalies: ``<indicator key>:<rule>``.
- ``<study>:<outcome>:<cohort>`` (impact_cohort_effect, staggered adoption: each cohort's own did, the cohort its
  first round treated, and ``average``, their mean weighted by treated units; ``impact.cohort_effects``).
- ``<study>:<outcome>`` (impact_effect: the overall OLS row; impact_panel_effect: the did over the balanced panel,
  when units have a value on one side of the programme only), ``<study>:<covariate>`` (balance_smd).
- a comparison group not drawn at random (``study_check_figures``, helpers.analyses.propensity):
  ``<study>:<outcome>`` (impact_naive_effect, comparison_ess), ``<study>:<outcome>:<method>`` with method
  ``naive`` or ``<adjustment>_<estimand>`` such as ``ipw_att`` (impact_adjusted_effect, impact_p_holm, impact_mde),
  ``<study>:<term>`` (balance_smd_unweighted, balance_smd_weighted; term codes age, age^2, re74=0, sex=m,
  educ*re74), ``<study>:<outcome>:<period>[:weighted]`` (event_study_effect, leads and lags).
- what the reporting standards ask for (``standards_figures``): ``<study>:<outcome>`` (impact_control_mean,
  impact_relative_effect for 0/1 outcomes, impact_icc for clustered designs, impact_effect_sd),
  ``<study>:treated`` and ``<study>:comparison`` (impact_n_units, impact_attrition), ``<study>`` (balance_joint_p).
- subgroups (``subgroup_figures``, the columns with two values or more): ``<study>:<outcome>:<subgroup>=<value>``
  (impact_subgroup_effect), ``<study>:<outcome>:<subgroup>`` (impact_subgroup_difference_p).
- two_group arms that lost different shares of their rows (``lee_figures``): ``<study>:<outcome>:lower`` and
  ``:upper`` (impact_lee_bound).
- surveys (project-wide annex only; ``survey_figures``): ``<survey>:<variable>``, ``<survey>:<variable>=<value>``
  for a share, ``:<by>=<value>`` appended for a subgroup; survey_deff: the estimate's key + ``:mean|:total|:share``.
- ``total@YYYY-MM-DD`` (or ``<line>@YYYY-MM-DD``, ``<country>@YYYY-MM-DD``) for budget metrics as of another date:
  computed only when a reported figure of the annex asks for it. A date after the last period_end in the data is
  not computable (NaN, with the reason in ``note``).
- reported_figure: the reported figure_id; value = the computed figure, reported = the printed text, status =
  match / truncated / mismatch / not_computable, note = which figure it was compared with and why / difference.

Units: "%", "ratio" (burn index, parity index, standardised mean difference), "count", the currency code
(params.currency) for amounts, '' for anomalies; an impact effect, mean, MDE or event-study gap has its outcome's
(impact.outcome_unit: "share" for a 0/1 outcome, a fraction of 1; the currency its header, label or currency column
names; '' when the data do not say).
``status``: RAG (green/amber/red) for indicator_achievement[_final], band status for staff_cost_share
("below band" / "within band" / "above band") and gender_parity_index, reconciliation status for
reported_figure; '' otherwise.

Which activity / participation / budget rows count (definitions): see execution, gender, budget, indicators.
Impact (helpers.analyses.impact, imported lazily; skipped when it is missing or not implemented yet): the overall rows
(subgroup empty) of ``estimate_effects`` with method "ols" give impact_effect; ``balance_table`` gives balance_smd.
In a country annex a study with a ``country`` column is restricted to that country's rows (loader.scope semantics:
case- and accent-insensitive); a study without one is kept as loader.scope passed it.
Reported figures: the annex checks the rows of the *unscoped* reported table whose country is empty/"regional"
(the ``all`` annex) or equal to the annex country (a country annex).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

import re

import numpy as np
import pandas as pd

from . import budget as budget_mod
from . import efficiency, execution, gender, indicators, reconcile
from .indicators import key_of_indicator  # noqa: F401 (the figures key of an indicator row)
from ..data import numbers
from ..data.model import scope
from ..data.spec import REGIONAL
from ..text import ALL, fold, is_all

COLUMNS = ["section", "metric", "key", "value", "unit", "n", "se", "ci_low", "ci_high", "p_value", "reported",
           "status", "note"]
SECTIONS = ("execution", "indicators", "gender", "budget", "efficiency", "impact", "surveys", "reconciliation")
TEXT_COLUMNS = ("section", "metric", "key", "unit", "reported", "status", "note")
FLOAT_COLUMNS = ("value", "se", "ci_low", "ci_high", "p_value")
BUDGET_METRICS = ("budget", "spent", "financial_execution_rate", "unallocated_budget", "spending_share",
                  "staff_cost_share", "burn_index")
ALL_KEY, TOTAL_KEY = "all", "total"
PERSONS_KEY = "persons"   # women_share of the distinct persons of a register naming them (a person once)
# Every metric of the FIGURES table; data/README.md has the catalogue (what, unit, key, example), kept in step by
# tests/analyses/test_figures.py.
METRICS = ("physical_execution_rate", "physical_progress_rate", "activity_status_count", "indicator_achievement",
           "indicator_achievement_final", "indicator_anomaly", "women_share", "gender_parity_index", "persons",
           "participants", "budget", "spent", "financial_execution_rate", "unallocated_budget", "spending_share",
           "staff_cost_share", "burn_index", "impact_effect", "balance_smd", "impact_panel_effect", "impact_cohort_effect",
           "impact_naive_effect",
           "impact_adjusted_effect", "impact_p_holm", "impact_mde", "comparison_ess", "balance_smd_unweighted",
           "balance_smd_weighted",
           "event_study_effect", "impact_control_mean", "impact_n_units", "impact_attrition", "balance_joint_p",
           "impact_relative_effect", "impact_icc", "impact_effect_sd", "impact_log_change", "impact_subgroup_effect",
           "impact_subgroup_difference_p", "impact_lee_bound", "impact_effect_other_se", "balance_mean", "survey_mean", "survey_total", "survey_share",
           "survey_ratio", "survey_deff",
           "reported_figure", "cost_per_unit", "cost_per_participant", "cost_per_woman", "cost_to_benchmark")
# The metrics each section of tables_figures makes (tests/analyses/test_figures.py checks them against the rows made):
# `make check` computes only the sections whose metrics the reported figures name.
SECTION_METRICS = {
    "execution": ("physical_execution_rate", "physical_progress_rate", "activity_status_count"),
    "indicators": ("indicator_achievement", "indicator_achievement_final", "indicator_anomaly"),
    "gender": ("women_share", "gender_parity_index", "persons", "participants"),
    "budget": BUDGET_METRICS,
    "efficiency": ("cost_per_unit", "cost_per_participant", "cost_per_woman", "cost_to_benchmark"),
    "impact": tuple(m for m in METRICS if m.startswith(("impact_", "balance_", "comparison_", "event_study_"))),
    "surveys": ("survey_mean", "survey_total", "survey_share", "survey_ratio", "survey_deff"),
    "reconciliation": ("reported_figure",),
}


# ----------------------------------------------------------------------------------------------- building rows
def _rows(section: str, metric: str, key: Iterable[Any], value: Iterable[Any], unit: str | Iterable[str] = "",
          n: Iterable[Any] | None = None, se: Iterable[Any] | None = None, ci_low: Iterable[Any] | None = None,
          ci_high: Iterable[Any] | None = None, p_value: Iterable[Any] | None = None,
          reported: Iterable[Any] | None = None, status: Iterable[Any] | None = None,
          note: Iterable[Any] | None = None) -> pd.DataFrame:
    """Rows of the FIGURES table, each column built once with its final dtype (text "str" without NA, floats
    float64, n Int64): no later pass needs to convert or copy them."""
    if isinstance(key, pd.Series) and isinstance(key.dtype, pd.StringDtype) and not key.hasnans:
        keys = key.to_numpy(dtype=object)  # already text: the same str objects, no conversion
    else:
        keys = np.asarray(key.to_numpy() if isinstance(key, pd.Series) else list(key), dtype=object)
        keys = keys.astype(str).astype(object)
    size = len(keys)

    def floats(values: Any) -> np.ndarray:
        if values is None or values is pd.NA:
            return np.full(size, np.nan)
        if isinstance(values, str) or np.isscalar(values):
            return np.full(size, values, dtype=float)
        if isinstance(values, pd.Series):
            return values.to_numpy(dtype=float, na_value=np.nan)
        return np.asarray(values, dtype=float)

    def text(values: Any) -> pd.api.extensions.ExtensionArray:
        if values is None or values is pd.NA or not isinstance(values, str) and np.isscalar(values) and \
                pd.isna(values):
            values = ""
        if isinstance(values, str) or np.isscalar(values):
            return pd.array(np.full(size, values, dtype=object), dtype="str")
        if isinstance(values, pd.Series):
            values = values.to_numpy(dtype=object)
        elif not isinstance(values, np.ndarray) or values.dtype != object:
            values = np.asarray(values, dtype=object)
        missing = pd.isna(values)
        if missing.any():
            values = np.where(missing, "", values)
        return pd.array(values, dtype="str")

    count = floats(n).round(0)
    return pd.DataFrame({
        "section": text(section), "metric": text(metric), "key": pd.array(keys, dtype="str"),
        "value": floats(value), "unit": text(unit),
        "n": pd.array(count, dtype="Float64").astype("Int64") if size else pd.array([], dtype="Int64"),
        "se": floats(se), "ci_low": floats(ci_low), "ci_high": floats(ci_high), "p_value": floats(p_value),
        "reported": text(reported), "status": text(status), "note": text(note),
    }, copy=False)


def _typed(name: str, column: pd.Series) -> pd.Series:
    """One FIGURES column with its dtype: text "str" ('' for missing), float64, or n as rounded Int64. A column
    that has it already (every column ``_rows`` builds) is returned as it is."""
    if name in TEXT_COLUMNS:
        if column.dtype == "str" and not column.hasnans:
            return column
        return column.astype("object").where(column.notna(), "").astype("str")
    if name in FLOAT_COLUMNS:
        return column if column.dtype == "float64" else pd.to_numeric(column, errors="coerce").astype("float64")
    if column.dtype == "Int64":
        return column
    n = pd.to_numeric(column, errors="coerce").astype("float64").round(0)
    return pd.Series(pd.array(n.to_numpy(), dtype="Float64").astype("Int64") if len(n) else
                     pd.array([], dtype="Int64"), index=column.index)


def _finish(parts: list[pd.DataFrame], sort: bool = True) -> pd.DataFrame:
    """The parts as one table with the FIGURES columns and dtypes, sorted (section in ``SECTIONS`` order, metric,
    key, stable) unless ``sort`` is False. Built column by column, each copied once (concatenated, then put in
    order), so that at most one copy of the parts is in memory besides the parts themselves."""
    parts = [p for p in parts if len(p)] or [pd.DataFrame({c: [] for c in COLUMNS})]

    def column(name: str) -> pd.Series:
        whole = parts[0][name] if len(parts) == 1 else pd.concat([p[name] for p in parts], ignore_index=True)
        return _typed(name, whole.reset_index(drop=True))

    order = _sort_order(column("section"), column("metric"), column("key")) if sort else None
    out = {}
    for name in COLUMNS:
        values = column(name)
        out[name] = values if order is None else values.take(order).reset_index(drop=True)
    return pd.DataFrame(out, copy=False)


def _sort_order(section: pd.Series, metric: pd.Series, key: pd.Series) -> np.ndarray | None:
    """The row order that sorts rows stably by section (``SECTIONS`` order), metric, key; None when they are
    sorted already. Sections and metrics are few: their codes are sorted first (integers), then the keys within
    each (section, metric) with a stable sort, which is fast on the runs of keys that come sorted."""
    if len(key) < 2:
        return None
    section = pd.Categorical(section, categories=list(SECTIONS)).codes.astype(np.int64)
    section[section < 0] = len(SECTIONS)  # a section not in SECTIONS: last, like NaN in a sort
    metric, _ = pd.factorize(metric, sort=True)
    group = section * (metric.max() + 1) + metric
    order = np.argsort(group, kind="stable")
    keys = key.to_numpy(dtype=object)[order]
    bounds = np.flatnonzero(np.diff(group[order])) + 1
    for start, stop in zip(np.r_[0, bounds], np.r_[bounds, len(order)]):
        within = np.argsort(keys[start:stop], kind="stable")
        order[start:stop] = order[start:stop][within]
    if (order == np.arange(len(order))).all():
        return None
    return order


def _present(frame: pd.DataFrame | None) -> bool:
    return frame is not None and len(frame) > 0


def _keyed(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows whose key column is not empty (nor only spaces)."""
    keys = frame[column]
    if isinstance(keys.dtype, pd.StringDtype):  # text already: "" or spaces only, without stripping every key
        text = keys.fillna("")
        return frame[text.ne("").to_numpy(dtype=bool) & ~text.str.isspace().to_numpy(dtype=bool)]
    return frame[keys.notna() & keys.astype(str).str.strip().ne("")]


# ----------------------------------------------------------------------------------------------- sections
def execution_figures(activities: pd.DataFrame, per_country: bool = False,
                      metrics: set[str] | None = None, by_group: bool = True) -> pd.DataFrame:
    """physical_execution_rate (all, result, output[, country]), physical_progress_rate (all[, groups when any
    progress]), activity_status_count (every status code). ``metrics``: only these (lower case; None: all).
    ``by_group=False``: the rates of the whole project only (key all)."""
    if not _present(activities):
        return _finish([])
    wants = lambda metric: metrics is None or metric in metrics  # noqa: E731
    rates, progresses = wants("physical_execution_rate"), wants("physical_progress_rate")
    parts = []
    groups = (["result", "output"] + (["country"] if per_country else [])) if by_group else []
    if rates:
        rate = execution.physical_execution_rate(activities)
        parts.append(_rows("execution", "physical_execution_rate", [ALL_KEY], rate["rate"], "%", rate["n"],
                           note=rate["note"]))
    if progresses:
        progress = execution.physical_progress_rate(activities)
        parts.append(_rows("execution", "physical_progress_rate", [ALL_KEY], progress["rate"], "%", progress["n"],
                           note=progress["note"]))
    has_progress = activities["progress"].notna().any()
    for by in groups:
        if rates:
            r = _keyed(execution.physical_execution_rate(activities, by), by)
            parts.append(_rows("execution", "physical_execution_rate", r[by], r["rate"], "%", r["n"],
                               note=r["note"]))
        if has_progress and progresses:
            p = _keyed(execution.physical_progress_rate(activities, by), by)
            parts.append(_rows("execution", "physical_progress_rate", p[by], p["rate"], "%", p["n"],
                               note=p["note"]))
    if wants("activity_status_count"):
        counts = execution.activity_status_count(activities)
        parts.append(_rows("execution", "activity_status_count", counts["status"], counts["n"], "count",
                           counts["total"], note="activities with this status, of " + counts["total"].astype(str)))
    return _finish(parts, sort=False)


def indicator_figures(table: pd.DataFrame, thresholds: Any) -> pd.DataFrame:
    """indicator_achievement, indicator_achievement_final (status = RAG) and indicator_anomaly rows."""
    if not _present(table):
        return _finish([])
    ind = table.reset_index(drop=True)
    iptt = indicators.iptt(ind, thresholds)
    keys = key_of_indicator(ind)
    parts = [
        _rows("indicators", "indicator_achievement", keys, iptt["indicator_achievement"], "%", status=iptt["rag"],
              note=_join_notes(iptt["note"], "actual " + _num(iptt["actual"]) + " / target " + _num(iptt["target"])
                               + _baseline_text(iptt))),
        _rows("indicators", "indicator_achievement_final", keys, iptt["indicator_achievement_final"], "%",
              status=iptt["rag_final"],
              note=_join_notes(iptt["note_final"], "actual " + _num(iptt["actual"]) + " / final target "
                               + _num(iptt["target_final"]) + _baseline_text(iptt))),
    ]
    anomalies = indicators.indicator_anomalies(ind)
    if len(anomalies):
        parts.append(_rows("indicators", "indicator_anomaly",
                           keys.iloc[anomalies["row"].to_numpy()].to_numpy() + ":" + anomalies["rule"].to_numpy(),
                           np.nan, "", note=anomalies["note"]))
    return _finish(parts, sort=False)


def _num(values: pd.Series) -> pd.Series:
    """Numbers as short text ('?' when missing), vectorised for whole numbers."""
    arr = values.to_numpy(dtype="float64", na_value=np.nan)
    out = np.full(arr.shape, "?", dtype=object)
    finite = np.isfinite(arr)
    whole = finite & (arr == np.round(arr)) & (np.abs(arr) < 1e15)
    out[whole] = arr[whole].astype("int64").astype(str)
    other = finite & ~whole
    if other.any():
        out[other] = [f"{v:g}" for v in arr[other]]
    return pd.Series(out, index=values.index, dtype="str")


def _format_rows(template: str, *columns: pd.Series) -> np.ndarray:
    """``template.format(*row)`` for every row (numbers written as ``_num`` writes them), formatted once per
    distinct row: equal rows share one str object (per-event notes repeat a lot; memory, not only time)."""
    codes = np.zeros(len(columns[0]), dtype=np.int64)
    if not len(codes):
        return np.array([], dtype=object)
    for column in columns:
        part, uniques = pd.factorize(column, use_na_sentinel=False)
        codes, _ = pd.factorize(codes * len(uniques) + part)
    # factorize numbers codes in order of first appearance: a row is the first of its kind when its code is new
    seen = np.maximum.accumulate(codes)
    first = np.flatnonzero(np.r_[True, codes[1:] > seen[:-1]])
    texts = [_num(c.iloc[first]) if pd.api.types.is_numeric_dtype(c) else c.iloc[first].astype(str)
             for c in columns]
    return np.array([template.format(*row) for row in zip(*texts)], dtype=object)[codes]


def _baseline_text(iptt: pd.DataFrame) -> pd.Series:
    return pd.Series(np.where(iptt["direction"] == "decrease", " (decrease, baseline " + _num(iptt["baseline"])
                              + ")", ""), index=iptt.index)


def _join_notes(why: pd.Series, detail: pd.Series) -> pd.Series:
    why = why.astype(str)
    return pd.Series(np.where(why.str.len() > 0, why + "; " + detail, detail), index=why.index).astype(str)


def gender_figures(participation: pd.DataFrame, thresholds: Any, per_country: bool = False,
                   metrics: set[str] | None = None, by_group: bool = True) -> pd.DataFrame:
    """women_share (all, event_id, group[, country]) and gender_parity_index (same keys, where men known); persons
    (all) when a register names its persons. ``metrics``: only these (lower case; None: all three).
    ``by_group=False``: the whole project's only (key all)."""
    if not _present(participation):
        return _finish([])
    parts = []
    groups = (["event_id", "group"] + (["country"] if per_country else [])) if by_group else []
    for by in [None, *groups]:
        if metrics is None or not {"women_share", "participants"}.isdisjoint(metrics):
            w = gender.women_share(participation, by)
            keys = [ALL_KEY] if by is None else None
            if by is not None:
                w = _keyed(w, by)
                keys = w[by]
        if metrics is None or "women_share" in metrics:
            notes = _format_rows("{} women of {} participants; {}", w["women"], w["participants"], w["note"])
            parts.append(_rows("gender", "women_share", keys, w["share"], "%", w["participants"],
                               ci_low=w["ci_low"], ci_high=w["ci_high"], note=notes))
        if metrics is None or "participants" in metrics:
            # every participant, of known sex or not: a report's « 1 234 participants » had no figure to be checked
            # against (women_share's n leaves out those of unknown sex; persons counts a register's names once)
            notes = _format_rows("participations: {} participants of {} event(s), a person at two events counted "
                                 "twice", w["participants_total"], w["n_rows"] + w["n_rows_women_unknown"])
            parts.append(_rows("gender", "participants", keys, w["participants_total"], "count",
                               w["n_rows"] + w["n_rows_women_unknown"], note=notes))
        if metrics is not None and "gender_parity_index" not in metrics:
            continue
        g = gender.gender_parity_index(participation, thresholds, by)
        if by is not None:
            g = _keyed(g, by)
        g = g[g["n_rows"] > 0]
        if len(g):
            notes = _format_rows("{} women / {} men; {}", g["women"], g["men"], g["note"])
            parts.append(_rows("gender", "gender_parity_index", [ALL_KEY] if by is None else g[by], g["gpi"],
                               "ratio", g["women"] + g["men"], status=g["status"], note=notes))
    wanted = metrics is None or not {"persons", "women_share"}.isdisjoint(metrics)
    who = gender.persons(participation) if wanted else None
    if who is not None:
        p = who.iloc[0]
        note = (f"{p['persons']:.0f} distinct persons ({p['women']:.0f} women, {p['men']:.0f} men, "
                f"{p['sex_unknown']:.0f} of unknown sex) in {p['participations']:.0f} participations"
                + (f"; {p['unnamed']:.0f} participations without a name are not counted" if p["unnamed"] else ""))
        if metrics is None or "persons" in metrics:
            parts.append(_rows("gender", "persons", [ALL_KEY], [p["persons"]], "count", [p["participations"]],
                               note=[note]))
        if metrics is None or "women_share" in metrics:
            # the women's share of the distinct persons (key 'persons'): a report's « 33 % des personnes formées »
            # was compared with the share of participations only (60 % when the women came to three events each)
            known = p["women"] + p["men"]
            share = p["women"] / known * 100 if known else np.nan
            parts.append(_rows("gender", "women_share", [PERSONS_KEY], [share], "%", [known], note=[
                f"{p['women']:.0f} women of {known:.0f} distinct persons whose sex is known (a person once over "
                f"the events, in {p['participations']:.0f} participations)" if known else
                "no distinct person's sex is known"]))
    return _finish(parts, sort=False)


def budget_figures(budget: pd.DataFrame, expenditure: pd.DataFrame, params: Any, per_country: bool = False,
                   as_of: Any = None, suffix: str = "") -> pd.DataFrame:
    """budget, spent, financial_execution_rate, spending_share, burn_index (total, lines[, countries]),
    unallocated_budget and staff_cost_share (total). ``suffix`` (e.g. "@2019-12-31") is appended to every key."""
    if not _present(budget) and not _present(expenditure):
        return _finish([])
    currency = params.currency
    summary = budget_mod.budget_summary(budget, expenditure, params, as_of).iloc[0]
    elapsed = float(summary["elapsed_share"])
    lines = budget_mod.budget_lines(budget, expenditure, params, as_of)
    staff = budget_mod.staff_cost_share(budget, expenditure, params, as_of).iloc[0]
    total = TOTAL_KEY + suffix
    basis = ("budget_total declared in the parameters" if summary["budget_basis"] == "budget_total"
             else "sum of the line budgets")
    when = f"as of {summary['as_of'].date().isoformat()}"
    parts = [
        _rows("budget", "budget", [total], [summary["budget"]], currency, [summary["n_lines"]],
              note=[_note(summary["budget"], basis, summary["note"])]),
        _rows("budget", "spent", [total], [summary["spent"]], currency, [summary["n_lines"]],
              note=[summary["spent_note"] or f"cumulative spending {when}"]),
        _rows("budget", "financial_execution_rate", [total], [summary["financial_execution_rate"]], "%",
              [summary["n_lines"]], note=[_note(summary["financial_execution_rate"],
                                               f"spent / budget ({basis}) {when}", summary["note"])]),
        _rows("budget", "unallocated_budget", [total], [summary["unallocated_budget"]], currency,
              [summary["n_lines"]], note=[_note(summary["unallocated_budget"], "budget_total - sum of line budgets",
                                                summary["note"], prefix="unallocated")]),
        _rows("budget", "burn_index", [total], [summary["burn_index"]], "ratio", [summary["n_lines"]],
              note=_burn_notes([summary["burn_index"]], [_note(summary["financial_execution_rate"], "",
                                                                summary["note"])], "spent / budget", elapsed)),
        _rows("budget", "staff_cost_share", [total], [staff["share"]], "%", [staff["n_staff_lines"]],
              status=[staff["status"]], note=[staff["note"]]),
    ]
    line_keys = lines["key"].astype(str)
    c = _keyed(budget_mod.budget_by_country(budget, expenditure, params, as_of), "country") if per_country else None
    if c is not None:  # a line coded as a country is named ('Mali' -> 'Mali/regional'): the key is the country's
        clash = line_keys.map(fold).isin({fold(name) for name in c["country"]}).to_numpy(dtype=bool)
        line_keys = line_keys.where(~clash, lines["line"].astype(str) + "/" + lines["country"].astype(str))
    line_keys = line_keys + suffix
    rate_note = lines["note"].where(lines["note"].str.len() > 0, "spent / line budget " + when)
    parts += [
        _rows("budget", "budget", line_keys, lines["budget"], currency,
              note=np.where(lines["budget_known"], "", "budget of this line not known")),
        _rows("budget", "spent", line_keys, lines["spent"], currency, lines["n_periods"],
              note=lines["spent_note"].where(lines["spent_note"].str.len() > 0, f"cumulative spending {when}")),
        _rows("budget", "financial_execution_rate", line_keys, lines["financial_execution_rate"], "%",
              note=rate_note),
        _rows("budget", "spending_share", line_keys, lines["spending_share"], "%",
              note=np.select([lines["spending_share"].notna(), lines["spent_note"].str.len() > 0],
                             ["line spent / total spent (a share of spending, not a disbursement rate)",
                              lines["spent_note"]], summary["spent_note"] or "not computable: no spending")),
        _rows("budget", "burn_index", line_keys, lines["burn_index"], "ratio",
              note=_burn_notes(lines["burn_index"], rate_note, "spent / line budget", elapsed)),
    ]
    if c is not None:
        ckeys = c["country"].astype(str) + suffix
        cnote = c["note"].where(c["note"].str.len() > 0, "spent / budget of the country's lines " + when)
        parts += [
            _rows("budget", "budget", ckeys, c["budget"], currency, c["n_lines"],
                  note=np.where(c["n_budget_unknown"] > 0, c["note"], "sum of the country's line budgets")),
            _rows("budget", "spent", ckeys, c["spent"], currency, c["n_lines"],
                  note=np.where(c["spent"].isna(), c["note"], f"cumulative spending {when}")),
            _rows("budget", "financial_execution_rate", ckeys, c["financial_execution_rate"], "%", c["n_lines"],
                  note=cnote),
            _rows("budget", "spending_share", ckeys, c["spending_share"], "%", c["n_lines"],
                  note=np.where(c["spending_share"].isna(), c["share_note"], "country spent / total spent")),
            _rows("budget", "burn_index", ckeys, c["burn_index"], "ratio", c["n_lines"],
                  note=_burn_notes(c["burn_index"], cnote, "spent / budget of the country's lines", elapsed)),
        ]
    return _finish(parts, sort=False)


def efficiency_figures(tables: dict[str, pd.DataFrame], params: Any) -> pd.DataFrame:
    """cost_per_unit (output indicators), cost_per_participant, cost_per_woman and cost_to_benchmark
    (analyses.efficiency); status "shared" when a line of the figure finances several results."""
    costs = efficiency.annex_costs(tables, params)
    if costs.empty:
        return _finish([])
    unit, participant, woman = (costs[costs["kind"].eq(kind).to_numpy(dtype=bool)]
                                for kind in ("output", "participant", "woman"))
    # n is a count: an actual of 1.5 (thousands of persons, km) is in the note, not rounded to 2 as n
    whole = unit["denominator"].where(unit["denominator"] % 1 == 0)
    parts = [_rows("efficiency", "cost_per_unit", unit["key"], unit["cost"], params.currency, whole,
                   status=unit["status"], note=unit["note"]),
             _rows("efficiency", "cost_per_participant", participant["key"], participant["cost"], params.currency,
                   participant["denominator"], status=participant["status"], note=participant["note"]),
             _rows("efficiency", "cost_per_woman", woman["key"], woman["cost"], params.currency, woman["denominator"],
                   status=woman["status"], note=woman["note"])]
    benchmarked = costs[costs["benchmark"].notna()]
    if len(benchmarked):
        parts.append(_rows("efficiency", "cost_to_benchmark",
                           benchmarked["key"].where(benchmarked["kind"].eq("output"), benchmarked["kind"]),
                           benchmarked["cost_to_benchmark"], "ratio",
                           # an upper bound's ratio is one too (« au plus » 18 333 / 15 000: at most 1,22), it
                           # was given as exact and compared so in the change section
                           status=np.where(benchmarked["status"].fillna("").astype(str).str.contains(
                               efficiency.UPPER_BOUND, regex=False), efficiency.UPPER_BOUND, ""),
                           note="cost / benchmark " + _num(benchmarked["benchmark"]) + " " + params.currency
                           + np.where(benchmarked["benchmark_source"].str.len() > 0,
                                      " (" + benchmarked["benchmark_source"] + ")", "")))
    return _finish(parts, sort=False)


def _burn_notes(burn: Any, rate_notes: Any, rate: str, elapsed: float) -> np.ndarray:
    """A burn index's note: its formula when it is computed; the rate's reason when the rate is not computed;
    else the elapsed share's (it said « spent / line budget » or a bare « not computable »)."""
    burn, rate_notes = np.asarray(burn, dtype="float64"), np.asarray(rate_notes, dtype=object)
    computed = f"({rate}) / elapsed share of the planned duration ({elapsed:.4f})" if np.isfinite(elapsed) else ""
    no_elapsed = ("not computable: the reporting date is not after the start date, no share of the planned duration "
                  "has elapsed")
    return np.where(np.isfinite(burn), computed,
                    np.where([str(n).startswith("not computable") for n in rate_notes], rate_notes, no_elapsed))


def _note(value: float, ok: str, problems: str, prefix: str = "not computable") -> str:
    """``ok`` when the value exists, else the problems of budget_summary's note that start with ``prefix``."""
    if pd.isna(value):
        relevant = [p for p in str(problems).split("; ") if p.startswith(prefix)]
        return "; ".join(relevant) or "not computable"
    return ok


def impact_figures(studies: dict[str, Any] | None) -> pd.DataFrame:
    """impact_effect (overall OLS rows) and balance_smd from helpers.analyses.impact; empty when impact is not available."""
    if not studies:
        return _finish([])
    from . import impact  # statsmodels is imported only when there is a study

    parts = []
    for name in sorted(studies):
        study = studies[name]
        effects = impact.estimate_effects(study, subgroups=[])  # the figures hold the overall effects only
        balance = impact.balance_table(study)
        overall = effects[effects["subgroup"].isna() | effects["subgroup"].astype(str).str.strip().eq("")]
        if "method" in overall:
            overall = overall[overall["method"].astype(str).eq("ols")]
        overall = overall.drop_duplicates("outcome")
        if len(overall):
            notes = ("design " + overall["design"].astype(str) + ", SE " + overall["se_type"].astype(str)
                     + "; treated mean " + _num(overall["mean_treated"]) + ", comparison mean "
                     + _num(overall["mean_comparison"]))
            if "note" in overall:
                extra = overall["note"].fillna("").astype(str)
                notes = notes + np.where(extra.str.len() > 0, "; " + extra, "")
            parts.append(_rows("impact", "impact_effect", name + ":" + overall["outcome"].astype(str),
                               overall["estimate"], _units(study, overall["outcome"]), overall["n"], overall["se"], overall["ci_low"],
                               overall["ci_high"], overall["p_value"], note=notes))
        panel = impact.balanced_panel_effects(study)   # (a report may publish the panel's DiD: it is checked too)
        if len(panel):
            notes = ("did over the units with a value before and after the programme (balanced panel): "
                     + panel["n_units"].astype(str) + " units; left out: " + panel["n_lost"].astype(str)
                     + " with a value before only, " + panel["n_late"].astype(str) + " after only; SE "
                     + panel["se_type"].astype(str))
            parts.append(_rows("impact", "impact_panel_effect", name + ":" + panel["outcome"].astype(str),
                               panel["estimate"], _units(study, panel["outcome"]), panel["n"], panel["se"],
                               panel["ci_low"], panel["ci_high"], panel["p_value"], note=notes))
        cohorts = impact.cohort_effects(study)   # staggered adoption: each cohort's own DiD and their mean
        if len(cohorts):
            mean = cohorts["cohort"].eq(impact.AVERAGE)
            notes = np.where(mean, "mean of the cohorts' DiD weighted by their treated units, SE from the cohorts' "
                             "2x2 regressions stacked; ",
                             "DiD of the cohort's first round treated " + cohorts["round_treated"].astype(str)
                             + " against its round " + cohorts["round_before"].astype(str)
                             + ", the never treated as comparison; weight " + _num(cohorts["weight"]) + "; ") \
                + cohorts["n_units_treated"].astype(str) + " treated units, " \
                + cohorts["n_units_comparison"].astype(str) + " never treated; SE " + cohorts["se_type"].astype(str) \
                + np.where(cohorts["clustered_on"].eq(""), "", " on " + cohorts["clustered_on"].astype(str)) \
                + np.where(cohorts["note"].eq(""), "", "; " + cohorts["note"].astype(str))
            parts.append(_rows("impact", "impact_cohort_effect", name + ":" + cohorts["outcome"].astype(str) + ":"
                               + cohorts["cohort"].astype(str), cohorts["estimate"], _units(study, cohorts["outcome"]),
                               cohorts["n"], cohorts["se"], cohorts["ci_low"], cohorts["ci_high"], cohorts["p_value"],
                               note=notes))
        if len(balance):
            n = balance["n_treated"] + balance["n_comparison"] if "n_treated" in balance else None
            notes = balance["note"].fillna("").astype(str) if "note" in balance else ""
            parts.append(_rows("impact", "balance_smd", name + ":" + balance["covariate"].astype(str),
                               balance["smd"], "ratio", n, note=notes))
        parts += _balance_means(name, study, balance)
        parts += study_check_figures(name, study)
        parts += subgroup_figures(name, study)
        parts += lee_figures(name, study)
    return _finish(parts, sort=False)


def _balance_means(name: str, study: Any, balance: pd.DataFrame) -> list[pd.DataFrame]:
    """balance_mean: the means of the annex's balance table, per group (« âge 31,62 32,18 »), which figures.csv did
    not hold (the standardised differences only): a report's « les traités ont en moyenne 31,6 ans » could not be
    checked. With ``adjustment: none`` the covariates' table (impact.balance_table, over the balance sample); with
    an adjustment the table of score terms the annex shows instead (propensity.weighted_balance), with the
    comparison group's weighted mean."""
    from . import propensity

    if study.spec.adjustment == "none":
        if balance.empty:
            return []
        keys = name + ":" + balance["covariate"].astype(str)
        where = "balance sample (" + balance["sample"].astype(str) + ")"
        return [_rows("impact", "balance_mean", keys + ":" + arm, balance[f"mean_{arm}"], "", balance[f"n_{arm}"],
                      note="mean of the " + arm + " group over the " + where + ", unweighted")
                for arm in ("treated", "comparison")]
    weighted = propensity.weighted_balance(study)
    if weighted.empty:
        return []
    keys = name + ":" + weighted["term"].astype(str)
    return [_rows("impact", "balance_mean", keys + ":" + column, weighted[f"mean_{column}"], "", note=note)
            for column, note in (("treated", "mean of the treated group, every row of the score's sample"),
                                 ("comparison", "mean of the comparison group, every row of the score's sample"),
                                 ("comparison_weighted", "mean of the comparison group weighted as the estimate "
                                  "weighs it, rows kept after trimming"))]


def lee_figures(name: str, study: Any) -> list[pd.DataFrame]:
    """Lee's (2009) bounds of a two_group study's effect when its arms lost different shares of their rows
    (impact.lee_bounds): the annex gives them (« bornes de Lee : 84,7 à 208,3 ») beside an effect of 144,9 that the
    lost low earners inflate, and figures.csv had no row for them."""
    from . import impact

    bounds = impact.lee_bounds(study)
    bounds = bounds[bounds["lower"].notna()]
    if bounds.empty:
        return []
    keys = name + ":" + bounds["outcome"].astype(str)
    n = (bounds["n_treated"] - bounds["lost_treated"]) + (bounds["n_comparison"] - bounds["lost_comparison"])
    note = ("Lee bound: the arm that kept more rows trimmed of its excess share, from the top (lower) or the bottom "
            "(upper); rows without a value: " + bounds["lost_treated"].astype(str) + " of "
            + bounds["n_treated"].astype(str) + " treated, " + bounds["lost_comparison"].astype(str) + " of "
            + bounds["n_comparison"].astype(str) + " comparison; n = rows with a value")
    units = _units(study, bounds["outcome"])
    return [_rows("impact", "impact_lee_bound", keys + ":lower", bounds["lower"], units, n, note=note),
            _rows("impact", "impact_lee_bound", keys + ":upper", bounds["upper"], units, n, note=note)]


def subgroup_figures(name: str, study: Any) -> list[pd.DataFrame]:
    """The table of effects by subgroup and the test that each outcome's effect is the same in every value of a
    subgroup column, as the annex gives them (impact.subgroup_study: a panel taken row by row clustered on its unit;
    impact.shown_subgroups): figures.csv held the overall effects only, and a report's « +153 pour les femmes » or
    « l'effet diffère selon le sexe (p = 0,03) » could not be checked."""
    from . import impact

    subgroups = impact.shown_subgroups(study)
    if not subgroups:
        return []
    grouped = impact.subgroup_study(study)
    effects = impact.estimate_effects(grouped, subgroups=subgroups)
    rows = effects[(effects["method"] == "ols") & effects["subgroup"].notna()]
    keys = (name + ":" + rows["outcome"].astype(str) + ":" + rows["subgroup"].astype(str) + "="
            + rows["subgroup_value"].astype(str))
    notes = ("OLS in the rows of the subgroup, SE " + rows["se_type"].astype(str)
             + (f" clustered on {study.spec.unit} (a panel's rows of one unit)" if grouped is not study else "")
             + "; " + rows["n_treated"].astype(str) + " treated, " + rows["n_comparison"].astype(str)
             + " comparison rows" + np.where(rows["note"].fillna("").astype(str).str.len() > 0,
                                             "; " + rows["note"].fillna("").astype(str), ""))
    tests = impact.subgroup_differences(grouped, subgroups)
    return [_rows("impact", "impact_subgroup_effect", keys, rows["estimate"], _units(study, rows["outcome"]), rows["n"],
                  rows["se"], rows["ci_low"], rows["ci_high"], rows["p_value"], note=notes),
            _rows("impact", "impact_subgroup_difference_p",
                  name + ":" + tests["outcome"].astype(str) + ":" + tests["subgroup"].astype(str), tests["p_value"], "",
                  note="F-test that the effect is the same in the " + tests["values"].astype(str) + " values (F "
                  + _num(tests["f"]) + ", df " + _num(tests["df_num"]) + ", " + _num(tests["df_denom"]) + "), SE "
                  + tests["se_type"].astype(str) + np.where(tests["note"].astype(str).str.len() > 0,
                                                            "; " + tests["note"].astype(str), ""))]


def survey_figures(surveys: dict[str, Any] | None) -> pd.DataFrame:
    """survey_mean, survey_total, survey_share (in %), survey_ratio and survey_deff of every survey
    (helpers.analyses.surveys): keys ``<survey>:<variable>``, ``<survey>:<variable>=<value>`` for a share,
    ``<survey>:<variable>:per:<denominator>`` for a ratio, ``:<by>=<value>`` appended for a subgroup; a deff's key is
    its estimate's key followed by ``:mean``, ``:total``, ``:share`` or ``:ratio``."""
    if not surveys:
        return _finish([])
    from . import surveys as survey_mod  # svy is imported only when there is a survey

    parts = survey_mod.figure_parts(surveys)
    notes = {stat: [survey_mod.note_of(r) for _, r in f.iterrows()] for stat, f in parts.items()}
    m, t, sh, r, d = parts["mean"], parts["total"], parts["share"], parts["ratio"], parts["deff"]
    return _finish([
        _rows("surveys", "survey_mean", m["key"], m["estimate"], "", m["n"], m["se"], m["ci_low"], m["ci_high"],
              note=notes["mean"]),
        _rows("surveys", "survey_total", t["key"], t["estimate"], "", t["n"], t["se"], t["ci_low"], t["ci_high"],
              note=notes["total"]),
        _rows("surveys", "survey_share", sh["key"], sh["estimate"], "%", sh["n"], sh["se"], sh["ci_low"],
              sh["ci_high"], note=notes["share"]),
        _rows("surveys", "survey_ratio", r["key"], r["estimate"], "ratio", r["n"], r["se"], r["ci_low"], r["ci_high"],
              note=notes["ratio"]),
        _rows("surveys", "survey_deff", d["key"], d["deff"], "ratio", d["n"], note=notes["deff"]),
    ])


def _units(study: Any, outcomes: pd.Series) -> np.ndarray:
    """The unit of each outcome's effects and means (impact.outcome_unit: its currency, 'share' for a 0/1 outcome,
    '' when the data do not say)."""
    from . import impact

    known = {o: impact.outcome_unit(study, o) for o in pd.unique(outcomes.astype(str))}
    return np.array([known[o] for o in outcomes.astype(str)], dtype=object)


def study_check_figures(name: str, study: Any) -> list[pd.DataFrame]:
    """The figures of helpers.analyses.propensity for one study (keys in the module docstring): naive and adjusted
    effects, MDE and Holm p-values of both, ESS, balance before / after weighting, pre-trend leads."""
    from . import propensity

    parts = []
    effects = propensity.adjusted_effects(study)
    parts += standards_figures(name, study, effects)
    method = np.where(effects["method"].eq("naive"), "naive", effects["method"] + "_" + effects["estimand"])
    keys = name + ":" + effects["outcome"].astype(str)
    method_keys = keys + ":" + method
    notes = ("SE " + effects["se_type"].fillna("").astype(str) + "; " + effects["n_treated"].astype(str)
             + " treated, " + effects["n_comparison"].astype(str) + " comparison rows used; "
             + effects["note"].astype(str))
    naive = effects["method"].eq("naive").to_numpy()
    e, a = effects[naive], effects[~naive]
    units = _units(study, effects["outcome"])   # the outcome's: its currency, SHARE for a 0/1 one, '' unknown
    parts.append(_rows("impact", "impact_naive_effect", keys[naive], e["estimate"], units[naive], e["n"], e["se"],
                       e["ci_low"], e["ci_high"], e["p_value"], note=notes[naive]))
    parts.append(_rows("impact", "impact_adjusted_effect", method_keys[~naive], a["estimate"], units[~naive], a["n"],
                       a["se"],
                       a["ci_low"], a["ci_high"], a["p_value"], note=notes[~naive]))
    exploratory = effects["outcome"].isin(study.spec.exploratory).to_numpy()
    parts.append(_rows("impact", "impact_p_holm", method_keys, effects["p_holm"], "", effects["n"],
                       note=np.where(exploratory, "exploratory outcome: not in the Holm family (the outcomes of the "
                                     "pre-analysis plan), not adjusted; raw p ",
                                     "Holm adjustment over the study's outcomes not marked exploratory; raw p ")
                       + _num(effects["p_value"])))
    parts.append(_rows("impact", "impact_mde", method_keys, effects["mde"], units, effects["n"],
                       note="minimum detectable effect, 5 % two-sided, 80 % power, SE " + _num(effects["se"])))
    parts += _other_se_rows(name, study)
    # every weighted estimate's size, n.d. with its reason where there is no estimate (a size beside no estimate
    # was a figure that belonged to nothing)
    weighted = effects[~naive & effects["method"].isin(["ipw", "aipw"])]
    if len(weighted):
        known = weighted["ess_comparison"].notna().to_numpy()
        parts.append(_rows("impact", "comparison_ess", name + ":" + weighted["outcome"].astype(str),
                           weighted["ess_comparison"], "count", weighted["n_comparison"],
                           note=np.where(known, "Kish effective sample size of the weighted comparison group, of n rows",
                                         "not computable: no weighted estimate; " + weighted["note"].astype(str))))
    if study.spec.adjustment != "none":
        balance = propensity.weighted_balance(study)
        term_keys = name + ":" + balance["term"].astype(str)
        parts.append(_rows("impact", "balance_smd_unweighted", term_keys, balance["smd_before"], "ratio",
                           note="score term, every row of the score's sample"))
        parts.append(_rows("impact", "balance_smd_weighted", term_keys, balance["smd_after"], "ratio",
                           note="score term, rows kept after trimming, weighted; same denominator as unweighted"))
    leads = propensity.event_study(study)
    if len(leads):
        leads = leads[leads["relative"] != 0]
        key = (name + ":" + leads["outcome"].astype(str) + ":" + leads["period"].astype(str)
               + np.where(leads["weighted"].astype(bool), ":weighted", ""))
        parts.append(_rows("impact", "event_study_effect", key, leads["estimate"], _units(study, leads["outcome"]),
                           leads["n"], leads["se"],
                           leads["ci_low"], leads["ci_high"], leads["p_value"],
                           note=np.where(leads["relative"] < 0, "lead (before the programme): ", "after: ")
                           + "treated x period, reference the last period before the programme; pre-trend test p "
                           + _num(leads["p_pretrend"])))
    return parts


def _other_se_rows(name: str, study: Any) -> list[pd.DataFrame]:
    """impact_effect_other_se: the estimates the annex's cautions give with another kind of SE beside the study's
    (propensity.other_se_effects: clustered on the unit of a panel taken row by row, on the village that was given
    the treatment, HC1 beside classical SEs). The annex printed « erreur type 6,1 (au lieu de 19,2) » and figures.csv
    had the study's SE only: a report quoting the clustered interval or p could not be checked."""
    from . import propensity

    other = propensity.other_se_effects(study)
    if other.empty:
        return []
    method = np.where(other["method"].eq("naive"), "naive", other["method"] + "_" + other["estimand"])
    keys = name + ":" + other["outcome"].astype(str) + ":" + method + ":" + other["other_se"].astype(str)
    why = other["why"].map({"panel": "the unit's rows are not independent",
                            "classical": "the groups' variances differ",
                            "assigned": "the treatment was given by this column's values"})
    return [_rows("impact", "impact_effect_other_se", keys, other["estimate"], _units(study, other["outcome"]),
                  other["n"], other["se"], other["ci_low"], other["ci_high"], other["p_value"],
                  note="the estimate with SE " + other["se_type"].astype(str) + np.where(
                      other["se_type"].eq("cluster"), " on " + other["other_se"].str.removeprefix("cluster="), "")
                  + " (the study's: " + _num(other["own_se"]) + "), as the annex gives it beside: " + why)]


def standards_figures(name: str, study: Any, effects: pd.DataFrame) -> list[pd.DataFrame]:
    """The figures the reporting standards ask for (keys in the module docstring): the comparison mean, N in units
    and attrition per arm, the joint balance test, the ratio of a 0/1 outcome, the ICC of a clustered design."""
    from . import impact, propensity

    head = propensity.headline(study, effects=effects)
    keys = name + ":" + head["outcome"].astype(str)
    parts = [_rows("impact", "impact_control_mean", keys, head["comparison_mean"], _units(study, head["outcome"]),
                   head["comparison_n"],
                   note=np.where(head["comparison_sample"].eq("post"), "comparison group after the programme",
                                 "comparison group") + ", unweighted; treated mean " + _num(head["mean_treated"]))]
    weighted = head[head["comparison_mean_weighted"].notna()]
    if len(weighted):   # the mean the ipw estimate compares, keyed by its method as impact_adjusted_effect is
        parts.append(_rows("impact", "impact_control_mean",
                           keys[weighted.index] + ":" + weighted["method"].astype(str) + "_"
                           + weighted["estimand"].astype(str), weighted["comparison_mean_weighted"],
                           _units(study, weighted["outcome"]),
                           weighted["comparison_n_weighted"],
                           note=np.where(weighted["comparison_sample"].eq("post"),
                                         "comparison group after the programme", "comparison group")
                           + ", weighted as the estimate weighs it, rows kept after trimming; treated mean "
                           + _num(weighted["mean_treated_weighted"])))
    units = impact.units(study)
    rows_note = units["n_rows"].astype(str) + " rows" + np.where(units["counts"].eq("units"),
                                                                 " (" + str(study.spec.unit) + " counted once)",
                                                                 ": no unit column, rows counted")
    parts.append(_rows("impact", "impact_n_units", name + ":" + units["arm"], units["n_units"], "count",
                       units["n_rows"], note=rows_note))
    parts.append(_rows("impact", "impact_attrition", name + ":" + units["arm"], units["attrition"], "count",
                       units["n_baseline"],
                       note=np.where(units["attrition"].notna(),
                                     "units with a row before the programme and none after with an outcome, of n "
                                     "at baseline; rate "
                                     + _num(units["attrition_rate"]), units["note"])))
    test = impact.balance_test(study)
    parts.append(_rows("impact", "balance_joint_p", [name], [test["p_value"]], "", [test["n"]],
                       note=[f"OLS of the treatment on {', '.join(test['terms']) or 'no covariate'}, F-test of "
                             f"every slope (F {test['f']:.4g}, df {test['df_num']:.0f}, {test['df_denom']:.0f}), "
                             f"SE {test['se_type']}, sample {test['sample']}"
                             + (f"; {test['note']}" if test["note"] else "")]))
    binary = head[head["binary"]]
    if len(binary):
        parts.append(_rows("impact", "impact_relative_effect", name + ":" + binary["outcome"].astype(str),
                           binary["relative_effect"], "ratio", binary["n_treated"] + binary["n_comparison"],
                           note="treated mean / (treated mean - effect), effect " + _num(binary["effect_pp"])
                           + " percentage points (" + binary["method"].astype(str) + ")"))
    # the effect in SDs of the comparison group's outcome (Glass's delta): the annex gives it beside each headline
    # effect (« soit 0,50 fois l'écart type »), and figures.csv had no row for it: a report's « 0,5 écart type »
    # could not be checked
    standardised = head[head["effect_sd"].notna()]
    if len(standardised):
        parts.append(_rows("impact", "impact_effect_sd", name + ":" + standardised["outcome"].astype(str),
                           standardised["effect_sd"], "ratio", standardised["comparison_n"],
                           note="the study's estimate (" + standardised["method"].astype(str) + ") "
                           + _num(standardised["estimate"]) + " / the SD (ddof 1) of the comparison group's outcome "
                           + _num(standardised["comparison_sd"]) + np.where(
                               standardised["comparison_sample"].eq("post"), " after the programme", "")
                           + ", over n rows (Glass's delta)"))
    parts += _log_change_rows(name, study, head)
    clustered = head[head["icc"].notna() | (study.spec.se == "cluster")]
    if study.spec.se == "cluster" and len(clustered):
        parts.append(_rows("impact", "impact_icc", name + ":" + clustered["outcome"].astype(str), clustered["icc"],
                           "ratio", clustered["icc_n"],
                           note="one-way ANOVA estimator on the outcome less its group's mean, rows of the comparison mean (did: after the programme); NaN when each cluster has one row there; mean "
                           "cluster size " + _num(clustered["mean_cluster_size"]) + ", design effect "
                           + _num(clustered["design_effect"]) + ", MDE of the difference of means with it "
                           + _num(clustered["mde_design"])
                           + clustered["icc_sample"].map({"comparison": "; the comparison arm's rows only (every "
                                                          "treated row is in one cluster)", "treated": "; the treated "
                                                          "arm's rows only (every comparison row is in one cluster)"}
                                                         ).fillna("")))
    return parts


def _log_change_rows(name: str, study: Any, head: pd.DataFrame) -> list[pd.DataFrame]:
    """impact_log_change: the effect on an outcome that is a logarithm (« log_revenu », « Log du revenu (MAD) ») as
    the percentage change the annex gives beside it, 100 (exp(effect) - 1), and its interval the same way. The annex
    said « +9,6 % » and figures.csv had the difference of logs 0.092 only: a report's « +9,6 % » was not
    computable beside it."""
    from ..data.currencies import names_a_log

    def is_log(outcome: str) -> bool:
        label = study.spec.labels.get(outcome)
        return any(names_a_log(t) for t in (outcome, *((label.fr, label.en) if label else ())) if t)

    logs = head[head["outcome"].map(is_log).astype(bool) & head["estimate"].notna()]
    if not len(logs):
        return []
    return [_rows("impact", "impact_log_change", name + ":" + logs["outcome"].astype(str),
                  100 * np.expm1(logs["estimate"].astype(float)), "%", logs["n_treated"] + logs["n_comparison"],
                  ci_low=100 * np.expm1(logs["ci_low"].astype(float)),
                  ci_high=100 * np.expm1(logs["ci_high"].astype(float)),
                  note="100 (exp(effect) - 1) of the study's estimate (" + logs["method"].astype(str) + ") "
                  + _num(logs["estimate"]) + ", a difference of logs; the interval's ends the same way")]


# ----------------------------------------------------------------------------------------------- scope
def _fold_series(values: pd.Series) -> pd.Series:
    return values.map(fold).astype(str)


def is_all_annex(params: Any) -> bool:
    return is_all(getattr(params, "country", ALL))


def reported_for_annex(reported: pd.DataFrame | None, params: Any) -> pd.DataFrame:
    """The reported figures an annex checks: country empty, "regional" or a word for the whole project ("all",
    "Tous": text.is_all) for the all annex, else the annex country."""
    if reported is None or reported.empty:
        return pd.DataFrame(columns=["figure_id", "metric", "key", "value", "comparison", "label", "source",
                                     "country"])
    country = _fold_series(reported["country"]) if "country" in reported else pd.Series("", index=reported.index)
    if is_all_annex(params):
        keep = country.isin(["", fold(REGIONAL)]) | country.map(is_all).astype(bool)
    else:
        keep = country.eq(fold(params.country))
    mine = reported[keep].reset_index(drop=True)
    if len(mine):   # « Budget », « Women_Share »: found ignoring case, then the rules by metric (a '+', a change, a
        # label's date) missed them: « +2 777 778 » beside the budget, « Spent » dated otherwise were « Conforme »
        mine["metric"] = mine["metric"].map(canonical_metric)
    dated = mine["metric"].astype("str").str.strip().isin(BUDGET_METRICS) if len(mine) else None
    if dated is not None and dated.any():   # 'total@31/12/2020', 'total@déc. 2020': the ISO date the figures key
        mine.loc[dated, "key"] = mine.loc[dated, "key"].map(_iso_at)
    if not is_all_annex(params) and len(mine):
        # in a country's annex, its figures are keyed without the country: 'Maroc' is the whole ('all'), as an
        # evaluator writes it for a figure of Maroc, and '1.1/Maroc' (the project annex's key) is '1.1'
        key = mine["key"].astype("object")
        folded = _fold_series(key)
        suffix = "/" + fold(params.country)
        whole = folded.eq(fold(params.country))
        suffixed = folded.str.endswith(suffix) & ~whole
        key = key.where(~whole, "all")
        key = key.where(~suffixed, key.astype("str").str.rsplit("/", n=1).str[0])
        mine["key"] = key
    return mine


_METRIC_NAMES = {fold(metric): metric for metric in METRICS}


def canonical_metric(metric: Any) -> Any:
    """A reported figure's metric as the figures name it (« Budget », « WOMEN_SHARE » are 'budget', 'women_share');
    any other as it is (make check says it is unknown)."""
    return _METRIC_NAMES.get(fold(metric), metric) if isinstance(metric, str) else metric


_KEY_END = re.compile(r"^(?:a fin|a la fin de|fin|at the end of|end of|end)[\s-]+(.+)$")


def _iso_at(key: Any) -> Any:
    """A key's '@date' written as the data's dates are (day first: `total@31/12/2020`; or a month, read as its last
    day: `total@déc. 2020`), in the ISO form the figures use; any other key as it is. A year or a quarter is left
    as written (refused): `@2020` may mean spent during 2020 as well as spent by its end."""
    if not isinstance(key, str) or "@" not in key:
        return key
    head, when = key.rsplit("@", 1)
    try:
        day = numbers.parse_date(when.strip())
    except ValueError:
        # « fin 2019 », « à fin juin 2020 », « end of S1 2020 »: its last day (it was « no computed figure »)
        end = _KEY_END.match(fold(when))
        bounds = numbers.period_bounds(end.group(1) if end else when.strip())
        is_month = bounds is not None and bounds[0].month == bounds[1].month
        day = bounds[1] if is_month or (bounds is not None and end) else None
    return key if day is None else f"{head}@{day.isoformat()}"


# ----------------------------------------------------------------------------------------------- the annex
def _requested_dates(reported: pd.DataFrame) -> list[str]:
    if reported.empty:
        return []
    metrics = reported["metric"].astype(str).str.strip().str.lower()   # 'SPENT' is spent
    keys = reported["key"].astype(str).str.strip()
    wanted = keys[metrics.isin(BUDGET_METRICS)]
    dates = sorted({k.rsplit("@", 1)[1] for k in wanted if budget_mod.as_of_date(k) is not None})
    return dates


def tables_figures(tables: dict[str, pd.DataFrame], params: Any, studies: dict[str, Any] | None = None,
                   reported: pd.DataFrame | None = None, per_country: bool | None = None,
                   surveys: dict[str, Any] | None = None, impact: pd.DataFrame | None = None,
                   metrics: Iterable[str] | None = None, by_group: bool = True) -> pd.DataFrame:
    """Every figure of already-scoped tables (what annex_figures computes after scoping).

    ``reported``: the reported figures this annex checks (already filtered, see ``reported_for_annex``);
    ``per_country``: add the per-country keys (default: True for the ``all`` annex);
    ``metrics``: compute only these metrics (any case): the sections that make one (SECTION_METRICS), and in the
    execution and gender sections, those metrics only;
    ``by_group=False``: the execution and gender sections without their keys per result, output, event, group and
    country (the other rows are the same: a subset of the whole computation).
    """
    with budget_mod.reusing_line_tables():   # the budget, cost and published figures read the same line tables
        return _tables_figures(tables, params, studies, reported, per_country, surveys, impact, metrics, by_group)


def _tables_figures(tables: dict[str, pd.DataFrame], params: Any, studies: dict[str, Any] | None,
                    reported: pd.DataFrame | None, per_country: bool | None, surveys: dict[str, Any] | None,
                    impact: pd.DataFrame | None, metrics: Iterable[str] | None, by_group: bool) -> pd.DataFrame:
    if per_country is None:
        per_country = is_all_annex(params)
    wanted = None if metrics is None else {str(m).strip().lower() for m in metrics}
    needs = lambda section: wanted is None or not wanted.isdisjoint(SECTION_METRICS[section])  # noqa: E731
    empty = pd.DataFrame()
    get = lambda name: tables.get(name, empty)  # noqa: E731
    # impact first: the peak memory of its regressions then comes before the large tables' figures are held
    sections = [
        ("impact", lambda: impact_figures(studies) if impact is None else impact),
        ("surveys", lambda: survey_figures(surveys)),
        ("execution", lambda: execution_figures(get("activities"), per_country, wanted, by_group)),
        ("indicators", lambda: indicator_figures(get("indicators"), params.thresholds)),
        ("gender", lambda: gender_figures(get("participation"), params.thresholds, per_country, wanted,
                                          by_group)),
    ]
    parts = [make() for section, make in sections if needs(section)]
    budget, expenditure = get("budget"), get("expenditure")
    if (_present(budget) or _present(expenditure)) and needs("budget"):
        parts.append(budget_figures(budget, expenditure, params, per_country))
    if needs("efficiency"):
        parts.append(efficiency_figures(tables, params))
    reported = reported if reported is not None else pd.DataFrame()
    if (_present(budget) or _present(expenditure)) and not reported.empty and needs("budget"):
        # (ignoring case and accents, as reconcile matches them: 'TOTAL@2019-12-31' asks for 'total@2019-12-31')
        asked = set(zip(_fold_series(reported["metric"].astype(str).str.strip()),
                        _fold_series(reported["key"].astype(str).str.strip())))
        for day in _requested_dates(reported):
            extra = budget_figures(budget, expenditure, params, per_country, as_of=day, suffix="@" + day)
            keep = [(fold(m), fold(k)) in asked for m, k in zip(extra["metric"], extra["key"])]
            parts.append(extra[keep])
    if not reported.empty:
        # reconcile looks up only the rows a reported figure asks for: those, in the table's order, are enough
        lookup = _finish([part[reconcile.lookup_rows(reported, part)] for part in parts])
        whole = [] if is_all_annex(params) else [n for n, s in (studies or {}).items()
                                                 if getattr(s, "whole_project", False) and _several_countries(s)]
        parts.append(reconciliation_figures(reported, lookup, params, known_keys(parts, reported),
                                            persons_caution(parts), get("participation"), get("indicators"),
                                            countries_of(tables) if is_all_annex(params) else (), whole))
    return _finish(parts)  # sections in any order: sorted once, here


# the figures that describe the annex's reporting date (a budget figure keyed '@date' that date): a published one
# whose label dates it otherwise (« 1,2 million au 30 juin 2020 ») is another figure
AT_REPORTING_DATE = frozenset({"physical_execution_rate", "physical_progress_rate", "activity_status_count",
                               "women_share", "gender_parity_index", "persons", "participants",
                               "cost_per_participant",
                               "cost_per_woman", *BUDGET_METRICS})
_LABEL_DATE = re.compile(r"(?:^|[\s(«,;:])(?:(?P<end>a fin|a la fin de|fin|at the end of|end of|end)|au|a la date du|"
                         r"en date du|as of|as at|at|jusqu'au|jusqu’au|jusqu'a|jusqu’a|by|until|up to)[\s-]+(?:le\s+)?"
                         r"(?P<day>\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|"
                         r"(?:\d{1,2}|1er)\s+[a-z]+\.?\s+\d{4}|[a-z]+\.?\s+\d{4}|\d{4})\b")
# a half or a quarter (« au S1 2021 », « T2 2021 », « H1 2021 », « Q2 2021 », « 1er semestre 2021 »), and the middle of
# a year (« mi-2021 », « mid-2021 »): its last day (they were not read: « Dépenses au S1 2020 » was compared with the
# spending at the reporting date, « Conforme »)
_LABEL_PART = re.compile(r"(?:^|[\s(«,;:])(?P<day>[shtq][1-4][\s_-]?\d{4}|\d{4}[\s_-]?[shtq][1-4])\b")
_ORDINALS = {"1er|premier|first|1st": 1, "2e|2eme|deuxieme|second|2nd": 2, "3e|3eme|troisieme|third|3rd": 3,
             "4e|4eme|quatrieme|fourth|4th": 4}
_PART_WORDS = [(re.compile(rf"\b(?:{words})\s+(?P<kind>semestre|trimestre|half|quarter)\s+(?:de\s+|of\s+|d')?"
                           r"(?P<year>\d{4})\b"), n) for words, n in _ORDINALS.items()]
_MIDDLE = re.compile(r"\b(?:a la |a |at |by )?(?:mi|mid)[\s-]?(?P<year>\d{4})\b")
# « as of December 31, 2019 », « as at 31st December 2019 » (English reports): written « 31 december 2019 »
_MONTH_DAY = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+([a-z]+)")
_SUPERSCRIPTS = re.compile("[\u00b9\u00b2\u00b3\u2070-\u2079]")   # « au 30 juin 2020¹ »: a footnote's mark


SPENDING_METRICS = frozenset({"spent", "financial_execution_rate", "spending_share", "burn_index", "staff_cost_share"})
_COMMITTED = re.compile(r"\b(?:engag(?:ement|ements|e|es|ee|ees)|commitments?|committed)\b")


def _label_dates(label: Any) -> list[Any]:
    """The days a reported figure's label dates it (« au 30 juin 2020 », « à fin juin 2020 », « as of 31/12/2020 »)."""
    days = []
    text = fold(_SUPERSCRIPTS.sub(" ", label)) if isinstance(label, str) else ""
    for words, n in _PART_WORDS:   # « 1er semestre 2021 » is S1 2021
        text = words.sub(lambda m: f"{'s' if m['kind'] in ('semestre', 'half') else 't'}{n} {m['year']}", text)
    text = _MIDDLE.sub(lambda m: f" au 30/06/{m['year']}", text)
    text = _MONTH_DAY.sub(lambda m: f"{m[2]} {m[1]} {m[3]}" if m[1] in numbers.MONTHS else m[0], text)
    text = _ORDINAL_DAY.sub(lambda m: f"{m[1]} {m[2]}" if m[2] in numbers.MONTHS else m[0], text)
    for match in _LABEL_PART.finditer(text):
        bounds = numbers.period_bounds(match.group("day"))
        if bounds is not None:
            days.append(bounds[1])
    for match in _LABEL_DATE.finditer(text):
        try:
            days.append(numbers.parse_date(match.group("day")))
        except ValueError:   # a month (« à fin juin 2020 », « au juin 2020 »), a year after « fin » (« fin 2019 »)
            bounds = numbers.period_bounds(match.group("day"))
            if bounds is not None and (bounds[0].month == bounds[1].month or match.group("end")):
                days.append(bounds[1])
    if not days:
        days = _any_day(text)
    return days


# a day or a month anywhere in a label, without « au » (« Part des femmes (31/12/2020) », « le 31/12/2020 », « en
# décembre 2020 », « in December 2020 », « , 31 décembre 2020 », « by end 2020 »): they were compared with the
# figure at the reporting date; not a start (« depuis janvier 2020 », « du 1er janvier 2020 au ... », « from »)
_ANY_DAY = re.compile(r"(?<![\w/.-])(?P<day>\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2}|(?:\d{1,2}|1er)\s+[a-z]+\.?"
                      r"\s+\d{4}|[a-z]+\.?\s+\d{4}|(?:end|fin)[\s-]+\d{4})(?![\w/.-])")
_FROM = re.compile(r"(?:\b(?:depuis|since|a partir du?|a partir de l'|a compter du?|from|du|de|entre|between|"
                   r"debut|start of|beginning of)\s+(?:le\s+|the\s+)?)$")


def _any_day(text: str) -> list[Any]:
    days = []
    for match in _ANY_DAY.finditer(text):
        said = match.group("day")
        if _FROM.search(text[:match.start()]):
            continue
        words = said.split()
        if len(words) >= 2 and words[-2].rstrip(".") not in numbers.MONTHS and words[0] not in ("end", "fin") and \
                not re.match(r"end-|fin-", said):
            continue   # (« femmes 2020 »: no month)
        try:
            day = numbers.parse_date(said) if len(words) != 2 else None
        except ValueError:
            day = None
        if day is None:
            bounds = numbers.period_bounds(re.sub(r"^(?:end|fin)[\s-]+", "", said))
            if bounds is None:
                continue
            day = bounds[1]
        days.append(day)
    return days


INDICATOR_METRICS = frozenset({"indicator_achievement", "indicator_achievement_final", "cost_per_unit"})


def _indicator_periods(indicators: pd.DataFrame | None) -> dict[str, tuple[Any, str, dict[str, str]]]:
    """{folded figures key: (its period's span, its period, {another period of the same indicator (country, sex):
    its key})} of an indicators table (indicators.key_of_indicator)."""

    if not _present(indicators) or not {"indicator_id", "period"} <= set(indicators.columns):
        return {}
    table = indicators.copy()
    for column in ("sex", "country"):
        if column not in table:
            table[column] = None
    keys = key_of_indicator(table)
    spans = [numbers.period_span(p) for p in table["period"]]
    same = list(zip(table["indicator_id"].astype(str), table["country"].astype(str), table["sex"].astype(str)))
    others: dict[tuple, dict[str, str]] = {}
    for group, key, span in zip(same, keys, spans):
        if span is not None:
            others.setdefault(group, {})[key] = span
    return {fold(key): (span, str(period), others.get(group, {}))
            for key, span, period, group in zip(keys, spans, table["period"], same) if span is not None}


def _indicator_dated(key: Any, days: list[Any], periods: dict, by: str = "label") -> str | None:
    """Why an indicator figure whose label dates it outside its key's period (« 45 % au 30 juin 2021 » keyed
    'I1@2020') is not comparable; None when a day of the label is in the period (or the period is not a date)."""
    found = periods.get(fold(str(key)))
    if found is None:
        return None
    (first, last), period, others = found
    if any(first <= day <= last for day in days):
        return None
    day = days[0]
    there = [k for k, (a, b) in others.items() if a <= day <= b]
    how = (f"write the key '{there[0]}' to compare it with that period" if there else
           "the indicators table has no period of this indicator at that date")
    return (f"dated {day.isoformat()} by its {by}, the figure computed describes {last.isoformat()} (period "
            f"'{period}'): {how} (a label whose date is not the figure's: reword it)")


# a label of one year's figure (« Dépenses annuelles 2020 », « de l'année 2020 », « annual spending ») or of some
# years (« Dépenses 2019-2020 » in a project started in 2018): the figure computed is cumulated since the start
_YEARLY = re.compile(r"\b(?:annuel(?:le)?s?|de l'annee|de l’annee|pour l'annee|par an|l'an|annual|yearly|per year|"
                     r"for the year|in the year|p\.a)\b|/\s*an\b")
# a figure of one month, quarter, half-year or week (« Dépenses mensuelles », « 16 par mois »): they were « Conforme »
# beside the cumulated figure as the yearly ones were
_PER_PERIOD = re.compile(r"\b(?:mensuel(?:le)?s?|trimestriel(?:le)?s?|semestriel(?:le)?s?|hebdomadaires?|"
                         r"par (?:mois|trimestre|semestre|semaine)|monthly|quarterly|weekly|"
                         r"per (?:month|quarter|week))\b|/\s*(?:mois|month|trimestre|quarter|semaine|week)\b")
# the name of the document the figure comes from (« rapport annuel 2020 », « annual report »), not its period
_REPORT_NAME = re.compile(r"(?:\b(?:rapports?|revues?|bilans?)\s+(?:annuel|semestriel|trimestriel|mensuel)\w*"
                          r"|\b(?:annual|quarterly|monthly)\s+(?:progress\s+)?(?:reports?|reviews?)\b)"
                          r"(?:\s+(?:de\s+|of\s+)?(?:19|20)\d\d\b)?")   # (its year too: the report's, « (rapport annuel 2021) »)
_SINCE_YEAR = re.compile(r"\b(?:depuis|since|a partir du?|a compter du?)\s+(?:(?:le\s+)?(?:\d{1,2}|1er)\s+)?"
                         r"(?:[a-z]+\.?\s+)?((?:19|20)\d\d)\b")
# one year named as the figure's (« Part des femmes en 2020 », « (2020) », a value's « en 2021 »; not « fin 2020 », « juin 2020 »,
# « au 31/12/2020 »: a day): it was compared with the figure cumulated to the reporting date
# a label dated by a month without its year (« Part des femmes à fin mars », « Taux au 31 mars »; folded): no date was
# read, the figure at the reporting date compared (« Conforme »); « may » and « march » are English words too
_MONTH_ONLY_NAMES = ("janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|"
                     "february|april|june|july|august|september|october|november|december")
_LABEL_MONTH = re.compile(r"(?:^|[\s(,;:«])(?:a fin|fin|en|au|a la fin de|a la fin d'|depuis|in|at the end of|end of|"
                          r"as of|as at|by|mi-|mid-)\s*(?:(?:le\s+)?(?:\d{1,2}|1er)\s+)?(?P<month>"
                          + _MONTH_ONLY_NAMES + r")\b(?!\.?\s*(?:\d{2}|[’'-]\d{2}))")
# « as of March 31st », « as at December 31 » (English reports, the month first; not « June 30, 2021 »: a day): « march »
# and « may » too after these words
_LABEL_MONTH_DAY = re.compile(r"(?:^|[\s(,;:])(?:as of|as at|at the end of|end of|by|on)\s+(?P<month>"
                              + _MONTH_ONLY_NAMES + r"|march|may)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
                              r"(?!\s*,?\s*[’']?\d{2})")
# months of a year (« en juillet-août 2021 », « mars/avril 2021 »): the year is there, the figure is of those months
_MONTHS_OF_A_YEAR = re.compile(r"\s*(?:-|\u2013|/|et|and|a|to)\s*(?P<month>[a-z]+)\.?\s+(?P<year>(?:19|20)\d\d)\b")
# a person named like a month after « by »/« in » (« Women trained by April Jones »): no date
_NAMED_LIKE_A_MONTH = re.compile(r"\b(?:by|in)\s+(?P<month>[A-Z][a-z]+)\s+(?P<next>[A-Z][a-z]+)")


def _month_without_year(label: str) -> tuple[str, str] | None:
    """(the month, what the label says) when a label is dated by a month without its year (« à fin mars », « as of
    March 31st »), or by months of a year (« en juillet-août 2021 »: said « juillet-août 2021 »); None otherwise."""
    text = fold(label)
    found = _LABEL_MONTH.search(text) or _LABEL_MONTH_DAY.search(text)
    if found is None:
        return None
    if re.match(r"[\s(,;:]?(?:by|in)\s", text[found.start():]) and any(
            fold(m["month"]) == found["month"] and fold(m["next"]) not in numbers.MONTHS
            for m in _NAMED_LIKE_A_MONTH.finditer(label)):
        return None   # (« trained by April Jones » was « dated by a month without its year ('april') »)
    after = _MONTHS_OF_A_YEAR.match(text, found.end())
    if after is not None and after["month"] in numbers.MONTHS:
        return found["month"], text[found.start("month"):after.end()]
    return found["month"], ""


_LABEL_YEAR = re.compile(r"(?:(?:^|[\s(,;:'’])(?:en|in|pour|for|durant|during|au cours de|de l'annee|de l’annee|"
                         r"au|a|at|annee|l'annee|l’annee|year|exercice|fiscal year|au titre de|sur)\s+|\(\s*|\bfy\s?|"
                         r"(?<=[^\d\s])\s*,\s*)"   # (« Women's share, 2020 »; not « June 30, 2021 »: a day)
                         r"((?:19|20)\d\d)\b(?![-/.]\d)"
                         r"(?!\s*(?:-|\u2013|\u2014|/|a|to|et|and)\s*(?:19|20)?\d\d)")
# a year alone at the end of a label (« Part des femmes 2020 », « Taux d'exécution (2020) » is _LABEL_YEAR's), not a
# month's (« juin 2021 »), a day's or a start's (« fin 2020 », « depuis 2019 »), nor a quarter's (« T4 2020 »)
_TRAILING_YEAR = re.compile(r"(?:^|[\s(])(?P<word>[^\W\d_]+)\.?\s+(?P<year>(?:19|20)\d\d)\s*$")
_BEFORE_A_DAY = {"fin", "end", "debut", "start", "mi", "mid", "depuis", "since", "partir", "compter", "jusqu'a",
                 "until", "le", "du", "of", "trimestre", "semestre", "quarter", "half"}
_LABEL_YEARS = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|\u2013|\u2014|/|a|to)\s*((?:19|20)?\d\d)\b(?![-/.]\d)")


# the figure of one half, quarter or month (« Dépenses du S1 2021 », « durant le T2 2021 », « de juin 2021 »,
# « during Q2 2021 »): it was read as the figure at the period's last day, the cumulated one
_OF_PERIOD = re.compile(r"(?<!partir )(?<!compter )\b(?:du|de|des|pendant(?: le)?|durant(?: le)?|au cours du|"
                        r"au cours de|during(?: the)?|for(?: the)?|over(?: the)?|sur le)\s+"
                        r"(?P<period>[shtq][1-4][\s_-]?\d{4}|(?P<month>[a-z]+)\.?\s+\d{4})\b")


def _of_period(text: str, start: Any) -> bool:
    """The label names the figure of a half, a quarter or a month that starts after the project's ``start``."""
    for found in _OF_PERIOD.finditer(text):
        if found.group("month") and found.group("month") not in numbers.MONTHS:
            continue
        bounds = numbers.period_bounds(found.group("period"))
        if bounds is not None and start is not None and hasattr(start, "year") and bounds[0] > start:
            return True
    return False


def _trailing_year(text: str) -> re.Match | None:
    """The year a label ends with, when the word before it is no month nor « fin », « depuis »...: the year
    (group 1) of the figure it names."""
    found = _TRAILING_YEAR.search(text)
    if found is None or found["word"] in numbers.MONTHS or found["word"] in _BEFORE_A_DAY:
        return None
    return re.search(r"((?:19|20)\d\d)\s*$", text)


def _one_year(label: Any, start: Any, described: Any, label_alone: Any = None) -> str | None:
    """Why a figure cumulated from the project's start to ``described`` is not the one its label (or its printed
    value, « 300 par an ») names: one year's (« Dépenses annuelles 2020 »), one month's or quarter's (« 16 par
    mois »), or some years' not from the start (« Dépenses 2019-2020 », started in 2018); they were « Conforme »
    beside the cumulated figure. A report's name (« rapport annuel 2020 ») is not the figure's period. None
    otherwise. ``label_alone``: the label without the printed value, whose last word may be the year (« Part des
    femmes 2020 »)."""
    text = _REPORT_NAME.sub(" ", fold(label)) if isinstance(label, str) else ""
    if _PER_PERIOD.search(text) or _of_period(text, start):
        return (f"its label or its value speaks of a figure per month, quarter, half-year or week, and the figure "
                f"computed is the whole project's up to {described.isoformat()} (cumulated since its start): the "
                "workbook computes no such figure (compare the cumulated figure the report gives, or leave this one "
                "out)")
    if _YEARLY.search(text):
        return (f"its label or its value speaks of one year's figure, and the figure computed is the whole project's "
                f"up to {described.isoformat()} (cumulated since its start): the workbook computes no yearly figure "
                "(compare the cumulated figure the report gives, or leave this one out)")
    years = _LABEL_YEARS.search(text)
    first = int(years.group(1)) if years else None
    if years and int(years.group(2)[-2:]) <= first % 100:   # « 2020-06 » of a day (2020-06-30): no years
        years = None
    ending = _trailing_year(_REPORT_NAME.sub(" ", fold(label_alone))) if isinstance(label_alone, str) else None
    if years is None and (one := _LABEL_YEAR.search(text) or ending) and start is not None and \
            hasattr(start, "year") and (int(one.group(1)) > start.year or described.year != int(one.group(1))):
        return (f"its label or its value names the year {one.group(1)} (the figure of that year, or at its end?), "
                f"and the figure computed is cumulated from the project's start ({start.isoformat()}) to "
                f"{described.isoformat()}: write the value alone, and in the label the day it describes (as of "
                f"31/12/{one.group(1)}, compared when it is the figure's), or leave this one out")
    last = years.group(2) if years else str(described.year)
    if years is None and (since := _SINCE_YEAR.search(text)):   # « depuis janvier 2019 »: 2019 to the date
        years, first = since, int(since.group(1))
    if years and start is not None and hasattr(start, "year") and first > start.year:
        named = f"{first}-{last}" if str(first)[-len(last):] != last else str(first)   # (« depuis 2021 » in 2021)
        return (f"its label names the years {named}, and the figure computed is cumulated from the "
                f"project's start ({start.isoformat()}) to {described.isoformat()}: the workbook computes no figure "
                "of some years (compare the cumulated figure the report gives, or leave this one out)")
    if years and start is not None and hasattr(start, "year") and \
            (int(last) if len(last) == 4 else first // 100 * 100 + int(last)) != described.year:
        # « Part des femmes (2019-2020) » beside the figure at 30/06/2021: years from the start, but to another end;
        # it was « Conforme »
        return (f"its label names the years {first}-{last}, and the figure computed is cumulated from the "
                f"project's start ({start.isoformat()}) to {described.isoformat()}: the workbook computes no figure "
                "of some years (compare the cumulated figure the report gives, or leave this one out)")
    return None


# a label (or a value) that leaves a part of the figure out (« Taux d'exécution hors Libye », « Part des femmes
# (excluding Libya) », « Dépenses sauf frais de gestion »): it was compared with the figure of the whole key, « Conforme »
# or an « Écart » of another figure. (« y compris », « including » leave nothing out.)
_LEFT_OUT = re.compile(r"(?:^|[\s(«,;:/\[-])(?:hors|sauf|excepte(?:e|s|es)?|a l'exclusion d(?:e|u|es|')|"
                       r"a l’exclusion d(?:e|u|es|’)|en dehors d(?:e|u|es|')|non compris|sans (?:la|le|les|l'|l’)|"
                       r"excluding|excluded|excl\.|except(?:ing| for)?|other than|apart from|not including|"
                       r"not counting)(?=[\s:(«'’]|$)(?P<what>[^,;()»]{0,60})")
# what the workbook leaves out itself: the cancelled activities of the physical rates (execution.py)
_LEFT_OUT_ALREADY = {"physical_execution_rate": re.compile(r"\b(?:annul|cancel)"),
                     "physical_progress_rate": re.compile(r"\b(?:annul|cancel)")}


def _left_out(words: str, metric: str, key: Any) -> str | None:
    """Why a figure whose label or value leaves a part out (« hors Libye ») is not compared with the figure of its
    whole key; None otherwise."""
    folded = fold(words)
    found = _LEFT_OUT.search(folded)
    if found is None or ((already := _LEFT_OUT_ALREADY.get(metric)) and already.search(found.group("what"))):
        return None
    start = found.start() + len(found.group(0)) - len(found.group(0).lstrip(" («,;:/[-"))
    end = found.start("what") + len(" ".join(found.group("what").split()[:3])) + (
        len(found.group("what")) - len(found.group("what").lstrip()))
    phrase = " ".join((words if len(words) == len(folded) else folded)[start:end].split())   # (as written)
    return (f"its label or its value leaves a part out ('{phrase}'), and the figure computed for '{key}' leaves "
            "nothing out: the workbook computes no figure without a part (compare each part's figure the report gives, or reword the "
            "label if the data leave that part out too)")


# a published target (« Cible : 5 000 personnes formées », « objectif de 5 000 », « 40 % (cible) », « 5 000 prévus »,
# « Target share of women »): it was compared with the figure achieved, « Écart » (or « Conforme » where the two were
# equal). « Taux d'atteinte de la cible », « par rapport à l'objectif » speak of the achieved figure; « objectif
# spécifique 1 », « public cible », « target group » are no target figure.
_TARGET_WORDS = r"(?:valeurs? )?cibles?|objectifs?|targets?(?: values?)?|goals?"
_OF_TARGET = re.compile(rf"\b(?:de la|de l['’]|des|du|aux?|a la|a l['’]|par rapport (?:a la|a l['’]|aux?)|"
                        rf"sur (?:la|l['’])|of the|of|against(?: the)?|towards?(?: the)?|vs\.?|versus)\s*"
                        rf"(?:{_TARGET_WORDS})\b")
_NOT_A_TARGET = re.compile(rf"\b(?:{_TARGET_WORDS})\s+(?:specifiques?|generale?s?|globale?s?|de developpement|"
                           r"immediate?s?|strategiques?|operationnele?s?|specific|overall|development|immediate|"
                           r"strategic|groups?|populations?|areas?|countries|\d+\b(?!\s*\d)|achieved|reached|met|"
                           r"atteinte?s?|realisee?s?|depassee?s?|exceeded)|"   # (« Objectif atteint : 40 % »)
                           r"\b(?:public|groupes?|populations?|pays|zones?|regions?|beneficiaires|menages)\s+cibles?\b")
_TARGET = re.compile(
    rf"(?:^|;)\s*[«\"“(\[]*\s*(?:{_TARGET_WORDS})\b"   # at the start: « Cible : 5 000 », « Target share of women »
    rf"|\b(?:{_TARGET_WORDS})\s*(?::|=|(?:de|d['’]|of)\s*\d)"   # « objectif de 5 000 », « … (objectif : 5 000) »
    rf"|[(\[]\s*(?:{_TARGET_WORDS}|prevue?s?|visee?s?|attendue?s?|planned|expected|targeted)\s*[)\]:]"   # « (cible) »
    # (a label's « prévu », « visée » is not read: « plus de la moitié du budget prévu », « la population visée »
    # qualify the denominator, not the figure)
    r"|\d\s*%?\s*(?:prevue?s?|visee?s?|attendue?s?|planned|expected|targeted)\b")   # « 5 000 prévus »
# the figures achieved, of which the workbook computes no target (the budget is itself a plan, an indicator has its
# own target, compared instead; an impact estimate is no target)
ACHIEVED = (AT_REPORTING_DATE - {"budget", "unallocated_budget"}) | {"cost_per_unit", "survey_mean", "survey_total",
                                                                      "survey_share", "survey_ratio"}


# (« Personnes formées (objectif : 5 000) »: the target quoted beside the figure achieved)
_AS_PLANNED = re.compile(r"\b(?:comme|que|tel que|telle que|as|than)\s+(?:prevue?s?|planned|expected|targeted)\b|"
                         rf"[(\[]\s*(?:{_TARGET_WORDS})\s*(?::|=|de|d['’]|of)\s*\d[^()\[\]]*[)\]]")


# a rate or share the label says planned (« Taux d'exécution prévu », « Part des femmes visée », « Planned execution
# rate »): it was compared with the one achieved. Not when the participle follows an amount (« Taux d'exécution du
# budget prévu »: the planned budget is the rate's denominator) nor a group (« part de la population visée »).
_PLANNED_RATE = re.compile(r"\b(?:taux|part|proportion|pourcentage)\b(?P<between>(?:\s+[a-z'’-]+){0,3}?)\s+"
                           r"(?:prevue?s?|visee?s?|attendue?s?|escomptee?s?)\s*(?:$|[:;(])"
                           r"|\b(?:planned|expected|targeted|projected)\s+(?:[a-z-]+\s+){0,2}"
                           r"(?:rates?|shares?|percentages?|proportions?)\b")
_PLANNED_WHAT = re.compile(r"\b(?:budgets?|montants?|depenses?|couts?|financements?|populations?|publics?|groupes?|"
                           r"beneficiaires|menages)\b")


def target_words(words: str) -> str | None:
    """The words that make a published figure a target (« cible : », « objectif de 5 »), None when none do."""
    folded = fold(words)
    text = folded
    for phrases in (_OF_TARGET, _NOT_A_TARGET, _AS_PLANNED):   # (blanked: the match's place is the words')
        text = phrases.sub(lambda m: " " * len(m.group(0)), text)
    found = _TARGET.search(text)
    if found is None:
        found = next((m for part in [text] for m in _PLANNED_RATE.finditer(part)
                      if not _PLANNED_WHAT.search(m.group("between") or "")), None)
    if found is None:
        return None
    said = (words if len(words) == len(folded) else folded)[found.start():found.end()]   # (as written)
    return " ".join(said.strip(" ;«»\"“”()[]:=").split())


def _indicator_targets(indicators: pd.DataFrame | None) -> dict[str, tuple[float, float, float]]:
    """{folded figures key: (its target, its final target, its actual)} of an indicators table."""
    if not _present(indicators) or not {"indicator_id", "period"} <= set(indicators.columns):
        return {}
    table = indicators.copy()
    for column in ("sex", "country", "target", "target_final", "actual"):
        if column not in table:
            table[column] = None
    keys = key_of_indicator(table)
    target, final, actual = (pd.to_numeric(table[c], errors="coerce") for c in ("target", "target_final", "actual"))
    return {fold(k): (t, f, a) for k, t, f, a in zip(keys, target, final, actual)}


def _compared_with_target(rec: pd.DataFrame, indicators: pd.DataFrame | None, mark: str | None) -> None:
    """A published indicator figure whose label or value speaks of a target (« Cible : 20 personnes formées » keyed
    'I1@2020') was compared with the indicator's achievement (50 %): an « Écart » of -30. It is compared with the
    indicator's target (``target`` for indicator_achievement, ``target_final`` for indicator_achievement_final), or
    not computable when the table gives none; the other figures achieved are not computable (the workbook computes
    no target of them). ``rec`` is changed in place."""
    words = [" ; ".join(str(w) for w in (label, value) if isinstance(w, str))
             for label, value in zip(rec["label"], rec["printed"])]
    metric = rec["metric"].astype(str).str.strip()
    asked = [i for i, m, w, st in zip(rec.index, metric, words, rec["status"])
             if st != reconcile.NOT_COMPUTABLE and (m in ACHIEVED or m in ("indicator_achievement",
                                                                            "indicator_achievement_final"))
             and target_words(w)]
    if not asked:
        return
    targets = _indicator_targets(indicators) if metric[asked].isin(["indicator_achievement",
                                                                      "indicator_achievement_final"]).any() else {}
    for i in asked:
        said, m, key = target_words(words[rec.index.get_loc(i)]), metric[i], str(rec.at[i, "key"])
        if m in ACHIEVED:
            rec.loc[i, ["status", "note"]] = [reconcile.NOT_COMPUTABLE, (
                f"its label or its value speaks of a target ('{said}'), and the figure computed for '{key}' is "
                f"what was achieved: the workbook computes no target of '{m}' (compare the achieved figure the "
                "report gives, or leave this one out)")]
            rec.at[i, "computed"] = np.nan
            continue
        final = m == "indicator_achievement_final"
        target, target_final, _ = targets.get(fold(key), (np.nan, np.nan, np.nan))
        value = target_final if final else target
        column = "target_final" if final else "target"
        if pd.isna(value):
            rec.loc[i, ["status", "note"]] = [reconcile.NOT_COMPUTABLE, (
                f"its label or its value speaks of a target ('{said}'), and the indicators table gives no "
                f"{column} for '{key}': the figure computed is its achievement (%), another figure")]
            rec.at[i, "computed"] = np.nan
            continue
        printed = reconcile.value_date(reconcile.value_base(rec.at[i, "printed"])[0])[0]
        result = reconcile.classify(printed, float(value), rec.at[i, "comparison"], mark)
        rec.loc[i, ["status", "note"]] = [result.status, f"{reconcile.TARGET_NOTE} {column} ({float(value)!r}), not "
                                                         f"with its achievement (%); {result.note}"]
        rec.at[i, "computed"], rec.at[i, "unit"] = float(value), ""


def _compared_with_actual(rec: pd.DataFrame, indicators: pd.DataFrame | None, mark: str | None) -> None:
    """A published indicator figure printed without '%' that the achievement rate does not match and the indicator's
    actual value does (« 10 personnes » keyed 'I1@2020', 10 trained of a target of 20): it was an « écart de -40 »
    beside the rate (50 %), for a figure the report gives right. It is compared with the actual value, the annex
    saying so. ``rec`` is changed in place."""
    metric = rec["metric"].astype(str).str.strip()
    asked = rec.index[metric.isin(["indicator_achievement", "indicator_achievement_final"]).to_numpy(dtype=bool)
                      & rec["status"].eq(reconcile.MISMATCH).to_numpy(dtype=bool)]
    asked = [i for i in asked if not reconcile._PERCENT.search(fold(str(rec.at[i, "printed"])))]
    if not asked:
        return
    targets = _indicator_targets(indicators)
    for i in asked:
        actual = targets.get(fold(str(rec.at[i, "key"])), (np.nan, np.nan, np.nan))[2]
        if pd.isna(actual):
            continue
        printed = reconcile.value_date(reconcile.value_base(rec.at[i, "printed"])[0])[0]
        result = reconcile.classify(printed, float(actual), rec.at[i, "comparison"], mark)
        if result.status in (reconcile.MATCH, reconcile.TRUNCATED):
            rec.loc[i, ["status", "note"]] = [result.status, f"{reconcile.ACTUAL_NOTE} ({float(actual)!r}), not "
                                                             f"with its achievement (%); {result.note}"]
            rec.at[i, "computed"], rec.at[i, "unit"] = float(actual), ""


def countries_of(tables: dict[str, Any]) -> list[str]:
    """The countries the tables' rows name (not the project as a whole: empty, 'regional'; not the published
    figures': their country may be a word for the whole, « Total »)."""
    found: dict[str, str] = {}
    for name, table in tables.items():
        if name != "reported" and isinstance(table, pd.DataFrame) and "country" in table and len(table):
            for country in table["country"].dropna().astype(str).unique():
                if fold(country) and fold(country) != fold(REGIONAL) and not is_all(country):
                    found.setdefault(fold(country), country.strip())
    return list(found.values())


def _one_country(words: str, key: Any, countries: Iterable[str]) -> str | None:
    """Why a figure of the whole project (key 'all' or 'total') whose label names one of its countries (« Part des
    femmes au Maroc ») is not compared with the whole's: it was, « Conforme » or an « Écart » of another figure."""
    countries = list(countries)
    if fold(str(key).split("@")[0]) not in ("all", "total") or len(countries) < 2:   # (one country: the whole)
        return None
    text = fold(words)
    named = [c for c in countries if re.search(rf"(?<![\w-]){re.escape(fold(c))}(?![\w-])", text)]
    if len(named) != 1:   # (none, or several: « Maroc et Tunisie », the whole maybe)
        return None
    at = "@" + str(key).split("@", 1)[1] if "@" in str(key) else ""   # (« total@2019-12-31 »: 'Libye@2019-12-31')
    return (f"its label names one country ('{named[0]}'), and the figure computed for '{key}' is the whole "
            f"project's: write '{named[0]}' in its country column (its annex checks it), or the key '{named[0]}{at}' "
            "where the project-wide annex computes the figure by country")


# a label of the whole project's figure (« Part des femmes, tous pays confondus », « (ensemble du projet) », « dans les
# quatre pays », « all countries »): in a country's annex it was compared with that country's figure (« Conforme »)
_WHOLE_PROJECT = re.compile(
    r"\b(?:tous (?:les )?pays(?: confondus)?|toutes (?:les )?regions(?: confondues)?|l?['’]?ensemble (?:du projet|des "
    r"pays)|(?:les|des|aux|dans les) (?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+) pays|au niveau (?:du "
    r"projet|regional)|all (?:the )?(?:(?:two|three|four|five|six|\d+) )?countries|(?:the )?whole project|"
    r"project[- ]wide|across (?:the )?(?:(?:two|three|four|five|six|\d+) )?countries)\b")


# the men's share printed beside women_share (« Part des hommes : 40 % », « 60 % d'hommes », « Share of men »): « 40 % »
# was « Conforme » beside 40 % of women (the report says 60 % of women), « 60 % » an « Écart » of 20 for a right figure
_MEN_SHARE = re.compile(r"\b(?:part|proportion|pourcentage|taux|share|percentage|ratio)\s+(?:des\s+|d['’]\s*|de\s+|of\s+)?"
                        r"(?:hommes|garcons|men|males?|boys)\b|%\s*(?:des\s+|d['’]\s*|de\s+|of\s+|sont\s+des\s+|are\s+)?"
                        r"(?:hommes|garcons|men|males?|boys)\b")
_WOMEN_WORD = re.compile(r"\b(?:femmes?|filles?|women|woman|females?|girls?|feminine?s?)\b")


# the men per woman printed beside gender_parity_index (women / men): « Ratio hommes/femmes : 1,5 » was an « Écart » of
# 0,833 for a right figure (not « (H/F) » alone: often « by sex »)
_MEN_OVER_WOMEN = re.compile(r"\b(?:hommes?\s*/\s*femmes?|hommes? par femmes?|males?[\s-]+(?:to|per)[\s-]+females?|"
                             r"men[\s-]+(?:to|per)[\s-]+wom[ae]n|(?:ratio|rapport)\s+(?:h\s*/\s*f|m\s*/\s*f))\b")


def _men_share(words: str, metric: str = "women_share") -> str | None:
    """Why a women's share printed as the men's (« Part des hommes ») or a parity index as men / women (« Ratio
    hommes/femmes ») is not compared; None otherwise."""
    folded = fold(words)
    if metric == "gender_parity_index":
        found = _MEN_OVER_WOMEN.search(folded)
        return None if found is None else (
            f"its label or its value gives the men's ratio to women ('{found.group(0)}'), and the index computed is "
            "women / men: write the index the report gives as women / men (1 / 1,5 = 0,67), or leave this one out")
    found = _MEN_SHARE.search(folded)
    if found is None or _WOMEN_WORD.search(folded):   # (« Part des femmes et des hommes »: not said which)
        return None
    return (f"its label or its value gives the men's share ('{found.group(0)}'), and the figure computed is the "
            "women's share: write the women's share the report gives, or leave this one out (with participants of "
            "unknown sex the men's share is not 100 % minus the women's)")


def _whole_project(words: str, country: Any) -> str | None:
    """Why a figure of a country's annex whose label or value says it is the whole project's is not compared with
    the country's; None otherwise."""
    found = _WHOLE_PROJECT.search(fold(words))
    if found is None:
        return None
    return (f"its label or its value speaks of the whole project ('{found.group(0)}'), and the figure computed in "
            f"this annex is {country}'s: leave its country column empty (or 'regional') to check it in the "
            "project-wide annex, or reword the label if the figure is the country's")


def dated_elsewhere(rec: pd.DataFrame, params: Any, indicators: pd.DataFrame | None = None,
                    countries: Iterable[str] = ()) -> pd.Series:
    """Per reconciled figure, why it is not comparable when its label dates it on another day than the figure the
    workbook computed describes (the reporting date, or a budget key's '@date'; an indicator's period, from
    ``indicators``); None otherwise. (« Dépenses au 30 juin 2020 : 1,2 million » was compared with the spending at
    31/12/2020; « 80 % au 30 juin 2021 » with the indicator's 2020 value.)"""
    out = pd.Series(None, index=rec.index, dtype="object")
    reporting = getattr(params, "reporting_date", None)
    if "label" not in rec:
        return out
    periods = _indicator_periods(indicators) if rec["metric"].astype(str).str.strip().isin(
        INDICATOR_METRICS).any() else {}
    printed = rec["printed"] if "printed" in rec else pd.Series("", index=rec.index)   # (« 300 par an »)
    # the date written after the value (« 300 au 2020-06-30 »: reconcile.value_date), read as a label's is
    dated = rec["dated"] if "dated" in rec else printed.map(
        lambda v: reconcile.value_date(reconcile.value_base(v)[0])[1])
    for i, metric, key, label, status, value, said in zip(rec.index, rec["metric"], rec["key"], rec["label"],
                                                          rec["status"], printed, dated):
        metric = str(metric).strip()
        of_value = _label_dates(said) if isinstance(said, str) and said else []
        # « 40 % en 2021 »: a year, the figure of that year or at its end? An indicator's period of that year; a
        # figure cumulated to the reporting date, read as a label's year is (_one_year, on the printed value)
        year = re.fullmatch(r"en (\d{4})", said) if isinstance(said, str) else None
        if year and metric in INDICATOR_METRICS:
            of_value = [date(int(year.group(1)), 12, 31)]
        if said and status != reconcile.NOT_COMPUTABLE and (not of_value or (
                metric not in INDICATOR_METRICS and metric not in AT_REPORTING_DATE)) and not (
                year and metric in AT_REPORTING_DATE):
            out[i] = (f"its value is written with a date ('{said.split(' ', 1)[1]}') that the workbook cannot compare "
                      "with the figure it computes: write the value alone, and the date in the label")
            continue
        if status != reconcile.NOT_COMPUTABLE and (part := _left_out(" ; ".join(
                str(w) for w in (label, value) if isinstance(w, str)), metric, key)) is not None:
            out[i] = part   # « Taux d'exécution hors Libye » beside the whole project's
            continue
        if status != reconcile.NOT_COMPUTABLE and canonical_metric(metric) in ("women_share", "gender_parity_index") \
                and (men := _men_share(" ; ".join(str(w) for w in (label, value) if isinstance(w, str)),
                                       canonical_metric(metric))) is not None:
            out[i] = men   # « Part des hommes : 40 % » beside 40 % of women: « Conforme »
            continue
        if status != reconcile.NOT_COMPUTABLE and not is_all_annex(params) and (whole := _whole_project(" ; ".join(
                str(w) for w in (label, value) if isinstance(w, str)), getattr(params, "country", ""))) is not None:
            out[i] = whole   # « Part des femmes, tous pays confondus » beside Maroc's, in Maroc's annex
            continue
        if status != reconcile.NOT_COMPUTABLE and countries and (one := _one_country(" ; ".join(
                str(w) for w in (label, value) if isinstance(w, str)), key, countries)) is not None:
            out[i] = one   # « Part des femmes au Maroc » beside the whole project's
            continue
        if metric in INDICATOR_METRICS and status != reconcile.NOT_COMPUTABLE and (
                days := of_value or _label_dates(label)):
            out[i] = _indicator_dated(key, days, periods, "value" if of_value else "label")
            continue
        if metric in INDICATOR_METRICS and status != reconcile.NOT_COMPUTABLE and isinstance(label, str) and (
                named := _LABEL_YEAR.search(_REPORT_NAME.sub(" ", fold(label)))) and (
                found := periods.get(fold(str(key)))) and not (
                found[0][0].year <= int(named.group(1)) <= found[0][1].year):
            # « Personnes formées en 2021 » keyed 'I1@2020': it was compared with the 2020 period, « Conforme »
            out[i] = _indicator_dated(key, [date(int(named.group(1)), 12, 31)], periods, "label")
            continue
        if reporting is None:
            continue
        if metric not in AT_REPORTING_DATE or status == reconcile.NOT_COMPUTABLE:
            continue
        days = of_value or _label_dates(label)
        described = budget_mod.as_of_date(key) if metric in BUDGET_METRICS else None
        described = described or reporting
        # (« 40 %, 2021 »: the value's year as value_date read it, « en 2021 »)
        words = " ".join(str(part) for part in (label, value, said if year else None) if isinstance(part, str))
        if (yearly := _one_year(words, getattr(params, "start_date", None), described, label)) is not None:
            out[i] = yearly
            continue
        month = _month_without_year(label) if isinstance(label, str) and not days else None
        if month and month[1]:
            # « en juillet-août 2021 »: the figure of those months (it was said « without its year »)
            out[i] = (f"dated by months of a year ('{month[1]}') in its label: the figure of those months, and the "
                      f"figure computed is cumulated to {described.isoformat()}; the workbook computes no such "
                      "figure (write the day it describes with its year in the label, 30/06/2021)")
            continue
        if month and numbers.MONTHS.get(month[0]) != described.month:
            # « Part des femmes à fin mars » beside the figure at 30/06/2021: March of which year? (« Conforme »)
            out[i] = (f"{reconcile.MONTH_NOTE} ('{month[0]}') in its label: the figure computed "
                      f"describes {described.isoformat()}; write the day with its year in the label (30/06/2021)")
            continue
        if not days or any(day == described for day in days):
            continue
        day = days[0].isoformat()
        how = (f"write the key '{str(key).rsplit('@', 1)[0]}@{day}' to compute it at that date"
               if metric in BUDGET_METRICS else "the workbook computes it at the reporting date only")
        out[i] = (f"dated {day} by its {'value' if of_value else 'label'}, the figure computed describes "
                  f"{described.isoformat()}: {how} (a label whose date is not the figure's: reword it)")
    return out


def _sex_unknown(rec: pd.DataFrame, participation: pd.DataFrame | None) -> pd.Series:
    """Per reconciled women's share whose counted events hold participants of unknown sex (participants - women - men,
    a register's blank sex: left out of its denominator), the sentence that says so with the share of all their
    participants (reconcile.ALL_PARTICIPANTS_NOTE): a report's « 40 femmes sur 100 participants (40 %) » was an
    « écart de -4,44 » beside 40 of the 90 whose sex is known, nothing said of the 10 others. (Events without a women
    count are not in either share.) None for the other figures."""
    out = pd.Series(None, index=rec.index, dtype="object")
    asked = rec["metric"].astype(str).str.strip().eq("women_share")
    if not asked.any() or not _present(participation):
        return out
    found: dict[str, tuple[float, float, float]] = {}
    for by in ["group", "event_id", "country", None]:   # (the most specific last: an event's key wins)
        if by is not None and by not in participation:
            continue
        shares = gender.women_share(participation, by)
        left = shares["participants_sex_unknown"] - shares["participants_not_in_share"]
        keys = [ALL_KEY] if by is None else shares[by].astype(str)
        found.update({fold(str(k)): (w, n, u) for k, w, n, u in zip(keys, shares["women"], shares["participants"],
                                                                    left)})
    for i, key in zip(rec.index[asked], rec.loc[asked, "key"]):
        women, known, left = found.get(fold(str(key)), (0.0, 0.0, 0.0))
        if left > 0 and known > 0:
            share = women / (known + left) * 100
            out[i] = (f"of the {known:.0f} participants whose sex is known, {left:.0f} of unknown sex left out; "
                      f"{reconcile.ALL_PARTICIPANTS_NOTE} {share!r} %")
    return out


def persons_caution(parts: list[pd.DataFrame]) -> str | None:
    """When a register counts some persons at several events, the women's share of the participations (key all) is
    not that of the persons a report may mean (« 60 % des personnes formées » where 4 women of 12 persons came to
    three trainings each): the sentence the reconciliation of women_share [all] says, with the persons' share
    (PERSONS_NOTE); None when every person came once, or the register names none."""
    rows = [part[(part["metric"] == "persons") | ((part["metric"] == "women_share") & (part["key"] == PERSONS_KEY))]
            for part in parts if len(part) and "metric" in part]
    found = pd.concat(rows) if rows else pd.DataFrame()
    if not len(found) or (found["metric"] == "persons").sum() != 1:
        return None
    who = found[found["metric"] == "persons"].iloc[0]
    share = found.loc[found["metric"] == "women_share", "value"]
    if pd.isna(who["n"]) or float(who["value"]) >= float(who["n"]) or not len(share) or pd.isna(share.iloc[0]):
        return None
    return (f"of the {float(who['n']):.0f} participations, a person at several events counted at each "
            f"({float(who['value']):.0f} distinct persons); {reconcile.PERSONS_NOTE} {float(share.iloc[0])!r} % "
            f"(key '{PERSONS_KEY}')")


def known_keys(parts: list[pd.DataFrame], reported: pd.DataFrame) -> dict[str, list[str]]:
    """metric -> every key computed, for the metrics the reported figures name (their "did you mean")."""
    asked = set(reported["metric"].astype(str).str.strip())
    keys: dict[str, list[str]] = {}
    for part in parts:
        if not len(part):
            continue
        rows = part[part["metric"].isin(asked).to_numpy(dtype=bool)]
        for metric, group in rows.groupby("metric", sort=False):
            keys.setdefault(str(metric), []).extend(group["key"].astype(str).unique().tolist())
    return keys


def _several_countries(study: Any) -> bool:
    """Whether a study shown whole in a country annex has several countries' rows under another header (« Pays »):
    its figures are then not the country's (a study without such a column may be of that country alone)."""
    from ..data.model import country_named_otherwise

    column = country_named_otherwise(study.data)
    return column is not None and study.data[column].dropna().map(fold).nunique() > 1


WHOLE_STUDY_NOTE = ("the study's data have no 'country' column: the figure computed is the whole study's, over every "
                    "country's rows, not this country's (name the study's country column 'country')")   # (« Pays »)


def reconciliation_figures(reported: pd.DataFrame, figures: pd.DataFrame, params: Any,
                           keys: dict[str, list[str]] | None = None, persons: str | None = None,
                           participation: pd.DataFrame | None = None,
                           indicators: pd.DataFrame | None = None, countries: Iterable[str] = (),
                           whole: Iterable[str] = ()) -> pd.DataFrame:
    """reported_figure rows: each printed figure compared with the computed one (see reconcile.reconcile);
    ``keys`` (see ``known_keys``): a figure that matches nothing gets the closest keys of its metric; ``persons``
    (see ``persons_caution``): said beside a women's share of all the participations; ``whole``: the studies a
    country annex shows whole (no country column), whose figures are not the country's."""
    from ..data.params import report_decimal_mark

    mark = report_decimal_mark(params)
    rec = reconcile.reconcile(reported, figures, decimal_mark=mark, known_keys=keys, metrics=METRICS,
                              currency=getattr(params, "currency", None))
    if rec.empty:
        return _finish([])
    # « 45 % au 30 juin 2020 » beside the figure at 31/12/2020; « au Maroc » beside the project's (``countries``)
    dated = dated_elsewhere(rec, params, indicators, countries)
    if dated.any():
        rec.loc[dated.notna(), ["status", "note"]] = [reconcile.NOT_COMPUTABLE, ""]
        rec["note"] = rec["note"].where(dated.isna(), dated)
        rec["computed"] = rec["computed"].where(dated.isna())
    # « Cible : 5 000 personnes formées » beside the figure achieved: the indicator's target, or not computable
    _compared_with_target(rec, indicators, mark)
    _compared_with_actual(rec, indicators, mark)   # « 10 personnes » beside the indicator's rate: its actual value
    whole = {fold(name) for name in whole}
    if whole:   # the Maroc annex's effect of a study without a country column is every country's: not Maroc's
        study = rec["key"].astype(str).map(lambda key: fold(key.split(":", 1)[0]))
        mine = (rec["metric"].astype(str).str.strip().isin(SECTION_METRICS["impact"]) & study.isin(whole)
                & rec["status"].ne(reconcile.NOT_COMPUTABLE)).to_numpy(dtype=bool)
        rec.loc[mine, ["status", "note"]] = [reconcile.NOT_COMPUTABLE, WHOLE_STUDY_NOTE]
        rec.loc[mine, "computed"] = np.nan
    notes = rec["metric"] + " [" + rec["key"] + "]: " + rec["note"]
    # « taux d'engagement », « committed »: commitments are not in the data; compared with the spending all the same
    committed = rec["metric"].str.strip().isin(SPENDING_METRICS) & rec["label"].map(
        lambda label: bool(_COMMITTED.search(fold(label))) if isinstance(label, str) else False).astype(bool)
    notes = notes.where(~committed, notes + "; " + reconcile.COMMITMENT_NOTE)
    unknown = _sex_unknown(rec, participation)   # « 40 femmes sur 100 participants (40 %) » beside 40 of 90 known
    notes = notes.where(unknown.isna(), notes + "; " + unknown.fillna(""))
    if persons is not None:   # the share of participations, where some persons came to several events: say so
        of_all = rec["metric"].str.strip().eq("women_share") & rec["key"].map(fold).isin(["all", "total"])
        notes = notes.where(~of_all, notes + "; " + persons)
    return _rows("reconciliation", "reported_figure", rec["figure_id"], rec["computed"], rec["unit"], rec["n"],
                 reported=rec["printed"], status=rec["status"], note=notes)


def unmatched_reported(data: Any, params: Any) -> pd.DataFrame:
    """The reported figures of one annex that name no figure the workbook computes, each with the closest keys of
    its metric (for ``make check``): columns figure_id, metric, key, suggestion. Impact figures are first looked up
    among the keys the studies' descriptions give; a reported impact figure not found there is looked up among the
    estimated ones, as the annex computes them."""
    scoped = scope(data, params.country)
    reported = reported_for_annex(data.tables.get("reported"), params).reset_index(drop=True)
    columns = ["figure_id", "metric", "key", "suggestion"]
    if reported.empty:
        return pd.DataFrame(columns=columns)
    impact = [("impact_effect", f"{name}:{o}") for name, s in scoped.studies.items() for o in s.spec.outcomes] + \
        [("balance_smd", f"{name}:{c}") for name, s in scoped.studies.items() for c in s.spec.covariates] + \
        [("impact_control_mean", f"{name}:{o}") for name, s in scoped.studies.items() for o in s.spec.outcomes] + \
        [(m, f"{name}:{arm}") for name in scoped.studies for m in ("impact_n_units", "impact_attrition")
         for arm in ("treated", "comparison")] + [("balance_joint_p", name) for name in scoped.studies]

    asked = {str(m).strip().lower() for m in reported["metric"]}

    def computed_keys(whole: bool) -> pd.DataFrame:
        computed = tables_figures(scoped.tables, params, reported=reported if whole else None,
                                  metrics=reported["metric"], surveys=data.surveys if is_all_annex(params) else None,
                                  by_group=whole)
        listed = [pd.DataFrame(impact, columns=["metric", "key"], dtype="str")]
        if whole and scoped.studies and not asked.isdisjoint(SECTION_METRICS["impact"]):
            # the impact figures whose keys the descriptions do not give (event_study_effect, impact_mde,
            # impact_adjusted_effect, impact_relative_effect...: methods, periods, 0/1 outcomes): estimated, as the
            # build does (they were said « not computable » by make check while the annex computes them)
            listed.append(impact_figures(scoped.studies)[["metric", "key"]])
        return pd.concat([computed[["metric", "key"]], *listed], ignore_index=True)

    # first the figures without keys per result, event, group... nor the ones only reported figures ask for (a
    # budget at a date, the reconciliation): a reported figure found among these is found among all, which are
    # computed only when one is not (for its suggestions)
    if not reconcile.unmatched(reported, computed_keys(whole=False)):
        return pd.DataFrame([], columns=columns)
    figures = computed_keys(whole=True)
    keys = known_keys([figures], reported)
    rows = []
    for i in reconcile.unmatched(reported, figures):
        metric = str(reported.at[i, "metric"]).strip()
        key = reconcile.default_key(metric, reported.at[i, "key"])
        rows.append([reported.at[i, "figure_id"], metric, key, reconcile.key_suggestion(metric, key, keys, METRICS)])
    return pd.DataFrame(rows, columns=columns)


def annex_figures(data: Any, params: Any, impact: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure of one annex (see the module docstring). ``data``: loader.ProjectData, unscoped.
    ``impact``: the annex's impact figures when already computed (annex_impact_figures), else computed here."""
    scoped = scope(data, params.country)
    reported = reported_for_annex(data.tables.get("reported"), params)
    # a survey's design covers the whole project: its estimates are in the project-wide annex only
    return tables_figures(scoped.tables, params, studies=scoped.studies, reported=reported,
                          per_country=is_all_annex(params), surveys=data.surveys if is_all_annex(params) else None,
                          impact=impact)


def annex_impact_figures(data: Any, params: Any) -> pd.DataFrame:
    """The impact figures of one annex: they depend on its studies only (the build keeps them between builds)."""
    return impact_figures(scope(data, params.country).studies)
