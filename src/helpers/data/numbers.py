"""Numbers, dates and yes/no values as partners type them.

The project declares its decimal mark (``.`` or ``,``); the other mark, spaces, non-breaking and narrow no-break
spaces are thousands separators. Nothing is guessed per cell: with decimal mark ``,`` the text ``4.600.000`` is four
million six hundred thousand, and ``1.5`` is an error (a group after a thousands separator has three digits).
A stray space before the decimal mark (« 17 ,7 ») is tolerated.
A minus is ``-``, ``−`` (U+2212), the en dash, or one of the other minus signs a keyboard types (_OTHER_SIGNS: the
full-width ``－``); full-width digits, comma, full stop and space (``－１２００，５``) are read as the half-width ones.

Only finite numbers are numbers: ``1e400`` (beyond the largest float), ``inf`` and ``nan`` in any spelling are
refused. In money columns (``money=True``) a negative may be written as finance systems export it, ``(1 234,00)``
or ``1234,00-``; elsewhere (counts) these forms are refused.

Dates are ISO ``2020-12-31`` (a time part is ignored, and its zone: ``2023-03-31T00:00:00+01:00`` is the day as
written) or day first ``31/12/2020`` (also ``31.12.2020``, ``31-12-2020``), or with the month in words (``31 mars
2023``, ``March 31, 2023``), maybe after the day of the week, which must be the date's. Cells read from .xlsx arrive as Python numbers, dates or booleans and are taken as they are, but
for a cell formatted as a percentage (``Percent``: it holds 0.45 where the sheet shows 45 %).

A period's end (``parse_period_end``, for the columns that hold one: an expenditure's ``period_end``): a date, or the
period itself read as its last day: a month (``2021-06``, ``06/2021``, ``juin 2021``, ``juin-21`` as Excel writes
``mmm-yy``, and an .xlsx date cell formatted so), a quarter (``T2 2021``, ``2021-Q2``), a half (``S1 2021``,
``2021-H1``) or a year (``2021``, and an .xlsx date cell formatted ``yyyy``, which holds the 1st of January). A
month written with a two-digit year is read only beside a month's name (``juin-21``, not ``06/21``).

Percentages: in the columns that hold them (``percent=True``: an activity's progress, an indicator's values) « 45 % »
and a percentage cell showing 45 % are 45, as the sheet shows them; elsewhere (amounts, counts) both are refused
rather than read as 45 or 0.45. A percentage cell holding more than 1 (45 typed into a cell already formatted as a
percentage: the sheet shows 4500 %) is refused rather than read as 4500.

The scalar functions raise ``ValueError`` with a plain-words reason; the Series versions return the parsed values
and the index labels of the cells that failed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal
import re
from typing import Any, Hashable

import numpy as np
import pandas as pd

from ..text import fold, is_not_known, unaccented
from .currencies import ABBREVIATIONS, CODES, IN_CELL, is_iso_code

# Characters taken as a thousands separator besides the other decimal mark.
SPACES = " \u00a0\u202f\u2009\u2007"
_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash (Word turns '-' into '–')
# the other minus signs a cell may hold, read as '-' (and the full-width plus as '+'): the full-width minus (U+FF0D,
# as a Chinese, Japanese or Korean input method types it, beside its full-width digits, which are read), the small
# one (U+FE63), the hyphen and the figure dash (U+2010, U+2012). « －1 200 » was « not a number » where « −1 200 » is
# read
# (and the full-width comma, full stop and space an East Asian keyboard types with its full-width digits: « －１２００，５ »
# was « not a number » where « -1200,5 » is read; the digits made ASCII too, for the patterns written with 0-9)
_OTHER_SIGNS = str.maketrans({"\uff0d": "-", "\ufe63": "-", "\u2010": "-", "\u2012": "-", "\uff0b": "+",
                              "\uff0c": ",", "\uff0e": ".", "\u3000": " ",
                              **{chr(0xff10 + d): str(d) for d in range(10)}})
_EXPONENT = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$")  # linear: '1'*60000 is not quadratic
MAX_LENGTH = 1000         # no number is written with more characters (the largest float written out has 309 digits)
TOO_LONG = "not a number (more than 1000 characters)"
CURRENCY = "a currency sign or code is not part of a number"
DASH = "a dash alone is not a number (Excel's accounting format shows 0 as '-')"
EXCEL_SERIAL = "an Excel date serial number, not a date"
NOT_KNOWN = "a word for 'not known', not a number"
# the Arabic thousands separator (U+066C) and decimal mark (U+066B), as an Arabic text writes a number: each has
# one meaning, whatever the project's decimal mark (« ١٢٬٠٠٠٫٥ » was « not a number »)
_ARABIC_MARKS = re.compile("[\u066b\u066c]")
# « néant », « aucun », « RAS » (rien à signaler) where nothing was spent or no one came: « not a number », nothing said
ZERO_WORD = "a word for none or zero, not a number"
_ZERO_WORDS = frozenset("neant|aucun|aucune|zero|nul|nulle|rien|ras|nil".split("|"))
APOSTROPHE = "an apostrophe as a thousands separator (1'234.50, as a Swiss Excel writes it) is not read"
SCALED = "a number with a thousands or millions suffix (12k, 1,2 M) is not read"
# what Excel saves in a CSV in place of a value: a formula's error (« #REF! »), or « #### » for a cell too narrow
SAVED_ERROR = "an Excel error saved in place of the value"
SCIENTIFIC = ("a number in scientific notation, as Excel shows a number too wide for its column or of more than 11 "
              "digits: the file keeps only the digits shown")
_SCIENTIFIC = re.compile(r"^[+\-\u2212]?\d+(?:[.,]\d+)?[eE][+\-]?\d+$")
HASHES = ("Excel's '####', shown where a column is too narrow for its number or date, saved in place of the value "
          "(a CSV keeps what the sheet shows)")
_APOSTROPHE = re.compile(r"^[+\-\u2212(]?\d{1,3}(?:['\u2019]\d{3})+(?:[.,]\d+)?\)?-?$")
# a multiplier in the cell, a currency beside it or not (« 12k », « 1 200 MDT », « 1,2 M€ », « 3 k€ », « 1,5 Mds »,
# « 2 millions d'euros »): refused, saying what it is in units (« 1 200 MDT » was « not a number » and « 1,2 M€ » told
# to remove the currency sign: written then 1 200 and 1,2, a millionth of the amount)
_SCALES = {**dict.fromkeys("k mille millier milliers".split(), 3),
           **dict.fromkeys("m mio mo mn million millions".split(), 6),
           **dict.fromkeys("md mds mrd mrds milliard milliards".split(), 9)}
_SCALED_CURRENCY = ("[€$£¥₣₦¤]|" + "|".join(sorted(CODES | set(ABBREVIATIONS), key=len, reverse=True))
                    + r"|f\s?cfa|euros?|dollars?|dirhams?|dinars?|ouguiyas?|francs?(?: cfa)?")
_SCALED = re.compile(rf"^(?:(?P<before>{_SCALED_CURRENCY})\s?)?(?P<number>[+\-\u2212]?\d(?:[\d{SPACES}.,]*\d)?)\s?"
                     rf"(?P<scale>{'|'.join(sorted(_SCALES, key=len, reverse=True))})\.?"
                     rf"(?:\s?(?:de |d'|d’)?(?P<after>{_SCALED_CURRENCY})\.?)?$", re.IGNORECASE)
# (« 3,000,000.00 » in a project whose mark is ',': an English Excel's number, « not a number », nothing said)
COMMA_THOUSANDS = ("not a number with this project's decimal mark ',': ',' separates its thousands and '.' its "
                   "decimals, as where the decimal mark is '.'")
DOT_THOUSANDS = ("not a number with this project's decimal mark '.': '.' separates its thousands, as where the "
                 "decimal mark is ','")
LOST_SEPARATOR = ("a '?' between digits: the thousands separator (a French Windows' narrow no-break space) that the "
                  "file's encoding could not hold")
_LOST_SEPARATOR = re.compile(r"^[+\-\u2212(]?\d{1,3}(?:\?\d{3})+(?:[.,]\d+)?\)?-?$")
_CURRENCY = IN_CELL   # (data.currencies: the header reader's and the published figures' currencies too)
_SERIAL = re.compile(r"^\d{5}(?:[.,]\d+)?$")
# (a sign may be followed by spaces, « - 12,000 », as a number is: _number_pattern)
# (1 to 3 digits not all 0: '0,509' and '0.509' are 0.509 with either mark, never 509: no number's thousands group
# is 0; a study's share written 0,509 got a warning on every row, « could mean 509 »)
_GROUP = r"(?:[0-9]{0,2}[1-9]|[1-9][0-9]{1,2}|[0-9][1-9][0-9])"
_SIGN = r"[+\-\u2212\u2013\uff0d\ufe63\u2010\u2012\uff0b]"   # a sign, of any of the forms _OTHER_SIGNS reads
# (a grouped number too, « 3 000,000 »: three decimals where the column's currency writes two, or a thousands
# separator typed with the wrong mark? It was read as 3 000 without a word)
AMBIGUOUS_PATTERN = (r"[ \u00a0\u202f\u2009\u2007\t]*(?:" + _SIGN + r"[ \u00a0\u202f\u2009\u2007]*)?" + _GROUP
                     + r"(?:[ \u00a0\u202f\u2009\u2007.,]\d{3})*[.,]\d{3}[ \u00a0\u202f\u2009\u2007\t]*")
_AMBIGUOUS = re.compile(r"^(?:" + _SIGN + r"[ \u00a0\u202f\u2009\u2007]*)?" + _GROUP + r"[.,]\d{3}$")
_GROUPED_THREE = re.compile(r"^(?:" + _SIGN + r"[ \u00a0\u202f\u2009\u2007]*)?" + _GROUP
                            + r"(?:[ \u00a0\u202f\u2009\u2007.,]\d{3})+[.,]\d{3}$")
# AMBIGUOUS_PATTERN as it reads on ASCII text (where \d is 0-9 and the other spaces and minus cannot occur): pandas
# gives a pattern with non-ASCII characters to Python's re, cell by cell; this one goes to pyarrow's regex at once.
_AMBIGUOUS_ASCII = r"[ \t]*(?:[+\-] *)?" + _GROUP + r"(?:[ .,][0-9]{3})*[.,][0-9]{3}[ \t]*"
NOT_FINITE = "not a finite number (too large, infinite or NaN)"
PERCENT = "a percentage, in a column that holds no percentages"
PERCENT_OVER = "a cell formatted as a percentage shows more than 100 %"
NEGATIVE_FORM = "a negative written '(12)' or '12-' is read in amount columns only"
# « 1 200,- » (« 1'200.– »): an amount without its cents, as a price or an invoice writes it; a dash at a number's end
# is a finance export's negative (`1234,00-`), so it is not guessed: refused saying both (it said « not a number »)
NO_CENTS = "a dash in place of the cents"
_NO_CENTS = re.compile(rf"^[+{_MINUS}]?[\d{SPACES}.,'\u2019]*\d[.,][{_MINUS}\u2014]{{1,2}}$")
_NOT_FINITE = re.compile(r"^[+\-\u2212]?(inf|infinity|nan)$", re.IGNORECASE)
_ACCOUNTING = re.compile(rf"^\((?P<paren>[^()]*)\)$|^(?P<trailing>[^()]*\d)[{_MINUS}]$")
# (with the zone an API or a Kobo export writes after the time, « 2023-03-31T00:00:00Z », « …T00:00:00+01:00 »: the
# day as written, in the zone given; it was « not a date »)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                  r"(?:\s?(?:Z|[+-]\d{2}(?::?\d{2})?))?)?$")
# (a year of two digits after '/' or '.' only: 31/12/20; 20-12-31 may be year first)
DAY_FIRST = _DAY_FIRST = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|(?<=[/.])\d{2})"
                                    r"(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
_YEAR_FIRST = re.compile(r"^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$")                      # 2020/12/31: year first
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})(?:er)?[ .-]*([a-z]+)\.?[ .-]*(\d{4}|\d{2})$")  # 31 décembre 2020, 31-déc.-20
# the month in words first, as English writes it: « March 31, 2023 », « Dec 31st, 2020 » (a year of four digits)
_MONTH_NAME_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
# a day of the week before the date (« mer. 31 mars 2023 », « Friday, March 31, 2023 »), as Outlook or a long date
# format writes it: read when it is the date's, else refused (the day or the date mistyped)
_WEEKDAY = re.compile(r"^(?P<day>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim|"
                      r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|"
                      r"sat|sun)\.?,?\s+(?P<rest>\S.*)$", re.IGNORECASE)
_WEEKDAYS = {name: day for day, names in enumerate(("lundi lun monday mon", "mardi mar tuesday tues tue",
                                                    "mercredi mer wednesday wed", "jeudi jeu thursday thurs thur thu",
                                                    "vendredi ven friday fri", "samedi sam saturday sat",
                                                    "dimanche dim sunday sun")) for name in names.split()}
TRUE_WORDS = frozenset({"true", "vrai", "yes", "oui", "1", "x", "y", "o"})
FALSE_WORDS = frozenset({"false", "faux", "no", "non", "0", "n", ""})


class Percent(float):
    """A number from an .xlsx cell formatted as a percentage: the cell holds 0.45 where the sheet shows 45 %
    (readers.read_xlsx marks it). ``decimals``: the decimals of the percentage the sheet shows ('0.0%': 1), when
    known."""

    decimals: int | None = None
    plus: bool = False   # the format shows a '+' before a positive percentage (`+0%`): « +53 % », a change

    @classmethod
    def shown(cls, value: float, decimals: int | None, plus: bool = False) -> "Percent":
        cell = cls(value)
        cell.decimals = decimals
        cell.plus = plus
        return cell

    def held_decimals(self) -> int:
        """The decimals of the percentage the cell holds: 0.455 -> 1 (45.5), 0.5 -> 0."""
        return max(0, -Decimal(repr(float(self))).scaleb(2).normalize().as_tuple().exponent)

    def as_shown(self, decimal_mark: str = ".") -> str:
        """The percentage the sheet shows, as text: 0.5 -> '50 %', 0.529 with '0%' -> '53 %' (the stored fraction
        written out, rounded half away from zero to the format's decimals when known)."""
        percent = Decimal(repr(float(self))).scaleb(2)
        if self.decimals is not None:
            percent = percent.quantize(Decimal(1).scaleb(-self.decimals), rounding=ROUND_HALF_UP)
        elif percent == percent.to_integral():
            percent = percent.quantize(Decimal(1))
        sign = "+" if self.plus and percent > 0 else ""
        return f"{sign}{format(percent, 'f').replace('.', decimal_mark)} %"


class Shown(float):
    """A number from an .xlsx cell whose format shows more decimals than it holds: the cell holds 1.1 where the sheet
    shows « 1.10 » (format `0.00`; readers.read_xlsx marks it). As a number it is 1.1; as text (a code, a label) it
    is what the sheet shows: the code 1.10 typed in such a cell was read '1.1', another line's code."""

    decimals: int = 0

    @classmethod
    def of(cls, value: float, decimals: int) -> "Shown":
        cell = cls(value)
        cell.decimals = decimals
        return cell

    def as_shown(self, decimal_mark: str = ".") -> str:
        return format(Decimal(repr(float(self))), f".{self.decimals}f").replace(".", decimal_mark)


class MonthCell(dt.datetime):
    """A date from an .xlsx cell formatted as a month (`mmm-yy`): the cell holds the month's first day where the
    sheet shows « juin-21 » (readers.read_xlsx marks it); as a period's end it is the month's last day."""

    @classmethod
    def of(cls, value: dt.datetime) -> "MonthCell":
        return cls(value.year, value.month, value.day)


class YearCell(dt.datetime):
    """A date from an .xlsx cell formatted as a year (`yyyy`): the cell holds 01/01/2021 where the sheet shows
    « 2021 » (readers.read_xlsx marks it); as a period's end it is the year's last day, as the text 2021 is."""

    @classmethod
    def of(cls, value: dt.datetime) -> "YearCell":
        return cls(value.year, value.month, value.day)


# Excel's errors as the file stores them (a French Excel shows the second name), and what gives each
EXCEL_ERRORS = {
    "#DIV/0!": ("#DIV/0!", "a division by zero or by an empty cell"),
    "#VALUE!": ("#VALEUR!", "a value of the wrong kind in the calculation, text where a number is needed"),
    "#REF!": ("#REF!", "a reference to a cell, row or sheet that was deleted"),
    "#N/A": ("#N/A", "a value looked up and not found by VLOOKUP or MATCH (RECHERCHEV, EQUIV)"),
    "#NAME?": ("#NOM?", "a function or name that Excel does not know, misspelt or from an add-in"),
    "#NUM!": ("#NOMBRE!", "an impossible number"),
    "#NULL!": ("#NUL!", "ranges that do not meet"),
    "#SPILL!": ("#PROPAGATION!", "a result that has no room to spill"),
    "#CALC!": ("#CALC!", "a calculation Excel cannot do, on an empty array"),
}


class ErrorCell(str):
    """An .xlsx cell whose formula gives an error (« #DIV/0! »): readers.read_xlsx marks it, with the formula."""

    formula: str | None = None

    @classmethod
    def of(cls, error: str, formula: str | None = None) -> "ErrorCell":
        cell = cls(error)
        cell.formula = formula
        return cell

    def explained(self) -> str:
        """'#DIV/0!, a division by zero...'; '#VALUE! (#VALEUR! in a French Excel), a value of the wrong kind...'."""
        french, cause = EXCEL_ERRORS.get(str(self).upper(), (None, None))
        if cause is None:
            return str(self)
        return f"{self}{'' if french == str(self) else f' ({french} in a French Excel)'}, {cause}"


def is_empty(value: Any) -> bool:
    """None, NaN, NA or text that is only spaces."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip(SPACES + "\t\r\n")


def _number_pattern(decimal_mark: str) -> re.Pattern[str]:
    other = "," if decimal_mark == "." else "."
    sep = "[" + re.escape(SPACES + other) + "]"
    mark = re.escape(decimal_mark)
    # (a first group of 0 is no thousands group: '0.509' with the mark ',' was read as 509, « could mean 0,509 »)
    integer = rf"(?:(?!0+{sep})\d{{1,3}}(?:{sep}\d{{3}})+|\d+)"
    # « - 1 234 »: a space after the sign, as a number is typed or exported (it was « not a number »)
    return re.compile(rf"^(?P<sign>[{_MINUS}+]?)(?:(?<=[{_MINUS}+])[{SPACES}]*)?(?P<int>{integer})?"
                      rf"(?:[{SPACES}]*{mark}(?P<frac>\d+))?$")


_PATTERNS = {mark: _number_pattern(mark) for mark in (".", ",")}


def parse_number(text: Any, decimal_mark: str = ".", money: bool = False, percent: bool = False) -> float | None:
    """'1 005 500,00' -> 1005500.0 with decimal_mark ','; '' -> None; 'abc' or 'inf' -> ValueError.

    ``money``: the column holds amounts, where '(1 234,00)' and '1234,00-' are negatives. ``percent``: the column
    holds percentages, where '45 %' and a Percent cell of 0.45 are 45.
    """
    value = _parse_number(text, decimal_mark, money, percent)
    if value is not None and not math.isfinite(value):
        raise ValueError(NOT_FINITE)
    return value


def _parse_number(text: Any, decimal_mark: str, money: bool, percent: bool = False) -> float | None:
    if decimal_mark not in _PATTERNS:
        raise ValueError(f"decimal mark must be '.' or ',', not {decimal_mark!r}")
    if is_empty(text):
        return None
    if isinstance(text, bool):
        raise ValueError("a yes/no value is not a number")
    if isinstance(text, Percent):   # 0.45 shown as 45 %: what the sheet shows, exactly (not 45.00000000000001)
        if not percent:
            raise ValueError(f"{PERCENT} (the cell is formatted as a percentage)")
        value = float(Decimal(repr(float(text))).scaleb(2))
        if float(text) > 1:   # 45 typed into a cell formatted as a percentage: Excel keeps 45 and shows 4500 %
            raise ValueError(f"{PERCENT_OVER}: it shows {plain(value)} % and holds {plain(float(text))}, a number "
                             "typed into a cell already formatted as a percentage?")
        return value
    if isinstance(text, (int, float)):  # a typed cell from .xlsx
        return float(text)
    if not isinstance(text, str):
        raise ValueError(f"not a number ({type(text).__name__})")
    stripped = text.strip(SPACES + "\t\r\n").translate(_OTHER_SIGNS)
    if len(stripped) > MAX_LENGTH:
        raise ValueError(TOO_LONG)
    if _ARABIC_MARKS.search(stripped) and not re.search(r"[.,]", stripped):   # ١٢٬٠٠٠٫٥: one reading only
        stripped = stripped.replace("\u066c", " ").replace("\u066b", decimal_mark)
    if stripped.endswith("%") and re.search(r"\d", stripped):
        if not percent:
            raise ValueError(f"{PERCENT} ('%')")
        value = _parse_number(stripped[:-1], decimal_mark, money=False)
        if value is None:
            raise ValueError("not a number")
        return value
    if _NOT_FINITE.match(stripped):
        raise ValueError(NOT_FINITE)
    if is_not_known(stripped):
        raise ValueError(NOT_KNOWN)
    if _CURRENCY.sub("", stripped).strip(SPACES) in tuple(_MINUS + "\u2014"):   # ' -   € ': an accounting 0
        raise ValueError(DASH)
    if len(stripped) <= 5 and not stripped.strip(SPACES + _MINUS + "\u2014"):   # '--', '—' twice: a zero drawn
        raise ValueError(DASH)
    if len(stripped) <= 10 and fold(stripped).strip(" .") in _ZERO_WORDS:
        raise ValueError(ZERO_WORD)
    if (scaled := _SCALED.match(stripped)) is not None:
        raise ValueError(_scaled(stripped, scaled, decimal_mark))
    currency = _CURRENCY.search(stripped) or _iso_code_in(stripped)
    if currency and re.search(r"\d", stripped):
        raise ValueError(f"{CURRENCY} ('{currency[0]}')")
    if _NO_CENTS.match(stripped):
        raise ValueError(f"{NO_CENTS} ('{stripped}': {stripped[:-1].rstrip(_MINUS + chr(0x2014))[:-1]} without "
                         "cents, as a price is written, or a negative, as a finance export writes one?)")
    accounting = _ACCOUNTING.match(stripped)
    if accounting:
        if not money:
            raise ValueError(NEGATIVE_FORM)
        inner = (accounting["paren"] if accounting["paren"] is not None else accounting["trailing"])
        inner = inner.strip(SPACES)
        if not inner or inner[0] in _MINUS + "+":
            raise ValueError("not a number: write a negative amount as -1234, (1234) or 1234- (one sign only)")
        value = _parse_number(inner, decimal_mark, money=False)
        if value is None:
            raise ValueError("not a number: the parentheses hold no amount")
        return -value
    match = _PATTERNS[decimal_mark].match(stripped)
    if match and (match["int"] or match["frac"]):
        digits = re.sub(r"\D", "", match["int"] or "0")
        value = float(f"{digits}.{match['frac'] or '0'}")
        return -value if match["sign"] and match["sign"] != "+" else value
    if decimal_mark == "." and _EXPONENT.match(stripped):
        return float(stripped)
    if _LOST_SEPARATOR.match(stripped):   # 1?234,50: Excel's 'CSV (séparateur: point-virgule)' writes '?' for it
        raise ValueError(LOST_SEPARATOR)
    if _APOSTROPHE.match(stripped):
        raise ValueError(APOSTROPHE)
    other = "," if decimal_mark == "." else "."
    if decimal_mark == "." and _PATTERNS[","].match(stripped) and "." in stripped:   # 1.234.567 or 1.234,50
        raise ValueError(DOT_THOUSANDS)
    if decimal_mark == "," and "," in stripped and "." in stripped and _PATTERNS["."].match(stripped):
        raise ValueError(COMMA_THOUSANDS)   # 3,000,000.00 (1,234.5 too; not 1.234: read with ',' it is 1 234)
    if re.fullmatch(rf"[{_MINUS}+]?0+{re.escape(other)}\d+", stripped):   # 0.509: no thousands, a decimal
        raise ValueError(f"not a number with this project's decimal mark '{decimal_mark}': '{other}' after 0 is a "
                         f"decimal mark (a file written with '{other}' for decimals?)")
    if re.search(r"\d", stripped) and other in stripped and decimal_mark not in stripped:
        raise ValueError(
            f"not a number with this project's decimal mark '{decimal_mark}' ('{other}' separates thousands "
            "and is followed by groups of three digits)")
    if _SCIENTIFIC.match(stripped):   # 1,2E+05 in a French Excel's CSV (1.2E+05 is read, with a warning: loader)
        raise ValueError(SCIENTIFIC)
    raise ValueError(_saved_by_excel(stripped) or "not a number")


_CAPITALS = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")


def _iso_code_in(text: str) -> re.Match | None:
    """An ISO 4217 code in capitals beside the number (« 100000 KES », « KES 100000 »), beyond the few currencies
    _CURRENCY names: it was « not a number », the currency not named."""
    return next((m for m in _CAPITALS.finditer(text) if is_iso_code(m[0])), None)


def _scaled(text: str, scaled: re.Match, decimal_mark: str) -> str:
    """SCALED, with the amount in units when its number reads with the decimal mark, and its currency as written:
    « ('1 200 MDT' is 1 200 000 000 DT in units) » (dinars: in a EUR project, not an amount to write as it is)."""
    try:
        number = _parse_number(scaled["number"], decimal_mark, money=False)
    except ValueError:
        number = None
    if number is None:
        return SCALED
    units = float(Decimal(repr(number)).scaleb(_SCALES[scaled["scale"].lower()]))
    currency = scaled["before"] or scaled["after"]
    return f"{SCALED} ('{text}' is {unambiguous(units, decimal_mark)}{f' {currency}' if currency else ''} in units)"


def _saved_by_excel(text: str) -> str | None:
    """Why a cell that is neither a number nor a date holds what it holds, when Excel wrote it in its place: an
    error of its formula (« #REF! », « #VALEUR! »), or « ##### » (the column too narrow for the value)."""
    if text.startswith("#"):
        if not text.strip("#"):
            return HASHES
        error = next((english for english, (french, _) in EXCEL_ERRORS.items()
                      if text.upper() in (english, french)), None)
        if error is not None:
            return f"{SAVED_ERROR} ({ErrorCell(error).explained()})"
    return None


def full_year(digits: str) -> int:
    """A year as written: '2020', or '20' for 2020 ('69' to '99' are the 1900s, as Python's %y reads them)."""
    year = int(digits)
    return year if len(digits) == 4 else (1900 + year if year >= 69 else 2000 + year)


def parse_date(text: Any) -> dt.date | None:
    """'2020-12-31' or '31/12/2020' -> date(2020, 12, 31); '' -> None; '31/02/2020' -> ValueError."""
    if is_empty(text):
        return None
    if isinstance(text, dt.datetime):  # a typed cell from .xlsx (datetime is a subclass of date: test it first)
        return text.date()
    if isinstance(text, dt.date):
        return text
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        _excel_serial(text)
        raise ValueError("not a date: write 2020-12-31 or 31/12/2020")
    if not isinstance(text, str):
        raise ValueError("not a date: write 2020-12-31 or 31/12/2020")
    stripped = text.strip(SPACES + "\t\r\n")
    if len(stripped) > MAX_LENGTH:
        raise ValueError("not a date (more than 1000 characters): write 2020-12-31 or 31/12/2020")
    if _SERIAL.match(stripped):
        _excel_serial(float(stripped.replace(",", ".")))
    iso = _ISO.match(stripped) or _YEAR_FIRST.match(stripped)
    day_first = _DAY_FIRST.match(stripped)
    words = None if iso or day_first else unaccented(stripped).lower()
    named = _DAY_MONTH_NAME.match(words) if words else None
    month_first = _MONTH_NAME_DAY.match(words) if words and not named else None
    if iso:
        year, month, day = int(iso[1]), int(iso[2 if iso.re is _ISO else 3]), int(iso[3 if iso.re is _ISO else 4])
    elif day_first:
        day, month, year = int(day_first[1]), int(day_first[3]), full_year(day_first[4])
    elif named and named[2] in MONTHS:
        day, month, year = int(named[1]), MONTHS[named[2]], full_year(named[3])
    elif month_first and month_first[1] in MONTHS:
        day, month, year = int(month_first[2]), MONTHS[month_first[1]], int(month_first[3])
    elif (weekday := _WEEKDAY.match(stripped)) is not None:
        return _on_its_weekday(weekday)
    else:
        raise ValueError(_saved_by_excel(stripped) or "not a date: write 2020-12-31 or 31/12/2020 (day first)")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"this date does not exist (day {day}, month {month}, year {year})") from None


def _on_its_weekday(weekday: re.Match) -> dt.date:
    """The date after a day of the week (_WEEKDAY's match), when that day is the date's."""
    date = parse_date(weekday["rest"])
    if date is None or date.weekday() != _WEEKDAYS[weekday["day"].lower()]:
        raise ValueError(f"'{weekday['day']}' is not the day of the week of {date}: the day or the date mistyped?")
    return date


_MONTH_NAMES = {
    1: "janvier janv jan january", 2: "fevrier fevr fev feb february", 3: "mars mar march", 4: "avril avr apr april",
    5: "mai may", 6: "juin jun june", 7: "juillet juil jul july", 8: "aout aou aug august",
    9: "septembre sept sep september", 10: "octobre oct october", 11: "novembre nov november",
    12: "decembre dec december"}
MONTHS = {name: month for month, names in _MONTH_NAMES.items() for name in names.split()}
_PART = re.compile(r"(?:(\d{4})[ _-]?([SHTQ])([1-4])|([SHTQ])([1-4])[ _-]?(\d{4}))", re.IGNORECASE)   # S1 2021
_MONTH_NUMBER = re.compile(r"(\d{4})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{4})")                        # 2021-06, 06/2021
_MONTH_NAME = re.compile(r"([a-z]+)\.?[ _/.-]*(\d{4}|\d{2})")                                      # juin 2021, jun-21
# « 1er trimestre 2021 », « 2e semestre 2021 », « 3rd quarter 2021 » (unaccented, lower case)
_PART_WORDS = re.compile(r"([1-4])\s*(?:er|re|ere|e|eme|nd|st|rd|th)?\s+(trimestre|semestre|quarter|half)"
                         r"\s+(?:de\s+|of\s+)?(\d{4})")
# 2020-1 ... 2020-4: a quarter (T1 2020) or a month written without its 0 (2020-01)? read as neither
QUARTER_OR_MONTH = re.compile(r"(\d{4})\s*[-/.]\s*([1-4])")


def period_end(text: Any) -> dt.date | None:
    """The last day of a period written as a month, a quarter, a half or a year (see the module docstring); None
    when ``text`` is none of these (a day is parse_date's)."""
    bounds = period_bounds(text)
    return None if bounds is None else bounds[1]


def period_bounds(text: Any) -> tuple[dt.date, dt.date] | None:
    """The first and last days of a period written as a month, a quarter, a half or a year; None otherwise."""
    if not isinstance(text, str):
        return None
    text = unaccented(text.strip(SPACES + "\t\r\n")).lower()
    year = month = None
    months = 1
    if QUARTER_OR_MONTH.fullmatch(text):
        return None   # (it was January to April: a quarter's spending counted three to nine months early)
    if (words := _PART_WORDS.fullmatch(text)) is not None:
        part = _PART.fullmatch(f"{'s' if words[2] in ('semestre', 'half') else 't'}{words[1]} {words[3]}")
    else:
        part = _PART.fullmatch(text)
    if part is not None:
        year, kind, n = (part[1], part[2], part[3]) if part[1] else (part[6], part[4], part[5])
        months = 6 if kind.upper() in "SH" else 3
        if months == 6 and int(n) > 2:
            return None
        year, month = int(year), int(n) * months
    elif (numbered := _MONTH_NUMBER.fullmatch(text)) is not None:
        year, month = (int(numbered[1]), int(numbered[2])) if numbered[1] else (int(numbered[4]), int(numbered[3]))
    elif (named := _MONTH_NAME.fullmatch(text)) is not None and named[1] in MONTHS:
        month, year = MONTHS[named[1]], int(named[2]) + (2000 if len(named[2]) == 2 else 0)
    elif re.fullmatch(r"\d{4}", text):
        year, month, months = int(text), 12, 12
    if year is None or not 1 <= month <= 12 or not 1900 <= year <= 2200:
        return None
    return dt.date(year, month - months + 1, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


_DAY_RANGE = re.compile(r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*(?:-|–|—|au|à|to)\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})",
                       re.IGNORECASE)                                            # 01/10/2019-31/03/2020


def period_span(period: Any) -> tuple[dt.date, dt.date] | None:
    """The first and last days of a period as an indicator table writes it: a day (`2020-12-31`, `30/06/2021`), a
    month, quarter, half or year (period_bounds), `2019-10-01/2020-03-31`, `2019-10/2020-03` or
    `01/10/2019-31/03/2020`; None when it is none of these (`2019/2020` says not which day the year ends)."""
    text = str(period).strip() if period is not None else ""
    days = _DAY_RANGE.fullmatch(text)
    if days:
        first, last = _day(days[1]), _day(days[2])
        return (first, last) if first and last else None
    if (day := _day(text)) is not None:
        return day, day
    bounds = period_bounds(text)
    if bounds is not None or "/" not in text:
        return bounds
    first, last = (_iso_span(part.strip()) for part in text.split("/", 1))   # start/end, each a day or a month
    return (first[0], last[1]) if first and last else None


def period_start(period: Any) -> dt.date | None:
    """The first day of a period (period_span)."""
    span = period_span(period)
    return None if span is None else span[0]


def _day(text: str) -> dt.date | None:
    """A day as the data write one (ISO or day first), else None (a day that does not exist too)."""
    if not (DAY_FIRST.match(text) or _ISO.match(text)):
        return None
    try:
        return parse_date(text)
    except ValueError:
        return None


def _iso_span(text: str) -> tuple[dt.date, dt.date] | None:
    """An ISO day or month of a start/end period: 2019-10-01, or 2019-10 (its first to its last day)."""
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        day = _day(text)
        return None if day is None else (day, day)
    return period_bounds(text) if re.fullmatch(r"\d{4}-\d{1,2}", text) else None


def written_period(value: Any) -> str | None:
    """The period a spending row's period_end cell writes (« 2021 », « S1 2021 », « juin-21 » formatted as a month
    in a sheet), as text; None for a day (a period's end, or a payment's date)."""
    if isinstance(value, YearCell):
        return str(value.year)
    if isinstance(value, MonthCell):
        return f"{value.year}-{value.month:02d}"
    if isinstance(value, str) and period_bounds(value) is not None:
        return value.strip()
    return None


def parse_period_end(text: Any) -> dt.date | None:
    """parse_date, or a period read as its last day (period_end): the end of a period of spending."""
    if isinstance(text, MonthCell):   # « juin-21 » in a sheet: June
        return dt.date(text.year, text.month, calendar.monthrange(text.year, text.month)[1])
    if isinstance(text, YearCell):   # « 2021 » in a sheet: the year
        return dt.date(text.year, 12, 31)
    try:
        return parse_date(text)
    except ValueError:
        end = period_end(text)
        if end is None:
            if isinstance(text, str) and (both := QUARTER_OR_MONTH.fullmatch(text.strip())):
                raise ValueError(quarter_or_month(both)) from None
            raise
        return end


def quarter_or_month(match: re.Match) -> str:
    """The reason a period written 2020-1 is not read (QUARTER_OR_MONTH's match)."""
    year, n = match[1], match[2]
    return (f"'{match[0]}' may be the quarter T{n} {year} (to the end of "
            f"{calendar.month_name[int(n) * 3]} {year}) or the month {year}-0{n}: write T{n} {year} for the quarter, "
            f"{year}-0{n} for the month")


def _excel_serial(number: float) -> None:
    """Raise the Excel-date reason when ``number`` is an Excel serial of a date between 1954 and 2119."""
    reason = excel_serial_reason(number)
    if reason:
        raise ValueError(reason)


def excel_serial_reason(number: float, date1904: bool = False) -> str | None:
    """Why ``number`` is not a date, when it is an Excel serial of a date between 1954 and 2119. ``date1904``: the
    workbook counts its days from 1904 (a Mac Excel's option), where the same number is 4 years and a day later."""
    if math.isfinite(number) and 20000 <= number < 80000:
        day = (dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)) + dt.timedelta(days=int(number))
        return f"{EXCEL_SERIAL}: {number:g} is how Excel stores {day.isoformat()} in a cell formatted as a number"
    return None


def hint_for(reason: str, decimal_mark: str = ".") -> str | None:
    """What to do about a reason these parsers give, when it needs more than the column's usual hint."""
    if reason.startswith(CURRENCY):
        return ("Remove the currency sign or code: the currency is written once, in project.yaml (`currency:`). "
                f"Write the amount alone, with the decimal mark '{decimal_mark}'.")
    if reason.startswith(EXCEL_SERIAL):
        return ("In Excel, select the column and choose Format > Cells > Date (the cell then shows the date), or "
                "write the date as 2020-12-31.")
    if reason == NOT_KNOWN:
        return "Leave the cell empty: an empty cell is 'not known', and the annex says n.d. where it counts."
    if reason == ZERO_WORD:
        return "Write 0 if it is zero (nothing spent, no one), or leave the cell empty if it is not known."
    if reason == DASH:
        return ("Write 0 if it is zero, or leave the cell empty if it is not known (in Excel, format the column as a "
                "number before saving, and 0 is written 0).")
    if reason.startswith(NO_CENTS):
        return ("Write the amount without the dash (its cents in digits, or none), or with a '-' before it if it is "
                "a negative.")
    if reason == APOSTROPHE:
        return f"Write the number without it: 1234{decimal_mark}50, or 1 234{decimal_mark}50."
    if reason.startswith(SCALED):
        return (f"Write the number in units (12000 for 12k, 1200000 for 1{decimal_mark}2 M), in the project's currency "
                "(project.yaml, `currency`: the workbook converts none), without a currency sign or code.")
    if reason == COMMA_THOUSANDS:
        return ("If the files write numbers as 1,234.50, declare `decimal_mark: \".\"` in "
                "params/<project>/project.yaml; else write 1 234,50.")
    if reason == DOT_THOUSANDS:
        return ("If the files write numbers as 1.234,50, declare `decimal_mark: \",\"` in params/<project>/project.yaml; "
                "else write 1234567 or 1 234 567.")
    if reason == LOST_SEPARATOR:
        return ("Save the file as 'CSV UTF-8' in Excel (File > Save As), which keeps the space; or write the number "
                f"without thousands separator (1234{decimal_mark}50).")
    if reason == TOO_LONG:
        return "Write the number alone in the cell (e.g. 1 005 500,50), or leave it empty."
    if reason.startswith(SAVED_ERROR):
        return ("Correct the formula in the workbook this file was saved from (or type the value in its place), and "
                "save it again.")
    if reason == SCIENTIFIC:
        return ("In the workbook this file was saved from, format the column as a number (Format Cells > Number) and "
                "save it again: every digit is then written; or write the number in full.")
    if reason == HASHES:
        return ("Widen the column in the workbook this file was saved from (double-click the right edge of its "
                "header) and save it again as CSV, or save the workbook as .xlsx.")
    if reason.startswith(PERCENT_OVER):
        return ("If it is a percentage, type it with its sign (45 %) or as a fraction of 1 (0.45); if it is a count "
                "or any other unit, format the cell as a number, not a percentage; above 100 % indeed (150 %), type "
                "150 in a cell formatted as a number.")
    if reason.startswith(PERCENT):
        return ("Write the number itself, without '%' (format the cell as a number, not a percentage): this column "
                "holds amounts or counts.")
    return None


def ambiguous(text: Any, decimal_mark: str, three_decimals: bool = False) -> tuple[float, float] | None:
    """(how it is read, what it could also mean) for a value whose reading depends on the decimal mark: one
    separator followed by exactly three digits ('12,000', '12.000'), or a grouped number whose last separator is
    followed by exactly three digits ('3 000,000': 3 000 or 3 000 000? '3 000.000' with the mark ',': 3 000 000 or
    3 000?); None otherwise. ``three_decimals``: the column's currency writes three decimals (the Tunisian dinar,
    ISO 4217's minor units: currencies.minor_units), where a grouped '3 000,500' read with the decimal mark is as
    written ('12,000' stays ambiguous: 12 dinars, or 12 000 grouped the English way)."""
    if not isinstance(text, str):
        return None
    stripped = text.strip(SPACES + "\t\r\n").translate(_OTHER_SIGNS)
    short = len(re.sub(f"[{SPACES}]", "", stripped)) <= 8 and _AMBIGUOUS.match(stripped)
    grouped = not short and len(stripped) <= 40 and _GROUPED_THREE.match(stripped)
    # in dinars « 3 000,500 » is as written; « 12,000 » alone is still twelve dinars or an English 12 000
    if not (short or grouped) or (three_decimals and grouped and stripped[-4] == decimal_mark):
        return None
    other_mark = "," if decimal_mark == "." else "."
    try:
        read = parse_number(stripped, decimal_mark)
    except ValueError:
        return None
    try:
        other = parse_number(stripped, other_mark)
    except ValueError:   # '1.000,000' with the mark ',': its '.' can only be a thousands separator
        other = _all_digits(stripped) if grouped and stripped[-4] == decimal_mark else None
    return (read, other) if read is not None and other is not None and read != other else None


def ambiguity(text: Any, decimal_mark: str, three_decimals: bool = False,
              whole: bool = False) -> tuple[str, str] | None:
    """The warning ``ambiguous_number``'s message and hint for a number written so that its reading depends on the
    decimal mark (``ambiguous``), None for any other: one rule for a table's cell and a params file's number
    (`budget_total: 3 000,000` with the mark ',' was read as 3 000 without a word, where the same text in budget.csv
    is warned). ``whole``: a count, which no reading with decimals can be ('1,500' participants with the mark '.' is
    not « could mean 1.5 »)."""
    readings = ambiguous(text, decimal_mark, three_decimals)
    if readings is None or whole and not float(readings[1]).is_integer():
        return None
    read, other = (unambiguous(x, decimal_mark) for x in readings)
    said = [format_number(x, decimal_mark) for x in readings]
    return (f"'{text}' is read as {said[0]} with the project's decimal mark '{decimal_mark}', but could mean "
            f"{said[1]}", f"Write it so that it cannot be misread: {read} if you mean {said[0]}, {other} if you "
            f"mean {said[1]} (no separator followed by exactly three digits).")


def _all_digits(text: str) -> float:
    """A grouped number read with every separator a thousands separator: '1.000,000' -> 1000000."""
    sign = -1 if text[0] in "-\u2212\u2013\uff0d\ufe63\u2010\u2012" else 1
    return sign * float(re.sub(r"\D", "", text))


def unambiguous(value: float, decimal_mark: str) -> str:
    """A number written so that no decimal mark can misread it: 12000 -> '12 000', 12.5 -> '12,5', 1.125 ->
    '1,1250' (with ',')."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    text = format_number(float(value), decimal_mark)
    return text + "0" if _AMBIGUOUS.match(text) else text


def shown(value: Any, limit: int = 40) -> str:
    """A cell's value as a message prints it: at most ``limit`` characters, then '…'."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def plain(value: Any) -> str:
    """A value as a message names it: 2017.0 -> '2017' (a whole number read as a float), else as ``shown``."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else shown(value)


def as_bool(value: Any) -> bool | None:
    """A yes/no cell as parse_bool reads it; None for an empty cell or a word that is no yes/no."""
    try:
        return None if is_empty(value) else parse_bool(value)
    except ValueError:
        return None


def parse_bool(text: Any) -> bool:
    """true/false/oui/non/yes/no/1/0; empty -> False."""
    if is_empty(text):
        return False
    if isinstance(text, bool):
        return text
    if isinstance(text, (int, float)) and text in (0, 1):
        return bool(text)
    word = str(text).strip(SPACES + "\t\r\n").lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("not a yes/no value: write true/false, oui/non, 1/0 or leave empty")


def _apply(series: pd.Series, parse, missing: Any = None, fast=None, dtype: str = "object",
           **kwargs) -> tuple[np.ndarray, list[Hashable], list[str]]:
    """``parse`` applied to each distinct cell once (a column of a million cells holds far fewer values), as an object
    array aligned with ``series`` (``missing`` where the cell is empty or failed), the labels that failed and why.

    ``fast(texts)`` may parse the plain cases of the distinct texts at once: it returns the parsed values and a mask
    of those it parsed; the others go through ``parse``, so every message stays the scalar function's.
    ``dtype``: the array's type, given to the distinct values before they are spread over the cells.
    """
    if pd.api.types.infer_dtype(series, skipna=True) not in ("string", "empty"):
        values, failed, reasons = _apply_each(series, parse, missing, **kwargs)  # .xlsx: True and 1 hash alike
        return values.astype(dtype), failed, reasons
    codes, distinct = pd.factorize(series, use_na_sentinel=True)
    values = np.empty(len(distinct) + 1, dtype=object)     # the last slot is the empty cell's (code -1)
    values[-1] = missing
    todo = np.ones(len(distinct), dtype=bool)
    if fast is not None and len(distinct):
        parsed, done = fast(pd.Series(distinct, dtype="str"))
        if done.all():   # (no Python object per value)
            return np.append(parsed, missing).astype(dtype)[codes], [], []
        values[:-1][done] = parsed[done]
        todo = ~done
    reasons: dict[int, str] = {}
    for k in np.flatnonzero(todo):
        try:
            value = parse(distinct[k], **kwargs)
        except ValueError as exc:
            value, reasons[k] = None, str(exc)
        values[k] = missing if value is None else value
    cells = values.astype(dtype)[codes]
    if not reasons:
        return cells, [], []
    bad = np.isin(codes, np.fromiter(reasons, dtype=codes.dtype))
    return cells, list(series.index[bad]), [reasons[c] for c in codes[bad]]


def _apply_each(series: pd.Series, parse, missing: Any, **kwargs) -> tuple[np.ndarray, list[Hashable], list[str]]:
    values, failed, reasons = np.empty(len(series), dtype=object), [], []
    for position, (label, cell) in enumerate(series.items()):
        try:
            value = parse(cell, **kwargs)
        except ValueError as exc:
            value = None
            failed.append(label)
            reasons.append(str(exc))
        values[position] = missing if value is None else value
    return values, failed, reasons


# What most cells look like: 133045.90, -12 (ASCII digits, for pyarrow's regular expressions; any other digit goes to
# the scalar function)
_PLAIN = {".": r"^-?[0-9]+(?:\.[0-9]+)?$", ",": r"^-?[0-9]+(?:,[0-9]+)?$"}


def _plain_numbers(decimal_mark: str):
    def fast(texts: pd.Series) -> tuple[np.ndarray, np.ndarray]:
        """The plain numbers among distinct texts (none missing), matched and read by pyarrow at once: no Python
        object per value (a column of amounts holds almost as many values as cells)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        cells = pa.array(texts.array)
        matched = pc.match_substring_regex(cells, _PLAIN[decimal_mark])
        done = matched.to_numpy(zero_copy_only=False)   # (a copy: writable)
        plain = pc.filter(cells, matched)
        if decimal_mark == ",":
            plain = pc.replace_substring(plain, ",", ".")
        floats = pc.cast(plain, pa.float64()).to_numpy()
        parsed = np.full(len(texts), math.nan)
        parsed[done] = floats
        done[np.flatnonzero(done)[~np.isfinite(floats)]] = False  # 400 digits: the scalar function says why
        return parsed, done
    return fast


def ambiguous_cells(texts: pd.Series) -> np.ndarray:
    """Which cells fully match AMBIGUOUS_PATTERN (the candidates of ``ambiguous``), as a bool array; a column of
    ASCII text is matched with the pattern's ASCII form, which finds the same cells."""
    texts = texts.astype("str")
    if texts.dtype.storage == "pyarrow":   # digits only (an age, a 0/1 outcome): one byte scan, no pattern matched
        import pyarrow.compute as pc

        if pc.all(pc.ascii_is_decimal(texts.array.__arrow_array__())).as_py() is not False:
            return np.zeros(len(texts), dtype=bool)
    ascii_only = bool(texts.str.isascii().all())
    if not ascii_only:   # (« １２，０００ » is « 12,000 »: its full-width digits and comma as parse_number reads them)
        texts = texts.str.translate(_OTHER_SIGNS)
    matched = texts.str.fullmatch(_AMBIGUOUS_ASCII if ascii_only else AMBIGUOUS_PATTERN)
    return matched.fillna(False).astype(bool).to_numpy()


def _cast_at_once(series: pd.Series, decimal_mark: str, digits_only: bool) -> np.ndarray | None:
    """The float64 values of an Arrow-backed text column whose every filled cell is plain (``digits_only``: ASCII
    digits; else _PLAIN) and finite, cast by pyarrow at once, without factorizing its cells first; None for any
    other column."""
    if decimal_mark not in _PLAIN or not (isinstance(series.dtype, pd.StringDtype)
                                         and series.dtype.storage == "pyarrow"):
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = series.array.__arrow_array__()
    plain = pc.ascii_is_decimal(cells) if digits_only else pc.match_substring_regex(cells, _PLAIN[decimal_mark])
    if not pc.all(plain).as_py():   # (None: no filled cell)
        return None
    if decimal_mark == "," and not digits_only:
        cells = pc.replace_substring(cells, ",", ".")
    values = pc.cast(cells, pa.float64()).to_numpy()   # an empty cell is NaN
    return None if np.isinf(values).any() else values  # 400 digits: the scalar function says why


def parse_numbers(series: pd.Series, decimal_mark: str = ".", money: bool = False,
                  percent: bool = False) -> tuple[pd.Series, list[Hashable], list[str]]:
    """float64 Series (NaN when empty or not a number), index labels that failed, and why each failed."""
    # a column of digits only (a count, an age, a 0/1 code) is cast at once, and so is a column of amounts: they
    # are mostly distinct, so matching each cell costs less than hashing them to parse each distinct text once
    values = _cast_at_once(series, decimal_mark, digits_only=not money)
    if values is None and not money:   # decimals (an outcome in EUR, a rate): as plain, and as many values as cells
        values = _cast_at_once(series, decimal_mark, digits_only=False)
    if values is not None:
        return pd.Series(values, index=series.index, name=series.name, copy=False), [], []
    fast = _plain_numbers(decimal_mark) if decimal_mark in _PLAIN else None
    values, failed, reasons = _apply(series, parse_number, math.nan, fast, "float64", decimal_mark=decimal_mark,
                                     money=money, percent=percent)
    return pd.Series(values, index=series.index, name=series.name), failed, reasons


def parse_dates(series: pd.Series, period: bool = False) -> tuple[pd.Series, list[Hashable], list[str]]:
    """datetime64[ns] Series (NaT when empty or not a date), index labels that failed, and why each failed.
    ``period``: a period is read as its last day (parse_period_end)."""
    values, failed, reasons = _apply(series, _period64 if period else _date64, np.datetime64("NaT", "ns"),
                                     dtype="datetime64[ns]")
    return pd.Series(values, index=series.index, name=series.name), failed, reasons


def _date64(text: Any) -> np.datetime64 | None:
    date = parse_date(text)
    return None if date is None else np.datetime64(date, "ns")


def _period64(text: Any) -> np.datetime64 | None:
    date = parse_period_end(text)
    return None if date is None else np.datetime64(date, "ns")


def parse_bools(series: pd.Series) -> tuple[pd.Series, list[Hashable], list[str]]:
    """bool Series (empty -> False), index labels that failed, and why each failed."""
    values, failed, reasons = _apply(series, parse_bool, False, dtype="bool")
    return pd.Series(values, index=series.index, dtype="bool", name=series.name), failed, reasons


def format_number(value: float | int, decimal_mark: str = ".") -> str:
    """A number from an .xlsx cell as text, with the project's decimal mark and no thousands separator: 53.6 -> '53,6'."""
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = repr(float(value)) if isinstance(value, float) else str(value)  # numpy's repr: 'np.float64(...)'
        if "e" in text.lower():  # 1e-05: written out (0.00001), so that it reads back with either decimal mark
            text = format(Decimal(text), "f")
    return text.replace(".", decimal_mark)


# rounds named as surveys name them, in time order: a third round after the post one was counted « before »
ROUND_WORDS = {**dict.fromkeys(("baseline", "base line", "ligne de base", "reference", "pre", "avant", "initial",
                                "initiale", "pre-test", "pretest", "before"), 0),
               **dict.fromkeys(("midline", "mid-line", "mi-parcours", "mi parcours", "intermediaire", "interim",
                                "pendant", "during", "midterm", "mid-term"), 1),
               **dict.fromkeys(("endline", "end line", "final", "finale", "fin", "apres", "after", "post",
                                "post-test", "posttest"), 2)}


def round_ranks(values: list[Any]) -> list[float] | None:
    """The places in time of rounds written as words (baseline, midline, endline; avant, après) or as one word and
    a number (T0, T1, T2; vague 1, vague 2), when every value is so written; else None."""
    words = [fold(str(v)).strip() for v in values]
    if all(w in ROUND_WORDS for w in words):
        return [float(ROUND_WORDS[w]) for w in words]
    found = [re.fullmatch(r"([^\W\d_]+)[ _-]?(\d{1,2})", w) for w in words]
    if all(found) and len({f.group(1) for f in found}) == 1:
        return [float(f.group(2)) for f in found]
    return None


def rounds_in_time_order(values: pd.Series, order: list[Any] | None = None) -> list[Any] | None:
    """A study's rounds (each value once, as the table holds it) in time order: by the description's ``order`` when
    it gives one (None when a round is not in it), else as numbers (years; rounds 1, 2, 3), else by the days they
    cover (2021-06, juin 2021, T2 2021), else as words (baseline, endline; T0, T1); None when not known. The one rule
    the study's checks and its estimates share: they placed the rounds three ways, and rounds 1, 2, 3 were in order
    for the estimates and unknown for the checks."""
    present = list(pd.unique(values.dropna()))
    if order:
        labels = [plain(v) for v in order]
        if not all(plain(v) in labels for v in present):
            return None
        return sorted(present, key=lambda v: labels.index(plain(v)))
    as_numbers = pd.to_numeric(pd.Series(present, dtype=object), errors="coerce")
    if not as_numbers.isna().any():
        return [present[i] for i in np.argsort(as_numbers.to_numpy(dtype=float), kind="stable")]
    spans = [period_span(plain(v).strip()) for v in present]
    if all(span is not None for span in spans):
        return [present[i] for i in sorted(range(len(present)), key=lambda i: spans[i])]
    ranks = round_ranks(present)
    return None if ranks is None else [present[i] for i in np.argsort(ranks, kind="stable")]
