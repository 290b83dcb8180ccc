"""data.store: the validated project written once per build and read back by the notebooks and the export."""

from __future__ import annotations

import pandas as pd
import pytest

from fixtures.mini_project import Mini
from helpers.annex import open_annex
from helpers.data import store
from helpers.data.loader import check_and_load, load_project
from helpers.paths import DATA_DIR, PARAMS_DIR


@pytest.fixture(scope="module")
def sample():
    return load_project("amem")


def test_the_stored_project_reads_back_as_load_project_gave_it(sample, tmp_path):
    store.save(sample, tmp_path, "k1", DATA_DIR, PARAMS_DIR)
    back = store.load(tmp_path, "amem", DATA_DIR, PARAMS_DIR)
    assert set(back.tables) == set(sample.tables)
    for name, frame in sample.tables.items():
        pd.testing.assert_frame_equal(back.tables[name], frame, check_dtype=True, obj=name)
    assert set(back.studies) == set(sample.studies)
    for name, study in sample.studies.items():
        pd.testing.assert_frame_equal(back.studies[name].data, study.data, obj=name)
        assert back.studies[name].spec == study.spec and back.studies[name].files == study.files
    assert back.params == sample.params
    assert back.present == sample.present and back.files == sample.files and back.warnings == sample.warnings
    assert store.current(tmp_path, "amem", "k1") and not store.current(tmp_path, "amem", "k2")


def test_check_and_load_gives_the_problems_of_check_project_and_the_data_of_load_project(sample):
    problems, data = check_and_load("amem")
    assert [p for p in problems if p.severity == "error"] == []
    for name, frame in sample.tables.items():
        pd.testing.assert_frame_equal(data.tables[name], frame, obj=name)
    assert data.warnings == sample.warnings


def test_invalid_data_gives_problems_and_no_data(tmp_path):
    mini = Mini.copy_to(tmp_path)
    mini.replace("participation", "20", "vingt")
    problems, data = check_and_load("mini", mini.data_dir, mini.params_dir)
    assert data is None and any(p.rule == "not_a_number" for p in problems)


def test_the_key_follows_the_contents_of_the_inputs(tmp_path):
    mini = Mini.copy_to(tmp_path)
    first = store.key("mini", mini.data_dir, mini.params_dir)
    assert store.key("mini", mini.data_dir, mini.params_dir) == first
    mini.append("expenditure", mini.text("expenditure").splitlines()[-1])
    assert store.key("mini", mini.data_dir, mini.params_dir) != first


def test_open_annex_reads_the_store_named_by_the_environment_and_loads_by_itself_without(sample, tmp_path,
                                                                                          monkeypatch):
    # a store whose activities were cut to one row: open_annex must show that row only when told where it is
    cut = store.ProjectData(sample.project, sample.params, dict(sample.tables, activities=sample.tables[
        "activities"].head(1)), sample.present, sample.studies, sample.files, sample.warnings)
    store.save(cut, tmp_path, "k", DATA_DIR, PARAMS_DIR)
    monkeypatch.delenv(store.ENV, raising=False)
    assert len(open_annex("amem", "ensemble").data.tables["activities"]) == len(sample.tables["activities"])
    monkeypatch.setenv(store.ENV, str(tmp_path))
    assert len(open_annex("amem", "ensemble").data.tables["activities"]) == 1
    # a store made from other folders is not used
    other = tmp_path / "other"
    store.save(cut, other, "k", tmp_path, PARAMS_DIR)
    monkeypatch.setenv(store.ENV, str(other))
    assert store.from_environment("amem", DATA_DIR, PARAMS_DIR) is None


def test_the_key_follows_the_code_under_the_data_room_too(tmp_path):
    # The store holds what validation made, messages included: a change to errors.py or paths.py (which the loader
    # imports) must not serve a store made by the old code. Run on a copy of the package, edited between two keys.
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    import helpers

    mini = Mini.copy_to(tmp_path)
    copy = tmp_path / "src" / "helpers"
    shutil.copytree(Path(helpers.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    script = (
        "import sys\nfrom pathlib import Path\nfrom helpers.data import store\n"
        "args = ('mini', Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "keys = [store.key(*args)]\n"
        "for name in ('errors.py', 'paths.py'):\n"
        "    path = Path(store.__file__).parents[1] / name\n"
        "    path.write_text(path.read_text(encoding='utf-8') + '\\n# edited\\n', encoding='utf-8')\n"
        "    keys.append(store.key(*args))\n"
        "print(' '.join(keys))\n")
    done = subprocess.run([sys.executable, "-c", script, str(mini.data_dir), str(mini.params_dir)],
                          env={"PYTHONPATH": str(copy.parent), "PATH": "/usr/bin:/bin"}, capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    before, after_errors, after_paths = done.stdout.split()
    assert (copy / "errors.py").read_text(encoding="utf-8").endswith("# edited\n")
    assert len({before, after_errors, after_paths}) == 3


def test_a_column_not_read_holding_numbers_beside_text_is_stored(tmp_path):
    # budget.xlsx with a column the workbook ignores ('Initial budget', hidden in the evaluator's sheet) whose cells
    # are numbers but one, « 250 000 » pasted as text: `make check` said OK, then the build stopped on a pyarrow
    # traceback writing the store. The column is kept as text; the figures are not changed.
    from openpyxl import Workbook
    mini = Mini.copy_to(tmp_path)
    book = Workbook()
    sheet = book.active
    sheet.append(["line", "budget", "country", "label", "category", "Initial budget"])
    for row in (["B1", 100000, "Maroc", "Personnel", "staff", 90000],
                ["B2", 50000, "Maroc", "Activités", "operational", "250 000"],
                ["B3", 80000, "Tunisie", "Activités", "operational", None], ["B4", 20000, None, "Coordination", "support", 20000]):
        sheet.append(row)
    book.save(mini.path("budget.xlsx"))
    mini.delete("budget")
    problems, data = check_and_load("mini", mini.data_dir, mini.params_dir)
    assert not [p for p in problems if p.severity == "error"], [str(p) for p in problems]
    store.save(data, tmp_path / "store", "k", mini.data_dir, mini.params_dir)
    back = store.load(tmp_path / "store", "mini", mini.data_dir, mini.params_dir)
    assert back.tables["budget"]["budget"].tolist() == [100000, 50000, 80000, 20000]
    assert back.tables["budget"]["initial_budget"].tolist()[:2] == ["90000", "250 000"]
