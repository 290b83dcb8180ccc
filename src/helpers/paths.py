"""Where things are. Every output path is resolved here and checked to stay under build/ (or archive/)."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

# The package is installed editable from src/, so the repository is two levels above it.
HELPERS_DIR = Path(__file__).resolve().parent
REPO_ROOT = Path(os.environ.get("WORKBOOK_ROOT", Path(__file__).resolve().parents[2]))
DATA_DIR = REPO_ROOT / "data"
PARAMS_DIR = REPO_ROOT / "params"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
BUILD_DIR = REPO_ROOT / "build"
# Each built annex's figures, kept per reporting date outside build/ (make clean keeps them): data.archive
ARCHIVE_DIR = REPO_ROOT / "archive"
ARCHIVE_ENV = "WORKBOOK_ARCHIVE"  # the build tells its notebooks where the archive is (tests: a temporary one)
KERNEL_NAME = "evaluation-workbook"
# One module per output file of an annex (annex/renderers/<name>.py makes <annex>.<name with '_' read as '.'>)
RENDERERS_DIR = HELPERS_DIR / "annex" / "renderers"

NAME_MAX = 64  # characters of a project or annex name: a file name stays far below the 255 bytes of a file system
# The names of devices on Windows, whatever the case and the suffix: most evaluators open the annexes there, and
# a file con.html or aux.docx, or a folder prn/, cannot be created, unzipped or opened (an annex params/p/aux.yaml
# was built as aux.html without a word).
WINDOWS_DEVICE = re.compile(r"^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$", re.I)
SLUG = re.compile(rf"^(?!(?i:con|prn|aux|nul|com[0-9]|lpt[0-9])$)[A-Za-z0-9][A-Za-z0-9_-]{{0,{NAME_MAX - 1}}}$")
WINDOWS_DEVICE_REASON = ("it names a device on Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9), where no file or "
                         "folder may be so named")


def renderer_suffixes(folder: Path = RENDERERS_DIR) -> dict[str, str]:
    """{renderer: the suffix of the file it makes}, one per module of annex/renderers/ in name order: ``html.py``
    makes ``<annex>.html``, ``figures_csv.py`` makes ``<annex>.figures.csv`` (each '_' of the name read as '.').
    Read from the file names, importing nothing, so that the build decides what is current without the annex
    room (annex.renderers.registry imports them)."""
    return {p.stem: "." + p.stem.replace("_", ".") for p in sorted(folder.glob("*.py"))
            if not p.name.startswith("_")}


class UnsafeName(ValueError):
    """A project or annex name that is not a slug (it could escape the build folder)."""


def check_slug(name: str, what: str) -> str:
    if isinstance(name, str) and WINDOWS_DEVICE.match(name):
        raise UnsafeName(f"{what} name {name!r} is not allowed: {WINDOWS_DEVICE_REASON}; rename it, "
                         f"e.g. '{slugify(name, NAME_MAX)}'.")
    if not isinstance(name, str) or not SLUG.match(name):
        shown = repr(name[:NAME_MAX] + "...") if isinstance(name, str) and len(name) > NAME_MAX else repr(name)
        raise UnsafeName(
            f"{what} name {shown} is not allowed: use letters without accents, digits, '-' and '_' only "
            f"(no spaces, dots or slashes), at most {NAME_MAX} characters{slug_example(name)}."
        )
    return name


def slug_example(name: object) -> str:
    """', e.g. 'senegal-2024'' for a name refused as a slug ('Sénégal 2024': é is a letter to its writer), else ''."""
    # (not for a name too long or a path: the length, the slashes are what is wrong)
    example = slugify(re.sub(r"\.ya?ml$", "", name, flags=re.I), NAME_MAX) if isinstance(name, str) \
        and len(name) <= NAME_MAX and not re.search(r"[/\\]", name) else ""   # ANNEX=maroc.yaml: maroc
    return f", e.g. '{example}'" if example and example != name else ""


def slugify(text: str, limit: int = 40) -> str:
    """A name made from data (a country's name...): ASCII letters and digits joined by '-', lower case, at most
    ``limit`` characters (cut at a '-' when one is near); '' when nothing is left. The result matches SLUG."""
    plain = unicodedata.normalize("NFKD", text[:4 * limit]).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    if len(slug) > limit:
        cut = slug[:limit + 1].rfind("-")
        slug = slug[:cut if cut >= limit // 2 else limit].strip("-")
    return f"{slug}-1" if WINDOWS_DEVICE.match(slug) else slug   # 'Aux' -> 'aux-1' (WINDOWS_DEVICE)


def new_file(folder: Path, name: str, suffix: str) -> Path:
    """``folder/<name><suffix>`` for a file about to be created from data: ``name`` must be a slug (check_slug),
    the path must resolve to a file directly inside ``folder`` (no link or '..' leads elsewhere), and nothing may
    exist there yet (the import never overwrites what it did not create). Raises UnsafeName otherwise."""
    check_slug(name, "file")
    base = folder.resolve()
    path = (base / f"{name}{suffix}").resolve()
    if path.parent != base:
        raise UnsafeName(f"file name {name!r} would leave {base}")
    if path.exists() or path.is_symlink():
        raise UnsafeName(f"{path} exists already: it is not overwritten")
    return path


def under(base: Path, *parts: str) -> Path:
    """Join parts under base and refuse any result that leaves base."""
    base = base.resolve()
    path = base.joinpath(*parts).resolve()
    if path != base and base not in path.parents:
        raise UnsafeName(f"path {path} would leave {base}")
    return path


def relative(path: Path) -> str:
    """A path as the user sees it: relative to the repository when inside it. Its folders as written first: a
    data/<project> that is a link (the data kept in a synced folder elsewhere) named each file by its absolute
    place on the evaluator's disk, in the messages and in the annex's list of files sent to the donor."""
    for written, root in ((Path(os.path.abspath(path)), Path(os.path.abspath(REPO_ROOT))),
                          (Path(path).resolve(), REPO_ROOT.resolve())):
        try:
            return str(written.relative_to(root))
        except ValueError:
            continue
    return str(path)


def project_names(params_dir: Path = PARAMS_DIR) -> list[str]:
    """Every project: a folder of params/ with a project.yaml."""
    return sorted(p.name for p in params_dir.iterdir() if (p / "project.yaml").is_file()) if params_dir.is_dir() else []


def annex_names(project: str, params_dir: Path = PARAMS_DIR) -> list[str]:
    """Every annex of a project: each YAML file of its params folder but project.yaml."""
    return sorted(p.stem for p in (params_dir / project).glob("*.yaml") if p.stem != "project")
