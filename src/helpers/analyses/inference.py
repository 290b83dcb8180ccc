"""Two checks every impact table needs: could the study have detected an effect, and how many tests were run.

- ``min_detectable_effect(se, n_treated, n_comparison)``: the smallest true effect the study would find
  significant at 5 % with 80 % power. statsmodels' ``TTestIndPower().solve_power`` gives the standardised
  effect d* for the two group sizes; d* / sqrt(1 / n_t + 1 / n_c) is the multiple of the standard error that
  d* stands for (about 2.80 in large samples: 1.96 + 0.84), so MDE = that multiple x the estimate's own SE.
  With a simple two-group SE, sigma sqrt(1 / n_t + 1 / n_c), this is the textbook d* x sigma; with a clustered,
  weighted or difference-in-differences SE, the MDE inherits the design's precision.
- ``holm(p_values)``: Holm's step-down adjustment (statsmodels ``multipletests(method="holm")``), for a
  family of tests (a study's outcomes); NaN p-values are left out of the family and stay NaN.
"""

from __future__ import annotations

import math

import numpy as np

POWER = 0.8


def min_detectable_effect(se: float, n_treated: float, n_comparison: float, alpha: float = 0.05,
                          power: float = POWER) -> float:
    """MDE in the outcome's unit (NaN when the SE or a group is missing)."""
    from statsmodels.stats.power import TTestIndPower

    if not (se > 0) or not (n_treated >= 2 and n_comparison >= 2):
        return math.nan
    d = TTestIndPower().solve_power(effect_size=None, nobs1=float(n_treated), ratio=n_comparison / n_treated,
                                    alpha=alpha, power=power, alternative="two-sided")
    return float(d) / math.sqrt(1 / n_treated + 1 / n_comparison) * float(se)


def holm(p_values: np.ndarray) -> np.ndarray:
    from statsmodels.stats.multitest import multipletests

    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    known = ~np.isnan(p)
    if known.any():
        out[known] = multipletests(p[known], method="holm")[1]
    return out
