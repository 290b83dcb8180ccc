"""A French annex reads French (issue 21, items 5, 7, 8, 9): no English word the code used to print, French plurals,
every n.d. with its reason where it appears, the index counting as the annex does, the indicators' unit, and the
Excel figures sheet in French with percentages on the scale of the other sheets.

Runs on the sample annexes built once per session (the ``built`` fixture of conftest.py)."""

from __future__ import annotations

import json
import re
import shutil

import openpyxl
import pytest
import yaml
from lxml import html as lhtml

from documents import squash
from helpers.pipeline import runner
from helpers.paths import NOTEBOOKS_DIR
from sample_layout import sample_layout

pytestmark = pytest.mark.slow
ANNEXES = ["ensemble", "libye", "maroc", "mauritanie", "tunisie"]

# Words and phrases the code printed in French annexes before issue 21 (the data's own labels, such as
# « Project management & oversight » or « Tableau 3, % column », are not the code's and are not searched).
ENGLISH = ["git commit", "generated", "packages", "uncommitted", "not computable", "no computed figure", "with key",
           "budget_total declared", "expenditure data", "line(s)", "ligne(s)", "not known", "truncated", "mismatch",
           "did you mean", "(staff)", "no target", "no actual"]
BAD_PLURALS = re.compile(r"(?<![\d\u00a0\u202f,])\b[01] (sont|ont|indicateurs|anomalies|conformes|tronqués|chiffres|lignes|"
                         r"femmes|activités|non calculables|autres)\b")
NA = "n.d."


def _page(built, annex: str):
    return lhtml.document_fromstring((built.build / "annexes" / "amem" / f"{annex}.html").read_text(encoding="utf-8"))


def _code_text(root) -> str:
    """The annex's text without the data's own words: table cells of labels and sources, and the file names."""
    root = lhtml.document_fromstring(lhtml.tostring(root))
    for element in root.xpath("//script|//style|//td|//th[ancestor::table[contains(@class,'annex-table')]]"
                              "[not(ancestor::footer)]"):
        if element.tag in ("script", "style"):
            element.getparent().remove(element)
        elif element.tag == "td":
            element.text, element[:] = "", []
    return squash(root.text_content())


@pytest.mark.parametrize("annex", ANNEXES)
def test_a_french_annex_holds_no_english_word_the_code_used_to_print(built, annex):
    text = _code_text(_page(built, annex))
    found = [word for word in ENGLISH if word.lower() in text.lower()]
    assert not found, f"{annex}: {found}"
    assert not BAD_PLURALS.findall(text), f"{annex}: {BAD_PLURALS.findall(text)}"
    footer = _page(built, annex).xpath("//footer//th/text()")
    assert {"Version du code (empreinte git)", "Bibliothèques", "Produite le"} <= set(footer)


@pytest.mark.parametrize("annex", ANNEXES)
def test_every_nd_of_a_french_annex_says_why_where_it_appears(built, annex):
    root = _page(built, annex)
    unexplained = []
    for table in root.xpath("//main//table"):
        if any(squash(td.text_content()) == NA for td in table.xpath(".//td")):
            after = [squash(p.text_content()) for p in table.xpath("following::p[position() <= 2]")]
            caption = squash(" ".join(table.xpath("./caption//text()")))
            if not any(t.startswith("n.d. (non disponible) :") for t in after) and NA not in caption:
                unexplained.append(caption or "a table")
    for p in root.xpath("//main//p"):
        text = squash(p.text_content())
        if re.search(r"(^|\s)n\.d\.($|[\s,;.])", text) and not text.startswith("n.d."):
            following = p.xpath("following-sibling::*[1]")
            reason = squash(following[0].text_content()) if following else ""
            if not reason.startswith("n.d. :"):
                unexplained.append(text)
    assert not unexplained, f"{annex}: n.d. without a reason: {unexplained}"


def test_a_spending_sentence_with_nd_says_why_in_french(tmp_path):
    """« les dépenses cumulées s'élèvent à n.d. … » is followed by its reason (the data end before the date)."""
    layout = sample_layout(tmp_path, ["ensemble"], notebooks=None)
    shutil.copy(NOTEBOOKS_DIR / "20_budget.ipynb", layout.notebooks)
    project = layout.params / "amem" / "project.yaml"
    values = yaml.safe_load(project.read_text(encoding="utf-8"))
    values["reporting_date"] = "2021-03-20"
    project.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    assert runner.build(project="amem", layout=layout, timeout=120) == 0
    root = _page(layout, "ensemble")
    texts = [squash(p.text_content()) for p in root.xpath("//main//p")]
    spending = next(i for i, t in enumerate(texts) if "les dépenses cumulées s'élèvent à n.d." in t)
    said = texts[spending + 1].replace("\u00a0", " ")   # (« 31 décembre »: the day tied to its month, fmt.tie)
    assert said.startswith("n.d. : les dépenses connues s'arrêtent au 31 décembre 2020, avant le 20 mars 2021 ;"), said


def test_a_participant_benchmark_beside_no_cost_is_said_in_the_annex(tmp_path):
    """libye.yaml's `participant: 400` benchmark while no event of Libye names a budget line: no cost per participant
    is computed, and the annex showed the benchmark nowhere, nothing said; it is now said with why."""
    layout = sample_layout(tmp_path, ["libye"], notebooks=None)
    shutil.copy(NOTEBOOKS_DIR / "20_budget.ipynb", layout.notebooks)
    annex = layout.params / "amem" / "libye.yaml"
    annex.write_text(annex.read_text(encoding="utf-8") + "unit_cost_benchmarks:\n  participant: 400\n",
                     encoding="utf-8")
    assert runner.build(project="amem", layout=layout, timeout=120) == 0
    text = squash(_page(layout, "libye").xpath("//main")[0].text_content()).replace("\u00a0", " ")
    assert "Coût de référence par participant : 400 USD ; aucun coût par participant n'est calculé ici pour lui " \
           "être comparé" in text, text


def test_the_index_counts_the_published_figures_as_each_annex_does(built):
    index = lhtml.document_fromstring((built.build / "annexes" / "index.html").read_text(encoding="utf-8"))
    for row in index.xpath("//tbody/tr"):
        name = squash(row.xpath("./td[1]/a[1]")[0].text_content()).split(" / ")[1]
        cell = squash(row.xpath("./td[last()]")[0].text_content())
        sentence = next((squash(p.text_content()) for p in _page(built, name).xpath("//main//p")
                         if "vérifié" in p.text_content() and "en écart" in p.text_content()), None)
        if sentence is None:
            assert cell == "aucun", name
            continue
        sentence = re.sub(r"[\u00a0\u202f]", " ", sentence)   # (each count tied to its word, fmt.tie)
        checked, mismatch = re.search(r"^(\d+) chiffres? vérifiés? .* (\d+) en écart", sentence).groups()
        truncated = int(re.search(r"(\d+) tronqués?", sentence).group(1))
        expected = f"{mismatch} / {checked}" + (f" (+ {truncated} tronqué{'s' if truncated > 1 else ''})"
                                                if truncated else "")
        assert cell == expected, (name, cell, sentence)


def test_the_indicator_table_shows_the_unit(built):
    root = _page(built, "ensemble")
    table = next(t for t in root.xpath("//main//table")
                 if squash("".join(t.xpath("./caption//text()"))) == "Indicateurs : cible finale et réalisé")
    heads = [squash(th.text_content()) for th in table.xpath(".//thead//th")]
    assert heads[2] == "Unité"
    units = {squash(tr.xpath("./td")[2].text_content()) for tr in table.xpath(".//tbody/tr")}
    assert units - {"n.d."}, units


def test_the_excel_figures_sheet_is_french_with_percentages_as_fractions(built):
    book = openpyxl.load_workbook(built.build / "annexes" / "amem" / "ensemble.xlsx")
    sheet = book["Chiffres"]   # (the sheet in French too)
    head = [c.value for c in sheet[1]]
    assert head[:6] == ["Section", "Mesure", "Clé (code)", "Clé en clair", "Valeur", "Unité"]
    rows = {(r[1], r[2]): r for r in sheet.iter_rows(min_row=2, values_only=True)}
    share = rows[("Part des femmes", "all")]
    assert share[3] == "Ensemble"
    assert share[5] == "%" and abs(share[4] - 139 / 263) < 1e-9          # 0.5285, not 52.85
    why = head.index("Pourquoi non calculable")
    reasons = [r[why] for r in rows.values() if r[4] is None and r[why]]
    assert reasons and not any(word in " ".join(reasons).lower() for word in ("not computable", "no ", " the "))
