"""The figures step: an annex's figures computed once per build, read by notebook 90 and the export; its impact
figures (the regressions) kept between builds while the studies, params and code are unchanged."""

from __future__ import annotations

import pandas as pd

from helpers.analyses import computed
from helpers.analyses.figures import annex_figures
from helpers.data.loader import load_project
from helpers.data.params import load_annex_params
from helpers.pipeline import runner
from sample_layout import sample_layout

MAROC = runner.Target("amem", "maroc")


def test_the_figures_step_writes_the_annexs_figures_and_keeps_the_impact_ones_by_their_inputs(tmp_path, monkeypatch):
    layout = sample_layout(tmp_path, ["maroc"], notebooks=None)
    assert runner._validate({"amem"}, layout) == set()
    step = runner.compute_figures(MAROC, layout, "")
    assert step.ok, step.error
    params = load_annex_params("amem", "maroc", layout.params)
    written = computed.path_for(layout.build / ".work", "amem", "maroc")
    expected = annex_figures(load_project("amem", layout.data, layout.params), params)
    pd.testing.assert_frame_equal(computed.load(written, computed.about(params)), expected)
    # what a notebook run by the build reads (ctx.figures), and not for another language
    monkeypatch.setenv(computed.ENV, str(layout.build / ".work"))
    pd.testing.assert_frame_equal(computed.from_environment(params), expected)
    assert computed.from_environment(params.model_copy(update={"language": "en"})) is None

    # the next build reads the kept impact figures: shown by a kept file altered on purpose
    [kept] = (layout.build / "cache" / "figures").glob("impact-*.parquet")
    impact = computed.load(kept, {"impact": str(MAROC)})
    assert len(impact) and set(impact["section"]) == {"impact"}
    computed.save(impact.assign(value=impact["value"] + 1000), kept, {"impact": str(MAROC)})
    assert runner.compute_figures(MAROC, layout, "").ok
    again = computed.load(written, computed.about(params))
    rows = again["section"] == "impact"
    assert (again.loc[rows, "value"].dropna() > 900).all()

    # an edited study (a new key): the regressions run again, the altered file is not used
    study = sorted((layout.data / "amem" / "impact").glob("*.csv"))[0]
    study.write_text(study.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert runner._validate({"amem"}, layout) == set()
    assert runner.compute_figures(MAROC, layout, "").ok
    pd.testing.assert_frame_equal(computed.load(written, computed.about(params)), expected)
