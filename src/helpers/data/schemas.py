"""The data contract: which tables a project has, their columns, and the impact-study description.

After loading (``helpers.data.loader.load_project``) every table has *all* its columns, in this order, with these types,
whether or not the file had the optional ones; an absent file gives an empty table. Analyses can rely on that.

Types after loading: ``str`` columns hold stripped text or NA; ``float`` columns hold float64 (NaN when empty);
``date`` columns hold datetime64[ns] (NaT when empty); ``bool`` columns hold True/False.
``country`` is "regional" for rows whose country is empty or "regional" (they belong to the project as a whole).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Hashable

import pandas as pd
import pandera.pandas as pa

from ..errors import Problem
from .model import ADJUSTMENTS, Label, PeriodSpec, PropensityTerm, StudySpec, TreatmentSpec  # noqa: F401 (re-exported)
from .spec import (BUDGET_CATEGORIES, COMPARISONS, DIRECTIONS, FINANCED_TABLES, GROUPS, LEVELS,  # noqa: F401
                   REGIONAL, SEXES, STATUS_CODES, split_lines)

# table -> {column: type}; the required columns come first. Types: str, float, date, bool.
COLUMNS: dict[str, dict[str, str]] = {
    "activities": {
        "activity_id": "str", "status": "str",
        "country": "str", "result": "str", "output": "str", "label": "str",
        "progress": "float", "weight": "float", "planned_end": "date", "actual_end": "date",
        "status_label": "str",  # added by the loader: the status as written in the file
    },
    "participation": {
        "event_id": "str", "participants": "float", "women": "float",
        "country": "str", "label": "str", "start_date": "date", "end_date": "date", "group": "str",
        "men": "float", "sample": "bool",
        "budget_lines": "str",  # the budget line(s) that finance the row: "R1" or "R1; R6" (analyses.efficiency)
    },
    "budget": {
        "line": "str", "budget": "float",
        "country": "str", "label": "str", "category": "str",
    },
    "expenditure": {
        "line": "str", "period_end": "date", "amount": "float",
        "country": "str", "period_label": "str",
    },
    "indicators": {
        "indicator_id": "str", "period": "str", "actual": "float",
        "label": "str", "level": "str", "unit": "str", "baseline": "float", "target": "float",
        "target_final": "float", "direction": "str", "country": "str", "sex": "str",
        "budget_lines": "str",  # as participation's
    },
    "reported": {
        "figure_id": "str", "metric": "str", "key": "str", "value": "str",
        "comparison": "str", "label": "str", "source": "str",
        "country": "str",  # which annex checks the figure: empty = the project-wide ("all") annex
    },
}

REQUIRED: dict[str, tuple[str, ...]] = {
    "activities": ("activity_id", "status"),
    "participation": ("event_id", "participants", "women"),
    "budget": ("line", "budget"),
    "expenditure": ("line", "period_end", "amount"),
    "indicators": ("indicator_id", "period", "actual"),
    "reported": ("figure_id", "metric", "key", "value"),
}
# Columns of amounts of money: there, "(1 234,00)" and "1234,00-" are negatives as finance systems export them.
MONEY_COLUMNS = frozenset({("budget", "budget"), ("expenditure", "amount")})
# A participation file may instead be a register, one row per person, aggregated on load.
REGISTER_REQUIRED = ("event_id", "sex")

TABLES = tuple(COLUMNS)


# French headers read as the contract's columns (data/README.md, "French headers"), per table: the header as written,
# lowercased with spaces as '_' (accents are ignored when matching). The first name of each column is the one
# looked for when a header row sits below title rows. A contract header present in the same file wins.
FRENCH_HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "activities": {"activity_id": ("activité_id", "id_activité", "code_activité", "identifiant_activité"),
                   "status": ("statut", "état"), "country": ("pays",), "result": ("résultat",),
                   "output": ("produit",), "label": ("libellé", "intitulé"),
                   "progress": ("avancement", "progression"), "weight": ("poids",),
                   "planned_end": ("fin_prévue", "date_de_fin_prévue"),
                   "actual_end": ("fin_réelle", "date_de_fin_réelle")},
    "participation": {"event_id": ("événement_id", "id_événement", "code_événement", "événement"),
                      "participants": ("nombre_de_participants",), "women": ("femmes",),
                      "men": ("hommes",), "sex": ("sexe",), "country": ("pays",),
                      "label": ("libellé", "intitulé"), "start_date": ("date_de_début", "début"),
                      "end_date": ("date_de_fin", "fin"), "group": ("groupe",), "sample": ("échantillon",),
                      "budget_lines": ("lignes_budgétaires", "lignes_de_financement")},
    "budget": {"line": ("ligne", "ligne_budgétaire"), "budget": ("montant", "budget_approuvé"), "country": ("pays",),
               "label": ("libellé", "intitulé"), "category": ("catégorie",)},
    "expenditure": {"line": ("ligne", "ligne_budgétaire"), "period_end": ("fin_de_période", "fin_période"),
                    "amount": ("montant", "dépenses"), "country": ("pays",),
                    "period_label": ("période", "libellé_période")},
    "indicators": {"indicator_id": ("indicateur_id", "id_indicateur", "code_indicateur", "indicateur"),
                   "period": ("période",), "actual": ("réalisé", "valeur_réalisée", "valeur_atteinte"),
                   "label": ("libellé", "intitulé"), "level": ("niveau",), "unit": ("unité",),
                   "baseline": ("référence", "valeur_de_référence", "situation_de_référence"),
                   "target": ("cible",), "target_final": ("cible_finale",), "direction": ("sens",),
                   "country": ("pays",), "sex": ("sexe",),
                   "budget_lines": ("lignes_budgétaires", "lignes_de_financement")},
    "reported": {"figure_id": ("chiffre_id", "id_chiffre", "code_chiffre"), "metric": ("métrique", "mesure"),
                 "key": ("clé",), "value": ("valeur",), "comparison": ("comparaison",),
                 "label": ("libellé", "intitulé"), "source": ("source",), "country": ("pays",)},
}


# ---------------------------------------------------------------------------------------------------------------
# The rules on typed tables, as pandera schemas.
#
# The loader types each column first (numbers, dates, status codes: a cell that cannot be typed is reported there);
# these schemas then check what typed values must satisfy. Every check carries ``error=<rule name>``; RULES says, for
# each rule, which column a person should look at and what to do. ``validate_table`` turns pandera's failure cases
# into errors.Problem records (one per row and rule). Rules across tables (an expenditure line must be in the budget)
# are in the loader.
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
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
                                "Keep one row per indicator, period, country and sex.", column="indicator_id"),
}
_BUILT_IN_RULES = {"not_nullable": "required_value", "field_uniqueness": "duplicate_id"}


def _allowed(values: tuple[str, ...]) -> pa.Check:
    return pa.Check.isin(list(values), error="allowed_values")


def _text(required: bool = False, unique: bool = False, allowed: tuple[str, ...] | None = None) -> pa.Column:
    return pa.Column(None, nullable=not required, unique=unique, checks=[_allowed(allowed)] if allowed else [],
                     required=True)


def _number(*checks: pa.Check, required: bool = False) -> pa.Column:
    return pa.Column("float64", nullable=not required, checks=list(checks))


def _date(required: bool = False) -> pa.Column:
    return pa.Column("datetime64[ns]", nullable=not required)


def _whole(series: pd.Series) -> pd.Series:
    return series.isna() | (series == series.round())


_COUNT = (pa.Check.ge(0, error="count_negative"), pa.Check(_whole, error="count_integer"))


def _duplicated(*columns: str) -> Callable[[pd.DataFrame], pd.Series]:
    def check(frame: pd.DataFrame) -> pd.Series:
        return ~frame.duplicated(list(columns), keep=False)

    return check


def _women_le_participants(frame: pd.DataFrame) -> pd.Series:
    return ~(frame["women"] > frame["participants"])


def _women_men_le_participants(frame: pd.DataFrame) -> pd.Series:
    too_many = (frame["women"].fillna(0) + frame["men"]) > frame["participants"]
    return ~(too_many & ~(frame["women"] > frame["participants"]))  # women alone too many: reported once, above


SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "activities": pa.DataFrameSchema({
        "activity_id": _text(required=True, unique=True),
        "status": _text(required=True, allowed=STATUS_CODES),
        "progress": _number(pa.Check.in_range(0, 100, error="progress_range")),
        "weight": _number(pa.Check.gt(0, error="weight_positive")),
        "planned_end": _date(), "actual_end": _date(),
    }),
    "participation": pa.DataFrameSchema({
        "event_id": _text(required=True, unique=True),
        "participants": _number(*_COUNT, required=True),
        "women": _number(*_COUNT),
        "men": _number(*_COUNT),
        "group": _text(allowed=GROUPS),
        "start_date": _date(), "end_date": _date(),
        "sample": pa.Column("bool"),
    }, checks=[pa.Check(_women_le_participants, error="women_le_participants"),
               pa.Check(_women_men_le_participants, error="women_men_le_participants")]),
    "budget": pa.DataFrameSchema({
        "line": _text(required=True),
        "budget": _number(pa.Check.ge(0, error="budget_negative")),
        "category": _text(allowed=BUDGET_CATEGORIES),
    }, checks=[pa.Check(_duplicated("line", "country"), error="duplicate_line")]),
    "expenditure": pa.DataFrameSchema({
        "line": _text(required=True),
        "period_end": _date(required=True),
        "amount": _number(required=True),
    }),
    "indicators": pa.DataFrameSchema({
        "indicator_id": _text(required=True),
        "period": _text(required=True),
        "actual": _number(), "baseline": _number(), "target": _number(), "target_final": _number(),
        "level": _text(allowed=LEVELS),
        "direction": _text(allowed=DIRECTIONS),
        "sex": _text(allowed=SEXES),
    }, checks=[pa.Check(_duplicated("indicator_id", "period", "country", "sex"), error="duplicate_indicator")]),
    "reported": pa.DataFrameSchema({
        "figure_id": _text(required=True, unique=True),
        "metric": _text(required=True), "key": _text(required=True), "value": _text(required=True),
        "comparison": _text(allowed=COMPARISONS),
    }),
}
ALLOWED: dict[tuple[str, str], tuple[str, ...]] = {
    ("activities", "status"): STATUS_CODES, ("participation", "group"): GROUPS,
    ("budget", "category"): BUDGET_CATEGORIES, ("indicators", "level"): LEVELS,
    ("indicators", "direction"): DIRECTIONS, ("indicators", "sex"): SEXES, ("reported", "comparison"): COMPARISONS,
}


def validate_table(table: str, frame: pd.DataFrame, file: str,
                   where: Callable[[Hashable | None, str | None], dict[str, Any]]) -> list[Problem]:
    """Every rule of SCHEMAS[table] the typed frame breaks, as Problems (one per row, column and rule).

    ``where(index, column)`` gives the Problem's row / cell / column for a frame index (see readers.RawTable.where).
    """
    try:
        SCHEMAS[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _problems(table, exc.failure_cases, frame, file, where)
    return []


def _problems(table: str, cases: pd.DataFrame, frame: pd.DataFrame, file: str, where) -> list[Problem]:
    problems: dict[tuple[str, Any, str | None], Problem] = {}
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
        hint = rule.hint
        if rule_name == "allowed_values":
            hint = "Use one of: " + ", ".join(ALLOWED.get((table, column), ())) + "."
        problems[(rule_name, index, column)] = Problem(
            file, rule_name, rule.message, hint,
            value=None if value is None or pd.isna(value) else _show(value),
            **where(index, column))
    return sorted(problems.values(), key=lambda p: (p.row or 0, p.column or "", p.rule))


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)
