"""Nothing in the data or the params may run code, inject markup or write outside build/."""

from __future__ import annotations

import csv
import io
import re
import shutil

import pandas as pd
import pytest
import yaml

from helpers.annex import export
from helpers.pipeline import runner
from helpers.annex import render_table
from helpers.errors import ValidationFailed
from helpers.data.params import load_annex_params
from helpers.paths import DATA_DIR, NOTEBOOKS_DIR, PARAMS_DIR, SLUG, UnsafeName, check_slug, slugify, under
from sample_layout import sample_layout

ARABIC = "ورشة عمل حول هجرة اليد العاملة"
SCRIPT = '<script>alert("x")</script>'


@pytest.mark.parametrize("name", ["../etc", "a/b", "..", ".hidden", "x y", "amem;rm -rf", "", "é"])
def test_names_that_could_leave_the_build_folder_are_refused(name):
    with pytest.raises(UnsafeName):
        check_slug(name, "project")


@pytest.mark.parametrize("name", ["CON", "con", "Aux", "nul", "PRN", "COM1", "lpt9", "com0"])
def test_names_of_windows_devices_are_refused_and_never_made(name):
    # con.html, aux.docx: no file so named can be created, unzipped or opened on Windows
    with pytest.raises(UnsafeName, match="device on Windows"):
        check_slug(name, "annex")
    assert not SLUG.match(name)
    assert SLUG.match(slugify(name)) and slugify(name) == name.lower() + "-1"
    assert check_slug("console", "annex") and check_slug("com10", "annex") and check_slug("aux-1", "annex")


def test_output_paths_stay_under_build(tmp_path):
    assert under(tmp_path, "annexes", "amem") == tmp_path / "annexes" / "amem"
    with pytest.raises(UnsafeName):
        under(tmp_path, "annexes", "../../etc")
    layout = runner.Layout(build=tmp_path)
    with pytest.raises(UnsafeName):
        layout.annex_dir("../outside")


def test_the_runner_refuses_a_project_name_with_a_path_in_it(tmp_path, capsys):
    layout = runner.Layout(data=DATA_DIR, params=PARAMS_DIR, notebooks=NOTEBOOKS_DIR, build=tmp_path)
    with pytest.raises(UnsafeName):
        runner.build(project="../amem", layout=layout)
    assert not any(tmp_path.iterdir())


def test_yaml_cannot_build_python_objects(tmp_path):
    folder = tmp_path / "params" / "evil"
    folder.mkdir(parents=True)
    (folder / "project.yaml").write_text((PARAMS_DIR / "amem" / "project.yaml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    (folder / "x.yaml").write_text('country: !!python/object/apply:os.system ["echo pwned"]\nname: X\n',
                                   encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        load_annex_params("evil", "x", tmp_path / "params")
    assert "yaml" in str(caught.value).lower()


def test_a_country_with_dots_and_slashes_is_only_a_value_never_a_path(tmp_path):
    folder = tmp_path / "params" / "amem"
    shutil.copytree(PARAMS_DIR / "amem", folder)
    (folder / "odd.yaml").write_text('country: "../../etc/passwd"\nname: "Odd"\n', encoding="utf-8")
    params = load_annex_params("amem", "odd", tmp_path / "params")
    layout = runner.Layout(build=tmp_path / "build")
    target = runner.Target("amem", "odd")
    assert all(layout.build in p.parents for p in target.outputs(layout).values())
    assert params.country == "../../etc/passwd"


def test_table_cells_are_escaped_and_arabic_kept():
    frame = pd.DataFrame({"label": [SCRIPT, ARABIC], "share": [50.0, 62.5]})
    out = render_table(frame, {"label": "label", "share": "women_share"}, {"share": "pct"}, "fr", "USD")
    assert "<script" not in out and "&lt;script&gt;" in out
    assert ARABIC in out


def test_exported_figures_cannot_become_spreadsheet_formulas():
    frame = pd.DataFrame({"section": ["x"], "metric": ["reported_figure"], "key": ['=cmd|" /C calc"!A0'],
                          "value": [1.0], "note": ["@SUM(1)"]})
    rows = list(csv.reader(io.StringIO(export.figures_csv(frame).decode("utf-8"))))
    assert rows[1][2].startswith("'=") and rows[1][4].startswith("'@")


@pytest.mark.slow
def test_hostile_and_arabic_labels_reach_the_annex_as_text(tmp_path):
    layout = sample_layout(tmp_path, ["maroc"], notebooks=None)
    shutil.copy(NOTEBOOKS_DIR / "30_gender.ipynb", layout.notebooks)
    path = layout.data / "amem" / "participation.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    maroc = table.index[table["country"] == "Maroc"]
    table.loc[maroc[0], "label"] = ARABIC
    table.loc[maroc[1], "label"] = SCRIPT
    table.to_csv(path, index=False)
    # a malicious study name or title is data too
    spec = yaml.safe_load((layout.data / "amem" / "impact" / "training_survey.yaml").read_text(encoding="utf-8"))
    assert spec["synthetic"] is True

    assert runner.build(project="amem", annex="maroc", layout=layout) == 0
    page = (layout.build / "annexes" / "amem" / "maroc.html").read_text(encoding="utf-8")
    assert ARABIC in page
    # shown as text (a cell may break after a '/')
    assert re.search(r"&lt;script&gt;alert\((&quot;|\")x(&quot;|\")\)&lt;/(<wbr/?>)?script&gt;", page)
    assert "<script" not in page


def test_a_data_folder_linked_elsewhere_is_read_and_its_files_named_as_written(tmp_path, monkeypatch):
    # data/<project> kept in a synced folder (OneDrive...) and linked into the workbook: read, and each file named
    # data/mini/..., in the messages and in the annex's list of files; it was named by its absolute place on the disk
    from fixtures.mini_project import Mini
    from helpers import paths
    from helpers.data.loader import load_project
    import datetime as dt

    mini = Mini.copy_to(tmp_path)
    synced = tmp_path / "OneDrive" / "mini"
    shutil.move(mini.folder, synced)
    mini.folder.symlink_to(synced, target_is_directory=True)
    monkeypatch.setattr(paths, "REPO_ROOT", mini.root)
    mini.append("budget", "B5,,Maroc,Divers,operational")          # a warning, to see how its file is named
    data = load_project("mini", mini.data_dir, mini.params_dir)
    named = [name for name, _ in export.provenance(data.files, dt.datetime(2021, 1, 1))[:len(set(data.files))]]
    assert named and all(name.startswith("data/mini/") for name in named), named
    assert {p.file for p in data.warnings} == {"data/mini/budget.csv"}, data.warnings
