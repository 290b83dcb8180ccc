"""The house style for the annex figures (seaborn), and the few chart shapes the annexes use.

Every function takes tidy frames and already translated labels, returns a matplotlib Figure, and never shows or
saves it: ``Annex.figure`` embeds it. Numbers on the axes follow the annex language (``0,2`` and ``1 000`` in
French, as ``fmt`` writes them): pass ``lang``, or let ``Annex.figure`` apply ``localise``; value labels are
written by the ``fmt_value`` the caller passes (``ctx.pct``, ``ctx.num``).
Sizes are chosen for a web page (about 30-60 KB per PNG at 100 dpi).
"""

from __future__ import annotations

import re
import textwrap
from typing import Any, Callable, Sequence

import matplotlib

matplotlib.use("Agg")  # no screen needed; the kernel embeds PNGs

import matplotlib.dates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

from . import fmt, theme  # noqa: E402

# One palette for the whole annex (theme): a calm blue for figures, RAG colours for ratings.
BLUE = theme.FIGURE
GREY = theme.FIGURE_OTHER
RAG = {"green": theme.RAG_MARK["green"], "amber": theme.RAG_MARK["amber"], "red": theme.RAG_MARK["red"], None: GREY}
WIDTH = 7.0


def style() -> None:
    """Apply the house style (idempotent)."""
    sns.set_theme(context="notebook", style="whitegrid", font="DejaVu Sans",
                  rc={"axes.titlesize": 12, "axes.titleweight": "bold", "axes.labelsize": 10,
                      "xtick.labelsize": 9, "ytick.labelsize": 9, "axes.edgecolor": theme.AXIS_EDGE,
                      "grid.color": theme.GRID, "figure.dpi": 100, "savefig.dpi": 100})


class LocalFormatter(matplotlib.ticker.Formatter):
    """Tick numbers as ``fmt.number`` writes them in the annex language, with as few decimals as the ticks need."""

    def __init__(self, lang: str):
        self.lang = lang
        self.decimals = 0

    def set_locs(self, locs) -> None:
        super().set_locs(locs)
        finite = [float(v) for v in locs if np.isfinite(v)]
        self.decimals = next((d for d in range(7) if all(abs(v - round(v, d)) < 1e-9 * max(1.0, abs(v))
                                                          for v in finite)), 6)

    def __call__(self, value, pos=None) -> str:
        return fmt.number(value, self.decimals, self.lang)


class MonthFormatter(matplotlib.ticker.Formatter):
    """Date ticks as months of the annex language: « janv. 2023 » (matplotlib's own read « 2023-01 »)."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, value, pos=None) -> str:
        return fmt.month(matplotlib.dates.num2date(value), self.lang)


_DATE_FORMATTERS = (matplotlib.dates.AutoDateFormatter, matplotlib.dates.ConciseDateFormatter,
                    matplotlib.dates.DateFormatter)


def localise(fig: plt.Figure, lang: str) -> plt.Figure:
    """Every numeric axis of ``fig`` (matplotlib's default number formatter) and every date axis in the annex
    language; category axes, and axes with their own formatter, are left as they are."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is matplotlib.ticker.ScalarFormatter:
                axis.set_major_formatter(LocalFormatter(lang))
            elif isinstance(axis.get_major_formatter(), _DATE_FORMATTERS):
                axis.set_major_formatter(MonthFormatter(lang))
    return fig


def _remember(fig: plt.Figure, kind: str, title: str, **data: Any) -> None:
    """What the figure shows, for its alt text (``Annex.figure`` writes it in the annex language): the bars with
    their labels and the values as printed, the curve's ends. A screen reader read the caption twice."""
    fig.annex_summary = {"kind": kind, "title": _plain(title).replace("\\$", "$"), **data}


def _ends(labels: Sequence[Any], values: Sequence[float], shown: Sequence[str | None]
          ) -> list[tuple[str, str | None, float]]:
    """(label, value as printed, value) of each bar that has a value (printed None: a count, numbered by the
    annex)."""
    return [(re.sub(r"\s+", " ", str(label)).strip(), text, float(v)) for label, v, text in zip(labels, values, shown)
            if np.isfinite(v)]


def _height(n_bars: int, extra_lines: int = 0) -> float:
    return min(max(1.6, 0.38 * n_bars + 0.16 * extra_lines + 1.0), 9.0)


def _plain(text: str, width: int | None = None) -> str:
    """Text from the data shown as it is: a '$' would start matplotlib's mathtext (two of them in a budget line's
    label drew the text between them in italics without its '$', and ``$x_$`` stopped the notebook); a tab or a
    line break, which a cell may hold, is a space (a tab was drawn as a box). ``width``: on lines of at most that
    many characters."""
    text = fmt.tie(re.sub(r"\s*[\t\r\n]\s*", " ", str(text)))   # (textwrap breaks at no U+00A0 / U+202F)
    if width:
        text = "\n".join(textwrap.wrap(text, width)) or text
    return text.replace("$", r"\$")


def _said(text: Any) -> str:
    """Text from the data as an alt text says it: on one line, its '$' as written (not escaped for matplotlib)."""
    return _plain(text).replace("\\$", "$")


# Characters of a title line: a study's outcome label of 150 characters on one line made the PNG twice as wide as
# the others (bbox_inches="tight"), and the chart half as large on the page and in Word.
TITLE_WIDTH = 48


def _set_title(ax, title: str, **options: Any) -> None:
    """The axes' title on lines of TITLE_WIDTH characters, the figure taller by its lines after the first (they
    would take the chart's height)."""
    text = _plain(title, TITLE_WIDTH)
    ax.set_title(text, loc="left", **options)
    ax.figure.set_figheight(ax.figure.get_figheight() + 0.22 * text.count("\n"))


def _shorten(text: str, width: int = 48) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


LABEL_LINES = 2   # lines of a bar's label; longer, its end is cut (« … »)


def _bar_label(text: Any, width: int) -> str:
    """A bar's label on at most LABEL_LINES lines of ``width`` characters. Cut to one line, the survey chart's
    « Compétences utilisées au travail : Langue », « ... : Numérique », « ... : Sécurité » all read
    « Compétences utilisées au travail : Lan… », « ... : Num… »: the part that tells them apart was the part cut."""
    lines = textwrap.wrap(fmt.tie(re.sub(r"\s+", " ", str(text)).strip()), width) or [""]
    if len(lines) > LABEL_LINES:
        lines = lines[:LABEL_LINES - 1] + [_shorten(" ".join(lines[LABEL_LINES - 1:]), width)]
    return "\n".join(_plain(line) for line in lines)


def _label_lines(labels: Sequence[str]) -> int:
    """The label lines beyond one bar's each (a figure grows by them, its bars would be squeezed)."""
    return sum(label.count("\n") for label in labels)


def hbar(frame: pd.DataFrame, label: str, value: str, *, title: str, xlabel: str,
         fmt_value: Callable[[float], str], colors: Sequence[str] | None = None,
         reference: float | None = None, reference_label: str | None = None,
         ci: tuple[str, str] | None = None, xmax: float | None = 100.0, lang: str | None = None,
         marks: Sequence[str | None] | None = None) -> plt.Figure:
    """Horizontal bars, one per row, value printed at the bar's end; optional reference line and intervals.
    ``marks``: a word per bar printed after its value (a RAG rating: « 38,7 % · Rouge »), so that what the bar's
    colour says is also read in greyscale print and by a colour-blind reader."""
    style()
    frame = frame.reset_index(drop=True)
    ticks = [_bar_label(t, 40) for t in frame[label]]
    fig, ax = plt.subplots(figsize=(WIDTH, _height(len(frame), _label_lines(ticks))))
    y = np.arange(len(frame))
    values = frame[value].astype(float).to_numpy()
    ax.barh(y, np.nan_to_num(values), color=list(colors) if colors is not None else BLUE, height=0.6)
    if ci is not None:
        low, high = frame[ci[0]].astype(float).to_numpy(), frame[ci[1]].astype(float).to_numpy()
        has = ~np.isnan(low) & ~np.isnan(high)
        if has.any():
            ax.errorbar(values[has], y[has], xerr=[values[has] - low[has], high[has] - values[has]],
                        fmt="none", ecolor=theme.ERROR_BAR, capsize=3, linewidth=1)
    top = xmax if xmax is not None else np.nanmax(np.append(values, 0)) * 1.15 or 1
    top = max(top, np.nanmax(np.append(values, 0)) * 1.12)
    # a negative value (a falling indicator gone the wrong way: -50 % of its target) was a bar cut off at 0 and its
    # value printed over its label: the axis starts below it, the value left of the bar
    least = float(np.nanmin(np.append(values, 0)))
    left = least - (top - least) * 0.15 if least < 0 else 0
    printed = []
    for yi, v, mark in zip(y, values, marks if marks is not None else [None] * len(values)):
        shown = fmt_value(v) + (f" · {_plain(mark)}" if mark else "")
        printed.append(shown.replace("\\$", "$"))
        if v < 0:
            ax.text(v - top * 0.01, yi, shown, va="center", ha="right", fontsize=9)
        else:
            ax.text((0 if np.isnan(v) else v) + top * 0.01, yi, shown, va="center", fontsize=9)
    if reference is not None:
        ax.axvline(reference, color=theme.REFERENCE_LINE, linestyle="--", linewidth=1)
        if reference_label:
            ax.text(reference, -0.7, _plain(reference_label), fontsize=8, color=theme.REFERENCE_LINE, ha="center",
                    va="bottom")
    ax.set_yticks(y, ticks)
    ax.invert_yaxis()
    ax.set_xlim(left, top * 1.08)
    if left < 0:
        ax.axvline(0, color=theme.REFERENCE_LINE, linewidth=1)
    ax.set_xlabel(_plain(xlabel))
    _set_title(ax, title)
    sns.despine(ax=ax, left=True)
    fig.tight_layout()
    _remember(fig, "bars", title, items=_ends(frame[label], values, printed))
    return localise(fig, lang) if lang else fig


# Status colours say how things stand: greens for done or on track, blues for under way, amber/red for late.
STATUS_COLORS = theme.STATUS


def stacked_status(counts: pd.DataFrame, group: str, status: str, value: str, *, order: Sequence[str],
                   labels: dict[str, str], title: str, xlabel: str, lang: str | None = None) -> plt.Figure:
    """One stacked horizontal bar per group, segments in status order (done first); legend above the bars."""
    style()
    wide = counts.pivot_table(index=group, columns=status, values=value, aggfunc="sum", fill_value=0, sort=True,
                              observed=True)
    # a status outside ``order`` (« unknown »: empty or not a code) is drawn after the others, never dropped: a
    # bar then ended short of the count its table gives (3 activities in the table, 1 in the chart)
    shown = [s for s in order if s in wide.columns] + [s for s in wide.columns if s not in order]
    wide = wide[[s for s in shown if wide[s].sum() > 0]]
    ticks = [_bar_label(t, 40) for t in wide.index]
    fig, ax = plt.subplots(figsize=(WIDTH, _height(len(wide), _label_lines(ticks)) + 0.5))
    left = np.zeros(len(wide))
    for code in wide.columns:
        colour = STATUS_COLORS.get(code, GREY)
        ax.barh(np.arange(len(wide)), wide[code].to_numpy(), left=left, height=0.6, color=colour, linewidth=0,
                hatch=theme.STATUS_HATCH.get(code) or None, hatchcolor=theme.hatch_colour(colour),
                label=_plain(labels.get(code, code)))
        left += wide[code].to_numpy()
    ax.set_yticks(np.arange(len(wide)), ticks)
    ax.invert_yaxis()
    ax.set_xlabel(_plain(xlabel))
    # the legend's rows between the bars and the title: with six statuses or more, its second row was drawn over
    # the title (« Activités par statut » under « Réalisé », « Dans les délais »...)
    legend_rows = -(-len(wide.columns) // 5)
    _set_title(ax, title, pad=28 + 14 * (legend_rows - 1))
    ax.figure.set_figheight(ax.figure.get_figheight() + 0.2 * (legend_rows - 1))
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=min(len(wide.columns), 5), frameon=False,
              fontsize=8, handlelength=1.2, borderaxespad=0.2)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    sns.despine(ax=ax, left=True)
    fig.tight_layout()
    totals = wide.sum(axis=1).astype(float)
    _remember(fig, "stacked", title, items=_ends(wide.index, totals, [None] * len(totals)),   # counts: the annex numbers them
              parts=[labels.get(code, code) for code in wide.columns])
    return localise(fig, lang) if lang else fig


def burn(periods: pd.DataFrame, date: str, cumulative: str, *, pace: pd.DataFrame | None, title: str,
         ylabel: str, spent_label: str, pace_label: str, fmt_value: Callable[[float], str],
         lang: str | None = None, reporting: tuple[Any, str] | None = None, after_label: str | None = None
         ) -> plt.Figure:
    """Cumulative spending by period against the linear pace of the budget over the project's duration.
    ``reporting``: (the reporting date, its label), marked when periods end after it; those periods' spending,
    which no figure counts, is drawn grey and dotted (``after_label`` in the legend), so the curve's last blue point
    is the spending the annex states."""
    style()
    fig, ax = plt.subplots(figsize=(WIDTH, 3.4))
    when = pd.to_datetime(periods[date])
    after = (when > pd.Timestamp(reporting[0])).to_numpy() if reporting is not None else np.zeros(len(when), bool)
    if after.any():
        ax.axvline(pd.Timestamp(reporting[0]), color=theme.REFERENCE_LINE, linewidth=1, linestyle=":")
        ax.annotate(reporting[1], (pd.Timestamp(reporting[0]), 0), xycoords=("data", "axes fraction"),
                    xytext=(-4, 4), textcoords="offset points", ha="right", fontsize=7, color=GREY)
    counted, later = periods[~after], periods[after]
    ax.plot(counted[date], counted[cumulative], marker="o", color=BLUE, label=spent_label, linewidth=2)
    if not later.empty:   # joined to the last counted point, so the curve does not break
        joined = pd.concat([counted.tail(1), later])
        ax.plot(joined[date], joined[cumulative], marker="o", markevery=list(range(len(joined) - len(later),
                len(joined))), color=GREY, linestyle=":", linewidth=1.5, markerfacecolor="white", label=after_label)
    for x, v, grey in zip(periods[date], periods[cumulative], after):
        ax.annotate(fmt_value(v), (x, v), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8,
                    color=GREY if grey else None)
    if pace is not None and not pace.empty:
        ax.plot(pace[date], pace[cumulative], linestyle="--", color=GREY, label=pace_label)
    ax.set_ylabel(_plain(ylabel))   # the currency of the params
    _set_title(ax, title)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: fmt_value(v)))
    ax.legend(frameon=False, fontsize=8, loc="upper left")
    ax.set_ylim(bottom=0)
    sns.despine(ax=ax)
    fig.autofmt_xdate()
    fig.tight_layout()
    ends = counted.dropna(subset=[cumulative])
    if len(ends):
        first, last = ends.iloc[0], ends.iloc[-1]
        planned = None
        if pace is not None and not pace.empty:
            at_last = pace[pd.to_datetime(pace[date]) == pd.Timestamp(last[date])][cumulative].dropna()
            planned = fmt_value(float(at_last.iloc[0])) if len(at_last) else None
        _remember(fig, "curve", title, unit=_plain(ylabel).replace("\\$", "$"),
                  first=(pd.Timestamp(first[date]), fmt_value(float(first[cumulative]))),
                  last=(pd.Timestamp(last[date]), fmt_value(float(last[cumulative]))), planned=planned)
    return localise(fig, lang) if lang else fig


def forest(frame: pd.DataFrame, label: str, *, title: str, xlabel: str,
           fmt_value: Callable[[float], str], lang: str | None = None) -> plt.Figure:
    """Estimates with their 95 % intervals (columns estimate, ci_low, ci_high), zero marked."""
    style()
    frame = frame.reset_index(drop=True)
    ticks = [_bar_label(t, 36) for t in frame[label]]
    fig, ax = plt.subplots(figsize=(WIDTH, _height(len(frame), _label_lines(ticks))))
    y = np.arange(len(frame))
    est = frame["estimate"].astype(float).to_numpy()
    low, high = frame["ci_low"].astype(float).to_numpy(), frame["ci_high"].astype(float).to_numpy()
    significant = (low > 0) | (high < 0)
    ax.errorbar(est, y, xerr=[est - low, high - est], fmt="none", ecolor=theme.ERROR_BAR, capsize=3, linewidth=1)
    ax.scatter(est, y, color=[BLUE if s else GREY for s in significant], zorder=3, s=36)
    for yi, v, h in zip(y, est, high):
        ax.annotate(fmt_value(v), (h, yi), textcoords="offset points", xytext=(6, -3), fontsize=8)
    ax.axvline(0, color=theme.REFERENCE_LINE, linewidth=1)
    ax.set_yticks(y, ticks)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    _set_title(ax, title)
    sns.despine(ax=ax, left=True)
    fig.tight_layout()
    _remember(fig, "estimates", title, items=_ends(frame[label], est, [fmt_value(v) for v in est]))
    return localise(fig, lang) if lang else fig


def overlap(frame: pd.DataFrame, *, groups: dict[int, str], title: str, xlabel: str, ylabel: str,
            fmt_value: Callable[[float], str], fmt_share: Callable[[float], str], bounds: Sequence[float] | None = None,
            bounds_label: str | None = None) -> plt.Figure:
    """The propensity scores of the two groups (columns treated 0/1, score) as overlaid histograms on [0, 1],
    each group's bars as shares of that group; the trimming bounds dashed."""
    style()
    fig, ax = plt.subplots(figsize=(WIDTH, 3.2))
    bins = np.linspace(0, 1, 26)
    for code, color in ((0, GREY), (1, BLUE)):
        scores = frame.loc[frame["treated"] == code, "score"].astype(float).dropna().to_numpy()
        if len(scores):
            ax.hist(scores, bins=bins, weights=np.full(len(scores), 1 / len(scores)), color=color, alpha=0.55,
                    label=_plain(groups[code]))
    for i, bound in enumerate(bounds or []):
        ax.axvline(bound, color=theme.REFERENCE_LINE, linestyle="--", linewidth=1, label=bounds_label if i == 0 else None)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: fmt_value(v)))
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: fmt_share(v)))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    _set_title(ax, title)
    ax.legend(frameon=False, fontsize=8, loc="upper center")
    sns.despine(ax=ax)
    fig.tight_layout()
    # the alt text's data (the caption was read twice): each group's count and the spread of its scores
    seen = []
    for code in (1, 0):
        scores = frame.loc[frame["treated"] == code, "score"].astype(float).dropna()
        if len(scores):
            seen.append((_said(groups[code]), len(scores), scores.min(), scores.median(), scores.max()))
    _remember(fig, "overlap", title, groups=seen, bounds=list(bounds or []))
    return fig


def event_study(frame: pd.DataFrame, *, series: dict[bool, str], title: str, xlabel: str, ylabel: str,
                programme_label: str, lang: str | None = None) -> plt.Figure:
    """Leads and lags (columns period, relative, weighted, estimate, ci_low, ci_high) with their intervals, one
    series per ``weighted`` value, zero marked and the programme's start dashed. The gap's axis is numbered as every
    numeric axis (``localise``: one number of decimals for all its ticks); the notebook's value format (two
    decimals below 10, none above) numbered a revenue's axis « -50, 0,00, 50, 100 »."""
    style()
    fig, ax = plt.subplots(figsize=(WIDTH, 3.2))
    periods = frame.drop_duplicates("period").sort_values("relative")
    x_of = {p: i for i, p in enumerate(periods["period"])}
    for k, (weighted, name) in enumerate(series.items()):
        part = frame[frame["weighted"] == weighted].sort_values("relative")
        if part.empty:
            continue
        x = np.array([x_of[p] for p in part["period"]]) + (k - (len(series) - 1) / 2) * 0.12
        est = part["estimate"].astype(float).to_numpy()
        low = np.where(part["ci_low"].isna(), est, part["ci_low"].astype(float))
        high = np.where(part["ci_high"].isna(), est, part["ci_high"].astype(float))
        color = BLUE if k == len(series) - 1 else GREY
        ax.errorbar(x, est, yerr=[est - low, high - est], fmt="o", color=color, ecolor=color, capsize=3,
                    linewidth=1, markersize=5, label=_plain(name))
    ax.axhline(0, color=theme.REFERENCE_LINE, linewidth=1)
    reference = periods.loc[periods["relative"] == 0, "period"]
    if len(reference):
        ax.axvline(x_of[reference.iloc[0]] + 0.5, color=theme.REFERENCE_LINE, linestyle="--", linewidth=1)
        ax.text(x_of[reference.iloc[0]] + 0.52, ax.get_ylim()[1], programme_label, fontsize=8, color=theme.REFERENCE_LINE,
                va="top")
    ax.set_xticks(range(len(x_of)), [_plain(p) for p in x_of])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    _set_title(ax, title)
    ax.legend(frameon=False, fontsize=8, loc="upper left")
    sns.despine(ax=ax)
    fig.tight_layout()
    # the alt text's data (the caption was read twice): each series' estimate and interval per period, and the
    # last period before the programme
    said = [(_said(name), [(_said(r.period), float(r.estimate), float(r.ci_low), float(r.ci_high))
                            for r in frame[frame["weighted"] == weighted].sort_values("relative").itertuples()])
            for weighted, name in series.items() if (frame["weighted"] == weighted).any()]
    _remember(fig, "event", title, series=said, before=_said(reference.iloc[0]) if len(reference) else None)
    return localise(fig, lang) if lang else fig
