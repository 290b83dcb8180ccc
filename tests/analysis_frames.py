"""Typed test frames for the analysis helpers: build a table as the loader returns it (schemas.COLUMNS)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.schemas import COLUMNS, REGIONAL


def frame(table: str, rows: list[dict] | dict[str, list] | None = None, **columns) -> pd.DataFrame:
    """A typed table with every schema column: from a list of row dicts, a dict of columns, or keyword columns.

    Missing columns are filled with NA; str -> "str", float -> float64, date -> datetime64[ns], bool -> bool.
    ``country`` empty becomes "regional", as after loading.
    """
    if rows is None:
        data = pd.DataFrame(columns)
    elif isinstance(rows, dict):
        data = pd.DataFrame(rows)
    else:
        data = pd.DataFrame(rows)
    n = len(data)
    out = {}
    for column, kind in COLUMNS[table].items():
        values = data[column] if column in data else pd.Series([None] * n, dtype="object")
        values = values.reset_index(drop=True)
        if kind == "str":
            series = values.astype("object").where(values.notna(), None).astype("str")
            if column == "country":
                series = series.fillna(REGIONAL)
        elif kind == "float":
            series = pd.to_numeric(values, errors="raise").astype("float64")
        elif kind == "date":
            series = pd.to_datetime(values).astype("datetime64[ns]")
        else:
            series = values.astype("object").where(values.notna(), False).astype("bool")
        out[column] = series
    return pd.DataFrame(out, index=pd.RangeIndex(n))


def load_csv_project(project: str, data_dir=None, params_dir=None):
    """A small pandas reader of data/<project>/*.csv into a loader.ProjectData, for tests while the loader is a stub.

    Types every schema column (numbers with the project's decimal mark, ISO dates, status labels -> codes with
    helpers.status), fills absent columns with NA and country empty -> "regional". Studies are not read.
    """
    from pathlib import Path

    from helpers.loader import ProjectData
    from helpers.params import load_project_params
    from helpers.paths import DATA_DIR, PARAMS_DIR
    from helpers.status import normalise_status

    data_dir = Path(data_dir or DATA_DIR) / project
    params = load_project_params(project, Path(params_dir or PARAMS_DIR))
    tables, present = {}, set()
    for table, columns in COLUMNS.items():
        path = data_dir / f"{table}.csv"
        if path.is_file():
            raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=params.encoding)
            raw = raw.apply(lambda s: s.str.strip()).replace("", None)
            present.add(table)
        else:
            raw = pd.DataFrame({c: [] for c in columns})
        rows = {}
        for column, kind in columns.items():
            values = raw[column] if column in raw else pd.Series([None] * len(raw), dtype=object)
            if kind == "float" and params.decimal_mark == ",":
                values = values.str.replace(" ", "").str.replace(".", "").str.replace(",", ".")
            rows[column] = values
        if table == "activities":
            rows["status_label"] = rows["status"]
            rows["status"] = rows["status"].map(lambda s: normalise_status(s, params.status_synonyms))
        typed = frame(table, {c: list(v) for c, v in rows.items()})
        typed["country"] = typed["country"].where(typed["country"].str.lower() != "regional", REGIONAL)
        tables[table] = typed
    return ProjectData(project=project, params=params, tables=tables, present=present)
