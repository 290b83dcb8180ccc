"""helpers.annex.studies and the impact plots: what a reader sees of a study, in the annex language."""

from __future__ import annotations

import io
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from helpers.analyses import propensity
from helpers.annex import fmt, plots, studies
from helpers.data.loader import Study
from helpers.data.schemas import StudySpec

SPEC = StudySpec(title="t", design="two_group", outcomes=["re78"], treatment={"column": "train", "treated": 1},
                 covariates=["age"], adjustment="ipw",
                 propensity=["age", {"column": "age", "power": 2}, {"column": "re74", "is_zero": True},
                             {"column": "sex", "categories": True}, {"interaction": ["age", "re74"]}],
                 labels={"re78": {"fr": "Revenu 1978", "en": "Earnings 1978"}, "age": {"fr": "Âge", "en": "Age"},
                         "re74": {"fr": "Revenu 1974", "en": "Earnings 1974"},
                         "sex": {"fr": "Sexe", "en": "Sex", "values": {"m": {"fr": "Hommes", "en": "Men"}}}})


@pytest.mark.parametrize("code,fr,en", [("age", "Âge", "Age"), ("age^2", "Âge²", "Age²"),
                                        ("re74=0", "Revenu 1974 = 0", "Earnings 1974 = 0"),
                                        ("sex=m", "Sexe : Hommes", "Sex: Men"),
                                        ("age*re74", "Âge × Revenu 1974", "Age × Earnings 1974")])
def test_score_terms_are_named_from_the_labels(code, fr, en):
    assert studies.term_name(SPEC, code, "fr") == fr and studies.term_name(SPEC, code, "en") == en


def test_effects_table_names_methods_and_spells_the_abbreviations_out():
    frame = pd.DataFrame({"outcome": ["re78", "re78"], "method": ["naive", "ipw"], "estimand": ["", "att"],
                          "se_type": ["HC1", "gmm"]})
    shown = studies.effects_table(frame, SPEC, "fr")
    assert list(shown["outcome"]) == ["Revenu 1978"] * 2 and list(shown["method"]) == ["naïve", "IPW, ATT"]
    assert list(shown["se_type"]) == ["HC1", "GMM"]
    note = studies.methods_note(frame, "en")
    assert "IPW, ATT = Propensity-score weighting (IPW), effect on the treated (ATT)" in note
    assert "GMM = robust (GMM, estimated score included)" in note


def test_the_caveat_names_the_design_assumption():
    assert "confusion non observé" in studies.caveat(SPEC, "fr")
    assert "parallel trends" in studies.caveat(SPEC.model_copy(update={"design": "did"}), "en")


def test_plots_take_the_annex_number_format_and_show_dollars_as_text():
    rng = np.random.default_rng(0)
    scores = pd.DataFrame({"treated": rng.integers(0, 2, 200), "score": rng.random(200)})
    fig = plots.overlap(scores, groups={1: "Traités", 0: "Comparaison $"}, title="Revenu ($)", xlabel="score",
                        ylabel="part", fmt_value=lambda v: f"{v:.1f}".replace(".", ","),
                        fmt_share=lambda v: f"{100 * v:.0f} %", bounds=[0.1, 0.9], bounds_label="bornes")
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert "0,2" in ticks and "0.2" not in ticks
    fig.savefig(io.BytesIO(), format="png")
    leads = pd.DataFrame({"period": ["2017", "2019", "2021"] * 2, "relative": [-1, 0, 1] * 2,
                          "weighted": [False] * 3 + [True] * 3, "estimate": [0.1, 0, 0.5, 0.0, 0, 0.4],
                          "ci_low": [0.0, np.nan, 0.3, -0.1, np.nan, 0.2], "ci_high": [0.2, np.nan, 0.7, 0.1, np.nan, 0.6]})
    fig = plots.event_study(leads, series={False: "sans", True: "pondéré"}, title="$ revenu", xlabel="p", ylabel="e",
                            programme_label="programme", lang="fr")
    fig.savefig(io.BytesIO(), format="png")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2017", "2019", "2021"]


def test_balanced_count_uses_the_rule():
    rng = np.random.default_rng(2)
    x = rng.normal(0, 1, 600)
    t = rng.random(600) < 1 / (1 + np.exp(-x))
    data = pd.DataFrame({"train": t.astype(int), "re78": x + t, "age": x, "re74": np.where(x > 0, x, 0),
                         "sex": np.where(rng.random(600) < 0.5, "f", "m")})
    balance = propensity.weighted_balance(Study("s", SPEC, data, []))
    good, known = studies.balanced_count(balance)
    assert known == len(balance) and good == int((balance["smd_after"].abs() < 0.1).sum())
    shown = studies.balance_table(balance, SPEC, "fr")
    assert set(shown["balanced"]) <= {"oui", "non"} and "Âge²" in set(shown["term"])


# ------------------------------------------------------------------------------------------------ the standards
def _loaded(folder):
    """The study s.yaml (over s.csv) a test wrote in ``folder``, loaded as the annex loads it, without an error."""
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31")
    study, problems = load_study(folder / "s.yaml", params)
    assert study is not None and not [p for p in problems if p.severity == "error"], problems
    return study


def _spec(**kw):
    base = dict(title="t", design="two_group", outcomes=["y", "z"], treatment={"column": "g", "treated": 1},
                covariates=["age", "sex"], labels={"age": {"fr": "Âge", "en": "Age"}, "pid": {"fr": "personne"}})
    return StudySpec(**{**base, **kw})


def test_the_covariates_role_is_said_in_words_for_each_adjustment():
    assert "servent seulement à décrire l'équilibre" in studies.covariates_role(_spec(), "fr")
    assert "(Âge, sex)" in studies.covariates_role(_spec(), "fr")
    assert "entrent dans le modèle" in studies.covariates_role(_spec(adjustment="regression"), "fr")
    ipw = studies.covariates_role(_spec(adjustment="ipw", propensity=["age", {"column": "age", "power": 2}]), "fr")
    assert "pondérer" in ipw and "(Âge, Âge²)" in ipw
    assert "only describe the balance" in studies.covariates_role(_spec(), "en")


def test_the_design_sentence_names_intention_to_treat_and_the_registry():
    text = studies.design_sentence(_spec(randomised=True, registry="AEARCTR-0001234"), "fr")
    assert "intention de traiter" in text and "AEARCTR-0001234" in text
    assert "intention" not in studies.design_sentence(_spec(), "fr")
    assert "intention-to-treat" in studies.design_sentence(_spec(randomised=True), "en")


def test_the_balance_sample_and_the_headline_are_named_in_the_annex_language():
    spec = _spec(design="did", period={"column": "r", "post": 2}, unit="pid", randomised=True, exploratory=["z"],
                 registry="R")
    baseline = studies.sample_name(spec, "baseline", "fr")
    assert baseline == "la dernière ligne de chaque unité (personne) avant le programme"
    assert studies.sample_name(spec, "pre", "en") == "the rows before the programme"
    head = pd.DataFrame({"outcome": ["y", "z"], "method": ["ols", "ipw"], "estimand": ["", "att"],
                         "se_type": ["nonrobust", "cluster"], "registration": ["prespecified", "exploratory"]})
    out = studies.headline_table(head, spec, "fr")
    assert out["method"].tolist() == ["MCO (ITT)", "IPW, ATT (ITT)"]
    assert out["registration"].tolist() == ["pré-spécifié", "exploratoire"]
    assert out["se_type"].tolist() == ["class.", "CRV1"]
    assert studies.term_name(_spec(), "sex=m", "fr") == "sex : m"


@pytest.mark.parametrize("sites,said", [(12, True), (18, True), (20, False)])
def test_a_study_clustered_on_few_clusters_is_said_so_in_the_annex(tmp_path, sites, said):
    """A did study written as a CSV, clustered on 12 sites: CRV1 standard errors are too small below 20 clusters.
    The analysis noted it in English, the annex printed p < 0,001 without a word; it now says so in both languages.
    18 sites are 9 treated ones, fewer than 10 in a group: said too; 20 sites, 10 in each group: nothing."""
    rng = np.random.default_rng(5)
    rows = [f"P{i},S{i % sites},{'T' if i % 2 else 'C'},{year},{200 + 30 * (year == 2021) + rng.normal(0, 20):.1f}"
            for i in range(120) for year in (2019, 2021)]
    (tmp_path / "s.csv").write_text("pid,site,groupe,annee,revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: did\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\nperiod: {column: annee, post: 2021}\ncluster: site\nse: cluster\n"
                                     "unit: pid\nlabels: {site: {fr: Site, en: Site}}\n", encoding="utf-8")
    study = _loaded(tmp_path)
    fr, en = studies.few_clusters(study, "fr"), studies.few_clusters(study, "en")
    if not said:
        assert fr == en == ""
        return
    assert fr.startswith(f"Attention : {sites} grappes « Site » ({sites // 2} avec des traités, {sites // 2} avec le "
                         "groupe de comparaison)") and "moins de 20 grappes, ou moins de 10 dans" in fr
    assert "trop étroits" in fr
    assert en.startswith(f"Caution: {sites} clusters 'Site' ({sites // 2} with treated units, {sites // 2} with the "
                         "comparison group)")


@pytest.mark.parametrize("design,treated,said", [("two_group", 3, "3 lignes dans le groupe traité."),
                                                  ("two_group", 20, ""),
                                                  ("did", 5, "5 lignes dans le groupe traité, avant le programme.")])
def test_a_group_of_few_rows_with_robust_errors_is_said_so_in_the_annex(tmp_path, design, treated, said):
    """A study written as a CSV whose treated group has 3 rows beside 197: its HC1 « 95 % » interval covered the true
    effect 77 % of the time (85 % with 5; 3,000 draws), the annex printed it without a word. It now says which group
    is small, in French and English; nothing from 20 rows. A did's smallest cell is named with its period (5
    treated before the programme, 20 after)."""
    rng = np.random.default_rng(2)
    if design == "two_group":
        rows = [f"{i},{'T' if i < treated else 'C'},{100 + rng.normal(0, 10):.1f}" for i in range(200)]
        yaml = ""
    else:
        rows = [f"{i},{'T' if i < 20 else 'C'},{year},{100 + rng.normal(0, 10):.1f}" for i in range(200)
                for year in (2019, 2021) if year == 2021 or i >= 20 - treated]
        yaml = "period: {column: annee, post: 2021}\n"
    header = "id,groupe,revenu" if design == "two_group" else "id,groupe,annee,revenu"
    (tmp_path / "s.csv").write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text(f"title: t\ndesign: {design}\noutcomes: [revenu]\ntreatment: {{column: groupe, "
                                     f"treated: T}}\n{yaml}", encoding="utf-8")
    study = _loaded(tmp_path)
    fr, en = studies.few_rows(study, "fr"), studies.few_rows(study, "en")
    if not said:
        assert fr == en == ""
        return
    assert fr.startswith("Attention : seulement " + said) and "moins de 20 lignes" in fr
    assert en.startswith(f"Caution: only {treated} rows in the treated group") and "(HC1)" in en
    classical = StudySpec(**{**study.spec.model_dump(), "se": "classical"})
    assert studies.few_rows(Study(study.name, classical, study.data, []), "fr") == ""


def test_a_weighted_comparison_group_of_few_effective_units_is_said_so_in_the_annex(tmp_path):
    """A two-group study written as a CSV whose age nearly separates the groups (treated from 40, two exceptions on
    each side), adjustment: ipw. The IPW effect, 22.1 with p = 0,001, rested on 1.9 effective comparison persons of
    103 (Kish: the weights written out with statsmodels' Logit), printed as the study's estimate without a word. The
    annex now gives the effective size and a caution, in French and English; a study whose weights are spread gets
    the size alone."""
    import statsmodels.api as sm

    rng = np.random.default_rng(11)
    age = rng.integers(18, 60, 200)
    treated = age >= 40
    flip = np.r_[np.flatnonzero(age >= 45)[:2], np.flatnonzero(age < 30)[:2]]
    treated[flip] = ~treated[flip]
    y = 100 + 2 * age + 20 * treated + rng.normal(0, 10, 200)
    rows = [f"{i},{'T' if t else 'C'},{a},{v:.1f}" for i, (t, a, v) in enumerate(zip(treated, age, y))]
    (tmp_path / "s.csv").write_text("id,groupe,age,revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\ncovariates: [age]\nadjustment: ipw\nestimand: att\n",
                                     encoding="utf-8")
    study = _loaded(tmp_path)
    t = treated.astype(float)
    score = sm.Logit(t, sm.add_constant(age.astype(float))).fit(disp=0).predict()
    w = (score / (1 - score))[t == 0]
    kish = w.sum() ** 2 / (w ** 2).sum()
    assert kish < 2
    effects = propensity.adjusted_effects(study)
    fr, en = studies.weighted_size(effects, "fr"), studies.weighted_size(effects, "en")
    assert fr.startswith(f"Pondéré, le groupe de comparaison vaut {kish:.1f}".replace(".", ",") + " unités")
    assert "pour ses 103 lignes. Attention : c'est moins de 20" in fr and "se recouvrent mal" in fr
    assert en.startswith(f"Weighted, the comparison group is worth {kish:.1f} units") and "Caution" in en
    spread = study.data.assign(groupe=np.where(rng.random(200) < 0.5, "T", "C"))
    effects = propensity.adjusted_effects(Study(study.name, study.spec, spread, []))
    assert "Attention" not in studies.weighted_size(effects, "fr")
    naive_only = effects[effects["method"] == "naive"]
    assert studies.weighted_size(naive_only, "fr") == ""


def test_a_study_with_few_treated_clusters_among_many_is_said_so(tmp_path):
    """40 sites, only 3 of them treated: with CRV1, a « 95 % » interval covered the effect 82 % of the time (1,500
    draws), however many clusters in all. Said in the annex (fewer than 10 clusters in a group)."""
    rng = np.random.default_rng(8)
    rows = [f"P{i},S{i % 40},{'T' if i % 40 < 3 else 'C'},{y},{200 + 30 * (y == 2021) + rng.normal(0, 20):.1f}"
            for i in range(400) for y in (2019, 2021)]
    (tmp_path / "s.csv").write_text("pid,site,groupe,annee,revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: did\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\nperiod: {column: annee, post: 2021}\ncluster: site\nse: cluster\n"
                                     "unit: pid\n", encoding="utf-8")
    study = _loaded(tmp_path)
    assert studies.few_clusters(study, "fr").startswith("Attention : 40 grappes « site » (3 avec des traités, 37 avec")
    assert "or below 10 in either group" in studies.few_clusters(study, "en")


def test_subgroups_on_few_clusters_are_named_below_the_subgroup_table(tmp_path):
    """A did study on 40 sites, 10 per country, with `subgroups: [country, sex]`: the effect per country rests on 10
    clusters (CRV1 too small), said by the analysis in an English note no annex printed; the sample annex showed
    such rows with p = 0,005. The countries are now named with their clusters, the sexes (40 clusters) are not."""
    from helpers.analyses import impact
    rng = np.random.default_rng(9)
    countries = ["Maroc", "Tunisie", "Libye", "Mauritanie"]
    rows = [f"P{i},{countries[i % 40 // 10]}-S{i % 40},{countries[i % 40 // 10]},{'f' if i % 3 else 'm'},"
            f"{'T' if i % 2 else 'C'},{y},{200 + 30 * (y == 2021) + rng.normal(0, 20):.1f}"
            for i in range(400) for y in (2019, 2021)]
    (tmp_path / "s.csv").write_text("pid,site,country,sex,groupe,annee,revenu\n" + "\n".join(rows) + "\n",
                                    encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: did\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\nperiod: {column: annee, post: 2021}\ncluster: site\nse: cluster\n"
                                     "unit: pid\nsubgroups: [country, sex]\nlabels: {country: {fr: Pays, en: "
                                     "Country}}\n", encoding="utf-8")
    study = _loaded(tmp_path)
    assert studies.few_clusters(study, "fr") == ""   # 40 sites, 20 in each group
    effects = impact.estimate_effects(study)
    fr = studies.few_clusters_by_group(effects, study.spec, "fr")
    assert fr.startswith("Attention : ces sous-groupes comptent moins de 20 grappes (leur nombre entre "
                         "parenthèses) : Pays : Libye (10) ; Pays : Maroc (10) ; Pays : Mauritanie (10) ; "
                         "Pays : Tunisie (10).") and "sex" not in fr
    assert "Country: Libye (10); Country: Maroc (10)" in studies.few_clusters_by_group(effects, study.spec, "en")
    sexes = impact.estimate_effects(study, subgroups=["sex"])
    assert studies.few_clusters_by_group(sexes, study.spec, "fr") == ""


@pytest.mark.parametrize("design", ["two_group", "did"])
def test_subgroups_with_few_rows_and_robust_errors_are_named_below_the_subgroup_table(tmp_path, design):
    """A study written as a CSV, `se: robust`, `subgroups: [sexe]`, 100 treated of whom 6 women (did: 6 women seen
    after the programme): the whole study has no caution (every group has 50 rows or more), and the women's row of the
    subgroup table (HC1, as statsmodels gives it) had none either. They are now named with their smallest group, in
    French and English; the men (44 or more in each group) are not."""
    import statsmodels.formula.api as smf

    from helpers.analyses import impact
    rng = np.random.default_rng(12)
    years = (2019, 2021) if design == "did" else (2021,)
    rows = [f"P{i:03d},{'T' if i < 100 else 'C'},{'f' if i < 6 or 100 <= i < 150 else 'm'},{year},"
            f"{1500 + 150 * (i < 100) * (year == 2021) + rng.normal(0, 300):.0f}"
            for i in range(200) for year in years if not (design == "did" and year == 2019 and i < 3)]
    (tmp_path / "s.csv").write_text("id,groupe,sexe,annee,revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    period = "period: {column: annee, post: 2021}\nunit: id\n" if design == "did" else ""
    (tmp_path / "s.yaml").write_text(f"title: t\ndesign: {design}\noutcomes: [revenu]\ntreatment: {{column: groupe, "
                                     f"treated: T}}\n{period}se: robust\nsubgroups: [sexe]\nlabels: {{sexe: {{fr: "
                                     "Sexe, en: Sex, values: {f: {fr: Femmes, en: Women}}}}\n", encoding="utf-8")
    study = _loaded(tmp_path)
    assert studies.few_rows(study, "fr") == ""
    effects = impact.estimate_effects(study)
    women = effects[(effects["method"] == "ols") & (effects["subgroup_value"] == "f")].iloc[0]
    data = study.data[study.data["sexe"] == "f"].assign(t=lambda f: (f["groupe"] == "T").astype(float),
                                                         post=lambda f: (f["annee"] == 2021).astype(float))
    fit = smf.ols("revenu ~ t * post" if design == "did" else "revenu ~ t", data).fit(cov_type="HC1")
    term = "t:post" if design == "did" else "t"
    assert (women["estimate"], women["se"]) == pytest.approx((fit.params[term], fit.bse[term]), rel=1e-9)
    smallest = 3 if design == "did" else 6
    assert studies.few_rows_by_group(study, effects, "fr") == (
        "Attention : dans ces sous-groupes, un groupe compte moins de 20 lignes (le plus petit entre parenthèses) : "
        f"Sexe : Femmes ({smallest}). Leurs erreurs types robustes (HC1) sous-estiment l'incertitude : intervalles "
        "trop étroits, p trop petites.")
    assert f"Sex: Women ({smallest})" in studies.few_rows_by_group(study, effects, "en")
    classical = StudySpec(**{**study.spec.model_dump(), "se": "classical"})
    assert studies.few_rows_by_group(Study(study.name, classical, study.data, []), effects, "fr") == ""


def test_a_weighted_size_not_known_prints_no_caution_without_its_number():
    """Sizes [n.d., 45]: « vaut n.d. unités ... moins de 20 » was printed from the row without a size."""
    effects = pd.DataFrame({"method": ["ipw", "ipw"], "ess_comparison": [np.nan, 45.0], "n_comparison": [100, 100]})
    text = studies.weighted_size(effects, "fr")
    assert "45,0" in text and "20" not in text.split("45,0")[1]
    assert "n.d." in studies.weighted_size(effects.iloc[:1], "en")


def test_a_score_separating_the_groups_gives_no_effective_size_beside_its_empty_estimate(tmp_path):
    """ipw on age, every person of 40 or more treated (a score of 0 or 1): the IPW estimate is n.d., yet its Kish size
    (3,0 of 103) was printed beside it in the annex (« vaut 3,0 unités ... ») and in figures.csv's comparison_ess.
    Now the size is n.d. with the reason, in both."""
    from helpers.analyses import figures

    rng = np.random.default_rng(11)
    age = rng.integers(18, 60, 200)
    rows = [f"{i},{'T' if a >= 40 else 'C'},{a},{100 + 2 * a + 20 * (a >= 40) + rng.normal(0, 10):.1f}"
            for i, a in enumerate(age)]
    (tmp_path / "s.csv").write_text("id,groupe,age,revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\ncovariates: [age]\nadjustment: ipw\n", encoding="utf-8")
    study = _loaded(tmp_path)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        effects = propensity.adjusted_effects(study)
        table = figures.impact_figures({"s": study}).set_index(["metric", "key"])
    ipw = effects[effects["method"] == "ipw"].iloc[0]
    assert np.isnan(ipw["estimate"]) and np.isnan(ipw["ess_comparison"]) and "no estimate" in ipw["note"]
    fr = studies.weighted_size(effects, "fr")
    assert fr.startswith("Taille effective (de Kish) du groupe de comparaison pondéré : n.d.") and "sépare" in fr
    assert "unités (taille effective" not in fr
    size = table.loc[("comparison_ess", "s:revenu")]
    assert np.isnan(size["value"]) and size["note"].startswith("not computable: no weighted estimate")


@pytest.mark.parametrize("adjustment", ["ipw", "regression"])
def test_few_rows_are_counted_among_the_rows_the_estimate_used(tmp_path, adjustment):
    """30 treated of 200, robust SEs, the age of 14 treated women left blank (`adjustment` on age): the adjusted
    estimate rests on 16 treated rows, the caution counted the study's 30 and said nothing. It now counts the
    estimate's rows; with the covariates in the model, the subgroup table's women too (11 treated of 25)."""
    from helpers.analyses import impact
    rng = np.random.default_rng(3)
    rows = [f"{i},{'T' if i < 30 else 'C'},{'f' if i < 25 or 100 <= i < 150 else 'm'},"
            f"{'' if i < 14 else int(rng.integers(18, 50))},{1500 + 150 * (i < 30) + rng.normal(0, 300):.0f}"
            for i in range(200)]
    (tmp_path / "s.csv").write_text("id,groupe,sexe,age,revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     f"treated: T}}\ncovariates: [age]\nadjustment: {adjustment}\nse: robust\n"
                                     "subgroups: [sexe]\n", encoding="utf-8")
    study = _loaded(tmp_path)
    head = propensity.headline(study)
    assert head["n_treated"].tolist() == [16]
    assert studies.few_rows(study, "fr").startswith("Attention : seulement 16 lignes dans le groupe traité.")
    assert studies.few_rows(study, "en").startswith("Caution: only 16 rows in the treated group")
    if adjustment == "regression":
        effects = impact.estimate_effects(study)
        women = effects[(effects["method"] == "ols") & (effects["subgroup_value"] == "f")].iloc[0]
        assert women["n_treated"] == 11
        assert "sexe : f (11)" in studies.few_rows_by_group(study, effects, "fr")


def test_few_clusters_are_counted_among_the_rows_the_estimate_used(tmp_path):
    """24 sites, 12 treated, `se: cluster`, `adjustment: regression` on age, which 5 treated sites did not ask: the
    estimate rests on 19 sites, 7 of them treated (CRV1 too small), and the caution counted 24 and 12: nothing was
    said. It now counts the estimate's clusters."""
    rng = np.random.default_rng(4)
    rows = [f"{i},S{i % 24},{'T' if i % 24 < 12 else 'C'},{'' if i % 24 < 5 else int(rng.integers(18, 50))},"
            f"{1500 + 150 * (i % 24 < 12) + rng.normal(0, 300):.0f}" for i in range(480)]
    (tmp_path / "s.csv").write_text("id,site,groupe,age,revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\ncovariates: [age]\nadjustment: regression\ncluster: site\n"
                                     "se: cluster\n", encoding="utf-8")
    study = _loaded(tmp_path)
    assert studies.few_clusters(study, "fr").startswith(
        "Attention : 19 grappes « site » (7 avec des traités, 12 avec le groupe de comparaison).")
    assert studies.few_clusters(study, "en").startswith("Caution: 19 clusters 'site' (7 with treated units")
    complete = study.data.assign(age=study.data["age"].fillna(30))
    assert studies.few_clusters(Study(study.name, study.spec, complete, []), "fr") == ""


@pytest.mark.parametrize("adjustment", ["none", "ipw", "regression", "aipw"])
def test_the_few_rows_caution_names_the_standard_errors_of_the_headline(tmp_path, adjustment):
    """3 treated beside 197, robust SEs: the caution said « robustes (HC1) » where the adjusted effect of a
    two-group study (ipw, regression, aipw) has GMM SEs (propensity.headline's se_type); it now names both."""
    rng = np.random.default_rng(4)
    rows = [f"{i},{'T' if i < 3 else 'C'},{int(rng.integers(18, 50))},{100 + rng.normal(0, 10):.1f}" for i in range(200)]
    (tmp_path / "s.csv").write_text("id,groupe,age,revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\ncovariates: [age]\n" + ("estimand: ate\n" if adjustment == "aipw"
                                                                          else "") +
                                     f"adjustment: {adjustment}\nse: robust\n", encoding="utf-8")
    study = _loaded(tmp_path)
    fr, en = studies.few_rows(study, "fr"), studies.few_rows(study, "en")
    assert fr.startswith("Attention : seulement 3 lignes dans le groupe traité.")
    if adjustment == "none":
        assert "robustes (HC1) sous-estiment" in fr and "GMM" not in fr and "robust (HC1) standard errors" in en
    else:
        assert propensity.headline(study)["se_type"].tolist() == ["gmm"]
        assert "GMM pour l'effet ajusté" in fr and "GMM for the adjusted effect" in en


def test_a_panel_with_attrition_says_its_sample_and_gives_the_balanced_panels_estimate(tmp_path):
    """A did panel (`unit:`) whose treated low earners were half lost at the follow-up: the estimate on every row
    counts their baseline in the treated's change (239,7 for an effect of 200); the annex gave the attrition per arm,
    never that the estimate was on an unbalanced sample, nor the estimate over the persons seen twice. It now says
    both, the latter equal to statsmodels' OLS on the balanced panel; nothing when every person is seen twice."""
    import statsmodels.formula.api as smf

    from fixtures.panels import DESCRIPTION, attrition_panel

    (tmp_path / "s.csv").write_text(attrition_panel(), encoding="utf-8")
    (tmp_path / "s.yaml").write_text(DESCRIPTION, encoding="utf-8")
    study = _loaded(tmp_path)
    data = pd.read_csv(tmp_path / "s.csv").assign(t=lambda d: (d.groupe == "T").astype(int),
                                                  post=lambda d: (d.vague == 2022).astype(int))
    panel = data[data.groupe.notna() & (data.groupe.groupby(data.id).transform("size") == 2)]
    ref = smf.ols("revenu ~ t * post", panel).fit(cov_type="HC1", use_t=True)
    fr, en = studies.balanced_panel(study, "fr"), studies.balanced_panel(study, "en")
    assert fr.startswith("Échantillon de l'estimation : toutes les lignes disponibles")
    low, high = ref.conf_int().loc["t:post"]
    d = fmt.se_decimals(ref.bse["t:post"])   # (the decimals its SE warrants)
    assert (f"revenu {ref.params['t:post']:.{d}f} (IC 95 % {low:.{d}f} à {high:.{d}f} ; p <\u00a00.001 ; "
            f"{panel.id.nunique()} unités ; hors panel : {150 * 2 - panel.id.nunique()} avec une valeur avant "
            "seulement, 0 après seulement)").replace(".", ",") in fr
    assert en.startswith("Sample of the estimate: every row available") and "(the balanced panel)" in en
    assert abs(ref.params["t:post"] - 200) < 10   # the plain estimate on every row is far off
    from helpers.analyses.impact import estimate_effects
    assert estimate_effects(study).loc[0, "estimate"] > ref.params["t:post"] + 20   # 226 on every row
    rng = np.random.default_rng(1)
    whole = tmp_path / "whole"
    whole.mkdir()
    (whole / "s.csv").write_text("id,groupe,vague,revenu\n" + "\n".join(
        f"{a}{i},{a},{y},{rng.normal(100, 10):.1f}" for a in "TC" for i in range(30) for y in (2019, 2022)) + "\n")
    (whole / "s.yaml").write_text((tmp_path / "s.yaml").read_text())
    assert studies.balanced_panel(_loaded(whole), "fr") == ""


@pytest.mark.parametrize("design", ["did", "two_group"])
def test_groups_that_differ_at_baseline_by_more_than_a_quarter_sd_are_said_so(tmp_path, design):
    """Treated earning about 1 000 at baseline beside the comparison group's 800 (d about 1): the did's baseline gap
    on its outcome was in no table, and a covariate's d = 0,9 only in the balance table captioned « |d| < 0,1 : bon
    équilibre », nothing said. The annex now names each term over 0.25 SD (WWC) with its d, computed as
    (mean_t - mean_c) / sqrt((var_t + var_c) / 2) over the balance sample; nothing when the groups are alike."""
    rng = np.random.default_rng(4)
    rows = []
    for arm in ("T", "C"):
        for i in range(60):
            age = rng.normal(35 if arm == "T" else 30, 5)
            base = rng.normal(1000 if arm == "T" else 800, 200)
            rows.append((f"{arm}{i}", arm, 2019, round(age), round(base, 2)))
            if design == "did":
                rows.append((f"{arm}{i}", arm, 2022, round(age) + 3, round(base + 100 + rng.normal(0, 50), 2)))
    frame = pd.DataFrame(rows, columns=["id", "groupe", "vague", "age", "revenu"])
    frame.to_csv(tmp_path / "s.csv", index=False)
    period = "period: {column: vague, post: 2022}\nunit: id\n" if design == "did" else ""
    (tmp_path / "s.yaml").write_text(f"title: t\ndesign: {design}\noutcomes: [revenu]\ntreatment: {{column: groupe, "
                                     f"treated: T}}\ncovariates: [age]\n{period}", encoding="utf-8")
    study = _loaded(tmp_path)
    base = frame[frame.vague == 2019]

    def d(column):
        t, c = base.loc[base.groupe == "T", column], base.loc[base.groupe == "C", column]
        return f"{(t.mean() - c.mean()) / np.sqrt((t.var() + c.var()) / 2):.2f}".replace(".", ",")

    fr, en = studies.baseline_imbalance(study, "fr"), studies.baseline_imbalance(study, "en")
    assert fr.startswith("Attention : sur ") and "plus de 0,25 écart type" in fr
    assert f"age (d = {d('age')})" in fr and en.startswith("Caution: over ")
    assert (f"revenu (d = {d('revenu')})" in fr and "tendances parallèles" in fr) == (design == "did")
    alike = np.arange(len(frame)) // (2 if design == "did" else 1)   # the same values in each arm
    frame.assign(age=30 + alike % 7, revenu=800 + alike % 13 * 10.5).to_csv(tmp_path / "s.csv", index=False)
    assert studies.baseline_imbalance(_loaded(tmp_path), "fr") == ""


def test_a_panel_with_robust_errors_is_given_the_errors_clustered_on_its_unit(tmp_path):
    """A did panel (`unit:`), 100 persons per arm seen in 2019 and 2022, their own levels far apart, with the
    default robust (HC1) SEs: each row was taken as independent, the DiD's SE 19,2 where clustering on the persons
    gives about 6 (statsmodels, CRV1), nothing said. The annex now gives the clustered SE and interval beside the
    study's and says what to write; nothing with `se: cluster`."""
    import statsmodels.formula.api as smf

    _panel_files(tmp_path)
    yaml = (tmp_path / "s.yaml").read_text(encoding="utf-8")
    study = _loaded(tmp_path)
    data = pd.read_csv(tmp_path / "s.csv").assign(t=lambda d: (d.groupe == "Oui").astype(int),
                                                  post=lambda d: (d.vague == 2022).astype(int))
    model = smf.ols("revenu ~ t * post", data)
    ref = model.fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(data.id)[0]}, use_t=True)
    hc1 = model.fit(cov_type="HC1", use_t=True)
    assert hc1.bse["t:post"] > 2.5 * ref.bse["t:post"]
    low, high = ref.conf_int().loc["t:post"]
    fr, en = studies.panel_se(study, "fr"), studies.panel_se(study, "en")
    assert fr.startswith("Attention : les erreurs types robustes (HC1) traitent chaque ligne comme indépendante")
    d = fmt.se_decimals(ref.bse["t:post"])   # (the decimals the clustered SE warrants)
    assert (f"revenu {ref.bse['t:post']:.{d}f} (IC 95 % {low:.{d}f} à {high:.{d}f} ; p <\u00a00.001 ; "
            f"{hc1.bse['t:post']:.{d}f} ligne par ligne)").replace(".", ",") in fr
    assert "la valeur cluster à la clé se et la valeur id à la clé cluster" in fr and en.startswith("Caution: robust (HC1) standard errors")
    (tmp_path / "s.yaml").write_text(yaml + "cluster: id\nse: cluster\n", encoding="utf-8")
    assert studies.panel_se(_loaded(tmp_path), "fr") == ""


def test_a_panel_with_robust_errors_has_its_ipw_estimate_and_subgroups_clustered_on_its_unit(tmp_path):
    """A did panel (`unit:`), 150 persons per arm seen in 2019 and 2021, weighted by the propensity score (ipw), by
    sex, with the default robust SEs. The caution gave the plain DiD clustered on the persons only: the IPW estimate
    the annex leads with kept its row-by-row HC1 SE (about 70 where clustering on the persons gives about 10), and the
    table by subgroup its HC1 SEs (the women's 96 for 15), its caption naming no kind of SE. Now the caution gives the
    IPW estimate clustered on the unit too, and the subgroups are clustered on the unit, the caption saying so
    (statsmodels' Logit, then WLS and OLS with cov_type='cluster' on the persons)."""
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    from helpers.analyses import impact

    rng = np.random.default_rng(7)
    n = 300
    treated, age = rng.random(n) < 0.5, rng.integers(18, 50, n)
    sex, level = np.where(rng.random(n) < 0.5, "f", "m"), 1000 + 20 * (age - 30) + rng.normal(0, 400, n)
    lines = [f"P{i:04d},{'T' if treated[i] else 'C'},{year},{sex[i]},{age[i] + 2 * r},"
             f"{level[i] + 100 * r + 200 * (treated[i] and r) + rng.normal(0, 60):.2f}"
             for r, year in ((0, 2019), (1, 2021)) for i in range(n)]
    (tmp_path / "s.csv").write_text("id_beneficiaire,groupe,annee,sexe,age,revenu\n" + "\n".join(lines) + "\n",
                                    encoding="utf-8")
    (tmp_path / "s.yaml").write_text(
        "title: t\ndesign: did\noutcomes: [revenu]\ntreatment: {column: groupe, treated: T}\n"
        "period: {column: annee, post: 2021}\ncovariates: [age]\nadjustment: ipw\nunit: id_beneficiaire\n"
        "subgroups: [sexe]\n", encoding="utf-8")
    study = _loaded(tmp_path)
    data = pd.read_csv(tmp_path / "s.csv").assign(t=lambda d: (d.groupe == "T").astype(int),
                                                  post=lambda d: (d.annee == 2021).astype(int))
    persons = pd.factorize(data.id_beneficiaire)[0]
    base = data[data.post == 0]
    score = sm.Logit(base.t, sm.add_constant(base.age.astype(float))).fit(disp=0)
    odds = pd.Series(score.predict() / (1 - score.predict()), index=base.id_beneficiaire)
    weight = np.where(data.t == 1, 1.0, data.id_beneficiaire.map(odds))
    model = smf.wls("revenu ~ t * post", data, weights=weight)
    ipw, hc1 = (model.fit(cov_type="cluster", cov_kwds={"groups": persons}, use_t=True),
                model.fit(cov_type="HC1", use_t=True))
    assert hc1.bse["t:post"] > 5 * ipw.bse["t:post"]
    low, high = ipw.conf_int().loc["t:post"]
    fr, en = studies.panel_se(study, "fr"), studies.panel_se(study, "en")
    d = fmt.se_decimals(ipw.bse["t:post"])
    assert (f" L'estimation de l'étude (IPW, ATT), en grappes par unité : revenu {ipw.bse['t:post']:.{d}f} (IC 95 % "
            f"{low:.{d}f} à {high:.{d}f} ; p <\u00a00.001 ; {hc1.bse['t:post']:.{d}f} ligne par ligne)").replace(".", ",") \
        + ". Pour les retenir" in fr
    assert "The study's estimate (IPW, ATT), clustered on the unit: revenu" in en

    grouped = studies.subgroup_study(study)
    by_group = impact.estimate_effects(grouped)
    women = data[data.sexe == "f"]
    ref = smf.ols("revenu ~ t * post", women).fit(cov_type="cluster", use_t=True,
                                                   cov_kwds={"groups": pd.factorize(women.id_beneficiaire)[0]})
    row = by_group[(by_group["subgroup_value"] == "f") & (by_group["method"] == "ols")].iloc[0]
    assert row["se_type"] == "cluster" and row["se"] == pytest.approx(ref.bse["t:post"], rel=1e-9)
    assert row["p_value"] == pytest.approx(ref.pvalues["t:post"], rel=1e-6)
    row_by_row = impact.estimate_effects(study)
    assert row_by_row.loc[row_by_row["subgroup_value"] == "f", "se"].iloc[0] > 5 * ref.bse["t:post"]
    assert studies.subgroup_se(study, "fr") == ("erreurs types par grappe (CRV1) sur l'unité (id_beneficiaire), et "
                                                "non robustes (HC1) ligne par ligne : les lignes d'une même unité ne "
                                                "sont pas indépendantes")
    assert studies.subgroup_se(study, "en").startswith("standard errors clustered (CRV1) on the unit")
    # clustered as the study asks: its own SEs, said so
    (tmp_path / "s.yaml").write_text((tmp_path / "s.yaml").read_text() + "se: cluster\ncluster: id_beneficiaire\n",
                                     encoding="utf-8")
    clustered = _loaded(tmp_path)
    assert studies.subgroup_study(clustered) is clustered and studies.panel_se(clustered, "fr") == ""
    assert studies.subgroup_se(clustered, "fr") == "erreurs types par grappe (CRV1)"


def test_the_subgroup_table_says_its_p_values_are_not_adjusted(tmp_path):
    """The headline's p-values are Holm-adjusted over the study's outcomes (statsmodels' multipletests on the raw
    ones, per method), the subgroup table's are not: 2 outcomes x 2 sexes gave 4 raw p-values, nothing said."""
    from statsmodels.stats.multitest import multipletests

    from helpers.analyses import impact

    rng = np.random.default_rng(4)
    lines = [f"{i},{'T' if i % 2 else 'C'},{'f' if i % 3 else 'm'},{rng.normal(100 + 5 * (i % 2), 10):.2f},"
             f"{int(rng.random() < 0.4 + 0.1 * (i % 2))}" for i in range(200)]
    (tmp_path / "s.csv").write_text("id,groupe,sexe,revenu,emploi\n" + "\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu, emploi]\n"
                                     "treatment: {column: groupe, treated: T}\nsubgroups: [sexe]\n", encoding="utf-8")
    study = _loaded(tmp_path)
    head = propensity.headline(study)
    assert head["p_holm"].to_numpy() == pytest.approx(multipletests(head["p_value"], method="holm")[1], rel=1e-12)
    by_group = impact.estimate_effects(study)
    fr, en = studies.subgroup_p_note(by_group, "fr"), studies.subgroup_p_note(by_group, "en")
    assert fr.startswith("Les p de ce tableau ne sont pas ajustées pour les tests multiples") and "sur ses 4 " in fr
    assert en.startswith("The p-values of this table are not adjusted") and "of its 4 estimates" in en
    assert studies.subgroup_p_note(by_group[by_group["subgroup"].isna()], "fr") == ""


def test_the_subgroup_table_is_followed_by_the_test_that_the_effect_differs(tmp_path):
    """The women's effect (about 150) p < 0,001 beside the men's (about 50): the annex gave each subgroup's own p and
    nothing on their difference, which a reader took from the two p-values. It now gives the test of interaction
    per outcome and subgroup column (its p is impact.subgroup_differences', statsmodels' f_test), in the annex
    language; a column of which one value only holds both groups is said not tested."""
    from helpers.analyses import impact
    from helpers.annex import fmt

    rng = np.random.default_rng(9)
    lines = [f"{i},{'T' if i % 2 else 'C'},{'f' if i % 4 < 2 else 'm'},{'a' if i < 150 else 'b'},"
             f"{1000 + (i % 2) * (150 if i % 4 < 2 else 50) + rng.normal(0, 100):.2f}" for i in range(300)]
    (tmp_path / "s.csv").write_text("id,groupe,sexe,zone,revenu\n" + "\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\n"
                                     "treatment: {column: groupe, treated: T}\nsubgroups: [sexe, zone]\n"
                                     "labels: {sexe: {fr: Sexe, en: Sex}}\n", encoding="utf-8")
    study = _loaded(tmp_path)
    tests = impact.subgroup_differences(study).set_index("subgroup")
    p_sexe, p_zone = tests.at["sexe", "p_value"], tests.at["zone", "p_value"]
    fr = studies.subgroup_differences(study, ["sexe", "zone"], "fr")
    assert fr.startswith("L'effet diffère-t-il entre les sous-groupes ? Test d'interaction")
    assert f"revenu selon Sexe : p = {fmt.p_value(p_sexe, 'fr')}" in fr or "revenu selon Sexe : p <" in fr
    assert f"revenu selon zone : p = {fmt.p_value(p_zone, 'fr')}" in fr
    assert "revenu by Sex: p" in studies.subgroup_differences(study, ["sexe"], "en")
    data = study.data.copy()
    data.loc[data["zone"] == "b", "groupe"] = "T"   # zone b holds the treated only: nothing to compare it with
    one = type(study)(study.name, study.spec, data, study.files)
    assert "revenu selon zone : non testé (moins de deux sous-groupes où les deux groupes sont présents)" in \
        studies.subgroup_differences(one, ["zone"], "fr")
    assert studies.subgroup_differences(study, [], "fr") == ""


def test_a_log_outcome_is_in_no_currency_and_its_effect_is_given_as_a_percentage(tmp_path):
    """`log_revenu`, labelled « Log du revenu mensuel (MAD) »: its effect (a difference of logs, 0.09) had the unit
    MAD in figures.csv and the annex (« (MAD) »), make check saying its effects are in MAD, where it is about +9.6 %.
    Now no unit, no currency warning, and the annex gives 100 x (exp(effect) - 1) (statsmodels' OLS, HC1)."""
    import statsmodels.formula.api as smf

    from helpers.analyses import impact
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    rng = np.random.default_rng(2)
    lines = [f"{i},{'T' if i % 2 else 'C'},MAD,{rng.normal(7 + 0.1 * (i % 2), 0.5):.4f}" for i in range(1, 201)]
    (tmp_path / "s.csv").write_text("id,groupe,devise,log_revenu\n" + "\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [log_revenu]\n"
                                     "treatment: {column: groupe, treated: T}\nlabels:\n  log_revenu: "
                                     "{fr: Log du revenu mensuel (MAD), en: Log monthly income (MAD)}\n",
                                     encoding="utf-8")
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31", currency="EUR")
    study, problems = load_study(tmp_path / "s.yaml", params)
    assert "study_outcome_currency" not in {p.rule for p in problems}, problems
    assert impact.outcome_unit(study, "log_revenu") == ""
    data = pd.read_csv(tmp_path / "s.csv").assign(t=lambda d: (d.groupe == "T").astype(int))
    ref = smf.ols("log_revenu ~ t", data).fit(cov_type="HC1", use_t=True)
    low, high = ref.conf_int().loc["t"]
    pct = [f"{100 * np.expm1(v):.1f}".replace(".", ",") for v in (ref.params["t"], low, high)]
    fr = studies.log_outcomes(study, propensity.headline(study), "fr")
    assert fr.startswith("Résultat en logarithme : son effet est une différence de logarithmes, pas un montant")
    assert (f"Log du revenu mensuel (MAD) {ref.params['t']:.3f}".replace(".", ",")
            + f", soit {pct[0]} % (IC 95 % {pct[1]} % à {pct[2]} %)") in fr
    assert "that is" in studies.log_outcomes(study, propensity.headline(study), "en")
    # an amount in MAD keeps its unit and its warning
    (tmp_path / "s.csv").write_text((tmp_path / "s.csv").read_text().replace("log_revenu", "revenu"),
                                    encoding="utf-8")
    (tmp_path / "s.yaml").write_text((tmp_path / "s.yaml").read_text().replace("log_revenu", "revenu")
                                     .replace("Log du revenu", "Revenu").replace("Log monthly income", "Income"),
                                     encoding="utf-8")
    study, problems = load_study(tmp_path / "s.yaml", params)
    assert "study_outcome_currency" in {p.rule for p in problems} and impact.outcome_unit(study, "revenu") == "MAD"
    assert studies.log_outcomes(study, propensity.headline(study), "fr") == ""


def _panel_files(folder):
    """100 persons per arm seen in 2019 and 2022, their own levels far apart, the default robust SEs."""
    rng = np.random.default_rng(0)
    lines = []
    for a, arm in enumerate(("Oui", "Non")):
        for i in range(100):
            level = rng.normal(500, 100)
            lines += [f"{a}-{i},{arm},{year},{level + 50 * k + (100 if a == 0 and k else 0) + rng.normal(0, 30):.1f}"
                      for k, year in enumerate((2019, 2022))]
    (folder / "s.csv").write_text("id,groupe,vague,revenu\n" + "\n".join(lines) + "\n", encoding="utf-8")
    (folder / "s.yaml").write_text("title: t\ndesign: did\noutcomes: [revenu]\ntreatment: {column: groupe, treated: "
                                   "Oui}\nperiod: {column: vague, post: 2022}\nunit: id\n", encoding="utf-8")


def test_the_mde_of_a_panel_with_robust_errors_is_from_the_errors_clustered_on_its_unit(tmp_path):
    """A did panel with robust (HC1) SEs: its headline MDE (and figures.csv's impact_mde) came from HC1's row-by-row SE,
    20,9, giving 58,7, where clustering on the persons (the SE the annex's caution gives) gives 6,0 and an MDE of 17,0:
    now (t quantiles on the 200 persons less one, x the CRV1 SE of statsmodels), and the caution says so."""
    import statsmodels.formula.api as smf
    from scipy.stats import t as student

    _panel_files(tmp_path)
    study = _loaded(tmp_path)
    data = pd.read_csv(tmp_path / "s.csv").assign(t=lambda d: (d.groupe == "Oui").astype(int),
                                                  post=lambda d: (d.vague == 2022).astype(int))
    ref = smf.ols("revenu ~ t * post", data).fit(cov_type="cluster", use_t=True,
                                                 cov_kwds={"groups": pd.factorize(data.id)[0]})
    by_hand = (student.ppf(0.975, 199) + student.ppf(0.8, 199)) * ref.bse["t:post"]
    effects = propensity.adjusted_effects(study)
    row = effects.iloc[0]
    assert row["se_type"] == "HC1" and row["se"] > 3 * ref.bse["t:post"]   # the study's own SE, row by row
    assert row["mde"] == pytest.approx(by_hand, rel=2e-3) and "MDE from the SE clustered on the unit" in row["note"]
    assert propensity.headline(study, effects=effects).iloc[0]["mde"] == row["mde"]
    assert "l'effet minimal détectable donné plus bas est calculé avec l'erreur type en grappes par unité" in \
        studies.panel_se(study, "fr")
    assert "the minimum detectable effect given below is computed with the standard error clustered on the unit" in \
        studies.panel_se(study, "en")


def test_the_mde_and_caution_of_six_villages_use_the_t_of_their_clusters(tmp_path):
    """Treatment given to 3 villages of 6, 30 persons each, SEs clustered on the village: the SE, interval and p are
    R's sandwich::vcovCL (HC1) with lmtest::coeftest(df = G - 1) (SE 27,2288, p 0,7626, CI -61,31 to 78,68), but the
    MDE took 2,80 SEs from the 180 rows, where the test it stands for has 5 df: (t_0,975;5 + t_0,8;5) x SE = 3,49 SE
    (95,0 for 76,5, a fifth too small); and the few-clusters caution did not say which df. Both now."""
    from scipy.stats import t as student

    _villages(tmp_path, "cluster: village\nse: cluster\n")
    study = _loaded(tmp_path)
    row = propensity.adjusted_effects(study).iloc[0]
    # /tmp/hunt-stats9/villages/r.R: R 4.2, sandwich::vcovCL(type = "HC1"), coeftest / coefci with df = 5
    assert row["se"] == pytest.approx(27.2288, abs=1e-4) and row["p_value"] == pytest.approx(0.7626, abs=1e-4)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((-61.30722, 78.68056), abs=1e-4)
    assert row["mde"] == pytest.approx((student.ppf(0.975, 5) + student.ppf(0.8, 5)) * row["se"], rel=0.01)
    assert row["mde"] > 3.4 * row["se"]
    assert "loi de Student à 5 degrés de liberté" in studies.few_clusters(study, "fr")
    assert "Student's t on 5 degrees of freedom" in studies.few_clusters(study, "en")


def _villages(folder, yaml_tail=""):
    """Treatment given to 3 villages of 6, 30 persons each (each village wholly treated or wholly comparison)."""
    rng = np.random.default_rng(11)
    lines = []
    for v in range(6):
        arm, level = ("Traitement" if v < 3 else "Témoin"), rng.normal(0, 40)
        lines += [f"V{v}-{i},village {v + 1},{arm},{1500 + level + (60 if v < 3 else 0) + rng.normal(0, 150):.1f}"
                  for i in range(30)]
    (folder / "s.csv").write_text("id,village,groupe,revenu\n" + "\n".join(lines) + "\n", encoding="utf-8")
    (folder / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                   "treated: Traitement}\n" + yaml_tail, encoding="utf-8")


@pytest.mark.parametrize("yaml_tail", ["", "se: cluster\ncluster: id\n"])
def test_a_treatment_given_by_village_without_clustered_errors_is_given_them(tmp_path, yaml_tail):
    """Each village wholly treated or wholly comparison, and SEs robust (HC1: 21,0, p 0,68) or clustered on the
    person (finer than the village): the annex printed them without a word, where clustering on the villages gives
    27,2, p 0,76 (R's sandwich::vcovCL, coeftest df = 5). make check warns (study_assigned_by_cluster), and the annex
    gives the SEs clustered on the village beside the study's."""
    from helpers.data.loader import load_study
    from helpers.data.params import ProjectParams

    _villages(tmp_path, yaml_tail)
    params = ProjectParams(title="p", code="P", start_date="2020-01-01", end_date="2021-12-31",
                           reporting_date="2021-12-31")
    study, problems = load_study(tmp_path / "s.yaml", params)
    [warned] = [p for p in problems if p.rule == "study_assigned_by_cluster"]
    assert warned.column == "village" and warned.severity == "warning" and "`cluster: village`" in warned.hint
    fr, en = studies.assigned_by_cluster(study, "fr"), studies.assigned_by_cluster(study, "en")
    assert fr.startswith("Attention : chaque valeur de « village » ne compte qu'un groupe (3 avec les traités, 3 ")
    assert "En grappes par village (CRV1, loi de Student à 5 degrés de liberté) : revenu (naïve) : erreur type " \
           "27 (IC 95 % -61 à 79 ; p = 0,763)" in fr   # (27,229: no decimal, as its SE warrants)
    assert "Clustered on village (CRV1, Student's t on 5 degrees of freedom): revenu (naive): standard error 27 " \
        in en
    # clustered on the villages: nothing to say
    _villages(tmp_path, "se: cluster\ncluster: village\n")
    study, problems = load_study(tmp_path / "s.yaml", params)
    assert not [p for p in problems if p.rule == "study_assigned_by_cluster"]
    assert studies.assigned_by_cluster(study, "fr") == ""


def test_a_two_group_study_that_lost_more_treated_says_so_with_lee_bounds(tmp_path):
    """two_group, 200 persons per arm, an effect of 100: 42 treated (low earners) and 8 comparison persons not found,
    their income left empty. The effect on the rows with a value is 144,9, and the annex said nothing (make check's
    differential_attrition said « the annex gives it »). It now gives the rows lost per arm and Lee's bounds, the
    comparison arm (which kept more) trimmed of (96 % - 79 %) / 96 % of its values from the bottom, then the top
    (computed here with pandas' nsmallest / nlargest): 84,7 to 208,3, around 100."""
    from helpers.analyses import impact

    rng = np.random.default_rng(2)
    lines = []
    for i in range(400):
        arm = "T" if i % 2 else "C"
        y = rng.normal(1000, 200) + (100 if arm == "T" else 0)
        lost = (arm == "T" and y < 1000 and rng.random() < 0.6) or (arm == "C" and rng.random() < 0.05)
        lines.append(f"{i},{arm},{'' if lost else f'{y:.0f}'}")
    (tmp_path / "s.csv").write_text("id,groupe,revenu\n" + "\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\n", encoding="utf-8")
    study = _loaded(tmp_path)
    data = pd.read_csv(tmp_path / "s.csv")
    seen = data.dropna(subset=["revenu"])
    t, c = seen[seen.groupe == "T"].revenu, seen[seen.groupe == "C"].revenu
    q_t, q_c = len(t) / 200, len(c) / 200
    cut = round((q_c - q_t) / q_c * len(c))
    lower = t.mean() - c.nlargest(len(c) - cut).mean()
    upper = t.mean() - c.nsmallest(len(c) - cut).mean()
    bounds = impact.lee_bounds(study).iloc[0]
    assert (bounds["lost_treated"], bounds["lost_comparison"]) == (42, 8)
    assert (bounds["lower"], bounds["upper"]) == pytest.approx((lower, upper), rel=1e-12)
    assert lower < 100 < upper and t.mean() - c.mean() > 140
    fr, en = studies.lost_rows(study, "fr"), studies.lost_rows(study, "en")
    assert "revenu, 42 traitées sur 200 (21\u202f%) et 8 de comparaison sur 200 (4\u202f%)" in fr
    # What Works Clearinghouse's two figures: the overall attrition (50 of 400) and the differential one (21 - 4)
    assert "attrition globale 12,5\u202f%, différentielle 17,0 points de pourcentage" in fr
    assert "overall attrition 12.5%, differential 17.0 percentage points" in en
    assert "Bornes de Lee (2009" in fr and f"revenu de {lower:.3f} à {upper:.3f}".replace(".", ",") in fr
    assert f"revenu from {lower:.3f} to {upper:.3f}" in en
    # the same share lost in each arm: the rows said, no caution
    data.assign(revenu=np.where(np.arange(400) % 20 < 2, np.nan, data.revenu.fillna(1000))).to_csv(
        tmp_path / "s.csv", index=False)
    same = studies.lost_rows(_loaded(tmp_path), "fr")
    assert "20 traitées sur 200" in same and "Attention" not in same


@pytest.mark.parametrize("villages,verdict", [(6, "none"), (12, "few"), (40, "")])
def test_the_joint_balance_test_on_few_clusters_for_its_terms_is_not_read_as_a_verdict(tmp_path, villages, verdict):
    """Treatment by village, covariates drawn at random (balanced by construction), 8 covariate terms, SEs clustered
    on the village: with 6 villages the CRV1 joint test gave p = 0,0004 (« the groups differ »); over 300 such draws
    it gives p < 0,05 for 47 % with 6 villages, 64 % with 12, 31 % with 20 (statsmodels, /tmp/hunt-stats9/baltest).
    With no more villages than terms it is now not computable, said so; below 20 villages or 5 a term, a caution."""
    from helpers.analyses import impact

    rng = np.random.default_rng(3)
    lines = []
    for v in range(villages):
        lines += [f"V{v}-{i},v{v},{'T' if v < villages // 2 else 'C'},{rng.normal(1500, 200):.0f},"
                  f"{rng.integers(18, 60)},{rng.choice(['f', 'm'])},"
                  f"{rng.choice(['aucun', 'primaire', 'secondaire', 'superieur'])},"
                  f"{rng.choice(['salarie', 'independant', 'chomeur'])},{rng.integers(0, 5)}" for i in range(30)]
    (tmp_path / "s.csv").write_text("id,village,groupe,revenu,age,sexe,educ,statut,enfants\n" + "\n".join(lines)
                                    + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [revenu]\ntreatment: {column: groupe, "
                                     "treated: T}\ncovariates: [age, sexe, educ, statut, enfants]\ncluster: village\n"
                                     "se: cluster\n", encoding="utf-8")
    test = impact.balance_test(_loaded(tmp_path))
    assert len(test["terms"]) == 8 and test["clusters"] == villages
    fr, en = studies.joint_test_clusters(test, "fr"), studies.joint_test_clusters(test, "en")
    if verdict == "none":
        assert np.isnan(test["p_value"]) and "no joint test" in test["note"]
        assert fr.startswith("Ce test n'est pas calculable : 6 grappes pour 8 termes de covariables")
        assert en.startswith("This test cannot be computed: 6 clusters for 8 covariate terms")
    elif verdict == "few":
        assert 0 <= test["p_value"] <= 1 and "rejects too often" in test["note"]
        assert fr.startswith("Attention : 12 grappes pour 8 termes de covariables. Avec moins de 20 grappes")
        assert en.startswith("Caution: 12 clusters for 8 covariate terms.")
    else:
        assert fr == en == "" and 0 <= test["p_value"] <= 1


def test_classical_errors_on_groups_of_unequal_variance_are_given_robust_ones_beside(tmp_path):
    """se: classical on a 0/1 outcome, 50 treated at about 0,5 beside 500 compared at about 0,05: the classical SE
    (0,039) assumes one variance and is about half HC1's (0,072, statsmodels), the interval as narrow, nothing
    said. The caution gives HC1's SE, interval and p; none with se: robust, nor when the variances agree."""
    import statsmodels.formula.api as smf

    from helpers.annex import fmt

    rng = np.random.default_rng(2)
    y = np.r_[(rng.random(50) < 0.5).astype(int), (rng.random(500) < 0.05).astype(int)]
    lines = [f"{i},{'T' if i < 50 else 'C'},{v}" for i, v in enumerate(y)]
    (tmp_path / "s.csv").write_text("id,groupe,emploi\n" + "\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: two_group\noutcomes: [emploi]\n"
                                     "treatment: {column: groupe, treated: T}\nse: classical\n", encoding="utf-8")
    study = _loaded(tmp_path)
    data = study.data.assign(t=lambda f: (f["groupe"] == "T").astype(int))
    own, hc1 = (smf.ols("emploi ~ t", data).fit(cov_type=kind, use_t=True) for kind in ("nonrobust", "HC1"))
    low, high = hc1.conf_int().loc["t"]
    fr = studies.classical_se(study, "fr")
    assert fr.startswith("Attention : les erreurs types classiques (clé se, valeur classical) supposent")
    assert "(la variance d'un résultat 0/1 dépend de sa part" in fr
    assert (f"emploi (naïve) : erreur type {fmt.number(hc1.bse['t'], 3, 'fr')} au lieu de "
            f"{fmt.number(own.bse['t'], 3, 'fr')} (IC 95 % {fmt.number(low, 3, 'fr')} à {fmt.number(high, 3, 'fr')}"
            in fr)
    assert "standard error 0.072 instead of 0.039" in studies.classical_se(study, "en")
    robust = type(study)(study.name, study.spec.model_copy(update={"se": "robust"}), study.data, study.files)
    assert studies.classical_se(robust, "fr") == ""
    alike = study.data.assign(emploi=np.r_[rng.normal(10, 2, 50), rng.normal(8, 2, 500)])   # one variance
    assert studies.classical_se(type(study)(study.name, study.spec, alike, study.files), "fr") == ""


def test_staggered_adoption_is_shown_cohort_by_cohort_with_the_weights_and_the_units_left_out():
    """The annex printed the pooled DiD alone for treated persons starting in 2020 or 2021 (make check's
    staggered_start): it now says why that one is biased, what each cohort's DiD compares, the weights of their mean
    (10 and 20 treated persons: 33 % and 67 %), the SE's clusters, and the person treated from the first round left
    out."""
    from analyses.test_impact import make_study, staggered_panel
    from helpers.analyses.impact import AVERAGE, cohort_effects

    study = make_study(staggered_panel(), design="did", outcomes=["revenu"],
                       treatment={"column": "groupe", "treated": "T"}, period={"column": "annee", "post": 2021},
                       unit="pid", labels={"pid": {"fr": "personne", "en": "person"}})
    cohorts = cohort_effects(study)
    fr = studies.cohorts_text(study, cohorts, "fr")
    assert "colonne « année_de_début »" in fr and "compare la vague 2021 à toutes les autres" in fr
    assert "cohorte 2020 : 33\u202f% ; cohorte 2021 : 67\u202f%" in fr and "regroupées par personne (CRV1)" in fr
    assert "laissées de côté : 1 (traitement dès la première vague" in fr
    en = studies.cohorts_text(study, cohorts, "en")
    assert "cohort 2020: 33%; cohort 2021: 67%" in en and "clustered by person (CRV1)" in en
    table = studies.cohorts_table(study, cohorts, "fr")
    assert list(table["cohort"]) == ["cohorte 2020", "cohorte 2021", "moyenne pondérée"]
    assert table.loc[cohorts["cohort"] == AVERAGE, "weight"].item() == 100


def test_a_binary_outcome_fitted_by_least_squares_is_named_a_linear_probability_model():
    """A 0/1 outcome (employed) estimated by OLS, with or without covariates in the model, is a linear probability
    model: the annex said « MCO » and gave percentage points without naming it. An IPW difference of weighted
    proportions, or a continuous outcome, is no such model."""
    spec = _spec(randomised=True)
    head = pd.DataFrame({"outcome": ["y", "z", "y", "z"], "method": ["ols", "ols", "regression", "ipw"],
                         "estimand": ["", "", "", "att"], "se_type": ["HC1"] * 4,
                         "registration": [""] * 4, "binary": [True, False, True, True]})
    fr = studies.headline_table(head, spec, "fr")["method"].tolist()
    assert fr == ["MCO, modèle linéaire de probabilité (ITT)", "MCO (ITT)",
                  "régression, modèle linéaire de probabilité (ITT)", "IPW, ATT (ITT)"]
    assert studies.headline_table(head, spec, "en")["method"].iloc[0] == "OLS, linear probability model (ITT)"


def test_why_an_impact_figure_is_not_computable_is_said_in_french_on_the_figures_sheet():
    """The Chiffres sheet's « why » column of an impact figure without a value said « la raison est dans la colonne
    note du fichier figures.csv », whose note is English: a subgroup with one treated row, a study whose treated
    rows are all in one village, a covariate that duplicates the treatment. Each note the analysis writes is now
    said in French."""
    from analyses.test_impact import make_study
    from helpers.analyses.impact import estimate_effects
    from helpers.annex import fmt
    from helpers.annex.excel import figures_for_people

    data = pd.DataFrame({"group": ["t"] * 5 + ["c"] * 6, "y": [3.0, 4, 5, 6, 7, 1, 2, 3, 2, 1, 2],
                         "sex": ["f", "m", "m", "m", "m", "f", "f", "m", "m", "f", "m"],
                         "village": ["A"] * 5 + ["B", "B", "C", "C", "D", "D"],
                         "copy": [1.0] * 5 + [0.0] * 6})
    notes = pd.concat([
        estimate_effects(make_study(data, subgroups=["sex"])),
        estimate_effects(make_study(data, se="cluster", cluster="village")),
        estimate_effects(make_study(data, covariates=["copy"], adjustment="regression")),
    ])
    notes = notes[notes["method"].eq("ols") & notes["se"].isna()]["note"]
    assert len(notes) == 3
    figures = pd.DataFrame({"section": "impact", "metric": "impact_effect", "key": "s:y", "value": np.nan,
                            "unit": "", "note": notes.to_numpy()})
    why = figures_for_people(figures, "fr").iloc[:, -1].tolist()
    assert why == [fmt.reason(n, "fr") for n in notes]
    for text in why:
        assert "figures.csv" not in text and not re.search(r"\b(rows|cluster|design|no estimate)\b", text), text
    assert "moins de 2 lignes dans : traités" in why[0] and "une seule grappe" in why[1] and "colinéaire" in why[2]
