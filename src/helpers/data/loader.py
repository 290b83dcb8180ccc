"""load_project(): read, validate and type every table of a project. The only way notebooks get data.

Steps for each table (one small function each): find its file (``<table>.csv`` or ``<table>.xlsx``), read it as raw
text (readers), check its header, type each column (numbers with the project's decimal mark, dates, yes/no, status
codes, enumerations), apply the pandera rules (schemas.validate_table), then the rules across tables. Every problem
is collected; ``load_project`` raises ``ValidationFailed`` with all the errors at once, and keeps warnings in
``ProjectData.warnings``. ``check_project`` returns every problem, params included, without raising.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import re
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import TypeAdapter, ValidationError

from . import as_of, headers, lines as lines_mod, numbers, register, spending, totals
from ..errors import Problem, ValidationFailed, did_you_mean
from ..text import (COMPARISON_WORDS, NOT_KNOWN_WORDS, PROJECT_WIDE_WORDS, SEX_WORDS, TOTAL_WORDS,  # noqa: F401
                    ALL, INVISIBLE, as_code, fold, is_all, is_dash, is_not_known, is_project_wide, plain_code)   # (loader.fold re-exported)
from .params import (AnnexParams, ProjectParams, ambiguous_amounts, annex_name_clashes, currency_named,
                     duplicate_annexes, load_annex_params, load_project_params, report_decimal_mark)
from ..paths import DATA_DIR, PARAMS_DIR, annex_names, relative
from .countries import country_code, country_name, same_country
from .currencies import currency_code, is_iso_code, is_known, minor_units, same_currency
from .inputs import beside, exists, load_described, one_error_per_key, read_yaml, recording, yaml_read_once
from .model import (DIFFERENTIAL_ATTRITION, ProjectData, Study, each_distinct, factorized,  # noqa: F401
                    scope, units_in_several_rounds)  # (ProjectData, Study, scope re-exported)
from .model import assigned_by, country_named_otherwise
from . import readers
from .readers import UNREADABLE, RawTable, column_letter, column_position, header_name, read_table
from .readers import sheet_layout_problems
from .readers import number_kind
from .readers import shows_plus
from .schemas import StudySpec, validate_table
from .spec import (AMBIGUOUS_COLUMNS, COLUMNS, DEFAULTS, ENUMERATIONS, FINANCED_TABLES, KINDS as DTYPES,  # noqa: F401
                   ENGLISH_HEADERS, REGIONAL, REQUIRED, SPEC, TABLES, Column, Table, blank, repeats, split_lines)
from .status import accepted_text, normalise_status
from .surveys import code_problems, load_surveys


# ================================================================= public functions


def load_project(project: str, data_dir: Path = DATA_DIR, params_dir: Path = PARAMS_DIR) -> ProjectData:
    """Raises errors.ValidationFailed with every problem when anything breaks the contract."""
    with yaml_read_once():   # (each params file read once: inputs.yaml_read_once)
        params = load_project_params(project, params_dir)
        with recording() as read:
            data, problems, _ = _load(project, params, data_dir)
    data.digests = read
    if any(p.severity == "error" for p in problems):
        raise ValidationFailed(problems)
    data.warnings = problems
    return data


def check_project(project: str, data_dir: Path = DATA_DIR, params_dir: Path = PARAMS_DIR) -> list[Problem]:
    """Every problem (errors and warnings) in a project's params, annex files, tables and studies."""
    return check_and_load(project, data_dir, params_dir)[0]


def check_and_load(project: str, data_dir: Path = DATA_DIR,
                   params_dir: Path = PARAMS_DIR) -> tuple[list[Problem], ProjectData | None]:
    """check_project's problems and, when none is an error, what load_project returns: one reading for both."""
    with yaml_read_once():   # project.yaml was read once per annex file and once per rule that looks at it
        problems, data = _check_and_load(project, data_dir, params_dir)
    # a hint written for any project (« declare `encoding: cp1252` in params/<project>/project.yaml ») names this one
    return [dataclasses.replace(p, hint=p.hint.replace("<project>", project)) if "<project>" in p.hint else p
            for p in problems], data


def _check_and_load(project: str, data_dir: Path, params_dir: Path) -> tuple[list[Problem], ProjectData | None]:
    problems: list[Problem] = []
    valid_params = True
    try:
        params = load_project_params(project, params_dir)
    except ValidationFailed as exc:
        problems += exc.problems
        if any(p.rule in ("missing_project", "slug") for p in exc.problems):
            return problems, None
        params = _fallback_params(params_dir / project / "project.yaml")
        valid_params = False
    # project.yaml with errors: each annex file is still checked, alone (else its own errors showed only once
    # project.yaml was fixed, a second round of make check)
    base = None
    if not valid_params:   # as written, with the defaults of the keys it leaves out
        written = read_yaml(params_dir / project / "project.yaml")[0]
        written = written if isinstance(written, dict) else {}
        base = {key: field.get_default(call_default_factory=True)
                for key, field in ProjectParams.model_fields.items() if not field.is_required()}
        base.update(written)
        if "decimal_mark" in written and "decimal_mark" not in params.model_fields_set or not written:
            base.pop("decimal_mark")   # not known (project.yaml unreadable, or its decimal_mark wrong)
    annexes: list[AnnexParams] = []
    problems += annex_name_clashes(project, params_dir)
    for annex in annex_names(project, params_dir):
        try:
            annexes.append(load_annex_params(project, annex, params_dir, base))
        except ValidationFailed as exc:
            problems += [p for p in exc.problems if p not in problems]
    with recording() as read:
        data, data_problems, table_files = _load(project, params, data_dir)
    data.digests = read
    if _every_annex_all(annexes, project, params_dir, valid_params):
        # a project whose every annex is `country: all` (one country): a sheet named after its country holds its
        # rows, shown in that annex; the warning asked for the `country: all` already written
        data_problems = [p for p in data_problems if p.rule != "sheet_of_a_country"]
    problems += data_problems
    if any(p.rule == "missing_data_folder" for p in data_problems):
        annexes = []  # nothing to compare the annexes' countries with
    # a table that could not be read at all (UTF-16, a workbook named .csv...) gives no countries: « no table has
    # rows for the country 'Maroc' », « no rows for 'Maroc' in 3 tables » were consequences of its one error
    unread = {p.file for p in data_problems if p.severity == "error" and p.rule in UNREADABLE}
    if any(name not in data.present and relative(path) in unread for name, path in table_files.items()):
        annexes = []
    for annex in annexes:
        problems += _country_problems(annex, data, table_files, params_dir, any(a.is_all for a in annexes))
    problems += _countries_without_annex(annexes, data, table_files)
    problems += _iati_countries_without_annex(annexes, data, params_dir / project, problems)
    problems += _params_not_read(params_dir / project)
    if not annex_names(project, params_dir):
        problems += _no_annex(annexes, data, params_dir / project)
    # lines not yet read as they will be (a totals row refused, an amount not read) add up to nothing meaningful: the
    # sum waits for the budget file's errors to be fixed (a refused TOTAL row doubled it)
    budget_file = relative(table_files["budget"]) if "budget" in table_files else None
    lines_read = not any(p.severity == "error" and p.file == budget_file or p.rule == "missing_data_folder"
                         for p in data_problems)
    if lines_read:
        problems += _lines_above_budget_total(data, params_dir / project / "project.yaml")
        problems += _budget_total_not_the_files(data, data_problems, params_dir / project / "project.yaml")
    for annex in annexes:   # a country annex's own budget_total (its file's), against its own lines
        if lines_read and not annex.is_all and annex.budget_total:
            problems += _lines_above_budget_total(scope(dataclasses.replace(data, params=annex), annex.country),
                                                  params_dir / project / f"{annex.annex}.yaml")
    # events not yet read as they will be (a count refused) name no line for now: the benchmarks wait for them
    # (a participation.xlsb or .sav not read is no table_files' entry, and only warned: found by the file's name)
    events_file = relative(table_files["participation"]) if "participation" in table_files else None
    events_read = not any((p.severity == "error" or p.rule == "file_not_read") and (
        p.file == events_file or Path(str(p.file)).stem.lower() == "participation") for p in data_problems)
    problems += _benchmarks_not_used(params.unit_cost_benchmarks, data, params_dir / project / "project.yaml", ALL,
                                     events_read)
    # an amount of a params file that reads two ways (3 000,000), as a table's cell is told: each file its own
    if valid_params:
        problems += ambiguous_amounts(params_dir / project / "project.yaml", params)
        problems += currency_named(params_dir / project / "project.yaml", params)
    for annex in annexes:
        problems += ambiguous_amounts(params_dir / project / f"{annex.annex}.yaml", annex)
    for annex in annexes:   # an annex file's own benchmarks, said at its file
        own = read_yaml(params_dir / project / f"{annex.annex}.yaml")[0]
        if isinstance(own, dict) and isinstance(own.get("unit_cost_benchmarks"), dict):
            problems += _benchmarks_not_used({k: v for k, v in annex.unit_cost_benchmarks.items()
                                              if k in own["unit_cost_benchmarks"]}, data,
                                             params_dir / project / f"{annex.annex}.yaml", annex.country, events_read)
    problems += duplicate_annexes(annexes, params_dir)   # two files, one country: both named
    if not valid_params or any(p.severity == "error" for p in problems):
        return problems, None
    data.warnings = data_problems
    return problems, data


# ================================================================= a whole project


def _budget_total_not_the_files(data: ProjectData, found: list[Problem], path: Path) -> list[Problem]:
    """budget_total beside a budget read from IATI files, which make import-iati wrote as the files' budget of that
    day when their activities name their countries on their transactions only (their budget split by no country:
    the whole project's rate divides by budget_total). Before, a file replaced by a newer download (budget 1500)
    kept the old total (1000) without a word: 90 % spent for 60 %; or, the new file's budget lower (800), an
    « unallocated budget » of 200 and a rate over 1000. (Lines above budget_total: _lines_above_budget_total.)"""
    declared = getattr(data.params, "budget_total", None)
    budget = data.tables["budget"]
    if not declared or "budget" not in data.present or "iati_element" not in budget:
        return []
    from .iati import unsplit_budget

    files = unsplit_budget(budget, found)
    unsplit = files is not None
    if not unsplit and not any(p.rule == "iati_country_transactions_only" for p in found) \
            and len(budget) and not budget["budget"].isna().any():
        files = float(budget["budget"].sum())
        if files > declared:   # (said by lines_above_budget_total)
            return []
    if files is None or abs(files - declared) <= 0.005:
        return []
    currency = data.params.currency
    return [Problem(relative(path), "iati_budget_total", f"budget_total ({numbers.plain(declared)} {currency}) is "
                    f"not the IATI files' budget ({numbers.plain(round(files, 2))} {currency}"
                    + (", which their activities do not split by country" if unsplit else "") + "): the whole "
                    f"project's execution rate divides by budget_total, {numbers.plain(declared)}"
                    + ("" if unsplit else f", and its unallocated budget is "
                       f"{numbers.plain(round(declared - files, 2))}"), "make import-iati wrote the files' budget of "
                    f"the day of the import: write budget_total: {numbers.plain(round(files, 2))} if the files were "
                    "replaced by newer ones; keep it if it is the project's approved budget (the financing "
                    "agreement's).", column="budget_total", value=numbers.plain(declared), severity="warning")]


BENCHMARKED = ("participant", "woman")   # the benchmark keys of the costs per participant and per woman (all)
BENCHMARK_WORDS = {"participant": ("participants", "participante", "participantes", "personne", "personnes"),
                   "woman": ("women", "femme", "femmes", "female", "f")}


NAME_THE_LINES = ("Name in the participation table's budget_lines column the budget line(s) that finance each event "
                  "(the cost per participant is their spending / the participants); remove the benchmark if the "
                  "events' costs are not known.")


def _benchmarks_not_used(benchmarks: dict, data: ProjectData, path: Path, country: str,
                         events_read: bool = True) -> list[Problem]:
    """A warning per benchmark that no cost of the annexes has: its key is neither ``participant``, ``woman`` nor the
    id of an output indicator naming budget lines (the only ones with a cost per unit). `participants: 1500`,
    `femme: 3000` or `p1.1.a` for P1.1.a were never shown, the annex silent about the benchmark written. So was
    ``participant`` or ``woman`` where no event of the annex's ``country`` (the whole project's for project.yaml)
    names a budget line: no cost per participant is computed to stand beside it."""
    if not benchmarks:
        return []
    no_events = _no_event_names_a_line(data, country) if events_read else ""
    indicators = data.tables.get("indicators")
    ids: dict[str, str] = {}   # id -> why it has no cost per unit ('' when it has one)
    if indicators is not None and "indicator_id" in indicators and len(indicators):
        level = indicators["level"].astype("str").str.strip().str.lower() if "level" in indicators else \
            pd.Series("", index=indicators.index)
        named = indicators["budget_lines"].map(lambda c: bool(split_lines(c))) if "budget_lines" in indicators \
            else pd.Series(False, index=indicators.index)
        for indicator, lvl, has_lines in zip(indicators["indicator_id"].astype(str), level, named):
            why = "" if lvl == "output" and has_lines else \
                "it is not an output (level)" if lvl != "output" else "it names no budget line (budget_lines)"
            ids[indicator] = "" if ids.get(indicator) == "" else why
    problems = []
    for key in benchmarks:
        key = str(key)
        if key in BENCHMARKED and not no_events or ids.get(key) == "":
            continue
        if key in BENCHMARKED:
            why = no_events
        elif key in ids:
            why = f"the indicator '{key}' has no cost per unit: {ids[key]}"
        else:
            close = [i for i in ids if fold(i) == fold(key)] + \
                [w for w, words in BENCHMARK_WORDS.items() if fold(key) in words]
            why = f"no indicator has the id '{key}'" + (f" (did you mean '{close[0]}'?)" if close else "")
        hint = NAME_THE_LINES if key in BENCHMARKED else "Write the key as the indicator_id column writes it " \
            "(case counts), or participant (the cost per participant) or woman (the cost per woman); remove the " \
            "benchmark if no cost is computed for it."
        problems.append(Problem(relative(path), "benchmark_not_used", f"the unit cost benchmark '{key}' is shown "
                                f"beside no cost: {why}; a benchmark is keyed by an output indicator's id (one that "
                                "names budget lines), participant or woman", hint,
                                column=f"unit_cost_benchmarks.{key}", severity="warning"))
    return problems


def _no_event_names_a_line(data: ProjectData, country: str) -> str:
    """Why no cost per participant is computed in the annex(es) of ``country`` ("all": the whole project): no
    participation table, no ``budget_lines`` column, or no event up to the reporting date naming a line; ''
    when one does (analyses.efficiency computes the costs of those events only)."""
    events = scope(data, country).tables.get("participation") if "participation" in data.present else None
    where = "" if is_all(country) else f" of {country}"
    if events is None or not len(events):
        return f"there is no participation row{where} up to the reporting date"
    if "budget_lines" not in events or not events["budget_lines"].map(lambda c: bool(split_lines(c))).any():
        return f"no participation row{where} names a budget line (column budget_lines)"
    return ""


def _lines_above_budget_total(data: ProjectData, path: Path) -> list[Problem]:
    """The budget lines adding up to more than the declared ``budget_total``: an outdated total (a top-up not
    written in project.yaml) or lines written twice. The overall rate divides by the total, the lines' rates by their
    own budgets, and the unallocated budget is negative: a warning, since which one is right is the evaluator's."""
    declared = getattr(data.params, "budget_total", None)
    lines = data.tables["budget"]["budget"]
    if not declared or "budget" not in data.present or lines.isna().any():
        return []
    total = float(lines.sum())
    if total <= declared * (1 + 1e-9):
        return []
    # `budget_total: 200,000` with decimal_mark "," is 200 (or 200.000 with "."): said as written, with what it is
    raw = read_yaml(path)[0]
    written = str(getattr(raw.get("budget_total"), "written", raw.get("budget_total"))) if isinstance(raw, dict) \
        else ""
    mark = data.params.decimal_mark
    misread = re.fullmatch(rf"\d{{1,3}}(?:{re.escape(mark)}\d{{3}})+", written.strip())
    hint = (f"budget_total is written {written.strip()}: with decimal_mark \"{mark}\" (project.yaml) that is "
            f"{numbers.plain(declared)}. If it is {written.strip().replace(mark, ' ')}, write it without that "
            f"\"{mark}\": budget_total: {written.strip().replace(mark, ' ')}." if misread else "")
    return [Problem(relative(path), "lines_above_budget_total", f"the budget lines add up to {total:,.2f}, more "
                    f"than budget_total ({declared:,.2f}): the overall execution rate divides by budget_total, the "
                    f"unallocated budget is {declared - total:,.2f}", hint or "Update budget_total if the budget was "
                    "topped up; else look for lines written twice (budget.csv).", column="budget_total",
                    value=written.strip() if misread else numbers.plain(declared), severity="warning")]


def _load(project: str, params: ProjectParams, data_dir: Path) -> tuple[ProjectData, list[Problem], dict[str, Path]]:
    folder = data_dir / project
    problems: list[Problem] = []
    tables: dict[str, pd.DataFrame] = {name: _empty(name) for name in TABLES}
    table_files: dict[str, Path] = {}
    typed: dict[str, tuple[pd.DataFrame, RawTable]] = {}
    data = ProjectData(project, params, tables, set())
    if not folder.is_dir():
        problems.append(Problem(relative(folder), "missing_data_folder", f"there is no data folder for '{project}'",
                                f"Create {relative(folder)}/ with the project's tables (see data/README.md)."))
        return data, problems, table_files
    # the impact studies (a study may have millions of rows) are read in a thread beside the tables
    studies = beside(_load_studies, folder / "impact", params)
    iati_source = _iati(folder / "iati", params) if (folder / "iati").is_dir() else None
    iati_tables: tuple[str, ...] = ()
    if iati_source is not None:  # budget, expenditure and indicators come from the IATI files (helpers.data.iati)
        from .iati import TABLES as iati_tables

        problems += iati_source.problems
        data.files += iati_source.files
    problems += _files_not_read(folder)
    for name in TABLES:
        path, found = _table_file(folder, name)
        problems += found
        if iati_source is not None and name in iati_tables:
            if path is not None:
                problems.append(_two_sources(name, path, folder / "iati"))
            tables[name] = iati_source.tables[name]
            data.present.add(name)
            if iati_source.files:
                table_files[name] = iati_source.files[0]
            continue
        if path is None:
            continue
        table_files[name] = path
        data.files.append(path)
        frame, raw, table_problems = _read_and_check(name, path, params)
        problems += table_problems
        if frame is not None:
            typed[name] = (frame, raw)
            tables[name] = _finish(name, frame)
            data.present.add(name)
    _one_spelling(tables, data.present)
    # a budget file refused for its headers has its own errors; its lines are not known, so none is "unknown"
    budget_refused = "budget" in table_files and "budget" not in typed
    resolved = None   # each expenditure row's budget line, found once for both uses
    if "expenditure" in typed and not budget_refused:
        resolved = lines_mod.resolve(tables["budget"], typed["expenditure"][0])
        # (a totals row is refused as such: « Total » is no line to add to the budget)
        refused = {p.row for p in problems if p.rule == "totals_row" and p.severity == "error"
                   and p.file == typed["expenditure"][1].file}
        problems += [p for p in _unknown_lines(*typed["expenditure"], tables["budget"], resolved)
                     if p.row not in refused]
        problems += spending.cumulative_spending(*typed["expenditure"], tables["budget"], resolved[3])
        problems += spending.only_on_project_lines(tables["budget"], typed["expenditure"][1], resolved[4])
        problems += spending.negative_line_spending(*typed["expenditure"], resolved[3])
        if "budget" in typed:
            problems += spending.spending_far_above_budget(typed["expenditure"][0], *typed["budget"], resolved[3])
            problems += spending.spending_above_budget(*typed["expenditure"], tables["budget"], resolved[3])
    tables["expenditure"] = lines_mod.with_line_country(tables["budget"], tables["expenditure"], resolved)
    problems += [p for name in FINANCED_TABLES if name in typed and not budget_refused
                 for p in _unknown_financing_lines(*typed[name], tables["budget"], "budget" in data.present)]
    data.studies, study_problems, study_files = studies()
    problems += study_problems
    data.files += study_files
    data.surveys, survey_problems, survey_files = load_surveys(folder / "surveys", params.encoding)
    problems += survey_problems
    data.files += survey_files
    return data, problems, table_files


def _one_spelling(tables: dict[str, pd.DataFrame], present: set[str]) -> None:
    """Each country written one way in every table, as first written (tables in name order): 'MAROC' and 'maroc'
    become 'Maroc'. Countries are matched folded (an annex has all its rows), but the project-wide annex grouped its
    activities, participants and indicators by the cell as written: 'Maroc' 100 % and 'MAROC' 0 % beside Maroc's
    own 33 %. (Distinct values only: a million rows hold a handful of countries.)"""
    first: dict[str, str] = {}   # folded -> as first written
    chosen: dict[str, str] = {}  # another spelling -> the first
    for name in sorted(present):
        for written in tables[name]["country"].dropna().unique().tolist():
            if isinstance(written, str) and written != REGIONAL:
                kept = first.setdefault(fold(written), written)
                if kept != written:
                    chosen[written] = kept
    for name in present if chosen else ():
        column = tables[name]["country"]
        if column.isin(list(chosen)).any():
            tables[name]["country"] = column.replace(chosen)


def _iati(folder: Path, params: ProjectParams) -> Any:
    """The IATI files' tables and problems (helpers.data.iati, imported here: a project without IATI files, most
    of them, does not pay its import, 0.03-0.05 s of every `make check`)."""
    from .iati import load_iati

    return load_iati(folder, params)


def _two_sources(name: str, path: Path, iati_folder: Path) -> Problem:
    from .iati import TABLES as IATI_TABLES

    return Problem(relative(path), "two_sources", f"the table {name} comes both from {path.name} and from the IATI "
                   f"files of {relative(iati_folder)}/", f"A table has one source: delete {path.name}, or remove "
                   f"{relative(iati_folder)}/ (its files give the tables {', '.join(IATI_TABLES)}).")


def _table_file(folder: Path, name: str) -> tuple[Path | None, list[Problem]]:
    candidates = [_named(folder, f"{name}.csv"), _named(folder, f"{name}.xlsx")]
    found = [p for p in candidates if exists(p)]  # a pipe or folder of that name: refused when read, not absent
    if len(found) == 2:
        if _header_only(found[0]):   # the header `make new` wrote, and the table typed in Excel beside it
            csv_name, xlsx_name = found[0].name, found[1].name   # (as on disk: Budget.XLSX)
            return found[1], [Problem(relative(found[0]), "two_files", f"both {csv_name} and {xlsx_name} exist; "
                                      f"{csv_name} holds a header only, so {xlsx_name} is read",
                                      f"Delete {csv_name}.", severity="warning")]
        return found[0], [_two_files(*found)]
    return (found[0] if found else None), []


def _two_files(csv_path: Path, xlsx_path: Path) -> Problem:
    """Both a table's CSV and its .xlsx hold rows: the CSV is read, with a warning naming the newer file; refused when
    the .xlsx is the newer (by more than a minute): the table updated in Excel beside an old CSV export, whose
    figures were read with a warning only."""
    try:
        times = {path: dt.datetime.fromtimestamp(path.stat().st_mtime) for path in (csv_path, xlsx_path)}
    except (OSError, ValueError, OverflowError):
        times = {}
    shown = {path: f"{path.name} (saved {when:%Y-%m-%d %H:%M})" for path, when in times.items()}
    both = f"both {shown.get(csv_path, csv_path.name)} and {shown.get(xlsx_path, xlsx_path.name)} exist"
    if times and times[xlsx_path] - times[csv_path] > dt.timedelta(minutes=1):
        return Problem(relative(xlsx_path), "two_files", f"{both}; {csv_path.name} would be read, and "
                       f"{xlsx_path.name} is the newer: the table updated in Excel beside an older CSV?",
                       f"Keep one of the two files: delete {csv_path.name} if {xlsx_path.name} is the table, or move "
                       f"{xlsx_path.name} out of the folder.")
    newer = "" if not times or abs(times[csv_path] - times[xlsx_path]) <= dt.timedelta(minutes=1) else \
        f", the newer one"
    return Problem(relative(xlsx_path), "two_files", f"{both}; {csv_path.name} is read{newer}",
                   f"Keep one of the two files (delete {xlsx_path.name} if it is an older version).",
                   severity="warning")


def _named(folder: Path, name: str) -> Path:
    """``folder/name``, or the one entry whose name is ``name`` in other capitals (`Budget.xlsx`, `budget.CSV`): it
    is read on Windows and macOS, whose file names ignore case, and is read here too."""
    path = folder / name
    if exists(path):
        return path
    other = [entry for entry in _entries(folder) if entry.name.lower() == name]
    return other[0] if len(other) == 1 else path


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


# what a project's data folder holds besides its tables: notes, its studies, surveys and IATI files, and what
# editors leave there (Excel's `~$budget.xlsx` and LibreOffice's `.~lock.budget.xlsx#` while a file is open)
_FOLDERS = ("impact", "surveys", "iati")
MAX_TABLE_COLUMNS = 1_000   # named columns of a monitoring table (the contract's widest has a few dozen)
# the other formats a spreadsheet saves a table in: Excel's binary workbook (.xlsb) and templates, Apple Numbers,
# LibreOffice's flat XML (a participation.xlsb was left out, the annex without participants, nothing said)
_SPREADSHEETS = (".xlsm", ".xls", ".ods", ".xlsb", ".xltx", ".xltm", ".xlt", ".numbers", ".fods")
# a statistics program's data file (SPSS, Stata, SAS, R) or a dBase table (LibreOffice saves one): the rows of a
# participation.sav or budget.dbf were left out without a word, where a .ods got a warning
_STATISTICAL = {".sav": "SPSS: File > Export > CSV", ".zsav": "SPSS: File > Export > CSV",
                ".dta": "Stata: export delimited using {table}.csv", ".sas7bdat": "SAS: PROC EXPORT ... DBMS=CSV",
                ".rds": "R: write.csv", ".rdata": "R: write.csv", ".dbf": "LibreOffice Calc: open it, Save As"}
_TABULAR = (".csv", ".tsv", ".xlsx", *_SPREADSHEETS, *_STATISTICAL, ".xml", ".json", ".parquet")


def _files_not_read(folder: Path) -> list[Problem]:
    """A warning for each file of the data folder that looks like a table and is not one the workbook reads
    (`participation_tunisie.csv` beside `participation.csv`: its rows were left out without a word; `budget.xls`:
    the budget was absent), and each folder but impact/, surveys/ and iati/."""
    tables = {f"{name}{suffix}" for name in TABLES for suffix in (".csv", ".xlsx")}
    read = {_named(folder, name) for name in tables}
    problems = []
    for entry in _entries(folder):
        name, suffix, stem = entry.name, entry.suffix.lower(), entry.stem
        opened = name[2:] if name.startswith("~$") else name[7:-1] if name.startswith(".~lock.") and \
            name.endswith("#") else ""
        if opened.lower() in tables and (folder / opened).is_file():
            # the table is open in Excel or LibreOffice: what was typed since it was last saved is not in the file
            problems.append(Problem(relative(folder / opened), "file_open", f"this file is open in a spreadsheet "
                                    f"({name} beside it): what was typed since it was last saved is not read",
                                    f"Save it in Excel or LibreOffice, then run again; if no spreadsheet has it open "
                                    f"(a lock file left by a crash), delete {name}.", severity="warning"))
        if name.startswith((".", "~$")) or entry in read:
            continue
        if name.lower() in tables:   # `Budget.csv` beside `budget.csv` (a folder where case tells names apart)
            problems.append(Problem(relative(entry), "file_not_read", f"this file is not read: {name.lower()} is, "
                                    "and the two names differ only in their capitals", "Keep one of the two files "
                                    "(on Windows or macOS they would be one).", severity="warning"))
            continue
        closest = did_you_mean(stem, TABLES) or next((f"Did you mean '{t}'?" for t in TABLES
                                                      if fold(stem).startswith(t)), "")
        table = closest.split("'")[1] if closest else None
        present = table is not None and any(exists(_named(folder, f"{table}{x}")) for x in (".csv", ".xlsx"))
        if entry.is_dir():
            if name in _FOLDERS:
                continue
            message, hint = (f"the folder {name}/ is not read: the tables are read from {relative(folder)}/ itself",
                             f"Move the tables it holds up into {relative(folder)}/ (one file a table), or move the "
                             f"folder out of {relative(folder)}/.")
        elif suffix not in _TABULAR and not (suffix == ".txt" and fold(stem) in TABLES):
            continue   # notes, a report, pictures: not data (but `budget.txt`, Excel's "Texte Unicode" export)
        elif suffix == ".xml":
            message, hint = ("this file is not read: IATI activity files are read from the folder iati/",
                             f"Move it into {relative(folder)}/iati/ if it is an IATI file (see data/README.md).")
        elif suffix in _STATISTICAL and fold(stem) == table and not present:
            message, hint = (f"this file is not read: the workbook reads {table}.csv or {table}.xlsx, and a {suffix} "
                             "file (a statistics program's or a database's) is neither",
                             f"Export it as {table}.csv ({_STATISTICAL[suffix].format(table=table)}), or as "
                             f"{table}.xlsx.")
        elif suffix in (*_SPREADSHEETS, ".tsv", ".txt", ".json", ".parquet") and fold(stem) == table \
                and not present:
            message, hint = (f"this file is not read: the workbook reads {table}.csv or {table}.xlsx, and a {suffix} "
                             "file is neither", f"Save it as {table}.xlsx (Save as > Excel workbook) or as "
                             f"{table}.csv.")
        elif table and not present:
            message, hint = (f"this file is not read: each table is one file named after it, and the folder has "
                             f"no {table}.csv or {table}.xlsx", f"If it holds the table {table}, rename it "
                             f"{table}{'.xlsx' if suffix in ('.xlsx', *_SPREADSHEETS) else '.csv'}"
                             f"{' (saved as .xlsx)' if suffix in _SPREADSHEETS else ''}.")
        elif table:
            message, hint = (f"this file is not read: each table is one file named after it, and this is not "
                             f"{table}.csv or {table}.xlsx (if its rows are {table}'s, they are left out)",
                             f"Copy its rows into {table}.csv or {table}.xlsx (a column `country` tells countries "
                             f"apart); if it is an old version or a copy, move it out of {relative(folder)}/.")
        else:
            message, hint = (f"this file is not read: it is named after none of the tables ({', '.join(TABLES)})",
                             f"Rename it after the table it holds, or move it out of {relative(folder)}/.")
        problems.append(Problem(relative(entry), "file_not_read", message, hint, severity="warning"))
    return problems


def _header_only(csv: Path) -> bool:
    """Whether a CSV file holds at most one line that is not blank (its first 64 KiB are enough to tell). A pipe, a
    folder or a link is not opened here (a pipe would block): the reader refuses it, with its reason."""
    if csv.is_symlink() or not csv.is_file():
        return False
    try:
        with csv.open("rb") as file:
            head = file.read(65536)
    except OSError:
        return False   # read, and refused with its reason, as the table
    return len(head) < 65536 and sum(1 for line in head.splitlines() if line.strip(b" \t\r;,")) <= 1


def _empty(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=DTYPES[t]) for c, t in COLUMNS[name].items()})


def _fallback_params(path: Path) -> ProjectParams:
    """When project.yaml is invalid, still check the data with what it says about reading files (else defaults)."""
    raw = read_yaml(path)[0] or {}  # its problems are reported by load_project_params
    if not isinstance(raw, dict):
        raw = {}
    kept: dict[str, Any] = {}
    for key in ("decimal_mark", "encoding", "status_synonyms", "currency", "language", "report_decimal_mark",
                "iati"):
        if key in raw:
            try:
                kept[key] = TypeAdapter(ProjectParams.model_fields[key].annotation).validate_python(raw[key])
                if key == "encoding":
                    codecs.lookup(kept[key])
                    "".encode(kept[key])   # not a text encoding (hex, base64, rot13): LookupError, as params says
            except (ValidationError, LookupError):
                kept.pop(key, None)
    if "currency" in raw and "currency" not in kept:   # `currency:` left empty: no currency to name (was USD)
        kept["currency"] = ""
    return ProjectParams.model_construct(**kept)


# ================================================================= one table


def load_table(name: str, path: Path, params: ProjectParams) -> tuple[pd.DataFrame | None, list[Problem]]:
    """One table's file -> typed frame (all columns of schemas.COLUMNS, then extra ones) and its problems.

    The frame is None when the file cannot be used at all (unreadable, required column missing).
    """
    frame, _, problems = _read_and_check(name, path, params)
    return (None if frame is None else _finish(name, frame)), problems


def _read_and_check(name: str, path: Path,
                    params: ProjectParams) -> tuple[pd.DataFrame | None, RawTable, list[Problem]]:
    """The typed frame, still indexed by spreadsheet row, the raw table (for positions) and the problems."""
    table = SPEC[name]
    required_sets = [table.required] + ([table.register.required] if table.register else [])
    raw = read_table(path, params.encoding, headers.header_sets(name, required_sets))
    wide = _too_many_columns(name, raw)
    if wide is not None:
        return None, raw, list(raw.problems) + [wide]
    problems = list(raw.problems) + headers.translate(name, raw)   # French headers: `femmes` is `women`
    headers.lone_period(name, raw)   # `Période` alone is the period_end
    currency = params.currency or headers.NO_CURRENCY   # empty when project.yaml's `currency:` is (empty_key)
    problems += headers.noted_headers(name, raw, currency)   # `Budget (EUR)` is `budget`; `(k€)` refused
    problems += headers.titled_units(name, raw, currency)   # `Montants en milliers d'euros` above it
    problems += headers.formatted_units(name, raw, currency)   # `#,##0.0" k$"`: « 40.0 k$ » shown for 40
    problems += headers.units_row(name, raw, currency)   # `(EUR)` under `budget`, in the row below the header
    if not params.currency:   # another currency than one not written yet: said once it is
        problems = [p for p in problems if p.rule != "other_currency"]
    if any(p.severity == "error" and p.rule in UNREADABLE for p in problems):
        return None, raw, problems
    if raw.disputed & set(headers.ROW_CODES):
        # `Code` 6110 beside `Code ligne` B1: which code names the rows is not known, so neither is whether another
        # table's B1 is one of them (its knock-on unknown_line errors, one per row, are not said)
        return None, raw, problems
    if raw.frame.columns.empty:
        return _empty(name), raw, problems
    per_person = table.register is not None and _is_register(table, raw.frame)
    header_problems = _header_problems(name, raw, table.register.required
                                       if per_person or _register_without_its_code(table, raw.frame)
                                       else table.required)
    if not per_person and table.register is not None:
        header_problems += _register_beside_counts(table, raw)
    if per_person:
        header_problems += _counts_in_register(raw)
    problems += header_problems
    if any(p.severity == "error" for p in header_problems):
        return None, raw, problems
    problems += headers.ignored_versions(name, raw)   # `Budget révisé` beside `Budget`: which one is read
    problems += headers.spending_in_budget(name, raw)   # `Ligne | Budget | Dépenses`: spending is read elsewhere
    problems = _unnamed_beside_amounts(table, raw, problems)
    problems += _notes_below(raw)
    problems += _title_rows(name, raw)
    problems += _headers_repeated(raw)
    problems += _sheet_layout_problems(table, raw)
    if name != "reported":   # (a published figure without a country is the project's: empty cells are the rule)
        problems += _countries_written_once(raw)
        problems += _sheet_of_a_country(table, raw)
    frame, bad_cells, typing_problems = _typed(name, raw, params, per_person)
    problems += typing_problems
    problems += _periods_beside_amount(name, raw, frame, params)
    if per_person:
        frame, register_problems = register.aggregate(frame, raw, {row for row, column in bad_cells if column == "sex"})
        problems += register_problems
    read_cells = {p.cell for p in raw.problems if p.cell and p.severity == "error"}   # a formula's value not known
    cell_problems = [p for p in validate_table(name, frame, raw.file, raw.where, raw.frame)
                     if (p.row, p.column) not in bad_cells and (p.cell is None or p.cell not in read_cells)]
    # a warning on a cell its value's check refused is that error's consequence (a progress of 120, refused over
    # 100, was also warned « progress 100 but not done »): the cell is to be rewritten, one message says so
    refused = bad_cells | {(p.row, p.column) for p in cell_problems if p.severity == "error"}
    cell_problems += [p for p in _table_warnings(name, frame, raw) if (p.row, p.column) not in refused]
    problems += cell_problems
    totals_rows = totals.problems(name, frame, raw)
    # (a shifted row's cells are not its columns': what is wrong with them is not said, as for a totals row; a
    # register's totals rows, register.aggregate's: « Total femmes | 1 » was told « sex not recognised »)
    problems = _without_totals_rows(problems, totals_rows + [p for p in raw.problems if p.rule == "shifted_row"]
                                    + [p for p in problems if p.rule == "totals_row"],
                                    typing_problems + cell_problems
                                    + [p for p in raw.problems if p.rule == "formula_without_value"])
    problems += totals_rows
    problems += [p for check in table.raw_checks for p in check(frame, raw)]
    if table.column("currency") is not None:
        problems += spending.other_currency(frame, raw, params.currency)
    start = getattr(params, "start_date", None)   # none when project.yaml is broken
    if table.column("period_end") is not None and start:
        problems += as_of.before_start(frame, raw, start)
    reporting = getattr(params, "reporting_date", None)
    if reporting and name == "participation" and "start_date" in frame.columns:
        problems += as_of.events_after(frame, raw, reporting)
    if name == "participation":
        problems += as_of.events_before_start(frame, raw, start) if start else []
        problems += as_of.events_ending_before_they_start(frame, raw)
    end = getattr(params, "end_date", None)
    if name == "expenditure" and end:
        problems += as_of.spending_after_end(frame, raw, end, reporting)
    if reporting and name == "activities":
        problems += as_of.done_after(frame, raw, reporting)
    if reporting and name == "expenditure":
        problems += as_of.spending_across_date(frame, raw, reporting)
        problems += as_of.spending_all_after(frame, raw, reporting)
        problems += as_of.spending_all_before(frame, raw, reporting)
        problems += as_of.country_spending_ends_early(frame, raw, reporting)
    if reporting and name == "indicators":
        problems += as_of.actuals_after(frame, raw, reporting)
    return frame, raw, problems


def _too_many_columns(name: str, raw: RawTable) -> Problem | None:
    """A table of more named columns than MAX_TABLE_COLUMNS, refused before its headers are read: 10,000 named
    columns (a pivot or a wide export saved as the table) were read, translated and typed one by one, 8 s of CPU
    (32 s on a loaded machine) before a table of five columns was found in them."""
    count = len(raw.frame.columns)
    if count <= MAX_TABLE_COLUMNS:
        return None
    first = str(raw.frame.columns[MAX_TABLE_COLUMNS])
    return raw.problem("too_many_columns", f"this table has {count:,} named columns, more than the "
                       f"{MAX_TABLE_COLUMNS:,} the workbook reads in a table (the contract's '{name}' has "
                       f"{len(SPEC[name].columns)}); column {MAX_TABLE_COLUMNS + 1:,} is headed '{first}'",
                       f"Keep the columns data/README.md lists for '{name}' and delete the others (a pivot table or "
                       "a wide export is not read as a table).", index=raw.header_row, column=first, value=first)


def _without_totals_rows(problems: list[Problem], totals_rows: list[Problem], cells: list[Problem]) -> list[Problem]:
    """``problems`` without those of ``cells`` (problems of one cell: typing, values, formulas) in a row refused as a
    totals row: the row is to be deleted, and « this cell is empty but the column is required → Fill it in » under a
    `Total` would make it a line."""
    deleted = {p.row for p in totals_rows if p.severity == "error" and p.row is not None}
    if not deleted:
        return problems
    dropped = {id(p) for p in cells if p.row in deleted}
    return [p for p in problems if id(p) not in dropped]


def _sheet_layout_problems(table: Table, raw: RawTable) -> list[Problem]:
    """What Excel shows but the cells do not hold (readers.sheet_layout_problems): a number merged over rows is
    refused; a text merged, a hidden, filtered-out or struck row and a hidden column of the table are warned."""
    def is_number(name: str) -> bool:
        column = table.column(name)
        return column is not None and column.kind == "float"

    return sheet_layout_problems(raw, is_number, lambda name: bool(table.column(name)))


def _unnamed_beside_amounts(table: Table, raw: RawTable, problems: list[Problem]) -> list[Problem]:
    """Columns without a header right of an amount's column (`budget`, then two unnamed columns of numbers): a
    header merged over several columns in Excel (2020 | 2021 | Total under `budget`), saved as CSV, where only the
    first column is read as the amounts. Refused, instead of the columns' warnings (readers: unnamed_column)."""
    if not raw.unnamed:
        return problems
    by_letter = {letter: name for name, letter in raw.letters.items()}
    refused = {}
    for letter in sorted(raw.unnamed, key=lambda x: (len(x), x)):
        left = letter
        while True:   # the nearest named column to the left, over other unnamed ones
            position = column_position(left) - 1
            if position < 0:
                break
            left = column_letter(position)
            if left not in raw.unnamed:
                break
        column = table.column(by_letter.get(left, ""))
        if column is not None and (column.money or column.name == "budget_lines" and raw.sheet is None
                                   and raw.delimiter in (";", ",")):
            refused[letter] = column.name
    if not refused:
        return problems
    dropped = {id(raw.unnamed[letter]) for letter in refused}
    kept = [p for p in problems if id(p) not in dropped]
    for name in dict.fromkeys(refused.values()):
        letters = [letter for letter, of in refused.items() if of == name]
        if name == "budget_lines":
            # `S1; S1b` typed in a ';' file, on every row: the cells past the header were told as a column without
            # a header (« e.g. 'country' »), and each row's first line only was read, its cost per result without S1b
            cells = raw.frame[name] if name in raw.frame else pd.Series(dtype=object)
            first = next(((n, v) for n, v in cells.items() if v is not None and v == v), (raw.header_row, None))
            kept.append(raw.problem(
                "shifted_row", f"column{'s' if len(letters) > 1 else ''} {', '.join(letters)}, right of "
                f"'{raw.headers.get(name, name)}', hold{'' if len(letters) > 1 else 's'} values without a header: the "
                f"budget lines of a cell written with the file's separator '{raw.delimiter}' and not in quotes "
                f"(R1{raw.delimiter} R6) are split, and only the first line of each cell is read",
                f"Write the lines with '+' (R1 + R6), or put the cell in quotes (\"R1{raw.delimiter} R6\"; Excel's "
                "'Save As CSV' does); if the values are a column of their own (notes), give it a header.",
                index=first[0], column=name,
                value=None if first[1] is None else str(first[1])))
            continue
        kept.append(raw.problem(
            "merged_header", f"column{'s' if len(letters) > 1 else ''} {', '.join(letters)}, right of "
            f"'{raw.headers.get(name, name)}', hold{'' if len(letters) > 1 else 's'} values without a header: a "
            f"header merged over several columns in Excel (years and a total?), of which only '{name}' is read",
            f"Give each column its own header (the one to read named '{name}', e.g. the total; the others another "
            "name, or delete them).", index=raw.header_row, column=name))
    return kept


_AMOUNT_ALONE = re.compile(r"^[-+(]?[\d\s.,'\u2019]+\)?$")


def _notes_below(raw: RawTable, most: int = 20) -> list[Problem]:
    """The rows at the end of the table that hold a sentence in one cell and nothing else (« Source : rapport annuel
    2020 », « * chiffres provisoires »): notes under the table, refused each with its reason, and left out of the
    frame (its other cells would each be reported empty, with the hint « Fill it in »)."""
    notes: list[Any] = []
    frame = raw.frame
    for position in range(len(frame) - 1, max(len(frame) - 1 - most, -1), -1):
        filled = [v for v in frame.iloc[position].tolist() if not numbers.is_empty(v)]
        if filled and totals.says_total(filled[0], set()):
            continue   # a totals row under the notes (refused as such): the notes above it are notes all the same
        if len(filled) != 1 or not isinstance(filled[0], str) or len(filled[0].split()) < 2 \
                or _AMOUNT_ALONE.match(filled[0]):   # « 430 000,00 » alone: a total, not a sentence (read as a row)
            break
        notes.append(frame.index[position])
    if not notes:
        return []
    raw.frame = frame.drop(index=notes)
    return [raw.problem("note_row", "this row holds a sentence in one cell and nothing else: a note below the "
                        "table?", "Delete the row (keep notes in another sheet, or in the folder's README.md); if it "
                        "is a row of the table, fill in its other cells.", index=index,
                        value=next(v for v in frame.loc[index].tolist() if not numbers.is_empty(v)))
            for index in reversed(notes)]


def _title_rows(name: str, raw: RawTable) -> list[Problem]:
    """The rows of a summed table that hold a country's name or a level of the logframe alone (« MAROC », « Résultat
    1 : Formation », a section's title merged across the sheet above its lines), no amount: « MAROC » was read as a
    budget line of the project as a whole, its budget « not given », and « Résultat 1 » as a line told « Fill it
    in » and « appears twice ». Refused each, and left out of the frame. A line code alone (its budget not known
    yet) is a line."""
    amount = totals.SUMMED.get(name, ("",))[0]
    frame = raw.frame
    if amount not in frame.columns or frame.empty:
        return []
    empty = frame[amount].isna() | frame[amount].eq("")   # (cells are read stripped; no text method on a large column)
    if not empty.any():   # (most tables: every row has its amount)
        return []
    rows = frame[empty.to_numpy(bool)]
    cells = rows.apply(lambda c: c.where(~c.astype("string").str.strip().eq("").fillna(True)))
    alone = cells[cells.notna().sum(axis=1).to_numpy() == 1]
    if alone.empty:
        return []
    countries = set()
    if "country" in frame.columns:
        countries = {fold(c) for c in frame["country"].dropna().unique().tolist() if isinstance(c, str)}
    found: list[tuple[Any, Any, str]] = []
    for index, row in alone.iterrows():   # (the rows without an amount holding one cell: a handful)
        column = row.first_valid_index()
        text = row[column]
        folded = fold(str(text)).strip(" :.-")
        if isinstance(text, str) and (folded in countries or totals._LEVEL.match(folded)):
            found.append((index, column, text))
    if not found:
        return []
    raw.frame = frame.drop(index=[i for i, _, _ in found])
    return [raw.problem("title_row", f"this row holds '{text}' alone, without an amount: a title above the rows of "
                        "a country or a result, read as one more row", "Delete the row: each row gives its own "
                        "country in 'country' (and its result in its code or label); the annex groups the rows itself.",
                        index=index, column=column, value=str(text)) for index, column, text in found]


def _headers_repeated(raw: RawTable) -> list[Problem]:
    """A row that repeats the header (a second table below the first, a header at the top of each printed page),
    and the title row just above it if there is one: refused each, and left out of the frame (each cell would be
    reported as a bad number or value)."""
    frame = raw.frame
    if frame.empty or len(frame.columns) < 2:
        return []
    first = frame.columns[0]
    written = str(raw.headers.get(first, first))
    spellings = {written, written.upper(), written.lower(), written.title(), written.capitalize(), first}
    candidates = frame.index[frame[first].isin(spellings).to_numpy(dtype=bool)]   # one lookup on a large table
    repeated = []
    for index in candidates:
        cells = frame.loc[index].tolist()
        same = sum(1 for name, cell in zip(frame.columns, cells) if isinstance(cell, str)
                   and fold(cell) in (fold(name), fold(raw.headers.get(name, name))))
        if same >= max(2, 0.8 * sum(1 for cell in cells if not numbers.is_empty(cell))):
            repeated.append(index)
    problems, titles = [], []
    for index in repeated:
        position = frame.index.get_loc(index)
        above = frame.index[position - 1] if position else None
        filled = [] if above is None else [v for v in frame.loc[above].tolist() if not numbers.is_empty(v)]
        title = above if len(filled) == 1 and isinstance(filled[0], str) and above not in repeated else None
        problems.append(raw.problem(
            "header_repeated", "this row repeats the header" + (f", under the title '{filled[0]}'" if title else "")
            + ": a second table below the first, or the header of each printed page?",
            "Delete the repeated header" + (" and its title" if title else "") + "; if the rows below are another "
            "table (another year, another country), keep them in this one, each row saying its period or country.",
            index=index))
        if title is not None:
            titles.append(title)
    if repeated:
        raw.frame = frame.drop(index=repeated + titles)
    return problems


def _every_annex_all(annexes: list[AnnexParams], project: str, params_dir: Path, valid_params: bool) -> bool:
    """Whether the project's every annex is `country: all`. With project.yaml in error no annex is validated (each
    file is checked alone): their `country` as written then, else sheet_of_a_country was said beside project.yaml's
    error, in a one-country project it is not said in once project.yaml is fixed."""
    if valid_params:
        return bool(annexes) and all(annex.is_all for annex in annexes)
    written = [read_yaml(params_dir / project / f"{annex}.yaml")[0] for annex in annex_names(project, params_dir)]
    return bool(written) and all(isinstance(raw, dict) and is_all(raw.get("country")) for raw in written)


def _sheet_of_a_country(table: Table, raw: RawTable) -> list[Problem]:
    """The sheet read is named after a country (« Maroc ») and no row gives one (no `country` column, or every cell
    empty): the rows are the project's as a whole, in no country annex, where the sheet says whose they are. It was
    read without a word. Told, not guessed: a workbook of one sheet named « Maroc » may hold the project's rows."""
    if raw.sheet is None or table.column("country") is None or not country_code(raw.sheet):
        return []
    if "country" in raw.frame.columns and not raw.frame["country"].map(is_project_wide, na_action="ignore").fillna(
            True).astype(bool).all():
        return []
    sheet = raw.sheet.strip()
    return [raw.problem(
        "sheet_of_a_country", f"the sheet read is named after a country ('{sheet}'), and no row gives a country: its "
        "rows are read as the project's as a whole, in no country annex", f"If they are {sheet}'s, write {sheet} in a "
        "column `country` (pays) on each row; if the project has one country, write `country: all` in its annex "
        "file; if they are the project's as a whole, rename the sheet.", column="country", value=sheet,
        severity="warning")]


def _countries_written_once(raw: RawTable) -> list[Problem]:
    """A `country` written once at the top of each block of rows, the cells below it empty (cells merged in Excel and
    saved as CSV, or « same as above »): the empty rows are the project's as a whole, and no country annex shows
    them. A warning when the column reads so: its first row has a country, each country written starts a block (no
    country twice in a row), at least two of them have empty cells below, and one at least two (a project-wide row
    now and then between countries, or at the end, is a table's own way of listing them)."""
    if "country" not in raw.frame.columns or len(raw.frame) < 3:
        return []
    cells = raw.frame["country"]   # (the readers leave an empty or blank cell missing)
    written = cells.notna().to_numpy(bool)
    if not written[0] or written.all():
        return []

    def twice_in_a_row(values: pd.Series) -> bool:
        shown = values.map(fold).to_numpy()
        return len(shown) < 2 or bool((shown[1:] == shown[:-1]).any())

    # a million rows: the first thousand countries written most often tell already that the column is not so
    if twice_in_a_row(cells[written].iloc[:1000]) or twice_in_a_row(cells[written]):
        return []
    starts = np.flatnonzero(written)
    runs = np.diff(np.r_[starts, len(written)]) - 1   # the empty cells below each country written
    if (runs > 0).sum() < 2 or runs.max() < 2:
        return []   # a country written once over blocks of rows leaves empty cells below several, and several below one
    above = cells.where(written).ffill()
    empty = raw.frame.index[~written]
    blocks = ", ".join(f"{index} below '{above[index]}'" for index in empty[:5]) + \
        (f" and {len(empty) - 5} more" if len(empty) > 5 else "")
    return [raw.problem(
        "country_written_once", f"'country' is empty on {len(empty)} rows, each in a block that starts with a "
        f"country (rows {blocks}): cells merged in Excel, or « same as above »? Empty, they are the project's as a "
        "whole, and no country annex shows them", "Write the country on every row (in Excel: unmerge, then Home > "
        "Fill > Down), or `regional` on the rows of the project as a whole.", index=empty[0], column="country",
        severity="warning")]


def _is_register(table: Table, frame: pd.DataFrame) -> bool:
    """A register has the register's columns and none of the counts it is aggregated into (participants)."""
    return set(table.register.required) <= set(frame.columns) and table.register.counts[0] not in frame.columns


def _register_without_its_code(table: Table, frame: pd.DataFrame) -> bool:
    """A register (a sex, none of the counts) whose other required column is not found (a Kobo export's `Code de
    l'activité`): told only that column, not « participants » and « women » missing, which asked an evaluator to
    add counts to a list of persons."""
    return (table.register is not None and "sex" in frame.columns
            and not any(count in frame.columns for count in table.register.counts))


# a column of a register whose header says it counts persons (`Nombre`, `Effectif`): each row a count of one sex
# (not `N°`, `No`: a register's row numbers, 1, 2, 3...)
_COUNT_HEADER = re.compile(r"(?:nombre|nbre|nb|effectifs?|total|count|number|headcount)"
                           r"(?:_(?:de_|d'|of_)?(?:personnes?|beneficiaires?|participant(?:e)?s?|people|persons))?")


def _counts_in_register(raw: RawTable) -> list[Problem]:
    """A table of counts by sex written long (`event | sexe | nombre`: E1 F 8, E1 M 12) has a sex and no
    'participants', so it was read as a register, each row one person: E1 counted 2 participants (1 woman) for 20
    (8), without a word. A column headed as a count whose whole numbers go above 1 is refused."""
    found = []
    for column in raw.frame.columns:
        if column in SPEC["participation"].names or not _COUNT_HEADER.fullmatch(fold(column)):
            continue
        values = raw.frame[column].astype("str").str.strip().str.replace(r"[\s\u00a0\u202f]", "", regex=True)
        numbers_ = pd.to_numeric(values.where(values.ne("") & raw.frame[column].notna()), errors="coerce")
        above = numbers_.gt(1) & numbers_.eq(numbers_.round())
        if above.any():
            index = above.idxmax()
            header = raw.headers.get(column, column)
            found.append(raw.problem(
                "counts_in_register", f"this table has a sex and no 'participants', so each row is read as one "
                f"person, but its column '{header}' counts {numbers_[index]:g} on this row: rows of counts by sex "
                "(an event's women on one row, its men on the next) would each count 1",
                "Write one row per event with its counts (columns participants, women, men), or, if each row is "
                f"one person, delete the column '{header}' (data/README.md, participation).", index=index,
                column=column, value=str(raw.frame.at[index, column])))
    return found


def _register_beside_counts(table: Table, raw: RawTable) -> list[Problem]:
    """Rows of persons (a sex, no count) in a table of counts per event: each was refused as a duplicate event
    without a count (« Give each row its own identifier », « Fill it in »). One error says the table mixes both."""
    frame, count = raw.frame, table.register.counts[0]
    if not set(table.register.required) <= set(frame.columns) or count not in frame.columns:
        return []
    filled = lambda column: frame[column].notna().to_numpy(bool) & (frame[column].astype("str").str.strip() != "") \
        .to_numpy(bool)
    persons, counted = filled("sex") & ~filled(count), filled(count)
    if not persons.any() or not counted.any():
        return []
    rows = frame.index[persons]
    return [raw.problem("register_beside_counts", f"this table holds persons (one row each, with a sex and no "
                        f"'{raw.headers.get(count, count)}': {len(rows)} rows, from row {rows[0]}) and counts per "
                        f"event ({int(counted.sum())} rows): the two cannot be read together",
                        "Write one or the other: count each event's persons into one row (participants, women), or "
                        f"list the persons of the counted events, one row each, and delete the column "
                        f"'{raw.headers.get(count, count)}' (data/README.md, participation).", index=rows[0],
                        column=count)]


def _versions_of(raw: RawTable, column: str, names: list[str]) -> list[str]:
    """The headers that are one of ``names`` followed by a period or 'total' (`Budget 2020`, `Budget total`)."""
    found = []
    for written in (str(raw.headers.get(c, c)) for c in raw.frame.columns):
        folded = fold(written).replace(" ", "_")
        for name in names:
            rest = folded[len(name):].strip("_ ()") if folded.startswith(name) else None
            if rest and (_PERIOD_HEADER.match(rest) or rest in ("total", "totaux", "cumule", "global")):
                found.append(written)
                break
    return found


_PERIOD_HEADER = re.compile(r"^(?:(?:19|20)\d\d|(?:t|q|s|h)[1-4][ _-]?(?:19|20)\d\d|(?:19|20)\d\d[ _-]?(?:t|q|s|h)[1-4]"
                            r"|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d|(?:19|20)\d\d-\d\d(?:-\d\d)?)$")


def _one_column(raw: RawTable, required: tuple[str, ...]) -> Problem | None:
    """A header read as one cell that holds the columns' names joined by a separator the reader does not split on
    (`event_id|participants|women`), or by a comma inside quotes (every line of the file quoted whole): one error
    saying so, instead of one « missing » per column."""
    if len(raw.frame.columns) != 1:
        return None
    written = str(raw.headers.get(raw.frame.columns[0], raw.frame.columns[0]))
    separators = [c for c in "|,;\t:/#~^" if written.count(c) >= len(required) - 1 >= 1]
    if not separators:
        return None
    shown = "tab" if separators[0] == "\t" else f"'{separators[0]}'"
    if raw.sheet is not None:
        why, hint = (f"the columns' names are in one cell, separated by {shown}", "In Excel, select the column and "
                     f"use Data > Text to columns, with {shown} as the separator; then save.")
    elif separators[0] in ",;":
        why, hint = ("every line of the file is in quotes, so each reads as one cell", "Save the file again from "
                     "Excel as « CSV UTF-8 (délimité par des virgules) », or take the quotes off each line.")
    else:
        why, hint = (f"the columns are separated by {shown}, and the workbook separates them by ',', ';' or a tab",
                     "Save the file again from Excel as « CSV UTF-8 (délimité par des virgules) », or replace "
                     f"{shown} by ',' in a text editor.")
    return raw.problem("one_column", f"the header is one cell, '{written[:80]}': {why}", hint, index=raw.header_row)


def _periods_beside_amount(name: str, raw: RawTable, frame: pd.DataFrame, params: ProjectParams) -> list[Problem]:
    """A warning when a budget's `budget` (a spending's `amount`) stands beside columns of periods (`budget | 2021 |
    2022`): the figures read that one column, which was the first year's in a budget laid out by year and renamed
    (65 000 read for 220 000, nothing said). Said unless each row's amount is the sum of the period columns (the
    total beside its breakdown)."""
    column = {"budget": "budget", "expenditure": "amount"}.get(name)
    if column not in frame.columns or not len(frame):
        return []
    periods = [c for c in raw.frame.columns if c not in COLUMNS[name]
               and _PERIOD_HEADER.match(fold(raw.headers.get(c, c)))]
    if not periods:
        return []
    mark = params.decimal_mark
    parts = [numbers.parse_numbers(raw.frame[c].astype(object).where(raw.frame[c].notna()), mark, money=True)[0]
             for c in periods]
    total = pd.concat(parts, axis=1).sum(axis=1, min_count=1).reindex(frame.index)
    amount = frame[column].astype("float64")
    if (total.notna() & ((amount - total).abs() < 0.005) | amount.isna()).all():
        return []   # each row's amount is the sum of the periods: the total beside its breakdown
    first = amount.index[(total.isna() | ((amount - total).abs() >= 0.005)) & amount.notna()][0]
    written = [str(raw.headers.get(c, c)) for c in periods]
    used = raw.headers.get(column, column)

    def shown(value: float) -> str:
        return "n.d." if pd.isna(value) else numbers.plain(value)

    return [dataclasses.replace(raw.problem(
        "periods_beside_amount", f"the columns {', '.join(written[:4])} beside '{used}' are not read: the figures "
        f"take each row's {column} from '{used}' alone, which is not the sum of those columns (row {first}: "
        f"{shown(amount[first])} read, {shown(total[first])} in {', '.join(written[:4])})",
        f"If '{used}' holds one period's amount (the first year of a table laid out by year), write each row's "
        f"whole {'budget' if name == 'budget' else 'amount'} in it"
        + (" (or one row per line and period)" if name == "expenditure" else "")
        + f"; if it is the whole and the columns a part of it, nothing to do.", index=raw.header_row,
        column=periods[0], severity="warning"), column=written[0])]


def _header_problems(name: str, raw: RawTable, required: tuple[str, ...]) -> list[Problem]:
    if (one := _one_column(raw, required)) is not None and any(c not in raw.frame.columns for c in required):
        return [one]
    problems = []
    extra = [c for c in raw.frame.columns if c not in COLUMNS[name]]
    # one column per period (2020, 2021 / T1 2021...): a table laid out wide, where the contract wants a row each
    periods = [raw.headers.get(c, c) for c in extra if _PERIOD_HEADER.match(fold(raw.headers.get(c, c)))]
    when = next((c for c in ("period_end", "period") if c in required), "period")
    wide = (f"The file has one column per period ({', '.join(map(str, periods[:4]))}): write one row per "
            f"{'line' if 'line' in raw.frame.columns else 'row'} and period instead, the period in '{when}' and "
            "its value in its own column." if len(periods) >= 2 else "")
    for column in required:
        if column not in raw.frame.columns:
            guess = did_you_mean(column, extra)
            also = _other_names(name, column)
            hint = (f"{guess} Rename that header to '{column}'{also}." if guess else
                    f"Add a column '{column}'{also} (the header row must hold: {', '.join(required)}).")
            other = headers.another_figure(name, raw, column)
            versions = _versions_of(raw, column, [column, *headers.aliases_of(name, column)])
            if len(versions) >= 2:   # 'Budget 2020', 'Budget 2021', 'Budget total': which one is the figure?
                which = ("each line's approved budget for the whole project (the total)" if column == "budget"
                         else "the figures to use")
                hint = (f"The file has several columns of '{column}' ({', '.join(versions[:4])}): name '{column}' "
                        f"the one that holds {which}; the others are then ignored.")
            elif other and other[1] == "share":   # 'Femmes (%)': 40 read as 40 women of 50 would be 80 %
                hint = (f"The column '{other[0]}' holds a percentage (its header says so), and '{column}' is a "
                        f"number of persons: add a column '{column}'{also} with the numbers.")
            elif other:   # 'Participants (prévus)': renaming it would put the plan where the achievement goes
                hint = (f"The column '{other[0]}' holds another figure than '{column}' (its header says so): add a "
                        f"column '{column}'{also} as data/README.md describes it.")
            hint = f"{wide} {hint}" if wide else hint
            if name == "participation" and column == "participants" and {"women", "men"} <= set(raw.frame.columns) \
                    and not other:
                total = next((raw.headers.get(c, c) for c in raw.frame.columns if fold(c) in ("total", "totaux")), None)
                hint = (f"If the column '{total}' counts the participants (women, men and those whose sex is not "
                        "known), name it 'participants'." if total else
                        "The table counts women and men, not the participants: add a column 'participants' (women + "
                        "men when every participant's sex is known; more when some is not).")
            if name == "participation" and "sex" in raw.frame.columns and column == "women":
                hint = ("The table has a 'sex' column: if it is a register (one row per person), delete its "
                        "'participants' column and it is counted per event; if it counts participants per event, "
                        "add a column 'women'.")
            problems.append(raw.problem("required_column", f"the required column '{column}' is missing", hint,
                                        index=raw.header_row, column=column))
    known = [c.name for c in SPEC[name].columns if c.name not in raw.frame.columns and not c.added]
    for column in extra:
        if headers.is_alias(name, column):   # another name of a column the file has: told once, by translate
            continue
        close = get_close_matches(column, known, n=1, cutoff=0.8)
        if close and close[0] not in required:
            problems.append(raw.problem(
                "unknown_column", f"the column '{raw.headers.get(column, column)}' is not part of the table and is "
                f"ignored", f"Did you mean '{close[0]}'? Rename the header if so.",
                index=raw.header_row, column=column, severity="warning"))
    if name == "indicators":
        problems += _ratings_not_read(raw, extra)
    return problems


# an indicator table's own rating (« Statut RAG », « Appréciation », « Feu », « Notation »): the annex rates itself
_RATING_HEADER = re.compile(r"(?:^|[\s_/(-])(?:rag|appreciation|notation|rating|feu|feux|couleur|colour|color|"
                            r"cotation|traffic[\s_]light)(?:$|[\s_/)-])")


def _ratings_not_read(raw: RawTable, extra: list[str]) -> list[Problem]:
    """A warning for an indicator table's column of ratings written by the office: the annex rates each indicator
    itself (actual / target and the thresholds of project.yaml), and this column was dropped without a word, where
    it rated I2 « Orange » and the annex « Vert » (scratch10)."""
    rated = [c for c in extra if _RATING_HEADER.search(fold(str(raw.headers.get(c, c))))]
    return [raw.problem(
        "rating_not_read", f"the column '{raw.headers.get(c, c)}' is not read: the annex rates each indicator "
        "itself, from its actual and its target and the thresholds of project.yaml (rag_green, rag_amber), and a "
        "rating written here may differ from the annex's without a word",
        "Compare it with the annex's ratings; if it rates otherwise on purpose, change the thresholds in "
        "project.yaml (rag_green, rag_amber under thresholds), and delete the column or keep it in another file.",
        index=raw.header_row, column=str(raw.headers.get(c, c)), severity="warning") for c in rated]


def _other_names(table: str, column: str) -> str:
    """' (in French: 'montant'; in English: 'amount_spent', ...)': the headers also read as a column, for a hint."""
    named = [(language, names) for language, names in (
        ("French", next((c.french for c in SPEC[table].columns if c.name == column), ())),
        ("English", ENGLISH_HEADERS.get(table, {}).get(column, ()))) if names]
    # shown as typed in a spreadsheet (« code de l'événement »), not as folded (`code_de_l'événement`): both are read
    said = [f"{language}: " + ", ".join(repr(n.replace("_", " ")) for n in names) for language, names in named]
    return f" (in {'; in '.join(said)})" if said else ""


# ----------------------------------------------------------------- typing columns


def _typed(name: str, raw: RawTable, params: ProjectParams,
           per_person: bool) -> tuple[pd.DataFrame, set[tuple[int | None, str]], list[Problem]]:
    """Every contract column typed; cells that could not be typed are reported and left empty. ``per_person``: the
    table is a register (its sexes read, its counts left to data.register)."""
    table = SPEC[name]
    counted = table.register.counts if per_person else ()   # computed from the register's rows, not read
    frame = raw.frame.copy()
    problems: list[Problem] = []
    written = None   # a spending row's period as written (« 2021 »): the period_end is its last day
    for column in table.columns:
        if column.name not in frame.columns or column.added or column.name in counted:
            continue
        if column.period:
            if raw.sheet is not None:
                frame[column.name] = _years_typed(frame[column.name])
            written = frame[column.name]
        if name == "reported" and column.name == "value":   # as printed: its number cells as the sheet shows them
            frame[column.name], padded = _printed(frame[column.name], report_decimal_mark(params), raw)
            problems += padded
            continue
        values, column_problems = _typed_column(frame[column.name], column.kind, raw, params.decimal_mark,
                                                money=column.money, percent=column.percent, period=column.period)
        if column.money and params.currency:
            column_problems = [_in_another_currency(p, params.currency, params.decimal_mark) for p in column_problems]
        if raw.sheet is not None and any(c.rule == "count_integer" for c in column.checks):
            # a count computed by a formula (=B2*0.4) holds 8.000000000000002 where the sheet shows 8, as Excel
            # shows 15 significant digits: it was refused, « a count must be a whole number (value: '8.0000…') »
            near = (values - values.round()).abs().lt(1e-9 * values.abs().clip(lower=1)).fillna(False)
            values = values.where(~near, values.round())
        if column.ambiguous:
            # (in a TND column « 3 000,500 » is as written: its currency writes three decimals)
            three = column.money and minor_units(params.currency) == 3
            whole = any(c.rule == "count_integer" for c in column.checks)
            column_problems += _ambiguous(frame[column.name], raw, params.decimal_mark, three, whole)
            column_problems += _scientific(frame[column.name], values, raw, params.decimal_mark)
        if column.name in _CODES:
            column_problems += _invisible_in_codes(values, raw)
            values = _compatible(values)
        if column.normalise == "country":
            column_problems += _country_not_known(values, raw)
        frame[column.name] = values
        problems += column_problems
    if any(c.normalise == "status" for c in table.columns):
        frame, status_problems = _statuses(frame, raw, params.status_synonyms)
        problems += status_problems
    if per_person:
        frame, sex_problems = _sexes(frame, raw)
        problems += sex_problems
    elif name == "participation":
        problems += _none_of_one_sex(frame, raw)
    for column in table.columns:  # optional columns the file does not have: empty
        if column.name not in frame.columns and column.name not in counted:
            frame[column.name] = blank(frame.index, column.kind)
    if written is not None and "period_label" in frame.columns:   # « 2021 » is its label too: when the period began
        periods = each_distinct(written, numbers.written_period, keep_missing=True)
        frame["period_label"] = frame["period_label"].where(frame["period_label"].notna() | periods.isna(),
                                                            periods).astype(frame["period_label"].dtype)
    for column in frame.columns:
        frame[column] = _normalised(table.column(column), frame[column])
    bad = {(p.row, p.column) for p in problems if p.column and p.severity == "error"}
    return frame, bad, problems


_NAMED = re.compile(re.escape(numbers.CURRENCY) + r" \('(?P<named>[^']*)'\)$")


def _in_another_currency(problem: Problem, currency: str, decimal_mark: str) -> Problem:
    """An amount cell refused for the currency it names (« 100000 KES », « 30000 EUR » in a USD project): the message
    says that currency, the project's, and to convert; the hint said only to remove the code, which would have read
    the Kenyan shillings or the euros as dollars. A cell in the project's own currency (« 12 000 $ ») keeps it."""
    found = _NAMED.match(problem.message)
    code = currency_code(found["named"]) if found else ""
    # (a currency the vocabulary cannot name, « د.ت », keeps the hint: remove it if it is the project's)
    if found is None or same_currency(found["named"], currency) or not (is_known(code) or is_iso_code(code)):
        return problem
    return dataclasses.replace(problem, message=(
        f"{problem.message}: the amount is in {code}, and the project's currency is {currency} (params, "
        "project.yaml)"), hint=(
        f"Convert the amount to {currency} (at the rate of your financial reports) and write it alone, with the "
        f"decimal mark '{decimal_mark}': the workbook does not convert currencies, and the amount without "
        f"'{found['named']}' would be read as {currency}."))


def _years_typed(series: pd.Series) -> pd.Series:
    """A period's end typed in an .xlsx as the number 2021 (a year in a cell formatted `General`): the year, as the
    text 2021 of a CSV and a date cell formatted `yyyy` are (numbers.YearCell), its label « 2021 » too. It was
    refused « not a date », the hint saying to write... a year. (Excel's serial 2021 is a day of 1905.)"""
    def year(value: Any) -> Any:
        if type(value) in (int, float) and float(value).is_integer() and YEARS[0] <= value <= YEARS[1]:
            return numbers.YearCell(int(value), 1, 1)
        return value

    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        return series
    values = [year(v) for v in series.tolist()]   # (object: map would make the MonthCells Timestamps)
    return pd.Series(values, index=series.index, name=series.name, dtype=object)


YEARS = (1900, 2200)   # the whole numbers of a period_end cell read as a year: the years numbers.period_bounds reads


def _typed_column(series: pd.Series, kind: str, raw: RawTable, decimal_mark: str, money: bool = False,
                  percent: bool = False, period: bool = False) -> tuple[pd.Series, list[Problem]]:
    example = "1 005 500,50" if decimal_mark == "," else "1,005,500.50"
    if kind == "str":
        # a text cell whose formula gives an error (« #N/A » from a lookup): a country, a line or a sex « #N/A »
        failed = [i for i, v in series.items() if isinstance(v, numbers.ErrorCell)] if raw.sheet is not None else []
        texts = _texts(series.mask(series.index.isin(failed)), decimal_mark) if failed else _texts(series, decimal_mark)
        return texts, [_formula_error(raw, "formula_error", i, series) for i in failed]
    if kind == "float":
        values, failed, reasons = numbers.parse_numbers(series, decimal_mark, money=money, percent=percent)
        hint = f"Write a number with the project's decimal mark '{decimal_mark}' (e.g. {example}), or leave it empty."
        rule = "not_a_number"
    elif kind == "date":
        values, failed, reasons = numbers.parse_dates(series, period=period)
        if raw.date1904:   # a 1904 workbook's serials name a date 4 years and a day later than a 1900 one's
            reasons = [numbers.excel_serial_reason(float(series[i]), date1904=True) or reason
                       if reason.startswith(numbers.EXCEL_SERIAL) and isinstance(series[i], (int, float)) else reason
                       for i, reason in zip(failed, reasons)]
        hint, rule = "Write the date as 2020-12-31 or 31/12/2020 (day first).", "not_a_date"
        if period:
            hint = hint[:-1] + ", or the period it ends: a month (2020-12, juin 2020), a quarter (T4 2020), a year."
    else:
        values, failed, reasons = numbers.parse_bools(series)
        hint, rule = "Write true/false, oui/non or 1/0 (empty means false).", "not_yes_no"
    special = {numbers.NOT_FINITE: f"Write a finite number (e.g. {example}), or leave it empty." if kind == "float"
               else hint,
               numbers.NEGATIVE_FORM: "A count or rate cannot be written as a negative amount: write 0 or more "
               "(negatives in parentheses or with a trailing minus are read in amount columns only)."}
    problems = [_formula_error(raw, rule, index, series) if getattr(series[index], "formula", None) else
                _date_in_number(raw, rule, index, series) if rule == "not_a_number" and raw.sheet is not None
                and isinstance(series[index], dt.datetime) else
                raw.problem(rule, reason, special.get(reason) or numbers.hint_for(reason, decimal_mark) or hint,
                            index=index, column=str(series.name), value=numbers.shown(series[index]))
                for index, reason in zip(failed, reasons)]
    if kind == "date" and failed:
        problems = _month_first(series, failed, problems, raw)
    if kind == "date" and raw.sheet is not None:
        problems += _swapped_date_cells(series, raw)
        early = values.lt(EARLIEST_DATE_CELL).to_numpy(bool)   # (no Python loop: only the few early cells are seen)
        for index in series.index[early]:
            if isinstance(series[index], dt.datetime) and not isinstance(series[index], numbers.YearCell):
                problems.append(_number_in_date(raw, index, series, period))
                values[index] = pd.NaT
    return values, problems


# a date cell of an .xlsx before this holds a number typed into a cell formatted as a date (2021, shown 13/07/1905)
EARLIEST_DATE_CELL = pd.Timestamp("1920-01-01")


def _number_in_date(raw: RawTable, index: Any, series: pd.Series, period: bool) -> Problem:
    """A number typed into an .xlsx date column whose cell is formatted as a date (the year 2021 typed into a
    column of dates): Excel holds 2021 and shows 13/07/1905, and an activity's end was read as 13 July 1905,
    without a word. Refused, naming the number and the date shown."""
    shown = _date_in_number(raw, "not_a_date", index, series)
    return dataclasses.replace(shown, message=(
        f"this cell holds the number {shown.value}, which the sheet shows as a date of {series[index].year} "
        f"({series[index].strftime('%d/%m/%Y')}) as the cell is formatted as a date: a year or a number typed "
        "into a date cell?"), hint="Format the cell as a number (Format Cells > Number; Format de cellule > Nombre): "
        "a year is then read as the year's end." if period else "Type the date itself (e.g. 30/06/2021).")


_SHOWN_KIND = {"not_a_number": "number", "not_a_date": "date"}


def _formula_error(raw: RawTable, rule: str, index: Any, series: pd.Series) -> Problem:
    """A cell of an .xlsx whose formula gives an error (numbers.ErrorCell: « #DIV/0! », « #N/A »): the formula is to
    be corrected, not the cell written as a number; a text cell so is not read as the text « #N/A »."""
    error = series[index]
    return raw.problem(
        rule, f"this cell's formula {error.formula} gives the error {error.explained()}: the sheet shows no "
        f"{_SHOWN_KIND.get(rule, 'value')}", "Correct the formula in Excel so that it gives the "
        "value (or type the value in its place), then save the file.", index=index, column=str(series.name),
        value=str(error))


def _date_in_number(raw: RawTable, rule: str, index: Any, series: pd.Series) -> Problem:
    """A number typed into an .xlsx cell formatted as a date: Excel holds 15 and shows 15/01/1900, and the cell is
    read as that date. The cause is the cell's format, not what was typed."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, to_excel

    value = series[index]
    held = to_excel(value, CALENDAR_MAC_1904 if raw.date1904 else CALENDAR_WINDOWS_1900)
    held_text = numbers.shown(int(held) if float(held).is_integer() else held)
    shown_as = value.strftime("%d/%m/%Y") + ("" if value.time() == dt.time() else value.strftime(" %H:%M"))
    return raw.problem(
        rule, f"this cell is formatted as a date: it holds the number {held_text}, which the sheet shows as the date "
        f"{shown_as}, and a date is not a number", f"Format the cell as a number (Format Cells > Number; Format de "
        f"cellule > Nombre): it then shows {held_text}; check that it is the figure meant.", index=index,
        column=str(series.name), value=held_text)


def _month_first(series: pd.Series, failed: list, problems: list[Problem], raw: RawTable) -> list[Problem]:
    """A column where a date exists only month first (12/31/2021, as an English Excel writes it) was written month
    first: its other dates whose day and month are both 12 or less (03/04/2021) were read day first, and may be
    wrong. Each is refused, and the date that gave it away says why."""
    def parts(text: Any) -> tuple[int, int, int] | None:
        found = numbers.DAY_FIRST.match(text.strip()) if isinstance(text, str) else None
        return (int(found[1]), int(found[3]), numbers.full_year(found[4])) if found else None

    def exists(year: int, month: int, day: int) -> bool:
        try:
            return bool(dt.date(year, month, day))
        except ValueError:
            return False

    witness = next((index for index in failed if (p := parts(series[index])) and p[0] <= 12 < p[1]
                    and exists(p[2], p[0], p[1])), None)
    if witness is None:
        return problems
    first = series[witness]
    month, day, year = parts(first)
    column = str(series.name)
    said = {witness: raw.problem(
        "not_a_date", f"this date exists only month first ({first}: month {month}, day {day}): the column seems "
        "written month first, as an English Excel writes dates, and the workbook reads dates day first",
        f"Write every date of the column year first ({dt.date(year, month, day).isoformat()}), which cannot be "
        "misread.",
        index=witness, column=column, value=numbers.shown(first))}
    for index in failed:   # the column's other month-first dates: « does not exist (day 12, month 31) » misled
        p = parts(series[index])
        if index != witness and p and p[0] <= 12 < p[1] and exists(p[2], p[0], p[1]):
            said[index] = raw.problem(
                "not_a_date", f"this date exists only month first (month {p[0]}, day {p[1]}), as the column is "
                f"written (see row {witness}: '{first}')",
                f"Write it year first ({dt.date(p[2], p[0], p[1]).isoformat()}), as every date of the column.",
                index=index, column=column, value=numbers.shown(series[index]))
    texts = series.dropna()
    texts = texts[texts.map(lambda v: isinstance(v, str)).astype(bool)]
    read = set(failed)
    for index, text in texts.items():
        p = parts(text)
        if index in read or p is None or p[0] == p[1] or p[0] > 12 or p[1] > 12:
            continue
        said[index] = raw.problem(
            "ambiguous_date", f"'{text}' is read day first ({dt.date(p[2], p[1], p[0]).isoformat()}), but this column "
            f"holds dates written month first (row {witness}: '{first}'): it may mean "
            f"{dt.date(p[2], p[0], p[1]).isoformat()}", f"Write every date of the column year first, which cannot be "
            f"misread: {dt.date(p[2], p[0], p[1]).isoformat()} if this one is month first too, "
            f"{dt.date(p[2], p[1], p[0]).isoformat()} if not.", index=index, column=column, value=text)
    return [p for p in problems if p.row not in said or p.column != column] + \
        [said[i] for i in sorted(said, key=lambda i: (i != witness, i))]


def _swapped_date_cells(series: pd.Series, raw: RawTable) -> list[Problem]:
    """An .xlsx date column holding date cells beside dates typed as text that read only day first (20/11/2020): a
    CSV of day-first dates opened in an Excel whose dates are month first, which made 05/11/2020 the date cell of
    11 May and left 20/11/2020 as text. Each date cell whose day could be its month (day 12 or less, not the month)
    is refused: read as stored, it may be the wrong date, day and month swapped."""
    def day_first_only(value: Any) -> bool:
        found = numbers.DAY_FIRST.match(value.strip()) if isinstance(value, str) else None
        return bool(found) and int(found[1]) > 12 >= int(found[3])

    witness = next((index for index, value in series.items() if day_first_only(value)), None)
    if witness is None:
        return []
    dates = [(index, value) for index, value in series.items() if isinstance(value, dt.datetime)
             and not isinstance(value, (numbers.MonthCell, numbers.YearCell))]
    texts = [value for value in series if isinstance(value, str) and numbers.DAY_FIRST.match(value.strip())]
    # that Excel's fingerprint: every date cell's day could be a month, every text date's could not (dates typed in
    # a day-first Excel, some in cells formatted as text, are not refused)
    if any(value.day > 12 for _, value in dates) or not all(day_first_only(value) for value in texts):
        return []
    column = str(series.name)
    cells = [(index, value) for index, value in dates if value.day != value.month]
    return [raw.problem(
        "ambiguous_date", f"this cell holds the date {value.date().isoformat()}, beside dates of the column typed as "
        f"text day first, which Excel did not take as dates (row {witness}: '{series[witness]}'): the table was "
        f"opened in an Excel whose dates are month first, which reads {value.month:02d}/{value.day:02d}/{value.year} "
        f"as {value.date().isoformat()}; it may be {dt.date(value.year, value.day, value.month).isoformat()}",
        f"Write the column's dates year first ({dt.date(value.year, value.day, value.month).isoformat()} if day and "
        f"month are swapped), or open the CSV in an Excel with French (day-first) regional settings.", index=index,
        column=column, value=value.date().isoformat()) for index, value in cells]


def _ambiguous(series: pd.Series, raw: RawTable, decimal_mark: str, three_decimals: bool = False,
               whole: bool = False) -> list[Problem]:
    """A warning for each cell whose reading depends on the decimal mark ('12,000': 12 or 12 000? '3 000,000': 3 000
    or 3 000 000?). ``three_decimals``: amounts in a currency written with three decimals (TND), where '3 000,500'
    is as written (numbers.ambiguous). ``whole``: a count, which no reading with decimals can be: '1,500'
    participants read as 1 500 with the mark '.' was told « could mean 1.5 »."""
    texts = series.dropna() if pd.api.types.infer_dtype(series, skipna=True) == "string" else \
        series[series.map(lambda v: isinstance(v, str), na_action="ignore").fillna(False).astype(bool)]
    texts = texts[numbers.ambiguous_cells(texts)]
    said = each_distinct(texts, lambda v: numbers.ambiguity(v, decimal_mark, three_decimals, whole),
                         keep_missing=True)
    return [raw.problem("ambiguous_number", *said[index], index=index, column=str(series.name),
                        value=series[index], severity="warning")
            for index in texts.index[said.notna().to_numpy(bool)]]


def _scientific(series: pd.Series, values: pd.Series, raw: RawTable, decimal_mark: str) -> list[Problem]:
    """A number of a CSV written in scientific notation (« 1.2E+05 »): Excel writes a number so when its column is
    too narrow or it has more than 11 digits, and the file keeps the digits shown (123 456 became 1.2E+05, read as
    120 000 without a word). Read, with a warning per cell (a regex over the column's text cells only). So is an
    .xlsx cell holding the text « 1.2E+05 » (pasted from such a CSV: a number cell holds every digit), which was read
    as 120 000 without a word, where the CSV's got the warning."""
    if pd.api.types.infer_dtype(series, skipna=True) != "string":   # .xlsx: its text cells only
        series = series[series.map(lambda v: isinstance(v, str), na_action="ignore").fillna(False).astype(bool)]
        if series.empty:
            return []
    maybe = series[series.str.contains("[eE]", regex=True, na=False).to_numpy(bool)]   # (a cheap filter first)
    found = maybe.index[maybe.str.strip().str.match(numbers._SCIENTIFIC.pattern, na=False).to_numpy(bool)
                        & values[maybe.index].notna().to_numpy(bool)]
    return [raw.problem(
        "scientific_number", f"'{series[index]}' is read as {numbers.format_number(values[index], decimal_mark)}: "
        f"{numbers.SCIENTIFIC}", numbers.hint_for(numbers.SCIENTIFIC, decimal_mark) if raw.sheet is None else
        TEXT_SCIENTIFIC, index=index, column=str(series.name), value=series[index], severity="warning")
        for index in found]


TEXT_SCIENTIFIC = ("This cell holds the text, not a number (pasted from a CSV?): type the number in full, every digit, "
                   "in a cell formatted as a number.")


# The columns holding codes that join rows or tell them apart, compared as written, where an invisible character
# (text.INVISIBLE) makes another code: 'B' + U+200B + '1' is shown as B1 and is another line than B1, so a budget
# line written twice was counted twice without the duplicate_line error (readers strip those at a cell's edges).
# (the readers' list: U+202D and U+202E are control characters.)
_CODES = ("activity_id", "event_id", "line", "indicator_id", "figure_id", "key", "budget_lines")
_INVISIBLE = f"[{readers.INVISIBLE}]"


def _invisible_in_codes(values: pd.Series, raw: RawTable) -> list[Problem]:
    """Each code holding an invisible character: an error at its cell, the character named."""
    import unicodedata

    if values.str.isascii().all():   # (none is ASCII: a register's million codes are not searched one by one)
        return []
    found = values.str.contains(_INVISIBLE, regex=True, na=False).to_numpy(dtype=bool)
    problems = []
    for index, value in values[found].items():
        char = re.search(_INVISIBLE, value).group()
        name = unicodedata.name(char, "").lower()
        problems.append(raw.problem(
            "invisible_character", f"this code holds an invisible character (U+{ord(char):04X} {name}): it is shown "
            f"as '{re.sub(_INVISIBLE, '', value)}' and is another code than that one",
            "Delete the invisible character (it comes with text copied from a web page, a PDF or Word): retype the "
            "code.", index=index, column=str(values.name), value=value))
    return problems


def _country_not_known(values: pd.Series, raw: RawTable) -> list[Problem]:
    """A country written as not known (`NA`, `n.d.`, `inconnu`, `?`: text.NOT_KNOWN_WORDS, as a number cell so
    written is refused): it was read as a country of that name (`NA`, Namibia's code), in no country annex, counted
    as a country of its own in the project's. Not the project as a whole either (an empty cell, `regional`, `N/A`):
    the row's country is to be said."""
    distinct = values.unique()   # (one hash pass; the empty cell is skipped below)
    unknown = [v for v in distinct if isinstance(v, str) and not is_project_wide(v) and is_not_known(v)]
    if not unknown:
        return []
    rows = values.isin(unknown).to_numpy(dtype=bool)
    return [raw.problem(
        "country_not_known", f"this country is written as « not known » ('{value}'): it would be read as a country "
        "of that name" + (" (Namibia's code)" if fold(value).rstrip(".") == "na" else "") + ", counted in no "
        "country annex and as a country of its own in the project's", "Write the row's country; leave the cell "
        "empty (or write `regional`) if the row belongs to the project as a whole" +
        (", and write 'Namibie' if you mean Namibia." if fold(value).rstrip(".") == "na" else "."),
        index=index, column=str(values.name), value=value)
        for index, value in values[rows].items()]


def _compatible(values: pd.Series) -> pd.Series:
    """Codes in their compatibility form (NFKC), as text.fold compares names: a full-width 'Ｒ1' (an Asian input
    method, a PDF) is R1. Compared as written, it was another line than R1, its spending and budget counted apart
    without a word (and 'Ｅ1' another event than E1); 'Ｒ1；Ｒ2' names R1 and R2."""
    if values.str.isascii().all():   # (the codes of almost every table: nothing to look at)
        return values
    return each_distinct(values, lambda v: plain_code(v) if isinstance(v, str) else v, keep_missing=True, dtype="str")


def _texts(series: pd.Series, decimal_mark: str) -> pd.Series:
    """Text as written; .xlsx numbers with the project's decimal mark, .xlsx dates as 2020-12-31."""
    def text(value: Any) -> Any:
        if numbers.is_empty(value):
            return None
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, numbers.Shown):   # 1.10 as the sheet shows it, not 1.1: another code
            return value.as_shown(decimal_mark)
        if isinstance(value, (int, float)):
            return numbers.format_number(value, decimal_mark)
        if isinstance(value, numbers.YearCell):   # a date cell the sheet shows « 2020 »: the year, not 2020-01-01
            return f"{value.year:04d}"
        if isinstance(value, numbers.MonthCell):   # shown « déc.-20 »: the month, not its first day
            return f"{value.year:04d}-{value.month:02d}"
        if hasattr(value, "isoformat"):
            return value.date().isoformat() if hasattr(value, "date") else value.isoformat()
        return str(value).strip()

    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        # text as the readers give it: stripped, an empty cell missing, so text(value) would give each as it is
        return series.astype("str")
    return pd.Series([text(v) for v in series], index=series.index, dtype="str", name=series.name)


def _printed(series: pd.Series, report_mark: str | None, raw: RawTable) -> tuple[pd.Series, list[Problem]]:
    """reported.xlsx's published values as text: a number cell as the number it holds, with the report's decimal
    mark (the mark that reads it back: 1.655 was written '1,655' with the project's mark '.', read back with the
    report's ',' as... 1655, and 241.377 as 241377); a cell formatted as a percentage as the percentage the sheet
    shows (0.5 -> '50 %': it was '0.5', read as 0,5), but never with more decimals than the cell holds, with a
    warning: Excel and LibreOffice give a typed « 45,5 % » (or a CSV's, opened in them) the format '0.00%', and
    « 45,50 % » was compared to 2 decimals with 45,519, « Écart » for a figure the report printed right. A number
    whose format writes a text beside it is followed by that text, as the sheet shows it (150 000 formatted
    `#,##0 [$€-40C]` is '150000 €': it was compared as the project's USD; 150 formatted `#,##0" k$"` '150 k$': it
    was 150)."""
    mark = report_mark or "."
    formats = raw.formats.get(raw.letters.get(str(series.name), ""), {})
    padded: list[Problem] = []

    def text(index: Any, value: Any) -> Any:
        if not isinstance(value, numbers.Percent):
            shown = _texts(pd.Series([value], dtype="object"), mark).iloc[0]
            if isinstance(value, (dt.date, pd.Timestamp)):   # « 1.2 », « 3/4 », « 30-40 » typed: Excel made a date
                padded.append(raw.problem(
                    "published_date", f"this cell holds a date ({shown}), not a published figure: a spreadsheet turns "
                    "a typed « 1.2 », « 3/4 » or « 30-40 » into a date", "Type the value as text, as the report "
                    "prints it (with a leading apostrophe: '1,2), or format the column as text before typing; the "
                    "annex will say 'not computable'.", index=index, column=str(series.name), value=shown,
                    severity="warning"))
                return shown
            number = type(value) in (int, float) or isinstance(value, numbers.Shown)   # (1.40: the decimals shown)
            said = number_kind(formats.get(index)) if number else None
            # a format showing a '+' before it (`+0;-0;0`, `+0"%"`): the sheet shows « +16 », a change, not 16
            plus = number and value > 0 and shows_plus(formats.get(index))
            shown = f"+{shown}" if plus else shown
            if isinstance(said, tuple) and said[0]:
                words, divided = said
                words = words.lstrip("+ ") if plus else words   # (`"+"0" %"`: its '+' is before the number)
                if divided:   # `#,##0," k$"` shows 150 000 as « 150 k$ »: the cell holds the whole amount
                    words = re.sub(r"^(?:k|K|M|Mio|Md)\s*(?=\W|$)|\b(?:milliers?|thousands?|millions?|milliards?)\b",
                                   "", words).strip()
                shown = f"{shown} {words}".strip() if words else shown
            return shown
        held = value.held_decimals()
        if value.decimals is None or value.decimals <= held:
            return value.as_shown(mark)
        shown, typed = value.as_shown(mark), numbers.Percent.shown(value, held, value.plus).as_shown(mark)
        padded.append(raw.problem(
            "percent_decimals", f"this cell's format shows {shown} and the cell holds {typed}: the published figure "
            f"is compared as {typed}, to {held} decimal(s) (Excel and LibreOffice format a typed percentage with 2 "
            "decimals, whatever was typed)", f"Nothing to do if the report prints {typed}; if it prints {shown}, "
            f"write the value as text, as printed (typed with a leading apostrophe: '{shown}).", index=index,
            column=str(series.name), value=shown, severity="warning"))
        return typed

    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        return series.astype("str"), []
    return pd.Series([text(i, v) for i, v in series.items()], index=series.index, dtype="str",
                     name=series.name), padded


def _statuses(frame: pd.DataFrame, raw: RawTable, synonyms: dict[str, str]) -> tuple[pd.DataFrame, list[Problem]]:
    frame["status_label"] = frame["status"]
    codes = each_distinct(frame["status"], lambda label: normalise_status(label, synonyms)
                          if isinstance(label, str) else None, dtype="str")
    unknown = each_distinct(frame["status"], lambda v: isinstance(v, str), dtype=bool) & codes.isna()
    problems = []
    if unknown.any():
        hint = (f"Use one of — {accepted_text(synonyms)} — or add it to status_synonyms in "
                "params/<project>/project.yaml.")
        problems = [raw.problem("unknown_status", "this status is not one the workbook knows", hint, index=index,
                                column="status", value=frame.at[index, "status"])
                    for index in frame.index[unknown.to_numpy()]]
    frame["status"] = codes
    return frame, problems


def _sexes(frame: pd.DataFrame, raw: RawTable) -> tuple[pd.DataFrame, list[Problem]]:
    def word(text: Any) -> str:
        return fold(text) if isinstance(text, str) else ""

    # the texts not recognised, found among the distinct values (a register: a million rows, a few words)
    unknown = [v for v in frame["sex"].unique().tolist() if word(v) != "" and word(v) not in SEX_WORDS]
    rows = frame.index[frame["sex"].isin(unknown).to_numpy(bool)] if unknown else []
    problems = [raw.problem("unknown_sex", "the sex is not recognised", "Write f/femme/féminin/F/Mme or "
                            "m/homme/masculin/H/M/M., or leave empty when it is not known (1 and 2 are not read: "
                            "which is which is the form's).", index=index, column="sex", value=frame.at[index, "sex"])
                for index in rows]
    frame["sex"] = each_distinct(frame["sex"], lambda text: SEX_WORDS.get(word(text)), dtype="str")
    return frame, problems


def _none_of_one_sex(frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """An event whose men are all its participants, its `women` left empty (or the reverse), has 0 women (0 men):
    written so, in place, with a warning. Left empty, its women were « not recorded »: the event fell out of the
    women's share, and 30 men with no woman made a project's 16 % read 40 %."""
    if not {"women", "men", "participants"} <= set(frame.columns):
        return []
    problems = []
    for empty, other in (("women", "men"), ("men", "women")):
        rows = frame[empty].isna() & frame[other].notna() & (frame[other] == frame["participants"]) \
            & (frame["participants"] > 0)
        for index in frame.index[rows.to_numpy(bool)]:
            problems.append(raw.problem(
                f"no_{empty}_left_empty", f"'{empty}' is empty and the {numbers.format_number(frame.at[index, other])}"
                f" participants are all {other}: read as 0 {empty}", "Write 0 where no one of that sex took part: "
                "an empty cell means « not recorded », and leaves the event out of the women's share and the "
                "parity index.",
                index=index, column=empty, severity="warning"))
        if rows.any():
            frame[empty] = frame[empty].mask(rows, 0.0)   # a new column: the typed one may be read-only
    # men counted, women not, on an event with others: the others are likely women, yet the event is out of the share
    # and its participants all « of unknown sex » (15 men of 25 read as 25 of unknown sex)
    rows = frame["women"].isna() & frame["men"].notna() & (frame["men"] < frame["participants"])
    for index in frame.index[rows.to_numpy(bool)]:
        people, men = frame.at[index, "participants"], frame.at[index, "men"]
        problems.append(raw.problem(
            "women_left_empty_beside_men", f"'women' is empty while {numbers.format_number(men)} of the "
            f"{numbers.format_number(people)} participants are counted as men: the event is left out of the women's "
            f"share, its {numbers.format_number(people)} participants counted as of unknown sex",
            f"If the {numbers.format_number(people - men)} others are women, write {numbers.format_number(people - men)}"
            " in 'women'; if the women were not counted, leave it empty.", index=index, column="women",
            severity="warning"))
    return problems


def _normalised(column: Column | None, series: pd.Series) -> pd.Series:
    """As the column's ``normalise`` says: country -> 'regional' when empty; enumerations lowercased; sex and
    comparison words to their codes, an empty cell to the column's default."""
    how = column.normalise if column is not None else None
    if how == "country":
        return each_distinct(series, lambda c: REGIONAL if numbers.is_empty(c) or is_project_wide(c) else c,
                             dtype="str")
    if how == "enumeration":
        words = dict(column.words)

        def code(value: Any) -> Any:
            if numbers.is_empty(value):
                return value
            written = as_code(value)
            return words.get(written, written)

        return each_distinct(series, code, keep_missing=True, dtype="str")
    if how == "sex":
        return each_distinct(series, lambda v: column.default if numbers.is_empty(v) or fold(v) in TOTAL_WORDS
                             else SEX_WORDS.get(fold(v), v), dtype="str")
    if how == "comparison":
        return each_distinct(series, lambda v: column.default if numbers.is_empty(v) else COMPARISON_WORDS.get(
            v.strip(), v.strip()), dtype="str")
    if column is not None and column.default is not None:
        return each_distinct(series, lambda v: column.default if numbers.is_empty(v) else v, dtype="str")
    return series


# ----------------------------------------------------------------- warnings and the finished frame


def _table_warnings(name: str, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """The warnings of the table's specification, one per row concerned."""
    problems = []
    for warning in SPEC[name].warnings:
        rows = np.asarray(warning.when(frame), dtype=bool)
        # the values of the rows concerned in one call (frame.at takes 20 µs a row; a rule may hold on 50 000)
        values = frame[warning.column][rows].tolist() if warning.show_value else None
        for position, index in enumerate(frame.index[rows]):
            value = None if not warning.show_value else values[position].date().isoformat() \
                if isinstance(values[position], dt.datetime) else numbers.format_number(values[position])
            problems.append(raw.problem(warning.rule, warning.message, warning.hint, index=index,
                                        column=warning.column, value=value, severity="warning"))
    return problems


def _finish(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """All contract columns in order with their dtypes, then the extra columns; index 0..n-1."""
    out = {}
    for column, kind in COLUMNS[name].items():
        out[column] = frame[column].astype(DTYPES[kind]) if column in frame.columns \
            else blank(frame.index, kind)
    for column in frame.columns:
        if column not in out and column:
            out[column] = _storable(frame[column])
    if name == "reported":   # an empty key is the whole, as analyses.reconcile.default_key reads "" (not a NaN)
        out["key"] = out["key"].fillna("")
    return pd.DataFrame(out, index=frame.index).reset_index(drop=True)


def _storable(values: pd.Series) -> pd.Series:
    """A column the workbook does not read, as the store (Parquet) can hold it: numbers beside text in one column
    (an .xlsx « Initial budget » with « 250 000 » pasted as text beside number cells) kept as text. Kept as they
    were, they stopped the build with a pyarrow traceback after `make check` said OK."""
    if values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) in ("mixed", "mixed-integer"):
        return values.map(lambda v: None if numbers.is_empty(v) else str(v)).astype("str")
    return values


# ================================================================= across tables and annexes


def _unknown_lines(expenditure: pd.DataFrame, raw: RawTable, budget: pd.DataFrame, resolved: tuple) -> list[Problem]:
    """Every expenditure line must be a budget line of its country (data.lines: a line is (country, line));
    ``resolved``: lines.resolve of the budget and these rows."""
    known = set(budget["line"].dropna().tolist())   # (a list: one call, not one per line)
    lines = expenditure["line"]
    text = each_distinct(lines, lambda v: isinstance(v, str), dtype=bool).to_numpy(bool)
    _, status, countries = resolved[:3]
    problems = []
    for index in expenditure.index[text & (status != lines_mod.FOUND).to_numpy(bool)]:
        line, state = lines[index], status[index]
        where = ", ".join(countries.get(line, []))
        if state == lines_mod.AMBIGUOUS:
            problems.append(raw.problem("ambiguous_line", f"the budget line '{line}' exists in several countries "
                                        f"({where}) and this row gives no country", "Write the country of this "
                                        f"spending in the 'country' column (one of: {where}).", index=index,
                                        column="country", value=line))
        elif state == lines_mod.OTHER_COUNTRY:
            country = expenditure.at[index, "country"]
            # 'Marroc' in budget.csv, 'Maroc' here: one country misspelt in one table, not a line to add
            close = next((c for c in countries.get(line, []) if isinstance(country, str)
                          and did_you_mean(country, [c])), None)
            problems.append(raw.problem("unknown_line", f"the budget has the line '{line}' for {where}, not for "
                                        f"{country}", f"The budget writes this line's country '{close}', close to "
                                        f"'{country}': if they are one country, write it the same way in both tables "
                                        "(the annex of that country counts only the rows written as its file "
                                        "writes it)." if close else f"Correct the country of this row, or add the "
                                        f"line '{line}' for {country} to the budget table.", index=index,
                                        column="line", value=line))
        else:
            guess = did_you_mean(line, known)
            short = line.rstrip("0") if re.fullmatch(r"\d+[.,]\d*0", line) else None
            if short and short in known:   # « 1.10 » beside the budget's 1.1: typed 1.10 in a number cell?
                guess = (f"The budget has '{short}': a code typed {line} in a cell formatted as a number is kept "
                         f"as {short} by Excel. Format the budget's line column as Text and type the codes again, "
                         f"or write '{short}' here if it is that line.")
            problems.append(raw.problem("unknown_line", "this budget line is not in the budget table",
                                        (guess + " " if guess else "") + "Use a line of the budget table, or add "
                                        "the line there.", index=index, column="line", value=line))
    return problems


def _line_keys(budget: pd.DataFrame) -> set[str]:
    """The figures keys <line>/<country> (R1/Mali), folded: how a line whose code is in several countries may be
    named."""
    if "country" not in budget:
        return set()
    return {fold(f"{code}/{country}") for code, country in zip(budget["line"].astype(str).tolist(),
                                                                budget["country"].tolist()) if fold(country)}


def _unknown_financing_lines(frame: pd.DataFrame, raw: RawTable, budget: pd.DataFrame,
                              has_budget: bool) -> list[Problem]:
    """Every line a ``budget_lines`` cell names must exist in the budget (analyses.efficiency costs it)."""
    if "budget_lines" not in frame:
        return []
    known = set(budget["line"].dropna().astype(str).tolist())
    keys: set[str] | None = None
    labels: dict[str, tuple[str, list[str]]] | None = None
    problems = _split_not_read(frame, raw)
    cells = frame["budget_lines"]
    filled = cells.notna().to_numpy(bool)   # an empty cell names no line
    # a line whose code holds a separator (';', ',', '+': « R1+R2 », « =1+1 ») cannot be named: the cell is split
    split = sorted((line for line in known if re.search(r"[;,+]", line)), key=len, reverse=True)
    listed = cells[filled].tolist()   # (a list: one call, not one per cell)
    says_none = {cell for cell in set(listed) if str(cell) not in known and _says_none(cell)}   # each distinct once
    for index, cell in zip(frame.index[filled], listed):
        if cell in says_none:   # « - », « n/a », « Aucune »: was « line '-' not in the budget »
            problems.append(raw.problem(
                "unknown_financing_line", f"this cell says « no line » ('{str(cell).strip()}'): it is read as the "
                "name of a budget line, which the budget table does not have",
                "Leave the cell empty when no budget line finances this row (it then has no cost per result); else "
                "name lines of the budget table, separated by ';' (e.g. R1; R6).", index=index,
                column="budget_lines", value=str(cell)))
            continue
        named = split_lines(cell)
        if split and not all(line in known for line in named):
            held = next((line for line in split if line in str(cell)), None)
            if held is not None:
                problems.append(raw.problem(
                    "unknown_financing_line", f"the budget line '{held}' holds "
                    f"'{re.search(r'[;,+]', held).group()}', which separates the lines a cell names: this cell is "
                    "read as the lines " + ", ".join(f"'{line}'" for line in named),
                    f"Rename the line '{held}' in the budget table without ';', ',' or '+' (e.g. "
                    f"'{re.sub(r'[;,+]', '-', held).lstrip('=')}'), and name it so here.", index=index,
                    column="budget_lines", value=str(cell)))
                continue
        for line in named:
            if line in known:
                continue
            keys = _line_keys(budget) if keys is None else keys   # made at the first name that is not a code
            if fold(line) in keys:
                continue
            share = _SHARE.match(line)
            if share and (share["line"] in known or fold(share["line"]) in keys):
                # « R2 (50 %) »: was « the budget line 'R2 (50%)' is not in the budget table », and once written R2
                # its whole spending was each result's cost, the split said nowhere
                problems.append(raw.problem(
                    "unknown_financing_line", f"'{line}' names a share of the budget line '{share['line']}': the "
                    "workbook does not split a line between results (the data hold no key to split it)",
                    f"Name the line alone ('{share['line']}'): a line that finances several results is counted in "
                    "full for each of them, its costs marked « partagé » (shared) in the annex, not to be added up "
                    "(data/README.md, Cost per result).", index=index, column="budget_lines", value=str(cell)))
                continue
            labels = _codes_by_label(budget) if labels is None else labels   # made at the first unknown name
            guess = did_you_mean(line, known) or _line_by_label(line, labels)
            problems.append(raw.problem("unknown_financing_line", f"the budget line '{line}' is not in the budget "
                                        "table" if has_budget else "there is no budget table to find this line in",
                                        (guess + " " if guess else "") + "Name lines of the budget table, separated "
                                        "by ';' (e.g. R1; R6), or leave the cell empty.",
                                        index=index, column="budget_lines", value=str(cell)))
    return problems


# a line named with its share: « R2 (50 %) », « R2: 50% », « R2 = 0,5 » is not, « R2 50% »
_SHARE = re.compile(r"^(?P<line>.+?)\s*[(:=]?\s*\d+(?:[.,]\d+)?\s*%\s*\)?$")
# a column beside budget_lines that splits them (« Répartition », « Clé de répartition », « Quote-part »)
# « % de la ligne », « Part du budget »; not « Femmes (%) », « Part des femmes »
_SPLIT_HEADER = re.compile(r"repartition|ventilation|quote.?part|\bcle\b|allocation|\bsplit\b|"
                           r"(?:%|\bpart\b|\bshare\b|pourcentage).*\b(?:lignes?|lines?|budget)\b")


def _split_not_read(frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A column that says how the named lines are split between results (« Répartition », « % ») is not read: each
    line's whole spending is the cost of every result it finances (shared, not divided). A warning at its header,
    when one of its cells is filled: the costs were given in full where the evaluator had written a split."""
    known = {n for t in FINANCED_TABLES for n in (*SPEC[t].names, *(c.name for c in (SPEC[t].register.columns
                                                                                   if SPEC[t].register else ())))}
    return [dataclasses.replace(raw.problem(
                "split_not_read", f"the column '{raw.headers.get(name, name)}' is not read: a budget line named by "
                "several rows is counted in full for each of them (shared, not divided)", "Leave the split out (the "
                "annex marks the costs of such lines « partagé », not to be added up), or give each result its own "
                "budget line.", index=raw.header_row, column=name, severity="warning"),
                column=str(raw.headers.get(name, name)))   # named as the file heads it
            for name in raw.frame.columns if name not in known
            and _SPLIT_HEADER.search(fold(str(raw.headers.get(name, name)))) and raw.frame[name].notna().any()]


def _codes_by_label(budget: pd.DataFrame) -> dict[str, tuple[str, list[str]]]:
    """Each budget label folded -> (the label, its codes), made once (each distinct pair folded once)."""
    if "label" not in budget:
        return {}
    out: dict[str, tuple[str, list[str]]] = {}
    for label, code in budget[["label", "line"]].dropna().astype(str).drop_duplicates().itertuples(index=False):
        out.setdefault(fold(label), (label, []))[1].append(code)
    return out


def _line_by_label(name: str, labels: dict[str, tuple[str, list[str]]]) -> str:
    """« Did you mean 'R2' (Résultat 2 : emplois)? » for a line named by its label (« Résultat 2 »), as a budget by
    result writes it; '' when no single code's label starts so (« Résultat 2 » is not « Résultat 20 »)."""
    wanted = fold(name)
    found = [(label, codes) for folded, (label, codes) in labels.items() if wanted and folded.startswith(wanted)
             and not folded[len(wanted):len(wanted) + 1].isdigit()]
    codes = list(dict.fromkeys(code for _, listed in found for code in listed))
    return f"Did you mean '{codes[0]}' ({found[0][0]})? The cell names a line by its code." if len(codes) == 1 else ""


_NO_LINE_WORDS = frozenset({"aucun", "aucune", "aucune ligne", "neant", "sans", "rien", "none", "nil", "no line"})


def _says_none(cell: Any) -> bool:
    """Whether a budget_lines cell says « no line » (a dash, a not-known word, « Aucune », « néant »)."""
    return is_dash(cell) or is_not_known(cell) or fold(cell).strip(" .") in _NO_LINE_WORDS


def _country_problems(annex: AnnexParams, data: ProjectData, table_files: dict[str, Path],
                      params_dir: Path, has_all: bool = False) -> list[Problem]:
    """An annex's country must appear in the data (its tables and impact studies); then one warning for the
    tables without its rows, and one for the rows of the project as a whole, which a country annex never shows."""
    if annex.is_all:
        return []
    wanted = fold(annex.country)
    annex_file = relative(params_dir / annex.project / f"{annex.annex}.yaml")
    seen: set[str] = set()
    missing_in: list[str] = []          # tables with rows of other countries only
    whole: list[str] = []               # tables whose every row belongs to the project as a whole
    partly: list[tuple[str, int]] = []  # tables with rows of the country and some of the project as a whole
    no_country: list[str] = []          # the tables and studies that give no country at all
    written_so: list[str] = []          # the tables of missing_in that write the country another way ('MA')
    for file, countries, kept_whole in _country_columns(data, table_files):
        if countries.empty:
            continue
        counts = countries.value_counts(dropna=False)     # each distinct value folded once, not each row
        folded = {c: REGIONAL if numbers.is_empty(c) else fold(c) for c in counts.index}
        project_wide = int(sum(n for c, n in counts.items() if folded[c] == REGIONAL))
        seen |= {c for c, f in folded.items() if f != REGIONAL}
        if project_wide == len(countries):
            no_country.append(file)
        if kept_whole:
            continue                    # a study without a country column is shown in every annex
        if project_wide == len(countries):
            whole.append(file)
        elif wanted not in set(folded.values()):
            missing_in.append(file)
            code = country_code(annex.country)
            written_so += [f"{file} writes it '{c}'" for c in folded if code and country_code(c) == code]
        elif project_wide:
            partly.append((file, project_wide))
    if not any(fold(c) == wanted for c in seen):
        same = same_country(annex.country, seen)   # `country: MA` (or Morocco) where the data write Maroc
        guess = f"Did you mean '{same}'? '{annex.country}' and '{same}' name the same country (a code, or a name in " \
            "another language)." if same \
            else did_you_mean(annex.country, seen)
        hint = (guess + " " if guess else "") + "Countries in the data: " + (", ".join(sorted(seen)) or "none") + "."
        if _shared_by(annex.country, seen):   # `country: Maroc, Tunisie`: not a misspelt 'Tunisie'
            hint = ("An annex covers one country, or the whole project (`country: all`, which compares the "
                    "countries): write one country here, and one annex file per country. Countries in the data: "
                    + ", ".join(sorted(seen)) + ".")
        if is_project_wide(annex.country):   # `country: Régional`: read as the project's own rows
            hint = (f"'{annex.country}' is the project as a whole: its rows are shown in the annex with `country: "
                    "all` (with every country's), which compares the countries; write `country: all`. " + hint)
        if not seen and no_country:
            hint += (f" No table gives a country ({', '.join(no_country)}): their rows belong to the project as a "
                     f"whole; write `country: all` in {Path(annex_file).name} to show them.")
            if has_all:   # (make new --countries "Maroc" writes ensemble.yaml too: `all` twice was the advice)
                hint = hint[:-1] + (f", or delete {Path(annex_file).name}: the project's annex with `country: all` "
                                    "shows them already.")
        return [Problem(annex_file, "unknown_country", f"no table has rows for the country '{annex.country}'",
                        hint, column="country", value=annex.country)]
    problems = []
    if missing_in:
        hint = "Fine if these tables do not apply to this country; the annex will show no figures from them."
        if written_so:   # its code or English name: not a table that does not apply
            hint = (f"{'; '.join(written_so)}: write '{annex.country}' there, as {Path(annex_file).name} does, "
                    "else the annex leaves those rows out." + ("" if len(written_so) == len(missing_in) else
                                                               " The other tables: " + hint[0].lower() + hint[1:]))
        if any(Path(file).stem == "expenditure" for file in missing_in):  # unknown, not 0: the project's too
            hint += (" Without expenditure rows its spending is not known, in its annex and in the project's "
                     "totals (n.d.): if nothing was spent yet, add a row with the amount 0.")
        problems.append(Problem(
            annex_file, "country_without_rows", f"no rows for '{annex.country}' in {len(missing_in)} "
            f"table{'s' if len(missing_in) > 1 else ''}: {', '.join(missing_in)}", hint,
            column="country", value=annex.country, severity="warning"))
    one_country = {fold(c) for c in seen} == {wanted}
    lost = [f"{file} (all rows)" for file in whole] + ([f"{file} ({n} row{'s' if n > 1 else ''})"
                                                       for file, n in partly] if one_country else [])
    if lost:
        where = Path(annex_file).name
        hint = (f"This is a one-country project: write `country: all` in {where} to show every row (the rows "
                "of the project as a whole go to the `all` annex only)." if one_country else
                "Their rows are shown in the annex with `country: all` only; give them the country in a "
                f"`country` column if they belong to {annex.country}.")
        problems.append(Problem(
            annex_file, "project_wide_rows", "rows of the project as a whole (no country, or 'regional') will "
            f"not appear in the '{annex.country}' annex: " + ", ".join(sorted(lost)), hint,
            column="country", value=annex.country, severity="warning"))
    return problems


def _countries_without_annex(annexes: list[AnnexParams], data: ProjectData,
                             table_files: dict[str, Path]) -> list[Problem]:
    """A country of the data that no country annex covers and whose name is close to an annex's ('Tunisia' beside
    'Tunisie') or holds it ('Royaume du Maroc'): another spelling of that country, whose rows its annex would leave
    out (they count in the project-wide annex only, as a country of their own). A country far from every annex's is
    a country the evaluation gives no annex of its own, and is not said."""
    covered = {fold(a.country): a.country for a in annexes if not a.is_all}
    if not covered:
        return []
    found: dict[str, tuple[str, list[str], int]] = {}   # folded -> (as written, files, rows)
    seen: set[str] = set()
    for file, countries, _ in _country_columns(data, table_files):
        for country, n in countries.value_counts().items():
            key = fold(country) if isinstance(country, str) else REGIONAL
            seen.add(key)
            if key in covered or key == REGIONAL or not key or totals.says_total(country, set(covered)):
                continue   # (« Sous-total Sénégal » in `country`: a totals row, refused as such, no misspelt country)
            written, files, rows = found.get(key, (country, [], 0))
            found[key] = (written, files + [file], rows + int(n))
    # an annex whose country no row holds ('Marroc' in maroc.yaml): the data's 'Maroc' is not to be respelt after it
    misspelt = {a.country: a.annex for a in annexes if not a.is_all and fold(a.country) not in seen}
    problems = []
    for written, files, rows in found.values():
        close = same_country(written, list(misspelt)) or did_you_mean(written, list(misspelt))
        annex_side = next((c for c in misspelt if close in (c, f"Did you mean '{c}'?")), None)
        if annex_side is not None:
            problems.append(Problem(
                relative(data.files[0].parent if data.files else Path()), "country_without_annex",
                f"{rows} row{'s' if rows > 1 else ''} of '{written}' ({', '.join(files)}) belong to no country annex: "
                f"params/{data.project}/{misspelt[annex_side]}.yaml writes `country: {annex_side}`, which no row holds",
                f"If '{written}' is the country's name, write `country: {written}` in "
                f"params/{data.project}/{misspelt[annex_side]}.yaml.", column="country", value=written,
                severity="warning"))
            continue
        same = same_country(written, covered.values())
        shared = _shared_by(written, covered.values())
        guess = same or did_you_mean(written, covered.values()) or _named_within(written, covered.values())
        if shared:   # 'Maroc, Tunisie': not a misspelt 'Tunisie' (the « did you mean » said so)
            guess = (f"These rows name {len(shared)} countries ({', '.join(shared)}): a row belongs to one country. "
                     "Split each into one row per country, each with its own share (of the amount, of the "
                     "participants), or write `regional` if it is the project's as a whole; as written, no country "
                     "annex counts them.")
        if not guess:
            continue
        # a published figure of such a country is checked in no annex, not in the project-wide one (it said so)
        published = [f for f in files if Path(f).stem == "reported"]
        where = ("they are checked in no annex (a published figure is checked in its country's annex)"
                 if len(published) == len(files) else "they count in the project-wide annex only"
                 + (f" ({', '.join(published)}: checked in no annex)" if published else ""))
        problems.append(Problem(
            relative(data.files[0].parent if data.files else Path()), "country_without_annex",
            f"{rows} row{'s' if rows > 1 else ''} of '{written}' ({', '.join(files)}) belong to no country annex "
            f"(the annexes' countries: {', '.join(sorted(covered.values()))}): {where}",
            f"Did you mean '{same}'? '{written}' and '{same}' name the same country (a code, or a name in another "
            f"language): write '{same}' in these rows, as its annex file does (`country:`), so that its annex counts "
            "them." if same and not shared else guess
            if shared else guess + " Write the country "
            f"as its annex file does (`country:`), or add an annex for {written} in params/{data.project}/.",
            column="country", value=written, severity="warning"))
    return problems


def _iati_countries_without_annex(annexes: list[AnnexParams], data: ProjectData, folder: Path,
                                  found: list[Problem]) -> list[Problem]:
    """A recipient country of the IATI files that no annex covers, beside annexes of the others: make import-iati
    wrote one annex per country of the file it imported, and a newer file put in its place (MA 60 %, SN 40 % for MA
    alone) gave SN no annex, its money in the project-wide annex only, without a word."""
    covered = {fold(a.country) for a in annexes if not a.is_all}
    budget, spent = data.tables["budget"], data.tables["expenditure"]
    if "iati_element" not in budget:
        return []
    named = {c for c in (*budget["country"].dropna(), *spent["country"].dropna())
             if isinstance(c, str) and c and fold(c) != REGIONAL}
    if not covered:
        return _iati_countries_under_one_name(annexes, named, data.project, folder)
    said = {fold(p.value) for p in found if p.rule == "country_without_annex" and p.value}
    countries = sorted(c for c in named if fold(c) not in covered | said)
    if not countries:
        return []
    return [Problem(relative(folder), "iati_country_without_annex", f"the IATI files name "
                    f"{len(countries)} recipient countr{'y' if len(countries) == 1 else 'ies'} that no annex file "
                    f"covers ({', '.join(f'{c} ({country_name(c) or c})' for c in countries[:10])}): "
                    "their money counts in the project-wide annex only", "make import-iati wrote one annex per "
                    "country of the file it imported: add one for each new country (e.g. "
                    f"params/{data.project}/{countries[0].lower()}.yaml with `country: {countries[0]}` and `name:`), "
                    "or nothing to do if the evaluation gives it no annex.", column="country", value=countries[0],
                    severity="warning")]


def _iati_countries_under_one_name(annexes: list[AnnexParams], countries: set[str], project: str,
                                   folder: Path) -> list[Problem]:
    """make import-iati of a file of one country (MA) wrote one annex, maroc.yaml with `country: all`: a newer file
    that adds SN put SN's money in that annex, under the title « Maroc », without a word."""
    if len(countries) < 2:
        return []
    for annex in annexes:
        alone = next((c for c in sorted(countries) if fold(annex.name) in (fold(c), fold(country_name(c) or c),
                                                                            fold(country_name(c, "en") or c))), None)
        if annex.is_all and alone:
            others = sorted(countries - {alone})
            return [Problem(relative(folder / f"{annex.annex}.yaml"), "iati_country_without_annex",
                            f"the IATI files name {len(others)} recipient countr{'y' if len(others) == 1 else 'ies'} "
                            f"besides {alone} ({', '.join(f'{c} ({country_name(c) or c})' for c in others[:10])}): "
                            f"their money counts in the annex « {annex.name} » (`country: all`, every row)",
                            f"make import-iati wrote one annex of every row for a file of one country: write "
                            f"`country: {alone}` in {annex.annex}.yaml, add params/{project}/ensemble.yaml with "
                            f"`country: all` and `name:` for the whole project, and an annex for each new country "
                            f"(e.g. params/{project}/{others[0].lower()}.yaml with `country: {others[0]}` and "
                            "`name:`).", column="country", value=others[0], severity="warning")]
    return []


def _params_not_read(folder: Path) -> list[Problem]:
    """A YAML file of params/<project>/ not named <name>.yaml (`libye.yml`, `Libye.YAML`, as editors and copies from
    other tools write it): its annex was never built, and make check said OK without a word."""
    if not folder.is_dir():
        return []
    return [Problem(relative(entry), "file_not_read", f"this file is not read: only files named <name>.yaml are "
                    f"(this one ends in '{entry.suffix}')", f"Rename it {entry.stem}.yaml, or delete it if it is an "
                    "old copy.", severity="warning")
            for entry in sorted(folder.iterdir())
            if entry.suffix.lower() in (".yaml", ".yml") and entry.suffix != ".yaml"]


def _no_annex(annexes: list[AnnexParams], data: ProjectData, folder: Path) -> list[Problem]:
    """A project without any annex file: `make check` said OK, and `make annexes` built nothing of it, nothing
    said."""
    if annexes or (not data.files and not data.studies):
        return []
    where = relative(folder)
    return [Problem(where, "no_annex", "there is no annex file: no annex of this project will be built",
                    f"Add {where}/ensemble.yaml with the lines `country: all` and `name: Ensemble du projet` (the "
                    "annex of the whole project), and one file per country annex (`country: <as the data writes "
                    "it>`, `name:`).", severity="warning")]


def _shared_by(written: str, countries) -> list[str]:
    """The countries a cell names together ('Maroc, Tunisie', 'Maroc/Tunisie', 'Maroc et Tunisie'), as written
    there, when each part is a country (an annex's, or by its name or code) and one at least an annex's; else []."""
    parts = [p for p in re.split(r"\s*(?:[,;/&+|]|\bet\b|\band\b)\s*", str(written).strip()) if p]
    annexes = {fold(c) for c in countries} | {country_code(c) for c in countries} - {""}
    if len(parts) < 2 or not all(fold(p) in annexes or country_code(p) for p in parts):
        return []
    return parts if any(fold(p) in annexes or country_code(p) in annexes for p in parts) else []


def _named_within(written: str, countries) -> str:
    """'Did you mean 'Maroc'?' for 'Royaume du Maroc' or 'Maroc (Rabat)': an annex's country among its words."""
    def words(text: str) -> str:
        return " " + " ".join(re.findall(r"[^\W_]+", fold(text))) + " "

    within = [c for c in countries if words(c) in words(written)]
    return f"Did you mean '{within[0]}'?" if len(within) == 1 else ""


def _country_columns(data: ProjectData, table_files: dict[str, Path]):
    """(file name, country values, kept whole in country annexes) of each present table and impact study."""
    for name in sorted(data.present):
        yield table_files[name].name, data.tables[name]["country"], False
    for study in data.studies.values():
        if "country" in study.data:
            yield study.files[0].name, study.data["country"], False
        else:
            yield study.files[0].name, pd.Series(None, index=study.data.index, dtype="object"), True


# ================================================================= impact studies


def _load_studies(folder: Path, params: ProjectParams) -> tuple[dict[str, Study], list[Problem], list[Path]]:
    return load_described(folder, lambda spec_path: load_study(spec_path, params), "study", "data/README.md")


SAMPLING_WEIGHT_KEYS = {"weights", "weight", "poids", "pondération", "ponderation", "pweight", "pweights", "wgt"}


# a description's keys that do not go together (StudySpec's checks of the whole file): the key to write, what to write
# (they were told at the key '(file)', « See data/README.md »)
_WHOLE_FILE = (
    ("design 'did' needs a 'period'", "period", "Add `period: {column: <the column of the rounds>, post: <its value "
     "after the programme>}` (e.g. period: {column: vague, post: 2021}), or write `design: two_group`."),
    ("se 'cluster' needs a 'cluster' column", "cluster", "Add `cluster: <the column of the clusters>` (e.g. cluster: "
     "village), or write `se: robust`."),
    ("adjustment 'aipw' estimates", "adjustment", "Write `adjustment: ipw` or `adjustment: regression`, or keep aipw "
     "with `design: two_group`, `estimand: ate` and `se: robust`."),
    ("adjustment '", "covariates", "Add `covariates: [<column>, ...]` (the columns the adjustment uses), or write "
     "`adjustment: none`."),
    ("exploratory names", "exploratory", "List in `exploratory` only outcomes of `outcomes`."),
    ("trim is [low, high]", "trim", "Write the two bounds, the lower first, e.g. trim: [0.1, 0.9]."))


def _read_spec(path: Path) -> tuple[StudySpec | None, list[Problem]]:
    file = relative(path)
    raw, problems = read_yaml(path)
    if problems:
        return None, problems
    if not isinstance(raw, dict):
        return None, [Problem(file, "yaml_mapping", "the file must be a list of 'key: value' lines", "")]
    replaced = []
    if "adjust" in raw:  # the former key, read as adjustment: regression (true) or none (false)
        replaced.append(Problem(file, "adjust_replaced", "the key 'adjust' is replaced by 'adjustment'",
                                "Write 'adjustment: regression' to put the covariates in the model (or 'none', ipw, "
                                "aipw) and remove 'adjust' (see data/README.md).", column="adjust", severity="warning"))
    raw = _names_as_headers(raw)
    try:
        return StudySpec(**raw), replaced
    except ValidationError as exc:
        problems = []
        for err in one_error_per_key(exc.errors()):
            loc = ".".join(str(p) for p in err["loc"]) or "(file)"
            if err["type"] == "extra_forbidden":
                hint = did_you_mean(str(err["loc"][-1]), StudySpec.model_fields) or "Remove this line."
                if fold(str(err["loc"][-1])) in SAMPLING_WEIGHT_KEYS:   # removing it silently unweights the study
                    hint = ("An impact study's effects are estimated without sampling weights: the workbook has no "
                            "weighted effect. Removing this line gives the effect in the sample, unweighted; if the "
                            "sample was drawn with unequal probabilities, say so in the report or estimate the "
                            "weighted effect elsewhere.")
                problems.append(Problem(file, "unknown_key", f"unknown key '{loc}'", hint, column=loc))
            else:
                message = err["msg"].removeprefix("Value error, ")
                loc, hint = next(((key, hint) for start, key, hint in _WHOLE_FILE if not err["loc"]
                                  and message.startswith(start)),
                                 (loc, "See data/README.md for how an impact study is described."))
                problems.append(Problem(file, "bad_value", f"'{loc}': {message}", hint, column=loc))
        return _partial_spec(raw, exc), problems


def _names_as_headers(raw: dict) -> dict:
    """The columns the description names, as the data's headers are read (ignoring case and spaces): `outcomes:
    [Revenu (MAD)]` and `column: Groupe` copied from the header were refused, « the description names the column
    'Groupe', which survey.csv does not have », though it has it."""
    name = (lambda v: header_name(v) if isinstance(v, str) else v)
    names = (lambda v: [name(x) for x in v] if isinstance(v, list) else name(v))
    out = dict(raw)
    for key in ("outcomes", "covariates", "subgroups", "exploratory", "cluster", "unit"):
        if key in out:
            out[key] = names(out[key])
    for key in ("treatment", "period"):
        if isinstance(out.get(key), dict) and "column" in out[key]:
            out[key] = {**out[key], "column": name(out[key]["column"])}
    if isinstance(out.get("propensity"), list):
        out["propensity"] = [name(t) if isinstance(t, str) else
                             {**t, **{k: names(t[k]) for k in ("column", "interaction") if k in t}}
                             if isinstance(t, dict) else t for t in out["propensity"]]
    if isinstance(out.get("labels"), dict):
        out["labels"] = {name(k): v for k, v in out["labels"].items()}
    return out


def _partial_spec(raw: dict, exc: ValidationError) -> StudySpec | None:
    """The description without its faulty keys (a misspelt key read under the name it is close to), so that the
    columns it names are checked in the same run: every problem at once (issue 21). None when it still fails."""
    bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
    kept = {k: v for k, v in raw.items() if str(k) not in bad}
    for key in bad - set(StudySpec.model_fields):
        close = get_close_matches(key, [f for f in StudySpec.model_fields if f not in kept], n=1, cutoff=0.8)
        if close:
            kept[close[0]] = raw[key]
    try:
        return StudySpec(**kept)
    except (ValidationError, TypeError):
        return None


def load_study(spec_path: Path, params: ProjectParams) -> tuple[Study | None, list[Problem]]:
    """impact/<study>.yaml and its data file -> Study, with every problem."""
    spec, problems = _read_spec(spec_path)
    data_path = next((p for p in (spec_path.with_suffix(".csv"), spec_path.with_suffix(".xlsx")) if exists(p)),
                     None)
    if data_path is None:
        problems.append(Problem(relative(spec_path), "study_data_missing", "the study's data file is missing",
                                f"Put the microdata in {spec_path.stem}.csv next to this file."))
    elif exists(spec_path.with_suffix(".xlsx")) and data_path.suffix == ".csv":   # as tables: one is read, said
        problems.append(Problem(relative(spec_path.with_suffix(".xlsx")), "two_files", f"both {spec_path.stem}.csv "
                                f"and {spec_path.stem}.xlsx exist; {spec_path.stem}.csv is read",
                                "Keep one of the two files.", severity="warning"))
    if spec is None or data_path is None:
        return None, problems
    raw = read_table(data_path, params.encoding, [spec.columns()])
    problems += raw.problems
    if any(p.severity == "error" for p in raw.problems) or raw.frame.columns.empty:
        return None, problems
    missing = [c for c in spec.columns() if c not in raw.frame.columns]
    for column in missing:
        guess = did_you_mean(column, raw.frame.columns)
        problems.append(Problem(relative(spec_path), "study_column_missing",
                                f"the description names the column '{column}', which {data_path.name} does not have",
                                (guess + " " if guess else "") + "Correct the name here or in the data's header.",
                                column=column))
    for column in [c for c in spec.labels if c not in raw.frame.columns]:  # a misspelt label would go unseen
        guess = did_you_mean(column, raw.frame.columns)
        problems.append(Problem(relative(spec_path), "label_without_column",
                                f"'labels' names the column '{column}', which {data_path.name} does not have",
                                (guess + " " if guess else "") + "The annex shows the column names it has no label for.",
                                column=column, severity="warning"))
    frame = raw.frame.copy()
    for column in frame.columns:
        frame[column], column_problems = _study_column(frame[column], column in spec.outcomes, raw,
                                                       params.decimal_mark)
        if column in spec.outcomes:
            column_problems = _percent_outcome(spec, raw, column, column_problems, params.decimal_mark)
        problems += column_problems
    if "country" in frame.columns:   # read as the monitoring tables read it: « N/D » is no country to show apart,
        problems += _country_not_known(frame["country"], raw)   # « Multi–pays » the project as a whole (an empty cell)
        wide = [c for c in frame["country"].unique() if isinstance(c, str) and is_project_wide(c)]   # each once:
        if wide:                                                        # a study of 2 million rows has few countries
            frame["country"] = frame["country"].mask(frame["country"].isin(wide))
    if not missing:
        problems += _study_groups(spec, frame, raw, spec_path)
        problems += _repeated_units(spec, frame, raw)
        problems += _units_changing_group(spec, frame, raw)
        problems += _units_without_baseline(spec, frame, raw)
        problems += _unit_not_declared(spec, frame, raw)
        # a did panel's unit codes, factorised once for the three rules that count on them (0.47 s at 2e6 rows)
        units = factorized(frame[spec.unit])[0] if spec.design == "did" and spec.unit \
            and spec.unit in frame.columns else None
        problems += _differential_attrition(spec, frame, raw, units)
        problems += _panel_robust_se(spec, frame, spec_path, units)
        problems += _rounds_pooled(spec, frame, raw, spec_path)
        problems += _round_of_one_arm(spec, frame, raw)
        problems += _staggered_start(spec, frame, raw, spec_path)
        problems += _unit_across_clusters(spec, frame, raw, spec_path, units)
        problems += _clusters_missing(spec, frame, raw)
        problems += _assigned_by_cluster(spec, frame, raw, spec_path)
        problems += _covariates_missing(spec, frame, raw)
        problems += _clusters_across_countries(spec, frame, raw)
        problems += _value_spellings(spec, frame, raw)
        problems += _several_currencies(spec, frame, raw)
        problems += _outcome_currencies(spec, raw, params.currency)
        problems += _weights_ignored(spec, frame, raw)
        problems += _rows_are_means(spec, frame, raw)
        problems += _country_named_otherwise(frame, raw)
        problems += _covariates_written_otherwise(spec, frame, raw)
        # a covariate's -99 (age « ne sait pas ») went into the balance table and the score as an age, unsaid
        for column in dict.fromkeys([*spec.covariates, *(c for t in spec.score_terms() for c in t.columns())]):
            if column in frame.columns and column not in spec.outcomes \
                    and pd.api.types.is_numeric_dtype(frame[column]):
                problems += code_problems(frame[column], raw, column, prefix="covariate_")
        for outcome in spec.outcomes:
            problems += code_problems(frame[outcome], raw, outcome, prefix="outcome_")
            problems += _far_above(frame[outcome], raw, outcome)
            problems += _yes_no_coding(frame[outcome], raw, outcome)
            problems += _scales_by_country(frame, raw, outcome)
            problems += _scales_by_group(spec, frame, raw, outcome)
            problems += _magnitudes_by_group(spec, frame, raw, outcome) \
                or _months_and_years(spec, frame, raw, outcome)
    return Study(spec_path.stem, spec, frame.reset_index(drop=True), [data_path, spec_path]), problems


def _value_spellings(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A subgroup or cluster value written two ways ('Maroc' and 'MAROC', 'f' and 'F': two typists, a file edited
    by hand): the effects by subgroup were estimated for each spelling apart (Maroc on its 51 rows, beside MAROC),
    and one cluster counted as two, without a word. Refused, at the first row of the rarer spelling, as a survey's."""
    problems = []
    for column in dict.fromkeys([*spec.subgroups, *([spec.cluster] if spec.cluster else [])]):
        if column not in frame.columns:
            continue
        counts = frame[column].dropna().value_counts()   # (each value once: a study may have millions of rows)
        spellings: dict[str, list[tuple[str, int]]] = {}
        for value, n in counts.items():
            if isinstance(value, str):   # « Sidi-Kacem », « Sidi  Kacem », « Fes. » too: 11 clusters for 8
                key = re.sub(r"[\s\-_.'’]+", " ", fold(value)).strip()
                spellings.setdefault(key, []).append((value, int(n)))
        for found in (f for f in spellings.values() if len(f) > 1):
            found.sort(key=lambda pair: (-pair[1], pair[0]))
            listed = " and ".join(f"'{value}' ({n} row{'s' if n > 1 else ''})" for value, n in found)
            rare = found[-1][0]
            problems.append(raw.problem(
                "study_value_spellings", f"{listed} are one value written in {len(found)} ways: the "
                + (f"clustered standard errors would count them as {len(found)} clusters" if column == spec.cluster else
                   "effects by subgroup would be estimated for each spelling apart"),
                f"Write them all one way ('{found[0][0]}').", index=frame.index[(frame[column] == rare).to_numpy()][0],
                column=column, value=rare))
    return problems


def _clusters_across_countries(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A cluster code found in several countries (sites numbered 01, 02... in each country): the clusters of one
    number are merged into one, 10 clusters instead of 40, and the clustered standard errors come out too small
    (0.032 for 0.038). Warned, not refused: a regional session may gather persons of several countries."""
    if not spec.cluster or spec.cluster not in frame.columns or "country" not in frame.columns:
        return []
    clusters, codes = factorized(frame[spec.cluster])   # (codes, no sort: a study may have millions of rows)
    countries, names = factorized(frame["country"])
    spelt, folded = pd.factorize(pd.Index([fold(n) if isinstance(n, str) else n for n in names]))  # 'Maroc' 'maroc'
    known = (clusters >= 0) & (countries >= 0)
    seen = np.zeros((len(codes), len(folded)), dtype=bool)
    seen[clusters[known], spelt[countries[known]]] = True
    spread = seen.sum(axis=1)
    if not (spread > 1).any():
        return []
    first = int(np.flatnonzero(spread > 1)[0])
    rows = clusters == first
    index = frame.index[rows][0]
    value = numbers.plain(frame.at[index, spec.cluster])
    shown = sorted({str(c) for c in frame.loc[rows, "country"].dropna().unique()})
    return [raw.problem(
        "cluster_in_several_countries", f"{int((spread > 1).sum())} cluster code(s) of '{spec.cluster}' are found in "
        f"several countries ('{value}': {', '.join(shown)}): each is taken as one cluster, and with fewer, larger "
        "clusters the standard errors come out too small if they are not",
        f"If the clusters are numbered per country, write codes unique across the study ('{shown[0][:3].upper()}-"
        f"{value}'); if a cluster does gather several countries, nothing to do.",
        index=index, column=spec.cluster, value=value, severity="warning")]


CURRENCY_HEADERS = {"currency", "devise", "devises", "monnaie", "currency_code", "code_devise"}  # folded


def _several_currencies(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A study whose rows say their currency (a column `devise`: MAD on Maroc's rows, TND on Tunisie's) with an
    outcome that is an amount: the estimates compare and average the amounts as one currency (a dirham beside a
    dinar, worth 3.2 dirhams), without a word. A warning, at the column: the workbook converts no currency."""
    columns = [c for c in frame.columns if isinstance(c, str) and fold(c).replace(" ", "_") in CURRENCY_HEADERS]
    amounts = [o for o in spec.outcomes if o in frame.columns and pd.api.types.is_numeric_dtype(frame[o])
               and not frame[o].dropna().isin([0, 1]).all()]
    for column in columns:
        values = frame[column].dropna()
        spelt = pd.Series([fold(str(v)) for v in values.unique()]).unique()
        if len(spelt) < 2 or not amounts:
            continue
        shown = sorted({str(v).strip() for v in values.unique()})
        first = values.index[values.map(lambda v: fold(str(v))) != fold(str(values.iloc[0]))][0]
        return [raw.problem(
            "study_several_currencies", f"the rows are in {len(spelt)} currencies ({', '.join(shown[:6])}): "
            f"{', '.join(amounts)} would be compared and averaged across them as one amount",
            "Convert the amounts to one currency (the workbook converts none), or make one study per currency "
            "(its rows only).", index=first, column=column, value=str(frame.at[first, column]), severity="warning")]
    return []


def _outcome_currencies(spec: StudySpec, raw: RawTable, currency: str) -> list[Problem]:
    """An outcome whose header or label names another currency than the project's (« Revenu (MAD) » in a project in
    EUR): its effects, means and MDE are in that currency (figures.csv's unit says so, impact.outcome_unit; it was
    empty), and a report's figure in EUR is not computable beside them (it was compared as it was). A warning: the
    workbook converts none."""
    from .currencies import is_known, named_currencies, names_a_log, same_currency

    problems = []
    for outcome in spec.outcomes:
        label = spec.labels.get(outcome)
        texts = [outcome, *((label.fr, label.en) if label else ())]
        if any(names_a_log(t) for t in texts):   # its effects are in log points, not in the currency it names
            continue
        named = {c for t in texts if t for c in named_currencies(t)}
        named |= {m.upper() for t in texts if t for m in re.findall(r"[(\[]\s*([A-Za-z]{3})\s*[)\]]", t)
                  if is_known(m.upper())}
        other = sorted(c for c in named if not same_currency(c, currency))
        if other:
            problems.append(raw.problem(
                "study_outcome_currency", f"the outcome '{outcome}' is in {', '.join(other)} by its name, and the "
                f"project's currency is {currency}: its effects, means and minimum detectable effects are in "
                f"{', '.join(other)} (figures.csv's unit), and a published figure in {currency} is not computable "
                "beside them; one printed without a currency is compared as if in "
                f"{', '.join(other)}",
                f"Convert the outcome to {currency} in the data (the workbook converts none), or publish and compare "
                f"its figures in {other[0]}.", column=outcome, severity="warning"))
    return problems


def _outcome_hint(reason: str, name: str, decimal_mark: str) -> str:
    """What to write in an outcome's cell that is not a number: « 1 200 MAD » was told only that outcomes are
    numbers, not where its currency goes (the label, from which the annex takes the outcome's unit; a header
    « score (MAD) » is no longer the description's 'score')."""
    if reason.startswith("neither yes nor no"):
        return "Leave the cell empty (not known), or write oui or non."
    if currency := re.fullmatch(re.escape(numbers.CURRENCY) + r" \('(.+)'\)", reason):
        return (f"Write the number alone, without {currency[1]}, and the currency in the outcome's label in the "
                f"study's description (labels: {{{name}: \"{name} ({currency[1]})\"}}): the annex takes the "
                "outcome's unit from it.")
    return f"Outcomes are numbers, with the decimal mark '{decimal_mark}'."


def _study_column(series: pd.Series, outcome: bool, raw: RawTable,
                  decimal_mark: str) -> tuple[pd.Series, list[Problem]]:
    """Outcomes must be numbers; other columns are numbers when every cell is one, else text. A number whose
    reading depends on the decimal mark ('1,150') is warned about, as in the monitoring tables."""
    head = series.iloc[:1000]   # its first 1000 filled cells (the column is copied only when one of these is empty)
    head = head if head.notna().all() else series.dropna().iloc[:1000]
    if not outcome and numbers.parse_numbers(head, decimal_mark)[1]:
        return _texts(series, decimal_mark), []  # text from its first cells on: no need to try a million
    values, failed, reasons = numbers.parse_numbers(series, decimal_mark)
    if outcome and failed:
        values, failed, reasons = _yes_no_outcome(series, values, failed, reasons)
    if outcome:
        problems = [raw.problem("not_a_number", reason, _outcome_hint(reason, str(series.name), decimal_mark),
                                index=i, column=str(series.name), value=series[i])
                    for i, reason in zip(failed, reasons)]
        if values.isna().all() and not failed:
            problems.append(raw.problem("outcome_all_missing", f"the outcome '{series.name}' is empty in every row",
                                        "Fill in the outcome, or remove it from the description's outcomes.",
                                        column=str(series.name)))
        return values, problems + _ambiguous(series, raw, decimal_mark)
    if not failed and values.notna().any():
        return values, _ambiguous(series, raw, decimal_mark)
    return _texts(series, decimal_mark), []


def _percent_outcome(spec: StudySpec, raw: RawTable, outcome: str, problems: list[Problem],
                     decimal_mark: str) -> list[Problem]:
    """An outcome written '74 %' on some rows (a follow-up round typed as percentages beside a baseline of 0,4) was
    refused at each of its rows with « a percentage, in a column that holds no percentages », which half the column
    contradicted. One problem for the column: the rows (and rounds, or groups) of each scale, and what to write."""
    cells = [p for p in problems if p.rule == "not_a_number" and p.column == outcome
             and p.message.startswith(numbers.PERCENT)]
    if not cells:
        return problems
    rows = [p.row for p in cells]
    listed = ", ".join(map(str, rows[:10])) + (f" and {len(rows) - 10} more" if len(rows) > 10 else "")
    series = raw.frame[outcome]
    written = series.notna() & series.astype(str).str.strip().ne("")
    at = pd.Series(series.index.isin(rows), index=series.index)   # (the frame's index is the row number)
    others = series[written & ~at]
    by = next((c for c in ((spec.period.column if spec.period else None), spec.treatment.column, "country")
               if c and c in raw.frame.columns
               and not set(raw.frame.loc[at, c].astype(str)) & set(raw.frame.loc[others.index, c].astype(str))), None)
    side = (lambda where: f" ({by}: {', '.join(sorted(map(str, raw.frame.loc[where, by].dropna().unique()))[:6])})"
            if by else "")
    message = (f"the outcome '{outcome}' is written as a percentage on {len(rows)} row(s) ({listed}; "
               f"'{cells[0].value}'){side(at)}")
    read = pd.to_numeric(others.astype(str).str.strip().str.replace(decimal_mark, ".", regex=False), errors="coerce")
    if len(others):
        message += (f" and without '%' on the {len(others)} other(s) (row {others.index[0]}: '{others.iloc[0]}')"
                    f"{side(others.index)}: the two scales cannot be compared, and neither is guessed")
    typed = numbers.parse_numbers(pd.Series([cells[0].value]), decimal_mark, percent=True)[0].iloc[0]
    shown = (lambda x: numbers.plain(x).replace(".", decimal_mark)) if pd.notna(typed) else (lambda x: "?")
    example, fraction = shown(typed), shown(typed / 100 if pd.notna(typed) else typed)
    if len(others) and read.notna().all() and read.between(0, 1).all():
        hint = (f"Write these rows as fractions of 1, as the others are ('{cells[0].value}' as {fraction}); or "
                f"every row as a percentage without '%' (0{decimal_mark}4 as 40): one scale for the whole column.")
    else:
        hint = (f"Write the values without '%' ('{cells[0].value}' as {example}, "
                f"the effect then in percentage points), or as fractions of 1 ({fraction}): one scale for the "
                "whole column.")
    first = cells[0]
    return [p for p in problems if p not in cells] + [raw.problem(
        "outcome_percent", message, hint, index=first.row, column=outcome, value=first.value)]


def _yes_no_outcome(series: pd.Series, values: pd.Series, failed: list,
                    reasons: list) -> tuple[pd.Series, list, list]:
    """A yes/no outcome written in words (« oui »/« non », yes/no, true/false), alone or beside 1 and 0: 1 and 0, a
    share whose effect is in percentage points (it was refused, each cell « not a number »). Beside other numbers
    (12.5 and « oui »), or with other words, the cells stay refused."""
    if not set(values.dropna().unique()) <= {0.0, 1.0}:
        return values, failed, reasons
    words = series.loc[failed].astype("str").str.strip(numbers.SPACES + "\t\r\n").str.lower()
    read = words.map(lambda w: 1.0 if w in numbers.TRUE_WORDS else 0.0 if w in numbers.FALSE_WORDS else None)
    if read.isna().all() or (read.isna().any() and len(values.dropna())):
        return values, failed, reasons
    values = values.copy()
    values.loc[read.index[read.notna()]] = read.dropna().to_numpy(dtype="float64")
    # « NSP », « ne sait pas » among « oui » / « non »: those cells refused, not every « oui » as « not a number »
    left = [i for i in failed if pd.isna(read[i])]
    return values, left, [f"neither yes nor no (the outcome is oui/non): '{series[i]}'; a « don't know » or « refused » "
                          "is an empty cell" for i in left]


def _repeated_units(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A person (``unit:``) on two rows of one period (a questionnaire entered twice, a file pasted twice) weighs
    twice in the estimates: refused, at the second row."""
    if not spec.unit:
        return []
    keys = [spec.unit] + ([spec.period.column] if spec.period is not None else [])
    found = repeats(frame[frame[spec.unit].notna().to_numpy(bool)], keys)
    problems = []
    for i, earlier in found[:10]:
        when = f" for {keys[1]} {numbers.plain(frame.at[i, keys[1]])}" if len(keys) > 1 else ""
        problems.append(raw.problem("repeated_unit", f"{spec.unit} {numbers.plain(frame.at[i, spec.unit])} is already "
                                    f"on row {earlier}{when}", "Delete the copy: a person on two rows of one period "
                                    "weighs twice in the estimates.", index=i, column=spec.unit,
                                    value=numbers.plain(frame.at[i, spec.unit])))
    if len(found) > 10:
        problems.append(raw.problem("repeated_unit", f"{len(found) - 10} more rows repeat a {spec.unit} of their "
                                    "period", "", column=spec.unit))
    return problems


def _clusters_missing(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """Rows of a study with ``se: cluster`` whose cluster cell is empty are left out of every estimate (the
    clustered standard errors need each row's cluster): 30 of 231 rows were dropped, the effect 49.9 for 50.4 and
    85 treated rows analysed for the 115 the annex counted, nothing said. A warning saying how many."""
    if spec.se != "cluster" or not spec.cluster or spec.cluster not in frame.columns:
        return []
    empty = frame[spec.cluster].isna().to_numpy()
    if not empty.any():
        return []
    return [raw.problem(
        "study_cluster_missing", f"{int(empty.sum())} row(s) have no '{spec.cluster}', the cluster of the clustered "
        "standard errors (se: cluster): they are left out of every estimate of the study",
        f"Fill in '{spec.cluster}' on every row; a person who belongs to no cluster gets a code of their own.",
        index=frame.index[empty][0], column=spec.cluster, severity="warning")]


def _assigned_by_cluster(spec: StudySpec, frame: pd.DataFrame, raw: RawTable, spec_path: Path) -> list[Problem]:
    """The treatment given by village (school, site...: model.assigned_by) and standard errors not clustered on it
    (robust, classical, or clustered on a finer code) take a village's rows as independent. 3 villages of 30
    persons per arm: HC1's SE 21.0, p 0.68, where clustering on the villages gives 27.2, p 0.76 (R's
    sandwich::vcovCL with coeftest's df G - 1), nothing said. A warning at the column; the annex gives the SEs
    clustered on it."""
    if spec.treatment.column not in frame.columns:
        return []
    group = frame[spec.treatment.column].notna().to_numpy()
    treated = _matches(frame[spec.treatment.column], spec.treatment.treated).to_numpy() & group
    rows = group.copy()
    if spec.design == "did" and spec.period is not None and spec.period.column in frame.columns:
        rows &= _matches(frame[spec.period.column], spec.period.post).to_numpy()   # one round: a person once
    found = assigned_by(spec, frame, treated, rows)
    if found is None:
        return []
    column, g_t, g_c, per = found
    kind = {"robust": "robust (HC1)", "classical": "classical"}.get(spec.se, f"clustered on '{spec.cluster}'")
    return [raw.problem(
        "study_assigned_by_cluster", f"each value of '{column}' holds one group only ({g_t} treated, {g_c} "
        f"comparison, {per:.0f} rows each on average): the treatment was given by '{column}', and the standard "
        f"errors are {kind}, which take the rows of one '{column}' as independent: the effects' standard errors, "
        "intervals, p-values and minimum detectable effects are then too small",
        f"Write `se: cluster` and `cluster: {column}` in {spec_path.name}; the annex gives the effects' standard "
        f"errors clustered on '{column}' beside the others (with fewer than 20 values it says that clustered "
        "standard errors are still too small).", column=column, severity="warning")]


def _covariates_missing(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """With an adjustment (regression, ipw, aipw), a row whose covariate (or score term's column) is empty is left
    out of the adjusted estimate, not of the naive one beside it: 40 of 231 rows were dropped, the two estimates
    compared on different rows (74 / 112 treated / comparison rows analysed for 115 / 116), said only in a note in
    English that no annex printed. A warning per column, saying how many."""
    if spec.adjustment == "none":
        return []
    columns = dict.fromkeys([*spec.covariates, *(c for term in spec.score_terms() for c in term.columns())])
    problems = []
    for column in (c for c in columns if c in frame.columns):
        empty = frame[column].isna().to_numpy()
        if not pd.api.types.is_numeric_dtype(frame[column]):   # « NSP » among ages: the analysis reads no number
            values = frame[column].dropna()   # there either (2 rows left out of the adjusted estimate, unsaid)
            words = [v for v in values.unique() if isinstance(v, str) and (is_not_known(v) or is_dash(v))]
            if words and pd.to_numeric(values[~values.isin(words)], errors="coerce").notna().all():
                empty = empty | frame[column].isin(words).to_numpy()
        if empty.any():
            problems.append(raw.problem(
                "study_covariate_missing", f"{int(empty.sum())} row(s) have no '{column}' (empty, or a word for not "
                "known), which the adjustment "
                f"uses (adjustment: {spec.adjustment}): they are left out of the adjusted estimate, and kept in the "
                "naive comparison beside it", f"Fill in '{column}' where it is known; otherwise the two estimates "
                "are on different rows (the annex gives the rows each analyses).", index=frame.index[empty][0],
                column=column, severity="warning"))
    return problems


def _units_changing_group(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A did study's person (``unit:``) in the comparison group at baseline and treated at follow-up (the group
    written as the person's status in each round, or a late entrant): the difference-in-differences compares groups
    fixed over time, and each row was put in the group its cell says. With 10 of 60 comparison persons so written,
    the effect was 43.6 for 50, the annex counted 130 persons for 120 and 10 comparison persons « lost » to
    attrition, nothing said. Refused, at the first such person's later row."""
    if not spec.unit or spec.period is None or spec.unit not in frame.columns \
            or spec.treatment.column not in frame.columns:
        return []
    treated = _matches(frame[spec.treatment.column], spec.treatment.treated)
    known = frame[spec.unit].notna() & frame[spec.treatment.column].notna()
    arms = pd.DataFrame({"unit": frame[spec.unit][known], "treated": treated[known]})
    spread = arms.groupby("unit", sort=False)["treated"].agg(["min", "max"])
    mixed = spread.index[spread["min"] != spread["max"]]
    if not len(mixed):
        return []
    rows = arms.index[arms["unit"].isin(mixed)]
    first = arms.loc[rows[arms.loc[rows, "unit"] == mixed[0]]]
    index = first.index[first["treated"] != first["treated"].iloc[0]][0]
    unit = numbers.plain(frame.at[index, spec.unit])
    seen = ", ".join(f"'{numbers.plain(frame.at[i, spec.treatment.column])}' for {spec.period.column} "
                     f"{numbers.plain(frame.at[i, spec.period.column])}" for i in first.index[:4])
    starts = _switch_rounds(spec, frame, arms[arms["unit"].isin(mixed)])
    staggered = (f"; they come into the treated group at {len(starts)} different rounds ({', '.join(starts[:6])}): "
                 "units treated at different dates (staggered adoption), which a difference-in-differences with one "
                 "round after the programme cannot compare (those treated in a round counted before it, or not yet "
                 "in the round after it)") if len(starts) > 1 else ""
    return [raw.problem(
        "unit_changes_group", f"{len(mixed)} {spec.unit}(s) are in the treated group on some rows and in the "
        f"comparison group on others ({spec.unit} {unit}: {seen}): a difference-in-differences compares groups fixed "
        "over time, and each row would be counted in the group its cell says (persons counted in both groups, "
        "baseline rows of the treated compared as the comparison group's)" + staggered,
        f"Write each person's group on every one of their rows (the group they were assigned to, '"
        f"{numbers.plain(spec.treatment.treated)}' for everyone who took part, whatever the round), or leave out "
        "the persons who joined the programme late." + (
            # the impact annex estimates the cohorts itself (impact.cohort_effects, from a start column): « make one
            # study per start » sent the evaluator to split by hand what the annex computes from one column
            " As they started at different rounds, add a column 'debut' giving each treated unit's first round "
            f"treated ({', '.join(starts[:6])}), empty for the units never treated: the impact annex then gives each "
            "cohort's own difference-in-differences against the units never treated, and their mean weighted by "
            "their treated units (Callaway and Sant'Anna 2021), beside the pooled effect."
            if staggered else ""), index=index, column=spec.treatment.column,
        value=numbers.plain(frame.at[index, spec.treatment.column]))]


def _switch_rounds(spec: StudySpec, frame: pd.DataFrame, arms: pd.DataFrame) -> list[str]:
    """The rounds at which units whose group changes come into the treated group (each one's first treated row,
    rounds in time order), as the file writes them; [] when the rounds' order is not known."""
    if spec.period is None or spec.period.column not in frame.columns:
        return []
    rounds = numbers.rounds_in_time_order(frame[spec.period.column], spec.period.order)
    if rounds is None:
        return []
    place = {numbers.plain(v): i for i, v in enumerate(rounds)}
    when = frame.loc[arms.index, spec.period.column].map(lambda v: place.get(numbers.plain(v), -1))
    treated = arms[arms["treated"].astype(bool) & (when >= 0)].assign(when=when)
    firsts = treated.groupby("unit", sort=False)["when"].min().unique()
    return [numbers.plain(rounds[i]) for i in sorted(firsts)]


def _units_without_baseline(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A did study's persons (``unit:``) with rows after the programme and none before (late entrants, or a baseline
    not found): the difference-in-differences compares the groups' means, so their level counts as their group's
    change. 30 of 100 treated persons enrolled late, 300 above the others: the effect was 288 for the 200 of the
    persons seen twice; the annex counted their attrition (persons seen before only), not them. A warning: the rounds
    may be samples drawn anew."""
    if not spec.unit or spec.period is None or spec.unit not in frame.columns \
            or spec.period.column not in frame.columns:
        return []
    post = _matches(frame[spec.period.column], spec.period.post)
    known = frame[spec.unit].notna() & frame[spec.period.column].notna()
    before = set(frame.loc[known & ~post, spec.unit])
    late = frame.index[known & post & ~frame[spec.unit].isin(before)]
    if not len(late) or not before:
        return []
    count = frame.loc[late, spec.unit].nunique()
    return [raw.problem(
        "unit_without_baseline", f"{count} {spec.unit}(s) have rows after the programme and none before it: the "
        "difference-in-differences compares the groups' means, so their level counts as their group's change (a "
        "late entrant who earned more from the start adds to the effect)",
        f"Give their row before the programme, or leave them out of {Path(raw.file).name} to compare the persons "
        "seen in both rounds (the annex counts them beside the attrition); if each round is a sample drawn anew, "
        "remove `unit:`.", index=late[0], column=spec.unit, value=numbers.plain(frame.at[late[0], spec.unit]),
        severity="warning")]


# a header that names the persons (folded): « id », « ID_beneficiaire », « Code ménage », « respondent_id »
_ID_HEADER = re.compile(r"(?:^|[\s_\-])(?:id|ident|identifiant|code|respondent|repondant|personne|beneficiaire|"
                        r"matricule|menage|household|hhid|pid|uid)(?:$|[\s_\-])")


def _unit_not_declared(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A did study without `unit:` whose id column names the same persons before and after the programme, once per
    round (a panel): each round was read as a sample drawn anew, and the persons seen after the programme only
    (10 of 30 treated late entrants, 300 above the others: the DiD 292 where the persons seen twice give about 200)
    or before only were not told, since those rules need `unit:`. A warning at the column."""
    if spec.unit or spec.period is None or spec.period.column not in frame.columns:
        return []
    named = set(spec.columns())
    rounds = post = None
    for column in frame.columns:
        if not isinstance(column, str) or column in named or not _ID_HEADER.search(fold(column)):
            continue
        ids = frame[column]
        if ids.isna().any():
            continue
        codes, distinct = factorized(ids)   # (codes, not a set of a million strings: 1 s of the portfolio's check)
        if len(distinct) == len(ids):
            continue
        if rounds is None:   # (the rounds' few values matched once, not the column's million cells)
            rounds, values = factorized(frame[spec.period.column])
            post = np.append(_matches(pd.Series(values), spec.period.post).to_numpy(dtype=bool), False)[rounds]
            rounds = rounds + 1   # (0: no round)
        if np.bincount(codes.astype(np.int64) * (rounds.max() + 1) + rounds).max() > 1:
            continue   # twice in one round: not one person per round
        before = np.bincount(codes[~post], minlength=len(distinct)) > 0
        after = np.bincount(codes[post], minlength=len(distinct)) > 0
        both, seen = int((before & after).sum()), int((before | after).sum())
        if both < max(2, 0.3 * seen) or seen < 10:   # (4 persons: a test)
            continue
        return [raw.problem(
            "study_unit_not_declared", f"'{column}' names {both} of its {seen} values before and "
            "after the programme, once per round: the rows look like a panel of persons, and without `unit:` each "
            "round is read as a sample drawn anew (N counts rows; the persons seen after the programme only, or "
            "before only, are not told)", f"Add `unit: {column}` to the study's description if it names the persons "
            "(or units); if each round is a sample drawn anew and the column numbers its rows, nothing needs doing.",
            column=column, severity="warning")]
    return []


# a header that names the survey's rounds (folded): « vague », « round », « période », « année », « T »...
_ROUND_HEADER = re.compile(r"^(?:round|rounds|vague|vagues|wave|waves|periode|period|annee|year|phase|passage|"
                           r"collecte|temps|moment|enquete|survey_round|round_no|survey_year|annee_enquete)$")


def _rounds_pooled(spec: StudySpec, frame: pd.DataFrame, raw: RawTable, spec_path: Path) -> list[Problem]:
    """A two_group study whose file holds several rounds (a column `vague`: baseline and endline, each arm in
    each): every row of the treated was compared with every row of the comparison group, the rounds pooled. 100
    persons per arm seen at baseline and endline: the effect was 142, the baseline gap (100) and the endline's
    (200) averaged, neither the endline comparison nor the difference-in-differences (100), nothing said. A
    warning at the column (two rounds may be one sample surveyed twice by design)."""
    if spec.design != "two_group" or spec.treatment.column not in frame.columns:
        return []
    named = set(spec.columns())
    arms = _matches(frame[spec.treatment.column], spec.treatment.treated).to_numpy(dtype=bool)
    known = frame[spec.treatment.column].notna().to_numpy()
    for column in frame.columns:
        if not isinstance(column, str) or column in named or not _ROUND_HEADER.match(fold(column).replace(" ", "_")):
            continue
        codes, values = factorized(frame[column])
        if not 2 <= len(values) <= 10:
            continue
        both = np.bincount(codes[(codes >= 0) & known & arms], minlength=len(values)) > 0
        both &= np.bincount(codes[(codes >= 0) & known & ~arms], minlength=len(values)) > 0
        if both.sum() < 2:
            continue
        shown = ", ".join(numbers.plain(v) for v in values[both][:6])
        return [raw.problem(
            "study_rounds_pooled", f"'{column}' holds {int(both.sum())} rounds with both groups ({shown}), and the "
            "study is two_group: every row of the treated is compared with every row of the comparison group, the "
            "rounds pooled (neither the comparison after the programme nor a difference-in-differences)",
            f"For a difference-in-differences write `design: did` and `period: {{column: {column}, post: "
            f"{numbers.plain(values[both][-1])}}}` in {spec_path.name} (the round after the programme); to compare "
            f"after the programme only, keep that round's rows in {Path(raw.file).name}.", column=column,
            severity="warning")]
    return []


# a column that gives each unit the date (or round) its programme began: « debut », « cohorte », « first_treated »
_START_HEADER = re.compile(r"^(?:debut|date_debut|annee_debut|mois_debut|debut_traitement|debut_programme|"
                           r"debut_intervention|start|start_date|start_year|treatment_start|program_start|"
                           r"first_treated|first_treatment|year_treated|round_treated|cohorte?|cohort|"
                           r"annee_traitement|date_traitement|vague_traitement|annee_entree|date_entree|entree|"
                           r"adoption|annee_adoption|date_adoption)$")


def first_round_treated(start: Any, rounds: list[Any]) -> int | None:
    """The place of the first round at which a unit that began at ``start`` is under the programme: the round
    written as the start is (« T1 », 2020), else the first round whose last day is on or after the start's first
    day (len(rounds) when after every round); None when the start cannot be placed."""
    label = fold(numbers.plain(start)).strip()
    for i, value in enumerate(rounds):
        if fold(numbers.plain(value)).strip() == label:
            return i
    begins = numbers.period_span(numbers.plain(start))
    spans = [numbers.period_span(numbers.plain(v)) for v in rounds]
    if begins is None or any(s is None for s in spans):
        return None
    return next((i for i, s in enumerate(spans) if s[1] >= begins[0]), len(rounds))


_LINK_WORDS = {"de", "du", "des", "d", "la", "le", "l", "of", "the"}


def _start_words(column: str) -> str:
    """A header as _START_HEADER reads it: folded, its words joined by '_', without French's and English's small
    linking words (« Année de début » is annee_debut, « Date d'entrée » date_entree, « Début du programme »
    debut_programme): a French study's « Année de début » was not seen, and its cohorts pooled without a word."""
    words = re.split(r"[\s'’_\-]+", fold(column).strip())
    return "_".join(w for w in words if w and w not in _LINK_WORDS)


def start_column(spec: StudySpec, frame: pd.DataFrame) -> str | None:
    """The column of a did study that gives its treated units different starts (staggered adoption: its header
    reads as a start, « debut », « Année de début », « cohorte », and its values fall between different rounds), the
    one the staggered_start warning names; None when there is none (impact.cohort_effects estimates each cohort)."""
    if spec.design != "did" or spec.period is None or spec.period.column not in frame.columns \
            or spec.treatment.column not in frame.columns:
        return None
    named = set(spec.columns())
    treated = _matches(frame[spec.treatment.column], spec.treatment.treated).to_numpy(dtype=bool)
    rounds = numbers.rounds_in_time_order(frame[spec.period.column], spec.period.order)
    for column in frame.columns:
        if not isinstance(column, str) or column in named or not _START_HEADER.match(_start_words(column)):
            continue
        starts = [v for v in pd.unique(frame.loc[treated, column].dropna()) if str(v).strip()]
        if len(starts) < 2:
            continue
        places = {v: (first_round_treated(v, rounds) if rounds is not None else None) for v in starts}
        if all(p is not None for p in places.values()) and len(set(places.values())) < 2:
            continue   # every start between the same two rounds: one cohort, as the rounds see it
        if rounds is None and frame[spec.period.column].nunique() < 3:
            continue   # two rounds, the starts not placed: before and after every start, most likely
        return column
    return None


def _staggered_start(spec: StudySpec, frame: pd.DataFrame, raw: RawTable, spec_path: Path) -> list[Problem]:
    """A did study whose treated units began at different rounds (a column « debut » / « cohorte »: 2020 for some
    villages, 2021 for others; staggered adoption). The description has one round after the programme and pools
    the others as « before », so the units already treated in a round counted before it, and those not yet treated
    in the round after it, are compared as if they were not: 60 villages, a third starting in 2020, a third in 2021,
    a third never, rounds 2018 to 2021, the effect 100 per year of programme: 125.5 with `post: 2021`, where each
    cohort's own DiD (2021 against the rounds before its start, beside the units never treated) gives 189.8 and 96.4,
    mean 143.1 (true 200 and 100; statsmodels), nothing said. A two-way fixed-effects DiD over such starts is biased too
    (Goodman-Bacon 2021; de Chaisemartin and D'Haultfoeuille 2020): the way out is a DiD per cohort (Callaway and
    Sant'Anna 2021), which the impact annex estimates beside the pooled effect (impact.cohort_effects): the hint
    says so, where it said to make one study per cohort by hand. A warning at the column."""
    column = start_column(spec, frame)
    if column is None:
        return []
    treated = _matches(frame[spec.treatment.column], spec.treatment.treated).to_numpy(dtype=bool)
    starts = [v for v in pd.unique(frame.loc[treated, column].dropna()) if str(v).strip()]
    shown = ", ".join(numbers.plain(v) for v in sorted(starts, key=numbers.plain)[:6])
    first = frame.index[treated & frame[column].isin([starts[-1]]).to_numpy()][0]
    return [raw.problem(
        "staggered_start", f"'{column}' gives the treated units {len(starts)} different starts ({shown}) and the "
        f"study compares the round {numbers.plain(spec.period.post)} with the other rounds pooled as before the "
        "programme: units already treated in a round counted before it, or not yet treated in the round after "
        "it, are compared as if they were not, and the difference-in-differences is biased (a DiD pooling "
        "units treated at different dates, as a two-way fixed-effects regression, mixes the cohorts' effects "
        "with weights of its own, some negative: Goodman-Bacon 2021)",
        # the impact annex estimates the cohorts itself now (impact.cohort_effects): « make one study per cohort »
        # sent the evaluator to do by hand what the annex prints beside the pooled effect
        f"Nothing to split by hand: the impact annex gives, beside this pooled effect, each cohort's own "
        f"difference-in-differences (its treated units against the units never treated, from its last round before "
        f"its start to its first round treated) and their mean weighted by their treated units (Callaway and "
        f"Sant'Anna 2021); quote those, not the pooled effect, and check that '{column}' gives each treated unit's "
        "start (units treated from the first round, or after the last, are left out).", index=first, column=column,
        value=numbers.plain(frame.at[first, column]), severity="warning")]


def _round_of_one_arm(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """did: a round before the programme that holds one group only (the treated surveyed in 2017, the comparison
    group recruited in 2019) beside a round before it that holds both. The DiD pools the rounds before the programme
    into each group's baseline mean, so that group's took in 2017 and the other's did not, and the change common to
    both groups between the rounds counted as an effect: 253 where the rounds both groups were seen in give 200
    (statsmodels), nothing said. Refused at the round's first row (a round of each group alone is refused too).
    Counted on the rounds' codes (bincount), once per study."""
    if spec.design != "did" or spec.period is None or spec.period.column not in frame.columns \
            or spec.treatment.column not in frame.columns:
        return []
    codes, values = pd.factorize(frame[spec.period.column])
    known = (codes >= 0) & frame[spec.treatment.column].notna().to_numpy()
    arms = _matches(frame[spec.treatment.column], spec.treatment.treated).to_numpy(dtype=bool)
    post = _matches(pd.Series(values), spec.period.post).to_numpy(dtype=bool)
    treated = np.bincount(codes[known & arms], minlength=len(values))
    comparison = np.bincount(codes[known & ~arms], minlength=len(values))
    if post.any() and treated[post].sum() and comparison[post].sum() and comparison[~post].sum() \
            and not treated[~post].sum():
        # the group written as each round's status (treated after the programme only): the annex said « too few
        # rows in a group », make check nothing
        rows = np.flatnonzero(known & arms)
        return [raw.problem(
            "treated_only_after", f"no row before the programme is in the treated group ('{spec.treatment.column}' "
            f"= {numbers.plain(spec.treatment.treated)} on {len(rows)} row(s), all after it): the "
            "difference-in-differences has no baseline for the treated. The column seems to say each round's status "
            "(treated once the programme came) rather than each person's group",
            f"Write in '{spec.treatment.column}' each person's group on all their rows, before the programme too (the "
            "persons treated later are the treated group from the first round).", index=frame.index[rows[0]],
            column=spec.treatment.column, value=numbers.plain(frame[spec.treatment.column].iloc[rows[0]]))]
    if len(values) < 3:   # two rounds: a round of one group gives no estimate at all, which the annex says
        return []
    alone = ~post & ((treated > 0) != (comparison > 0))
    if not alone.any() or not (~post & (treated > 0) & (comparison > 0)).any():
        return []
    code = int(np.flatnonzero(alone)[0])
    arm = "treated" if treated[code] else "comparison"
    rows = np.flatnonzero(known & (codes == code))
    value = numbers.plain(values[code])
    return [raw.problem(
        "round_of_one_arm", f"the round {value}, before the programme, holds the {arm} group only ({len(rows)} "
        f"row(s)): the difference-in-differences pools the rounds before the programme into each group's baseline, "
        f"so the {arm} group's takes in {value} and the other's does not, and the change both groups went through "
        "between the rounds would count as an effect of the programme",
        f"Leave the rows of {value} out of {Path(raw.file).name} (compare the rounds both groups were surveyed "
        "in), or give the other group's rows of that round.", index=frame.index[rows[0]],
        column=spec.period.column, value=value)]


def _unit_across_clusters(spec: StudySpec, frame: pd.DataFrame, raw: RawTable, spec_path: Path,
                          units: np.ndarray | None = None) -> list[Problem]:
    """`se: cluster` with `unit:` whose units have rows in several clusters (`cluster: enqueteur`, a different
    interviewer each round; a person who moved village): CRV1 takes a person's rows in two clusters as independent,
    which they are not. 600 persons seen twice, clustered on the round's interviewer: the DiD's SE 53.1 where
    clustering on the persons gives 7.2 (statsmodels), nothing said (study_panel_se warns of robust SEs only). A
    warning at the first row of the first such unit. Counted on the codes (one pass of numpy), once per study."""
    # (did only: a two_group study's unit is on one row, repeated_unit refuses a second)
    if spec.design != "did" or spec.se != "cluster" or not spec.unit or not spec.cluster \
            or spec.unit == spec.cluster or spec.unit not in frame.columns or spec.cluster not in frame.columns:
        return []
    units = factorized(frame[spec.unit])[0] if units is None else units
    clusters, names = factorized(frame[spec.cluster])
    known = (units >= 0) & (clusters >= 0)
    if not known.any():
        return []
    one = np.full(int(units.max()) + 1, -1)
    one[units[known]] = clusters[known]   # one cluster of each unit (the last written): a row in another one tells
    several = np.bincount(units[known & (clusters != one[np.maximum(units, 0)])], minlength=len(one)) > 0
    if not several.any():
        return []
    first = int(np.flatnonzero(known & several[np.maximum(units, 0)])[0])
    mine = known & (units == units[first])
    shown = ", ".join(numbers.plain(v) for v in pd.unique(names[clusters[mine]])[:4])
    return [raw.problem(
        "unit_across_clusters", f"{int(several.sum())} {spec.unit}(s) have rows in several clusters '{spec.cluster}' "
        f"(this one in {shown}): clustered standard errors take a unit's rows in two clusters as independent, "
        "which they are not, so the effects' standard errors, intervals and p-values are wrong",
        f"Write `cluster: {spec.unit}` in {spec_path.name}, or a cluster that holds whole units (their village "
        "before the programme, on every row of the unit).", index=frame.index[first], column=spec.cluster,
        value=numbers.plain(frame[spec.cluster].iloc[first]), severity="warning")]


def _panel_robust_se(spec: StudySpec, frame: pd.DataFrame, spec_path: Path,
                     units: np.ndarray | None = None) -> list[Problem]:
    """A did panel (`unit:`, persons seen before and after the programme) with robust (HC1) or classical standard
    errors: they take each row as independent, and a person's rows are not. 100 persons per arm seen twice, their
    own levels far apart: the DiD's SE was 19.2 where clustering on the persons gives 6.1 (statsmodels), the
    interval 3 times too wide, the MDE too; with other data it comes out too small. A warning at the description,
    saying what to write (the annex gives the SEs clustered on the unit beside them)."""
    twice = units_in_several_rounds(spec, frame, units)
    if not twice:
        return []
    return [Problem(relative(spec_path), "study_panel_se", f"{twice} {spec.unit}(s) are seen in several rounds, and "
                    f"the standard errors are {spec.se} (se: {spec.se}): they take each row as independent, while a "
                    "person's rows are not, so the difference-in-differences' standard error, interval and p are "
                    "wrong (most often too large)",
                    f"Write `se: cluster` and `cluster: {spec.unit}` in {spec_path.name} (or a cluster that holds "
                    "whole persons, such as their village); the annex gives the effect's standard errors clustered "
                    f"on {spec.unit} beside the others, and its minimum detectable effect from them.", column="se",
                    severity="warning")]


def _differential_attrition(spec: StudySpec, frame: pd.DataFrame, raw: RawTable,
                            units: np.ndarray | None = None) -> list[Problem]:
    """An outcome lost more in one arm than in the other: for did with ``unit:``, the persons with a value before the
    programme and none after (the follow-up row absent, or its cell empty); for two_group, the rows whose outcome is
    empty. The estimate compares the groups' means of the rows it has: 37 of 100 treated low earners not found at the
    follow-up made the difference-in-differences 312 where the persons seen twice give 203 (statsmodels and R with
    person fixed effects), and the annex said attrition 0 when their rows were kept with the cell empty. A warning
    per outcome (the persons lost may be like the others), naming the first one lost in the arm that lost more.
    Counted on the units' codes (bincount), once per study: a million persons in a few tenths of a second."""
    did = spec.design == "did"
    if did and (not spec.unit or spec.unit not in frame.columns or spec.period is None):
        return []
    group = frame[spec.treatment.column].notna().to_numpy()
    treated = _matches(frame[spec.treatment.column], spec.treatment.treated).to_numpy() & group
    arms = {True: treated, False: group & ~treated}
    if did:
        units = factorized(frame[spec.unit])[0] if units is None else units
        known = frame[spec.period.column].notna().to_numpy() & (units >= 0)
        post = _matches(frame[spec.period.column], spec.period.post).to_numpy() & known
        pre = known & ~post
        size = int(units.max()) + 1 if len(units) else 0
    problems = []
    for outcome in spec.outcomes:
        value = pd.to_numeric(frame[outcome], errors="coerce").notna().to_numpy()
        lost, of, first = {}, {}, {}
        for arm, mine in arms.items():
            if did:
                before = np.bincount(units[mine & value & pre], minlength=size) > 0
                after = np.bincount(units[mine & value & post], minlength=size) > 0
                gone = before & ~after
                lost[arm], of[arm] = int(gone.sum()), int(before.sum())
                rows = np.flatnonzero(mine & value & pre & gone[np.maximum(units, 0)]) if lost[arm] else []
            else:
                rows = np.flatnonzero(mine & ~value)
                lost[arm], of[arm] = len(rows), int(mine.sum())
            first[arm] = frame.index[rows[0]] if len(rows) else None
        if not of[True] or not of[False]:
            continue
        rate = {arm: lost[arm] / of[arm] for arm in arms}
        if abs(rate[True] - rate[False]) < DIFFERENTIAL_ATTRITION:
            continue
        what = (f"{spec.unit}(s) with a value before the programme have none after it", "the difference-in-"
                "differences compares the groups' means of the rows it has: the baseline of those lost counts in "
                "their group's change") if did else \
            ("rows have no value", "the effect compares the means of the rows with a value: if those lost "
             "differ (the unemployed not found), it compares different persons")
        index = first[rate[True] > rate[False]]
        problems.append(raw.problem(
            "differential_attrition", f"'{outcome}': {lost[True]} of {of[True]} treated and {lost[False]} of "
            f"{of[False]} comparison {what[0]} ({100 * rate[True]:.0f} % and {100 * rate[False]:.0f} %): {what[1]}",
            "Find their follow-up values if you can; else report the attrition per arm beside the effect (the annex "
            "gives it)" + (f", and compare with the persons seen in both rounds (leave out of {Path(raw.file).name} "
                          "the rows of those lost)" if did else "") + ".",
            index=index, column=spec.unit if did else outcome,
            value=numbers.plain(frame.at[index, spec.unit]) if did else None, severity="warning"))
    return problems


def _far_above(values: pd.Series, raw: RawTable, outcome: str) -> list[Problem]:
    """One or two values ten times three quarters of the others and far beyond them (Tukey's 3 IQR): 1 000 000 in a
    monthly income of about 1 500 made the effect 33 371 where the other 59 rows give 92 (statsmodels), without a
    word (the nines rule reads 999-like codes only). A warning, at the first such row: it may be true (or a typo, a
    yearly amount, another currency)."""
    floats = values.to_numpy(dtype="float64", na_value=np.nan)
    finite = floats[np.isfinite(floats)]
    if len(finite) < 10 or np.isin(finite, (0.0, 1.0)).all():
        return []
    q1, q3 = np.percentile(finite, [25, 75])
    far = (finite > q3 + 3 * (q3 - q1)) & (finite >= 10 * q3) & (q3 > 0)
    if not far.any() or far.sum() > max(2, 0.01 * len(finite)):
        return []   # none, or many: a skewed distribution, not a slip
    high = np.isfinite(floats) & (floats >= finite[far].min())
    first = values.index[high][0]
    # the others beyond Tukey's fence, named too: three yearly incomes typed in a monthly one (27 218, 25 727,
    # 18 843 among about 2 000) named the first two only, « far above them all (at most 18 843) », and the third,
    # below 10 times three quarters, kept the effect at 268 (95 corrected) once the two were, nothing said
    fence = q3 + 3 * (q3 - q1)
    beyond = sorted(set(finite[~far & (finite > fence)].tolist()), reverse=True)
    rest = float(finite[~far & (finite <= fence)].max())
    shown = ", ".join(numbers.plain(float(v)) for v in sorted(set(finite[far].tolist()), reverse=True))
    also = "" if not beyond else (
        f"; {len(beyond)} other value(s) are also beyond three interquartile ranges above three quarters of the "
        f"values ({numbers.plain(round(fence, 2))}): " + ", ".join(numbers.plain(float(v)) for v in beyond[:5])
        + (", ..." if len(beyond) > 5 else ""))
    return [raw.problem(
        "outcome_far_above", f"{int(far.sum())} value(s) of '{outcome}' ({shown}) are more than 10 times three "
        f"quarters of the others and far above them all (at most {numbers.plain(rest)}){also}: the means and the "
        "effect move with them", "Check the value (a typo, a yearly amount for a monthly one, another currency?) and "
        "correct it, or leave the cell empty if it is not known; if it is true, nothing needs doing, and the report "
        "may give the effect without it beside.", index=first, column=outcome, value=numbers.plain(values[first]),
        severity="warning")]


# a column of sampling weights (folded, spaces as '_'), and one of the persons a row stands for: the estimates
# read neither
WEIGHT_HEADERS = {"poids", "poids_final", "poids_sondage", "poids_de_sondage", "ponderation", "coef_ponderation",
                  "coefficient_de_ponderation", "facteur_de_ponderation", "facteur_extrapolation", "weight", "weights",
                  "wgt", "sampling_weight", "survey_weight", "final_weight", "pweight", "wt"}
COUNT_HEADERS = {"n", "effectif", "effectifs", "nombre", "nb", "count", "obs", "n_obs", "nb_obs", "observations",
                 "nombre_d'observations", "nb_observations", "sample_size", "taille", "taille_echantillon",
                 "taille_de_l'echantillon", "nb_personnes", "nombre_de_personnes", "frequency", "freq"}


# words of a header that make it weights (`poids_menage`, `weight_final`, `hhweight`, `ipw_weight`: the exact
# headers only were known, and these were ignored without a word), unless it weighs a body (`poids_naissance_kg`)
_WEIGHT_WORD = re.compile(r"(?:^|_)(?:poids|ponderations?|pond|weights?|wgt|wt|pweights?|hhweight|indweight|"
                          r"hhwgt|perweight)(?:_|$)")
_BODY_WORD = re.compile(r"(?:^|_)(?:kg|g|grammes?|naissance|birth|enfants?|child|corporel|body|bebe|baby)(?:_|$)")


def _unused_column(spec: StudySpec, frame: pd.DataFrame, headers: set[str]) -> str | None:
    named = set(spec.columns())
    weights = headers is WEIGHT_HEADERS
    for c in frame.columns:
        if not isinstance(c, str) or c in named:
            continue
        key = fold(c).strip(" :").replace(" ", "_")
        words = re.sub(r"[^a-z0-9]+", "_", key) if weights else ""
        if key in headers or weights and _WEIGHT_WORD.search(words) and not _BODY_WORD.search(words):
            return c
    return None


def _country_named_otherwise(frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A study's countries in a column headed otherwise than 'country' (« Pays », « Country »): a country annex
    reads only 'country', so each showed the study over every country's rows (Maroc's effect 250 where its own
    rows give 100), its published figures compared with them. A warning at the column (the annex says it too, and
    its published impact figures are not compared)."""
    column = country_named_otherwise(frame)
    if column is None:
        return []
    countries = sorted(c for c in frame[column].dropna().unique() if isinstance(c, str) and c.strip())
    shown = ", ".join(countries[:4]) + (", ..." if len(countries) > 4 else "")
    return [raw.problem(
        "study_country_column", f"the column '{column}' looks like the study's country ({shown}), and only a "
        "column headed 'country' is read as such: each country annex shows the study over all its rows, as the "
        "whole project's" + (", and compares none of its published impact figures" if len(countries) > 1 else ""),
        f"Rename the column '{column}' to 'country' (and in the study's YAML), so that each country annex shows its "
        "own rows.", column=column, severity="warning")]


def _weights_ignored(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A column of sampling weights (`poids`, `weight`) the description cannot use: the effects, means and tests
    counted each row once, without a word (a sample drawing the treated 5 times as often in one region gave the
    unweighted effect). A warning at the column, when the weights are not all equal."""
    column = _unused_column(spec, frame, WEIGHT_HEADERS)
    if column is None:
        return []
    weights = pd.to_numeric(frame[column], errors="coerce").dropna()
    if len(weights) < 2 or weights.nunique() < 2:
        return []
    return [raw.problem(
        "study_weights_ignored", f"the column '{column}' looks like sampling weights "
        f"({numbers.plain(float(weights.min()))} to {numbers.plain(float(weights.max()))}): the workbook "
        "estimates the effects unweighted, each row counting once, so they are the sample's, not the population's", "If the sample was drawn with unequal "
        "probabilities, say so in the report and estimate the weighted effect elsewhere (the workbook has no "
        "weighted effect); if the column is not weights, rename it.", column=column, severity="warning")]


def _one_row_per_cell(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A did study of one row per arm, round (and country, subgroup): a report's table of means without its counts
    (Maroc and Tunisie, 2019 and 2021: 8 means gave a DiD of 200 with SE 100 and p 0.12, each mean one person)."""
    if spec.period is None:
        return []
    countries = [c for c in frame.columns if isinstance(c, str) and fold(c).strip() in ("country", "pays")]
    cells = [c for c in dict.fromkeys([spec.treatment.column, spec.period.column, *spec.subgroups, *countries])
             if c in frame.columns]
    keys = frame[cells].astype("object").where(frame[cells].notna(), None)
    if len(frame) < 4 or keys.duplicated().any():
        return []
    return [raw.problem(
        "study_rows_are_means", f"each of the {len(frame)} rows is alone in its cell of {', '.join(cells)}: the "
        "rows look like the means of groups (a table of a report), and the estimates would take each row as one "
        f"person (the effect unweighted by the counts, its standard error, interval and p those of {len(frame)} "
        "persons)", "Give the study one row per person (or unit), its microdata; a report's table of means is "
        "checked as published figures (reported.csv), not estimated again.", column=spec.treatment.column)]


# « 25 ans », « 30 years », « 3 enfants »; not an ordinal (« 2e », « 1er », « 3rd »: a level's name)
_NUMBER_AND_WORD = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*(?!(?:er|re|ere|eme|ème|nd|rd|th|st)\b)[^\W\d_]{2,}\.?\s*$")


def _covariates_written_otherwise(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A covariate written « 25 ans » (a number and its unit) was read as text, each value a category of its own
    (`age=25 ans`, `age=30 ans` in the balance table and the model); an age column holding a birth year on some
    rows (1996 beside 25) was read as ages, 1996 years old. Both unsaid; refused at the first such row. Only the
    covariates' distinct values are looked at."""
    problems = []
    for column in dict.fromkeys([*spec.covariates, *(c for t in spec.score_terms() for c in t.columns())]):
        if column not in frame.columns or column in spec.outcomes:
            continue
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values):
            if not fold(column).replace("_", " ").split(" ")[0] in ("age", "ages"):
                continue
            years = values.between(1900, 2100)
            if years.any() and values.lt(120).any():
                index = years.idxmax()
                problems.append(raw.problem(
                    "covariate_birth_year", f"the age '{column}' is {numbers.plain(values[index])} on this row, a "
                    f"year of birth, where other rows give ages ({numbers.plain(values[values.lt(120)].min())} to "
                    f"{numbers.plain(values[values.lt(120)].max())}): it would be read as an age of "
                    f"{numbers.plain(values[index])} years", "Write every row's age (the year of the survey minus "
                    "the year of birth), or every row's year of birth under another name.", index=index,
                    column=column, value=numbers.plain(values[index])))
            continue
        distinct = pd.Series(values.dropna().unique())
        worded = distinct[distinct.astype(str).str.match(_NUMBER_AND_WORD)]
        if len(worded) and len(worded) * 2 >= len(distinct):   # most of its values: a number and a word
            index = values.index[values.isin(worded.tolist()).to_numpy(bool)][0]
            problems.append(raw.problem(
                "covariate_with_unit", f"the covariate '{column}' is written with a word beside its number "
                f"('{values[index]}'): it is read as text, each value a category of its own, not as a number",
                "Write the number alone in every row (25, not 25 ans); the unit goes in the study's labels.",
                index=index, column=column, value=str(values[index])))
    return problems


def _rows_are_means(spec: StudySpec, frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A published table of means (a row per arm and round, with its `effectif`) given as the study's rows: each
    mean was counted as one person, the effect unweighted by the counts and its SE, interval and p those of a few
    persons (8 means of 100 persons: SE 100, p 0.12), without a word. Refused, at the column: the study's rows are
    persons (or units)."""
    column = _unused_column(spec, frame, COUNT_HEADERS)
    if column is None and len(frame) <= 50:
        return _one_row_per_cell(spec, frame, raw)
    if column is None or len(frame) > 50:
        return []
    counts = pd.to_numeric(frame[column], errors="coerce")
    if counts.isna().any() or not ((counts >= 2) & (counts == counts.round())).all():
        return []
    return [raw.problem(
        "study_rows_are_means", f"the column '{column}' gives {numbers.plain(float(counts.sum()))} persons on "
        f"{len(frame)} rows: the rows look like the means of groups (a table of a report), and the estimates would "
        "take each row as one person (the effect unweighted by the counts, its standard error, interval and p those "
        f"of {len(frame)} persons)", "Give the study one row per person (or unit), its microdata; a report's table "
        "of means is checked as published figures (reported.csv), not estimated again. If the column is not a count "
        "of persons, rename it.", column=column)]


def _yes_no_coding(values: pd.Series, raw: RawTable, outcome: str) -> list[Problem]:
    """A yes/no outcome coded 1/2 (as many questionnaires code it) is read as a number, and an effect on it has the
    sign reversed if 2 means no; a 0/1 outcome with a few other values is read as a number, not a share. Warnings:
    either may be a true count."""
    floats = values.to_numpy(dtype="float64", na_value=np.nan)
    floats = floats[np.isfinite(floats)]
    binary = np.isin(floats, (0.0, 1.0))
    if not len(floats) or binary.all() or (binary.mean() < 0.95 and not np.isin(floats, (1.0, 2.0)).all()):
        return []   # at once for a million earnings: neither rule can hold
    counts = pd.Series(floats).value_counts()
    if set(counts.index) == {1.0, 2.0}:
        return [raw.problem("outcome_one_two", f"the outcome '{outcome}' is 1 or 2 on every row: if it is a yes/no "
                            "coded 1 = yes, 2 = no, its effect reads the wrong way round and is not a share",
                            "Write 1 for yes and 0 for no; if 1 and 2 are counts, nothing needs doing.",
                            column=outcome, severity="warning")]
    binary = counts[counts.index.isin([0.0, 1.0])].sum()
    others = counts[~counts.index.isin([0.0, 1.0])]
    if len(others) and binary >= 0.95 * counts.sum() and counts.index.isin([0.0, 1.0]).sum() == 2:
        listed = ", ".join(f"{numbers.plain(v)} ({int(n)} row{'s' if n > 1 else ''})"
                           for v, n in others.head(5).items())
        first = values.index[values.isin(others.index)][0]
        return [raw.problem("outcome_almost_binary", f"the outcome '{outcome}' is 0 or 1 on {int(binary)} rows and "
                            f"something else on {int(others.sum())}: {listed}", "If it is a yes/no, correct those rows "
                            "(1 = yes, 0 = no): as they are, the outcome is read as a number, not a share.",
                            index=first, column=outcome, value=numbers.plain(values[first]), severity="warning")]
    return []


def _scales_by_country(frame: pd.DataFrame, raw: RawTable, outcome: str) -> list[Problem]:
    """An outcome between 0 and 1 (with fractions) in some countries and above 1, up to 100, in another: a share
    written as a fraction here and as a percentage there (Tunisie's 30 beside the others' 0.3). Pooled, the effect
    was 1.11 for 0.04, nothing said. A warning: the countries may truly differ."""
    if "country" not in frame.columns:
        return []
    found = _fractions_and_percents(frame, outcome, "country")
    if found is None:
        return []
    fractions, percents, high, index = found
    return [raw.problem(
        "outcome_scales_differ", f"the outcome '{outcome}' lies between 0 and 1 in "
        f"{', '.join(fractions)} and goes up to {high} in {', '.join(percents)}"
        ": a share written as a fraction in some countries and as a percentage in others?",
        "Write it the same way in every country (0.3, or 30, for 30 %): pooled as it is, the effect mixes the two.",
        index=index, column=outcome, severity="warning")]


def _scales_by_group(spec: StudySpec, frame: pd.DataFrame, raw: RawTable, outcome: str) -> list[Problem]:
    """The same outcome between 0 and 1 in one round (or group) and up to 100 in the other: the baseline's
    savings rate written 0.4, the follow-up's 50 (two survey teams, two versions of the form). The
    difference-in-differences was then 13.1 for 0.1, nothing said (a country check sees none of it). A warning,
    per period column (did) and treatment column."""
    columns = ([spec.period.column] if spec.period is not None else []) + [spec.treatment.column]
    for column in (c for c in columns if c in frame.columns):
        found = _fractions_and_percents(frame, outcome, column)
        if found is None:
            continue
        fractions, percents, high, index = found
        return [raw.problem(
            "outcome_scales_differ", f"the outcome '{outcome}' lies between 0 and 1 where {column} is "
            f"{', '.join(fractions)} and goes up to {high} where {column} is {', '.join(percents)}: a share written "
            "as a fraction in one and as a percentage in the other?",
            f"Write it the same way on every row (0.3, or 30, for 30 %): as it is, the effect is mostly the change "
            f"of scale between the values of {column}.", index=index, column=outcome, severity="warning")]
    return []


UNITS_APART = 100   # an outcome's typical size this many times larger in one round (group) than in the other


def _magnitudes_by_group(spec: StudySpec, frame: pd.DataFrame, raw: RawTable, outcome: str) -> list[Problem]:
    """An amount written in one unit in one round (or group) and in another in the other: the follow-up's earnings
    in thousands (1.52 for 1 520 MAD) beside the baseline's in dirhams, or in cents. The difference-in-differences
    was then minus the groups' baseline gap (26.0 for an effect of 100), nothing said: the fraction / percentage rule
    sees only shares. A warning when the medians of the non-zero values differ by UNITS_APART times or more and the
    values barely overlap (the 90th percentile of the smaller under the 10th of the larger), the smaller's values
    non-zero on half its rows at least; each value of the period column (did), else of the treatment column, of 5 rows or more."""
    values = pd.to_numeric(frame[outcome], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        if not (values > 1).any() or np.isin(values[np.isfinite(values)], (0.0, 1.0)).all():
            return []   # (a 0/1 outcome, or nothing above 1: the fraction rule's)
    columns = ([spec.period.column] if spec.period is not None else []) + [spec.treatment.column]
    for column in (c for c in columns if c in frame.columns):
        groups, names = factorized(frame[column])
        known = (groups >= 0) & np.isfinite(values) & (values != 0)
        by = pd.DataFrame({"c": groups[known], "v": np.abs(values[known])})
        stats = by.groupby("c", sort=True)["v"].describe(percentiles=[0.1, 0.5, 0.9])
        stats = stats[stats["count"] >= 5]
        if len(stats) < 2:
            continue
        small, large = stats["50%"].idxmin(), stats["50%"].idxmax()
        rows_small = int(((groups == small) & np.isfinite(values)).sum())
        if not (stats.at[small, "50%"] * UNITS_APART <= stats.at[large, "50%"]
                and stats.at[small, "90%"] < stats.at[large, "10%"]
                and stats.at[small, "count"] >= rows_small / 2):
            continue   # (trainees earning nothing before, a few odd jobs: their small amounts are no other unit)
        ratio = stats.at[large, "50%"] / stats.at[small, "50%"]
        first = int(np.flatnonzero(known & (groups == small))[0])
        return [raw.problem(
            "outcome_units_differ", f"the outcome '{outcome}' is about {numbers.plain(round(ratio))} times smaller "
            f"where {column} is {numbers.plain(names[small])} (median {_rounded(stats.at[small, '50%'])}) than "
            f"where it is {numbers.plain(names[large])} (median {_rounded(stats.at[large, '50%'])}): the same "
            "amount written in two units (thousands, cents)?",
            f"Write it in one unit on every row: as it is, the effect is mostly the change of unit between the values "
            f"of {column}.", index=frame.index[first], column=outcome, value=numbers.plain(values[first]),
            severity="warning")]
    return []


MONTHS = 12   # a yearly amount is about this many times the monthly one
MONTHS_APART = (8.0, 18.0)   # ratios of the rounds' medians read as a change from monthly to yearly (or back)


def _months_and_years(spec: StudySpec, frame: pd.DataFrame, raw: RawTable, outcome: str) -> list[Problem]:
    """An amount written per month in one round and per year in the other (two versions of the form, « revenu
    annuel » at follow-up): about 12 times larger, below _magnitudes_by_group's 100. The DiD of monthly earnings
    1 500 at baseline and yearly ones at follow-up was 13 090 for an effect of 100, nothing said. A warning when, in
    the treated and in the comparison group alike, the medians of the non-zero values of two values of the period
    column are 8 to 18 times apart in the same direction and barely overlap (the 75th percentile of the smaller
    under the 25th of the larger): a programme raises the treated's earnings, not the comparison group's twelvefold.
    Each arm x round of 5 non-zero values or more, the smaller's non-zero on half its rows at least."""
    if spec.period is None or spec.period.column not in frame.columns or spec.treatment.column not in frame.columns:
        return []
    values = pd.to_numeric(frame[outcome], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        if not (values > 1).any() or np.isin(values[np.isfinite(values)], (0.0, 1.0)).all():
            return []
    rounds, names = factorized(frame[spec.period.column])
    arms = factorized(frame[spec.treatment.column])[0]
    known = (rounds >= 0) & (arms >= 0) & np.isfinite(values) & (values != 0)
    cells = pd.DataFrame({"r": rounds[known], "a": arms[known], "v": np.abs(values[known])})
    stats = cells.groupby(["a", "r"])["v"].describe(percentiles=[0.25, 0.5, 0.75])
    stats = stats[stats["count"] >= 5]
    arm_codes = sorted(set(stats.index.get_level_values("a")))
    if len(arm_codes) != 2:
        return []
    common = sorted(set.intersection(*(set(stats.loc[a].index) for a in arm_codes)))
    for small in common:
        for large in common:
            both = [stats.loc[(a, small)] for a in arm_codes], [stats.loc[(a, large)] for a in arm_codes]
            ratios = [hi["50%"] / lo["50%"] for lo, hi in zip(*both)]
            rows_small = int(((rounds == small) & np.isfinite(values) & (arms >= 0)).sum())
            if not (all(MONTHS_APART[0] <= r <= MONTHS_APART[1] for r in ratios)
                    and all(lo["75%"] < hi["25%"] for lo, hi in zip(*both))
                    and sum(lo["count"] for lo in both[0]) >= rows_small / 2):
                continue
            first = int(np.flatnonzero(known & (rounds == large))[0])
            low = float(np.median(np.abs(values[known & (rounds == small)])))
            high = float(np.median(np.abs(values[known & (rounds == large)])))
            column = spec.period.column
            return [raw.problem(
                "outcome_units_differ", f"the outcome '{outcome}' is about {numbers.plain(round(high / low))} times "
                f"larger where {column} is {numbers.plain(names[large])} (median {_rounded(high)}) than where it is "
                f"{numbers.plain(names[small])} (median {_rounded(low)}), in the treated and the comparison group "
                f"alike: amounts per month in one round and per year in the other?",
                f"Write every row over the same period (per month, or per year): as it is, the effect is mostly the "
                f"change of period between the values of {column}.", index=frame.index[first], column=outcome,
                value=numbers.plain(values[first]), severity="warning")]
    return []


def _rounded(value: float) -> str:
    return numbers.plain(float(f"{value:.4g}"))


def _fractions_and_percents(frame: pd.DataFrame, outcome: str,
                            column: str) -> tuple[list[str], list[str], str, Any] | None:
    """The values of ``column`` (each of 5 rows or more) whose outcome is a fraction (between 0 and 1, not all 0/1)
    and those whose outcome goes above 1 up to 100; the largest of the latter and its first row. None when there
    are not both."""
    values = pd.to_numeric(frame[outcome], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):   # (at once for a 0/1 outcome or earnings: no fraction, or nothing above 1)
        if not ((values > 0) & (values < 1)).any() or not (values > 1).any():
            return None
    groups, names = factorized(frame[column])
    known = (groups >= 0) & np.isfinite(values)
    if not known.any():
        return None
    by = pd.DataFrame({"c": groups[known], "v": values[known], "f": (values[known] > 0) & (values[known] < 1)})
    stats = by.groupby("c", sort=True).agg(size=("v", "size"), low=("v", "min"), high=("v", "max"),
                                           fractional=("f", "max"))
    enough = (stats["size"] >= 5) & (stats["low"] >= 0)
    fractions = stats.index[enough & (stats["high"] <= 1) & stats["fractional"]]
    percents = stats.index[enough & (stats["high"] > 1) & (stats["high"] <= 100)]
    if not len(fractions) or not len(percents):
        return None
    index = frame.index[groups == percents[0]][0]
    return (sorted(numbers.plain(names[c]) for c in fractions), sorted(numbers.plain(names[c]) for c in percents),
            numbers.plain(float(stats.at[percents[0], "high"])), index)


def _matches(series: pd.Series, wanted: Any) -> pd.Series:
    if isinstance(wanted, bool):
        return series.map(lambda v: numbers.as_bool(v) is wanted).astype(bool)
    if isinstance(wanted, (int, float)):
        return (pd.to_numeric(series, errors="coerce") == float(wanted)).fillna(False).astype(bool)
    try:   # `treated: '1'` quoted beside cells read as numbers: the analysis matches 1 (it was refused, "no row")
        number = float(str(wanted).strip().replace(",", "."))
    except ValueError:
        number = None
    return each_distinct(series, lambda v: fold(v) == fold(wanted) if isinstance(v, str) else
                         number is not None and not isinstance(v, (bool, np.bool_))
                         and isinstance(v, (int, float, np.integer, np.floating)) and float(v) == number, dtype=bool)


def _groups_unclear(values: pd.Series, raw: RawTable, column: str, wanted: Any, key: str,
                    treatment: bool) -> list[Problem]:
    """Rows of a study whose group (or round) is not known: an empty cell is left out of the comparison (a warning
    saying how many); a word for "not known" (NA, ?, NSP) was read as a value other than the treated one, the row
    counted in the comparison group: refused. A treatment column with more than two values: every value but the
    treated one is the comparison group, said by a warning (« Traité » beside « T » is then compared with the
    treated)."""
    problems = []
    empty = values.isna()
    if empty.any():
        problems.append(raw.problem(
            "study_group_missing", f"{int(empty.sum())} row(s) have no '{column}': they are left out of the "
            "comparison", f"Fill in '{column}' if it is known.", index=values.index[empty.to_numpy()][0],
            column=column, severity="warning"))
    distinct = values.dropna().unique().tolist()
    # (a word for "not known", or a dash: read as "another value", it joined the comparison)
    unknown = [v for v in distinct if isinstance(v, str) and (is_not_known(v) or is_dash(v))]
    for word in unknown:
        rows = values.index[(values == word).to_numpy()]
        problems.append(raw.problem(
            "study_group_unknown", f"'{word}' in '{column}' ({len(rows)} row(s)) says the "
            f"{'group' if treatment else 'round'} is not known, and would be read as a value other than {key} "
            f"{wanted!r}",
            "Leave the cell empty (the row is then left out of the comparison), or write its value.",
            index=rows[0], column=column, value=word))
    known = sorted({fold(v): str(v) for v in distinct if v not in unknown}.values())
    if treatment and len(known) > 2:   # (`t` is `T`: a value is matched ignoring case)
        problems.append(raw.problem(
            "several_comparison_values", f"'{column}' holds {len(known)} values ({', '.join(known[:6])}"
            f"{', ...' if len(known) > 6 else ''}): every value but the treated one, {wanted!r}, is the comparison "
            "group", f"If a value is another spelling of {wanted!r}, write {wanted!r}; if the comparison group is "
            "written two ways, that is fine.", column=column, severity="warning"))
    return problems


def _round_rank(value: Any, order: list[Any] | None) -> float | None:
    """A round's place in time: its position in the spec's `order`, else the round as a number (a year)."""
    if isinstance(value, bool):
        return None
    if order:
        return next((float(i) for i, v in enumerate(order) if fold(str(v)) == fold(str(value))), None)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return None


def _round_span(value: Any) -> tuple[Any, Any] | None:
    """The days a round written as a year, a month, a quarter or a date covers (2019, 2021-06, juin 2021, T2 2021);
    None for a round number (1, 2) or a word."""
    if isinstance(value, bool):
        return None
    return numbers.period_span(numbers.plain(value) if isinstance(value, float) else str(value).strip())


def _rounds_after_post(spec: StudySpec, frame: pd.DataFrame, raw: RawTable, spec_path: Path) -> list[Problem]:
    """Rows of a round later than the post one (a second follow-up, 2023, beside `post: 2021`): every round but the
    post one is the comparison's « before », so 2023 was counted before the programme (its DiD halved, the
    baseline balance taken in 2023), with nothing said. Refused: which rounds to compare is the evaluator's call.
    Rounds written as months or dates are placed in time too (2022-12 beside `post: 2021-06` was counted before)."""
    assert spec.period is not None
    column, post = spec.period.column, spec.period.post
    post_rank = _round_rank(post, spec.period.order)
    values = frame[column]
    present = values.dropna().unique().tolist()
    ranks = None if spec.period.order or post_rank is not None else numbers.round_ranks([post, *present])
    if post_rank is None and ranks is None and (spec.period.order or _round_span(post) is None):
        return []
    later = [v for v in present
             if (rank := _round_rank(v, spec.period.order)) is not None and post_rank is not None and rank > post_rank]
    if ranks is not None:   # words (baseline, midline, endline) or a word and a number (T0, T1, T2)
        later = [v for v, rank in zip(present, ranks[1:]) if rank > ranks[0]]
    post_span = None if spec.period.order else _round_span(post)
    if post_span is not None:   # rounds written as dates, months or quarters (2021-06, juin 2021) and years
        later = [v for v in values.dropna().unique().tolist()
                 if (span := _round_span(v)) is not None and span[0] > post_span[1]]
    if not later:
        return []
    rows = values.index[values.isin(later).to_numpy()]
    shown = ", ".join(numbers.plain(v) for v in later[:5])
    return [raw.problem(
        "round_after_post", f"{len(rows)} row(s) are of the round(s) {shown}, after the post round {post!r}: "
        "every round but the post one is counted as before the programme",
        f"Compare two rounds: leave the later rounds' rows out of {Path(raw.file).name}, or set `post:` in "
        f"{spec_path.name} to the round after the programme you mean (one study per follow-up round).",
        index=rows[0], column=column, value=numbers.plain(later[0]))]


# a treated value that names the comparison group (folded): « treated: témoin » beside « traitement »
COMPARISON_VALUES = {"temoin", "groupe temoin", "controle", "groupe de controle", "groupe controle", "control",
                     "control group", "comparaison", "groupe de comparaison", "comparison", "comparison group",
                     "non", "no", "false", "non traite", "non traitee", "untreated", "not treated",
                     "non beneficiaire", "non-beneficiaire", "non participant", "non-participant"}


def _treated_says_comparison(others: pd.Series, raw: RawTable, column: str, wanted: Any,
                             spec_path: Path) -> list[Problem]:
    """`treated: témoin` (or `non`, `control`) beside `traitement`: the comparison group taken as the treated, every
    effect read the wrong way round (-151 for +151), nothing said. A warning (a column headed « Témoin » holding
    oui/non may mean it), naming the other values."""
    said = "no" if wanted is False else fold(str(wanted)).strip()
    if said not in COMPARISON_VALUES or any(w in fold(column) for w in ("temoin", "control", "compar", "non")) \
            or not others.notna().any():
        return []
    shown = sorted({fold(v): numbers.plain(v) for v in others.dropna().unique()}.values())[:5]
    return [raw.problem(
        "treated_value_comparison", f"the treated value {wanted!r} names a comparison group, and the other values of "
        f"'{column}' ({', '.join(shown)}) are taken as the comparison group: if {wanted!r} is the comparison group, "
        "every effect reads the wrong way round", f"Write in 'treated:' of {spec_path.name} the value of '{column}' "
        f"that means treated ({shown[0]!r}?); if {wanted!r} are the treated, nothing needs doing.", column=column,
        severity="warning")]


def _study_groups(spec: StudySpec, frame: pd.DataFrame, raw: RawTable, spec_path: Path) -> list[Problem]:
    problems = _rounds_after_post(spec, frame, raw, spec_path) if spec.period is not None else []
    checks = [("treatment", spec.treatment.column, spec.treatment.treated, "treated")]
    if spec.period is not None:
        checks.append(("period", spec.period.column, spec.period.post, "post"))
    for what, column, wanted, key in checks:
        problems += _groups_unclear(frame[column], raw, column, wanted, key, what == "treatment")
        series = frame[column]
        if isinstance(series.dtype, pd.StringDtype):   # text: what matters is which values occur, each seen once
            series = pd.Series(series.unique(), dtype=series.dtype)
        hit = _matches(series, wanted)
        others = series.notna() & ~hit
        if not hit.any():
            # the values found, so that the fix is in the message (`treated: yes` is read by YAML as a yes/no,
            # which `Bénéficiaire` is not; `treated: oui` beside 1 and 2)
            found = sorted({fold(v): numbers.plain(v) for v in series.dropna().unique()}.values())[:8]
            as_yes = " (YAML reads an unquoted true/yes/no as a yes/no: quote the value as the data writes it, " \
                "e.g. treated: 'T')" if isinstance(wanted, bool) else ""
            problems.append(raw.problem(f"{what}_value_missing", f"no row has the {key} value {wanted!r} in "
                                        f"'{column}'; its values: {', '.join(found) or 'none'}",
                                        f"Write in '{key}:' of {spec_path.name} the value of '{column}' that means "
                                        f"{'treated' if what == 'treatment' else 'after the programme'}{as_yes}.",
                                        column=column))
        elif what == "treatment":
            problems += _treated_says_comparison(series[others], raw, column, wanted, spec_path)
        if hit.any() and not others.any():
            rule = "one_group" if what == "treatment" else "one_period"
            empty = int(frame[column].isna().sum())
            # the comparison group left blank (a habit of registers: only the beneficiaries ticked) is no group
            blank = f"; the {empty} row(s) with '{column}' empty are left out, not read as the " \
                f"{'comparison group' if what == 'treatment' else 'baseline'}" if empty else ""
            problems.append(raw.problem(rule, f"every row with a '{column}' has {column} = {wanted!r}: there is "
                                        f"nothing to compare with{blank}", f"The data needs rows with another "
                                        f"{column} value ({'a comparison group' if what == 'treatment' else 'a baseline period'})"
                                        + (f": write it in the empty cells of '{column}' (e.g. 0 or C) if they are "
                                           f"the {'comparison group' if what == 'treatment' else 'baseline'}."
                                           if empty else "."),
                                        column=column, index=frame.index[frame[column].isna().to_numpy()][0]
                                        if empty else None))
    return problems
