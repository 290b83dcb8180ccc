"""Project and annex parameters: params/<project>/project.yaml and one params/<project>/<annex>.yaml per annex.

project.yaml holds what is true for the whole project; each other file is one annex (a country, or ``all``) and may
override any project value. Both are validated with pydantic before any notebook starts: unknown keys are errors
with a "did you mean", types are checked, names are slugs. YAML is read by ``inputs.read_yaml`` only (a SafeLoader:
no Python objects; size, aliases and nesting bounded; a key written twice is an error).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import (BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator,
                      model_validator)

from ..errors import Problem, ValidationFailed, did_you_mean, no_such
from ..text import ALL, BUDGET_CATEGORIES, CATEGORY_WORDS, as_code, fold, is_all  # noqa: F401 (ALL re-exported)
from . import numbers
from .currencies import minor_units
from .inputs import MiB, Refused, WrittenFloat, checked_input, clipped, exists, read_yaml, zip_problem
from ..paths import (PARAMS_DIR, SLUG, WINDOWS_DEVICE, WINDOWS_DEVICE_REASON, annex_names, project_names, relative,
                     slug_example, slugify)

StatusCode = Literal[
    "done", "in_progress", "not_started", "delayed", "seriously_delayed", "on_time", "ahead", "cancelled"
]


class _Strict(BaseModel):
    # coerce_numbers_to_str: `code: 2021` or `country: 212` in YAML are numbers; take them as the text written.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Thresholds(_Strict):
    rag_green: float = Field(80.0, ge=0, description="% of target at or above which an indicator is green")
    rag_amber: float = Field(50.0, ge=0, description="% of target at or above which it is amber (else red)")
    parity_low: float = Field(0.97, gt=0, description="gender parity index band: parity from here...")
    parity_high: float = Field(1.03, gt=0, description="...to here")
    staff_share_low: float = Field(30.0, ge=0, le=100, description="usual staff-cost share band, low end (%)")
    staff_share_high: float = Field(35.0, ge=0, le=100, description="usual staff-cost share band, high end (%)")

    @field_validator("rag_green", "rag_amber", "staff_share_low", "staff_share_high")
    @classmethod
    def _percent(cls, value: float, info: ValidationInfo) -> float:
        # rag_green: 0.8 (80 % as a fraction of 1) rated 0.8 % of a target green: every indicator green, nothing said
        if 0 < value <= 1:
            of = "of the target" if info.field_name.startswith("rag") else "of spending"
            raise ValueError(f"{value:g} is a fraction of 1, where this threshold is a percentage {of}: read as "
                             f"{value:g} %, every figure would be rated above it. Write {value * 100:g} for "
                             f"{value * 100:g} %")
        return value

    @field_validator("parity_low", "parity_high")
    @classmethod
    def _index(cls, value: float) -> float:
        # parity_low: 97 (a percentage): a parity index of 1 was « women under-represented »
        if value > 5:
            raise ValueError(f"{value:g} is a percentage, where the parity band is of the index women / men (1 at "
                             f"parity): write {value / 100:g}")
        return value

    @model_validator(mode="after")
    def _ordered(self) -> "Thresholds":
        if self.rag_amber > self.rag_green:
            raise ValueError("rag_amber must not be above rag_green")
        if self.parity_low > self.parity_high:
            raise ValueError("parity_low must not be above parity_high")
        if self.staff_share_low > self.staff_share_high:
            raise ValueError("staff_share_low must not be above staff_share_high")
        return self


class UnitCostBenchmark(_Strict):
    """A reference cost per unit shown beside a computed one (analyses.efficiency), in the project's currency."""

    value: float = Field(gt=0, description="cost per unit, in `currency`")
    source: str | None = Field(None, description="where the benchmark comes from (shown in the annex)")


TRANSACTION_TYPES = tuple(str(n) for n in range(1, 14))  # the IATI TransactionType codelist


class IatiParams(_Strict):
    """How the IATI files of data/<project>/iati/ are read (data/README.md, "IATI activity files")."""

    activities: list[str] = Field(default_factory=list, description="keep only these iati-identifiers (empty: all)")
    activity_prefix: str | None = Field(None, description="keep only the iati-identifiers that start with this")
    spending: list[str] = Field(default_factory=lambda: ["3", "4"], min_length=1,
                                description="transaction types counted as spending: 3 disbursement, 4 expenditure")
    exchange_rates: dict[str, float] = Field(
        default_factory=dict, description="currency -> value of 1 unit in the project's currency, e.g. EUR: 1.08")

    @field_validator("spending")
    @classmethod
    def _transaction_types(cls, value: list[str]) -> list[str]:
        bad = [v for v in value if v.strip() not in TRANSACTION_TYPES]
        if bad:
            raise ValueError(f"{', '.join(bad)} is not an IATI transaction type (1 to 13; 3 disbursement, "
                             "4 expenditure)")
        kinds = {v.strip() for v in value}
        promises = sorted(kinds & {"10", "11", "12", "13"}, key=int)
        if promises:  # no money moves: never spent
            raise ValueError(f"{', '.join(promises)} (credit guarantee, incoming commitment, pledges) moves no "
                             "money: it is never spending. Keep [3, 4] for spending")
        # the same money at two stages: committed (2) then paid (3, 4); received (1) then paid on (3, 4)
        twice = [k for k in ("2", "1") if k in kinds and kinds & {"3", "4"}]
        if twice:
            raise ValueError(f"{twice[0]} ({'outgoing commitment' if twice[0] == '2' else 'incoming funds'}) with "
                             f"{', '.join(sorted(kinds & {'3', '4'}))} counts the same money twice: what is "
                             f"{'committed' if twice[0] == '2' else 'received'} is what is then disbursed (3) or "
                             "spent (4). Keep [3, 4] for spending")
        return [v.strip() for v in value]

    @field_validator("exchange_rates")
    @classmethod
    def _positive(cls, value: dict[str, float]) -> dict[str, float]:
        bad = [k for k, v in value.items() if not v > 0]
        if bad:
            raise ValueError(f"an exchange rate must be greater than 0 (see {', '.join(bad)})")
        # `UDS: 1.1` (USD mistyped) was accepted, and the files' USD values then refused as « no exchange rate »,
        # or never converted: the IATI files write ISO 4217 codes, and so must the rates, as `currency:` does
        from .currencies import is_iso_code, nearest_codes

        for key in value:
            code = str(key).strip().upper()
            if not is_iso_code(code):
                near = nearest_codes(code) if re.fullmatch(r"[A-Z]{3}", code) else []
                raise ValueError(f"exchange_rates gives a rate to '{key}', no currency's ISO 4217 code" + (
                    f" (did you mean {' or '.join(near)}?)" if near else "") + ": write each currency as the IATI "
                    "files do, by its code (EUR, USD, XOF...)")
        return {k.strip().upper(): v for k, v in value.items()}


REPORT_DECIMAL_MARKS = {"fr": ",", "en": "."}   # a report's decimal mark, by its language


def report_decimal_mark(params: Any) -> str | None:
    """The decimal mark of the report's printed figures (``report_decimal_mark``: set from project.yaml's
    `language` when it is read), never the annex's language: an annex built in English gives the same verdicts."""
    mark = getattr(params, "report_decimal_mark", None)
    if mark in (".", ","):
        return mark
    return REPORT_DECIMAL_MARKS.get(getattr(params, "language", ""), None)


class ProjectParams(_Strict):
    title: str
    code: str
    donor: str | None = None
    implementer: str | None = None
    currency: str = "USD"
    decimal_mark: Literal[".", ","] = "."
    encoding: str = Field("utf-8", description="encoding of the CSV files when they are not UTF-8, e.g. cp1252")
    start_date: dt.date
    end_date: dt.date
    reporting_date: dt.date
    budget_total: float | None = Field(None, gt=0)
    language: Literal["fr", "en"] = "fr"
    # the decimal mark of the evaluation report's printed figures (reported.csv's `value`, when a value such as
    # 1,655 could be either): project.yaml's, else its `language`'s ("," fr, "." en), set once when project.yaml is
    # read, so neither an annex file's `language` nor a build's `--language en` changes a verdict
    report_decimal_mark: Literal[".", ","] | None = None
    thresholds: Thresholds = Thresholds()
    status_synonyms: dict[str, StatusCode] = Field(default_factory=dict)
    staff_categories: list[str] = Field(default_factory=lambda: ["staff"])
    word_template: str | None = Field(None, description="a .docx whose styles the Word annex takes, e.g. "
                                                        "params/<project>/house-style.docx")
    iati: IatiParams = IatiParams()
    # indicator id, "participant" or "woman" -> a benchmark cost per unit (a number, or {value:, source:})
    unit_cost_benchmarks: dict[str, float | UnitCostBenchmark] = Field(default_factory=dict)

    @field_validator("word_template", mode="before")
    @classmethod
    def _slashes(cls, value: Any) -> Any:
        """A path written as Windows writes it, `params\\p\\maison.docx`, read with '/': it was refused as « not
        inside params/p/ » (one file name holding two backslashes), where it is."""
        return value.replace("\\", "/") if isinstance(value, str) else value

    @field_validator("unit_cost_benchmarks", mode="before")
    @classmethod
    def _benchmarks_as_written(cls, value: Any, info: ValidationInfo) -> Any:
        """Each benchmark (a number, or {value:, source:}) read as budget_total is: `participant: 1 500` was refused
        as « unable to parse string as a number », and `participant: 1.500` in a project whose decimal mark is ','
        (1 500 as its tables write it) was 1,5 for YAML: the cost per participant « 1 257 times the benchmark »."""
        if not isinstance(value, dict):
            return value
        mark = info.data.get("decimal_mark", ".")
        read = {}
        for key, item in value.items():
            try:
                if isinstance(item, dict) and "value" in item:
                    item = {**item, "value": _amount(item["value"], mark)}
                elif not isinstance(item, dict):
                    item = _amount(item, mark)
            except ValueError as exc:
                raise ValueError(f"the benchmark of {key} ({getattr(item, 'written', '') or item}): {exc}") from None
            read[key] = item
        return read

    @field_validator("thresholds", mode="before")
    @classmethod
    def _thresholds_as_written(cls, value: Any, info: ValidationInfo) -> Any:
        """A threshold written with the project's decimal mark (`parity_low: 0,97`, `rag_green: 85,5` where it is
        ','), as the tables' numbers are read: YAML gives the text '0,97', which was refused as « not a number ». A
        number YAML has read (`0.97`) stays as it is; a text that reads as no number is left to be refused."""
        if not isinstance(value, dict):
            return value
        mark = info.data.get("decimal_mark", ".")
        read = {}
        for key, item in value.items():
            if isinstance(item, str):
                try:
                    item = numbers.parse_number(item, mark) if not numbers.is_empty(item) else item
                except ValueError:
                    pass   # (« 80 % », « abc »: the threshold's own message says what to write)
            read[key] = item
        return read

    @field_validator("unit_cost_benchmarks")
    @classmethod
    def _positive_benchmarks(cls, value: dict) -> dict:
        bad = [k for k, v in value.items() if isinstance(v, (int, float)) and not v > 0]
        if bad:
            raise ValueError(f"a benchmark cost must be greater than 0 (see {', '.join(bad)})")
        return value

    @field_validator("staff_categories")
    @classmethod
    def _budget_categories(cls, value: list[str]) -> list[str]:
        """Each a category a budget line can have (its code, or a French word for it): a name no line can have
        would make the staff cost share 0 % or n.d. without saying why."""
        codes = []
        for name in value:
            code = CATEGORY_WORDS.get(as_code(name), as_code(name))
            if code not in BUDGET_CATEGORIES:
                raise ValueError(f"{name!r} is not a budget category: a budget line's category is one of "
                                 f"{', '.join(BUDGET_CATEGORIES)} (or personnel, fonctionnement, appui, autre)")
            codes.append(code)
        return codes

    @field_validator("title", "code", "currency")
    @classmethod
    def _written(cls, value: str) -> str:
        # `title: ""` or `title: " "` (the quotes an editor or a copied example leaves): the annexes had no title, and
        # nothing said so; told as the key left empty is (empty_key)
        if not value.strip():
            raise ValueError("no value")
        return value

    @field_validator("currency")
    @classmethod
    def _one_currency(cls, value: str) -> str:
        # `currency: dinars` (or francs) names no one currency: every table row, header or published figure giving
        # TND was refused as « in TND; the project's amounts are in DINAR », told to convert to « DINAR »
        from .currencies import DINAR, DINARS, FRANC, FRANCS, currency_code, is_cfa, is_iso_code, nearest_codes

        code = currency_code(value)
        if code in (DINAR, FRANC):
            which = DINARS if code == DINAR else FRANCS
            named = ("TND: Tunisian dinar, LYD: Libyan, DZD: Algerian" if code == DINAR else
                     "XOF: franc CFA of West Africa, XAF: of Central Africa, CHF: Swiss, GNF: Guinean")
            raise ValueError(f"'{value}' names no one currency: write its code, one of {', '.join(sorted(which))} "
                             f"({named})")
        # `currency: FCFA` was XOF without a word: a Cameroonian project's XAF rows refused, its annexes in XOF
        if is_cfa(value):
            raise ValueError(f"'{value}' names two currencies: write its code, XOF (franc CFA of West Africa: "
                             "Sénégal, Mali, Côte d'Ivoire, Burkina Faso, Niger, Bénin, Togo, Guinée-Bissau) or XAF "
                             "(of Central Africa: Cameroun, Gabon, Tchad, Congo, Centrafrique, Guinée équatoriale)")
        if not re.fullmatch(r"[A-Z]{3}", code):   # `currency: shillings`: the annexes' amounts « in SHILLINGS »
            raise ValueError(f"'{value}' is not a currency code: write its ISO 4217 code, three letters (EUR, USD, "
                             "XOF...)")
        # `currency: UDS` (USD mistyped), `EUE`: three capitals, taken as a currency, the annexes' amounts « UDS »
        if not is_iso_code(code):
            near = nearest_codes(code)
            raise ValueError(f"'{value}' is no currency's ISO 4217 code" + (
                f": did you mean {' or '.join(near)}?" if near else ": write your currency's code (EUR, USD, XOF...)"))
        # a sign or a name (`€`, `dollars`, `Dh`, `DT`, ` mad `) is its code: the tables, the published figures and
        # the annexes compare and show codes (make check says it: currency_named)
        return code

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str) -> str:
        import codecs

        try:
            codecs.lookup(value)
            "".encode(value)   # a codec of bytes or of text only (hex, base64, rot13) stopped make check with a traceback
        except LookupError:
            raise ValueError(f"unknown encoding {value!r} (use utf-8, cp1252, latin-1, ...)") from None
        return value

    @field_validator("budget_total", mode="before")
    @classmethod
    def _amount_as_written(cls, value: Any, info: ValidationInfo) -> Any:
        """`budget_total: 2 777 777,78` (grouped, with the project's decimal mark, as the tables write amounts):
        read as the tables' amounts are (numbers.parse_number); so is a number YAML read as a float when the mark is
        ',' (`140.000` is 140 000, not 140); another number YAML has read stays as it is."""
        return _amount(value, info.data.get("decimal_mark", "."))

    @field_validator("iati", mode="before")
    @classmethod
    def _rates_as_written(cls, value: Any, info: ValidationInfo) -> Any:
        """`exchange_rates: {EUR: 655,957}` (the project's decimal mark ',', as its tables write numbers): read as the
        tables' numbers are (numbers.parse_number); refused before as « Input should be a valid number ». A number
        YAML has read stays as it is (`1.08` is a rate, not 1 080)."""
        rates = value.get("exchange_rates") if isinstance(value, dict) else None
        if not isinstance(rates, dict):
            return value
        own = str(info.data.get("currency", "")).strip().upper()
        given = next((v for k, v in rates.items() if str(k).strip().upper() == own), None)
        if given is not None and str(given).strip() not in ("1", "1.0", "1,0"):  # (passed over without a word)
            raise ValueError(f"exchange_rates gives {own}, the project's own currency, the rate {given}: its values "
                             f"are not converted (1 {own} is 1 {own}); remove it, or correct `currency` if the "
                             "project's currency is another")
        mark = info.data.get("decimal_mark", ".")
        read = {}
        for currency, rate in rates.items():
            if isinstance(rate, str):
                if mark == "." and "," in rate:  # 655,957 (XOF for 1 EUR): 655 957 as the tables group thousands?
                    raise ValueError(f"the exchange rate of {currency} is written {rate.strip()!r}, with a ',' in a "
                                     "project whose decimal mark is '.': write it with '.' as the decimal mark and "
                                     "no thousands separator (655.957 for 655,957 XOF for 1 EUR)")
                try:
                    rate = numbers.parse_number(rate, mark)
                except ValueError as exc:
                    raise ValueError(f"the exchange rate of {currency} ({rate!r}): {exc}: write the value of 1 "
                                     f"{currency} in the project's currency with the decimal mark '{mark}' "
                                     "(decimal_mark)") from None
            read[currency] = rate
        return {**value, "exchange_rates": read}

    @model_validator(mode="before")
    @classmethod
    def _report_decimal_mark(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("report_decimal_mark") is None:
            language = data.get("language", "fr")
            data = {**data, "report_decimal_mark": REPORT_DECIMAL_MARKS.get(language) if isinstance(language, str)
                    else None}
        return data

    @model_validator(mode="after")
    def _dates_in_order(self) -> "ProjectParams":
        if self.end_date <= self.start_date:
            raise ValueError("end_date must be after start_date")
        if self.reporting_date <= self.start_date:   # nothing can have been done, spent or elapsed by then
            raise ValueError(f"reporting_date ({self.reporting_date}) must be after start_date ({self.start_date}): "
                             "the figures are those of the reporting date")
        return self


def _amount(value: Any, mark: str) -> Any:
    """An amount of a params file as the tables' amounts are read (numbers.parse_number, the project's decimal
    mark): `2 777 777,78`; a float YAML read is read again as written when the mark is ',' (`140.000` is 140 000,
    not 140); another number YAML has read stays as it is."""
    if isinstance(value, WrittenFloat) and mark == ",":
        value = value.written   # `140.000` is 140.0 for YAML, 140 000 with the decimal mark ','
    if not isinstance(value, str):
        return value
    try:
        return numbers.parse_number(value, mark, money=True)
    except ValueError as exc:
        raise ValueError(f"{exc}: write the amount in the project's currency, grouped or not, with the decimal "
                         f"mark '{mark}' (decimal_mark)") from None


class AnnexParams(ProjectParams):
    """One annex: the project's values, overridden by the annex file, plus which country it covers."""

    project: str            # the folder name under params/ and data/ (a slug)
    annex: str              # the annex file's base name (a slug)
    country: str            # a value of the data's `country` column, or "all"
    name: str               # display name, e.g. "Maroc"
    # Set by load_annex_params, never by a file: project.yaml's budget_total when a country annex does not apply
    # it (a project-wide total is not a country's budget; the annex file may give the country's own).
    project_budget_total: float | None = None

    @field_validator("project", "annex")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError("use letters without accents, digits, '-' and '_' only")
        return value

    @property
    def is_all(self) -> bool:
        return is_all(self.country)


ANNEX_ONLY_KEYS = {"country", "name"}
PROJECT_KEYS = set(ProjectParams.model_fields)


def _read_yaml(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Safe-loaded, bounded and with duplicate keys refused (data.inputs.read_yaml); a mapping or a problem."""
    data, problems = read_yaml(path)
    if problems:
        return None, problems
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [Problem(relative(path), "yaml_mapping", "the file must be a list of 'key: value' lines",
                              "Write one 'key: value' per line.")]
    return data, []


_EXAMPLES = {"title": "Appui à la migration équitable pour le Maghreb", "code": "AMEM", "currency": "EUR",
             "decimal_mark": '","', "start_date": "2018-07-20", "end_date": "2021-07-31",
             "reporting_date": "2020-12-31", "language": "fr", "country": "Sénégal", "name": "Sénégal"}
_HINTS = {"staff_categories": "Name the values of budget.csv's `category` column that are staff costs, e.g. "
                               "staff_categories: [staff].",
          "encoding": "Write the encoding the CSV files were saved in: utf-8, cp1252 or latin-1.",
          "currency": "Write the currency's code (e.g. currency: TND), as the tables' amounts are.",
          **dict.fromkeys(_DATES := ("end_date", "reporting_date"), "Write start_date, reporting_date and end_date "
                          "so that the project starts before the other two (project.yaml, or the annex's file when "
                          "it gives its own dates)."),
          # (« 2 777 777,78 with decimal_mark: "," (or 2777777.78) » offered a ',' project what it refuses)
          "budget_total": "Write the amount alone, in the project's currency, with its decimal mark: e.g. "
                          "budget_total: 2 777 777,78 (or 2777777,78) with decimal_mark: \",\", budget_total: "
                          "2777777.78 with decimal_mark: \".\".",
          "unit_cost_benchmarks": "Write each benchmark alone, in the project's currency, with its decimal mark, "
                                  "as budget_total: e.g. participant: 1 500 (or {value: 1 500, source: ...}).",
          "language": "Write fr or en, in lower case: language: fr.",
          "thresholds": "Write rag_green and rag_amber as percentages of the target (rag_green: 80, rag_amber: 50), "
                        "staff_share_low and staff_share_high as percentages (30, 35), parity_low and parity_high as "
                        "the index women / men (0.97, 1.03); numbers with a '.' and without '%'.",
          "iati": "exchange_rates gives the value of 1 unit of each other currency in the project's currency, "
                  "e.g. iati: exchange_rates: {EUR: 1.08} (see data/README.md, IATI activity files).",
          "iati.spending": "Write the transaction types counted as spending: iati: spending: [3, 4] (3 disbursement, "
                           "4 expenditure).",
          "country": "One country per annex file, as the data's `country` column writes it (country: Maroc), or "
                     "`all` for the whole project: an annex of several countries is the `all` one."}
DATE_KEYS = ("start_date", "end_date", "reporting_date")


def _date_problem(key: str, value: Any) -> tuple[str, str]:
    """(message, hint) for a date key that is not a date written year first: '31/12/2020' (as French Excel shows
    dates), '2021' (a year alone, which pydantic reads as seconds since 1970 and calls « Datetimes provided to
    dates should have zero time »), 'décembre 2020'."""
    import re

    text = str(value).strip()
    day_first = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if day_first:
        day, month, year = (int(g) for g in day_first.groups())
        example = f"{year}-{month:02d}-{day:02d}" if month <= 12 else f"{year}-{day:02d}-{month:02d}"
        return ("not a date written year first", f"Write it year first, month, day: {key}: {example}.")
    if re.fullmatch(r"\d{4}", text):
        example = f"{text}-01-01" if key == "start_date" else f"{text}-12-31"
        return ("a year alone is not a date", f"Write the day, year first: {key}: {example}, if that is the day.")
    return ("not a date", f"Write it year first, month, day, e.g. {key}: 2021-12-31.")


# Keys as a French evaluator writes them (as_code'd): the « did you mean » of an unknown key, which difflib cannot
# find ('pays' is far from 'country'); 'countries' is what a list of the countries is called.
FRENCH_KEYS = {"pays": "country", "countries": "country", "nom": "name", "titre": "title", "intitule": "title",
               "code_projet": "code", "devise": "currency", "monnaie": "currency", "bailleur": "donor",
               "donateur": "donor", "financeur": "donor", "mise_en_oeuvre": "implementer", "executant": "implementer",
               "debut": "start_date", "date_debut": "start_date", "date_de_debut": "start_date", "fin": "end_date",
               "date_fin": "end_date", "date_de_fin": "end_date", "date_rapport": "reporting_date",
               "date_du_rapport": "reporting_date", "date_de_rapport": "reporting_date",
               "date_de_reference": "reporting_date", "budget": "budget_total", "budget_global": "budget_total",
               "montant_total": "budget_total", "langue": "language", "separateur_decimal": "decimal_mark",
               "encodage": "encoding", "seuils": "thresholds", "categories_personnel": "staff_categories"}


def _unknown_key_hint(key: str, scope: set[str], allowed: set[str]) -> str:
    """'Did you mean ...?' for a misspelt or French key; for `country` in project.yaml, where it goes."""
    guess = FRENCH_KEYS.get(as_code(key), "")
    if guess in ANNEX_ONLY_KEYS and guess not in scope and scope is allowed:   # project.yaml: not its key
        return (f"'{key}' is '{guess}', a key of each annex file (params/<project>/<annex>.yaml, one per country), "
                "not of project.yaml: `make new` writes one per country. ")
    if guess in scope:
        return f"Did you mean '{guess}'? "
    return did_you_mean(key, scope) + " " if did_you_mean(key, scope) else ""


def _problems_from(path: Path, error: ValidationError, allowed: set[str]) -> list[Problem]:
    problems = []
    for err in error.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "(file)"
        if err["type"] == "extra_forbidden":
            key = str(err["loc"][-1])
            nested = {"thresholds": Thresholds, "iati": IatiParams,
                      "unit_cost_benchmarks": UnitCostBenchmark}.get(str(err["loc"][0])) if len(err["loc"]) > 1 \
                else None
            scope = set(nested.model_fields) if nested else allowed
            problems.append(Problem(relative(path), "unknown_key", f"unknown key '{loc}'",
                                    _unknown_key_hint(key, scope, allowed) + "Allowed keys: " + ", ".join(sorted(scope))
                                    + ".", column=loc))
        elif err["type"] == "missing":
            problems.append(Problem(relative(path), "missing_key", f"the key '{loc}' is required",
                                    f"Add a line '{loc}: ...'.", column=loc))
        elif len(err["loc"]) == 1 and (err.get("input") is None or isinstance(err.get("input"), str) and
                                       not err["input"].strip() and err["type"] == "value_error"):
            # 'title:' left empty (make new leaves them so), or written '' 
            example = _EXAMPLES.get(loc, "")
            problems.append(Problem(relative(path), "empty_key", f"the key '{loc}' has no value",
                                    f"Write its value after '{loc}:'" + (f", e.g. {loc}: {example}." if example
                                                                         else "."), column=loc))
        else:
            value = err.get("input")
            message = err["msg"].removeprefix("Value error, ")  # a validator's own sentence says what is wrong
            key = str(err["loc"][0]) if err["loc"] else ""
            hint = _HINTS.get(loc) or _HINTS.get(key, "Dates are written 2021-12-31; numbers without units.")
            if key in DATE_KEYS and len(err["loc"]) == 1 and not isinstance(value, dict):
                message, hint = _date_problem(key, value)
            elif not err["loc"] and message.split(" ")[0] in _DATES:   # the dates' order: the key it names
                key = loc = message.split(" ")[0]
                value = getattr(value, "get", lambda _: None)(key)
                hint = _HINTS.get(key, hint)
            problems.append(Problem(relative(path), "bad_value", f"'{loc}': {message}", hint,
                                    column=loc, value=None if isinstance(value, dict) else
                                    clipped(getattr(value, "written", "") or str(value))))   # 19000000.00 as written
    return problems


def _same_value(key: str, value: Any) -> Any:
    """A project-only value as compared: 'usd' is USD, 'UTF8' is utf-8 (the same codec)."""
    if not isinstance(value, str):
        return value
    if key == "currency":   # `currency: dollars` in an annex file of a USD project is USD
        from .currencies import currency_code

        return currency_code(value)
    if key == "encoding":
        try:
            return codecs.lookup(value).name
        except LookupError:
            return value
    return value.strip().upper()


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def load_project_params(project: str, params_dir: Path = PARAMS_DIR) -> ProjectParams:
    """project.yaml, validated. Raises ValidationFailed listing every problem."""
    if not SLUG.match(project):
        raise ValidationFailed([Problem(relative(params_dir), "slug", f"project name {project!r} is not allowed"
                                        + (f": {WINDOWS_DEVICE_REASON}" if WINDOWS_DEVICE.match(project) else ""),
                                        "Use letters without accents, digits, '-' and '_' only, at most 64 characters"
                                        + (f"{slug_example(project)}: rename the folders params/{project}/ and "
                                           f"data/{project}/ so." if slug_example(project) and "/" not in project
                                           and (params_dir / project).is_dir() else "."))])
    path = params_dir / project / "project.yaml"
    if not exists(path):  # a pipe or a folder of that name is read, and refused with a message
        raise ValidationFailed([no_such(relative(path), "missing_project", "project", project,
                                        project_names(params_dir))])
    raw, problems = _read_yaml(path)
    if problems:
        raise ValidationFailed(problems)
    try:
        return ProjectParams(**raw)
    except ValidationError as exc:
        raise ValidationFailed(_problems_from(path, exc, PROJECT_KEYS)) from None


def _written_in(raw: dict[str, Any], column: str) -> bool:
    """Whether a problem's key (thresholds.rag_amber) is written in this file: maroc.yaml's `thresholds: rag_green`
    was blamed for project.yaml's rag_amber."""
    first, _, rest = column.partition(".")
    if first not in raw:
        return False
    return not rest or not isinstance(raw[first], dict) or rest.split(".")[0] in raw[first]


def annex_name_clashes(project: str, params_dir: Path = PARAMS_DIR) -> list[Problem]:
    """Annex files whose names differ only by capitals (Maroc.yaml, maroc.yaml): one file on Windows and macOS, and
    their annexes Maroc.html and maroc.html overwrite each other there (a build copied or zipped to such a machine
    kept one, with nothing said)."""
    seen: dict[str, str] = {}
    problems = []
    for annex in annex_names(project, params_dir):
        first = seen.setdefault(annex.casefold(), annex)
        if first != annex:
            problems.append(Problem(relative(params_dir / project / f"{annex}.yaml"), "name_clash",
                                    f"the annex files {first}.yaml and {annex}.yaml differ only by capitals: on Windows "
                                    f"and macOS they are one file, and their annexes {first}.html and {annex}.html "
                                    "would overwrite each other",
                                    "Rename one of them (an annex is named after its file), e.g. "
                                    f"{annex.lower()}-2.yaml.", value=annex))
    return problems


def load_annex_params(project: str, annex: str, params_dir: Path = PARAMS_DIR,
                      base: dict[str, Any] | None = None) -> AnnexParams:
    """project.yaml merged with <annex>.yaml, validated. Raises ValidationFailed listing every problem.

    ``base``: project.yaml as written, when it has errors of its own (check_and_load): the annex file is then checked
    alone, its problems only (project.yaml's are said at project.yaml), and ValidationFailed is always raised."""
    alone = base is not None
    base = load_project_params(project, params_dir).model_dump() if base is None else base
    path = params_dir / project / f"{annex}.yaml"
    if not SLUG.match(annex) or annex == "project":
        raise ValidationFailed([Problem(relative(params_dir / project), "slug", f"annex name {annex!r} is not allowed"
                                        + (f": {WINDOWS_DEVICE_REASON}" if WINDOWS_DEVICE.match(annex) else ""),
                                        "Name annex files with letters without accents, digits, '-' and '_' only "
                                        "(not 'project'), at most 64 characters, e.g. "
                                        + (f"{slugify(annex, 64)}.yaml." if slugify(annex, 64) not in ("", annex,
                                                                                                       "project")
                                           else "maroc.yaml."))])
    if not exists(path):
        raise ValidationFailed([no_such(relative(path), "missing_annex", f"annex in '{project}' named", annex,
                                        annex_names(project, params_dir))])
    raw, problems = _read_yaml(path)
    if problems:
        raise ValidationFailed(problems)
    for key in ("project", "annex", "project_budget_total"):
        if key in raw:  # these come from the file's place, never from its content
            problems.append(Problem(relative(path), "unknown_key", f"unknown key '{key}'",
                                    "The project and annex names come from the folder and file names; remove this line.",
                                    column=key))
    if "report_decimal_mark" in raw:   # the loader reads reported.xlsx's number cells with project.yaml's
        problems.append(Problem(relative(path), "project_only_key", "report_decimal_mark is the evaluation report's, "
                                "the same for every annex", "Write it in project.yaml, and remove this line.",
                                column="report_decimal_mark"))
    # The tables are read once, with project.yaml's currency, decimal mark and encoding: an annex's own would only
    # relabel them (maroc.yaml's `currency: MAD` showed the USD amounts as MAD, unconverted, without a word).
    for key, what in (("currency", "currency"), ("decimal_mark", "decimal mark"), ("encoding", "encoding")):
        if key in raw and _same_value(key, raw[key]) != _same_value(key, base.get(key)) \
                and base.get(key) not in (None, ""):   # (project.yaml's left empty: said there, compared once written)
            problems.append(Problem(
                relative(path), "project_only_key", f"the tables of data/{project}/ are read once, with project.yaml's "
                f"{what} ({base.get(key)}): an annex file cannot change it"
                + (", and its amounts would be shown as " + str(raw[key]) + " without being converted"
                   if key == "currency" else ""),
                "Remove this line. The workbook does not convert currencies: write every amount of the tables in "
                f"{base.get(key)} (and say in the report at which rate), or make the amounts in {raw[key]} a "
                "project of their own." if key == "currency" else
                f"Remove this line; if the files are written with another {what}, change it in project.yaml.",
                column=key, value=str(raw[key])))
    if problems:
        raise ValidationFailed(problems)
    merged = _merge(base, raw)
    if not is_all(merged.get("country", "")) and "budget_total" not in raw:
        merged["project_budget_total"], merged["budget_total"] = merged.get("budget_total"), None
    try:
        params = AnnexParams(**merged, project=project, annex=annex)
    except ValidationError as exc:
        problems = _problems_from(path, exc, PROJECT_KEYS | ANNEX_ONLY_KEYS)
        if alone:   # a key project.yaml left empty or wrong is not this file's error (it was said at project.yaml)
            problems = [p for p in problems if _written_in(raw, str(p.column)) or p.column in ANNEX_ONLY_KEYS]
            if "decimal_mark" not in base:   # amounts are read with project.yaml's decimal mark, not known yet
                problems = [p for p in problems
                            if str(p.column).split(".")[0] not in ("budget_total", "iati", "unit_cost_benchmarks")]
        raise ValidationFailed(problems) from None
    if alone:
        raise ValidationFailed([])
    if params.word_template:
        source = path if "word_template" in raw else params_dir / project / "project.yaml"
        problem = _word_template_problem(params.word_template, project, params_dir, source)
        if problem:
            raise ValidationFailed([problem])
    return params


def word_template_path(params: AnnexParams, params_dir: Path = PARAMS_DIR) -> Path | None:
    """The annex's Word template as a path (params_dir's parent is the repository root), or None."""
    return (params_dir.parent / params.word_template) if params.word_template else None


def _word_template_problem(value: str, project: str, params_dir: Path, source: Path) -> Problem | None:
    """A template must be a .docx inside params/<project>/ or data/<project>/ (both part of what decides a rebuild)."""
    import zipfile

    root = params_dir.parent.resolve()
    path = (root / value).resolve()
    allowed = [(params_dir / project).resolve(), (root / "data" / project).resolve()]
    fix = (f"Put the template in params/{project}/ and write its path from the repository root, "
           f"e.g. word_template: params/{project}/house-style.docx")
    if not any(path == folder or folder in path.parents for folder in allowed):
        return Problem(relative(source), "word_template", f"the Word template must be inside params/{project}/ or "
                       f"data/{project}/", fix, column="word_template", value=value)
    if exists(path) and not path.is_file():   # a folder or a named pipe so named was « there is no such file »
        try:
            checked_input(path, path.parent)
        except Refused as exc:
            return Problem(relative(source), exc.problem.rule, exc.problem.message, fix, column="word_template",
                           value=value)
    if not path.is_file():
        return Problem(relative(source), "word_template", "there is no such file", fix, column="word_template",
                       value=value)
    bomb = template_problem(path)
    if bomb is not None:  # checked before pandoc decompresses it (the value names the file: its message is said
        # alone, which messages.py can put in French)
        return Problem(relative(source), bomb.rule, bomb.message, bomb.hint, column="word_template", value=value)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        names = set()
    if path.suffix.lower() != ".docx" or not {"word/document.xml", "word/styles.xml"} <= names:
        return Problem(relative(source), "word_template", "the file is not a Word document (.docx)",
                       "Save the template from Word as 'Word Document (.docx)'.", column="word_template",
                       value=value)
    return None


TEMPLATE_MAX_PART = 16 * MiB    # one part of a Word template, unpacked (a real styles.xml is well under 1 MiB)
TEMPLATE_MAX_TOTAL = 64 * MiB   # the whole template, unpacked


def template_problem(path: Path) -> Problem | None:
    """A Word template whose parts unpack beyond the limits (a zip bomb), from its central directory and then by
    unpacking it within the limits (a part longer than declared fails its checksum); None when it is fine."""
    import zipfile

    problem = zip_problem(relative(path), path, TEMPLATE_MAX_PART, TEMPLATE_MAX_TOTAL, 1_000, "Word template",
                          "Save the template again from Word, without large pictures (see data/README.md, 'Limits').")
    if problem is not None:
        return problem
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return None  # no zip at all: "not a Word document", said by the callers
    outside = None
    try:
        with archive:
            for info in archive.infolist():
                with archive.open(info) as part:
                    outside = outside or _outside_reference(part.read())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        return Problem(relative(path), "word_template", f"the Word template is damaged ({exc})",
                       "Save the template again from Word as 'Word Document (.docx)'.")
    if outside is not None:
        # pandoc keeps the template's settings, headers and footers: every annex .docx fetched it when opened (a
        # remote attached template, a « remote template injection », can bring macros; a linked picture tells
        # the sender who opened the annex, and when)
        return Problem(relative(path), "word_template", f"the Word template refers to a file outside it "
                       f"({outside}): Word would fetch it each time an annex is opened", "Save the template again "
                       "without it: no attached template (Developer > Document Template), pictures inserted, not "
                       "linked, and no INCLUDEPICTURE or INCLUDETEXT field.", value=outside)
    return None


# Fields that fetch a file when Word updates them (INCLUDE and IMPORT: Word's older names of INCLUDETEXT and
# INCLUDEPICTURE), then their first argument if any (it may be a field of its own)
_FETCHING_FIELD = re.compile(r"\s*(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|IMPORT|LINK|DDEAUTO|DDE)\b\s*(\"[^\"]*\"|\S*)",
                             re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _outside_reference(data: bytes) -> str | None:
    """A template part's reference to a file outside it: a relationship with TargetMode External (an attached
    template, a linked picture; a hyperlink's address is one too but opens nothing: not counted), or a field that
    fetches one. The part is read as XML, not searched as bytes: a relationship written with single quotes
    (Target='http://…' TargetMode='External', XML as valid as with double ones) and a field instruction split over
    several runs (`` INCLUDEPICTURE `` then ``"http://…"``, as Word writes a field edited by hand) passed the byte
    patterns, and the annex .docx fetched the address when opened."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None   # not XML: a picture, a font (Word and pandoc refuse a damaged XML part themselves)
    for element in root.iter("{*}Relationship"):
        if (element.get("TargetMode") or "").strip().lower() == "external" \
                and not (element.get("Type") or "").endswith("/hyperlink"):
            return element.get("Target") or "?"
    for instruction in _field_instructions(root):
        field = _FETCHING_FIELD.match(instruction)
        if field:
            return field.group(2).strip('"') or field.group(1)
    return None


def _field_instructions(root) -> list[str]:
    """Each field's instruction, its runs joined (Word may split one over several runs, even inside a word); a field
    nested in another's instruction is one of its own."""
    done, open_fields = [f.get(f"{_W}instr") or "" for f in root.iter(f"{_W}fldSimple")], []
    for element in root.iter(f"{_W}fldChar", f"{_W}instrText"):
        if element.tag == f"{_W}instrText":
            if open_fields:
                open_fields[-1] += element.text or ""
            else:
                done.append(element.text or "")
        elif element.get(f"{_W}fldCharType") == "begin":
            open_fields.append("")
        elif element.get(f"{_W}fldCharType") == "end" and open_fields:
            done.append(open_fields.pop())
    return done + open_fields


def duplicate_annexes(annexes: list[AnnexParams], params_dir: Path = PARAMS_DIR) -> list[Problem]:
    """A warning for each annex file that covers the same country as an earlier one (ignoring case and accents:
    `senegal` and `Sénégal` are one country), naming both files: the build would make two annexes of it."""
    first: dict[str, AnnexParams] = {}
    problems = []
    for annex in annexes:
        seen = first.setdefault(ALL if annex.is_all else fold(annex.country), annex)  # 'Tous' is 'all'
        if seen is annex:
            continue
        here = relative(params_dir / annex.project / f"{annex.annex}.yaml")
        there = relative(params_dir / seen.project / f"{seen.annex}.yaml")
        same = (f"the country '{annex.country}'" if annex.country == seen.country
                else f"'{annex.country}', the whole project as '{seen.country}'" if annex.is_all
                else f"the country '{annex.country}', the same as '{seen.country}' (case and accents aside)")
        problems.append(Problem(here, "duplicate_annex", f"this annex covers {same}, like {there}: two annexes "
                                f"of one country would be built", f"Delete {here} or {there}, or give each annex "
                                "its own country.", column="country", value=annex.country, severity="warning"))
    return problems


def ambiguous_amounts(path: Path, params: ProjectParams) -> list[Problem]:
    """A warning (``ambiguous_number``, the tables' rule: numbers.ambiguity) for each amount this params file writes
    whose reading depends on the decimal mark: `budget_total: 3 000,000` with the mark ',' was read as 3 000 without
    a word (only lines_above_budget_total could catch it, when the lines were larger), where the same text in
    budget.csv is warned; a benchmark alike. A currency written with three decimals (TND) reads `3 000,500` as
    written, as its tables do."""
    raw = read_yaml(path)[0]
    if not isinstance(raw, dict):
        return []
    written: list[tuple[str, Any]] = [("budget_total", raw.get("budget_total"))]
    benchmarks = raw.get("unit_cost_benchmarks")
    if isinstance(benchmarks, dict):
        written += [(f"unit_cost_benchmarks.{key}", item.get("value") if isinstance(item, dict) else item)
                    for key, item in benchmarks.items()]
    three = minor_units(params.currency) == 3
    problems = []
    for key, value in written:
        text = getattr(value, "written", "") or value   # `140.000` as written, not YAML's 140.0
        said = numbers.ambiguity(text, params.decimal_mark, three) if isinstance(text, str) else None
        if said:
            problems.append(Problem(relative(path), "ambiguous_number", *said, column=key, value=text.strip(),
                                    severity="warning"))
    return problems


def currency_named(path: Path, params: ProjectParams) -> list[Problem]:
    """A warning when project.yaml writes its currency as a sign or a name (`currency: dollars`, `€`, `Dh`, `DT`),
    read as its ISO 4217 code: it was taken so without a word (a bare `$` is USD, where the project may be in
    another dollar)."""
    raw = read_yaml(path)[0]
    written = raw.get("currency") if isinstance(raw, dict) else None
    if not isinstance(written, str) or written.strip().upper() == params.currency:
        return []
    dollar = params.currency == "USD" and re.fullmatch(r"\$|dollars?", fold(written).strip()) is not None
    return [Problem(relative(path), "currency_named", f"the currency '{written.strip()}' is read as "
                    f"{params.currency}, its ISO 4217 code", f"Write currency: {params.currency}"
                    + (" (or the code of another dollar: CAD, AUD...)" if dollar else "")
                    + ", the code the tables, the published figures and the annexes use.", column="currency",
                    value=written.strip(), severity="warning")]
