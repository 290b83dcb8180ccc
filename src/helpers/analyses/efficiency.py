"""Efficiency: what each result cost (the cost per unit of an output, per participant, per woman trained).

Inputs: the ``indicators`` and ``participation`` tables with their optional column ``budget_lines`` (the budget
line(s) that finance the row, separated by ``;``, ``,`` or ``+``: ``R1`` or ``R1; R6``), the ``budget`` and
``expenditure`` tables, and the params (reporting_date, currency, unit_cost_benchmarks). Spending is read through
``budget.budget_lines`` (the cumulative spending of each line as of a date, with its "not computable" rules), so a
change of what identifies a line there is followed here.

Definitions (data/README.md, "Cost per result"):
- ``cost_per_unit`` of an **output** indicator row (level ``output``, sex total) that names lines: the spending on
  its lines up to the end of its period (``2020-12`` -> 31/12/2020, ``2020`` -> 31/12/2020,
  ``2019-10-01/2020-03-31`` -> 31/03/2020; the reporting date when the period ends later) divided by its
  ``actual``.
- ``cost_per_participant``: spending on the lines the participation rows name, up to the reporting date, divided by
  the participants of those rows; key ``all`` (the union of the lines, each counted once) and one key per line (the
  participants of the events that name it). ``cost_per_woman``: the same divided by the women, counted where the sex
  is recorded; when an event of the lines has no women count, or participants of unknown sex (participants - women
  - men where men are counted, a register's blank sex), the denominator may be too small, so the figure is an
  **upper bound** (status ``upper bound``, the note says how many participants are not counted).
- **A line that finances several results** (several indicators, or indicators and the participation) gives each of
  them its whole spending: **the cost is shared, not divided** (the data holds no key to split it), so these costs
  must not be added up; such a figure has status ``shared`` and its note names the other results of its lines.
- Never a division by 0 or by a negative: no women counted (``no_women``, all the events say 0), or none recorded
  (``women_not_recorded``: a women cell left empty, or participants of unknown sex, who may be women), no actual, an actual of 0 or less, no spending (0), a negative spending
  total, spending not computable (after the data's end), a period that ends before the reporting date inside a
  spending period (30/06/2020 when spending is given by year), a period that is not a date, a line not in the budget
  table: the figure is NaN and ``reason`` (a code of ``REASONS``) says why.
- ``cost_to_benchmark``: cost / the benchmark of ``unit_cost_benchmarks`` (params), keyed by indicator id,
  ``participant`` or ``woman``; above 1 the result cost more than the benchmark.

All functions are pure (no I/O).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import numpy as np
import pandas as pd

from . import budget as budget_mod
from .gender import persons as distinct_persons
from .indicators import key_of_indicator
from ..data import lines as lines_mod, numbers
from ..data.model import spending_across
from ..data.spec import REGIONAL, split_lines
from ..text import fold, is_rate

SHARED, UPPER_BOUND = "shared", "upper bound"
PARTICIPATION = "participation"  # the name of the participation "result" among the results a line finances
# Why a cost is not computable: code -> (English note for figures.csv, French, English for the annex).
REASONS: dict[str, tuple[str, str, str]] = {
    "no_actual": ("not computable: no actual", "pas de valeur réalisée", "no actual value"),
    "rate": ("not computable: the indicator is a rate or a share (its unit, or its label, says so), and a cost per "
             "unit divides by a number of things done", "indicateur en taux ou en part : le coût unitaire divise par "
             "un nombre", "the indicator is a rate or a share: a cost per unit divides by a number of things done"),
    "actual_not_positive": ("not computable: the actual is 0 or less, nothing to divide by",
                            "réalisé nul ou négatif : pas de division", "actual is 0 or less: no division"),
    "no_participants": ("not computable: no participants", "aucun participant", "no participants"),
    "no_women": ("not computable: no women counted", "aucune femme comptée", "no women counted"),
    # a blank women cell is « not recorded », not 0: « aucune femme comptée » read as no woman took part
    "women_not_recorded": ("not computable: the women are not recorded (the events' women cells are empty, or their "
                           "participants' sex is not given)", "femmes non renseignées", "women not recorded"),
    "no_spending": ("not computable: no spending on its lines up to that date",
                    "aucune dépense sur ses lignes à cette date", "no spending on its lines up to that date"),
    "negative_spending": ("not computable: the spending on its lines is negative (reversals)",
                          "dépenses négatives sur ses lignes (annulations)",
                          "negative spending on its lines (reversals)"),
    "spending_not_computable": ("not computable: spending up to that date is not in the data",
                                "dépenses à cette date absentes des données",
                                "spending up to that date is not in the data"),
    "inside_spending_period": ("not computable: the period ends inside a spending period (the data give the "
                               "spending at the ends of their periods only)",
                               "la période se termine au milieu d'une période de dépenses (les données ne donnent "
                               "les dépenses qu'à la fin de leurs périodes)",
                               "the period ends inside a spending period (the data give the spending at the ends of "
                               "their periods only)"),
    "unknown_line": ("not computable: a line it names is not in this annex's budget (a project-wide line is in the "
                     "project-wide annex only)",
                     "une ligne nommée est absente du budget de cette annexe (une ligne de l'ensemble du projet ne "
                     "figure que dans l'annexe d'ensemble)",
                     "a line it names is not in this annex's budget (a project-wide line is in the project-wide "
                     "annex only)"),
    "ambiguous_line": ("not computable: a line it names is used in several countries and the row gives no country "
                       "(name it as <line>/<country>, e.g. R1/Mali)",
                       "une ligne nommée existe dans plusieurs pays et la ligne ne dit pas lequel (écrire "
                       "<ligne>/<pays>, par exemple R1/Mali)",
                       "a line it names is used in several countries and the row gives no country (write "
                       "<line>/<country>, e.g. R1/Mali)"),
    "by_sex_only": ("not computable: the output is given by sex only (rows f and m, no total row), and a cost per "
                    "unit divides by the total", "indicateur donné par sexe seulement (pas de ligne du total)",
                    "given by sex only (no total row)"),
    "bad_period": ("not computable: the period is not a date (2020-12, 2020, 2020-12-31, 30/06/2021, S1 2021, T4 2020 "
                   "or start/end)",
                   "période illisible comme date", "the period is not a date"),
}
COLUMNS = ["kind", "key", "indicator_id", "label", "unit", "lines", "as_of", "spent", "denominator", "cost",
           "status", "shared_with", "benchmark", "benchmark_source", "cost_to_benchmark", "reason", "note"]


named_lines = split_lines  # 'R1; R6' -> ['R1', 'R6'] (data.schemas)


def period_end(period: Any) -> dt.date | None:
    """The last day of an indicator period: 2020-12 -> 2020-12-31, 2020 -> 2020-12-31, a day as the data contract
    writes one (2020-12-31, or day first: 30/06/2021, as numbers.parse_date reads it), S1 2021 or 2021-S1 (a half:
    S, H) -> 2021-06-30, T4 2020 or 2020-Q4 (a quarter: T, Q) -> 2020-12-31, 2019-10-01/2020-03-31 and
    01/10/2019-31/03/2020 -> 2020-03-31; None when it is not one of these (2019/2020 does not say which day the year
    ends). A day written 30/06/2021 was cut at its last '/' and read as the year 2021: its end, 31/12/2021, counted
    six more months of spending."""
    span = numbers.period_span(period)
    return None if span is None else span[1]


def _column(frame: pd.DataFrame | None, name: str) -> pd.Series:
    if frame is None or name not in frame:
        return pd.Series([None] * (0 if frame is None else len(frame)), dtype=object,
                         index=None if frame is None else frame.index)
    return frame[name]


def _output_rows(indicators: pd.DataFrame | None) -> pd.DataFrame:
    """The output indicator rows (sex total) that name at least one line."""
    if indicators is None or indicators.empty or "budget_lines" not in indicators:
        return pd.DataFrame()
    level = indicators["level"].astype("str").str.strip().str.lower()
    sex = indicators["sex"].astype("str").str.strip().str.lower()
    keep = level.eq("output").fillna(False) & sex.isin(["total", "", "nan", "<na>"]).fillna(True) \
        & indicators["budget_lines"].map(lambda c: bool(named_lines(c))).astype(bool)
    return indicators[keep.to_numpy(dtype=bool)]


def _by_sex_only(indicators: pd.DataFrame | None) -> pd.DataFrame:
    """The first row (f or m) of each output indicator, country and period given by sex only, no total row, that
    names lines."""
    if indicators is None or indicators.empty or "budget_lines" not in indicators:
        return pd.DataFrame()
    level = indicators["level"].astype("str").str.strip().str.lower().eq("output").fillna(False)
    sex = indicators["sex"].astype("str").str.strip().str.lower()
    by_sex = sex.isin(["f", "m"]).fillna(False)
    named = indicators["budget_lines"].map(lambda c: bool(named_lines(c))).astype(bool)
    keys = [indicators[c].astype("str").fillna("") for c in ("indicator_id", "country", "period")]
    has_total = (~by_sex).groupby(keys).transform("any")
    rows = indicators[(level & by_sex & named & ~has_total).to_numpy(dtype=bool)]
    return rows[~rows[["indicator_id", "country", "period"]].astype("str").duplicated().to_numpy()]


def financed_results(indicators: pd.DataFrame | None, participation: pd.DataFrame | None,
                     resolve: Callable[[str, Any], str] | None = None) -> dict[str, list[str]]:
    """line -> the results it finances, in order: indicator ids (of every level) and ``participation``.
    ``resolve(name, country)``: the line a row names, given the row's country (a code used in several countries
    is one line in each); the names as written when not given."""
    def lines_of(frame: pd.DataFrame) -> list[list[str]]:
        countries = frame["country"] if "country" in frame else pd.Series("", index=frame.index)
        return [[resolve(name, country) if resolve else name for name in named_lines(cell)]
                for cell, country in zip(frame["budget_lines"], countries)]

    results: dict[str, list[str]] = {}
    if indicators is not None and "budget_lines" in indicators:
        for indicator, lines in zip(indicators["indicator_id"].astype(str), lines_of(indicators)):
            for line in lines:
                if indicator not in results.setdefault(line, []):
                    results[line].append(indicator)
    if participation is not None and "budget_lines" in participation:
        for lines in lines_of(participation):
            for line in lines:
                if PARTICIPATION not in results.setdefault(line, []):
                    results[line].append(PARTICIPATION)
    return results


class _Spending:
    """Cumulative spending per line as of a date, from budget.budget_lines (one call per date)."""

    def __init__(self, budget: pd.DataFrame, expenditure: pd.DataFrame, params: Any):
        self.budget, self.expenditure, self.params = budget, expenditure, params
        self._by_date: dict[dt.date, pd.DataFrame] = {}
        self._keys: np.ndarray | None = None
        self._folded: dict[int, tuple] = {}   # id(table) -> (table, its folded names): _names

    def _table(self, day: dt.date) -> pd.DataFrame:
        if day not in self._by_date:
            table = budget_mod.budget_lines(self.budget, self.expenditure, self.params, as_of=day)
            self._by_date[day] = table[table["in_budget_table"].astype(bool)]
        return self._by_date[day]

    def _names(self, known: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
        """(folded key, code as text, folded country) of a date's lines, made once per table: _rows is called for
        every line an indicator or event names, and folding the whole table each time was most of the cost figures'
        time (52 calls for the sample's project-wide annex)."""
        found = self._folded.get(id(known))
        if found is None or found[0] is not known:
            found = self._folded[id(known)] = (known, known["key"].map(fold), known["line"].astype(str),
                                               known["country"].map(fold))
        return found[1:]

    def _rows(self, known: pd.DataFrame, name: str, country: Any) -> pd.DataFrame:
        """The budget lines a name designates: its figures key or its code; a code used in several countries is the
        one of ``country`` (the indicator's or the events'), and ambiguous without it."""
        where = fold(country) if fold(country) not in ("", fold(REGIONAL)) else ""
        keys, codes, countries = self._names(known)
        pick = (keys == fold(name)) | (codes == name)
        if not pick.any() and "/" in name:
            # R1/Maroc in Maroc's annex, whose budget keys that line R1 (its code is in one country there): the
            # line was « not in this annex's budget », and the events naming R1 costed without those naming R1/Maroc
            code, _, named = name.rpartition("/")
            pick = (codes == code.strip()) & (countries == fold(named))
        if pick.sum() > 1 and where:
            pick &= countries == where
        return known[pick]

    def key(self, name: str, country: Any = "") -> str:
        """The figures key of the line a row of ``country`` names (``R1``, or ``R1/Mali`` when the code is used in
        several countries); the name as written when it designates no single line (``on`` says why)."""
        rows = self._rows(self._table(budget_mod.to_timestamp(self.params.reporting_date).date()), name, country)
        return str(rows["key"].iloc[0]) if len(rows) == 1 else name

    def across(self, lines: list[str], day: dt.date, country: Any = "") -> bool:
        """Whether a spending row of the countries of ``lines`` covers ``day`` (model.spending_across, as the budget
        reads it: a row without a period is a payment's day); a country's rows as the budget reads its coverage
        (budget._line_table); a project-wide line is spent by every country, every row's. (The ends of every
        country's rows made Tunisie's half-years the periods of Maroc's yearly spending; a day between two ends
        was « inside a period » where the budget counted the payments up to it: two verdicts for one date.)"""
        if self._keys is None:
            e = self.expenditure
            self._keys = lines_mod.resolve(self.budget, e)[0].to_numpy() if len(e) else np.array([], dtype=object)
        known = self._table(day)
        keys = set()
        for name in lines:
            keys |= set(lines_mod.country_key(self._rows(known, name, country)["country"]))
        rows = self.expenditure if not keys or REGIONAL in keys else self.expenditure[np.isin(self._keys, list(keys))]
        return bool(spending_across(rows, day).any())

    def on(self, lines: list[str], day: dt.date, country: Any = "") -> tuple[float, str]:
        """(spent on ``lines`` up to ``day``, reason code or ''), each line found as ``_rows`` finds it."""
        known = self._table(day)
        picked = []
        for name in lines:
            rows = self._rows(known, name, country)
            if rows.empty:
                return float("nan"), "unknown_line"
            if len(rows) > 1:
                return float("nan"), "ambiguous_line"
            picked.append(rows)
        rows = pd.concat(picked) if picked else known.iloc[:0]
        if rows["spent"].isna().any() or rows.empty:
            return float("nan"), "spending_not_computable"
        spent = float(rows["spent"].sum())
        if spent < 0:
            return spent, "negative_spending"
        if spent == 0:
            return spent, "no_spending"
        return spent, ""


def _benchmarks(params: Any) -> dict[str, tuple[float, str]]:
    raw = getattr(params, "unit_cost_benchmarks", None) or {}
    out = {}
    for key, item in raw.items():
        if isinstance(item, (int, float)):
            out[str(key)] = (float(item), "")
        else:
            out[str(key)] = (float(item.value), item.source or "")
    return out


def outputs_sharing_lines(costs: pd.DataFrame, indicators: pd.DataFrame) -> int:
    """How many outputs (an indicator in a country, whatever its periods) have cost rows whose lines also finance
    other results; ``costs`` as cost_per_result made them from these ``indicators``."""
    outputs = costs[costs["kind"] == "output"]
    rows = _output_rows(indicators)
    shared = (outputs["shared_with"].str.len() > 0).to_numpy(dtype=bool)
    return len({(i, c) for i, c, s in zip(rows["indicator_id"], rows["country"], shared) if s}) if len(rows) else 0


def _shared_with(lines: list[str], own: str, financed: dict[str, list[str]]) -> list[str]:
    others: dict[str, None] = {}
    for line in lines:
        for result in financed.get(line, []):
            if result != own:
                others.setdefault(result, None)
    return list(others)


def annex_costs(tables: dict[str, pd.DataFrame], params: Any) -> pd.DataFrame:
    """cost_per_result with each output keyed as figures.csv keys it (O1@2021, O1/Maroc): the figures step and
    notebook 20 call this one, so that an indicator of two periods is two named rows in both."""
    ind = tables.get("indicators")
    keys = key_of_indicator(ind.reset_index(drop=True)).set_axis(ind.index) \
        if ind is not None and len(ind) else None
    return cost_per_result(tables, params, keys)


def cost_per_result(tables: dict[str, pd.DataFrame], params: Any, keys: pd.Series | None = None) -> pd.DataFrame:
    """Every cost figure of the (already scoped) tables, one row each (columns ``COLUMNS``).

    kind: ``output`` (key: the indicator's figures key, ``keys`` when given, else its id), ``participant`` and
    ``woman`` (key ``all`` or a line). cost = spent / denominator, NaN with ``reason`` when not computable.
    """
    empty = pd.DataFrame()
    indicators, participation = tables.get("indicators", empty), tables.get("participation", empty)
    budget, expenditure = tables.get("budget", empty), tables.get("expenditure", empty)
    if not financed_results(indicators, participation):
        return pd.DataFrame(columns=COLUMNS)
    if budget is None or budget.empty:
        budget = pd.DataFrame({c: pd.Series(dtype=t) for c, t in
                               (("line", "str"), ("budget", "float64"), ("country", "str"), ("label", "str"),
                                ("category", "str"))})
    if expenditure is None or expenditure.empty:
        expenditure = pd.DataFrame({"line": pd.Series(dtype="str"), "period_end": pd.Series(dtype="datetime64[ns]"),
                                    "amount": pd.Series(dtype="float64"), "country": pd.Series(dtype="str")})
    spending = _Spending(budget, expenditure, params)
    financed = financed_results(indicators, participation, resolve=spending.key)
    reporting = budget_mod.to_timestamp(params.reporting_date).date()
    rows = []

    outputs = _output_rows(indicators)
    for index, row in outputs.iterrows():
        lines = [spending.key(name, row.get("country")) for name in named_lines(row["budget_lines"])]
        end = period_end(row["period"])
        day = min(end, reporting) if end is not None else None
        actual = row["actual"]
        spent, reason = (float("nan"), "bad_period") if day is None else spending.on(lines, day, row.get("country"))
        # (at the reporting date the annex says which spending rows end after it: as every figure of spending)
        if reason in ("", "no_spending", "spending_not_computable") and day is not None and day < reporting \
                and spending.across(lines, day, row.get("country")):
            # (budget_lines finds it too: this says why)
            spent, reason = float("nan"), "inside_spending_period"
        if not reason:
            if is_rate(row.get("unit"), row.get("label")):   # 45 % placed into jobs: not 45 things done
                reason = "rate"
            elif pd.isna(actual):
                reason = "no_actual"
            elif actual <= 0:
                reason = "actual_not_positive"
        indicator = str(row["indicator_id"])
        rows.append(_row("output", str(keys.loc[index]) if keys is not None else indicator, indicator,
                         row.get("label"), row.get("unit"), lines, day, spent, actual, reason,
                         _shared_with(lines, indicator, financed)))

    # an output given by sex only (rows f and m, no total row) that names lines: its cost was left out without a word
    for index, row in _by_sex_only(indicators).iterrows():
        indicator = str(row["indicator_id"])
        key = str(keys.loc[index]) if keys is not None else indicator
        sex = "/" + str(row["sex"]).strip().lower()
        at = key.find(sex, len(indicator))
        key = key[:at] + key[at + len(sex):] if at >= 0 else key   # SX@2021/f -> SX@2021
        lines = [spending.key(name, row.get("country")) for name in named_lines(row["budget_lines"])]
        end = period_end(row["period"])
        rows.append(_row("output", key, indicator, row.get("label"), row.get("unit"), lines,
                         min(end, reporting) if end is not None else None, float("nan"), float("nan"), "by_sex_only",
                         _shared_with(lines, indicator, financed)))

    people = participation if participation is not None and "budget_lines" in participation else empty
    if len(people):
        countries = people["country"] if "country" in people else pd.Series("", index=people.index)
        # each event's lines as the budget names them: 1.1 of a Maroc event is 1.1/Maroc when Tunisie has a 1.1 too
        lines_of = pd.Series([[spending.key(name, country) for name in named_lines(cell)]
                              for cell, country in zip(people["budget_lines"], countries)], index=people.index)
        people = people[lines_of.map(bool).to_numpy(dtype=bool)]
        lines_of = lines_of[lines_of.map(bool)]
    if len(people):
        every = sorted({line for lines in lines_of for line in lines})
        groups = [("all", every, np.ones(len(people), dtype=bool))]
        groups += [(line, [line], lines_of.map(lambda ls, line=line: line in ls).to_numpy(dtype=bool))
                   for line in every]
        for key, lines, mask in groups:
            events = people[mask]
            countries = set(events["country"].map(fold)) if "country" in events else set()
            spent, reason = spending.on(lines, reporting, countries.pop() if len(countries) == 1 else "")
            shared = _shared_with(lines, PARTICIPATION, financed)
            participants = float(events["participants"].sum())
            rows.append(_row("participant", key, "", None, None, lines, reporting, spent, participants,
                             reason or ("no_participants" if participants <= 0 else ""), shared))
            known = events["women"].notna()
            # no event counts its women: their number is not known (n/a), not 0
            women = float(events.loc[known, "women"].sum()) if known.any() else float("nan")
            not_counted = float(events.loc[~known, "participants"].sum()) + _sex_unknown(events[known])
            woman = _row("woman", key, "", None, None, lines, reporting, spent, women,
                         reason or _no_women(women, not_counted), shared)
            if not_counted > 0 and not woman["reason"]:
                woman["status"] = UPPER_BOUND if not shared else f"{SHARED}; {UPPER_BOUND}"
                woman["note"] += (f"; upper bound: {not_counted:.0f} participants of these events have no sex "
                                  "recorded, so the women are undercounted")
            rows.append(woman)

    out = pd.DataFrame(rows, columns=COLUMNS)
    benchmarks = _benchmarks(params)
    if len(out) and benchmarks:
        wanted = np.where(out["kind"].eq("output"), out["indicator_id"], out["kind"])
        for i, name in enumerate(wanted):
            if name in benchmarks and (out.at[i, "key"] == "all" or out.at[i, "kind"] == "output"):
                value, source = benchmarks[name]
                out.at[i, "benchmark"] = value
                out.at[i, "benchmark_source"] = source
                cost = out.at[i, "cost"]
                out.at[i, "cost_to_benchmark"] = cost / value if pd.notna(cost) and value > 0 else np.nan
    return out


def _no_women(women: float, not_counted: float) -> str:
    """Why there is no cost per woman: none counted where the sex is recorded ('no_women'), or participants whose
    sex is not recorded may be women ('women_not_recorded'); '' when there are women to divide by."""
    if women > 0:
        return ""
    return "women_not_recorded" if not_counted > 0 else "no_women"


def _sex_unknown(events: pd.DataFrame) -> float:
    """The participants of unknown sex of events that count their women and their men: participants - women - men
    (25 of whom 10 women and 12 men: 3), a register's blank sex cells. Some may be women: the cost per woman over
    the 10 was given as exact (analyses.gender leaves them out of the women's share the same way)."""
    if "men" not in events or not len(events):
        return 0.0
    men = events["men"].astype("float64")
    rest = (events["participants"].astype("float64") - events["women"].astype("float64") - men).clip(lower=0.0)
    return float(rest[men.notna()].sum())


def _row(kind: str, key: str, indicator: str, label: Any, unit: Any, lines: list[str], day: dt.date | None,
         spent: float, denominator: float, reason: str, shared: list[str]) -> dict:
    ok = not reason
    cost = spent / denominator if ok and denominator > 0 and spent > 0 else float("nan")
    if ok and not cost == cost:  # pragma: no cover - the reasons above catch every case; never a silent NaN
        reason = "no_spending"
    what = {"output": "actual", "participant": "participants", "woman": "women"}[kind]
    when = day.isoformat() if day is not None else "?"
    # an output's unit is written: its cost is per that unit (4 000 EUR a person, 25 000 EUR a session), and the
    # next annex compares it only with a cost per the same unit (analyses.change)
    per = f" ({str(unit).strip()})" if kind == "output" and unit is not None and not pd.isna(unit) \
        and str(unit).strip() else ""
    note = (REASONS[reason][0] + "; " if reason else "") + \
        f"spent on {' + '.join(lines)} up to {when}: {_n(spent)} / {what} {_n(denominator)}{per}"
    if shared:
        note += f"; shared, not divided: {', '.join(lines)} also finance(s) {', '.join(shared)}"
    return {"kind": kind, "key": key, "indicator_id": indicator, "label": "" if pd.isna(label) else str(label),
            "unit": "" if unit is None or pd.isna(unit) else str(unit), "lines": ", ".join(lines), "as_of": day,
            "spent": spent, "denominator": denominator, "cost": cost, "status": SHARED if shared else "",
            "shared_with": ", ".join(shared), "benchmark": np.nan, "benchmark_source": "",
            "cost_to_benchmark": np.nan, "reason": reason, "note": note}


def _n(value: float) -> str:
    return "n/a" if value != value else f"{value:.2f}".rstrip("0").rstrip(".")


def reason_text(code: str, lang: str) -> str:
    """Why a cost is not computable, in the annex language ('' when it is)."""
    if not code:
        return ""
    return REASONS[code][1 if lang == "fr" else 2]


def not_computed(costs: pd.DataFrame) -> list[tuple[str, list[str]]]:
    """The costs of ``costs`` (rows of cost_per_result) that are not computable, grouped by why: [(reason code,
    [their keys])], the reasons in the order they first occur."""
    missing = costs[costs["reason"].astype(str) != ""]
    return [(str(code), [str(k) for k in rows["key"]]) for code, rows in missing.groupby("reason", sort=False)]


def shared_summary(shared_with: str, lang: str, shown: int = 2) -> str:
    """The results a cost's lines also finance, short enough for a table's cell: 'P1.1.b, I.1.2.1 et 5 autres'
    (``shown`` named); the participation is « formations » (« trainings »)."""
    names = [n for n in (shared_with or "").split(", ") if n]
    names = [("formations" if lang == "fr" else "trainings") if n == PARTICIPATION else n for n in names]
    if len(names) <= shown + 1:   # 'et 1 autre' would take the room of the name
        return ", ".join(names)
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" et {more} autres" if lang == "fr" else f" and {more} others")


def participation_costs(costs: pd.DataFrame) -> pd.DataFrame:
    """The participant and woman rows of ``cost_per_result`` side by side, one row per key (``all`` first):
    key, lines, spent, participants, cost_per_participant, women, cost_per_woman, upper_bound (the cost per woman
    is an upper bound), shared_with, reason_participant, reason_woman."""
    columns = ["key", "lines", "spent", "participants", "cost_per_participant", "women", "cost_per_woman",
               "upper_bound", "shared_with", "reason_participant", "reason_woman"]
    people = costs[costs["kind"].eq("participant")].set_index("key")
    women = costs[costs["kind"].eq("woman")].set_index("key")
    if people.empty:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame({
        "key": people.index, "lines": people["lines"].to_numpy(), "spent": people["spent"].to_numpy(),
        "participants": people["denominator"].to_numpy(), "cost_per_participant": people["cost"].to_numpy(),
        "women": women["denominator"].reindex(people.index).to_numpy(),
        "cost_per_woman": women["cost"].reindex(people.index).to_numpy(),
        "upper_bound": women["status"].reindex(people.index).fillna("").str.contains(UPPER_BOUND).to_numpy(),
        "shared_with": people["shared_with"].to_numpy(), "reason_participant": people["reason"].to_numpy(),
        "reason_woman": women["reason"].reindex(people.index).fillna("").to_numpy()})
    return out[columns].reset_index(drop=True)


def participants_without_lines(participation: pd.DataFrame | None) -> float:
    """Participants of the rows that name no budget line (left out of the cost per participant)."""
    if participation is None or participation.empty:
        return 0.0
    if "budget_lines" not in participation:
        return float(participation["participants"].sum())
    unnamed = ~participation["budget_lines"].map(lambda c: bool(named_lines(c))).astype(bool)
    return float(participation.loc[unnamed.to_numpy(dtype=bool), "participants"].sum())


def persons_counted(participation: pd.DataFrame | None) -> dict[str, float] | None:
    """Of the events the cost per participant counts (those naming lines), when a register names its persons and
    some came to several of them: participations (the denominator: a person at each event), persons (distinct named
    persons), unnamed (participations without a name, not told apart). None otherwise. « Coût par participant : 2 000
    USD (76 participants) » said 76 participants where 60 persons came, 16 of them to two trainings."""
    if participation is None or participation.empty or "budget_lines" not in participation:
        return None
    named = participation[participation["budget_lines"].map(lambda c: bool(named_lines(c))).to_numpy(dtype=bool)]
    found = distinct_persons(named) if len(named) else None
    if found is None:
        return None
    row = found.iloc[0]
    if float(row["persons"]) + float(row["unnamed"]) >= float(row["participations"]):
        return None
    return {"participations": float(row["participations"]), "persons": float(row["persons"]),
            "unnamed": float(row["unnamed"])}
