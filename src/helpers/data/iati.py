"""IATI activity files (versions 2.01 to 2.03) as the tables budget, expenditure and indicators.

A project's ``data/<project>/iati/*.xml`` is read on every build, as published: ``load_iati`` returns the three
tables in the shape of the CSV contract (schemas.COLUMNS), so the analyses and notebooks do not know where they came
from, plus every problem found (file, activity identifier, element path such as
``iati-activity[GB-1-109635-101]/budget[2]/value``, value, rule, what to do) and what the files say of the title block
(``About``, for ``make import-iati``). The mapping, element by element, is in data/README.md ("IATI activity files").

The files come from outside: they are parsed with lxml ``iterparse`` one ``iati-activity`` at a time (each cleared
once read, so a 100 MB publisher file is read in little memory), with ``resolve_entities=False``,
``no_network=True``, ``load_dtd=False`` and ``huge_tree=False``. A file that declares a DTD (entities, external
files) is refused with a problem before any activity is read: nothing is expanded, fetched or read from disk.

The rules (each has a test in tests/data/test_iati.py):
- budgets: a revised budget (``type="2"``) replaces the originals (``type="1"``, or no type) whose period it
  overlaps; budgets whose periods overlap are never added (one covering the others, at least their sum, is counted
  alone; otherwise the budget is not computed); a budget line is an activity (line = iati-identifier, label = title);
- the same money is never counted twice: an activity whose children (``related-activity``) in the files carry
  money of the same kind is not counted for it; a spending transaction that another activity of the files reports as
  its incoming funds (``provider-org/@provider-activity-id``) is not counted either, nor is the part of the
  funder's budget it gave (or committed to) the receiver, which the receiver's budget holds; nor is an activity
  under its old identifier (``other-identifier`` type B1 of another) whose money the new one wholly repeats.
  ``make check`` says which rule was applied, as a warning;
- currency: ``value/@currency``, else the activity's ``default-currency``; a value in another currency than the
  project's needs ``iati.exchange_rates`` in project.yaml (one rate a currency, whatever the value-date: warned),
  else it is an error naming the activity and element;
- country: the transaction's own ``recipient-country``, else the activity's, split by ``@percentage`` (a split is an
  estimate: the budget line's label says so); the part not given to a country is the project's as a whole
  (``regional``);
- results: one row per indicator, period (``period-start``/``period-end``) and sex (``dimension`` named sex, gender,
  genre...: rows f, m and the total; other dimensions summed into the total when no total is given, with a warning;
  values by location or by dimension are added for a count, never for a percentage or a rank: then not computed,
  with a warning);
  nominal, ordinal and qualitative indicators (``@measure`` 3, 4 and 5) are listed without their values, not
  rated (a warning when they give values);
- narratives in the annex language when the file has it, else the activity's default language.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import re
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import islice, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import pandas as pd

if TYPE_CHECKING:  # imported where a file is parsed: a project without IATI files does not load lxml
    from lxml import etree

from ..errors import Problem, did_you_mean
from ..paths import relative
from ..text import (FEMALE_TOKENS as FEMALE, MALE_TOKENS as MALE, SEX_DIMENSION_NAMES as SEX_NAMES,
                    TOTAL_TOKENS as TOTAL, fold)
from .countries import country_code, country_name
from .inputs import (CONTROL, MAX_IATI_BYTES, OPENERS, Refused, checked_input, control_reason, unclosed_direction,
                     unclosed_reason)
from .params import ProjectParams
from .schemas import COLUMNS, REGIONAL, validate_table
from .spec import SPEC

TABLES = ("budget", "expenditure", "indicators")
# the texts the reader writes in the annex language: each also in both languages (iati_<column>_<fr|en>), so that an
# annex whose language is not the project's shows its own (in_annex_language); before, an annex with `language: en`
# of a French project showed « Titre (ventilation par pays estimée…) »
TRANSLATED = {"budget": ("label",), "expenditure": ("period_label",), "indicators": ("label", "unit")}
LANGUAGES = ("fr", "en")
VERSIONS = ("2.01", "2.02", "2.03")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TRANSACTION_TYPES = {"1": "incoming funds", "2": "outgoing commitment", "3": "disbursement", "4": "expenditure",
                     "5": "interest payment", "6": "loan repayment", "7": "reimbursement", "8": "purchase of equity",
                     "9": "sale of equity", "10": "credit guarantee", "11": "incoming commitment",
                     "12": "outgoing pledge", "13": "incoming pledge"}
# the 1.0x codes (letters, words) some publishers still write in 2.0x files: read as the 2.01 codes they became,
# with a warning, never left out as an unknown type (IATI 2.01 changes: TransactionType, ActivityDateType)
LETTER_TYPES = {"IF": "1", "C": "2", "D": "3", "E": "4", "IR": "5", "LR": "6", "R": "7", "QP": "8", "QS": "9",
                "CG": "10"}
WORD_DATES = {"start-planned": "1", "start-actual": "2", "end-planned": "3", "end-actual": "4"}
WORD_ROLES = {"funding": "1", "accountable": "2", "extending": "3", "implementing": "4"}
# a budget's @type and @status written as words (type="Revised"): both read as originals before, a revision and its
# original then two budgets of a period and the budget not computed; read as their codes, with a warning
WORD_BUDGETS = {"kind": {"original": "1", "revised": "2"}, "status": {"indicative": "1", "committed": "2"}}
PAID = {"3", "4", "7", "8", "D", "E", "R", "QP", ""}  # money paid out (or a type not known): spending, or may be
INCOMING = {"1"}  # incoming funds: money received. A pledge (13) or commitment (11) is a promise, not money
LEVELS = {"1": "output", "2": "outcome", "3": "impact"}
# result/@type as IATI 1.0x wrote it (a name; 2.01 made them codes 1, 2, 3, 9) and as French publishers name the
# levels: the level was left empty in the IPTT. 9 and « other » have no level of the indicators table
RESULT_WORDS = {"output": "output", "outcome": "outcome", "impact": "impact", "other": None, "9": None,
                "produit": "output", "extrant": "output", "effet": "outcome"}
# activity-status/@code by its name (1.0x-era exports): only cancelled (5) and suspended (6) change what is said
STATUS_WORDS = {"cancelled": "5", "canceled": "5", "suspended": "6"}
UNITS = {"1": ("unités", "units"), "2": ("%", "%"), "3": ("nominal", "nominal"), "4": ("ordinal", "ordinal"),
         "5": ("qualitatif", "qualitative")}
MEASURES = {"1": "unit", "2": "percentage", "3": "nominal", "4": "ordinal", "5": "qualitative"}
# nominal, ordinal and qualitative measures: listed, not rated. An ordinal scale's values are ranks (level 2 of 4
# is not half of level 4): rated before, 2 for a target of 3 was 66.7 %, amber
NOT_RATED = {"3", "4", "5"}
# iati-activity/@budget-not-provided (IATI 2.03, BudgetNotProvided codelist): why an activity gives no budget
BUDGET_NOT_PROVIDED = {"1": "commercial restrictions", "2": "legal restrictions", "3": "rapid onset emergency"}
HINT_PUBLISHER = "Ask the publisher to correct the file; until then the value is not counted."
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")  # ISO 3166-1 alpha-2, the IATI Country codelist
CODE_START = re.compile(r"[A-Za-z0-9]+")  # the letters and digits an identifier goes on with after a prefix
INDICATOR_PATH = re.compile(r"result\[(\d+)\]/indicator\[(\d+)\]")
SHOWN = 60  # characters of a value from the file shown in a message
HINT_RESULT = "The value is left empty (not rated). Ask the publisher to write it as a number."


def parser_options() -> dict[str, Any]:
    """What lxml is allowed to do with an untrusted file: no entity expansion, no DTD, no network, no huge tree."""
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


# ================================================================= what is read from one activity


@dataclass(slots=True)
class Money:
    path: str                     # element path of the value, e.g. iati-activity[X]/budget[2]/value
    kind: str                     # budget: "1" original / "2" revised; transaction: its type code
    amount: float | None          # in its own currency; None when not a number (a problem says so)
    currency: str | None
    start: dt.date | None = None  # budget period (start, end); transaction: end = its date
    end: dt.date | None = None
    country: str | None = None    # a transaction's own recipient-country
    provider_activity: str | None = None
    receiver_activity: str | None = None
    description: list[tuple[str, str | None]] | None = None  # a transaction's description: (language, narrative)
    ref: str | None = None        # a transaction's @ref: the publisher's own identifier of it
    status: str | None = None     # a budget's @status: 1 indicative, 2 committed
    value_date: str | None = None  # value/@value-date: the day whose exchange rate converts it (as written)
    region: str | None = None     # a transaction's own recipient-region/@code
    provider_org: str | None = None  # provider-org/@ref, receiver-org/@ref: the organisations (not their activities)
    receiver_org: str | None = None
    provider_name: str | None = None  # the organisation's first narrative, when it has no @ref (named only)
    receiver_name: str | None = None
    value_dated: bool = False     # a transaction without transaction-date, dated by its value/@value-date
    blank: bool = False           # no <value>, or one without a number (<value/>, a template's blank)
    sector: str | None = None     # a transaction's own (first) sector/@code: a payment split by sector, one per sector


@dataclass(slots=True)
class Cell:
    """One target, actual or baseline value of an indicator with its dimensions."""
    path: str
    value: float | None
    dimensions: tuple[tuple[str, str], ...]
    locations: tuple[str, ...] = ()  # location/@ref: one cell per place, as publishers break results down


@dataclass(slots=True)
class Period:
    path: str
    start: dt.date | None
    end: dt.date | None
    targets: list[Cell] = field(default_factory=list)
    actuals: list[Cell] = field(default_factory=list)


@dataclass(slots=True)
class Indicator:
    path: str
    code: str | None              # reference/@code
    title: dict[str, str]
    level: str | None
    ascending: bool
    measure: str
    baselines: list[Cell] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)


@dataclass(slots=True)
class Country:
    code: str
    percentage: float | None
    names: dict[str, str]


@dataclass
class Activity:
    identifier: str
    file: str                     # relative path of the file, for problems
    path: str                     # iati-activity[<identifier>]
    hierarchy: str | None
    lang: str
    title: dict[str, str]
    reporting_org: dict[str, str]
    funders: list[dict[str, str]]
    dates: dict[str, dt.date]     # activity-date type -> date
    countries: list[Country]
    related: list[tuple[str, str]]   # (ref, type): 1 parent, 2 child
    budgets: list[Money] = field(default_factory=list)
    transactions: list[Money] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    status: str | None = None     # activity-status/@code: 5 cancelled
    written: dt.date | None = None  # the day the file (or the activity, when later) was last written
    partners: list[tuple[str, str]] = field(default_factory=list)  # (participating-org/@activity-id, its path)
    publisher: str | None = None  # reporting-org/@ref
    file_currency: str | None = None  # a default-currency written on <iati-activities>, where IATI has none
    updated: dt.date | None = None  # its own @last-updated-datetime
    participants: list[tuple[str, str, str, str]] = field(default_factory=list)  # funding (1), implementing (4) orgs
    regions: list[str] = field(default_factory=list)  # recipient-region/@percentage ('' without, or a country
                                                      # not read, already said)
    previous: list[tuple[str, str]] = field(default_factory=list)  # other-identifier type B1: (its ref, its path)
    budget_not_provided: str | None = None  # @budget-not-provided: why the publisher gives no budget (1 to 3)


@dataclass
class About:
    """What the files say of the title block (for make import-iati)."""
    title: str | None = None
    code: str | None = None
    implementer: str | None = None
    donor: str | None = None
    currency: str | None = None
    currencies: list[str] = field(default_factory=list)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    reporting_date: dt.date | None = None
    countries: dict[str, str] = field(default_factory=dict)   # code -> name in the annex language (else the code)
    budget_total: float | None = None  # set by make import-iati when the budget cannot be split by country


@dataclass
class IatiSource:
    tables: dict[str, pd.DataFrame]
    problems: list[Problem]
    files: list[Path]
    activities: list[Activity] = field(default_factory=list)


# ================================================================= public functions


def iati_files(folder: Path) -> list[Path]:
    """Every entry named *.xml, in any capitals (`Activities.XML` from Windows was left out unsaid beside another
    file); a link, a pipe or a folder too: the reader refuses them, each named."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".xml") if folder.is_dir() else []


EXPORTS = (".csv", ".tsv", ".xlsx", ".xls", ".ods", ".json", ".zip", ".gz")  # d-portal, IATI Datastore downloads


def _exports_not_read(folder: Path) -> list[Problem]:
    """A d-portal or IATI Datastore export (transactions.csv, activities.xlsx, a .json or a .zip) put in iati/ beside
    the activity file, its newer transactions meant to count: it was passed over without a word."""
    found = sorted(p for p in folder.iterdir() if p.suffix.lower() in EXPORTS and not p.name.startswith((".", "~$")))
    return [Problem(relative(path), "iati_file_not_read", "this file is not read: the IATI figures are read from the "
                    "activity files (.xml) of iati/ only, not from a CSV, spreadsheet, JSON or archive export (d-portal, "
                    "IATI Datastore): its rows are counted in no figure", "Download the activities as XML (d-portal: "
                    "« Download XML », the IATI Datastore: the XML format; unzip a .zip) into iati/, or move this file "
                    "out of iati/.", severity="warning") for path in found]


def load_iati(folder: Path, params: ProjectParams) -> IatiSource:
    """Every IATI file of ``folder`` -> the tables budget, expenditure, indicators (typed as the loader types CSV
    tables, with the extra columns ``iati_file`` and ``iati_element``), every problem, and the activities read
    (``about(source.activities, ...)`` gives the title block)."""
    with _gc_paused():
        return _load_iati(folder, params)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while files are read and their tables built (a quarter of the reader's time
    on a 100 MB file otherwise): what is read is hundreds of thousands of small objects that all live on, none in a
    cycle, and the collector walked them again at every oldest-generation collection. Reference counting still frees
    everything else at once. After, the collector is back as it was, and what was made meanwhile joins its oldest
    generation directly (freeze then unfreeze: moved without being walked; a cycle in it is freed by the next full
    collection), instead of being walked at the first young collection. Not when the caller has frozen objects of
    its own (unfreeze would release them)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def _load_iati(folder: Path, params: ProjectParams) -> IatiSource:
    files = iati_files(folder)
    problems: list[Problem] = []
    activities: list[Activity] = []
    for path in files:
        try:  # as every input: a regular file inside the folder, not a link out of it, a pipe or a device
            checked_input(path, folder, MAX_IATI_BYTES)
        except Refused as exc:
            problems.append(exc.problem)
            continue
        read, found = read_activities(path)
        activities += read
        problems += found
    if activities:   # an organisation file beside the activity files adds nothing: said, the others built
        problems = [replace(p, severity="warning", message=p.message + ": it is not read", hint="Nothing to do if "
                            "the activity files beside it are the project's; remove it from the iati/ folder.")
                    if p.rule == "iati_not_activity_file" and p.value == "iati-organisations" else p
                    for p in problems]
    if not files:
        problems.append(Problem(relative(folder), "iati_no_file", "the iati/ folder holds no .xml file",
                                "Put the project's IATI activity file(s) here, or remove the folder."))
    if folder.is_dir():
        problems += _exports_not_read(folder)
    activities, found = _selected(activities, params, relative(folder))
    problems += found
    activities, found = _previous_identifiers(activities, params)
    problems += found
    converted, found = _converted(activities, params)
    problems += found
    counted, transfers, found = _counted(activities, converted, params)
    problems += found
    budget = _budget(activities, converted, counted, transfers, params, problems)  # first: it may leave activities out
    problems += _hierarchy_budgets(activities, converted, counted, budget, params)
    problems += _budgets_after_end(activities, converted, counted, params)
    problems += _long_budgets_across_end(activities, converted, counted, params)
    problems += _long_budgets_within(activities, converted, counted, params)
    lines = set(zip(budget["line"].tolist(), budget["country"].tolist()))   # (Arrow's values one by one: 5x slower)
    tables = {"budget": budget, "expenditure": _expenditure(activities, converted, counted, params, problems, lines,
                                                            budget),
              "indicators": _indicators(activities, params, problems)}
    for name, frame in tables.items():
        problems += _validated(name, frame)
    problems += _row_warnings("indicators", tables["indicators"])
    problems += _project_dates(activities, params, tables)
    return IatiSource(tables, problems, files, activities)


def _project_dates(activities: list[Activity], params: ProjectParams,
                  tables: dict[str, pd.DataFrame] | None = None) -> list[Problem]:
    """project.yaml's start_date / end_date against the files' activity dates (about(): the first start, the last
    end, actual else planned), which make import-iati wrote: a newer file put in place of the one imported (its end
    put back a year) kept the old dates without a word, and the time elapsed, hence the burn index and the verdicts,
    was computed over them. Only the dates the files write are compared (not their money's days). Said only when
    the dates change a burn index the annex shows (by 0.005 or more, its 2 decimals) at the reporting date: a
    day's difference, or an end date both before the reporting date, was warned about though no figure moved."""
    found: dict[str, tuple[dt.date, Activity]] = {}
    for name, codes, pick in (("start_date", ("2", "1"), min), ("end_date", ("4", "3"), max)):
        days = [(d, a) for a in activities for d in [a.dates.get(codes[0]) or a.dates.get(codes[1])] if d]
        if getattr(params, name, None) is not None and days:
            found[name] = pick(days, key=lambda pair: pair[0])
    if "end_date" in found and "start_date" in found and found["end_date"][0] <= found["start_date"][0]:
        del found["end_date"]  # (an end before the start: not written)
    differ = [name for name, (day, _) in found.items() if day != getattr(params, name)]
    if not differ:
        return []
    files = {name: found[name][0] if name in found else getattr(params, name) for name in ("start_date", "end_date")}
    mine, theirs = _elapsed(params.start_date, params.end_date, params), _elapsed(files["start_date"],
                                                                                  files["end_date"], params)
    largest, rate, whose = _largest_rate(params, tables or {}, (files["start_date"], files["end_date"]))
    if math.isnan(mine) and math.isnan(theirs):
        return []   # (no time has elapsed either way: no burn index)
    if not (math.isnan(mine) or math.isnan(theirs)) and (largest is None or abs(largest / mine - largest / theirs)
                                                          < 0.005):
        return []   # no burn index the annex shows moves (every one moves by the same factor, the largest most)
    shares = f"{_percent(mine)} over project.yaml's dates, {_percent(theirs)} over the files'"
    burn = ("" if rate is None or math.isnan(mine) or math.isnan(theirs) else
            f": the burn index of {whose} is {rate / mine:.2f} for {rate / theirs:.2f} over the files' dates, every "
            f"burn index {theirs / mine:.2f} times the files' (and the verdicts rating them)")
    # one warning for both dates when both differ (the shares and the burn index are those of the two together)
    said = [(name, *found[name], getattr(params, name)) for name in differ]
    what = {"start_date": "first activity start", "end_date": "last activity end"}
    _, day, activity, _ = said[0]
    return [Problem(activity.file, "iati_project_dates", " and ".join(
        f"project.yaml's {name} ({declared.isoformat()}) is not the IATI files' {what[name]} ({d.isoformat()}, "
        f"activity {a.identifier})" for name, d, a, declared in said) + ": the elapsed share of the planned "
        f"duration at the reporting date ({params.reporting_date.isoformat()}) is {shares}{burn}",
        "make import-iati wrote the dates of the file it imported: write " + " and ".join(
            f"{name}: {d.isoformat()}" for name, d, _, _ in said) + " in project.yaml if the file was replaced by a "
        "newer one; keep " + ("them if they are" if len(said) > 1 else "it if it is") + " the project's own (the "
        "financing agreement's).", element=f"{activity.path}/activity-date", value=day.isoformat(),
        severity="warning")]


def _budgets_after_end(activities: list[Activity], amounts: dict[int, float], counted: set[int],
                       params: ProjectParams) -> list[Problem]:
    """Budgets whose period starts after project.yaml's end_date (an extension the activity's dates do not say, a
    year mistyped) are in the budget, every rate's denominator, while the time elapsed is over start_date..end_date:
    the burn index was low, « behind schedule », nothing said. One warning for the files, naming the first."""
    end = getattr(params, "end_date", None)   # (make import-iati reads the files before there are dates)
    if end is None:
        return []
    after = [(a, b) for a in activities for b in a.budgets
             if b.start is not None and b.start > end and id(b) in counted and amounts.get(id(b), 0) > 0]
    if not after:
        return []
    activity, first = after[0]
    names = sorted({a.identifier for a, _ in after})
    return [Problem(activity.file, "iati_budget_after_end", f"{len(after)} budget(s) of {len(names)} activit"
                    f"{'y' if len(names) == 1 else 'ies'} ({', '.join(names[:3])}{', ...' if len(names) > 3 else ''})"
                    f" start after project.yaml's end_date ({end.isoformat()}), the first {first.start.isoformat()}"
                    f"..{first.end.isoformat() if first.end else '?'}: they are counted in the budget, while the time "
                    "elapsed, hence the burn index and its verdict, is computed up to end_date (the money planned for "
                    "later makes the project look behind schedule)", "If the project was extended, write its new end "
                    "as end_date in project.yaml; if it ended early, that budget was never to be spent and the rates "
                    "are over it: ask the publisher to revise it; otherwise to correct the budget's period.",
                    element=first.path, value=first.start.isoformat(), severity="warning")]


def _longer_than_a_year(start: dt.date, end: dt.date) -> bool:
    """Whether a period runs past the day a year after its start (2021-01-01..2022-01-01, a period-end written as the
    next period's start, is a year)."""
    try:
        year_on = start.replace(year=start.year + 1)
    except ValueError:   # (29 February)
        year_on = dt.date(start.year + 1, 3, 1)
    return end > year_on


def _long_budgets_across_end(activities: list[Activity], amounts: dict[int, float], counted: set[int],
                             params: ProjectParams) -> list[Problem]:
    """Budgets of more than a year (IATI: a budget's period is at most a year) that run past project.yaml's
    end_date: counted whole in the budget, the denominator of every rate, while the time elapsed is over
    start_date..end_date, so the money planned after the end makes the project look behind schedule, as a budget
    starting after the end does (_budgets_after_end). A financial year across the end (at most a year) is the
    project's, and a long budget within the dates changes no figure: neither is said. One warning for the files,
    naming the first, with the part after end_date if the budget is spread evenly over its days."""
    end = getattr(params, "end_date", None)
    if end is None:
        return []
    across = [(a, b) for a in activities for b in a.budgets
              if b.start is not None and b.end is not None and b.start <= end < b.end
              and _longer_than_a_year(b.start, b.end) and id(b) in counted and amounts.get(id(b), 0) > 0]
    if not across:
        return []
    activity, first = across[0]
    names = sorted({a.identifier for a, _ in across})
    later = sum(amounts[id(b)] * (b.end - end).days / ((b.end - b.start).days + 1) for _, b in across)
    return [Problem(activity.file, "iati_budget_across_end", f"{len(across)} budget(s) of {len(names)} activit"
                    f"{'y' if len(names) == 1 else 'ies'} ({', '.join(names[:3])}{', ...' if len(names) > 3 else ''})"
                    f" span more than a year and run past project.yaml's end_date ({end.isoformat()}), the first "
                    f"{first.start.isoformat()}..{first.end.isoformat()}: they are counted whole in the budget "
                    f"(about {_show(round(later))} {params.currency} of them after end_date, spread evenly over their "
                    "days), while the time elapsed, hence the burn index and its verdict, is computed up to end_date",
                    "Ask the publisher for one budget per year at most (IATI's rule for a budget's period); if the "
                    "project was extended, write its new end as end_date in project.yaml.",
                    element=first.path, value=f"{first.start.isoformat()}..{first.end.isoformat()}",
                    severity="warning")]


def _long_budgets_within(activities: list[Activity], amounts: dict[int, float], counted: set[int],
                         params: ProjectParams) -> list[Problem]:
    """Budgets of more than a year inside project.yaml's dates (2020-01-01..2021-12-31 in one budget): the IATI
    standard's rules (2.03) say an activity's budget should cover a year at most, and nothing said so; they change no
    figure (counted whole, all of it within the dates), so a remark: one warning for the files, naming the first.
    The budgets past end_date are _long_budgets_across_end's."""
    end = getattr(params, "end_date", None)
    within = [(a, b) for a in activities for b in a.budgets
              if b.start is not None and b.end is not None and (end is None or b.end <= end)
              and _longer_than_a_year(b.start, b.end) and id(b) in counted and amounts.get(id(b), 0) > 0]
    if not within:
        return []
    within.sort(key=lambda ab: (ab[0].identifier, ab[1].start, ab[1].end))   # (the same first, whatever the files' order)
    activity, first = within[0]
    names = sorted({a.identifier for a, _ in within})
    return [Problem(activity.file, "iati_budget_long", f"{len(within)} budget(s) of {len(names)} activit"
                    f"{'y' if len(names) == 1 else 'ies'} ({', '.join(names[:3])}{', ...' if len(names) > 3 else ''})"
                    f" span more than a year, the first {first.start.isoformat()}..{first.end.isoformat()}: the IATI "
                    "standard's rules say a budget's period should be a year at most; within project.yaml's dates "
                    "and counted whole, they change no figure here",
                    "Nothing to change for the annexes; the publisher may be told of IATI's rule (one budget per "
                    "year at most).", element=first.path,
                    value=f"{first.start.isoformat()}..{first.end.isoformat()}", severity="warning")]


def _elapsed(start: dt.date, end: dt.date, params: ProjectParams) -> float:
    """The share of the planned duration elapsed at the reporting date, as budget.elapsed_share computes it
    (capped at 1; NaN when not positive): the data room does not import the analyses."""
    duration = (end - start).days + 1   # both days counted, as budget.elapsed_share counts them
    share = min(((params.reporting_date - start).days + 1) / duration, 1.0) if duration > 0 else float("nan")
    return share if share > 0 else float("nan")


def _percent(share: float) -> str:
    return "not computable" if math.isnan(share) else f"{share * 100:.1f} %"


def _largest_rate(params: ProjectParams, tables: dict[str, pd.DataFrame], dates: tuple[dt.date, dt.date]
                  ) -> tuple[float | None, float | None, str]:
    """The largest spending rate (spent / budget up to the reporting date) of the project (over budget_total, else
    its lines) and of its lines, the burn index a date moves most (a country's rate lies between its lines'); and
    the rate the warning names: the project's when its burn index moves between project.yaml's dates and the
    files' (``dates``), else that largest line's. (None, None, '') when none is above 0."""
    budget, spent = tables.get("budget"), tables.get("expenditure")
    if budget is None or spent is None or budget.empty or spent.empty:
        return None, None, ""
    spent = spent[pd.to_datetime(spent["period_end"]) <= pd.Timestamp(params.reporting_date)]
    by_line = spent.assign(country=spent["country"].fillna("")).groupby(["line", "country"])["amount"].sum()
    lines = budget.assign(country=budget["country"].fillna("")).groupby(["line", "country"])["budget"].sum(
        min_count=1)
    known = lines[lines > 0]   # (aligned at once: a lookup per line took 1 s of the 100 MB file's reading)
    ratio = by_line.reindex(known.index, fill_value=0.0) / known
    rates = {}
    if len(ratio):
        line, country = ratio.idxmax()
        rates[f"line {line}" + (f" ({country})" if country else "")] = float(ratio.max())
    total = params.budget_total or (lines.sum() if lines.notna().all() else None)
    if total and total > 0:
        rates["the project"] = float(spent["amount"].sum()) / float(total)
    largest = max(rates, key=rates.__getitem__, default="")
    if not largest or rates[largest] <= 0:
        return None, None, ""
    mine, theirs = _elapsed(params.start_date, params.end_date, params), _elapsed(*dates, params)
    moved = rates.get("the project", 0.0) > 0 and not (math.isnan(mine) or math.isnan(theirs)) and abs(
        rates["the project"] / mine - rates["the project"] / theirs) >= 0.005
    whose = "the project" if moved else largest   # (the project's when it moves as shown, else the line's that does)
    return float(rates[largest]), float(rates[whose]), whose


def read_activities(path: Path) -> tuple[list[Activity], list[Problem]]:
    """One file, streamed: its activities and the problems met. Refuses DTDs, other roots and other versions."""
    with _gc_paused():
        return _read_activities(path)


def _read_activities(path: Path) -> tuple[list[Activity], list[Problem]]:
    file = relative(path)
    activities: list[Activity] = []
    problems: list[Problem] = []
    root_lang = "en"
    checked = False
    from lxml import etree

    try:
        # remove_blank_text: the indentation between elements is not kept (every text read is stripped; 0.1 s of
        # the 100 MB file's reading)
        context = etree.iterparse(str(path), events=("start", "end"), tag=("iati-activities", "iati-activity"),
                                  remove_blank_text=True, **parser_options())
        for event, element in context:
            if not checked:  # the root, before anything is read from the file
                root = element.getroottree().getroot()
                refused = _refused(root, file)
                if refused:
                    return [], [refused]
                root_lang, checked = root.get(XML_LANG) or root_lang, True
                generated = _date(root.get("generated-datetime"))
                file_currency = (root.get("default-currency") or "").strip() or None
            if event == "start" or element.tag != "iati-activity":
                continue
            activities.append(_activity(element, file, len(activities) + 1, root_lang, problems))
            updated = _date(element.get("last-updated-datetime"))
            activities[-1].written = max((d for d in (generated, updated) if d), default=None)
            activities[-1].file_currency, activities[-1].updated = file_currency, updated
            _actual_dates(activities[-1], problems)
            _visible_controls(activities[-1], problems)
            element.clear(keep_tail=False)
            parent = element.getparent()
            while element.getprevious() is not None:  # the activities already read
                del parent[0]
    except etree.XMLSyntaxError as exc:
        packed = _archive(path)
        if packed:  # (said « not well-formed XML: download it again », which gives the same archive again)
            return activities, problems + [Problem(file, "iati_xml_syntax", f"the file is a {packed} archive (a "
                                                   "compressed download), not XML: it is not read", f"Unpack it "
                                                   f"({UNPACK[packed]}) and use the .xml file it holds.",
                                                   value=packed)]
        if _html(path):  # an error page saved as .xml (<!doctype html>, not XML)
            return activities, problems + [_web_page(file, "")]
        return activities, problems + [_syntax_error(file, path, exc)]
    except OSError as exc:
        return [], [Problem(file, "iati_unreadable", f"the file cannot be read ({exc})", "Check the file.")]
    if not checked:  # no iati-activities nor iati-activity at all: still say why, DTD first
        refused = _refused(context.root, file) if context.root is not None else None
        if refused:
            return [], [refused]
    if not activities and not problems:
        problems.append(Problem(file, "iati_no_activity", "the file holds no iati-activity",
                                "Is it an IATI activity file (not an organisation file)? Download the project's "
                                "activity file."))
    return activities, problems


def _syntax_error(file: str, path: Path, exc: Exception) -> Problem:
    """The parser's first error, where it is: an entity the file does not declare (&eacute;, HTML's, in a file
    edited or exported by hand) was said « not well-formed XML (no element found) », at row 0, the file refused
    with nothing to look for."""
    line, message = getattr(exc, "lineno", None), getattr(exc, "msg", None) or str(exc)
    # (the log holds the thread's earlier files' errors too: this file's first)
    first = next((e for e in getattr(exc, "error_log", None) or () if e.filename == str(path)), None)
    if first is not None and first.line and (not line or first.line < line or "no element found" in message):
        line, message = first.line, f"{first.message.strip()}, line {first.line}, column {first.column}"
    message = " ".join(message.split())   # (libxml2 ends some with a line break, or quotes the text after it)
    entity = first is not None and first.type_name == "ERR_UNDECLARED_ENTITY"
    return Problem(file, "iati_xml_syntax", f"the file is not well-formed XML ({message})"
                   + (": XML knows only &amp; &lt; &gt; &quot; &apos; and numbered characters (&#233;), not HTML's "
                      "named ones" if entity else ""),
                   ("Ask the publisher to write the character itself (é for &eacute;), or download the file again "
                    "from the IATI registry or d-portal; do not edit it by hand." if entity else
                    "Download the file again from the IATI registry or d-portal; do not edit it by hand."),
                   row=line or None)


ARCHIVES = {b"\x1f\x8b": "gzip", b"PK\x03\x04": "zip", b"7z\xbc\xaf": "7z", b"BZh": "bzip2"}
UNPACK = {"gzip": "7-Zip, gunzip", "zip": "7-Zip, unzip", "7z": "7-Zip", "bzip2": "7-Zip, bunzip2"}  # (any language)


def _archive(path: Path) -> str | None:
    """The kind of archive the file is by its first bytes (an IATI download saved compressed, under .xml or .gz),
    else None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError:
        return None
    return next((kind for magic, kind in ARCHIVES.items() if head.startswith(magic)), None)


def _html(path: Path) -> bool:
    """Whether the file begins as a web page does (<!doctype html>, <html>)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        return False
    return head.startswith((b"<!doctype html", b"<html"))


def _web_page(file: str, title: str) -> Problem:
    """A web page saved as the IATI file: a failed download (a registry link that no longer works gives an error
    page). Before, said to declare a DTD « that could read other files », or to be another kind of XML."""
    return Problem(file, "iati_not_activity_file", "the file is a web page (HTML), not an IATI activity file: the "
                   "download gave a page instead of the file" + (f" (its title: « {shown(title)} »)" if title else ""),
                   "Open the link in a web browser to see why (a link that no longer works: find the activity on "
                   "d-portal or the IATI Datastore), and save the XML file itself.", value="html")


def _actual_dates(activity: Activity, problems: list[Problem]) -> None:
    """An actual start or end (activity-date 2, 4) after the day the file was written had not happened: a planned
    date written with the actual type. Read as the planned one (1, 3) when the file gives none, with a warning: it
    was taken as the project's start or end (the elapsed share, the burn index) and dated spending before it."""
    for actual, planned, what in (("2", "1", "start"), ("4", "3", "end")):
        day = activity.dates.get(actual)
        if day is None or activity.written is None or day <= activity.written:
            continue
        del activity.dates[actual]
        kept = activity.dates.setdefault(planned, day)
        problems.append(Problem(activity.file, "iati_actual_date_future", f"activity {activity.identifier}: its "
                                f"actual {what} ({day.isoformat()}, activity-date type {actual}) is after the day "
                                f"the file was written ({activity.written.isoformat()}): it had not happened, so it "
                                f"is read as the planned {what}" + ("" if kept == day else f", the file's own "
                                f"planned {what} ({kept.isoformat()}) kept"), "Ask the publisher to write planned "
                                f"dates with type {planned}.", element=f"{activity.path}/activity-date",
                                value=day.isoformat(), severity="warning"))
    start = activity.dates.get("2") or activity.dates.get("1")
    for end in ("3", "4"):  # an end before the start (2019-12-31 for 2020-03-01, a year mistyped): the project's
        day = activity.dates.get(end)  # end_date written from it was before its start_date, make import-iati then
        if day is None or start is None or day >= start:  # writing 2099-12-31 « not in the file »
            continue
        del activity.dates[end]
        kept = activity.dates.get("3")
        problems.append(Problem(activity.file, "iati_dates_order", f"activity {activity.identifier}: its "
                                f"{'actual' if end == '4' else 'planned'} end ({day.isoformat()}, activity-date "
                                f"type {end}) is before its start ({start.isoformat()}): it is not read"
                                + (f", the planned end ({kept.isoformat()}) is" if kept else ""),
                                "Ask the publisher to correct the date; check end_date in project.yaml.",
                                element=f"{activity.path}/activity-date", value=day.isoformat(), severity="warning"))


def _visible_controls(activity: Activity, problems: list[Problem]) -> None:
    """A narrative holding a control character (C1: U+0085, U+009B...) or a direction override (U+202E), which XML
    allows, is refused in a table or a YAML file: an override showed the rest of its line backwards in the annex,
    a figure beside it too (a title « Formation U+202E 0051 USD » read « Formation DSU 1500 »), and a terminal acts
    on C1. So is a direction embedding or isolate the narrative leaves open (« Formation\u2067 12 »: the text after
    it in its paragraph in another order). The publisher's file is not to be edited: the character is shown as its
    escape (« \\u202e »), with a warning per element."""
    every = [activity.title, activity.reporting_org, *activity.funders, *(c.names for c in activity.countries),
             *(i.title for i in activity.indicators), *(m.description for m in activity.transactions if m.description)]
    joined = "\n".join(text for texts in every for text in (
        texts.values() if isinstance(texts, dict) else (t for _, t in texts)) if text)
    if not CONTROL.search(joined) and not any(char in joined for char in OPENERS):
        return   # (nearly every activity: one search, no element paths made)
    texts = [("title", activity.title), ("reporting-org", activity.reporting_org),
             *(("participating-org", names) for names in activity.funders),
             *((f"recipient-country[@code={c.code}]", c.names) for c in activity.countries)]
    texts = [(f"{activity.path}/{where}", names) for where, names in texts]
    texts += [(f"{indicator.path}/title", indicator.title) for indicator in activity.indicators]
    for money in activity.transactions:
        if money.description:
            texts.append((money.path.rsplit("/", 1)[0] + "/description", money.description))
    for where, narratives in texts:
        pairs = list(narratives.items() if isinstance(narratives, dict) else narratives)
        written = next((text for _, text in pairs if text and _hidden(text)), None)
        if written is None:
            continue
        found = _hidden(written)
        visible = [(lang, _escaped(text) if text else text) for lang, text in pairs]
        if isinstance(narratives, dict):
            narratives.update(visible)
        else:
            narratives[:] = visible
        char = _escaped(found)
        what = (f"holds a control character ({char}){control_reason(found)}" if CONTROL.match(found)
                else unclosed_reason(found).removeprefix("this text "))
        problems.append(Problem(activity.file, "control_character", f"activity {activity.identifier}: this "
                                f"narrative {what}: it is "
                                f"shown as « {char} » in the annexes", "Nothing to do for the figures; ask the "
                                "publisher to remove the character.", element=f"{where}/narrative",
                                value=shown(_escaped(written)),
                                severity="warning"))


def _hidden(text: str) -> str | None:
    """The first control character of a narrative, else the first direction embedding or isolate it leaves open
    (inputs.unclosed_direction: the text after it in its paragraph is shown in another order), else None."""
    found = CONTROL.search(text)
    return found.group() if found else unclosed_direction(text)


def _escaped(text: str) -> str:
    """The text with its control characters as escapes, and, when it leaves one open, its direction embeddings and
    isolates (each written \\u2067)."""
    escape = CONTROL if not unclosed_direction(text) else re.compile(f"{CONTROL.pattern}|[{OPENERS}]")
    return escape.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else
                      f"\\u{ord(m.group()):04x}", text)


def _refused(root: etree._Element, file: str) -> Problem | None:
    docinfo = root.getroottree().docinfo
    subset = docinfo.internalDTD   # (<!DOCTYPE html> has an empty one: nothing to expand, nothing read, refused)
    if isinstance(root.tag, str) and root.tag.rsplit("}", 1)[-1].lower() == "html" and (
            subset is None or not any(True for _ in subset.iterentities())):
        title = next((t.text for t in root.iter() if isinstance(t.tag, str) and t.tag.rsplit("}", 1)[-1] == "title"),
                     None)   # (an XHTML page's title is in its namespace)
        return _web_page(file, " ".join((title or "").split()))   # (said to declare a DTD « that could read files »)
    if docinfo.doctype or docinfo.internalDTD is not None:
        return Problem(file, "iati_dtd", "the file declares a DTD (<!DOCTYPE ...>), which IATI files never do: it "
                       "could expand entities or read other files, so it is not read at all",
                       "Download the file again from the IATI registry or d-portal; do not use a file from an "
                       "unknown source.")
    if root.tag != "iati-activities":
        return Problem(file, "iati_not_activity_file", f"the file's root element is <{root.tag}>, not "
                       "<iati-activities>: it is not an IATI activity file"
                       + (" but an organisation file (its publisher's budgets by year and country, not the "
                          "project's)" if root.tag == "iati-organisations" else ""), "Download the project's "
                       "activity file (not an organisation file) from the IATI registry or d-portal.",
                       value=str(root.tag))
    version = (root.get("version") or "").strip()
    if version not in VERSIONS:
        return Problem(file, "iati_version", f"IATI version {version or '(none)'} is not read: the workbook reads "
                       f"activity files of versions {', '.join(VERSIONS)}", "Download the file in version 2.03 "
                       "(d-portal and the IATI Datastore give it), or convert it.", value=version or None)
    return None


# ================================================================= parsing one activity


def _activity(element: etree._Element, file: str, position: int, root_lang: str,
              problems: list[Problem]) -> Activity:
    first = next(element.iterchildren("iati-identifier"), None)   # (findtext's own lookup, without its path parsed
    identifier = ((first.text if first is not None else None) or "").strip()   # anew: 2 % of the reader's time)
    path = f"iati-activity[{identifier or position}]"
    if not identifier:
        problems.append(Problem(file, "iati_no_identifier", f"activity number {position} has no iati-identifier",
                                "Ask the publisher to correct the file; the activity is read under its number.",
                                element=path))
        identifier = f"activity-{position}"
    lang = element.get(XML_LANG) or root_lang
    default_currency = element.get("default-currency")
    activity = Activity(identifier, file, path, element.get("hierarchy"), lang, {}, {}, [], {}, [], [])
    activity.budget_not_provided = (element.get("budget-not-provided") or "").strip() or None
    counts = dict.fromkeys(POSITIONED, 0)
    odd = False  # a transaction type outside the codelist (1.0x letters, none)
    value_dated = False  # a transaction dated by its value-date (no transaction-date)
    for child in element:  # every child, picked by tag (a multi-tag filter costs more than it saves)
        tag = child.tag
        if tag not in READ_TAGS:
            continue
        where = path
        if tag in counts:
            counts[tag] += 1
            where = f"{path}/{tag}[{counts[tag]}]"
        if tag == "title":
            activity.title = _narratives(child, lang)
        elif tag == "reporting-org":
            activity.reporting_org = _narratives(child, lang)
            activity.publisher = (child.get("ref") or "").strip() or None
        elif tag == "participating-org":
            role = _role(child.get("role") or "")
            if role == "1":
                activity.funders.append(_narratives(child, lang))
            if role in ("1", "4"):  # funding, implementing: (role, @ref, first name, path) to match publishers
                activity.participants.append((role, (child.get("ref") or "").strip(),
                                              _first_narrative(child) or "", where))
            if (child.get("activity-id") or "").strip():  # the same project as another publisher reports it
                activity.partners.append((child.get("activity-id").strip(), f"{where}/@activity-id"))
        elif tag == "activity-date":
            day = _date(child.get("iso-date"))
            kind = (child.get("type") or "").strip()
            if day is not None and kind:
                activity.dates[WORD_DATES.get(kind.lower(), kind)] = day
        elif tag == "recipient-country":
            written = (child.get("code") or "").strip()
            code = _country(written, file, identifier, where, problems) if written else \
                _named_country(child, file, identifier, where, "its percentage is the project's as a whole "
                               "(regional), no country annex shows it", problems)
            share = _percentage(child, file, identifier, where, problems)
            same = next((c for c in activity.countries if c.code == code), None) if code else None
            if same is not None:  # the same country twice (MA and ma): one country, its parts added
                added = None if same.percentage is None or share is None else same.percentage + share
                problems.append(Problem(file, "iati_country_twice", f"activity {identifier}: the recipient "
                                        f"country {code} is given twice: read once"
                                        + (f", with its percentages added ({_show(added)} %)" if added is not None
                                           else ""), "Nothing to do if it is; ask the publisher to give each "
                                        "country once.", element=f"{where}/@code", value=shown(child.get("code")),
                                        severity="warning"))
                same.percentage = added
            elif code is not None:
                activity.countries.append(Country(code, share, _narratives(child, lang)))
            else:  # a country not read (already said): its percentage is the project's, as a region's would be
                activity.regions.append("")
        elif tag == "activity-status":
            activity.status = (child.get("code") or "").strip() or None
            if activity.status and not activity.status.isdigit():
                activity.status = STATUS_WORDS.get(fold(activity.status), activity.status)
        elif tag == "recipient-region":  # (whether a region holds what the countries' percentages leave)
            activity.regions.append((child.get("percentage") or "").strip())
        elif tag == "related-activity" and child.get("ref"):
            activity.related.append((child.get("ref").strip(), (child.get("type") or "").strip()))
            if activity.related[-1][1] == "5":  # third party: another organisation's report of this same activity
                activity.partners.append((activity.related[-1][0], f"{where}/@ref"))
        elif tag == "budget":
            activity.budgets.append(_budget_of(child, where, default_currency, file, identifier, problems))
        elif tag == "transaction":
            activity.transactions.append(_transaction(child, where, default_currency, file, identifier, lang,
                                                      problems))
            odd = odd or activity.transactions[-1].kind not in TRANSACTION_TYPES
            value_dated = value_dated or activity.transactions[-1].value_dated
        elif tag == "result":
            activity.indicators += _result(child, where, file, identifier, lang, problems)
        elif tag == "other-identifier" and (child.get("type") or "").strip() == "B1" and child.get("ref"):
            activity.previous.append((child.get("ref").strip(), f"{path}/other-identifier"))  # its old identifier
    if odd:
        _transaction_types(activity, problems)
    if value_dated:
        _value_dated(activity, problems)
    if any(b.kind not in ("1", "2") or b.status not in (None, "1", "2") for b in activity.budgets):
        _budget_words(activity, problems)
    return activity


def _budget_words(activity: Activity, problems: list[Problem]) -> None:
    """A budget's @type or @status outside the codes (1, 2): a word (Revised, Committed) is read as its code, one
    warning per activity; anything else is said, the budget read as an original (a status as neither)."""
    read: dict[str, str] = {}
    odd: dict[str, str] = {}
    first = ""
    for money in activity.budgets:
        for name, words in WORD_BUDGETS.items():
            written = getattr(money, name)
            if written is None or written in ("1", "2"):
                continue
            code = words.get(fold(written))
            first = first or f"{money.path.rsplit('/', 1)[0]}/@{'type' if name == 'kind' else name}"
            if code is None:
                odd[shown(written)] = "type" if name == "kind" else name
                if name == "status":
                    money.status = None
                else:
                    money.kind = "1"
            else:
                read[written] = f"{code} ({fold(written)})"
                setattr(money, name, code)
    said = ", ".join(f"{w!r} = {c}" for w, c in sorted(read.items()))
    unknown = ", ".join(f"{n} {w!r}" for w, n in sorted(odd.items()))
    problems.append(Problem(activity.file, "iati_budget_type", f"activity {activity.identifier}: "
                            + (f"budget types or statuses written as words, read as their IATI codes: {said}"
                               if said else "")
                            + ("; " if said and unknown else "")
                            + (f"budget {unknown}: not IATI codes (type: 1 original, 2 revised; status: 1 "
                               "indicative, 2 committed): read as an original budget, a status as not given"
                               if unknown else ""),
                            "Nothing to do if they are read right; ask the publisher to write the codes (1, 2)"
                            + ("; a revision read as an original makes the budget wrong or not computed until "
                               "then." if unknown else "."), element=first, severity="warning"))


@lru_cache(maxsize=256)  # a file holds a few roles, written on each of its participating-orgs
def _role(text: str) -> str:
    """participating-org/@role as its code: '1', or IATI 1.0x's word ('Funding')."""
    return WORD_ROLES.get(fold(text), text.strip())


READ_TAGS = {"title", "reporting-org", "participating-org", "activity-date", "activity-status", "recipient-country",
             "recipient-region", "related-activity", "budget", "transaction", "result",
             "other-identifier"}  # the others are not read
POSITIONED = {"recipient-country", "budget", "transaction", "result", "participating-org", "related-activity"}


def _narratives(element: etree._Element, lang: str) -> dict[str, str]:
    """language -> text of the element's narratives (the first one of each language)."""
    out: dict[str, str] = {}
    for narrative in element:
        if narrative.tag != "narrative":
            continue
        text = " ".join((narrative.text or "").split())
        language = (narrative.get(XML_LANG) or lang).strip().lower()[:2]
        if text and language not in out:
            out[language] = text
    return out


def _first_narrative(element: etree._Element) -> str | None:
    """The text of the element's first narrative, as written (a loop over the few children: a quarter of
    findtext's time, on each of a portfolio's 100 000 organisations)."""
    for part in element:
        if part.tag == "narrative":
            return part.text
    return None


def in_language(texts: dict[str, str], language: str, default: str) -> str | None:
    """The text in the annex language, else the file's default language, else any."""
    for lang in (language, default[:2].lower()):
        if lang in texts:
            return texts[lang]
    return next(iter(texts.values()), None)


@lru_cache(maxsize=65536)  # dates repeat across activities and files
def _date(text: str | None) -> dt.date | None:
    """xsd:date (2021-03-31, maybe with a time or zone): the day; None when absent, not a date, or outside the years
    1900-2199 (no activity's; the tables' dates could not hold them)."""
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
    return day if 1900 <= day.year < 2200 else None


def _number(text: str | None, file: str, identifier: str, where: str, problems: list[Problem],
            severity: str = "error", hint: str = HINT_PUBLISHER, suffix: str = "") -> float | None:
    """An xsd:decimal; anything else ('NA', '23,14', '£3,500,000') is a problem, never a guess."""
    if text is None:
        return None
    number = _decimal(text)
    if number is not None and math.isfinite(number):
        return number
    text = text.strip()
    if number is not None:
        digits = len(text) - (text[:1] in "+-")
        problems.append(Problem(file, "iati_not_finite", f"activity {identifier}: a number of {digits} digits, "
                                "too large to be an amount (it would be read as infinity)", hint,
                                value=shown(text), element=where + suffix,
                                severity=severity))  # type: ignore[arg-type]
    elif text:
        problems.append(Problem(file, "iati_not_a_number", f"activity {identifier}: not a number as IATI writes "
                                "them (digits and '.', no currency sign, no thousands separator)", hint,
                                value=shown(text), element=where + suffix,
                                severity=severity))  # type: ignore[arg-type]
    return None


@lru_cache(maxsize=65536)  # amounts, percentages and results repeat across a file (a fifth of _number's time)
def _decimal(text: str) -> float | None:
    """An xsd:decimal as a float (infinite when it has too many digits); None for anything else."""
    text = text.strip()
    body = text[1:] if text[:1] in "+-" else text
    if body.isascii() and body.replace(".", "", 1).isdigit():   # (faster than a regular expression)
        return float(text)
    return None


def shown(text: str) -> str:
    """A value from the file as a message shows it: at most SHOWN characters, line breaks and controls visible."""
    text = text if len(text) <= SHOWN else f"{text[:SHOWN]}... ({len(text)} characters)"
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


def _country(text: str, file: str, identifier: str, where: str, problems: list[Problem]) -> str | None:
    """A recipient-country/@code: two letters (ISO 3166-1), else a located error and None."""
    code = text.strip().upper()
    if len(code) == 2 and code.isascii() and code.isalpha():  # COUNTRY_CODE, without a regular expression
        return code
    if len(code) == 3 and code.isascii() and code.isalpha() and country_code(code):  # MAR: ISO alpha-3, not IATI's
        problems.append(Problem(file, "iati_country_alpha3", f"activity {identifier}: a recipient-country code is two "
                                f"letters (ISO 3166-1 alpha-2): {code}, a three-letter code, is read as "
                                f"{country_code(code)} ({country_name(country_code(code), 'en')})", "Nothing to do if "
                                "it is that country; ask the publisher to write the two-letter code.",
                                value=shown(text), element=f"{where}/@code", severity="warning"))
        return country_code(code)
    problems.append(Problem(file, "iati_country_code", f"activity {identifier}: a recipient-country code is two "
                            "letters (ISO 3166-1, e.g. SN): this one is not read, and the money is not split by it",
                            "Ask the publisher to correct the code; the annexes are not built until then.", value=shown(text), element=f"{where}/@code"))
    return None


def _named_country(element: etree._Element, file: str, identifier: str, where: str, otherwise: str,
                   problems: list[Problem]) -> str | None:
    """A recipient-country without @code (its narrative only, « Maroc »): the country its name is (ISO table,
    French or English), with a warning; else a warning that it is not read. Before, such a country was passed over
    without a word: a transaction « Maroc » split between Morocco and Tunisia, an activity's country regional."""
    names = [n.text.strip() for n in element if n.tag == "narrative" and n.text and n.text.strip()]
    codes = {country_code(n) for n in names} - {""}
    if len(codes) == 1:
        code = codes.pop()
        problems.append(Problem(file, "iati_country_name", f"activity {identifier}: this recipient-country has no "
                                f"code; read as {code} ({country_name(code, 'en')}) from its name", "Nothing to do "
                                "if it is that country; ask the publisher to write its code (ISO 3166-1).",
                                element=f"{where}/@code", value=shown(names[0]), severity="warning"))
        return code
    problems.append(Problem(file, "iati_country_name", f"activity {identifier}: this recipient-country has no code"
                            + ("" if not names else ", and its name is not a country's" if not codes else
                               ", and its names are several countries'") + f": it is not read, {otherwise}",
                            "Ask the publisher to write the country's code (ISO 3166-1, e.g. SN).",
                            element=f"{where}/@code", value=shown(names[0]) if names else None, severity="warning"))
    return None


def _percentage(element: etree._Element, file: str, identifier: str, where: str,
                problems: list[Problem]) -> float | None:
    """A recipient-country/@percentage between 0 and 100, else a located error and None (no split by it)."""
    value = _number(element.get("percentage"), file, identifier, where, problems, suffix="/@percentage")
    if value is not None and not 0.0 <= value <= 100.0:
        problems.append(Problem(file, "iati_percentage", f"activity {identifier}: a percentage is between 0 and "
                                "100: the money is not split by this one", "Ask the publisher to correct the "
                                "percentage (0 to 100); the annexes are not built until then.", value=_show(value),
                                element=f"{where}/@percentage"))
        return None
    return value


def _money(value: etree._Element | None, where: str, default_currency: str | None, file: str, identifier: str,
           problems: list[Problem]) -> Money:
    path = f"{where}/value"
    # (a comment inside the value, <value><!-- revised -->500</value>: its text was None, the 500 gone unsaid)
    text = None if value is None else value.text if not len(value) else "".join(value.itertext())
    if value is None or not (text or "").strip():   # (<value/>, a template's blank, was passed over unsaid)
        if "/budget[" not in where:   # (a budget's is said with what it does to the activity's budget: _budget)
            problems.append(Problem(file, "iati_no_value", f"activity {identifier}: this element has no value"
                                    + ("" if value is None else " (its <value> is empty)"), HINT_PUBLISHER,
                                    element=where, severity="warning"))
        return Money(path, "", None, default_currency, blank=True)
    amount = _number(text, file, identifier, path, problems)
    # (currency=" ", a template's blank, is no currency: the default's, which it hid: « no currency and the activity
    # no default-currency », an error, of an activity that has one)
    currency = ((value.get("currency") or "").strip() or (default_currency or "").strip()).upper() or None
    if currency is not None and not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
        problems.append(Problem(file, "iati_currency_code", f"activity {identifier}: a currency is three letters "
                                "(ISO 4217, e.g. EUR): this value is not counted", HINT_PUBLISHER,
                                value=shown(currency), element=path if (value.get("currency") or "").strip() else
                                f"{where.split('/')[0]}/@default-currency"))
        return Money(path, "", None, None)
    return Money(path, "", amount, currency, value_date=value.get("value-date"))


def _misplaced_currency(element: etree._Element, value: etree._Element | None, where: str,
                        default_currency: str | None, file: str, identifier: str, problems: list[Problem]) -> str | None:
    """The currency a value without @currency is in. `<transaction currency="USD">` (or budget), where IATI has no
    attribute, its value without one: it was read in the activity's default currency (400 USD as 400 EUR), unsaid.
    It is read as the value's currency, with a warning."""
    written = (element.get("currency") or "").strip()
    if not written or value is None or value.get("currency") or written.upper() == (default_currency or "").upper():
        return default_currency
    code = len(written) == 3 and written.isascii() and written.isalpha()
    problems.append(Problem(file, "iati_currency_misplaced", f"activity {identifier}: this {element.tag} writes "
                            f'currency="{shown(written)}" on <{element.tag}>, where IATI has no currency, and its value '
                            "none: " + ((f"the value is read in {written.upper()}" + (f", not in the activity's "
                            f"default currency ({default_currency})" if default_currency else "")) if code else
                            "it is no currency code (three letters), and is not read"),
                            f'Nothing to do if it is; ask the publisher to write <value currency="{shown(written)}">.',
                            element=f"{where}/@currency", value=shown(written), severity="warning"))
    return written if code else default_currency


def _budget_of(element: etree._Element, where: str, default_currency: str | None, file: str, identifier: str,
               problems: list[Problem]) -> Money:
    parts = {child.tag: child for child in element}
    if element.get("currency") is not None:
        default_currency = _misplaced_currency(element, parts.get("value"), where, default_currency, file,
                                               identifier, problems)
    money = _money(parts.get("value"), where, default_currency, file, identifier, problems)
    money.kind = (element.get("type") or "1").strip()
    money.status = (element.get("status") or "").strip() or None
    money.start = _date(parts["period-start"].get("iso-date")) if "period-start" in parts else None
    money.end = _date(parts["period-end"].get("iso-date")) if "period-end" in parts else None
    return money


TRANSACTION_PARTS = {"transaction-type": ("kind", "code"), "transaction-date": ("end", "iso-date"),
                     "recipient-country": ("country", "code"), "provider-org": ("provider", "provider-activity-id"),
                     "receiver-org": ("receiver", "receiver-activity-id"), "recipient-region": ("region", "code"),
                     "sector": ("sector", "code")}


def _transaction(element: etree._Element, where: str, default_currency: str | None, file: str, identifier: str,
                 lang: str, problems: list[Problem]) -> Money:
    value, found = None, {}
    description = None
    for child in element:
        tag = child.tag
        if tag == "value":
            value = child if value is None else value
        elif tag == "description" and description is None:   # (as written: only a spending row's label needs it)
            description = [(n.get(XML_LANG) or lang, n.text) for n in child if n.tag == "narrative"]
        elif tag in TRANSACTION_PARTS:
            key, name = TRANSACTION_PARTS[tag]
            text = child.get(name)
            if key == "country" and not (text or "").strip():
                text = _named_country(child, file, identifier, f"{where}/recipient-country", "its money is counted "
                                      "as the activity's (split by its recipient countries, else the project's as a "
                                      "whole)", problems)
            if text and key not in found:
                found[key] = text.strip()
            if key in ("provider", "receiver") and (org := (child.get("ref") or "").strip()):
                found.setdefault(f"{key}_org", org)
            elif key in ("provider", "receiver") and (named := _first_narrative(child)):
                found.setdefault(f"{key}_name", named)  # (named only: matched to a publisher's name)
            elif text and key == "country" and text.strip().upper() != found[key].upper():
                found["countries"] = "several"  # IATI allows one: which part is whose is not known
    if element.get("currency") is not None:
        default_currency = _misplaced_currency(element, value, where, default_currency, file, identifier, problems)
    money = _money(value, where, default_currency, file, identifier, problems)
    money.kind = found.get("kind", "")
    money.end = _date(found.get("end"))
    money.country = _country(found["country"], file, identifier, f"{where}/recipient-country", problems) \
        if found.get("country") and "countries" not in found else None
    if "countries" in found and money.amount is not None:
        problems.append(Problem(file, "iati_country_split", f"activity {identifier}: this transaction names several "
                                "recipient countries (IATI allows one): its money is split as the activity's (by its "
                                "recipient countries, else the project's as a whole: no country annex shows it), not "
                                f"given to the first ({found['country']}), whatever its percentages",
                                "Ask the publisher for one transaction per country.", element=f"{where}/recipient-country", value=shown(found["country"]),
                                severity="warning"))
    money.region = found.get("region") or None
    money.sector = found.get("sector") or None
    money.provider_activity = found.get("provider") or None
    money.receiver_activity = found.get("receiver") or None
    money.provider_org, money.receiver_org = found.get("provider_org"), found.get("receiver_org")
    money.provider_name, money.receiver_name = found.get("provider_name"), found.get("receiver_name")
    money.description = description or None
    money.ref = (element.get("ref") or "").strip() or None
    if money.end is None and "end" not in found and (day := _date(money.value_date)) is not None:
        money.end, money.value_dated = day, True   # (said once for the activity: _value_dated)
    if money.end is None and money.amount is not None:
        given = found.get("end")
        paid = money.kind.upper() in PAID  # a commitment or incoming funds without a date stop no build
        problems.append(Problem(file, "iati_no_date", f"activity {identifier}: this transaction has no "
                                + ("valid transaction-date (a day of the years 1900 to 2199)" if given else
                                   "transaction-date") + ", so it cannot be put in a period and is not counted"
                                + ("" if paid else f" (type {TRANSACTION_TYPES.get(money.kind, money.kind)}: "
                                   "not spending unless iati.spending says so)"),
                                HINT_PUBLISHER, element=f"{where}/transaction-date",
                                value=shown(given) if given else None, severity="error" if paid else "warning"))
    return money


def _value_dated(activity: Activity, problems: list[Problem]) -> None:
    """Transactions without transaction-date (mandatory since IATI 2.01, optional in 1.0x, still left out by some
    publishers) whose value has a value-date, the day of its exchange rate, which IATI asks to be the day of the
    payment as a rule: dated by it, one warning per activity. Before, each was an error that stopped the build."""
    dated = [m for m in activity.transactions if m.value_dated]
    days = sorted(m.end for m in dated if m.end is not None)
    span = days[0].isoformat() if days[0] == days[-1] else f"{days[0].isoformat()} to {days[-1].isoformat()}"
    problems.append(Problem(activity.file, "iati_value_date", f"activity {activity.identifier}: {len(dated)} "
                            f"transaction(s) without transaction-date are dated by their value's value-date "
                            f"({span}), the day of their exchange rate", "Nothing to do if it is the day of the "
                            "payment; ask the publisher to write transaction-date.",
                            element=f"{dated[0].path.rsplit('/', 1)[0]}/transaction-date",
                            value=dated[0].value_date, severity="warning"))


def _transaction_types(activity: Activity, problems: list[Problem]) -> None:
    """Transaction-type/@code outside the 2.0x codelist: a 1.0x letter (D, E...) is read as its code, one warning
    per activity; anything else (no type, 99) is said for each value, which may be spending then not counted."""
    letters: list[Money] = []
    written: set[str] = set()
    for money in activity.transactions:
        if money.kind in TRANSACTION_TYPES or money.amount is None:
            continue
        element = f"{money.path.rsplit('/', 1)[0]}/transaction-type/@code"
        code = LETTER_TYPES.get(money.kind.upper())
        if code is not None:
            letters.append(money)
            written.add(money.kind)
            money.kind = code
            continue
        problems.append(Problem(activity.file, "iati_transaction_type", f"activity {activity.identifier}: "
                                + (f"the transaction type {shown(money.kind)!r} is not an IATI code (1 to 13)"
                                   if money.kind else "this transaction has no transaction-type")
                                + f": what it is cannot be told, and its value ({_show(money.amount)}) is not "
                                "counted as spending", "Ask the publisher to correct the file; if it is spending, "
                                "the spending shown is too low until then.", element=element,
                                value=shown(money.kind) if money.kind else None, severity="warning"))
    if letters:
        read = ", ".join(f"{k} = {LETTER_TYPES[k.upper()]} ({TRANSACTION_TYPES[LETTER_TYPES[k.upper()]]})"
                         for k in sorted(written))
        problems.append(Problem(activity.file, "iati_transaction_type", f"activity {activity.identifier}: "
                                f"{len(letters)} transaction(s) typed with the letter codes of IATI 1.0x, read as "
                                f"IATI 2.01 renumbered them: {read}", "Nothing to do if they are; ask the "
                                "publisher to use the 2.0x codes (1 to 13).",
                                element=f"{letters[0].path.rsplit('/', 1)[0]}/transaction-type/@code",
                                severity="warning"))


def _result(element: etree._Element, where: str, file: str, identifier: str, lang: str,
            problems: list[Problem]) -> list[Indicator]:
    written = (element.get("type") or "").strip()
    level = LEVELS.get(written)
    if level is None and written:
        level = _result_level(written, where, file, identifier, problems)
    indicators = []
    for number, child in enumerate((c for c in element if c.tag == "indicator"), 1):
        path = f"{where}/indicator[{number}]"
        measure = (child.get("measure") or "1").strip()
        numeric = measure not in NOT_RATED
        indicator = Indicator(path, None, {}, level, (child.get("ascending") or "1").strip().lower()
                              not in ("0", "false"), measure)
        baselines = periods = 0
        years: list[str] = []  # each baseline's year
        for part in child:  # one pass (a multi-tag filter costs more than it saves here)
            tag = part.tag
            if tag == "period":
                periods += 1
                indicator.periods.append(_period(part, f"{path}/period[{periods}]", numeric, file, identifier,
                                                 problems))
            elif tag == "baseline":
                baselines += 1
                indicator.baselines.append(_cell(part, f"{path}/baseline[{baselines}]", numeric, file, identifier,
                                                 problems))
                years.append(((part.get("iso-date") or "").strip()[:4] or (part.get("year") or "").strip()))
            elif tag == "title":
                indicator.title = _narratives(part, lang)
            elif tag == "reference" and indicator.code is None:  # the first reference
                indicator.code = (part.get("code") or "").strip() or None
        if len(set(years)) > 1:
            indicator.baselines = _first_year(indicator, years, identifier, file, problems)
        if not numeric:   # (rare: out of the cells' loop)
            _not_rated(child, indicator, identifier, file, problems)
        indicators.append(indicator)
    return indicators


def _result_level(written: str, where: str, file: str, identifier: str, problems: list[Problem]) -> str | None:
    """A result/@type that is no 2.0x level code: a 1.0x name (output, Outcome) is read as its level; anything else
    leaves the level empty, said (the IPTT showed its indicators without a level, unsaid)."""
    word = fold(written)
    if word in RESULT_WORDS:
        return RESULT_WORDS[word]
    problems.append(Problem(file, "iati_result_type", f"activity {identifier}: the result type {shown(written)!r} is "
                            "not an IATI code (1 output, 2 outcome, 3 impact, 9 other): its indicators are listed "
                            "without a level", "Ask the publisher to correct the file; the level is then left empty "
                            "in the IPTT.", element=f"{where}/@type", value=shown(written), severity="warning"))
    return None


def _not_rated(element: etree._Element, indicator: Indicator, identifier: str, file: str,
               problems: list[Problem]) -> None:
    """A nominal, ordinal or qualitative indicator's values are left out of the table: said when it gives some, or
    its target and actual were gone without a word (« not computable: no actual » beside a value in the file)."""
    given = [(cell.tag, value) for cell in element.iter("baseline", "target", "actual")
             if (value := (cell.get("value") or "").strip())]
    if not given:
        return
    values = ", ".join(f"{tag} {shown(value)}" for tag, value in given[:4]) + (", ..." if len(given) > 4 else "")
    why = ("ranks, not quantities (level 2 is not half of level 4)" if indicator.measure == "4" else
           "categories or words, not quantities")
    problems.append(Problem(file, "iati_not_rated", f"activity {identifier}: this indicator's measure is "
                            f"{MEASURES[indicator.measure]} (@measure {indicator.measure}): its values "
                            f"({values}) are {why}: it is listed without them, not rated (no % of the target, no RAG)",
                            "Nothing to do if it is; if the values are counts or percentages, ask the publisher to "
                            "correct @measure (1 unit, 2 percentage), or write the indicator in the indicators table.",
                            element=indicator.path, value=shown(given[0][1]), severity="warning"))


def _first_year(indicator: Indicator, years: list[str], identifier: str, file: str,
                problems: list[Problem]) -> list[Cell]:
    """The baselines of the earliest year, when an indicator gives baselines of several years (IATI 2.03 allows
    several; a baseline revised later): each is the whole group at its date, never added to another's. Before, women's
    10 (2018) and 12 (2020) were added: 22, and a total summed 39 for 18."""
    first = min(years, key=lambda y: (not y.isdigit(), y))
    kept = [c for c, y in zip(indicator.baselines, years) if y == first]
    others = [f"{y or '?'}: {_show(c.value) or '?'}" for c, y in zip(indicator.baselines, years) if y != first]
    problems.append(Problem(file, "iati_baseline_years", f"activity {identifier}: this indicator gives baselines of "
                            f"{len(set(years))} years: those of {first or 'no year'} are its baseline "
                            f"({', '.join(_show(c.value) or '?' for c in kept[:4])}), the later ones are not added "
                            f"to them ({', '.join(others[:4])})", "Nothing to do if the earliest baseline is the "
                            "project's starting point; otherwise write the baseline in the indicators table.",
                            element=kept[0].path, value=", ".join(others[:4]), severity="warning"))
    return kept


def _period(element: etree._Element, path: str, numeric: bool, file: str, identifier: str,
            problems: list[Problem]) -> Period:
    entry = Period(path, None, None)
    targets = actuals = 0
    for part in element:
        tag = part.tag
        if tag == "target":
            targets += 1
            entry.targets.append(_cell(part, f"{path}/target[{targets}]", numeric, file, identifier, problems))
        elif tag == "actual":
            actuals += 1
            entry.actuals.append(_cell(part, f"{path}/actual[{actuals}]", numeric, file, identifier, problems))
        elif tag == "period-start":
            entry.start = _date(part.get("iso-date"))
        elif tag == "period-end":
            entry.end = _date(part.get("iso-date"))
    return entry


def _cell(element: etree._Element, path: str, numeric: bool, file: str, identifier: str,
          problems: list[Problem]) -> Cell:
    dimensions: tuple[tuple[str, str], ...] = ()
    locations: tuple[str, ...] = ()
    if len(element):   # (one pass over the children: a portfolio file has ~100 000 cells)
        found, places = [], []
        for child in element:
            if child.tag == "dimension":
                found.append((child.get("name") or "", child.get("value") or ""))
            elif child.tag == "location":
                places.append((child.get("ref") or "").strip())
        dimensions, locations = tuple(found), tuple(sorted(places))
    # results values are warnings: the indicator is listed without the value, never with a guess
    value = _number(element.get("value"), file, identifier, path, problems, "warning", HINT_RESULT, "/@value")
    return Cell(path, value if numeric else None, dimensions, locations)


# ================================================================= which activities, which money


def _previous_identifiers(activities: list[Activity], params: ProjectParams) -> tuple[list[Activity], list[Problem]]:
    """An activity whose identifier changed (FCDO's GB-GOV-1- for DFID's GB-1-) gives its old one as other-identifier
    type B1; a download from before the change beside one from after holds it under both, each with its budget and
    spending: counted twice without a word (the same identifier twice is refused). The old one whose every budget
    and spending transaction the new one repeats (same type, period or date, value and currency) is a stale copy:
    left out; otherwise both are counted. Said either way."""
    by_id = {a.identifier: a for a in activities}
    spending = set(params.iati.spending)
    problems = []
    stale: set[str] = set()

    def money(activity: Activity) -> tuple[Counter, Counter]:
        return (Counter((b.kind, b.start, b.end, b.amount, b.currency) for b in activity.budgets),
                Counter((t.kind, t.end, t.amount, t.currency) for t in activity.transactions
                        if t.kind in spending and t.amount is not None))

    for new in activities:
        for ref, where in new.previous:
            old = by_id.get(ref)
            if old is None or old is new or ref in stale:
                continue
            (budgets, paid), (new_budgets, new_paid) = money(old), money(new)
            repeated = sum((paid & new_paid).values())
            if not budgets - new_budgets and not paid - new_paid:
                stale.add(ref)
            told = (f"; {repeated} of the old one's {sum(paid.values())} spending transactions are repeated in the "
                    "new one (same type, date and value)" if paid else "")
            problems.append(Problem(new.file, "iati_previous_identifier", f"activity {new.identifier} gives "
                                    f"{old.identifier} (in {old.file}) as its previous identifier (other-identifier "
                                    "type B1): the same activity under its old and its new identifier"
                                    + (", the new one repeating every budget and spending transaction of the old "
                                       f"one: {old.identifier} is not counted" if ref in stale else
                                       f", both counted{told}, which counts its money twice"),
                                    "Nothing to do; remove the older download." if ref in stale else
                                    f"Keep only {new.identifier} (leave {old.identifier} out: iati.activities in "
                                    "project.yaml, or remove the older download); nothing to do if the old "
                                    "identifier's money is not in the new one.", element=where,
                                    value=shown(ref), severity="warning"))
    return [a for a in activities if a.identifier not in stale], problems


def _selected(activities: list[Activity], params: ProjectParams, folder: str) -> tuple[list[Activity], list[Problem]]:
    """The activities project.yaml keeps (iati.activities / iati.activity_prefix); each identifier once."""
    problems: list[Problem] = []
    wanted = params.iati
    seen: dict[str, Activity] = {}
    twice: list[tuple[str, Problem]] = []   # said once the activities kept are known (below)
    for activity in activities:
        if activity.identifier in seen:
            first = seen[activity.identifier]
            # (twice in one file: a datastore download holding two versions; « also in f.xml » named the file
            # itself, and « the most recent file » did not say which copy is the more recent)
            one, other = first.updated, activity.updated
            what = "last updated"
            if not (one and other) and first.file != activity.file:   # (two downloads without last-updated-datetime:
                one, other, what = first.written, activity.written, "file written"   # their files' days tell them)
            dates = "" if one == other or not (one and other) else (
                f" ({what} {one.isoformat()} in the first copy, {other.isoformat()} in this one: "
                f"{'this one' if other > one else 'the first'} is the more recent)")
            twice.append((activity.identifier, Problem(
                activity.file, "iati_duplicate_activity", f"the activity {activity.identifier} "
                + ("is twice in this file" if first.file == activity.file else f"is also in {first.file}")
                + f"{dates}: its money would be counted twice", "Keep one copy of each activity in "
                "data/<project>/iati/ (the most recent version, from its last-updated-datetime, else its file's "
                "generated-datetime).", element=activity.path)))
            continue
        seen[activity.identifier] = activity
    kept = list(seen.values())
    if wanted.activities:
        listed = list(dict.fromkeys(wanted.activities))
        for identifier in wanted.activities:
            if identifier not in seen:
                # a programme whose own activity was not downloaded (d-portal's activities of one country): its
                # children in the files name it as their parent, and their money is its
                orphans = [a for a in seen.values() if (identifier, "1") in a.related]
                if orphans:
                    listed += [a.identifier for a in orphans if a.identifier not in listed]
                    problems.append(Problem(orphans[0].file, "iati_children_kept", f"project.yaml keeps the "
                                            f"activity {identifier} (iati.activities), which no IATI file of the "
                                            "project holds, and the activities of the files that name it as their "
                                            f"parent (related-activity type 1) are kept: "
                                            f"{_listed([a.identifier for a in orphans])}", "Nothing to do if they are "
                                            "the project's components; to keep only some of them, list them in "
                                            "iati.activities.", element=orphans[0].path, value=identifier,
                                            severity="warning"))
                    continue
                guess = did_you_mean(identifier, seen)
                problems.append(Problem(folder, "iati_unknown_activity", f"project.yaml keeps the activity {identifier}, "
                                        "which no IATI file of the project holds", (guess + " " if guess else "")
                                        + "Correct iati.activities in project.yaml.", value=identifier))
        listed, found = _with_children(listed, seen)
        problems += found
        kept = [a for a in kept if a.identifier in listed]
    if wanted.activity_prefix:
        matched = [a.identifier for a in kept if a.identifier.startswith(wanted.activity_prefix)]
        listed, found = _with_children(matched, {a.identifier: a for a in kept}, "iati.activity_prefix")
        problems += found
        kept = [a for a in kept if a.identifier in listed]
        if not kept:
            problems.append(Problem(folder, "iati_unknown_activity", f"no activity identifier starts with "
                                    f"{wanted.activity_prefix!r}", "Correct iati.activity_prefix in project.yaml.",
                                    value=wanted.activity_prefix))
        problems += _prefix_inside_a_code(wanted.activity_prefix, kept, folder)
    # an activity twice that project.yaml does not keep counts nowhere: before, two yearly downloads of a publisher's
    # portfolio, one project kept (iati.activities), were refused for every other activity they both hold
    counted = {a.identifier for a in kept}
    return kept, [p for identifier, p in twice if identifier in counted] + problems


def _prefix_inside_a_code(prefix: str, kept: list[Activity], folder: str) -> list[Problem]:
    """iati.activity_prefix ending inside a code (GB-1-10963) keeps every project whose code goes on from it
    (GB-1-109635 and GB-1-109636: two DFID projects, their money added as one without a word). Said when the kept
    identifiers go on from it with different letters or digits before the next separator."""
    if not prefix[-1:].isalnum():
        return []
    codes: dict[str, list[str]] = defaultdict(list)
    for activity in kept:
        rest = CODE_START.match(activity.identifier, len(prefix))
        codes[prefix + (rest.group() if rest else "")].append(activity.identifier)
    if len(codes) < 2:
        return []
    names = sorted(codes)
    return [Problem(folder, "iati_prefix_inside_code", f"iati.activity_prefix {prefix!r} ends inside a code: the "
                    f"activities it keeps go on from it as {len(names)} different codes ({_listed(names)}), each "
                    "perhaps another project, and the money of all of them is counted", "Nothing to do if they are "
                    "all the project's; otherwise write the whole code in activity_prefix (up to a separator such "
                    "as '-'), or list the activities in iati.activities.", value=prefix, severity="warning")]


def _children_in_files(activities: Iterable[Activity]) -> dict[str, list[str]]:
    """identifier -> its children among ``activities`` (related-activity type 2 on the parent, or 1 on the child)."""
    ids = {a.identifier for a in activities}
    children: dict[str, list[str]] = defaultdict(list)
    for activity in activities:
        for ref, kind in activity.related:
            if ref in ids and ref != activity.identifier:
                parent, child = (ref, activity.identifier) if kind == "1" else (activity.identifier, ref) \
                    if kind == "2" else (None, None)
                if parent is not None and child not in children[parent]:
                    children[parent].append(child)
    return children


def _with_children(listed: list[str], seen: dict[str, Activity], key: str = "iati.activities"
                   ) -> tuple[set[str], list[Problem]]:
    """iati.activities naming a programme (a parent) keeps its children in the files too, whose money is the
    programme's: DFID's GB-1-109635 alone carries none, its two components all of it, and keeping it alone gave an
    empty budget and no spending, said only as « no table has rows for the country 'AL' ». Said as a warning. When
    some of its children are listed beside it, the list is the project's choice of components: the others are not
    added, and named. The same of the activities iati.activity_prefix keeps (``key``): children whose identifiers
    do not start with it (the ILO's XM-DAC-41302-AMEM and its XM-DAC-41302-MAR-19-01) were left out unsaid."""
    children = _children_in_files(seen.values())
    kept, problems = set(listed), []
    for identifier in listed:
        mine = children.get(identifier, [])
        if not mine:
            continue
        parent = seen[identifier]
        if any(child in kept for child in mine):
            left = [child for child in mine if child not in kept]
            if left:
                problems.append(Problem(parent.file, "iati_children_not_kept", f"project.yaml keeps the activity "
                                        f"{identifier} ({key}) and some of its children, not "
                                        f"{_listed(left)} (its children in the files, related-activity): their "
                                        "money is not counted", f"Nothing to do if the project is the activities "
                                        f"listed; otherwise add {_listed(left)} to iati.activities." if key ==
                                        "iati.activities" else "Nothing to do if the project is the activities "
                                        "kept; otherwise list the project's activities in iati.activities, in "
                                        "place of activity_prefix.",
                                        element=parent.path, value=", ".join(left[:3]), severity="warning"))
            continue
        added, todo = [], list(mine)
        while todo:   # the children, their children... (a link both ways is followed once)
            child = todo.pop(0)
            if child not in kept:
                kept.add(child)
                added.append(child)
                todo += children.get(child, [])
        if added:
            problems.append(Problem(parent.file, "iati_children_kept", f"project.yaml keeps the activity "
                                    f"{identifier} ({key}), whose children in the files (related-activity) "
                                    f"are kept with it: {_listed(added)}; a parent's money that its children "
                                    "repeat is counted once", "Nothing to do if they are the project's components; "
                                    f"to keep only some of them, list them in iati.activities beside {identifier}.",
                                    element=parent.path, value=", ".join(added[:3]), severity="warning"))
    return kept, problems


def _listed(identifiers: list[str]) -> str:
    return ", ".join(identifiers[:5]) + (f" (+{len(identifiers) - 5})" if len(identifiers) > 5 else "")


# currencies at a legal fixed parity to the euro (units of each for 1 EUR): one rate for every value-date is right
EURO_PARITIES = {"EUR": 1.0, "XOF": 655.957, "XAF": 655.957, "KMF": 491.96775, "BAM": 1.95583, "CVE": 110.265}


def _fixed_parity(currency: str, project: str, rate: float) -> bool:
    """Whether ``rate`` (project currency for 1 ``currency``) is their fixed parity, to 0.01 % (a rate rounded to
    5 significant digits, 0.0015245 EUR for 1 XOF)."""
    mine, theirs = EURO_PARITIES.get(project.upper()), EURO_PARITIES.get(currency.upper())
    return mine is not None and theirs is not None and math.isclose(rate, mine / theirs, rel_tol=1e-4)


def _converted(activities: list[Activity], params: ProjectParams) -> tuple[dict[int, float], list[Problem]]:
    """id(Money) -> amount in the project currency; values without a currency or a rate are problems."""
    rates = {k.upper(): v for k, v in params.iati.exchange_rates.items()}
    rates[params.currency.upper()] = 1.0
    counts = {*params.iati.spending, "2", "11"}  # spending, and the commitments a budget is counted less
    amounts: dict[int, float] = {}
    problems: list[Problem] = []
    # currency -> (file, first value's element, values converted, their value-dates): one rate for all of them
    converted: dict[str, tuple[str, str, list[int], set[dt.date]]] = {}
    for activity in activities:
        budgets = len(activity.budgets)
        for n, money in enumerate((*activity.budgets, *activity.transactions)):
            if money.amount is None:
                continue
            if money.currency is None:
                # (a default-currency on <iati-activities> is no IATI attribute: the message said nothing of it)
                root = activity.file_currency
                problems.append(Problem(activity.file, "iati_no_currency", f"activity {activity.identifier}: this "
                                        "value has no currency and the activity no default-currency"
                                        + (f" (the file writes default-currency=\"{shown(root)}\" on "
                                           "<iati-activities>, where IATI does not define it: it is not read)"
                                           if root else ""),
                                        "Ask the publisher to add it. Until then (the annexes are not built): if "
                                        "you know the activity's currency, write it on the activity in the file "
                                        "(<iati-activity default-currency=\"" + (shown(root) if root else "...")
                                        + "\">), or leave the activity out (iati.activities in project.yaml).",
                                        element=money.path, value=_show(money.amount)))
            elif money.currency not in rates and money.kind not in counts and n >= budgets:
                # incoming funds (a donor's currency, in a file gathering its record and the implementer's) or a
                # pledge: no figure counts them, yet a missing rate stopped every annex of the project
                kind = TRANSACTION_TYPES.get(money.kind, money.kind or "transaction")
                problems.append(Problem(activity.file, "iati_currency_uncounted", f"activity {activity.identifier}: "
                                        f"this transaction ({kind}) is in {money.currency}, and project.yaml gives no "
                                        f"rate to "
                                        f"{params.currency}: no figure counts it (it is not spending), but it is "
                                        "not compared with the payments of the files it may repeat",
                                        f"Add the exchange rate to project.yaml (iati: exchange_rates: "
                                        f"{{{money.currency}: <{params.currency} for 1 {money.currency}>}}) to "
                                        "compare it.", element=money.path,
                                        value=f"{_show(money.amount)} {money.currency}", severity="warning"))
            elif money.currency not in rates:
                problems.append(Problem(activity.file, "iati_currency", f"activity {activity.identifier}: this "
                                        f"value is in {money.currency}, the project's currency is {params.currency}",
                                        f"Add the exchange rate to project.yaml (iati: exchange_rates: "
                                        f"{{{money.currency}: <{params.currency} for 1 {money.currency}>}}): amounts "
                                        "in several currencies are never added as they are.",
                                        element=money.path, value=f"{_show(money.amount)} {money.currency}"))
            else:
                amounts[id(money)] = money.amount * rates[money.currency]
                if money.currency != params.currency.upper():
                    seen = converted.setdefault(money.currency, (activity.file, money.path, [0], set()))
                    seen[2][0] += 1
                    day = _date(money.value_date) or money.start or money.end
                    if day:
                        seen[3].add(day)
    # IATI dates each value for its rate (@value-date); project.yaml gives one rate a currency: before, values of
    # several years were converted at it without a word
    for currency, (file, element, (count, ), days) in converted.items():
        if _fixed_parity(currency, params.currency, rates[currency]):
            continue  # (a legal fixed parity, XOF to EUR at 655.957: one rate for every date is right)
        span = (f" (value-dates {min(days).isoformat()} to {max(days).isoformat()})" if len(days) > 1 else
                f" (value-date {min(days).isoformat()})" if days else "")
        problems.append(Problem(file, "iati_exchange_rate", f"{count} value(s) in {currency}{span} are converted "
                                f"at the one rate of project.yaml, 1 {currency} = {_show(rates[currency])} "
                                f"{params.currency}, whatever their value-date (the day IATI gives each value's rate)",
                                "Check that this rate fits all of these dates (their average rate, say): over dates "
                                "whose rates differ much, the converted budget and spending are approximate, and the "
                                "annex does not say so (the first value is named here).",
                                element=element, value=f"{currency}: {_show(rates[currency])}", severity="warning"))
    return amounts, problems


def _below(children: dict[str, set[str]], identifier: str, seen: frozenset[str] = frozenset()) -> set[str]:
    """Every activity under ``identifier`` in the hierarchy (its children, theirs...), a cycle cut where it closes."""
    found: set[str] = set()
    for child in children.get(identifier, ()):
        if child not in seen:
            found |= {child} | _below(children, child, seen | {identifier})
    return found


def _counted(activities: list[Activity], amounts: dict[int, float], params: ProjectParams
             ) -> tuple[set[int], dict[tuple[str, str], float], list[Problem]]:
    """id(Money) of every budget and spending transaction that is counted: never the same money twice; and the
    money each activity paid to another of the files that reports it as incoming funds ((payer, receiver) ->
    amount, for the budget: that money is in both budgets)."""
    transfers: dict[tuple[str, str], float] = defaultdict(float)
    problems: list[Problem] = []
    spending = set(params.iati.spending)
    by_id = {a.identifier: a for a in activities}
    children: dict[str, set[str]] = defaultdict(set)
    for activity in activities:
        for ref, kind in activity.related:
            if ref in by_id and ref != activity.identifier:
                if kind == "1":
                    children[ref].add(activity.identifier)
                elif kind == "2":
                    children[activity.identifier].add(ref)
    _contradicting_links(children, by_id, problems)

    def holds(activity: Activity) -> tuple[bool, bool]:
        return (any(id(m) in amounts for m in activity.budgets),
                any(t.kind in spending and id(t) in amounts for t in activity.transactions))

    # (whether an activity has budget, spending: asked of each activity, then again of it as each one's descendant
    # and by the rules below; the amounts do not change meanwhile, so it is worked out once)
    held = {id(a): holds(a) for a in activities}

    def has(activity: Activity, kind: str) -> bool:
        found = held.get(id(activity)) or holds(activity)
        return found[kind != "budget"]

    below = partial(_below, children)

    if "7" not in spending:  # a reimbursement is a disbursement (of money the recipient already spent)
        for activity in activities:
            paid = [t for t in activity.transactions if t.kind == "7" and id(t) in amounts]
            if paid:
                problems.append(Problem(activity.file, "iati_reimbursement", f"activity {activity.identifier}: "
                                        f"{len(paid)} reimbursement(s) (transaction type 7, a kind of disbursement "
                                        "that covers money the recipient already spent), "
                                        f"{_show(round(sum(amounts[id(t)] for t in paid), 2))} {params.currency} in "
                                        f"all, are not counted as spending: iati.spending is "
                                        f"[{', '.join(params.iati.spending)}]", "Add 7 to iati.spending in "
                                        "project.yaml (spending: [3, 4, 7]) to count them.", element=paid[0].path,
                                        value=_show(paid[0].amount), severity="warning"))
    counted = {id(m) for a in activities for m in a.budgets if id(m) in amounts}
    counted |= {id(t) for a in activities for t in a.transactions if t.kind in spending and id(t) in amounts
                and not _after_written(a, t, problems)}
    counted -= _repeated(activities, spending, problems)
    for activity in activities:
        descendants = below(activity.identifier)
        own = [k for k in ("budget", "spending") if has(activity, k)]
        theirs = [k for k in ("budget", "spending") if any(has(by_id[d], k) for d in descendants)]
        if len(own) == 2 and len(theirs) == 1:  # e.g. children with budgets only: the parent's spending needs its
            kind = theirs[0]                     # budget, so the parent stands whole and its children's money goes
            carriers = sorted(d for d in descendants if has(by_id[d], kind))
            for child in carriers:
                counted -= {id(m) for m in (*by_id[child].budgets, *by_id[child].transactions)}
            problems.append(Problem(activity.file, "iati_hierarchy", f"activity {activity.identifier} "
                                    f"(hierarchy {activity.hierarchy or '?'}) is the parent of {', '.join(carriers)}, "
                                    f"which report {kind} but no {'spending' if kind == 'budget' else 'budget'}: "
                                    f"the parent's budget and spending are counted, its children's {kind} is not "
                                    "(part of the parent's), so that the same money is not counted twice and the "
                                    "spending keeps its budget", "Nothing to do if the parent's money covers its "
                                    "children's; otherwise keep only the children (iati.activities in "
                                    "project.yaml).", element=activity.path, severity="warning"))
            continue
        for kind in ("budget", "spending"):
            carriers = sorted(d for d in descendants if has(by_id[d], kind))
            if carriers and has(activity, kind):
                items = activity.budgets if kind == "budget" else activity.transactions
                short = _children_short(activity, descendants, by_id, kind, counted, amounts, spending, params)
                counted -= {id(m) for m in items}
                problems.append(Problem(activity.file, "iati_hierarchy", f"activity {activity.identifier} "
                                        f"(hierarchy {activity.hierarchy or '?'}) is the parent of "
                                        f"{', '.join(carriers)}, which report their own {kind}: the parent's {kind} "
                                        "is not counted, so that the same money is not counted twice" + short,
                                        "Nothing to do if the children cover the parent's money; otherwise keep "
                                        f"only the parent (iati.activities in project.yaml: [{activity.identifier}])"
                                        + (", or ask the publisher for the children's spending." if short else "."),
                                        element=activity.path, severity="warning"))
    _unlinked_levels(activities, by_id, below, has, problems)

    def holds_money(activity: Activity) -> bool:  # its own budget or spending is counted
        return any(id(m) in counted for m in activity.budgets) or any(
            id(t) in counted for t in activity.transactions if t.kind in spending)

    for activity in activities:  # B reports funds from A: A's disbursements to B are B's money
        holds: bool | None = None
        for incoming in activity.transactions:
            source = by_id.get(incoming.provider_activity or "")
            if incoming.kind not in INCOMING or source is None or source is activity:
                continue
            holds = holds_money(activity) if holds is None else holds
            if not holds:  # (a child whose budget is its parent's: the money is only in A's)
                break
            named = [o for o in source.transactions if o.kind in spending and o.receiver_activity ==
                     activity.identifier]  # all of them are the receiver's money, however it reports them
            if not named:  # else at most one, of the same value and date (two payments of 250 to two partners)
                # (a receiver activity in none of the files, mistyped or outdated, as none: B names A itself)
                named = [o for o in source.transactions if o.kind in spending and o.receiver_activity not in by_id and
                         _same_transfer(o, incoming, amounts) and id(o) in counted][:1]
            if not named and any(o.kind in spending and o.receiver_activity not in by_id and id(o) in counted
                                 for o in source.transactions):  # (paid on the 31st, received on the 5th...)
                problems.append(_unmatched_funds(activity, incoming, source, spending, amounts, counted,
                                                 params.currency))
            for out in named:
                if id(out) in counted:
                    counted.discard(id(out))
                    transfers[(source.identifier, activity.identifier)] += amounts[id(out)]
                    problems.append(Problem(source.file, "iati_incoming_funds", f"activity {source.identifier}: "
                                            f"this {TRANSACTION_TYPES.get(out.kind, out.kind)} is reported by "
                                            f"{activity.identifier} as its incoming funds ({incoming.path}): it is "
                                            f"counted as {activity.identifier}'s money only, not twice"
                                            + ("" if out.currency == incoming.currency else
                                               f" (paid {_show(out.amount)} {out.currency}, received "
                                               f"{_show(incoming.amount)} {incoming.currency}: matched on their "
                                               "date and their values at project.yaml's rates, within 5 %)"),
                                            "Nothing to do: the spending of the receiving activity is counted.",
                                            element=out.path, value=_show(out.amount), severity="warning"))
    for activity in activities:  # A names B as the receiver, B reports no incoming funds: still B's money
        for out in activity.transactions:
            receiver = by_id.get(out.receiver_activity or "")
            if (out.kind not in spending or id(out) not in counted or receiver is None or receiver is activity
                    or not holds_money(receiver)):
                continue  # (a receiver without money of its own counted: the money is only in A's)
            counted.discard(id(out))
            transfers[(activity.identifier, receiver.identifier)] += amounts[id(out)]
            problems.append(Problem(activity.file, "iati_incoming_funds", f"activity {activity.identifier}: this "
                                    f"{TRANSACTION_TYPES.get(out.kind, out.kind)} goes to {receiver.identifier} "
                                    "(receiver-org/@receiver-activity-id), an activity of the files with its own "
                                    f"budget or spending: it is counted as {receiver.identifier}'s money only, not "
                                    "twice", "Nothing to do: the spending of the receiving activity is counted.",
                                    element=out.path, value=_show(out.amount), severity="warning"))
    said: dict[tuple[str, str], bool] = {}  # (A, B) whose commitment matches no payment of A -> A's budget whole
    for activity in activities:  # committed to B, not paid yet: the money is in both budgets all the same
        for out in activity.transactions:
            receiver = by_id.get(out.receiver_activity or "")
            if out.kind == "2" and id(out) in amounts and receiver is not None and receiver is not activity \
                    and holds_money(receiver) \
                    and not _commitment_unmatched(receiver, out, activity, spending, amounts, counted, said, problems):
                transfers[(activity.identifier, receiver.identifier)] += 0.0  # (_less_funded takes the commitment)
            source = by_id.get(out.provider_activity or "")  # B's incoming commitment (11) from A: alike
            if out.kind == "11" and id(out) in amounts and source is not None and source is not activity \
                    and holds_money(activity) \
                    and not _commitment_unmatched(activity, out, source, spending, amounts, counted, said, problems):
                transfers[(source.identifier, activity.identifier)] += 0.0
    for pair, whole in said.items():  # (the other commitment of the pair, A's or B's, is unmatched as well)
        if whole and pair in transfers and not transfers[pair]:
            del transfers[pair]
    linked = set(transfers)  # (payer, receiver) already told apart by the incoming funds
    for activity in activities:  # A names B as a participating organisation's activity: one project, two reports
        for ref, where in activity.partners:
            other = by_id.get(ref)
            pair = {(activity.identifier, ref), (ref, activity.identifier)}
            if other is None or other is activity or pair & linked \
                    or ref in below(activity.identifier) or activity.identifier in below(ref) \
                    or not any(has(activity, k) for k in ("budget", "spending")) \
                    or not any(has(other, k) for k in ("budget", "spending")):
                continue
            linked |= pair
            problems.append(Problem(activity.file, "iati_same_project", f"activity {activity.identifier} names "
                                    f"{ref}, an activity of the files, as "
                                    + ("a third party's report of the same activity (related-activity type 5)"
                                       if where.endswith("/@ref") else "a participating organisation's activity "
                                       "(the same project reported by the funder and by the implementer?)")
                                    + ", and no "
                                    "incoming funds or related-activity tells which money is whose: both budgets "
                                    "and spendings are counted, which counts the money one gave the other twice",
                                    "Keep only one of the two activities (iati.activities in project.yaml), "
                                    "usually the implementer's; nothing to do if they are two projects.",
                                    element=where, value=shown(ref), severity="warning"))
    _same_project_by_org(activities, below, has, counted, amounts, linked, spending, params.currency, problems)
    return counted, transfers, problems


def _children_short(parent: Activity, descendants: set[str], by_id: dict[str, Activity], kind: str,
                    counted: set[int], amounts: dict[int, float], spending: set[str], params: ProjectParams) -> str:
    """What the warning adds when the children's spending up to the reporting date falls short of the parent's
    (a parent reporting 600 spent, its children 300: one child reports no spending yet): the 300 are counted
    nowhere, the rate 30 % for 60 %, and the warning said only « Nothing to do if the children cover the parent's
    money ». Budgets are not compared (a sum of budget values is not the budget: revisions replace originals)."""
    if kind != "spending":
        return ""

    reporting = getattr(params, "reporting_date", None) or dt.date.max   # (make import-iati reads before it has one:
    # a file of a parent and its children, both with spending, stopped it with a traceback)

    def spent(activity: Activity) -> float:
        return sum(amounts[id(t)] for t in activity.transactions if t.kind in spending and id(t) in counted
                   and t.end is not None and t.end <= reporting)

    mine = spent(parent)
    theirs = sum(spent(by_id[d]) for d in descendants)
    if mine <= theirs * 1.01 + 0.005:   # (1 %: the children may round, or report a few days later)
        return ""
    silent = sorted(d for d in descendants if not any(t.kind in spending for t in by_id[d].transactions))
    return (f"; up to the reporting date it reports {_show(round(mine, 2))} {params.currency} spent, they "
            f"{_show(round(theirs, 2))}: {_show(round(mine - theirs, 2))} {params.currency} of the parent's spending "
            "is in no child's and counted nowhere"
            + (f" ({', '.join(silent)} report{'s' if len(silent) == 1 else ''} no spending)" if silent else ""))


def _org_name(name: str) -> str:
    """An organisation's name as compared (case, accents kept, punctuation and spaces folded)."""
    return " ".join(ORG_WORDS.findall(name.casefold()))


ORG_WORDS = re.compile(r"\w+")
ORG_ACRONYM = re.compile(r"\s*\([^()]*\)\s*$")  # « Organisation internationale du Travail (OIT) »
# An organisation's names in English, French and Spanish and its acronyms, as other publishers write it by name
# (« BIT », « Organización Internacional del Trabajo » for the ILO, which publishes « International Labour
# Organization »; « DDC » for SDC, AMEM's donor): the same organisation, by its IATI @ref (and the DAC channel code
# some write as the ref).
ORG_ALIASES = {
    "XM-DAC-41302": ("International Labour Organization", "International Labour Organisation", "International Labour "
                     "Office", "ILO", "Organisation internationale du Travail", "Bureau international du Travail",
                     "OIT", "BIT", "Organización Internacional del Trabajo", "Oficina Internacional del Trabajo",
                     "41302"),
    "XM-DAC-47066": ("International Organization for Migration", "International Organisation for Migration", "IOM",
                     "Organisation internationale pour les migrations", "OIM", "Organización Internacional para las "
                     "Migraciones", "47066"),
    "CH-4": ("Swiss Agency for Development and Cooperation", "SDC", "Direction du développement et de la "
             "coopération", "DDC", "Agencia Suiza para el Desarrollo y la Cooperación", "COSUDE", "Direktion für "
             "Entwicklung und Zusammenarbeit", "DEZA"),
}
# Words that name no organisation on their own: a name made of them only (« Ministry of Foreign Affairs »,
# « Gouvernement », « UN ») is many organisations' (each country has its ministry), and was matched on the one
# publisher of the files that bore it: a false « same project » between two projects.
ORG_GENERIC = frozenset(
    "ministry ministries ministère ministere ministères ministerio ministério ministerium government gouvernement "
    "gobierno governo state état etat un united nations unies unidas onu foreign affairs affaires étrangères "
    "etrangeres exteriores exterior asuntos relaciones external international internationale internacional "
    "national nationale nacional public publique público agency agence agencia office bureau oficina department "
    "département departamento embassy ambassade embajada of the and for de des du la le les l d et del y e para pour "
    "en cooperation coopération cooperación development développement developpement desarrollo donor donors "
    "bailleur bailleurs partner partners partenaire partenaires various divers others autres other autre".split())


@lru_cache(maxsize=None)
def _alias_names(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """An organisation's names as compared, with and without their accents (« Organizacion » as often typed)."""
    return tuple(dict.fromkeys(n for a in aliases for n in (_org_name(a), _org_name(fold(a)))))


def _same_project_by_org(activities: list[Activity], below: Any, has: Any, counted: set[int],
                         amounts: dict[int, float], linked: set[tuple[str, str]], spending: set[str], currency: str,
                         problems: list[Problem]) -> None:
    """A file gathering several publishers (a d-portal or datastore download): the donor's activity paying the
    implementer's organisation (receiver-org/@ref, no receiver-activity-id), the implementer's activity reporting
    incoming funds from the donor's organisation (provider-org/@ref, no provider-activity-id), as most publishers
    write them. Both were counted without a word (budget 1 000 000 + 990 000 for one project): one warning per
    pair (iati_same_project), the money told; which is whose cannot be known, so both stay counted. An organisation
    written by its name only (no @ref, as many publishers write a receiver) is matched on a publisher's
    reporting-org name (case and punctuation aside, an acronym in brackets too): it was counted twice unsaid."""
    publishers: dict[str, list[Activity]] = defaultdict(list)
    names: dict[str, str | None] = {}   # a publisher's name as compared -> its key (None: two publishers')

    keys = {id(a): (a.publisher or "").upper() or next(iter(a.reporting_org.values()), "").strip() or None
            for a in activities}   # its @ref, else its name as written (IATI requires the ref)

    def key(activity: Activity) -> str | None:
        return keys[id(activity)]

    written: set[tuple[str, str]] = set()   # (a publisher's name, its key): each told once
    for activity in activities:
        if (mine := key(activity)) and any(has(activity, k) for k in ("budget", "spending")):
            publishers[mine].append(activity)
            written.update((text, mine) for text in activity.reporting_org.values())
    if len(publishers) < 2:
        return
    for text, mine in written:
        for name in {_org_name(text), _org_name(ORG_ACRONYM.sub("", text))} - {""}:
            names[name] = mine if names.get(name, mine) == mine else None
    refs: dict[str, str | None] = {}   # a ref or name of an organisation's ORG_ALIASES -> the publisher it is
    for ref, aliases in ORG_ALIASES.items():
        for mine in {ref} & publishers.keys() or {names.get(n) for n in _alias_names(aliases)} - {None}:
            for alias in (ref, *aliases):
                refs[alias.upper()] = mine if refs.get(alias.upper(), mine) == mine else None
            for name in _alias_names(aliases):
                names.setdefault(name, mine)
    by_name: dict[int, str] = {}   # id(Money) -> the name it was matched by
    resolved: dict[str, str | None] = {}   # a name as written -> the publisher it names (each compared once)

    def publisher_named(name: str) -> str | None:
        if name not in resolved:
            bare = _org_name(ORG_ACRONYM.sub("", name))   # (« Ministère des Affaires étrangères (MAE) »: generic)
            resolved[name] = None if ORG_GENERIC.issuperset(bare.split()) else \
                names.get(_org_name(name)) or names.get(bare)
        return resolved[name]

    def org_of(money: Money, ref: str | None, name: str | None) -> str | None:
        if ref:
            return refs.get(ref.upper()) or ref.upper()
        if not name:
            return None
        found = publisher_named(name)
        if found:
            by_name[id(money)] = name
        return found

    received: dict[str, dict[str, list[Money]]] = defaultdict(lambda: defaultdict(list))  # provider org -> B -> its
    for group in publishers.values():
        for receiver in group:
            for t in receiver.transactions:
                if t.kind in INCOMING and t.provider_activity is None and id(t) in amounts \
                        and (org := org_of(t, t.provider_org, t.provider_name)):
                    received[org][receiver.identifier].append(t)
    by_id = {a.identifier: a for group in publishers.values() for a in group}
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)  # (provider org, B's publisher) -> B
    for org, got in received.items():
        for b in got:
            pairs[(org, key(by_id[b]) or "")].append(b)
    for payer in activities:
        mine = key(payer) or ""
        if mine not in publishers or not any(has(payer, k) for k in ("budget", "spending")):
            continue
        paid: dict[str, list[Money]] = defaultdict(list)
        for out in payer.transactions:
            if out.kind in spending and id(out) in counted and out.receiver_activity is None \
                    and (org := org_of(out, out.receiver_org, out.receiver_name)) and org in publishers \
                    and org != mine:
                paid[org].append(out)
        theirs = received.get(mine, {})  # B -> its incoming funds from the payer's organisation
        # one warning per payer at most: an activity that received from its organisation and is published by an
        # organisation it paid first, then one of either (how many others there are is said)
        both = [b for org in paid for b in pairs.get((mine, org), ())[:3]]
        candidates = [*both, *islice(theirs, 3), *(r.identifier for org in paid for r in publishers[org][:3])]
        candidates = [b for b in dict.fromkeys(candidates) if key(by_id[b]) != mine]
        if not candidates:
            continue
        others = len(theirs) + sum(len(publishers[org]) for org in paid) - sum(
            len(pairs.get((mine, org), ())) for org in paid) - 1
        below_payer = below(payer.identifier)
        for b in candidates[:3]:   # (a pair already linked, or parent and child, is not said: the next is looked at)
            receiver = by_id[b]
            if (payer.identifier, b) in linked or b in below_payer or payer.identifier in below(b):
                continue
            org = key(receiver) or ""
            got = theirs.get(b, [])
            linked |= {(payer.identifier, b), (b, payer.identifier)}
            told = []
            if paid.get(org):
                named = by_name.get(id(paid[org][0]))
                told.append(f"{payer.identifier} paid {_show(round(sum(amounts[id(o)] for o in paid[org]), 2))} "
                            f"{currency} to {org} ("
                            + (f"receiver-org named '{shown(named)}', no @ref" if named else "receiver-org/@ref")
                            + f", {len(paid[org])} transaction(s)), the publisher of {b}")
            if got:
                named = by_name.get(id(got[0]))
                told.append(f"{b} reports {_show(round(sum(amounts[id(t)] for t in got), 2))} {currency} of "
                            f"incoming funds from {payer.publisher or mine} ("
                            + (f"provider-org named '{shown(named)}', no @ref" if named else "provider-org/@ref")
                            + f"), the publisher of {payer.identifier}")
            first = (paid.get(org) or got)[0]
            problems.append(Problem(payer.file if paid.get(org) else receiver.file, "iati_same_project",
                                    "; ".join(told) + ", naming no activity (receiver-activity-id, "
                                    "provider-activity-id): the same project reported by its funder and by its "
                                    "implementer? Both activities' budgets and spendings are counted, which counts "
                                    "the money one gave the other twice"
                                    + (f" (up to {others} other activit{'y' if others == 1 else 'ies'} of the files "
                                       "linked to it so)" if others > 0 else ""),
                                    "Keep only one of the two activities, usually the implementer's (iati.activities "
                                    f"in project.yaml lists those kept: leave {payer.identifier} out of it); nothing "
                                    "to do if they are two projects.",
                                    element=first.path, value=shown(org), severity="warning"))
            break
    for activity in by_id.values():  # no payment names the other: the participating-orgs may (funding, implementing)
        mine = key(activity)
        orgs = [(role, (refs.get(ref.upper()) or ref.upper()) if ref else publisher_named(name), ref, name, where)
                for role, ref, name, where in activity.participants]
        joint = any(role == "4" and org == mine for role, org, *_ in orgs)  # it implements too: its co-implementers'
        for role, org, ref, name, where in orgs:                           # activities are their own shares
            if not org or org == mine or org not in publishers or (joint and role == "4"):
                continue
            pair = next(((o, activity) if role == "1" else (activity, o) for o in publishers[org]
                         if (activity.identifier, o.identifier) not in linked and o.identifier not in
                         below(activity.identifier) and activity.identifier not in below(o.identifier)), None)
            if pair is None:
                continue
            funder, implementer = pair
            linked |= {(funder.identifier, implementer.identifier), (implementer.identifier, funder.identifier)}
            other = pair[0] if role == "1" else pair[1]
            problems.append(Problem(activity.file, "iati_same_project", f"activity {activity.identifier} names "
                                    f"{org}, the publisher of {other.identifier}, as its "
                                    + ("funding" if role == "1" else "implementing") + " organisation "
                                    f"(participating-org role {role}"
                                    + (f", by its name '{shown(name)}', no @ref" if not ref else "")
                                    + f"), and no payment, incoming funds or related-activity tells which of their "
                                    "money is whose: the same project reported by its funder "
                                    f"({funder.identifier}) and by its implementer ({implementer.identifier})? Both "
                                    "activities' budgets and spendings are counted, which counts the money one gave "
                                    "the other twice",
                                    "Keep only one of the two activities, usually the implementer's (iati.activities "
                                    f"in project.yaml lists those kept: leave {funder.identifier} out of it); nothing "
                                    "to do if they are two projects.",
                                    element=where, value=shown(ref or name), severity="warning"))
            break


def _unmatched_funds(activity: Activity, incoming: Money, source: Activity, spending: set[str],
                     amounts: dict[int, float], counted: set[int], currency: str) -> Problem:
    """The warning for B's incoming funds from A that match no payment of A. In another currency than A's payments
    it said « 1100 USD » and « no payment has this value », for A's 1000 EUR, nothing to compare them with: it now
    gives the value at project.yaml's rate and names A's payment that comes nearest (the same day, else the
    nearest value), so that the evaluator can tell whether it is that money."""
    value = f"{_show(incoming.amount)} {incoming.currency or ''}".strip()
    mine = amounts.get(id(incoming))
    if incoming.currency and incoming.currency != currency.upper():
        value += (f" ({_show(round(mine, 2))} {currency} at project.yaml's rate)" if mine is not None else
                  f" (project.yaml gives no rate for {incoming.currency}: not compared by value)")
    paid = [o for o in source.transactions if o.kind in spending and o.receiver_activity is None and id(o) in counted]
    near = sorted(paid, key=lambda o: (o.end != incoming.end, abs(amounts[id(o)] - (mine or 0.0))))[:1]
    if mine is None:  # (no rate: the nearest by value means nothing, the same day's payment still does)
        near = [o for o in near if o.end == incoming.end]
    nearest = ""
    for out in near:
        nearest = (f"; its nearest is the {TRANSACTION_TYPES.get(out.kind, out.kind)} of {_show(out.amount)} "
                   f"{out.currency or ''}".rstrip() + ("" if out.currency == currency.upper() else
                                                         f" ({_show(round(amounts[id(out)], 2))} {currency})")
                   + f" on {out.end} ({out.path})")
    return Problem(activity.file, "iati_incoming_unmatched", f"activity {activity.identifier} reports {value} of "
                   f"incoming funds from {source.identifier} ({incoming.end}), and no disbursement or expenditure of "
                   f"{source.identifier} names it as receiver (receiver-activity-id) or has this value "
                   + ("(within 5 % at project.yaml's rates) " if mine is not None and any(
                       o.currency != incoming.currency for o in paid) else "") + f"and date{nearest}: if it paid it, that money is counted in both activities' "
                   "spending and budgets, twice",
                   f"Find {source.identifier}'s payment to {activity.identifier}; keep only one of the two "
                   "activities (iati.activities in project.yaml), or ask the publisher to write "
                   "receiver-org/@receiver-activity-id.", element=incoming.path,
                   value=f"{_show(incoming.amount)} {incoming.currency or ''}".strip(), severity="warning")


def _same_transfer(paid: Money, received: Money, amounts: dict[int, float]) -> bool:
    """Whether A's payment naming no receiver is B's incoming funds: the same date and value; in two currencies
    (1000 EUR paid, 1100 USD received), the values at project.yaml's rates within 5 % (the day's rate is not
    project.yaml's): before, the raw numbers were compared, 1000 USD matched 1000 EUR and 1000 EUR not 1100 USD."""
    if paid.end != received.end:
        return False
    if paid.currency == received.currency:
        return paid.amount == received.amount
    one, other = amounts.get(id(paid)), amounts.get(id(received))
    return one is not None and other is not None and one > 0 and abs(one - other) <= 0.05 * max(one, other)


def _commitment_unmatched(activity: Activity, commitment: Money, source: Activity, spending: set[str],
                          amounts: dict[int, float], counted: set[int], said: dict[tuple[str, str], bool],
                          problems: list[Problem]) -> bool:
    """Whether money A (``source``) committed to B (``activity``: B's incoming commitment 11 from A, or A's outgoing
    commitment 2 naming B) is unmatched and evidently in A's spending, so that A's budget is to be left whole.
    Unmatched: A paying without naming B (no receiver-activity-id) and B reporting no incoming funds from A, so
    that what A paid B, if it did, is in both spendings and nothing tells which payment it is (said, once a pair;
    before, both were counted without a word). Evidently paid: A's spending is more than its budget less the
    commitment (A could not have spent it on its own); before, A's budget was counted less the commitment all the
    same, and A's rate read 225 % (900 spent over 1000 less 600). A naming B as receiver on a payment is matched:
    the warning said no payment named it."""
    pair = (source.identifier, activity.identifier)
    if pair in said:
        return said[pair]
    if any(t.kind in INCOMING and t.provider_activity == source.identifier for t in activity.transactions):
        return False  # (its incoming funds are matched, or said unmatched, with A's payments)
    if any(o.kind in spending and o.receiver_activity == activity.identifier for o in source.transactions):
        return False  # (A's payments to B are B's money: receiver-activity-id)
    paid = [o for o in source.transactions if o.kind in spending and o.receiver_activity is None and id(o) in counted]
    if not paid:
        return False
    committed = max(sum(amounts[id(t)] for t in source.transactions if t.kind == "2" and id(t) in amounts
                        and t.receiver_activity == activity.identifier),
                    sum(amounts[id(t)] for t in activity.transactions if t.kind == "11" and id(t) in amounts
                        and t.provider_activity == source.identifier))
    budget = _revised_total(source, [b for b in source.budgets if id(b) in counted], amounts, []) \
        if any(id(b) in counted for b in source.budgets) else None
    spent = sum(amounts[id(o)] for o in source.transactions if o.kind in spending and id(o) in counted)
    whole = budget is not None and spent > budget - committed + 0.005
    said[pair] = whole
    promised = (f"activity {activity.identifier} reports {_show(commitment.amount)} {commitment.currency or ''} "
                f"committed by {source.identifier} (incoming commitment, {commitment.end})"
                if commitment.kind == "11" else
                f"activity {source.identifier} commits {_show(commitment.amount)} {commitment.currency or ''} to "
                f"{activity.identifier} (outgoing commitment, {commitment.end}, receiver-activity-id)")
    problems.append(Problem(activity.file if commitment.kind == "11" else source.file, "iati_incoming_unmatched",
                            f"{promised}, but {activity.identifier} reports no incoming funds from "
                            f"{source.identifier}, and no disbursement or expenditure of {source.identifier} names "
                            f"{activity.identifier} as receiver (receiver-activity-id): what {source.identifier} paid "
                            f"it is counted in both activities' spending, twice ({source.identifier}'s payments that "
                            f"name no receiver: {len(paid)}, {_show(round(sum(o.amount or 0 for o in paid), 2))} in "
                            "all)" + (f"; as {source.identifier}'s spending ({_show(round(spent, 2))}) is more than its "
                                      f"budget less the commitment, its payments hold it, and so its budget is "
                                      f"counted whole: the commitment is in both budgets" if whole else ""),
                            f"Find {source.identifier}'s payments to {activity.identifier}; keep only one of the two "
                            "activities (iati.activities in project.yaml), or ask the publisher to write "
                            "receiver-org/@receiver-activity-id on them, or the incoming funds (transaction type 1) "
                            f"with provider-activity-id {source.identifier}.", element=commitment.path,
                            value=_show(commitment.amount), severity="warning"))
    return whole


def _repeated(activities: list[Activity], spending: set[str], problems: list[Problem]) -> set[int]:
    """id(Money) of the spending transactions written again: the same @ref, type, date, value and currency as an
    earlier one of the activity (a file merged from two downloads repeats them), and the same country, region,
    sector and organisations; counted once, with a warning. Two payments alike without the same @ref may be two
    payments: both counted. So are the parts of one payment its publisher splits by country or sector under its
    ref (MA 500, TN 500): before, Tunisia's 500 was dropped as a copy, « nothing to do if it is a copy »."""
    again: set[int] = set()
    for activity in activities:
        seen: dict[tuple[Any, ...], Money] = {}
        for money in activity.transactions:
            if money.ref is None or money.kind not in spending or money.amount is None:
                continue
            key = (money.ref, money.kind, money.end, money.amount, money.currency, money.country, money.region,
                   money.sector, money.receiver_org, money.receiver_name, money.receiver_activity, money.provider_org,
                   money.provider_activity)
            first = seen.setdefault(key, money)
            if first is money:
                continue
            again.add(id(money))
            problems.append(Problem(activity.file, "iati_transaction_twice", f"activity {activity.identifier}: "
                                    f"this transaction repeats {first.path.rsplit('/', 1)[0].rsplit('/', 1)[-1]} "
                                    f"(same ref {shown(money.ref)!r}, type, date and value): counted once",
                                    "Nothing to do if it is a copy; ask the publisher otherwise (two payments have "
                                    "two refs).", element=money.path, value=_show(money.amount), severity="warning"))
    return again


def _after_written(activity: Activity, money: Money, problems: list[Problem]) -> bool:
    """Whether a spending transaction is dated after the day its file was written (generated-datetime, or the
    activity's last-updated-datetime when later): money not paid yet when the file said it was (a planned payment,
    which IATI writes as planned-disbursement). Not counted, with a warning: it would be spent at any later
    reporting date, and make import-iati would take its date as the reporting date."""
    if activity.written is None or money.end is None or money.end <= activity.written:
        return False
    problems.append(Problem(activity.file, "iati_future_transaction", f"activity {activity.identifier}: this "
                            f"{TRANSACTION_TYPES.get(money.kind, money.kind)} is dated {money.end.isoformat()}, after "
                            f"the file was written ({activity.written.isoformat()}, generated-datetime / "
                            "last-updated-datetime): it was not paid when the file said it, so it is not counted",
                            "Ask the publisher to write planned payments as planned-disbursement; a newer file "
                            "of the activity gives what was paid since.", element=money.path,
                            value=_show(money.amount), severity="warning"))
    return True


def _level(activity: Activity) -> int | None:
    text = (activity.hierarchy or "").strip()
    return int(text) if text.isdigit() else None


def _contradicting_links(children: dict[str, set[str]], by_id: dict[str, Activity], problems: list[Problem]) -> None:
    """Two activities each the other's parent (a publisher writing type 1 "parent" on the parent): each one's money
    was left out for the other's, and the two vanished from every figure. The lower @hierarchy is the parent;
    without one to tell, neither is, and both are counted, said."""
    for first in sorted(children):
        for second in sorted(children[first]):
            if first >= second or first not in children.get(second, ()):
                continue
            a, b = by_id[first], by_id[second]
            levels = (_level(a), _level(b))
            if None not in levels and levels[0] != levels[1]:
                parent, child = (a, b) if levels[0] < levels[1] else (b, a)  # type: ignore[operator]
                children[child.identifier].discard(parent.identifier)
                outcome = (f"{parent.identifier} (hierarchy {parent.hierarchy}) is taken as the parent of "
                           f"{child.identifier} (hierarchy {child.hierarchy})")
            else:
                children[first].discard(second)
                children[second].discard(first)
                outcome = "no @hierarchy tells which is the parent: neither is, and both are counted"
            problems.append(Problem(a.file, "iati_hierarchy_conflict", f"the related-activity links of {first} "
                                    f"and {second} make each the other's parent (which would leave both out of "
                                    f"every figure): {outcome}",
                                    "Ask the publisher to correct the related-activity types (1: the related "
                                    "activity is this one's parent, 2: its child); if one holds the other's money, "
                                    "keep only one of them (iati.activities in project.yaml).", element=a.path,
                                    value=f"{first} <-> {second}", severity="warning"))


def _unlinked_levels(activities: list[Activity], by_id: dict[str, Activity], below: Any, has: Any,
                     problems: list[Problem]) -> None:
    """A parent and its children both with money, not linked by related-activity: they cannot be told apart from
    two projects, so both are counted; say it when the child's identifier extends the parent's and its hierarchy is
    lower (GB-1-109635 level 1, GB-1-109635-101 level 2: the publishers' convention), so that no doubled total
    goes unsaid."""
    found: dict[str, list[str]] = defaultdict(list)
    for child in activities:
        mine = _level(child)
        if mine is None or mine < 2:
            continue
        cuts = [m.start() for m in re.finditer(r"[-_./]", child.identifier)]
        for cut in reversed(cuts):
            parent = by_id.get(child.identifier[:cut])
            if parent is None or parent is child:
                continue
            theirs = _level(parent)
            if theirs is not None and theirs < mine and child.identifier not in below(parent.identifier) \
                    and parent.identifier not in below(child.identifier) \
                    and any(has(parent, k) and has(child, k) for k in ("budget", "spending")):
                found[parent.identifier].append(child.identifier)
            break
    for identifier, children in found.items():
        parent = by_id[identifier]
        more = "..." if len(children) > 5 else ""
        problems.append(Problem(parent.file, "iati_hierarchy_unlinked", f"activity {identifier} (hierarchy "
                                f"{parent.hierarchy}) and {', '.join(children[:5])}{more} "
                                "(a lower level, whose identifier extends its own) both report money, and no "
                                "related-activity links them: both are counted, which counts the same money twice "
                                "if they are a parent and its children", "Keep only the parent or only the "
                                "children (iati.activities or iati.activity_prefix in project.yaml) if they are; "
                                "nothing to do if they are separate projects.", element=parent.path,
                                value=", ".join(children[:5]), severity="warning"))


def _case_only_refs(activities: list[Activity], by_id: dict[str, Activity]) -> list[tuple[str, str, str]]:
    """(activity, its related-activity ref, the identifier in the files the ref matches but for letter case): a
    child's ref « xm-dac-41302-amem » to XM-DAC-41302-AMEM. IATI identifiers are text matched as written (the
    standard's identifier rules, 1.04 to 2.03, say unique, no surrounding spaces, no '/'; nothing makes case
    indifferent): not linked, and said (iati_hierarchy_levels said « no related-activity links them »)."""
    folded: dict[str, list[str]] = defaultdict(list)
    for identifier in by_id:
        folded[identifier.casefold()].append(identifier)
    return sorted((a.identifier, ref, folded[ref.casefold()][0]) for a in activities for ref, kind in a.related
                  if kind in ("1", "2") and ref not in by_id and len(folded.get(ref.casefold(), ())) == 1)


def _hierarchy_budgets(activities: list[Activity], amounts: dict[int, float], counted: set[int],
                       budget: pd.DataFrame, params: ProjectParams) -> list[Problem]:
    """The budgets of activities of several @hierarchy levels, compared once each activity's budget is known.
    (1) A parent whose budget is left out for its children's (iati_hierarchy) may hold more than they do (a
    programme of 3 000 000 keeping 600 000 for its coordination, its children 2 400 000): that part was counted
    nowhere, unsaid; the sums are now given (iati_hierarchy_budget). (2) Activities of two levels of one publisher
    that no related-activity links, their identifiers unlike (XM-DAC-41302-AMEM level 1, XM-DAC-41302-MAR-19-01
    level 2): both budgets were added (6 000 000 for 3 000 000), unsaid; the sums per level are now given
    (iati_hierarchy_levels), saying when the upper level's is the lower's sum."""
    if budget.empty or not any((_level(a) or 1) > 1 for a in activities if a.hierarchy):
        return []   # (one level, as most files: nothing to compare)
    problems: list[Problem] = []
    by_id = {a.identifier: a for a in activities}
    grouped = budget.groupby("line", sort=False)["budget"]   # an activity's budget: n.d. (NaN) when a country's is
    totals = grouped.sum(min_count=1).where(grouped.count() == grouped.size())
    known = dict(zip(totals.index.tolist(), totals.tolist()))
    children: dict[str, set[str]] = defaultdict(set)
    for activity in activities:
        for ref, kind in activity.related:
            if ref in by_id and ref != activity.identifier and kind in ("1", "2"):
                parent, child = (ref, activity.identifier) if kind == "1" else (activity.identifier, ref)
                children[parent].add(child)
    linked = set(children) | {c for cs in children.values() for c in cs}
    cased = _case_only_refs(activities, by_id)

    below = partial(_below, children)

    for identifier in sorted(children):
        parent = by_id[identifier]
        mine = [b for b in parent.budgets if id(b) in amounts]
        if not mine or any(id(b) in counted for b in mine):
            continue   # (no budget, or its budget counted: nothing to compare)
        descendants = below(identifier)
        theirs = [d for d in sorted(descendants) if d in known]
        if not theirs or identifier in descendants or any(math.isnan(known[d]) for d in theirs):
            continue   # (its children's budget not known)
        total = _revised_total(parent, mine, amounts, [])
        held = float(sum(known[d] for d in theirs))
        if total is None or total <= held * 1.01 + 0.005:   # (1 %: the children may round)
            continue
        problems.append(Problem(parent.file, "iati_hierarchy_budget", f"activity {identifier} (hierarchy "
                                f"{parent.hierarchy or '?'}) has a budget of {_show(round(total, 2))} "
                                f"{params.currency}, its children ({', '.join(theirs[:5])}"
                                f"{'...' if len(theirs) > 5 else ''}) {_show(round(held, 2))}: the parent's budget "
                                f"is not counted (theirs is), so {_show(round(total - held, 2))} {params.currency} of "
                                "it, in no child's budget, is counted nowhere and the budget shown is that much lower",
                                "Nothing to do if the children's budgets are the whole project's (the parent's "
                                "covers later years, say); otherwise keep only the parent (iati.activities in "
                                f"project.yaml: [{identifier}]).", element=parent.path, value=_show(round(total, 2)),
                                severity="warning"))
    publishers: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    levels = {i: _level(by_id[i]) if by_id[i].hierarchy else 1 for i in known if i not in linked}  # (IATI: none is 1)
    if len(set(levels.values()) - {None}) < 2:
        return problems
    extended = set()   # a child whose identifier extends its parent's: iati_hierarchy_unlinked says them
    for identifier in levels:
        for cut in (m.start() for m in re.finditer(r"[-_./]", identifier)):
            if (levels.get(identifier[:cut]) or 99) < (levels[identifier] or 0):
                extended |= {identifier, identifier[:cut]}
    named: dict[str, str] = {}   # (a publisher as written: the file's path was said in capitals, « /DATA/X.XML »)
    for identifier, level in levels.items():
        if level is not None and identifier not in extended:
            whose = by_id[identifier].publisher or by_id[identifier].file
            publishers[whose.upper()][level].append(identifier)
            named.setdefault(whose.upper(), whose)
    for key, by_level in publishers.items():
        publisher = named[key]
        if len(by_level) < 2:
            continue
        sums = {level: sum(known[i] for i in ids) for level, ids in sorted(by_level.items())
                if not any(math.isnan(known[i]) for i in ids)}
        told = "; ".join(f"hierarchy {level}: {len(by_level[level])} activit{'y' if len(by_level[level]) == 1 else 'ies'}"
                         f" ({', '.join(by_level[level][:3])}{'...' if len(by_level[level]) > 3 else ''}), "
                         + (f"budget {_show(round(float(sums[level]), 2))} {params.currency}" if level in sums else
                            "budget not known") for level in sorted(by_level))
        upper, lower = sorted(sums)[:2] if len(sums) >= 2 else (None, None)
        same = upper is not None and abs(sums[upper] - sums[lower]) <= 0.01 * max(abs(sums[lower]), 1)
        first = by_id[by_level[min(by_level)][0]]
        mine = {i for ids in by_level.values() for i in ids}
        near = [(whose, ref, meant) for whose, ref, meant in cased if whose in mine or meant in mine]
        problems.append(Problem(first.file, "iati_hierarchy_levels", f"activities of {publisher} at different "
                                f"hierarchy levels all report a budget and no related-activity links them ({told})"
                                + (f": the budget of level {upper} is that of level {lower}, evidently the same "
                                   "money" if same else "") + ": all are counted, which counts the same money twice "
                                "if the lower levels are parts of the upper ones" + (
                                    f"; the related-activity ref '{near[0][1]}' of {near[0][0]} differs from "
                                    f"{near[0][2]} only in letter case: the IATI standard gives identifiers no "
                                    "rule that makes letter case indifferent, and they are matched as written, so "
                                    "it links nothing" if near else ""),
                                ("Ask the publisher to write the related-activity ref as the identifier is written "
                                 f"({near[0][2]}); until then, keep " if near else "Keep ")
                                + "only one level (iati.activities in project.yaml: the parents, or the children) "
                                "if they are; nothing to do if they are separate projects.", element=first.path,
                                value=", ".join(f"{level}: {_show(round(float(sums[level]), 2))}" for level in sums),
                                severity="warning"))
    return problems


# ================================================================= the tables


def _shares(activity: Activity, problems: list[Problem]) -> list[tuple[str, float]]:
    """(country, share) of an activity's money: recipient-country percentages, the rest 'regional'."""
    countries = activity.countries
    if not countries:
        return [(REGIONAL, 1.0)]
    regions = sum(_region_percentage(r) for r in activity.regions)
    if len(countries) == 1 and (countries[0].percentage is None and not regions
                                or countries[0].percentage == 100.0 and not regions):
        return [(countries[0].code, 1.0)]   # (100 beside a region's percentage: over 100 %, said below)
    missing = [c for c in countries if c.percentage is None]
    given = sum(c.percentage or 0.0 for c in countries) + regions
    if len(missing) == 1 and 0 < given < 99.9:   # IATI's 100 % in all says what the one left without is
        return _the_rest(activity, missing[0].code, given, regions, problems)
    if any(c.percentage is None for c in countries):
        problems.append(Problem(activity.file, "iati_country_split", f"activity {activity.identifier} has "
                                f"{len(countries)} recipient countries, {len(missing)} without a percentage: its money is counted "
                                "for the project as a whole (regional), not split by a guess",
                                "Ask the publisher for the percentages.", element=f"{activity.path}/recipient-"
                                "country", severity="warning"))
        return [(REGIONAL, 1.0)]
    shares = [(c.code, c.percentage / 100.0) for c in countries if c.percentage]
    # (up to 100.1: thirds rounded up, 33.34 + 33.33 + 33.34, read as the whole below)
    if sum(c.percentage for c in countries) > 100.1 + 1e-6:  # type: ignore[misc]
        problems.append(Problem(activity.file, "iati_country_split_over", f"activity {activity.identifier}: its "
                                f"recipient countries' percentages add up to {_show(round(sum(c.percentage for c in countries), 4))} "  # type: ignore[misc]
                                "%, more than 100 %: splitting by them would count some money twice; it is counted "
                                "for the project as a whole (regional)", "Ask the publisher to correct the "
                                "percentages (at most 100 in all); the annexes are not built until then.",
                                value=" + ".join(f"{c.code} {_show(c.percentage)}" for c in countries),
                                element=f"{activity.path}/recipient-country"))
        return [(REGIONAL, 1.0)]
    rest = 1.0 - sum(s for _, s in shares)
    written = " + ".join(f"{c.code} {_show(c.percentage)}" for c in countries)
    if regions and 100.0 * (1.0 - rest) + regions > 100.0 + 0.1:   # MA 60 + TN 40 + a region's 20: 120 %
        problems.append(Problem(activity.file, "iati_region_split_over", f"activity {activity.identifier}: its "
                                f"recipient countries' percentages ({written}) and its recipient regions' "
                                f"({_show(round(regions, 4))}) add up to "
                                f"{_show(round(100.0 * (1.0 - rest) + regions, 4))} %, more than 100 %: the "
                                "countries' shares are read as written, the project as a whole (regional) gets "
                                f"{_show(round(max(rest, 0.0) * 100, 4))} %, not the regions' "
                                f"{_show(round(regions, 4))} %", "Ask the publisher to correct the percentages (100 "
                                "in all, regions included); until then, read the country annexes' budgets and "
                                "spending as the countries' shares of the file.",
                                element=f"{activity.path}/recipient-region", severity="warning"))
    if 1e-9 < abs(rest) <= 0.001:  # thirds written 33.33 + 33.33 + 33.33: 100 % rounded, not 0.01 % for the region;
        # 33.34 + 33.33 + 33.34 (100.01) alike, refused before as « more than 100 % », the annexes not built
        total = 1.0 - rest
        return [(code, share / total) for code, share in shares]
    added = sum(share for _, share in shares) * 100.0
    if rest > 0.001 and not activity.regions and abs(added - 1.0) <= 0.01:
        # shares written as fractions (MA 0.5, TN 0.5), no region: read as percentages, each country had 0.5 % of
        # the money and the project as a whole 99 %, without a word
        problems.append(Problem(activity.file, "iati_country_fractions", f"activity {activity.identifier}: its "
                                f"recipient countries' percentages add up to {_show(round(added, 6))} and no "
                                "recipient-region holds the rest: shares written as fractions of 1 (0.5 for "
                                "50 %)? Read as percentages, the countries would have 1 % of the money and the "
                                "project as a whole 99 %", "Ask the publisher to write percentages (50, not 0.5); "
                                "the annexes are not built until then.", value=written,
                                element=f"{activity.path}/recipient-country"))
        return [(REGIONAL, 1.0)]
    if rest > 0.001 and not activity.regions:  # the rest is the region's: but no recipient-region is written
        problems.append(Problem(activity.file, "iati_country_split_under", f"activity {activity.identifier}: its "
                                f"recipient countries' percentages add up to {_show(round(100 - rest * 100, 4))} % "
                                "and no recipient-region holds the rest: "
                                f"{_show(round(rest * 100, 4))} % of its money is counted for the project as a whole "
                                "(regional), in no country annex", "Nothing to do if it is the project's as a whole; "
                                "otherwise ask the publisher to correct the percentages (100 in all, regions "
                                "included).", value=written, element=f"{activity.path}/recipient-country",
                                severity="warning"))
    if rest > 1e-9:
        shares.append((REGIONAL, rest))
    return shares


def _the_rest(activity: Activity, code: str, given: float, regions: float,
              problems: list[Problem]) -> list[tuple[str, float]]:
    """The one recipient country without a percentage beside countries or regions that write theirs (MA, and a
    region's 40 %; MA 60 and TN): it is read as the rest (60 %; 40 %), with a warning. Before, one country took
    everything (1 000 of 1 000 in its annex, the region's 400 with it) without a word, and of several countries the
    whole went to the project as a whole, none to a country annex."""
    written = [f"{c.code} {_show(c.percentage)}" for c in activity.countries if c.percentage is not None]
    if regions:
        written.append(f"regions {_show(round(regions, 4))}")
    problems.append(Problem(activity.file, "iati_country_split", f"activity {activity.identifier}: the recipient "
                            f"country {code} has no percentage, beside {' + '.join(written)} %: {code} is read as "
                            f"the rest, {_show(round(100 - given, 4))} % of the money (an estimate)"
                            + (", the regions' share the project's as a whole (regional), in no country annex"
                               if regions else ""), "Ask the publisher for the country's percentage (IATI: "
                            "countries and regions 100 % in all).", element=f"{activity.path}/recipient-country",
                            value=f"{code}; {' + '.join(written)}", severity="warning"))
    shares = [(c.code, (100.0 - given if c.code == code else c.percentage) / 100.0)   # type: ignore[operator]
              for c in activity.countries]
    return shares + ([(REGIONAL, regions / 100.0)] if regions else [])


def _region_percentage(written: str) -> float:
    """A recipient-region's percentage as written ('' when it gives none, or a country not read: 0)."""
    try:
        value = float(written)
    except ValueError:
        return 0.0
    return value if math.isfinite(value) and value > 0 else 0.0


def _texts(column: str, params: ProjectParams, text: Any) -> dict[str, str]:
    """A column the reader writes in the annex language: ``text(language)`` in the project's, and apart in each other
    language (in_annex_language; an annex in the project's language has nothing to swap)."""
    texts = {column: text(params.language)}   # (the project's own language is the column itself)
    for lang in LANGUAGES:
        if lang != params.language:
            texts[OTHER_LANGUAGE[column, lang]] = text(lang)
    return texts


OTHER_LANGUAGE = {(c, lang): f"iati_{c}_{lang}" for columns in TRANSLATED.values() for c in columns
                  for lang in LANGUAGES}


def in_annex_language(tables: dict[str, pd.DataFrame], language: str) -> dict[str, pd.DataFrame]:
    """The tables read from IATI files with their texts (titles, « ventilation estimée », units...) in ``language``:
    an annex's own language may not be the project's, which the files were read in."""
    out = dict(tables)
    for name, columns in TRANSLATED.items():
        frame = tables.get(name)
        swap = {c: frame[f"iati_{c}_{language}"] for c in columns if frame is not None and f"iati_{c}_{language}"
                in frame.columns}
        if swap:
            out[name] = frame.assign(**swap)
    return out


def _estimated(label: str, split: bool, language: str) -> str:
    """A label whose amounts are split by country: true both of a country's part and of the line as a whole (the
    project-wide annex shows the line's first label)."""
    if not split:
        return label
    return (f"{label} (ventilation par pays estimée d'après les pourcentages IATI)" if language == "fr"
            else f"{label} (country split estimated from the IATI percentages)")


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    dtypes = {"str": "str", "float": "float64", "date": "datetime64[ns]", "bool": "bool"}
    columns = {**COLUMNS[name], "iati_file": "str", "iati_element": "str",
               **{f"iati_{c}_{lang}": "str" for c in TRANSLATED[name] for lang in LANGUAGES
                  if rows and f"iati_{c}_{lang}" in rows[0]}}   # (_texts: the other languages only)
    data = {c: _column(list(map(dict.get, rows, repeat(c, len(rows)))), dtypes[t]) for c, t in columns.items()}
    return pd.DataFrame(data)


def _column(values: list[Any], dtype: str) -> pd.Series:
    """A column of the tables; text through Arrow at once (pandas checks each value first: twice the time, 0.2 s
    of the 100 MB file's reading), the values pandas would accept otherwise. Its buffers from the C allocator: the
    pool pyarrow uses by default (mimalloc) spent 0.3 s of system CPU on the 100 MB file's three tables, four times
    the copying itself."""
    if dtype == "str":
        import pyarrow as pa

        try:
            return pd.Series(pa.array(values, type=pa.large_string(), memory_pool=pa.system_memory_pool()),
                             dtype="str")
        except (pa.ArrowInvalid, pa.ArrowTypeError):   # a value that is not text: pandas converts it
            pass
    return pd.Series(values, dtype=dtype)


def _title(activity: Activity, language: str) -> str:
    return in_language(activity.title, language, activity.lang) or activity.identifier


def _budget(activities: list[Activity], amounts: dict[int, float], counted: set[int],
            transfers: dict[tuple[str, str], float], params: ProjectParams, problems: list[Problem]) -> pd.DataFrame:
    """One row per activity with money (and country): its budgets, each revised one replacing the original, negative
    ones (corrections) netted with the budgets of their period. An activity whose net budget is 0 or less is left
    out, its spending with it (``counted`` loses them), with a warning naming it: no rate over a budget <= 0."""
    spending = set(params.iati.spending)
    by_id = {a.identifier: a for a in activities}
    funds: dict[str, list[tuple[str, float]]] = defaultdict(list)  # payer -> (receiver, money), not read per activity
    for (payer, receiver), given in transfers.items():
        funds[payer].append((receiver, given))
    rows = []
    links: dict[str, list[tuple[str, str]]] | None = None   # (made when first needed: a budget_unknown)
    for activity in activities:
        budgets = [b for b in activity.budgets if id(b) in counted]
        spends = [t for t in activity.transactions if t.kind in spending and id(t) in counted]
        blank = [b for b in activity.budgets if b.blank]
        if blank:
            _blank_budgets(activity, blank, budgets, amounts, params, problems)
        if not budgets and not spends:
            continue
        total = _revised_total(activity, budgets, amounts, problems) if budgets and not blank else None
        funded = funds.get(activity.identifier, [])
        if total is not None and total > 0 and funded:
            total = _less_funded(activity, total, funded, by_id, amounts, counted, params, problems)
        if total is not None and total <= 0:
            spent = sum(amounts[id(t)] for t in spends)
            counted.difference_update(id(m) for m in (*budgets, *spends))
            problems.append(Problem(activity.file, "iati_budget_not_positive", f"activity {activity.identifier}: "
                                    f"its net budget (budgets and negative corrections, per period) is "
                                    f"{_show(round(total, 2))} {params.currency}, 0 or less: the activity is left "
                                    f"out of the budget, the spending ({_show(round(spent, 2))} {params.currency} "
                                    "not counted) and every rate", "Nothing to do if the activity was cancelled or "
                                    "moved; otherwise ask the publisher for its budget, or leave it out "
                                    "(iati.activities in project.yaml).", element=activity.path,
                                    value=_show(round(total, 2)), severity="warning"))
            continue
        if activity.status == "5" and total is not None:  # its budget was not spent: say it is in the rates
            problems.append(Problem(activity.file, "iati_cancelled", f"activity {activity.identifier} is cancelled "
                                    f"(activity-status 5), and its budget ({_show(round(total, 2))} "
                                    f"{params.currency}) is counted in the budget and every rate",
                                    "Leave it out (iati.activities or iati.activity_prefix in project.yaml) if its "
                                    "budget was never to be spent; keep it if it spent money before it stopped.",
                                    element=activity.path, value="5", severity="warning"))
        if activity.status == "6" and total is not None:  # its spending stopped: its rates read as a running one's
            problems.append(Problem(activity.file, "iati_suspended", f"activity {activity.identifier} is suspended "
                                    f"(activity-status 6): its budget ({_show(round(total, 2))} {params.currency}) is "
                                    "counted in the budget and every rate while its spending has stopped, so its low "
                                    "execution rate and burn index are the suspension's, not the pace of a running "
                                    "activity", "Say so where the annex's rates are discussed; leave it out "
                                    "(iati.activities in project.yaml) if it will not resume.",
                                    element=activity.path, value="6", severity="warning"))
        titles = {lang: _title(activity, lang) for lang in LANGUAGES}
        labels = {split: _texts("label", params, lambda lang: _estimated(titles[lang], split, lang))
                  for split in (False, True)}   # (once per activity, not per country)
        for country, share in _shares(activity, problems):
            rows.append({"line": activity.identifier, "budget": None if total is None else total * share,
                         "country": country, **labels[share < 1.0],
                         "iati_file": activity.file, "iati_element": activity.path})
        unsplit = _unsplit(activity, spends, total, titles, params, problems)
        if unsplit:  # (one row: the activity names no country) its budget is nobody's line: n.d., never 0 % spent
            rows[-1] = {**rows[-1], "budget": None, **{k: v for k, v in unsplit[0].items() if "label" in k},
                        "iati_element": unsplit[0]["iati_element"]}
            rows += unsplit
        if not budgets and not blank:  # (budgets that cannot be added, or without a value, have said why)
            why = BUDGET_NOT_PROVIDED.get(activity.budget_not_provided or "")
            problems.append(Problem(activity.file, "budget_unknown", f"activity {activity.identifier} reports "
                                    "spending but no budget" + (f" (budget-not-provided=\"{activity.budget_not_provided}"
                                                                f"\": {why})" if why else "")
                                    + _budget_of_relatives(activity, links := _links(by_id) if links is None
                                                           else links, by_id, amounts, counted, params),
                                    "Its execution rate cannot be computed, nor the whole project's unless "
                                    "budget_total is declared in project.yaml.",
                                    element=activity.path, value=activity.budget_not_provided, severity="warning"))
    return _frame("budget", rows)


def _links(by_id: dict[str, Activity]) -> dict[str, list[tuple[str, str]]]:
    """identifier -> its (« parent » | « child », relative's identifier) in the files, by related-activity written
    on either side (type 1 on the child, type 2 on the parent)."""
    links: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for activity in by_id.values():
        for ref, kind in activity.related:
            if ref in by_id and ref != activity.identifier and kind in ("1", "2"):
                links[activity.identifier].append(("parent" if kind == "1" else "child", ref))
                links[ref].append(("child" if kind == "1" else "parent", activity.identifier))
    return links


def _budget_of_relatives(activity: Activity, links: dict[str, list[tuple[str, str]]], by_id: dict[str, Activity],
                         amounts: dict[int, float], counted: set[int], params: ProjectParams) -> str:
    """What budget_unknown adds when the activity's parent or children in the files (related-activity, either way)
    carry a budget: a programme's budget on the parent, its spending on the components, or the other way round.
    Before, « reports spending but no budget » only: the project's rate n.d., the budget that holds it not named."""
    said = []
    for kind, ref in dict.fromkeys(links.get(activity.identifier, ())):
        budgets = [b for b in by_id[ref].budgets if id(b) in counted]
        total = _revised_total(by_id[ref], budgets, amounts, []) if budgets else None
        if total is not None:
            said.append(f"{kind} {ref} ({_show(round(total, 2))} {params.currency})")
    return ("; its relatives in the files (related-activity) have budgets that may hold its spending: "
            + ", ".join(said[:3]) + (", ..." if len(said) > 3 else "")) if said else ""


def _blank_budgets(activity: Activity, blank: list[Money], budgets: list[Money], amounts: dict[int, float],
                   params: ProjectParams, problems: list[Problem]) -> None:
    """A budget without a value (no <value>, or <value/>): before, the activity's budget was its other budgets, a part
    of it (1000 for 2021 beside 2022's empty one), and its rate over that part, unsaid. Its budget is not computed."""
    first = blank[0]
    period = f" ({first.start.isoformat() if first.start else '?'}..{first.end.isoformat() if first.end else '?'})"
    others = sum(amounts[id(b)] for b in budgets)
    problems.append(Problem(activity.file, "iati_budget_no_value", f"activity {activity.identifier}: {len(blank)} "
                            f"budget(s) have no value, the first{period if first.start or first.end else ''}: the "
                            "activity's budget is not known, and is not computed"
                            + (f" (its other budgets, {_show(round(others, 2))} {params.currency}, are only part of "
                               "it)" if budgets else ""),
                            "Ask the publisher for the budget's value; until then the activity's rates are not "
                            "computable (n.d.), and so are the whole project's unless budget_total is declared in "
                            "project.yaml.", element=first.path, severity="warning"))


def unsplit_budget(budget: pd.DataFrame, problems: list[Problem]) -> float | None:
    """The files' whole budget when activities name their countries on their transactions only
    (iati_country_transactions_only: their lines' budgets are n.d., the whole project's too unless budget_total is
    declared): the known lines plus those activities' budgets; None without such activities, or when another line's
    budget or theirs is not known. make import-iati writes it as budget_total; the loader compares the two."""
    unsplit = [p for p in problems if p.rule == "iati_country_transactions_only"]
    if not unsplit or "iati_element" not in budget or any(p.value is None for p in unsplit):
        return None
    mine = budget["iati_element"].astype("string").str.endswith("/transaction/recipient-country").to_numpy(bool)
    if budget.loc[~mine, "budget"].isna().any():
        return None
    return float(budget.loc[~mine, "budget"].sum()) + sum(float(p.value) for p in unsplit)  # type: ignore[arg-type]


def _unsplit(activity: Activity, spends: list[Money], total: float | None, titles: dict[str, str],
             params: ProjectParams,
             problems: list[Problem]) -> list[dict[str, Any]]:
    """A line of budget « not known » in each country that the activity's transactions alone name (no activity-level
    recipient-country): its spending there is that country's, in its annex, beside a budget n.d. (the file does not
    say which part of the budget is whose); the project-wide line's budget is not known either (all of it there
    would read as 0 % spent); the problem's value is the budget, for budget_total (make import-iati writes it).
    Before, the countries' spending went to the project-wide line: no country annex, nothing said."""
    countries = sorted({t.country for t in spends if t.country}) if not activity.countries else []
    if not countries:
        return []
    problems.append(Problem(activity.file, "iati_country_transactions_only", f"activity {activity.identifier} "
                            "names its recipient countries on its transactions only: each "
                            "country's spending is counted in its annex, but the budget"
                            + (f" ({_show(round(total, 2))} {params.currency})" if total is not None else "")
                            + " cannot be split by country: each country's budget and execution rate are not "
                            "computable (n.d.), and so is the project's total budget unless budget_total is declared "
                            f"in project.yaml (countries: {', '.join(countries)})", "Ask the publisher for the "
                            "activity's recipient-country percentages; meanwhile declare budget_total in project.yaml "
                            "(the budget of the whole project) and keep it equal to the files' budget.",
                            element=f"{activity.path}/transaction/recipient-country",
                            value=None if total is None else _show(round(total, 2)), severity="warning"))
    labels = _texts("label", params, lambda lang: f"{titles[lang]} (budget non ventilé par pays dans le fichier "
                    "IATI)" if lang == "fr" else f"{titles[lang]} (budget not split by country in the IATI file)")
    return [{"line": activity.identifier, "budget": None, "country": country, **labels,
             "iati_file": activity.file, "iati_element": f"{activity.path}/transaction/recipient-country"}
            for country in countries]


def _less_funded(activity: Activity, total: float, funded: list[tuple[str, float]], by_id: dict[str, Activity],
                 amounts: dict[int, float], counted: set[int], params: ProjectParams,
                 problems: list[Problem]) -> float | None:
    """The budget of an activity that funds others of the files (they report its money as incoming funds), less
    that money: it is in the receivers' budgets too, counted there (as their spending is), never twice. What it
    gave or committed to each (outgoing commitment, type 2, to the receiver activity), at most the receiver's
    budget. None (not computed) when that leaves less than 0."""
    part = 0.0
    for receiver, given in funded:
        other = by_id[receiver]
        their = _revised_total(other, [b for b in other.budgets if id(b) in counted], amounts, []) \
            if any(id(b) in counted for b in other.budgets) else None
        committed = max(sum(amounts[id(t)] for t in activity.transactions if t.kind == "2" and id(t) in amounts
                            and t.receiver_activity == receiver),   # what A says it committed, or B it was promised
                        sum(amounts[id(t)] for t in other.transactions if t.kind == "11" and id(t) in amounts
                            and t.provider_activity == activity.identifier))
        part += max(0.0, min(their or 0.0, max(given, committed)))  # a receiver left out holds none
    if part <= 0:  # the receivers have no budget: the money is in this one's only
        return total
    left = total - part
    problems.append(Problem(activity.file, "iati_incoming_budget", f"activity {activity.identifier} funds "
                            f"{', '.join(r for r, _ in funded)} (which report its money as incoming funds, or which it "
                            "names as receiver-activity-id): "
                            f"{_show(round(part, 2))} {params.currency} of its budget is in their budgets too, and "
                            f"is counted there only: its budget is counted as "
                            + (f"{_show(round(left, 2))} {params.currency}" if left >= 0 else
                               "not computable (less than 0)"), "Nothing to do if the receivers' budgets hold "
                            "what it gives them; check the two activities' budgets otherwise.",
                            element=activity.path, value=_show(round(total, 2)), severity="warning"))
    return left if left >= 0 else None


def _revised_total(activity: Activity, budgets: list[Money], amounts: dict[int, float],
                   problems: list[Problem]) -> float | None:
    """The activity's budget, or None (not computable, with a warning) when its budgets overlap in a way that has
    no one sum. A revised budget (type 2, 0 or more) replaces every original budget whose period it overlaps, even
    when the spans differ (a yearly revision of quarterly originals). Budgets of the same exact period are netted (a
    negative one is a correction, one warning per activity); two positive ones of one type (two revisions) make the
    budget not computed. Budgets whose periods overlap are never added: when one
    covers all the others and is at least their sum (a whole-life budget beside yearly ones), it alone is counted;
    otherwise the budget is not computed."""
    if len(budgets) > 1:  # a budget without a period (or ending before it starts) beside others: its days, hence
        # which of them it holds or adds to, are unknown (a whole-life budget beside its years was added: twice)
        odd = [b for b in budgets if b.start is None or b.end is None or b.end < b.start]
        if odd and len(odd) < len(budgets) or any(b.start and b.end and b.end < b.start for b in odd):
            bad = odd[0]
            rest = _revised_total(activity, [b for b in budgets if b is not bad], amounts, []) \
                if len(odd) == 1 and bad.start is None and bad.end is None else None
            if rest is not None and amounts[id(bad)] >= rest - 0.005:  # a whole-life budget, at least its parts
                problems.append(Problem(activity.file, "iati_budget_period", f"activity {activity.identifier}: "
                                        f"this budget has no period ({_show(round(amounts[id(bad)], 2))}), beside "
                                        f"{len(budgets) - 1} budget(s) with one ({_show(round(rest, 2))} in all): "
                                        "it is read as the whole-life budget they are parts of, and counted alone, "
                                        "not added to them", "Nothing to do if it is the activity's whole budget; "
                                        "ask the publisher to give it its period otherwise.", element=bad.path,
                                        value=_show(bad.amount), severity="warning"))
                return amounts[id(bad)]
            problems.append(Problem(activity.file, "iati_budget_period", f"activity {activity.identifier}: this "
                                    "budget has "
                                    + (f"a period that ends ({bad.end}) before it starts ({bad.start})"
                                       if bad.start and bad.end else "no valid period-start and period-end "
                                       "(a day as 2021-01-01)") + f", beside {len(budgets) - 1} other budget(s): "
                                    "whether it holds them or adds to them cannot be told, so the activity's budget "
                                    "is not computed (not rated)", "Ask the publisher to give every budget its "
                                    "period (period-start, period-end, at most a year).", element=bad.path,
                                    value=_show(bad.amount), severity="warning"))
            return None
    revisions = [b for b in budgets if b.kind == "2" and amounts[id(b)] >= 0]
    kept = []
    for budget in budgets:
        over = [r for r in revisions if budget.kind != "2" and _overlap(budget, r)]
        if not over:
            kept.append(budget)
        elif not _covered(budget, over):  # the original's days outside every revision are not counted: say it
            problems.append(Problem(activity.file, "iati_budget_revised_part", f"activity {activity.identifier}: "
                                    f"the original budget of {budget.start}..{budget.end} is replaced by the "
                                    f"revised budget(s) of {', '.join(f'{r.start}..{r.end}' for r in over)}, which "
                                    "do not cover all its days: the original is not counted at all",
                                    "Check the file: a revision normally has the period of what it revises.",
                                    element=budget.path, value=_show(budget.amount), severity="warning"))
    kept = _indicative_covered(activity, kept, amounts, problems)
    periods: dict[tuple[Any, Any], list[Money]] = defaultdict(list)
    for budget in kept:
        periods[(budget.start, budget.end)].append(budget)
    nets: dict[tuple[Any, Any], float] = {}
    corrections: list[Money] = []
    for (start, end), items in periods.items():
        positive = [b for b in items if amounts[id(b)] >= 0]
        committed = [b for b in positive if b.status == "2"]
        if len(positive) > 1 and len(committed) == 1 and all(b.status == "1" for b in positive if b not in committed):
            # an indicative budget (status 1) beside the committed one (2) of its period: the committed one is it
            problems.append(Problem(activity.file, "iati_budget_indicative", f"activity {activity.identifier}: "
                                    f"the period {start}..{end} has an indicative budget (status 1) and a committed "
                                    f"one (status 2, {_show(committed[0].amount)}): the committed one is counted, "
                                    "not their sum", "Nothing to do if the committed budget replaces the "
                                    "indicative one.", element=committed[0].path, severity="warning"))
            items = [b for b in items if b not in positive or b is committed[0]]
            positive = committed
        if len(positive) > 1:   # two revisions (950 for the latest 500) or a budget given twice: not added
            kinds = {b.kind for b in positive}
            problems.append(Problem(activity.file, "iati_budget_twice", f"activity {activity.identifier} has "
                                    f"{len(positive)} {'revised' if kinds == {'2'} else 'original'} budgets for the "
                                    f"period {start}..{end} ({', '.join(_show(b.amount) or '?' for b in positive[:4])})"
                                    ": which one is its budget cannot be told, and their sum is neither, so the "
                                    "activity's budget is not computed (not rated)", "Ask the publisher for one "
                                    "budget of each type per period (IATI: one original, and one revised when it "
                                    "changed).", element=positive[1].path, severity="warning"))
            return None
        nets[(start, end)] = sum(amounts[id(b)] for b in items)
        corrections += [b for b in items if amounts[id(b)] < 0]
    total = _overlapping_periods(activity, periods, nets, problems)
    if total is not None and corrections and total > 0:
        problems.append(Problem(activity.file, "iati_negative", f"activity {activity.identifier}: "
                                f"{len(corrections)} negative budget(s), read as corrections and netted with the "
                                f"budgets of their period: net budget {_show(round(total, 2))}", "Nothing to do if "
                                "they correct earlier budgets; check them otherwise.", element=corrections[0].path,
                                value=", ".join(_show(b.amount) or "" for b in corrections[:5]), severity="warning"))
    return total


def _indicative_covered(activity: Activity, kept: list[Money], amounts: dict[int, float],
                        problems: list[Problem]) -> list[Money]:
    """Without the indicative budgets (status 1) whose every day committed budgets (status 2) of other periods cover:
    the committed ones are the budget. Before, an indicative yearly 1200 beside its committed quarters (4 x 250) was
    counted alone as the whole they are parts of (1200 for 1000), and committed 1000 for the year beside indicative
    quarters of 300 made the budget not computed. (An indicative budget of the committed one's very period gives way
    below; one with days no committed budget covers, a whole-life plan, stays.)"""
    committed = [b for b in kept if b.status == "2" and b.start and b.end and amounts[id(b)] >= 0]
    if not committed:
        return kept
    gone = []
    for budget in kept:
        if budget.status != "1" or not (budget.start and budget.end) or amounts[id(budget)] < 0:
            continue
        over = [c for c in committed if _overlap(budget, c)]
        if over and all((c.start, c.end) != (budget.start, budget.end) for c in over) and _covered(budget, over):
            gone.append((budget, over))
    if not gone:
        return kept
    budget, over = gone[0]
    problems.append(Problem(activity.file, "iati_budget_indicative", f"activity {activity.identifier}: "
                            f"{len(gone)} indicative budget(s) (status 1, e.g. {budget.start}..{budget.end}: "
                            f"{_show(budget.amount)}) are covered by committed budgets (status 2, e.g. "
                            + ", ".join(f"{c.start}..{c.end}: {_show(c.amount)}" for c in over[:4]) + "): the "
                            "committed ones are counted, not the indicative ones", "Nothing to do if the committed "
                            "budgets replace the indicative ones.", element=budget.path, value=_show(budget.amount),
                            severity="warning"))
    dropped = {id(b) for b, _ in gone}
    return [b for b in kept if id(b) not in dropped]


def _overlap(a: Money, b: Money) -> bool:
    """Whether two budget periods share a day (a budget without both dates overlaps nothing: it is its own)."""
    if None in (a.start, a.end, b.start, b.end):
        return a.start == b.start and a.end == b.end
    return a.start <= b.end and b.start <= a.end \
        and not _boundary((a.start, a.end), (b.start, b.end))  # type: ignore[operator]


def _boundary(a: tuple[Any, Any], b: tuple[Any, Any]) -> bool:
    """Whether two periods share only the day one ends and the other starts (2021-01-01..2022-01-01 beside
    2022-01-01..2023-01-01: a period-end written as the next period's start), each longer than that day: read as
    consecutive. Before, such yearly budgets were « overlapping » and the activity's budget not computed."""
    return (a[1] == b[0] or b[1] == a[0]) and a[0] < a[1] and b[0] < b[1]


def _covered(budget: Money, by: list[Money]) -> bool:
    """Whether the periods ``by`` cover every day of ``budget``'s period."""
    if budget.start is None or budget.end is None:
        return True
    day = budget.start
    for other in sorted(by, key=lambda b: b.start or dt.date.min):
        if other.start is None or other.end is None or other.start > day:
            break
        day = max(day, other.end + dt.timedelta(days=1))
    return day > budget.end


def _overlapping_periods(activity: Activity, periods: dict[tuple[Any, Any], list[Money]],
                         nets: dict[tuple[Any, Any], float], problems: list[Problem]) -> float | None:
    """The sum of the periods' net budgets, periods that overlap never added together (see _revised_total)."""
    dated = sorted(k for k in nets if None not in k)
    total = sum(v for k, v in nets.items() if None in k)
    groups: list[list[tuple[Any, Any]]] = []
    touching = None  # (a period, the next one) sharing only their boundary day: consecutive, said
    for key in dated:  # sorted by start: a period joins the group it overlaps
        last = groups[-1] if groups else []
        if any(key[0] <= other[1] and not _boundary(other, key) for other in last):
            last.append(key)
        else:
            touching = touching or next(((other, key) for other in last if _boundary(other, key)), None)
            groups.append([key])
    for group in groups:
        if len(group) == 1:
            total += nets[group[0]]
            continue
        start, end = min(s for s, _ in group), max(e for _, e in group)
        whole = next((k for k in group if k == (start, end)), None)
        parts = [k for k in group if k != whole]
        inside = sum(nets[k] for k in parts)
        first = periods[whole][0] if whole else periods[group[0]][0]
        other = periods[parts[0]][0] if whole else periods[group[1]][0]
        if whole is not None and nets[whole] >= inside - 0.005:
            total += nets[whole]
            problems.append(Problem(activity.file, "iati_budget_overlap", f"activity {activity.identifier}: the "
                                    f"budget of {start}..{end} ({_show(round(nets[whole], 2))}) covers {len(parts)} "
                                    f"other budget(s) of its period ({_show(round(inside, 2))} in all, e.g. "
                                    f"{other.path}): they are parts of it, so only it is counted, not their sum",
                                    "Nothing to do if it is the whole budget of the activity; check the file "
                                    "otherwise.", element=first.path, severity="warning"))
            continue
        problems.append(Problem(activity.file, "iati_budget_overlap", f"activity {activity.identifier}: budgets "
                                f"of the same type whose periods overlap ({first.path}: {first.start}..{first.end}, "
                                f"{other.path}: {other.start}..{other.end}) cannot be added, and none covers the "
                                "others with at least their sum: the activity's budget is not computed (not rated)",
                                "Ask the publisher to give budgets of periods that do not overlap (IATI: a "
                                "budget should not span more than a year), or a revised budget (type 2) for the "
                                "period.", element=other.path, value=_show(other.amount), severity="warning"))
        return None
    if touching:
        before, after = (periods[k][0] for k in touching)
        problems.append(Problem(activity.file, "iati_budget_boundary", f"activity {activity.identifier}: budget "
                                f"periods share only the day one ends and the next starts ({before.start}..{before.end}"
                                f", {after.start}..{after.end}): read as consecutive periods, added (a period-end "
                                "written as the next period's start)", "Nothing to do if each budget is its own "
                                "period's; check the file otherwise.", element=after.path, value=_show(after.amount),
                                severity="warning"))
    return total


def _expenditure(activities: list[Activity], amounts: dict[int, float], counted: set[int], params: ProjectParams,
                 problems: list[Problem], lines: set[tuple[str, str]] = frozenset(),  # type: ignore[assignment]
                 budget: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per spending transaction (and country), dated by its transaction-date."""
    spending = set(params.iati.spending)
    rows = []
    both: list[tuple[Activity, dict[str, float], dict[str, str]]] = []  # activities paying with both 3 and 4
    transfers: list[tuple[Activity, float, list[str]]] = []  # activities whose spending is all given to others
    reporting = getattr(params, "reporting_date", None) or dt.date.max   # (make import-iati reads before it has one)
    for activity in activities:
        shares = None
        paid = {"3": 0.0, "4": 0.0}   # disbursed, spent (counted, up to the reporting date)
        first: dict[str, str] = {}
        given: dict[str, None] = {}   # the other organisations its disbursements went to; cleared by any other
        handed = True                 # spending (its own expenditure, a disbursement to no one named or to itself)
        elsewhere: list[Money] = []  # spending in a country that is none of the activity's
        regions: list[Money] = []  # spending of a region (recipient-region), split as the activity's countries
        for money in activity.transactions:
            if money.kind not in spending or id(money) not in counted or money.end is None:
                continue
            if shares is None:
                shares = _shares(activity, [])  # the split's problems are reported by the budget
            split = [(money.country, 1.0)] if money.country else shares
            if money.country and activity.countries and all(c.code != money.country or c.percentage == 0
                                                            for c in activity.countries):
                elsewhere.append(money)   # (a country the activity gives 0 % has no budget line either)
            elif not money.country and money.region and len(split) > 1:
                regions.append(money)
            if money.amount is not None and money.amount < 0:
                problems.append(Problem(activity.file, "negative_amount", f"activity {activity.identifier}: a "
                                        "negative transaction (a reversal?)", "Fine if it cancels an earlier "
                                        "spending; check it otherwise.", element=money.path,
                                        value=_show(money.amount), severity="warning"))
            if money.kind in paid and money.end <= reporting:
                paid[money.kind] += amounts[id(money)]
                first.setdefault(money.kind, money.path)
            if handed:   # (by @ref; by name only when it has none: rare)
                receiver = (money.receiver_org or money.receiver_name) if money.kind == "3" else None
                # (a disbursement naming no receiver: to the implementers it names, when they are others)
                others = _other_implementers(activity) if money.kind == "3" and not receiver else None
                handed = bool(others) if others is not None else bool(receiver) and (
                    receiver.upper() != (activity.publisher or "").upper() if money.receiver_org else
                    _org_name(receiver or "") not in {_org_name(n) for n in activity.reporting_org.values()})
                if handed:
                    given.update(dict.fromkeys(others or [receiver]))   # type: ignore[list-item]
            kind = TRANSACTION_TYPES.get(money.kind, money.kind)
            outside = _outside(activity, money.end)
            if outside:
                problems.append(Problem(activity.file, "iati_outside_dates", f"activity {activity.identifier}: "
                                        f"this {kind} of {money.end.isoformat()} is {outside}", "Fine for a late "
                                        "payment or an advance; check it otherwise (it is counted).",
                                        element=money.path, value=_show(money.amount), severity="warning"))
            written = _written_narratives(money.description) if money.description else None
            labels = _texts("period_label", params, lambda lang: _period_label(money, lang, activity.lang,
                                                                               written))   # (once per transaction)
            for country, share in split:
                rows.append({"line": activity.identifier, "period_end": money.end,
                             "amount": amounts[id(money)] * share, "country": country, **labels,
                             "iati_file": activity.file, "iati_element": money.path})
        if paid["3"] > 0 and paid["4"] > 0:
            both.append((activity, paid, first))
        if handed and given:
            transfers.append((activity, paid["3"], list(given)))
        if regions:  # (before: split by the activity's percentages without a word, as if its countries')
            problems.append(Problem(activity.file, "iati_region_split", f"activity {activity.identifier}: "
                                    f"{len(regions)} spending transaction(s) name a recipient region "
                                    f"({', '.join(sorted({m.region or '' for m in regions}))}), not a country: their "
                                    "money is split as the activity's ("
                                    + ", ".join(f"{c} {_show(round(100 * v, 2))} %" for c, v in
                                                _shares(activity, [])) + "), an estimate of what each country had",
                                    "Nothing to do if the region's money went to the activity's countries so; ask "
                                    "the publisher otherwise.", element=f"{regions[0].path.rsplit('/', 1)[0]}"
                                    "/recipient-region", value=regions[0].region, severity="warning"))
        if elsewhere:  # (before: a line of that country with no budget, the whole project's rate n.d., nothing said)
            countries = sorted({m.country for m in elsewhere if m.country})
            problems.append(Problem(activity.file, "iati_country_outside", f"activity {activity.identifier}: "
                                    f"{len(elsewhere)} spending transaction(s) name a recipient country that is none "
                                    "of the activity's (" + ", ".join(c.code + (" at 0 %" if c.percentage == 0 else "")
                                                                      for c in activity.countries) + "): "
                                    f"{', '.join(countries)}; their spending is that country's, on a line whose "
                                    "budget is not known, so the whole project's budget and rates are not computable "
                                    "unless budget_total is declared", "Ask the publisher which country it is; "
                                    "meanwhile declare budget_total in project.yaml, or leave the activity out "
                                    "(iati.activities).", element=f"{elsewhere[0].path.rsplit('/', 1)[0]}"
                                    "/recipient-country", value=countries[0], severity="warning"))
    if both and budget is not None:
        problems += _disbursed_and_spent(both, budget, params)
    if transfers:
        problems.append(_transfers_only(transfers, params))
    rows += _covered_to_date(rows, activities, params, lines)
    problems += _after_reporting_date(rows, params)
    return _frame("expenditure", rows)


def _other_implementers(activity: Activity) -> list[str]:
    """The implementing organisations (participating-org role 4) an activity names, by @ref else name, when its
    publisher is none of them (a donor's file: SDC's grant the ILO implements); [] otherwise. A disbursement naming
    no receiver in such an activity is the donor's transfer to them: it was read as the project's spending, unsaid."""
    mine = {_org_name(n) for n in activity.reporting_org.values()}
    publisher = (activity.publisher or "").upper()
    others = []
    for role, ref, name, _ in activity.participants:
        if role != "4":
            continue
        if (ref and ref.upper() == publisher) or (name and _org_name(name) in mine):
            return []   # (it implements too: its disbursements may be its own spending on the project)
        if ref or name:
            others.append(ref or name)
    return others


def _transfers_only(transfers: list[tuple[Activity, float, list[str]]], params: ProjectParams) -> Problem:
    """Activities whose spending is only disbursements to other organisations (a donor's file: SDC paying the ILO):
    what was handed over, not what was spent on the project, read as spending without a word (a rate of 80 % for
    the 60 % the implementer spent). One warning for the files, naming the first and the organisations paid."""
    first = transfers[0][0]
    names = list(dict.fromkeys(n for _, _, given in transfers for n in given))
    count = len(transfers)
    return Problem(first.file, "iati_transfers_as_spending", f"{count} activit{'y' if count == 1 else 'ies'} ("
                   + ", ".join(a.identifier for a, _, _ in transfers[:3]) + (", ..." if count > 3 else "")
                   + f") report{'s' if count == 1 else ''} as spending only disbursements to other organisations ("
                   + ", ".join(shown(n) for n in names[:3]) + (", ..." if len(names) > 3 else "")
                   + f"), {_show(round(sum(v for _, v, _ in transfers), 2))} {params.currency} up to the reporting "
                   "date: what their publisher handed over, not what was spent on the project; their financial "
                   "execution rate is the share of the budget transferred",
                   "Nothing to do if that is the rate wanted; for what was spent, use the implementer's own activity "
                   "file (its expenditures, transaction type 4): put it in iati/, or, when it is there, keep only "
                   "its activities (iati.activities in project.yaml).",
                   element=first.path, severity="warning")


def _disbursed_and_spent(both: list[tuple[Activity, dict[str, float], dict[str, str]]], budget: pd.DataFrame,
                         params: ProjectParams) -> list[Problem]:
    """An activity whose disbursements (3) and expenditures (4) are each within its budget and together above it:
    the expenditures may be the spending of the money the disbursements paid (a partner's report of what it was
    given, in the same activity), counted twice as spending without a word (a rate of 160 % for 100 %)."""
    lines = budget[budget["line"].isin({a.identifier for a, _, _ in both})].groupby("line")["budget"]
    totals = lines.sum(min_count=1).where(lines.count() == lines.size())   # (a country's budget n.d.: not known)
    problems = []
    for activity, paid, first in both:
        total = totals.get(activity.identifier)
        if total is None or not total > 0 or max(paid.values()) > total or sum(paid.values()) <= total * 1.01:
            continue
        cur = params.currency
        problems.append(Problem(activity.file, "iati_disbursed_and_spent", f"activity {activity.identifier}: its "
                                f"disbursements (type 3, {_show(round(paid['3'], 2))} {cur}) and its expenditures "
                                f"(type 4, {_show(round(paid['4'], 2))} {cur}) up to the reporting date are each "
                                f"within its budget ({_show(round(total, 2))} {cur}), together "
                                f"{_percent(sum(paid.values()) / total)} of it: both are counted as spending. If "
                                "the expenditures are the spending of the money the disbursements paid (a "
                                "partner's report of what it was given), that money is counted twice",
                                "Ask the publisher; if so, count one of them (iati: spending: [3], or [4], in "
                                "project.yaml); nothing to do if they are different money.", element=first["4"],
                                value=_show(round(paid["4"], 2)), severity="warning"))
    return problems


def _after_reporting_date(rows: list[dict[str, Any]], params: ProjectParams) -> list[Problem]:
    """Spending paid after reporting_date, which make import-iati wrote as the last payment's date of the file it
    imported: before, a newer file put in its place kept its old date, and its later payments were left out of
    every figure without a word (the annex « as of » the old date)."""
    reporting = getattr(params, "reporting_date", None)
    after = [r for r in rows if reporting and r["period_end"] > reporting]
    if not after:
        return []
    first = min(after, key=lambda r: r["period_end"])
    count = len({(r["iati_file"], r["iati_element"]) for r in after})
    return [Problem(first["iati_file"], "iati_after_reporting_date", f"{count} spending transaction(s) of the IATI "
                    f"files ({_show(round(sum(r['amount'] for r in after), 2))} {params.currency}, "
                    f"{first['period_end']} to {max(r['period_end'] for r in after)}) are dated after the reporting "
                    f"date ({reporting}): the annexes count the spending up to that date, without them",
                    f"Nothing to do if the annexes describe the project on {reporting}; else write the date they "
                    "describe as reporting_date in project.yaml (make import-iati wrote the last payment's date of "
                    "the file it imported: a newer file does not change it).", element=first["iati_element"],
                    value=_show(first["amount"]), severity="warning")]


def _covered_to_date(rows: list[dict[str, Any]], activities: list[Activity], params: ProjectParams,
                     lines_of_budget: set[tuple[str, str]] = frozenset()) -> list[dict[str, Any]]:  # type: ignore[assignment]
    """A row of 0 at the reporting date for each country whose last transaction is before it, when the files that
    report its spending were written on or after it: a transaction is an event, not a period, and the file says
    nothing was paid since. Without it the country's spending was « not computable: the expenditure data ends on
    2021-09-30 », and so was the whole project's, for a file written on 2022-01-20 about 2021."""
    reporting = getattr(params, "reporting_date", None)  # (make import-iati reads the files before it has one)
    if reporting is None:
        return []
    day = dt.date.fromisoformat(str(reporting)[:10])
    by_id = {a.identifier: a for a in activities}
    last: dict[str, dict[str, Any]] = {}
    lines: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        country = row["country"]
        lines[country].add(row["line"])
        if country not in last or row["period_end"] >= last[country]["period_end"]:
            last[country] = row
    added = []
    for country, row in last.items():
        written = [by_id[line].written for line in lines[country]]
        if row["period_end"] >= day or None in written or min(written) < day:  # type: ignore[type-var]
            continue
        since, file_day = row["period_end"].isoformat(), min(written).isoformat()  # type: ignore[type-var]
        labels = _texts("period_label", params, lambda lang: f"aucune transaction publiée après le {since} "
                        f"(fichier IATI du {file_day})" if lang == "fr" else f"no transaction published after {since} "
                        f"(IATI file of {file_day})")
        added.append({**row, "period_end": day, "amount": 0.0, **labels,
                      "iati_element": row["iati_element"].split("/")[0]})
    # A country of an activity's split that none of its transactions names, the others naming theirs (MA 100, none
    # to TN): the file says nothing was paid there. Before, TN's spending was « not known », and so was the whole
    # project's. (An activity that reports no spending at all says nothing of it: still not known.)
    paying = {row["line"] for row in rows}
    for activity in activities:
        if activity.identifier not in paying or not activity.countries or activity.written is None \
                or activity.written < day:
            continue
        for country, _ in _shares(activity, []):
            if country == REGIONAL or country in last or (activity.identifier, country) not in lines_of_budget:
                continue
            file_day = activity.written.isoformat()
            labels = _texts("period_label", params, lambda lang: f"aucune transaction publiée pour ce pays (fichier "
                            f"IATI du {file_day})" if lang == "fr" else f"no transaction published for this country "
                            f"(IATI file of {file_day})")
            last[country] = {"line": activity.identifier, "period_end": day, "amount": 0.0, "country": country,
                             **labels, "iati_file": activity.file, "iati_element": activity.path}
            added.append(last[country])
    return added


def _written_narratives(written: list[tuple[str, str | None]]) -> dict[str, str]:
    """A transaction's description as ``_narratives`` reads an element: language -> its first text."""
    out: dict[str, str] = {}
    for lang, raw in written:
        text = " ".join((raw or "").split())
        language = lang.strip().lower()[:2]
        if text and language not in out:
            out[language] = text
    return out


# a spending row's label names its transaction type in the annex language: a French annex's rows read « expenditure
# 2009-03-31 (…) », « disbursement … » (and so did its figures.csv and the reasons quoting a row's period)
KIND_LABELS = {"fr": {"1": "fonds reçus", "2": "engagement", "3": "décaissement", "4": "dépense",
                      "5": "paiement d'intérêts", "6": "remboursement de prêt", "7": "remboursement",
                      "8": "achat de participations", "9": "vente de participations", "10": "garantie de crédit",
                      "11": "engagement reçu", "12": "promesse de don", "13": "promesse reçue"},
               "en": TRANSACTION_TYPES}


def _period_label(money: Money, language: str, default: str, texts: Any = None) -> str:
    """« dépense 2009-03-31 (Aggregated spend data…) » (« expenditure … » in English): the transaction's type and
    date, and its description (``texts``, its narratives as written), at most 60 characters."""
    kind = KIND_LABELS.get(language, TRANSACTION_TYPES).get(money.kind, money.kind or "transaction")
    label = f"{kind} {money.end.isoformat() if money.end else '?'}"
    text = in_language(texts, language, default) if texts else None
    if text:
        label += f" ({text if len(text) <= SHOWN else text[:SHOWN - 1].rstrip() + '…'})"
    return label


def _outside(activity: Activity, day: dt.date) -> str:
    """'' when ``day`` is within the activity's dates (actual, else planned), else which side it falls."""
    start = activity.dates.get("2") or activity.dates.get("1")
    end = activity.dates.get("4") or activity.dates.get("3")
    if start and day < start:
        return f"before the activity's start ({start.isoformat()})"
    if end and day > end:
        return f"after the activity's end ({end.isoformat()})"
    return ""


YES_NO = {"yes", "no", "oui", "non", "si", "true", "false", "vrai", "faux", "y", "n", "o"}
SEX_WORD = re.compile(r"[a-z\u0621-\u064a]+")   # (Arabic letters too: « الجنس » = « أنثى »)


def sex_of(dimensions: Iterable[tuple[str, str]]) -> str | None:
    """'f', 'm', 'total' for a sex dimension (named sex, gender, 'Gender - genre'...), None when there is none."""
    for name, value in dimensions:
        name_words = set(SEX_WORD.findall(fold(name)))
        value_words = set(SEX_WORD.findall(fold(value)))
        if name_words & SEX_NAMES:
            female, male = value_words & FEMALE, value_words & MALE
            if female and male:  # « Male and Female », « F+M », « Hommes et femmes »: both sexes, the total (read
                return "total"   # as women before: women 30 + 42 = 72, the total 84 for 42)
            if female:
                return "f"
            if male:
                return "m"
            if value_words & TOTAL:
                return "total"
            return "unknown"
        if value_words and value_words <= YES_NO:  # « Female headed household » = « No »: a kind of household,
            continue   # not a sex (its yes and no were both women's before: 100 % women)
        if name_words & FEMALE and not name_words & MALE:  # a dimension named after the sex: name="female"
            return "f"
        if name_words & MALE and not name_words & FEMALE:
            return "m"
    return None


_sex_of_cell = lru_cache(maxsize=4096)(sex_of)   # (a cell's dimensions, a tuple: the few kinds repeat)


def _by_sex(cells: list[Cell], what: str, where: str, activity: Activity, problems: list[Problem],
            measure: str = "1") -> dict[str, float | None]:
    """sex -> value: f and m add their cells; the total is the cell without dimension, else the sum (with a note).
    Several cells without dimension (one per location) are added for a count (measure 1); a percentage or a rank
    cannot be added: the total is then not computed, with a warning saying why."""
    out: dict[str, float | None] = {}
    if not cells:  # most indicators have no baseline, many periods no target or actual
        return out
    if len(cells) == 1 and not cells[0].dimensions and not cells[0].locations:   # the usual case: one plain value
        return {"total": cells[0].value}
    totals, dimensioned, unknown = [], [], []
    by_sex: dict[str, list[Cell]] = defaultdict(list)
    for cell in cells:
        sex = _sex_of_cell(cell.dimensions)
        if sex == "unknown":
            unknown.append(cell)
            sex = None
        if not cell.dimensions or sex == "total" and len(cell.dimensions) == 1:
            totals.append(cell)
            continue
        dimensioned.append(cell)
        if sex in ("f", "m"):
            by_sex[sex].append(cell)
    addable = measure == "1"  # counts add up; a percentage or a rank does not (11 % + 13 % is not 24 %)
    for sex, items in by_sex.items():
        items = _without_parts(items)
        values = [c.value for c in items if c.value is not None]
        if addable or len(items) == 1:
            out[sex] = _one_breakdown(items, f"{what} for {'women' if sex == 'f' else 'men'}", where, activity,
                                      problems) if len(items) > 1 else values[0] if values else None
            continue
        out[sex] = None
        _not_added(items, f"{what} for {'women' if sex == 'f' else 'men'}", where, activity, problems, measure)
    for cell in unknown:
        _unknown_sex(cell, out if addable else {}, totals, dimensioned, activity, problems)
    plain = [c for c in totals if not c.locations]
    if len(totals) == 1 or len(plain) == 1:  # the one value without location is the total, beside its parts
        out["total"] = (plain or totals)[0].value
    elif totals:
        out["total"] = _located_total(totals, what, where, activity, problems, measure)
    elif dimensioned and not addable:  # a percentage of one group is not the total's
        out["total"] = None
        if any(c.value is not None for c in dimensioned):
            _not_added(dimensioned, f"total {what}", where, activity, problems, measure)
    elif dimensioned:
        ways: list[frozenset[str]] = []
        out["total"] = _one_breakdown(dimensioned, f"total {what}", where, activity, problems, ways)
        if out["total"] is not None:
            kinds = sorted({n for c in dimensioned for n, _ in c.dimensions})
            summed = (f"the sum of {len(dimensioned)} cell(s) by {', '.join(kinds)}" if len(ways) < 2 else
                      "the sum of the cells " + " and, the same, of those ".join(
                          f"by {', '.join(sorted(way))}" for way in sorted(ways, key=sorted)) + " (not of all)")
            problems.append(Problem(activity.file, "iati_total_summed", f"activity {activity.identifier}: no total "
                                    f"{what} is given: the total is {summed}",
                                    "Check that the cells cover the whole population.",
                                    element=where, value=_show(out["total"]), severity="warning"))
    return out


def _unknown_sex(cell: Cell, out: dict[str, float | None], totals: list[Cell], dimensioned: list[Cell],
                 activity: Activity, problems: list[Problem]) -> None:
    """A cell whose sex dimension's value is not recognised: counted in the total only, or, when it is women's and
    men's sum beside them and no total is given, read as their total (« Gesamt », « Totaal »: before, added to them,
    the total twice what it is: 84 for 42)."""
    women, men = out.get("f"), out.get("m")
    both = None if women is None or men is None else women + men
    read = (both is not None and cell.value is not None and len(cell.dimensions) == 1 and not cell.locations
            and not any(not c.locations for c in totals) and math.isclose(cell.value, both, abs_tol=1e-9))
    if read:
        dimensioned.remove(cell)
        totals.append(cell)
    problems.append(Problem(activity.file, "iati_unknown_sex", f"activity {activity.identifier}: the sex dimension's "
                            "value is not recognised: " + (f"it is women's and men's sum ({_show(both)}), so the "
                                                           "cell is read as their total" if read else
                                                           "the cell is counted in the total only"),
                            "Nothing to do, or ask the publisher to use female / male" + (" / total." if read else "."),
                            element=cell.path, value="; ".join(f"{n}={v}" for n, v in cell.dimensions),
                            severity="warning"))


def _without_parts(cells: list[Cell]) -> list[Cell]:
    """The cells without location when there are some beside cells with one: the located ones are their parts, as
    the one total without location is beside the totals by location. Before, women's 30 and again 10 and 20 by
    location were added: 60 women, and a total summed from the cells 84 for 42."""
    plain = [c for c in cells if not c.locations]
    return plain if plain and len(plain) < len(cells) else cells


@lru_cache(maxsize=4096)   # (a portfolio file repeats a few dimensions over thousands of cells)
def _breakdown_of(dimensions: tuple[tuple[str, str], ...]) -> frozenset[str]:
    kinds = set()
    for name, value in dimensions:
        sex = sex_of(((name, value),))
        if sex != "total":
            kinds.add("sex" if sex else fold(name))
    return frozenset(kinds)


def _breakdown(cell: Cell) -> frozenset[str]:
    """What a cell breaks its figure down by: its dimensions' names, a sex however written as 'sex', a sex 'total'
    as none (the cell of all women and men aged 15-24 is a cell by age)."""
    return _breakdown_of(cell.dimensions)


def _breakdown_sums(cells: list[Cell]) -> dict[frozenset[str], float]:
    """The sum of the cells of each breakdown (their dimensions' names, as _breakdown gives them)."""
    sums: dict[frozenset[str], float] = {}
    for cell in cells:
        if cell.value is not None:
            kind = _breakdown(cell)
            sums[kind] = sums.get(kind, 0.0) + cell.value
    return sums


def _agreed(sums: dict[frozenset[str], float]) -> float | None:
    values = list(sums.values())
    if not values or max(values) - min(values) > 1e-9 * max(1.0, abs(max(values))):
        return None
    return max(values)


def _one_breakdown(cells: list[Cell], what: str, where: str, activity: Activity,
                   problems: list[Problem], ways: list[frozenset[str]] | None = None) -> float | None:
    """The sum of count cells. Cells that break the figure down in different ways (by sex, and again by age, as
    publishers give each breakdown of one actual) each add up to the whole: their sum counted everyone twice (30 f +
    12 m + 15 aged 15-24 + 27 aged 25+ gave 84 for 42). Their sums are the figure when they agree; else it is not
    computed, with a warning giving them. For a total (``ways`` given, the breakdowns used put in it), the cells
    with a sex are one breakdown: each sex's figure (women by age added, or women alone: the same), added."""
    if ways is None:
        sums = _breakdown_sums(cells)
    else:
        sexed: dict[str | None, list[Cell]] = defaultdict(list)
        others = []
        for cell in cells:
            kind = _breakdown(cell)
            (sexed[_sex_of_cell(cell.dimensions)] if "sex" in kind else others).append(cell)
        sums = _breakdown_sums(_without_parts(others))
        if sexed:
            parts = [_agreed(_breakdown_sums(_without_parts(items))) for items in sexed.values()]
            if None not in parts:
                sums[frozenset({"sex"})] = sum(parts)  # type: ignore[arg-type]
        ways += sorted(sums, key=sorted)
    if len(sums) < 2:
        return next(iter(sums.values()), None)
    agreed = _agreed(sums)
    if agreed is not None:
        return agreed
    given = "; ".join(f"by {', '.join(sorted(kind))}: {_show(sums[kind])}" for kind in sorted(sums, key=sorted))
    problems.append(Problem(activity.file, "iati_not_added", f"activity {activity.identifier}: the {what} is given "
                            f"by several breakdowns that do not add up to the same figure ({given}): each is the "
                            "whole group, so they are not added together, and which one is right is not known: it "
                            "is not computed (not rated)", "Ask the publisher for the value of the whole group (a "
                            "cell without dimension), or for breakdowns that add up to it.", element=where,
                            value=given, severity="warning"))
    return None


def _not_added(cells: list[Cell], what: str, where: str, activity: Activity, problems: list[Problem],
               measure: str) -> None:
    problems.append(Problem(activity.file, "iati_not_added", f"activity {activity.identifier}: the {what} is not "
                            f"given as one value: {len(cells)} cell(s) by "
                            f"{', '.join(sorted({n for c in cells for n, _ in c.dimensions}))} ({cells[0].path}...) "
                            f"are parts of it, and values of a {MEASURES.get(measure, measure)} measure are never "
                            "added: it is not computed (not rated)", "Ask the publisher for the value of the whole "
                            "group (a cell without the other dimensions).", element=where,
                            value=", ".join(_show(c.value) or "?" for c in cells[:5]), severity="warning"))


def _located_total(totals: list[Cell], what: str, where: str, activity: Activity, problems: list[Problem],
                   measure: str) -> float | None:
    """Several cells without dimension for one period: the sum of distinct locations for a count, else None."""
    places = [c.locations for c in totals]
    values = [c.value for c in totals]
    distinct = all(places) and len(set(places)) == len(places)
    if measure == "1" and distinct and None not in values:
        total = sum(values)  # type: ignore[arg-type]
        problems.append(Problem(activity.file, "iati_total_summed", f"activity {activity.identifier}: no total "
                                f"{what} is given: the total is the sum of the {len(totals)} locations' values "
                                f"({', '.join('+'.join(p) for p in places)})", "Check that the locations cover the "
                                "whole indicator.", element=where, value=_show(total), severity="warning"))
        return total
    why = ("its values are not all numbers" if None in values and distinct and measure == "1" else
           "they are not told apart by distinct locations, so which one is the figure is not known" if not distinct
           else f"values of a {MEASURES.get(measure, measure)} measure cannot be added")
    problems.append(Problem(activity.file, "iati_total_not_computed", f"activity {activity.identifier}: "
                            f"{len(totals)} {what} values without dimension for this period ({totals[0].path}, "
                            f"{totals[1].path}...), and {why}: the total {what} is not computed (not rated)",
                            "Ask the publisher for one total value per period (a cell without location), or for "
                            "values by location of a count.", element=where,
                            value=", ".join(_show(v) or "?" for v in values[:5]), severity="warning"))
    return None


def _indicators(activities: list[Activity], params: ProjectParams, problems: list[Problem]) -> pd.DataFrame:
    """One row per indicator, period and sex (f, m, total)."""
    rows = []
    users: dict[str, set[str]] = defaultdict(set)  # reference code -> activities that use it
    twice: set[tuple[str, str]] = set()  # (activity, code) of a code two indicators of one activity use
    for activity in activities:
        codes = Counter(i.code for i in activity.indicators if i.code)
        for code, count in codes.items():
            users[code].add(activity.identifier)
            if count > 1:
                twice.add((activity.identifier, code))
    for activity in activities:
        shares = _shares(activity, [])
        country = shares[0][0] if len(shares) == 1 else REGIONAL
        for indicator in activity.indicators:
            result, number = INDICATOR_PATH.search(indicator.path).groups()  # type: ignore[union-attr]
            identifier = f"{activity.identifier}/R{result}.I{number}"
            if indicator.code:  # a code several activities use (a standard indicator) is told apart by activity,
                # two indicators of one activity by their position too (valid IATI: the same standard, twice)
                identifier = f"{identifier}/{indicator.code}" if (activity.identifier, indicator.code) in twice else \
                    indicator.code if len(users[indicator.code]) == 1 else f"{activity.identifier}/{indicator.code}"
            texts = {**_texts("label", params, lambda lang: in_language(indicator.title, lang, activity.lang)
                              or identifier),
                     **_texts("unit", params,
                              lambda lang: UNITS.get(indicator.measure, UNITS["1"])[LANGUAGES.index(lang)])}
            baseline = _by_sex(indicator.baselines, "baseline", indicator.path, activity, problems,
                               indicator.measure)
            periods: dict[tuple[Any, Any], list[Period]] = defaultdict(list)
            for period in indicator.periods:  # the same dates repeated, one per cell, are one period
                periods[(period.start, period.end)].append(period)
            if not periods:
                periods[(None, None)] = []
            for (start, end), items in periods.items():
                where = items[0].path if items else indicator.path
                targets = _by_sex([c for p in items for c in p.targets], "target", where, activity, problems,
                                  indicator.measure)
                actuals = _by_sex([c for p in items for c in p.actuals], "actual", where, activity, problems,
                                  indicator.measure)
                sexes = [s for s in ("total", "f", "m") if s in targets or s in actuals or s in baseline] or ["total"]
                for sex in sexes:
                    rows.append({"indicator_id": identifier, "period": _period_text(start, end),
                                 "actual": actuals.get(sex), **texts, "level": indicator.level,
                                 "baseline": baseline.get(sex), "target": targets.get(sex),
                                 "direction": "increase" if indicator.ascending else "decrease",
                                 "country": country, "sex": sex, "iati_file": activity.file,
                                 "iati_element": where})
    return _frame("indicators", rows)


@lru_cache(maxsize=65536)  # the same periods repeat across indicators
def _period_text(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return "-"
    return f"{start.isoformat() if start else '?'}/{end.isoformat() if end else '?'}"


def _validated(name: str, frame: pd.DataFrame) -> list[Problem]:
    """The contract's pandera rules, per file, each problem pointing at the element of its row."""
    problems = []
    for file, rows in frame.groupby("iati_file", sort=True):
        def where(index: Any, column: str | None, rows: pd.DataFrame = rows) -> dict[str, Any]:
            element = rows.at[index, "iati_element"] if index in rows.index else None
            return {"element": element, "column": column}

        problems += validate_table(name, rows, str(file), where)
    return problems


def _row_warnings(name: str, frame: pd.DataFrame) -> list[Problem]:
    """The contract's row warnings (data.spec), as a CSV table has them in make check, each at its row's element: an
    IATI percentage indicator's actual of 0.4 beside its target of 45 was rated 0.9 %, red, and make check said
    nothing (the annex's anomalies alone listed it)."""
    problems = []
    for warning in SPEC[name].warnings:
        if frame[warning.column].isna().all():   # (target_final: IATI has none; a fifth of this step's time)
            continue
        rows = frame.index[pd.Series(warning.when(frame), index=frame.index).fillna(False).to_numpy(dtype=bool)]
        for index in rows:   # (the few rows concerned)
            value = frame.at[index, warning.column]
            problems.append(Problem(str(frame.at[index, "iati_file"]), warning.rule, warning.message, warning.hint,
                                    element=frame.at[index, "iati_element"], column=warning.column,
                                    value=_show(value) if warning.show_value and isinstance(value, float)
                                    and not math.isnan(value) else None, severity="warning"))
    return problems


def _show(value: float | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# ================================================================= the title block


def _implementers(activities: list[Activity], language: str) -> list[str]:
    """Who implements: each publisher, unless none of its activities has it implementing or names no implementer,
    all of them naming implementing organisations (participating-org role 4) it is not one of (a donor's file: SDC
    reporting the project the ILO implements was written « implementer: SDC », shown on every annex): then those."""
    doers: dict[str, list[str]] = {}   # publisher -> who implements its activities ([] once it does itself)
    for activity in activities:
        mine = in_language(activity.reporting_org, language, activity.lang) or ""
        named = [(ref, name) for role, ref, name, _ in activity.participants if role == "4" and (ref or name)]
        if not named or any((ref and ref == activity.publisher) or (name and mine and _org_name(name) ==
                            _org_name(mine)) for ref, name in named):
            doers[mine] = []
        elif doers.setdefault(mine, [""]):
            doers[mine] += [name or ref for ref, name in named]
    return list(dict.fromkeys(name for mine, names in doers.items() for name in (names[1:] or [mine]) if name))


def about(activities: list[Activity], language: str, spending: Iterable[str] = ("3", "4")) -> About:
    """What the files say of the project: for make import-iati to fill project.yaml (to be checked)."""
    info = About()
    if not activities:
        return info
    ids = {a.identifier for a in activities}
    parents = {ref for a in activities for ref, kind in a.related if kind == "1" and ref in ids}
    roots = [a for a in activities if a.identifier in parents or not any(
        kind == "1" and ref in ids for ref, kind in a.related)]
    # every publisher of a file gathering several (a d-portal download): the first alone named the donor of a
    # file holding the donor's and the implementer's activities as its implementer
    orgs = list(dict.fromkeys(o for a in activities if (o := in_language(a.reporting_org, language, a.lang))))
    org = ", ".join(orgs[:3]) + (f" (+{len(orgs) - 3})" if len(orgs) > 3 else "")
    doers = _implementers(activities, language)
    if len(roots) == 1:
        info.title, info.code = _title(roots[0], language), roots[0].identifier
    else:
        info.title = (f"{org or 'IATI'} : {len(activities)} activités" if language == "fr"
                      else f"{org or 'IATI'}: {len(activities)} activities")
    info.implementer = ", ".join(doers[:3]) + (f" (+{len(doers) - 3})" if len(doers) > 3 else "") or None
    funders = [in_language(f, language, a.lang) for a in activities for f in a.funders]
    info.donor = ", ".join(dict.fromkeys(f for f in funders if f)) or None
    currencies = Counter(m.currency for a in activities for m in (*a.budgets, *a.transactions)
                         if m.currency and m.amount is not None)
    info.currencies = [c for c, _ in currencies.most_common()]
    info.currency = info.currencies[0] if info.currencies else None
    starts = [a.dates.get("2") or a.dates.get("1") for a in activities]
    ends = [a.dates.get("4") or a.dates.get("3") for a in activities]
    money_days = [d for a in activities for m in (*a.budgets, *a.transactions) for d in (m.start, m.end) if d]
    info.start_date = min([d for d in starts if d] or money_days or [None])  # type: ignore[type-var]
    info.end_date = max([d for d in ends if d] or money_days or [None])  # type: ignore[type-var]
    spent_days = [t.end for a in activities for t in a.transactions if t.kind in set(spending) and t.end
                  and (a.written is None or t.end <= a.written)]  # a payment after the file's day is not made
    result_days = [p.end for a in activities for i in a.indicators for p in i.periods if p.end]
    info.reporting_date = max(spent_days or result_days or money_days or [None])  # type: ignore[type-var]
    written = max((a.written for a in activities if a.written), default=None)
    if info.reporting_date and written and info.reporting_date > written:  # (a budget's or a target's end): the
        info.reporting_date = written                                     # file describes no later day
    for activity in activities:
        for country in activity.countries:
            name = in_language(country.names, language, activity.lang)
            if country.code not in info.countries or name:
                info.countries[country.code] = name or info.countries.get(country.code) or country.code
        if not activity.countries:  # countries on the transactions only: named from the ISO table
            for money in activity.transactions:
                if money.country and money.country not in info.countries:
                    info.countries[money.country] = country_name(money.country, language) or money.country
    return info
