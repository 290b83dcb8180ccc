"""Long tables and charts stay readable: ctx.table shows at most a page of rows and says what it leaves out;
ctx.top gives a chart no more bars than it can label."""

import re

import pandas as pd
import pytest

from helpers.annex import MAX_BARS, MAX_ROWS, Annex
from helpers.data.loader import load_project, scope
from helpers.data.params import load_annex_params


def annex(shown, language="fr"):
    params = load_annex_params("amem", "ensemble").model_copy(update={"language": language})
    data = load_project("amem")
    return Annex(params=params, project_data=data, data=scope(data, params.country), show=shown.append)


EVENTS = pd.DataFrame({"event_id": [f"E{i:05d}" for i in range(20_000)],
                       "participants": [(i * 7919) % 1000 for i in range(20_000)]})


@pytest.mark.parametrize("language, sentence", [
    ("fr", "Les 30\u00a0lignes affichées sont celles dont « Participants » est le plus élevé. 19\u202f970\u00a0autres lignes "
           "ne le sont pas ; toutes figurent dans ensemble.xlsx et ensemble.figures.csv."),
    ("en", "The 30\u00a0rows shown are those with the highest 'Participants'. 19,970\u00a0more rows are left out; every row "
           "is in ensemble.xlsx and ensemble.figures.csv."),
])
def test_a_long_table_shows_its_largest_rows_and_says_how_many_are_left_out(language, sentence):
    shown = []
    annex(shown, language).table(EVENTS, columns={"event_id": "event", "participants": "participants"},
                                 formats={"participants": "num"}, top="participants")
    table, note = shown
    rows = re.findall(r"<tr><td>(E\d+)</td>", table)
    assert len(rows) == MAX_ROWS == 30
    largest = EVENTS.sort_values("participants", ascending=False, kind="stable").head(30)["event_id"].tolist()
    assert rows == largest
    assert note == f'<p class="note">{sentence}</p>'.replace("'", "&#x27;")


def test_a_table_within_a_page_is_shown_whole_in_its_own_order():
    shown = []
    annex(shown).table(EVENTS.head(MAX_ROWS), columns={"event_id": "event"}, top="participants")
    assert len(shown) == 1
    assert re.findall(r"<td>(E\d+)</td>", shown[0]) == EVENTS.head(MAX_ROWS)["event_id"].tolist()


def test_without_a_sort_column_the_first_rows_are_shown():
    shown = []
    annex(shown, "en").table(EVENTS, columns={"event_id": "event"}, max_rows=5)
    assert re.findall(r"<td>(E\d+)</td>", shown[0]) == ["E00000", "E00001", "E00002", "E00003", "E00004"]
    assert "Only the first 5\u00a0rows are shown. 19,995\u00a0more rows are left out" in shown[1]


def test_a_chart_gets_at_most_max_bars_and_its_caption_says_how_many_are_not_drawn():
    import matplotlib.pyplot as plt

    shown = []
    ctx = annex(shown, "en")
    bars, left_out = ctx.top(EVENTS, "participants")
    assert len(bars) == MAX_BARS and left_out == len(EVENTS) - MAX_BARS
    assert bars["participants"].is_monotonic_decreasing
    assert ctx.top(EVENTS.head(3), "participants")[1] == 0
    ctx.figure(plt.figure(), fr="Légende.", en="Caption.", left_out=left_out)
    assert "<figcaption>Caption. 19,970\u00a0more are not drawn; all are in ensemble.xlsx.</figcaption>" in shown[0]


def test_the_workbook_holds_every_row_of_a_long_table(monkeypatch):
    """The note under a long table says every row is in the .xlsx; the workbook's sheet held the rows shown only:
    the sample's « Vérification » sheet had the 30 published figures shown of 37, PHY-01 to PHY-04 and IND-03 to
    IND-05 in no sheet with their verdict. The sheet has every row, in the order shown."""
    import io

    import IPython.display
    import nbformat
    import openpyxl

    from helpers.annex import context, excel

    outputs = []
    monkeypatch.setattr(IPython.display, "display", lambda data, raw=False: outputs.append(data))
    params = load_annex_params("amem", "ensemble")
    data = load_project("amem")
    ctx = Annex(params=params, project_data=data, data=scope(data, params.country), show=context._display_html)
    events = EVENTS.head(45)
    ctx.heading(fr="Participation", en="Participation")
    ctx.table(events, columns={"event_id": "event", "participants": "participants"}, formats={"participants": "num"},
              top="participants")
    table = outputs[1]
    assert len(re.findall(r"<tr><td>", table["text/html"])) == MAX_ROWS
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", data=o) for o in outputs]
    nb.cells.append(cell)
    book = openpyxl.load_workbook(io.BytesIO(excel.xlsx(nb, pd.DataFrame(columns=["section"]), lang="fr")))
    rows = [r for r in book["Participation"].iter_rows(values_only=True) if r[0] and str(r[0]).startswith("E")]
    ordered = events.sort_values("participants", ascending=False, kind="stable")
    assert [(r[0], r[1]) for r in rows] == list(zip(ordered["event_id"], ordered["participants"]))
