"""French headers (spec.FRENCH_HEADERS) read as the contract's columns: `femmes` is `women`, `pays` is `country`.

The loader calls ``header_sets`` to find a header row written in French below title rows, and ``translate`` to
rename the French columns of a table as read; a contract header present in the same file wins over its French
name, which is then reported as ignored.
"""

from __future__ import annotations

import itertools
from typing import Sequence

from ..errors import Problem
from ..text import fold
from .readers import RawTable
from .spec import FRENCH_HEADERS


def _aliases(table: str) -> dict[str, str]:
    """Folded French header -> contract column."""
    return {fold(french): column for column, names in FRENCH_HEADERS.get(table, {}).items() for french in names}


def header_sets(table: str, required_sets: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    """The required sets, then every way of writing them with the columns' French names (`événement` or
    `code_événement` for `event_id`, mixed with English ones): a header row below title rows is found whichever
    names it uses. A few dozen sets per table at most."""
    names = FRENCH_HEADERS.get(table, {})
    out = [tuple(r) for r in required_sets]
    for required in required_sets:
        for choice in itertools.product(*[(c, *names.get(c, ())) for c in required]):
            if choice not in out:
                out.append(choice)
    return out


def translate(table: str, raw: RawTable) -> list[Problem]:
    """Rename the French columns of ``raw`` (in place) to the contract's names; a warning when both are present."""
    aliases = _aliases(table)
    renames: dict[str, str] = {}
    problems: list[Problem] = []
    present = set(raw.frame.columns)
    for name in raw.frame.columns:
        column = aliases.get(fold(name))
        if column is None or column == name:
            continue
        if column in present or column in renames.values():
            written = raw.headers.get(name, name)
            problems.append(raw.problem(
                "french_duplicate", f"the column '{written}' (French for '{column}') is ignored: the file also has "
                f"a column '{raw.headers.get(column, column)}'", f"Keep one of the two columns.",
                index=raw.header_row, column=name, severity="warning"))
            continue
        renames[name] = column
    if renames:
        raw.frame = raw.frame.rename(columns=renames)
        for old, new in renames.items():
            for mapping in (raw.letters, raw.headers):
                if old in mapping:
                    mapping[new] = mapping.pop(old)
    return problems
