"""The annex's words for what moved since the previous annex and for the cost per result (tables ready for
``ctx.table``, every number written in its own unit, in the annex language)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import fmt
from .words import say


def _signed(text: str, value: float) -> str:
    return ("+" if value > 0 else "") + text


def change_text(change: float, unit: str, lang: str, currency: str) -> str:
    """+6,9 points (a % figure), +120 000 USD, -3, +0,12."""
    if fmt.is_missing(change):
        return fmt.missing(lang)
    if unit == "%":
        return _signed(fmt.number(change, 1, lang), change) + say("change_points", lang)
    if unit == "count":
        return _signed(fmt.number(change, 0, lang), change)
    if unit == "ratio" or not unit:
        return _signed(fmt.number(change, 2, lang), change)
    return _signed(fmt.money(change, unit, lang), change)


def in_unit(value: Any, unit: str, lang: str) -> str:
    if unit == "%":
        return fmt.percent(value, 1, lang)
    if unit == "count":
        return fmt.number(value, 0, lang)
    if unit == "ratio" or not unit:
        return fmt.number(value, 2, lang)
    return fmt.money(value, unit, lang)


def amounts_pair(before: Any, after: Any, currency: str, lang: str) -> str:
    """An amount corrected since the earlier annex, as the annex writes amounts: « 795 000 EUR → 812 000 EUR ».
    It was written with cents (« 795 000,00 EUR »), unlike every other amount of the annex; the cents are kept
    only where the whole units would hide the correction (« 795 000,00 EUR → 795 000,40 EUR »)."""
    def both(decimals: int) -> tuple[str, str]:
        return fmt.money(before, currency, lang, decimals), fmt.money(after, currency, lang, decimals)

    then, now = both(0)
    if then == now and not fmt.is_missing(before) and not fmt.is_missing(after) and before != after:
        then, now = both(2)
    return f"{then} \u2192 {now}"


def unit_pairs(units: pd.DataFrame) -> str:
    """change.unit_changes() as 'USD → EUR' (each pair once)."""
    pairs = sorted({(str(a), str(b)) for a, b in zip(units["previous_unit"], units["unit"])})
    return ", ".join(f"{a} → {b}" for a, b in pairs)


def _bounds(row: Any, lang: str) -> tuple[str, str, str]:
    """The words before the earlier value, the value now and the change, when one of them is an upper bound: at
    most 22 500 then and 16 667 now is a change of at least -5 833 (-25,9 %); at most 16 667 now, of at most."""
    then, now = bool(getattr(row, "previous_bound", False)), bool(getattr(row, "bound", False))
    at_most = say("since_at_most", lang)
    change = say("change_at_least", lang) if then and not now else at_most if now and not then else ""
    return (at_most if then else ""), (at_most if now else ""), change


def moved_table(moved: pd.DataFrame, lang: str, currency: str) -> pd.DataFrame:
    """change.moved() as text columns: figure (the metric's word), key, previous, value, change, relative; an upper
    bound (``bound``, ``previous_bound``) is written « au plus », and the change it gives as the bound it is."""
    rows = []
    for row in moved.itertuples(index=False):
        relative = fmt.percent(row.relative, 1, lang) if row.relative != float("inf") else \
            say("change_from_zero", lang)
        if row.relative not in (float("inf"),) and row.relative > 0:
            relative = "+" + relative
        then, now, bound = _bounds(row, lang)
        change = change_text(row.change, row.unit, lang, currency)
        if then and now:   # at most 22 500 then, at most 16 667 now: either may be the lower
            change = relative = say("change_between_bounds", lang)
        elif bound and row.relative != float("inf"):
            change, relative = bound + change, bound + relative
        rows.append({"figure": fmt.word(row.metric, lang), "key": fmt.word(row.key, lang),
                     "previous": then + in_unit(row.previous, row.unit, lang),
                     "value": now + in_unit(row.value, row.unit, lang), "change": change, "relative": relative})
    return pd.DataFrame(rows, columns=["figure", "key", "previous", "value", "change", "relative"])


def ratings_table(ratings: pd.DataFrame, lang: str) -> pd.DataFrame:
    """change.rating_changes() as text: indicator key, which % (period or final target), before, now."""
    unrated = say("change_unrated", lang)
    rows = [{"key": row.key, "figure": fmt.word(row.metric, lang),
             "previous_status": fmt.word(row.previous_status, lang) if row.previous_status else unrated,
             "status": fmt.word(row.status, lang) if row.status else unrated,
             "previous": fmt.percent(row.previous, 1, lang), "value": fmt.percent(row.value, 1, lang),
             "rag": row.status}
            for row in ratings.itertuples(index=False)]
    return pd.DataFrame(rows, columns=["key", "figure", "previous_status", "status", "previous", "value", "rag"])


def gone_list(gone: pd.DataFrame, lang: str, shown: int = 6) -> str:
    """change.gone() as « Taux d'atteinte P2.2.a, Dépensé R9 » (the first ``shown``, then how many more)."""
    names = [f"{fmt.word(row.metric, lang)} {row.key}" for row in gone.head(shown).itertuples(index=False)]
    more = len(gone) - len(names)
    tail = "" if more <= 0 else say("change_more_one", lang) if more == 1 else \
        say("change_more", lang, n=fmt.number(more, 0, lang))
    return ", ".join(names) + tail
