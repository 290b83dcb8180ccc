"""One theme: every colour of the page, the Word and Excel files and the figures comes from annex/theme.py."""

from __future__ import annotations

import re

from helpers.annex import excel, plots, theme, word_style
from helpers.annex.export import TEMPLATES


def test_the_style_sheet_takes_every_colour_from_the_theme(monkeypatch):
    template = theme.ANNEX_CSS.read_text(encoding="utf-8")
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", template) == [], "a colour written in annex.css, not in theme.py"
    page = theme.css(template)
    assert "$" not in page
    for colour in (theme.INK, theme.ACCENT, theme.HEAD, theme.PANEL, *theme.RAG_FILL.values()):
        assert colour in page
    monkeypatch.setitem(theme.RAG_FILL, "green", "#00ff00")
    assert ".rag-green { background: #00ff00; }" in theme.css(template)


def test_ratings_are_shaded_alike_in_the_page_word_and_excel():
    page = theme.annex_css()
    for name, colour in theme.RAG_FILL.items():
        assert f".rag-{name} {{ background: {colour}; }}" in page
        assert word_style.RAG_FILLS[f"RAG {name.title()}"] == excel.RAG_FILLS[f"rag-{name}"] == theme.office(colour)
    lua = (TEMPLATES / "word" / "annex.lua").read_text(encoding="utf-8")
    for style in word_style.RAG_FILLS:  # the Lua filter gives each rated cell the style word shades
        assert f'"{style}"' in lua
    assert plots.RAG == {"green": theme.RAG_MARK["green"], "amber": theme.RAG_MARK["amber"],
                         "red": theme.RAG_MARK["red"], None: theme.RAG_MARK["grey"]}


def test_the_committed_word_reference_is_built_from_the_theme():
    """After a change of theme.py, `python -m helpers.annex.word_style` must be run and its result committed."""
    assert word_style.build_reference() == word_style.REFERENCE.read_bytes()


GREY_APART = 30   # of 255: two fills closer than this print as one grey


def test_every_two_statuses_are_told_apart_in_greyscale_print():
    """Printed in greyscale, « Réalisé » (grey 96) and « Très en retard » (106) were one dark grey in the activity
    status chart, as were « En avance », « En cours », « En retard » and « Dans les délais » (140 to 175): two
    statuses either print greys apart or are hatched differently, and the chart draws the hatches."""
    import itertools

    import pandas as pd

    for (a, ca), (b, cb) in itertools.combinations(theme.STATUS.items(), 2):
        assert abs(theme.grey(ca) - theme.grey(cb)) >= GREY_APART or theme.STATUS_HATCH[a] != theme.STATUS_HATCH[b], \
            (a, b, theme.grey(ca), theme.grey(cb))
    codes = list(theme.STATUS)
    counts = pd.DataFrame({"name": ["R1"] * len(codes), "status": codes, "n": range(1, len(codes) + 1)})
    fig = plots.stacked_status(counts, "name", "status", "n", order=codes, labels={}, title="t", xlabel="x")
    drawn = {bars.get_label(): bars.patches[0].get_hatch() or "" for bars in fig.axes[0].containers}
    assert drawn == {code: theme.STATUS_HATCH[code] for code in codes}
    legend = {t.get_text(): h.get_hatch() or "" for t, h in zip(fig.axes[0].get_legend().get_texts(),
                                                             fig.axes[0].get_legend().legend_handles)}
    assert legend == drawn
