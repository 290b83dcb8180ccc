"""helpers.analyses.propensity and inference against independent computations: the IPW formulas written out by hand,
statsmodels' TreatmentEffect called directly, weighted means of the four DiD cells, TTestIndPower and a hand-written
Holm step-down; generated data with a known effect and selection on an observed covariate."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import statsmodels.api as sm
from pydantic import ValidationError
from statsmodels.stats.power import TTestIndPower
from statsmodels.treatment.treatment_effects import TreatmentEffect

from helpers.analyses import inference, propensity
from helpers.data.loader import Study
from helpers.data.schemas import StudySpec
from helpers.data.synthetic import effects_on_treated, make_training_survey

EFFECT = 2.0


def selected(n=1500, seed=3, effect=EFFECT) -> pd.DataFrame:
    """Treatment more likely for high x (selection on an observable); y depends on x: the naive difference is
    biased upwards, a score in x removes the bias."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1, n)
    z = rng.binomial(1, 0.4, n)
    p = 1 / (1 + np.exp(-(-0.3 + 1.2 * x - 0.5 * z)))
    t = rng.random(n) < p
    y = 1.0 + 3.0 * x + 1.0 * z + effect * t + rng.normal(0, 1, n)
    return pd.DataFrame({"group": np.where(t, "t", "c"), "y": y, "x": x, "z": z,
                         "site": rng.integers(0, 30, n)})


def study(data, **spec) -> Study:
    spec.setdefault("title", "test")
    spec.setdefault("design", "two_group")
    spec.setdefault("outcomes", ["y"])
    spec.setdefault("treatment", {"column": "group", "treated": "t"})
    spec.setdefault("covariates", ["x", "z"])
    spec.setdefault("adjustment", "ipw")
    return Study("s", StudySpec(**spec), data, [])


def row(effects, method):
    return effects[effects["method"] == method].iloc[0]


def logit_score(data) -> np.ndarray:
    X = sm.add_constant(data[["x", "z"]].to_numpy(float))
    return sm.Logit((data["group"] == "t").to_numpy(float), X).fit(disp=0).predict()


# ------------------------------------------------------------------------------------------------ two groups
@pytest.mark.parametrize("estimand", ["att", "ate"])
def test_ipw_equals_the_hand_written_formula_and_treatment_effect(estimand):
    data = selected()
    t = (data["group"] == "t").to_numpy(float)
    y = data["y"].to_numpy()
    p = logit_score(data)
    if estimand == "att":  # treated as they are; comparison weighted by the odds p / (1 - p)
        w0 = (1 - t) * p / (1 - p)
        hand = y[t == 1].mean() - (w0 * y).sum() / w0.sum()
    else:  # Hajek: each group weighted by the inverse of its probability
        w1, w0 = t / p, (1 - t) / (1 - p)
        hand = (w1 * y).sum() / w1.sum() - (w0 * y).sum() / w0.sum()
    out = propensity.adjusted_effects(study(data, estimand=estimand))
    ipw = row(out, "ipw")
    assert ipw["estimate"] == pytest.approx(hand, rel=1e-6)
    # statsmodels' own TreatmentEffect on the unscaled design: same estimate and the same GMM standard error
    X = sm.add_constant(data[["x", "z"]].to_numpy(float))
    select = sm.Logit(t, X).fit(disp=0)
    teff = TreatmentEffect(sm.OLS(y, np.ones((len(y), 1))), t.astype(int), results_select=select)
    res = teff.ipw(effect_group=1 if estimand == "att" else "all")
    assert ipw["estimate"] == pytest.approx(res.effect[0], rel=1e-6)
    assert ipw["se"] == pytest.approx(res.sd[0], rel=1e-3)
    assert ipw["se_type"] == "gmm" and ipw["n_trimmed"] == 0
    # the effect is known: the weighted estimate finds it, the naive one does not
    naive = row(out, "naive")
    assert abs(naive["estimate"] - EFFECT) > 8 * naive["se"]
    assert abs(ipw["estimate"] - EFFECT) < 3 * ipw["se"]
    # the comparison group's effective size is Kish's (sum w)^2 / sum w^2 of these weights
    w_c = (p / (1 - p))[t == 0] if estimand == "att" else (1 / (1 - p))[t == 0]
    assert ipw["ess_comparison"] == pytest.approx(w_c.sum() ** 2 / (w_c ** 2).sum(), rel=1e-6)


@pytest.mark.parametrize("method,estimand", [("regression", "att"), ("regression", "ate"), ("aipw", "ate")])
def test_regression_and_aipw_equal_treatment_effect_and_find_the_effect(method, estimand):
    data = selected()
    t = (data["group"] == "t").to_numpy(int)
    y = data["y"].to_numpy()
    X = sm.add_constant(data[["x", "z"]].to_numpy(float))
    teff = TreatmentEffect(sm.OLS(y, X), t, results_select=sm.Logit(t, X).fit(disp=0))
    res = teff.aipw() if method == "aipw" else teff.ra(effect_group=1 if estimand == "att" else "all")
    got = row(propensity.adjusted_effects(study(data, adjustment=method, estimand=estimand)), method)
    assert got["estimate"] == pytest.approx(res.effect[0], rel=1e-6)
    assert got["se"] == pytest.approx(res.sd[0], rel=1e-3)
    assert abs(got["estimate"] - EFFECT) < 3 * got["se"]


@pytest.mark.parametrize("estimand", ["att", "ate"])
def test_regression_adjustment_on_one_covariate_has_the_sandwich_standard_error(tmp_path, estimand):
    """A study file as an evaluator writes it: 200 persons, 30 treated, earnings around 1,500, `adjustment:
    regression` on age alone, robust SEs. statsmodels' TreatmentEffect.ra inverts the covariance of its moments, two
    of which are both linear in the one covariate: it raised LinAlgError (the annex failed), gave SE NaN (att) or
    2.70 (ate) where the effect's SE is about 59, silently. The SE is now the M-estimation sandwich, written out here
    from the influence function of regression adjustment (HC0)."""
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    rng = np.random.default_rng(3)
    rows = [f"{i},{'T' if i < 30 else 'C'},{int(rng.integers(18, 50))},{1500 + 150 * (i < 30) + rng.normal(0, 300):.0f}"
            for i in range(200)]
    (tmp_path / "s.csv").write_text("id,groupe,age,revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     f"treated: T}}\ncovariates: [age]\nadjustment: regression\nestimand: {estimand}\n"
                                     "se: robust\n", encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31")
    loaded, problems = load_study(tmp_path / "s.yaml", params)
    assert loaded is not None and not [p for p in problems if p.severity == "error"]
    got = row(propensity.adjusted_effects(loaded), "regression")
    d = pd.read_csv(tmp_path / "s.csv")
    t, y = (d["groupe"] == "T").to_numpy(), d["revenu"].to_numpy(float)
    X = sm.add_constant(d["age"].to_numpy(float))
    b1 = np.linalg.lstsq(X[t], y[t], rcond=None)[0]
    b0 = np.linalg.lstsq(X[~t], y[~t], rcond=None)[0]
    target = t if estimand == "att" else np.ones(len(t), dtype=bool)   # over whom the effect is averaged
    gap = X @ (b1 - b0)
    effect = gap[target].mean()
    xbar = X[target].mean(axis=0)
    # influence of each row: its own gap (a row of the target), and through each group's regression coefficients
    psi = np.where(target, gap - effect, 0.0) / target.sum()
    for mine, b, sign in ((t, b1, 1), (~t, b0, -1)):
        lever = X[mine] @ np.linalg.solve(X[mine].T @ X[mine], xbar)
        psi[mine] += sign * lever * (y[mine] - X[mine] @ b)
    assert got["estimate"] == pytest.approx(effect, rel=1e-9)
    assert got["se"] == pytest.approx(math.sqrt((psi ** 2).sum()), rel=1e-3)
    assert 40 < got["se"] < 90 and got["ci_low"] < effect < got["ci_high"]


def test_cluster_ses_weighted_least_squares_and_lin_regression():
    data = selected()
    t = (data["group"] == "t").to_numpy(float)
    y = data["y"].to_numpy()
    p = logit_score(data)
    w = np.where(t == 1, 1.0, p / (1 - p))
    ipw = row(propensity.adjusted_effects(study(data, se="cluster", cluster="site")), "ipw")
    wls = sm.WLS(y, sm.add_constant(t), weights=w).fit(cov_type="cluster", cov_kwds={"groups": data["site"]},
                                                       use_t=True)
    assert ipw["estimate"] == pytest.approx(wls.params[1], rel=1e-6)
    assert ipw["se"] == pytest.approx(wls.bse[1], rel=1e-6) and ipw["se_type"] == "cluster"
    # regression adjustment with clustered SEs: Lin's interacted OLS gives TreatmentEffect.ra's estimate
    X = sm.add_constant(data[["x", "z"]].to_numpy(float))
    ra = TreatmentEffect(sm.OLS(y, X), t.astype(int), results_select=sm.Logit(t, X).fit(disp=0)).ra(effect_group=1)
    reg = row(propensity.adjusted_effects(study(data, adjustment="regression", se="cluster", cluster="site")),
              "regression")
    assert reg["estimate"] == pytest.approx(ra.effect[0], rel=1e-8)


def test_balance_after_weighting_is_near_zero_on_a_correctly_specified_score():
    data = selected(n=4000)
    balance = propensity.weighted_balance(study(data)).set_index("term")
    assert balance.loc["x", "smd_before"] > 0.5
    assert (balance["smd_after"].abs() < 0.05).all()
    assert balance["balanced"].all()
    # the before column is the plain formula on the two groups
    x1, x0 = data.loc[data["group"] == "t", "x"], data.loc[data["group"] == "c", "x"]
    assert balance.loc["x", "smd_before"] == pytest.approx(
        (x1.mean() - x0.mean()) / math.sqrt((x1.var() + x0.var()) / 2), rel=1e-9)


def test_declared_transforms_build_the_design_without_a_formula():
    data = selected(n=400)
    data["earn"] = np.where(data["x"] > 0, data["x"] * 1000, 0.0)
    data["region"] = np.where(data["z"] == 1, "nord", np.where(data["x"] > 1, "sud", "est"))
    spec = dict(propensity=["x", {"column": "x", "power": 2}, {"column": "earn", "is_zero": True},
                            {"column": "region", "categories": True}, {"interaction": ["x", "z"]}])
    balance = propensity.weighted_balance(study(data, **spec)).set_index("term")
    assert list(balance.index) == ["x", "x^2", "earn=0", "region=nord", "region=sud", "x*z"]
    t = data["group"] == "t"
    expected = {"x^2": data["x"] ** 2, "earn=0": (data["earn"] == 0).astype(float),
                "region=sud": (data["region"] == "sud").astype(float), "x*z": data["x"] * data["z"]}
    for code, values in expected.items():
        assert balance.loc[code, "mean_treated"] == pytest.approx(values[t].mean())
    # a formula string is a column name, never code: it names a column that does not exist
    with pytest.raises(KeyError):
        propensity.weighted_balance(study(data, propensity=["__import__('os').getcwd()"]))


def test_trimming_leaves_out_the_rows_outside_the_bounds():
    data = selected()
    p = logit_score(data)
    out = propensity.adjusted_effects(study(data, trim=[0.1, 0.9]))
    ipw = row(out, "ipw")
    outside = (p < 0.1) | (p > 0.9)
    assert ipw["n_trimmed"] == outside.sum() > 0
    assert ipw["n_treated"] + ipw["n_comparison"] == (~outside).sum()
    scores = propensity.scores(study(data, trim=[0.1, 0.9]))
    assert (~scores["kept"]).sum() == outside.sum() and scores["weight"][~scores["kept"]].isna().all()


# ------------------------------------------------------------------------------------------------ did
def panel(n=600, seed=5, trend_gap=0.0):
    """Three rounds; treated younger; the young's outcome grows faster (the trend depends on age)."""
    rng = np.random.default_rng(seed)
    age = rng.normal(35, 8, n)
    t = rng.random(n) < 1 / (1 + np.exp(0.15 * (age - 35)))
    rows = []
    for year, tau in ((2017, -1), (2019, 0), (2021, 1)):
        y = 10 + 0.1 * age + tau * (0.5 + 0.08 * (35 - age)) + trend_gap * tau * t + 1.5 * t * (tau == 1) \
            + rng.normal(0, 1, n)
        rows.append(pd.DataFrame({"id": np.arange(n), "group": np.where(t, "t", "c"), "year": year, "age": age,
                                  "y": y, "site": np.arange(n) % 25}))
    return pd.concat(rows, ignore_index=True)


def did_study(data, **spec):
    return study(data, design="did", period={"column": "year", "post": 2021}, covariates=["age"], unit="id", **spec)


def test_weighted_did_equals_the_weighted_means_of_the_four_cells():
    data = panel()
    s = did_study(data, se="cluster", cluster="site")
    ipw = row(propensity.adjusted_effects(s), "ipw")
    base = data[data["year"] == 2017]
    t = (base["group"] == "t").to_numpy(float)
    p = sm.Logit(t, sm.add_constant(base[["age"]].to_numpy())).fit(disp=0).predict()
    w = pd.Series(np.where(t == 1, 1.0, p / (1 - p)), index=base["id"])
    data = data.assign(w=data["id"].map(w), post=data["year"] == 2021, treated=data["group"] == "t")
    m = data.groupby(["treated", "post"]).apply(lambda g: np.average(g["y"], weights=g["w"]), include_groups=False)
    assert ipw["estimate"] == pytest.approx((m[True, True] - m[True, False]) - (m[False, True] - m[False, False]),
                                            rel=1e-8)
    naive = row(propensity.adjusted_effects(s), "naive")
    assert abs(naive["estimate"] - 1.5) > 3 * naive["se"] and abs(ipw["estimate"] - 1.5) < 3 * ipw["se"]


def _written_study(tmp_path, csv: str, yaml: str) -> Study:
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    (tmp_path / "s.csv").write_text(csv, encoding="utf-8")
    (tmp_path / "s.yaml").write_text(yaml, encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31")
    out, problems = load_study(tmp_path / "s.yaml", params)
    assert not problems
    return out


@pytest.mark.parametrize("estimand", ["att", "ate"])
def test_beside_an_ipw_estimate_the_comparison_mean_is_the_weighted_one_it_compares(tmp_path, estimand):
    """Older persons took the training more often and earn more: the IPW ATT was 218.6 beside the comparison's
    unweighted mean 403.0 and the treated's 789.7 (a reader subtracts 386.7, the naive effect), nothing said. The
    headline now gives the weighted means the estimate compares (R: glm logit, weighted.mean: 571.085885 for the
    ATT; 693.47 and 487.76 for the ATE), the annex's column shows it under a header saying « pondérée », and
    figures.csv keys it by the method (the unweighted one keeps its key)."""
    from helpers.analyses.figures import standards_figures
    from helpers.annex import studies as shown

    rng = np.random.default_rng(5)
    age = rng.normal(30, 6, 400).round()
    t = rng.random(400) < 1 / (1 + np.exp(-(age - 30) / 4))
    y = (500 + 30 * (age - 30) + 200 * t + rng.normal(0, 80, 400)).round()
    csv = "id;groupe;age;revenu\n" + "".join(f"{i};{'T' if ti else 'C'};{a:.0f};{v:.0f}\n"
                                           for i, (ti, a, v) in enumerate(zip(t, age, y)))
    s = _written_study(tmp_path, csv, "title: t\ndesign: two_group\noutcomes: [revenu]\ntreatment: {column: groupe, "
                       f"treated: T}}\ncovariates: [age]\nadjustment: ipw\nestimand: {estimand}\n")
    head = propensity.headline(s).iloc[0]
    p = sm.Logit(t.astype(float), sm.add_constant(age)).fit(disp=0).predict()
    w1, w0 = (np.ones_like(p), p / (1 - p)) if estimand == "att" else (1 / p, 1 / (1 - p))
    m1, m0 = np.average(y[t], weights=w1[t]), np.average(y[~t], weights=w0[~t])
    assert head["mean_treated_weighted"] == pytest.approx(m1, rel=1e-6)
    assert head["comparison_mean_weighted"] == pytest.approx(m0, rel=1e-6)
    assert head["estimate"] == pytest.approx(m1 - m0, rel=1e-6)        # the difference the estimate is
    assert head["comparison_mean"] == pytest.approx(y[~t].mean())      # the unweighted one, kept apart
    assert abs(head["comparison_mean"] - m0) > 50
    table = shown.headline_table(propensity.headline(s), s.spec, "fr")
    assert table["comparison_mean"].iloc[0] == pytest.approx(m0, rel=1e-6)
    assert shown.comparison_head(s.spec) == ("Moyenne comparaison pondérée", "Weighted comparison mean")
    figures = pd.concat(standards_figures("s", s, propensity.adjusted_effects(s)))
    mean = figures[figures["metric"] == "impact_control_mean"].set_index("key")
    assert mean.loc["s:revenu", "value"] == pytest.approx(y[~t].mean())
    assert mean.loc[f"s:revenu:ipw_{estimand}", "value"] == pytest.approx(m0, rel=1e-6)
    assert mean.loc[f"s:revenu:ipw_{estimand}", "n"] == (~t).sum()
    assert "weighted" in mean.loc[f"s:revenu:ipw_{estimand}", "note"]


def test_beside_a_weighted_did_the_comparison_mean_after_is_weighted_by_the_baseline_score():
    data = panel()
    s = did_study(data, se="cluster", cluster="site")
    head = propensity.headline(s).iloc[0]
    base = data[data["year"] == 2019]
    t = (base["group"] == "t").to_numpy(float)
    p = sm.Logit(t, sm.add_constant(base[["age"]].to_numpy())).fit(disp=0).predict()
    w = pd.Series(np.where(t == 1, 1.0, p / (1 - p)), index=base["id"])
    after = data[(data["year"] == 2021) & (data["group"] == "c")]
    assert head["comparison_mean_weighted"] == pytest.approx(np.average(after["y"], weights=after["id"].map(w)))
    assert head["comparison_n_weighted"] == len(after)
    assert head["comparison_mean"] == pytest.approx(after["y"].mean())


def test_event_study_leads_are_differences_of_means_and_weighting_removes_the_pre_trend():
    data = panel(n=2000)
    leads = propensity.event_study(did_study(data, se="cluster", cluster="site"))
    plain = leads[~leads["weighted"]].set_index("period")
    assert list(plain["relative"]) == [-1, 0, 1] and plain.loc["2019", "estimate"] == 0
    m = data.groupby(["group", "year"])["y"].mean()
    gap = lambda year: m["t", year] - m["c", year]  # noqa: E731
    assert plain.loc["2017", "estimate"] == pytest.approx(gap(2017) - gap(2019), rel=1e-8)
    assert plain.loc["2017", "p_value"] < 0.01 and plain["p_pretrend"].iloc[0] < 0.01  # the young grow faster
    weighted = leads[leads["weighted"]].set_index("period")
    assert abs(weighted.loc["2017", "estimate"]) < 2 * weighted.loc["2017", "se"]
    assert weighted["p_pretrend"].iloc[0] > 0.05
    # two periods only: no pre-trend check
    assert propensity.event_study(did_study(data[data["year"] > 2017])).empty


def test_regression_did_lets_covariates_shape_the_trend():
    data = panel(n=2000)
    reg = row(propensity.adjusted_effects(did_study(data, adjustment="regression")), "regression")
    assert abs(reg["estimate"] - 1.5) < 3 * reg["se"]


# ------------------------------------------------------------------------------------------------ MDE, Holm
def test_mde_is_the_textbook_formula_for_a_simple_two_group_se():
    n1, n0, sigma = 120, 180, 4.0
    se = sigma * math.sqrt(1 / n1 + 1 / n0)
    d = TTestIndPower().solve_power(nobs1=n1, ratio=n0 / n1, alpha=0.05, power=0.8)
    assert inference.min_detectable_effect(se, n1, n0) == pytest.approx(d * sigma, rel=1e-9)
    assert 2.7 < inference.min_detectable_effect(1.0, 5000, 5000) < 2.9  # 1.96 + 0.84
    assert math.isnan(inference.min_detectable_effect(float("nan"), n1, n0))


def test_holm_equals_the_step_down_by_hand():
    p = np.array([0.01, 0.04, 0.03, np.nan, 0.2])
    got = inference.holm(p)
    order = [0, 2, 1, 4]  # known p-values sorted; m = 4
    by_hand, running = {}, 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (4 - rank) * p[i]))
        by_hand[i] = running
    assert [got[i] for i in order] == pytest.approx([by_hand[i] for i in order])
    assert math.isnan(got[3])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.floats(0, 1), st.sampled_from([0.0, 0.05, 0.5, 1.0, float("nan")])), max_size=12))
def test_holm_is_statsmodels_multipletests_to_the_bit(values):
    """holm is multipletests(method="holm") without its gc.collect(): same arithmetic, ties and NaN included."""
    from statsmodels.stats.multitest import multipletests

    p = np.array(values, dtype=float)
    known = ~np.isnan(p)
    expected = np.full(p.shape, np.nan)
    if known.any():
        expected[known] = multipletests(p[known], method="holm")[1]
    np.testing.assert_array_equal(inference.holm(p), expected)


def test_the_mde_multiple_is_the_same_asked_twice_and_for_ints_or_floats():
    first = inference.mde_multiple(20, 30)
    assert inference.mde_multiple(20.0, 30.0) == first == inference.mde_multiple(20, 30)
    assert math.isnan(inference.mde_multiple(1, 30))


def test_holm_runs_over_the_outcomes_of_the_study():
    data = selected().assign(y2=lambda f: f["y"] + np.random.default_rng(1).normal(0, 30, len(f)))
    out = propensity.adjusted_effects(study(data, outcomes=["y", "y2"]))
    ipw = out[out["method"] == "ipw"]
    assert ipw["p_holm"].to_numpy() == pytest.approx(inference.holm(ipw["p_value"].to_numpy()))
    assert (ipw["p_holm"] >= ipw["p_value"]).all()


def test_holm_family_is_the_primary_outcomes_and_an_exploratory_one_is_not_adjusted():
    """Three outcomes, the third marked exploratory (no effect, p 0.90): it was in Holm's family, so the primary
    outcome of p 0.0098 had p_holm 0.029 (a family of three) where its family of two gives 0.020, and the
    exploratory outcome was printed with a Holm p. Family: the outcomes not in ``exploratory`` (statsmodels)."""
    from statsmodels.stats.multitest import multipletests

    from helpers.analyses import figures

    rng = np.random.default_rng(3)
    t = np.repeat([1.0, 0.0], 100)
    data = pd.DataFrame({"group": np.where(t == 1, "t", "c"), "y1": rng.normal(0, 1, 200) + 0.35 * t,
                         "y2": rng.normal(0, 1, 200) + 0.3 * t, "y3": rng.normal(0, 1, 200)})
    one = Study("s", StudySpec(title="s", design="two_group", outcomes=["y1", "y2", "y3"], exploratory=["y3"],
                               treatment={"column": "group", "treated": "t"}), data, [])
    out = propensity.adjusted_effects(one).set_index("outcome")
    primary = out.loc[["y1", "y2"]]
    assert primary["p_holm"].to_numpy() == pytest.approx(multipletests(primary["p_value"], method="holm")[1],
                                                         rel=1e-12)
    assert math.isnan(out.loc["y3", "p_holm"]) and out.loc["y3", "p_value"] > 0.5
    head = propensity.headline(one).set_index("outcome")
    assert math.isnan(head.loc["y3", "p_holm"]) and head.loc["y2", "p_holm"] == pytest.approx(out.loc["y2", "p_holm"])
    rows = pd.concat(figures.study_check_figures("s", one))
    holm = rows[rows["metric"] == "impact_p_holm"].set_index("key")
    assert "exploratory outcome" in holm.loc["s:y3:naive", "note"] and math.isnan(holm.loc["s:y3:naive", "value"])


# ------------------------------------------------------------------------------------------------ the YAML
@pytest.mark.parametrize("extra,message", [
    ({"adjustment": "aipw", "estimand": "att"}, "aipw"),
    ({"trim": [0.9, 0.1]}, "trim"),
    ({"propensity": [{"column": "x", "power": 2, "is_zero": True}]}, "one transform"),
    ({"propensity": [{"power": 2}]}, "either a 'column'"),
    ({"adjustment": "ipw", "covariates": []}, "needs covariates"),
])
def test_the_study_yaml_refuses_what_cannot_be_estimated(extra, message):
    spec = {"title": "t", "design": "two_group", "outcomes": ["y"], "treatment": {"column": "g", "treated": 1},
            "covariates": ["x"], "adjustment": "ipw", **extra}
    with pytest.raises(ValidationError, match=message):
        StudySpec(**spec)


def test_labels_in_both_languages_and_codes_as_fallback():
    spec = StudySpec(title="t", design="two_group", outcomes=["y"], treatment={"column": "g", "treated": 1},
                     labels={"y": {"fr": "Revenu", "en": "Income"},
                             "sex": {"fr": "Sexe", "values": {"f": {"fr": "Femmes", "en": "Women"}}},
                             "round": {"values": {1: {"en": "Baseline"}}}})
    assert spec.label("y", "fr") == "Revenu" and spec.label("y", "en") == "Income"
    assert spec.label("sex", "en") == "sex" and spec.label("other", "fr") == "other"
    assert spec.value_label("sex", "f", "en") == "Women" and spec.value_label("sex", "m", "fr") == "m"
    assert spec.value_label("round", 1, "en") == "Baseline"


# ------------------------------------------------------------------------------------------------ the sample
def test_the_sample_study_is_biased_naively_and_weighting_moves_it_towards_the_truth():
    data, spec = make_training_survey()
    truth = effects_on_treated()
    out = propensity.adjusted_effects(Study("training_survey", StudySpec(**spec), data, [])).set_index(
        ["outcome", "method"])
    naive_gap = [abs(out.loc[(o, "naive"), "estimate"] - truth[o]) for o in truth]
    ipw_gap = [abs(out.loc[(o, "ipw"), "estimate"] - truth[o]) for o in truth]
    assert all(i < n for i, n in zip(ipw_gap, naive_gap))
    # the naive employment and earnings effects are more than twice the truth (selection on age)
    assert out.loc[("employed", "naive"), "estimate"] > 2 * truth["employed"]
    assert out.loc[("monthly_earnings", "naive"), "estimate"] > 2 * truth["monthly_earnings"]


def test_with_many_respondents_the_weighted_did_finds_the_true_effect():
    data, spec = make_training_survey(n_per_cell=300)
    truth = effects_on_treated(n_per_cell=300)
    out = propensity.adjusted_effects(Study("s", StudySpec(**spec), data, [])).set_index(["outcome", "method"])
    for outcome, value in truth.items():
        ipw, naive = out.loc[(outcome, "ipw")], out.loc[(outcome, "naive")]
        assert abs(ipw["estimate"] - value) < 2.5 * ipw["se"], outcome
    assert abs(out.loc[("employed", "naive"), "estimate"] - truth["employed"]) > 4 * out.loc[("employed", "naive"),
                                                                                               "se"]


def test_rounds_written_as_months_are_in_time_order_for_the_pre_trend_check(tmp_path):
    """A did study whose rounds are 2018, 2019 and '2021-06' (`post: '2021-06'`), written as a CSV: the rounds were
    ordered only as numbers, so the pre-trend check gave nothing (and each person's baseline was the file's last
    row before the programme, whatever its date). The rounds are now placed in time: the lead 2018 against 2019."""
    from helpers.analyses import impact
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    rng = np.random.default_rng(2)
    rounds = ["2021-06", "2019", "2018"]   # the file holds the follow-up first
    rows = [f"P{i},{'T' if i < 100 else 'C'},{r},{1000 + 200 * (i < 100 and r == '2021-06') + rng.normal(0, 100):.0f}"
            for i in range(200) for r in rounds]
    (tmp_path / "s.csv").write_text("pid,groupe,vague,revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: did\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\nperiod: {column: vague, post: '2021-06'}\nunit: pid\n",
                                     encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31")
    loaded, problems = load_study(tmp_path / "s.yaml", params)
    assert loaded is not None and not [p for p in problems if p.severity == "error"]
    leads = propensity.event_study(loaded)
    assert leads["period"].tolist() == ["2018", "2019", "2021-06"] and leads["relative"].tolist() == [-1, 0, 1]
    data = loaded.data.assign(t=lambda f: (f["groupe"] == "T").astype(float))
    gap = {r: data.loc[(data["vague"] == r) & (data["t"] == 1), "revenu"].mean()
           - data.loc[(data["vague"] == r) & (data["t"] == 0), "revenu"].mean() for r in ("2018", "2019")}
    assert leads["estimate"].iloc[0] == pytest.approx(gap["2018"] - gap["2019"], rel=1e-9)
    rows_used, sample = impact.balance_sample(loaded)
    assert sample == "baseline" and set(loaded.data["vague"].iloc[rows_used]) == {"2019"}


def test_the_pre_trend_check_of_a_panel_with_robust_errors_is_clustered_on_its_unit(tmp_path):
    """A did panel (`unit:`), 300 persons seen in 2017, 2019 and 2021, the treated's trend before the programme 25
    steeper, with the default robust SEs: the pre-trend test took each row as independent, p > 0.2 (« parallel »)
    where clustering on the persons gives p < 0.001 (statsmodels' OLS with cov_type='cluster'). It is now clustered
    on the unit; with `se: cluster` on a village, as the study says."""
    import statsmodels.formula.api as smf

    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    rng = np.random.default_rng(7)
    n = 300
    treated, level = rng.random(n) < 0.5, rng.normal(1000, 400, n)
    lines = [f"P{i:04d},{'T' if treated[i] else 'C'},{year},V{i % 30},"
             f"{level[i] + 100 * k - (25 if treated[i] and k == 0 else 0) + 200 * (treated[i] and k == 2) + rng.normal(0, 60):.2f}"
             for k, year in enumerate((2017, 2019, 2021)) for i in range(n)]
    (tmp_path / "s.csv").write_text("id,groupe,annee,village,revenu\n" + "\n".join(lines) + "\n", encoding="utf-8")
    yaml = ("title: t\ndesign: did\noutcomes: [revenu]\ntreatment: {column: groupe, treated: T}\n"
            "period: {column: annee, post: 2021}\nunit: id\n")
    (tmp_path / "s.yaml").write_text(yaml, encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31")
    study, _ = load_study(tmp_path / "s.yaml", params)
    data = pd.read_csv(tmp_path / "s.csv").assign(t=lambda d: (d.groupe == "T").astype(int))
    model = smf.ols("revenu ~ t * C(annee, Treatment(2019))", data)
    lead = "t:C(annee, Treatment(2019))[T.2017]"
    ref = model.fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(data.id)[0]}, use_t=True)
    hc1 = model.fit(cov_type="HC1", use_t=True)
    assert hc1.pvalues[lead] > 0.2 and ref.pvalues[lead] < 0.001
    leads = propensity.event_study(study)
    row = leads[leads["period"] == "2017"].iloc[0]
    assert row["se"] == pytest.approx(ref.bse[lead], rel=1e-9)
    assert row["p_pretrend"] == pytest.approx(ref.pvalues[lead], rel=1e-6)
    (tmp_path / "s.yaml").write_text(yaml + "se: cluster\ncluster: village\n", encoding="utf-8")
    study, _ = load_study(tmp_path / "s.yaml", params)
    by_village = model.fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(data.village)[0]}, use_t=True)
    row = propensity.event_study(study).query("period == '2017'").iloc[0]
    assert row["se"] == pytest.approx(by_village.bse[lead], rel=1e-9)


@pytest.mark.parametrize("design", ["two_group", "did"])
def test_the_headline_gives_the_effect_in_standard_deviations_of_the_comparison_group(design):
    """WWC and 3ie report an effect in standard deviations (here the comparison group's, Glass's delta): the annex gave
    it in the outcome's units only (an effect of 2 on an outcome of SD 3.3 and one of 0.5 on a 0/1 outcome could not
    be set side by side). effect_sd = the estimate / the SD (ddof 1) of the comparison rows of the comparison mean
    (did: after the programme), from pandas."""
    data = selected()
    spec = {}
    if design == "did":
        before = data.assign(y=data["y"] - EFFECT * (data["group"] == "t"), year=2019)
        data = pd.concat([before, data.assign(year=2021)], ignore_index=True)
        spec = {"design": "did", "period": {"column": "year", "post": 2021}}
    head = propensity.headline(study(data, **spec)).iloc[0]
    rows = data[(data["group"] == "c") & (data.get("year", 2021) == 2021)]
    assert head["comparison_sd"] == pytest.approx(rows["y"].std(), rel=1e-12)
    assert head["effect_sd"] == pytest.approx(head["estimate"] / rows["y"].std(), rel=1e-12)
    assert 0.2 < head["effect_sd"] < 2   # (the IPW estimate of 2 over an SD of about 3)
    flat = data.assign(y=np.where(data["group"] == "c", 1.0, data["y"]))   # a comparison group all alike: no SD
    assert math.isnan(propensity.headline(study(flat, **spec)).iloc[0]["effect_sd"])


def test_the_balance_tables_means_are_figures():
    """The annex's balance table gives each covariate's mean per group (« âge 31,62 32,18 ») and, with ipw, the
    comparison group's weighted mean; figures.csv had the standardised differences only, so a report's « les
    traités ont en moyenne 31,6 ans » could not be checked. balance_mean: the groups' means (pandas), and the
    comparison's mean weighted by the odds of statsmodels' Logit score (att)."""
    from helpers.analyses.figures import impact_figures

    data = selected(n=600)
    plain = impact_figures({"s": study(data, adjustment="none")}).set_index(["metric", "key"])
    means = data.groupby("group")[["x", "z"]].mean()
    counts = data.groupby("group")[["x", "z"]].count()
    for term in ("x", "z"):
        for arm, group in (("treated", "t"), ("comparison", "c")):
            row = plain.loc[("balance_mean", f"s:{term}:{arm}")]
            assert row["value"] == pytest.approx(means.loc[group, term], rel=1e-12) and row["n"] == counts.loc[
                group, term]
    weighted = impact_figures({"s": study(data, estimand="att")}).set_index(["metric", "key"])
    t = (data["group"] == "t").to_numpy()
    odds = logit_score(data) / (1 - logit_score(data))
    for term in ("x", "z"):
        x = data[term].to_numpy(float)
        assert weighted.loc[("balance_mean", f"s:{term}:treated"), "value"] == pytest.approx(x[t].mean(), rel=1e-12)
        assert weighted.loc[("balance_mean", f"s:{term}:comparison"), "value"] == pytest.approx(x[~t].mean(),
                                                                                                rel=1e-12)
        assert weighted.loc[("balance_mean", f"s:{term}:comparison_weighted"), "value"] == pytest.approx(
            np.average(x[~t], weights=odds[~t]), rel=1e-6)
