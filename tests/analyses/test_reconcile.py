"""Reading printed numbers and classifying them against computed figures."""

import math
import re
from decimal import Decimal

import pandas as pd
import pytest

from helpers.analyses.reconcile import UnreadableNumber, classify, other_currency, parse_printed, reconcile, worded_comparison


@pytest.mark.parametrize("text, value, decimals", [
    ("53,60", "53.60", 2), ("1 362 610,13", "1362610.13", 2), ("17,7", "17.7", 1), ("53", "53", 0),
    ("1,362,610.13", "1362610.13", 2), ("1.362,610.13", "1362610.13", 2), ("17 ,7", "17.7", 1),
    ("4.600.000", "4600000", 0), ("133,045.90", "133045.90", 2), ("1 005 500,00", "1005500.00", 2),
    ("53,6 %", "53.6", 1), ("environ 46%", "46", 0), ("0,125", "0.125", 3), ("-3,5", "-3.5", 1),
    ("1\u202f362,610", "1362.610", 3), ("2000000", "2000000", 0),
])
def test_parse_printed(text, value, decimals):
    parsed = parse_printed(text)
    assert parsed.value == Decimal(value) and parsed.decimals == decimals


@pytest.mark.parametrize("text, value, decimals", [
    ("2,4 M EUR", "2400000", -5), ("2,4 millions de dollars", "2400000", -5), ("2,4 MEUR", "2400000", -5),
    ("2,4 M€", "2400000", -5), ("12k", "12000", -3), ("12 K€", "12000", -3), ("350 milliers", "350000", -3),
    ("1,5 Md", "1500000000", -8), ("2 milliards", "2000000000", -9), ("12 thousand", "12000", -3),
    ("1 363 thousand USD", "1363000", -3),   # (read as 12 and 1 363: a mismatch beside 12 000)
    ("25 Mo €", "25000000", -6), ("13 Mo d'euros", "13000000", -6),   # the THAMM presentation's « 25 Mo € » was 25
    ("12 mois", "12", 0), ("1 200 personnes", "1200", 0), ("3 migrants", "3", 0),   # not a scale
])
def test_a_scale_word_multiplies_the_number_and_its_precision(text, value, decimals):
    """'2,4 M EUR' was read as 2.4 and called a mismatch of a budget of 2 400 000."""
    parsed = parse_printed(text, ",")
    assert parsed.value == Decimal(value) and parsed.decimals == decimals
    assert classify(text, float(value) + 10 ** -decimals * 0.4, "=", ",").status == "match"


def test_billion_is_refused_rather_than_guessed():
    with pytest.raises(UnreadableNumber, match="10\\^9 in English and 10\\^12 in French"):
        parse_printed("1,5 billion", ",")


def test_ambiguous_needs_the_decimal_mark():
    with pytest.raises(UnreadableNumber, match="ambiguous"):
        parse_printed("1,362")
    assert parse_printed("1,362", ",").value == Decimal("1.362")
    assert parse_printed("1,362", ".").value == Decimal("1362")
    with pytest.raises(UnreadableNumber):
        parse_printed("1,36,2")
    with pytest.raises(UnreadableNumber):
        parse_printed("n/a")


def test_match_rounds_half_away_from_zero_with_decimal():
    assert classify("53", 52.85).status == "match"
    assert classify("2,68", 2.675).status == "match"       # float round(2.675, 2) gives 2.67
    assert classify("-2,5", -2.5).status == "match"
    assert classify("-3", -2.5).status == "match"          # half away from zero
    assert classify("1,0", 0.95).status == "match"


def test_truncated():
    r = classify("27", 1000 / 36)                            # 27.78
    assert r.status == "truncated" and r.difference == pytest.approx(27 - 1000 / 36)
    assert "rounding gives 28" in r.note
    assert classify("1,65", 1.6558).status == "truncated"
    assert classify("-2", -2.5).status == "truncated"       # toward zero


def test_mismatch_and_difference():
    r = classify("156 760,12", 136760.12)
    assert r.status == "mismatch" and r.difference == pytest.approx(20000.0)
    r = classify("761,673.71", 762166.71)
    assert r.status == "mismatch" and r.difference == pytest.approx(-493.0)


def test_comparisons():
    assert classify("70", 68.1, ">").status == "mismatch"
    assert classify("70", 70.2, ">").status == "match"
    assert classify("70", 70, ">=").status == "match"
    assert classify("70", 70, "<").status == "mismatch"
    assert classify("70", 69, "<=").status == "match"
    # "~": within max(1 unit of the last printed digit, 2 % of the printed value)
    assert classify("46", 52.85, "~").status == "mismatch"
    assert classify("46", 46.9, "~").status == "match"
    assert classify("2000000", 1962000, "~").status == "match"       # 2 % = 40,000
    assert classify("2000000", 1950000, "~").status == "mismatch"


def test_not_computable():
    r = classify("84", float("nan"), reason="data stop at 2020-12-31")
    assert r.status == "not_computable" and r.note == "data stop at 2020-12-31" and math.isnan(r.difference)
    assert classify("84", None).status == "not_computable"
    assert classify("beaucoup", 3.0).status == "not_computable"
    assert classify("84", 84.0, "?").status == "not_computable"


def test_reconcile_looks_up_metric_and_key():
    figures = pd.DataFrame({"metric": ["spent", "women_share", "spent"], "key": ["total", "all", "R1"],
                            "value": [1363103.13, 52.85, float("nan")], "unit": ["USD", "%", "USD"],
                            "n": [6, 263, None], "note": ["", "", "not computable: no data"]})
    reported = pd.DataFrame({
        "figure_id": ["F1", "F2", "F3", "F4", "F5"], "metric": ["spent", "women_share", "spent", "budget", "spent"],
        "key": ["total", None, "R1", "total", "all"], "value": ["1 362 610,13", "53", "5", "1", "1 363 103,13"],
        "comparison": [None, "=", "=", "=", None], "label": ["a", "b", "c", "d", "e"], "source": ["s"] * 5})
    out = reconcile(reported, figures).set_index("figure_id")
    assert out["status"].to_dict() == {"F1": "mismatch", "F2": "match", "F3": "not_computable",
                                       "F4": "not_computable", "F5": "match"}
    assert out.loc["F1", "difference"] == pytest.approx(-493.0)
    assert out.loc["F3", "note"] == "not computable: no data"
    assert "no computed figure" in out.loc["F4", "note"]
    assert out.loc["F2", "key"] == "all" and out.loc["F2", "n"] == 263


def test_a_percentage_printed_as_a_fraction_of_1_is_read_as_one():
    """reported.xlsx with the cell « 44,4 % » formatted as a percentage holds 0.444: it was a mismatch of -44 points
    for a figure the report prints right. Read as 44.4 %, when so read it agrees; a fraction that does not agree, or
    one beside a figure that is not a percentage stay mismatches; a fraction with one decimal (0.5: ten points wide,
    or 0,5 %?) that so read would agree is not computable (it was « écart de -52,35 »), saying to write the
    percentage or the fraction's decimals."""
    figures = pd.DataFrame({"metric": ["women_share", "physical_execution_rate", "burn_index"],
                            "key": ["all", "all", "total"], "value": [52.851711, 44.444444, 0.444444],
                            "unit": ["%", "%", "ratio"], "n": [263, 36, 1], "note": ["", "", ""]})
    reported = pd.DataFrame({"figure_id": ["F1", "F2", "F3", "F4", "F5"],
                             "metric": ["women_share", "women_share", "women_share", "physical_execution_rate",
                                        "burn_index"],
                             "key": ["all"] * 4 + ["total"], "value": ["0.529", "0.6", "0.5", "0,44", "0.444"],
                             "comparison": ["="] * 5, "label": ["a"] * 5, "source": ["s"] * 5})
    out = reconcile(reported, figures, decimal_mark=",").set_index("figure_id")
    assert out["status"].to_dict() == {"F1": "match", "F2": "mismatch", "F3": "not_computable", "F4": "match",
                                       "F5": "match"}
    assert "as a fraction of 1, read as 52.9 %" in out.loc["F1", "note"] and out.loc["F1", "printed"] == "0.529"
    assert "fraction" not in out.loc["F5", "note"]        # a ratio of 0.444 is read as printed


def test_a_fraction_of_1_printed_as_a_percentage_is_read_as_one():
    """An effect on a yes/no outcome (0.2708) published « 27 % » or « +27 points de pourcentage », a comparison mean
    « 45,6 % », a ratio of 1.2416 published « +24 % »: each was a mismatch (of 26.7 for the first), for figures the
    annex itself prints in percentage points. Read as printed / 100 (a ratio with its sign: 1 + printed / 100) when
    so read it agrees; a percentage that does not agree, or one beside a figure above 1 that is no ratio, stays a
    mismatch."""
    figures = pd.DataFrame({"metric": ["impact_effect", "impact_control_mean", "impact_relative_effect",
                                       "impact_effect"],
                            "key": ["s:employed", "s:employed", "s:employed", "s:earnings"],
                            "value": [0.2708333, 0.45625, 1.2416, 154.76], "unit": ["", "", "ratio", ""],
                            "n": [2880, 480, 2646, 2805], "note": [""] * 4})
    printed = {"F1": ("impact_effect", "s:employed", "27 %"),
               "F2": ("impact_effect", "s:employed", "+27 points de pourcentage"),
               "F3": ("impact_effect", "s:employed", "27,1 pp"),
               "F4": ("impact_control_mean", "s:employed", "45,6 %"),
               "F5": ("impact_relative_effect", "s:employed", "+24 %"),
               "F6": ("impact_effect", "s:employed", "35 %"),
               "F7": ("impact_effect", "s:earnings", "1,5 %")}
    reported = pd.DataFrame({"figure_id": list(printed), "metric": [m for m, _, _ in printed.values()],
                             "key": [k for _, k, _ in printed.values()], "value": [v for _, _, v in printed.values()],
                             "comparison": ["="] * len(printed), "label": ["a"] * len(printed),
                             "source": ["s"] * len(printed)})
    out = reconcile(reported, figures, decimal_mark=",").set_index("figure_id")
    assert out["status"].to_dict() == {"F1": "match", "F2": "match", "F3": "match", "F4": "match", "F5": "match",
                                       "F6": "mismatch", "F7": "mismatch"}
    assert "read as 0.27:" in out.loc["F1", "note"] and "read as 1.24:" in out.loc["F5", "note"]


@pytest.mark.parametrize("text", ["(0.27)", "(0,03)", " ( 12 500 ) "])
def test_a_number_in_brackets_is_not_read(text):
    """« (0.27) » was read as +0.27 (a match beside 0.27): in accounts it is -0.27, in a table of estimates a
    standard error."""
    with pytest.raises(UnreadableNumber, match="in brackets"):
        parse_printed(text, ",")


@pytest.mark.parametrize("text, comparison", [
    ("plus de 35 %", ">"), ("Taux : plus de 35 %", ">"), ("more than 2,4 M€", ">"), ("> 35", ">"),
    ("au moins 40 %", ">="), ("40 % ou plus", ">="), ("40 participants ou plus", ">="), ("35+", ">="),
    ("≥ 45", ">="), ("moins de 45 %", "<"), ("<45", "<"), ("under 5 %", "<"), ("pas plus de 40", "<="),
    ("jusqu’à 1 200", "<="), ("40 % ou moins", "<="), ("environ 40 %", "~"), ("env. 40 %", "~"),
    ("près de 40 %", "~"), ("about 40%", "~"), ("±40 %", "~"),
    ("53,6 %", "="), ("USD 1 200", "="), ("-5", "="), ("Plus de la moitié (53 %)", "="), ("Overall 40%", "="),
])
def test_the_words_around_a_printed_figure_give_its_comparison(text, comparison):
    assert worded_comparison(text) == comparison
    assert worded_comparison(text, "~") == "~"    # the reported table's own comparison wins


@pytest.mark.parametrize("text, comparison, computed", [
    ("300 environ", "~", 305), ("300 env.", "~", 305), ("300 personnes environ", "~", 305), ("45 % environ", "~", 45.6),
    ("presque 300", "~", 295), ("quasi 300", "~", 295), ("à peu près 300", "~", 305), ("∼300", "~", 305),
    ("circa 300", "~", 305), ("ca. 300", "~", 305), ("300 au moins", ">=", 350), ("300 au minimum", ">=", 350),
    ("un minimum de 300", ">=", 350), ("un maximum de 300", "<=", 250), ("45 % au plus", "<=", 44),
    ("au-dessus de 300", ">", 350), ("dépassant 300", ">", 350), ("en dessous de 300", "<", 250),
    ("au-dessous de 300", "<", 250), ("max. 300", "<=", 250), ("min. 300", ">=", 350),
    ("plus ou moins 300", "~", 303),   # (read as -300: « moins 300 »)
])
def test_words_of_a_bound_after_the_number_or_in_other_words_give_its_comparison(text, comparison, computed):
    """« 300 environ », « 300 au moins », « un minimum de 300 », « presque 300 », « ∼300 » (a tilde operator, as Word's
    symbol table gives it), « au-dessus de 300 », « max. 300 » were read as = 300: an « Écart » beside 305 (or 350)
    for a figure the report states right; « plus ou moins 300 » as -300."""
    assert worded_comparison(text) == comparison
    assert classify(text, computed, worded_comparison(text), ",").status == "match"


def test_a_figure_printed_as_a_bound_is_compared_as_one():
    """« plus de 35 % » beside a computed 40 was read as = 35: a mismatch of -5 for a figure the report states right;
    « moins de 45 % », « environ 41 % » likewise. A bound that does not hold stays a mismatch."""
    figures = pd.DataFrame({"metric": ["women_share"], "key": ["all"], "value": [40.4], "unit": ["%"], "n": [50],
                            "note": [""]})
    printed = ["plus de 35 %", "moins de 45 %", "environ 41 %", "plus de 45 %", "au moins 40,4 %", "40 %"]
    reported = pd.DataFrame({"figure_id": [f"F{i}" for i in range(len(printed))], "metric": "women_share",
                             "key": "all", "value": printed, "comparison": None, "label": "a", "source": "s"})
    out = reconcile(reported, figures, decimal_mark=",").set_index("figure_id")
    assert out["status"].tolist() == ["match", "match", "match", "mismatch", "match", "match"]
    assert out["comparison"].tolist() == [">", "<", "~", ">", ">=", "="]


def test_reconcile_takes_the_first_row_exact_before_any_case_and_lookup_rows_keeps_what_it_needs():
    from helpers.analyses.reconcile import lookup_rows

    figures = pd.DataFrame({
        "metric": ["women_share", "women_share", "women_share", "spent", "Spent", "spent", "women_share"],
        "key": ["Maroc", "maroc", "Maroc", "TOTAL", "all", "L1", "E1"],
        "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], "unit": "", "n": 1, "note": ""})
    reported = pd.DataFrame({"figure_id": ["F1", "F2", "F3", "F4"], "metric": ["women_share", "women_share", "spent",
                                                                              "spent"],
                             "key": ["maroc", "MAROC", "", "total"], "value": ["2", "1", "4", "4"]})
    out = reconcile(reported, figures).set_index("figure_id")["computed"].to_dict()
    # exact first ("maroc" is row 2), else the first row equal ignoring case; "" means total, then "all"
    assert out == {"F1": 2.0, "F2": 1.0, "F3": 4.0, "F4": 4.0}
    mask = lookup_rows(reported, figures)
    assert mask.tolist() == [True, True, True, True, True, False, False]
    pd.testing.assert_frame_equal(reconcile(reported, figures[mask]), reconcile(reported, figures))


def test_an_unknown_key_gets_the_closest_keys_of_its_metric():
    from helpers.analyses.reconcile import key_suggestion

    figures = pd.DataFrame({"metric": ["indicator_achievement"] * 3 + ["women_share"],
                            "key": ["MAR16052_OS1@2020", "MAR16052_OS1@2021", "TUN_OS2", "MAR16052_OS1"],
                            "value": [1.0, 2.0, 3.0, 4.0], "unit": "%", "n": 1, "note": ""})
    reported = pd.DataFrame({"figure_id": ["F1", "F2", "F3"],
                             "metric": ["indicator_achievement", "indicator_achievment", "women_share"],
                             "key": ["MAR16052_OS1", "TUN_OS2", "zzz"], "value": ["1", "3", "4"]})
    known = {"indicator_achievement": figures["key"][:3].tolist(), "women_share": ["MAR16052_OS1"]}
    out = reconcile(reported, figures, known_keys=known,
                    metrics=["indicator_achievement", "women_share"]).set_index("figure_id")["note"]
    assert "did you mean 'MAR16052_OS1@2020' or 'MAR16052_OS1@2021'?" in out["F1"]
    assert "no metric 'indicator_achievment'" in out["F2"] and "'indicator_achievement'" in out["F2"]
    assert "did you mean" not in out["F3"] and "no computed figure 'women_share' with key 'zzz'" in out["F3"]
    assert key_suggestion("women_share", "Mar16052_os1", known, known) == "did you mean 'MAR16052_OS1'?"


@pytest.mark.parametrize("text, value", [
    ("–0,27", "-0.27"), ("—155", "-155"), ("\u20110,27", "-0.27"), ("\u22120,0625", "-0.0625"), ("- 3,5", "-3.5"),
    ("baisse de 27 points de pourcentage", "-27"), ("diminution de 0,18", "-0.18"), ("recul de 23", "-23"),
    ("a diminué de 12 %", "-12"), ("decrease of 3", "-3"), ("27 points de moins", "-27"), ("baisse de –3", "-3"),
    ("hausse de 24 %", "24"), ("augmentation de 5", "5"), ("increase of 5", "5"), ("environ –0,27", "-0.27"),
])
def test_a_minus_written_as_a_dash_or_in_words_is_read(text, value):
    """An en dash (Word's « –0,27 »), an em dash, a non-breaking hyphen were dropped: « –0,27 » beside +0.2708 was a
    match, « –0,06 » beside -0.0625 a mismatch; « baisse de 27 points » lost its sign likewise."""
    parsed = parse_printed(text, ",")
    assert parsed.value == Decimal(value) and parsed.signed


@pytest.mark.parametrize("text", ["Taux – 53 %", "+/-3", "baisse de +3", "hausse de -3"])
def test_a_sign_that_may_not_be_one_or_that_words_contradict_is_refused(text):
    with pytest.raises(UnreadableNumber):
        parse_printed(text, ",")


def test_a_dash_or_a_word_of_decrease_is_compared_as_a_minus():
    figures = pd.DataFrame({"metric": ["impact_effect", "impact_effect"], "key": ["s:employed", "s:earnings"],
                            "value": [0.2708333, -0.0625], "unit": ["", ""], "n": [2880, 2805], "note": ["", ""]})
    printed = [("s:employed", "–0,27"), ("s:earnings", "–0,06"), ("s:earnings", "\u20110,0625"),
               ("s:employed", "baisse de 27 points de pourcentage"), ("s:employed", "hausse de 27 points de pourcentage"),
               ("s:earnings", "diminution de plus de 0,05"), ("s:earnings", "baisse de plus de 0,07")]
    reported = pd.DataFrame({"figure_id": [f"F{i}" for i in range(len(printed))], "metric": "impact_effect",
                             "key": [k for k, _ in printed], "value": [v for _, v in printed], "comparison": None,
                             "label": "a", "source": "s"})
    out = reconcile(reported, figures, decimal_mark=",")
    assert out["status"].tolist() == ["mismatch", "match", "match", "mismatch", "match", "match", "mismatch"]
    assert out["comparison"].tolist()[5:] == ["<", "<"]   # a decrease of more than 0,05: below -0,05


def test_a_figure_printed_in_another_currency_is_not_compared():
    """« 2,8 M EUR », « 2 777 778 € », « 1 363 103 MAD » beside USD figures were matches, « 2,4 M EUR » a mismatch that
    read as a spending gap: the workbook does not convert, so a figure printed in another currency is not
    computable, saying so; the project's own currency, or none, is compared."""
    from helpers.annex.fmt import reason

    figures = pd.DataFrame({"metric": ["budget", "spent", "women_share"], "key": ["total", "total", "all"],
                            "value": [2777777.78, 1363103.0, 2.0], "unit": ["USD", "USD", "%"], "n": [9, 9, 50],
                            "note": ["", "", ""]})
    printed = [("budget", "2,8 M EUR"), ("budget", "2 777 778 €"), ("spent", "1 363 103 MAD"), ("budget", "2,4 M EUR"),
               ("budget", "2,8 M USD"), ("budget", "2 777 778 $"), ("spent", "1 363 103"), ("women_share", "2 €")]
    reported = pd.DataFrame({"figure_id": [f"F{i}" for i in range(len(printed))], "metric": [m for m, _ in printed],
                             "key": None, "value": [v for _, v in printed], "comparison": None, "label": "a",
                             "source": "s"})
    out = reconcile(reported, figures, decimal_mark=",")
    assert out["status"].tolist() == ["not_computable"] * 4 + ["match"] * 4   # a % is no currency: compared
    assert out.loc[0, "note"].startswith("printed in EUR, the project's figures are in USD")
    assert out.loc[2, "note"].startswith("printed in MAD")
    assert reason("budget [total]: " + out.loc[0, "note"], "fr").startswith(
        "publié en EUR, les chiffres du projet sont en USD")


@pytest.mark.parametrize("printed, own, computable", [
    ("5 M DT", "USD", False), ("1 363 103 dinars", "USD", False), ("12 000 000 UM", "USD", False),
    ("5 M DT", "TND", True), ("1 363 103 dinars", "TND", True), ("1,4 million de dinars tunisiens", "TND", True),
    ("1 363 103 dinars", "LYD", True), ("120 000 dinars libyens", "TND", False), ("12 000 000 MRO", "MRU", False),
    ("1,2 million d'ouguiyas", "MRU", True), ("3 MDT", "TND", True), ("5 M DA", "USD", False)])
def test_the_dinar_and_the_ouguiya_as_reports_write_them(printed, own, computable):
    """« 5 M DT » beside USD figures was compared as dollars (DT was no currency); « dinars » was another currency in
    a Tunisian project; MRO, the ouguiya before 2018 (10 MRO = 1 MRU), was taken for MRU."""
    assert (other_currency(printed, own) == "") is computable


def test_approximately_a_scaled_number_is_within_half_its_last_unit():
    """« environ 2 millions » beside 1 363 103 was a match (« tolerance 1000000 »): a number printed to the nearest
    million is within half a million of the computed one; « 12k » within 500; digits printed keep 1 unit or 2 %."""
    assert classify("environ 2 millions", 1363103, "~", ",").status == "mismatch"
    assert classify("environ 2 millions", 1600000, "~", ",").status == "match"
    assert classify("environ 1,4 M", 1363103, "~", ",").status == "match"
    assert classify("12k", 12600, "~", ",").status == "mismatch" and classify("12k", 12400, "~", ",").status == "match"
    assert classify("2 000 000", 1961000, "~", ",").status == "match"      # 2 %: 40 000
    assert classify("46", 45, "~").status == "match"                     # 1 unit
    assert classify("2 millions", 1500000, "=", ",").status == "match"   # = rounds, as it did


@pytest.mark.parametrize("text, value, decimals", [
    ("$1.4m", "1400000", -5), ("1,4 mn USD", "1400000", -5), ("1,4 mln", "1400000", -5), ("1,4m€", "1400000", -5),
    ("US$ 2,5 m", "2500000", -5), ("12 m", "12", 0), ("3 mn", "3", 0),     # metres, minutes: no currency
])
def test_lower_case_m_is_million_beside_a_currency(text, value, decimals):
    """« $1.4m », « 1,4 mn USD » were read as 1.4 (a mismatch beside 1 363 103)."""
    parsed = parse_printed(text, ",")
    assert parsed.value == Decimal(value) and parsed.decimals == decimals


def test_a_ratio_printed_as_a_change_in_words_is_read_as_one():
    """« 24 % de plus », « hausse de 24 % » beside a ratio of 1.2416 were mismatches while « +24 % » matched."""
    figures = pd.DataFrame({"metric": ["impact_relative_effect", "impact_relative_effect"], "key": ["s:a", "s:b"],
                            "value": [1.2416, 0.9012], "unit": ["ratio", "ratio"], "n": [10, 10], "note": ["", ""]})
    printed = [("s:a", "24 % de plus"), ("s:a", "hausse de 24 %"), ("s:a", "augmentation de 24 %"), ("s:a", "+24 %"),
               ("s:b", "baisse de 10 %"), ("s:b", "10 % de moins"), ("s:a", "baisse de 24 %"), ("s:a", "24 %")]
    reported = pd.DataFrame({"figure_id": [f"F{i}" for i in range(len(printed))], "metric": "impact_relative_effect",
                             "key": [k for k, _ in printed], "value": [v for _, v in printed], "comparison": None,
                             "label": "a", "source": "s"})
    out = reconcile(reported, figures, decimal_mark=",")
    assert out["status"].tolist() == ["match"] * 6 + ["mismatch", "mismatch"]


@pytest.mark.parametrize("text", ["en 2020, 53 %", "En 2020 53 %", "2020 : 53 %", "53 % en 2020", "12 34"])
def test_a_value_holding_two_numbers_is_refused(text):
    """« en 2020, 53 % » was read as 2020,53 and « En 2020 53 % » as 202053 (« 53 % en 2020 » was refused)."""
    with pytest.raises(UnreadableNumber):
        parse_printed(text, ",")
    assert parse_printed("1 362 610,13", ",").value == Decimal("1362610.13")
    assert parse_printed("1'362'610", ",").value == Decimal("1362610")


def test_a_key_matches_whatever_its_accents_and_a_word_for_the_whole_is_told_all():
    """A published « Régional » did not match the key 'regional' (« MAROC » matched 'Maroc'); « ensemble » got no
    « did you mean 'all'? »."""
    from helpers.analyses.reconcile import key_suggestion, unmatched

    figures = pd.DataFrame({"metric": ["spent", "spent", "spent"], "key": ["regional", "Maroc", "total"],
                            "value": [10.0, 20.0, 30.0], "unit": ["USD"] * 3, "n": [1, 1, 1], "note": [""] * 3})
    reported = pd.DataFrame({"figure_id": ["A", "B", "C"], "metric": "spent", "key": ["Régional", "MAROC", "ensemble"],
                             "value": ["10", "20", "30"], "comparison": None, "label": "a", "source": "s"})
    out = reconcile(reported, figures)
    assert out["status"].tolist() == ["match", "match", "not_computable"]
    assert unmatched(reported, figures) == [2]
    assert key_suggestion("spent", "ensemble", {"spent": ["regional", "Maroc", "total"]}, ["spent"]) == \
        "did you mean 'total'?"


@pytest.mark.parametrize("printed, own, computable", [
    ("12 000 $ CA", "USD", False), ("5 M$ CAN", "USD", False), ("CA$12,000", "USD", False), ("C$ 12 000", "USD", False),
    ("12 000 dollars canadiens", "USD", False), ("12 000 A$", "USD", False), ("12 000 AUD", "USD", False),
    ("12 000 $", "USD", True), ("12 000 $ US", "USD", True), ("US$ 12,000", "USD", True), ("12 000 dollars", "USD", True),
    ("12 000 $ CA", "CAD", True), ("12 000 $", "CAD", True), ("1,2 M$", "CAD", True), ("12 000 dollars", "CAD", True),
    ("12 000 $ US", "CAD", False), ("12 000 USD", "CAD", False), ("12 000 dollars américains", "CAD", False),
    ("12 000 €", "CAD", False)])
def test_a_dollar_said_with_its_country_is_that_country_s(printed, own, computable):
    """« 12 000 $ CA », « 5 M$ CAN », « CA$12,000 » (a report of a Canadian-funded project) beside USD figures were
    compared as US dollars, the « $ » alone read: a match when the numbers agreed. And in a project kept in CAD, a
    bare « 12 000 $ » (its report's own dollar) was « printed in USD », not computable."""
    assert (other_currency(printed, own) == "") is computable


def test_a_canadian_dollar_figure_beside_usd_figures_is_not_compared():
    figures = pd.DataFrame({"metric": ["budget"], "key": ["total"], "value": [12000.0], "unit": ["USD"], "n": [3],
                            "note": [""]})
    reported = pd.DataFrame({"figure_id": ["F1", "F2"], "metric": "budget", "key": "total",
                             "value": ["12 000 $ CA", "12 000 $"], "comparison": None, "label": "a", "source": "s"})
    out = reconcile(reported, figures, decimal_mark=",")
    assert out["status"].tolist() == ["not_computable", "match"]
    assert out.loc[0, "note"].startswith("printed in CAD, the project's figures are in USD")


def test_plus_de_written_with_a_plus_sign_is_a_bound():
    """« + de 3 000 » (« plus de » as reports and slides write it) was read as = 3 000: a mismatch of -100 beside the
    3 100 the data give, for a figure the report states right; « - de 10 % » likewise."""
    assert worded_comparison("+ de 3 000") == ">" and worded_comparison("+ d'1 million") == ">"
    assert worded_comparison("- de 10 %") == "<"
    figures = pd.DataFrame({"metric": ["persons", "women_share"], "key": ["all", "all"], "value": [3100.0, 8.2],
                            "unit": ["count", "%"], "n": [3100, 3100], "note": ["", ""]})
    reported = pd.DataFrame({"figure_id": ["F1", "F2", "F3"], "metric": ["persons", "women_share", "persons"],
                             "key": "all", "value": ["+ de 3 000", "- de 10 %", "+ de 3 500"], "comparison": None,
                             "label": "a", "source": "s"})
    out = reconcile(reported, figures, decimal_mark=",")
    assert out["status"].tolist() == ["match", "match", "mismatch"]
    assert out["comparison"].tolist() == [">", "<", ">"]


@pytest.mark.parametrize("printed", ["45 pour cent", "45 pourcent", "45 percent", "45 per cent"])
def test_a_percentage_in_words_of_a_fraction_of_1_is_read_as_one(printed):
    """« 45 pour cent » beside an effect on a yes/no outcome of 0.45 was a mismatch of 44.55, where « 45 % » was read
    as 0.45 (a match)."""
    figures = pd.DataFrame({"metric": ["impact_effect"], "key": ["s:employed"], "value": [0.4512], "unit": ["ratio"],
                            "n": [200], "note": [""]})
    reported = pd.DataFrame({"figure_id": ["F1"], "metric": "impact_effect", "key": "s:employed", "value": [printed],
                             "comparison": None, "label": "a", "source": "s"})
    assert reconcile(reported, figures, decimal_mark=",").loc[0, "status"] == "match"


def test_the_unit_a_reported_table_gives_apart_is_read_with_the_value(tmp_path):
    """A reported.csv with a column « unité » beside the value, as an evaluator copies a report's table whose header
    says « en milliers USD »: the column was not read, « 150 » compared with a budget of 150 000 (a mismatch of
    -149 850), a figure in EUR with the USD figures. Written as a French Excel file would be."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.analyses.reconcile import with_unit
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;unité;libellé;pays\n"
                           "F1;budget;total;150;milliers USD;Budget (tableau 2);Maroc\n"
                           "F2;budget;total;150;(en milliers d'euros);Budget (tableau 2);Maroc\n"
                           "F3;budget;total;150 000;USD;Budget;Maroc\n"
                           "F4;women_share;E1;40;%;Part des femmes;Maroc\n"
                           "F5;budget;total;151;USD '000;Budget;Maroc\n")
    data = mini.load()
    assert data.tables["reported"]["unit"].tolist()[:2] == ["milliers USD", "(en milliers d'euros)"]
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "match", "F2": "not_computable", "F3": "match", "F4": "match",
                                           "F5": "mismatch"}
    assert checked.at["F1", "reported"] == "150 milliers USD"    # the annex's « Publié » shows it so
    assert "printed in EUR" in checked.at["F2", "note"]
    assert with_unit("1 363", "USD (en milliers)") == "1 363 milliers USD"
    assert with_unit("45 %", "%") == "45 %" and with_unit("45", None) == "45"


def test_a_womens_share_of_persons_is_not_taken_for_one_of_participations(tmp_path):
    """A register naming its persons, where 4 women came to three trainings each and 8 men to one: 12 women of 20
    participations (60 %), 4 women of 12 persons (33,3 %). A report's « 60 % des personnes formées sont des femmes »
    was « Conforme » and its « 33 % » « Écart », the share of the persons computed nowhere. Now the persons' share
    is the figure women_share [persons], and a figure checked against the share of participations says the other."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    women = ["Amina Alaoui", "Sara Benali", "Khadija Tazi", "Nadia Idrissi"]
    men = ["Omar Amrani", "Youssef Berrada", "Karim Chraibi", "Said Daoudi", "Hamid El Fassi", "Rachid Fikri",
           "Nabil Guessous", "Adil Hajji"]
    rows = [f"{event};{name};F;Maroc" for event in ("E1", "E2", "E3") for name in women]
    rows += [f"E{i % 3 + 1};{name};H;Maroc" for i, name in enumerate(men)]
    mini.write("participation", "event_id;nom;sexe;pays\n" + "\n".join(rows) + "\n")
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "G1;women_share;all;33 %;« 12 personnes formées, dont 33 % de femmes »;Maroc\n"
                           "G2;women_share;all;60 %;« 60 % des personnes formées sont des femmes »;Maroc\n"
                           "G3;women_share;persons;33 %;« dont 33 % de femmes »;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    share = figures[(figures["metric"] == "women_share")].set_index("key")
    assert share.at["persons", "value"] == pytest.approx(100 / 3) and share.at["persons", "n"] == 12
    assert share.at["all", "value"] == pytest.approx(60)
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"G1": "mismatch", "G2": "match", "G3": "match"}
    assert "the women's share of the distinct persons is 33.3" in checked.at["G2", "note"]
    assert "distinct persons" not in checked.at["G3", "note"].split(":", 1)[1]
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["G2"] == ("part des participations, une personne venue à plusieurs événements comptée à chacun ; "
                           "parmi les 12 personnes distinctes : 33,3\u202f% (clé « persons »)")
    assert shown["G1"].startswith("écart de -27 ; part des participations") and shown["G3"] == ""


def test_a_figure_its_label_dates_on_another_day_is_not_compared_with_the_reporting_date_s(tmp_path):
    """« 40 % de femmes au 31 décembre 2020 », « budget à fin juin 2020 » beside an annex at 30/06/2021 were compared
    with the figures at 30/06/2021: a match or a mismatch of another figure. Now not computable, saying which date
    each describes (and, for a budget figure, the key that computes it at the label's date); a label dated the
    reporting date (or the key's '@date') is compared."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "F1;women_share;E1;40;« 40 % de femmes au 31 décembre 2020 »;Maroc\n"
                           "F2;women_share;E1;40;« 40 % de femmes au 30 juin 2021 »;Maroc\n"
                           "F3;budget;total;150 000;« budget à fin juin 2020 »;Maroc\n"
                           "F4;budget;total@2020-06-30;150 000;« budget à fin juin 2020 »;Maroc\n"
                           "F5;women_share;E1;40;« 12 mois au 30/06/2021 »;Maroc\n"
                           "F6;women_share;E1;40;« 40 % of women as of 31/12/2020 »;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "match", "F3": "not_computable",
                                           "F4": "match", "F5": "match", "F6": "not_computable"}
    assert checked["value"].isna().to_dict() == {"F1": True, "F2": False, "F3": True, "F4": False, "F5": False,
                                                 "F6": True}
    assert "write the key 'total@2020-06-30'" in checked.at["F3", "note"]
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"] == ("daté du 31 décembre 2020 par son libellé, alors que le chiffre recalculé décrit le 30 juin "
                           "2021 ; le classeur ne le calcule qu'à la date de référence ; si la date du libellé "
                           "n'est pas celle du chiffre, reformuler le libellé")
    assert "écrire la clé « total@2020-06-30 » pour le calculer à cette date" in shown["F3"]
    # make check says it first, at the row and the label
    from helpers.pipeline.check import reported_figure_problems

    told = [p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir) if p.rule == "dated_otherwise"]
    assert [(p.row, p.column, p.severity) for p in told] == [(2, "label", "warning"), (4, "label", "warning"),
                                                            (7, "label", "warning")]
    assert "dated 2020-12-31 by its label, the figure computed describes 2021-06-30" in told[0].message


def test_a_label_dated_by_a_half_a_quarter_or_the_middle_of_a_year_is_read(tmp_path):
    """« au S2 2020 », « T4 2020 », « à mi-2020 », « second semestre 2020 », « jusqu'au 31/12/2020 », « au 31 décembre
    2020¹ » (a footnote's mark), « as of end-June 2020 » beside an annex at 30/06/2021 were not read as dates: compared
    with the figures at 30/06/2021, « Conforme » for another date's figure. A half or a quarter is read as its last day,
    the middle of a year as 30 June; a label so dated at the reporting date is compared."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "F1;women_share;E1;40 %;Part des femmes au S1 2021;Maroc\n"
                           "F2;women_share;E1;40 %;Part des femmes au S2 2020;Maroc\n"
                           "F3;women_share;E1;40 %;Part des femmes T4 2020;Maroc\n"
                           "F4;women_share;E1;40 %;Part des femmes à mi-2020;Maroc\n"
                           "F5;women_share;E1;40 %;Part des femmes au 1er semestre 2021;Maroc\n"
                           "F6;women_share;E1;40 %;Part des femmes jusqu'au 31/12/2020;Maroc\n"
                           "F7;women_share;E1;40 %;Part des femmes au 31 décembre 2020¹;Maroc\n"
                           "F8;women_share;E1;40 %;Women's share Q2 2021;Maroc\n"
                           "F9;budget;total;150 000;Budget as of end-June 2020;Maroc\n"
                           "F10;women_share;E1;40 %;Part des femmes au second semestre 2020;Maroc\n"
                           "F11;women_share;E1;40 %;Women's share at mid-2021;Maroc\n"
                           "F12;women_share;E1;40 %;Part des femmes (T1);Maroc\n")
    figures = annex_figures(mini.load(), load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {
        "F1": "match", "F2": "not_computable", "F3": "not_computable", "F4": "not_computable", "F5": "match",
        "F6": "not_computable", "F7": "not_computable", "F8": "match", "F9": "not_computable",
        "F10": "not_computable", "F11": "match", "F12": "match"}
    assert "dated 2020-06-30 by its label" in checked.at["F4", "note"]
    assert "write the key 'total@2020-06-30'" in checked.at["F9", "note"]
    assert "dated 2020-12-31 by its label" in checked.at["F10", "note"]


def test_a_label_dated_as_english_reports_or_with_dashes_write_it_is_read(tmp_path):
    """« as of December 31, 2020 », « as at 31st December 2020 », « au 31-12-2020 » beside an annex at 30/06/2021 were
    not read as dates: compared with the figure at 30/06/2021, « Conforme » for another date's figure."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "F1;women_share;E1;40 %;Women's share as of December 31, 2020;Maroc\n"
                           "F2;women_share;E1;40 %;Women's share as at 31st December 2020;Maroc\n"
                           "F3;women_share;E1;40 %;Part des femmes au 31-12-2020;Maroc\n"
                           "F4;women_share;E1;40 %;Women's share as of June 30, 2021;Maroc\n")
    figures = annex_figures(mini.load(), load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "not_computable",
                                           "F4": "match"}
    assert "dated 2020-12-31 by its label" in checked.at["F1", "note"]


def test_a_figure_its_label_says_of_one_year_or_of_years_after_the_start_is_not_compared(tmp_path):
    """« budget annuel 2021 », « Annual share of women », « part des femmes 2021-2022 » (a project started in 2020), a
    value « 150 000 par an », « depuis janvier 2021 » beside the
    figures cumulated from the project's start to the reporting date were « Conforme » when equal to them: another
    figure. Now not computable, saying the workbook computes no yearly figure, in the annex language, and make check
    warns at the label; « cumulé », years from the start's (« 2020-2021 ») are compared as before."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "F1;budget;total;150 000;« budget annuel 2021 »;Maroc\n"
                           "F2;women_share;E1;40;« part des femmes 2021-2022 »;Maroc\n"
                           "F3;women_share;E1;40;« part des femmes 2020-2021 »;Maroc\n"
                           "F4;women_share;E1;40;« part cumulée des femmes »;Maroc\n"
                           "F5;women_share;E1;40;« Annual share of women »;Maroc\n"
                           "F6;women_share;E1;40;« part des femmes au 2021-06-30 »;Maroc\n"
                           "F7;budget;total;150 000 par an;« budget »;Maroc\n"
                           "F8;women_share;E1;40;« part des femmes depuis janvier 2021 »;Maroc\n"
                           "F9;women_share;E1;40;« part des femmes depuis le début »;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "match",
                                           "F4": "match", "F5": "not_computable", "F6": "match",
                                           "F7": "not_computable", "F8": "not_computable", "F9": "match"}
    assert "no yearly figure" in checked.at["F1", "note"] and "years 2021-2022" in checked.at["F2", "note"]
    assert "no yearly figure" in checked.at["F7", "note"] and "years 2021, and" in checked.at["F8", "note"]
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert "le classeur ne calcule pas de chiffre annuel" in shown["F5"]
    assert "nomme les années 2021-2022" in shown["F2"]
    from helpers.pipeline.check import reported_figure_problems

    told = [p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir) if p.rule == "dated_otherwise"]
    assert [(p.row, p.column, p.severity) for p in told] == [(2, "label", "warning"), (3, "label", "warning"),
                                                            (6, "label", "warning"), (8, "label", "warning"),
                                                            (9, "label", "warning")]


def test_a_spending_figure_labelled_as_commitments_says_the_data_are_payments(tmp_path):
    """« taux d'engagement de 50 % », « montants engagés », « committed » beside the spending (the data hold what was
    paid, never what was committed): compared as if the same, nothing said. The verdict now says it."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "F1;budget;total;150 000;« montants engagés : 150 000 »;Maroc\n"
                           "F2;financial_execution_rate;total;0;« taux d'engagement de 0 % »;Maroc\n"
                           "F3;women_share;E1;40;« 40 % de femmes »;Maroc\n"
                           "F4;spent;total;0;« funds committed »;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    said = checked["note"].str.contains("not committed")
    assert said.to_dict() == {"F1": False, "F2": True, "F3": False, "F4": True}   # a budget is no spending
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F2"].endswith("le libellé parle d'engagements : les dépenses recalculées sont les décaissements "
                                "(expenditure), pas les engagements")


def test_a_mismatch_the_other_decimal_mark_reads_as_a_match_says_so():
    """« 22,562 » (an English source quoted in a French report, report_decimal_mark ',') is read as 22,562 beside
    22 561,96: a mismatch whose only explanation was « écart de -22 539,398 ». It stays a mismatch (the report's mark
    is project.yaml's), saying that with '.' it would match; a figure no mark reads as a match says nothing more."""
    from helpers.annex.context import published_check

    figures = pd.DataFrame({"metric": ["spent", "spent"], "key": ["R2", "R3"], "value": [22561.96, 53785.30],
                            "unit": ["USD", "USD"], "n": [3, 3], "note": ["", ""]})
    reported = pd.DataFrame({"figure_id": ["F1", "F2", "F3"], "metric": "spent", "key": ["R2", "R3", "R2"],
                             "value": ["22,562", "53,700", "22 562"], "comparison": None, "label": "a",
                             "source": "s"})
    out = reconcile(reported, figures, decimal_mark=",").set_index("figure_id")
    assert out["status"].tolist() == ["mismatch", "mismatch", "match"]
    assert "with the other decimal mark '.', it is 22562.0 (0 decimal(s)), a match" in out.at["F1", "note"]
    assert "other decimal mark" not in out.at["F2", "note"]
    figs = pd.DataFrame({"metric": "reported_figure", "key": out.index, "value": out["computed"],
                         "reported": out["printed"], "status": out["status"], "note": out["note"]})
    shown = published_check(figs, reported, "fr", ",").set_index("figure_id")["explanation"]
    assert re.sub("[\u00a0\u202f]", " ", shown["F1"]) == ("écart de -22 539,398 ; lu avec « . » comme séparateur décimal, il serait conforme "
                           "(22 562) : les chiffres du rapport sont-ils écrits avec le séparateur décimal de "
                           "project.yaml (report_decimal_mark) ?")


def test_percentage_points_beside_a_share_are_not_compared():
    """« 45 points de pourcentage » (a difference between two percentages) beside a women's share of 45 % was a match:
    a change compared with a level. Not computable, saying so; beside an effect (a difference) it is still read."""
    from helpers.annex.fmt import reason

    figures = pd.DataFrame({"metric": ["women_share", "impact_effect"], "key": ["all", "s:employed"],
                            "value": [45.0, 0.05], "unit": ["%", ""], "n": [100, 100], "note": ["", ""]})
    printed = [("women_share", "all", "45 points de pourcentage"), ("women_share", "all", "+45 pp"),
               ("women_share", "all", "45 %"), ("impact_effect", "s:employed", "+5 points de pourcentage")]
    reported = pd.DataFrame({"figure_id": [f"F{i}" for i in range(len(printed))], "metric": [m for m, _, _ in printed],
                             "key": [k for _, k, _ in printed], "value": [v for _, _, v in printed],
                             "comparison": None, "label": "a", "source": "s"})
    out = reconcile(reported, figures, decimal_mark=",")
    assert out["status"].tolist() == ["not_computable", "not_computable", "match", "match"]
    assert reason("women_share [all]: " + out.loc[0, "note"], "fr").startswith(
        "publié en points de pourcentage, un écart entre deux pourcentages")


def test_an_approximate_figure_says_the_tolerance_its_verdict_used():
    """« environ 46 % » beside 45,2 was « Conforme » with nothing said, beside 52,85 « écart de -6,85 »: the tolerance
    (1 unit of the last digit printed or 2 %) was stated nowhere in the annex."""
    from helpers.annex.context import published_check

    figures = pd.DataFrame({"metric": ["women_share", "women_share"], "key": ["all", "E1"], "value": [45.2, 52.85],
                            "unit": ["%", "%"], "n": [100, 100], "note": ["", ""]})
    reported = pd.DataFrame({"figure_id": ["F1", "F2"], "metric": "women_share", "key": ["all", "E1"],
                             "value": ["environ 46 %", "46"], "comparison": [None, "~"], "label": "a", "source": "s"})
    out = reconcile(reported, figures, decimal_mark=",").set_index("figure_id")
    figs = pd.DataFrame({"metric": "reported_figure", "key": out.index, "value": out["computed"],
                         "reported": out["printed"], "status": out["status"], "note": out["note"]})
    shown = published_check(figs, reported, "fr", ",").set_index("figure_id")["explanation"]
    assert shown.to_dict() == {"F1": "chiffre approché : écart de 0,8, dans la tolérance de ± 1",
                               "F2": "chiffre approché : écart de -6,85, au-delà de la tolérance de ± 1"}


@pytest.mark.parametrize("printed, computed, status", [
    ("près de 500", 492, "match"), ("près de 500", 500, "match"), ("près de 500", 505, "mismatch"),
    ("presque 500", 509, "mismatch"), ("nearly 500", 503, "mismatch"), ("près de 500", 489, "mismatch"),
    ("environ 500", 505, "match"), ("environ 500", 495, "match"), ("plus de 1 200", 1200, "mismatch"),
    ("plus de 1 200", 1201, "match"),
])
def test_near_a_figure_is_just_under_it(printed, computed, status):
    """« près de 500 » (« presque », « nearly »: « il a près de 50 ans ») was checked as 500 ± 10 on both sides:
    505 participants was « Conforme » beside « près de 500 », where a report would print « plus de 500 ». Now a
    figure above is a mismatch, the annex saying why; « environ 500 » stays on both sides, « plus de 1 200 » is
    above 1 200."""
    from helpers.annex.context import published_check

    reported = pd.DataFrame({"figure_id": ["F1"], "metric": "persons", "key": ["all"], "value": [printed],
                             "comparison": [None], "label": "Personnes formées", "source": "p. 3"})
    figures = pd.DataFrame({"metric": ["persons"], "key": ["all"], "value": [computed], "unit": ["count"],
                            "n": [computed], "note": [""]})
    out = reconcile(reported, figures, decimal_mark=",").set_index("figure_id")
    assert out.loc["F1", "status"] == status, out.loc["F1", "note"]
    figs = pd.DataFrame({"metric": "reported_figure", "key": out.index, "value": out["computed"],
                         "reported": out["printed"], "status": out["status"], "note": out["note"]})
    shown = published_check(figs, reported, "fr", ",").set_index("figure_id")["explanation"]["F1"]
    if status == "mismatch" and computed > 500 and not printed.startswith("plus"):
        assert shown.startswith(f"le chiffre recalculé ({computed}) dépasse 500, et « près de »"), shown


@pytest.mark.parametrize("text, said", [
    ("30 à 40 %", "is a range"), ("entre 30 et 40 %", "is a range"), ("30-40 %", "is a range"),
    ("30–40 %", "is a range"), ("between 30 and 40", "is a range"), ("2/3", "is a fraction"),
    ("deux tiers", "is a fraction"), ("la moitié", "is a fraction"), ("En 2020 53 %", "holds two numbers"),
    ("n/a", "prints no figure"), ("abc", "is not a number"), ("45 % (1)", "footnote mark"), ("45 %[1]", "footnote mark"),
    ("45 %1", "footnote mark"), ("1 200 USD (2)", "footnote mark"), ("300 (1)", "footnote mark"),
    ("300[1]", "footnote mark"), ("2021-02-01", "is a date"), ("3 sur 10", "is a fraction"),
    ("2 femmes sur 5", "is a fraction"), ("une femme sur trois", "is a fraction"), ("1 in 3", "is a fraction"),
    ("4 out of 10", "is a fraction"), ("3,2 sur 5", "holds two figures")])
def test_a_range_or_a_fraction_is_refused_saying_what_to_write(text, said):
    """« 30 à 40 % » was refused as « two numbers: write the value alone » (there is none), « 30-40 % » and « 2/3 » as
    « not a number », a footnote's number (« 45 % (1) ») as two numbers: each now says what it is and how to write
    it. « 3 sur 10 », « 2 femmes sur 5 », « 1 in 3 » were « two figures ('3' and '10'): write each in its own row »:
    a fraction, the percentage to write (« 3,2 sur 5 », a score, stays two figures)."""
    from helpers.annex.fmt import reason

    result = classify(text, 35, "=", ",")
    assert result.status == "not_computable" and said in result.note
    if said == "is a range":
        assert "fourchette" in reason("women_share [all]: " + result.note, "fr")


@pytest.mark.parametrize("text, computed, said, words", [
    ("53 ‰", 52.85, "is per mille", "pour mille"), ("53‰", 52.85, "is per mille", "pour mille"),
    ("529 ‰", 52.85, "is per mille", "pour mille"), ("45 pour mille", 45, "is per mille", "pour mille"),
    ("300 (2019-2020)", 300, "names a period of years", "période d'années"),
    ("300 en 2019-2021", 300, "names a period of years", "période d'années"),
    ("2019-2020 : 300", 300, "names a period of years", "période d'années"),
    ("300 sur 2019–20", 300, "names a period of years", "période d'années")])
def test_a_per_mille_or_a_period_of_years_beside_the_figure_is_refused_saying_what_to_write(text, computed, said,
                                                                                           words):
    """« 53 ‰ » (5,3 %) beside a women's share of 52,85 % was « Conforme », its ‰ not read (« 45 pour mille » too),
    and « 529 ‰ » (52,9 %) an « Écart » of 476. A period of years beside the figure (« 300 (2019-2020) ») was
    refused as « a range: write two reported figures », which it is not. Each now says what it is and what to
    write, in the annex language too; « 30-40 % » is still a range."""
    from helpers.annex.fmt import reason

    result = classify(text, computed, "=", ",")
    assert result.status == "not_computable" and said in result.note
    assert words in reason("women_share [all]: " + result.note, "fr")
    assert "is a range" in classify("30-40 %", 35, "=", ",").note


@pytest.mark.parametrize("text, said", [
    ("la moitié d'entre elles", "c'est une fraction (écrire le pourcentage"),
    ("30 à 40 % d'entre elles", "c'est une fourchette"), ("1/2 milliard d'euros", "fraction d'un montant")])
def test_an_unreadable_value_holding_an_apostrophe_is_said_in_the_annex_language(text, said):
    """A French report's value holding an apostrophe (« la moitié d'entre elles ») was said in a French annex as
    « chiffre publié illisible » only: what it is and what to write were lost (the note's value was matched up to
    its first apostrophe)."""
    from helpers.annex.fmt import reason

    assert said in reason("women_share [all]: " + classify(text, 35, "=", ",").note, "fr")


@pytest.mark.parametrize("text", ["1/2 million", "1/4 million", "3/4 million USD", "1/2 M$", "un demi-million",
                                  "1/2 milliard d'euros"])
def test_a_fraction_of_an_amount_says_to_write_the_amount(text):
    """« 1/2 million » beside a budget of 500 000 was refused saying « write the percentage it stands for (2/3: 67 %) »,
    which is no amount; « un demi-million » was « not a number ». Each now says to write the amount in figures (in the
    annex language too); « la moitié », « 2/3 » still say the percentage."""
    from helpers.annex.fmt import reason

    result = classify(text, 500000, "=", ",")
    assert result.status == "not_computable" and "write the amount it stands for" in result.note
    assert "percentage" not in result.note
    assert "500 000" in reason("budget [total]: " + result.note, "fr")
    assert "montant qu'elle représente" in reason("budget [total]: " + result.note, "fr")
    assert "write the percentage" in classify("la moitié", 50, "=", ",").note


def test_a_published_figure_in_xlsx_is_read_with_the_text_its_number_format_shows(tmp_path):
    """reported.xlsx typed as an evaluator formats cells: 150 000 formatted as euros (the sheet shows « 150 000 € »)
    beside a USD budget of 150 000 was « Conforme »; 150 formatted `#,##0" k$"` (« 150 k$ ») and 0,15 formatted
    `0.00" M$"` were mismatches of -149 850. The number is now read with the text its format shows, to the decimals
    the format shows."""
    import openpyxl

    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.delete("reported")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "reported"
    sheet.append(["figure_id", "metric", "key", "value", "label", "country"])
    cells = [("F1", "budget", "total", 150000, "#,##0 [$€-40C]"), ("F2", "budget", "total", 150, '#,##0" k$"'),
             ("F3", "budget", "total", 150000, "#,##0"), ("F4", "women_share", "E1", 0.4, "0%"),
             ("F5", "budget", "total", 0.15, '0.00" M$"'), ("F6", "budget", "total", 150000, '#,##0," k$"'),
             ("F7", "budget", "total", 0.2, '0.00" M$"')]
    for row, (fid, metric, key, value, number_format) in enumerate(cells, 2):
        sheet.append([fid, metric, key, value, "Budget", "Maroc"])
        sheet[f"D{row}"].number_format = number_format
    book.save(mini.folder / "reported.xlsx")
    figures = annex_figures(mini.load(), load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "match", "F3": "match", "F4": "match",
                                           "F5": "match", "F6": "match", "F7": "mismatch"}
    # 0,2 formatted `0.00" M$"`: the sheet shows « 0.20 M$ », to 10 000 (it was « 0,2 M$ », to 100 000: « Conforme »)
    assert checked.at["F7", "reported"] == "0,20 M$"
    assert checked.at["F1", "reported"] == "150000 €" and "printed in EUR" in checked.at["F1", "note"]
    assert checked.at["F2", "reported"] == "150 k$" and checked.at["F6", "reported"] == "150000 $"


def test_a_published_figure_in_xlsx_formatted_with_a_plus_is_read_as_a_change(tmp_path):
    """reported.xlsx with a column of changes formatted `+0;-0;0` (the sheet shows « +16 ») or `+0"%"`, `+0%`
    (« +40 % »): the cells were read as 16 and « 40 % », levels, « Conforme » beside a budget of 150 000 or a women's
    share of 40 %. They are now read as the sheet shows them, so the '+' beside a level is not computable."""
    import openpyxl

    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.delete("reported")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "reported"
    sheet.append(["figure_id", "metric", "key", "value", "label", "country"])
    cells = [("G1", "budget", "total", 150000, "+#,##0;-#,##0;0"), ("G2", "women_share", "E1", 40, '+0"%";-0"%"'),
             ("G3", "women_share", "E1", 0.4, "+0%;-0%;0%"), ("G4", "women_share", "E1", 40, '"+"0" %"'),
             ("G5", "budget", "total", -150000, "+0;-0;0"), ("G6", "budget", "total", 150000, "0.0E+00"),
             ("G7", "women_share", "E1", 40.5, "+0.00;-0.00"), ("G8", "women_share", "E1", 0.405, "+0.00%")]
    for row, (fid, metric, key, value, number_format) in enumerate(cells, 2):
        sheet.append([fid, metric, key, value, "Budget", "Maroc"])
        sheet[f"D{row}"].number_format = number_format
    book.save(mini.folder / "reported.xlsx")
    figures = annex_figures(mini.load(), load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["reported"].to_dict() == {"G1": "+150000", "G2": "+40 %", "G3": "+40 %", "G4": "+40 %",
                                             "G5": "-150000", "G6": "150000", "G7": "+40,50", "G8": "+40,5 %"}
    assert checked["status"].to_dict() == {"G1": "not_computable", "G2": "not_computable", "G3": "not_computable",
                                           "G4": "not_computable", "G5": "mismatch", "G6": "match",
                                           "G7": "not_computable", "G8": "not_computable"}
    assert "'+'" in checked.at["G1", "note"] and "'+'" in checked.at["G3", "note"]
    # make check says it first, and that the '+' is the cell's format, not its content
    from helpers.pipeline.check import reported_figure_problems

    told = {p.row: p.hint for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "not_a_level"}
    assert sorted(told) == [2, 3, 4, 5, 8, 9]
    assert "number format (+#,##0;-#,##0;0)" in told[2] and "number format (+0%;-0%;0%)" in told[4]
    assert "number format" in told[5] and "number format" not in told.get(6, "")


@pytest.mark.parametrize("text, value", [
    ("a 5% decline", -5), ("5% decrease", -5), ("a 5 % drop", -5), ("a 5% fall", -5), ("a 5% reduction", -5),
    ("5 % de baisse", -5), ("5 % de diminution", -5), ("5 % de réduction", -5), ("5 % de recul", -5),
    ("a 5% increase", 5), ("5 % de hausse", 5), ("5 % d'augmentation", 5), ("a 5% rise", 5),
    ("5 % de croissance", 5), ("5 points de pourcentage de baisse", -5)])
def test_words_of_a_change_after_the_number_give_its_sign(text, value):
    """« a 5% decline », « 5 % de baisse » were read as +5: beside a computed +5 (an increase) « Conforme », beside the
    -5 the data give an « Écart » of 10. Words of a change after the number give its sign, as before it."""
    parsed = parse_printed(text, ",")
    assert parsed.value == value and parsed.signed
    assert classify(text, -value, "=", ",").status == "mismatch"


def test_a_womens_share_of_the_participants_whose_sex_is_known_says_so(tmp_path):
    """100 participants, 40 women, 50 men, 10 of unknown sex: the workbook's share is 40 of the 90 known (44,4 %); a
    report's « 40 femmes sur 100 participants (40 %) » was an « écart de -4,44 », nothing said of the 10 left out.
    The verdict is the same, and says which share it is and what the other is."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.write("participation", "event_id,participants,women,men,country,start_date\n"
                                "E1,100,40,50,Maroc,2021-01-10\nE2,20,10,10,Maroc,2021-02-10\n")
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "F1;women_share;E1;40 %;« 40 femmes sur 100 participants (40 %) »;Maroc\n"
                           "F2;women_share;E2;50 %;« 50 % »;Maroc\n"
                           "F3;women_share;all;45 %;« 45 % »;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "mismatch", "F2": "match", "F3": "match"}
    assert "the women's share of all the participants is 40.0 %" in checked.at["F1", "note"]
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"] == ("écart de -4,44 ; part des participants dont le sexe est connu (10 de sexe non renseigné "
                           "laissés de côté) ; rapportée à tous les participants, sexe non renseigné compris : "
                           "40,0\u202f%")
    assert shown["F2"] == "" and "41,7" in shown["F3"]


def test_lower_case_m_beside_an_amount_is_million(tmp_path):
    """reported.csv printing the budget « 0,25 m » (250 000 USD, without the currency) was compared as 0.25: an
    « Écart » of 249 999.75. An amount's « m » is million; a count's is not read so (« 12 m » may be metres)."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.append("reported", 'F3,budget,total,"0,25 m",=,Budget total,Rapport p. 3,')
    mini.append("reported", 'F4,spent,total@2020-12-31,"0,06 m",=,Dépenses 2020,Rapport p. 3,')
    mini.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    figures = annex_figures(mini.load(), load_annex_params("mini", "ensemble", mini.params_dir))
    checked = figures[figures["metric"].eq("reported_figure")].set_index("key")
    assert checked.loc[["F3", "F4"], "status"].tolist() == ["match", "mismatch"]   # 50 000,50 is 0,05 m
    assert "difference 9999.5" in checked.loc["F4", "note"]   # not 0.06 - 50 000.5
    shown = published_check(figures, mini.load().tables["reported"], "fr", ",").set_index("figure_id")
    assert shown.loc["F4", "explanation"] != "" and "249" not in shown.loc["F3", "explanation"]
    assert classify("12 m", 12, "=", ",").status == "match"   # a count: as written


def test_a_project_currency_written_in_words_is_a_currency_for_the_published_figures(tmp_path):
    """project.yaml's `currency: francs CFA`: a figure printed « 30 000 € » was a match with the spending in
    francs (the published-figure reader knew « francs CFA » as a word of a printed figure, not as a unit); now not
    computable, in another currency, as with `currency: XOF`. (`francs CFA` is now refused, XOF or XAF: `dirhams`,
    read as MAD, is the word here.)"""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.set_param("currency", "dirhams")
    m.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    m.append("reported", "F3,spent,B3,30 000 €,=,Dépenses de B3,Rapport p. 3,")
    figures = annex_figures(m.load(), load_annex_params("mini", "ensemble", m.params_dir))
    checked = figures[figures["metric"].eq("reported_figure") & figures["key"].eq("F3")].iloc[0]
    assert checked["status"] == "not_computable" and "printed in EUR" in checked["note"], checked["note"]


def test_a_scale_glued_to_a_local_currency_abbreviation_is_read(tmp_path):
    """« 80 kDT » (thousands of Tunisian dinars, as « 5 MDT » in Tunisia, « 2,4 MDH » in Morocco) was read as 80
    while its currency was found (TND): a mismatch with the budget of 80 000, the report said wrong. The scale may be
    glued to every code and abbreviation of data.currencies, as to EUR and USD."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.set_param("currency", "TND")
    m.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    m.append("reported", "F3,budget,B3,80 kDT,=,Budget de B3,Rapport p. 3,")
    figures = annex_figures(m.load(), load_annex_params("mini", "ensemble", m.params_dir))
    checked = figures[figures["metric"].eq("reported_figure") & figures["key"].eq("F3")].iloc[0]
    assert checked["status"] == "match", checked["note"]
    assert parse_printed("5 MDT", ",").value == Decimal("5E+6") and parse_printed("2,4 MDH", ",").value == 2400000


@pytest.mark.parametrize("text, value", [
    ("baisse : 5 %", -5), ("Baisse: 5 %", -5), ("recul : 5 %", -5), ("diminution : 5 %", -5), ("en baisse : 5 %", -5),
    ("moins 5 %", -5), ("minus 5%", -5), ("hausse : 5 %", 5), ("Croissance : -3 %", -3), ("en recul de 5 %", -5),
    ("- 5 %", -5), ("−5 %", -5)])
def test_a_word_of_a_change_as_a_label_or_moins_gives_the_sign(text, value):
    """« baisse : 5 % », « recul : 5 % », « moins 5 % » were read as +5: beside an increase of 5 « Conforme », beside
    the decrease the data give an « Écart » of 10. The words give the sign when none is written; « au moins 5 % » is
    still a bound, « (5 %) » still refused."""
    parsed = parse_printed(text, ",")
    assert parsed.value == value and parsed.signed
    assert classify(text, -value, "=", ",").status == "mismatch"
    assert not parse_printed("au moins 5 %", ",").signed and worded_comparison("au moins 5 %") == ">="
    with pytest.raises(UnreadableNumber):
        parse_printed("(5 %)", ",")


def test_a_decrease_written_as_a_label_in_reported_csv_is_compared_as_one(tmp_path):
    """A French Excel reported.csv printing an effect of -2,5 as « baisse : 2,5 », « moins 2,5 »: each was an
    « Écart » of 5 (read +2,5); beside an effect of +2,5 it would have been « Conforme »."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("impact/survey", "id,arm,score,age\n1,T,10,30\n2,T,11.5,25\n3,C,12.5,40\n4,C,14,35\n")
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;impact_effect;survey:score;baisse : 2,5;Effet sur le score;Maroc\n"
                        "F2;impact_effect;survey:score;moins 2,5;Effet sur le score;Maroc\n"
                        "F3;impact_effect;survey:score;hausse : 2,5;Effet sur le score;Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "match", "F2": "match", "F3": "mismatch"}


def test_a_plus_sign_before_a_count_or_an_amount_is_not_read_as_equal(tmp_path):
    """« +80 000 » beside a budget line of 80 000 (« +3 000 formés »: more than, or an increase?) was read as
    = 80 000: « Conforme », and « +79 000 » an « Écart » of -1 000. It is now not computable, saying to write the
    comparison; with the comparison written, or beside an effect (a change), the '+' is read as before."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    m.write("reported", "figure_id,metric,key,value,comparison,label,source,country\n"
                        "F1,budget,B3,+80 000,,Budget de B3,p. 3,\n"
                        "F2,budget,B3,+79 000,,Budget de B3,p. 3,\n"
                        "F3,activity_status_count,done,+1,,Activités réalisées,p. 4,\n"
                        "F4,budget,B3,+79 000,>,Budget de B3,p. 3,\n"
                        "F5,impact_effect,survey:score,+2.5,,Effet,p. 5,\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "ensemble", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "not_computable",
                                           "F4": "match", "F5": "match"}
    shown = published_check(figures, m.load().tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"].startswith("un « + » devant un effectif ou un montant peut signifier « plus de »")


def test_a_plus_sign_before_a_share_is_not_read_as_equal(tmp_path):
    """« +40 % » beside a women's share of 40 % (« more than 40 % », or a rise of 40 %?) was read as = 40: « Conforme »,
    where « hausse de 40 % » is not computable. It is now not computable, saying to write the comparison or the share
    without its '+'; with the comparison written the '+' is read as before, and « +5 pp » is said in points."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;comparaison;libellé;pays\n"
                        "F1;women_share;E1;+40 %;;Part des femmes;Maroc\n"
                        "F2;women_share;E1;+40 %;>=;Part des femmes;Maroc\n"
                        "F3;women_share;E1;+40;~;Part des femmes;Maroc\n"
                        "F4;women_share;E1;+5 pp;;Part des femmes;Maroc\n"
                        "F5;women_share;E1;40 %;;Part des femmes;Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "match", "F3": "not_computable",
                                           "F4": "not_computable", "F5": "match"}
    shown = published_check(figures, m.load().tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"] == ("un « + » devant une part ou un ratio peut signifier « plus de » ou une évolution (une "
                           "hausse) : écrire la comparaison (> ou >=) dans la colonne comparaison, ou le chiffre sans "
                           "le « + »")
    assert shown["F4"].startswith("publié en points de pourcentage")
    english = published_check(figures, m.load().tables["reported"], "en", ",").set_index("figure_id")["explanation"]
    assert english["F1"].startswith("a '+' before a share or a ratio may mean 'more than' or a change")


def test_a_metric_or_a_dated_key_written_in_another_case_follows_the_rules_of_its_metric(tmp_path):
    """« Women_Share » and « Budget » were found ignoring case, but the rules by metric missed them: « +40 % » and
    « +50 000 » were « Conforme » (a '+' is refused beside a share and an amount; so was a « Spent » whose label dates
    it otherwise, compared at the reporting date), and « Spent » keyed 'total@2020-12-31' or « spent » keyed
    'Total@2020-12-31' was « no computed figure ». Now the metric's rules apply, and its label's date is told."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;Women_Share;E1;+40 %;Part des femmes;Maroc\n"
                        "F2;Budget;B2;+50 000;Budget de B2;Maroc\n"
                        "F3;Spent;total@2020-12-31;50 000,5;Dépenses au 31/12/2019;Maroc\n"
                        "F4;Spent;total@2020-12-31;50 000,5;Dépenses;Maroc\n"
                        "F5;spent;Total@2020-12-31;50 000,5;Dépenses;Maroc\n"
                        "F6;WOMEN_SHARE;E1;40 %;Part des femmes;Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "not_computable",
                                           "F4": "match", "F5": "match", "F6": "match"}
    assert "a '+' before a share or a ratio" in checked.at["F1", "note"] and "dated 2019-12-31" in checked.at["F3", "note"]


def test_a_plus_sign_or_a_change_beside_the_unallocated_budget_is_not_compared(tmp_path):
    """« +50 000 » and « hausse de 50 000 » beside an unallocated budget of 50 000 (budget_total 300 000, lines adding
    up to 250 000) were « Conforme », as they were beside a budget before: an amount, a level. Not computable now."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.set_param("budget_total", 300000)
    m.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    m.write("reported", "figure_id,metric,key,value,comparison,label,source,country\n"
                        "F1,unallocated_budget,total,+50 000,,Budget non alloué,p. 3,\n"
                        "F2,unallocated_budget,total,hausse de 50 000,,Budget non alloué,p. 3,\n"
                        "F3,unallocated_budget,total,50 000,,Budget non alloué,p. 3,\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "ensemble", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "match"}


def test_a_share_printed_with_its_sign_as_a_fraction_of_1_is_a_mismatch(tmp_path):
    """« 0,40 % » beside a women's share of 40 % was « Conforme » (« écrit comme une fraction de 1 : 40 % »): the
    report prints 0,40 %, a hundred times less. A fraction of 1 written without '%' (« 0,40 », what an Excel cell holds)
    is still read as one; with its sign it is a mismatch, the annex saying that as a fraction it would match."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;women_share;E1;0,40 %;Part des femmes;Maroc\n"
                        "F2;women_share;E1;0,40;Part des femmes;Maroc\n"
                        "F3;women_share;E1;0,40 pour cent;Part des femmes;Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "mismatch", "F2": "match", "F3": "mismatch"}
    shown = published_check(figures, m.load().tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    said = {k: re.sub(r"[\u00a0\u202f]", " ", v) for k, v in shown.items()}
    assert said["F1"] == ("écart de -39,60 ; écrit avec « % » : lu comme une fraction de 1 (40 %), il serait conforme ; "
                          "si le rapport imprime « 0,40 % », il est faux ; s'il imprime la fraction, écrire la valeur "
                          "sans « % »")
    assert said["F2"] == "écrit comme une fraction de 1 : 40 %"


def test_a_budget_key_dated_by_a_period_says_the_day_to_write(tmp_path):
    """'total@fin 2020' (« fin 2020 », as a label says it) was « no computed figure »: it is the end of 2020. A period
    alone ('total@2020', 'total@S2 2020': spent during it, or up to its end?) is still refused, but the note and make
    check said only « no computed figure » (or « did you mean 'total'? », the figure at the reporting date): they now
    say the key to write for the figure at its end."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;spent;total@fin 2020;50 000,5;Dépenses;Maroc\n"
                        "F2;spent;total@S2 2020;50 000,5;Dépenses;Maroc\n"
                        "F3;spent;total@2020;50 000,5;Dépenses;Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "match", "F2": "not_computable", "F3": "not_computable"}
    assert "write the key 'total@2020-12-31' for the figure at its end" in checked.at["F2", "note"]
    shown = published_check(figures, m.load().tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert "« 2020 » est une période, pas un jour" in shown["F3"] and "clé voisine" not in shown["F3"]
    told = [p for p in reported_figure_problems("mini", m.data_dir, m.params_dir) if p.rule == "unknown_figure"]
    assert [(p.row, "'total@2020-12-31'" in p.hint) for p in told] == [(3, True), (4, True)]


def test_a_change_without_a_direction_or_a_factor_beside_a_level_is_not_compared(tmp_path):
    """« variation de 40 % », « évolution : 40 % », « écart de 40 % » beside a women's share of 40 %, « x1 », « ×1 »,
    « 1 fois plus » beside a count of 1 were « Conforme » (a change or a factor compared with a level, equal by
    chance), where « hausse de 40 % » is not computable. They now are not computable too; make check warns of them."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;women_share;E1;variation de 40 %;Part des femmes;Maroc\n"
                        "F2;women_share;E1;évolution : 40 %;Part des femmes;Maroc\n"
                        "F3;women_share;E1;écart de 40 %;Part des femmes;Maroc\n"
                        "F4;activity_status_count;done;x1;Activités réalisées;Maroc\n"
                        "F5;activity_status_count;done;×1;Activités réalisées;Maroc\n"
                        "F6;activity_status_count;done;1 fois plus;Activités réalisées;Maroc\n"
                        "F7;women_share;E1;Taux : 40 %;Part des femmes;Maroc\n"
                        "F8;activity_status_count;done;1;Activités réalisées;Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {f"F{i}": "not_computable" for i in range(1, 7)} | {"F7": "match",
                                                                                             "F8": "match"}
    shown = published_check(figures, m.load().tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F4"].startswith("publié comme une évolution (des mots d'évolution ou un facteur entourent le chiffre)")
    told = [p.row for p in reported_figure_problems("mini", m.data_dir, m.params_dir) if p.rule == "not_a_level"]
    assert told == [2, 3, 4, 5, 6, 7]


def test_a_change_beside_a_ratio_that_is_a_level_is_not_compared(tmp_path):
    """« hausse de 0,67 », « +0,67 » beside a parity index of 0,67 (a burn index, a cost to its benchmark: ratios that
    are levels) were « Conforme »: a change compared with a level. Not computable now; the ratio as printed is."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;gender_parity_index;E1;hausse de 0,67;Parité;Maroc\n"
                        "F2;gender_parity_index;E1;+0,67;Parité;Maroc\n"
                        "F3;gender_parity_index;E1;0,67;Parité;Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "match"}


def test_a_percentage_printed_without_its_sign_beside_a_fraction_of_1_says_so(tmp_path):
    """« 50 » (a report's table of effects « en points de % ») beside an effect on a yes/no outcome of 0.5 was an
    « écart de 49,5 » only, where « 50 % » was a match. It stays a mismatch (50 may be a count, or wrong), and the
    annex says that as a percentage it would match and what to write."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("impact/survey", "id,arm,score,age\n1,T,1,30\n2,T,1,25\n3,C,0,40\n4,C,1,35\n")
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;impact_effect;survey:score;50;Effet sur l'emploi (points de %);Maroc\n"
                        "F2;impact_effect;survey:score;50 %;Effet sur l'emploi;Maroc\n"
                        "F3;impact_effect;survey:score;40;Effet sur l'emploi (points de %);Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "mismatch", "F2": "match", "F3": "mismatch"}
    shown = published_check(figures, m.load().tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"] == ("écart de 49,5 ; sans « % » : lu comme un pourcentage, il serait conforme ; si le rapport "
                           "imprime un pourcentage, écrire « 50 % » (ou l'unité « % »)")
    assert shown["F3"] == "écart de 39,5"


def test_an_indicator_figure_its_label_dates_at_another_period_is_not_compared(tmp_path):
    """« Personnes formées au 30 juin 2021 » keyed 'I1@2020' (the 2020 row of the IPTT) was compared with the 2020
    achievement: « Conforme » for another period's figure. Now not computable, saying the key of the period that
    holds the label's date (or that none does); a label dated within the key's period is compared; make check warns."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    m = Mini.copy_to(tmp_path)
    m.write_param_file("ensemble", "country: all\nname: Ensemble\n")
    m.write("reported", "figure_id,metric,key,value,comparison,label,source,country\n"
                        "F1,indicator_achievement,I1@2020,50,,Personnes formées (réalisé/cible) au 30 juin 2021,p. 3,\n"
                        "F2,indicator_achievement,I1@2020,50,,Personnes formées à fin 2020,p. 3,\n"
                        "F3,indicator_achievement,I2,150,,Taux de chômage au 31/12/2019,p. 4,\n"
                        "F4,indicator_achievement,I2,150,,Taux de chômage,p. 4,\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "ensemble", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "match", "F3": "not_computable",
                                           "F4": "match"}
    shown = published_check(figures, m.load().tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"] == ("daté du 30 juin 2021 par son libellé, alors que le chiffre recalculé décrit le 31 décembre "
                           "2020 ; écrire la clé « I1@2021 » pour le comparer à cette période ; si la date du libellé "
                           "n'est pas celle du chiffre, reformuler le libellé")
    assert "le tableau des indicateurs n'a pas de période de cet indicateur à cette date" in shown["F3"]
    told = [p for p in reported_figure_problems("mini", m.data_dir, m.params_dir) if p.rule == "dated_otherwise"]
    assert [(p.row, p.column, p.severity) for p in told] == [(2, "label", "warning"), (4, "label", "warning")]


def test_a_change_printed_beside_a_level_is_not_compared():
    """« hausse de 3 000 », « 3 000 de plus » beside 3 000 persons were « Conforme » (a change compared with a level,
    equal by chance); « baisse : 45 % » beside a women's share. Not computable, saying so in the annex language; an
    effect (a change) is still compared, and a level printed as such or with a bound too."""
    from helpers.annex.fmt import reason

    figures = pd.DataFrame({"metric": ["persons", "women_share", "budget", "impact_effect"],
                            "key": ["all", "all", "total", "s:x"], "value": [3000.0, 45.0, 3000.0, 5.0],
                            "unit": ["count", "%", "USD", ""], "n": [10, 10, 3, 100], "note": [""] * 4})
    printed = [("persons", "all", "hausse de 3 000"), ("persons", "all", "3 000 de plus"),
               ("women_share", "all", "baisse : 45 %"), ("budget", "total", "en hausse de 3 000 USD"),
               ("persons", "all", "plus de 2 000"), ("impact_effect", "s:x", "hausse de 5"),
               ("persons", "all", "3 000"), ("women_share", "all", "45 %")]
    reported = pd.DataFrame({"figure_id": [f"F{i}" for i in range(len(printed))],
                             "metric": [m for m, _, _ in printed], "key": [k for _, k, _ in printed],
                             "value": [v for _, _, v in printed], "comparison": None, "label": "a", "source": "s"})
    out = reconcile(reported, figures, decimal_mark=",")
    assert out["status"].tolist() == ["not_computable"] * 4 + ["match"] * 4
    assert reason("persons [all]: " + out.loc[0, "note"], "fr").startswith("publié comme une évolution")


def test_a_figure_per_month_or_quarter_is_not_compared_and_a_report_s_name_is_not_a_period(tmp_path):
    """« 16 par mois », « Dépenses mensuelles », « quarterly spending » beside the figures cumulated from the project's
    start were « Conforme » when equal to them (only yearly words were read); a label citing its source « rapport
    annuel 2020 » or « annual report » names the document, not the figure's period, and is compared."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "F1;women_share;E1;40;« part des femmes, 40 par mois »;Maroc\n"
                           "F2;budget;total;150 000;« budget mensuel »;Maroc\n"
                           "F3;women_share;E1;40 / trimestre;« part des femmes »;Maroc\n"
                           "F4;women_share;E1;40;« Quarterly share of women »;Maroc\n"
                           "F5;women_share;E1;40;« part des femmes (rapport annuel 2021) »;Maroc\n"
                           "F6;women_share;E1;40;« share of women (annual progress report) »;Maroc\n"
                           "F7;women_share;E1;40;« part des femmes, rapport semestriel »;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "not_computable",
                                           "F4": "not_computable", "F5": "match", "F6": "match", "F7": "match"}
    assert "per month, quarter, half-year or week" in checked.at["F2", "note"]
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert "parle d'un chiffre par mois, trimestre, semestre ou semaine" in shown["F1"]


def test_a_value_written_with_its_date_is_read_as_the_figure_s_date(tmp_path):
    """« 150 000 au 2020-06-30 », « 150 000 (30/06/2020) », « 150 000 at 30 June 2020 », « 150 000 à fin juin 2020 »
    were refused as « a range » or « two numbers » (misleading). The date written after the value is now the figure's,
    read as a label's date is: compared when it is the day the figure describes (the reporting date, a key's '@date',
    an indicator's period), not computable otherwise, saying the key to write; beside a figure without a date (an
    impact effect) it is refused, saying to write the date in the label; make check says it at the value's cell."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;unité;pays\n"
                           "D1;budget;total;150 000 au 2020-06-30;;Maroc\n"
                           "D2;budget;total;150 000 (30/06/2020);;Maroc\n"
                           "D3;budget;total;150 000 at 30 June 2020;;Maroc\n"
                           "D4;budget;total;150 000 à fin juin 2020;;Maroc\n"
                           "D5;budget;total@2020-06-30;150 000 au 2020-06-30;;Maroc\n"
                           "D6;women_share;E1;40 % au 30/06/2021;;Maroc\n"
                           "D7;women_share;E1;40 % (31/12/2020);;Maroc\n"
                           "D8;indicator_achievement;I1@2020;50 % au 31/12/2020;;Maroc\n"
                           "D9;indicator_achievement;I1@2020;50 % au 30/06/2021;;Maroc\n"
                           "D10;budget;total;150 au 2020-06-30;milliers USD;Maroc\n"
                           "D11;impact_effect;survey:score;5 au 30/06/2021;;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {
        "D1": "not_computable", "D2": "not_computable", "D3": "not_computable", "D4": "not_computable",
        "D5": "match", "D6": "match", "D7": "not_computable", "D8": "match", "D9": "not_computable",
        "D10": "not_computable", "D11": "not_computable"}
    for fid in ("D1", "D2", "D3", "D4", "D10"):
        assert "dated 2020-06-30 by its value" in checked.at[fid, "note"]
        assert "write the key 'total@2020-06-30'" in checked.at[fid, "note"]
    assert "write the key 'I1@2021'" in checked.at["D9", "note"]
    assert "write the value alone, and the date in the label" in checked.at["D11", "note"]
    assert not checked["note"].str.contains("range|two numbers").any()
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["D1"].startswith("daté du 30 juin 2020 par sa valeur, alors que le chiffre recalculé décrit le 30 "
                                  "juin 2021 ; écrire la clé « total@2020-06-30 »")
    assert "la date dans le libellé" in shown["D11"]
    told = {p.row: p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "dated_otherwise"}
    assert sorted(told) == [2, 3, 4, 5, 8, 10, 11, 12]
    assert (told[2].column, told[2].value) == ("value", "150 000 au 2020-06-30")


def test_numbers_as_a_french_word_report_prints_them_are_read_or_refused_saying_why(tmp_path):
    """Figures pasted from a French Word report: « 150.000 », « 150 000,00 $ » with U+202F and U+00A0, « 0,15
    million », « 40,0% », « 40 pour cent » are read; « n.d. », « – », « N/A » (no figure printed) were « not a
    number », in the French annex « chiffre publié illisible » only, as were « (150 000) »: the annex now says that the
    report prints no figure, and why the others are not read, with what to write. « 40 p. 100 » (refused as « two
    numbers ») is now read as 40 %."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;pays\n"
                           "W1;budget;total;150.000;Maroc\n"
                           "W2;budget;total;150\u202f000,00\u00a0$;Maroc\n"
                           "W3;budget;total;0,15 million;Maroc\n"
                           "W4;women_share;E1;40,0%;Maroc\n"
                           "W5;women_share;E1;40 pour cent;Maroc\n"
                           "W6;women_share;E1;n.d.;Maroc\n"
                           "W7;women_share;E1;–;Maroc\n"
                           "W8;women_share;E1;N/A;Maroc\n"
                           "W9;budget;total;(150 000);Maroc\n"
                           "W10;women_share;E1;40 p. 100;Maroc\n"
                           "W11;women_share;E1;quarante;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {
        "W1": "match", "W2": "match", "W3": "match", "W4": "match", "W5": "match", "W6": "not_computable",
        "W7": "not_computable", "W8": "not_computable", "W9": "not_computable", "W10": "match",
        "W11": "not_computable"}
    assert "the report prints no figure there" in checked.at["W6", "note"]
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    for fid in ("W6", "W7", "W8"):
        assert shown[fid].startswith("pas de chiffre publié : le rapport n'en imprime pas ici")
    assert shown["W9"].startswith("chiffre publié illisible : un nombre entre parenthèses est un négatif")
    assert shown["W11"] == "chiffre publié illisible : ce n'est pas un nombre (écrire le chiffre publié en chiffres)"


def test_a_figure_whose_label_leaves_a_part_out_is_not_compared_with_the_whole(tmp_path):
    """« Taux d'exécution financière hors Libye », « Part des femmes (excluding Libya) », « Dépenses sauf frais de
    gestion », « sans la Libye » beside the whole project's figure were « Conforme » when equal to it (or an « Écart » of
    another figure): now not computable, saying so in the annex language, and make check warns at the label
    (part_left_out). « y compris », « femmes sans emploi » leave nothing out; « hors activités annulées » beside the
    physical execution rate is what the workbook leaves out itself."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "P1;budget;total;150 000;Budget hors Tunisie;Maroc\n"
                           "P2;women_share;E1;40;Part des femmes (excluding civil servants);Maroc\n"
                           "P3;budget;total;150 000;Budget sauf frais de gestion;Maroc\n"
                           "P4;budget;total;150 000;Budget (sans la coordination);Maroc\n"
                           "P5;budget;total;150 000 hors Tunisie;Budget;Maroc\n"
                           "P6;budget;total;150 000;Budget (y compris la coordination);Maroc\n"
                           "P7;women_share;E1;40;Part des femmes sans emploi;Maroc\n"
                           "P8;physical_execution_rate;all;50;Taux hors activités annulées;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {
        "P1": "not_computable", "P2": "not_computable", "P3": "not_computable", "P4": "not_computable",
        "P5": "not_computable", "P6": "match", "P7": "match", "P8": checked.at["P8", "status"]}
    assert checked.at["P8", "status"] != "not_computable"
    assert "leaves a part out ('hors Tunisie')" in checked.at["P1", "note"]
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["P3"].startswith("son libellé ou sa valeur écarte une partie (« sauf frais de gestion »), alors que "
                                  "le chiffre recalculé pour « total » n'écarte rien")
    told = [p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir) if p.rule == "part_left_out"]
    assert [(p.row, p.column) for p in told] == [(2, "label"), (3, "label"), (4, "label"), (5, "label"), (6, "label")]
    # its hint was the dated figure's, « Write the key at the label's date », which a part left out has nothing of
    assert all("label's date" not in p.hint and "said above" in p.hint for p in told), told[0].hint


def test_the_unit_a_label_gives_its_value_is_read_when_the_unit_column_is_empty(tmp_path):
    """« Budget total (EUR) », « Budget en euros », « Budget (MAD) » beside « 150 000 » in a USD project were
    « Conforme » (a figure in EUR compared with USD figures); « Budget (en milliers USD) », « (millions USD) », « (k$) »
    beside « 150 », « 0,15 » were an « Écart » of -149 850 for the report's right figure. The unit a label gives in
    brackets or after « en » is now read as the unit column is; other brackets (« (A+B) », « (conclusion) »), a
    sentence naming an amount and « (M) » (men) give none."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.analyses.reconcile import label_unit
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "U1;budget;total;150;Budget (en milliers USD);Maroc\n"
                           "U2;budget;total;150 000;Budget total (EUR);Maroc\n"
                           "U3;budget;total;150 000;Budget en euros;Maroc\n"
                           "U4;budget;total;0,15;Budget (millions USD);Maroc\n"
                           "U5;budget;total;150;Budget (k$);Maroc\n"
                           "U6;budget;total;150 000;Budget (MAD);Maroc\n"
                           "U7;budget;total;150 000;Budget total (A+B);Maroc\n")
    figures = annex_figures(mini.load(), load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {
        "U1": "match", "U2": "not_computable", "U3": "not_computable", "U4": "match", "U5": "match",
        "U6": "not_computable", "U7": "match"}
    assert checked.at["U1", "reported"] == "150 milliers USD"
    assert "printed in EUR, the project's figures are in USD" in checked.at["U3", "note"]
    told = [p.row for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "published_currency"]
    assert told == [3, 4, 7]
    assert [label_unit(t) for t in ("Participants (M)", "(conclusion)", "Dépenses en 2020", "Part des femmes (%)",
                                    "« les décaissements avoisinent les 2 millions de dollars »")] == [""] * 5
    # a table's note on its amounts (« (montants en milliers) »): it was no unit, « 150 » an « Écart » of -149 850
    assert [label_unit(t) for t in ("Budget (montants en milliers)", "Budget (amounts in thousands)",
                                    "Budget (tous les montants en milliers de dollars)", "Budget (montants)")] == [
        "montants en milliers", "amounts in thousands", "tous les montants en milliers de dollars", ""]


def test_a_figure_of_the_whole_project_whose_label_names_one_country_is_not_compared_with_the_whole(tmp_path):
    """In the project-wide annex, « Part des femmes au Maroc », « Taux de décaissement (Tunisie) » keyed 'all' or
    'total' without a country were compared with the whole project's figure: « Conforme » or an « Écart » of another
    figure. Now not computable, saying to write the country in the country column or the key of the country (with a
    budget key's date), and make check warns at the label (one_country); a label naming several countries, or a key
    that is not the whole, is compared as before."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    mini = Mini.copy_to(tmp_path)
    mini.write_param_file("ensemble", "country: all\nname: Ensemble du projet\n")
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "N1;women_share;all;38;Part des femmes au Maroc;\n"
                           "N2;budget;total;250 000;Budget (Tunisie);\n"
                           "N3;spent;total@2020-12-31;50 000,50;Dépenses Maroc à fin 2020;\n"
                           "N4;women_share;all;52;Part des femmes (Maroc et Tunisie);\n"
                           "N5;women_share;E1;40;Atelier au Maroc;\n"
                           "N6;women_share;all;52;Part des femmes;\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "ensemble", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {
        "N1": "not_computable", "N2": "not_computable", "N3": "not_computable", "N4": "match", "N5": "match",
        "N6": "match"}
    assert "write 'Maroc' in its country column" in checked.at["N1", "note"]
    assert "the key 'Maroc@2020-12-31'" in checked.at["N3", "note"]
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["N2"].startswith("son libellé nomme un pays (« Tunisie »), alors que le chiffre recalculé pour "
                                  "« total » est celui de tout le projet")
    told = [(p.row, p.column) for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "one_country"]
    assert told == [(2, "label"), (3, "label"), (4, "label")]


def test_a_percentage_beside_a_count_or_an_amount_is_not_compared(tmp_path):
    """« 100 % » beside a count of 1 activity done was read as a fraction of 1 (1.00): « Conforme » for a share the
    count is not; « 50 % » beside it, « 60 % » beside the budget were an « écart » of 49 and -149 940, as if the
    report misprinted them. A percentage beside a count or an amount is now not computable, saying a share is another
    figure (French in the annex); the count written alone is compared as before."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                           "Q1;activity_status_count;done;100 %;Activités réalisées;Maroc\n"
                           "Q2;activity_status_count;done;50 %;Activités réalisées;Maroc\n"
                           "Q3;budget;total;60 pour cent;Budget;Maroc\n"
                           "Q4;activity_status_count;done;1;Activités réalisées;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"Q1": "not_computable", "Q2": "not_computable", "Q3": "not_computable",
                                           "Q4": "match"}
    assert "'activity_status_count' is a count: a share is another figure" in checked.at["Q1", "note"]
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["Q3"].startswith("publié en pourcentage, alors que le chiffre recalculé est un montant")
    from helpers.pipeline.check import reported_figure_problems   # make check says it first, at the value

    told = [(p.row, p.column) for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "not_a_level"]
    assert told == [(2, "value"), (3, "value"), (4, "value")]


def test_a_percentage_written_with_its_year_its_base_or_p_100_is_read(tmp_path):
    """« 40 p. 100 », « 40 pour 100 » (French typography's percent), « 40 % (n=20) » (its base), « 40 % en 2021 », « 40 %
    (2021) » (its year) were all refused as « two numbers ». Now the percentage is read; the base is checked against
    the n computed (n = 250 beside a share of 20 participants: not computable, another population); a year is read
    as a label's year: the figure of that year or at its end? not computable beside a figure cumulated since the
    start, compared with an indicator's period of that year."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;women_share;E1;40 p. 100;Part des femmes;Maroc\n"
                        "F2;women_share;E1;40 pour 100;Part des femmes;Maroc\n"
                        "F3;women_share;E1;40% (n=20);Part des femmes;Maroc\n"
                        "F4;women_share;E1;40 % (N = 250);Part des femmes;Maroc\n"
                        "F5;women_share;E1;40 % en 2021;Part des femmes;Maroc\n"
                        "F6;women_share;E1;40 % (2021);Part des femmes;Maroc\n"
                        "F7;women_share;E1;40;Part des femmes en 2020;Maroc\n"
                        "F8;indicator_achievement;I1@2020;50 % en 2020;Personnes formées;Maroc\n"
                        "F9;indicator_achievement;I1@2020;50 % (2021);Personnes formées;Maroc\n"
                        "F10;women_share;E1;41 p. 100;Part des femmes;Maroc\n")
    data = m.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {
        "F1": "match", "F2": "match", "F3": "match", "F4": "not_computable", "F5": "not_computable",
        "F6": "not_computable", "F7": "not_computable", "F8": "match", "F9": "not_computable", "F10": "mismatch"}
    assert "printed over n = 20, as the figure computed" in checked.at["F3", "note"]
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F4"].startswith("publié sur n = 250, alors que le chiffre recalculé porte sur n = 20")
    assert shown["F5"].startswith("son libellé ou sa valeur nomme l'année 2021 (le chiffre de cette année, ou à sa "
                                  "fin ?), alors que le chiffre calculé est cumulé du début du projet (1er janvier "
                                  "2020) au 30 juin 2021")
    assert "nomme l'année 2020" in shown["F7"]
    assert "écrire la clé « I1@2021 »" in shown["F9"]
    english = published_check(figures, data.tables["reported"], "en", ",").set_index("figure_id")["explanation"]
    assert english["F4"].startswith("printed over n = 250, the figure computed is over n = 20")
    told = {(p.row, p.column) for p in reported_figure_problems("mini", m.data_dir, m.params_dir)
            if p.rule == "dated_otherwise"}
    assert told == {(6, "value"), (7, "value"), (8, "label"), (10, "value")}


def test_a_mismatch_written_with_its_date_or_base_says_its_difference(tmp_path):
    """« 41 % au 30/06/2021 » beside a share of 40 % at that date was an « Écart » that the annex explained « non
    calculable : la raison est dans la colonne « note » » (it read the value with its date); so is « 41 % (n=20) »,
    now read with its base. The annex now says « écart de 1 »."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;women_share;E1;41 % au 30/06/2021;Part des femmes;Maroc\n"
                        "F2;women_share;E1;41 % (n=20);Part des femmes;Maroc\n")
    data = m.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", m.params_dir))
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")
    assert shown["status"].to_dict() == {"F1": "mismatch", "F2": "mismatch"}
    assert shown["explanation"].to_dict() == {"F1": "écart de 1", "F2": "écart de 1"}


def test_a_published_target_is_compared_with_the_indicator_s_target_or_not_computable(tmp_path):
    """« Cible : 40 % », « 40 % (cible) », « Objectif de taux d'exécution : 80 % », « Target share of women » beside
    the figures achieved were compared with them: « Conforme » where the target equalled the achieved share, an
    « écart de 46,67 » for the execution rate's. « Cible : 20 personnes formées » keyed I1@2020 was an « écart de -30 »
    beside the achievement (50 %). Now a target beside a figure achieved is not computable (make check warns,
    published_target); beside an indicator it is compared with its target (target_final for the final
    achievement), the annex saying so. « Taux d'atteinte de la cible », « réalisées comme prévu », « public cible »,
    « Objectif spécifique 1 », « (objectif : 5 000) » beside the achieved figure are compared as before."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;women_share;E1;cible : 40 %;Part des femmes;Maroc\n"
                        "F2;women_share;E1;40 % (cible);Part des femmes;Maroc\n"
                        "F3;physical_execution_rate;all;80 %;Objectif de taux d'exécution;Maroc\n"
                        "F4;women_share;E1;40;Target share of women;Maroc\n"
                        "F5;indicator_achievement;I1@2020;20;Cible : 20 personnes formées;Maroc\n"
                        "F6;indicator_achievement_final;I1@2020;objectif de 40;Personnes formées;Maroc\n"
                        "F7;indicator_achievement;I1@2020;50 %;Taux d'atteinte de la cible;Maroc\n"
                        "F8;activity_status_count;done;1;Activités réalisées comme prévu;Maroc\n"
                        "F9;women_share;E1;40;Part des femmes dans le public cible;Maroc\n"
                        "F10;women_share;E1;40;Objectif spécifique 1 : part des femmes;Maroc\n"
                        "F11;women_share;E1;40;Part des femmes (objectif : 50 %);Maroc\n"
                        "F12;physical_execution_rate;all;33 % prévus;Taux d'exécution;Maroc\n"
                        "F13;physical_execution_rate;all;33 %;Taux d'exécution avec plus du tiers du budget prévu;Maroc\n"
                        "F14;women_share;E1;40 %;Objectif atteint : part des femmes;Maroc\n"
                        "F15;women_share;E1;40 %;Target achieved: share of women;Maroc\n")
    data = m.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {
        "F1": "not_computable", "F2": "not_computable", "F3": "not_computable", "F4": "not_computable",
        "F5": "match", "F6": "mismatch", "F7": "match", "F8": "match", "F9": "match", "F10": "match", "F11": "match",
        "F12": "not_computable", "F13": "match", "F14": "match", "F15": "match"}
    assert checked.at["F5", "value"] == 20 and checked.at["F6", "value"] == 50
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"].startswith("son libellé ou sa valeur parle d'une cible (« cible »), alors que le chiffre "
                                  "recalculé pour « E1 » est le réalisé")
    assert shown["F5"] == "comparé à la cible de l'indicateur (target : 20), pas à son taux de réalisation"
    assert shown["F6"] == ("comparé à la cible de l'indicateur (target_final : 50), pas à son taux de réalisation ; "
                           "écart de -10")
    english = published_check(figures, data.tables["reported"], "en", ",").set_index("figure_id")["explanation"]
    assert english["F3"].startswith("its label or its value speaks of a target ('Objectif')")
    told = [(p.row, p.column) for p in reported_figure_problems("mini", m.data_dir, m.params_dir)
            if p.rule == "published_target"]
    assert told == [(2, "value"), (3, "value"), (4, "label"), (5, "label"), (13, "value")]


def test_a_label_dated_without_au_or_by_a_year_is_read(tmp_path):
    """« Part des femmes en décembre 2020 », « in December 2020 », « (31/12/2020) », « le 31/12/2020 », « , 31 décembre
    2020 », « by end 2020 », « à décembre 2020 », « sur l'année 2020 », « exercice 2020 », « FY2020 », « Women's share,
    2020 », « Part des femmes 2020 » beside an annex at 30/06/2021 were compared with the figure at 30/06/2021 (« Conforme »
    for another date's figure). Now not
    computable, saying which date each describes; a start date (« depuis janvier 2020 ») and a label dated the
    reporting date are compared."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)
    labels = ["Part des femmes en décembre 2020", "Share of women in December 2020", "Part des femmes (31/12/2020)",
              "Part des femmes le 31/12/2020", "Part des femmes, 31 décembre 2020", "Share of women by end 2020",
              "Part des femmes à décembre 2020", "Part des femmes sur l'année 2020", "Part des femmes, exercice 2020",
              "Share of women, FY2020", "Part des femmes depuis janvier 2020", "Part des femmes (juin 2021)",
              "Part des femmes le 30/06/2021", "Women's share, 2020", "Share of women as of June 30, 2021",
              "Part des femmes 2020", "Part des femmes juin 2021", "Part des femmes fin 2020"]
    mini.write("reported", "figure_id;metric;key;valeur;libellé;pays\n" + "".join(
        f"F{i};women_share;E1;40 %;{label};Maroc\n" for i, label in enumerate(labels, 1)))
    figures = annex_figures(mini.load(), load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {f"F{i}": "not_computable" for i in range(1, 11)} | {
        "F11": "match", "F12": "match", "F13": "match", "F14": "not_computable", "F15": "match",
        "F16": "not_computable", "F17": "match", "F18": "not_computable"}
    assert "dated 2020-12-31 by its label" in checked.at["F1", "note"]
    assert "names the year 2020" in checked.at["F16", "note"]   # (a year alone at the end of the label)
    assert "names the year 2020" in checked.at["F8", "note"]


@pytest.mark.parametrize("text, first, last", [("20 bénéficiaires dont 40 % de femmes", "20", "40"),
                                               ("40 % des 20 participants", "40", "20"),
                                               ("5 000 bénéficiaires, dont 2 000 femmes", "5 000", "2 000")])
def test_two_figures_in_one_cell_are_said_so(text, first, last):
    """« 5 000 bénéficiaires dont 40 % de femmes » was refused saying « a space is in a number only before a group of 3
    digits »: the cell holds two figures, and the annex now says which, and to write each in its own row."""
    from helpers.annex import fmt

    result = classify(text, 40.0, "=", ",")
    assert result.status == "not_computable"
    assert f"holds two figures ('{first}' and '{last}')" in result.note
    assert fmt.reason(result.note, "fr") == (f"chiffre publié illisible : il contient deux chiffres (« {first} » et "
                                             f"« {last} ») : écrire seul celui que vérifie cette ligne, et chaque "
                                             "autre chiffre sur sa propre ligne")


def test_an_indicator_s_value_printed_without_percent_is_compared_with_its_actual_value(tmp_path):
    """« 10 personnes », « 10 » keyed I1@2020 (10 trained, target 20) were an « écart de -40 » beside the achievement
    rate (50 %), for a figure the report gives right. A value without '%' that the rate does not match and the actual
    does is compared with the actual value, the annex saying so; « 50 % » and « 50 » are the rate as before, « 12 »
    a mismatch."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;indicator_achievement;I1@2020;10 personnes;Personnes formées;Maroc\n"
                        "F2;indicator_achievement_final;I1@2020;10;Personnes formées;Maroc\n"
                        "F3;indicator_achievement;I1@2020;50 %;Personnes formées;Maroc\n"
                        "F4;indicator_achievement;I1@2020;50;Personnes formées;Maroc\n"
                        "F5;indicator_achievement;I1@2020;12;Personnes formées;Maroc\n")
    data = m.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "match", "F2": "match", "F3": "match", "F4": "match",
                                           "F5": "mismatch"}
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"] == ("publié sans « % », c'est la valeur réalisée de l'indicateur (actual : 10) : comparé à "
                           "elle, pas à son taux de réalisation")
    assert shown["F3"] == "" and shown["F5"] == "écart de -38"


def test_an_amount_in_thousands_or_millions_written_as_reports_write_it_is_read(tmp_path):
    """« 0,15 Mn USD », « 150 TUSD », a label's « (KUSD) », « (MUSD) », « en milliers de dollars », « (x 1 000 USD) »,
    « (USD m) » beside a budget of 150 000 USD were read as 0,15 or 150: an « écart » of the whole amount for a figure
    the report gives right. They are read with their scale; « 150 TEUR » is in EUR (not computable in a USD project),
    « 150 mil USD » (a thousand in Spanish, a million in English) is refused saying so."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    rows = [("0,15 Mn USD", "Budget"), ("150 TUSD", "Budget"), ("150", "Budget (KUSD)"), ("0,15", "Budget (MUSD)"),
            ("150", "Budget en milliers de dollars"), ("150", "Budget (x 1 000 USD)"), ("0,15", "Budget (USD m)"),
            ("150 TEUR", "Budget"), ("150 mil USD", "Budget"), ("150", "Budget (KEUR)"), ("150 TND", "Budget")]
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n" + "".join(
        f"F{i};budget;total;{value};{label};Maroc\n" for i, (value, label) in enumerate(rows, 1)))
    data = m.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {f"F{i}": "match" for i in range(1, 8)} | {
        "F8": "not_computable", "F9": "not_computable", "F10": "not_computable", "F11": "not_computable"}
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F8"].startswith("publié en EUR, les chiffres du projet sont en USD")
    assert shown["F9"] == ("chiffre publié illisible : « mil » vaut mille en espagnol et en portugais, un million en "
                           "anglais (écrire le nombre en chiffres)")
    assert shown["F11"].startswith("publié en TND")


def test_an_indicator_figure_whose_label_names_another_year_than_its_period_is_not_compared(tmp_path):
    """« Personnes formées en 2021 », « (2021) » keyed I1@2020 were compared with the 2020 period (« Conforme »); now
    not computable, giving the key of the 2021 period. « en 2020 » and a report's name (« rapport annuel 2021 ») are
    compared."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;indicator_achievement;I1@2020;50 %;Personnes formées en 2021;Maroc\n"
                        "F2;indicator_achievement;I1@2020;50 %;Personnes formées (2021);Maroc\n"
                        "F3;indicator_achievement;I1@2020;50 %;Personnes formées en 2020;Maroc\n"
                        "F4;indicator_achievement;I1@2020;50 %;Personnes formées (rapport annuel 2021);Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "match",
                                           "F4": "match"}
    assert "write the key 'I1@2021' to compare it with that period" in checked.at["F1", "note"]


def test_a_figure_of_a_half_a_quarter_or_a_month_is_not_compared_with_the_cumulated_one(tmp_path):
    """« Part des femmes du S1 2021 », « durant le T2 2021 », « de juin 2021 », « during Q2 2021 » beside an annex at
    30/06/2021 were read as dated the period's last day, the reporting date: compared with the figure cumulated since
    2020 (« Conforme »). Now not computable (the figure of that period); « au S1 2021 », « à partir de janvier 2020 »,
    « de janvier 2020 à juin 2021 » (from the start) are compared."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    labels = ["Part des femmes du S1 2021", "Part des femmes durant le T2 2021", "Part des femmes de juin 2021",
              "Share of women during Q2 2021", "Part des femmes au S1 2021", "Part des femmes à partir de janvier 2020",
              "Part des femmes de janvier 2020 à juin 2021"]
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n" + "".join(
        f"F{i};women_share;E1;40 %;{label};Maroc\n" for i, label in enumerate(labels, 1)))
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "not_computable",
                                           "F4": "not_computable", "F5": "match", "F6": "match", "F7": "match"}
    assert "speaks of a figure per month, quarter, half-year or week" in checked.at["F1", "note"]


@pytest.mark.parametrize("text", ["100 pct", "100 p.c.", "100 pour-cent"])
def test_a_percent_written_pct_or_pour_cent_with_a_hyphen_is_a_percentage(text, tmp_path):
    """« 100 pct », « 100 p.c. », « 100 pour-cent » beside 1 activity done were read as a count, « écart de 99 ;
    sans « % » : lu comme un pourcentage, il serait conforme » (the annex said no '%' was printed): they are a
    percentage, beside a count not computable as « 100 % » is."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("reported", f"figure_id;metric;key;valeur;libellé;pays\nF1;activity_status_count;done;{text};Activités;Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked.at["F1", "status"] == "not_computable"
    assert "printed as a percentage" in checked.at["F1", "note"]


def test_a_count_published_beside_a_share_is_not_compared_as_a_share(tmp_path):
    """« 8 femmes » beside the women's share of E1 (8 of 20: 40 %) was an « écart de -32 », as if the report
    misprinted the share; « 1 activité » beside the execution rate too. A count printed beside a share is now not
    computable, saying so; « 40 % de femmes », « 40 » and an indicator's « 10 personnes » (its actual) are compared."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "F1;women_share;E1;8 femmes;Part des femmes;Maroc\n"
                        "F2;physical_execution_rate;all;1 activité;Taux d'exécution;Maroc\n"
                        "F3;women_share;E1;40 % de femmes;Part des femmes;Maroc\n"
                        "F4;women_share;E1;40;Part des femmes;Maroc\n"
                        "F5;indicator_achievement;I1@2020;10 personnes;Personnes formées;Maroc\n")
    data = m.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "match",
                                           "F4": "match", "F5": "match"}
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"] == ("publié comme un effectif (« 8 femmes »), alors que le chiffre recalculé est une part (%) : "
                           "un effectif est un autre chiffre (écrire la part que donne le rapport)")


def test_a_published_did_over_the_balanced_panel_is_checked_against_the_panel_s_estimate(tmp_path):
    """A did panel (`unit:`) with attrition: the annex gave the difference-in-differences over the persons seen twice
    in a sentence only, so a report publishing it (202,7 here, where the estimate on every row is 239,7) could not be
    checked. figures.csv now has it (impact_panel_effect, statsmodels' OLS on the balanced panel, HC1), and the
    published figure is compared with it: « Conforme » when equal, an « Écart » otherwise."""
    import statsmodels.formula.api as smf
    from fixtures.mini_project import Mini
    from fixtures.panels import DESCRIPTION, attrition_panel
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("impact/panel", attrition_panel())
    m.write("impact/panel.yaml", DESCRIPTION)
    data = pd.read_csv(m.path("impact/panel")).assign(t=lambda d: (d.groupe == "T").astype(int),
                                                      post=lambda d: (d.vague == 2022).astype(int))
    ref = smf.ols("revenu ~ t * post", data[data.id.groupby(data.id).transform("size") == 2]).fit(cov_type="HC1")
    printed = f"{ref.params['t:post']:.1f}".replace(".", ",")
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        f"P1;impact_panel_effect;panel:revenu;{printed};Effet sur les personnes vues deux fois;Maroc\n"
                        "P2;impact_panel_effect;panel:revenu;239,7;Effet sur les personnes vues deux fois;Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir)).set_index(["metric", "key"])
    row = figures.loc[("impact_panel_effect", "panel:revenu")]
    assert abs(row["value"] - ref.params["t:post"]) < 1e-9 and abs(row["se"] - ref.bse["t:post"]) < 1e-9
    assert abs(figures.loc[("impact_effect", "panel:revenu"), "value"] - row["value"]) > 5   # (every row's)
    assert "units; left out: " in row["note"]
    checked = figures.loc["reported_figure"]
    assert checked.loc["P1", "status"] == "match" and checked.loc["P2", "status"] == "mismatch"


def test_a_rate_or_share_the_label_says_planned_is_a_target(tmp_path):
    """« Taux d'exécution prévu », « Part des femmes visée », « Planned execution rate », « Expected share of women »
    were compared with the rate or share achieved (« Écart », or « Conforme » where they happened to be equal): they
    are the plan's, of which the workbook computes none, so not computable, as « cible : 40 % » is. A participle that
    qualifies the denominator (« du budget prévu ») or a group (« part de la population visée ») keeps the figure
    compared."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.data.params import load_annex_params

    m = Mini.copy_to(tmp_path)
    m.write("reported", "figure_id;metric;key;valeur;libellé;pays\n"
                        "P1;physical_execution_rate;all;33 %;Taux d'exécution prévu;Maroc\n"
                        "P2;women_share;E1;40 %;Part des femmes visée;Maroc\n"
                        "P3;physical_execution_rate;all;33 %;Planned execution rate;Maroc\n"
                        "P4;women_share;E1;40 %;Expected share of women;Maroc\n"
                        "P5;physical_execution_rate;all;33 %;Taux d'exécution du budget prévu;Maroc\n"
                        "P6;women_share;E1;40 %;Part des femmes dans la population visée;Maroc\n"
                        "P7;women_share;E1;40 %;Part des femmes;Maroc\n")
    figures = annex_figures(m.load(), load_annex_params("mini", "maroc", m.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"P1": "not_computable", "P2": "not_computable", "P3": "not_computable",
                                           "P4": "not_computable", "P5": "match", "P6": "match", "P7": "match"}
    assert "speaks of a target" in checked.at["P1", "note"]
    from helpers.annex import fmt   # the words said hold an apostrophe: the French sentence whole, not « pas de cible »
    assert fmt.reason(checked.at["P1", "note"], "fr").startswith(
        "son libellé ou sa valeur parle d'une cible (« Taux d'exécution prévu »), alors que le chiffre recalculé")


def test_a_margin_an_interval_or_a_bare_month_after_the_value(tmp_path):
    """A reported.csv as an evaluator copies a survey's figures: « 40 % ± 2 », « 40 % +/- 2 pts » were « two
    numbers: write the value alone », « 40 % (IC 95 % : 35-45) » « a range: write two figures, >= 35 and <= 45 » (the
    interval's bounds taken for the figure's); « 40 % (juin) », « 45 % (mars) » were compared as the figure at the
    reporting date (« Conforme », « Écart ») whatever month and year the report meant. Now the value is compared and
    its margin or interval said (not checked: 41,9 is not « 40 »), and a month without its year is not computable."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)   # E1: 8 women of 20, 40 %
    mini.write("reported", "figure_id;metric;key;valeur;libellé;source;pays\n"
                           "F1;women_share;E1;40 % ± 2;Part des femmes;p. 12;Maroc\n"
                           "F2;women_share;E1;40 % +/- 2 pts;Part des femmes;p. 12;Maroc\n"
                           "F3;women_share;E1;40 % (IC 95 % : 35-45);Part des femmes;p. 12;Maroc\n"
                           "F4;women_share;E1;42 % (IC 95 % : 35-45);Part des femmes;p. 12;Maroc\n"
                           "F5;women_share;E1;40 % (38-42);Part des femmes;p. 12;Maroc\n"
                           "F6;women_share;E1;40 % (juin);Part des femmes;p. 12;Maroc\n"
                           "F7;women_share;E1;45 % (mars);Part des femmes;p. 12;Maroc\n"
                           "F8;women_share;E1;40 % (juin 2021);Part des femmes;p. 12;Maroc\n"
                           "F9;women_share;E1;40 % ± 2 (n=20);Part des femmes;p. 12;Maroc\n"
                           "F10;women_share;E1;40 % (IC95 : 35-45);Part des femmes;p. 12;Maroc\n")
    data = mini.load()
    params = load_annex_params("mini", "maroc", mini.params_dir)
    figures = annex_figures(data, params)
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {
        "F1": "match", "F2": "match", "F3": "match", "F4": "mismatch", "F5": "match", "F6": "not_computable",
        "F7": "not_computable", "F8": "match", "F9": "match", "F10": "match"}
    shown = published_check(figures, data.tables["reported"], "fr").set_index("figure_id")["explanation"]
    assert shown["F1"] == "publié avec une marge ou un intervalle (« ± 2 ») : la valeur est comparée, pas lui"
    assert "« IC 95 % : 35-45 »" in shown["F3"] and shown["F4"].startswith("écart de 2")
    assert shown["F7"].startswith("daté d'un mois sans son année (« mars »)")
    assert "marge" not in shown["F8"]


def test_an_amount_in_a_currency_the_workbook_does_not_know_and_a_share_written_0_4(tmp_path):
    """A reported.csv whose amounts name a currency data.currencies does not know (« 150 000 KES », « 150 000
    roupies », « 150 000 SFr. », « 150 000 dirhams émiratis ») beside a budget of 150 000 USD: « Conforme », compared
    as if in USD. Now not computable, saying in which currency it is printed (make check warns of it too). A women's
    share of 40 % printed « 0,4 » (a fraction of 1 with one decimal) was « écart de -39,6 »; now not computable,
    saying to write the percentage or the fraction's decimals."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)   # Maroc: lines B1 and B2, 150 000 USD; E1: 8 women of 20
    mini.write("reported", "figure_id;metric;key;valeur;libellé;source;pays\n"
                           "F1;budget;total;150 000 KES;Budget;p. 3;Maroc\n"
                           "F2;budget;total;150 000 roupies;Budget;p. 3;Maroc\n"
                           "F3;budget;total;150 000 SFr.;Budget;p. 3;Maroc\n"
                           "F4;budget;total;150 000 dirhams émiratis;Budget;p. 3;Maroc\n"
                           "F5;budget;total;150 000 USD TTC;Budget;p. 3;Maroc\n"
                           "F6;budget;total;150 000 $ US;Budget;p. 3;Maroc\n"
                           "F7;women_share;E1;0,4;Part des femmes;p. 3;Maroc\n"
                           "F8;women_share;E1;0,40;Part des femmes;p. 3;Maroc\n"
                           "F9;women_share;E1;0,7;Part des femmes;p. 3;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {
        "F1": "not_computable", "F2": "not_computable", "F3": "not_computable", "F4": "not_computable",
        "F5": "match", "F6": "match", "F7": "not_computable", "F8": "match", "F9": "mismatch"}
    shown = published_check(figures, data.tables["reported"], "fr").set_index("figure_id")["explanation"]
    assert shown["F1"].startswith("publié en KES, les chiffres du projet sont en USD")
    assert shown["F2"].startswith("publié en roupies,") and shown["F3"].startswith("publié en CHF,")
    assert shown["F4"].startswith("publié en AED,")
    assert shown["F7"].startswith("publié sans « % » avec une décimale (« 0,4 »)")
    from helpers.pipeline.check import reported_figure_problems

    told = [p.row for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "published_currency"]
    assert told == [2, 3, 4, 5]   # make check warns at each row


def test_a_figure_of_years_from_the_start_to_another_end_is_not_compared(tmp_path):
    """« Part des femmes (2019-2020) », « 2020-2022 » in a project started in 2020 whose figures are at 30/06/2021:
    years from the start, but ending at another year than the figure's, were « Conforme » beside the figure at the
    reporting date (only years starting after the start were told). Now not computable, in the annex language, and
    make check warns at the label; « 2020-2021 », and « Dépenses 2019-2020 » with the key total@2020-12-31, are
    compared as before."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;libellé;source;pays\n"
                           "F1;women_share;E1;40 %;Part des femmes (2019-2020);p. 14;Maroc\n"
                           "F2;women_share;E1;40 %;Part des femmes 2020-2022;p. 14;Maroc\n"
                           "F3;women_share;E1;40 %;Part des femmes 2020-2021;p. 14;Maroc\n"
                           "F4;women_share;E1;40 %;Part des femmes 2019-21;p. 14;Maroc\n"
                           "F5;spent;total@2020-12-31;50 000,5;Dépenses 2019-2020;p. 14;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "match",
                                           "F4": "match", "F5": "match"}
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"].startswith("son libellé nomme les années 2019-2020, et le chiffre calculé est cumulé")
    told = [p.row for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "dated_otherwise"]
    assert told == [2, 3]


def test_a_label_dated_by_a_month_without_its_year_and_a_value_with_its_page(tmp_path):
    """A reported.csv as an evaluator writes it from a report: « Part des femmes à fin mars », « au 31 mars » beside
    the figure at 30/06/2021 were « Conforme » (no date read: March of which year?); « 40 % (p. 12) », « 45 %
    (tableau 3) », the page or table copied with the value, were « two figures ('40' and '12'): write each in its own
    row ». Now the label's month is not computable unless it is the figure's (make check warns at the label), and the
    page is where the figure is printed: the value is compared."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    mini = Mini.copy_to(tmp_path)   # reporting date 30/06/2021; E1: 40 %
    mini.write("reported", "figure_id;metric;key;valeur;libellé;source;pays\n"
                           "F1;women_share;E1;40 %;Part des femmes à fin mars;p. 12;Maroc\n"
                           "F2;women_share;E1;40 %;Part des femmes au 31 mars;p. 12;Maroc\n"
                           "F3;women_share;E1;40 %;Part des femmes au 30 juin;p. 12;Maroc\n"
                           "F4;women_share;E1;40 %;Part des femmes au 31 mars 2021;p. 12;Maroc\n"
                           "F5;women_share;E1;40 % (p. 12);Part des femmes;;Maroc\n"
                           "F6;women_share;E1;45 % (tableau 3);Part des femmes;;Maroc\n"
                           "F7;women_share;E1;40 % [p.12];Part des femmes;;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "match",
                                           "F4": "not_computable", "F5": "match", "F6": "mismatch", "F7": "match"}
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"].startswith("son libellé est daté d'un mois sans son année (« mars »)")
    assert shown["F6"] == "écart de 5"
    told = [p.row for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "dated_otherwise"]
    assert told == [2, 3, 5]


def test_a_month_word_in_a_label_is_a_date_only_when_it_dates_the_figure(tmp_path):
    """« Women trained by April Jones » (a person) was « dated by a month without its year ('april') », not computable;
    « Part des femmes en juillet-août 2021 » was said « without its year » (it has one: the figure of those months);
    « as of March 31st », « as at December 31 » (an English report's month first) were compared with the figure at
    30/06/2021, « Conforme ». « La Marsa », « Maison » are no months, as before."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params

    mini = Mini.copy_to(tmp_path)   # reporting date 30/06/2021; E1: 40 %
    mini.write("reported", "figure_id;metric;key;valeur;libellé;source;pays\n"
                           "F1;women_share;E1;40 %;Women trained by April Jones;p. 12;Maroc\n"
                           "F2;women_share;E1;40 %;Part des femmes en juillet-août 2021;p. 12;Maroc\n"
                           "F3;women_share;E1;40 %;Women's share as of March 31st;p. 12;Maroc\n"
                           "F4;women_share;E1;40 %;Women's share as at December 31;p. 12;Maroc\n"
                           "F5;women_share;E1;40 %;Part des femmes à La Marsa (Maison des jeunes);p. 12;Maroc\n"
                           "F6;women_share;E1;40 %;Part des femmes à fin mars;p. 12;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "match", "F2": "not_computable", "F3": "not_computable",
                                           "F4": "not_computable", "F5": "match", "F6": "not_computable"}
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F2"].startswith("son libellé est daté de mois d'une année (« juillet-aout 2021 ») : le chiffre de "
                                  "ces mois"), shown["F2"]
    assert shown["F3"].startswith("son libellé est daté d'un mois sans son année (« march »)"), shown["F3"]


def test_a_figure_of_the_whole_project_in_a_country_annex_is_not_compared_with_the_country(tmp_path):
    """reported.csv's country Maroc beside a label of the whole project (« Part des femmes, tous pays confondus »,
    « (ensemble du projet) », « dans les quatre pays », « all countries »): Maroc's annex compared it with Maroc's
    40 %, « Conforme », when the project's share is another. Now not computable, saying to leave the country empty;
    make check warns at the label (whole_project)."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    mini = Mini.copy_to(tmp_path)   # Maroc's E1: 40 % women
    mini.write("reported", "figure_id;metric;key;valeur;libellé;source;pays\n"
                           "F1;women_share;all;40 %;Part des femmes, tous pays confondus;p. 12;Maroc\n"
                           "F2;women_share;all;40 %;Part des femmes (ensemble du projet);p. 12;Maroc\n"
                           "F3;women_share;all;40 %;Part des femmes dans les quatre pays;p. 12;Maroc\n"
                           "F4;women_share;all;40 %;Women's share, all countries;p. 12;Maroc\n"
                           "F5;women_share;all;40 %;Part des femmes au Maroc;p. 12;Maroc\n"
                           "F6;women_share;all;40 %;Part des femmes (ensemble);p. 12;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "not_computable",
                                           "F4": "not_computable", "F5": "match", "F6": "match"}
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    assert shown["F1"].startswith("son libellé ou sa valeur parle de tout le projet (« tous pays confondus »), alors "
                                  "que le chiffre recalculé dans cette annexe est celui du Maroc"), shown["F1"]
    told = [(p.row, p.column) for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "whole_project"]
    assert told == [(2, "label"), (3, "label"), (4, "label"), (5, "label")]


def test_the_mens_share_printed_beside_the_womens_is_not_compared(tmp_path):
    """« Part des hommes : 40 % » keyed women_share was « Conforme » beside 40 % of women (the report says 60 % of
    women); « 60 % d'hommes », « Proportion d'hommes 60 % » were an « Écart » of 20 for a right figure. Now not
    computable, saying it is the men's share (make check warns at its row: men_share); « Part des femmes et des
    hommes » and « 40 % de femmes » are compared as before."""
    from fixtures.mini_project import Mini
    from helpers.analyses.figures import annex_figures
    from helpers.annex.context import published_check
    from helpers.data.params import load_annex_params
    from helpers.pipeline.check import reported_figure_problems

    mini = Mini.copy_to(tmp_path)   # E1: 8 women, 12 men, 40 % women
    mini.write("reported", "figure_id;metric;key;valeur;libellé;source;pays\n"
                           "F1;women_share;E1;40 %;Part des hommes;p. 12;Maroc\n"
                           "F2;women_share;E1;60 % d'hommes;Participants;p. 12;Maroc\n"
                           "F3;women_share;E1;60 %;Proportion d'hommes;p. 12;Maroc\n"
                           "F4;women_share;E1;40 %;Share of men;p. 12;Maroc\n"
                           "F5;women_share;E1;40 % de femmes;Participants;p. 12;Maroc\n"
                           "F6;women_share;E1;40 %;Part des femmes et des hommes;p. 12;Maroc\n"
                           "F7;gender_parity_index;E1;1,5;Ratio hommes/femmes;p. 12;Maroc\n"
                           "F8;gender_parity_index;E1;0,67;Ratio femmes/hommes;p. 12;Maroc\n")
    data = mini.load()
    figures = annex_figures(data, load_annex_params("mini", "maroc", mini.params_dir))
    checked = figures[figures["metric"] == "reported_figure"].set_index("key")
    assert checked["status"].to_dict() == {"F1": "not_computable", "F2": "not_computable", "F3": "not_computable",
                                           "F4": "not_computable", "F5": "match", "F6": "match",
                                           "F7": "not_computable", "F8": "match"}
    shown = published_check(figures, data.tables["reported"], "fr", ",").set_index("figure_id")["explanation"]
    # (« Ratio hommes/femmes : 1,5 » beside the index women / men, 0,67, was an « Écart » of 0,833 for a right figure)
    assert shown["F7"].startswith("son libellé ou sa valeur donne le rapport des hommes aux femmes"), shown["F7"]
    assert shown["F1"].startswith("son libellé ou sa valeur donne la part des hommes (« part des hommes »), alors "
                                  "que le chiffre recalculé est la part des femmes"), shown["F1"]
    told = [p.row for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir) if p.rule == "men_share"]
    assert told == [2, 3, 4, 5, 8]


def test_a_published_figure_of_a_country_written_in_its_long_form_is_told_which_annex_it_is(tmp_path):
    """reported.csv's country written as a report writes it (« Royaume du Maroc », « Kingdom of Morocco », « RIM »,
    « République islamique de Mauritanie »): checked in no annex, and make check's hint said « add an annex for
    Royaume du Maroc ». Now the hint names the annex's country, as for « Morocco » or « MAR »."""
    from fixtures.mini_project import Mini
    from helpers.data.countries import same_country
    from helpers.pipeline.check import reported_figure_problems

    countries = ["Libye", "Maroc", "Mauritanie", "Tunisie"]
    assert [same_country(c, countries) for c in ("RIM", "République islamique de Mauritanie", "État de Libye",
                                                  "République tunisienne", "Royaume-Uni", "République")] == [
        "Mauritanie", "Mauritanie", "Libye", "Tunisie", "", ""]
    mini = Mini.copy_to(tmp_path)
    mini.write("reported", "figure_id;metric;key;valeur;libellé;source;pays\n"
                           "F1;women_share;E1;40 %;Part des femmes;p. 12;Royaume du Maroc\n"
                           "F2;women_share;E1;40 %;Part des femmes;p. 12;Kingdom of Morocco\n")
    told = [p for p in reported_figure_problems("mini", mini.data_dir, mini.params_dir)
            if p.rule == "reported_nowhere"]
    assert [(p.row, p.hint.split("?")[0]) for p in told] == [(2, "Did you mean 'Maroc'"), (3, "Did you mean 'Maroc'")]


def test_a_figure_printed_beside_a_computed_upper_bound_is_said_so():
    """A cost per woman « au plus » 18 333,33 EUR (some participants' sex not recorded): « 18 333 EUR » printed was
    « Conforme » with nothing said, confirming an exact cost the data do not give; « 15 000 EUR », which may be right,
    was an « écart ». Equal now is a match said to be at most; below, not computable; above the bound, a mismatch."""
    from helpers.annex import published_check

    figures = pd.DataFrame({"metric": ["cost_per_woman", "cost_per_participant"], "key": ["all", "all"],
                            "value": [110000 / 6, 110000 / 14], "unit": ["EUR", "EUR"], "n": [6, 14],
                            "status": ["shared; upper bound", "shared"], "note": ["", ""]})
    reported = pd.DataFrame({"figure_id": ["F1", "F2", "F3", "F4", "F5"],
                             "metric": ["cost_per_woman"] * 4 + ["cost_per_participant"], "key": ["all"] * 5,
                             "value": ["18 333 EUR", "15 000 EUR", "20 000 EUR", "20 000 EUR", "7 857 EUR"],
                             "comparison": ["=", "=", "=", "<=", "="], "label": ["a"] * 5, "source": ["s"] * 5})
    out = reconcile(reported, figures, decimal_mark=",").set_index("figure_id")
    assert out["status"].to_dict() == {"F1": "match", "F2": "not_computable", "F3": "mismatch", "F4": "match",
                                       "F5": "match"}
    assert "upper bound" in out.loc["F1", "note"] and "upper bound" in out.loc["F2", "note"]
    assert "upper bound" not in out.loc["F4", "note"] + out.loc["F5", "note"]   # « au plus 20 000 »: true; exact
    shown = out.reset_index().rename(columns={"figure_id": "key", "computed": "value", "printed": "reported"})
    shown["metric"] = "reported_figure"
    fr = published_check(shown, reported, "fr").set_index("figure_id")["explanation"].str.replace("\u202f", " ")
    fr = fr.str.replace("\xa0", " ")
    assert fr["F1"] == ("le chiffre recalculé est une borne supérieure : le sexe de certains participants n'est pas "
                        "renseigné, le chiffre est donc au plus de 18 333,33 EUR ; renseignez le sexe de chaque "
                        "participant pour le vérifier")
    assert fr["F2"].startswith("le chiffre recalculé est une borne supérieure") and "au plus de 18 333" in fr["F2"]
    assert "borne" not in fr["F5"]
    en = published_check(shown, reported, "en").set_index("figure_id")["explanation"]
    assert en["F1"].startswith("the recomputed figure is an upper bound")
