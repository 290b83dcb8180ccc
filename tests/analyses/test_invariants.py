"""Issue 18, "close the class": invariants of the figures, tested by generation (Hypothesis) on whole projects
written as real CSV and .xlsx files (tests/fixtures/two_countries.py), run through the loader and the analyses
to the figures of each annex (annex_figures, what figures.csv holds).

- shuffling the rows of every table changes no figure;
- renaming the line codes and event ids consistently changes no figure (but its key);
- where every row has a country, the country annexes' budgets and spending add up to the project's;
- every line, and every country, has the same figures in the all annex as in its country's annex, n.d. alike, and
  the groups (countries, "regional") add up to the project (n.d. when one is);
- multiplying every amount by k multiplies every money figure by k and changes no rate;
- a register (one row per person) and the equivalent per-event counts give the same figures;
- a table as CSV and as .xlsx gives the same figures;
- a spending row's period_end written as its period (a month, quarter, half or year ending that day) changes no
  figure;
- events starting after the reporting date change no figure of any annex;
- splitting a project whose every row has a country into one project per country changes no figure of a country's
  annex;
- a totals row (any spelling, any place, CSV or .xlsx) is always refused.

CI runs the derandomised "ci" profile of tests/conftest.py with a few examples per invariant (each example writes
and reads whole projects: about a second); `make fuzz` runs many more.
"""

from __future__ import annotations

import math
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from fixtures.two_countries import Project, annex_name
from helpers.errors import ValidationFailed

SLOW_CHECKS = [HealthCheck.too_slow, HealthCheck.filter_too_much]
FEW = settings(max_examples=max(3, settings().max_examples // 15), suppress_health_check=SLOW_CHECKS)
MANY = settings(max_examples=max(10, settings().max_examples // 5), suppress_health_check=[HealthCheck.too_slow])
COUNTRIES = ["Sénégal", "Mali", "Niger"]
CODES = ["R1", "R2", "R3", "A7", "B12"]
DATES = ["2020-03-31", "2020-06-30", "2020-12-31"]
MONEY_METRICS = {"budget", "spent", "unallocated_budget"}
RATE_METRICS = {"financial_execution_rate", "spending_share", "staff_cost_share", "burn_index"}
CENTS = st.integers(min_value=1, max_value=10**9)


@st.composite
def projects(draw, regional: bool = True) -> dict:
    """The tables of a project: budget lines (a code may be a line of several countries), spending on them,
    events with counts; every row has a country unless ``regional``."""
    countries = draw(st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=3, unique=True))
    places = countries + ([""] if regional and draw(st.booleans()) else [])
    lines = draw(st.lists(st.tuples(st.sampled_from(places), st.sampled_from(CODES)), min_size=1, max_size=6,
                          unique=True))
    budget = [["line", "budget", "country", "label", "category"]]
    expenditure = [["line", "period_end", "amount", "country"]]
    for country, code in lines:
        budget.append([code, draw(CENTS) / 100, country, f"Ligne {code}",
                       draw(st.sampled_from(["staff", "operational", "support"]))])
        for day in draw(st.lists(st.sampled_from(DATES), min_size=0 if regional else 1, max_size=3, unique=True)):
            # spending on a project-wide line may be recorded in a country (data.lines, rule 3) unless the country
            # also has a line of that code (then the row is that line's)
            spender = country or draw(st.sampled_from([""] + [c for c in countries if (c, code) not in lines]))
            expenditure.append([code, day, draw(CENTS) / 100, spender])
    participation = [["event_id", "participants", "women", "men", "country"]]
    for i in range(draw(st.integers(1, 4))):
        people = draw(st.integers(1, 300))
        women = draw(st.integers(0, people))
        men = draw(st.one_of(st.none(), st.integers(0, people - women)))
        participation.append([f"E{i + 1}", people, women, men, draw(st.sampled_from(places))])
    return {"budget": budget, "expenditure": expenditure, "participation": participation}


def _project(tables: dict, fmt: str = "csv", **params) -> Project:
    project = Project.default(Path(tempfile.mkdtemp(prefix="invariant-")), **params)
    project.tables = {name: [list(r) for r in rows] for name, rows in tables.items()}
    project.formats = {name: fmt for name in tables}
    return project.write()


def _figures(project: Project, annexes=("ensemble",)) -> dict[str, dict]:
    """annex -> {(metric, key): (value, n, status)}; a project the loader refuses is assumed away."""
    try:
        data = project.load()
    except ValidationFailed:
        assume(False)
    out = {}
    for annex in annexes:
        figures = project.figures(annex, data)
        out[annex] = {(m, k): (v, n, s) for m, k, v, n, s in zip(figures["metric"], figures["key"], figures["value"],
                                                                  figures["n"], figures["status"])}
    return out


def _same(a: dict, b: dict, scale: float = 1.0) -> None:
    assert set(a) == set(b), sorted(set(a) ^ set(b))
    for key, (value, n, status) in a.items():
        other, other_n, other_status = b[key]
        factor = scale if key[0] in MONEY_METRICS else 1.0
        if isinstance(value, float) and math.isnan(value):
            assert math.isnan(other), (key, value, other)
        else:
            assert other == pytest.approx(value * factor, rel=1e-9, abs=1e-6), (key, value, other)
        assert status == other_status, (key, status, other_status)
        if key[0] not in MONEY_METRICS | RATE_METRICS or factor == 1.0:
            assert (n is None or n is other_n or n == other_n), (key, n, other_n)


def _shuffled(tables: dict, seed: int) -> dict:
    rng = random.Random(seed)
    out = {}
    for name, rows in tables.items():
        body = [list(r) for r in rows[1:]]
        rng.shuffle(body)
        out[name] = [rows[0]] + body
    return out


@FEW
@given(projects(), st.integers(0, 2**32))
def test_shuffling_rows_changes_no_figure(tables, seed):
    _same(_figures(_project(tables))["ensemble"], _figures(_project(_shuffled(tables, seed)))["ensemble"])


# what a French budget writes for each category, in the cases and spellings spreadsheets hold
FRENCH_CATEGORIES = {"staff": ["Personnel", "PERSONNEL", "frais de personnel", "Frais-de-personnel "],
                     "operational": ["Fonctionnement", "opérationnel", "Opérationnelle"],
                     "support": ["Appui", "soutien", " SOUTIEN"]}


@FEW
@given(projects(), st.data(), st.sampled_from(["csv", "xlsx"]))
def test_french_budget_categories_change_no_figure(tables, data, fmt):
    """Each category written as a French budget writes it (any case, accents, spaces) gives the same figures (the
    staff share above all) as its code, in CSV and .xlsx."""
    french = [list(r) for r in tables["budget"]]
    for row in french[1:]:
        row[4] = data.draw(st.sampled_from(FRENCH_CATEGORIES[row[4]]))
    before = _figures(_project(tables, fmt))["ensemble"]
    _same(before, _figures(_project({**tables, "budget": french}, fmt))["ensemble"])


@FEW
@given(projects(), st.permutations(CODES), st.permutations([f"E{i}" for i in range(1, 5)]))
def test_renaming_codes_changes_no_figure(tables, codes, events):
    lines, ids = dict(zip(CODES, codes)), dict(zip([f"E{i}" for i in range(1, 5)], events))
    renamed = {name: [rows[0]] + [[(lines if name != "participation" else ids).get(r[0], r[0])] + list(r[1:])
                                   for r in rows[1:]] for name, rows in tables.items()}
    before = _figures(_project(tables))["ensemble"]
    after = _figures(_project(renamed))["ensemble"]

    def rename(metric: str, key: str) -> str:
        head, sep, tail = key.partition("/")
        return (lines if metric in MONEY_METRICS | RATE_METRICS else ids).get(head, head) + sep + tail

    _same({(m, rename(m, k)): v for (m, k), v in before.items()}, after)


_BUDGET = [["line", "budget", "country", "label", "category"], ["R1", 1000.0, "Sénégal", "Ligne R1", "staff"],
           ["R2", 500.0, "Mali", "Ligne R2", "operational"]]
_PEOPLE = [["event_id", "participants", "women", "men", "country"], ["E1", 10, 4, 6, "Mali"]]


@FEW
@given(projects(regional=False))
# Mali has lines and no spending: the project-wide annex said 0 % for Mali where Mali's annex said n.d.
@example({"budget": _BUDGET, "participation": _PEOPLE,
          "expenditure": [["line", "period_end", "amount", "country"], ["R1", "2020-12-31", 300.0, "Sénégal"]]})
# Sénégal's spending stops in March: the project-wide annex counted it as Sénégal's spending at 31 December
@example({"budget": _BUDGET, "participation": _PEOPLE,
          "expenditure": [["line", "period_end", "amount", "country"], ["R1", "2020-03-31", 300.0, "Sénégal"],
                          ["R2", "2020-12-31", 100.0, "Mali"]]})
def test_country_annexes_add_up_to_the_project(tables):
    project = _project(tables)
    figures = _figures(project, tuple(project.annexes()))
    countries = {r[2] for r in tables["budget"][1:]} | {r[3] for r in tables["expenditure"][1:]}
    annex_of = {country: annex_name(country) for country in countries}
    for metric in ("budget", "spent", "financial_execution_rate", "burn_index"):
        for country in countries:  # the all annex's per-country figure is the country annex's total, n.d. alike
            _close(figures["ensemble"][(metric, country)][0], figures[annex_of[country]][(metric, "total")][0],
                   (metric, country))
        if metric in ("budget", "spent"):
            whole = figures["ensemble"][(metric, "total")][0]
            parts = [figures[annex_of[c]][(metric, "total")][0] for c in countries]
            # a country whose spending is not known up to the date (no row, or its rows end before) is n.d. in
            # both annexes, and so is the project's total (it would leave that country out)
            _close(sum(parts), whole, (metric, parts))


_REGIONAL_BUDGET = _BUDGET + [["C", 800.0, "", "Coordination", "support"]]


@FEW
@given(projects())
# Mali has lines and no spending: its line said 0 % in the all annex, n.d. in Mali's
@example({"budget": _REGIONAL_BUDGET, "participation": _PEOPLE,
          "expenditure": [["line", "period_end", "amount", "country"], ["R1", "2020-12-31", 300.0, "Sénégal"],
                          ["C", "2020-12-31", 50.0, ""]]})
# Sénégal spends on the project-wide line C: the 'regional' group said less than its only line C
@example({"budget": _REGIONAL_BUDGET, "participation": _PEOPLE,
          "expenditure": [["line", "period_end", "amount", "country"], ["R1", "2020-12-31", 300.0, "Sénégal"],
                          ["R2", "2020-12-31", 100.0, "Mali"], ["C", "2020-12-31", 50.0, "Sénégal"],
                          ["C", "2020-12-31", 20.0, ""]]})
def test_lines_and_groups_are_the_same_in_the_all_annex_and_in_their_country_annex(tables):
    project = _project(tables)
    figures = _figures(project, tuple(project.annexes()))
    every = figures["ensemble"]
    lines = [(r[2], r[0]) for r in tables["budget"][1:]]
    codes = [code for _, code in lines]
    for country, code in lines:
        key = code if codes.count(code) == 1 else f"{code}/{country or 'regional'}"
        if not country:
            continue
        for metric in ("budget", "spent", "financial_execution_rate", "burn_index"):
            _close(every[(metric, key)][0], figures[annex_name(country)][(metric, code)][0], (metric, key))
    groups = {c for c, _ in lines if c} | ({"regional"} if any(not c for c, _ in lines) else set())
    for metric in ("budget", "spent"):
        parts = [every[(metric, group)][0] for group in sorted(groups)]
        _close(sum(parts), every[(metric, "total")][0], (metric, parts))
    if ("spent", "regional") in every:   # the project-wide lines' own spending, whoever recorded it
        wide = [every[("spent", code if codes.count(code) == 1 else f"{code}/regional")][0]
                for country, code in lines if not country]
        _close(sum(wide), every[("spent", "regional")][0], ("regional", wide))


def _close(a: float, b: float, what) -> None:
    if math.isnan(b):
        assert math.isnan(a), (what, a, b)
    else:
        assert a == pytest.approx(b, rel=1e-9), (what, a, b)


@FEW
@given(projects(), st.sampled_from([2, 3, 10, 1000]), st.booleans())
def test_scaling_every_amount_scales_money_and_keeps_rates(tables, k, declared):
    scaled = {name: [list(r) for r in rows] for name, rows in tables.items()}
    for row in scaled["budget"][1:]:
        row[1] = round(row[1] * 100) * k / 100
    for row in scaled["expenditure"][1:]:
        row[2] = round(row[2] * 100) * k / 100
    total = sum(r[1] for r in tables["budget"][1:]) * 1.25
    before = _figures(_project(tables, budget_total=total) if declared else _project(tables))["ensemble"]
    after = _figures(_project(scaled, budget_total=total * k) if declared else _project(scaled))["ensemble"]
    _same(before, after, scale=k)


@st.composite
def registers(draw) -> tuple[list, list]:
    """(a register, one row per person, and the same events as per-event counts)."""
    register = [["event_id", "sex", "country"]]
    counts = [["event_id", "participants", "women", "men", "country"]]
    for i in range(draw(st.integers(1, 4))):
        sexes = draw(st.lists(st.sampled_from(["f", "m", "", "F", "homme", "femme"]), min_size=1, max_size=40))
        country = draw(st.sampled_from(COUNTRIES + [""]))
        register += [[f"E{i}", sex, country] for sex in sexes]
        women = sum(s.lower() in ("f", "femme") for s in sexes)
        men = sum(s.lower() in ("m", "homme") for s in sexes)
        known = women + men > 0
        counts.append([f"E{i}", len(sexes), women if known else None, men if known else None, country])
    order = draw(st.permutations(range(1, len(register))))
    return [register[0]] + [register[i] for i in order], counts


@FEW
@given(registers())
def test_a_register_and_its_per_event_counts_give_the_same_figures(pair):
    register, counts = pair
    tables = {"budget": [["line", "budget"], ["R1", 1000]]}
    by_person = _figures(_project({**tables, "participation": register}))["ensemble"]
    by_event = _figures(_project({**tables, "participation": counts}))["ensemble"]
    _same(by_event, by_person)


@FEW
@given(registers(), st.integers(2, 3), st.sampled_from(["nom", "participant", "person"]), st.randoms())
def test_a_register_of_daily_lists_gives_the_figures_of_one_list(pair, days, header, rng):
    """A register naming its persons, each on the list of every day of their event (the lists put one under the
    other, in any order): the same figures as one list, each person once (register._persons_once)."""
    register, _ = pair
    named = [register[0] + [header]] + [row + [f"Personne {i}"] for i, row in enumerate(register[1:])]
    daily = named[1:] * days
    rng.shuffle(daily)
    tables = {"budget": [["line", "budget"], ["R1", 1000]]}
    once = _figures(_project({**tables, "participation": named}))["ensemble"]
    lists = _project({**tables, "participation": [named[0]] + daily})
    assert {p.rule for p in lists.check() if p.severity == "error"} == set()
    _same(once, _figures(lists)["ensemble"])


@FEW
@given(projects(), st.data(), st.sampled_from(["csv", "xlsx"]))
def test_events_after_the_reporting_date_change_no_figure(tables, data, fmt):
    """An annex describes its reporting date (2020-12-31): events starting after it (planned ones), added anywhere
    in the register, in any of its countries, change no figure of any annex (model.scope)."""
    dated = {**tables, "participation": [tables["participation"][0] + ["start_date"]] + [
        row + [data.draw(st.sampled_from(["", "2020-06-01", "2020-12-31"]))] for row in tables["participation"][1:]]}
    places = sorted({row[4] for row in tables["participation"][1:]})
    later = [list(r) for r in dated["participation"]]
    for i in range(data.draw(st.integers(1, 3))):
        people = data.draw(st.integers(1, 300))
        row = [f"P{i + 1}", people, data.draw(st.integers(0, people)), None, data.draw(st.sampled_from(places)),
               data.draw(st.sampled_from(["2021-01-01", "2021-06-30", "2023-02-28"]))]
        later.insert(data.draw(st.integers(1, len(later))), row)
    before = _project(dated, fmt)
    annexes = tuple(before.annexes())
    after = _figures(_project({**dated, "participation": later}, fmt), annexes)
    for annex, figures in _figures(before, annexes).items():
        _same(figures, after[annex])


@FEW
@given(projects(regional=False), st.sampled_from(["csv", "xlsx"]))
def test_splitting_the_project_by_country_changes_no_figure_of_a_country_annex(tables, fmt):
    """A country's annex shows its own rows only: the same country as a project of its own (its rows of every
    table, nothing else) gives its annex the same figures, n.d. alike. An evaluator who keeps one folder per country
    and one who keeps the portfolio together publish the same annex."""
    whole = _project(tables, fmt)
    countries = sorted(set(whole.annexes().values()) - {"all"})
    figures = _figures(whole, tuple(annex_name(c) for c in countries))
    for country in countries:
        own = {name: [rows[0]] + [r for r in rows[1:] if r[rows[0].index("country")] == country]
               for name, rows in tables.items()}
        alone = _figures(_project(own, fmt), (annex_name(country),))
        _same(figures[annex_name(country)], alone[annex_name(country)])


@FEW
@given(projects())
def test_csv_and_xlsx_give_the_same_figures(tables):
    _same(_figures(_project(tables, "csv"))["ensemble"], _figures(_project(tables, "xlsx"))["ensemble"])


# each spending date of DATES written as the period it ends, as finance tables write it
PERIODS = {"2020-03-31": ["2020-03", "03/2020", "mars 2020", "mars-20", "Mar-20", "T1 2020", "2020-Q1", "31/03/2020"],
           "2020-06-30": ["2020-06", "juin 2020", "juin-20", "T2 2020", "S1 2020", "2020-H1", "Q2 2020"],
           "2020-12-31": ["2020-12", "déc. 2020", "déc-20", "December 2020", "T4 2020", "S2 2020", "2020"]}


@FEW
@given(projects(), st.data(), st.sampled_from(["csv", "xlsx"]))
def test_spending_periods_written_as_periods_change_no_figure(tables, data, fmt):
    written = [tables["expenditure"][0]] + [
        [row[0], data.draw(st.sampled_from(PERIODS[row[1]])), *row[2:]] for row in tables["expenditure"][1:]]
    before = _project(tables, fmt)
    annexes = tuple(before.annexes())
    periods = _project({**tables, "expenditure": written}, fmt)
    if not _refused(before):
        periods.load()   # read, not refused (_figures would assume a refused project away)
    after = _figures(periods, annexes)
    for annex, figures in _figures(before, annexes).items():
        _same(figures, after[annex])


def _refused(project: Project) -> bool:
    try:
        project.load()
    except ValidationFailed:
        return True
    return False


TOTAL_WORDS = ["TOTAL", "Total", "total général", "Sous-total", "SOUS TOTAL", "Grand total", "Somme", "sum",
               "Total budget", "TOTAL:", "Subtotal"]


@MANY
@given(projects(), st.sampled_from(["budget", "expenditure", "participation"]), st.sampled_from(TOTAL_WORDS),
       st.booleans(), st.sampled_from(["csv", "xlsx"]), st.integers(0, 100), st.booleans())
def test_a_totals_row_is_always_refused(tables, table, word, with_country, fmt, where, in_label):
    rows = tables[table]
    country = rows[1][-1] if with_country and len(rows) > 1 else ""
    word = f"{word} {country}".strip() if with_country and country else word
    if table == "budget":
        total = sum(r[1] for r in rows[1:])
        row = ["", total, country, word, ""] if in_label else [word, total, country, "", ""]
    elif table == "expenditure":
        row = [word, "2020-12-31", sum(r[2] for r in rows[1:]) if len(rows) > 1 else 10.0, country]
    else:
        row = [word, sum(r[1] for r in rows[1:]), sum(r[2] for r in rows[1:]), None, country]
    position = 1 + where % len(rows)
    tables = {**tables, table: rows[:position] + [row] + rows[position:]}
    problems = _project(tables, fmt).check()
    refused = [p for p in problems if p.rule == "totals_row" and p.severity == "error"]
    assert refused and refused[0].row == position + 1, [str(p) for p in problems]
