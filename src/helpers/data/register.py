"""A participation register (one row per person) counted into the per-event table the analyses read: participants,
women and men of each event, a person once per event (``person``, ``person_id``), and who came, for the persons
counted once over the events (analyses.gender.persons). Called by the loader on a typed register."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import Problem
from ..text import NOT_KNOWN_BARE, fold, is_dash, is_not_known
from . import model, numbers, totals
from .countries import country_prefixes
from .readers import RawTable
from .spec import SPEC, blank


def first_positions(codes: np.ndarray) -> np.ndarray:
    """The position of each code's first row, for codes numbered in order of first appearance (pd.factorize with
    sort=False, none missing): where their running maximum rises (np.unique would sort a million codes)."""
    if not len(codes):
        return np.zeros(0, dtype=np.intp)
    running = np.maximum.accumulate(codes)
    return np.flatnonzero(np.r_[True, running[1:] != running[:-1]])


# the dates of an event in a register: each row may give its own day (the lists of each day of a training)
SPAN = {"start_date": "min", "end_date": "max"}


def aggregate(frame: pd.DataFrame, raw: RawTable, unread: set[int] = frozenset()) -> tuple[pd.DataFrame,
                                                                                           list[Problem]]:
    """One row per person -> one row per event (participants, women, men); the row is the event's first row.
    ``unread``: the rows whose sex was refused (`X`, `1`): not « not recorded » too (sex_partly_unknown).

    Vectorised over events (a register has a million rows): counts by bincount, each row compared with its event's
    first row. Problems come per event in order of first appearance, as a person reads the file.
    """
    table = SPEC["participation"]
    constant = [c for c in table.names if c in frame.columns and c not in ("event_id", *table.register.counts)
                and c not in SPAN]
    totals_rows = _totals_rows(frame, raw)
    if totals_rows:   # (rows to delete: neither « Fill in the event of each person » nor counted among its persons)
        frame = frame.drop(index=[p.row for p in totals_rows])
    problems = [raw.problem("required_value", "this cell is empty but the column is required",
                            "Fill in the event of each person.", index=index, column="event_id")
                for index in frame.index[frame["event_id"].isna()]]
    problems += _names_lost(frame, raw) + _names_not_known(frame, raw) + totals_rows
    has_event = frame["event_id"].notna().to_numpy(bool)
    named = frame if has_event.all() else frame[has_event]   # (a copy of a million rows only when one is empty)
    codes, events = pd.factorize(named["event_id"], sort=False)  # codes in order of first appearance
    first = first_positions(codes)                               # position of each event's first row
    first_index = named.index[first]
    found: list[tuple[int, int, Problem]] = []                   # (event, column order, problem)
    counting, sex = codes, named["sex"]                          # the rows counted: a person once per event
    persons = counted = None
    if "person" in named.columns or "person_id" in named.columns:
        counted, who, person_problems, sex, person = _persons_once(named, codes, events, raw)
    # each row's sex compared once (a million texts), for the persons of two sexes and the counts alike
    female, male = (sex == "f").fillna(False).to_numpy(bool), (sex == "m").fillna(False).to_numpy(bool)
    if counted is not None:
        found += person_problems + _sex_differs_between_events(named, person, female, male, sex, codes, events, raw)
        counting, sex, female, male = codes[counted], sex[counted], female[counted], male[counted]
        persons = model.event_persons(counting, who[counted].to_numpy(), sex.to_numpy(), len(events))
    size = np.bincount(counting, minlength=len(events))
    known = np.bincount(counting, weights=sex.notna().to_numpy(), minlength=len(events))
    women = np.bincount(counting, weights=female, minlength=len(events))
    men = np.bincount(counting, weights=male, minlength=len(events))
    # the cells left empty (a sex refused at its cell is no « not recorded »: the check said 2 for 1 empty cell),
    # the warning at the first of them (at the event's first row, it named a row whose sex was given)
    empty = sex.isna().to_numpy(bool) & ~np.isin(sex.index.to_numpy(), list(unread))
    blank_rows = np.bincount(counting, weights=empty, minlength=len(events))
    first_blank = pd.Series(sex.index[empty]).groupby(counting[empty]).first()
    for event in np.flatnonzero((known > 0) & (blank_rows > 0)):
        found.append((event, -1, raw.problem("sex_partly_unknown", f"the sex of {int(blank_rows[event])} "
                                             f"of {int(size[event])} participants of event '{events[event]}' is not "
                                             "recorded", "They are left out of the women's share (its denominator "
                                             "counts the participants whose sex is known); fill in the sex if "
                                             "known.", index=first_blank[event], column="sex", severity="warning")))
    aggregated = pd.DataFrame({"event_id": pd.Series(events, dtype="str").to_numpy(),
                               "participants": size.astype("float64"),
                               "women": np.where(known > 0, women, np.nan),
                               "men": np.where(known > 0, men, np.nan)}, index=first_index)
    if persons is not None:   # who came, for the persons counted once over the events (analyses.gender.persons)
        aggregated[model.PERSONS] = persons
    for column, reduce in SPAN.items():   # a list per day, each dated: the event runs from its first day to its last
        if column in named.columns:
            days = pd.Series(named[column].to_numpy(), index=codes).groupby(level=0)
            aggregated[column] = getattr(days, reduce)().reindex(range(len(events))).to_numpy()
    contiguous = bool((codes[1:] >= codes[:-1]).all())   # each event's rows one after the other (codes rise)
    for order, column in enumerate(constant):
        values = named[column].reset_index(drop=True)
        if contiguous and _same_as_above(values, codes):   # so each row is its event's first row: nothing differs
            aggregated[column] = named[column].iloc[first].to_numpy()
            continue
        if pd.api.types.is_string_dtype(values) and values.dtype != object:  # text: compare codes, not a copy
            cells = pd.factorize(values)[0]                       # equal texts, equal codes; empty cells -1
            same = cells == cells[first[codes]]
        else:
            firsts = values.take(first[codes]).reset_index(drop=True)
            same = (values == firsts).fillna(False).to_numpy(bool) | (values.isna() & firsts.isna()).to_numpy(bool)
        differing = pd.Series(np.flatnonzero(~same)).groupby(codes[~same]).first()
        for event, position in differing.items():
            index, value = named.index[position], named[column].iloc[position]
            hint = f"Give every row of an event the same {column}."
            there = named[column].iloc[first[event]]
            if column == "country" and pd.notna(there) and pd.notna(value):  # likelier two events of one code
                codes_ = ", ".join(f"{p}-{events[event]}" for p in country_prefixes([str(there), str(value)]))
                hint = (f"If '{events[event]}' is the code of two events, one in {there} and one in {value}, give "
                        f"each its own code (e.g. {codes_}); if it is one event, {hint[0].lower()}{hint[1:]}")
            found.append((event, order, raw.problem("register_inconsistent", f"'{column}' differs between rows of "
                                                    f"event '{events[event]}'", hint, index=index, column=column,
                                                    value=value.date().isoformat() if isinstance(value, pd.Timestamp)
                                                    else value)))
        aggregated[column] = named[column].iloc[first].to_numpy()
    problems += [p for _, _, p in sorted(found, key=lambda f: (f[0], f[1]))]
    for column in table.columns:
        if column.name not in aggregated.columns:
            aggregated[column.name] = blank(aggregated.index, column.kind)
    return aggregated, problems


FIRST_NAMES = ("prénom", "prenom", "prénoms", "prenoms", "first_name", "given_name")


def _names_lost(frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A name or identifier holding '?': letters an encoding could not hold (Arabic names saved by Excel as 'CSV
    (séparateur: point-virgule)', in cp1252, are '???? ???'), or '?' for a name not known. Persons are told apart by
    them: two different names so written were one person, counted once. Refused, each cell."""
    problems = []
    for column in ("person", *FIRST_NAMES, "person_id"):
        if column not in frame.columns:
            continue
        values = frame[column]
        lost = (values.str.contains("?", regex=False, na=False) if pd.api.types.is_string_dtype(values)
                and values.dtype != object else values.map(lambda v: isinstance(v, str) and "?" in v)).to_numpy(bool)
        for index, value in values[lost].items():
            problems.append(raw.problem(
                "name_lost", "this name holds '?': letters the file's encoding could not hold (Arabic names saved by "
                "Excel as 'CSV (séparateur: point-virgule)' are '???? ???'), or a name not known; persons are told "
                "apart by their names, and two names so written would be counted as one person",
                "Save the register as 'CSV UTF-8' (or .xlsx) from the file where the names are written; leave a "
                "name not known empty.", index=index, column=column, value=value))
    return problems


def _totals_rows(frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A row « E1 | Total | (no sex) » closing an event's list: counted one more participant, of unknown sex (4 for
    3, « the sex of 1 of 4 participants is not recorded »); the totals rule sees the events, not the persons. A name
    that says total (totals.says_total; not « Somme », a surname) on a row without a sex is refused."""
    if "person" not in frame.columns:
        return []
    names = frame["person"].where(frame["sex"].isna())
    said = [v for v in names.dropna().unique() if isinstance(v, str) and not fold(v).startswith(("somm", "sum"))
            and totals.says_total(v, set())]
    if not said:
        return []
    return [raw.problem("totals_row", f"this row is a totals row ('{value}' in 'person', no sex): it would be "
                        "counted as one more participant, of unknown sex", totals.HINT, index=index, column="person",
                        value=value) for index, value in names[names.isin(said)].items()]


def _names_not_known(frame: pd.DataFrame, raw: RawTable) -> list[Problem]:
    """A person (without an identifier) or an identifier written as « not known » (« Inconnu », « N/D », « - »:
    text.is_not_known, as a country or a number so written is read): the rows so written were one person, counted
    once (5 persons for 7), where '?' was refused (_names_lost). Refused, each cell."""
    problems = []
    for column in ("person_id", "person"):
        if column not in frame.columns:
            continue
        values = frame[column]
        distinct = pd.Series(values.dropna().unique(), dtype=object)
        distinct = distinct[distinct.map(lambda v: isinstance(v, str)).to_numpy(bool)].astype(str)
        # (a cheap filter first: an ASCII name is text.fold's lower case, its bare form one of the words or
        # nothing; a million persons' names each tested in Python took seconds)
        bare = distinct.str.strip().str.lower().str.replace(r"[\s_-]+", "", regex=True).str.rstrip(".")  # (_JOINERS')
        maybe = ~distinct.str.isascii() | bare.isin(NOT_KNOWN_BARE) | (bare == "")
        unknown = [v for v in distinct[maybe.to_numpy(bool)] if "?" not in v   # (_names_lost)
                   and (is_not_known(v) or is_dash(v))]
        if not unknown:
            continue
        rows = values.isin(unknown)
        if column == "person" and "person_id" in frame.columns:   # an identifier tells those persons apart
            ids = frame["person_id"]
            rows &= ids.isna() | ids.map(lambda v: isinstance(v, str) and (is_not_known(v) or is_dash(v)))
        for index, value in values[rows.to_numpy(bool)].items():
            problems.append(raw.problem(
                "name_not_known", f"this {'identifier' if column == 'person_id' else 'name'} is written as « not "
                "known »: persons are told apart by their names and identifiers, and the rows so written would be "
                "counted as one person", "Write the person's name; leave the cell empty if it is not known (the row "
                "is counted among the participations, and the annex says it has no name).", index=index, column=column, value=value))
    return problems


def _persons_once(named: pd.DataFrame, codes: np.ndarray, events: pd.Index,
                  raw: RawTable) -> tuple[np.ndarray, pd.Series, list[tuple[int, int, Problem]], pd.Series,
                                          np.ndarray]:
    """The rows to count when the register names its persons (``person``, ``person_id``): a person on several rows of
    one event (the lists of each day of a training, put one under the other) is counted once, with a warning per
    event; a person whose sex differs between those rows is refused (which one is right cannot be known). Also each
    row's person as compared: its identifier when it has one (two Mohamed Ali of one event, P001 and P002, are two
    persons), else its folded name, with the first name when there is one; empty when neither. And each row's sex,
    a person's row counted taking the sex one of their rows of the event gives (a blank on the first day's list beside
    « m » on the second: the person was counted of unknown sex, the share depending on the rows' order). And each
    row's person as a number (-1: none), the names hashed once for this and _sex_differs_between_events."""
    empty = pd.Series(None, index=named.index, dtype=object)
    # (each distinct name folded once: a million names, one call each, took 4 s)
    who = model.each_distinct(named["person"], lambda v: None if numbers.is_empty(v) else "name:" + fold(v)) \
        if "person" in named.columns else empty
    given = next((c for c in FIRST_NAMES if c in named.columns), None)
    if given is not None and "person" in named.columns:   # `nom` beside `prénom` is the surname
        who = who + " " + model.each_distinct(named[given], lambda v: "" if numbers.is_empty(v) else fold(v))
    if "person_id" in named.columns:
        ids = model.each_distinct(named["person_id"],
                                  lambda v: None if numbers.is_empty(v) else "id:" + fold(numbers.plain(v)))
        who = ids.where(ids.notna(), who)
    person, names = pd.factorize(who)
    keys = pd.DataFrame({"event": codes, "person": person})
    again = keys.duplicated().to_numpy() & (person >= 0)
    found: list[tuple[int, int, Problem]] = []
    if not again.any():
        return np.ones(len(named), dtype=bool), who, found, named["sex"], person
    sexes = keys.assign(sex=named["sex"].to_numpy())[person >= 0].dropna(subset=["sex"])
    differing = sexes.groupby(["event", "person"])["sex"].nunique()
    pairs = differing[differing > 1].index   # (in the order of the names, as when they were grouped by name)
    pairs = sorted(pairs, key=lambda pair: (pair[0], names[pair[1]]))
    for event, one in pairs:
        rows = named.index[(codes == event) & (person == one)]
        found.append((event, -3, raw.problem(
            "person_sex_differs", f"'{named.at[rows[0], 'person']}' is on rows {', '.join(map(str, rows[:5]))} of "
            f"event '{events[event]}' with different sexes", "Correct the sex on the row that is wrong.",
            index=rows[1], column="sex", value=named.at[rows[1], "sex"])))
    # each event's rows again, grouped once (a scan of every row per event took minutes on a million rows of
    # daily lists over 20 000 events)
    repeated = np.flatnonzero(again)
    per_event = pd.DataFrame({"event": codes[repeated], "person": person[repeated], "position": repeated}).groupby(
        "event", sort=True).agg(first=("position", "first"), rows=("position", "size"), persons=("person", "nunique"))
    for event, first, n_rows, persons in per_event.itertuples():
        row = named.index[first]
        example = " ".join(str(named.at[row, c]) for c in ("person", given, "person_id")
                           if c in named.columns and not numbers.is_empty(named.at[row, c]))
        found.append((event, -2, raw.problem(
            "person_twice_in_event", f"{persons} person(s) of event '{events[event]}' are on several of its rows "
            f"('{example}' again on row {row}; {n_rows} repeated rows): each is counted once",
            "A list per day of one training gives a person's name once a day: nothing to do. If two different "
            "persons share a name, tell them apart (a surname, or an identifier in a column `person_id`, e.g. "
            "`id participant`, `matricule`, `email`).", index=row,
            column="person_id" if "person_id" in named.columns else "person", value=example, severity="warning")))
    sex = named["sex"]
    blank = (~again & sex.isna().to_numpy() & who.notna().to_numpy())
    if blank.any():   # the sex their other rows of the event give (they agree: a difference is refused above)
        given = sexes.drop_duplicates(["event", "person"]).set_index(["event", "person"])["sex"]
        wanted = pd.MultiIndex.from_arrays([codes[blank], person[blank]])
        sex = sex.copy()
        sex.iloc[np.flatnonzero(blank)] = given.reindex(wanted).to_numpy()
    return ~again, who, found, sex, person


def _sex_differs_between_events(named: pd.DataFrame, person: np.ndarray, female: np.ndarray, male: np.ndarray,
                                sex: pd.Series, codes: np.ndarray, events: pd.Index,
                                raw: RawTable) -> list[tuple[int, int, Problem]]:
    """A person `f` at one event and `m` at another: each event counts the sex its row gives, and the persons
    counted once (analyses.gender.persons) count them of unknown sex, which was not said. A warning per person (the
    first SHOWN, the last one saying how many more), at their first row of the other sex; by bincount over persons
    (``person``: each row's, -1 for none; ``female``, ``male``: its sex), numbers the caller has (_persons_once):
    hashing a million names again and comparing their sexes took 0.9 s."""
    female = female & (person >= 0)
    male = male & (person >= 0)
    if not (female.any() and male.any()):
        return []
    both = (np.bincount(person[female], minlength=person.max() + 1) > 0) \
        & (np.bincount(person[male], minlength=person.max() + 1) > 0)
    if not both.any():
        return []
    mixed = both[np.maximum(person, 0)] & (person >= 0)
    rows = pd.DataFrame({"person": person[mixed], "female": female[mixed], "position": np.flatnonzero(mixed)})
    firsts = rows.drop_duplicates(["person", "female"])   # each such person's first row of each sex, in file order
    pairs = firsts.groupby("person", sort=False)["position"].agg(["first", "last"])
    found = []
    for number, (first, other) in enumerate(pairs.itertuples(index=False)):
        if number == SHOWN:
            break
        index, there = named.index[other], named.index[first]
        name = next((str(named.iloc[other][c]) for c in ("person", "person_id") if c in named.columns
                     and not numbers.is_empty(named.iloc[other][c])), "")
        more = len(pairs) - SHOWN if number == SHOWN - 1 and len(pairs) > SHOWN else 0
        found.append((int(codes[other]), -1, raw.problem(
            "person_sex_differs_between_events",
            f"'{name}' is {sex.iloc[other]} at event '{events[codes[other]]}' (this row) and {sex.iloc[first]} at "
            f"event '{events[codes[first]]}' (row {there}): each event counts the sex its row gives, and the "
            "persons counted once count this person of unknown sex" + (f"; {more} more persons so" if more else ""),
            "Correct the sex on the row that is wrong; if they are two persons of one name, tell them apart (a "
            "surname, or an identifier in a column `person_id`, e.g. `id participant`, `matricule`).", index=index,
            column="sex", value=raw.frame.at[index, "sex"] if "sex" in raw.frame.columns else sex.iloc[other],
            severity="warning")))
    return found


SHOWN = 20   # persons of two sexes told one by one; the last says how many more


def _same_as_above(values: pd.Series, codes: np.ndarray) -> bool:
    """Whether each row holds what the row above it holds when both rows are of one event (two empty cells are the
    same): compared in place, without a copy of the column by event."""
    below, above = values.iloc[1:].reset_index(drop=True), values.iloc[:-1].reset_index(drop=True)
    same = (below == above).fillna(False).to_numpy(bool) | (below.isna() & above.isna()).to_numpy(bool)
    return bool(same[codes[1:] == codes[:-1]].all())
