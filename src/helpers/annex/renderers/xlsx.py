"""<annex>.xlsx: the annex's tables, one sheet per section, and the long table of figures (annex.excel)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import RenderedAnnex


def render(annex: RenderedAnnex) -> bytes:
    from .. import excel

    return excel.xlsx(annex.notebook, annex.figures, annex.when)
