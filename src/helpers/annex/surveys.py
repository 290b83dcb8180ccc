"""What a beneficiary survey shows in the annex, in the annex language: the design in plain words, the estimates
with the XLSForm's labels (the code when the form gives none), shares in percent.

figures.csv keeps the codes (helpers.analyses.figures.survey_figures); only what a reader sees goes through here.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from . import fmt

_STATS = {"mean": ("Moyenne", "Mean"), "total": ("Total", "Total"), "share": ("Part", "Share")}


def _t(lang: str, fr: str, en: str) -> str:
    return fr if lang == "fr" else en


def design_text(survey: Any, summary: dict[str, Any], lang: str) -> str:
    """Who was sampled, how, and how many, in one paragraph."""
    d = summary["design"]
    n = fmt.number(summary["n"], 0, lang)
    parts = [_t(lang, f"{n} personnes ont répondu.", f"{n} people answered.")]
    if d["strata"]:
        parts.append(_t(lang, f"L'échantillon est stratifié par « {survey.label(d['strata'], lang)} » "
                              f"({summary['strata']} strates) : chaque strate est tirée séparément.",
                        f"The sample is stratified by '{survey.label(d['strata'], lang)}' ({summary['strata']} "
                        "strata): each stratum is drawn separately."))
    if d["clusters"]:
        parts.append(_t(lang, f"Il est tiré par grappes « {survey.label(d['clusters'], lang)} » "
                              f"({summary['clusters']} grappes) : les personnes d'une même grappe se ressemblent, ce "
                              "qui élargit les intervalles de confiance.",
                        f"It is drawn in clusters '{survey.label(d['clusters'], lang)}' ({summary['clusters']} "
                        "clusters): people of the same cluster resemble each other, which widens the confidence "
                        "intervals."))
    else:
        parts.append(_t(lang, "Les personnes sont tirées une à une (sans grappes).",
                        "People are drawn one by one (no clusters)."))
    if summary["weighted"]:
        population = fmt.number(summary["population"], 0, lang)
        parts.append(_t(lang, f"Chaque réponse est pondérée (« {survey.label(d['weights'], lang)} ») ; les poids "
                              f"représentent une population de {population} personnes.",
                        f"Each answer is weighted ('{survey.label(d['weights'], lang)}'); the weights stand for a "
                        f"population of {population} people."))
    else:
        parts.append(_t(lang, "Les réponses ne sont pas pondérées : l'échantillon est traité comme un tirage "
                              "aléatoire simple.", "The answers are not weighted: the sample is treated as a "
                              "simple random sample."))
    if d["fpc"]:
        parts.append(_t(lang, "La correction pour population finie est appliquée.",
                        "The finite population correction is applied."))
    return " ".join(parts)


def method_note(lang: str) -> str:
    return _t(lang, "Estimations tenant compte du plan de sondage (poids, strates, grappes) : erreurs types par "
                    "linéarisation de Taylor, intervalles de confiance à 95 % (loi de Student, degrés de liberté du "
                    "plan ; pour une part, intervalle logit). L'effet de plan compare la variance obtenue à celle "
                    "d'un sondage aléatoire simple de même taille : au-delà de 1, le plan élargit l'intervalle. "
                    "Un sous-groupe est estimé comme un domaine, dans le plan entier. n : nombre de réponses "
                    "utilisées.",
                  "Estimates that respect the sampling design (weights, strata, clusters): Taylor-linearised "
                  "standard errors, 95% confidence intervals (Student's t, the design's degrees of freedom; logit "
                  "interval for a share). The design effect compares the variance with that of a simple random "
                  "sample of the same size: above 1, the design widens the interval. A subgroup is estimated as a "
                  "domain, within the whole design. n: number of answers used.")


def what(survey: Any, row: pd.Series, lang: str) -> str:
    """'Revenu mensuel (EUR)' or 'Compétences utilisées au travail : Numérique'."""
    text = survey.label(row["variable"], lang)
    if row["stat"] == "share":
        text += _t(lang, " : ", ": ") + survey.value_label(row["variable"], row["value"], lang)
    return text


def group(survey: Any, row: pd.Series, lang: str) -> str:
    if pd.isna(row["by"]) or row["by"] is None:
        return _t(lang, "Ensemble", "All")
    return survey.label(row["by"], lang) + _t(lang, " : ", ": ") + survey.value_label(row["by"], row["by_value"], lang)


def display_table(frame: pd.DataFrame, survey: Any, lang: str) -> pd.DataFrame:
    """The estimates with labels, the statistic's name, shares in percent."""
    share = frame["stat"].eq("share")
    out = frame.assign(
        question=[what(survey, r, lang) for _, r in frame.iterrows()],
        group=[group(survey, r, lang) for _, r in frame.iterrows()],
        statistic=[_STATS[s][0 if lang == "fr" else 1] for s in frame["stat"]],
    )
    for column in ("estimate", "se", "ci_low", "ci_high"):
        out[column] = out[column].astype(float).where(~share, out[column].astype(float) * 100)
    return out


def headline_text(survey: Any, frame: pd.DataFrame, lang: str) -> list[str]:
    """The women's share and the share with a disability, with their 95 % intervals."""
    from ..data.surveys import WG_COLUMN

    sentences = []
    for _, row in frame.iterrows():
        if row["n"] == 0 or math.isnan(row["estimate"]):
            continue
        value = fmt.percent(100 * row["estimate"], 1, lang)
        low, high = fmt.percent(100 * row["ci_low"], 1, lang), fmt.percent(100 * row["ci_high"], 1, lang)
        if row["variable"] == WG_COLUMN:
            sentences.append(_t(lang, f"Part des personnes en situation de handicap (au moins un domaine du "
                                      f"Washington Group avec « beaucoup de difficulté » ou « ne peut pas du tout ») "
                                      f": {value} (IC 95 % {low} à {high}).",
                                f"Share of people with a disability (at least one Washington Group domain with "
                                f"'a lot of difficulty' or 'cannot do at all'): {value} (95% CI {low} to "
                                f"{high})."))
        else:
            sentences.append(_t(lang, f"Part des femmes : {value} (IC 95 % {low} à {high}).",
                                f"Share of women: {value} (95% CI {low} to {high})."))
    return sentences
