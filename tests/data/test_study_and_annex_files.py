"""Issue 21, items 4 and 6: a study description's problems all in one run (a misspelt key and a missing column
together), and two annex files covering one country named together in a warning."""

from __future__ import annotations

import pytest

from fixtures.mini_project import Mini

STUDY = "impact/survey.yaml"


@pytest.fixture
def mini(tmp_path) -> Mini:
    return Mini.copy_to(tmp_path)


def test_a_misspelt_key_and_a_missing_column_are_listed_in_the_same_run(mini):
    mini.replace(STUDY, "covariates: [age]", "covariate: [age]\nsubgroups: [sexe]")
    rules = {(p.rule, p.column) for p in mini.errors()}
    assert ("unknown_key", "covariate") in rules
    assert ("study_column_missing", "sexe") in rules


def test_a_misspelt_required_key_is_read_under_its_name_for_the_other_checks(mini):
    mini.replace(STUDY, "outcomes: [score]", "outcome: [scores]")
    problems = mini.errors()
    assert any(p.rule == "unknown_key" and "Did you mean 'outcomes'?" in p.hint for p in problems)
    assert any(p.rule == "study_column_missing" and p.column == "scores" for p in problems)


def test_two_annex_files_for_one_country_are_named_together(mini):
    mini.write_param_file("maroc-bis", "country: maroc\nname: Maroc (bis)\n")
    [warning] = [p for p in mini.check() if p.rule == "duplicate_annex"]
    assert warning.severity == "warning"
    assert warning.file.endswith("params/mini/maroc.yaml") or warning.file.endswith("params/mini/maroc-bis.yaml")
    assert "maroc-bis.yaml" in str(warning) and "params/mini/maroc.yaml" in str(warning)


def test_accents_and_case_do_not_hide_a_duplicate_annex(mini):
    mini.write_param_file("maroc2", "country: MAROC\nname: Maroc\n")
    mini.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    mini.write_param_file("ensemble2", "country: All\nname: Ensemble 2\n")
    found = {p.file.rsplit("/", 1)[-1]: p.message for p in mini.check() if p.rule == "duplicate_annex"}
    assert set(found) == {"maroc2.yaml", "maroc.yaml"} - {"maroc.yaml"} | {"ensemble2.yaml"}
    assert "the same as 'Maroc' (case and accents aside)" in found["maroc2.yaml"]
