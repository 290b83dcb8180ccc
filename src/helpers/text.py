"""How names are compared, everywhere: case, accents and surrounding spaces ignored (``fold``).

A bottom module (beside ``paths`` and ``errors``): the data room compares countries, lines, headers and statuses
with it, the analyses compare countries with it, and both decide with ``is_all`` which annex covers the whole
project.
"""

from __future__ import annotations

import unicodedata
from typing import Any

ALL = "all"  # the annex that covers the whole project and compares countries


def fold(text: Any) -> str:
    """How names are compared: 'Égypte ' -> 'egypte'; a missing value (None, NaN, pandas.NA) -> ''."""
    if text is None or (isinstance(text, float) and text != text) or type(text).__name__ == "NAType":
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip().casefold()


def is_all(country: Any) -> bool:
    """Whether an annex's ``country`` names the whole project: 'all', 'All ', 'ALL' (folded like every name)."""
    return fold(country) == ALL
