"""Change since the previous annex, end to end with the real build command (python -m helpers build) in a copy of
the sample project: the first build is archived under archive/<project>/<annex>/<reporting date>.figures.csv; a
build of a later reporting date, with one more spending row, puts the first build's values beside its own
(figures.csv ``previous`` / ``previous_date``, the annex's sentences, its Word and Excel files)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from helpers.paths import HELPERS_DIR
from sample_layout import sample_layout

pytestmark = pytest.mark.slow
NBSP = "\u00a0"
NNBSP = "\u202f"   # French thousands


def build(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "WORKBOOK_ROOT": str(root), "PYTHONPATH": str(HELPERS_DIR.parent),
           "SOURCE_DATE_EPOCH": "1609372800"}
    env.pop("WORKBOOK_ARCHIVE", None)
    return subprocess.run([sys.executable, "-m", "helpers", "build", "--project", "amem", "--annex", "ensemble"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=1200)


def figure(frame: pd.DataFrame, metric: str, key: str) -> pd.Series:
    rows = frame[(frame["metric"] == metric) & (frame["key"] == key)]
    assert len(rows) == 1, f"{metric}|{key}"
    return rows.iloc[0]


def read_figures(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False, na_values=[""], dtype={"previous_date": str, "key": str})


def test_a_later_reporting_date_is_compared_with_the_first_build(tmp_path):
    root = tmp_path / "workbook"
    sample_layout(root, ["ensemble"])
    annexes, archive = root / "build" / "annexes" / "amem", root / "archive" / "amem" / "ensemble"

    first = build(root)
    assert first.returncode == 0, first.stdout + first.stderr
    figures_csv = annexes / "ensemble.figures.csv"
    before = read_figures(figures_csv)
    assert list(before.columns[-2:]) == ["previous", "previous_date"]
    assert before["previous"].isna().all() and before["previous_date"].isna().all()   # nothing earlier
    kept = archive / "2020-12-31.figures.csv"
    assert kept.read_bytes() == figures_csv.read_bytes()                  # kept outside build/
    spent_before = figure(before, "spent", "total")["value"]
    assert spent_before == pytest.approx(1_363_103.13)
    html = (annexes / "ensemble.html").read_text(encoding="utf-8")
    assert "Aucune version antérieure de cette annexe" in html

    again = build(root)   # the file it just archived is of its own date: not an input, nothing to do
    assert again.returncode == 0 and "Rien à faire" in again.stdout, again.stdout + again.stderr

    project = root / "params" / "amem" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("reporting_date: 2020-12-31",
                                                                    "reporting_date: 2021-03-31"), encoding="utf-8")
    expenditure = root / "data" / "amem" / "expenditure.csv"
    with open(expenditure, "a", encoding="utf-8", newline="") as handle:
        handle.write("R1,2021-03-31,10000.00,,01/01/2021 - 31/03/2021,,test: a later quarter\n")
    second = build(root)
    assert second.returncode == 0, second.stdout + second.stderr

    after = read_figures(figures_csv)
    spent = figure(after, "spent", "total")
    assert spent["value"] == pytest.approx(spent_before + 10_000)
    assert spent["previous"] == spent_before                                # exactly the first build's value
    assert spent["previous_date"] == "2020-12-31"
    rate = figure(after, "physical_execution_rate", "all")
    assert rate["previous"] == figure(before, "physical_execution_rate", "all")["value"]
    assert sorted(p.name for p in archive.iterdir()) == ["2020-12-31.figures.csv", "2021-03-31.figures.csv"]
    assert kept.read_bytes() != figures_csv.read_bytes()                  # the first date's file is left alone

    # the annex puts the earlier value beside the headline figure, and lists what moved
    html = (annexes / "ensemble.html").read_text(encoding="utf-8")
    beside = f"1{NNBSP}373{NNBSP}103{NBSP}USD (31/12/2020{NBSP}: 1{NNBSP}363{NNBSP}103{NBSP}USD)"
    assert beside in html
    assert "Évolution depuis l&#x27;annexe précédente" in html or "Évolution depuis l'annexe précédente" in html
    assert "Aucune version antérieure de cette annexe" not in html
    # Word shows the same sentence; Excel has the previous values in its figures sheet
    with zipfile.ZipFile(annexes / "ensemble.docx") as docx:
        document = docx.read("word/document.xml").decode("utf-8")
    assert "(31/12/2020" in document and f"1{NNBSP}363{NNBSP}103{NBSP}USD)" in document
    sheet = pd.read_excel(io.BytesIO((annexes / "ensemble.xlsx").read_bytes()), sheet_name="Chiffres")   # (a French annex)
    from helpers.annex.fmt import word   # the sheet speaks the annex language (French here)

    row = sheet[(sheet["Mesure"] == word("spent", "fr")) & (sheet["Clé (code)"] == "total")].iloc[0]
    assert row["Annexe précédente"] == spent_before and str(row["Date de l'annexe précédente"]) == "2020-12-31"


def test_the_earlier_figures_are_an_input_of_the_annex_and_of_its_notebooks_cache(tmp_path):
    import datetime as dt

    from helpers.pipeline import runner
    from helpers.pipeline.archive import keep

    layout = sample_layout(tmp_path / "w", ["ensemble"], notebooks=None)
    (layout.notebooks / "10_a.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    assert layout.archive_dir() == tmp_path / "w" / "archive"              # beside build/, not inside it
    target, notebook = runner.Target("amem", "ensemble"), layout.notebooks / "10_a.ipynb"

    def inputs():
        prints = runner.Fingerprints()
        return prints.inputs(target, layout, {}), runner.notebook_key(prints, target, notebook, layout, "")

    before = inputs()
    keep(layout.archive_dir(), "amem", "ensemble", dt.date(2020, 12, 31), b"metric,key,value\nspent,total,1\n")
    assert inputs() == before          # the file a build keeps of its own date is not one of its inputs
    keep(layout.archive_dir(), "amem", "ensemble", dt.date(2020, 6, 30), b"metric,key,value\nspent,total,1\n")
    earlier = inputs()
    assert earlier[0] != before[0] and earlier[1] != before[1]
    keep(layout.archive_dir(), "amem", "ensemble", dt.date(2020, 6, 30), b"metric,key,value\nspent,total,2\n")
    assert inputs()[1] != earlier[1]   # an edited earlier file runs the notebooks again


def test_a_change_of_the_rating_limits_is_said_not_listed_as_moved_indicators(tmp_path):
    """Two real builds; between them the reporting date moves and project.yaml lowers `rag_green` to 30 and
    `rag_amber` to 10, the indicators unchanged: I.3.3.1, P1.1.a and P2.2.a (10 %, 38.7 %, 17 % in both) were listed
    under « Indicateurs dont l'appréciation a changé » (Rouge 38,7 % -> Vert 38,7 %) as if they had moved."""
    import html as html_text
    import re

    root = tmp_path / "workbook"
    sample_layout(root, ["ensemble"])
    assert build(root).returncode == 0
    project = root / "params" / "amem" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("reporting_date: 2020-12-31",
                                                                    "reporting_date: 2021-03-31")
                       + "thresholds:\n  rag_green: 30\n  rag_amber: 10\n", encoding="utf-8")
    second = build(root)
    assert second.returncode == 0, second.stdout + second.stderr
    page = (root / "build" / "annexes" / "amem" / "ensemble.html").read_text(encoding="utf-8")
    section = page[page.rfind("Indicateurs dont l"):]
    text = " ".join(html_text.unescape(re.sub(r"<[^>]+>", " ", section[:section.find("Provenance")])).split())
    assert ("Les seuils de l'appréciation ne sont plus ceux de l'annexe précédente (maintenant : vert à partir de "
            "30 %, orange à partir de 10 %) : 3 appréciations ont changé du fait des seuils, non de la "
            "valeur : I.3.3.1 (rouge → orange), P1.1.a (rouge → vert), P2.2.a (rouge → orange).") \
        in text.replace(" ,", ",").replace(" )", ")").replace(" .", "."), text
    assert "Aucune appréciation d'indicateur n'a changé avec sa valeur." in text
    assert "Appréciation avant" not in text   # no table of indicators that moved


def test_figures_no_longer_computable_are_said_not_none_changed(tmp_path):
    """Real builds; between the first two only the reporting date moves (a new quarter whose spending is not given
    yet): the financial rates, computed in the first annex, are n.d. in the second, and the annex said « aucun n'a
    changé ». Then a reporting date earlier than an archived one: the later annex was not named."""
    import html as html_text
    import re

    root = tmp_path / "workbook"
    sample_layout(root, ["ensemble"])
    assert build(root).returncode == 0
    project = root / "params" / "amem" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("reporting_date: 2020-12-31",
                                                                    "reporting_date: 2021-03-31"), encoding="utf-8")
    second = build(root)
    assert second.returncode == 0, second.stdout + second.stderr
    page = (root / "build" / "annexes" / "amem" / "ensemble.html").read_text(encoding="utf-8")
    section = page[page.rfind("Évolution depuis l"):]
    text = " ".join(html_text.unescape(re.sub(r"<[^>]+>", " ", section[:section.find("Provenance")])).split())
    assert "aucun n'a changé" not in text, text
    assert re.search(r"\d+ chiffres calculés dans l'annexe précédente ne sont plus calculables : ", text), text
    assert "Taux d'exécution financière total" in text, text
    # the reporting date moved back (mistyped 2021-01-31): the annex of 2021-03-31 kept in the archive is said
    project.write_text(project.read_text(encoding="utf-8").replace("reporting_date: 2021-03-31",
                                                                    "reporting_date: 2021-01-31"), encoding="utf-8")
    third = build(root)
    assert third.returncode == 0, third.stdout + third.stderr
    page = (root / "build" / "annexes" / "amem" / "ensemble.html").read_text(encoding="utf-8")
    section = page[page.rfind("Évolution depuis l"):]
    text = " ".join(html_text.unescape(re.sub(r"<[^>]+>", "", section[:section.find("Provenance")])).split())
    assert "L'archive garde cette annexe à une date plus récente que la sienne (31 janvier 2021) : 31 mars 2021." \
        in text, text


def test_a_revised_benchmark_and_other_lines_are_said_beside_the_costs_they_moved(tmp_path):
    """Two real builds; between them the reporting date moves and project.yaml's benchmark per participant is halved
    (1 000 -> 500 USD), the cost the same: « Coût / référence participant » doubled and was listed among the figures
    that moved most, nothing saying the benchmark had changed; and P1.1.a's budget_lines R1 become R1; R2: its cost
    per unit moved with its lines, nothing said."""
    import html as html_text
    import re

    root = tmp_path / "workbook"
    sample_layout(root, ["ensemble"])
    project = root / "params" / "amem" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "unit_cost_benchmarks:\n  participant: 1000\n",
                       encoding="utf-8")
    assert build(root).returncode == 0
    project.write_text(project.read_text(encoding="utf-8").replace("reporting_date: 2020-12-31",
                                                                    "reporting_date: 2021-03-31")
                       .replace("participant: 1000", "participant: 500"), encoding="utf-8")
    indicators = root / "data" / "amem" / "indicators.csv"   # P1.1.a financed by R1, then by R1 and R2
    indicators.write_text(indicators.read_text(encoding="utf-8").replace(",T1-02,R1,2391,", ',T1-02,"R1; R2",2391,'),
                          encoding="utf-8")
    second = build(root)
    assert second.returncode == 0, second.stdout + second.stderr
    page = (root / "build" / "annexes" / "amem" / "ensemble.html").read_text(encoding="utf-8")
    section = page[page.rfind("Évolution depuis l"):]
    text = " ".join(html_text.unescape(re.sub(r"<[^>]+>", " ", section[:section.find("Provenance")])).split())
    assert ("1 référence de coût a été révisée depuis l'annexe précédente ; son rapport coût / référence est "
            "calculé sur la nouvelle référence : participant (1 000 USD → 500 USD).") \
        in text.replace(" ,", ",").replace(" )", ")").replace(" .", "."), text
    assert ("1 coût n'est plus calculé sur les mêmes lignes budgétaires depuis l'annexe précédente ; sa variation "
            "tient aussi à ce changement : Coût unitaire P1.1.a (R1 → R1 + R2).") \
        in text.replace(" ,", ",").replace(" )", ")").replace(" .", "."), text
