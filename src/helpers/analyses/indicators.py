"""Indicator tracking (IPTT): % of target met per indicator and period, RAG rating, and anomalies.

Input: the ``indicators`` table as loaded (schemas.COLUMNS["indicators"]): one row per indicator, period (and
optionally sex / country) with baseline, target (of the period), target_final (life of project) and actual.

Definitions (GUIDE.md, "Indicator tracking"):
- direction ``increase`` (the default when empty; a row without a direction takes the one the other rows of its
  indicator and country give: written once, as the baseline): achievement = actual / target x 100.
  Not when the direction is empty and a target lies below the baseline (data.spec.direction_not_given): which way
  is better is not known, and read as rising an unemployment rate from 20 down to 12.5 against a target of 10
  would be 125 %; not computable, until the direction is given.
- direction ``decrease``: achievement = (baseline - actual) / (baseline - target) x 100 (needs the baseline; a row
  without one takes the one baseline the other rows of its indicator, country and sex give: written once, on the
  first period's row, as an IPTT does).
- ``indicator_achievement`` uses the period ``target``; ``indicator_achievement_final`` the ``target_final``
  (a row without one takes the one final target the other rows of its indicator, country and sex give: written
  once, on the first or last period's row), same direction rule. Not computable (NaN with a note): no actual, no
  target, target 0 or less (increase), no baseline or baseline = target or below it, or a target below 0 (a change,
  not a level; decrease): never a rate over a denominator <= 0.
- RAG: green >= thresholds.rag_green, amber >= thresholds.rag_amber, else red; "" when not computable. The
  achievement is rounded to 9 decimals first: the float noise of a division (79.99999999999999 for 36.16 / 45.2,
  exactly 80 %) never decides a rating.

Anomalies (one row each: indicator_id, period, rule, note), direction-aware:
- ``baseline_beyond_final_target``: the baseline already meets or passes the final target
  (increase: baseline >= target_final; decrease: baseline <= target_final).
- ``baseline_beyond_period_target``: the same of the period target, when the final target does not say it already
  (a rising rate from 60 towards 50: 55 was 110 %, green).
- ``period_target_beyond_final_target``: a period target beyond the final target
  (increase: target > target_final; decrease: target < target_final).
- ``zero_target_with_actual``: target = 0 and a non-zero actual is reported, of an increasing indicator (a
  decreasing one's target of 0, no accident, is a usual target).
- ``missing_target``: neither target nor target_final.
- ``actual_falls``: an increasing indicator whose actual is below the one of its previous period, or of any earlier
  one (15, 10, 12: the 12 too; same country and sex; periods in time order, by their last day: 2020-06 before
  2020, T4 2020 before S1 2021; in the table's order when a period is no date). A setback, or values per period
  where the table wants the value reached to date: the achievement against the final target reads each actual as
  the total so far, and would understate it.
- ``direction_not_given``: the direction is empty and a target lies below the baseline (its achievement is not
  computed; the two rules above, read as rising, are not listed for it).
- ``fraction_for_percent``: an indicator whose unit is a percentage (`%`, `pourcentage`, `taux`, `pour cent`,
  `part`; without a unit, a label « Taux ... »: text.is_percentage) with an actual between 0 and 1 and a target (of the period or final) above 1: 0.45 typed for 45 %, read as 0.45 %; or the other
  way round, a target between 0 and 1 beside an actual above 1 (data.spec.fractions_for_percent).
- ``scale_not_from_zero``: a row of a scale whose lowest value is not 0 (unit « score (1-5) »): its % of the
  target counts from 0, which the scale does not have (3 of a target of 4 is 75 %, where 1 is the lowest score).
- ``targets_per_period``: an increasing count indicator whose period targets (two or more, each below the final
  target) add up to its final target (20 for 2020, 30 for 2021, 50 at the end): targets of each period beside an
  actual that is the total to date, so its % of the period target is overstated (45 by 2021: 150 % of 30, where 50
  were due by then); the rows after the first target (data.spec.targets_per_period).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ..data import numbers
from ..text import fold
from ..data.spec import (direction_not_given, direction_written_once, fractions_for_percent, targets_per_period,
                         total_target_on_sexes, unit_class, units_differ, written_once)

RAG_GREEN, RAG_AMBER, RAG_RED = "green", "amber", "red"
RULES = ("baseline_beyond_final_target", "baseline_beyond_period_target", "period_target_beyond_final_target", "zero_target_with_actual",
         "missing_target", "actual_falls", "direction_not_given", "fraction_for_percent", "targets_per_period",
         "total_target_on_sexes", "units_differ", "not_measured_since",
         "scale_not_from_zero")


def _decrease(indicators: pd.DataFrame) -> pd.Series:
    direction = indicators["direction"].astype("str").str.strip().str.lower()
    return direction.eq("decrease").fillna(False).astype(bool)


def _achievement(actual: pd.Series, baseline: pd.Series, target: pd.Series,
                 decrease: pd.Series, which: str, unclear: np.ndarray,
                 total_on_sex: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    a, b, t = (s.to_numpy(dtype="float64") for s in (actual, baseline, target))
    dec = decrease.to_numpy(dtype=bool)
    num = np.where(dec, b - a, a)
    den = np.where(dec, b - t, t)
    ok = np.isfinite(num) & np.isfinite(den) & (den > 0) & ~unclear  # never a rate over a denominator <= 0
    # the total's 200 written on the women's and the men's rows: 25 women were 12.5 % « of the women's target », red
    total_on_sex = np.zeros(len(a), dtype=bool) if total_on_sex is None else total_on_sex
    ok &= ~total_on_sex
    # a decreasing indicator's target of -20 is a change (a rate from 50 down by 20), not the level to reach: read as
    # a level, 45 was (50 - 45) / (50 + 20) = 7 % of the way, red, where it is 25 % of the way to 30
    with np.errstate(invalid="ignore"):
        ok &= ~(dec & (t < 0))
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(ok, num / np.where(ok, den, 1.0) * 100.0, np.nan)
    # binary fractions: 36.16 / 45.2 is 79.99999999999999, (14.2 - 9.8) / (14.2 - 8.7) 79.99999999999997, rated
    # amber against a green from 80 while shown « 80,0 % »; no data has 9 decimals of a percent
    value = np.round(value, 9)
    reason = np.select(
        [np.isnan(a), np.isnan(t), unclear, total_on_sex, dec & (t < 0), dec & np.isnan(b), dec & (b == t), ~dec & (t == 0),
         dec & (b < t), ~dec & (t < 0)],
        ["not computable: no actual", f"not computable: no {which}",
         "not computable: a target is below the baseline and the direction (increase or decrease) is not given",
         f"not computable: the {which} of this sex's row is its total's, written on the women's and the men's rows",
         f"not computable: {which} is negative, where a decreasing indicator's target is the level to reach (a "
         "change, -20 for a rate from 50 down to 30?)",
         "not computable: decreasing indicator without baseline",
         f"not computable: baseline equals {which}", f"not computable: {which} is 0",
         f"not computable: the baseline is below the {which} of a decreasing indicator",
         f"not computable: {which} is negative"],
        "")
    return value, reason


def rag(values: pd.Series | np.ndarray, thresholds: Any) -> np.ndarray:
    """green / amber / red from thresholds.rag_green and rag_amber; '' for NaN."""
    v = np.asarray(values, dtype="float64")
    return np.select([np.isnan(v), v >= thresholds.rag_green, v >= thresholds.rag_amber],
                     ["", RAG_GREEN, RAG_AMBER], RAG_RED)


def key_of_indicator(table: pd.DataFrame) -> pd.Series:
    """The figures key of each IPTT row (analyses.figures' module docstring): the id, then @<period> when it
    has several periods, /f or /m for a sex, /<country> when it has rows in several countries."""
    key = table["indicator_id"].astype(str)
    several_periods = table.groupby("indicator_id", dropna=False)["period"].transform("nunique") > 1
    key = key.where(~several_periods, key + "@" + table["period"].astype(str))
    sex = table["sex"].astype("str").str.strip().str.lower()
    by_sex = sex.isin(["f", "m"]).fillna(False).astype(bool)
    key = key.where(~by_sex, key + "/" + sex)
    several_countries = table.groupby("indicator_id", dropna=False)["country"].transform("nunique") > 1
    key = key.where(~several_countries, key + "/" + table["country"].astype(str))
    return key.astype(str)


def _baseline_of_indicator(ind: pd.DataFrame, column: str = "baseline") -> pd.Series:
    """Each row's baseline, or when empty the one baseline the other rows of its indicator (country, sex) give: an
    IPTT writes the baseline once, on the first period's row, and a decreasing indicator's later periods were « not
    computable: without baseline ». Rows giving two baselines are left as written. The same for the final target
    (``column``; data.spec.written_once)."""
    return written_once(ind, column)


def iptt(indicators: pd.DataFrame, thresholds: Any) -> pd.DataFrame:
    """The IPTT table, one row per input row, in input order.

    Columns: indicator_id, period, country, sex, label, level, unit, direction (filled: increase when empty),
    baseline, target, actual, indicator_achievement, rag, note, target_final, indicator_achievement_final,
    rag_final, note_final, n_periods (periods of that indicator in the table), key (its figures key, which tells
    rows of one indicator apart: SN-1@2021/f).
    """
    ind = indicators.assign(baseline=_baseline_of_indicator(indicators), direction=direction_written_once(indicators),
                            target_final=_baseline_of_indicator(indicators, "target_final"))
    decrease = _decrease(ind)
    unclear = direction_not_given(ind).to_numpy(dtype=bool)
    ach, why = _achievement(ind["actual"], ind["baseline"], ind["target"], decrease, "target", unclear,
                            total_target_on_sexes(ind, "target").to_numpy(dtype=bool))
    fin, why_fin = _achievement(ind["actual"], ind["baseline"], ind["target_final"], decrease, "final target", unclear,
                                total_target_on_sexes(ind, "target_final").to_numpy(dtype=bool))
    out = pd.DataFrame({
        "indicator_id": ind["indicator_id"].astype("str"), "period": ind["period"].astype("str"),
        "country": ind["country"].astype("str"), "sex": ind["sex"].astype("str"),
        "label": ind["label"].astype("str"), "level": ind["level"].astype("str"), "unit": ind["unit"].astype("str"),
        "direction": pd.Series(np.where(decrease, "decrease", "increase"), index=ind.index, dtype="str"),
        "baseline": ind["baseline"].astype("float64"), "target": ind["target"].astype("float64"),
        "actual": ind["actual"].astype("float64"), "indicator_achievement": ach,
        "rag": pd.Series(rag(ach, thresholds), index=ind.index, dtype="str"),
        "note": pd.Series(why, index=ind.index, dtype="str"),
        "target_final": ind["target_final"].astype("float64"), "indicator_achievement_final": fin,
        "rag_final": pd.Series(rag(fin, thresholds), index=ind.index, dtype="str"),
        "note_final": pd.Series(why_fin, index=ind.index, dtype="str"),
    })
    out["n_periods"] = out.groupby("indicator_id", dropna=False)["period"].transform("nunique").astype("int64")
    out["key"] = key_of_indicator(out).to_numpy()
    out = out.reset_index(drop=True)
    # the limits of its ratings, for a table to show 79.99 as such beside its amber, never « 80,0 % »
    out.attrs["rag_thresholds"] = (float(thresholds.rag_green), float(thresholds.rag_amber))
    return out


def other_reasons(table: pd.DataFrame, final: bool = True) -> pd.DataFrame:
    """The IPTT rows whose achievement (of the final target, else of the period's) is not computable for another
    reason than a missing target or value (a direction not given, a baseline equal to the target...): key and note,
    for the annex to say row by row what its table's column note cannot."""
    rate, note = ("indicator_achievement_final", "note_final") if final else ("indicator_achievement", "note")
    usual = table[note].str.match(r"not computable: no (actual|target|final target)\b", na=False)
    rows = table[table[rate].isna() & table[note].str.startswith("not computable", na=False) & ~usual]
    return rows[["key", note]].rename(columns={note: "note"}).reset_index(drop=True)


def tracking_counts(table: pd.DataFrame) -> dict[str, int]:
    """What the IPTT table (iptt) counts: indicators (an id; its rows of several countries, and the project's total
    beside them, are one indicator, unless they give it different labels: then each label is one), rows (an indicator
    has one per period, sex and country), and the rows with a final target and a measured value (``measured``), of
    them green. An indicator is not a row: four rows of two indicators are two indicators; I1 of Maroc, of Tunisie
    and of the whole project was « 3 indicateurs suivis »."""
    labels = table["label"] if "label" in table else pd.Series(None, index=table.index, dtype="object")
    named = pd.DataFrame({"id": table["indicator_id"].astype("str"),
                          "label": labels.map(lambda v: fold(str(v)) if isinstance(v, str) and v.strip() else None)})
    per_id = named.groupby("id", sort=False)["label"].nunique()
    # `nombre` in Maroc and `%` in Tunisie under one id are two measures (data.spec.units_differ): two indicators
    if "unit" in table:
        units = unit_class(table["unit"])
        per_id = np.maximum(per_id, units.where(units.ne("")).groupby(named["id"], sort=False).nunique())
    return {"indicators": int(per_id.clip(lower=1).sum()), "rows": int(len(table)),
            "measured": int(table["indicator_achievement_final"].notna().sum()),
            "green": int((table["rag_final"] == RAG_GREEN).sum())}


def _previous_actual(ind: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each row's actual of the previous period of the same indicator, country and sex (NaN for the first), and the
    highest actual of the periods before it (NaN when none was measured)."""
    if ind.empty:
        return np.array([], dtype="float64"), np.array([], dtype="float64")
    periods = ind["period"].astype("str")
    # in time order, by each period's last day (2020-06 before 2020, T4 2020 before S1 2021: as text, 2020 came
    # before 2020-06, and one period not starting with its year put every row in the table's order); the table's
    # order for a period that is no date, and between periods ending on one day
    spans = {p: numbers.period_span(p) for p in periods.unique()}
    if all(span is not None for span in spans.values()):
        when = periods.map(lambda p: spans[p][1].isoformat())
    else:
        when = periods if bool(periods.str.match(r"^\d{4}").all()) else pd.Series("", index=ind.index)
    order = ind.assign(_period=when.to_numpy(), _row=np.arange(len(ind))).sort_values(
        ["_period", "_row"], kind="mergesort")
    keys = [order[c].astype("str").fillna("") for c in ("indicator_id", "country", "sex")]
    previous = order.groupby(keys, sort=False)["actual"].shift(1)
    # 15, 10, 12 (values per period): 12 rose from 10 but is still below the 15 reached before; the last period's
    # row, the one rated, was told nothing. An empty actual between them breaks no comparison
    highest = order["actual"].groupby(keys, sort=False).cummax().groupby(keys, sort=False).ffill()
    highest = highest.groupby(keys, sort=False).shift(1)
    return tuple(s.reindex(order.index).sort_index().to_numpy(dtype="float64", na_value=np.nan)
                 for s in (previous, highest))


# a unit of a scale whose lowest value is not 0: « score (1-5) », « échelle de 1 à 4 », « scale 1 to 10 »
# (with a word of a scale: « jeunes (15-35 ans) » is a count)
_SCALE = re.compile(r"\b([1-9]\d*)\s*(?:-|–|à|a|to)\s*(\d+)\b", re.IGNORECASE)
_SCALE_WORD = re.compile(r"score|[ée]chelle|scale|likert|\bnote|rating|niveau|level|points?\b", re.IGNORECASE)


def _scale_floor(ind: pd.DataFrame) -> np.ndarray:
    """The lowest value of each row's scale (1 for « score (1-5) »), NaN for a unit that is no such scale."""
    units = ind["unit"].astype("str") if "unit" in ind else pd.Series("", index=ind.index)
    floors = {}
    for unit in units.dropna().unique():   # (a few distinct units)
        found = _SCALE.search(str(unit)) if _SCALE_WORD.search(str(unit)) else None
        floors[unit] = float(found.group(1)) if found and int(found.group(1)) < int(found.group(2)) else np.nan
    return units.map(floors).to_numpy(dtype="float64", na_value=np.nan)


def _not_measured_since(ind: pd.DataFrame) -> tuple[np.ndarray, str]:
    """The last measured row of each indicator (country, sex) whose period ends more than a year before the last
    measured period of the table (I5's 18 of 2019 in a table measured to 2021): a value of then, rated as the others'
    current ones, and the day of the table's last measured period."""
    out = np.zeros(len(ind), dtype=bool)
    measured = ind["actual"].notna().to_numpy(dtype=bool)
    if not measured.any():
        return out, ""
    periods = ind["period"].astype("str")
    spans = {p: numbers.period_span(p) for p in periods[measured].unique()}   # (a few distinct periods)
    ends = pd.to_datetime(periods.map(lambda p: spans[p][1] if spans.get(p) else None).where(measured))
    latest = ends.max()
    if pd.isna(latest):
        return out, ""
    keys = [ind[c].astype("str").fillna("") for c in ("indicator_id", "country", "sex")]
    last = ends.groupby(keys, sort=False).transform("max")
    # (more than a year: an annual indicator whose last year is not measured yet is no news)
    out = (ends.eq(last) & (ends < latest - pd.Timedelta(days=400))).fillna(False).to_numpy(dtype=bool)
    return out, latest.date().isoformat()


def indicator_anomalies(indicators: pd.DataFrame) -> pd.DataFrame:
    """Every anomaly of every row, one row per (row, rule).

    Columns: indicator_id, period, country, sex, rule (one of RULES), note, row (position of the row in the input).
    In input row order, then rule order.
    """
    ind = indicators.reset_index(drop=True)
    # written once, on the first (or last) period's row
    ind = ind.assign(direction=direction_written_once(ind), target_final=_baseline_of_indicator(ind, "target_final"))
    dec = _decrease(ind).to_numpy(dtype=bool)
    unclear = direction_not_given(ind).to_numpy(dtype=bool)
    b, t, f, a = (ind[c].to_numpy(dtype="float64") for c in ("baseline", "target", "target_final", "actual"))
    with np.errstate(invalid="ignore"):
        checks = {
            "baseline_beyond_final_target": ~unclear & np.isfinite(b) & np.isfinite(f)
            & np.where(dec, b <= f, b >= f),
            # a rising rate from 60 towards a period target of 50, no final target: 55 was 110 %, green, nothing said
            "baseline_beyond_period_target": ~unclear & np.isfinite(b) & np.isfinite(t) & np.where(dec, b <= t, b >= t)
            & ~(np.isfinite(f) & np.where(dec, b <= f, b >= f)),
            "period_target_beyond_final_target": ~unclear & np.isfinite(t) & np.isfinite(f)
            & np.where(dec, t < f, t > f),
            "direction_not_given": unclear,
            # an increasing indicator's 0 plans nothing; a decreasing one's 0 (no accident, no case of forced labour)
            # is a usual target, its actual above 0 the way still to go (rated: (baseline - actual) / baseline)
            "zero_target_with_actual": ~dec & (t == 0) & np.isfinite(a) & (a != 0),
            "missing_target": np.isnan(t) & np.isnan(f),
        }
    previous, highest = _previous_actual(ind)
    units = (ind["unit"].astype("str").fillna("") if "unit" in ind else pd.Series("", index=ind.index)) \
        .to_numpy(dtype=object)
    with np.errstate(invalid="ignore"):
        checks["actual_falls"] = ~dec & np.isfinite(a) & np.isfinite(highest) & (a < highest)
        below_previous = np.isfinite(previous) & (a < previous)
    checks["fraction_for_percent"] = fractions_for_percent(ind).to_numpy(dtype=bool)
    checks["targets_per_period"] = targets_per_period(ind).to_numpy(dtype=bool)
    on_sex = {c: total_target_on_sexes(ind, c).to_numpy(dtype=bool) for c in ("target", "target_final")}
    checks["total_target_on_sexes"] = on_sex["target"] | on_sex["target_final"]
    checks["units_differ"] = units_differ(ind).to_numpy(dtype=bool)
    # a score of 1 to 5: its 3 of a target of 4 is 75 % « of the target », where 0 is no value of the scale
    floor = _scale_floor(ind)
    with np.errstate(invalid="ignore"):
        checks["scale_not_from_zero"] = np.isfinite(floor) & np.isfinite(a) & (np.isfinite(t) | np.isfinite(f))
    # an indicator dropped, or not reported since: its 2019 value rated beside the others' of 2021, as current
    checks["not_measured_since"], latest = _not_measured_since(ind)
    fmt = np.vectorize(lambda x: "" if np.isnan(x) else f"{x:g}", otypes=[object])
    bs, ts, fs, as_ = (fmt(x) if len(x) else x.astype(object) for x in (b, t, f, a))
    dirs = np.where(dec, "decrease", "increase")
    notes = {
        "baseline_beyond_final_target": "baseline " + bs + " already meets the final target " + fs
        + " (" + dirs + ")",
        "baseline_beyond_period_target": "baseline " + bs + " already meets the period target " + ts
        + " (" + dirs + ")",
        "period_target_beyond_final_target": "period target " + ts + " beyond the final target " + fs
        + " (" + dirs + ")",
        "zero_target_with_actual": "target is 0 but actual is " + as_,
        "missing_target": np.full(len(ind), "neither a period target nor a final target", dtype=object),
        "actual_falls": "actual " + as_ + np.where(below_previous, " below the previous period's " + fmt(previous),
                                                   " below the " + fmt(highest) + " of an earlier period")
        + ": a setback, or values per period rather than to date?",
        "direction_not_given": "baseline " + bs + ", target " + np.where(np.isfinite(t), ts, fs)
        + ": a target below the baseline, and no direction (decrease?)",
        "fraction_for_percent": "actual " + as_ + " in " + units
        + " with a target of " + np.where(np.isfinite(t), ts, fs) + ": a fraction of 1 for a percentage?",
        "targets_per_period": "period target " + ts + " of targets adding up to the final target " + fs
        + ": targets per period, where the actual " + as_ + " is the total to date (its % of the period target is "
        "overstated)",
        "total_target_on_sexes": "the women's and the men's rows both give the total's target "
        + np.where(on_sex["target"], ts, fs) + ": its achievement by sex is not computed",
        "units_differ": "unit '" + units + "', another than the indicator's first row's: two measures under one code?",
        "scale_not_from_zero": "a scale from " + fmt(floor) + " (" + units + "): the % of the target counts from "
        "0, a value the scale does not have (" + as_ + " of " + np.where(np.isfinite(t), ts, fs) + ")",
        "not_measured_since": np.full(len(ind), "last measured in this period, where other indicators are measured to "
                                      + latest + ": its value is not a current one", dtype=object),
    }
    parts = []
    for order, rule in enumerate(RULES):
        mask = checks[rule]
        if not mask.any():
            continue
        parts.append(pd.DataFrame({
            "indicator_id": ind.loc[mask, "indicator_id"].astype("str").to_numpy(),
            "period": ind.loc[mask, "period"].astype("str").to_numpy(),
            "country": ind.loc[mask, "country"].astype("str").to_numpy(),
            "sex": ind.loc[mask, "sex"].astype("str").to_numpy(),
            "rule": rule, "_order": order, "row": np.flatnonzero(mask),
            "note": np.asarray(notes[rule], dtype=object)[mask]}))
    columns = ["indicator_id", "period", "country", "sex", "rule", "note", "row"]
    if not parts:
        out = pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})
        out["row"] = out["row"].astype("int64")
        return out
    out = pd.concat(parts, ignore_index=True).sort_values(["row", "_order"], kind="mergesort")
    out["note"] = out["note"].astype("str")
    out["rule"] = out["rule"].astype("str")
    return out[columns].reset_index(drop=True)
