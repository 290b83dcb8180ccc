"""Survey estimates (helpers.analyses.surveys, through the loader helpers.data.surveys) against R's survey package.

tests/fixtures/survey/api_reference.R made api_reference.json from R's apistrat and apiclus1 samples (and a copy of
apistrat with a stratum cut to one school, for R's lonely.psu = "adjust"); nothing runs R here. The CSVs are put
in a project's surveys/ folder with a YAML, read by the loader, and estimated as the annex does.
"""

import json
import math
import shutil
from pathlib import Path

import pytest

from helpers.analyses import surveys as est
from helpers.data.surveys import load_surveys

FIXTURES = Path(__file__).parents[1] / "fixtures" / "survey"
# the lonely-stratum rows document R's "adjust" (svy's "center" differs for totals): the loader refuses that design
REFERENCE = [r for r in json.loads((FIXTURES / "api_reference.json").read_text())["rows"]
             if r["design"] != "apistrat_lonely"]
DESIGNS = {
    "apistrat": "{weights: pw, strata: stype, fpc: fpc}",
    "apiclus1": "{weights: pw, clusters: dnum, fpc: fpc}",
}
ESTIMATES = """estimates:
  - {mean: api00, by: stype}
  - {mean: api00, by: sch.wide}
  - {total: enroll, by: stype}
  - {total: enroll, by: sch.wide}
  - {share: awards, by: stype}
  - {share: awards, by: sch.wide}
"""


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    folder = tmp_path_factory.mktemp("surveys")
    for name, design in DESIGNS.items():
        shutil.copy(FIXTURES / f"{name}.csv", folder / f"{name}.csv")
        (folder / f"{name}.yaml").write_text(f"title: {name}\ndesign: {design}\n{ESTIMATES}", encoding="utf-8")
    shutil.copy(FIXTURES / "apistrat_lonely.csv", folder / "apistrat_lonely.csv")
    (folder / "apistrat_lonely.yaml").write_text("title: lonely\ndesign: {weights: pw, strata: stype}\n")
    surveys, problems, _ = load_surveys(folder)
    assert all(p.file.endswith("apistrat_lonely.csv") for p in problems), problems
    return surveys, problems, {name: est.estimates(s).set_index("key") for name, s in surveys.items()}


def _key(r):
    variable = r["variable"] + (f"={r['level']}" if r["stat"] == "share" else "")
    return f"{r['design']}:{variable}" + (f":{r['by']}={r['by_value']}" if r["by"] else "")


def _close(mine, theirs):
    if theirs is None:
        return math.isnan(mine)
    return mine == theirs or abs(mine - theirs) <= 1e-6 * abs(theirs)


@pytest.mark.parametrize("r", REFERENCE, ids=lambda r: f"{_key(r)}[{r['stat']}]")
def test_estimates_equal_r_survey(api, r):
    """Estimate, SE, design effect, t interval (df of the domain), n; for shares also R's svyciprop logit
    interval; to 1e-6 relative."""
    table = api[2][r["design"]]
    row = table[table["stat"] == r["stat"]].loc[_key(r)]
    assert _close(row["estimate"], r["estimate"]) and _close(row["se"], r["se"]), (row, r)
    assert _close(row["deff"], r["deff"]), (row["deff"], r["deff"])
    assert row["n"] == r["n"] and row["df"] == r["df"]
    if r["stat"] == "share" and r["logit_low"] is not None:
        assert _close(row["ci_low"], r["logit_low"]) and _close(row["ci_high"], r["logit_high"])
    else:
        assert _close(row["ci_low"], r["ci_low"]) and _close(row["ci_high"], r["ci_high"])


def test_every_reference_value_is_compared(api):
    """The loader produced every key R computed (so none of the comparisons above is skipped by a missing key)."""
    keys = {(r["design"], r["stat"], _key(r)) for r in REFERENCE}
    mine = {(d, s, k) for d, t in api[2].items() for k, s in zip(t.index, t["stat"])}
    assert keys <= mine


def test_a_stratum_with_a_single_unit_is_refused_with_its_place(api):
    surveys, problems, _ = api
    lonely = [p for p in problems if p.rule == "survey_single_cluster"]
    assert len(lonely) == 1 and lonely[0].file.endswith("apistrat_lonely.csv") and lonely[0].severity == "error"
    assert lonely[0].column == "stype" and lonely[0].value == "H" and lonely[0].row == 152
    assert "Merge this stratum" in lonely[0].hint and "apistrat_lonely" not in surveys
