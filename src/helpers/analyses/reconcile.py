"""Reconcile printed figures (from a report) with the figures the workbook computes.

``classify(printed, computed, comparison)`` says whether a printed number agrees with a computed one:

- ``match``: the computed value, rounded half away from zero (``decimal.ROUND_HALF_UP``, on the computed float's
  shortest decimal representation ``repr(x)``, never float ``round``) to the printed number of decimals, equals
  the printed value. For comparisons ``>``, ``>=``, ``<``, ``<=`` the computed value satisfies "computed <op>
  printed". For ``~`` (approximately, "environ", "avoisinent") the difference is within the tolerance
  ``max(1 unit of the last printed digit, 2 % of |printed|)`` (e.g. "46" +- 1, "2 000 000" +- 40 000); for a number
  printed with a scale word ("environ 2 millions", decimals < 0) half the last printed unit, not a whole one
  ("environ 2 millions" +- 500 000: 1 363 103 was within a tolerance of 1 000 000).
- ``truncated`` (comparison ``=`` only): the computed value cut toward zero (``ROUND_DOWN``) to the printed
  decimals equals the printed value, while rounding does not (1.6552 printed "1,65").
- ``mismatch``: anything else; ``difference`` = printed - computed (exact decimal arithmetic, then float).
- ``not_computable``: the computed value is NaN/None (the note says why), or the printed text is not a number
  that can be read without guessing.

Reading printed numbers (``parse_printed``) -- reports mix conventions, so the decimal mark is detected *per value*,
conservatively, and anything ambiguous is refused rather than guessed:

1. Leading and trailing text is dropped ("53,6 %", "environ 46%", "USD 1 200"); spaces (also no-break and thin
   spaces) and apostrophes inside the number are thousands separators and are removed ("17 ,7" -> "17,7"). A space
   elsewhere than before a group of 3 digits or a decimal mark means two numbers, refused ("En 2020 53 %" was read
   as 202053, "en 2020, 53 %" as 2020.53).
2. Both "," and "." present: the **last** separator is the decimal mark ("133,045.90", "1.005.500,00", and the
   AMEM misprint "1.362,610.13" -> 1362610.13); every earlier separator must cut 3-digit groups.
3. One kind of separator, several times: thousands separators ("4.600.000", "1,362,610"), groups of 3 checked.
4. One separator once: a decimal mark when followed by 1, 2 or 4+ digits ("53,60", "17,7", "1.65"), when the
   integer part is 0 or longer than 3 digits ("0,125", "1234,567"), or when the number also has space grouping
   ("1 362,610"). Followed by exactly 3 digits after 1-3 digits ("1,362", "2.500") it is **ambiguous**: the
   ``decimal_mark`` argument decides (pass the report's convention, e.g. "," for a French report); without it the
   value is refused (``not_computable``).

The number of decimals printed is the number of digits after the decimal mark ("53,60" has 2, "53" has 0).

5. Words around the number that make it a bound or an approximation are its comparison when the reported table
   gives none (or ``=``): "plus de 35 %", "more than 35", "> 35" are ``>``; "au moins", "at least", "35 % ou
   plus" ``>=``; "moins de", "less than", "< 45" ``<``; "au plus", "jusqu'à", "up to" ``<=``; "environ",
   "près de", "about" ``~`` (``worded_comparison``). Read as ``=`` (the text dropped), "plus de 35 %" beside a
   computed 40 was a mismatch of -5 for a figure the report states right.

6. A scale word right after the number multiplies it, and the precision with it: "2,4 M EUR", "2,4 millions",
   "2,4 M€" are 2 400 000 printed to the nearest 100 000 (decimals -5); "12k", "12 000 milliers"... (k, K,
   mille, milliers, thousand; M, Mio, Mo (« 25 Mo € », as the THAMM presentation writes it), millions; Md, Mds, Mrd, milliards, bn). "billion" (10^9 in English, 10^12 in French) is
   refused. Without this, "2,4 M EUR" was read as 2.4 and called a mismatch. Lower-case "m", "mn" are million
   only beside a currency ("$1.4m", "1,4 mn USD"; "12 m" may be metres) or beside an amount (a figure in
   the project's currency: "1,4 m" beside the budget), "mln" always.

7. The sign: any dash glued to the number is a minus ("-", "\u2212", Word's en dash "–0,27", an em dash, a
   non-breaking hyphen: they were dropped, "–0,27" beside +0.27 was a match); words of a change before or after it
   give it ("baisse de 27 points", "diminution de 0,18", "27 points de moins" are negative; "hausse de",
   "augmentation de", "24 % de plus" positive; a sign the words contradict is refused; a word as a label, « baisse : 5 % »,
   and « moins 5 % » give it when none is written). A worded bound on a decrease
   is on its size: "baisse de plus de 20 %" is "< -20". A dash between words and the number ("Taux – 53 %") and a
   sign glued to text ("+/-3") are refused.

8. A printed figure that names a currency ("2,8 M EUR", "2 777 778 €", "1 363 103 MAD": ``printed_currency``) beside
   a figure whose unit is another currency is not computable ("printed in EUR, the project's figures are in USD"):
   the workbook does not convert, and it was compared as if in the project's currency.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from difflib import get_close_matches
from typing import Any, Collection, Mapping, NamedTuple

import numpy as np
import pandas as pd

from .efficiency import UPPER_BOUND
from ..data.currencies import ABBREVIATIONS, CODES
from ..text import fold, is_all

MATCH, TRUNCATED, MISMATCH, NOT_COMPUTABLE = "match", "truncated", "mismatch", "not_computable"
FRACTION_NOTE = "as a fraction of 1"   # in the note of a percentage printed 0.444 (see _as_fraction)
# in the note of a percentage printed « 0,53 % » (its sign written) beside 53 %: a fraction of 1 it would match
PERCENT_SIGN_NOTE = "printed with '%', it is not read as a fraction; read so (times 100), it would match:"
PERCENT_SIGN = re.compile(r"%|\bpour[ -]?cents?\b|\bper ?cent\b|\bp\. ?100\b|\bpour ?100\b|\bpct\b|\bp\.c\.")
# « 40 p. 100 », « 40 pour 100 » (French typography's percent): a percentage; it was refused as « two numbers »
_PER_HUNDRED = re.compile(r"(?<=\d)\s*(?:p\.\s?|pour\s?)100(?!\s?[\d.,]?\d)", re.IGNORECASE)
# in the note of a women's share of participations beside the persons' one (analyses.figures.persons_caution)
PERSONS_NOTE = "the women's share of the distinct persons is"
# in the note of a women's share whose participants include some of unknown sex (analyses.figures._sex_unknown)
ALL_PARTICIPANTS_NOTE = "the women's share of all the participants is"
# in the note of a mismatch that the other decimal mark reads as a match (see _with_the_other_mark)
MARK_NOTE = "with the other decimal mark"
# in the note of a spending figure whose label speaks of commitments (analyses.figures.reconciliation_figures)
# in the note of an indicator figure whose label or value speaks of a target, compared with the indicator's target
TARGET_NOTE = "its label or its value speaks of a target: compared with the indicator's"
# in the note of an indicator figure printed without '%' that equals the indicator's actual value (« 10 personnes »)
ACTUAL_NOTE = "printed without '%', it is the indicator's actual value: compared with it"
COMMITMENT_NOTE = "its label speaks of commitments: the spending computed is what was paid (expenditure), not committed"
# in the note of a figure whose computed value is an upper bound (a cost per woman, some participants' sex not known)
UPPER_BOUND_NOTE = "the computed figure is an upper bound (participants of unknown sex): the figure is at most"
STATUSES = (MATCH, TRUNCATED, MISMATCH, NOT_COMPUTABLE)
SUGGESTED = 3                       # keys a "did you mean" names at most
APPROX_RELATIVE = Decimal("0.02")   # "~": 2 % of the printed value ...
BUDGET_METRICS = {"budget", "spent", "financial_execution_rate", "unallocated_budget", "staff_cost_share",
                  "burn_index", "spending_share"}

_SPACES = re.compile(r"[ \u00a0\u202f\u2009\u2007'\u2019]")
_GAP = re.compile(r"[ \u00a0\u202f\u2009\u2007'\u2019]+")
_GROUP_AFTER = re.compile(r"\d{3}(?!\d)")
_SPACE_GROUPED = re.compile(r"\d[ \u00a0\u202f\u2009\u2007]\d{3}(?!\d)")
# a minus sign as reports write it: hyphen-minus, minus sign, Word's en dash, em dash, hyphen, non-breaking hyphen,
# figure dash, small and full-width hyphen-minus (« –0,27 » was read as +0.27)
MINUS_SIGNS = "-\u2212\u2013\u2014\u2010\u2011\u2012\ufe63\uff0d"
SIGNS = "+" + MINUS_SIGNS
_FIRST_DIGIT = re.compile(r"\d|[.,]\d")
_BLANKS = " \u00a0\u202f\u2009\u2007\t"
_TRAIL = re.compile(r"[^\d]+$")
_GROUPS = re.compile(r"^\d{1,3}(\d{3})*$")
_BRACKETED = re.compile(r"^\s*\([^()]*\d[^()]*\)\s*$")   # « (0,27) »: read as +0.27, it was a match
# a scale word right after the number (rule 5); "M" may be glued to a currency (2,4 MEUR, 2,4 M€, 5 MDT: every code
# and abbreviation of data.currencies, which printed_currency reads there: « 5 MDT » was 5 dinars)
_GLUED = "|".join(sorted(CODES | set(ABBREVIATIONS), key=lambda c: (-len(c), c)))
# (« 0,15 Mn USD »: « Mn » as « mn »; « 150 TEUR », « 150 TUSD »: German « Tausend » glued to a code; they were read as
# 0,15 and 150, an « écart » of the whole amount)
_SCALE = re.compile(r"^\s*(?:(?P<thousand>k|K|mille|milliers?|thousands?|T(?=EUR|USD|CHF|GBP))"
                    r"|(?P<million>M|Mio|Mo|Mn|millions?)"
                    rf"|(?P<billion>Md|Mds|Mrd|milliards?|bn))(?=$|[^A-Za-zÀ-ÿ]|{_GLUED})")
_SCALES = {"thousand": 3, "million": 6, "billion": 9}
# « $1.4m », « 1,4 mn USD »: lower-case m, mn for million only beside a currency (« 12 m » is metres, « 3 mn »
# minutes); mln always
_SMALL_MILLION = re.compile(rf"^\s*(?:(?P<with_currency>m|mn)|mln)(?=$|[^A-Za-zÀ-ÿ]|{_GLUED})")
_AMBIGUOUS_SCALE = re.compile(r"^\s*(?:billions?|trillions?)\b", re.IGNORECASE)


# rule 5: the words before a printed figure (folded: lower case, no accents), and after it, that make it a bound
_BEFORE = {
    ">=": "au moins|pas moins de|at least|no less than|not less than|minimum|minimum de|minimum d'|minimum d’|min\\.|"
          "≥|>=|=>",
    "<=": "au plus|au maximum|pas plus de|jusqu'a|jusqu’a|at most|no more than|not more than|up to|maximum|maximum de|"
          "maximum d'|maximum d’|max\\.|≤|<=|=<",
    # « + de 3 000 » (as « plus de » is often written): it was read as = 3 000, a mismatch beside 3 100
    ">": "plus de|plus d'|plus d’|\\+ ?de|\\+ ?d'|\\+ ?d’|au-dela de|au dela de|superieure? a|more than|over|above|"
         "greater than|in excess of|au-dessus de|au dessus de|au-dessus d'|au-dessus d’|depasse|depassant|depassent|"
         "exceeds?|exceeding|>",
    "<": "moins de|moins d'|moins d’|- ?de|- ?d'|- ?d’|inferieure? a|less than|fewer than|under|below|en dessous de|"
         "en-dessous de|au-dessous de|au dessous de|en dessous d'|au-dessous d'|<",
    # (« presque 300 », « à peu près 300 », « circa 300 », « ∼300 » were read as = 300)
    "~": "environ|env\\.|pres de|pres d'|pres d’|quelque|autour de|de l'ordre de|de l’ordre de|approximativement|"
         "approx\\.?|about|around|approximately|nearly|almost|roughly|some|presque|quasi|quasiment|a peu pres|"
         "pratiquement|circa|ca\\.|plus ou moins|~|∼|≈|±|\\+/-",
}
# after the number too (« 300 environ », « 300 au moins » were read as = 300: an « Écart » beside 305)
_AFTER = {">=": "ou plus|et plus|or more|and more|and over|ou davantage|au moins|au minimum|at least|minimum|\\+",
          "<=": "ou moins|or less|or fewer|au plus|au maximum|at most|maximum",
          "~": "environ|env\\.?|approximativement|approx\\.?|approximately|or so|a peu pres"}
_WORDED = [(op, re.compile(rf"(?:^|[\s(:,;'’])(?:{words})\s*$")) for op, words in _BEFORE.items()]
# « près de 500 », « presque 500 », « nearly 500 » say the figure is just under 500 (« il a près de 50 ans »): 503 is
# « plus de 500 », not near it (it was « Conforme », ± 10 either side); « environ », « about » stay on both sides
_JUST_UNDER = re.compile(r"(?:^|[\s(:,;'’])(?:pres de|pres d'|pres d’|presque|quasi|quasiment|pratiquement|nearly|"
                         r"almost)\s*$")


JUST_UNDER_NOTE = "computed above the printed figure, which its words put just under it"


def just_under(printed: Any) -> bool:
    """Whether the words before a printed figure say it is just under the number (« près de 500 »)."""
    text = fold(str(printed)).strip()
    digits = re.search(r"\d", text)
    return digits is not None and bool(_JUST_UNDER.search(text[:digits.start()].rstrip(SIGNS + " ")))
_WORDED_AFTER = [(op, re.compile(rf"^\s*(?:[^\d\s]+\s*){{0,2}}?(?:{words})(?:$|[\s.,;)])"))
                 for op, words in _AFTER.items()]


def worded_comparison(printed: Any, comparison: str = "=") -> str:
    """The comparison a printed figure's words state (rule 5), when ``comparison`` is ``=`` (the default of an
    empty cell); else ``comparison``."""
    if comparison != "=" or printed is None:
        return comparison
    text = fold(str(printed)).strip()
    digits = re.search(r"\d", text)
    if digits is None:
        return comparison
    before = text[:digits.start()].rstrip(SIGNS + " ")
    after = text[re.search(r"\d(?!.*\d)", text).end():]
    # the longest phrase before it: "pas plus de 40" is <=, not > ("plus de 40")
    before_ops = sorted((match.start(), op) for op, words in _WORDED if (match := words.search(before)))
    found = {before_ops[0][1]} if before_ops else set()
    found |= {op for op, words in _WORDED_AFTER if words.search(after)}
    if len(found) != 1:
        return comparison
    op = found.pop()
    # « baisse de plus de 20 % » is read as -20, and the change is below it: the bound on its size turns round
    if _CHANGE_BEFORE["-"].search(before) or _CHANGE_AFTER["-"].search(after) or _CHANGE_LABEL["-"].search(before):
        op = _TURNED.get(op, op)
    return op


class ParsedNumber(NamedTuple):
    value: Decimal
    decimals: int
    signed: bool = False     # a sign, or words of a change (« baisse de », « hausse de »), says its direction


class Classification(NamedTuple):
    status: str              # match | truncated | mismatch | not_computable
    printed_value: float     # the printed number read (NaN when unreadable)
    decimals: int            # decimals printed (-1 when unreadable)
    difference: float        # printed - computed (NaN when not computable)
    note: str


class UnreadableNumber(ValueError):
    """The printed text is not a number, or its decimal mark cannot be told without guessing."""


def _check_groups(integer_part: str, separators: str, text: str) -> str:
    pieces = re.split(f"[{re.escape(separators)}]", integer_part)
    if not pieces[0] or not 1 <= len(pieces[0]) <= 3 or any(len(p) != 3 for p in pieces[1:]):
        raise UnreadableNumber(f"'{text}': the thousands groups are not groups of 3 digits")
    return "".join(pieces)


# words of a change that give a printed number its sign (folded: lower case, no accents): « baisse de 27 points » is
# -27, « hausse de 24 % » +24; before the number (maybe with a bound between: « baisse de plus de 20 % »), or after it
# (« 24 % de plus », « 27 points de moins »)
_DOWN = ("baisse|diminution|recul|reduction|chute|repli|contraction|perte|a baisse|a diminue|diminue|a recule|"
         "recule|a chute|en baisse de|en recul de|decrease|decreased|decline|declined|drop|dropped|fall|fell|fallen|"
         "reduced|cut|down|loss|lost")
_UP = ("hausse|augmentation|progression|croissance|accroissement|a augmente|augmente|a progresse|progresse|"
       "en hausse de|increase|increased|rise|rose|risen|growth|grew|grown|gain|up|raised")
_BOUND_WORDS = "|".join(_BEFORE.values())
_CHANGE_BEFORE = {sign: re.compile(rf"(?:^|[\s(:,;])(?:{words})(?:\s+(?:de|of|by|in)|\s*d['’])?"
                                   rf"(?:\s*(?:{_BOUND_WORDS}))?\s*$") for sign, words in (("-", _DOWN), ("+", _UP))}
# the word as a label before its figure (« baisse : 5 % », « recul : 5 % ») and « moins 5 % » (minus, not « moins de »,
# « au moins »): they were read as +5. The words give the sign only when none is written (« Croissance : -3 % »).
_CHANGE_LABEL = {sign: re.compile(rf"(?:^|[\s(:,;])(?:{words})\s*:(?:\s*(?:{_BOUND_WORDS}))?\s*$") for sign, words in
                 (("-", _DOWN), ("+", _UP))}
_CHANGE_LABEL["-"] = re.compile(rf"{_CHANGE_LABEL['-'].pattern}|(?:^|[\s(:,;])(?<!au )(?<!du )(?<!plus ou )(?:moins|minus)\s*$")
_CHANGE_UNIT = r"(?:%|pourcents?|percent|p\.?\s?p\.?|pts?\.?|points?(?:\s+de\s+pourcentage)?|percentage\s+points?)?"
_CHANGE_AFTER = {sign: re.compile(rf"^\s*{_CHANGE_UNIT}\s*(?:{words})(?:$|[\s.,;)])") for sign, words in (
    # (« a 5% decline », « 5 % de baisse » were read as +5: « Conforme » beside an increase of 5)
    ("-", "de moins|en moins|en baisse|en recul|de baisse|de diminution|de reduction|de recul|de repli|de chute|"
          "less|fewer|lower|down|declines?|decreases?|drops?|falls?|reductions?|cuts?|losses"),
    ("+", "de plus|en plus|en hausse|de hausse|d'augmentation|d’augmentation|de croissance|de progression|"
          "more|higher|up|increases?|rises?|growth|gains?"))}
_TURNED = {">": "<", ">=": "<=", "<": ">", "<=": ">="}
_WORDY = re.compile(r"[^\W\d_]")


def _lead_sign(lead: str, original: str) -> tuple[str, str]:
    """The sign written right before the number ('-' for any dash, '+', or ''), and the text before it."""
    bare = lead.rstrip(_BLANKS)
    if not bare or bare[-1] not in SIGNS:
        return "", lead
    mark, text = bare[-1], bare[:-1]
    if text and (text[-1].isalnum() or text[-1] in SIGNS + "/"):   # « +/-3 », « x-3 »
        raise UnreadableNumber(f"'{original}': the '{mark}' before the number is glued to the text before it "
                               "(write the number alone, with its sign)")
    if bare != lead and mark in MINUS_SIGNS.replace("\u2212", "") and _WORDY.search(text):
        raise UnreadableNumber(f"'{original}': the dash between the words and the number may be a minus sign or a "
                               "separator (write the number alone, with its sign glued to it)")
    return ("-" if mark in MINUS_SIGNS else "+"), text


def _direction(sign: str, before: str, after: str, original: str) -> str:
    """The number's sign: the one written, or the one the words of a change around it give (« baisse de 27 » is
    -27, « hausse de 24 % » +24); a sign and words that disagree (« baisse de +3 ») are refused."""
    before, after = fold(before), fold(after)
    said = {s for s, words in _CHANGE_BEFORE.items() if words.search(before)} | \
        {s for s, words in _CHANGE_AFTER.items() if words.search(after)}
    if len(said) > 1 or (said and sign and said != {sign}):
        raise UnreadableNumber(f"'{original}': its sign and the words around it say opposite directions")
    if not sign and not said:
        said = {s for s, words in _CHANGE_LABEL.items() if words.search(before)}
        if len(said) > 1:
            raise UnreadableNumber(f"'{original}': the words before it say opposite directions")
    return sign or (said.pop() if said else "")


# a dollar said with its country (« 12 000 $ CA », « 5 M$ CAN », « CA$12,000 », « A$ », « dollars canadiens »): read as
# the bare « $ », it was compared as USD (a Canadian-funded project's report beside USD figures was a match)
_DOLLAR_OF = re.compile(r"(?<![A-Za-z])(US|CAN?|C|AUD?|A|NZ|HK|SG)\s?\$|\$\s?(US|CAN?|AUD?|NZ|HK|SG)(?![A-Za-z])")
_DOLLAR_COUNTRY = {"US": "USD", "CA": "CAD", "CAN": "CAD", "C": "CAD", "AU": "AUD", "AUD": "AUD", "A": "AUD",
                   "NZ": "NZD", "HK": "HKD", "SG": "SGD"}
_DOLLAR_WORD = re.compile(r"\bdollars? (canadiens?|australiens?|americains?|us|des etats-unis|neo-zelandais)\b")
_DOLLAR_WORDS = {"canadien": "CAD", "australien": "AUD", "americain": "USD", "us": "USD", "des etats-unis": "USD",
                 "neo-zelandais": "NZD"}
# a bare « $ » or « dollars » is the project's own dollar in a project kept in one (a Canadian project's « 12 000 $ »
# is in CAD: it was « printed in USD »), and USD in any other
_US_SAID = re.compile(r"US\$|\$\s?US\b|\bUSD\b|\bdollars? (?:us|americains?|des etats-unis)\b")
DOLLARS = frozenset("USD CAD AUD NZD HKD SGD".split())


def printed_currency(text: Any) -> str:
    """The currency a printed figure names, as a code ('EUR' for « 2,8 M EUR », « 2 777 778 € »), '' when it names
    none; 'EUR+USD' when it names two (data.currencies: the words the tables' headers and cells are read with)."""
    from ..data.currencies import named_currencies

    if text is None:
        return ""
    text = _scale_apart(str(text))   # (« 150 TEUR », « 150 KEUR »: in EUR)
    codes = {_DOLLAR_COUNTRY[(m.group(1) or m.group(2)).upper()] for m in _DOLLAR_OF.finditer(text)}
    text = _DOLLAR_OF.sub(" ", text)
    folded = fold(text)
    codes |= {next(code for word, code in _DOLLAR_WORDS.items() if m.group(1).startswith(word))
              for m in _DOLLAR_WORD.finditer(folded)}
    folded = _DOLLAR_WORD.sub(" ", folded)
    codes |= set(named_currencies(text, folded))
    return "+".join(sorted(codes))


def _bare_dollar(text: str) -> bool:
    """The printed figure names a dollar without its country only (« 12 000 $ », « 1,2 M$ », « 5 000 dollars »)."""
    return printed_currency(text) == "USD" and not _US_SAID.search(f"{text} {fold(text)}")


def is_currency(unit: Any) -> bool:
    """A figure's unit that is a currency (the project's `currency`: 'USD', 'EUR'...), not '%', 'ratio', 'count'."""
    from ..data.currencies import currency_code

    text = "" if _is_blank(unit) else str(unit).strip()
    return text.lower() not in ("", "%", "ratio", "count") and bool(re.fullmatch(r"[A-Z]{3}", currency_code(text)))


def other_currency(printed: Any, unit: Any) -> str:
    """Why a printed figure cannot be compared with a figure in ``unit`` (a currency): it names another currency
    ('printed in EUR, the project's figures are in USD'); '' when it names none, or the same."""
    from ..data.currencies import currency_code, same_currency

    if not is_currency(unit):
        return ""
    named, own = printed_currency(printed), currency_code(str(unit).strip())
    unknown = _unknown_currency(printed, own)
    if unknown:   # « 150 000 KES », « 150 000 roupies », « 150 000 FS » beside USD figures were « Conforme »
        return f"printed in {unknown}, the project's figures are in {own} (the workbook does not convert currencies)"
    if not named or same_currency(named, own) or (own in DOLLARS and _bare_dollar(str(printed))):
        return ""
    return f"printed in {named}, the project's figures are in {own} (the workbook does not convert currencies)"


# a currency data.currencies does not know, after an amount (« 150 000 KES », « 150 000 roupies », « 150 000 FS »): it
# was read as the project's, « Conforme »; a code of 3 capitals but the words of a price (TTC, TVA) and of a scale,
# the words of other currencies (in one token: the annex's sentence names it), « dirhams émiratis » (AED, not MAD)
_NOT_CODES = frozenset("TTC TVA HTT HTVA MIO MRD MLN MDS MIL ENV EST MAX MIN TOT AVG APR".split())
_CODE_LIKE = re.compile(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])")
_MONEY_WORDS = {"dirhams emiratis": "AED", "dirham emirati": "AED", "dirhams des emirats": "AED",
                "livres egyptiennes": "EGP", "livre egyptienne": "EGP", "livres turques": "TRY", "livre turque": "TRY",
                "livres libanaises": "LBP", "livre libanaise": "LBP", "fs": "CHF", "sfr": "CHF", "fg": "GNF"}
_MONEY_WORD = re.compile(r"\b(" + "|".join(sorted(_MONEY_WORDS, key=len, reverse=True)) + r"|roupies?|rupees?|yens?|"
                         r"yuans?|renminbi|rands?|nairas?|cedis?|shillings?|birrs?|pounds?|riyals?|rials?|reais|"
                         r"reals?|pesos?|lires?|liras?|leones?|kwachas?|zlotys?|forints?|couronnes?|roubles?|rubles?|"
                         r"bahts?|wons?|dongs?|ringgits?|takas?|gourdes?|ariarys?|kwanzas?|meticals?)\b(?!\.?\w)")
_FS_SIGNS = re.compile(r"(?<![A-Za-z])(FS|SFr\.?|FG)(?![A-Za-z])")


def _unknown_currency(printed: Any, own: str) -> str:
    """The currency data.currencies does not know that a printed amount names after its number ('KES', 'roupies'),
    '' when none (or the project's own)."""
    text = "" if _is_blank(printed) else str(printed)
    first = _FIRST_DIGIT.search(text)
    if first is None:
        return ""
    after = _scale_apart(text[first.start():])
    from ..data.currencies import CODES, ABBREVIATIONS

    for code in _CODE_LIKE.findall(after):
        glued = code[0] in "MKT" and code[1:] in ABBREVIATIONS   # « 3 MDT », « 2 MDH »: a scale and a known one
        if code not in _NOT_CODES and code not in CODES and code not in ABBREVIATIONS and code != own and not glued:
            return code
    sign = _FS_SIGNS.search(after)
    word = _MONEY_WORD.search(fold(after))
    said = _MONEY_WORDS.get(word.group(1), word.group(1)) if word else \
        _MONEY_WORDS.get(sign.group(1).lower().rstrip("."), "") if sign else ""
    return "" if said == own else said


# the impact figures in their outcome's unit (analyses.figures: its currency, "share" for a 0/1 outcome, '' unknown)
OUTCOME_UNIT = frozenset({"impact_effect", "impact_panel_effect", "impact_naive_effect", "impact_adjusted_effect",
                          "impact_mde", "impact_control_mean", "event_study_effect",
                          "impact_effect_other_se"})


def other_unit(metric: str, printed: Any, unit: Any, currency: str | None = None) -> str:
    """Why a printed impact figure cannot be compared with its outcome's ``unit``: an amount in another currency
    (« +120 MAD » beside an effect in EUR), a currency beside a 0/1 outcome's share, a percentage or points beside an
    amount, a currency other than the project's (``currency``) beside an outcome that names none; '' otherwise (a
    figure printed without a unit is read in the outcome's)."""
    if metric not in OUTCOME_UNIT:
        return ""
    named = printed_currency(printed)
    if _is_blank(unit):   # « +120 EUR » beside earnings that name no currency, in a USD project: it was « Conforme »
        if not named or not currency or not other_currency(printed, currency):
            return ""
        return (f"printed in {named}, the outcome names no currency and the project's is {currency}: name the "
                f"outcome's currency in its header or label (« Revenu ({named}) ») if it is in {named}")
    unit = str(unit)
    if unit == "share":
        return (f"printed in {named}, the outcome is a yes/no share (a fraction of 1: 0.27 is 27 percentage points)"
                if named else "")
    if not is_currency(unit):
        return ""
    if named and other_currency(printed, unit):
        return f"printed in {named}, the outcome is in {unit} (the workbook does not convert currencies)"
    if not named and _PERCENT.search(fold(str(printed))):
        return (f"printed as a percentage or in points, the outcome is an amount in {unit}: the workbook compares "
                f"its effects in {unit} (write the figure the report gives in {unit})")
    return ""


def parse_printed(text: Any, decimal_mark: str | None = None, money: bool = False) -> ParsedNumber:
    """Read a printed number with its decimals; see the module docstring for the rules. Raises UnreadableNumber.
    ``money``: the figure is an amount, so a lower-case « m », « mn » is million without a currency beside it."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        raise UnreadableNumber("no printed value")
    original = str(text)
    if _BRACKETED.match(original):
        raise UnreadableNumber(f"'{original}': a number in brackets is a negative in accounts and a standard error "
                               "in statistics (write it with a minus sign, or the estimate alone)")
    s = _PER_HUNDRED.sub(" %", original.strip())
    first = _FIRST_DIGIT.search(s)
    if first is None:
        raise UnreadableNumber(_not_a_number(original))
    lead, s = s[:first.start()], s[first.start():]
    trail = _TRAIL.search(s)
    after, s = (s[trail.start():], s[:trail.start()]) if trail else ("", s)
    sign, lead = _lead_sign(lead, original)
    sign = _direction(sign, lead, after, original)
    if _PER_MILLE.search(after):   # « 53 ‰ » was read as 53: « Conforme » beside 53 %, ten times the figure it is
        raise UnreadableNumber(f"'{original}' is per mille (‰, per thousand), not a percentage: write the percentage "
                               "it stands for (529 ‰: 52,9 %)")
    if re.match(r"^\s*mil\b", after, re.IGNORECASE):   # (« 150 mil USD » was read as 150)
        raise UnreadableNumber(f"'{original}': 'mil' is a thousand in Spanish and Portuguese, a million in English "
                               "(write the number)")
    if _AMBIGUOUS_SCALE.match(after):
        raise UnreadableNumber(f"'{original}': 'billion' is 10^9 in English and 10^12 in French (write the number)")
    scale = _SCALE.match(after)
    exponent = next((_SCALES[name] for name, word in scale.groupdict().items() if word), 0) if scale else 0
    small = None if scale else _SMALL_MILLION.match(after)
    if small and (not small.group("with_currency") or money or printed_currency(original)):
        exponent = 6
    for gap in _GAP.finditer(s):   # « En 2020 53 % » was read as 202053, « en 2020, 53 % » as 2020,53
        grouping = s[gap.start() - 1:gap.start()].isdigit() and _GROUP_AFTER.match(s, gap.end())
        if not grouping and s[gap.end():gap.end() + 1] not in (".", ","):
            if _WORDY.search(s):   # « 20 bénéficiaires dont 40 % de femmes »: not a space inside a number
                figures = re.findall(r"\d[\d \u00a0\u202f.,]*\d|\d", s)
                raise UnreadableNumber(_not_a_number(original, (
                    f"'{original}' holds two figures ('{figures[0].strip()}' and '{figures[-1].strip()}'): write "
                    "the one this row checks alone, and each other figure in its own row")))
            raise UnreadableNumber(_not_a_number(original, f"'{original}' holds two numbers (a space is in a number "
                                                           "only before a group of 3 digits: write the value alone)"))
    space_grouped = bool(_SPACE_GROUPED.search(s))
    s = _SPACES.sub("", s)
    if not s or not re.fullmatch(r"[\d.,]+", s) or not s[0].isdigit() and not (s[0] in ".," and len(s) > 1):
        raise UnreadableNumber(_not_a_number(original))
    seps = [c for c in s if c in ".,"]
    if not seps:
        integer, fraction = s, ""
    elif len(set(seps)) == 2:
        last = max(s.rfind("."), s.rfind(","))
        integer = _check_groups(s[:last], ".,", original) if s[:last] else "0"
        fraction = s[last + 1:]
    elif len(seps) > 1:
        integer, fraction = _check_groups(s, seps[0], original), ""
    else:
        mark = seps[0]
        head, tail = s.split(mark)
        if len(tail) != 3 or head in ("", "0") or len(head) > 3 or space_grouped:
            is_decimal = True
        elif decimal_mark in (".", ","):
            is_decimal = mark == decimal_mark
        else:
            raise UnreadableNumber(f"'{original}' is ambiguous: '{mark}' may be a decimal mark or a thousands "
                                   "separator (say the report's decimal mark)")
        if is_decimal:
            integer, fraction = head or "0", tail
        else:
            integer, fraction = _check_groups(s, mark, original), ""
    if not fraction.isdigit() and fraction:
        raise UnreadableNumber(f"'{original}' is not a number")
    try:
        minus = "-" if sign == "-" else ""
        value = Decimal(f"{minus}{integer}.{fraction}" if fraction else f"{minus}{integer}")
    except InvalidOperation:
        raise UnreadableNumber(f"'{original}' is not a number") from None
    return ParsedNumber(value.scaleb(exponent), len(fraction) - exponent, bool(sign))


# a range (« 30 à 40 % », « entre 30 et 40 », « 30-40 % ») and a fraction (« 2/3 », « deux tiers », « la moitié »): not
# one number; refused, saying how to write them (they were « two numbers: write the value alone », « not a number »)
# « 45 % (1) », « 45 %[1] », « 45 %1 »: a footnote's number after the figure (they were « two numbers: write the value
# alone », « not a number »)
# (« 300 (1) », « 300[1] » too: they were « two numbers », « not a number »)
_FOOTNOTE = re.compile(r"(?:[%a-z$€\d]\s*[(\[]\s*\d{1,2}\s*[)\]]|%\s*\^?\d{1,2})\s*$")
_DAY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}(?:[ t]\d{2}:\d{2}(?::\d{2})?)?\s*$")
_RANGE = re.compile(r"\d\s*%?\s*(?:a|et|and|to|[-\u2013\u2014])\s*[-\u2212\u2013]?\d")
_PER_MILLE = re.compile(r"‰|\bp(?:ou|e)r\s*mill[ei]\b|\bper thousand\b", re.IGNORECASE)
# a period of years beside the figure (« 300 (2019-2020) », « 300 en 2019-2021 »): it was said a range of the value
_YEARS = re.compile(r"\b(?:19|20)\d\d\s*[-\u2013\u2014/]\s*(?:19|20)?\d\d\b(?![-/.]\d)")   # (not a day's 2020-06-30)
_FRACTION = re.compile(r"^\D*\d+\s*/\s*\d+\D*$|\b(?:moitie|tiers|quarts?|cinquieme|dixieme|half|third|quarter)s?\b"
                       r"|\bdemi-?\s*(?:millions?|milliards?)\b"
                       # « 3 sur 10 », « 2 femmes sur 5 », « une sur trois », « 1 in 3 »: they were « two figures
                       # ('3' and '10'): write each in its own row » (not « 3,2 sur 5 », a score)
                       r"|(?:(?<![\d.,])\d+|\b(?:une?|one))\s+(?:[^\W\d_]+\s+){0,2}?(?:sur|out of|in)\s+"
                       r"(?:\d+(?![\d.,]\d)|(?:deux|trois|quatre|cinq|six|dix|two|three|four|five|six|ten)\b)"
                       r"(?!\s*(?:ans?|annees?|mois|semaines?|jours?|years?|months?|weeks?|days?)\b)")   # (« sur 2 ans »)
# a fraction of a scale word or a currency (« 1/2 million », « 3/4 M$ », « un demi-million »): an amount, not a share
_FRACTION_OF_AMOUNT = re.compile(r"\b(?:millions?|milliards?|mio|mds?|mn|k|m|mille|milliers?|thousands?)\b|[$€£]|"
                                 r"\b(?:usd|eur|euros?|dollars?|dinars?|dirhams?|ouguiyas?|mad|dh|dt|tnd|um|mru|fcfa|"
                                 r"xof|chf)\b")


# what a report prints where it gives no figure (« n.d. », « – », « N/A », « s.o. », « non disponible »): it was
# « not a number », in the French annex « chiffre publié illisible », as if the figure were misprinted
_NO_FIGURE = re.compile(r"^\s*(?:n\.?\s?[dc]\.?|n\.?\s?/\s?[ad]\.?|na|nd|s\.?\s?o\.?|non (?:disponible|communique|"
                        r"applicable|renseigne)e?s?|not available|not applicable|sans objet|[-\u2013\u2014\u2212x*/.…?]+)\s*$")


def _not_a_number(original: str, otherwise: str = "") -> str:
    """Why a printed text is not read: a range and a fraction are said as such, with what to write instead."""
    folded = fold(original)
    if _NO_FIGURE.match(folded):
        return (f"'{original}': the report prints no figure there (not available): there is nothing to compare "
                "(leave the row out, or write the figure the report gives elsewhere)")
    if _DAY.match(folded):   # a date cell of reported.xlsx (« 1.2 » typed, made 1 February): it was « a range »
        return (f"'{original}' is a date (a spreadsheet turns a typed 1.2, 3/4 or 30-40 into one): write the "
                "published value as text")
    if _FOOTNOTE.search(folded):
        return (f"'{original}' ends with what may be a footnote mark (write the value without it, or with the mark "
                "as a symbol: 45 %*)")
    if _YEARS.search(folded) and _FIRST_DIGIT.search(_YEARS.sub("", folded)):
        return (f"'{original}' names a period of years beside the figure: write the value alone (the period in the "
                "label), and check that the figure the workbook computes, up to the reporting date, covers that "
                "period")
    if _RANGE.search(folded):
        return (f"'{original}' is a range: the workbook checks one figure (write two reported figures, one with "
                "the comparison >= its low end, the other <= its high end)")
    if _FRACTION.search(folded) and _FRACTION_OF_AMOUNT.search(folded):   # the percentage said below is no amount
        return (f"'{original}' is a fraction of an amount: write the amount it stands for in figures (1/2 million: "
                "500 000; 3/4 million: 750 000), with the comparison ~ when the report rounds it so")
    if _FRACTION.search(folded):
        return (f"'{original}' is a fraction: write the percentage it stands for (2/3: 67 %, with the comparison ~ "
                "when the report rounds it so)")
    return otherwise or f"'{original}' is not a number"


def _precision(decimals: int) -> str:
    """How a printed number is rounded: '1 decimal(s)', or 'the nearest 100000' for '2,4 M'."""
    return f"{decimals} decimal(s)" if decimals >= 0 else f"the nearest {10 ** -decimals}"


def _decimal(x: float) -> Decimal:
    return Decimal(repr(float(x)))


def _fmt(d: Decimal) -> str:
    return format(d.normalize(), "f") if d == d.to_integral() else format(d, "f")


def _is_missing(x: Any) -> bool:
    try:
        return x is None or bool(pd.isna(x)) or not math.isfinite(float(x))
    except (TypeError, ValueError):
        return True


def classify(printed: Any, computed: Any, comparison: str | None = "=", decimal_mark: str | None = None,
             reason: str = "", money: bool = False) -> Classification:
    """Compare a printed figure with a computed one. ``reason``: why ``computed`` is NaN, when it is. ``money``: the
    computed figure is an amount (parse_printed)."""
    comparison = (comparison or "=").strip() or "="
    try:
        parsed = parse_printed(printed, decimal_mark, money)
    except UnreadableNumber as exc:
        return Classification(NOT_COMPUTABLE, float("nan"), -1, float("nan"), f"printed value unreadable: {exc}")
    p_value, decimals = parsed.value, parsed.decimals
    if _is_missing(computed):
        why = reason or "the figure could not be computed from the data"
        return Classification(NOT_COMPUTABLE, float(p_value), decimals, float("nan"), why)
    c = _decimal(computed)
    difference = float(p_value - c)
    unit = Decimal(1).scaleb(-decimals)
    shown = f"printed {printed!s} vs computed {_fmt(c)}"
    if comparison in (">", ">=", "<", "<="):
        ok = {">": c > p_value, ">=": c >= p_value, "<": c < p_value, "<=": c <= p_value}[comparison]
        note = f"computed {_fmt(c)} is {'' if ok else 'not '}{comparison} {_fmt(p_value)}"
        return Classification(MATCH if ok else MISMATCH, float(p_value), decimals, difference, note)
    if comparison == "~":
        # « environ 2 millions » is printed to the nearest million: half of it, not a whole million (1 363 103 was
        # within « tolerance 1000000 »); a number printed with its digits, 1 unit of the last one
        step = unit / 2 if decimals < 0 else unit
        tolerance = max(step, abs(p_value) * APPROX_RELATIVE)
        if just_under(printed) and c > p_value:
            return Classification(MISMATCH, float(p_value), decimals, difference,
                                  f"{shown}: {JUST_UNDER_NOTE}")
        ok = abs(p_value - c) <= tolerance
        said = "half the last printed unit" if decimals < 0 else "1 unit of the last printed digit"
        note = (f"{shown}: difference {difference:+g} {'within' if ok else 'beyond'} the tolerance "
                f"{_fmt(tolerance)} (max of {said} and 2 %)")
        return Classification(MATCH if ok else MISMATCH, float(p_value), decimals, difference, note)
    if comparison != "=":
        return Classification(NOT_COMPUTABLE, float(p_value), decimals, float("nan"),
                              f"unknown comparison '{comparison}' (use =, >, >=, <, <=, ~)")
    rounded = c.quantize(unit, rounding=ROUND_HALF_UP)
    truncated = c.quantize(unit, rounding=ROUND_DOWN)
    if rounded == p_value:
        return Classification(MATCH, float(p_value), decimals, difference,
                              f"{shown}: equal when rounded to {_precision(decimals)}")
    if truncated == p_value:
        return Classification(TRUNCATED, float(p_value), decimals, difference,
                              f"{shown}: truncated, not rounded (rounding gives {_fmt(rounded)})")
    return Classification(MISMATCH, float(p_value), decimals, difference,
                          f"{shown}: difference {_fmt(p_value - c)} (rounded: {_fmt(rounded)})")


def _as_fraction(printed: str, computed: float, comparison: str, mismatch: Classification) -> Classification:
    """A percentage printed as a fraction of 1 with two decimals or more (0.444 for 44.4 %: an Excel cell formatted as
    a percentage holds the fraction): read as a percentage when, so read, it agrees with the computed one; else the
    mismatch as it was. (It was a mismatch of -44 points, for a figure the report prints right.)"""
    value, decimals = mismatch.printed_value, mismatch.decimals
    if comparison not in ("=", "~") or not 0 < abs(value) < 1 or decimals < 2:
        return mismatch
    percent = f"{Decimal(repr(value)).scaleb(2):.{decimals - 2}f}"
    return _read_as(percent, computed, comparison, mismatch, f"printed {printed} {FRACTION_NOTE}, read as {percent} %")


# a printed percentage, or percentage points: `27 %`, `+27 points de pourcentage`, `27 pp`, `27 percentage points`
# (« 45 pour cent », « 45 percent »: they were a mismatch of 44.55 beside 0.45, where « 45 % » was read as 0.45)
_PERCENT = re.compile(r"%|\bp\.? ?p\b\.?|\bpoints?\b|\bpercentage points?\b|\bpour[ -]?cents?\b|\bper ?cent\b|"
                      r"\bp\. ?100\b|\bpour ?100\b|\bpct\b|\bp\.c\.")
# a difference of percentages (« 45 points de pourcentage », « +5 pp »), beside a figure that is a share (« 45 points »
# beside a women's share of 45 % was a match: a change compared with a level)
_POINTS = re.compile(r"\bp\.? ?p\b\.?|\bpoints?\b|\bpts?\b\.?|\bpercentage points?\b")
SHARES = frozenset({"women_share", "physical_execution_rate", "physical_progress_rate", "financial_execution_rate",
                    "spending_share", "staff_cost_share", "indicator_achievement", "indicator_achievement_final",
                    "survey_share"})
# « +3 000 » beside a count or an amount (« +3 000 personnes formées »): « more than 3 000 », or an increase of 3 000?
# It was read as = 3 000, a mismatch beside 3 100 (or a match beside a level of 3 000 where an increase was meant)
_PLUS = re.compile(r"(?:^|\s)\+\s?\d")
# (« +50 000 », « hausse de 50 000 » beside the unallocated budget, an amount, were compared too)
LEVELS = frozenset({"budget", "spent", "unallocated_budget", "cost_per_unit", "cost_per_participant",
                    "cost_per_woman"})
PLUS_NOTE = ("a '+' before a count or an amount may mean 'more than' or an increase: write the comparison (> or >=) "
             "in the comparison column, or the value without the '+'")
# « hausse de 3 000 », « 3 000 de plus », « baisse : 5 % » beside a level (a count, an amount, a share): a change
# compared with a level, « Conforme » when the change happened to equal it. A sign alone is left as read (PLUS_NOTE).
CHANGE_NOTE = ("printed as a change (words of a change or a factor around the number), and the figure is a level: "
               "write the level the report gives, or compare the change with a figure that is one")
_LEAD_SIGN = re.compile(r"^\s*[+\-\u2212\u2013\u2014]")
# « +45 % » beside a share (a women's share, an execution rate): « more than 45 % », or a rise of 45 %? It was
# read as = 45 and compared, where « hausse de 45 % » is not computable (CHANGE_NOTE)
PLUS_SHARE_NOTE = ("a '+' before a share or a ratio may mean 'more than' or a change (a rise): write the comparison "
                   "(> or >=) in the comparison column, or the value without the '+'")
# ratios that are levels (« hausse de 0,61 », « +0,61 » beside a burn index of 0,61 were « Conforme »); not an effect
# printed as a ratio (impact_relative_effect: « +24 % » is 1,24)
RATIO_LEVELS = frozenset({"burn_index", "gender_parity_index", "cost_to_benchmark"})
# the metrics whose unit is "count" (analyses.figures): make check tells their « +3 000 » before any figure is computed
COUNTS = frozenset({"activity_status_count", "persons", "participants", "comparison_ess", "impact_n_units", "impact_attrition"})


# words of a change that give no direction (« variation de 45 % », « évolution : 45 % », « écart de 45 % ») and a
# factor (« x16 », « ×3 », « multiplié par 3 », « 3 fois plus »): beside a level they were « Conforme » when equal to it
_CHANGE_NEUTRAL = re.compile(r"(?:^|[\s(:,;])(?:variations?|evolutions?|ecarts?|differences?|changes?|changed|"
                             r"multiplie(?:e|s|es)? par|multiplied by|x|×)(?:\s+(?:de|du|of|by|en)|\s*d['’])?\s*:?\s*$")
_FACTOR_AFTER = re.compile(r"^\s*(?:fois|times)\b")


def said_as_change(printed: str, decimal_mark: str | None = None) -> bool:
    """Whether words around the number say it is a change (not only a sign written before it)."""
    try:
        signed = parse_printed(printed, decimal_mark).signed
    except (UnreadableNumber, ValueError):
        return False
    text = fold(str(printed))
    digits = [m.start() for m in re.finditer(r"\d", text)]
    if digits and (_CHANGE_NEUTRAL.search(text[:digits[0]].rstrip(SIGNS + " "))
                   or _FACTOR_AFTER.search(text[digits[-1] + 1:])):
        return True
    return signed and not _LEAD_SIGN.match(printed)


def not_a_level(metric: str, unit: str, printed: str, comparison: str, decimal_mark: str | None = None) -> str:
    """Why a printed figure is not compared with a figure that is a level (a count, an amount, a share: ``metric``
    with its ``unit``): a '+' glued before it (PLUS_NOTE, PLUS_SHARE_NOTE), words of a change around it (CHANGE_NOTE),
    percentage points beside a share; '' when none. The annex's verdict and make check's warning both say it."""
    count = unit == "count" or metric in COUNTS
    points = metric in SHARES and _POINTS.search(fold(printed))   # « +5 pp »: points, said as such
    level = count or metric in LEVELS or metric in SHARES or metric in RATIO_LEVELS
    if level and comparison in ("=", "~") and _PLUS.search(printed) and not points:
        return PLUS_NOTE if count or metric in LEVELS else PLUS_SHARE_NOTE
    if level and said_as_change(printed, decimal_mark):
        return CHANGE_NOTE
    if points:
        return (f"printed in percentage points, a difference between two percentages; '{metric}' is a share "
                "(write the share the report gives, or the change beside a figure that is one)")
    return ""


# a percentage beside a count or an amount (« 100 % » beside 1 activity done): see reconcile
PERCENT_LEVEL_NOTE = ("printed as a percentage, and '{metric}' is {a} {what}: a share is another figure (write the {what} "
                      "the report gives, or name the metric of the share, e.g. physical_execution_rate)")
PERCENT_NOTE = "a percentage of a fraction of 1"   # in the note of 27 % printed for 0.27 (see _as_percentage)
# a count of people or activities printed beside a share (« 8 femmes » beside women_share E1, 8 of 20: 40 %): it was
# an « écart de -32 », as if the report misprinted the share
_COUNTED = re.compile(r"^\s*(?:femmes?|hommes?|filles?|garcons?|women|men|girls?|boys?|participant(?:e?s?)|"
                      r"personnes?|persons?|people|beneficiaires?|beneficiaries|stagiaires?|trainees?|"
                      r"activites?|activities)\b")
COUNT_SHARE_NOTE = ("printed as a count ('{printed}'), and '{metric}' is a share (%): a count is another figure "
                    "(write the share the report gives)")


def _as_percentage(printed: str, computed: float, comparison: str, unit: str,
                   mismatch: Classification, decimal_mark: str | None = None) -> Classification:
    """A figure computed as a fraction of 1 (a share, an effect on a yes/no outcome: 0.2708) printed as a percentage
    or in percentage points (`27 %`, `+27 points de pourcentage`), or a ratio printed as a change (`+24 %`,
    « hausse de 24 % », « 24 % de plus » for 1.24):
    read as printed / 100 (1 + printed / 100 for a ratio with its sign) when, so read, it agrees; else the mismatch
    as it was. (It was a mismatch of 26.7, for a figure the annex itself prints « 27,1 points de pourcentage ».)"""
    value, decimals = mismatch.printed_value, mismatch.decimals
    if comparison not in ("=", "~") or decimals < -2:
        return mismatch
    fraction = Decimal(repr(value)).scaleb(-2)
    # a change: its sign, or words that give one (« hausse de 24 % », « 24 % de plus »: they were a mismatch)
    signed = parse_printed(printed, decimal_mark).signed
    read = (1 + fraction) if unit == "ratio" and signed else fraction
    if unit != "ratio" and abs(computed) > 1:
        return mismatch
    text = f"{read:.{decimals + 2}f}"
    return _read_as(text, computed, comparison, mismatch, f"printed {printed} as {PERCENT_NOTE}, read as {text}")


NO_PERCENT_NOTE = "printed without '%', read as a percentage it is"   # see _without_percent_sign


def _without_percent_sign(printed: str, computed: float, comparison: str, mismatch: Classification,
                          decimal_mark: str | None) -> Classification:
    """« 45 » without '%' beside a figure computed as a fraction of 1 (0.45: an effect on a yes/no outcome, a
    comparison group's share): still a mismatch (45 may be a count, or a mistake), its note saying that as a
    percentage it would agree and what to write (it was an « écart de 44,55 » only, where « 45 % » was a match)."""
    if _PERCENT.search(fold(printed)) or mismatch.decimals < 0 or not 1 <= abs(mismatch.printed_value) <= 100:
        return mismatch
    again = _as_percentage(f"{printed} %", computed, comparison, "", mismatch, decimal_mark)
    if again.status not in (MATCH, TRUNCATED):
        return mismatch
    return mismatch._replace(note=f"{mismatch.note}; {NO_PERCENT_NOTE} {again.printed_value!r}, a "
                                  f"{again.status}: if the report prints a percentage, write '{printed} %' (or the "
                                  "unit '%')")


def _with_the_other_mark(printed: str, computed: float, comparison: str, decimal_mark: str | None,
                         mismatch: Classification) -> Classification:
    """A mismatch whose printed text the other decimal mark reads as a match (« 1,200 » of an English source in a
    French report, read as 1,2 beside 1 200): still a mismatch (the report's mark is project.yaml's), its note saying
    how it would read (it was an « écart de -1 198,8 » only)."""
    if decimal_mark not in (",", ".") or comparison not in ("=", "~"):
        return mismatch
    other = "." if decimal_mark == "," else ","
    try:
        again = classify(printed, computed, comparison, other)
    except UnreadableNumber:
        return mismatch
    if again.status not in (MATCH, TRUNCATED) or again.printed_value == mismatch.printed_value:
        return mismatch
    return mismatch._replace(note=f"{mismatch.note}; read {MARK_NOTE} '{other}', it is {again.printed_value!r} "
                                  f"({max(again.decimals, 0)} decimal(s)), a {again.status}: is report_decimal_mark "
                                  f"'{decimal_mark}' the report's?")


def _read_as(text: str, computed: float, comparison: str, mismatch: Classification, how: str) -> Classification:
    """The printed figure read again as ``text`` (another scale): its classification, said ``how``, when it agrees;
    else the mismatch as it was."""
    again = classify(text, computed, comparison, ".")
    return mismatch if again.status == MISMATCH else again._replace(note=f"{how}: {again.note}")


# a unit column as evaluators fill it: « milliers USD », « (en milliers de dollars) », « USD '000 », « k€ », « % »
_UNIT_LEAD = re.compile(r"^(?:en|in)\s+", re.IGNORECASE)
_UNIT_THOUSANDS = re.compile(r"[’']?000s?\b")
_UNIT_SCALE = re.compile(r"(?<![A-Za-zÀ-ÿ])(?:milliers?|mille|thousands?|k|K|millions?|Mio|M|Mn|mn|m|mln|milliards?|"
                         r"Mds?)(?![A-Za-zÀ-ÿ])")
# a unit written « KUSD », « MUSD », « kEUR », « TEUR » (a scale glued to a code), « x 1 000 USD », « × 1000 »: its
# scale apart (« Budget (KUSD) », « (x 1 000 USD) » were not read: « 150 » compared with 150 000, an « écart »)
_TIMES = re.compile(r"[x×*]\s*1[\s\u00a0\u202f.,’']?000(?P<million>[\s\u00a0\u202f.,’']?000)?(?!\d)")
_GLUED_UNIT = re.compile(r"(?<![A-Za-z])(?P<scale>k|K|M|Mio|Mn|T)(?P<code>[A-Z]{3})\b")


def _scale_apart(unit: str) -> str:
    """« KUSD » is « K USD », « x 1 000 » « milliers » (a scale glued to a currency code, or a factor, written apart)."""
    unit = _TIMES.sub(lambda m: "millions" if m.group("million") else "milliers", unit)
    return _GLUED_UNIT.sub(lambda m: m[0] if m[0] in CODES or m["code"] not in CODES or (
        m["scale"] == "T" and m["code"] not in ("EUR", "USD", "CHF", "GBP")) else f"{m['scale']} {m['code']}", unit)


def with_unit(value: Any, unit: Any) -> str:
    """The printed figure as the report prints it: its ``value`` followed by the ``unit`` the reported table gives it
    beside (« 1 363 » in « milliers USD » is « 1 363 milliers USD », 1 363 000 in USD). The unit column was not read:
    « 1 363 » was compared with 1 363 103 (a mismatch of -1 361 740), a figure in EUR with USD figures."""
    printed = "" if _is_blank(value) else str(value).strip()
    if _is_blank(unit) or not printed:
        return printed
    said = _UNIT_LEAD.sub("", " ".join(re.sub(r"[()\[\]]", " ", _scale_apart(str(unit))).split()))
    said = _UNIT_THOUSANDS.sub("milliers", said)
    if not said or fold(said) in fold(printed):   # « 45 % » in a column of « % »
        return printed
    scale = _UNIT_SCALE.search(said)
    if scale and scale.start():   # « USD milliers », « USD '000 »: the scale is read right after the number
        rest = re.sub(r"(?:^|\s)(?:en|in)\s*$", "", (said[:scale.start()] + said[scale.end():]).strip(" ,;()"))
        said = f"{scale.group(0)} {rest.strip(' ,;()')}".strip()
    return f"{printed} {said}"


# a value written with its date (« 300 au 2020-06-30 », « 300 (30/06/2020) », « 300 at 30 June 2020 », « 300 à fin
# juin 2020 »): it was « a range » or « two numbers »; the date is the figure's, read as a label's date is
# (analyses.figures.dated_elsewhere: compared when it is the day the figure describes, not computable otherwise)
_END_WORDS = r"a fin|à fin|fin|a la fin de|à la fin de|at the end of|end of|end"
_VALUE_DATE = re.compile(
    r"(?:\s*[,;]|\s)\s*[(\[]?\s*"
    rf"(?:(?P<end>{_END_WORDS})|au|à|a|at|as of|as at|on|le|du|en date du|à la date du|a la date du|jusqu'au|"
    r"jusqu’au|by|until|up to)?[\s-]*(?:le\s+)?"
    r"(?P<day>\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    r"|(?:\d{1,2}|1er)(?:st|nd|rd|th)?\s+(?P<month>[^\W\d_]+)\.?,?\s+\d{4}"
    r"|(?P<month_first>[^\W\d_]+)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|(?P<month_year>[^\W\d_]+)\.?\s+\d{4}|[SHTQ][1-4][\s_-]?\d{4}|(?:mi|mid)[\s-]?\d{4}|\d{4})"
    r"\s*[)\]]?\s*$", re.IGNORECASE)


def value_date(value: Any) -> tuple[str, str]:
    """A published value written with its date after it: (the value without it, the date as a label says it, « au
    2020-06-30 », « fin juin 2020 »); (the value, '') when it names none."""
    from ..data.numbers import MONTHS

    text = "" if _is_blank(value) else str(value)
    found = _VALUE_DATE.search(text)
    if found is None or not _FIRST_DIGIT.search(text[:found.start()]):
        return text, ""
    day, end = found.group("day"), found.group("end")
    month = found.group("month") or found.group("month_first") or found.group("month_year")
    # « 300 au 2020 », « 40 % en 2021 »: a year (during it, or at its end?); « 300 femmes 2020 »: no month
    if (month is not None and fold(month) not in MONTHS) or (re.fullmatch(r"\d{4}", day) and not end):
        year = _VALUE_YEAR.search(text)
        return (text[:year.start()].rstrip(), f"en {year.group('year')}") if year else (text, "")
    return text[:found.start()].rstrip(), f"{'fin' if end else 'au'} {day}"


# a year after the value (« 40 % en 2021 », « 40 % (2021) », « 40 %, 2021 », « 40% in 2021 »): it was refused as « two
# numbers »; it is the figure's year, « en 2021 », which analyses.figures reads as a label's year (the figure of that
# year, or at its end? compared only where the two are one, or with an indicator's period of that year)
_VALUE_YEAR = re.compile(r"(?:\s*[,;]\s*|\s*[(\[]\s*|\s+)(?:(?:en|in|pour|for|durant|during|au|à|a|at)\s+)?"
                         r"(?P<year>(?:19|20)\d\d)\s*[)\]]?\s*$", re.IGNORECASE)
# the base of a percentage after it (« 40 % (n=250) », « 40 %, N = 1 250 », « 40 % (n=250 répondants) »): it was
# refused as « two numbers »; it is the figure's denominator, checked against the n the workbook computes
_VALUE_BASE = re.compile(r"(?:\s*[,;]\s*|\s*[(\[]\s*|\s+)[nN]\s?=\s?(?P<n>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)"
                         r"(?:\s+[^\W\d_][^\d()\[\]]{0,30})?\s*[)\]]?\s*$")


def value_base(value: Any) -> tuple[str, int | None]:
    """A published value written with its base after it (« 40 % (n=250) »): (the value without it, 250); (the
    value, None) when it gives none. A margin or an interval after it (see value_margin), the page or table it is
    printed in (« 40 % (p. 12) ») are left out too."""
    text = "" if _is_blank(value) else str(value)
    page = _VALUE_PAGE.search(text)
    text = text[:page.start()].rstrip() if page and _FIRST_DIGIT.search(text[:page.start()]) else text
    text = value_margin(text)[0]
    found = _VALUE_BASE.search(text)
    if found is None or not _FIRST_DIGIT.search(text[:found.start()]):
        return text, None
    return value_margin(text[:found.start()].rstrip())[0], int(_SPACES.sub("", found.group("n")))


# the page or table of the report after the value (« 40 % (p. 12) », « 40 % [p.12] », « 45 % (tableau 3) »): it was
# « two figures ('40' and '12'): write each in its own row »; it is where the figure is printed (the source column's)
_VALUE_PAGE = re.compile(r"\s*[(\[]\s*(?:cf\.?\s*|voir\s+|see\s+|source\s*:\s*)?(?:p\.|pp\.|pages?|tableau|table|"
                         r"graphique|figure|fig\.|annexe|annex)\s*\d+(?:\s*[-\u2013]\s*\d+)?\s*[)\]]\s*$",
                         re.IGNORECASE)


# a margin or a confidence interval after the value (« 40 % ± 2 », « 40 % +/- 2 pts », « 40 % (IC 95 % : 35-45) »,
# « 40 % (95% CI 35-45) »): the margin was « two numbers: write the value alone », the interval « a range: write two
# figures, >= 35 and <= 45 » (its bounds taken for the figure's). The value is the figure, compared as printed; the
# margin or interval is said beside the verdict, not checked (being inside it is no match: 41,9 is not « 40 »)
_MARGIN_NUMBER = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?"   # (« ± 5 000 » too)
_VALUE_MARGIN = re.compile(
    r"\s*[(\[]?\s*(?P<margin>(?:±|\+\s?/\s?-|\+-|marge\s+d['’]erreur\s*:?|margin\s+of\s+error\s*:?)\s*" +
    _MARGIN_NUMBER +
    r"\s*(?:%|pts?\.?|points?(?:\s+de\s+pourcentage|\s+percentage)?|pp|p\.p\.)?)\s*[)\]]?\s*$"
    r"|\s*[(\[,;]?\s*(?P<interval>(?:IC|CI|intervalle\s+de\s+confiance|confidence\s+interval|\d{2}\s?%\s*(?:CI|IC))"
    r"(?:\s*(?:à|a|at|de)?\s*\d{2}\s?%?)?\s*[:=]?\s*[\[(]?\s*[-\u2212]?" + _MARGIN_NUMBER +
    r"\s*%?\s*(?:[-\u2013\u2014;]|\sà\s|\sa\s|\sto\s)\s*[-\u2212]?" + _MARGIN_NUMBER + r"\s*%?\s*\]?)\s*[)\]]?\s*$"
    # (a range in brackets after a value, « 40 % (38-42) »: its interval; not years, « 300 (2019-2020) »)
    r"|\s*[(\[]\s*(?P<bracketed>\d{1,3}(?:[.,]\d+)?\s*%?\s*(?:[-\u2013\u2014;]|\sà\s|\sa\s|\sto\s)\s*"
    r"\d{1,3}(?:[.,]\d+)?\s*%?)\s*[)\]]\s*$",
    re.IGNORECASE)


def value_margin(value: Any) -> tuple[str, str]:
    """A published value written with a margin or an interval after it (« 40 % ± 2 », « 40 % (IC 95 % : 35-45) »):
    (the value without it, the margin or interval as written); (the value, '') when it gives none."""
    text = "" if _is_blank(value) else str(value)
    found = _VALUE_MARGIN.search(text)
    if found is None or not _FIRST_DIGIT.search(text[:found.start()]):
        return text, ""
    return text[:found.start()].rstrip(), (found.group("margin") or found.group("interval") or found.group("bracketed")).strip()


# « 0,4 » without '%' beside a percentage of 40: a fraction of 1 to the nearest 10 points, or 0,4 %?
ONE_DECIMAL_NOTE = ("printed without '%' with one decimal, a fraction of 1 (to the nearest 10 points) or a percentage "
                    "below 1? write the percentage the report means (« 40 % »), or the fraction with its decimals "
                    "(0,40):")
MARGIN_NOTE = "printed with a margin or an interval, the value is compared, not it:"


def _margin_said(value: Any) -> str:
    """The margin or interval written after a published value, before or after its base (« 40 % ± 2 (n=250) »)."""
    text = "" if _is_blank(value) else str(value)
    said = value_margin(text)[1]
    if not said:
        found = _VALUE_BASE.search(text)
        said = value_margin(text[:found.start()].rstrip())[1] if found else ""
    return said


# a bare month after the value (« 40 % (juin) », « 40 % fin juin », « 40 % en mars »): read as the figure at the
# reporting date, « Conforme » whatever month and year the report meant; the year is needed to compare it
_BARE_MONTH = re.compile(r"(?:\s*[,;]\s*|\s*[(\[]\s*|\s+)(?:(?:à fin|a fin|fin|en|au|à|a|in|at|end of|end|mi|mid|"
                         r"début|debut|de|of)[\s-]+)?(?P<month>[^\W\d_]{3,9})\.?\s*[)\]]?\s*$", re.IGNORECASE)
MONTH_NOTE = "dated by a month without its year"


def bare_month(printed: Any) -> str:
    """The month named after a published value without its year (« juin » of « 40 % (juin) »), '' when none."""
    from ..data.numbers import MONTHS

    text = "" if _is_blank(printed) else str(printed)
    found = _BARE_MONTH.search(text)
    if found is None or fold(found.group("month")) not in MONTHS or not _FIRST_DIGIT.search(text[:found.start()]):
        return ""
    return found.group("month")


# the unit a label gives its value, as a report's table header does: « Budget (en milliers USD) », « Budget total
# (EUR) », « Dépenses (k$) », « Budget en euros »: it was not read (« 150 » compared with 150 000, a mismatch of the
# report's right figure; « 150 000 » in EUR compared with USD figures, « Conforme »). A bracket of other words
# (« (A+B) », « (conclusion) ») or a sentence naming an amount (« 2 millions de dollars ») gives no unit.
_LABEL_UNIT = re.compile(r"\(([^()]{1,40})\)|(?:^|\s)(?:en|in)\s+([^\s()]+(?:\s+[^\s()]+){0,2}?)\s*$", re.IGNORECASE)
# (« (montants en milliers) », « (amounts in thousands) »: the words of a table's note on its amounts; it was no
# unit, « 150 » compared with 150 000)
_UNIT_FILLER = re.compile(r"\b(?:en|in|de|des|d|of|us|'|’|montants?|amounts?|chiffres?|figures?|exprimee?s?|"
                          r"expressed|tous|les|all)\b|['’.,:;\s]")


def label_unit(label: Any) -> str:
    """The unit a label gives its value (« milliers USD » of « Budget (en milliers USD) »), '' when none: words of a
    scale or a currency only."""
    if _is_blank(label):
        return ""
    for found in _LABEL_UNIT.finditer(str(label)):
        said = _scale_apart((found.group(1) or found.group(2)).strip())
        rest = _UNIT_THOUSANDS.sub(" ", said)
        rest = _UNIT_SCALE.sub(" ", rest)
        rest = _DOLLAR_OF.sub(" ", rest)
        from ..data.currencies import SIGN, CODE, WORD

        rest = fold(CODE.sub(" ", SIGN.sub(" ", rest)))
        rest = WORD.sub(" ", rest)
        scale = _UNIT_SCALE.search(_UNIT_THOUSANDS.sub("milliers", said))
        # (« Participants (M) »: men, not millions; a scale alone is a word)
        if said != rest and not _UNIT_FILLER.sub("", rest) and (
                printed_currency(said) or scale and len(scale.group(0)) > 3):
            return said
    return ""


def default_key(metric: str, key: Any) -> str:
    """The figures key a reported row means: empty -> 'total' for budget metrics, 'all' otherwise."""
    text = "" if _is_blank(key) else str(key).strip()
    if not text:
        return "total" if metric in BUDGET_METRICS else "all"
    return text


def _is_blank(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA or (
        isinstance(x, str) and not x.strip())


def key_suggestion(metric: str, key: str, known_keys: Mapping[str, Collection[str]],
                   metrics: Collection[str]) -> str:
    """'did you mean 'I1@2020' or 'I1@2021'?' for a key the workbook does not compute ('' when nothing is close);
    for an unknown metric, 'there is no metric 'x' (did you mean 'y'?)'. ``known_keys``: metric -> its keys."""
    if metric not in known_keys and metric not in metrics:
        close = get_close_matches(metric.lower(), list(metrics), n=1, cutoff=0.6)
        return f"there is no metric '{metric}'" + (f" (did you mean '{close[0]}'?)" if close else
                                                   " (data/README.md lists the figures)")
    if metric in BUDGET_METRICS and "@" in key:   # « total@2020 » was « did you mean 'total'? », « total@S1 2020 » nothing
        from ..data.numbers import period_bounds

        head, when = key.rsplit("@", 1)
        bounds = period_bounds(when.strip())
        if bounds is not None:
            return (f"'{when.strip()}' is a period, not a day (during it, or up to its end?): write the key "
                    f"'{head}@{bounds[1].isoformat()}' for the figure at its end.")
    keys = list(dict.fromkeys(str(k) for k in known_keys.get(metric, ())))
    lowered = {k.lower(): k for k in reversed(keys)}
    wanted = key.lower()
    # the same key with a period, sex or country suffix first (I1 -> I1@2020, I1/f), then keys spelt alike
    suffixed = [k for k in keys if k.lower().startswith((wanted + "@", wanted + "/", wanted + ":"))]
    # « ensemble », « tous », « total » for the whole: 'all' (or 'total'), which no spelling is close to
    whole = [k for k in keys if k.lower() in ("all", "total")] if is_all(key) or fold(key) == "total" else []
    close = [lowered[k] for k in get_close_matches(wanted, list(lowered), n=SUGGESTED, cutoff=0.6)]
    picked = list(dict.fromkeys(whole + suffixed + close))[:SUGGESTED]
    if not picked:
        return ""
    return "did you mean " + " or ".join(f"'{k}'" for k in picked) + "?"


def _below_a_bound(result: Classification, bound: float, comparison: str) -> Classification:
    """A published figure beside a computed upper bound (a cost per woman « au plus » 18 333, some participants'
    sex not known): equal to it, it is confirmed only as the bound (« Conforme » said nothing of it); below it, it
    may be right, not computable (an « écart » called it wrong); above it, a mismatch (the figure cannot be more)."""
    if comparison in ("<", "<=") or result.status == NOT_COMPUTABLE:   # « au plus 20 000 »: the bound decides
        return result
    said = f"{UPPER_BOUND_NOTE} {bound:.2f}"
    if result.status == MISMATCH and result.printed_value < bound:
        return result._replace(status=NOT_COMPUTABLE, difference=float("nan"), note=f"not computable: {said}")
    return result._replace(note=f"{result.note}; {said}" if result.note else said)


def reconcile(reported: pd.DataFrame, figures: pd.DataFrame, decimal_mark: str | None = None,
              known_keys: Mapping[str, Collection[str]] | None = None,
              metrics: Collection[str] = (), currency: str | None = None) -> pd.DataFrame:
    """One row per reported figure (in the reported table's order), looked up by (metric, key) in ``figures``.

    ``figures`` needs columns metric, key, value, and optionally unit, n, note. Keys match exactly, else ignoring
    case and accents (« Régional » is 'regional'); "all" and "total" stand for each other; an empty reported key
    means the whole ("all" / "total").
    ``known_keys`` (metric -> every key computed) and ``metrics`` (every metric name): the note of a figure
    that matches nothing suggests the closest ones (see ``key_suggestion``). ``currency``: the project's (an impact
    figure printed in another, beside an outcome that names none, is not computable).
    Columns: figure_id, metric, key, printed, comparison, computed, unit, n, status, printed_value, decimals,
    difference, note, label, source, dated (the date written after the value, as a label says it: see value_date).
    """
    fig = figures.reset_index(drop=True)
    fig_metric, fig_key = _text(fig["metric"]), _text(fig["key"])
    records = reported.to_dict("records")
    asked = _asked(records)
    # lookups of only the (metric, key) pairs asked for; case-insensitive only for the pairs not found exactly
    exact = _first_rows(fig_metric, fig_key, {(m, k) for m, _, keys in asked for k in keys}, any_case=False)
    hits = [next((exact[(m, k)] for k in keys if (m, k) in exact), None) for m, _, keys in asked]
    folded = _first_rows(fig_metric, fig_key, {(fold(m), fold(k)) for (m, _, keys), hit in zip(asked, hits)
                                               if hit is None for k in keys}, any_case=True)
    rows = []
    for rec, (metric, key, candidates), hit in zip(records, asked, hits):
        comparison = "=" if _is_blank(rec.get("comparison")) else str(rec["comparison"]).strip()
        if hit is None:
            hit = next((folded[(fold(metric), fold(k))] for k in candidates
                        if (fold(metric), fold(k)) in folded), None)
        # a unit column left empty: the unit the label gives (« Budget (en milliers USD) »: « 150 » is 150 000)
        unit_said = rec.get("unit") if not _is_blank(rec.get("unit")) else label_unit(rec.get("label"))
        shown = with_unit(rec.get("value"), unit_said)
        # « 40 % (n=250) »: the value read without its base, checked against the n computed below
        value, base = value_base(rec.get("value"))
        # « 300 au 2020-06-30 »: the value read without its date (analyses.figures.dated_elsewhere reads the date)
        value, dated = value_date(value)
        printed = with_unit(value, unit_said)
        comparison = worded_comparison(printed, comparison)   # "plus de 35 %" is > 35
        if hit is None:
            reason = f"no computed figure '{metric}' with key '{key}'"
            if known_keys is not None:
                hint = key_suggestion(metric, key, known_keys, metrics)
                reason += f"; {hint}" if hint else ""
            result = classify(printed, float("nan"), comparison, decimal_mark, reason=reason)
            computed, unit, n = float("nan"), "", pd.NA
        else:
            frow = fig.iloc[hit]
            computed = float(frow["value"]) if not _is_missing(frow["value"]) else float("nan")
            unit = "" if _is_blank(frow.get("unit")) else str(frow.get("unit"))
            n = frow.get("n", pd.NA)
            why = "" if _is_blank(frow.get("note")) else str(frow.get("note"))
            # « 1,4 m » beside an amount is 1 400 000 (it was 1.4, a mismatch of 1 399 998.6); « 12 m » beside a
            # count may be metres, and is read as written
            result = classify(printed, computed, comparison, decimal_mark,
                              reason=why or f"'{metric}' '{key}' could not be computed", money=is_currency(unit))
            # « 2,8 M EUR » beside USD figures was a match; « +120 MAD » beside an effect in EUR or on a 0/1 outcome too
            elsewhere = other_unit(metric, printed, unit, currency) or other_currency(printed, unit)
            if elsewhere and result.status != NOT_COMPUTABLE:
                result = result._replace(status=NOT_COMPUTABLE, difference=float("nan"), note=elsewhere)
            level = not_a_level(metric, unit, printed, comparison, decimal_mark) \
                if result.status != NOT_COMPUTABLE else ""
            if level:   # « +3 000 », « hausse de 3 000 », « 45 points » beside a level
                result = result._replace(status=NOT_COMPUTABLE, difference=float("nan"), note=level)
            if result.status != NOT_COMPUTABLE and (unit == "count" or metric in COUNTS or is_currency(unit)) and \
                    PERCENT_SIGN.search(fold(printed)):
                # « 100 % » beside 1 activity done was read as a fraction of 1, 1.00: « Conforme »; « 50 % » an
                # « écart de 49 »: a share beside a count or an amount is another figure
                result = result._replace(status=NOT_COMPUTABLE, difference=float("nan"),
                                         note=PERCENT_LEVEL_NOTE.format(metric=metric, **(
                                             {"a": "an", "what": "amount"} if is_currency(unit) else
                                             {"a": "a", "what": "count"})))
            last = re.search(r"\d(?!.*\d)", fold(printed))   # (the words after the number: « 8 femmes »)
            # (an indicator's « 10 personnes » is its actual value: analyses.figures compares it so)
            if unit == "%" and result.status != NOT_COMPUTABLE and not _PERCENT.search(fold(printed)) and last and \
                    _COUNTED.match(fold(printed)[last.end():]) and not metric.startswith("indicator_achievement"):
                result = result._replace(status=NOT_COMPUTABLE, difference=float("nan"),
                                         note=COUNT_SHARE_NOTE.format(printed=printed, metric=metric))
            if unit == "%" and result.status == MISMATCH:
                fraction = _as_fraction(printed, computed, comparison, result)
                if fraction is not result and PERCENT_SIGN.search(fold(str(rec.get("value")))):
                    # « 0,53 % » printed with its sign beside 53 %: 0,53 % it says, not a fraction of 1 (« Conforme »)
                    result = result._replace(note=f"{result.note}; {PERCENT_SIGN_NOTE} {fraction.printed_value!r}")
                else:
                    result = fraction
            elif unit != "%" and result.status == MISMATCH and _PERCENT.search(fold(printed)):
                result = _as_percentage(printed, computed, comparison, unit, result, decimal_mark)
            elif unit not in ("%", "ratio") and result.status == MISMATCH:
                result = _without_percent_sign(printed, computed, comparison, result, decimal_mark)
            if unit == "%" and result.status == MISMATCH and comparison in ("=", "~") and result.decimals == 1 and \
                    0 < abs(result.printed_value) < 1 and not PERCENT_SIGN.search(fold(printed)) and \
                    abs(result.printed_value * 100 - computed) <= 5:
                # « 0,4 » beside 40 %: « écart de -39,6 », for a fraction of 1 (read so only with 2 decimals or more)
                result = result._replace(status=NOT_COMPUTABLE, difference=float("nan"), note=(
                    f"{ONE_DECIMAL_NOTE} '{printed}'"))
            if result.status == MISMATCH:
                result = _with_the_other_mark(printed, computed, comparison, decimal_mark, result)
            if base is not None and result.status != NOT_COMPUTABLE:
                result = _with_base(result, base, n)
            month = bare_month(value)
            if month:   # « 40 % (juin) »: June of which year? it was compared as the figure at the reporting date
                result = result._replace(status=NOT_COMPUTABLE, difference=float("nan"),
                                         note=f"{MONTH_NOTE} ('{month}'): the figure computed describes the "
                                              "reporting date; write the day in its label (30/06/2021) or the month "
                                              "with its year (06/2021)")
            margin = _margin_said(rec.get("value"))
            if margin and result.status != NOT_COMPUTABLE:
                result = result._replace(note=f"{result.note}; {MARGIN_NOTE} '{margin}'")
            if UPPER_BOUND in str(frow.get("status", "")):
                result = _below_a_bound(result, computed, comparison)
        rows.append({
            "figure_id": rec.get("figure_id"), "metric": metric, "key": key, "printed": shown,
            "comparison": comparison, "computed": computed, "unit": unit, "n": n, "status": result.status,
            "printed_value": result.printed_value, "decimals": result.decimals, "difference": result.difference,
            "note": result.note, "label": rec.get("label"), "source": rec.get("source"), "dated": dated})
    columns = ["figure_id", "metric", "key", "printed", "comparison", "computed", "unit", "n", "status",
               "printed_value", "decimals", "difference", "note", "label", "source", "dated"]
    out = pd.DataFrame(rows, columns=columns)
    for c in ("figure_id", "metric", "key", "printed", "comparison", "unit", "status", "note", "label", "source",
              "dated"):
        out[c] = out[c].astype("object").where(out[c].notna(), None).astype("str")
    for c in ("computed", "printed_value", "difference"):
        out[c] = out[c].astype("float64")
    out["decimals"] = out["decimals"].astype("int64")
    out["n"] = pd.array(out["n"].where(out["n"].notna(), None), dtype="Int64") if len(out) else \
        pd.array([], dtype="Int64")
    return out


BASE_NOTE = "printed over n = {base}"


def _with_base(result: Classification, base: int, n: Any) -> Classification:
    """A figure printed with its base (« 40 % (n=250) ») beside a computed figure over ``n``: not computable when the
    two bases differ (a share of 250 is not the share of 20 the data give, whatever its value); else its verdict, the
    note saying the base was checked, or that the data give no n to check it with."""
    said = BASE_NOTE.format(base=base)
    if _is_missing(n):
        return result._replace(note=f"{result.note}; {said}: the figure computed gives no n to check it with")
    if int(n) != base:
        return result._replace(status=NOT_COMPUTABLE, difference=float("nan"),
                               note=f"{said}, the figure computed is over n = {int(n)}: another population or "
                                    "count (check the key, or write the value alone if the report's n is not the "
                                    "figure's denominator)")
    return result._replace(note=f"{result.note}; {said}, as the figure computed")


def _text(column: pd.Series) -> pd.Series:
    """The column as text (no copy when it is text already)."""
    return column if column.dtype == "str" else column.astype(str)


def _asked(records: list[dict[str, Any]]) -> list[tuple[str, str, list[str]]]:
    """(metric, key, the keys to try) of each reported row."""
    asked = []
    for rec in records:
        metric = "" if _is_blank(rec.get("metric")) else str(rec["metric"]).strip()
        key = default_key(metric, rec.get("key"))
        asked.append((metric, key, [key, {"all": "total", "total": "all"}.get(key.lower(), key)]))
    return asked


def unmatched(reported: pd.DataFrame, figures: pd.DataFrame) -> list[int]:
    """Positions of the reported rows whose (metric, key) no row of ``figures`` has (as ``reconcile`` looks up)."""
    asked = _asked(reported.to_dict("records"))
    metrics = _text(figures["metric"])
    codes, distinct = pd.factorize(metrics)   # the keys of the metrics asked for only, not of every figure
    wanted = {fold(metric) for metric, _, _ in asked}
    rows = np.isin(codes, [c for c, m in enumerate(distinct) if fold(m) in wanted])
    have = {(fold(m), fold(k)) for m, k in zip(metrics[rows].tolist(), _text(figures["key"])[rows].tolist())}
    return [i for i, (metric, _, keys) in enumerate(asked)
            if not any((fold(metric), fold(k)) in have for k in keys)]


def _candidates(metric: pd.Series, key: pd.Series, wanted: set[tuple[str, str]], any_case: bool) -> np.ndarray:
    """Positions of the rows whose metric is one of the ``wanted`` metrics and whose key one of the wanted keys
    (both folded, text.fold: no case, no accents, when ``any_case``), vectorised: a superset of the rows with a
    wanted (metric, key) pair."""
    if not wanted or not len(metric):
        return np.array([], dtype=np.int64)
    codes, uniques = pd.factorize(metric)  # a few metrics: fold the distinct values, not every row
    names = [fold(u) if any_case else str(u) for u in uniques]
    metrics = {m for m, _ in wanted}
    rows = np.flatnonzero(np.isin(codes, [i for i, name in enumerate(names) if name in metrics]))
    keys = key.iloc[rows]
    if any_case:   # « Régional » is the key 'regional', as « MAROC » is 'Maroc'
        keys = keys.map(fold)
    return rows[keys.isin({k for _, k in wanted}).to_numpy(dtype=bool)]


def _first_rows(metric: pd.Series, key: pd.Series, wanted: set[tuple[str, str]], any_case: bool
                ) -> dict[tuple[str, str], int]:
    """{(metric, key): position of the first figures row with it}, for the ``wanted`` pairs only (lower-cased pairs
    compared with the folded figures when ``any_case``)."""
    rows = _candidates(metric, key, wanted, any_case)
    found: dict[tuple[str, str], int] = {}
    for i, m, k in zip(rows.tolist(), metric.iloc[rows].tolist(), key.iloc[rows].tolist()):
        pair = (fold(m), fold(k)) if any_case else (m, k)
        if pair in wanted:
            found.setdefault(pair, i)
    return found


def lookup_rows(reported: pd.DataFrame, figures: pd.DataFrame) -> np.ndarray:
    """Boolean mask of the ``figures`` rows that ``reconcile(reported, figures)`` may look up: every row whose
    (metric, key) a reported figure asks for, in any case. ``reconcile(reported, figures[mask])`` gives the same
    table as ``reconcile(reported, figures)``: a large figures table can be narrowed (or searched piece by piece)
    before it is put in order."""
    wanted = {(fold(m), fold(k)) for m, _, keys in _asked(reported.to_dict("records")) for k in keys}
    mask = np.zeros(len(figures), dtype=bool)
    mask[_candidates(_text(figures["metric"]), _text(figures["key"]), wanted, any_case=True)] = True
    return mask


def classify_many(printed: pd.Series, computed: pd.Series, comparison: pd.Series | None = None,
                  decimal_mark: str | None = None) -> pd.DataFrame:
    """classify() over aligned Series; columns status, printed_value, decimals, difference, note."""
    comps = comparison if comparison is not None else pd.Series("=", index=printed.index)
    rows = [classify(p, c, worded_comparison(p, (k or "=").strip() or "="), decimal_mark)
            for p, c, k in zip(printed, computed, comps)]
    out = pd.DataFrame(rows, columns=list(Classification._fields), index=printed.index)
    out["printed_value"] = out["printed_value"].astype("float64")
    out["difference"] = out["difference"].astype("float64")
    return out


__all__ = ["not_a_level", "other_unit", "printed_currency", "with_unit", "other_currency", "is_currency", "classify",
           "classify_many", "worded_comparison", "parse_printed", "reconcile", "value_date", "value_base", "value_margin", "label_unit",
           "key_suggestion", "unmatched", "lookup_rows", "default_key", "Classification", "ParsedNumber",
           "UnreadableNumber",
           "STATUSES", "MATCH", "TRUNCATED", "MISMATCH", "NOT_COMPUTABLE"]
