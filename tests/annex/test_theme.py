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
