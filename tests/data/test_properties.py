"""Property-based tests (Hypothesis) of the parsers and the loader: whatever the cell text, either a value that
round-trips or a problem naming the file, row and column; never an uncaught exception.

CI runs the derandomised "ci" profile of tests/conftest.py (a fixed, modest set of examples, a few seconds);
`make fuzz` runs the same tests with the "fuzz" profile (many more examples). What a fuzz run finds goes to the
corpus of test_validation_rules.py (and so to the table of tests/README.md).
"""

from __future__ import annotations

import datetime as dt
import math
import tempfile
from decimal import Decimal
from pathlib import Path

import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st

from fixtures.mini_project import Mini
from helpers.data.loader import load_table
from helpers.data.numbers import format_number, parse_date, parse_number
from helpers.data.params import load_project_params
from helpers.data.schemas import STATUS_CODES
from helpers.data.status import normalise_status

MARKS = st.sampled_from([".", ","])
# What partners type in a cell: digits, separators, signs, brackets, letters, spaces of every kind, symbols.
CELL_CHARACTERS = st.one_of(
    st.sampled_from(list("0123456789.,-+()eE %$€'") + ["\u00a0", "\u202f", "\u2009", "\u2212", "\u2013", "\t"]),
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")))
CELL = st.text(CELL_CHARACTERS, max_size=14)
NUMBER_LIKE = st.one_of(
    CELL,
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.from_regex(r"\A[(]?[-+\u2212]?\d{1,4}([ .,]\d{3}){0,3}([.,]\d{1,3})?[)-]?\Z", fullmatch=True),
    st.from_regex(r"\A-?0[.,]0{4,8}[1-9]\d{0,3}\Z", fullmatch=True),          # tiny amounts: 0,0000001
    st.sampled_from(["1e400", "-1E999", "inf", "-Infinity", "NaN", "nan", "(1 234,00)", "1234,00-", "()", "-"]))
SLOW = settings(max_examples=max(10, settings().max_examples // 4))   # the loader writes and reads a file each time


def _typed_as_partners_write(value: Decimal, decimal_mark: str, grouping: str) -> str:
    """A decimal written the way a partner would in this project: '1 005 500,50', '1,005,500.50', '-12'."""
    text = f"{value:,f}"                                   # 1,005,500.50 (Python groups with ',')
    integer, _, fraction = text.partition(".")
    separator = grouping if grouping != decimal_mark else " "
    integer = integer.replace(",", separator)
    return integer + (decimal_mark + fraction if fraction else "")


@given(st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False), MARKS,
       st.sampled_from([" ", "\u00a0", "\u202f", ".", ","]))
def test_a_number_written_in_the_project_format_reads_back(value, decimal_mark, grouping):
    text = _typed_as_partners_write(value, decimal_mark, grouping)
    assert parse_number(text, decimal_mark) == float(value), text
    assert parse_number(text, decimal_mark, money=True) == float(value), text


@given(NUMBER_LIKE, MARKS, st.booleans())
def test_any_cell_is_a_finite_number_that_round_trips_or_a_value_error(text, decimal_mark, money):
    try:
        value = parse_number(text, decimal_mark, money=money)
    except ValueError as exc:
        assert str(exc)                                      # a reason in plain words
        return
    if value is None:
        return
    assert math.isfinite(value)
    printed = format_number(value, decimal_mark)             # how the workbook writes it back
    assert parse_number(printed, decimal_mark) == value, (text, printed)


# The cells a shortcut for plain numbers must leave to the scalar function, or read as it does
AWKWARD_NUMBERS = st.sampled_from(["", " ", " 12 ", "12,000", "12.000", "1e5", "1E5", "nan", "NaN", "inf", "+1", ".5",
                                   "-.5", "1.", "-", "-0", "007", "1" * 400, "1" * 308, "9" * 309, "١٢", "١٢.٥",
                                   "12,5", "-12,50", "1 000", "1\u00a0000", "\u22125", "(12)", "12-", "0x10", "1_000"])
PLAIN_NUMBERS = st.from_regex(r"\A-?[0-9]{1,20}([.,][0-9]{1,20})?\Z", fullmatch=True)


@given(st.lists(st.one_of(st.none(), AWKWARD_NUMBERS, PLAIN_NUMBERS, NUMBER_LIKE), max_size=30), MARKS,
       st.booleans())
@example(["007", None, "0", "1" * 308, "12345678901234567890"], ".", False)   # digits only: cast at once
@example(["1" * 400, "5", None], ",", True)
def test_parse_numbers_reads_each_cell_as_the_scalar_function_does(cells, decimal_mark, money):
    """parse_numbers reads plain numbers with pyarrow, all at once: each value, each failed cell and its reason are
    the scalar function's (-0.0 included)."""
    import numpy as np

    from helpers.data.numbers import parse_numbers

    series = pd.Series(cells, dtype="str", index=range(10, 10 + len(cells)))
    values, failed, reasons = parse_numbers(series, decimal_mark, money=money)
    assert values.dtype == "float64" and values.index.equals(series.index)
    expected, errors = [], []
    for label, cell in series.items():
        try:
            value = parse_number(cell, decimal_mark, money=money)
        except ValueError as exc:
            value = None
            errors.append((label, str(exc)))
        expected.append(math.nan if value is None else value)
    assert list(zip(failed, reasons)) == errors
    np.testing.assert_array_equal(np.signbit(values.to_numpy()), np.signbit(expected))
    np.testing.assert_array_equal(values.to_numpy(), np.array(expected))


def test_parse_numbers_with_an_unknown_decimal_mark_refuses_each_filled_cell():
    """No shortcut reads a column with a decimal mark the scalar function refuses."""
    from helpers.data.numbers import parse_numbers

    for money in (False, True):
        values, failed, reasons = parse_numbers(pd.Series(["12", None, "7.5"], dtype="str"), "x", money=money)
        assert values.isna().all() and failed == [0, 2]
        assert reasons == ["decimal mark must be '.' or ',', not 'x'"] * 2


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
       st.sampled_from(["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d 10:30"]))
def test_a_date_in_an_accepted_format_reads_back(day, pattern):
    assert parse_date(day.strftime(pattern)) == day


@given(st.one_of(CELL, st.from_regex(r"\A\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\Z", fullmatch=True)))
def test_any_date_cell_is_a_date_or_a_value_error(text):
    try:
        day = parse_date(text)
    except ValueError as exc:
        assert str(exc)
        return
    assert day is None or parse_date(day.isoformat()) == day


LABELS = ["Réalisé", "En cours (avancé)", "Non réaalisé", "Prévue à partir du 25 mars 2021", "ANNULÉ",
          "Réalisé à 50 %", "En cours de validation"]


@given(st.one_of(CELL, st.sampled_from(LABELS)))
def test_any_status_label_is_a_code_or_none(label):
    assert normalise_status(label) in (*STATUS_CODES, None)
    assert normalise_status(label, {"Suspendu": "delayed"}) in (*STATUS_CODES, None)


# ----------------------------------------------------------------- the loader on generated tables


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@SLOW
@given(st.lists(NUMBER_LIKE, min_size=1, max_size=8), st.lists(NUMBER_LIKE, min_size=1, max_size=8), MARKS)
def test_the_loader_reads_each_cell_or_names_it(amounts, counts, decimal_mark):
    """expenditure.amount (money) and participation.participants (a count) from arbitrary cells."""
    with tempfile.TemporaryDirectory() as folder:
        mini = Mini.copy_to(Path(folder))
        mini.set_param("decimal_mark", decimal_mark)
        params = load_project_params("mini", mini.params_dir)
        mini.write("expenditure", "line;period_end;amount\n"
                   + "".join(f"B1;2020-12-31;{_csv_cell(a)}\n" for a in amounts))
        mini.write("participation", "event_id;participants;women\n"
                   + "".join(f"E{i};{_csv_cell(c)};\n" for i, c in enumerate(counts)))
        for name, column, cells, money in (("expenditure", "amount", amounts, True),
                                           ("participation", "participants", counts, False)):
            frame, problems = load_table(name, mini.path(name), params)
            assert frame is not None and len(frame) == len(cells)
            for problem in problems:
                assert problem.file.endswith(f"{name}.csv") and problem.message
                if problem.severity == "error":
                    assert problem.row is not None and problem.column, problem
            named = {(p.row, p.column) for p in problems if p.severity == "error"}
            for row, (cell, loaded) in enumerate(zip(cells, frame[column]), start=2):
                if (row, column) in named:
                    continue
                expected = parse_number(cell.strip(), decimal_mark, money=money)
                if expected is None:
                    assert pd.isna(loaded), (cell, loaded)
                else:
                    assert loaded == expected and math.isfinite(loaded), (cell, loaded)


# ----------------------------------------------------------------- a function of each distinct cell


@given(st.lists(st.one_of(st.none(), CELL, st.sampled_from(["Maroc", " maroc", "F", "f", ""])), max_size=30),
       st.booleans(), st.sampled_from(["str", bool]))
def test_each_distinct_typed_is_each_distinct_then_astype(cells, keep_missing, dtype):
    """each_distinct's ``dtype`` types the distinct results and spreads them: the same as typing every cell."""
    from helpers.data.model import each_distinct
    from helpers.text import fold

    def fn(value):   # text, None and a number: what the loader's functions return
        if not isinstance(value, str):
            return "vide"   # an empty cell gets a value, as the country's REGIONAL
        if value == "":
            return None
        return len(value) if value[0] == "F" else fold(value) or value

    for series in (pd.Series(cells, dtype="str"), pd.Series(cells + [1.5], dtype=object)):  # CSV; .xlsx cells
        expected = each_distinct(series, fn, keep_missing).astype(dtype)
        typed = each_distinct(series, fn, keep_missing, dtype=dtype)
        pd.testing.assert_series_equal(typed, expected)


@SLOW
@given(st.lists(CELL, min_size=1, max_size=6), st.booleans())
def test_the_readers_give_text_stripped_and_an_empty_cell_missing(cells, title):
    """loader._texts takes the readers' text as it is: each cell stripped as str.strip does, an empty one missing,
    from pyarrow's parser and from the csv module's (a title row above the header sends the file there)."""
    from helpers.data.loader import _texts
    from helpers.data.readers import read_table

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        # quoted only when it must be: a file without quotes nor spaces is read without stripping (readers.read_csv)
        written = [_csv_cell(c) if set(c) & set(';"') else c for c in cells]
        rows = "".join(f"{i};{c}\n" for i, c in enumerate(written))
        path.write_text(("Titre\n" if title else "") + "n;texte\n" + rows, encoding="utf-8")
        raw = read_table(path, "utf-8", [("n", "texte")])
        for column in (raw.frame["texte"], _texts(raw.frame["texte"], ".")):
            assert [None if pd.isna(v) else v for v in column] == [c.strip() or None for c in cells]


@given(st.one_of(st.text(st.characters(max_codepoint=127)), CELL,
                 st.tuples(st.sampled_from(["", " ", "\t", "\x1f"]), st.sampled_from(
                     ["TOTAL", "Sous-total", "sub total", "Grand Total", "Somme", "sums", "Totaux", "Cumul",
                      "ENSEMBLE", "Recapitulatif", "recap", "Tot.", "S/T"]),
                     st.text(st.characters(max_codepoint=127), max_size=8)).map("".join)))
def test_the_totals_shortcut_skips_no_text_that_says_total(text):
    """totals._may_say_total skips ASCII text that cannot begin with a total word: says_total is False on it."""
    from helpers.data import totals

    if not totals._may_say_total(text):
        assert not totals.says_total(text, {"maroc"})


@given(st.lists(st.one_of(st.none(), st.text(st.sampled_from(list(" \t\x0b\x1c\x1f\u00a0sSgGtTaxé1-cCrReEÉp")),
                                             max_size=5)), max_size=20))
@example([" \x1cS", "\x0bt", "\x1fgx", "\x1d\x1e total", " a", "é", "\u00a0s", None, ""])
@example(["Cumul", " ENSEMBLE x", "\x1fRécap", "RÉCAPITULATIF", "recap", "Ensemblier", "Crédit", "cumin", "\u00a0Cumul"])
def test_the_totals_shortcut_by_pyarrow_keeps_what_the_scalar_one_keeps(texts):
    """totals._texts_that_may_say_total: pyarrow's pattern on a column of text lets through the distinct texts that
    _may_say_total lets through, and no other."""
    from helpers.data import totals

    kept = totals._texts_that_may_say_total(pd.Series(texts, dtype="str"))
    assert len(kept) == len(set(kept))
    assert set(kept) == {t for t in texts if t is not None and totals._may_say_total(t)}
    assert set(kept) == set(totals._texts_that_may_say_total(pd.Series(texts, dtype=object)))


@given(st.lists(st.tuples(st.sampled_from(["R1", "R2", None]), st.sampled_from([1.0, 2.0, math.nan, -0.0, 0.0]),
                          st.sampled_from(["Maroc", None])), max_size=25))
def test_repeated_rows_compares_the_rows_whose_amount_repeats_as_it_would_compare_all(rows):
    """spec.repeated_rows compares only the rows whose amount repeats: the same warnings, naming the same rows, as
    comparing every row whose amount is known (the column renamed, so that nothing is left out). A row whose amount is
    not known (empty, or refused: « douze ») repeats nothing: its refusal is the one message."""
    from helpers.data.readers import RawTable
    from helpers.data.spec import repeated_rows

    frame = pd.DataFrame(rows, columns=["line", "amount", "country"], index=range(2, len(rows) + 2))
    raw = RawTable(Path("data/mini/expenditure.csv"), frame)
    known = frame[frame["amount"].notna()]
    assert repeated_rows(frame, raw) == repeated_rows(known.rename(columns={"amount": "sum"}), raw)


@given(st.lists(st.one_of(st.none(), CELL, st.sampled_from(["F", "femme", "H", "M", "chat", "Féminin", "1", "x"])),
                max_size=20), st.booleans())
def test_the_unknown_sexes_are_the_cells_whose_word_is_unknown(cells, typed):
    """loader._sexes finds the unknown words among the distinct values: the rows named are the cells, text or
    typed .xlsx values, whose folded word is neither empty nor a sex word."""
    from helpers.data import loader
    from helpers.data.readers import RawTable
    from helpers.text import SEX_WORDS, fold

    series = pd.Series(cells + [1, True, 1.0], dtype=object) if typed else pd.Series(cells, dtype="str")
    frame = pd.DataFrame({"sex": series.to_numpy()}, index=range(2, len(series) + 2)).astype({"sex": series.dtype})
    _, problems = loader._sexes(frame.copy(), RawTable(Path("data/mini/participation.csv"), frame))
    assert [p.row for p in problems] == [i for i, v in frame["sex"].items()
                                         if isinstance(v, str) and fold(v) and fold(v) not in SEX_WORDS]


@given(st.lists(st.one_of(st.floats(allow_infinity=False), st.sampled_from([-1.5, -0.0, -12.0, 1e-7])), max_size=30))
def test_the_row_warnings_show_each_row_s_value_as_a_lookup_of_it_does(amounts):
    """loader._table_warnings reads the values of the rows concerned in one call: the warnings are those made
    row by row with frame.at (the rows, their order, each value as format_number writes it)."""
    from helpers.data import loader
    from helpers.data.numbers import format_number
    from helpers.data.readers import RawTable
    from helpers.data.spec import SPEC

    frame = pd.DataFrame({"amount": amounts}, dtype="float64",
                         index=pd.Index(range(2, len(amounts) + 2), dtype="uint64"))
    raw = RawTable(Path("data/mini/expenditure.csv"), frame)
    expected = [raw.problem(w.rule, w.message, w.hint, index=index, column=w.column, severity="warning",
                            value=format_number(frame.at[index, w.column]) if w.show_value else None)
                for w in SPEC["expenditure"].warnings for index in frame.index[w.when(frame)]]
    assert loader._table_warnings("expenditure", frame, raw) == expected


@given(st.lists(st.sampled_from(["E1", "E2", "E3", "E10", "e1"]), max_size=40))
def test_first_positions_are_numpy_unique_first_indices(events):
    """The register's events: each one's first row, found from the running maximum of its codes as np.unique
    finds them by sorting."""
    import numpy as np

    from helpers.data.register import first_positions

    codes, _ = pd.factorize(pd.Series(events, dtype="str"), sort=False)
    assert first_positions(codes).tolist() == np.unique(codes, return_index=True)[1].tolist()


@given(st.lists(st.tuples(st.sampled_from(["E1", "E2", "E10"]), st.sampled_from(["f", "m", None]),
                          st.sampled_from(["Maroc", "maroc", None]), st.sampled_from([None, "2020-01-02", "2020-01-03"]),
                          st.booleans()), min_size=1, max_size=25), st.booleans())
def test_the_register_compared_row_by_row_says_what_each_first_row_says(rows, grouped):
    """register.aggregate: when each event's rows follow one another and each row holds what the row above
    it holds, nothing is compared with the event's first row; the events and problems are those of that comparison
    (it is made whenever a row differs)."""
    from unittest import mock

    from helpers.data import register
    from helpers.data.readers import RawTable

    if grouped:   # the shortcut's case: a register written event by event
        rows = sorted(rows, key=lambda row: row[0])
    events, sexes, countries, days, sample = zip(*rows)
    frame = pd.DataFrame({"event_id": pd.Series(events, dtype="str"), "sex": pd.Series(sexes, dtype="str"),
                          "country": pd.Series(countries, dtype="str"),
                          "start_date": pd.to_datetime(pd.Series(days, dtype=object)), "sample": list(sample)})
    frame.index = range(2, len(rows) + 2)
    raw = RawTable(Path("data/mini/participation.csv"), frame)
    aggregated, problems = register.aggregate(frame, raw)
    with mock.patch.object(register, "_same_as_above", return_value=False):
        expected, expected_problems = register.aggregate(frame, raw)
    pd.testing.assert_frame_equal(aggregated, expected)
    assert problems == expected_problems


@given(st.lists(st.one_of(st.none(), CELL, st.sampled_from(["treated", " Treated", "TRAITÉ", "traite", "1", "1.0",
                                                            "oui", "true", "0", "x", ""])), max_size=20),
       st.sampled_from(["treated", "traité", True, False, 1, 1.0, 0]))
def test_a_study_group_is_found_among_the_distinct_values(cells, wanted):
    """loader._study_groups looks at a text column's distinct values: whether a row has the wanted value, and whether
    another filled row has not, are what the whole column says."""
    from helpers.data.loader import _matches

    series = pd.Series(cells, dtype="str")
    distinct = pd.Series(series.unique(), dtype="str")
    hit, hit_distinct = _matches(series, wanted), _matches(distinct, wanted)
    assert hit.any() == hit_distinct.any()
    assert (series.notna() & ~hit).any() == (distinct.notna() & ~hit_distinct).any()
