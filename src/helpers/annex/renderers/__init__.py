"""Renderers: one module per file of an annex, found by its name, all with one signature.

``annex/renderers/<name>.py`` makes ``<annex>.<name with each '_' read as '.'>`` (``html.py`` the ``.html``,
``figures_csv.py`` the ``.figures.csv``) with one function::

    def render(annex: RenderedAnnex) -> bytes

``annex`` carries what every renderer may need, computed once per annex by the build: the merged notebook, the
HTML page, the figures, the params, language, title, Word template and generation time. A renderer returns the
file's bytes (the same bytes for the same annex: pin any time it writes to ``annex.when``); the build writes them,
with the annex's other files, all at once (helpers.files.staged) when every renderer succeeded.

Adding a file to every annex is one new module here: the build lists the annex's files from the module names
(paths.renderer_suffixes, without importing them), ``registry`` imports them, the workers preload them. A renderer
imports what it needs inside ``render``: the module is imported by the fork server of every build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ...paths import renderer_suffixes

if TYPE_CHECKING:
    import nbformat
    import pandas as pd

    from ...data.params import AnnexParams


@dataclass(frozen=True)
class RenderedAnnex:
    """One annex as the renderers get it (build: pipeline.runner.export_annex; tests build their own)."""

    notebook: nbformat.NotebookNode   # the executed notebooks merged, in the annex language (export.merge)
    page: str                         # the HTML annex page (export.render): title block, sections, provenance
    figures: pd.DataFrame             # the long table of figures (analyses.figures, with the previous annex's)
    params: AnnexParams               # the annex's params (language already the one asked for)
    language: str                     # "fr" or "en"
    title: str                        # the annex's title
    kicker: str                       # the line above the title ("Annexe d'évaluation — <project>")
    template: Path | None             # the Word reference document (params word_template), None: the workbook's
    when: dt.datetime                 # the generation time (SOURCE_DATE_EPOCH when set)


Renderer = Callable[[RenderedAnnex], bytes]


def registry() -> dict[str, Renderer]:
    """{renderer name: its render function}, in name order (the names are those of paths.renderer_suffixes)."""
    found = {}
    for name in renderer_suffixes():
        module = import_module(f"{__name__}.{name}")
        if not callable(getattr(module, "render", None)):
            raise TypeError(f"{module.__file__}: a renderer module needs render(annex: RenderedAnnex) -> bytes")
        found[name] = module.render
    return found


def render_all(annex: RenderedAnnex) -> dict[str, bytes]:
    """{suffix: bytes} of every registered renderer for one annex."""
    suffixes = renderer_suffixes()
    out = {}
    for name, render in registry().items():
        content = render(annex)
        if not isinstance(content, bytes):
            raise TypeError(f"renderer {name} returned {type(content).__name__}, not bytes")
        out[suffixes[name]] = content
    return out
