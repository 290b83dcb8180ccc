"""Executed notebooks -> one self-contained HTML annex and its figures.csv; every file written atomically.
(The Word and Excel annexes are made by ``word`` and ``excel``.)

The annex is rendered by nbconvert's HTMLExporter with the workbook's own template (templates/annex): outputs
only, no code and no prompts, inline style, embedded figures, nothing fetched from another host.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import os
import platform
import re
import subprocess
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import pandas as pd

from . import fmt
from ..paths import REPO_ROOT, relative

TEMPLATES = Path(__file__).parent / "templates"
LANG_TAGS = {"fr": "lang-fr", "en": "lang-en"}
DROP_TAGS = {"parameters", "injected-parameters", "remove"}
KEY_PACKAGES = ("pandas", "numpy", "statsmodels", "seaborn", "matplotlib", "pandera", "pydantic", "papermill",
                "nbconvert", "openpyxl")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
    """The annex page. meta: lang, title, kicker, facts [(name, value)], provenance [(name, value)]."""
    lang = meta["lang"]
    meta = dict(meta, provenance=provenance_words(meta.get("provenance", []), lang))
    annex = dict(meta, css=(TEMPLATES / "annex" / "annex.css").read_text(encoding="utf-8"),
                 toc_title="Sommaire" if lang == "fr" else "Contents",
                 provenance_title="Provenance" if lang == "fr" else "Provenance",
                 provenance_intro=("Fichiers et logiciels qui ont produit cette annexe (empreintes SHA-256)."
                                   if lang == "fr" else
                                   "Files and software that produced this annex (SHA-256 fingerprints)."))
    page, _ = exporter().from_notebook_node(nb, resources={"annex": annex})
    return add_toc(page)


# -- provenance ---------------------------------------------------------------------------------------------------
def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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


_PROVENANCE_FR = {"git commit": "Version du code (empreinte git)", "packages": "Bibliothèques",
                  "generated": "Produite le"}
_PROVENANCE_VALUES_FR = {" (+ uncommitted changes)": " (+ modifications non enregistrées)",
                         "unknown (not a git checkout)": "inconnue (pas un dépôt git)"}


def provenance_words(rows: Sequence[tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    """The provenance rows with their names (and the git state) in the annex language; file names stay as they are."""
    if lang != "fr":
        return list(rows)
    out = []
    for name, value in rows:
        for english, french in _PROVENANCE_VALUES_FR.items():
            value = value.replace(english, french)
        out.append((_PROVENANCE_FR.get(name, name), value))
    return out


# -- tables for spreadsheets --------------------------------------------------------------------------------------
def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe; numbers are left alone."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    return out


def figures_csv(figures: pd.DataFrame) -> bytes:
    return neutralise(figures).to_csv(index=False, lineterminator="\n").encode("utf-8")


def _pin_zip_times(data: bytes, when: dt.datetime) -> bytes:
    import zipfile

    source, target = io.BytesIO(data), io.BytesIO()
    fixed = when.timetuple()[:6]
    stamp = fixed if fixed[0] >= 1980 else (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<",
                                 lambda m: b"<dcterms:" + m.group(1) + m.group(2) + b">"
                                 + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + b"<", content)
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, content)
    return target.getvalue()


_UMASK = os.umask(0)
os.umask(_UMASK)


# -- writing ------------------------------------------------------------------------------------------------------
@contextmanager
def staged(folder: Path) -> Iterator[dict[str, bytes]]:
    """Collect {file name: bytes}; when the block ends without error, write each to a temporary file beside its
    target and move it into place. A failure or an interrupt leaves the previous files as they were and no
    temporary file behind."""
    files: dict[str, bytes] = {}
    yield files
    folder.mkdir(parents=True, exist_ok=True)
    temps: list[tuple[str, Path]] = []
    try:
        for name, content in files.items():
            handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            os.chmod(temp, 0o666 & ~_UMASK)  # mkstemp makes files private; an annex is meant to be shared
            temps.append((name, Path(temp)))
        for name, temp in temps:
            os.replace(temp, folder / name)
    finally:
        for _, temp in temps:
            temp.unlink(missing_ok=True)


def write_atomic(path: Path, content: bytes) -> None:
    with staged(path.parent) as files:
        files[path.name] = content


def facts(params, data_files: Sequence[Path]) -> list[tuple[str, str]]:
    """The title block's quick facts, in the annex language."""
    lang = params.language
    words = {
        "fr": ("Projet", "Bailleur", "Mise en œuvre", "Pays", "Période couverte", "Date de rapport", "Données"),
        "en": ("Project", "Donor", "Implemented by", "Country", "Period covered", "Reporting date", "Data"),
    }[lang]
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
