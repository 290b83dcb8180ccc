"""`python -m helpers check`: every problem in every project's params and data, for a non-programmer.

Per project: the errors (each says the file, row or cell, column, value, rule and what to do), then the warnings,
then a one-line summary. Exit status 0 when there is no error (warnings do not fail), 1 otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from ..errors import Problem
from ..data.loader import check_project
from ..paths import DATA_DIR, PARAMS_DIR, project_names


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def report(project: str, problems: list[Problem], out: TextIO) -> None:
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    print(f"== {project} ==", file=out)
    for title, group in (("Errors (must be fixed)", errors), ("Warnings (worth a look)", warnings)):
        if group:
            print(f"{title}:", file=out)
            for problem in group:
                print("  " + str(problem).replace("\n", "\n  "), file=out)
    verdict = "OK" if not errors else "NOT READY"
    print(f"{project}: {verdict} - {_plural(len(errors), 'error')}, {_plural(len(warnings), 'warning')}.\n",
          file=out)


def run_check(projects: list[str] | None = None, data_dir: Path = DATA_DIR, params_dir: Path = PARAMS_DIR,
              out: TextIO | None = None) -> int:
    """Check the named projects (all projects under params/ when None). 0 when no errors, 1 otherwise."""
    out = out or sys.stdout
    names = list(projects) if projects else project_names(params_dir)
    if not names:
        print("No project found: add params/<project>/project.yaml and data/<project>/ (see data/README.md).",
              file=out)
        return 1
    failed = 0
    for name in names:
        problems = check_project(name, data_dir, params_dir)
        report(name, problems, out)
        failed += any(p.severity == "error" for p in problems)
    if len(names) > 1:
        print(f"{_plural(len(names), 'project')} checked, {failed} with errors.", file=out)
    return 1 if failed else 0
