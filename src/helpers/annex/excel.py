"""The annex's tables in Excel (<annex>.xlsx) as the reader sees them in the annex, plus the long table of figures.

One sheet per section (each ``<h2>`` of the annex) holding that section's tables in order: a title line (the
caption, else the sub-heading, else the section), the headings in the annex language, the same rows; a sub-heading
(``<h3>``, ``<h4>``: a study's name) above captioned tables is a line of its own before the first of them. Each table
comes from the structured form ``ctx.table`` puts beside its HTML (``TABLE_MIME``), so no notebook writes a table
twice. Numbers stay numbers with an Excel number format (``0.0 %``, thousands separators, the currency in the
heading, p-values below 0.001 shown as ``< 0,001``); RAG cells are filled as in the annex. A sheet with one table
keeps its heading row frozen. The last sheet, « Chiffres » (``figures`` in English), is figures.csv.

Nothing in the data can become a formula: a text cell is written as text (never parsed) and marked with Excel's
quote prefix, so ``=1+1`` shows as typed and stays text even when the reader edits the cell.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import math
import re
from typing import Any, Iterator, Mapping

import pandas as pd

from . import fmt
from .context import TABLE_MIME
from ..files import FORMULA_START, pin_zip_times
from .export import generated_at
from .theme import ACCENT, HEAD, INK, RAG_FILL, office
from .words import known, say

RAG_FILLS = {f"rag-{name}": office(colour) for name, colour in RAG_FILL.items()}
EXCEL_MAX_ROWS = 1_048_576  # rows of one Excel sheet, the header row included
_HEADING = re.compile(r"^\s*<h([2-4])[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def number_format(kind: str, lang: str) -> str | None:
    """The Excel number format of a table_data() column kind (None: text)."""
    decimals = int(kind[3:] or (1 if kind.startswith("pct") else 0)) if kind[:3] in ("pct", "num") else 0
    fraction = "." + "0" * decimals if decimals else ""
    if kind.startswith("pct"):
        return f"0{fraction}{' ' if lang == 'fr' else ''}%"
    if kind.startswith("num") or kind == "money":
        return f"#,##0{fraction}"
    if kind == "p":
        return f'[<0.001]"<{chr(160)}0{fmt.decimal_mark(lang)}001";0.000'
    if kind == "date":
        return "dd/mm/yyyy" if lang == "fr" else "d mmm yyyy"
    return None


def sections(notebook) -> list[tuple[str, list[tuple[str | None, dict]]]]:
    """[(section heading, [(the sub-heading the table is under or None, table_data)])], in the annex's order. A
    sub-heading holds for every table until the next heading: two studies' tables have the same captions, and only
    their study's heading tells them apart."""
    found: list[tuple[str, list]] = []
    sub: str | None = None
    for cell in notebook.cells:
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = output.get("data", {})
            heading = _HEADING.match(data.get("text/html", "") or "") if TABLE_MIME not in data else None
            if heading:
                text = html.unescape(_TAG.sub("", heading.group(2))).strip()
                if heading.group(1) == "2":
                    found.append((text, []))
                    sub = None
                else:
                    sub = text
            elif TABLE_MIME in data:
                if not found:
                    found.append(("", []))
                found[-1][1].append((sub, data[TABLE_MIME]))
    return [(name, tables) for name, tables in found if tables]


_VOWELS = set("aeiouyàâäéèêëîïôöùûüAEIOUYÀÂÉÈÊÎÔÛ")
# words a name does not end on: « Enquêtes auprès des », « Coût par participant et par »
_LINKS = {"à", "au", "aux", "auprès", "avec", "d'", "de", "des", "du", "en", "et", "l'", "la", "le", "les", "ou",
          "par", "pour", "sur", "a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def _cut(name: str, room: int = 31) -> str:
    """A name too long for a sheet, cut at a word; when that leaves it on a linking word, the next word abbreviated
    (« Enquêtes auprès des bénéfic. ») or, too short for that, the linking words dropped (« Coût par participant »)."""
    if " " not in name[:room]:
        return name[:room]
    cut = name[:room].rsplit(" ", 1)[0] if name[room:room + 1] not in ("", " ") else name[:room].rstrip()
    words = cut.split(" ")
    if words[-1].casefold() not in _LINKS:
        return cut
    abbreviated = _abbreviated(name, room)
    while abbreviated == "" and len(words) > 1 and words[-1].casefold() in _LINKS:
        words.pop()
    return abbreviated or " ".join(words)


def _abbreviated(name: str, room: int = 31) -> str:
    """A sheet name too long, its last word abbreviated as French abbreviates (before a vowel, a period after):
    « Enquêtes auprès des bénéficiaires » -> « Enquêtes auprès des bénéfic. » (cut at the word, it read « Enquêtes
    auprès des »). "" when the word would keep fewer than 4 letters."""
    kept, _, word = name[:room].rpartition(" ")
    word = name[len(kept) + 1:].split(" ")[0] if kept else ""
    cut = room - len(kept) - 2          # the space and the period
    ends = [i for i in range(4, min(cut, len(word) - 1) + 1) if word[i - 1] not in _VOWELS and word[i] in _VOWELS]
    return f"{kept} {word[:ends[-1]]}." if kept and ends else ""


class _Names:
    """Sheet names as Excel allows them: at most 31 characters, no []:*?/\\, unique ignoring case."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def __call__(self, wanted: str) -> str:
        base = re.sub(r"[\[\]:*?/\\]", " ", wanted).strip(" '") or "Tableaux"
        if len(base) > 31:  # cut at a word, not in one
            base = _cut(base)
        candidate, number = base, 2
        while candidate.casefold() in self.taken:
            suffix = f" ({number})"
            candidate, number = base[:31 - len(suffix)].rstrip() + suffix, number + 1
        self.taken.add(candidate.casefold())
        return candidate


_ESCAPE_LIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def _text_cell(sheet, row: int, column: int, text: str):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = sheet.cell(row=row, column=column)
    # a control character (refused in the data by make check) cannot be stored in .xlsx: shown as \xNN, never a crash
    shown = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    # Excel (and LibreOffice) read _xHHHH_ in a text as the character HHHH, their escape: a label 'Date_x0020_de'
    # (a SharePoint name) showed « Date de » in the sheet; its '_' escaped (_x005F_), it shows as written
    cell.value = _ESCAPE_LIKE.sub("_x005F_", shown).replace("\r\n", "\n").replace("\r", "\n")  # Excel's line break
    cell.data_type = "s"        # never a formula, whatever the text starts with
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True  # Excel keeps it text even when the reader edits the cell
    return cell


def _write_table(sheet, top: int, title: str, table: Mapping[str, Any], widths: dict[int, float]) -> int:
    """Write one table from row ``top``; returns the row after it. widths: column -> widest text seen."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    lang, currency = table["lang"], table["currency"]
    rule = Side(style="thin", color=office(INK))
    _text_cell(sheet, top, 1, title).font = Font(bold=True, color=office(ACCENT))
    head_row = top + 1
    for number, column in enumerate(table["columns"], 1):
        label = column["label"] + (f" ({currency})" if column["kind"] == "money" else "")
        cell = _text_cell(sheet, head_row, number, label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=office(HEAD))
        cell.border = Border(bottom=rule)
        cell.alignment = Alignment(horizontal="right" if column["numeric"] else "left", vertical="bottom",
                                   wrap_text=True)
        widths[number] = max(widths.get(number, 0), min(len(label), 24))
    for offset, row in enumerate(table["rows"], 1):
        for number, (column, shown) in enumerate(zip(table["columns"], row), 1):
            kind, value = column["kind"], shown.get("value")
            target = sheet.cell(row=head_row + offset, column=number)
            if value is not None and kind == "date":
                target.value = dt.date.fromisoformat(value)
                target.number_format = number_format(kind, lang)
            elif value is not None and (kind in ("right", "printed", "numv") or kind.startswith("est")
                                        or (kind == "p" and len(shown["text"]) > 5
                                            and not shown["text"].startswith("<"))):
                # the decimals the text shows, cell by cell (a p of 0.0496 shows 4, fmt.p_value; an effect of
                # -0.0004 shows 5, fmt.nonzero)
                target.value = value
                target.number_format = number_format(f"num{fmt.read_number(shown['text'], lang)[1]}", lang)
            elif value is not None:
                target.value = value / 100 if kind.startswith("pct") else value
                shows = fmt.read_number(shown["text"].rstrip("%\u00a0\u202f "), lang) if kind.startswith("pct") else None
                # a rated % shown with more decimals (79,99 % beside its amber, fmt.rated_percent) keeps them
                target.number_format = number_format(f"pct{shows[1]}" if shows and shows[1] > int(kind[3:] or 1)
                                                     else kind, lang)
            else:
                target = _text_cell(sheet, head_row + offset, number, shown["text"])
            if column["numeric"]:
                target.alignment = Alignment(horizontal="right", vertical="top")
            else:
                # a label typed on two lines (Alt+Enter) wraps at its line break: unwrapped, Excel showed its words
                # glued (« Personnelnational »), where the page and Word show « Personnel national »
                target.alignment = Alignment(vertical="top", wrap_text=len(shown["text"]) > 60
                                             or "\n" in shown["text"] or "\r" in shown["text"])
            rag = next((RAG_FILLS[c] for c in shown.get("class", "").split() if c in RAG_FILLS), None)
            if rag:
                target.fill = PatternFill("solid", fgColor=rag)
            widths[number] = max(widths.get(number, 0), min(len(shown["text"]), 60))
    return head_row + len(table["rows"]) + 2


def _figures_rows(figures: pd.DataFrame) -> Iterator[list]:
    for record in figures.itertuples(index=False):
        yield [None if v is None or (not isinstance(v, str) and pd.isna(v)) else v for v in record]


def xlsx(notebook, figures: pd.DataFrame, when: dt.datetime | None = None, lang: str | None = None) -> bytes:
    """The workbook of one annex: its merged executed notebook (export.merge) and its figures (the long table).
    lang: the annex language (default: that of the notebook's tables, else French)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    names = _Names()
    found = sections(notebook)
    lang = lang or next((table["lang"] for _, tables in found for _, table in tables), "fr")
    for section, tables in found:
        sheet = book.create_sheet(names(section or "Tableaux"))
        title = _text_cell(sheet, 1, 1, section)
        title.font = Font(bold=True, size=13)
        row, widths, said = 3, {}, None
        for sub, table in tables:
            if sub and sub != said and table["caption"]:
                # the sub-heading (a study's, a survey's name) on its own line above its tables' captions: without
                # it, two studies' tables were alike, nothing saying which study each was
                _text_cell(sheet, row, 1, sub).font = Font(bold=True, size=12)
                row += 1
            said = sub
            header = row + 1
            row = _write_table(sheet, row, table["caption"] or sub or section, table, widths)
        if len(tables) == 1:
            sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
        for number, width in widths.items():
            sheet.column_dimensions[get_column_letter(number)].width = max(9, width + 2)
    _write_figures(book, names, figures_for_people(figures, lang), say("figures_sheet", lang))
    buffer = io.BytesIO()
    book.save(buffer)
    # openpyxl stamps the creation time into the file; pin it to the generation time.
    return pin_zip_times(buffer.getvalue(), when or generated_at())


# The figures sheet's columns, headed in the annex language by words: figures_column_<name> (figures.csv keeps
# the English names)
FIGURE_COLUMNS = ("section", "metric", "key", "value", "unit", "n", "se", "ci_low", "ci_high", "p_value", "reported",
                  "status", "note", "previous", "previous_date", "why")
PERCENT_COLUMNS = ("value", "se", "ci_low", "ci_high", "previous")   # in percentage points when the unit is %
# the decimals a figure shows by its unit (a currency: 2, cents only when it has some; no unit: 2)
_UNIT_DECIMALS = {"%": 1, "count": 0, "ratio": 3, "share": 3}
_P_METRIC = re.compile(r"(?:^|_)p(?:_|$)")      # balance_joint_p, impact_p_holm: a p-value


def figure_format(value: Any, unit: Any, metric: Any, lang: str) -> str | None:
    """The Excel number format of one figure of the figures sheet (a value, its se, interval or previous value), by
    its unit: an amount and a count grouped by thousands (« 12 500 », cents when it has some), a % as on the
    section sheets (« 45,0 % », the value a fraction), a ratio or a share of 1 with 3 decimals, a p-value as the
    tables show it; at least two significant digits of a small value, as fmt.nonzero (0.0004 is not « 0,000 »).
    The sheet stored every number with Excel's General format: 136760.12, 0.279697473, no thousands grouped."""
    if value is None or isinstance(value, (str, bool)) or pd.isna(value):
        return None
    if isinstance(metric, str) and _P_METRIC.search(metric):
        return number_format("p", lang)
    unit = None if unit is None or pd.isna(unit) else str(unit)
    shown = float(value) * (100 if unit == "%" else 1)
    decimals = _UNIT_DECIMALS.get(unit, 2)
    if unit != "%" and decimals < 3 and float(shown).is_integer():
        decimals = 0                            # 12 500 USD, not 12 500,00
    elif unit == "count" and not float(shown).is_integer():
        decimals = 1                            # an effective sample size, 591,5
    if shown != 0 and abs(shown) < 1:
        decimals = max(decimals, min(1 - math.floor(math.log10(abs(shown))), fmt.NONZERO_MAX_DECIMALS))
    return number_format(f"{'pct' if unit == '%' else 'num'}{decimals}", lang)


def figures_for_people(figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The long table as the figures sheet shows it: headings, sections, metrics and statuses in the annex
    language; a column saying why a figure is not computable (its value empty); percentages as fractions, the
    scale of the other sheets, shown with the % format (the ``unit`` column says %)."""
    from . import fmt

    out = figures.copy()
    if "unit" in out.columns:
        pct = out["unit"].astype("object") == "%"
        for column in PERCENT_COLUMNS:
            if column in out.columns:
                out[column] = out[column].astype("float64").where(~pct, out[column].astype("float64") / 100)
    formats = _figure_formats(out, lang)
    if "value" in out.columns and "note" in out.columns:
        empty = out["value"].isna()
        out["why"] = [fmt.reason(note, lang) if blank else None for note, blank in zip(out["note"], empty)]
    if lang != "en":
        for column in ("section", "metric", "status", "unit"):
            if column in out.columns:
                # a status may join two ('shared; upper bound'): each is said
                out[column] = [v if v is None or (not isinstance(v, str) and pd.isna(v)) or v == ""
                               else "; ".join(fmt.word(part, lang) for part in str(v).split("; "))
                               for v in out[column]]
    if lang != "en" and "key" in out.columns:
        # the key stays the code figures.csv and reported.csv use; beside it, the same key in the annex language
        # (a French reader saw 'ahead', 'all', 'training_survey:employed:ipw_att')
        out.insert(out.columns.get_loc("key") + 1, "key_words", [key_in_words(k, lang) for k in out["key"]])
    headings = {column: say(f"figures_column_{column}", lang) for column in (*FIGURE_COLUMNS, "key_words")}
    out = out.rename(columns=headings)
    out.attrs["formats"] = {headings.get(c, c): column for c, column in formats.items()}
    return out


def _figure_formats(figures: pd.DataFrame, lang: str) -> dict[str, list[str | None]]:
    """{column: the number format of each row} for the figures sheet's numeric columns (figure_format); the
    count column ``n`` grouped by thousands, ``p_value`` as the tables show it."""
    units = figures["unit"].tolist() if "unit" in figures.columns else [None] * len(figures)
    metrics = figures["metric"].tolist() if "metric" in figures.columns else [None] * len(figures)
    formats = {column: [figure_format(v, u, m, lang) for v, u, m in zip(figures[column], units, metrics)]
               for column in PERCENT_COLUMNS if column in figures.columns}
    if "n" in figures.columns:
        formats["n"] = [figure_format(v, "count", None, lang) for v in figures["n"]]
    if "p_value" in figures.columns:
        formats["p_value"] = [None if pd.isna(v) else number_format("p", lang) for v in figures["p_value"]]
    return formats


def key_in_words(key: Any, lang: str) -> Any:
    """A figure's key as the annex says it: each ':'-part that is a workbook code ('all', 'ahead', 'missing_target',
    'ipw_att', 'total@2019-12-31') in ``lang``; a part from the data (a line, a country, a column) as written."""
    if key is None or (not isinstance(key, str) and pd.isna(key)) or key == "":
        return None
    said = []
    for part in str(key).split(":"):
        code, _, day = part.partition("@")
        method, _, estimand = code.rpartition("_")
        if code in fmt.WORDS:
            text = fmt.word(code, lang)
        elif known(f"figures_key_{code}", lang):
            text = say(f"figures_key_{code}", lang)
        elif known(f"study_method_{code}", lang):
            text = say(f"study_method_{code}", lang)
        elif known(f"study_short_{method}", lang) and known(f"study_estimand_{estimand}", lang):
            text = f"{say(f'study_short_{method}', lang)}, {say(f'study_estimand_{estimand}', lang)}"
        else:
            text = code
        if day:
            try:
                text = say("figures_key_at", lang, what=text, day=fmt.date(day, lang))
            except ValueError:   # not a date: as written
                text = part
        said.append(text)
    return " : ".join(said) if lang == "fr" else ": ".join(said)


def _write_figures(book, names: _Names, figures: pd.DataFrame, title: str) -> None:
    """The long table, as figures.csv has it, on the sheet ``title`` (« Chiffres », « figures »); longer than a
    sheet, it goes on « Chiffres (2) », ..."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    per_sheet = EXCEL_MAX_ROWS - 1
    rows = _figures_rows(figures)
    formats = figures.attrs.get("formats", {})
    format_at = {n: formats[c] for n, c in enumerate(figures.columns, 1) if c in formats}
    for start in range(0, max(len(figures), 1), per_sheet):
        sheet = book.create_sheet(names(title))
        for number, column in enumerate(figures.columns, 1):
            _text_cell(sheet, 1, number, str(column)).font = Font(bold=True)
            long = str(column).lower().startswith(("note", "pourquoi", "why"))
            sheet.column_dimensions[get_column_letter(number)].width = 40 if long else 14
        sheet.freeze_panes = "A2"
        for offset in range(min(per_sheet, len(figures) - start)):
            for number, value in enumerate(next(rows), 1):
                if isinstance(value, str):
                    _text_cell(sheet, offset + 2, number, value)
                elif value is not None:
                    cell = sheet.cell(row=offset + 2, column=number, value=value)
                    shown = format_at[number][start + offset] if number in format_at else None
                    if shown:
                        cell.number_format = shown

