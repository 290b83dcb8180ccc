"""An annex's figures, computed once per build and read by the notebooks and the export.

The build's figures step (pipeline.runner.compute_figures) computes ``figures.annex_figures`` once per annex and
writes it as Parquet into the annex's work folder; notebook 90 (``ctx.figures``) and the export read that file
instead of computing the figures again. The file says which annex and language it holds; a file for another one is
not used. Notebooks find the folder through ``WORKBOOK_FIGURES`` (set by the build, as ``WORKBOOK_VALIDATED`` is
for the validated project); without it, as in JupyterLab, ``ctx.figures`` computes the figures itself.

The impact figures (regressions) depend on the studies only: the figures step keeps them in build/cache/ under a key
of the studies' files, the params and the code (helpers.fingerprint), so an edited expenditure row does not run the
regressions again. Parquet only: nothing read back can run code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

ENV = "WORKBOOK_FIGURES"
FILE = "figures.parquet"
_META = b"workbook"


def about(params) -> dict:
    """What a figures file is of: the annex and its language (the decimal mark of the reconciliation)."""
    return {"project": params.project, "annex": params.annex, "language": params.language}


def save(frame: pd.DataFrame, path: Path, what: dict) -> Path:
    """Write ``frame`` to ``path`` (Parquet, types kept), said to be ``what``; atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), _META: json.dumps(what).encode()})
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(table, staging)
        os.replace(staging, path)
    finally:
        staging.unlink(missing_ok=True)
    return path


def load(path: Path, what: dict) -> pd.DataFrame | None:
    """The frame saved at ``path`` when it is ``what``; None when there is none or it is of something else."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (OSError, ValueError):
        return None
    if json.loads((table.schema.metadata or {}).get(_META, b"null")) != what:
        return None
    return table.to_pandas()


def path_for(root: Path, project: str, annex: str) -> Path:
    return Path(root) / project / annex / FILE


def from_environment(params) -> pd.DataFrame | None:
    """This build's figures of the annex, when the build said where they are (WORKBOOK_FIGURES)."""
    root = os.environ.get(ENV)
    return load(path_for(Path(root), params.project, params.annex), about(params)) if root else None
