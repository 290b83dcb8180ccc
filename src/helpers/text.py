"""How names are compared, everywhere, and the words partners write for codes.

A bottom module (beside ``paths`` and ``errors``): the data room compares countries, budget lines, headers, totals
rows, study groups and survey labels with ``fold``; the analyses compare countries and treatment values with it;
both decide with ``is_all`` which annex covers the whole project. Never lower-case or strip accents by hand: two
rules for one comparison is how a row ends up counted by one step and not by the next.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

ALL = "all"  # the annex that covers the whole project and compares countries
ALL_WORDS = {ALL, "tous", "toutes", "ensemble"}  # what an annex's country may say for it (folded)
# What a row's country may say for the project as a whole (folded), read as `regional`, as an empty cell is: a
# budget line « Multi-pays » or « Siège » belongs to no country annex (it was read as a country of that name).
PROJECT_WIDE_WORDS = ALL_WORDS | {"regional", "regionale", "multi-pays", "multipays", "multi pays", "tous pays",
                                  "tous les pays", "all countries", "multi-country", "multi country", "multicountry",
                                  "global", "globale", "projet", "project", "siege", "hq", "headquarters", "n/a",
                                  "-",   # (not "na": Namibia's ISO code, as IATI files write countries)
                                  # a line of several of the project's countries (« atelier sous-régional »): it was
                                  # a country « Sous-régional » of its own, left out of what country annexes leave out
                                  "sous-regional", "sous-regionale", "sous regional", "sousregional", "subregional",
                                  "sub-regional", "sub regional", "inter-pays", "interpays", "plusieurs pays",
                                  "pluri-pays", "multi-countries", "several countries",
                                  # what French tables write for n/a (« sans objet »): the project's, as n/a is
                                  "s.o", "s/o", "sans objet", "non applicable", "not applicable"}

# ----------------------------------------------------------------- vocabularies (keys are folded words)
# How a table says a value is not known (non disponible, non communiqué, not available...), folded, without a final
# '.': a number cell so written is refused with that reason (data.numbers), a study's group so written too (loader).
NOT_KNOWN_WORDS = frozenset("nd|n.d|n/d|na|n/a|n.a|#n/a|nan|nc|n.c|ns|nsp|inconnu|inconnue|unknown|?|??|en attente|"
                            "tbd|a determiner|non disponible|not available|missing|manquant|none|null|"
                            # (« Non renseigné » was a country of that name where « Inconnu » was refused)
                            "inconnus|inconnues|inconnu(e)|inconnu.e|nr|n.r|non renseigne|non renseignee|non connu|"
                            "non connue|non communique|non communiquee|non precise|non precisee|non specifie|"
                            "non specifiee|indetermine|indeterminee|non determine|a preciser|not known|not specified|"
                            "unspecified|not recorded|ne sait pas|s.o|s/o|sans objet|non applicable|"
                            "not applicable".split("|"))
# The sex of a person in a participation register (and of an indicator row): anything else is refused.
SEX_WORDS = {"f": "f", "femme": "f", "femmes": "f", "female": "f", "woman": "f", "women": "f", "w": "f",
             "feminin": "f", "feminine": "f", "fille": "f", "girl": "f",
             "m": "m", "h": "m", "homme": "m", "hommes": "m", "male": "m", "man": "m", "men": "m",
             "masculin": "m", "masculine": "m", "garcon": "m", "boy": "m",
             # a form's abbreviations (« Fém. », « Masc. »): they were refused as « not recognised »
             "fem": "f", "fem.": "f", "masc": "m", "masc.": "m",
             # a register's civility column (« Mme », « M. »), and the words of an Arabic one (Libya, Tunisia...)
             "mme": "f", "mme.": "f", "madame": "f", "mlle": "f", "mlle.": "f", "mademoiselle": "f", "mrs": "f",
             "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "m.": "m", "monsieur": "m", "mr": "m", "mr.": "m",
             "انثى": "f", "اناث": "f", "امراة": "f", "نساء": "f",
             "ذكر": "m", "ذكور": "m", "رجل": "m", "رجال": "m"}
# An indicator row of both sexes.
TOTAL_WORDS = {"total", "ensemble", "tous", "all", "t", "both", "both sexes", "h+f", "f+h", "m+f", "f+m", "h/f",
               "f/h", "hommes et femmes", "femmes et hommes", "les deux"}
# The female answer of a survey's sex question (its code or its label): the register's words.
FEMALE_WORDS = {word for word, code in SEX_WORDS.items() if code == "f"}
# The words of an IATI sex dimension (``<dimension name="Gender - genre" value="Female - feminin">``), matched word by
# word inside the label, in the languages publishers use; no one-letter word but f, m and h (a 'w' or 't' inside a
# longer label would be read as a sex). Arabic as fold writes it (hamzas on alif dropped: « أنثى » is « انثى »), as
# Maghreb and Middle East publishers write the dimension (« الجنس » = « أنثى », « ذكر »); Portuguese too (« Sexo » =
# « Feminino », « Masculino »: Lusophone publishers, whose women were « not recognised », no row for them).
SEX_DIMENSION_NAMES = {"sex", "sexe", "gender", "genre", "sexo", "genero", "الجنس", "جنس"}
FEMALE_TOKENS = {"f", "female", "females", "femme", "femmes", "feminin", "feminine", "woman", "women", "girl", "girls",
                 "fille", "filles", "mujer", "mujeres", "femenino", "انثى", "اناث", "الاناث", "نساء", "النساء", "امراة",
                 "المراة", "feminino", "mulher", "mulheres", "menina", "meninas", "rapariga", "raparigas"}
MALE_TOKENS = {"m", "male", "males", "homme", "hommes", "masculin", "man", "men", "boy", "boys", "garcon", "garcons",
               "hombre", "hombres", "masculino", "h", "ذكر", "ذكور", "الذكور", "رجال", "الرجال", "رجل", "homem",
               "homens", "menino", "meninos", "rapaz", "rapazes"}
TOTAL_TOKENS = {"total", "all", "ensemble", "tous", "both", "المجموع", "مجموع", "الكل", "todos", "ambos", "overall",
                "combined", "mixed", "mixte", "aggregate"}   # (« Overall » was not recognised: added to f and m, twice)
BUDGET_CATEGORIES = ("staff", "operational", "support", "other")
# The words a French budget writes for the budget categories (folded, spaces as '_'), to their codes.
CATEGORY_WORDS = {"personnel": "staff", "frais_de_personnel": "staff", "ressources_humaines": "staff", "rh": "staff",
                  "salaires": "staff", "staff_costs": "staff", "personnel_costs": "staff", "human_resources": "staff",
                  "salaries": "staff", "fonctionnement": "operational", "operationnel": "operational",
                  "operationnelle": "operational", "operationnels": "operational", "activites": "operational",
                  "activities": "operational", "appui": "support", "soutien": "support",
                  "couts_indirects": "support", "indirect_costs": "support", "frais_generaux": "support",
                  "overheads": "support", "autre": "other", "autres": "other", "divers": "other"}
# An indicator's direction in French (as_code'd), to its code: 'À la baisse' -> 'decrease'.
DIRECTION_WORDS = {"hausse": "increase", "a_la_hausse": "increase", "augmentation": "increase",
                   "croissant": "increase", "baisse": "decrease", "a_la_baisse": "decrease",
                   "diminution": "decrease", "decroissant": "decrease"}
# An indicator's level in the words of a French logframe (as_code'd): « produit » (extrant) is an output, « effet »
# an outcome; « résultat », either in French frameworks, stays refused (a cost per unit is an output's only).
LEVEL_WORDS = {"produit": "output", "produits": "output", "extrant": "output", "extrants": "output",
               "effet": "outcome", "effets": "outcome"}
# A participation group as the annex writes it (annex.fmt.WORDS, French and English; as_code'd), to its code: an
# evaluator types « Gouvernement » or « Société civile » as the annex shows them (they were refused as not allowed).
GROUP_WORDS = {"gouvernement": "government", "travailleurs": "workers", "employeurs": "employers",
               "societe_civile": "civil_society", "autre": "other", "autres": "other"}
# How a published figure's comparison may be written (as written, stripped), to its code.
COMPARISON_WORDS = {"==": "=", "≥": ">=", "=>": ">=", "≤": "<=", "=<": "<=", "≈": "~"}


# Characters that show nothing, which text copied from a web page, a PDF or Word brings along: soft hyphen, zero-width
# space and joiners, direction marks, embeddings and overrides, word joiner, byte-order mark. Names are compared
# without them: a register's 'Benali' + U+200B was another person than 'Benali' (3 persons, 2 women, for 2 and 1).
# (The characters themselves in the pattern, not regex escapes: pyarrow's RE2 runs it too, and reads no \u escape.)
# The readers strip them at a cell's edges (data.readers), the loader refuses them inside a code: one list.
INVISIBLE_CHARACTERS = ("\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                        "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
INVISIBLE = f"[{INVISIBLE_CHARACTERS}]"
_INVISIBLE = re.compile(INVISIBLE)


def unaccented(text: str) -> str:
    """The text without its accents ('Événement' -> 'Evenement'); case and spaces kept."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def fold(text: Any) -> str:
    """How names are compared: 'Égypte ' -> 'egypte', without invisible characters (INVISIBLE); a missing value
    (None, NaN, pandas.NA) -> ''."""
    if text is None or (isinstance(text, float) and text != text) or type(text).__name__ == "NAType":
        return ""
    text = str(text)
    if text.isascii():  # no accent to take off, and casefold is lower: 5x faster on the codes of a large table
        return text.strip().lower()
    return _INVISIBLE.sub("", unaccented(text)).strip().casefold()


def plain_code(text: str) -> str:
    """A code as fold reads its characters, case and accents kept: compatibility forms (NFKC) to the ordinary
    ones, a full-width 'Ｒ1' (an Asian input method, a PDF) -> 'R1'. Codes are compared as written: 'Ｒ1' was
    another budget line than 'R1', while fold('Ｒ1') == fold('R1')."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text).strip()


def as_code(text: Any) -> str:
    """How a value is compared with a list of codes: folded, spaces and hyphens as '_' ('Civil society' ->
    'civil_society', 'Frais-de-personnel' -> 'frais_de_personnel')."""
    return fold(text).replace(" ", "_").replace("-", "_")


# spaces, hyphens and dashes between a word's parts: Word writes « Multi–pays » (an en dash), « Sous‑régional » (a
# non-breaking hyphen), and « Sous–régional » was a country of that name where « Sous-régional » was the project's
_JOINERS = re.compile(r"[\s_\-\u2010-\u2015\u2212]+")


def _bare(text: Any) -> str:
    """fold, without spaces, hyphens and dashes, nor a final '.': « Multi – pays. » -> 'multipays'."""
    return _JOINERS.sub("", fold(text)).rstrip(".")


_PROJECT_WIDE = frozenset(_bare(word) for word in PROJECT_WIDE_WORDS) - {""}
NOT_KNOWN_BARE = frozenset(_bare(word) for word in NOT_KNOWN_WORDS) - {""}


def is_dash(text: Any) -> bool:
    """A cell holding only a dash: '-', '--', Word's '–' or '—'."""
    return bool(fold(text)) and not _JOINERS.sub("", fold(text))


def is_project_wide(text: Any) -> bool:
    """Whether a row's country says the project as a whole (PROJECT_WIDE_WORDS, a dash), however spaced and
    hyphenated: « Régional », « Multi–pays », « Sous‑régional », « - », « — ». An empty cell is too, said apart."""
    return is_dash(text) or _bare(text) in _PROJECT_WIDE


def is_not_known(text: Any) -> bool:
    """Whether a cell says « not known » (NOT_KNOWN_WORDS), however spaced: « n.d. », « N/D », « Non renseigné »."""
    return _bare(text) in NOT_KNOWN_BARE


def is_all(country: Any) -> bool:
    """Whether an annex's ``country`` names the whole project: 'all', ' ALL', 'Àll', 'Tous', 'Ensemble' (folded
    like every name)."""
    return fold(country) in ALL_WORDS


# An indicator that is a rate or a share (« Taux d'insertion » in %): its unit says so, or, without a unit, its label
_SHARE_UNIT = r"%|pour ?cent|percent|\btaux\b|\brate\b|proportion|\bpart\b|\bshare\b"
_SHARE_LABEL = r"%|(?:taux|pourcentage|proportion|part des?|part d|rate|share|percentage)\b"
_RATE_UNIT = re.compile(_SHARE_UNIT + r"|\bratio\b|\bindice\b|\bindex\b")
_RATE_LABEL = re.compile(rf"^(?:{_SHARE_LABEL}|ratio\b)")
_PERCENT_UNIT, _PERCENT_LABEL = re.compile(_SHARE_UNIT), re.compile(rf"^(?:{_SHARE_LABEL})")
PERCENT_UNIT = _SHARE_UNIT   # a unit that says percentage or share (a pattern for str.contains on a folded column)


def _said(unit: Any, label: Any, by_unit: re.Pattern, by_label: re.Pattern) -> bool:
    unit_text = fold(unit)
    if unit_text and unit_text not in ("nan", "<na>", "none"):   # a unit that counts wins over the label
        return bool(by_unit.search(unit_text))
    return bool(by_label.match(fold(label)))


def is_rate(unit: Any, label: Any) -> bool:
    """Whether an indicator is a rate, a share, a ratio or an index (a cost per unit of it means nothing): its unit
    says so (`%`, `taux`, `pour cent`, `ratio`); without a unit, its label starts so (« Taux d'insertion »,
    « % des formés »)."""
    return _said(unit, label, _RATE_UNIT, _RATE_LABEL)


def is_percentage(unit: Any, label: Any) -> bool:
    """Whether an indicator is a percentage or a share of 100 (`%`, `taux`, `pour cent`, `part`; « Taux de ... »
    without a unit), not a ratio or an index, which may rightly be 0.45 beside a target of 2."""
    return _said(unit, label, _PERCENT_UNIT, _PERCENT_LABEL)
