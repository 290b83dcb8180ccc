"""The Excel annex (annex/excel.py): the tables of a small annex as the reader sees them, read back with openpyxl."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from documents import html_tables
from helpers.annex import excel
from helpers.annex.words import say
from small_annex import FORMULA, SCRIPT, WHEN, WORDS, notebook, page

FIGURES = pd.DataFrame({"section": ["execution", "reconciliation"], "metric": ["physical_execution_rate", "=cmd"],
                        "key": ["all", "GEN-05"], "value": [40.0, float("nan")], "n": [5, pd.NA]})


@pytest.fixture(scope="module", params=["fr", "en"])
def made(request):
    lang = request.param
    data = excel.xlsx(notebook(lang), FIGURES, WHEN)
    return lang, data, openpyxl.load_workbook(io.BytesIO(data))


def test_one_sheet_per_section_with_tables_then_the_figures(made):
    lang, _, book = made
    w = WORDS[lang]
    assert book.sheetnames == [w["section1"], excel._Names()(w["section2"]), "Chiffres" if lang == "fr" else "figures"]
    assert book.sheetnames[1] == ("Vérification des chiffres" if lang == "fr" else "Check of published figures")


def test_each_table_has_its_title_line_headings_and_rows_as_displayed(made):
    lang, _, book = made
    w = WORDS[lang]
    sheet = book[w["section1"]]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == w["section1"]
    assert rows[2][0] == w["caption"]       # the caption is the title line
    status = html_tables(page(lang))[0]["rows"]
    assert list(rows[3][:5]) == status[0][:3] + [status[0][3] + " (USD)", status[0][4]]
    assert rows[4][:5] == [status[1][0], 2, 0.4, 1005500, status[1][4]]
    assert rows[5][3] == ("n.d." if lang == "fr" else "n/a")           # a missing amount is said, not left blank
    assert rows[7][0] == w["sub"]           # no caption: the sub-heading is the title line
    assert [r[0] for r in rows[9:12]] == ["Maroc", SCRIPT, FORMULA]


def test_numbers_are_numbers_with_excel_formats(made):
    lang, _, book = made
    sheet = book[WORDS[lang]["section1"]]
    pct = "0.0 %" if lang == "fr" else "0.0%"
    assert (sheet["C5"].data_type, sheet["C5"].number_format) == ("n", pct)
    assert (sheet["B5"].value, sheet["B5"].number_format) == (2, "#,##0")
    assert (sheet["D5"].value, sheet["D5"].number_format) == (1005500, "#,##0")
    assert sheet["B10"].value == pytest.approx(0.66666) and sheet["B10"].number_format == pct
    mark = "," if lang == "fr" else "."
    assert sheet["C10"].value == 0.0004 and sheet["C10"].number_format == f'[<0.001]"<\u00a00{mark}001";0.000'
    # p = 0.0496 reads 0,0496 (0,050 would put it on the other side of 5 %), in the HTML and in Excel alike
    assert sheet["C11"].value == 0.0496 and sheet["C11"].number_format == "#,##0.0000"
    assert sheet["C5"].alignment.horizontal == "right" and sheet["A5"].alignment.horizontal is None


def test_rag_cells_are_filled_and_a_single_table_keeps_its_header_frozen(made):
    lang, _, book = made
    sheet = book[WORDS[lang]["section1"]]
    assert [sheet[f"E{r}"].fill.fgColor.rgb for r in (5, 6)] == ["00DCEFE3", "00FBECC8"]
    assert sheet.freeze_panes is None                  # two tables: a frozen header would be the wrong one
    checks = book.worksheets[1]
    assert checks.freeze_panes == "A5"                 # section title, blank, caption line, header
    assert [checks[f"C{r}"].fill.fgColor.rgb for r in (5, 6)] == ["00FBECC8", "00DCEFE3"]
    assert book.worksheets[-1].freeze_panes == "A2"   # the figures


def test_nothing_becomes_a_formula(made):
    lang, data, book = made
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in s or "<f " in s for s in sheets)
    cell = book[WORDS[lang]["section1"]]["A12"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (FORMULA, "s", True)
    assert book[WORDS[lang]["section1"]]["A11"].value == SCRIPT      # text, shown as text
    checks = book.worksheets[1]
    assert [checks["A6"].value, checks["B6"].value] == ["-2", "=1+1"] and checks["B6"].quotePrefix
    figures = book.worksheets[-1]
    assert figures["B3"].value == "=cmd" and figures["B3"].data_type == "s"


def test_the_figures_sheet_is_the_long_table(made):
    lang, _, book = made
    assert book.sheetnames[-1] == ("Chiffres" if lang == "fr" else "figures")   # (the annex language)
    rows = list(book.worksheets[-1].iter_rows(values_only=True))
    if lang == "en":
        assert rows == [("section", "metric", "key", "value", "n"),
                        ("execution", "physical_execution_rate", "all", 40, 5),
                        ("reconciliation", "=cmd", "GEN-05", None, None)]
    else:  # headings, sections and metrics in the annex language
        assert rows == [("Section", "Mesure", "Clé (code)", "Clé en clair", "Valeur", "N"),
                        ("Exécution physique", "Taux d'exécution physique", "all", "Ensemble", 40, 5),
                        ("Vérification des chiffres publiés", "=cmd", "GEN-05", "GEN-05", None, None)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_figures_sheet_says_why_in_the_annex_language_and_keeps_percentages_on_one_scale(lang):
    """Issue 21, item 8: a French figures sheet has French headings and reasons; a % figure is a fraction shown with
    the % format, as on the section sheets (it was 37.5 there and 0.375 elsewhere)."""
    figures = pd.DataFrame({"section": ["execution", "indicators"],
                            "metric": ["physical_execution_rate", "indicator_achievement_final"],
                            "key": ["all", "I.1"], "value": [37.5, float("nan")], "unit": ["%", "%"],
                            "status": ["", ""], "note": ["done 3 of 8 activities", "not computable: no final target"]})
    book = openpyxl.load_workbook(io.BytesIO(excel.xlsx(notebook(lang), figures, WHEN)))
    sheet = book.worksheets[-1]
    rows = list(sheet.iter_rows(values_only=True))
    value = 4 if lang == "fr" else 3   # (French: after « Clé en clair »)
    assert rows[1][value] == 0.375 and sheet.cell(2, value + 1).number_format == ("0.0 %" if lang == "fr" else "0.0%")
    why = dict(zip(rows[0], rows[2]))
    if lang == "fr":
        assert rows[0][:6] == ("Section", "Mesure", "Clé (code)", "Clé en clair", "Valeur", "Unité")
        assert why["Pourquoi non calculable"] == "pas de cible finale"
        assert why["Mesure"] == "% de la cible finale"
    else:
        assert why["Why not computable"] == "no final target"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_figures_sheet_says_a_cost_reason_without_its_calculation(lang):
    """The sample's English « figures » sheet said why a cost per unit is not computable as the helpers' note: « no
    actual; spent on R1 up to 2020-12-31: 241377.03 / actual n/a (qualitatif); shared, not divided: R1 also
    finance(s) P1.1.a, participation », where the French one says « pas de valeur réalisée ». Now « no actual
    value »; the note column keeps the calculation."""
    note = ("not computable: no actual; spent on R1 up to 2020-12-31: 241377.03 / actual n/a (qualitatif); shared, "
            "not divided: R1 also finance(s) P1.1.a, participation")
    zero = ("not computable: the actual is 0 or less, nothing to divide by; spent on R2 up to 2020-12-31: 22561.96 / "
            "actual 0 (personnes)")
    figures = pd.DataFrame({"section": ["efficiency"] * 2, "metric": ["cost_per_unit"] * 2, "key": ["I.1", "I.2"],
                            "value": [float("nan")] * 2, "unit": ["USD"] * 2, "status": ["shared", ""],
                            "note": [note, zero]})
    book = openpyxl.load_workbook(io.BytesIO(excel.xlsx(notebook(lang), figures, WHEN)))
    rows = list(book.worksheets[-1].iter_rows(values_only=True))
    why = [dict(zip(rows[0], row))["Pourquoi non calculable" if lang == "fr" else "Why not computable"]
           for row in rows[1:]]
    assert why == (["pas de valeur réalisée", "réalisé nul ou négatif : pas de division"] if lang == "fr" else
                   ["no actual value", "actual is 0 or less: no division"])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_figures_sheet_says_why_a_women_share_is_not_computable_without_the_calculation_before(lang):
    """The sample's English « figures » sheet said why the women's share of the event MALM-20 is not computable as
    « 0 women of 0 participants; not computable: no participants with women known; 3 participants of unknown sex »
    (« not computable » inside the column « Why not computable »), where the French one says « aucun participant
    dont le sexe est connu ». Now « no participant whose sex is known; 3 participants of unknown sex »."""
    figures = pd.DataFrame({"section": ["gender"], "metric": ["women_share"], "key": ["MALM-20"],
                            "value": [float("nan")], "unit": ["%"], "status": [""],
                            "note": ["0 women of 0 participants; not computable: no participants with women known; "
                                     "3 participants of unknown sex"]})
    book = openpyxl.load_workbook(io.BytesIO(excel.xlsx(notebook(lang), figures, WHEN)))
    rows = list(book.worksheets[-1].iter_rows(values_only=True))
    why = dict(zip(rows[0], rows[1]))["Pourquoi non calculable" if lang == "fr" else "Why not computable"]
    assert why == ("aucun participant dont le sexe est connu" if lang == "fr" else
                   "no participant whose sex is known; 3 participants of unknown sex")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_figures_sheet_shows_each_figure_with_the_format_of_its_unit(lang):
    """The figures sheet stored its numbers with Excel's General format (136760.12, 0.279697473, 591.519681): an
    amount and a count now show their thousands grouped (« 12 500 » in a French Excel), cents when there are some,
    a % as on the section sheets, a ratio 3 decimals, a small value two significant digits, a p-value as in the
    tables."""
    figures = pd.DataFrame({
        "metric": ["budget", "spent", "women_share", "women_share", "impact_effect_sd", "balance_smd",
                   "comparison_ess", "impact_p_holm", "survey_mean"],
        "value": [12500.0, 136760.12, 45.0, 0.04, 0.279697, -0.003483, 591.519681, 0.0004, 325.4],
        "unit": ["USD", "USD", "%", "%", "ratio", "ratio", "count", None, None],
        "n": [None, 3, 1200, 1200, None, None, 480, None, None],
        "p_value": [None, None, None, None, 0.0496, None, None, None, None]})
    book = openpyxl.load_workbook(io.BytesIO(excel.xlsx(notebook(lang), figures, WHEN)))
    sheet = book.worksheets[-1]
    heads = [c.value for c in sheet[1]]
    value, n, p = (heads.index(say(f"figures_column_{c}", lang)) + 1 for c in ("value", "n", "p_value"))
    space, mark = (" ", ",") if lang == "fr" else ("", ".")
    assert [sheet.cell(row, value).number_format for row in range(2, 11)] == [
        "#,##0", "#,##0.00", f"0.0{space}%", f"0.000{space}%", "#,##0.000", "#,##0.0000", "#,##0.0",
        f'[<0.001]"<\u00a00{mark}001";0.000', "#,##0.00"]
    assert [sheet.cell(row, value).value for row in range(2, 11)] == [12500, 136760.12, 0.45, 0.0004, 0.279697,
                                                                      -0.003483, 591.519681, 0.0004, 325.4]
    assert sheet.cell(4, n).number_format == "#,##0" and sheet.cell(6, p).number_format.startswith("[<0.001]")


def test_a_figures_table_longer_than_a_sheet_goes_on_to_the_next(monkeypatch):
    monkeypatch.setattr(excel, "EXCEL_MAX_ROWS", 3)   # a header and 2 rows per sheet
    figures = pd.DataFrame({"metric": ["=a", "b", "c", "d", "e"], "value": [1.0, 2.0, 3.0, 4.0, 5.0]})
    book = openpyxl.load_workbook(io.BytesIO(excel.xlsx(notebook("fr"), figures, WHEN)))
    parts = [name for name in book.sheetnames if name.startswith("Chiffres")]
    assert parts == ["Chiffres", "Chiffres (2)", "Chiffres (3)"]
    rows = [list(book[name].iter_rows(values_only=True)) for name in parts]
    assert rows == [[("Mesure", "Valeur"), ("=a", 1), ("b", 2)], [("Mesure", "Valeur"), ("c", 3), ("d", 4)],
                    [("Mesure", "Valeur"), ("e", 5)]]
    assert book["Chiffres"]["A2"].data_type == "s"   # text, not a formula


def test_same_inputs_give_the_same_file():
    assert excel.xlsx(notebook("fr"), FIGURES, WHEN) == excel.xlsx(notebook("fr"), FIGURES, WHEN)


def test_sheet_names_are_cut_at_a_word_and_unique():
    names = excel._Names()
    assert names("Vérification des chiffres publiés") == "Vérification des chiffres"
    assert names("vérification des chiffres") == "vérification des chiffres (2)"
    assert names("A/B: [x]?") == "A B   x"
    assert names("'Quoted'") == "Quoted"


@pytest.mark.parametrize("kind, lang, expected", [("pct", "fr", "0.0 %"), ("pct0", "en", "0%"), ("num2", "fr", "#,##0.00"),
                                                  ("num", "en", "#,##0"), ("money", "fr", "#,##0"), ("text", "fr", None),
                                                  ("right", "fr", None), ("date", "fr", "dd/mm/yyyy")])
def test_number_formats(kind, lang, expected):
    assert excel.number_format(kind, lang) == expected


def test_the_french_figures_sheet_names_every_section_metric_status_and_unit_in_french():
    """Before: a French workbook's figures sheet showed 'efficiency', 'impact_adjusted_effect', 'shared' and
    'count' as the code writes them, beside translated ones."""
    import sys
    from pathlib import Path

    from helpers.analyses.efficiency import SHARED, UPPER_BOUND
    from helpers.analyses.figures import METRICS, SECTIONS, annex_figures
    from helpers.annex.fmt import WORDS
    from helpers.data.loader import load_project
    from helpers.data.params import load_annex_params

    assert set(METRICS) | set(SECTIONS) | {SHARED, UPPER_BOUND, "count"} <= set(WORDS)
    sys.path.insert(0, str(Path(__file__).parents[1]))
    from fixtures.mini_project import FIXTURE

    amem = load_project("amem")
    made = [annex_figures(amem, load_annex_params("amem", annex)) for annex in ("ensemble", "maroc")]
    made.append(annex_figures(load_project("mini", FIXTURE / "data", FIXTURE / "params"),
                              load_annex_params("mini", "maroc", FIXTURE / "params")))
    for figures in made:
        shown = excel.figures_for_people(figures, "fr")
        columns = {"section": "Section", "metric": "Mesure", "status": "Statut", "unit": "Unité"}
        for code_column, heading in columns.items():
            codes = figures[code_column].replace("", None).dropna().str.split("; ").explode()
            words = shown.loc[codes.index, heading].str.split("; ").explode()
            untranslated = sorted({c for c, w in zip(codes, words) if c == w and c in WORDS
                                   and WORDS[c]["fr"] != c} | {c for c in codes if c not in WORDS and c not in
                                                               ("%", "ratio", amem.params.currency, "USD", "EUR")})
            assert not untranslated, (heading, untranslated)


def test_a_number_the_notebook_formatted_is_a_number_with_the_decimals_it_shows(made):
    """The published and recomputed figures (format "right": text formatted by the notebook, '17,708') were text in
    the sheet, which Excel cannot add or compare; a formula-like text stays text."""
    lang, _, book = made
    cells = {c.value: c for row in book.worksheets[1].iter_rows() for c in row if c.value is not None}
    assert (cells[27].data_type, cells[27].number_format) == ("n", "#,##0")
    assert cells["=1+1"].data_type == "s"


@pytest.mark.parametrize("lang, printed, number", [
    ("fr", "178,135", None), ("fr", "17,7", 17.7), ("fr", "70", 70.0), ("fr", "1 363 103", 1363103.0),
    ("en", "1,655", None), ("en", "1,363,103.13", 1363103.13), ("en", "67,5", None), ("en", "27", 27.0)])
def test_a_published_figure_is_a_number_in_the_sheet_only_when_it_cannot_be_misread(lang, printed, number):
    """A published figure is shown as its report printed it, in the report's convention, which may not be the annex
    language's: '178,135' of an English report (178 135, checked « Conforme ») was the number 178.135 in the sheet
    of a French annex, beside the recomputed 178 135; '1,655' of a French report 1 655 in an English one. Such a
    figure is text, as printed; one that reads the same either way stays a number."""
    from small_annex import _table

    checks = pd.DataFrame({"figure_id": ["FIN-14"], "reported": [printed], "status": ["match"]})
    nb = notebook(lang)
    nb.cells[3].outputs = [nb.cells[3].outputs[0],
                           _table(checks, {"figure_id": ("Réf.", "Ref."), "reported": "reported", "status": "status"},
                                  {"reported": "printed", "status": "word"}, lang, rag="status")]
    book = openpyxl.load_workbook(io.BytesIO(excel.xlsx(nb, FIGURES, WHEN)))
    cell = next(row[1] for row in book.worksheets[1].iter_rows() if row[0].value == "FIN-14")
    if number is None:
        assert (cell.value, cell.data_type) == (printed, "s")
    else:
        assert cell.value == number and cell.data_type == "n"
    page = nb.cells[3].outputs[1]["data"]["text/html"]
    assert f">{printed}<" in page.replace("\u00a0", " ").replace("\u202f", " ")   # the page shows it as printed


def test_a_label_that_looks_like_an_excel_escape_is_shown_as_written(tmp_path):
    """Excel reads _xHHHH_ in a stored text as the character HHHH (how it stores a carriage return): a label
    'Date_x0020_de_x0020_fin' (a SharePoint name) showed « Date de fin » in the sheet, where the page shows it as
    written. Its '_' is stored escaped (_x005F_), which Excel and LibreOffice read back as '_'."""
    import re

    book = openpyxl.Workbook()
    excel._text_cell(book.active, 1, 1, "Date_x0020_de_x0020_fin")
    excel._text_cell(book.active, 2, 1, "Ligne_1_2")
    book.save(tmp_path / "x.xlsx")
    stored = [c.value for c in openpyxl.load_workbook(tmp_path / "x.xlsx").active["A"]]
    assert stored == ["Date_x005F_x0020_de_x005F_x0020_fin", "Ligne_1_2"]
    excel_reads = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), stored[0])   # ECMA-376 ST_Xstring
    assert excel_reads == "Date_x0020_de_x0020_fin"


@pytest.mark.parametrize("lang, mark, printed, number", [
    ("en", ".", "178,135", 178135.0), ("fr", ".", "178,135", None), ("fr", ",", "178,135", 178.135),
    ("en", ",", "1,655", None), ("fr", ".", "17,7", None), ("fr", ",", "17,7", 17.7)])
def test_a_published_figure_is_read_the_way_its_report_writes_numbers(lang, mark, printed, number):
    """When the table says how its report writes numbers (published_check: report_decimal_mark), a published figure
    is a number when that way reads it as the annex language does: '178,135' of an English report stays 178 135 in
    an English annex."""
    from helpers.annex import context

    frame = pd.DataFrame({"reported": [printed]})
    frame.attrs["decimal_marks"] = {"reported": mark}
    cell = context.table_data(frame, {"reported": "reported"}, {"reported": "printed"}, lang, "USD")["rows"][0][0]
    assert (cell["text"], cell["value"]) == (printed, number)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_small_effect_and_its_interval_keep_their_sign_in_the_page_and_the_sheet(lang):
    """An effect of -0.000365 (CI -0.000603 to -0.000126, p = 0,003: statsmodels' OLS, HC1) was printed « 0,000 »
    with an interval from « -0,001 » to « 0,000 »: no effect, an interval touching 0. "est3" shows two significant
    digits where 3 decimals show fewer, and the sheet keeps the number with a format showing those digits."""
    from small_annex import _table

    head = pd.DataFrame({"estimate": [-0.00036485], "se": [0.00012124], "ci_low": [-0.00060321],
                         "ci_high": [-0.00012649], "big": [0.1906]})
    nb = notebook(lang)
    nb.cells[3].outputs = [nb.cells[3].outputs[0],
                           _table(head, {c: c for c in head}, dict.fromkeys(head, "est3"), lang)]
    mark = "," if lang == "fr" else "."
    page_text = nb.cells[3].outputs[1]["data"]["text/html"]
    for shown in ("-0,00036", "0,00012", "-0,00060", "-0,00013", "0,191"):
        assert f">{shown.replace(',', mark)}<" in page_text
    book = openpyxl.load_workbook(io.BytesIO(excel.xlsx(nb, FIGURES, WHEN)))
    row = next(r for r in book.worksheets[1].iter_rows() if r[0].value == -0.00036485)
    assert [c.value for c in row[:5]] == head.iloc[0].tolist()
    assert [c.number_format for c in row[:5]] == ["#,##0.00000"] * 4 + ["#,##0.000"]


def test_a_rated_percentage_keeps_in_the_sheet_the_decimals_that_keep_it_below_its_limit():
    """79.99 % of a target, amber (green from 80): the page shows « 79,99 % »; the sheet's « 0.0 % » showed 80.0 %
    beside its amber fill."""
    import nbformat

    from small_annex import _html, _table

    frame = pd.DataFrame({"key": ["H", "G"], "rate": [79.99, 80.0], "rag": ["amber", "green"]})
    frame.attrs["rag_thresholds"] = (80.0, 50.0)
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("ctx.show()")
    cell.outputs = [_html("<h2>Suivi</h2>"), _table(frame, {"key": "indicator", "rate": "indicator_achievement",
                                                             "rag": "rag"}, {"rate": "pct", "rag": "word"}, "fr",
                                                      rag="rag")]
    nb.cells.append(cell)
    book = openpyxl.load_workbook(io.BytesIO(excel.xlsx(nb, FIGURES, WHEN)))
    cells = [c for row in book.worksheets[0].iter_rows() for c in row if isinstance(c.value, float)]
    assert [(c.value, c.number_format) for c in cells] == [(pytest.approx(0.7999), "0.00 %"), (0.8, "0.0 %")]


def test_the_french_figures_sheet_says_each_key_in_french_beside_its_code():
    """A French reader of the figures sheet saw the keys as codes: 'ahead' (a status), 'all', 'missing_target',
    'ipw_att', 'total@2019-12-31', under a heading « Clé » that did not say it was a code. The code stays (reported.csv
    and figures.csv use it), headed « Clé (code) », and « Clé en clair » beside it says it in French."""
    figures = pd.DataFrame({"section": ["execution", "indicators", "impact", "budget", "execution"],
                            "metric": ["activities_by_status", "indicator_anomaly", "impact_adjusted_effect",
                                       "spent", "physical_execution_rate"],
                            "key": ["ahead", "I.1:missing_target", "study:employed:ipw_att", "total@2019-12-31",
                                    "Maroc"], "value": [1.0, None, 0.1, 5.0, 50.0]})
    book = openpyxl.load_workbook(io.BytesIO(excel.xlsx(notebook("fr"), figures, WHEN)))
    rows = list(book["Chiffres"].iter_rows(values_only=True))
    assert rows[0][2:4] == ("Clé (code)", "Clé en clair")
    assert [r[2:4] for r in rows[1:]] == [
        ("ahead", "En avance"), ("I.1:missing_target", "I.1 : Aucune cible, ni de période ni finale"),
        ("study:employed:ipw_att", "study : employed : IPW, effet sur les traités (ATT)"),
        ("total@2019-12-31", "Total au 31 décembre 2019"), ("Maroc", "Maroc")]
    english = openpyxl.load_workbook(io.BytesIO(excel.xlsx(notebook("en"), figures, WHEN)))
    assert next(english["figures"].iter_rows(values_only=True))[2:4] == ("key", "value")   # English: as figures.csv


def test_two_studies_tables_are_under_their_study_s_name():
    """Two impact studies give tables of the same captions (« Effet retenu par l'étude... »), each under its study's
    <h3>: the sheet showed them one after the other with nothing saying which study each was (the sub-heading was
    used only by a table without a caption). The study's name is now a line above its first table."""
    import nbformat

    from small_annex import _html, _table

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("ctx.show()")
    cell.outputs = [_html("<h2>Études d'impact</h2>")]
    for study, effect in (("Enquête de suivi des formés", 2.5), ("=Étude des migrants de retour", -1.25)):
        frame = pd.DataFrame({"outcome": ["score"], "estimate": [effect]})
        cell.outputs += [_html(f"<h3>{study}</h3>"), _table(frame, {"outcome": "outcome", "estimate": "estimate"},
                                                           {"estimate": "est3"}, "fr", caption="Effet retenu"),
                         _table(frame, {"outcome": "outcome"}, {}, "fr", caption="Équilibre")]
    nb.cells.append(cell)
    book = openpyxl.load_workbook(io.BytesIO(excel.xlsx(nb, FIGURES, WHEN)))
    first = [row[0] for row in book.worksheets[0].iter_rows(values_only=True)]
    assert first == ["Études d'impact", None,
                     "Enquête de suivi des formés", "Effet retenu", first[4], "score", None, "Équilibre", first[4],
                     "score", None,
                     "=Étude des migrants de retour", "Effet retenu", first[4], "score", None, "Équilibre", first[4],
                     "score"]
    assert book.worksheets[0]["B15"].value == -1.25 and book.worksheets[0]["A12"].data_type == "s"


def test_a_label_typed_on_two_lines_wraps_at_its_line_break():
    """A budget line's label typed with Alt+Enter (« Personnel\\nnational ») or saved by a Windows editor with CR LF
    in its quoted cell: the page and Word show « Personnel national »; the sheet's cell did not wrap, and Excel
    showed « Personnelnational ». The cell now wraps at an Excel line break (LF)."""
    import nbformat

    from small_annex import _html, _table

    frame = pd.DataFrame({"line": ["B1", "B2", "B3"], "label": ["Personnel\nnational", "Activités\r\nde formation",
                                                                  "Coordination"]})
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("ctx.show()")
    cell.outputs = [_html("<h2>Exécution financière</h2>"), _table(frame, {"line": "line", "label": "label"}, {}, "fr")]
    nb.cells.append(cell)
    sheet = openpyxl.load_workbook(io.BytesIO(excel.xlsx(nb, FIGURES, WHEN))).worksheets[0]
    labels = {row[0].value: row[1] for row in sheet.iter_rows(min_row=5)}
    assert [labels[k].value for k in ("B1", "B2", "B3")] == ["Personnel\nnational", "Activités\nde formation",
                                                             "Coordination"]
    assert [bool(labels[k].alignment.wrap_text) for k in ("B1", "B2", "B3")] == [True, True, False]


def test_a_full_width_formula_start_is_kept_text_when_edited():
    """« ＝1+2 » (a full-width equals sign, as an East Asian keyboard types it) had no quotePrefix: an East Asian
    Excel reads it as « =1+2 » once the reader edits the cell."""
    from openpyxl import Workbook

    from helpers.annex import excel

    sheet = Workbook().active
    cells = [excel._text_cell(sheet, 1, n, text) for n, text in enumerate(["\uff1d1+2", "\uff20SUM(1)", "a"], 1)]
    assert [(c.value, c.data_type, c.quotePrefix) for c in cells] == [
        ("\uff1d1+2", "s", True), ("\uff20SUM(1)", "s", True), ("a", "s", False)]


@pytest.mark.parametrize("section, sheet", [
    ("Enquêtes auprès des bénéficiaires", "Enquêtes auprès des bénéfic."),   # the sample's: « Enquêtes auprès des »
    ("Coût par participant et par femme formée", "Coût par participant"),
    ("Check of published figures and more words", "Check of published figures"),
    ("Vérification des chiffres publiés", "Vérification des chiffres"),
    ("Participation des femmes", "Participation des femmes"),
])
def test_a_long_section_name_is_a_sheet_name_that_does_not_end_on_a_linking_word(section, sheet):
    """Excel's 31 characters cut the sample's « Enquêtes auprès des bénéficiaires » to « Enquêtes auprès des »."""
    assert excel._Names()(section) == sheet and len(sheet) <= 31
