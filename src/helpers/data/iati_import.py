"""``make import-iati FILE=... PROJECT=...``: start a project from an IATI activity file.

Creates ``data/<project>/iati/`` with the file as it is, and ``params/<project>/`` with ``project.yaml`` filled from
the file (title in the annex language when the file has it, implementer = reporting-org, donor = the funding
participating-org, currency, start and end dates, a reporting date to check), one annex file per recipient country
that has money or indicators, and the project-wide annex ``ensemble.yaml`` (country ``all``); a file of one
country gets that country's annex only, with country ``all`` (as ``make new`` writes it). Then
``make annexes PROJECT=<project>`` builds without further editing (when the file has no problem that stops it).

Refuses an existing project, and a file that cannot be read as IATI; nothing is left half-written: the two folders
are prepared in a temporary folder beside their destination and moved into place at the end.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

from ..errors import Problem, ValidationFailed
from ..paths import DATA_DIR, PARAMS_DIR, SLUG, new_file, slugify
from .countries import country_name
from .iati import About, about, load_iati, read_activities, unsplit_budget
from .params import ALL, IatiParams, ProjectParams
from .scaffold import PROJECT_WIDE, entry, one_country_annex, refuse_existing, staged, write_lines


def import_iati(source: Path, project: str, language: str = "fr", data_dir: Path = DATA_DIR,
                params_dir: Path = PARAMS_DIR) -> list[Path]:
    """The files written. Raises ValidationFailed (nothing written) when the project exists or the file is not
    a readable IATI activity file."""
    refuse_existing(project, data_dir, params_dir)
    if not source.is_file():
        raise ValidationFailed([Problem(str(source), "iati_unreadable", "there is no such file",
                                        "Give the path of the IATI activity file: FILE=path/to/file.xml")])
    activities, problems = read_activities(source)
    fatal = [p for p in problems if p.rule in ("iati_dtd", "iati_version", "iati_xml_syntax", "iati_unreadable",
                                                "iati_no_activity", "iati_not_activity_file")]  # (an organisation
    # file made a project of currency USD, dates 2000-2099, that every later check refused)
    if fatal:
        raise ValidationFailed(fatal)
    with staged(project, data_dir, params_dir) as (data_stage, params_stage):
        (data_stage / "iati").mkdir()
        shutil.copyfile(source, data_stage / "iati" / _file_name(source))
        info = _about(data_stage / "iati", language)
        written = _write_params(params_stage, project, info, language)
    data_folder, params_folder = data_dir / project, params_dir / project
    return [data_folder / "iati" / _file_name(source), *(params_folder / p.name for p in written)]


def _file_name(source: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", source.stem)[:80].strip("._-") or "activities"
    return f"{stem}.xml"


def _about(folder: Path, language: str) -> About:
    """The title block, and the countries that have rows (read in the file's main currency, other currencies
    at a rate of 1: only to see which countries have money)."""
    activities = [a for path in sorted(folder.glob("*.xml")) for a in read_activities(path)[0]]
    currencies = about(activities, language).currencies
    probe = ProjectParams.model_construct(**{
        **{k: f.get_default(call_default_factory=True) for k, f in ProjectParams.model_fields.items()
           if not f.is_required()},
        "language": language, "currency": currencies[0] if currencies else "USD",
        "iati": IatiParams(exchange_rates={c: 1.0 for c in currencies[1:]})})
    source = load_iati(folder, probe)
    countries = set()
    for name in ("budget", "expenditure", "indicators"):
        countries |= set(source.tables[name]["country"].dropna())
    info = about(source.activities, language, probe.iati.spending)
    # a recipient-country written as its code alone (most files): its annex is named after the country (maroc.yaml,
    # « Maroc »), not the code (ma.yaml, « MA »)
    info.countries = {code: name if name and name != code else country_name(code, language) or name
                      for code, name in info.countries.items() if code in countries}
    info.budget_total = _unsplit_total(source, currencies)
    return info


def _unsplit_total(source: Any, currencies: list[str]) -> float | None:
    """The project's budget when an activity's countries are on its transactions only (iati.unsplit_budget). None
    when the files have several currencies (read here at a rate of 1)."""
    return None if len(currencies) > 1 else unsplit_budget(source.tables["budget"], source.problems)


def _write_params(folder: Path, project: str, info: About, language: str) -> list[Path]:
    """project.yaml, ensemble.yaml and one annex per country (one country: its annex only, `country: all`). Every value from the file is written by the YAML
    emitter (a scalar never becomes a key or a line); comments hold no data. File names are slugs (paths.slugify,
    at most 40 characters), never the same twice, created new inside ``folder`` (paths.new_file)."""
    fr = language == "fr"
    start, end = info.start_date, info.end_date
    if start and end and end <= start:
        end = None
    currency = info.currency if info.currency and CURRENCY.match(info.currency) else None
    lines = [
        "# Project made by `make import-iati` from an IATI activity file (data/<project>/iati/).",
        "# The tables budget, expenditure and indicators are read from that file on every build; add activities,",
        "# participation or reported figures as CSV files in data/<project>/ (see data/README.md).",
        "",
        "# Title of the activity in the annex language when the file has one (check it).",
        entry("title", info.title or project),
        entry("code", info.code or project.upper()),
        "# reporting-org of the file (each one, when it gathers several publishers: keep the implementer), or the",
        "# implementing participating-org (role 4) of a file whose publisher does not implement (a donor's file).",
        entry("implementer", info.implementer) if info.implementer else "# implementer: (the file names none)",
        "# Funding participating-org (role 1).",
        entry("donor", info.donor) if info.donor else "# donor: (the file names none)",
        "# Currency of the file's values; values in another currency need an exchange rate (iati: below).",
        entry("currency", currency or "USD") + ("" if currency else "  # not in the file: correct it"),
        "# Actual (else planned) start and end of the activities.",
        entry("start_date", start or dt.date(2000, 1, 1)) + ("" if start else "  # not in the file: correct it"),
        entry("end_date", end or dt.date(2099, 12, 31)) + ("" if end else "  # not in the file: correct it"),
        "# CHECK THIS DATE: the date of the last spending transaction of the file (else of its last results",
        "# period). Spending is added up to this date; a later date cannot be computed from the file.",
        entry("reporting_date", info.reporting_date or dt.date(2099, 12, 31)),
        *(["# CHECK THIS BUDGET: the files' budget on the day of the import. Their activities name their countries",
            "# on the transactions only, so the budget is not split by country (n.d.): this is the whole project's.",
            "# Keep it equal to the files' budget when they change (make check warns when it is not).",
            entry("budget_total", round(info.budget_total, 2))] if info.budget_total else []),
        entry("language", language),
        "iati:",
        "  # Transaction types counted as spending: 3 disbursement, 4 expenditure.",
        "  spending: [3, 4]",
        "  # Keep only some activities: a list of iati-identifiers, or a prefix.",
        "  # activities: [XM-EXAMPLE-1]",
        "  # activity_prefix: XM-EXAMPLE",
    ]
    others = [c for c in info.currencies if c != currency and CURRENCY.match(c)]
    if others:
        lines += ["  # The file has values in other currencies: give the value of 1 unit in the project's currency",
                  "  # (then remove the #).", "  # exchange_rates:"]
        lines += [f"  #   {c}: 1.0" for c in others]  # three capital letters: checked above
    else:
        lines += ["  # exchange_rates: {EUR: 1.08}   # value of 1 unit of another currency in the project's one"]
    written = [write_lines(new_file(folder, "project", ".yaml"), lines)]
    annexes = _annex_names(info.countries)
    if len(annexes) == 1:   # one country: one annex, of every row, under its name (as make new writes it)
        name, (_, title) = next(iter(annexes.items()))
        return [*written, one_country_annex(folder, name, title, language)]
    written.append(write_lines(new_file(folder, PROJECT_WIDE, ".yaml"), [
        "# Annex for the whole project: every activity and country.",
        entry("country", ALL),
        entry("name", "Ensemble du projet" if fr else "Whole project")]))
    for name, (code, title) in annexes.items():
        written.append(write_lines(new_file(folder, name, ".yaml"), [
            "# Annex for one recipient country: the rows of the IATI file whose country is the code below.",
            entry("country", code),
            entry("name", title)]))
    return written


CURRENCY = re.compile(r"^[A-Z]{3}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")


def _annex_names(countries: dict[str, str]) -> dict[str, tuple[str, str]]:
    """annex file name -> (country code, name shown) for each recipient country with a valid code: the slug of
    its name (at most 40 characters), else of its code; a name already taken gets the code appended."""
    names: dict[str, tuple[str, str]] = {}
    used = {PROJECT_WIDE, "project"}
    for code, name in sorted(countries.items()):
        if not COUNTRY.match(code):  # the reader refuses such codes with a located error; never a file name
            continue
        title = " ".join((name or code).split())
        title = title if len(title) <= 120 else title[:117].rstrip() + "..."
        slug = slugify(name) if name and name != code else ""
        for candidate in (slug, f"{slug}-{code.lower()}" if slug else "", code.lower()):
            if candidate and candidate not in used and SLUG.match(candidate):
                break
        else:
            candidate = f"pays-{code.lower()}"
        used.add(candidate)
        names[candidate] = (code, title)
    return names
