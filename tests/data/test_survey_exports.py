"""Reading a KoboToolbox / ODK export (helpers.data.surveys): the sample's synthetic tracer survey, the same answers
exported as CSV, the Washington Group cut-off, and a broken survey whose every problem is reported at once."""

import shutil

import numpy as np
import pandas as pd
import pytest

from helpers.analyses import surveys as est
from helpers.data.loader import check_project
from helpers.data.surveys import load_surveys, wg_disability
from helpers.data.synthetic_survey import NAME, make_tracer_survey, write_tracer_survey
from helpers.paths import DATA_DIR


@pytest.fixture(scope="module")
def sample():
    surveys, problems, files = load_surveys(DATA_DIR / "amem" / "surveys")
    assert problems == []
    return surveys[NAME]


def test_the_committed_sample_is_what_the_generator_writes(tmp_path):
    write_tracer_survey(tmp_path)
    assert (tmp_path / f"{NAME}.yaml").read_text() == (DATA_DIR / "amem" / "surveys" / f"{NAME}.yaml").read_text()
    fresh = load_surveys(tmp_path)[0][NAME].data
    pd.testing.assert_frame_equal(fresh, load_surveys(DATA_DIR / "amem" / "surveys")[0][NAME].data)


def test_the_kobo_export_is_read_with_its_repeat_group_form_labels_and_select_multiple(sample):
    submissions, jobs = make_tracer_survey()
    assert len(sample.data) == len(submissions) == 180
    # the repeat sheet joined by _parent_index: jobs per trainee
    counts = jobs.groupby("_parent_index").size().reindex(submissions["_index"], fill_value=0).to_numpy()
    np.testing.assert_array_equal(sample.data["emplois/_count"].to_numpy(), counts)
    assert sample.data["emplois/_count"].sum() == len(jobs)
    assert sample.label("emploi/revenu", "fr") == "Revenu mensuel (EUR)"
    assert sample.label("emploi/revenu", "en") == "Monthly earnings (EUR)"
    assert sample.value_label("identification/sexe", "f", "fr") == "Femme"
    assert sample.value_label("competences", "numerique", "en") == "Digital"
    assert sample.multiple["competences"] == ["langue", "numerique", "securite", "metier", "droits"]
    assert sample.sex == ("identification/sexe", "f")
    # a trainee who chose no skill: the 0/1 columns say "none chosen" (0), not "not asked"
    none = submissions["competences"].isna()
    assert none.any() and (sample.indicator("competences", "langue")[none.to_numpy()] == 0).all()


def test_a_csv_export_with_only_the_option_columns_gives_the_same_shares(tmp_path, sample):
    """KoboToolbox's CSV: ';' separated, no repeat sheet; here the select_multiple as its 0/1 columns only."""
    submissions, _ = make_tracer_survey()
    submissions.drop(columns=["competences"]).to_csv(tmp_path / "csv_copy.csv", sep=";", index=False)
    (tmp_path / "csv_copy.yaml").write_text(
        "title: copie\ndesign: {weights: poids, strata: identification/pays, clusters: identification/centre}\n"
        "estimates:\n  - {share: competences}\n  - {share: emploi/emploi_actuel, value: oui, by: wg_disability}\n")
    surveys, problems, _ = load_surveys(tmp_path)
    assert problems == []
    mine = est.estimates(surveys["csv_copy"]).set_index("key")
    theirs = est.estimates(sample).set_index("key")
    for option in ("langue", "numerique", "securite", "metier", "droits"):
        for column in ("estimate", "se", "ci_low", "ci_high", "deff"):
            assert mine.loc[f"csv_copy:competences={option}", column] == pytest.approx(
                theirs.loc[f"{NAME}:competences={option}", column], rel=1e-9)
    assert mine.loc["csv_copy:emploi/emploi_actuel=oui:wg_disability=1", "n"] == 8


def test_the_washington_group_cut_off():
    answers = pd.DataFrame([
        [1, 1, 1, 1, 1, 1],      # no difficulty: 0
        [2, 2, 1, 2, 1, 1],      # some difficulty only: 0
        [1, 3, 1, 1, 1, 1],      # a lot of difficulty in one domain: 1
        [1, 1, 1, 1, 4, 9],      # cannot do at all, another not ascertained: 1
        [1, 2, 1, 9, 1, 1],      # no 3/4 but a domain not ascertained: unknown
        ["1", "1", "1", "1", "1", None],  # not asked: unknown
    ])
    result = wg_disability(answers)
    assert result.iloc[:4].tolist() == ["0", "0", "1", "1"] and result.iloc[4:].isna().all()


def test_share_with_a_disability_and_women_are_design_based(sample):
    head = est.headline(sample).set_index("key")
    women = head.loc[f"{NAME}:identification/sexe=f"]
    data = sample.data
    weighted = (data["poids"] * data["identification/sexe"].eq("f")).sum() / data["poids"].sum()
    assert women["estimate"] == pytest.approx(weighted, rel=1e-12)
    assert women["ci_low"] < weighted < women["ci_high"] and women["df"] == 15 - 3
    disabled = head.loc[f"{NAME}:wg_disability=1"]
    assert disabled["n"] == 180 and 0 < disabled["estimate"] < 0.1


BROKEN_YAML = """title: enquête cassée
design: {weights: poids, strata: region, clusters: village, fpc: taille_pop}
estimates:
  - {mean: revenu}
  - {mean: revenus}
  - {share: emploi, value: "oui"}
  - {share: emploi, value: "peut-être"}
"""


def test_a_broken_survey_gets_every_problem_at_once_with_its_place(tmp_path):
    from sample_layout import sample_layout

    layout = sample_layout(tmp_path, ["ensemble"], notebooks=None)
    folder = layout.data / "amem" / "surveys"
    shutil.rmtree(folder)
    folder.mkdir()
    rows = []
    for region, villages in (("nord", ["n1", "n2", "n3"]), ("sud", ["s1", "s2", "s3"]), ("est", ["e1"])):
        for village in villages:
            for k in range(4):
                rows.append({"region": region, "village": village, "revenu": 100 + k, "emploi": "oui" if k else "non",
                             "poids": 10.0, "taille_pop": {"nord": 8, "sud": 2, "est": 5}[region],
                             "_index": len(rows) + 1, "_uuid": f"u{len(rows)}"})
    frame = pd.DataFrame(rows)
    frame.loc[2, "poids"] = None      # row 4 of the file
    frame.loc[5, "poids"] = -1.0      # row 7
    frame.to_csv(folder / "cassee.csv", index=False)
    (folder / "cassee.yaml").write_text(BROKEN_YAML, encoding="utf-8")
    problems = [p for p in check_project("amem", layout.data, layout.params) if "cassee" in p.file]
    found = {(p.rule, p.file.split("/")[-1], p.row, p.column, p.value) for p in problems if p.severity == "error"}
    assert ("survey_weight", "cassee.csv", 4, "poids", None) in found
    assert ("survey_weight", "cassee.csv", 7, "poids", "-1.0") in found
    assert ("survey_column_missing", "cassee.yaml", None, "estimates.1.mean", "revenus") in found
    assert ("survey_fpc_below_sample", "cassee.csv", 14, "taille_pop", "2.0") in found    # 3 villages, fpc 2
    assert ("survey_single_cluster", "cassee.csv", 26, "region", "est") in found
    assert ("survey_value_absent", "cassee.yaml", None, "estimates.3.value", "peut-être") in found
    assert len(found) == 6, found
    missing = next(p for p in problems if p.rule == "survey_column_missing")
    assert "Did you mean 'revenu'?" in missing.hint
    absent = next(p for p in problems if p.rule == "survey_value_absent")
    assert "Values found: non, oui." in absent.hint


def test_unknown_yaml_keys_are_refused_with_a_did_you_mean(tmp_path):
    shutil.copy(DATA_DIR / "amem" / "surveys" / f"{NAME}.xlsx", tmp_path / "s.xlsx")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: {weight: poids}\nestimates:\n  - {mean: a, valeur: 1}\n")
    _, problems, _ = load_surveys(tmp_path)
    assert {(p.rule, p.column) for p in problems} == {("unknown_key", "design.weight"),
                                                      ("unknown_key", "estimates.0.valeur")}
    assert "Did you mean 'weights'?" in next(p.hint for p in problems if p.column == "design.weight")


def test_a_survey_is_read_within_the_limits_of_every_input(tmp_path):
    """A survey's YAML, export and form go through the same guarded reading as the tables (issue 19): a duplicate
    key, an alias bomb, a pipe for the export, a form that unpacks to a zip bomb are located problems, at once."""
    import os
    import zipfile

    (tmp_path / "dup.yaml").write_text("title: a\ntitle: b\nestimates:\n  - {mean: x}\n")
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdef", "bcdefg"))
    (tmp_path / "bomb.yaml").write_text(bomb)
    (tmp_path / "piped.yaml").write_text("title: t\nestimates:\n  - {mean: x}\n")
    os.mkfifo(tmp_path / "piped.csv")
    shutil.copy(DATA_DIR / "amem" / "surveys" / f"{NAME}.xlsx", tmp_path / "formed.xlsx")
    (tmp_path / "formed.yaml").write_text("title: t\nform: formed.form.xlsx\nestimates:\n  - {mean: x}\n")
    with zipfile.ZipFile(tmp_path / "formed.form.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))   # 300 MiB of zeros: ~300 KB
    _, problems, _ = load_surveys(tmp_path)   # returns: nothing hangs on the pipe
    rules = {(p.file.rsplit("/", 1)[-1], p.rule) for p in problems}
    assert {("dup.yaml", "duplicate_key"), ("bomb.yaml", "yaml_aliases"), ("piped.csv", "not_a_file"),
            ("formed.form.xlsx", "zip_bomb")} <= rules, rules
