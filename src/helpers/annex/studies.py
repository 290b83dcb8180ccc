"""What an impact study shows in the annex, in the annex language: names of outcomes, covariates, score terms and
subgroup values (the study's ``labels``, the code when it gives none), names of methods and standard errors, the
design's assumption in plain words, and the display tables of ``helpers.analyses.propensity``.

figures.csv keeps the codes; only what a reader sees goes through here.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..analyses.propensity import BALANCED, term_code, term_label
from ..data.schemas import StudySpec

_METHODS = {
    "naive": ("Comparaison naïve (sans ajustement)", "Naive comparison (no adjustment)"),
    "ols": ("Moindres carrés ordinaires", "Ordinary least squares"),
    "ipw": ("Pondération par le score de propension (IPW)", "Propensity-score weighting (IPW)"),
    "regression": ("Ajustement par régression", "Regression adjustment"),
    "aipw": ("IPW augmenté (doublement robuste)", "Augmented IPW (doubly robust)"),
}
_ESTIMANDS = {"att": ("effet sur les traités (ATT)", "effect on the treated (ATT)"),
              "ate": ("effet moyen sur tous (ATE)", "average effect on everyone (ATE)")}
_SE = {
    "HC1": ("robuste (HC1)", "robust (HC1)"),
    "nonrobust": ("classique", "classical"),
    "cluster": ("par grappe (CRV1)", "cluster-robust (CRV1)"),
    "gmm": ("robuste (GMM, score estimé compris)", "robust (GMM, estimated score included)"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "fr" else pair[1]


def method_name(method: str, estimand: str, lang: str) -> str:
    name = _pick(_METHODS.get(method, (method, method)), lang)
    return f"{name}, {_pick(_ESTIMANDS[estimand], lang)}" if estimand in _ESTIMANDS else name


def se_name(se_type: Any, lang: str) -> str:
    return _pick(_SE.get(str(se_type), (str(se_type), str(se_type))), lang)


def term_name(spec: StudySpec, code: str, lang: str) -> str:
    """The name of a score term (its figures.csv code, e.g. 'age^2' or 'sex=m') in the annex language."""
    if "=" in code and code.split("=", 1)[0] in spec.covariates and code.split("=", 1)[1] != "0":
        column, value = code.split("=", 1)  # a text covariate's value (impact.covariate_terms, sex=m)
        sep = " : " if lang == "fr" else ": "
        return f"{spec.label(column, lang)}{sep}{spec.value_label(column, value, lang)}"
    for term in spec.score_terms():
        if term.categories and code.startswith(f"{term.column}="):
            return term_label(spec, term, code.split("=", 1)[1], lang)
        if not term.categories and term_code(term) == code:
            return term_label(spec, term, None, lang)
    return spec.label(code, lang)


def caveat(spec: StudySpec, lang: str) -> str:
    """The assumption the design rests on, in plain words."""
    if spec.design == "did":
        fr = ("Hypothèse de la différence de différences : sans le programme, les résultats des traités auraient "
              "évolué comme ceux du groupe de comparaison (tendances parallèles)")
        en = ("Assumption of difference-in-differences: without the programme, the treated's outcomes would have "
              "moved like the comparison group's (parallel trends)")
        if spec.adjustment != "none":
            fr += ", une fois ce groupe rendu semblable aux traités sur les covariables du score"
            en += ", once that group is made to resemble the treated on the score's covariates"
        return (fr + ". Rien ne le prouve ; la vérification des tendances avant le programme peut seulement le "
                "contredire.") if lang == "fr" else (en + ". Nothing proves it; the check of the trends before "
                                                     "the programme can only contradict it.")
    if spec.adjustment == "none":
        return ("Hypothèse : les deux groupes ne diffèrent que par le programme (comparaison tirée au hasard). "
                "Si ce n'est pas le cas, la différence mesure aussi ce qui les distingue par ailleurs."
                if lang == "fr" else
                "Assumption: the two groups differ only by the programme (a comparison drawn at random). If not, "
                "the difference also measures whatever else sets them apart.")
    return ("Hypothèse : une fois pris en compte les covariables du score, rien d'autre ne distingue les traités du "
            "groupe de comparaison (pas de facteur de confusion non observé). Les données ne peuvent pas le "
            "vérifier : une motivation ou un réseau que l'enquête ne mesure pas biaiserait l'estimation."
            if lang == "fr" else
            "Assumption: once the score's covariates are accounted for, nothing else sets the treated apart from "
            "the comparison group (no unobserved confounder). The data cannot check this: a motivation or a network "
            "the survey does not measure would bias the estimate.")


_SHORT = {"naive": ("naïve", "naive"), "regression": ("régression", "regression"), "ipw": ("IPW", "IPW"),
          "aipw": ("AIPW", "AIPW")}
_SE_SHORT = {"HC1": "HC1", "cluster": "CRV1", "gmm": "GMM", "nonrobust": "class."}  # "class." in both languages


def effects_table(adjusted: pd.DataFrame, spec: StudySpec, lang: str) -> pd.DataFrame:
    """propensity.adjusted_effects with short names for a table: outcome label, method (IPW, ATT), SE type code;
    ``methods_note`` spells them out."""
    out = adjusted.copy()
    out["outcome"] = [spec.label(o, lang) for o in out["outcome"]]
    out["method"] = [_pick(_SHORT.get(m, (m, m)), lang) + (f", {e.upper()}" if e else "")
                     for m, e in zip(out["method"], out["estimand"])]
    out["se_type"] = [_SE_SHORT.get(str(s), str(s)) for s in out["se_type"]]
    return out


def methods_note(adjusted: pd.DataFrame, lang: str) -> str:
    """The table's abbreviations in full: each method and each kind of standard error it uses."""
    sep = " ; " if lang == "fr" else "; "
    methods = sep.join(f"{_pick(_SHORT.get(m, (m, m)), lang)}{', ' + e.upper() if e else ''} = "
                        f"{method_name(m, e, lang)}"
                        for m, e in adjusted[["method", "estimand"]].drop_duplicates().itertuples(index=False))
    ses = sep.join(f"{_SE_SHORT.get(s, s)} = {se_name(s, lang)}" for s in adjusted["se_type"].dropna().unique())
    return (f"Méthodes : {methods}. Erreurs types : {ses}." if lang == "fr"
            else f"Methods: {methods}. Standard errors: {ses}.")


def balance_table(balance: pd.DataFrame, spec: StudySpec, lang: str) -> pd.DataFrame:
    """propensity.weighted_balance with the terms' names and a yes/no 'balanced' column (|d| < 0.1)."""
    out = balance.copy()
    out["term"] = [term_name(spec, code, lang) for code in out["term"]]
    yes, no = ("oui", "non") if lang == "fr" else ("yes", "no")
    out["balanced"] = [("" if pd.isna(b) else yes if b else no) for b in out["balanced"]]
    return out


def balanced_count(balance: pd.DataFrame) -> tuple[int, int]:
    """How many terms are balanced (|d| < BALANCED) after weighting, of those with a difference."""
    known = balance["smd_after"].notna()
    return int((balance.loc[known, "smd_after"].abs() < BALANCED).sum()), int(known.sum())


# ------------------------------------------------------------------------------------------------ the standards
def _names(spec: StudySpec, codes: list[str], lang: str) -> str:
    return ", ".join(spec.label(c, lang) for c in codes)


def covariates_role(spec: StudySpec, lang: str) -> str:
    """What the covariates do, in words: balance only, in the model, or in the propensity score."""
    covs = _names(spec, spec.covariates, lang)
    if spec.adjustment == "none":
        if not spec.covariates:
            return ("L'étude ne déclare aucune covariable : ni tableau d'équilibre ni ajustement."
                    if lang == "fr" else "The study declares no covariate: no balance table, no adjustment.")
        return (f"Les covariables ({covs}) servent seulement à décrire l'équilibre des groupes : l'effet estimé ne "
                "les prend pas en compte (ajustement : aucun)."
                if lang == "fr" else
                f"The covariates ({covs}) only describe the balance of the groups: the estimated effect does not "
                "take them into account (adjustment: none).")
    if spec.adjustment == "regression":
        return (f"Les covariables ({covs}) entrent dans le modèle de l'effet (ajustement par régression) ; une "
                "covariable en texte y entre par une indicatrice par valeur, la première servant de référence."
                if lang == "fr" else
                f"The covariates ({covs}) enter the model of the effect (regression adjustment); a text covariate "
                "enters as one indicator per value, the first being the reference.")
    terms = ", ".join(dict.fromkeys(term_label(spec, t, None, lang) if not t.categories else
                                    spec.label(str(t.column), lang) for t in spec.score_terms()))
    return (f"Les covariables du score de propension ({terms}) servent à pondérer le groupe de comparaison pour "
            "qu'il ressemble aux traités ; une covariable en texte y entre par une indicatrice par valeur."
            if lang == "fr" else
            f"The propensity score's covariates ({terms}) weight the comparison group so that it resembles the "
            "treated; a text covariate enters as one indicator per value.")


def design_sentence(spec: StudySpec, lang: str) -> str:
    """The design in one sentence; 'intention to treat' for a randomised study; the registration."""
    if spec.design == "did":
        text = ("Différence de différences : évolution des traités moins celle du groupe de comparaison, avant et "
                "après le programme." if lang == "fr" else
                "Difference-in-differences: the change of the treated minus that of the comparison group, before "
                "and after the programme.")
    else:
        text = ("Deux groupes : traités contre comparaison." if lang == "fr" else
                "Two groups: treated against comparison.")
    if spec.randomised:
        text += (" Le groupe de comparaison a été tiré au hasard : l'effet est celui de l'intention de traiter "
                 "(chaque unité comptée dans le groupe où le tirage l'a placée)." if lang == "fr" else
                 " The comparison group was drawn at random: the effect is the intention-to-treat effect (each unit "
                 "counted in the group the draw put it in).")
    if spec.registry:
        text += (f" Étude enregistrée : {spec.registry}." if lang == "fr" else f" Registered study: {spec.registry}.")
    return text


def sample_name(spec: StudySpec, sample: str, lang: str) -> str:
    """The balance sample (impact.balance_sample's code) in words."""
    if sample == "baseline":
        unit = spec.label(str(spec.unit), lang)
        return (f"la dernière ligne de chaque unité ({unit}) avant le programme" if lang == "fr" else
                f"the last row of each unit ({unit}) before the programme")
    if sample == "pre":
        return "les lignes d'avant le programme" if lang == "fr" else "the rows before the programme"
    return "toutes les lignes" if lang == "fr" else "every row"


_REGISTRATION = {"prespecified": ("pré-spécifié", "pre-specified"), "exploratory": ("exploratoire", "exploratory")}


def headline_table(head: pd.DataFrame, spec: StudySpec, lang: str) -> pd.DataFrame:
    """propensity.headline for a table: outcome labels, the method's short name ("ITT" added for a randomised
    study), the SE kind's code, the registration in words."""
    out = head.copy()
    out["outcome"] = [spec.label(o, lang) for o in out["outcome"]]
    itt = " (ITT)" if spec.randomised else ""
    out["method"] = [("MCO" if lang == "fr" else "OLS") + itt if m == "ols" else
                     _pick(_SHORT.get(m, (m, m)), lang) + (f", {e.upper()}" if e else "") + itt
                     for m, e in zip(out["method"], out["estimand"])]
    out["se_type"] = [_SE_SHORT.get(str(s), str(s)) for s in out["se_type"]]
    out["registration"] = [_pick(_REGISTRATION[r], lang) if r in _REGISTRATION else "" for r in out["registration"]]
    return out
