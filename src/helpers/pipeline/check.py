"""`python -m helpers check`: every problem in every project's params and data, for a non-programmer.

Per project: the errors (each says the file, row or cell, column, value, rule and what to do), then the warnings,
then a one-line summary. Problems are grouped by file and rule: a group shows its first ``SHOWN_PER_GROUP`` rows and
the count of the others, so a big file broken the same way on every row stays readable. Every problem is also
written to ``build/check/<project>.csv`` (one row each, to filter in a spreadsheet: UTF-8 with a BOM, separated by ';'
for a French project, ',' for an English one, as Excel opens them), atomically and with text that
a spreadsheet would run as a formula neutralised (when build/ cannot be written, the problems are printed and one
line says so). Exit status 0 when there is no error (warnings do not fail) and the list was written, 1 otherwise.
"""

from __future__ import annotations

import re
import sys
from itertools import groupby
from pathlib import Path
from typing import TextIO

import pandas as pd

from ..files import neutralise, write_atomic
from ..annex.words import say
from ..errors import Problem, visible
from ..data.countries import same_country
from ..data.headers import header_sets, translate
from ..data.loader import ProjectData, check_and_load, load_project
from ..data.params import load_annex_params
from ..data.readers import read_table
from ..data.schemas import REQUIRED
from ..text import fold, is_all, is_project_wide
from ..paths import DATA_DIR, PARAMS_DIR, annex_names, check_slug, project_names, relative, under
from .messages import project_language, shown, translated

SHOWN_PER_GROUP = 10
CSV_COLUMNS = ["severity", "file", "row", "cell", "column", "value", "rule", "message", "what to do"]


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _count(n: int, word: str, lang: str) -> str:
    """« 1 error », « 2 errors »; « 0 erreur », « 1 234 erreurs » in French (the catalogue's check_<word>_one / _many)."""
    figure = f"{n:,}" if lang == "en" else f"{n:,}".replace(",", "\u202f")
    return say(f"check_{word}_{'one' if n == 1 or (n == 0 and lang == 'fr') else 'many'}", lang, n=figure)


def report(project: str, problems: list[Problem], out: TextIO, listed: Path | None = None, lang: str = "en") -> None:
    """Print one project's problems, grouped by file and rule; ``listed``: the CSV that holds them all; ``lang``:
    the project's language (pipeline.messages)."""
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    print(f"== {project} ==", file=out)
    for title, group in (("check_errors", errors), ("check_warnings", warnings)):
        if group:
            print(say(title, lang), file=out)
            print_grouped(group, out, listed, lang)
    verdict = say("check_ok" if not errors else "check_not_ready", lang)
    full = say("check_every_problem", lang, path=relative(listed)) if listed is not None and problems else ""
    print(say("check_verdict", lang, project=project, verdict=verdict, errors=_count(len(errors), "error", lang),
              warnings=_count(len(warnings), "warning", lang)) + f"{full}\n", file=out)


def print_summary(problems: list[Problem], out: TextIO, lang: str = "en") -> None:
    """One line per rule (its first problem, without the hint, and how many more): what a build says of the
    warnings it builds with, for `make check` to list in full."""
    groups: dict[str, list[Problem]] = {}
    for problem in problems:
        groups.setdefault(problem.rule, []).append(problem)
    for members in groups.values():
        first = shown(members[0], lang).split("\n")[0]
        files = len({p.file for p in members})
        more = say("check_more_like_files" if files > 1 else "check_more_like", lang, n=f"{len(members) - 1:,}",
                   files=files) if len(members) > 1 else ""
        print(f"  {first}{more}", file=out)


def print_grouped(problems: list[Problem], out: TextIO, listed: Path | None, lang: str = "en") -> None:
    """Problems of one file and rule together (in the order first met), each group cut after SHOWN_PER_GROUP."""
    order = {key: i for i, key in reversed(list(enumerate((p.file, p.rule) for p in problems)))}
    ordered = sorted(problems, key=lambda p: order[(p.file, p.rule)])   # stable: rows keep their order
    for (file, rule), members in groupby(ordered, key=lambda p: (p.file, p.rule)):
        members = list(members)
        for problem in members[:SHOWN_PER_GROUP]:
            print("  " + shown(problem, lang).replace("\n", "\n  "), file=out)
        rest = len(members) - SHOWN_PER_GROUP
        if rest > 0:
            where = say("check_see", lang, path=relative(listed)) if listed is not None else ""
            print("  " + say("check_more_row" if rest == 1 else "check_more_rows", lang, n=f"{rest:,}",
                             file=visible(file), rule=rule) + where, file=out)


def problems_table(problems: list[Problem]) -> pd.DataFrame:
    """One row per problem with the CSV_COLUMNS (row as a nullable integer)."""
    frame = pd.DataFrame([[p.severity, p.file, p.row, p.cell, p.column, p.value, p.rule, p.message, p.hint]
                          for p in problems], columns=CSV_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    return frame


def write_list(problems: list[Problem], path: Path, separator: str = ",") -> None:
    # with a BOM: Excel, opening the file, reads it as UTF-8 (without, « é » showed as « Ã© »)
    table = neutralise(problems_table(problems))
    write_atomic(path, table.to_csv(index=False, sep=separator, lineterminator="\n").encode("utf-8-sig"))


def list_separator(project: str, params_dir: Path) -> str:
    """';' for a project whose annexes are French, as French Excel reads a CSV it opens (a ','-separated list showed
    each problem in one cell, column A); ',' for an English one. From project.yaml as written, valid or not."""
    from ..data.inputs import read_yaml

    written = read_yaml(params_dir / project / "project.yaml")[0]
    language = written.get("language") if isinstance(written, dict) else None
    return "," if str(language).strip().lower() == "en" else ";"


def reported_figure_problems(project: str, data_dir: Path, params_dir: Path,
                             data: ProjectData | None = None) -> list[Problem]:
    """A warning for each row of reported.csv that names no figure its annex computes, with the closest keys.
    ``data``: the project as check_and_load gave it (else it is loaded here)."""
    data = data if data is not None else load_project(project, data_dir, params_dir)
    path = next((p for p in data.files if p.parent.name == project and p.stem == "reported"), None)
    if path is None:
        return []
    raw = read_table(path, data.params.encoding, header_sets("reported", [REQUIRED["reported"]]))
    translate("reported", raw)   # French headers, as the loader reads them
    from ..analyses.figures import unmatched_reported  # the analyses only when there are reported figures

    rows = {str(fid).strip(): row for row, fid in raw.frame["figure_id"].items() if fid is not None}
    annexes = [load_annex_params(project, annex, params_dir) for annex in annex_names(project, params_dir)]
    problems: list[Problem] = _checked_nowhere(raw, annexes)
    for params in annexes:
        for fid, metric, key, suggestion in unmatched_reported(data, params).itertuples(index=False):
            unknown_metric = suggestion.startswith("there is no metric")
            named = _metric_named(metric) if unknown_metric else ""   # a figure's name in an annex, copied
            problem = raw.problem(
                "unknown_figure", f"figure '{fid}': the workbook computes no '{metric}' with the key '{key}'"
                + (f" ({suggestion})" if unknown_metric else ""),
                (suggestion[0].upper() + suggestion[1:] + " " if suggestion and not unknown_metric else "")
                + (f"The annex calls « {metric} » the figure '{named}': write '{named}'. " if named else "")
                + "The figures and their keys are listed in data/README.md; the annex will say 'not computable'.",
                index=rows.get(str(fid).strip()), column="metric" if unknown_metric else "key",
                value=metric if unknown_metric else key, severity="warning")
            if problem not in problems:
                problems.append(problem)
        problems += [p for p in _dated_otherwise(raw, rows, data, params) if p not in problems]
    return problems + _not_levels(raw, rows, data)


def _not_levels(raw, rows: dict, data: ProjectData) -> list[Problem]:
    """A published figure printed as a change beside a level (« +3 000 » beside a count, « +45 % » or « hausse de
    45 % » beside a share, « 5 pp » beside a share): the annex says « not computable »; said here first, at its row
    (an evaluator who runs make check first saw nothing of it)."""
    from ..analyses.figures import ACHIEVED, target_words, canonical_metric
    from ..analyses.reconcile import (COUNTS, LEVELS, PERCENT_LEVEL_NOTE, PERCENT_SIGN, label_unit, not_a_level,
                                      other_currency, with_unit, worded_comparison)
    from ..data.params import report_decimal_mark
    from ..data.readers import shows_plus

    table = data.tables.get("reported")
    if table is None or not len(table):
        return []
    mark = report_decimal_mark(data.params)
    problems = []
    for rec in table.to_dict("records"):
        metric = canonical_metric(str(rec.get("metric") or "").strip())
        unit = rec.get("unit")   # (empty: the unit the label gives, « Budget (EUR) », as the annex reads it)
        printed = with_unit(rec.get("value"), unit if isinstance(unit, str) and unit.strip() else
                            label_unit(rec.get("label")))
        comparison = str(rec.get("comparison") or "").strip() or "="
        why = not_a_level(metric, "", printed, worded_comparison(printed, comparison), mark)
        if not why and (metric in COUNTS or metric in LEVELS) and PERCENT_SIGN.search(fold(printed)):
            # « 100 % » beside activity_status_count: the annex's « not computable », said here first
            why = PERCENT_LEVEL_NOTE.format(metric=metric, **({"a": "a", "what": "count"} if metric in COUNTS else
                                                              {"a": "an", "what": "amount"}))
        fid = str(rec.get("figure_id")).strip()
        if why:
            # a '+' shown by the cell's number format (`+0;-0;0`) is not in the cell: say where it is
            shown = raw.formats.get(raw.letters.get("value", ""), {}).get(rows.get(fid))
            hint = (f"The '+' is the cell's number format ({shown}), not its content: if the report prints the "
                    "level, give the cell a format without '+' (Format Cells > Number). " if shown and
                    shows_plus(shown) else "")
            problems.append(raw.problem("not_a_level", f"figure '{fid}' ({metric}): {why}",
                                        hint + "The annex will say 'not computable' until the value is written so.",
                                        index=rows.get(fid), column="value", value=rec.get("value"),
                                        severity="warning"))
        said = target_words(" ; ".join(str(w) for w in (rec.get("label"), rec.get("value")) if isinstance(w, str)))
        if said and metric in ACHIEVED:   # « Cible : 5 000 personnes formées » beside the figure achieved
            problems.append(raw.problem(
                "published_target", f"figure '{fid}' ({metric}): its label or its value speaks of a target "
                f"('{said}'), and the workbook computes what was achieved", "Write the figure achieved the report "
                "gives, or leave this one out (an indicator's target is compared with the key of its "
                "indicator_achievement); the annex will say 'not computable'.", index=rows.get(fid), column="label"
                if said in str(rec.get("label") or "") else "value", value=rec.get("label") if said in
                str(rec.get("label") or "") else rec.get("value"), severity="warning"))
        # « 2,8 M EUR » beside the budget of a USD project: the annex's « not computable », said here first; « +120
        # EUR » beside an effect in MAD (or on a 0/1 outcome) too
        elsewhere = other_currency(printed, data.params.currency) if metric in LEVELS else \
            _other_outcome_unit(metric, str(rec.get("key") or ""), printed, data)
        if elsewhere:
            problems.append(raw.problem("published_currency", f"figure '{fid}' ({metric}): {elsewhere}",
                                        (f"Write the figure in {data.params.currency} if the report gives it so; "
                                         if metric in LEVELS else "Write the figure in the outcome's unit if the "
                                         "report gives it so; ") + "else the annex will say 'not computable'.",
                                        index=rows.get(fid), column="value",
                                        value=rec.get("value"), severity="warning"))
    return problems


def _other_outcome_unit(metric: str, key: str, printed: str, data: ProjectData) -> str:
    """Why an impact figure keyed `<study>:<outcome>...` is not comparable with its outcome's unit (reconcile.other_unit),
    '' when it is, or the study or outcome is not known."""
    from ..analyses.reconcile import OUTCOME_UNIT, other_unit

    parts = [p.strip() for p in key.split(":")]
    study = data.studies.get(parts[0]) if metric in OUTCOME_UNIT and len(parts) > 1 else None
    if study is None or parts[1] not in study.spec.outcomes:
        return ""
    from ..analyses.impact import outcome_unit

    return other_unit(metric, printed, outcome_unit(study, parts[1]), data.params.currency)


def _dated_otherwise(raw, rows: dict, data: ProjectData, params) -> list[Problem]:
    """A published figure whose label dates it on another day than the figure its annex computes (« dépenses au
    31/12/2019 » keyed 'total' in an annex at 31/12/2020): the annex says « not computable »; said here first."""
    from ..analyses.figures import INDICATOR_METRICS, countries_of, dated_elsewhere, reported_for_annex
    from ..analyses.reconcile import default_key

    mine = reported_for_annex(data.tables.get("reported"), params)
    if not len(mine):
        return []
    if "label" not in mine:   # (a date written in the value is told without a label column too)
        mine = mine.assign(label=None)
    asked = pd.DataFrame({"metric": mine["metric"].astype(str).str.strip(), "label": mine["label"], "status": "",
                          "printed": mine["value"] if "value" in mine else "",
                          "key": [default_key(str(m).strip(), k) for m, k in zip(mine["metric"], mine["key"])]})
    from ..data.model import scope

    indicators = scope(data, params.country).tables.get("indicators") if mine["metric"].astype(str).str.strip().isin(
        INDICATOR_METRICS).any() else None   # an indicator figure dated at another period than its key's
    # (« Part des femmes au Maroc » beside the whole project's, in the project-wide annex)
    why = dated_elsewhere(asked, params, indicators, countries_of(data.tables) if params.is_all else ())
    # (« 300 au 2020-06-30 »: the date is in the value, said at its cell)
    of_value = [isinstance(r, str) and ("by its value" in r or "its value is written with a date" in r or (
        # (« 40 % en 2021 »: the year is in the value)
        (year := re.match(r"its label or its value names the year (\d{4})", r)) is not None and
        year.group(1) in str(v))) for r, v in zip(why, asked["printed"])]
    # (« hors Libye »: a part left out, said at the label)
    def rule(reason: str) -> str:
        return ("part_left_out" if reason.startswith("its label or its value leaves a part out") else
                "one_country" if reason.startswith("its label names one country") else
                "whole_project" if reason.startswith("its label or its value speaks of the whole project")
                else "men_share" if reason.startswith("its label or its value gives the men's")
                else "dated_otherwise")

    # each reason but a date says what to do itself: « hors Libye » was told to write the key at the label's date
    hints = {"dated_otherwise": "The annex will say 'not computable'. Write the key at the label's date (a budget "
                                "figure), or reword a label whose date is not the figure's."}
    return [raw.problem(rule(reason), f"figure '{fid}': {reason}",
                        hints.get(rule(reason), "The annex will say 'not computable' beside it: do as said above."),
                        index=rows.get(str(fid).strip()), column="value" if value_dated else "label",
                        value=value if value_dated else label, severity="warning")
            for fid, label, value, reason, value_dated in zip(mine["figure_id"], mine["label"], asked["printed"], why,
                                                              of_value) if isinstance(reason, str)]


def _metric_named(name: str) -> str:
    """The metric an annex names ``name`` in French or English ('Part des femmes' -> 'women_share'), else ''."""
    from ..annex.fmt import WORDS   # (only for a metric the workbook does not know)
    from ..analyses.figures import METRICS

    return next((metric for metric in METRICS if fold(name) in {fold(w) for w in WORDS.get(metric, {}).values()}), "")


def _checked_nowhere(raw, annexes: list) -> list[Problem]:
    """A published figure whose country has no annex (or, without a country, a project without its project-wide
    annex) is checked in none: a warning, instead of a check that silently does not happen."""
    countries = {fold(a.country) for a in annexes if not a.is_all}
    has_all = any(a.is_all for a in annexes)
    problems = []
    column = raw.frame["country"] if "country" in raw.frame.columns else pd.Series(None, index=raw.frame.index)
    for row, fid, country in zip(raw.frame.index, raw.frame["figure_id"], column):
        if fid is None:
            continue
        # None, NaN, blanks, « Régional », « Global », « Multi-pays »...: the project-wide annex's, as the loader
        # reads them (it checked them: this said « names the country 'Global', which has no annex »)
        empty = not fold(country) or is_project_wide(country)
        if (empty and not has_all) or (not empty and not is_all(country) and fold(country) not in countries):
            where = (f"the country '{country}', which has no annex" if not empty else
                     f"{'no country' if not fold(country) else repr(str(country))}, and the project has no "
                     "project-wide annex (`country: all`)")
            hint = (f"Add an annex for {country} in params/, or write its country as an annex file does." if not empty
                    else "Add params/<project>/ensemble.yaml with `country: all`, or give the figure its country.")
            same = "" if empty else same_country(country, [a.country for a in annexes if not a.is_all])
            if same:   # 'MA' for Maroc: its annex would check the figure
                hint = f"Did you mean '{same}'? '{country}' and '{same}' name the same country (a code, or a name in " \
                       "another language): " \
                       f"write '{same}', as its annex file does."
            problems.append(raw.problem("reported_nowhere", f"figure '{fid}' names {where}: it is checked in no "
                                        "annex", hint, index=row, column="country",
                                        value=country if fold(country) else None,   # (an empty cell: not 'nan')
                                        severity="warning"))
    return problems


def archive_problems(project: str, params_dir: Path, build_dir: Path) -> list[Problem]:
    """An annex renamed since the last build, whose archived figures it no longer finds (data.archive.orphan_problems);
    the archive beside ``build_dir`` (data.archive.beside, as the build keeps it)."""
    from ..data.archive import beside, orphan_problems

    if not (params_dir / project).is_dir():
        return []
    try:
        return orphan_problems(beside(build_dir), project, annex_names(project, params_dir))
    except (OSError, ValueError):   # (a project name that is no slug is told by the check itself)
        return []


def run_check(projects: list[str] | None = None, data_dir: Path = DATA_DIR, params_dir: Path = PARAMS_DIR,
              out: TextIO | None = None, build_dir: Path | None = None) -> int:
    """Check the named projects (all projects under params/ when None). 0 when no errors, 1 otherwise.

    ``build_dir``: where check/<project>.csv goes (default: the build/ folder next to ``params_dir``).
    """
    out = out or sys.stdout
    build_dir = build_dir if build_dir is not None else params_dir.parent / "build"
    names = list(projects) if projects else project_names(params_dir)
    if not names:   # (no project.yaml to say its language: French, the annexes' default)
        print(say("check_no_project", "fr"), file=out)
        return 1
    failed = 0
    for name in names:
        problems, data = check_and_load(name, data_dir, params_dir)   # the files are read once
        problems += archive_problems(name, params_dir, build_dir)
        lang = project_language(name, params_dir)
        if data is not None:   # no error: the reported figures are compared with what the annexes compute
            problems += reported_figure_problems(name, data_dir, params_dir, data)
        listed = unwritten = None
        if not any(p.rule in ("missing_project", "slug") for p in problems):
            listed = under(build_dir, "check", check_slug(name, "project") + ".csv")
            try:   # (the list's messages in the project's language too, its headings for programs unchanged)
                write_list([translated(p, lang) for p in problems], listed, list_separator(name, params_dir))
            except OSError as exc:  # a read-only build/: the problems are still printed, then one line says so
                unwritten, listed = exc, None
        report(name, problems, out, listed, lang)
        if unwritten is not None:
            print(say("check_list_unwritten", lang, path=relative(build_dir / "check"),
                      why=unwritten.strerror or unwritten, build=relative(build_dir)) + "\n", file=out)
        failed += any(p.severity == "error" for p in problems) or unwritten is not None
    if len(names) > 1:   # (in the projects' language when they have one, as make annexes' lines)
        languages = {project_language(name, params_dir) for name in names}
        lang = languages.pop() if len(languages) == 1 else "en"
        projects = _plural(len(names), "project") if lang == "en" else len(names)
        print(say("check_projects_checked", lang, n=projects, failed=failed), file=out)
    return 1 if failed else 0
