"""<annex>.html: the annex page itself (export.render made it once, for this and the Word renderer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import RenderedAnnex


def render(annex: RenderedAnnex) -> bytes:
    return annex.page.encode("utf-8")
