"""The currencies' vocabulary (helpers.data.currencies): ISO 4217's list, checked against CLDR's, and the nearest
codes of a mistyped one."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers.data.currencies import CODES, ISO_4217, is_iso_code, nearest_codes

# codes of ISO 4217 that CLDR does not list as any territory's tender today: withdrawn since 2015 (a project's years
# may be in them), and El Salvador's colón (still in ISO's list one, beside the dollar)
WITHDRAWN = {"ANG", "BGN", "BYR", "CUC", "HRK", "LTL", "MRO", "SLL", "STD", "SVC", "VEF", "ZWL"}


def test_every_iso_code_is_a_currency_of_cldr():
    babel = pytest.importorskip("babel.numbers")
    assert sorted(ISO_4217 - set(babel.list_currencies())) == []


def test_every_currency_of_a_territory_today_is_an_iso_code():
    """CLDR's currencies in use (babel, a dependency of JupyterLab), but CNH (the offshore yuan, no ISO code) and
    XTS, XXX (ISO's codes for testing and for no currency, left out on purpose)."""
    core = pytest.importorskip("babel.core")
    today = dt.date(2026, 1, 1)
    used = {code for currencies in core.get_global("territory_currencies").values()
            for code, _start, end, _tender in currencies if end is None or dt.date(*end) >= today}
    assert sorted(used - ISO_4217) == ["CNH", "XTS", "XXX"]
    assert sorted(ISO_4217 - used - WITHDRAWN) == []


def test_the_workbooks_own_codes_are_iso_codes():
    assert CODES <= ISO_4217


@pytest.mark.parametrize("code, near", [("UDS", ["USD", "UZS"]), ("EUE", ["EUR"]), ("XFO", ["XOF"]),
                                        ("TDN", ["TND"]), ("MDA", ["MAD", "MDL", "MGA"]), ("eue", ["EUR"]),
                                        ("QQQ", [])])
def test_a_mistyped_code_names_the_codes_one_keystroke_away(code, near):
    assert not is_iso_code(code)
    assert nearest_codes(code) == near


@pytest.mark.parametrize("code", ["KES", "USD", "XAF", "MRO", "BGN"])
def test_a_real_code_is_one(code):
    assert is_iso_code(code)
