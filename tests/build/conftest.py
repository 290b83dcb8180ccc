"""The sample project built once per test session, for every end-to-end test of the annexes."""

from __future__ import annotations

import pytest

from helpers.build import runner
from sample_layout import sample_layout


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The five AMEM annexes built from a copy of the sample (about a minute on two cores)."""
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
