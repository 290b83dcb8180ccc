"""<annex>.figures.csv: every figure of the annex, one row each, text a spreadsheet would run neutralised (the
file the archive keeps for the next annex to compare with)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import RenderedAnnex


def render(annex: RenderedAnnex) -> bytes:
    from ..export import figures_csv

    return figures_csv(annex.figures)
