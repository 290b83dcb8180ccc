"""The Word and Excel files of every sample annex, read back and compared with its HTML cell by cell (python-docx,
openpyxl). Uses the session's sample build (conftest.py), so it costs no notebook run of its own but the English one."""

from __future__ import annotations

import re

import docx
import openpyxl
import pytest

from documents import W, docx_headings, docx_tables, html_headings, html_tables, paragraph_text, squash
from helpers.annex import excel, fmt

pytestmark = pytest.mark.slow
ANNEXES = ["ensemble", "libye", "maroc", "mauritanie", "tunisie"]


def _files(layout, annex):
    folder = layout.build / "annexes" / "amem"
    page = (folder / f"{annex}.html").read_text(encoding="utf-8")
    return page, docx.Document(str(folder / f"{annex}.docx")), openpyxl.load_workbook(folder / f"{annex}.xlsx")


def _number(text: str, lang: str) -> float:
    """The number an annex cell shows: '37,5 %' -> 37.5, '1 005 500 USD' -> 1005500, '< 0,001' -> 0.001."""
    core = re.sub(r"[%<\s\u00a0]|USD", "", text)
    core = core.replace(",", ".") if lang == "fr" else core.replace(",", "")
    return float(core)


def _check_sheet_tables(book, tables, lang):
    """Every table of the HTML on the sheet of its section, in order: title line, headings, rows; numbers numeric."""
    names, by_section = excel._Names(), {}
    for table in tables:
        by_section.setdefault(table["section"], []).append(table)
    assert book.sheetnames == [names(section) for section in by_section] + ["Chiffres" if lang == "fr" else "figures"]
    numeric = 0
    for sheet_name, section in zip(book.sheetnames, by_section):
        sheet = book[sheet_name]
        cells = [list(row) for row in sheet.iter_rows()]
        at = 1
        for table in by_section[section]:
            title = table["caption"] or table["sub"] or section
            at = next(i for i in range(at, len(cells)) if cells[i][0].value == title)
            head, body = cells[at + 1], cells[at + 2:at + 2 + len(table["rows"]) - 1]
            for label, cell in zip(table["rows"][0], head):
                assert cell.value in (label, f"{label} (USD)"), (sheet_name, label, cell.value)
            for html_row, row, classes in zip(table["rows"][1:], body, table["classes"][1:]):
                for text, cell, css in zip(html_row, row, classes):
                    if isinstance(cell.value, (int, float)):
                        numeric += 1
                        value = cell.value * 100 if "%" in (cell.number_format or "") else cell.value
                        shown = _number(text, lang)
                        if text.startswith("<"):
                            assert value < shown
                        else:
                            decimals = len(re.sub(r"\D", "", text.split("," if lang == "fr" else ".")[-1])) \
                                if re.search(r"[.,]\d", text) else 0
                            # the cell holds the number the page rounds: within half a unit of its last digit
                            # (round() is no judge: 0.1125 is 0.11249999... in binary, which the page shows 0,112)
                            assert abs(value - shown) <= 0.5 * 10 ** -decimals + 1e-9, (sheet_name, text, cell.value)
                    else:
                        assert squash(cell.value or "") == text, (sheet_name, text, cell.value)  # "" reads as None
                        # a text cell in a numeric column: n.d., or a figure with its unit or sign ('17,7 %'); a
                        # plain number formatted by a notebook (the published and recomputed figures) is a number
                        if "num" in css:
                            assert fmt.read_number(text, lang) is None, (sheet_name, text)
                    want = {"rag-green": "00DCEFE3", "rag-amber": "00FBECC8", "rag-red": "00F6D5D2"}
                    rag = next((want[c] for c in css.split() if c in want), None)
                    if rag:
                        assert cell.fill.fgColor.rgb == rag
            at += 2 + len(body)
    return numeric


@pytest.mark.parametrize("annex", ANNEXES)
def test_the_word_annex_is_the_html_annex(built, annex):
    page, document, _ = _files(built, annex)
    assert docx_tables(document)[1:] == [t["rows"] for t in html_tables(page)]   # the first: the title block facts
    assert len(document.inline_shapes) == page.count("<figure>") > 0
    assert docx_headings(document) == [(level - 1, text) for level, text in html_headings(page)]
    codes = [t.text for t in document.element.body.iter(f"{W}instrText")]
    assert any(" TOC " in c for c in codes)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert document.core_properties.language == "fr-FR"
    assert 'w:val="fr-FR"' in document.styles.element.xml
    captions = [paragraph_text(p) for p in document.paragraphs if p.style.name == "Table Caption"]
    assert captions and all(re.match(r"Tableau\u00a0\d+\u00a0: ", c) for c in captions)


@pytest.mark.parametrize("annex", ANNEXES)
def test_the_excel_annex_holds_every_table_as_displayed(built, annex):
    page, _, book = _files(built, annex)
    tables = [t for t in html_tables(page) if not t["provenance"]]
    assert _check_sheet_tables(book, tables, "fr") > 0
    figures = list(book["Chiffres"].iter_rows(values_only=True))
    csv_rows = (built.build / "annexes" / "amem" / f"{annex}.figures.csv").read_text(encoding="utf-8").splitlines()
    assert len(figures) == len(csv_rows)


def test_index_links_each_annex_in_html_word_and_excel(built):
    index = (built.build / "annexes" / "index.html").read_text(encoding="utf-8")
    for annex in ANNEXES:
        for suffix in (".html", ".docx", ".xlsx"):
            assert f'href="amem/{annex}{suffix}"' in index


def test_an_english_annex_in_word_and_excel(built_en):
    page, document, book = _files(built_en, "tunisie")
    assert docx_tables(document)[1:] == [t["rows"] for t in html_tables(page)]
    assert document.core_properties.language == "en-GB" and 'w:val="en-GB"' in document.styles.element.xml
    toc = [p for p in document.element.body.iter(f"{W}p")
           if p.find(f"{W}pPr/{W}pStyle[@{W}val='TOCHeading']") is not None]
    assert ["".join(t.text for t in p.iter(f"{W}t")) for p in toc] == ["Contents"]
    captions = [paragraph_text(p) for p in document.paragraphs if p.style.name == "Table Caption"]
    assert captions and all(re.match(r"Table\u00a0\d+: ", c) for c in captions)
    assert paragraph_text(document.sections[0].footer.paragraphs[0]).startswith("Page 1 of ")
    tables = [t for t in html_tables(page) if not t["provenance"]]
    assert _check_sheet_tables(book, tables, "en") > 0
    assert book.sheetnames[0] == "Physical execution"


def test_a_figure_of_an_english_report_is_not_another_number_in_a_french_annex_sheet(tmp_path):
    """An evaluation report written in English (report_decimal_mark "."), a French annex: the published '178,135'
    (178 135, checked « Conforme » against the computed 178 135) was the number 178.135 in the sheet's « Publié »
    column, read the French way. It is the text as printed; the page and figures.csv were right."""
    import shutil

    import pandas as pd

    from helpers.paths import NOTEBOOKS_DIR
    from helpers.pipeline import runner
    from sample_layout import sample_layout

    layout = sample_layout(tmp_path, ["ensemble"], notebooks=None)
    shutil.copy(NOTEBOOKS_DIR / "90_published_figures.ipynb", layout.notebooks)
    project = layout.params / "amem" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8") + 'report_decimal_mark: "."\n', encoding="utf-8")
    path = layout.data / "amem" / "reported.csv"
    reported = pd.read_csv(path, dtype=str, keep_default_na=False)
    reported.loc[reported["figure_id"] == "FIN-14", "value"] = "178,135"
    reported.to_csv(path, index=False)
    assert runner.build(project="amem", annex="ensemble", layout=layout) == 0
    page, _, book = _files(layout, "ensemble")
    row = next(r for t in html_tables(page) for r in t["rows"] if r[0] == "FIN-14")
    assert row[3:6] == ["178,135", "178\u202f135", "Conforme"]
    sheet = next(book[name] for name in book.sheetnames if name.startswith("Vérification"))
    cells = next(r for r in sheet.iter_rows() if r[0].value == "FIN-14")
    assert (cells[3].value, cells[3].data_type) == ("178,135", "s")
    assert (cells[4].value, cells[5].value) == (178135, "Conforme")


def test_a_label_in_a_script_the_annex_fonts_do_not_draw_is_a_build_warning(tmp_path, capsys):
    """A budget line labelled in Devanagari printed boxes in the spending chart (and in the PDF of a computer
    without a font for it), and the build said nothing: it now names the label and its script, in French."""
    import shutil

    import pandas as pd

    from helpers.paths import NOTEBOOKS_DIR
    from helpers.pipeline import runner
    from sample_layout import sample_layout

    layout = sample_layout(tmp_path, ["ensemble"], notebooks=None)
    shutil.copy(NOTEBOOKS_DIR / "20_budget.ipynb", layout.notebooks)
    path = layout.data / "amem" / "budget.csv"
    budget = pd.read_csv(path, dtype=str, keep_default_na=False)
    budget.loc[budget["line"] == "R1", "label"] = "परियोजना सहायता"
    budget.to_csv(path, index=False)
    assert runner.build(project="amem", annex="ensemble", layout=layout) == 0
    said = capsys.readouterr().out
    assert "« परियोजना सहायता » (Devanagari)" in said and "police des figures (DejaVu Sans)" in said, said
    assert "caractères latins" in said
