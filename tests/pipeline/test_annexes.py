"""The annexes as an evaluator receives them: real papermill runs and real nbconvert HTML of the sample project.

The sample's inputs are copied to a temporary layout once per session (the ``built`` fixture of conftest.py, shared
with test_documents.py), so these tests never touch build/ or the repository's params. Building the five AMEM annexes takes about a minute on two cores.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from helpers.annex import export
from helpers.pipeline import runner
from helpers.analyses.change import with_previous
from helpers.analyses.figures import annex_figures
from helpers.data.loader import load_project
from helpers.data.params import load_annex_params
from helpers.paths import NOTEBOOKS_DIR
from sample_layout import sample_layout

pytestmark = pytest.mark.slow
ANNEXES = ["ensemble", "libye", "maroc", "mauritanie", "tunisie"]


class Page(HTMLParser):
    """What a browser would fetch and link: every src/href by tag, every id."""

    def __init__(self, text: str):
        super().__init__()
        self.refs: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value is not None:
                self.refs.append((tag, value))
            if name == "id" and value:
                self.ids.add(value)


def test_every_sample_annex_is_built_with_its_files(built):
    folder = built.build / "annexes" / "amem"
    for annex in ANNEXES:
        for suffix in (".html", ".figures.csv", ".xlsx"):
            assert (folder / f"{annex}{suffix}").is_file(), f"{annex}{suffix} missing"
    index = (built.build / "annexes" / "index.html").read_text(encoding="utf-8")
    for annex in ANNEXES:
        assert f'href="amem/{annex}.html"' in index


@pytest.mark.parametrize("annex", ANNEXES)
def test_annex_opens_offline_without_code_and_its_contents_resolve(built, annex):
    text = (built.build / "annexes" / "amem" / f"{annex}.html").read_text(encoding="utf-8")
    page = Page(text)
    remote = [(tag, ref) for tag, ref in page.refs if re.match(r"(?i)\s*(https?:)?//", ref)]
    assert remote == [], f"requests to other hosts: {remote[:3]}"
    assert "@import" not in text and "url(http" not in text
    assert not re.search(r"<script\b", text), "the annex needs no script"
    # no code and no prompts
    for code in ("open_annex(", "ctx.", "import ", "In&nbsp;[", "In [", "jp-InputPrompt", "input_area"):
        assert code not in text, f"{code!r} leaked into the annex"
    # the table of contents: every link lands on a heading, every section heading is listed
    toc = re.search(r'<nav[^>]*class="toc"[^>]*>(.*?)</nav>', text, re.S).group(1)
    links = re.findall(r'href="#([^"]+)"', toc)
    assert len(links) >= 5
    assert all(link in page.ids for link in links)
    headings = re.findall(r'<h[23] id="(s\d+)"', text)
    assert set(headings) == set(links)
    # quick facts and provenance
    assert "Date de rapport" in text and "31 décembre 2020" in text
    for name in ("data/amem/activities.csv", "params/amem/project.yaml", f"params/amem/{annex}.yaml", "Version du code (empreinte git)"):
        assert name in text, f"provenance lacks {name}"
    assert re.search(r"[0-9a-f]{64}", text), "no sha256 in provenance"


def test_sections_without_data_say_so_instead_of_failing(built):
    text = (built.build / "annexes" / "amem" / "libye.html").read_text(encoding="utf-8")
    assert text.count('class="no-data"') >= 1


def test_french_annex_formats_numbers_the_french_way(built):
    text = (built.build / "annexes" / "amem" / "ensemble.html").read_text(encoding="utf-8")
    assert re.search(r"\d+,\d\u202f%", text), "no French percentage like 44,4 %"
    assert not re.search(r">\d+\.\d%<", text), "an English-formatted percentage in a French annex"


def test_women_by_country_shows_every_participant_and_those_whose_sex_is_unknown(built):
    # the share's denominator is those whose sex is recorded: a column headed « Participants » holding only them
    # showed Tunisie 177 where its events add up to 217 (40 without sex); now both are there, and they add up
    from helpers.analyses import gender
    from documents import html_tables
    page = (built.build / "annexes" / "amem" / "ensemble.html").read_text(encoding="utf-8")
    table = next(t for t in html_tables(page) if t["section"] == "Participation des femmes" and t["sub"] == "Par pays")
    head, *rows = table["rows"]
    assert head == ["Pays", "Participants", "Sexe non renseigné", "Femmes", "Part des femmes"]
    shown = {row[0]: row[1:] for row in rows}
    people = load_project("amem", built.data, built.params).tables["participation"]
    split = gender.women_share(people, by="country").set_index("country")
    tunisie = split.loc["Tunisie"]
    assert tunisie["participants_sex_unknown"] > 0, "the sample no longer has participants of unknown sex"
    number = lambda text: int(text.replace("\u202f", "").replace("\u00a0", "").replace(" ", ""))
    total, unknown, women, share = shown["Tunisie"]
    assert (number(total), number(unknown), number(women)) == (
        tunisie["participants_total"], tunisie["participants_sex_unknown"], tunisie["women"])
    assert share == f"{100 * number(women) / (number(total) - number(unknown)):.1f}\u202f%".replace(".", ",")


def test_cost_per_participant_has_its_column_si_nd_only_when_a_cost_is_nd(built):
    """The project-wide annex computes every cost per participant: its table had a column « Si n.d. » of empty cells
    on every row (in the page, Word and Excel). Now the column is there only when a cost is n.d. (Maroc's: no budget
    line in its annex), with the reason."""
    import openpyxl

    from documents import html_tables

    def table(annex: str) -> list[list[str]]:
        page = (built.build / "annexes" / "amem" / f"{annex}.html").read_text(encoding="utf-8")
        return next(t["rows"] for t in html_tables(page) if t["section"] == "Coût par résultat"
                    and t["sub"] == "Coût par participant et par femme formée")

    whole, maroc = table("ensemble"), table("maroc")
    assert "Si n.d." not in whole[0] and whole[0][0] == "Lignes de financement"
    assert maroc[0][-1] == "Si n.d." and all(row[-1] for row in maroc[1:])
    book = openpyxl.load_workbook(built.build / "annexes" / "amem" / "ensemble.xlsx")
    cells = [c for row in book["Coût par résultat"].iter_rows(values_only=True) for c in row]
    assert "Lignes de financement" in cells and "Si n.d." not in cells


@pytest.mark.parametrize("annex", ANNEXES)
def test_figures_csv_is_exactly_the_helpers_output(built, annex):
    params = load_annex_params("amem", annex, built.params)
    # no earlier annex in the archive: the previous columns are there, empty
    expected = export.figures_csv(with_previous(annex_figures(load_project("amem", built.data, built.params),
                                                              params), None))
    assert (built.build / "annexes" / "amem" / f"{annex}.figures.csv").read_bytes() == expected
    frame = pd.read_csv(built.build / "annexes" / "amem" / f"{annex}.figures.csv")
    assert list(frame.columns) == ["section", "metric", "key", "value", "unit", "n", "se", "ci_low", "ci_high",
                                   "p_value", "reported", "status", "note", "previous", "previous_date"]


def test_second_build_does_nothing_and_a_changed_annex_params_rebuilds_that_annex_only(built, capsys):
    stamps = {a: (built.build / "annexes" / "amem" / f"{a}.html").stat().st_mtime_ns for a in ANNEXES}
    capsys.readouterr()
    assert runner.build(project="amem", layout=built) == 0
    assert "Rien à faire" in capsys.readouterr().out   # (amem is French: the build speaks it)
    assert {a: (built.build / "annexes" / "amem" / f"{a}.html").stat().st_mtime_ns for a in ANNEXES} == stamps

    maroc = built.params / "amem" / "maroc.yaml"
    maroc.write_text(maroc.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    assert runner.build(project="amem", layout=built) == 0
    out = capsys.readouterr().out
    assert "Construction de 1 annexe(s) sur 5" in out
    after = {a: (built.build / "annexes" / "amem" / f"{a}.html").stat().st_mtime_ns for a in ANNEXES}
    assert [a for a in ANNEXES if after[a] != stamps[a]] == ["maroc"]


def test_same_inputs_give_the_same_files(built, tmp_path, monkeypatch):
    """figures.csv byte for byte; the HTML too once SOURCE_DATE_EPOCH pins the generation time."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609372800")
    pages = []
    for attempt in range(2):
        layout = runner.Layout(data=built.data, params=built.params, notebooks=built.notebooks,
                               build=tmp_path / f"b{attempt}")
        assert runner.build(project="amem", annex="mauritanie", layout=layout) == 0
        folder = layout.build / "annexes" / "amem"
        pages.append(((folder / "mauritanie.html").read_bytes(), (folder / "mauritanie.figures.csv").read_bytes()))
    assert pages[0][1] == pages[1][1]
    assert pages[0][0] == pages[1][0]


def test_a_failing_notebook_is_named_and_the_other_annexes_are_built(tmp_path, capsys):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    shutil.copy(NOTEBOOKS_DIR / "30_gender.ipynb", notebooks)
    failing = json.loads((NOTEBOOKS_DIR / "30_gender.ipynb").read_text(encoding="utf-8"))
    failing["cells"].append({"cell_type": "code", "id": "boom", "metadata": {}, "execution_count": None,
                             "outputs": [], "source": 'if annex == "maroc":\n    raise ValueError("broken on purpose")'})
    (notebooks / "35_fails_for_maroc.ipynb").write_text(json.dumps(failing), encoding="utf-8")
    layout = sample_layout(tmp_path / "w", ["maroc", "mauritanie"], notebooks)  # two annexes are enough here
    previous = layout.build / "annexes" / "amem" / "maroc.html"
    previous.parent.mkdir(parents=True)
    previous.write_bytes(b"the last good annex")

    assert runner.build(project="amem", layout=layout, timeout=120) == 1
    out = capsys.readouterr().out
    assert "ÉCHEC   amem/maroc : notebook 35_fails_for_maroc.ipynb : la cellule" in out
    assert "ValueError: broken on purpose" in out
    assert "build/failed/amem/maroc/35_fails_for_maroc.ipynb" in out or "failed/amem/maroc" in out
    assert (layout.build / "failed" / "amem" / "maroc" / "35_fails_for_maroc.ipynb").is_file()
    assert previous.read_bytes() == b"the last good annex"           # the previous annex survives
    assert (layout.build / "annexes" / "amem" / "mauritanie.html").is_file()   # the other one is built
    leftovers = [p.name for p in layout.build.rglob("*.tmp")]
    assert leftovers == []


def test_english_on_request(built, tmp_path):
    layout = runner.Layout(data=built.data, params=built.params, notebooks=built.notebooks, build=tmp_path)
    assert runner.build(project="amem", annex="tunisie", language="en", layout=layout) == 0
    text = (tmp_path / "annexes" / "amem" / "tunisie.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in text
    for words in ("Physical execution", "Women's participation", "Check of published figures", "Reporting date"):
        assert words in text.replace("&#x27;", "'").replace("&#39;", "'"), words
    assert "Exécution physique" not in text
    assert re.search(r">\d+\.\d%<|\d+\.\d%", text), "no English-formatted percentage"
