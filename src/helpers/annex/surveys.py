"""What a beneficiary survey shows in the annex, in the annex language: the design in plain words, the estimates
with the XLSForm's labels (the code when the form gives none), shares in percent.

figures.csv keeps the codes (helpers.analyses.figures.survey_figures); only what a reader sees goes through here.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from . import fmt
from .words import say



def design_text(survey: Any, summary: dict[str, Any], lang: str) -> str:
    """Who was sampled, how, and how many, in one paragraph."""
    d = summary["design"]
    n = fmt.number(summary["n"], 0, lang)
    parts = [say(_one("survey_answered", summary["n"]), lang, n=n)]
    if summary.get("zero_weight"):   # « 42 personnes ont répondu » beside estimates of 33: said why
        parts.append(say(_one("survey_zero_weight", summary["zero_weight"]), lang,
                         n=fmt.number(summary["zero_weight"], 0, lang)))
    if summary["rejected"]:
        parts.append(say("survey_rejected", lang, n=fmt.number(summary["rejected"], 0, lang)))
    if summary.get("early"):
        parts.append(say("survey_before_fieldwork", lang, n=fmt.number(summary["early"], 0, lang),
                         date=fmt.date(survey.spec.fieldwork_start, lang)))
    if d["strata"]:
        parts.append(say(_one("survey_strata", summary["strata"]), lang, name=survey.label(d["strata"], lang),
                         count=summary["strata"]))
    if d["clusters"]:
        parts.append(say("survey_clusters", lang, name=survey.label(d["clusters"], lang), count=summary["clusters"]))
    else:
        parts.append(say("survey_no_clusters", lang))
    if summary["weighted"] and summary.get("relative"):   # normalised weights: no population to name
        parts.append(say("survey_weighted_relative", lang, name=survey.label(d["weights"], lang)))
    elif summary["weighted"]:
        population = fmt.number(summary["population"], 0, lang)
        parts.append(say("survey_weighted", lang, name=survey.label(d["weights"], lang), population=population))
        if summary.get("left_out_weight"):   # the rejected or test submissions' weights: a population now uncounted
            before = fmt.number(summary["population"] + summary["left_out_weight"], 0, lang)
            left_out = summary["rejected"] + summary.get("early", 0)
            parts.append(say(_one("survey_weighted_left_out", left_out), lang, population=before,
                             n=fmt.number(left_out, 0, lang)))
    elif summary.get("fpc_weighted"):   # no weights: those the fpc gives, as R's svydesign takes them
        population = fmt.number(summary["population"], 0, lang)
        parts.append(say("survey_weighted_fpc", lang, name=survey.label(d["fpc"], lang), population=population))
    else:
        parts.append(say("survey_not_weighted", lang))
    if d["fpc"]:
        parts.append(say("survey_fpc", lang))
    codes = getattr(survey.spec, "missing_codes", [])
    if codes:
        parts.append(say("survey_missing_codes", lang, codes=", ".join(fmt.number(c, 0 if float(c).is_integer() else 2,
                                                                                  lang) for c in codes)))
    return " ".join(parts)


def _one(key: str, n: int) -> str:
    """The sentence's key for a count of 1 (« 1 personne a répondu », « une seule strate »): « 1 personnes ont
    répondu », « Parmi elles, 1 ont un poids nul », « (1 strates) » were printed."""
    return f"{key}_one" if n == 1 else key


def method_note(lang: str) -> str:
    return say("survey_method_note", lang)


def what(survey: Any, row: pd.Series, lang: str) -> str:
    """'Revenu mensuel (EUR)', 'Compétences utilisées au travail : Numérique' or 'Dépenses du mois par Membres du
    ménage' (a ratio: its denominator in ``value``)."""
    text = survey.label(row["variable"], lang)
    if row["stat"] == "ratio":
        text = say("survey_ratio_of", lang, name=text, per=survey.label(row["value"], lang))
    elif row["stat"] == "share":
        text = say("label_value", lang, name=text, value=survey.value_label(row["variable"], row["value"], lang))
    return text


def group(survey: Any, row: pd.Series, lang: str) -> str:
    if pd.isna(row["by"]) or row["by"] is None:
        return say("survey_everyone", lang)
    return say("label_value", lang, name=survey.label(row["by"], lang),
               value=survey.value_label(row["by"], row["by_value"], lang))


def display_table(frame: pd.DataFrame, survey: Any, lang: str) -> pd.DataFrame:
    """The estimates with labels, the statistic's name, shares in percent."""
    share = frame["stat"].eq("share")
    out = frame.assign(
        question=[what(survey, r, lang) for _, r in frame.iterrows()],
        group=[group(survey, r, lang) for _, r in frame.iterrows()],
        statistic=[say(f"survey_stat_{s}", lang) for s in frame["stat"]],
    )
    for column in ("estimate", "se", "ci_low", "ci_high"):
        out[column] = out[column].astype(float).where(~share, out[column].astype(float) * 100)
    return out


def without_subgroup(survey: Any, lang: str) -> list[str]:
    """Per subgroup column of the estimates, the respondents it leaves out (their answer to it is empty): they count
    in « Ensemble » and in no subgroup, so the subgroups' n do not add up to the whole (24 + 20 for 47), which the
    annex did not say."""
    from ..data.readers import header_name

    sentences = []
    for column in dict.fromkeys(header_name(e.by) for e in survey.spec.estimates if e.by):
        if column not in survey.data.columns and column not in survey.multiple:
            continue
        answered = survey.indicator(column, survey.options(column)[0]).notna() if survey.options(column) else \
            pd.Series(False, index=survey.data.index)
        missing = int((~answered).sum())
        if missing:
            sentences.append(say("survey_without_subgroup", lang, n=fmt.number(missing, 0, lang),
                                 name=survey.label(column, lang)))
    return sentences


def all_zero(survey: Any, lang: str) -> list[str]:
    """Per select_multiple whose option columns hold 0 for respondents with no answer, while none has them empty
    (survey_multiple_all_zero): whether they were read as not asked, or counted in its shares' denominator. The
    warning said it, the annex did not: its shares' n (32 or 40) was all a reader saw."""
    sentences = []
    for column, (n, control, value) in getattr(survey, "all_zero", {}).items():
        name, count = survey.label(column, lang), fmt.number(n, 0, lang)
        if control is None:
            sentences.append(say("survey_all_zero_counted", lang, name=name, n=count))
        else:
            sentences.append(say("survey_all_zero_not_asked", lang, name=name, n=count, control=survey.label(
                control, lang), value=survey.value_label(control, value, lang)))
    return sentences


_SHOWN = {"se": ("se",), "ci": ("ci_low", "ci_high"), "deff": ("deff",)}   # the cells n.d. beside an estimate


def not_available(frame: pd.DataFrame, survey: Any, lang: str) -> list[str]:
    """One sentence per estimate of the table that shows n.d., naming its cells and their own reason (a subgroup of
    one answer, inside one cluster, a ratio whose denominator is 0...). The table's general « non renseigné dans
    les données de suivi, ou non calculable » was printed above the specific notes, and for most n.d. was all a
    reader had."""
    from ..analyses.surveys import missing_reason

    clusters = survey.design_columns()["clusters"]
    unit = survey.label(clusters, lang) if clusters else ""
    sentences = []
    for _, r in frame.iterrows():
        reason = missing_reason(r)
        if not reason:
            continue
        if reason == "zero_denominator":
            why = say("survey_nd_zero_denominator" + ("_one" if int(r["n"]) == 1 else ""), lang,
                      per=survey.label(r["value"], lang), n=fmt.number(int(r["n"]), 0, lang))
        else:
            why = say(f"survey_nd_{reason}" + ("_cluster" if unit and reason in ("single_unit", "answers_one_unit")
                                               else ""), lang, unit=unit)
        name = f"{what(survey, r, lang)} ({say('survey_stat_' + r['stat'], lang).lower()})"   # as the table says it
        sentences.append(say("survey_nd", lang, name=name, group=group(survey, r, lang), cells=_cells(r, lang),
                             why=why))
    return sentences


def _cells(row: pd.Series, lang: str) -> str:
    """« erreur type, intervalle et effet de plan » (the cells shown n.d.), before « n.d. »; nothing when the
    estimate itself is n.d. (every cell is)."""
    if fmt.is_missing(row["estimate"]):
        return ""
    names = [say(f"survey_cell_{c}", lang) for c, cells in _SHOWN.items() if any(fmt.is_missing(row[k]) for k in cells)]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + say("survey_and", lang) + names[-1]
    return listed + " "


SMALL_N = 30   # answers below which an estimate is read with care (DHS puts 25-49 in parentheses)


def small_n(frame: pd.DataFrame, lang: str) -> str:
    """A caution naming how many estimates rest on fewer than SMALL_N answers (a subgroup of 8 respondents gave
    15,0 % from 0,4 % to 88,0 %, beside the others without a word). Empty when none."""
    few = frame[(frame["n"] > 0) & (frame["n"] < SMALL_N)]
    if few.empty:
        return ""
    return say("survey_small_n", lang, count=fmt.number(len(few), 0, lang), limit=SMALL_N,
               smallest=fmt.number(int(few["n"].min()), 0, lang))


def headline_text(survey: Any, frame: pd.DataFrame, lang: str) -> list[str]:
    """The women's share and the share with a disability, with their 95 % intervals."""
    from ..data.surveys import WG_COLUMN

    sentences = []
    for _, row in frame.iterrows():
        if row["n"] == 0 or math.isnan(row["estimate"]):
            continue
        value = fmt.share_percent(100 * row["estimate"], 1, lang)   # 0.04 % is not « 0,0 % »
        low, high = fmt.share_percent(100 * row["ci_low"], 1, lang), fmt.share_percent(100 * row["ci_high"], 1, lang)
        if row["variable"] == WG_COLUMN:
            sentences.append(say("survey_disability_share", lang, value=value, low=low, high=high))
        else:
            sentences.append(say("survey_women_share", lang, value=value, low=low, high=high))
    return sentences
