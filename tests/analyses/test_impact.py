"""helpers.analyses.impact against values computed independently: numpy means, scipy's t-test, textbook sandwich formulas,
Wilson/Newcombe by hand (and Newcombe 1998's worked example), and statsmodels' own OLS as a second opinion."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import stats

from helpers.analyses.impact import BALANCE_COLUMNS, EFFECT_COLUMNS, balance_table, estimate_effects
from helpers.data.loader import Study
from helpers.data.schemas import StudySpec


def make_study(data: pd.DataFrame, **spec) -> Study:
    spec.setdefault("title", "test")
    spec.setdefault("design", "two_group")
    spec.setdefault("outcomes", ["y"])
    spec.setdefault("treatment", {"column": "group", "treated": "t"})
    return Study(name="test_study", spec=StudySpec(**spec), data=data, files=[])


def two_group_data(n1=40, n0=55, seed=1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    y1 = rng.normal(12.0, 3.0, n1)
    y0 = rng.normal(10.0, 1.5, n0)  # unequal variances: HC1 and classical differ
    return pd.DataFrame({
        "group": ["t"] * n1 + ["c"] * n0,
        "y": np.concatenate([y1, y0]),
        "age": rng.normal(30, 5, n1 + n0).round(),
    })


def overall_ols(df: pd.DataFrame, outcome: str = "y") -> pd.Series:
    rows = df[(df["method"] == "ols") & df["subgroup"].isna() & (df["outcome"] == outcome)]
    assert len(rows) == 1
    return rows.iloc[0]


# --- two groups ---------------------------------------------------------------------------------------------------


def test_two_group_classical_equals_difference_of_means_and_pooled_t_test():
    data = two_group_data()
    res = overall_ols(estimate_effects(make_study(data, se="classical")))
    y1 = data.loc[data["group"] == "t", "y"].to_numpy()
    y0 = data.loc[data["group"] == "c", "y"].to_numpy()
    diff = y1.mean() - y0.mean()
    t = stats.ttest_ind(y1, y0, equal_var=True)
    assert res["estimate"] == pytest.approx(diff, rel=1e-12)
    assert res["se"] == pytest.approx(diff / t.statistic, rel=1e-10)
    assert res["p_value"] == pytest.approx(t.pvalue, rel=1e-8)
    df = len(y1) + len(y0) - 2
    q = stats.t.ppf(0.975, df)
    assert res["df"] == df
    assert (res["ci_low"], res["ci_high"]) == pytest.approx((diff - q * res["se"], diff + q * res["se"]), rel=1e-10)
    assert (res["n"], res["n_treated"], res["n_comparison"]) == (95, 40, 55)
    assert res["mean_treated"] == pytest.approx(y1.mean())
    assert res["mean_comparison"] == pytest.approx(y0.mean())
    assert (res["se_type"], res["method"], res["term"], res["design"]) == ("nonrobust", "ols", "treated", "two_group")
    assert math.isnan(res["mean_treated_pre"]) and pd.isna(res["n_clusters"])


def test_two_group_hc1_equals_the_welch_like_formula():
    # OLS on [1, d]: the d coefficient is sum_i w_i y_i with w = 1/n1 (treated), -1/n0 (comparison), so
    # HC0 = sum_i w_i^2 e_i^2 = v1/n1 + v0/n0 with v the ddof=0 variances, and HC1 = HC0 * n / (n - k), k = 2.
    data = two_group_data()
    res = overall_ols(estimate_effects(make_study(data)))  # se: robust is the default
    y1 = data.loc[data["group"] == "t", "y"].to_numpy()
    y0 = data.loc[data["group"] == "c", "y"].to_numpy()
    n1, n0 = len(y1), len(y0)
    n = n1 + n0
    se_hc1 = math.sqrt((y1.var(ddof=0) / n1 + y0.var(ddof=0) / n0) * n / (n - 2))
    assert res["se_type"] == "HC1"
    assert res["se"] == pytest.approx(se_hc1, rel=1e-10)
    # and not the classical one (the variances differ a lot)
    pooled = math.sqrt(((n1 - 1) * y1.var(ddof=1) + (n0 - 1) * y0.var(ddof=1)) / (n - 2) * (1 / n1 + 1 / n0))
    assert abs(res["se"] - pooled) / pooled > 0.05


@pytest.mark.parametrize("se,cov_type", [("classical", "nonrobust"), ("robust", "HC1")])
def test_adjusted_matches_statsmodels_formula_with_awkward_column_names(se, cov_type):
    data = two_group_data().rename(columns={"y": "revenu mensuel (€)", "age": "âge-années"})
    rng = np.random.default_rng(3)
    data["revenu mensuel (€)"] += 0.2 * data["âge-années"] + rng.normal(0, 1, len(data))
    study = make_study(data, outcomes=["revenu mensuel (€)"], covariates=["âge-années"], adjust=True, se=se)
    res = overall_ols(estimate_effects(study), "revenu mensuel (€)")
    d = data.assign(treated=(data["group"] == "t").astype(float))
    fit = smf.ols('Q("revenu mensuel (€)") ~ treated + Q("âge-années")', data=d).fit(cov_type=cov_type, use_t=True)
    assert res["estimate"] == pytest.approx(fit.params["treated"], rel=1e-10)
    assert res["se"] == pytest.approx(fit.bse["treated"], rel=1e-8)
    assert res["p_value"] == pytest.approx(fit.pvalues["treated"], rel=1e-6)
    lo, hi = fit.conf_int().loc["treated"]
    assert (res["ci_low"], res["ci_high"]) == pytest.approx((lo, hi), rel=1e-8)
    assert "adjusted for âge-années" in res["note"]


def test_missing_outcome_and_covariate_rows_are_dropped_and_counted():
    data = two_group_data()
    data.loc[[0, 1, 50], "y"] = np.nan
    data.loc[[2], "age"] = np.nan
    plain = overall_ols(estimate_effects(make_study(data, covariates=["age"])))
    adjusted = overall_ols(estimate_effects(make_study(data, covariates=["age"], adjust=True)))
    assert plain["n"] == 92 and (plain["n_treated"], plain["n_comparison"]) == (38, 54)
    assert adjusted["n"] == 91 and adjusted["n_treated"] == 37


# --- difference in differences ------------------------------------------------------------------------------------


def did_panel() -> pd.DataFrame:
    # 4 cells of a hand-made panel, unequal sizes; the treatment column is numeric, the period one a year.
    cells = {  # (treated, year): outcomes
        (1, 2019): [3.0, 4.0, 5.0, 4.0],
        (1, 2021): [7.0, 9.0, 8.0, 8.5, 7.5],
        (0, 2019): [2.0, 3.0, 2.5],
        (0, 2021): [3.0, 4.0, 3.5, 4.5, 3.0, 4.0],
    }
    rows = [(t, yr, v, f"s{i % 3}") for (t, yr), vals in cells.items() for i, v in enumerate(vals)]
    return pd.DataFrame(rows, columns=["programme", "year", "y", "site"]).astype({"programme": float, "year": float})


def test_did_equals_difference_of_the_four_means():
    data = did_panel()
    study = make_study(data, design="did", treatment={"column": "programme", "treated": 1},
                       period={"column": "year", "post": "2021"}, se="classical")
    res = overall_ols(estimate_effects(study))
    m = data.groupby(["programme", "year"])["y"].mean()
    expected = (m[(1, 2021)] - m[(1, 2019)]) - (m[(0, 2021)] - m[(0, 2019)])
    assert res["estimate"] == pytest.approx(expected, rel=1e-12)
    assert res["term"] == "treated:post" and res["design"] == "did"
    assert res["mean_treated_pre"] == pytest.approx(m[(1, 2019)])
    assert res["mean_treated_post"] == pytest.approx(m[(1, 2021)])
    assert res["mean_comparison_pre"] == pytest.approx(m[(0, 2019)])
    assert res["mean_comparison_post"] == pytest.approx(m[(0, 2021)])
    assert res["mean_treated"] == res["mean_treated_post"]
    assert (res["n"], res["n_treated"], res["n_comparison"]) == (18, 9, 9)
    # classical SE of a saturated 2x2 model: s^2 * sum over cells of 1/n_cell, s^2 the pooled within-cell variance
    resid = data["y"] - data.groupby(["programme", "year"])["y"].transform("mean")
    s2 = float((resid ** 2).sum()) / (len(data) - 4)
    assert res["se"] == pytest.approx(math.sqrt(s2 * (1 / 4 + 1 / 5 + 1 / 3 + 1 / 6)), rel=1e-10)


# --- Newcombe -------------------------------------------------------------------------------------------------------


def wilson(count: float, n: int, z: float) -> tuple[float, float]:
    p = count / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def newcombe_by_hand(c1, n1, c0, n0, z=stats.norm.ppf(0.975)):
    p1, p0 = c1 / n1, c0 / n0
    l1, u1 = wilson(c1, n1, z)
    l0, u0 = wilson(c0, n0, z)
    d = p1 - p0
    return d - math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2), d + math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)


def binary_data(c1, n1, c0, n0) -> pd.DataFrame:
    return pd.DataFrame({"group": ["t"] * n1 + ["c"] * n0,
                         "y": [1] * c1 + [0] * (n1 - c1) + [1] * c0 + [0] * (n0 - c0)})


@pytest.mark.parametrize("c1,n1,c0,n0", [(56, 70, 48, 80), (9, 10, 3, 10), (0, 25, 4, 30), (30, 30, 12, 40)])
def test_newcombe_interval_equals_its_formula(c1, n1, c0, n0):
    out = estimate_effects(make_study(binary_data(c1, n1, c0, n0)))
    row = out[out["method"] == "newcombe"]
    assert len(row) == 1
    row = row.iloc[0]
    lo, hi = newcombe_by_hand(c1, n1, c0, n0)
    assert row["estimate"] == pytest.approx(c1 / n1 - c0 / n0)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((lo, hi), abs=1e-12)
    assert (row["n"], row["n_treated"], row["n_comparison"]) == (n1 + n0, n1, n0)
    assert row["term"] == "diff_prop" and row["se_type"] == "newcombe" and math.isnan(row["se"])


def test_newcombe_interval_of_a_clustered_study_counts_the_clusters(tmp_path):
    """A 0/1 outcome in 20 sites of 40 persons (10 treated sites), `se: cluster`, written as a CSV. The Newcombe
    interval ignored the clustering (an English note said so): 0.099 to 0.234, excluding 0, where the clustered OLS
    interval is -0.077 to 0.412. Each arm's count and size are now divided by its design effect (Rao-Scott), the
    variance of its proportion over the sites / the binomial one; R gives the same ratios:
      d <- read.csv("s.csv"); for (g in c("T", "C")) { a <- d[d$groupe == g, ]; m <- svymean(~emploi,
        svydesign(ids = ~site, data = a)); print(SE(m)^2 / (coef(m) * (1 - coef(m)) / nrow(a))) }
    gives 10.71304 (T) and 13.3319 (C)."""
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    rng = np.random.default_rng(6)
    rows = []
    for site in range(20):
        level = rng.normal(0, 1.2)
        rows += [f"P{site}-{k},S{site},{'T' if site < 10 else 'C'},"
                 f"{int(rng.random() < 1 / (1 + np.exp(-(-0.2 + 0.5 * (site < 10) + level))))}" for k in range(40)]
    (tmp_path / "s.csv").write_text("id,site,groupe,emploi\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [emploi]\ntreatment: {column: groupe, "
                                     "treated: T}\ncluster: site\nse: cluster\n", encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31")
    study, _ = load_study(tmp_path / "s.yaml", params)
    out = estimate_effects(study)
    row, ols = out[out["method"] == "newcombe"].iloc[0], out[out["method"] == "ols"].iloc[0]
    data = pd.read_csv(tmp_path / "s.csv")
    c1, n1 = int(data.loc[data["groupe"] == "T", "emploi"].sum()), int((data["groupe"] == "T").sum())
    c0, n0 = int(data.loc[data["groupe"] == "C", "emploi"].sum()), int((data["groupe"] == "C").sum())
    d1, d0 = 10.71304, 13.3319   # R, above
    assert row["estimate"] == pytest.approx(c1 / n1 - c0 / n0)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(newcombe_by_hand(c1 / d1, n1 / d1, c0 / d0, n0 / d0),
                                                            abs=1e-4)
    assert row["ci_low"] < 0 < row["ci_high"] and ols["ci_low"] < 0
    assert "design effect (Rao-Scott; treated 10.7, comparison 13.3)" in row["note"]


def test_newcombe_matches_the_published_example():
    # Newcombe (1998), Statistics in Medicine 17:873-890, Table II example (a): 56/70 - 48/80, method 10.
    out = estimate_effects(make_study(binary_data(56, 70, 48, 80)))
    row = out[out["method"] == "newcombe"].iloc[0]
    assert row["ci_low"] == pytest.approx(0.0524, abs=5e-5)
    assert row["ci_high"] == pytest.approx(0.3339, abs=5e-5)


def test_newcombe_did_uses_the_post_period_only():
    data = pd.concat([binary_data(5, 10, 5, 10).assign(round="baseline"),
                      binary_data(8, 12, 4, 11).assign(round="followup")], ignore_index=True)
    study = make_study(data, design="did", period={"column": "round", "post": "followup"})
    row = estimate_effects(study).query("method == 'newcombe'").iloc[0]
    assert row["term"] == "diff_prop_post"
    assert (row["n_treated"], row["n_comparison"]) == (12, 11)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(newcombe_by_hand(8, 12, 4, 11), abs=1e-12)


def test_no_newcombe_rows_for_a_continuous_outcome():
    out = estimate_effects(make_study(two_group_data()))
    assert set(out["method"]) == {"ols"}


# --- clusters -------------------------------------------------------------------------------------------------------


def clustered_data(cluster_sd: float, seed: int, n_clusters=40, per_cluster=25) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    cluster = np.repeat(np.arange(n_clusters), per_cluster)
    treated = cluster % 2  # treatment assigned by cluster
    y = 1.0 + 0.3 * treated + rng.normal(0, cluster_sd, n_clusters)[cluster] + rng.normal(0, 1, cluster.size)
    return pd.DataFrame({"group": np.where(treated == 1, "t", "c"), "y": y, "site": [f"site {c}" for c in cluster]})


def crv1_by_hand(data: pd.DataFrame) -> float:
    # d coefficient = sum_i w_i y_i (w = 1/n1 or -1/n0); CRV1 = G/(G-1) (n-1)/(n-k) sum_g (sum_{i in g} w_i e_i)^2
    d = (data["group"] == "t").to_numpy()
    y = data["y"].to_numpy()
    n1, n0 = d.sum(), (~d).sum()
    e = y - np.where(d, y[d].mean(), y[~d].mean())
    w = np.where(d, 1 / n1, -1 / n0)
    sums = pd.Series(w * e).groupby(data["site"].to_numpy()).sum()
    g, n = len(sums), len(y)
    return math.sqrt(g / (g - 1) * (n - 1) / (n - 2) * float((sums ** 2).sum()))


def test_cluster_se_is_crv1_and_larger_under_within_cluster_correlation():
    data = clustered_data(cluster_sd=1.0, seed=7)
    clustered = overall_ols(estimate_effects(make_study(data, cluster="site", se="cluster")))
    classical = overall_ols(estimate_effects(make_study(data, cluster="site", se="classical")))
    assert clustered["se"] == pytest.approx(crv1_by_hand(data), rel=1e-10)
    assert clustered["se"] > 2.5 * classical["se"]
    assert clustered["n_clusters"] == 40 and clustered["df"] == 39 and clustered["se_type"] == "cluster"
    assert clustered["p_value"] == pytest.approx(2 * stats.t.sf(abs(clustered["estimate"] / clustered["se"]), 39))


def test_cluster_se_close_to_classical_when_clusters_are_independent():
    data = clustered_data(cluster_sd=0.0, seed=8, n_clusters=100, per_cluster=10)
    clustered = overall_ols(estimate_effects(make_study(data, cluster="site", se="cluster")))
    classical = overall_ols(estimate_effects(make_study(data, cluster="site", se="classical")))
    assert 0.8 < clustered["se"] / classical["se"] < 1.25


@pytest.mark.parametrize("se,cov_type", [("cluster", "cluster"), ("robust", "HC1"), ("classical", "nonrobust")])
@pytest.mark.parametrize("adjust", [False, True])
def test_did_matches_statsmodels(adjust, se, cov_type):
    # the no-covariate path works on cell sums, the adjusted one on the full design matrix: both must agree with it
    rng = np.random.default_rng(11)
    base = clustered_data(cluster_sd=0.7, seed=9)
    data = pd.concat([base.assign(period="pre"), base.assign(period="post")], ignore_index=True)
    data["x"] = rng.normal(0, 1, len(data))
    data["y"] += 0.5 * data["x"] + 0.4 * ((data["group"] == "t") & (data["period"] == "post"))
    study = make_study(data, design="did", period={"column": "period", "post": "post"}, covariates=["x"],
                       adjust=adjust, cluster="site", se=se)
    res = overall_ols(estimate_effects(study))
    t = (data["group"] == "t").to_numpy(float)
    p = (data["period"] == "post").to_numpy(float)
    X = np.column_stack([np.ones(len(data)), t, p, t * p] + ([data["x"]] if adjust else []))
    kwds = {"cov_kwds": {"groups": pd.factorize(data["site"])[0]}} if cov_type == "cluster" else {}
    fit = sm.OLS(data["y"].to_numpy(), X).fit(cov_type=cov_type, use_t=True, **kwds)
    assert res["estimate"] == pytest.approx(fit.params[3], rel=1e-10)
    assert res["se"] == pytest.approx(fit.bse[3], rel=1e-8)
    assert res["p_value"] == pytest.approx(fit.pvalues[3], rel=1e-6)
    assert (res["ci_low"], res["ci_high"]) == pytest.approx(tuple(fit.conf_int()[3]), rel=1e-8)


# --- balance --------------------------------------------------------------------------------------------------------


def test_balance_smd_equals_the_formula_and_uses_baseline_for_did():
    data = pd.DataFrame({
        "group": ["t", "t", "t", "c", "c", "c", "c", "t", "c"],
        "round": ["pre"] * 7 + ["post", "post"],
        "age": [20.0, 30.0, 40.0, 25.0, 35.0, 45.0, 55.0, 99.0, 1.0],
        "woman": [1, 0, 1, 0, 0, 1, 0, 1, 1],
        "y": [1.0] * 9,
    })
    study = make_study(data, design="did", period={"column": "round", "post": "post"}, covariates=["age", "woman"])
    bal = balance_table(study)
    assert list(bal.columns) == BALANCE_COLUMNS
    age = bal.set_index("covariate").loc["age"]
    # by hand: treated 20, 30, 40 -> mean 30, var 100; comparison 25..55 -> mean 40, var 500/3
    assert (age["mean_treated"], age["mean_comparison"]) == (30.0, 40.0)
    assert age["var_treated"] == pytest.approx(100.0)
    assert age["var_comparison"] == pytest.approx(500 / 3)
    assert age["smd"] == pytest.approx((30 - 40) / math.sqrt((100 + 500 / 3) / 2))
    assert (age["n_treated"], age["n_comparison"], age["sample"]) == (3, 4, "pre")
    woman = bal.set_index("covariate").loc["woman"]
    p1, p0 = 2 / 3, 1 / 4
    v1, v0 = p1 * (1 - p1) * 3 / 2, p0 * (1 - p0) * 4 / 3
    assert woman["smd"] == pytest.approx((p1 - p0) / math.sqrt((v1 + v0) / 2))


def test_balance_two_group_and_degenerate_covariates():
    data = two_group_data().assign(constant=1.0, label="x")
    bal = balance_table(make_study(data, covariates=["age", "constant", "label", "absent"])).set_index("covariate")
    assert bal.loc["age", "sample"] == "all" and bal.loc["age", "n_treated"] == 40
    assert math.isnan(bal.loc["constant", "smd"]) and "variance" in bal.loc["constant", "note"]
    assert math.isnan(bal.loc["label", "smd"]) and "single value" in bal.loc["label", "note"]
    assert math.isnan(bal.loc["absent", "smd"]) and "not found" in bal.loc["absent", "note"]


# --- shape, degenerate cases, robust matching -----------------------------------------------------------------------


def test_rows_and_columns_of_the_table():
    data = pd.concat([binary_data(20, 40, 15, 40).assign(round="pre"),
                      binary_data(30, 40, 18, 40).assign(round="post")], ignore_index=True)
    data["z"] = np.arange(len(data), dtype=float)
    data["sex"] = np.tile(["f", "m"], len(data) // 2)
    data["country"] = np.repeat(["Maroc", "Tunisie", "Libye", "Maroc"], len(data) // 4)
    study = make_study(data, design="did", period={"column": "round", "post": "post"}, outcomes=["y", "z"],
                       subgroups=["country", "sex"])
    out = estimate_effects(study)
    assert list(out.columns) == EFFECT_COLUMNS
    # per outcome: overall + 3 countries + 2 sexes = 6; y is 0/1 -> ols + newcombe
    assert len(out) == 6 * 2 + 6
    assert out["subgroup"].isna().sum() == 3
    assert list(out.loc[(out["outcome"] == "z") & (out["subgroup"] == "country"), "subgroup_value"]) == [
        "Libye", "Maroc", "Tunisie"]
    assert out["study"].eq("test_study").all()
    assert out["n"].dtype == "int64"
    only_sex = estimate_effects(study, subgroups=["sex"])
    assert set(only_sex["subgroup"].dropna()) == {"sex"} and len(only_sex) == 3 * 2 + 3


def test_degenerate_subgroup_gives_nan_row_with_note():
    data = two_group_data()
    data["country"] = np.where(data["group"] == "t", "Maroc", "Tunisie")
    data.loc[data.index[:3], "country"] = "Libye"  # 3 treated, no comparison
    data["flat"] = 5.0
    data["one_arm_binary"] = (data["y"] > 11).astype(int)
    study = make_study(data, outcomes=["y", "flat", "one_arm_binary"], subgroups=["country"])
    out = estimate_effects(study)
    libye = out[(out["subgroup_value"] == "Libye") & (out["outcome"] == "y")].iloc[0]
    assert math.isnan(libye["estimate"]) and math.isnan(libye["se"]) and math.isnan(libye["p_value"])
    assert "comparison" in libye["note"] and libye["n_treated"] == 3 and libye["n_comparison"] == 0
    flat = out[out["subgroup"].isna() & (out["outcome"] == "flat")].iloc[0]
    assert math.isnan(flat["se"]) and "variance" in flat["note"]
    nc = out[(out["subgroup_value"] == "Libye") & (out["method"] == "newcombe")].iloc[0]
    assert math.isnan(nc["ci_low"]) and "no comparison rows" in nc["note"]


def test_too_few_rows_and_missing_columns_do_not_raise():
    data = pd.DataFrame({"group": ["t", "c"], "y": [1.0, 2.0]})
    out = estimate_effects(make_study(data, outcomes=["y", "nope"], subgroups=["absent"]))
    assert out["estimate"].isna().all()
    assert out["note"].str.contains("column(s) not found: absent", regex=False).all()
    assert out.loc[out["outcome"] == "y", "note"].str.contains("fewer than 2").all()
    assert out.loc[out["outcome"] == "nope", "note"].str.contains("column 'nope' not found").all()
    assert (out["n"] == [2, 0]).all()


def test_collinear_covariate_gives_a_note():
    data = two_group_data()
    data["dup"] = (data["group"] == "t").astype(float)
    out = overall_ols(estimate_effects(make_study(data, covariates=["dup"], adjust=True)))
    assert math.isnan(out["estimate"]) and "collinear" in out["note"]


@pytest.mark.parametrize("column,treated", [
    ([1, 0], "1"), ([1.0, 0.0], 1), (["1", "0"], 1), (["1", "0"], "1"), ([" Treated", "comparison "], "treated"),
    ([True, False], True), (["true", "false"], True), (["1.0", "0.0"], 1),
    # `treated: yes` is True in YAML; the loader accepted yes/no and oui/non cells, the analysis found no treated row
    (["yes", "no"], True), (["Oui", "Non"], True), (["x", ""], True),
])
def test_treated_value_matches_across_types(column, treated):
    data = two_group_data(n1=20, n0=30)
    data["arm"] = pd.Series(np.where(data["group"] == "t", 0, 1)).map({0: column[0], 1: column[1]})
    reference = overall_ols(estimate_effects(make_study(data)))
    res = overall_ols(estimate_effects(make_study(data, treatment={"column": "arm", "treated": treated})))
    assert (res["n_treated"], res["n_comparison"]) == (20, 30)
    assert res["estimate"] == pytest.approx(reference["estimate"])


def test_period_value_matches_number_against_text():
    data = did_panel()
    data["year_text"] = data["year"].map(lambda v: f"{v:.0f}")
    a = overall_ols(estimate_effects(make_study(data, design="did", treatment={"column": "programme", "treated": "1"},
                                                period={"column": "year", "post": "2021"})))
    b = overall_ols(estimate_effects(make_study(data, design="did", treatment={"column": "programme", "treated": 1.0},
                                                period={"column": "year_text", "post": 2021})))
    assert a["estimate"] == pytest.approx(b["estimate"]) and a["n"] == b["n"] == 18


def test_a_treated_value_never_found_is_named_in_the_note():
    out = overall_ols(estimate_effects(make_study(two_group_data(), treatment={"column": "group", "treated": "T1"})))
    assert math.isnan(out["estimate"])
    assert "no row has group = 'T1'" in out["note"] and "values found: c, t" in out["note"]


def test_more_than_two_treatment_values_are_pooled_with_a_note():
    data = two_group_data()
    data.loc[data.index[-10:], "group"] = "other"
    out = overall_ols(estimate_effects(make_study(data)))
    assert (out["n_treated"], out["n_comparison"]) == (40, 55)
    assert "'group' has 3 values" in out["note"]


# --- the numbers come from statsmodels ------------------------------------------------------------------------------


def did_cluster_data(seed=21) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    base = clustered_data(cluster_sd=0.5, seed=seed)
    base["sex"] = rng.choice(["f", "m"], len(base))
    data = pd.concat([base.assign(period="pre"), base.assign(period="post")], ignore_index=True)
    data["y"] += 0.3 * ((data["group"] == "t") & (data["period"] == "post")) + rng.normal(0, 1, len(data))
    return data


def test_every_ols_row_is_a_statsmodels_fit(monkeypatch):
    # spy on OLS.fit: one fit per OLS row with an estimate, with the cov_type of the spec, t inference and int
    # cluster codes, and the row's numbers are those of the fitted result
    from statsmodels.regression.linear_model import OLS

    calls = []
    real_fit = OLS.fit

    def spy(self, *args, **kwargs):
        res = real_fit(self, *args, **kwargs)
        calls.append((kwargs, res))
        return res

    monkeypatch.setattr(OLS, "fit", spy)
    data = did_cluster_data()
    study = make_study(data, design="did", period={"column": "period", "post": "post"}, cluster="site", se="cluster",
                       subgroups=["sex"])
    out = estimate_effects(study, alpha=0.1)
    ols = out[out["method"] == "ols"]
    assert len(calls) == len(ols) == 3
    for (kwargs, res), (_, row) in zip(calls, ols.iterrows()):
        assert kwargs["cov_type"] == "cluster" and kwargs["use_t"] is True
        assert kwargs["cov_kwds"]["groups"].dtype == np.dtype(int)
        assert row["estimate"] == res.params[3] and row["se"] == res.bse[3] and row["p_value"] == res.pvalues[3]
        assert (row["ci_low"], row["ci_high"]) == tuple(res.conf_int(0.1)[3])
        assert row["df"] == res.df_resid_inference and row["n_clusters"] == res.n_groups


def test_alpha_and_subgroup_clusters_match_statsmodels_on_the_subset():
    data = did_cluster_data()
    study = make_study(data, design="did", period={"column": "period", "post": "post"}, cluster="site", se="cluster",
                       subgroups=["sex"])
    out = estimate_effects(study, alpha=0.10)
    row = out[(out["subgroup_value"] == "f") & (out["method"] == "ols")].iloc[0]
    part = data[data["sex"] == "f"]
    t = (part["group"] == "t").to_numpy(float)
    p = (part["period"] == "post").to_numpy(float)
    X = np.column_stack([np.ones(len(part)), t, p, t * p])
    fit = sm.OLS(part["y"].to_numpy(), X).fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(part["site"])[0]},
                                             use_t=True)
    assert row["estimate"] == pytest.approx(fit.params[3], rel=1e-10)
    assert row["se"] == pytest.approx(fit.bse[3], rel=1e-8)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(tuple(fit.conf_int(0.10)[3]), rel=1e-8)
    # the 90 % interval by hand: t quantile with G - 1 df, G the clusters of the subgroup
    g = part["site"].nunique()
    q = stats.t.ppf(0.95, g - 1)
    assert row["df"] == g - 1 and row["n_clusters"] == g
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((row["estimate"] - q * row["se"],
                                                            row["estimate"] + q * row["se"]), rel=1e-10)


def test_one_cluster_and_few_clusters_give_notes_without_warnings():
    data = did_cluster_data()
    data["region"] = np.where(data["site"].isin(["site 0", "site 1"]), "north", "south")
    data["tiny"] = np.where(data["site"] == "site 0", "alone", "rest")
    study = make_study(data, design="did", period={"column": "period", "post": "post"}, cluster="site", se="cluster",
                       subgroups=["region", "tiny"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = estimate_effects(study).set_index("subgroup_value")
    north = out.loc["north"]  # 2 clusters (one per arm): an estimate, flagged
    assert north["n_clusters"] == 2 and north["df"] == 1 and "only 2 clusters" in north["note"]
    alone = out.loc["alone"]  # one cluster, one arm: no estimate
    assert math.isnan(alone["estimate"]) and "no estimate" in alone["note"]
    single = data[data["site"] == "site 0"].assign(group=lambda d: np.tile(["t", "c"], len(d) // 2))
    one = estimate_effects(make_study(single, design="did", period={"column": "period", "post": "post"},
                                      cluster="site", se="cluster"))
    assert math.isnan(one["estimate"].iloc[0]) and "only 1 cluster" in one["note"].iloc[0]


# --- what the reporting standards ask for (issue 20) ----------------------------------------------------------------


def test_mde_takes_statsmodels_one_element_array_at_the_kentucky_group_sizes():
    from statsmodels.stats.power import TTestIndPower

    from helpers.analyses import inference

    # statsmodels' solver returns array([0.0756]) for these sizes; float() of it raised TypeError in notebook 40
    d = np.asarray(TTestIndPower().solve_power(nobs1=2394.0, ratio=3232 / 2394, alpha=0.05, power=0.8)).ravel()[0]
    se = 0.0685
    assert inference.min_detectable_effect(se, 2394, 3232) == pytest.approx(d / math.sqrt(1 / 2394 + 1 / 3232) * se)
    assert inference.min_detectable_effect(se, 2394, 3232) == pytest.approx(2.80 * se, rel=0.01)


def test_icc_is_the_anova_estimator_and_agrees_with_a_mixed_model_on_balanced_clusters():
    from helpers.analyses import inference

    rng = np.random.default_rng(7)
    G, m = 60, 8
    cluster = np.repeat(np.arange(G), m)
    y = rng.normal(0, 1.0, G)[cluster] + rng.normal(0, 2.0, G * m)  # true ICC 1 / (1 + 4) = 0.2
    # by hand: balanced clusters, (MSB - MSW) / (MSB + (m - 1) MSW)
    means = y.reshape(G, m).mean(axis=1)
    msb = m * ((means - y.mean()) ** 2).sum() / (G - 1)
    msw = ((y.reshape(G, m) - means[:, None]) ** 2).sum() / (G * m - G)
    rho = inference.icc(y, cluster)
    assert rho == pytest.approx((msb - msw) / (msb + (m - 1) * msw), rel=1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = smf.mixedlm("y ~ 1", pd.DataFrame({"y": y, "g": cluster}), groups="g").fit(reml=True, method=["lbfgs"])
    between = float(fit.cov_re.iloc[0, 0])
    assert rho == pytest.approx(between / (between + fit.scale), rel=1e-4)  # REML = ANOVA on balanced data
    assert math.isnan(inference.icc(np.arange(4.0), [0, 1, 2, 3]))       # one row per cluster: nothing to estimate
    assert inference.design_effect(25, 0.04) == pytest.approx(1.96)
    mde = inference.min_detectable_effect_clustered(0.1, 20, 20, 25, 0.04)
    assert mde == pytest.approx(inference.mde_multiple(20, 20) * 0.1 * 1.4)


def test_joint_balance_test_is_the_regression_f_test_with_the_study_se():
    data = two_group_data().assign(sex=lambda f: np.where(np.arange(len(f)) % 3 == 0, "f", "m"),
                                   school=lambda f: np.arange(len(f)) % 7)
    data["t"] = (data["group"] == "t").astype(float)
    from helpers.analyses.impact import balance_test

    classical = balance_test(make_study(data, covariates=["age", "school", "sex"], se="classical"))
    formula = smf.ols("t ~ age + school + C(sex)", data=data).fit()
    assert classical["p_value"] == pytest.approx(formula.f_pvalue, rel=1e-9)
    assert classical["f"] == pytest.approx(formula.fvalue, rel=1e-9)
    assert classical["terms"] == ["age", "school", "sex=m"] and classical["sample"] == "all"
    robust = balance_test(make_study(data, covariates=["age", "school", "sex"]))
    hc1 = smf.ols("t ~ age + school + C(sex)", data=data).fit(cov_type="HC1", use_t=True)
    wald = hc1.f_test("age = 0, school = 0, C(sex)[T.m] = 0")
    assert robust["p_value"] == pytest.approx(float(wald.pvalue), rel=1e-9) and robust["se_type"] == "HC1"


def test_text_covariates_enter_the_regression_as_indicators_and_adjust_is_read_as_regression():
    data = two_group_data().assign(region=lambda f: np.array(["nord", "sud", "est"])[np.arange(len(f)) % 3])
    study = make_study(data, covariates=["age", "region"], adjust=True, se="classical")
    assert study.spec.adjustment == "regression"
    res = overall_ols(estimate_effects(study))
    data["d"] = (data["group"] == "t").astype(float)
    formula = smf.ols("y ~ d + age + C(region)", data=data).fit()
    assert res["estimate"] == pytest.approx(formula.params["d"], rel=1e-10)
    assert res["se"] == pytest.approx(formula.bse["d"], rel=1e-10)
    assert "region=sud" in res["note"] and "not numeric" not in res["note"]
    bal = balance_table(study).set_index("covariate")
    assert {"region=nord", "region=sud"} <= set(bal.index)  # est is the reference
    assert make_study(data, covariates=["age"], adjust=False).spec.adjustment == "none"


def panel_with_dropouts() -> pd.DataFrame:
    # 6 treated and 8 comparison persons at baseline; 2 treated and 1 comparison person have no follow-up row
    rows = []
    for i in range(14):
        arm = "t" if i < 6 else "c"
        rows.append({"pid": f"p{i}", "group": arm, "round": 1, "y": float(i % 2), "age": 20.0 + i})
        if i not in (0, 1, 13):
            rows.append({"pid": f"p{i}", "group": arm, "round": 2, "y": float((i + 1) % 2), "age": 21.0 + i})
    return pd.DataFrame(rows)


def test_units_count_persons_and_attrition_per_arm():
    from helpers.analyses.impact import units

    data = panel_with_dropouts()
    spec = dict(design="did", period={"column": "round", "post": 2}, covariates=["age"])
    out = units(make_study(data, unit="pid", **spec)).set_index("arm")
    counts = ["n_units", "n_rows", "n_baseline", "n_followup", "attrition"]
    assert out.loc["treated", counts].tolist() == [6, 10, 6, 4, 2]
    assert out.loc["comparison", ["n_units", "n_rows", "attrition"]].tolist() == [8, 15, 1]
    assert out.loc["treated", "attrition_rate"] == pytest.approx(2 / 6)
    rows_only = units(make_study(data, **spec)).set_index("arm")
    assert rows_only.loc["treated", "n_units"] == 10 and "no unit column" in rows_only.loc["treated", "note"]
    assert math.isnan(rows_only.loc["treated", "attrition"])


def test_units_seen_after_the_programme_only_are_counted_and_told(tmp_path):
    """30 of 100 treated persons enrolled late, seen at the follow-up only, earning 300 more from the start: the
    difference-in-differences was 288 where the persons seen twice give 206, and the annex counted the attrition
    (persons seen before only), not them; nothing was said. They are counted per arm (`late`) and told by
    `make check` (unit_without_baseline)."""
    from helpers.analyses.impact import units
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    rng = np.random.default_rng(2)
    rows = []
    for i in range(200):
        level = rng.normal(1000, 200)
        rows += [f"P{i},{'T' if i < 100 else 'C'},{year},"
                 f"{level + 50 * (year == 2021) + 200 * (i < 100 and year == 2021) + 300 * (70 <= i < 100):.0f}"
                 for year in (2019, 2021) if not (70 <= i < 100 and year == 2019)]
    (tmp_path / "s.csv").write_text("pid,groupe,annee,revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: did\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\nperiod: {column: annee, post: 2021}\nunit: pid\n", encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31")
    study, problems = load_study(tmp_path / "s.yaml", params)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("unit_without_baseline", "warning", 142, "pid", "P70"),
        ("study_panel_se", "warning", None, "se", None)]   # (HC1 on a panel: the annex gives the clustered SEs)
    assert problems[0].message.startswith("30 pid(s) have rows after the programme and none before it")
    out = units(study).set_index("arm")
    assert out["late"].tolist() == [30, 0] and out["attrition"].tolist() == [0, 0]


def test_attrition_counts_endlines_left_empty_and_differential_attrition_is_told(tmp_path):
    """37 of 100 treated persons, the low earners, not found at the follow-up, their row kept with the earnings
    empty: the annex said attrition 0 and 0, nothing else, beside a difference-in-differences of 312 (the pooled
    OLS of every row, as statsmodels' y ~ t * post gives it) where the persons seen twice give 203 (statsmodels and
    R's lm with person fixed effects; the effect is 200). The attrition now counts them (37 %), `make check` and the
    annex say it differs between the arms; the persons seen twice, kept alone as the hint says, give the
    fixed-effects estimate."""
    from helpers.analyses.impact import units
    from helpers.analyses.propensity import headline
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    rng = np.random.default_rng(7)
    rows = []
    for i in range(200):
        t, level = i < 100, rng.normal(1000, 200)
        for year in (2019, 2021):
            y = level + 50 * (year == 2021) + 200 * (t and year == 2021) + rng.normal(0, 50)
            rows.append(f"P{i};{'T' if t else 'C'};{year};{'' if t and level < 900 and year == 2021 else f'{y:.0f}'}")
    (tmp_path / "s.csv").write_text("pid;groupe;annee;revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: did\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\nperiod: {column: annee, post: 2021}\nunit: pid\n", encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31")
    study, problems = load_study(tmp_path / "s.yaml", params)
    frame = pd.read_csv(tmp_path / "s.csv", sep=";").assign(t=lambda d: (d["groupe"] == "T").astype(int),
                                                          post=lambda d: (d["annee"] == 2021).astype(int))
    lost = frame[(frame["post"] == 1) & frame["revenu"].isna()]["pid"]
    first = frame.index[frame["pid"].isin(lost)][0] + 2          # its baseline row, as the spreadsheet numbers it
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("differential_attrition", "warning", first, "pid", frame.at[first - 2, "pid"]),
        ("study_panel_se", "warning", None, "se", None)]   # (HC1 on a panel: the annex gives the clustered SEs)
    assert problems[0].message.startswith(f"'revenu': {len(lost)} of 100 treated and 0 of 100 comparison pid(s)")
    out = units(study).set_index("arm")
    assert out["attrition"].tolist() == [len(lost), 0] and out["n_followup"].tolist() == [100 - len(lost), 100]
    known = frame.dropna(subset=["revenu"])
    pooled = smf.ols("revenu ~ t * post", known).fit().params["t:post"]
    fixed = smf.ols("revenu ~ t:post + post + C(pid)", known).fit().params["t:post"]
    assert headline(study).iloc[0]["estimate"] == pytest.approx(pooled) and pooled - fixed > 50
    (tmp_path / "s.csv").write_text("pid;groupe;annee;revenu\n" + "\n".join(
        r for r in rows if r.split(";")[0] not in set(lost)) + "\n", encoding="utf-8")
    both, problems = load_study(tmp_path / "s.yaml", params)
    assert [p.rule for p in problems] == ["study_panel_se"] and headline(both).iloc[0]["estimate"] == \
        pytest.approx(fixed)


def _clustered_file(tmp_path, treated_villages, comparison_villages, binary=False):
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    rng = np.random.default_rng(3)
    rows, i = [], 0
    for arm, villages in (("T", treated_villages), ("C", comparison_villages)):
        for v in villages:
            level = rng.normal(0, 30)
            for _ in range(30):
                y = 500 + 50 * (arm == "T") + level + rng.normal(0, 60)
                rows.append(f"{i};{arm};{v};{int(y > 520) if binary else round(y)}")
                i += 1
    (tmp_path / "s.csv").write_text("id;groupe;village;revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\ncluster: village\nse: cluster\n", encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31")
    return load_study(tmp_path / "s.yaml", params)[0]


@pytest.mark.parametrize("villages", [(["V1"], ["V2"]), (["V1"], [f"C{k}" for k in range(12)]),
                                      ([f"T{k}" for k in range(12)], ["V1"])])
def test_an_arm_in_one_cluster_has_no_clustered_se(tmp_path, villages):
    """One village per arm gave SE 4.5e-13, p 2e-15, a « 95 % » interval 123.4 to 123.4 and an ICC of 0.0 (the
    village's own level is the effect's twin); every treated person in one village beside 12 comparison villages,
    SE 9.0 where the villages' levels vary by 30 (CRV1 sees only the comparison's). The estimate stays (the
    difference of means), without SE, interval, p, MDE or ICC, the note and the annex's caution saying why; with two
    villages per arm the SE is statsmodels' CRV1."""
    from helpers.analyses.propensity import adjusted_effects, headline
    from helpers.annex.studies import few_clusters

    study = _clustered_file(tmp_path, *villages)
    data = study.data.assign(t=lambda d: (d["groupe"] == "T").astype(float))
    head = headline(study).iloc[0]
    assert head["estimate"] == pytest.approx(data.loc[data.t == 1, "revenu"].mean()
                                             - data.loc[data.t == 0, "revenu"].mean())
    assert all(math.isnan(head[c]) for c in ("se", "ci_low", "ci_high", "p_value", "mde", "mde_design"))
    assert "in one cluster" in head["note"]
    ols = estimate_effects(study)
    assert ols["se"].isna().all() and ols["note"].str.contains("in one cluster").all()
    assert adjusted_effects(study)["se"].isna().all()
    arm = ("traité", "treated") if len(villages[0]) == 1 else ("de comparaison", "comparison")
    assert f"Tout le groupe {arm[0]} est dans une seule grappe" in few_clusters(study, "fr")
    assert f"The whole {arm[1]} group is in one cluster" in few_clusters(study, "en")


@pytest.mark.parametrize("villages, sample", [((["V1"], ["V2"]), ""),
                                              ((["V1"], [f"C{k}" for k in range(12)]), "comparison"),
                                              (([f"T{k}" for k in range(12)], ["V1"]), "treated")])
def test_an_arm_in_one_cluster_gives_the_icc_of_the_other_arm(tmp_path, villages, sample):
    """Every treated person in one village beside 12 comparison villages: the ICC was blank and the annex said
    « sans objet : pas de plan en grappes » of a clustered study, though the 12 villages measure it. It is now the
    one-way ANOVA ICC of the other arm's rows alone, said so (icc_sample, figures.csv's note, the annex); with one
    village per arm nothing measures it, and the annex says why it is blank."""
    from helpers.analyses import inference
    from helpers.analyses.figures import impact_figures
    from helpers.analyses.propensity import headline

    study = _clustered_file(tmp_path, *villages)
    head = headline(study).iloc[0]
    assert head["icc_sample"] == sample
    if not sample:
        assert math.isnan(head["icc"])
        return
    arm = study.data[(study.data["groupe"] == "T") == (sample == "treated")]
    assert head["icc"] == pytest.approx(inference.icc(arm["revenu"].to_numpy(float), arm["village"].to_numpy()))
    assert head["icc"] > 0 and head["icc_n"] == len(arm) == 360
    icc = impact_figures({"s": study})
    note = icc.loc[icc["metric"] == "impact_icc", "note"].iloc[0]
    assert f"the {sample} arm's rows only" in note


def test_a_binary_outcome_with_an_arm_in_one_cluster_has_no_interval(tmp_path):
    """The Newcombe interval of a 0/1 outcome divides each arm by its design effect, 1 with one cluster: the
    interval ignored the clustering."""
    out = estimate_effects(_clustered_file(tmp_path, ["V1"], ["V2", "V3", "V4"], binary=True))
    newcombe = out[out["method"] == "newcombe"]
    assert len(newcombe) and newcombe["ci_low"].isna().all() and newcombe["note"].str.contains("no interval").all()


def test_a_did_with_one_cluster_per_arm_has_no_se_nor_pre_trend_test():
    from helpers.analyses.propensity import adjusted_effects, event_study

    rng = np.random.default_rng(4)
    rows = [{"id": i, "group": "t" if i < 30 else "c", "village": "V1" if i < 30 else "V2", "year": year,
             "y": 100 + 10 * (i < 30) * (year == 2021) + rng.normal(0, 5)}
            for i in range(60) for year in (2017, 2019, 2021)]
    study = make_study(pd.DataFrame(rows), design="did", period={"column": "year", "post": 2021}, se="cluster",
                       cluster="village", unit="id")
    leads = event_study(study)
    moved = leads[leads["relative"] != 0]
    assert len(moved) and moved["se"].isna().all() and moved["p_pretrend"].isna().all()
    assert moved["note"].str.contains("in one cluster").all()
    assert adjusted_effects(study)["se"].isna().all()


def test_two_clusters_per_arm_keep_statsmodels_crv1(tmp_path):
    study = _clustered_file(tmp_path, ["V1", "V2"], ["V3", "V4"])
    data = study.data.assign(t=lambda d: (d["groupe"] == "T").astype(float))
    fit = smf.ols("revenu ~ t", data).fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(data.village)[0]},
                                          use_t=True)
    row = estimate_effects(study).iloc[0]
    assert row["se"] == pytest.approx(fit.bse["t"]) and row["p_value"] == pytest.approx(fit.pvalues["t"])


def test_headline_gives_the_comparison_mean_after_the_programme_pp_ratio_and_registration():
    from helpers.analyses.propensity import headline

    data = panel_with_dropouts()
    study = make_study(data, design="did", period={"column": "round", "post": 2}, covariates=["age"], unit="pid",
                       randomised=True, registry="AEARCTR-0000001", exploratory=["y"], se="classical")
    row = headline(study).iloc[0]
    post = data[data["round"] == 2]
    assert row["comparison_mean"] == pytest.approx(post.loc[post["group"] == "c", "y"].mean())
    assert row["comparison_n"] == 7 and row["comparison_sample"] == "post"
    assert row["binary"] and row["effect_pp"] == pytest.approx(100 * row["estimate"])
    treated_mean = post.loc[post["group"] == "t", "y"].mean()
    assert row["relative_effect"] == pytest.approx(treated_mean / (treated_mean - row["estimate"]))
    assert row["itt"] and row["registration"] == "exploratory" and row["method"] == "ols"
    with pytest.raises(ValueError, match="exploratory"):
        make_study(data, exploratory=["absent"])


def test_the_former_adjust_key_is_read_as_regression_with_a_warning(tmp_path):
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    folder = tmp_path / "impact"
    folder.mkdir()
    two_group_data().to_csv(folder / "s.csv", index=False)
    (folder / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [y]\ntreatment: {column: group, treated: t}"
                                   "\ncovariates: [age]\nadjust: true\n", encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31")
    study, problems = load_study(folder / "s.yaml", params)
    assert study is not None and study.spec.adjustment == "regression"
    warned = [p for p in problems if p.rule == "adjust_replaced"]
    assert len(warned) == 1 and warned[0].severity == "warning" and "adjustment: regression" in warned[0].hint


def test_periods_in_time_order_with_the_rows_of_each_arm():
    """CONSORT 14 in the annex: the periods observed, before and after the programme; numbers in number order (9
    before 10), words in the description's order."""
    from helpers.analyses.impact import periods
    from helpers.annex.studies import periods_sentence

    data = pd.DataFrame({"y": [1.0, 2, 3, 4, 5, 6], "g": ["T", "C", "T", "C", "T", "T"],
                         "t": [10, 10, 9, 9, 11, 11]})
    study = make_study(data, title="s", design="did", outcomes=["y"], treatment={"column": "g", "treated": "T"},
                       period={"column": "t", "post": 11})
    got = periods(study)
    assert got["period"].tolist() == ["9", "10", "11"] and got["post"].tolist() == [False, False, True]
    assert got["n_treated"].tolist() == [1, 1, 2] and got["n_comparison"].tolist() == [1, 1, 0]
    assert periods_sentence(got, "fr") == "Périodes observées : 9, 10 avant le programme ; 11 après."
    words = data.assign(t=["endline", "endline", "baseline", "baseline", "midline", "midline"])
    study = make_study(words, title="s", design="did", outcomes=["y"], treatment={"column": "g", "treated": "T"},
                       period={"column": "t", "post": "endline", "order": ["baseline", "midline", "endline"]})
    assert periods(study)["period"].tolist() == ["baseline", "midline", "endline"]
    two = make_study(data, title="s", design="two_group", outcomes=["y"], treatment={"column": "g", "treated": "T"})
    assert periods(two).empty and periods_sentence(periods(two), "en") == ""


def test_rounds_written_as_words_are_placed_in_time():
    """Rounds « endline, baseline, midline » or « T2, T0, T1 » (as a file lists them) had no time order: no
    pre-trend check, a unit's baseline taken in file order, and a round after the post one counted « before »."""
    from types import SimpleNamespace

    from helpers.analyses.impact import period_order

    spec = SimpleNamespace(period=SimpleNamespace(order=None))
    assert period_order(spec, pd.Series(["endline", "baseline", "midline"])) == ["baseline", "midline", "endline"]
    assert period_order(spec, pd.Series(["T2", "T0", "T1"])) == ["T0", "T1", "T2"]
    assert period_order(spec, pd.Series(["Après", "avant"])) == ["avant", "Après"]
    assert period_order(spec, pd.Series(["nord", "sud"])) is None


def _study_in_eur(tmp_path, csv: str, labels: str, reported: str):
    """The mini project in EUR with a study whose earnings are in MAD and whose employment is 0/1, and the
    report's figures, all written as files (French Excel's ';')."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.set_param("currency", "EUR")
    m.write("impact/survey", csv)
    m.write("impact/survey.yaml", "title: Suivi\ndesign: two_group\noutcomes: [revenu, emploi]\n"
                                  "treatment: {column: arm, treated: T}\ncovariates: [age]\n" + labels)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n" + reported)
    data = m.load()
    return data, annex_figures(data, load_annex_params("mini", "maroc", m.params_dir))


def test_an_effect_has_its_outcomes_unit_and_a_figure_in_another_unit_is_not_compared(tmp_path):
    """A study in a project in EUR whose earnings are labelled « Revenu mensuel (MAD) » (effect +120, comparison mean
    1 130) and whose employment is 0/1 (effect 0.5): figures.csv wrote every effect, mean and MDE without a unit, and
    the report's « +120 EUR », « +120 points » beside the effect in MAD, « 0,5 EUR » beside the 0/1 outcome's and
    « 1 130 EUR » beside the comparison mean in MAD were each « Conforme ». Now the unit is the outcome's (MAD;
    share for a 0/1 outcome) and those figures are not computable, saying why (in French in the annex);
    « +120 MAD » and « +50 points » (27 points of a 0/1 outcome) still match."""
    from helpers.annex.context import published_check

    data, figures = _study_in_eur(
        tmp_path, "id;arm;revenu;emploi;age\n1;T;1200;1;30\n2;T;1300;1;25\n3;C;1100;0;40\n4;C;1160;1;35\n",
        "labels:\n  revenu: {fr: Revenu mensuel (MAD), en: Monthly earnings (MAD)}\n",
        "F1;impact_effect;survey:revenu;+120 EUR;Effet sur le revenu;Maroc\n"
        "F2;impact_effect;survey:revenu;+120 MAD;Effet sur le revenu;Maroc\n"
        "F3;impact_effect;survey:emploi;+50 points;Effet sur l'emploi;Maroc\n"
        "F4;impact_effect;survey:revenu;+120 points;Effet sur le revenu;Maroc\n"
        "F5;impact_effect;survey:emploi;0,5 EUR;Effet sur l'emploi;Maroc\n"
        "F6;impact_control_mean;survey:revenu;1 130 EUR;Revenu moyen, comparaison;Maroc\n")
    units = figures.set_index(["metric", "key"])["unit"]
    for metric, key in (("impact_effect", "survey:revenu"), ("impact_naive_effect", "survey:revenu"),
                        ("impact_control_mean", "survey:revenu"), ("impact_mde", "survey:revenu:naive")):
        assert units[(metric, key)] == "MAD"
    for metric, key in (("impact_effect", "survey:emploi"), ("impact_mde", "survey:emploi:naive")):
        assert units[(metric, key)] == "share"
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "match", "F3": "match",
                                           "F4": "not_computable", "F5": "not_computable", "F6": "not_computable"}
    assert "printed in EUR, the outcome is in MAD" in checked.loc["F1", "note"]
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"].startswith("publié en EUR, la variable de résultat est en MAD")
    assert shown["F4"].startswith("publié en pourcentage ou en points, alors que la variable de résultat est un "
                                  "montant en MAD")
    assert shown["F5"].startswith("publié en EUR, alors que la variable de résultat est une part")


def test_a_currency_column_gives_the_outcomes_unit_and_the_annex_names_it(tmp_path):
    """Earnings whose rows say MAD in a `devise` column, the outcome named « revenu »: the unit is MAD in
    figures.csv and beside the outcome's name in the annex (« revenu (MAD) »), where it showed « revenu » and a
    report's « +120 € » was « Conforme »; a 0/1 outcome's name has no currency."""
    from helpers.annex.studies import outcome_name

    data, figures = _study_in_eur(
        tmp_path, "id;arm;revenu;emploi;age;devise\n1;T;1200;1;30;MAD\n2;T;1300;1;25;MAD\n3;C;1100;0;40;MAD\n"
                  "4;C;1160;1;35;MAD\n", "", "F1;impact_effect;survey:revenu;+120 €;Effet;Maroc\n")
    units = figures.set_index(["metric", "key"])["unit"]
    assert units[("impact_effect", "survey:revenu")] == "MAD"
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked.loc["F1", "status"] == "not_computable"
    study = data.studies["survey"]
    assert outcome_name(study, "revenu", "fr") == "revenu (MAD)"
    assert outcome_name(study, "emploi", "fr") == "emploi"


def test_a_figure_in_another_currency_beside_an_outcome_that_names_none_is_not_compared(tmp_path):
    """Earnings that name no currency (« revenu », no label) in a project in EUR: a report's « +120 USD » was
    « Conforme » with the effect 120; now not computable, saying to name the outcome's currency; « +120 € » and
    « +120 » are compared (the project's currency, as the tables' amounts)."""
    data, figures = _study_in_eur(
        tmp_path, "id;arm;revenu;emploi;age\n1;T;1200;1;30\n2;T;1300;1;25\n3;C;1100;0;40\n4;C;1160;1;35\n", "",
        "F1;impact_effect;survey:revenu;+120 USD;Effet;Maroc\nF2;impact_effect;survey:revenu;+120 €;Effet;Maroc\n"
        "F3;impact_effect;survey:revenu;+120;Effet;Maroc\n")
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "match", "F3": "match"}
    assert "the outcome names no currency and the project's is EUR" in checked.loc["F1", "note"]


def test_a_currency_column_gives_its_currency_to_amounts_only_not_to_a_score_or_a_number_of_days(tmp_path):
    """Rows saying MAD in `devise`, with earnings, a 1-5 score and days worked: the earnings are in MAD, the score
    and the days have no currency (a score's effect was « +1 MAD », a report's « +1 point » not computable)."""
    from fixtures.mini_project import Mini
    from helpers.analyses.impact import outcome_unit

    m = Mini.copy_to(tmp_path)
    m.set_param("currency", "EUR")
    m.write("impact/survey", "id;arm;revenu;satisfaction;jours_travailles;age;devise\n1;T;1200;4;20;30;MAD\n"
                             "2;T;1300;5;22;25;MAD\n3;C;1100;3;15;40;MAD\n4;C;1160;2;18;35;MAD\n")
    m.write("impact/survey.yaml", "title: Suivi\ndesign: two_group\noutcomes: [revenu, satisfaction, jours_travailles]\n"
                                  "treatment: {column: arm, treated: T}\ncovariates: [age]\n"
                                  "labels: {satisfaction: {fr: Score de satisfaction (1 à 5)}}\n")
    study = m.load().studies["survey"]
    assert [outcome_unit(study, o) for o in ("revenu", "satisfaction", "jours_travailles")] == ["MAD", "", ""]


# --- does the effect differ between subgroups? (the test of interaction) -------------------------------------------


def _heterogeneous(n=300, seed=7) -> pd.DataFrame:
    """Three values of sexe (x rare), the effect 150 for f and 50 for the others; age moves the outcome."""
    rng = np.random.default_rng(seed)
    t = rng.integers(0, 2, n)
    sexe = rng.choice(["f", "m", "x"], n, p=[0.45, 0.45, 0.1])
    age = rng.integers(20, 50, n)
    y = 1000 + np.where(sexe == "f", 150, 50) * t + 3 * age + rng.normal(0, 200, n)
    return pd.DataFrame({"group": np.where(t == 1, "t", "c"), "sexe": sexe, "age": age, "y": y, "t": t})


@pytest.mark.parametrize("adjustment,formula", [("none", "y ~ t * C(sexe)"), ("regression", "y ~ t * C(sexe) + age")])
def test_the_subgroup_difference_is_statsmodels_interaction_f_test(adjustment, formula):
    """The annex gave each subgroup's effect and raw p, and no test that they differ (CONSORT 18): the F-test of
    treated x subgroup is statsmodels' formula fit's, HC1, every value but the first its own interaction."""
    from helpers.analyses.impact import subgroup_differences

    data = _heterogeneous()
    got = subgroup_differences(make_study(data, subgroups=["sexe"], covariates=["age"], adjustment=adjustment))
    ref = smf.ols(formula, data).fit(cov_type="HC1", use_t=True).f_test(
        "t:C(sexe)[T.m] = 0, t:C(sexe)[T.x] = 0")
    row = got.iloc[0]
    assert (row["values"], row["df_num"], row["df_denom"]) == (3, 2, ref.df_denom)
    assert row["f"] == pytest.approx(float(np.squeeze(ref.fvalue)), rel=1e-9)
    assert row["p_value"] == pytest.approx(float(np.squeeze(ref.pvalue)), rel=1e-9)


def test_the_subgroup_difference_of_a_clustered_did_tests_the_triple_interaction():
    """did, CRV1 on the person: the test of treated x post x subgroup, F on G - 1 df, statsmodels' formula fit's (R's
    lm + sandwich::vcovCL, type HC1, t on G - 1 df, agreed to 6 digits on such a panel: F 20.36012, p 1.09601e-05)."""
    from helpers.analyses.impact import subgroup_differences

    rng = np.random.default_rng(7)
    rows = []
    for i in range(200):
        treated, sexe, base = i < 100, "f" if i % 2 else "m", 1000 + rng.normal(0, 100)
        for year in (2019, 2021):
            gain = (year == 2021) * (30 + treated * (150 if sexe == "f" else 60))
            rows.append({"pid": i, "group": "t" if treated else "c", "year": year, "sexe": sexe,
                         "y": round(base + gain + rng.normal(0, 40), 2)})
    data = pd.DataFrame(rows)
    study = make_study(data, design="did", period={"column": "year", "post": 2021}, unit="pid", cluster="pid",
                       se="cluster", subgroups=["sexe"])
    row = subgroup_differences(study).iloc[0]
    data["t"], data["post"] = (data["group"] == "t").astype(int), (data["year"] == 2021).astype(int)
    ref = smf.ols("y ~ t * post * C(sexe)", data).fit(cov_type="cluster", cov_kwds={"groups": data["pid"]},
                                                       use_t=True).f_test("t:post:C(sexe)[T.m] = 0")
    assert (row["df_num"], row["df_denom"]) == (1, 199)
    assert row["p_value"] == pytest.approx(float(np.squeeze(ref.pvalue)), rel=1e-9)
    assert row["f"] == pytest.approx(float(np.squeeze(ref.fvalue)), rel=1e-9) and row["p_value"] < 0.001


def test_a_subgroup_with_one_group_only_is_left_out_of_the_difference():
    """A value holding treated rows only has no effect of its own: it is left out, and with one value left there
    is nothing to compare (p NaN, the note says why)."""
    from helpers.analyses.impact import subgroup_differences

    data = _heterogeneous()
    data.loc[(data["sexe"] == "x"), "group"] = "t"
    row = subgroup_differences(make_study(data, subgroups=["sexe"])).iloc[0]
    ref = smf.ols("y ~ t * C(sexe)", data[data["sexe"] != "x"]).fit(cov_type="HC1", use_t=True)
    assert row["values"] == 2
    assert row["p_value"] == pytest.approx(float(np.squeeze(ref.f_test("t:C(sexe)[T.m] = 0").pvalue)), rel=1e-9)
    data.loc[(data["sexe"] == "m"), "group"] = "c"
    row = subgroup_differences(make_study(data, subgroups=["sexe"])).iloc[0]
    assert row["values"] == 1 and math.isnan(row["p_value"]) and "no test of difference" in row["note"]


def _french_panel(tmp_path, subgroups="", se="robust"):
    """A study as a study team sends it: one row per person per round, French headers, `;` and the decimal comma."""
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    rng = np.random.default_rng(11)
    rows = []
    for i in range(160):
        arm, sexe = ("T" if i < 80 else "C"), ("f" if i % 2 else "m")
        level = rng.normal(300, 60)
        for annee in (2019, 2021):
            gain = (40 + 60 * (sexe == "f")) * (arm == "T") * (annee == 2021)
            revenu = level + 20 * (annee == 2021) + gain + rng.normal(0, 40)
            rows.append(f"P{i:03d};{arm};{sexe};V{i % 16};{annee};{revenu:.2f}".replace(".", ","))
    (tmp_path / "s.csv").write_text("personne;groupe;sexe;village;annee;revenu\n" + "\n".join(rows) + "\n",
                                    encoding="utf-8")
    (tmp_path / "s.yaml").write_text(
        "title: t\ndesign: did\noutcomes: [revenu]\ntreatment: {column: groupe, treated: T}\n"
        f"period: {{column: annee, post: 2021}}\nunit: personne\nse: {se}\ncluster: village\n{subgroups}",
        encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31", decimal_mark=",", language="fr")
    study, problems = load_study(tmp_path / "s.yaml", params)
    assert not [p for p in problems if p.severity == "error"], problems
    return study


def test_the_effect_in_standard_deviations_is_a_figure(tmp_path):
    """The annex gives each headline effect in SDs of the comparison group's outcome (« soit 0,62 fois l'écart
    type »); figures.csv had no row for it, so a report's « 0,6 écart type » could not be checked. impact_effect_sd:
    the DiD (statsmodels' formula interface) over the SD (ddof 1) of the comparison rows after the programme."""
    from helpers.analyses.figures import impact_figures

    study = _french_panel(tmp_path, se="cluster")
    data = study.data.assign(t=lambda d: (d["groupe"] == "T").astype(float),
                             post=lambda d: (d["annee"].astype(int) == 2021).astype(float),
                             y=lambda d: d["revenu"].astype(str).str.replace(",", ".").astype(float))
    did = smf.ols("y ~ t * post", data).fit().params["t:post"]
    sd = data.loc[(data.t == 0) & (data.post == 1), "y"].std(ddof=1)
    figures = impact_figures({"s": study}).set_index(["metric", "key"])
    row = figures.loc[("impact_effect_sd", "s:revenu")]
    assert row["value"] == pytest.approx(did / sd, rel=1e-9) and row["unit"] == "ratio" and row["n"] == 80


def test_the_percent_change_of_a_log_outcome_is_a_figure():
    """The annex gives a log outcome's effect as the % change it stands for (« +9,6 % »), and figures.csv had the
    difference of logs only: a report's « +9,6 % » could not be checked. impact_log_change: 100 (exp(b) - 1) of the
    OLS coefficient and of its interval's ends (statsmodels' formula interface, HC1, t), in %; none for a plain
    outcome."""
    from helpers.analyses.figures import impact_figures

    data = two_group_data().assign(log_revenu=lambda d: np.log(100 * d["y"]))
    study = make_study(data, outcomes=["log_revenu", "y"])
    fit = smf.ols("log_revenu ~ t", data.assign(t=(data["group"] == "t").astype(float))).fit(cov_type="HC1",
                                                                                            use_t=True)
    low, high = fit.conf_int().loc["t"]
    figures = impact_figures({"s": study}).set_index(["metric", "key"])
    row = figures.loc[("impact_log_change", "s:log_revenu")]
    assert row["value"] == pytest.approx(100 * math.expm1(fit.params["t"]), rel=1e-9) and row["unit"] == "%"
    assert row["ci_low"] == pytest.approx(100 * math.expm1(low), rel=1e-9)
    assert row["ci_high"] == pytest.approx(100 * math.expm1(high), rel=1e-9)
    assert row["n"] == len(data) and ("impact_log_change", "s:y") not in figures.index


def test_the_effects_by_subgroup_and_their_difference_are_figures(tmp_path):
    """The annex's table of effects by subgroup and its test that the effect differs between the women and the men
    (« Revenu selon Sexe : p = 0,003 ») had no row in figures.csv (the overall effects only): a report's
    « +100 pour les femmes » could not be checked. Both now, as the annex computes them: the panel taken row by
    row with robust SEs is clustered on the person (statsmodels' formula interface, CRV1, t with G - 1 df)."""
    from helpers.analyses.figures import impact_figures

    study = _french_panel(tmp_path, subgroups="subgroups: [sexe]\n")
    data = study.data.assign(t=lambda d: (d["groupe"] == "T").astype(float),
                             post=lambda d: (d["annee"].astype(int) == 2021).astype(float),
                             y=lambda d: d["revenu"].astype(float))
    figures = impact_figures({"s": study}).set_index(["metric", "key"])
    for sexe in ("f", "m"):
        part = data[data["sexe"] == sexe]
        fit = smf.ols("y ~ t * post", part).fit(cov_type="cluster", use_t=True,
                                                 cov_kwds={"groups": pd.factorize(part["personne"])[0]})
        row = figures.loc[("impact_subgroup_effect", f"s:revenu:sexe={sexe}")]
        assert row["value"] == pytest.approx(fit.params["t:post"], rel=1e-9)
        assert row["se"] == pytest.approx(fit.bse["t:post"], rel=1e-9)
        assert row["p_value"] == pytest.approx(fit.pvalues["t:post"], rel=1e-6) and row["n"] == len(part)
    both = smf.ols("y ~ t * post * C(sexe)", data).fit(cov_type="cluster", use_t=True,
                                                       cov_kwds={"groups": pd.factorize(data["personne"])[0]})
    p = both.pvalues["t:post:C(sexe)[T.m]"]
    row = figures.loc[("impact_subgroup_difference_p", "s:revenu:sexe")]
    assert row["value"] == pytest.approx(p, rel=1e-6) and row["value"] < 0.05   # (effects 100 and 40)


def test_lee_bounds_are_figures(tmp_path):
    """Treated low earners not found at follow-up (those under 1 000) beside a comparison group found nearly
    whole: the annex gives Lee's bounds beside the inflated effect (« bornes de Lee : ... »), figures.csv had no row
    for them. impact_lee_bound: the treated, who kept more rows, trimmed of their excess share (Lee 2009: p = (q_t -
    q_c) / q_t of their values), from the top for the lower bound and the bottom for the upper."""
    from helpers.analyses.figures import impact_figures
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    rng = np.random.default_rng(8)
    rows = []
    for i in range(300):
        arm = "traitement" if i < 150 else "témoin"
        revenu = rng.normal(1100 + 100 * (arm == "traitement"), 250)
        lost = (arm == "traitement" and revenu < 1000) or (arm == "témoin" and i % 25 == 0)
        rows.append(f"{i};{arm};{'' if lost else f'{revenu:.1f}'.replace('.', ',')}")
    (tmp_path / "s.csv").write_text("id;bras;revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\n"
                                     "treatment: {column: bras, treated: traitement}\n", encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31", decimal_mark=",", language="fr")
    study = load_study(tmp_path / "s.yaml", params)[0]
    y = {arm: study.data.loc[study.data["bras"] == arm, "revenu"] for arm in ("traitement", "témoin")}
    q = {arm: y[arm].notna().mean() for arm in y}
    assert q["traitement"] < q["témoin"] - 0.05   # (the comparison kept more: it is the one trimmed)
    kept = np.sort(y["témoin"].dropna().to_numpy())
    cut = round((q["témoin"] - q["traitement"]) / q["témoin"] * len(kept))
    treated = y["traitement"].mean()
    figures = impact_figures({"s": study}).set_index(["metric", "key"])
    assert figures.loc[("impact_lee_bound", "s:revenu:lower"), "value"] == \
        pytest.approx(treated - kept[cut:].mean(), rel=1e-12)
    assert figures.loc[("impact_lee_bound", "s:revenu:upper"), "value"] == \
        pytest.approx(treated - kept[:len(kept) - cut].mean(), rel=1e-12)
    assert figures.loc[("impact_lee_bound", "s:revenu:lower"), "n"] == len(y["traitement"].dropna()) + len(kept)


def test_the_other_standard_errors_the_annex_gives_are_figures(tmp_path):
    """The annex's cautions give each effect with another SE beside the study's (a panel taken row by row: clustered
    on the person; the treatment given by village: clustered on the village; classical SEs where the groups'
    variances differ: HC1), and figures.csv had none of them: a report quoting « erreur type 6,1 » or the clustered
    interval could not be checked. impact_effect_other_se, keyed by the method and the other SE, checked against
    statsmodels' formula interface (CRV1 with t on G - 1 df; HC1 with t on n - k)."""
    from helpers.analyses.figures import impact_figures

    (tmp_path / "panel").mkdir()
    panel = _french_panel(tmp_path / "panel")
    data = panel.data.assign(t=lambda d: (d["groupe"] == "T").astype(float),
                             post=lambda d: (d["annee"].astype(int) == 2021).astype(float),
                             y=lambda d: d["revenu"].astype(float))
    fit = smf.ols("y ~ t * post", data).fit(cov_type="cluster", use_t=True,
                                            cov_kwds={"groups": pd.factorize(data["personne"])[0]})
    rng = np.random.default_rng(5)
    villages = pd.DataFrame({"village": np.repeat([f"V{k}" for k in range(12)], 10)}).assign(
        group=lambda d: np.where(d["village"].str[1:].astype(int) < 6, "t", "c"))
    villages["y"] = 10 + 2 * (villages["group"] == "t") + np.repeat(rng.normal(0, 3, 12), 10) + rng.normal(0, 1, 120)
    by_village = make_study(villages)
    village_fit = smf.ols("y ~ t", villages.assign(t=(villages["group"] == "t").astype(float))).fit(
        cov_type="cluster", use_t=True, cov_kwds={"groups": pd.factorize(villages["village"])[0]})
    spread = pd.DataFrame({"group": ["t"] * 20 + ["c"] * 150,   # the few treated spread wider: classical SE too small
                           "y": np.concatenate([rng.normal(12, 4, 20), rng.normal(10, 1, 150)])})
    classical = make_study(spread, se="classical")
    hc1 = smf.ols("y ~ t", spread.assign(t=(spread["group"] == "t").astype(float))).fit(cov_type="HC1", use_t=True)
    figures = impact_figures({"panel": panel, "villages": by_village, "spread": classical}).set_index(["metric",
                                                                                                       "key"])
    for key, found, term in (("panel:revenu:naive:cluster=personne", fit, "t:post"),
                             ("villages:y:naive:cluster=village", village_fit, "t"),
                             ("spread:y:naive:HC1", hc1, "t")):
        row = figures.loc[("impact_effect_other_se", key)]
        assert row["value"] == pytest.approx(found.params[term], rel=1e-9), key
        assert row["se"] == pytest.approx(found.bse[term], rel=1e-9), key
        low, high = found.conf_int().loc[term]
        assert (row["ci_low"], row["ci_high"]) == (pytest.approx(low, rel=1e-9), pytest.approx(high, rel=1e-9)), key
        assert row["p_value"] == pytest.approx(found.pvalues[term], rel=1e-6), key
    # the study's own SE stays impact_effect's; a study clustered as it should be has no other SE
    assert figures.loc[("impact_effect", "villages:y"), "se"] != figures.loc[
        ("impact_effect_other_se", "villages:y:naive:cluster=village"), "se"]
    clustered = make_study(villages, se="cluster", cluster="village")
    assert "impact_effect_other_se" not in set(impact_figures({"c": clustered})["metric"])


# --- staggered adoption: each cohort's own DiD ---------------------------------------------------------------------


def staggered_panel(seed=5) -> pd.DataFrame:
    """Persons over the rounds 2018-2021 (a French study's « Année de début »): 10 start in 2020, 20 in 2021, 15
    never, one is treated from 2018 (no round before: left out); the effect 100 in the first round treated, 200 in the
    next; a common trend of 30 a round."""
    rng = np.random.default_rng(seed)
    starts = [2020] * 10 + [2021] * 20 + [None] * 15 + [2018]
    rows = []
    for pid, start in enumerate(starts, 1):
        level = rng.normal(500, 60)
        for year in (2018, 2019, 2020, 2021):
            effect = 100 * (year - start + 1) if start and year >= start else 0
            rows.append({"pid": pid, "groupe": "T" if start else "C", "année_de_début": start or "",
                         "annee": year, "revenu": level + 30 * (year - 2018) + effect + rng.normal(0, 40)})
    return pd.DataFrame(rows)


def test_staggered_cohorts_are_each_a_2x2_did_against_the_never_treated_and_their_mean_is_weighted_by_size():
    """The pooled DiD (post: 2021) counts the 2020 starters' treated round 2020 as « before »: it was the only figure.
    Each cohort's DiD is the change of its treated from the round before their start to their first round treated
    less that of the never treated (by hand from the four means; SE clustered on the person as statsmodels' formula
    OLS gives it, R's lm + sandwich::vcovCL gave the same on the session's study); the mean weighs the cohorts by
    their treated persons (10 and 20), its SE from the two regressions stacked with the persons as clusters."""
    from helpers.analyses.impact import AVERAGE, cohort_effects

    data = staggered_panel()
    study = make_study(data, design="did", outcomes=["revenu"], treatment={"column": "groupe", "treated": "T"},
                       period={"column": "annee", "post": 2021}, unit="pid")
    out = cohort_effects(study).set_index("cohort")
    assert list(out.index) == ["2020", "2021", AVERAGE]
    assert (out["n_first_round"] == 1).all() and (out["n_unplaced"] == 0).all()
    start = pd.to_numeric(data["année_de_début"], errors="coerce")
    stacked = []
    for g, size in ((2020, 10), (2021, 20)):
        rows = data[((start == g) | (data["groupe"] == "C")) & data["annee"].isin([g - 1, g])].assign(
            t=lambda f: (f["groupe"] == "T").astype(float), p=lambda f: (f["annee"] == g).astype(float), stack=g)
        means = rows.groupby(["t", "p"])["revenu"].mean()
        by_hand = (means[1, 1] - means[1, 0]) - (means[0, 1] - means[0, 0])
        fit = smf.ols("revenu ~ t * p", rows).fit(cov_type="cluster", cov_kwds={"groups": rows["pid"]}, use_t=True)
        row = out.loc[str(g)]
        assert row["estimate"] == pytest.approx(by_hand, rel=1e-10)
        assert row["se"] == pytest.approx(fit.bse["t:p"], rel=1e-8)
        assert row["p_value"] == pytest.approx(fit.pvalues["t:p"], rel=1e-6)
        assert row["n_units_treated"] == size and row["n_units_comparison"] == 15 and row["round_before"] == str(g - 1)
        assert 40 < row["estimate"] < 160   # the effect of the first round treated, 100
        stacked.append(rows)
    stack = pd.concat(stacked, ignore_index=True)
    fit = smf.ols("revenu ~ 0 + C(stack) + C(stack):t + C(stack):p + C(stack):t:p", stack).fit(
        cov_type="cluster", cov_kwds={"groups": stack["pid"]}, use_t=True)
    terms = [f"C(stack)[{g}]:t:p" for g in (2020, 2021)]
    w = np.array([10, 20]) / 30
    mean = out.loc[AVERAGE]
    assert out.loc[["2020", "2021"], "weight"].to_numpy() == pytest.approx(w)
    assert mean["estimate"] == pytest.approx(w @ out.loc[["2020", "2021"], "estimate"].to_numpy(), rel=1e-10)
    assert mean["se"] == pytest.approx(math.sqrt(w @ fit.cov_params().loc[terms, terms].to_numpy() @ w), rel=1e-8)
    assert mean["df"] == stack["pid"].nunique() - 1 == 44
    q = stats.t.ppf(0.975, 44)
    assert mean["ci_low"] == pytest.approx(mean["estimate"] - q * mean["se"], rel=1e-10)


def test_a_did_whose_treated_start_together_has_no_cohort_table():
    from helpers.analyses.impact import cohort_effects

    data = staggered_panel().assign(année_de_début=lambda f: np.where(f["groupe"] == "T", "2021", ""))
    study = make_study(data, design="did", outcomes=["revenu"], treatment={"column": "groupe", "treated": "T"},
                       period={"column": "annee", "post": 2021}, unit="pid")
    assert cohort_effects(study).empty


def test_figures_csv_gives_each_cohort_and_their_mean_for_a_report_to_be_checked_against():
    from helpers.analyses.figures import impact_figures
    from helpers.analyses.impact import cohort_effects

    study = make_study(staggered_panel(), design="did", outcomes=["revenu"],
                       treatment={"column": "groupe", "treated": "T"}, period={"column": "annee", "post": 2021},
                       unit="pid")
    rows = impact_figures({"s": study})
    rows = rows[rows["metric"] == "impact_cohort_effect"].set_index("key")
    cohorts = cohort_effects(study).set_index("cohort")
    assert list(rows.index) == ["s:revenu:2020", "s:revenu:2021", "s:revenu:average"]
    for cohort in ("2020", "2021", "average"):
        assert rows.loc[f"s:revenu:{cohort}", "value"] == cohorts.loc[cohort, "estimate"]
        assert rows.loc[f"s:revenu:{cohort}", "se"] == cohorts.loc[cohort, "se"]
    assert "against its round 2019" in rows.loc["s:revenu:2020", "note"]
    assert "weighted by their treated units" in rows.loc["s:revenu:average", "note"]
