"""Invariants of the figures over the ways a file is written (issue 18, "close the class"), tested by generation on
the projects of test_invariants.py: the same rows give every annex the same figures whatever

- the order of the columns (CSV and .xlsx);
- the CSV's encoding (UTF-8, UTF-8 with BOM as Excel's « CSV UTF-8 » writes it, cp1252 as Windows Excel's « CSV »),
  separator (`;` or `,`) and decimal mark (`,` or `.`, the project's `decimal_mark` saying which);
- the spelling of a country in the tables (« Sénégal », « SÉNÉGAL », « senegal »): the same country;
- a workbook saved by openpyxl or by LibreOffice Calc (`slow`);

and an amount column whose header says it is in thousands (« (milliers EUR) », « k€ », « x 1000 », « TEUR »)
is never read as units. Beside them: a survey's submissions and repeat rows shuffled, its CSV and .xlsx, its answers in
another case, and an impact study's subgroups in another case give the same estimates or are refused; the sample
project (its tables, impact study and published figures) rows shuffled, columns reordered, as .xlsx, as French
Excel's CSV, with its countries in other spellings gives the same figures and verdicts (`slow`).
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures.two_countries import cell_text
from helpers.text import fold
from test_invariants import FEW, _figures, _project, _same, projects


def _annexes(tables: dict) -> tuple[str, ...]:
    return tuple(_project(tables).annexes())


def _reordered(tables: dict, orders: dict) -> dict:
    return {name: [[row[i] if i < len(row) else None for i in orders[name]] for row in rows]
            for name, rows in tables.items()}


@FEW
@given(projects(), st.data(), st.sampled_from(["csv", "xlsx"]))
def test_reordering_columns_changes_no_figure(tables, data, fmt):
    orders = {name: data.draw(st.permutations(range(len(rows[0])))) for name, rows in tables.items()}
    annexes = _annexes(tables)
    before = _figures(_project(tables, fmt), annexes)
    after = _figures(_project(_reordered(tables, orders), fmt), annexes)
    for annex in annexes:
        _same(before[annex], after[annex])


def _rewrite_csv(project, tables: dict, encoding: str, delimiter: str, decimal_mark: str) -> None:
    for name, rows in tables.items():
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        for row in rows:
            writer.writerow([cell_text(v, decimal_mark) for v in row])
        (project.folder / f"{name}.csv").write_bytes(out.getvalue().encode(encoding))


@FEW
@given(projects(), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]), st.sampled_from([";", ","]),
       st.sampled_from([",", "."]))
def test_encoding_separator_and_decimal_mark_change_no_figure(tables, encoding, delimiter, decimal_mark):
    """The project's decimal_mark says the CSV's; a ',' decimal mark goes with ';' (a ',' separated file quotes
    its numbers, as Excel does)."""
    annexes = _annexes(tables)
    before = _figures(_project(tables), annexes)
    written = _project(tables, decimal_mark=decimal_mark, **({"encoding": "cp1252"} if encoding == "cp1252" else {}))
    _rewrite_csv(written, tables, encoding, delimiter, decimal_mark)
    after = _figures(written, annexes)
    for annex in annexes:
        _same(before[annex], after[annex])


def _spellings(country: str) -> list[str]:
    bare = "".join(c for c in unicodedata.normalize("NFKD", country) if not unicodedata.combining(c))
    return [country, country.upper(), country.lower(), bare, bare.upper(), bare.lower(), f" {country} "]


@FEW
@given(projects(), st.data(), st.sampled_from(["csv", "xlsx"]))
def test_a_country_written_in_any_case_or_without_accents_changes_no_figure(tables, data, fmt):
    """Each row's country in another spelling (the annex files keep « Sénégal »): the same figures, n.d. alike."""
    spelt = {}
    for name, rows in tables.items():
        at = rows[0].index("country")
        spelt[name] = [rows[0]] + [[data.draw(st.sampled_from(_spellings(v))) if i == at and v else v
                                    for i, v in enumerate(row)] for row in rows[1:]]
    project = _project(tables, fmt)
    annexes = project.annexes()
    before = _figures(project, tuple(annexes))
    varied = _project(spelt, fmt)
    for old in varied.params_dir.glob("deux/*.yaml"):
        if old.name != "project.yaml":
            old.unlink()
    for annex, country in annexes.items():
        (varied.params_dir / "deux" / f"{annex}.yaml").write_text(f"country: {country}\nname: {country}\n",
                                                                  encoding="utf-8")
    after = _figures(varied, tuple(annexes))
    for annex in annexes:   # a country's key is spelt as one of its rows writes it: the same country
        _same(_folded(before[annex]), _folded(after[annex]))


def _folded(figures: dict) -> dict:
    return {(metric, fold(key)): value for (metric, key), value in figures.items()}


THOUSANDS = ["Budget (milliers EUR)", "budget (k€)", "Budget en k€", "Budget (en milliers d'euros)",
             "budget ('000 EUR)", "Budget (KEUR)", "Budget (EUR x 1000)", "Budget (×1 000 €)", "Budget (1000 EUR)",
             "Budget (EUR/1000)", "Budget (TEUR)", "Budget (T€)", "Budget (mille EUR)", "Budget (kE)", "Budget (k.EUR)"]
THOUSANDS_SPENT = ["Montant (milliers EUR)", "montant (k€)", "Amount (EUR '000)", "Montant en milliers d'euros",
                   "Montant (x1000 EUR)", "Dépenses (TEUR)", "Montant (EUR mille)"]


@FEW
@given(projects(), st.sampled_from(THOUSANDS), st.sampled_from(THOUSANDS_SPENT), st.booleans(),
       st.sampled_from(["csv", "xlsx"]))
def test_amounts_headed_in_thousands_are_never_read_as_units(tables, budget_header, amount_header, both, fmt):
    """Every amount / 1000 under a header saying « thousands »: refused at that column (the workbook converts no
    unit), never figures a thousand times too small."""
    scaled = {name: [list(r) for r in rows] for name, rows in tables.items()}
    scaled["budget"][0][1] = budget_header
    for row in scaled["budget"][1:]:
        row[1] = row[1] / 1000
    if both:
        scaled["expenditure"][0][2] = amount_header
        for row in scaled["expenditure"][1:]:
            row[2] = row[2] / 1000
    problems = [p for p in _project(scaled, fmt).check() if p.severity == "error"]
    headers = {p.column for p in problems}
    assert "budget" in headers or budget_header in headers, [str(p) for p in problems]
    if both and len(scaled["expenditure"]) > 1:
        assert "amount" in headers or amount_header in headers, [str(p) for p in problems]


def resave_by_libreoffice(project, suffix, infilter):
    """Replaces each table of the project written as `suffix` by the .xlsx LibreOffice saves of it (headless, its own
    profile in the project's folder; `infilter` is the CSV import dialog's choices)."""
    sources = sorted(project.folder.glob(f"*.{suffix}"))
    out = project.root / "libreoffice"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{project.root}/profile", "--headless",
                    f"--infilter={infilter}", "--convert-to", "xlsx", "--outdir", str(out), *map(str, sources)],
                   check=True, capture_output=True, timeout=180)
    for path in sources:
        path.unlink()
        shutil.copy(out / f"{path.stem}.xlsx", project.folder / f"{path.stem}.xlsx")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@settings(FEW, max_examples=2)   # LibreOffice starts in about 15 s
@given(projects(), st.sampled_from(["csv", "xlsx"]))
def test_a_workbook_saved_by_libreoffice_gives_the_figures_of_its_source(tables, source):
    """The tables (a CSV opened in LibreOffice Calc, or a workbook written by openpyxl) saved as .xlsx by LibreOffice
    (`soffice --headless --convert-to xlsx`: its styles, shared strings, dates as numbers formatted as dates)."""
    project = _project(tables, source, decimal_mark=".")
    annexes = tuple(project.annexes())
    before = _figures(project, annexes)
    saved = _project(tables, source, decimal_mark=".")
    # a CSV opened as UTF-8, ',' separated (the import dialog's choices; headless, the locale's charset would garble
    # its accents, which make check warns of: garbled_text)
    resave_by_libreoffice(saved, source, "CSV:44,34,76,1")
    after = _figures(saved, annexes)
    for annex in annexes:
        _same(before[annex], after[annex])


# --- a beneficiary survey: the submissions and their repeat group's rows, as KoboToolbox exports them -------------

def _survey_estimates(folder):
    from helpers.analyses import surveys as est
    from helpers.data.surveys import load_surveys
    from helpers.data.synthetic_survey import NAME

    surveys, problems, _ = load_surveys(folder)
    assert [p for p in problems if p.severity == "error"] == [], [str(p) for p in problems]
    found = est.estimates(surveys[NAME])
    return found.set_index("key").sort_index(), sorted(str(p) for p in problems)


def _write_survey(folder, submissions, jobs, fmt="xlsx", sep=";", encoding="utf-8"):
    import pandas as pd
    from helpers.data.synthetic_survey import NAME, TITLE_SHEET, write_tracer_survey

    write_tracer_survey(folder)
    spec = (folder / f"{NAME}.yaml").read_text(encoding="utf-8")
    (folder / f"{NAME}.yaml").write_text(spec.replace("estimates:\n", "estimates:\n  - {mean: emplois/duree_mois/_sum}"
                                                      "\n  - {share: emploi/emploi_actuel, value: oui, by: "
                                                      "identification/sexe}\n"), encoding="utf-8")
    if jobs is None:   # no repeat group: its estimates go
        text = (folder / f"{NAME}.yaml").read_text(encoding="utf-8")
        (folder / f"{NAME}.yaml").write_text("".join(line for line in text.splitlines(True) if "emplois/" not in line),
                                             encoding="utf-8")
    (folder / f"{NAME}.xlsx").unlink()
    if fmt == "csv":
        submissions.to_csv(folder / f"{NAME}.csv", sep=sep, index=False, encoding=encoding)
        return
    with pd.ExcelWriter(folder / f"{NAME}.xlsx") as book:
        submissions.to_excel(book, sheet_name=TITLE_SHEET, index=False)
        if jobs is not None:
            jobs.to_excel(book, sheet_name="emplois", index=False)


def _folder():
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp(prefix="survey-"))


def _same_estimates(a, b):
    import pandas as pd

    assert list(a[0].index) == list(b[0].index)
    numbers = [c for c in a[0].columns if a[0][c].dtype.kind in "fi"]
    pd.testing.assert_frame_equal(a[0][numbers], b[0][numbers], rtol=1e-9, check_dtype=False)
    assert a[1] == b[1]


@FEW
@given(st.randoms(use_true_random=False), st.booleans(), st.booleans())
def test_shuffling_a_survey_s_submissions_and_repeat_rows_changes_no_estimate(rng, by_uuid, reorder):
    """The submissions' rows, the repeat sheet's rows (joined by _submission__uuid, or by _parent_index only) and
    their columns in any order: the same estimates, SEs, intervals and n."""
    from helpers.data.synthetic_survey import make_tracer_survey

    submissions, jobs = make_tracer_survey()
    if not by_uuid:
        jobs = jobs.drop(columns=["_submission__uuid", "_submission__id"])
    before = _folder()
    _write_survey(before, submissions, jobs)
    order = list(range(len(submissions)))
    rng.shuffle(order)
    jobs_order = list(range(len(jobs)))
    rng.shuffle(jobs_order)
    shuffled, shuffled_jobs = submissions.iloc[order], jobs.iloc[jobs_order]
    if reorder:
        columns, job_columns = list(submissions.columns), list(jobs.columns)
        rng.shuffle(columns)
        rng.shuffle(job_columns)
        shuffled, shuffled_jobs = shuffled[columns], shuffled_jobs[job_columns]
    after = _folder()
    _write_survey(after, shuffled, shuffled_jobs)
    _same_estimates(_survey_estimates(before), _survey_estimates(after))


@FEW
@given(st.sampled_from([";", ","]), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_a_survey_as_csv_gives_the_estimates_of_its_xlsx(sep, encoding):
    """KoboToolbox's CSV (no repeat group: the estimates of the repeat group are left out of both)."""
    from helpers.data.synthetic_survey import make_tracer_survey

    submissions, _ = make_tracer_survey()
    xlsx, text = _folder(), _folder()
    _write_survey(xlsx, submissions, None)
    _write_survey(text, submissions, None, "csv", sep, encoding)
    _same_estimates(_survey_estimates(xlsx), _survey_estimates(text))


# --- the sample project (monitoring tables, impact study, published figures) written otherwise ------------------

def _sample_rows() -> dict:
    """Every CSV of data/amem and its impact study, as the text of its cells."""
    from helpers.paths import DATA_DIR

    out = {}
    for path in sorted((DATA_DIR / "amem").glob("*.csv")) + sorted((DATA_DIR / "amem" / "impact").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            out[str(path.relative_to(DATA_DIR / "amem"))] = list(csv.reader(f))
    return out


def _sample_figures(rows: dict, fmt: str = "csv", delimiter: str = ",", encoding: str = "utf-8",
                    decimal_mark: str = ".", annexes=("ensemble", "maroc")) -> dict:
    import re
    import tempfile
    from pathlib import Path

    from helpers.analyses.figures import annex_figures
    from helpers.data.loader import load_project
    from helpers.data.params import load_annex_params
    from helpers.paths import DATA_DIR, PARAMS_DIR

    root = Path(tempfile.mkdtemp(prefix="sample-"))
    shutil.copytree(DATA_DIR / "amem", root / "data" / "amem")
    shutil.copytree(PARAMS_DIR / "amem", root / "params" / "amem")
    if decimal_mark != "." or encoding != "utf-8":
        project = root / "params" / "amem" / "project.yaml"
        text = project.read_text(encoding="utf-8").replace('decimal_mark: "."', f'decimal_mark: "{decimal_mark}"')
        text = text.replace("budget_total: 2777777.78", f"budget_total: '2777777{decimal_mark}78'")
        project.write_text(text + f"encoding: {encoding.replace('-sig', '')}\n", encoding="utf-8")
    for name, table in rows.items():
        path = root / "data" / "amem" / name
        path.unlink()
        if fmt == "xlsx" and not name.startswith("impact/"):
            import openpyxl

            book = openpyxl.Workbook()
            for row in table:   # numbers as numbers, as Excel keeps them; codes (0 first, 1.10) as text
                book.active.append([float(v) if re.fullmatch(r"-?(0|[1-9]\d*)(\.\d*[1-9])?", v) else (v or None)
                                    for v in row])
            book.save(path.with_suffix(".xlsx"))
            continue
        if decimal_mark != "." and name != "reported.csv":
            table = [[re.sub(r"^(-?\d+)\.(\d+)$", rf"\1{decimal_mark}\2", v) for v in row] for row in table]
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(table)
        path.write_bytes(out.getvalue().encode(encoding))
    if fmt == "libreoffice":   # each CSV opened in LibreOffice Calc as UTF-8 and saved as .xlsx
        sources = sorted((root / "data" / "amem").glob("*.csv"))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{root}/profile", "--headless",
                        "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(root / "lo"),
                        *map(str, sources)], check=True, capture_output=True, timeout=300)
        for path in sources:
            path.unlink()
            shutil.copy(root / "lo" / f"{path.stem}.xlsx", path.with_suffix(".xlsx"))
    data = load_project("amem", root / "data", root / "params")
    return {annex: annex_figures(data, load_annex_params("amem", annex, root / "params")) for annex in annexes}


def _same_frames(before: dict, after: dict, fold_keys: bool = False) -> None:
    import pandas as pd

    for annex, figures in before.items():
        a, b = figures.copy(), after[annex].copy()
        for frame in (a, b):
            if fold_keys:
                frame["key"] = frame["key"].map(fold)
        a, b = (f.sort_values(["section", "metric", "key"]).reset_index(drop=True) for f in (a, b))
        assert list(a["key"]) == list(b["key"]) and list(a["metric"]) == list(b["metric"]), annex
        numbers = ["value", "se", "ci_low", "ci_high", "p_value"]
        pd.testing.assert_frame_equal(a[numbers], b[numbers], rtol=1e-9, check_dtype=False, obj=annex)
        different = a["status"] != b["status"]
        assert not different.any(), (annex, a[different][["metric", "key", "status"]], b[different]["status"])


@pytest.fixture(scope="module")
def sample_figures():
    return _sample_figures(_sample_rows())


def _shuffle(rows: dict, seed: int) -> dict:
    import random

    rng = random.Random(seed)
    out = {}
    for name, table in rows.items():
        body = table[1:]
        rng.shuffle(body)
        out[name] = [table[0]] + body
    return out


def _reorder(rows: dict, seed: int) -> dict:
    import random

    rng = random.Random(seed)
    out = {}
    for name, table in rows.items():
        order = list(range(len(table[0])))
        rng.shuffle(order)
        out[name] = [[row[i] for i in order] for row in table]
    return out


def _country_case(rows: dict, seed: int) -> dict:
    import random

    rng = random.Random(seed)
    out = {}
    for name, table in rows.items():
        at = table[0].index("country") if "country" in table[0] else None
        # a study's subgroup in one spelling throughout (two are refused: study_value_spellings)
        once = {row[at]: rng.choice(_spellings(row[at])) for row in table[1:]} if name.startswith("impact/") else {}
        out[name] = [table[0]] + [[once.get(v) or rng.choice(_spellings(v)) if i == at and v else v
                                   for i, v in enumerate(row)] for row in table[1:]]
    return out


def _published_in_capitals(rows: dict, seed: int) -> dict:
    """reported.csv's metric and key in capitals on some rows (`SPENT`, `TOTAL@2019-12-31`)."""
    import random

    rng = random.Random(seed)
    table = rows["reported.csv"]
    at = [table[0].index("metric"), table[0].index("key")]
    return {**rows, "reported.csv": [table[0]] + [[v.upper() if i in at and rng.random() < 0.5 else v
                                                   for i, v in enumerate(row)] for row in table[1:]]}


@pytest.mark.slow
@pytest.mark.parametrize("variant", ["shuffled", "reordered", "xlsx", "semicolon_decimal_comma_cp1252",
                                     "comma_utf8_bom", "country_spellings", "published_in_capitals",
                                     pytest.param("libreoffice", marks=pytest.mark.skipif(
                                         shutil.which("soffice") is None, reason="LibreOffice is not installed"))])
def test_the_sample_written_otherwise_gives_the_same_figures_and_verdicts(sample_figures, variant):
    """data/amem (its tables, impact study and published figures) rows shuffled, columns reordered, as .xlsx,
    French Excel's CSV (';', decimal comma, cp1252), Excel's « CSV UTF-8 » (BOM), countries in another case or
    without accents, published metrics and keys in capitals, each CSV saved as .xlsx by LibreOffice: every figure
    of the project-wide and Maroc annexes, and every published figure's verdict, the same."""
    rows = _sample_rows()
    after = {"shuffled": lambda: _sample_figures(_shuffle(rows, 1)),
             "reordered": lambda: _sample_figures(_reorder(rows, 2)),
             "xlsx": lambda: _sample_figures(rows, "xlsx"),
             "semicolon_decimal_comma_cp1252": lambda: _sample_figures(rows, delimiter=";", encoding="cp1252",
                                                                       decimal_mark=","),
             "comma_utf8_bom": lambda: _sample_figures(rows, encoding="utf-8-sig"),
             "country_spellings": lambda: _sample_figures(_country_case(rows, 3)),
             "published_in_capitals": lambda: _sample_figures(_published_in_capitals(rows, 4)),
             "libreoffice": lambda: _sample_figures(rows, "libreoffice")}[variant]()
    _same_frames(sample_figures, after, fold_keys=variant == "country_spellings")


@FEW
@given(st.sampled_from(["emploi/emploi_actuel", "identification/sexe", "identification/pays", "identification/centre",
                        "competences"]), st.sampled_from(["upper", "capitalize", "lower", "title"]))
def test_a_survey_s_answers_in_another_case_give_the_same_estimates_or_are_refused(column, case):
    """Every answer of a question in another case (an export edited in Excel, a form whose choice names are
    capitalised): the same estimates (a subgroup's key in that case), or refused at the YAML's value; the share of
    `oui` was 0 % beside answers `Oui`, the form listing `oui`, without a word."""
    from helpers.data.surveys import load_surveys
    from helpers.data.synthetic_survey import make_tracer_survey

    submissions, jobs = make_tracer_survey()
    before = _folder()
    _write_survey(before, submissions, jobs)
    recased = submissions.copy()
    recased[column] = recased[column].map(lambda v: getattr(v, case)() if isinstance(v, str) else v)
    after = _folder()
    _write_survey(after, recased, jobs)
    problems = [p for p in load_surveys(after)[1] if p.severity == "error"]
    if problems:
        assert {p.rule for p in problems} == {"survey_value_absent"} and all(p.column.startswith("estimates.") and
                                                                             "0 %" in p.message for p in problems)
        return
    a, b = _survey_estimates(before), _survey_estimates(after)
    for found in (a[0], b[0]):
        found.index = found.index.map(fold)
    _same_estimates((a[0].sort_index(), []), (b[0].sort_index(), []))


@FEW
@given(st.sampled_from(["country", "sex"]), st.sampled_from(["upper", "lower", "title"]), st.booleans(),
       st.integers(0, 2**32))
def test_an_impact_study_s_subgroups_in_another_case_give_the_same_effects_or_are_refused(column, case, every, seed):
    """The sample study's country or sex in another case, on every row (the same effects by subgroup, keyed in that
    case) or on some rows (refused at the first row of the rarer spelling: the effects of 'Maroc' on its 51 rows
    were shown beside those of 'MAROC')."""
    import pandas as pd

    from helpers.analyses.impact import estimate_effects
    from helpers.data.loader import load_study
    from helpers.data.params import load_project_params
    from helpers.paths import DATA_DIR, PARAMS_DIR

    folder = _folder()
    for name in ("training_survey.yaml", "training_survey.csv"):
        shutil.copy(DATA_DIR / "amem" / "impact" / name, folder / name)
    params = load_project_params("amem", PARAMS_DIR)
    before, problems = load_study(folder / "training_survey.yaml", params)
    assert not [p for p in problems if p.severity == "error"]
    frame = pd.read_csv(folder / "training_survey.csv", dtype=str, keep_default_na=False)
    import random

    rng = random.Random(seed)
    rows = frame.index if every else frame.index[[rng.random() < 0.2 for _ in frame.index]]
    frame.loc[rows, column] = frame.loc[rows, column].map(lambda v: getattr(v, case)())
    frame.to_csv(folder / "training_survey.csv", index=False)
    after, problems = load_study(folder / "training_survey.yaml", params)
    mixed = frame[column].nunique() > before.data[column].nunique()
    errors = [p for p in problems if p.severity == "error"]
    if mixed:
        assert {(p.rule, p.column) for p in errors} == {("study_value_spellings", column)}, [str(p) for p in errors]
        return
    assert errors == []
    a, b = (estimate_effects(s).assign(subgroup_value=lambda f: f["subgroup_value"].map(
        lambda v: fold(v) if isinstance(v, str) else v)) for s in (before, after))
    numbers = ["estimate", "se", "ci_low", "ci_high", "p_value", "n"]
    pd.testing.assert_frame_equal(a[numbers], b[numbers], rtol=1e-9, check_dtype=False)
    assert a["subgroup_value"].tolist() == b["subgroup_value"].tolist()


@pytest.mark.parametrize("metric, key", [("spent", "TOTAL@2020-06-30"), ("SPENT", "total@2020-06-30"),
                                         ("Spent", "Total@30/06/2020"), ("spent", "total@2020-06-30")])
def test_a_published_figure_at_another_date_is_compared_whatever_the_case_of_its_key(tmp_path, metric, key):
    """Keys and metrics are matched ignoring case: `TOTAL@2020-06-30` (or `SPENT`) was « no computed figure 'spent'
    with key 'TOTAL@2020-06-30' », not computable, the spending at that date computed only for a key in lower case."""
    from fixtures.two_countries import Project

    project = Project.default(tmp_path)
    project.tables["reported"] = [["figure_id", "metric", "key", "value", "label", "country"],
                                  ["F1", metric, key, "170 000", "Dépenses au 30 juin 2020", ""]]
    figures = project.write().figures("ensemble")
    row = figures[(figures["metric"] == "reported_figure") & (figures["key"] == "F1")].iloc[0]
    assert (row["status"], row["value"]) == ("match", 170000), row["note"]
