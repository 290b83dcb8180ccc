"""Keep each built annex's figures for the next build to compare with (data.archive reads them).

``keep`` writes ``archive/<project>/<annex>/<reporting_date>.figures.csv`` once the annex's own files are in place,
atomically (a temporary file moved into place), to a path confined to the archive folder. A rebuild at the same
reporting date replaces that date's file: the archive holds, per date, the figures of the last successful build.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..data.archive import path_for


def keep(base: Path, project: str, annex: str, reporting_date: dt.date, figures_csv: bytes) -> Path:
    """Write an annex's figures.csv into the archive; returns the file written."""
    from ..files import write_atomic

    path = path_for(base, project, annex, reporting_date)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, figures_csv)
    return path
