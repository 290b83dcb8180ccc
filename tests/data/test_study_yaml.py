"""The keys of a study's YAML for a comparison not drawn at random, and its labels, read through the loader (the
``mini`` fixture's survey): what loads, and the problem ``make check`` names when it does not."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from fixtures.mini_project import Mini

STUDY = "impact/survey.yaml"


@pytest.fixture
def mini(tmp_path) -> Mini:
    return Mini.copy_to(tmp_path)


def test_adjustment_terms_and_labels_load(mini):
    mini.append(STUDY, "adjustment: ipw\nestimand: att\ntrim: [0.1, 0.9]\n"
                       "propensity: [age, {column: age, power: 2}, {column: age, is_zero: true}]\n"
                       "labels: {score: {fr: Note, en: Score}, age: {fr: Âge}}")
    assert mini.check() == []
    spec = mini.load().studies["survey"].spec
    assert spec.adjustment == "ipw" and spec.trim == (0.1, 0.9) and len(spec.score_terms()) == 3
    assert spec.label("score", "en") == "Score" and spec.label("age", "en") == "age"


def test_a_label_for_a_column_the_data_lacks_is_a_warning_with_a_guess(mini):
    mini.append(STUDY, "labels: {scor: {fr: Note, en: Score}}")
    [problem] = mini.check()
    assert problem.severity == "warning" and problem.rule == "label_without_column"
    assert problem.column == "scor" and "Did you mean 'score'?" in problem.hint


def test_a_score_term_naming_a_missing_column_is_an_error(mini):
    mini.append(STUDY, "adjustment: ipw\npropensity: [age, {column: revenu, is_zero: true}]")
    [problem] = mini.errors()
    assert problem.rule == "study_column_missing" and problem.column == "revenu"


@pytest.mark.parametrize("lines,column,hint", [
    ("adjustment: aipw\nestimand: att", "adjustment", "`adjustment: ipw`"),
    ("adjustment: ipw\npropensity: [{column: age, power: 2, is_zero: true}]", "propensity.0", "data/README.md"),
    ("adjustment: matching", "adjustment", "data/README.md"),
    # (checks of the whole file: they named the key '(file)' and said « See data/README.md »)
    ("se: cluster", "cluster", "`cluster: <the column of the clusters>`"),
    ("design: did", "period", "`period: {column:"),
    ("adjustment: ipw\ntrim: [0.9, 0.1]", "trim", "trim: [0.1, 0.9]"),
])
def test_what_cannot_be_estimated_is_named_in_the_yaml(mini, lines, column, hint):
    mini.replace(STUDY, "design: two_group\n", "") if lines.startswith("design") else None
    mini.append(STUDY, lines)
    [problem] = mini.errors()
    assert problem.rule == "bad_value" and problem.column == column and problem.file.endswith("survey.yaml")
    assert hint in problem.hint, problem.hint


def test_a_yes_no_outcome_with_a_few_other_values_is_told_and_a_count_is_not(mini):
    """'employed' 0/1 with four rows of 2 (1 = yes, 2 = no typed on a few questionnaires): read as a number, not a
    share, without a word. A warning names the other values; a count outcome (0 to 3 jobs) is left alone."""
    rows = [f"{i},{'T' if i % 2 else 'C'},{i % 2},{20 + i % 30}" for i in range(1, 101)]
    rows[10] = rows[10].rsplit(",", 2)[0] + ",2,30"
    mini.write("impact/survey.csv", "id,arm,score,age\n" + "\n".join(rows) + "\n")
    [problem] = mini.check()
    assert (problem.rule, problem.severity, problem.row, problem.value) == ("outcome_almost_binary", "warning", 12, "2")
    assert "0 or 1 on 99 rows and something else on 1: 2 (1 row)" in problem.message
    counts = [f"{i},{'T' if i % 2 else 'C'},{i % 4},{20 + i % 30}" for i in range(1, 101)]
    mini.write("impact/survey.csv", "id,arm,score,age\n" + "\n".join(counts) + "\n")
    assert mini.check() == []


def test_the_far_above_warning_names_the_other_values_beyond_the_fence(mini):
    """Three treated persons of 100 whose yearly income was typed in a monthly one (x 12: 27 218, 25 727, 18 843
    among about 2 000): the warning named the first two, « far above them all (at most 18 843) », and the third, under
    10 times three quarters of the values, kept the effect at 268 (95 with it corrected) once those two were, nothing
    said. The third is named beside them, with Tukey's fence (3 interquartile ranges above three quarters)."""
    rng = np.random.default_rng(5)
    rows = []
    for i in range(200):
        y = rng.normal(2000, 400) + (100 if i % 2 else 0)
        rows.append(f"{i},{'T' if i % 2 else 'C'},{y * (12 if i in (1, 3, 5) else 1):.0f},30")
    mini.write("impact/survey.csv", "id,arm,score,age\n" + "\n".join(rows) + "\n")
    [problem] = [p for p in mini.check() if p.rule == "outcome_far_above"]
    values = pd.read_csv(mini.path("impact/survey.csv"))["score"]
    q1, q3 = values.quantile([0.25, 0.75])
    third = sorted(values)[-3]
    assert third < 10 * q3 and third > q3 + 3 * (q3 - q1)
    assert "1 other value(s) are also beyond three interquartile ranges" in problem.message
    assert f": {third}: the means" in problem.message and f"(at most {sorted(values)[-4]})" in problem.message
