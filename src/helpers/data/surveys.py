"""Beneficiary surveys: a KoboToolbox / ODK export as it comes, its sampling design and its XLSForm labels.

``data/<project>/surveys/<name>.csv`` or ``.xlsx`` is the export; ``<name>.yaml`` says what it is (the keys are
exactly those of :class:`SurveySpec`); ``form: <name>.form.xlsx`` optionally names the XLSForm the labels come
from. ``load_surveys`` returns every survey and every problem at once (file, row, column, value, what to do).

What is read from the export:

* column names are question names with their group paths (``identification/sexe``), matched ignoring case;
  metadata columns (``_index``, ``_uuid``, ``_submission_time``...) are kept as they are;
* a ``select_multiple`` answer is the space-separated codes (``langues: "fr ar"``) and/or one 0/1 column per option
  (``langues/fr``); a question is a select_multiple when the form says so; one the form does not declare is when
  it has 0/1 columns, or when its answers hold spaces between words that are all codes ('En emploi' is a label);
* an .xlsx export's first sheet is the submissions; each further sheet that has ``_parent_index`` is a repeat group,
  joined to the submission whose ``_index`` it names (a nested repeat, through the rows of the repeat its
  ``_parent_table_name`` names): the main table gets ``<sheet>/_count`` (rows of the repeat
  per submission) and ``<column>/_sum`` for each numeric column of the repeat (missing when one of the submission's
  rows has the answer empty);
* the Washington Group short set (WG-SS): when the six questions are there (named as in the WG's syntax:
  ``SEE_SS``, ``HEAR_SS``, ``WALK_SS``, ``COGNITION_SS``, ``SELFCARE_SS``, ``COMMUNICATING_SS``, each possibly
  inside a group, coded 1 no difficulty, 2 some, 3 a lot, 4 cannot do at all), the column ``wg_disability`` is
  added: ``1`` when at least one domain is 3 or 4 (the WG's recommended cut-off), ``0`` when all six are 1 or 2,
  empty otherwise (a domain refused, not known or not asked: 7, 8, 9 or empty);
* the women: the question whose name (last part of its path) is ``sexe``, ``sex``, ``genre`` or ``gender``; its
  female code is the one whose code or label (in the form) reads as a woman (``f``, ``femme``, ``female``...).

Checks (each a Problem): unknown YAML keys, a column the YAML names that the data has not, weights missing or not
greater than 0, numbers that are not numbers, ``fpc`` not constant within a stratum or smaller than the number of
units sampled there, a stratum with a single cluster (refused: merge it with a similar stratum; R's ``lonely.psu =
"adjust"`` and svy's ``center`` give different SEs for totals, so neither is applied silently), a ``value`` that
never occurs, an answer written two ways ('oui', 'Oui'), a submission on two rows, a code for "don't know" (-99)
among the numbers to average or total (refused; 999 above every other answer is a warning). Submissions marked not
approved at review are left out, with a warning.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from glob import escape as glob_escape
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from ..errors import Problem, did_you_mean
from ..paths import relative
from ..text import FEMALE_WORDS, fold
from .inputs import (CONTROL, CONTROL_HINT, Refused, clipped, control_reason, exists, load_described,
                     one_error_per_key, read_input, read_yaml, shown, unclosed_direction, unclosed_reason, zip_problem)
from . import numbers
from .readers import (HEADER_SEARCH_ROWS, MAX_CELL_CHARS, XLSX_MAX_PART, XLSX_MAX_TOTAL, RawTable, header_name,
                      read_table)
from .readers import sheet_layout_problems
from .spec import repeats

WG_DOMAINS = {  # the WG-SS question names of the WG's syntax, and the spellings accepted for each domain
    "seeing": ("see_ss", "seeing_ss", "vision_ss"),
    "hearing": ("hear_ss", "hearing_ss"),
    "walking": ("walk_ss", "walking_ss", "mobility_ss"),
    "cognition": ("cognition_ss", "cog_ss", "remember_ss", "remembering_ss"),
    "selfcare": ("selfcare_ss", "self_care_ss"),
    "communicating": ("communicating_ss", "communicate_ss", "com_ss", "communication_ss"),
}
WG_COLUMN = "wg_disability"
WG_LABELS = {"fr": "Situation de handicap (seuil du Washington Group)",
             "en": "Disability (Washington Group cut-off)"}
WG_VALUE_LABELS = {"1": {"fr": "Avec handicap", "en": "With a disability"},
                   "0": {"fr": "Sans handicap", "en": "Without a disability"}}
SEX_QUESTIONS = ("sexe", "sex", "genre", "gender")
LANGUAGE_NAMES = {"fr": ("fr", "francais", "french"), "en": ("en", "english", "anglais")}
METADATA = re.compile(r"^_|^__version__$|^meta/|^formhub/")
STATS = ("mean", "total", "share", "ratio")
OTHER_SPREADSHEETS = (".xls", ".ods", ".xlsm", ".xlsb", ".fods", ".numbers")   # an export the workbook does not read
RELATIVE_WEIGHTS = 1.01   # weights adding up to at most this many times the sample count no population
PERCENT_TOLERANCE = 0.005   # weights in percent add up to 100 to their rounding (180 rounded to 2 decimals: 99.6)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DesignSpec(_Strict):
    """How the sample was drawn; each part optional (none: a simple random sample, every weight 1)."""

    weights: str | None = None
    strata: str | None = None
    clusters: str | None = None
    fpc: str | None = None


class EstimateSpec(_Strict):
    """One line of ``estimates``: exactly one of mean, total, share, ratio; ``by`` a subgroup column; ``value`` for a
    share, ``per`` the denominator of a ratio (R's svyratio: the total of one question / the total of another)."""

    mean: str | None = None
    total: str | None = None
    share: str | None = None
    ratio: str | None = None
    per: str | None = None
    by: str | None = None
    value: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _texts(cls, raw: Any) -> Any:
        if isinstance(raw, dict) and "value" in raw and raw["value"] is not None and not isinstance(raw["value"], str):
            value = raw["value"]
            text = ("true" if value else "false") if isinstance(value, bool) else \
                (str(int(value)) if isinstance(value, float) and value.is_integer() else str(value))
            raw = {**raw, "value": text}
        return raw

    @model_validator(mode="after")
    def _one_statistic(self) -> "EstimateSpec":
        given = [s for s in STATS if getattr(self, s) is not None]
        if len(given) != 1:
            raise ValueError("each estimate names exactly one of mean, total, share, ratio (e.g. {mean: revenu})")
        if self.value is not None and self.share is None:
            raise ValueError("'value' goes with 'share' only (e.g. {share: emploi, value: oui})")
        if (self.per is None) != (self.ratio is None):
            raise ValueError("'ratio' and 'per' go together: the total of one question per the total of another "
                             "(e.g. {ratio: depenses, per: membres})")
        return self

    @property
    def stat(self) -> str:
        return next(s for s in STATS if getattr(self, s) is not None)

    @property
    def variable(self) -> str:
        return header_name(getattr(self, self.stat))

    @property
    def denominator(self) -> str | None:
        """A ratio's denominator (``per``), None for another statistic."""
        return header_name(self.per) if self.per is not None else None


class SurveySpec(_Strict):
    """data/<project>/surveys/<name>.yaml."""

    title: str
    design: DesignSpec = DesignSpec()
    estimates: list[EstimateSpec] = []
    form: str | None = None
    missing_codes: list[float] = []     # numbers the form uses for "don't know", "refused": read as empty answers
    fieldwork_start: dt.date | None = None   # the first day of interviews: earlier submissions are tests

    @field_validator("missing_codes", mode="before")
    @classmethod
    def _one_code(cls, value: Any) -> Any:
        """`missing_codes: 999`, one code written without brackets, is the list of that code (it was refused with
        « Input should be a valid list »)."""
        return [value] if isinstance(value, (int, float)) and not isinstance(value, bool) else value


@dataclass
class Survey:
    name: str                                   # the file's base name
    spec: SurveySpec
    data: pd.DataFrame                          # one row per submission: text columns, numbers as float64
    labels: dict[str, dict[str, str]] = field(default_factory=dict)          # column -> {language: label}
    value_labels: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # column -> code -> labels
    multiple: dict[str, list[str]] = field(default_factory=dict)   # select_multiple column -> its option codes
    sex: tuple[str, str] | None = None          # (column, the code of a woman)
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # what was done about the design (lonely strata), in English
    rejected: int = 0                           # submissions left out: not approved at review (_validation_status)
    early: int = 0                              # submissions left out: made before fieldwork_start (tests)
    relevant: dict[str, str] = field(default_factory=dict)   # column -> the form's relevant (read when loading)
    left_out_weight: float = 0.0                # the weights of the submissions left out (rejected, early)
    constraints: dict[str, str] = field(default_factory=dict)   # column -> the form's constraint (when loading)
    label_fallback: dict[str, str] = field(default_factory=dict)   # annex language -> the form's label column shown
    # select_multiple -> [respondents with 0 in every option and no answer, the question and answer read as its skip
    # logic (they are then not asked) or None, None (counted as choosing none)]: the annex says which denominator
    all_zero: dict[str, list] = field(default_factory=dict)

    def design_columns(self) -> dict[str, str | None]:
        d = self.spec.design
        return {k: header_name(v) if v else None for k, v in
                (("weights", d.weights), ("strata", d.strata), ("clusters", d.clusters), ("fpc", d.fpc))}

    def label(self, column: str, lang: str) -> str:
        return self.labels.get(column, {}).get(lang) or column

    def value_label(self, column: str, value: Any, lang: str) -> str:
        return self.value_labels.get(column, {}).get(str(value), {}).get(lang) or str(value)

    def codes(self, column: str) -> pd.Series:
        """A question's answers as text codes: a column also averaged is read as numbers, and its 5.0 is the code
        '5' (as the YAML's ``value: 5`` and the form write it)."""
        answers = self.data[column]
        return answers.map(_as_text) if pd.api.types.is_float_dtype(answers.dtype) else answers

    def options(self, column: str) -> list[str]:
        """The values of a question in the form's order (select_multiple: its options), else sorted as found."""
        if column in self.multiple:
            return list(self.multiple[column])
        found = sorted({v for v in self.codes(column).dropna().astype(str)}) if column in self.data else []
        order = list(self.value_labels.get(column, {}))
        return [v for v in order if v in found] + [v for v in found if v not in order]

    def indicator(self, column: str, value: str) -> pd.Series:
        """1.0 where the answer is ``value`` (or holds it, for a select_multiple), 0.0 where answered otherwise,
        NaN where not answered."""
        if column in self.multiple:
            chosen = self.chosen(column)
            text = self.data[column].map(lambda a: np.nan if pd.isna(a) else float(value in str(a).split())) \
                if column in self.data else None
            if value in chosen:  # the 0/1 column tells "none chosen" from "not asked"
                # an option empty beside others filled, and not in the text, was not offered (an option a later
                # version of the form added), not « not chosen »: the text fills it only where it names the option
                # or where no option column is filled
                if text is None:
                    return chosen[value]
                text = text.astype(float)
                return chosen[value].fillna(text.where(chosen.isna().all(axis=1) | text.eq(1)))
            return text.astype(float) if text is not None else pd.Series(np.nan, index=self.data.index)
        answers = self.codes(column)
        return answers.map(lambda a: np.nan if pd.isna(a) else float(str(a) == value)).astype(float)

    def chosen(self, column: str) -> pd.DataFrame:
        """A select_multiple's option columns (``column/option``) as 1.0 (chosen), 0.0 (not chosen) or NaN (not
        asked): '1'/'0', 'True'/'False' (KoboToolbox's older exports), 'VRAI'/'FAUX' (the file saved again by a
        French Excel). An export that writes '1' or nothing (no 0 in any option) leaves an option not chosen empty:
        on a row where another option is chosen it is 0, not "not asked" (every share was 100 %)."""
        chosen = self.options_written(column)
        if not chosen.empty and not chosen.eq(0).any().any():
            chosen = chosen.where(chosen.notna() | chosen.isna().all(axis=1).to_numpy()[:, None], 0.0)
        return chosen

    def options_written(self, column: str) -> pd.DataFrame:
        """A select_multiple's option columns as the export writes them: 1.0, 0.0 or NaN (empty)."""
        options = [o for o in self.multiple.get(column, []) if f"{column}/{o}" in self.data.columns]
        return pd.DataFrame({o: self.data[f"{column}/{o}"].map(lambda v, o=o: _option_value(v, o))
                             for o in options}, index=self.data.index, dtype=float)

    def domain(self, column: str, value: str) -> pd.Series:
        """True for the respondents of the subgroup ``column`` = ``value``: for a select_multiple, everyone who chose
        the option (with others or not), not only those whose whole answer is that option."""
        return self.indicator(column, value).eq(1)

    def has_value(self, column: str, value: str) -> bool:
        return bool((self.indicator(column, value) == 1).any())


def relative_weights(survey: Survey) -> bool:
    """The weights add up to the number of respondents (normalised to a mean of 1, as many survey files give them,
    to rounding): they say who counts more, not how many people each stands for. Over the respondents kept, or over
    every submission exported: weights normalised before the review add up to 57.7 for the 56 of 60 kept (the 4
    rejected weighed less), which was read as a population of 57.7 (a design effect of 15.7 for R's 0.46 with
    replacement, and a total of the sample shown as the population's)."""
    weights = survey.design_columns()["weights"]
    if not weights or weights not in survey.data.columns or survey.data[weights].isna().any():
        return False
    kept, n = float(survey.data[weights].sum()), len(survey.data)
    exported, count = kept + survey.left_out_weight, n + survey.rejected + survey.early
    return 0 < kept <= RELATIVE_WEIGHTS * n or (survey.left_out_weight > 0 and exported <= RELATIVE_WEIGHTS * count)


# ================================================================= loading


def load_surveys(folder: Path, encoding: str = "utf-8") -> tuple[dict[str, Survey], list[Problem], list[Path]]:
    """Every survey of ``folder`` (data/<project>/surveys), its problems and the files read."""
    surveys, problems, files = load_described(
        folder, lambda spec_path: load_survey(spec_path, encoding), "survey", "data/README.md, Surveys",
        skip=lambda path: path.name.endswith(".form.xlsx") or
        (path.suffix.lower() == ".csv" and path in {r for p in _exports(folder) for r in _repeat_files(p)}))
    for i, problem in enumerate(problems):   # a repeat file not named after its export: was « add its YAML »
        path = folder / Path(problem.file).name
        if problem.rule == "survey_without_description" and path.suffix.lower() == ".csv" and \
                _names_parent_key(path):
            exports = [p.name for p in _exports(folder)]
            repeat = path.stem.rsplit("-", 1)[-1] if "-" in path.stem else "emplois"
            book = next((p.name for p in sorted(folder.glob("*.xlsx")) if exists(p.with_suffix(".yaml")) and
                         fold(path.stem).startswith(fold(p.stem) + "-")), None)
            hint = (f"{book} is an .xlsx: put these rows in a sheet of it named '{repeat}', or give the survey's CSV "
                    "export beside this file." if book else f"Name it <export>-<repeat>.csv after its survey's "
                    f"export ({', '.join(exports) or 'none here'}), e.g. "
                    f"{Path(exports[0]).stem if exports else 'enquete'}-{repeat}.csv, as ODK Central names it.")
            problems[i] = Problem(problem.file, "survey_repeat_file", "this file is a repeat group's rows (its "
                                  "column PARENT_KEY or _parent_index names each row's submission), and no "
                                  "survey's CSV export is named as its beginning: it is not read", hint,
                                  severity="warning")
    return surveys, problems, files


def _exports(folder: Path) -> list[Path]:
    """The CSV exports of ``folder``: a .csv beside a YAML of its name."""
    return [p for p in sorted(folder.glob("*.csv")) if exists(p.with_suffix(".yaml"))]


def _read_spec(path: Path) -> tuple[SurveySpec | None, list[Problem]]:
    file = relative(path)
    raw, problems = read_yaml(path)   # within the limits, duplicate keys refused (data/README.md, "Limits")
    if problems:
        return None, problems
    if not isinstance(raw, dict):
        return None, [Problem(file, "yaml_mapping", "the file must be a list of 'key: value' lines", "")]
    try:
        return SurveySpec(**raw), []
    except ValidationError as exc:
        problems = []
        for err in one_error_per_key(exc.errors()):
            loc = ".".join(str(p) for p in err["loc"]) or "(file)"
            if err["type"] == "extra_forbidden":
                known = {"design": DesignSpec.model_fields, "estimates": EstimateSpec.model_fields}.get(
                    str(err["loc"][0]), SurveySpec.model_fields)
                hint = _not_offered(str(err["loc"][-1])) or \
                    did_you_mean(str(err["loc"][-1]), known) or "Remove this line."
                problems.append(Problem(file, "unknown_key", f"unknown key '{loc}'", hint, column=loc))
            elif tuple(err["loc"]) in (("design", "clusters"), ("design", "fpc")) and isinstance(err.get("input"), list):
                problems.append(_stages(file, loc, err["input"]))
            elif err["type"].startswith("date"):   # '01/06/2021': was « invalid character in year », see the README
                problems.append(Problem(file, "bad_value", f"'{loc}' is not a day written year-month-day",
                                        "Write it as 2021-06-01 (year-month-day, without a time): 01/06/2021 could "
                                        "be the 1st of June or the 6th of January.", column=loc,
                                        value=str(err.get("input"))))
            else:
                problems.append(Problem(file, "bad_value", f"'{loc}': {err['msg'].removeprefix('Value error, ')}",
                                        "See data/README.md (Surveys) for how a survey is described.", column=loc))
        return None, problems


CLUSTERS_HINT = ("The first-stage units (R's svydesign id = ~village) are named in 'clusters' (clusters: village). "
                 "Without them the respondents are taken as drawn one by one, and the standard errors are too small.")
PROBS_HINT = ("Give 'weights', the inverse of the probability of selection (R's svydesign probs = ~p is weights = 1 / "
              "p): a column holding 1 / p on each row.")
NEST_HINT = ("Remove this line: cluster codes are always read within their stratum (as R's nest = TRUE): village 'v1' "
             "of two regions is two villages.")
TWO_PHASE_HINT = ("The workbook does not estimate two-phase designs (R's twophase: a subsample drawn from a first "
                  "sample, as a follow-up of some respondents): its standard errors would leave out one phase's "
                  "variance. Estimate them outside the workbook (R's survey::twophase), or describe only a sample "
                  "drawn in one phase.")
REPLICATES_HINT = ("The workbook does not use replicate weights (R's svrepdesign): give the design's strata and "
                   "clusters in 'strata' and 'clusters' (its standard errors are Taylor-linearised), or estimate "
                   "outside the workbook.")
RATIO_HINT = ("A ratio of two questions (R's svyratio, e.g. the spend per household member: total spend / total "
              "members) is written {ratio: <numerator>, per: <denominator>}; the mean of a column divided row by "
              "row is another figure (the mean of each household's ratio).")
COMPARE_HINT = ("The workbook does not compare two surveys nor two subgroups (R's svyttest, svycontrast): each "
                "survey (a baseline and an endline, each with its own YAML) gives its estimates with their standard "
                "errors. Two independent samples' estimates differ with the standard error sqrt(se1^2 + se2^2); two "
                "subgroups of one survey are not independent samples (R's svyby with covar = TRUE, then svycontrast).")
# what R's survey package offers and the workbook does not, by the YAML keys written for it (folded, without '_' or
# '-'): « Did you mean 'mean'? » for a median, « 'strata'? » for post-strata, led to another statistic or design
NOT_OFFERED = (
    ({"median", "mediane", "quantile", "quantiles", "percentile", "percentiles", "centile", "quartile", "quartiles"},
     "The workbook gives no median nor quantile of a survey (R's svyquantile): ask for the mean ({mean: ...}) only if "
     "the mean is what the report needs, else compute the median outside the workbook."),
    ({"poststrata", "poststratum", "poststratification", "poststratify", "raking", "rake", "calibration",
      "calibrate", "calage", "calibrage", "totals", "populationtotals", "margins"},
     "The workbook does not post-stratify, rake nor calibrate the weights (R's postStratify, rake, calibrate): give "
     "in 'weights' the weights already adjusted to the known totals. 'strata' is the strata the sample was drawn "
     "in, not the groups the weights are adjusted to."),
    # R's svydesign names: « ids: village » was told « Remove this line », which left the clusters out (SEs too small)
    ({"id", "ids", "psu", "psus", "upe", "grappe", "grappes"}, CLUSTERS_HINT),
    ({"prob", "probs", "probability", "probabilities", "probabilite", "probabilites", "proba"}, PROBS_HINT),
    ({"nest", "nested"}, NEST_HINT),
    ({"phase", "phases", "phase1", "phase2", "twophase", "twophases", "doublesampling", "subsample", "subsampling",
      "sousechantillon", "deuxphases", "secondphase"}, TWO_PHASE_HINT),
    ({"repweights", "repweight", "replicateweights", "replicates", "replicate", "bootstrap", "jackknife", "brr",
      "jk1", "jkn"}, REPLICATES_HINT),
    # a baseline and an endline compared, or two subgroups: « compare: baseline » was told « Remove this line »
    ({"compare", "comparison", "comparaison", "comparer", "difference", "diff", "ecart", "versus", "vs",
      "baseline", "endline", "evolution", "ttest", "svyttest", "contrast", "svycontrast"}, COMPARE_HINT),
    # « {ratio: depenses, per: membres} »: a mean of a column divided row by row is another figure
    ({"ratios", "rapport", "par", "denominator", "denominateur", "numerator", "numerateur"},
     RATIO_HINT),
)


def _not_offered(key: str) -> str:
    """The hint for a YAML key asking for what the workbook does not do (a median, post-stratification), instead of
    a « did you mean » to a neighbouring key that means something else."""
    folded = re.sub(r"[\s_\-]", "", fold(key))
    return next((hint for words, hint in NOT_OFFERED if folded in words), "")


def _stages(file: str, loc: str, columns: list) -> Problem:
    """A design column given as a list, one per stage (``clusters: [village, menage]``, ``fpc: [N1, N2]``, as R's
    svydesign(id = ~village + menage)): was « Input should be a valid string ». The workbook takes the first stage."""
    first = columns[0] if columns else "..."
    return Problem(file, "bad_value", f"'{loc}' lists {len(columns)} columns, one per stage of the sampling: the "
                   "workbook takes one, the first stage's", f"Write the first stage's column alone ('"
                   f"{loc.split('.')[-1]}: {first}'): the variance is estimated between the first-stage units, which "
                   "counts the later stages' sampling too when 'fpc' is left out (R's svydesign with one id, the « "
                   "ultimate cluster »); an fpc of the first stage leaves the later stages' variance out.", column=loc,
                   value=", ".join(map(str, columns)))


def load_survey(spec_path: Path, encoding: str = "utf-8") -> tuple[Survey | None, list[Problem]]:
    """surveys/<name>.yaml, its export and its form -> Survey, with every problem."""
    spec, problems = _read_spec(spec_path)
    data_path = next((p for p in (spec_path.with_suffix(".csv"), spec_path.with_suffix(".xlsx")) if exists(p)),
                     None)
    other = next((p for p in sorted(spec_path.parent.glob(f"{glob_escape(spec_path.stem)}.*"))
                  if p.suffix.lower() in OTHER_SPREADSHEETS), None) if data_path is None else None
    if other is not None:   # KoboToolbox's « XLS (legacy) », a LibreOffice .ods: was « the export is missing »
        problems.append(Problem(relative(other), "survey_data_format", f"the survey's export is {other.name}, a "
                                f"'{other.suffix.lower()}' file, which is not read", f"Download the export again as "
                                f"XLSX (KoboToolbox: XLS, not « XLS (legacy) ») or CSV, or open {other.name} and "
                                f"save it as '{spec_path.stem}.xlsx' (Excel Workbook)."))
    elif data_path is None:
        problems.append(Problem(relative(spec_path), "survey_data_missing", "the survey's export is missing",
                                f"Put the KoboToolbox/ODK export in {spec_path.stem}.xlsx (or .csv) next to this "
                                "file."))
    elif exists(spec_path.with_suffix(".xlsx")) and data_path.suffix == ".csv":   # an older download left beside
        problems.append(Problem(relative(spec_path.with_suffix(".xlsx")), "two_files", f"both {spec_path.stem}.csv "
                                f"and {spec_path.stem}.xlsx exist; {spec_path.stem}.csv is read",
                                "Keep one of the two files (the latest export).", severity="warning"))
    if spec is None or data_path is None:
        return None, problems
    raw, repeats, read_problems = _read_export(data_path, encoding, _header_sets(spec))
    problems += read_problems
    if raw is None or any(p.severity == "error" for p in read_problems):
        return None, problems
    link = next((c for c in ("_parent_index", "parent_key", "_submission__uuid") if c in raw.frame.columns), None)
    if link is not None:   # a repeat sheet saved alone as the export: its jobs counted as respondents, without a word
        problems.append(raw.problem(
            "survey_repeat_as_export", f"the {'first sheet' if data_path.suffix == '.xlsx' else 'file'} is a "
            f"repeat group's rows (its column '{raw.headers.get(link, link)}' names each row's submission), not the "
            "submissions: each row would be counted as a respondent", "Put the whole export here: KoboToolbox's XLS "
            "or ODK Central's download, the submissions first and each repeat group on its own sheet (its count and "
            "sums are estimated as '<repeat>/_count' and '<question>/_sum').", index=raw.header_row, column=link))
        return None, problems
    problems += _group_separator(raw, repeats, spec)
    frame = raw.frame.copy()
    for repeat in repeats:
        frame, found = _join_repeat(frame, raw, repeat, _estimated(spec), repeats, spec.missing_codes)
        problems += found
    problems += _repeated_submissions(frame, raw)
    problems += _totals_rows(frame, raw, spec)
    everyone = frame
    frame, rejected, found = _without_rejected(frame, raw)
    problems += found
    frame, early, found = _without_tests(frame, raw, spec)
    problems += found
    frame, found = _skipped(frame, raw, spec)
    problems += found
    files = list(dict.fromkeys([data_path, *(r.path for r in repeats), spec_path]))   # ODK Central's repeat CSVs
    survey = Survey(spec_path.stem, spec, frame, files=files, rejected=rejected, early=early)
    weights = header_name(spec.design.weights) if spec.design.weights else None
    if weights in everyone.columns and len(everyone) > len(frame):   # what the weights stood for before (annex)
        left = everyone.loc[everyone.index.difference(frame.index), weights].map(_number)
        survey.left_out_weight = float(left.dropna().sum())
    if spec.form:
        form_path = spec_path.parent / spec.form
        if not exists(form_path) or form_path.resolve().parent != spec_path.parent.resolve():
            problems.append(Problem(relative(spec_path), "form_missing", f"the form '{spec.form}' is not in "
                                    f"{relative(spec_path.parent)}", "Put the XLSForm next to the YAML, or remove "
                                    "the 'form' line.", column="form", value=spec.form))
        else:
            problems += _read_form(form_path, survey, raw)
            survey.files.append(form_path)
    problems += _sheet_layout(survey, raw, repeats)
    _underscore_options(survey, raw)
    problems += _find_multiple(survey, raw)
    problems += _multiple_disagree(survey, raw)
    problems += _columns(survey, raw, spec_path, repeats)
    problems += _type_numbers(survey, raw)
    problems += _answer_codes(survey, raw)
    problems += _add_wg(survey, raw)
    survey.sex, found = _find_sex(survey, raw)
    problems += found
    problems += _spellings(survey, raw)
    problems += _codes_beside_labels(survey, raw)
    problems += _other_specified(survey, raw)
    problems += _answers_not_choices(survey, raw)
    problems += _answered_not_asked(survey, raw)
    problems += _na_answers(survey, raw)
    problems += _version_unanswered(survey, raw)
    problems += _dont_know_in_shares(survey, raw)
    problems += _dont_know_subgroups(survey, raw)
    problems += _design_problems(survey, raw, spec_path)
    # answers all refused as not numbers ('1500 MAD', '14 %' on every row) are not also « never answered »
    refused = {p.column for p in problems if p.rule in ("survey_not_a_number", "survey_percent_sign")}
    problems += [p for p in _value_problems(survey, spec_path)
                 if not (p.rule == "survey_never_answered" and p.value in refused)]
    return survey, problems


# Columns only the submissions have (KoboToolbox, ODK Central, SurveyCTO), and those naming a repeat row's submission:
# the header is the first row holding one, as a monitoring table's is the first holding its columns
SUBMISSION_COLUMNS = ("_uuid", "_submission_time", "submissiondate", "meta/instanceid", "meta-instanceid",
                      "meta.instanceid", "instanceid")
REPEAT_HEADER_SETS = (("_parent_index",), ("parent_key",), ("_submission__uuid",))


def _header_sets(spec: SurveySpec | None) -> list[tuple[str, ...]]:
    """The sets of columns that tell the export's header row: a submission's metadata, or the columns the YAML names
    (each separator KoboToolbox and ODK write). A title typed above the header (« Enquête de suivi, export du
    12/06 », merged over the columns or not) was read as the header: every column « without a header », the YAML's
    columns « missing » (27 problems), or the title « merged over the columns A to AG »."""
    sets = [(name,) for name in SUBMISSION_COLUMNS]
    if spec is None:
        return sets
    named = [getattr(part, key, None) for part in (spec.design, *spec.estimates)
             for key in ("weights", "strata", "clusters", "fpc", "mean", "total", "share", "ratio", "per", "by")]
    named = [header_name(n) for n in named if isinstance(n, str) and not re.search(r"/_(count|sum)$|^wg_disability$",
                                                                                     header_name(n))]
    for sep in ("/", ".", "-"):
        sets += [(n.replace("/", sep),) for n in dict.fromkeys(named)]
    return sets


def _read_export(path: Path, encoding: str, header_sets: Sequence[Sequence[str]] = ()
                 ) -> tuple[RawTable | None, list[RawTable], list[Problem]]:
    """The submissions and, for an .xlsx, the repeat-group sheets (those with a ``_parent_index`` column); the
    header of each is the first row holding one of ``header_sets`` (title rows above it are skipped)."""
    if path.suffix.lower() != ".xlsx":
        raw = read_table(path, encoding, header_sets)
        # ODK Central's « Download all data » gives each repeat group as its own file, <form>-<repeat>.csv: it was
        # told « no description, add t-emplois.yaml » and '<repeat>/_count' « not in the export »
        repeats, problems = [], list(raw.problems)
        for other in _repeat_files(path):
            table = read_table(other, encoding, REPEAT_HEADER_SETS)
            problems += table.problems
            if {"_parent_index", "parent_key", "_submission__uuid"} & set(table.frame.columns):
                table.sheet = other.stem[len(path.stem) + 1:]   # the repeat's name: '<repeat>/_count'
                repeats.append(table)
        return raw, repeats, problems
    import openpyxl

    from .readers import read_xlsx

    book, problem = _open_xlsx(path)
    if problem is not None:
        return None, [], [problem]
    try:
        names = openpyxl.load_workbook(book, read_only=True).sheetnames
    except Exception as exc:  # a damaged file
        return None, [], [Problem(relative(path), "unreadable_xlsx", f"the file cannot be read as .xlsx ({exc})",
                                  "Export it again from KoboToolbox / ODK Central.")]
    main = read_xlsx(path, header_sets, sheet_name=names[0], only_sheet=True)
    repeats = []
    problems = list(main.problems)
    for name in names[1:]:
        sheet = read_xlsx(path, REPEAT_HEADER_SETS, sheet_name=name, only_sheet=True)
        problems += sheet.problems
        # KoboToolbox, ODK; a KoboToolbox repeat sheet whose _parent_index was deleted still names its submission
        # by _submission__uuid (it was ignored: 'emplois/_count' « not in the export »)
        if {"_parent_index", "parent_key", "_submission__uuid"} & set(sheet.frame.columns):
            repeats.append(sheet)
    return main, repeats, problems


def _sheet_layout(survey: Survey, raw: RawTable, repeats: list[RawTable]) -> list[Problem]:
    """What the sheet shows but its cells do not hold, said as for a monitoring table (readers.sheet_layout_problems).
    An export whose weights were merged over a centre's four respondents (a weight shown once for rows 30 to 33)
    was read with that weight on each, rows hidden by a filter (the tests submissions an evaluator hid) or struck
    through were estimated like the others, all without a word. A number the estimates or the design read merged
    over rows is refused; a text merged, a hidden or struck row and a hidden column read are warned."""
    numeric = _numeric_columns(survey)
    design = {c for c in survey.design_columns().values() if c}
    used = numeric | design | {c for e in survey.spec.estimates for c in (e.variable, e.denominator,
                                                                          e.by and header_name(e.by)) if c}
    problems = sheet_layout_problems(raw, numeric.__contains__, used.__contains__)
    summed = _estimated(survey.spec)
    for repeat in repeats:   # a repeat's question is read where its sum is estimated
        problems += sheet_layout_problems(repeat, lambda name: f"{name}/_sum" in summed,
                                          lambda name: f"{name}/_sum" in summed)
    return problems


def _repeat_files(path: Path) -> list[Path]:
    """The ODK Central repeat files beside a CSV export: <stem>-<repeat>.csv, with no description of their own, whose
    header names PARENT_KEY (or _parent_index: a KoboToolbox repeat sheet saved as CSV)."""
    stem = fold(path.stem) + "-"
    return [p for p in sorted(path.parent.glob("*.csv")) if fold(p.stem).startswith(stem) and
            not exists(p.with_suffix(".yaml")) and _names_parent_key(p)]


def _names_parent_key(path: Path) -> bool:
    """Whether a CSV's header (its first line, or one of the next when a title was typed above it, as the export's
    reader finds it: readers.HEADER_SEARCH_ROWS) holds ODK Central's PARENT_KEY or KoboToolbox's _parent_index /
    _submission__uuid."""
    try:
        with open(path, "rb") as handle:
            lines = [handle.readline(65536).lower() for _ in range(HEADER_SEARCH_ROWS)]
        return any(link in line for line in lines for link in (b"parent_key", b"_parent_index", b"_submission__uuid"))
    except OSError:
        return False


def _group_separator(raw: RawTable, repeats: list[RawTable], spec: SurveySpec) -> list[Problem]:
    """An export whose headers write the groups with '.' or '-' (KoboToolbox's « group separator », ODK Central's
    CSV: 'identification.sexe', 'competences.langue'): the select_multiple's option columns were not read (its
    shares left out those who chose none), the sex and the Washington Group questions not found (the annex's share
    of women and of disability silently absent). A header's parts shared by two headers or more (a group, or a
    select_multiple's options) are read with '/' (_split_path), as are the YAML's names written with that separator."""
    questions = [c for t in (raw, *repeats) for c in t.frame.columns if not METADATA.match(c)]
    if not questions or any("/" in c for c in questions):
        return []
    found = {}
    names = set(questions)
    # a repeat's name is a group even when it holds a single question (ODK Central's s-emplois.csv, whose one column
    # 'emplois-duree_mois' was read as a question of that name: 'emplois/duree_mois/_sum' « not in the export »)
    groups = {header_name(t.sheet) for t in repeats}
    for sep in (".", "-"):
        # the headers beginning with each '<prefix><sep>', counted once (not header by header: 2 000 took 2.5 s)
        shared = Counter(q[:i] for q in names for i, char in enumerate(q) if char == sep and i)
        shared.update({group: 2 for group in groups})
        renamed = {c: _split_path(c, sep, names, shared) for c in questions if sep in c.strip(sep)}
        found[sep] = {c: r for c, r in renamed.items() if r != c}
    sep, renamed = max(found.items(), key=lambda item: len(item[1]))
    if not renamed:
        return []
    for table in (raw, *repeats):
        table.frame = table.frame.rename(columns=renamed)
        table.letters = {renamed.get(c, c): v for c, v in table.letters.items()}
        table.headers = {renamed.get(c, c): v for c, v in table.headers.items()}
    for part in (spec.design, *spec.estimates):   # the YAML written with the export's separator
        for key in ("weights", "strata", "clusters", "fpc", "mean", "total", "share", "ratio", "per", "by"):
            name = getattr(part, key, None)
            if not isinstance(name, str):
                continue
            # a repeat's count or sum: 'emplois._count', 'emplois.duree_mois._sum' (or '/_sum')
            base, added = re.fullmatch(rf"(.*?)((?:/|{re.escape(sep)})_(?:count|sum))?", header_name(name)).groups()
            if base in renamed or added:
                setattr(part, key, renamed.get(base, base) + ("/" + added[1:] if added else ""))
    return []


def _split_path(column: str, sep: str, questions: set[str], shared: Counter) -> str:
    """``column`` with '/' at each separator that ends a group or a select_multiple's name: a prefix shared by two
    headers or more, up to the select_multiple's own column, whose option is the rest as written. Replacing every
    separator read ODK Central's 'grp-statut-auto-emploi' as the option 'auto/emploi' of the form's 'auto-emploi'
    (its share taken from the text, those who chose none left out: 53 % for 43 %). ``shared``: how many headers
    begin with each '<prefix><sep>'."""
    parts = column.split(sep)
    path, prefix = parts[0], parts[0]
    for i, part in enumerate(parts[1:], 1):
        if shared[prefix] < 2:   # no group: the name holds the separator
            return f"{path}{sep}{sep.join(parts[i:])}"
        if prefix in questions:   # a select_multiple's own column: the rest is its option, as the form names it
            return f"{path}/{sep.join(parts[i:])}"
        path, prefix = f"{path}/{part}", f"{prefix}{sep}{part}"
    return path


def _open_xlsx(path: Path) -> tuple[io.BytesIO | None, Problem | None]:
    """The .xlsx's bytes, read as every input is (a regular file inside its folder, within the size limits) and
    refused before openpyxl unpacks a part that would be too large (a zip bomb)."""
    try:
        data = read_input(path)
    except Refused as exc:
        return None, exc.problem
    problem = zip_problem(relative(path), data, XLSX_MAX_PART, XLSX_MAX_TOTAL)
    return (None, problem) if problem is not None else (io.BytesIO(data), None)


def _parent_sheet(repeat: RawTable, repeats: list[RawTable]) -> RawTable | None:
    """The repeat sheet a nested repeat's ``_parent_table_name`` names (KoboToolbox cuts sheet names at 31
    characters); None when its parent is the submissions."""
    if "_parent_table_name" not in repeat.frame.columns:
        return None
    names = {str(n).strip() for n in repeat.frame["_parent_table_name"].dropna()}
    return next((r for r in repeats if r is not repeat and any(r.sheet in (n, n[:31]) for n in names)), None)


def _join_repeat(frame: pd.DataFrame, raw: RawTable, repeat: RawTable, estimated: set[str] = frozenset(),
                 repeats: list[RawTable] = (), missing_codes: list[float] = ()) -> tuple[pd.DataFrame, list[Problem]]:
    """The repeat's rows counted and summed per submission. ``estimated``: the columns a mean or total is asked of
    (a sum of the repeat's numbers holding a "don't know" code is refused, row by row in the repeat's sheet).
    A repeat nested in another (``_parent_table_name``) names rows of that repeat's sheet, not submissions: its
    rows go to their parent row's submission, up the chain."""
    problems = []
    through: list[str] = []
    if "_submission__uuid" in repeat.frame.columns and "_uuid" in frame.columns and \
            repeat.frame["_submission__uuid"].notna().all() and frame["_uuid"].notna().all():
        # KoboToolbox names each repeat row's submission by its uuid too: unlike _index, which every export numbers
        # from 1, it stays right when two exports are pasted together (the Tunisie trainees, who had no job, got
        # the Maroc trainees' jobs of the same _index: 2 jobs each for 1.2), and it reaches a nested repeat's
        # submission directly
        link, keys = "_submission__uuid", frame["_uuid"].map(_submission_id)
        parent = repeat.frame[link].map(_submission_id)
    elif "_parent_index" not in repeat.frame.columns:   # ODK Central: PARENT_KEY 'uuid:…/emplois[1]' names its
        known_ids = [c for c in ID_COLUMNS if c in frame.columns and c != "_uuid"]   # submission's KEY first
        if "parent_key" not in repeat.frame.columns:   # _submission__uuid only, empty on a row or without _uuid
            return frame, [repeat.problem("repeat_without_index", f"the sheet '{repeat.sheet}' is a repeat group "
                                          "whose rows name their submission by '_submission__uuid' only, and it is "
                                          "empty on some rows or the first sheet has no '_uuid'", "Export again "
                                          "with the metadata columns ('_parent_index', '_uuid').", column=
                                          "_submission__uuid")]
        if not known_ids:
            return frame, [raw.problem("repeat_without_index", f"the sheet '{repeat.sheet}' is a repeat group but "
                                       "the submissions have no 'KEY' column to join it", "Export again with the "
                                       "metadata columns.", index=raw.header_row)]
        link, keys = "parent_key", frame[known_ids[0]].map(_submission_id)
        parent = repeat.frame[link].map(lambda v: _submission_id(str(v).split("/")[0]) if pd.notna(v) else None)
    elif "_index" not in frame.columns:
        return frame, [raw.problem("repeat_without_index", f"the sheet '{repeat.sheet}' is a repeat group but the "
                                   "submissions have no '_index' column to join it", "Export again with the "
                                   "metadata columns.", index=raw.header_row)]
    else:
        link, keys = "_parent_index", frame["_index"].map(_as_text)
        again = keys.duplicated(keep=False) & keys.notna()
        if again.any():   # two exports pasted: which submission a repeat row belongs to cannot be told
            i = keys.index[again][keys[again].duplicated()][0]
            return frame, [raw.problem(
                "repeat_index_repeated", f"the _index {keys[i]} is on two submissions: the rows of the repeat "
                f"group '{repeat.sheet}' that name it cannot be joined to one of them (two exports pasted together "
                "number their submissions from 1 each)", "Export the form once, or keep the repeat sheets' "
                "'_submission__uuid' column and the submissions' '_uuid', which tell the submissions apart.",
                index=i, column="_index", value=keys[i])]
        parent = repeat.frame["_parent_index"].map(_as_text)
        seen, sheet = {id(repeat)}, _parent_sheet(repeat, repeats)
        while sheet is not None and id(sheet) not in seen and {"_index", "_parent_index"} <= set(sheet.frame.columns):
            up = dict(zip(sheet.frame["_index"].map(_as_text), sheet.frame["_parent_index"].map(_as_text)))
            parent = parent.map(lambda k: up.get(k))
            through.append(sheet.sheet)
            seen.add(id(sheet))
            sheet = _parent_sheet(sheet, repeats)
    own = next((c for c in ("_index", "key") if c in repeat.frame.columns), None)   # the repeat row's own number
    if own is not None:   # a repeat sheet pasted twice under itself: every job counted twice (the count doubled)
        ids = repeat.frame[own].map(_as_text)
        again = ids.notna() & ids.duplicated()
        for i in ids.index[again][:MAX_LISTED]:
            earlier = ids.index[ids.eq(ids[i])][0]
            problems.append(repeat.problem("repeat_row_repeated", f"this repeat row's {own} is that of row {earlier}: "
                                           "its rows would be counted twice in the submission's count and sums",
                                           "Delete one of the two rows (a sheet pasted twice?).", index=i,
                                           column=own, value=ids[i]))
    known = set(keys)
    via = f" (through the sheet{'s' if len(through) > 1 else ''} {', '.join(map(repr, through))})" if through else ""
    for i in parent.index[~parent.isin(known)]:
        if _as_text(repeat.frame.at[i, link]) is None:   # a totals row typed under the repeat's rows ('Total', a sum)
            problems.append(repeat.problem("repeat_parent_unknown", f"this repeat row names no submission (its "
                                           f"'{link}' is empty): a totals row, or a row typed under the export?",
                                           "Delete the row, or give it its submission's value.", index=i,
                                           column=link))
            continue
        problems.append(repeat.problem("repeat_parent_unknown", f"this repeat row names a submission{via} that is "
                                       "not in the first sheet", "Export the whole form again, or, if that "
                                       "submission was deleted from the first sheet on purpose, delete its rows "
                                       "here too.", index=i, column=link,
                                       value=_as_text(repeat.frame.at[i, link])))
    prefix = str(repeat.sheet)
    frame = frame.copy()
    frame[header_name(f"{prefix}/_count")] = keys.map(parent.value_counts()).fillna(0).astype(float)
    for column in repeat.frame.columns:
        if METADATA.match(column):
            continue
        cells = repeat.frame[column].map(lambda v: None if isinstance(v, str) and fold(v) in SKIPPED else v)
        values = cells.map(_number)
        answered = cells.notna()
        bad = answered & values.isna()
        # a sum asked of: said at the cell (with the currency beside the number: every amount typed '1500 MAD'
        # made the sum « missing », « did you mean 'emplois/duree_mois/_sum' »), not as a column missing
        flagged = f"{column}/_sum" in estimated and bad.any()
        if flagged:
            problems += [_not_a_number(repeat, i, column, cells[i]) for i in bad.index[bad][:MAX_LISTED]]
            if bad.sum() > MAX_LISTED:
                problems.append(repeat.problem("survey_not_a_number", f"{int(bad.sum()) - MAX_LISTED} more answers "
                                               f"of this column of the sheet '{repeat.sheet}' are not numbers", "",
                                               column=column))
            values[bad], answered = np.nan, answered & ~bad
        if (answered.any() or flagged) and values[answered].notna().all():
            values = values.where(~values.isin(missing_codes))   # a declared code: not answered
            sums = values.groupby(parent).sum()
            # a submission with an unanswered row has no sum: counting the empty answer as 0 would lower it
            unanswered = values.isna().groupby(parent).sum()
            sums[unanswered > 0] = np.nan
            # no row in the repeat: nothing to add, 0
            frame[f"{column}/_sum"] = keys.map(sums).where(keys.isin(sums.index), 0.0).astype(float)
            if f"{column}/_sum" in estimated:
                problems += code_problems(values, repeat, column)
                # only the empty answers: a word refused above is not told again as « empty (or 'n/a') »
                empty = (values.isna() & ~bad).groupby(parent).sum()
                missing = keys.isin(empty.index[empty > 0])
                if missing.any():
                    first = values.index[values.isna() & ~bad & parent.isin(keys[missing])][0]
                    problems.append(repeat.problem(
                        "survey_repeat_unanswered", f"{int(missing.sum())} submission(s) have an empty (or 'n/a') "
                        f"answer in this repeat group ({int(empty.sum())} row(s)): their sum '{column}/_sum' is "
                        "missing and they leave its estimates", "Fill in the answers if they are known; an empty answer is "
                        "not 0.", index=first, column=column, severity="warning"))
    return frame, problems


def _submission_id(value: Any) -> str | None:
    """A submission's uuid as compared: without ODK's 'uuid:', case and spaces ignored."""
    return re.sub(r"^uuid:", "", fold(value)) or None


def _as_text(value: Any) -> Any:
    """A cell as the text of a code: 1.0 -> '1', ' oui ' -> 'oui', empty -> None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


# « Oui »/« Non » (« Yes »/« No »): option columns as a French (English) labelled export or a hand-made sheet writes
# them; not read, the respondents who chose none were left out of every share as « not asked »
OPTION_VALUES = {"1": 1.0, "0": 0.0, "1.0": 1.0, "0.0": 0.0, "true": 1.0, "false": 0.0, "vrai": 1.0, "faux": 0.0,
                 "oui": 1.0, "non": 0.0, "yes": 1.0, "no": 0.0}


def _option_value(value: Any, option: str | None = None) -> float:
    """A select_multiple option column's cell: 1.0 chosen, 0.0 not chosen, NaN empty (or not a 0/1 value). The
    option's own code in its column is chosen (Ona's « value_select_multiples » export: 'langue' in
    'competences/langue')."""
    text = _as_text(value)
    if text is None:
        return np.nan
    return OPTION_VALUES.get(fold(text), 1.0 if option is not None and fold(text) == fold(option) else np.nan)


_SPACE_GROUPED = re.compile(f"^[+-]?[{numbers.SPACES}]*\\d{{1,3}}(?:[{numbers.SPACES}]\\d{{3}})*(?:[.,]\\d+)?$")


def _number(value: Any) -> float | None:
    """A number as KoboToolbox/ODK write it ('.' decimals; a single ',' is taken as the decimal mark)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    # thousands written with a (narrow) no-break space, as French Excel and LibreOffice write them: '3\u202f000';
    # a space elsewhere ('12 5', two answers or a typo) is no number: it was read 125. So is Python's '1_000'
    text = str(value).strip()
    if "_" in text or (re.search(f"[{numbers.SPACES}]", text) and not _SPACE_GROUPED.match(text)):
        return None
    text = re.sub(f"[{numbers.SPACES}]", "", text)
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if SCIENTIFIC.match(text):   # '3e2' is a typo or Excel's display, its digits lost: was read 300 without a word
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


SCIENTIFIC = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$")   # '3e2', '1.2E+03' (',' read as '.')


# ================================================================= submissions: copies, review, codes
ID_COLUMNS = ("_uuid", "meta/instanceid", "meta-instanceid", "instanceid", "key")  # Kobo, ODK Central, SurveyCTO
TIME_COLUMNS = ("start", "starttime", "end", "endtime", "_submission_time", "submissiondate")   # SurveyCTO: *time
REVIEW_COLUMNS = ("_validation_status", "reviewstate", "review_status")   # KoboToolbox, ODK Central, SurveyCTO
# a submission refused at review, as the export writes it (KoboToolbox's code or label, in English or French;
# ODK Central's state), folded
NOT_APPROVED = {"validation_status_not_approved", "not_approved", "non_approuve", "non_approuvee", "rejected",
                "rejete", "rejetee", "refuse", "refusee"}
# the other review states (KoboToolbox's codes and labels in English and French, ODK Central's), folded: kept
REVIEW_KEPT = {"validation_status_approved", "approved", "approuve", "approuvee", "validation_status_on_hold",
               "on_hold", "en_attente", "received", "hasissues", "has_issues", "edited", "pending"}
# numbers forms use for "don't know", "refused", "not applicable": never an answer of a mean or a total
MISSING_CODES = (-66, -77, -88, -96, -97, -98, -99, -999, -9999)
NINES = (99, 999, 9999, 99999, 999999)   # the same codes written with nines: answers only if others are larger
# two-digit codes of DHS / MICS-style forms (88 or 98 "don't know", 96 "other", 97 "refused"): two 98 among numbers
# of children of 0 to 4 made the mean 8.27 for 1.86, without a word
SHORT_CODES = (88, 96, 97, 98)
# 8 or 9 ('ne sait pas', 'sans réponse') after a scale of 1 to 5: a mean satisfaction 4.5 for 3.71; told only when
# a number between the scale's top and it is never answered (a scale's own top answer is not a code)
DIGIT_CODES = (8, 9)
NEGATIVE_DIGITS = (-1, -2, -3, -4, -5, -6, -7, -8, -9)   # « -8 ne sait pas », « -9 refus »: told where all else >= 0
MAX_LISTED = 10
MAX_OPTIONS_COMPARED = 200   # distinct answers of a column compared two by two (a select's answers, not free text)
SKIPPED = {"n/a", "#n/a"}   # KoboToolbox's mark of a skipped question (and Excel's "not available"), folded
# a choice's code as KoboToolbox / ODK write it (lower case, or all capitals): 'En' or 'Tetouan' is a word of a label
CODE = re.compile(r"^([a-z0-9_.\-]+|[A-Z0-9_.\-]+)$")


# an XLSForm's relevant, read in its common forms: ${q} = 'v' (!=, <, <=, >, >= on numbers), selected(${q}, 'v'),
# count-selected(${q}), not(...), and / or, parentheses; anything else (string-length, arithmetic, jr:...) is not read
RELEVANT_TOKEN = re.compile(r"\s*(?:(?P<ref>\$\{[\w.\-]+\})|(?P<text>'[^']*'|\"[^\"]*\")|"
                            r"(?P<number>-?\d+(?:\.\d+)?)|(?P<op>!=|<=|>=|=|<|>|\(|\)|,)|"
                            r"(?P<word>(?:count-selected|selected|not|and|or|true|false)\b))")


class _NotRead(Exception):
    """A relevant the workbook does not read (the answered-not-asked check says so)."""


def _relevant_tokens(condition: str) -> list[tuple[str, str]]:
    tokens, at = [], 0
    while at < len(condition.rstrip()):
        match = RELEVANT_TOKEN.match(condition, at)
        if match is None:
            raise _NotRead(condition[at:].strip())
        tokens.append(next((k, v) for k, v in match.groupdict().items() if v is not None))
        at = match.end()
    return tokens


def _relevant(survey: Survey, condition: str) -> pd.Series:
    """1.0 where the form's relevant is true for a respondent, 0.0 where false, NaN where an answer it compares is
    empty (it may be a question a later version of the form added; Kleene's and / or: false and unknown is false),
    except ${q} = '' and count-selected(${q}), which say whether it is empty. Raises _NotRead for what it does not
    read."""
    tokens, index = _relevant_tokens(condition), survey.data.index
    at = 0

    def peek() -> tuple[str, str]:
        return tokens[at] if at < len(tokens) else ("end", "")

    def take(kind: str, value: str | None = None) -> str:
        nonlocal at
        found = peek()
        if found[0] != kind or (value is not None and found[1] != value):
            raise _NotRead(found[1] or "the end")
        at += 1
        return found[1]

    def column(ref: str) -> str:
        name = header_name(ref[2:-1])
        found = [c for c in survey.data.columns if _question(c) == name] or \
            [c for c in survey.multiple if _question(c) == name]
        if len(found) != 1:
            raise _NotRead(ref)
        return found[0]

    def answers(ref: str) -> pd.Series:
        name = column(ref)
        if name not in survey.data:
            raise _NotRead(ref)
        return survey.codes(name).map(_as_text)

    def logic(kind: str, a: pd.Series, b: pd.Series) -> pd.Series:
        if kind == "and":
            return pd.Series(np.where(a.eq(0) | b.eq(0), 0.0, np.where(a.eq(1) & b.eq(1), 1.0, np.nan)), index=index)
        return pd.Series(np.where(a.eq(1) | b.eq(1), 1.0, np.where(a.eq(0) & b.eq(0), 0.0, np.nan)), index=index)

    def either() -> pd.Series:
        result = both()
        while peek() == ("word", "or"):
            take("word")
            result = logic("or", result, both())
        return result

    def both() -> pd.Series:
        result = compared()
        while peek() == ("word", "and"):
            take("word")
            result = logic("and", result, compared())
        return result

    def compared() -> pd.Series:
        left = operand()
        if peek()[0] == "op" and peek()[1] in ("=", "!=", "<", "<=", ">", ">="):
            op = take("op")
            return _compare(left, op, operand(), index)
        if not isinstance(left, pd.Series) or left.dtype == object:
            raise _NotRead(condition)   # a lone ${q} or literal: not a condition read here
        return left

    def operand() -> Any:
        kind, value = peek()
        if kind == "op" and value == "(":
            take("op")
            inner = either()
            take("op", ")")
            return inner
        if kind == "ref":
            take("ref")
            return answers(value)
        if kind == "text":
            take("text")
            return ("text", value[1:-1])
        if kind == "number":
            take("number")
            return ("number", float(value))
        if kind == "word" and value in ("true", "false"):
            take("word")
            take("op", "(")
            take("op", ")")
            return pd.Series(1.0 if value == "true" else 0.0, index=index)
        if kind == "word" and value == "not":
            take("word")
            take("op", "(")
            inner = either()
            take("op", ")")
            return 1.0 - inner
        if kind == "word" and value in ("selected", "count-selected"):
            take("word")
            take("op", "(")
            name = column(take("ref"))
            if value == "selected":
                take("op", ",")
                kind, code = peek()
                if kind not in ("text", "number"):
                    raise _NotRead(code)
                take(kind)
                code = code.strip("'\"")
                take("op", ")")
                return survey.indicator(name, code) if name in survey.multiple else \
                    survey.codes(name).map(_as_text).map(lambda a: np.nan if pd.isna(a) else float(a == code))
            take("op", ")")   # an empty answer chose nothing: 0, as ODK counts it (count-selected(${q}) > 0: answered)
            if name in survey.multiple and not survey.options_written(name).empty:
                return survey.chosen(name).fillna(0).sum(axis=1)
            return survey.codes(name).map(_as_text).map(lambda a: 0.0 if pd.isna(a) else float(len(a.split())))
        raise _NotRead(value or "the end")

    result = either()
    if at != len(tokens):
        raise _NotRead(tokens[at][1])
    return result.astype(float)


def _compare(left: Any, op: str, right: Any, index: pd.Index) -> pd.Series:
    """${q} op literal (or count-selected): 1.0 / 0.0 / NaN per respondent. An empty answer is '' (as ODK compares
    it) only against ''; otherwise unknown. Numbers are compared as numbers, texts only with = and !=."""
    if isinstance(right, pd.Series) and not isinstance(left, pd.Series):
        left, right = right, left
        op = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}.get(op, op)
    if not isinstance(left, pd.Series) or isinstance(right, pd.Series):
        raise _NotRead(op)   # two literals, or two questions compared
    kind, value = right
    if kind == "text" and value == "" and op in ("=", "!="):
        empty = left.map(lambda a: pd.isna(a) or a == "")
        return (empty == (op == "=")).astype(float)
    if kind == "number" or op not in ("=", "!="):
        number = _number(value) if kind == "text" else value
        if number is None:
            raise _NotRead(f"{op} '{value}'")
        values = left.astype(float) if left.dtype != object else left.map(_number).astype(float)
        test = {"=": np.equal, "!=": np.not_equal, "<": np.less, "<=": np.less_equal, ">": np.greater,
                ">=": np.greater_equal}[op](values, number)
        return pd.Series(np.where(values.isna(), np.nan, test.astype(float)), index=index)
    return left.map(lambda a: np.nan if pd.isna(a) else float((str(a) == value) == (op == "=")))


def _answered_not_asked(survey: Survey, raw: RawTable) -> list[Problem]:
    """A question the form asks only when ${emploi} = 'oui', answered by respondents with emploi 'non': the blanks of
    the skip logic filled in (0 or 'non' typed in every empty cell of the export), which then counted in the
    denominators as « no » (a share of those asked 60 % read 30 %), without a word. A warning, for the conditions
    _relevant reads; one the workbook does not read (or naming a question the export lacks) is said not checked."""
    used = {e.variable for e in survey.spec.estimates} | {header_name(e.by) for e in survey.spec.estimates if e.by}
    problems = []
    for column in sorted(c for c in used if c in survey.relevant):
        condition = survey.relevant[column]
        try:
            asked = _relevant(survey, condition)
        except _NotRead as part:
            problems.append(raw.problem(
                "survey_relevant_not_read", f"the form asks '{column}' only when {condition}: the workbook does not "
                f"read this condition (at « {part} »), so it does not check that those not asked left it empty",
                "Check in the export that the respondents for whom the condition is false have this answer empty "
                "(blanks filled with 0 or 'non' would count in its estimates).", column=column, value=condition,
                severity="warning"))
            continue
        answered = survey.data[column].notna() if column in survey.data else \
            pd.Series(False, index=survey.data.index)
        if column in survey.multiple:   # its 0/1 columns filled with 0 beside an empty text count as « none chosen »
            answered |= survey.chosen(column).notna().any(axis=1)
        wrong = asked.eq(0) & answered
        if wrong.any():
            first = survey.data.index[wrong.to_numpy()][0]
            cell = column
            if column in survey.multiple and (column not in survey.data or pd.isna(survey.data.at[first, column])):
                cell = f"{column}/{survey.chosen(column).loc[first].dropna().index[0]}"   # the 0 in an option column
            problems.append(raw.problem(
                "survey_answered_not_asked", f"{_answers(int(wrong.sum()))} given to '{column}', which the form asks "
                f"only when {condition}, by respondents for whom it is not so: blanks of the skip logic filled in? "
                "They count in its estimates (as « no » or 0)", "Leave those cells empty in the export (as "
                "KoboToolbox / ODK export a question not asked).", index=first, column=cell,
                value=_as_text(survey.data.at[first, cell]), severity="warning"))
    return problems


def _na_answers(survey: Survey, raw: RawTable) -> list[Problem]:
    """'NA' is how R's write.csv writes a missing value: an export cleaned in R and saved again holds 'NA' in every
    unanswered text cell, which a share counted as an answer ('oui' 50 % of all for 60 % of those who answered).
    Numbers are refused as not numbers; a column counted by value is warned, unless the form lists 'NA' as a choice."""
    columns = {e.variable for e in survey.spec.estimates if e.stat == "share"}
    columns |= {header_name(e.by) for e in survey.spec.estimates if e.by}
    problems = []
    for column in sorted(c for c in columns if c in survey.data.columns and c != WG_COLUMN):
        if "NA" in survey.value_labels.get(column, {}) or "NA" in survey.multiple.get(column, []):
            continue
        hits = survey.data[column].astype(object).eq("NA")
        if hits.any():
            problems.append(raw.problem(
                "survey_na_answer", f"{_answers(int(hits.sum()))} 'NA' (how R writes a missing value): counted as an "
                "answer, in the denominator of every share of this question", "If they are missing values, leave "
                "those cells empty (R: write.csv(..., na = \"\")); if 'NA' is a choice of the form, give the form.",
                index=hits.index[hits][0], column=column, value="NA", severity="warning"))
    return problems


# KoboToolbox, ODK Central, SurveyCTO: the form version of each submission (SurveyCTO's was not read: two versions
# renaming a question or its codes gave a mean or share of one version's answers, nothing said)
VERSION_COLUMNS = ("__version__", "formversion", "formdef_version")


def _version_unanswered(survey: Survey, raw: RawTable) -> list[Problem]:
    """A question the estimates use that no submission of a version of the form answers, while the others do: a
    question renamed by the new version ('emploi/revenu' -> 'emploi/revenu_mensuel', the export holding both
    columns, each empty on the other version's rows) was estimated on the new version's submissions only (a mean
    of 50 answers for 85), without a word. Told, naming the column those submissions answer instead, if one; and
    a question a share counts whose answers in two versions have no code in common (choices renamed)."""
    data = survey.data
    version = next((c for c in VERSION_COLUMNS if c in data.columns), None)
    if version is None or data[version].nunique() < 2:
        return []
    versions = data[version]
    columns = {e.variable for e in survey.spec.estimates} | {header_name(e.by) for e in survey.spec.estimates if e.by}
    problems = []
    for column in sorted(c for c in columns if c in data.columns or c in survey.multiple):
        answered = data[column].notna() if column in data.columns else pd.Series(False, index=data.index)
        if column in survey.multiple:
            answered |= survey.options_written(column).notna().any(axis=1)
        per_version = answered.groupby(versions).sum()
        silent = list(per_version.index[per_version.eq(0)])
        if not silent or per_version.eq(0).all():   # never answered at all: survey_never_answered
            continue
        rows = versions.isin(silent)
        others = [c for c in data.columns if c not in columns and not METADATA.match(c)]
        filled = data.loc[rows, others].notna().any() & ~data.loc[~rows, others].notna().any()
        instead = [c for c in filled.index[filled] if c.rsplit("/", 1)[0] == column.rsplit("/", 1)[0]] or \
            list(filled.index[filled])
        if not instead and rows.sum() < 5:   # a few submissions the skip logic did not ask: not a sign
            continue
        said = f"; they answer '{instead[0]}' instead, which the others do not" if instead else ""
        problems.append(raw.problem(
            "survey_version_unanswered", f"no submission of the form's version {', '.join(map(repr, silent))} "
            f"({int(rows.sum())} of {len(data)}) answers '{column}', which the other versions' do{said}: its "
            "estimates are those of the other versions' submissions only", "If a new version of the form renamed "
            "the question, put its answers in one column (and the YAML's name); if it did not ask it, the estimates "
            "are of the submissions that were asked.", index=rows.index[rows][0], column=column, severity="warning"))
    shares = {e.variable for e in survey.spec.estimates if e.stat == "share"}
    # the subgroups and the sex split by value too: 'f' then 'femme' gave two subgroups of women, and the annex's
    # share of women counted the first version's only
    split = shares | {header_name(e.by) for e in survey.spec.estimates if e.by} | ({survey.sex[0]} if survey.sex
                                                                                   else set())
    for column in sorted(c for c in split if c in data.columns and c not in survey.multiple and c != WG_COLUMN):
        # a new version that renamed the choices ('oui'/'non' -> '1'/'0'), without the form to tell: the share of '1'
        # counted every 'oui' of the first version as another answer (25.3 % for 47.2 %), without a word
        codes = survey.codes(column)
        counts = pd.crosstab(versions, codes)
        table = counts.gt(0)[counts.sum(axis=1).ge(5)]   # versions of 5 answers or more
        if len(table) < 2:
            continue
        overlap = table.astype(int) @ table.astype(int).T
        apart = [(a, b) for a in overlap.index for b in overlap.columns if str(a) < str(b) and overlap.at[a, b] == 0]
        if not apart:
            problems += _choice_renamed(counts[counts.sum(axis=1).ge(5)], versions, codes, raw, column)
            continue
        a, b = apart[0]
        first = versions.eq(a) & codes.notna()
        listed = {v: ", ".join(repr(x) for x in table.columns[table.loc[v]][:5]) for v in (a, b)}
        problems.append(raw.problem(
            "survey_version_codes", f"the submissions of the form's version '{a}' answer {listed[a]}, those of "
            f"'{b}' {listed[b]}: no answer in common, so each share counts one version's answers as other answers",
            "If the new version renamed its choices, write every answer with the same codes (or give the form, "
            "whose choices are then checked).", index=first.index[first][0], column=column, severity="warning"))
    for column in sorted(c for c in shares if c in survey.multiple):
        # an option the new version added: KoboToolbox writes 0 in its column on the older version's rows, counted
        # as offered and not chosen (the share of 'droits' 12.8 % of everyone, of those offered it twice that).
        # Told when a version of 10 answers or more never chose it and the others' rate makes that unlikely (< 0.1 %)
        chosen = pd.DataFrame({o: survey.indicator(column, o) for o in survey.options(column)}, index=data.index)
        asked, picked = chosen.notna().groupby(versions).sum(), chosen.eq(1).groupby(versions).sum()
        rate = (picked / asked.where(asked > 0)).max()
        never = picked.eq(0) & asked.ge(10)
        chance = (1 - rate) ** asked.where(never).max()
        for option in chance.index[chance.lt(0.001)]:
            version = never[option].idxmax()
            rows = versions.eq(version) & chosen[option].notna()
            problems.append(raw.problem(
                "survey_version_option", f"no submission of the form's version '{version}' ({int(asked.at[version, option])} "
                f"answers) chose the option '{option}', which {rate[option]:.0%} of another version's chose: if the "
                "new version added it, those submissions are counted as offered it and not choosing it, in the "
                "denominator of its share", f"Leave '{column}/{option}' empty on the rows of the versions that did "
                "not offer it (they were not asked); if it was offered, nothing needs doing.",
                index=rows.index[rows][0], column=f"{column}/{option}", severity="warning"))
    return problems


def _choice_renamed(counts: pd.DataFrame, versions: pd.Series, codes: pd.Series, raw: RawTable,
                    column: str) -> list[Problem]:
    """One choice a later version renamed ('oui' -> 'en_emploi', 'non' kept): the versions share an answer, so
    survey_version_codes said nothing, and the share of 'oui' counted the later version's employed as not employed
    (25.0 % for 47.2 %). Told when the later version never gives an answer the earlier gives, and gives one the
    earlier never does, each too frequent for its absence to be chance (< 0.1 %, as survey_version_option)."""
    order = [v for v in versions.drop_duplicates() if v in counts.index]   # the export's order: the earlier first
    n = counts.sum(axis=1)
    for k, a in enumerate(order):
        for b in order[k + 1:]:
            gone = [c for c in counts.columns if counts.at[b, c] == 0 and counts.at[a, c] > 0
                    and (1 - counts.at[a, c] / n[a]) ** n[b] < 0.001]
            new = [c for c in counts.columns if counts.at[a, c] == 0 and counts.at[b, c] > 0
                   and (1 - counts.at[b, c] / n[b]) ** n[a] < 0.001]
            if gone and new:
                first = versions.eq(b) & codes.eq(new[0])
                return [raw.problem(
                    "survey_version_codes", f"the submissions of the form's version '{b}' never answer '{gone[0]}', "
                    f"which those of '{a}' answer ({int(counts.at[a, gone[0]])} of {int(n[a])}), and answer "
                    f"'{new[0]}' ({int(counts.at[b, new[0]])} of {int(n[b])}), which those of '{a}' never answer: "
                    "a choice the new version renamed? Each share counts them as different answers",
                    "If the new version renamed its choices, write every answer with the same codes (or give the "
                    "form, whose choices are then checked).", index=first.idxmax(), column=column, value=new[0],
                    severity="warning")]
    return []


def _spellings(survey: Survey, raw: RawTable) -> list[Problem]:
    """An answer written two ways in a column the estimates count by value ('oui' and 'Oui', 'f' and 'F': an export
    edited by hand, two versions of the form): the share of 'oui' would leave every 'Oui' out, a subgroup would be
    split in two. Refused, at the first row of the rarer spelling."""
    columns = {e.variable for e in survey.spec.estimates if e.stat == "share"}
    columns |= {header_name(e.by) for e in survey.spec.estimates if e.by}
    columns |= {survey.sex[0]} if survey.sex else set()
    design = {c for k, c in survey.design_columns().items() if k in ("strata", "clusters") and c}
    columns |= design   # 'Maroc' and 'maroc' would be two strata: the SE would be wrong
    problems = []
    for column in sorted(c for c in columns if c in survey.data.columns and c != WG_COLUMN):
        answers = survey.data[column].dropna().astype(str)
        if column in survey.multiple:
            answers = answers.str.split().explode().dropna()
        spellings: dict[str, list[tuple[str, int]]] = {}
        for value, n in answers.value_counts().items():
            spellings.setdefault(fold(value), []).append((value, int(n)))
        for found in (f for f in spellings.values() if len(f) > 1):
            found.sort(key=lambda pair: (-pair[1], pair[0]))
            listed = " and ".join(f"'{value}' ({n} answer{'s' if n > 1 else ''})" for value, n in found)
            rare = found[-1][0]
            coded = [v for v, _ in found if v in survey.value_labels.get(column, {})]   # the form's choice name
            problems.append(raw.problem(
                "survey_value_spellings", f"{listed} are one answer written in {len(found)} ways: " + (
                    "the design would count them as different strata or clusters" if column in design else
                    "the estimates would count them as different answers"), f"Write them all as the form's code "
                f"('{(coded or [found[0][0]])[0]}'), in the export or in KoboToolbox / ODK.",
                index=answers.index[answers == rare][0], column=column, value=rare))
    return problems


def _codes_beside_labels(survey: Survey, raw: RawTable) -> list[Problem]:
    """A question counted by value, without the form, whose answers are choice names ('oui', 'non') on some rows
    and labels ('Oui, en emploi', 'Non, sans emploi') on others: an export made with « XML values » pasted beside
    one made with « Labels », or a form version exported otherwise. The share of 'oui' left out every 'Oui, en
    emploi' (39.4 % for 52.5 %), without a word. A warning at the first row of the rarer kind."""
    columns = {e.variable for e in survey.spec.estimates if e.stat == "share"}
    columns |= {header_name(e.by) for e in survey.spec.estimates if e.by}
    problems = []
    for column in sorted(c for c in columns if c in survey.data.columns and c not in survey.value_labels and
                         c not in survey.multiple and c != WG_COLUMN):
        answers = survey.codes(column).dropna().astype(str)
        found = answers.value_counts()
        if len(found) > MAX_OPTIONS_COMPARED:   # free text, not a select's answers
            continue
        codes = [v for v in found.index if CODE.match(v)]   # a choice's name: 'oui', '1', 'NSP'
        labels = [v for v in found.index if not CODE.match(v) and fold(v) not in map(fold, codes) and
                  v != "NA"]   # R's missing value: survey_na_answer
        if not codes or not labels:
            continue
        rare = labels if found[labels].sum() <= found[codes].sum() else codes
        first = answers.index[answers.isin(rare)][0]
        problems.append(raw.problem(
            "survey_codes_and_labels", f"'{column}' is answered with choice names on some rows "
            f"({', '.join(repr(v) for v in codes[:4])}) and with labels on others "
            f"({', '.join(repr(v) for v in labels[:4])}): each share counts the labels as answers other than the "
            "names (and a subgroup per spelling)", "Export every submission with the same setting (KoboToolbox: "
            "« XML values and headers »), or write the labels as their choice names; give the form ('form:' in the "
            "YAML) to have them checked.", index=first, column=column, value=answers[first], severity="warning"))
    return problems


SPECIFY = ("autre", "autres", "other", "oth", "specify", "preciser", "precisez", "precision")   # '<q>_autre'...


def _other_specified(survey: Survey, raw: RawTable) -> list[Problem]:
    """A select_one counted by value, answered « autre » whose specify column ('secteur_autre') names one of its
    choices ('Agriculture'): the share of 'agriculture' left those out, counted under 'autre' (the recoding of the
    « other, specify » answers not done), without a word. A warning with the count and the first row."""
    columns = {e.variable for e in survey.spec.estimates if e.stat == "share"}
    columns |= {header_name(e.by) for e in survey.spec.estimates if e.by}
    problems = []
    for column in sorted(c for c in columns if c in survey.data.columns and c not in survey.multiple):
        group, _, name = column.rpartition("/")
        prefix = group + "/" if group else ""
        specify = next((c for c in survey.data.columns for word in SPECIFY
                        if c in (f"{column}_{word}", f"{prefix}{word}_{name}")), None)
        if specify is None:
            continue
        answers = survey.codes(column)
        labels = survey.value_labels.get(column, {})
        others = {v for v in answers.dropna().unique() if OTHER.search(fold(str(v))) or
                  any(OTHER.search(fold(t)) for t in labels.get(str(v), {}).values())}
        choices = {fold(str(v)): str(v) for v in answers.dropna().unique() if v not in others}
        choices |= {fold(t): code for code, texts in labels.items() if code not in others for t in texts.values()}
        choices |= {fold(code): code for code in labels if code not in others}
        other = answers.isin(others).to_numpy(bool)   # (only the « autre » rows' texts are folded)
        named = survey.data.loc[other, specify].dropna().astype(str).map(fold)
        hits = pd.Series(False, index=answers.index)
        hits[named.index[named.isin(list(choices))]] = True
        if not hits.any():
            continue
        first = hits.index[hits.to_numpy()][0]
        text = _as_text(survey.data.at[first, specify])
        problems.append(raw.problem(
            "survey_other_specified", f"{_answers(int(hits.sum()))} '{answers[first]}' to '{column}' whose "
            f"'{specify}' names one of its choices (here '{text}', the choice '{choices[fold(str(text))]}'): counted "
            "under 'autre', not under that choice", "Recode those answers to the choice they name (the « other, "
            "specify » answers cleaned), or leave them if the survey's protocol keeps them as « autre ».",
            index=first, column=specify, value=text, severity="warning"))
    return problems


def _answers_not_choices(survey: Survey, raw: RawTable) -> list[Problem]:
    """A select_one counted by value (a share, a subgroup, the sex for the share of women), answered with a word
    that is none of the form's choices, by name or label in any case ('yes' or '1' beside the form's 'oui' / 'non':
    an earlier version of the form, a cell typed by hand): counted as answered and not that value (« oui » 43.1 %
    for 47.2 %), without a word. Refused at its first row, with the count, as a number none of the choices is."""
    columns = {e.variable for e in survey.spec.estimates if e.stat == "share"}
    columns |= {header_name(e.by) for e in survey.spec.estimates if e.by}   # 'Yes' a subgroup apart from 'oui'
    columns |= {survey.sex[0]} if survey.sex else set()
    problems = []
    for column in sorted(c for c in columns if c in survey.data.columns and c not in survey.multiple):
        choices = survey.value_labels.get(column, {})
        if not choices:
            continue
        # each answer's choice: by its name, else by a label ('Yes', 'Oui': an export with labels, which counts)
        choice = {fold(t): c for c, labels in choices.items() for t in labels.values()} | {fold(c): c for c in choices}
        choice.setdefault("other", "other")   # XLSForm's 'select_one list or_other' answers 'other', not listed
        answers = survey.codes(column).dropna().astype(str)
        folded = answers.map(fold)
        written = folded.groupby(folded.map(choice)).agg(lambda f: f.value_counts().index.tolist())
        # a choice written as its name and as its label ('oui' and 'Yes'): the share of one leaves the other out
        second = {f for forms in written for f in forms[1:]}
        bad = answers[~folded.isin(choice) | folded.isin(second)]
        for value in list(dict.fromkeys(bad))[:MAX_LISTED]:
            hits = bad.eq(value)
            same = choice.get(fold(value))
            what = (f"the choice '{same}' written otherwise than on the other rows ("
                    f"{', '.join(repr(answers[folded.eq(f)].iloc[0]) for f in written[same])})" if same is not None
                    else f"which is not a choice of the form for this question (its choices: {', '.join(choices)})")
            problems.append(raw.problem(
                "survey_not_a_choice", f"{_answers(int(hits.sum()))} '{value}', {what}: the estimates would count "
                "it as an answer other than " + (f"'{same}'" if same is not None else "each of them"), "Write every answer as the form's choice it stands for "
                "(in the export, or in KoboToolbox / ODK), or leave it empty; if a later version of the form has "
                "this choice, give that version ('form:' in the YAML).", index=hits.index[hits][0], column=column,
                value=value))
    return problems


def _skipped(frame: pd.DataFrame, raw: RawTable, spec: SurveySpec) -> tuple[pd.DataFrame, list[Problem]]:
    """'n/a' is how KoboToolbox exports a question skipped by the form's logic: not answered, so empty. Counted as
    an answer, it lowered every share of the question ('oui' 43 % instead of 46 %). No choice name can be 'n/a' (an
    XLSForm name has no '/'), so no answer is lost; said once per column the estimates use, with the count."""
    used = {e.variable for e in spec.estimates} | {header_name(e.by) for e in spec.estimates if e.by}
    problems, said = [], set()
    frame = frame.copy()
    for column in frame.columns:
        if METADATA.match(column):
            continue
        skipped = frame[column].map(lambda v: isinstance(v, str) and fold(v) in SKIPPED)
        if not skipped.any():
            continue
        first = frame.index[skipped][0]
        value = frame.at[first, column]
        frame[column] = frame[column].where(~skipped, None)
        question = column.rsplit("/", 1)[0]   # a select_multiple's 0/1 columns: said once, for the question
        question = question if question in used else column
        if (question in used or _question(column) in SEX_QUESTIONS) and question not in said:
            said.add(question)
            problems.append(raw.problem(
                "survey_skipped", f"{int(skipped.sum())} answer(s) are '{value}' (a question the form skipped): read "
                "as not answered", "Nothing to do if the question was skipped; if some were answered, export again.",
                index=first, column=column, value=value, severity="warning"))
    return frame, problems


def _estimated(spec: SurveySpec) -> set[str]:
    """The columns a mean, a total or a ratio (both its terms) is asked of."""
    return {c for e in spec.estimates if e.stat in ("mean", "total", "ratio") for c in (e.variable, e.denominator)
            if c is not None}


def _totals_rows(frame: pd.DataFrame, raw: RawTable, spec: SurveySpec) -> list[Problem]:
    """A row added below the export with Excel's sums ('Total' in a cell, or the weights' and hours' sums): it was a
    respondent standing for as many people as all the others, the total of training hours 35.3 million for 199 845,
    without a word. Refused at the row: 'Total' in its first cell or on a row without the submission's identifier
    (an answer may be a choice named 'total'), or a weight or number estimated that is the sum of the column's
    other rows (10 or more)."""
    from .totals import HINT, says_total

    weights = header_name(spec.design.weights) if spec.design.weights else None
    ids = [c for c in ID_COLUMNS if c in frame.columns]
    no_id = frame[ids].isna().all(axis=1) if ids else pd.Series(True, index=frame.index)
    found: dict[Any, tuple[str, str]] = {}
    for k, column in enumerate(frame.columns):
        rows = frame.index if k == 0 else frame.index[no_id.to_numpy()]
        for i in rows[frame.loc[rows, column].map(lambda v: says_total(v, set())).to_numpy(bool)]:
            found.setdefault(i, (column, f"'{frame.at[i, column]}' says it is a totals row"))
    for column in [c for c in sorted(_estimated(spec) | {weights} - {None}) if c in frame.columns]:
        values = frame[column].map(_number).astype(float)
        others = values.sum() - values   # the sum of the other rows, per row
        if values.notna().sum() <= 10:
            continue
        # above every other row, and a sum of 2 or more (1 and 1 among 0s, two jobs of 30 trainees, is no total)
        second = values.nlargest(2).iloc[-1]
        hits = values.notna() & (others > 0) & ((values - others).abs() <= TOTALS_TOLERANCE * others) & \
            values.gt(second) & (values.ne(0).sum() >= 3)
        for i in frame.index[hits.to_numpy()]:
            found.setdefault(i, (column, f"its {column} ({numbers.plain(values[i])}) is the sum of the "
                                         f"{int(values.notna().sum()) - 1} other rows"))
    return [raw.problem("survey_totals_row", f"this row is not a submission: {why}; it would be counted as a "
                        "respondent", HINT, index=i, column=column, value=_as_text(frame.at[i, column]))
            for i, (column, why) in sorted(found.items(), key=lambda item: raw.where(item[0])["row"])[:MAX_LISTED]]


TOTALS_TOLERANCE = 0.005   # a sum typed or rounded (2 551 for 2 550.6)


def _repeated_submissions(frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A submission on two rows (an export pasted twice, a form sent twice) would count its respondent twice:
    refused. The submission's identifier tells; without one, a row whose answers and times are all another's."""
    # each row's identifier: the first of its ID columns filled, without ODK's 'uuid:' (KoboToolbox's _uuid has
    # none, its meta/instanceID and ODK Central's have it): a Kobo export and an ODK Central export of the same
    # submissions pasted one under the other were two respondents each (a total 77 500 for 59 000)
    columns = [c for c in ID_COLUMNS if c in raw.frame.columns]
    written = raw.frame[columns].map(_as_text) if columns else pd.DataFrame(index=raw.frame.index)
    where = written.notna().idxmax(axis=1).where(written.notna().any(axis=1)) if columns else None
    ids = written.bfill(axis=1).iloc[:, 0].map(_submission_id) if columns else None
    column = columns[0] if columns and ids.notna().any() else None
    same_answers = False
    # a copy marked not approved at review is left out (below): KoboToolbox's way of discarding a duplicate was
    # refused with « delete one of the two rows »
    review = next((c for c in REVIEW_COLUMNS if c in raw.frame.columns), None)
    kept = ~raw.frame[review].map(_review_status).isin(NOT_APPROVED).to_numpy(bool) if review else \
        np.ones(len(raw.frame), bool)
    if column is not None:
        found = repeats(pd.DataFrame({"id": ids})[ids.notna().to_numpy(bool) & kept], ["id"])
        # the same interview sent twice under two identifiers (Enketo offline, a form saved as new on the device):
        # its start and end to the second and every answer another row's; counted twice, without a word
        content = [c for c in raw.frame.columns if not METADATA.match(c) and c not in ID_COLUMNS and
                   c not in ("_index", "_id", "submissiondate", "reviewstate", "_validation_status")]
        if not found and {"start", "end"} <= set(content) and raw.frame[["start", "end"]].notna().all(axis=1).any():
            timed = raw.frame[raw.frame[["start", "end"]].notna().all(axis=1).to_numpy(bool) & kept]
            found, same_answers = repeats(timed, content), True
    elif any(c in raw.frame.columns for c in TIME_COLUMNS):
        found = repeats(raw.frame[kept], [c for c in raw.frame.columns if c not in ("_index", "_id")])
    else:
        return []
    problems = []
    for i, earlier in found[:MAX_LISTED]:
        mine, theirs = (where[i], where[earlier]) if column else (None, None)
        alike = column and mine == theirs and written.at[i, mine] == written.at[earlier, theirs]
        same = (f"its start, end and every answer are those of row {earlier}, under another {mine} (the same "
                "interview sent twice)" if same_answers else
                f"its {mine} is that of row {earlier}" if alike else
                f"its {mine} ({written.at[i, mine]}) is the {theirs} of row {earlier} "
                f"({written.at[earlier, theirs]})" if column else
                f"its answers and times are those of row {earlier}")
        problems.append(raw.problem("survey_repeated_submission", f"this submission is already in the export: {same}",
                                    "Delete one of the two rows: a submission exported or sent twice would count "
                                    "its respondent twice.", index=i, column=mine,
                                    value=written.at[i, mine] if column else None))
    if len(found) > MAX_LISTED:
        problems.append(raw.problem("survey_repeated_submission", f"{len(found) - MAX_LISTED} more submissions are "
                                    "already in the export", "", column=column))
    return problems


def _without_rejected(frame: pd.DataFrame, raw: RawTable) -> tuple[pd.DataFrame, int, list[Problem]]:
    """The submissions but those marked not approved at review (KoboToolbox's validation status, ODK Central's
    review state), which the platform's users have refused: left out, with a warning that says so."""
    column = next((c for c in REVIEW_COLUMNS if c in frame.columns), None)
    if column is None:
        return frame, 0, []
    # 'Non-approuvé', 'Not  Approved', 'not_approved': one status, whatever joins its words
    status = frame[column].map(_review_status)
    rejected = status.isin(NOT_APPROVED)
    count = int(rejected.sum())
    # a status typed by hand or in another language ('Non validé', 'Invalide'): it may mean not approved, and was
    # counted without a word
    other = status.notna() & ~rejected & ~status.isin(REVIEW_KEPT)
    told = [] if not other.any() else [raw.problem(
        "survey_review_unknown", f"{int(other.sum())} submission(s) have the review status "
        f"'{frame.at[frame.index[other][0], column]}', which is none of KoboToolbox's or ODK Central's: they are "
        "counted", "If it means not approved, write 'Not Approved' (KoboToolbox) or 'rejected' (ODK Central), or "
        "delete their rows; if they are to be counted, nothing needs doing.", index=frame.index[other][0],
        column=column, value=frame.at[frame.index[other][0], column], severity="warning")]
    if not count:
        return frame, 0, told
    rows = ", ".join(str(raw.where(i)["row"]) for i in frame.index[rejected][:MAX_LISTED])
    more = f" and {count - MAX_LISTED} more" if count > MAX_LISTED else ""
    value = frame.at[frame.index[rejected][0], column]
    if count == len(frame):
        return frame, 0, [raw.problem("survey_all_rejected", "every submission is marked not approved at review",
                                      "Export the survey again once its submissions are reviewed.",
                                      index=frame.index[0], column=column, value=value)]
    return frame[~rejected], count, told + [raw.problem(
        "survey_rejected", f"{count} submission(s) marked not approved at review are left out of every estimate "
        f"(rows {rows}{more})", "To count them, change their review status in KoboToolbox or ODK Central and export "
        "again; to leave them out without this warning, delete their rows (and their rows in the repeat "
        "groups' sheets).", index=frame.index[rejected][0],
        column=column, value=value, severity="warning")]


def _review_status(value: Any) -> str | None:
    """A review status folded, its words joined by '_' ('Non-approuvé', 'Not  Approved': 'non_approuve',
    'not_approved'); KoboToolbox's status as its API writes it ("{'uid': 'validation_status_not_approved', ...}",
    an export made with a script) is its uid; '{}' (none) is empty."""
    text = _as_text(value)
    if text is None or text.strip() in ("{}", "[]"):
        return None
    uid = re.search(r"validation_status_(?:not_approved|approved|on_hold)", text)
    return uid.group(0) if uid else re.sub(r"[\s_\-]+", "_", fold(text))


def _interview_day(value: Any, dayfirst: bool | None = None) -> dt.date | None:
    """The day of a time as exports write it: '2021-05-03T09:58:12.345+01:00' (KoboToolbox's start, the
    interviewer's own day), '2021-05-03T10:00:00' (_submission_time), a date cell of an .xlsx."""
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _as_text(value)
    slashed = SLASHED_DAY.match(text) if isinstance(text, str) else None
    if slashed and dayfirst is not None:   # '01/05/2021 10:00': the export saved again by Excel
        first, second, year = (int(g) for g in slashed.groups())
        try:
            return dt.date(year, second, first) if dayfirst else dt.date(year, first, second)
        except ValueError:
            return None
    named = MONTH_NAMED.match(text) if isinstance(text, str) else None
    if named:   # SurveyCTO's 'Jun 1, 2021 9:15:03 AM': was « not read as a day », fieldwork_start refused
        try:
            return dt.date(int(named.group(3)), MONTHS.index(named.group(1).lower()) + 1, int(named.group(2)))
        except ValueError:
            return None
    try:
        return dt.date.fromisoformat(text[:10]) if isinstance(text, str) else None
    except ValueError:
        return None


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAMED = re.compile(r"^\s*(" + "|".join(MONTHS) + r")[a-z]*\.? (\d{1,2}), (\d{4})\b", re.IGNORECASE)


# a time as Excel writes it once the export is saved again: '01/05/2021 10:00' (French: day first), '5/1/2021'
SLASHED_DAY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _submission_days(frame: pd.DataFrame, raw: RawTable, column: str) -> tuple[pd.Series, list[Problem]]:
    """The day of each submission (its ``column``, else _submission_time). Times written '01/05/2021 10:00' (the
    export saved again by Excel) were not read: a fieldwork_start then left out no test, without a word. They are
    read day first (French Excel) or month first when a day above 12 tells which; when none does, refused."""
    columns = [column] + (["_submission_time"] if column != "_submission_time" and "_submission_time" in frame
                          else [])
    texts = pd.concat([frame[c].map(_as_text) for c in columns])
    parts = texts.dropna().astype(str).str.extract(SLASHED_DAY).dropna().astype(int)
    dayfirst = None
    if len(parts):
        dayfirst = True if (parts[0] > 12).any() else False if (parts[1] > 12).any() else None
        if dayfirst is None:
            first = parts.index[0]
            where = next(c for c in columns if _as_text(frame.at[first, c]) is not None and
                         SLASHED_DAY.match(str(_as_text(frame.at[first, c]))))
            return pd.Series(None, index=frame.index, dtype=object), [raw.problem(
                "survey_time_ambiguous", f"the times of '{where}' are written day/month/year or month/day/year (the "
                "export saved again by Excel), and no day above 12 tells which: the day of each submission (for "
                "fieldwork_start, or the tests made before the interviews) cannot be read", "Export the "
                "submissions again from KoboToolbox / ODK (times written 2021-05-01T10:00:00), or write them so.",
                index=first, column=where, value=_as_text(frame.at[first, where]))]
    days = frame[column].map(lambda v: _interview_day(v, dayfirst))
    sent = next((c for c in ("_submission_time", "submissiondate") if c != column and c in frame.columns), None)
    if sent is None:
        return days, []
    received = frame[sent].map(lambda v: _interview_day(v, dayfirst))
    days = days.where(days.notna(), received)   # an interview without its start
    # a tablet whose clock was reset (ODK's 1970-01-01, 2000-01-01) starts an interview years before the server got
    # it: an interview of the fieldwork was left out as a test made before it. Its day is the server's
    wrong = pd.Series([d is not None and r is not None and not pd.isna(d) and not pd.isna(r) and
                       (r - d).days > DEVICE_CLOCK_DAYS for d, r in zip(days, received)], index=frame.index)
    if not wrong.any():
        return days, []
    first = frame.index[wrong.to_numpy()][0]
    rows = ", ".join(str(raw.where(i)["row"]) for i in frame.index[wrong.to_numpy()][:MAX_LISTED])
    return days.where(~wrong, received), [raw.problem(
        "survey_device_clock", f"{int(wrong.sum())} submission(s) started more than {DEVICE_CLOCK_DAYS} days before "
        f"the server received them (rows {rows}): the device's clock was wrong; their day is taken from '{sent}'",
        "Nothing to do if the device's date was wrong; if they are tests, delete their rows or mark them not "
        "approved.", index=first, column=column, value=_as_text(frame.at[first, column]), severity="warning")]


DEVICE_CLOCK_DAYS = 365   # a start this far before the server's time is a device's clock, not an interview kept


def _without_tests(frame: pd.DataFrame, raw: RawTable, spec: SurveySpec) -> tuple[pd.DataFrame, int, list[Problem]]:
    """Submissions made before the first day of fieldwork (``fieldwork_start``): the form tried out on the server
    before the survey, counted as respondents (a total 10 % high with 4 tests in 40 submissions). Left out, with
    a warning naming their rows; the day is the interview's start, else the submission's time."""
    if spec.fieldwork_start is None:
        return frame, 0, _early_cluster(frame, raw)
    column = next((c for c in TIME_COLUMNS if c in frame.columns and c not in ("end", "endtime")), None)
    if column is None:
        return frame, 0, [raw.problem("survey_fieldwork_without_times", "'fieldwork_start' is given, but the export "
                                      "has no 'start' nor '_submission_time' column to tell when each submission "
                                      "was made", "Export again with the metadata columns, or remove "
                                      "'fieldwork_start' from the YAML.", index=raw.header_row)]
    days, problems = _submission_days(frame, raw, column)
    if any(p.severity == "error" for p in problems):
        return frame, 0, problems
    unread = days.isna() & frame[column].map(_as_text).notna()
    if unread.any():   # such a submission could be a test: it would be kept without a word
        first = frame.index[unread.to_numpy()][0]
        return frame, 0, [raw.problem(
            "survey_time_unreadable", f"{int(unread.sum())} time(s) of '{column}' are not read as a day, so "
            f"fieldwork_start {spec.fieldwork_start.isoformat()} cannot tell whether they were made before it",
            "Export the submissions again from KoboToolbox / ODK (times written 2021-05-01T10:00:00), or write them "
            "so.", index=first, column=column, value=_as_text(frame.at[first, column]))]
    early = days.map(lambda d: d is not None and d < spec.fieldwork_start).astype(bool)
    count = int(early.sum())
    if not count:
        return frame, 0, problems
    rows = ", ".join(str(i) for i in frame.index[early][:MAX_LISTED])
    more = f" and {count - MAX_LISTED} more" if count > MAX_LISTED else ""
    first = frame.index[early][0]
    if count == len(frame):
        return frame, 0, problems + [raw.problem("survey_all_before_fieldwork", f"every submission was made before the "
                                      f"fieldwork_start {spec.fieldwork_start.isoformat()}", "Check the date in the "
                                      "YAML (year-month-day).", index=first, column=column,
                                      value=_as_text(frame.at[first, column]))]
    return frame[~early], count, problems + [raw.problem(
        "survey_before_fieldwork", f"{count} submission(s) made before the fieldwork_start "
        f"{spec.fieldwork_start.isoformat()} (tests of the form) are left out of every estimate (rows {rows}{more})",
        "Nothing to do if they are tests; if the interviews began earlier, correct 'fieldwork_start' in the YAML.",
        index=first, column=column, value=_as_text(frame.at[first, column]), severity="warning")]


EARLY_GAP_DAYS = 3         # days between a few first submissions and the others for them to look like tests
EARLY_SHARE = 0.1          # ... at most this share of the submissions


def _early_cluster(frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """Without fieldwork_start, the form's tests made on the server before the interviews count as respondents (4
    in 44: a total 16 % high), without a word. A few submissions (at most a tenth) made days before all the others,
    the gap wider than any between two days of the interviews, are told; fieldwork_start says what they are."""
    column = next((c for c in TIME_COLUMNS if c in frame.columns and c not in ("end", "endtime")), None)
    if column is None or len(frame) < 10:
        return []
    days, problems = _submission_days(frame, raw, column)
    if any(p.severity == "error" for p in problems):   # days not read: no guess (refused where fieldwork_start needs)
        return []
    days = days.dropna()
    counts = days.value_counts().sort_index()   # per distinct day, in order (a survey of months: a few hundred)
    distinct, before_count = list(counts.index), counts.cumsum().tolist()
    gaps = [(b - a).days for a, b in zip(distinct, distinct[1:])]
    inside = 0   # the widest gap between two days from the split on
    for k in range(len(distinct) - 1, 0, -1):   # the latest split first: the largest group of early submissions
        before, after, gap = distinct[:k], distinct[k:], gaps[k - 1]
        if k < len(gaps):
            inside = max(inside, gaps[k])
        if before_count[k - 1] <= EARLY_SHARE * len(days) and gap >= EARLY_GAP_DAYS and gap > 2 * inside:
            early = days[days.map(lambda d: d < after[0])]
            first = early.index[0]
            rows = ", ".join(str(raw.where(i)["row"]) for i in early.index[:MAX_LISTED])
            more = f" and {len(early) - MAX_LISTED} more" if len(early) > MAX_LISTED else ""
            return problems + [raw.problem(
                "survey_early_submissions", f"{len(early)} submission(s) made {_days(before[0], before[-1])}, {gap} "
                f"days before all the others (from {after[0].isoformat()} on): tests "
                f"of the form? They count as respondents (rows {rows}{more})", f"If they are tests, write "
                f"'fieldwork_start: {after[0].isoformat()}' in the YAML (they are then left out, and the annex says "
                f"so); if they are interviews, write 'fieldwork_start: {before[0].isoformat()}'.", index=first,
                column=column, value=_as_text(frame.at[first, column]), severity="warning")]
    return problems


def _days(first: dt.date, last: dt.date) -> str:
    """« on 2021-02-20 » for one day (« from 2021-02-20 to 2021-02-20 » read as two), else « from ... to ... »."""
    return f"on {first.isoformat()}" if first == last else f"from {first.isoformat()} to {last.isoformat()}"


def _answer_codes(survey: Survey, raw: RawTable) -> list[Problem]:
    """The numbers a mean or a total is asked of, against the codes forms use for "don't know" or "refused" (those
    of a repeat group are checked in its own sheet, _join_repeat)."""
    problems = []
    for column in sorted(_estimated(survey.spec) & set(survey.data.columns)):
        if not column.endswith(("/_sum", "/_count")):
            labelled = _labelled_codes(survey, raw, column)   # the form says what 8 is: told once, as an error
            labelled += _not_a_choice(survey, raw, column)    # or says that 8 is none of its choices
            labelled += _outside_constraint(survey, raw, column)   # or that 8 breaks its constraint (. <= 6)
            said = {p.value for p in labelled}
            problems += [p for p in code_problems(survey.data[column], raw, column)
                         if not (p.rule == "survey_nines" and str(p.value) in said)] + labelled
    return problems


# a choice the form labels "don't know", "refused", "not applicable" (in French or English), folded
NOT_AN_ANSWER = re.compile(r"\b(ne sai[st] pas|sais pas|nsp|don'?t know|do not know|refus\w*|prefere ne pas\w*|"
                           r"prefer not\w*|sans reponse|pas de reponse|no answer|non applicable|not applicable|"
                           r"sans objet|n/a)\b")


NUMBER_CODE = "a number code"   # _dont_know_in_shares: a number answered as forms code "don't know" (99 beside 1, 2)


def _dont_know_in_shares(survey: Survey, raw: RawTable) -> list[Problem]:
    """A share of a question some answered « Ne sait pas » (a choice the form labels so, or a code such as 'nsp'):
    those answers are in its denominator, as not having given the value (the share of 'oui' 40.4 % of everyone, 45.4 %
    of those who know), which is R's figure with them counted but was not said. Told once per question and value."""
    problems, done = [], set()
    for est in survey.spec.estimates:
        column = est.variable
        if est.stat != "share" or column in done or column == WG_COLUMN or \
                (column not in survey.data.columns and column not in survey.multiple):
            continue
        done.add(column)
        codes = _dont_know_codes(survey, column)
        for code, label in codes.items():
            if label is None or code == est.value:
                continue
            said = survey.indicator(column, code).eq(1)
            if est.value is not None:
                said &= survey.indicator(column, est.value).notna()
            if not said.any():
                continue
            shown = f"« {label} » ({code})" if label not in (code.replace("_", " "), NUMBER_CODE) else \
                f"'{code}'" + (", a code for 'don't know' or 'refused' in most forms" if label == NUMBER_CODE else "")
            share = f"the share of '{est.value}'" if est.value is not None else "each other answer's share"
            problems.append(raw.problem(
                "survey_dont_know_counted", f"{_answers(int(said.sum()))} {shown}: counted in the denominator of "
                f"{share}, as respondents who did not give it", "If the share is to be among those who gave an "
                "answer, leave those answers empty in the export (a select_multiple's text and its option columns)" +
                (f" or declare the code (missing_codes: [{code}] in the YAML); if {code} is an answer (88 « Autre »), "
                 "nothing needs doing." if label == NUMBER_CODE and column not in survey.multiple else
                 "; otherwise nothing needs doing."),   # (missing_codes leaves a select_multiple's options as they are)
                index=said.index[said][0], column=column, value=code, severity="warning"))
    return problems


def _dont_know_codes(survey: Survey, column: str) -> dict[str, str | None]:
    """Each answer of a question counted by value -> the label saying it is « ne sait pas », « refus »... (the form's,
    or the code's own words, 'nsp'), NUMBER_CODE for a number forms use so (99 beside 1, 2; 98 beside 'oui', 'non'),
    else None."""
    labels = survey.value_labels.get(column, {})
    codes = {code: next((t for t in (*labels.get(code, {}).values(), code.replace("_", " "))
                         if NOT_AN_ANSWER.search(fold(t))), None) for code in survey.options(column)}
    numeric = {code: _number(code) for code in codes}
    if numeric and None not in numeric.values():   # a select_one coded 1 oui, 2 non, 99 without the form
        for code, number in numeric.items():
            top = max((n for c, n in numeric.items() if c != code), default=math.inf)
            if codes[code] is None and code not in labels and (number in MISSING_CODES or
                                                               (_code_like(number) and number > top)):
                codes[code] = NUMBER_CODE
    elif any(n is not None for n in numeric.values()):   # 98 beside 'oui' / 'non', without the form: the
        # number is no choice of a question answered in words, but forms' code for « ne sait pas » (the share
        # of 'oui' was among everyone, 41.9 % for 50.2 % among those who answered, without a word)
        for code, number in numeric.items():
            if codes[code] is None and code not in labels and number in (*MISSING_CODES, *NINES, *SHORT_CODES):
                codes[code] = NUMBER_CODE
    return codes


def _dont_know_subgroups(survey: Survey, raw: RawTable) -> list[Problem]:
    """A subgroup column (``by``) some answered with a code for « ne sait pas » or « refus » (98 beside 1 and 2, or a
    choice the form labels so): the annex showed « Statut : 98 » as a subgroup of its own, beside the others,
    without a word. Told once per column, with what to declare (missing_codes leaves them out of every subgroup;
    they stay in « Ensemble »)."""
    from .readers import header_name

    problems = []
    for column in dict.fromkeys(header_name(e.by) for e in survey.spec.estimates if e.by):
        if column == WG_COLUMN or (column not in survey.data.columns and column not in survey.multiple):
            continue
        for code, label in _dont_know_codes(survey, column).items():
            said = survey.indicator(column, code).eq(1)
            if label is None or not said.any():
                continue
            shown = f"« {label} » ({code})" if label not in (code.replace("_", " "), NUMBER_CODE) else \
                f"'{code}'" + (", a code for 'don't know' or 'refused' in most forms" if label == NUMBER_CODE else "")
            declare = (f"declare the code (missing_codes: [{code}] in the YAML) or " if label == NUMBER_CODE and
                       column not in survey.multiple else "")
            problems.append(raw.problem(
                "survey_dont_know_subgroup", f"{_answers(int(said.sum()))} {shown}: shown as a subgroup of its own "
                f"beside the others ({column} = {code})", f"If it is no subgroup, {declare}leave those answers empty "
                "in the export: those respondents then count in the whole and in no subgroup; if it is an answer, "
                "nothing needs doing.", index=said.index[said][0], column=column, value=code, severity="warning"))
    return problems


def _labelled_codes(survey: Survey, raw: RawTable, column: str) -> list[Problem]:
    """A score averaged whose form gives a choice the label « Ne sait pas » (8 beside 1 to 5): the mean counted the
    8 as a score (4.2 for 3.66), without a word. Refused at the first such answer, with the count."""
    problems = []
    for code, labels in survey.value_labels.get(column, {}).items():
        # « 88 Autre (préciser) » on a scale of 1 to 5: no point of the scale either (a mean of 9.92 for 3.13), at
        # most warned as a code for « ne sait pas », which the form says it is not
        label = next((t for t in labels.values() if NOT_AN_ANSWER.search(fold(t)) or OTHER.search(fold(t))), None)
        number = _number(code)
        if label is None or number is None:
            continue
        hits = survey.data[column].eq(number)
        if hits.any():
            shown = numbers.plain(number)
            problems.append(raw.problem(
                "survey_missing_code", f"{_answers(int(hits.sum()))} {shown}, which the form labels « {label} »: "
                f"not a value, but the estimates would count it as {shown}", f"Declare it (missing_codes: [{shown}] "
                "in the YAML), or leave those answers empty in the file.", index=hits.index[hits][0], column=column,
                value=shown))
    return problems


OTHER = re.compile(r"^(autres?|other|others)\b")   # a choice labelled « Autre (préciser) », « Other, specify », folded


def _not_a_choice(survey: Survey, raw: RawTable, column: str) -> list[Problem]:
    """A score averaged whose form's choices are numbers (1 to 6), answered with a number that is none of them (8 or
    99 typed for « ne sait pas » when the export was cleaned): the mean counted it as a score, at most warned as a
    possible code. The form shows it is no answer of this question: refused at its first row, with the count."""
    choices = {code: _number(code) for code in survey.value_labels.get(column, {})}
    if not choices or None in choices.values() or column not in survey.data:
        return []
    answers = pd.to_numeric(survey.data[column], errors="coerce")
    outside = answers.notna() & ~answers.isin(list(choices.values()))
    problems = []
    for value in sorted(answers[outside].unique())[:MAX_LISTED]:
        hits = answers.eq(value)
        shown = numbers.plain(float(value))
        listed = ", ".join(numbers.plain(v) for v in sorted(choices.values()))
        problems.append(raw.problem(
            "survey_not_a_choice", f"{_answers(int(hits.sum()))} {shown}, which is not a choice of the form for this "
            f"question (its choices: {listed}): the estimates would count it as {shown}", f"If {shown} stands for "
            f"'don't know' or 'refused', declare it (missing_codes: [{shown}] in the YAML) or leave those answers "
            "empty; if a later version of the form has this choice, give that version ('form:' in the YAML).",
            index=hits.index[hits][0], column=column, value=shown))
    return problems


def _outside_constraint(survey: Survey, raw: RawTable, column: str) -> list[Problem]:
    """A score typed as an integer whose form's constraint allows 1 to 6 (. >= 1 and . <= 6), answered 8 or 99 (a
    code for « ne sait pas » typed when the export was cleaned: KoboToolbox / ODK refuse it on the device): the mean
    counted it, at most warned as a possible code. Refused at its first row, with the count, when the constraint is
    one _relevant reads (the question's own answer written '.')."""
    constraint = survey.constraints.get(column)
    if not constraint or column not in survey.data:
        return []
    try:
        allowed = _relevant(survey, re.sub(r"(?<![\w}'\"])\.(?![\w.])", "${" + _question(column) + "}", constraint))
    except _NotRead:
        return []
    answers = pd.to_numeric(survey.data[column], errors="coerce")
    outside = answers.notna() & allowed.eq(0)
    problems = []
    for value in sorted(answers[outside].unique())[:MAX_LISTED]:
        hits = outside & answers.eq(value)
        shown = numbers.plain(float(value))
        problems.append(raw.problem(
            "survey_not_a_choice", f"{_answers(int(hits.sum()))} {shown}, which the form's constraint on this question "
            f"({constraint}) does not allow: the estimates would count it as {shown}", f"If {shown} stands for "
            f"'don't know' or 'refused', declare it (missing_codes: [{shown}] in the YAML) or leave those answers "
            "empty; if a later version of the form allows it, give that version ('form:' in the YAML).",
            index=hits.index[hits][0], column=column, value=shown))
    return problems


def code_problems(values: pd.Series, raw: RawTable, column: str, prefix: str = "survey_") -> list[Problem]:
    """-99 and its kind are refused (the estimates would count them as numbers); 999 and its kind, when they are
    larger than every other answer or far above most, on several rows (on one row: both), are a warning (they may
    be answers). Rules
    ``<prefix>missing_code`` and ``<prefix>nines`` (a survey's answers; an impact study's outcomes)."""
    problems = []
    floats = values.to_numpy(dtype="float64", na_value=np.nan)
    coded = np.isin(floats, MISSING_CODES)
    for i in values.index[coded][:MAX_LISTED]:
        code = numbers.plain(values[i])
        problems.append(raw.problem(f"{prefix}missing_code", f"{code} is not an answer but a code for 'don't know' "
                                    f"or 'refused' in most forms: the estimates would count it as {code}",
                                    "Leave these answers empty in the file (an empty answer is 'not answered' and "
                                    "leaves the estimate), " + (f"declare the code (missing_codes: [{code}] in the "
                                    "YAML), " if prefix == "survey_" else "") + "or correct the value.", index=i, column=column,
                                    value=code))
    if coded.sum() > MAX_LISTED:
        problems.append(raw.problem(f"{prefix}missing_code", f"{int(coded.sum()) - MAX_LISTED} more answers of this "
                                    "column are such codes", "", column=column))
    finite = floats[np.isfinite(floats)]
    # -1 to -9 (« -8 ne sait pas », « -9 refus ») among answers all 0 or more: ages or children averaged with them
    # (a mean of 2.15 children for 2.44), without a word
    negative = np.isin(floats, NEGATIVE_DIGITS)
    if negative.any() and (finite >= 0).sum() >= 2 and (finite[~np.isin(finite, NEGATIVE_DIGITS)] >= 0).all():
        for code in np.unique(floats[negative]).tolist():
            hits = pd.Series(floats == code, index=values.index)
            shown = numbers.plain(code)
            problems.append(raw.problem(
                f"{prefix}nines", f"{_answers(int(hits.sum()))} {shown}, below every other answer (all 0 or more): "
                f"if {shown} stands for 'don't know' or 'refused', the estimates count it as {shown}", "If it does, "
                "leave those answers empty in the file" + (f" or declare it (missing_codes: [{shown}] in the YAML)"
                                                           if prefix == "survey_" else "") +
                f"; if {shown} is a true answer, nothing needs doing.", index=hits.index[hits][0], column=column,
                value=shown, severity="warning"))
    # (the whole numbers of 100 or more and the nines only, each once: a study's outcome has millions of answers)
    candidates = np.unique(finite[((finite >= 100) & (finite == np.floor(finite))) |
                                  np.isin(finite, list(NINES) + list(SHORT_CODES) + list(DIGIT_CODES))])
    codes = [v for v in candidates.tolist() if _code_like(v)]
    if not codes:   # (most columns: no quartiles of two million answers to compute)
        return problems
    others = finite[~np.isin(finite, codes)]
    if not len(others):
        return problems
    q1, q3 = np.percentile(others, [25, 75])
    for code in codes:   # a code-like number on several rows, above every other answer or far above most of them;
        hits = pd.Series(floats == code, index=values.index)   # on one row, both (one 9999 among incomes of 3 000)
        far = code > q3 + 3 * (q3 - q1)
        scale = finite[~np.isin(finite, DIGIT_CODES)].max(initial=-np.inf)
        # 8 or 9 beyond a hole above the scale (8 after 1 to 6, 9 after 1 to 7 or after 1 to 5 and 8), not the top
        # of a scale of 1 to 9 (7 and 8 answered below it); 8 after 1 to 6 went into the mean without a word
        if code in DIGIT_CODES and all(v in finite for v in range(int(scale) + 1, int(code))) \
                if math.isfinite(scale) else code in DIGIT_CODES:
            continue
        # 999 on several rows among incomes of 300 to 15 000: inside the answers, but answered more often than any
        # other number not ending in 0 (people round to tens, not to 999); the mean of 3 202 was 3 318 without them
        heaped = code >= 99 and hits.sum() >= 3 and hits.sum() > _most_repeated_unround(others)
        if (code <= others.max() and not far and not heaped) or \
                (hits.sum() < 2 and not (far and code > others.max())):
            continue
        code = int(code)
        where = (f"more than every other answer (at most {numbers.plain(float(others.max()))})" if code > others.max()
                 else f"far above most other answers (half are between {numbers.plain(round(float(q1), 2))} and "
                 f"{numbers.plain(round(float(q3), 2))})" if far else "more often than any other answer not ending "
                 "in 0, as a code is and an amount typed is not")
        problems.append(raw.problem(
            f"{prefix}nines", f"{_answers(int(hits.sum()))} {code}, {where}: if {code} stands for 'don't know' or "
            f"'refused', the estimates count it as {code}", "If it does, leave those answers empty in the file" + (
                f" or declare it (missing_codes: [{code}] in the YAML)" if prefix == "survey_" else "") +
            f"; if {code} is a true answer, nothing needs doing.",
            index=hits.index[hits][0], column=column, value=code, severity="warning"))
    return problems


def _most_repeated_unround(values: np.ndarray) -> int:
    """How often the most repeated answer not ending in 0 (not rounded to tens) is given (0 if none is)."""
    unround = values[values % 10 != 0]
    return int(np.unique(unround, return_counts=True)[1].max(initial=0)) if len(unround) else 0


def _answers(n: int) -> str:
    return "1 answer is" if n == 1 else f"{n} answers are"


def _code_like(value: float) -> bool:
    """99, 999, 8888, 9998, 98, 88...: the numbers forms use for "don't know" or "refused" when a negative one is
    not allowed (nines or eights, perhaps ending in 6 to 8: 996 'not applicable', 9998 'refused')."""
    return value in NINES or value in SHORT_CODES or value in DIGIT_CODES or (value >= 100 and value.is_integer() and
                              re.fullmatch(r"(9+|8+)[6-9]?", str(int(value))) is not None)


# ================================================================= the XLSForm


def _label_column(columns: list[str], lang: str) -> str | None:
    """``label::Français (fr)``, ``label::French``, ``label::fr`` for lang fr; then plain ``label``."""
    names = LANGUAGE_NAMES.get(lang, (lang,))
    for column in columns:
        if not column.startswith("label::"):
            continue
        spoken = fold(column[len("label::"):])
        code = re.search(r"\((\w+)\)\s*$", spoken)
        if (code and code.group(1) in names) or spoken.split(" (")[0].strip() in names:
            return column
    return "label" if "label" in columns else None


def _read_form(path: Path, survey: Survey, raw: RawTable) -> list[Problem]:
    """Question and choice labels in French and English, group paths, select_multiple options."""
    import openpyxl

    file = relative(path)
    data, problem = _open_xlsx(path)
    if problem is not None:
        return [problem]
    try:
        book = openpyxl.load_workbook(data, read_only=True, data_only=True)
    except Exception as exc:
        return [Problem(file, "unreadable_xlsx", f"the form cannot be read as .xlsx ({exc})",
                        "Save the XLSForm again as 'Excel Workbook (.xlsx)'.")]
    sheets = {s.strip().lower(): s for s in book.sheetnames}
    if "survey" not in sheets:
        return [Problem(file, "form_without_survey", "the form has no 'survey' sheet",
                        "Give the XLSForm as it was uploaded to KoboToolbox / ODK.")]

    problems: list[Problem] = []

    def rows(sheet: str) -> list[dict[str, Any]]:
        cells = list(book[sheets[sheet]].iter_rows(values_only=True)) if sheet in sheets else []
        if not cells:
            return []
        problems.extend(_form_text_problems(file, sheets[sheet], cells))
        header = [str(c).strip().lower() if c is not None else "" for c in cells[0]]
        header = [re.sub(r"^label::", "label::", h) for h in header]
        return [dict(zip(header, row)) for row in cells[1:] if any(c is not None for c in row)]

    survey_rows, choice_rows = rows("survey"), rows("choices")
    columns_q = list(survey_rows[0]) if survey_rows else []
    columns_c = list(choice_rows[0]) if choice_rows else []
    label_q = {lang: _label_column(columns_q, lang) for lang in ("fr", "en")}
    label_c = {lang: _label_column(columns_c, lang) for lang in ("fr", "en")}
    # a form labelled in Arabic and French only: an English annex showed the codes (q1, 2) though labels exist;
    # it shows the French ones (else the form's first language), and the annex says which language it shows
    for lang, other in (("fr", "en"), ("en", "fr")):
        spoken = [c for c in columns_q if c.startswith("label::")]
        if label_q[lang] is None and (label_q[other] or spoken):
            label_q[lang] = label_q[other] or spoken[0]
            label_c[lang] = label_c[lang] or label_c[other] or next(
                (c for c in columns_c if c.startswith("label::") and c == label_q[lang]),
                next((c for c in columns_c if c.startswith("label::")), None))
            survey.label_fallback[lang] = label_q[lang][len("label::"):].strip()
    choices: dict[str, dict[str, dict[str, str]]] = {}
    for row in choice_rows:
        list_name, code = _as_text(row.get("list_name")) or _as_text(row.get("list name")), _as_text(row.get("name"))
        if list_name and code:
            choices.setdefault(list_name, {})[code] = {
                lang: str(row[col]).strip() for lang, col in label_c.items() if col and row.get(col) is not None}
    path_parts: list[str] = []
    conditions: list[str] = []   # the relevant of each group open: its questions are asked only when it is true too
    for row in survey_rows:
        kind = re.sub(r"\s+", " ", str(row.get("type") or "").strip().lower())
        name = _as_text(row.get("name"))
        relevant = str(row.get("relevant") or "").strip()
        if kind in ("begin group", "begin_group", "begin repeat", "begin_repeat"):
            path_parts.append(name or "")
            conditions.append(relevant)
            texts = {lang: str(row[col]).strip() for lang, col in label_q.items() if col and row.get(col) is not None}
            for column in (header_name(f"{'/'.join(path_parts)}/_count"), header_name(f"{name}/_count")):
                if column in survey.data.columns and texts:
                    survey.labels[column] = {"fr": f"Nombre : {texts.get('fr', name)}",
                                             "en": f"Number: {texts.get('en', name)}"}
            continue
        if kind in ("end group", "end_group", "end repeat", "end_repeat"):
            if path_parts:
                path_parts.pop()
            if conditions:
                conditions.pop()
            continue
        if not name:
            continue
        column = header_name("/".join([*path_parts, name]))
        if column not in survey.data.columns:
            short = [c for c in survey.data.columns if c.split("/")[-1] == header_name(name)]
            column = short[0] if len(short) == 1 else column
        survey.labels[column] = {lang: str(row[col]).strip() for lang, col in label_q.items()
                                 if col and row.get(col) is not None}
        if str(row.get("constraint") or "").strip():
            survey.constraints[column] = str(row["constraint"]).strip()
        every = [c for c in (*conditions, relevant) if c]
        if every:
            survey.relevant[column] = every[0] if len(every) == 1 else " and ".join(f"({c})" for c in every)
        if f"{column}/_sum" in survey.data.columns:
            survey.labels[f"{column}/_sum"] = {"fr": f"Somme : {survey.labels[column].get('fr', name)}",
                                               "en": f"Sum: {survey.labels[column].get('en', name)}"}
        parts = kind.split()
        if parts and parts[0] in ("select_one", "select_multiple") and len(parts) > 1:
            survey.value_labels[column] = choices.get(parts[1], {})
            if parts[0] == "select_multiple":
                survey.multiple[column] = list(choices.get(parts[1], {}))
                _options_split(survey, raw, column)
    return problems


def _options_split(survey: Survey, raw: RawTable, column: str) -> None:
    """The option columns of a select_multiple whose choice names hold the export's group separator, split as groups
    where the text column is not exported ('grp-statut-sans-emploi' beside 'grp-statut-sans-revenu' read as
    'grp/statut/sans/emploi'): renamed as the form names them (their shares were n.d. on 0 answers, nothing said)."""
    moved = {f"{column}/{o.replace(sep, '/')}": f"{column}/{o}" for o in survey.multiple[column] for sep in ".-"
             if sep in o}
    moved = {a: b for a, b in moved.items() if a in survey.data.columns and b not in survey.data.columns}
    if moved:
        survey.data = survey.data.rename(columns=moved)
        raw.letters = {moved.get(c, c): v for c, v in raw.letters.items()}
        raw.headers = {moved.get(c, c): v for c, v in raw.headers.items()}


def _form_text_problems(file: str, sheet: str, cells: list[tuple]) -> list[Problem]:
    """A form's cells are checked as a table's: a control character or a direction override (or an embedding or
    isolate left open: inputs.unclosed_direction), and a cell longer than
    a spreadsheet's, are errors with their cell. Before, a question's label holding U+202E reached the annex as
    written (« Revenu mensuel U+202E(EUR 0051) » shown « Revenu mensuel (1500 EUR) »), a C1 control (U+009B) the
    annex and the terminal, and a 100 000-character choice label the annex whole."""
    from openpyxl.utils import get_column_letter

    problems = []
    header = cells[0]
    for number, row in enumerate(cells, 1):
        for index, value in enumerate(row):
            if not isinstance(value, str):
                continue
            found = CONTROL.search(value)
            opened = unclosed_direction(value) if found is None else None
            if found is None and opened is None and len(value) <= MAX_CELL_CHARS:
                continue
            named = header[index] if number > 1 and index < len(header) else None
            where = {"cell": f"{sheet}!{get_column_letter(index + 1)}{number}", "value": clipped(value),
                     "column": str(named).strip() if named is not None else None}
            if found is not None:
                problems.append(Problem(file, "control_character", f"this text holds a control character "
                                        f"({shown(found.group())}){control_reason(found.group())}", CONTROL_HINT,
                                        **where))
            elif opened is not None:   # (inputs.OPENERS: a direction embedding or isolate left open)
                problems.append(Problem(file, "control_character", unclosed_reason(opened), CONTROL_HINT, **where))
            else:
                problems.append(Problem(file, "cell_too_long", f"this cell holds {len(value):,} characters, more "
                                        f"than the {MAX_CELL_CHARS:,} a spreadsheet cell can hold",
                                        "Shorten the text in the form.", **where))
    return problems


def _find_multiple(survey: Survey, raw: RawTable) -> list[Problem]:
    """select_multiple questions the form did not declare: 0/1 columns per option, or answers holding spaces whose
    every word is a code. A question the form declares keeps the form's type: 'En emploi' in a select_one is one
    answer, not the options 'En' and 'emploi'. Guessed from spaces alone, a question a share or a subgroup counts is
    read so with a warning."""
    columns = list(survey.data.columns)
    counted = {e.variable for e in survey.spec.estimates if e.stat == "share"}
    counted |= {header_name(e.by) for e in survey.spec.estimates if e.by}
    problems = []
    for column in columns:
        # survey.labels holds every question of the form (any type): its select_multiple are already in .multiple
        if column in survey.multiple or column in survey.labels or METADATA.match(column):
            continue
        options = [c[len(column) + 1:] for c in columns if c.startswith(column + "/") and not c.endswith("/_sum")]
        values = survey.data[column].dropna().map(str)
        if options and _zero_one(survey.data, column, options):
            survey.multiple[column] = options
        elif values.str.contains(" ").any():
            words = {code for v in values for code in v.split()}
            if not all(CODE.match(w) for w in words):   # 'Tanger Tetouan', 'En emploi': labels, one answer each
                continue
            survey.multiple[column] = sorted(words)
            if column in counted:
                spaced = values[values.str.contains(" ")]
                problems.append(raw.problem(
                    "survey_multiple_guessed", f"'{column}' is read as a select_multiple (each word of an "
                    f"answer is an option chosen: '{spaced.iloc[0]}' counts for "
                    f"{', '.join(repr(w) for w in spaced.iloc[0].split())}), since its answers hold spaces",
                    "If it is a select_one whose answers hold spaces, give the form ('form:' in the YAML); export "
                    "the select_multiple's 0/1 columns too to make this warning go.", index=spaced.index[0],
                    column=column, value=spaced.iloc[0], severity="warning"))
    for spec in survey.spec.estimates:  # only the 0/1 columns were exported
        column = spec.variable
        options = [c[len(column) + 1:] for c in columns if c.startswith(column + "/")]
        if column not in survey.data and options and _zero_one(survey.data, column, options):
            survey.multiple.setdefault(column, options)
    for column in sorted(c for c in counted - set(survey.multiple) if c in survey.data and c not in survey.labels):
        # a select_multiple exported with its labels (KoboToolbox's « Labels »): 'Langue étrangère Numérique' is one
        # answer beside 'Numérique', and each combination was a share of its own (« Numérique » 33 % for 67 %)
        answers = sorted({str(v) for v in survey.data[column].dropna()}, key=len)
        if len(answers) > MAX_OPTIONS_COMPARED:   # free text, not choices
            continue
        joined = next(((a, b) for a in answers for b in answers if len(b) < len(a) and
                       (a.startswith(b + " ") or a.endswith(" " + b) or f" {b} " in a)), None)
        holds = f"holds the answer '{joined[1]}'" if joined else ""
        if joined is None:
            # every respondent chose two options or more: no answer is a single option, but an option ends one
            # answer and begins another ('Langue étrangère Numérique', 'Numérique Savoir-faire du métier'); each
            # combination was a share of its own (« Numérique » never shown, 53 %), without a word
            words = [a.split() for a in answers]
            ends = {" ".join(w[k:]): " ".join(w) for w in words for k in range(1, len(w))}
            begins = {" ".join(w[:k]): " ".join(w) for w in words for k in range(1, len(w))}
            piece = max((p for p in ends if p in begins and ends[p] != begins[p]), key=len, default=None)
            if piece is not None:
                joined = (ends[piece], piece)
                holds = f"ends with '{piece}', with which the answer '{begins[piece]}' begins"
        if joined is not None:
            row = survey.data.index[survey.data[column].astype(str).eq(joined[0]).to_numpy()][0]
            problems.append(raw.problem(
                "survey_multiple_labels", f"'{column}' may be a select_multiple exported with its labels: the answer "
                f"'{joined[0]}' {holds}, and each combination of options is counted as one "
                "answer", "Export with the XML values and headers (KoboToolbox: « XML values and headers »), so that "
                "each option is a code with its 0/1 column; if it is a select_one, give the form ('form:' in the "
                "YAML).", index=row, column=column, value=joined[0], severity="warning"))
    for column in sorted(counted & set(survey.multiple)):   # '1' or empty in every option column: no 0 either
        chosen = survey.options_written(column)
        if chosen.empty or chosen.eq(0).any().any():
            continue
        empty = chosen.isna().all(axis=1)
        if column in survey.data:
            empty &= survey.data[column].isna()
        if empty.any():
            problems.append(raw.problem(
                "survey_multiple_no_zero", f"the option columns of '{column}' hold 1 (or the option's code) or "
                f"nothing, never 0: the "
                f"{int(empty.sum())} respondent(s) with every option empty are left out of its shares (one who "
                "chose no option cannot be told from one not asked), so each option's share is among those who "
                "chose one", "Export the option columns with 0 for an option not chosen (KoboToolbox: "
                "select_multiple responses as separate columns; ODK Central: split select multiples), so that "
                "those who chose none are counted.", index=survey.data.index[empty.to_numpy()][0],
                column=f"{column}/{chosen.columns[0]}", severity="warning"))
    for column in sorted(counted & set(survey.multiple)):   # '0' as the answer itself: the export's blanks filled
        chosen = survey.options_written(column)
        if column not in survey.data or chosen.empty or "0" in survey.multiple[column]:
            continue
        # KoboToolbox / ODK leave the text empty when no option is chosen: a '0' there beside 0 in every option is
        # an empty cell filled in (Excel's « blanks -> 0 »), most likely of a respondent the skip logic did not ask
        zero = survey.data[column].map(_as_text).eq("0") & chosen.eq(0).all(axis=1)
        if zero.any():
            first = survey.data.index[zero.to_numpy()][0]
            problems.append(raw.problem(
                "survey_multiple_zero_answer", f"{_answers(int(zero.sum()))} '0' to '{column}', with 0 in every "
                "option column: empty cells filled with 0? They count in its shares as respondents who chose no "
                "option, though those not asked the question (skip logic) are not to be counted", "Leave the cells "
                "of the respondents not asked empty (text and option columns), as KoboToolbox / ODK export them; "
                "give the form ('form:' in the YAML) to have them told from its relevant.", index=first,
                column=column, value="0", severity="warning"))
    for column in sorted(counted & set(survey.multiple) - set(survey.labels)):   # 0 everywhere, the form not given
        # an export tells « not asked » by empty option cells: with none empty, those with 0 in every option may be
        # the skip logic's blanks filled with 0 (Excel's « blanks -> 0 »), counted as asked and choosing none
        chosen = survey.options_written(column)
        if chosen.empty or chosen.isna().all(axis=1).any() or \
                (column in survey.data and survey.data[column].map(_as_text).eq("0").any()):   # told above
            continue
        none = chosen.eq(0).all(axis=1)
        if column in survey.data:
            none &= survey.data[column].isna()
        if not none.any():
            continue
        first, n, shown = chosen.columns[0], len(chosen), chosen.iloc[:, 0].eq(1).sum()
        sign = _skip_sign(survey, column, none)
        if sign is None:
            problems.append(raw.problem(
                "survey_multiple_all_zero", f"{int(none.sum())} of {n} respondents have 0 in every option column of "
                f"'{column}' and no answer, and no respondent has its options empty (not asked): they are counted as "
                f"asked and choosing no option, in the denominator of each share ('{first}': {shown} of {n}, "
                f"{shown} of {int((~none).sum())} without them). If the skip logic did not ask them, their cells "
                "were filled with 0", "Leave the option cells of the respondents not asked empty, as KoboToolbox / "
                "ODK export them, or give the form ('form:' in the YAML) to have them told from its relevant. If "
                "they were asked and chose none, nothing needs doing.", index=survey.data.index[none.to_numpy()][0],
                column=f"{column}/{first}", value="0", severity="warning"))
            survey.all_zero[column] = [int(none.sum()), None, None]
            continue
        control, value, skipped = sign   # every respondent answering so has 0 everywhere: not asked, as R's NA
        survey.data.loc[skipped, [f"{column}/{o}" for o in chosen.columns]] = np.nan
        survey.all_zero[column] = [int(skipped.sum()), control, value]
        problems.append(raw.problem(
            "survey_multiple_all_zero", f"the {int(skipped.sum())} respondents who answered '{value}' to '{control}' "
            f"all have 0 in every option column of '{column}' and no answer, and no respondent has its options empty "
            "(not asked): the skip logic's blanks filled with 0. They are read as not asked, and left out of its "
            f"shares ('{first}': {shown} of {int((~skipped).sum())}, not {shown} of {n})", "If they were asked, "
            "give the form ('form:' in the YAML), which reads them as the form says; otherwise leave the option "
            "cells of the respondents not asked empty, as KoboToolbox / ODK export them.",
            index=survey.data.index[skipped.to_numpy()][0], column=f"{column}/{first}", value="0",
            severity="warning"))
    for column in sorted(counted & set(survey.multiple)):   # the text only: who chose nothing left no trace
        if column not in survey.data or any(c.startswith(column + "/") for c in columns):
            continue
        empty = survey.data[column].isna()
        if empty.any():
            problems.append(raw.problem(
                "survey_multiple_text_only", f"'{column}' is a select_multiple exported as its text only: the "
                f"{int(empty.sum())} respondent(s) with no answer are left out of its shares (one who chose no "
                "option cannot be told from one not asked), so each option's share is among those who chose one",
                "Export the select_multiple's 0/1 columns too (KoboToolbox: select_multiple responses as separate "
                "columns; ODK Central: split select multiples), so that those who chose none are counted.",
                index=survey.data.index[empty.to_numpy()][0], column=column, severity="warning"))
    for column in sorted(counted & set(survey.multiple) & set(survey.value_labels)):   # the form's choices
        # its text exported with labels ('Langue Savoir-faire du métier'): no word is a choice name, and every
        # option's share was 0 %, without a word. Read where the option columns do not say (none, or all empty)
        if column not in survey.data:
            continue
        chosen = survey.options_written(column)
        text = survey.data[column].where(chosen.isna().all(axis=1)).map(_as_text).dropna()
        unknown = text[text.map(lambda a: any(w not in survey.multiple[column] and w != "other"   # or_other
                                              for w in str(a).split()))]
        if not unknown.empty:
            problems.append(raw.problem(
                "survey_multiple_not_a_choice", f"{_answers(len(unknown))} to the select_multiple '{column}' holding "
                f"words that are none of the form's choices ({', '.join(survey.multiple[column])}), e.g. "
                f"'{unknown.iloc[0]}': its shares would count none of them (each option's share 0 %)",
                "Export with the XML values (KoboToolbox: « XML values and headers », not « Labels »), or give the "
                "form's version that has these choices.", index=unknown.index[0], column=column,
                value=str(unknown.iloc[0])))
    return problems


def _multiple_disagree(survey: Survey, raw: RawTable) -> list[Problem]:
    """A select_multiple a share or a ``by`` counts whose text (« langue metier ») and option columns (langue 0)
    disagree: KoboToolbox, ODK and SurveyCTO write both from one answer, so one was edited by hand (a recode, two
    exports pasted together). The 0/1 columns are read: 15 trainees whose text names « langue » and whose column
    says 0 gave its share 39.0 % for 49.4 %, without a word. Refused at the first such cell, with their count."""
    counted = {e.variable for e in survey.spec.estimates if e.stat == "share"}
    counted |= {header_name(e.by) for e in survey.spec.estimates if e.by}
    problems = []
    for column in sorted(c for c in counted if c in survey.multiple and c in survey.data.columns):
        chosen = survey.chosen(column)
        if chosen.empty:
            continue
        text = survey.data[column].map(lambda a: None if pd.isna(a) else set(str(a).split()))
        # a text of labels (KoboToolbox's « Labels » export, 'Langue Numérique' beside the 0/1 columns) names no
        # code: only a text of the options' codes, or none, is compared
        codes = set(survey.multiple[column])
        comparable = text.map(lambda words: words is None or words <= codes)
        for option in chosen.columns:
            named = text.map(lambda words, o=option: words is not None and o in words)
            answered = text.notna() | chosen[option].eq(1)
            wrong = comparable & answered & chosen[option].notna() & named.ne(chosen[option].eq(1))
            if not wrong.any():
                continue
            first = wrong.idxmax()
            written = survey.data.at[first, column]
            problems.append(raw.problem(
                "survey_multiple_disagree", f"{int(wrong.sum())} {'answer' if wrong.sum() == 1 else 'answers'} to "
                f"'{column}' {'disagrees' if wrong.sum() == 1 else 'disagree'} with the option column "
                f"'{column}/{option}': the text {'names' if named[first] else 'does not name'} '{option}' "
                f"('{'' if pd.isna(written) else written}') and the column says "
                f"{'not chosen' if named[first] else 'chosen'}; the export writes both from one answer, so one was "
                "edited by hand, and the share would be read from the column",
                f"Correct the one that is wrong on these rows (the column 1 where the text names '{option}', 0 where "
                "it does not), or delete the text column to read the 0/1 columns as they are.",
                index=first, column=f"{column}/{option}", value=survey.data.at[first, f"{column}/{option}"]))
    return problems


def _underscore_options(survey: Survey, raw: RawTable) -> None:
    """SurveyCTO's export writes a select_multiple's 0/1 columns '<question>_<option>' ('langue_arabe' beside
    'langue'): they were not read, the shares taken from the text among those who chose an option (0.56 of 70 for
    0.49 of 80), with a warning that the 0/1 columns were not exported. Read as '<question>/<option>' when a column
    is there, 0/1, for every option of the form (without it, for every word of the answers)."""
    columns = set(survey.data.columns)
    # the headers beginning with '<column>_', counted once for all (not column by column: 2 000 headers took 1 s)
    prefixes = Counter(c[:i] for c in columns for i, char in enumerate(c) if char == "_" and i)
    for column in [c for c in survey.data.columns if prefixes[c] >= 2]:
        if column not in columns or METADATA.match(column) or \
                any(c.startswith(column + "/") for c in columns) or \
                (column in survey.labels and column not in survey.multiple):
            continue
        options = survey.multiple.get(column)
        if options is None:   # without the form: the words of its answers, all codes
            words = set(survey.data[column].dropna().map(str).str.split().explode().dropna())
            if not words or not all(CODE.match(w) for w in words):
                continue
            options = sorted(words)
        split = {f"{column}_{o}": f"{column}/{o}" for o in options}
        if len(options) < 2 or not set(split) <= columns or \
                not _zero_one(survey.data.rename(columns=split), column, options):
            continue
        survey.data = survey.data.rename(columns=split)
        columns = set(survey.data.columns)
        raw.letters = {split.get(c, c): v for c, v in raw.letters.items()}
        raw.headers = {split.get(c, c): v for c, v in raw.headers.items()}


def _skip_sign(survey: Survey, column: str, none: pd.Series) -> tuple[str, str, pd.Series] | None:
    """The answer of another question that every respondent with 0 in every option of ``column`` shares, and no
    one else has (at least 3 of them): the skip logic's condition (formation/suivie = 'non'), as (question, answer,
    its respondents). None when no question tells them apart; an answer shared by fewer than half of them, or a
    day or device of the interviews, is a coincidence, not a sign."""
    best = None
    for other in survey.data.columns:
        if other == column or other.startswith(column + "/") or METADATA.match(other) or other == WG_COLUMN or \
                other.rsplit("/", 1)[0] in survey.multiple or other in survey.design_columns().values() or \
                other in TIME_COLUMNS + ("today", "deviceid", "username", "simserial", "subscriberid", "phonenumber"):
            continue
        answers = survey.data[other].map(_as_text)
        if answers.nunique() > MAX_OPTIONS_COMPARED:
            continue
        for value, rows in answers.groupby(answers).groups.items():
            rows_of = answers.index.isin(rows)
            if len(rows) >= max(3, none.sum() / 2) and none[rows_of].all() and \
                    (best is None or len(rows) > best[2].sum()):
                best = (other, str(value), pd.Series(rows_of, index=answers.index))
    return best


def _zero_one(frame: pd.DataFrame, column: str, options: list[str]) -> bool:
    """Option columns of a select_multiple: 0/1, True/False, VRAI/FAUX or Oui/Non (OPTION_VALUES), or the option's
    own code where it is chosen (Ona)."""
    values = [frame[f"{column}/{o}"].map(_as_text).dropna().map(fold) for o in options]
    return any(len(v) for v in values) and all((v.isin(list(OPTION_VALUES)) | v.eq(fold(o))).all()
                                               for v, o in zip(values, options))


# ================================================================= columns, numbers, design


def _columns(survey: Survey, raw: RawTable, spec_path: Path, repeats: list[RawTable] = ()) -> list[Problem]:
    """Every column the YAML names must be in the export (a select_multiple may be its 0/1 columns only)."""
    problems = []
    file = relative(spec_path)
    named = [(f"design.{k}", v) for k, v in survey.design_columns().items() if v]
    for i, est in enumerate(survey.spec.estimates):
        named.append((f"estimates.{i}.{est.stat}", est.variable))
        if est.denominator is not None:
            named.append((f"estimates.{i}.per", est.denominator))
        if est.by:
            named.append((f"estimates.{i}.by", header_name(est.by)))
    wg = all(_wg_column(survey.data.columns, d) for d in WG_DOMAINS)
    # headers that no XLSForm name can be ('revenu_mensuel_(eur)', "a_un_emploi_aujourd'hui", 'âge'): the export
    # was made with the labels (KoboToolbox's « Labels »), and the YAML's names are not there
    questions = [c for c in survey.data.columns if not METADATA.match(c) and c != WG_COLUMN]
    labelled = sum(not re.fullmatch(r"[a-z0-9_.\-/]+", c) for c in questions) * 3 >= len(questions) > 0
    for where, column in named:
        if column in survey.data.columns or column in survey.multiple or (column == WG_COLUMN and wg):
            continue
        sheet = next((r.sheet for r in repeats if column in r.frame.columns), None)
        if sheet is not None:   # was « which the export does not have », « did you mean 'emplois/_count' »
            summed = f"{column}/_sum" in survey.data.columns
            problems.append(Problem(file, "survey_repeat_question", f"'{where}' names '{column}', a question of the "
                                    f"repeat group '{sheet}' (one answer per row of that sheet, not per respondent): "
                                    "the estimates are per respondent", (f"Estimate the sum of its answers per "
                                    f"respondent, '{column}/_sum', or " if summed else "The workbook estimates a "
                                    "repeat group's numbers summed per respondent ('<question>/_sum'), and ") +
                                    f"the number of its rows per respondent, '{sheet}/_count'.", column=where,
                                    value=column))
            continue
        options = [c for c in survey.data.columns if c.startswith(column + "/") and not c.endswith("/_sum")]
        # Ona's option columns hold the option's own code: read (_zero_one), not told here
        written = pd.concat([survey.data[c].map(_as_text).where(lambda t, o=fold(c[len(column) + 1:]):
                                                                t.map(fold).ne(o)) for c in options]) \
            if options else pd.Series(dtype=object)
        other = written[written.notna() & ~written.map(fold).isin(list(OPTION_VALUES))]
        # 'x' for chosen (a sheet typed by hand): was « did you mean 'competences/metier' », whose share of 'x'
        # among those who wrote one is 100 %
        if len(other) and other.nunique() <= 2:
            i = other.index[0]
            where = next(c for c in options if _as_text(survey.data.at[i, c]) == other.iloc[0])
            problems.append(raw.problem(
                "survey_option_values", f"'{column}' has no column of its own but its option columns "
                f"({', '.join(options[:5])}{', ...' if len(options) > 5 else ''}), and they hold '{other.iloc[0]}', "
                "not 1 / 0: which options each respondent chose cannot be read", "Write 1 for "
                "an option chosen, 0 for one not chosen and leave the cells of those not asked empty (or export the "
                "select_multiple again from KoboToolbox / ODK).", index=i, column=where, value=other.iloc[0]))
            continue
        guess = _same_question(column, survey.data.columns) or \
            did_you_mean(column, [c for c in survey.data.columns if not METADATA.match(c)])
        hint = " ".join(x for x in (guess, f"Correct the name in {spec_path.name} or in the export's header.") if x)
        if labelled:   # a did-you-mean would name a label, and the YAML would then be written with the labels
            hint = ("The export's headers are the questions' labels, not their names: export it again with the XML "
                    "values and headers (KoboToolbox: « XML values and headers »), whose names the YAML uses.")
        if column == WG_COLUMN:
            hint = ("wg_disability needs the six questions of the Washington Group short set (SEE_SS, HEAR_SS, "
                    "WALK_SS, COGNITION_SS, SELFCARE_SS, COMMUNICATING_SS).")
        problems.append(Problem(file, "survey_column_missing", f"'{where}' names the column '{column}', which "
                                f"{raw.path.name} does not have", hint, column=where, value=column))
    return problems


def _same_question(column: str, columns) -> str:
    """'Did you mean 'revenu'?' for 'emploi/revenu' in an export whose headers leave the groups out (KoboToolbox's
    "include groups in headers" unticked) or write them with '-' or '.' (ODK Central's CSV): the same question name
    in one column only."""
    name = column.rsplit("/", 1)[-1]
    same = [c for c in columns if c == name or any(c.endswith(mark + name) for mark in "/-.")]
    if len(same) != 1 or same[0] == column:
        return ""
    return (f"Did you mean '{same[0]}' (the same question, with its group written otherwise in the export's "
            "headers)?")


def _numeric_columns(survey: Survey) -> set[str]:
    design = survey.design_columns()
    wanted = {design["weights"], design["fpc"]} - {None}
    wanted |= _estimated(survey.spec)
    return {c for c in wanted if c in survey.data.columns}


def _type_numbers(survey: Survey, raw: RawTable) -> list[Problem]:
    """Numbers where the estimates and the design need them; every other column as text (codes)."""
    problems = []
    numeric = _numeric_columns(survey)
    design = set(survey.design_columns().values())
    design_weights = survey.design_columns()["weights"]
    counted = {e.variable for e in survey.spec.estimates if e.stat == "share"}
    counted |= {header_name(e.by) for e in survey.spec.estimates if e.by}
    data = survey.data
    for column in list(data.columns):
        if column in numeric or column.endswith("/_count") or column.endswith("/_sum"):
            problems += _ambiguous_numbers(data[column], raw, column)
            values = data[column].map(_number)
            if column not in design and not column.endswith(("/_count", "/_sum")):   # sums: in _join_repeat
                declared = values.isin(survey.spec.missing_codes)
                values, data[column] = values.where(~declared), data[column].where(~declared)
            bad = data[column].notna() & values.isna()
            percent = bad & data[column].map(_percent_typed)
            if percent.any():   # '0,87 %' on every row: one error naming the '%' (was one per row, 180 of them)
                problems.append(_percent_sign(raw, data[column], percent, column, column == design_weights))
                bad &= ~percent
            problems += [_not_a_number(raw, i, column, data.at[i, column], column in design)
                         for i in data.index[bad][:10]]
            if bad.sum() > 10:
                problems.append(raw.problem("survey_not_a_number", f"{int(bad.sum()) - 10} more answers of this "
                                            "column are not numbers", "", column=column))
            data[column] = values.astype(float)
        else:
            data[column] = pd.array(data[column].map(_as_text).to_numpy(dtype=object), dtype="str")
            if column in counted and column not in design and survey.spec.missing_codes:
                # a select_one coded 1 oui, 2 non, 99 ne sait pas, its 99 declared: it stayed in the share's
                # denominator as an answer other than 1 (42.96 % for R's 44.40 % among those who answered)
                declared = pd.to_numeric(data[column], errors="coerce").isin(survey.spec.missing_codes)
                data[column] = data[column].where(~declared.to_numpy())
    return problems


def _percent_typed(value: Any) -> bool:
    """'0,87 %', '45%': a number with a percent sign (a column formatted as percentages, saved as text)."""
    return isinstance(value, str) and value.strip().endswith("%") and _number(value.strip()[:-1].strip()) is not None


def _percent_sign(table: RawTable, values: pd.Series, percent: pd.Series, column: str, weights: bool) -> Problem:
    """The answers of a column typed with '%', told once at the first (not one « not a number » per row)."""
    first = percent.idxmax()
    return table.problem(
        "survey_percent_sign", f"{int(percent.sum())} answers of this column are written with '%' (this one first): "
        "a number with '%' is not read", "Remove the '%' from the column (Excel: find '%', replace with nothing), "
        "every answer in percent" + (": weights in percent of the population are read as relative weights (means "
                                     "and shares are right; for a total, give each respondent the number of people "
                                     "they stand for)." if weights else "."), index=first, column=column,
        value=values[first])


UNIT = r"[A-Za-z\u00c0-\u024f$\u20ac\u00a3]{1,5}"   # a currency or unit written beside a number: MAD, DH, €, h


def _not_a_number(table: RawTable, index: Any, column: str, value: Any, design: bool = False) -> Problem:
    """An answer to average, total or sum that is not a number, at its cell; '1500 MAD', '1 500 DH', '€1500': a
    number with its currency or unit, which the estimates cannot tell, is said so; so are '3e2' (scientific
    notation) and, in an answer (not a ``design`` column), « NSP » (a « don't know »: left empty)."""
    unit = re.fullmatch(f"\\s*({UNIT})?\\s*[\\d\\s.,\u00a0\u202f]*\\d\\s*({UNIT})?\\s*", str(value))
    said = f" ('{unit[1] or unit[2]}' beside the number)" if unit and (unit[1] or unit[2]) else ""
    typed = str(value).strip()
    if SCIENTIFIC.match(typed.replace(",", ".")):
        return table.problem("survey_not_a_number", f"this answer is written in scientific notation "
                             f"({numbers.plain(float(typed.replace(',', '.')))}): a typo, or a number Excel showed "
                             "so and saved with its last digits lost", "Type the number in full, as it was answered; "
                             "if the export went through Excel, download it again from the server.", index=index,
                             column=column, value=value)
    if NOT_AN_ANSWER.search(fold(typed)) and not design:   # « NSP », « Refus »: was told to write '.' for decimals
        return table.problem("survey_not_a_number", "this answer is a « don't know » or a refusal, not a number",
                             "Leave it empty in the export: the estimate is then over those who answered (the annex "
                             "gives their number).", index=index, column=column, value=value)
    if typed == "NA":   # an export saved again by R's write.csv: its missing answers
        return table.problem("survey_not_a_number", "this answer is 'NA', how R writes a missing value",
                             "Leave the cells of missing answers empty (R: write.csv(..., na = \"\")).", index=index,
                             column=column, value=value)
    return table.problem("survey_not_a_number", f"this answer is not a number{said}", "Correct it in the export (a "
                         "number with '.' for decimals" + (", without its currency or unit: every answer in the same "
                         "one" if said else "") + "), or leave it empty.", index=index, column=column, value=value)


def _ambiguous_numbers(values: pd.Series, raw: RawTable, column: str) -> list[Problem]:
    """'1,500' typed in an export: read as 1.5 (a single ',' is the decimal mark), but it may be 1 500
    (numbers.ambiguous); '1.250' (a weight typed with dots for thousands) read as 1.25, but it may be 1 250. A
    warning at each such cell (at most MAX_LISTED)."""
    problems = []
    decimal = _decimal_marks(values)
    for i, value in values.items():
        mark = "," if isinstance(value, str) and "," in value else "."
        readings = numbers.ambiguous(value, mark) if isinstance(value, str) and mark not in decimal else None
        # '0.125' (an fpc's sampling fraction, a share): no thousands group begins with 0, it cannot mean 125
        if readings is None or abs(readings[0]) < 1:
            continue
        read, other = readings
        problems.append(raw.problem(
            "survey_ambiguous_number", f"'{value.strip()}' is read as {numbers.format_number(read)} (a single "
            f"'{mark}' is the decimal mark), but could mean {numbers.unambiguous(other, '.')}", f"Write "
            f"{numbers.format_number(read)} or {numbers.format_number(other)}: no '{mark}' followed by exactly three "
            "digits.", index=i, column=column, value=value, severity="warning"))
        if len(problems) == MAX_LISTED:
            break
    return problems


def _decimal_marks(values: pd.Series) -> set[str]:
    """The marks that are the column's decimal mark by its cells' precision: most of the cells holding the mark have
    four decimals or more, which no thousands group has (weights rounded to 4 decimals, '1.0089', '0.7723'), and
    '1.366' is one whose last 0 was dropped: each such cell was told « could mean 1 366 »."""
    texts = pd.Series([v.strip() for v in values if isinstance(v, str)], dtype=object)
    marks = set()
    for mark in ".,":
        written = texts[texts.str.fullmatch(rf"[-+]?\d*\{mark}\d+")]
        if len(written) and written.str.fullmatch(rf"[-+]?\d*\{mark}\d{{4,}}").mean() > 0.5:
            marks.add(mark)
    return marks


# the last part of a header naming sampling weights (folded, words joined by '_')
WEIGHT_NAMES = re.compile(r"(poids|weights?|wgt|wt|ponderation|ponderations|facteur_(de_)?ponderation|"
                          r"(poids|weights?)_(de_)?(sondage|echantillonnage|final|finaux|sampling|survey|design)|"
                          r"(sampling|survey|design|final|base)_weights?)")


def _weights_unused(survey: Survey, raw: RawTable) -> list[Problem]:
    """A design without weights (nor fpc) while the export has a column named as weights ('poids', 'weight'): the
    estimates are unweighted (the sample's mean, 321.2 for 325.4) though the design paragraph says so, the YAML's
    'design:' was likely forgotten. Told once, naming the column."""
    design = survey.design_columns()
    if design["weights"] or design["fpc"]:
        return []
    asked = {e.variable for e in survey.spec.estimates} | {header_name(e.by) for e in survey.spec.estimates if e.by}
    for column in (c for c in survey.data.columns if c not in asked):   # a body weight averaged is an answer
        name = re.sub(r"[\s\-.]+", "_", fold(column.rsplit("/", 1)[-1]))
        values = survey.data[column].map(_number)
        if WEIGHT_NAMES.fullmatch(name) and values.notna().any() and values.dropna().gt(0).all() and \
                values.nunique() > 1:
            return [raw.problem(
                "survey_weights_unused", f"the export has a column '{column}' that looks like sampling weights, but "
                "the YAML's design names no weights: every respondent counts the same (the sample's own figures)",
                f"If they are the sampling weights, write 'design: {{weights: {column}}}' in the YAML; if the "
                "sample is a simple random sample, nothing needs doing.", index=values.first_valid_index(),
                column=column, value=_as_text(survey.data.at[values.first_valid_index(), column]),
                severity="warning")]
    return []


def _zero_weights(data: pd.DataFrame, weights: str, raw: RawTable, bad: pd.Series) -> list[Problem]:
    """Weights of 0 (respondents kept in the export but weighted out): read as R's svydesign reads them, units of
    the sample outside the population estimated (its domain mechanism: they count in no estimate nor n, nor in the
    degrees of freedom, but they stay in their stratum's variance, which widens a total's SE: 78 592 for 58 120
    without their rows on R's apistrat with 4 zeros). Told, since units never sampled should be deleted instead."""
    zero = data[weights].eq(0) & ~bad
    if not zero.any():
        return []
    if zero.all():
        return [raw.problem("survey_weight", "every weight is 0", "Every respondent would stand for no one: give "
                            "the weights (the number of people each respondent stands for).", column=weights)]
    rows = [raw.where(i, weights)["row"] for i in data.index[zero]]
    shown = ", ".join(str(r) for r in rows[:10]) + (f" and {len(rows) - 10} more" if len(rows) > 10 else "")
    many = len(rows) > 1
    return [raw.problem("survey_weight_zero", f"{len(rows)} respondent{'s have' if many else ' has'} a weight of 0 "
                        f"(row{'s' if many else ''} {shown}): counted in no estimate, but kept in the design as "
                        "sampled units outside the population, as R's svydesign keeps them (they widen the standard "
                        "error of a total)",
                        "If they were sampled and found out of scope, nothing needs doing; if they were never part "
                        "of the sample (replacements, duplicates, tests), delete their rows from the export.",
                        index=data.index[zero][0], column=weights, value=0, severity="warning")]


def _percent_weights(given: pd.Series, raw: RawTable, weights: str) -> Problem:
    """Weights adding up to 100: each respondent's percentage of the population. Every weight below 1 (0.55 for 180
    respondents), which the weights' reader refused as probabilities of selection, with a hint to invert them (the
    most weight to those who stand for the fewest: the mean earnings 296 for 325): read as relative weights (their
    sum is below the sample's count: means, shares and ratios as R's, design effects with replacement, no total).
    Some of 1 or more, with decimals (60 respondents, 1.3 to 2.6): nothing tells them from a population of 100
    people, as which they are read (totals and design effects were of 100 people, without a word): told, not
    refused (whole weights adding up to 100, 100 cooperatives, are not told)."""
    low, high = numbers.plain(float(given.min())), numbers.plain(float(given.max()))
    if given.max() < 1:
        rule, message, hint = (
            "survey_weight_percent", f"every weight is below 1 ({low} to {high}) and they add up to 100: each is the "
            "percentage of the population a respondent stands for; they are read as relative weights (means, shares "
            "and ratios are right, a total is not given)", "Nothing to do for means and shares; for a total, give "
            "each respondent the number of people they stand for (their weight × the population / 100).")
    else:
        rule, message, hint = (
            "survey_weight_hundred", f"the weights add up to {numbers.plain(float(round(given.sum(), 2)))}, with "
            "decimals: if each is the percentage of the population a respondent stands for, the totals and design "
            "effects are those of a population of 100 (means, shares and ratios are right)", "If they are "
            "percentages, give each respondent the number of people they stand for (their weight × the population "
            "/ 100); if the population is 100, nothing needs doing.")
    return raw.problem(rule, message, hint, index=given.idxmin(), column=weights, value=low, severity="warning")


def _design_problems(survey: Survey, raw: RawTable, spec_path: Path) -> list[Problem]:
    problems = _weights_unused(survey, raw)
    design = survey.design_columns()
    data = survey.data
    weights, strata, clusters, fpc = (c if c in data.columns else None for c in
                                      (design["weights"], design["strata"], design["clusters"], design["fpc"]))
    if weights:
        bad = data[weights].isna() | (data[weights] < 0)
        # a weight typed but not a number ('0,87 %', '3e2') is told where it is read, not again as « missing »
        typed = raw.frame[weights].reindex(data.index) if weights in raw.frame.columns else data[weights]
        unread = data[weights].isna() & typed.map(_as_text).notna()
        bad_told = bad & ~unread
        for i in data.index[bad_told][:20]:
            empty = pd.isna(data.at[i, weights])
            problems.append(raw.problem("survey_weight", f"the weight is {'missing' if empty else 'below 0'}",
                                        "Every respondent needs a weight of 0 or more (the number of people "
                                        "they stand for).", index=i, column=weights,
                                        value=None if empty else data.at[i, weights]))
        if bad_told.sum() > 20:
            problems.append(raw.problem("survey_weight", f"{int(bad_told.sum()) - 20} more weights are missing or "
                                        "below 0", "", column=weights))
        problems += _zero_weights(data, weights, raw, bad)
        given = data[weights][~bad & data[weights].gt(0)]
        # every weight below 1, not adding up to 1: probabilities of selection given as weights (0.02 in the large
        # stratum, 0.2 in the small one), which weigh most those who stand for the fewest: mean 165 for 285
        hundred = len(given) and abs(given.sum() - 100) <= PERCENT_TOLERANCE * 100
        if hundred and (given.max() < 1 or ((given % 1 > 0).any() and not relative_weights(survey))):
            problems.append(_percent_weights(given, raw, weights))
        elif len(given) and given.max() < 1 and abs(given.sum() - 1) > 0.01 and given.nunique() > 1:
            i = given.idxmin()
            low, high = numbers.plain(float(given.min())), numbers.plain(float(given.max()))
            problems.append(raw.problem(
                "survey_weight_probability", f"every weight is below 1 ({low} to {high}): a weight is the number of "
                "people a respondent stands for; these look like probabilities of selection, which would give the "
                "most weight to those who stand for the fewest", f"Give the inverse of the probability as the "
                f"weight (1 / {low} = {numbers.plain(round(1 / float(given.min()), 2))}); if they are relative "
                "weights, multiply them so that their mean is 1.", index=i, column=weights,
                value=numbers.plain(float(given[i]))))
    for column in (strata, clusters):
        if column:
            for i in data.index[data[column].isna()][:20]:
                problems.append(raw.problem("survey_design_missing", "this design column is empty", "Every "
                                            "respondent needs a stratum and a cluster when the design names them.",
                                            index=i, column=column))
    stratum = data[strata] if strata else pd.Series("", index=data.index)
    unit = data[clusters] if clusters else pd.Series(data.index.astype(str), index=data.index)
    sampled = unit.groupby(stratum).nunique()
    if fpc:
        if data[fpc].isna().any() or (data[fpc] <= 0).any():
            i = data.index[data[fpc].isna() | (data[fpc] <= 0)][0]
            problems.append(raw.problem("survey_fpc", "the fpc is missing or not greater than 0", "Give the "
                                        "population size (or the sampling fraction) of the stratum on every row.",
                                        index=i, column=fpc, value=data.at[i, fpc]))
            return problems
        # as R's svydesign: all at most 1, fractions; else sizes, and 1 is a population of 1 (a region's only
        # centre, taken with certainty), which was refused as « mixes fractions and sizes »
        fractions = data[fpc] < 1
        if fractions.any() and (data[fpc] > 1).any():
            i = data.index[fractions][0]
            problems.append(raw.problem("survey_fpc", "the fpc mixes sampling fractions (at most 1) and population "
                                        "sizes", "Use one or the other on every row.", index=i, column=fpc,
                                        value=data.at[i, fpc]))
            return problems
        for name, values in data[fpc].groupby(stratum):
            if values.nunique() > 1:
                problems.append(raw.problem("survey_fpc", f"the fpc is not the same on every row of the stratum "
                                            f"'{name}'", "Give the stratum's population size on each of its rows.",
                                            index=values.index[0], column=fpc, value=values.iloc[0]))
            elif values.iloc[0] > 1 and values.iloc[0] < sampled[name]:
                what = "clusters" if clusters else "respondents"
                problems.append(raw.problem("survey_fpc_below_sample", f"the fpc ({numbers.plain(values.iloc[0])}) is "
                                            f"smaller than the {sampled[name]} {what} sampled in "
                                            f"{'the stratum ' + repr(name) if strata else 'the survey'}",
                                            "fpc is the population size from which the sample was drawn (or the "
                                            "sampling fraction): it cannot be smaller than the sample.",
                                            index=values.index[0], column=fpc, value=values.iloc[0]))
        said = any(p.rule.startswith("survey_fpc") for p in problems)
        found = _fpc_against_weights(data, raw, fpc, weights, stratum, clusters)
        problems += found or ([] if said else _fpc_as_percentage(data, raw, fpc, weights, stratum, clusters,
                                                                 sampled))
    whole = set()   # strata whose every unit was taken (fpc = the sample, or a fraction of 1): no variance at all
    if fpc and not data[fpc].isna().any():
        size = data[fpc].groupby(stratum).first()
        whole = {name for name in sampled.index if (size[name] == 1 and (data[fpc] <= 1).all()) or
                 size[name] == sampled[name]}
        if clusters and weights and not data[weights].isna().any():
            problems += _whole_subsampled(survey, raw, whole, stratum, sampled)
    for name, count in sampled.items():
        if count == 1 and name not in whole:
            what = "cluster" if clusters else "respondent"
            survey.notes.append(f"stratum '{name}' has a single {what}")
            row = stratum.index[stratum == name][0]
            if not strata and clusters:   # was « the stratum '' has a single cluster ... merge it »: there is none
                problems.append(raw.problem(
                    "survey_single_cluster", f"every respondent is in the one cluster '{unit[row]}': the variance "
                    "between clusters cannot be estimated", "Check the design's clusters column (a column of one "
                    "value, or the wrong column?); if the respondents were drawn at random within that one unit, "
                    "leave 'clusters' out of the design: the estimates then describe that unit only.", index=row,
                    column=clusters, value=unit[row]))
                continue
            problems.append(raw.problem("survey_single_cluster", f"the stratum '{name}' has a single {what}: the "
                                        "variance within it cannot be estimated", LONELY_HINT,
                                        index=row, column=strata or clusters, value=name))
    return problems


# R's options(survey.lonely.psu) each give another SE: the evaluator is told them, and the workbook applies none
LONELY_HINT = ("Merge this stratum with the most similar one (write the same stratum on their rows), as the survey's "
               "statistician would. The workbook applies no rule of its own: R's survey.lonely.psu 'fail' (its "
               "default) refuses too; 'remove' and 'certainty' count no variance for the stratum (too small an SE), "
               "'adjust' measures it from the mean of all strata and 'average' gives it the mean variance of the "
               "others; each gives another SE (and the Python svy library's 'center' differs from R's 'adjust' for "
               "totals).")


def _whole_subsampled(survey: Survey, raw: RawTable, whole: set, stratum: pd.Series,
                      sampled: pd.Series) -> list[Problem]:
    """A stratum whose every cluster was taken (a region's only centre, fpc 1) adds no first-stage variance, as R's
    one-stage design says; but weights above 1 there say its respondents were drawn within the clusters (5 of a
    centre's 50 trainees, weighing 10), a drawing whose variance the first stage does not count: the stratum added
    nothing to the SE (6.49 for 6.68 with it) and its own subgroup had none. A warning per such stratum, with how
    to count it: each respondent its own cluster there, the stratum's people as its fpc."""
    design = survey.design_columns()
    data, weights, fpc = survey.data, design["weights"], design["fpc"]
    if relative_weights(survey):   # normalised weights say nothing of how many people a respondent stands for
        return []
    problems = []
    for name in sorted(whole, key=str):
        rows = stratum.index[stratum == name]
        people = float(data.loc[rows, weights].sum())
        if people <= RELATIVE_WEIGHTS * len(rows):   # everyone of its clusters interviewed: no second stage
            continue
        where = f"the stratum {name!r}" if (stratum != "").any() else "the survey"
        problems.append(raw.problem(
            "survey_whole_subsampled", f"every cluster of {where} was taken ({sampled[name]}, fpc "
            f"{numbers.plain(data.at[rows[0], fpc])}), but its {len(rows)} respondents stand for "
            f"{numbers.plain(round(people))} people: they were drawn within the clusters, and the design (first "
            "stage only) counts no variance of that drawing: the standard errors leave it out",
            f"If the respondents were drawn within those clusters, write in {where} each respondent's own code "
            f"(its _uuid) as its cluster and the number of people it was drawn from as its fpc "
            f"({numbers.plain(round(people))}, what its weights add up to); if everyone in them was interviewed, "
            "nothing needs doing.", index=rows[0], column=fpc, value=data.at[rows[0], fpc], severity="warning"))
    return problems


FPC_FAR_BELOW = 2   # weights standing for more than twice the fpc's population contradict it


def _fpc_against_weights(data: pd.DataFrame, raw: RawTable, fpc: str, weights: str | None, stratum: pd.Series,
                         clusters: str | None) -> list[Problem]:
    """An fpc read as a population size (> 1) that the weights contradict: without clusters, a stratum's weights
    add up to the people it holds. A sampling rate typed as a percentage (10 for 10 %, 8 respondents of 80 weighing
    10 each) was read as a population of 10, the SE of the mean 33.9 for 119.4 (R's survey with the fraction 0.1),
    without a word. Every fpc between 1 and 100: refused as a percentage; larger ones: a warning."""
    if not weights or clusters or not (data[fpc] > 1).all() or data[weights].isna().any() \
            or (data[weights] <= 0).any():
        return []
    stands_for = data[weights].groupby(stratum).sum()
    size = data[fpc].groupby(stratum).first()
    far = stands_for[stands_for > FPC_FAR_BELOW * size]
    if far.empty:
        return []
    name = far.index[0]
    row = stratum.index[stratum == name][0]
    where = f"the stratum {name!r}" if (stratum != "").any() else "the survey"
    said = (f"the fpc ({numbers.plain(size[name])}) is read as the population size of {where}, but its weights "
            f"stand for {numbers.plain(round(float(stands_for[name]), 2))} people")
    if (data[fpc] <= 100).all():
        return [raw.problem("survey_fpc_percent", said + ": every fpc is between 1 and 100, a sampling rate written "
                            "as a percentage?", "Write the sampling fraction (0.1 for 10 %) or the population size "
                            "of each stratum (the number of people it was drawn from).", index=row, column=fpc,
                            value=data.at[row, fpc])]
    return [raw.problem("survey_fpc_weights", said + ": the fpc and the weights describe different populations, and "
                        "the finite population correction narrows the intervals by the fpc's", "Check the fpc (the "
                        "number of people the stratum was drawn from) against the weights (how many people each "
                        "respondent stands for).", index=row, column=fpc, value=data.at[row, fpc],
                        severity="warning")]


def _fpc_as_percentage(data: pd.DataFrame, raw: RawTable, fpc: str, weights: str | None, stratum: pd.Series,
                       clusters: str | None, sampled: pd.Series) -> list[Problem]:
    """An fpc above 1 that _fpc_against_weights cannot check (clusters, whose fpc counts clusters and the weights
    people; or no weights): 12.5 is no population size, refused; every fpc between 1 and 100 is told as it is read,
    since 10 typed for a sampling rate of 10 % was read as a population of 10 (5 of 10 clusters drawn: the
    correction 1 - 0.5 where it is 1 - 0.1, the SE a quarter too small), without a word; unless the strata's fpc
    differ (a rate typed as a percentage is the same in every stratum, and populations of 9 and 6 villages are not
    worth a warning on every clustered survey)."""
    values = data[fpc]
    if not (values > 1).all():
        return []
    broken = values[values != values.round()]
    if len(broken):
        i = broken.index[0]
        return [raw.problem("survey_fpc_percent", f"the fpc ({numbers.plain(values[i])}) is neither a sampling "
                            "fraction (at most 1) nor a population size (a whole number): a sampling rate written as "
                            "a percentage?", "Write the sampling fraction (0.125 for 12.5 %) or the population size "
                            "of each stratum.", index=i, column=fpc, value=values[i])]
    if (values > 100).any() or (weights and not clusters):
        return []   # with weights and without clusters, _fpc_against_weights checks it
    size = values.groupby(stratum).first()
    if size.nunique() > 1:
        return []   # a rate is one for every stratum; sizes that differ (9 villages here, 6 there) are populations
    name = size.index[0]
    row = stratum.index[stratum == name][0]
    what = "clusters" if clusters else "people"
    where = f"the stratum {name!r}" if (stratum != "").any() else "the survey"
    return [raw.problem("survey_fpc_percent", f"every fpc is between 1 and 100: read as the number of {what} "
                        f"{where} was drawn from ({numbers.plain(size[name])}, {sampled[name]} of them sampled, a "
                        f"sampling fraction of {numbers.plain(round(sampled[name] / size[name], 3))}); if it is a "
                        "sampling rate written as a percentage, the standard errors are too small",
                        "Write a sampling rate as a fraction (0.1 for 10 %); a population size is right as it is.",
                        index=row, column=fpc, value=values[row], severity="warning")]


def _value_problems(survey: Survey, spec_path: Path) -> list[Problem]:
    """A share's ``value`` must occur in the data (else its share would be a silent 0). A total needs weights: without
    them it is the respondents' own sum, which the annex would show as the population's, with an interval."""
    problems = []
    for i, est in enumerate(survey.spec.estimates):
        # an fpc without weights gives them (helpers.analyses.surveys.fpc_weights, as R's svydesign)
        if est.stat == "total" and not survey.spec.design.weights and not survey.spec.design.fpc:
            problems.append(Problem(relative(spec_path), "survey_total_without_weights", f"'estimates.{i}.total' "
                                    f"asks for the total of '{est.variable}', and the design has no weights: it "
                                    "would be the sum over the respondents, not over the people they stand for",
                                    "Give the weights (design: {weights: <column>}: how many people each respondent "
                                    "stands for), or ask for the mean instead.", column=f"estimates.{i}.total",
                                    value=est.variable))
        weights = survey.design_columns()["weights"]
        if est.stat == "total" and relative_weights(survey):
            total = numbers.plain(round(float(survey.data[weights].sum()), 2))
            left = survey.rejected + survey.early   # normalised over every submission exported, before the review
            before = f" ({numbers.plain(round(float(survey.data[weights].sum() + survey.left_out_weight), 2))} for " \
                f"the {len(survey.data) + left} submissions exported, {left} of them left out)" if left else ""
            problems.append(Problem(relative(spec_path), "survey_total_relative_weights", f"'estimates.{i}.total' "
                                    f"asks for the total of '{est.variable}', and the weights add up to {total} for "
                                    f"{len(survey.data)} respondents{before}: they are relative weights (normalised "
                                    "to a mean of 1), and the total would be the sample's, not the population's",
                                    "Give weights that count people (each respondent's number of people in the "
                                    "population, e.g. the inverse of their probability of selection), or ask for "
                                    "the mean instead.", column=f"estimates.{i}.total", value=est.variable))
        column = est.variable
        if column in survey.data.columns and column not in survey.multiple and survey.data[column].isna().all() \
                and (est.stat != "share" or est.value is None):
            # every answer empty (or n/a, or a declared code): the annex showed n.d., or nothing for a share of
            # each value, without saying the question has no answer (a column renamed by a new form version?)
            problems.append(Problem(relative(spec_path), "survey_never_answered", f"'estimates.{i}.{est.stat}' "
                                    f"asks for '{column}', which has no answer in the export: its estimate is "
                                    "not available", "Check that this is the question's column in this export (a "
                                    "new version of the form may have renamed or moved it), or remove the "
                                    "estimate.", column=f"estimates.{i}.{est.stat}", value=column,
                                    severity="warning"))
        if est.stat != "share":
            continue
        if column not in survey.data.columns and column not in survey.multiple:
            continue  # reported as survey_column_missing
        listed = est.value in survey.value_labels.get(column, {}) or est.value in survey.multiple.get(column, [])
        written = _written_otherwise(survey, column, est.value) if listed else []
        if written:   # the form's `oui`, the export's `Oui` on every row: a share of 0 % without a word
            problems.append(Problem(relative(spec_path), "survey_value_absent", f"'estimates.{i}.value' is "
                                    f"'{est.value}', which no answer of '{column}' has: the answers write it "
                                    f"{', '.join(repr(w) for w in written)}, and the share of '{est.value}' would "
                                    "be 0 %", f"Write the value as the answers do (value: \"{written[0]}\"), or "
                                    "export the answers as the form's choice names (KoboToolbox: XML values).",
                                    column=f"estimates.{i}.value", value=est.value))
            continue
        if est.value is not None and not listed and not survey.has_value(column, est.value):   # listed: a 0 %
            known = survey.options(column)
            guess = did_you_mean(est.value, known)
            if est.value in ("true", "false"):   # `value: yes` unquoted: YAML reads yes, no, on, off as true, false
                guess = (f"YAML reads yes, no, on, off (and true, false) without quotes as {est.value}: write the "
                         "value in quotes, e.g. value: \"yes\".")
            problems.append(Problem(relative(spec_path), "survey_value_absent", f"'estimates.{i}.value' is "
                                    f"'{est.value}', which no answer of '{column}' has", " ".join(
                                        x for x in (guess, f"Values found: {', '.join(known[:15]) or 'none'}.") if x),
                                    column=f"estimates.{i}.value", value=est.value))
    return problems


def _written_otherwise(survey: Survey, column: str, value: str) -> list[str]:
    """The answers of ``column`` that are ``value`` in another case or without its accents, when none is ``value``
    itself (`Oui` for the form's `oui`)."""
    if column not in survey.data.columns or survey.has_value(column, value):
        return []
    words = {w for answer in survey.codes(column).dropna().astype(str)
             for w in (answer.split() if column in survey.multiple else [answer])}
    return sorted(w for w in words if w != value and fold(w) == fold(value))


# ================================================================= Washington Group and sex


def _question(column: str) -> str:
    """A column's question name without its groups, written 'wg/SEE_SS' (KoboToolbox) or 'wg-SEE_SS' (ODK
    Central's CSV), lower case as headers are read."""
    return re.split(r"[/\-]", column)[-1]


def _wg_column(columns: Any, domain: str) -> str | None:
    names = WG_DOMAINS[domain]
    found = [c for c in columns if _question(c) in names]
    return found[0] if found else None


def wg_disability(answers: pd.DataFrame) -> pd.Series:
    """The WG-SS disability identifier: '1' when at least one domain is 3 (a lot of difficulty) or 4 (cannot do at
    all), '0' when all six are 1 or 2, missing otherwise. ``answers``: the six domains' codes (text or numbers)."""
    codes = answers.apply(lambda s: pd.to_numeric(s.map(_as_text), errors="coerce"))
    severe = codes.isin([3, 4]).any(axis=1)
    mild = codes.isin([1, 2]).all(axis=1)
    return pd.Series(np.where(severe, "1", np.where(mild, "0", None)), index=answers.index, dtype="str")


def _add_wg(survey: Survey, raw: RawTable) -> list[Problem]:
    columns = {d: _wg_column(survey.data.columns, d) for d in WG_DOMAINS}
    if not all(columns.values()):
        return []
    answers = survey.data[list(columns.values())]
    survey.data[WG_COLUMN] = wg_disability(answers)
    survey.labels[WG_COLUMN] = dict(WG_LABELS)
    survey.value_labels[WG_COLUMN] = {k: dict(v) for k, v in WG_VALUE_LABELS.items()}
    # answers in words ('aucune', 'beaucoup': a form whose choices are not the WG's 1 to 4): no one was classified,
    # and the share with a disability, and every subgroup « by: wg_disability », vanished without a word
    words = answers.apply(lambda s: s.map(_as_text)).stack()
    words = words[pd.to_numeric(words, errors="coerce").isna()]
    if survey.data[WG_COLUMN].notna().any() or words.empty:
        return []
    row, column = words.index[0]
    listed = ", ".join(repr(w) for w in sorted(set(words))[:6])
    return [raw.problem("survey_wg_codes", f"the six Washington Group questions are answered {listed}, not with "
                        "the WG's codes (1 no difficulty, 2 some, 3 a lot, 4 cannot do at all): no respondent can "
                        "be classified, and the share with a disability is not computed", "Export the answers as "
                        "the WG's codes 1 to 4 (the form's choice names), or recode them so in the export.",
                        index=row, column=column, value=words.iloc[0], severity="warning")]


INTERVIEWER = re.compile(r"enqueteu|interview|enumerat|agent|collect|superviseu|supervisor")


def _find_sex(survey: Survey, raw: RawTable) -> tuple[tuple[str, str] | None, list[Problem]]:
    """The women's question: its column and the code of a woman. Of several sex questions (the interviewer's, at the
    top of the form, and the respondent's: the women's share was the interviewers', 73 % for 33 %), the one the YAML
    counts, else the one not in an interviewer's group, with a warning naming the one used."""
    found = []
    for column in survey.data.columns:
        if _question(column) in SEX_QUESTIONS:
            for code in survey.options(column):
                labels = survey.value_labels.get(column, {}).get(code, {})
                if fold(code) in FEMALE_WORDS or any(fold(t) in FEMALE_WORDS for t in labels.values()):
                    found.append((column, code))
                    break
    if len(found) < 2:
        return (found[0] if found else None), []
    named = {e.variable for e in survey.spec.estimates} | {header_name(e.by) for e in survey.spec.estimates if e.by}
    respondents = [f for f in found if not INTERVIEWER.search(fold(f[0]))]
    chosen = next((f for f in found if f[0] in named), None)
    if chosen is not None:   # the YAML counts it: no doubt to tell
        return chosen, []
    chosen = respondents[0] if respondents else found[0]
    others = ", ".join(repr(c) for c, _ in found if c != chosen[0])
    return chosen, [raw.problem("survey_sex_columns", f"the export has several sex questions: the share of women is "
                                f"that of '{chosen[0]}' (not {others})", "If it is not the respondents' sex, "
                                "count the right one in the YAML ({share: <column>, value: <code of a woman>}), "
                                "which the annex then takes.", column=chosen[0], severity="warning")]


# ================================================================= the build's store (JSON beside the Parquet)


def about(survey: Survey) -> dict[str, Any]:
    """Everything of a survey but its data, as JSON (data.store writes the data as Parquet)."""
    return {"spec": survey.spec.model_dump(mode="json"), "labels": survey.labels,
            "value_labels": survey.value_labels, "multiple": survey.multiple,
            "sex": list(survey.sex) if survey.sex else None, "files": [str(p) for p in survey.files],
            "notes": survey.notes, "rejected": survey.rejected, "early": survey.early,
            "left_out_weight": survey.left_out_weight, "label_fallback": survey.label_fallback,
            "all_zero": survey.all_zero}


def from_about(name: str, meta: dict[str, Any], data: pd.DataFrame) -> Survey:
    return Survey(name, SurveySpec(**meta["spec"]), data, meta["labels"], meta["value_labels"], meta["multiple"],
                  tuple(meta["sex"]) if meta["sex"] else None, [Path(p) for p in meta["files"]], meta["notes"],
                  meta.get("rejected", 0), meta.get("early", 0), left_out_weight=meta.get("left_out_weight", 0.0),
                  label_fallback=meta.get("label_fallback", {}), all_zero=meta.get("all_zero", {}))
