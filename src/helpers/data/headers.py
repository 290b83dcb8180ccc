"""French and English headers (spec.HEADER_ALIASES) read as the contract's columns: `femmes` and `female` are `women`;
and headers with a note: `Femmes (nombre)` is `women`, `Budget (EUR)` is `budget`.

The loader calls ``header_sets`` to find a header row written in French or English below title rows,
``translate`` to rename those columns of a table as read (a contract header present in the same file wins over its
other name, which is then reported as ignored), and ``noted_headers`` to read a header with a note (`Femmes (nombre)`,
`Avancement (%)`) as its column; in an amount's header the note may be a unit: the project's currency is the column
itself; another currency, or thousands (`k€`, `'000 EUR`, `en milliers`), is refused, since the workbook reads
amounts in units of the project's currency and converts nothing.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from typing import Sequence

from ..errors import Problem
from ..text import fold
from .readers import RawTable, header_name, split_note
from .status import normalise_status
from .spec import HEADER_ALIASES, SPEC
from .currencies import CODES, currency_code, is_iso_code, is_known, nearest_codes, same_currency


def _aliases(table: str) -> dict[str, str]:
    """Folded French or English header -> contract column."""
    return {fold(alias): column for column, names in HEADER_ALIASES.get(table, {}).items() for alias in names}


def aliases_of(table: str, column: str) -> list[str]:
    """The other names a column is read under (its French and English headers), folded."""
    return [alias for alias, name in _aliases(table).items() if name == column]


def header_sets(table: str, required_sets: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    """The required sets, then every way of writing them with the columns' other names (`événement`,
    `code_événement` or `event` for `event_id`, mixed with the contract's): a header row below title rows is found
    whichever names it uses. A few hundred sets per table at most."""
    names = HEADER_ALIASES.get(table, {})
    if table == "expenditure":   # `Période` alone is the period_end (lone_period): was not found below a title row
        names = {**names, "period_end": (*names.get("period_end", ()), *names.get("period_label", ()))}
    out = dict.fromkeys(tuple(r) for r in required_sets)   # (a dict: the sets in order, each once, found at once)
    for required in required_sets:
        out.update(dict.fromkeys(itertools.product(*[(c, *names.get(c, ())) for c in required])))
    return list(out)


def is_alias(table: str, name: str) -> bool:
    """Whether a header is another name of one of the table's columns (left as it is when the column is there)."""
    return fold(name) in _aliases(table)


def translate(table: str, raw: RawTable) -> list[Problem]:
    """Rename the French and English columns of ``raw`` (in place) to the contract's names; a warning when both are
    present."""
    aliases = _aliases(table)
    renames: dict[str, str] = {}
    problems: list[Problem] = []
    present = set(raw.frame.columns)
    if table == "expenditure":
        # `Période` beside `Libellé période` and no `period_end`: the first is the period each amount ends (as
        # lone_period reads it alone), the second its label; the label was ignored, « the file also has 'Période' »
        said = [n for n in raw.frame.columns if (aliases.get(fold(n)) or n) in ("period_label", "period_end")]
        lone = next((n for n in said if fold(n) == "periode"), None)
        if lone is not None and len(said) > 1 and all((aliases.get(fold(n)) or n) == "period_label" for n in said):
            renames[lone] = "period_end"
    for name in raw.frame.columns:
        column = aliases.get(fold(name))
        if table == "activities" and column == "status" and _percentages(raw.frame[name]):
            # `État d'avancement` names a status (« Achevé ») or a progress (« 60 % ») as offices fill it: one holding
            # only numbers is the progress (it was ignored beside `Statut`, the progress of every activity lost)
            column = "progress"
        if column is None or column == name or name in renames:
            continue
        if column in present or column in renames.values():
            written = raw.headers.get(name, name)
            kept = next((n for n, c in renames.items() if c == column), column)   # as the file heads it
            disagree = _disagreeing(table, raw, column, kept, name)
            if disagree:   # `Montant` and `Dépenses` both amounts: the figure was the left one's, warned only
                problems += disagree
                raw.disputed.add(column)
                continue
            problems.append(dataclasses.replace(raw.problem(   # named as the file heads it (was « 'dépenses' »)
                "french_duplicate", f"the column '{written}' (another name for '{column}') is ignored: the file also "
                f"has a column '{raw.headers.get(kept, kept)}'", "Keep one of the two columns.",
                index=raw.header_row, column=name, severity="warning"), column=written))
            continue
        renames[name] = column
    _rename(raw, renames)
    return problems


def _disagreeing(table: str, raw: RawTable, column: str, kept: str, name: str) -> list[Problem]:
    """An error at the first row where ``name``, another header of ``column``, differs from ``kept`` (see
    _disagreeing_row); none when they agree."""
    row = _disagreeing_row(table, column, raw.frame[kept], raw.frame[name])
    if row is None:
        return []
    written = raw.headers.get(name, name)
    here, there = (_cell(raw.frame.at[row, c]) for c in (kept, name))
    return [dataclasses.replace(raw.problem(
        "aliases_disagree", f"the columns '{raw.headers.get(kept, kept)}' and '{written}' are both '{column}' and "
        f"differ: '{here}' and '{there}' on this row", f"Keep the column that holds the {column} to use and delete "
        f"the other (or rename it, e.g. '{'autre_code' if column in ROW_CODES else column + '_initial'}').", index=row,
        column=name, value=there),
        column=written)]   # the column as the file heads it


ROW_CODES = ("line", "activity_id", "event_id", "indicator_id", "figure_id")   # what the rows are matched by


def _cell(value) -> str:
    return "" if value is None or value != value else str(value).strip()


_PACE = {"delayed", "seriously_delayed", "on_time", "ahead"}   # statuses that say an activity's pace, not its state
_PERCENTAGE = re.compile(r"^\d+(?:[.,]\d+)?\s*%?$")


def _percentages(cells) -> bool:
    """Whether a column holds numbers only (« 60 % », 60, 0.6), at least one."""
    written = [_cell(v) for v in cells]
    return any(written) and all(_PERCENTAGE.match(v.replace("\u00a0", " ").replace("\u202f", " ")) for v in written if v)


def _disagreeing_row(table: str, column: str, kept, other):
    """The first row where two headers of one number column (`Montant`, `Dépenses`) hold different numbers, or the
    kept one is empty and the other not; None when they agree (the same column twice: a warning is enough). So for a
    table's codes: `Code` and `Code ligne` in a budget holding different codes are two columns that could be the
    line, and the one read was the left one's, warned only."""
    spec = SPEC[table].column(column)
    if spec is None or spec.kind != "float" and column not in (*ROW_CODES, "status"):
        return None
    for row, a, b in zip(kept.index, kept, other):
        a, b = _cell(a), _cell(b)
        if a == b or not b:
            continue
        if not a:
            return row
        if column == "status":   # « Réalisé » and « Achevé » agree; a label only the project's synonyms know may too
            codes = {normalise_status(x) for x in (a, b)}
            # (« En cours » or « Réalisé » beside « En retard »: the state and its pace, no contradiction)
            if None in codes or len(codes) == 1 or len(codes & _PACE) == 1:
                continue
            return row
        same = [re.sub(r"[\s\u00a0\u202f%]", "", x).replace(",", ".") for x in (a, b)]
        try:
            if float(same[0]) == float(same[1]):
                continue
        except ValueError:
            if same[0] == same[1]:
                continue
        return row
    return None


def lone_period(table: str, raw: RawTable) -> None:
    """A spending table whose one period column is headed « Période » (the name of `period_label`, beside a
    `period_end`): that column is the period each amount ends, `period_end` (a date, or a period read as its last
    day). It was refused, `period_end` missing."""
    if table == "expenditure" and "period_end" not in raw.frame.columns and "period_label" in raw.frame.columns:
        _rename(raw, {"period_label": "period_end"})


# -- a note in a header, and the unit in an amount's ----------------------------------------------------------------
# the currencies a header may name are those of data.currencies: "(TTC)" or "(révisé)" is a remark, not a currency
_SCALED = re.compile(r"\b(milliers?|milles?|thousands?|millions?|milliards?|billions?|mio|mn)\b|'?\b000s?\b"
                     # a factor or a divisor: « EUR x 1000 », « ×1 000 € », « 1000 EUR », « EUR/1000 »
                     r"|(?<![\d.,\s])\s*[x×*/]?\s*1[\s.,]?000(?:[\s.,]?000)?\b"
                     # (a local abbreviation too: « MDH », « MDT » are millions of dirhams, of dinars; « Mds »
                     # milliards; « kE », « k.EUR »; German tables' « TEUR », « T€ »)
                     r"|^(k|m|mds?)\.?\s*(€|\$|[a-z]{3}|dhs?|dt|da|ld|um|e|euros?|dollars?)?$|^t\s*(€|eur|euros?)$"
                     r"|^(€|\$|[a-z]{3})\s*(k|m)$")
_IN = re.compile(r"^(?:(?:montants?|amounts?|valeurs?|values?)\s+)?(?:en|in)\s+")
# the local currency of each office, not named (`Montant en devise locale`, `Amount (local currency)`, `LCY`)
_LOCAL = re.compile(r"\b(?:devises?|monnaies?)\s+(?:locales?|nationales?)\b|\blocal\s+currenc(?:y|ies)\b|"
                    r"^(?:lcy|lcu|local)$")


# what the messages say for the project's currency while project.yaml's `currency:` is empty (never a default's)
NO_CURRENCY = "the project's currency"


def _unit(note: str, currency: str) -> tuple[str, str] | None:
    """('scaled', note) for thousands or millions, ('currency', code) for a currency, None for a remark."""
    text = _IN.sub("", fold(note))
    if _SCALED.search(text):
        return "scaled", note
    code = currency_code(text)
    if same_currency(text, currency):   # (« Budget ($) » in a CAD project: its dollars, not USD)
        return "currency", currency_code(currency)
    if is_known(code) or same_currency(code, currency):
        return "currency", code
    # `Budget (KES)` in a USD project: an ISO 4217 code in capitals, beyond the few the workbook names in words, was a
    # remark, its Kenyan shillings read as dollars without a word
    if re.fullmatch(r"[A-Z]{3}", note.strip()) and is_iso_code(note.strip()):
        return "currency", note.strip()
    return None


# donors' acronyms one keystroke from a usual currency: « Budget (AFD) » was « did you mean AUD? », the evaluator sent
# looking for Australian dollars in a budget the Agence française de développement funds
DONORS = {"AFD": "Agence française de développement", "BAD": "Banque africaine de développement",
          "MAE": "ministère des Affaires étrangères"}


def _mistyped_code(note: str, currency: str) -> list[str]:
    """The currencies a header's note of three capitals that is no ISO 4217 code may have meant (`Budget (UDS)`:
    USD; `Montant (EUE)`: EUR), as params refuses `currency: UDS`: those one keystroke away among the projects'
    usual currencies and the project's own; [] for any other note (`(TTC)`, `(BIT)` stay remarks). The header was a
    remark, its amounts read as the project's currency without a word."""
    code = _IN.sub("", note.strip())
    if not re.fullmatch(r"[A-Z]{3}", code) or is_iso_code(code) or is_known(currency_code(code)) or code in DONORS:
        return []
    return [near for near in nearest_codes(code) if near in CODES or near == currency_code(currency)]


# what a note may say of a count, a date or a rate and leave it the column's: its unit, its format, "actual"
_NEUTRAL = frozenset("nombre nb n no total dont % pourcentage percent pct en in date jj mm aaaa dd yyyy oui non yes no "
                     "reel reels reelle reelles realise realises realisee realisees effectif effectifs actual".split())
# what makes a count a share (`Femmes (%)`, `Part des femmes`): 40 read as 40 women of 50 is 80 %
_SHARE = frozenset("% pourcentage pourcentages percent percentage pct taux part proportion share ratio".split())
# the small words of `Part des femmes`, `Share of women`
_FILLERS = frozenset("de des du d la le les l of the".split())
# what makes an amount another amount than the column's: planned, targeted, committed (a budget is planned already)
_PLANNED = frozenset("prevu prevus prevue prevues previsionnel previsionnelle prevision previsions planifie "
                     "planned plan cible cibles target targets objectif objectifs estime estimee estimation forecast "
                     "engage engages engagee engagees engagement engagements committed commitment commitments".split())


# the amounts the workbook adds up row by row (a count's note « (cumul) » is no plain note: not read at all), and
# the words of a note that makes them totals since the start
_ADDED_UP = {("expenditure", "amount")}
_CUMULATIVE = frozenset("cumul cumule cumules cumulee cumulees cumulatif cumulatifs cumulative cumulated "
                        "cumulatives ytd".split())
_SINCE_START = re.compile(r"\b(to date|a ce jour|a date|depuis le debut|since (the )?start|since inception|"
                          r"life of project)\b")


# an amount said cumulative in words, not in brackets: « Dépenses cumulées », « Cumul des dépenses », « Montant à ce
# jour », « Cumulative expenditure » were refused as « the required column 'amount' is missing », not saying why
_CUMULATIVE_WORDS = re.compile(r"(?P<base>.+?)\s+(?P<note>cumul\w*|to date|a ce jour|ytd)"
                               r"|(?P<note2>cumul\w*)\s+(?:(?:des?|du|de la|d'|of)\s*)?(?P<base2>.+)")


def _cumulative_words(text: Any) -> tuple[str, str] | None:
    """(base, note) of a header that says in words that its figures are cumulative, else None."""
    found = _CUMULATIVE_WORDS.fullmatch(fold(text)) if isinstance(text, str) else None
    if found is None:
        return None
    return (found["base"], found["note"]) if found["base"] else (found["base2"], found["note2"])


def _plain_note(column: str, note: str, money: bool, percent: bool) -> bool:
    """Whether a header's note leaves it the column's: `Femmes (nombre)`, `Avancement (%)`, `Budget (révisé)` do;
    `Participants (prévus)`, `Femmes (cible)`, `Montant (engagé)` do not (another figure than the contract's), nor
    does `Femmes (%)` (a share where the column counts)."""
    words = set(re.findall(r"[^\W_]+|%", fold(note)))
    if column == "weight":   # `Poids (%)`, `Poids (jours)`: the weights' unit, which relative weights do not mind
        return True
    if money:
        return column == "budget" or not words & _PLANNED
    return words <= (_NEUTRAL if percent else _NEUTRAL - _SHARE)


def noted_headers(table: str, raw: RawTable, currency: str) -> list[Problem]:
    """A header with a note read as its column (renamed in place), when no other column has that name and the note
    does not make it another figure (_plain_note): `Femmes (nombre)`, `Avancement (%)`, `Budget (révisé)`; for an
    amount also `Montant en euros`. An amount's note that names another currency or a scale (thousands, millions)
    is refused at the header; the project's currency is the column itself."""
    spec = SPEC[table]
    money = {c.name for c in spec.columns if c.money}
    percent = {c.name for c in spec.columns if c.percent}
    names = set(spec.names) | ({c.name for c in spec.register.columns} if spec.register else set())
    aliases = _aliases(table)
    found: dict[str, list[tuple[str, str]]] = {}
    mistyped: dict[str, str] = {}
    problems: list[Problem] = []
    for name in raw.frame.columns:
        written = raw.headers.get(name, name)
        bracket = split_note(written)
        split = bracket or split_note(written, unit=True)
        worded = split is None and _cumulative_words(written)   # « Dépenses cumulées »: no brackets
        split = split or worded or None
        if split is None:
            continue
        base = header_name(split[0])
        column = base if base in names else aliases.get(fold(base))
        if worded and (table, column) not in _ADDED_UP:
            continue    # (« Budget cumulé » stays an unknown column, as before)
        # (`or None`: a header with a note in words, `Montant en retard`, is no bracket; `None or False` made it one,
        # and read it as the amount)
        bracket = bracket or worded or None
        if column is not None and column in raw.frame.columns and column in money and \
                _unit(split[1], currency) == ("currency", currency_code(currency)):
            # `Montant (XOF)` beside `Dépenses` in an XOF project: both are the amount, and the figure was the
            # second's when they differ, told only that `Montant (XOF)` was ignored
            problems += _disagreeing(table, raw, column, column, name)
        if column is None or column in raw.frame.columns:
            continue
        local = column in money and bool(_LOCAL.search(fold(split[1])))
        if column in money and (donor := DONORS.get(split[1].strip())):
            # warned as a mistyped currency was: the amounts may be that donor's share only of a co-financed budget
            problems.append(_at_header(raw, name, "other_currency", (
                f"the header's note {split[1].strip()} is a donor's acronym ({donor}), not a currency; the project's "
                f"currency is {currency} (params, project.yaml), and the amounts are read in {currency}"),
                f"Write the header '{column}' alone if the amounts are in {currency}; if they are that donor's "
                f"share only, write each line's whole amount under '{column}' and the share in a column of its own.",
                severity="warning"))
            mistyped[name] = column
            continue
        if column in money and (near := _mistyped_code(split[1], currency)):
            # a warning, never a refusal: UDS in a USD project leaves the amounts right, and three capitals one
            # keystroke from a currency are as often a donor's acronym (« Budget (AFD) »: AUD; (BAD): CAD; (MAE):
            # MAD) as another currency mistyped (EUE: euros read as dollars, which the warning names)
            problems.append(_at_header(raw, name, "other_currency", (
                f"the header gives its amounts in {split[1].strip()}, no currency's ISO 4217 code (did you mean "
                f"{' or '.join(near)}?); the project's currency is {currency} (params, project.yaml), and the "
                f"amounts are read in {currency}"),
                f"Write the header '{column}' alone if the amounts are in {currency}; the workbook does not "
                f"convert: amounts in another currency are converted to {currency} first; a note that is no "
                f"currency (a donor's acronym) goes in a column of its own.",
                severity="warning"))
            mistyped[name] = column   # read as that column (no "required column missing" besides)
            continue
        if bracket is None and (column not in money or _unit(split[1], currency) is None) and not local:
            continue    # 'Montant en retard' is no unit, 'Date en clair' no note
        if not _plain_note(column, split[1], column in money, column in percent):
            continue    # 'Participants (prévus)' are not the participants: the column stays unknown
        if (table, column) in _ADDED_UP and (set(re.findall(r"[^\W_]+", fold(split[1]))) & _CUMULATIVE
                                              or _SINCE_START.search(fold(split[1]))):
            # `Montant (cumulé)`: totals since the start, read as each period's and added up (3 300 000 spent on a
            # line whose statement says 2 300 000 to date), nothing said
            problems.append(_at_header(raw, name, "cumulative_header", (
                f"the header says its figures are cumulative ({split[1]}): the workbook adds the rows up, so each "
                "total since the start would be counted again with the earlier ones"),
                f"Write each row's own {column} (for a period, its total minus the previous one) under the header "
                f"'{column}'."))
            continue
        found.setdefault(column, []).append((name, split[1]))
    renames = dict(mistyped)
    for column, named in found.items():
        mine = [(n, note) for n, note in named if not _LOCAL.search(fold(note))]
        if len(mine) == 1 < len(named):
            named = mine   # `Montant (EUR)` beside `Montant en devise locale`: the project's is the amount
        if len(named) > 1:    # `budget (initial)` and `budget (révisé)`: which one is meant is the evaluator's call
            if column in spec.required:   # said only « the required column 'budget' is missing »: name both
                shown = [str(raw.headers.get(n, n)) for n, _ in named]
                problems.append(_at_header(raw, named[1][0], "headers_ambiguous", (
                    f"the columns {', '.join(repr(h) for h in shown)} are {'both' if len(shown) == 2 else 'all'} "
                    f"'{column}': the workbook reads none of them, which one the figures use is yours to say"),
                    f"Name the column to use '{column}' (the others are then ignored, with a warning)."))
            continue
        name, note = named[0]
        unit = _unit(note, currency) if column in money else None
        if column in money and _LOCAL.search(fold(note)):
            # `Montant en devise locale`: each office's MAD, TND or EGP were added up as the project's EUR, the
            # only sign a warning on the TND's three decimals
            problems.append(_at_header(raw, name, "other_currency", (
                f"the header gives its amounts in the local currency ({note}), and the project's currency is "
                f"{currency} (params, project.yaml): they would be added up as {currency}"),
                f"The workbook does not convert: write each amount in {currency} (at the rate of your financial "
                f"reports) in a column '{column}'; keep the local amounts, if you wish, in a column "
                f"'{column}_local'."))
        elif unit is not None and unit[0] == "scaled":
            problems.append(_at_header(raw, name, "scaled_amounts", (
                f"the header gives its amounts in thousands or millions ({note}): the workbook reads "
                f"amounts in {currency}, and would show them 1 000 or 1 000 000 times too small"),
                f"Write the amounts in {currency} (12 500 for 12,5 k) and the header '{column}'."))
        elif unit is not None and not same_currency(unit[1], currency):
            problems.append(_at_header(raw, name, "other_currency", (
                f"the header gives its amounts in {unit[1]}, and the project's currency is {currency} "
                f"(params, project.yaml): they would be added up as {currency}"),
                f"The workbook does not convert: write the amounts in {currency}, or set `currency: {unit[1]}` in "
                "project.yaml if the whole project is in that currency."))
        renames[name] = column    # refused or not, it is that column (no "required column missing" besides)
    _rename(raw, renames)
    return problems


# where a title row names the amounts' unit: a bracket, or what follows "en"/"in" (`Montants en milliers d'euros`)
_TITLE_NOTES = re.compile(r"\(([^()]*)\)|\b(?:en|in)\s+([^,;:()]+)")
_FIGURE = re.compile(r"\d")
_SCALE_DIGITS = re.compile(r"'?\b1?[ .,]?000s?\b")


def titled_units(table: str, raw: RawTable, currency: str) -> list[Problem]:
    """An amount's unit written in a title row above the header (`Budget du projet (en milliers d'euros)`,
    `Montants en EUR`) rather than in the amount's header: refused, as the header would be (noted_headers). A note
    holding a figure (`(3 millions EUR)`) states an amount, not the unit."""
    if not raw.titles or not any(c.money for c in SPEC[table].columns):
        return []
    problems: list[Problem] = []
    for row, text in raw.titles:
        folded = fold(text)
        notes = [n for match in _TITLE_NOTES.finditer(folded) for n in match.groups() if n]
        if len(folded) <= 20:
            notes.append(folded)   # `k€`, `EUR '000` alone in a title cell
        near = _title_mistyped(text, currency)
        if near and not any(_unit(n.strip(), currency) for n in notes):
            # `Montants en EUE` above a USD budget: the header's `Budget (EUE)` is warned, the title's was not a
            # word (EUR read as USD if it meant EUR); `Budget (AFD)`: a donor named, not AUD
            code, meant = near
            said = (f"names {code}, a donor's acronym ({DONORS[code]}), not a currency" if not meant else
                    f"gives its amounts in {code}, no currency's ISO 4217 code (did you mean {' or '.join(meant)}?)")
            problems.append(raw.problem("other_currency", (
                f"the title above the table {said}; the project's currency is {currency} (params, project.yaml), and "
                f"the amounts are read in {currency}"),
                f"Delete the title's {code if not meant else 'currency'} if the amounts are in {currency}; the "
                f"workbook does not convert: amounts in another currency are converted to {currency} first.",
                index=row, value=text, severity="warning"))
            continue
        for note in notes:
            if _FIGURE.search(_SCALE_DIGITS.sub("", note)):
                continue
            unit = _unit(note.strip(), currency)
            if unit is not None and unit[0] == "scaled":
                problems.append(raw.problem("scaled_amounts", (
                    "the title above the table gives its amounts in thousands or millions: the workbook reads "
                    f"amounts in {currency}, and would show them 1 000 or 1 000 000 times too small"),
                    f"Write the amounts in {currency} (12 500 for 12,5 k), and delete the title or its unit.",
                    index=row, value=text))
            elif unit is not None and not same_currency(unit[1], currency):
                problems.append(raw.problem("other_currency", (
                    f"the title above the table gives its amounts in {unit[1]}, and the project's currency is "
                    f"{currency} (params, project.yaml): they would be added up as {currency}"),
                    f"The workbook does not convert: write the amounts in {currency}, or set `currency: {unit[1]}` "
                    "in project.yaml if the whole project is in that currency.", index=row, value=text))
            else:
                continue
            break   # one problem a title row
    return problems


def _title_mistyped(text: str, currency: str) -> tuple[str, list[str]] | None:
    """(the code, the currencies it may have meant) of a title's unit written as three capitals that are no ISO 4217
    code (`Montants en UDS`, `Budget (EUE)`), as _mistyped_code reads a header's note; (the acronym, []) of a donor's
    (`Budget (AFD)`, DONORS); None otherwise."""
    for match in _TITLE_NOTES.finditer(re.sub(r"\b(?:EN|IN)\b", lambda m: m[0].lower(), text)):
        for note in (n for n in match.groups() if n):
            code = note.strip()
            if code in DONORS:
                return code, []
            if near := _mistyped_code(code, currency):
                return code, near
    return None


_SCALE_WORDS = re.compile(r"^(?:k|m|md)\s*(?=\W|$)|(?<=\W)\s*(?:k|m)$|^(?:k|m)$|\b(?:milliers?|thousands?|millions?|"
                          r"milliards?|billions?|mio|mn)\b(?:\s+(?:de|d'|of))?\s*")


def formatted_units(table: str, raw: RawTable, currency: str) -> list[Problem]:
    """An amount's unit written by its cells' number format only (`#,##0.0" k$"`: the sheet shows « 40.0 k$ », the
    cell holds 40; `#,##0 [$€-40C]`: « 12 000 € » in a USD project): refused at its first cell, as the header
    saying so is (noted_headers). A format that divides the number by 1 000 (`#,##0," k"`) leaves the whole amount
    in the cell: its scale is no problem, its currency still is."""
    if not raw.format_notes:
        return []
    problems: list[Problem] = []
    for column in SPEC[table].columns:
        letter = raw.letters.get(column.name)
        note = raw.format_notes.get(letter) if column.money and letter else None
        if note is None:
            continue
        unit = _unit(note.text, currency)
        if unit is None and (near := _mistyped_code(note.text, currency)):
            # `[$EUE] #,##0` (EUR mistyped) on a USD project's amounts: shown « EUE 12 000 », read as USD, unsaid
            problems.append(raw.problem("other_currency", (
                f"this amount's number format ({note.number_format}) shows it in {note.text}, no currency's ISO 4217 "
                f"code (did you mean {' or '.join(near)}?); the project's currency is {currency} (params, "
                f"project.yaml), and the amounts are read in {currency}"),
                f"Give the cells a format without {note.text} if the amounts are in {currency}; the workbook does not "
                f"convert: amounts in another currency are converted to {currency} first.", index=note.row,
                column=column.name, value=raw.frame.at[note.row, column.name] if note.row in raw.frame.index else None,
                severity="warning"))
            continue
        if unit is not None and unit[0] == "scaled" and note.divided:
            rest = _SCALE_WORDS.sub("", fold(note.text)).strip()
            unit = _unit(rest, currency) if rest else None
        if unit is None:
            continue
        value = raw.frame.at[note.row, column.name] if note.row in raw.frame.index else None
        held = f": the cell holds {value:g}" if type(value) in (int, float) else ""
        more = f" ({note.cells} cells of the column are so formatted)" if note.cells > 1 else ""
        if unit[0] == "scaled":
            problems.append(raw.problem("scaled_amounts", (
                f"this amount's number format ({note.number_format}) shows it in thousands or millions "
                f"('{note.text}'){held}, read as {currency}, 1 000 or 1 000 000 times too small{more}"),
                f"Write the amounts in {currency} (40 000 for 40 k) with a plain number format (to show thousands, a "
                "format that divides, #,##0,\" k\", keeps the whole amount in the cell).", index=note.row,
                column=column.name, value=value))
        elif not same_currency(unit[1], currency):
            problems.append(raw.problem("other_currency", (
                f"this amount's number format ({note.number_format}) shows it in {unit[1]}, and the project's "
                f"currency is {currency} (params, project.yaml): it would be added up as {currency}{more}"),
                f"The workbook does not convert: write the amounts in {currency} (and give the cells a format without "
                f"{note.text}), or set `currency: {unit[1]}` in project.yaml if the whole project is in that currency.",
                index=note.row, column=column.name, value=value))
    return problems


_BRACKETED = re.compile(r"^[(\[]\s*([^()\[\]]{1,30}?)\s*[)\]]$")


def units_row(table: str, raw: RawTable, currency: str) -> list[Problem]:
    """A row right under the header giving the columns' units (`(EUR)` under `budget`, `(nombre)` under `women`):
    not a row of the table. Left out with a warning when its units are the project's currency, counts or
    percentages; refused when an amount's unit is another currency or thousands, as the header saying so is
    (noted_headers). Its cells are not also said empty or « not a number »."""
    frame = raw.frame
    if frame.empty or frame.index[0] != raw.header_row + 1:
        return []
    row = frame.index[0]
    cells = {c: v for c, v in frame.loc[row].items() if v is not None and v == v}
    if not cells or not all(isinstance(v, str) for v in cells.values()):
        return []
    spec = SPEC[table]
    units: dict[str, tuple[str, tuple[str, str] | None]] = {}
    for name, text in cells.items():
        match = _BRACKETED.match(text)
        note = match.group(1) if match else text
        column = spec.column(name)
        unit = _unit(note, currency) if column is not None and column.money else None
        words = set(re.findall(r"[^\W_]+|%", fold(note)))
        if unit is None and not (match and words and words <= _NEUTRAL | {"personnes", "persons", "people",
                                                                           "unite", "unit", "units"}):
            return []   # a cell that is no unit: a row of the table
        units[name] = (text, unit)
    if not any(spec.column(n) is not None and spec.column(n).kind in ("float", "date") for n in units):
        return []
    listed = ", ".join(f"{text} under '{raw.headers.get(n, n)}'" for n, (text, _) in units.items())
    wrong = next(((n, text, u) for n, (text, u) in units.items() if u is not None and
                  (u[0] == "scaled" or currency != NO_CURRENCY and not same_currency(u[1], currency))), None)
    raw.frame = frame.drop(index=row)   # not a row of the table: its cells are not typed
    message = f"row {row}, under the header, gives the columns' units ({listed}): it is a units row, not a row of " \
              "the table"
    if wrong is None:
        first, (text, _) = next(iter(units.items()))
        return [raw.problem("units_row", message + ", and is not read", f"Nothing to do if the units are right; "
                            f"delete the row to silence this warning (a unit may go in the header: "
                            f"'{raw.headers.get(first, first)} {text}').", index=row, value=", ".join(t for t, _ in units.values()),
                            severity="warning")]
    name, text, unit = wrong
    if unit[0] == "scaled":
        said = (f"; and it gives the amounts of '{raw.headers.get(name, name)}' in thousands or millions ({text}): "
                f"the workbook reads amounts in {currency}, and would show them 1 000 or 1 000 000 times too small")
        hint = f"Write the amounts in {currency} (12 500 for 12,5 k), and delete the units row."
    else:
        said = (f"; and it gives the amounts of '{raw.headers.get(name, name)}' in {unit[1]}, while the project's "
                f"currency is {currency} (params, project.yaml): they would be added up as {currency}")
        hint = (f"The workbook does not convert: write the amounts in {currency}, or set `currency: {unit[1]}` in "
                "project.yaml if the whole project is in that currency; then delete the units row.")
    return [raw.problem("units_row", message + said, hint, index=row, column=name, value=text)]


def another_figure(table: str, raw: RawTable, column: str) -> tuple[str, str] | None:
    """The header as written that names ``column`` with a word making it another figure, and which: ("planned",
    `Participants (prévus)`, `Participants prévus`, `Montant engagé`) or ("share", `Femmes (%)`, `% femmes`, `Part
    des femmes`, for a column that counts), if the table has one: the hint of a missing column names it instead of
    advising its renaming."""
    aliases = _aliases(table)
    spec = SPEC[table].column(column)   # (None for a register's own column, 'sex')
    counts = spec is None or not spec.percent
    for name in raw.frame.columns:
        written = str(raw.headers.get(name, name))
        words = re.findall(r"[^\W_]+|%", fold(written))
        for kind, others in (("planned", _PLANNED), ("share", _SHARE | _FILLERS if counts else frozenset())):
            kept = [w for w in words if w not in others]
            if kind == "share" and not set(words) & _SHARE:
                continue
            rest = "_".join(kept)
            if len(kept) < len(words) and (rest == column or aliases.get(rest) == column) and \
                    not (kind == "planned" and column == "budget"):   # a budget is planned: 'Budget prévu' is it
                return written, kind
    return None


def ignored_versions(table: str, raw: RawTable) -> list[Problem]:
    """A warning at each column the workbook ignores whose header starts with a number column the table has:
    `Budget révisé` beside `Budget`, `Montant (décaissé)` beside `Montant`, `Femmes 2021` beside `Femmes`. The
    figures use the contract's column, and which of the two the evaluator means is theirs to say. A header whose
    words make it another figure (`Montant engagé`, `Participants prévus`) is ignored without a word."""
    aliases = _aliases(table)
    numbers_ = {c.name for c in SPEC[table].columns if c.kind == "float"}
    required = set(SPEC[table].required) | (set(SPEC[table].register.required) if SPEC[table].register else set())
    present = set(raw.frame.columns)
    contract = set(SPEC[table].names) | ({c.name for c in SPEC[table].register.columns} if SPEC[table].register
                                         else set())
    problems = []
    for name in raw.frame.columns:
        if name in contract or fold(name) in aliases:
            continue    # another name of a column the table has: translate() warned it (french_duplicate)
        written = str(raw.headers.get(name, name))
        group = raw.groups.get(raw.letters.get(name, ""))
        if group and not fold(written).startswith(fold(group)):   # `Révisé` under `Budget` merged above it
            words = re.findall(r"[^\W_]+|%", fold(f"{group} {written}"))
            written = f"{written}' under '{group}"
        else:
            words = re.findall(r"[^\W_]+|%", fold(written))
        # the English order, the version first: `Revised target`, `Updated baseline`, `Revised final target` beside
        # (or without) `Target`: ignored without a word, the annex rating against the first target
        english = [(words[cut:], words[:cut]) for cut in range(1, len(words)) if set(words[:cut]) <= _VERSION_FIRST]
        for cut in range(len(words) - 1, 0, -1):
            head, rest = "_".join(words[:cut]), words[cut:]
            column = head if head in numbers_ else aliases.get(head)
            if column not in numbers_ and english and len(english[-1][0]) == cut:
                head, rest = "_".join(english[-1][0]), english[-1][1]
                column = head if head in numbers_ else aliases.get(head)
            if column in numbers_ and column not in present and column not in required:
                # `Target 2023`, `Final target (2025)`, `Poids 2024` and no column of that name: nothing was read,
                # and the annex said « no target in the data » (an unweighted rate, for weights) without a word
                problems.append(_at_header(raw, name, "column_not_read", (
                    f"the column '{written}' is not read: the figures read '{column}' from a column of that name "
                    "(or of its other names), and the file has none, so they are computed without it"),
                    f"If '{written}' holds each row's {column}, name it '{column}'; if the file has one such "
                    "column per period, write one row per period instead (data/README.md).", severity="warning"))
                break
            if column not in numbers_ or column not in present:
                continue
            if _LOCAL.search(" ".join(words)):
                break   # `Montant en devise locale` beside the amount: no figure can use it, nothing to do
            if column != "budget" and set(rest) & _PLANNED:
                break   # a budget is planned already: 'Budget prévu' is a version of it, 'Montant prévu' is not
            used = raw.headers.get(column, column)
            problems.append(_at_header(raw, name, "column_beside_its_figure", (
                f"the column '{written}' is ignored: the figures use the column '{used}'"),
                f"If '{written}' holds the figures to use (a revised budget, the latest count), name it '{column}' "
                f"and the other '{column}_initial', say; else nothing to do.", severity="warning"))
            break
    return problems


# the words that make a header another version of a figure when they come first (English: `Revised target`)
_VERSION_FIRST = frozenset("revised updated adjusted amended modified new initial original latest current".split())


# the words of money spent, in a budget table's header (`Dépenses`, `Décaissé`, `Consommé`, `Réalisé`, `Actual`)
_SPENT = frozenset("depense depenses depensee depensees decaisse decaisses decaissement decaissements consomme "
                   "consommes consommation realise realises realisee realisees spent expenditure expenditures "
                   "disbursed disbursement disbursements expenses actual actuals".split())


def spending_in_budget(table: str, raw: RawTable) -> list[Problem]:
    """A warning at a budget table's column of spending (a budget-against-actual sheet: `Ligne | Budget | Dépenses`):
    the workbook reads spending from the expenditure table only, with the date each amount runs to, so this
    column's amounts are in no figure; without an expenditure table the annex says « no expenditure data » and
    nothing said why. Committed or planned amounts (`Engagé`, `Dépenses prévues`) are other figures: not warned."""
    if table != "budget":
        return []
    contract = set(SPEC[table].names)
    problems = []
    for name in raw.frame.columns:
        written = str(raw.headers.get(name, name))
        words = set(re.findall(r"[^\W_]+", fold(written)))
        if name in contract or not words & _SPENT or words & _PLANNED:
            continue
        problems.append(_at_header(raw, name, "spending_in_budget", (
            f"the column '{written}' of the budget is not read: the workbook takes the spending from the "
            "expenditure table, with the date each amount runs to"),
            "If it holds the spending so far, write it in expenditure.csv (or .xlsx): one row per line with "
            "`line`, `period_end` (the date the amount runs to, e.g. the reporting date) and `amount`; else nothing "
            "to do.", severity="warning"))
    return problems


def _at_header(raw: RawTable, name: str, rule: str, message: str, hint: str, severity: str = "error") -> Problem:
    """A problem at the header cell of ``name``, naming the column as written."""
    problem = raw.problem(rule, message, hint, index=raw.header_row, column=name, severity=severity)
    return dataclasses.replace(problem, column=raw.headers.get(name, name))


def _rename(raw: RawTable, renames: dict[str, str]) -> None:
    """Rename columns of ``raw`` in place, with their letters and headers as written."""
    if renames:
        raw.frame = raw.frame.rename(columns=renames)
        for old, new in renames.items():
            for mapping in (raw.letters, raw.headers):
                if old in mapping:
                    mapping[new] = mapping.pop(old)
