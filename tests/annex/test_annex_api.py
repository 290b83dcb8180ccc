"""The notebook-facing API: sentences, tables and the published-figures check, in both languages."""

import re

import pandas as pd
import pytest

from helpers.annex import Annex, published_check, render_table
from helpers.annex.context import _trimmed
from helpers.data.loader import load_project, scope
from helpers.data.params import load_annex_params

NBSP = "\u00a0"
NNBSP = "\u202f"   # French thousands and before %


@pytest.fixture()
def shown():
    return []


def annex(shown, language="fr", name="maroc"):
    params = load_annex_params("amem", name)
    if language != params.language:
        params = params.model_copy(update={"language": language})
    data = load_project("amem")
    return Annex(params=params, project_data=data, data=scope(data, params.country), show=shown.append)


def test_sentences_pick_the_language_and_escape_values(shown):
    ctx = annex(shown)
    ctx.say(fr="Taux : {rate}.", en="Rate: {rate}.", rate="<b>")
    annex(shown, "en").say(fr="Taux : {rate}.", en="Rate: {rate}.", rate=ctx.pct(37.5))
    assert shown == ["<p>Taux : <strong>&lt;b&gt;</strong>.</p>", "<p>Rate: <strong>37,5\u202f%</strong>.</p>"]


def test_a_table_whose_caller_explains_each_n_d_has_no_general_note(shown):
    """The survey table says why each n.d. is, row by row, under it: the general « non renseigné dans les données de
    suivi, ou non calculable » was printed first, above the specific reasons."""
    frame = pd.DataFrame({"what": ["a", "b"], "se": [1.5, float("nan")]})
    annex(shown).table(frame, {"what": ("Quoi", "What"), "se": ("Erreur type", "SE")}, formats={"se": "est1"})
    assert "non renseigné" in shown[-1]
    shown.clear()
    annex(shown).table(frame, {"what": ("Quoi", "What"), "se": ("Erreur type", "SE")}, formats={"se": "est1"},
                       explained=True)
    assert len(shown) == 1 and "n.d." in shown[0] and "non renseigné" not in shown[0]


def test_a_sentence_ending_on_n_d_has_one_period(shown):
    """« coût par femme formée : n.d.. » in the sample's Maroc and Tunisie annexes."""
    ctx = annex(shown)
    ctx.say(fr="Coût : {cost}.", en="Cost: {cost}.", cost=ctx.money(float("nan")))
    ctx.note(fr="Coût : {cost}. Autre : {n}.", en="x", cost=ctx.money(float("nan")), n=ctx.num(3))
    assert shown == ["<p>Coût : <strong>n.d.</strong></p>", '<p class="note">Coût : n.d. Autre : 3.</p>']


def test_a_clause_that_does_not_apply_leaves_no_empty_bold_text(shown):
    """The pre-trend sentence of the sample's annexes ended « avec pondération<strong></strong>. » (its clause on a
    panel's clustering empty): an empty value is no bold text."""
    annex(shown).say(fr="Test : p {p}{by_unit}.", en="x", p="= 0,617", by_unit="")
    assert shown == ["<p>Test : p <strong>= 0,617</strong>.</p>"]


def test_a_section_without_data_says_so_in_one_sentence(shown):
    ctx = annex(shown, name="libye")
    assert ctx.available("budget", fr="Rien pour {place}.", en="Nothing for {place}.") is False
    assert shown == ['<p class="no-data">Rien pour Libye.</p>']
    assert ctx.available("activities", fr="x", en="x") is True


def test_tables_format_numbers_for_the_language_and_colour_ratings():
    frame = pd.DataFrame({"id": ["A"], "rate": [37.5], "amount": [1005500.0], "rag": ["green"]})
    cols = {"id": "indicator", "rate": "indicator_achievement", "amount": "budget", "rag": "rag"}
    fr = render_table(frame, cols, {"rate": "pct", "amount": "money", "rag": "word"}, "fr", "USD", rag="rag")
    en = render_table(frame, cols, {"rate": "pct", "amount": "money", "rag": "word"}, "en", "USD", rag="rag")
    assert f"37,5{NNBSP}%" in fr and f"1{NNBSP}005{NNBSP}500{NBSP}USD" in fr and '<td class="rag-green">Vert</td>' in fr
    assert "37.5%" in en and "1,005,500" in en and ">Green<" in en


def test_trimmed_shows_extra_decimals_only_where_they_say_something():
    assert _trimmed(1.65519, 2, 4, "fr") == "1,6552"
    assert _trimmed(241377.03, 2, 4, "fr") == f"241{NNBSP}377,03"
    assert _trimmed(53.0, 0, 2, "en") == "53"


def test_published_check_explains_each_status_in_the_annex_language():
    figures = pd.DataFrame({
        "metric": ["reported_figure"] * 4, "key": ["F1", "F2", "F3", "F4"],
        "value": [1.65519, 136760.12, 17.708, float("nan")], "reported": ["1,65", "156 760,12", "17,7", "84"],
        "status": ["truncated", "mismatch", "match", "not_computable"],
        "note": ["", "", "", "not computable: the expenditure data ends on 2020-12-31, before 2021-03-20"]})
    reported = pd.DataFrame({"figure_id": ["F1", "F2", "F3", "F4"], "label": ["a", "b", "c", "d"],
                             "source": ["l. 1", "l. 2", "l. 3", "l. 4"]})
    fr = published_check(figures, reported, "fr").set_index("figure_id")["explanation"]
    assert fr["F1"] == "arrondi, il vaudrait 1,66"
    assert fr["F2"] == f"écart de 20{NNBSP}000,00"
    assert fr["F3"] == ""
    assert fr["F4"] == "les dépenses connues s'arrêtent au 31 décembre 2020, avant le 20 mars 2021"
    en = published_check(figures, reported, "en").set_index("figure_id")["explanation"]
    assert en["F4"] == "the expenditure data ends on 2020-12-31, before 2021-03-20"


def test_a_truncated_figure_is_said_rounded_as_the_report_prints_it():
    """« 1,2 million EUR » of 1 252 012,5 spent is truncated (rounded, 1,3 million): the annex said « arrondi, il
    vaudrait 1 252 013 », the figure rounded to the euro, which is no rounding of what the report printed."""
    figures = pd.DataFrame({"metric": ["reported_figure"] * 2, "key": ["F1", "F2"], "value": [1252012.5, 1250.0],
                            "reported": ["1,2 million", "1,2 millier"], "status": ["truncated", "truncated"],
                            "unit": ["EUR", "EUR"], "note": ["", ""]})
    reported = pd.DataFrame({"figure_id": ["F1", "F2"], "label": ["a", "b"], "source": ["p. 1", "p. 2"]})
    fr = published_check(figures, reported, "fr").set_index("figure_id")["explanation"]
    assert fr["F1"] == f"arrondi, il vaudrait 1{NNBSP}300{NNBSP}000", fr["F1"]
    assert fr["F2"] == f"arrondi, il vaudrait 1{NNBSP}300", fr["F2"]   # half up, as the verdict rounds
    en = published_check(figures, reported, "en").set_index("figure_id")["explanation"]
    assert en["F1"] == "rounded, it would be 1,300,000", en["F1"]


def test_published_check_says_a_percentage_was_written_as_a_fraction():
    figures = pd.DataFrame({"metric": ["reported_figure"], "key": ["F1"], "value": [52.851711], "reported": ["0.529"],
                            "status": ["match"], "note": ["women_share [all]: printed 0.529 as a fraction of 1, read "
                                                          "as 52.9 %: equal when rounded to 1 decimal(s)"]})
    reported = pd.DataFrame({"figure_id": ["F1"], "label": ["a"], "source": ["l. 1"]})
    fr = published_check(figures, reported, "fr").set_index("figure_id")
    assert fr.loc["F1", "explanation"] == f"écrit comme une fraction de 1 : 52,9{NNBSP}%"
    assert fr.loc["F1", "computed"] == "52,852"        # two decimals more than the printed percentage, as for others
    assert published_check(figures, reported, "en").loc[0, "explanation"] == "written as a fraction of 1: 52.9%"
    truncated = figures.assign(value=[52.86], reported=["0.528"], status=["truncated"],
                               note=["printed 0.528 as a fraction of 1, read as 52.8 %: truncated, not rounded"])
    assert published_check(truncated, reported, "fr").loc[0, "explanation"] == \
        f"écrit comme une fraction de 1 : 52,8{NNBSP}% ; arrondi, il vaudrait 52,9"


def test_published_check_says_a_fraction_was_written_as_a_percentage():
    figures = pd.DataFrame({"metric": ["reported_figure"], "key": ["F1"], "value": [0.2708333],
                            "reported": ["27 %"], "status": ["match"],
                            "note": ["impact_effect [s:employed]: printed 27 % as a percentage of a fraction of 1, "
                                     "read as 0.27: printed 0.27 vs computed 0.2708333: equal when rounded to 2 "
                                     "decimal(s)"]})
    reported = pd.DataFrame({"figure_id": ["F1"], "label": ["a"], "source": ["l. 1"]})
    fr = published_check(figures, reported, "fr").set_index("figure_id")
    assert fr.loc["F1", "explanation"] == "écrit en pourcentage d'une fraction de 1 : 0,27"
    assert fr.loc["F1", "computed"] == "0,2708"
    assert published_check(figures, reported, "en").loc[0, "explanation"] == \
        "written as a percentage of a fraction of 1: 0.27"


def test_published_check_says_a_bound_that_does_not_hold():
    """« plus de 50 % » beside a computed 40, and a '<' of the comparison column: « 40 n'est pas supérieur à 50 »
    (it said « écart de 10 », as if 50 had been printed)."""
    figures = pd.DataFrame({"metric": ["reported_figure"] * 2, "key": ["F1", "F2"], "value": [40.4, 12.0],
                            "reported": ["plus de 50 %", "10"], "status": ["mismatch"] * 2, "note": ["", ""]})
    reported = pd.DataFrame({"figure_id": ["F1", "F2"], "label": ["a", "b"], "source": ["l. 1", "l. 2"],
                             "comparison": ["=", "<"]})
    fr = published_check(figures, reported, "fr").set_index("figure_id")["explanation"]
    assert fr.tolist() == ["40,4 n'est pas supérieur à 50", "12 n'est pas inférieur à 10"]
    en = published_check(figures, reported, "en").set_index("figure_id")["explanation"]
    assert en.tolist() == ["40.4 is not above 50", "12 is not below 10"]


def test_published_check_of_a_figure_printed_in_millions():
    """'2,4 M EUR' is printed to the nearest 100 000 (decimals -5): the computed figure is shown whole."""
    figures = pd.DataFrame({"metric": ["reported_figure"] * 2, "key": ["F1", "F2"], "value": [2436000.0, 2560000.0],
                            "reported": ["2,4 M EUR", "2,4 M EUR"], "status": ["match", "mismatch"], "note": ["", ""]})
    reported = pd.DataFrame({"figure_id": ["F1", "F2"], "label": ["a", "b"], "source": ["l. 1", "l. 2"]})
    fr = published_check(figures, reported, "fr").set_index("figure_id")
    assert fr["computed"].tolist() == [f"2{NNBSP}436{NNBSP}000", f"2{NNBSP}560{NNBSP}000"]
    assert fr.loc["F2", "explanation"] == f"écart de -160{NNBSP}000"


def test_an_indicators_values_keep_the_decimals_they_have():
    """The IPTT showed an actual of 0.45 (a share typed as a fraction) as « 0 », and 12.5 as « 13 »: "numv" shows the
    decimals a value has, up to two, and keeps the number behind the text for the spreadsheet."""
    from helpers.annex.context import table_data

    frame = pd.DataFrame({"actual": [7.0, 12.5, 0.45, float("nan")]})
    data = table_data(frame, {"actual": "actual"}, {"actual": "numv"}, "fr", "EUR")
    assert [c[0]["text"] for c in data["rows"]] == ["7", "12,5", "0,45", "n.d."]
    assert [c[0]["value"] for c in data["rows"]][:3] == [7.0, 12.5, 0.45]


def test_published_check_reads_the_printed_figure_with_the_reports_mark():
    """The annex in English of a French report: « 1,666 » is 1.666 (as the verdict read it), its difference 0.011,
    not 1 664.345."""
    figures = pd.DataFrame({"metric": ["reported_figure"], "key": ["F1"], "value": [1.655], "reported": ["1,666"],
                            "status": ["mismatch"], "note": ["x [y]: printed 1,666 vs computed 1.655"]})
    reported = pd.DataFrame({"figure_id": ["F1"], "label": ["a"], "source": ["l. 1"]})
    assert published_check(figures, reported, "en", ",").loc[0, "explanation"] == "off by 0.011"


def test_a_percentage_below_a_rating_limit_is_never_shown_rounded_up_to_it():
    """79.99 % of the final target is amber (green from 80), and the IPTT showed it « 80,0 % » beside its amber;
    it is shown with the decimals that keep it below the limit, in the table and the chart's labels."""
    from helpers.analyses.indicators import iptt
    from helpers.annex import fmt
    from helpers.annex.context import table_data
    from helpers.data.params import Thresholds

    rows = pd.DataFrame({"indicator_id": ["H", "A", "G"], "actual": [39.995, 24.99, 40.0], "target_final": 50.0})
    for column in ("period", "country", "sex", "label", "level", "unit", "direction"):
        rows[column] = pd.Series([None] * 3, dtype="str")
    for column in ("baseline", "target"):
        rows[column] = float("nan")
    table = iptt(rows, Thresholds())
    data = table_data(table[table["actual"].notna()], {"key": "indicator", "indicator_achievement_final": "indicator_achievement_final",
                                                       "rag_final": "rag"},
                      {"indicator_achievement_final": "pct", "rag_final": "word"}, "fr", "USD", rag="rag_final")
    shown = [[cell["text"] for cell in row] for row in data["rows"]]
    assert shown == [["H", "79,99\u202f%", "Orange"], ["A", "49,98\u202f%", "Rouge"], ["G", "80,0\u202f%", "Vert"]]
    assert fmt.rated_percent(79.96, (80, 50), 0, "en") == "79.96%" and fmt.rated_percent(79.4, (80, 50), 0) == "79\u202f%"


def test_a_published_figure_of_the_earlier_annex_is_said_so(shown):
    """The report (at 30/06/2024) checked again after the reporting date moved to 31/12/2024: « écart » alone said
    the report was wrong, where its figure is the earlier annex's; the explanation now says so."""
    import datetime as dt
    from pathlib import Path

    from helpers.data.archive import Previous

    ctx = annex(shown)
    now = ctx.figures.copy()
    row = now["metric"].eq("reported_figure") & now["key"].eq("GEN-06")
    now.loc[row, ["value", "status"]] = [71.4, "mismatch"]          # printed 67, computed 71,4 now
    earlier = now[row].assign(value=[66.667])                        # 66,667 at the earlier date: printed 67
    ctx.__dict__["figures"] = now
    ctx.__dict__["previous"] = Previous(dt.date(2020, 12, 31), Path("2020-12-31.figures.csv"), earlier)
    explained = ctx.published_check().set_index("figure_id")["explanation"]
    # a women's share has no key at another date: « ajouter la date à la clé (total@AAAA-MM-JJ) pour les chiffres de
    # dépenses » said beside it what cannot be done
    assert explained["GEN-06"] == ("écart de -4,4 ; c'est le chiffre de l'annexe au 31 décembre 2020 : si le rapport "
                                   "porte sur cette date, comparez-le à l'annexe de cette date (ce chiffre n'est "
                                   "recalculé qu'à la date de rapport)"), explained["GEN-06"]
    assert explained["GEN-05"] == "arrondi, il vaudrait 28"          # a figure of no earlier value: as it was
    # a spending figure of the earlier annex (a key at a date exists for it): as it was
    ctx = annex(shown, name="ensemble")
    now = ctx.figures.copy()
    spending = now["metric"].eq("reported_figure") & now["key"].eq("FIN-09")   # spent R1, printed 241,377.03
    now.loc[spending, ["value", "status"]] = [250000.0, "mismatch"]
    ctx.__dict__["figures"] = now
    ctx.__dict__["previous"] = Previous(dt.date(2020, 12, 31), Path("2020-12-31.figures.csv"),
                                        now[spending].assign(value=[241377.03]))
    explained = ctx.published_check().set_index("figure_id")["explanation"]
    key = "FIN-09"
    assert explained[key].endswith("ajouter la date à la clé (total@AAAA-MM-JJ) pour les chiffres de dépenses"), key


def test_a_number_is_never_parted_from_its_unit_at_a_line_end(shown):
    """« IC 95 % », « 41 participants », « 935 unités »: the catalogue's and the notebooks' sentences set a number
    apart from its unit with a plain space, and the line broke between them (the HTML, Word, a chart's title). Every
    sentence, table heading, caption and alt text ties them: U+202F before « % », U+00A0 before a word or « € »."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers.annex import plots, words

    ctx = annex(shown)
    ctx.say(fr=words.say("survey_women_share", "fr", value="{value}", low="{low}", high="{high}"), en="x",
            value=ctx.pct(40), low=ctx.pct(30), high=ctx.pct(50))
    ctx.note(fr="Sur {n} participants, 3 sont des femmes (IC 95 % de 12 € à 20 €).", en="x", n="41")
    ctx.say(fr="Sur {n} participants.", en="x", n="41")
    ctx.heading(fr="Les 4 études", en="x")
    ctx.table(pd.DataFrame({"a": [1.0]}), {"a": ("Borne de l'IC 95 %", "x")}, formats={"a": "num"},
              caption=("Effets (IC à 95 %)", "x"))
    fig, ax = plt.subplots()
    ax.annex_summary = None
    ctx.figure(fig, fr="Taux à 95 %", en="x", alt="3 barres, de 5 % à 40 participants")
    page = "".join(shown)
    assert "(IC 95\u202f% " in shown[0] and "IC 95\u202f% de 12\u00a0€ à 20\u00a0€" in shown[1]
    assert "<strong>41</strong>\u00a0participants" in shown[2] and "Les 4\u00a0études" in shown[3]
    assert "IC 95\u202f%</th>" in page and "(IC à 95\u202f%)</caption>" in page
    assert 'alt="3\u00a0barres, de 5\u202f% à 40\u00a0participants"' in page and "Taux à 95\u202f%</figcaption>" in page
    assert re.search(r"\d [%€\w]", re.sub(r"<[^>]*>", "", page).replace("base64", "")) is None
    shown.clear()   # a number and its unit both values: « (<strong>51</strong> <strong>lignes</strong>) »
    ctx.say(fr="Écartées ({n} {rows}), de {low} {to} {high}.", en="x", n="51", rows="lignes", low="0,05", to="à",
            high="0,95")
    assert "<strong>51</strong>\u00a0<strong>lignes</strong>" in shown[0]
    assert "<strong>0,05</strong> <strong>à</strong>" in shown[0]   # a linking word is no unit
    title = plots._plain("Part des femmes parmi les participants (IC 95 %)", 46).split("\n")
    assert title == ["Part des femmes parmi les participants (IC", "95\u202f%)"]   # was « ... (IC 95 » / « %) »
