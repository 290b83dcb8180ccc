"""Tables as an evaluator writes them, built into the sample's Tunisie annex by the real runner: the annex names the
event it leaves out for starting after the reporting date, counts the persons who came to several events once, and
says which activities its mean progress leaves out (analyses/test_reporting_date.py, test_gender.py and
test_execution.py check the figures and the warnings)."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from helpers.analyses import execution
from helpers.analyses.figures import annex_figures
from helpers.data.loader import load_project
from helpers.data.params import load_annex_params
from helpers.pipeline import runner
from sample_layout import sample_layout

pytestmark = pytest.mark.slow
PLANNED = "NEW-21,500,400,Tunisie,Formation prévue en 2021,2021-03-01,2021-03-05,government,100,,,,\n"
# two trainings in Tunisie: Sara Benali at both (written two ways), one person without a name; a third one planned
REGISTER = """événement,nom,prénom,sexe,pays,date de début
T1,Benali,Sara,F,Tunisie,2020-03-01
T1,Alaoui,Omar,H,Tunisie,2020-03-01
T2,BENALI,sara,f,Tunisie,2020-06-01
T2,Haddad,Leila,femme,Tunisie,2020-06-01
T2,,,F,Tunisie,2020-06-01
T3,Benali,Sara,F,Tunisie,2021-03-01
"""


def build(layout) -> str:
    assert runner.build(project="amem", annex="tunisie", layout=layout, timeout=300) == 0
    page = (layout.build / "annexes" / "amem" / "tunisie.html").read_text(encoding="utf-8")
    return page.replace("\u00a0", " ").replace("\u202f", " ")


def test_the_annex_names_the_event_after_the_reporting_date_and_leaves_it_out(tmp_path):
    layout = sample_layout(tmp_path, ["tunisie"])
    register = layout.data / "amem" / "participation.csv"
    expected = annex_figures(load_project("amem", layout.data, layout.params),
                             load_annex_params("amem", "tunisie", layout.params))
    with register.open("a", encoding="utf-8") as f:
        f.write(PLANNED)
    page = build(layout)
    assert "1 événement commençant après la date de rapport (31 décembre 2020) n'est pas compté : NEW-21." in page
    built = pd.read_csv(layout.build / "annexes" / "amem" / "tunisie.figures.csv")
    women = built[built["metric"] == "women_share"].set_index("key")["value"]
    assert women.to_dict() == pytest.approx(
        expected[expected["metric"] == "women_share"].set_index("key")["value"].to_dict(), nan_ok=True)


def test_a_register_naming_its_persons_counts_each_person_once_over_the_events(tmp_path):
    layout = sample_layout(tmp_path, ["tunisie"])
    (layout.data / "amem" / "participation.csv").write_text(REGISTER, encoding="utf-8")
    page = build(layout)
    assert ("Ces 5 participations sont le fait de 3 personnes distinctes (2 femmes, 1 homme) : une personne venue à "
            "plusieurs événements est comptée à chacun dans les tableaux ci-dessous.") in \
        page.replace("<strong>", "").replace("</strong>", "")
    assert "1 participation sans nom ne compte pas parmi les personnes distinctes." in page
    assert "1 événement commençant après la date de rapport (31 décembre 2020) n'est pas compté : T3." in page
    built = pd.read_csv(layout.build / "annexes" / "amem" / "tunisie.figures.csv")
    persons = built[built["metric"] == "persons"].iloc[0]
    assert (persons["key"], persons["value"], persons["n"]) == ("all", 3, 5)


def test_the_mean_progress_counts_activities_not_started_as_0_and_says_which_it_leaves_out(tmp_path):
    layout = sample_layout(tmp_path, ["ensemble"])
    path = layout.data / "amem" / "activities.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    progress = rows[0].index("progress")
    for row in rows[1:]:
        if row[0] == "T1-15":       # « En cours », Tunisie: the one activity with a progress
            row[progress] = "40"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    data = load_project("amem", layout.data, layout.params)
    rate = execution.physical_progress_rate(data.tables["activities"]).iloc[0]
    assert rate["n_no_progress"] > 0 and "not started = 0" in rate["note"]
    assert runner.build(project="amem", annex="ensemble", layout=layout, timeout=300) == 0
    page = (layout.build / "annexes" / "amem" / "ensemble.html").read_text(encoding="utf-8")
    page = page.replace("\u00a0", " ").replace("\u202f", " ").replace("<strong>", "").replace("</strong>", "")
    shown = f"{rate['rate']:.1f}".replace(".", ",")
    assert (f"L'avancement moyen déclaré des activités (les activités réalisées comptant pour 100 %, celles non "
            f"démarrées pour 0 %) est de {shown} %.") in page
    # not « en cours » alone: the status of that name, whose one activity (T1-15) has its progress here; the others
    # without one are delayed or not started... as the table of statuses says
    assert (f"{rate['n_no_progress']} activités sans avancement déclaré (ni réalisées ni non démarrées : en cours, "
            "retardée...) n'entrent pas dans cette moyenne.") in page


def test_the_cost_of_an_output_of_two_periods_names_each_period(tmp_path):
    """An output of two periods (P1.1.a by 2019 and by 2020, both financed by R1) was two rows « P1.1.a » in the table
    of unit costs, 6 652 USD and 4 162 USD, which period each was not said; each row is named by its figures key."""
    layout = sample_layout(tmp_path, ["ensemble"])
    with (layout.data / "amem" / "indicators.csv").open("a", encoding="utf-8") as f:
        f.write("P1.1.a,2019-12,20,Fonctionnaires/intervenants ayant suivi des formations sur les données de migration,"
                "output,personnes,,,150,increase,regional,,T1-02,R1,2391,test: an earlier period\n")
    assert runner.build(project="amem", annex="ensemble", layout=layout, timeout=300) == 0
    page = (layout.build / "annexes" / "amem" / "ensemble.html").read_text(encoding="utf-8")
    table = page[page.index("Coût par unité réalisée"):]
    table = table[:table.index("</table>")]
    assert ">P1.1.a@2019-12<" in table and ">P1.1.a@2020-12<" in table and ">P1.1.a<" not in table
