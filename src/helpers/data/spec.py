"""The data contract as plain values: which tables a project has, their columns and their vocabularies.

No pandera, no reader here: the analyses import these names without loading the validation machinery
(``schemas`` builds the pandera schemas from them, ``loader`` reads the files with them).

After loading (``helpers.data.loader.load_project``) every table has *all* its columns, in this order, with these
types, whether or not the file had the optional ones; an absent file gives an empty table. Analyses can rely on that.
Types after loading: ``str`` columns hold stripped text or NA; ``float`` columns hold float64 (NaN when empty);
``date`` columns hold datetime64[ns] (NaT when empty); ``bool`` columns hold True/False.
``country`` is "regional" for rows whose country is empty or "regional" (they belong to the project as a whole).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Literal

import numpy as np
import pandas as pd

from ..text import (BUDGET_CATEGORIES, CATEGORY_WORDS, DIRECTION_WORDS, GROUP_WORDS, LEVEL_WORDS,  # noqa: F401
                    fold, is_percentage)  # (re-exported)
from . import numbers
from .lines import spelt_duplicates

REGIONAL = "regional"

STATUS_CODES = ("done", "in_progress", "not_started", "delayed", "seriously_delayed", "on_time", "ahead", "cancelled")
GROUPS = ("government", "workers", "employers", "civil_society", "migrants", "other")
LEVELS = ("impact", "outcome", "output")
DIRECTIONS = ("increase", "decrease")
SEXES = ("total", "f", "m")
COMPARISONS = ("=", ">", ">=", "<", "<=", "~")

FINANCED_TABLES = ("indicators", "participation")  # the tables whose rows may name their budget_lines


def split_lines(cell: Any) -> list[str]:
    """The budget lines a ``budget_lines`` cell names, in order, each once: 'R1; R6' -> ['R1', 'R6'] (separators
    ``;``, ``,`` or ``+``); empty -> []."""
    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return []
    seen: dict[str, None] = {}
    for part in re.split(r"[;,+]", str(cell)):
        if part.strip():
            seen.setdefault(part.strip(), None)
    return list(seen)


# ================================================================= one specification per table
#
# Everything the workbook knows about a table is here, once: its columns in order (kind, required header, required
# cell, money, allowed values, default, French names, how its words are normalised, its checks), the checks across
# its columns and its warnings. ``schemas`` derives the pandera schemas from it, ``loader`` types and normalises the
# columns with it, ``headers`` reads the French names from it; data/README.md documents it for evaluators.

@dataclass(frozen=True)
class Rule:
    """The message and what to do of a rule a table's checks name (schemas.validate_table writes the Problems)."""

    message: str
    hint: str
    column: str | None = None   # for checks across columns: the column a person should look at


RULES: dict[str, Rule] = {
    "required_value": Rule("this cell is empty but the column is required", "Fill it in."),
    "duplicate_id": Rule("this identifier appears more than once", "Give each row its own identifier."),
    "allowed_values": Rule("this value is not allowed", ""),  # hint filled from the check
    "count_negative": Rule("a count cannot be negative", "Write 0 or more."),
    "count_integer": Rule("a count must be a whole number", "Write whole numbers of people."),
    "progress_range": Rule("progress must be between 0 and 100", "Write a percentage from 0 to 100, without '%'."),
    "weight_positive": Rule("a weight must be greater than 0", "Use a positive weight, or leave empty (weight 1)."),
    "budget_negative": Rule("a budget cannot be negative", "Write the approved amount (0 or more)."),
    "women_le_participants": Rule("more women than participants", "Check both counts: women are part of the "
                                  "participants.", column="women"),
    "women_men_le_participants": Rule("women + men is more than the participants",
                                      "Check the three counts: women + men cannot exceed participants.",
                                      column="men"),
    "duplicate_line": Rule("this budget line appears twice for the same country",
                           "Give each line one row per country (add the amounts).", column="line"),
    "duplicate_indicator": Rule("this indicator has two rows for the same period, country and sex",
                                "Keep one row per indicator, period, country and sex (countries are compared "
                                "ignoring case and accents: MAROC is Maroc).", column="indicator_id"),
    "period_written_twice": Rule("this indicator has another row whose period ends the same day, written another "
                                 "way (2020, 2020-12, T4 2020): two values of what was reached by that day",
                                 "Keep one row per period, written one way in the whole table.", column="period"),
    "quarter_or_month": Rule("this period may be a quarter (2020-1 for T1 2020) or a month written without its 0 "
                             "(2020-01): it is read as neither", "Write T1 2020 (T2, T3, T4) for a quarter, 2020-01 "
                             "for a month.", column="period"),
    "period_excel_serial": Rule("this period is a number as Excel stores a date in a cell formatted as a number "
                                "(44196 for 2020-12-31): it was read as a period of that name, of no date",
                                "In Excel, select the column and choose Format > Cells > Date before saving, or "
                                "write the period (2020, T4 2020, 2020-12-31).", column="period"),
    "period_year_grouped": Rule("this period is a year written with a thousands separator (2 023, as a column "
                                "formatted as a number with separators shows it): it was read as a period of that "
                                "name, of no date, in no time order", "Write the year without a separator "
                                "(2023); in Excel, format the column as text or as a number without thousands "
                                "separator before saving.", column="period"),
}

KINDS = {"str": "str", "float": "float64", "date": "datetime64[ns]", "bool": "bool"}   # kind -> pandas dtype


@dataclass(frozen=True)
class Check:
    """A rule on each typed value of a column, named by the rule its failures report (RULES)."""

    rule: str
    op: Literal["ge", "gt", "in_range", "whole"]
    args: tuple[float, ...] = ()


@dataclass(frozen=True)
class Column:
    name: str
    kind: Literal["str", "float", "date", "bool"] = "str"
    required: bool = False           # the header row must hold it (else the file is refused)
    filled: bool = False             # every cell must be filled (pandera: not nullable)
    unique: bool = False             # no two rows may hold the same value
    money: bool = False              # an amount: "(1 234,00)" and "1234,00-" are negatives, as finance exports write
    ambiguous: bool = False          # a count or an amount: '12,000' is at least a warning (12 or 12 000?)
    percent: bool = False            # holds percentages: '45 %' and an .xlsx cell shown as 45 % are 45 (numbers)
    period: bool = False             # a date that ends a period: 'juin 2021', 'T2 2021' are their last day
    allowed: tuple[str, ...] | None = None    # the only values allowed once normalised
    normalise: Literal["country", "status", "enumeration", "sex", "comparison"] | None = None
    default: str | None = None       # what an empty cell becomes (with normalise "sex" or "comparison")
    words: tuple[tuple[str, str], ...] = ()  # with normalise "enumeration": (word, code) other words for the codes
    checks: tuple[Check, ...] = ()
    french: tuple[str, ...] = ()     # French headers read as this column (the first is looked for below title rows)
    added: bool = False              # written by the loader, never read from the file (activities.status_label)

    @property
    def dtype(self) -> str:
        return KINDS[self.kind]


@dataclass(frozen=True)
class TableCheck:
    """A rule across columns: ``test(frame)`` is True for each good row."""

    rule: str
    test: Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class RowWarning:
    """A warning on each row where ``when(frame)`` holds, located at ``column`` (its value shown if ``show_value``)."""

    rule: str
    column: str
    message: str
    hint: str
    when: Callable[[pd.DataFrame], pd.Series]
    show_value: bool = False


@dataclass(frozen=True)
class Register:
    """Another form of a table's file, one row per person, aggregated on load into ``counts``."""

    required: tuple[str, ...]
    columns: tuple[Column, ...]       # columns of the register form only (read, then aggregated away)
    counts: tuple[str, ...]           # the table's columns the aggregation computes


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    checks: tuple[TableCheck, ...] = ()
    warnings: tuple[RowWarning, ...] = ()
    register: Register | None = None
    # rules that locate their problems with the raw table: ``rule(frame, raw) -> [Problem]``, run last
    raw_checks: tuple[Callable[[pd.DataFrame, Any], list], ...] = ()

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


def whole_or_empty(series: pd.Series) -> pd.Series:
    return series.isna() | (series == series.round())


def written_once(frame: pd.DataFrame, column: str) -> pd.Series:
    """Each indicator row's number (baseline, target_final), or when empty the one value the other rows of its
    indicator, country and sex give: an IPTT writes the baseline once, on the first period's row, the final target on
    the first or the last. Rows giving two values are left as written."""
    value = frame[column].astype("float64")
    if frame.empty or not value.isna().any():
        return value
    keys = [frame[c].astype("str").fillna("") for c in ("indicator_id", "country", "sex") if c in frame]
    known = value.groupby(keys, sort=False)
    one = known.transform("nunique").eq(1)
    return value.where(value.notna() | ~one, known.transform("first"))


def direction_written_once(frame: pd.DataFrame) -> pd.Series:
    """Each indicator row's direction, or when empty the one direction the other rows of its indicator (and country)
    give: an IPTT writes it once, on the first period's row, as it does the baseline. An unemployment rate « baisse »
    in 2019 and empty after was read as rising from 2020 on: its fall listed as a setback, its target « beyond » the
    final one. Rows giving both directions are left as written."""
    direction = frame["direction"]
    given = direction.notna() & direction.astype("str").str.strip().ne("")
    if bool(given.all()) or not bool(given.any()):
        return direction
    keys = [frame[c].astype("str").fillna("") for c in ("indicator_id", "country") if c in frame]
    known = direction.where(given).groupby(keys, sort=False)
    one = known.transform("nunique").eq(1)
    return direction.where(given | ~one, known.transform("first"))


def direction_not_given(frame: pd.DataFrame) -> pd.Series:
    """The indicator rows whose direction is not given while a target lies below the baseline (an unemployment rate
    from 20 to a target of 10): read as rising, 12.5 would be 125 % of the final target, where it is 75 % of the way
    down. Their achievement is not computed (analyses.indicators) until the direction says which way is better."""
    direction = direction_written_once(frame)
    given = direction.notna() & direction.astype("str").str.strip().ne("")
    baseline = frame["baseline"].astype("float64")
    below = (frame["target"].astype("float64") < baseline) | (frame["target_final"].astype("float64") < baseline)
    return (~given & below).fillna(False).astype(bool)


def fractions_for_percent(frame: pd.DataFrame) -> pd.Series:
    """The indicator rows of a percentage or a share (unit `%`, `pourcentage`, `taux`, `pour cent`, `part`...;
    without a unit, a label « Taux ... », « % ... »: text.is_percentage) where the actual is a fraction of 1 and a
    target is above 1, or the other way round: 0.45 typed for 45 % (read as 0.45 %, 1 % of a target of 45), or a
    target of 0.5 (or 1, of a rising rate) beside an actual of 45 (9 000 % of it); or a row all in fractions of 1
    beside rows of the same indicator (country, sex) in percent (0.48 for 2021 after 45 for 2020). (A unit « taux »
    or an empty one was not looked at: 0.9 %, red, nothing said.)"""
    a, t, f = (frame[c].astype("float64") for c in ("actual", "target", "target_final"))

    def fraction(x: pd.Series) -> pd.Series:
        return (x > 0) & (x < 1)

    mixed = ((fraction(a) & ((t > 1) | (f > 1))) | ((fraction(t) | fraction(f)) & (a > 1))).fillna(False)
    # 100 % typed 1 as the target of a rising rate already at 45: 4 500 %, green (a falling one may aim at 1 %)
    rising = ~direction_written_once(frame).astype("str").str.strip().str.lower().eq("decrease").fillna(False)
    mixed = mixed | (rising & (a > 1) & ((t == 1) | (f == 1))).fillna(False)
    # and the other way: 100 % reached, typed 1, beside its target of 100 %: 1 %, red
    mixed = mixed | (rising & (a == 1) & ((t == 100) | (f == 100))).fillna(False)
    # a period typed as fractions (0.48, 0.55, 0.6) beside periods in percent (45, 50, 60) of the same indicator:
    # each row on one scale, its achievement right, and its 0.48 listed as a fall from 45 (« values per period? »)
    values = pd.concat([a, t, f], axis=1)
    small = (values.isna() | ((values > 0) & (values <= 1))).all(axis=1) & fraction(values).any(axis=1)
    keys = [frame[c].astype("str").fillna("") for c in ("indicator_id", "country", "sex") if c in frame]
    if bool(small.any()) and keys:
        above = (values > 1).any(axis=1).groupby(keys).transform("any")
        mixed = mixed | (small & above)
    found = pd.Series(False, index=frame.index)
    for index in frame.index[mixed.to_numpy(dtype=bool)]:   # (the rates of the few mixed rows only)
        found[index] = is_percentage(frame.at[index, "unit"] if "unit" in frame else None,
                               frame.at[index, "label"] if "label" in frame else None)
    return found


def targets_per_period(frame: pd.DataFrame) -> pd.Series:
    """The rows of an increasing count indicator (an id in a country, a sex) whose period targets, two or more, add
    up to its final target while each is below it (20 for 2020, 30 for 2021, 50 at the end): targets of each period,
    where the actual is the total reached to date. Its 45 people by 2021 were 150 % of the 2021 target, green, where
    they are 90 % of the 50 due by then. Flagged: the rows after the first target (the first reads the same either
    way). A rate's or share's targets do not add up: never flagged."""
    out = pd.Series(False, index=frame.index)
    needed = ("indicator_id", "period", "target", "target_final")
    if frame.empty or any(c not in frame for c in needed):
        return out
    t, f = frame["target"].astype("float64"), written_once(frame, "target_final")   # (given on the last row only)
    rising = ~direction_written_once(frame).astype("str").str.strip().str.lower().eq("decrease").fillna(False) \
        if "direction" in frame else pd.Series(True, index=frame.index)
    rows = frame.assign(target_final=f)[(t.notna() & f.notna() & (t > 0) & (t < f) & rising).to_numpy(dtype=bool)]
    if len(rows) < 2:
        return out
    keys = [rows[c].astype("str").fillna("") for c in ("indicator_id", "country", "sex") if c in rows]
    for _, group in rows.groupby(keys, sort=False):
        finals = group["target_final"].astype("float64")
        total = float(group["target"].astype("float64").sum())
        if len(group) < 2 or finals.nunique() != 1 or abs(total - finals.iloc[0]) > 1e-9 * finals.iloc[0]:
            continue
        first = group.iloc[0]
        if is_percentage(first.get("unit"), first.get("label")):
            continue
        spans = [numbers.period_span(p) for p in group["period"]]
        ends = [s[1] if s is not None else None for s in spans]
        order = sorted(range(len(group)), key=lambda i: (ends[i] is None, ends[i] or 0, i)) \
            if all(e is not None for e in ends) else list(range(len(group)))
        out[group.index[order[1:]]] = True
    return out


def lines_without_level(frame: pd.DataFrame) -> pd.Series:
    """The rows that name the budget lines financing them and leave their level empty: a cost per unit is an
    output's, so none was given, and nothing said (an evaluator who filled `budget_lines` expected one)."""
    if "budget_lines" not in frame or "level" not in frame:
        return pd.Series(False, index=frame.index)
    named = frame["budget_lines"].astype("string").str.strip().fillna("").ne("")
    level = frame["level"].astype("string").str.strip().fillna("")
    return (named & level.eq("")).astype(bool)


def sexes_above_total(frame: pd.DataFrame) -> pd.Series:
    """The total rows of a count indicator (not a percentage) whose women's and men's actuals of the same period and
    country add up to more than it (f 12 + m 20 beside a total of 25): one of the three is wrong, and the total's
    achievement was shown as if they agreed."""
    out = pd.Series(False, index=frame.index)
    if frame.empty or "sex" not in frame or not frame["sex"].isin(["f", "m"]).any():
        return out
    keys = ["indicator_id", "period"] + (["country"] if "country" in frame else [])
    table = frame.assign(**{c: frame[c].astype("str") for c in keys})
    by_sex = table.pivot_table(index=keys, columns="sex", values="actual", aggfunc="sum", dropna=False)
    if not {"f", "m", "total"} <= set(by_sex.columns):
        return out
    over = (by_sex["f"] + by_sex["m"] > by_sex["total"] * (1 + 1e-9) + 1e-9).fillna(False)
    flagged = by_sex.index[over.to_numpy(bool)]
    if not len(flagged):
        return out
    totals = table[(table["sex"] == "total").to_numpy(bool)]
    hit = pd.MultiIndex.from_frame(totals[keys]).isin(flagged) if len(keys) > 1 else totals[keys[0]].isin(flagged)
    for index in totals.index[np.asarray(hit, dtype=bool)]:
        out[index] = not is_percentage(frame.at[index, "unit"] if "unit" in frame else None,
                                       frame.at[index, "label"] if "label" in frame else None)
    return out


def unit_class(units: pd.Series) -> pd.Series:
    """Each unit folded (case, accents, spaces), every percentage one word (`%`, `pourcentage`, `taux`): '' empty."""
    names = units.astype("string").str.strip().fillna("")
    kinds = {u: ("%" if is_percentage(u, None) else fold(u)) if u else "" for u in names.unique()}
    return names.map(kinds).astype("str")


def units_differ(frame: pd.DataFrame) -> pd.Series:
    """The rows of an indicator whose unit is another than the one of its first row with a unit (`nombre` in Maroc,
    `%` in Tunisie; `%` and `pourcentage` are one unit): two measures under one code, counted as one indicator in the
    project-wide annex, its periods compared as one (a fall from 45 % to 30 persons)."""
    if frame.empty or "unit" not in frame:
        return pd.Series(False, index=frame.index)
    unit = unit_class(frame["unit"])
    given = unit.ne("")
    first = unit.where(given).groupby(frame["indicator_id"].astype("str"), sort=False).transform("first")
    return (given & first.notna() & unit.ne(first)).astype(bool)


def total_target_on_sexes(frame: pd.DataFrame, column: str = "target") -> pd.Series:
    """The women's and men's rows of a count indicator (not a percentage) whose ``column`` (target, target_final)
    both repeat their total's of the same period and country (200 on the f, m and total rows): the total's target
    written on each sex's row, where the women's and men's targets add up to it. Their achievement against it (25
    women of 200: 12.5 %, red) is not the women's; it is not computed."""
    out = pd.Series(False, index=frame.index)
    if frame.empty or "sex" not in frame or column not in frame or not frame["sex"].isin(["f", "m"]).any():
        return out
    value = written_once(frame, column) if column == "target_final" else frame[column].astype("float64")
    keys = ["indicator_id", "period"] + (["country"] if "country" in frame else [])
    sex = frame["sex"].astype("str").str.strip().str.lower().fillna("total")   # (empty: the total, as loaded)
    table = frame.assign(**{c: frame[c].astype("str") for c in keys}, _value=value, sex=sex.to_numpy())
    by_sex = table.pivot_table(index=keys, columns="sex", values="_value", aggfunc="first", dropna=False)
    if not {"f", "m", "total"} <= set(by_sex.columns):
        return out
    same = ((by_sex["f"] == by_sex["total"]) & (by_sex["m"] == by_sex["total"]) & (by_sex["total"] > 0)).fillna(False)
    flagged = by_sex.index[same.to_numpy(bool)]
    if not len(flagged):
        return out
    sexes = table[table["sex"].isin(["f", "m"]).to_numpy(bool)]
    hit = pd.MultiIndex.from_frame(sexes[keys]).isin(flagged) if len(keys) > 1 else sexes[keys[0]].isin(flagged)
    for index in sexes.index[np.asarray(hit, dtype=bool)]:   # (the few flagged rows: a percentage's targets repeat)
        out[index] = not is_percentage(frame.at[index, "unit"] if "unit" in frame else None,
                                       frame.at[index, "label"] if "label" in frame else None)
    return out


def _periods_written_once(frame: pd.DataFrame) -> pd.Series:
    """False on the rows of an indicator whose period ends on the day another's does, written otherwise (2020,
    2020-12, T4 2020): an actual is the value reached at the period's end, so they are two values of one figure. They
    were three periods, one of them falling below another. Across its countries and sexes too: a total of « 2020 »
    beside a women's row of 31/12/2020 (an .xlsx date cell) were the keys I1@2020 and I1@2020-12-31/f, the women's
    row of another period than its total. A period written as its first and last day (an IATI file's) is its own:
    per-period values of overlapping periods may all be right."""
    if frame.empty or "period" not in frame:
        return pd.Series(True, index=frame.index)
    spans = {p: numbers.period_span(p) for p in frame["period"].dropna().unique()}   # (each distinct period once)
    ends = {p: f"{s[0]}/{s[1]}" if "/" in str(p) and len(str(p)) > 10 else s[1].isoformat()
            for p, s in spans.items() if s is not None}
    span = frame["period"].map(ends)
    keys = pd.DataFrame({"indicator_id": frame["indicator_id"].astype("str")}
                        ).assign(_span=span, _text=frame["period"].astype("str"))
    dated = keys[span.notna().to_numpy()]
    written = dated.groupby([c for c in dated.columns if c != "_text"], sort=False)["_text"].transform("nunique")
    return ~pd.Series(written > 1, index=dated.index).reindex(frame.index, fill_value=False)


def _neither_quarter_nor_month(frame: pd.DataFrame) -> pd.Series:
    """False on a period written 2020-1 to 2020-4: a quarter or a month? (read as January to April, silently)"""
    if frame.empty or "period" not in frame:
        return pd.Series(True, index=frame.index)
    codes, periods = pd.factorize(frame["period"])   # (a few distinct periods among many rows)
    both = pd.Series(periods).astype("str").str.strip().str.fullmatch(numbers.QUARTER_OR_MONTH.pattern)
    hit = np.append(both.fillna(False).to_numpy(dtype=bool), False)[codes]   # (code -1: an empty cell)
    return pd.Series(~hit, index=frame.index)


def _no_excel_serial(frame: pd.DataFrame) -> pd.Series:
    """False on a period written as Excel's serial of a day of 1954 to 2119 (44196: a date cell saved as a number)."""
    if frame.empty or "period" not in frame:
        return pd.Series(True, index=frame.index)
    codes, periods = pd.factorize(frame["period"])
    text = pd.Series(periods).astype("str").str.strip()
    serial = pd.to_numeric(text.where(text.str.fullmatch(r"\d{5}").fillna(False).astype(bool)), errors="coerce")
    hit = np.append(((serial >= 20000) & (serial < 80000)).fillna(False).to_numpy(dtype=bool), False)[codes]
    return pd.Series(~hit, index=frame.index)


def _no_grouped_year(frame: pd.DataFrame) -> pd.Series:
    """False on a period written as a year with a thousands separator (« 2 023 », « 2.023 »: a column of years
    formatted as a number with separators in Excel and saved as CSV): a period named « 2 023 », of no date, put
    in the table's order, the key I1@2 023 that no published figure of I1@2023 finds, nothing said."""
    if frame.empty or "period" not in frame:
        return pd.Series(True, index=frame.index)
    codes, periods = pd.factorize(frame["period"])
    text = pd.Series(periods).astype("str").str.strip()
    years = r"(?:1[ \u00a0\u202f.,']9|2[ \u00a0\u202f.,'][01])\d{2}"   # 1 900 to 2 199
    grouped = text.str.fullmatch(years).fillna(False).to_numpy(dtype=bool)
    return pd.Series(~np.append(grouped, False)[codes], index=frame.index)


def _unique_together(*columns: str, folded: str = "") -> Callable[[pd.DataFrame], pd.Series]:
    """Rows equal in ``columns``; the column ``folded`` compared as names are (``Maroc`` = ``MAROC``: an indicator's
    row repeated under another spelling of its country was two achievements of one indicator, in its annex too)."""
    def check(frame: pd.DataFrame) -> pd.Series:
        if folded and folded in frame:
            names = frame[folded]
            frame = frame.assign(**{folded: names.map({n: fold(n) for n in names.dropna().unique()})})
        return ~frame.duplicated(list(columns), keep=False)

    return check


def repeats(frame: pd.DataFrame, columns: list[str]) -> list[tuple[Any, Any]]:
    """(row, the earlier row it repeats) for each row equal to an earlier one in ``columns`` (spreadsheet rows)."""
    again = frame.duplicated(columns, keep="first").to_numpy(bool)
    if not again.any():
        return []
    groups = frame.groupby(columns, dropna=False, sort=False).ngroup().to_numpy()
    first = {group: index for index, group in zip(frame.index[::-1], groups[::-1])}
    return [(index, first[group]) for index, group in zip(frame.index[again], groups[again])]


def repeated_rows(frame: pd.DataFrame, raw: Any) -> list:
    """A spending row that repeats an earlier one in every column (a block pasted twice) is counted twice: a warning
    naming the earlier row. Two equal payments on one line in one period may be true, so it is not an error."""
    # a row repeats an earlier one only where its amount repeats: only those rows are compared in every column. An
    # amount not known (refused « douze », « 1,2 mn », or empty) repeats nothing: two refused amounts were equal
    # there, and « douze » and « treize » told « this row repeats row 6 in every column: both are counted »
    if "amount" in frame:
        frame = frame[(frame["amount"].notna() & frame["amount"].duplicated(keep=False)).to_numpy(bool)]
    return [raw.problem("repeated_row", f"this row repeats row {earlier} in every column (line, period, amount, "
                        "country): both are counted",
                        "If the rows were pasted twice, delete one; two equal payments are fine (or write their sum "
                        "in one row).", index=index, column="amount", severity="warning")
            for index, earlier in repeats(frame, list(frame.columns))]


def repeated_events(frame: pd.DataFrame, raw: Any) -> list:
    """An event whose every cell but its identifier repeats an earlier event's (label, dates, country, counts): one
    training entered twice under two codes, whose participants count twice. A warning naming the earlier row; an
    event without a label or a start date is not compared (too little to tell two events apart)."""
    if not {"label", "start_date"} <= set(frame.columns):
        return []
    described = frame[frame[["label", "start_date"]].notna().all(axis=1).to_numpy(bool)]
    return [raw.problem("repeated_event", f"this event repeats the event of row {earlier} in every column but its "
                        "identifier (label, dates, country, counts): one event entered twice? Both are counted",
                        "If it is the same event, delete one row; if not, tell them apart (their label or dates).",
                        index=index, column="event_id", severity="warning")
            for index, earlier in repeats(described, [c for c in frame.columns if c != "event_id"])]


def percent_cells_of_counts(frame: pd.DataFrame, raw: Any) -> list:
    """An indicator's value in an .xlsx cell formatted as a percentage, where the indicator's unit is given and is not
    a percentage (`persons`: a format painted over the row): read as the sheet shows it, 0.5 would be 50 persons,
    10 (shown 1000 %) 1000. Refused at the cell (numbers.Percent); a cell already refused (more than 100 %) is not.
    So is a value written `45 %` (a CSV, a text cell), read as 45 persons. A unit « taux » or « part » is a
    percentage (text.PERCENT_UNIT)."""
    from .numbers import Percent, plain
    from ..text import PERCENT_UNIT

    if "unit" not in frame.columns:
        return []
    unit = frame["unit"].astype("string")
    # (« taux », « part » are percentages too: a « taux » cell shown 45 % was refused as a count)
    folded = unit.map(dict(zip(distinct := unit.dropna().unique(), map(fold, distinct)))).astype("string")   # once each
    counted = (unit.notna() & ~folded.str.contains(PERCENT_UNIT, regex=True)).fillna(False)
    problems = []
    for column in ("actual", "baseline", "target", "target_final"):
        if column not in raw.frame.columns or not counted.any():
            continue
        cells = raw.frame[column].reindex(frame.index)
        # `45 %` written as text (a CSV, a text cell) where the unit counts persons: read as 45 persons, nothing said
        written = counted & frame[column].notna() & cells.astype("string").str.contains("%", regex=False).fillna(False)
        for index in frame.index[written.to_numpy(bool)]:
            problems.append(raw.problem(
                "percent_cell_unit", f"this value is written as a percentage ('{str(cells[index]).strip()}'), and the "
                f"indicator's unit is '{frame.at[index, 'unit']}': it would be read as "
                f"{plain(float(frame.at[index, column]))} {frame.at[index, 'unit']}",
                "Write the value in the indicator's unit, without '%' (a count: the number of persons), or write the "
                "indicator's unit as a percentage (%) if the value is one.", index=index, column=column,
                value=str(cells[index]).strip()))
        if raw.sheet is None or raw.frame[column].dtype != object:
            continue
        formatted = cells.map(lambda v: type(v) is Percent).astype(bool) & counted & frame[column].notna()
        for index in frame.index[formatted.to_numpy(bool)]:
            held, read = plain(float(cells[index])), plain(float(frame.at[index, column]))
            problems.append(raw.problem(
                "percent_cell_unit", f"this cell is formatted as a percentage (the sheet shows {read} %), and the "
                f"indicator's unit is '{frame.at[index, 'unit']}': it would be read as {read}, 100 times the {held} "
                "the cell holds", f"Format the cell as a number (not a percentage) and check its value: it holds "
                f"{held}.", index=index, column=column, value=held))
    return problems


def plus_signed_targets(frame: pd.DataFrame, raw: Any) -> list:
    """A target written with a plus sign (« +20 », as a logframe writes an increase): read as the level 20, so an
    actual of 60 from a baseline of 40 was 300 % of the target, green, where +20 from 40 is a level of 60 (100 %).
    A warning at the cell: the sign may be a change or nothing. Text cells only (Excel drops the sign of a number)."""
    problems = []
    for column in ("target", "target_final"):
        if column not in raw.frame.columns or column not in frame.columns:
            continue
        cells = raw.frame[column].reindex(frame.index).astype("string").str.strip()
        signed = (cells.str.startswith("+") & frame[column].notna()).fillna(False)
        for index in frame.index[signed.to_numpy(bool)][:10]:
            base = frame.at[index, "baseline"] if "baseline" in frame.columns else None
            problems.append(raw.problem(
                "plus_signed_target", f"this target is written with a plus sign ('{cells[index]}'): it is read as "
                f"the level {numbers.plain(float(frame.at[index, column]))}" + (
                    f", not as {numbers.plain(float(frame.at[index, column]))} more than the baseline "
                    f"({numbers.plain(float(base))})" if base is not None and pd.notna(base) else ""),
                "If the target is a change, write the level to reach (the baseline plus the change); if it is the "
                "level, write it without the sign.", index=index, column=column, value=str(cells[index]),
                severity="warning"))
    return problems


def indicator_codes_written_twice(frame: pd.DataFrame, raw: Any) -> list:
    """An indicator code written two ways (`I1` and `i1`, `I 1`: case, accents and spaces; a trailing space is
    stripped on reading): two indicators, each with its rows, its count, its baseline and final target written once,
    its falls compared apart, nothing said. And a code read as a decimal number (1.1) whose rows of one country and
    sex give two labels: 1.10 typed in an Excel cell formatted as a number is kept as 1.1, so two indicators became
    one, their periods compared as one. A warning at the later row (the first 10 of each rule)."""
    if frame.empty or "indicator_id" not in frame:
        return []
    ids = frame["indicator_id"].astype("string")
    folded = ids.map({i: re.sub(r"\s+", "", fold(i)) for i in ids.dropna().unique()}).astype("object")
    problems = []
    other = folded.notna() & ids.groupby(folded, sort=False).transform("nunique").gt(1)
    if bool(other.any()):
        first = ids[other].groupby(folded[other], sort=False).transform("first")
        for index in frame.index[(other & ids.ne(first)).fillna(False).to_numpy(bool)][:10]:
            at = frame.index[ids.eq(first[index]).fillna(False).to_numpy(bool)][0]
            problems.append(raw.problem(
                "indicator_code_written_twice", f"this indicator code '{ids[index]}' is '{first[index]}' of "
                f"row {at} written otherwise: they are read as two indicators", f"Write the code one way in every row "
                f"('{first[index]}').", index=index, column="indicator_id", value=ids[index], severity="warning"))
    if "label" in frame:
        # a code Excel may have cut: 1.10 kept as 1.1
        decimal = ids.str.fullmatch(r"\d+[.,]\d+").fillna(False).astype(bool)
        if bool(decimal.any()):
            rows = frame[decimal.to_numpy(bool)]
            labels = rows["label"].astype("string")
            labels = labels.map({v: fold(v) for v in labels.dropna().unique()}).astype("object")
            keys = [rows[c].astype("str").fillna("") for c in ("indicator_id", "country", "sex") if c in rows]
            two = labels.notna() & labels.groupby(keys, sort=False).transform("nunique").gt(1)
            first = labels.where(two).groupby(keys, sort=False).transform("first")
            for index in rows.index[(two & labels.ne(first)).fillna(False).to_numpy(bool)][:10]:
                problems.append(raw.problem(
                    "indicator_code_two_labels", f"the rows of indicator {ids[index]} give it two labels: two "
                    f"indicators under one code? Excel keeps a code typed {ids[index]}0 in a cell formatted as a "
                    f"number as {ids[index]}, and they are read as one indicator", "If they are two indicators, "
                    "format the column as Text and type the codes again; if it is one, write one label.",
                    index=index, column="indicator_id", value=ids[index], severity="warning"))
    return problems


def progress_as_fractions(frame: pd.DataFrame, raw: Any) -> list:
    """Every progress of the table between 0 and 1, some of them in between (0.5, 0.25, 1): fractions of 1 typed in
    a column of percentages, where 0.5 reads as 0.5 %. A warning on the column (an .xlsx cell formatted as a
    percentage is read as the sheet shows it: numbers.Percent). A progress between 0 and 1 beside others above 1: a
    warning at its row."""
    progress = frame["progress"].dropna() if "progress" in frame.columns else pd.Series([], dtype="float64")
    between = (progress > 0) & (progress < 1)
    if not progress.empty and progress.max() > 1 and between.any():
        # a few fractions among percentages (« 0,45 » beside « 60 », « 45% »): each read as 0.45 %, where the
        # column's other values say 45 % (Sénégal's mean progress 30 % for 52.5 %), and the rule above is silent
        top = f"{progress.max():g}"
        return [raw.problem("progress_fractions", f"this progress is between 0 and 1, where the table's others are "
                            f"percentages (up to {top}): a fraction of 1? {v:g} is read as {v:g} %",
                            f"Write it as a percentage from 0 to 100 ({v * 100:g} if it is {v * 100:g} %).",
                            index=index, column="progress", value=f"{v:g}", severity="warning")
                for index, v in progress[between].items()]
    if progress.empty or progress.max() > 1 or not between.any():
        return []
    shown = ", ".join(f"{v:g}" for v in progress.head(4))
    return [raw.problem("progress_fractions", f"every progress of the table is between 0 and 1 ({shown}"
                        f"{', …' if len(progress) > 4 else ''}): fractions of 1, where the column holds percentages? "
                        "0.5 is read as 0.5 %", "Write progress as a percentage from 0 to 100 (50 for half done).",
                        index=progress.index[0], column="progress", value=f"{progress.iloc[0]:g}",
                        severity="warning")]


def weights_partly_given(frame: pd.DataFrame, raw: Any) -> list:
    """Weights on some activities only, written as amounts or days (50 000, 20 000): an empty weight counts 1, next to
    nothing beside them, and the execution rate is then made of the weighted activities alone. Refused at the first
    activity without one; weights of a few units (1, 2, 3) may leave the others at 1, as the contract says."""
    if "weight" not in frame.columns:
        return []
    given = frame["weight"].dropna()
    if given.empty or len(given) == len(frame) or given.median() < 10:
        return []
    empty = frame.index[frame["weight"].isna().to_numpy(bool)]
    shown = ", ".join(f"{v:,.0f}".replace(",", " ") for v in given.head(3))
    return [raw.problem("weight_missing", f"this activity has no weight, and {len(given)} of the {len(frame)} "
                        f"activities have one, in tens or more ({shown}...): counted 1 beside them, it would weigh "
                        f"next to nothing in the execution rate ({len(empty)} activities without a weight)",
                        "Give every activity a weight on the same scale (its budget, its days), or none at all.",
                        index=empty[0], column="weight")]


def _women_le_participants(frame: pd.DataFrame) -> pd.Series:
    return ~(frame["women"] > frame["participants"])


def _women_men_le_participants(frame: pd.DataFrame) -> pd.Series:
    too_many = (frame["women"].fillna(0) + frame["men"]) > frame["participants"]
    return ~(too_many & ~(frame["women"] > frame["participants"]))  # women alone too many: reported once, above


COUNT = (Check("count_negative", "ge", (0,)), Check("count_integer", "whole"))
ID = dict(required=True, filled=True)
# (« Pays bénéficiaire » was not read: every row the project's own, the country annexes empty of that table)
COUNTRY = Column("country", normalise="country", french=("pays", "pays_bénéficiaire", "pays_d'intervention",
                                                         "pays/région", "pays_/_région"))
LABEL = Column("label", french=("libellé", "intitulé", "désignation"))
BUDGET_LINES = Column("budget_lines", french=("lignes_budgétaires", "lignes_de_financement", "lignes", "ligne",
                                              "ligne_budgétaire"))  # "R1" or "R1; R6"
# a line's code as a French evaluator heads it (`Code ligne`, `N° ligne`): was refused, « the column 'line' is missing »
_LINE_CODES = ("code_ligne", "code_de_ligne", "code_de_la_ligne", "code_ligne_budgétaire", "n°_ligne", "n°_de_ligne",
               "n°_de_la_ligne", "n°_ligne_budgétaire", "no_ligne", "no._ligne", "no_de_ligne", "numéro_de_ligne",
               "numéro_ligne", "numéro_de_la_ligne", "ligne_n°", "réf._ligne", "réf_ligne", "référence_ligne")
LINE = Column("line", **ID, french=("ligne", "ligne_budgétaire", *_LINE_CODES))
# in the budget, the one code of its rows whatever its header (`Code`, `Réf.`); in a spending table such a header is
# as often the voucher's number, and is not read as the line (nor is `N°` anywhere: as often the rows' numbers)
BUDGET_LINE = Column("line", **ID, french=(*LINE.french, "code", "code_budgétaire", "réf.", "réf", "référence", "id"))
# the amounts' currency, when a file says it row by row: it must be the project's (loader: other_currency)
CURRENCY = Column("currency", french=("devise", "monnaie"))

def _unfinished(frame: pd.DataFrame) -> pd.Series:
    """Activities whose (known) status is neither done nor cancelled."""
    return frame["status"].notna() & ~frame["status"].isin(("done", "cancelled"))


SPEC: dict[str, Table] = {t.name: t for t in (
    Table("activities", (
        Column("activity_id", **ID, unique=True,
               french=("activité_id", "id_activité", "code_activité", "identifiant_activité", "activité", "code",
                       "identifiant", "code_de_l'activité", "n°_activité", "n°_d'activité", "n°_de_l'activité",
                       "no_activité", "numéro_d'activité", "réf.", "réf", "id")),
        Column("status", **ID, allowed=STATUS_CODES, normalise="status",
               french=("statut", "état", "état_d'avancement", "statut_d'avancement", "statut_de_l'activité",
                       "état_de_l'activité", "état_de_réalisation", "statut_de_réalisation")),
        COUNTRY, Column("result", french=("résultat",)), Column("output", french=("produit",)), LABEL,
        Column("progress", "float", percent=True, checks=(Check("progress_range", "in_range", (0, 100)),),
               french=("avancement", "progression")),
        Column("weight", "float", checks=(Check("weight_positive", "gt", (0,)),), french=("poids",)),
        Column("planned_end", "date", french=("fin_prévue", "date_de_fin_prévue")),
        Column("actual_end", "date", french=("fin_réelle", "date_de_fin_réelle")),
        Column("status_label", added=True),   # the status as written in the file
    ), warnings=(RowWarning("done_with_progress", "progress", "this activity is done but its progress is below 100: "
                            "the workbook counts it as 100 % done", "Correct the status or the progress.",
                            lambda f: f["status"].eq("done").fillna(False) & (f["progress"] < 100),
                            show_value=True),
                 RowWarning("not_started_with_progress", "progress", "this activity has not started but its progress "
                            "is above 0", "Correct the status or the progress.",
                            lambda f: f["status"].eq("not_started").fillna(False) & (f["progress"] > 0),
                            show_value=True),
                 # the status decides what is done: an activity at 100 % or with its end date, not « done », was
                 # counted as not done without a word
                 RowWarning("unfinished_at_100", "progress", "this activity's progress is 100 but its status is not "
                            "done: the execution rate counts it as not done", "Correct the status or the progress.",
                            lambda f: _unfinished(f) & (f["progress"] >= 100),
                            show_value=True),
                 RowWarning("ended_not_done", "actual_end", "this activity has an actual end date but its status is "
                            "not done: the execution rate counts it as not done", "Correct the status, or empty the "
                            "actual end date if the activity has not ended.",
                            lambda f: _unfinished(f) & f["actual_end"].notna(),
                            show_value=True)),
        raw_checks=(progress_as_fractions, weights_partly_given)),
    Table("participation", (
        Column("event_id", **ID, unique=True,
               french=("événement_id", "id_événement", "code_événement", "événement", "code", "identifiant",
                       "code_de_l'événement", "n°_événement", "n°_d'événement", "n°_de_l'événement", "no_événement",
                       "numéro_d'événement", "réf.", "réf")),
        Column("participants", "float", **ID, ambiguous=True, checks=COUNT,
               french=("nombre_de_participants", "nb_participants", "nombre_participants", "participants_total")),
        Column("women", "float", required=True, ambiguous=True, checks=COUNT,
               french=("femmes", "dont_femmes", "nombre_de_femmes", "nb_femmes", "nombre_femmes", "f", "dont_f")),
        COUNTRY, LABEL,
        Column("start_date", "date", french=("date_de_début", "début", "date_de_la_session", "jour")),
        Column("end_date", "date", french=("date_de_fin", "fin")),
        Column("group", allowed=GROUPS, normalise="enumeration", words=tuple(GROUP_WORDS.items()),
               french=("groupe",)),
        Column("men", "float", ambiguous=True, checks=COUNT,
               french=("hommes", "dont_hommes", "nombre_d'hommes", "nb_hommes", "nombre_hommes", "h", "dont_h")),
        Column("sample", "bool", french=("échantillon",)),
        BUDGET_LINES,   # the budget line(s) that finance the row (analyses.efficiency)
    ), checks=(TableCheck("women_le_participants", _women_le_participants),
               TableCheck("women_men_le_participants", _women_men_le_participants)),
        register=Register(("event_id", "sex"), (
            # `Genre` as gender-aware forms head it; `Sexe (H/F)` as a form says how to write it (was refused as a
            # table of counts, « add a column 'participants' », the register not recognised)
            Column("sex", french=("sexe", "genre", "sexe_(h/f)", "sexe_(f/h)", "sexe_h/f", "sexe_f/h", "sexe_(m/f)",
                                  "sexe_(f/m)")),
            # who the row is: a person on two rows of one event (a list per day) is counted once
            Column("person", french=("participant", "personne", "bénéficiaire", "nom", "nom_et_prénom", "nom_prénom",
                                     "nom_complet", "name", "full_name")),
            # a person's identifier, when the register has one: it tells persons apart where their names cannot
            Column("person_id", french=("identifiant_participant", "id_participant", "identifiant_personne",
                                        "id_personne", "matricule", "cin", "n°_cin", "numéro_cin",
                                        "courriel", "adresse_électronique", "e-mail", "adresse_e-mail"))),
                          ("participants", "women", "men")), raw_checks=(repeated_events,)),
    Table("budget", (
        BUDGET_LINE,
        Column("budget", "float", required=True, money=True, ambiguous=True,
               checks=(Check("budget_negative", "ge", (0,)),),
               # (not `Budget total`: beside `Budget 2020`, `Budget 2021` which one the figures use is the evaluator's
               # to say, a_budget_column_per_year)
               french=("montant", "budget_approuvé", "montant_approuvé", "montant_budgété", "budget_prévu",
                       "montant_prévu", "budget_alloué", "montant_alloué")),
        COUNTRY, LABEL,
        # (a finance office's `Rubrique`, `Nature de la dépense`: was a column silently not read, every line's
        # category empty; `Catégorie de dépense` was even told « spending, read from the expenditure table »)
        Column("category", allowed=BUDGET_CATEGORIES, normalise="enumeration", french=(
            "catégorie", "catégorie_de_dépense", "catégorie_de_dépenses", "catégorie_budgétaire", "rubrique",
            "rubrique_budgétaire", "nature", "nature_de_dépense", "nature_de_la_dépense", "nature_des_dépenses"),
               words=tuple(CATEGORY_WORDS.items())), CURRENCY,
    ), checks=(TableCheck("duplicate_line", _unique_together("line", "country")),),
        warnings=(RowWarning("budget_unknown", "budget", "the budget of this line is not given",
                             "Rates for this line cannot be computed; fill in the approved amount.",
                             lambda f: f["budget"].isna() & f["line"].notna()),),
        raw_checks=(spelt_duplicates,)),   # duplicate_line again, country names folded
    Table("expenditure", (
        LINE,
        Column("period_end", "date", **ID, period=True, french=("fin_de_période", "fin_période")),
        # (`period_label`: « Trimestre », « Semestre », « Mois » head an office's periods as « Période » does; alone, lone_period)
        # the words of a French statement for money spent; `engagé` (committed) and `prévu` (planned) are other figures
        Column("amount", "float", **ID, money=True, ambiguous=True,
               french=("montant", "dépenses", "décaissé", "décaissements", "montant_décaissé", "dépensé",
                       "montant_dépensé", "dépenses_réalisées", "réalisé", "montant_réalisé", "montant_payé",
                       "paiements")),
        COUNTRY, Column("period_label", french=("période", "libellé_période", "trimestre", "semestre", "mois")), CURRENCY,
    ), warnings=(RowWarning("negative_amount", "amount", "a negative amount (a reversal?)",
                            "Fine if it cancels an earlier spending; check it otherwise.",
                            lambda f: f["amount"] < 0, show_value=True),),
        raw_checks=(repeated_rows,)),
    Table("indicators", (
        Column("indicator_id", **ID, french=("indicateur_id", "id_indicateur", "code_indicateur", "indicateur", "code",
                                         "identifiant", "code_de_l'indicateur", "n°_indicateur", "n°_d'indicateur",
                                         "n°_de_l'indicateur", "no_indicateur", "numéro_d'indicateur", "réf.",
                                         "réf")),
        Column("period", **ID, french=("période",)),
        Column("actual", "float", required=True, ambiguous=True, percent=True,
               french=("réalisé", "valeur_réalisée", "valeur_atteinte")),
        LABEL,
        Column("level", allowed=LEVELS, normalise="enumeration", words=tuple(LEVEL_WORDS.items()), french=("niveau",)),
        Column("unit", french=("unité",)),
        Column("baseline", "float", ambiguous=True, percent=True,
               # (« Base », « Valeur de base », « Ligne de base »: a logframe's words; « base » was kept as a column of
               # its own, the baseline read as missing without a word)
               french=("référence", "valeur_de_référence", "situation_de_référence", "base", "valeur_de_base",
                       "ligne_de_base", "situation_de_base")),
        Column("target", "float", ambiguous=True, percent=True, french=("cible",)),
        Column("target_final", "float", ambiguous=True, percent=True, french=("cible_finale",)),
        Column("direction", allowed=DIRECTIONS, normalise="enumeration", words=tuple(DIRECTION_WORDS.items()),
               french=("sens",)),  # empty: increase
        COUNTRY,
        Column("sex", allowed=SEXES, normalise="sex", default="total", french=("sexe", "genre")),
        BUDGET_LINES,   # as participation's
    ), checks=(TableCheck("duplicate_indicator", _unique_together("indicator_id", "period", "country", "sex",
                                                                     folded="country")),
               TableCheck("period_written_twice", _periods_written_once),
               TableCheck("quarter_or_month", _neither_quarter_nor_month),
               TableCheck("period_excel_serial", _no_excel_serial),
               TableCheck("period_year_grouped", _no_grouped_year)),
        warnings=(RowWarning("direction_not_given", "direction", "a target is below the baseline and the direction "
                             "is not given: read as rising, the achievement would be wrong; it is not computed",
                             "Write decrease in 'direction' (sens: baisse) if the indicator should fall (a rate of "
                             "unemployment, a delay), increase if it should rise.", direction_not_given),
                  # (-20 for a rate from 50 down to 30: a decreasing indicator's 45 was rated 7 % of the way, red)
                  *(RowWarning("negative_target", column, "a negative target: a target is the level to reach, not "
                               "a change; its achievement is not computed", "Write the level to reach (30 for a rate "
                               "from 50 down by 20), and decrease (baisse) in 'direction' if the indicator should "
                               "fall.", lambda f, c=column: (f[c] < 0).fillna(False), show_value=True)
                    for column in ("target", "target_final")),
                  RowWarning("fraction_for_percent", "actual", "the indicator's unit is a percentage, and its actual "
                             "and targets are not on one scale (one a fraction of 1, the other above 1, in this row "
                             "or beside another period's): its achievement is read as written", "Write every value of the row as a percentage (45 "
                             "for 45 %), or every one as a fraction if the unit is a share.", fractions_for_percent,
                             show_value=True),
                  RowWarning("lines_without_level", "level", "this row names the budget lines that finance it, "
                             "and its level is empty: a cost per unit is computed for outputs only, so it has none",
                             "Write its level: output (produit) for a cost per unit, outcome (effet) or impact "
                             "otherwise.", lines_without_level),
                  RowWarning("targets_per_period", "target", "the period targets of this indicator add up to "
                             "its final target: targets of each period, where 'actual' is the total reached to date; "
                             "its % of the period target compares the total to date with one period's target",
                             "Write in 'target' the total due by the end of each period (20, then 50), as 'actual' "
                             "is the total reached by then.", targets_per_period, show_value=True),
                  *(RowWarning("total_target_on_sexes", column, "the women's and the men's rows of this "
                               "indicator and period both give its total's target: the total's target written on "
                               "each sex's row; their achievement is not computed", "Write each sex's own target on its "
                               "row (the women's and men's targets add up to the total's), or leave it empty.",
                               lambda f, c=column: total_target_on_sexes(f, c), show_value=True)
                    for column in ("target", "target_final")),
                  RowWarning("units_differ", "unit", "this indicator's rows give it another unit than its first "
                             "row with a unit: two measures under one code", "Give each measure its own "
                             "indicator_id, or write one unit in every row of the indicator.", units_differ),
                  RowWarning("sexes_above_total", "actual", "the women's and men's actuals of this indicator and "
                             "period add up to more than its total", "Check the three rows: women and men are part "
                             "of the total (for a count; a percentage's rows do not add up).", sexes_above_total,
                             show_value=True)),
        raw_checks=(percent_cells_of_counts, plus_signed_targets, indicator_codes_written_twice)),
    Table("reported", (
        Column("figure_id", **ID, unique=True, french=("chiffre_id", "id_chiffre", "code_chiffre")),
        Column("metric", **ID, french=("métrique", "mesure")),
        # an empty key is the whole (analyses.reconcile.default_key: all, total for a budget figure), as
        # data/README.md says: it was refused, « fill it in », beside a README telling to leave it empty
        Column("key", required=True, french=("clé",)),
        Column("value", **ID, french=("valeur", "valeur_publiée", "chiffre_publié", "valeur_rapportée")),
        Column("comparison", allowed=COMPARISONS, normalise="comparison", default="=", french=("comparaison",)),
        # the value's unit when the report's table gives it apart (« milliers USD »): read with the value
        Column("unit", french=("unité", "unités")),
        LABEL, Column("source", french=("source",)),
        Column("country", normalise="country", french=("pays",)),  # which annex checks it: empty = the "all" annex
    )),
)}

# ----------------------------------------------------------------- derived views (the names callers know)
TABLES = tuple(SPEC)
# table -> {column: kind}; the required columns come first. Kinds: str, float, date, bool.
COLUMNS: dict[str, dict[str, str]] = {t.name: {c.name: c.kind for c in t.columns} for t in SPEC.values()}
REQUIRED: dict[str, tuple[str, ...]] = {t.name: t.required for t in SPEC.values()}
MONEY_COLUMNS = frozenset((t.name, c.name) for t in SPEC.values() for c in t.columns if c.money)
AMBIGUOUS_COLUMNS = frozenset((t.name, c.name) for t in SPEC.values() for c in t.columns if c.ambiguous)
ALLOWED: dict[tuple[str, str], tuple[str, ...]] = {(t.name, c.name): c.allowed for t in SPEC.values()
                                                   for c in t.columns if c.allowed}
DEFAULTS = {(t.name, c.name): c.default for t in SPEC.values() for c in t.columns if c.default is not None}
ENUMERATIONS = frozenset((t.name, c.name) for t in SPEC.values() for c in t.columns if c.normalise == "enumeration")
REGISTER_REQUIRED = SPEC["participation"].register.required   # a participation file may be a register
# French headers read as the contract's columns (data/README.md, "French headers"), per table: the header as
# written, lowercased with spaces as '_' (accents are ignored when matching). A contract header present in the same
# file wins.
FRENCH_HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    t.name: {c.name: c.french for c in (*t.columns, *(t.register.columns if t.register else ())) if c.french}
    for t in SPEC.values()}
# English headers as the monitoring tables of English-language projects write them (data/README.md, "English
# headers"): `Budget line`, `Event`, `Female`. Read like the French ones.
_LINE = ("budget_line", "budget_line_code", "line_code", "budget_code", "line_no", "line_no.", "line_number",
         "budget_line_no", "budget_line_number", "line_ref")
ENGLISH_HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "activities": {"activity_id": ("activity", "activity_code"), "planned_end": ("planned_end_date",),
                   "actual_end": ("actual_end_date", "completion_date"), "label": ("description", "title")},
    "participation": {"event_id": ("event", "event_code"),
                      "participants": ("number_of_participants", "total_participants"),
                      "women": ("female", "females", "number_of_women", "of_which_women"),
                      "men": ("male", "males", "number_of_men", "m"), "start_date": ("start", "date"),
                      "end_date": ("end",),
                      "group": ("target_group",), "label": ("description", "title"),
                      "sex": ("gender", "sex_(m/f)", "sex_(f/m)", "gender_(m/f)", "gender_(f/m)"),
                      "person": ("participant_name",),
                      "person_id": ("participant_id", "participant_code", "id_number", "email", "email_address"),
                      "budget_lines": ("budget_line", "lines", "line")},
    "budget": {"line": _LINE, "budget": ("approved_budget", "budget_amount", "amount"), "category": ("cost_category", "expense_category", "budget_category"),
               "label": ("description",)},
    "expenditure": {"line": _LINE, "period_end": ("date", "period_end_date", "end_of_period"),
                    "amount": ("amount_spent", "expenditure", "spent", "disbursed", "disbursements",
                               "amount_disbursed", "actual_expenditure", "expenses", "actual")},
    "indicators": {"indicator_id": ("indicator", "indicator_code"), "actual": ("achieved", "actual_value"),
                   "baseline": ("baseline_value",), "target": ("target_value",),
                   "target_final": ("final_target", "end_of_project_target"), "unit": ("unit_of_measure",),
                   "label": ("description",), "budget_lines": ("budget_line", "lines", "line")},
    "reported": {"figure_id": ("figure", "figure_code"), "value": ("published_value", "reported_value"),
                 "unit": ("units", "unit_of_measure")},
}
# every header read as a contract column, French and English
HEADER_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    table: {column: (*FRENCH_HEADERS.get(table, {}).get(column, ()), *ENGLISH_HEADERS.get(table, {}).get(column, ()))
            for column in {*FRENCH_HEADERS.get(table, {}), *ENGLISH_HEADERS.get(table, {})}}
    for table in SPEC}


def blank(index: pd.Index, kind: str) -> pd.Series:
    """An absent optional column of a kind: empty values (False for yes/no columns)."""
    if kind == "bool":
        return pd.Series(False, index=index, dtype="bool")
    return pd.Series(None, index=index, dtype=KINDS[kind])
