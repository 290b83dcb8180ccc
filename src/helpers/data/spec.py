"""The data contract as plain values: which tables a project has, their columns and their vocabularies.

No pandera, no reader here: the analyses import these names without loading the validation machinery
(``schemas`` builds the pandera schemas from them, ``loader`` reads the files with them).

After loading (``helpers.data.loader.load_project``) every table has *all* its columns, in this order, with these
types, whether or not the file had the optional ones; an absent file gives an empty table. Analyses can rely on that.
Types after loading: ``str`` columns hold stripped text or NA; ``float`` columns hold float64 (NaN when empty);
``date`` columns hold datetime64[ns] (NaT when empty); ``bool`` columns hold True/False.
``country`` is "regional" for rows whose country is empty or "regional" (they belong to the project as a whole).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

REGIONAL = "regional"

STATUS_CODES = ("done", "in_progress", "not_started", "delayed", "seriously_delayed", "on_time", "ahead", "cancelled")
GROUPS = ("government", "workers", "employers", "civil_society", "migrants", "other")
BUDGET_CATEGORIES = ("staff", "operational", "support", "other")
LEVELS = ("impact", "outcome", "output")
DIRECTIONS = ("increase", "decrease")
SEXES = ("total", "f", "m")
COMPARISONS = ("=", ">", ">=", "<", "<=", "~")

FINANCED_TABLES = ("indicators", "participation")  # the tables whose rows may name their budget_lines


def split_lines(cell: Any) -> list[str]:
    """The budget lines a ``budget_lines`` cell names, in order, each once: 'R1; R6' -> ['R1', 'R6'] (separators
    ``;``, ``,`` or ``+``); empty -> []."""
    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return []
    seen: dict[str, None] = {}
    for part in re.split(r"[;,+]", str(cell)):
        if part.strip():
            seen.setdefault(part.strip(), None)
    return list(seen)
