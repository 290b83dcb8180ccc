"""Survey estimates (helpers.analyses.surveys, through the loader helpers.data.surveys) against R's survey package.

tests/fixtures/survey/api_reference.R made api_reference.json from R's apistrat and apiclus1 samples (and a copy of
apistrat with a stratum cut to one school, for R's lonely.psu = "adjust"); nothing runs R here. The CSVs are put
in a project's surveys/ folder with a YAML, read by the loader, and estimated as the annex does.
"""

import json
import math
import shutil
from pathlib import Path

import pytest

from helpers.analyses import surveys as est
from helpers.data.surveys import load_surveys

FIXTURES = Path(__file__).parents[1] / "fixtures" / "survey"
# the lonely-stratum rows document R's "adjust" (svy's "center" differs for totals): the loader refuses that design
REFERENCE = [r for r in json.loads((FIXTURES / "api_reference.json").read_text())["rows"]
             if r["design"] != "apistrat_lonely"]
DESIGNS = {
    "apistrat": "{weights: pw, strata: stype, fpc: fpc}",
    "apiclus1": "{weights: pw, clusters: dnum, fpc: fpc}",
}
ESTIMATES = """estimates:
  - {mean: api00, by: stype}
  - {mean: api00, by: sch.wide}
  - {total: enroll, by: stype}
  - {total: enroll, by: sch.wide}
  - {share: awards, by: stype}
  - {share: awards, by: sch.wide}
"""


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    folder = tmp_path_factory.mktemp("surveys")
    for name, design in DESIGNS.items():
        shutil.copy(FIXTURES / f"{name}.csv", folder / f"{name}.csv")
        (folder / f"{name}.yaml").write_text(f"title: {name}\ndesign: {design}\n{ESTIMATES}", encoding="utf-8")
    shutil.copy(FIXTURES / "apistrat_lonely.csv", folder / "apistrat_lonely.csv")
    (folder / "apistrat_lonely.yaml").write_text("title: lonely\ndesign: {weights: pw, strata: stype}\n")
    surveys, problems, _ = load_surveys(folder)
    assert all(p.file.endswith("apistrat_lonely.csv") for p in problems), problems
    return surveys, problems, {name: est.estimates(s).set_index("key") for name, s in surveys.items()}


def _key(r):
    variable = r["variable"] + (f"={r['level']}" if r["stat"] == "share" else "")
    return f"{r['design']}:{variable}" + (f":{r['by']}={r['by_value']}" if r["by"] else "")


def _close(mine, theirs):
    if theirs is None:
        return math.isnan(mine)
    return mine == theirs or abs(mine - theirs) <= 1e-6 * abs(theirs)


@pytest.mark.parametrize("r", REFERENCE, ids=lambda r: f"{_key(r)}[{r['stat']}]")
def test_estimates_equal_r_survey(api, r):
    """Estimate, SE, design effect, t interval (df of the domain), n; for shares also R's svyciprop logit
    interval; to 1e-6 relative."""
    table = api[2][r["design"]]
    row = table[table["stat"] == r["stat"]].loc[_key(r)]
    assert _close(row["estimate"], r["estimate"]) and _close(row["se"], r["se"]), (row, r)
    assert _close(row["deff"], r["deff"]), (row["deff"], r["deff"])
    assert row["n"] == r["n"] and row["df"] == r["df"]
    if r["stat"] == "share" and r["logit_low"] is not None:
        assert _close(row["ci_low"], r["logit_low"]) and _close(row["ci_high"], r["logit_high"])
    elif r["stat"] == "share" and r["estimate"] in (0, 1):
        # no variance in the design: R's interval is 0 to 0 (1 to 1); the workbook's is the exact one over n answers
        from statsmodels.stats.proportion import proportion_confint

        low, high = proportion_confint(r["estimate"] * r["n"], r["n"], method="beta")
        assert row["ci_low"] == pytest.approx(low, abs=1e-12) and row["ci_high"] == pytest.approx(high, abs=1e-12)
    else:
        assert _close(row["ci_low"], r["ci_low"]) and _close(row["ci_high"], r["ci_high"])


def test_every_reference_value_is_compared(api):
    """The loader produced every key R computed (so none of the comparisons above is skipped by a missing key)."""
    keys = {(r["design"], r["stat"], _key(r)) for r in REFERENCE}
    mine = {(d, s, k) for d, t in api[2].items() for k, s in zip(t.index, t["stat"])}
    assert keys <= mine


def test_a_stratum_with_a_single_unit_is_refused_with_its_place(api):
    surveys, problems, _ = api
    lonely = [p for p in problems if p.rule == "survey_single_cluster"]
    assert len(lonely) == 1 and lonely[0].file.endswith("apistrat_lonely.csv") and lonely[0].severity == "error"
    assert lonely[0].column == "stype" and lonely[0].value == "H" and lonely[0].row == 152
    assert "Merge this stratum" in lonely[0].hint and "apistrat_lonely" not in surveys


def test_a_share_of_0_or_100_percent_gets_the_exact_interval_not_0_to_0(tmp_path):
    """A Kobo CSV export, stratified and clustered, in which no man has a disability and every woman answered: the
    share among men was 0 % with the interval 0 % to 0 % (no variance in the design; R's logit interval is 0 to 0
    too), as if 20 answers proved that no man has one. It is now the exact Clopper-Pearson interval of 0 in 20 (and
    20 in 20), statsmodels' ``proportion_confint(method="beta")``; a share strictly between keeps R's logit interval."""
    from statsmodels.stats.proportion import proportion_confint

    rows = []
    for i in range(40):
        sex = "f" if i < 20 else "m"
        rows.append(f"{i},r{i % 2},v{i % 8},{10 + i % 3},{sex},{'oui' if sex == 'f' and i % 4 == 0 else 'non'},oui")
    (tmp_path / "enq.csv").write_text("_uuid,region,village,poids,sexe,handicap,repondu\n" + "\n".join(rows) + "\n",
                                      encoding="utf-8")
    (tmp_path / "enq.yaml").write_text("title: t\ndesign: {weights: poids, strata: region, clusters: village}\n"
                                       "estimates:\n  - {share: handicap, value: oui, by: sexe}\n"
                                       "  - {share: repondu, value: oui}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(tmp_path)
    assert not [p for p in problems if p.severity == "error"], problems
    table = est.estimates(surveys["enq"]).set_index("key")
    men = table.loc["enq:handicap=oui:sexe=m"]
    assert men["estimate"] == 0 and men["n"] == 20
    assert (men["ci_low"], men["ci_high"]) == pytest.approx(proportion_confint(0, 20, method="beta"), abs=1e-12)
    assert men["ci_high"] == pytest.approx(0.168433, abs=1e-6)
    everyone = table.loc["enq:repondu=oui"]
    assert (everyone["ci_low"], everyone["ci_high"]) == pytest.approx(proportion_confint(40, 40, method="beta"),
                                                                      abs=1e-12)
    women = table.loc["enq:handicap=oui:sexe=f"]
    assert 0 < women["ci_low"] < women["estimate"] < women["ci_high"] < 1


# tests/fixtures/survey/relative_weights.R: svydesign(ids = ~village, strata = ~region, weights = ~poids, nest = TRUE);
# svymean(~revenu + f, deff = "replace") (estimate, SE, design effect)
R_RELATIVE = {"rel:revenu": (350.01068861322358, 15.175985863093135, 3.4436483597043819),
              "rel:sexe=f": (0.47138930972011805, 0.062850655791863677, 0.93531083985460484)}


def _relative_weights_export(folder: Path) -> None:
    """A stratified, clustered export whose weights are normalised to a mean of 1 and rounded to 4 decimals (they
    add up to 60.0003 for 60 respondents), as survey firms often deliver them (fixtures/survey/relative_weights.csv)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "relative_weights.csv", folder / "rel.csv")


def test_relative_weights_give_the_design_effect_against_sampling_with_replacement(tmp_path):
    """Weights normalised to a mean of 1 but adding up to a hair more than the sample (rounding): the design effect
    was taken against sampling without replacement from a « population » of 60.0004, whose variance is nearly 0,
    and came out in the hundreds of thousands (476 126 for a mean in a generated survey). It is now against
    sampling with replacement, as R's ``svymean(deff = "replace")`` gives it (tests/fixtures/survey/relative_weights.R,
    R 4.2.2 and survey 4.1.1); the annex says the weights are relative, and a total is refused."""
    _relative_weights_export(tmp_path)
    (tmp_path / "rel.yaml").write_text("title: t\ndesign: {weights: poids, strata: region, clusters: village}\n"
                                       "estimates:\n  - {mean: revenu}\n  - {share: sexe, value: f}\n",
                                       encoding="utf-8")
    surveys, problems, _ = load_surveys(tmp_path)
    assert not problems, problems
    survey = surveys["rel"]
    assert 60 < survey.data["poids"].sum() < 60.01
    table = est.estimates(survey).set_index("key")
    for key, (estimate, se, deff) in R_RELATIVE.items():
        row = table.loc[key]
        assert _close(row["estimate"], estimate) and _close(row["se"], se) and _close(row["deff"], deff), (key, row)
        assert row["deff_kind"] == "wr"
    summary = est.design_summary(survey)
    assert summary["relative"]
    from helpers.annex.surveys import design_text

    assert "les poids sont relatifs" in design_text(survey, summary, "fr")
    assert "population" not in design_text(survey, summary, "en")
    (tmp_path / "rel.yaml").write_text("title: t\ndesign: {weights: poids, strata: region, clusters: village}\n"
                                       "estimates:\n  - {total: revenu}\n", encoding="utf-8")
    _, problems, _ = load_surveys(tmp_path)
    assert [(p.rule, p.column, p.severity) for p in problems] == [
        ("survey_total_relative_weights", "estimates.0.total", "error")]
    assert "relative weights" in problems[0].message and "mean instead" in problems[0].hint


@pytest.mark.parametrize("design", ["apistrat", "apiclus1"])
def test_an_fpc_without_weights_gives_the_weights_as_r_does(tmp_path, design):
    """A design with an fpc and no weights column (`design: {strata: stype, fpc: fpc}`): R's svydesign takes each
    unit's weight from the fpc (its stratum's population / the units sampled in it); the workbook estimated the
    unweighted mean (apistrat: 652.8 for R's 662.3; strata of 100 and 1,000 people, 10 asked in each, 75.4 for R's
    94.3) and refused a total. fixtures/survey/fpc_without_weights.R made the reference."""
    reference = [r for r in json.loads((FIXTURES / "fpc_without_weights.json").read_text())["rows"]
                 if r["design"] == design]
    shutil.copy(FIXTURES / f"{design}.csv", tmp_path / f"{design}.csv")
    layout = "{strata: stype, fpc: fpc}" if design == "apistrat" else "{clusters: dnum, fpc: fpc}"
    (tmp_path / f"{design}.yaml").write_text(f"title: t\ndesign: {layout}\nestimates:\n  - {{mean: api00}}\n"
                                             "  - {total: enroll}\n  - {share: awards, value: 'Yes'}\n",
                                             encoding="utf-8")
    surveys, problems, _ = load_surveys(tmp_path)
    assert not [p for p in problems if p.severity == "error"], problems
    table = est.estimates(surveys[design]).set_index("stat")
    for r in reference:
        row = table.loc[r["stat"]]
        assert _close(row["estimate"], r["estimate"]) and _close(row["se"], r["se"]), (row, r)
        assert _close(row["deff"], r["deff"]), (row["deff"], r["deff"])
        if r["stat"] != "share":   # a share's interval is the logit one (above)
            assert _close(row["ci_low"], r["ci_low"]) and _close(row["ci_high"], r["ci_high"])
    summary = est.design_summary(surveys[design])
    assert summary["fpc_weighted"] and summary["population"] == pytest.approx(reference[0]["population"], rel=1e-9)
    from helpers.annex import surveys as shown   # the annex says where the weights come from, not « not weighted »

    text = shown.design_text(surveys[design], summary, "fr")
    assert "Le fichier ne donne pas de poids : chaque réponse est pondérée par la population de sa strate (« fpc »)" \
        in text and "pas pondérées" not in text
    assert "The file gives no weights" in shown.design_text(surveys[design], summary, "en")


def test_a_subgroup_of_one_respondent_has_no_standard_error(tmp_path):
    """A subgroup (« by: region ») holding one respondent: R's survey and svy give its mean an SE of 0 (the answer
    minus itself), which the annex showed « 0,0 » beside the mean, as if it were exact. One answer says nothing of
    the variance: its SE and interval are not available, its note says why; the other subgroups are R's
    (tests/fixtures/survey/one_respondent.R)."""
    folder = tmp_path / "surveys"
    folder.mkdir()
    shutil.copy(FIXTURES / "one_respondent.csv", folder / "s.csv")
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n"
                                   "  - {mean: menage/enfants, by: region}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert problems == []
    rows = est.estimates(surveys["s"]).set_index("by_value")
    alone = rows.loc["est"]
    assert alone["estimate"] == 4 and alone["n"] == 1
    assert all(math.isnan(alone[c]) for c in ("se", "ci_low", "ci_high", "deff"))
    assert est.note_of(alone) == "a single answer: no standard error"
    for region, (mean, se, low, high, df) in {
            "nord": (1.93333333333, 0.364728419407, 1.15106867468, 2.71559799198, 14),
            "sud": (1.35714285714, 0.405891814744, 0.480266902656, 2.23401881163, 13)}.items():
        row = rows.loc[region]
        assert (row["estimate"], row["se"], row["ci_low"], row["ci_high"]) == pytest.approx((mean, se, low, high),
                                                                                            rel=1e-9)
        assert row["df"] == df


# tests/fixtures/survey/nested_skips.R: (estimate, se, CI low, CI high, deff, df), R's survey with nest = TRUE
NESTED_SKIPS_R = {
    "s:emploi/revenu|mean": (274.566860465, 13.8740533676, 240.618274856, 308.515446074, 0.790943659585, 6),
    "s:emploi/revenu|total": (94451, 7717.29667263, 75567.4553129, 113334.544687, 2.06800857074, 6),
    "s:emploi/satisfait=oui|share": (0.488372093023, 0.112655321228, 0.240535253795, 0.74206078585,
                                     1.1395154601, 6),
    "s:emploi/revenu:region=nord|mean": (275.094017094, 32.8193621822, 133.883698812, 416.304335376,
                                         1.17051890567, 2),
    "s:emploi/revenu:region=nord|total": (32186, 4544.97444071, 12630.5533161, 51741.4466839, 1.63986964295, 2),
    "s:emploi/revenu:region=sud|mean": (269.148148148, 13.5303602579, 226.088503136, 312.20779316,
                                        0.453799310376, 3),
    "s:emploi/revenu:region=sud|total": (50869, 5594.78548293, 33063.895611, 68674.104389, 2.17214284186, 3),
}


def _survey_of(tmp_path: Path, fixture: str, yaml: str) -> tuple[dict, list]:
    """The fixture's export as ``surveys/s.csv`` beside ``yaml``, loaded: (surveys, problems)."""
    folder = tmp_path / "surveys"
    folder.mkdir()
    shutil.copy(FIXTURES / f"{fixture}.csv", folder / "s.csv")
    (folder / "s.yaml").write_text(yaml, encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    return surveys, problems


def _equal_to_r(survey, reference: dict) -> dict:
    """Asserts each estimate of ``reference`` (key|stat -> estimate, se, CI low, CI high, deff, df: R's) equals
    the survey's to 1e-6; returns every row by key|stat."""
    rows = est.estimates(survey)
    found = {f"{r['key']}|{r['stat']}": r for _, r in rows.iterrows()}
    for key, (value, se, low, high, deff, df) in reference.items():
        row = found[key]
        assert (row["estimate"], row["se"], row["ci_low"], row["ci_high"], row["deff"]) == pytest.approx(
            (value, se, low, high, deff), rel=1e-6), key
        assert row["df"] == df, key
    return found


def test_cluster_codes_reused_across_strata_and_skipped_answers_equal_r(tmp_path):
    """A Kobo export whose village codes (v1, v2...) are reused in every region (R refuses the design without
    nest = TRUE) and whose income and satisfaction are asked of the employed only (empty otherwise): every estimate,
    overall and by region, equals R's survey with nest = TRUE and na.rm = TRUE (the rows not asked stay in the
    design, as a domain)."""
    surveys, problems = _survey_of(tmp_path, "nested_skips", (
        "title: t\ndesign: {weights: poids, strata: region, clusters: village, fpc: taille}\nestimates:\n"
        "  - {mean: emploi/revenu, by: region}\n  - {total: emploi/revenu, by: region}\n"
        "  - {share: emploi/satisfait, value: oui}\n"))
    assert problems == []
    _equal_to_r(surveys["s"], NESTED_SKIPS_R)
    assert est.design_summary(surveys["s"])["clusters"] == 9   # 3 + 4 + 2 villages, not the 4 codes


# tests/fixtures/survey/certainty.R: (estimate, se, CI low, CI high, deff, df)
CERTAINTY_R = {
    "s:revenu|mean": (305.306666667, 6.48898325654, 287.290360866, 323.322972467, 0.352111899483, 4),
    "s:revenu|total": (228980, 4866.73744241, 215467.77065, 242492.22935, 0.352111899483, 4),
    "s:emploi=oui|share": (0.662222222222, 0.0338478804705, 0.562934689537, 0.749011074047, 0.182667914918, 4),
    "s:revenu:region=nord|mean": (305, 10.8907453066, 258.140904978, 351.859095022, 0.366723093532, 2),
    "s:emploi=oui:region=nord|share": (0.666666666667, 0.0527046276695, 0.418893699302, 0.847304045118,
                                       0.181818181818, 2),
}


def test_a_stratum_whose_only_centre_was_taken_with_certainty_equals_r(tmp_path):
    """The region « capitale » has one training centre, taken with certainty (fpc 1 beside 8 and 6): the fpc 1 was
    refused as « mixes sampling fractions (at most 1) and population sizes » (R reads it as a population of 1), and
    its single centre would have been refused as a lonely stratum, though it adds no variance. The estimates equal
    R's; the capitale's own subgroup, inside one first-stage unit (R: SE 0, df 0), has no SE nor interval."""
    surveys, problems = _survey_of(tmp_path, "certainty", (
        "title: t\ndesign: {weights: poids, strata: region, clusters: centre, fpc: taille}\nestimates:\n"
        "  - {mean: revenu, by: region}\n  - {total: revenu}\n  - {share: emploi, value: oui, by: region}\n"))
    # its 5 respondents weigh 10: drawn within the centre, a variance the first stage does not count (below)
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_whole_subsampled", "warning", 32, "taille")]
    found = _equal_to_r(surveys["s"], CERTAINTY_R)
    for key, value in (("s:revenu:region=capitale|mean", 297.2), ("s:emploi=oui:region=capitale|share", 0.6)):
        row = found[key]
        assert row["estimate"] == pytest.approx(value) and row["df"] == 0 and math.isnan(row["se"])
        assert est.note_of(row) == "df 0, a single unit of the first stage: no standard error"


# tests/fixtures/survey/one_village.R: (estimate, se, CI low, CI high, deff, df)
ONE_VILLAGE_R = {
    "s:revenu:programme=formation|mean": (300.753539908, 24.6018826801, 222.45936927, 379.047710546,
                                          0.660374813689, 3),
    "s:revenu:programme=formation|total": (204118.42, 49777.8039624, 45703.2316948, 362533.608305, 5.86924691658,
                                           3),
    "s:emploi=oui:programme=formation|share": (0.476756693041, 0.0858888040104, 0.233481827662, 0.731583912459,
                                               0.578917410854, 3),
}


def test_a_subgroup_inside_one_village_of_several_has_no_standard_error(tmp_path):
    """A programme run in one of the three villages drawn in its region: its subgroup lies inside one first-stage
    unit. Its mean and share had an SE of 1.9e-14 and 2.3e-17 (the residuals adding up to 0 in that village, R's
    figure too) and a design effect of 6e-32, shown « 0,0 » and « 0,00 » beside the mean, as if exact: the check of
    an exact 0 (a unit taken with certainty) missed them. They now have no SE, interval nor design effect, with the
    note saying why; the total keeps R's SE (the variance between the region's villages) without an interval
    (0 degrees of freedom), and the other subgroup equals R's (tests/fixtures/survey/one_village.R)."""
    surveys, problems = _survey_of(tmp_path, "one_village", (
        "title: t\ndesign: {weights: poids, strata: region, clusters: village, fpc: taille}\nestimates:\n"
        "  - {mean: revenu, by: programme}\n  - {total: revenu, by: programme}\n"
        "  - {share: emploi, value: oui, by: programme}\n"))
    assert problems == []
    found = _equal_to_r(surveys["s"], ONE_VILLAGE_R)
    for key, value in (("s:revenu:programme=apprentissage|mean", 359.763442136),
                       ("s:emploi=oui:programme=apprentissage|share", 0.515845697329)):
        row = found[key]
        assert row["estimate"] == pytest.approx(value, rel=1e-9) and row["df"] == 0, key
        assert all(math.isnan(row[c]) for c in ("se", "ci_low", "ci_high", "deff")), key
        assert est.note_of(row) == "df 0, a single unit of the first stage: no standard error"
    total = found["s:revenu:programme=apprentissage|total"]
    assert (total["estimate"], total["se"]) == pytest.approx((60620.14, 50718.4479409), rel=1e-6)
    assert math.isnan(total["ci_low"]) and math.isnan(total["ci_high"]) and total["df"] == 0


def test_the_annex_says_each_n_d_with_its_own_reason_right_under_the_table(tmp_path):
    """The survey table's n.d. got the general note « Erreur type : non renseigné dans les données de suivi, ou non
    calculable ; IC bas : ... » first (a reader read the vague one first, and for a subgroup inside one village,
    a single answer or a share of 100 % it was all there was). Each estimate showing n.d. now has one note with its
    own reason (the table's general note is left out: tests/annex/test_annex_api.py)."""
    from helpers.annex import surveys as shown

    surveys, _ = _survey_of(tmp_path, "one_village", (
        "title: t\ndesign: {weights: poids, strata: region, clusters: village, fpc: taille}\nestimates:\n"
        "  - {mean: revenu, by: programme}\n  - {total: revenu, by: programme}\n"
        "  - {share: emploi, value: oui, by: programme}\n"))
    table = shown.display_table(est.estimates(surveys["s"]), surveys["s"], "fr")
    assert shown.not_available(table, surveys["s"], "fr") == [
        "« revenu (moyenne) » (programme : apprentissage) : erreur type, intervalle de confiance et effet de plan n.d., "
        "car le sous-groupe est tout entier dans une seule grappe (« village ») : la variance ne peut pas y être "
        "mesurée (0 degré de liberté).",
        "« revenu (total) » (programme : apprentissage) : intervalle de confiance n.d., car l'estimation repose sur 0 "
        "degré de liberté : pas d'intervalle.",
        "« emploi : oui (part) » (programme : apprentissage) : erreur type, intervalle de confiance et effet de plan "
        "n.d., car le sous-groupe est tout entier dans une seule grappe (« village ») : la variance ne peut pas y être "
        "mesurée (0 degré de liberté)."]
    english = shown.not_available(shown.display_table(est.estimates(surveys["s"]), surveys["s"], "en"), surveys["s"],
                                  "en")
    assert english[1] == ("'revenu (total)' (programme: apprentissage): confidence interval n/a, since the estimate "
                          "rests on 0 degrees of freedom: no interval.")
    everyone = table.iloc[:1].assign(stat="share", estimate=100.0, se=0.0, ci_low=2.5, ci_high=100.0, deff=math.nan,
                                     n=1)
    assert shown.not_available(everyone, surveys["s"], "fr")[0].endswith(
        "effet de plan n.d., car une part de 0 % ou de 100 % n'a de variance ni dans le plan ni dans un tirage "
        "aléatoire simple (0/0).")


# tests/fixtures/survey/relative_rejected.R: (estimate, SE, design effect with replacement)
R_RELATIVE_REJECTED = {"s:revenu": (302.7009324688065, 5.933809917754663, 0.4606379534776229),
                       "s:sexe=f": (0.5361452987453268, 0.06410608608671363, 0.9088594966894065)}


def test_relative_weights_of_every_submission_stay_relative_when_some_are_rejected(tmp_path):
    """Weights normalised to a mean of 1 over the 60 submissions exported, 4 of them « Not Approved » at review: the
    56 kept add up to 57.7, which was read as a population of 57.7 people: the design effects against sampling
    without replacement from it came out 15.7 (mean) and 30.9 (share) for R's 0.46 and 0.91 with replacement, and a
    total of the sample was given as the population's. The weights of every submission exported say they are
    relative: the design effect is R's ``deff = "replace"`` (tests/fixtures/survey/relative_rejected.R) and the total
    is refused."""
    shutil.copy(FIXTURES / "relative_rejected.csv", tmp_path / "s.csv")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: {weights: poids, strata: region, clusters: village}\n"
                                     "estimates:\n  - {mean: revenu}\n  - {share: sexe, value: f}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(tmp_path)
    assert not [p for p in problems if p.severity == "error"], problems
    survey = surveys["s"]
    assert survey.rejected == 4 and 57 < survey.data["poids"].sum() < 58 and len(survey.data) == 56
    table = est.estimates(survey).set_index("key")
    for key, (estimate, se, deff) in R_RELATIVE_REJECTED.items():
        row = table.loc[key]
        assert _close(row["estimate"], estimate) and _close(row["se"], se) and _close(row["deff"], deff), (key, row)
        assert row["deff_kind"] == "wr"
    assert est.design_summary(survey)["relative"]
    (tmp_path / "s.yaml").write_text("title: t\ndesign: {weights: poids, strata: region, clusters: village}\n"
                                     "estimates:\n  - {total: revenu}\n", encoding="utf-8")
    _, problems, _ = load_surveys(tmp_path)
    refused = [p for p in problems if p.severity == "error"]
    assert [(p.rule, p.column) for p in refused] == [("survey_total_relative_weights", "estimates.0.total")]
    assert "57.7 for 56 respondents (60 for the 60 submissions exported, 4 of them left out)" in refused[0].message


# tests/fixtures/survey/certainty.R, « second stage »: (estimate, se, CI low, CI high, deff, df)
CERTAINTY_SECOND_STAGE_R = {
    "s:revenu|mean": (305.306666667, 6.67522761437, 289.913564184, 320.699769149, 0.372614330076, 8),
    "s:revenu|total": (228980, 5006.42071078, 217435.173138, 240524.826862, 0.372614330076, 8),
    "s:revenu:region=capitale|mean": (297.2, 23.4871454204, 231.989230062, 362.410769938, 1, 4),
}


def test_a_centre_taken_with_certainty_whose_trainees_were_drawn_is_told_with_how_to_count_them(tmp_path):
    """The capitale's only centre was taken with certainty (fpc 1), and its 5 respondents weigh 10: drawn among its
    50 trainees. The first stage alone counts no variance of that drawing: the capitale added nothing to the SE
    (6.49 for 6.68) and its own subgroup had none, without a word. A warning names the stratum and says how to
    count it; written so (each respondent its own cluster there, fpc 50), the estimates equal R's
    (tests/fixtures/survey/certainty.R) and nothing is told."""
    folder = tmp_path / "surveys"
    folder.mkdir()
    yaml = ("title: t\ndesign: {weights: poids, strata: region, clusters: centre, fpc: taille}\nestimates:\n"
            "  - {mean: revenu, by: region}\n  - {total: revenu}\n")
    shutil.copy(FIXTURES / "certainty.csv", folder / "s.csv")
    (folder / "s.yaml").write_text(yaml, encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    told = [p for p in problems if p.rule == "survey_whole_subsampled"]
    assert len(told) == 1 and told[0].value == "1" and "'capitale'" in told[0].message
    assert "5 respondents stand for 50 people" in told[0].message and "(50, what its weights add up to)" in \
        told[0].hint
    lines = (FIXTURES / "certainty.csv").read_text(encoding="utf-8").splitlines()
    rewritten = [lines[0]] + [";".join([f[0], *f[1:4], f[0], "50", *f[6:]]) if f[3] == "capitale" else line
                              for line, f in ((line, line.split(";")) for line in lines[1:])]
    (folder / "s.csv").write_text("\n".join(rewritten) + "\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert problems == []
    _equal_to_r(surveys["s"], CERTAINTY_SECOND_STAGE_R)


# tests/fixtures/survey/domain_unanswered.R: (estimate, se, CI low, CI high, deff, df)
DOMAIN_UNANSWERED_R = {
    "s:revenu:sexe=femme|mean": (241.650360762, 10.366578232, 215.002223061, 268.298498463, 0.316808364615, 5),
    "s:revenu:sexe=femme|total": (149037.86, 51463.2120526, 16747.461894, 281328.258106, 20.5258543288, 5),
    "s:emploi=oui:sexe=femme|share": (0.627984595635, 0.0926109098354, 0.378612438858, 0.823842753156,
                                      0.71502144299, 5),
}


def test_a_subgroup_with_a_village_unanswered_has_r_s_degrees_of_freedom(tmp_path):
    """Women live in 7 of the 12 villages drawn (2 regions); the 5 women of one village left the income empty, the
    one woman of another the employment. The degrees of freedom counted only the villages with an answer (4: the
    income's interval 212.9 to 270.4, the share's 36.0 % to 83.5 %); R's degf of the women's subset counts the 7
    villages with women, answered or not, minus their 2 regions (5: 215.0 to 268.3, 37.9 % to 82.4 %), as the
    unanswered rows stay in the design."""
    surveys, problems = _survey_of(tmp_path, "domain_unanswered", (
        "title: t\ndesign: {weights: poids, strata: region, clusters: village}\nestimates:\n"
        "  - {mean: revenu, by: sexe}\n  - {total: revenu, by: sexe}\n  - {share: emploi, value: oui, by: sexe}\n"))
    assert problems == []
    found = _equal_to_r(surveys["s"], DOMAIN_UNANSWERED_R)
    assert found["s:revenu:sexe=femme|mean"]["n"] == 16 and found["s:emploi=oui:sexe=femme|share"]["n"] == 20


def test_a_subgroup_answering_in_one_village_of_two_has_no_standard_error(tmp_path):
    """A programme in two villages of one region, its respondents of one village with the income empty: R's degf of
    the subgroup is 1 (tests/fixtures/survey/answers_one_village.R), but its answers lie in one village, whose
    residuals add up to 0 (R's SE 2e-14). With the degrees of freedom counted as R does, the check of an SE of 0 on
    0 degrees of freedom missed it: the mean showed an SE of « 0,0 » and an interval of 252.5 to 252.5. It has no SE
    nor interval, with the note saying why; the total keeps R's SE and its interval on R's 1 degree of freedom."""
    surveys, problems = _survey_of(tmp_path, "answers_one_village", (
        "title: t\ndesign: {weights: poids, strata: region, clusters: village}\nestimates:\n"
        "  - {mean: revenu, by: programme}\n  - {total: revenu, by: programme}\n"))
    assert problems == []
    found = {f"{r['key']}|{r['stat']}": r for _, r in est.estimates(surveys["s"]).iterrows()}
    mean = found["s:revenu:programme=formation|mean"]
    assert mean["estimate"] == pytest.approx(252.489919355, rel=1e-9) and mean["df"] == 1 and mean["n"] == 3
    assert all(math.isnan(mean[c]) for c in ("se", "ci_low", "ci_high", "deff"))
    assert est.note_of(mean) == "answers from a single unit of the first stage: no standard error"
    total = found["s:revenu:programme=formation|total"]
    assert (total["estimate"], total["se"], total["ci_low"], total["ci_high"]) == pytest.approx(
        (12523.5, 12523.5, -146602.655013, 171649.655013), rel=1e-9) and total["df"] == 1


# tests/fixtures/survey/zero_weights.R: (estimate, se, CI low, CI high, deff, df)
ZERO_WEIGHTS_R = {
    "s:emploi/revenu|mean": (218.84083045, 18.5680895081, 167.287549222, 270.394111678, 1.37238495624, 4),
    "s:emploi/revenu|total": (126490, 23188.6789116, 62107.9059398, 190872.09406, 6.4067509806, 4),
    "s:emploi/statut=oui|share": (0.647058823529, 0.0466171052187, 0.509846231196, 0.763665481666, 0.322942962529, 4),
    "s:emploi/revenu:identification/sexe=f|mean": (220.228373702, 20.724065106, 162.689144579, 277.767602826,
                                                   0.918602342776, 4),
    "s:emploi/revenu:identification/sexe=f|total": (63646, 15884.8598147, 19542.5587207, 107749.441279,
                                                    6.46172900181, 4),
    "s:emploi/revenu:identification/sexe=h|mean": (217.453287197, 25.3900948667, 146.959082584, 287.94749181,
                                                   1.12493812355, 4),
}


def test_weights_of_zero_are_read_as_r_reads_them(tmp_path):
    """Respondents kept in the export with a weight of 0 (3 here and there, and a whole village found out of scope)
    were refused (survey_weight « not greater than 0 »); R's svydesign takes them as sampled units outside the
    population: no estimate nor n counts them, nor the degrees of freedom (7 villages, one all 0, in 2 regions: 4),
    but they stay in their stratum's variance (a total's SE 23 189, not the 0-free export's). Every figure equals
    R's, with a warning naming their rows."""
    surveys, problems = _survey_of(tmp_path, "zero_weights", (
        "title: t\ndesign: {weights: poids, strata: region, clusters: village}\nestimates:\n"
        "  - {mean: emploi/revenu, by: identification/sexe}\n  - {total: emploi/revenu, by: identification/sexe}\n"
        "  - {share: emploi/statut, value: oui}\n"))
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_weight_zero", "warning", 3, "poids")], problems
    assert "9 respondents have a weight of 0 (rows 3, 14, 15, 16, 17, 18, 19, 22, 42)" in problems[0].message
    found = _equal_to_r(surveys["s"], ZERO_WEIGHTS_R)
    assert found["s:emploi/revenu|mean"]["n"] == 33   # R's sum(weights(d) > 0)
    # the annex's design paragraph said « 42 personnes ont répondu » beside estimates of 33, and nothing of why
    from helpers.analyses.surveys import design_summary
    from helpers.annex.surveys import design_text

    said = design_text(surveys["s"], design_summary(surveys["s"]), "fr")
    assert "42 personnes ont répondu. Parmi elles, 9 ont un poids nul" in said, said


def test_every_weight_of_zero_is_refused(tmp_path):
    folder = tmp_path / "surveys"
    folder.mkdir()
    text = (FIXTURES / "zero_weights.csv").read_text(encoding="utf-8").splitlines()
    (folder / "s.csv").write_text("\n".join([text[0]] + [line.rsplit(";", 1)[0] + ";0" for line in text[1:]]) + "\n",
                                  encoding="utf-8")
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: emploi/revenu}\n",
                                   encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert surveys == {} and [(p.rule, p.severity) for p in problems] == [("survey_weight", "error")], problems


# tests/fixtures/survey/ratio.R: (estimate, se, CI low, CI high, deff, df)
RATIO_R = {
    "s:depenses/mois:per:menage/membres|ratio": (114.916448153, 4.61454486649, 104.004783451, 125.828112854,
                                                 0.779902284783, 7),
    "s:menage/actifs:per:menage/membres|ratio": (0.514121699196, 0.0593981121534, 0.3736674827, 0.654575915693,
                                                 0.978727776989, 7),
    "s:depenses/mois:per:menage/membres:menage/sexe_chef=f|ratio": (131.753066231, 14.5408844966, 96.1728036298,
                                                                    167.333328831, 2.16184926158, 6),
    "s:depenses/mois:per:menage/membres:menage/sexe_chef=h|ratio": (107.988055182, 7.65676806253, 89.8826757322,
                                                                    126.093434631, 1.67173795046, 7),
}


def test_a_ratio_of_two_questions_equals_r_svyratio(tmp_path):
    """The spend per household member and the workers per member ({ratio: ..., per: ...}) were refused (« the
    workbook gives no ratio »); they are R's svyratio: the total of one / the total of the other over the households
    answering both (an empty or n/a term leaves the ratio, the household stays in the design), overall and by the
    head's sex, estimate, SE, t interval on the domain's df and design effect equal to R's."""
    surveys, problems = _survey_of(tmp_path, "ratio", (
        "title: t\ndesign: {weights: poids, strata: region, clusters: village}\nestimates:\n"
        "  - {ratio: depenses/mois, per: menage/membres, by: menage/sexe_chef}\n"
        "  - {ratio: menage/actifs, per: menage/membres}\n"))
    assert [p.rule for p in problems] == ["survey_skipped"], problems
    found = _equal_to_r(surveys["s"], RATIO_R)
    assert found["s:depenses/mois:per:menage/membres|ratio"]["n"] == 42   # 45 less a member count and 2 spends
    assert found["s:menage/actifs:per:menage/membres|ratio"]["n"] == 44


def test_ratio_and_per_go_together_and_per_names_a_column(tmp_path):
    folder = tmp_path / "surveys"
    folder.mkdir()
    shutil.copy(FIXTURES / "ratio.csv", folder / "s.csv")
    (folder / "s.yaml").write_text("title: t\nestimates:\n  - {ratio: depenses/mois}\n  - {mean: depenses/mois, "
                                   "per: menage/membres}\n", encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    assert [(p.rule, p.column) for p in problems] == [("bad_value", "estimates.0"), ("bad_value", "estimates.1")]
    assert all("'ratio' and 'per' go together" in p.message for p in problems), problems
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n"
                                   "  - {ratio: depenses/mois, per: menage/membre}\n", encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    assert [(p.rule, p.column, p.value) for p in problems if p.severity == "error"] == [
        ("survey_column_missing", "estimates.0.per", "menage/membre")], problems


def test_a_ratio_is_in_figures_csv_and_named_in_the_annex(tmp_path):
    """A ratio's row of figures.csv (survey_ratio, its key with ':per:', its deff keyed ':ratio') and its name in the
    annex's table, « <numerator> par <denominator> »."""
    from helpers.analyses.figures import survey_figures
    from helpers.annex import surveys as annex

    surveys, _ = _survey_of(tmp_path, "ratio", "title: t\ndesign: {weights: poids, strata: region, clusters: village}"
                            "\nestimates:\n  - {ratio: depenses/mois, per: menage/membres}\n")
    figures = survey_figures(surveys).set_index(["metric", "key"])
    row = figures.loc[("survey_ratio", "s:depenses/mois:per:menage/membres")]
    assert row["value"] == pytest.approx(114.916448153, rel=1e-9) and row["unit"] == "ratio" and row["n"] == 42
    assert figures.loc[("survey_deff", "s:depenses/mois:per:menage/membres:ratio"), "value"] == pytest.approx(
        0.779902284783, rel=1e-9)
    table = annex.display_table(est.estimates(surveys["s"]), surveys["s"], "fr")
    assert list(table["question"]) == ["depenses/mois par menage/membres"]
    assert list(table["statistic"]) == ["Ratio"]


# tests/fixtures/survey/ratio_zero.R: (estimate, se, CI low, CI high, df); R's deff is not asked
RATIO_ZERO_R = {
    "s:depenses/mois:per:menage/actifs": (270.797416163, 31.6860027149, 195.871925707, 345.722906618, 7),
    "s:depenses/mois:per:menage/actifs:menage/statut=avec_actif": (169.700109951, 13.2394373574, 138.393815298,
                                                                   201.006404603, 7),
}


def test_a_ratio_whose_denominator_is_0_in_a_subgroup_is_not_computed_and_says_why(tmp_path):
    """The spend per worker by the household's status: the households without a worker have 0 workers on every row
    (R's svyratio: Inf, SE NaN). The annex showed n.d. beside n 17 under the table's general « non renseigné ...,
    ou non calculable », and figures.csv's note said « answers from a single unit of the first stage: no standard
    error », which is not why. The ratio is n.d., its n the 17 answers (R's), the note says the denominator is 0,
    and the annex says so in French; the other subgroup and the whole equal R's."""
    from helpers.annex import surveys as shown

    surveys, problems = _survey_of(tmp_path, "ratio_zero", (
        "title: t\ndesign: {weights: poids, strata: region, clusters: village}\nestimates:\n"
        "  - {ratio: depenses/mois, per: menage/actifs, by: menage/statut}\n"))
    assert [p.rule for p in problems] == ["survey_skipped"], problems
    rows = est.estimates(surveys["s"]).set_index("key")
    for key, (value, se, low, high, df) in RATIO_ZERO_R.items():
        assert tuple(rows.loc[key, ["estimate", "se", "ci_low", "ci_high"]]) == pytest.approx((value, se, low, high),
                                                                                               rel=1e-6), key
        assert rows.loc[key, "df"] == df, key
    none = rows.loc["s:depenses/mois:per:menage/actifs:menage/statut=sans_actif"]
    assert math.isnan(none["estimate"]) and math.isnan(none["se"]) and none["n"] == 17 and none["df"] == 7
    assert est.note_of(none) == "the denominator is 0 for every answer: no ratio (a division by 0)"
    said = shown.not_available(shown.display_table(est.estimates(surveys["s"]), surveys["s"], "fr"),
                               surveys["s"], "fr")
    assert said == ["« depenses/mois par menage/actifs (ratio) » (menage/statut : sans_actif) : n.d., car "
                    "« menage/actifs » vaut 0 dans chacune de ses 17 réponses : le ratio n'existe pas (division par 0)."
                    ], said
