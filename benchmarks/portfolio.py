"""Each analysis helper on a generated large portfolio, each in a fresh process: seconds and peak memory.

The portfolio (numpy, fixed seed, vectorised; typed as ``helpers.data.loader`` returns tables, text columns as
pandas' "str" dtype): 100,000 activities, 1,000,000 participation rows (events), 10,000 budget lines x 36 monthly
periods of expenditure, 1,000 indicators x 6 periods, 300 reported figures, and a difference-in-differences impact
study of 1,000,000 units x 2 rounds (2,000,000 rows) on 2,000 sites (clusters), outcomes 0/1 and continuous,
subgroups country and sex, clustered SEs (the sample study's design).

Memory: Linux's peak RSS of the process (VmHWM) is reset just before the call (/proc/self/clear_refs, "5"), so the
peak is that of the call itself, with the inputs already in memory ("peak RSS"); "added" is peak minus the RSS
just before the call. Time: one call, cold (lazy imports inside the helper included), time.perf_counter.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

from .common import PYTHON, REPO, child_env, say

SEED = 20240601
N_ACTIVITIES = 100_000
N_EVENTS = 1_000_000
N_LINES, N_PERIODS = 10_000, 36
N_INDICATORS, N_IND_PERIODS = 1_000, 6
N_UNITS, N_SITES = 1_000_000, 2_000
N_REPORTED = 300
COUNTRIES = ("Maroc", "Mauritanie", "Tunisie", "Libye", "regional")


# ---------------------------------------------------------------------------------------------- generation
def _text(values) -> "pd.Series":
    import pandas as pd

    return pd.Series(values, dtype="str")


def _ids(prefix: str, n: int, width: int):
    import numpy as np

    return np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width))


def _params():
    from helpers.data.params import load_annex_params

    return load_annex_params("amem", "ensemble")


def activities(rng):
    import numpy as np
    import pandas as pd

    from helpers.data.schemas import STATUS_CODES

    n = N_ACTIVITIES
    p = np.array([0.35, 0.25, 0.1, 0.08, 0.04, 0.08, 0.02, 0.08])
    status = np.array(STATUS_CODES, dtype=object)[rng.choice(len(STATUS_CODES), n, p=p / p.sum())]
    status[rng.random(n) < 0.01] = None  # a few unknown statuses
    result = rng.integers(1, 7, n)
    progress = np.where(rng.random(n) < 0.3, np.nan, rng.uniform(0, 100, n).round())
    weight = np.where(rng.random(n) < 0.5, np.nan, rng.integers(1, 5, n).astype(float))
    planned = pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 1000, n), unit="D")
    return pd.DataFrame({
        "activity_id": _text(_ids("A", n, 6)), "status": _text(status),
        "country": _text(np.array(COUNTRIES)[rng.integers(0, 5, n)]),
        "result": _text(np.char.add("R", result.astype(str))),
        "output": _text(np.char.add(np.char.add("P", result.astype(str)), np.char.add(".", rng.integers(1, 6, n)
                                                                                      .astype(str)))),
        "label": _text(np.char.add("Activité ", np.arange(n).astype(str))),
        "progress": progress, "weight": weight,
        "planned_end": planned.astype("datetime64[ns]"),
        "actual_end": (planned + pd.to_timedelta(rng.integers(-30, 120, n), unit="D")).astype("datetime64[ns]"),
        "status_label": _text(status),
    })


def participation(rng):
    import numpy as np
    import pandas as pd

    from helpers.data.schemas import GROUPS

    n = N_EVENTS
    people = rng.integers(5, 200, n).astype(float)
    women = rng.binomial(people.astype(int), 0.42).astype(float)
    men = np.where(rng.random(n) < 0.5, people - women, np.nan)
    women[rng.random(n) < 0.05] = np.nan
    start = pd.Timestamp("2018-09-01") + pd.to_timedelta(rng.integers(0, 1000, n), unit="D")
    group = np.array(GROUPS, dtype=object)[rng.integers(0, len(GROUPS), n)]
    group[rng.random(n) < 0.2] = None
    return pd.DataFrame({
        "event_id": _text(_ids("E", n, 7)), "participants": people, "women": women,
        "country": _text(np.array(COUNTRIES)[rng.integers(0, 5, n)]),
        "label": _text(np.char.add("Atelier ", np.arange(n).astype(str))),
        "start_date": start.astype("datetime64[ns]"),
        "end_date": (start + pd.to_timedelta(rng.integers(0, 5, n), unit="D")).astype("datetime64[ns]"),
        "group": _text(group), "men": men, "sample": rng.random(n) < 0.1,
    })


def budget(rng):
    import numpy as np
    import pandas as pd

    from helpers.data.schemas import BUDGET_CATEGORIES

    lines = _ids("L", N_LINES, 5)
    country = np.array(COUNTRIES)[rng.integers(0, 5, N_LINES)]
    amount = rng.uniform(10_000, 500_000, N_LINES).round(2)
    budget_table = pd.DataFrame({
        "line": _text(lines), "budget": amount, "country": _text(country),
        "label": _text(np.char.add("Ligne ", lines)),
        "category": _text(np.array(BUDGET_CATEGORIES)[rng.choice(4, N_LINES, p=[0.3, 0.5, 0.1, 0.1])]),
    })
    ends = pd.date_range("2018-07-31", periods=N_PERIODS, freq="ME")
    line_idx = np.repeat(np.arange(N_LINES), N_PERIODS)
    period_idx = np.tile(np.arange(N_PERIODS), N_LINES)
    spent = amount[line_idx] / N_PERIODS * rng.uniform(0.2, 1.6, line_idx.size)
    expenditure = pd.DataFrame({
        "line": _text(lines[line_idx]), "period_end": ends[period_idx].astype("datetime64[ns]"),
        "amount": spent.round(2), "country": _text(country[line_idx]),
        "period_label": _text(np.asarray(ends.strftime("%Y-%m"))[period_idx]),
    })
    return budget_table, expenditure


def indicators(rng):
    import numpy as np
    import pandas as pd

    n = N_INDICATORS * N_IND_PERIODS
    ind = np.repeat(_ids("I", N_INDICATORS, 4), N_IND_PERIODS)
    period = np.tile(np.array([f"{y}-12" for y in range(2018, 2018 + N_IND_PERIODS)]), N_INDICATORS)
    decrease = np.repeat(rng.random(N_INDICATORS) < 0.2, N_IND_PERIODS)
    baseline = np.repeat(rng.uniform(0, 50, N_INDICATORS).round(), N_IND_PERIODS)
    final = np.where(decrease, baseline * 0.5, baseline + np.repeat(rng.uniform(10, 100, N_INDICATORS).round(),
                                                                     N_IND_PERIODS))
    target = np.where(rng.random(n) < 0.1, np.nan, (baseline + (final - baseline) * rng.uniform(0.2, 1.1, n))
                      .round())
    actual = np.where(rng.random(n) < 0.1, np.nan, (baseline + (final - baseline) * rng.uniform(0, 1.2, n)).round())
    return pd.DataFrame({
        "indicator_id": _text(ind), "period": _text(period), "actual": actual,
        "label": _text(np.char.add("Indicateur ", ind)),
        "level": _text(np.array(["impact", "outcome", "output"])[rng.integers(0, 3, n)]),
        "unit": _text(np.full(n, "personnes")), "baseline": baseline, "target": target, "target_final": final,
        "direction": _text(np.where(decrease, "decrease", "increase")),
        "country": _text(np.repeat(np.array(COUNTRIES)[rng.integers(0, 5, N_INDICATORS)], N_IND_PERIODS)),
        "sex": _text(np.full(n, "total")),
    })


def reported(rng):
    import numpy as np
    import pandas as pd

    metrics = [("physical_execution_rate", "all", "62,5 %"), ("women_share", "all", "42 %"),
               ("financial_execution_rate", "total", "45,3"), ("spent", "total", "1 234 567"),
               ("physical_execution_rate", "R1", "60"), ("financial_execution_rate", "total@2019-12-31", "20"),
               ("staff_cost_share", "total", "31"), ("indicator_achievement_final", "I0001@2023-12", "80")]
    pick = rng.integers(0, len(metrics), N_REPORTED)
    return pd.DataFrame({
        "figure_id": _text(_ids("F", N_REPORTED, 4)),
        "metric": _text([metrics[i][0] for i in pick]), "key": _text([metrics[i][1] for i in pick]),
        "value": _text([metrics[i][2] for i in pick]), "comparison": _text(np.full(N_REPORTED, "=")),
        "label": _text(np.full(N_REPORTED, "« un chiffre publié »")),
        "source": _text(np.full(N_REPORTED, "rapport l. 1")), "country": _text(np.full(N_REPORTED, None)),
    })


def study(rng):
    """1,000,000 units x 2 rounds on 2,000 sites; half the sites treated; effects on all three outcomes."""
    import numpy as np
    import pandas as pd

    from helpers.data.loader import Study
    from helpers.data.schemas import StudySpec

    site_of = rng.integers(0, N_SITES, N_UNITS)
    site_treated = (np.arange(N_SITES) % 2 == 0)
    site_country = np.arange(N_SITES) % 4
    site_effect = rng.normal(0, 0.05, N_SITES)
    treated = site_treated[site_of]
    female = rng.random(N_UNITS) < 0.5
    age = rng.normal(31, 7, N_UNITS).clip(18, 60).round()
    school = rng.normal(8.5, 3, N_UNITS).clip(0, 18).round()
    rows = np.arange(2 * N_UNITS)
    unit = rows // 2
    post = (rows % 2).astype(bool)
    p = (0.5 - 0.15 * female[unit] + 0.015 * (school[unit] - 8) + site_effect[site_of[unit]] + 0.05 * post
         + 0.12 * (treated[unit] & post)).clip(0.01, 0.99)
    employed = (rng.random(rows.size) < p).astype(float)
    formal = (employed * (rng.random(rows.size) < 0.35 + 0.08 * (treated[unit] & post))).astype(float)
    earnings = employed * 300 * np.exp(rng.normal(0, 0.35, rows.size)) * (1 + 0.12 * (treated[unit] & post))
    earnings[rng.random(rows.size) < 0.03] = np.nan
    countries = np.array(["Maroc", "Mauritanie", "Tunisie", "Libye"])
    sites = _ids("S", N_SITES, 4)
    data = pd.DataFrame({
        "respondent_id": _text(_ids("R", N_UNITS, 7)[unit]),
        "country": _text(countries[site_country[site_of[unit]]]),
        "site": _text(sites[site_of[unit]]),
        "group": _text(np.where(treated[unit], "treated", "comparison")),
        "sex": _text(np.where(female[unit], "f", "m")),
        "round": _text(np.where(post, "followup", "baseline")),
        "year": np.where(post, 2021.0, 2019.0), "age": age[unit] + 2 * post, "years_schooling": school[unit],
        "employed": employed, "formal_contract": formal, "monthly_earnings": earnings.round(2),
    })
    spec = StudySpec(title="Generated study", design="did",
                     outcomes=["employed", "formal_contract", "monthly_earnings"],
                     treatment={"column": "group", "treated": "treated"},
                     period={"column": "round", "post": "followup"}, covariates=["age", "years_schooling"],
                     cluster="site", se="cluster", subgroups=["country", "sex"], synthetic=True)
    return Study("generated_study", spec, data, [])


def project_data(rng):
    from helpers.data.loader import ProjectData
    from helpers.data.params import load_project_params
    from helpers.data.schemas import TABLES

    b, e = budget(rng)
    tables = {"activities": activities(rng), "participation": participation(rng), "budget": b, "expenditure": e,
              "indicators": indicators(rng), "reported": reported(rng)}
    assert set(tables) == set(TABLES)
    s = study(rng)
    return ProjectData("amem", load_project_params("amem"), tables, set(tables), {s.name: s}, [], [])


# ---------------------------------------------------------------------------------------------- the helpers
def _figures_for_reconcile(rng):
    """A figures table of 100,000 rows (metric, key, value, unit, n, note) for reconcile.reconcile."""
    import numpy as np
    import pandas as pd

    n = 100_000
    metric = np.array(["physical_execution_rate", "women_share", "financial_execution_rate", "spent",
                       "staff_cost_share", "indicator_achievement_final"])[np.arange(n) % 6]
    key = np.where(np.arange(n) < 6, np.where(np.isin(metric, ["financial_execution_rate", "spent",
                                                                "staff_cost_share"]), "total", "all"),
                   np.char.add("K", np.arange(n).astype(str)))
    return pd.DataFrame({"metric": metric.astype(object), "key": key.astype(object), "value": rng.uniform(0, 100, n),
                         "unit": "%", "n": rng.integers(1, 1000, n), "note": ""})


def _setup(name: str):
    """(callable, description) for helper ``name``; the data is generated here, outside the measurement."""
    import numpy as np

    from helpers.analyses import budget as b
    from helpers.analyses import execution, figures, gender, impact
    from helpers.analyses import indicators as ind
    from helpers.analyses import reconcile as rec

    rng = np.random.default_rng(SEED)
    params = _params()
    if name.startswith("execution."):
        acts = activities(rng)
        calls = {"execution.physical_execution_rate": lambda: execution.physical_execution_rate(acts, "country"),
                 "execution.physical_progress_rate": lambda: execution.physical_progress_rate(acts, "result"),
                 "execution.activity_status_count": lambda: execution.activity_status_count(acts, "country")}
        return calls[name], f"{len(acts):,} activities"
    if name.startswith("gender."):
        people = participation(rng)
        calls = {"gender.women_share": lambda: gender.women_share(people),
                 "gender.women_share[by=event_id]": lambda: gender.women_share(people, by="event_id"),
                 "gender.women_share[by=country]": lambda: gender.women_share(people, by="country"),
                 "gender.gender_parity_index": lambda: gender.gender_parity_index(people, params.thresholds)}
        return calls[name], f"{len(people):,} participation rows"
    if name.startswith("budget."):
        bt, ex = budget(rng)
        fn = getattr(b, name.split(".", 1)[1])
        return (lambda: fn(bt, ex, params)), f"{len(bt):,} lines, {len(ex):,} expenditure rows"
    if name.startswith("indicators."):
        table = indicators(rng)
        calls = {"indicators.iptt": lambda: ind.iptt(table, params.thresholds),
                 "indicators.indicator_anomalies": lambda: ind.indicator_anomalies(table)}
        return calls[name], f"{len(table):,} indicator rows"
    if name.startswith("impact."):
        s = study(rng)
        calls = {"impact.estimate_effects": lambda: impact.estimate_effects(s),
                 "impact.estimate_effects[1 BLAS thread]": lambda: impact.estimate_effects(s),
                 "impact.balance_table": lambda: impact.balance_table(s)}
        return calls[name], f"{len(s.data):,} rows, {N_SITES:,} clusters"
    if name == "reconcile.reconcile":
        rep, figs = reported(rng), _figures_for_reconcile(rng)
        return (lambda: rec.reconcile(rep, figs, decimal_mark=",")), \
            f"{len(rep):,} reported figures vs {len(figs):,} figures"
    if name == "figures.annex_figures":
        data = project_data(rng)
        return (lambda: figures.annex_figures(data, params)), "the whole portfolio, annex 'ensemble'"
    raise KeyError(name)


HELPERS = [
    "execution.physical_execution_rate", "execution.physical_progress_rate", "execution.activity_status_count",
    "gender.women_share", "gender.women_share[by=event_id]", "gender.women_share[by=country]",
    "gender.gender_parity_index",
    "budget.budget_lines", "budget.budget_by_country", "budget.budget_summary", "budget.staff_cost_share",
    "budget.spending_by_period",
    "indicators.iptt", "indicators.indicator_anomalies",
    "impact.estimate_effects", "impact.estimate_effects[1 BLAS thread]", "impact.balance_table",
    "reconcile.reconcile",
    "figures.annex_figures",
]
SINGLE_THREAD = {"impact.estimate_effects[1 BLAS thread]"}


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def _child(name: str, profile: str | None = None) -> int:
    import gc

    fn, what = _setup(name)
    gc.collect()
    before = _status_kib("VmRSS") * 1024
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")  # reset the peak RSS (VmHWM) to the current RSS
        method = "VmHWM after reset"
    except OSError:
        method = "ru_maxrss (whole process, generation included)"
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.runcall(fn)
        seconds = time.perf_counter() - t0
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(profile and int(profile) or 25)
    else:
        t0 = time.perf_counter()
        out = fn()
        seconds = time.perf_counter() - t0
        del out
    peak = _status_kib("VmHWM") * 1024 if method.startswith("VmHWM") else \
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"helper": name, "input": what, "seconds": seconds, "peak_rss_bytes": peak,
                      "rss_before_bytes": before, "added_bytes": peak - before, "memory_method": method}))
    return 0


def run(names: list[str] | None = None) -> dict:
    names = names or HELPERS
    say(f"portfolio: {len(names)} helper calls on the generated portfolio, each in a fresh process")
    results = []
    for i, name in enumerate(names, 1):
        env = child_env(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1") \
            if name in SINGLE_THREAD else child_env()
        t0 = time.perf_counter()
        proc = subprocess.run([PYTHON, "-m", "benchmarks.portfolio", name], cwd=REPO, env=env,
                              capture_output=True, text=True)
        if proc.returncode != 0 or not proc.stdout.strip():
            results.append({"helper": name, "error": proc.stderr[-1500:]})
            say(f"  portfolio {i:>2}/{len(names)} {name:<42} FAILED: {proc.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        row["process_seconds"] = time.perf_counter() - t0
        results.append(row)
        say(f"  portfolio {i:>2}/{len(names)} {name:<42} {row['seconds']:7.2f} s  peak RSS "
            f"{row['peak_rss_bytes'] / 2**20:7.0f} MiB (+{row['added_bytes'] / 2**20:.0f})  [{row['input']}]")
    return {"helpers": results}


if __name__ == "__main__":
    args = sys.argv[1:]
    prof = None
    if args and args[0].startswith("--profile"):
        prof = args[0].partition("=")[2] or "25"
        args = args[1:]
    sys.exit(_child(args[0], prof))
