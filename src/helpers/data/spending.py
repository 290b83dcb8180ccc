"""Budget and spending rows that read well but are most likely wrong, each said with what to do: an amount in
another currency than the project's (refused: the workbook does not convert), spending written as totals since the
start (added up period by period, 180 %), a budget written in thousands beside spending in units (warnings).

The loader calls them once the tables are typed and each spending row's budget line is found (lines.resolve).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from . import lines as lines_mod, numbers
from .currencies import currency_code, is_iso_code, is_known, nearest_codes, same_currency
from ..errors import Problem
from ..text import is_dash, is_not_known
from .model import each_distinct
from .readers import RawTable


def other_currency(frame: pd.DataFrame, raw: RawTable, currency: str) -> list[Problem]:
    """A row whose `currency` cell names another currency than the project's: its amount would be added to the
    others as if it were in the project's currency. Refused: the workbook does not convert."""
    if not currency or "currency" not in frame.columns or not frame["currency"].notna().any():
        return []   # (project.yaml's `currency:` empty: its empty_key says to write it; no default is named)
    wanted = currency_code(currency)
    codes = each_distinct(frame["currency"], lambda v: v if v is None else currency_code(v), keep_missing=True)
    # (each distinct cell compared once: a spending table has a currency per row)
    other = each_distinct(frame["currency"], lambda v: v is not None and not same_currency(v, wanted),
                          dtype="bool")
    return [_other_currency(raw, index, frame.at[index, "currency"], codes[index], wanted)
            for index in frame.index[other.to_numpy(dtype=bool)]]


def _other_currency(raw: RawTable, index: Any, value: Any, code: str, wanted: str) -> Problem:
    """The problem of one row; a cell naming no currency is said so (« this row's amount is in - », « in N.D. »
    read as if a currency had those letters)."""
    # « UDS » (USD mistyped) was « this row's amount is in UDS → Convert the amount to USD »: no currency has it
    mistyped = bool(re.fullmatch(r"[A-Z]{3}", code)) and not is_known(code) and not is_iso_code(code)
    if is_dash(value) or is_not_known(value) or mistyped or not (is_known(code) or re.fullmatch(r"[A-Z]{3}", code)):
        near = nearest_codes(code) if mistyped else []
        what = ("written as « not known »" if is_dash(value) or is_not_known(value) else
                f"{code}, no currency's ISO 4217 code (did you mean {' or '.join(near)}?)" if near else
                "not a currency the workbook knows (a code such as EUR, USD, XOF)")
        return raw.problem("other_currency", f"this row's currency is {what}: its amount would be added up with the "
                           f"project's amounts, in {wanted} (project.yaml, `currency`)",
                           f"Write the row's currency ({wanted} if it is the project's, or leave the cell empty); "
                           f"an amount in another currency is converted to {wanted} first (the workbook does not "
                           "convert currencies).", index=index, column="currency", value=value)
    return raw.problem("other_currency", f"this row's amount is in {code}; the project's amounts are in "
                       f"{wanted} (project.yaml, `currency`), and would be added up with it",
                       f"Convert the amount to {wanted} and write {wanted} here (the workbook does not convert "
                       "currencies), or correct the project's `currency`.", index=index, column="currency",
                       value=value)


def cumulative_spending(expenditure: pd.DataFrame, raw: RawTable, budget: pd.DataFrame,
                         lines: tuple[np.ndarray, list]) -> list[Problem]:
    """A line whose spending rises period after period and adds up to more than its budget, while its last amount
    alone is within it (30 000, 60 000, 90 000 on a budget of 100 000): totals since the start, which the workbook
    adds up as what was spent in each period (180 %). A warning at the line's last row. ``lines``: each row's
    (country, line) pair, as lines.resolve gives them."""
    codes, pairs = lines
    if len(codes) < 2 or not len(budget):
        return []
    amount = expenditure["amount"].to_numpy(dtype="float64", na_value=np.nan)
    day = expenditure["period_end"].to_numpy(dtype="datetime64[ns]").astype("int64")
    order = np.lexsort((day, codes))
    code, amount, rows = codes[order], amount[order], expenditure.index.to_numpy()[order]
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
    ends = np.r_[starts[1:], len(code)]
    # each row above the one before it, the first row of a line counting as risen: a line rises when all its rows do
    rising = np.r_[True, (code[1:] != code[:-1]) | (np.diff(amount) > 0)]
    candidates = (ends - starts >= 2) & np.logical_and.reduceat(rising, starts) & (amount[starts] > 0)
    if not candidates.any():
        return []
    budgets = dict(zip(zip(lines_mod.country_key(budget["country"]), budget["line"]), budget["budget"]))
    problems = []
    for start, end in zip(starts[candidates], ends[candidates]):
        line_budget, total, last = budgets.get(pairs[code[start]], np.nan), amount[start:end].sum(), amount[end - 1]
        if not (line_budget > 0 and total > line_budget >= last):
            continue
        shown = " → ".join(numbers.format_number(round(float(a), 2)) for a in amount[start:end][:4]) + \
            (" → …" if end - start > 4 else "")
        problems.append(raw.problem(
            "cumulative_amounts", f"the spending on line {pairs[code[start]][1]} rises period after period ({shown}) "
            f"and adds up to {total / line_budget:.0%} of its budget, while its last amount alone is "
            f"{last / line_budget:.0%}: are these totals since the start? The workbook adds the periods up",
            "If they are totals since the start, write what was spent during each period (each total less the "
            "previous one).", index=rows[end - 1], column="amount", value=numbers.format_number(float(last)),
            severity="warning"))
    return problems


FAR_ABOVE = 10   # spending this many times a line's budget is no overspending: a unit (thousands) or a line mixed up


def spending_far_above_budget(expenditure: pd.DataFrame, budget: pd.DataFrame, raw: RawTable,
                               lines: tuple[np.ndarray, list]) -> list[Problem]:
    """A line whose recorded spending is FAR_ABOVE times its budget or more (4 500 000 spent on a budget of
    100 000): a budget written in thousands beside spending in units, most often. A warning at the budget's cell."""
    codes, pairs = lines
    if not len(codes) or not len(budget):
        return []
    spent = np.bincount(codes, weights=np.nan_to_num(expenditure["amount"].to_numpy(dtype="float64",
                                                                                       na_value=np.nan)),
                        minlength=len(pairs))
    spent_on = dict(zip(pairs, spent))
    problems = []
    for index, key, line, amount in zip(budget.index, lines_mod.country_key(budget["country"]), budget["line"],
                                        budget["budget"]):
        total = spent_on.get((key, line), 0.0)
        if amount > 0 and total >= FAR_ABOVE * amount:
            problems.append(raw.problem(
                "spending_far_above_budget", f"the spending recorded on line {line} ({numbers.format_number(total)}) "
                f"is {total / amount:,.0f} times its budget: are both in the same unit (a budget in thousands?)",
                "Write the budget and the spending in the same unit, the project's currency (not in thousands), and "
                "check that the spending rows name the right line.", index=index, column="budget",
                value=numbers.format_number(float(amount)), severity="warning"))
    return problems


def spending_above_budget(expenditure: pd.DataFrame, raw: RawTable, budget: pd.DataFrame,
                          lines: tuple[np.ndarray, list]) -> list[Problem]:
    """A line whose recorded spending is above its budget, but less than FAR_ABOVE times it (said by
    spending_far_above_budget): overspent, or an amount typed in another currency. 1 250 000 francs CFA typed on a
    line of 200 000 EUR (1 906 EUR) were read as euros without a word, the line's rate 627 %: no currency column
    tells them apart. A warning at the line's largest amount, the row most likely mistyped."""
    codes, pairs = lines
    if not len(codes) or not len(budget):
        return []
    amount = np.nan_to_num(expenditure["amount"].to_numpy(dtype="float64", na_value=np.nan))
    spent = np.bincount(codes, weights=amount, minlength=len(pairs))
    budgets = dict(zip(zip(lines_mod.country_key(budget["country"]), budget["line"]), budget["budget"]))
    countries = dict(zip(zip(lines_mod.country_key(budget["country"]), budget["line"]), budget["country"]))
    line_budgets = np.array([budgets.get(pair, np.nan) for pair in pairs], dtype="float64")
    with np.errstate(invalid="ignore"):
        above = np.flatnonzero((line_budgets > 0) & (line_budgets * (1 + 1e-9) < spent)
                               & (spent < FAR_ABOVE * line_budgets))
    if not len(above):
        return []
    # each line's largest amount (its first row of that amount), by one sort instead of a scan per line
    order = np.lexsort((-np.arange(len(codes)), amount, codes))
    last = np.searchsorted(codes[order], above, side="right") - 1
    problems = []
    for code, largest in zip(above, order[last]):
        line_budget = line_budgets[code]
        country = countries.get(pairs[code])
        where = "" if pairs[code][0] == lines_mod.REGIONAL or country is None else f" of {country}"
        problems.append(raw.problem(
            "spending_above_budget", f"the spending recorded on line {pairs[code][1]}{where} "
            f"({numbers.format_number(round(float(spent[code]), 2))}) is {spent[code] / line_budget:.0%} of its "
            f"budget ({numbers.format_number(float(line_budget))}), its largest amount here: overspent, or an "
            "amount typed in another currency (the local one), read as the project's?",
            "Check that each amount of the line is in the project's currency (project.yaml's currency: the workbook "
            "converts nothing): convert an amount paid in another currency. If the line was overspent indeed, "
            "nothing to do; if its budget was revised, write the revised budget.", index=expenditure.index[largest],
            column="amount", value=numbers.format_number(float(amount[largest])), severity="warning"))
    return problems


def only_on_project_lines(budget: pd.DataFrame, raw: RawTable, pairs: list[tuple[str, str, Any, str]]) -> list[Problem]:
    """A country with lines in the budget whose spending rows all name lines of the project as a whole (« B4 »
    spent in Maroc): they count in the project-wide annex (lines.resolve, rule 3), none on the country's own lines,
    so its spending is not known (n.d.), in its annex and in the project's total. A warning at the file, from the
    distinct (country, line) pairs (lines.resolve), not the rows."""
    if not len(budget) or not pairs:
        return []
    written: dict[str, str] = {}
    lines: dict[str, list] = {}
    for key, country, line in zip(lines_mod.country_key(budget["country"]), budget["country"], budget["line"]):
        if key != lines_mod.REGIONAL:
            written.setdefault(key, country)
            lines.setdefault(key, []).append(line)
    own_lines = {key for _, key, _, state in pairs if state == lines_mod.FOUND}
    problems = []
    for country in written:
        elsewhere = [line for own, key, line, state in pairs if own == country and key == lines_mod.REGIONAL
                     and state == lines_mod.FOUND]
        if country in own_lines or not elsewhere:
            continue
        name, shown = written[country], ", ".join(str(line) for line in lines[country][:5]) + \
            (", …" if len(lines[country]) > 5 else "")
        problems.append(raw.problem(
            "spending_on_project_lines_only", f"every spending row of {name} names a line of the project as a whole "
            f"({', '.join(str(line) for line in elsewhere[:5])}), none a line of {name}'s own budget ({shown}): "
            f"they count in the project-wide annex only, and {name}'s spending is not known (n.d.), in its annex and "
            "in the project's total", f"If these rows are {name}'s own spending, name its own lines ({shown}); if "
            f"{name} has spent nothing on them yet, add a row with the amount 0 on one of them.", column="country",
            value=str(name), severity="warning"))
    return problems


def negative_line_spending(expenditure: pd.DataFrame, raw: RawTable, lines: tuple[np.ndarray, list]) -> list[Problem]:
    """A line whose spending adds up to less than 0 (10 000,50 spent, then a reversal of -15 000): a reversal larger
    than what was spent on it. Its execution rate was -10 % and the other lines' shares of spending above 100 % (a
    staff share of 114 %), with a warning at the row only (« fine if it cancels an earlier spending »). Refused at
    the line's first negative row, by bincount over the lines."""
    codes, pairs = lines
    if not len(codes):
        return []
    amount = expenditure["amount"].to_numpy(dtype="float64", na_value=np.nan)
    known = np.nan_to_num(amount)
    spent = np.bincount(codes, weights=known, minlength=len(pairs))
    below = spent < -0.005
    if not below.any():
        return []
    negative = below[codes] & (known < 0)
    firsts = pd.Series(np.flatnonzero(negative)).groupby(codes[negative]).first()
    given = np.bincount(codes, weights=np.where(known > 0, known, 0.0), minlength=len(pairs))
    problems = []
    for code, position in firsts.items():
        line = pairs[code][1]
        problems.append(raw.problem(
            "negative_line_spending", f"the spending on line {line} adds up to {numbers.format_number(spent[code])} "
            f"({numbers.format_number(given[code])} spent, {numbers.format_number(spent[code] - given[code])} of "
            "negative amounts): a line's spending cannot be below 0, and its execution rate would be negative, the "
            "other lines' shares of spending above 100 %",
            "Check the sign of this amount, and whether it reverses spending recorded on another line (then write it "
            "on that line) or before the first period of the table (then add that period's spending).",
            index=expenditure.index[position], column="amount",
            value=numbers.format_number(float(amount[position]))))
    return problems
