"""<annex>.docx: the annex page through pandoc and python-docx (annex.word), in the annex's Word template."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import RenderedAnnex


def render(annex: RenderedAnnex) -> bytes:
    from .. import word

    return word.docx(annex.page, annex.language, annex.title, annex.kicker, annex.template, annex.when)
