"""Invariants of the impact estimates, by generation over the sample's study written again as a researcher may
write it (difference in differences, IPW weights for the ATT, standard errors clustered by site, subgroups): the
rows in another order, the people and sites under other identifiers, the arms under other codes, the file as .xlsx,
an outcome in other units (x k) or moved by a constant. Each estimate, standard error, interval, p-value and mean
is the same, or the same times k; a move by a constant changes no difference in differences."""

from __future__ import annotations

import math
import random
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.analyses.impact import estimate_effects
from helpers.data.loader import load_study
from helpers.data.params import load_project_params
from helpers.paths import DATA_DIR, PARAMS_DIR
from test_invariants import FEW

STUDY = DATA_DIR / "amem" / "impact"
SCALED = "monthly_earnings"
MONEY = ["estimate", "se", "ci_low", "ci_high", "mean_treated", "mean_comparison", "mean_treated_pre",
         "mean_treated_post", "mean_comparison_pre", "mean_comparison_post"]   # in the outcome's unit
PURE = ["p_value", "df", "n", "n_treated", "n_comparison", "n_clusters"]   # numbers without a unit
MEANS = [c for c in MONEY if c.startswith("mean")]


def _effects(frame: pd.DataFrame, xlsx: bool = False, treated: str = "treated") -> pd.DataFrame:
    """The sample study's effects, its data written from ``frame`` (as .csv or .xlsx) beside its YAML."""
    with tempfile.TemporaryDirectory(prefix="impact-invariant-") as folder:
        spec = (STUDY / "training_survey.yaml").read_text(encoding="utf-8")
        Path(folder, "training_survey.yaml").write_text(spec.replace("treated: treated", f"treated: {treated}"),
                                                        encoding="utf-8")
        if xlsx:
            frame.to_excel(Path(folder, "training_survey.xlsx"), index=False)
        else:
            frame.to_csv(Path(folder, "training_survey.csv"), index=False)
        study, problems = load_study(Path(folder, "training_survey.yaml"), load_project_params("amem", PARAMS_DIR))
        assert [str(p) for p in problems if p.severity == "error"] == []
        effects = estimate_effects(study)
    return effects.sort_values(["outcome", "method", "term", "subgroup", "subgroup_value"],
                               na_position="first").reset_index(drop=True)


@pytest.fixture(scope="module")
def sample() -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = pd.read_csv(STUDY / "training_survey.csv", dtype=str, keep_default_na=False)
    return frame, _effects(frame)


def _same(after: pd.DataFrame, before: pd.DataFrame, scale: float = 1.0, shift: float = 0.0) -> None:
    """Rows alike; SCALED's figures ``scale`` times (its means moved by ``shift`` too), the others equal."""
    assert after[["outcome", "method", "term", "subgroup", "subgroup_value"]].equals(
        before[["outcome", "method", "term", "subgroup", "subgroup_value"]])
    pd.testing.assert_frame_equal(after[PURE], before[PURE], rtol=1e-7, check_dtype=False)
    expected = before[MONEY].copy()
    mine = before["outcome"] == SCALED
    expected.loc[mine, MONEY] = expected.loc[mine, MONEY] * scale
    expected.loc[mine, MEANS] = expected.loc[mine, MEANS] + shift
    pd.testing.assert_frame_equal(after[MONEY], expected, rtol=1e-7, atol=1e-9 * max(1.0, scale), check_dtype=False)


@FEW
@given(st.integers(0, 2**32), st.booleans(), st.booleans())
def test_rows_in_another_order_under_other_identifiers_and_arm_codes_give_the_same_effects(sample, seed, rename,
                                                                                            xlsx):
    frame, before = sample
    rng = random.Random(seed)
    after = frame.sample(frac=1.0, random_state=rng.randrange(2**32)).reset_index(drop=True)
    treated = "treated"
    if rename:   # other people's, sites' and arms' codes: one for one
        for column, prefix in (("respondent_id", "P-"), ("site", "S")):
            codes = after[column].unique().tolist()
            rng.shuffle(codes)
            after[column] = after[column].map({c: f"{prefix}{n:05d}" for n, c in enumerate(codes)})
        treated = rng.choice(["T", "traité", "1"])
        after["group"] = after["group"].map(lambda g: treated if g == "treated" else "C" if treated == "T" else
                                            "témoin" if treated == "traité" else "0")
    _same(_effects(after, xlsx=xlsx, treated=treated), before)


@FEW
@given(st.sampled_from([1000.0, 0.1, 3.7]), st.sampled_from([0.0, 250.0]))
def test_an_outcome_in_other_units_or_moved_by_a_constant_scales_its_effects_only(sample, scale, shift):
    frame, before = sample
    after = frame.copy()
    moved = pd.to_numeric(after[SCALED].replace("", None)) * scale + shift
    after[SCALED] = moved.map(lambda v: "" if math.isnan(v) else repr(v))   # (blanks stay blank)
    effects = _effects(after)
    # a difference in differences is not moved by a constant: only the means are, by shift (times nothing else)
    _same(effects, before, scale=scale, shift=shift)
    assert not math.isnan(effects.loc[effects["outcome"] == SCALED, "estimate"].iloc[0])
