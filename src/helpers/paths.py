"""Where things are. Every output path is resolved here and checked to stay under build/ (or archive/)."""

from __future__ import annotations

import os
import re
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

SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


class UnsafeName(ValueError):
    """A project or annex name that is not a slug (it could escape the build folder)."""


def check_slug(name: str, what: str) -> str:
    if not isinstance(name, str) or not SLUG.match(name):
        raise UnsafeName(
            f"{what} name {name!r} is not allowed: use letters, digits, '-' and '_' only "
            f"(no spaces, dots or slashes)."
        )
    return name


def under(base: Path, *parts: str) -> Path:
    """Join parts under base and refuse any result that leaves base."""
    base = base.resolve()
    path = base.joinpath(*parts).resolve()
    if path != base and base not in path.parents:
        raise UnsafeName(f"path {path} would leave {base}")
    return path


def relative(path: Path) -> str:
    """A path as the user sees it: relative to the repository when inside it."""
    try:
        return str(Path(path).resolve().relative_to(REPO_ROOT.resolve()))
    except ValueError:
        return str(path)


def project_names(params_dir: Path = PARAMS_DIR) -> list[str]:
    """Every project: a folder of params/ with a project.yaml."""
    return sorted(p.name for p in params_dir.iterdir() if (p / "project.yaml").is_file()) if params_dir.is_dir() else []


def annex_names(project: str, params_dir: Path = PARAMS_DIR) -> list[str]:
    """Every annex of a project: each YAML file of its params folder but project.yaml."""
    return sorted(p.stem for p in (params_dir / project).glob("*.yaml") if p.stem != "project")
