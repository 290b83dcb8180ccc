"""Invariants of the design-based survey estimates, by generation over the synthetic tracer survey (strata, centres
as clusters, sampling weights; tests/analyses/test_invariants_written.py writes it as KoboToolbox does): weights
x k (each still a number of people: the survey asks a total) and centres under other codes give the same shares,
means, standard errors, intervals, degrees of freedom and n, and totals x k. Not the design effect against sampling
without replacement: its population is the weights' sum, as in R's survey (``deff = TRUE``)."""

from __future__ import annotations

import random
from functools import lru_cache

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from test_invariants import FEW
from test_invariants_written import _folder, _survey_estimates, _write_survey


@lru_cache(maxsize=1)
def _before():
    """The survey as generated: its submissions, repeat rows and estimates (once for every example)."""
    from helpers.data.synthetic_survey import make_tracer_survey

    submissions, jobs = make_tracer_survey()
    folder = _folder()
    _write_survey(folder, submissions, jobs)
    return submissions, jobs, _survey_estimates(folder)[0]


@FEW
@given(st.sampled_from([0.5, 7.0, 1000.0]), st.booleans(), st.integers(0, 2**32))
def test_weights_in_another_unit_and_centres_under_other_codes_change_no_share_or_mean(k, recode, seed):
    submissions, jobs, a = _before()
    after = submissions.copy()
    after["poids"] = after["poids"] * k
    if recode:   # one code for one centre (the strata, the countries, stay as the form lists them)
        codes = after["identification/centre"].unique().tolist()
        random.Random(seed).shuffle(codes)
        after["identification/centre"] = after["identification/centre"].map(
            {c: f"C{n:03d}" for n, c in enumerate(codes)})
    folder = _folder()
    _write_survey(folder, after, jobs)
    b = _survey_estimates(folder)[0]
    assert list(a.index) == list(b.index) and (a["stat"] == "total").any()
    unitless = ["df", "n"]
    pd.testing.assert_frame_equal(b[unitless], a[unitless], rtol=1e-7, check_dtype=False)
    money = ["estimate", "se", "ci_low", "ci_high"]
    expected = a[money].copy()
    totals = a["stat"] == "total"
    expected.loc[totals] = expected.loc[totals] * k
    pd.testing.assert_frame_equal(b[money], expected, rtol=1e-7, check_dtype=False)
