"""Totals and subtotal rows in the tables the workbook adds up (budget, expenditure, participation) or counts row by
row (activities, indicators: their text cells only): refused.

Every Excel user ends a table with ``TOTAL | 1 500 000``; read as a row, it doubles the budget. A row is a totals
row when

- a cell of the row holds a SUBTOTAL or AGGREGATE formula (.xlsx: the totals row of an Excel table, `Total` and
  `=SUBTOTAL(109,Tableau1[budget])`, whose value is the total of the rows a filter shows); or
- a text cell says so (its code, label, country...): the cell is a total word (total, sous-total, subtotal, grand
  total, total général, somme, sum, totaux), alone or followed by a country of the table or a generic word
  (« Total Sénégal », « TOTAL BUDGET »), not « Total quality management »; or
- its amount equals the sum of all the other rows of the table (at least two of them not 0): an error in the money
  tables, a warning in participation (small counts add up by chance); or the sum of the other rows of its country
  (a subtotal): a warning; or
- its line's amount is the sum of its sub-lines' (a budget written by level: line 1 = 1.1 + 1.2, in the same
  country and period): an error; or
- its amount is the sum of the rows right below or above it, of its country and period, and it has no code or names
  a level (« Résultat 1 : Formation » over its activities A1.1, A1.2): an error without a code or as one of two
  such blocks in a row, else a warning.

Each problem names the cell and says what to do (delete the row: the annex computes the totals). The other
problems of a row refused as a totals row are not said (loader): « this cell is empty but the column is required →
Fill it in » under a `Total` would make it a line.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ..errors import Problem
from ..text import BUDGET_CATEGORIES, CATEGORY_WORDS, fold
from .spec import REGIONAL, SPEC

# table -> (the amount column, the code and label columns, whether the amount rule is an error)
SUMMED: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "budget": ("budget", ("line", "label"), True),
    "expenditure": ("amount", ("line", "period_label"), True),
    "participation": ("participants", ("event_id", "label"), False),
}
# (« Tot. », « Σ », « Cumul », « Ensemble », « Récapitulatif », « S/T »: read as lines, the budget inflated)
_WORD = re.compile(r"^(?P<word>sous[\s._-]*totaux|sous[\s._-]*total|s\s*[/-]\s*totaux|s\s*[/-]\s*total|s\s*/\s*t|"
                   r"sub[\s._-]*totals?|grand[\s._-]*totals?|totaux|totals?|tot(?=\.)|sommes?|sums?|cumuls?|ensemble|"
                   r"recapitulatifs?|recapitulation|recap|\u03c3|\u2211)(?!\w)[\s:._-]*(?P<rest>.*)$")
_START = re.compile(r"sous|sub|s\s*[/-]\s*t|grand|tot|somm|sum|cumul|ensemble|recap|\u03c3|\u2211")   # _WORD's starts
# a subtotal word begins no line's code or label, whatever follows it (« Sous-total personnel », « S/Total Résultat 1
# à 3 », « Subtotal staff », « S/T Personnel »: read as lines, each doubling the lines it sums)
_SUBTOTAL = re.compile(r"^(sous|sub|s\s*[/-])[\s._-]*tot|^s\s*/\s*t$")
_GENERIC = {"", "general", "generale", "budget", "budgets", "depenses", "depense", "expenditure", "expenditures",
            "spending", "projet", "project", "lignes", "lines", "participants", "pays", "country", "annuel", "annual",
            "cumule", "cumulative", "eur", "usd", "xof", "fcfa", "ht", "ttc", "global", "globale", "all", "tous"}
_FILLER = {"de", "des", "du", "d", "la", "le", "les", "l", "of", "the", "for", "pour", "par", "by", "en", "in"}
_GENERIC |= {"couts", "cout", "costs", "cost", "directs", "direct", "indirects", "indirect", "frais", "activites",
             "activities", "montant", "montants", "amount", "amounts"}
# a budget category, version or stage of spending after the word (« Total personnel », « Total fonctionnement »: the
# SUMIF rows under a budget, each read as one more line, the staff budget doubled without a word), and a date
# (« Total au 31/12/2020 », « Total as of 31 Dec 2020 »)
_GENERIC |= {w for words in CATEGORY_WORDS for w in words.split("_")} | set(BUDGET_CATEGORIES)
_GENERIC |= {"operating", "operations", "equipement", "equipements", "equipment", "investissement", "investissements",
             "gestion", "programme", "program", "activite", "expenses", "eligible", "eligibles", "hors", "taxe",
             "taxes",
             "approuve", "approuvee", "revise", "revisee", "initial", "initiale", "realise", "realisee", "realises",
             "realisees", "decaisse", "decaissements", "engage", "engages", "intermediaire", "partiel", "partielle",
             "reporter", "reporte", "exercice", "an", "jour", "date"}
# who is counted (« Total femmes », « Total hommes » under a register's list, « Total bénéficiaires »)
_GENERIC |= {"femmes", "hommes", "women", "men", "filles", "garcons", "girls", "boys", "personnes", "persons", "people",
             "beneficiaires", "beneficiaries", "inscrits", "presents", "participations"}
_FILLER |= {"au", "aux", "a", "ce", "to", "as", "at", "et", "and"}
_FILLER |= {"janvier", "janv", "fevrier", "fevr", "fev", "mars", "avril", "avr", "mai", "juin", "juillet", "juil",
            "aout", "septembre", "sept", "octobre", "novembre", "decembre", "january", "february", "march", "april",
            "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
            "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
_CODE = re.compile(r"^[a-z]{0,3}\d+$")   # a line, result or activity code after the word (« Total R1 », « Sous-total A2 »)
# a period after the word (« Total T4 », « Sous-total S1 2021 », « Total 2020-T4 », « Total trimestre »)
_PERIOD_WORD = re.compile(r"^(?:[tqsh][1-4]|\d{4}[tqsh][1-4]|trimestres?|semestres?|annees?|quarters?|years?|mois|"
                          r"months?|periodes?|periods?)$")
HINT = ("Delete this row: the workbook adds the rows up itself, so a totals or subtotal row counts every amount "
        "twice. Keep totals outside the table (another sheet or file).")
# tables with nothing to add up, whose rows are counted or shown one by one: a `TOTAL` activity was one more activity
# (told only « status: Fill it in »), an indicator of the country « Total » a country of that name in the annex
COUNTED: dict[str, tuple[tuple[str, ...], str]] = {
    "activities": (("activity_id", "label"), "Delete this row: each row is an activity, counted in the rates."),
    "indicators": (("indicator_id", "label"), "If the row gives the value of the project as a whole, leave its "
                   "country empty (the project's own row); otherwise delete it: each row is an indicator's value."),
}


def says_total(text: Any, countries: set[str]) -> bool:
    """'TOTAL', 'Sous-total Sénégal', 'Total général', 'Budget total', 'Coûts totaux' -> True; 'Total quality
    management', 'Coût total de la formation', 'R1' -> False."""
    if not isinstance(text, str) or len(text) > 200:
        return False
    if _START.match(fold(text.lstrip()[:8])):   # (most labels: eight characters folded, not the whole text)
        match = _WORD.match(fold(text))
        if match and _SUBTOTAL.match(match["word"]):
            return True
        if match:
            rest = re.sub(r"[\s:._()/'+&%=,-]+", " ", match["rest"]).strip()   # (« Total (1+2+3) », « (7 %) »)
            # (« TOTAL R1 », « Total Résultat 2 », « Total des coûts directs » were read as lines: the budget doubled)
            return rest in _GENERIC or rest in countries or all(_plain(w, countries) for w in rest.split())
    if not _TOT.search(text):
        return False
    # the word after others (« Budget total », « Montant total », « Dépenses totales »): read as a line unless the
    # amount was the others' sum
    words = re.sub(r"[\s:._()/'-]+", " ", fold(text)).split()
    return any(w in _TOTAL_WORDS for w in words) and all(w in _TOTAL_WORDS or w in ("sous", "sub", "grand")
                                                         or _plain(w, countries) for w in words)


def _plain(word: str, countries: set[str]) -> bool:
    """A word that leaves a total a total: generic (budget, coûts), a country, a code, a level, a period."""
    return (word in _GENERIC or word in countries or word.isdigit() or word in _FILLER or bool(_CODE.match(word))
            or bool(_LEVEL.match(word)) or bool(_PERIOD_WORD.match(word)) or bool(_PART.match(word)))


# the parts a total adds (« Total A+B », « Total I+II »), an ordinal (« Total 1er trimestre »)
_PART = re.compile(r"^(?:[a-z]|ii|iii|iv|vi|vii|viii|ix|\d+(?:er|ere|e|eme|nd|rd|th|st))$")


_TOT = re.compile(r"[tT][oO][tT]")   # (not folded: « tot » as written, in any case)
_TOTAL_WORDS = {"total", "totale", "totales", "totaux", "totals", "subtotal", "subtotals"}


def _may_say_total(text: str) -> bool:
    """False for text whose first letter cannot begin a total word (s, g, t; or a letter beyond ASCII, which may fold
    to one) and which holds no « tot » (« Budget total »): codes and labels of a large table are skipped without folding them (French labels, non-ASCII, were
    all folded: 1.5 s for the portfolio's 200 000 activities); any other text is left to says_total."""
    first = text.lstrip(_ASCII_SPACE)[:1]
    return not first.isascii() or first.lower() in ("s", "g", "t") or _TOT.search(text) is not None \
        or _OTHER_START.match(text) is not None


# the words of _WORD that begin with another letter (« Cumul », « Ensemble », « Récap »), in any case
_OTHER_WORDS = r"[cC][uU][mM][uU][lL]|[eE][nN][sS][eE][mM][bB][lL][eE]|[rR][eEéÉ][cC][aA][pP]"
_OTHER_START = re.compile(r"[\t\n\x0b\x0c\r\x1c-\x1f ]*(?:" + _OTHER_WORDS + ")")


_ASCII_SPACE = " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"   # what str.lstrip strips among ASCII characters
# _may_say_total as pyarrow's regular expression: that white space, then s, g, t, a character beyond ASCII or one of
# _OTHER_WORDS
_MAY_SAY_TOTAL = r"^[\t\n\x0b\x0c\r\x1c-\x1f ]*([sgtSGT]|[^\x00-\x7f]|" + _OTHER_WORDS + r")|[tT][oO][tT]"


def _texts_that_may_say_total(values: pd.Series) -> list[str]:
    """The distinct texts of a column that _may_say_total lets through; for Arrow-backed text, found by pyarrow
    (a table of a million rows: no Python string per distinct code or label)."""
    if not (isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow"):
        return [v for v in values.dropna().unique().tolist() if isinstance(v, str) and _may_say_total(v)]
    import pyarrow.compute as pc

    distinct = pc.unique(values.array.__arrow_array__()).drop_null()
    return distinct.filter(pc.match_substring_regex(distinct, _MAY_SAY_TOTAL)).to_pylist()


# an IPTT's last column, « Total » or « Cumul » after one column per year: the years' values are then each period's
# own (10, 15), where `actual` is the value reached by the end of the period (10, 25)
_CUMULATED = re.compile(r"^(?:cumul|cumule|cumulee|cumulatif|cumulative|cumulated|a ce jour|a date|to date|"
                        r"total cumule|cumul total)$")


def _cumulated_periods(frame: pd.DataFrame, raw: Any) -> dict[Any, Problem]:
    """The indicator rows whose period is a total of the others (« Total », « Cumul », « Total général ») of the
    same indicator, country and sex (alone, « Cumul » is the value to date, as the table wants it)."""
    periods = frame["period"]
    hits = {v for v in periods.dropna().unique().tolist()
            if isinstance(v, str) and (says_total(v, set()) or _CUMULATED.match(re.sub(r"[\s._-]+", " ",
                                                                                        fold(v)).strip()))}
    if not hits:
        return {}
    keys = [frame[c].astype("str").fillna("") for c in ("indicator_id", "country", "sex") if c in frame]
    others = periods.groupby(keys, sort=False).transform("size").gt(1)
    return {index: raw.problem(
        "totals_row", f"this row is a totals row ('{periods[index]}' in 'period'): the total of the indicator's "
        "periods, whose values are then each period's own, where 'actual' is the value reached by the end of the "
        "period (10 then 25, not 10 then 15): read as written, each period's % of the final target is understated",
        "Delete this row, and write in each period's 'actual' the total reached by its end (the value of « Cumul » "
        "for the last period).", index=index, column="period", value=periods[index])
        for index in frame.index[(periods.isin(list(hits)) & others).to_numpy(bool)]}


# reported: a row without a metric whose code or label says total (`Total | | | =SOMME(D2:D3)` under the figures of a
# report's table) is no published figure: it was told « metric: this cell is empty but the column is required → Fill it
# in », as if it were a figure to complete. A total the report prints, with its metric (`budget`, key `total`), is one.
REPORTED_HINT = ("Delete this row: each row of reported is one figure the report prints, checked against the data, "
                 "and a total of the rows above is none. If the report prints this total, give it its metric and key "
                 "(e.g. budget, total) and type the value as printed.")


def _reported_totals(frame: pd.DataFrame, raw: Any) -> list[Problem]:
    """The rows of reported without a metric whose figure_id or label says total."""
    if "metric" not in frame.columns:
        return []
    blank = frame["metric"].isna() | frame["metric"].astype("string").str.strip().eq("").fillna(True)
    rows = frame[blank.to_numpy(bool)]   # (cheap filter first: most figures have their metric)
    found: dict[Any, Problem] = {}
    for column in ("figure_id", "label"):
        if column not in rows.columns or rows.empty:
            continue
        hits = {v for v in _texts_that_may_say_total(rows[column]) if says_total(v, set())}
        for index in rows.index[rows[column].isin(list(hits)).to_numpy(bool)] if hits else []:
            found.setdefault(index, raw.problem(
                "totals_row", f"this row is a totals row ('{rows.at[index, column]}' in '{column}', no metric): a "
                "total of the figures above, not a figure the report prints", REPORTED_HINT, index=index,
                column=column, value=rows.at[index, column]))
    return [found[i] for i in sorted(found)]


def problems(name: str, frame: pd.DataFrame, raw: Any) -> list[Problem]:
    """The totals rows of a typed table (frame indexed by spreadsheet row; raw: readers.RawTable)."""
    if name == "reported" and not frame.empty:
        return _reported_totals(frame, raw)
    if name not in SUMMED and name not in COUNTED or frame.empty:
        return []
    amount_column, text_columns, amount_is_error = SUMMED.get(name) or ("", COUNTED[name][0], True)
    hint = COUNTED[name][1] if name in COUNTED else HINT
    countries = set()
    if "country" in frame.columns:
        countries = {fold(c) for c in frame["country"].dropna().unique().tolist() if isinstance(c, str)}
    found: dict[Any, Problem] = {}
    names = {letter: column for column, letter in getattr(raw, "letters", {}).items()}
    for (index, letter), formula in sorted(getattr(raw, "subtotals", {}).items()):
        if index in frame.index and index not in found and letter in names:
            # a sum of the cells above it (=SUM(B2:B3), =B2+B3: readers._sums_above), or an Excel table's SUBTOTAL
            table_row = _function(formula) != "SUM" and "(" in formula
            said = f"is a {_function(formula)}, a total of the table's rows (as in the totals row of an Excel table, " \
                "which adds up the rows a filter shows)" if table_row else "adds up the table's rows above it"
            found[index] = raw.problem(
                "totals_row", f"this row is a totals row: this cell's formula {said}; its amount would be added to "
                "the rows it sums", HINT + (" In an Excel table, untick 'Total Row' ('Ligne Total') in the Table "
                                            "Design tab." if table_row else ""),
                index=index, column=names[letter], value=formula)
    # the table's other text columns: `Total` in `country`, the first column of an Excel table (not the columns
    # the table does not know: a register's surname may be « Somme »)
    texts = [c.name for c in SPEC[name].columns if c.kind == "str" and c.name not in text_columns] \
        if name in SUMMED else ["country"]   # (an indicator's sex 'total' is its total row, rightly)
    if name == "indicators" and "period" in frame.columns:
        found.update(_cumulated_periods(frame, raw))
    for column in [*text_columns, *texts]:
        if column not in frame.columns:
            continue
        values = frame[column]
        try:
            hits = {v for v in _texts_that_may_say_total(values) if says_total(v, countries)}
        except TypeError:   # a column of lists (not text)
            continue
        for index in frame.index[values.isin(list(hits)).to_numpy(bool)] if hits else []:
            if index not in found:
                found[index] = raw.problem("totals_row", f"this row is a totals row ('{values[index]}' in "
                                           f"'{column}'); " + (f"its amount would be added to the rows it sums"
                                                                if name in SUMMED else "it would be read as one more "
                                                                f"{'activity' if name == 'activities' else 'value'}"),
                                           hint, index=index, column=column, value=values[index])
    for index, problem in _name_alone(name, frame, text_columns, countries, raw).items():
        found.setdefault(index, problem)
    amounts = pd.to_numeric(frame[amount_column], errors="coerce") if amount_column in frame else None
    if amounts is None:
        return list(found.values())
    rest = ~frame.index.isin(list(found)) if found else slice(None)  # (a million rows: no loop over them)
    found.update(_equal_to_the_others(frame.loc[rest], amounts.loc[rest], amount_column, raw, amount_is_error,
                                      text_columns))
    if "line" in frame.columns:
        for index, problem in _sums_of_sub_lines(frame, amounts, amount_column, raw).items():
            found.setdefault(index, problem)
    for index, problem in _block_sums(frame, amounts, amount_column, [*text_columns, *texts], raw,
                                      amount_is_error).items():
        if index not in found or found[index].severity == "warning" and problem.severity == "error":
            found[index] = problem   # (« the sum of the rows of Maroc », a warning, beside « Fill it in »)
    return [found[i] for i in sorted(found, key=lambda i: (i is None, i))]


TOT_HINT = ("If it is a total, delete this row: the workbook adds the rows up itself. If it is a training of trainers "
            "(TOT), write its label (and, for an activity, its status).")
COUNTRY_HINT = ("If it is the total of its rows, delete this row: the workbook adds them up itself, by country too. If "
                "it is one row, write its code and label, and the country in 'country'.")


def _name_alone(name: str, frame: pd.DataFrame, text_columns: tuple[str, ...], countries: set[str],
                raw: Any) -> dict[Any, Problem]:
    """The rows whose code or label says nothing but a total's name, no label or code beside it, no country (no
    status, an activity): « TOT », the total abbreviated, and a country of the table (« Maroc : » 150 000 after
    Maroc's lines, a country's subtotal), each read as one more line. « TOT » is also a training of trainers: with a
    label (« Formation TOT »), a country or a status, it stays a line. A spending row on a line TOT not in the budget
    is refused as such (unknown_line)."""
    code, label = text_columns[0], text_columns[1]
    if code not in frame.columns:
        return {}

    def blank(column: str) -> pd.Series:
        if column not in frame.columns:
            return pd.Series(True, index=frame.index)
        return frame[column].isna() | frame[column].astype("string").str.strip().eq("").fillna(True)

    no_country = blank("country") | (frame["country"] == REGIONAL if "country" in frame.columns else False)
    bare = no_country & (blank("status") if name == "activities" else True)
    # the rows where a text could stand alone, found first: only their texts are folded (every label of a large
    # table folded was 2.6 s of the portfolio's check, where its rows all have a country)
    code_alone, label_alone = bare & blank(label), bare & blank(code)

    def says(column: str, rows: pd.Series) -> dict[str, str]:   # (each distinct text folded once)
        if column not in frame.columns:
            return {}
        texts = frame.loc[rows.to_numpy(bool), column].dropna().unique().tolist()
        folded = {v: fold(v).strip(" :.-") for v in texts if isinstance(v, str)}
        return {v: "tot" if f == "tot" else "country" for v, f in folded.items()
                if f == "tot" and name in ("budget", "participation", "activities") or f in countries and name in SUMMED}

    by_code, by_label = says(code, code_alone), says(label, label_alone)
    if not (by_code or by_label):
        return {}
    alone = frame[code].isin(list(by_code)) & code_alone
    if label in frame.columns:
        alone |= frame[label].isin(list(by_label)) & label_alone
    kinds = {**by_label, **by_code}   # (a text's kind is its own, whichever column holds it)
    out: dict[Any, Problem] = {}
    for index in frame.index[alone.to_numpy(bool)]:
        column = code if frame.at[index, code] in by_code else label
        value = frame.at[index, column]
        said = f"this row is a totals row ('{value}' alone in '{column}', without " \
               f"{'label' if column == code else 'code'} nor country): "
        out[index] = raw.problem(
            "totals_row", said + "TOT is read as short for total", TOT_HINT, index=index, column=column, value=value) \
            if kinds[value] == "tot" else raw.problem(
            "totals_row", said + "the name of a country of the table, read as the total of its rows", COUNTRY_HINT,
            index=index, column=column, value=value)
    return out


_PARENT = re.compile(r"^(?P<parent>.+?)[.\-_/ ][^.\-_/ ]+$")   # '1.2' -> '1', 'R1.1' -> 'R1', 'A-01-03' -> 'A-01'


def _sums_of_sub_lines(frame: pd.DataFrame, amounts: pd.Series, column: str, raw: Any) -> dict[Any, Problem]:
    """A line whose amount is the sum of its sub-lines' (budget line 1 = 1.1 + 1.2, in the same country and, for
    spending, the same period): a subtotal row of a budget written by level, which would count them twice."""
    codes = set(frame["line"].dropna().unique().tolist())   # (a few thousand lines among a million rows)
    parent_of = {c: m["parent"] for c in codes
                 if isinstance(c, str) and (m := _PARENT.match(c)) and m["parent"] in codes}
    if not parent_of:
        return {}
    lines = frame["line"].astype("str")
    parents = frame["line"].map(parent_of)
    together = [c for c in ("country", "period_end") if c in frame.columns]
    keys = frame[together].astype("str").fillna("") if together else pd.DataFrame(index=frame.index)
    children = pd.DataFrame({"line": parents, "amount": amounts, "child": lines}).join(keys)[parents.notna()]
    sums = children.groupby(["line", *together], dropna=False).agg(total=("amount", "sum"), names=("child", list))
    heads = lines.isin(set(parent_of.values())).to_numpy(dtype=bool)
    rows = pd.DataFrame({"line": lines, "amount": amounts}).join(keys)[heads].reset_index(names="at_row")
    matched = rows.merge(sums.reset_index(), on=["line", *together], how="inner")
    hit = matched[np.isfinite(matched["amount"].to_numpy(dtype="float64")) & (matched["amount"] > 0)
                  & ((matched["amount"] - matched["total"]).abs() < 0.005)]
    return {row.at_row: raw.problem(
        "totals_row", f"this amount is the sum of its sub-lines ({', '.join(row.names[:5])}"
        f"{', …' if len(row.names) > 5 else ''}): a subtotal row?", "Keep one level of lines: delete this "
        "subtotal row (the workbook adds the sub-lines up itself), or the sub-lines.", index=row.at_row, column=column,
        value=_show(row.amount)) for row in hit.itertuples()}


# a row naming a level of the logframe above the budget's lines (« Résultat 1 : Formation », « Output 2 »)
_LEVEL = re.compile(r"^(resultats?|results?|composantes?|components?|axes?|objectifs?|objectives?|outputs?|outcomes?|"
                    r"produits?|effets?|extrants?|volets?|piliers?|pillars?)\b")


def _block_sums(frame: pd.DataFrame, amounts: pd.Series, column: str, texts: list[str], raw: Any,
                is_error: bool) -> dict[Any, Problem]:
    """A row whose amount is the sum of the rows right below it (a result's row over its activities: « R1 |
    Résultat 1 | 200 000 » over A1.1 120 000 and A1.2 80 000) or right above it (a subtotal under its block), in
    the same country and period, at least two of them not 0: counted with its rows, it doubles their amounts, and
    neither the table's total nor its country's catches it when a country has two results. Said when the row
    names a level (« Résultat », « Output »...) or has no code (« Fill it in » would make it a line): an error
    without a code (the row cannot be read as a line anyway) or as one of two such blocks in a row, else a warning
    (round amounts add up by chance: blocks alone, without those signs, are not said)."""
    n = len(frame)
    if n < 3:
        return {}
    values = amounts.to_numpy(dtype="float64")
    good = np.isfinite(values) & (values >= 0)
    cents = np.where(good, np.round(np.where(good, values, 0) * 100), 0).astype("int64")
    before = np.concatenate([[0], np.cumsum(cents)])           # before[m]: the sum of the rows 0..m-1
    bad = np.concatenate([[0], np.cumsum(~good)])
    nonzero = np.concatenate([[0], np.cumsum(cents > 0)])
    rows = np.arange(n)
    # below: rows i+1..end sum to row i's amount; above: rows start..i-1 sum to row i's amount; searched only from
    # the rows whose two neighbours on that side fit under their amount (a large table: a third of its rows)
    two = cents[1:-1] + cents[2:] if n > 2 else np.zeros(0, dtype="int64")
    end = rows.copy()
    ask = np.flatnonzero(np.concatenate([two <= cents[:-2], [False, False]]) & good & (cents > 0))
    end[ask] = np.searchsorted(before, before[ask + 1] + cents[ask], side="left") - 1
    end_ok = (end < n) & (end > rows)
    end = np.where(end_ok, end, rows)
    below = good & (cents > 0) & end_ok & (before[end + 1] == before[rows + 1] + cents) \
        & (nonzero[end + 1] - nonzero[rows + 1] >= 2) & (bad[end + 1] == bad[rows + 1])
    start = rows.copy()
    ask = np.flatnonzero(np.concatenate([[False, False], cents[:-2] + cents[1:-1] <= cents[2:]]) & good & (cents > 0))
    start[ask] = np.searchsorted(before, before[ask] - cents[ask], side="right") - 1
    start = np.clip(start, 0, n - 1)
    above = good & (cents > 0) & (before[start] == before[rows] - cents) & (start < rows) \
        & (nonzero[rows] - nonzero[start] >= 2) & (bad[rows] == bad[start])
    if not (below.any() or above.any()):   # (most tables: their country and period not even grouped)
        return {}
    together = [c for c in ("country", "period_end") if c in frame.columns]
    changes = np.zeros(n - 1, dtype=bool)
    for c in together:
        codes = pd.factorize(frame[c])[0]
        changes |= codes[1:] != codes[:-1]
    runs = np.concatenate([[0], np.cumsum(changes)])   # rows of one country and period in a row share a run
    # a subtotal row often leaves its country (or period) empty: its rows' are then enough
    loose = (frame[together].isna().any(axis=1) | (frame["country"] == REGIONAL if "country" in frame.columns else
                                                   False)).to_numpy(dtype=bool) if together else np.ones(n, dtype=bool)
    below &= (runs[end] == runs[np.minimum(rows + 1, n - 1)]) & ((runs[end] == runs) | loose)
    above &= (runs[start] == runs[np.maximum(rows - 1, 0)]) & ((runs[start] == runs) | loose)
    if not (below.any() or above.any()):
        return {}
    heads, foots = set(np.flatnonzero(below).tolist()), set(np.flatnonzero(above).tolist())
    candidates = sorted(heads | foots)
    columns = [c for c in texts if c in frame.columns]
    cells = frame[columns].iloc[candidates].to_numpy(dtype=object) if columns else np.empty((len(candidates), 0))
    level = [any(isinstance(v, str) and _LEVEL.match(fold(v)) for v in row) for row in cells]
    no_code = [bool(texts) and texts[0] in columns and not isinstance(row[0], str) for row in cells]
    after_heads, before_foots = {end[h] + 1 for h in heads}, {start[f] - 1 for f in foots}
    chained = {i for i in heads if end[i] + 1 in heads or i in after_heads} | \
        {i for i in foots if start[i] - 1 in foots or i in before_foots}
    out: dict[Any, Problem] = {}
    for i, named, bare in zip(candidates, level, no_code):
        if not (named or bare):   # (blocks of round amounts in a row alone: a coincidence as often as not)
            continue
        first, last = (i + 1, end[i]) if i in heads else (start[i], i - 1)
        where = "right below" if i in heads else "right above"
        out[frame.index[i]] = raw.problem(
            "totals_row", f"this amount is the sum of the rows {where} it (rows {frame.index[first]} to "
            f"{frame.index[last]}): a subtotal row (a result's row over its activities)?",
            "Keep one level of lines: delete this subtotal row (the workbook adds the rows up itself), or the rows "
            "it sums. If it really is one line, check the amounts of the others.", index=frame.index[i],
            column=column, value=_show(values[i]),
            severity="error" if is_error and (bare or i in chained) else "warning")
    return out


# a label or code that may name a total without says_total's certainty (« Total des frais de gestion », « Ensemble »,
# « TOT », « S/Total »): asked only of a row whose amount is the others' sum, which stays refused
_LOOSE_TOTAL = re.compile(r"^(sous[\s._-]*tot|s\s*/\s*tot|sub[\s._-]*tot|grand[\s._-]*tot|tot|ensemble|somme|sum|"
                          r"cumul|recap|general)")


# the word anywhere in it (« Budget total », « Coût total », « Dépenses totales », « Montant cumulé »): at the start
# only, a row B9 « Budget total » equal to the others' sum was a line, with a warning
_TOTAL_INSIDE = re.compile(r"\b(?:totale?s?|totaux|subtotals?|cumule?e?s?|ensemble|somme|sum)\b")


def _own_line(frame: pd.DataFrame, index: Any, texts: tuple[str, ...]) -> bool:
    """Whether the row has its own code and a label (budget; a spending row its line and a period label, if any)
    that does not say total: such a row equal to the others' sum is a line by chance as often as a total
    (100 000 = 60 000 + 40 000)."""
    cells = [frame.at[index, c] if c in frame.columns else None for c in texts[:2]]
    needed = cells if texts[0] == "line" and "label" in texts else cells[:1]
    if not all(isinstance(v, str) and v.strip() for v in needed):
        return False
    return not any(isinstance(v, str) and (_LOOSE_TOTAL.match(fold(v.strip())) or _TOTAL_INSIDE.search(fold(v)))
                   for v in cells)


def _periods_of_their_lines(frame: pd.DataFrame, texts: tuple[str, ...]) -> set[Any]:
    """The spending rows that may be one period of a line spent period by period: a line and an end of period that
    no other row of the line (and country) repeats, the line having rows at other periods (and, _own_line, a label
    that does not say total). Line R1 spent T1 80 000, T2 30 000, T3 10 000, T4 120 000: T4 is the sum of the
    others by chance and was warned as a totals row; a line's total over its periods has no period of its own
    (empty, « Total ») or repeats its last period's end (2020-12-31 beside T4's), and stays said."""
    if "period_end" not in frame.columns or not texts or texts[0] != "line" or "line" not in frame.columns:
        return set()
    keys = ["line", *(["country"] if "country" in frame.columns else [])]
    dated = frame[[*keys, "period_end"]].astype("string").fillna("")
    dated = dated[frame["line"].notna().to_numpy(bool) & frame["period_end"].notna().to_numpy(bool)]
    if dated.empty:
        return set()
    alone = ~dated.duplicated(keep=False)
    others = dated.groupby(keys, sort=False)["period_end"].transform("nunique").ge(2)
    return set(dated.index[(alone & others).to_numpy(bool)])   # (_own_line: asked of the rows equal to the others)


def _equal_to_the_others(frame: pd.DataFrame, amounts: pd.Series, column: str, raw: Any,
                         is_error: bool, texts: tuple[str, ...] = ()) -> dict[Any, Problem]:
    out: dict[Any, Problem] = {}
    periods_of_lines: set[Any] | None = None   # (found at the first row equal to the others: most tables have none)
    groups = [("the table", np.ones(len(frame), dtype=bool), is_error)]
    if "country" in frame.columns and frame["country"].nunique(dropna=True) > 1:
        for country in frame["country"].dropna().unique():
            groups.append((f"the rows of {country}", (frame["country"] == country).to_numpy(bool), False))
    for what, mask, error in groups:
        values = amounts.to_numpy(dtype="float64")[mask]
        index = frame.index[mask]
        known = np.isfinite(values)
        if known.sum() < 3:
            continue
        total = values[known].sum()
        others = total - values
        nonzero = (np.abs(values[known]) > 0.005).sum()
        hit = known & (values > 0) & (np.abs(values - others) < 0.005) & (nonzero - 1 >= 2)
        for i in np.flatnonzero(hit):
            if periods_of_lines is None:
                periods_of_lines = _periods_of_their_lines(frame, texts)
            if index[i] in out or index[i] in periods_of_lines and _own_line(frame, index[i], texts):
                continue
            if error and texts and _own_line(frame, index[i], texts):
                code, label = (frame.at[index[i], c] if c in frame.columns else None for c in texts[:2])
                named = f"'{code}'" + (f" ('{label}')" if isinstance(label, str) and label.strip() else "")
                out[index[i]] = raw.problem(
                    "totals_row", f"this amount is the sum of every other row of {what}; the row has its own "
                    f"{texts[0]} {named}, so it is read as one {'line' if 'label' in texts else 'row'}",
                    "Check it: if it is a total of the other rows, delete it (the workbook adds the rows up itself). "
                    "If it is a genuine line whose amount equals the others' sum, nothing to do.", index=index[i],
                    column=column, value=_show(values[i]), severity="warning")
                continue
            out[index[i]] = raw.problem(
                "totals_row", f"this amount is the sum of every other row of {what}: a totals row?",
                HINT + " If it really is one line, check the amounts of the others.", index=index[i], column=column,
                value=_show(values[i]), severity="error" if error else "warning")
    return out


def _function(formula: str) -> str:
    """'=_xlfn.AGGREGATE(9,5,B2:B5)' -> 'AGGREGATE'."""
    return formula.lstrip("= ").removeprefix("_xlfn.").split("(")[0].strip().upper()


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
