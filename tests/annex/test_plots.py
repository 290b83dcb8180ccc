"""The annex figures speak the annex language: tick and value labels read '0,2' and '1 000' in French."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from helpers.annex import Annex, fmt, plots
from helpers.data.loader import load_project, scope
from helpers.data.params import load_annex_params

NBSP = "\u00a0"
NNBSP = "\u202f"   # French thousands and before %


def _labels(fig) -> dict[str, list[str]]:
    """The tick label texts of a drawn figure, as a reader sees them."""
    fig.canvas.draw()
    ax = fig.axes[0]
    return {"x": [t.get_text() for t in ax.get_xticklabels() if t.get_text()],
            "y": [t.get_text() for t in ax.get_yticklabels() if t.get_text()],
            "texts": [t.get_text() for t in ax.texts]}


def _forest(lang: str):
    frame = pd.DataFrame({"name": ["Ensemble", "Femmes"], "estimate": [0.21, 0.12], "ci_low": [0.05, -0.1],
                          "ci_high": [0.37, 0.34]})
    return plots.forest(frame, "name", title="t", xlabel="x", fmt_value=lambda v: fmt.number(v, 2, lang), lang=lang)


def _stacked(lang: str):
    counts = pd.DataFrame({"name": ["R1", "R1", "R2"], "status": ["done", "in_progress", "done"],
                           "n": [1200, 800, 2500]})
    return plots.stacked_status(counts, "name", "status", "n", order=["done", "in_progress"],
                                labels={"done": "Réalisé", "in_progress": "En cours"}, title="t", xlabel="x",
                                lang=lang)


def test_decimal_ticks_follow_the_language():
    fr, en = _labels(_forest("fr")), _labels(_forest("en"))
    assert any("," in t for t in fr["x"]) and not any("." in t for t in fr["x"]), fr
    assert any("." in t for t in en["x"]) and not any("," in t for t in en["x"]), en
    assert "0,21" in fr["texts"] and "0.21" in en["texts"]          # value labels too


def test_thousands_ticks_follow_the_language():
    fr, en = _labels(_stacked("fr")), _labels(_stacked("en"))
    assert f"1{NNBSP}000" in fr["x"] and "1,000" in en["x"], (fr, en)
    assert fr["y"] == ["R1", "R2"]                                  # category labels are left as they are


def test_hbar_percent_ticks_and_values(tmp_path):
    frame = pd.DataFrame({"name": ["a", "b"], "rate": [12.5, 87.25]})
    fig = plots.hbar(frame, "name", "rate", title="t", xlabel="x", lang="fr",
                     fmt_value=lambda v: fmt.percent(v, 1, "fr"))
    labels = _labels(fig)
    assert labels["texts"] == [f"12,5{NNBSP}%", f"87,2{NNBSP}%"] or labels["texts"] == [f"12,5{NNBSP}%", f"87,3{NNBSP}%"]
    assert labels["x"][:3] == ["0", "20", "40"]


def test_the_status_chart_counts_every_activity_of_its_table():
    """Activities without a known status (« unknown »: analyses.execution counts them, the table shows them) are a
    segment of their bar, « Sans statut », after the others: the chart dropped them, Tunisie's bar read 1 activity
    where its table read 3."""
    from helpers.analyses import execution

    acts = pd.DataFrame({"country": ["Maroc"] * 4 + ["Tunisie"] * 3, "weight": float("nan"),
                         "status": ["done", "done", None, "in_progress", None, "Suspendu", "done"]})
    counts = execution.activity_status_count(acts, by="country")
    codes = (*execution.STATUS_CODES, execution.UNKNOWN)
    fig = plots.stacked_status(counts, "country", "status", "n", order=list(execution.STATUS_CODES),
                               labels={c: fmt.word(c, "fr") for c in codes}, title="t", xlabel="x")
    table = counts.groupby("country")["n"].sum()
    assert fig.annex_summary["items"] == [(name, None, float(n)) for name, n in table.items()] == \
        [("Maroc", None, 4.0), ("Tunisie", None, 3.0)]
    assert fig.annex_summary["parts"] == ["Réalisé", "En cours", "Sans statut"]
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["Réalisé", "En cours", "Sans statut"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_annex_localises_every_figure_it_embeds(language):
    """A figure made without saying the language (as an older notebook would) still gets the annex's ticks."""
    params = load_annex_params("amem", "ensemble").model_copy(update={"language": language})
    data = load_project("amem")
    shown: list[str] = []
    ctx = Annex(params=params, project_data=data, data=scope(data, params.country), show=shown.append)
    counts = pd.DataFrame({"name": ["R1"], "status": ["done"], "n": [2500]})
    fig = plots.stacked_status(counts, "name", "status", "n", order=["done"], labels={}, title="t", xlabel="x")
    ctx.figure(fig, fr="f", en="e")
    expected = f"1{NNBSP}200" if language == "fr" else "1,200"
    assert expected in _labels(fig)["x"] and shown[0].startswith("<figure>")


def test_the_spending_curve_marks_the_reporting_date_when_spending_goes_on_after_it():
    """A period after the reporting date is drawn apart (grey, dotted), as no figure counts it: a line and its
    label say where the figures stop; a curve that ends by the reporting date has neither."""
    import datetime as dt

    periods = pd.DataFrame({"period_end": pd.to_datetime(["2021-06-30", "2021-12-31", "2022-06-30"]),
                            "cumulative": [30_000.0, 80_000.0, 85_000.0]})
    common = dict(pace=None, title="t", ylabel="EUR", spent_label="spent", pace_label="pace", fmt_value=str)
    after = plots.burn(periods, "period_end", "cumulative", reporting=(dt.date(2021, 12, 31), "date de rapport"),
                       after_label="non comptées", **common)
    texts = [t.get_text() for t in after.axes[0].texts]
    assert "date de rapport" in texts and len(after.axes[0].lines) == 3   # reporting date, counted, after
    counted, later = after.axes[0].lines[1:]
    # The blue curve ends at the spending the annex states (80 000 at the reporting date); the period after it is
    # grey and dotted, from that point on, and named so in the legend.
    assert list(counted.get_ydata()) == [30_000.0, 80_000.0] and list(later.get_ydata()) == [80_000.0, 85_000.0]
    assert later.get_linestyle() == ":" and later.get_color() != counted.get_color()
    assert [t.get_text() for t in after.axes[0].get_legend().get_texts()] == ["spent", "non comptées"]
    before = plots.burn(periods.iloc[:2], "period_end", "cumulative",
                        reporting=(dt.date(2021, 12, 31), "date de rapport"), **common)
    assert "date de rapport" not in [t.get_text() for t in before.axes[0].texts]
    assert len(before.axes[0].lines) == 1


DOLLAR_LABELS = ["R1 Coût en $ US et $ local", "R2 50 % de $x$", "R3 Ligne $x_$", "R4 col\tval", "R5 un\ndeux"]


@pytest.mark.parametrize("chart", ["hbar", "stacked_status"])
def test_labels_with_dollars_tabs_and_line_breaks_are_drawn_as_written(chart):
    """A budget line's label with two '$' was drawn by mathtext: 'Coût en $ US et $ local' read « Coût en USet
    local » in italics, '$x$' an italic x, and 'Ligne $x_$' stopped the notebook (ValueError at drawing); a tab
    was a box."""
    import io

    from matplotlib import cbook

    if chart == "hbar":
        frame = pd.DataFrame({"name": DOLLAR_LABELS, "share": [53.6, 17.7, 13.1, 10.0, 3.9]})
        fig = plots.hbar(frame, "name", "share", title="Part en $ et $", xlabel="% $ $",
                         fmt_value=lambda v: fmt.percent(v, 1, "fr"), lang="fr")
    else:
        counts = pd.DataFrame({"name": DOLLAR_LABELS, "status": ["done"] * 5, "n": [1, 2, 3, 4, 5]})
        fig = plots.stacked_status(counts, "name", "status", "n", order=["done"], labels={"done": "$a$ fait"},
                                   title="Part en $ et $", xlabel="% $ $", lang="fr")
    fig.savefig(io.BytesIO(), format="png")   # mathtext parses at drawing: 'Ligne $x_$' raised here
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.get_yticklabels()] + [ax.get_title(loc="left"), ax.get_xlabel()]
    texts += [t.get_text() for t in ax.get_legend().get_texts()] if ax.get_legend() else []
    assert not any(cbook.is_math_text(t) for t in texts), texts
    shown = [t.replace(r"\$", "$") for t in texts]
    assert sorted(shown[:5]) == sorted(["R1 Coût en $ US et $ local", "R2 50\u202f% de $x$", "R3 Ligne $x_$",
                                        "R4 col val", "R5 un deux"])
    assert shown[5:7] == ["Part en $ et $", "% $ $"]


def test_a_long_title_from_the_data_is_wrapped_not_widening_the_figure():
    """A study's outcome label of 137 characters, the title of its forest plot, made the PNG 1 413 px wide where
    the others are about 690 (bbox_inches="tight"): on the page and at Word's text width the chart was half as
    large. It is wrapped, the figure taller by its lines, the chart the same height."""
    import io

    import matplotlib.pyplot as plt
    from PIL import Image

    long = ("Proportion de travailleurs migrants ayant un contrat de travail écrit conforme à la législation "
            "nationale au moment de l'enquête de suivi")
    frame = pd.DataFrame({"name": ["Ensemble", "Femmes"], "estimate": [0.18, 0.2], "ci_low": [0.1, 0.05],
                          "ci_high": [0.25, 0.3]})
    sizes, heights = [], []
    for title in (long, "Contrat formel"):
        fig = plots.forest(frame, "name", title=title, xlabel="Effet estimé", fmt_value=str)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
        heights.append(fig.axes[0].get_window_extent().height)
        plt.close(fig)
        sizes.append(Image.open(buffer).size)
    assert sizes[0][0] <= sizes[1][0] * 1.1, sizes
    assert abs(heights[0] - heights[1]) <= 0.1 * heights[1], heights


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_character_the_figure_cannot_draw_is_said_in_its_caption(language):
    """An emoji in a budget line's label was a box in the chart, said only in the kernel's log (matplotlib's
    warning); the tables show it. The caption now names it; a figure that draws every character says nothing."""
    params = load_annex_params("amem", "ensemble").model_copy(update={"language": language})
    data = load_project("amem")
    shown: list[str] = []
    ctx = Annex(params=params, project_data=data, data=scope(data, params.country), show=shown.append)
    for label in ("R1 Formation 🎓", "R1 ورشة عمل"):
        frame = pd.DataFrame({"name": [label], "share": [53.6]})
        ctx.figure(plots.hbar(frame, "name", "share", title="t", xlabel="x", fmt_value=str), fr="Part", en="Share")
    said = "ne sait pas dessiner" if language == "fr" else "cannot draw"
    assert said in shown[0] and "🎓" in shown[0].split("<figcaption>")[1]
    assert said not in shown[1]


def test_a_negative_value_has_its_bar_and_its_value_beside_it():
    """A decreasing indicator gone the wrong way (baseline 20, target 10, actual 25: -50 % of its target) had no bar
    in the chart of achievements (the axis started at 0) and its '-50,0 %' printed left of the chart, away from its
    row. The axis now starts below it, and the value is printed at the bar's end, clear of the labels."""
    frame = pd.DataFrame({"key": ["P1.1.a", "I.2.2", "R1.a"], "v": [-50.0, 50.0, 130.0]})
    fig = plots.hbar(frame, "key", "v", title="t", xlabel="x", fmt_value=lambda v: fmt.percent(v, 1, "fr"),
                     reference=100, lang="fr")
    fig.canvas.draw()
    ax = fig.axes[0]
    assert ax.get_xlim()[0] < -50
    value = next(t for t in ax.texts if t.get_text() == f"-50,0{NNBSP}%")
    box, axes_box = value.get_window_extent(), ax.get_window_extent()
    assert box.x0 >= axes_box.x0 and box.x1 <= ax.transData.transform((-50, 0))[0] + 1
    ticks = [t.get_window_extent() for t in ax.get_yticklabels() if t.get_text()]
    assert not any(box.overlaps(t) for t in ticks)


def test_an_arabic_label_is_drawn_joined_and_right_to_left():
    """matplotlib before 3.11 drew Arabic letter by letter, each in its isolated form and left to right (« ليبيا »
    came out as ا ي ب ي ل unjoined): a Libya annex's label was garbled with no word said. The pinned matplotlib
    (3.11.2, requirements.txt) lays text out with libraqm, which joins and orders it: the label's glyphs are the
    joined forms (lam initial, beh final: U+FEDF, U+FE90 in the font), lam right of beh. This fails if the pin goes
    back below 3.11, where a warning or another way would be needed."""
    from matplotlib import _text_helpers
    from matplotlib.font_manager import FontProperties, get_font, findfont

    fig = plots.hbar(pd.DataFrame({"name": ["لب"], "share": [10.0]}), "name", "share", title="t", xlabel="x",
                     fmt_value=str)
    assert _labels(fig)["y"] == ["لب"]
    font = get_font(findfont(FontProperties(family="DejaVu Sans")))
    font.set_size(9, 100)
    glyphs = [(item.glyph_index, item.x) for item in _text_helpers.layout("لب", font)]
    lam, beh = font.get_char_index(0xFEDF), font.get_char_index(0xFE90)
    assert lam and beh and sorted(g for g, _ in glyphs) == sorted([lam, beh])
    assert dict(glyphs)[lam] > dict(glyphs)[beh]


def test_an_event_study_of_a_revenue_numbers_its_axis_with_one_number_of_decimals():
    """The notebook's value format (two decimals below 10, none above) numbered the gap's axis of the sample's
    « Revenu mensuel (EUR) » as « -50, 0,00, 50, 100, 150 ». The axis now follows the annex language as every
    numeric axis does: « -50, 0, 50, 100, 150 »; a small gap keeps the decimals its ticks need."""
    import re

    def ticks(estimates, lows, highs):
        leads = pd.DataFrame({"period": ["2017", "2019", "2021"] * 2, "relative": [-1, 0, 1] * 2,
                              "weighted": [False] * 3 + [True] * 3, "estimate": estimates, "ci_low": lows,
                              "ci_high": highs})
        fig = plots.event_study(leads, series={False: "sans pondération", True: "pondéré"}, title="Revenu",
                                xlabel="Période", ylabel="Écart", programme_label="programme", lang="fr")
        fig.canvas.draw()
        return [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]

    revenue = ticks([-22.9, 0, 143.2, -8.4, 0, 94.1], [-49.6, None, 104.0, -46.4, None, 52.7],
                    [3.8, None, 182.4, 29.6, None, 135.5])
    assert "0" in revenue and "50" in revenue and not any("," in t for t in revenue), revenue
    assert all(re.fullmatch(r"[−-]?\d+", t) for t in revenue), revenue
    small = ticks([-0.06, 0, 0.24, -0.03, 0, 0.13], [-0.13, None, 0.14, -0.13, None, 0.03],
                  [0.01, None, 0.34, 0.08, None, 0.23])
    decimals = {len(t.split(",")[1]) if "," in t else 0 for t in small}
    assert len(decimals) == 1 and decimals != {0}, small


def test_a_rated_bar_says_its_rating_in_words_beside_its_value():
    """The « % de la cible finale » chart told green from red by colour alone: in greyscale print, and for a
    red-green colour-blind reader, « Vert » (#3a8f5c) and « Rouge » (#c8443a) bars looked alike. Each rated bar
    now has its rating after its value, as the IPTT's « Appréciation » column has it."""
    frame = pd.DataFrame({"key": ["R1.a", "P1.1.a", "I.2.2"], "pct": [100.0, 38.67, 0.0]})
    fig = plots.hbar(frame, "key", "pct", title="% de la cible finale", xlabel="x", lang="fr",
                     fmt_value=lambda v: fmt.percent(v, 1, "fr"), colors=[plots.RAG["green"], plots.RAG["red"],
                                                                        plots.RAG["red"]],
                     marks=[fmt.word("green", "fr"), fmt.word("red", "fr"), fmt.word("red", "fr")], reference=100)
    assert _labels(fig)["texts"][:3] == [f"100,0{NNBSP}% · Vert", f"38,7{NNBSP}% · Rouge", f"0,0{NNBSP}% · Rouge"]
    unrated = plots.hbar(frame, "key", "pct", title="t", xlabel="x", fmt_value=lambda v: fmt.percent(v, 1, "fr"),
                         marks=[None, "", None])
    assert _labels(unrated)["texts"] == [f"100,0{NNBSP}%", f"38,7{NNBSP}%", f"0,0{NNBSP}%"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_spending_curve_reads_months_and_its_unit_once(language):
    """The spending curve's axis read « 2018-07 » and « 0 k, 500 k » beside an axis titled « USD »: its months are
    the annex language's (« juil. 2018 »), its amounts plain thousands and the unit said once in the axis title."""
    params = load_annex_params("amem", "ensemble").model_copy(update={"language": language})
    data = load_project("amem")
    shown: list[str] = []
    ctx = Annex(params=params, project_data=data, data=scope(data, params.country), show=shown.append)
    periods = pd.DataFrame({"period_end": pd.to_datetime(["2018-07-31", "2019-12-31", "2021-01-31"]),
                            "cumulative": [0.0, 762_000.0, 1_363_000.0]})
    fig = plots.burn(periods, "period_end", "cumulative", pace=None, title="t",
                     ylabel=ctx.thousands_of("USD"), spent_label="s", pace_label="p",
                     fmt_value=lambda v: ctx.num(v / 1000))
    ctx.figure(fig, fr="f", en="e")
    labels = _labels(fig)
    months = ("janv.", "avr.", "juil.", "oct.") if language == "fr" else ("Jan", "Apr", "Jul", "Oct")
    assert labels["x"] and all(t.split(NBSP)[0] in months and t.split(NBSP)[1].isdigit() for t in labels["x"]), labels
    assert "0" in labels["y"] and not any("k" in t for t in labels["y"] + labels["texts"]), labels
    assert (f"1{NNBSP}363" if language == "fr" else "1,363") in labels["texts"]
    assert fig.axes[0].get_ylabel() == ("En milliers d'USD" if language == "fr" else "USD thousands")
    assert ctx.thousands_of("XOF") == ("En milliers de XOF" if language == "fr" else "XOF thousands")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_figure_s_alt_text_says_what_it_shows(language):
    """Every figure's alt text was its caption, read twice by a screen reader and saying nothing of the data: it now
    names the largest and smallest bars with their values, a stacked chart's totals, a curve's ends, in the annex
    language."""
    import datetime as dt

    params = load_annex_params("amem", "ensemble").model_copy(update={"language": language})
    data = load_project("amem")
    shown: list[str] = []
    ctx = Annex(params=params, project_data=data, data=scope(data, params.country), show=shown.append)
    rates = pd.DataFrame({"name": ["Libye", "Maroc", "Tunisie"], "rate": [0.0, 40.0, 50.0]})
    ctx.figure(plots.hbar(rates, "name", "rate", title="Taux", xlabel="%", fmt_value=ctx.pct), fr="Légende",
               en="Caption")
    counts = pd.DataFrame({"name": ["Libye", "Régional", "Régional"], "status": ["in_progress", "done", "in_progress"],
                           "n": [1, 1200, 800]})
    ctx.figure(plots.stacked_status(counts, "name", "status", "n", order=["done", "in_progress"],
                                    labels={"done": ctx.word("done"), "in_progress": ctx.word("in_progress")},
                                    title="Statuts", xlabel="n"), fr="Légende", en="Caption")
    periods = pd.DataFrame({"end": pd.to_datetime(["2018-07-31", "2021-01-31"]), "cum": [0.0, 1_363_000.0]})
    pace = pd.DataFrame({"end": periods["end"], "cum": [0.0, 2_250_000.0]})
    ctx.figure(plots.burn(periods, "end", "cum", pace=pace, title="Dépenses", ylabel=ctx.thousands_of("USD"),
                          spent_label="s", pace_label="p", fmt_value=lambda v: ctx.num(v / 1000),
                          reporting=(dt.date(2021, 1, 31), "r")), fr="Légende", en="Caption")
    alts = [html.unescape(re.search(r'alt="([^"]*)"', markup)[1]) for markup in shown]
    if language == "fr":
        assert alts == [
            f"Diagramme en barres « Taux », 3\u00a0barres : la plus grande, Tunisie (50,0{NNBSP}%) ; la plus petite, "
            f"Libye (0,0{NNBSP}%).",
            f"Barres empilées « Statuts » (Réalisé, En cours), 2\u00a0barres : le plus grand total, Régional (2{NNBSP}000) ; "
            "le plus petit, Libye (1).",
            f"Courbe « Dépenses » (En milliers d'USD) : de 0 en juil.{NBSP}2018 à 1{NNBSP}363 en janv.{NBSP}2021 ; "
            f"le rythme prévu y est de 2{NNBSP}250."]
    else:
        assert alts[0] == "Bar chart 'Taux', 3\u00a0bars: the largest, Tunisie (50.0%); the smallest, Libye (0.0%)."
        assert "Régional (2,000)" in alts[1] and f"from 0 in Jul{NBSP}2018 to 1,363 in Jan{NBSP}2021" in alts[2]
    assert all("Légende" not in a and "Caption" not in a for a in alts)
    # bars all alike (Tunisie's statuses: 2, 2, 2) are said so, not « the largest, R1 (2); the smallest, R1 (2) »
    alike = pd.DataFrame({"name": ["R1", "R1", "R2", "R3"], "status": ["done", "in_progress", "done", "done"],
                          "n": [1, 1, 2, 2]})
    ctx.figure(plots.stacked_status(alike, "name", "status", "n", order=["done", "in_progress"], labels={},
                                    title="S", xlabel="n"), fr="Légende", en="Caption")
    alt = html.unescape(re.search(r'alt="([^"]*)"', shown[-1])[1])
    assert alt == ("Barres empilées « S », 3\u00a0valeurs égales (2) : R1, R2, R3." if language == "fr" else
                   "Stacked bars 'S', 3\u00a0equal values (2): R1, R2, R3.")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_overlap_and_event_study_alt_texts_say_their_data(language):
    """The propensity overlap and the event study had the caption as their alt text: they now say each group's
    count and the spread of its scores with the trimming bounds, and each series' gap and interval per period."""
    params = load_annex_params("amem", "ensemble").model_copy(update={"language": language})
    data = load_project("amem")
    shown: list[str] = []
    ctx = Annex(params=params, project_data=data, data=scope(data, params.country), show=shown.append)
    scores = pd.DataFrame({"treated": [1, 1, 1, 0, 0], "score": [0.2, 0.5, 0.9, 0.1, 0.3]})
    ctx.figure(plots.overlap(scores, groups={1: "traités", 0: "comparaison"}, title="Recouvrement", xlabel="s",
                             ylabel="p", fmt_value=lambda v: ctx.num(v, 1), fmt_share=lambda v: ctx.pct(100 * v, 0),
                             bounds=(0.05, 0.95), bounds_label="b"), fr="Légende", en="Caption")
    leads = pd.DataFrame({"period": ["2019", "2020", "2021"] * 2, "relative": [-1, 0, 1] * 2,
                          "weighted": [False] * 3 + [True] * 3,
                          "estimate": [-3.2, 0.0, 45.125, -1.0, 0.0, 40.0],
                          "ci_low": [-8.0, None, 30.0, -6.0, None, 25.5],
                          "ci_high": [1.5, None, 60.25, 4.0, None, 54.5]})
    ctx.figure(plots.event_study(leads, series={False: "sans pondération", True: "pondéré"}, title="Revenu",
                                 xlabel="x", ylabel="y", programme_label="programme"), fr="Légende", en="Caption")
    alts = [html.unescape(re.search(r'alt="([^"]*)"', markup)[1]) for markup in shown]
    if language == "fr":
        assert alts == [
            "Histogrammes superposés « Recouvrement » : traités, 3\u00a0scores de 0,20 à 0,90 (médiane 0,50) ; "
            "comparaison, 2\u00a0scores de 0,10 à 0,30 (médiane 0,20) ; bornes d'élagage 0,05 et 0,95.",
            "Écarts par période « Revenu », avec leurs intervalles de confiance à 95\u202f% : sans pondération, "
            "2019 : -3,2 (-8,0 à 1,5), 2020 (0,0), 2021 : 45,1 (30,0 à 60,3) ; pondéré, 2019 : -1,0 (-6,0 à 4,0), "
            "2020 (0,0), 2021 : 40,0 (25,5 à 54,5) ; le programme commence après 2020."]
    else:
        assert alts[0].startswith("Overlaid histograms 'Recouvrement': traités, 3\u00a0scores from 0.20 to 0.90 "
                                  "(median 0.50); comparaison, 2\u00a0scores")
        assert "sans pondération, 2019: -3.2 (-8.0 to 1.5), 2020 (0.0), 2021: 45.1 (30.0 to 60.3)" in alts[1]
        assert alts[1].endswith("; the programme starts after 2020.")
    assert all("Légende" not in a and "Caption" not in a for a in alts)


SKILLS = ["Compétences utilisées au travail : Langue", "Compétences utilisées au travail : Numérique",
          "Compétences utilisées au travail : Sécurité au travail", "Compétences utilisées au travail : Droits des "
          "travailleurs et protection sociale des migrants de retour au pays"]


@pytest.mark.parametrize("chart", ["hbar", "forest", "stacked_status"])
def test_a_bar_s_long_label_keeps_the_words_that_tell_it_apart(chart):
    """The survey chart cut its labels to one line of 40 characters: « Compétences utilisées au travail : Lang… »,
    « ... : Numé… », « ... : Sécu… », the part that told the bars apart was the part cut. A label now takes two
    lines, cut (« … ») only beyond them; the figure is taller by its extra lines."""
    frame = pd.DataFrame({"name": SKILLS, "estimate": [49.4, 42.9, 59.0, 24.4], "ci_low": [42.0, 35.0, 47.0, 17.0],
                          "ci_high": [56.0, 51.0, 70.0, 32.0]})
    if chart == "hbar":
        fig = plots.hbar(frame, "name", "estimate", title="t", xlabel="x", fmt_value=str, lang="fr")
    elif chart == "forest":
        fig = plots.forest(frame, "name", title="t", xlabel="x", fmt_value=str, lang="fr")
    else:
        counts = frame.assign(status="done", n=[1, 2, 3, 4])
        fig = plots.stacked_status(counts, "name", "status", "n", order=["done"], labels={}, title="t", xlabel="x")
    shown = sorted(t.get_text() for t in fig.axes[0].get_yticklabels())   # (the stacked chart sorts its bars)
    long = next(s for s in shown if "Droits" in s)
    assert sorted(s.replace("\n", " ") for s in shown if s != long) == sorted(SKILLS[:3]), shown
    assert all(s.count("\n") <= 1 for s in shown) and long.endswith("…"), shown
    assert fig.get_figheight() > plots._height(len(SKILLS))


@pytest.mark.parametrize("n_statuses", [3, 6, 9])
def test_the_status_legend_is_not_drawn_over_the_title(n_statuses):
    """With six statuses or more the legend took two rows, and its second was drawn over the chart's title."""
    from helpers.annex import theme

    codes = list(theme.STATUS)[:n_statuses]
    counts = pd.DataFrame({"name": ["Maroc"] * len(codes), "status": codes, "n": [1] * len(codes)})
    fig = plots.stacked_status(counts, "name", "status", "n", order=codes, labels={}, title="Activités par statut",
                               xlabel="x")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    title, legend = ax.title if ax.get_title() else ax._left_title, ax.get_legend()
    assert title.get_window_extent(renderer).y0 >= legend.get_window_extent(renderer).y1 - 1


def test_the_overlap_alt_text_never_says_a_score_of_0_or_1_that_is_neither():
    """A comparison group whose lowest score is 0.003 (a unit very unlike the treated, not one certain to be left
    untreated) was said « de 0,00 à ... » in the overlap's alt text, and a treated score of 0.9996 « 1,00 »: enough
    decimals now to be true (0,003, 0,9996); the others keep two."""
    params = load_annex_params("amem", "ensemble")
    data = load_project("amem")
    shown: list[str] = []
    ctx = Annex(params=params, project_data=data, data=scope(data, params.country), show=shown.append)
    scores = pd.DataFrame({"treated": [1, 1, 1, 0, 0, 0], "score": [0.2, 0.5, 0.9996, 0.003, 0.1, 0.3]})
    ctx.figure(plots.overlap(scores, groups={1: "traités", 0: "comparaison"}, title="Recouvrement", xlabel="s",
                             ylabel="p", fmt_value=lambda v: ctx.num(v, 1), fmt_share=lambda v: ctx.pct(100 * v, 0),
                             bounds=(0.004, 0.95), bounds_label="b"), fr="Légende", en="Caption")
    alt = html.unescape(re.search(r'alt="([^"]*)"', shown[0])[1])
    assert "traités, 3\u00a0scores de 0,20 à 0,9996 (médiane 0,50)" in alt, alt
    assert "comparaison, 3\u00a0scores de 0,003 à 0,30 (médiane 0,10)" in alt, alt
    assert "bornes d'élagage 0,004 et 0,95" in alt, alt
