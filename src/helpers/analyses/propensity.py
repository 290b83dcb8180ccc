"""Impact studies whose comparison group was not drawn at random: the propensity score and what it is used for.

A study's YAML says how its comparison is adjusted (``adjustment``: none | regression | ipw | aipw), for whom
(``estimand``: att = the effect on the treated, ate = on everyone), with which score terms (``propensity``: columns,
powers, "is zero" flags, categories, interactions, written as data; schemas.PropensityTerm) and an optional
trimming of the score (``trim: [0.1, 0.9]``). Public functions, each returning one tidy DataFrame (no I/O):

- ``scores(study)``: the rows the score is fitted on (two_group: every row; did: the pre-period rows), their group,
  score, weight, and whether trimming kept them (the overlap plot's data).
- ``weighted_balance(study)``: each score term's standardised difference before (all rows, unweighted) and after
  (rows kept, weighted): (mean_t - mean_c) / sqrt((var_t + var_c) / 2), weighted means from statsmodels'
  ``DescrStatsW``, the variances those of the unweighted groups before trimming in both (so that the two columns
  differ only by the weighting; Austin 2009). |d| < 0.1 counts as balanced.
- ``adjusted_effects(study)``: per outcome the naive comparison and the adjusted estimate (method = the
  adjustment), with SE, 95 % CI, p, N per group after trimming, the Kish effective sample size of the weighted
  comparison group, the MDE and Holm-adjusted p-values (``inference``) over the outcomes not listed in
  ``exploratory`` (the pre-registered family; an exploratory outcome's p_holm is NaN: it is not adjusted).
- ``event_study(study)``: the pre-trend check of a did study with more than one pre-period (a panel with
  robust or classical SEs: clustered on the unit, ``impact.panel_rows_dependent``).

Estimators (statsmodels throughout):

- Score: ``Logit`` of the treatment on the declared terms (each centred and scaled before the fit, which changes
  no prediction). Trimming drops the rows (did: units) whose score is outside [low, high], then fits the score
  again on the rows kept.
- Weights: att: treated 1, comparison p / (1 - p); ate: treated 1 / p, comparison 1 / (1 - p); each group's weights
  normalised to mean 1 (the Hajek estimator: the weighted difference of means).
- two_group, se robust (or classical): ``statsmodels.treatment.TreatmentEffect``: ``ipw(effect_group=1 | "all")``,
  ``ra(effect_group=...)`` (outcome regressions [1, terms] fitted per group) and ``aipw()`` (ate only), the score
  fitted on the rows where the outcome is known. The estimate is their closed form (``return_results=False``);
  the SE is their GMM sandwich SE, which counts the estimation of the score (HC0, z inference): se_type "gmm".
- two_group, se cluster: ipw = WLS of the outcome on [1, treated] with the weights, CRV1 cluster-robust SE (the
  weights taken as known); regression = OLS with the terms centred at the target mean and interacted with the
  treatment (Lin 2013: the treatment coefficient equals regression adjustment's estimate), CRV1 SE.
- did: ipw = WLS of the outcome on [1, treated, post, treated x post] with the weights (Abadie 2005's weighted
  difference-in-differences: the comparison's trend reweighted to the treated's covariates), HC1 or CRV1 SE, the
  weights taken as known; regression = OLS on [1, treated, post, treated x post, terms, post x terms] (terms
  centred at the treated's baseline mean: covariates may shape the trend). With ``unit``, a unit's weight comes
  from its last row before the programme (its baseline); otherwise each row's score is the baseline model's prediction at the row's own
  covariates (so covariates should not change with the programme).
- naive: the same comparison without covariates or weights, on every row (two_group: difference of means; did:
  the plain difference-in-differences), HC1 or CRV1 as the study says.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from . import inference
from .impact import (FEW_CLUSTERS, SE_TYPES, as_label, as_numbers, indicator, one_cluster_arm,
                     panel_rows_dependent, period_order)
from ..data.model import PropensityTerm, Study, StudySpec

__all__ = ["scores", "weighted_balance", "adjusted_effects", "other_se_effects", "CLASSICAL_OFF", "OTHER_SE_COLUMNS", "event_study", "headline", "rows_used", "term_label",
           "BALANCED",
           "HEADLINE_COLUMNS",
           "ADJUSTED_COLUMNS", "BALANCE_COLUMNS", "SCORE_COLUMNS", "EVENT_COLUMNS"]

BALANCED = 0.1  # |standardised difference| below this counts as balanced

ADJUSTED_COLUMNS = ["study", "outcome", "design", "method", "estimand", "estimate", "se", "se_type", "ci_low",
                    "ci_high", "p_value", "p_holm", "mde", "n", "n_treated", "n_comparison", "n_trimmed",
                    "ess_comparison", "note"]
BALANCE_COLUMNS = ["study", "term", "mean_treated", "mean_comparison", "smd_before", "mean_treated_weighted",
                   "mean_comparison_weighted", "smd_after", "balanced", "note"]
SCORE_COLUMNS = ["treated", "score", "weight", "kept"]
EVENT_COLUMNS = ["study", "outcome", "weighted", "period", "relative", "estimate", "se", "ci_low", "ci_high",
                 "p_value", "p_pretrend", "n", "note"]


# ---------------------------------------------------------------------------------------------------- the design
def term_code(term: PropensityTerm, value: Any = None) -> str:
    """The code of a design column, as figures.csv keys it: age, age^2, re74=0, sex=m, educ*re74."""
    if term.interaction is not None:
        return "*".join(term.interaction)
    if term.power != 1:
        return f"{term.column}^{term.power}"
    if term.is_zero:
        return f"{term.column}=0"
    if term.categories:
        return f"{term.column}={value}"
    return str(term.column)


def term_label(spec: StudySpec, term: PropensityTerm, value: Any, lang: str) -> str:
    """The design column's name in the annex language, from the study's labels: Âge², Revenu 1974 = 0."""
    if term.interaction is not None:
        return " × ".join(spec.label(c, lang) for c in term.interaction)
    name = spec.label(str(term.column), lang)
    if term.power != 1:
        return name + {2: "²", 3: "³", 4: "⁴"}[term.power]
    if term.is_zero:
        return f"{name} = 0"
    if term.categories:
        return f"{name} : {spec.value_label(str(term.column), value, lang)}" if lang == "fr" else \
            f"{name}: {spec.value_label(str(term.column), value, lang)}"
    return name


@dataclass
class _Column:
    code: str
    term: PropensityTerm
    value: Any
    values: np.ndarray


def _design(spec: StudySpec, data: pd.DataFrame, notes: list[str]) -> list[_Column]:
    """The score's design columns, built from the declared terms (no formula is parsed)."""
    out: list[_Column] = []
    for term in spec.score_terms():
        if term.column is not None and term.power == 1 and not term.is_zero and not term.categories:
            x = as_numbers(data[term.column])
            if np.isnan(x).all() and data[term.column].notna().any():  # text: one 0/1 term per value
                term = PropensityTerm(column=term.column, categories=True)
        if term.categories:
            texts = data[term.column].map(lambda v: as_label(v) if pd.notna(v) else None)
            levels = sorted(set(texts.dropna()))
            for level in levels[1:]:  # the first level is the reference
                x = np.where(texts.isna(), np.nan, (texts == level).astype(float))
                out.append(_Column(term_code(term, level), term, level, x))
            continue
        parts = []
        for name in term.columns():
            x = as_numbers(data[name])
            if np.isnan(x).all() and data[name].notna().any():
                notes.append(f"'{name}' is not numeric: declare it as {{column: {name}, categories: true}}")
                break
            parts.append(x)
        else:
            x = np.prod(parts, axis=0) if len(parts) > 1 else parts[0]
            if term.is_zero:
                x = np.where(np.isnan(x), np.nan, (x == 0).astype(float))
            elif term.power != 1:
                x = x ** term.power
            out.append(_Column(term_code(term), term, None, x))
    return out


# ---------------------------------------------------------------------------------------------------- the score
def _logit(t: np.ndarray, X: np.ndarray):
    """statsmodels Logit of t on [1, X scaled]; the fitted results (predict() gives the score)."""
    from statsmodels.discrete.discrete_model import Logit

    centre, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = np.column_stack([np.ones(len(t)), (X - centre) / scale])
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        res = Logit(t, Z).fit(disp=0, maxiter=200)
    res._scaling = (centre, scale)  # to predict at other rows' covariates
    return res


def _predict(res, X: np.ndarray) -> np.ndarray:
    centre, scale = res._scaling
    return res.model.predict(res.params, np.column_stack([np.ones(len(X)), (X - centre) / scale]))


def _weights(t: np.ndarray, p: np.ndarray, estimand: str) -> np.ndarray:
    """att: 1 and p / (1 - p); ate: 1 / p and 1 / (1 - p); each group normalised to mean 1."""
    w = np.where(t == 1, 1.0, p / (1 - p)) if estimand == "att" else np.where(t == 1, 1 / p, 1 / (1 - p))
    for g in (0, 1):
        if (t == g).any():
            w[t == g] /= w[t == g].mean()
    return w


@dataclass
class _Prepared:
    """Everything one study's adjusted analysis needs, computed once."""

    spec: StudySpec
    data: pd.DataFrame
    treated: np.ndarray                       # per data row: 1 / 0 / NaN
    post: np.ndarray | None                   # did: per data row
    columns: list[_Column]
    X: np.ndarray                             # per data row, the design columns
    base: np.ndarray                          # the score-sample rows (indices into data)
    score: np.ndarray = field(default=None)   # per data row (NaN outside the score's reach)
    kept: np.ndarray = field(default=None)    # per data row: inside the trimming bounds
    weight: np.ndarray = field(default=None)  # per data row: the weight (NaN when not kept)
    groups: np.ndarray | None = None          # cluster codes per data row
    notes: list[str] = field(default_factory=list)
    failed: str = ""


def _prepare(study: Study) -> _Prepared:
    spec, data = study.spec, study.data
    notes: list[str] = []
    n = len(data)
    treated = indicator(data[spec.treatment.column], spec.treatment.treated)
    post = indicator(data[spec.period.column], spec.period.post) if spec.design == "did" else None
    columns = _design(spec, data, notes)
    X = np.column_stack([c.values for c in columns]) if columns else np.empty((n, 0))
    complete = ~np.isnan(treated) & ~np.isnan(X).any(axis=1)
    if post is not None:
        complete &= ~np.isnan(post)
    base = np.flatnonzero(complete if post is None else complete & (post == 0))
    if spec.design == "did" and spec.unit and spec.unit in data:
        # one row per unit: its last row before the programme (periods in time order when known, else file order)
        order = _period_order(spec, data[spec.period.column])
        if order is not None:
            rank = {as_label(v): i for i, v in enumerate(order)}
            when = data[spec.period.column].map(lambda v: rank.get(as_label(v), -1)).to_numpy()[base]
            base = base[np.argsort(when, kind="stable")]
        last = ~pd.Series(data[spec.unit].to_numpy()[base]).duplicated(keep="last").to_numpy()
        base = np.sort(base[last])
    groups = None
    if spec.se == "cluster" and spec.cluster in data:
        groups = pd.factorize(data[spec.cluster], use_na_sentinel=True)[0].astype(np.int64)
    prep = _Prepared(spec, data, treated, post, columns, X, base, groups=groups, notes=notes)
    if n - complete.sum():
        notes.append(f"{int(n - complete.sum())} row(s) without a group or a score covariate are left out")
    t = treated[base]
    if not columns or len(base) < len(columns) + 2 or t.min(initial=1) == t.max(initial=0):
        prep.failed = "too few rows in a group to fit the propensity score"
        return prep
    try:
        first = _logit(t, X[base])
    except np.linalg.LinAlgError:
        prep.failed = ("the propensity score cannot be fitted: two terms carry the same information (collinear), or "
                       "a term separates the groups perfectly")
        return prep
    if not np.isfinite(first.params).all() or first.predict().min() < 1e-12 or first.predict().max() > 1 - 1e-12:
        notes.append("some scores are 0 or 1 (a term nearly separates the groups): consider trimming")
    if spec.design == "did" and spec.unit and spec.unit in data:
        # each row takes its unit's baseline score
        position = pd.Series(np.arange(len(base)), index=data[spec.unit].to_numpy()[base])
        pos = pd.Series(data[spec.unit].to_numpy()).map(position).to_numpy(dtype=float)
        reach = ~np.isnan(pos) & complete
        at = lambda res: _predict(res, X[base])[pos[reach].astype(int)]  # noqa: E731
    else:
        reach = complete
        at = lambda res: _predict(res, X[reach])  # noqa: E731
    score = np.full(n, np.nan)
    score[reach] = at(first)
    kept = reach.copy()
    if spec.trim is not None:
        low, high = spec.trim
        kept &= (score >= low) & (score <= high)  # the first fit decides who is trimmed
        inside = (first.predict() >= low) & (first.predict() <= high)
        if inside.sum() < len(columns) + 2 or t[inside].min(initial=1) == t[inside].max(initial=0):
            prep.failed = f"trimming at [{low}, {high}] leaves one group empty"
            return prep
        try:
            score[reach] = at(_logit(t[inside], X[base][inside]))  # the score of the rows kept, fitted on them
        except np.linalg.LinAlgError:
            prep.failed = f"the propensity score cannot be fitted on the rows inside [{low}, {high}]"
            return prep
    weight = np.full(n, np.nan)
    if spec.design == "did":
        for cell in (0, 1):  # normalise within each period
            rows = kept & (post == cell)
            weight[rows] = _weights(treated[rows], score[rows], spec.estimand)
    else:
        weight[kept] = _weights(treated[kept], score[kept], spec.estimand)
    prep.score, prep.kept, prep.weight = score, kept, weight
    return prep


def scores(study: Study) -> pd.DataFrame:
    """The score sample (two_group: every row; did: the pre-period rows, or each unit's baseline row): treated (0/1), score, weight
    (NaN when trimmed), kept. Empty when the score cannot be fitted."""
    prep = _prepare(study)
    if prep.failed:
        return pd.DataFrame(columns=SCORE_COLUMNS)
    rows = prep.base
    return pd.DataFrame({"treated": prep.treated[rows].astype(int), "score": prep.score[rows],
                         "weight": prep.weight[rows], "kept": prep.kept[rows]}, columns=SCORE_COLUMNS)


# ---------------------------------------------------------------------------------------------------- balance
def _ess(w: np.ndarray) -> float:
    """Kish's effective sample size (sum w)^2 / sum w^2."""
    return float(w.sum() ** 2 / (w ** 2).sum()) if len(w) else math.nan


def weighted_balance(study: Study) -> pd.DataFrame:
    """Balance of every score term before and after weighting (see the module docstring)."""
    from statsmodels.stats.weightstats import DescrStatsW

    prep = _prepare(study)
    rows = []
    base = prep.base
    t = prep.treated[base]
    for j, col in enumerate(prep.columns):
        x = prep.X[base, j]
        row = dict.fromkeys(BALANCE_COLUMNS, np.nan)
        row.update(study=study.name, term=col.code, note="")
        x1, x0 = x[t == 1], x[t == 0]
        row["mean_treated"], row["mean_comparison"] = x1.mean(), x0.mean()
        pooled = math.sqrt((x1.var(ddof=1) + x0.var(ddof=1)) / 2) if min(len(x1), len(x0)) > 1 else 0.0
        if pooled > 0:
            row["smd_before"] = (x1.mean() - x0.mean()) / pooled
        else:
            row["note"] = "no variance in either group"
        if not prep.failed:
            keep = prep.kept[base]
            w = prep.weight[base]
            m1 = DescrStatsW(x[keep & (t == 1)], weights=w[keep & (t == 1)]).mean
            m0 = DescrStatsW(x[keep & (t == 0)], weights=w[keep & (t == 0)]).mean
            row["mean_treated_weighted"], row["mean_comparison_weighted"] = m1, m0
            if pooled > 0:
                row["smd_after"] = (m1 - m0) / pooled
                row["balanced"] = bool(abs(row["smd_after"]) < BALANCED)
        else:
            row["note"] = prep.failed
        rows.append(row)
    out = pd.DataFrame(rows, columns=BALANCE_COLUMNS)
    out["balanced"] = out["balanced"].astype("boolean")
    return out


# ---------------------------------------------------------------------------------------------------- effects
def _fit(y: np.ndarray, X: np.ndarray, w: np.ndarray | None, se_type: str, groups: np.ndarray | None,
         term: int, alpha: float) -> dict[str, Any]:
    """statsmodels OLS (or WLS with weights) of y on X; the ``term`` coefficient with SE, CI, p (t inference)."""
    from statsmodels.regression.linear_model import OLS, WLS

    kwds: dict[str, Any] = {"cov_type": se_type, "use_t": True}
    if se_type == "cluster":
        kwds["cov_kwds"] = {"groups": groups}
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        model = OLS(y, X) if w is None else WLS(y, X, weights=w)
        res = model.fit(**kwds)
        ci = res.conf_int(alpha)   # (a negative variance of one cluster per arm: sqrt warns)
        out = {"estimate": float(res.params[term]), "se": float(res.bse[term]), "ci_low": float(ci[term, 0]),
               "ci_high": float(ci[term, 1]), "p_value": float(res.pvalues[term]), "res": res}
    single = one_cluster_arm(X[:, 1], groups) if se_type == "cluster" else ""   # column 1: treated, in every design
    if single:
        out.update(se=math.nan, ci_low=math.nan, ci_high=math.nan, p_value=math.nan, note=single)
    return out


def _treatment_effect(y: np.ndarray, t: np.ndarray, X: np.ndarray, method: str, estimand: str,
                      alpha: float) -> dict[str, Any]:
    """statsmodels TreatmentEffect on these rows (score refitted on them); GMM SEs, z inference."""
    from statsmodels.regression.linear_model import OLS
    from statsmodels.treatment import treatment_effects as te

    select = _logit(t, X)
    centre, scale = select._scaling
    exog = np.column_stack([np.ones(len(y)), (X - centre) / scale]) if method != "ipw" else np.ones((len(y), 1))
    group = 1 if estimand == "att" else "all"
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        teff = te.TreatmentEffect(OLS(y, exog), t.astype(np.int64), results_select=select)
        run = {"ipw": lambda **kw: teff.ipw(effect_group=group, **kw),
               "regression": lambda **kw: teff.ra(effect_group=group, **kw), "aipw": teff.aipw}[method]
        exact = run(return_results=False)
        # The GMM statsmodels' ipw / ra / aipw fit (same model, same start), its covariance taken as the sandwich
        # G^-1 S G^-T of an exactly identified GMM instead of statsmodels' (G' S^-1 G)^-1, which inverts S: with
        # one covariate, two of regression adjustment's moments are both linear in it, S is singular, and
        # statsmodels raised (LinAlgError), gave SE NaN, or 2.7 for 59 (Lin's regression's) silently.
        if method == "ipw":
            gmm = te._IPWGMM(teff.model_pool.endog, select, None, teff=teff, effect_group=group)
            start = np.concatenate((exact[:2], select.params))
        elif method == "regression":
            probt = None
            if group == 1:  # statsmodels' ra: the rows are grouped, the treated last
                probt = np.zeros(len(t))
                probt[len(t) - int(t.sum()):] = 1
            gmm = te._RAGMM(teff.model_pool.endog, select, None, teff=teff, probt=probt)
            start = np.concatenate((exact[:2], teff.results0.params, teff.results1.params))
        else:
            gmm = te._AIPWGMM(teff.model_pool.endog, select, None, teff=teff)
            start = np.concatenate((exact[:2], teff.results0.params, teff.results1.params, select.params))
        params = gmm.fitgmm(start, weights=np.eye(len(start)), optim_method="nm",
                            optim_args={"maxiter": 5000, "disp": False})   # statsmodels' fit(maxiter=1)
        G = gmm.gradient_momcond(params)
        moms = gmm.momcond(params)
        S = gmm.calc_weightmatrix(moms, weights_method="cov", wargs=(), params=params)
        cov = np.linalg.solve(G, np.linalg.solve(G, S).T).T / moms.shape[0]   # G^-1 S G^-T / n, nothing squared
        exact = float(exact[0])
    # The estimate is the closed form; the SE is the GMM sandwich of statsmodels' Nelder-Mead fit, which starts at
    # the closed form and may wander from it when the score nearly separates the groups (say so when it does).
    se = float(np.sqrt(cov[0, 0])) if cov[0, 0] > 0 else math.nan
    from scipy.stats import norm

    z = float(norm.ppf(1 - alpha / 2))
    out = {"estimate": exact, "se": se, "ci_low": exact - z * se, "ci_high": exact + z * se,
           "p_value": float(2 * norm.sf(abs(exact / se)))}
    if abs(float(params[0]) - exact) > 0.01 * se:
        out["note"] = "the GMM fit behind the SE moved from the estimate: the SE is approximate"
    return out


_CELLS = np.array([[1.0, 0, 0, 0], [1, 0, 1, 0], [1, 1, 0, 0], [1, 1, 1, 1]])


def adjusted_effects(study: Study, alpha: float = 0.05) -> pd.DataFrame:
    """Per outcome: the naive comparison and, with an adjustment, the adjusted estimate (module docstring)."""
    spec = study.spec
    prep = _prepare(study) if spec.adjustment != "none" else None
    se_type = SE_TYPES[spec.se]
    did = spec.design == "did"
    treated = indicator(study.data[spec.treatment.column], spec.treatment.treated)
    post = indicator(study.data[spec.period.column], spec.period.post) if did else None
    groups = pd.factorize(study.data[spec.cluster], use_na_sentinel=True)[0].astype(np.int64) \
        if se_type == "cluster" else None
    rows = []
    for outcome in spec.outcomes:
        y = as_numbers(study.data[outcome])
        ok = ~np.isnan(y) & ~np.isnan(treated)
        if post is not None:
            ok &= ~np.isnan(post)
        if groups is not None:
            ok &= groups >= 0
        rows.append(_naive(study, outcome, y, treated, post, groups, ok, se_type, alpha))
        if prep is not None:
            rows.append(_adjusted(study, prep, outcome, y, ok, se_type, alpha))
    # the MDE from the estimate's SE; a clustered SE's with the t of its p and interval, G - 1 df (the rows' count
    # gave 2.80 SEs where 6 villages give 3.51: an MDE a fifth too small)
    mde = [inference.min_detectable_effect(r["se"], r["n_treated"], r["n_comparison"], alpha) if "_clusters" not in r
           else inference.min_detectable_effect_clusters(r["se"], r["_clusters"], alpha) for r in rows]
    out = pd.DataFrame(rows, columns=ADJUSTED_COLUMNS)
    # Holm's family: the outcomes of the pre-analysis plan only; an outcome listed in `exploratory` is tested
    # on its own and keeps no adjusted p (three outcomes, one exploratory: a primary p of 0.0098 was 0.029 where its
    # family of two gives 0.020, and the exploratory outcome was printed with a « Holm » p it has no family for)
    primary = ~out["outcome"].isin(spec.exploratory)
    for method in out["method"].unique():
        mine = (out["method"] == method) & primary
        out.loc[mine, "p_holm"] = inference.holm(out.loc[mine, "p_value"].to_numpy(dtype=float))
    out["mde"] = mde
    if panel_rows_dependent(study):
        # a panel's rows taken as independent (robust or classical SEs): the MDE from the SE clustered on the unit,
        # the one the annex says is right (HC1's 20.9 gave an MDE of 58.7 where the persons' 6.0 give 17.0)
        on_unit = adjusted_effects(Study(study.name, spec.model_copy(update={"se": "cluster", "cluster": spec.unit}),
                                         study.data, study.files), alpha)
        out["mde"] = on_unit["mde"].to_numpy()
        out["note"] = [f"{n}; MDE from the SE clustered on the unit" if n else "MDE from the SE clustered on the unit"
                       for n in out["note"]]
    for c in ("n", "n_treated", "n_comparison", "n_trimmed"):
        out[c] = out[c].astype("int64")
    return out


CLASSICAL_OFF = 1.25   # robust (HC1) / classical SE beyond this ratio (or under its inverse): the classical one is off
OTHER_SE_COLUMNS = [*ADJUSTED_COLUMNS, "other_se", "own_se", "why"]


def other_se_effects(study: Study, alpha: float = 0.05) -> pd.DataFrame:
    """The estimates the annex's cautions give with another kind of standard error than the study's, beside it
    (annex.studies: panel_se, classical_se, assigned_by_cluster). The annex printed them (« erreur type 6,1 au lieu
    de 19,2 ») and figures.csv had none of them, so a report that quoted the clustered SE, interval or p could not be
    checked. Rows of ``adjusted_effects`` (the other SE's se, ci, p) with:

    - other_se: ``cluster=<column>`` (CRV1 on that column, t with G - 1 df) or ``HC1``; own_se: the study's SE;
    - why: ``panel`` (did with ``unit`` seen in several rounds, robust or classical SEs: clustered on the unit; the
      GMM SE of a two_group estimate left out), ``classical`` (``se: classical`` where HC1 differs by more than
      CLASSICAL_OFF times, a panel aside), ``assigned`` (the treatment given by a column, a village, whose values each
      hold one group: clustered on it, data.model.assigned_by)."""
    from .impact import clustered_on_unit
    from ..data.model import assigned_by

    spec, data = study.spec, study.data
    mine = adjusted_effects(study, alpha)
    parts = []

    def beside(other: pd.DataFrame, label: str, why: str, keep: np.ndarray) -> None:
        found = other[keep].assign(other_se=label, own_se=mine.loc[keep, "se"].to_numpy(), why=why)
        if len(found):
            parts.append(found)

    if panel_rows_dependent(study):
        clustered = adjusted_effects(clustered_on_unit(study), alpha)
        keep = (clustered["se"].notna() & mine["se_type"].ne("gmm")).to_numpy()
        if (keep & clustered["method"].eq("naive").to_numpy()).any():   # the caution opens with the plain DiD's
            beside(clustered, f"cluster={spec.unit}", "panel", keep)
    elif spec.se == "classical":
        robust = adjusted_effects(Study(study.name, spec.model_copy(update={"se": "robust"}), data, study.files), alpha)
        ratio = robust["se"] / mine["se"]
        keep = ((mine["se"] > 0) & (robust["se"] > 0) & mine["se_type"].eq("nonrobust")
                & ((ratio < 1 / CLASSICAL_OFF) | (ratio > CLASSICAL_OFF))).to_numpy()
        beside(robust, "HC1", "classical", keep)
    if spec.treatment.column in data.columns:
        flags = indicator(data[spec.treatment.column], spec.treatment.treated)
        rows = ~np.isnan(flags)
        if spec.design == "did" and spec.period is not None and spec.period.column in data.columns:
            rows &= indicator(data[spec.period.column], spec.period.post) == 1
        found = assigned_by(spec, data, flags == 1, rows)
        if found is not None:
            column = found[0]
            clustered = adjusted_effects(Study(study.name, spec.model_copy(update={"se": "cluster", "cluster": column}),
                                               data, study.files), alpha)
            beside(clustered, f"cluster={column}", "assigned", clustered["se"].notna().to_numpy())
    if not parts:
        return pd.DataFrame(columns=OTHER_SE_COLUMNS)
    return pd.concat(parts, ignore_index=True)[OTHER_SE_COLUMNS]


def rows_used(study: Study) -> dict[str, np.ndarray]:
    """Per outcome, the rows (a mask over the data) the estimate the study asks for rests on, as adjusted_effects
    takes them: the outcome, group (and period, and cluster for clustered SEs) known; with an adjustment, the score's
    covariates known and the row kept by trimming (the naive comparison's rows when the score cannot be fitted)."""
    spec, data = study.spec, study.data
    prep = _prepare(study) if spec.adjustment != "none" else None
    treated = indicator(data[spec.treatment.column], spec.treatment.treated)
    ok = ~np.isnan(treated)
    if spec.design == "did":
        ok &= ~np.isnan(indicator(data[spec.period.column], spec.period.post))
    if spec.se == "cluster":
        ok &= pd.factorize(data[spec.cluster], use_na_sentinel=True)[0] >= 0
    if prep is not None and not prep.failed:
        ok &= prep.kept
    return {outcome: ok & ~np.isnan(as_numbers(data[outcome])) for outcome in spec.outcomes}


def _row(study: Study, outcome: str, method: str, estimand: str) -> dict[str, Any]:
    row = dict.fromkeys(ADJUSTED_COLUMNS, np.nan)
    row.update(study=study.name, outcome=outcome, design=study.spec.design, method=method, estimand=estimand,
               n=0, n_treated=0, n_comparison=0, n_trimmed=0, note="")
    return row


def _naive(study, outcome, y, treated, post, groups, ok, se_type, alpha) -> dict[str, Any]:
    row = _row(study, outcome, "naive", "")
    idx = np.flatnonzero(ok)
    t = treated[idx]
    row.update(n=len(idx), n_treated=int(t.sum()), n_comparison=int(len(idx) - t.sum()), se_type=se_type)
    cell = t.astype(int) if post is None else (2 * t + post[idx]).astype(int)
    counts = np.bincount(cell, minlength=2 if post is None else 4)
    if counts.min() < 2:
        row["note"] = "fewer than 2 rows in a group: no estimate"
        return row
    X = (np.array([[1.0, 0], [1, 1]]) if post is None else _CELLS)[cell]
    fit = _fit(y[idx], X, None, se_type, None if groups is None else groups[idx], X.shape[1] - 1, alpha)
    row.update({k: fit[k] for k in ("estimate", "se", "ci_low", "ci_high", "p_value")})
    if groups is not None:   # the clusters behind its t (G - 1 df), for the MDE
        row["_clusters"] = len(np.unique(groups[idx]))
    row["note"] = ("difference of means" if post is None else "difference-in-differences") + \
        ", no covariates, no weights" + (f"; {fit['note']}" if fit.get("note") else "")
    return row


def _adjusted(study, prep: _Prepared, outcome, y, ok, se_type, alpha) -> dict[str, Any]:
    spec = study.spec
    method, estimand = spec.adjustment, spec.estimand
    row = _row(study, outcome, method, estimand)
    notes = list(prep.notes)
    if prep.failed:
        row["note"] = "; ".join([*notes, prep.failed])
        return row
    use = ok & prep.kept
    idx = np.flatnonzero(use)
    t = prep.treated[idx]
    n_t, n_c = int(t.sum()), int(len(idx) - t.sum())
    row.update(n=len(idx), n_treated=n_t, n_comparison=n_c,
               n_trimmed=int((ok & ~prep.kept & ~np.isnan(prep.score)).sum()))
    w = prep.weight[idx]
    if min(n_t, n_c) < max(2, len(prep.columns) + 1):
        row["note"] = "; ".join([*notes, "too few rows in a group after trimming: no estimate"])
        return row
    X = prep.X[idx]
    g = None if prep.groups is None else prep.groups[idx]
    if spec.design == "two_group" and se_type != "cluster":
        fit = _treatment_effect(y[idx], t, X, method, estimand, alpha)
        row["se_type"] = "gmm"
        notes.append("statsmodels TreatmentEffect; the SE counts the estimated score")
    elif spec.design == "two_group":
        if method == "ipw":
            fit = _fit(y[idx], np.column_stack([np.ones(len(idx)), t]), w, "cluster", g, 1, alpha)
            notes.append("weighted least squares; the weights are taken as known")
        else:
            target = X[t == 1].mean(axis=0) if estimand == "att" else X.mean(axis=0)
            Xc = X - target
            fit = _fit(y[idx], np.column_stack([np.ones(len(idx)), t, Xc, t[:, None] * Xc]), None, "cluster", g,
                       1, alpha)
            notes.append("regression adjustment (outcome model per group)")
        row["se_type"] = "cluster"
    else:
        p = prep.post[idx]
        cells = _CELLS[(2 * t + p).astype(int)]
        if method == "ipw":
            fit = _fit(y[idx], cells, w, se_type, g, 3, alpha)
            notes.append("weighted difference-in-differences; the weights are taken as known")
        else:
            target = X[(t == 1) & (p == 0)].mean(axis=0)
            Xc = X - target
            fit = _fit(y[idx], np.column_stack([cells, Xc, p[:, None] * Xc]), None, se_type, g, 3, alpha)
            notes.append("difference-in-differences with covariates (and their change over time)")
        row["se_type"] = se_type
    row.update({k: fit[k] for k in ("estimate", "se", "ci_low", "ci_high", "p_value")})
    # the effective size of the weights behind an estimate only: a score separating the groups left the IPW estimate
    # empty, and its size (3.0 of 103) was printed beside it in the annex and figures.csv
    if np.isfinite(row["estimate"]):
        row["ess_comparison"] = _ess(w[t == 0]) if method in ("ipw", "aipw") else float(n_c)
    else:
        separated = not np.isfinite(w).all() or any("scores are 0 or 1" in n for n in prep.notes)
        notes.append("no estimate: scores of 0 or 1 give weights without a finite value" if separated else "no estimate")
    if row["se_type"] == "cluster":   # the clusters behind its t (G - 1 df), for the MDE
        row["_clusters"] = len(np.unique(g))
    if row["se_type"] == "cluster" and 0 < len(np.unique(g)) < FEW_CLUSTERS:
        notes.append(f"only {len(np.unique(g))} clusters: clustered SEs are unreliable below {FEW_CLUSTERS}")
    if fit.get("note"):
        notes.append(fit["note"])
    if row["n_trimmed"]:
        notes.append(f"{row['n_trimmed']} row(s) outside the trimming bounds {list(spec.trim)} left out")
    row["note"] = "; ".join(notes)
    return row


# ---------------------------------------------------------------------------------------------------- pre-trends
_period_order = period_order


def event_study(study: Study, alpha: float = 0.05) -> pd.DataFrame:
    """Leads and lags of a did study with more than one pre-period (empty otherwise).

    OLS of the outcome on [1, treated, a dummy per period, treated x each period dummy], the last pre-period the
    reference (coefficient 0). The leads (treated x an earlier pre-period) estimate the difference in trends before
    the programme: near zero when the comparison group moved like the treated one. ``p_pretrend`` is the Wald test
    (F, statsmodels ``f_test``) that every lead is zero. With adjustment ``ipw`` the same regression is also run
    weighted (``weighted`` True): does weighting remove a pre-trend?
    """
    spec = study.spec
    if spec.design != "did" or spec.period is None:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    data = study.data
    periods = _period_order(spec, data[spec.period.column])
    post_label = as_label(spec.period.post)
    if periods is None:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    labels = [as_label(p) for p in periods]
    pre = [lab for lab in labels if lab != post_label and labels.index(lab) < labels.index(post_label)] \
        if post_label in labels else []
    if len(pre) < 2:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    ref = pre[-1]
    period = data[spec.period.column].map(lambda v: as_label(v) if pd.notna(v) else None)
    treated = indicator(data[spec.treatment.column], spec.treatment.treated)
    se_type = SE_TYPES[spec.se]
    groups = pd.factorize(data[spec.cluster], use_na_sentinel=True)[0].astype(np.int64) \
        if se_type == "cluster" else None
    if panel_rows_dependent(study):
        # the leads compare a unit's rounds, which robust or classical SEs take as independent: the pre-trend test
        # gave p = 0.73 where clustering on the persons gives 0.0005 (statsmodels), the trends said parallel
        se_type = "cluster"
        groups = pd.factorize(data[spec.unit], use_na_sentinel=True)[0].astype(np.int64)
    others = [lab for lab in labels if lab != ref]
    versions = [(False, None)]
    if spec.adjustment == "ipw":
        prep = _prepare(study)
        if not prep.failed:
            versions.append((True, prep))
    rows = []
    for outcome in spec.outcomes:
        y = as_numbers(data[outcome])
        for weighted, prep in versions:
            ok = ~np.isnan(y) & ~np.isnan(treated) & period.notna().to_numpy()
            if groups is not None:
                ok &= groups >= 0
            if prep is not None:
                ok &= prep.kept & ~np.isnan(prep.weight)
            idx = np.flatnonzero(ok)
            t = treated[idx]
            d = np.column_stack([(period.to_numpy()[idx] == lab).astype(float) for lab in others])
            X = np.column_stack([np.ones(len(idx)), t, d, t[:, None] * d])
            w = None if prep is None else prep.weight[idx]
            fit = _fit(y[idx], X, w, se_type, None if groups is None else groups[idx], 1, alpha)
            res = fit["res"]
            k = len(others)
            lead_cols = [2 + k + others.index(lab) for lab in pre[:-1]]
            test = np.zeros((len(lead_cols), X.shape[1]))
            for i, c in enumerate(lead_cols):
                test[i, c] = 1.0
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                p_pre = float(np.asarray(res.f_test(test).pvalue))
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                ci = res.conf_int(alpha)
            for lab in labels:
                row = dict(study=study.name, outcome=outcome, weighted=weighted, period=lab,
                           relative=labels.index(lab) - labels.index(ref), n=len(idx), p_pretrend=p_pre,
                           note="reference period" if lab == ref else "")
                if lab == ref:
                    row.update(estimate=0.0, se=np.nan, ci_low=np.nan, ci_high=np.nan, p_value=np.nan)
                else:
                    c = 2 + k + others.index(lab)
                    row.update(estimate=float(res.params[c]), se=float(res.bse[c]), ci_low=float(ci[c, 0]),
                               ci_high=float(ci[c, 1]), p_value=float(res.pvalues[c]))
                    if fit.get("note"):   # an arm in one cluster: no clustered SE (impact.one_cluster_arm)
                        row.update(se=np.nan, ci_low=np.nan, ci_high=np.nan, p_value=np.nan, p_pretrend=np.nan,
                                   note=fit["note"])
                rows.append(row)
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


# ---------------------------------------------------------------------------------------------------- the headline
def _weighted_means(prep: _Prepared, y: np.ndarray, ok: np.ndarray) -> tuple[float, float, int]:
    """The treated's and the comparison group's means (did: after the programme) as the ipw estimate weighs them,
    on its rows (``_adjusted``): two_group with robust SEs refits the score on them (TreatmentEffect does)."""
    spec = prep.spec
    idx = np.flatnonzero(ok & prep.kept)
    t = prep.treated[idx]
    if spec.design == "two_group" and spec.se != "cluster":
        w = _weights(t, _logit(t, prep.X[idx]).predict(), spec.estimand)
    else:
        w = prep.weight[idx]
    after = np.ones(len(idx), bool) if prep.post is None else prep.post[idx] == 1
    means = []
    for arm in (1, 0):
        rows = after & (t == arm)
        means.append(float(np.average(y[idx][rows], weights=w[rows])) if rows.any() else math.nan)
    return means[0], means[1], int((after & (t == 0)).sum())



HEADLINE_COLUMNS = ["study", "outcome", "method", "estimand", "itt", "estimate", "se", "se_type", "ci_low",
                    "ci_high", "p_value", "p_holm", "naive_estimate", "naive_se", "naive_p_value", "mean_treated",
                    "comparison_mean", "comparison_sample", "mean_treated_weighted", "comparison_mean_weighted",
                    "comparison_n_weighted", "binary", "effect_pp", "relative_effect", "comparison_sd", "effect_sd",
                    "n_treated",
                    "n_comparison", "comparison_n", "mde", "icc", "icc_n", "icc_sample", "mean_cluster_size",
                    "design_effect",
                    "mde_design", "clusters_treated", "clusters_comparison",
                    "registration", "note"]


def headline(study: Study, alpha: float = 0.05, effects: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per outcome, what the reporting standards ask for (CONSORT 2010 items 16-17, DIME, J-PAL), one row each:

    - the estimate the study asks for (method = its ``adjustment``; ``ols`` without one) with se, se_type, CI, p and
      Holm's p over the outcomes (``adjusted_effects``); the naive estimate beside it (naive_*, NaN when the
      headline is the naive comparison itself); ``itt`` True for a ``randomised`` study (intention to treat);
    - mean_treated, comparison_mean: the groups' means over the rows of the naive comparison (did: after the
      programme; comparison_sample says "all" or "post"), comparison_n its rows, unweighted;
    - with ``ipw``: mean_treated_weighted, comparison_mean_weighted: the same means as the weighted estimate compares
      them (its rows: trimmed ones left out; its weights: att: the comparison weighted by the odds, ate: both groups
      by the inverse probability; two_group: estimate = their difference), NaN otherwise; comparison_n_weighted the
      comparison rows they average;
    - for a 0/1 outcome (binary): effect_pp = 100 x estimate (percentage points) and relative_effect =
      mean_treated / (mean_treated - estimate), the treated's mean against their estimated mean without the
      programme (two_group without adjustment: mean_treated / comparison_mean; with ipw, the weighted means);
    - comparison_sd: the standard deviation (ddof 1) of the comparison group's outcome over the rows of
      comparison_mean, unweighted; effect_sd = estimate / comparison_sd, the effect in standard deviations (Glass's
      delta), NaN when that SD is 0;
    - mde (from the estimate's own SE, ``inference.min_detectable_effect``); for ``se: cluster``, on the rows of
      the comparison mean (did: after the programme, a cross-section; a panel's repeated rows of a unit would
      otherwise count as a cluster, and differencing them removes what they share): icc (one-way ANOVA on the
      outcome less its group mean, ``inference.icc``, on icc_n rows; NaN when each cluster has one row; with an
      arm in one cluster, the other arm's alone, icc_sample "comparison" or "treated", else "both"),
      mean_cluster_size m,
      design_effect = 1 + (m - 1) ICC, and mde_design: the multiple for the clusters per arm x the classical SE of
      the difference of means x sqrt(design effect), the MDE of that comparison of means;
    - clusters_treated, clusters_comparison (``se: cluster``): the clusters holding each arm's rows of the estimate
      (``rows_used``), as CONSORT's extension to cluster trials asks (item 16);
    - registration: "exploratory" for an outcome listed in ``exploratory``, "prespecified" for the others when the
      study gives a ``registry``, "" when the study says nothing.

    ``effects``: ``adjusted_effects(study, alpha)`` when the caller already has it.
    """
    from statsmodels.regression.linear_model import OLS

    spec, data = study.spec, study.data
    effects = adjusted_effects(study, alpha) if effects is None else effects
    treated = indicator(data[spec.treatment.column], spec.treatment.treated)
    post = indicator(data[spec.period.column], spec.period.post) if spec.design == "did" else None
    clustered = spec.se == "cluster" and spec.cluster in data
    groups = pd.factorize(data[spec.cluster], use_na_sentinel=True)[0] if clustered else None
    used = rows_used(study) if clustered else {}
    prep = _prepare(study) if spec.adjustment == "ipw" else None
    rows = []
    for outcome in spec.outcomes:
        mine = effects[effects["outcome"] == outcome]
        naive = mine[mine["method"] == "naive"].iloc[0]
        adjusted = mine[mine["method"] != "naive"]
        main = adjusted.iloc[0] if len(adjusted) else naive
        row = dict.fromkeys(HEADLINE_COLUMNS, np.nan)
        row.update(study=study.name, outcome=outcome, method=main["method"] if len(adjusted) else "ols",
                   estimand=main["estimand"], itt=bool(spec.randomised), note=str(main["note"]),
                   registration=("exploratory" if outcome in spec.exploratory else
                                 "prespecified" if spec.registry else ""))
        for c in ("estimate", "se", "se_type", "ci_low", "ci_high", "p_value", "p_holm", "n_treated",
                  "n_comparison", "mde"):
            row[c] = main[c]
        if len(adjusted):
            row.update(naive_estimate=naive["estimate"], naive_se=naive["se"], naive_p_value=naive["p_value"])
        y = as_numbers(data[outcome])
        ok = ~np.isnan(y) & ~np.isnan(treated)
        if post is not None:
            ok &= ~np.isnan(post)
        if groups is not None:
            ok &= groups >= 0
        after = ok if post is None else ok & (post == 1)
        y1, y0 = y[after & (treated == 1)], y[after & (treated == 0)]
        row["comparison_sample"] = "all" if post is None else "post"
        row["mean_treated"] = float(y1.mean()) if y1.size else math.nan
        row["comparison_mean"] = float(y0.mean()) if y0.size else math.nan
        if prep is not None and len(adjusted) and np.isfinite(row["estimate"]):
            # beside a weighted estimate, the means it compares (the unweighted comparison mean is another figure)
            row["mean_treated_weighted"], row["comparison_mean_weighted"], row["comparison_n_weighted"] = \
                _weighted_means(prep, y, ok)
        observed = y[ok]
        row["binary"] = bool(observed.size and np.isin(observed, (0.0, 1.0)).all())
        if row["binary"] and np.isfinite(row["estimate"]):
            row["effect_pp"] = 100 * row["estimate"]
            treated_mean = row["mean_treated"] if math.isnan(row["mean_treated_weighted"]) else \
                row["mean_treated_weighted"]
            without = treated_mean - row["estimate"]
            if without > 0:
                row["relative_effect"] = treated_mean / without
        row["comparison_n"] = int(y0.size)
        # the effect in standard deviations of the comparison group's outcome (Glass's delta; WWC and 3ie report
        # effects so, comparable across outcomes measured in other units): the annex gave it in the outcome's units
        row["comparison_sd"] = float(np.std(y0, ddof=1)) if y0.size > 1 else math.nan
        if np.isfinite(row["estimate"]) and row["comparison_sd"] > 0:
            row["effect_sd"] = row["estimate"] / row["comparison_sd"]
        if clustered:
            row["clusters_treated"] = len(np.unique(groups[used[outcome] & (treated == 1)]))
            row["clusters_comparison"] = len(np.unique(groups[used[outcome] & (treated == 0)]))
        if groups is not None and after.sum() > 2:
            # the comparison after the programme as a cross-section: rows of a cluster resemble each other
            idx = np.flatnonzero(after)
            t = treated[idx].astype(int)
            means = np.bincount(t, weights=y[idx], minlength=2) / np.maximum(np.bincount(t, minlength=2), 1)
            g = groups[idx]
            m = len(idx) / len(np.unique(g))
            # (an arm in one cluster has no between-cluster deviation of its own: one village per arm gave 0.0;
            # every treated row in one village beside 12 comparison villages, the ICC is the comparison arm's
            # alone, said so: it was blank, « no clustered design », though 12 villages measure it)
            lone = one_cluster_arm(t, g)
            sample = "both" if not lone else next(
                (arm for flag, arm in ((0, "comparison"), (1, "treated"))
                 if len(np.unique(g[t == flag])) > 1 and len(np.unique(g[t == 1 - flag])) == 1), "")
            mine = np.ones(len(idx), dtype=bool) if sample == "both" else t == (sample == "treated")
            rho = inference.icc(y[idx][mine] - means[t][mine], g[mine]) if m > 1 and sample else math.nan
            sample = sample if np.isfinite(rho) else ""
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                se_iid = float(OLS(y[idx], np.column_stack([np.ones(len(idx)), t])).fit().bse[1])
            g_t, g_c = len(np.unique(g[t == 1])), len(np.unique(g[t == 0]))
            effect = inference.design_effect(m, 0.0 if m == 1 else rho)
            # (with an arm in one cluster the effect is that cluster's level too: no MDE, as no SE)
            row.update(icc=rho, icc_n=int(mine.sum()), icc_sample=sample, mean_cluster_size=m, design_effect=effect,
                       mde_design=math.nan if lone else inference.min_detectable_effect_clustered(
                           se_iid, g_t, g_c, m, 0.0 if m == 1 else rho, alpha))
        rows.append(row)
    out = pd.DataFrame(rows, columns=HEADLINE_COLUMNS)
    out["itt"] = out["itt"].astype(bool)
    out["binary"] = out["binary"].astype(bool)
    return out
