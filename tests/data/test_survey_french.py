"""A survey's problems as make check prints them in a French project (helpers.pipeline.messages): each rule made
from a small export (the sample's synthetic tracer survey, edited as evaluators' exports really come), its message
and hint translated, and no English sentence left. Until survey12 about 40 of them (the repeat groups, the form's
skip logic and versions, the select_multiple exports, the codes for « ne sait pas », the fpc against the weights)
were printed wholly or partly in English."""

import re

import pandas as pd
import pytest

from english_words import english_words
from helpers.data.surveys import load_surveys
from helpers.data.synthetic_survey import FORM_CHOICES, FORM_SURVEY, make_tracer_survey
from helpers.pipeline.messages import translated

DESIGN = "{weights: poids, strata: identification/pays, clusters: identification/centre}"
ESTIMATES = ["{mean: emploi/revenu}", "{share: emploi/emploi_actuel, value: oui}", "{share: competences}"]
OPTIONS = [f"competences/{s}" for s in ("langue", "numerique", "securite", "metier", "droits")]


def _survey(folder, edit=None, estimates=ESTIMATES, design=DESIGN, extra="", jobs=None, form=None, xlsx=False,
            beside=None, then=None):
    """The tracer survey's submissions, edited by ``edit``, as the export s.csv (s.xlsx with ``jobs``, its repeat
    sheet 'emplois', or with ``xlsx``), its YAML s.yaml and, with ``form`` (the survey sheet's rows and the choices'),
    its XLSForm s.form.xlsx; ``beside``: a CSV file put beside them (name -> its rows); ``then``: an edit of the
    files written (the folder)."""
    submissions, tracer_jobs = make_tracer_survey()
    submissions = edit(submissions.copy()) if edit else submissions
    if jobs is not None or xlsx:
        with pd.ExcelWriter(folder / "s.xlsx") as book:
            submissions.to_excel(book, sheet_name="Suivi", index=False)
            if jobs is not None:
                jobs(tracer_jobs.copy()).to_excel(book, sheet_name="emplois", index=False)
    else:
        submissions.to_csv(folder / "s.csv", sep=";", index=False)
    if form is not None:
        rows, choices = form
        with pd.ExcelWriter(folder / "s.form.xlsx") as book:
            if rows is not None:
                pd.DataFrame(rows).to_excel(book, sheet_name="survey", index=False)
            if choices is not None:
                pd.DataFrame(choices).to_excel(book, sheet_name="choices", index=False)
        extra += "form: s.form.xlsx\n"
    for name, rows in (beside or {}).items():
        rows.to_csv(folder / name, sep=";", index=False)
    (folder / "s.yaml").write_text(f"title: t\ndesign: {design}\nestimates:\n" +
                                   "".join(f"  - {e}\n" for e in estimates) + extra, encoding="utf-8")
    if then is not None:
        then(folder)


def _long_label(folder):
    """A label of 100 000 characters in the form (pandas and openpyxl cut a cell to 32 767: written in the file's
    XML)."""
    import zipfile

    path = folder / "s.form.xlsx"
    parts = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            parts[name] = archive.read(name)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data.replace(b"Revenu mensuel (EUR)", b"L" * 100_000))


def _form(relevant=None, constraint=None, extra_rows=(), extra_choices=(), label=None):
    """The tracer's XLSForm, with a relevant / constraint on one question ({name: condition}), rows and choices
    added, a label replaced ({name: label})."""
    rows = [{"type": t, "name": n, "label::Français (fr)": (label or {}).get(n, fr),
             "relevant": (relevant or {}).get(n), "constraint": (constraint or {}).get(n)}
            for t, n, fr, _ in FORM_SURVEY]
    rows[-3:-3] = [{"type": t, "name": n, "label::Français (fr)": fr} for t, n, fr in extra_rows]
    choices = [{"list_name": ln, "name": n, "label::Français (fr)": fr} for ln, n, fr, _ in FORM_CHOICES]
    return rows, choices + [{"list_name": ln, "name": n, "label::Français (fr)": fr} for ln, n, fr in extra_choices]


def _set(column, rows, value):
    def edit(s):
        s[column] = s[column].astype(object)
        s.loc[s.index[rows], column] = value
        return s
    return edit


def _versions(s, rows=slice(0, 90)):
    s["__version__"] = "vXyz2021b"
    s.loc[s.index[rows], "__version__"] = "vAbc2021a"
    return s


def _renamed(s):
    s = _versions(s, slice(0, 70))
    s["emploi/revenu_mensuel"] = s["emploi/revenu"].where(s["__version__"] == "vXyz2021b")
    s["emploi/revenu"] = s["emploi/revenu"].where(s["__version__"] == "vAbc2021a")
    return s


def _recoded(s):
    s = _versions(s)
    later = s["__version__"] == "vXyz2021b"
    s["emploi/emploi_actuel"] = s["emploi/emploi_actuel"].where(~later, s["emploi/emploi_actuel"].map(
        {"oui": "1", "non": "0"}))
    return s


def _option_added(s):
    s = _versions(s)
    s.loc[s["__version__"] == "vAbc2021a", "competences/droits"] = 0
    s["competences"] = s[OPTIONS].apply(lambda r: " ".join(o.split("/")[1] for o in OPTIONS if r[o] == 1) or None,
                                        axis=1)
    return s


def _other(s):
    s["emploi/secteur"] = ["agriculture", "services", "autre"] * 60
    s["emploi/secteur_autre"] = [None, None, "Agriculture"] * 60
    return s


def _labels_text(s):
    s["competences"] = s["competences"].str.replace("langue", "Langue étrangère").str.replace("numerique",
                                                                                              "Numérique")
    s["competences"] = s["competences"].where(s.index % 7 != 0, "Numérique")
    return s.drop(columns=OPTIONS)


def _wg_words(s):
    for c in [c for c in s.columns if c.startswith("wg/")]:
        s[c] = s[c].map({1: "aucune", 2: "quelques", 3: "beaucoup", 4: "impossible"})
    return s


def _early(s):
    s.loc[s.index[:4], ["start", "_submission_time"]] = "2021-02-20T09:00:00"
    return s


def _stratum_fpc(sizes):
    def edit(s):
        s["taille_pop"] = s["identification/pays"].map(sizes)
        return s
    return edit


def _pasted(s):
    return s.assign(_index=list(range(1, 91)) * 2)


def _no_index(s):
    return s.drop(columns=["_index"])


def _repeat_no_uuid(j):
    return j.drop(columns=["_submission__uuid", "_submission__id"])


FPC = "{weights: poids, strata: identification/pays, fpc: taille_pop}"
CLUSTERED_FPC = "{weights: poids, strata: identification/pays, clusters: identification/centre, fpc: taille_pop}"
SCORE = [("select_one score", "satisfaction", "Satisfaction (1 à 5)")]
SCORES = [("score", str(k), str(k)) for k in range(1, 6)] + [("score", "8", "Ne sait pas")]

# rule -> how its export is written (one case, sometimes two, per sentence the rule says)
CASES = {
    "bad_value": dict(extra="fieldwork_start: 01/06/2021\n"),
    "form_missing": dict(extra="form: absent.form.xlsx\n"),
    "form_without_survey": dict(form=(None, [{"list_name": "oui_non", "name": "oui"}])),
    "repeat_index_repeated": dict(edit=_pasted, jobs=_repeat_no_uuid),
    "repeat_parent_unknown": dict(jobs=lambda j: _repeat_no_uuid(j).assign(
        _parent_index=[None] + [999] + list(j["_parent_index"][2:]))),
    "repeat_row_repeated": dict(jobs=lambda j: pd.concat([j, j.iloc[:2]], ignore_index=True)),
    "repeat_without_index": dict(edit=_no_index, jobs=_repeat_no_uuid),
    "survey_repeat_as_export": dict(edit=lambda s: make_tracer_survey()[1]),
    "survey_repeat_file": dict(beside={"emplois.csv": make_tracer_survey()[1]}),
    "cell_too_long": dict(form=_form(), then=_long_label),
    "survey_repeat_unanswered": dict(estimates=["{mean: emplois/duree_mois/_sum}"],
                                     jobs=lambda j: j.assign(**{"emplois/duree_mois": [None] * 3 + list(
                                         j["emplois/duree_mois"][3:])})),
    "survey_repeat_question": dict(estimates=["{mean: emplois/duree_mois}", "{share: emplois/secteur}"],
                                   jobs=lambda j: j),
    "survey_answered_not_asked": dict(edit=_set("emploi/revenu", slice(0, 180), 300.0),
                                      form=_form(relevant={"revenu": "${emploi_actuel} = 'oui'"})),
    "survey_relevant_not_read": dict(form=_form(relevant={"revenu": "string-length(${emploi_actuel}) > 2"})),
    "survey_version_unanswered": dict(edit=_renamed),
    "survey_version_codes": [dict(edit=_recoded),
                             dict(edit=lambda s: _versions(s).assign(**{"emploi/emploi_actuel": lambda f: f[
                                 "emploi/emploi_actuel"].where(f.index < 90, f["emploi/emploi_actuel"].replace(
                                     {"oui": "en_emploi"}))}))],
    "survey_version_option": dict(edit=_option_added),
    "survey_codes_and_labels": dict(edit=_set("emploi/emploi_actuel", slice(0, 10), "Oui, en emploi")),
    "survey_other_specified": dict(edit=_other, estimates=["{share: emploi/secteur, value: agriculture}"]),
    "survey_not_a_choice": [dict(edit=_set("emploi/emploi_actuel", slice(0, 5), "Yes"), form=_form()),
                            dict(edit=_set("identification/sexe", [0, 1], "Female"), form=_form(),
                                 estimates=["{share: identification/sexe, value: f}"])],
    "survey_missing_code": [dict(edit=lambda s: s.assign(satisfaction=[1, 2, 3, 4, 5, 8] * 30),
                                 estimates=["{mean: satisfaction}"], form=_form(extra_rows=SCORE,
                                                                                 extra_choices=SCORES)),
                            dict(edit=_set("emploi/revenu", [0, 2], -99.0))],
    "survey_nines": [dict(edit=_set("emploi/revenu", [0, 2, 4], 999.0)),
                     dict(edit=_set("emploi/revenu", [0, 2, 4], 9999.0)),
                     dict(edit=_set("identification/age", [0, 2, 4], -9), estimates=["{mean: identification/age}"])],
    "survey_dont_know_counted": [dict(edit=_set("emploi/emploi_actuel", slice(0, 20), "nsp")),
                                 dict(edit=lambda s: s.assign(**{"emploi/emploi_actuel": s["emploi/emploi_actuel"].map(
                                     {"oui": "1", "non": "2"})}).pipe(_set("emploi/emploi_actuel", slice(0, 9), "99")),
                                      estimates=["{share: emploi/emploi_actuel, value: 1}"])],
    "survey_dont_know_subgroup": [dict(edit=lambda s: s.assign(statut=["1", "2"] * 90).pipe(
                                           _set("statut", [0, 3], "98")),
                                       estimates=["{mean: emploi/revenu, by: statut}"]),
                                  dict(edit=_set("emploi/emploi_actuel", slice(0, 20), "nsp"),
                                       estimates=["{mean: emploi/revenu, by: emploi/emploi_actuel}"])],
    "survey_multiple_guessed": dict(edit=lambda s: s.drop(columns=OPTIONS)),
    "survey_multiple_labels": dict(edit=_labels_text),
    "survey_multiple_no_zero": dict(edit=lambda s: s.drop(columns=["competences"]).replace({
        **{o: {0: None} for o in OPTIONS}})),
    "survey_multiple_not_a_choice": dict(edit=lambda s: _labels_text(s).assign(
        competences=lambda f: f["competences"].str.replace("metier", "Savoir-faire du métier")), form=_form()),
    "survey_multiple_text_only": dict(edit=lambda s: s.drop(columns=OPTIONS), form=_form()),
    "survey_multiple_zero_answer": dict(edit=lambda s: s.assign(competences=s["competences"].fillna("0"))),
    "survey_option_values": dict(edit=lambda s: s.drop(columns=["competences"]).replace({
        **{o: {0: None, 1: "x"} for o in OPTIONS}})),
    "survey_early_submissions": dict(edit=_early),
    "survey_time_ambiguous": dict(edit=lambda s: s.assign(start="03/05/2021 09:00", _submission_time=None),
                                  extra="fieldwork_start: 2021-03-01\n"),
    "survey_time_unreadable": dict(edit=lambda s: _set("_submission_time", [0], "hier")(_set("start", [0], "hier")(s)),
                                   extra="fieldwork_start: 2021-03-01\n"),
    "survey_fieldwork_without_times": dict(edit=lambda s: s.drop(columns=["start", "end", "_submission_time"]),
                                           extra="fieldwork_start: 2021-03-01\n"),
    "survey_review_unknown": dict(edit=_set("_validation_status", [0, 1, 2], "Non validé")),
    "survey_skipped": dict(edit=_set("emploi/revenu", slice(0, 12), "n/a")),
    "survey_sex_columns": dict(edit=lambda s: s.assign(**{"enqueteur/sexe": "f"})),
    "survey_wg_codes": dict(edit=_wg_words),
    "survey_weight_probability": dict(edit=lambda s: s.assign(poids=(1 / s["poids"]).round(4))),
    "survey_multiple_disagree": dict(edit=lambda s: s.assign(**{"competences/langue": s["competences/langue"].where(
        ~s["competences"].fillna("").str.contains("langue") | (s.index > 40), 0)})),
    "survey_weight_percent": dict(edit=lambda s: s.assign(poids=s["poids"] / s["poids"].sum() * 100)),
    "survey_weight_hundred": dict(edit=lambda s: s.iloc[::3].assign(poids=lambda f: (f["poids"] / f["poids"].sum()
                                                                                       * 100).round(2))),
    "survey_fpc_percent": [dict(design=FPC, edit=_stratum_fpc({"maroc": 10, "tunisie": 12, "mauritanie": 8})),
                           dict(design=CLUSTERED_FPC, edit=lambda s: s.assign(taille_pop=20)),
                           dict(design=CLUSTERED_FPC, edit=lambda s: s.assign(taille_pop=12.5))],
    "survey_fpc_weights": dict(design=FPC, edit=_stratum_fpc({"maroc": 150, "tunisie": 900, "mauritanie": 900})),
    "survey_fpc": [dict(design=FPC, edit=_set("taille_pop", [0], None)),
                   dict(design=FPC, edit=_set("taille_pop", [0], 0.5)),
                   dict(design=FPC, edit=_set("taille_pop", [0], 700))],
    "survey_whole_subsampled": dict(design=CLUSTERED_FPC, edit=_stratum_fpc({"maroc": 5, "tunisie": 9,
                                                                             "mauritanie": 6})),
    "survey_total_relative_weights": dict(edit=lambda s: s.assign(poids=s["poids"] / s["poids"].mean()),
                                          estimates=["{total: emploi/heures_formation}"]),
    "survey_value_absent": [dict(estimates=["{share: emploi/emploi_actuel, value: yes}"]),
                            dict(edit=lambda s: s.assign(**{"emploi/emploi_actuel": s["emploi/emploi_actuel"]
                                                            .str.capitalize()}), form=_form())],
    "survey_design_missing": dict(edit=_set("identification/centre", [3], None)),
    "survey_ambiguous_number": dict(edit=_set("emploi/revenu", [0], "1,500")),
    "survey_not_a_number": [dict(edit=_set("emploi/revenu", [0], "1,5E+03")),
                            dict(edit=_set("emploi/revenu", [0], "Ne sait pas"))],
    "survey_percent_sign": [dict(edit=lambda s: s.assign(poids=s["poids"].map(
                                lambda w: f"{w:.2f} %".replace(".", ",")))),
                            dict(edit=_set("emploi/revenu", [0, 1], "45%"))],
    "survey_totals_row": dict(edit=lambda s: pd.concat([s, pd.DataFrame({"poids": [s["poids"].sum()]})],
                                                      ignore_index=True)),
    "survey_before_fieldwork": dict(edit=_early, extra="fieldwork_start: 2021-03-01\n"),
    "survey_fpc_below_sample": dict(design=FPC, edit=_stratum_fpc({"maroc": 10.0, "tunisie": 900, "mauritanie": 900})),
}


@pytest.mark.parametrize("rule, case", [(r, c) for r, cases in CASES.items()
                                        for c in (cases if isinstance(cases, list) else [cases])],
                         ids=lambda x: x if isinstance(x, str) else "")
def test_a_survey_problem_is_told_wholly_in_french(tmp_path, rule, case):
    """Each survey rule's message and hint, as make check prints them in a French project: no English sentence
    left (a sentence the French table does not know was printed in English)."""
    _survey(tmp_path, **case)
    _, problems, _ = load_surveys(tmp_path)
    said = [translated(p, "fr") for p in problems if p.rule == rule]
    assert said, [(p.rule, p.message) for p in problems]
    assert [(p.message, p.hint) for p in said if english_words(p.message) or english_words(p.hint)] == []
    # a number the sentence computes or quotes with French's decimal comma: « entre 217.06 et 387.65 », « ses poids
    # représentent 669.6 personnes », « lu 1.5 » stood beside the annex's « 669,6 »
    assert [t for p in said for t in (p.message, p.hint) if re.search(r"\d\.\d", t or "")] == []
    # a day as a reader says it (« le 20 février 2021 », not « du 2021-02-20 au 2021-02-20 »); a hint keeps the ISO
    # day to type in the YAML
    assert [p.message for p in said if re.search(r"\d{4}-\d\d-\d\d", p.message)] == []


@pytest.mark.parametrize("days, said", [(["2021-02-20"] * 4, "4 soumissions faites le 20 février 2021, 9 jours"),
                                        (["2021-02-18", "2021-02-20"] * 2, "faites du 18 au 20 février 2021,"),
                                        (["2021-01-30", "2021-02-01"] * 2, "faites du 30 janvier au 1er février 2021,")])
def test_early_submissions_say_their_days_as_a_reader_does(tmp_path, days, said):
    """Four tests of the form made on one day were « faites du 2021-02-20 au 2021-02-20 »."""
    def early(s):
        s.loc[s.index[:4], ["start", "_submission_time"]] = [[f"{d}T09:00:00"] * 2 for d in days]
        return s

    _survey(tmp_path, edit=early)
    _, problems, _ = load_surveys(tmp_path)
    message = [translated(p, "fr").message for p in problems if p.rule == "survey_early_submissions"]
    assert len(message) == 1 and said in message[0], message
