"""The data contract: which tables a project has, their columns, and the impact-study description.

After loading (``helpers.loader.load_project``) every table has *all* its columns, in this order, with these types,
whether or not the file had the optional ones; an absent file gives an empty table. Analyses can rely on that.

Types after loading: ``str`` columns hold stripped text or NA; ``float`` columns hold float64 (NaN when empty);
``date`` columns hold datetime64[ns] (NaT when empty); ``bool`` columns hold True/False.
``country`` is "regional" for rows whose country is empty or "regional" (they belong to the project as a whole).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

REGIONAL = "regional"

STATUS_CODES = ("done", "in_progress", "not_started", "delayed", "seriously_delayed", "on_time", "ahead", "cancelled")
GROUPS = ("government", "workers", "employers", "civil_society", "migrants", "other")
BUDGET_CATEGORIES = ("staff", "operational", "support", "other")
LEVELS = ("impact", "outcome", "output")
DIRECTIONS = ("increase", "decrease")
SEXES = ("total", "f", "m")
COMPARISONS = ("=", ">", ">=", "<", "<=", "~")

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
# A participation file may instead be a register, one row per person, aggregated on load.
REGISTER_REQUIRED = ("event_id", "sex")

TABLES = tuple(COLUMNS)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TreatmentSpec(_Strict):
    column: str
    treated: str | int | float | bool


class PeriodSpec(_Strict):
    column: str
    post: str | int | float | bool


class StudySpec(_Strict):
    """data/<project>/impact/<study>.yaml: what the microdata in <study>.csv is and how to compare its groups."""

    title: str
    design: Literal["two_group", "did"]
    outcomes: list[str] = Field(min_length=1)
    treatment: TreatmentSpec
    period: PeriodSpec | None = None
    covariates: list[str] = Field(default_factory=list)
    adjust: bool = False
    cluster: str | None = None
    se: Literal["robust", "classical", "cluster"] = "robust"
    subgroups: list[str] = Field(default_factory=list)
    synthetic: bool = False
    source: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> "StudySpec":
        if self.design == "did" and self.period is None:
            raise ValueError("design 'did' needs a 'period' (column and post value)")
        if self.se == "cluster" and not self.cluster:
            raise ValueError("se 'cluster' needs a 'cluster' column")
        return self

    def columns(self) -> list[str]:
        """Every column the description names; each must exist in the CSV."""
        named = [self.treatment.column, *self.outcomes, *self.covariates, *self.subgroups]
        if self.period:
            named.append(self.period.column)
        if self.cluster:
            named.append(self.cluster)
        return list(dict.fromkeys(named))
