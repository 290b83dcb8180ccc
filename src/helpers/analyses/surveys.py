"""Design-based estimates of a beneficiary survey: means, totals and shares, overall and by subgroup.

The survey library ``svy`` (pinned in requirements.txt) does the estimation by Taylor linearisation with the
survey's weights, strata, clusters and finite population correction, as R's ``survey`` package does; the tests
(tests/analyses/test_survey_estimates.py) compare it with R on the California API samples to 1e-6.

* mean / total: ``svy`` ``estimation.mean`` / ``total``; share of a value: ``estimation.prop`` of a 0/1
  indicator (1 = the answer is that value, or holds it for a select_multiple), with the logit interval R's
  ``svyciprop(method = "logit")`` gives; a share of exactly 0 or 1 has no variance in the design (the logit
  interval is not defined, R gives 0 to 0 or NaN): it gets the exact Clopper-Pearson interval of 0 (or n) in n
  answers, the effective size taken as n, as the WHO's VCQI ``svypd`` does (0 of 20 men: 0 to 16.8 %, not 0 to 0);
* ratio of two questions (the spend per household member): ``estimation.ratio``, the total of one / the total of
  the other over the rows answering both (R's ``svyratio(na.rm = TRUE)``), its SE linearised;
* subgroups are domains: ``where = by == value`` keeps the whole design (R's ``subset()`` / ``svyby``), so the
  SE counts the variability of the subgroup's size;
* unanswered rows (empty) leave the estimate but stay in the design; ``n`` is the number of answers used;
* 95 % intervals use Student's t with the design's degrees of freedom: clusters minus strata holding the domain,
  answered or not (R's ``degf`` of ``subset(design, domain)``, which ``svyciprop`` and ``confint`` take);
* the design effect is against a simple random sample without replacement of the same size (R's ``deff = TRUE``);
  when the weights do not add up to more than the sample (no weights, or rescaled weights) it is against a sample
  with replacement, and ``deff_kind`` says ``wr``;
* a stratum with a single cluster is refused by the loader (helpers.data.surveys): no rule is applied silently.
"""

from __future__ import annotations

import math
import warnings
from typing import Any

import numpy as np
import pandas as pd

COLUMNS = ["key", "stat", "variable", "value", "by", "by_value", "estimate", "se", "ci_low", "ci_high", "deff",
           "deff_kind", "df", "n"]
INDICATOR = "__svy_indicator__"
DOMAIN = "__svy_domain__"
WEIGHT = "__svy_weight__"   # the weights an fpc gives a design without weights


def _sample(survey: Any, columns: list[str], extra: dict[str, pd.Series] | None = None):
    """svy.Sample of the columns needed, with the survey's design."""
    import polars as pl
    import svy

    design = survey.design_columns()
    used = list(dict.fromkeys([c for c in (*design.values(), *columns) if c and c in survey.data.columns]))
    frame = {c: _polars(survey.data[c]) for c in used}
    for name, series in (extra or {}).items():
        frame[name] = _polars(series)
    data = pl.DataFrame(frame)
    fpc, weights = design["fpc"], design["weights"]
    singleton = None
    if fpc:
        size, sampled = _stratum_sizes(survey)
        if (survey.data[fpc] <= 1).all():  # sampling fractions -> population sizes, as R's svydesign does
            data = data.with_columns(pl.Series(fpc, size.to_numpy(dtype=float)))
        if not weights:
            weights = WEIGHT   # fpc_weights
            data = data.with_columns(pl.Series(WEIGHT, (size / sampled).to_numpy(dtype=float)))
        # a stratum whose single unit is its whole population (a region's only centre, taken with certainty) adds no
        # variance, as in R; svy refuses a single unit whatever its fpc, and « skip » is that 0 (the loader refuses
        # any other single unit)
        if (sampled.eq(1) & size.eq(sampled)).any():
            singleton = svy.Singleton(svy.core.enumerations.SingletonMethod.SKIP)
    return svy.Sample(data, svy.Design(stratum=design["strata"], psu=design["clusters"], wgt=weights,
                                       pop_size=fpc, singleton=singleton))


def _stratum_sizes(survey: Any) -> tuple[pd.Series, pd.Series]:
    """Per row, its stratum's population size (the fpc, or the units sampled / the fraction) and the units (clusters,
    else respondents) sampled in it."""
    design = survey.design_columns()
    data, fpc = survey.data, design["fpc"]
    stratum = data[design["strata"]] if design["strata"] else pd.Series("", index=data.index)
    unit = data[design["clusters"]] if design["clusters"] else pd.Series(data.index, index=data.index)
    sampled = stratum.map(unit.groupby(stratum).nunique())
    return (sampled / data[fpc] if (data[fpc] <= 1).all() else data[fpc]), sampled


def fpc_weights(survey: Any) -> pd.Series | None:
    """Without weights, the weight of each respondent the fpc gives, as R's svydesign takes it: its stratum's
    population / the units sampled in it (strata of 100 and 1,000 people, 10 asked in each, gave the unweighted
    mean, 75.4 for R's 94.3). None with weights or without an fpc."""
    design = survey.design_columns()
    if design["weights"] or not design["fpc"]:
        return None
    size, sampled = _stratum_sizes(survey)
    return size / sampled


def _polars(series: pd.Series):
    import polars as pl

    if pd.api.types.is_float_dtype(series.dtype):
        return pl.Series(series.name, series.to_numpy(dtype=float), nan_to_null=True)
    return pl.Series(series.name, [None if pd.isna(v) else str(v) for v in series], dtype=pl.Utf8)


def relative_weights(survey: Any) -> bool:
    """The weights add up to the number of respondents, or of the submissions exported (normalised to a mean of 1,
    to rounding): they say who counts more, not how many people each stands for (helpers.data.surveys)."""
    from ..data.surveys import relative_weights as relative

    return relative(survey)


def _run(method, column: str, kwargs: dict[str, Any],
         kinds: tuple[str, ...] = ("wor", "wr")) -> tuple[dict[str, Any], str]:
    """One estimate with its deff against SRS without replacement, else with replacement."""
    import svy

    for kind in kinds:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return method(column, deff=kind, drop_nulls=True, **kwargs), kind
        except svy.errors.MethodError as exc:
            if "DEFF_NOT_COMPUTABLE" not in str(exc) and "deff" not in str(exc).lower():
                raise
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return method(column, drop_nulls=True, **kwargs), ""


def estimate(survey: Any, stat: str, variable: str, value: str | None = None, by: str | None = None,
             by_value: str | None = None) -> dict[str, Any]:
    """One design-based estimate (a row of ``COLUMNS``); ``by``/``by_value`` restrict it to a domain."""
    import polars as pl
    import svy

    kwargs: dict[str, Any] = {}
    extra: dict[str, pd.Series] = {}
    if by is not None:
        domain = survey.domain(by, by_value)   # a select_multiple's option: everyone who chose it
        extra[DOMAIN] = domain.astype(float)
        kwargs["where"] = svy.col(DOMAIN) == 1.0
    row: dict[str, Any] = {"key": key(survey.name, stat, variable, value, by, by_value), "stat": stat,
                           "variable": variable, "value": value, "by": by, "by_value": by_value}
    if stat == "share":
        chosen = survey.indicator(variable, value)
        sample = _sample(survey, [], {INDICATOR: chosen, **extra})
        column = INDICATOR
        answered = chosen.notna()   # a select_multiple's option columns, not its text, tell who answered
    elif stat == "ratio":   # value: the denominator; a row counts where both are answered (R's na.rm = TRUE)
        sample = _sample(survey, [variable, value], extra)
        column = variable
        answered = survey.data[variable].notna() & survey.data[value].notna()
    else:
        sample = _sample(survey, [variable], extra)
        column = variable
        answered = survey.data[variable].notna()
    if by is not None:
        answered &= domain
    if not answered.any():
        return {**row, "estimate": math.nan, "se": math.nan, "ci_low": math.nan, "ci_high": math.nan,
                "deff": math.nan, "deff_kind": "", "df": math.nan, "n": 0}
    if stat == "ratio" and _denominator_zero(survey, value, answered):
        # households without a worker: every denominator 0, R's svyratio gives Inf (NaN for 0 / 0), and svy NaN
        # with an SE the annex and figures.csv explained as « a single unit of the first stage »; no ratio exists
        counted = answered & _weights(survey).ne(0)
        return {**row, "estimate": math.nan, "se": math.nan, "ci_low": math.nan, "ci_high": math.nan,
                "deff": math.nan, "deff_kind": "", "df": float(_degrees(survey, domain if by is not None else None)),
                "n": int(counted.sum())}
    method = {"mean": sample.estimation.mean, "total": sample.estimation.total, "share": sample.estimation.mean,
              "ratio": lambda y, **kw: sample.estimation.ratio(y, value, **kw)}
    # relative weights adding up to 47.0003 for 47 respondents: « without replacement » from a population of 47.0003
    # made the simple random sample's variance 0 and the design effect 476 126; they count no population
    kinds = ("wr",) if relative_weights(survey) else ("wor", "wr")
    result, kind = _run(method[stat], column, kwargs, kinds)
    out = result.to_polars().row(0, named=True)
    if stat == "share" and 0 < out["est"] < 1:
        prop, kind_p = _run(sample.estimation.prop, column, {**kwargs, "ci_method": "logit"}, kinds)
        frame = prop.to_polars()
        out = frame.filter(pl.col(column) == frame[column].max()).row(0, named=True)  # the level 1 of the 0/1
        kind = kind_p
    answered_df = out.get("df")   # first-stage units with an answer, less their strata: 0 when all in one unit
    out = _with_degrees(out, _degrees(survey, domain if by is not None else None), stat)
    deff = out.get("deff")
    if stat == "share" and out["est"] in (0, 1):
        deff, kind = None, ""  # no variance at all, in the design or in a simple random sample: 0/0
        # 0 of n answers is not « 0 % to 0 % »: the exact binomial bound, (alpha / 2) ^ (1 / n) from the far end
        bound = 0.025 ** (1 / int(out["n"]))
        out = {**out, "lci": 0.0 if out["est"] == 0 else bound, "uci": 1 - bound if out["est"] == 0 else 1.0}
    single = stat != "share" and int(out["n"]) == 1
    if single or (_zero(out["se"], out["est"]) and answered_df == 0 and (stat != "share" or 0 < out["est"] < 1)):
        # a subgroup of one respondent: R and svy give an SE of 0 (its answer minus itself), which the annex showed
        # as « 0,0 » beside the mean, as if it were exact; one answer says nothing of the variance. So for a
        # subgroup inside one unit of the first stage (taken with certainty, or one of several drawn in its
        # stratum: its mean's residuals add up to 0 in that unit, an SE of 1e-14 and a design effect of 1e-33)
        out, deff, kind = {**out, "se": math.nan, "lci": math.nan, "uci": math.nan}, None, ""
    return {**row, "estimate": out["est"], "se": out["se"], "ci_low": out["lci"], "ci_high": out["uci"],
            "deff": math.nan if deff is None or not kind else float(deff), "deff_kind": kind,
            "df": float(out["df"]) if out.get("df") is not None else math.nan, "n": int(out["n"])}


def _weights(survey: Any) -> pd.Series:
    """Each respondent's weight: the weights column, else the fpc's (fpc_weights), else 1."""
    design = survey.design_columns()
    if design["weights"]:
        return survey.data[design["weights"]].astype(float)
    derived = fpc_weights(survey)
    return derived if derived is not None else pd.Series(1.0, index=survey.data.index)


def _denominator_zero(survey: Any, denominator: str, answered: pd.Series) -> bool:
    """A ratio's denominator adds up to 0 over the respondents it counts (answered, of a weight other than 0)."""
    counted = answered & _weights(survey).ne(0)
    return bool(counted.any()) and float((survey.data.loc[counted, denominator].astype(float)
                                          * _weights(survey)[counted]).sum()) == 0


def zero_denominator(row: pd.Series) -> bool:
    """A ratio not computed since its denominator adds up to 0 over its n answers (estimate())."""
    return row["stat"] == "ratio" and row["n"] > 0 and not np.isfinite(row["estimate"])


def _degrees(survey: Any, domain: pd.Series | None) -> int:
    """The design's degrees of freedom for a domain, as R's ``degf(subset(design, domain))``: its first-stage units
    (clusters, else respondents) minus its strata, whether they answered or not. svy counted only the units with an
    answer: women's income in 7 villages of 2 regions, all of one village unanswered, had 4 degrees of freedom for
    R's 5 (an interval of 212.9 to 270.4 for R's 215.0 to 268.3)."""
    design = survey.design_columns()
    data = survey.data if domain is None else survey.data[domain.to_numpy()]
    weights = design["weights"]
    if weights:   # R's degf counts the units of non-zero weight
        data = data[data[weights].ne(0).to_numpy()]
    stratum = data[design["strata"]] if design["strata"] else pd.Series("", index=data.index)
    unit = data[design["clusters"]] if design["clusters"] else pd.Series(data.index, index=data.index)
    return len(pd.DataFrame({"s": stratum, "u": unit}).drop_duplicates()) - int(stratum.nunique())


def _with_degrees(out: dict[str, Any], df: int, stat: str) -> dict[str, Any]:
    """svy's estimate with its interval on ``df`` degrees of freedom (the mean's or total's t interval, the share's
    logit interval, R's svyciprop), when svy counted others."""
    from scipy.stats import t

    if out.get("df") is None or int(out["df"]) == df or df <= 0 or not np.isfinite(out["se"]) or out["se"] <= 0:
        return out
    quantile, value, se = float(t.ppf(0.975, df)), float(out["est"]), float(out["se"])
    if stat == "share":
        if not 0 < value < 1:
            return {**out, "df": df}
        logit, spread = math.log(value / (1 - value)), quantile * se / (value * (1 - value))
        low, high = (1 / (1 + math.exp(-(logit + sign * spread))) for sign in (-1, 1))
    else:
        low, high = value - quantile * se, value + quantile * se
    return {**out, "df": df, "lci": low, "uci": high}


def _zero(se: float, value: float) -> bool:
    """An SE of 0 up to rounding: the residuals of a subgroup inside one first-stage unit add up to 1e-14, not 0."""
    return se == 0 or abs(se) <= 1e-9 * abs(value)


def key(survey: str, stat: str, variable: str, value: str | None = None, by: str | None = None,
        by_value: str | None = None) -> str:
    """``<survey>:<variable>``, ``<survey>:<variable>=<value>`` for a share, ``<survey>:<variable>:per:<value>`` for a
    ratio (its denominator; a question's group path holds '/'), then ``:<by>=<value>`` for a subgroup."""
    text = f"{survey}:{variable}" + (f"={value}" if stat == "share" else f":per:{value}" if stat == "ratio" else "")
    return text + (f":{by}={by_value}" if by is not None else "")


def _lines(survey: Any) -> list[tuple[str, str, str | None, str | None]]:
    """(stat, variable, value, by) of every estimate the YAML asks for: a share without a value gives each value
    (each option of a select_multiple)."""
    lines = []
    for spec in survey.spec.estimates:
        by = _name(spec.by) if spec.by else None
        if spec.stat == "share":
            values = [spec.value] if spec.value is not None else survey.options(spec.variable)
            lines += [("share", spec.variable, v, by) for v in values]
        elif spec.stat == "ratio":
            lines.append(("ratio", spec.variable, spec.denominator, by))
        else:
            lines.append((spec.stat, spec.variable, None, by))
    return list(dict.fromkeys(lines))


def _name(text: str) -> str:
    from ..data.readers import header_name

    return header_name(text)


def estimates(survey: Any) -> pd.DataFrame:
    """Every estimate of the survey's YAML, overall then per value of ``by`` (in the form's order)."""
    rows, done = [], set()
    for stat, variable, value, by in _lines(survey):
        wanted = [(None, None)] + [(by, v) for v in (survey.options(by) if by is not None else [])]
        for group, group_value in wanted:
            if (stat, variable, value, group, group_value) not in done:
                done.add((stat, variable, value, group, group_value))
                rows.append(estimate(survey, stat, variable, value, group, group_value))
    return pd.DataFrame(rows, columns=COLUMNS)


def headline(survey: Any) -> pd.DataFrame:
    """The women's share and the share with a disability (WG cut-off), when the survey has them."""
    from ..data.surveys import WG_COLUMN

    rows = []
    if survey.sex is not None:
        rows.append(estimate(survey, "share", survey.sex[0], survey.sex[1]))
    if WG_COLUMN in survey.data.columns and survey.data[WG_COLUMN].notna().any():
        rows.append(estimate(survey, "share", WG_COLUMN, "1"))
    return pd.DataFrame(rows, columns=COLUMNS)


def all_estimates(survey: Any) -> pd.DataFrame:
    """headline() then estimates(), each key once."""
    frame = pd.concat([headline(survey), estimates(survey)], ignore_index=True)
    return frame.drop_duplicates(["stat", "key"]).reset_index(drop=True)


def design_summary(survey: Any) -> dict[str, Any]:
    """What the annex says about how the sample was drawn: respondents, strata, clusters, population."""
    design = survey.design_columns()
    data = survey.data
    derived = fpc_weights(survey)
    weights = data[design["weights"]] if design["weights"] else derived if derived is not None else \
        pd.Series(1.0, index=data.index)
    # cluster codes are taken within their stratum (village 'v1' of two regions is two villages): count the pairs
    nested = [c for c in (design["strata"], design["clusters"]) if c]
    summary = {"n": len(data), "strata": int(data[design["strata"]].nunique()) if design["strata"] else 0,
               "clusters": len(data[nested].drop_duplicates()) if design["clusters"] else 0,
               "population": float(weights.sum()) if design["weights"] or derived is not None else math.nan,
               "relative": relative_weights(survey),
               "weighted": bool(design["weights"]), "fpc_weighted": derived is not None, "fpc": bool(design["fpc"]),
               "lonely": list(survey.notes), "rejected": survey.rejected, "early": getattr(survey, "early", 0),
               "left_out_weight": getattr(survey, "left_out_weight", 0.0) if design["weights"] else 0.0,
               # respondents of weight 0 (sampled, outside the population): in no estimate, as R's survey reads them
               "zero_weight": int(weights.eq(0).sum()) if design["weights"] else 0,
               "design": design}
    return summary


def figure_parts(surveys: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """stat -> the estimates of every survey (for helpers.analyses.figures), shares in percent."""
    frames = [all_estimates(surveys[name]) for name in sorted(surveys)]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    frame = frame.astype({c: float for c in ("estimate", "se", "ci_low", "ci_high", "deff", "df")})
    share = frame["stat"].eq("share")
    for column in ("estimate", "se", "ci_low", "ci_high"):
        frame.loc[share, column] = frame.loc[share, column] * 100
    stats = ("mean", "total", "share", "ratio")
    return {stat: frame[frame["stat"].eq(stat)].reset_index(drop=True) for stat in stats} | \
        {"deff": frame.assign(key=frame["key"] + ":" + frame["stat"])}


def deff_note(kind: str) -> str:
    return {"wor": "deff vs simple random sampling without replacement",
            "wr": "deff vs simple random sampling with replacement (the weights do not count a population)",
            "": "deff not computable"}.get(kind, "")


def missing_reason(row: pd.Series) -> str:
    """Why an estimate (a row of ``COLUMNS``) has a cell not available, as a code the annex says in its language
    (helpers.annex.surveys.not_available); '' when every cell is there."""
    if row["n"] == 0:
        return "no_answer"
    if zero_denominator(row):
        return "zero_denominator"
    if not np.isfinite(row["se"]):
        if row["n"] == 1 and row["stat"] != "share":
            return "single_answer"
        return "single_unit" if row["df"] == 0 else "answers_one_unit"
    if not (np.isfinite(row["ci_low"]) and np.isfinite(row["ci_high"])):
        return "no_interval"
    if not np.isfinite(row["deff"]):   # a share of 0 % or 100 %: no variance, in the design or in a random sample
        return "no_variance" if row["stat"] == "share" and row["se"] == 0 else "deff"
    return ""


def note_of(row: pd.Series) -> str:
    if row["n"] == 0:
        return "no answer in this subgroup"
    if zero_denominator(row):
        return "the denominator is 0 for every answer: no ratio (a division by 0)"
    if row["n"] == 1 and row["stat"] != "share":
        return "a single answer: no standard error"
    if row["df"] == 0 and not np.isfinite(row["se"]):
        return "df 0, a single unit of the first stage: no standard error"
    if not np.isfinite(row["se"]) and np.isfinite(row["df"]):   # the subgroup in several units, its answers in one
        return "answers from a single unit of the first stage: no standard error"
    return f"df {int(row['df']) if np.isfinite(row['df']) else 'n/a'}; {deff_note(row['deff_kind'])}"
