"""A small annex made the way a build makes one, without a kernel: outputs as ctx.heading/say/note/table/figure
display them (the HTML and, for tables, the structured form), merged into one notebook and rendered by export.render.
It holds what the Word and Excel writers must handle: a title block, two sections with sub-headings, captioned and
uncaptioned tables, percentages, amounts, p-values, RAG ratings, a missing value, a figure, a section without data,
and labels that try to be HTML or a spreadsheet formula."""

from __future__ import annotations

import base64
import datetime as dt
import io

import nbformat
import pandas as pd

from helpers.annex import TABLE_MIME, export, table_data, table_html

SCRIPT = '<script>alert("x")</script>'
FORMULA = '=HYPERLINK("http://example.org","clic")'
WHEN = dt.datetime(2020, 12, 31, tzinfo=dt.timezone.utc)
WORDS = {"fr": {"section1": "Exécution physique", "sub": "Par pays", "section2": "Vérification des chiffres publiés",
                "section3": "Études d'impact", "caption": "Activités par statut", "fig": "Taux par pays"},
         "en": {"section1": "Physical execution", "sub": "By country", "section2": "Check of published figures",
                "section3": "Impact studies", "caption": "Activities by status", "fig": "Rate by country"}}


def _png() -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 1.5))
    ax.barh(["R1", "R3"], [66.7, 0.0])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _html(markup: str):
    return nbformat.v4.new_output("display_data", data={"text/html": markup})


def _table(frame, columns, formats, lang, rag=None, caption=None):
    data = table_data(frame, columns, formats, lang, "USD", rag, caption)
    return nbformat.v4.new_output("display_data", data={"text/html": table_html(data), TABLE_MIME: data})


def notebook(lang: str = "fr") -> nbformat.NotebookNode:
    w = WORDS[lang]
    status = pd.DataFrame({"status": ["done", "in_progress"], "n": [2, 3], "share": [40.0, 60.0],
                           "amount": [1005500.0, float("nan")], "rag": ["green", "amber"]})
    countries = pd.DataFrame({"country": ["Maroc", SCRIPT, FORMULA], "rate": [66.666, 0.0, 37.5],
                              "p": [0.0004, 0.0496, float("nan")]})
    checks = pd.DataFrame({"figure_id": ["GEN-05", "-2"], "reported": ["27", "=1+1"], "status": ["truncated", "match"]})
    cells = [
        [_html(f"<h2>{w['section1']}</h2>"), _html('<p class="note">Critère CAD-OCDE : efficience.</p>'),
         _html("<p>Sur <strong>5</strong> activités, <strong>2</strong> sont réalisées.</p>")],
        [_table(status, {"status": "status", "n": "n", "share": ("Part", "Share"), "amount": "budget", "rag": "rag"},
                {"status": "word", "n": "num", "share": "pct", "amount": "money", "rag": "word"}, lang, rag="rag",
                caption=w["caption"])],
        [_html(f"<h3>{w['sub']}</h3>"),
         _table(countries, {"country": "country", "rate": "physical_execution_rate", "p": "p_value"},
                {"rate": "pct", "p": "p"}, lang),
         _html(f'<figure><img alt="{w["fig"]}" src="data:image/png;base64,{_png()}"/>'
               f'<figcaption>{w["fig"]}</figcaption></figure>')],
        [_html(f"<h2>{w['section2']}</h2>"),
         _table(checks, {"figure_id": ("Réf.", "Ref."), "reported": "reported", "status": "status"},
                {"reported": "printed", "status": "word"}, lang, rag="status")],
        [_html(f"<h2>{w['section3']}</h2>"), _html('<p class="no-data">Aucune étude.</p>')],
    ]
    nb = nbformat.v4.new_notebook()
    for outputs in cells:
        cell = nbformat.v4.new_code_cell("ctx.show()")
        cell.outputs = outputs
        nb.cells.append(cell)
    return nb


def page(lang: str = "fr") -> str:
    facts = ([("Projet", "AMEM"), ("Pays", "Maroc"), ("Date de rapport", "31 décembre 2020")] if lang == "fr" else
             [("Project", "AMEM"), ("Country", "Morocco"), ("Reporting date", "31 December 2020")])
    return export.render(notebook(lang), {
        "lang": lang, "title": "Appui à la migration équitable pour le Maghreb (AMEM)",
        "kicker": TITLE_KICKER[lang], "facts": facts,
        "provenance": [("data/amem/activities.csv", "0" * 64), ("git commit", "abc123")]})


TITLE = "Appui à la migration équitable pour le Maghreb (AMEM)"
TITLE_KICKER = {"fr": "Annexe d'évaluation — Maroc", "en": "Evaluation annex — Morocco"}
