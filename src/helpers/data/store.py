"""The validated project, written once per build and read by every notebook and the export.

A build validates each project once (``loader.check_project``), then writes what ``load_project`` would return into
``build/validated/<project>/``: one Parquet file per table and per study (types kept: text, float64, datetime64,
bool) and ``project.json`` (params, files, warnings, study descriptions, and the key it was made from). The key
(helpers.fingerprint) is the SHA-256 of the checksums of the project's data and params files and of the code that
validates them (this room and the bottom modules it imports: paths, errors), so a changed input, loader or message
never serves stale tables.

Notebooks find the store through the environment variable ``WORKBOOK_VALIDATED`` (the build sets it for its
workers and kernels). Without it, as in a notebook opened in JupyterLab, ``open_annex`` loads and validates the
project itself. JSON and Parquet only: nothing read back can run code.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from .. import fingerprint
from ..errors import Problem
from .model import ProjectData, Study, StudySpec
from . import surveys
from .params import ProjectParams

ENV = "WORKBOOK_VALIDATED"
FORMAT = 1


def input_files(project: str, data_dir: Path, params_dir: Path) -> list[tuple[str, Path]]:
    """(name, path) of each file a project's validated data depends on, in a stable order."""
    files = []
    for label, base in (("data", Path(data_dir) / project), ("params", Path(params_dir) / project)):
        if base.is_dir():
            files += [(f"{label}/{p.relative_to(base)}", p) for p in sorted(base.rglob("*")) if p.is_file()]
    return files


def key(project: str, data_dir: Path, params_dir: Path) -> str:
    """SHA-256 over the checksums of the inputs and of the code that validates them (fingerprint.digest, computed
    once per build)."""
    return fingerprint.key("store", FORMAT, files=[*input_files(project, data_dir, params_dir),
                                                   *fingerprint.named(fingerprint.code_files("data"),
                                                                      fingerprint.PACKAGE)])


def folder(root: Path, project: str) -> Path:
    return root / project


def current(root: Path, project: str, wanted: str) -> bool:
    try:
        return json.loads((folder(root, project) / "project.json").read_text(encoding="utf-8"))["key"] == wanted
    except (OSError, ValueError, KeyError):
        return False


def save(data: ProjectData, root: Path, made_from: str, data_dir: Path, params_dir: Path) -> Path:
    """Write ``data`` under root/<project>/, replacing the previous store only once it is complete."""
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{data.project}.", dir=root))
    try:
        for name, frame in data.tables.items():
            frame.to_parquet(staging / f"table-{name}.parquet", index=False)
        for name, study in data.studies.items():
            study.data.to_parquet(staging / f"study-{name}.parquet", index=False)
        for name, survey in data.surveys.items():
            survey.data.to_parquet(staging / f"survey-{name}.parquet", index=True)
        meta = {
            "format": FORMAT, "key": made_from, "project": data.project,
            "data_dir": str(Path(data_dir).resolve()), "params_dir": str(Path(params_dir).resolve()),
            "params": data.params.model_dump(mode="json"), "present": sorted(data.present),
            "files": [str(p) for p in data.files], "digests": data.digests, "warnings": [dataclasses.asdict(p) for p in data.warnings],
            "tables": list(data.tables),
            "studies": {name: {"spec": s.spec.model_dump(mode="json"), "files": [str(p) for p in s.files]}
                        for name, s in data.studies.items()},
            "surveys": {name: surveys.about(s) for name, s in data.surveys.items()},
        }
        (staging / "project.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        target = folder(root, data.project)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{data.project}.old.", dir=root))
            os.replace(target, old / "store")
        os.replace(staging, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return target
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def load(root: Path, project: str, data_dir: Path, params_dir: Path) -> ProjectData | None:
    """The stored project, or None when there is none for these data and params folders."""
    where = folder(root, project)
    try:
        meta = json.loads((where / "project.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("format") != FORMAT or meta.get("project") != project \
            or meta.get("data_dir") != str(Path(data_dir).resolve()) \
            or meta.get("params_dir") != str(Path(params_dir).resolve()):
        return None
    tables = {name: pd.read_parquet(where / f"table-{name}.parquet") for name in meta["tables"]}
    studies = {name: Study(name, StudySpec(**about["spec"]), pd.read_parquet(where / f"study-{name}.parquet"),
                           [Path(p) for p in about["files"]]) for name, about in meta["studies"].items()}
    survey_data = {name: surveys.from_about(name, about, pd.read_parquet(where / f"survey-{name}.parquet"))
                   for name, about in meta.get("surveys", {}).items()}
    return ProjectData(project, ProjectParams.model_validate(meta["params"]), tables, set(meta["present"]), studies,
                       [Path(p) for p in meta["files"]], [Problem(**p) for p in meta["warnings"]],
                       digests=meta.get("digests", {}), surveys=survey_data)


def from_environment(project: str, data_dir: Path, params_dir: Path) -> ProjectData | None:
    """The build's store for this project, when the build said where it is (WORKBOOK_VALIDATED)."""
    root = os.environ.get(ENV)
    return load(Path(root), project, data_dir, params_dir) if root else None
