"""The data types the analyses receive: ``ProjectData`` (a validated project), ``Study`` (an impact study) and the
study description (``StudySpec``), plus ``scope`` (the rows of one annex's country).

Reading and validating files is the loader's (``helpers.data.loader``); this module imports neither pandera nor
the readers, so that ``helpers.analyses`` can be imported without them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import Problem
from ..text import fold, is_all
from . import numbers
from .lines import line_country

if TYPE_CHECKING:
    from .params import ProjectParams

# a study's countries under another header than 'country' (« Pays »): not read as its country (loader warns)
COUNTRY_HEADERS = {"country", "pays", "pais", "countries", "country_name", "nom_du_pays", "nom_pays", "pays_d'origine",
                   "pays_de_residence", "pays_d'intervention"}


def country_named_otherwise(frame: pd.DataFrame) -> str | None:
    """The column of a study's data headed like a country (COUNTRY_HEADERS) when none is headed 'country'."""
    if "country" in frame.columns:
        return None
    return next((c for c in frame.columns if isinstance(c, str) and fold(c).strip(" :").replace(" ", "_")
                 in COUNTRY_HEADERS), None)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TreatmentSpec(_Strict):
    column: str
    treated: str | int | float | bool


class PeriodSpec(_Strict):
    column: str
    post: str | int | float | bool
    order: list[str | int | float] | None = None  # the periods in time order, when they are words (pre-trend check)


class Label(_Strict):
    """A name in the annex's two languages; ``values`` names a subgroup column's values (code -> label)."""

    fr: str | None = None
    en: str | None = None
    values: dict[str, "Label"] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _one_name(cls, data: Any) -> Any:
        # `labels: {score: "Score (MAD)"}`, one name for both languages, was refused in English (« Input should be a
        # valid dictionary or instance of Label »)
        return {"fr": data, "en": data} if isinstance(data, str) else data

    def text(self, lang: str) -> str | None:
        return self.fr if lang == "fr" else self.en


class PropensityTerm(_Strict):
    """One term of the propensity score, written as data (never a formula): a column as a number, its power, a flag
    for "is zero", one 0/1 column per category (the first, in sorted order, is the reference), or the product of
    several numeric columns. A bare column name in the YAML is ``{column: name}``."""

    column: str | None = None
    power: int = Field(1, ge=1, le=4)
    is_zero: bool = False
    categories: bool = False
    interaction: list[str] | None = Field(None, min_length=2)

    @model_validator(mode="after")
    def _one_kind(self) -> "PropensityTerm":
        if (self.column is None) == (self.interaction is None):
            raise ValueError("a term names either a 'column' or an 'interaction' (a list of columns)")
        if sum([self.power != 1, self.is_zero, self.categories]) > 1 or (
                self.interaction is not None and (self.power != 1 or self.is_zero or self.categories)):
            raise ValueError("a term takes one transform: power, is_zero or categories (or is an interaction)")
        return self

    def columns(self) -> list[str]:
        return list(self.interaction) if self.interaction is not None else [str(self.column)]


ADJUSTMENTS = ("none", "regression", "ipw", "aipw")
DIFFERENTIAL_ATTRITION = 0.05   # an impact study's arms whose attrition rates are this far apart are told (make check,
                                # the annex): the groups then compare different persons (WWC: bias grows with the gap)


class StudySpec(_Strict):
    """data/<project>/impact/<study>.yaml: what the microdata in <study>.csv is and how to compare its groups."""

    title: str
    design: Literal["two_group", "did"]
    outcomes: list[str] = Field(min_length=1)
    treatment: TreatmentSpec
    period: PeriodSpec | None = None
    covariates: list[str] = Field(default_factory=list)
    cluster: str | None = None
    se: Literal["robust", "classical", "cluster"] = "robust"
    subgroups: list[str] = Field(default_factory=list)
    synthetic: bool = False
    source: str = ""
    # a comparison group not drawn at random (helpers.analyses.propensity; data/README.md)
    adjustment: Literal["none", "regression", "ipw", "aipw"] = "none"
    estimand: Literal["ate", "att"] = "att"
    propensity: list[PropensityTerm] = Field(default_factory=list)  # empty: the covariates, as they are
    trim: tuple[float, float] | None = None
    unit: str | None = None      # the person (or unit) column: N counts units; did: its baseline row gives its score
    randomised: bool = False     # the comparison was drawn at random: the effect is an intention-to-treat effect
    registry: str = ""           # the pre-registration, e.g. "AEARCTR-0001234" (AEA RCT Registry)
    exploratory: list[str] = Field(default_factory=list)  # outcomes not in the pre-analysis plan
    labels: dict[str, Label] = Field(default_factory=dict)

    @field_validator("outcomes")
    @classmethod
    def _each_once(cls, outcomes: list[str]) -> list[str]:
        """An outcome listed twice (`[revenu, emploi, Revenu]`, one column as the header is read) was estimated
        twice and counted as two tests: its Holm-adjusted p doubled beside 3 outcomes, the annex showing it twice."""
        twice = list(dict.fromkeys(o for o in outcomes if outcomes.count(o) > 1))
        if twice:
            raise ValueError(f"names {', '.join(twice)} twice (case and spaces aside, as the header is read): each "
                             "outcome listed is estimated and counted as one test of the Holm-adjusted p-values; "
                             "list it once")
        return outcomes

    @model_validator(mode="before")
    @classmethod
    def _bare_terms(cls, raw: Any) -> Any:
        """``propensity: [age, {column: age, power: 2}]``: a bare name is the column as it is."""
        if isinstance(raw, dict) and isinstance(raw.get("propensity"), list):
            raw = {**raw, "propensity": [{"column": t} if isinstance(t, str) else t for t in raw["propensity"]]}
        if isinstance(raw, dict) and "adjust" in raw:  # the former key (the loader warns): true = regression
            old = raw["adjust"]
            raw = {k: v for k, v in raw.items() if k != "adjust"}
            if old is True and raw.get("adjustment", "none") == "none":
                raw["adjustment"] = "regression"
        if isinstance(raw, dict) and isinstance(raw.get("period"), dict):
            # YAML reads an unquoted `post: 2021-06-30` as a date: refused four times (« Input should be a valid
            # string / integer / number / boolean »); it is the round written so, as the cells' dates are read
            period = raw["period"]
            iso = (lambda v: v.isoformat()[:10] if isinstance(v, (dt.date, dt.datetime)) else v)
            raw = {**raw, "period": {**period, "post": iso(period.get("post")),
                                     **({"order": [iso(v) for v in period["order"]]}
                                        if isinstance(period.get("order"), list) else {})}}
            if period.get("post") is None:
                raw["period"].pop("post")
        if isinstance(raw, dict) and isinstance(raw.get("labels"), dict):  # YAML reads `1:` as a number
            raw = {**raw, "labels": {str(k): _str_values(v) for k, v in raw["labels"].items()}}
        return raw

    @model_validator(mode="after")
    def _consistent(self) -> "StudySpec":
        if self.design == "did" and self.period is None:
            raise ValueError("design 'did' needs a 'period' (column and post value)")
        if self.se == "cluster" and not self.cluster:
            raise ValueError("se 'cluster' needs a 'cluster' column")
        if self.adjustment != "none" and not (self.propensity or self.covariates):
            raise ValueError(f"adjustment '{self.adjustment}' needs covariates (or propensity terms)")
        if self.adjustment == "aipw" and (self.estimand == "att" or self.design == "did" or self.se == "cluster"):
            raise ValueError("adjustment 'aipw' estimates the ATE of a two_group study with robust SEs "
                             "(estimand: ate, se: robust); use 'ipw' or 'regression' otherwise")
        unknown = [o for o in self.exploratory if o not in self.outcomes]
        if unknown:
            raise ValueError(f"exploratory names {', '.join(unknown)}, which is not among the outcomes")
        if self.trim is not None and not 0 <= self.trim[0] < self.trim[1] <= 1:
            raise ValueError("trim is [low, high] with 0 <= low < high <= 1, e.g. [0.1, 0.9]")
        return self

    def score_terms(self) -> list[PropensityTerm]:
        """The terms of the propensity score: ``propensity``, or each covariate as it is."""
        return list(self.propensity) or [PropensityTerm(column=c) for c in self.covariates]

    def label(self, code: str, lang: str) -> str:
        """The name of a column in the annex language (the code itself when the YAML gives none)."""
        found = self.labels.get(code)
        return (found.text(lang) if found else None) or code

    def value_label(self, column: str, value: Any, lang: str) -> str:
        """The name of one value of a (subgroup) column, e.g. sex 'f' -> 'Femmes'."""
        found = self.labels.get(column)
        value_label = found.values.get(str(value)) if found else None
        return (value_label.text(lang) if value_label else None) or str(value)

    def columns(self) -> list[str]:
        """Every column the description names; each must exist in the CSV."""
        named = [self.treatment.column, *self.outcomes, *self.covariates, *self.subgroups]
        if self.period:
            named.append(self.period.column)
        if self.cluster:
            named.append(self.cluster)
        if self.adjustment != "none":
            named += [c for term in self.score_terms() for c in term.columns()]
        if self.unit:
            named.append(self.unit)
        return list(dict.fromkeys(named))


def _str_values(label: Any) -> Any:
    if isinstance(label, dict) and isinstance(label.get("values"), dict):
        return {**label, "values": {str(k): v for k, v in label["values"].items()}}
    return label


@dataclass
class Study:
    name: str                 # the file's base name, e.g. "training_survey"
    spec: StudySpec
    data: pd.DataFrame        # the CSV as read, numbers typed with the project's decimal mark
    files: list[Path]         # the CSV and the YAML
    whole_project: bool = False  # shown whole in a country annex: its data have no country column (scope)


@dataclass
class ProjectData:
    project: str
    params: ProjectParams
    tables: dict[str, pd.DataFrame]          # every table of spec.TABLES; absent file -> empty table
    present: set[str]                        # the tables that had a file
    studies: dict[str, Study] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)      # every data file read, for provenance
    warnings: list[Problem] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)  # str(path) -> SHA-256 of the bytes read and validated
    surveys: dict[str, Any] = field(default_factory=dict)   # name -> surveys.Survey (data/<project>/surveys/)
    # rows scope() leaves out of an annex for their date: the events that start after the reporting date
    later: dict[str, pd.DataFrame] = field(default_factory=dict)


def factorized(series: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """``pd.factorize(series)``: codes (-1 for an empty cell) and the distinct values in the order they first appear.
    A column of Arrow text is encoded by Arrow at once: its chunks share one dictionary, which pandas' own factorize
    unified again (0.26 s against 0.06 s for a study's 2 million sites)."""
    if not isinstance(series.dtype, pd.StringDtype) or series.dtype.storage != "pyarrow":
        return pd.factorize(series)
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(series.array.__arrow_array__())   # (its chunks, not copied)
    if encoded.num_chunks == 0 or len({len(chunk.dictionary) for chunk in encoded.chunks}) > 1:
        return pd.factorize(series)   # (never seen: Arrow gives every chunk the whole dictionary)
    codes = np.concatenate([chunk.indices.fill_null(-1).to_numpy(zero_copy_only=False)
                            for chunk in encoded.chunks]).astype(np.intp, copy=False)
    return codes, pd.Index(pd.Series(encoded.chunk(0).dictionary, dtype=series.dtype), name=series.name)


def units_in_several_rounds(spec: "StudySpec", frame: pd.DataFrame, units: np.ndarray | None = None) -> int:
    """A did study with ``unit`` and robust or classical SEs: how many of its units are seen in several rounds, whose
    rows those SEs take as independent (0 otherwise). ``units``: the unit column's codes, when already made. One
    reading for the loader's warning (study_panel_se) and the analyses that cluster such a panel on its unit."""
    if spec.design != "did" or not spec.unit or spec.se == "cluster" or spec.period is None \
            or spec.unit not in frame.columns or spec.period.column not in frame.columns:
        return 0
    units = factorized(frame[spec.unit])[0] if units is None else units
    rounds, _ = factorized(frame[spec.period.column])
    known = (units >= 0) & (rounds >= 0)
    if not known.any():
        return 0
    seen = pd.DataFrame({"u": units[known], "r": rounds[known]}).drop_duplicates()
    return int((np.bincount(seen["u"].to_numpy()) > 1).sum())


def assigned_by(spec: "StudySpec", frame: pd.DataFrame, treated: np.ndarray,
                rows: np.ndarray) -> tuple[str, int, int, float] | None:
    """The column by which the treatment looks given, when the study's SEs are not clustered on it (or on something
    coarser): a column (not named in the description, or named as a subgroup or a text covariate) each of whose values
    holds one group only, at least 2 values per group and 5 rows a value on average, over ``rows`` (a did: the rounds
    after the programme, a person once); ``treated`` the rows of the treated. (column, treated values, comparison
    values, rows per value), or None. One reading for the loader's warning (study_assigned_by_cluster) and the
    annex's SEs clustered on that column. Each column is first tried on its first 2,000 rows, where a value of both
    groups (or a value per row or so: an identifier) ends the search: one pass over the rest for the others."""
    declared = {spec.treatment.column, spec.unit, spec.cluster, *spec.outcomes,
                spec.period.column if spec.period is not None else None}
    # (a numeric covariate, an age, is no village even when each of its values happens to hold one group)
    terms = {*spec.covariates, *(c for term in spec.score_terms() for c in term.columns())}
    columns = [c for c in frame.columns if c not in declared
               and not (c in terms and pd.api.types.is_numeric_dtype(frame[c]))]
    kept = np.flatnonzero(rows)
    if not columns or len(kept) < 12:
        return None
    for column in columns:
        head = kept[:2000]
        codes = factorized(frame[column].iloc[head])[0]
        known = codes >= 0
        t = treated[head][known]
        if not known.any() or 5 * (codes.max() + 1) > known.sum() or (
                np.bincount(codes[known], weights=t).astype(bool)
                & np.bincount(codes[known], weights=~t).astype(bool)).any():
            continue
        codes, names = factorized(frame[column].iloc[kept])
        known = codes >= 0
        if known.sum() < 0.9 * len(kept):   # a column mostly empty is no grouping
            continue
        t = treated[kept][known]
        in_treated = np.bincount(codes[known], weights=t, minlength=len(names)) > 0
        in_comparison = np.bincount(codes[known], weights=~t, minlength=len(names)) > 0
        g_t, g_c = int((in_treated & ~in_comparison).sum()), int((in_comparison & ~in_treated).sum())
        if (in_treated & in_comparison).any() or g_t < 2 or g_c < 2 or known.sum() < 5 * len(names):
            continue
        if spec.se == "cluster" and spec.cluster in frame.columns \
                and frame[spec.cluster].iloc[kept].nunique() <= len(names):
            continue   # clustered on it, or on a coarser grouping
        return str(column), g_t, g_c, float(known.sum() / len(names))
    return None


def each_distinct(series: pd.Series, fn, keep_missing: bool = False, dtype: Any = None) -> pd.Series:
    """``fn`` applied once per distinct value of a text column (a million rows hold a handful of labels).

    An empty cell gets ``fn(None)``, or stays empty with ``keep_missing``. Columns holding typed .xlsx cells (numbers,
    dates, where True and 1 would hash alike) go cell by cell. ``dtype``: the result is ``.astype(dtype)``, the
    distinct results converted before they are spread over the cells (no Python object per cell).
    """
    if pd.api.types.infer_dtype(series, skipna=True) not in ("string", "empty"):
        mapped = series.map(fn, na_action="ignore" if keep_missing else None)
        return mapped if dtype is None else mapped.astype(dtype)
    codes, distinct = factorized(series)
    distinct = distinct.tolist()   # (a list: iterating Arrow-backed text takes a call per value)
    values = np.empty(len(distinct) + 1, dtype=object)
    values[:-1] = [fn(v) for v in distinct]
    values[-1] = None if keep_missing else fn(None)
    if dtype is None:
        return pd.Series(values[codes], index=series.index, name=series.name, dtype=object)
    if dtype == "str" and values[:-1].tolist() == distinct and (values[-1] is None or (codes >= 0).all()):
        return series.astype(dtype)   # every text as it was (a country column, mostly): no copy of the column
    typed = pd.Series(values, dtype=object).astype(dtype).array
    return pd.Series(typed.take(np.where(codes < 0, len(distinct), codes)), index=series.index, name=series.name)


# A register naming its persons keeps, in this column of the participation table, who each event counted: the
# persons as compared (folded names) with their sex, so that the persons who came to several events are counted once
# over the annex's events (analyses.gender.persons), whatever rows scope() keeps. A cell is the sexes, one letter a
# person ('f', 'm', '-' when not recorded), then the names; the separators are control characters, which no cell
# may hold (readers refuse them). Read back at a few operations per event, not per person. The name has a space,
# which no header read from a file keeps (readers.header_name): a table's own `Persons` column is never taken for it.
PERSONS = "named persons"
_FIELD, _PERSON = "\x1f", "\x1e"


def event_persons(codes: np.ndarray, who: np.ndarray, sex: np.ndarray, events: int) -> np.ndarray:
    """Each event's cell of the PERSONS column, from its counted rows (``codes``: each row's event; ``who``: its
    person, None when not named; ``sex``: 'f', 'm' or empty)."""
    named = pd.notna(who)
    order = np.argsort(codes[named], kind="stable")           # each event's persons together, in the file's order
    event = codes[named][order]
    names = who[named][order].tolist()
    letters = pd.Series(sex[named][order], dtype=object).where(lambda s: s.isin(["f", "m"]), "-").tolist()
    bounds = np.flatnonzero(np.diff(event)) + 1
    out = np.full(events, "", dtype=object)
    for start, end in zip(np.r_[0, bounds], np.r_[bounds, len(event)]):
        if end > start:
            out[event[start]] = "".join(letters[start:end]) + _FIELD + _PERSON.join(names[start:end])
    return out


def persons_of(participation: pd.DataFrame) -> pd.DataFrame:
    """The named persons of each event of a register (PERSONS), one row per person and event: event_id, person, sex
    ('f', 'm' or None). Empty when the table does not name its persons."""
    cells = participation[PERSONS] if PERSONS in participation.columns else pd.Series([], dtype=object)
    keep = [isinstance(c, str) and c != "" for c in cells]
    events, sexes, names = [], [], []
    for event, cell in zip(participation["event_id"][keep] if len(cells) else [], cells[keep]):
        letters, _, who = cell.partition(_FIELD)
        events.append(np.full(len(letters), event, dtype=object))
        sexes.append(letters)
        names.append(who)
    sex = np.array(list("".join(sexes)), dtype=object)
    return pd.DataFrame({"event_id": np.concatenate(events) if events else np.array([], dtype=object),
                         "person": np.array(_PERSON.join(names).split(_PERSON) if names else [], dtype=object),
                         "sex": np.where(sex == "-", None, sex)})


def scope(data: ProjectData, country: str) -> ProjectData:
    """The rows of one country (matched ignoring case and accents), or everything for "all".

    Rows of the project as a whole (country "regional") belong to the "all" annex only; so does spending recorded
    in the country on a project-wide line (data.lines, rule 3): it is that line's, not one of the country's lines
    (budget.left_out_of_country says how much it is). Impact studies whose data has a ``country`` column are
    filtered too, and left out when they have no row of that country; the others are kept whole and marked
    ``whole_project``, which the annex says beside their results.

    An annex describes the project at its reporting date: the events that start after it (planned ones, or data
    newer than the date in project.yaml) are left out of the participation table and kept in ``later``, which the
    annex names, as spending after the date is left out of the budget figures (analyses.budget).
    """
    if is_all(country):
        return _as_of_reporting_date(data)
    wanted = fold(country)
    tables = {name: _rows_of(frame, wanted) for name, frame in data.tables.items()}
    spending, budget = data.tables.get("expenditure"), data.tables.get("budget")
    if spending is not None and budget is not None and "country" in spending and "country" in budget:
        tables["expenditure"] = spending[(line_country(budget, spending) == wanted).to_numpy(bool)] \
            .reset_index(drop=True)
    studies = {}
    for name, study in data.studies.items():
        if "country" in study.data:
            study = dataclasses.replace(study, data=_rows_of(study.data, wanted))
            if study.data.empty:
                continue
        else:
            study = dataclasses.replace(study, whole_project=True)
        studies[name] = study
    return _as_of_reporting_date(dataclasses.replace(data, tables=tables, studies=studies))


def after_reporting_date(participation: pd.DataFrame, reporting_date: Any) -> np.ndarray:
    """The events (rows) that start after the reporting date; none when either is unknown."""
    if reporting_date is None or "start_date" not in participation.columns:
        return np.zeros(len(participation), dtype=bool)
    start = pd.to_datetime(participation["start_date"], errors="coerce")
    return (start > pd.Timestamp(reporting_date)).fillna(False).to_numpy(bool)


def actuals_after_reporting_date(indicators: pd.DataFrame, reporting_date: Any) -> np.ndarray:
    """The indicator rows with an actual for a period that starts after the reporting date (2022 in an annex of
    30/06/2021: a typo, or a forecast); none when either is unknown."""
    if reporting_date is None or "period" not in indicators.columns or "actual" not in indicators.columns:
        return np.zeros(len(indicators), dtype=bool)
    day = pd.Timestamp(reporting_date).date()
    starts = {p: numbers.period_start(p) for p in indicators["period"].dropna().unique()}
    late = indicators["period"].map(lambda p: (s := starts.get(p)) is not None and s > day)
    return (late.fillna(False).astype(bool) & indicators["actual"].notna()).to_numpy(bool)


_A_DAY = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")   # a day in a label: a payment's


def spending_across(expenditure: pd.DataFrame, day: Any) -> np.ndarray:
    """The spending rows whose period began on or before ``day`` and ends after it (``period_label`` « 2021 », or
    a period_end written « 2021 », beside 30/06/2021): some of it was spent by then, how much the data do not say.
    A row without a period (a payment's day) is dated at its end; so is one whose label names a day (IATI's
    « expenditure 2021-03-31 (…) »). A label of no period the workbook reads and no day (« Période du rapport
    préliminaire (2018-2019) ») began after the table's last end before it: it covers ``day`` when no row ends from
    ``day`` to its own end. The budget and the cost per unit both ask this: one verdict for a date everywhere."""
    if day is None or expenditure.empty or "period_label" not in expenditure.columns:
        return np.zeros(len(expenditure), dtype=bool)
    day = pd.Timestamp(day)
    later = (expenditure["period_end"] > day).to_numpy(bool) & expenditure["period_label"].notna().to_numpy(bool)
    if not later.any():
        return later
    ends = pd.to_datetime(expenditure["period_end"])
    first_end = ends[ends >= day].min()   # a row of unread period ending after it began after ``day``
    pairs = expenditure.loc[later, ["period_label", "period_end"]]
    distinct = pairs.drop_duplicates()   # (a few periods for many rows: each read once)
    distinct["_across"] = [span[0] <= day.date() and span[1] == pd.Timestamp(end).date()
                           if (span := numbers.period_span(label)) is not None
                           else pd.Timestamp(end) == first_end and first_end > day and not _A_DAY.search(str(label))
                           for label, end in distinct.itertuples(index=False)]
    later[later] = pairs.merge(distinct, how="left", on=["period_label", "period_end"])["_across"].to_numpy(bool)
    return later


def _as_of_reporting_date(data: ProjectData) -> ProjectData:
    """The events that start after the reporting date left out (kept in ``later``), and the actuals of indicator
    periods that start after it emptied (the rows, as they were, in ``later``): an annex describes its date."""
    tables, later = dict(data.tables), dict(data.later)
    reporting = getattr(data.params, "reporting_date", None)
    changed = False
    people = tables.get("participation")
    if people is not None and (after := after_reporting_date(people, reporting)).any():
        tables["participation"] = people[~after].reset_index(drop=True)
        later["participation"] = people[after].reset_index(drop=True)
        changed = True
    measures = tables.get("indicators")
    if measures is not None and (after := actuals_after_reporting_date(measures, reporting)).any():
        later["indicators"] = measures[after].reset_index(drop=True)
        measures = measures.copy()
        measures.loc[after, "actual"] = np.nan
        tables["indicators"] = measures
        changed = True
    if not changed:
        return data
    return dataclasses.replace(data, tables=tables, later=later)


def _rows_of(frame: pd.DataFrame, wanted: str) -> pd.DataFrame:
    if "country" not in frame.columns:
        return frame
    keep = each_distinct(frame["country"], lambda c: isinstance(c, str) and fold(c) == wanted, dtype=bool)
    return frame[keep].reset_index(drop=True)
