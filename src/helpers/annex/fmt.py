"""Numbers, dates and words for the annex language: ``37,5 %`` and ``1 005 500`` in French, ``37.5%`` in English.

French typography: a narrow non-breaking space (U+202F) groups thousands and stands before ``%`` so a figure never
wraps; a word one (U+00A0) stands before a currency code. ``tie`` holds every number of a sentence to its unit
(« IC 95 % », « 41 participants ») the same way.
A missing value prints as ``n.d.`` (non disponible) / ``n/a``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from ..data.countries import french_prepositions

NBSP = "\u00a0"    # a word space that does not break: before a currency code, a colon, a month's year, after « < »
# French typography (and CLDR's French, which Windows, macOS and ICU follow) groups thousands and sets « % » off
# with the narrow no-break space; the annex's fonts draw it (checked: DejaVu Sans in the page and the figures,
# LibreOffice's substitute for Arial). The page, Word and the figures grouped with U+00A0, a full word space,
# where the messages of make check grouped with U+202F.
NNBSP = "\u202f"
LANGUAGES = ("fr", "en")

_MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
# A chart's month ticks: « janv. 2023 », as French style guides abbreviate (a date axis read « 2023-01 »).
_SHORT_MONTHS = {
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
_MISSING = {"fr": "n.d.", "en": "n/a"}


def _check(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not supported; use one of {', '.join(LANGUAGES)}")
    return lang


def decimal_mark(lang: str) -> str:
    """"," in French, "." in English."""
    return "," if _check(lang) == "fr" else "."


def is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isinf(value))  # NaN, NaT, pd.NA-safe
    except (TypeError, ValueError):
        return False


def number(value: Any, decimals: int = 0, lang: str = "fr") -> str:
    """1005500.0 -> '1 005 500' (fr) / '1,005,500' (en). Rounded half away from zero, as people round."""
    _check(lang)
    if is_missing(value):
        return _MISSING[lang]
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0,0"
    text = f"{rounded:,.{decimals}f}"  # en style: 1,005,500.00
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


NONZERO_MAX_DECIMALS = 13   # smaller than 1e-12, an effect is the floating-point noise of a zero difference


def se_decimals(se: Any, most: int = 3) -> int:
    """The decimals an estimate is shown with: those that give its standard error two significant digits, from 0 to
    ``most`` (an effect on a monthly income, SE 29,9: « 100 (IC 95 % 32 à 167) », where three decimals read
    « 99,711 (IC 95 % 32,115 à 167,306) »; a share's, SE 0,070: « 0,132 »). ``most`` when the SE is not known or 0."""
    if is_missing(se) or not math.isfinite(float(se)) or float(se) <= 0:
        return most
    return min(most, max(0, 1 - math.floor(math.log10(float(se)))))


def nonzero(value: Any, decimals: int = 3, lang: str = "fr") -> str:
    """An effect, a bound of its interval or a standard error: ``number`` with ``decimals``, or with two
    significant digits when those decimals show fewer: -0.0004 -> '-0,00040', not '0,000' (its sign dropped, an
    interval that excludes 0 read as touching it, an effect of -0.0004 as none); -0.0006 -> '-0,00060', not
    '-0,001'. 0 stays '0,000', and so does noise below 1e-12 (a difference of two equal means, 2e-17)."""
    if is_missing(value) or float(value) == 0:
        return number(value, decimals, lang)
    needed = 1 - math.floor(math.log10(abs(float(value))))   # two significant digits
    if needed > NONZERO_MAX_DECIMALS:
        return number(value, decimals, lang)
    return number(value, max(decimals, needed), lang)


_SHOWN_NUMBER = {"fr": re.compile(r"^([+\-\u2212]?)(\d{1,3}(?:[\u00a0\u202f ]\d{3})*|\d+)(?:,(\d+))?$"),
                 "en": re.compile(r"^([+\-\u2212]?)(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?$")}


def read_number(text: str, lang: str = "fr") -> tuple[float, int] | None:
    """A number as ``number`` prints it, read back with its decimals: '1 005 500,25' -> (1005500.25, 2) in French;
    None for anything else (a percentage, an amount with its currency, a word)."""
    found = _SHOWN_NUMBER[_check(lang)].match(text) if isinstance(text, str) else None
    if found is None:
        return None
    digits = re.sub(r"\D", "", found[2]) + ("." + found[3] if found[3] else "")
    return (-1 if found[1] in ("-", "\u2212") else 1) * float(digits), len(found[3] or "")


def percent(value: Any, decimals: int = 1, lang: str = "fr") -> str:
    """37.5 -> '37,5 %' (fr) / '37.5%' (en). Values are already 0-100."""
    if is_missing(value):
        return _MISSING[_check(lang)]
    return number(value, decimals, lang) + (NNBSP + "%" if lang == "fr" else "%")


def share_percent(value: Any, decimals: int = 1, lang: str = "fr") -> str:
    """A share as ``percent``, except that one which is not 0 never shows 0: 0.04 -> '0,040 %', not '0,0 %'."""
    if not is_missing(value) and float(value) != 0 and round(abs(float(value)), decimals) == 0:
        return nonzero(value, decimals, lang) + (NNBSP + "%" if lang == "fr" else "%")
    return percent(value, decimals, lang)


def band_percent(value: Any, low: Any, high: Any, decimals: int = 1, lang: str = "fr") -> str:
    """A percentage rated against a band (below < low, above > high): as ``percent``, with more decimals when its
    rounding would put it on a limit it is outside of: 29.96 is '29,96 %' beside « below the band » from 30, 35.04
    '35,04 %' beside « above » a band to 35, not '30,0 %' and '35,0 %'."""
    return percent(value, _band_decimals(value, low, high, decimals), lang)


def band_number(value: Any, low: Any, high: Any, decimals: int = 2, lang: str = "fr") -> str:
    """A number rated against a band, as ``band_percent``: the parity index 0.965 is '0,965' beside « women
    under-represented » below a band from 0.97, not '0,97'."""
    return number(value, _band_decimals(value, low, high, decimals), lang)


def limit_number(value: Any, decimals: int = 2, lang: str = "fr") -> str:
    """A band's limit as the params write it, every digit it has (at least ``decimals``): a parity band from 0.975
    is '0,975', not '0,98', which a rated index of 0,976 would seem to be below."""
    return number(value, _limit_decimals(value, decimals), lang)


def limit_percent(value: Any, decimals: int = 0, lang: str = "fr") -> str:
    """A band's limit in %, as ``limit_number``: a staff-share band to 32.5 is '32,5 %', not '33 %'."""
    return percent(value, _limit_decimals(value, decimals), lang)


def _limit_decimals(value: Any, decimals: int) -> int:
    if is_missing(value):
        return decimals
    exponent = Decimal(str(round(float(value), 9))).normalize().as_tuple().exponent
    return max(decimals, -exponent if isinstance(exponent, int) else 0)


def _band_decimals(value: Any, low: Any, high: Any, decimals: int) -> int:
    """The decimals that keep a value off a limit it is outside of once rounded (half away from zero, as
    ``number`` rounds), at most 4 more than asked."""
    if is_missing(value):
        return decimals
    # rated as the analyses rate it: 16.49 / 17 (0.9699999999999999) is on the limit 0.97
    v, low, high = round(float(value), 9), float(low), float(high)
    most = max(4, decimals + 2)
    while decimals < most and (v < low <= _rounded(v, decimals) or _rounded(v, decimals) <= high < v):
        decimals += 1
    return decimals


def _rounded(value: float, decimals: int) -> float:
    return float(Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def rated_percent(value: Any, thresholds: Any, decimals: int = 1, lang: str = "fr") -> str:
    """A percentage rated against ``thresholds`` (the RAG limits, 80 and 50): as ``percent``, with more decimals
    when its rounding would reach a limit it is below: 79.99 is '79,99 %' beside its amber, not '80,0 %'."""
    if not is_missing(value):
        limits = [float(t) for t in thresholds]
        while decimals < 4 and any(float(value) < t <= round(float(value), decimals) for t in limits):
            decimals += 1
    return percent(value, decimals, lang)


def money(value: Any, currency: str, lang: str = "fr", decimals: int = 0) -> str:
    """1005500 -> '1 005 500 USD'."""
    if is_missing(value):
        return _MISSING[_check(lang)]
    return f"{number(value, decimals, lang)}{NBSP}{currency}"


def date(value: Any, lang: str = "fr") -> str:
    """2020-12-31 -> '31 décembre 2020' / '31 December 2020'."""
    _check(lang)
    if is_missing(value):
        return _MISSING[lang]
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime) or hasattr(value, "to_pydatetime"):
        value = value.date() if hasattr(value, "date") else value
    day = "1er" if (lang == "fr" and value.day == 1) else str(value.day)
    return f"{day} {_MONTHS[lang][value.month - 1]} {value.year}"


def month(value: Any, lang: str = "fr") -> str:
    """2023-01-31 -> 'janv. 2023' / 'Jan 2023': a chart's month."""
    _check(lang)
    if is_missing(value):
        return _MISSING[lang]
    return f"{_SHORT_MONTHS[lang][value.month - 1]}{NBSP}{value.year}"


def line_name(key: Any, label: Any) -> str:
    """A budget line's code and label as one chart label, the code once: the sample's label « 99 : Programme
    Support Costs » already starts with its code, and « 99 » + « 99 : ... » read « 99 99 : ... ». ``key``: the
    line's key (« R1/Sénégal » when a code is a line of several countries), whose code part is looked for."""
    key = "" if is_missing(key) else str(key).strip()
    label = "" if is_missing(label) else str(label).strip()
    code = key.split("/")[0]
    if code and re.match(rf"{re.escape(code)}(?!\w)", label, flags=re.IGNORECASE):
        return key + label[len(code):]
    return f"{key} {label}".strip()


def p_value(value: Any, lang: str = "fr") -> str:
    """0.0004 -> '< 0,001'; 0.0512 -> '0,051'; 0.0496 -> '0,0496': rounded to 3 decimals it would read 0,050, on
    the other side of 5 % from the interval that excludes 0 beside it (more decimals until it reads below 0,05)."""
    if is_missing(value):
        return _MISSING[_check(lang)]
    if float(value) < 0.001:
        return "<" + NBSP + number(0.001, 3, lang)
    decimals = 3
    while float(value) < 0.05 <= round(float(value), decimals) and decimals < 6:
        decimals += 1
    if float(value) < 0.05 <= round(float(value), decimals):
        return "<" + NBSP + number(0.05, 2, lang)
    return number(value, decimals, lang)


# A figure and what it counts on one line. The sentences of the catalogues and the notebooks set them apart with a
# plain space: « IC 95 % », « 41 participants », « 935 unités » broke at a line's end, the number on one line and
# its unit on the next (the HTML, Word and a chart's wrapped title alike). After a digit, the space before « % »
# becomes U+202F (as fmt.percent writes it), the one before a currency sign or a word U+00A0.
# A number is a word of digits (« 41 », « 0,20 », « 19,970 »; not the « 1 » of a code « R1 »); the words that
# link two numbers (« de 0,20 à 0,90 », « 0,05 et 0,95 ») keep their plain space: they are not its unit.
_NUMBER = r"(?<!\w)(\d+(?:[.,\u202f\u00a0]\d+)*)"
_LINKING = ("à|a|au|aux|et|ou|de|des|du|d|en|sur|par|pour|contre|sans|avec|entre|soit|le|la|les|l|puis|and|or|to|"
            "of|from|in|on|at|the|by|for|vs|with|than|per")
_BEFORE_PERCENT = re.compile(_NUMBER + r" (?=[%‰])")
_BEFORE_UNIT = re.compile(_NUMBER + r" (?=[€$£]|(?!(?:" + _LINKING + r")\b)[^\W\d_])", re.I)


def tie(text: str) -> str:
    """``text`` with each number held to the unit or word after it (no line break between them)."""
    return _BEFORE_UNIT.sub(r"\1" + NBSP, _BEFORE_PERCENT.sub(r"\1" + NNBSP, text))


# the tags a paragraph's text runs through (« <strong>41</strong> participants »): a number before one is still
# followed by its unit; a block's tag (a cell, a paragraph) ends the run
_INLINE = {"strong", "em", "b", "i", "span", "a", "sup", "sub", "code", "wbr", "abbr"}
_MARKUP = re.compile(r"(<(?:style|script)\b.*?</(?:style|script)\s*>|<[^>]*>)", re.S | re.I)
_ALT = re.compile(r'(\balt=")([^"]*)(")')


def _next_text(pieces: list[str], start: int) -> str:
    """The text after ``start`` through inline tags ('' past a block's tag)."""
    for i in range(start, len(pieces)):
        if i % 2 == 0 and pieces[i]:
            return pieces[i]
        name = re.match(r"</?\s*([a-zA-Z0-9]*)", pieces[i]) if i % 2 else None
        if i % 2 and (name is None or name[1].lower() not in _INLINE):
            return ""
    return ""


def tie_html(markup: str) -> str:
    """``tie`` on the text of an HTML fragment (its text nodes and its images' alt texts), never in a tag, a style
    sheet or a script."""
    pieces = _MARKUP.split(markup)
    after_digit = False
    for i, piece in enumerate(pieces):
        if i % 2:   # a tag
            name = re.match(r"</?\s*([a-zA-Z0-9]*)", piece)
            if name is None or name[1].lower() not in _INLINE:
                after_digit = False
            if piece[:4].lower() == "<img":
                pieces[i] = _ALT.sub(lambda m: m[1] + tie(m[2]) + m[3], piece)
            continue
        if not piece:
            continue
        if after_digit and piece == " ":   # « <strong>51</strong> <strong>lignes</strong> »: the unit is in the next
            piece = tie("0 " + _next_text(pieces, i + 1))[1] if _next_text(pieces, i + 1) else piece
        elif after_digit and piece[0] == " " and len(piece) > 1:
            piece = tie("0" + piece)[1:]   # the number is in the tag before (« <strong>41</strong> participants »)
        pieces[i] = tie(piece)
        after_digit = piece[-1].isdigit()
    return "".join(pieces)


def plural(n: Any, one: str, many: str, lang: str = "fr") -> str:
    """The word agreeing with the count n: French takes the singular for 0 and 1 (« 0 tronqué », « 1 conforme »),
    English for 1 only."""
    _check(lang)
    try:
        value = abs(float(n))
    except (TypeError, ValueError):
        return many
    return one if (value < 2 if lang == "fr" else value == 1) else many


def _lignes(n: str) -> str:
    return f"{n} ligne" if n in ("0", "1") else f"{n} lignes"


_COMPARED = {">": "supérieur à", ">=": "supérieur ou égal à", "<": "inférieur à", "<=": "inférieur ou égal à",
             "~": "environ égal à", "=": "égal à"}

# Why a figure is not computable, as the helpers say it (English, in figures.csv), and as the annex says it: a
# format string or a function of the groups matched. Dates (YYYY-MM-DD) are written out, numbers in French.
_CELLS_FR = {"treated": "traités", "comparison": "comparaison", "pre": "avant", "post": "après"}


def _cells_fr(names: str) -> str:
    """'treated post, comparison pre' (impact's cells) in French: « traités après, comparaison avant »."""
    return ", ".join(" ".join(_CELLS_FR.get(w, w) for w in cell.split()) for cell in names.split(", "))


_REASONS_FR = [
    # an impact figure not computable (helpers.analyses.impact, propensity): the Chiffres sheet said « the reason is
    # in figures.csv's note », in English there
    (r"fewer than (\d+) rows in: ([^;]+); no estimate",
     lambda n, cells: f"moins de {n} lignes dans : {_cells_fr(cells)} ; pas d'estimation"),
    (r"fewer than 2 rows in a group: no estimate", "moins de 2 lignes dans un groupe : pas d'estimation"),
    (r"too few rows in a group after trimming: no estimate",
     "trop peu de lignes dans un groupe après l'élagage des scores : pas d'estimation"),
    (r"too few rows in a group to fit the propensity score",
     "trop peu de lignes dans un groupe pour estimer le score de propension"),
    (r"the propensity score cannot be fitted", "le score de propension ne peut être estimé (deux termes portent la "
     "même information, ou un terme sépare parfaitement les groupes)"),
    (r"trimming at \[([^\]]*)\] leaves one group empty", "l'élagage à [{0}] vide un groupe"),
    (r"no rows with this outcome", "aucune ligne n'a ce résultat"),
    (r"no (treated|comparison) rows((?: in the post period)?); no estimate",
     lambda arm, post: ("aucune ligne traitée" if arm == "treated" else "aucune ligne de comparaison")
     + (" après le programme" if post else "") + " : pas d'estimation"),
    (r"too few rows \((\d+)\) for (\d+) parameters", "trop peu de lignes ({0}) pour {1} paramètres"),
    (r"a regressor is zero in every row", "une variable du modèle vaut 0 sur toutes les lignes"),
    (r"collinear design(?: \([^)]*\))?", "modèle colinéaire (une covariable est constante ou reproduit le traitement "
     "dans ce groupe)"),
    (r"only (\d+) cluster: clustered SEs need at least 2",
     "{0} seule grappe : une erreur type par grappe en demande au moins 2"),
    (r"every (treated|comparison) row is in one cluster",
     lambda arm: "toutes les lignes " + ("traitées" if arm == "treated" else "de comparaison") + " sont dans une "
     "seule grappe : l'effet ne se distingue pas du niveau propre de cette grappe, pas d'erreur type"),
    (r"no residual variance", "aucune variance résiduelle (le résultat est constant dans les groupes) : pas d'erreur "
     "type"),
    (r"no variance in either group", "aucune variance dans les groupes"),
    (r"fewer than two values with rows in every group: no test of difference",
     "moins de deux valeurs ont des lignes dans chaque groupe : pas de test de différence"),
    (r"column '([^']*)' not found", "colonne « {0} » introuvable"),
    (r"outcome '([^']*)' is not numeric", "le résultat « {0} » n'est pas numérique"),
    (r"exploratory outcome: not in the Holm family", "résultat exploratoire : hors de la famille de Holm (les résultats "
     "du plan d'analyse), p non ajustée"),
    (r"the expenditure data ends on (\d{4}-\d{2}-\d{2}),? before (\d{4}-\d{2}-\d{2})", "les dépenses connues s'arrêtent au {0}, avant le {1}"),
    (r"no expenditure data", "aucune dépense renseignée"),
    (r"the spending of '([^']*)' \(to (\d{4}-\d{2}-\d{2})\) covers (\d{4}-\d{2}-\d{2}): what was spent up to that date is "
     r"not known", "les dépenses de « {0} » (jusqu'au {1}) couvrent le {2} : ce qui a été dépensé à cette date n'est "
     "pas connu"),
    (r"the reporting date is not after the start date, no share of the planned duration has elapsed",
     "la date de référence n'est pas postérieure au début du projet : aucune part de sa durée prévue n'est écoulée"),
    (r"spending not known for ([^;]+)",
     lambda who: "dépenses non connues pour " + who.replace("the project-wide lines", "les lignes du projet dans son "
                                                                                       "ensemble")),
    (r"budget not known|budget of this line not known", "budget non renseigné"),
    (r"budget of (\d+) line\(s\) (?:is )?not known",
     lambda n: f"budget non renseigné pour {_lignes(n)}"),
    (r"budget is 0", "budget nul"),
    (r"no budget_total declared", "pas de budget total déclaré (budget_total)"),
    (r"is project-wide, not applied to a country annex", "le budget total du projet ne s'applique pas à une annexe pays"),
    (r"line budgets not all known", "budget des lignes incomplet"),
    (r"line not in the budget table", "ligne absente du budget"),
    (r"no budget line has a staff category \(([^)]*)\)", "aucune ligne budgétaire de catégorie personnel ({0})"),
    (r"(\d+) budget line\(s\) with spending have no category \(([^)]*)\): they may pay staff",
     lambda n, lines: f"{_lignes(n)} avec des dépenses sans catégorie ({lines}) : "
                      + ("elle peut" if n == "1" else "elles peuvent") + " payer du personnel"),
    (r"no budget line\b", "aucune ligne budgétaire"),
    (r"no spending", "aucune dépense"),
    (r"no actual", "pas de valeur réalisée"),
    # (before « no target »: a published target beside a figure achieved, or an indicator without the target)
    (r"its label or its value speaks of a target \('(.*?)'\), and the figure computed for '([^']*)' is what was "
     r"achieved: the workbook computes no target of '([^']*)'",
     "son libellé ou sa valeur parle d'une cible (« {0} »), alors que le chiffre recalculé pour « {1} » est le "
     "réalisé : le classeur ne calcule pas de cible de « {2} » (comparer le chiffre réalisé que donne le rapport, ou "
     "écarter celui-ci)"),
    (r"its label or its value speaks of a target \('(.*?)'\), and the indicators table gives no (target_final|"
     r"target) for '([^']*)'", "son libellé ou sa valeur parle d'une cible (« {0} »), et le tableau des indicateurs "
     "ne donne pas de {1} pour « {2} » : le chiffre recalculé est son taux de réalisation (%), un autre chiffre"),
    # (they were « la raison est dans la colonne note du fichier figures.csv »: before « no target »)
    (r"(final target|target) is negative, where a decreasing indicator's target is the level to reach",
     lambda which: ("cible finale" if which == "final target" else "cible") + " négative, alors que la cible d'un "
     "indicateur à la baisse est le niveau à atteindre (une variation ? -20 pour un taux de 50 ramené à 30)"),
    (r"(final target|target) is negative", lambda which: ("cible finale" if which == "final target" else "cible")
     + " négative"),
    (r"(final target|target) is 0", lambda which: ("cible finale" if which == "final target" else "cible")
     + " nulle"),
    (r"baseline equals (final target|target)", lambda which: "la valeur de référence est égale à la "
     + ("cible finale" if which == "final target" else "cible") + " : aucun écart à combler"),
    (r"the (final target|target) of this sex's row is its total's, written on the women's and the men's rows",
     lambda which: "la " + ("cible finale" if which == "final target" else "cible") + " de la ligne de ce sexe est "
     "celle du total, reprise sur les lignes des femmes et des hommes"),
    (r"no final target", "pas de cible finale"),
    (r"no target", "pas de cible"),
    (r"decreasing indicator without baseline", "indicateur à la baisse sans valeur de référence"),
    (r"a target is below the baseline and the direction \(increase or decrease\) is not given",
     "une cible est sous la valeur de référence et le sens (hausse ou baisse) n'est pas indiqué"),
    (r"the baseline is below the (final target|target) of a decreasing indicator",
     lambda which: "la valeur de référence est sous la " + ("cible finale" if which == "final target" else "cible")
     + " d'un indicateur à la baisse"),
    (r"no participants with women known", "aucun participant dont le sexe est connu"),
    (r"men not given|no men counted", "hommes non comptés"),
    (r"no activity planned", "aucune activité prévue"),
    (r"no activity with a progress value or done", "aucune activité avec un avancement déclaré ou réalisée"),
    (r"no progress values in the data", "pas d'avancement renseigné"),
    (r"no computed figure '([^']*)' with key '([^']*)'",
     "aucun chiffre « {0} » n'est calculé pour la clé « {1} » (voir data/README.md)"),
    (r"there is no metric '([^']*)'", "la métrique « {0} » n'existe pas (voir data/README.md)"),
    (r"'([^']*)' is a period, not a day \(during it, or up to its end\?\): write the key '([^']*)'",
     "« {0} » est une période, pas un jour (pendant la période, ou jusqu'à sa fin ?) : écrire la clé « {1} » pour "
     "le chiffre à sa fin"),
    (r"did you mean ('[^?]*')\?", lambda keys: "clé voisine : " + keys.replace("' or '", "' ou '")),
    # ('.*': the value may hold an apostrophe, « la moitié d'entre elles »: it was only « chiffre publié illisible »)
    (r"printed value unreadable: '.*' ends with what may be a footnote mark", "chiffre publié illisible : il "
     "se termine par ce qui peut être un appel de note (écrire le chiffre sans lui, ou l'appel en symbole : 45 %*)"),
    (r"printed value unreadable: '.*' is a date", "chiffre publié illisible : c'est une date (un tableur change "
     "« 1.2 », « 3/4 » ou « 30-40 » tapés en date) : écrire le chiffre publié comme du texte"),
    (r"printed value unreadable: '.*' names a period of years beside the figure", "chiffre publié illisible : une "
     "période d'années accompagne le chiffre (écrire le chiffre seul, la période dans le libellé, et vérifier que le "
     "chiffre calculé, jusqu'à la date de rapport, couvre cette période)"),
    (r"printed value unreadable: '.*' is per mille", "chiffre publié illisible : c'est un pour mille (‰), pas un "
     "pourcentage (écrire le pourcentage qu'il représente, 529 ‰ : 52,9 %)"),
    (r"printed value unreadable: '.*' is a range", "chiffre publié illisible : c'est une fourchette, et le "
     "classeur vérifie un chiffre (écrire deux chiffres publiés, l'un avec la comparaison >= sa borne basse, "
     "l'autre <= sa borne haute)"),
    (r"printed value unreadable: '.*' is a fraction of an amount",
     "chiffre publié illisible : c'est une fraction d'un montant (écrire en chiffres le montant qu'elle représente, "
     "1/2 million : 500 000 ; 3/4 million : 750 000, avec la comparaison ~ si le rapport l'arrondit ainsi)"),
    (r"printed value unreadable: '.*' is a fraction", "chiffre publié illisible : c'est une fraction (écrire le "
     "pourcentage qu'elle représente, 2/3 : 67 %, avec la comparaison ~ si le rapport l'arrondit ainsi)"),
    # (they were only « chiffre publié illisible », not saying why nor what to write)
    (r"printed value unreadable: '.*': the report prints no figure there", "pas de chiffre publié : le rapport "
     "n'en imprime pas ici (non disponible), rien à comparer (retirer la ligne, ou écrire le chiffre que le rapport "
     "donne ailleurs)"),
    (r"printed value unreadable: '.*': a number in brackets is a negative", "chiffre publié illisible : un nombre "
     "entre parenthèses est un négatif en comptabilité et une erreur type en statistique (l'écrire avec un signe "
     "moins, ou l'estimation seule)"),
    (r"printed value unreadable: '.*' holds two figures \('(.*)' and '(.*)'\)", "chiffre publié illisible : il "
     "contient deux chiffres (« {0} » et « {1} ») : écrire seul celui que vérifie cette ligne, et chaque autre chiffre "
     "sur sa propre ligne"),
    (r"printed without '%' with one decimal, a fraction of 1 \(to the nearest 10 points\) or a percentage below 1\? "
     r".*'(.*)'$", "publié sans « % » avec une décimale (« {0} ») : une fraction de 1 (à 10 points près) ou un "
     "pourcentage inférieur à 1 ? écrire le pourcentage que le rapport veut dire (« 40 % »), ou la fraction avec ses "
     "décimales (0,40)"),
    (r"dated by a month without its year \('(.*?)'\) in its label: the figure computed describes "
     r"(\d{4}-\d{2}-\d{2})", "son libellé est daté d'un mois sans son année (« {0} »), alors que le chiffre recalculé "
     "décrit le {1} : écrire dans le libellé le jour avec son année (« au 30/06/2021 »)"),
    (r"dated by months of a year \('(.*?)'\) in its label: the figure of those months, and the figure computed is "
     r"cumulated to (\d{4}-\d{2}-\d{2})", "son libellé est daté de mois d'une année (« {0} ») : le chiffre de ces "
     "mois, alors que le chiffre recalculé est cumulé jusqu'au {1} ; le classeur ne calcule pas ce chiffre (écrire "
     "dans le libellé le jour qu'il décrit avec son année, « au 30/06/2021 »)"),
    (r"dated by a month without its year \('(.*?)'\)", "daté d'un mois sans son année (« {0} ») : le chiffre "
     "recalculé décrit la date de référence ; écrire le jour dans le libellé (« au 30/06/2021 ») ou le mois avec son "
     "année (« juin 2021 »)"),
    (r"printed value unreadable: '.*' holds two numbers", "chiffre publié illisible : il contient deux nombres (une "
     "espace n'est dans un nombre que devant un groupe de 3 chiffres) : écrire la valeur seule"),
    (r"printed value unreadable: '.*' is ambiguous: '(.)' may be a decimal mark", "chiffre publié illisible : « {0} » "
     "peut être un séparateur décimal ou de milliers (indiquer report_decimal_mark dans project.yaml)"),
    (r"printed value unreadable: '.*': the thousands groups are not groups of 3 digits", "chiffre publié illisible : "
     "les groupes de milliers ne sont pas de 3 chiffres"),
    (r"printed value unreadable: '.*': 'mil' is a thousand", "chiffre publié illisible : « mil » vaut mille en "
     "espagnol et en portugais, un million en anglais (écrire le nombre en chiffres)"),
    (r"printed value unreadable: '.*': 'billion' is", "chiffre publié illisible : « billion » vaut 10^9 en anglais et "
     "10^12 en français (écrire le nombre en chiffres)"),
    (r"printed value unreadable: '.*': the '.' before the number is glued", "chiffre publié illisible : le signe "
     "devant le nombre est collé au texte qui le précède (écrire le nombre seul, avec son signe)"),
    (r"printed value unreadable: '.*': the dash between the words and the number", "chiffre publié illisible : le "
     "tiret entre les mots et le nombre peut être un signe moins ou un séparateur (écrire le nombre seul, son signe "
     "collé)"),
    (r"printed value unreadable: '.*' say opposite directions", "chiffre publié illisible : son signe et les mots "
     "qui l'entourent disent des sens opposés"),
    (r"printed value unreadable: '.*' is not a number", "chiffre publié illisible : ce n'est pas un nombre (écrire "
     "le chiffre publié en chiffres)"),
    (r"printed value unreadable", "chiffre publié illisible"),
    (r"a '\+' before a count or an amount may mean 'more than' or an increase", "un « + » devant un effectif ou un "
     "montant peut signifier « plus de » ou une hausse : écrire la comparaison (> ou >=) dans la colonne comparaison, "
     "ou le chiffre sans le « + »"),
    (r"a '\+' before a share or a ratio may mean 'more than' or a change", "un « + » devant une part ou un ratio peut "
     "signifier « plus de » ou une évolution (une hausse) : écrire la comparaison (> ou >=) dans la colonne "
     "comparaison, ou le chiffre sans le « + »"),
    (r"printed as a change \(words of a change or a factor around the number\), and the figure is a level",
     "publié comme une évolution (des mots d'évolution ou un facteur entourent le chiffre), alors que le chiffre "
     "recalculé est un niveau : écrire le niveau que donne le rapport, ou comparer l'évolution à un chiffre qui en est "
     "une"),
    (r"printed in percentage points, a difference between two percentages; '([^']*)' is a share",
     "publié en points de pourcentage, un écart entre deux pourcentages, alors que le chiffre est une part : écrire "
     "la part que donne le rapport, ou l'évolution en regard d'un chiffre qui en est une"),
    (r"its label or its value speaks of one year's figure, and the figure computed is the whole project's up to "
     r"(\d{4}-\d{2}-\d{2}) \(cumulated since its start\)", "son libellé ou sa valeur parle du chiffre d'une année, et "
     "le chiffre calculé est celui de tout le projet au {0} (cumulé depuis son début) : le classeur ne calcule pas de "
     "chiffre annuel (comparer le chiffre cumulé que donne le rapport, ou écarter celui-ci)"),
    (r"its label or its value speaks of a figure per month, quarter, half-year or week, and the figure computed is "
     r"the whole project's up to (\d{4}-\d{2}-\d{2}) \(cumulated since its start\)", "son libellé ou sa valeur parle "
     "d'un chiffre par mois, trimestre, semestre ou semaine, et le chiffre calculé est celui de tout le projet au {0} (cumulé depuis "
     "son début) : le classeur ne calcule pas un tel chiffre (comparer le chiffre cumulé que donne le rapport, ou "
     "écarter celui-ci)"),
    (r"its label names the years ([^,]*), and the figure computed is cumulated from the project's start "
     r"\((\d{4}-\d{2}-\d{2})\) to (\d{4}-\d{2}-\d{2})", "son libellé nomme les années {0}, et le chiffre calculé "
     "est cumulé du début du projet ({1}) au {2} : le classeur ne calcule pas de chiffre de quelques années "
     "(comparer le chiffre cumulé que donne le rapport, ou écarter celui-ci)"),
    (r"its label or its value names the year (\d{4}) \(the figure of that year, or at its end\?\), and the figure "
     r"computed is cumulated from the project's start \((\d{4}-\d{2}-\d{2})\) to (\d{4}-\d{2}-\d{2})",
     "son libellé ou sa valeur nomme l'année {0} (le chiffre de cette année, ou à sa fin ?), alors que le chiffre "
     "calculé est cumulé du début du projet ({1}) au {2} : écrire la valeur seule, et dans le libellé le jour qu'il "
     "décrit (« au 31/12/{0} », comparé s'il est celui du chiffre), ou écarter celui-ci"),
    (r"printed over n = (\d+), the figure computed is over n = (\d+)", "publié sur n = {0}, alors que le chiffre "
     "recalculé porte sur n = {1} : une autre population ou un autre effectif (vérifier la clé, ou écrire la valeur "
     "seule si le n du rapport n'est pas le dénominateur du chiffre)"),
    (r"dated (\d{4}-\d{2}-\d{2}) by its (label|value), the figure computed describes (\d{4}-\d{2}-\d{2})",
     lambda day, by, described: f"daté du {day} par {'son libellé' if by == 'label' else 'sa valeur'}, alors que le "
                                f"chiffre recalculé décrit le {described}"),
    (r"the study's data have no 'country' column: the figure computed is the whole study's",
     "les données de l'étude n'ont pas de colonne « country » : le chiffre recalculé est celui de toute l'étude, "
     "sur les lignes de tous les pays, non celui de ce pays (nommer « country » la colonne des pays de l'étude)"),
    (r"its label or its value leaves a part out \('(.*?)'\), and the figure computed for '([^']*)' leaves "
     r"nothing out", "son libellé ou sa valeur écarte une partie (« {0} »), alors que le chiffre recalculé pour « {1} » "
     "n'écarte rien : le classeur ne calcule pas de chiffre privé d'une partie (comparer le chiffre de chaque partie "
     "que donne le rapport, ou reformuler le libellé si les données écartent aussi cette partie)"),
    (r"its label or its value gives the men's share \('(.*?)'\), and the figure computed is the women's share",
     "son libellé ou sa valeur donne la part des hommes (« {0} »), alors que le chiffre recalculé est la part des "
     "femmes : écrire la part des femmes que donne le rapport, ou retirer cette ligne (avec des participants de sexe "
     "inconnu, la part des hommes n'est pas 100 % moins celle des femmes)"),
    (r"its label or its value gives the men's ratio to women \('(.*?)'\), and the index computed is women / men",
     "son libellé ou sa valeur donne le rapport des hommes aux femmes (« {0} »), alors que l'indice recalculé est "
     "femmes / hommes : écrire l'indice que donne le rapport en femmes / hommes (1 / 1,5 = 0,67), ou retirer cette "
     "ligne"),
    (r"its label or its value speaks of the whole project \('(.*?)'\), and the figure computed in this annex is "
     r"(.*?)'s:", "son libellé ou sa valeur parle de tout le projet (« {0} »), alors que le chiffre recalculé dans "
     "cette annexe est celui de {1} : laisser sa colonne pays vide (ou « regional ») pour le vérifier dans l'annexe "
     "du projet, ou reformuler le libellé si le chiffre est celui du pays"),
    (r"its label names one country \('(.*?)'\), and the figure computed for '([^']*)' is the whole project's: "
     r".*, or the key '([^']*)'",
     lambda country, key, named: f"son libellé nomme un pays (« {country} »), alors que le chiffre recalculé pour "
                                 f"« {key} » est celui de tout le projet : écrire « {country} » dans sa colonne pays "
                                 f"(son annexe le vérifie), ou la clé « {named} » là où l'annexe du projet calcule le "
                                 "chiffre par pays"),
    (r"printed as a count \('(.*)'\), and '([^']*)' is a share \(%\): a count is another figure",
     "publié comme un effectif (« {0} »), alors que le chiffre recalculé est une part (%) : un effectif est un autre "
     "chiffre (écrire la part que donne le rapport)"),
    (r"printed as a percentage, and '([^']*)' is (an amount|a count): a share is another figure",
     lambda metric, what: "publié en pourcentage, alors que le chiffre recalculé est "
                          + ("un montant" if what == "an amount" else "un effectif") + " : une part est un autre "
                          "chiffre (écrire " + ("le montant" if what == "an amount" else "l'effectif") + " que donne "
                          "le rapport, ou la métrique de la part, par exemple physical_execution_rate)"),
    # (« 300 au 2020-06-30 » beside an impact figure, or a date not read as a day: it was « a range »)
    (r"its value is written with a date \('([^']*)'\) that the workbook cannot compare",
     "sa valeur est écrite avec une date (« {0} ») que le classeur ne peut pas comparer au chiffre qu'il calcule : "
     "écrire la valeur seule, et la date dans le libellé"),
    (r"write the key '([^']*)' to compute it at that date", "écrire la clé « {0} » pour le calculer à cette date"),
    (r"write the key '([^']*)' to compare it with that period", "écrire la clé « {0} » pour le comparer à cette "
     "période"),
    (r"the indicators table has no period of this indicator at that date", "le tableau des indicateurs n'a pas de "
     "période de cet indicateur à cette date"),
    (r"the workbook computes it at the reporting date only", "le classeur ne le calcule qu'à la date de référence"),
    (r"a label whose date is not the figure's: reword it", "si la date du libellé n'est pas celle du chiffre, "
     "reformuler le libellé"),
    (r"printed in (\S+), the outcome is a yes/no share \(a fraction of 1: 0\.27 is 27 percentage points\)",
     lambda named: f"publié en {named.replace('+', ' et en ')}, alors que la variable de résultat est une part (oui/non, "
                   "une fraction de 1 : 0,27 fait 27 points de pourcentage)"),
    (r"printed in (\S+), the outcome names no currency and the project's is (\S+): name the outcome's currency in "
     r"its header or label \(« Revenu \(\S+\) »\) if it is in \S+",
     lambda named, own: f"publié en {named.replace('+', ' et en ')}, alors que la variable de résultat ne nomme pas de "
                        f"devise et que celle du projet est {own} : nommer la devise dans son en-tête ou son libellé "
                        f"(« Revenu ({named}) ») si elle est en {named}"),
    (r"printed in (\S+), the outcome is in (\S+) \(the workbook does not convert currencies\)",
     lambda named, own: f"publié en {named.replace('+', ' et en ')}, la variable de résultat est en {own} "
                        "(le classeur ne convertit pas les devises)"),
    (r"printed as a percentage or in points, the outcome is an amount in (\S+): the workbook compares its effects "
     r"in \S+ \(write the figure the report gives in \S+\)",
     lambda own: f"publié en pourcentage ou en points, alors que la variable de résultat est un montant en {own} : le "
                 f"classeur compare ses effets en {own} (écrire le chiffre que le rapport donne en {own})"),
    (r"printed in (\S+), the project's figures are in (\S+)",
     lambda named, own: f"publié en {named.replace('+', ' et en ')}, les chiffres du projet sont en {own} "
                        "(le classeur ne convertit pas les devises)"),
    (r"the figure could not be computed from the data", "les données ne permettent pas de le calculer"),
    (r"unknown comparison '([^']*)'", "comparaison « {0} » inconnue (=, >, >=, <, <=, ~)"),
    (r"computed (\S+) is not (>=|<=|>|<|~|=) (\S+)",
     lambda a, op, b: f"le chiffre recalculé {_french_number(a)} n'est pas {_COMPARED[op]} {_french_number(b)}"),
    (r"no rows with this outcome", "aucune ligne pour cette variable de résultat"),
    (r"no residual variance", "aucune variance résiduelle : pas d'erreur type"),
    (r"no treated rows", "aucune unité traitée"),
    (r"no comparison rows", "aucune unité de comparaison"),
    (r"no variance in either", "aucune variance dans l'un des groupes"),
    (r"the propensity score cannot be fitted", "le score de propension ne peut pas être estimé"),
    (r"no row has (\S+) = '([^']*)'", "aucune ligne n'a {0} = « {1} »"),
]
_UNKNOWN_REASON = {"fr": "non calculable : la raison est dans la colonne « note » du fichier figures.csv",
                   "en": "not computable: the reason is in the 'note' column of figures.csv"}


def _french_number(text: str) -> str:
    try:
        decimals = len(text.split(".", 1)[1]) if "." in text else 0
        return number(float(text), decimals, "fr")
    except ValueError:
        return text


@lru_cache(maxsize=1)
def _cost_reasons(lang: str = "fr") -> list[tuple[str, str]]:
    """The reasons of a cost per result (analyses.efficiency.REASONS, which says each in both languages for the
    notebook): the « Chiffres » sheet of a country without spending said « non calculable : la raison est dans la
    colonne « note » du fichier figures.csv » beside the cost per participant the page said n.d. « dépenses à cette
    date absentes des données »."""
    from ..analyses.efficiency import REASONS   # (lazily: the analyses import pandas)

    return [(re.escape(note.removeprefix("not computable: ")), french if lang == "fr" else english)
            for note, french, english in REASONS.values()]


def reason(note: Any, lang: str = "fr") -> str:
    """The annex's words for a helper's 'not computable' note. In French, a note the table above does not know says
    where its reason is rather than printing English."""

    if is_missing(note) or not str(note).strip():
        return ""
    text = str(note)
    if lang == "en":   # the helpers' English, less their own names and the '(s)' of counts
        text = re.sub(r"^[a-z_]+ \[[^\]]*\]: ", "", text.removeprefix("not computable: "))  # 'women_share [all]: '
        # the reason, not the calculation before it (« 0 women of 0 participants; not computable: no participants
        # with women known »)
        _, said, why = text.partition("; not computable: ")
        text = why if said else text
        # a cost's reason, not its calculation (« no actual; spent on R1 up to 2020-12-31: 241377.03 / actual n/a
        # (qualitatif); shared, not divided: R1 also finance(s) ... »): the note column keeps that
        plain = next((english for pattern, english in _cost_reasons("en") if re.match(pattern + "; spent on ", text)),
                     None)
        if plain:
            return plain
        for pattern, english in _REASONS_EN:
            text = re.sub(pattern, english, text)
        return text
    found = []
    for pattern, french in _REASONS_FR + _cost_reasons():
        match = re.search(pattern, text)
        if match:
            groups = [date(g, lang) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", g) else g for g in match.groups()]
            found.append(french(*groups) if callable(french) else french.format(*groups))
            # a reason said once: a shorter pattern ('no budget line') does not find it again inside this one
            text = text[:match.start()] + "\x00" * (match.end() - match.start()) + text[match.end():]
    # (« celui de Maroc », « de Égypte »: a reason built around a country's name)
    return french_prepositions(" ; ".join(dict.fromkeys(found))) or _UNKNOWN_REASON["fr"]


def _counted(match: Any) -> str:
    """'5 line(s)' -> '5 lines', '1 line(s)' -> '1 line'."""
    n, word = match.group(1), match.group(2)
    return f"{n} {word}" if n == "1" else f"{n} {word}s"


# The helpers' notes in the annex's English: no parameter name, no raw number, no '(s)'
_REASONS_EN = [
    (r"the project's budget_total \((-?\d+(?:\.\d+)?)\) is project-wide, not applied to a country annex",
     lambda m: f"the project's total budget ({float(m.group(1)):,.2f}) is the whole project's, not a country's"),
    (r"no budget_total declared", "no total budget declared for the project (budget_total)"),
    (r"no participants with women known", "no participant whose sex is known"),
    (r"\b(\d+) ([a-z]+(?: [a-z]+)??)\(s\)", _counted),
]


def missing(lang: str = "fr") -> str:
    return _MISSING[_check(lang)]


# The annex's vocabulary. Keys are the workbook's own names (metrics, statuses, columns).
WORDS: dict[str, dict[str, str]] = {
    # activity statuses
    "done": {"fr": "Réalisé", "en": "Done"},
    "in_progress": {"fr": "En cours", "en": "In progress"},
    "not_started": {"fr": "Non démarré", "en": "Not started"},
    "delayed": {"fr": "Retardé", "en": "Delayed"},
    "seriously_delayed": {"fr": "En sérieux retard", "en": "Seriously delayed"},
    "on_time": {"fr": "Dans les délais", "en": "On time"},
    "ahead": {"fr": "En avance", "en": "Ahead"},
    "cancelled": {"fr": "Annulé", "en": "Cancelled"},
    "unknown": {"fr": "Sans statut", "en": "No status"},   # empty or not a code (analyses.execution.UNKNOWN)
    # RAG and bands
    "green": {"fr": "Vert", "en": "Green"},
    "amber": {"fr": "Orange", "en": "Amber"},
    "red": {"fr": "Rouge", "en": "Red"},
    "above band": {"fr": "au-dessus de la norme", "en": "above the usual band"},
    "below band": {"fr": "en dessous de la norme", "en": "below the usual band"},
    "within band": {"fr": "dans la norme", "en": "within the usual band"},
    "parity": {"fr": "parité", "en": "parity"},
    "women under-represented": {"fr": "femmes sous-représentées", "en": "women under-represented"},
    "men under-represented": {"fr": "hommes sous-représentés", "en": "men under-represented"},
    # indicator anomalies
    "baseline_beyond_final_target": {"fr": "La valeur de référence atteint déjà la cible finale",
                                     "en": "The baseline already meets the final target"},
    "baseline_beyond_period_target": {"fr": "La valeur de référence atteint déjà la cible de la période",
                                      "en": "The baseline already meets the period target"},
    "period_target_beyond_final_target": {"fr": "La cible de la période dépasse la cible finale",
                                          "en": "The period target goes beyond the final target"},
    "zero_target_with_actual": {"fr": "Cible nulle, mais une valeur réalisée",
                                "en": "A zero target, but an actual value"},
    "missing_target": {"fr": "Aucune cible, ni de période ni finale", "en": "No target, neither period nor final"},
    "actual_falls": {"fr": "La valeur réalisée baisse d'une période à l'autre",
                     "en": "The actual falls from one period to the next"},
    "direction_not_given": {"fr": "Une cible sous la valeur de référence, sans sens indiqué (à la baisse ?)",
                            "en": "A target below the baseline, and no direction (decrease?)"},
    "fraction_for_percent": {"fr": "Une fraction de 1 pour un pourcentage ?",
                             "en": "A fraction of 1 for a percentage?"},
    "targets_per_period": {"fr": "Cibles par période (leur somme est la cible finale), réalisé cumulé : le % de la "
                                 "cible de la période est surestimé",
                           "en": "Targets per period (they add up to the final target), actual to date: the % of the "
                                 "period target is overstated"},
    "total_target_on_sexes": {"fr": "La cible du total reprise sur les lignes des femmes et des hommes : leur % n'est "
                                     "pas calculé",
                              "en": "The total's target written on the women's and the men's rows: their % is not "
                                    "computed"},
    "not_measured_since": {"fr": "Dernière mesure plus d'un an avant celle des autres indicateurs : valeur non "
                                  "actuelle", "en": "Last measured more than a year before the other indicators: not a "
                                  "current value"},
    "scale_not_from_zero": {"fr": "Échelle ne commençant pas à 0 (score de 1 à 5) : le % de la cible compte depuis 0",
                            "en": "A scale not starting at 0 (a score of 1 to 5): the % of the target counts from 0"},
    "units_differ": {"fr": "Une autre unité que celle de la première ligne de l'indicateur : deux mesures sous un code ?",
                     "en": "Another unit than the indicator's first row's: two measures under one code?"},
    # reconciliation
    "match": {"fr": "Conforme", "en": "Match"},
    "truncated": {"fr": "Tronqué", "en": "Truncated"},
    "mismatch": {"fr": "Écart", "en": "Mismatch"},
    "not_computable": {"fr": "Non calculable", "en": "Not computable"},
    # metrics
    "physical_execution_rate": {"fr": "Taux d'exécution physique", "en": "Physical execution rate"},
    "physical_progress_rate": {"fr": "Taux d'avancement physique", "en": "Physical progress rate"},
    "activity_status_count": {"fr": "Activités par statut", "en": "Activities by status"},
    "budget": {"fr": "Budget", "en": "Budget"},
    "spent": {"fr": "Dépenses cumulées", "en": "Cumulative spending"},
    "financial_execution_rate": {"fr": "Taux d'exécution financière", "en": "Financial execution rate"},
    "unallocated_budget": {"fr": "Budget non ventilé", "en": "Unallocated budget"},
    "spending_share": {"fr": "Part des dépenses", "en": "Share of spending"},
    "staff_cost_share": {"fr": "Part des coûts de personnel", "en": "Staff-cost share"},
    "burn_index": {"fr": "Indice de consommation", "en": "Burn index"},
    "women_share": {"fr": "Part des femmes", "en": "Women's share"},
    "gender_parity_index": {"fr": "Indice de parité", "en": "Gender parity index"},
    "persons": {"fr": "Personnes distinctes", "en": "Distinct persons"},
    "participants": {"fr": "Participants (participations)", "en": "Participants (participations)"},
    "indicator_achievement": {"fr": "% de la cible de la période", "en": "% of period target"},
    "indicator_achievement_final": {"fr": "% de la cible finale", "en": "% of final target"},
    "cost_per_unit": {"fr": "Coût unitaire", "en": "Cost per unit"},
    "cost_per_participant": {"fr": "Coût par participant", "en": "Cost per participant"},
    "cost_per_woman": {"fr": "Coût par femme formée", "en": "Cost per woman trained"},
    "cost_to_benchmark": {"fr": "Coût / référence", "en": "Cost / benchmark"},
    "indicator_anomaly": {"fr": "Anomalie d'indicateur", "en": "Indicator anomaly"},
    "impact_effect": {"fr": "Effet estimé", "en": "Estimated effect"},
    "balance_smd": {"fr": "Différence standardisée", "en": "Standardised difference"},
    "reported_figure": {"fr": "Chiffre publié", "en": "Published figure"},
    "impact_panel_effect": {"fr": "Effet sur le panel cylindré", "en": "Effect over the balanced panel"},
    "impact_cohort_effect": {"fr": "Effet par cohorte (adoption échelonnée)", "en": "Effect by cohort (staggered adoption)"},
    "impact_naive_effect": {"fr": "Effet naïf (sans ajustement)", "en": "Naive effect (unadjusted)"},
    "impact_adjusted_effect": {"fr": "Effet ajusté", "en": "Adjusted effect"},
    "impact_p_holm": {"fr": "p ajustée (Holm)", "en": "Adjusted p (Holm)"},
    "impact_mde": {"fr": "Effet minimal détectable", "en": "Minimum detectable effect"},
    "impact_control_mean": {"fr": "Moyenne du groupe de comparaison", "en": "Comparison-group mean"},
    "impact_n_units": {"fr": "Unités par groupe", "en": "Units per arm"},
    "impact_attrition": {"fr": "Attrition par groupe", "en": "Attrition per arm"},
    "impact_relative_effect": {"fr": "Effet relatif", "en": "Relative effect"},
    "impact_icc": {"fr": "Corrélation intra-grappe", "en": "Intra-cluster correlation"},
    "impact_effect_sd": {"fr": "Effet en écarts types", "en": "Effect in standard deviations"},
    "impact_log_change": {"fr": "Effet en % (variable en logarithme)", "en": "Effect in % (log outcome)"},
    "impact_subgroup_effect": {"fr": "Effet par sous-groupe", "en": "Effect by subgroup"},
    "impact_subgroup_difference_p": {"fr": "Différence d'effet entre sous-groupes (p)",
                                     "en": "Difference of effect between subgroups (p)"},
    "impact_lee_bound": {"fr": "Borne de Lee", "en": "Lee bound"},
    "impact_effect_other_se": {"fr": "Effet avec une autre erreur type", "en": "Effect with another standard error"},
    "balance_mean": {"fr": "Moyenne d'une covariable par groupe", "en": "Covariate mean per group"},
    "comparison_ess": {"fr": "Taille effective du groupe de comparaison", "en": "Comparison group's effective size"},
    "balance_smd_unweighted": {"fr": "Différence standardisée avant pondération",
                               "en": "Standardised difference before weighting"},
    "balance_smd_weighted": {"fr": "Différence standardisée après pondération",
                             "en": "Standardised difference after weighting"},
    "balance_joint_p": {"fr": "Test joint d'équilibre (p)", "en": "Joint balance test (p)"},
    "event_study_effect": {"fr": "Effet par période (étude d'événement)", "en": "Effect by period (event study)"},
    "survey_mean": {"fr": "Moyenne estimée (enquête)", "en": "Estimated mean (survey)"},
    "survey_total": {"fr": "Total estimé (enquête)", "en": "Estimated total (survey)"},
    "survey_share": {"fr": "Part estimée (enquête)", "en": "Estimated share (survey)"},
    "survey_ratio": {"fr": "Ratio estimé (enquête)", "en": "Estimated ratio (survey)"},
    "survey_deff": {"fr": "Effet de plan", "en": "Design effect"},
    # sections
    "execution": {"fr": "Exécution physique", "en": "Physical execution"},
    "indicators": {"fr": "Suivi des indicateurs", "en": "Indicator tracking"},
    "gender": {"fr": "Participation des femmes", "en": "Women's participation"},
    "impact": {"fr": "Études d'impact", "en": "Impact studies"},
    "reconciliation": {"fr": "Vérification des chiffres publiés", "en": "Check of published figures"},
    "efficiency": {"fr": "Coût par résultat", "en": "Cost per result"},
    "surveys": {"fr": "Enquêtes auprès des bénéficiaires", "en": "Beneficiary surveys"},
    # the other statuses of the figures, and a unit
    "shared": {"fr": "ligne partagée", "en": "shared line"},
    "upper bound": {"fr": "borne supérieure", "en": "upper bound"},
    "count": {"fr": "nombre", "en": "count"},
    # an impact effect or mean of a 0/1 outcome (impact.outcome_unit): a fraction of 1, 0.27 is 27 points
    "share": {"fr": "part (fraction de 1)", "en": "share (fraction of 1)"},
    # common column headings
    "country": {"fr": "Pays", "en": "Country"},
    "regional": {"fr": "Régional", "en": "Regional"},
    "all": {"fr": "Ensemble", "en": "All"},
    "total": {"fr": "Total", "en": "Total"},
    "result": {"fr": "Résultat", "en": "Result"},
    "output": {"fr": "Produit", "en": "Output"},
    "status": {"fr": "Statut", "en": "Status"},
    "n": {"fr": "Nombre", "en": "Count"},
    "label": {"fr": "Libellé", "en": "Label"},
    "line": {"fr": "Ligne", "en": "Line"},
    "category": {"fr": "Catégorie", "en": "Category"},
    "participants": {"fr": "Participants", "en": "Participants"},
    "women": {"fr": "Femmes", "en": "Women"},
    "men": {"fr": "Hommes", "en": "Men"},
    "unknown_sex": {"fr": "Sexe non renseigné", "en": "Sex not recorded"},
    "event": {"fr": "Événement", "en": "Event"},
    "group": {"fr": "Groupe", "en": "Group"},
    "indicator": {"fr": "Indicateur", "en": "Indicator"},
    "period": {"fr": "Période", "en": "Period"},
    "baseline": {"fr": "Référence", "en": "Baseline"},
    "target": {"fr": "Cible", "en": "Target"},
    "target_final": {"fr": "Cible finale", "en": "Final target"},
    "actual": {"fr": "Réalisé", "en": "Actual"},
    "rag": {"fr": "Appréciation", "en": "Rating"},
    "rule": {"fr": "Règle", "en": "Rule"},
    "note": {"fr": "Remarque", "en": "Note"},
    "value": {"fr": "Valeur", "en": "Value"},
    "reported": {"fr": "Publié", "en": "Published"},
    "computed": {"fr": "Recalculé", "en": "Recomputed"},
    "source": {"fr": "Source", "en": "Source"},
    "difference": {"fr": "Écart", "en": "Difference"},
    "estimate": {"fr": "Estimation", "en": "Estimate"},
    "se": {"fr": "Erreur type", "en": "Std. error"},
    "ci": {"fr": "IC 95 %", "en": "95% CI"},
    "p_value": {"fr": "p", "en": "p"},
    "outcome": {"fr": "Variable de résultat", "en": "Outcome"},
    "treated": {"fr": "Traités", "en": "Treated"},
    "comparison": {"fr": "Comparaison", "en": "Comparison"},
    "covariate": {"fr": "Covariable", "en": "Covariate"},
    "government": {"fr": "Gouvernement", "en": "Government"},
    "workers": {"fr": "Travailleurs", "en": "Workers"},
    "employers": {"fr": "Employeurs", "en": "Employers"},
    "civil_society": {"fr": "Société civile", "en": "Civil society"},
    "migrants": {"fr": "Migrants", "en": "Migrants"},
    "other": {"fr": "Autre", "en": "Other"},
    "staff": {"fr": "Personnel", "en": "Staff"},
    "operational": {"fr": "Opérationnel", "en": "Operational"},
    "support": {"fr": "Appui", "en": "Support"},
    # the key of the cost per woman's benchmark (« Coût / référence woman » in a French annex)
    "woman": {"fr": "femme", "en": "woman"},
}


def word(key: Any, lang: str = "fr") -> str:
    """The annex's word for a workbook name; a name it does not know is shown as it is."""
    _check(lang)
    if is_missing(key):
        return _MISSING[lang]
    entry = WORDS.get(str(key))
    return entry[lang] if entry else str(key)
