"""Shared by the whole suite: the sample annexes built once per session, and the Hypothesis profiles."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from helpers.pipeline import runner
from sample_layout import sample_layout

# CI runs the property tests on a fixed, derandomised set of examples in a few seconds; `make fuzz` runs the same
# tests with many more (HYPOTHESIS_PROFILE=fuzz).
settings.register_profile("ci", derandomize=True, max_examples=60, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The five AMEM annexes, built by the real runner (papermill, nbconvert) in a temporary layout."""
    layout = sample_layout(tmp_path_factory.mktemp("workbook"))
    code = runner.build(project="amem", layout=layout, timeout=300)
    assert code == 0
    return layout


@pytest.fixture(scope="session")
def built_en(built, tmp_path_factory):
    """One annex (Tunisie) built in English, from the same inputs."""
    layout = runner.Layout(data=built.data, params=built.params, notebooks=built.notebooks,
                           build=tmp_path_factory.mktemp("english"))
    assert runner.build(project="amem", annex="tunisie", language="en", layout=layout, timeout=300) == 0
    return layout
