"""A SYNTHETIC impact study for the sample project: migrant workers in a (fictional) fair-recruitment and skills
training programme and a comparison group, surveyed before the programme (2017), at baseline (2019) and at
follow-up (2021).

Nothing here is AMEM data. The numbers are drawn from the model below with a fixed seed, so that the sample annex
has an impact section to show and the tests have a known truth. ``python -m helpers synthesize`` (wired by the
workbook's CLI) calls ``write_training_survey``.

Design: 4 countries x 10 sites (5 programme sites, 5 comparison sites per country; the site is the cluster); in each
country x sex x group cell ``n_per_cell`` respondents, each interviewed in the three rounds (a balanced panel).
The comparison group was NOT drawn at random: it was recruited afterwards among older, less schooled workers
(selection on observed covariates), and the young's outcomes grow faster anyway. The plain difference-in-differences
therefore overstates the programme's effect; weighting the comparison group by the propensity score of age and
schooling (the study's ``adjustment: ipw``) removes the bias, and the 2017 round shows the pre-trend that betrays it.
Data-generating model (TRUE_EFFECTS holds the programme's effects at follow-up; tau = -1, 0, 1 in 2017, 2019, 2021):

- age in 2019 ~ N(33, 7) in the comparison group, N(27, 5) in the programme, 18-60; years_schooling ~ N(8, 3) in
  the comparison group, N(9.5, 3) in the programme, 0-18. Both fixed per person (age + 2 tau in each round).
- employed ~ Bernoulli(p): p = country rate - 0.15 (women) + 0.015 per year of schooling above 8 + site effect
  N(0, 0.05) + person effect N(0, 0.10) + tau (0.05 + 0.012 (30 - age in 2019)) + TRUE_EFFECTS["employed"]
  (programme, follow-up).
- formal_contract (0 when not employed) ~ Bernoulli(0.35 + 0.01 per year of schooling above 8 + site effect
  + TRUE_EFFECTS["formal_given_employed"] in the programme at follow-up).
- monthly_earnings (EUR-equivalent per month; 0 when not employed) = country level x (0.8 for women) x (1.25 when
  formal) x exp(0.03 (schooling - 8) + site effect + N(0, 0.35) + tau (0.05 + 0.015 (30 - age in 2019))) x (1 +
  TRUE_EFFECTS["earnings_pct_given_employed"]) in the programme at follow-up; about 3 % item non-response (empty).

``effects_on_treated`` gives the sample's true effect on the treated at follow-up (the same draws without the
programme), which the tests compare with the naive and the weighted estimates.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..paths import DATA_DIR

SEED = 20210320
STUDY_NAME = "training_survey"
COUNTRIES = {  # country -> (site code, employment rate at baseline, earnings level in EUR-equivalent per month)
    "Maroc": ("MAR", 0.55, 290.0),
    "Mauritanie": ("MRT", 0.45, 180.0),
    "Tunisie": ("TUN", 0.50, 310.0),
    "Libye": ("LBY", 0.60, 360.0),
}
SITES_PER_ARM = 5            # per country and group: 4 x 2 x 5 = 40 sites
TRUE_EFFECTS = {
    "employed": 0.12,                     # percentage points of employment, added to p at follow-up
    "formal_given_employed": 0.08,        # added to P(formal | employed) at follow-up
    "earnings_pct_given_employed": 0.12,  # +12 % earnings of the employed at follow-up
}
COLUMNS = ["respondent_id", "country", "site", "group", "sex", "round", "year", "age", "years_schooling",
           "employed", "formal_contract", "monthly_earnings"]


def study_spec(seed: int = SEED) -> dict:
    """The study description (schemas.StudySpec fields) written next to the CSV."""
    both = lambda fr, en: {"fr": fr, "en": en}  # noqa: E731
    return {
        "title": "Enquête synthétique : travailleurs migrants formés et groupe de comparaison (2017-2021)",
        "design": "did",
        "outcomes": ["employed", "formal_contract", "monthly_earnings"],
        "treatment": {"column": "group", "treated": "treated"},
        "period": {"column": "year", "post": 2021},
        "covariates": ["age", "years_schooling"],
        "cluster": "site",
        "se": "cluster",
        "subgroups": ["country", "sex"],
        "adjustment": "ipw",
        "estimand": "att",
        "propensity": ["age", {"column": "age", "power": 2}, "years_schooling"],
        "trim": [0.05, 0.95],
        "unit": "respondent_id",
        "labels": {
            "respondent_id": both("personne", "person"),
            "employed": both("En emploi", "Employed"),
            "formal_contract": both("Contrat formel", "Formal contract"),
            "monthly_earnings": both("Revenu mensuel (EUR)", "Monthly earnings (EUR)"),
            "age": both("Âge", "Age"),
            "years_schooling": both("Années d'études", "Years of schooling"),
            "country": both("Pays", "Country"),
            "sex": {**both("Sexe", "Sex"), "values": {"f": both("Femmes", "Women"), "m": both("Hommes", "Men")}},
        },
        "synthetic": True,
        "source": (
            f"Données SYNTHÉTIQUES générées par helpers.data.synthetic (graine {seed}) pour illustrer l'annexe : "
            "ce ne sont PAS des données de l'enquête AMEM ni d'aucun projet réel ; le groupe de comparaison n'a pas "
            "été tiré au hasard. SYNTHETIC data generated by helpers.data.synthetic (seed "
            f"{seed}); NOT AMEM data; the comparison group was not drawn at random."
        ),
    }


def make_training_survey(seed: int = SEED, n_per_cell: int = 60) -> tuple[pd.DataFrame, dict]:
    """The synthetic survey (3 rows per respondent: 2017, baseline 2019 and follow-up 2021) and its description.

    ``n_per_cell`` respondents per country x sex x group: the default 60 gives 960 respondents, 2,880 rows.
    """
    return _simulate(seed, n_per_cell)[0], study_spec(seed)


def effects_on_treated(seed: int = SEED, n_per_cell: int = 60) -> dict[str, float]:
    """The true effect on the treated at follow-up in this sample: the mean, over treated respondents at follow-up
    (with the outcome known), of the outcome minus what the same draws give without the programme."""
    _, counterfactual = _simulate(seed, n_per_cell)
    return counterfactual


def _simulate(seed: int, n_per_cell: int) -> tuple[pd.DataFrame, dict[str, float]]:
    rng = np.random.default_rng(seed)
    people = []
    for country, (code, _, _) in COUNTRIES.items():
        for group in ("treated", "comparison"):
            first = 1 if group == "treated" else SITES_PER_ARM + 1
            sites = [f"{code}-{i:02d}" for i in range(first, first + SITES_PER_ARM)]
            for sex in ("f", "m"):
                for _ in range(n_per_cell):
                    people.append((country, group, sex, sites[int(rng.integers(len(sites)))]))
    people_df = pd.DataFrame(people, columns=["country", "group", "sex", "site"])
    n = len(people_df)
    people_df.insert(0, "respondent_id", [f"R{i:04d}" for i in range(1, n + 1)])

    all_sites = sorted(people_df["site"].unique())
    site_emp = dict(zip(all_sites, rng.normal(0, 0.05, len(all_sites))))
    site_formal = dict(zip(all_sites, rng.normal(0, 0.05, len(all_sites))))
    site_earn = dict(zip(all_sites, rng.normal(0, 0.10, len(all_sites))))

    prog = (people_df["group"] == "treated").to_numpy()
    woman = (people_df["sex"] == "f").to_numpy()
    age0 = np.clip(np.round(np.where(prog, rng.normal(27, 5, n), rng.normal(33, 7, n))), 18, 60)
    school = np.clip(np.round(np.where(prog, rng.normal(9.5, 3, n), rng.normal(8, 3, n))), 0, 18)
    person = rng.normal(0, 0.10, n)
    base_rate = people_df["country"].map({c: v[1] for c, v in COUNTRIES.items()}).to_numpy(dtype=float)
    level = people_df["country"].map({c: v[2] for c, v in COUNTRIES.items()}).to_numpy(dtype=float)
    s_emp = people_df["site"].map(site_emp).to_numpy(dtype=float)
    s_formal = people_df["site"].map(site_formal).to_numpy(dtype=float)
    s_earn = people_df["site"].map(site_earn).to_numpy(dtype=float)

    rounds = []
    truth: dict[str, float] = {}
    for tau, (round_name, year) in zip((-1, 0, 1), (("pre_baseline", 2017), ("baseline", 2019),
                                                    ("followup", 2021))):
        post = tau == 1
        u_emp, u_formal, noise, u_missing = rng.random(n), rng.random(n), rng.normal(0, 0.35, n), rng.random(n)

        def outcomes(effect: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            p_emp = (base_rate - 0.15 * woman + 0.015 * (school - 8) + s_emp + person
                     + tau * (0.05 + 0.012 * (30 - age0)) + TRUE_EFFECTS["employed"] * effect)
            employed = u_emp < np.clip(p_emp, 0.02, 0.98)
            p_formal = 0.35 + 0.01 * (school - 8) + s_formal + TRUE_EFFECTS["formal_given_employed"] * effect
            formal = employed & (u_formal < np.clip(p_formal, 0.02, 0.98))
            earn = (level * np.where(woman, 0.8, 1.0) * np.where(formal, 1.25, 1.0)
                    * np.exp(0.03 * (school - 8) + s_earn + noise + tau * (0.05 + 0.015 * (30 - age0)))
                    * (1 + TRUE_EFFECTS["earnings_pct_given_employed"] * effect))
            earnings = np.where(employed, np.round(earn, 2), 0.0)
            earnings[u_missing < 0.03] = np.nan
            return employed.astype(int), formal.astype(int), earnings

        employed, formal, earnings = outcomes(prog * post)
        if post:
            without = outcomes(np.zeros(n))
            for name, with_, without_ in zip(("employed", "formal_contract", "monthly_earnings"),
                                             (employed, formal, earnings), without):
                known = prog & ~np.isnan(with_.astype(float))
                truth[name] = float(np.mean(with_[known] - without_[known]))
        part = people_df.copy()
        part["round"] = round_name
        part["year"] = year
        part["age"] = (age0 + 2 * tau).astype(int)
        part["years_schooling"] = school.astype(int)
        part["employed"] = employed
        part["formal_contract"] = formal
        part["monthly_earnings"] = earnings
        rounds.append(part)
    df = pd.concat(rounds, ignore_index=True)
    df = df.sort_values(["respondent_id", "year"], kind="stable", ignore_index=True)[COLUMNS]
    return df, truth


def write_training_survey(folder: Path | str = DATA_DIR / "amem" / "impact", seed: int = SEED,
                          n_per_cell: int = 60) -> list[Path]:
    """Write <folder>/training_survey.csv and .yaml (byte-identical for a given seed); return both paths."""
    import yaml

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    df, spec = make_training_survey(seed=seed, n_per_cell=n_per_cell)
    csv_path = folder / f"{STUDY_NAME}.csv"
    yaml_path = folder / f"{STUDY_NAME}.yaml"
    csv_path.write_bytes(csv_bytes(df))
    header = (f"# SYNTHETIC study, generated by helpers.data.synthetic (seed {seed}); regenerate with\n"
              f"# `python -m helpers synthesize`. Do not edit by hand: it would be overwritten. NOT AMEM data.\n")
    text = header + yaml.safe_dump(spec, allow_unicode=True, sort_keys=False, width=10_000)
    yaml_path.write_bytes(text.encode("utf-8"))
    return [csv_path, yaml_path]


def csv_bytes(df: pd.DataFrame) -> bytes:
    """The CSV exactly as written: UTF-8, comma-separated, '.' decimals, 2 decimals for floats, '\\n' line ends."""
    return df.to_csv(index=False, lineterminator="\n", float_format="%.2f").encode("utf-8")
