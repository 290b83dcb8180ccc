"""women_share (pooled, unknown sex, Wilson only for samples) and gender_parity_index."""

import math

import pandas as pd
import pytest

from analysis_frames import frame
from helpers.analyses.gender import gender_parity_index, women_share
from helpers.data.params import Thresholds


@pytest.fixture
def participation():
    return frame("participation", [
        {"event_id": "E1", "participants": 10, "women": 9, "country": "Maroc"},
        {"event_id": "E2", "participants": 90, "women": 9, "country": "Maroc", "men": 80},
        {"event_id": "E3", "participants": 40, "women": None, "country": "Tunisie"},
        {"event_id": "S1", "participants": 50, "women": 20, "men": 30, "country": "Tunisie", "sample": True},
    ])


def test_pooled_not_averaged(participation):
    out = women_share(participation[participation["country"] == "Maroc"]).iloc[0]
    assert out["share"] == pytest.approx(18 / 99 * 100)           # pooled: 18 / 99 (E2's 1 of unknown sex out)
    assert out["share"] != pytest.approx((90 + 10) / 2)            # the mean of the row shares would be 50


def test_unknown_sex_counted(participation):
    out = women_share(participation).iloc[0]
    assert out["women"] == 38 and out["participants"] == 149       # E3 (women unknown) and E2's 1 are left out
    assert out["participants_sex_unknown"] == 40 + 1               # E3's 40 + E2's 90 - 9 - 80
    assert out["participants_not_in_share"] == 40                  # rows without a women count: E3
    assert out["participants_total"] == 149 + 41                   # each participant once
    assert out["n_rows_women_unknown"] == 1
    assert not out["sample"] and math.isnan(out["ci_low"])          # census and sample rows mixed


def test_census_has_no_interval(participation):
    out = women_share(participation, by="event_id").set_index("event_id")
    assert math.isnan(out.loc["E1", "ci_low"]) and "census" in out.loc["E1", "note"]
    assert math.isnan(out.loc["E3", "share"])


def test_wilson_interval_matches_formula(participation):
    out = women_share(participation, by="event_id").set_index("event_id").loc["S1"]
    x, n, z = 20, 50, 1.959963984540054
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    assert out["ci_low"] == pytest.approx((centre - half) * 100, abs=1e-9)
    assert out["ci_high"] == pytest.approx((centre + half) * 100, abs=1e-9)
    assert bool(out["sample"])


def test_by_country(participation):
    out = women_share(participation, by="country").set_index("country")
    assert out.loc["Tunisie", "share"] == pytest.approx(40.0)
    assert out.loc["Tunisie", "participants_sex_unknown"] == 40


def test_gender_parity_index(participation):
    t = Thresholds()
    out = gender_parity_index(participation, t, by="event_id").set_index("event_id")
    assert out.loc["E2", "gpi"] == pytest.approx(9 / 80) and out.loc["E2", "status"] == "women under-represented"
    assert math.isnan(out.loc["E1", "gpi"]) and out.loc["E1", "status"] == ""
    equal = frame("participation", [{"event_id": "P", "participants": 203, "women": 100, "men": 103}])
    assert gender_parity_index(equal, t).iloc[0]["status"] == "parity"         # 0.971
    many = frame("participation", [{"event_id": "P", "participants": 210, "women": 110, "men": 100}])
    assert gender_parity_index(many, t).iloc[0]["status"] == "men under-represented"
    total = gender_parity_index(participation, t).iloc[0]
    assert total["gpi"] == pytest.approx((9 + 20) / (80 + 30)) and total["n_rows"] == 2


def test_one_row_per_sorted_key_gives_what_the_groupby_gives():
    from helpers.analyses import gender

    rows = frame("participation", [
        {"event_id": "E1", "participants": 10, "women": 4, "men": 6, "sample": True},
        {"event_id": "E2", "participants": 8},
        {"event_id": "E3", "participants": 5, "women": -0.0, "men": 2}])
    fast = women_share(rows, "event_id"), gender_parity_index(rows, Thresholds(), "event_id")
    shuffled = rows.iloc[[1, 0, 2]]      # not sorted: the groupby path
    slow = women_share(shuffled, "event_id"), gender_parity_index(shuffled, Thresholds(), "event_id")
    for a, b in zip(fast, slow):
        pd.testing.assert_frame_equal(a, b)
    keys = rows[["event_id"]].assign(x=[1.0, float("nan"), -0.0])
    out = gender._sums(keys, ["event_id"], ["x"])
    assert out["x"].tolist() == [1.0, 0.0, 0.0] and str(out["x"].iloc[2]) == "0.0"


def test_a_register_naming_its_persons_counts_each_person_once_over_its_events(tmp_path):
    """Sara Benali at three trainings (written 'BENALI', 'sara' once) is three participations and one person; a
    person whose sex is recorded at one event only has it; one who is 'f' at one event and 'm' at another has no
    sex; a row without a name is a participation no one can tell apart. A table of per-event counts names no one."""
    from fixtures.mini_project import Mini
    from helpers.analyses.gender import persons
    from helpers.data.loader import load_project

    mini = Mini.copy_to(tmp_path)
    mini.write("participation", "event_id,nom,prénom,sexe,pays\n"
               "E1,Benali,Sara,f,Maroc\nE1,Alaoui,Omar,m,Maroc\nE1,Karim,Ali,,Maroc\n"
               "E2,BENALI,sara,f,Maroc\nE2,Karim,Ali,m,Maroc\nE2,,,f,Maroc\nE2,Nour,Sami,f,Maroc\n"
               "E3,Benali,Sara,F,Tunisie\nE3,Nour,Sami,m,Tunisie\n")
    table = load_project("mini", mini.data_dir, mini.params_dir).tables["participation"]
    assert table["participants"].tolist() == [3, 4, 2]
    who = persons(table).iloc[0]
    # benali sara (f), alaoui omar (m), karim ali (m, recorded once), nour sami (f and m: unknown)
    assert who.to_dict() == {"persons": 4, "women": 1, "men": 2, "sex_unknown": 1, "participations": 9.0,
                             "unnamed": 1.0}
    assert persons(frame("participation", [{"event_id": "E1", "participants": 10, "women": 4}])) is None
    one_event = persons(table[table["event_id"] == "E3"]).iloc[0]       # what scope() keeps, counted alike
    assert (one_event["persons"], one_event["participations"]) == (2, 2.0)


def test_a_register_s_identifiers_tell_its_persons_apart(tmp_path):
    """A register with `Nom`, `Prénom` and `ID participant`: the identifier was ignored (« the file also has a column
    'person' »), two Mohamed Ali of E1 (P001, P002) counted once, E1's women's share 50 % for 33 %. The identifier
    tells persons apart, and finds one person under two spellings; a row without one falls back on its name."""
    from fixtures.mini_project import Mini
    from helpers.analyses.gender import persons
    from helpers.data.loader import check_project, load_project

    mini = Mini.copy_to(tmp_path)
    mini.write("participation", "Événement,Nom,Prénom,ID participant,Sexe,Pays\n"
               "E1,Ali,Mohamed,P001,H,Maroc\nE1,Ali,Mohamed,P002,H,Maroc\nE1,Benali,Sara,P003,F,Maroc\n"
               "E2,BENALI,sara,P003,F,Maroc\nE2,Nour,Sami,,H,Maroc\nE2,Nour,Sami,,H,Maroc\n")
    problems = check_project("mini", mini.data_dir, mini.params_dir)
    assert not [p for p in problems if p.rule in ("french_duplicate", "unknown_column")]
    twice = [p for p in problems if p.rule == "person_twice_in_event"]
    assert [(p.row, p.value) for p in twice] == [(7, "Nour Sami")]        # by name, where there is no identifier
    table = load_project("mini", mini.data_dir, mini.params_dir).tables["participation"]
    assert table["participants"].tolist() == [3, 2] and table["women"].tolist() == [1, 1]
    who = persons(table).iloc[0]
    assert (who["persons"], who["women"], who["men"]) == (4, 1, 3)       # P001, P002, P003, Nour Sami
    mini.write("participation", "event_id,sexe,email,pays\nE1,f,a@x.org,Maroc\nE1,f,A@X.org,Maroc\n"
                                "E1,m,b@x.org,Maroc\n")                   # an identifier alone, as an email
    table = load_project("mini", mini.data_dir, mini.params_dir).tables["participation"]
    assert table["participants"].tolist() == [2]


@pytest.mark.parametrize("omar", ["E3,Idrissi,Omar,,Maroc\nE3,Idrissi,Omar,m,Maroc\n",
                                  "E3,Idrissi,Omar,m,Maroc\nE3,Idrissi,Omar,,Maroc\n"])
def test_a_person_s_sex_blank_on_one_of_their_rows_is_the_sex_their_other_row_gives(tmp_path, omar):
    """Omar's sex blank on the first day's list and « m » on the second: with the blank row first he was counted of
    unknown sex (E3: 1 woman of 1, 100 %, parity n.d.), with the other first as a man (50 %): the share depended on
    the rows' order. He is a man either way."""
    from fixtures.mini_project import Mini
    from helpers.data.loader import check_project, load_project

    mini = Mini.copy_to(tmp_path)
    mini.write("participation", "event_id,nom,prénom,sexe,pays\nE3,Benali,Sara,f,Maroc\n" + omar)
    table = load_project("mini", mini.data_dir, mini.params_dir).tables["participation"]
    assert table[["participants", "women", "men"]].iloc[0].tolist() == [2, 1, 1]
    assert "sex_partly_unknown" not in [p.rule for p in check_project("mini", mini.data_dir, mini.params_dir)]


def test_a_table_with_its_own_persons_column_names_no_persons(tmp_path):
    """A per-event table with a column headed `Persons` (a count): not the register's persons, no `persons` figure
    (with the column's name shared, it said 0 distinct persons)."""
    from fixtures.mini_project import Mini
    from helpers.analyses.gender import persons
    from helpers.data.loader import load_project

    mini = Mini.copy_to(tmp_path)
    mini.write("participation", "event_id,participants,women,Persons,country\nE1,20,8,20,Maroc\nE2,10,5,10,Maroc\n")
    table = load_project("mini", mini.data_dir, mini.params_dir).tables["participation"]
    assert "persons" in table.columns and persons(table) is None


def test_a_parity_index_exactly_at_the_band_is_parity():
    """16.49 women-equivalents for 17 men (a weighted count) is 0.97 exactly, 0.9699999999999999 in binary fractions:
    it was « women under-represented » against parity from 0.97."""
    weighted = frame("participation", [{"event_id": "P", "participants": 33.49, "women": 16.49, "men": 17.0}])
    assert gender_parity_index(weighted, Thresholds()).iloc[0]["status"] == "parity"
