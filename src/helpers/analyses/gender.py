"""Women's share and gender parity index from the ``participation`` table.

Input: ``participation`` as loaded (schemas.COLUMNS["participation"]): one row per event (or per event and
country/group), ``participants``, ``women`` and optional ``men`` as float (NaN when empty), ``sample`` bool.

Definitions (GUIDE.md, "Women's share"):
- ``women_share`` = sum(women) / sum(participants whose sex is known) x 100, **pooled** over the rows of a group
  where ``women`` is known (never a mean of row percentages). Where ``men`` is given too, participants - women -
  men are of unknown sex and out of the denominator, as a register's blank ``sex`` cells are (issue 18).
- Participants of unknown sex are counted and returned (``participants_sex_unknown``): all participants of rows
  whose ``women`` is empty, plus participants - women - men on rows where ``men`` is given (never below 0).
- Monitoring counts are a census: no confidence interval. A Wilson 95 % interval
  (statsmodels ``proportion_confint(method="wilson")``) is given only for groups whose counted rows are *all*
  survey samples (``sample`` true); a group mixing census and sample rows gets no interval and says so.
- ``gender_parity_index`` = sum(women) / sum(men) over the rows where both are known; "parity" inside
  thresholds.parity_low..parity_high, else "women under-represented" (below) or "men under-represented" (above).

``by`` = None (one row), a column name or a list (event_id, country, group, ...). Empty keys are a group (NaN).

- ``persons``: when the table comes from a register that names its persons (data.model.PERSONS), the distinct
  persons over its events: a person who came to three trainings is three participants (the events add up their
  participants) and one person. A person is their name as compared (case and accents ignored, with the first name
  when the register has one); their sex is the one they have on every event where it is recorded, else unknown.
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np
import pandas as pd

from ..data.model import PERSONS, persons_of
from .execution import as_keys, grouped_sums

PARITY = "parity"
WOMEN_UNDER = "women under-represented"
MEN_UNDER = "men under-represented"


# the end of a share's note giving its participants of unknown sex (« ...; 40 participant(s) of unknown sex »): the
# index of the annexes reads the count back from figures.csv
UNKNOWN_SEX_NOTE = " participant(s) of unknown sex"


def _divide(num: pd.Series, den: pd.Series, scale: float) -> pd.Series:
    n = num.to_numpy(dtype="float64")
    d = den.to_numpy(dtype="float64")
    ok = d > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        return pd.Series(np.where(ok, n / np.where(ok, d, 1.0) * scale, np.nan), index=num.index, dtype="float64")


def _sums(work: pd.DataFrame, keys: list[str], columns: list[str]) -> pd.DataFrame:
    """``execution.grouped_sums``, without the groupby when the key is one column of distinct values that come
    sorted (one row per event, say): each row is then its own group, already in the groupby's order."""
    if len(keys) == 1 and len(work) > 1 and not isinstance(work[keys[0]].dtype, pd.CategoricalDtype):
        key = work[keys[0]]
        values = key.to_numpy(dtype=object)
        try:
            one_per_row = not key.hasnans and bool((values[1:] > values[:-1]).all())
        except TypeError:  # keys that cannot be compared (mixed types): let groupby decide
            one_per_row = False
        if one_per_row:
            out = pd.DataFrame({keys[0]: key.reset_index(drop=True)})
            for c in columns:  # a one-row sum, as groupby gives it: NaN -> 0.0, -0.0 -> 0.0 ("+ 0.0")
                values = work[c].to_numpy(dtype="float64")
                out[c] = np.where(np.isnan(values), 0.0, values) + 0.0
            return out
    return grouped_sums(work, keys, columns)


def wilson_interval(women: pd.Series | np.ndarray, participants: pd.Series | np.ndarray,
                    alpha: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Wilson interval for women / participants, in percent (arrays; NaN where participants is 0 or NaN)."""
    count = np.asarray(women, dtype="float64")
    nobs = np.asarray(participants, dtype="float64")
    ok = np.isfinite(count) & np.isfinite(nobs) & (nobs > 0)
    low = np.full(count.shape, np.nan)
    high = np.full(count.shape, np.nan)
    if ok.any():
        from statsmodels.stats.proportion import proportion_confint  # here: make check imports this module

        lo, hi = proportion_confint(count[ok], nobs[ok], alpha=alpha, method="wilson")
        low[ok] = np.asarray(lo) * 100.0
        high[ok] = np.asarray(hi) * 100.0
    return low, high


def women_share(participation: pd.DataFrame, by: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Pooled share of women per group.

    Columns: <by keys>, n_rows (rows with women known), n_rows_women_unknown, women, participants (whose sex is
    known, of the rows with women known: the denominator), share (0-100), participants_sex_unknown, participants_total (every
    participant of the group, whether or not the row counts women), participants_not_in_share (those of rows
    without a women count), sample (True when every counted row is a survey sample), ci_low, ci_high (Wilson 95 %,
    only when sample), note.
    """
    keys = as_keys(by)
    women = participation["women"].astype("float64")
    people = participation["participants"].astype("float64")
    known = women.notna()
    men = participation["men"].astype("float64") if "men" in participation else pd.Series(np.nan, index=women.index)
    sample = participation["sample"].fillna(False).astype(bool) if "sample" in participation else \
        pd.Series(False, index=women.index)
    rest = (people - women - men).clip(lower=0.0)
    unknown_sex = people.where(~known, rest.where(men.notna(), 0.0)).fillna(0.0)
    work = participation[keys].copy() if keys else pd.DataFrame(index=participation.index)
    work["n_rows"] = known.astype("float64")
    work["n_rows_women_unknown"] = (~known).astype("float64")
    work["women"] = women.where(known, 0.0)
    # the denominator: participants whose sex is known (a register's blank sex cells, or participants - women - men
    # where men are given, are left out: a register and its per-event counts give the same share)
    work["participants"] = (people - rest.where(men.notna(), 0.0).fillna(0.0)).where(known, 0.0).fillna(0.0)
    work["participants_sex_unknown"] = unknown_sex
    work["participants_not_in_share"] = people.where(~known, 0.0).fillna(0.0)
    work["n_sample"] = (known & sample).astype("float64")
    out = _sums(work, keys, ["n_rows", "n_rows_women_unknown", "women", "participants", "participants_sex_unknown",
                             "participants_not_in_share", "n_sample"])
    out["participants_total"] = out["participants"] + out["participants_sex_unknown"]
    out["share"] = _divide(out["women"], out["participants"], 100.0)
    out["sample"] = (out["n_sample"] == out["n_rows"]) & (out["n_rows"] > 0)
    mixed = (out["n_sample"] > 0) & ~out["sample"]
    ci_low = np.full(len(out), np.nan)
    ci_high = np.full(len(out), np.nan)
    is_sample = out["sample"].to_numpy(dtype=bool)
    if is_sample.any():
        ci_low[is_sample], ci_high[is_sample] = wilson_interval(out["women"].to_numpy()[is_sample],
                                                                out["participants"].to_numpy()[is_sample])
    out["ci_low"] = ci_low
    out["ci_high"] = ci_high
    for c in ("n_rows", "n_rows_women_unknown"):
        out[c] = out[c].astype("int64")
    notes = np.array(["not computable: no participants with women known",
                      "census and sample rows mixed: no confidence interval", "survey sample: Wilson 95 % interval",
                      "census (monitoring counts): no confidence interval"], dtype=object)
    # the few distinct texts shared by every row (one str object each, not one per row)
    note = notes[np.select([out["participants"].to_numpy() <= 0, mixed.to_numpy(), is_sample], [0, 1, 2], 3)]
    unknown = out["participants_sex_unknown"].to_numpy() > 0
    if unknown.any():
        counts = out.loc[unknown, "participants_sex_unknown"]
        whole = counts.where(counts != counts.round(), None)
        text = counts.round().astype("int64").astype(str).where(whole.isna(), counts.astype(str))
        note[unknown] = note[unknown] + "; " + text.to_numpy(dtype=object) + UNKNOWN_SEX_NOTE
    note = pd.Series(note, index=out.index)
    out["note"] = note.astype("str")
    return out[[*keys, "n_rows", "n_rows_women_unknown", "women", "participants", "share",
                "participants_sex_unknown", "participants_total", "participants_not_in_share", "sample", "ci_low",
                "ci_high", "note"]]


def gender_parity_index(participation: pd.DataFrame, thresholds: Any,
                        by: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Women / men pooled over the rows where both are known, with a parity flag.

    ``thresholds``: params.thresholds (parity_low, parity_high). Columns: <by keys>, n_rows (rows with women and
    men known), women, men, gpi, status ("parity" | "women under-represented" | "men under-represented" | ""),
    note. Groups with no row where men is known are returned with gpi NaN.
    """
    keys = as_keys(by)
    women = participation["women"].astype("float64")
    men = participation["men"].astype("float64")
    both = women.notna() & men.notna()
    work = participation[keys].copy() if keys else pd.DataFrame(index=participation.index)
    work["n_rows"] = both.astype("float64")
    work["women"] = women.where(both, 0.0)
    work["men"] = men.where(both, 0.0)
    out = _sums(work, keys, ["n_rows", "women", "men"])
    out["n_rows"] = out["n_rows"].astype("int64")
    out["gpi"] = _divide(out["women"], out["men"], 1.0)
    low, high = thresholds.parity_low, thresholds.parity_high
    gpi = out["gpi"].round(9)   # rated as computed exactly: 16.49 / 17 is 0.9699999999999999 in binary fractions
    statuses = np.array(["", WOMEN_UNDER, MEN_UNDER, PARITY], dtype=object)
    out["status"] = pd.Series(statuses[np.select([gpi.isna(), gpi < low, gpi > high], [0, 1, 2], 3)],
                              index=out.index, dtype="str")
    notes = np.array(["not computable: men not given", "not computable: no men counted",
                      f"parity band {low:g}-{high:g}"], dtype=object)
    note = notes[np.select([out["n_rows"] == 0, out["men"] <= 0], [0, 1], 2)]
    out["note"] = pd.Series(note, index=out.index, dtype="str")
    return out[[*keys, "n_rows", "women", "men", "gpi", "status", "note"]]


def persons(participation: pd.DataFrame) -> pd.DataFrame | None:
    """The distinct persons of a register naming them, over all its events (None when the table does not name its
    persons). One row: persons (distinct named persons), women, men, sex_unknown (of the persons), participations
    (every participant of those events, a person once per event), unnamed (participations without a name, which
    cannot be told apart and are not in ``persons``)."""
    if PERSONS not in participation.columns or not participation[PERSONS].fillna("").astype(str).str.len().any():
        return None
    named = persons_of(participation)
    who, distinct = pd.factorize(named["person"])
    sex = named["sex"].to_numpy(dtype=object)
    female = np.bincount(who, weights=sex == "f", minlength=len(distinct)) > 0
    male = np.bincount(who, weights=sex == "m", minlength=len(distinct)) > 0
    women, men = int((female & ~male).sum()), int((male & ~female).sum())   # f at one event, m at another: unknown
    participations = float(participation["participants"].sum())
    return pd.DataFrame({"persons": [len(distinct)], "women": [women], "men": [men],
                         "sex_unknown": [len(distinct) - women - men], "participations": [participations],
                         "unnamed": [participations - len(named)]})
