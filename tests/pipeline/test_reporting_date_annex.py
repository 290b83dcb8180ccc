"""The annex names the events it leaves out for starting after the reporting date (analyses/test_reporting_date.py
checks the figures and the warning): a real build of the sample's Tunisie annex with one planned event added."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analyses.figures import annex_figures
from helpers.data.loader import load_project
from helpers.data.params import load_annex_params
from helpers.pipeline import runner
from sample_layout import sample_layout

pytestmark = pytest.mark.slow
PLANNED = "NEW-21,500,400,Tunisie,Formation prévue en 2021,2021-03-01,2021-03-05,government,100,,,,\n"


def test_the_annex_names_the_event_after_the_reporting_date_and_leaves_it_out(tmp_path):
    layout = sample_layout(tmp_path, ["tunisie"])
    register = layout.data / "amem" / "participation.csv"
    expected = annex_figures(load_project("amem", layout.data, layout.params),
                             load_annex_params("amem", "tunisie", layout.params))
    with register.open("a", encoding="utf-8") as f:
        f.write(PLANNED)
    assert runner.build(project="amem", annex="tunisie", layout=layout, timeout=300) == 0
    page = (layout.build / "annexes" / "amem" / "tunisie.html").read_text(encoding="utf-8")
    assert ("1 événement commençant après la date de rapport (31 décembre 2020) n'est pas compté : NEW-21."
            in page.replace("\u00a0", " "))
    built = pd.read_csv(layout.build / "annexes" / "amem" / "tunisie.figures.csv")
    women = built[built["metric"] == "women_share"].set_index("key")["value"]
    assert women.to_dict() == pytest.approx(
        expected[expected["metric"] == "women_share"].set_index("key")["value"].to_dict(), nan_ok=True)
