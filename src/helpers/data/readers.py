"""CSV and .xlsx files -> raw tables, before any typing. One job: get the cells right, and say where each came from.

``read_table`` returns a :class:`RawTable` whose frame has

* column names as normalised header names (stripped, lowercased, inner spaces -> '_'): match schemas.COLUMNS;
* an index that *is* the row a person sees in a spreadsheet (the header row of a plain file is row 1), so
  ``RawTable.where(index, column)`` gives the row, and for .xlsx the cell ("Feuil1!C7"), of any value;
* object values: text (stripped) or None for CSV; for .xlsx, what the cell holds (text, int/float, datetime, bool).

Encoding policy for CSV: UTF-8 with or without BOM is always tried first. When that fails, the project's declared
``encoding`` (e.g. cp1252) is used if it is not UTF-8; otherwise the file is refused with a problem naming the row of
the first byte that is not UTF-8. Text is never shown garbled. The delimiter (``;``, ``,`` or tab) is sniffed from the
first line that has one (French Excel writes ``;``).

For .xlsx, values (not formulas) are read (openpyxl ``data_only=True``); a formula cell without a cached value
(the file was written by a program, never opened and saved in Excel) is reported, not read as empty. The header row is
the first row that holds the required columns, so title rows above it are skipped; the same holds for CSV.
Rows that are entirely empty are skipped (their numbers are kept, so later rows keep their spreadsheet numbers).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import itertools
import re
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Callable, Hashable, Iterable, Iterator, Sequence

import numpy as np
import pandas as pd

from ..errors import Problem
from ..paths import relative
from ..text import INVISIBLE_CHARACTERS, unaccented
from . import numbers
from .inputs import (CONTROL, CONTROL_HINT, ISOLATES, OPENERS, OVERRIDES, POP_EMBEDDING, POP_ISOLATE, MiB, Refused,
                     clipped, control_reason, read_digested, shown, unclosed_direction, unclosed_reason, zip_problem)

HEADER_SEARCH_ROWS = 30  # title rows allowed above the header
# Limits (data/README.md, "Limits"), checked before the work: a file over them is refused with a message.
MAX_CELL_CHARS = 32_767          # characters in one cell: Excel's own limit
MAX_XLSX_CELLS = 3_000_000       # cells of the sheet read from an .xlsx (streamed: about 1 GB of memory at most)
MAX_XLSX_ROWS = 1_048_576        # Excel's last row
XLSX_MAX_PART = 256 * MiB        # one part of an .xlsx, unpacked (3 million cells take about 150 MiB)
XLSX_MAX_TOTAL = 512 * MiB       # the whole .xlsx, unpacked
SPLIT_HINT = ("Save the sheet as 'CSV UTF-8' (a CSV file is read up to 512 MiB), or delete the columns and rows the "
              "table does not use (see data/README.md, 'Limits').")
# a refusal of the whole file: nothing of it is typed
UNREADABLE = ("encoding", "unreadable_xlsx", "not_a_file", "outside_folder", "file_too_large", "zip_bomb",
              "too_many_cells", "csv_cell_limit", "unclosed_quote", "several_sheets", "two_row_header",
              "too_many_columns")
UTF8_HINT = "save as 'CSV UTF-8' in Excel or declare `encoding: cp1252` in params/<project>/project.yaml"


def header_name(text: Any) -> str:
    """How a header cell is matched: ' Activity ID ' -> 'activity_id'; a form's trailing colon or required-field
    star is not part of it ('Pays :', 'Participants*' -> 'pays', 'participants'), nor is a form's « (obligatoire) »
    ('Femmes (obligatoire)' -> 'femmes': was a column not read, the table refused); Word's and Excel's typographic
    apostrophe is the typed one (« État d’avancement », « Pays d’intervention » were columns not read)."""
    if text is None:
        return ""
    name = str(text).replace("\ufeff", "").translate(_APOSTROPHES).strip().lower()
    name = _FORM_MARKS.sub("", name) or name
    return re.sub(r"\s+", "_", name)


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
_FORM_MARKS = re.compile(r"(?:[\s\u00a0]*(?:[:*]+|\((?:obligatoires?|requise?s?|facultati(?:f|ve)s?|optionnel(?:le)?s?"
                         r"|required|mandatory|optional)\)))+[\s\u00a0]*$", re.IGNORECASE)
# pandas' name for an empty header cell (read_excel / read_csv, then to_csv): 'Unnamed: 2', 'Unnamed: 2_level_1'
_PANDAS_UNNAMED = re.compile(r"unnamed:_?\d+(?:_level_\d+)?")


def _no_header(cell: Any) -> bool:
    """An empty header cell, or one a pandas round trip named 'Unnamed: 2': the same empty header (the column beside
    an amount merged over years, read and written again by a script, was ignored without a word)."""
    name = header_name(cell)
    return not name or bool(_PANDAS_UNNAMED.fullmatch(name))


@dataclass
class RawTable:
    path: Path
    frame: pd.DataFrame                         # index = spreadsheet row, columns = header_name()s, object values
    header_row: int = 1
    sheet: str | None = None                    # .xlsx only
    letters: dict[str, str] = field(default_factory=dict)   # column name -> spreadsheet letter
    headers: dict[str, str] = field(default_factory=dict)   # column name -> header as written
    problems: list[Problem] = field(default_factory=list)   # errors and warnings met while reading
    sha256: str | None = None                   # of the bytes read (the provenance of what was validated)
    merged: list["Merged"] = field(default_factory=list)   # .xlsx: cells merged over several rows, filled down
    hidden: list[int] = field(default_factory=list)         # .xlsx: rows of the table hidden (or filtered out)
    hidden_columns: list[str] = field(default_factory=list)  # .xlsx: letters of the named columns hidden
    struck: list[int] = field(default_factory=list)         # .xlsx: rows whose every value is struck through
    titles: list[tuple[int, str]] = field(default_factory=list)   # rows above the header: (row, their text)
    unnamed: dict[str, Problem] = field(default_factory=dict)      # letter -> the warning of a column without header
    # .xlsx: letter -> the numbers of the table whose number format writes a text beside them (`#,##0.0" k$"`,
    # `[$€-40C]`): (first row, the format, its text, whether it divides the number by 1 000s, number of cells)
    format_notes: dict[str, "FormatNote"] = field(default_factory=dict)
    # .xlsx: letter -> {row: number format} of the first FORMATS_KEPT cells whose format writes a text (`#,##0 "€"`):
    # a published figure (reported.xlsx) is the number with that text, as the sheet shows it
    formats: dict[str, dict[int, str]] = field(default_factory=dict)
    # .xlsx: (row, letter) -> the formula of a cell below the header that totals the rows above it as Excel's tables
    # and filtered lists do (`=SUBTOTAL(109,Tableau1[budget])`, `=AGGREGATE(9,5,…)`): a totals row (totals.py)
    subtotals: dict[tuple[int, str], str] = field(default_factory=dict)
    date1904: bool = False                      # .xlsx: dates counted from 1904 (a Mac Excel's workbook option)
    # .xlsx: letter -> the text of a cell merged across columns in the row right above the header (`Budget` over
    # `Budget | Révisé`): the group the column's name belongs to
    groups: dict[str, str] = field(default_factory=dict)
    delimiter: str = ","                        # CSV: the separator of its cells, as messages name it
    disputed: set[str] = field(default_factory=set)   # columns two headers name and fill differently (aliases_disagree)

    @cached_property  # resolved once: a file broken on every row makes one Problem per row
    def file(self) -> str:
        return relative(self.path)

    def where(self, index: Hashable | None, column: str | None = None) -> dict[str, Any]:
        """Keyword arguments for errors.Problem: row (header = row 1), cell for .xlsx, column."""
        row = int(index) if index is not None else None
        cell = None
        if self.sheet is not None and row is not None and column in self.letters:
            cell = f"{_quote_sheet(self.sheet)}!{self.letters[column]}{row}"
        return {"row": row, "cell": cell, "column": column}

    def problem(self, rule: str, message: str, hint: str = "", index: Hashable | None = None,
                column: str | None = None, value: Any = None, severity: str = "error") -> Problem:
        return Problem(self.file, rule, message, hint,
                       value=None if value is None else self.as_written(index, column, str(value)),
                       severity=severity, **self.where(index, column))

    def as_written(self, index: Hashable | None, column: str | None, value: str) -> str:
        """A problem's value as its cell writes it when the value is that cell's number read: a rule that read the
        column as numbers gave « (valeur : '51.2') » for a cell typed « 51,2 » (or « 1 500,5 »), which the evaluator
        searches for in vain. Any other value as given."""
        if index is None or column not in self.frame.columns or index not in self.frame.index:
            return value
        cell = self.frame.at[index, column]
        if not isinstance(cell, str) or cell.strip() == value:
            return value
        read = _plain_number(value)
        return cell.strip() if read is not None and read == _plain_number(cell) else value


def _plain_number(text: str) -> float | None:
    """A number written with either decimal mark and spaces between its thousands (« 1 500,5 », « 51.2 »); None
    for anything else, and for a text with both marks (its reading is the column's, not this one's)."""
    compact = re.sub(r"[\s\u00a0\u202f]", "", text)
    if "," in compact and "." in compact:
        return None
    try:
        return float(compact.replace(",", "."))
    except ValueError:
        return None


@dataclass(frozen=True)
class FormatNote:
    """Numbers of one column whose number format shows a text beside them: the sheet shows « 40.0 k$ » for 40."""
    row: int            # the first such cell below the header
    number_format: str
    text: str           # the format's text: 'k$', '€', 'EUR'
    divided: bool       # the format divides the number by 1 000 (`#,##0,"k"`): the cell holds the whole amount
    cells: int          # cells of the column so formatted, below the header


@dataclass(frozen=True)
class Merged:
    """Cells of one column merged over several rows of the table: Excel shows the first cell's value over all of
    them, and stores it in the first only."""
    letter: str     # the column's letter (its header may be translated after reading: headers.translate)
    first: int
    last: int
    value: Any
    cells: str      # "Feuil1!B2:B4"


def _fill_merged(table: RawTable, ranges: set[tuple[str, int, str, int]]) -> list[Merged]:
    """Each range merged over rows below the header: its value read in every row it covers, as Excel shows it (a
    country merged over its events belongs to each). A range across columns only keeps its value in the first
    column: the others show nothing of their own."""
    frame, found = table.frame, []
    names = {letter: name for name, letter in table.letters.items()}
    for first_letter, first, last_letter, last in sorted(ranges, key=lambda r: (r[1], r[0])):
        name = names.get(first_letter)
        if name is None or last <= first or first <= table.header_row or first not in frame.index:
            continue
        value = frame.at[first, name]
        covered = [n for n in frame.index[(frame.index > first) & (frame.index <= last)] if frame.at[n, name] is None]
        if value is None or not covered:
            continue
        frame.loc[covered, name] = value
        found.append(Merged(first_letter, first, last, value,
                            f"{_quote_sheet(table.sheet)}!{first_letter}{first}:{last_letter}{last}"))
    return found


_SUB_TOTAL = re.compile(r"^(total|totaux|ensemble|tous|all|sum|somme)$")


def _two_row_header(table: RawTable, rows: list[tuple[int, list[Any]]], ranges: set[tuple[str, int, str, int]],
                    required_sets: Sequence[Sequence[str]] = ()) -> set[tuple[str, int, str, int]]:
    """A header drawn on two rows: a header cell merged across columns (`Participants` over C1:E1) above the
    columns' own names in the next row (`Femmes | Hommes | Total`). The workbook reads one header row: the second
    would be read as a row of the table, the columns under the merge without a name. Refused (`two_row_header`, a
    refusal of the whole file) with the one header row to keep; the ranges left to _merged_headers are returned."""
    at = next((i for i, (n, _) in enumerate(rows) if n == table.header_row), None)
    if at is not None and at > 0 and rows[at - 1][0] == table.header_row - 1:
        # the header found under a group's name (`Budget` merged over `Budget | Révisé`): 'Révisé' is a budget's
        # version, told as `Budget Révisé` would be (headers.ignored_versions)
        above = rows[at - 1][1]
        # (a cell merged from the table's left edge is its title, « Budget du projet » over every column: no group)
        left = next((i for i, c in enumerate(rows[at][1]) if c is not None), 0)
        for first_letter, first, last_letter, _ in ranges:
            start = column_position(first_letter)
            if first == table.header_row - 1 and first_letter != last_letter and left < start < len(above) \
                    and isinstance(above[start], str):
                for i in range(start, column_position(last_letter) + 1):
                    table.groups[column_letter(i)] = above[start]
    if at is None or at + 1 >= len(rows) or rows[at + 1][0] != table.header_row + 1:
        return ranges
    header, below = rows[at][1], rows[at + 1][1]
    groups = []
    for merged in sorted(ranges, key=lambda r: column_position(r[0])):
        first_letter, first, last_letter, _ = merged
        if first != table.header_row or first_letter == last_letter:
            continue
        span = range(column_position(first_letter), column_position(last_letter) + 1)
        subs = [below[i] if i < len(below) else None for i in span]
        written = [v for v in subs if v is not None]
        # names, or years (`Budget` over 2020 | 2021 | Total): a row of the table holds amounts, not 2020
        if len(written) >= 2 and all(isinstance(v, str) or (type(v) in (int, float) and float(v).is_integer()
                                                             and 1900 <= v <= 2200) for v in written) \
                and span[0] < len(header) and header[span[0]] is not None:
            groups.append((merged, span, subs))
    if not groups:
        return ranges
    names, said = [], []
    covered = {i: (header[span[0]], subs[k]) for _, span, subs in groups for k, i in enumerate(span)}
    for i in range(max(len(header), len(below), max(covered) + 1)):
        if i in covered:
            top, sub = covered[i]
            name = top if sub is None or _SUB_TOTAL.match(unaccented(str(sub)).lower()) else sub
        else:   # a column named in the second row only (`Pays` under an empty cell): its name is there
            name = header[i] if i < len(header) and header[i] is not None else below[i] if i < len(below) else None
            if name is not None and (i >= len(header) or header[i] is None) and column_letter(i) in table.unnamed:
                table.problems.remove(table.unnamed.pop(column_letter(i)))   # (said here)
        if name is not None:
            names.append(numbers_shown(name))
    for (first_letter, first, last_letter, last), span, subs in groups:
        said.append(f"'{header[span[0]]}' is merged over {_quote_sheet(table.sheet)}!{first_letter}{first}:"
                    f"{last_letter}{last}, above {' | '.join('' if v is None else numbers_shown(v) for v in subs)}")
    column = next((name for name, letter in table.letters.items() if letter == groups[0][0][0]), None)
    for letter in [column_letter(i) for _, span, _ in groups for i in span]:   # the columns under it: said here
        if letter in table.unnamed:
            table.problems.remove(table.unnamed.pop(letter))
    # a required column's name over columns without a `Total` (`Budget` over 2020 | 2021, Initial | Révisé) names none
    # of them: the one to read is to be named so (not `Sexe` over Femmes | Hommes, required columns themselves)
    required = {_unaccented(name) for names_ in required_sets for name in names_}
    lost = [str(header[span[0]]) for _, span, subs in groups if str(header[span[0]]) not in names
            and _unaccented(header_name(header[span[0]])) in required
            and not any(_unaccented(header_name(v)) in required for v in subs if isinstance(v, str))]
    table.problems.append(table.problem(
        "two_row_header", f"the header is on two rows ({table.header_row} and {table.header_row + 1}): "
        f"{'; '.join(said)}. The workbook reads one header row: row {table.header_row + 1} would be read as a row of "
        "the table, and the columns under the merged cell would have no name",
        f"Keep one header row with the columns' names ({', '.join(names)}"
        f"{''.join(f'; the column to read as {repr(n)} named so' for n in lost)}): unmerge the header cells, write "
        f"each column's name in row {table.header_row}, and delete row {table.header_row + 1}.",
        index=table.header_row, column=column))
    return ranges - {merged for merged, _, _ in groups}


def numbers_shown(value: Any) -> str:
    """A header cell as a message names it: the year 2020.0 as 2020."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _merged_headers(table: RawTable, ranges: set[tuple[str, int, str, int]]) -> None:
    """A header cell merged across columns that hold values (`budget` over 2020 | 2021 | Total, their years in a
    second header row): the workbook reads the first column only, the others have no header. Refused (which column
    is the budget cannot be known); the columns' own warnings (unnamed_column) give way to it."""
    names = {letter: name for name, letter in table.letters.items()}
    for first_letter, first, last_letter, last in sorted(ranges, key=lambda r: (r[1], r[0])):
        if not first <= table.header_row <= last or first_letter == last_letter or first_letter not in names:
            continue
        span = [column_letter(i) for i in range(column_position(first_letter), column_position(last_letter) + 1)]
        covered = [letter for letter in span[1:] if letter in table.unnamed]
        if not covered:
            continue   # the other columns are empty: the merge is a layout, nothing is lost
        for letter in covered:
            table.problems.remove(table.unnamed.pop(letter))
        written = table.headers.get(names[first_letter], names[first_letter])
        table.problems.append(table.problem(
            "merged_header", f"the header '{written}' is merged over columns {first_letter} to {last_letter} "
            f"({_quote_sheet(table.sheet)}!{first_letter}{first}:{last_letter}{last}), and {', '.join(covered)} "
            f"hold values: the workbook would read column {first_letter} only", "Unmerge the header and give each "
            f"column its own (the one to read named '{names[first_letter]}', e.g. the total; the others another "
            "name, or delete them); a second header row (years) goes too.", index=table.header_row,
            column=names[first_letter]))


def _rows_of_the_table(rows: list[int]) -> str:
    """'row 7 of the table is' or '12 rows of the table (7, 8, ... and 2 more) are'."""
    listed = ", ".join(map(str, rows[:10])) + (f" and {len(rows) - 10} more" if len(rows) > 10 else "")
    return f"row {listed} of the table is" if len(rows) == 1 else f"{len(rows)} rows of the table ({listed}) are"


def sheet_layout_problems(raw: RawTable, is_number: Callable[[str], bool],
                          in_table: Callable[[str], bool]) -> list[Problem]:
    """What Excel shows but the cells do not hold (RawTable.merged, .hidden, .struck, .hidden_columns), for a
    monitoring table (loader) or a survey export. ``is_number``: whether a column holds numbers; ``in_table``:
    whether a column is read.

    A text or date merged over several rows is read in each row (a country merged over its events): a warning says
    so. A number merged over rows is refused: one amount shown across three rows may be each row's or all three's
    together, and read in each row it would count three times. A hidden or filtered-out row is read like the others:
    a warning, since a total hidden by a filter counts all the same."""
    problems = []
    for merged in raw.merged:
        name = next(n for n, letter in raw.letters.items() if letter == merged.letter)
        value = merged.value.date().isoformat() if hasattr(merged.value, "date") else numbers.shown(merged.value)
        rows = f"rows {merged.first} to {merged.last}"
        if is_number(name):
            problems.append(raw.problem(
                "merged_number", f"the cells {merged.cells} are merged: the number {value} is shown once for {rows}, "
                "and whether it is each row's or theirs together cannot be known",
                "Unmerge the cells and write each row's own number (0 where there is none).",
                index=merged.first, column=name, value=value))
        else:
            problems.append(raw.problem(
                "merged_cells", f"the cells {merged.cells} are merged: '{value}' is read in each of {rows}, as the "
                "sheet shows it", "If a row should not have this value, unmerge the cells and fill each row.",
                index=merged.first, column=name, value=value, severity="warning"))
    if raw.hidden:
        problems.append(raw.problem(
            "hidden_rows", _rows_of_the_table(raw.hidden)
            + f" hidden or filtered out in the sheet '{raw.sheet}', and read like the others",
            "Delete the rows that are not part of the table (a hidden total, an old line); unhide the others to "
            "check them.", index=raw.hidden[0], severity="warning"))
    if raw.struck:   # a line crossed out (« barrée ») as a finance table marks a line dropped: still counted
        problems.append(raw.problem(
            "struck_rows", _rows_of_the_table(raw.struck)
            + f" struck through in the sheet '{raw.sheet}', and read like the others: its figures count",
            "Delete the rows that are crossed out because they no longer apply (a dropped line, an old figure); "
            "remove the strikethrough from those that do.", index=raw.struck[0], severity="warning"))
    names = {letter: name for name, letter in raw.letters.items()}
    hidden = [names[letter] for letter in raw.hidden_columns if letter in names and in_table(names[letter])]
    if hidden:
        listed = ", ".join(f"{raw.letters[name]} '{raw.headers.get(name, name)}'" for name in hidden)
        problems.append(raw.problem(
            "hidden_columns", (f"column {listed} of the table is" if len(hidden) == 1 else f"columns {listed} of the "
                               "table are") + f" hidden in the sheet '{raw.sheet}', and read like the others",
            "Unhide the column to check what it holds; if it is an old version of a figure kept out of sight, delete "
            "it (or rename its header), so that the visible one is read.", index=raw.header_row, column=hidden[0],
            severity="warning"))
    return problems


def column_position(letter: str) -> int:
    """0-based position of a spreadsheet letter: A -> 0, AA -> 26."""
    n = 0
    for ch in letter:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _quote_sheet(name: str) -> str:
    return f"'{name}'" if re.search(r"[^A-Za-z0-9_]", name) else name


def column_letter(position: int) -> str:
    """The spreadsheet letter of a 0-based column position: 0 -> A, 25 -> Z, 26 -> AA (openpyxl's
    get_column_letter, without importing openpyxl for a CSV file)."""
    letters = ""
    n = position + 1
    if not 1 <= n <= 18278:  # XFD, as openpyxl
        raise ValueError(f"Invalid column index {n}")
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ---------------------------------------------------------------- text decoding


# Excel for Mac's "CSV" is in Mac Roman, its "CSV (MS-DOS)" in cp850: their é è à ç ê are bytes 0x80-0x9F, which
# cp1252 reads as Ž ˆ ™ (Mac) or ‚ Š … ‡ (DOS), or not at all; a French text in cp1252 writes them 0xE9 0xE8 0xE0 0xE7
# 0xEA. (encoding name, what the declared encoding would read for 'é', the byte of 'é', the letters' bytes)
_OTHER_ENCODINGS = (("Mac Roman (Excel for Mac's 'CSV')", "mac_roman", "Ž", b"\x8e", re.compile(rb"[\x8e\x8f\x88\x8d]")),
                    ("MS-DOS, cp850 (Excel's 'CSV (MS-DOS)')", "cp850", "‚", b"\x82", re.compile(rb"[\x82\x8a\x85\x87]")))
_WINDOWS_LETTERS = re.compile(rb"[\xe9\xe8\xe0\xe7\xea]")


def _other_encoding(data: bytes) -> tuple[tuple, int] | None:
    """(the entry of _OTHER_ENCODINGS, the row of its first accented letter) for a file that reads as Mac Roman or
    cp850 (their accents, none of Windows'), else None."""
    if _WINDOWS_LETTERS.search(data):
        return None
    # most of its other bytes are such letters too (not an Arabic cp1256 text, whose letters are 0xC1 and above; the
    # no-break space of amounts, 0xCA in Mac Roman and 0xFF in cp850, is left aside)
    high = data.translate(None, bytes(range(0x80)) + b"\xca\xff")
    if not high or 2 * len(high.translate(None, bytes(range(0x80, 0xA0)))) > len(high):
        return None
    found = [(data.count(e), entry, letters.search(data)) for entry in _OTHER_ENCODINGS
             for _, _, _, e, letters in [entry]]
    count, entry, first = max(found, key=lambda f: (f[0], f[2] is not None))
    if first is None:
        return None
    return entry, data[: first.start()].count(b"\n") + 1


_HIGH_RUN = re.compile(rb"[\x80-\x9f\xa1-\xff]{4,}")   # four letters in a row outside ASCII (not a no-break space)


def _arabic_row(data: bytes) -> tuple[int, str] | None:
    """(row, the word as cp1252 reads it) of the first Arabic word of a file saved by an Arabic Windows' Excel
    (cp1256: its letters are 0xC1 and above, four in a row, which no French text in cp1252 has), else None."""
    for run in _HIGH_RUN.finditer(data):
        word = run.group().decode("cp1256", errors="replace")
        if all("\u0600" <= c <= "\u06ff" for c in word):
            return data[: run.start()].count(b"\n") + 1, run.group().decode("cp1252", errors="replace")
    return None


# a Latin letter beside an Arabic one in a word: cp1252's É (0xC9) read by cp1256 is 'ة', 'Étude' 'ةtude'
_LATIN_READ_AS_ARABIC = re.compile(r"[A-Za-z\u00c0-\u024f][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z\u00c0-\u024f]")


def _other_encoding_problem(path: Path, entry: tuple, row: int, declared: str | None = None) -> Problem:
    name, codec, e_as, _, _ = entry
    read_as = (f"read as the declared encoding '{declared}', 'é' would be '{e_as}' (the text garbled)" if declared
               else "its accented letters are not UTF-8")
    return Problem(relative(path), "encoding", f"the file is in {name}: {read_as}",
                   f"Save it as 'CSV UTF-8' in Excel, or declare `encoding: {codec}` in params/<project>/project.yaml.",
                   row=row)


_SIGNATURES = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx: a zip file) named .csv", "Rename it with the extension .xlsx (or "
     "open it in Excel and save it as 'CSV UTF-8')."),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls) or a password-protected one, named .csv", "Open it in "
     "Excel and save it as 'Excel Workbook (.xlsx)' or 'CSV UTF-8'."),
    (b"%PDF", "a PDF document named .csv", "Export the table from the program that made it as 'CSV UTF-8' or .xlsx."))


_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r")   # deleted: the control bytes stay


def _not_a_text_file(path: Path, data: bytes, declared: str = "utf-8") -> Problem | None:
    """A file named .csv that is no CSV text: a workbook or a PDF renamed, UTF-16 without its byte-order mark
    (every other byte 0: read as UTF-8 its header was 'l\\x00i\\x00n\\x00e', told as control characters; with an
    accented letter it was told as Windows' cp1252), or bytes of another program (told as Arabic Windows' text).
    Only the first 4 KiB are looked at."""
    for signature, what, hint in _SIGNATURES:
        if data.startswith(signature):
            return Problem(relative(path), "encoding", f"the file is {what}, not a CSV text file", hint)
    try:
        wide = codecs.lookup(declared or "utf-8").name.startswith(("utf-16", "utf-32"))
    except LookupError:
        wide = False
    if wide or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None   # (UTF-16 declared in project.yaml is read; with its BOM, decode says what it is)
    head = data[:4096]
    controls = len(head.translate(None, _NOT_CONTROL))
    if len(head) < 16 or controls < len(head) // 16:   # (a NUL or two in a CSV: control_character, at its cell)
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if max(odd, even) > len(head) // 4 and min(odd, even) < len(head) // 40:
        order = "little-endian" if odd > even else "big-endian"
        return Problem(relative(path), "encoding", f"the file is UTF-16 ('Unicode text', {order}) without its "
                       "byte-order mark, not a CSV UTF-8 file", "In Excel choose File > Save As > 'CSV UTF-8 (comma "
                       "delimited)'; from another program, export as UTF-8.")
    return Problem(relative(path), "encoding", "the file is not text: many of its first bytes are control "
                   "characters, as in a program's own file format (a workbook, a database, a picture)", "Export the table as 'CSV "
                   "UTF-8' or .xlsx, or put the right file in its place.")


def decode(path: Path, data: bytes, encoding_fallback: str = "utf-8") -> tuple[str | None, list[Problem]]:
    """The file's text, or None and a problem. See the module docstring for the policy."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [Problem(relative(path), "encoding", "the file is UTF-16 ('Unicode text'), not a CSV UTF-8 file",
                              "In Excel choose File > Save As > 'CSV UTF-8 (comma delimited)'.")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        first_bad = exc
    if data.startswith(codecs.BOM_UTF8):   # read as cp1252 its header began 'ï»¿line' (« did you mean 'ï»¿line'? »)
        return None, [_two_encodings(path, data, len(codecs.BOM_UTF8) + first_bad.start)]   # (counted after it)
    fallback = codecs.lookup(encoding_fallback or "utf-8").name
    other = _other_encoding(data) if fallback in ("utf-8", "cp1252", "iso8859-1", "iso8859-15") else None
    if other is not None:
        return None, [_other_encoding_problem(path, *other, None if fallback == "utf-8" else encoding_fallback)]
    arabic = _arabic_row(data) if fallback in ("utf-8", "cp1252", "iso8859-1", "iso8859-15") else None
    if arabic is not None:
        read_as = ("its Arabic letters are not UTF-8" if fallback == "utf-8" else
                   f"read as the declared encoding '{encoding_fallback}', its Arabic reads '{arabic[1]}' (the text "
                   "garbled)")
        return None, [Problem(relative(path), "encoding", f"the file is in Arabic Windows' encoding (cp1256, Excel's "
                              f"'CSV' on an Arabic Windows): {read_as}", "Save it as 'CSV UTF-8' in Excel, or declare "
                              "`encoding: cp1256` in params/<project>/project.yaml if every CSV file of the project is in it.",
                              row=arabic[0])]
    if fallback != "utf-8":
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError as exc:
            row = data[: exc.start].count(b"\n") + 1
            return None, [Problem(relative(path), "encoding",
                                  f"the file is neither UTF-8 nor the declared encoding '{encoding_fallback}' "
                                  f"(byte 0x{data[exc.start]:02X})", "Save it as 'CSV UTF-8' in Excel.", row=row)]
        latin = _LATIN_READ_AS_ARABIC.search(text) if fallback == "cp1256" else None
        if latin is not None:   # a French Windows' CSV read as Arabic: 'Étude' was 'ةtude', without a word
            word = re.search(r"[^\W\d_]*$", text[: latin.start()])[0] + re.match(r"[^\W\d_]*", text[latin.start():])[0]
            return None, [Problem(relative(path), "encoding", f"read as the declared encoding '{encoding_fallback}' "
                                  f"(Arabic Windows), the file holds '{shown(word)}', an Arabic letter inside a Latin "
                                  "word: it is in Windows' Latin encoding (cp1252, Excel's 'CSV' on a French Windows), "
                                  "whose É, Ô, Ù... cp1256 reads as Arabic letters",
                                  "Save it as 'CSV UTF-8' in Excel (then the project's Arabic and French files are "
                                  "read alike), or declare `encoding: cp1252` in params/<project>/project.yaml if "
                                  "every CSV file of the project is in it.",
                                  row=text[: latin.start()].count("\n") + 1)]
        return text, []
    row = data[: first_bad.start].count(b"\n") + 1
    byte = data[first_bad.start]
    what = ("a no-break space (the thousands separator of a French number: 1 234,50)" if byte == 0xA0
            else "an accented letter")
    return None, [Problem(relative(path), "encoding",
                          f"the file is not UTF-8: this row holds a byte (0x{byte:02X}) that UTF-8 does not allow, "
                          f"probably {what} saved by Excel as 'CSV (separator)'",
                          UTF8_HINT[0].upper() + UTF8_HINT[1:] + ".", row=row)]


def _two_encodings(path: Path, data: bytes, bad: int) -> Problem:
    """A file that starts with the mark of Excel's 'CSV UTF-8' (its BOM) and holds a byte UTF-8 does not allow: rows
    of a 'CSV (separator)' file (cp1252) appended to it, or pasted in by a text editor. Read whole as the declared
    cp1252, its UTF-8 rows would be garbled ('Ã©') and its first header 'ï»¿line'; read as UTF-8, its other rows."""
    return Problem(relative(path), "encoding", f"the file starts as a CSV UTF-8 file (its byte-order mark) but this "
                   f"row holds a byte (0x{data[bad]:02X}) that UTF-8 does not allow: rows in two encodings (rows of a "
                   "'CSV (separator)' file appended to a 'CSV UTF-8' one?)", "Open the file in Excel, check the "
                   "accents of this row and the rows after it, and save it again as 'CSV UTF-8'.",
                   row=data[:bad].count(b"\n") + 1)


def sniff_delimiter(text: str) -> str:
    """';', ',' or tab: the most frequent one (outside quotes) on the first line that has any."""
    for line in text[:1 << 20].splitlines()[:HEADER_SEARCH_ROWS]:  # the first rows only: a file may be 100 MB
        if line.lower().startswith("sep=") and len(line.strip()) == 5:
            return line.strip()[4]
        outside = re.sub(r'"[^"]*"', "", line)
        counts = {d: outside.count(d) for d in (";", ",", "\t")}
        if any(counts.values()):
            return max(counts, key=lambda d: (counts[d], d == ";"))
    return ","


# ---------------------------------------------------------------- rows -> frame


# Invisible characters a cell may start or end with, pasted from a web page or a PDF, or a second file's byte-order
# mark left inside when two CSV files are put end to end (text.INVISIBLE_CHARACTERS: zero-width space and no-break
# space, word joiner, the direction marks and isolates, soft hyphen): stripped with the spaces. '\ufeffMaroc' was
# another country than 'Maroc' (its rows left out of the Maroc annex), and messages showed it as 'Maroc'. (The list
# was five of them: « 5 » + U+2069, an isolate closed after text copied beside Arabic, was « not a number ».) Not the
# direction overrides, refused as control characters (inputs.CONTROL).
INVISIBLE = "".join(c for c in INVISIBLE_CHARACTERS if c not in OVERRIDES)
_EDGES = re.compile(f"^[\\s{INVISIBLE}]+|[\\s{INVISIBLE}]+$")

# Excel writes a carriage return, and a character no XML file can hold, as _xHHHH_ (« Atelier_x000D_ » for a line
# break pasted from Word; _x005F_ is the '_' of a text that looks like an escape); openpyxl gives the text as it is
# stored, and the annex showed « Atelier_x000D_ Rabat ». Read as Excel shows it (a control character so read is then
# refused like any other).
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescaped(value: Any) -> Any:
    if isinstance(value, str) and "_x" in value:
        return _OOXML_ESCAPE.sub(lambda m: m[0] if 0xD800 <= int(m[1], 16) <= 0xDFFF else chr(int(m[1], 16)), value)
    return value


_LEADING = re.compile(f"^[\\s{INVISIBLE}]+")


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        stripped = value.strip()
        if stripped and (stripped[0] in INVISIBLE or stripped[-1] in INVISIBLE):
            edged = _EDGES.sub("", stripped)
            # a closer at the end closes what the text opened (« Atelier \u2067ورشة\u2069 », Arabic set apart as
            # it should be): stripped, it left the isolate open, and the cell was refused for it
            if unclosed_direction(edged) and not unclosed_direction(stripped):
                edged = _LEADING.sub("", stripped)
            stripped = edged
        return stripped if stripped else None
    return value


def _edges_stripped(trimmed):
    """``trimmed`` (an Arrow text column, trimmed of spaces) stripped of invisible characters at their edges as _clean
    strips them: by Arrow, and the cells that open a direction by _clean (their closer at the end is kept)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    stripped = pc.replace_substring_regex(trimmed, _EDGES.pattern, "")
    opened = pc.fill_null(pc.match_substring_regex(trimmed, _OPENED), False)
    if not pc.any(opened).as_py():
        return stripped
    opened = opened.combine_chunks()
    fixed = pa.array([_clean(v) for v in pc.filter(trimmed, opened).to_pylist()], pa.large_string())
    return pa.chunked_array([pc.replace_with_mask(stripped.combine_chunks(), opened, fixed)])


@functools.lru_cache(maxsize=4096)   # the same few hundred names, in thousands of header sets (headers.header_sets)
def _unaccented(name: str) -> str:
    """Headers are found whatever their accents: `Evenement` is `événement` (French headers, data/headers.py)."""
    return unaccented(name)


# re.S: a header typed on two lines in Excel (Alt+Enter), « Montant\ndépensé (USD) », was no column at all
_NOTE = re.compile(r"^(.*?\S)\s*[(\[]([^()\[\]]*)[)\]]\s*$", re.S)
_UNIT = re.compile(r"^(.*?\S)\s+(?:en|in)\s+(\S.*)$", re.S)    # 'Montant en euros'


def split_note(text: Any, unit: bool = False) -> tuple[str, str] | None:
    """A header with a note in brackets, 'Budget (EUR)' -> ('Budget', 'EUR'); with ``unit``, also 'Montant en
    euros' -> ('Montant', 'euros'); None without one."""
    if text is None:
        return None
    text = _FORM_MARKS.sub("", str(text)) or str(text)   # 'Montant (USD) *': the note is before the form's star
    found = _NOTE.match(text) or (_UNIT.match(text) if unit else None)
    return (found.group(1), found.group(2).strip()) if found else None


def _header_position(rows: Iterable[Sequence[Any]], required_sets: Sequence[Sequence[str]]) -> int | None:
    """Position among the first HEADER_SEARCH_ROWS rows of the first one holding one of the required sets (header
    names matched whatever their accents, and without a unit: 'Budget (EUR)', 'Montant en euros'), or None."""
    wanted = list(dict.fromkeys(frozenset(_unaccented(name) for name in required) for required in required_sets
                                if required))
    for position, cells in enumerate(itertools.islice(rows, HEADER_SEARCH_ROWS)):
        names = {_unaccented(header_name(c)) for c in cells}
        names |= {_unaccented(header_name(split[0])) for c in cells if (split := split_note(c, unit=True))}
        if any(required <= names for required in wanted):
            return position
    return None


def _find_header(rows: list[tuple[int, list[Any]]], required_sets: Sequence[Sequence[str]]) -> int | None:
    """Position in rows of the header: the first row holding one of the required sets, else the first row."""
    if not rows:
        return None
    found = _header_position((cells for _, cells in rows), required_sets)
    return 0 if found is None else found


def _frame(table: RawTable, rows: list[tuple[int, list[Any]]], required_sets: Sequence[Sequence[str]],
           cleaned: bool = False) -> RawTable:
    """Fill table.frame from (spreadsheet row, cells) pairs; non-empty rows only (``cleaned``: they already are)."""
    if not cleaned:
        rows = [(n, [_clean(c) for c in cells]) for n, cells in rows]
        rows = [(n, cells) for n, cells in rows if any(c is not None for c in cells)]
    position = _find_header(rows, required_sets)
    if position is None:
        table.problems.append(table.problem("empty_file", "the file is empty: the table is treated as absent",
                                            "Delete the file or fill it in.", severity="warning"))
        table.frame = pd.DataFrame()
        return table
    table.header_row, header = rows[position]
    table.titles = _titles(rows[:position])
    keep = _header(table, header)
    body = rows[position + 1:]
    header = _beyond_header(table, header, body)
    _unnamed_values(table, header, lambda i: any(i < len(cells) and cells[i] is not None for _, cells in body))
    if table.sheet is None:
        _two_header_rows_unmerged(table, rows, required_sets)
    records = [[cells[i] if i < len(cells) else None for i in keep.values()] for _, cells in body]
    table.frame = pd.DataFrame(records, columns=list(keep), index=[n for n, _ in body], dtype=object)
    if not body:
        table.problems.append(_no_rows(table))
    return table


def _two_header_rows_unmerged(table: RawTable, rows: list[tuple[int, list[Any]]],
                              required_sets: Sequence[Sequence[str]]) -> None:
    """A header on two rows without merged cells (a CSV, or a sheet whose group is typed in one cell)."""
    position = next(i for i, (n, _) in enumerate(rows) if n == table.header_row)
    _two_csv_rows(table, rows[:2], required_sets)
    _csv_group_over_names(table, rows[position:position + 2])


def _two_csv_rows(table: RawTable, rows: list[tuple[int, list[Any]]], required_sets: Sequence[Sequence[str]]) -> None:
    """A CSV whose header was drawn on two rows (an .xlsx `Budget` merged over 2020 | 2021 | Total, saved as CSV: row 1
    holds `Budget` alone, row 2 `Ligne | Pays | 2020 | 2021 | Total`): neither row holds the required columns, and it
    was told « the required column 'line' is missing » beside 'Ligne', its columns « not read ». When the two rows
    together hold them: refused once (`two_row_header`), naming the one header row to keep (a `Total` under a group
    takes the group's name, the nearest at its left)."""
    if len(rows) < 2 or rows[1][0] != rows[0][0] + 1 or _header_position([rows[0][1]], required_sets) is not None \
            or _header_position([rows[1][1]], required_sets) is not None:
        return
    (first, top), (_, below) = rows
    if _header_position([[c for c in (*top, *below) if c is not None]], required_sets) is None:
        return
    names, group = [], None
    for i in range(max(len(top), len(below))):
        upper = top[i] if i < len(top) else None
        lower = below[i] if i < len(below) else None
        group = upper if upper is not None else group
        name = group if lower is not None and group is not None and \
            _SUB_TOTAL.match(unaccented(str(lower)).lower()) else lower if lower is not None else upper
        if name is not None:
            names.append(str(name))
    for letter in list(table.unnamed):   # the columns named in the second row: said here
        table.problems.remove(table.unnamed.pop(letter))
    above = ", ".join(f"'{c}' (column {column_letter(i)})" for i, c in enumerate(top) if c is not None)
    table.problems.append(table.problem(
        "two_row_header", f"the header is on two rows ({first} and {first + 1}): row {first} holds {above}, above "
        f"the names of row {first + 1} ({', '.join(str(c) for c in below if c is not None)}). The workbook reads one "
        "header row, the first that holds the table's required columns, and neither does",
        f"Keep one header row with the columns' names ({', '.join(names)}): write each column's name in row "
        f"{first} (in Excel: unmerge the header cells), and delete row {first + 1}.", index=first))


def _csv_group_over_names(table: RawTable, rows: list[tuple[int, list[Any]]]) -> None:
    """A CSV saved from a sheet whose header cell is merged over columns, the columns' own names in the next row
    (`Budget` over `Initial | Révisé`): the group's cell is in the header row, empty cells right of it, and the next
    row holds only the names under them. The header row holds the required columns, so it was read as the header:
    the initial budget read as `budget`, the revised one told as a column without a header, and the row of names as
    a row of the table (« not a number: 'Initial' »). Refused once (`two_row_header`), as the .xlsx is, naming the
    one header row to keep and the column to name as the group."""
    if len(rows) < 2 or rows[1][0] != rows[0][0] + 1 or table.problems and any(
            p.rule == "two_row_header" for p in table.problems):
        return
    (first, top), (_, below) = rows
    groups: dict[int, list[int]] = {}   # the group's column -> the columns under it (itself and the empty ones)
    group = None
    for i in range(max(len(top), len(below))):
        upper = top[i] if i < len(top) else None
        if upper is not None and not _no_header(upper):
            group = i
        elif group is not None:
            groups.setdefault(group, [group]).append(i)
    names_under = {i for i in range(len(below)) if below[i] is not None}
    spans = {g: span for g, span in groups.items() if all(below[i] is not None if i < len(below) else False
                                                          for i in span)}
    # only names, all under the groups (and at least one under an empty header cell): not a row of the table
    if not spans or not names_under <= {i for span in spans.values() for i in span} \
            or not all(isinstance(below[i], str) and not re.fullmatch(r"[\d\s.,()%-]*", below[i])
                       for i in names_under):
        return
    names = []
    for i in range(max(len(top), len(below))):
        lower = below[i] if i < len(below) else None
        upper = top[i] if i < len(top) and not _no_header(top[i]) else None
        name = upper if lower is None else (top[next(g for g, span in spans.items() if i in span)]
                                            if _SUB_TOTAL.match(unaccented(str(lower)).lower()) else lower)
        if name is not None:
            names.append(str(name))
    lost = [str(top[g]) for g in spans if str(top[g]) not in names]
    said = [f"'{top[g]}' (column {column_letter(g)}) above {' | '.join(str(below[i]) for i in span)}"
            for g, span in spans.items()]
    for letter in [column_letter(i) for span in spans.values() for i in span]:   # said here
        if letter in table.unnamed:
            table.problems.remove(table.unnamed.pop(letter))
    table.problems.append(table.problem(
        "two_row_header", f"the header is on two rows ({first} and {first + 1}): {'; '.join(said)}, a header merged "
        f"over several columns in Excel. The workbook reads one header row: row {first + 1} would be read as a row "
        f"of the table, and only the first column under '{top[next(iter(spans))]}' as it",
        f"Keep one header row with the columns' names ({', '.join(names)}"
        f"{''.join(f'; the column to read as {n!r} named so' for n in lost)}): write each column's name in row "
        f"{first} (in Excel: unmerge the header cells), and delete row {first + 1}.", index=first,
        column=header_name(top[next(iter(spans))])))


def _beyond_header(table: RawTable, header: list[Any], body: list[tuple[int, list[Any]]]) -> list[Any]:
    """A row with values past the header's last cell was read without them. In a CSV, a few such rows: a separator
    inside a value not in quotes (`10000,50` in a file separated by ',', a comma in a label) that shifted each cell
    after it into the next column, refused (`shifted_row`). Most rows, or an .xlsx: a column the header has no cell
    for, whose values are not read, told like an empty header cell (the header is returned padded to the rows'
    width)."""
    def width(cells: list[Any]) -> int:
        return next((i + 1 for i in range(len(cells) - 1, -1, -1) if cells[i] is not None), 0)

    # A CSV row is as long as its fields, empty or not: `R1,2020-12-31,108331,13,` under `line,period_end,amount,note`
    # (a decimal comma not in quotes, the note left empty) reached only the header's last cell, and was read as 108 331
    # with the note « 13 ». (An .xlsx row is as wide as the sheet: there, its last value.)
    length = width if table.sheet is not None else len
    longer = [(n, cells) for n, cells in body if length(cells) > len(header)]
    if not longer:
        return header
    if 2 * len(longer) > len(body):
        return list(header) + [None] * (max(length(cells) for _, cells in longer) - len(header))
    if table.sheet is not None:   # an .xlsx cell cannot shift: a note beside a few rows, said and not read
        letters = sorted({column_letter(i) for _, cells in longer for i in range(len(header), width(cells))
                          if cells[i] is not None}, key=lambda x: (len(x), x))
        table.problems.append(table.problem(
            "unnamed_column", f"column{'s' if len(letters) > 1 else ''} {', '.join(letters)} hold"
            f"{'' if len(letters) > 1 else 's'} values beside row{'s' if len(longer) > 1 else ''} "
            f"{', '.join(str(n) for n, _ in longer[:5])}"
            f"{'...' if len(longer) > 5 else ''} but no header: not read", "If they are notes, nothing to do (or "
            "move them to another sheet); if they are a column of the table, write its header.",
            index=longer[0][0], severity="warning"))
        return header
    # (the examples of the file's own separator: a ';' file's row was shown joined with ',' and told of decimal
    # commas, where its ';' was in a budget_lines cell, `R1; R6`)
    example, quoted, without = ("a decimal comma, as in 10000,50, in a file separated by ','; a comma in a label",
                                "\"10000,50\"", "") if table.delimiter == "," else \
        ("a ';' typed in a cell, as in budget_lines R1; R6, in a file separated by ';'", "\"R1; R6\"",
         "R1 + R6; ") if table.delimiter == ";" else ("a tab inside a cell", "quotes", "")
    for n, cells in longer:
        empty_end = width(cells) <= len(header)   # only empty cells past the header: no column of its own
        table.problems.append(table.problem(
            "shifted_row", f"this row has {len(cells) if empty_end else width(cells)} cells and the header "
            f"{len(header)}: a separator inside a value that is not in quotes ({example}) splits it, and shifts each "
            "cell after it into the next column" + (" (its last cells, past the header, are empty)" if empty_end
                                                    else ""),
            f"Put the value in quotes ({quoted}) or write it without the separator ({without}Excel's 'Save As CSV' "
            "quotes it); " + ("if the row only ends with a separator too many, delete it." if empty_end else
                              "if the row's last cells are a column of their own, give that column a header."),
            index=n, value=table.delimiter.join("" if c is None else str(c) for c in cells[:max(width(cells), 1)])))
    return header


def _titles(rows: list[tuple[int, list[Any]]]) -> list[tuple[int, str]]:
    """The text of the rows above a header (a title, "Montants en milliers d'euros"), each row's cells joined."""
    return [(n, " ".join(str(c) for c in cells if c is not None and str(c).strip())) for n, cells in rows]


def _no_rows(table: RawTable) -> Problem:
    return table.problem("no_rows", "the file has a header but no rows: the table is empty",
                         "Fill in the rows, or delete the file if the table does not apply.", severity="warning")


def _unnamed_values(table: RawTable, header: list[Any], has_values: Callable[[int], bool]) -> None:
    """A warning for each column that holds values under an empty header cell: it is not read (a header deleted
    by mistake, `country` or `men`, and its values left out without a word)."""
    for i, cell in enumerate(header):
        if _no_header(cell) and has_values(i):
            named = f" ('{str(cell).strip()}', pandas' name for an empty header)" if header_name(cell) else ""
            table.unnamed[column_letter(i)] = table.problem(
                "unnamed_column", f"column {column_letter(i)} holds values but its header is empty{named}: it is not "
                "read",
                "Write its header (the name of the column it holds, e.g. 'country'), or delete the column.",
                index=table.header_row, severity="warning")
            table.problems.append(table.unnamed[column_letter(i)])


def _escaped(name: str) -> str:
    """A header as a message names it: control characters and direction embeddings and isolates as escapes."""
    return re.sub(f"[{OPENERS}{POP_EMBEDDING}{POP_ISOLATE}]", lambda m: f"\\u{ord(m.group()):04x}", shown(name))


def _header(table: RawTable, header: list[Any]) -> dict[str, int]:
    """The columns kept (header name -> position); a name seen twice is reported and its second column dropped."""
    keep: dict[str, int] = {}
    for i, cell in enumerate(header):
        name = header_name(cell)
        if _no_header(cell):
            continue
        if CONTROL.search(name):  # dropped: the name would reach messages and the terminal
            table.problems.append(Problem(
                table.file, "control_character", f"this header holds a control character "
                f"({shown(CONTROL.search(name).group())}); the column is ignored", CONTROL_HINT, row=table.header_row,
                column=shown(name), value=clipped(str(cell))))
            continue
        opened = unclosed_direction(name)
        if opened:  # dropped too: a survey's option column 'langue \u2067arabe' was an answer so named in the annex
            table.problems.append(Problem(
                table.file, "control_character", f"this header opens a direction "
                f"{'isolate' if opened in ISOLATES else 'embedding'} (\\u{ord(opened):04x}) and does not close it: "
                "the text after it would be shown in another order; the column is ignored", CONTROL_HINT,
                row=table.header_row, column=_escaped(name), value=clipped(str(cell))))
            continue
        if name in keep:
            table.problems.append(table.problem(
                "duplicate_column", f"the column '{cell}' appears twice; the first one is used",
                "Delete or rename one of them.", index=table.header_row, column=name))
            continue
        keep[name] = i
        table.letters[name] = column_letter(i)
        table.headers[name] = str(cell)
    return keep


# Bytes that cannot be part of a control character in UTF-8 (printable ASCII, tab, newline, carriage return)
_PLAIN_BYTES = bytes(range(32, 127)) + b"\t\n\r"
_PRINTED = bytes(range(33, 127))   # printable ASCII but the space
# What is left of inputs.CONTROL in the other bytes of UTF-8 text: C0 and DEL, U+0080-U+009F (C2 80-9F), U+202D,
# U+202E (E2 80 AD, E2 80 AE) and U+FFFE, U+FFFF (EF BF BE, EF BF BF); and the embeddings and isolates that a cell
# may leave open (inputs.OPENERS: U+202A, U+202B, E2 80 AA-AB; U+2066-U+2068, E2 81 A6-A8)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa\xab\xad\xae]"
                            rb"|\xe2\x81[\xa6-\xa8]|\xef\xbf[\xbe\xbf]")
_OPENED = f"[{OPENERS}]"   # (the characters themselves: pyarrow's RE2 reads no \u escape)


def has_control(utf8: bytes) -> bool:
    """Whether UTF-8 text holds a character of inputs.CONTROL anywhere: one pass over the bytes, without decoding
    (a lead byte C2 keeps its continuation byte next to it once the ASCII bytes are deleted)."""
    return _CONTROL_BYTES.search(utf8.translate(None, _PLAIN_BYTES)) is not None


def text_problems(table: RawTable, control: bool = True) -> list[Problem]:
    """Cells holding a control character, or longer than MAX_CELL_CHARS: each an error with its cell.
    ``control=False``: the file is known to hold no control character (has_control): it is not searched cell by
    cell. Lengths are counted cell by cell only in a column whose longest cell takes more bytes than that."""
    problems = []
    control_check = control
    frame = table.frame
    for column in frame.columns:
        series = frame[column]
        if not (series.dtype == object or pd.api.types.is_string_dtype(series)):
            continue
        if series.dtype == object:  # .xlsx cells: text among numbers, dates and booleans
            text = series.map(lambda v: v if isinstance(v, str) else None).astype("string")
        else:  # CSV cells: text, Arrow-backed (pyarrow's regular expressions, no Python object per cell)
            text = series
        searched, measured = control_check, _may_be_long(text)
        if not (searched or measured):  # (no cell of a million to look at)
            continue
        control = text.str.contains(CONTROL.pattern, regex=True, na=False).to_numpy(dtype=bool) if searched \
            else np.zeros(len(series), dtype=bool)
        long = (text.str.len() > MAX_CELL_CHARS).fillna(False).astype(bool).to_numpy() if measured \
            else np.zeros(len(series), dtype=bool)
        for index, value in series[control].items():
            char = CONTROL.search(value).group()
            problems.append(table.problem(
                "control_character", f"this text holds a control character ({shown(char)}){control_reason(char)}",
                CONTROL_HINT, index=index, column=column, value=clipped(value)))
        opened = text.str.contains(_OPENED, regex=True, na=False).to_numpy(dtype=bool) & ~control if searched \
            else np.zeros(len(series), dtype=bool)
        control = np.array(control)   # (written below: a cell so refused is not also measured)
        for position in np.flatnonzero(opened):
            value = series.iloc[position]
            if unclosed_direction(value):   # (one closed in the cell, beside Arabic text, is harmless)
                control[position] = True
                problems.append(table.problem("control_character", unclosed_reason(unclosed_direction(value)),
                                              CONTROL_HINT, index=series.index[position], column=column,
                                              value=clipped(value)))
        for index, value in series[long & ~control].items():
            problems.append(table.problem(
                "cell_too_long", f"this cell holds {len(value):,} characters, more than the {MAX_CELL_CHARS:,} a "
                "spreadsheet cell can hold", "Shorten the text; put long documents in a file of their own.",
                index=index, column=column, value=clipped(value)))
    return problems


# UTF-8 accents read as Windows text and saved again (a CSV UTF-8 without its BOM opened in Excel): 'é' is 'Ã©',
# 'É' 'Ã‰', 'à' 'Ã ', '’' 'â€™'. As UTF-8 bytes: Ã (C3 83) then a character of U+00A0-U+00BF or a cp1252 sign, or â€
_GARBLED_BYTES = re.compile(rb"\xc3\x83(?:\xc2[\xa0-\xbf]|\xe2\x80[\x9a-\xba]|\xc5[\x92\xa0\xbd]|\xcb\x86|\x20)"
                            rb"|\xc3\xa2\xe2\x82\xac")
_GARBLED = re.compile("\u00c3[\u00a0-\u00bf\u201a-\u203a\u0152\u0160\u017d\u02c6 ]|\u00e2\u20ac")


def garbled_text(table: RawTable, utf8: bytes | None = None) -> list[Problem]:
    """A warning at the first cell whose accents are garbled ('Ã©' for 'é'): the file was read as Windows text and
    saved again, and its text would show so in the annex (a status or a country so written is refused or not
    matched). ``utf8``: the CSV's bytes, searched first (a file without it is not looked at cell by cell)."""
    if utf8 is not None and not _GARBLED_BYTES.search(utf8):
        return []
    for column in table.frame.columns:
        series = table.frame[column]
        if not (series.dtype == object or pd.api.types.is_string_dtype(series)):
            continue
        text = series.map(lambda v: v if isinstance(v, str) else None).astype("string")
        found = text.str.contains(_GARBLED.pattern, regex=True, na=False).to_numpy(dtype=bool)
        if found.any():
            index, value = next(iter(series[found].items()))
            return [table.problem(
                "garbled_text", "this text's accents are garbled ('Ã©' where 'é' was written): the file was opened "
                "as Windows text (a CSV UTF-8 without its BOM opened in Excel, or in LibreOffice with another "
                "character set) and saved again, and the annex would show it so", "Take the table from the file "
                "as it was before (or retype its accents); in Excel, open a CSV UTF-8 with Data > From Text/CSV, "
                "origin 65001 : Unicode (UTF-8); in LibreOffice Calc, choose the character set Unicode (UTF-8) "
                "in the text import dialog.", index=index, column=column, value=clipped(value),
                severity="warning")]
    return []


def _may_be_long(text: pd.Series) -> bool:
    """False when no cell of an Arrow-backed text column takes more than MAX_CELL_CHARS bytes (a character takes at
    least one byte), read from the Arrow lengths at once; True otherwise, and for other columns."""
    if text.dtype == object or not hasattr(text.array, "__arrow_array__"):
        return True
    import pyarrow.compute as pc

    # chunk by chunk: the lengths of a whole column would take 8 bytes a cell of fresh memory
    return any((pc.max(pc.binary_length(chunk)).as_py() or 0) > MAX_CELL_CHARS
               for chunk in text.array.__arrow_array__().chunks)


def _first_record(head: Callable[[int], str], delimiter: str, size: int = 1 << 16) -> list[str] | None:
    """The first record of the text, as csv.reader reads it, without copying a large file into a StringIO: read from
    a head of the text (``head(n)``: its first n characters), four times as long each time, until the record ends
    inside it (a cell may hold lines)."""
    while True:
        part = head(size)
        start = io.StringIO(part, newline="")
        first = next(csv.reader(start, delimiter=delimiter), None)
        if len(part) < size or start.tell() < size:  # the whole text, or the record ended before the head did
            return first
        size *= 4


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str, read: list[int]) -> Iterator[str]:
    """The lines of ``text`` as io.StringIO(text, newline="") gives them, one at a time: a StringIO holds a copy of
    the text at 4 bytes a character, so that one CSV cell of 50 MB (a quote never closed) took 390 MiB to refuse.
    ``read[0]``: where the last line given ends (the csv module reads no line ahead of the record it makes)."""
    for match in _LINE.finditer(text):
        read[0] = match.end()
        yield match.group()


def _csv_header(rows: list[tuple[int, list[str]]], delimiter: str,
                required_sets: Sequence[Sequence[str]]) -> list[str] | None:
    """The header among the first records the csv module read (the rows above it: titles), to name a column."""
    named = [(n, cells) for n, cells in rows[:HEADER_SEARCH_ROWS] if not _sep_line(cells, delimiter)]
    position = _find_header(named, required_sets)
    return named[position][1] if position is not None else None


def _unclosed_quote(text: str, position: int, delimiter: str) -> tuple[int, int, int] | None:
    """(the cell's number in the row from 0, where its text starts, its length) of the cell of the record at
    ``position`` whose quote is never closed, or None."""
    return next(((number, first, length) for number, first, length, closed in _cells_of(text, position, delimiter)
                 if not closed), None)


def _never_closed(table: RawTable, text: str, cell: tuple[int, int, int], row: int,
                  header: list[str] | None) -> Problem:
    """A quote opened in the last record and never closed: the file's last line ended inside a cell. The csv module
    reads every line after it into that cell: `B5,1000,Maroc,"Divers` then `B6,500,Maroc,Autre,staff` was B5 with
    the label « Divers⏎B6,500,... », the budget of B6 gone, nothing said."""
    number, first, length = cell
    name = header[number].strip() if header and number < len(header) else ""
    lines = text.count("\n", first, first + length) + (not text.endswith("\n"))
    return table.problem(
        "unclosed_quote", f"a quote (\") opens this cell{'' if name else f' (cell {number + 1} of the row)'} and is "
        f"never closed: the {lines:,} line{'s' if lines > 1 else ''} from there to the end of the file "
        f"{'are' if lines > 1 else 'is'} read as one cell", "Close the quote where the cell ends (or delete the stray "
        "one), then check the rows after it.", index=row, column=name or None,
        value=clipped(text[first - 1:first + length].rstrip("\r\n")))


def _rows_in_cell(table: RawTable) -> Problem | None:
    """A cell holding a line (after its first) that is a row of the file: it begins like the rows of the file's first
    column (a code written alike: 'B2' as 'B1', 'B3') and, with the cells after the quote on the same line, reaches as
    many separators as the header. The file's rows read into one cell, between a quote left open and the next quote of
    the file, typed in a text (`Écran 12"`): `B1,...,"Personnel,staff` then `B2,50000,Maroc,Écran 12",operational`
    read B2 into B1's label, its 50,000 gone, without a word. A label of a few lines (Alt+Enter in Excel), a comment
    of several lines with commas, does not begin like a code of the first column. A first column without a header
    (the index pandas or Excel writes, not read) is passed over: the line's cell under the first read column is
    compared, so that `1,B2,...` is still B2's row and a comment `Remarque,,,,` is not."""
    width = 1 + max((column_position(letter) for letter in table.letters.values()), default=0)
    first = min(table.letters, key=lambda name: column_position(table.letters[name]), default=None)
    if width < 3 or table.frame.empty or first not in table.frame.columns:   # (« Rabat, Fès »: one separator)
        return None
    at = column_position(table.letters[first])   # 0, or 1 after an index column without a header
    shapes = None
    for column in table.frame.columns:
        cells = table.frame[column]
        if not (pd.api.types.is_string_dtype(cells) or cells.dtype == object):
            continue
        broken = cells[cells.str.contains("\n", regex=False, na=False)]
        after = width - 1 - column_position(table.letters[column])   # the cells after it, on its last line
        for row, cell in broken.items():
            lines = cell.splitlines()
            if shapes is None:   # the first column's values as they are written, rows that hold no line break
                shapes = {_shape(v) for v in table.frame[first].dropna()
                          if isinstance(v, str) and "\n" not in v}
            for number, line in enumerate(lines[1:], start=1):
                separators = line.count(table.delimiter) + (after if number == len(lines) - 1 else 0)
                cells_of_line = line.split(table.delimiter)
                if (separators >= width - 1 and at < len(cells_of_line)
                        and _shape(cells_of_line[at].strip()) in shapes):
                    return _swallowed(table, row, str(column), cell, len(lines), first)
    return None


def _shape(text: str) -> str:
    """How a code is written: its letters, digits and spaces as runs ('B12' -> 'a9', 'OUT-1.2' -> 'a-9.9')."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "9", re.sub(r"[^\W\d_]+", "a", text)))


def _swallowed(table: RawTable, row: Hashable, column: str, cell: str, lines: int, first: str) -> Problem:
    return table.problem(
        "unclosed_quote", f"a quote (\") opens this cell and the next one is {lines - 1:,} line{'s' if lines > 2 else ''} "
        f"below: the lines between, which begin like the rows of the file (a value written as column '{first}' writes "
        "them) and hold as many separators as the header, are read as one cell and their rows are not read",
        "Close the quote where the cell ends (or delete the stray one), then check the rows after it.", index=row,
        column=column, value=clipped('"' + cell))


def _over_limit(table: RawTable, text: str, start: int, row: int, header: list[str] | None) -> Problem:
    """The problem of the record at ``start`` (row ``row``) that holds a cell over the csv module's limit: which
    cell, and whether it is one long text (a cell too long, as any other) or a quote that is never closed or closed
    lines further (the lines between read as one cell). Found with str.find, no copy of the text: a cell of 50 MB
    between its two quotes was « most often a quote never closed », without its column."""
    limit, delimiter = csv.field_size_limit(), table.delimiter
    found = _long_cell(text, start, delimiter, limit)
    if found is None:   # (the csv module and this reading differ): the row alone
        return table.problem("csv_cell_limit", f"a cell of this row is longer than the {limit:,} characters a cell "
                             "may hold: most often a quote (\") opened and never closed", "Close the quote (or delete "
                             f"the stray one); a cell holds at most {MAX_CELL_CHARS:,} characters.", index=row)
    number, first, length, closed = found
    name = header[number].strip() if header and number < len(header) else ""
    cell = "" if name else f" (cell {number + 1} of the row)"
    where = {"index": row, "column": name or None, "value": text[first:first + 80] + f"… ({length:,} characters)"}
    lines = text.count("\n", first, first + length)
    if closed and not lines:
        return table.problem("cell_too_long", f"this cell{cell} holds {length:,} characters, more than the "
                             f"{MAX_CELL_CHARS:,} a spreadsheet cell can hold", "Shorten the text; put long "
                             "documents in a file of their own.", **where)
    said = (f"a quote (\") opens this cell and the next one is {lines:,} lines below, so the lines between read as "
            "one cell" if closed else "a quote (\") opens this cell and is never closed, so the rest of the file "
            "reads as one cell")
    return table.problem("csv_cell_limit", f"{said}{cell}: {length:,} characters, more than the {limit:,} a cell "
                         "may hold", "Close the quote (or delete the stray one); a cell holds at most "
                         f"{MAX_CELL_CHARS:,} characters.", **where)


def _long_cell(text: str, position: int, delimiter: str, limit: int) -> tuple[int, int, int, bool] | None:
    """The first cell over ``limit`` characters (or whose quote is never closed) of the record at ``position``: its
    number in the row from 0, where its text starts, its length, whether its quote is closed; None if there is none."""
    return next((cell for cell in _cells_of(text, position, delimiter) if cell[2] > limit or not cell[3]), None)


def _cells_of(text: str, position: int, delimiter: str) -> Iterator[tuple[int, int, int, bool]]:
    """The cells of the record at ``position``, read as the csv module reads them, with str.find (no copy of the
    text): (number in the row from 0, where its text starts, its length, whether its quote is closed)."""
    ends = re.compile(f"[{re.escape(delimiter)}\r\n]")
    number = 0
    while position < len(text):
        quoted = text.startswith('"', position)
        close = text.find('"', position + 1) if quoted else position
        while quoted and close >= 0 and text.startswith('"', close + 1):   # a doubled quote is a quote of the text
            close = text.find('"', close + 2)
        if quoted and close < 0:
            yield number, position + 1, len(text) - position - 1, False
            return
        after = ends.search(text, close + 1 if quoted else position)
        end = after.start() if after else len(text)
        yield (number, position + 1, close - position - 1, True) if quoted else (number, position, end - position, True)
        if end >= len(text) or text[end] != delimiter:
            return
        position, number = end + 1, number + 1


def _sep_line(cells: list[str], delimiter: str) -> bool:
    """Excel's "sep=;" line. Split at its own ';' it is the cells 'sep=' and '': it was read as a header of empty
    names (every column « without a header », a survey's columns « missing »), or as a title row (each row
    numbered one more than Excel, which hides the line, shows)."""
    # spaces only stripped: "sep=\t" ends with its own delimiter
    return delimiter.join(c or "" for c in cells).strip(" ").lower() == f"sep={delimiter}"


def _fast_frame(table: RawTable, head: Callable[[int], str], data: bytes, delimiter: str,
                required_sets: Sequence[Sequence[str]], trim: bool = True) -> RawTable | None:
    """The common case read by pyarrow's CSV parser (all cells as text): every record has as many fields as the first
    one. Anything else (title rows, blank lines between rows, ragged rows, Excel's "sep=" line) returns None and is
    read by the csv module below, which numbers the rows the same way: one record, one spreadsheet row.
    ``data``: valid UTF-8 (pyarrow does not check it again). ``trim=False``: no cell can start or end with a space
    (the bytes hold none), so none is stripped."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    first = _first_record(head, delimiter)
    if not first or _sep_line(first, delimiter):
        return None
    names = [f"c{i}" for i in range(len(first))]
    quoted = b'"' in data
    try:
        parsed = pacsv.read_csv(
            pa.BufferReader(data),   # the bytes themselves, not a Python file read in copies
            read_options=pacsv.ReadOptions(column_names=names, block_size=1 << 24),
            # without quotes there is no newline inside a cell, and the parser can split the file freely and skip
            # looking for quotes
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=quoted,
                                             quote_char='"' if quoted else False, ignore_empty_lines=False),
            # the bytes are UTF-8 already (ASCII, or text decoded and encoded again: read_csv): not checked again
            convert_options=pacsv.ConvertOptions(column_types={n: pa.large_string() for n in names},
                                                 strings_can_be_null=True, null_values=[""], check_utf8=False))
    except pa.ArrowInvalid:
        return None
    import pyarrow.compute as pc

    columns = []
    # the columns taken out of the table once: remove_column(0) made a new table of the others each time, 10,000
    # empty columns (trailing separators) took 27 s, quadratic; each untrimmed column is still let go once read
    untrimmed = parsed.columns
    del parsed
    for position in range(len(names)):  # stripped text; an empty cell is missing (pyarrow reads it as null)
        cells, untrimmed[position] = untrimmed[position], None   # one copy of the file at a time
        if trim and _may_have_edge_space(cells):
            cells = pc.utf8_trim_whitespace(cells)
            if pc.any(pc.match_substring_regex(cells, f"^[{INVISIBLE}]|[{INVISIBLE}]$")).as_py():
                cells = _edges_stripped(cells)
            if pc.any(pc.equal(cells, "")).as_py():  # cells of spaces only
                cells = pc.if_else(pc.equal(cells, ""), pa.scalar(None, pa.large_string()), cells)
        columns.append(cells)
    filled = columns[0].is_valid()
    for cells in columns[1:]:
        filled = pc.or_(filled, cells.is_valid())
    numbers = pc.indices_nonzero(filled).to_numpy() + 1    # empty rows are skipped; later rows keep their numbers
    cells = pa.table(columns, names=names)
    if len(numbers) < len(cells):  # a copy of every column only when there is an empty row to leave out
        cells = cells.filter(filled)
    head = [(int(n), list(row.values())) for n, row in zip(numbers[:HEADER_SEARCH_ROWS],
                                                           cells.slice(0, HEADER_SEARCH_ROWS).to_pylist())]
    position = _find_header(head, required_sets)
    if position is None:
        return None  # an empty file: said by the slow path
    table.header_row, header = head[position]
    table.titles = _titles(head[:position])
    keep = _header(table, header)
    rest = cells.slice(position + 1)
    _unnamed_values(table, header, lambda i: rest.column(names[i]).null_count < len(rest))
    _two_csv_rows(table, head[:2], required_sets)
    _csv_group_over_names(table, head[position:position + 2])
    body = rest.select([names[i] for i in keep.values()]).rename_columns(list(keep))
    # text columns of pandas' "str" dtype (Arrow-backed): no Python object per cell
    table.frame = body.to_pandas(types_mapper={pa.large_string(): pd.StringDtype(na_value=float("nan"))}.get)
    table.frame.index = pd.Index(numbers[position + 1:])
    if table.frame.empty:
        table.problems.append(_no_rows(table))
    return table


def _may_have_edge_space(cells) -> bool:
    """Whether a cell of an Arrow text column may start or end with white space: its first or last byte is not
    printable ASCII but the space (a space, a tab, a byte of a no-break space...). Read from the Arrow buffers at
    once, so that only the columns that may need it are stripped (pyarrow copies a column to strip it)."""
    for chunk in cells.chunks:
        _, offsets, data = chunk.buffers()
        if data is None:   # no text at all
            continue
        bounds = np.frombuffer(offsets, dtype=np.int64)[chunk.offset:chunk.offset + len(chunk) + 1]
        starts, ends = bounds[:-1], bounds[1:]
        filled = ends > starts
        if not filled.all():   # (an empty cell has no first byte)
            starts, ends = starts[filled], ends[filled]
        data = np.frombuffer(data, dtype=np.uint8)
        edges = np.concatenate([data[starts], data[ends - 1]])   # each cell's first and last byte
        if ((edges - 0x21) > 0x7E - 0x21).any():   # outside 0x21-0x7E (below 0x21, uint8 wraps round)
            return True
    return False


def read_csv(path: Path, encoding_fallback: str = "utf-8",
             required_sets: Sequence[Sequence[str]] = ()) -> RawTable:
    table = RawTable(path, pd.DataFrame())
    try:
        data, table.sha256 = read_digested(path)
    except Refused as exc:  # a pipe, a folder, a link out of the folder, a file over the size limit
        table.problems.append(exc.problem)
        return table
    not_text = _not_a_text_file(path, data, encoding_fallback)
    if not_text is not None:
        table.problems.append(not_text)
        return table
    body = data.removeprefix(codecs.BOM_UTF8)
    if body.isascii():  # ASCII is UTF-8: pyarrow reads the bytes, and only a head of them is decoded (a copy less)
        text, utf8 = None, body
        head: Callable[[int], str] = lambda n: body[:n].decode("ascii")
    else:
        text, problems = decode(path, data, encoding_fallback)
        if text is None:
            table.problems += problems
            return table
        # the decoded text encoded again for pyarrow when it may have been cp1252; UTF-8 is the bytes themselves (a
        # copy less: a 50 MB file took 50 MiB more)
        utf8 = body if codecs.lookup(encoding_fallback or "utf-8").name == "utf-8" else text.encode("utf-8")
        head = lambda n: text[:n]
    delimiter = table.delimiter = sniff_delimiter(head(1 << 20))
    unusual = utf8.translate(None, _PRINTED)   # spaces, line breaks, controls, non-ASCII: a few bytes a row
    # without a quote, a cell holds no line break: a file whose only unusual bytes are line breaks has no space to strip
    spaced = b'"' in utf8 or bool(unusual.translate(None, b"\n"))
    # an odd number of quotes: a quote may be open at the end of the file, which pyarrow reads as the last cell, the
    # rows after it in it (unclosed_quote, said by the csv module's reading); else a quote typed in a text (12")
    fast = _fast_frame(table, head, utf8, delimiter, required_sets, trim=spaced) if not utf8.count(b'"') % 2 else None
    if fast is not None and b'"' in utf8 and _rows_in_cell(fast) is not None:
        # a quote left open (at the file's end, or closed by a quote typed in a later text): said by the reading below,
        # on a table of its own (the fast reading's header and problems are of rows read wrong)
        fast, table = None, RawTable(path, pd.DataFrame(), sha256=table.sha256, delimiter=delimiter)
    if fast is not None:
        fast.problems += text_problems(fast, control=has_control(unusual))   # (the same answer as on utf8)
        fast.problems += garbled_text(fast, utf8)
        return fast
    if text is None:
        text = body.decode("ascii")
    # the bytes let go while the csv module reads the text, and encoded again after it (a 50 MB cell: 50 MiB less)
    del data, body, utf8, unusual
    read = [0]
    reader = csv.reader(_lines(text, read), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    last = start = 0   # where the last record read starts, and the one being read
    try:
        for n, cells in enumerate(reader, start=1):
            rows.append((n, cells))
            last, start = start, read[0]
    except csv.Error:  # a cell over the csv module's limit: a quote never closed, or a text far too long
        table.problems.append(_over_limit(table, text, start, len(rows) + 1, _csv_header(rows, delimiter, required_sets)))
        return table
    unclosed = _unclosed_quote(text, last, delimiter) if rows else None
    if unclosed is not None:   # the csv module reads the rest of the file into the cell, rows and all, and says nothing
        table.problems.append(_never_closed(table, text, unclosed, len(rows), _csv_header(rows, delimiter, required_sets)))
        return table
    if rows and _sep_line(rows[0][1], delimiter):   # Excel's "sep=;" line is not shown as a row
        rows = rows[1:]
        rows = [(n - 1, cells) for n, cells in rows]
    table = _frame(table, rows, required_sets)
    swallowed = _rows_in_cell(table)
    if swallowed is not None:   # rows read into a cell: the table's other problems would be about the wrong rows
        table.problems = [swallowed]
        return table
    table.problems += text_problems(table)
    table.problems += garbled_text(table, text.encode("utf-8"))
    return table


def _is_formula(value: Any) -> bool:
    return (isinstance(value, str) and value.startswith("=")) or "Formula" in type(value).__name__


def _pick_sheet(workbook, preferred: str | None, required_sets: Sequence[Sequence[str]], table: RawTable):
    """The sheet named ``preferred`` (the table's name), else the one visible sheet holding the required columns,
    else a hidden one (a hidden sheet is most often an old version: said by a warning), else the first sheet.
    Several visible sheets holding the columns are an error in ``table.problems`` (which one is the table?)."""
    sheets = workbook.worksheets
    for sheet in sheets:  # read-only sheets trust the size the file declares; a file may declare a wrong one
        sheet.reset_dimensions()
    named = next((sheet for sheet in sheets if preferred and sheet.title.strip().lower() == preferred.lower()), None)
    if named is not None and named.sheet_state == "visible" and not _summary(named, sheets, required_sets):
        # another visible sheet with the table's columns (`budget révisé` beside `budget`): said, not read
        others = [repr(sheet.title) for sheet in sheets if sheet is not named and sheet.sheet_state == "visible"
                  and _holds_header(sheet, required_sets)]
        if others:
            table.problems.append(table.problem(
                "sheet_not_read", f"the sheet '{named.title}' is read, as it is named like the table; the sheet"
                f"{'s' if len(others) > 1 else ''} {', '.join(others)} also hold{'' if len(others) > 1 else 's'} the "
                f"table's columns and {'are' if len(others) > 1 else 'is'} not read", f"If another sheet holds the current table, name it "
                f"'{preferred}' (and rename the old one); delete an old version, or hide it.", severity="warning"))
        return named
    holding = [sheet for sheet in sheets if _holds_header(sheet, required_sets)]
    visible = [sheet for sheet in holding if sheet.sheet_state == "visible"]
    if len(visible) > 1:   # an old version and the current one, most often: which is the table cannot be known
        names = [repr(s.title) for s in visible]
        table.problems.append(table.problem(
            "several_sheets", f"the sheets {', '.join(names[:-1])} and {names[-1]} "
            f"{'both' if len(names) == 2 else 'all'} hold the table's columns: which one is the table cannot be known",
            "Put the table in one sheet: copy the rows of the others into it if they are part of the table (a sheet "
            f"per year{_per_country(visible)}), or delete an old version; or name the sheet to read '{preferred}'."))
    if visible:
        if named in holding and len(visible) == 1:   # (the sheet named like the table hidden: it was said to hold none
            table.problems.append(table.problem(      # of the table's columns, which it holds)
                "sheet_not_read", f"the sheet '{visible[0].title}' is read: the sheet '{named.title}', named like "
                "the table, is hidden in Excel (an old version?) and is not read", f"If '{named.title}' holds the "
                f"current table, unhide it and delete the sheet '{visible[0].title}' or name it otherwise; if it is "
                "an old version, nothing to do.", severity="warning"))
        elif named is not None and len(visible) == 1:   # `participation` a summary, the table in `Données`
            table.problems.append(table.problem(
                "sheet_not_read", f"the sheet '{visible[0].title}' is read: the sheet '{named.title}', named like "
                "the table, holds none of its columns (a summary?) and is not read", f"If '{named.title}' is a "
                f"summary, nothing to do; to say which sheet holds the table, name it '{preferred}' and the summary "
                "otherwise (« synthèse »).", severity="warning"))
        return visible[0]
    hidden = named or (holding[0] if holding else None)
    if hidden is not None:
        table.problems.append(table.problem(
            "hidden_sheet", f"the sheet '{hidden.title}' is read, and it is hidden in Excel (no visible sheet "
            "holds the table's columns)", "Unhide it if it is the table; if it is an old version, put the "
            "current table in a visible sheet.", severity="warning"))
        return hidden
    return sheets[0]


def _per_country(sheets) -> str:
    """For sheets named after countries (« Maroc », « Tunisie »), how to keep each row's country when their rows
    are put together: copied without it, they were the project's as a whole, in no country annex."""
    from .countries import country_code

    if not all(country_code(sheet.title) for sheet in sheets):
        return ""
    return ", or a sheet per country: give each row its sheet's country in a column `country` (pays)"


def _summary(named, sheets, required_sets: Sequence[Sequence[str]]) -> bool:
    """Whether the visible sheet named like the table holds none of its columns while another visible sheet does:
    a summary first (« participation », its totals by country), the table in the next sheet. It was read, and
    refused (« the required column 'event_id' is missing ») where the table was there to read."""
    return bool(required_sets) and not _holds_header(named, required_sets) and any(
        sheet is not named and sheet.sheet_state == "visible" and _holds_header(sheet, required_sets)
        for sheet in sheets)


def _holds_header(sheet, required_sets: Sequence[Sequence[str]]) -> bool:
    return _header_position(sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True), required_sets) is not None


@dataclass
class _Part:
    """What the scan of one worksheet part found before openpyxl parses it."""
    cells: int = 0
    formulas: bool = False
    merged: set[tuple[str, int, str, int]] = field(default_factory=set)   # (first letter, row, last letter, row)
    hidden: set[int] = field(default_factory=set)                        # rows hidden (or filtered out) in Excel
    hidden_columns: set[tuple[int, int]] = field(default_factory=set)    # (first, last) 1-based columns hidden


# The tags are matched with the prefix of the sheet's namespace, if it has one: the Open XML SDK (many .NET programs'
# exports) writes `<x:row>`, `<x:c>`, `<x:mergeCell>`; openpyxl reads both alike. Unprefixed, a merged country, a
# hidden row and a formula without its value in such a file were read without a word.
_ROOT_PREFIX = re.compile(rb"<(?:([A-Za-z_][\w.\-]*):)?worksheet\b")


@dataclass(frozen=True)
class _Tags:
    """The byte strings and patterns of the tags of one prefix (none, as Excel and LibreOffice write; `x:`)."""
    cells: tuple[bytes, bytes]
    formulas: tuple[bytes, bytes]
    merge: bytes
    col: bytes
    merged: re.Pattern
    hidden_row: re.Pattern
    hidden_columns: re.Pattern


@lru_cache(maxsize=8)
def _tags(prefix: bytes) -> _Tags:
    opening = b"<" + prefix + b":" if prefix else b"<"
    o = re.escape(opening)
    return _Tags(
        cells=(opening + b"c ", opening + b"c>"), formulas=(opening + b"f>", opening + b"f "),
        merge=opening + b"mergeCell", col=opening + b"col",
        merged=re.compile(o + rb'mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"'),
        # a hidden row's tag (LibreOffice writes hidden="false" on every row, Excel hidden="1" on the hidden ones)
        hidden_row=re.compile(o + rb'row\b[^>]*?\bhidden="(?:1|true)"[^>]*>'),
        hidden_columns=re.compile(o + rb'col\b(?=[^>]*?\bhidden="(?:1|true)")[^>]*?\bmin="(\d+)"[^>]*?\bmax="(\d+)"|'
                                  + o + rb'col\b(?=[^>]*?\bhidden="(?:1|true)")[^>]*?\bmax="(\d+)"[^>]*?\bmin="(\d+)"'))


_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_OVERLAP = 512   # bytes of a chunk searched again with the next one: a tag cut between two chunks is found whole


def _scan(archive: zipfile.ZipFile) -> dict[str, _Part]:
    """Per worksheet part: the number of cells its XML holds, whether any holds a formula, its merged ranges and
    hidden rows, read on the decompressed stream before openpyxl parses anything (openpyxl reads a whole sheet that
    declares no size when it opens the file, and its read-only sheets know neither merges nor hidden rows)."""
    found = {}
    for name in archive.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        part, tail, tags = _Part(), b"", None
        with archive.open(name) as source:
            while chunk := source.read(1 << 22):
                block = tail + chunk
                if tags is None:   # the root tag is in the first chunk
                    root = _ROOT_PREFIX.search(block)
                    tags = _tags(root.group(1) or b"" if root else b"")
                # a tag cut between two chunks is counted once: only the chunk's own bytes are counted, with the
                # bytes of a prefixed tag before it
                counted = block[len(tail) - len(tags.cells[0]) + 1:] if len(tail) >= len(tags.cells[0]) else block
                part.cells += counted.count(tags.cells[0]) + counted.count(tags.cells[1])
                part.formulas = part.formulas or tags.formulas[0] in block or tags.formulas[1] in block
                if tags.merge in block:
                    part.merged.update((a.decode(), int(r), b.decode(), int(s))
                                       for a, r, b, s in tags.merged.findall(block))
                if b"hidden=" in block:   # (sets: a tag in the overlap is found twice, and kept once)
                    part.hidden.update(int(number[1]) for tag in tags.hidden_row.findall(block)
                                       if (number := _ROW_NUMBER.search(tag)))
                    if tags.col in block:
                        part.hidden_columns.update((int(a or d), int(b or c))
                                                   for a, b, c, d in tags.hidden_columns.findall(block))
                tail = block[-_OVERLAP:]
        found[name] = part
    return found


@contextmanager
def _sizes_not_read():
    """openpyxl's read-only sheets look for their declared size when the file is opened, and parse the whole sheet
    when it declares none; the workbook ignores that size (reset_dimensions), so it is not looked for."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    original = ReadOnlyWorksheet._get_size
    ReadOnlyWorksheet._get_size = lambda self: None
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = original


def _too_many(table: RawTable, what: str) -> Problem:
    return table.problem("too_many_cells", f"the sheet '{table.sheet}' holds {what}, more than the "
                         f"{MAX_XLSX_CELLS:,} cells (or {MAX_XLSX_ROWS:,} rows) the workbook reads from an .xlsx",
                         SPLIT_HINT)


def _stream(sheet, table: RawTable, notes: dict[int, list] | None = None,
            empty_results: set[tuple[int, int]] | None = None) -> list[tuple[int, list[Any]]] | None:
    """The sheet's non-empty rows, cleaned, read in one streamed pass; None (and a problem) past the limits.
    A number in a cell formatted as a percentage is a numbers.Percent: 0.45 there is what the sheet shows as 45 %;
    a date in a cell formatted as a month (`mmm-yy`) a numbers.MonthCell: the sheet shows « juin-21 »; as a year (`yyyy`)
    a numbers.YearCell: « 2021 ». A number whose
    format shows a text beside it (« 40.0 k$ ») is noted in ``notes``: column position -> [format, [rows], count].
    ``empty_results`` (given for a sheet holding formulas) collects the (row, 0-based column) of the cells whose
    stored result is the empty text (`=IF(C3="","",B3-C3)`: Excel writes `t="str"` and an empty value): they are
    empty cells, computed, not formulas without a value (openpyxl reads both as None). In such a sheet, a cell whose
    stored result is an error (« #DIV/0! ») is a numbers.ErrorCell (its formula added by _formulas_without_value)."""
    from .numbers import ErrorCell, MonthCell, Percent, Shown, YearCell

    rows: list[tuple[int, list[Any]]] = []
    cells = 0
    notes = {} if notes is None else notes
    struck_styles = _struck_styles(sheet.parent)

    def noted(cell, n: int, kind: Any, shown: Any = None) -> Any:
        found = notes.setdefault(cell.column - 1, [None, [], 0, {}])
        if kind:   # a format writing a text; one showing only a '+' (`+0;-0;0`) has its format kept, no note
            found[0] = found[0] or cell.number_format
            if len(found[1]) <= HEADER_SEARCH_ROWS and found[0] == cell.number_format:   # (rows up to the header's)
                found[1].append(n)
            found[2] += 1
        if len(found[3]) < FORMATS_KEPT:
            found[3][n] = cell.number_format
        if shown is not None:   # (a percentage shown with a '+': its format kept for make check to name)
            return shown
        if (not kind or not kind[1]) and type(cell.value) is float and (places := _decimals_shown(cell.number_format)) \
                and _decimals_held(cell.value) < places:   # `+0.00`, `0.00" M$"` show 1.4 as « +1.40 », « 1.40 M$ »
            return Shown.of(cell.value, places)
        return cell.value

    for n, row in enumerate(sheet.iter_rows(min_row=1, min_col=1), 1):
        cells += len(row)
        if cells > MAX_XLSX_CELLS or n > MAX_XLSX_ROWS:
            table.problems.append(_too_many(table, f"more than {cells:,} cells in {n:,} rows"))
            return None
        values = [((noted(c, n, None, Percent.shown(c.value, _percent_decimals(c.number_format), True))
                    if "+" in c.number_format and shows_plus(c.number_format) else
                    Percent.shown(c.value, _percent_decimals(c.number_format)))
                   if kind is _PERCENT else noted(c, n, kind))
                  if type(c.value) in (int, float) and ((kind := number_kind(c.number_format))
                                                        or "+" in c.number_format and shows_plus(c.number_format)) else
                  (MonthCell.of(c.value) if shown is _MONTH else YearCell.of(c.value))
                  if type(c.value) is dt.datetime and (shown := _date_shown(c.number_format)) else
                  Shown.of(c.value, places) if type(c.value) is float and (places := _decimals_shown(c.number_format))
                  and _decimals_held(c.value) < places else c.value
                  for c in row]
        cleaned = [_clean(_unescaped(c)) for c in values]
        if struck_styles and _struck(row, struck_styles):
            table.struck.append(n)
        if empty_results is not None:   # (a sheet holding formulas)
            for i, c in enumerate(row):
                if c.data_type == "str" and c.value is None:
                    empty_results.add((n, i))
                elif c.data_type == "e" and isinstance(c.value, str):   # a formula's error; its formula: below
                    cleaned[i] = ErrorCell.of(c.value.strip())
        if any(c is not None for c in cleaned):
            rows.append((n, cleaned))
    return rows


def _struck_styles(book) -> frozenset[int]:
    """The cell styles of a workbook whose font is struck through (none in most workbooks: nothing to look at)."""
    try:
        return frozenset(i for i, style in enumerate(book._cell_styles) if book._fonts[style.fontId].strike)
    except (AttributeError, IndexError, TypeError):
        return frozenset()


def _struck(row, styles: frozenset[int]) -> bool:
    """Whether every value of a row is struck through (« barré »): a line crossed out in the sheet, as a finance
    table marks a line dropped, is still read. The first value's style is looked at, the others only when it is."""
    seen = False
    for cell in row:
        if cell.value is None or cell.value == "":
            continue
        if getattr(cell, "_style_id", None) not in styles:
            return False
        seen = True
    return seen


@lru_cache(maxsize=256)
def _is_percent(number_format: Any) -> bool:
    """A number format that shows the cell times 100 with '%' ('0%', '#,##0.00 %'); a '%' in quotes, escaped or in
    brackets is text, and does not scale the number."""
    if not isinstance(number_format, str):
        return False
    return "%" in re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format)


@lru_cache(maxsize=256)
def _percent_decimals(number_format: Any) -> int | None:
    """The decimals a percentage format shows ('0%': 0, '#,##0.00 %': 2), None when it cannot be told."""
    if not isinstance(number_format, str):
        return None
    first = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format.split(";")[0])
    if "%" not in first:
        return None
    found = re.search(r"\.([0#?]+)", first)
    return len(found.group(1)) if found else 0


@lru_cache(maxsize=256)
def _decimals_shown(number_format: Any) -> int:
    """The decimals a plain number format always shows ('0.00', '#,##0.00': 2; '0.0#': 1; 'General', '0': 0)."""
    if not isinstance(number_format, str):
        return 0
    first = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format.split(";")[0])
    if "e" in first.lower():   # a scientific format: not what a code is written in
        return 0
    found = re.search(r"\.(0+)", first)
    return len(found.group(1)) if found else 0


def _decimals_held(value: float) -> int:
    """The decimals a number needs (1.1: 1, 1.25: 2); a number written with an exponent: many."""
    text = repr(value)
    return 99 if "e" in text else len(text.partition(".")[2])


@lru_cache(maxsize=256)
def shows_plus(number_format: Any) -> bool:
    """Whether a number format shows a '+' before a positive number (`+0;-0;0`, `+0"%"`, `"+"0%`, `\\+#,##0`): the
    sheet shows « +16 », a change, where the cell holds 16. A '+' after the digits (`0.0E+00`) is not before it."""
    if not isinstance(number_format, str) or "+" not in number_format:
        return False
    section = re.split(r';(?=(?:[^"]*"[^"]*")*[^"]*$)', number_format)[0]   # the positive numbers' section
    shown = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].', lambda m: re.sub(r'[0#?"\\]', "", m.group(0))
                   if m.group(0)[0] in '"\\' else "", section)   # a quoted or escaped text shown; [..], _x, *x not
    return "+" in re.split(r"[0#?]", shown, maxsplit=1)[0]


_PERCENT = "percent"
FORMATS_KEPT = 5000   # number formats kept per column (RawTable.formats): a published figures' table is far smaller
_LITERALS = re.compile(r'"([^"]*)"|\\(.)|\[\$([^\]\-]*)[^\]]*\]|\[[^\]]*\]|[_*].|([^"\\\[_*]+)')
_PLACEHOLDERS = re.compile(r"general|[eE][+-]0+|[0#?.,%+\-()/:@\s]", re.IGNORECASE)
_DIVIDED = re.compile(r"[0#?.],+(?![0#?])")   # a comma after the digits: the number shown divided by 1 000


@lru_cache(maxsize=256)
def number_kind(number_format: Any) -> str | tuple[str, bool] | None:
    """_PERCENT for a percentage format; for a format that writes a text beside the number (`#,##0.0" k$"`,
    `#,##0 [$€-40C]`, `0 \\€`, `$#,##0`), (that text, whether the format divides the number by 1 000s: `#,##0," k"`
    shows 40 000 as « 40 k »); None for a plain number."""
    if not isinstance(number_format, str):
        return None
    if _is_percent(number_format):
        return _PERCENT
    section = re.split(r';(?=(?:[^"]*"[^"]*")*[^"]*$)', number_format)[0]   # the positive numbers' section
    pieces = []
    for quoted, escaped, symbol, plain in _LITERALS.findall(section):
        pieces.append(quoted or escaped or symbol or _PLACEHOLDERS.sub(" ", plain))
    text = " ".join(" ".join(pieces).split())
    if not text:
        return None
    return text, bool(_DIVIDED.search(re.sub(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].', "", section)))


_MONTH, _YEAR = "month", "year"


@lru_cache(maxsize=256)
def _date_shown(number_format: Any) -> str | None:
    """_MONTH for a date format that shows a month and its year, no day ('mmm-yy', 'mmmm yyyy', 'mm/yyyy'); _YEAR
    for one that shows the year alone ('yyyy'); None for the others."""
    if not isinstance(number_format, str):
        return None
    codes = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format).lower()
    if "y" not in codes or set(codes) & set("dhs"):
        return None
    return _MONTH if "m" in codes else _YEAR


def _unreadable(table: RawTable, data: bytes, exc: Exception) -> Problem:
    """A workbook openpyxl cannot read; one saved as Excel's 'Strict Open XML Spreadsheet' (other namespaces, where
    openpyxl finds no sheet: « list index out of range ») is named so."""
    if b"purl.oclc.org/ooxml/spreadsheetml" in _part(data, "xl/workbook.xml"):
        return table.problem("unreadable_xlsx", "the file is saved as 'Strict Open XML Spreadsheet', which cannot be "
                             "read", "Open it in Excel and save it again as 'Excel Workbook (.xlsx)'.")
    if b"macroEnabled" in _part(data, "[Content_Types].xml"):   # openpyxl: « File contains no valid workbook part »
        return table.problem("unreadable_xlsx", "the file is a macro-enabled workbook (.xlsm) named .xlsx, which "
                             "cannot be read as one (its macros are never run)", "Open it in Excel and save it as "
                             "'Excel Workbook (.xlsx)' (Save As: the macros are left out), or save the sheet as CSV "
                             "UTF-8.")
    return table.problem("unreadable_xlsx", f"the file cannot be read as .xlsx ({exc})",
                         "Open it in Excel and save it again as 'Excel Workbook (.xlsx)'.")


def _part(data: bytes, name: str, most: int = 1 << 16) -> bytes:
    """The first bytes of a part of a zip file, or b'' (no such part, not a zip)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(name) as part:
            return part.read(most)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return b""


def read_xlsx(path: Path, required_sets: Sequence[Sequence[str]] = (), sheet_name: str | None = None,
              only_sheet: bool = False) -> RawTable:
    """One sheet of an .xlsx, streamed (openpyxl read-only) once; the limits are checked before it is parsed: the
    parts' unpacked sizes from the zip's central directory, then the number of cells in the sheet. ``only_sheet``:
    the sheet named ``sheet_name`` is read whatever the others hold (a survey's sheets, each read in turn);
    ``required_sets`` then only find its header row."""
    import openpyxl

    table = RawTable(path, pd.DataFrame())
    try:
        data, table.sha256 = read_digested(path)
    except Refused as exc:
        table.problems.append(exc.problem)
        return table
    if data.startswith(OLE2):
        table.problems.append(_ole2_problem(table, data))
        return table
    bomb = zip_problem(table.file, data, XLSX_MAX_PART, XLSX_MAX_TOTAL, hint=SPLIT_HINT)
    if bomb is not None:
        table.problems.append(bomb)
        return table
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            scanned = _scan(archive)
            recalculated = _recalculated_on_load(archive)
        over = {name: part.cells for name, part in scanned.items() if part.cells > MAX_XLSX_CELLS}
        if over:
            table.problems.append(table.problem(
                "too_many_cells", f"a sheet of the workbook ({', '.join(over)}) holds {max(over.values()):,} cells, "
                f"more than the {MAX_XLSX_CELLS:,} the workbook reads from an .xlsx", SPLIT_HINT))
            return table
        with _sizes_not_read():
            values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or mis-named file
        table.problems.append(_unreadable(table, data, exc))
        return table
    try:
        if only_sheet:   # a file may declare a wrong size: ignored, as _pick_sheet does
            sheet = values[sheet_name]
            sheet.reset_dimensions()
        else:
            sheet = _pick_sheet(values, sheet_name, required_sets, table)
        table.sheet = sheet.title
        table.date1904 = values.epoch.year == 1904
        part = scanned.get(sheet._worksheet_path) or _Part(formulas=True)  # unknown part: look for formulas
        notes: dict[int, list] = {}
        empty_results: set[tuple[int, int]] | None = set() if part.formulas else None
        rows = _stream(sheet, table, notes, empty_results)
    except Exception as exc:  # noqa: BLE001 - a damaged part shows only when it is parsed
        table.problems.append(_unreadable(table, data, exc))
        return table
    finally:
        values.close()
    if rows is None:
        return table
    table = _frame(table, rows, required_sets, cleaned=True)
    _format_notes(table, notes)
    merged = _two_row_header(table, rows, part.merged, required_sets)
    if not any(p.rule == "two_row_header" for p in table.problems):
        # a group typed in one cell, not merged over the next ones (`Budget` then an empty cell): it was read as the
        # budget, its row of names refused « not a number: 'Prévu' », the next column « merged header »
        _two_header_rows_unmerged(table, rows, required_sets)
    _merged_headers(table, merged)
    table.merged = _fill_merged(table, part.merged)
    table.hidden = sorted(n for n in part.hidden if n in table.frame.index)
    table.struck = [n for n in table.struck if n in table.frame.index]
    table.hidden_columns = [letter for letter in table.letters.values()
                            if any(a <= column_position(letter) + 1 <= b for a, b in part.hidden_columns)]
    table.problems += text_problems(table)
    table.problems += garbled_text(table)
    if part.formulas:  # only then a second, streamed pass: a formula whose result was never computed
        table.problems += _formulas_without_value(table, data, dict(rows), recalculated, empty_results or set())
    return table


OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")   # the signature of a compound file: not a zip, so not an .xlsx


def _ole2_problem(table: RawTable, data: bytes) -> Problem:
    """An .xlsx that is a compound file: a workbook encrypted with a password to open (Excel stores it so, its
    streams `EncryptionInfo` and `EncryptedPackage`), or an Excel 97-2003 workbook (.xls: a stream `Workbook`)
    renamed .xlsx. Which one is told by the names of its streams (UTF-16 in its directory); both are said otherwise."""
    encrypted = "EncryptedPackage".encode("utf-16-le") in data
    old = not encrypted and any(name.encode("utf-16-le") + b"\0\0" in data for name in ("Workbook", "Book"))
    password = ("File > Info > Protect Workbook > Encrypt with Password (Fichier > Informations > Protéger le "
                "classeur > Chiffrer avec mot de passe), delete the password, and save it as 'Excel Workbook (.xlsx)'")
    if encrypted:
        message = ("the file is protected by a password to open (Excel encrypts such a workbook): it cannot be read "
                   "without the password")
        hint = f"Open it in Excel with its password, then {password}; or ask its sender for a copy without password."
    elif old:
        message = "the file is an old Excel 97-2003 workbook (.xls) named .xlsx, not an .xlsx workbook"
        hint = "Open it in Excel and save it as 'Excel Workbook (.xlsx)' (Save As)."
    else:
        message = ("the file is not an .xlsx workbook but a compound file: either a workbook protected by a password "
                   "to open (encrypted), or an old Excel 97-2003 workbook (.xls) named .xlsx")
        hint = (f"If Excel asks for a password to open it, open it with the password, then {password}. Otherwise "
                "open it in Excel and save it as 'Excel Workbook (.xlsx)' (Save As).")
    return table.problem("unreadable_xlsx", message, hint)


def _format_notes(table: RawTable, notes: dict[int, list]) -> None:
    """table.format_notes: the columns read whose numbers below the header have a format writing a text."""
    names = set(table.letters.values())
    for position, (number_format, rows, count, formats) in notes.items():
        letter = column_letter(position)
        if letter in names:
            table.formats[letter] = {n: f for n, f in formats.items() if n > table.header_row}
        below = [n for n in rows if n > table.header_row]
        if letter not in names or not below or number_format is None:
            continue
        text, divided = number_kind(number_format)
        table.format_notes[letter] = FormatNote(below[0], number_format, text, divided,
                                                count - (len(rows) - len(below)))


_FULL_CALC = re.compile(rb'<(?:\w+:)?calcPr\b[^>]*?\bfullCalcOnLoad="(?:1|true)"')


def _recalculated_on_load(archive: zipfile.ZipFile) -> bool:
    """Whether the workbook asks to be computed again when it is opened (`<calcPr fullCalcOnLoad="1"/>` in
    xl/workbook.xml): XlsxWriter (pandas.to_excel) and openpyxl write it, and store 0 (or nothing) as every formula's
    result. Excel and LibreOffice do not write it when they save the values they computed."""
    try:
        with archive.open("xl/workbook.xml") as source:
            return _FULL_CALC.search(source.read(1 << 22)) is not None   # calcPr comes after the sheets' list
    except KeyError:
        return False


# the functions of a totals row (Excel's tables write SUBTOTAL; a French Excel shows it as SOUS.TOTAL and AGREGAT,
# and stores the English name, AGGREGATE with its prefix _xlfn.)
_SUBTOTAL = re.compile(r"=\s*(?:_xlfn\.)?(?:subtotal|sous\.total|aggregate|agregat)\s*\(", re.IGNORECASE)
# a sum of cells of its own column above it (`=SUM(B2:B3)`, SOMME in a French Excel, stored as SUM; `=B2+B3`;
# `=SUM(B2,B3)`): a subtotal row, its cached value read as one more line without a word
_SUM_CALL = re.compile(r"=\s*(?:sum|somme)\s*\((.*)\)\s*$", re.IGNORECASE)
_CELLS = re.compile(r"\s*\$?([a-z]+)\$?(\d+)\s*(?::\s*\$?([a-z]+)\$?(\d+)\s*)?$", re.IGNORECASE)
# a reference to another workbook, as Excel stores it in a formula: [1]Feuil1!B3, '[1]Budget 2021'!B3, [1]!Total (the
# number is the workbook's external link, a sheet or name and '!' after it; a table's column Table1[2021] or
# [[#This Row],[2021]] is never followed by '!')
_EXTERNAL = re.compile(r"(?:^=|[^A-Za-z0-9_.\]\[])'?\[(\d+)\](?:[^!'\[\]()+\-*/^&<>=,;:\s]*|[^'\[\]]*')!")


_NAME_IN_FORMULA = re.compile(r"(?<![\w.\]\[!'\"])([A-Za-z_\\][\w.\\]*)(?![\w.(!\[])")


def _external_names(workbook) -> dict[str, str]:
    """{defined name, in capitals: the number of the external link its reference is in} for each name of the
    workbook that refers to another workbook (`BudgetOIT` = [1]Feuil1!$B$3): a formula =BudgetOIT takes its value
    from there as surely as =[1]Feuil1!B3 does, and was read without a word."""
    names = dict(workbook.defined_names.items())
    for sheet in workbook.worksheets:   # (names of one sheet: Excel's « Étendue » a sheet)
        names.update(getattr(sheet, "defined_names", None) or {})
    linked = {}
    for name, defined in names.items():
        found = _EXTERNAL.search("=" + (getattr(defined, "attr_text", None) or ""))
        if found:
            linked[name.upper()] = found.group(1)
    return linked


def _external_link(cell: str, names: dict[str, str]) -> str | None:
    """The number of the external link a formula takes a value from: written in it ([1]Feuil1!B3), or through a
    defined name that refers to another workbook; None when it takes none."""
    linked = _EXTERNAL.search(cell)
    if linked:
        return linked.group(1)
    text = re.sub(r'"[^"]*"', "", cell)   # (a name inside a text in quotes is only text)
    return next((names[m.group(1).upper()] for m in _NAME_IN_FORMULA.finditer(text) if m.group(1).upper() in names),
                None)


def _linked_books(data: bytes) -> dict[str, str]:
    """{external link number: the file name of the workbook it names}, from xl/externalLinks/ (empty when none)."""
    from urllib.parse import unquote

    books = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            found = re.fullmatch(r"xl/externalLinks/_rels/externalLink(\d+)\.xml\.rels", name)
            target = re.search(rb'Target="([^"]+)"', archive.read(name)) if found else None
            if target:
                books[found.group(1)] = re.split(r"[\\/]", unquote(target.group(1).decode("utf-8", "replace")))[-1]
    return books


def _sums_above(formula: str, i: int, n: int, table: RawTable) -> bool:
    """Whether the formula of the cell of row n, column i, is the sum of cells of that column between the header and
    it (`=SUM(B2:B3)`, `=B2+B3`, `=SUM(B2,B3)` in B6)."""
    called = _SUM_CALL.match(formula)
    terms = re.split(r"[,;]", called[1]) if called else formula[1:].split("+")
    if len(terms) < (1 if called else 2):   # (=B2 alone is a copy of a line, not a sum)
        return False
    letter = column_letter(i)
    for term in terms:
        cells = _CELLS.match(term)
        if not cells:
            return False
        first, last = int(cells[2]), int(cells[4] or cells[2])
        if cells[1].upper() != letter or (cells[3] or letter).upper() != letter \
                or not table.header_row < first <= last < n:
            return False
    return True


def _formulas_without_value(table: RawTable, data: bytes, values: dict[int, list[Any]],
                            recalculated: bool = False, empty_results: set[tuple[int, int]] = frozenset()
                            ) -> list[Problem]:
    """A formula whose result was never computed has no cached value: data_only gives None. Say so.
    The cells below the header whose formula is a SUBTOTAL (or AGGREGATE) are noted in table.subtotals; a cell whose
    result is an error (numbers.ErrorCell, from _stream) gets its formula.
    ``recalculated``: the workbook asks to be computed on opening (_recalculated_on_load): the result it stores for a
    formula (XlsxWriter's 0) was never computed either, and every formula cell is reported, its value emptied (not
    read as 0). ``empty_results``: cells (row, 0-based column) whose stored result is the empty text (_stream): they
    were computed, and are read as empty cells."""
    import openpyxl

    problems = []
    with _sizes_not_read():
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    books = None
    try:
        names = _external_names(formulas)
        sheet = formulas[table.sheet]
        sheet.reset_dimensions()
        for n, cells in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), 1):
            if n <= table.header_row:
                continue
            row = values.get(n, [])
            for i, cell in enumerate(cells):
                if type(cell) is str and cell[:1] == "=" and (_SUBTOTAL.match(cell) or _sums_above(cell, i, n, table)):
                    table.subtotals[(n, column_letter(i))] = shown(cell)
                linked = _external_link(cell, names) if type(cell) is str and cell[:1] == "=" else None
                name = next((k for k, letter in table.letters.items() if letter == column_letter(i)), None) \
                    if linked else None
                if name is not None:
                    # the value Excel stored when the file was last saved, not the other workbook's now: a budget
                    # revised there was read as it was then, without a word
                    books = _linked_books(data) if books is None else books
                    book = books.get(linked)
                    problems.append(Problem(
                        table.file, "external_link", f"this cell holds the formula {shown(cell)}, which takes its "
                        f"value from another workbook" + (f" ({shown(book)})" if book else "") + ": the value read "
                        "is the one stored when this file was last saved, not that workbook's of today",
                        "Nothing to do if that workbook has not changed since; else open this file in Excel, update "
                        "its links (Data > Edit Links > Update Values; « Données > Modifier les liens ») and save it. "
                        "Cells pasted as values (« Collage spécial > Valeurs ») no longer depend on it.",
                        row=n, cell=f"{_quote_sheet(table.sheet)}!{column_letter(i)}{n}", column=name,
                        severity="warning"))
                if i < len(row) and hasattr(row[i], "formula") and _is_formula(cell):   # a numbers.ErrorCell
                    row[i].formula = shown(cell) if isinstance(cell, str) else "(an array formula)"
                if _is_formula(cell) and (recalculated or (i >= len(row) or row[i] is None)
                                          and (n, i) not in empty_results):
                    name = next((k for k, letter in table.letters.items() if letter == column_letter(i)), None)
                    formula = shown(cell) if isinstance(cell, str) else '(array formula)'
                    if recalculated:
                        stored = None if i >= len(row) else row[i]
                        if name is not None and n in table.frame.index:
                            table.frame.at[n, name] = None
                        message = (f"this cell holds the formula {formula}, and the file was written by a program "
                                   "that left the formulas to be computed when the file is opened (the workbook asks "
                                   "Excel to compute them again): the result it stores"
                                   + (f" ({shown(str(stored))})" if stored is not None else "") + " was never computed")
                        hint = ("Open the file in Excel or LibreOffice and save it (the computed values are then "
                                "stored), or have the program write the values instead of formulas.")
                    else:
                        message = (f"this cell holds the formula {formula} but no computed value (the file was not "
                                   "saved by Excel)")
                        hint = "Open the file in Excel and save it (Excel stores the computed values), or type the value."
                    problems.append(Problem(
                        table.file, "formula_without_value", message, hint,
                        row=n, cell=f"{_quote_sheet(table.sheet)}!{column_letter(i)}{n}", column=name))
    finally:
        formulas.close()
    return problems


def read_table(path: Path, encoding_fallback: str = "utf-8",
               required_sets: Sequence[Sequence[str]] = ()) -> RawTable:
    """A CSV or .xlsx file as a raw table. ``required_sets``: alternative sets of columns that identify the header."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(path, required_sets, sheet_name=path.stem)
    return read_csv(path, encoding_fallback, required_sets)
