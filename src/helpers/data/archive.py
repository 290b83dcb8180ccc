"""The figures of earlier annexes: ``archive/<project>/<annex>/<reporting_date>.figures.csv``.

Each successful build keeps the annex's figures.csv there (``build.archive`` writes it, outside build/, so that
``make clean`` keeps it). A build compares with the latest file of a reporting date strictly **earlier** than its
own: a rebuild at the same date never compares with itself (it replaces that date's file), and a file of a later
date (the reporting date moved back) is ignored. Only names ``YYYY-MM-DD.figures.csv`` of real dates count.

The files are read as text (csv, no type guessing, nothing evaluated); a file that cannot be read stops the build
with a message naming it, rather than an annex compared with nothing without a word.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem, ValidationFailed
from ..files import unneutralise_text
from ..paths import ARCHIVE_DIR, ARCHIVE_ENV, SLUG, check_slug, relative, under

if TYPE_CHECKING:  # pandas is imported where a file is read: the build decides what is current without it
    import pandas as pd

NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})\.figures\.csv$")
SUFFIX = ".figures.csv"
NEEDED = ("metric", "key", "value")


@dataclass(frozen=True)
class Previous:
    """The archived figures a build compares with: their reporting date, file, and rows (metric, key, value,
    unit, status; keys as computed, the spreadsheet quote taken off)."""

    date: dt.date
    path: Path
    figures: pd.DataFrame


def root() -> Path:
    """The archive folder: the one the build names in the environment (``ARCHIVE_ENV``), else archive/."""
    named = os.environ.get(ARCHIVE_ENV)
    return Path(named) if named else ARCHIVE_DIR


def beside(build: Path) -> Path:
    """The archive of a build folder: archive/ beside a folder named build (the repository's), else
    ``<build>-archive`` beside it (a test's own)."""
    return build.parent / ("archive" if build.name == "build" else f"{build.name}-archive")


def folder(base: Path, project: str, annex: str) -> Path:
    return under(Path(base), check_slug(project, "project"), check_slug(annex, "annex"))


def path_for(base: Path, project: str, annex: str, reporting_date: dt.date) -> Path:
    """Where the figures of one annex at one reporting date are kept (confined to ``base``)."""
    return under(folder(base, project, annex), f"{_iso(reporting_date)}{SUFFIX}")


def dated_files(base: Path, project: str, annex: str) -> list[tuple[dt.date, Path]]:
    """(reporting date, file) of every archived figures file of an annex, oldest first."""
    where = folder(base, project, annex)
    found = []
    if where.is_dir():
        for path in where.iterdir():
            match = NAME.match(path.name)
            if not match or not path.is_file():
                continue
            try:
                found.append((dt.date.fromisoformat(match.group(1)), path))
            except ValueError:
                continue  # 2020-02-31.figures.csv: not a date, not ours
    return sorted(found)


def orphans(base: Path, project: str, annexes: list[str]) -> dict[str, dt.date]:
    """{folder: its latest reporting date} of the project's archive folders holding figures of an annex that no
    annex file of ``annexes`` names any more (one renamed, or removed): the archive is looked up by the annex's file
    name, so a renamed annex starts with no history, and its annex said « no earlier annex is archived »."""
    where = under(Path(base), check_slug(project, "project"))
    if not where.is_dir():
        return {}
    found = {}
    for sub in sorted(where.iterdir()):   # (a folder whose name is no annex name is not ours)
        if sub.is_dir() and sub.name not in annexes and SLUG.match(sub.name):
            dates = dated_files(base, project, sub.name)
            if dates:
                found[sub.name] = dates[-1][0]
    return found


def orphan_problems(base: Path, project: str, annexes: list[str]) -> list[Problem]:
    """A warning per archive folder of an annex no params file names, when an annex's archive starts after it (or
    it has none): most likely the same annex renamed, whose change section compares with nothing (or with its
    builds under the new name only) without a word."""
    left = orphans(base, project, annexes)
    dates = {a: [d for d, _ in dated_files(base, project, a)] for a in annexes} if left else {}
    problems = []
    for name, day in left.items():
        fresh = [a for a in annexes if all(d > day for d in dates[a])]
        if not fresh:
            continue
        old = relative(Path(base) / project / name)
        new = relative(Path(base) / project / (fresh[0] if len(fresh) == 1 else "<annex>"))
        problems.append(Problem(
            old, "archive_orphan", f"the archive keeps the figures of the annex '{name}' (latest at {_iso(day)}), and "
            f"no file params/{project}/{name}.yaml names it any more; the archive of {', '.join(fresh)} starts "
            "later or is empty: an annex renamed has lost its history, its change section comparing with nothing",
            f"If params/{project}/{fresh[0] if len(fresh) == 1 else '<annex>'}.yaml is the annex '{name}' renamed, "
            f"move the files of {old}/ into {new}/ (then build again); if the annex was removed, leave them.",
            severity="warning"))
    return problems


def previous_file(base: Path, project: str, annex: str, reporting_date) -> tuple[dt.date, Path] | None:
    """The latest archived file of a reporting date strictly before ``reporting_date``, or None."""
    day = _date(reporting_date)
    earlier = [(d, p) for d, p in dated_files(base, project, annex) if d < day]
    return earlier[-1] if earlier else None


def read(path: Path) -> pd.DataFrame:
    """An archived figures.csv: metric, key, value (float, NaN when empty), unit, status, note."""
    import pandas as pd

    try:
        text = path.read_text(encoding="utf-8")
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise _unreadable(path, f"it cannot be read ({type(exc).__name__}: {str(exc).splitlines()[0]})") from None
    cut = _cut_short(text)
    if cut:
        raise _unreadable(path, cut)
    missing = [c for c in NEEDED if c not in frame.columns]
    if missing:
        raise _unreadable(path, f"it has no column {', '.join(missing)}")
    value = pd.to_numeric(frame["value"].replace({"": None, "nan": None}), errors="coerce").astype("float64")
    # a value that is no number (« 38,7 »: the file saved again by a spreadsheet with a decimal comma) was read as
    # n.d., and the annex said every such figure « non calculable dans l'annexe précédente »
    bad = value.isna() & ~frame["value"].str.strip().isin(["", "nan"])
    if bad.any():
        at = int(bad.to_numpy().argmax())
        raise _unreadable(path, f"row {at + 2}: the value '{frame['value'].iloc[at][:40]}' is not a number as "
                          "figures.csv writes them (1234.5; a spreadsheet that saved it again may have written "
                          "1234,5)")
    out = pd.DataFrame({
        "metric": frame["metric"].map(_unquote).astype(str),
        "key": frame["key"].map(_unquote).astype(str),
        "value": value,
        "unit": frame["unit"].astype(str) if "unit" in frame else "",
        "status": frame["status"].astype(str) if "status" in frame else "",
        "note": frame["note"].map(_unquote).astype(str) if "note" in frame else "",   # an indicator's target, in it
    })
    return out.drop_duplicates(["metric", "key"], keep="first").reset_index(drop=True)


def _cut_short(text: str) -> str:
    """Why the file ends in the middle of a row ('' when it does not): its last row, without the line end every
    row is written with, has fewer cells than the header. A copy interrupted (a disk full, a download stopped)
    kept « spent,total,1200 » of « spent,total,120000.0,EUR,... »: the earlier value read as 1 200, and the figures
    after it said « did not exist in the earlier annex »."""
    if not text or text.endswith(("\n", "\r")):
        return ""
    rows = list(csv.reader(io.StringIO(text)))
    if len(rows) < 2 or len(rows[-1]) >= len(rows[0]):
        return ""
    return (f"it ends in the middle of row {len(rows)} ('{','.join(rows[-1])[:60]}': {len(rows[-1])} of the "
            f"header's {len(rows[0])} cells, and no line end): the file was cut short (a copy interrupted?)")


def previous(base: Path, project: str, annex: str, reporting_date) -> Previous | None:
    """The figures of the latest earlier annex (see the module docstring), or None when there is none."""
    found = previous_file(base, project, annex, reporting_date)
    if found is None:
        return None
    day, path = found
    return Previous(day, path, read(path))


def _unquote(text: str) -> str:
    """A key as computed: figures.csv marks text that a spreadsheet would run with a leading quote."""
    return unneutralise_text(text)


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip()[:10])


def _iso(value) -> str:
    return _date(value).isoformat()


def _unreadable(path: Path, why: str) -> ValidationFailed:
    return ValidationFailed([Problem(relative(path), "archive_unreadable",
                                     f"the figures kept from an earlier annex: {why}",
                                     "Restore the file from a copy (or from git), or delete it: the annex is then "
                                     "compared with the archived annex before it, if any.")])


def reporting_date_of(params_dir: Path, project: str, annex: str) -> dt.date | None:
    """The annex's reporting date read cheaply from its YAML files (the annex's, else project.yaml's), for the build
    to decide what is current before anything heavy is imported; None when it cannot be read (validation says why)."""
    import yaml

    day = None
    for name in ("project", annex):
        try:
            raw = yaml.safe_load((Path(params_dir) / project / f"{name}.yaml").read_text(encoding="utf-8-sig"))
        except (OSError, ValueError, yaml.YAMLError):
            continue
        if isinstance(raw, dict) and raw.get("reporting_date") is not None:
            day = raw["reporting_date"]
    try:
        return _date(day) if day is not None else None
    except (ValueError, TypeError):
        return None
