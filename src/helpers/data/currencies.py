"""The currencies the workbook recognises, one vocabulary for every place that reads one: a header's note
(« Budget (F CFA) »), a `currency` cell, an amount cell that names one (« 1 200 DA », refused), a figure printed in a
report (« 2,8 M EUR »). Written once: the header reader knew « DA » and the number parser did not, the published
figures knew « francs CFA » and the header reader did not (« Budget (francs CFA) » was read as the project's USD).

A light module (re and text only): the analyses import it (reconcile).
"""

from __future__ import annotations

import re
from typing import Any

from ..text import fold

# the ISO 4217 codes of the projects' donors and countries; a header naming another one is read as a remark
CODES = frozenset("EUR USD GBP CHF CAD AUD NZD HKD SGD JPY CNY SEK NOK DKK XOF XAF MAD TND DZD LYD MRU MRO EGP".split())
# every currency of ISO 4217 (list one, as its maintenance agency SIX publishes it: https://www.six-group.com/en/
# products-services/financial-information/data-standards.html, amendments to 2025), with the codes withdrawn since
# 2015 that a project's years may still be in (ANG, BGN, BYR, CUC, HRK, LTL, MRO, SLL, STD, VEF, ZWL); without XTS
# (for testing) and XXX (no currency). A project's `currency: UDS` (USD mistyped) was its annexes' « UDS » without a
# word; a code outside it is refused, naming the nearest (nearest_codes). tests/data/test_currencies.py compares it
# with CLDR's list (babel, in the environment as a dependency of JupyterLab).
ISO_4217 = frozenset("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BYR BZD CAD CDF
CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF
GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD
LSL LTL LYD MAD MDL MGA MKD MMK MNT MOP MRO MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK
PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STD STN SVC SYP SZL THB TJS TMT
TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VEF VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG
XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL""".split())
# « dinars », without the country: the currency of a project in any of them
DINAR, DINARS = "DINAR", frozenset("TND LYD DZD KWD BHD JOD IQD RSD MKD".split())
# « francs » alike: a franc CFA, Swiss, Guinean... project's own, another currency in a USD one
FRANC, FRANCS = "FRANC", frozenset("XOF XAF CHF GNF KMF CDF BIF DJF RWF XPF".split())
# the local abbreviations, written in capitals (in a report's sentence « da » or « um » are words, not currencies)
ABBREVIATIONS = {"FCFA": "XOF", "CFA": "XOF", "DH": "MAD", "DHS": "MAD", "DT": "TND", "LD": "LYD", "DA": "DZD",
                 "UM": "MRU"}
# the signs, and the words (in capitals, folded: « Dinars algériens » is DINARS ALGERIENS)
SIGNS = {"€": "EUR", "$": "USD", "US$": "USD", "$US": "USD", "£": "GBP", "¥": "JPY"}
WORDS = {"EURO": "EUR", "EUROS": "EUR", "DOLLAR": "USD", "DOLLARS": "USD", "F CFA": "XOF", "F.CFA": "XOF", "F. CFA": "XOF",
         "FRANC CFA": "XOF", "FRANCS CFA": "XOF", "DIRHAM": "MAD", "DIRHAMS": "MAD", "OUGUIYA": "MRU",
         "OUGUIYAS": "MRU", "LIVRE STERLING": "GBP", "LIVRES STERLING": "GBP", "FRANC SUISSE": "CHF",
         "FRANCS SUISSES": "CHF", "DINAR": DINAR, "DINARS": DINAR, "FRANC": FRANC, "FRANCS": FRANC}
for _country, _code in (("TUNISIEN", "TND"), ("LIBYEN", "LYD"), ("ALGERIEN", "DZD")):
    WORDS.update({f"DINAR {_country}": _code, f"DINARS {_country}S": _code})
# a dollar said with its country (« dollars canadiens » is not USD; reconcile reads « $ CA », « CA$ » besides)
for _country, _code in (("CANADIEN", "CAD"), ("AUSTRALIEN", "AUD"), ("AMERICAIN", "USD"), ("US", "USD"),
                        ("DES ETATS-UNIS", "USD"), ("NEO-ZELANDAIS", "NZD")):
    _plural = _country if _country in ("US", "DES ETATS-UNIS", "NEO-ZELANDAIS") else _country + "S"
    WORDS.update({f"DOLLAR {_country}": _code, f"DOLLARS {_plural}": _code, f"DOLLARS {_country}": _code})
# a dollar sign with its country, as a cell writes it (« $ CA », « CA$ », « C$ », « A$ »): it was USD, « $ CA » refused
# in a CAD project as « in USD »
DOLLAR_SIGNS = {written: code for country, code in (("CA", "CAD"), ("CAN", "CAD"), ("C", "CAD"), ("AU", "AUD"),
                                                    ("AUD", "AUD"), ("A", "AUD"), ("NZ", "NZD"), ("HK", "HKD"),
                                                    ("SG", "SGD"), ("US", "USD"))
                for written in (f"{country}$", f"$ {country}", f"${country}", f"{country} $")}
DOLLARS = frozenset("USD CAD AUD NZD HKD SGD".split())
# the franc CFA's names (« FCFA », « francs CFA »): read as XOF in a cell or a printed figure, but West Africa's (XOF)
# and Central Africa's (XAF) francs are both « FCFA »: a project's `currency` so written names neither
CFA_NAMES = frozenset(name for name, code in {**ABBREVIATIONS, **WORDS}.items() if code == "XOF")
_NAMES = {**SIGNS, **DOLLAR_SIGNS, **ABBREVIATIONS, **WORDS}
# a dollar without its country (« $ », « dollars »): the project's own dollar when its currency is one (CAD, AUD...)
_BARE_DOLLAR = re.compile(r"\$|dollars?")

# a currency named inside a text (« 2,8 M EUR », « 2 777 778 € », « $1.4m », « Budget (dollars US) »): a sign, a code
# or abbreviation in capitals (it may follow a scale letter: « MEUR », « k$ », « MDH », « 1,4mDZD »), or a word (on the folded text)
SIGN = re.compile(r"US\$|\$US|[€$£¥]")
CODE = re.compile(r"(?:^|(?<=[^A-Za-z])|(?<=(?<![A-Za-z])[kKmM]))(" + "|".join(sorted(CODES | set(ABBREVIATIONS),
                  key=lambda c: (-len(c), c))) + r")(?![A-Za-z])")
WORD = re.compile(r"\b(euros?|dollars? (?:canadiens?|australiens?|americains?|us|des etats-unis|neo-zelandais)|"
                  r"dollars?|dirhams?|dhs?|francs? cfa|f\.? ?cfa|livres? sterling|francs? suisses?|"
                  r"dinars? (?:tunisien|libyen|algerien)s?|dinars?|ouguiyas?|francs?)\b")
# any of them in a cell, in any case (a number cell naming one is refused: data.numbers); the signs of the
# number parser besides (₣ franc, ₦ naira, ¤ any currency)
# (and as an Arabic text writes them: « 3 000,000 د.ت » was « not a number », « 1200 د.م. » said « '.' separates
# thousands »: the dinar's and dirham's abbreviations, the words dinar, dirham, ouguiya, franc, riyal, pound, dollar,
# euro, singular and plural)
ARABIC = ("د.ت", "د.ل", "د.ج", "د.م", "د.ك", "د.ب", "د.أ", "د.ع", "ج.م", "دينار", "دنانير", "درهم", "دراهم", "أوقية",
          "فرنك", "ريال", "جنيه", "دولار", "يورو")
IN_CELL = re.compile(r"[€$£¥₣₦¤]|(?<![A-Za-z])(?:" + "|".join(sorted(CODES | set(ABBREVIATIONS), key=lambda c: (-len(c), c)))
                     + r"|F\s?CFA|euros?|dollars?|dirhams?|dinars?|ouguiyas?|francs?|livres? sterling)(?![A-Za-z])|"
                     + "|".join(re.escape(word) + r"\.?" for word in ARABIC), re.IGNORECASE)


# ISO 4217's minor units (the decimals an amount is written with) where they are not 2: list one of the standard, as
# its maintenance agency (SIX) publishes it, https://www.six-group.com/en/products-services/financial-information/
# data-standards.html. A Tunisian or Libyan amount of « 3 000,500 » is three thousand dinars and five hundred
# millimes; in euros or francs CFA the same text is a thousands separator typed with the wrong mark, more likely.
MINOR_UNITS = {**dict.fromkeys("BHD IQD JOD KWD LYD OMR TND".split(), 3), **dict.fromkeys("CLF UYW".split(), 4),
               **dict.fromkeys("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(), 0)}


def minor_units(currency: Any) -> int:
    """The decimals an amount in ``currency`` (a code, or as written: « dinars tunisiens ») is written with: 2 but
    for ``MINOR_UNITS`` (TND 3, XOF 0)."""
    return MINOR_UNITS.get(currency_code(currency), 2) if currency else 2


def currency_code(text: Any) -> str:
    """'€', 'euros', 'Eur' -> 'EUR'; a code or word not known stays as written, in capitals. « dinars » alone is
    DINAR: any of the dinars (``same_currency``), « francs » FRANC. A text naming one currency among other words is that currency
    (« dollars US », « € TTC »)."""
    word = " ".join(str(text).split()).upper()
    code = _NAMES.get(word, _NAMES.get(fold(word).upper(), word))
    if is_known(code):
        return code
    named = named_currencies(text)
    return named[0] if len(named) == 1 else code


def named_currencies(text: Any, folded: str | None = None) -> list[str]:
    """The currencies a text names, as codes, sorted ('EUR' for « 2,8 M EUR »; [] for none). ``folded``: the folded
    text whose words are read, when not fold(text)."""
    if text is None:
        return []
    text = str(text)
    found = [m.group(0) for m in SIGN.finditer(text)] + [m.group(1) for m in CODE.finditer(text)]
    found += [m.group(1) for m in WORD.finditer(fold(text) if folded is None else folded)]
    return sorted({_NAMES.get(" ".join(w.split()).upper(), w.upper()) for w in found})


def is_cfa(text: Any) -> bool:
    """Whether a text is a name of the franc CFA (« FCFA », « F CFA », « francs CFA »), which is XOF or XAF."""
    word = " ".join(str(text).split()).upper()
    return word in CFA_NAMES or fold(word).upper() in CFA_NAMES


def is_known(code: str) -> bool:
    """Whether a code (as currency_code gives it) is a currency: ``CODES``, or « dinars »."""
    return code in CODES or code in (DINAR, FRANC)


def is_iso_code(code: Any) -> bool:
    """Whether ``code`` is a currency's ISO 4217 code (``ISO_4217``): KES is, UDS and EUE are not."""
    return isinstance(code, str) and code in ISO_4217


def nearest_codes(code: str) -> list[str]:
    """The ISO 4217 codes one keystroke away from a code that is none (a letter changed, or two swapped: UDS is
    USD, EUE EUR), the projects' usual currencies (``CODES``) first."""
    code = code.upper()
    near = [iso for iso in ISO_4217 if len(iso) == len(code) and (
        sum(a != b for a, b in zip(iso, code)) == 1
        or any(code[:i] + code[i + 1] + code[i] + code[i + 2:] == iso for i in range(len(code) - 1)))]
    return sorted(near, key=lambda iso: (iso not in CODES, iso))


def same_currency(named: str, currency: str) -> bool:
    """Whether a currency as written (a code, a sign, a word) is the project's ``currency``: « dinars » is a
    Tunisian, Libyan or Algerian project's own currency, another currency in a USD one. MRO (the ouguiya before
    2018) is not MRU: 10 MRO are 1 MRU. A bare « $ » or « dollars » is a dollar project's own (CAD, AUD...), USD in
    any other."""
    code, own = currency_code(named), currency_code(currency)
    # a bare « $ » in a CAD project's table is its dollars (it was refused as USD)
    bare_dollar = code == "USD" and own in DOLLARS and bool(_BARE_DOLLAR.fullmatch(fold(str(named)).strip()))
    # « FCFA » is Central Africa's franc (XAF) as much as West Africa's (XOF): a Cameroonian project's « FCFA » rows
    # were refused as « in XOF »
    cfa = own in ("XOF", "XAF") and is_cfa(named)
    return code == own or (code == DINAR and own in DINARS) or (code == FRANC and own in FRANCS) or bare_dollar or cfa


# an outcome that is the logarithm of an amount (`log_revenu`, `ln_salaire`, `lnwage`, « Log du revenu (MAD) »): its
# effects are differences of logs (0.092: about +9.6 %), in no currency, though its name names one
_LOG = re.compile(r"\b(?:log|ln|log10|log1p|logarithme|logarithm|logarithmic|logarithmique)\b|\bln[a-z]")


def names_a_log(text: Any) -> bool:
    """True when an outcome's header or label says it is a logarithm (``log_revenu``, ``lnwage``, « Log du revenu »)."""
    return isinstance(text, str) and bool(_LOG.search(fold(text).replace("_", " ")))
