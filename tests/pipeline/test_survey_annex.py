"""The survey section in a real annex build (papermill, nbconvert, Word, Excel) through the runner, on the sample's
synthetic tracer survey: the HTML, the .docx and the .xlsx show it; figures.csv has its figures with their keys."""

from __future__ import annotations

import re
import shutil
from html import unescape

import docx
import openpyxl
import pandas as pd
import pytest

from helpers.pipeline import runner
from helpers.paths import NOTEBOOKS_DIR
from sample_layout import sample_layout

pytestmark = pytest.mark.slow
S = "tracer_stagiaires"


def visible(html_text: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<img[^>]*>", "", html_text))))


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    layout = sample_layout(tmp_path_factory.mktemp("surveys"), ["ensemble", "maroc"], notebooks=None)
    shutil.copy(NOTEBOOKS_DIR / "50_surveys.ipynb", layout.notebooks)
    assert runner.build(project="amem", layout=layout, timeout=300) == 0
    return layout.build / "annexes" / "amem"


def test_the_html_annex_has_the_survey_section_with_labels_cis_and_deffs(build):
    page = visible((build / "ensemble.html").read_text(encoding="utf-8"))
    assert "Enquêtes auprès des bénéficiaires" in page
    assert "Enquête de suivi des stagiaires AMEM (données synthétiques)" in page
    assert "Attention : données synthétiques" in page
    assert "180 personnes ont répondu" in page and "(3 strates)" in page and "(15 grappes)" in page
    assert re.search(r"Part des femmes : 46,2 % \(IC 95 % 40,0 % à 52,6 %\)", page.replace("\u00a0", " ").replace("\u202f", " "))
    assert "Part des personnes en situation de handicap" in page
    assert "Compétences utilisées au travail : Numérique" in page and "Effet de plan" in page
    assert "Nombre : Emplois occupés depuis la formation" in page
    assert "emploi/revenu" not in page  # labels, not codes


def test_a_country_annex_sends_the_reader_to_the_project_wide_one(build):
    page = visible((build / "maroc.html").read_text(encoding="utf-8"))
    assert "leurs estimations figurent dans l'annexe d'ensemble" in page
    figures = pd.read_csv(build / "maroc.figures.csv", keep_default_na=False)
    assert not figures["metric"].str.startswith("survey_").any()


def test_word_and_excel_have_the_survey_table(build):
    text = "\n".join(p.text for p in docx.Document(str(build / "ensemble.docx")).paragraphs)
    assert "Enquête de suivi des stagiaires AMEM (données synthétiques)" in text
    document = docx.Document(str(build / "ensemble.docx"))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Compétences utilisées au travail : Sécurité au travail (part)" in cells
    book = openpyxl.load_workbook(build / "ensemble.xlsx")
    values = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert "Compétences utilisées au travail : Sécurité au travail (part)" in values
    assert f"{S}:competences=securite" in values  # the figures sheet


def test_figures_csv_has_the_survey_figures_with_their_keys(build):
    figures = pd.read_csv(build / "ensemble.figures.csv", keep_default_na=False, na_values=[""])
    f = figures.set_index(["metric", "key"])
    mean = f.loc[("survey_mean", f"{S}:emploi/revenu")]
    assert mean["n"] == 85 and mean["ci_low"] < mean["value"] < mean["ci_high"] and mean["se"] > 0
    assert ("survey_mean", f"{S}:emploi/revenu:identification/sexe=f") in f.index
    assert ("survey_total", f"{S}:emploi/heures_formation") in f.index
    women = f.loc[("survey_share", f"{S}:identification/sexe=f")]
    assert women["unit"] == "%" and women["value"] == pytest.approx(46.23, abs=0.01)
    assert ("survey_share", f"{S}:emploi/emploi_actuel=oui:wg_disability=1") in f.index
    assert ("survey_share", f"{S}:wg_disability=1") in f.index
    deff = f.loc[("survey_deff", f"{S}:emploi/revenu:mean")]
    assert deff["unit"] == "ratio" and deff["value"] > 0 and "without replacement" in deff["note"]
    assert set(figures.loc[figures["section"] == "surveys", "metric"]) == {"survey_mean", "survey_total",
                                                                          "survey_share", "survey_ratio",
                                                                          "survey_deff"}
