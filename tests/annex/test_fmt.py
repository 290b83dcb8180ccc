import datetime as dt
import math

import pytest

from helpers.annex import fmt

NBSP = "\u00a0"
NNBSP = "\u202f"   # French thousands and before %: the narrow no-break space


@pytest.mark.parametrize("value, decimals, lang, expected", [
    (37.5, 1, "fr", f"37,5{NNBSP}%"),
    (37.5, 1, "en", "37.5%"),
    (52.851, 0, "fr", f"53{NNBSP}%"),
    (0.05, 1, "fr", f"0,1{NNBSP}%"),      # half away from zero, not banker's rounding
    (-0.04, 1, "fr", f"0,0{NNBSP}%"),     # no "-0,0"
])
def test_percent(value, decimals, lang, expected):
    assert fmt.percent(value, decimals, lang) == expected


@pytest.mark.parametrize("value, decimals, lang, expected", [
    (1005500, 0, "fr", f"1{NNBSP}005{NNBSP}500"),
    (1005500, 0, "en", "1,005,500"),
    (1362610.125, 2, "fr", f"1{NNBSP}362{NNBSP}610,13"),
    (2.675, 2, "en", "2.68"),           # the decimal value people see, not the binary float below it
    (-20000, 0, "fr", f"-20{NNBSP}000"),
])
def test_number(value, decimals, lang, expected):
    assert fmt.number(value, decimals, lang) == expected


@pytest.mark.parametrize("missing", [None, float("nan"), math.inf])
def test_missing_values_print_as_not_available(missing):
    assert fmt.percent(missing, 1, "fr") == "n.d."
    assert fmt.number(missing, 0, "en") == "n/a"


def test_money_and_date():
    assert fmt.money(2777777.78, "USD", "fr") == f"2{NNBSP}777{NNBSP}778{NBSP}USD"
    assert fmt.date(dt.date(2020, 12, 31), "fr") == "31 décembre 2020"
    assert fmt.date("2021-03-01", "fr") == "1er mars 2021"
    assert fmt.date(dt.date(2020, 12, 31), "en") == "31 December 2020"


def test_words_fall_back_to_the_name_itself():
    assert fmt.word("women_share", "fr") == "Part des femmes"
    assert fmt.word("women_share", "en") == "Women's share"
    assert fmt.word("R1", "fr") == "R1"


def test_the_benchmark_keys_are_in_the_annex_language():
    """The cost per woman's benchmark was shown « Coût / référence woman » in a French annex (found by cost2)."""
    assert [fmt.word(key, "fr") for key in ("participant", "woman")] == ["participant", "femme"]


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        fmt.percent(1.0, 1, "de")


@pytest.mark.parametrize("text, lang, expected", [
    ("17,708", "fr", (17.708, 3)), ("1\u00a0005\u00a0500,25", "fr", (1005500.25, 2)), ("-3,5", "fr", (-3.5, 1)),
    ("\u221212", "fr", (-12.0, 0)), ("1,234.5", "en", (1234.5, 1)), ("17,7\u202f%", "fr", None),
    ("1\u00a0000\u00a0USD", "fr", None), ("1,23", "en", None), ("12.5", "fr", None), ("n.d.", "fr", None)])
def test_a_number_as_number_prints_it_is_read_back_with_its_decimals(text, lang, expected):
    assert fmt.read_number(text, lang) == expected
    if expected:
        assert fmt.read_number(fmt.number(expected[0], expected[1], lang), lang) == expected


def test_a_reason_is_said_once_not_again_by_a_shorter_pattern_inside_it():
    """The staff share of a country without staff lines said « aucune ligne budgétaire de catégorie personnel
    (staff) ; aucune ligne budgétaire » beside its budget line: 'no budget line' was found inside the first reason."""
    note = "not computable: no budget line has a staff category (staff)"
    assert fmt.reason(note, "fr") == "aucune ligne budgétaire de catégorie personnel (staff)"
    assert fmt.reason("not computable: no budget line", "fr") == "aucune ligne budgétaire"


@pytest.mark.parametrize("note, english", [
    ("not computable: no budget_total declared and the budget of 5 line(s) is not known",
     "no total budget declared for the project (budget_total) and the budget of 5 lines is not known"),
    ("unallocated budget not computable: the project's budget_total (2777777.78) is project-wide, not applied to a "
     "country annex", "unallocated budget not computable: the project's total budget (2,777,777.78) is the whole "
                      "project's, not a country's"),
    ("women_share [all]: printed value unreadable: 'x' is not a number", "printed value unreadable: 'x' is not a number"),
    ("not computable: 1 budget line(s) with spending have no category (R1)",
     "1 budget line with spending have no category (R1)"),
])
def test_a_reason_in_english_has_no_parameter_names_raw_numbers_or_plural_marks(note, english):
    """The English annex printed the helpers' notes as they are: « budget_total (2777777.78) », « 5 line(s) »,
    « women_share [all]: »."""
    assert fmt.reason(note, "en") == english


@pytest.mark.parametrize("value, lang, expected", [
    (0.0004, "fr", f"<{NBSP}0,001"),
    (0.0512, "fr", "0,051"),
    (0.0496, "fr", "0,0496"),    # not 0,050: the interval beside it excludes 0, and 0,050 reads « not below 5 % »
    (0.04996, "en", "0.04996"),
    (0.0499999999, "fr", f"<{NBSP}0,05"),
    (0.05, "fr", "0,050"),
    (0.0504, "en", "0.050"),
])
def test_p_value_never_rounds_across_five_percent(value, lang, expected):
    assert fmt.p_value(value, lang) == expected


@pytest.mark.parametrize("value, decimals, lang, expected", [
    (-0.0004, 3, "fr", "-0,00040"), (0.0004, 3, "fr", "0,00040"),   # both were « 0,000 », the sign dropped
    (-0.000365, 3, "en", "-0.00037"), (0.0012, 3, "fr", "0,0012"), (-0.0006, 3, "fr", "-0,00060"), (0.3, 1, "fr", "0,30"), (-0.1906, 3, "fr", "-0,191"),
    (0.0, 3, "fr", "0,000"), (-0.04, 1, "fr", "-0,040"), (12345.6789, 3, "fr", f"12{NNBSP}345,679"),
    (2e-17, 3, "fr", "0,000"),   # the floating-point noise of a zero difference
    (float("nan"), 3, "fr", "n.d.")])
def test_an_effect_bound_or_se_never_shows_zero_when_it_is_not(value, decimals, lang, expected):
    """Effects, CI bounds and SEs were printed to 3 decimals: -0.0004 and 0.0004 both read « 0,000 », so an interval
    that excludes 0 read as touching it and an effect of -0.0004 as none. Two significant digits when the decimals
    show fewer, its sign kept."""
    assert fmt.nonzero(value, decimals, lang) == expected


@pytest.mark.parametrize("value, fr, en", [(0.04, "0,040\u202f%", "0.040%"), (0.4, "0,4\u202f%", "0.4%"),
                                           (0.0, "0,0\u202f%", "0.0%"), (15.04, "15,0\u202f%", "15.0%")])
def test_a_share_that_is_not_0_never_shows_0(value, fr, en):
    """A survey's share of 0.04 % with a disability was « 0,0 % » in the headline sentence: none, where some were."""
    from helpers.annex.fmt import share_percent

    assert (share_percent(value, 1, "fr"), share_percent(value, 1, "en")) == (fr, en)


def test_the_survey_headline_shows_a_small_share_as_it_is():
    import pandas as pd

    from helpers.annex.surveys import headline_text
    from helpers.data.surveys import WG_COLUMN

    frame = pd.DataFrame({"variable": [WG_COLUMN], "n": [2500], "estimate": [0.0004], "ci_low": [0.0001],
                          "ci_high": [0.0029]})
    text = headline_text(None, frame, "fr")[0]
    assert "0,040\u202f%" in text and "0,010\u202f%" in text and "0,0\u202f%" not in text


@pytest.mark.parametrize("value, shown", [(29.96, "29,96\u202f%"), (35.04, "35,04\u202f%"), (33.33, "33,3\u202f%"),
                                          (29.95, "29,95\u202f%"),   # round(29.95, 1) is 29.9, shown 30,0
                                          (30.0, "30,0\u202f%"), (35.0, "35,0\u202f%")])
def test_a_share_outside_its_band_is_never_shown_on_its_limit(value, shown):
    """A staff-cost share of 29.96 % was « 30,0 % » beside « en dessous de la norme » (30-35 %)."""
    from helpers.annex.fmt import band_percent

    assert band_percent(value, 30, 35, 1, "fr") == shown


@pytest.mark.parametrize("value, shown", [(0.965, "0,965"), (1.034, "1,034"), (0.9699999999999999, "0,97"),
                                          (0.97, "0,97"), (0.98, "0,98"), (0.96, "0,96"), (29.95, "29,95")])
def test_a_parity_index_outside_its_band_is_never_shown_on_its_limit(value, shown):
    """A parity index of 0.965 (193 women, 200 men) was « 0,97 » beside « femmes sous-représentées », the band
    starting at 0.97; 16.49 / 17 (0.9699999999999999 in binary) is rated on the limit, as the analyses rate it."""
    from helpers.annex.fmt import band_number

    low, high = (0.97, 1.03) if value < 10 else (30, 35)
    assert band_number(value, low, high, 2 if value < 10 else 1, "fr") == shown


def test_a_band_limit_keeps_every_digit_it_has():
    """A limit printed with the decimals of the figures beside it was rounded: a parity band from 0.975 read
    « 0,98 », a staff-share band to 32.5 % « 33 % » (ctx.num_limit, ctx.pct_limit in the notebooks)."""
    assert fmt.limit_number(0.975, 2, "fr") == "0,975"
    assert fmt.limit_number(0.97, 2, "fr") == "0,97" and fmt.limit_number(1.1, 2, "en") == "1.10"
    assert fmt.limit_percent(32.5, 0, "fr") == "32,5\u202f%" and fmt.limit_percent(30.0, 0, "en") == "30%"
    assert fmt.limit_number(0.1 + 0.2, 2, "fr") == "0,30"   # binary noise is no digit


@pytest.mark.parametrize("note, french", [
    ("not computable: final target is 0", "cible finale nulle"),
    ("not computable: target is negative", "cible négative"),
    ("not computable: baseline equals final target", "la valeur de référence est égale à la cible finale : aucun "
                                                     "écart à combler"),
    ("not computable: final target is negative, where a decreasing indicator's target is the level to reach (a "
     "change, -20 for a rate from 50 down to 30?)", "cible finale négative, alors que la cible d'un indicateur à la "
     "baisse est le niveau à atteindre (une variation ? -20 pour un taux de 50 ramené à 30)")])
def test_an_indicator_not_rated_says_why_in_french(note, french):
    """« n.d. pour J1 : non calculable : la raison est dans la colonne « note » du fichier figures.csv » for a target
    of 0, a negative one, a baseline equal to the target: the annex says why."""
    assert fmt.reason(note) == french


@pytest.mark.parametrize("key, label, shown", [
    ("99", "99 : Programme Support Costs", "99 : Programme Support Costs"),     # the sample's: « 99 99 : ... »
    ("R1", "R1 - Formations", "R1 - Formations"),
    ("R1/Sénégal", "R1 : Formations", "R1/Sénégal : Formations"),
    ("R1", "Résultat 1 : formations", "R1 Résultat 1 : formations"),           # not its code: both
    ("R1", "R10 : autre ligne", "R1 R10 : autre ligne"),                       # another code that starts alike
    ("R1", float("nan"), "R1"),
    ("R1", "R1", "R1"),
])
def test_a_budget_line_is_named_with_its_code_once(key, label, shown):
    assert fmt.line_name(key, label) == shown


def test_every_reason_of_a_cost_per_result_is_said_in_french():
    """A country without spending: its cost per participant was n.d. « dépenses à cette date absentes des données »
    on the page, and its row of the « Chiffres » sheet said « non calculable : la raison est dans la colonne « note »
    du fichier figures.csv » (fmt.reason knew none of the cost's reasons)."""
    from helpers.analyses.efficiency import REASONS

    unknown = fmt.reason("not computable: something new", "fr")
    for code, (note, french, _) in REASONS.items():
        said = fmt.reason(f"{note}; spent on B3 up to 2021-06-30: n/a / participants 15", "fr")
        assert said != unknown and "figures.csv" not in said, (code, said)
    assert fmt.reason("not computable: spending up to that date is not in the data; spent on B3 up to 2021-06-30: "
                      "n/a / participants 15", "fr") == "dépenses à cette date absentes des données"


@pytest.mark.parametrize("se, decimals", [(29.88, 0), (633.0, 0), (2.9, 1), (0.46, 2), (0.070, 3), (0.0051, 3),
                                          (float("nan"), 3), (0.0, 3), (None, 3)])
def test_an_estimate_has_the_decimals_its_standard_error_warrants(se, decimals):
    """An effect on a monthly income (SE 29,88) was shown « 99,711 (IC 95 % 32,115 à 167,306) »: its SE to two
    significant digits sets the decimals, 0 to 3 (a share's, SE 0,070, keeps three)."""
    assert fmt.se_decimals(se) == decimals


def test_a_table_of_estimates_shows_each_row_with_its_own_se_s_decimals():
    import pandas as pd

    from helpers.annex.context import table_data

    rows = pd.DataFrame({"outcome": ["emploi", "revenu"], "estimate": [0.1324, 99.711], "se": [0.0701, 29.881]})
    table = table_data(rows, {"outcome": ("Résultat", "Outcome"), "estimate": "estimate", "se": "se"},
                       {"estimate": "est@se", "se": "est@se"}, "fr", "EUR")
    assert [[cell["text"] for cell in row[1:]] for row in table["rows"]] == [["0,132", "0,070"], ["100", "30"]]
    assert [row[1]["value"] for row in table["rows"]] == [0.1324, 99.711]   # (the spreadsheet keeps the number)
