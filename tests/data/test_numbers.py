"""numbers: the project's decimal mark, thousands separators, dates, yes/no; never a guess per cell."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from helpers.data.numbers import (MonthCell, ambiguous, ambiguous_cells, format_number, parse_bool, parse_bools,
                                  parse_date, parse_dates, parse_number, parse_numbers, parse_period_end, period_start)


@pytest.mark.parametrize("text, mark, expected", [
    ("1 005 500,00", ",", 1005500.0),
    ("1\u00a0005\u00a0500,00", ",", 1005500.0),     # non-breaking spaces (Excel fr)
    ("1\u202f005,5", ",", 1005.5),                    # narrow no-break space
    ("133,045.90", ".", 133045.9),
    ("4.600.000", ",", 4600000.0),
    ("17 ,7", ",", 17.7),                             # stray space before the decimal mark
    ("53,60", ",", 53.6),
    ("0,5", ",", 0.5),
    (",5", ",", 0.5),
    ("-12", ".", -12.0),
    ("\u221212,5", ",", -12.5),                       # the minus sign Word writes
    ("+4", ".", 4.0),
    ("  42  ", ".", 42.0),
    ("1 234 567.5", ".", 1234567.5),
    ("1e6", ".", 1e6),
    ("1,000", ",", 1.0),                              # ',' is this project's decimal mark: no guessing
    (7, ",", 7.0),                                    # typed .xlsx cells
    (2.5, ",", 2.5),
])
def test_parse_number(text, mark, expected):
    assert parse_number(text, mark) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "   ", None, float("nan"), "\u00a0"])
def test_empty_is_none(text):
    assert parse_number(text, ",") is None


@pytest.mark.parametrize("text, mark", [
    ("abc", "."), ("12a", "."), ("1.5", ","), ("1,5", "."), ("1 2", "."), ("12 %", "."), ("1.000,5", "."),
    ("--3", "."), ("1,00,000", "."), (True, "."), ("#DIV/0!", "."),
])
def test_not_a_number(text, mark):
    with pytest.raises(ValueError):
        parse_number(text, mark)


def test_wrong_mark_message_names_the_mark():
    with pytest.raises(ValueError, match="decimal mark ','"):
        parse_number("1.5", ",")


@pytest.mark.parametrize("text", ["ND", "n.d.", "N/A", "NA", "#N/A", "?", "en attente", "NC", "Non disponible"])
def test_a_word_for_not_known_is_refused_with_its_own_reason(text):
    with pytest.raises(ValueError, match="a word for 'not known'"):
        parse_number(text, ",")


def test_decimal_mark_must_be_known():
    with pytest.raises(ValueError):
        parse_number("1", ";")


@pytest.mark.parametrize("text, expected", [
    ("2020-12-31", dt.date(2020, 12, 31)),
    ("2020-1-5", dt.date(2020, 1, 5)),
    ("31/12/2020", dt.date(2020, 12, 31)),
    ("1/2/2021", dt.date(2021, 2, 1)),                # day first
    ("31.12.2020", dt.date(2020, 12, 31)),
    ("2020-12-31 00:00:00", dt.date(2020, 12, 31)),
    ("29/02/2020", dt.date(2020, 2, 29)),
    (dt.datetime(2020, 12, 31, 10, 0), dt.date(2020, 12, 31)),
    (dt.date(2020, 12, 31), dt.date(2020, 12, 31)),
    # as French Excel and partners write them (each was refused): a year of two digits, year first with slashes,
    # the month in words
    ("31/12/20", dt.date(2020, 12, 31)), ("1.2.21", dt.date(2021, 2, 1)), ("31/12/99", dt.date(1999, 12, 31)),
    ("2020/12/31", dt.date(2020, 12, 31)), ("31 décembre 2020", dt.date(2020, 12, 31)),
    ("31-déc.-20", dt.date(2020, 12, 31)), ("31-Dec-2020", dt.date(2020, 12, 31)),
    ("1er janvier 2021", dt.date(2021, 1, 1)),
    # with the zone an API or a Kobo export writes (the day as written, in the zone given), the month in words first
    # as English writes it, a day of the week that is the date's (each was « not a date »)
    ("2023-03-31T00:00:00Z", dt.date(2023, 3, 31)), ("2023-03-31T00:00:00+01:00", dt.date(2023, 3, 31)),
    ("2023-03-31T23:30:00.000-05:00", dt.date(2023, 3, 31)), ("2023-03-31 10:00 +0100", dt.date(2023, 3, 31)),
    ("March 31, 2023", dt.date(2023, 3, 31)), ("Dec 31st, 2020", dt.date(2020, 12, 31)),
    ("ven. 31 mars 2023", dt.date(2023, 3, 31)), ("Friday, March 31, 2023", dt.date(2023, 3, 31)),
    ("vendredi 31/03/2023", dt.date(2023, 3, 31)),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2020", "29/02/2021", "2020-13-01", "12/31/2020", "fin 2020", "2020",
                                  "20-12-31", "31-12-20", "12/31/20", "31 brumaire 2020", "Dec 31, 20", "2023-03-31Z",
                                  "mer. 31 brumaire 2023", 44196])
def test_not_a_date(text):
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize("text, expected", [
    ("2021-06-30", dt.date(2021, 6, 30)), ("15/06/2021", dt.date(2021, 6, 15)),   # a day is that day
    ("2021-06", dt.date(2021, 6, 30)), ("06/2021", dt.date(2021, 6, 30)), ("2020-5", dt.date(2020, 5, 31)),
    ("juin 2021", dt.date(2021, 6, 30)), ("Juin-21", dt.date(2021, 6, 30)), ("févr. 2021", dt.date(2021, 2, 28)),
    ("Jun-21", dt.date(2021, 6, 30)), ("December 2020", dt.date(2020, 12, 31)),
    ("T2 2021", dt.date(2021, 6, 30)), ("2021-Q4", dt.date(2021, 12, 31)), ("S1 2021", dt.date(2021, 6, 30)),
    ("2021 H2", dt.date(2021, 12, 31)), ("2021", dt.date(2021, 12, 31)),
    ("2e trimestre 2021", dt.date(2021, 6, 30)), ("1er semestre 2021", dt.date(2021, 6, 30)),
    ("4ème trimestre 2020", dt.date(2020, 12, 31)), ("3rd quarter 2021", dt.date(2021, 9, 30)),
    (MonthCell(2021, 6, 1), dt.date(2021, 6, 30)),    # an .xlsx cell shown « juin-21 »
    (dt.datetime(2021, 6, 1), dt.date(2021, 6, 1)),   # a date cell is its day
])
def test_a_period_end_may_be_written_as_the_period(text, expected):
    assert parse_period_end(text) == expected


@pytest.mark.parametrize("text", ["2020-2", "2020-4", "2020/1", " 2021-3 "])
def test_a_quarter_or_a_month_is_not_read_as_a_month(text):
    """2020-2 was February 2020: a finance export's second quarter (to 30 June) read as a month, silently."""
    with pytest.raises(ValueError, match=r"may be the quarter T\d 20\d\d .* or the month"):
        parse_period_end(text)


@pytest.mark.parametrize("text", ["30-06-21", "06/21", "S3 2021", "T5 2021", "2021-13", "juni 2021", "2019/2020",
                                  "fin 2020", "mi-2021"])
def test_what_is_no_period_end_is_refused(text):
    with pytest.raises(ValueError):
        parse_period_end(text)


@pytest.mark.parametrize("text, start", [
    ("2022", dt.date(2022, 1, 1)), ("2021-06", dt.date(2021, 6, 1)), ("juin-21", dt.date(2021, 6, 1)),
    ("S2 2021", dt.date(2021, 7, 1)), ("T3 2021", dt.date(2021, 7, 1)), ("2021-Q1", dt.date(2021, 1, 1)),
    ("30/06/2021", dt.date(2021, 6, 30)), ("2019-10-01/2020-03-31", dt.date(2019, 10, 1)),
    ("01/10/2019-31/03/2020", dt.date(2019, 10, 1)), ("2019/2020", None), ("FY2020", None),
])
def test_the_first_day_of_a_period(text, start):
    assert period_start(text) == start


def test_a_period_is_no_date_where_a_day_is_asked():
    with pytest.raises(ValueError):
        parse_date("juin 2021")


def test_impossible_date_says_so():
    with pytest.raises(ValueError, match="does not exist"):
        parse_date("31/02/2020")


@pytest.mark.parametrize("text, expected", [
    ("true", True), ("Oui", True), ("1", True), ("yes", True), (1, True), (True, True),
    ("false", False), ("non", False), ("0", False), ("", False), (None, False), (0.0, False),
])
def test_parse_bool(text, expected):
    assert parse_bool(text) is expected


def test_not_a_bool():
    with pytest.raises(ValueError):
        parse_bool("peut-être")


def test_series_versions_return_failed_labels():
    values, failed, reasons = parse_numbers(pd.Series(["1 000,5", "", "x", "2"], index=[2, 3, 4, 5]), ",")
    assert values.dtype == "float64"
    assert values.loc[2] == 1000.5 and math.isnan(values.loc[3]) and math.isnan(values.loc[4])
    assert failed == [4] and len(reasons) == 1
    dates, failed, _ = parse_dates(pd.Series(["31/12/2020", None, "31/02/2020"], index=[7, 8, 9]))
    assert str(dates.dtype) == "datetime64[ns]"
    assert dates.loc[7] == pd.Timestamp("2020-12-31") and pd.isna(dates.loc[8])
    assert failed == [9]
    flags, failed, _ = parse_bools(pd.Series(["oui", None, "?"]))
    assert flags.tolist() == [True, False, False] and failed == [2]


@pytest.mark.parametrize("value, mark, expected", [(53.6, ",", "53,6"), (17.0, ",", "17"), (3, ".", "3"),
                                                   (0.1, ".", "0.1")])
def test_format_number(value, mark, expected):
    assert format_number(value, mark) == expected


@pytest.mark.parametrize("text, mark", [
    ("1e400", "."), ("-1e400", "."), ("1E+999", "."), ("inf", "."), ("-Infinity", ","), ("INF", "."),
    ("nan", "."), ("NaN", ","), ("-nan", "."), ("1" * 400, "."), (float("inf"), ","), (float("-inf"), "."),
])
def test_not_finite_is_refused(text, mark):
    with pytest.raises(ValueError, match="finite"):
        parse_number(text, mark)


@pytest.mark.parametrize("text, mark, expected", [
    ("(1 234,00)", ",", -1234.0), ("1234,00-", ",", -1234.0), ("(1,234.50)", ".", -1234.5),
    ("1 234.50-", ".", -1234.5), ("( 12 )", ".", -12.0), ("12\u2212", ".", -12.0), ("(0)", ".", 0.0),
])
def test_accounting_negatives_in_money_columns(text, mark, expected):
    assert parse_number(text, mark, money=True) == expected


@pytest.mark.parametrize("text", ["(1 234,00)", "1234,00-", "(12)"])
def test_accounting_negatives_refused_elsewhere(text):
    with pytest.raises(ValueError, match="amount columns"):
        parse_number(text, ",")


@pytest.mark.parametrize("text", ["(-12)", "-12-", "(12", "12)", "()", "-", "(12)-"])
def test_malformed_accounting_negatives(text):
    with pytest.raises(ValueError):
        parse_number(text, ".", money=True)


@pytest.mark.parametrize("value, mark, expected", [(1e-05, ",", "0,00001"), (-2.5e-07, ".", "-0.00000025")])
def test_format_number_never_writes_an_exponent(value, mark, expected):
    """Found by test_properties.py: ',00001' read with ',' was written back '1e-05', which ',' cannot read."""
    assert format_number(value, mark) == expected
    assert parse_number(expected, mark) == value


def test_format_number_of_a_numpy_float():
    """Found by test_properties.py: the negative-amount warning showed numpy's repr, 'np.float64(-0.5)'."""
    import numpy as np

    assert format_number(np.float64(-0.5), ",") == "-0,5"
    assert format_number(np.float64(-1e-05), ".") == "-0.00001"


# ----------------------------------------------------------------- one currency vocabulary (data.currencies)
@pytest.mark.parametrize("written", ["DA", "LD", "DT", "UM", "Dhs", "FCFA", "F CFA", "F.CFA", "francs CFA", "euros",
                                     "livres sterling", "francs suisses", "francs", "dinars tunisiens", "SEK", "€", "$US"])
def test_a_currency_is_one_for_the_header_the_cell_and_the_published_figure(written):
    """Each place that reads a currency reads the same ones: the header reader knew « DA » and the number parser did
    not (« 100000 DA »: « not a number », nothing said of the currency); the published figures knew « francs CFA »
    and the header reader did not (« Budget (francs CFA) » was the project's USD)."""
    from helpers.analyses.reconcile import printed_currency
    from helpers.data.currencies import currency_code, is_known
    from helpers.data.headers import _unit

    code = currency_code(written)
    assert is_known(code), code
    assert _unit(written, "USD") == ("currency", code)
    assert printed_currency(f"1 200 {written}") == code
    with pytest.raises(ValueError, match="currency"):
        parse_number(f"1 200 {written}", ",")


@pytest.mark.parametrize("text, mark, amount", [("1 200,-", ",", "1 200"), ("1'200.–", ".", "1'200"),
                                                ("12,--", ",", "12")])
def test_a_dash_in_place_of_the_cents_is_refused_saying_both_readings(text, mark, amount):
    """« 1 200,- » (a price's « no cents ») was « not a number », nothing said; a final dash is also a finance
    export's negative (`1200,00-`, read), so neither is guessed: the message says both, in French too."""
    from helpers.data.numbers import hint_for
    from helpers.pipeline.messages import _french

    with pytest.raises(ValueError) as refused:
        parse_number(text, mark, money=True)
    reason = str(refused.value)
    assert f"'{text}': {amount} without cents" in reason and "negative" in reason
    assert "without the dash" in hint_for(reason, mark)
    assert _french(reason).startswith(f"un tiret à la place des centimes ('{text}' : {amount} sans centimes")
    assert _french(hint_for(reason, mark)).startswith("Écrivez le montant sans le tiret")
    assert parse_number("1200,00-", ",", money=True) == -1200      # the finance export's negative: still read


@pytest.mark.parametrize("text, mark, three_decimals, readings", [
    ("3 000,000", ",", False, (3000.0, 3000000.0)),       # a thousands separator typed with the wrong mark?
    ("3\u202f000,500", ",", False, (3000.5, 3000500.0)),
    ("-1 234 567,890", ",", False, (-1234567.89, -1234567890.0)),
    ("1.000,000", ",", False, (1000.0, 1000000.0)),         # its '.' groups thousands: the ',' may too
    ("3 000.000", ",", False, (3000000.0, 3000.0)),         # '.' read as thousands: an English decimal point?
    ("3 000,000", ",", True, None),                         # a TND amount: three decimals, as written
    ("12,000", ",", True, (12.0, 12000.0)),                 # 12 dinars, or 12 000 grouped the English way
    ("1 012,000", ",", True, None),
    ("1,500", ".", True, (1500.0, 1.5)),                    # read as thousands: 1,5 dinars in a TND column?
    ("3 000.000", ",", True, (3000000.0, 3000.0)),
    ("12.000,50", ",", False, None),                        # two decimals: one reading
    ("1.500.000", ",", False, None),
    ("1,000,000", ".", False, None),
    ("3 000,00", ",", False, None),
])
def test_a_grouped_number_with_three_decimals_reads_two_ways(text, mark, three_decimals, readings):
    """« 3 000,000 » in a EUR or XOF column was read as 3 000 without a word: three decimals in a currency written
    with two (or none) are a thousands separator typed with the wrong mark as likely. In a currency written with three
    (TND, LYD: ISO 4217's minor units) a grouped number read with the decimal mark is as written; « 12,000 » alone
    is still told (twelve dinars, or twelve thousand typed the English way: the session's first version let it
    through in dinars)."""
    from helpers.data.numbers import ambiguous

    assert ambiguous(text, mark, three_decimals) == readings


@pytest.mark.parametrize("currency, units", [("TND", 3), ("LYD", 3), ("dinars tunisiens", 3), ("DT", 3), ("JOD", 3),
                                             ("EUR", 2), ("USD", 2), ("MAD", 2), ("XOF", 0), ("F CFA", 0), ("", 2)])
def test_minor_units_are_iso_4217s(currency, units):
    from helpers.data.currencies import minor_units

    assert minor_units(currency) == units


@pytest.mark.parametrize("text", ["3 000,000 د.ت", "د.ت 3 000,000", "3 000 د.ت.", "1200 د.م.", "1 200 درهم",
                                  "١٢٠٠ دينار", "1200 د.ل", "1200 ج.م"])
def test_a_currency_written_in_arabic_is_named(text):
    """« 3 000,000 د.ت » (dinars, as an Arabic text abbreviates them) was « not a number », nothing said of the
    currency; « 1200 د.م. » was « '.' separates thousands », a wrong reason."""
    with pytest.raises(ValueError, match="a currency sign or code is not part of a number"):
        parse_number(text, ",", money=True)


@pytest.mark.parametrize("text, reason", [("néant", "a word for none or zero"), ("RAS", "a word for none or zero"),
                                          ("Aucun", "a word for none or zero"), ("zéro", "a word for none or zero"),
                                          ("--", "a dash alone"), ("— —", "a dash alone")])
def test_a_word_or_dashes_for_zero_are_refused_saying_so(text, reason):
    """« néant » (nothing spent), « RAS », « -- » were « not a number », nothing said of what to write: 0, or an
    empty cell if not known."""
    from helpers.data.numbers import hint_for

    with pytest.raises(ValueError, match=reason) as refused:
        parse_number(text, ",", money=True)
    assert "Write 0 if it is zero" in hint_for(str(refused.value), ",")


def test_an_english_number_in_a_decimal_comma_project_says_why():
    """« 3,000,000.00 » (an English Excel's number) with the mark ',' was « not a number », nothing said; its hint
    says to declare the mark, in French too once the project's name is in it (the French line was left in English
    for « 1.234,50 » with the mark '.')."""
    from helpers.data.numbers import COMMA_THOUSANDS, DOT_THOUSANDS, hint_for
    from helpers.pipeline.messages import _french

    for text, mark, reason in (("3,000,000.00", ",", COMMA_THOUSANDS), ("1,234.5", ",", COMMA_THOUSANDS),
                               ("1.234,50", ".", DOT_THOUSANDS)):
        with pytest.raises(ValueError) as refused:
            parse_number(text, mark)
        assert str(refused.value) == reason
        hint = hint_for(reason, mark).replace("<project>", "amem")
        assert _french(hint).startswith("Si les fichiers écrivent les nombres") and "params/amem/" in _french(hint)
    assert parse_number("1.234", ",") == 1234.0       # one reading with ',' (told as ambiguous by the loader)


@pytest.mark.parametrize("text, expected", [("١٢٬٠٠٠", 12000.0), ("٣٬٠٠٠٫٥", 3000.5), ("12٫5", 12.5),
                                            ("١٢٫٥", 12.5)])
def test_the_arabic_separators_are_read_with_either_mark(text, expected):
    """The Arabic thousands separator (U+066C) and decimal mark (U+066B) mean one thing each: « ١٢٬٠٠٠ » was « not a
    number »."""
    assert parse_number(text, ",") == parse_number(text, ".") == expected


@pytest.mark.parametrize("text, mark, said", [
    ("1 200 MDT", ",", "'1 200 MDT' is 1 200 000 000 DT in units"),
    ("1,2 M€", ",", "'1,2 M€' is 1 200 000 € in units"),
    ("3 k€", ",", "'3 k€' is 3 000 € in units"),
    ("1,5 Mds", ",", "'1,5 Mds' is 1 500 000 000 in units"),
    ("2 millions d'euros", ",", "'2 millions d'euros' is 2 000 000 euros in units"),
    ("1,2 MEUR", ",", "'1,2 MEUR' is 1 200 000 EUR in units"),
    ("12 mille", ".", "'12 mille' is 12 000 in units"),
    ("1.2 M", ".", "'1.2 M' is 1 200 000 in units"),
    ("$1.4m", ".", "'$1.4m' is 1 400 000 $ in units"),
])
def test_a_multiplier_in_the_cell_is_refused_saying_the_amount_in_units(text, mark, said):
    """« 1 200 MDT » (millions of dinars) was « not a number », its hint « write a number »: written 1 200, a
    millionth of it; « 1,2 M€ » was told to remove the currency sign (1,2 then). Each is refused saying what it is in
    units, with its currency as written (dinars in a EUR project are not to be written as they are)."""
    with pytest.raises(ValueError) as refused:
        parse_number(text, mark, money=True)
    assert str(refused.value).startswith("a number with a thousands or millions suffix")
    assert said in str(refused.value), str(refused.value)


@pytest.mark.parametrize("text, mark, expected", [
    ("\uff0d1 200", ",", -1200.0),        # the full-width minus of a Chinese, Japanese or Korean input method
    ("\uff0d\uff11\uff12\uff10\uff10", ",", -1200.0),   # with full-width digits, which were read already
    ("\ufe631200,5", ",", -1200.5),       # the small hyphen-minus
    ("\u20101200", ".", -1200.0),         # the hyphen
    ("\u20121200", ".", -1200.0),         # the figure dash
    ("\uff0b12", ".", 12.0),              # the full-width plus
])
def test_other_minus_signs_are_read_as_the_minus_sign_is(text, mark, expected):
    # « －1 200 » was « not a number » where « −1 200 » (U+2212) is -1 200
    assert parse_number(text, mark) == expected
    assert parse_number(text, mark, money=True) == expected


def test_a_day_of_the_week_that_is_not_the_dates_is_refused_saying_so():
    # 2023-03-31 was a Friday: « mer. » (Wednesday) says the day or the date was mistyped
    with pytest.raises(ValueError, match="'mer' is not the day of the week of 2023-03-31"):
        parse_date("mer. 31 mars 2023")


@pytest.mark.parametrize("text, mark, expected", [
    ("\uff0d\uff11\uff12\uff10\uff10\uff0c\uff15", ",", -1200.5),   # « －１２００，５ »: the full-width comma
    ("\uff11\u3000\uff12\uff10\uff10\uff0c\uff15", ",", 1200.5),     # and the ideographic space between thousands
    ("\uff11\uff12\uff10\uff10\uff0e\uff15", ".", 1200.5),           # the full-width full stop
])
def test_full_width_marks_are_read_as_the_half_width_ones(text, mark, expected):
    # « －１２００，５ » was « not a number » where « -1200,5 » is read
    assert parse_number(text, mark) == parse_number(text, mark, money=True) == expected


def test_full_width_thousands_are_warned_ambiguous_as_the_half_width_ones():
    assert ambiguous("\uff11\uff12\uff0c\uff10\uff10\uff10", ".") == ambiguous("12,000", ".") == (12000.0, 12.0)
    cells = pd.Series(["\uff11\uff12\uff0c\uff10\uff10\uff10", "12,000", "\uff11\uff12"])
    assert ambiguous_cells(cells).tolist() == [True, True, False]
    with pytest.raises(ValueError, match="decimal mark '.'"):
        parse_number("\uff11\uff12\uff10\uff10\uff0c\uff15", ".")


def test_a_full_width_minus_is_warned_ambiguous_as_the_minus_sign_is():
    assert ambiguous("\uff0d12,000", ".") == ambiguous("-12,000", ".") == (-12000.0, -12.0)
    assert parse_number("1 200\uff0d", ",", money=True) == -1200.0   # a finance export's trailing minus
    with pytest.raises(ValueError, match="a dash alone"):
        parse_number("\uff0d", ",", money=True)


@pytest.mark.parametrize("text, code", [("100000 KES", "KES"), ("KES 100 000", "KES"), ("100000KES", "KES"),
                                        ("1 200 NGN", "NGN")])
def test_an_iso_code_beside_an_amount_is_named(text, code):
    """« 100000 KES » was « not a number », the currency not named: the parser knew a few codes only."""
    with pytest.raises(ValueError, match=f"a currency sign or code is not part of a number \\('{code}'\\)"):
        parse_number(text, ",", money=True)
    with pytest.raises(ValueError, match="^not a number$"):
        parse_number("1200 ABC", ",", money=True)   # three capitals that are no currency
