"""The three real IATI files of tests/fixtures/iati/ and the MAEC-like one (negative budget corrections), each imported as `make import-iati` does and built into its
project-wide annex by the real runner (papermill + nbconvert), checked against the figures worked out by hand
(tests/fixtures/iati/README.md). One annex per file, built together, to keep the suite short."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from helpers.pipeline import runner
from helpers.data.iati_import import import_iati
from helpers.paths import NOTEBOOKS_DIR

pytestmark = pytest.mark.slow
FILES = {"dfid": "dfid_albania_v201.xml", "gdihub": "gdihub_at2030_v203.xml",
         "annotated": "iati_203_annotated_example.xml", "maec": "es_maec_negative_budgets.xml"}
REAL = Path(__file__).parents[1] / "fixtures" / "iati"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> runner.Layout:
    root = tmp_path_factory.mktemp("iati")
    layout = runner.Layout(data=root / "data", params=root / "params", notebooks=root / "notebooks",
                           build=root / "build")
    layout.data.mkdir(), layout.params.mkdir()
    shutil.copytree(NOTEBOOKS_DIR, layout.notebooks)
    for project, name in FILES.items():
        import_iati(REAL / name, project, "fr", layout.data, layout.params)
        for annex in (layout.params / project).glob("*.yaml"):  # one annex per file: the one of every row
            if annex.stem != "project" and annex.stem != every_row(layout, project):
                annex.unlink()
    assert runner.build(layout=layout, timeout=300) == 0
    return layout


def every_row(layout: runner.Layout, project: str) -> str:
    """The annex of `country: all`: ensemble, or the country's own for a file of one country (albanie for DFID's)."""
    return next(a.stem for a in sorted((layout.params / project).glob("*.yaml"))
                if yaml.safe_load(a.read_text(encoding="utf-8")).get("country") == "all")


def text_of(layout: runner.Layout, project: str) -> str:
    page = (layout.build / "annexes" / project / f"{every_row(layout, project)}.html").read_text(encoding="utf-8")
    page = re.sub(r"<style.*?</style>|<img[^>]*>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page))).replace("\u202f", " ")


def test_dfid_annex_shows_the_budget_once_and_100_percent_executed(built):
    text = text_of(built, "dfid")
    assert "les dépenses cumulées s'élèvent à 2 142 416 GBP pour un budget de 2 142 416 GBP" in text
    assert "taux d'exécution financière de 100,0 %" in text
    assert "4 284 832" not in text
    assert text.count("100,0 %") >= 6  # the total and each of the five children
    assert "dfid_albania_v201.xml" in text  # provenance


def test_gdihub_annex_shows_the_percent_of_each_period_target(built):
    text = text_of(built, "gdihub")
    assert "Cibles par période" in text
    assert "185,7 %" in text and "1 450,0 %" in text
    assert "Aucune activité n'est renseignée" in text  # no activities table: the section says so


def test_annotated_example_annex_shows_110_percent_and_the_french_title(built):
    text = text_of(built, "annotated")
    assert "Titre de l'activité" in text
    assert "110,0 %" in text
    assert "Femmes" in text  # the sex rows are labelled


def test_maec_annex_is_built_without_the_activities_whose_net_budget_is_0_or_less(built):
    text = text_of(built, "maec")  # 3 of its 6 activities net to 0 or less: left out, the rest is built
    assert "les dépenses cumulées s'élèvent à 280 000 EUR pour un budget de 450 000 EUR" in text
    assert "taux d'exécution financière de 62,2 %" in text
    assert "-15 000" not in text and "-8 000" not in text
