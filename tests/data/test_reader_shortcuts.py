"""The reader's shortcuts for large CSV files (issue 22) say exactly what the cell-by-cell checks would find:
a control character anywhere in the bytes (has_control), a column whose longest cell fits (its Arrow byte lengths),
and the first record read from a head of the text."""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.data import readers
from helpers.data.inputs import CONTROL
from helpers.data.readers import MAX_CELL_CHARS, has_control, read_table

# every character class the pattern has an edge in, and UTF-8 neighbours of C1 controls (U+00A0, U+0100, U+0180)
CHARS = ["a", " ", "\t", "\n", "\r", "\x00", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\x7f", "\x80", "\x9f", "\xa0",
         "é", "«", "\u0100", "\u0180", "\u2028", "€", "\ufeff", "😀"]


def test_has_control_is_the_control_pattern_on_utf8_bytes():
    for text in map("".join, itertools.product(CHARS, repeat=2)):
        assert has_control(text.encode("utf-8")) is (CONTROL.search(text) is not None), repr(text)


def test_a_too_long_cell_is_still_found_in_a_large_file(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n" + "1,x\n" * 10_000 + "2," + "z" * (MAX_CELL_CHARS + 5) + "\n", encoding="utf-8")
    table = read_table(path, "utf-8", [("a", "b")])
    assert [(p.rule, p.row, p.column) for p in table.problems] == [("cell_too_long", 10_002, "b")]


@pytest.mark.parametrize("where", [0, 1, 2])
def test_a_too_long_cell_is_found_in_any_chunk_of_a_column(where):
    """_may_be_long looks at a column's Arrow chunks one by one (pyarrow reads a large file in blocks): a long cell
    in any of them, beside empty and all-missing chunks, is found."""
    import pandas as pd
    import pyarrow as pa

    chunks = [["a", None], [], [None, None], ["b", "c"]]
    chunks[[0, 2, 3][where]].append("z" * (MAX_CELL_CHARS + 1))
    column = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks, type=pa.large_string())))
    assert readers._may_be_long(column)
    assert not readers._may_be_long(column.str.slice(0, MAX_CELL_CHARS))


@pytest.mark.parametrize("extra, found", [(0, False), (1, True)])
def test_a_cell_of_accented_letters_is_measured_in_characters_not_bytes(tmp_path, extra, found):
    path = tmp_path / "t.csv"   # 'é' takes two bytes: the column's byte length is over the limit, its cells are not
    path.write_text("a,b\n1," + "é" * (MAX_CELL_CHARS + extra) + "\n2,x\n", encoding="utf-8")
    table = read_table(path, "utf-8", [("a", "b")])
    assert [p.rule for p in table.problems] == (["cell_too_long"] if found else [])


def test_a_header_longer_than_the_first_head_read_is_read_whole(tmp_path):
    names = [f"column_{i}" for i in range(8_000)]   # about 95,000 characters: more than one head of the text
    path = tmp_path / "wide.csv"
    path.write_text(",".join(names) + "\n" + ",".join("1" for _ in names) + "\n", encoding="utf-8")
    table = read_table(path, "utf-8", [("column_0",)])
    assert list(table.frame.columns) == names and table.frame.shape == (1, len(names))
    assert not table.problems


def test_a_first_record_with_line_breaks_in_quotes_is_read_as_csv_reads_it(tmp_path):
    long_quoted = '"' + "ligne\n" * 20_000 + '"'    # a header cell of 120,000 characters over 20,000 lines
    path = tmp_path / "quoted.csv"
    path.write_text(f"a,{long_quoted},c\n1,2,3\n", encoding="utf-8")
    table = read_table(path, "utf-8", [("a",)])
    expected = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    assert len(table.frame.columns) == len(expected) == 3
    assert readers.header_name(expected[1]) in table.frame.columns


@pytest.mark.parametrize("non_ascii", [False, True])
def test_ambiguous_cells_are_the_cells_the_pattern_matches(non_ascii):
    import re

    import numpy as np
    import pandas as pd

    from helpers.data.numbers import AMBIGUOUS_PATTERN, ambiguous_cells

    cells = ["12,000", " 1.234 ", "+1,000\t", "-12.345", "1,000\n", "1234,000", "12,0000", "1.5", "", "abc", "7,500 ",
             "3 000,000", "1.000,000", "1,000,000 "]   # grouped: the last group may be three decimals
    if non_ascii:   # a column with one non-ASCII cell goes through Python's re: no-break space, minus, Arabic digits
        cells += ["\u00a012,000", "\u22121,500", "١٢,٠٠٠", "12\u202f000", "3\u202f000,000"]
    series = pd.Series(cells + [None], dtype="str")
    pattern = re.compile(AMBIGUOUS_PATTERN)
    expected = np.array([isinstance(c, str) and pattern.fullmatch(c) is not None for c in series])
    assert (ambiguous_cells(series) == expected).all()
    assert expected[:4].all() and expected[10:13].all() and not expected[4:10].any()   # the cases say what they test



@given(st.lists(st.one_of(st.none(), st.text(st.sampled_from(CHARS + ["1", "\u2029", "\u3000", "\x85"]), max_size=4)),
                max_size=12), st.integers(0, 12), st.integers(0, 2))
def test_a_column_said_to_have_no_edge_space_is_the_same_stripped(cells, cut, offset):
    """readers._may_have_edge_space: a column it passes is one that pyarrow's strip and str.strip leave unchanged,
    whatever its chunks and their offsets in their buffers."""
    import pyarrow as pa
    import pyarrow.compute as pc

    shifted = pa.array(["x"] * offset + cells, type=pa.large_string())[offset:]   # a chunk whose offset is not 0
    column = pa.chunked_array([shifted[:cut], shifted[cut:]], type=pa.large_string())
    if not readers._may_have_edge_space(column):
        assert pc.utf8_trim_whitespace(column).equals(column)
        assert all(c is None or c == c.strip() for c in cells)
    assert not readers._may_have_edge_space(pa.chunked_array([["a b", None, "Sénégal"]], type=pa.large_string()))
    for edge in (" a", "a ", "a\t", "a\u00a0", "\u3000a", "a\u2029", "a\x85", " "):
        assert readers._may_have_edge_space(pa.chunked_array([["b"], ["c", edge]], type=pa.large_string())), edge


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
@pytest.mark.parametrize("line_end", ["\r\n", "\n"])
def test_excel_s_sep_line_is_not_a_row(tmp_path, delimiter, line_end):
    """Excel's hint line « sep=; » above the header (Excel hides it): split at its own ';' it is the cells 'sep=' and
    '', and was taken for the header when no required column is named (a survey export: every column « without a
    header », the YAML's columns « missing »); a table's header was found below it, but each row numbered one more
    than Excel shows. The line gives the delimiter and is no row."""
    path = tmp_path / "t.csv"
    path.write_text(f"sep={delimiter}{line_end}" + line_end.join(
        delimiter.join(cells) for cells in (["line", "amount"], ["B1", "10"], ["B2", "20"])) + line_end,
                    encoding="utf-8")
    for required in ((), (["line", "amount"],)):
        table = read_table(path, required_sets=required)
        assert table.problems == [] and table.header_row == 1 and table.titles == []
        assert list(table.frame.columns) == ["line", "amount"] and list(table.frame.index) == [2, 3]


@given(st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "é", " ", "", "R0001", "😀"])), max_size=40),
       st.lists(st.integers(0, 40), max_size=4))
def test_factorized_is_pandas_factorize_on_arrow_text_in_chunks(cells, cuts):
    """model.factorized (Arrow's dictionary encoding of a text column read in blocks) gives pd.factorize's codes and
    distinct values, in the order they first appear, an empty cell -1, whatever the chunks."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    from helpers.data.model import factorized

    bounds = [0, *sorted(c for c in cuts if c <= len(cells)), len(cells)]
    chunked = pa.chunked_array([pa.array(cells[a:b], type=pa.large_string()) for a, b in zip(bounds, bounds[1:])],
                               type=pa.large_string())
    series = pd.Series(chunked.to_pandas(types_mapper={pa.large_string(): pd.StringDtype(na_value=float("nan"))}.get))
    assert series.array.__arrow_array__().num_chunks == max(1, len(bounds) - 1)   # (the chunks kept, as read)
    codes, distinct = factorized(series)
    expected_codes, expected = pd.factorize(series)
    assert np.array_equal(codes, expected_codes) and distinct.equals(expected)
    assert factorized(pd.Series([1.0, None, 1.0]))[0].tolist() == [0, -1, 0]   # not Arrow text: pandas' own


LIMIT = csv.field_size_limit()
# a title row above the header makes the reader read with the csv module (its slow path), where the cell's limit is met


@pytest.mark.parametrize("tail, rule, said", [
    ('"' + "x" * (LIMIT + 10) + '",1\n', "cell_too_long", f"this cell holds {LIMIT + 10:,} characters"),
    ('"never closed' + "x" * LIMIT + "\n", "csv_cell_limit", "is never closed, so the rest of the file reads as one"),
    ('"opened\n' + ("y" * 50_000 + "\n") * 3 + 'closed",1\n', "csv_cell_limit", "the next one is 4 lines below"),
])
def test_a_cell_over_the_csv_module_s_limit_is_said_with_its_column_and_why(tmp_path, tail, rule, said):
    # a text of 50 MB between its two quotes was « a cell starting in this row ... most often a quote never closed »,
    # with the row and no column, whatever the cell
    from helpers.pipeline.messages import translated

    path = tmp_path / "t.csv"
    path.write_text("Suivi 2021\nlabel,budget\nA,1\n" + tail, encoding="utf-8")
    table = read_table(path, "utf-8", [("label", "budget")])
    assert [(p.rule, p.row, p.column) for p in table.problems] == [(rule, 4, "label")]
    assert said in table.problems[0].message
    french = translated(table.problems[0], "fr")
    assert french.message != table.problems[0].message and "cell" not in french.message.replace("cellule", "")


def test_a_long_cell_without_a_header_is_named_by_its_place_in_the_row(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Suivi 2021\nlabel,\nA,1\nB," + "x" * (LIMIT + 1) + "\n", encoding="utf-8")
    problem, = read_table(path, "utf-8", [("label",)]).problems
    assert (problem.rule, problem.row, problem.column) == ("cell_too_long", 4, None)
    assert problem.message.startswith("this cell (cell 2 of the row) holds")


@pytest.mark.parametrize("text, said", [
    # a comment of two lines, as many commas on its second as the header: a text, not a row (was refused)
    ('line,budget,label\nB1,100000,"Personnel du projet,\nexperts, consultants, chauffeurs"\nB2,50000,Activités\n',
     []),
    ('line,budget,label\r\nB1,100000,"Personnel du projet,\nexperts, consultants, chauffeurs"\r\nB2,50000,Activités\r\n',
     []),
    # the row B2 read into B1's label up to the quote of its « 12" », its category after it (was read so, silent)
    ('line,budget,country,label,category\nB1,100000,Maroc,"Personnel,staff\nB2,50000,Maroc,Écran 12",operational\n'
     'B3,80000,Tunisie,Activités,operational\n', [("unclosed_quote", 2, "label")]),
    # the same, a ';' file of French Excel, the quote opened in the first of two text columns
    ('ligne;montant;libellé;catégorie\nR1;100;"Personnel;staff\nR2;50;Écran 12";operational\nR3;80;Divers;staff\n',
     [("unclosed_quote", 2, "libellé")]),
    # the same under an index column without a header (pandas' to_csv, Excel's row numbers): was read so, silent
    (',line,budget,country,label,category\n0,B1,100000,Maroc,"Personnel,staff\n1,B2,50000,Maroc,Écran 12",operational\n'
     '2,B3,80000,Tunisie,Activités,operational\n', [("unclosed_quote", 2, "label")]),
    (';ligne;montant;libellé;catégorie\n0;R1;100;"Personnel;staff\n1;R2;50;Écran 12";operational\n2;R3;80;Divers;staff\n',
     [("unclosed_quote", 2, "libellé")]),
    # under that index column, a one-word comment line then as many commas as the header: a text, not a row
    (',line,budget,label,category\n0,B1,100000,"Personnel\nRemarque,,,,",staff\n1,B2,50000,Activités,operational\n',
     [("unnamed_column", 1, None)]),
    (',label,budget,country,category\n0,Personnel,100000,Maroc,"staff\nRemarque,,,,"\n1,Activités,50000,Maroc,operational\n',
     [("unnamed_column", 1, None)]),
])
def test_a_row_read_into_a_cell_is_told_from_a_text_of_several_lines(tmp_path, text, said):
    path = tmp_path / "budget.csv"
    path.write_bytes(text.encode("utf-8"))
    table = read_table(path, "utf-8", [("line", "budget"), ("ligne", "montant")])
    assert [(p.rule, p.row, p.column) for p in table.problems] == said


@pytest.mark.parametrize("subtotal", ["TUNISIE" + "\u200b" * 60, "Tunisie :" + " " * 60, "T\u0332unisie"])
def test_a_country_s_subtotal_is_found_whatever_the_text_s_length(tmp_path, subtotal):
    """totals._name_alone folds only the texts of rows without a country (folding every label of a large table took
    2.6 s of the portfolio's check): a country's name padded with invisible characters or spaces, or with a combining
    mark, alone on a row without a country, is still its subtotal."""
    from fixtures.mini_project import Mini

    mini = Mini.copy_to(tmp_path)
    mini.append("budget", f"{subtotal},80000,,,")
    refused = [(p.rule, p.row) for p in mini.check() if p.rule == "totals_row"]
    assert refused == [("totals_row", 6)], refused
