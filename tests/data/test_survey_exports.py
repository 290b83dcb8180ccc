"""Reading a KoboToolbox / ODK export (helpers.data.surveys): the sample's synthetic tracer survey, the same answers
exported as CSV, the Washington Group cut-off, and a broken survey whose every problem is reported at once."""

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers.analyses import surveys as est
from helpers.data import numbers
from helpers.data.loader import check_project
from helpers.data.surveys import load_surveys, wg_disability
from helpers.data.synthetic_survey import NAME, make_tracer_survey, write_tracer_survey
from helpers.paths import DATA_DIR

FIXTURES = Path(__file__).parents[1] / "fixtures" / "survey"


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
    # without the form, those who chose no skill (0 everywhere; every trainee was asked) are told: the export alone
    # cannot tell them from the skip logic's blanks filled with 0
    assert [(p.rule, p.column) for p in problems] == [("survey_multiple_all_zero", "competences/langue")]
    assert "If they were asked and chose none, nothing needs doing." in problems[0].hint
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
    assert ("survey_fpc_below_sample", "cassee.csv", 14, "taille_pop", "2") in found    # 3 villages, fpc 2
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


def test_a_median_or_post_strata_are_said_not_offered_not_a_neighbouring_key(tmp_path):
    """« {median: revenu} » was refused with « Did you mean 'mean'? », and « design: {poststrata: sexe} » with « Did
    you mean 'strata'? »: followed, the annex gives the mean for the median (the mean income of a skewed
    distribution), or takes the post-strata as the strata the sample was drawn in (another SE, weights not
    adjusted). The hint now says the workbook does neither and what to do, in French too."""
    from helpers.pipeline.messages import translated

    shutil.copy(DATA_DIR / "amem" / "surveys" / f"{NAME}.xlsx", tmp_path / "s.xlsx")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: {weights: poids, postStrata: identification/sexe}\n"
                                     "estimates:\n  - {median: emploi/revenu}\n", encoding="utf-8")
    _, problems, _ = load_surveys(tmp_path)
    hints = {p.column: p.hint for p in problems if p.rule == "unknown_key"}
    assert set(hints) == {"design.postStrata", "estimates.0.median"}, problems
    assert "Did you mean" not in " ".join(hints.values())
    assert "no median nor quantile" in hints["estimates.0.median"]
    assert "does not post-stratify" in hints["design.postStrata"] and "already adjusted" in hints["design.postStrata"]
    french = {p.column: translated(p, "fr").hint for p in problems if p.rule == "unknown_key"}
    assert french["estimates.0.median"].startswith("Le classeur ne calcule ni médiane")
    assert french["design.postStrata"].startswith("Le classeur ne post-stratifie pas")


@pytest.mark.parametrize("key, said, french", [
    ("design: {weights: poids, ids: identification/centre}", "are named in 'clusters'", "se nomment dans 'clusters'"),
    ("design: {psu: identification/centre}", "are named in 'clusters'", "se nomment dans 'clusters'"),
    ("design: {probs: poids}", "the inverse of the probability", "l'inverse de la probabilité"),
    ("design: {weights: poids, nest: true}", "always read within their stratum", "toujours lus dans leur strate"),
    ("phase2: {weights: poids}", "does not estimate two-phase designs", "n'estime pas les plans à deux phases"),
    ("design: {weights: poids, repweights: poids}", "does not use replicate weights", "n'utilise pas de poids répl"),
    ("estimates:\n  - {rapport: emploi/revenu, par: identification/age}", "is written {ratio: <numerator>, per:",
     "s'écrit {ratio: <numérateur>, per:"),
    # a baseline and an endline compared: was « Remove this line » (in English in a French project)
    ("estimates:\n  - {mean: emploi/revenu, compare: baseline}", "does not compare two surveys",
     "ne compare ni deux enquêtes"),
    ("estimates:\n  - {difference: emploi/revenu}", "sqrt(se1^2 + se2^2)", "racine(et1² + et2²)"),
])
def test_r_s_design_names_and_what_the_workbook_does_not_do_are_said(tmp_path, key, said, french):
    """R's svydesign names in the YAML (« ids: village », « psu: », « probs: ») were told « Remove this line »: removed,
    the clusters are left out (each respondent taken as drawn alone: SEs too small) or the probabilities never turned
    into weights; « repweights » was told « Did you mean 'weights'? » (the replicate weights read as the weights), and
    a two-phase design (R's twophase) « Remove this line », with no word that the workbook does not do it; a ratio
    written in French (« {rapport: depenses, par: membres} ») is led to {ratio: ..., per: ...}. Each hint now says
    where the column goes, or that the workbook does not do it and what to do, in French too."""
    from helpers.pipeline.messages import translated

    shutil.copy(DATA_DIR / "amem" / "surveys" / f"{NAME}.xlsx", tmp_path / "s.xlsx")
    (tmp_path / "s.yaml").write_text(f"title: t\n{key}\n", encoding="utf-8")
    _, problems, _ = load_surveys(tmp_path)
    unknown = [p for p in problems if p.rule == "unknown_key"]
    assert unknown and all(said in p.hint and p.hint != "Remove this line." for p in unknown), \
        [(p.column, p.hint) for p in problems]
    assert all("Did you mean" not in p.hint for p in unknown)
    assert all(translated(p, "fr").hint.count(french) == 1 for p in unknown), [translated(p, "fr").hint for p in unknown]


def test_an_unknown_key_without_a_neighbour_is_told_to_remove_in_french(tmp_path):
    """« p: 0.5 » beside a quantile: « Supprimez cette ligne. » in a French project, not « Remove this line. »."""
    from helpers.pipeline.messages import translated

    shutil.copy(DATA_DIR / "amem" / "surveys" / f"{NAME}.xlsx", tmp_path / "s.xlsx")
    (tmp_path / "s.yaml").write_text("title: t\nestimates:\n  - {mean: emploi/revenu, p: 0.5}\n", encoding="utf-8")
    _, problems, _ = load_surveys(tmp_path)
    said = [translated(p, "fr").hint for p in problems if p.rule == "unknown_key"]
    assert said == ["Supprimez cette ligne."], said


def test_a_two_stage_design_written_as_lists_says_the_first_stage_is_taken(tmp_path):
    """« clusters: [village, menage] » and « fpc: [n_villages, n_menages] » (R's svydesign(id = ~village + menage))
    were refused with « Input should be a valid string » and « See data/README.md »: the evaluator could not tell
    what to write. The message says the workbook takes one column, the first stage's, and what the variance then
    counts, in French too."""
    from helpers.pipeline.messages import translated

    shutil.copy(DATA_DIR / "amem" / "surveys" / f"{NAME}.xlsx", tmp_path / "s.xlsx")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: {weights: poids, clusters: [identification/centre, _uuid], "
                                     "fpc: [n_centres, n_stagiaires]}\nestimates:\n  - {mean: emploi/revenu}\n",
                                     encoding="utf-8")
    _, problems, _ = load_surveys(tmp_path)
    found = {p.column: p for p in problems}
    assert set(found) == {"design.clusters", "design.fpc"} and all(p.rule == "bad_value" for p in problems)
    clusters = found["design.clusters"]
    assert clusters.value == "identification/centre, _uuid" and "one per stage" in clusters.message
    assert "'clusters: identification/centre'" in clusters.hint and "ultimate cluster" in clusters.hint
    assert "'fpc: n_centres'" in found["design.fpc"].hint
    assert translated(clusters, "fr").message.endswith("le classeur en prend une, celle du premier degré")
    assert translated(clusters, "fr").hint.startswith("Écrivez la seule colonne du premier degré")


@pytest.mark.parametrize("written", ["01/06/2021", "2021-6-1", "2021-06-01 08:00:00"])
def test_a_fieldwork_start_not_written_year_month_day_says_how_to_write_it(tmp_path, written):
    """fieldwork_start typed as French Excel shows a date (01/06/2021) was « Input should be a valid date or
    datetime, invalid character in year », the hint « see data/README.md », the value not shown."""
    shutil.copy(DATA_DIR / "amem" / "surveys" / f"{NAME}.xlsx", tmp_path / "s.xlsx")
    (tmp_path / "s.yaml").write_text(f"title: t\nfieldwork_start: {written}\nestimates:\n  - {{mean: a}}\n")
    _, problems, _ = load_surveys(tmp_path)
    assert [(p.rule, p.column) for p in problems] == [("bad_value", "fieldwork_start")]
    assert problems[0].value.startswith(written[:10])
    assert problems[0].hint.startswith("Write it as 2021-06-01 (year-month-day, without a time)")


def test_a_sample_in_one_cluster_without_strata_says_so(tmp_path):
    """Clusters but no strata, every respondent in one centre: refused « the stratum '' has a single cluster ...
    merge this stratum with the most similar one », though there is no stratum. It says the sample is in one
    cluster and what to do."""
    (tmp_path / "t.csv").write_text("_uuid;centre;poids;revenu\nu1;c1;10;100\nu2;c1;10;120\nu3;c1;10;130\n",
                                    encoding="utf-8")
    (tmp_path / "t.yaml").write_text("title: t\ndesign: {weights: poids, clusters: centre}\nestimates:\n"
                                     "  - {mean: revenu}\n", encoding="utf-8")
    _, problems, _ = load_surveys(tmp_path)
    assert [(p.rule, p.row, p.column, p.value) for p in problems] == [("survey_single_cluster", 2, "centre", "c1")]
    assert problems[0].message.startswith("every respondent is in the one cluster 'c1'")
    assert "stratum" not in problems[0].message + problems[0].hint


@pytest.mark.parametrize("design, said", [
    ("{weights: poids, strata: region, clusters: centre}", "la strate 'sud' n'a qu'une seule grappe : la variance"),
    ("{weights: poids, strata: region}", "la strate 'sud' n'a qu'un seul répondant : la variance"),
    ("{weights: poids, clusters: centre}", "chaque répondant est dans la seule grappe 'c1' : la variance"),
])
def test_a_stratum_with_a_single_unit_is_said_in_french_with_what_r_s_lonely_psu_options_do(tmp_path, design, said):
    """A stratum with one centre (or one respondent) was refused in English in a French project (« the stratum 'sud'
    has a single cluster ... Merge this stratum »), and the hint named R's 'adjust' only. It is said in French, with
    what each of R's survey.lonely.psu options does and that the workbook applies none."""
    from helpers.pipeline.messages import translated

    rows = ["u1;nord;c1;10;100", "u2;nord;c2;10;120", "u3;sud;c3;10;130"] if "strata" in design else \
        ["u1;nord;c1;10;100", "u2;nord;c1;10;120", "u3;sud;c1;10;130"]
    (tmp_path / "t.csv").write_text("_uuid;region;centre;poids;revenu\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "t.yaml").write_text(f"title: t\ndesign: {design}\nestimates:\n  - {{mean: revenu}}\n",
                                     encoding="utf-8")
    _, problems, _ = load_surveys(tmp_path)
    assert [p.rule for p in problems] == ["survey_single_cluster"], problems
    french = translated(problems[0], "fr")
    assert french.message.startswith(said), french.message
    assert french.hint.startswith(("Fusionnez cette strate", "Vérifiez la colonne des grappes")), french.hint
    if "strata" in design:
        assert all(f"'{option}'" in problems[0].hint for option in ("fail", "remove", "certainty", "adjust", "average"))


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


def test_a_form_label_with_a_control_character_or_longer_than_a_cell_is_refused_at_its_cell(tmp_path):
    """The form was read cell by cell without the checks of a table: a question's label « Revenu mensuel U+202E(EUR
    0051) » reached the annex as written, shown « Revenu mensuel (1500 EUR) » (the override turns the rest of its
    line around, digits too), a choice label's CSI (U+009B) the annex and the terminal, a 100 000-character choice
    label (a hand-made file: Excel and openpyxl write 32 767 at most) the annex whole. Each is now an error at its
    cell, as in a table (control_character, cell_too_long)."""
    import zipfile

    import openpyxl

    write_tracer_survey(tmp_path)
    form = tmp_path / f"{NAME}.form.xlsx"
    book = openpyxl.load_workbook(form)
    for row in book["survey"].iter_rows(min_row=2):
        if row[1].value == "revenu":
            row[2].value = "Revenu mensuel \u202e(EUR 0051)"
    for row in book["choices"].iter_rows(min_row=2):
        if row[1].value == "oui":
            row[2].value = "Oui \x9b31m"
        if row[1].value == "langue":
            row[2].value = "L" * 40
    book.save(form)
    parts = {i.filename: zipfile.ZipFile(form).read(i) for i in zipfile.ZipFile(form).infolist()}
    with zipfile.ZipFile(form, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data.replace(b"L" * 40, b"L" * 100_000))
    _, problems, _ = load_surveys(tmp_path)
    found = {(p.rule, p.cell, p.column) for p in problems if p.severity == "error"}
    assert found == {("control_character", "survey!C12", "label::Français (fr)"),
                     ("control_character", "choices!C7", "label::Français (fr)"),
                     ("cell_too_long", "choices!C9", "label::Français (fr)")}, found
    override = next(p for p in problems if p.cell == "survey!C12")
    assert "direction override" in override.message and override.file.endswith(f"{NAME}.form.xlsx")


# -- submissions an export holds that no estimate should count as they are ------------------------------------------
SPEC_CSV = ("title: t\ndesign: {weights: poids, strata: identification/pays, clusters: identification/centre}\n"
            "estimates:\n  - {mean: emploi/revenu}\n  - {total: emploi/heures_formation}\n"
            "  - {share: emploi/emploi_actuel, value: oui}\n")


def _csv_survey(folder, submissions, spec=SPEC_CSV):
    """KoboToolbox's CSV export of ``submissions`` (';' separated), with its YAML; the survey and its problems."""
    folder.mkdir(parents=True, exist_ok=True)
    submissions.to_csv(folder / "s.csv", sep=";", index=False)
    (folder / "s.yaml").write_text(spec, encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    return surveys.get("s"), problems


def test_a_submission_exported_twice_is_refused_at_its_row(tmp_path):
    """Two exports pasted one under the other, or a form sent twice: the same respondent counted twice (the total of
    training hours rose by 20 % without a word). Told by the submission's identifier (_uuid; ODK's KEY or
    meta/instanceID), or without one by a row whose answers and times are all another's."""
    submissions, _ = make_tracer_survey()
    twice = pd.concat([submissions, submissions.iloc[[4, 9]]], ignore_index=True)
    _, problems = _csv_survey(tmp_path / "uuid", twice)
    found = [(p.rule, p.row, p.column) for p in problems]
    assert found == [("survey_repeated_submission", 182, "_uuid"), ("survey_repeated_submission", 183, "_uuid")]
    assert "its _uuid is that of row 6" in problems[0].message      # the header is row 1: submission 4 is row 6
    odk = twice.rename(columns={"_uuid": "meta/instanceID"}).drop(columns=["_id", "_index"])
    assert [p.row for p in _csv_survey(tmp_path / "odk", odk)[1]] == [182, 183]
    anonymous = twice.drop(columns=["_uuid"])                         # no identifier: the same answers and times
    assert [p.row for p in _csv_survey(tmp_path / "times", anonymous)[1]] == [182, 183]
    # the same answers at another time are two respondents, not a copy
    other_time = anonymous.copy()
    other_time.loc[180:, "start"] = "2021-05-02T10:00:00"
    survey, problems = _csv_survey(tmp_path / "other", other_time)
    assert problems == [] and len(survey.data) == 182


@pytest.mark.parametrize("status", ["validation_status_not_approved", "Not Approved", "Non approuvé", "rejected",
                                    "Refusé", "Non-approuvé", "Not  Approved"])
def test_submissions_not_approved_at_review_are_left_out_with_a_warning(tmp_path, status):
    """KoboToolbox's validation status (its code, or its label in English or French) and ODK Central's review
    state: a submission the team refused at review was counted like the others. It is now left out of every
    estimate, with a warning and a sentence in the annex; the estimates are those of the export without it."""
    submissions, _ = make_tracer_survey()
    refused = [2, 3, 50, 120]
    marked = submissions.copy()
    marked["_validation_status"] = marked["_validation_status"].astype(object)
    marked.loc[refused, "_validation_status"] = status
    marked.loc[[7, 8], "_validation_status"] = "On Hold"              # waiting for review: kept
    survey, problems = _csv_survey(tmp_path / "marked", marked)
    assert [(p.rule, p.severity, p.row) for p in problems] == [("survey_rejected", "warning", 4)]
    assert "4 submission(s)" in problems[0].message and "rows 4, 5, 52, 122" in problems[0].message
    assert survey.rejected == 4 and len(survey.data) == 176
    without, problems = _csv_survey(tmp_path / "without", submissions.drop(index=refused))
    assert problems == []
    pd.testing.assert_frame_equal(est.estimates(survey), est.estimates(without))
    from helpers.annex.surveys import design_text
    assert "écartées de toutes les estimations : 4." in design_text(survey, est.design_summary(survey), "fr")
    assert "rejected" not in design_text(without, est.design_summary(without), "en").lower()
    everyone = submissions.assign(_validation_status=status)
    assert [p.rule for p in _csv_survey(tmp_path / "all", everyone)[1]] == ["survey_all_rejected"]


def test_codes_for_dont_know_are_refused_and_nines_above_every_answer_are_told(tmp_path):
    """-99 ('don't know', 'refused') typed as an income: the mean earnings fell from 325 to 281 without a word; 9999
    made it 1 533. -99 and its kind are refused at their cells (in a repeat group too, when its sum is estimated);
    a run of nines above every other answer on several rows is a warning (it may be a true answer), and so is a
    single one far above every other answer (one 9999 made the mean 505: nothing was said)."""
    submissions, jobs = make_tracer_survey()
    answered = submissions.index[submissions["emploi/revenu"].notna()]
    coded = submissions.copy()
    coded.loc[answered[:3], "emploi/revenu"] = -99
    coded.loc[answered[3], "emploi/revenu"] = -88
    _, problems = _csv_survey(tmp_path / "minus", coded)
    assert [(p.rule, p.row, p.value) for p in problems] == [
        ("survey_missing_code", r + 2, v) for r, v in zip(answered[:4], ["-99.0", "-99.0", "-99.0", "-88.0"])]
    nines = submissions.copy()
    nines.loc[answered[:2], "emploi/revenu"] = 9999
    survey, problems = _csv_survey(tmp_path / "nines", nines)
    assert [(p.rule, p.severity, p.row) for p in problems] == [("survey_nines", "warning", answered[0] + 2)]
    assert "at most 1013.51" in problems[0].message
    once = submissions.copy()
    once.loc[answered[0], "emploi/revenu"] = 9999   # one, ten times the largest other income: the mean 325 -> 505
    _, problems = _csv_survey(tmp_path / "once", once)
    assert [(p.rule, p.severity, p.row) for p in problems] == [("survey_nines", "warning", answered[0] + 2)]
    assert problems[0].message.startswith("1 answer is 9999")
    below = submissions.copy()
    below.loc[answered[:2], "emploi/revenu"] = 99                    # 99 below other incomes: an answer
    assert _csv_survey(tmp_path / "below", below)[1] == []
    # in a repeat group: its sheet's row, when a sum of it is estimated
    folder = tmp_path / "repeat"
    write_tracer_survey(folder)
    import openpyxl
    book = openpyxl.load_workbook(folder / f"{NAME}.xlsx")
    sheet = book["emplois"]
    column = [c.value for c in sheet[1]].index("emplois/duree_mois") + 1
    sheet.cell(row=5, column=column, value=-99)
    book.save(folder / f"{NAME}.xlsx")
    spec = (folder / f"{NAME}.yaml").read_text(encoding="utf-8").replace(
        "estimates:\n", "estimates:\n  - {mean: emplois/duree_mois/_sum}\n")
    (folder / f"{NAME}.yaml").write_text(spec, encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    assert [(p.rule, p.row, p.cell) for p in problems] == [("survey_missing_code", 5, "emplois!B5")]


def test_an_answer_written_two_ways_is_refused(tmp_path):
    """'oui' and 'Oui' in one column (an export edited by hand, two versions of the form): the share of 'oui' fell
    from 47 % to 35 % without a word, every 'Oui' counted as another answer; 'f' and 'F' split the women in two.
    Refused at the first row of the rarer spelling; one spelling throughout, whatever its case, is read as it is."""
    submissions, _ = make_tracer_survey()
    mixed = submissions.copy()
    mixed.loc[:9, "emploi/emploi_actuel"] = mixed.loc[:9, "emploi/emploi_actuel"].str.capitalize()
    mixed.loc[20, "identification/sexe"] = mixed.loc[20, "identification/sexe"].upper()
    _, problems = _csv_survey(tmp_path / "mixed", mixed)
    assert {(p.rule, p.column) for p in problems} == {("survey_value_spellings", "emploi/emploi_actuel"),
                                                      ("survey_value_spellings", "identification/sexe")}
    sex = next(p for p in problems if p.column == "identification/sexe")
    assert sex.row == 22 and sex.value == mixed.loc[20, "identification/sexe"]
    first = mixed.index[mixed["emploi/emploi_actuel"] == "Oui"][0]
    assert ("survey_value_spellings", first + 2, "Oui") in {(p.rule, p.row, p.value) for p in problems}
    upper = submissions.assign(**{"identification/sexe": submissions["identification/sexe"].str.upper()})
    survey, problems = _csv_survey(tmp_path / "upper", upper)
    assert problems == [] and survey.sex == ("identification/sexe", "F")


def test_a_value_the_form_lists_but_the_answers_write_in_another_case_is_refused(tmp_path):
    """The form's choice `oui`, the export's `Oui` and `Non` on every row (an export with capitalised choice names,
    edited in Excel): the share of `oui` was 0 % (« an option nobody chose ») for 47 %, without a word. Refused at
    the YAML's value, saying how the answers write it; `value: "Oui"` gives the 47 %."""
    write_tracer_survey(tmp_path)
    submissions, jobs = make_tracer_survey()
    submissions["emploi/emploi_actuel"] = submissions["emploi/emploi_actuel"].str.capitalize()
    with pd.ExcelWriter(tmp_path / f"{NAME}.xlsx") as book:
        submissions.to_excel(book, sheet_name="tracer", index=False)
        jobs.to_excel(book, sheet_name="emplois", index=False)
    _, problems, _ = load_surveys(tmp_path)
    assert {(p.rule, p.column, p.value) for p in problems} == {("survey_value_absent", f"estimates.{i}.value", "oui")
                                                               for i in (3, 4)}
    assert "write it 'Oui'" in problems[0].message and "0 %" in problems[0].message
    assert 'value: "Oui"' in problems[0].hint
    spec = tmp_path / f"{NAME}.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace('value: "oui"', 'value: "Oui"'), encoding="utf-8")
    surveys, problems, _ = load_surveys(tmp_path)
    assert problems == []
    assert est.estimate(surveys[NAME], "share", "emploi/emploi_actuel", "Oui")["estimate"] == pytest.approx(0.4722,
                                                                                                           abs=1e-4)


def test_a_question_whose_group_the_headers_write_otherwise_is_named_in_the_hint(tmp_path):
    """KoboToolbox's export without the groups in its headers ('revenu'), ODK Central's CSV with '-' between group and
    question ('emploi-revenu'): the YAML's 'emploi/revenu' is missing, and the hint names the column to write."""
    submissions, _ = make_tracer_survey()
    for folder, rename in (("nogroups", lambda c: c.rsplit("/", 1)[-1]), ("odk", lambda c: c.replace("/", "-"))):
        exported = submissions.rename(columns={"emploi/revenu": rename("emploi/revenu")})
        _, problems = _csv_survey(tmp_path / folder, exported)
        assert [(p.rule, p.value) for p in problems] == [("survey_column_missing", "emploi/revenu")]
        assert f"Did you mean '{rename('emploi/revenu')}' (the same question" in problems[0].hint


def test_a_total_without_weights_is_refused(tmp_path):
    """Without weights, the 'total' of training hours was the 180 respondents' own sum (21 610), shown as the
    population's with a confidence interval."""
    submissions, _ = make_tracer_survey()
    spec = SPEC_CSV.replace("design: {weights: poids, ", "design: {")
    _, problems = _csv_survey(tmp_path, submissions, spec)
    assert [(p.rule, p.column, p.value) for p in problems] == [   # and the export's 'poids' is told
        ("survey_weights_unused", "poids", "14.2"),
        ("survey_total_without_weights", "estimates.1.total", "emploi/heures_formation")]


def test_a_number_with_a_thousands_comma_is_told(tmp_path):
    """'1,500' typed in an export (a hand-edited cell) was read as 1.5 without a word: a single ',' is the decimal
    mark of Kobo's and ODK's numbers. Read so still, with a warning at the cell."""
    submissions, _ = make_tracer_survey()
    answered = submissions.index[submissions["emploi/revenu"].notna()]
    typed = submissions.astype({"emploi/revenu": object})
    typed.loc[answered[0], "emploi/revenu"] = "1,500"
    typed.loc[answered[1], "emploi/revenu"] = "1,5"
    survey, problems = _csv_survey(tmp_path, typed)
    assert [(p.rule, p.severity, p.row, p.value) for p in problems] == [
        ("survey_ambiguous_number", "warning", answered[0] + 2, "1,500")]
    assert survey.data.loc[answered[0] + 2, "emploi/revenu"] == 1.5   # indexed by the file's rows


def test_answers_holding_spaces_are_one_answer_unless_the_words_are_codes(tmp_path):
    """'En emploi', 'Sans emploi', 'En formation' (a select_one exported as labels) were split into the options 'En',
    'emploi', 'Sans', 'formation' whose shares summed to 200 %; a region 'Tanger Tetouan' as a subgroup became
    'Tanger' and 'Tetouan', n = 0 each. Words that are not codes make a label, one answer; with a form, its type
    decides; codes with spaces and no 0/1 columns are still a select_multiple, with a warning."""
    submissions, _ = make_tracer_survey()
    rng = np.random.default_rng(1)
    labelled = submissions.assign(**{
        "emploi/situation": rng.choice(["En emploi", "Sans emploi", "En formation"], size=len(submissions)),
        "identification/region": rng.choice(["Tanger Tetouan", "Casablanca"], size=len(submissions))})
    spec = SPEC_CSV + "  - {share: emploi/situation}\n  - {mean: emploi/revenu, by: identification/region}\n"
    _, problems = _csv_survey(tmp_path / "word", labelled, spec + "  - {share: emploi/situation, value: 'En'}\n")
    assert [(p.rule, p.value) for p in problems] == [("survey_value_absent", "En")]
    assert "Values found: En emploi, En formation, Sans emploi." in problems[0].hint
    survey, problems = _csv_survey(tmp_path / "labels", labelled, spec)
    assert problems == []
    table = est.estimates(survey).set_index("key")
    w, situation = labelled["poids"], labelled["emploi/situation"]
    for value in ("En emploi", "Sans emploi", "En formation"):
        assert table.loc[f"s:emploi/situation={value}", "estimate"] == pytest.approx(
            (w * situation.eq(value)).sum() / w.sum(), rel=1e-12)
    tanger = table.loc["s:emploi/revenu:identification/region=Tanger Tetouan"]
    assert tanger["n"] == (labelled["identification/region"].eq("Tanger Tetouan")
                           & labelled["emploi/revenu"].notna()).sum() > 0
    # lower-case codes with spaces and no 0/1 column: a select_multiple, with a warning
    codes = submissions.drop(columns=[c for c in submissions.columns if c.startswith("competences/")])
    survey, problems = _csv_survey(tmp_path / "codes", codes, SPEC_CSV + "  - {share: competences}\n")
    assert [(p.rule, p.severity) for p in problems] == [("survey_multiple_guessed", "warning"),
                                                        ("survey_multiple_text_only", "warning")]
    assert "langue" in survey.multiple["competences"]


def test_a_select_multiple_exported_as_its_text_only_says_who_is_left_out(tmp_path):
    """Without its 0/1 columns, a respondent who chose no option has an empty cell, as one not asked: left out of
    the share's denominator (50.4 % for 49.4 %), nothing said."""
    submissions, _ = make_tracer_survey()
    codes = submissions.drop(columns=[c for c in submissions.columns if c.startswith("competences/")])
    codes.loc[codes.index[:4], "competences"] = np.nan   # four chose none
    _, problems = _csv_survey(tmp_path / "text", codes, SPEC_CSV + "  - {share: competences}\n")
    text_only = [p for p in problems if p.rule == "survey_multiple_text_only"]
    empty = int(codes["competences"].isna().sum())   # the four, and those the generator left without an answer
    assert len(text_only) == 1 and text_only[0].severity == "warning"
    assert f"the {empty} respondent(s)" in text_only[0].message
    assert text_only[0].row == 2   # the first empty answer's row (row 1 is the header)
    _, problems = _csv_survey(tmp_path / "split", submissions.assign(**{"competences": submissions["competences"]}),
                              SPEC_CSV + "  - {share: competences}\n")
    assert "survey_multiple_text_only" not in [p.rule for p in problems]   # the 0/1 columns count those


def test_a_question_the_form_declares_select_one_is_never_split(tmp_path):
    """Lower-case answers holding a space ('en emploi') in a question the form declares select_one: one answer each,
    as the form says, and no warning."""
    import openpyxl

    write_tracer_survey(tmp_path)
    sample = load_surveys(tmp_path)[0][NAME]
    book = openpyxl.load_workbook(tmp_path / f"{NAME}.xlsx")
    sheet = book.worksheets[0]
    column = [c.value for c in sheet[1]].index("emploi/emploi_actuel") + 1
    for row in range(2, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=column)
        cell.value = {"oui": "en emploi", "non": "sans emploi"}.get(cell.value, cell.value)
    book.save(tmp_path / f"{NAME}.xlsx")
    form = openpyxl.load_workbook(tmp_path / f"{NAME}.form.xlsx")   # the form's choices are those names too
    for row in form["choices"].iter_rows(min_row=2):
        if row[0].value == "oui_non":
            row[1].value = {"oui": "en emploi", "non": "sans emploi"}[row[1].value]
    form.save(tmp_path / f"{NAME}.form.xlsx")
    spec = (tmp_path / f"{NAME}.yaml").read_text(encoding="utf-8")
    (tmp_path / f"{NAME}.yaml").write_text(spec.replace('value: "oui"', 'value: "en emploi"'), encoding="utf-8")
    surveys, problems, _ = load_surveys(tmp_path)
    survey = surveys[NAME]
    assert "emploi/emploi_actuel" not in survey.multiple and problems == []
    mine = est.estimate(survey, "share", "emploi/emploi_actuel", "en emploi")
    theirs = est.estimate(sample, "share", "emploi/emploi_actuel", "oui")
    assert mine["estimate"] == pytest.approx(theirs["estimate"], rel=1e-12) and mine["n"] == theirs["n"]


def test_a_subgroup_by_a_select_multiple_is_everyone_who_chose_the_option(sample):
    """'by: competences' kept only those whose whole answer was 'langue' (n = 1 of the 39 who chose it with others):
    each option's subgroup is now everyone who chose it, as its 0/1 column says, and the same as by that column."""
    data = sample.data
    chose = data["competences/langue"].astype(float).eq(1)
    answered = chose & data["emploi/revenu"].notna()
    mine = est.estimate(sample, "mean", "emploi/revenu", by="competences", by_value="langue")
    weighted = (data["poids"] * data["emploi/revenu"])[answered].sum() / data["poids"][answered].sum()
    assert mine["n"] == answered.sum() > 1 and mine["estimate"] == pytest.approx(weighted, rel=1e-12)
    as_column = est.estimate(sample, "mean", "emploi/revenu", by="competences/langue", by_value="1")
    for column in ("estimate", "se", "df", "n"):
        assert mine[column] == pytest.approx(as_column[column], rel=1e-12)


def test_a_repeat_nested_in_a_repeat_is_joined_through_its_parent_rows(tmp_path):
    """A sheet 'taches' inside the repeat 'emplois': its _parent_index names rows of 'emplois' (its
    _parent_table_name says so), and was joined to the submissions whose _index had those numbers: the men, who have
    no task, had 1.14 on average. Each task now counts for the submission of its job."""
    import openpyxl

    write_tracer_survey(tmp_path)
    submissions, jobs = make_tracer_survey()
    book = openpyxl.load_workbook(tmp_path / f"{NAME}.xlsx")
    tasks = book.create_sheet("taches")
    tasks.append(["emplois/taches/heures", "_index", "_parent_table_name", "_parent_index"])
    women = set(submissions.loc[submissions["identification/sexe"].eq("f"), "_index"])
    expected = pd.Series(0.0, index=submissions["_index"])
    for job, submission in jobs.loc[jobs["_parent_index"].isin(women), ["_index", "_parent_index"]].to_numpy():
        for _ in range(2):
            tasks.append([10, tasks.max_row, "emplois", int(job)])
            expected[submission] += 1
    book.save(tmp_path / f"{NAME}.xlsx")
    surveys, problems, _ = load_surveys(tmp_path)
    assert problems == []
    data = surveys[NAME].data
    np.testing.assert_array_equal(data["taches/_count"].to_numpy(), expected.to_numpy())
    assert data.loc[data["identification/sexe"].eq("h"), "emplois/taches/heures/_sum"].eq(0).all()


def test_an_empty_answer_in_a_repeat_group_leaves_its_submission_without_a_sum(tmp_path):
    """Months in each job emptied on some rows of the repeat sheet: the empty answers were added as 0, and the mean
    months per trainee fell from 12.3 to 7.5 without a word. Those submissions now have no sum (they leave its
    estimates, n says so) and a warning says how many; a submission without any job still sums to 0."""
    import openpyxl

    write_tracer_survey(tmp_path)
    _, jobs = make_tracer_survey()
    book = openpyxl.load_workbook(tmp_path / f"{NAME}.xlsx")
    sheet = book["emplois"]
    column = [c.value for c in sheet[1]].index("emplois/duree_mois") + 1
    emptied = [0, 1, 5]                     # the first two jobs are one trainee's
    for k in emptied:
        sheet.cell(row=k + 2, column=column).value = None   # cell(value=None) would leave it
    book.save(tmp_path / f"{NAME}.xlsx")
    spec = (tmp_path / f"{NAME}.yaml").read_text(encoding="utf-8")
    (tmp_path / f"{NAME}.yaml").write_text(spec.replace("estimates:\n", "estimates:\n  - {mean: "
                                                        "emplois/duree_mois/_sum}\n"), encoding="utf-8")
    surveys, problems, _ = load_surveys(tmp_path)
    without = set(jobs["_parent_index"].iloc[emptied])
    assert [(p.rule, p.severity, p.cell) for p in problems] == [("survey_repeat_unanswered", "warning", "emplois!B2")]
    assert f"{len(without)} submission(s)" in problems[0].message and "(3 row(s))" in problems[0].message
    data = surveys[NAME].data
    sums = data["emplois/duree_mois/_sum"]
    gone = data["_index"].astype(int).isin(without).to_numpy()
    assert sums[gone].isna().all() and sums[~gone].notna().all()
    full = jobs.groupby("_parent_index")["emplois/duree_mois"].sum()
    expected = data["_index"].astype(int).map(full).fillna(0)
    np.testing.assert_allclose(sums[~gone].to_numpy(), expected[~gone].to_numpy())
    assert est.estimate(surveys[NAME], "mean", "emplois/duree_mois/_sum")["n"] == len(data) - len(without)


def test_n_a_for_a_skipped_question_is_not_an_answer(tmp_path):
    """KoboToolbox writes 'n/a' for a question the form skipped: it was counted as an answer, and the share of 'oui'
    fell from 46 % (n = 168) to 43 % (n = 180); in a select_multiple's 0/1 columns it made every option 0. It is
    read as empty, with one warning per question the estimates use; the estimates are those of empty cells."""
    submissions, _ = make_tracer_survey()
    rows = submissions.index[submissions["identification/centre"].eq(submissions["identification/centre"].iloc[0])]
    options = [c for c in submissions.columns if c.startswith("competences/")]
    skipped = submissions.astype({c: object for c in ["emploi/emploi_actuel", "emploi/revenu", *options]})
    skipped.loc[rows, ["emploi/emploi_actuel", "competences", "emploi/revenu", *options]] = "n/a"
    empty = submissions.astype({c: object for c in options})   # 0/1 written as 0 and 1, not 0.0 and 1.0
    empty.loc[rows, ["emploi/emploi_actuel", "competences", "emploi/revenu", *options]] = None
    spec = SPEC_CSV + "  - {share: competences}\n"
    survey, problems = _csv_survey(tmp_path / "na", skipped, spec)
    assert [(p.rule, p.severity, p.column, p.row) for p in problems] == [
        ("survey_skipped", "warning", c, rows[0] + 2) for c in ("emploi/emploi_actuel", "emploi/revenu", "competences")]
    assert f"{len(rows)} answer(s) are 'n/a'" in problems[0].message
    reference, problems = _csv_survey(tmp_path / "empty", empty, spec)
    assert problems == []
    pd.testing.assert_frame_equal(est.estimates(survey).drop(columns="key"),
                                  est.estimates(reference).drop(columns="key"))


def test_a_stratum_or_cluster_written_two_ways_is_refused(tmp_path):
    """'Maroc' and 'maroc' in the strata column made four strata of three, and the SE of the mean earnings 16.0
    instead of 18.6, without a word; a cluster code written two ways splits a cluster in two the same way."""
    submissions, _ = make_tracer_survey()
    mixed = submissions.copy()
    first = mixed.index[mixed["identification/pays"].eq(mixed["identification/pays"].iloc[0])][:5]
    mixed.loc[first, "identification/pays"] = mixed.loc[first, "identification/pays"].str.capitalize()
    mixed.loc[first[:2], "identification/centre"] = mixed.loc[first[:2], "identification/centre"].str.lower()
    _, problems = _csv_survey(tmp_path, mixed)
    assert {(p.rule, p.column) for p in problems} == {("survey_value_spellings", "identification/pays"),
                                                      ("survey_value_spellings", "identification/centre")}
    assert all("different strata or clusters" in p.message for p in problems)


def test_the_design_text_counts_clusters_within_their_strata(tmp_path):
    """Centres numbered 1, 2, 3... again in each country: the annex said 5 centres where 15 were drawn (the
    estimates took them within their stratum already, df = 15 - 3)."""
    from helpers.annex.surveys import design_text

    submissions, _ = make_tracer_survey()
    renumbered = submissions.copy()
    renumbered["identification/centre"] = renumbered.groupby("identification/pays")["identification/centre"].transform(
        lambda c: "c" + pd.Series(pd.factorize(c)[0] + 1, index=c.index).astype(str))
    assert renumbered["identification/centre"].nunique() == 5
    survey, problems = _csv_survey(tmp_path, renumbered)
    summary = est.design_summary(survey)
    assert problems == [] and summary["clusters"] == 15 and summary["strata"] == 3
    assert "15" in design_text(survey, summary, "fr")
    assert est.estimate(survey, "mean", "emploi/revenu")["df"] == 12


def test_the_design_text_says_one_as_one(tmp_path):
    """One country's export (one stratum), one respondent weighted 0, one submission not approved: the annex said
    « (1 strates) », « Parmi elles, 1 ont un poids nul » and « Avec les 1 soumissions écartées »."""
    from helpers.annex.surveys import design_text

    submissions, _ = make_tracer_survey()
    one = submissions[submissions["identification/pays"].eq("maroc")].reset_index(drop=True)
    one.loc[3, "poids"] = 0
    one.loc[5, "_validation_status"] = "Not Approved"
    survey, _ = _csv_survey(tmp_path, one)
    said = {lang: design_text(survey, est.design_summary(survey), lang) for lang in ("fr", "en")}
    assert "L'échantillon a une seule strate, « identification/pays »" in said["fr"]
    assert "Parmi elles, 1 a un poids nul (hors de la population étudiée) : elle ne compte" in said["fr"]
    assert "Avec la soumission écartée, les poids représentaient" in said["fr"]
    assert "59 personnes ont répondu" in said["fr"]
    assert "Of them, 1 has a weight of 0" in said["en"] and "With the submission left out" in said["en"]
    assert "strates)" not in said["fr"] and " 1 ont " not in said["fr"]


def test_codes_the_survey_declares_are_not_answered_and_code_like_outliers_are_told(tmp_path):
    """8888 and 9998 typed for 'don't know' went into the mean earnings (801 instead of 325) with no way to say so,
    and 999 was told only when it was the largest answer. 'missing_codes' reads the codes as empty in every
    numeric answer (in the repeat groups too), and the annex says so; a code-like number (nines, eights) on several
    rows far above most answers is a warning even below a true larger answer."""
    from helpers.annex.surveys import design_text

    submissions, _ = make_tracer_survey()
    answered = submissions.index[submissions["emploi/revenu"].notna()]
    coded = submissions.copy()
    coded.loc[answered[:3], "emploi/revenu"] = 8888
    coded.loc[answered[3], "emploi/revenu"] = -99
    empty = submissions.copy()
    empty.loc[answered[:4], "emploi/revenu"] = None
    survey, problems = _csv_survey(tmp_path / "declared", coded, SPEC_CSV + "missing_codes: [8888, -99]\n")
    assert problems == []
    reference, _ = _csv_survey(tmp_path / "empty", empty)
    pd.testing.assert_frame_equal(est.estimates(survey).drop(columns="key"),
                                  est.estimates(reference).drop(columns="key"))
    text = design_text(survey, est.design_summary(survey), "fr")
    assert "8\u202f888, -99" in text and "non-réponses" in text
    below = submissions.copy()
    below.loc[answered[:3], "emploi/revenu"] = 999
    below.loc[answered[3], "emploi/revenu"] = 1500                  # a true answer above the code
    _, problems = _csv_survey(tmp_path / "below", below)
    assert [(p.rule, p.severity, p.value) for p in problems] == [("survey_nines", "warning", "999.0")]
    assert "far above most other answers" in problems[0].message and "missing_codes: [999]" in problems[0].hint
    _, problems = _csv_survey(tmp_path / "undeclared", coded.assign(**{"emploi/revenu": coded["emploi/revenu"].abs()}))
    assert [(p.rule, p.value) for p in problems] == [("survey_nines", "8888.0")]


def test_one_missing_code_written_without_brackets_is_read(tmp_path):
    """`missing_codes: 8888` (one code, written without the brackets of a list) was refused with
    pydantic's « Input should be a valid list »: it is the list of that code."""
    submissions, _ = make_tracer_survey()
    answered = submissions.index[submissions["emploi/revenu"].notna()]
    coded = submissions.copy()
    coded.loc[answered[:3], "emploi/revenu"] = 8888
    empty = submissions.copy()
    empty.loc[answered[:3], "emploi/revenu"] = None
    survey, problems = _csv_survey(tmp_path / "one", coded, SPEC_CSV + "missing_codes: 8888\n")
    assert problems == [] and survey.spec.missing_codes == [8888]
    reference, _ = _csv_survey(tmp_path / "empty", empty)
    pd.testing.assert_frame_equal(est.estimates(survey).drop(columns="key"),
                                  est.estimates(reference).drop(columns="key"))


def test_a_listed_option_nobody_chose_is_a_zero_share(tmp_path):
    """Nobody chose 'droits': '{share: competences, value: droits}' was refused with "Did you mean 'droits'?
    Values found: ... droits". An option the form (or a 0/1 column) lists is a share of 0 %."""
    submissions, _ = make_tracer_survey()
    none = submissions.assign(**{"competences/droits": 0, "competences": submissions["competences"].map(
        lambda a: " ".join(w for w in a.split() if w != "droits") or None if isinstance(a, str) else a)})
    survey, problems = _csv_survey(tmp_path, none, SPEC_CSV + "  - {share: competences, value: droits}\n")
    assert [p.rule for p in problems] == ["survey_multiple_all_zero"]   # no form: those who chose none are told
    row = est.estimate(survey, "share", "competences", "droits")
    assert row["estimate"] == 0 and row["n"] == 180


def test_a_question_both_averaged_and_counted_by_value_matches_its_numbers(tmp_path):
    """A satisfaction score 1-5 averaged and also shared ('value: 5') or used as a subgroup: read as numbers for the
    mean, its codes became '5.0' and 'value: 5' was refused, every subgroup had n = 0."""
    submissions, _ = make_tracer_survey()
    rng = np.random.default_rng(3)
    scored = submissions.assign(satisfaction=rng.integers(1, 6, size=len(submissions)))
    spec = SPEC_CSV + ("  - {mean: satisfaction}\n  - {share: satisfaction, value: 5}\n"
                       "  - {mean: emploi/revenu, by: satisfaction}\n")
    survey, problems = _csv_survey(tmp_path, scored, spec)
    assert problems == []
    table = est.estimates(survey).set_index("key")
    w = scored["poids"]
    assert table.loc["s:satisfaction=5", "estimate"] == pytest.approx((w * scored["satisfaction"].eq(5)).sum()
                                                                       / w.sum(), rel=1e-12)
    for score in range(1, 6):
        group = scored["satisfaction"].eq(score) & scored["emploi/revenu"].notna()
        assert table.loc[f"s:emploi/revenu:satisfaction={score}", "n"] == group.sum() > 0


def test_a_repeat_group_answer_that_is_not_a_number_is_told_at_its_cell(tmp_path):
    """'n/a' in the repeat's months made the column text: its sum disappeared and the YAML's
    'emplois/duree_mois/_sum' was 'missing' with "Did you mean 'emploi/revenu'?". 'n/a' is now not answered (the
    submission has no sum, with a warning) and a word where a number is expected is refused at its cell."""
    import openpyxl

    write_tracer_survey(tmp_path)
    book = openpyxl.load_workbook(tmp_path / f"{NAME}.xlsx")
    sheet = book["emplois"]
    column = [c.value for c in sheet[1]].index("emplois/duree_mois") + 1
    sheet.cell(row=5, column=column).value = "n/a"
    book.save(tmp_path / f"{NAME}.xlsx")
    spec = (tmp_path / f"{NAME}.yaml").read_text(encoding="utf-8").replace(
        "estimates:\n", "estimates:\n  - {mean: emplois/duree_mois/_sum}\n")
    (tmp_path / f"{NAME}.yaml").write_text(spec, encoding="utf-8")
    surveys, problems, _ = load_surveys(tmp_path)
    assert [(p.rule, p.cell) for p in problems] == [("survey_repeat_unanswered", "emplois!B5")]
    assert surveys[NAME].data["emplois/duree_mois/_sum"].isna().sum() == 1
    sheet.cell(row=7, column=column).value = "six"
    book.save(tmp_path / f"{NAME}.xlsx")
    _, problems, _ = load_surveys(tmp_path)
    assert [(p.rule, p.cell, p.value) for p in problems if p.severity == "error"] == [
        ("survey_not_a_number", "emplois!B7", "six")]


def test_odk_central_s_dash_between_group_and_question_finds_the_wg_and_the_sex(tmp_path, sample):
    """ODK Central's CSV writes 'wg-SEE_SS', 'identification-sexe': the Washington Group questions and the sex were
    not found (no share of women, no share with a disability, 'by: wg_disability' refused), though the README says
    "inside any group"."""
    submissions, _ = make_tracer_survey()
    odk = submissions.rename(columns=lambda c: c if c.startswith("competences/") else c.replace("/", "-"))
    spec = SPEC_CSV.replace("/", "-") + "  - {share: emploi-emploi_actuel, value: oui, by: wg_disability}\n"
    survey, problems = _csv_survey(tmp_path, odk, spec)
    assert problems == [] and survey.sex == ("identification-sexe", "f")
    mine = est.headline(survey)["estimate"].tolist()
    assert mine == pytest.approx(est.headline(sample)["estimate"].tolist(), rel=1e-12) and len(mine) == 2


def test_a_question_never_answered_is_told(tmp_path):
    """An export whose revenue question is empty on every submission (a new version of the form renamed it): the
    annex showed its mean as n.d. without a word, and a share of each value of an empty question was no row at all.
    Each is a warning at its estimate; the survey still loads."""
    submissions, _ = make_tracer_survey()
    submissions["emploi/revenu"] = None
    submissions["emploi/secteur_vide"] = None
    spec = SPEC_CSV + "  - {share: emploi/secteur_vide}\n"
    survey, problems = _csv_survey(tmp_path, submissions, spec)
    assert survey is not None
    assert [(p.rule, p.column, p.value, p.severity) for p in problems] == [
        ("survey_never_answered", "estimates.0.mean", "emploi/revenu", "warning"),
        ("survey_never_answered", "estimates.3.share", "emploi/secteur_vide", "warning")]
    assert "renamed or moved" in problems[0].hint


def test_respondents_without_a_subgroup_answer_are_said_so_beside_the_subgroups(tmp_path):
    """Three submissions of the export have no sex: they count in the overall mean (n 180) and in no subgroup (the
    subgroups' n add up to 177), which the annex did not say. It now says how many, in French and English."""
    from helpers.annex import surveys as shown

    submissions, _ = make_tracer_survey()
    submissions.loc[submissions.index[:3], "identification/sexe"] = None
    spec = SPEC_CSV + "  - {mean: emploi/revenu, by: identification/sexe}\n"
    survey, problems = _csv_survey(tmp_path, submissions, spec)
    assert survey is not None and not [p for p in problems if p.severity == "error"], problems
    table = est.estimates(survey)
    revenu = table[(table["variable"] == "emploi/revenu") & (table["stat"] == "mean")]
    answered = survey.data["emploi/revenu"].notna()
    assert revenu["n"].iloc[0] == answered.sum()
    assert revenu["n"].iloc[1:].sum() == (answered & survey.data["identification/sexe"].notna()).sum()
    assert shown.without_subgroup(survey, "fr") == ["Répondants sans réponse à « identification/sexe », comptés "
                                                    "dans « Ensemble » et dans aucun de ses sous-groupes : 3."]
    assert shown.without_subgroup(survey, "en")[0].endswith("in none of its subgroups: 3.")


def test_estimates_on_fewer_than_30_answers_are_counted_beside_the_table(sample):
    """The sample's share in employment among respondents with a disability rests on 8 answers (15,0 %, from 0,4 %
    to 88,0 %), printed beside the others without a word. The annex now counts the estimates on fewer than 30
    answers, names the table's column as it is titled (« Nombre », 'Count'), and says so in both languages."""
    from helpers.annex import surveys as shown

    survey = sample
    table = shown.display_table(est.all_estimates(survey), survey, "fr")
    assert sorted(table.loc[table["n"] < 30, "n"]) == [8]
    assert shown.small_n(table, "fr") == ("Estimations reposant sur moins de 30 réponses (colonne « Nombre », 8 au "
                                          "moins) : 1. Leurs intervalles sont larges et moins sûrs : à lire avec "
                                          "prudence.")
    assert shown.small_n(table, "en").startswith("Estimates resting on fewer than 30 answers (column 'Count'")
    assert shown.small_n(table[table["n"] >= 30], "fr") == ""


def _fpc_survey(folder, fpc, weight=10):
    """Three training centres (strata) of 80, 90 and 100 trainees, 10 % drawn in each (8, 9 and 10 respondents,
    fixtures/survey/fpc_rate.csv) weighing ``weight``, the sampling rate written in the column taux_sondage as
    ``fpc`` gives it per centre."""
    lines = (FIXTURES / "fpc_rate.csv").read_text(encoding="utf-8").splitlines()[1:]
    rows = [f"{uuid};{centre};{weight};{fpc[centre]};{revenu}" for uuid, centre, revenu in (r.split(";") for r in lines)]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "suivi.csv").write_text("_uuid;centre;poids;taux_sondage;revenu\n" + "\n".join(rows) + "\n",
                                      encoding="utf-8")
    (folder / "suivi.yaml").write_text("title: t\ndesign: {weights: poids, strata: centre, fpc: taux_sondage}\n"
                                       "estimates:\n  - {mean: revenu}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    return surveys.get("suivi"), problems


# tests/fixtures/survey/fpc_rate.R: the fpc as typed -> (mean, se)
# (« percent »: the rate 10 read as a population of 10, the SE the workbook gave before it was refused)
FPC_RATE_R = {"fraction": (2646.03703704, 119.352694777), "sizes": (2646.03703704, 119.352694777),
              "percent": (2646.03703704, 33.8745736238)}


def test_a_sampling_rate_written_as_a_percentage_is_refused_at_the_fpc_column(tmp_path):
    """10 % of each centre drawn, the rate typed 10: read as a population of 10 (the sample of 8 being smaller), the
    SE of the mean earnings was 33.87 for 119.35 (R's survey: svydesign(fpc = ~taux_sondage) gives 33.875, with
    the fraction 0.1 119.35), without a word. The weights say 80 people: refused at the column, as a percentage.
    The fraction, or the populations 80, 90 and 100, give R's 119.35 (tests/fixtures/survey/fpc_rate.R); an fpc of
    150 beside weights standing for 800 people is told."""
    _, problems = _fpc_survey(tmp_path / "pct", dict.fromkeys(("Casablanca", "Tanger", "Oujda"), "10"))
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_fpc_percent", "error", 2, "taux_sondage", "10")]
    assert "weights stand for 80 people" in problems[0].message and "0.1 for 10 %" in problems[0].hint
    for name, rates in (("fraction", dict.fromkeys(("Casablanca", "Tanger", "Oujda"), "0.1")),
                        ("sizes", {"Casablanca": "80", "Tanger": "90", "Oujda": "100"})):
        survey, problems = _fpc_survey(tmp_path / name, rates)
        assert problems == []
        mean = est.estimate(survey, "mean", "revenu")
        assert (mean["estimate"], mean["se"]) == pytest.approx(FPC_RATE_R[name], rel=1e-10)
    _, problems = _fpc_survey(tmp_path / "other", {"Casablanca": "150", "Tanger": "200", "Oujda": "200"}, 100)
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_fpc_weights", "warning", 2, "taux_sondage")]


def test_a_sampling_fraction_with_three_decimals_is_not_told_as_thousands(tmp_path):
    """One trainee in 8 drawn, the fpc written 0.125 on every row: each row was warned « '0.125' is read as 0.125,
    but could mean 125 », though no thousands group begins with 0. Read as R reads it (the populations 64, 72 and
    80), without a warning."""
    survey, problems = _fpc_survey(tmp_path / "fraction", dict.fromkeys(("Casablanca", "Tanger", "Oujda"), "0.125"), 8)
    assert problems == []
    sizes, problems = _fpc_survey(tmp_path / "sizes", {"Casablanca": "64", "Tanger": "72", "Oujda": "80"}, 8)
    assert problems == []
    assert est.estimate(survey, "mean", "revenu")["se"] == pytest.approx(est.estimate(sizes, "mean", "revenu")["se"],
                                                                         rel=1e-12)


def test_r_s_na_in_a_number_to_average_says_so(tmp_path):
    """An export saved again by R's write.csv holds 'NA' for every missing income: refused with the hint to write
    a number with '.' for decimals, which says nothing of R; the message now says what 'NA' is and how to write it."""
    submissions, _ = make_tracer_survey()
    submissions = submissions.astype({"emploi/revenu": object}).fillna({"emploi/revenu": "NA"})
    _, problems = _csv_survey(tmp_path / "s", submissions, SPEC_CSV)
    first = problems[0]
    assert (first.rule, first.row, first.column, first.value) == ("survey_not_a_number", 3, "emploi/revenu", "NA")
    assert first.message == "this answer is 'NA', how R writes a missing value"
    assert 'write.csv(..., na = "")' in first.hint


def test_a_sampling_rate_written_as_a_percentage_is_told_where_the_weights_cannot_check_it(tmp_path):
    """The rate typed as a percentage where no weight says how many people a stratum holds: with clusters (the fpc
    counts clusters, the weights people), or without weights. 5 training centres drawn of 25 in each region, the rate
    typed 20: read as 20 centres (a fraction of 0.25 for 0.2), and 10 % of each centre's trainees typed 10 without
    weights: read as 10 people (8 of 10 drawn); both without a word. Each is now told at the column with how it is
    read; 12.5 (a rate of 12.5 %) is no population size and is refused. A population of 400 centres says nothing."""
    rng = np.random.default_rng(8)

    def write(name, fpc, weights=True, clusters=True):
        folder = tmp_path / name
        folder.mkdir()
        rows = [f"uuid-{r}{c}{k};{r};{r}-c{c};5;{fpc};{rng.normal(3000, 800):.0f}"
                for r in ("Nord", "Sud") for c in range(5 if clusters else 1) for k in range(4 if clusters else 8)]
        (folder / "suivi.csv").write_text("_uuid;region;centre;poids;taux;revenu\n" + "\n".join(rows) + "\n",
                                          encoding="utf-8")
        design = ["strata: region"] + (["clusters: centre"] if clusters else []) + (["weights: poids"] if weights
                                                                                    else []) + ["fpc: taux"]
        (folder / "suivi.yaml").write_text(f"title: t\ndesign: {{{', '.join(design)}}}\n"
                                           "estimates:\n  - {mean: revenu}\n", encoding="utf-8")
        return [(p.rule, p.severity, p.row, p.column, p.message) for p in load_surveys(folder)[1]]

    [(rule, severity, row, column, message)] = write("clusters", "20")
    assert (rule, severity, row, column) == ("survey_fpc_percent", "warning", 2, "taux")
    assert "read as the number of clusters the stratum 'Nord' was drawn from (20, 5 of them sampled" in message
    [(rule, severity, row, column, message)] = write("no_weights", "10", weights=False, clusters=False)
    assert (rule, severity, column) == ("survey_fpc_percent", "warning", "taux")
    assert "number of people the stratum 'Nord' was drawn from (10, 8 of them sampled" in message
    [(rule, severity, row, column, message)] = write("half", "12.5")
    assert (rule, severity, row, column) == ("survey_fpc_percent", "error", 2, "taux")
    assert "neither a sampling fraction (at most 1) nor a population size" in message
    assert write("sizes", "400") == [] and write("fraction", "0.2") == []


def test_a_weight_with_a_thousands_dot_is_told(tmp_path):
    """Weights typed by hand with dots for thousands (1.250 people, 875, 2.100) were read as 1.25 and 2.1 without a
    word (only '1,500' was told): the mean earnings were Tanger's alone (2 734 where the weights 1 250, 875 and
    2 100 give 2 531). Read so still, with a warning at each cell, as the monitoring tables tell '12.000'."""
    rng = np.random.default_rng(4)
    weights = {"Casablanca": "1.250", "Tanger": "875", "Oujda": "2.100"}
    rows = [(f"uuid-{c}{i}", c, w, round(rng.normal(3000 if c != "Oujda" else 2000, 500)))
            for c, w in weights.items() for i in range(4)]
    (tmp_path / "suivi.csv").write_text("_uuid;centre;poids;revenu\n" + "\n".join(";".join(map(str, r)) for r in rows)
                                        + "\n", encoding="utf-8")
    (tmp_path / "suivi.yaml").write_text("title: t\ndesign: {weights: poids, strata: centre}\n"
                                         "estimates:\n  - {mean: revenu}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(tmp_path)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_ambiguous_number", "warning", row, "poids", "1.250" if row < 6 else "2.100")
        for row in (2, 3, 4, 5, 10, 11, 12, 13)]
    assert "could mean 1 250" in problems[0].message and "could mean 2 100" in problems[-1].message
    earnings = np.array([r[3] for r in rows], dtype=float)
    read = np.repeat([1.25, 875, 2.1], 4)
    assert est.estimate(surveys["suivi"], "mean", "revenu")["estimate"] == pytest.approx(
        (read * earnings).sum() / read.sum())


def test_weights_rounded_to_four_decimals_are_not_told_as_thousands(tmp_path):
    """Relative weights rounded to 4 decimals (1.0089, 1.3577) write 1.366 where the fourth decimal is 0: each such
    cell was told « '1.366' ... could mean 1 366 », a warning on a correct export (one in ten cells). A column whose
    numbers mostly have four decimals or more has '.' as its decimal mark: none is told, and 1.366 is read 1.366; a
    weight of 1.250 beside whole numbers still is (above)."""
    shutil.copy(FIXTURES / "relative_rejected.csv", tmp_path / "s.csv")
    (tmp_path / "s.yaml").write_text("title: t\ndesign: {weights: poids, strata: region, clusters: village}\n"
                                     "estimates:\n  - {mean: revenu}\n", encoding="utf-8")
    text = (tmp_path / "s.csv").read_text(encoding="utf-8")
    assert ",1.366," in text and ",1.0089," in text
    surveys, problems, _ = load_surveys(tmp_path)
    assert [p.rule for p in problems] == ["survey_rejected"]
    assert 1.366 in surveys["s"].data["poids"].tolist()


# R's survey on kobo_options.csv (tests/fixtures/survey/kobo_options.R): each option's share among the 32 asked
KOBO_OPTIONS_R = {   # option: (estimate, se, logit CI low, high, deff)
    "langue": (0.326086956522, 0.0831085092474, 0.18378739418, 0.509754071726, 1.06714621932),
    "metier": (0.459239130435, 0.089503087922, 0.290614969042, 0.63774426714, 1.09522192573),
    "droits": (0.336956521739, 0.0846496069848, 0.191041515107, 0.52235596411, 1.08894075751),
}


def _options_written(folder, name, rewrite, keep_text):
    """kobo_options.csv with its option columns rewritten as another export writes them (as text, in a ';' CSV)."""
    frame = pd.read_csv(FIXTURES / "kobo_options.csv", sep=";", dtype=str, keep_default_na=False)
    for option in KOBO_OPTIONS_R:
        frame[f"formation/competences/{option}"] = frame[f"formation/competences/{option}"].map(rewrite)
    if not keep_text:
        frame = frame.drop(columns=["formation/competences"])
    folder.mkdir(parents=True, exist_ok=True)
    frame.to_csv(folder / f"{name}.csv", sep=";", index=False)
    (folder / f"{name}.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n"
                                         "  - {share: formation/competences}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    return surveys.get(name), problems


@pytest.mark.parametrize("keep_text", [True, False], ids=["with-text", "options-only"])
@pytest.mark.parametrize("written", ["1/0", "True/False", "VRAI/FAUX", "Oui/Non", "Yes/No"])
def test_select_multiple_option_columns_as_exports_write_them(tmp_path, written, keep_text):
    """KoboToolbox's older exports write a select_multiple's option columns True/False, and a French Excel saving the
    file again VRAI/FAUX: without the text column the question was refused as missing (« names the column
    'formation/competences', which the export does not have »), with it the option columns were ignored and the
    respondents who chose no option (text empty) left out: 40.7 % for 32.6 %. Each option's share is among those
    asked (R's survey, na.rm). Oui/Non (a labelled French export, a sheet typed by hand) were ignored so too, with a
    warning that the columns « hold 1 or nothing, never 0 »."""
    yes, no = written.split("/")
    survey, problems = _options_written(tmp_path / "s", "s", {"1": yes, "0": no, "": ""}.get, keep_text)
    assert problems == []
    shares = est.estimates(survey).set_index("value")
    for option, (value, se, low, high, deff) in KOBO_OPTIONS_R.items():
        row = shares.loc[option]
        assert row["n"] == 32 and row["df"] == 39   # R's degf: the 8 not asked stay in the design
        assert (row["estimate"], row["se"], row["ci_low"], row["ci_high"], row["deff"]) == pytest.approx(
            (value, se, low, high, deff), rel=1e-6)


def test_option_columns_marked_x_are_refused_at_their_cell(tmp_path):
    """A select_multiple's option columns typed by hand, 'x' for an option chosen and nothing else, without the text
    column: the question was « missing, did you mean 'formation/competences/langue'? », whose share of 'x' among
    those who wrote one is 100 %. Refused at the first 'x', saying what to write."""
    survey, problems = _options_written(tmp_path / "s", "s", {"1": "x", "0": "", "": ""}.get, keep_text=False)
    assert survey is None
    assert [(p.rule, p.severity, p.value) for p in problems] == [("survey_option_values", "error", "x")]
    assert problems[0].column.startswith("formation/competences/") and problems[0].row > 1
    assert "Did you mean" not in problems[0].hint and "Write 1 for an option chosen, 0" in problems[0].hint


def test_an_export_saved_with_excel_s_sep_line_is_read(tmp_path):
    """kobo_options.csv with Excel's « sep=; » line above its header: it was taken for the header, every column
    « holds values but its header is empty » and the YAML's 'poids' and 'formation/competences' « missing », the
    survey refused. The line is Excel's hint of the separator: the export reads as without it (R's shares)."""
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "s.csv").write_bytes(b"sep=;\r\n" + (FIXTURES / "kobo_options.csv").read_bytes())
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n"
                                   "  - {share: formation/competences}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert problems == []
    shares = est.estimates(surveys["s"]).set_index("value")
    for option, (value, se, *_) in KOBO_OPTIONS_R.items():
        assert shares.loc[option, "n"] == 32
        assert (shares.loc[option, "estimate"], shares.loc[option, "se"]) == pytest.approx((value, se), rel=1e-6)


def test_option_columns_written_1_or_empty_are_not_a_share_of_100_percent(tmp_path):
    """An export whose option columns hold '1' or nothing (no 0): every option's share was 100 % (its n the
    respondents who chose it), without a word. An empty option beside another chosen is 0; a respondent with every
    option empty (chose none, or not asked: they cannot be told apart) is left out, with a warning saying how many."""
    survey, problems = _options_written(tmp_path / "s", "s", {"1": "1", "0": "", "": ""}.get, keep_text=False)
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_multiple_no_zero", "warning", 2, "formation/competences/langue")]
    assert "the 13 respondent(s) with every option empty are left out" in problems[0].message
    shares = est.estimates(survey).set_index("value")
    chose = pd.read_csv(FIXTURES / "kobo_options.csv", sep=";")
    chose = chose[chose.filter(like="formation/competences/").sum(axis=1) > 0]   # the 27 who chose an option
    for option in KOBO_OPTIONS_R:
        expected = (chose["poids"] * chose[f"formation/competences/{option}"]).sum() / chose["poids"].sum()
        assert shares.loc[option, "n"] == 27 and shares.loc[option, "estimate"] == pytest.approx(expected, rel=1e-12)
        assert shares.loc[option, "estimate"] < 0.6


def test_option_columns_holding_their_own_code_are_read_as_chosen(tmp_path):
    """Ona's « value_select_multiples » export: each option column holds the option's code where it is chosen and
    nothing where not ('langue' in 'formation/competences/langue'). Without the text column the question was
    « missing, did you mean 'formation/competences/langue'? »; it gives the shares of the 1-or-nothing export, with
    its warning (those with every option empty are left out)."""
    frame = pd.read_csv(FIXTURES / "kobo_options.csv", sep=";", dtype=str, keep_default_na=False)
    for option in KOBO_OPTIONS_R:
        column = f"formation/competences/{option}"
        frame[column] = frame[column].map({"1": option, "0": "", "": ""}.get)
    folder = tmp_path / "s"
    folder.mkdir()
    frame.drop(columns=["formation/competences"]).to_csv(folder / "s.csv", sep=";", index=False)
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n"
                                   "  - {share: formation/competences}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert [(p.rule, p.severity) for p in problems] == [("survey_multiple_no_zero", "warning")]
    mine = est.estimates(surveys["s"]).set_index("value")
    ones, _ = _options_written(tmp_path / "t", "t", {"1": "1", "0": "", "": ""}.get, keep_text=False)
    theirs = est.estimates(ones).set_index("value")
    for option in KOBO_OPTIONS_R:
        assert mine.loc[option, "n"] == 27
        assert (mine.loc[option, "estimate"], mine.loc[option, "se"]) == pytest.approx(
            (theirs.loc[option, "estimate"], theirs.loc[option, "se"]), rel=1e-12)


@pytest.mark.parametrize("filled", ["options", "text too"])
def test_select_multiple_option_columns_filled_with_0_for_those_not_asked_are_told(tmp_path, filled):
    """kobo_options.csv opened in Excel and its empty cells filled with 0: the 8 not asked (formation/suivie = non)
    got 0 in every option column (and, the text's blank filled too, '0' as their answer). Each option's share was
    taken among 40 for the 32 asked (« langue » 26.1 % for R's 32.6 %), without a word; with the form, its relevant
    did not see them, since their text was empty. Now warned: from the form's relevant, or from the '0' answer."""
    folder = tmp_path / "s"
    folder.mkdir()
    frame = pd.read_csv(FIXTURES / "kobo_options.csv", sep=";", dtype=str, keep_default_na=False)
    not_asked = frame["formation/suivie"].eq("non")
    frame.loc[not_asked, [f"formation/competences/{o}" for o in KOBO_OPTIONS_R]] = "0"
    if filled == "text too":
        frame.loc[not_asked, "formation/competences"] = "0"
    frame.to_csv(folder / "s.csv", sep=";", index=False)
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {share: formation/competences}\n"
    (folder / "s.yaml").write_text(spec, encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    if filled == "text too":
        assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
            ("survey_multiple_zero_answer", "warning", 2, "formation/competences", "0")]
        assert problems[0].message.startswith("8 answers are '0' to 'formation/competences', with 0 in every option")
    else:   # without the form: 13 with 0 in every option (8 not asked, 5 who chose none) and none with the options
        # empty, the export's sign of « not asked »; the 8 all answered 'non' to formation/suivie, the 5 'oui': the
        # 8 are read as not asked, with a warning (each share was among 40 for the 32 asked, without a word)
        assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
            ("survey_multiple_all_zero", "warning", 2, "formation/competences/langue", "0")]
        assert problems[0].message.startswith("the 8 respondents who answered 'non' to 'formation/suivie' all have "
                                              "0 in every option column")
        assert "read as not asked" in problems[0].message and "('langue': 11 of 32, not 11 of 40)" in \
            problems[0].message
        shares = est.estimates(load_surveys(folder)[0]["s"]).set_index("value")
        for option, (value, se, *_) in KOBO_OPTIONS_R.items():   # R's shares among the 32 asked
            assert shares.loc[option, "n"] == 32
            assert (shares.loc[option, "estimate"], shares.loc[option, "se"]) == pytest.approx((value, se), rel=1e-6)
    with pd.ExcelWriter(folder / "s.form.xlsx") as form:
        pd.DataFrame([{"type": "begin_group", "name": "formation", "label::Français (fr)": "Formation"},
                      {"type": "select_one oui_non", "name": "suivie", "label::Français (fr)": "Suivie"},
                      {"type": "select_multiple comp", "name": "competences", "label::Français (fr)": "Compétences",
                       "relevant": "${suivie} = 'oui'"},
                      {"type": "end_group"}]).to_excel(form, sheet_name="survey", index=False)
        pd.DataFrame([{"list_name": "oui_non", "name": v, "label::Français (fr)": v} for v in ("oui", "non")] +
                     [{"list_name": "comp", "name": v, "label::Français (fr)": v} for v in KOBO_OPTIONS_R]
                     ).to_excel(form, sheet_name="choices", index=False)
    (folder / "s.yaml").write_text(spec + "form: s.form.xlsx\n", encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    told = [(p.rule, p.severity, p.row, p.column, p.value) for p in problems if p.rule == "survey_answered_not_asked"]
    assert told == [("survey_answered_not_asked", "warning", 2,
                     "formation/competences" + ("/langue" if filled == "options" else ""), "0")]
    assert problems[0 if filled == "options" else 1].message.startswith("8 answers are given to")


# tests/fixtures/survey/skip_zero.R: option -> (estimate, se, logit CI low, high, deff) on the 71 asked, df 9
SKIP_ZERO_R = {
    "langue": (0.282472613459, 0.0430511715229, 0.195803979817, 0.388949512837, 0.677761260892),
    "metier": (0.605633802817, 0.053041219527, 0.481663821427, 0.717352909169, 0.873049435627),
    "droits": (0.360719874804, 0.057555594321, 0.242898866682, 0.498092401277, 1.06472005649),
}


@pytest.mark.parametrize("sign", [True, False], ids=["skip-logic-found", "no-sign"])
def test_option_columns_all_zero_give_r_s_interval_on_the_asked_and_the_annex_says_whose(tmp_path, sign):
    """skip_zero.csv: 3 regions of 4 villages, the 25 not asked (formation/suivie = non, one whole village) with 0
    in every option column. Read as not asked, each share, its SE, logit interval, deff, df
    and n equal R's svyciprop with the not asked empty (NA: the whole village stays in the design, 12
    villages - 3 strata, not subset(asked)'s 11 - 3); without the question telling them (no sign) they are
    counted (with the 13 asked who chose none), as R on the whole design. The annex showed only n (71 or 96),
    not whose shares they were."""
    from helpers.annex.surveys import all_zero
    from helpers.data.surveys import about, from_about

    folder = tmp_path / "s"
    folder.mkdir()
    frame = pd.read_csv(FIXTURES / "skip_zero.csv", sep=";", dtype=str, keep_default_na=False)
    if not sign:
        frame = frame.drop(columns="formation/suivie")
    frame.to_csv(folder / "s.csv", sep=";", index=False)
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids, strata: region, clusters: village}\n"
                                   "estimates:\n  - {share: formation/competences}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert [p.rule for p in problems] == ["survey_multiple_all_zero"]
    survey = surveys["s"]
    shares = est.estimates(survey).set_index("value")
    if sign:
        for option, expected in SKIP_ZERO_R.items():
            row = shares.loc[option]
            assert row["n"] == 71 and row["df"] == 9
            assert (row["estimate"], row["se"], row["ci_low"], row["ci_high"], row["deff"]) == pytest.approx(
                expected, rel=1e-6)
    else:
        assert shares.loc["langue", "n"] == 96 and shares.loc["langue", "df"] == 9
        assert (shares.loc["langue", "estimate"], shares.loc["langue", "se"]) == pytest.approx(
            (0.203265765766, 0.0496664086005), rel=1e-6)
    back = from_about("s", about(survey), survey.data)   # as the build's store gives it to the notebook
    said = {lang: all_zero(back, lang) for lang in ("fr", "en")}
    if sign:
        assert said == {
            "fr": ["« formation/competences » : les 25 répondants qui ont répondu « non » à « formation/suivie » ont "
                   "0 à toutes les options et aucune réponse (cases vides remplies de 0) : ils sont lus comme non "
                   "interrogés, et ses parts sont calculées parmi les autres répondants."],
            "en": ["'formation/competences': the 25 respondents who answered 'non' to 'formation/suivie' have 0 in "
                   "every option and no answer (empty cells filled with 0): they are read as not asked, and its "
                   "shares are among the other respondents."]}
    else:
        assert said["fr"][0].startswith("« formation/competences » : 38 répondants ont 0 à toutes les options")
        assert "counted as asked and choosing no option, in the denominator of its shares" in said["en"][0]


def test_a_select_multiple_of_the_form_exported_with_its_labels_is_refused(tmp_path):
    """The sample's export with its select_multiple as text only, written with the form's labels ('Langue
    Savoir-faire du métier', as KoboToolbox's « Labels » writes it): with the form, no word of the text was a choice
    name, and every option's share was 0 % (R on the codes: « langue » 49.4 %), told only that 4 respondents had no
    answer. Refused at the first such answer; the codes, or a row whose 0/1 columns say, are read as before."""
    submissions, _ = make_tracer_survey()
    labels = {"langue": "Langue", "numerique": "Numérique", "securite": "Sécurité au travail",
              "metier": "Savoir-faire du métier", "droits": "Droits des travailleurs"}
    spec = SPEC_CSV + "  - {share: competences}\nform: s.form.xlsx\n"
    text_only = submissions.drop(columns=[c for c in submissions if c.startswith("competences/")])
    worded = text_only.assign(competences=text_only["competences"].map(
        lambda a: " ".join(labels[w] for w in a.split()) if isinstance(a, str) else a))
    for name, frame in (("labels", worded), ("codes", text_only), ("both", submissions.assign(
            competences=worded["competences"]))):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(Path(__file__).parents[2] / "data" / "amem" / "surveys" / "tracer_stagiaires.form.xlsx",
                    folder / "s.form.xlsx")
        survey, problems = _csv_survey(folder, frame, spec)
        refused = [(p.rule, p.severity, p.row, p.column, p.value) for p in problems
                   if p.rule == "survey_multiple_not_a_choice"]
        if name == "labels":
            assert refused == [("survey_multiple_not_a_choice", "error", 2, "competences",
                                "Langue Savoir-faire du métier")]
            assert problems[-1].message.startswith("176 answers are to the select_multiple 'competences' holding")
            assert "« Labels »" in problems[-1].hint
        else:
            assert refused == []
            row = est.estimate(survey, "share", "competences", "langue")   # text only: among the 176 who chose one
            assert (row["estimate"], row["n"]) == (pytest.approx(0.49354 if name == "both" else 0.50412, abs=1e-5),
                                                   180 if name == "both" else 176)


def test_a_select_one_answer_that_is_not_a_choice_of_the_form_is_refused(tmp_path):
    """The sample's export with 5 « oui » written 'Yes' (the form's English label: an earlier version of the form,
    an export in another language pasted in) and 2 sexes written 'Female': the share employed was 43.1 % for 47.2 %
    and the share of women left the 2 out, without a word ('Oui' beside 'oui' is survey_value_spellings). Refused
    at the first row of each; answers all written as labels ('Oui', 'Femme') are read as before."""
    submissions, _ = make_tracer_survey()
    spec = SPEC_CSV + "form: s.form.xlsx\n"
    form = Path(__file__).parents[2] / "data" / "amem" / "surveys" / "tracer_stagiaires.form.xlsx"
    mixed = submissions.copy()
    mixed.loc[mixed.index[mixed["emploi/emploi_actuel"].eq("oui")][:5], "emploi/emploi_actuel"] = "Yes"
    mixed.loc[[0, 1], "identification/sexe"] = "Female"
    labels = submissions.assign(**{"emploi/emploi_actuel": submissions["emploi/emploi_actuel"].map(
        {"oui": "Oui", "non": "Non"}), "identification/sexe": submissions["identification/sexe"].map(
        {"f": "Femme", "h": "Homme"})})
    for name, frame, written in (("mixed", mixed, "oui"), ("labels", labels, "Oui")):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(form, folder / "s.form.xlsx")
        survey, problems = _csv_survey(folder, frame, spec.replace("value: oui", f"value: {written}"))
        refused = [(p.rule, p.severity, p.row, p.column, p.value) for p in problems]
        if name == "mixed":
            assert refused == [("survey_not_a_choice", "error", 2, "emploi/emploi_actuel", "Yes"),
                               ("survey_not_a_choice", "error", 2, "identification/sexe", "Female")]
            assert problems[0].message == ("5 answers are 'Yes', the choice 'oui' written otherwise than on the "
                                           "other rows ('oui', 'Yes'): the estimates would count it as an answer "
                                           "other than 'oui'")
            assert "(its choices: f, h)" in problems[1].message
        else:
            assert refused == []
            assert est.estimate(survey, "share", "emploi/emploi_actuel", "Oui")["estimate"] == pytest.approx(
                0.472191, abs=1e-6)
    folder = tmp_path / "by"   # a subgroup: 'Yes' was a subgroup of its own, « oui » among the others
    folder.mkdir()
    shutil.copy(form, folder / "s.form.xlsx")
    _, problems = _csv_survey(folder, mixed.assign(**{"identification/sexe": submissions["identification/sexe"]}),
                              "title: t\ndesign: {weights: poids}\nestimates:\n"
                              "  - {mean: emploi/heures_formation, by: emploi/emploi_actuel}\nform: s.form.xlsx\n")
    assert [(p.rule, p.row, p.column, p.value) for p in problems] == [
        ("survey_not_a_choice", 2, "emploi/emploi_actuel", "Yes")]


@pytest.mark.parametrize("written", ["Total", "sums only"])
def test_a_totals_row_below_the_export_is_refused(tmp_path, written):
    """The sample's export with Excel's sums typed below it ('Total' in its first cell, or the sums alone): with
    weights only, it was one more respondent standing for as many people as the 180 others, and the total of
    training hours was 35.3 million for 199 845, without a word. Refused at the row; a respondent whose answer is
    a choice named 'total' is not a totals row."""
    submissions, _ = make_tracer_survey()
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {total: emploi/heures_formation}\n"
    sums = {c: submissions[c].sum() for c in ("poids", "emploi/heures_formation")}
    row = pd.DataFrame([{"start": "Total", **sums} if written == "Total" else sums])
    _, problems = _csv_survey(tmp_path / "s", pd.concat([submissions, row], ignore_index=True), spec)
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_totals_row", "error", 182, "start" if written == "Total" else "emploi/heures_formation")]
    assert problems[0].message == ("this row is not a submission: " + (
        "'Total' says it is a totals row" if written == "Total" else
        "its emploi/heures_formation (21610) is the sum of the 180 other rows") + "; it would be counted as a "
        "respondent")
    answer = submissions.assign(satisfaction=["total" if i % 3 else "partielle" for i in range(len(submissions))],
                                enfants=[3 if i in (4, 9) else 0 for i in range(len(submissions))])   # 3 = 3 + 0...
    survey, problems = _csv_survey(tmp_path / "answer", answer, spec + "  - {share: satisfaction, value: total}\n"
                                   "  - {mean: enfants}\n")
    assert problems == [] and est.estimate(survey, "total", "emploi/heures_formation")["estimate"] == \
        pytest.approx(199844.55)


def test_a_weights_column_the_design_does_not_name_is_told(tmp_path):
    """The sample's export (its weights in 'poids') with a YAML whose 'design:' was left out: every estimate was the
    sample's own (mean earnings 321.2 for 325.4), and only the annex's design paragraph said « not weighted ».
    Now a warning naming the column; a design with weights, or an export without such a column, is not told."""
    submissions, _ = make_tracer_survey()
    spec = "title: t\nestimates:\n  - {mean: emploi/revenu}\n"
    survey, problems = _csv_survey(tmp_path / "s", submissions, spec)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_weights_unused", "warning", 2, "poids", "14.2")]
    assert "write 'design: {weights: poids}' in the YAML" in problems[0].hint
    assert est.estimate(survey, "mean", "emploi/revenu")["estimate"] == pytest.approx(321.208118, abs=1e-6)
    _, problems = _csv_survey(tmp_path / "w", submissions, spec.replace("estimates", "design: {weights: poids}\n"
                                                                        "estimates"))
    assert problems == []
    _, problems = _csv_survey(tmp_path / "n", submissions.drop(columns="poids"), spec)
    assert problems == []
    _, problems = _csv_survey(tmp_path / "body", submissions, spec + "  - {mean: poids}\n")   # a body weight
    assert problems == []


@pytest.mark.parametrize("status, rule, kept", [
    ("{'timestamp': 1620000000, 'uid': 'validation_status_not_approved', 'by_whom': 'eval', 'label': 'Not Approved'}",
     "survey_rejected", 177),
    ("Non validé", "survey_review_unknown", 180), ("Invalide", "survey_review_unknown", 180),
    ("En attente", None, 180), ("{}", None, 180), ("Approved", None, 180)])
def test_a_review_status_none_of_the_platforms_is_told(tmp_path, status, rule, kept):
    """KoboToolbox's status as its API writes it (an export made with a script) and a status typed by hand or in
    another language ('Non validé', 'Invalide': not approved?) were counted without a word: the 3 submissions
    KoboToolbox marked not approved were respondents. The API's uid is read; an unknown status is told, kept."""
    submissions, _ = make_tracer_survey()
    submissions.loc[[3, 7, 11], "_validation_status"] = status
    survey, problems = _csv_survey(tmp_path / "s", submissions, SPEC_CSV)
    assert [(p.rule, p.severity, p.row) for p in problems] == ([(rule, "warning", 5)] if rule else [])
    assert len(survey.data) == kept


@pytest.mark.parametrize("typed, unit", [("1500 MAD", "MAD"), ("€ 1 500", "€"), ("1500-2000", None)])
def test_an_income_typed_with_its_currency_is_refused_saying_so(tmp_path, typed, unit):
    """'1500 MAD' typed in an export cleaned by hand was refused as « not a number » with the hint to write '.' for
    decimals, which says nothing of the currency; the message now names what stands beside the number."""
    submissions, _ = make_tracer_survey()
    submissions = submissions.astype({"emploi/revenu": object})
    submissions.loc[submissions.index[submissions["emploi/revenu"].notna()][0], "emploi/revenu"] = typed
    _, problems = _csv_survey(tmp_path / "s", submissions, SPEC_CSV)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_not_a_number", "error", 2, "emploi/revenu", typed)]
    assert problems[0].message == "this answer is not a number" + (f" ('{unit}' beside the number)" if unit else "")
    assert ("without its currency or unit" in problems[0].hint) == (unit is not None)


@pytest.mark.parametrize("typed", ["NSP", "Ne sait pas", "Refus", "sans réponse"])
def test_a_dont_know_answer_to_a_number_question_is_refused_saying_what_it_is(tmp_path, typed):
    """« Ne sait pas » typed as an income (an export cleaned by hand, a form whose number question took text) was
    « not a number » with the hint to write '.' for decimals, which says nothing of what to do with a « don't know ».
    The message names it, the hint says to leave it empty (the estimate then over those who answered)."""
    submissions, _ = make_tracer_survey()
    submissions = submissions.astype({"emploi/revenu": object})
    row = submissions.index[submissions["emploi/revenu"].notna()][0]
    submissions.loc[row, "emploi/revenu"] = typed
    _, problems = _csv_survey(tmp_path / "s", submissions)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_not_a_number", "error", row + 2, "emploi/revenu", typed)]
    assert "« don't know » or a refusal" in problems[0].message and "Leave it empty" in problems[0].hint
    # a weight is no answer to leave empty
    _, problems = _csv_survey(tmp_path / "w", submissions.astype({"poids": object}).assign(poids=lambda f: [
        typed, *f["poids"][1:]], **{"emploi/revenu": make_tracer_survey()[0]["emploi/revenu"]}))
    assert [(p.rule, p.row, p.column, p.message) for p in problems] == [
        ("survey_not_a_number", 2, "poids", "this answer is not a number")]


@pytest.mark.parametrize("column", ["poids", "emploi/revenu"])
def test_numbers_typed_with_a_percent_sign_are_refused_once_naming_it(tmp_path, column):
    """Weights typed '14,20 %' (a column formatted as percentages, saved as CSV by a French Excel): 10 « this
    answer is not a number » with the hint to write '.' for decimals, the count of 170 more, then 20 « the weight
    is missing » and 160 more, none naming the '%'. One error now, at the first cell, naming the '%', how many and
    what to do; the weights are not said missing."""
    submissions, _ = make_tracer_survey()
    typed = submissions[column].map(lambda v: f"{v:.2f} %".replace(".", ",") if pd.notna(v) else v)
    _, problems = _csv_survey(tmp_path / "s", submissions.assign(**{column: typed}))
    first = typed.first_valid_index()
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_percent_sign", "error", first + 2, column, typed[first])]
    assert f"{typed.notna().sum()} answers of this column are written with '%'" in problems[0].message
    assert "Remove the '%'" in problems[0].hint
    assert ("relative weights" in problems[0].hint) == (column == "poids")


@pytest.mark.parametrize("column, typed, read", [("emploi/revenu", "3e2", "300"), ("poids", "1,2E+03", "1200"),
                                                 ("emploi/revenu", "1.5e3", "1500")])
def test_a_number_in_scientific_notation_is_refused_at_its_cell(tmp_path, column, typed, read):
    """'3e2' typed as an income (a typo) or a weight saved '1,2E+03' by Excel (a narrow column's display, its
    digits lost) was read as 300 or 1200 in the estimates without a word. Refused at its cell, saying how it
    would read."""
    submissions, _ = make_tracer_survey()
    submissions = submissions.astype({column: object})
    row = submissions.index[submissions[column].notna()][0]
    submissions.loc[row, column] = typed
    _, problems = _csv_survey(tmp_path / "s", submissions)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_not_a_number", "error", row + 2, column, typed)]
    assert f"scientific notation ({read})" in problems[0].message


@pytest.mark.parametrize("typed", ["every", "some"])
def test_a_repeat_group_s_amounts_typed_with_their_currency_are_refused_at_their_cells(tmp_path, typed):
    """A repeat group's salaries typed '1020 MAD' (the export cleaned by hand), their sum estimated: with every
    amount so, the YAML's 'emplois/salaire/_sum' was « missing » with « Did you mean 'emplois/duree_mois/_sum' »;
    with some, « not a number » with the hint to write '.' for decimals, and a warning that those answers were
    empty. Each is now refused at its cell of the repeat's sheet, naming the currency."""
    import openpyxl

    write_tracer_survey(tmp_path)
    book = openpyxl.load_workbook(tmp_path / f"{NAME}.xlsx")
    sheet = book["emplois"]
    sheet.insert_cols(3)
    sheet.cell(row=1, column=3).value = "emplois/salaire"
    for row in range(2, sheet.max_row + 1):
        amount = 1000 + 10 * row
        sheet.cell(row=row, column=3).value = f"{amount} MAD" if typed == "every" or row % 7 == 0 else amount
    book.save(tmp_path / f"{NAME}.xlsx")
    spec = (tmp_path / f"{NAME}.yaml").read_text(encoding="utf-8").replace(
        "estimates:\n", "estimates:\n  - {mean: emplois/salaire/_sum}\n")
    (tmp_path / f"{NAME}.yaml").write_text(spec, encoding="utf-8")
    _, problems, _ = load_surveys(tmp_path)
    assert {p.rule for p in problems} == {"survey_not_a_number"}
    first = problems[0]
    assert (first.cell, first.column, first.value) == (("emplois!C2", "emplois/salaire", "1020 MAD") if typed == "every"
                                                      else ("emplois!C7", "emplois/salaire", "1070 MAD"))
    assert first.message == "this answer is not a number ('MAD' beside the number)"
    assert "without its currency or unit" in first.hint
    more = 180 - 10 if typed == "every" else 25 - 10
    assert problems[-1].message == f"{more} more answers of this column of the sheet 'emplois' are not numbers"


def test_a_repeat_group_s_question_named_as_a_respondent_s_is_said_so(tmp_path):
    """The YAML asking the mean of 'emplois/duree_mois' (a question of the repeat sheet 'emplois') or the share of
    its 'emplois/secteur': refused as a column « which tracer_stagiaires.xlsx does not have » (it has it, on its
    second sheet), with « Did you mean 'emplois/_count'? » for the sector. Said now: a repeat's question, and what
    can be estimated of it."""
    write_tracer_survey(tmp_path)
    spec = (tmp_path / f"{NAME}.yaml").read_text(encoding="utf-8").replace(
        "estimates:\n", "estimates:\n  - {mean: emplois/duree_mois}\n  - {share: emplois/secteur, value: services}\n")
    (tmp_path / f"{NAME}.yaml").write_text(spec, encoding="utf-8")
    _, problems, _ = load_surveys(tmp_path)
    assert [(p.rule, p.column, p.value) for p in problems] == [
        ("survey_repeat_question", "estimates.0.mean", "emplois/duree_mois"),
        ("survey_repeat_question", "estimates.1.share", "emplois/secteur")]
    assert "a question of the repeat group 'emplois'" in problems[0].message
    assert "'emplois/duree_mois/_sum'" in problems[0].hint and "'emplois/_count'" in problems[1].hint


def test_a_repeat_sheet_without_its_parent_index_is_joined_by_the_submission_s_uuid(tmp_path, sample):
    """The repeat sheet's '_parent_index' (and '_parent_table_name') deleted from KoboToolbox's export: the sheet
    was not read as a repeat group, and the YAML's 'emplois/_count' was « not in the export », though each row
    still names its submission by '_submission__uuid'. Joined by it now: the sample's counts."""
    sheets = pd.read_excel(DATA_DIR / "amem" / "surveys" / f"{NAME}.xlsx", sheet_name=None, dtype=object)
    with pd.ExcelWriter(tmp_path / f"{NAME}.xlsx") as book:
        for name, sheet in sheets.items():
            if name == "emplois":
                sheet = sheet.drop(columns=["_parent_index", "_parent_table_name"])
            sheet.to_excel(book, sheet_name=name, index=False)
    for suffix in (".yaml", ".form.xlsx"):
        shutil.copy(DATA_DIR / "amem" / "surveys" / f"{NAME}{suffix}", tmp_path)
    surveys, problems, _ = load_surveys(tmp_path)
    assert problems == []
    pd.testing.assert_series_equal(surveys[NAME].data["emplois/_count"], sample.data["emplois/_count"])


def test_a_totals_row_under_a_repeat_group_s_rows_is_said_so(tmp_path):
    """'Total' and the sum of the months typed under the repeat sheet's rows: refused as « names a submission that
    is not in the first sheet » with the hint to export the form again, though the row names none. Said now."""
    import openpyxl

    write_tracer_survey(tmp_path)
    book = openpyxl.load_workbook(tmp_path / f"{NAME}.xlsx")
    sheet = book["emplois"]
    last = sheet.max_row
    sheet.cell(row=last + 1, column=1).value = "Total"
    sheet.cell(row=last + 1, column=2).value = sum(sheet.cell(row=r, column=2).value or 0 for r in range(2, last + 1))
    book.save(tmp_path / f"{NAME}.xlsx")
    _, problems, _ = load_surveys(tmp_path)
    assert [(p.rule, p.cell, p.column) for p in problems] == [
        ("repeat_parent_unknown", f"emplois!E{last + 1}", "_parent_index")]
    assert problems[0].message == ("this repeat row names no submission (its '_parent_index' is empty): a totals "
                                   "row, or a row typed under the export?")


@pytest.mark.parametrize("written", ["csv", "first sheet"])
def test_a_repeat_group_s_sheet_given_as_the_export_is_refused(tmp_path, written):
    """KoboToolbox's repeat sheet saved alone as the export (its CSV, or the .xlsx with the repeat's sheet first):
    each job was a respondent (the mean job length 12.1 months per « respondent », n = 180 jobs, the SE without
    the clustering of a trainee's jobs), without a word. Refused, naming the column that shows it."""
    submissions, jobs = make_tracer_survey()
    folder = tmp_path / "s"
    folder.mkdir()
    if written == "csv":
        jobs.to_csv(folder / "s.csv", sep=";", index=False)
    else:
        with pd.ExcelWriter(folder / "s.xlsx") as book:
            jobs.to_excel(book, sheet_name="emplois", index=False)
            submissions.to_excel(book, sheet_name="Suivi des stagiaires AMEM", index=False)
    (folder / "s.yaml").write_text("title: t\nestimates:\n  - {mean: emplois/duree_mois}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert "s" not in surveys
    assert [(p.rule, p.row if written == "csv" else p.cell, p.column) for p in problems] == [
        ("survey_repeat_as_export", 1 if written == "csv" else "emplois!E1", "_parent_index")]
    assert problems[0].message.startswith(f"the {'file' if written == 'csv' else 'first sheet'} is a repeat group's rows")


def test_a_question_a_form_version_renamed_is_told(tmp_path):
    """Two versions of the form in one export (KoboToolbox's __version__): the second renamed 'emploi/revenu' to
    'emploi/revenu_mensuel', the export holding both columns, each empty on the other version's rows. The mean of
    'emploi/revenu_mensuel' was that of the second version's 50 answers for the 85 there are (325.27 for 325.40),
    without a word; it is now told, naming the column the first version's submissions answer."""
    submissions, _ = make_tracer_survey()
    first = submissions.index < 70
    submissions["__version__"] = np.where(first, "vAbc2021a", "vXyz2021b")
    submissions.insert(submissions.columns.get_loc("emploi/revenu") + 1, "emploi/revenu_mensuel",
                       submissions["emploi/revenu"].where(~first))
    submissions["emploi/revenu"] = submissions["emploi/revenu"].where(first)
    spec = SPEC_CSV.replace("{mean: emploi/revenu}", "{mean: emploi/revenu_mensuel}")
    survey, problems = _csv_survey(tmp_path / "s", submissions, spec)
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_version_unanswered", "warning", 2, "emploi/revenu_mensuel")]
    assert "version 'vAbc2021a' (70 of 180)" in problems[0].message
    assert "they answer 'emploi/revenu' instead" in problems[0].message
    # one version, or every version answering it: nothing to tell
    submissions["emploi/revenu_mensuel"] = submissions["emploi/revenu_mensuel"].fillna(submissions["emploi/revenu"])
    assert _csv_survey(tmp_path / "t", submissions, spec)[1] == []


def _recoded_by_a_version(column, codes, first=70):
    """The tracer's submissions in two versions of the form (the first ``first`` of 'vAbc2021a'), the second writing
    ``column``'s answers with ``codes`` (a mapping; those it does not name kept)."""
    submissions, _ = make_tracer_survey()
    later = submissions.index >= first
    submissions["__version__"] = np.where(later, "vXyz2021b", "vAbc2021a")
    submissions.loc[later, column] = submissions.loc[later, column].replace(codes)
    return submissions


def test_choices_a_form_version_renamed_are_told(tmp_path):
    """Two versions of the form, the second writing 'emploi_actuel' 1 / 0 for the first's oui / non, without the
    form: the share of '1' counted the first version's 'oui' as other answers (25.3 % for 47.2 %), without a word.
    Told now, with both versions' codes."""
    submissions = _recoded_by_a_version("emploi/emploi_actuel", {"oui": "1", "non": "0"})
    spec = SPEC_CSV.replace("value: oui", "value: '1'")
    _, problems = _csv_survey(tmp_path / "s", submissions, spec)
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_version_codes", "warning", 2, "emploi/emploi_actuel")]
    assert problems[0].message.startswith("the submissions of the form's version 'vAbc2021a' answer 'non', 'oui', "
                                          "those of 'vXyz2021b' '0', '1': no answer in common")
    # the same codes in both versions: nothing to tell
    submissions["emploi/emploi_actuel"] = submissions["emploi/emploi_actuel"].replace({"oui": "1", "non": "0"})
    assert _csv_survey(tmp_path / "t", submissions, spec)[1] == []


def test_subgroup_codes_a_form_version_renamed_are_told(tmp_path):
    """The second version of the form writes the sex 'femme' / 'homme' for the first's 'f' / 'h': the mean income by
    sex had four subgroups (f, femme, h, homme), each of half the women or men, and the share of women counted the
    first version's only, without a word (the check looked at the questions of a share only). Told as for a share."""
    submissions = _recoded_by_a_version("identification/sexe", {"f": "femme", "h": "homme"}, first=90)
    spec = SPEC_CSV.replace("{mean: emploi/revenu}", "{mean: emploi/revenu, by: identification/sexe}")
    _, problems = _csv_survey(tmp_path / "s", submissions, spec)
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_version_codes", "warning", 2, "identification/sexe")]


def test_one_choice_a_form_version_renamed_is_told(tmp_path):
    """The second version of the form renamed one choice, 'oui' to 'en_emploi', and kept 'non': the two versions
    share an answer, so nothing was said, and the share of 'oui' counted the second version's employed as not
    employed (25.0 % for 47.2 %). Told when a version never gives an answer the other gives often enough that it
    cannot be chance (and gives one the other never does); a rare answer missing from a version is not told."""
    submissions = _recoded_by_a_version("emploi/emploi_actuel", {"oui": "en_emploi"}, first=90)
    _, problems = _csv_survey(tmp_path / "s", submissions)
    renamed = submissions.index[submissions["emploi/emploi_actuel"].eq("en_emploi")][0]
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_version_codes", "warning", renamed + 2, "emploi/emploi_actuel", "en_emploi")]
    assert problems[0].message.startswith("the submissions of the form's version 'vXyz2021b' never answer 'oui', "
                                          "which those of 'vAbc2021a' answer")
    assert "and answer 'en_emploi' (43 of 90), which those of 'vAbc2021a' never answer" in problems[0].message
    # a third answer given twice in the first version only: chance, not told
    submissions["emploi/emploi_actuel"] = submissions["emploi/emploi_actuel"].replace({"en_emploi": "oui"})
    submissions.loc[[3, 5], "emploi/emploi_actuel"] = "stage"
    assert _csv_survey(tmp_path / "t", submissions)[1] == []

def test_an_option_a_form_version_added_is_told(tmp_path):
    """The second version of the form added the option 'droits' to 'competences'; KoboToolbox's export writes 0
    in its column on the first version's rows: its share counted 90 respondents never offered it as not choosing
    it (12.8 % of everyone, 29 % among those of the second version), without a word. Told now; the same option
    simply never chosen by a few is not."""
    submissions, _ = make_tracer_survey()
    first = submissions.index < 90
    submissions["__version__"] = np.where(first, "vAbc2021a", "vXyz2021b")
    submissions.loc[first & submissions["competences/droits"].notna(), "competences/droits"] = 0
    submissions.loc[first, "competences"] = submissions.loc[first, "competences"].str.replace(
        r"\s*\bdroits\b", "", regex=True).str.strip().replace("", np.nan)
    spec = SPEC_CSV + "  - {share: competences}\n"
    _, problems = _csv_survey(tmp_path / "s", submissions, spec)
    told = [p for p in problems if p.rule == "survey_version_option"]
    assert [(p.severity, p.row, p.column) for p in told] == [("warning", 2, "competences/droits")]
    assert told[0].message.startswith("no submission of the form's version 'vAbc2021a' (90 answers) chose the "
                                      "option 'droits', which 29% of another version's chose")
    # the option's cells left empty on the first version's rows: its share is among those offered it, not told
    submissions.loc[first, "competences/droits"] = np.nan
    _, problems = _csv_survey(tmp_path / "t", submissions, spec)
    assert "survey_version_option" not in {p.rule for p in problems}


def test_dont_know_answers_counted_in_a_share_s_denominator_are_told(tmp_path):
    """A form whose yes/no list has « Ne sait pas » (nsp), answered by 20 trainees: the share of 'oui' counts them
    as not 'oui' (40.4 %, R's svyciprop(~I(emploi == "oui")) with them; 45.4 % among those who know), without a
    word. The figure stays R's; a warning now says how many are in its denominator and what to do."""
    import openpyxl

    write_tracer_survey(tmp_path)
    form = openpyxl.load_workbook(tmp_path / f"{NAME}.form.xlsx")
    form["choices"].append(["oui_non", "nsp", "Ne sait pas", "Don't know"])
    form.save(tmp_path / f"{NAME}.form.xlsx")
    book = openpyxl.load_workbook(tmp_path / f"{NAME}.xlsx")
    sheet = book.worksheets[0]
    column = [c.value for c in sheet[1]].index("emploi/emploi_actuel") + 1
    for row in range(2, sheet.max_row + 1, 9):
        sheet.cell(row=row, column=column).value = "nsp"
    book.save(tmp_path / f"{NAME}.xlsx")
    surveys, problems, _ = load_surveys(tmp_path)
    assert [(p.rule, p.severity, p.cell, p.value) for p in problems] == [
        ("survey_dont_know_counted", "warning", "'Suivi des stagiaires AMEM'!G2", "nsp")]
    assert problems[0].message == ("20 answers are « Ne sait pas » (nsp): counted in the denominator of the share "
                                   "of 'oui', as respondents who did not give it")
    share = est.estimate(surveys[NAME], "share", "emploi/emploi_actuel", "oui")
    assert share["estimate"] == pytest.approx(0.4039929, abs=1e-7) and share["n"] == 180


# tests/fixtures/survey/dont_know_98.R: the share of 'oui' (estimate, se, CI low, CI high, n), the 98 counted / as NA
DONT_KNOW_98_R = {"counted": (0.432908823112, 0.0374210079796, 0.353861995649, 0.51552505627, 180),
                  "known": (0.472264169939, 0.0408229177959, 0.385104532495, 0.561148088988, 165)}


def test_a_number_code_among_answers_in_words_is_told_in_a_share(tmp_path):
    """« Employed today » answered 'oui' / 'non', and '98' (forms' code for « ne sait pas ») on 15 rows, without the
    form: the share of 'oui' counted them as not 'oui' (43.3 %, R's with them; 47.2 % among those who answered)
    without a word, since only a number among numbers (99 beside 1, 2) was taken for a code. Now warned
    (survey_dont_know_counted, in French too); with missing_codes: [98] the share is R's with 98 as NA."""
    from helpers.pipeline.messages import translated

    spec = ("title: t\ndesign: {weights: poids, strata: identification/pays, clusters: identification/centre}\n"
            "estimates:\n  - {share: emploi/emploi_actuel, value: oui}\n")
    folder = tmp_path / "s"
    folder.mkdir()
    shutil.copy(FIXTURES / "dont_know_98.csv", folder / "s.csv")
    for declared, expected in (("", "counted"), ("missing_codes: [98]\n", "known")):
        (folder / "s.yaml").write_text(spec + declared, encoding="utf-8")
        surveys, problems, _ = load_surveys(folder)
        share = est.estimate(surveys["s"], "share", "emploi/emploi_actuel", "oui")
        assert (share["estimate"], share["se"], share["ci_low"], share["ci_high"]) == pytest.approx(
            DONT_KNOW_98_R[expected][:4], rel=1e-6)
        assert share["n"] == DONT_KNOW_98_R[expected][4]
        if declared:
            assert problems == []
            continue
        assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
            ("survey_dont_know_counted", "warning", 2, "emploi/emploi_actuel", "98")]
        assert translated(problems[0], "fr").message == (
            "15 réponses valent '98', un code de 'ne sait pas' ou 'refus' dans la plupart des formulaires : comptées "
            "au dénominateur de la part de 'oui', comme des répondants qui ne l'ont pas donnée")
        assert "déclarez le code (missing_codes: [98] dans le YAML)" in translated(problems[0], "fr").hint


def test_a_number_code_among_a_select_multiple_s_options_is_told_without_missing_codes(tmp_path):
    """The skills used at work with an option '98' (« ne sait pas ») chosen alone by 20 trainees, without the form:
    each option's share counts them in its denominator (langue 40.3 %), as the warning says; its hint told to
    declare missing_codes: [98], which leaves a select_multiple's options as they are (the same 40.3 %, the same
    warning). The hint now says to leave their answers empty only."""
    submissions, _ = make_tracer_survey()
    options = [c for c in submissions.columns if c.startswith("competences/")]
    submissions["competences/98"] = 0
    submissions.loc[submissions.index[:20], options] = 0
    submissions.loc[submissions.index[:20], ["competences/98", "competences"]] = [1, "98"]
    spec = ("title: t\ndesign: {weights: poids, strata: identification/pays, clusters: identification/centre}\n"
            "estimates:\n  - {share: competences}\n")
    for declared in ("", "missing_codes: [98]\n"):
        survey, problems = _csv_survey(tmp_path / str(len(declared)), submissions, spec + declared)
        told = [p for p in problems if p.rule == "survey_dont_know_counted"]
        assert [(p.row, p.column, p.value) for p in told] == [(2, "competences", "98")], problems
        assert "missing_codes" not in told[0].hint and told[0].hint.endswith("otherwise nothing needs doing."), told
        share = est.estimate(survey, "share", "competences", "langue")
        assert share["estimate"] == pytest.approx(0.402855, abs=1e-6) and share["n"] == 180


@pytest.mark.parametrize("sent", ["_submission_time", "SubmissionDate"])
@pytest.mark.parametrize("fieldwork", [True, False])
def test_a_device_whose_clock_was_reset_is_not_a_test_of_the_form(tmp_path, sent, fieldwork):
    """Two interviews of the fieldwork made on a tablet whose clock was reset (ODK's start 2000-01-01 and
    1970-01-01), received by the server in April 2021: with fieldwork_start they were left out as « tests of the
    form » (178 respondents for 180), without it told as tests made 7 730 days before the others. Their day is the
    server's, with a warning; KoboToolbox's _submission_time or ODK Central's SubmissionDate."""
    submissions, _ = make_tracer_survey()
    submissions.loc[[5, 6], "start"] = ["2000-01-01T00:12:00", "1970-01-01T03:00:00"]
    submissions = submissions.rename(columns={"_submission_time": sent})
    spec = SPEC_CSV + ("fieldwork_start: 2021-03-01\n" if fieldwork else "")
    survey, problems = _csv_survey(tmp_path / "s", submissions, spec)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_device_clock", "warning", 7, "start", "2000-01-01T00:12:00")]
    assert problems[0].message == ("2 submission(s) started more than 365 days before the server received them "
                                   f"(rows 7, 8): the device's clock was wrong; their day is taken from "
                                   f"'{sent.lower()}'")
    assert len(survey.data) == 180 and survey.early == 0


def test_the_same_interview_sent_twice_under_two_identifiers_is_refused(tmp_path):
    """One interview received twice under two _uuid (Enketo offline, a form saved as new on the device): its start
    and end to the second and every answer those of another row, its respondent counted twice without a word (only
    the identifiers were compared). Refused at the second row; two interviews with the same answers but other
    times are two respondents."""
    submissions, _ = make_tracer_survey()
    again = submissions.iloc[[10]].assign(_uuid="ffffffff-0000-4000-8000-000000000001", _id=999999, _index=181,
                                          _submission_time="2021-04-30T10:00:00")
    _, problems = _csv_survey(tmp_path / "s", pd.concat([submissions, again], ignore_index=True))
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_repeated_submission", "error", 182, "_uuid")]
    assert problems[0].message == ("this submission is already in the export: its start, end and every answer are "
                                   "those of row 12, under another _uuid (the same interview sent twice)")
    other = again.assign(start="2021-04-30T09:00:00", end="2021-04-30T09:25:00")
    _, problems = _csv_survey(tmp_path / "other", pd.concat([submissions, other], ignore_index=True))
    assert problems == []


@pytest.mark.parametrize("marked", ["copy", "first"])
def test_a_copy_marked_not_approved_at_review_is_not_a_repeated_submission(tmp_path, marked):
    """The interview sent twice, one of its two rows marked « Not Approved » in KoboToolbox (its way of discarding a
    duplicate): refused with « delete one of the two rows » beside the warning that the row is left out. It is left
    out, and the estimates are those of the export without it; a third copy not marked is still refused."""
    submissions, _ = make_tracer_survey()
    submissions["_validation_status"] = ""
    again = submissions.iloc[[10]].assign(_uuid="ffffffff-0000-4000-8000-000000000001", _id=999999, _index=181)
    both = pd.concat([submissions, again], ignore_index=True)
    both.loc[180 if marked == "copy" else 10, "_validation_status"] = "Not Approved"
    survey, problems = _csv_survey(tmp_path / "s", both)
    assert [(p.rule, p.severity) for p in problems] == [("survey_rejected", "warning")]
    alone, _ = _csv_survey(tmp_path / "alone", submissions.drop(columns="_validation_status"))
    mine, theirs = est.estimates(survey).set_index("key"), est.estimates(alone).set_index("key")
    assert (mine["estimate"].to_numpy() == pytest.approx(theirs["estimate"].to_numpy(), rel=1e-12))
    third = again.assign(_uuid="ffffffff-0000-4000-8000-000000000002", _index=182)
    _, problems = _csv_survey(tmp_path / "third", pd.concat([both, third], ignore_index=True))
    assert "survey_repeated_submission" in [p.rule for p in problems]


def test_two_digit_codes_for_dont_know_above_every_answer_are_told(tmp_path):
    """98 ('ne sait pas' in DHS / MICS-style forms) typed twice among numbers of children of 0 to 4: the mean was 8.27
    for 1.86 without them, and one 88 among years of schooling of 3 to 14 made it 10.63 for 7.97, without a word
    (only 99 and numbers of 100 or more were looked at). Now told as 99 is; one 98 below a true larger answer is
    an answer."""
    rows = [{"_uuid": f"a{i:03d}", "_index": i + 1, "_submission_time": f"2021-05-{1 + i % 28:02d}T10:00:00",
             "poids": 10.0, "menage/enfants": i % 5, "menage/annees_etude": 3 + i % 12} for i in range(30)]
    frame = pd.DataFrame(rows)
    frame.loc[[4, 9], "menage/enfants"] = 98
    frame.loc[3, "menage/annees_etude"] = 88
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: menage/enfants}\n  - {mean: menage/annees_etude}\n"
    folder = tmp_path / "codes"
    folder.mkdir()
    frame.to_csv(folder / "s.csv", sep=";", index=False)
    (folder / "s.yaml").write_text(spec, encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    assert sorted((p.rule, p.severity, p.row, p.column, p.value) for p in problems) == [
        ("survey_nines", "warning", 5, "menage/annees_etude", "88"),
        ("survey_nines", "warning", 6, "menage/enfants", "98")]
    assert sorted(p.message for p in problems)[1].startswith("2 answers are 98, more than every other answer (at most 4)")
    ages = frame.assign(**{"menage/enfants": [20.0 + i for i in range(30)]})   # ages of 20 to 49
    ages.loc[[4, 9], "menage/enfants"] = [98.0, 104.0]    # beside a true 104, one 98 is an answer
    folder = tmp_path / "ages"
    folder.mkdir()
    ages.drop(columns="menage/annees_etude").to_csv(folder / "s.csv", sep=";", index=False)
    (folder / "s.yaml").write_text(spec.replace("  - {mean: menage/annees_etude}\n", ""), encoding="utf-8")
    assert load_surveys(folder)[1] == []


def test_the_same_submission_from_kobotoolbox_and_odk_central_is_refused(tmp_path):
    """A KoboToolbox export (``_uuid`` without ``uuid:``, ``meta/instanceID`` with it) and the ODK Central export of
    some of the same submissions (``meta/instanceID`` only) pasted one under the other: only the ``_uuid`` column
    was compared, and the 5 submissions of both counted twice (mean earnings 310 for 295, total 77 500 for 59 000,
    without a word). Each row's identifier is its first ID column filled, without ODK's 'uuid:'."""
    kobo = pd.DataFrame({"start": [f"2021-05-{1 + i:02d}T09:00:00" for i in range(20)],
                         "meta/instanceID": [f"uuid:0f3a{i:04d}-1111-4222-8333-{i:012d}" for i in range(20)],
                         "_uuid": [f"0f3a{i:04d}-1111-4222-8333-{i:012d}" for i in range(20)],
                         "_submission_time": [f"2021-05-{1 + i:02d}T10:00:00" for i in range(20)],
                         "poids": 10.0, "revenu": [200 + 10 * i for i in range(20)]})
    pasted = pd.concat([kobo, kobo.iloc[15:].drop(columns=["_uuid"])], ignore_index=True)
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: revenu}\n  - {total: revenu}\n"
    _, problems = _csv_survey(tmp_path / "pasted", pasted, spec)
    assert [(p.rule, p.row, p.column) for p in problems] == [
        ("survey_repeated_submission", 22 + k, "meta/instanceid") for k in range(5)]
    assert problems[0].message.endswith("its meta/instanceid (uuid:0f3a0015-1111-4222-8333-000000000015) is the "
                                        "_uuid of row 17 (0f3a0015-1111-4222-8333-000000000015)")
    # one row's _uuid typed with the prefix: the same submission
    prefixed = pd.concat([kobo, kobo.iloc[[5]].assign(_uuid=lambda f: "uuid:" + f["_uuid"])], ignore_index=True)
    _, problems = _csv_survey(tmp_path / "prefixed", prefixed.drop(columns=["meta/instanceID"]), spec)
    assert [(p.rule, p.row, p.column) for p in problems] == [("survey_repeated_submission", 22, "_uuid")]


def _two_kobo_exports(folder, keep_uuid):
    """The Maroc and the Tunisie deployments of one form, each exported by KoboToolbox (Download > XLS) and pasted
    into one workbook: each export numbers its submissions' _index from 1, and so its repeat rows' _parent_index."""
    rows, jobs = [], []
    for country, n, held in (("maroc", 6, 2), ("tunisie", 4, 0)):
        for k in range(n):
            uuid = f"{country[:3]}{k:05d}-aaaa-4bbb-8ccc-{k:012d}"
            rows.append({"start": f"2021-05-0{k + 1}T09:00:00", "pays": country, "poids": 10.0, "_uuid": uuid,
                         "_submission_time": f"2021-05-0{k + 1}T10:00:00", "_index": k + 1})
            for _ in range(held):
                jobs.append({"emplois/duree_mois": 3.0, "_index": len(jobs) + 1, "_parent_table_name": "Suivi",
                             "_parent_index": k + 1, "_submission__uuid": uuid})
    folder.mkdir(parents=True)
    with pd.ExcelWriter(folder / "s.xlsx") as book:
        pd.DataFrame(rows).to_excel(book, sheet_name="Suivi", index=False)
        pd.DataFrame(jobs).drop(columns=[] if keep_uuid else ["_submission__uuid"]).to_excel(
            book, sheet_name="emplois", index=False)
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids, strata: pays}\nestimates:\n"
                                   "  - {mean: emplois/_count}\n  - {total: emplois/_count}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    return surveys.get("s"), problems


def test_a_repeat_group_of_two_exports_pasted_is_joined_by_the_submission_s_uuid(tmp_path):
    """The repeat rows were joined by _index alone: the Tunisie trainees, who had no job, got the Maroc trainees' of
    the same _index (2 jobs each: the mean 2.0 for 1.2, the total 200 for 120, without a word). KoboToolbox's
    _submission__uuid joins them to their own submission; without it, an _index on two submissions is refused."""
    survey, problems = _two_kobo_exports(tmp_path / "uuid", keep_uuid=True)
    assert problems == []
    counts = survey.data.set_index("pays")["emplois/_count"]
    assert counts["maroc"].eq(2).all() and counts["tunisie"].eq(0).all()
    found = est.estimates(survey).set_index("stat")["estimate"]
    assert (found["mean"], found["total"]) == (pytest.approx(1.2), pytest.approx(120.0))
    _, problems = _two_kobo_exports(tmp_path / "index", keep_uuid=False)
    assert [(p.rule, p.severity, p.row, p.cell, p.column, p.value) for p in problems
            if p.rule != "survey_column_missing"] == [
        ("repeat_index_repeated", "error", 8, "Suivi!F8", "_index", "1")]


def test_odk_central_s_repeat_group_is_joined_by_parent_key(tmp_path):
    """ODK Central's repeat CSV names its submission by PARENT_KEY ('uuid:…', or 'uuid:…/emplois[1]' under a nested
    repeat), not _parent_index: put as a second sheet, it was not read, and 'emplois/_count' was « a column the
    export does not have »."""
    rows, jobs = [], []
    for k in range(8):
        key = f"uuid:7e1d{k:04d}-aaaa-4bbb-8ccc-{k:012d}"
        rows.append({"SubmissionDate": f"2021-05-0{k + 1}T10:00:00.000Z", "identification-pays":
                     "maroc" if k < 5 else "tunisie", "poids": 10.0, "meta-instanceID": key, "KEY": key})
        jobs += [{"duree_mois": 2.0 + j, "PARENT_KEY": key, "KEY": f"{key}/emplois[{j + 1}]"} for j in range(k % 3)]
    folder = tmp_path / "odk"
    folder.mkdir()
    with pd.ExcelWriter(folder / "s.xlsx") as book:
        pd.DataFrame(rows).to_excel(book, sheet_name="tracer", index=False)
        pd.DataFrame(jobs).to_excel(book, sheet_name="emplois", index=False)
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids, strata: identification-pays}\nestimates:\n"
                                   "  - {mean: emplois/_count}\n  - {total: duree_mois/_sum}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert problems == []
    data = surveys["s"].data
    assert data["emplois/_count"].tolist() == [k % 3 for k in range(8)]
    assert data["duree_mois/_sum"].tolist() == [(0.0, 2.0, 5.0)[k % 3] for k in range(8)]


def _odk_central_submissions():
    """Eight submissions as ODK Central's CSV writes them (group paths joined by '-', meta-instanceID, KEY) and
    their repeat group's rows (0, 1 or 2 jobs each, PARENT_KEY naming the submission)."""
    rows, jobs = [], []
    for k in range(8):
        key = f"uuid:7e1d{k:04d}-aaaa-4bbb-8ccc-{k:012d}"
        rows.append({"SubmissionDate": f"2021-05-0{k + 1}T10:00:00.000Z", "identification-pays":
                     "maroc" if k < 5 else "tunisie", "poids": 10.0, "meta-instanceID": key, "KEY": key})
        jobs += [{"emplois-duree_mois": 2.0 + j, "emplois-secteur": "agriculture", "PARENT_KEY": key,
                  "KEY": f"{key}/emplois[{j + 1}]"} for j in range(k % 3)]
    return rows, jobs


def _write_odk_central(folder, title=""):
    """s.csv and its repeat file s-emplois.csv (each below ``title``, lines typed above the header) and s.yaml
    asking for the mean count of jobs and the total of their months."""
    rows, jobs = _odk_central_submissions()
    (folder / "s.csv").write_text(title + pd.DataFrame(rows).to_csv(index=False), encoding="utf-8")
    (folder / "s-emplois.csv").write_text(title + pd.DataFrame(jobs).to_csv(index=False), encoding="utf-8")
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids, strata: identification-pays}\nestimates:\n"
                                   "  - {mean: emplois/_count}\n  - {total: emplois/duree_mois/_sum}\n",
                                   encoding="utf-8")


def test_odk_central_s_repeat_csv_beside_its_export_is_joined(tmp_path):
    """ODK Central's « Download all data » as it comes: s.csv and the repeat group's own file, s-emplois.csv, whose
    PARENT_KEY names each job's submission. The repeat file was « a survey without description: add
    s-emplois.yaml » and 'emplois/_count' « a column s.csv does not have »; it is joined as the .xlsx sheet is. A
    repeat file named after another form is said so, not read."""
    folder = tmp_path / "odk"
    folder.mkdir()
    _write_odk_central(folder)
    surveys, problems, _ = load_surveys(folder)
    assert problems == []
    data = surveys["s"].data
    assert data["emplois/_count"].tolist() == [k % 3 for k in range(8)]
    assert data["emplois/duree_mois/_sum"].tolist() == [(0.0, 2.0, 5.0)[k % 3] for k in range(8)]
    assert folder / "s-emplois.csv" in surveys["s"].files
    (folder / "s-emplois.csv").rename(folder / "tracer_2021-emplois.csv")
    surveys, problems, _ = load_surveys(folder)
    assert ("tracer_2021-emplois.csv", "survey_repeat_file", "warning") in [
        (Path(p.file).name, p.rule, p.severity) for p in problems]
    assert "Name it <export>-<repeat>.csv after its survey's export (s.csv), e.g. s-emplois.csv" in " ".join(
        p.hint for p in problems)
    assert "survey_without_description" not in [p.rule for p in problems]


def test_odk_central_s_repeat_file_of_one_question_is_read_as_its_group(tmp_path):
    """A repeat group holding a single question: ODK Central's repeat file s-emplois.csv has one column of answers,
    'emplois-duree_mois'. Its group was told by a prefix two headers share, so it was read as a question named
    'emplois-duree_mois' and 'emplois/duree_mois/_sum' was « a column s.csv does not have »; the file's own name
    is the group."""
    folder = tmp_path / "odk"
    folder.mkdir()
    _write_odk_central(folder)
    jobs = pd.read_csv(folder / "s-emplois.csv").drop(columns=["emplois-secteur"])
    (folder / "s-emplois.csv").write_text(jobs.to_csv(index=False), encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert problems == []
    assert surveys["s"].data["emplois/duree_mois/_sum"].tolist() == [(0.0, 2.0, 5.0)[k % 3] for k in range(8)]


def test_a_kobo_repeat_sheet_saved_as_csv_beside_the_csv_export_is_joined(tmp_path, sample):
    """KoboToolbox's CSV export has no repeat groups; the jobs' sheet of its XLS export saved as s-emplois.csv (with
    _parent_index and _submission__uuid) beside it was « a survey without description » and 'emplois/_count' « not
    in the export ». It is joined by the submissions' _uuid: the sample's counts."""
    submissions, jobs = make_tracer_survey()
    folder = tmp_path / "s"
    folder.mkdir()
    submissions.to_csv(folder / "s.csv", sep=";", index=False)
    jobs.to_csv(folder / "s-emplois.csv", sep=";", index=False)
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids, strata: identification/pays, clusters: "
                                   "identification/centre}\nestimates:\n  - {mean: emplois/_count}\n",
                                   encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert [p.rule for p in problems] == []
    np.testing.assert_array_equal(surveys["s"].data["emplois/_count"].to_numpy(),
                                  sample.data["emplois/_count"].to_numpy())


def test_a_score_s_dont_know_choice_in_the_form_is_not_averaged(tmp_path):
    """A satisfaction score 1 to 5 whose XLSForm choice 8 is « Ne sait pas »: its mean counted the 8s as scores (4.2
    for 3.66), without a word, though the form beside the export says what 8 is. Refused at the first such answer;
    declared in missing_codes, the 8s are not answered."""
    score = [2, 3, 4, 5, 3, 4, 8, 5, 4, 3, 8, 2, 4, 5, 4, 3, 8, 4, 5, 3]
    folder = tmp_path / "score"
    folder.mkdir()
    pd.DataFrame({"_uuid": [f"u{i:03d}" for i in range(20)], "_index": range(1, 21),
                  "_submission_time": "2021-06-01T10:00:00", "poids": 10.0,
                  "satisfaction/score": score}).to_csv(folder / "s.csv", sep=";", index=False)
    with pd.ExcelWriter(folder / "s.form.xlsx") as form:
        pd.DataFrame([{"type": "begin_group", "name": "satisfaction", "label::Français (fr)": "Satisfaction"},
                      {"type": "select_one echelle", "name": "score", "label::Français (fr)": "Satisfaction"},
                      {"type": "end_group"}]).to_excel(form, sheet_name="survey", index=False)
        pd.DataFrame([{"list_name": "echelle", "name": k, "label::Français (fr)": label} for k, label in
                      ((1, "Pas du tout satisfait"), (2, "Peu satisfait"), (3, "Moyennement"), (4, "Satisfait"),
                       (5, "Très satisfait"), (8, "Ne sait pas"))]).to_excel(form, sheet_name="choices", index=False)
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: satisfaction/score}\nform: s.form.xlsx\n"
    (folder / "s.yaml").write_text(spec, encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_missing_code", "error", 8, "satisfaction/score", "8")]
    assert problems[0].message.startswith("3 answers are 8, which the form labels « Ne sait pas »")
    (folder / "s.yaml").write_text(spec + "missing_codes: [8]\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert problems == []
    mean = est.estimates(surveys["s"]).iloc[0]
    assert mean["n"] == 17 and mean["estimate"] == pytest.approx(np.mean([s for s in score if s != 8]), rel=1e-12)


def _tested_survey(folder, spec_extra):
    """40 interviews from 10 May 2021 and, before them, 4 test submissions of the form (KoboToolbox's CSV)."""
    rows = []
    for i in range(44):
        day = f"2021-05-0{3 + (i % 2) * 2}" if i < 4 else f"2021-05-{10 + i % 15:02d}"
        rows.append({"start": f"{day}T09:{i:02d}:12.345+01:00", "end": f"{day}T09:59:00.000+01:00",
                     "emploi/heures_formation": 100 if i < 4 else 40 + i, "poids": 25.0,
                     "_uuid": f"9a{i:06d}-1111-4222-8333-{i:012d}", "_submission_time": f"{day}T08:59:59",
                     "_index": i + 1})
    return _csv_survey(folder, pd.DataFrame(rows), "title: t\ndesign: {weights: poids}\nestimates:\n"
                       "  - {total: emploi/heures_formation}\n" + spec_extra)


def test_test_submissions_before_the_fieldwork_start_are_left_out(tmp_path):
    """Four submissions made on the server to try the form, a week before the interviews: counted as respondents
    (total hours 73 500 for 63 500 over the 40 interviews), with nothing to say they were tests. 'fieldwork_start'
    in the YAML leaves out what was made before it, with a warning naming the rows and a sentence in the annex."""
    from helpers.annex import fmt
    from helpers.annex.surveys import design_text
    from helpers.data.surveys import about, from_about

    survey, problems = _tested_survey(tmp_path / "dated", "fieldwork_start: 2021-05-10\n")
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_before_fieldwork", "warning", 2, "start")]
    assert "4 submission(s) made before the fieldwork_start 2021-05-10" in problems[0].message
    assert "(rows 2, 3, 4, 5)" in problems[0].message
    assert survey.early == 4 and len(survey.data) == 40
    assert est.estimates(survey).iloc[0]["estimate"] == pytest.approx(25 * sum(40 + i for i in range(4, 44)))
    stored = from_about(survey.name, about(survey), survey.data)
    assert "premier jour de l'enquête (10 mai 2021), essais du formulaire, écartées de toutes les estimations : 4." \
        in design_text(stored, est.design_summary(stored), "fr")
    undated, problems = _tested_survey(tmp_path / "undated", "")
    assert undated.early == 0 and len(undated.data) == 44
    # without fieldwork_start the 4 tests counted without a word: the few submissions days before all the others
    # (a gap wider than any between two days of interviews) are told, the hint giving the line to write
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_early_submissions", "warning", 2, "start")]
    assert problems[0].message.startswith("4 submission(s) made from 2021-05-03 to 2021-05-05, 5 days before all the "
                                          "others (from 2021-05-10 on): tests of the form?")
    assert "'fieldwork_start: 2021-05-10'" in problems[0].hint
    interviews, problems = _tested_survey(tmp_path / "interviews", "fieldwork_start: 2021-05-03\n")
    assert problems == [] and len(interviews.data) == 44   # said to be interviews: nothing more to say
    # the 44 weights added up to 1 100 and the 40 kept to 1 000: the paragraph said « 1 000 personnes » alone, and
    # the totals count 1 000 where the evaluator's weights counted 1 100; both are now said
    text = design_text(stored, est.design_summary(stored), "fr")
    assert [fmt.number(n, 0, "fr") in text for n in (1000, 1100)] == [True, True]
    assert f"Avec les 4 soumissions écartées, les poids représentaient {fmt.number(1100, 0, 'fr')} personnes" in text
    assert "With the 4 submissions left out, the weights stood for 1,100 people" in design_text(
        survey, est.design_summary(survey), "en")
    assert "écartées" not in design_text(undated, est.design_summary(undated), "fr")
    _, problems = _tested_survey(tmp_path / "all", "fieldwork_start: 2021-06-01\n")
    assert [p.rule for p in problems] == ["survey_all_before_fieldwork"]


def test_probabilities_of_selection_given_as_weights_are_refused(tmp_path):
    """The sampling frame's probability of selection put in the weight column (0.02 in the large Maroc stratum, 0.2
    in the small Mauritanie one): the respondents who stand for the fewest weighed most, the mean earnings 165 for
    285, without a word. Every weight below 1 (not adding up to 1, as weights normalised to a sum of 1 do) is
    refused at the smallest; the inverses give the right mean; weights adding up to 1 are relative weights."""
    rows = [{"_uuid": f"{pays}{k}", "_index": 20 * (pays == "mauritanie") + k + 1,
             "_submission_time": "2021-05-03T10:00:00", "pays": pays, "proba": p, "revenu": base + k}
            for pays, p, base in (("maroc", 0.02, 290), ("mauritanie", 0.2, 140)) for k in range(20)]
    frame = pd.DataFrame(rows)
    spec = "title: t\ndesign: {weights: proba, strata: pays}\nestimates:\n  - {mean: revenu}\n"
    _, problems = _csv_survey(tmp_path / "p", frame, spec)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_weight_probability", "error", 2, "proba", "0.02")]
    assert "(1 / 0.02 = 50)" in problems[0].hint
    survey, problems = _csv_survey(tmp_path / "w", frame.assign(proba=1 / frame["proba"]), spec)
    assert problems == []
    assert est.estimates(survey).iloc[0]["estimate"] == pytest.approx(
        (50 * (290 + 9.5) * 20 + 5 * (140 + 9.5) * 20) / (50 * 20 + 5 * 20), rel=1e-12)
    survey, problems = _csv_survey(tmp_path / "sum1", frame.assign(proba=(1 / frame["proba"]) / 1100), spec)
    assert problems == [] and survey.data["proba"].sum() == pytest.approx(1)


def test_an_unquoted_yes_as_a_share_s_value_says_to_quote_it(tmp_path):
    """`{share: employed, value: yes}` (an English form's codes yes / no): YAML reads yes as true, and the refusal
    said « 'true', which no answer of 'employed' has », a value the evaluator never wrote. It now says why."""
    frame = pd.DataFrame({"_uuid": [f"u{i}" for i in range(10)], "_index": range(1, 11),
                          "_submission_time": "2021-05-03T10:00:00", "poids": 10.0,
                          "employed": ["yes"] * 6 + ["no"] * 4})
    _, problems = _csv_survey(tmp_path / "s", frame, "title: t\ndesign: {weights: poids}\nestimates:\n"
                              "  - {share: employed, value: yes}\n")
    assert [(p.rule, p.column) for p in problems] == [("survey_value_absent", "estimates.0.value")]
    assert problems[0].hint.startswith("YAML reads yes, no, on, off (and true, false) without quotes as true")
    survey, problems = _csv_survey(tmp_path / "q", frame, "title: t\ndesign: {weights: poids}\nestimates:\n"
                                   "  - {share: employed, value: \"yes\"}\n")
    assert problems == [] and est.estimates(survey).iloc[0]["estimate"] == pytest.approx(0.6)


def test_thousands_with_a_narrow_no_break_space_are_numbers(tmp_path):
    """'3\u202f000' (thousands with a narrow no-break space, as French Excel and LibreOffice write a number cell
    saved as CSV) was refused as « not a number », though '2\u00a0500,50' and '1 800' were read."""
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "s.csv").write_text("_uuid;_index;_submission_time;poids;revenu\n"
                                  "a1;1;2021-05-01T10:00:00;12,5;3\u202f000\n"
                                  "a2;2;2021-05-01T11:00:00;12,5;2\u00a0500,50\n"
                                  "a3;3;2021-05-01T12:00:00;7,25;1 800\n", encoding="utf-8")
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: revenu}\n",
                                   encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert problems == [] and surveys["s"].data["revenu"].tolist() == [3000.0, 2500.5, 1800.0]


@pytest.mark.parametrize("typed", ["12 5", "1250 000", "1_000", "10 0,5"])
def test_a_space_that_groups_no_thousands_is_not_a_number(tmp_path, typed):
    """An income typed '12 5' (a typo, or two answers in one cell) was read 125, '1250 000' 1 250 000 and Python's
    '1_000' 1 000, in the mean without a word: a space only groups thousands (3 digits after it). Refused at its
    cell."""
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "s.csv").write_text("_uuid;_index;_submission_time;poids;revenu\n"
                                  "a1;1;2021-05-01T10:00:00;12,5;1 800\n"
                                  f"a2;2;2021-05-01T11:00:00;12,5;{typed}\n"
                                  "a3;3;2021-05-01T12:00:00;7,25;- 300\n", encoding="utf-8")
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: revenu}\n",
                                   encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    assert [(p.rule, p.row, p.column, p.value) for p in problems] == [("survey_not_a_number", 3, "revenu", typed)]


def test_washington_group_answers_in_words_are_told(tmp_path):
    """The six WG-SS questions answered with a form's own choice names ('aucune', 'quelques', 'beaucoup',
    'impossible') instead of the WG's 1 to 4: no respondent was classified, and the share with a disability and every
    « by: wg_disability » subgroup vanished from the annex without a word. A warning says why."""
    words = ["aucune", "quelques", "beaucoup", "impossible"]
    rows = []
    for i in range(12):
        row = {"_uuid": f"u{i}", "_index": i + 1, "_submission_time": "2021-05-03T10:00:00", "poids": 10.0,
               "emploi/emploi_actuel": "oui" if i % 3 else "non"}
        row.update({f"wg/{q}": words[(i + k) % 4 if k == 0 else 0] for k, q in enumerate(
            ["SEE_SS", "HEAR_SS", "WALK_SS", "COGNITION_SS", "SELFCARE_SS", "COMMUNICATING_SS"])})
        rows.append(row)
    spec = ("title: t\ndesign: {weights: poids}\nestimates:\n"
            "  - {share: emploi/emploi_actuel, value: oui, by: wg_disability}\n")
    survey, problems = _csv_survey(tmp_path / "words", pd.DataFrame(rows), spec)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_wg_codes", "warning", 2, "wg/see_ss", "aucune")]
    assert "'aucune', 'beaucoup', 'impossible', 'quelques'" in problems[0].message
    coded = pd.DataFrame(rows).replace({w: str(k + 1) for k, w in enumerate(words)})
    survey, problems = _csv_survey(tmp_path / "codes", coded, spec)
    assert problems == [] and survey.data["wg_disability"].value_counts().to_dict() == {"0": 6, "1": 6}


def test_the_women_s_share_is_the_respondents_not_the_interviewers(tmp_path):
    """The interviewer's sex at the top of the form (group 'enqueteur') and the respondent's further down: the
    annex's « Part des femmes » was the interviewers' (73.3 %) for the respondents' 33.3 %, without a word. The sex
    question the YAML counts is taken; else the one outside an interviewer's group, with a warning naming it."""
    rows = [{"start": "2021-05-03T09:00:00", "enqueteur/nom": "Amina" if i % 4 else "Karim",
             "enqueteur/sexe": "f" if i % 4 else "h", "identification/sexe": "f" if i % 3 == 0 else "h",
             "emploi": "oui", "poids": 10.0, "_uuid": f"u{i}", "_index": i + 1} for i in range(30)]
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {share: emploi, value: oui}\n"
    survey, problems = _csv_survey(tmp_path / "a", pd.DataFrame(rows), spec)
    assert [(p.rule, p.severity, p.column) for p in problems] == [
        ("survey_sex_columns", "warning", "identification/sexe")]
    assert "(not 'enqueteur/sexe')" in problems[0].message
    women = est.headline(survey).iloc[0]
    assert survey.sex == ("identification/sexe", "f") and women["estimate"] == pytest.approx(1 / 3)
    survey, problems = _csv_survey(tmp_path / "b", pd.DataFrame(rows), spec.replace(
        "emploi, value: oui}", "emploi, value: oui, by: identification/sexe}"))
    assert problems == [] and survey.sex == ("identification/sexe", "f")


def _labels_export(tmp_path, rows: list[dict]) -> list:
    """The problems of a KoboToolbox « Labels » export (.xlsx, sheet « Suivi ») of these rows, weighted by `poids`,
    whose skills and situation are estimated as shares."""
    folder = tmp_path / "labels"
    folder.mkdir()
    pd.DataFrame(rows).to_excel(folder / "s.xlsx", index=False, sheet_name="Suivi")
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n"
                                   "  - {share: Compétences utilisées au travail}\n  - {share: Situation}\n",
                                   encoding="utf-8")
    return load_surveys(folder)[1]


def test_a_select_multiple_exported_with_its_labels_is_told(tmp_path):
    """KoboToolbox's « Labels » export (headers and answers as the French labels): the select_multiple's answer
    'Langue étrangère Numérique' was one answer beside 'Numérique', each combination a share of its own (« Numérique »
    33.3 % though 10 of the 15 who answered chose it), without a word."""
    rows = [{"Identification/Sexe": "Femme" if i % 2 else "Homme",
             "Compétences utilisées au travail": ["Langue étrangère Numérique", "Numérique", None, "Métier"][i % 4],
             "Situation": ["En emploi", "Sans emploi"][i % 2],
             "poids": 10.0, "_uuid": f"u{i}", "_index": i + 1, "_submission_time": "2021-05-03T10:00:00"}
            for i in range(20)]
    problems = _labels_export(tmp_path, rows)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_multiple_labels", "warning", 2, "compétences_utilisées_au_travail", "Langue étrangère Numérique")]
    assert "holds the answer 'Numérique'" in problems[0].message


def test_a_select_multiple_exported_with_its_labels_is_told_when_everyone_chose_two(tmp_path):
    """The same « Labels » export where every trainee chose two skills: no answer is a single option, so none holds
    another, and each combination was a share of its own (« Numérique » never shown, though 2 in 3 chose it), without
    a word. An option ending one answer and beginning another tells; select_one labels sharing a first word (« En
    emploi salarié », « En emploi indépendant ») do not."""
    pairs = ["Langue étrangère Numérique", "Numérique Savoir-faire du métier",
             "Langue étrangère Savoir-faire du métier"]
    rows = [{"Compétences utilisées au travail": pairs[i % 3],
             "Situation": ["En emploi salarié", "En emploi indépendant", "Sans emploi"][i % 3],
             "poids": 10.0, "_uuid": f"u{i}", "_index": i + 1} for i in range(18)]
    problems = _labels_export(tmp_path, rows)
    assert [(p.rule, p.severity, p.column) for p in problems] == [
        ("survey_multiple_labels", "warning", "compétences_utilisées_au_travail")]
    assert "ends with 'Numérique', with which the answer 'Numérique Savoir-faire du métier' begins" in \
        problems[0].message


def test_a_repeat_sheet_pasted_twice_is_refused_at_its_rows(tmp_path):
    """The jobs' sheet of a second download pasted under the first's: every job of the first submissions counted
    twice (2.83 jobs per trainee for 2.0), without a word. A repeat row whose own _index is an earlier row's is
    refused at its cell."""
    survey, problems = _two_kobo_exports(tmp_path / "once", keep_uuid=True)
    assert problems == []
    import openpyxl
    book = openpyxl.load_workbook(tmp_path / "once" / "s.xlsx")
    sheet = book["emplois"]
    for row in list(sheet.iter_rows(min_row=2, max_row=4, values_only=True)):
        sheet.append(row)
    folder = tmp_path / "twice"
    folder.mkdir()
    book.save(folder / "s.xlsx")
    shutil.copy(tmp_path / "once" / "s.yaml", folder / "s.yaml")
    _, problems, _ = load_surveys(folder)
    assert [(p.rule, p.cell, p.value) for p in problems] == [
        ("repeat_row_repeated", f"emplois!B{14 + k}", str(k + 1)) for k in range(3)]
    assert "is that of row 2" in problems[0].message


def test_r_s_na_for_a_missing_answer_is_told(tmp_path):
    """An export cleaned in R and saved with write.csv: every unanswered cell is 'NA'. The share of 'oui' counted
    the 10 'NA' as answers (30 % for 60 % of those who answered), without a word; now warned, unless the form lists
    'NA' as a choice."""
    frame = pd.DataFrame({"_uuid": [f"u{i}" for i in range(20)], "_index": range(1, 21),
                          "_submission_time": "2021-05-03T10:00:00", "poids": 10.0,
                          "emploi/emploi_actuel": ["oui"] * 6 + ["non"] * 4 + ["NA"] * 10})
    folder = tmp_path / "r"
    folder.mkdir()
    frame.to_csv(folder / "s.csv", index=False)   # R's write.csv: ',' and NA
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n"
                                   "  - {share: emploi/emploi_actuel, value: oui}\n", encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_na_answer", "warning", 12, "emploi/emploi_actuel")]
    assert problems[0].message.startswith("10 answers are 'NA'")


def test_an_export_with_labels_for_headers_says_so(tmp_path):
    """KoboToolbox's « Labels » export: the headers are the questions' labels ('Emploi/Revenu mensuel (EUR)'), and
    the YAML's 'emploi/revenu' was « missing », with « Did you mean 'emploi/revenu_mensuel_(eur)'? », which would
    have the YAML written with labels. The hint now says to export the XML values and headers."""
    rows = [{"Identification/Sexe": "Femme" if i % 2 else "Homme", "Identification/Âge": 20 + i,
             "Emploi/A un emploi aujourd'hui ?": "Oui" if i % 3 else "Non", "Emploi/Revenu mensuel (EUR)": 300 + i,
             "poids": 10.0, "_uuid": f"u{i}", "_index": i + 1, "_submission_time": "2021-05-03T10:00:00"}
            for i in range(20)]
    folder = tmp_path / "labels"
    folder.mkdir()
    pd.DataFrame(rows).to_excel(folder / "s.xlsx", index=False, sheet_name="Suivi")
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: emploi/revenu}\n",
                                   encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    assert [(p.rule, p.column, p.value) for p in problems] == [
        ("survey_column_missing", "estimates.0.mean", "emploi/revenu")]
    assert problems[0].hint.startswith("The export's headers are the questions' labels, not their names")


def test_an_older_export_left_beside_the_new_one_is_told(tmp_path):
    """s.csv (a first download) and s.xlsx (a later one, with the repeat groups) side by side: the CSV was read and
    the other ignored without a word, as the tables' « two_files » says."""
    survey, problems = _two_kobo_exports(tmp_path / "s", keep_uuid=True)
    assert problems == []
    survey.data.head(3).to_csv(tmp_path / "s" / "s.csv", sep=";", index=False)
    _, problems, _ = load_surveys(tmp_path / "s")
    two = [p for p in problems if p.rule == "two_files"]
    assert [(p.severity, p.file.rsplit("/", 1)[-1]) for p in two] == [("warning", "s.xlsx")]
    assert two[0].message == "both s.csv and s.xlsx exist; s.csv is read"


def test_skip_logic_blanks_filled_in_are_told_from_the_form_s_relevant(tmp_path):
    """The export opened in Excel and its empty cells filled with 'non' and 0: the income and the satisfaction, which
    the form asks of the employed only (relevant ${emploi_actuel} = 'oui'), were « answered » by the 18 not employed:
    mean income 156.6 for 274.6 (R, tests/fixtures/survey/nested_skips.R), share satisfied 27.9 % for 48.8 %, without
    a word. A warning names each question answered where the form's simple condition says it was not asked."""
    frame = pd.read_csv(FIXTURES / "nested_skips.csv", sep=";")
    frame["emploi/satisfait"] = frame["emploi/satisfait"].fillna("non")
    frame["emploi/revenu"] = frame["emploi/revenu"].fillna(0)
    folder = tmp_path / "filled"
    folder.mkdir()
    frame.to_csv(folder / "s.csv", sep=";", index=False)
    with pd.ExcelWriter(folder / "s.form.xlsx") as form:
        pd.DataFrame([{"type": "begin_group", "name": "emploi", "label::Français (fr)": "Emploi"},
                      {"type": "select_one oui_non", "name": "emploi_actuel", "label::Français (fr)": "En emploi"},
                      {"type": "decimal", "name": "revenu", "label::Français (fr)": "Revenu",
                       "relevant": "${emploi_actuel} = 'oui'"},
                      {"type": "select_one oui_non", "name": "satisfait", "label::Français (fr)": "Satisfait",
                       "relevant": "selected(${emploi_actuel}, 'oui')"},
                      {"type": "end_group"}]).to_excel(form, sheet_name="survey", index=False)
        pd.DataFrame([{"list_name": "oui_non", "name": v, "label::Français (fr)": v.title()}
                      for v in ("oui", "non")]).to_excel(form, sheet_name="choices", index=False)
    spec = ("title: t\ndesign: {weights: poids, strata: region, clusters: village, fpc: taille}\nestimates:\n"
            "  - {mean: emploi/revenu}\n  - {share: emploi/satisfait, value: oui}\nform: s.form.xlsx\n")
    (folder / "s.yaml").write_text(spec, encoding="utf-8")
    _, problems, _ = load_surveys(folder)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_answered_not_asked", "warning", 2, "emploi/revenu", "0.0"),
        ("survey_answered_not_asked", "warning", 2, "emploi/satisfait", "non")]
    assert problems[0].message.startswith("18 answers are given to 'emploi/revenu', which the form asks only when "
                                          "${emploi_actuel} = 'oui'")
    shutil.copy(FIXTURES / "nested_skips.csv", folder / "s.csv")   # as KoboToolbox exports it: nothing to say
    assert load_surveys(folder)[1] == []


def test_a_single_digit_code_after_a_scale_is_told(tmp_path):
    """A satisfaction score 1 to 5 whose « ne sait pas » is 9, without the form: the mean was 4.5 for 3.71, without a
    word. 8 or 9 above every other answer by two or more is told; the top of a 1-to-9 scale is not."""
    score = [2, 3, 4, 5, 3, 4, 9, 5, 4, 3, 9, 2, 4, 5, 4, 3, 9, 4, 5, 3]
    frame = pd.DataFrame({"_uuid": [f"u{i:03d}" for i in range(20)], "_index": range(1, 21),
                          "_submission_time": "2021-06-01T10:00:00", "poids": 10.0, "satisfaction/score": score})
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: satisfaction/score}\n"
    _, problems = _csv_survey(tmp_path / "nine", frame, spec)
    assert [(p.rule, p.severity, p.row, p.value) for p in problems] == [("survey_nines", "warning", 8, "9")]
    assert problems[0].message.startswith("3 answers are 9, more than every other answer (at most 5)")
    scale = frame.assign(**{"satisfaction/score": [1 + i % 9 for i in range(20)]})   # 1 to 9, two of 9
    assert _csv_survey(tmp_path / "scale", scale, spec)[1] == []
    both = frame.assign(**{"satisfaction/score": [8 if i in (6, 10) else s for i, s in enumerate(score)]})
    _, problems = _csv_survey(tmp_path / "both", both, spec)   # 8 « ne sait pas » and 9 « refus » after 1 to 5
    assert sorted(p.value for p in problems) == ["8", "9"]


def _skips_filled(folder, relevant, filled=True):
    """nested_skips.csv with the income's blanks filled with 0 (Excel), two more questions asked of the employed
    (months in the job, the contracts: a select_multiple as its text), and a form whose income has ``relevant``."""
    frame = pd.read_csv(FIXTURES / "nested_skips.csv", sep=";")
    employed = frame["emploi/emploi_actuel"].eq("oui")
    frame["emploi/mois"] = np.where(employed, 1 + frame.index % 12, 0)
    frame["emploi/contrats"] = np.where(employed, np.where(frame.index % 2 == 0, "cdd", "cdd formel"), None)
    if filled:
        frame["emploi/revenu"] = frame["emploi/revenu"].fillna(0)
    folder.mkdir()
    frame.to_csv(folder / "s.csv", sep=";", index=False)
    with pd.ExcelWriter(folder / "s.form.xlsx") as form:
        pd.DataFrame([{"type": "begin_group", "name": "emploi", "label::Français (fr)": "Emploi"},
                      {"type": "select_one oui_non", "name": "emploi_actuel", "label::Français (fr)": "En emploi"},
                      {"type": "integer", "name": "mois", "label::Français (fr)": "Mois"},
                      {"type": "select_multiple contrat", "name": "contrats", "label::Français (fr)": "Contrats"},
                      {"type": "decimal", "name": "revenu", "label::Français (fr)": "Revenu", "relevant": relevant},
                      {"type": "end_group"}]).to_excel(form, sheet_name="survey", index=False)
        pd.DataFrame([{"list_name": "oui_non", "name": v, "label::Français (fr)": v.title()} for v in ("oui", "non")]
                     + [{"list_name": "contrat", "name": v, "label::Français (fr)": v} for v in ("cdd", "formel")]
                     ).to_excel(form, sheet_name="choices", index=False)
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids, strata: region, clusters: village, fpc: taille}"
                                   "\nestimates:\n  - {mean: emploi/revenu}\nform: s.form.xlsx\n", encoding="utf-8")
    return load_surveys(folder)[1]


@pytest.mark.parametrize("relevant", [
    "${emploi_actuel} = 'oui' and ${region} != ''", "${emploi_actuel} = 'oui' or ${emploi_actuel} = 'peut-etre'",
    "not(selected(${emploi_actuel}, 'non'))", "${mois} >= 1", "${mois} > 0 and (${emploi_actuel}='oui')",
    "count-selected(${contrats}) > 0", '${emploi_actuel} = "oui"', "${contrats} != ''"])
def test_skip_logic_blanks_filled_in_are_told_from_the_form_s_common_conditions(tmp_path, relevant):
    """The income's blanks filled with 0 (mean 156.6 for R's 274.6), the form asking it under a condition other than
    ${q} = 'v', != or selected(): and / or, not(selected()), >= on a number, count-selected(), double quotes. It was
    not checked, without a word; now read, and the 18 not asked are told."""
    problems = _skips_filled(tmp_path / "s", relevant)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_answered_not_asked", "warning", 2, "emploi/revenu", "0.0")]
    assert problems[0].message.startswith(f"18 answers are given to 'emploi/revenu', which the form asks only when "
                                          f"{relevant}")
    assert _skips_filled(tmp_path / "as_exported", relevant, filled=False) == []   # blanks left: nothing to say


def test_a_relevant_the_workbook_does_not_read_is_said_not_checked(tmp_path):
    """string-length(), or a question the export does not have: the check was skipped without a word, as if the
    answers were right; now said once, naming the condition."""
    problems = _skips_filled(tmp_path / "s", "string-length(${emploi_actuel}) > 2")
    assert [(p.rule, p.severity, p.column, p.value) for p in problems] == [
        ("survey_relevant_not_read", "warning", "emploi/revenu", "string-length(${emploi_actuel}) > 2")]
    assert "does not read this condition (at « string-length(${emploi_actuel}) > 2 »)" in problems[0].message
    problems = _skips_filled(tmp_path / "t", "${formation_suivie} = 'oui'")
    assert [(p.rule, p.value) for p in problems] == [("survey_relevant_not_read", "${formation_suivie} = 'oui'")]


def test_skip_logic_of_a_group_is_read_for_its_questions(tmp_path):
    """The form asks the whole group 'emploi' of the employed (the relevant on its begin_group, the income with none
    of its own): the income's blanks filled with 0 were not checked, without a word. A group's relevant holds for
    every question in it."""
    folder = tmp_path / "s"
    _skips_filled(folder, "")
    survey = pd.read_excel(folder / "s.form.xlsx", sheet_name="survey").astype(object)
    survey.loc[0, "relevant"] = "${emploi_actuel} = 'oui'"   # on begin_group emploi, which holds emploi_actuel too
    survey.loc[1, "type"] = "select_one oui_non"
    rows = [survey.iloc[[1]], survey.iloc[[0]], survey.iloc[2:]]   # emploi_actuel asked before the group
    with pd.ExcelWriter(folder / "s.form.xlsx") as form:
        pd.concat(rows).to_excel(form, sheet_name="survey", index=False)
        pd.DataFrame([{"list_name": "oui_non", "name": v} for v in ("oui", "non")] +
                     [{"list_name": "contrat", "name": v} for v in ("cdd", "formel")]).to_excel(
            form, sheet_name="choices", index=False)
    frame = pd.read_csv(folder / "s.csv", sep=";").rename(columns={"emploi/emploi_actuel": "emploi_actuel"})
    frame.to_csv(folder / "s.csv", sep=";", index=False)
    problems = load_surveys(folder)[1]
    assert [(p.rule, p.row, p.column, p.value) for p in problems] == [
        ("survey_answered_not_asked", 2, "emploi/revenu", "0.0")]
    assert "which the form asks only when ${emploi_actuel} = 'oui', by" in problems[0].message


def test_an_8_after_a_scale_of_1_to_6_is_told(tmp_path):
    """A satisfaction score 1 to 6 whose « ne sait pas » was typed 8 (twice) when the export was cleaned: the mean
    was 4.25 for 3.83 without a word (only 8 or 9 three above the scale was told). Without the form, an 8 or 9 with
    a hole below it (no 7 here) is told as 9 after 1 to 5 is; with the form, whose choices are 1 to 6, the 8 (and a
    99) are none of its choices: refused at their row. The top of a scale of 1 to 9 is still not told."""
    score = [2, 3, 4, 5, 6, 4, 8, 5, 4, 3, 1, 2, 4, 5, 6, 3, 8, 4, 5, 3]
    frame = pd.DataFrame({"_uuid": [f"u{i:03d}" for i in range(20)], "_index": range(1, 21),
                          "_submission_time": "2021-06-01T10:00:00", "poids": 10.0, "satisfaction/score": score})
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: satisfaction/score}\n"
    survey, problems = _csv_survey(tmp_path / "eight", frame, spec)
    assert [(p.rule, p.severity, p.row, p.value) for p in problems] == [("survey_nines", "warning", 8, "8")]
    assert problems[0].message.startswith("2 answers are 8, more than every other answer (at most 6)")
    nine = frame.assign(**{"satisfaction/score": [1 + i % 7 for i in range(18)] + [9, 9]})   # 1 to 7, then 9
    assert [p.value for p in _csv_survey(tmp_path / "nine", nine, spec)[1]] == ["9"]
    scale = frame.assign(**{"satisfaction/score": [1 + i % 9 for i in range(20)]})   # 1 to 9: a scale's top
    assert _csv_survey(tmp_path / "scale", scale, spec)[1] == []
    folder = tmp_path / "form"
    frame.loc[11, "satisfaction/score"] = 99
    _csv_survey(folder, frame, spec + "form: s.form.xlsx\n")
    with pd.ExcelWriter(folder / "s.form.xlsx") as form:
        pd.DataFrame([{"type": "begin_group", "name": "satisfaction"},
                      {"type": "select_one echelle", "name": "score", "label": "Satisfaction"},
                      {"type": "end_group"}]).to_excel(form, sheet_name="survey", index=False)
        pd.DataFrame([{"list_name": "echelle", "name": v, "label": str(v)} for v in range(1, 7)]).to_excel(
            form, sheet_name="choices", index=False)
    _, problems, _ = load_surveys(folder)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_not_a_choice", "error", 8, "satisfaction/score", "8"),
        ("survey_not_a_choice", "error", 13, "satisfaction/score", "99")]
    assert problems[0].message == ("2 answers are 8, which is not a choice of the form for this question (its "
                                   "choices: 1, 2, 3, 4, 5, 6): the estimates would count it as 8")
    (folder / "s.yaml").write_text(spec + "form: s.form.xlsx\nmissing_codes: [8, 99]\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)   # declared: read as not answered
    assert problems == []
    assert est.estimate(surveys["s"], "mean", "satisfaction/score")["n"] == 17


def _sample_with_sum(folder):
    """The sample with the YAML asking also for the sum of a repeat's answers."""
    shutil.copytree(DATA_DIR / "amem" / "surveys", folder)
    spec = folder / f"{NAME}.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace(
        "  - {mean: emplois/_count}\n", "  - {mean: emplois/_count}\n  - {mean: emplois/duree_mois/_sum}\n"),
        encoding="utf-8")
    return folder


@pytest.mark.parametrize("yaml_sep", ["/", "export's"])
@pytest.mark.parametrize("sep", [".", "-"])
def test_an_export_whose_groups_are_written_with_dots_or_dashes_is_read_as_with_slashes(tmp_path, sample, sep,
                                                                                       yaml_sep):
    """The sample's .xlsx exported with KoboToolbox's group separator '.' (or ODK Central's '-'): the YAML's names
    were refused (« did you mean 'emploi.revenu' »), and once written so the select_multiple's option columns
    ('competences.langue') were not read (its shares left out the 4 who chose none), the Washington Group questions
    not found (« wg_disability needs the six questions » though they were there), and without a 'by' on them the
    annex's share of women and of disability silently absent. Every estimate is now the sample's."""
    sheets = pd.read_excel(DATA_DIR / "amem" / "surveys" / f"{NAME}.xlsx", sheet_name=None, dtype=object)
    folder = tmp_path / "s"
    folder.mkdir()
    with pd.ExcelWriter(folder / f"{NAME}.xlsx") as book:
        for name, sheet in sheets.items():
            sheet.rename(columns=lambda c: c if c.startswith("_") else c.replace("/", sep)).to_excel(
                book, sheet_name=name, index=False)
    shutil.copy(DATA_DIR / "amem" / "surveys" / f"{NAME}.form.xlsx", folder)
    spec = (DATA_DIR / "amem" / "surveys" / f"{NAME}.yaml").read_text(encoding="utf-8")
    spec = spec.replace("  - {mean: emplois/_count}\n", "  - {mean: emplois/_count}\n"
                        "  - {mean: emplois/duree_mois/_sum}\n")   # a repeat's sum too
    if yaml_sep != "/":
        for group in ("identification/", "emploi/", "emplois/", "duree_mois/"):
            spec = spec.replace(group, group[:-1] + sep)
    (folder / f"{NAME}.yaml").write_text(spec, encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert problems == []
    survey = surveys[NAME]
    assert survey.sex == sample.sex and survey.multiple["competences"] == sample.multiple["competences"]
    assert survey.label("emploi/revenu", "fr") == "Revenu mensuel (EUR)"
    mine = est.estimates(survey).set_index("key")
    theirs = est.estimates(load_surveys(_sample_with_sum(tmp_path / "ref"))[0][NAME]).set_index("key")
    assert list(mine.index) == list(theirs.index) and f"{NAME}:emplois/duree_mois/_sum" in mine.index
    for column in ("estimate", "se", "n"):
        assert mine[column].tolist() == pytest.approx(theirs[column].tolist(), rel=1e-12, nan_ok=True)
    pd.testing.assert_series_equal(survey.data["wg_disability"], sample.data["wg_disability"])


def test_an_answer_the_form_s_constraint_does_not_allow_is_refused(tmp_path):
    """The score is an integer whose form's constraint is « . >= 1 and . <= 6 »; two 8 and a 99 typed for « ne sait
    pas » when the export was cleaned: the mean was counted with them (only the 99 was warned of), though the
    device refuses them. Refused at their first row; declared in missing_codes, read as not answered."""
    score = [2, 3, 4, 5, 6, 4, 8, 5, 4, 3, 99, 2, 4, 5, 6, 3, 8, 4, 5, 3]
    frame = pd.DataFrame({"_uuid": [f"u{i:03d}" for i in range(20)], "_index": range(1, 21),
                          "_submission_time": "2021-06-01T10:00:00", "poids": 10.0, "satisfaction/score": score})
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: satisfaction/score}\nform: s.form.xlsx\n"
    folder = tmp_path / "s"
    folder.mkdir()
    with pd.ExcelWriter(folder / "s.form.xlsx") as form:
        pd.DataFrame([{"type": "begin_group", "name": "satisfaction"},
                      {"type": "integer", "name": "score", "label": "Satisfaction",
                       "constraint": ". >= 1 and . <= 6"},
                      {"type": "end_group"}]).to_excel(form, sheet_name="survey", index=False)
    _, problems = _csv_survey(folder, frame, spec)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_not_a_choice", "error", 8, "satisfaction/score", "8"),
        ("survey_not_a_choice", "error", 12, "satisfaction/score", "99")]
    assert problems[0].message == ("2 answers are 8, which the form's constraint on this question (. >= 1 and . <= 6) "
                                   "does not allow: the estimates would count it as 8")
    survey, problems = _csv_survey(folder, frame, spec + "missing_codes: [8, 99]\n")
    assert problems == [] and est.estimate(survey, "mean", "satisfaction/score")["n"] == 17


@pytest.mark.parametrize("order", ["day first", "month first", "ambiguous"])
def test_times_saved_again_by_excel_are_read_for_the_fieldwork_start(tmp_path, order):
    """_tested_survey's CSV opened and saved again by Excel: its times become '03/05/2021 09:00' (French Excel: day
    first) or '5/3/2021 9:00' (month first). They were not read: fieldwork_start 2021-05-10 left out none of the 4
    tests (total hours 73 500 for 63 500), and the early submissions went untold, without a word. Read in the order
    a day above 12 shows; with none above 12, refused, since the order cannot be told."""
    folder = tmp_path / "s"
    _tested_survey(folder, "fieldwork_start: 2021-05-10\n")
    frame = pd.read_csv(folder / "s.csv", sep=";", dtype=str)
    for column in ("start", "end", "_submission_time"):
        day = pd.to_datetime(frame[column].str[:19])
        if order == "ambiguous":
            day = day.map(lambda d: d.replace(day=min(d.day, 12)))
        frame[column] = day.dt.strftime("%d/%m/%Y %H:%M") if order != "month first" else \
            day.map(lambda d: f"{d.month}/{d.day}/{d.year} {d.hour}:{d.minute:02d}")
    frame.to_csv(folder / "s.csv", sep=";", index=False)
    surveys, problems, _ = load_surveys(folder)
    if order == "ambiguous":
        assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
            ("survey_time_ambiguous", "error", 2, "start")]
        return
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("survey_before_fieldwork", "warning", 2, "start")]
    assert surveys["s"].early == 4 and len(surveys["s"].data) == 40
    assert est.estimates(surveys["s"]).iloc[0]["estimate"] == pytest.approx(25 * sum(40 + i for i in range(4, 44)))
    (folder / "s.yaml").write_text((folder / "s.yaml").read_text().replace("fieldwork_start: 2021-05-10\n", ""))
    assert [p.rule for p in load_surveys(folder)[1]] == ["survey_early_submissions"]


@pytest.mark.parametrize("headers", [("label::Arabic (ar)", "label::French (fr)"), ("label::Arabic (ar)",)])
def test_a_form_without_english_labels_shows_its_french_ones_in_an_english_annex(tmp_path, headers):
    """A form labelled `label::Arabic (ar)` and `label::French (fr)` (a Maghreb survey's): an English annex showed
    the bare codes (emploi/revenu, f) though the form labels them. It shows the French labels, and says so
    (Survey.label_fallback); a form labelled in Arabic only shows its Arabic labels in both languages."""
    import openpyxl

    write_tracer_survey(tmp_path)
    form = tmp_path / f"{NAME}.form.xlsx"
    book = openpyxl.load_workbook(form)
    for sheet in (book["survey"], book["choices"]):
        header = [c.value for c in sheet[1]]
        french, english = header.index("label::Français (fr)") + 1, header.index("label::English (en)") + 1
        for row in range(1, sheet.max_row + 1):   # Arabic where English was, French kept (or dropped)
            text = sheet.cell(row=row, column=french).value
            sheet.cell(row=row, column=english).value = f"ع {text}" if row > 1 and text is not None else None
            if len(headers) == 1:
                sheet.cell(row=row, column=french).value = None
        sheet.cell(row=1, column=english).value = headers[0]
        if len(headers) == 2:
            sheet.cell(row=1, column=french).value = headers[1]
    book.save(form)
    surveys, problems, _ = load_surveys(tmp_path)
    survey = surveys[NAME]
    assert not [p for p in problems if p.severity == "error"], [str(p) for p in problems]
    if len(headers) == 2:
        assert survey.label("emploi/revenu", "en") == survey.label("emploi/revenu", "fr") == "Revenu mensuel (EUR)"
        assert survey.value_label("identification/sexe", "f", "en") == "Femme"
        assert survey.label_fallback == {"en": "french (fr)"}
    else:
        assert survey.label("emploi/revenu", "en") == "ع Revenu mensuel (EUR)"
        assert survey.value_label("identification/sexe", "f", "fr") == "ع Femme"
        assert survey.label_fallback == {"fr": "arabic (ar)", "en": "arabic (ar)"}
    from helpers.data.surveys import about, from_about
    assert from_about(NAME, about(survey), survey.data).label_fallback == survey.label_fallback   # the build's store
    from helpers.annex.words import say
    assert "labels" in say("survey_label_fallback", "en", shown="french (fr)", wanted=say("survey_language_en", "en"))


@pytest.mark.parametrize("form", [True, False])
def test_odk_central_s_split_options_whose_names_hold_the_dash_are_read_whole(tmp_path, form):
    """ODK Central's CSV (groups written with '-') with « Split select multiples »: 'grp-statut-auto-emploi' beside
    the text column 'grp-statut'. Every '-' was read as '/', the option 'auto/emploi': with the form (whose choice
    is 'auto-emploi') its share was taken from the text, those who chose none left out (0.531 of 49 for 26 of 60,
    R's svyciprop), without a word; without it the annex showed both 'auto/emploi' and 'auto-emploi'. A question
    name holding '-' ('grp-nb-enfants') stays whole too."""
    rng = np.random.default_rng(1)
    statut = ["auto-emploi", "salarie", "sans-emploi"]
    picked = [[s for s in statut if rng.random() < 0.4] for _ in range(60)]
    frame = pd.DataFrame({"SubmissionDate": "2021-06-01T10:00:00.000Z", "grp-sexe": ["f", "h"] * 30,
                          "grp-nb-enfants": rng.integers(0, 5, 60), "grp-statut": [" ".join(p) for p in picked],
                          **{f"grp-statut-{s}": [int(s in p) for p in picked] for s in statut}, "poids": 10.0,
                          "meta-instanceID": [f"uuid:{i:04d}" for i in range(60)]})
    frame["KEY"] = frame["meta-instanceID"]
    folder = tmp_path / "s"
    folder.mkdir()
    frame.to_csv(folder / "s.csv", index=False)
    spec = ("title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: grp/nb-enfants}\n  - {share: grp/statut}\n"
            "  - {share: grp/statut, value: auto-emploi}\n")
    if form:
        spec += "form: s.form.xlsx\n"
        with pd.ExcelWriter(folder / "s.form.xlsx") as book:
            pd.DataFrame([{"type": "begin_group", "name": "grp"}, {"type": "select_one sexe", "name": "sexe"},
                          {"type": "integer", "name": "nb-enfants", "label": "Enfants"},
                          {"type": "select_multiple statut", "name": "statut", "label": "Statut"},
                          {"type": "end_group"}]).to_excel(book, sheet_name="survey", index=False)
            pd.DataFrame({"list_name": ["sexe", "sexe"] + ["statut"] * 3, "name": ["f", "h", *statut]}).to_excel(
                book, sheet_name="choices", index=False)
    (folder / "s.yaml").write_text(spec, encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    assert [p.rule for p in problems if p.severity == "error"] == []
    survey = surveys["s"]
    assert survey.multiple["grp/statut"] == statut
    mine = est.estimates(survey).set_index("key")
    assert [k for k in mine.index if "statut" in k] == [f"s:grp/statut={s}" for s in statut]
    for s in statut:   # R: svyciprop(~I(statut_s == 1), svydesign(ids = ~1, weights = ~poids)): the column's mean
        assert mine.loc[f"s:grp/statut={s}", "estimate"] == pytest.approx(frame[f"grp-statut-{s}"].mean(), rel=1e-12)
        assert mine.loc[f"s:grp/statut={s}", "n"] == 60
    assert mine.loc["s:grp/nb-enfants", "estimate"] == pytest.approx(frame["grp-nb-enfants"].mean(), rel=1e-12)


def test_split_options_sharing_a_first_word_without_the_text_column_are_read_as_the_form_names_them(tmp_path):
    """The same export with the option columns only, two choices beginning alike ('sans-emploi', 'sans-revenu'):
    'grp-statut-sans' is shared by two headers, so they were read as 'sans/emploi' and 'sans/revenu', and the
    form's 'sans-emploi' had no column: its share n.d. on 0 answers, nothing said. The form's names are kept."""
    rng = np.random.default_rng(2)
    statut = ["sans-revenu", "salarie", "sans-emploi"]
    frame = pd.DataFrame({"grp-sexe": ["f", "h"] * 30, "KEY": [f"uuid:{i:04d}" for i in range(60)],
                          **{f"grp-statut-{s}": rng.integers(0, 2, 60) for s in statut}, "poids": 10.0})
    folder = tmp_path / "s"
    folder.mkdir()
    frame.to_csv(folder / "s.csv", index=False)
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids}\nestimates:\n  - {share: grp/statut}\n"
                                   "form: s.form.xlsx\n", encoding="utf-8")
    with pd.ExcelWriter(folder / "s.form.xlsx") as book:
        pd.DataFrame([{"type": "begin_group", "name": "grp"}, {"type": "select_one sexe", "name": "sexe"},
                      {"type": "select_multiple statut", "name": "statut", "label": "Statut"},
                      {"type": "end_group"}]).to_excel(book, sheet_name="survey", index=False)
        pd.DataFrame({"list_name": ["sexe", "sexe"] + ["statut"] * 3, "name": ["f", "h", *statut]}).to_excel(
            book, sheet_name="choices", index=False)
    surveys, problems, _ = load_surveys(folder)
    assert [p.rule for p in problems if p.severity == "error"] == []
    mine = est.estimates(surveys["s"]).set_index("key")
    for s in statut:
        assert mine.loc[f"s:grp/statut={s}", "estimate"] == pytest.approx(frame[f"grp-statut-{s}"].mean(), rel=1e-12)
        assert mine.loc[f"s:grp/statut={s}", "n"] == 60


def _household_survey(folder, extra=""):
    """A household survey as KoboToolbox's CSV (fixtures/survey/household_codes.csv): incomes rounded to tens with
    six '999' (« ne sait pas »), a select_one coded 1 oui, 2 non, 99 ne sait pas; stratified and clustered,
    weighted."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "household_codes.csv", folder / "s.csv")
    (folder / "s.yaml").write_text("title: t\ndesign: {weights: poids, strata: menage/region, clusters: menage/village}"
                                   "\nestimates:\n  - {mean: menage/revenu}\n  - {share: menage/emploi, value: 1}\n"
                                   + extra, encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    return surveys.get("s"), problems


# tests/fixtures/survey/household_codes.R: (estimate, se, n), the codes as NA (declared) and as written
HOUSEHOLD_CODES_R = {
    "declared": {"mean": (3317.85575049, 170.226374597, 114), "share": (0.444019138756, 0.0455607582091, 116)},
    "as written": {"mean": (3201.91296296, 191.701588377, 120), "share": (0.42962962963, 0.045464754434, 120)},
}


def test_a_code_repeated_inside_the_answers_is_told_and_declared_codes_leave_the_shares_too(tmp_path):
    """999 typed for « ne sait pas » in six incomes of 300 to 15 000 (rounded to tens): inside the answers, so not
    told, the mean 3 201.9 for R's 3 317.9 without them; now a warning (survey_nines), 999 being answered more often
    than any answer not ending in 0. A select_one coded 99 for « ne sait pas » stayed in the denominator of the share
    of 1 without a word (42.96 % for 44.40 %), even with missing_codes: [99]: now told when not declared
    (survey_dont_know_counted), left out when declared. R (survey 4.1.1): svymean(~revenu, design, na.rm = TRUE)
    and svymean(~I(emploi == 1), subset(design, !is.na(emploi))) on the data with the codes as NA, design
    svydesign(ids = ~village, strata = ~region, weights = ~poids, nest = TRUE): tests/fixtures/survey/household_codes.R."""
    survey, problems = _household_survey(tmp_path / "a")
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_nines", "warning", 5, "menage/revenu", "999.0"),
        ("survey_dont_know_counted", "warning", 4, "menage/emploi", "99")]
    assert "more often than any other answer not ending in 0" in problems[0].message
    assert "missing_codes: [99]" in problems[1].hint
    written = survey
    survey, problems = _household_survey(tmp_path / "b", "missing_codes: [999, 99]\n")
    assert problems == []
    for case, found in (("declared", survey), ("as written", written)):   # told, the figures stay R's on the data
        rows = est.estimates(found).set_index("key")
        for stat, key in (("mean", "s:menage/revenu"), ("share", "s:menage/emploi=1")):
            estimate, se, n = HOUSEHOLD_CODES_R[case][stat]
            assert (rows.loc[key, "estimate"], rows.loc[key, "se"], rows.loc[key, "n"]) == (
                pytest.approx(estimate, rel=1e-10), pytest.approx(se, rel=1e-9), n), (case, stat)


def _surveycto(folder, edit=None, form=True, extra=""):
    """SurveyCTO's wide CSV export (fixtures/survey/surveycto.csv, edited by ``edit``): its times (« Jun 1, 2021
    9:15:03 AM »), KEY, formdef_version, review_status, and a select_multiple as its text and its 0/1 columns
    '<question>_<option>'; stratified, weighted."""
    langs = ["arabe", "francais", "anglais"]
    frame = pd.read_csv(FIXTURES / "surveycto.csv", dtype=str, keep_default_na=False)   # the file as written
    if edit:
        edit(frame)
    folder.mkdir(parents=True)
    frame.to_csv(folder / "s.csv", index=False)
    spec = ("title: t\ndesign: {weights: poids, strata: region}\nestimates:\n  - {mean: revenu}\n  - {share: langue}\n"
            "  - {share: emploi, value: oui}\n" + extra)
    if form:
        spec += "form: s.form.xlsx\n"
        with pd.ExcelWriter(folder / "s.form.xlsx") as book:
            pd.DataFrame({"type": ["select_one region", "select_one sexe", "integer", "select_one oui_non",
                                   "select_multiple langues", "calculate"],
                          "name": ["region", "sexe", "revenu", "emploi", "langue", "poids"]}).to_excel(
                book, sheet_name="survey", index=False)
            pd.DataFrame({"list_name": ["region"] * 2 + ["sexe"] * 2 + ["oui_non"] * 2 + ["langues"] * 3,
                          "name": ["nord", "sud", "f", "h", "oui", "non", *langs]}).to_excel(
                book, sheet_name="choices", index=False)
    (folder / "s.yaml").write_text(spec, encoding="utf-8")
    surveys, problems, _ = load_surveys(folder)
    return surveys.get("s"), problems


# tests/fixtures/survey/surveycto.R: option -> (estimate, se, n), svymean of its 0/1 column
SURVEYCTO_R = {"arabe": (0.488461538462, 0.0578105297583, 80), "francais": (0.428846153846, 0.0572393460838, 80),
               "anglais": (0.492307692308, 0.0572997823592, 80)}


@pytest.mark.parametrize("form", [True, False])
def test_surveycto_s_option_columns_are_read(tmp_path, form):
    """SurveyCTO writes a select_multiple's 0/1 columns 'langue_arabe' (not 'langue/arabe'): they were not read, the
    shares taken from the text among those who chose a language (0.562 of 70 for R's 0.488 of 80), under a warning
    saying the 0/1 columns were not exported. R (survey 4.1.1): svymean(~langue_arabe, svydesign(ids = ~1, strata =
    ~region, weights = ~poids)) (tests/fixtures/survey/surveycto.R)."""
    survey, problems = _surveycto(tmp_path / "s", form=form)
    assert (tmp_path / "s" / "s.csv").read_bytes() == (FIXTURES / "surveycto.csv").read_bytes()   # R's data
    # without the form, the 10 who chose none are told (counted, as R does)
    assert [p.rule for p in problems] == ([] if form else ["survey_multiple_all_zero"])
    mine = est.estimates(survey).set_index("key")
    for lang, (estimate, se, n) in SURVEYCTO_R.items():
        row = mine.loc[f"s:langue={lang}"]
        assert (row["estimate"], row["se"], row["n"]) == (pytest.approx(estimate, rel=1e-10),
                                                          pytest.approx(se, rel=1e-9), n)


def test_surveycto_s_form_version_and_review_status_are_read(tmp_path):
    """SurveyCTO's formdef_version and review_status were not read: a second version coding 'emploi' 1/0 gave the
    share of 'oui' of the first version's answers only (23.5 % for 52.5 %), a renamed question the mean of half
    the submissions, and submissions REJECTED at review were counted, all without a word."""
    def codes(frame):
        frame.loc[40:, "emploi"] = frame.loc[40:, "emploi"].map({"oui": "1", "non": "0"})
    _, problems = _surveycto(tmp_path / "codes", codes, form=False)
    assert ("survey_version_codes", "emploi") in [(p.rule, p.column) for p in problems]

    def renamed(frame):
        frame["revenu_mensuel"] = frame["revenu"].where(frame.index >= 40)
        frame.loc[40:, "revenu"] = None
    _, problems = _surveycto(tmp_path / "renamed", renamed)
    assert ("survey_version_unanswered", "revenu") in [(p.rule, p.column) for p in problems]

    def review(frame):
        frame.loc[[3, 9, 17], "review_status"] = "REJECTED"
        frame.loc[4, "review_status"] = "PENDING"   # awaiting review: counted
    survey, problems = _surveycto(tmp_path / "review", review)
    assert [(p.rule, p.row) for p in problems if p.rule.startswith("survey_re")] == [("survey_rejected", 5)]
    assert survey.rejected == 3 and est.estimate(survey, "mean", "revenu")["n"] == 77


def test_surveycto_s_times_are_read(tmp_path):
    """SurveyCTO writes its times « Jun 1, 2021 9:15:03 AM »: with fieldwork_start, every one was « not read as a
    day » and the survey refused. They are read: the 16 submissions of 1 to 4 June are left out as tests."""
    survey, problems = _surveycto(tmp_path / "s", extra="fieldwork_start: 2021-06-05\n")
    assert [(p.rule, p.row, p.column) for p in problems] == [("survey_before_fieldwork", 2, "submissiondate")]
    assert survey.early == 16 and len(survey.data) == 64


def test_a_question_answered_with_codes_and_with_labels_is_told(tmp_path):
    """Without the form, 'emploi' answered 'oui' / 'non' on most rows and « Oui, en emploi » / « Non, sans emploi »
    on the last 20 (an export with labels pasted under one with the choice names): the share of 'oui' counted the
    labels as other answers (39.4 % for 52.5 %), without a word. A warning at the first label."""
    def labels(frame):
        frame.loc[60:, "emploi"] = frame.loc[60:, "emploi"].map({"oui": "Oui, en emploi", "non": "Non, sans emploi"})
    _, problems = _surveycto(tmp_path / "s", labels, form=False)
    found = [(p.rule, p.severity, p.row, p.column) for p in problems if p.rule == "survey_codes_and_labels"]
    assert found == [("survey_codes_and_labels", "warning", 62, "emploi")]
    assert "with choice names on some rows ('oui', 'non')" in next(p.message for p in problems
                                                                  if p.rule == "survey_codes_and_labels")


def test_a_score_s_choice_labelled_autre_is_refused_in_a_mean(tmp_path):
    """A score of 1 to 5 whose form has the choice 88 « Autre (préciser) », answered 4 times: the mean was 9.92 for
    3.13, under a warning that 88 may stand for « ne sait pas » (the form says what it is). Refused at its first row;
    declared in missing_codes, the mean is R's svymean(~note, na.rm = TRUE) with 88 as NA
    (tests/fixtures/survey/score_other.R)."""
    frame = pd.read_csv(FIXTURES / "score_other.csv", sep=";", dtype=str, keep_default_na=False)
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: satisfaction/note}\nform: s.form.xlsx\n"
    folder = tmp_path / "s"
    folder.mkdir()
    with pd.ExcelWriter(folder / "s.form.xlsx") as form:
        pd.DataFrame([{"type": "begin_group", "name": "satisfaction"},
                      {"type": "select_one note", "name": "note", "label": "Note"},
                      {"type": "end_group"}]).to_excel(form, sheet_name="survey", index=False)
        pd.DataFrame({"list_name": "note", "name": ["1", "2", "3", "4", "5", "88"],
                      "label": ["Très insatisfait", "Insatisfait", "Moyen", "Satisfait", "Très satisfait",
                                "Autre (préciser)"]}).to_excel(form, sheet_name="choices", index=False)
    _, problems = _csv_survey(folder, frame, spec)
    assert [(p.rule, p.severity, p.row, p.value) for p in problems] == [("survey_missing_code", "error", 5, "88")]
    assert "which the form labels « Autre (préciser) »" in problems[0].message
    survey, problems = _csv_survey(folder, frame, spec + "missing_codes: [88]\n")
    mean = est.estimate(survey, "mean", "satisfaction/note")
    assert problems == []
    assert (tmp_path / "s" / "s.csv").read_bytes() == (FIXTURES / "score_other.csv").read_bytes()   # R's data
    # tests/fixtures/survey/score_other.R, « mean note, 88 as NA »: estimate, se, n
    assert (mean["estimate"], mean["se"], mean["n"]) == (pytest.approx(3.13043478261, rel=1e-10),
                                                         pytest.approx(0.202718436574, rel=1e-10), 46)


@pytest.mark.parametrize("form", [True, False])
def test_an_other_answer_whose_specify_column_names_a_choice_is_told(tmp_path, form):
    """'emploi/secteur' answered 'autre' with 'emploi/secteur_autre' « Agriculture » (the « other, specify » answers
    not recoded): the share of 'agriculture' was 33.3 % for 41.7 % with them, without a word. A warning with their
    count at the first one (folded: « AGRICULTURE » counts); « Commerce », no choice, is an « autre »."""
    sector = ["agriculture"] * 20 + ["industrie"] * 7 + ["services"] * 21 + ["autre"] * 12
    specify = [None] * 48 + ["Agriculture", "Commerce", "AGRICULTURE ", "pêche"] * 3
    frame = pd.DataFrame({"_uuid": [f"u{i}" for i in range(60)], "_submission_time": "2021-06-01T10:00:00",
                          "poids": 10.0, "emploi/secteur": sector, "emploi/secteur_autre": specify})
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {share: emploi/secteur, value: agriculture}\n"
    folder = tmp_path / "s"
    folder.mkdir()
    if form:
        spec += "form: s.form.xlsx\n"
        with pd.ExcelWriter(folder / "s.form.xlsx") as book:
            pd.DataFrame([{"type": "begin_group", "name": "emploi"},
                          {"type": "select_one secteur", "name": "secteur", "label": "Secteur"},
                          {"type": "text", "name": "secteur_autre", "relevant": "${secteur} = 'autre'"},
                          {"type": "end_group"}]).to_excel(book, sheet_name="survey", index=False)
            pd.DataFrame({"list_name": "secteur", "name": ["agriculture", "industrie", "services", "autre"],
                          "label": ["Agriculture", "Industrie", "Services", "Autre"]}).to_excel(
                book, sheet_name="choices", index=False)
    survey, problems = _csv_survey(folder, frame, spec)
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems] == [
        ("survey_other_specified", "warning", 50, "emploi/secteur_autre", "Agriculture")]
    assert problems[0].message.startswith("6 answers are 'autre' to 'emploi/secteur'")
    assert est.estimates(survey).set_index("key").loc["s:emploi/secteur=agriculture", "estimate"] == \
        pytest.approx(20 / 60, rel=1e-12)   # R's, on the data as written: told, not recoded


def test_a_negative_code_below_answers_all_positive_is_told(tmp_path):
    """« -9 refus » and « -8 ne sait pas » typed in a number of children (0 to 5) and an age: averaged as numbers (a
    mean of 2.15 children for 2.44), without a word: -66 to -9999 were refused, -1 to -9 not looked at. A warning
    (survey_nines) where every other answer is 0 or more; declared, the mean is that of the others (R's with NA)."""
    rng = np.random.default_rng(11)
    children, age = rng.integers(0, 6, 40).astype(float), rng.integers(18, 60, 40).astype(float)
    children[[4, 9, 30]], age[[7, 20]] = -9, -8
    frame = pd.DataFrame({"_uuid": [f"u{i}" for i in range(40)], "_submission_time": "2021-06-01T10:00:00",
                          "poids": 10.0, "menage/enfants": children.astype(int), "menage/age": age.astype(int)})
    spec = "title: t\ndesign: {weights: poids}\nestimates:\n  - {mean: menage/enfants}\n  - {mean: menage/age}\n"
    _, problems = _csv_survey(tmp_path / "a", frame, spec)
    assert [(p.rule, p.severity, p.row, p.value) for p in problems] == [
        ("survey_nines", "warning", 9, "-8"), ("survey_nines", "warning", 6, "-9")]
    assert problems[1].message.startswith("3 answers are -9, below every other answer (all 0 or more)")
    survey, problems = _csv_survey(tmp_path / "b", frame, spec + "missing_codes: [-9, -8]\n")
    assert problems == []
    mean = est.estimate(survey, "mean", "menage/enfants")
    assert mean["n"] == 37 and mean["estimate"] == pytest.approx(children[children >= 0].mean(), rel=1e-12)


def test_a_form_label_leaving_a_direction_isolate_open_is_refused_at_its_cell(tmp_path):
    """A question's label « Revenu mensuel\u2067 (EUR 1500) » (a right-to-left isolate it does not close) was read:
    the text after it in its paragraph is shown in another order in the annex, its figures too. An error at its cell
    now, as in a table; an isolate the label closes (text copied beside Arabic) is read."""
    import openpyxl

    write_tracer_survey(tmp_path)
    form = tmp_path / f"{NAME}.form.xlsx"
    book = openpyxl.load_workbook(form)
    for row in book["survey"].iter_rows(min_row=2):
        if row[1].value == "revenu":
            row[2].value = "Revenu mensuel\u2067 (EUR 1500)"
    for row in book["choices"].iter_rows(min_row=2):
        if row[1].value == "oui":
            row[2].value = "Oui \u2068نعم\u2069"
    book.save(form)
    _, problems, _ = load_surveys(tmp_path)
    found = {(p.rule, p.cell) for p in problems if p.severity == "error"}
    assert found == {("control_character", "survey!C12")}, found
    assert "opens a direction isolate" in next(p for p in problems if p.cell == "survey!C12").message


def test_a_subgroup_column_answered_98_is_told_and_its_declared_code_is_no_subgroup(tmp_path):
    """A subgroup column coded 1, 2 and 98 (« ne sait pas »): the annex showed « statut : 98 » as a subgroup of its
    own (6 respondents, a mean of 314.7), without a word. It is warned at its first row, with the code to declare;
    declared in missing_codes, those respondents are in no subgroup and the whole, and the other subgroups are the
    same."""
    submissions, _ = make_tracer_survey()
    submissions["statut"] = ["1", "2"] * 90
    submissions.loc[submissions.index[[4, 7, 9, 20, 33, 50]], "statut"] = "98"
    spec = ("title: t\ndesign: {weights: poids, strata: identification/pays, clusters: identification/centre}\n"
            "estimates:\n  - {mean: emploi/revenu, by: statut}\n")
    found = {}
    for declared in ("", "missing_codes: [98]\n"):
        folder = tmp_path / (declared and "declared" or "plain")
        folder.mkdir()
        submissions.to_csv(folder / "s.csv", sep=";", index=False)
        (folder / "s.yaml").write_text(spec + declared, encoding="utf-8")
        surveys, problems, _ = load_surveys(folder)
        found[declared] = est.estimates(surveys["s"]).set_index("key"), problems
    rows, problems = found[""]
    told = [p for p in problems if p.rule == "survey_dont_know_subgroup"]
    assert len(told) == 1 and told[0].severity == "warning" and told[0].column == "statut" and told[0].value == "98"
    assert told[0].row == 6 and "6 answers are '98'" in told[0].message and "missing_codes: [98]" in told[0].hint
    assert "s:emploi/revenu:statut=98" in rows.index
    declared_rows, declared_problems = found["missing_codes: [98]\n"]
    assert not [p for p in declared_problems if p.rule == "survey_dont_know_subgroup"]
    assert "s:emploi/revenu:statut=98" not in declared_rows.index
    for key in ("s:emploi/revenu", "s:emploi/revenu:statut=1", "s:emploi/revenu:statut=2"):
        assert tuple(declared_rows.loc[key, ["estimate", "se", "n"]]) == pytest.approx(
            tuple(rows.loc[key, ["estimate", "se", "n"]]), rel=1e-12), key


@pytest.mark.parametrize("merged", [True, False])
def test_a_title_typed_above_the_exports_header_is_read_over(tmp_path, sample, merged):
    """A title typed in A1 above KoboToolbox's header (« Enquête de suivi, export du 12/06/2021 », a blank row under
    it; merged over the columns or not), and the same in the repeat sheet: the title was read as the header. Merged,
    one error « the header ... is merged over the columns A to AG » (merged_header); not merged, every column « has
    values but no header » and each of the YAML's columns « not in the export » (46 problems). The header is now the
    first row holding a submission's metadata (or a column the YAML names), as a monitoring table's title rows are
    skipped: the same estimates as the export without the title, nothing to say."""
    import openpyxl

    folder = tmp_path / "titled"
    write_tracer_survey(folder)
    book = openpyxl.load_workbook(folder / f"{NAME}.xlsx")
    for sheet in book.worksheets:
        width = sheet.max_column
        sheet.insert_rows(1, 2)
        sheet["A1"] = "Enquête de suivi des stagiaires - export Kobo du 12/06/2021"
        if merged:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    book.save(folder / f"{NAME}.xlsx")
    surveys, problems, _ = load_surveys(folder)
    assert problems == []
    titled = surveys[NAME]
    assert titled.data.index[0] == 4   # rows named as the sheet shows them: the header on row 3
    assert titled.data["emplois/_count"].sum() == sample.data["emplois/_count"].sum()
    mine = est.estimates(titled).set_index("key")
    theirs = est.estimates(sample).set_index("key")
    pd.testing.assert_frame_equal(mine, theirs)


def test_a_title_above_a_csv_exports_header_is_read_over(tmp_path, sample):
    """The same in KoboToolbox's CSV (the title typed in Excel and saved as CSV): the same estimates."""
    submissions, _ = make_tracer_survey()
    text = submissions.drop(columns=["competences"]).to_csv(sep=";", index=False)
    (tmp_path / "t.csv").write_text("Enquête de suivi des stagiaires;;;\n;;;\n" + text, encoding="utf-8")
    (tmp_path / "t.yaml").write_text(
        "title: t\ndesign: {weights: poids, strata: identification/pays, clusters: identification/centre}\n"
        "estimates:\n  - {mean: emploi/revenu, by: identification/sexe}\n", encoding="utf-8")
    surveys, problems, _ = load_surveys(tmp_path)
    assert problems == []
    mine = est.estimates(surveys["t"]).set_index("key")
    theirs = est.estimates(sample).set_index("key")
    for key in ("emploi/revenu", "emploi/revenu:identification/sexe=f"):
        assert tuple(mine.loc[f"t:{key}", ["estimate", "se", "n"]]) == pytest.approx(
            tuple(theirs.loc[f"{NAME}:{key}", ["estimate", "se", "n"]]), rel=1e-12)


# tests/fixtures/survey/percent_weights.R: (estimate, se, CI low, CI high, deff with replacement, df, n)
PERCENT_WEIGHTS_R = {
    "s:emploi/revenu": (325.404958833, 18.637360431, 284.797638815, 366.012278851, 1.19315027149, 12, 85),
    "s:emploi/emploi_actuel=oui": (0.472191455551, 0.0351346607695, 0.396874162791, 0.548796299928, 0.886604680676,
                                   12, 180),
}


def test_weights_in_percent_of_the_population_are_read_as_relative_weights(tmp_path):
    """Weights below 1 that add up to 100 (each trainee's percentage of the population, 0.28 to 0.87 for 180,
    fixtures/survey/percent_weights.csv): refused as « probabilities of selection », with the hint to give their
    inverse as the weights, which weighs most those who stand for the fewest. They are now read as relative weights,
    with a warning saying what they are: the mean and the share equal R's svymean and svyciprop on them (the design
    effect with replacement, deff = "replace"; tests/fixtures/survey/percent_weights.R), and a total is refused."""
    spec = ("title: t\ndesign: {weights: poids, strata: identification/pays, clusters: identification/centre}\n"
            "estimates:\n  - {mean: emploi/revenu}\n  - {share: emploi/emploi_actuel, value: oui}\n")
    for name, extra in (("pct", ""), ("total", "  - {total: emploi/heures_formation}\n")):
        (tmp_path / name).mkdir()
        shutil.copy(FIXTURES / "percent_weights.csv", tmp_path / name / "s.csv")
        (tmp_path / name / "s.yaml").write_text(spec + extra, encoding="utf-8")
    surveys, problems, _ = load_surveys(tmp_path / "pct")
    assert [(p.rule, p.severity, p.column) for p in problems] == [("survey_weight_percent", "warning", "poids")]
    assert problems[0].row == 146 and problems[0].value == "0.283007" and "add up to 100" in problems[0].message
    mine = est.estimates(surveys["s"]).set_index("key")
    for key, expected in PERCENT_WEIGHTS_R.items():
        found = tuple(mine.loc[key, ["estimate", "se", "ci_low", "ci_high", "deff", "df", "n"]])
        assert found == pytest.approx(expected, rel=1e-9), key
    _, problems, _ = load_surveys(tmp_path / "total")
    assert "survey_total_relative_weights" in {p.rule for p in problems}


def test_weights_in_percent_with_some_of_1_or_more_are_warned_for_their_totals(tmp_path):
    """60 trainees' weights written as percentages of the population (1.3 to 2.6, two decimals, adding up to 100):
    no weight below 1 to tell them, so they were read as a population of 100 people, its totals and design effects
    shown without a word (the means are right). Weights with decimals adding up to 100 are warned; whole weights
    adding up to 100 (a population of 100 cooperatives) are not."""
    spec = ("title: t\ndesign: {weights: poids, strata: identification/pays, clusters: identification/centre}\n"
            "estimates:\n  - {mean: emploi/revenu}\n  - {total: emploi/heures_formation}\n")
    rows = pd.read_csv(FIXTURES / "percent_weights.csv", sep=";").iloc[::3].reset_index(drop=True)
    percent = (rows["poids"] / rows["poids"].sum() * 100).round(2)
    for name, weights in (("pct", percent), ("whole", pd.Series([2] * 40 + [1] * 20))):
        (tmp_path / name).mkdir()
        rows.assign(poids=weights).to_csv(tmp_path / name / "s.csv", sep=";", index=False)
        (tmp_path / name / "s.yaml").write_text(spec, encoding="utf-8")
    _, problems, _ = load_surveys(tmp_path / "pct")
    assert [(p.rule, p.severity, p.column, p.row) for p in problems] == [
        ("survey_weight_hundred", "warning", "poids", int(percent.idxmin()) + 2)]
    assert f"add up to {numbers.plain(float(percent.sum().round(2)))}" in problems[0].message
    assert "a population of 100" in problems[0].message and "the population / 100" in problems[0].hint
    _, problems, _ = load_surveys(tmp_path / "whole")
    assert problems == []


def test_what_the_sheet_shows_but_its_cells_do_not_hold_is_said_as_for_a_table(tmp_path, sample):
    """The sample's Kobo export reworked in Excel: six rows hidden by a filter (5 to 10), row 40 struck through, a
    centre merged over rows 20 to 24 and a weight over rows 30 to 33. All were read without a word: the hidden and
    struck rows estimated like the others, the merged centre and weight read in each row (a weight shown once for
    four respondents may be each one's or theirs together). As in a monitoring table (loader), the hidden and struck
    rows and the merged text are warned, at their rows, and the merged number refused at its cells."""
    import openpyxl
    from openpyxl.styles import Font

    write_tracer_survey(tmp_path)
    book = openpyxl.load_workbook(tmp_path / f"{NAME}.xlsx")
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    for row in range(5, 11):
        sheet.row_dimensions[row].hidden = True
    for cell in sheet[40]:
        cell.font = Font(strike=True)
    centre = header.index("identification/centre") + 1
    assert len({sheet.cell(row=r, column=centre).value for r in range(20, 25)}) == 1   # one centre: read rightly
    sheet.merge_cells(start_row=20, start_column=centre, end_row=24, end_column=centre)
    book.save(tmp_path / f"{NAME}.xlsx")
    surveys, problems, _ = load_surveys(tmp_path)
    assert [(p.rule, p.severity, p.row, p.column) for p in problems] == [
        ("merged_cells", "warning", 20, "identification/centre"), ("hidden_rows", "warning", 5, None),
        ("struck_rows", "warning", 40, None)]
    assert "6 rows of the table (5, 6, 7, 8, 9, 10) are hidden or filtered out" in problems[1].message
    pd.testing.assert_frame_equal(est.estimates(surveys[NAME]), est.estimates(sample))   # read as before: told
    weights = header.index("poids") + 1
    sheet.merge_cells(start_row=30, start_column=weights, end_row=33, end_column=weights)
    book.save(tmp_path / f"{NAME}.xlsx")
    surveys, problems, _ = load_surveys(tmp_path)
    merged = [p for p in problems if p.rule == "merged_number"]
    assert [(p.severity, p.row, p.column) for p in merged] == [("error", 30, "poids")]
    assert "'Suivi des stagiaires AMEM'!V30:V33 are merged: the number 7 is shown once" in merged[0].message
    assert NAME not in surveys


def test_a_select_multiple_whose_text_and_option_columns_disagree_is_refused(tmp_path, sample):
    """The sample's export with the column 'competences/langue' set to 0 for 15 trainees whose answer 'competences'
    names « langue » (a recode made in one of the two, or two exports pasted together): the share of « langue » was
    read from the column, 39.0 % for 49.4 %, without a word. KoboToolbox writes both from one answer: refused at
    the first cell that disagrees, with their count, either way (a column at 1 whose text does not name the option
    too); an option column left empty (not offered) is not a disagreement, and the sample's export has none."""
    submissions, _ = make_tracer_survey()
    names = submissions["competences"].fillna("").str.split().map(lambda words: "langue" in words)
    edited = submissions.copy()
    rows = edited.index[names][:15]
    edited.loc[rows, "competences/langue"] = 0
    survey, problems = _csv_survey(tmp_path / "zero", edited, SPEC_CSV + "  - {share: competences}\n")
    assert [(p.rule, p.severity, p.row, p.column, p.value) for p in problems if p.severity == "error"] == [
        ("survey_multiple_disagree", "error", rows[0] + 2, "competences/langue", "0")]
    told = next(p for p in problems if p.rule == "survey_multiple_disagree")
    assert told.message.startswith("15 answers to 'competences' disagree with the option column "
                                   "'competences/langue': the text names 'langue'")
    one = submissions.copy()
    other = one.index[~names & one["competences"].notna()][0]
    one.loc[other, "competences/securite"] = 1 - one.loc[other, "competences/securite"]   # the column's own edit
    _, problems = _csv_survey(tmp_path / "one", one, SPEC_CSV + "  - {mean: emploi/revenu, by: competences}\n")
    assert [(p.rule, p.row, p.column) for p in problems if p.rule == "survey_multiple_disagree"] == [
        ("survey_multiple_disagree", other + 2, "competences/securite")]
    offered = submissions.copy()
    offered.loc[offered.index[:30], "competences/droits"] = None   # an option a later version added
    _, problems = _csv_survey(tmp_path / "offered", offered, SPEC_CSV + "  - {share: competences}\n")
    assert "survey_multiple_disagree" not in {p.rule for p in problems}


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_an_export_in_a_format_not_read_is_named(tmp_path, suffix):
    """KoboToolbox's « XLS (legacy) » download (s.xls) or a LibreOffice .ods beside s.yaml: told « the survey's
    export is missing » with the hint to put it in s.xlsx, though it was there. It is now named, with how to give it
    (in French too)."""
    from helpers.pipeline.messages import translated

    (tmp_path / "s.yaml").write_text("title: t\nestimates:\n  - {mean: revenu}\n", encoding="utf-8")
    (tmp_path / f"s{suffix}").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    _, problems, _ = load_surveys(tmp_path)
    assert [(p.rule, p.severity, Path(p.file).name) for p in problems] == [("survey_data_format", "error", f"s{suffix}")]
    assert problems[0].message == f"the survey's export is s{suffix}, a '{suffix}' file, which is not read"
    french = translated(problems[0], "fr")
    assert french.message.startswith(f"l'export de l'enquête est s{suffix}") and "enregistrez-le sous 's.xlsx'" in \
        french.hint


def test_a_title_above_odk_central_s_csv_and_its_repeat_file_is_read_over(tmp_path):
    """ODK Central's « Download all data », each CSV opened in Excel and a title typed above its header: the repeat
    file s-emplois.csv was found by its first line only, so with a title it was not joined (« a survey without
    description ») and 'emplois/_count' « not in the export ». Both are read below their titles."""
    _write_odk_central(tmp_path, title="Suivi des stagiaires - ODK Central, 12/06/2021,,,\n,,,,\n")
    surveys, problems, _ = load_surveys(tmp_path)
    assert problems == []
    data = surveys["s"].data
    assert data.index[0] == 4   # the header on row 3
    assert data["emplois/_count"].tolist() == [k % 3 for k in range(8)]
    assert data["emplois/duree_mois/_sum"].tolist() == [(0.0, 2.0, 5.0)[k % 3] for k in range(8)]
