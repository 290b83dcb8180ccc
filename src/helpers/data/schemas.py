"""The data contract's rules as pandera schemas, derived from the tables' specifications (``spec.SPEC``).

The tables, their columns and vocabularies are in ``spec``, the impact-study description in ``model``; their names
are re-exported here (``schemas.COLUMNS``, ``schemas.StudySpec``...) for the callers that know them from here.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Hashable

import numpy as np
import pandas as pd
import pandera.pandas as pa

from ..errors import Problem
from .countries import country_prefixes
from .model import ADJUSTMENTS, Label, PeriodSpec, PropensityTerm, StudySpec, TreatmentSpec  # noqa: F401 (re-exported)
from .spec import (ALLOWED, BUDGET_CATEGORIES, COLUMNS, COMPARISONS, DIRECTIONS, FINANCED_TABLES,  # noqa: F401
                   FRENCH_HEADERS, GROUPS, LEVELS, MONEY_COLUMNS, REGIONAL, REGISTER_REQUIRED, REQUIRED, SEXES, SPEC,
                   RULES, STATUS_CODES, TABLES, Check, Column, Rule, Table, split_lines, whole_or_empty)

# ---------------------------------------------------------------------------------------------------------------
# The rules on typed tables, as pandera schemas.
#
# The loader types each column first (numbers, dates, status codes: a cell that cannot be typed is reported there);
# these schemas then check what typed values must satisfy. Every check carries ``error=<rule name>``; spec.RULES says,
# for each rule, which column a person should look at and what to do. ``validate_table`` turns pandera's failure cases
# into errors.Problem records (one per row and rule). Rules across tables (an expenditure line must be in the budget)
# are in the loader.
# ---------------------------------------------------------------------------------------------------------------


_BUILT_IN_RULES = {"not_nullable": "required_value", "field_uniqueness": "duplicate_id"}


_OPS = {"ge": pa.Check.ge, "gt": pa.Check.gt, "in_range": pa.Check.in_range}


def _check(check: Check) -> pa.Check:
    if check.op == "whole":
        return pa.Check(whole_or_empty, error=check.rule)
    return _OPS[check.op](*check.args, error=check.rule)


def _column(column: Column) -> pa.Column:
    checks = [_check(c) for c in column.checks]
    if column.allowed:
        checks.append(pa.Check.isin(list(column.allowed), error="allowed_values"))
    if column.kind == "str":
        return pa.Column(None, nullable=not column.filled, unique=column.unique, checks=checks, required=True)
    if column.kind == "bool":
        return pa.Column("bool", checks=checks)
    return pa.Column(column.dtype, nullable=not column.filled, checks=checks)


def _checked(column: Column) -> bool:
    """Free text that may be empty has nothing to check."""
    return column.kind != "str" or column.filled or column.unique or bool(column.allowed or column.checks)


def schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema of one table's specification."""
    return pa.DataFrameSchema({c.name: _column(c) for c in table.columns if _checked(c) and not c.added},
                              checks=[pa.Check(c.test, error=c.rule) for c in table.checks])


SCHEMAS: dict[str, pa.DataFrameSchema] = {name: schema(table) for name, table in SPEC.items()}


def validate_table(table: str, frame: pd.DataFrame, file: str,
                   where: Callable[[Hashable | None, str | None], dict[str, Any]],
                   written: pd.DataFrame | None = None) -> list[Problem]:
    """Every rule of SCHEMAS[table] the typed frame breaks, as Problems (one per row, column and rule).

    ``where(index, column)`` gives the Problem's row / cell / column for a frame index (see readers.RawTable.where);
    ``written``, the cells as read (same index and columns), the value a word not allowed is shown as.
    """
    try:
        SCHEMAS[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _problems(table, exc.failure_cases, frame, file, where, written)
    return []


def _problems(table: str, cases: pd.DataFrame, frame: pd.DataFrame, file: str, where,
              written: pd.DataFrame | None = None) -> list[Problem]:
    problems: dict[tuple[str, Any, str | None], Problem] = {}
    repeated: dict[str, Any] = {}
    for case in cases.to_dict("records"):
        check = str(case["check"])
        rule_name = _BUILT_IN_RULES.get(check, check)
        rule = RULES.get(rule_name)
        index = case["index"]
        if rule is None or index is None or pd.isna(index):  # a schema-level failure (a bug in the loader)
            problems[(check, None, case["column"])] = Problem(file, "schema", f"{case['column']}: {check}",
                                                              "Please report this to the workbook maintainers.")
            continue
        column = rule.column or case["column"]
        if (rule_name, index, column) in problems:
            continue
        value = frame.at[index, column] if column in frame.columns and index in frame.index else None
        # the cell as the user wrote it: a word (« Personnel local », not « personnel_local » as compared), a number
        # (« 1,500 » of a project whose decimal mark is ',', not Python's « 1.5 »)
        if written is not None and column in written.columns and index in written.index \
                and isinstance(written.at[index, column], str):
            value = written.at[index, column]
        hint = rule.hint
        if rule_name == "allowed_values":
            hint = "Use one of: " + ", ".join(ALLOWED.get((table, column), ())) + "."
            spec = SPEC[table].column(column) if table in SPEC else None
            if spec is not None and spec.words:   # the words read as each code ('personnel' is staff)
                words: dict[str, list[str]] = {}
                for word, code in spec.words:
                    words.setdefault(code, []).append(word.replace("_", " "))
                hint += " Also read: " + "; ".join(f"{', '.join(w[:3])} = {c}" for c, w in words.items()) + "."
        elif rule_name == "duplicate_line" and value is not None and DECIMAL_CODE.fullmatch(str(value)):
            hint = (f"If they are two lines ({value} and {value}0, say), Excel kept a code typed {value}0 in a cell "
                    f"formatted as a number as {value}: format the column as Text and type the codes again. If it is "
                    "one line, give it one row per country (add the amounts).")
        elif rule_name == "duplicate_indicator" and value is not None and DECIMAL_CODE.fullmatch(str(value)):
            # 1.1 and 1.10 of one period, both kept 1.1 by Excel: « keep one row » would delete an indicator
            hint = (f"If they are two indicators ({value} and {value}0, say), Excel kept a code typed {value}0 in a "
                    f"cell formatted as a number as {value}: format the column as Text and type the codes again. "
                    + rule.hint)
        elif rule_name == "duplicate_id" and value is not None:
            if column not in repeated:   # once per column: a broken file may repeat 100 000 identifiers
                repeated[column] = _duplicate_hints(table, frame, column)
            hint = repeated[column].get(value, hint)
        problems[(rule_name, index, column)] = Problem(
            file, rule_name, rule.message, hint,
            value=None if value is None or pd.isna(value) else _show(value),
            **where(index, column))
    return sorted(problems.values(), key=lambda p: (p.row or 0, p.column or "", p.rule))


# a code that reads as a decimal number (1.1, 2,3): Excel drops its last zeros when it is typed in a number cell
DECIMAL_CODE = re.compile(r"\d+[.,]\d+")


def _duplicate_hints(table: str, frame: pd.DataFrame, column: str) -> dict[Any, str]:
    """The hint of each repeated identifier whose rows say more than "give each row its own identifier": one used in
    several countries (codes restarting at A1 in each), or, in participation, an event on rows of 1 participant each
    (a list of persons written as counts). Grouped at once, whatever the number of identifiers."""
    rows = frame[frame[column].duplicated(keep=False)]
    hints: dict[Any, str] = {}
    if "country" in rows.columns:
        pairs = pd.DataFrame({"value": rows[column].to_numpy(dtype=object),
                              "country": rows["country"].astype(object).to_numpy()}).dropna()
        pairs = pairs.assign(country=pairs["country"].astype(str)).drop_duplicates().sort_values(
            ["value", "country"], key=lambda c: c.astype(str), kind="mergesort")
        values, countries = pairs["value"].to_numpy(dtype=object), pairs["country"].tolist()
        starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values) else np.array([], int)
        for start, end in zip(starts, np.r_[starts[1:], len(values)]):
            if end - start > 1:
                value, names = values[start], countries[start:end]
                examples = ", ".join(f"{prefix}-{_show(value)}" for prefix in country_prefixes(names))
                hints[value] = (f"'{_show(value)}' is used in {', '.join(names[:-1])} and {names[-1]}: an "
                                f"identifier names one row of the whole project; put the country in it ({examples}).")
    if table == "participation" and "participants" in rows.columns:
        ones = rows["participants"].eq(1).groupby(rows[column]).all()
        for value in ones.index[ones.to_numpy(bool)]:
            hints.setdefault(value, "Its rows count one participant each: for a list of persons, write a register "
                                    "instead, the columns event_id and sex (f or m) and no 'participants' or 'women' "
                                    "column; it is counted per event.")
    return hints


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)
