"""Executed notebooks -> the annex page (one self-contained HTML), its title block and provenance, the figures CSV.
(The files of an annex are made by the renderers, ``annex.renderers``; writing them by ``helpers.files``.)

The annex is rendered by nbconvert's HTMLExporter with the workbook's own template (templates/annex): outputs
only, no code and no prompts, inline style, embedded figures, nothing fetched from another host.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import platform
import re
import subprocess
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

import pandas as pd

if TYPE_CHECKING:  # imported where used (merge): importing this module stays light
    import nbformat

from . import fmt, theme
from .words import say
from ..files import neutralise, sha256
from ..paths import REPO_ROOT, relative

TEMPLATES = Path(__file__).parent / "templates"
LANG_TAGS = {"fr": "lang-fr", "en": "lang-en"}
DROP_TAGS = {"parameters", "injected-parameters", "remove"}
KEY_PACKAGES = ("pandas", "numpy", "statsmodels", "seaborn", "matplotlib", "pandera", "pydantic", "papermill",
                "nbconvert", "openpyxl")


# -- one notebook from several ------------------------------------------------------------------------------------
def merge(notebooks: Sequence[nbformat.NotebookNode], lang: str) -> nbformat.NotebookNode:
    """The cells of the executed notebooks in order, without parameters cells and the other language's cells."""
    import nbformat  # lazily: its JSON-schema validator takes seconds to import, the build's parent needs none

    other = {tag for code, tag in LANG_TAGS.items() if code != lang}
    merged = nbformat.v4.new_notebook()
    for nb in notebooks:
        for cell in nb.cells:
            tags = set(cell.get("metadata", {}).get("tags", []))
            if tags & (DROP_TAGS | other):
                continue
            merged.cells.append(cell)
    return merged


# -- HTML ---------------------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def exporter():
    """One HTMLExporter for the whole process: building it costs far more than using it."""
    from nbconvert import HTMLExporter

    return HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="annex", exclude_input=True,
                        exclude_input_prompt=True, exclude_output_prompt=True)


_HEADING = re.compile(r"<h([2-4])(?:\s[^>]*)?>(.*?)</h\1>", re.S)
_ANCHOR = re.compile(r'<a class="anchor-link"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def add_toc(page: str) -> str:
    """Give every section heading of <main> a plain id and put a nested table of contents at <!--TOC-->."""
    head, sep, rest = page.partition("<main>")
    if not sep:
        return page
    body, end, tail = rest.partition("</main>")
    entries: list[tuple[int, str, str]] = []

    def renumber(match: re.Match) -> str:
        level, inner = int(match.group(1)), _ANCHOR.sub("", match.group(2))
        anchor = f"s{len(entries) + 1}"
        entries.append((level, anchor, html.unescape(_TAG.sub("", inner)).strip()))
        return f'<h{level} id="{anchor}">{inner}</h{level}>'

    body = _HEADING.sub(renumber, body)
    toc, depth = [], 1
    for level, anchor, text in (e for e in entries if e[0] <= 3):
        want = level - 1
        while depth < want:
            toc.append("<ol>")
            depth += 1
        while depth > want:
            toc.append("</ol>")
            depth -= 1
        toc.append(f'<li><a href="#{anchor}">{html.escape(text)}</a></li>')
    toc.extend(["</ol>"] * (depth - 1))
    listing = "<ol>" + "".join(toc) + "</ol>"
    return head.replace("<!--TOC-->", listing) + sep + body + end + tail


def render(nb: nbformat.NotebookNode, meta: dict) -> str:
    """The annex page. meta: lang, title, kicker, facts [(name, value)], provenance [(name, value)], and optionally
    annex_name (« Maroc »), which the browser tab's title starts with."""
    lang = meta["lang"]
    meta = dict(meta, provenance=provenance_words(meta.get("provenance", []), lang))
    # every annex of a project had the project's title as its tab's title: five tabs read « Appui à la migration
    # équitable pour le Maghreb (AMEM) », the country cut off, if it was there at all
    tab = f"{meta['annex_name']} — {meta['title']}" if meta.get("annex_name") else meta["title"]
    annex = dict(meta, css=theme.annex_css(), page_title=tab,
                 toc_title=say("toc_title", lang), provenance_title=say("provenance_title", lang),
                 provenance_intro=say("provenance_intro", lang))
    page, _ = exporter().from_notebook_node(nb, resources={"annex": annex})
    return add_toc(page)


# -- scripts the annex fonts do not draw -------------------------------------------------------------------------
FIGURE_FONT = "DejaVu Sans"   # plots.style(); the page's last fallback too (annex.css)


@lru_cache(maxsize=1)
def _figure_font_chars() -> frozenset[int]:
    from matplotlib import font_manager, ft2font

    return frozenset(ft2font.FT2Font(font_manager.findfont(FIGURE_FONT)).get_charmap())


def _script(char: str) -> str:
    """« Devanagari », « Bengali », « CJK »: the first word of the character's Unicode name."""
    import unicodedata

    word = unicodedata.name(char, "?").split()[0]
    return word if len(word) <= 3 else word.title()


def undrawn_texts(page: str, limit: int = 5) -> tuple[list[tuple[str, str]], int]:
    """The texts of an annex page holding letters its figure font has not: (the text, up to 60 characters; its
    scripts), at most ``limit`` of them, and how many there are. A label in Devanagari printed boxes in the figures
    (and in the PDF of a computer without a font for it) and the build said nothing."""
    from lxml import html as lhtml

    body = lhtml.fromstring(page).find(".//main")
    if body is None:
        return [], 0
    for caption in body.findall(".//figcaption"):   # (a figure's caption lists the characters it could not draw)
        caption.drop_tree()
    known = _figure_font_chars()
    found: dict[str, str] = {}
    for text in body.itertext():
        undrawn = [c for c in text if c.isalpha() and ord(c) not in known]
        if undrawn:
            short = re.sub(r"\s+", " ", text).strip()
            found.setdefault(short if len(short) <= 60 else short[:59] + "…",
                             ", ".join(dict.fromkeys(_script(c) for c in undrawn)))
    return list(found.items())[:limit], len(found)


# -- provenance ---------------------------------------------------------------------------------------------------
def generated_at() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(tz=dt.timezone.utc).replace(microsecond=0)


@lru_cache(maxsize=1)
def git_commit() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True,
                                timeout=5, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO_ROOT,
                               capture_output=True, text=True, timeout=5).stdout.strip()
        return commit + (" (+ uncommitted changes)" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown (not a git checkout)"


def provenance(files: Iterable[Path], when: dt.datetime, digests: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Each file with its SHA-256: from ``digests`` (str(path) -> checksum of the bytes that were read and validated,
    ProjectData.digests) when known, so a file edited during the build is not attributed to the annex."""
    digests = digests or {}
    rows = [(relative(p), digests.get(str(p)) or sha256(p)) for p in sorted(set(files), key=lambda p: relative(p))]
    rows.append(("git commit", git_commit()))
    rows.append(("Python", platform.python_version()))
    packages = []
    for name in KEY_PACKAGES:
        try:
            packages.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            pass
    rows.append(("packages", ", ".join(packages)))
    rows.append(("generated", when.isoformat()))
    return rows


_PROVENANCE_NAMES = {"git commit": "provenance_git", "packages": "provenance_packages",
                     "generated": "provenance_generated"}
_PROVENANCE_VALUES = {" (+ uncommitted changes)": "provenance_uncommitted",
                      "unknown (not a git checkout)": "provenance_no_git"}


def provenance_words(rows: Sequence[tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    """The provenance rows with their names (and the git state) in the annex language; file names stay as they are."""
    out = []
    for name, value in rows:
        for english, key in _PROVENANCE_VALUES.items():
            value = value.replace(english, say(key, lang))
        out.append((say(_PROVENANCE_NAMES[name], lang) if name in _PROVENANCE_NAMES else name, value))
    return out


# -- tables for spreadsheets --------------------------------------------------------------------------------------
def figures_csv(figures: pd.DataFrame) -> bytes:
    """The long table of figures as CSV (UTF-8, LF), text a spreadsheet would run neutralised."""
    return neutralise(figures).to_csv(index=False, lineterminator="\n").encode("utf-8")


def facts(params, data_files: Sequence[Path]) -> list[tuple[str, str]]:
    """The title block's quick facts, in the annex language."""
    lang = params.language
    words = [say(f"fact_{name}", lang) for name in
             ("project", "donor", "implementer", "country", "period", "reporting_date", "data")]
    covered_to = min(params.reporting_date, params.end_date)
    rows = [(words[0], params.code)]
    if params.donor:
        rows.append((words[1], params.donor))
    if params.implementer:
        rows.append((words[2], params.implementer))
    rows += [
        (words[3], params.name),
        (words[4], f"{fmt.date(params.start_date, lang)} – {fmt.date(covered_to, lang)}"),
        (words[5], fmt.date(params.reporting_date, lang)),
        (words[6], ", ".join(sorted({p.name for p in data_files})) or fmt.missing(lang)),
    ]
    return rows
