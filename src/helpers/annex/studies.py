"""What an impact study shows in the annex, in the annex language: names of outcomes, covariates, score terms and
subgroup values (the study's ``labels``, the code when it gives none), names of methods and standard errors, the
design's assumption in plain words, and the display tables of ``helpers.analyses.propensity``.

figures.csv keeps the codes; only what a reader sees goes through here.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ..analyses.impact import SE_TYPES, panel_rows_dependent
from ..analyses.propensity import BALANCED, term_code, term_label
from ..data.schemas import StudySpec
from .words import known, say

FEW_CLUSTERS_PER_ARM = 10   # clusters of one arm below which CRV1 intervals cover clearly less than 95 %
FEW_ROWS = 20   # rows of a group below which HC1 intervals cover the effect clearly less than 95 % of the time
# Codes named in the annex language by words: study_method_<code>, study_estimand_<code>, study_se_<code>, ...
_ESTIMANDS = ("att", "ate")


def _pick(kind: str, code: str, lang: str) -> str:
    """The name of a code in the annex language (words: study_<kind>_<code>), the code itself when it has none."""
    key = f"study_{kind}_{code}"
    return say(key, lang) if known(key, lang) else code


def outcome_name(study: Any, outcome: str, lang: str) -> str:
    """An outcome's name in the annex with the currency its effects and means are in (impact.outcome_unit), when
    its label does not say it already: « revenu (MAD) » for an outcome whose rows say MAD in a `devise` column (the
    effects were shown without a unit)."""
    from ..analyses.impact import outcome_unit
    from ..data.currencies import is_known, named_currencies

    name = study.spec.label(outcome, lang)
    unit = outcome_unit(study, outcome)
    if not is_known(unit) or unit in named_currencies(name) or re.search(rf"\b{unit}\b", name.upper()):
        return name
    return f"{name} ({unit})"


def method_name(method: str, estimand: str, lang: str) -> str:
    name = _pick("method", method, lang)
    return f"{name}, {_pick('estimand', estimand, lang)}" if estimand in _ESTIMANDS else name


def se_name(se_type: Any, lang: str) -> str:
    return _pick("se", str(se_type), lang)


def term_name(spec: StudySpec, code: str, lang: str) -> str:
    """The name of a score term (its figures.csv code, e.g. 'age^2' or 'sex=m') in the annex language."""
    if "=" in code and code.split("=", 1)[0] in spec.covariates and code.split("=", 1)[1] != "0":
        column, value = code.split("=", 1)  # a text covariate's value (impact.covariate_terms, sex=m)
        return say("study_term_value", lang, name=spec.label(column, lang),
                   value=spec.value_label(column, value, lang))
    for term in spec.score_terms():
        if term.categories and code.startswith(f"{term.column}="):
            return term_label(spec, term, code.split("=", 1)[1], lang)
        if not term.categories and term_code(term) == code:
            return term_label(spec, term, None, lang)
    return spec.label(code, lang)


def caveat(spec: StudySpec, lang: str) -> str:
    """The assumption the design rests on, in plain words."""
    if spec.design == "did":
        return say("study_caveat_did_adjusted" if spec.adjustment != "none" else "study_caveat_did", lang)
    if spec.adjustment == "none":
        return say("study_caveat_random", lang)
    return say("study_caveat_adjusted", lang)


_SHORT = ("naive", "regression", "ipw", "aipw")  # words: study_short_<code>
_SE_SHORT = {"HC1": "HC1", "cluster": "CRV1", "gmm": "GMM", "nonrobust": "class."}  # "class." in both languages


def effects_table(adjusted: pd.DataFrame, spec: StudySpec, lang: str) -> pd.DataFrame:
    """propensity.adjusted_effects with short names for a table: outcome label, method (IPW, ATT), SE type code;
    ``methods_note`` spells them out."""
    out = adjusted.copy()
    out["outcome"] = [spec.label(o, lang) for o in out["outcome"]]
    out["method"] = [_pick("short", m, lang) + (f", {e.upper()}" if e else "")
                     for m, e in zip(out["method"], out["estimand"])]
    out["se_type"] = [_SE_SHORT.get(str(s), str(s)) for s in out["se_type"]]
    return out


def methods_note(adjusted: pd.DataFrame, lang: str) -> str:
    """The table's abbreviations in full: each method and each kind of standard error it uses."""
    sep = say("list_separator", lang)
    methods = sep.join(f"{_pick('short', m, lang)}{', ' + e.upper() if e else ''} = "
                        f"{method_name(m, e, lang)}"
                        for m, e in adjusted[["method", "estimand"]].drop_duplicates().itertuples(index=False))
    ses = sep.join(f"{_SE_SHORT.get(s, s)} = {se_name(s, lang)}" for s in adjusted["se_type"].dropna().unique())
    return say("study_methods_note", lang, methods=methods, ses=ses)


def few_clusters(study: Any, lang: str) -> str:
    """A caution when a study clustered on fewer than FEW_CLUSTERS clusters, or with fewer than FEW_CLUSTERS_PER_ARM
    clusters holding the treated (or the comparison group): its CRV1 standard errors are too small (the analysis
    noted the first in English, in a note no annex printed: p < 0,001 on 12 clusters, nothing said; with 3 of 40
    clusters treated, a « 95 % » interval covered the effect 82 % of the time, 88 % with 5, 93 % with 8; 1,500
    draws). Empty otherwise."""
    from ..analyses.impact import FEW_CLUSTERS, indicator
    from ..analyses.propensity import rows_used

    spec, data = study.spec, study.data
    if spec.se != "cluster" or not spec.cluster or spec.cluster not in data.columns:
        return ""
    treated = indicator(data[spec.treatment.column], spec.treatment.treated)
    clusters = data[spec.cluster]
    # the clusters the estimate rests on, the fewest over the outcomes: a row without the adjustment's covariate
    # is not in it (24 sites said nothing where the estimate used 19, 7 of them treated)
    counts = []
    for used in rows_used(study).values():
        n = clusters[used].nunique()
        arms = clusters[used & (treated == 1)].nunique(), clusters[used & (treated == 0)].nunique()
        if n:
            counts.append((n, min(arms), arms))
    few = [c for c in counts if c[0] < FEW_CLUSTERS or c[1] < FEW_CLUSTERS_PER_ARM]
    if not few:
        return ""
    n, _, arms = min(few)
    text = say("study_few_clusters", lang, n=n, name=spec.label(spec.cluster, lang), limit=FEW_CLUSTERS,
               per_arm=FEW_CLUSTERS_PER_ARM, treated=arms[0], comparison=arms[1], df=n - 1)   # (statsmodels' G - 1)
    if 1 in arms:   # (the estimates then have no SE: impact.one_cluster_arm)
        arm = "treated" if arms[0] == 1 else "comparison"
        text += say("study_one_cluster", lang, arm=say(f"study_one_cluster_{arm}", lang))
    return text


def few_clusters_by_group(effects: pd.DataFrame, spec: StudySpec, lang: str) -> str:
    """The subgroups (impact.estimate_effects rows) whose clustered SEs rest on fewer than FEW_CLUSTERS clusters,
    named: the sample's effects per country were on 10 sites each, p = 0,005 in the subgroup table, and the
    analysis' note (« only 10 clusters ») was printed nowhere. Empty when none."""
    from ..analyses.impact import FEW_CLUSTERS

    rows = effects[(effects["method"] == "ols") & effects["subgroup"].notna() & effects["estimate"].notna()]
    rows = rows[rows["n_clusters"].notna() & (rows["n_clusters"].astype(float) < FEW_CLUSTERS)]
    if rows.empty:
        return ""
    sep = say("list_separator", lang)
    named = dict.fromkeys(say("label_value", lang, name=spec.label(str(s), lang),
                              value=spec.value_label(str(s), v, lang)) + f" ({int(g)})"
                          for s, v, g in zip(rows["subgroup"], rows["subgroup_value"], rows["n_clusters"]))
    return say("study_few_clusters_groups", lang, groups=sep.join(named), limit=FEW_CLUSTERS)


def _smallest_cell(study: Any, outcome: str, rows: Any = None) -> tuple[int, int] | None:
    """(rows, cell) of the group (did: group x period) with the fewest rows holding ``outcome``, among ``rows`` (a
    boolean mask; None: all); None when a group has fewer than 2 (no estimate at all) or the outcome is absent."""
    from ..analyses.impact import arms_of, as_numbers

    spec, data = study.spec, study.data
    if outcome not in data.columns:
        return None
    treated, post = arms_of(study)
    cells = treated if post is None else 2 * treated + post
    known = ~np.isnan(as_numbers(data[outcome])) & ~np.isnan(cells)
    if rows is not None:
        known &= np.asarray(rows, dtype=bool)
    counts = np.bincount(cells[known].astype(int), minlength=2 if post is None else 4)
    cell = int(np.argmin(counts))
    return (int(counts[cell]), cell) if counts[cell] >= 2 else None


def few_rows(study: Any, lang: str) -> str:
    """A caution when a study with robust (HC1) standard errors has fewer than FEW_ROWS rows with an outcome in one
    group (for did, in one group before or after the programme): HC1 understates the variance of a small group's
    mean, and its « 95 % » interval covered the true effect 77 % of the time with 3 treated beside 197 (85 % with
    5, 92 % with 10, 93 % with 20; normal outcomes of equal variance, 3,000 draws). Empty otherwise."""
    from ..analyses.propensity import rows_used

    spec = study.spec
    if spec.se != "robust":
        return ""
    post = spec.design == "did"
    # the rows the estimate rests on: 16 treated with the adjustment's covariate of 30 said nothing
    used = rows_used(study)
    smallest = min((found for found in (_smallest_cell(study, o, used[o]) for o in spec.outcomes) if found),
                   default=None)
    if smallest is None or smallest[0] >= FEW_ROWS:
        return ""
    cell = smallest[1]
    group = say("study_group_treated" if cell == (2 if post else 1) or cell == 3 else
                "study_group_comparison", lang)
    when = "" if not post else say("study_group_after" if cell % 2 else "study_group_before", lang)
    # a two-group study's adjusted effect has GMM SEs (propensity: HC0, the score counted), not HC1
    se = say("study_few_rows_se_gmm" if not post and spec.adjustment != "none" else "study_se_HC1", lang)
    return say("study_few_rows", lang, n=smallest[0], group=group, when=when, limit=FEW_ROWS, se=se)


def few_rows_by_group(study: Any, effects: pd.DataFrame, lang: str) -> str:
    """The subgroups (impact.estimate_effects rows) whose robust (HC1) SEs rest on fewer than FEW_ROWS rows in a
    group, named with that number: the whole study had its caution, the subgroup table none, and 6 treated women
    beside 94 showed p < 0,001 without a word. Empty when none (or the SEs are not robust)."""
    from ..analyses.impact import as_label, covariate_terms

    spec, data = study.spec, study.data
    if spec.se != "robust":
        return ""
    rows = effects[(effects["method"] == "ols") & effects["subgroup"].notna() & effects["estimate"].notna()]
    # with the covariates in the model, the subgroup's OLS leaves out a row without one: count as it does
    complete = np.ones(len(data), dtype=bool)
    if spec.adjustment == "regression":
        for _, _, x in covariate_terms(data, [c for c in spec.covariates if c in data.columns]):
            complete &= ~np.isnan(x)
    named: dict[str, int] = {}
    for outcome, column, value in zip(rows["outcome"], rows["subgroup"], rows["subgroup_value"]):
        if column not in data.columns:
            continue
        found = _smallest_cell(study, outcome,
                               complete & data[column].map(as_label, na_action="ignore").eq(value).to_numpy())
        if found and found[0] < FEW_ROWS:
            name = say("label_value", lang, name=spec.label(str(column), lang),
                       value=spec.value_label(str(column), value, lang))
            named[name] = min(found[0], named.get(name, found[0]))
    if not named:
        return ""
    groups = say("list_separator", lang).join(f"{name} ({n})" for name, n in named.items())
    return say("study_few_rows_groups", lang, groups=groups, limit=FEW_ROWS)


def weighted_size(effects: pd.DataFrame, lang: str) -> str:
    """The Kish effective size of the weighted comparison group (ipw, aipw; the smallest over the outcomes), with a
    caution below FEW_ROWS: ages that nearly separate the groups gave an IPW effect of 22.1 (p = 0,001) resting on
    1.9 of 103 comparison persons, printed as the study's estimate without a word (the data README promised the
    effective size; only figures.csv had it). Empty without weights."""
    from . import fmt

    # the rows figures.csv gives a size for (a size not known prints no caution without its number)
    weighted = effects[effects["method"].isin(["ipw", "aipw"])]
    rows = weighted[weighted["ess_comparison"].notna()]
    if rows.empty:   # weights but no estimate (a score separating the groups): n.d. and why, not a size of nothing
        return "" if weighted.empty else say("study_ess_none", lang, why=no_estimate(weighted.get("note", pd.Series([""])).iloc[0], lang))
    row = rows.loc[rows["ess_comparison"].idxmin()]
    ess = float(row["ess_comparison"])
    text = say("study_ess", lang, ess=fmt.number(ess, 1, lang), n=fmt.number(row["n_comparison"], 0, lang))
    if not ess >= FEW_ROWS:
        text += " " + say("study_ess_few", lang, limit=FEW_ROWS)
    return text


_NO_ESTIMATE = (("leaves one group empty", "trim"), ("after trimming", "trim"), ("rows inside", "trim"),
                ("cannot be fitted", "collinear"), ("scores are 0 or 1", "separation"), ("too few rows", "rows"),
                ("fewer than 2 rows", "rows"), ("no rows", "rows"))   # note's words -> words: study_no_estimate_<code>


def no_estimate(note: Any, lang: str) -> str:
    """Why a headline estimate is n.d., in the annex language, from its note (propensity.adjusted_effects): the
    annex printed « effet estimé (IPW, ATT) n.d. (IC 95 % n.d. à n.d. ; p n.d.) », the reason in figures.csv's
    English note only (a score separating the groups: weights of 1 / 0)."""
    text = str(note) if isinstance(note, str) else ""
    code = next((code for words, code in _NO_ESTIMATE if words in text), "")
    return say(f"study_no_estimate_{code}" if code else "study_no_estimate", lang)


def balance_table(balance: pd.DataFrame, spec: StudySpec, lang: str) -> pd.DataFrame:
    """propensity.weighted_balance with the terms' names and a yes/no 'balanced' column (|d| < 0.1)."""
    out = balance.copy()
    out["term"] = [term_name(spec, code, lang) for code in out["term"]]
    yes, no = say("yes", lang), say("no", lang)
    out["balanced"] = [("" if pd.isna(b) else yes if b else no) for b in out["balanced"]]
    return out


def balanced_count(balance: pd.DataFrame) -> tuple[int, int]:
    """How many terms are balanced (|d| < BALANCED) after weighting, of those with a difference."""
    known = balance["smd_after"].notna()
    return int((balance.loc[known, "smd_after"].abs() < BALANCED).sum()), int(known.sum())


# ------------------------------------------------------------------------------------------------ the standards
def _names(spec: StudySpec, codes: list[str], lang: str) -> str:
    return ", ".join(spec.label(c, lang) for c in codes)


def covariates_role(spec: StudySpec, lang: str) -> str:
    """What the covariates do, in words: balance only, in the model, or in the propensity score."""
    covs = _names(spec, spec.covariates, lang)
    if spec.adjustment == "none":
        if not spec.covariates:
            return say("study_covariates_none", lang)
        return say("study_covariates_balance", lang, covariates=covs)
    if spec.adjustment == "regression":
        return say("study_covariates_regression", lang, covariates=covs)
    terms = ", ".join(dict.fromkeys(term_label(spec, t, None, lang) if not t.categories else
                                    spec.label(str(t.column), lang) for t in spec.score_terms()))
    return say("study_covariates_score", lang, terms=terms)


def design_sentence(spec: StudySpec, lang: str) -> str:
    """The design in one sentence; 'intention to treat' for a randomised study; the registration."""
    text = say("study_design_did" if spec.design == "did" else "study_design_groups", lang)
    if spec.randomised:
        text += say("study_design_randomised", lang)
    if spec.registry:
        text += say("study_design_registry", lang, registry=spec.registry)
    return text


def periods_sentence(periods: pd.DataFrame, lang: str) -> str:
    """impact.periods in one sentence: the periods before the programme, then after; '' without periods."""
    if periods.empty:
        return ""
    before = [str(p) for p, post in zip(periods["period"], periods["post"]) if not post]
    after = [str(p) for p, post in zip(periods["period"], periods["post"]) if post]
    none = say("study_periods_none", lang)
    return say("study_periods", lang, before=", ".join(before) or none, after=", ".join(after) or none)


def sample_name(spec: StudySpec, sample: str, lang: str) -> str:
    """The balance sample (impact.balance_sample's code) in words."""
    if sample == "baseline":
        unit = spec.label(str(spec.unit), lang)
        return say("study_sample_baseline", lang, unit=unit)
    if sample == "pre":
        return say("study_sample_pre", lang)
    return say("study_sample_all", lang)


_LEAST_SQUARES = ("ols", "regression")   # headline methods that fit the outcome by OLS (a 0/1 one: an LPM)
_REGISTRATION = ("prespecified", "exploratory")  # words: study_registration_<code>


def comparison_head(spec: StudySpec) -> tuple[str, str]:
    """The header (fr, en) of headline_table's comparison_mean: which mean it is beside the study's estimate."""
    after = spec.design == "did"
    if spec.adjustment == "ipw":
        return ("Moyenne comparaison pondérée" + (" (après)" if after else ""),
                "Weighted comparison mean" + (" (after)" if after else ""))
    if spec.adjustment != "none":   # regression, aipw: the observed mean, not the one the estimate implies
        return ("Moyenne comparaison non ajustée" + (" (après)" if after else ""),
                "Unadjusted comparison mean" + (" (after)" if after else ""))
    return ("Moyenne comparaison (après)", "Comparison mean (after)") if after else \
        ("Moyenne comparaison", "Comparison mean")


def headline_table(head: pd.DataFrame, spec: StudySpec, lang: str) -> pd.DataFrame:
    """propensity.headline for a table: outcome labels, the method's short name ("ITT" added for a randomised
    study), the SE kind's code, the registration in words; beside an ipw estimate, the comparison mean it compares
    (weighted: the unweighted one beside 218 of 790 - 403 read as the effect 387)."""
    out = head.copy()
    if spec.adjustment == "ipw":
        out["comparison_mean"] = out["comparison_mean_weighted"]
    out["outcome"] = [spec.label(o, lang) for o in out["outcome"]]
    itt = " (ITT)" if spec.randomised else ""
    # a 0/1 outcome fitted by least squares is a linear probability model: its effect a difference of probabilities
    # (the annex said « MCO » and gave points of percentage without naming the model)
    binary = out["binary"].fillna(False).astype(bool) if "binary" in out else pd.Series(False, index=out.index)
    lpm = ["" if not b or m not in _LEAST_SQUARES else say("study_lpm", lang) for m, b in zip(out["method"], binary)]
    out["method"] = [(say("study_ols_short", lang) if m == "ols" else
                      _pick("short", m, lang) + (f", {e.upper()}" if e else "")) + p + itt
                     for m, e, p in zip(out["method"], out["estimand"], lpm)]
    out["se_type"] = [_SE_SHORT.get(str(s), str(s)) for s in out["se_type"]]
    out["registration"] = [_pick("registration", r, lang) if r in _REGISTRATION else "" for r in out["registration"]]
    return out


def balanced_panel(study: Any, lang: str) -> str:
    """did with ``unit`` and units seen on one side of the programme only (attrition, late entrants): which rows the
    estimate uses, and the plain difference-in-differences over the units seen before and after (the balanced
    panel) beside it. The annex gave the attrition per arm and a caution only when the arms' rates differed; the
    estimate on every row (239,7: the baseline of the treated lost counted in their change) was never said to be
    on an unbalanced sample, nor the panel's (202,7) given. Empty when every unit is seen on both sides."""
    from ..analyses.impact import balanced_panel_effects
    from . import fmt

    panel = balanced_panel_effects(study)
    if panel.empty:
        return ""
    sep = say("list_separator", lang)
    found = []
    for _, row in panel.iterrows():
        p = fmt.p_value(row["p_value"], lang)
        d = fmt.se_decimals(row["se"])   # the decimals its SE warrants
        found.append(say("study_panel_effect", lang, outcome=outcome_name(study, row["outcome"], lang),
                         est=fmt.nonzero(row["estimate"], d, lang), low=fmt.nonzero(row["ci_low"], d, lang),
                         high=fmt.nonzero(row["ci_high"], d, lang), p=p if p.startswith("<") else "= " + p,
                         n=fmt.number(row["n_units"], 0, lang), lost=fmt.number(row["n_lost"], 0, lang),
                         late=fmt.number(row["n_late"], 0, lang)))
    return say("study_panel", lang, effects=sep.join(found))


def baseline_imbalance(study: Any, lang: str) -> str:
    """A caution when the groups differ at baseline by more than impact.NOT_EQUIVALENT standard deviations on an
    outcome (did, before the programme) or a covariate: the annex showed the covariates' differences in a table
    captioned « |d| < 0,1 : bon équilibre » and said nothing of d = 0,98, nor of the outcome's own baseline gap,
    which no table showed. Empty otherwise."""
    from ..analyses.impact import NOT_EQUIVALENT, balance_sample, baseline_imbalance
    from . import fmt

    found = baseline_imbalance(study)
    if found.empty:
        return ""
    spec = study.spec
    named = [say("study_imbalance_term", lang, name=outcome_name(study, code, lang) if kind == "outcome" else
                 term_name(spec, code, lang), d=fmt.number(smd, 2, lang))
             for code, kind, smd in zip(found["covariate"], found["kind"], found["smd"])]
    text = say("study_imbalance", lang, where=sample_name(spec, balance_sample(study)[1], lang),
               limit=fmt.number(NOT_EQUIVALENT, 2, lang), terms=say("list_separator", lang).join(named))
    if (found["kind"] == "outcome").any():
        text += " " + say("study_imbalance_outcome", lang)
    return text


def panel_se(study: Any, lang: str) -> str:
    """did with ``unit`` (units seen in several rounds) and robust or classical standard errors: those take each row
    as independent, and a unit's rows are not (100 persons per arm seen twice: the DiD's HC1 SE 19,2 where
    clustering on the persons gives 6,1, statsmodels; the annex printed the first without a word). A caution with
    the plain DiD's SE clustered on the unit (CRV1) beside the study's, and the study's adjusted estimate's (ipw,
    regression): the annex leads with it, and it was given row by row only (IPW 70,7 where clustering on the persons
    gives 10,4, statsmodels' WLS with the same weights). Empty otherwise."""
    from . import fmt

    spec = study.spec
    if not panel_rows_dependent(study):
        return ""
    # (the naive rows: the plain DiD; estimate_effects' holds the covariates with `adjustment: regression`, which
    # the caution called « sans ajustement ». propensity.other_se_effects: figures.csv's rows of the same figures)
    clustered = _other_se(study, "panel")
    found: dict[bool, list[str]] = {True: [], False: []}
    for _, row in clustered.iterrows():
        p = fmt.p_value(row["p_value"], lang)
        d = fmt.se_decimals(row["se"])   # the decimals its SE warrants
        found[row["method"] == "naive"].append(say(
            "study_panel_se_effect", lang, outcome=outcome_name(study, row["outcome"], lang),
            se=fmt.nonzero(row["se"], d, lang), low=fmt.nonzero(row["ci_low"], d, lang),
            high=fmt.nonzero(row["ci_high"], d, lang), p=p if p.startswith("<") else "= " + p,
            own=fmt.nonzero(row["own_se"], d, lang)))
    if not found[True]:
        return ""
    sep = say("list_separator", lang)
    adjusted = ""
    if found[False]:
        method, estimand = clustered.loc[clustered["method"] != "naive", ["method", "estimand"]].iloc[0]
        adjusted = say("study_panel_se_adjusted", lang, method=_pick("short", method, lang)
                       + (f", {estimand.upper()}" if estimand else ""), effects=sep.join(found[False]))
    return say("study_panel_se", lang, se=se_name({"robust": "HC1", "classical": "nonrobust"}[spec.se], lang),
               unit=spec.label(spec.unit, lang), column=spec.unit, effects=sep.join(found[True]),
               adjusted=adjusted)


def classical_se(study: Any, lang: str) -> str:
    """``se: classical`` (s² (X'X)⁻¹: the outcome's variance the same in every group) where the data say otherwise: a
    0/1 outcome whose share differs between the groups never has the same variance (50 treated at 0,5 beside 500
    compared at 0,05: classical SE 0,038 where HC1 gives 0,071, statsmodels), nor earnings spread twice as wide
    among the fewer treated. The annex printed the classical SE, interval and p without a word. A caution with the
    robust (HC1) SE of each estimate whose SE it moves by more than CLASSICAL_OFF; empty otherwise (and for a panel
    taken row by row, which panel_se gives clustered on its unit)."""
    from . import fmt

    found, binary = [], False
    for _, row in _other_se(study, "classical").iterrows():
        values = as_numbers_of(study, row["outcome"])
        binary |= bool(values.size and np.isin(values, (0.0, 1.0)).all())
        p = fmt.p_value(row["p_value"], lang)
        d = fmt.se_decimals(row["se"])   # the decimals its SE warrants
        found.append(say("study_classical_se_effect", lang, outcome=outcome_name(study, row["outcome"], lang),
                         method=_pick("short", row["method"], lang), own=fmt.nonzero(row["own_se"], d, lang),
                         se=fmt.nonzero(row["se"], d, lang), low=fmt.nonzero(row["ci_low"], d, lang),
                         high=fmt.nonzero(row["ci_high"], d, lang), p=p if p.startswith("<") else "= " + p))
    if not found:
        return ""
    return say("study_classical_se", lang, binary=say("study_classical_se_binary", lang) if binary else "",
               effects=say("list_separator", lang).join(found))


def _other_se(study: Any, why: str) -> pd.DataFrame:
    """The rows of propensity.other_se_effects that one caution gives (``why``): the annex and figures.csv read
    the same figures."""
    from ..analyses.propensity import other_se_effects

    if _LAST_OTHER_SE.get("study") is not study:   # (three cautions read it: computed once per study)
        _LAST_OTHER_SE.update(study=study, found=other_se_effects(study))
    found = _LAST_OTHER_SE["found"]
    return found[found["why"] == why]


_LAST_OTHER_SE: dict[str, Any] = {}


def as_numbers_of(study: Any, outcome: str) -> np.ndarray:
    """An outcome's values, empty cells left out."""
    from ..analyses.impact import as_numbers

    values = as_numbers(study.data[outcome]) if outcome in study.data.columns else np.array([])
    return values[~np.isnan(values)]


def assigned_by_cluster(study: Any, lang: str) -> str:
    """The treatment given by village (each value of a column in one group only: model.assigned_by) and SEs not
    clustered on it: robust ones took the rows of a village as independent (3 villages of 30 persons per arm: HC1's
    SE 21,0, p 0,68, where clustering on the villages gives 27,2, p 0,76, R's sandwich::vcovCL with coeftest's df
    G - 1), nothing said in the annex. A caution with each estimate's SE, interval and p clustered on that column
    (CRV1, t with G - 1 df) beside the study's. Empty otherwise."""
    from ..analyses.impact import indicator
    from ..data.model import assigned_by
    from . import fmt

    spec, data = study.spec, study.data
    if spec.treatment.column not in data.columns:
        return ""
    flags = indicator(data[spec.treatment.column], spec.treatment.treated)
    rows = ~np.isnan(flags)
    if spec.design == "did" and spec.period is not None and spec.period.column in data.columns:
        rows &= indicator(data[spec.period.column], spec.period.post) == 1
    found = assigned_by(spec, data, flags == 1, rows)   # (the column's counts of villages, for the sentence)
    if found is None:
        return ""
    column, g_t, g_c, _ = found
    effects = []
    for _, row in _other_se(study, "assigned").iterrows():
        p = fmt.p_value(row["p_value"], lang)
        d = fmt.se_decimals(row["se"])   # the decimals its SE warrants
        effects.append(say(
            "study_assigned_by_effect", lang, outcome=outcome_name(study, row["outcome"], lang),
            method=_pick("short", row["method"], lang) + (f", {row['estimand'].upper()}" if row["estimand"] else ""),
            se=fmt.nonzero(row["se"], d, lang), low=fmt.nonzero(row["ci_low"], d, lang),
            high=fmt.nonzero(row["ci_high"], d, lang), p=p if p.startswith("<") else "= " + p,
            own=fmt.nonzero(row["own_se"], d, lang) if pd.notna(row["own_se"]) else "n.d."))
    if not effects:
        return ""
    own_se = se_name(SE_TYPES[spec.se], lang) + (f"{' sur ' if lang == 'fr' else ' on '}{spec.cluster}" if spec.se == "cluster" else "")
    return say("study_assigned_by", lang, name=spec.label(column, lang), treated=g_t, comparison=g_c, se=own_se,
               df=g_t + g_c - 1, effects=say("list_separator", lang).join(effects), column=column)


def attrition_wwc(treated: tuple[int, int], comparison: tuple[int, int], lang: str) -> str:
    """« attrition globale 12,5 %, différentielle 17,0 points de pourcentage » of (lost, at the start) in each arm:
    the two figures What Works Clearinghouse's standard reads together (the annex gave each arm's rate only)."""
    from . import fmt

    (lt, nt), (lc, nc) = treated, comparison
    return say("study_attrition_wwc", lang, overall=fmt.percent(100 * (lt + lc) / (nt + nc), 1, lang),
               differential=fmt.number(abs(100 * lt / nt - 100 * lc / nc), 1, lang))


def lost_rows(study: Any, lang: str) -> str:
    """two_group: the rows of each arm without a value of an outcome, and when the arms' shares differ by 5 points or
    more a caution with Lee's bounds (impact.lee_bounds): 21 % of the treated lost and 4 % of the comparison gave an
    effect of 144,9 where it was 100 (bounds 84,7 to 208,3), the annex saying nothing (a did panel's attrition is
    counted on its units). Empty when no row lacks a value."""
    from ..analyses.impact import lee_bounds
    from . import fmt

    found = lee_bounds(study)
    found = found[(found["lost_treated"] > 0) | (found["lost_comparison"] > 0)]
    if found.empty:
        return ""
    sep = say("list_separator", lang)
    pct = lambda a, b: fmt.percent(100 * a / b, 0, lang)  # noqa: E731
    text = say("study_lost_rows", lang, outcomes=sep.join(say(
        "study_lost_rows_outcome", lang, outcome=outcome_name(study, r.outcome, lang), lt=r.lost_treated,
        nt=r.n_treated, pt=pct(r.lost_treated, r.n_treated), lc=r.lost_comparison, nc=r.n_comparison,
        pc=pct(r.lost_comparison, r.n_comparison), attrition=attrition_wwc(
            (r.lost_treated, r.n_treated), (r.lost_comparison, r.n_comparison), lang)) for r in found.itertuples()))
    bounded = found[found["lower"].notna()]
    if len(bounded):
        text += " " + say("study_lee_bounds", lang, bounds=sep.join(say(
            "study_lee_bounds_outcome", lang, outcome=outcome_name(study, r.outcome, lang),
            low=fmt.number(r.lower, 3, lang), high=fmt.number(r.upper, 3, lang)) for r in bounded.itertuples()))
    return text


def joint_test_clusters(test: dict, lang: str) -> str:
    """The joint balance test clustered on few clusters for its covariate terms (impact.balance_test): with
    treatment by village, random covariates and 6 villages for 8 terms, it gave p = 0,0004, « the groups differ »,
    and says so for 47 % of balanced draws (64 % with 12 villages, 31 % with 20): not computable when the clusters
    are no more than the terms, a caution below 20 clusters or 5 a term. Empty otherwise."""
    from ..analyses.impact import FEW_CLUSTERS

    g, k = test.get("clusters"), len(test.get("terms", []))
    if test.get("se_type") != "cluster" or g is None or not k or g >= max(FEW_CLUSTERS, 5 * k):
        return ""
    return say("study_joint_test_none" if g <= k else "study_joint_test_few", lang, clusters=g, terms=k)


def subgroup_p_note(effects: pd.DataFrame, lang: str) -> str:
    """The table of effects by subgroup gives raw p-values: the headline's are Holm-adjusted over the study's
    outcomes, these are not, and a table of 3 outcomes x 8 subgroups holds 24 tests (one p < 0,05 in 20 by chance
    alone), nothing said. A note naming how many; empty with fewer than 2."""
    n = int(((effects["method"] == "ols") & effects["subgroup"].notna() & effects["p_value"].notna()).sum())
    return say("study_subgroup_p_raw", lang, n=n) if n >= 2 else ""


def subgroup_differences(study: Any, subgroups: list[str], lang: str) -> str:
    """Whether each outcome's effect differs between the values of each subgroup column (impact.subgroup_differences:
    the test of interaction, the SEs of the table of effects by subgroup). The table gave each subgroup's effect with
    its own p (the women's 153 p < 0,001 beside the men's 138) and no test of their difference, which standards ask
    for (CONSORT 2010 item 18) and a reader infers from two p-values. Empty without a subgroup column."""
    from ..analyses.impact import subgroup_differences as tests
    from . import fmt

    found = tests(study, subgroups)
    if found.empty:
        return ""
    items = []
    for r in found.itertuples():
        name = say("study_subgroup_difference_item", lang, outcome=outcome_name(study, r.outcome, lang),
                   subgroup=study.spec.label(r.subgroup, lang))
        p = fmt.p_value(r.p_value, lang)
        items.append(f"{name} : " if lang == "fr" else f"{name}: ")
        items[-1] += (say("study_subgroup_difference_none", lang) if pd.isna(r.p_value)
                      else "p " + (p if p.startswith("<") else "= " + p))
    return say("study_subgroup_difference", lang, tests=say("list_separator", lang).join(items))


def log_outcomes(study: Any, head: pd.DataFrame, lang: str) -> str:
    """The effects of the outcomes that are logarithms (``log_revenu``, « Log du revenu (MAD) »), as the percentage
    change they stand for, 100 x (exp(effect) - 1): the annex gave 0,092 beside « (MAD) » (figures.csv's unit said MAD),
    which reads as 0,092 MAD, where it is about +9,6 %. Empty without such an outcome or estimate."""
    from ..data.currencies import names_a_log
    from . import fmt

    found = []
    for outcome, estimate, low, high in zip(head["outcome"], head["estimate"], head["ci_low"], head["ci_high"]):
        label = study.spec.labels.get(outcome)
        if pd.isna(estimate) or not any(names_a_log(t) for t in (outcome, *((label.fr, label.en) if label else ()))
                                        if t):
            continue
        pct = [fmt.number(100 * np.expm1(v), 1, lang) if pd.notna(v) else "n.d." for v in (estimate, low, high)]
        found.append(say("study_log_effect", lang, outcome=study.spec.label(outcome, lang),
                         est=fmt.number(estimate, 3, lang), pct=pct[0], low=pct[1], high=pct[2]))
    return say("study_log_outcomes", lang, effects=say("list_separator", lang).join(found)) if found else ""


def clustered_on_unit(study: Any) -> Any:
    """The study with its SEs clustered on its unit (CRV1), the rest as it is (impact.clustered_on_unit)."""
    from ..analyses.impact import clustered_on_unit as clustered

    return clustered(study)


def subgroup_study(study: Any) -> Any:
    """The study the table of effects by subgroup is estimated on (impact.subgroup_study: figures.csv's
    impact_subgroup_effect are the same rows); ``subgroup_se`` says which in the caption."""
    from ..analyses.impact import subgroup_study as grouped

    return grouped(study)


def subgroup_se(study: Any, lang: str) -> str:
    """The kind of SE of the table of effects by subgroup, for its caption (the caption said none)."""
    if panel_rows_dependent(study):
        return say("study_subgroup_se_unit", lang, unit=study.spec.label(study.spec.unit, lang),
                   se=se_name(SE_TYPES[study.spec.se], lang))
    return say("study_subgroup_se", lang, se=se_name(SE_TYPES[study.spec.se], lang))


def holm_caption(spec: StudySpec) -> tuple[str, str]:
    """The headline table's caption (fr, en), saying which outcomes Holm's family holds: those of the pre-analysis
    plan, an outcome listed in ``exploratory`` left out and unadjusted (the caption said « over the study's
    outcomes » and the exploratory ones were in the family, making the primary ones' p larger)."""
    key = "study_holm_caption_primary" if spec.exploratory else "study_holm_caption"
    return say(key, "fr"), say(key, "en")


def cohorts_text(study: Any, cohorts: pd.DataFrame, lang: str) -> str:
    """Staggered adoption (impact.cohort_effects not empty): why the pooled effect above is biased, what each
    cohort's difference-in-differences compares, the weights of their mean and the kind of SE; then the treated units
    left out. The loader warned (staggered_start) and the annex printed the pooled DiD alone (125,5 where the
    cohorts' own give 189,8 and 96,4)."""
    from ..analyses.impact import AVERAGE
    from ..data.loader import start_column
    from . import fmt

    spec = study.spec
    first = cohorts.iloc[0]
    shown = cohorts[(cohorts["cohort"] != AVERAGE) & cohorts["weight"].notna()].drop_duplicates("cohort")
    weights = say("list_separator", lang).join(
        f"{say('study_cohort', lang, round=c)} : {fmt.share_percent(100 * w, 0, lang)}" if lang == "fr" else
        f"{say('study_cohort', lang, round=c)}: {fmt.share_percent(100 * w, 0, lang)}"
        for c, w in zip(shown["cohort"], shown["weight"]))
    se = say("study_cohorts_se_cluster", lang, cluster=spec.label(first["clustered_on"], lang)) \
        if first["clustered_on"] else say("study_cohorts_se_rows", lang)
    text = say("study_cohorts", lang, column=spec.label(start_column(spec, study.data), lang),
               post=spec.value_label(spec.period.column, spec.period.post, lang), se=se, weights=weights or "-")
    left = [say(f"study_cohorts_{key}", lang, n=fmt.number(first[f"n_{key}"], 0, lang))
            for key in ("unplaced", "first_round", "after_last") if first[f"n_{key}"] > 0]
    if left:
        text += " " + say("study_cohorts_left", lang, what=say("list_separator", lang).join(left))
    return text + few_clusters_by_cohort(cohorts, lang)


def few_clusters_by_cohort(cohorts: pd.DataFrame, lang: str) -> str:
    """A caution naming the cohorts whose DiD rests on fewer than FEW_CLUSTERS clusters, or fewer than
    FEW_CLUSTERS_PER_ARM with treated units (as few_clusters for the study): a cohort of 6 villages beside 10 never
    treated had p < 0,001 in the cohorts' table, its « only 16 clusters » in figures.csv's English note only. Empty
    when none, or when the SEs are not clustered (HC1)."""
    from ..analyses.impact import AVERAGE, FEW_CLUSTERS

    rows = cohorts[(cohorts["cohort"] != AVERAGE) & cohorts["clustered_on"].ne("") & cohorts["estimate"].notna()]
    rows = rows[(rows["n_clusters"] < FEW_CLUSTERS) | (rows["n_clusters_treated"] < FEW_CLUSTERS_PER_ARM)]
    if rows.empty:
        return ""
    named = dict.fromkeys(say("study_cohort_clusters", lang, cohort=say("study_cohort", lang, round=c), n=int(n),
                              treated=int(t))
                          for c, n, t in zip(rows["cohort"], rows["n_clusters"], rows["n_clusters_treated"]))
    return " " + say("study_few_clusters_cohorts", lang, limit=FEW_CLUSTERS, per_arm=FEW_CLUSTERS_PER_ARM,
                     cohorts=say("list_separator", lang).join(named))


def cohorts_table(study: Any, cohorts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """impact.cohort_effects for the annex's table: the outcome's name, « cohorte 2020 » or « moyenne pondérée », the
    weight in % (format pct0)."""
    from ..analyses.impact import AVERAGE

    return cohorts.assign(weight=100 * cohorts["weight"],
        outcome=[outcome_name(study, o, lang) for o in cohorts["outcome"]],
        cohort=[say("study_cohorts_mean", lang) if c == AVERAGE else say("study_cohort", lang, round=c)
                for c in cohorts["cohort"]])
