"""`make new PROJECT=... COUNTRIES=...` (helpers.data.scaffold): a project started from nothing is refused until its
own values are written, then builds from the rows typed into its tables, with nothing of another project in it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.analyses.figures import annex_figures
from helpers.data.loader import check_project, load_project
from helpers.data.params import load_annex_params
from helpers.data.scaffold import new_project
from helpers.errors import ValidationFailed
from helpers.paths import annex_names

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def root(tmp_path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "params").mkdir()
    return tmp_path


def _new(root: Path, countries=("Sénégal", "Mali"), language="fr") -> list[Path]:
    return new_project("deux", list(countries), language, root / "data", root / "params")


def test_a_new_project_is_refused_until_its_own_values_are_written(root):
    written = _new(root)
    assert sorted(p.name for p in written if p.parent.name == "deux" and p.parent.parent.name == "params") == \
        ["ensemble.yaml", "mali.yaml", "project.yaml", "senegal.yaml"]
    assert all(p.is_file() for p in written)
    problems = check_project("deux", root / "data", root / "params")
    empty = sorted(p.column for p in problems if p.rule == "empty_key")
    assert empty == ["currency", "end_date", "reporting_date", "start_date", "title"]
    assert all("e.g." in p.hint for p in problems if p.rule == "empty_key")
    text = (root / "params" / "deux" / "project.yaml").read_text(encoding="utf-8")
    assert "\nbudget_total" not in text and "# budget_total:" in text   # never a budget from elsewhere
    # a French project says what to fill in French (it was English), and an English one in English
    assert "# Nom complet du projet, en tête de chaque annexe.\ntitle:\n" in text and "Full name" not in text
    assert "# Annexe d'un pays" in (root / "params" / "deux" / "mali.yaml").read_text(encoding="utf-8")
    # the tables: their header, ';'-separated for French Excel, and named by make check until they have rows
    header = (root / "data" / "deux" / "budget.csv").read_text(encoding="utf-8")
    assert header.startswith("line;budget;country") and header.count("\n") == 1
    _fill_params(root)
    empty_tables = sorted(Path(p.file).stem for p in check_project("deux", root / "data", root / "params")
                          if p.rule == "no_rows")
    assert empty_tables == ["activities", "budget", "expenditure", "indicators", "participation", "reported"]


def test_filled_in_it_builds_each_country_s_figures(root):
    _new(root)
    _fill_params(root)
    data = root / "data" / "deux"
    (data / "budget.csv").write_text("line;budget;country;label;category\nR1;100 000;Sénégal;Formation;operational\n"
                                     "R2;50 000;Mali;Personnel;staff\n", encoding="utf-8")
    (data / "expenditure.csv").write_text("line;period_end;amount;country\nR1;2020-12-31;40 000,50;Sénégal\n"
                                          "R2;2020-12-31;10 000;Mali\n", encoding="utf-8")
    (data / "participation.csv").write_text("event_id;participants;women;country\nDKR-1;40;18;Sénégal\n"
                                            "BKO-1;25;10;Mali\n", encoding="utf-8")
    for table in ("activities", "indicators", "reported"):   # tables that do not apply are deleted
        (data / f"{table}.csv").unlink()
    assert [p for p in check_project("deux", root / "data", root / "params") if p.severity == "error"] == []
    project = load_project("deux", root / "data", root / "params")
    assert sorted(annex_names("deux", root / "params")) == ["ensemble", "mali", "senegal"]

    def value(annex: str, metric: str, key: str) -> float:
        figures = annex_figures(project, load_annex_params("deux", annex, root / "params"))
        return float(figures[(figures["metric"] == metric) & (figures["key"] == key)]["value"].iloc[0])

    assert value("senegal", "financial_execution_rate", "total") == pytest.approx(40000.5 / 100000 * 100)
    assert value("mali", "women_share", "all") == pytest.approx(40.0)
    assert value("ensemble", "financial_execution_rate", "total") == pytest.approx(50000.5 / 150000 * 100)


def test_an_existing_project_or_a_country_without_a_name_changes_nothing(root):
    _new(root)
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    with pytest.raises(ValidationFailed) as refused:
        _new(root)
    assert {p.rule for p in refused.value.problems} == {"project_exists"}
    with pytest.raises(ValidationFailed) as refused:
        new_project("trois", ["Sénégal", "!!"], "fr", root / "data", root / "params")
    assert [p.rule for p in refused.value.problems] == ["country_name"]
    with pytest.raises(ValidationFailed):
        new_project("trois", ["Mali", " Mali "], "fr", root / "data", root / "params")   # one country twice
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before   # nothing half-written


def test_two_countries_of_one_file_name_get_two_files(root):
    _new(root, countries=("Côte d'Ivoire", "Cote d Ivoire", ""), language="en")
    files = {p.stem: p.read_text(encoding="utf-8") for p in (root / "params" / "deux").glob("*.yaml")}
    assert "country: Côte d'Ivoire" in files["cote-d-ivoire"] and "country: Cote d Ivoire" in files["cote-d-ivoire-2"]
    assert "name: Whole project" in files["ensemble"] and "decimal_mark: ." in files["project"]
    assert "# Full name of the project" in files["project"] and "# Annex for one country" in files["cote-d-ivoire"]
    assert (root / "data" / "deux" / "budget.csv").read_text(encoding="utf-8").startswith("line,budget,country")


def test_the_command_line(root):
    env = {**os.environ, "WORKBOOK_ROOT": str(root), "PYTHONPATH": str(SRC)}
    run = subprocess.run([sys.executable, "-m", "helpers", "new", "--project", "deux", "--countries", "Sénégal,Mali"],
                         capture_output=True, text=True, env=env, cwd=root)
    assert run.returncode == 0, run.stderr
    assert "params/deux/senegal.yaml" in run.stdout and "make check PROJECT=deux" in run.stdout
    # a French project (the default) is started in French, as make check then speaks (it was all English)
    assert run.stdout.startswith("Projet 'deux' créé :\n") and "Ensuite : remplissez les valeurs vides" in run.stdout
    again = subprocess.run([sys.executable, "-m", "helpers", "new", "--project", "deux"], capture_output=True,
                           text=True, env=env, cwd=root)
    assert again.returncode == 1 and "Rien n'a été créé :" in again.stderr, again.stderr
    assert "data/deux : le projet 'deux' existe déjà [project_exists]\n      -> Choisissez un autre nom" in again.stderr
    accented = subprocess.run([sys.executable, "-m", "helpers", "new", "--project", "Évaluation finale"],
                              capture_output=True, text=True, env=env, cwd=root)
    assert accented.returncode == 2 and "le nom de projet 'Évaluation finale' n'est pas permis" in accented.stderr \
        and "par exemple 'evaluation-finale'" in accented.stderr, accented.stderr
    english = subprocess.run([sys.executable, "-m", "helpers", "new", "--project", "deux", "--language", "en"],
                             capture_output=True, text=True, env=env, cwd=root)
    assert "Nothing was created:" in english.stderr and "already exists" in english.stderr


def _fill_params(root: Path) -> None:
    path = root / "params" / "deux" / "project.yaml"
    text = path.read_text(encoding="utf-8")
    for key, value in (("title", "Projet deux pays"), ("currency", "EUR"), ("start_date", "2020-01-01"),
                       ("end_date", "2022-12-31"), ("reporting_date", "2020-12-31")):
        text = text.replace(f"\n{key}:\n", f"\n{key}: {value}\n")
    path.write_text(text, encoding="utf-8")


def test_a_table_typed_in_excel_beside_its_header_only_csv_is_read(root):
    """The evaluator saves budget.xlsx beside the budget.csv `make new` wrote (its header only): the empty CSV was
    read, with a warning, and the annex had no budget. The .xlsx is read; a CSV with rows still wins, as before."""
    import openpyxl

    _new(root)
    _fill_params(root)
    workbook = openpyxl.Workbook()
    for values in (["line", "budget", "country", "category"], ["R1", 100000, "Sénégal", "operational"]):
        workbook.active.append(values)
    workbook.save(root / "data" / "deux" / "budget.xlsx")
    problems = check_project("deux", root / "data", root / "params")
    told = [p for p in problems if p.rule == "two_files"]
    assert len(told) == 1 and "budget.xlsx is read" in told[0].message and told[0].hint == "Delete budget.csv."
    assert load_project("deux", root / "data", root / "params").tables["budget"]["budget"].tolist() == [100000]
    (root / "data" / "deux" / "budget.csv").write_text("line;budget;country\nR9;5;Mali\n", encoding="utf-8")
    assert load_project("deux", root / "data", root / "params").tables["budget"]["line"].tolist() == ["R9"]


@pytest.mark.parametrize("countries, says", [(["Maroc", "Régional"], "the project as a whole"),
                                             (["Maroc", "all"], "the project as a whole"),
                                             (["Maroc", "maroc"], "given twice"),
                                             (["Maroc Tunisie"], "names 2 countries"),
                                             (["Tchad et Niger"], "names 2 countries")])
def test_the_project_or_a_country_twice_is_no_country_annex(root, countries, says):
    """COUNTRIES="Maroc, Régional" wrote regional.yaml, an annex of a country « Régional » (the project's own rows are
    `regional` and no country annex's), "Maroc, all" a second project-wide annex, "Maroc, maroc" two annexes of
    Maroc: each is refused, nothing written."""
    with pytest.raises(ValidationFailed) as refused:
        new_project("trois", countries, "fr", root / "data", root / "params")
    assert [p.rule for p in refused.value.problems] == ["country_name"] and says in refused.value.problems[0].message
    assert not list(root.rglob("*.yaml"))


def test_countries_separated_by_spaces_are_refused_and_names_of_several_words_are_not(root):
    """COUNTRIES="Maroc Tunisie" (separated as a list is typed in a shell) wrote one annex maroc-tunisie.yaml of a
    country « Maroc Tunisie » that no row holds; it is refused, naming the commas to write. A country's name of
    several words (Burkina Faso, Guinée Bissau, Trinité et Tobago) is one country."""
    with pytest.raises(ValidationFailed) as refused:
        new_project("trois", ["Maroc Tunisie"], "fr", root / "data", root / "params")
    assert 'COUNTRIES="Maroc, Tunisie"' in refused.value.problems[0].hint
    new_project("quatre", ["Burkina Faso", "Guinée Bissau", "Trinité et Tobago"], "fr", root / "data",
                root / "params")
    assert sorted(annex_names("quatre", root / "params")) == ["burkina-faso", "ensemble", "guinee-bissau",
                                                               "trinite-et-tobago"]


def test_countries_separated_by_semicolons(root):
    """COUNTRIES="Maroc;Tunisie" (cells as French Excel separates them) made one country « Maroc;Tunisie »."""
    env = {**os.environ, "WORKBOOK_ROOT": str(root), "PYTHONPATH": str(SRC)}
    run = subprocess.run([sys.executable, "-m", "helpers", "new", "--project", "deux", "--countries", "Maroc;Tunisie"],
                         capture_output=True, text=True, env=env, cwd=root)
    assert run.returncode == 0, run.stderr
    assert sorted(p.stem for p in (root / "params" / "deux").glob("*.yaml")) == ["ensemble", "maroc", "project",
                                                                                  "tunisie"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_one_country_project_gets_one_annex_of_every_row(root, language):
    """COUNTRIES="Senegal" wrote ensemble.yaml (« Whole project » / « Ensemble du projet ») and senegal.yaml: two
    annexes with the same figures, the first titled as if it covered several countries, the second leaving out the
    rows written without a country. One annex now, under the country's name, with `country: all`, in both
    languages."""
    import yaml

    _new(root, countries=("Sénégal",), language=language)
    assert sorted(annex_names("deux", root / "params")) == ["senegal"]
    annex = yaml.safe_load((root / "params" / "deux" / "senegal.yaml").read_text(encoding="utf-8"))
    assert annex == {"country": "all", "name": "Sénégal"}
    _fill_params(root)
    data, sep = root / "data" / "deux", ";" if language == "fr" else ","
    (data / "budget.csv").write_text(f"line{sep}budget{sep}country{sep}label{sep}category\n"
                                     f"R1{sep}100000{sep}Sénégal{sep}Formation{sep}operational\n"
                                     f"R2{sep}50000{sep}{sep}Coordination{sep}staff\n", encoding="utf-8")
    (data / "expenditure.csv").write_text(f"line{sep}period_end{sep}amount{sep}country\n"
                                          f"R1{sep}2020-12-31{sep}40000{sep}Sénégal\nR2{sep}2020-12-31{sep}20000{sep}\n",
                                          encoding="utf-8")
    for table in ("activities", "indicators", "reported", "participation"):
        (data / f"{table}.csv").unlink()
    assert [p for p in check_project("deux", root / "data", root / "params") if p.severity == "error"] == []
    figures = annex_figures(load_project("deux", root / "data", root / "params"),
                            load_annex_params("deux", "senegal", root / "params"))
    rate = figures[(figures["metric"] == "financial_execution_rate") & (figures["key"] == "total")]["value"]
    assert float(rate.iloc[0]) == pytest.approx(60000 / 150000 * 100)   # the row without a country counted
