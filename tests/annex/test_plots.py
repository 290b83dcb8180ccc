"""The annex figures speak the annex language: tick and value labels read '0,2' and '1 000' in French."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.annex import Annex, fmt, plots
from helpers.data.loader import load_project, scope
from helpers.data.params import load_annex_params

NBSP = "\u00a0"


def _labels(fig) -> dict[str, list[str]]:
    """The tick label texts of a drawn figure, as a reader sees them."""
    fig.canvas.draw()
    ax = fig.axes[0]
    return {"x": [t.get_text() for t in ax.get_xticklabels() if t.get_text()],
            "y": [t.get_text() for t in ax.get_yticklabels() if t.get_text()],
            "texts": [t.get_text() for t in ax.texts]}


def _forest(lang: str):
    frame = pd.DataFrame({"name": ["Ensemble", "Femmes"], "estimate": [0.21, 0.12], "ci_low": [0.05, -0.1],
                          "ci_high": [0.37, 0.34]})
    return plots.forest(frame, "name", title="t", xlabel="x", fmt_value=lambda v: fmt.number(v, 2, lang), lang=lang)


def _stacked(lang: str):
    counts = pd.DataFrame({"name": ["R1", "R1", "R2"], "status": ["done", "in_progress", "done"],
                           "n": [1200, 800, 2500]})
    return plots.stacked_status(counts, "name", "status", "n", order=["done", "in_progress"],
                                labels={"done": "Réalisé", "in_progress": "En cours"}, title="t", xlabel="x",
                                lang=lang)


def test_decimal_ticks_follow_the_language():
    fr, en = _labels(_forest("fr")), _labels(_forest("en"))
    assert any("," in t for t in fr["x"]) and not any("." in t for t in fr["x"]), fr
    assert any("." in t for t in en["x"]) and not any("," in t for t in en["x"]), en
    assert "0,21" in fr["texts"] and "0.21" in en["texts"]          # value labels too


def test_thousands_ticks_follow_the_language():
    fr, en = _labels(_stacked("fr")), _labels(_stacked("en"))
    assert f"1{NBSP}000" in fr["x"] and "1,000" in en["x"], (fr, en)
    assert fr["y"] == ["R1", "R2"]                                  # category labels are left as they are


def test_hbar_percent_ticks_and_values(tmp_path):
    frame = pd.DataFrame({"name": ["a", "b"], "rate": [12.5, 87.25]})
    fig = plots.hbar(frame, "name", "rate", title="t", xlabel="x", lang="fr",
                     fmt_value=lambda v: fmt.percent(v, 1, "fr"))
    labels = _labels(fig)
    assert labels["texts"] == [f"12,5{NBSP}%", f"87,2{NBSP}%"] or labels["texts"] == [f"12,5{NBSP}%", f"87,3{NBSP}%"]
    assert labels["x"][:3] == ["0", "20", "40"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_annex_localises_every_figure_it_embeds(language):
    """A figure made without saying the language (as an older notebook would) still gets the annex's ticks."""
    params = load_annex_params("amem", "ensemble").model_copy(update={"language": language})
    data = load_project("amem")
    shown: list[str] = []
    ctx = Annex(params=params, project_data=data, data=scope(data, params.country), show=shown.append)
    counts = pd.DataFrame({"name": ["R1"], "status": ["done"], "n": [2500]})
    fig = plots.stacked_status(counts, "name", "status", "n", order=["done"], labels={}, title="t", xlabel="x")
    ctx.figure(fig, fr="f", en="e")
    expected = f"1{NBSP}200" if language == "fr" else "1,200"
    assert expected in _labels(fig)["x"] and shown[0].startswith("<figure>")
