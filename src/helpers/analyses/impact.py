"""Impact-study statistics: treatment-vs-comparison effects and the balance table.

Two public functions, both taking a ``loader.Study`` and returning one tidy DataFrame (no I/O, no plotting):

- ``estimate_effects(study)``: one row per outcome x (overall + each value of each subgroup column) x method.
  ``method == "ols"``: the OLS coefficient of the treatment indicator (design ``two_group``) or of
  treated x post (design ``did``: outcome ~ 1 + treated + post + treated:post [+ covariates when
  ``adjustment: regression``; a text covariate enters as one 0/1 term per value but the first, in sorted order]).
  ``method == "newcombe"`` (0/1 outcomes only): the difference of proportions treated - comparison (for ``did``: in
  the post period) with Newcombe's hybrid Wilson-score interval (statsmodels ``confint_proportions_2indep``,
  ``method="newcomb"``); with clustered SEs, each arm's count and size divided by its design effect first (Rao
  and Scott 1992).
- ``balance_table(study)``: means, variances and standardised mean differences of the covariates
  (at baseline for ``did``), (mean_t - mean_c) / sqrt((var_t + var_c) / 2), sample variances (ddof=1); a text
  covariate gives one row per value but the first (the share of the group with that value).
- ``balance_test(study)``: the joint test of balance as DIME's ``iebaltab`` reports it: OLS of the treatment
  indicator on the covariates (the same terms), F-test that every slope is zero, with the study's kind of SE.
- ``units(study)``: per arm the units (``unit:`` the person column; rows without it), the rows, and the attrition
  (units with a row before the programme and none after it; did with ``unit`` only).

The balance sample (``balance_sample``): two_group every row; did the rows before the programme, and with ``unit``
one row per unit, its last row before the programme (the same baseline as the propensity score's).

Every OLS number (estimate, se, ci_low/ci_high, p_value, df, n_clusters) is read from a statsmodels result:
``statsmodels.api.OLS(y, X).fit(cov_type=..., cov_kwds=..., use_t=True)`` on a numpy design matrix built from the
treatment (and period) indicators and the centred covariates (no formula parsing), then ``params``, ``bse``,
``conf_int(alpha)``, ``pvalues``, ``df_resid`` / ``df_resid_inference`` and ``n_groups``. Nothing here computes a
covariance matrix; tests/test_impact.py checks the results against textbook formulas, scipy and statsmodels' formula
interface. The spec's ``se`` gives statsmodels' ``cov_type`` (column ``se_type``), with statsmodels' defaults:

- ``se: classical`` -> ``"nonrobust"``: s^2 (X'X)^-1, s^2 = e'e / (n - k).
- ``se: robust`` (the default) -> ``"HC1"``: n / (n - k) (X'X)^-1 X' diag(e^2) X (X'X)^-1.
- ``se: cluster`` -> ``"cluster"`` with ``groups`` = the factorised cluster column: CRV1,
  G / (G - 1) (n - 1) / (n - k) (X'X)^-1 (sum_g s_g s_g') (X'X)^-1, s_g = X_g' e_g (``use_correction=True``).

Inference uses Student's t (``use_t=True``, as Stata): df = n - k (``df_resid``), or G - 1 for clustered SEs
(statsmodels' ``df_correction`` default, ``df_resid_inference``), G the clusters present in the rows used; column
``df`` says which. Nothing here raises on awkward data: a subgroup with one arm, too few rows, one cluster, no variance
or a collinear design gives a row of NaNs with the reason in ``note``.

Speed (one million units, two rounds, clustered SEs, 3 outcomes x 7 subsets: 21 fits on up to 2e6 rows, about 3.5 s
on 2 cores): the design is built once per fit as a Fortran-ordered float64 array, the cluster codes are int64 and the
rows are taken in cluster order, and nothing but the needed attributes of the result is computed (no summary).
Most of the time is statsmodels' pseudo-inverse of X, which ``fit`` computes for either ``method`` in statsmodels 0.15.
"""

from __future__ import annotations

import math
import re
import warnings
from typing import Any

import numpy as np
import pandas as pd

# (DIFFERENTIAL_ATTRITION: the annex says when rates differ)
from ..data.model import DIFFERENTIAL_ATTRITION, Study, units_in_several_rounds  # noqa: F401
from ..data.numbers import as_bool, rounds_in_time_order
from ..text import fold

__all__ = ["estimate_effects", "subgroup_differences", "balance_table", "balance_test", "balance_sample", "units", "covariate_terms",
           "outcome_unit", "panel_rows_dependent", "cohort_effects", "COHORT_COLUMNS", "subgroup_study", "clustered_on_unit", "shown_subgroups", "EFFECT_COLUMNS", "BALANCE_COLUMNS", "UNIT_COLUMNS", "SE_TYPES"]

# The spec's `se` -> statsmodels' cov_type name, which is what the `se_type` column says.
SE_TYPES = {"robust": "HC1", "classical": "nonrobust", "cluster": "cluster"}

EFFECT_COLUMNS = [
    "study", "outcome", "subgroup", "subgroup_value", "design", "method", "term",
    "estimate", "se", "ci_low", "ci_high", "p_value", "df",
    "n", "n_treated", "n_comparison", "n_clusters",
    "mean_treated", "mean_comparison",
    "mean_treated_pre", "mean_treated_post", "mean_comparison_pre", "mean_comparison_post",
    "se_type", "note",
]

BALANCE_COLUMNS = [
    "study", "covariate", "sample", "n_treated", "n_comparison",
    "mean_treated", "mean_comparison", "var_treated", "var_comparison", "smd", "note",
]

UNIT_COLUMNS = ["study", "arm", "n_units", "n_rows", "n_baseline", "n_followup", "attrition", "attrition_rate",
                "late", "counts", "note"]
SAMPLES = ("all", "pre", "baseline")  # balance_sample: every row; rows before the programme; each unit's last one

MIN_PER_CELL = 2          # fewer rows than this in an arm (did: in a group x period cell) -> no estimate
FEW_CLUSTERS = 20         # below this many clusters, say that cluster-robust SEs are unreliable
_COND_LIMIT = 1e10        # condition number of the scaled X'X above which the design counts as collinear


# --------------------------------------------------------------------------------------------------------------------
# Matching the treated / post values robustly ("1" vs 1, " Treated" vs "treated", True vs "true")


def _norm_text(value: Any) -> str:
    return fold(value)   # as the loader checked the treated / post values (helpers.text)


def _as_number(value: Any) -> float | None:
    if isinstance(value, (bool, np.bool_)):
        return float(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return None


def _value_matches(cell: Any, target: Any) -> bool:
    if isinstance(target, (bool, np.bool_)) or isinstance(cell, (bool, np.bool_)):
        # yes/no in the loader's words (`treated: yes` is True in YAML, the cells say yes, oui, 1...): the loader
        # checked the treated value with them; matching true/false only, no row was treated
        c, t = as_bool(cell), as_bool(target)
        return c is not None and t is not None and c == t
    if _norm_text(cell) == _norm_text(target):
        return True
    c, t = _as_number(cell), _as_number(target)
    return c is not None and t is not None and not math.isnan(c) and c == t


def indicator(column: pd.Series, target: Any) -> np.ndarray:
    """1.0 where the column equals ``target`` (robustly: numbers vs text, case, spaces), 0.0 elsewhere, NaN where
    the column is empty. Works on the distinct values, so it costs one factorize on a million rows."""
    return _indicator(column, target)[0]


def _indicator(column: pd.Series, target: Any) -> tuple[np.ndarray, list[str]]:
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    hits = np.array([1.0 if _value_matches(u, target) else 0.0 for u in uniques] + [np.nan])
    return hits[codes], sorted(as_label(u) for u in uniques)  # code -1 (missing) picks the trailing NaN


def _flags(data: pd.DataFrame, column: str, target: Any, what: str, notes: list[str]) -> np.ndarray:
    """The 0/1/NaN indicator of ``column == target``, noting a value never found or more than two values."""
    if column not in data.columns:
        return np.full(len(data), np.nan)
    flags, values = _indicator(data[column], target)
    other = "comparison" if what == "treated" else "pre"
    if values and not np.nansum(flags):
        notes.append(f"no row has {column} = '{target}' (the {what} value); values found: "
                     + ", ".join(values[:8]) + (", ..." if len(values) > 8 else ""))
    elif len(values) > 2:
        notes.append(f"'{column}' has {len(values)} values; every value other than '{target}' counts as {other}")
    return flags


def as_numbers(column: pd.Series) -> np.ndarray:
    """A column as float64 numbers (booleans as 0/1, "1,5" as 1.5); what is not a number becomes NaN."""
    if pd.api.types.is_bool_dtype(column):
        return column.astype("float64").to_numpy()
    if pd.api.types.is_numeric_dtype(column):
        return pd.to_numeric(column, errors="coerce").astype("float64").to_numpy(na_value=np.nan)
    return pd.to_numeric(column.astype("str").str.strip().str.replace(",", ".", regex=False),
                         errors="coerce").astype("float64").to_numpy(na_value=np.nan)


def as_label(value: Any) -> str:
    """A value as the label a table shows: 2.0 as "2", anything else as its text."""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


SHARE = "share"   # the unit of a 0/1 outcome's effects and means: a fraction of 1 (0.27 is 27 percentage points)
# a column that says each row's currency (the loader's study check warns when it holds several)
_CURRENCY_COLUMNS = {"currency", "devise", "devises", "monnaie", "currency_code", "code_devise"}
# an outcome that says it is no amount (« score », « nombre de jours »): a currency column's is not its unit
_NOT_MONEY = re.compile(r"\b(?:score|scores|note|notes|indice|index|nombre|number|count|nb|jours?|days?|heures?|hours?|"
                        r"semaines?|weeks?|mois|months?|annees?|years?|ages?|rang|rank|taux|rate|part|share|"
                        r"pourcentage|percent(?:age)?|points?)\b")


def outcome_unit(study: Study, outcome: str) -> str:
    """The unit of an outcome's effects, means and MDE, from the data: SHARE for a 0/1 outcome; the one currency its
    header or label names (« Revenu (MAD) », « Monthly earnings (EUR) »), else the one a currency column
    (`devise`) gives every row, unless the outcome says it is no amount (a score, a number of days); '' when the
    data do not say (a score, an amount whose currency is not named).
    figures.csv wrote '' for every outcome, and a report's « +120 MAD » was compared with an effect in EUR or in
    share as with one in MAD."""
    from ..data.currencies import currency_code, is_known, named_currencies, names_a_log

    data = study.data
    values = as_numbers(data[outcome]) if outcome in data.columns else np.array([])
    values = values[~np.isnan(values)]
    if values.size and np.isin(values, (0.0, 1.0)).all():
        return SHARE
    label = study.spec.labels.get(outcome)
    texts = [t for t in (outcome, *((label.fr, label.en) if label else ())) if t]
    if any(names_a_log(t) for t in texts):
        # the log of an amount: its effect (0.092) is a difference of logs, about +9.6 %, in no currency; it was
        # « MAD », and a report's « +0,09 MAD » was « Conforme », « +9,6 % » refused as a share beside an amount
        return ""
    named = {c for t in texts for c in named_currencies(t)}
    named |= {m.upper() for t in texts for m in re.findall(r"[(\[]\s*([A-Za-z]{3})\s*[)\]]", t)
              if is_known(m.upper())}
    if not named and not any(_NOT_MONEY.search(fold(t).replace("_", " ")) for t in texts):
        for column in data.columns:
            if isinstance(column, str) and fold(column).replace(" ", "_") in _CURRENCY_COLUMNS:
                named |= {currency_code(str(v).strip()) for v in data[column].dropna().unique() if str(v).strip()}
    named = {currency_code(c) for c in named}
    return next(iter(named)) if len(named) == 1 and is_known(next(iter(named))) else ""


# --------------------------------------------------------------------------------------------------------------------
# OLS: statsmodels on numpy design matrices


# Rows of the design for each cell: two_group [1, treated]; did [1, treated, post, treated x post].
_XC_TWO_GROUP = np.array([[1.0, 0.0], [1.0, 1.0]])
_XC_DID = np.array([[1.0, 0.0, 0.0, 0.0], [1.0, 0.0, 1.0, 0.0], [1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]])


class _Degenerate(Exception):
    pass


def one_cluster_arm(treated: np.ndarray, groups: np.ndarray | None) -> str:
    """Why a clustered SE cannot be given when every treated (or comparison) row is in one cluster, else "": the
    effect is then that cluster's own level as much as the programme's, and CRV1 cannot see it (one village per
    arm: SE 4.5e-13, p 2e-15; one treated village beside 12: SE 9.0 where its own level varies by 30)."""
    if groups is None:
        return ""
    for flag, arm in ((1.0, "treated"), (0.0, "comparison")):
        mine = np.unique(groups[treated == flag])
        if len(mine) == 1:
            return (f"every {arm} row is in one cluster: the effect cannot be told apart from that cluster's own "
                    "level, and a clustered SE cannot measure it: no SE")
    return ""


def _design(cell: np.ndarray, Xc: np.ndarray, Z: np.ndarray | None) -> np.ndarray:
    """X = [Xc[cell], Z] as a Fortran-ordered float64 array: statsmodels' column-wise reductions then run over
    contiguous memory (its search for the constant column takes ~2 ms instead of ~40 ms at 2e6 rows)."""
    k_cell = Xc.shape[1]
    X = np.empty((cell.size, k_cell + (0 if Z is None else Z.shape[1])), order="F")
    for j in range(k_cell):
        X[:, j] = Xc[:, j][cell]
    if Z is not None:
        X[:, k_cell:] = Z
    return X


def _ols(y: np.ndarray, X: np.ndarray, se_type: str, groups: np.ndarray | None, term: int, alpha: float,
         check_design: bool) -> dict[str, Any]:
    """statsmodels OLS of y on X with the covariance ``se_type``; the ``term`` coefficient with its SE, interval,
    p-value and df, read from the result object. Raises _Degenerate (with the reason) instead of fitting a design
    that cannot give an estimate."""
    # statsmodels.api.OLS itself; imported from its module, which skips the ~0.3 s import of the rest of the api
    from statsmodels.regression.linear_model import OLS

    n, k = X.shape
    if n <= k:
        raise _Degenerate(f"too few rows ({n}) for {k} parameters")
    if check_design:  # covariates: a column of zeros or a collinear design would give a min-norm, meaningless fit
        xtx = X.T @ X
        scale = np.sqrt(np.diag(xtx))
        if np.any(scale == 0):
            raise _Degenerate("a regressor is zero in every row")
        if np.linalg.cond(xtx / np.outer(scale, scale)) > _COND_LIMIT:
            raise _Degenerate("collinear design (a covariate is constant or duplicates the treatment in this group)")
    fit_kwds: dict[str, Any] = {"cov_type": se_type, "use_t": True}
    if se_type == "cluster":
        assert groups is not None
        present = int(np.count_nonzero(np.bincount(groups)))
        if present < 2:
            raise _Degenerate(f"only {present} cluster: clustered SEs need at least 2")
        fit_kwds["cov_kwds"] = {"groups": groups}  # int64 codes: statsmodels then skips re-coding them
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        res = OLS(y, X).fit(**fit_kwds)
        if res.model.rank < k:
            raise _Degenerate("collinear design (a covariate is constant or duplicates the treatment in this group)")
        ci = res.conf_int(alpha)
        out = {"estimate": float(res.params[term]), "se": float(res.bse[term]),
               "ci_low": float(ci[term, 0]), "ci_high": float(ci[term, 1]), "p_value": float(res.pvalues[term]),
               "df": float(getattr(res, "df_resid_inference", res.df_resid)),
               "n_clusters": int(res.n_groups) if se_type == "cluster" else None,
               "perfect": float(res.ssr) <= 1e-20 * max(float(res.centered_tss), 1.0),
               "one_cluster": one_cluster_arm(X[:, 1], groups) if se_type == "cluster" else ""}
    return out


# --------------------------------------------------------------------------------------------------------------------
# estimate_effects


def _empty_row(study: Study, outcome: str, subgroup: str | None, value: str | None, method: str, term: str,
               se_type: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {c: np.nan for c in EFFECT_COLUMNS}
    row.update(study=study.name, outcome=outcome, subgroup=subgroup, subgroup_value=value,
               design=study.spec.design, method=method, term=term, se_type=se_type, note="")
    for c in ("n", "n_treated", "n_comparison"):
        row[c] = 0
    return row


def _add_note(row: dict[str, Any], text: str) -> None:
    row["note"] = f"{row['note']}; {text}" if row["note"] else text


def estimate_effects(study: Study, alpha: float = 0.05, subgroups: list[str] | None = None) -> pd.DataFrame:
    """Effects of the treatment on every outcome, overall and by subgroup, as one tidy table.

    ``subgroups`` overrides the spec's subgroup columns (e.g. leave out "country" in a one-country annex, where it
    would repeat the overall row); ``alpha`` sets the interval level (0.05 -> 95 %).

    Columns (``EFFECT_COLUMNS``, in this order):
      study, outcome, subgroup (NA for the overall row), subgroup_value (text; NA overall), design ("two_group" |
      "did"), method ("ols" | "newcombe"), term ("treated", "treated:post", "diff_prop" or "diff_prop_post"),
      estimate, se (NaN for newcombe), ci_low, ci_high (level 1 - alpha), p_value (NaN for newcombe), df (t degrees
      of freedom), n (rows used), n_treated, n_comparison (rows of each group used, both periods for did OLS; post
      period only for did newcombe), n_clusters (clustered SEs only), mean_treated, mean_comparison (two_group: group
      means; did: post-period means), mean_treated_pre, mean_treated_post, mean_comparison_pre, mean_comparison_post
      (did only, NaN for two_group), se_type ("HC1" | "nonrobust" | "cluster" for OLS; "newcombe" for newcombe rows),
      note (empty when nothing to say; otherwise why a value is missing or what to be careful about).
    """
    spec = study.spec
    data = study.data
    n_all = len(data)
    se_type = SE_TYPES[spec.se]
    did = spec.design == "did"

    base_notes: list[str] = []
    missing_cols = [c for c in spec.columns() if c not in data.columns and c not in spec.outcomes]
    treated = _flags(data, spec.treatment.column, spec.treatment.treated, "treated", base_notes)
    post = None
    if did:
        assert spec.period is not None
        post = _flags(data, spec.period.column, spec.period.post, "post", base_notes)
    groups = None
    order = None  # clustered SEs: rows are taken in cluster order (see _sorted)
    if se_type == "cluster":
        if spec.cluster in data.columns:
            # int64 ("int") codes: statsmodels' cov_cluster then uses them as they are, without re-coding
            groups = pd.factorize(data[spec.cluster], use_na_sentinel=True)[0].astype(np.dtype(int))
            order = np.argsort(groups, kind="stable")
            groups = groups[order]
        else:
            groups = np.full(n_all, -1, dtype=np.dtype(int))

    def _sorted(values: np.ndarray) -> np.ndarray:
        """A column in the row order of the estimation: sorted by cluster for clustered SEs (the same estimates;
        statsmodels' np.unique and per-cluster sums over sorted codes save ~0.2 s at 1e6 units), else as is."""
        return values if order is None else values[order]

    treated = _sorted(treated)
    if post is not None:
        post = _sorted(post)

    covariates: list[str] = []
    cov_arrays: dict[str, np.ndarray] = {}
    if spec.adjustment == "regression":  # the covariates in the model; text ones as 0/1 terms
        for code, _, arr in covariate_terms(data, [c for c in spec.covariates if c in data.columns], base_notes):
            covariates.append(code)
            cov_arrays[code] = _sorted(arr)

    # rows usable for any outcome: known arm (and period, and cluster, and covariates when adjusting)
    usable = ~np.isnan(treated)
    if post is not None:
        usable &= ~np.isnan(post)
    if groups is not None:
        usable &= groups >= 0
    for arr in cov_arrays.values():
        usable &= ~np.isnan(arr)
    # cell code of each row: two_group 0 comparison, 1 treated; did 2 * treated + post
    cell_all = np.where(usable, np.nan_to_num(treated), 0).astype(np.intp)
    if post is not None:
        cell_all = 2 * cell_all + np.where(usable, np.nan_to_num(post), 0).astype(np.intp)

    subsets: list[tuple[str | None, str | None, np.ndarray | None]] = [(None, None, None)]
    for sg in (spec.subgroups if subgroups is None else subgroups):
        if sg not in data.columns:
            continue
        codes, uniq = pd.factorize(data[sg], use_na_sentinel=True)
        codes = _sorted(codes)
        labels = [as_label(u) for u in uniq]
        for code in sorted(range(len(uniq)), key=lambda i: labels[i]):
            subsets.append((sg, labels[code], codes == code))

    common_notes = list(base_notes)
    if missing_cols:
        common_notes.append("column(s) not found: " + ", ".join(missing_cols))
    rows: list[dict[str, Any]] = []
    for outcome in spec.outcomes:
        notes = list(common_notes)
        if outcome not in data.columns:
            y_all = np.full(n_all, np.nan)
            notes.insert(0, f"column '{outcome}' not found")
        else:
            y_all = _sorted(as_numbers(data[outcome]))
            if np.isnan(y_all).all() and data[outcome].notna().any():
                notes.insert(0, f"outcome '{outcome}' is not numeric")
        observed = y_all[~np.isnan(y_all)]
        binary = observed.size > 0 and bool(np.isin(observed, (0.0, 1.0)).all())
        valid = usable & ~np.isnan(y_all)

        for subgroup, value, mask in subsets:
            idx = np.flatnonzero(valid if mask is None else valid & mask)
            part = _Part(y=y_all[idx], cell=cell_all[idx], did=did,
                         groups=None if groups is None else groups[idx],
                         covariates={c: cov_arrays[c][idx] for c in covariates})
            ols = _empty_row(study, outcome, subgroup, value, "ols", "treated:post" if did else "treated", se_type)
            for text in notes:
                _add_note(ols, text)
            rows.append(_ols_row(ols, part, se_type, alpha))
            if binary:
                nc = _empty_row(study, outcome, subgroup, value, "newcombe",
                                "diff_prop_post" if did else "diff_prop", "newcombe")
                for text in notes:
                    _add_note(nc, text)
                rows.append(_newcombe_row(nc, part, alpha, se_type))

    out = pd.DataFrame(rows, columns=EFFECT_COLUMNS)
    for c in ("n", "n_treated", "n_comparison"):
        out[c] = out[c].astype("int64")
    out["n_clusters"] = out["n_clusters"].astype("Int64")
    for c in ("subgroup", "subgroup_value", "se_type"):
        out[c] = out[c].astype("str")  # pandas' text dtype; None -> NA
    return out


_CELL_NAMES = {False: ("comparison", "treated"),
               True: ("comparison pre", "comparison post", "treated pre", "treated post")}


class _Part:
    """The rows of one outcome x subset: outcome, cell codes, clusters, covariates, and per-cell counts and sums."""

    def __init__(self, y, cell, did, groups, covariates):
        self.y, self.cell, self.did, self.groups, self.covariates = y, cell, did, groups, covariates
        m = 4 if did else 2
        self.counts = np.bincount(cell, minlength=m)
        self.sums = np.bincount(cell, weights=y, minlength=m)

    def fill_means(self, row: dict[str, Any]) -> None:
        with np.errstate(invalid="ignore", divide="ignore"):
            means = np.where(self.counts > 0, self.sums / np.maximum(self.counts, 1), np.nan)
        if not self.did:
            row["mean_comparison"], row["mean_treated"] = float(means[0]), float(means[1])
            return
        row["mean_comparison_pre"], row["mean_comparison_post"] = float(means[0]), float(means[1])
        row["mean_treated_pre"], row["mean_treated_post"] = float(means[2]), float(means[3])
        row["mean_treated"], row["mean_comparison"] = row["mean_treated_post"], row["mean_comparison_post"]


def _ols_row(row: dict[str, Any], part: _Part, se_type: str, alpha: float) -> dict[str, Any]:
    did, counts = part.did, part.counts
    n = part.y.size
    n_treated = int(counts[2:].sum()) if did else int(counts[1])
    row["n"], row["n_treated"], row["n_comparison"] = n, n_treated, n - n_treated
    part.fill_means(row)
    if n == 0:
        _add_note(row, "no rows with this outcome")
        return row
    short = [name for name, count in zip(_CELL_NAMES[did], counts) if count < MIN_PER_CELL]
    short.sort(key=lambda name: not name.startswith("treated"))
    if short:
        _add_note(row, f"fewer than {MIN_PER_CELL} rows in: " + ", ".join(short) + "; no estimate")
        return row

    used_cov, z_columns = [], []
    for c, x in part.covariates.items():
        if np.ptp(x) == 0:
            _add_note(row, f"covariate '{c}' is constant here and was left out")
            continue
        z_columns.append(x - x.mean())  # centring changes no treatment coefficient, helps conditioning
        used_cov.append(c)
    Z = np.column_stack(z_columns) if z_columns else None
    try:
        # without covariates, at least MIN_PER_CELL rows in every cell make the cell design full rank
        fit = _ols(part.y, _design(part.cell, _XC_DID if did else _XC_TWO_GROUP, Z), se_type, part.groups,
                   3 if did else 1, alpha, check_design=Z is not None)
    except _Degenerate as exc:
        _add_note(row, str(exc))
        return row
    row["estimate"] = fit["estimate"]
    row["n_clusters"] = fit["n_clusters"]
    row["df"] = fit["df"]
    if fit["n_clusters"] is not None and fit["n_clusters"] < FEW_CLUSTERS:
        _add_note(row, f"only {fit['n_clusters']} clusters: clustered SEs are unreliable below {FEW_CLUSTERS}")
    if fit["one_cluster"]:
        _add_note(row, fit["one_cluster"])
        return row
    if fit["perfect"] or not fit["se"] > 0:
        _add_note(row, "no residual variance (the outcome is constant within groups): no SE")
        return row
    for c in ("se", "ci_low", "ci_high", "p_value"):
        row[c] = fit[c]
    if used_cov:
        _add_note(row, "adjusted for " + ", ".join(used_cov))
    return row


def _newcombe_row(row: dict[str, Any], part: _Part, alpha: float, se_type: str) -> dict[str, Any]:
    from statsmodels.stats.proportion import confint_proportions_2indep

    did = part.did
    part.fill_means(row)
    i1, i0 = (3, 1) if did else (1, 0)  # treated (post), comparison (post)
    n1, n0 = int(part.counts[i1]), int(part.counts[i0])
    row["n"], row["n_treated"], row["n_comparison"] = n1 + n0, n1, n0
    if n1 == 0 or n0 == 0:
        missing = "treated" if n1 == 0 else "comparison"
        _add_note(row, f"no {missing} rows{' in the post period' if did else ''}; no estimate")
        return row
    c1, c0 = float(part.sums[i1]), float(part.sums[i0])
    row["estimate"] = c1 / n1 - c0 / n0
    single = one_cluster_arm(((part.cell >= 2) if did else part.cell).astype(float), part.groups) \
        if se_type == "cluster" else ""
    if single:   # (Rao-Scott's design effect is 1 with one cluster: the interval ignored the clustering)
        _add_note(row, single.replace("no SE", "no interval"))
        return row
    if se_type == "cluster":
        # Rao and Scott (1992): each arm's count and size divided by its design effect, the interval then Newcombe's
        # on those; it ignored the clustering, said in an English note only (10 sites of 40 rows per arm: 0.135
        # wide, excluding 0, beside the clustered OLS interval's 0.489)
        effects = [_proportion_design_effect(part.y[part.cell == i], part.groups[part.cell == i]) for i in (i1, i0)]
        c1, n1, c0, n0 = c1 / effects[0], n1 / effects[0], c0 / effects[1], n0 / effects[1]
        _add_note(row, "each arm's size divided by its design effect (Rao-Scott; treated "
                  f"{effects[0]:.3g}, comparison {effects[1]:.3g})")
    low, upp = confint_proportions_2indep(c1, n1, c0, n0, method="newcomb", compare="diff", alpha=alpha)
    row["ci_low"], row["ci_high"] = float(low), float(upp)
    if did:
        _add_note(row, "post period only (no baseline difference removed)")
    return row


def _proportion_design_effect(y: np.ndarray, groups: np.ndarray) -> float:
    """The variance of a proportion over clusters (ratio estimator, G / (G - 1) as CRV1) / its binomial variance
    p (1 - p) / n, at least 1 (as the ICC is at least 0); 1 with fewer than 2 clusters or a proportion of 0 or 1."""
    codes = np.unique(groups, return_inverse=True)[1].ravel()
    G, n = int(codes.max()) + 1 if codes.size else 0, y.size
    p = float(y.mean()) if n else math.nan
    if G < 2 or not 0 < p < 1:
        return 1.0
    residual = np.bincount(codes, weights=y - p, minlength=G)
    variance = G / (G - 1) * float((residual ** 2).sum()) / n ** 2
    return max(1.0, variance / (p * (1 - p) / n))


# --------------------------------------------------------------------------------------------------------------------
# covariates, the baseline, balance, units


def covariate_terms(data: pd.DataFrame, covariates: list[str],
                    notes: list[str] | None = None) -> list[tuple[str, str, np.ndarray]]:
    """(code, covariate, values) of each term: a numeric covariate as it is; a text covariate as one 0/1 term per
    value but the first in sorted order (the reference), coded ``sex=m`` (NaN where the cell is empty). A text
    covariate with a single value gives no term (a note says so)."""
    out = []
    for c in covariates:
        x = as_numbers(data[c])
        if not (np.isnan(x).all() and data[c].notna().any()):
            out.append((c, c, x))
            continue
        texts = data[c].map(lambda v: as_label(v).strip() if pd.notna(v) else None)
        levels = sorted(set(texts.dropna()))
        if len(levels) < 2 and notes is not None:
            notes.append(f"covariate '{c}' is text with a single value: nothing to compare")
        for level in levels[1:]:
            out.append((f"{c}={level}", c, np.where(texts.isna(), np.nan, (texts == level).astype(float))))
    return out


def period_order(spec: Any, values: pd.Series) -> list[Any] | None:
    """The periods present, in time order (the loader's checks place them by the same rule); None when unknown."""
    return rounds_in_time_order(values, spec.period.order)


def arms_of(study: Study) -> tuple[np.ndarray, np.ndarray | None]:
    spec, data = study.spec, study.data
    n = len(data)
    treated = (indicator(data[spec.treatment.column], spec.treatment.treated)
               if spec.treatment.column in data.columns else np.full(n, np.nan))
    post = None
    if spec.design == "did":
        assert spec.period is not None
        post = (indicator(data[spec.period.column], spec.period.post)
                if spec.period.column in data.columns else np.full(n, np.nan))
    return treated, post


def balance_sample(study: Study) -> tuple[np.ndarray, str]:
    """The rows that describe the groups before the programme (indices into the data) and the sample's code:
    "all" (two_group: every row with a group), "pre" (did: every row before the programme), "baseline" (did with
    ``unit``: each unit's last row before the programme, periods in time order when known, else file order)."""
    spec, data = study.spec, study.data
    treated, post = arms_of(study)
    keep = ~np.isnan(treated)
    if post is None:
        return np.flatnonzero(keep), "all"
    rows = np.flatnonzero(keep & (post == 0))
    if not (spec.unit and spec.unit in data.columns):
        return rows, "pre"
    order = period_order(spec, data[spec.period.column])
    if order is not None:
        rank = {as_label(v): i for i, v in enumerate(order)}
        when = data[spec.period.column].map(lambda v: rank.get(as_label(v), -1)).to_numpy()[rows]
        rows = rows[np.argsort(when, kind="stable")]
    units_col = data[spec.unit].to_numpy()[rows]
    last = ~pd.Series(units_col).duplicated(keep="last").to_numpy() & pd.notna(units_col)
    return np.sort(rows[last]), "baseline"


def balance_table(study: Study) -> pd.DataFrame:
    """Covariate balance between treated and comparison rows of the balance sample (``balance_sample``).

    Columns (``BALANCE_COLUMNS``): study, covariate (the term's code: ``age``, or ``sex=m`` for a text covariate),
    sample ("all", "pre" or "baseline"), n_treated, n_comparison (non-missing values), mean_treated,
    mean_comparison, var_treated, var_comparison (ddof=1),
    smd = (mean_treated - mean_comparison) / sqrt((var_treated + var_comparison) / 2), note.
    0/1 and True/False covariates count as numbers (the SMD of a proportion). A covariate that is missing, text with
    one value, or without variance gives NaNs and a note.
    """
    spec, data = study.spec, study.data
    treated, _ = arms_of(study)
    rows_used, sample = balance_sample(study)
    keep = np.zeros(len(data), dtype=bool)
    keep[rows_used] = True
    rows = []
    for c in spec.covariates:
        if c not in data.columns:
            terms: list[tuple[str, str, np.ndarray | None]] = [(c, c, None)]
            notes = [f"column '{c}' not found"]
        else:
            notes = []
            terms = covariate_terms(data, [c], notes) or [(c, c, None)]  # type: ignore[assignment]
        for code, _, x in terms:
            row: dict[str, Any] = {k: np.nan for k in BALANCE_COLUMNS}
            row.update(study=study.name, covariate=code, sample=sample, n_treated=0, n_comparison=0,
                       note="; ".join(notes))
            rows.append(row)
            if x is None:
                continue
            ok = keep & ~np.isnan(x)
            x1, x0 = x[ok & (treated == 1)], x[ok & (treated == 0)]
            row["n_treated"], row["n_comparison"] = x1.size, x0.size
            found = []
            if x1.size:
                row["mean_treated"] = float(x1.mean())
            if x0.size:
                row["mean_comparison"] = float(x0.mean())
            if x1.size >= 2:
                row["var_treated"] = float(x1.var(ddof=1))
            if x0.size >= 2:
                row["var_comparison"] = float(x0.var(ddof=1))
            if x1.size < 2 or x0.size < 2:
                found.append("fewer than 2 values in an arm")
            else:
                pooled = (row["var_treated"] + row["var_comparison"]) / 2
                if pooled > 0:
                    row["smd"] = (row["mean_treated"] - row["mean_comparison"]) / math.sqrt(pooled)
                else:
                    found.append("no variance in either arm")
            row["note"] = "; ".join(found)
    out = pd.DataFrame(rows, columns=BALANCE_COLUMNS)
    for c in ("n_treated", "n_comparison"):
        out[c] = out[c].astype("int64")
    return out


def balance_test(study: Study) -> dict[str, Any]:
    """Joint test of balance: statsmodels OLS of the treatment indicator (0/1) on [1, the covariates' terms] over
    the balance sample's complete rows, ``f_test`` that every slope is zero, with the study's SE kind (classical:
    the regression's F; robust: HC1 Wald F; cluster: CRV1 Wald F). Keys: f, df_num, df_denom, p_value, n, terms,
    se_type, sample, note (why p is NaN), clusters (clustered: G; p NaN when G <= the terms)."""
    from statsmodels.regression.linear_model import OLS

    spec, data = study.spec, study.data
    treated, _ = arms_of(study)
    rows, sample = balance_sample(study)
    se_type = SE_TYPES[spec.se]
    out: dict[str, Any] = {"f": math.nan, "df_num": math.nan, "df_denom": math.nan, "p_value": math.nan, "n": 0,
                           "terms": [], "se_type": se_type, "sample": sample, "note": ""}
    notes: list[str] = []
    present = [c for c in spec.covariates if c in data.columns]
    terms = covariate_terms(data, present, notes)
    if not terms:
        out["note"] = "no covariate to test"
        return out
    Z = np.column_stack([x[rows] for _, _, x in terms])
    t = treated[rows]
    ok = ~np.isnan(Z).any(axis=1) & ~np.isnan(t)
    groups = None
    if se_type == "cluster":
        codes = pd.factorize(data[spec.cluster], use_na_sentinel=True)[0][rows] if spec.cluster in data.columns \
            else np.full(len(rows), -1)
        ok &= codes >= 0
        groups = codes[ok].astype(np.int64)
    Z, t = Z[ok], t[ok]
    varying = np.ptp(Z, axis=0) > 0 if len(Z) else np.zeros(Z.shape[1], dtype=bool)
    Z = Z[:, varying]
    out["terms"] = [code for (code, _, _), v in zip(terms, varying) if v]
    out["n"] = int(len(t))
    k = Z.shape[1]
    if k == 0 or len(t) <= k + 1 or t.min(initial=1) == t.max(initial=0):
        out["note"] = "too few rows or no varying covariate: no joint test"
        return out
    X = np.column_stack([np.ones(len(t)), Z - Z.mean(axis=0)])
    kwds: dict[str, Any] = {"cov_type": se_type, "use_t": True}
    if groups is not None:
        if len(np.unique(groups)) < 2:
            out["note"] = "fewer than 2 clusters: no joint test"
            return out
        kwds["cov_kwds"] = {"groups": groups}
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        res = OLS(t, X).fit(**kwds)
        if res.model.rank < X.shape[1]:
            out["note"] = "collinear covariates: no joint test"
            return out
        test = res.f_test(np.eye(X.shape[1])[1:])
    out.update(f=float(np.asarray(test.fvalue).ravel()[0]), df_num=float(test.df_num),
               df_denom=float(test.df_denom), p_value=float(np.asarray(test.pvalue).ravel()[0]))
    if groups is not None:
        # CRV1's covariance of k terms has rank at most G - 1: with G <= k the F-test is of another hypothesis, and
        # with few clusters per term it rejects balanced groups far too often (random covariates, treatment by
        # cluster, 300 draws: p < 0.05 for 47 % with 6 clusters and 8 terms, 64 % with 12, 31 % with 20, 10 % with
        # 40, 8 % with 20 and 3 terms)
        out["clusters"] = g = len(np.unique(groups))
        if g <= k:
            out.update(f=math.nan, df_num=math.nan, df_denom=math.nan, p_value=math.nan)
            out["note"] = (f"{g} clusters for {k} covariate terms: a clustered covariance cannot test more terms than "
                           "clusters less one: no joint test")
        elif g < max(FEW_CLUSTERS, 5 * k):
            out["note"] = f"only {g} clusters for {k} covariate terms: the clustered test rejects too often"
    out["note"] = "; ".join([*notes, out["note"]] if out["note"] else notes)
    return out


DIFFERENCE_COLUMNS = ["study", "outcome", "subgroup", "values", "f", "df_num", "df_denom", "p_value", "se_type",
                      "note"]


def subgroup_differences(study: Study, subgroups: list[str] | None = None) -> pd.DataFrame:
    """Whether the effect differs between the values of each subgroup column (CONSORT 2010 item 18, 3ie: a
    subgroup's effect is compared with the others' by a test of interaction, not by its own p): statsmodels OLS of
    the outcome on the cells of ``estimate_effects`` (two_group [1, treated]; did [1, treated, post, treated x post])
    and those cells times a 0/1 term per subgroup value but the first (every value its own levels and effect), the
    covariates with ``adjustment: regression``; ``f_test`` that the effect's terms times the values are all zero,
    with the study's kind of SE (CRV1: F on G - 1 denominator df). Only the values whose own effect can be estimated
    (MIN_PER_CELL rows in each cell) are compared; fewer than two: p NaN, the note says why.
    The annex gave each subgroup's effect and raw p (women p < 0.001, men p = 0.2) and nothing on their difference,
    which a reader takes for one."""
    from statsmodels.regression.linear_model import OLS

    spec, data = study.spec, study.data
    did = spec.design == "did"
    se_type = SE_TYPES[spec.se]
    treated, post = arms_of(study)
    usable = ~np.isnan(treated)
    cell = np.nan_to_num(treated).astype(np.intp)
    if post is not None:
        usable &= ~np.isnan(post)
        cell = 2 * cell + np.nan_to_num(post).astype(np.intp)
    clusters = None
    if se_type == "cluster":
        clusters = pd.factorize(data[spec.cluster], use_na_sentinel=True)[0] if spec.cluster in data.columns \
            else np.full(len(data), -1)
        usable &= clusters >= 0
    terms = covariate_terms(data, [c for c in spec.covariates if c in data.columns]) \
        if spec.adjustment == "regression" else []
    for _, _, x in terms:
        usable &= ~np.isnan(x)
    Xc, effect = (_XC_DID, 3) if did else (_XC_TWO_GROUP, 1)
    rows = []
    for outcome in spec.outcomes:
        y = as_numbers(data[outcome]) if outcome in data.columns else np.full(len(data), np.nan)
        for sg in (spec.subgroups if subgroups is None else subgroups):
            if sg not in data.columns:
                continue
            codes, uniques = pd.factorize(data[sg], use_na_sentinel=True)
            ok = usable & ~np.isnan(y) & (codes >= 0)
            kept = [v for v in range(len(uniques))
                    if (np.bincount(cell[ok & (codes == v)], minlength=Xc.shape[0]) >= MIN_PER_CELL).all()]
            row = {"study": study.name, "outcome": outcome, "subgroup": sg, "values": len(kept), "f": math.nan,
                   "df_num": math.nan, "df_denom": math.nan, "p_value": math.nan, "se_type": se_type, "note": ""}
            rows.append(row)
            if len(kept) < 2:
                row["note"] = "fewer than two values with rows in every group: no test of difference"
                continue
            idx = np.flatnonzero(ok & np.isin(codes, kept))
            base = Xc[cell[idx]]
            dummies = [(codes[idx] == v).astype(float) for v in kept[1:]]
            Z = [x[idx] - x[idx].mean() for _, _, x in terms if np.ptp(x[idx]) > 0]
            X = np.column_stack([base, *(base * d[:, None] for d in dummies), *Z])
            tested = [Xc.shape[1] * (j + 1) + effect for j in range(len(dummies))]
            kwds: dict[str, Any] = {"cov_type": se_type, "use_t": True}
            if clusters is not None:
                kwds["cov_kwds"] = {"groups": clusters[idx].astype(np.int64)}
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                res = OLS(y[idx], X).fit(**kwds)
                if res.model.rank < X.shape[1]:
                    row["note"] = "collinear design: no test of difference"
                    continue
                test = res.f_test(np.eye(X.shape[1])[tested])
            row.update(f=float(np.asarray(test.fvalue).ravel()[0]), df_num=float(test.df_num),
                       df_denom=float(test.df_denom), p_value=float(np.asarray(test.pvalue).ravel()[0]))
    return pd.DataFrame(rows, columns=DIFFERENCE_COLUMNS)


PERIOD_COLUMNS = ["period", "post", "n_treated", "n_comparison"]


def periods(study: Study) -> pd.DataFrame:
    """The periods a study observes (CONSORT 14), in time order (the description's ``order``, else sorted): each
    period's value as written, whether it is after the programme (post), and the rows of each arm. Empty for a
    study without periods (two_group)."""
    spec, data = study.spec, study.data
    if spec.period is None or spec.period.column not in data.columns:
        return pd.DataFrame(columns=PERIOD_COLUMNS)
    treated = arms_of(study)[0]
    post = indicator(data[spec.period.column], spec.period.post)
    codes, values = pd.factorize(data[spec.period.column], use_na_sentinel=True)
    rows = []
    for code, value in enumerate(values):
        mine = codes == code
        rows.append({"period": as_label(value), "post": bool(post[mine][0] == 1.0),
                     "n_treated": int((mine & (treated == 1.0)).sum()),
                     "n_comparison": int((mine & (treated == 0.0)).sum())})
    out = pd.DataFrame(rows, columns=PERIOD_COLUMNS)
    order = [as_label(v) for v in spec.period.order or []]
    if order:
        rank = {label: i for i, label in enumerate(order)}
        keys = out["period"].map(lambda p: (rank.get(p, len(rank)), p))
    else:
        numeric = pd.to_numeric(out["period"], errors="coerce")
        keys = [(0, n, "") if pd.notna(n) else (1, 0.0, p) for n, p in zip(numeric, out["period"])]
    out = out.iloc[sorted(range(len(out)), key=lambda i: keys[i])].reset_index(drop=True)
    return out.astype({"n_treated": "int64", "n_comparison": "int64", "post": "bool"})


def units(study: Study) -> pd.DataFrame:
    """Per arm (treated, comparison): n_units (with ``unit``: distinct units; else the rows), n_rows, n_baseline
    and n_followup (did with ``unit``: units with a row before / after the programme, one with an outcome after),
    attrition (units with a row before the programme and none after with an outcome), attrition_rate (attrition / n_baseline), late (units with a row after
    the programme and none before: entered late, or their baseline not found), counts ("units" or "rows"),
    note. A unit's arm is that of its rows (a unit in both arms is counted in each, and the note says so)."""
    spec, data = study.spec, study.data
    treated, post = arms_of(study)
    has_unit = bool(spec.unit and spec.unit in data.columns)
    ids = data[spec.unit].to_numpy() if has_unit else None
    outcomes = [o for o in spec.outcomes if o in data.columns]
    measured = np.column_stack([~np.isnan(as_numbers(data[o])) for o in outcomes]).any(axis=1) if outcomes else \
        np.ones(len(data), bool)
    rows = []
    for arm, flag in (("treated", 1.0), ("comparison", 0.0)):
        mine = treated == flag
        row: dict[str, Any] = {"study": study.name, "arm": arm, "n_rows": int(mine.sum()),
                               "n_baseline": np.nan, "n_followup": np.nan, "attrition": np.nan, "late": np.nan,
                               "attrition_rate": np.nan, "counts": "units" if has_unit else "rows", "note": ""}
        if has_unit:
            assert ids is not None
            known = mine & pd.notna(ids)
            row["n_units"] = int(pd.unique(ids[known]).size)
            if post is not None:
                before = set(pd.unique(ids[known & (post == 0)]))
                # a follow-up row whose outcomes are all empty (the person not found, the row kept) is no follow-up:
                # 37 of 100 treated so written were counted attrition 0
                after = set(pd.unique(ids[known & (post == 1) & measured]))
                row["n_baseline"], row["n_followup"] = len(before), len(after)
                row["attrition"] = len(before - after)
                row["late"] = len(after - before)   # seen after the programme only: no change of their own
                if before:
                    row["attrition_rate"] = row["attrition"] / len(before)
            else:
                row["note"] = "no periods: attrition unknown"
        else:
            row["n_units"] = row["n_rows"]
            row["note"] = "no unit column: rows counted, attrition unknown"
        rows.append(row)
    if has_unit:
        both = set(pd.unique(ids[(treated == 1) & pd.notna(ids)])) & set(pd.unique(ids[(treated == 0) & pd.notna(ids)]))
        if both:
            for row in rows:
                row["note"] = f"{len(both)} unit(s) have rows in both arms"
    out = pd.DataFrame(rows, columns=UNIT_COLUMNS)
    for c in ("n_units", "n_rows"):
        out[c] = out[c].astype("int64")
    return out


def panel_rows_dependent(study: Study) -> bool:
    """did with ``unit`` whose units are seen in several rounds, with robust or classical SEs: the rows of a unit
    are then taken as independent (the loader's study_panel_se)."""
    return units_in_several_rounds(study.spec, study.data) > 0


def balanced_panel_effects(study: Study, alpha: float = 0.05) -> pd.DataFrame:
    """did with ``unit``: the plain difference-in-differences (OLS, the study's SE kind) of each outcome over the
    units with a value both before and after the programme (the balanced panel), beside the study's estimate on
    every row available. Columns: those of ``estimate_effects`` (overall OLS rows), n_units (the units of the
    panel), n_lost and n_late (the units with a value before the programme only, after it only). With attrition,
    the estimate on every row counts the baseline of the units lost in their group's change: 25 of 150 treated low
    earners not found made it 239.7 where the units seen twice give 202.7 (effect 200; statsmodels). Empty when the study has no units or periods, or no unit is seen in one round only."""
    spec, data = study.spec, study.data
    if spec.design != "did" or not spec.unit or spec.unit not in data.columns or spec.period is None \
            or spec.period.column not in data.columns:
        return pd.DataFrame(columns=[*EFFECT_COLUMNS, "n_units", "n_lost", "n_late"])
    _, post = arms_of(study)
    units, _ = pd.factorize(data[spec.unit], use_na_sentinel=True)
    size = int(units.max()) + 1 if len(units) else 0
    rows = []
    for outcome in (o for o in spec.outcomes if o in data.columns):
        value = ~np.isnan(as_numbers(data[outcome])) & (units >= 0)
        before = np.bincount(units[value & (post == 0)], minlength=size) > 0
        after = np.bincount(units[value & (post == 1)], minlength=size) > 0
        seen = before | after
        if (before & after).sum() == seen.sum():   # nothing left out: the study's estimate is the panel's
            continue
        keep = value & (before & after)[np.maximum(units, 0)]
        part = Study(study.name, spec.model_copy(update={"outcomes": [outcome]}), data[keep].reset_index(drop=True),
                     study.files)
        found = estimate_effects(part, alpha=alpha, subgroups=[])
        found = found[found["method"] == "ols"].assign(n_units=int((before & after).sum()),
                                                       n_lost=int((before & ~after).sum()),
                                                       n_late=int((after & ~before).sum()))
        rows.append(found)
    if not rows:
        return pd.DataFrame(columns=[*EFFECT_COLUMNS, "n_units", "n_lost", "n_late"])
    return pd.concat(rows, ignore_index=True)


def clustered_on_unit(study: Study) -> Study:
    """The study with its SEs clustered on its unit (CRV1), the rest as it is."""
    spec = study.spec
    return Study(study.name, spec.model_copy(update={"se": "cluster", "cluster": spec.unit}), study.data,
                 study.files)


def subgroup_study(study: Study) -> Study:
    """The study the table of effects by subgroup is estimated on: a panel taken row by row (panel_rows_dependent)
    is clustered on its unit, as each subgroup's rows of one person are no more independent than the study's (the
    table gave HC1's 96,3 for the women where clustering on the persons gives 15,0, statsmodels, and the caution
    gave the whole sample's only); else the study itself."""
    return clustered_on_unit(study) if panel_rows_dependent(study) else study


def shown_subgroups(study: Study) -> list[str]:
    """The subgroup columns whose effects an annex gives: those with two values or more among the study's rows (a
    country annex's `country` holds its own country only: its row would repeat the overall one)."""
    data = study.data
    return [s for s in study.spec.subgroups if s in data.columns and data[s].nunique(dropna=True) > 1]


NOT_EQUIVALENT = 0.25   # |standardised difference| at baseline above which adjustment cannot make the groups
                        # comparable (What Works Clearinghouse, Standards Handbook 5.0; Imbens and Rubin 2015: 0.25)


def baseline_imbalance(study: Study) -> pd.DataFrame:
    """The terms on which the groups differ at baseline by more than NOT_EQUIVALENT standard deviations, over the
    balance sample (``balance_sample``): the covariates' terms (``balance_table``) and, for did, the outcomes before
    the programme, which no balance table showed (treated earning 1 000 beside 800 at baseline, d = 1.0, nothing
    said). With ipw or aipw, the outcomes only (the covariates' balance after weighting is the weighted balance
    table's). Columns: those of ``balance_table`` and kind ("outcome" | "covariate")."""
    spec = study.spec
    outcomes = [o for o in spec.outcomes if o in study.data.columns] if spec.design == "did" else []
    # (with ipw / aipw the covariates' balance after weighting has its own table: only the outcomes here)
    covariates = spec.covariates if spec.adjustment in ("none", "regression") else []
    if not outcomes and not covariates:
        return pd.DataFrame(columns=[*BALANCE_COLUMNS, "kind"])
    terms = list(dict.fromkeys([*outcomes, *covariates]))
    both = Study(study.name, spec.model_copy(update={"covariates": terms}), study.data, study.files)
    table = balance_table(both).assign(kind=lambda t: np.where(t["covariate"].isin(outcomes), "outcome",
                                                               "covariate"))
    return table[table["smd"].abs() > NOT_EQUIVALENT].reset_index(drop=True)


def lee_bounds(study: Study) -> pd.DataFrame:
    """two_group: per outcome, the rows of each arm without a value (lost: not found, refused) and, when the arms'
    shares lost differ by DIFFERENTIAL_ATTRITION or more, Lee's (2009) bounds of the effect: the arm that kept more
    of its rows is trimmed of the excess share (p = (q_more - q_less) / q_more of its rows with a value, q the shares
    with a value), from the top for one bound and from the bottom for the other, and compared with the other arm's
    mean. 21 % of the treated lost (low earners) and 4 % of the comparison: the effect 144.9 was printed as the study's
    where the effect was 100, the annex silent (make check's differential_attrition said « the annex gives it »).
    Columns: outcome, lost_treated, n_treated, lost_comparison, n_comparison, lower, upper (NaN when the rates do not
    differ enough, or a group has fewer than 2 values). Empty for did (its attrition is counted on units: ``units``)."""
    columns = ["outcome", "lost_treated", "n_treated", "lost_comparison", "n_comparison", "lower", "upper"]
    spec, data = study.spec, study.data
    if spec.design != "two_group":
        return pd.DataFrame(columns=columns)
    treated = indicator(data[spec.treatment.column], spec.treatment.treated)
    rows = []
    for outcome in (o for o in spec.outcomes if o in data.columns):
        y = as_numbers(data[outcome])
        row = dict(outcome=outcome, lower=math.nan, upper=math.nan)
        values = {}
        for arm, name in ((1, "treated"), (0, "comparison")):
            mine = treated == arm
            row[f"n_{name}"], row[f"lost_{name}"] = int(mine.sum()), int((mine & np.isnan(y)).sum())
            values[arm] = np.sort(y[mine & ~np.isnan(y)])
        rows.append(row)
        if not row["n_treated"] or not row["n_comparison"] or min(len(values[1]), len(values[0])) < 2:
            continue
        q = {1: len(values[1]) / row["n_treated"], 0: len(values[0]) / row["n_comparison"]}
        if abs(q[1] - q[0]) < DIFFERENTIAL_ATTRITION:
            continue
        more = 1 if q[1] > q[0] else 0
        kept = values[more]
        cut = int(round((q[more] - q[1 - more]) / q[more] * len(kept)))
        if cut >= len(kept):
            continue
        low_part, high_part = kept[:len(kept) - cut].mean(), kept[cut:].mean()   # top trimmed, bottom trimmed
        other = values[1 - more].mean()
        if more == 1:
            row.update(lower=float(low_part - other), upper=float(high_part - other))
        else:
            row.update(lower=float(values[1].mean() - high_part), upper=float(values[1].mean() - low_part))
    return pd.DataFrame(rows, columns=columns)


COHORT_COLUMNS = ["study", "outcome", "cohort", "start", "round_before", "round_treated", "n_units_treated",
                  "n_units_comparison", "n", "estimate", "se", "ci_low", "ci_high", "p_value", "df", "n_clusters",
                  "n_clusters_treated", "weight", "se_type", "clustered_on", "n_unplaced", "n_first_round", "n_after_last", "note"]
AVERAGE = "average"   # cohort_effects' row of the cohorts' mean, weighted by their treated units


def cohort_effects(study: Study, alpha: float = 0.05) -> pd.DataFrame:
    """did whose treated units start at different rounds (staggered adoption: the start column the loader's
    staggered_start names, ``loader.start_column``): per outcome, each cohort's own 2x2 difference-in-differences and
    their mean. A cohort is the treated units whose start falls before the same round g (their first round treated,
    ``loader.first_round_treated``); its DiD compares their change from round g - 1 (their last round before the
    programme) to round g with that of the units never treated (the comparison group) over the same two rounds: OLS
    of y on 1, treated, post, treated x post over those rows (``estimate_effects``, no covariates, no weights), SE
    clustered (CRV1) on the study's cluster when it clusters, else on its unit, else on each row (HC1). The
    cohorts' mean (cohort ``AVERAGE``) weighs each cohort by its treated units with an estimate (column weight); its
    SE comes from the 2x2 regressions stacked (one block of the four terms per cohort, the same clusters: a never
    treated unit is in every cohort's comparison, so the cohorts' estimates are correlated), sqrt(w' V w), with
    Student's t on G - 1 df, G the clusters of the stack. This is Callaway and Sant'Anna's (2021) ATT(g, g) with
    the never treated as comparison, weighted by cohort size (their « simple » aggregation restricted to the
    first round treated). A cohort treated from the first round (no round before) or after the last is left out,
    and the note says so. The pooled DiD gave 125.5 on 60 villages starting in 2020, 2021 or never (true effects 200
    and 100 in the cohorts' first round treated): nothing else was estimated. Empty when no column gives different
    starts."""
    from ..data.loader import first_round_treated, start_column

    spec, data = study.spec, study.data
    if getattr(spec, "design", None) != "did" or getattr(spec, "period", None) is None:   # (a stand-in study too)
        return pd.DataFrame(columns=COHORT_COLUMNS)
    column = start_column(spec, data)
    if column is None:
        return pd.DataFrame(columns=COHORT_COLUMNS)
    assert spec.period is not None
    rounds = rounds_in_time_order(data[spec.period.column], spec.period.order)
    if rounds is None:
        return pd.DataFrame(columns=COHORT_COLUMNS)
    treated = indicator(data[spec.treatment.column], spec.treatment.treated)
    place = _round_places(data[spec.period.column], rounds)
    cohort, left = _cohorts(study, column, treated, rounds, first_round_treated)
    clusters, clustered_on = _cohort_clusters(study)
    rows = []
    for outcome in (o for o in spec.outcomes if o in data.columns):
        rows += [{**row, **left} for row in _outcome_cohorts(study, outcome, column, rounds, treated, place, cohort,
                                                              clusters, clustered_on, alpha)]
    out = pd.DataFrame(rows, columns=COHORT_COLUMNS)
    for c in ("n_units_treated", "n_units_comparison", "n"):
        out[c] = out[c].astype("int64")
    return out


def _round_places(periods: pd.Series, rounds: list[Any]) -> np.ndarray:
    """Each row's round as its place in ``rounds`` (-1 when empty)."""
    codes, uniques = pd.factorize(periods, use_na_sentinel=True)
    where = {u: i for i, u in enumerate(rounds)}
    return np.array([where.get(u, -1) for u in uniques] + [-1])[codes]


def _cohorts(study: Study, column: str, treated: np.ndarray, rounds: list[Any],
             first_round_treated: Any) -> tuple[np.ndarray, dict[str, int]]:
    """Each row's cohort (the place of its unit's first round treated; -1 for a comparison row, -2 for a treated
    row left out) and the treated units left out: without one start placed between the rounds (n_unplaced),
    treated from the first round (n_first_round: no round before), starting after the last (n_after_last). A unit's start is the one its treated rows give (with ``unit``:
    every row of the unit takes it, a start written on one row only counts)."""
    spec, data = study.spec, study.data
    starts = data[column].where(data[column].astype("string").str.strip().fillna("") != "")
    keys = data[spec.unit] if spec.unit and spec.unit in data.columns else pd.Series(np.arange(len(data)))
    written = pd.DataFrame({"key": keys.to_numpy(), "start": starts.to_numpy()})[treated == 1.0].dropna()
    per_unit = written.groupby("key", sort=False)["start"].agg(lambda v: list(pd.unique(v)))
    place_of = {k: (first_round_treated(v[0], rounds) if len(v) == 1 else None) for k, v in per_unit.items()}
    cohort = np.where(treated == 0.0, -1, -2)
    for i, (key, arm) in enumerate(zip(keys.to_numpy(), treated)):
        if arm == 1.0 and place_of.get(key) is not None:
            cohort[i] = place_of[key]
    counted = pd.Series(place_of, dtype=object)
    left = {"n_unplaced": int(counted.isna().sum()) + int(pd.Series(keys[treated == 1.0]).nunique() - len(per_unit)),
            "n_first_round": int((counted == 0).sum()), "n_after_last": int((counted == len(rounds)).sum())}
    return cohort, left


def _cohort_clusters(study: Study) -> tuple[np.ndarray, str]:
    """The clusters of the cohorts' SEs as int64 codes (-1 when empty) and what they are: the study's cluster when it
    clusters, else its unit, else each row (CRV1 on one row per cluster is HC1)."""
    spec, data = study.spec, study.data
    if spec.se == "cluster" and spec.cluster and spec.cluster in data.columns:
        return pd.factorize(data[spec.cluster], use_na_sentinel=True)[0].astype(np.int64), spec.cluster
    if spec.unit and spec.unit in data.columns:
        return pd.factorize(data[spec.unit], use_na_sentinel=True)[0].astype(np.int64), spec.unit
    return np.arange(len(data), dtype=np.int64), ""


def _outcome_cohorts(study, outcome, column, rounds, treated, place, cohort, clusters, clustered_on,
                     alpha) -> list[dict[str, Any]]:
    spec, data = study.spec, study.data
    y = as_numbers(data[outcome])
    ok = ~np.isnan(y) & (clusters >= 0) & (place >= 0)
    units = data[spec.unit].to_numpy() if spec.unit and spec.unit in data.columns else np.arange(len(data))
    rows, blocks = [], []
    for g in sorted(int(c) for c in np.unique(cohort[cohort >= 1]) if c < len(rounds)):
        mine = ok & ((cohort == g) | (cohort == -1)) & ((place == g) | (place == g - 1))
        part = Study(study.name, spec.model_copy(update={
            "outcomes": [outcome], "period": spec.period.model_copy(update={"post": rounds[g], "order": None}),
            "adjustment": "none", "covariates": [], "se": "cluster", "cluster": "_cohort_cluster", "subgroups": [],
            "unit": None}),
            data.loc[mine, [spec.treatment.column, spec.period.column, outcome]].assign(
                _cohort_cluster=clusters[mine]).reset_index(drop=True), study.files)
        fit = estimate_effects(part, alpha=alpha, subgroups=[]).iloc[0]
        starts = sorted({as_label(v) for v in data.loc[cohort == g, column].dropna()}, key=str)
        row = {c: fit[c] for c in ("estimate", "se", "ci_low", "ci_high", "p_value", "df", "n", "n_clusters",
                                   "note")}
        row.update(study=study.name, outcome=outcome, cohort=as_label(rounds[g]), start=", ".join(starts),
                   round_before=as_label(rounds[g - 1]), round_treated=as_label(rounds[g]),
                   n_units_treated=int(pd.unique(units[mine & (cohort == g)]).size),
                   n_units_comparison=int(pd.unique(units[mine & (cohort == -1)]).size), weight=math.nan,
                   # (few treated clusters make CRV1 intervals too narrow: annex.studies.cohorts_text says so)
                   n_clusters_treated=int(pd.unique(clusters[mine & (cohort == g)]).size),
                   se_type="cluster" if clustered_on else "HC1", clustered_on=clustered_on)
        rows.append(row)
        if np.isfinite(fit["estimate"]) and np.isfinite(fit["se"]):
            blocks.append((len(rows) - 1, np.flatnonzero(mine), g))
    rows.append(_cohorts_mean(study, outcome, rows, blocks, y, treated, place, clusters, clustered_on, alpha))
    return rows


def _cohorts_mean(study, outcome, rows, blocks, y, treated, place, clusters, clustered_on,
                  alpha) -> dict[str, Any]:
    """The cohorts' mean weighted by their treated units, its SE from the stacked 2x2 regressions (cohort_effects)."""
    from scipy import stats
    from statsmodels.regression.linear_model import OLS

    mean = {c: math.nan for c in COHORT_COLUMNS}
    mean.update(study=study.name, outcome=outcome, cohort=AVERAGE, start="", round_before="", round_treated="",
                n_units_treated=sum(rows[i]["n_units_treated"] for i, _, _ in blocks), n=0,
                n_units_comparison=max((rows[i]["n_units_comparison"] for i, _, _ in blocks), default=0),
                se_type="cluster" if clustered_on else "HC1", clustered_on=clustered_on, note="")
    if len(blocks) < 2:
        mean["note"] = "fewer than two cohorts with an estimate: no mean"
        return mean
    sizes = np.array([rows[i]["n_units_treated"] for i, _, _ in blocks], dtype=float)
    w = sizes / sizes.sum()
    for (i, _, _), weight in zip(blocks, w):
        rows[i]["weight"] = float(weight)
    k = 4 * len(blocks)
    index = np.concatenate([idx for _, idx, _ in blocks])
    X = np.zeros((index.size, k))
    at = 0
    for b, (_, idx, g) in enumerate(blocks):
        t, p = treated[idx], (place[idx] == g).astype(float)
        X[at:at + idx.size, 4 * b:4 * b + 4] = np.column_stack([np.ones(idx.size), t, p, t * p])
        at += idx.size
    groups = pd.factorize(clusters[index])[0].astype(np.int64)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        res = OLS(y[index], X).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    picks = np.zeros(k)
    picks[[4 * b + 3 for b in range(len(blocks))]] = w
    estimate = float(picks @ res.params)
    se = float(np.sqrt(picks @ res.cov_params() @ picks))
    df = float(res.df_resid_inference)
    q = float(stats.t.ppf(1 - alpha / 2, df))
    mean.update(estimate=estimate, se=se, ci_low=estimate - q * se, ci_high=estimate + q * se, df=df,
                p_value=float(2 * stats.t.sf(abs(estimate / se), df)) if se > 0 else math.nan, n=int(index.size),
                n_clusters=int(res.n_groups), weight=1.0)
    return mean
