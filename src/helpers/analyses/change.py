"""What moved since the previous annex: the figures of this build beside those of the latest earlier one.

The previous figures are the archived figures.csv of the same annex at the latest reporting date strictly before
this one (``data.archive.previous``). Rows are matched on (metric, key).

- ``with_previous(figures, previous)``: the FIGURES table plus ``previous`` (the earlier value, float, NaN when the
  figure did not exist then or was not computable) and ``previous_date`` (the earlier reporting date, ISO text,
  '' when the figure did not exist then or there is no earlier annex). Always both columns, so that figures.csv
  has one layout.
  A figure whose unit changed (an annex in EUR after one in USD) is not compared: its ``previous`` is NaN and
  ``unit_changes`` lists it.
- ``unit_changes(figures, previous)``: the figures found in the earlier annex in another unit.
- ``moved(figures)``: the figures whose value changed, largest relative change first (a figure that was 0 comes
  first: its relative change is infinite). The published-figure checks, anomalies and spending figures at another
  date (``total@2019-12-31``; an indicator's ``I1@2021`` names its period and is listed) are left out: they restate figures listed already; so are the statistics that describe an
  estimate (p-values, standardised differences, MDE, ICC, design effects: ``NOT_LISTED``).
- ``gone(figures, previous)``: the figures of the earlier annex this one no longer has (a code renamed, a row
  removed); not those whose key is split now (``rekeyed``: ``I1`` of one period is ``I1@2020`` and ``I1@2021`` once
  a second period is added).
- ``not_computable_now(figures)`` / ``computable_now(figures)``: the figures computed in the earlier annex and n.d.
  now (spending not given up to the new reporting date), and the reverse; ``moved`` compares values only, and the
  annex said « aucun n'a changé » when every rate had become n.d.
- ``appeared(figures, previous)``: the figures the earlier annex did not have (a line or a country added, a code
  renamed: ``gone`` names the old code, this the new one); not the detailed keys of ``rekeyed``.
- ``revised_targets(figures, previous)``: the indicators whose target differs from the earlier annex's: their rate
  moved with the target, the value reached the same (40 % of 20 → 67 % of 30 was listed as progress).
- ``revised_budgets(figures)``: the budgets (a line's, a country's, the total) that differ from the earlier annex's:
  the execution rates and burn indices over them moved with them (a line split in two, S1 200 000 -> 120 000 and a
  new S1b: S1's rate 40 % -> 75 % led the figures that moved, its budget's cut out of the ten shown).
- ``revised_benchmarks(figures, previous)``: the costs whose benchmark differs from the earlier annex's: their
  cost / benchmark moved with it (a benchmark halved: « 0,80 → 1,60 », the cost the same).
- ``revised_lines(figures, previous)``: the costs whose budget lines differ from the earlier annex's (an output
  financed by R1 + R2, then by R1 alone): the cost moved with its lines.
- ``rating_changes(figures, previous, thresholds)``: the indicators whose rating (green / amber / red, '' = not rated)
  differs from the earlier annex, and whether the limits changed it rather than the value.
"""

from __future__ import annotations

import re

from typing import Any

import numpy as np
import pandas as pd

from .budget import as_of_date
from .efficiency import UPPER_BOUND
from .reconcile import BUDGET_METRICS
from ..data.currencies import currency_code, is_known, same_currency
from ..text import fold

PREVIOUS_COLUMNS = ["previous", "previous_date"]
RATED = ("indicator_achievement", "indicator_achievement_final")
# the published-figure checks and anomalies restate figures listed already; the statistics that describe an estimate
# (p-values, standardised differences, MDE, ICC, design effects, pre-trend leads) are no result: « p ajustée 0,00 ->
# 0,00, +964 % » filled the table where the effect itself did not appear
NOT_LISTED = ("reported_figure", "indicator_anomaly", "impact_p_holm", "balance_joint_p", "balance_smd",
              "balance_smd_unweighted", "balance_smd_weighted", "impact_mde", "impact_icc", "comparison_ess",
              "event_study_effect", "survey_deff",
              # (an estimate listed already, with another SE; the covariates' means at baseline describe the sample)
              "impact_effect_other_se", "balance_mean")


def _dated(metrics: pd.Series, keys: pd.Series) -> np.ndarray:
    """The figures of spending at another date (``spent|total@2019-12-31``, asked by a published figure). Only
    those: an indicator's key names its period after its '@' too (``I1@2021``, ``I1@2021-06-30``), and its movements
    and its cost per unit were left out of the list with them."""
    return np.array([str(m) in BUDGET_METRICS and as_of_date(str(k)) is not None for m, k in zip(metrics, keys)],
                    dtype=bool)


_DIGIT = re.compile(r"\d")


def _keys(keys: Any) -> list[str]:
    """Keys as compared across annexes: each part without a digit (a country, `Sénégal` of `R1/Sénégal`) as names
    are compared (text.fold), the codes as written (`P2.2.a` is not `P2.2.A`). A country written « SENEGAL » in the
    new quarter's files, the same country for the workbook, was « gone » as « Sénégal », its figures not compared."""
    return ["/".join(part if _DIGIT.search(part) else fold(part) for part in str(k).split("/")) for k in keys]


def _previous_rows(previous: Any) -> pd.DataFrame:
    frame = previous.figures
    frame = frame.assign(key=_keys(frame["key"])).drop_duplicates(["metric", "key"], keep="first")
    return frame.set_index(["metric", "key"])


def with_previous(figures: pd.DataFrame, previous: Any | None) -> pd.DataFrame:
    """``figures`` with the columns ``previous`` and ``previous_date`` (see the module docstring)."""
    out = figures.copy()
    if previous is None or not len(out):
        out["previous"] = np.full(len(out), np.nan)
        out["previous_date"] = pd.array([""] * len(out), dtype="str")
        return out
    earlier = _previous_rows(previous)
    index = pd.MultiIndex.from_arrays([out["metric"].astype(str), _keys(out["key"])])
    position = earlier.index.get_indexer(index)
    found = (position >= 0) & ~_other_unit(out, earlier, position)
    values = earlier["value"].to_numpy(dtype="float64")
    out["previous"] = np.where(found, values[np.where(found, position, 0)] if len(values) else np.nan, np.nan)
    out["previous_date"] = pd.array(np.where(found, previous.date.isoformat(), ""), dtype="str")
    return out


_PER = re.compile(r"/ actual \S+ \((.*?)\)(?:;|$)")


def _units(frame: pd.DataFrame) -> np.ndarray:
    """Each figure's unit; a cost per unit of an output's with the output's unit, as its note writes it
    (efficiency: « / actual 20 (personnes) »): 4 000 EUR a person is not 25 000 EUR a session."""
    units = frame["unit"].fillna("").astype(str).to_numpy(dtype=object)
    metrics = frame["metric"] if "metric" in frame else frame.index.get_level_values("metric") \
        if "metric" in (frame.index.names or []) else None
    if "note" not in frame or metrics is None:
        return units
    out = units.copy()
    for i in np.flatnonzero(np.asarray(metrics, dtype=object) == "cost_per_unit"):
        per = _PER.search(str(frame["note"].iloc[i]))
        if per:
            out[i] = f"{units[i]}/{per.group(1)}"
    return out


def _other_unit(figures: pd.DataFrame, earlier: pd.DataFrame, position: np.ndarray) -> np.ndarray:
    """Where the earlier annex has the figure in another unit (another currency; a cost per unit of an output
    counted in another unit, persons then and sessions now): 1 200 USD is not 1 200 EUR. An archive without units
    (a file made by hand, or a cost's unit not written then) is taken at its word."""
    if "unit" not in figures or "unit" not in earlier or not len(earlier):
        return np.zeros(len(figures), dtype=bool)
    then = _units(earlier)[np.where(position >= 0, position, 0)]
    now = _units(figures)
    # (an earlier cost without its output's unit: compared as before)
    now = np.where([("/" not in str(t)) for t in then], figures["unit"].fillna("").astype(str).to_numpy(dtype=object),
                   now)
    other = np.array([not same_unit(t, n) for t, n in zip(then, now)], dtype=bool)
    return (position >= 0) & (then != "") & other if len(now) else np.zeros(0, dtype=bool)


def same_unit(then: Any, now: Any) -> bool:
    """Whether two units are one: as names are compared (text.fold), and a currency however written (`XOF` then
    `FCFA`, the project's `currency:` re-spelt: « 7 chiffres ne sont pas comparés, dont l'unité a changé (XOF →
    FCFA) », none compared); a cost per unit's output unit after its '/'."""
    if fold(str(then)) == fold(str(now)):
        return True
    (money, _, per), (money_now, _, per_now) = str(then).partition("/"), str(now).partition("/")
    return fold(per) == fold(per_now) and is_known(currency_code(money)) and same_currency(money, money_now)


def unit_changes(figures: pd.DataFrame, previous: Any | None) -> pd.DataFrame:
    """The figures the earlier annex has in another unit: metric, key, previous_unit, unit (not compared)."""
    columns = ["metric", "key", "previous_unit", "unit"]
    if previous is None or figures.empty:
        return pd.DataFrame(columns=columns)
    earlier = _previous_rows(previous)
    index = pd.MultiIndex.from_arrays([figures["metric"].astype(str), _keys(figures["key"])])
    position = earlier.index.get_indexer(index)
    other = _other_unit(figures, earlier, position)
    if not other.any():
        return pd.DataFrame(columns=columns)
    return pd.DataFrame({"metric": figures["metric"].to_numpy()[other], "key": figures["key"].to_numpy()[other],
                         "previous_unit": _units(earlier)[position[other]],
                         "unit": _units(figures)[other]}, columns=columns)


def _same(value: np.ndarray, previous: np.ndarray) -> np.ndarray:
    """Whether two values are one figure, to the last digits of a float: 38.666666666666664 computed in another
    order, or written back by a spreadsheet as 38.66666667, was listed as moved (« 38,7 % → 38,7 %, +0,0 % »)."""
    with np.errstate(invalid="ignore"):
        return np.abs(value - previous) <= 1e-9 * np.maximum(np.abs(value), np.abs(previous))


def _upper_bound(status: Any) -> np.ndarray:
    return np.array([UPPER_BOUND in str(s) for s in status], dtype=bool)


def _previous_bound(figures: pd.DataFrame, previous: Any | None) -> np.ndarray:
    """Whether each figure's earlier value was an upper bound (its status then: a cost per woman with participants
    of unknown sex), matched as ``with_previous`` matches."""
    if previous is None or "status" not in previous.figures or not len(figures):
        return np.zeros(len(figures), dtype=bool)
    earlier = _previous_rows(previous)
    position = earlier.index.get_indexer(pd.MultiIndex.from_arrays([figures["metric"].astype(str),
                                                                     _keys(figures["key"])]))
    then = _upper_bound(earlier["status"].fillna("").astype(str).to_numpy(dtype=object))
    return (position >= 0) & (then[np.where(position >= 0, position, 0)] if len(then) else False)


def moved(figures: pd.DataFrame, n: int | None = 10, previous: Any | None = None) -> pd.DataFrame:
    """The figures that changed since the earlier annex, largest relative change first (at most ``n``).

    Columns: section, metric, key, unit, previous, value, change (value - previous), relative (change /
    |previous| x 100; inf when previous is 0), previous_date, bound and previous_bound (the value now, the value
    then, was an upper bound: its status says ``upper bound``; the earlier one is read from ``previous``, the
    earlier annex, when it is given).
    """
    columns = ["section", "metric", "key", "unit", "previous", "value", "change", "relative", "previous_date",
               "bound", "previous_bound"]
    if "previous" not in figures or figures.empty:
        return pd.DataFrame(columns=columns)
    # an upper bound then or now (a cost per woman, sex not known): « 22 500 -> 16 667, -25,9 % » read as a cost
    # fallen by a quarter, where the earlier one was at most 22 500
    status = figures["status"].fillna("").astype(str).to_numpy(dtype=object) if "status" in figures else \
        np.full(len(figures), "", dtype=object)
    figures = figures.assign(bound=_upper_bound(status), previous_bound=_previous_bound(figures, previous))
    keep = (np.isfinite(figures["value"].to_numpy(dtype="float64"))
            & np.isfinite(figures["previous"].to_numpy(dtype="float64"))
            & ~figures["metric"].isin(NOT_LISTED).to_numpy(dtype=bool)
            & ~_dated(figures["metric"], figures["key"]))
    rows = figures[keep]
    change = rows["value"] - rows["previous"]
    changed = ~_same(rows["value"].to_numpy(dtype="float64"), rows["previous"].to_numpy(dtype="float64"))
    rows = rows[changed].assign(change=change[changed])
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = np.where(rows["previous"] != 0, rows["change"] / rows["previous"].abs() * 100.0, np.inf)
    rows = rows.assign(relative=relative, _size=np.abs(relative))
    rows = rows.sort_values(["_size", "metric", "key"], ascending=[False, True, True], kind="stable")
    if n is not None:
        rows = rows.head(n)
    return rows[columns].reset_index(drop=True)


def _listed(figures: pd.DataFrame) -> np.ndarray:
    """The figures a change is said of: not the checks, anomalies, statistics of an estimate nor ``@date`` keys."""
    return ~figures["metric"].isin(NOT_LISTED).to_numpy(dtype=bool) & ~_dated(figures["metric"], figures["key"])


def not_computable_now(figures: pd.DataFrame) -> pd.DataFrame:
    """``with_previous``'s figures computed in the earlier annex and not computable now: metric, key, previous,
    note (why not now)."""
    columns = ["metric", "key", "previous", "note"]
    if "previous" not in figures or figures.empty:
        return pd.DataFrame(columns=columns)
    keep = (np.isnan(figures["value"].to_numpy(dtype="float64"))
            & np.isfinite(figures["previous"].to_numpy(dtype="float64")) & _listed(figures))
    rows = figures[keep]
    return pd.DataFrame({"metric": rows["metric"].astype(str).to_numpy(), "key": rows["key"].astype(str).to_numpy(),
                         "previous": rows["previous"].to_numpy(dtype="float64"),
                         "note": rows["note"].astype(str).to_numpy() if "note" in rows else ""}, columns=columns)


def computable_now(figures: pd.DataFrame) -> pd.DataFrame:
    """``with_previous``'s figures the earlier annex had but could not compute, computed now: metric, key, value."""
    columns = ["metric", "key", "value"]
    if "previous" not in figures or figures.empty:
        return pd.DataFrame(columns=columns)
    keep = (np.isfinite(figures["value"].to_numpy(dtype="float64"))
            & np.isnan(figures["previous"].to_numpy(dtype="float64"))
            & (figures["previous_date"].astype(str).to_numpy(dtype=object) != "") & _listed(figures))
    rows = figures[keep]
    return pd.DataFrame({"metric": rows["metric"].astype(str).to_numpy(), "key": rows["key"].astype(str).to_numpy(),
                         "value": rows["value"].to_numpy(dtype="float64")}, columns=columns)


def appeared(figures: pd.DataFrame, previous: Any | None) -> pd.DataFrame:
    """The figures of this annex the earlier one did not have (a line or country added, a code renamed): metric,
    key, value. Not the keys now detailed (``rekeyed``: which of them the earlier figure was is not known)."""
    columns = ["metric", "key", "value"]
    if previous is None or figures.empty:
        return pd.DataFrame(columns=columns)
    then = set(zip(previous.figures["metric"].astype(str), _keys(previous.figures["key"])))
    metrics, keys = figures["metric"].astype(str), figures["key"].astype(str)
    keep = np.array([(m, k) not in then and not any((m, c) in then for c in _coarser(k))
                     for m, k in zip(metrics, _keys(keys))], dtype=bool) & _listed(figures)
    rows = figures[keep]
    return pd.DataFrame({"metric": rows["metric"].astype(str).to_numpy(), "key": rows["key"].astype(str).to_numpy(),
                         "value": rows["value"].to_numpy(dtype="float64")}, columns=columns)


def rekeyed(figures: pd.DataFrame, previous: Any | None) -> pd.DataFrame:
    """The figures of the earlier annex whose key is now split (metric, key, keys): an indicator that had one period
    (``I1``) and has two now (``I1@2020``, ``I1@2021``), one in a second country now (``I1/Maroc``), a line code
    now used in two countries (``R1/Sénégal``). Which of the new keys the earlier figure was is not known, so it is
    not compared; it still exists, where ``gone`` said it did not any more."""
    columns = ["metric", "key", "keys"]
    if previous is None or figures.empty:
        return pd.DataFrame(columns=columns)
    now: dict[tuple[str, str], list[str]] = {}
    for metric, key, folded in zip(figures["metric"].astype(str), figures["key"].astype(str), _keys(figures["key"])):
        for coarser in _coarser(folded):
            now.setdefault((metric, coarser), []).append(key)
    have = set(zip(figures["metric"].astype(str), _keys(figures["key"])))
    rows = [(m, k, ", ".join(dict.fromkeys(now[(m, f)])))
            for m, k, f in zip(previous.figures["metric"].astype(str), previous.figures["key"].astype(str),
                               _keys(previous.figures["key"]))
            if (m, f) not in have and (m, f) in now and m not in NOT_LISTED]
    return pd.DataFrame(rows, columns=columns)


def _coarser(key: str) -> set[str]:
    """The keys ``key`` may have been split from: without its period and/or its last parts (``I1@2020/f`` from
    ``I1/f`` or ``I1``; ``R1/Mali`` from ``R1``)."""
    found = set()
    for base in (key, re.sub(r"@[^/]*", "", key)):
        while True:
            if base != key:
                found.add(base)
            if "/" not in base:
                break
            base = base.rsplit("/", 1)[0]
    return found


def gone(figures: pd.DataFrame, previous: Any | None) -> pd.DataFrame:
    """The figures of the earlier annex this one no longer has (an indicator code renamed, a line or event removed):
    metric, key, previous. The « n ont changé » said nothing of them. Checks, anomalies, the statistics of an
    estimate and ``@date`` keys left out, as in ``moved``."""
    columns = ["metric", "key", "previous"]
    if previous is None:
        return pd.DataFrame(columns=columns)
    earlier = previous.figures
    now = set(zip(figures["metric"].astype(str), _keys(figures["key"]))) if len(figures) else set()
    dated = _dated(earlier["metric"], earlier["key"])
    split = set(zip(*rekeyed(figures, previous)[["metric", "key"]].to_numpy().T)) if len(figures) else set()
    keep = [(str(m), f) not in now and m not in NOT_LISTED and not at and (str(m), str(k)) not in split
            for m, k, f, at in zip(earlier["metric"], earlier["key"], _keys(earlier["key"]), dated)]
    out = earlier[keep]
    return pd.DataFrame({"metric": out["metric"].astype(str).to_numpy(), "key": out["key"].astype(str).to_numpy(),
                         "previous": out["value"].to_numpy(dtype="float64")}, columns=columns)


def revised_budgets(figures: pd.DataFrame) -> pd.DataFrame:
    """``with_previous``'s budgets (metric ``budget``: a line, a country, the total) whose amount changed: metric,
    key, unit, previous, value."""
    columns = ["metric", "key", "unit", "previous", "value"]
    if "previous" not in figures or figures.empty:
        return pd.DataFrame(columns=columns)
    value, previous = figures["value"].to_numpy(dtype="float64"), figures["previous"].to_numpy(dtype="float64")
    keep = (figures["metric"].astype(str).to_numpy(dtype=object) == "budget") & np.isfinite(value) \
        & np.isfinite(previous) & ~_same(value, previous) & _listed(figures)
    return figures.loc[keep, columns].reset_index(drop=True)


def revised_spending(tables: dict[str, pd.DataFrame], params: Any, previous: Any | None) -> pd.DataFrame:
    """The spending the earlier annex gave at its date (metric ``spent``: a line, a country, the total) that the
    data now give otherwise at that same date: rows of earlier periods corrected, added or removed since (R1's
    31/12/2020 row 25 000 -> 15 000 in the next quarter's file). The spending « moved » then mixes the new period's
    spending with the correction (+11 000 shown, 21 000 spent in the quarter). Columns metric, key, unit, previous
    (the earlier annex's), value (the data's now, at the earlier date)."""
    from .figures import is_all_annex, budget_figures

    columns = ["metric", "key", "unit", "previous", "value"]
    budget, expenditure = tables.get("budget"), tables.get("expenditure")
    if previous is None or expenditure is None or expenditure.empty or budget is None:
        return pd.DataFrame(columns=columns)
    then = budget_figures(budget, expenditure, params, is_all_annex(params), as_of=previous.date)
    then = with_previous(then[then["metric"] == "spent"], previous)
    value, before = then["value"].to_numpy(dtype="float64"), then["previous"].to_numpy(dtype="float64")
    # (figures.csv keeps the amounts to the cent or finer: a difference under half a cent is the writing's)
    keep = np.isfinite(value) & np.isfinite(before) & (np.abs(value - before) >= 0.005)
    return then.loc[keep, columns].reset_index(drop=True)


_TARGET = re.compile(r"(?:^|; )actual ([^\s;]+) / (?:final )?target ([^\s;]+)")


def _target(note: Any) -> tuple[str, str] | None:
    """(actual, target) as an indicator's note writes them (figures.indicator_figures: « actual 20 / target 40 »)."""
    found = _TARGET.search(str(note))
    return found.groups() if found else None


def revised_targets(figures: pd.DataFrame, previous: Any | None) -> pd.DataFrame:
    """The indicators whose target (of the period, or final) is not the earlier annex's: metric, key,
    previous_target, target, previous_actual, actual (as the notes write them). Their achievement moved with the
    target: a rate from 50 % to 67 % with the value reached unchanged, listed among the figures that moved as if the
    indicator had progressed."""
    columns = ["metric", "key", "previous_target", "target", "previous_actual", "actual"]
    if previous is None or figures.empty or "note" not in figures or "note" not in previous.figures:
        return pd.DataFrame(columns=columns)
    earlier = previous.figures[previous.figures["metric"].isin(RATED)]
    then = {(str(m), k): _target(n) for m, k, n in zip(earlier["metric"], _keys(earlier["key"]), earlier["note"])}
    rows = []
    for metric, key, folded, note in zip(figures["metric"].astype(str), figures["key"].astype(str),
                                         _keys(figures["key"]), figures["note"]):
        if metric not in RATED or (metric, folded) not in then:
            continue
        before, now = then[(metric, folded)], _target(note)
        if before and now and before[1] != now[1]:
            rows.append((metric, key, before[1], now[1], before[0], now[0]))
    return pd.DataFrame(rows, columns=columns)


_BENCHMARK = re.compile(r"^cost / benchmark (\d[\d.e+-]*) ")


def _benchmark(note: Any) -> str | None:
    """The benchmark as a cost_to_benchmark's note writes it (figures: « cost / benchmark 1500 XOF (source) »)."""
    found = _BENCHMARK.search(str(note))
    return found.group(1) if found else None


def revised_benchmarks(figures: pd.DataFrame, previous: Any | None) -> pd.DataFrame:
    """The costs whose benchmark (``unit_cost_benchmarks``) is not the earlier annex's: metric, key,
    previous_benchmark, benchmark (as the notes write them). Their ``cost_to_benchmark`` moved with the benchmark:
    « Coût / référence participant 0,80 → 1,60 » with the cost unchanged and the benchmark halved, listed among the
    figures that moved as if the cost had doubled."""
    columns = ["metric", "key", "previous_benchmark", "benchmark"]
    if previous is None or figures.empty or "note" not in figures or "note" not in previous.figures:
        return pd.DataFrame(columns=columns)
    earlier = previous.figures[previous.figures["metric"].astype(str) == "cost_to_benchmark"]
    then = {k: _benchmark(n) for k, n in zip(_keys(earlier["key"]), earlier["note"])}
    rows = []
    for metric, key, folded, note in zip(figures["metric"].astype(str), figures["key"].astype(str),
                                         _keys(figures["key"]), figures["note"]):
        if metric != "cost_to_benchmark" or folded not in then:
            continue
        before, now = then[folded], _benchmark(note)
        if before and now and float(before) != float(now):
            rows.append((metric, key, before, now))
    return pd.DataFrame(rows, columns=columns)


COSTS = ("cost_per_unit", "cost_per_participant", "cost_per_woman")
_LINES = re.compile(r"(?:^|; )spent on (.+?) up to ")


def _lines(note: Any) -> str | None:
    """The budget lines a cost's note says it counts (efficiency: « spent on R1 + R2 up to 2024-12-31: ... »)."""
    found = _LINES.search(str(note))
    return found.group(1) if found else None


def revised_lines(figures: pd.DataFrame, previous: Any | None) -> pd.DataFrame:
    """The costs whose budget lines are not the earlier annex's: metric, key, previous_lines, lines (as the notes
    write them, `R1 + R2`). The cost moved with its lines: O2 financed by R1 + R2 then by R1 alone, « Coût par
    unité O2 25 750 → 21 250 XOF, -17 % » listed among the figures that moved as if the output had become cheaper."""
    columns = ["metric", "key", "previous_lines", "lines"]
    if previous is None or figures.empty or "note" not in figures or "note" not in previous.figures:
        return pd.DataFrame(columns=columns)
    earlier = previous.figures[previous.figures["metric"].astype(str).isin(COSTS)]
    then = {(str(m), k): _lines(n) for m, k, n in zip(earlier["metric"], _keys(earlier["key"]), earlier["note"])}
    rows = []
    for metric, key, folded, note in zip(figures["metric"].astype(str), figures["key"].astype(str),
                                         _keys(figures["key"]), figures["note"]):
        before, now = then.get((metric, folded)), _lines(note) if metric in COSTS else None
        if before and now and set(_keys(before.split(" + "))) != set(_keys(now.split(" + "))):   # (R2; R1 is R1; R2)
            rows.append((metric, key, before, now))
    return pd.DataFrame(rows, columns=columns)


def rating_changes(figures: pd.DataFrame, previous: Any | None, thresholds: Any = None) -> pd.DataFrame:
    """Indicators whose rating differs from the earlier annex: metric, key, previous_status, status, previous,
    value, and ``limits``: True where the earlier value, rated with today's ``thresholds`` (rag_green, rag_amber),
    has today's rating, so that the rating changed with the limits, not with the value (a `rag_green` changed in
    the params between the two annexes: an indicator at 85 % in both was listed « red -> green » as if it had
    moved). False without ``thresholds``."""
    columns = ["metric", "key", "previous_status", "status", "previous", "value", "limits"]
    if previous is None or figures.empty:
        return pd.DataFrame(columns=columns)
    earlier = _previous_rows(previous)
    rated = figures[figures["metric"].isin(RATED).to_numpy(dtype=bool)]
    index = pd.MultiIndex.from_arrays([rated["metric"].astype(str), _keys(rated["key"])])
    position = earlier.index.get_indexer(index)
    statuses = earlier["status"].astype(str).to_numpy(dtype=object)
    before = np.where(position >= 0, statuses[np.where(position >= 0, position, 0)] if len(statuses) else "", "")
    values = earlier["value"].to_numpy(dtype="float64")
    before_value = np.where(position >= 0, values[np.where(position >= 0, position, 0)] if len(values) else np.nan,
                            np.nan)
    # an earlier value without its rating (an archive without `status`, made by hand): « non évalué → vert » was
    # said of an indicator at 100 % in both; rated with today's limits, or not compared without them
    unrated = (position >= 0) & (before == "") & np.isfinite(before_value)
    if unrated.any() and thresholds is not None:
        from .indicators import rag

        before = np.where(unrated, np.asarray(rag(pd.Series(before_value), thresholds), dtype=object), before)
        unrated[:] = False
    out = pd.DataFrame({"metric": rated["metric"].to_numpy(), "key": rated["key"].to_numpy(),
                        "previous_status": before, "status": rated["status"].astype(str).to_numpy(),
                        "previous": before_value, "value": rated["value"].to_numpy(dtype="float64")})
    out = out[(position >= 0) & ~unrated & (out["previous_status"] != out["status"]).to_numpy(dtype=bool)]
    if thresholds is None or out.empty:
        return out.assign(limits=False)[columns].reset_index(drop=True)
    from .indicators import rag

    rated_before = out["previous"].notna() & out["previous_status"].ne("")
    out = out.assign(limits=(rated_before & (rag(out["previous"], thresholds) == out["status"].to_numpy())).to_numpy())
    return out[columns].reset_index(drop=True)


def previous_row(previous: Any | None, metric: str, key: str) -> pd.Series | None:
    """The earlier annex's row of one figure (value, unit...), matched as ``with_previous`` matches (``_keys``): the
    headline's « (30/06/2025 : …) » matched by lower case, and missed « Sénégal » then « SENEGAL »."""
    if previous is None:
        return None
    rows = _previous_rows(previous)
    found = (str(metric), _keys([key])[0])
    return rows.loc[found] if found in rows.index else None


def previous_value(previous: Any | None, metric: str, key: str) -> float | None:
    """The earlier value of one figure: NaN when it was not computable, None when there is no earlier one."""
    row = previous_row(previous, metric, key)
    return None if row is None else float(row["value"])
