"""The notebook API (what ``from helpers.annex import open_annex`` gives): one annex's params, its validated data
and figures, and the calls that show sentences, tables and figures in the annex language. The package's docstring
says how a notebook uses it."""

from __future__ import annotations

import base64
import dataclasses
import html
import io
import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from . import fmt, words
from .words import say
from .declared import restrict
from ..data.iati import in_annex_language
from ..data.loader import load_project
from ..data.model import ProjectData, scope
from ..data.params import AnnexParams, load_annex_params
from ..data.store import from_environment
from ..paths import DATA_DIR, PARAMS_DIR


MAX_ROWS = 30   # rows of a table shown in the annex: about a printed page
MAX_BARS = 30   # bars of a chart: as many as can be labelled legibly


def _display_html(markup: str, data: Mapping[str, Any] | None = None) -> None:
    from IPython.display import display

    # one output holding the HTML and, for a table, its structured form (read by the Excel writer)
    display({"text/html": markup, **(data or {})}, raw=True)


@dataclass
class Annex:
    params: AnnexParams
    project_data: ProjectData            # the whole project (validated)
    data: ProjectData                    # the rows of this annex's country ("all": everything)
    show: Callable[[str], None] = field(default=_display_html, repr=False)
    params_dir: Path | None = field(default=None, repr=False)   # (the other annex files: orphan_archives)

    # -- language ------------------------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.params.language

    def text(self, fr: str, en: str) -> str:
        return words.pick(self.lang, fr, en)

    def word(self, key: Any) -> str:
        return fmt.word(key, self.lang)

    def pct(self, value: Any, decimals: int = 1) -> str:
        return fmt.percent(value, decimals, self.lang)

    def rated_pct(self, value: Any, decimals: int = 1) -> str:
        """A % of target as the RAG rates it: 79.99 is '79,99 %', never '80,0 %' beside its amber."""
        limits = (self.params.thresholds.rag_green, self.params.thresholds.rag_amber)
        return fmt.rated_percent(value, limits, decimals, self.lang)

    def pct_within(self, value: Any, low: Any, high: Any, decimals: int = 1) -> str:
        """A % rated against a band: 29.96 is '29,96 %' beside « below the band » from 30, never '30,0 %'
        (fmt.band_percent)."""
        return fmt.band_percent(value, low, high, decimals, self.lang)

    def num_within(self, value: Any, low: Any, high: Any, decimals: int = 2) -> str:
        """A number rated against a band: the parity index 0.965 is '0,965' beside « women under-represented » below
        a band from 0.97, never '0,97' (fmt.band_number)."""
        return fmt.band_number(value, low, high, decimals, self.lang)

    def num_limit(self, value: Any, decimals: int = 2) -> str:
        """A band's limit with every digit the params give it: 0.975 is '0,975', never '0,98' (fmt.limit_number)."""
        return fmt.limit_number(value, decimals, self.lang)

    def pct_limit(self, value: Any, decimals: int = 0) -> str:
        """A band's limit in %, every digit kept: 32.5 is '32,5 %', never '33 %' (fmt.limit_percent)."""
        return fmt.limit_percent(value, decimals, self.lang)

    def num(self, value: Any, decimals: int = 0) -> str:
        return fmt.number(value, decimals, self.lang)

    def est(self, value: Any, decimals: int = 3) -> str:
        """An effect, a bound or a standard error: never 0 when it is not, its sign kept (fmt.nonzero)."""
        return fmt.nonzero(value, decimals, self.lang)

    def money(self, value: Any, decimals: int = 0) -> str:
        return fmt.money(value, self.params.currency, self.lang, decimals)

    def thousands_of(self, currency: str) -> str:
        """An axis' unit said once: « en milliers d'EUR », « en milliers de XOF » (its ticks then read « 1 500 »;
        they read « 1 500 k » and « 0 k » beside an axis titled « EUR »)."""
        elided = currency[:1].upper() in "AEIOUYH"
        return say("in_thousands_elided" if elided else "in_thousands", self.lang, currency=currency)

    def date(self, value: Any) -> str:
        return fmt.date(value, self.lang)

    def plural(self, n: Any, fr: tuple[str, str], en: tuple[str, str]) -> str:
        """The words agreeing with the count n: ``ctx.plural(1, fr=("est réalisée", "sont réalisées"), en=("is
        done", "are done"))``. French takes the singular for 0 and 1."""
        one, many = words.pick(self.lang, fr, en)
        return fmt.plural(n, one, many, self.lang)

    def why(self, note: Any) -> None:
        """Right after a sentence showing n.d.: why, in the annex language, from the helper's note."""
        if not fmt.is_missing(note) and str(note).strip():
            self.note(fr="n.d. : {why}.", en="n/a: {why}.", why=self.reason(note))

    def reason(self, note: Any) -> str:
        """A helper's 'not computable' note in the annex language (fmt.reason)."""
        return fmt.reason(note, self.lang)

    @property
    def place(self) -> str:
        """The annex's display name: "Maroc", or "l'ensemble du projet"."""
        return self.params.name

    # -- figures -------------------------------------------------------------------------------------------------
    @cached_property
    def figures(self) -> pd.DataFrame:
        """Every figure of this annex (the long table exported as <annex>.figures.csv): the build's, computed once
        for the notebooks and the export (analyses.computed), else computed here."""
        from ..analyses import computed
        from ..analyses.figures import annex_figures

        found = computed.from_environment(self.params)
        return found if found is not None else annex_figures(self.project_data, self.params)

    @cached_property
    def previous(self):
        """The figures of the latest earlier annex (data.archive.Previous: date, path, figures), or None."""
        from ..data import archive

        return archive.previous(archive.root(), self.params.project, self.params.annex, self.params.reporting_date)

    @cached_property
    def later_archived(self) -> list:
        """The reporting dates of this annex's archived figures later than its own (the date moved back, or
        mistyped: 2025-03-31 for 2025-09-30): compared with none of them, and said so."""
        from ..data import archive

        return [day for day, _ in archive.dated_files(archive.root(), self.params.project, self.params.annex)
                if day > self.params.reporting_date]

    @cached_property
    def orphan_archives(self) -> dict:
        """{folder: latest date} of archived annexes no annex file names any more (data.archive.orphans): when this
        annex has no earlier figures, it may be one of them renamed, and says so."""
        from ..data import archive
        from ..paths import PARAMS_DIR, annex_names

        params_dir = self.params_dir or PARAMS_DIR
        try:
            return archive.orphans(archive.root(), self.params.project, annex_names(self.params.project, params_dir))
        except (OSError, ValueError):
            return {}

    def since(self, metric: str, key: str) -> str:
        """' (31/12/2020 : 37,5 %)': the figure's value in the earlier annex, to put beside it; '' when there is no
        earlier annex, it had no such figure or the figure was not computable then. Formatted by its unit."""
        from ..analyses.change import previous_row, same_unit
        from ..analyses.efficiency import UPPER_BOUND

        row = previous_row(self.previous, metric, key)   # value and unit of one row, matched as the change section
        value = None if row is None else row["value"]
        if value is None or fmt.is_missing(value):  # no earlier annex, no such figure, or n.d. then
            return ""
        unit = row.get("unit")
        if not fmt.is_missing(unit) and str(unit) not in ("", "%", "count", "ratio") and \
                not same_unit(unit, self.params.currency):   # (XOF then, FCFA now: one currency)
            return ""   # 1 613 103 USD is not an earlier value of 1 654 103 EUR (the change section lists it)
        day = self.previous.date.strftime("%d/%m/%Y") if self.lang == "fr" else self.date(self.previous.date)
        # an upper bound then (a cost per woman with women not counted): « (30/06/2024 : 6 765 XOF) » beside an exact
        # 4 788 read as a cost fallen by 29 %, where the earlier one was at most that
        bound = say("since_at_most", self.lang) if UPPER_BOUND in str(row.get("status", "")) else ""
        return say("since", self.lang, day=day, value=bound + self.in_unit(value, unit))

    def in_unit(self, value: Any, unit: str) -> str:
        """A figure's value written as its unit says: %, count, ratio, or an amount in the currency."""
        from .change import in_unit

        return in_unit(value, unit, self.lang)

    def published_check(self) -> pd.DataFrame:
        """The annex's published figures beside the recomputed ones, formatted for reading.

        Columns: figure_id, label, source, reported, computed, difference, status, explanation. The computed value
        shows two more decimals than the printed one, so a truncation is visible; the explanation says, in the
        annex language, what differs or why the figure cannot be recomputed.
        """
        from ..analyses.change import with_previous
        from ..data.params import report_decimal_mark

        figures = self.figures if self.previous is None else with_previous(self.figures, self.previous)
        return published_check(figures, self.project_data.tables["reported"], self.lang,
                               report_decimal_mark(self.params))

    def has(self, table: str) -> bool:
        return table in self.data.present and not self.data.tables[table].empty

    # -- output --------------------------------------------------------------------------------------------------
    def heading(self, fr: str, en: str, level: int = 2) -> None:
        level = min(max(level, 2), 4)  # h1 is the annex title
        self.show(fmt.tie_html(f"<h{level}>{html.escape(self.text(fr, en))}</h{level}>"))

    def say(self, fr: str, en: str, **values: Any) -> None:
        """A paragraph. Placeholders {name} take already formatted values; everything is escaped."""
        template = html.escape(_one_period(self.text(fr, en), values))
        # (an empty value, a clause that does not apply, is no empty <strong> before the full stop)
        safe = {k: f"<strong>{html.escape(str(v))}</strong>" if str(v) else "" for k, v in values.items()}
        self.show(fmt.tie_html(f"<p>{template.format(**safe)}</p>"))

    def no_data(self, fr: str, en: str, **values: Any) -> None:
        """The one sentence a section shows instead of failing when it has no data."""
        safe = {k: html.escape(str(v)) for k, v in values.items()}
        self.show(fmt.tie_html(
            f'<p class="no-data">{html.escape(_one_period(self.text(fr, en), values)).format(**safe)}</p>'))

    def note(self, fr: str, en: str, **values: Any) -> None:
        """A smaller paragraph: how a figure is defined, where it comes from, what it leaves out."""
        safe = {k: html.escape(str(v)) for k, v in values.items()}
        self.show(fmt.tie_html(
            f'<p class="note">{html.escape(_one_period(self.text(fr, en), values)).format(**safe)}</p>'))

    def available(self, table: str, fr: str, en: str) -> bool:
        """True when the annex has rows of ``table``; otherwise says so in one sentence and returns False."""
        if self.has(table):
            return True
        self.no_data(fr, en, place=self.place)
        return False

    def table(self, frame: pd.DataFrame, columns: Mapping[str, Any], formats: Mapping[str, str] | None = None,
              rag: str | None = None, caption: tuple[str, str] | None = None, top: str | None = None,
              max_rows: int | None = None, missing: Mapping[str, tuple[str, str]] | None = None,
              explained: bool = False) -> None:
        """Show the columns of ``frame`` named in ``columns`` (column -> heading word key or (fr, en) pair).

        formats: column -> "pct", "pct0", "num", "num1", "num2", "numv" (the decimals the value has, up to two:
        7, 12,5, 0,45: an indicator's values), "est3", "est1" (an effect, a bound or a standard error: 3 (1)
        decimals, more for a value that would show 0, fmt.nonzero), "est@se" (an estimate with the decimals that give
        the row's column ``se`` two significant digits, fmt.se_decimals), "money", "date", "word", "p" (p-value),
        "right" (text already formatted, right-aligned), "printed" (a figure as a report printed it, right-aligned,
        in the report's own convention: a number for a spreadsheet only when it reads the same with either
        decimal mark), "long" (long text in small type that may wrap
        anywhere, e.g. a file name), "text" (default).
        rag: a column holding green/amber/red (or a band status) whose value colours the row's rating cell.
        A table longer than ``max_rows`` (default MAX_ROWS, about a page) shows that many rows, those with the
        largest ``top`` when given (else the first ones), and a sentence says how many are left out and that every
        row is in the annex's .xlsx and figures.csv.
        missing: column -> (fr, en) why a cell of that column is empty; a note under the table says it for each
        column that shows n.d. (a column not named here gets a general reason), so no n.d. goes unexplained.
        explained: the caller says why each n.d. is, row by row, right after the table (the survey estimates): no
        note per column, whose general reason the reader read first, above the specific ones.
        """
        limit = max_rows or MAX_ROWS
        shown, left_out = (frame, 0) if len(frame) <= limit else self.top(frame, top, limit)
        data = table_data(shown, columns, formats or {}, self.lang, self.params.currency, rag,
                          self.text(*caption) if caption else None)
        if self.show is _display_html:
            # the workbook gets every row, in the order shown (the note under the table says every row is in the
            # .xlsx: the sample's « Vérification » sheet held the 30 rows shown, 7 published figures of 37 nowhere)
            whole = data if not left_out else table_data(
                self.top(frame, top, len(frame))[0], columns, formats or {}, self.lang, self.params.currency, rag,
                self.text(*caption) if caption else None)
            _display_html(table_html(data), {TABLE_MIME: whole})
        else:  # a caller that collects the HTML only (tests)
            self.show(table_html(data))
        if not explained:
            self._explain_missing(data, columns, missing or {})
        if left_out:
            head = columns.get(top) if top else None
            label = (words.pick(self.lang, *head) if isinstance(head, tuple) else self.word(head)) if head else ""
            self.note(**_both("rows_left_out_top" if top else "rows_left_out_first"),
                      others=fmt.plural(left_out, say("rows_left_out_one", self.lang),
                                        say("rows_left_out_many", self.lang), self.lang),
                      shown=self.num(len(shown)), label=label, left=self.num(left_out),
                      xlsx=f"{self.params.annex}.xlsx", csv=f"{self.params.annex}.figures.csv")

    def _explain_missing(self, data: Mapping[str, Any], columns: Mapping[str, Any],
                         missing: Mapping[str, tuple[str, str]]) -> None:
        """A note naming each column that shows n.d. and why (issue 21: no n.d. without its reason)."""
        blank = fmt.missing(self.lang)
        reasons = []
        for i, (column, head) in enumerate(zip(columns, data["columns"])):
            if any(row[i]["text"] == blank for row in data["rows"]):
                why = self.text(*missing[column]) if missing.get(column) else say("not_recorded", self.lang)
                reasons.append(say("label_value", self.lang, name=head["label"], value=why))
        if reasons:
            self.note(**_both("not_available"), reasons=say("list_separator", self.lang).join(reasons))

    def top(self, frame: pd.DataFrame, by: str | None = None, n: int | None = None) -> tuple[pd.DataFrame, int]:
        """At most ``n`` rows of ``frame`` (default MAX_BARS), sorted by ``by`` (largest first) when given, else the
        first rows; and how many were left out. For a chart: ``bars, left_out = ctx.top(frame, "share")``."""
        n = n or MAX_BARS
        ordered = frame.sort_values(by, ascending=False, kind="stable") if by else frame
        return ordered.head(n), max(0, len(frame) - n)

    def figure(self, fig: Any, fr: str, en: str, alt: str | None = None, left_out: int = 0) -> None:
        """Embed a matplotlib figure as a PNG with its caption, then close it.

        left_out: how many bars ``top`` left out of the chart; the caption then says so.
        """
        import matplotlib.pyplot as plt

        from .plots import localise

        localise(fig, self.lang)  # axis numbers in the annex language, whatever the notebook passed
        buffer = io.BytesIO()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
        plt.close(fig)
        # a character of a label the font has not (an emoji) is drawn as a box, and matplotlib says so only in the
        # kernel's log: the caption says it
        missing = sorted({chr(int(m[1])) for w in caught if (m := _MISSING_GLYPH.match(str(w.message)))})
        for w in caught:
            if not _MISSING_GLYPH.match(str(w.message)):
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        caption = html.escape(self.text(fr, en))
        if missing:
            caption += html.escape(say("glyphs_missing", self.lang, chars=" ".join(missing)))
        if left_out:
            others = fmt.plural(left_out, say("bars_left_out_one", self.lang, n=self.num(left_out)),
                                say("bars_left_out_many", self.lang, n=self.num(left_out)), self.lang)
            caption += html.escape(say("bars_left_out", self.lang, others=others, xlsx=f"{self.params.annex}.xlsx"))
        alt = alt or self.figure_alt(getattr(fig, "annex_summary", None)) or self.text(fr, en)
        self.show(fmt.tie_html(f'<figure><img alt="{html.escape(alt)}" '
                               f'src="data:image/png;base64,{data}"/><figcaption>{caption}</figcaption></figure>'))


    def figure_alt(self, summary: Mapping[str, Any] | None) -> str:
        """The alt text of a figure: what it shows, from its data (plots._remember), in the annex language: its
        largest and smallest bars, the ends of its curve. Every figure's alt text was its caption."""
        if not summary:
            return ""
        if summary["kind"] == "curve":
            (first_at, first), (last_at, last) = summary["first"], summary["last"]
            planned = say("alt_curve_planned", self.lang, planned=summary["planned"]) if summary["planned"] else ""
            return say("alt_curve", self.lang, title=summary["title"], unit=summary["unit"], first=first, last=last,
                       first_month=fmt.month(first_at, self.lang), last_month=fmt.month(last_at, self.lang),
                       planned=planned)
        if summary["kind"] == "overlap":
            return self._overlap_alt(summary)
        if summary["kind"] == "event":
            return self._event_alt(summary)
        items = summary["items"]
        if not items:
            return ""
        item = lambda i: say("alt_item", self.lang, label=i[0], value=i[1] or self.num(i[2]))   # noqa: E731
        if len(items) == 1:
            return say("alt_one", self.lang, what=say(f"alt_one_{summary['kind']}", self.lang),
                       title=summary["title"], item=item(items[0]))
        high = max(items, key=lambda i: i[2])
        low = min(items, key=lambda i: i[2])
        if high[2] == low[2]:   # « le plus grand total, R1 (2) ; le plus petit, R1 (2) » of three bars of 2
            return say("alt_equal", self.lang, what=say(f"alt_one_{summary['kind']}", self.lang),
                       title=summary["title"], n=self.num(len(items)), value=high[1] or self.num(high[2]),
                       labels=", ".join(i[0] for i in items))
        return say(f"alt_{summary['kind']}", self.lang, title=summary["title"], n=self.num(len(items)),
                   high=item(high), low=item(low), parts=", ".join(summary.get("parts", [])))


    def _overlap_alt(self, summary: Mapping[str, Any]) -> str:
        """« Histogrammes superposés « Recouvrement... » : traités, 120 scores de 0,12 à 0,91 (médiane 0,55) ; ... »"""
        groups = [say("alt_overlap_group", self.lang, name=name, n=self.num(n), low=self._score(low),
                      median=self._score(median), high=self._score(high)) for name, n, low, median, high
                  in summary["groups"]]
        bounds = summary["bounds"]
        trimmed = say("alt_overlap_bounds", self.lang, low=self._score(bounds[0]),
                      high=self._score(bounds[-1])) if bounds else ""
        return say("alt_overlap", self.lang, title=summary["title"], groups=" ; ".join(groups) if self.lang == "fr"
                   else "; ".join(groups), bounds=trimmed)

    def _score(self, value: float) -> str:
        """A propensity score with two decimals, or as many as it takes not to read 0 or 1 where it is neither:
        a score of 0.003 was said « 0,00 » (a score of 0 is a unit certain not to be treated), 0.9996 « 1,00 »."""
        decimals = 2
        while decimals < fmt.NONZERO_MAX_DECIMALS and 0 < value < 1 and round(value, decimals) in (0, 1):
            decimals += 1
        return self.num(value, decimals)

    def _event_alt(self, summary: Mapping[str, Any]) -> str:
        """« Écarts par période « Revenu » (IC 95 %) : sans pondération, 2019 : -3,20 (-8,00 à 1,50), 2020 :
        0,00, ... ; le programme commence après 2020. » Decimals as the gaps need: 2 below 10, 1 below 100."""
        values = [abs(v) for _, points in summary["series"] for p in points for v in p[1:] if v == v]
        decimals = 2 if max(values, default=0) < 10 else 1 if max(values) < 100 else 0
        num = lambda v: fmt.nonzero(v, decimals, self.lang)   # noqa: E731  (a gap of -0,004 is not « 0,00 »)
        series = []
        for name, points in summary["series"]:
            said = [say("alt_event_point", self.lang, period=period, value=num(est), low=num(low), high=num(high))
                    if low == low and high == high else say("alt_item", self.lang, label=period, value=num(est))
                    for period, est, low, high in points]
            series.append(say("alt_event_series", self.lang, name=name, points=", ".join(said)))
        before = say("alt_event_before", self.lang, period=summary["before"]) if summary["before"] else ""
        return say("alt_event", self.lang, title=summary["title"],
                   series=(" ; " if self.lang == "fr" else "; ").join(series), before=before)


_MISSING_GLYPH = re.compile(r"Glyph (\d+) .*missing from font")


def _one_period(template: str, values: Mapping[str, Any]) -> str:
    """A value ending with a period ('n.d.') ends the sentence too: « coût : n.d. », not « coût : n.d.. »."""
    for name, value in values.items():
        if str(value).endswith("."):
            template = template.replace("{" + name + "}.", "{" + name + "}")
    return template


def _both(key: str) -> dict[str, str]:
    """A catalogue text in both languages, for ctx.note(fr=..., en=...) (annex.words)."""
    return {lang: words.catalogue(lang)[key] for lang in ("fr", "en")}


def _rounded_half_up(value: float, places: int) -> float:
    """``value`` rounded at ``places`` decimals (-5: to the 100 000) half up, as analyses.reconcile compares."""
    return float(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def published_check(figures: pd.DataFrame, reported: pd.DataFrame, lang: str,
                    decimal_mark: str | None = None) -> pd.DataFrame:
    """``decimal_mark``: the report's (params.report_decimal_mark), which read the printed figures; by default the
    annex language's."""
    from ..analyses.reconcile import (ACTUAL_NOTE, ALL_PARTICIPANTS_NOTE, BUDGET_METRICS, COMMITMENT_NOTE,
                                      FRACTION_NOTE, JUST_UNDER_NOTE, MARGIN_NOTE, MARK_NOTE, NO_PERCENT_NOTE, PERCENT_NOTE,
                                      PERCENT_SIGN_NOTE, PERSONS_NOTE, TARGET_NOTE, UPPER_BOUND_NOTE,
                                      UnreadableNumber, is_currency, parse_printed, value_base, value_date,
                                      worded_comparison)

    checked = figures[figures["metric"] == "reported_figure"]
    about = reported.drop_duplicates("figure_id").set_index("figure_id")
    about = about.reindex(columns=["label", "source", "comparison"])
    rows = []
    for fig in checked.itertuples(index=False):
        try:
            # (the value without the date or the base written after it, as reconcile read it: « 41 % au 30/06/2021 »,
            # « 41 % (n=20) » said « non calculable » beside their « écart »)
            printed = parse_printed(value_date(value_base(fig.reported)[0])[0], decimal_mark or fmt.decimal_mark(lang),
                                    money=is_currency(getattr(fig, "unit", "")))   # « 1,4 m » of an amount: million
            decimals, printed_value = printed.decimals, float(printed.value)
        except UnreadableNumber:
            decimals, printed_value = 2, float("nan")
        fraction = FRACTION_NOTE in str(fig.note)   # 0.444 printed for 44.4 % (a match, or truncated)
        if fraction:
            decimals, printed_value = decimals - 2, printed_value * 100
        percentage = PERCENT_NOTE in str(fig.note)   # 27 % printed for 0.2708 (an effect on a yes/no outcome)
        if percentage:
            decimals, printed_value = decimals + 2, printed_value / 100
        places = decimals   # '1,2 million': -5, the precision the figure is rounded at to be compared
        decimals = max(decimals, 0)   # '2,4 M' is printed to the nearest 100 000: the computed figure is shown whole
        shown = min(decimals + 2, 4)
        difference = printed_value - fig.value
        written = about["comparison"].get(fig.key)
        bound = worded_comparison(fig.reported, "=" if fmt.is_missing(written) else str(written).strip() or "=")
        if fig.status == "mismatch" and bound in (">", ">=", "<", "<="):   # « plus de 50 % » beside 40
            explanation = say("published_not_bound", lang, computed=_trimmed(fig.value, decimals, shown, lang),
                              bound=say(f"bound_{bound}", lang), printed=fmt.number(printed_value, decimals, lang))
        elif fig.status == "mismatch" and bound == "~" and JUST_UNDER_NOTE in str(fig.note):
            # « près de 500 » beside 505: « écart de -5 » said nothing of why a difference within 2 % is no match
            explanation = say("published_above_just_under", lang, computed=_trimmed(fig.value, decimals, shown, lang),
                              printed=fmt.number(printed_value, decimals, lang))
        elif bound == "~" and fig.status in ("match", "mismatch") and (tolerance := re.search(
                r"(within|beyond) the tolerance (\S+)", str(fig.note))) and not (fraction or percentage):
            # « environ 46 % »: the tolerance the verdict used, said (« Conforme » beside 45,2 said nothing of it)
            explanation = say(f"published_{tolerance.group(1)}", lang,
                              difference=_trimmed(difference, decimals, shown, lang),
                              tolerance=_trimmed(float(tolerance.group(2)), decimals, shown, lang))
        elif fig.status == "mismatch":
            explanation = say("published_off_by", lang, difference=_trimmed(difference, decimals, shown, lang))
            if fmt.is_missing(difference):  # a comparison ('~') that does not hold
                explanation = fmt.reason(fig.note, lang)
            earlier = getattr(fig, "previous", float("nan"))
            if not fmt.is_missing(earlier) and not fmt.is_missing(printed_value) \
                    and fmt.number(earlier, decimals, lang) == fmt.number(printed_value, decimals, lang):
                # a report of the earlier date checked after a new reporting date: « écart » alone said it was wrong
                # (only spending has a key at another date: « total@AAAA-MM-JJ » beside a women's share said what
                # cannot be done)
                dated = str(fig.note).split(" [", 1)[0] in BUDGET_METRICS
                explanation += say("list_separator", lang) + say(
                    "published_earlier" if dated else "published_earlier_not_dated", lang,
                    date=fmt.date(fig.previous_date, lang))
        elif fig.status == "truncated":
            # rounded as printed: « 1,2 million » of 1 252 012,5 would be 1 300 000 (it said 1 252 013, the figure
            # rounded to the unit, which is no rounding of what the report printed)
            explanation = say("published_rounded", lang,
                              value=fmt.number(_rounded_half_up(fig.value, places), decimals, lang))
        elif fig.status == "not_computable":
            explanation = fmt.reason(fig.note, lang)
        else:
            explanation = ""
        if fraction or percentage:
            written = (say("published_fraction", lang, value=fmt.percent(printed_value, decimals, lang)) if fraction
                       else say("published_percentage", lang, value=fmt.number(printed_value, decimals, lang)))
            explanation = written + (say("list_separator", lang) + explanation if explanation else "")
        unknown = re.search(r"of the (\d+) participants whose sex is known, (\d+) of unknown sex left out; "
                            + ALL_PARTICIPANTS_NOTE + r" (\S+) %", str(fig.note))
        if unknown:   # « 40 femmes sur 100 participants » beside 40 of the 90 whose sex is known: which one is meant?
            caution = say("published_sex_unknown", lang, unknown=fmt.number(float(unknown.group(2)), 0, lang),
                          value=fmt.percent(float(unknown.group(3)), max(decimals, 1), lang))
            explanation = (explanation + say("list_separator", lang) if explanation else "") + caution
        persons = re.search(r"\((\d+) distinct persons\); " + PERSONS_NOTE + r" (\S+) %", str(fig.note))
        if persons:   # a women's share of participations, some persons counted at several events: which one is meant?
            caution = say("published_of_participations", lang, persons=fmt.number(float(persons.group(1)), 0, lang),
                          value=fmt.percent(float(persons.group(2)), max(decimals, 1), lang))
            explanation = (explanation + say("list_separator", lang) if explanation else "") + caution
        other = re.search(MARK_NOTE + r" '(.)', it is (\S+) \((\d+) decimal", str(fig.note))
        if other:   # « 1,200 » of an English source in a French report: read 1,2, a mismatch; 1 200 would match
            explanation = (explanation + say("list_separator", lang) if explanation else "") + say(
                "published_other_mark", lang, mark=other.group(1),
                value=fmt.number(float(other.group(2)), int(other.group(3)), lang))
        if NO_PERCENT_NOTE in str(fig.note):   # « 45 » beside 0.45: an « écart de 44,55 » said nothing of the '%'
            explanation = (explanation + say("list_separator", lang) if explanation else "") + say(
                "published_no_percent", lang, printed=fig.reported)
        signed = re.search(re.escape(PERCENT_SIGN_NOTE) + r" (\S+)", str(fig.note))
        if signed:   # « 0,53 % » beside 53 %: « écart » alone, or « Conforme » as a fraction of 1, said half of it
            explanation = (explanation + say("list_separator", lang) if explanation else "") + say(
                "published_percent_sign", lang, printed=fig.reported,
                value=fmt.percent(float(signed.group(1)), max(decimals - 2, 0), lang))
        target = re.search(re.escape(TARGET_NOTE) + r" (target_final|target) \((\S+)\)", str(fig.note))
        if target:   # « Cible : 20 personnes formées » compared with the indicator's target: said, even when it matches
            caution = say("published_target", lang, column=target.group(1),
                          value=fmt.number(float(target.group(2)), max(decimals, 0), lang))
            explanation = (caution + say("list_separator", lang) + explanation) if explanation else caution
        actual = re.search(re.escape(ACTUAL_NOTE) + r" \((\S+)\)", str(fig.note))
        if actual:   # « 10 personnes » compared with the indicator's actual value: said, even when it matches
            caution = say("published_actual", lang, value=fmt.number(float(actual.group(1)), max(decimals, 0), lang))
            explanation = (caution + say("list_separator", lang) + explanation) if explanation else caution
        margin = re.search(re.escape(MARGIN_NOTE) + r" '(.*)'", str(fig.note))
        if margin:   # « 40 % ± 2 »: the value compared, its margin or interval not checked: said
            explanation = (explanation + say("list_separator", lang) if explanation else "") + say(
                "published_margin", lang, margin=margin.group(1))
        upper = re.search(re.escape(UPPER_BOUND_NOTE) + r" (\S+)", str(fig.note))
        if upper:   # a cost per woman « au plus » 18 333 beside a printed 18 333: « Conforme » said nothing of the bound
            said = say("published_upper_bound", lang, value=_trimmed(float(upper.group(1)), decimals, shown, lang)
                       + " " + str(getattr(fig, "unit", "") or ""))
            explanation = said if fig.status == "not_computable" else \
                (explanation + say("list_separator", lang) if explanation else "") + said
        if COMMITMENT_NOTE in str(fig.note):   # « taux d'engagement » beside the spending
            explanation = (explanation + say("list_separator", lang) if explanation else "") + say(
                "published_commitment", lang)
        rows.append({"figure_id": fig.key, "label": about["label"].get(fig.key), "source": about["source"].get(fig.key),
                     "reported": fig.reported, "computed": _trimmed(fig.value, decimals, shown, lang),
                     "status": fig.status, "explanation": explanation})
    checked = pd.DataFrame(rows, columns=["figure_id", "label", "source", "reported", "computed", "status",
                                          "explanation"])
    checked.attrs["decimal_marks"] = {"reported": decimal_mark or fmt.decimal_mark(lang)}   # (table_data, "printed")
    return checked


def _trimmed(value: Any, decimals: int, shown: int, lang: str) -> str:
    """value with ``shown`` decimals, less the trailing zeros beyond ``decimals``: 1,6552 but 241 377,03."""
    text = fmt.number(value, shown, lang)
    mark = fmt.decimal_mark(lang)
    if fmt.is_missing(value) or mark not in text:
        return text
    whole, fraction = text.rsplit(mark, 1)
    fraction = fraction.rstrip("0").ljust(decimals, "0")
    return f"{whole}{mark}{fraction}" if fraction else whole


def _text(value: Any, kind: str, lang: str, currency: str, limits: Any = ()) -> str:
    if kind.startswith("pct"):
        return fmt.rated_percent(value, limits, int(kind[3:] or 1), lang)
    if kind == "numv":
        return _trimmed(value, 0, 2, lang)
    if kind.startswith("num"):
        return fmt.number(value, int(kind[3:] or 0), lang)
    if kind.startswith("est"):
        return fmt.nonzero(value, int(kind[3:] or 3), lang)
    if kind == "money":
        return fmt.money(value, currency, lang)
    if kind == "date":
        return fmt.date(value, lang)
    if kind == "word":
        return fmt.word(value, lang)
    if kind == "p":
        return fmt.p_value(value, lang)
    return fmt.missing(lang) if fmt.is_missing(value) else str(value)


def _cell(value: Any, kind: str, lang: str, currency: str) -> str:
    return html.escape(_text(value, kind, lang, currency))


NUMERIC = ("pct", "num", "est", "mon", "p", "rig", "pri")  # format kinds shown right-aligned ("right": text already formatted)
VALUED = ("pct", "num", "est", "mon", "p")        # format kinds whose cells keep the number behind the text
RAG_CLASSES = {"green": "rag-green", "amber": "rag-amber", "red": "rag-red", "match": "rag-green",
               "truncated": "rag-amber", "mismatch": "rag-red", "not_computable": "rag-grey",
               "within band": "rag-green", "above band": "rag-red", "below band": "rag-amber", "parity": "rag-green"}
TABLE_MIME = "application/vnd.evaluation-workbook.table+json"


def _value(value: Any, kind: str) -> float | str | None:
    """The number (or ISO date) a cell shows, for a spreadsheet; None for text and missing values."""
    if fmt.is_missing(value):
        return None
    if kind[:3] in VALUED:
        try:
            return float(value)
        except (TypeError, ValueError):
            return None
    if kind == "date":
        return str(value)[:10]
    return None


def table_data(frame: pd.DataFrame, columns: Mapping[str, Any], formats: Mapping[str, str], lang: str,
               currency: str, rag: str | None = None, caption: str | None = None) -> dict:
    """A table as the annex shows it, in a structured form: for each column its heading and format kind, for each
    cell the text shown (unescaped), the number behind it and its class (num, long, rag-*). The HTML, the Word and
    the Excel forms of the table are all made from it, so they cannot differ."""
    heads = []
    for col, head in columns.items():
        label = fmt.tie(words.pick(lang, *head) if isinstance(head, tuple) else fmt.word(head, lang))
        kind = formats.get(col, "text")
        heads.append({"label": label, "kind": kind, "numeric": kind[:3] in NUMERIC})
    rows = []
    marks = frame.attrs.get("decimal_marks", {})   # a "printed" column's decimal mark, when its table knows it
    # a rated table's RAG limits (indicators.iptt): a percentage below one is never shown rounded up to it
    limits = frame.attrs.get("rag_thresholds", ()) if rag else ()
    for record in frame.to_dict("records"):
        cells = []
        for col, head in zip(columns, heads):
            kind, value = head["kind"], record.get(col)
            classes = ["num"] if head["numeric"] else ["long"] if kind == "long" else []
            if rag and col == rag and not fmt.is_missing(value):
                classes.append(RAG_CLASSES.get(str(value), ""))
            if kind.startswith("est@"):   # an estimate with the decimals its row's SE warrants (fmt.se_decimals)
                kind = f"est{fmt.se_decimals(record.get(kind[4:]))}"
            text = _text(value, kind, lang, currency, limits)
            # a number formatted by the notebook keeps its number too, for a spreadsheet (with the decimals it shows)
            shown = fmt.read_number(text, lang) if kind in ("right", "printed") else None
            # a published figure is written as its report writes numbers, which may not be the annex language's
            # way: '178,135' of an English report is 178 135, which a French annex's sheet held as 178,135. A number
            # only when the report's way reads the same (or, that way not known, when both ways do); else text
            if kind == "printed" and shown:
                theirs = {",": "fr", ".": "en"}.get(marks.get(col))
                other = fmt.read_number(text, theirs or ("en" if lang == "fr" else "fr"))
                if other != shown and (theirs or other is not None):
                    shown = None   # text, as printed
            cells.append({"text": text, "value": shown[0] if shown else _value(value, kind),
                          "class": " ".join(c for c in classes if c)})
        rows.append(cells)
    _mark_label_column(heads, rows)
    return {"caption": caption and fmt.tie(caption), "lang": lang, "currency": currency, "columns": heads, "rows": rows}


LABEL_MEAN_CHARS = 25   # a text column whose cells are this long on average is a table's label (phrases, not codes)


def _mark_label_column(heads: list[dict], rows: list[list[dict]]) -> None:
    """The table's label column (its longest text column, when its texts are phrases) gets the class "label",
    which annex.css gives the room of a phrase: at 1 280 px the IPTT's « Libellé » was 148 px wide, narrower than
    « Appréciation », and its labels broke after every word or two."""
    mean = {i: sum(len(row[i]["text"]) for row in rows) / len(rows)
            for i, head in enumerate(heads) if rows and not head["numeric"] and head["kind"] not in ("long", "word")}
    widest = max(mean, key=mean.get, default=None)
    if widest is None or mean[widest] < LABEL_MEAN_CHARS:
        return
    for row in rows:
        row[widest]["class"] = " ".join(filter(None, [row[widest]["class"], "label"]))


def table_html(data: Mapping[str, Any]) -> str:
    """The HTML of a table_data() table in the annex's house style: escaped, numbers right-aligned, RAG coloured."""
    heads = "".join(f'<th{" class=num" if h["numeric"] else ""}>{html.escape(h["label"])}</th>' for h in data["columns"])
    rows = []
    for row in data["rows"]:
        cells = (f'<td class="{_cell_classes(c)}">' if _cell_classes(c) else "<td>" for c in row)
        rows.append("<tr>" + "".join(f"{td}{_cell_html(c)}</td>" for td, c in zip(cells, row)) + "</tr>")
    cap = f"<caption>{html.escape(data['caption'])}</caption>" if data["caption"] else ""
    return (f'<div class="table-wrap"><table class="annex-table">{cap}<thead><tr>{heads}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


LONGEST_WHOLE_WORD = 15   # « sensibilisation »: a word up to this long is never broken on paper


def _cell_classes(cell: Mapping[str, Any]) -> str:
    """The cell's classes, and "long-word" for a text holding a word too long to keep whole on an A4 page. Only
    such a cell may break anywhere in print: when every text cell could, the table shrank its short columns to a
    letter's width and printed « Tunisi e », « qualitat if ». A cell of one short word (a reference « FIN-01 », a
    code « GEN-06 ») is "whole": printed, the verification table's « Réf. » column broke it after its hyphen
    (« FIN- / 01 »), as Word did before issue 21."""
    classes = cell["class"]
    if "num" in classes.split():
        return classes
    if any(len(word) > LONGEST_WHOLE_WORD for word in re.split(r"[\s/]+", cell["text"])):
        classes = f"{classes} long-word".strip()
    elif "-" in cell["text"] and not re.search(r"\s", cell["text"].strip()):
        classes = f"{classes} whole".strip()
    return classes


def _cell_html(cell: Mapping[str, Any]) -> str:
    """A cell's text, escaped; a text may break after a '/' (« sensibilisation/plaidoyer » was one word as wide as
    a column, and pushed the table's last columns out of the screen)."""
    text = html.escape(cell["text"])
    return text if "num" in cell["class"].split() else text.replace("/", "/<wbr>")


def render_table(frame: pd.DataFrame, columns: Mapping[str, Any], formats: Mapping[str, str], lang: str,
                 currency: str, rag: str | None = None, caption: str | None = None) -> str:
    """An HTML table in the annex's house style: escaped, numbers right-aligned, RAG cells coloured."""
    return table_html(table_data(frame, columns, formats, lang, currency, rag, caption))


def open_annex(project: str, annex: str, language: str = "", data_dir: str | Path = "",
               params_dir: str | Path = "", reads: list[str] | None = None) -> Annex:
    """Validated params and data of one annex; the notebooks' parameters pass straight through ("" = default).

    reads: the inputs the notebook declares (see declared.py); reading any other one raises UndeclaredInput.
    Raises errors.ValidationFailed when the inputs break the contract.
    """
    data_dir, params_dir = Path(data_dir or DATA_DIR), Path(params_dir or PARAMS_DIR)
    params = load_annex_params(project, annex, params_dir)
    if language:
        params = params.model_copy(update={"language": language})
    # the build's validated project when run by the build; else (JupyterLab) load and validate it here
    data = from_environment(project, data_dir, params_dir) or load_project(project, data_dir, params_dir)
    if params.language != data.params.language:  # texts read from IATI files in the annex's language, not the project's
        data = dataclasses.replace(data, tables=in_annex_language(data.tables, params.language))
    return Annex(params=params, project_data=restrict(data, reads),
                 data=restrict(scope(data, params.country), reads), params_dir=params_dir)
