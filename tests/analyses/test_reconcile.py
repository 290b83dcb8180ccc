"""Reading printed numbers and classifying them against computed figures."""

import math
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
    ("1,5 Md", "1500000000", -8), ("2 milliards", "2000000000", -9),
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
    for a figure the report prints right. Read as 44.4 %, when so read it agrees; a fraction that does not agree, a
    fraction with one decimal (0.5: ten points wide), or one beside a figure that is not a percentage stay mismatches."""
    figures = pd.DataFrame({"metric": ["women_share", "physical_execution_rate", "burn_index"],
                            "key": ["all", "all", "total"], "value": [52.851711, 44.444444, 0.444444],
                            "unit": ["%", "%", "ratio"], "n": [263, 36, 1], "note": ["", "", ""]})
    reported = pd.DataFrame({"figure_id": ["F1", "F2", "F3", "F4", "F5"],
                             "metric": ["women_share", "women_share", "women_share", "physical_execution_rate",
                                        "burn_index"],
                             "key": ["all"] * 4 + ["total"], "value": ["0.529", "0.6", "0.5", "0,44", "0.444"],
                             "comparison": ["="] * 5, "label": ["a"] * 5, "source": ["s"] * 5})
    out = reconcile(reported, figures, decimal_mark=",").set_index("figure_id")
    assert out["status"].to_dict() == {"F1": "match", "F2": "mismatch", "F3": "mismatch", "F4": "match",
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
