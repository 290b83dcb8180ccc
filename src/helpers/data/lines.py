"""A budget line's identity is (country, line): the same code in two countries is two lines (data/README.md).

Countries are compared as names are (``helpers.text.fold``: case and accents ignored; empty = "regional", the project
as a whole). Each expenditure row is joined with the budget line of its own country:

1. its (country, line) is in the budget table: that line;
2. it has no country (project as a whole) and its code is a line of exactly one country: that line; of several
   countries: ambiguous (``AMBIGUOUS``: the loader refuses it, naming the countries). The loader then gives such
   a row its line's country (``with_line_country``), so that the country's annex counts it;
3. it has a country, the budget has no such line there but has it for the project as a whole: that
   project-wide line (a regional line spent in a country). The row counts with that line (``line_country``:
   "regional"), in the all annex, not in the country's (model.scope);
4. else the line is not in the budget (``UNKNOWN``), or only in other countries (``OTHER_COUNTRY``).

``line_key``: the key of a line in figures.csv is its code when the code is unique among the lines shown, else
``<line>/<country>`` (``R1/Sénégal``), as indicators in several countries are keyed.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..text import fold

REGIONAL = "regional"
FOUND, AMBIGUOUS, OTHER_COUNTRY, UNKNOWN = "found", "ambiguous", "other_country", "unknown"


def _fold(text: Any) -> str:
    return fold(text) or REGIONAL


def country_key(countries: pd.Series) -> pd.Series:
    """Each country folded (once per distinct value): 'Sénégal' and 'senegal' -> 'senegal'; empty -> 'regional'."""
    codes, distinct = pd.factorize(countries, use_na_sentinel=True)
    values = np.array([_fold(v) for v in distinct] + [REGIONAL], dtype=object)
    return pd.Series(values[codes], index=countries.index, dtype=object)


def resolve(budget: pd.DataFrame, expenditure: pd.DataFrame) -> tuple[pd.Series, pd.Series, dict[str, list[str]],
                                                                    tuple[np.ndarray, list[tuple[Any, Any]]],
                                                                    list[tuple[str, str, Any, str]]]:
    """(the folded country of each expenditure row's budget line, how it was found, line -> its budget countries
    as written, each row's line as (code of its (country, line) pair, the distinct pairs): the spending of one line
    shares a code, and each distinct (row's own folded country, line) as (own country, line's country, line, how
    found)). Rows not found keep their own folded country."""
    bkey = country_key(budget["country"]) if len(budget) else pd.Series([], dtype=object)
    ekey = country_key(expenditure["country"])
    lines = budget["line"].tolist()   # (a list: iterating Arrow-backed text in Python takes a call per cell)
    pairs = set(zip(bkey, lines))
    written: dict[str, list[str]] = {}
    folded: dict[str, set[str]] = {}
    for key, country, line in zip(bkey, budget["country"].tolist(), lines):
        if isinstance(line, str):
            folded.setdefault(line, set()).add(key)
            shown = country if isinstance(country, str) and key != REGIONAL else REGIONAL
            if shown not in written.setdefault(line, []):
                written[line].append(shown)
    pair_codes, distinct = _pairs(ekey, expenditure["line"])
    keys = np.empty(len(distinct), dtype=object)
    states = np.empty(len(distinct), dtype=object)
    for i, (k, line) in enumerate(distinct):
        countries = folded.get(line, set())
        keys[i], states[i] = k, UNKNOWN
        if (k, line) in pairs:
            states[i] = FOUND
        elif k == REGIONAL and len(countries) == 1:
            keys[i], states[i] = next(iter(countries)), FOUND
        elif k == REGIONAL and len(countries) > 1:
            states[i] = AMBIGUOUS
        elif (REGIONAL, line) in pairs:
            keys[i], states[i] = REGIONAL, FOUND
        elif countries:
            states[i] = OTHER_COUNTRY
    out_key = pd.Series(keys[pair_codes] if len(distinct) else [], index=expenditure.index, dtype=object)
    status = pd.Series(states[pair_codes] if len(distinct) else [], index=expenditure.index, dtype=object)
    # the rows' lines once resolved: found from the distinct pairs, not from the rows again
    found, lines = pd.factorize(pd.Series(list(zip(keys, (line for _, line in distinct))), dtype=object)) \
        if len(distinct) else (np.array([], dtype=np.intp), [])
    return out_key, status, written, (found[pair_codes] if len(distinct) else pair_codes, list(lines)), \
        [(own, key, line, state) for (own, line), key, state in zip(distinct, keys, states)]


def line_country(budget: pd.DataFrame, expenditure: pd.DataFrame) -> pd.Series:
    """The country of each expenditure row's budget line (folded; "regional" for a project-wide line): the group
    the row counts in. A row whose line is not found keeps its own country."""
    if not len(expenditure):
        return pd.Series([], index=expenditure.index, dtype=object)
    return resolve(budget, expenditure)[0]


def _pairs(key: pd.Series, line: pd.Series) -> tuple[np.ndarray, list[tuple[Any, Any]]]:
    """pd.factorize of the (key, line) pairs, without a Python tuple per row: each row's code, and the distinct
    pairs in the order first met (an empty line is a value of its own, as it is in a tuple)."""
    key_codes, _ = pd.factorize(key, use_na_sentinel=False)
    line_codes, lines = pd.factorize(line, use_na_sentinel=False)
    codes, _ = pd.factorize(key_codes.astype(np.int64) * max(len(lines), 1) + line_codes)
    first = np.unique(codes, return_index=True)[1]   # the row where each pair is first met, as it is written there
    return codes, list(zip(key.iloc[first].tolist(), line.iloc[first].tolist()))  # (lists: one call each)


def line_key(line: pd.Series, country: pd.Series) -> pd.Series:
    """The figures key of each line: its code, or ``<code>/<country>`` when the code is not unique here."""
    text = line.astype(str)
    shared = text.duplicated(keep=False).to_numpy(bool)
    return pd.Series(np.where(shared, text + "/" + country.astype(str), text), index=line.index, dtype=object)


def with_line_country(budget: pd.DataFrame, expenditure: pd.DataFrame,
                      resolved: tuple | None = None) -> pd.DataFrame:
    """Spending without a country on a line of exactly one country belongs to that country (rule 2 above): its
    ``country`` is set to the budget line's, so that the country's annex counts it. ``resolved``: what
    ``resolve(budget, expenditure)`` gives, when the caller has it (row by row: its index may differ)."""
    if not len(expenditure) or not len(budget):
        return expenditure
    ckey, status, written = (resolved if resolved is not None else resolve(budget, expenditure))[:3]
    own = country_key(expenditure["country"])
    moved = (own.to_numpy() == REGIONAL) & (ckey.to_numpy() != REGIONAL) & (status.to_numpy() == FOUND)
    if not moved.any():
        return expenditure
    out = expenditure.copy()
    lines = out["line"].to_numpy(dtype=object)[moved]
    out.loc[moved, "country"] = [written[line][0] for line in lines]
    return out


def spelt_duplicates(budget: pd.DataFrame, raw: Any) -> list:
    """A line written twice for one country spelt two ways ('Sénégal', 'senegal'): the schema's duplicate_line
    compares the cells as written, the join compares folded names; each later row is a problem."""
    if not len(budget) or "country" not in budget:
        return []
    key = pd.DataFrame({"c": country_key(budget["country"]), "l": budget["line"]}, index=budget.index)
    folded = key.duplicated(keep="first") & budget["line"].notna()
    exact = budget.duplicated(["line", "country"], keep=False)
    problems = []
    for index in budget.index[(folded & ~exact).to_numpy(bool)]:
        first = budget.index[((key["c"] == key.at[index, "c"]) & (key["l"] == key.at[index, "l"])).to_numpy(bool)][0]
        problems.append(raw.problem("duplicate_line", f"this budget line appears twice for the same country "
                                    f"('{budget.at[first, 'country']}' in row {first}, "
                                    f"'{budget.at[index, 'country']}' here: names are compared ignoring case and "
                                    "accents)", "Give each line one row per country (add the amounts), and write "
                                    "the country the same way.", index=index, column="line",
                                    value=budget.at[index, "line"]))
    return problems
