"""A notebook declares the inputs it reads (``reads`` in its parameters cell) and gets those only."""

import pytest

from helpers.annex import open_annex
from helpers.annex.declared import UndeclaredInput, declared_reads, restrict
from helpers.data.loader import load_project
from helpers.data.schemas import TABLES
from helpers.paths import NOTEBOOKS_DIR


def test_every_notebook_declares_what_it_reads():
    reads = {path.stem: declared_reads(path) for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb"))}
    assert reads == {"10_execution": ["activities", "indicators"],
                     "20_budget": ["budget", "expenditure", "indicators", "participation"],
                     "30_gender": ["participation"], "40_impact": ["studies"], "50_surveys": ["surveys"],
                     "90_published_figures": ["*", "figures"]}


def test_reading_an_undeclared_table_is_an_error_that_says_what_to_declare():
    ctx = open_annex("amem", "ensemble", reads=["budget", "expenditure"])
    assert len(ctx.data.tables["budget"]) > 0 and ctx.has("expenditure")
    with pytest.raises(UndeclaredInput, match=r"reads 'participation' but does not declare it: add \"participation\""):
        ctx.data.tables["participation"]
    with pytest.raises(UndeclaredInput):
        ctx.has("activities")
    with pytest.raises(UndeclaredInput, match="studies"):
        sorted(ctx.data.studies)
    with pytest.raises(UndeclaredInput):
        ctx.figures  # every figure of the annex needs every table: only "*" may ask for them
    assert sorted(ctx.data.tables) == ["budget", "expenditure"]


def test_everything_or_no_declaration_gives_the_whole_project():
    data = load_project("amem")
    assert restrict(data, None) is data and restrict(data, ["*"]) is data
    assert sorted(open_annex("amem", "ensemble", reads=["*"]).data.tables) == sorted(TABLES)
    with pytest.raises(ValueError, match="budjet"):
        restrict(data, ["budjet"])
