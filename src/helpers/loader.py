"""load_project(): read, validate and type every table of a project. The only way notebooks get data.

(Contract stub: the implementation is being written; the dataclasses and signatures below are fixed.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import Problem
from .params import ProjectParams
from .paths import DATA_DIR, PARAMS_DIR
from .schemas import StudySpec


@dataclass
class Study:
    name: str                 # the file's base name, e.g. "training_survey"
    spec: StudySpec
    data: pd.DataFrame        # the CSV as read, numbers typed with the project's decimal mark
    files: list[Path]         # the CSV and the YAML


@dataclass
class ProjectData:
    project: str
    params: ProjectParams
    tables: dict[str, pd.DataFrame]          # every table of schemas.TABLES; absent file -> empty table
    present: set[str]                        # the tables that had a file
    studies: dict[str, Study] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)      # every data file read, for provenance
    warnings: list[Problem] = field(default_factory=list)


def load_project(project: str, data_dir: Path = DATA_DIR, params_dir: Path = PARAMS_DIR) -> ProjectData:
    """Raises errors.ValidationFailed with every problem when anything breaks the contract."""
    raise NotImplementedError


def check_project(project: str, data_dir: Path = DATA_DIR, params_dir: Path = PARAMS_DIR) -> list[Problem]:
    """Every problem (errors and warnings) in a project's params, annex files, tables and studies."""
    raise NotImplementedError


def scope(data: ProjectData, country: str) -> ProjectData:
    """The rows of one country (matched ignoring case and accents), or everything for "all"."""
    raise NotImplementedError
