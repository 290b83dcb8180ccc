"""``make new PROJECT=... COUNTRIES=...``: start a project from nothing; and the writing it shares with
``make import-iati`` (data.iati_import).

``new_project`` writes ``params/<project>/``: ``project.yaml`` with the keys to fill, ``ensemble.yaml`` (the whole
project) and one annex file per country named (one country named: its file only, with `country: all`); and ``data/<project>/``: one CSV per monitoring table holding its
header only (`make check` then names the tables still empty), separated by ';' in a French project (French Excel
reads ';' as columns, ',' being its decimal mark, which the project's ``decimal_mark`` then is). The values that
belong to a project (title, dates, currency) are left empty and ``budget_total`` is not written, so that nothing of
another project is kept by mistake (a copied ``budget_total`` is a confident wrong denominator): `make check`
refuses the project until they are filled. An existing project is refused; nothing is left half-written (the
folders are prepared beside their destination and moved into place at the end).
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import yaml

from ..errors import Problem, ValidationFailed
from ..paths import DATA_DIR, PARAMS_DIR, SLUG, UnsafeName, check_slug, new_file, relative, slugify
from .countries import country_code
from .spec import SPEC
from ..text import fold, is_project_wide

PROJECT_WIDE = "ensemble"
TABLES = ("activities", "participation", "budget", "expenditure", "indicators", "reported")


def entry(key: str, value: object) -> str:
    """One ``key: value`` line written by the YAML emitter: the value stays one scalar, whatever it holds."""
    escaped = isinstance(value, str) and not value.isprintable()  # line breaks, controls: "\n" escapes, one line
    text = yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=False, width=10 ** 6,
                          sort_keys=False, default_style='"' if escaped else None).rstrip("\n")
    if "\n" in text:  # never: safe_dump quotes line breaks; kept as a guard for the one-line contract
        raise ValueError(f"{key}: the value does not fit on one line")
    return text


def write_lines(path: Path, lines: list[str]) -> Path:
    with path.open("x", encoding="utf-8") as out:  # "x": never overwrites
        out.write("\n".join(lines) + "\n")
    return path


def refuse_existing(project: str, data_dir: Path, params_dir: Path) -> None:
    """Raises ValidationFailed when ``project`` is not a name, or when its data or params folder exists."""
    try:
        check_slug(project, "project")
    except UnsafeName as exc:
        raise ValidationFailed([Problem("PROJECT", "slug", str(exc), "Choose another PROJECT name.")]) from None
    existing = [f for f in (data_dir / project, params_dir / project) if f.exists() or f.is_symlink()]
    if existing:
        raise ValidationFailed([Problem(relative(f), "project_exists", f"the project '{project}' already exists",
                                        "Choose another PROJECT name, or delete the folder first (nothing was "
                                        "changed).") for f in existing])


@contextmanager
def staged(project: str, data_dir: Path, params_dir: Path) -> Iterator[tuple[Path, Path]]:
    """(data folder, params folder) to fill in temporary folders beside their destinations; moved into place when
    the block ends without an exception, else removed. A root without data/ or params/ (a fresh clone keeps no empty
    folder) gets them: the staging folders are made inside them."""
    data_dir.mkdir(parents=True, exist_ok=True)
    params_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=f".{project}-") as staging_data, \
            tempfile.TemporaryDirectory(dir=params_dir, prefix=f".{project}-") as staging_params:
        data_stage, params_stage = Path(staging_data) / project, Path(staging_params) / project
        data_stage.mkdir()
        params_stage.mkdir()
        yield data_stage, params_stage
        shutil.move(str(data_stage), data_dir / project)
        shutil.move(str(params_stage), params_dir / project)


def new_project(project: str, countries: list[str], language: str = "fr", data_dir: Path = DATA_DIR,
                params_dir: Path = PARAMS_DIR) -> list[Path]:
    """The files written (see the module docstring). Raises ValidationFailed, having written nothing, when the
    project exists or a country cannot be named."""
    refuse_existing(project, data_dir, params_dir)
    annexes = annex_files(countries)
    with staged(project, data_dir, params_dir) as (data_stage, params_stage):
        written = [write_lines(new_file(params_stage, "project", ".yaml"), _project_lines(project, language))]
        if len(annexes) == 1:   # one country: one annex, of every row, under its name
            written.append(one_country_annex(params_stage, *next(iter(annexes.items())), language))
            annexes = {}
        else:
            written.append(write_lines(new_file(params_stage, PROJECT_WIDE, ".yaml"), [
                "# Annexe du projet dans son ensemble : toutes les lignes, de tous les pays." if language == "fr"
                else "# Annex for the whole project: every row, of every country.",
                entry("country", "all"),
                entry("name", "Ensemble du projet" if language == "fr" else "Whole project")]))
        for name, country in annexes.items():
            written.append(write_lines(new_file(params_stage, name, ".yaml"), [*(
                ["# Annexe d'un pays : les lignes dont la colonne `country` contient la valeur ci-dessous (telle",
                 "# qu'écrite dans les données) ; `name` est affiché dans le titre de l'annexe."] if language == "fr"
                else ["# Annex for one country: the rows whose `country` column holds the value below (as written "
                      "in", "# the data); `name` is shown in the annex's title."]),
                entry("country", country),
                entry("name", country)]))
        separator = ";" if language == "fr" else ","   # what Excel reads as columns where ',' is the decimal mark
        for table in TABLES:   # a header each: the evaluator fills the rows (or deletes a table that does not apply)
            header = [c.name for c in SPEC[table].columns if not c.added]
            (data_stage / f"{table}.csv").write_text(separator.join(header) + "\n", encoding="utf-8")
            written.append(data_stage / f"{table}.csv")
    return [(data_dir if p.is_relative_to(data_stage) else params_dir) / project / p.name for p in written]


def one_country_annex(folder: Path, name: str, country: str, language: str) -> Path:
    """The annex of a one-country project: `country: all` (its rows and those written without a country, which a
    `country: Sénégal` annex leaves out), named after the country. COUNTRIES="Senegal" wrote ensemble.yaml
    (« Whole project ») and senegal.yaml: two annexes with the same figures, the first titled as if it covered
    several countries, the second without the rows of the project as a whole."""
    return write_lines(new_file(folder, name, ".yaml"), [*(
        ["# Le seul pays du projet : `country: all` montre toutes les lignes, celles du pays et celles sans pays",
         "# (une annexe `country: <pays>` laisserait ces dernières de côté). Un deuxième pays : écrivez ici",
         "# `country:` tel que les données l'écrivent, et ajoutez ensemble.yaml avec `country: all`."]
        if language == "fr" else
        ["# The project's one country: `country: all` shows every row, the country's and those without a country",
         "# (an annex `country: <the country>` would leave those out). A second country: write here `country:`",
         "# as the data write it, and add ensemble.yaml with `country: all`."]),
        entry("country", "all"),
        entry("name", country)])


def annex_files(countries: list[str]) -> dict[str, str]:
    """annex file name -> the country as written, for each country named: the slug of the name ('Sénégal' ->
    'senegal'), a number appended when two names give one slug. Raises ValidationFailed for a name with no
    letter or digit, or one given twice."""
    names: dict[str, str] = {}
    used = {PROJECT_WIDE, "project"}
    for country in (" ".join(c.split()) for c in countries):
        if not country:
            continue
        slug = slugify(country)
        if not slug or not SLUG.match(slug):
            raise ValidationFailed([Problem("COUNTRIES", "country_name", f"'{country}' cannot name an annex file",
                                            "Write each country as your data's `country` column holds it, "
                                            "e.g. COUNTRIES=\"Sénégal, Mali\".")])
        if is_project_wide(country):   # « Régional », « all »: an annex of a country of that name
            raise ValidationFailed([Problem("COUNTRIES", "country_name", f"'{country}' is the project as a whole, "
                                            f"not a country: its annex is {PROJECT_WIDE}.yaml, which make new writes",
                                            "Name the countries only; the rows of the project as a whole say "
                                            "`regional` (or nothing) in their `country` column.")])
        words = [w for w in country.split() if fold(w) not in ("et", "and", "&")]   # (ET is Ethiopia's code)
        if len(words) > 1 and not country_code(country) and all(country_code(w) for w in words):
            # COUNTRIES="Maroc Tunisie": one annex 'maroc-tunisie' of a country no row holds
            raise ValidationFailed([Problem("COUNTRIES", "country_name", f"'{country}' names {len(words)} countries",
                                            "Separate the countries with commas: COUNTRIES=\""
                                            + ", ".join(words) + "\" (one annex each).")])
        if fold(country) in {fold(c) for c in names.values()}:   # 'Maroc, maroc': two annexes of one country
            raise ValidationFailed([Problem("COUNTRIES", "country_name", f"'{country}' is given twice",
                                            "Name each country once.")])
        candidate, n = slug, 2
        while candidate in used:
            candidate, n = f"{slug}-{n}", n + 1
        used.add(candidate)
        names[candidate] = country
    return names


def _project_lines(project: str, language: str) -> list[str]:
    fr = language == "fr"
    if fr:   # (a French evaluator's project.yaml said what to fill in English)
        return [
            "# Projet créé par `make new`. Remplissez les valeurs vides ci-dessous, mettez vos tables dans",
            "# data/<projet>/ (chaque CSV y a son en-tête : remplissez ses lignes, ou supprimez les tables qui ne",
            "# s'appliquent pas ; data/README.md dit ce que contient chaque colonne), puis lancez",
            "# `make check PROJECT=<projet>` jusqu'à ce qu'il ne signale plus d'erreur.",
            "",
            "# Nom complet du projet, en tête de chaque annexe.",
            "title:",
            "# Code court, dans les en-têtes.",
            entry("code", project.upper()),
            "# Bailleur et organisme de mise en œuvre, sous le titre (enlevez le # pour les utiliser).",
            "# donor: ",
            "# implementer: ",
            "# Devise de tous les montants des tables, en code : USD, EUR, MAD, XOF...",
            "currency:",
            "# Séparateur décimal des nombres des fichiers CSV : \",\" (1234,50 : Excel en français) ou \".\" (1234.50).",
            entry("decimal_mark", ","),
            "# Début et fin prévue du projet, et date que décrivent les données (dates écrites 2021-07-31).",
            "start_date:",
            "end_date:",
            "reporting_date:",
            "# Budget total approuvé, en `currency`, comme dans l'accord de financement (enlevez le # et écrivez-le).",
            "# Sans lui, le taux d'exécution financière divise par la somme des lignes de budget.csv.",
            "# budget_total: ",
            "# Langue des annexes (fr ou en).",
            entry("language", language),
            "# Catégories du budget (colonne `category` de budget.csv) comptées comme frais de personnel.",
            "staff_categories: [staff]",
        ]
    return [
        "# Project made by `make new`. Fill in the empty values below, put your tables in data/<project>/ (each",
        "# CSV there holds its header: fill in its rows, or delete the tables that do not apply; data/README.md",
        "# says what each column holds), then run `make check PROJECT=<project>` until it reports no error.",
        "",
        "# Full name of the project, shown at the top of every annex.",
        "title:",
        "# Short code, used in headers.",
        entry("code", project.upper()),
        "# Who pays and who implements, shown under the title (remove the # to use them).",
        "# donor: ",
        "# implementer: ",
        "# Currency of every amount of the tables, as a code: USD, EUR, MAD, XOF...",
        "currency:",
        "# Decimal mark of the numbers in the CSV files: \".\" (1234.50) or \",\" (1234,50: French Excel).",
        entry("decimal_mark", "," if fr else "."),
        "# Start and planned end of the project, and the date the data describe (dates as 2021-07-31).",
        "start_date:",
        "end_date:",
        "reporting_date:",
        "# Total approved budget, in `currency`, as in the financing agreement (remove the # and write it). Left",
        "# out, the financial execution rate divides by the sum of the budget lines of budget.csv.",
        "# budget_total: ",
        "# Language of the annexes (fr or en).",
        entry("language", language),
        "# Budget categories (column `category` of budget.csv) counted as staff costs.",
        "staff_categories: [staff]",
    ]
