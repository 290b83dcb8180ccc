"""The inputs a notebook declares, and the guard that holds it to them.

A notebook says what it reads in its parameters cell, e.g. ``reads = ["budget", "expenditure"]``: names of tables of
the data contract (schemas.TABLES), ``"studies"`` for the impact studies, or ``"*"`` for everything (the figures
of the whole annex need it), ``"surveys"`` for the beneficiary surveys, ``"figures"`` for the annex's figures (the build
then runs the notebook after its figures step, and reads them from there). ``open_annex(..., reads=reads)`` then gives it those only: reading any other table is
an error that names the declaration to fix, so a declaration cannot go stale. The build reruns a notebook only when
one of its declared inputs changed (build.runner's notebook cache).
"""

from __future__ import annotations

import ast
import dataclasses
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..data.schemas import TABLES

EVERYTHING = "*"
STUDIES = "studies"
SURVEYS = "surveys"
FIGURES = "figures"   # the annex's figures (ctx.figures): the build computes them once, before such a notebook runs


class UndeclaredInput(KeyError):
    """A notebook read a table it did not declare."""

    def __str__(self) -> str:
        return str(self.args[0])


def _refuse(name: str, reads: Iterable[str]) -> UndeclaredInput:
    return UndeclaredInput(f"this notebook reads '{name}' but does not declare it: add \"{name}\" to reads = "
                           f"{sorted(reads)!r} in its parameters cell")


class DeclaredTables(Mapping):
    """The project's tables, of which only the declared ones can be read."""

    def __init__(self, tables: Mapping[str, Any], reads: Iterable[str]):
        self._tables, self._reads = tables, frozenset(reads)

    def __getitem__(self, name: str):
        if name not in self._reads:
            raise _refuse(name, self._reads)
        return self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return (name for name in self._tables if name in self._reads)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _NoStudies(Mapping):
    what = STUDIES

    def __init__(self, reads: Iterable[str]):
        self._reads = frozenset(reads)

    def __getitem__(self, name):
        raise _refuse(self.what, self._reads)

    def __iter__(self):
        raise _refuse(self.what, self._reads)

    def __len__(self):
        raise _refuse(self.what, self._reads)


class _NoSurveys(_NoStudies):
    what = SURVEYS


def check_reads(reads: Iterable[str]) -> list[str]:
    reads = list(reads)
    unknown = [r for r in reads if r not in (*TABLES, STUDIES, SURVEYS, FIGURES, EVERYTHING)]
    if unknown:
        raise ValueError(f"reads names {unknown}; use table names ({', '.join(TABLES)}), '{STUDIES}', "
                         f"'{SURVEYS}', '{FIGURES}' or '{EVERYTHING}'")
    return reads


def restrict(data, reads: Iterable[str] | None):
    """``data`` (a loader.ProjectData) holding only the declared inputs; everything when reads is None or "*"."""
    if reads is None:
        return data
    reads = check_reads(reads)
    if EVERYTHING in reads:
        return data
    studies = data.studies if STUDIES in reads else _NoStudies(reads)
    surveys = data.surveys if SURVEYS in reads else _NoSurveys(reads)
    later = {name: rows for name, rows in data.later.items() if name in reads}
    return dataclasses.replace(data, tables=DeclaredTables(data.tables, reads), studies=studies, surveys=surveys,
                               later=later)


def declared_reads(notebook: Path) -> list[str] | None:
    """What the notebook's parameters cell assigns to ``reads`` (None when it declares nothing)."""
    cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell.get("source", ""))
            for node in ast.parse(source).body:
                if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "reads" for t in node.targets):
                    return check_reads(ast.literal_eval(node.value))
    return None
