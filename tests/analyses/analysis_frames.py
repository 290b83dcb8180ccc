"""Typed test frames for the analysis helpers: build a table as the loader returns it (schemas.COLUMNS)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.data.schemas import COLUMNS, REGIONAL


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
