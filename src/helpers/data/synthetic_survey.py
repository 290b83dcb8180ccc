"""A SYNTHETIC tracer survey of trainees for the sample project, exported the way KoboToolbox exports it.

Nothing here is AMEM data: the answers are drawn from the model below with a fixed seed, so that the sample annex has
a survey section to show and the tests have a Kobo export with every feature the reader handles.
``python -m helpers synthesize`` writes ``data/amem/surveys/tracer_stagiaires.{xlsx,yaml,form.xlsx}``.

Design (two stages, stratified): the strata are the three countries; in each, ``CENTRES_SAMPLED`` training centres
are drawn at random among the country's ``CENTRES`` (the clusters; ``taille_pop`` is the number of centres, the
first stage's fpc, left out of the YAML: see SPEC), then ``TRAINEES_SAMPLED`` trainees among the centre's trainees. The weight of a trainee is
(centres / centres sampled) x (trainees of the centre / trainees sampled).

Answers: sex (45 % women), age 18-45, hours of training received (40-160, more in the larger centres), employed
now (a centre effect, and lower for women), monthly earnings when employed (log-normal, a centre effect, 0.8 for
women), the skills used at work (a select_multiple), the six questions of the Washington Group short set (about
6 % with a lot of difficulty in one domain), and a repeat group of the jobs held since the training (0 to 3).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import numpy as np
import pandas as pd

from ..paths import DATA_DIR

SEED = 2023
NAME = "tracer_stagiaires"
CENTRES = {"maroc": 12, "tunisie": 9, "mauritanie": 6}
CENTRES_SAMPLED = 5
TRAINEES_SAMPLED = 12
SKILLS = ["langue", "numerique", "securite", "metier", "droits"]
SECTORS = ["agriculture", "batiment", "hotellerie", "industrie", "services"]
WG = ["SEE_SS", "HEAR_SS", "WALK_SS", "COGNITION_SS", "SELFCARE_SS", "COMMUNICATING_SS"]
TITLE_SHEET = "Suivi des stagiaires AMEM"

SPEC = f"""\
# SYNTHETIC tracer survey of AMEM trainees (helpers.data.synthetic_survey): not AMEM data.
title: Enquête de suivi des stagiaires AMEM (données synthétiques)
# no fpc: with 5 of 6 to 12 centres drawn per country, an fpc at the first stage alone would leave out the
# variance of the second stage (trainees within centres) and understate the SEs
design: {{weights: poids, strata: identification/pays, clusters: identification/centre}}
estimates:
  - {{mean: emploi/revenu}}
  - {{mean: emploi/revenu, by: identification/sexe}}
  - {{total: emploi/heures_formation}}
  - {{share: emploi/emploi_actuel, value: "oui"}}
  - {{share: emploi/emploi_actuel, value: "oui", by: wg_disability}}
  - {{share: competences}}
  - {{mean: emplois/_count}}
  - {{ratio: emplois/duree_mois/_sum, per: emplois/_count}}   # months per job held (R's svyratio)
form: {NAME}.form.xlsx
"""

FORM_SURVEY = [  # type, name, label fr, label en
    ("start", "start", "", ""),
    ("end", "end", "", ""),
    ("begin_group", "identification", "Identification", "Identification"),
    ("select_one pays", "pays", "Pays", "Country"),
    ("text", "centre", "Centre de formation", "Training centre"),
    ("select_one sexe", "sexe", "Sexe", "Sex"),
    ("integer", "age", "Âge", "Age"),
    ("end_group", "", "", ""),
    ("begin_group", "emploi", "Emploi", "Employment"),
    ("select_one oui_non", "emploi_actuel", "A un emploi aujourd'hui", "Employed today"),
    ("decimal", "revenu", "Revenu mensuel (EUR)", "Monthly earnings (EUR)"),
    ("integer", "heures_formation", "Heures de formation reçues", "Hours of training received"),
    ("end_group", "", "", ""),
    ("select_multiple competences", "competences", "Compétences utilisées au travail", "Skills used at work"),
    ("begin_group", "wg", "Difficultés fonctionnelles (Washington Group)", "Functioning (Washington Group)"),
    ("select_one difficulte", "SEE_SS", "Difficulté à voir, même avec des lunettes",
     "Difficulty seeing, even if wearing glasses"),
    ("select_one difficulte", "HEAR_SS", "Difficulté à entendre, même avec un appareil auditif",
     "Difficulty hearing, even if using a hearing aid"),
    ("select_one difficulte", "WALK_SS", "Difficulté à marcher ou à monter des marches",
     "Difficulty walking or climbing steps"),
    ("select_one difficulte", "COGNITION_SS", "Difficulté à se souvenir ou à se concentrer",
     "Difficulty remembering or concentrating"),
    ("select_one difficulte", "SELFCARE_SS", "Difficulté à se laver entièrement ou à s'habiller",
     "Difficulty washing all over or dressing"),
    ("select_one difficulte", "COMMUNICATING_SS", "Difficulté à communiquer dans sa langue habituelle",
     "Difficulty communicating in the usual language"),
    ("end_group", "", "", ""),
    ("begin_repeat", "emplois", "Emplois occupés depuis la formation", "Jobs held since the training"),
    ("select_one secteur", "secteur", "Secteur", "Sector"),
    ("integer", "duree_mois", "Durée (mois)", "Length (months)"),
    ("end_repeat", "", "", ""),
    ("calculate", "poids", "Poids de sondage", "Sampling weight"),
    ("calculate", "taille_pop", "Nombre de centres du pays", "Number of centres in the country"),
]
FORM_CHOICES = [  # list_name, name, label fr, label en
    ("pays", "maroc", "Maroc", "Morocco"), ("pays", "tunisie", "Tunisie", "Tunisia"),
    ("pays", "mauritanie", "Mauritanie", "Mauritania"),
    ("sexe", "f", "Femme", "Woman"), ("sexe", "h", "Homme", "Man"),
    ("oui_non", "oui", "Oui", "Yes"), ("oui_non", "non", "Non", "No"),
    ("competences", "langue", "Langue", "Language"), ("competences", "numerique", "Numérique", "Digital"),
    ("competences", "securite", "Sécurité au travail", "Occupational safety"),
    ("competences", "metier", "Savoir-faire du métier", "Trade skills"),
    ("competences", "droits", "Droits des travailleurs", "Workers' rights"),
    ("difficulte", "1", "Non, aucune difficulté", "No difficulty"),
    ("difficulte", "2", "Oui, un peu de difficulté", "Some difficulty"),
    ("difficulte", "3", "Oui, beaucoup de difficulté", "A lot of difficulty"),
    ("difficulte", "4", "Ne peut pas du tout", "Cannot do at all"),
    ("secteur", "agriculture", "Agriculture", "Agriculture"), ("secteur", "batiment", "Bâtiment", "Construction"),
    ("secteur", "hotellerie", "Hôtellerie", "Hospitality"), ("secteur", "industrie", "Industrie", "Manufacturing"),
    ("secteur", "services", "Services", "Services"),
]


def make_tracer_survey(seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(submissions, jobs) as KoboToolbox exports them: group paths in the headers, select_multiple twice."""
    rng = np.random.default_rng(seed)
    rows, jobs = [], []
    start = dt.datetime(2021, 3, 1, 9, 0, 0)
    for country, centres in CENTRES.items():
        sampled = sorted(rng.choice(np.arange(1, centres + 1), CENTRES_SAMPLED, replace=False))
        for centre in sampled:
            size = int(rng.integers(30, 90))
            centre_effect = rng.normal(0, 0.5)
            for _ in range(TRAINEES_SAMPLED):
                index = len(rows) + 1
                woman = rng.random() < 0.45
                employed = rng.random() < 1 / (1 + np.exp(-(0.4 + centre_effect - 0.5 * woman)))
                earnings = float(np.round(np.exp(rng.normal(5.8 + 0.3 * centre_effect, 0.4)) *
                                          (0.8 if woman else 1.0), 2)) if employed else None
                skills = [s for s, p in zip(SKILLS, (0.5, 0.35, 0.6, 0.7, 0.25)) if rng.random() < p]
                severe = rng.random() < 0.06
                wg = [int(rng.choice([1, 2], p=[0.85, 0.15])) for _ in WG]
                if severe:
                    wg[int(rng.integers(0, 6))] = int(rng.choice([3, 4], p=[0.8, 0.2]))
                when = start + dt.timedelta(days=int(rng.integers(0, 60)), minutes=int(rng.integers(0, 600)))
                row = {
                    "start": when.isoformat(timespec="seconds"), "end": (when + dt.timedelta(minutes=25)).isoformat(
                        timespec="seconds"),
                    "identification/pays": country, "identification/centre": f"{country[:3].upper()}-{centre:02d}",
                    "identification/sexe": "f" if woman else "h", "identification/age": int(rng.integers(18, 46)),
                    "emploi/emploi_actuel": "oui" if employed else "non", "emploi/revenu": earnings,
                    "emploi/heures_formation": int(np.clip(rng.normal(60 + size, 20), 40, 160)),
                    "competences": " ".join(skills) if skills else None,
                    **{f"competences/{s}": int(s in skills) for s in SKILLS},
                    **{f"wg/{q}": v for q, v in zip(WG, wg)},
                    "poids": round(centres / CENTRES_SAMPLED * size / TRAINEES_SAMPLED, 6),
                    "taille_pop": centres,
                    "_id": 100000 + index, "_uuid": str(uuid.UUID(int=int(rng.integers(0, 2**63)))),
                    "_submission_time": (when + dt.timedelta(hours=2)).isoformat(timespec="seconds"),
                    "_validation_status": None, "_notes": None, "_status": "submitted_via_web",
                    "_submitted_by": None, "__version__": "vSynth2021", "_tags": None, "_index": index,
                }
                rows.append(row)
                for _ in range(int(rng.choice([0, 1, 2, 3], p=[0.3, 0.4, 0.2, 0.1]))):
                    jobs.append({"emplois/secteur": str(rng.choice(SECTORS)),
                                 "emplois/duree_mois": int(rng.integers(1, 24)), "_index": len(jobs) + 1,
                                 "_parent_table_name": TITLE_SHEET, "_parent_index": index,
                                 "_submission__id": row["_id"], "_submission__uuid": row["_uuid"]})
    return pd.DataFrame(rows), pd.DataFrame(jobs)


def _workbook():
    import openpyxl

    book = openpyxl.Workbook()
    fixed = dt.datetime(2021, 5, 1)
    book.properties.created = book.properties.modified = fixed
    book.properties.creator = "helpers.data.synthetic_survey"
    return book


def _sheet(book, title: str, frame: pd.DataFrame, first: bool = False) -> None:
    sheet = book.active if first else book.create_sheet()
    sheet.title = title
    sheet.append(list(frame.columns))
    for record in frame.itertuples(index=False):
        sheet.append([None if (isinstance(v, float) and np.isnan(v)) else v for v in record])


def write_tracer_survey(folder: Path | str = DATA_DIR / "amem" / "surveys", seed: int = SEED) -> list[Path]:
    """The export (.xlsx, submissions then the repeat group), its YAML and its XLSForm (French and English)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    submissions, jobs = make_tracer_survey(seed)
    export = _workbook()
    _sheet(export, TITLE_SHEET, submissions, first=True)
    _sheet(export, "emplois", jobs)
    form = _workbook()
    survey = pd.DataFrame(FORM_SURVEY, columns=["type", "name", "label::Français (fr)", "label::English (en)"])
    _sheet(form, "survey", survey.replace("", None), first=True)
    _sheet(form, "choices", pd.DataFrame(FORM_CHOICES, columns=["list_name", "name", "label::Français (fr)",
                                                                "label::English (en)"]))
    _sheet(form, "settings", pd.DataFrame([{"form_title": TITLE_SHEET + " (synthétique)", "form_id": NAME,
                                            "default_language": "Français (fr)"}]))
    paths = [folder / f"{NAME}.xlsx", folder / f"{NAME}.form.xlsx", folder / f"{NAME}.yaml"]
    export.save(paths[0])
    form.save(paths[1])
    paths[2].write_text(SPEC, encoding="utf-8")
    return paths
