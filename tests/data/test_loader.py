"""load_project on valid inputs: types, the formats partners really send, scope(), provenance, check_project.

The odd but valid formats of the corpus (French Excel CSV, cp1252 declared, BOM, day-first dates, a budget of 0,
cached formula values, Arabic and markup in labels) are the ACCEPTED cases of test_validation_rules.py.
"""

from __future__ import annotations


import openpyxl
import pandas as pd
import pytest

from fixtures.mini_project import Mini
from helpers.pipeline.check import run_check
from helpers.errors import ValidationFailed
from helpers.data.loader import check_project, load_project, scope
from helpers.data.readers import read_table
from helpers.data.schemas import COLUMNS, REGIONAL, TABLES

KINDS = {"str": pd.api.types.is_string_dtype, "float": pd.api.types.is_float_dtype,
         "date": pd.api.types.is_datetime64_dtype, "bool": pd.api.types.is_bool_dtype}


@pytest.fixture
def mini(tmp_path) -> Mini:
    return Mini.copy_to(tmp_path)


def test_fixture_is_valid_without_warnings(mini):
    data = mini.load()
    assert data.warnings == []
    assert data.present == set(TABLES)
    assert mini.check() == []


def test_every_table_has_all_columns_typed(mini):
    data = mini.load()
    for name, frame in data.tables.items():
        assert list(frame.columns)[: len(COLUMNS[name])] == list(COLUMNS[name])
        for column, kind in COLUMNS[name].items():
            assert KINDS[kind](frame[column]), (name, column, frame[column].dtype)


def test_absent_tables_are_empty_with_all_columns(mini):
    mini.delete("indicators")
    data = mini.load()
    assert "indicators" not in data.present
    assert data.tables["indicators"].empty
    assert list(data.tables["indicators"].columns) == list(COLUMNS["indicators"])
    assert KINDS["float"](data.tables["indicators"]["actual"])


def test_values_are_typed(mini):
    data = mini.load()
    activities = data.tables["activities"].set_index("activity_id")
    assert activities.loc["A1", "status"] == "done"
    assert activities.loc["A2", "status_label"] == "En cours (avancé)"
    assert activities.loc["A4", "country"] == REGIONAL
    assert activities.loc["A1", "planned_end"] == pd.Timestamp("2020-12-31")
    participation = data.tables["participation"].set_index("event_id")
    assert pd.isna(participation.loc["E2", "women"])  # sex not recorded
    assert participation["sample"].tolist() == [False, False, True]
    indicators = data.tables["indicators"]
    assert indicators["sex"].tolist() == ["total", "f", "total", "total"]
    assert data.tables["reported"]["comparison"].tolist() == ["=", "="]
    assert data.tables["reported"].loc[0, "value"] == "53,60"  # kept as printed


def test_files_are_recorded_for_provenance(mini):
    data = mini.load()
    names = sorted(p.name for p in data.files)
    assert names == sorted([f"{t}.csv" for t in TABLES] + ["survey.csv", "survey.yaml"])


def test_cp1252_refused_without_declaration_is_never_garbled(mini):
    mini.write("activities", mini.text("activities"), encoding="cp1252")
    with pytest.raises(ValidationFailed) as info:
        mini.load()
    text = str(info.value)
    assert "UTF-8" in text and "encoding: cp1252" in text and "\ufffd" not in text and "Ã" not in text


def test_french_statuses_and_project_synonyms(mini):
    mini.replace("activities", "En cours (avancé)", "Prévue à partir du 25 mars 2021")
    mini.replace("activities", "Non réalisé", "Non réaalisé")
    mini.replace("activities", "Annulé", "Suspendu")
    mini.set_param("status_synonyms", {"Suspendu": "cancelled"})
    statuses = mini.load().tables["activities"]["status"].tolist()
    assert statuses == ["done", "not_started", "not_started", "cancelled"]


def test_extra_columns_are_kept_and_headers_matched_loosely(mini):
    mini.replace("budget", "line,budget,country", " Line , BUDGET ,Country,remarque")
    mini.replace("budget", "B1,100000,Maroc", "B1,100000,Maroc,à vérifier")
    mini.replace("budget", "B2,50000,Maroc", "B2,50000,Maroc,")
    mini.replace("budget", "B3,80000,Tunisie", "B3,80000,Tunisie,")
    mini.replace("budget", "B4,20000,", "B4,20000,,")
    frame = mini.load().tables["budget"]
    assert "remarque" in frame.columns and frame["remarque"].iloc[0] == "à vérifier"
    assert frame["line"].tolist() == ["B1", "B2", "B3", "B4"]


def test_participation_register_is_aggregated(mini):
    mini.write("participation", "event_id,sex,country,group\n"
               "E1,F,Maroc,workers\nE1,H,Maroc,workers\nE1,femme,Maroc,workers\n"
               "E2,,Tunisie,\nE2,,Tunisie,\n")
    frame = mini.load().tables["participation"].set_index("event_id")
    assert frame.loc["E1", ["participants", "women", "men"]].tolist() == [3.0, 2.0, 1.0]
    assert frame.loc["E2", "participants"] == 2.0 and pd.isna(frame.loc["E2", "women"])
    assert frame.loc["E1", "group"] == "workers"


def _xlsx(mini: Mini, name: str, rows: list[list], title_rows: int = 0) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Feuil1"
    for i in range(title_rows):
        sheet.append([f"Suivi AMEM - tableau {i + 1}"])
    for row in rows:
        sheet.append(row)
    workbook.save(mini.path(f"{name}.xlsx"))
    mini.delete(name)


def test_xlsx_plain_values(mini):
    import datetime as dt

    _xlsx(mini, "expenditure", [["line", "period_end", "amount", "country"],
                                ["B1", dt.datetime(2020, 12, 31), 40000, "Maroc"],
                                ["B2", "31/12/2020", 10000.5, "Maroc"]])
    data = mini.load()
    frame = data.tables["expenditure"]
    assert frame["amount"].tolist() == [40000.0, 10000.5]
    assert frame["period_end"].tolist() == [pd.Timestamp("2020-12-31")] * 2
    assert any(p.name == "expenditure.xlsx" for p in data.files)


def test_xlsx_title_rows_above_header_and_numbers_as_text(mini):
    mini.as_french_excel()
    _xlsx(mini, "reported", [["figure_id", "metric", "key", "value"], ["F1", "rate", "total", 53.6],
                             ["F2", "share", "E1", "17 ,7"]], title_rows=3)
    frame = mini.load().tables["reported"]
    assert frame["value"].tolist() == ["53,6", "17 ,7"]


def test_reader_positions_for_xlsx(mini):
    _xlsx(mini, "budget", [["line", "budget"], ["B1", 1], ["B2", "x"]], title_rows=2)
    raw = read_table(mini.path("budget.xlsx"), required_sets=[("line", "budget")])
    assert raw.header_row == 3
    assert raw.where(5, "budget") == {"row": 5, "cell": "Feuil1!B5", "column": "budget"}


def test_reader_skips_blank_rows_but_keeps_numbers(mini):
    mini.write("budget", "line;budget\n;\nB1;1\n\nB2;2\n")
    raw = read_table(mini.path("budget"), required_sets=[("line", "budget")])
    assert list(raw.frame.index) == [3, 5]


def test_scope_keeps_one_country_ignoring_case_and_accents(mini):
    mini.replace("activities", "Tunisie", "Tunisié")
    data = mini.load()
    maroc = scope(data, "MAROC")
    assert maroc.tables["activities"]["activity_id"].tolist() == ["A1", "A2"]
    assert maroc.tables["reported"]["figure_id"].tolist() == ["F2"]
    assert scope(data, "tunisie").tables["activities"]["activity_id"].tolist() == ["A3"]
    assert scope(data, "all") is data
    assert len(data.tables["activities"]) == 4  # the original is untouched


def test_check_project_collects_params_and_data_problems(mini):
    mini.set_param("contry", "Maroc", annex="maroc")
    mini.replace("activities", "Réalisé,", "Fini,")
    rules = {p.rule for p in check_project("mini", mini.data_dir, mini.params_dir)}
    assert {"unknown_key", "unknown_status"} <= rules


def test_check_project_still_checks_data_when_project_yaml_is_wrong(mini):
    mini.set_param("titel", "x")
    mini.as_french_excel()
    mini.write("expenditure", "line;period_end;amount\nB1;2020-12-31;1 000,5\nB9;2020-12-31;x\n")
    problems = mini.check()
    rules = [p.rule for p in problems]
    assert "unknown_key" in rules and "unknown_line" in rules
    assert [p.value for p in problems if p.rule == "not_a_number"] == ["x"]  # '1 000,5' read with ','


def test_missing_data_folder_is_reported(tmp_path, mini):
    import shutil

    shutil.rmtree(mini.folder)
    assert [p.rule for p in mini.check()] == ["missing_data_folder"]


def test_run_check_prints_a_report_and_exit_code(mini, capsys):
    mini.replace("reported", "Rapport p. 12,", "Rapport p. 12,Maroc")   # checked in an annex (mini has no `all` one)
    assert run_check(["mini"], mini.data_dir, mini.params_dir) == 0
    assert "mini : OK - 0 erreur, 0 avertissement." in capsys.readouterr().out   # mini's annexes are French
    mini.replace("budget", "B4,20000", "B4,")          # a warning does not fail
    assert run_check(["mini"], mini.data_dir, mini.params_dir) == 0
    capsys.readouterr()
    mini.replace("participation", "E1,20,", "E1,vingt,")
    assert run_check(None, mini.data_dir, mini.params_dir) == 1
    out = capsys.readouterr().out
    assert out.index("Erreurs") < out.index("Avertissements")
    assert "ligne 2, colonne 'participants'" in out and "PAS PRÊT - 1 erreur, 1 avertissement." in out
    mini.set_param("language", "en")   # an English project's check says it in English
    assert run_check(["mini"], mini.data_dir, mini.params_dir) == 1
    out = capsys.readouterr().out
    assert out.index("Errors") < out.index("Warnings")
    assert "row 2, column 'participants'" in out and "NOT READY - 1 error, 1 warning." in out


def test_load_project_unknown_project(mini):
    with pytest.raises(ValidationFailed) as info:
        load_project("mnii", mini.data_dir, mini.params_dir)
    assert info.value.problems[0].rule == "missing_project"
    assert "Did you mean 'mini'?" in info.value.problems[0].hint


def test_absent_optional_columns_are_empty_and_sample_false(mini):
    mini.write("participation", "event_id,participants,women\nE1,10,4\n")
    frame = mini.load().tables["participation"]
    assert frame["sample"].tolist() == [False]
    assert frame["country"].tolist() == [REGIONAL]
    assert pd.isna(frame.loc[0, "men"]) and pd.isna(frame.loc[0, "start_date"])


def test_scope_keeps_a_study_for_the_countries_it_covers_only():
    from helpers.data.loader import load_project, scope

    data = load_project("amem")
    maroc = scope(data, "MAROC")                     # matched ignoring case
    assert set(maroc.studies["training_survey"].data["country"]) == {"Maroc"}
    assert (maroc.tables["participation"]["country"] == "Maroc").all()
    assert scope(data, "Égypte").studies == {}       # no row of that country: the study is not part of the annex
    assert scope(data, "all") is data


# ----------------------------------------------------------------- which rows a country annex shows (issue 10)


def _only_the_study(mini: Mini, survey: str) -> None:
    for name in TABLES:
        mini.delete(name)
    mini.write("impact/survey.csv", survey)


def test_a_project_of_impact_studies_only_checks_their_countries(mini):
    """An evaluation team with only survey microdata: the study's country values are the data's countries."""
    _only_the_study(mini, "id,arm,score,age,country\n1,T,12.5,30,Maroc\n2,C,10,40,Maroc\n"
                          "3,T,14,25,Tunisie\n4,C,11.5,35,Tunisie\n")
    assert [str(p) for p in mini.check() if p.severity == "error"] == []
    mini.set_param("country", "Egypte", annex="maroc")
    unknown = [p for p in mini.check() if p.rule == "unknown_country"]
    assert len(unknown) == 1 and "Maroc, Tunisie" in unknown[0].hint


def test_a_study_without_country_belongs_to_the_whole_project(mini):
    _only_the_study(mini, "id,arm,score,age\n1,T,12.5,30\n2,C,10,40\n")
    problem = next(p for p in mini.check() if p.rule == "unknown_country")
    assert "country: all" in problem.hint and "survey.csv" in problem.hint


def test_one_country_project_is_told_its_project_wide_rows_stay_out_of_the_country_annex(mini):
    """The data has one country: the rows without a country (here whole tables) will not be in its annex."""
    for name in TABLES:
        mini.write(name, mini.text(name).replace("Tunisie", "Maroc"))
    mini.write("budget", "line,budget,label,category\nB1,100000,Personnel,staff\nB2,50000,Activités,operational\n"
                         "B3,80000,Activités,operational\nB4,20000,Coordination,support\n")
    mini.write("expenditure", "line,period_end,amount\nB1,2020-12-31,40000\nB4,2021-06-30,5000\n")
    problems = [p for p in mini.check() if p.file.endswith("maroc.yaml")]
    assert [p.rule for p in problems] == ["project_wide_rows"]
    problem = problems[0]
    assert problem.severity == "warning"
    for name in ("activities.csv", "budget.csv", "expenditure.csv", "participation.csv", "reported.csv"):
        assert name in problem.message
    assert "indicators.csv" not in problem.message          # every indicator row is Maroc's
    assert "country: all" in problem.hint and "one-country project" in problem.hint


def test_tables_without_country_are_named_for_each_country_annex(mini):
    """Several countries, but the budget has no country: say its rows are in the `all` annex only."""
    mini.write("budget", "line,budget,label,category\nB1,100000,Personnel,staff\nB2,50000,Activités,operational\n"
                         "B3,80000,Activités,operational\nB4,20000,Coordination,support\n")
    mini.write("expenditure", "line,period_end,amount\nB1,2020-12-31,40000\nB4,2021-06-30,5000\n")
    problems = [p for p in mini.check() if p.file.endswith("maroc.yaml")]
    assert [p.rule for p in problems] == ["project_wide_rows"]
    assert "budget.csv" in problems[0].message and "expenditure.csv" in problems[0].message
    assert "activities.csv" not in problems[0].message
    assert "country: all" in problems[0].hint


def test_the_studies_read_in_their_thread_are_in_the_provenance_after_the_tables(mini):
    """The loader reads the impact studies in a thread beside the tables (inputs.beside): their files' checksums
    are recorded all the same, in the order a sequential reading gives (tables, then studies)."""
    import hashlib

    data = load_project("mini", mini.data_dir, mini.params_dir)
    read = list(data.digests)
    studies = [k for k in read if "/impact/" in k.replace("\\", "/")]
    assert studies and read[-len(studies):] == studies
    for key in read:
        assert data.digests[key] == hashlib.sha256(open(key, "rb").read()).hexdigest()


def test_beside_gives_the_result_or_the_error_and_the_reads_of_its_thread(tmp_path):
    import threading

    from helpers.data.inputs import beside, read_input, recording

    path = tmp_path / "a.csv"
    path.write_text("x\n", encoding="utf-8")
    threads = threading.active_count()
    with recording() as read:
        result = beside(lambda p: (read_input(p), threading.current_thread()), path)
        data, thread = result()
    assert data == b"x\n" and thread is not threading.current_thread() and list(read) == [str(path)]
    assert not thread.is_alive() and threading.active_count() == threads   # nothing left running (forks follow)
    failing = beside(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failing()


def test_reported_xlsx_number_cells_are_read_as_the_sheet_shows_them(mini):
    """A number cell of reported.xlsx was written with the project's mark ('.') and read back with the report's
    (',', French): 1.655 became 1655, 241.377 became 241377 (« Conforme » beside 241 377,03); a cell formatted as a
    percentage, 50 % (it holds 0.5), was « 0.5 », an « écart de -49,5 ». Now a number cell is the number it holds,
    written with the report's mark, and a percentage cell the percentage the sheet shows; text stays as typed."""
    from helpers.analyses.reconcile import reconcile

    _xlsx(mini, "reported", [["figure_id", "metric", "key", "value"], ["P1", "women_share", "all", 0.5],
                             ["P2", "impact_effect", "s:a", 1.655], ["P3", "spent", "total", 241.377],
                             ["P4", "women_share", "all", 0.529], ["P5", "women_share", "all", "53,6"],
                             ["P6", "spent", "total", 241377]])
    workbook = openpyxl.load_workbook(mini.path("reported.xlsx"))
    workbook.active["D2"].number_format = "0%"
    workbook.active["D5"].number_format = "0.0%"
    workbook.save(mini.path("reported.xlsx"))
    reported = mini.load().tables["reported"]
    assert reported["value"].tolist() == ["50 %", "1,655", "241,377", "52,9 %", "53,6", "241377"]
    figures = pd.DataFrame({"metric": ["women_share", "impact_effect", "spent"], "key": ["all", "s:a", "total"],
                            "value": [50.0, 1.655, 241377.03], "unit": ["%", "", "USD"], "n": [1, 1, 1],
                            "note": ["", "", ""]})
    out = reconcile(reported.iloc[:3], figures, decimal_mark=",")
    assert out["status"].tolist() == ["match", "match", "mismatch"]


def test_a_register_s_names_are_folded_once_each_and_its_persons_of_two_sexes_still_found(tmp_path, monkeypatch):
    """A register of 1 M named rows spent seconds folding each row's name in Python (_persons_once, _names_not_known)
    and hashing the names again for the persons of two sexes (0.9 s): each distinct name is folded once now, the
    persons' numbers shared. The findings are the same: the person of two sexes, the « not known » name."""
    from helpers.data import register
    from helpers.text import fold as fold_

    mini = Mini.copy_to(tmp_path)
    rows = [f"E{event},{name},{'m' if (name == 'Sara' and event == 3) else sex},Maroc"
            for event in range(1, 4) for name, sex in (("Sara", "f"), ("Karim", "m"), ("Amina", "f"))] * 40
    mini.write("participation", "event_id,person,sex,country\n" + "\n".join(rows + ["E1,N/D,f,Maroc"]) + "\n")
    folded = []
    monkeypatch.setattr(register, "fold", lambda v: folded.append(v) or fold_(v))
    problems = check_project("mini", mini.data_dir, mini.params_dir)
    assert len(folded) <= 5, len(folded)          # Sara, Karim, Amina, N/D (each once), not 361 rows
    two = [p for p in problems if p.rule == "person_sex_differs_between_events"]
    assert len(two) == 1 and "'Sara' is m at event 'E3'" in two[0].message and two[0].row == 8, two
    assert [p.row for p in problems if p.rule == "name_not_known"] == [362]


def test_a_line_spent_below_0_and_a_budget_by_year_are_said_in_french(tmp_path):
    """The two problems of a budget by year headed `budget | 2021 | 2022` (65 000 read for 220 000) and of a line
    whose spending adds up to less than 0 (an execution rate of -10 %, a staff share of 114 %), as make check prints
    them for a French project."""
    from helpers.pipeline.messages import shown

    mini = Mini.copy_to(tmp_path)
    mini.write("budget", "line,country,label,category,budget,2021,2022\nB1,Maroc,Personnel,staff,30000,40000,30000\n"
               "B2,Maroc,Activités,operational,10000,20000,20000\nB3,Tunisie,Activités,operational,20000,30000,30000\n"
               "B4,,Coordination,support,5000,10000,5000\n")
    mini.append("expenditure", "B2,2021-06-30,-15000,Maroc,S1 2021")
    said = {p.rule: shown(p, "fr") for p in check_project("mini", mini.data_dir, mini.params_dir)}
    assert "les colonnes 2021, 2022 à côté de 'budget' ne sont pas lues" in said["periods_beside_amount"]
    assert "écrivez-y le montant total de chaque ligne" in said["periods_beside_amount"]
    assert "les dépenses de la ligne B2 totalisent -4\u202f999,5 (10\u202f000,5 dépensés" in said["negative_line_spending"]
    assert "Vérifiez le signe de ce montant" in said["negative_line_spending"]


def test_a_register_of_daily_lists_over_many_events_is_told_per_event_in_linear_time():
    """Each event's repeated rows were found by a scan of every row per event: 120 000 rows of daily lists over 1 000
    events took 56 s, 360 000 over 3 000 minutes. Grouped once now; the warnings are the same, per event, in order,
    and the persons of two sexes of one event are told in the order of their names, as before."""
    import time

    import numpy as np
    from pathlib import Path

    from helpers.data import register
    from helpers.data.readers import RawTable

    events, per, days = 3000, 40, 3
    codes = np.repeat(np.arange(events), per * days)
    persons = np.concatenate([np.tile(np.arange(per) + 7 * e, days) for e in range(events)])
    sex = np.where(persons % 2 == 0, "f", "m").astype(object)
    sex[[per * days * 3 + 1, per * days * 3]] = ["m", "f"]   # E3, day 1: person 22 m, person 21 f (two sexes)
    named = pd.DataFrame({"event_id": [f"E{c}" for c in codes], "person": [f"P{p:05d}" for p in persons],
                          "sex": sex}, index=pd.RangeIndex(2, len(codes) + 2))
    start = time.perf_counter()
    out, problems = register.aggregate(named.copy(), RawTable(path=Path("register.csv"), frame=named.copy()))
    assert time.perf_counter() - start < 30   # (2 s on two cores; the scan per event took minutes)
    twice = [p for p in problems if p.rule == "person_twice_in_event"]
    assert len(twice) == events and twice[3].row == 2 + 3 * per * days + per
    assert twice[3].message == ("40 person(s) of event 'E3' are on several of its rows ('P00021' again on row 402; 80 "
                                "repeated rows): each is counted once")
    differ = [p for p in problems if p.rule == "person_sex_differs"]
    assert [p.message.split("'")[1] for p in differ] == ["P00021", "P00022"]
    assert out["participants"].tolist() == [per] * events
