"""The annex's colours, in one place: the HTML page (annex.css is filled from here), the Word reference document
and its RAG cells (word_style, word), the Excel workbook (excel) and the figures (plots).

Colours are written "#rrggbb", lower case, as CSS has them; ``office`` gives the "RRGGBB" that Word and Excel
files hold. Changing one here changes every format; the committed Word reference document
(templates/word/reference.docx) is built from these too: run ``python -m helpers.annex.word_style`` after a change.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from string import Template

ANNEX_CSS = Path(__file__).parent / "templates" / "annex" / "annex.css"

# -- the page ---------------------------------------------------------------------------------------------------
INK = "#1f2933"        # text, table rules
MUTED = "#5f6b7a"      # secondary text: kicker, captions, notes
LINE = "#d9dee4"       # thin rules between rows
ACCENT = "#2c6e9b"     # section rules, links, the Word headings; the figures' main colour
PAPER = "#ffffff"
HEAD = "#eef2f5"       # table header rows
PANEL = "#f5f7f9"      # the table of contents' panel

# -- ratings ----------------------------------------------------------------------------------------------------
# A rated cell (green/amber/red, grey: not computable) is shaded light; a rated mark in a figure is strong.
RAG_FILL = {"green": "#dcefe3", "amber": "#fbecc8", "red": "#f6d5d2", "grey": "#eceef0"}
RAG_MARK = {"green": "#3a8f5c", "amber": "#e0a526", "red": "#c8443a", "grey": "#8a8f98"}

# -- figures ----------------------------------------------------------------------------------------------------
FIGURE = ACCENT        # bars, points, lines
FIGURE_OTHER = RAG_MARK["grey"]   # what is compared with, not significant, unknown
AXIS_EDGE = "#cccccc"
GRID = "#e6e6e6"
ERROR_BAR = "#333333"
REFERENCE_LINE = "#555555"   # a target, zero, a bound
# Activity statuses: greens for done or on track, blues for under way, amber/red for late.
STATUS = {"done": "#2f7d4f", "ahead": "#5fa777", "on_time": "#8cc49b", "in_progress": "#6fa8d0",
          "not_started": "#b8c2cc", "delayed": RAG_MARK["amber"], "seriously_delayed": RAG_MARK["red"],
          "cancelled": GRID, "unknown": "#f0f0f0"}
# Printed in greyscale, « Réalisé » (#2f7d4f, grey 96) and « Très en retard » (#c8443a, grey 106) were one dark
# grey, as were « En avance », « En cours », « En retard » and « Dans les délais » (140 to 175): the statuses that
# a colour alone cannot tell apart in grey are hatched (GREY_APART in tests/annex/test_theme.py), the others plain.
STATUS_HATCH = {"done": "", "ahead": "..", "on_time": "\\\\", "in_progress": "", "not_started": "",
                "delayed": "//", "seriously_delayed": "xx", "cancelled": "--", "unknown": ""}


def grey(colour: str) -> int:
    """The grey (0-255) a colour prints as on a greyscale printer (ITU-R BT.601 luma)."""
    r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return round(0.299 * r + 0.587 * g + 0.114 * b)


def hatch_colour(colour: str) -> str:
    """A hatch seen on its fill: white lines on a dark fill, dark lines on a light one."""
    return PAPER if grey(colour) < 150 else REFERENCE_LINE


def office(colour: str) -> str:
    """"#2c6e9b" as a Word or Excel file holds it: "2C6E9B"."""
    return colour.lstrip("#").upper()


def css(template: str) -> str:
    """A style sheet with its ``$name`` placeholders filled from the theme (annex.css: ``$ink``, ``$rag_green``...)."""
    names = {"ink": INK, "muted": MUTED, "line": LINE, "accent": ACCENT, "paper": PAPER, "head": HEAD,
             "panel": PANEL, **{f"rag_{name}": colour for name, colour in RAG_FILL.items()}}
    return Template(template).substitute(names)


@lru_cache(maxsize=1)
def annex_css() -> str:
    """The style sheet of the annex page and of the index (templates/annex/annex.css, filled from the theme)."""
    return css(ANNEX_CSS.read_text(encoding="utf-8"))
