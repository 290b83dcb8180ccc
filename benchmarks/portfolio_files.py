"""The portfolio project written as files, the way an evaluator would hand it in: `python -m benchmarks.portfolio_files DIR`.

DIR/data/<project>/ gets CSV files (participation in register form: one row per person) and an impact study;
DIR/params/<project>/ the sample's params with the project renamed and one project-wide annex ("ensemble").
Sizes (the issue's portfolio): 1,000,000 register rows over 20,000 events; 200,000 activities; 10,000 budget lines x
36 periods of expenditure; 1,000 indicators x 6 periods; a difference-in-differences study of 1,000,000 units x 2
rounds. Labels are written as partners write them (« Réalisé(e) », « Femme », « Maroc »), numbers with the
project's decimal mark, so the loader does its whole work. Fixed seed: the same files each run.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from .common import REPO

SEED = 20261201
PROJECT = "portfolio"
SIZES = {"people": 1_000_000, "events": 20_000, "activities": 200_000, "lines": 10_000, "periods": 36,
         "indicators": 1_000, "indicator_periods": 6, "units": 1_000_000, "sites": 2_000}
COUNTRIES = np.array(["Maroc", "Mauritanie", "Tunisie", "Libye", ""])
STATUS_LABELS = np.array(["Réalisé(e)", "En cours (avancé)", "Non réalisé", "Prévue", "Retardées",
                          "En sérieux retard", "Dans les délais", "Annulé"])
SEX_LABELS = np.array(["F", "Femme", "H", "homme", "M"])
GROUPS = np.array(["government", "workers", "employers", "civil_society", "migrants", ""])


def _ids(prefix: str, n: int, width: int) -> np.ndarray:
    return np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width))


def write(root: Path, sizes: dict[str, int] | None = None, project: str = PROJECT) -> Path:
    """Write the portfolio's data and params under root; returns root."""
    s = {**SIZES, **(sizes or {})}
    rng = np.random.default_rng(SEED)
    data = root / "data" / project
    (data / "impact").mkdir(parents=True, exist_ok=True)

    def csv(name: str, frame: pd.DataFrame) -> None:
        frame.to_csv(data / f"{name}.csv", index=False)

    n = s["activities"]
    status = rng.integers(0, len(STATUS_LABELS), n)
    # progress as a monitoring sheet keeps it: 100 when done, 0 when not started (« Non réalisé », « Prévue »), none
    # when cancelled, else 1-99 (make check warns where status and progress disagree)
    progress = np.select([status == 0, np.isin(status, (2, 3)), status == 7],
                         [100.0, 0.0, np.nan], rng.integers(1, 100, n).astype(float))
    csv("activities", pd.DataFrame({
        "activity_id": _ids("A", n, 6), "status": STATUS_LABELS[status],
        "country": COUNTRIES[rng.integers(0, 5, n)], "result": np.char.add("R", rng.integers(1, 7, n).astype(str)),
        "label": np.char.add("Activité ", np.arange(n).astype(str)),
        "progress": np.where(rng.random(n) < 0.3, np.nan, progress),
        "planned_end": (pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 1000, n), unit="D"))
        .strftime("%d/%m/%Y"),
    }))

    events, people = s["events"], s["people"]
    event_of = np.sort(rng.integers(0, events, people))
    start = pd.Timestamp("2018-09-01") + pd.to_timedelta(rng.integers(0, 1000, events), unit="D")
    event_country = COUNTRIES[rng.integers(0, 4, events)]
    event_group = GROUPS[rng.integers(0, len(GROUPS), events)]
    sex = SEX_LABELS[rng.choice(len(SEX_LABELS), people, p=[0.3, 0.12, 0.3, 0.08, 0.2])]
    sex[(event_of < 50) & (rng.random(people) < 0.05)] = ""  # a few events where some sexes are not recorded
    csv("participation", pd.DataFrame({
        "event_id": _ids("E", events, 5)[event_of], "sex": sex, "country": event_country[event_of],
        "label": np.char.add("Atelier ", event_of.astype(str)),
        "start_date": np.asarray(start.strftime("%Y-%m-%d"))[event_of], "group": event_group[event_of],
    }))

    lines, periods = s["lines"], s["periods"]
    line_ids = _ids("L", lines, 5)
    line_country = COUNTRIES[rng.integers(0, 5, lines)]
    amount = rng.uniform(10_000, 500_000, lines).round(2)
    csv("budget", pd.DataFrame({
        "line": line_ids, "budget": amount, "country": line_country, "label": np.char.add("Ligne ", line_ids),
        "category": np.array(["staff", "operational", "support", "other"])[rng.choice(4, lines, p=[.3, .5, .1, .1])],
    }))
    ends = pd.date_range("2018-07-31", periods=periods, freq="ME")
    line_idx = np.repeat(np.arange(lines), periods)
    csv("expenditure", pd.DataFrame({
        "line": line_ids[line_idx], "period_end": np.asarray(ends.strftime("%Y-%m-%d"))[np.tile(np.arange(periods),
                                                                                               lines)],
        "amount": (amount[line_idx] / periods * rng.uniform(0.2, 1.6, line_idx.size)).round(2),
        "country": line_country[line_idx],
    }))

    k, p = s["indicators"], s["indicator_periods"]
    baseline = rng.uniform(0, 50, k).round()
    final = baseline + rng.uniform(10, 100, k).round()
    years = np.tile(2018 + np.arange(p), k)
    actual = (np.repeat(baseline, p) + np.repeat(final - baseline, p) * rng.uniform(0, 1.2, k * p)).round()
    csv("indicators", pd.DataFrame({
        "indicator_id": np.repeat(_ids("I", k, 4), p), "period": np.char.add(years.astype(str), "-12"),
        # measured up to the sample's reporting date (2020-12-31), the periods after it still to come
        "actual": np.where(years <= 2020, actual, np.nan),
        "label": np.repeat(np.char.add("Indicateur ", _ids("I", k, 4)), p),
        "level": np.repeat(np.array(["impact", "outcome", "output"])[rng.integers(0, 3, k)], p),
        "baseline": np.repeat(baseline, p), "target_final": np.repeat(final, p),
        "country": np.repeat(COUNTRIES[rng.integers(0, 5, k)], p),
    }))
    csv("reported", pd.DataFrame({
        "figure_id": ["F1", "F2"], "metric": ["physical_execution_rate", "women_share"], "key": ["all", "all"],
        "value": ["40", "45"], "label": ["« taux »", "« part des femmes »"], "source": ["rapport", "rapport"],
    }))

    units, sites = s["units"], s["sites"]
    site_of = rng.integers(0, sites, units)
    treated = (site_of % 2 == 0)
    female = rng.random(units) < 0.5
    unit = np.repeat(np.arange(units), 2)
    post = np.tile([False, True], units)
    p_emp = (0.5 - 0.1 * female[unit] + 0.05 * post + 0.1 * (treated[unit] & post)).clip(0.01, 0.99)
    employed = (rng.random(unit.size) < p_emp).astype(int)
    study = pd.DataFrame({
        "respondent_id": _ids("R", units, 7)[unit], "country": COUNTRIES[:4][site_of[unit] % 4],
        "site": _ids("S", sites, 4)[site_of[unit]], "group": np.where(treated[unit], "treated", "comparison"),
        "sex": np.where(female[unit], "f", "m"), "round": np.where(post, "followup", "baseline"),
        "age": rng.integers(18, 60, units)[unit] + 2 * post, "employed": employed,
        "monthly_earnings": (employed * 300 * np.exp(rng.normal(0, 0.35, unit.size))).round(2),
    })
    study.to_csv(data / "impact" / "study.csv", index=False)
    (data / "impact" / "study.yaml").write_text(
        "title: 'Generated study (benchmark)'\ndesign: did\noutcomes: [employed, monthly_earnings]\n"
        "treatment: {column: group, treated: treated}\nperiod: {column: round, post: followup}\n"
        "covariates: [age]\ncluster: site\nse: cluster\nsubgroups: [country, sex]\nsynthetic: true\n",
        encoding="utf-8")

    params = root / "params" / project
    params.mkdir(parents=True, exist_ok=True)
    sample = (REPO / "params" / "amem" / "project.yaml").read_text(encoding="utf-8")
    (params / "project.yaml").write_text(sample.split("status_synonyms:")[0], encoding="utf-8")
    shutil.copy(REPO / "params" / "amem" / "ensemble.yaml", params / "ensemble.yaml")
    return root


def csv_files(root: Path, project: str = PROJECT) -> list[Path]:
    return sorted((root / "data" / project).rglob("*.csv"))


if __name__ == "__main__":
    print(write(Path(sys.argv[1])))
