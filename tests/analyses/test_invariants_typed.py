"""Invariants of the figures over the ways an evaluator types a table (issue 18, "close the class"), tested by
generation on the projects of test_invariants.py written as real CSV and .xlsx files, through the loader to every
annex's figures: the same rows give the same figures whatever

- the way each amount is typed in a French project (`12000`, `12 000`, `12 000,00`, `12.000,00`, `€ 12 000`, with
  a no-break space...), as CSV text or as text cells of an .xlsx;
- a title row and a blank row above the header (CSV, and .xlsx with the title merged across the columns);
- French headers (`Ligne`, `Montant`, `Pays`, `Femmes`...) in place of the contract's;

- the CSV typed so, under a title, opened in LibreOffice Calc and saved as .xlsx (`slow`);

an amount typed with its currency sign (`€ 12 000`) is refused at its cell; a country's rows put in a file of their
own (`budget_mali.csv` beside `budget.csv`) are never left out without a warning naming that file; and a budget's
totals by category under its lines (« Total personnel », « S/Total fonctionnement », « Total … au 31/12/2020 ») are
always refused, never read as lines, as is a totals row headed in any other spelling (« Σ », « TOT » alone,
« Tot. », « Cumul », « Ensemble », « Récapitulatif », « S/T Personnel », « Total A+B »...) whose amount is not the
others' sum.
"""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures.two_countries import write_csv
from test_invariants import FEW, _figures, _project, _same, projects
from test_invariants_written import resave_by_libreoffice

AMOUNT_COLUMN = {"budget": 1, "expenditure": 2}


def _grouped(integer: int, separator: str) -> str:
    return f"{integer:,}".replace(",", separator)


def _typed(value: float, form: str) -> str:
    """An amount (whole cents) as a French evaluator types it."""
    cents = round(value * 100)
    integer, fraction = divmod(cents, 100)
    decimals = f",{fraction:02d}"
    return {"plain": f"{integer}{decimals}" if fraction else str(integer),
            "space": _grouped(integer, " ") + (decimals if fraction else ""),
            "space_cents": _grouped(integer, " ") + decimals,
            "nbsp_cents": _grouped(integer, "\u00a0") + decimals,
            "narrow_cents": _grouped(integer, "\u202f") + decimals,
            "dot_cents": _grouped(integer, ".") + decimals,
            "euro_before": "€ " + _grouped(integer, " ") + (decimals if fraction else ""),
            "euro_after": _grouped(integer, " ") + decimals + " €",
            "euro_nbsp": _grouped(integer, "\u00a0") + decimals + "\u00a0€"}[form]


READ = ["plain", "space", "space_cents", "nbsp_cents", "narrow_cents", "dot_cents"]
WITH_CURRENCY = ["euro_before", "euro_after", "euro_nbsp"]


def _written(tables: dict, data, forms: list[str]) -> tuple[dict, list[tuple[str, int]]]:
    """The tables with each amount typed in one of ``forms``; the (table, row) of each amount typed with a sign."""
    typed = {name: [list(r) for r in rows] for name, rows in tables.items()}
    signs = []
    for name, at in AMOUNT_COLUMN.items():
        for number, row in enumerate(typed[name][1:], start=2):
            form = data.draw(st.sampled_from(forms))
            row[at] = _typed(row[at], form)
            if form in WITH_CURRENCY:
                signs.append((name, number))
    return typed, signs


@FEW
@given(projects(), st.data(), st.sampled_from(["csv", "xlsx"]))
def test_amounts_typed_as_a_french_evaluator_types_them_change_no_figure(tables, data, fmt):
    """Each amount typed in one of the ways of a French spreadsheet, grouped by spaces (any kind) or points (text
    cells in the .xlsx, as typed into a cell formatted as text): read, the same figures as the numbers, n.d.
    alike."""
    typed, _ = _written(tables, data, READ)
    project = _project(tables, fmt)
    annexes = tuple(project.annexes())
    before = _figures(project, annexes)
    written = _project(typed, fmt)
    written.load()   # read, never refused (_figures would assume a refused project away)
    after = _figures(written, annexes)
    for annex in annexes:
        _same(before[annex], after[annex])


@FEW
@given(projects(), st.data(), st.sampled_from(["csv", "xlsx"]))
def test_an_amount_typed_with_its_currency_sign_is_refused_at_its_cell(tables, data, fmt):
    """`€ 12 000`, `12 000,00 €`: refused at each such cell (the sign says the currency, which the workbook never
    converts), never read as another number nor left out of a sum."""
    typed, signs = _written(tables, data, READ + WITH_CURRENCY)
    refused = {(p.file.split("/")[-1].split(".")[0], p.row) for p in _project(typed, fmt).check()
               if p.rule == "not_a_number" and p.severity == "error"}
    assert set(signs) <= refused, (signs, refused)


def _with_title(project, tables: dict, fmt: str, title: str, blank: bool, merged: bool) -> None:
    """Each table written again with a title row (and a blank row) above its header."""
    for name, rows in tables.items():
        width = len(rows[0])
        above = [[title] + [""] * (width - 1)] + ([[""] * width] if blank else [])
        if fmt == "csv":
            write_csv(project.folder / f"{name}.csv", above + rows, project.params.get("decimal_mark", "."))
            continue
        path = project.folder / f"{name}.xlsx"
        book = openpyxl.load_workbook(path)
        sheet = book.active
        sheet.insert_rows(1, amount=len(above))
        sheet.cell(1, 1, title)
        if merged:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        book.save(path)


@FEW
@given(projects(), st.sampled_from(["csv", "xlsx"]), st.sampled_from(["Budget du projet DEUX", "Suivi 2020",
                                                                      "Tableau 3 : exécution au 31/12/2020"]),
       st.booleans(), st.booleans())
def test_a_title_row_and_a_blank_row_above_the_header_change_no_figure(tables, fmt, title, blank, merged):
    project = _project(tables, fmt)
    annexes = tuple(project.annexes())
    before = _figures(project, annexes)
    titled = _project(tables, fmt)
    _with_title(titled, tables, fmt, title, blank, merged)
    after = _figures(titled, annexes)
    for annex in annexes:
        _same(before[annex], after[annex])


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@settings(FEW, max_examples=2)   # LibreOffice starts in about 15 s
@given(projects(), st.data())
def test_typed_amounts_under_a_title_saved_by_libreoffice_change_no_figure(tables, data):
    """The French CSV (';', amounts typed `12 000,50`, `1.234,50`, a title and a blank row above the header) opened
    in LibreOffice Calc as French text and saved as .xlsx (numbers become numbers, dates dates): the figures of the
    project written as plain numbers."""
    typed, _ = _written(tables, data, READ)
    project = _project(tables)
    annexes = tuple(project.annexes())
    before = _figures(project, annexes)
    saved = _project(typed)
    _with_title(saved, typed, "csv", "Suivi financier 2020", True, False)
    # ';' separated, UTF-8, French locale (1036): the import dialog's choices for a French Excel CSV
    resave_by_libreoffice(saved, "csv", "CSV:59,34,76,1,,1036")
    saved.load()
    after = _figures(saved, annexes)
    for annex in annexes:
        _same(before[annex], after[annex])


# each contract header as French spreadsheets write it (data/README.md, French headers)
FRENCH = {"line": ["Ligne", "ligne budgétaire", "LIGNE BUDGETAIRE", "Ligne budgétaire "],
          "budget": ["Montant", "Budget approuvé", "MONTANT", "Montant (EUR)", "Budget (€)"],
          "country": ["Pays", "PAYS", "pays bénéficiaire", "Pays d'intervention", "Pays :"],
          "label": ["Libellé", "Intitulé", "LIBELLE"],
          "category": ["Catégorie", "categorie", "CATÉGORIE"],
          "period_end": ["Fin de période", "fin_de_période", "Fin période"],
          "amount": ["Montant", "Dépenses", "Décaissé", "Montant dépensé", "Dépenses réalisées", "Montant (€)"],
          "event_id": ["Code événement", "Événement", "Identifiant", "ID événement"],
          "participants": ["Nombre de participants", "Participants", "Nb participants", "Participants*"],
          "women": ["Femmes", "dont femmes", "Nombre de femmes", "F"],
          "men": ["Hommes", "dont hommes", "Nb hommes", "H"]}


@FEW
@given(projects(), st.data(), st.sampled_from(["csv", "xlsx"]))
def test_french_headers_give_the_figures_of_the_contract_s(tables, data, fmt):
    french = {name: [[data.draw(st.sampled_from(FRENCH[h])) for h in rows[0]]] + [list(r) for r in rows[1:]]
              for name, rows in tables.items()}
    project = _project(tables, fmt)
    annexes = project.annexes()
    before = _figures(project, tuple(annexes))
    after = _figures(_with_annexes(_project(french, fmt), annexes), tuple(annexes))
    for annex in annexes:
        _same(before[annex], after[annex])


def _with_annexes(project, annexes: dict):
    """The annex files of the project's countries (Project.annexes finds them under the header `country` only)."""
    import yaml

    for annex, country in annexes.items():
        (project.params_dir / "deux" / f"{annex}.yaml").write_text(
            yaml.safe_dump({"country": country, "name": country}, allow_unicode=True), encoding="utf-8")
    return project


@FEW
@given(projects(regional=False), st.data(), st.sampled_from(["csv", "xlsx"]))
def test_a_country_s_rows_in_a_file_of_their_own_are_never_left_out_silently(tables, data, fmt):
    """One file a table: `budget_mali.csv` (or `.xlsx`) beside `budget.csv` holding Mali's rows is not read, with
    a warning naming it (file_not_read); the figures are those of the project without those rows."""
    table = data.draw(st.sampled_from(["budget", "expenditure", "participation"]))
    rows = tables[table]
    at = rows[0].index("country")
    countries = sorted({r[at] for r in rows[1:]})
    country = data.draw(st.sampled_from(countries))
    kept = [rows[0]] + [r for r in rows[1:] if r[at] != country]
    apart = [rows[0]] + [r for r in rows[1:] if r[at] == country]
    project = _project({**tables, table: kept}, fmt)
    name = f"{table}_{country.lower()}"
    split = _project({**tables, table: kept}, fmt)
    if fmt == "csv":
        write_csv(split.folder / f"{name}.csv", apart, split.params.get("decimal_mark", "."))
    else:
        from fixtures.two_countries import write_xlsx

        write_xlsx(split.folder / f"{name}.xlsx", table, apart)
    warned = [p for p in split.check() if p.rule == "file_not_read"]
    assert any(name in str(p.file) for p in warned), [str(p) for p in warned]
    annexes = tuple(project.annexes())
    before, after = _figures(project, annexes), _figures(split, annexes)
    for annex in annexes:
        _same(before[annex], after[annex])


# how a French budget heads the totals of each category under its lines (a SUMIF per category, then the total)
CATEGORY_TOTALS = ["Total {}", "TOTAL {}", "Sous-total {}", "S/Total {}", "S/TOTAL {}", "Sub-total {}",
                   "Total {} au 31/12/2020", "Total {} (EUR)", "Total {} hors taxes", "Total coûts {}"]
CATEGORY_NAMES = {"staff": ["personnel", "Personnel", "frais de personnel", "staff", "salaires", "RH"],
                  "operational": ["fonctionnement", "Fonctionnement", "opérationnel", "activités", "operating"],
                  "support": ["appui", "soutien", "frais généraux", "coûts indirects", "support"]}


@FEW
@given(projects(), st.data(), st.sampled_from(["csv", "xlsx"]))
def test_a_budget_s_totals_by_category_at_its_bottom_are_always_refused(tables, data, fmt):
    """Under the lines, one row per category giving its lines' sum (« Total personnel », « S/Total fonctionnement
    », in the line code or the label), then perhaps the grand total: each refused at its row, never read as a line
    (the category's budget counted twice, without a word)."""
    budget = [list(r) for r in tables["budget"]]
    sums: dict[str, float] = {}
    for row in budget[1:]:
        sums[row[4]] = sums.get(row[4], 0) + row[1]
    added = []
    for category, amount in sums.items():
        word = data.draw(st.sampled_from(CATEGORY_TOTALS)).format(data.draw(st.sampled_from(CATEGORY_NAMES[category])))
        budget.append([word, amount, "", "", ""] if data.draw(st.booleans()) else [f"T{len(added)}", amount, "", word,
                                                                                  ""])
        added.append(len(budget))
    if data.draw(st.booleans()):
        budget.append(["TOTAL", sum(sums.values()), "", "", ""])
        added.append(len(budget))
    problems = _project({**tables, "budget": budget}, fmt).check()
    refused = {p.row for p in problems if p.rule == "totals_row" and p.severity == "error" and "budget" in p.file}
    assert set(added) <= refused, (added, [str(p) for p in problems if "budget" in p.file])


# the other ways a totals row is headed (« Σ », « Tot. », « S/T Personnel », « Récapitulatif »...): each was read as
# a line when its amount was not the others' sum (a total of another version, of part of the rows, not updated)
TOTAL_SPELLINGS = ["Σ", "∑", "TOT", "Tot.", "Tot. général", "Cumul", "CUMUL", "Ensemble", "Récapitulatif",
                   "RÉCAPITULATIF", "Récap", "S/T Personnel", "S/T", "Total A+B", "Total (A+B+C)", "Grand total",
                   "TOTAL GÉNÉRAL", "Montant total", "Sous total", "Total 1er trimestre", "Total T1", "Somme"]


@FEW
@given(projects(), st.sampled_from(["budget", "participation"]), st.sampled_from(TOTAL_SPELLINGS),
       st.sampled_from(["csv", "xlsx"]), st.integers(0, 100), st.booleans())
def test_a_totals_row_not_the_sum_is_refused_by_its_words(tables, table, word, fmt, where, in_label):
    """A totals row in any of those spellings, anywhere in the table, its amount 60 % of the others' sum (never
    their sum): refused at its row. « TOT » alone (a training of trainers elsewhere) in the code column, without
    label nor country."""
    rows = tables[table]
    if table == "budget":
        amount = max(1, round(sum(r[1] for r in rows[1:]) * 0.6))
        row = ["", amount, "", word, ""] if in_label and word != "TOT" else [word, amount, "", "", ""]
    else:
        participants = max(1, round(sum(r[1] for r in rows[1:]) * 0.6))
        row = [word, participants, participants // 2, participants - participants // 2, ""]
    position = 1 + where % len(rows)
    problems = _project({**tables, table: rows[:position] + [row] + rows[position:]}, fmt).check()
    refused = [p for p in problems if p.rule == "totals_row" and p.severity == "error" and table in p.file]
    assert [p.row for p in refused] == [position + 1], [str(p) for p in problems]
