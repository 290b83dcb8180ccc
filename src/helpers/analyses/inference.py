"""Two checks every impact table needs: could the study have detected an effect, and how many tests were run.

- ``min_detectable_effect(se, n_treated, n_comparison)``: the smallest true effect the study would find
  significant at 5 % with 80 % power. statsmodels' ``TTestIndPower().solve_power`` gives the standardised
  effect d* for the two group sizes; d* / sqrt(1 / n_t + 1 / n_c) is the multiple of the standard error that
  d* stands for (about 2.80 in large samples: 1.96 + 0.84), so MDE = that multiple x the estimate's own SE.
  With a simple two-group SE, sigma sqrt(1 / n_t + 1 / n_c), this is the textbook d* x sigma; with a clustered,
  weighted or difference-in-differences SE, the MDE inherits the design's precision.
  statsmodels' solver returns a one-element array instead of a number for some group sizes (2,394 and 3,232,
  the Kentucky study): the value is taken out of it, whatever its shape.
- ``min_detectable_effect_clusters(se, clusters)``: the same for an SE clustered on G clusters, whose p and
  interval use Student's t with G - 1 df (statsmodels' ``df_resid_inference``): the multiple is the one of a t test
  on G - 1 df (statsmodels' ``TTestPower`` with G observations: d* sqrt(G), about t_{1-a/2, G-1} + t_{power, G-1}),
  3.49 with 6 clusters where the rows' count gave 2.80: the MDE was a fifth too small.
- ``icc(y, groups)``: the intra-cluster correlation, one-way ANOVA estimator for clusters of unequal sizes
  (MSB - MSW) / (MSB + (m0 - 1) MSW), m0 = (N - sum n_g^2 / N) / (G - 1); 0 when negative (the estimate of a
  variance share). ``design_effect(m, icc)`` = 1 + (m - 1) ICC, m the mean cluster size.
- ``min_detectable_effect_clustered(se_iid, ...)``: the MDE of a clustered design from an SE that ignores the
  clustering: the multiple for the clusters per arm (G_t, G_c) x se_iid x sqrt(design effect).
- ``holm(p_values)``: Holm's step-down adjustment, for a family of tests (a study's outcomes); NaN p-values are
  left out of the family and stay NaN. It is statsmodels' ``multipletests(method="holm")`` arithmetic, step for
  step (a test compares them on generated p-values, to the bit), written here because statsmodels' function runs a
  full ``gc.collect()`` on each call: 0.2 s in a build worker that holds the libraries, four times per annex.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

POWER = 0.8


def min_detectable_effect(se: float, n_treated: float, n_comparison: float, alpha: float = 0.05,
                          power: float = POWER) -> float:
    """MDE in the outcome's unit (NaN when the SE or a group is missing)."""
    if not (se > 0) or not (n_treated >= 2 and n_comparison >= 2):
        return math.nan
    return mde_multiple(n_treated, n_comparison, alpha, power) * float(se)


def mde_multiple(n_treated: float, n_comparison: float, alpha: float = 0.05, power: float = POWER) -> float:
    """How many standard errors the MDE is (about 2.80 in large samples), for these group sizes."""
    if not (n_treated >= 2 and n_comparison >= 2):
        return math.nan
    return _mde_multiple(float(n_treated), float(n_comparison), float(alpha), float(power))


@lru_cache(maxsize=1024)  # a root search per call (25 ms); an annex asks again for the same group sizes
def _mde_multiple(n_treated: float, n_comparison: float, alpha: float, power: float) -> float:
    from statsmodels.stats.power import TTestIndPower

    d = TTestIndPower().solve_power(effect_size=None, nobs1=float(n_treated), ratio=n_comparison / n_treated,
                                    alpha=alpha, power=power, alternative="two-sided")
    d = np.asarray(d, dtype=float).ravel()  # a 0-d or a one-element array, depending on statsmodels' solver
    if d.size != 1 or not np.isfinite(d[0]):
        return math.nan
    return float(d[0]) / math.sqrt(1 / n_treated + 1 / n_comparison)


def min_detectable_effect_clusters(se: float, clusters: float, alpha: float = 0.05, power: float = POWER) -> float:
    """MDE of an estimate whose SE is clustered on ``clusters`` clusters (t with G - 1 df, as its p and interval)."""
    if not (se > 0) or not clusters >= 3:
        return math.nan
    return _mde_multiple_clusters(float(clusters), float(alpha), float(power)) * float(se)


@lru_cache(maxsize=1024)
def _mde_multiple_clusters(clusters: float, alpha: float, power: float) -> float:
    from statsmodels.stats.power import TTestPower

    d = TTestPower().solve_power(effect_size=None, nobs=clusters, alpha=alpha, power=power,
                                 alternative="two-sided")   # noncentrality d sqrt(G), df G - 1
    d = np.asarray(d, dtype=float).ravel()
    if d.size != 1 or not np.isfinite(d[0]):
        return math.nan
    return float(d[0]) * math.sqrt(clusters)


def icc(y: np.ndarray, groups: np.ndarray) -> float:
    """Intra-cluster correlation of ``y`` (one-way ANOVA estimator, floored at 0); NaN with fewer than 2 clusters
    or no cluster of 2 rows or more."""
    y = np.asarray(y, dtype=float)
    codes = np.unique(np.asarray(groups), return_inverse=True)[1].ravel()
    n_g = np.bincount(codes).astype(float)
    G, N = n_g.size, float(y.size)
    if G < 2 or N - G < 1:
        return math.nan
    means = np.bincount(codes, weights=y) / n_g
    msb = float((n_g * (means - y.mean()) ** 2).sum() / (G - 1))
    msw = float(((y - means[codes]) ** 2).sum() / (N - G))
    m0 = (N - (n_g ** 2).sum() / N) / (G - 1)
    denominator = msb + (m0 - 1) * msw
    if not denominator > 0:
        return math.nan
    return max(0.0, (msb - msw) / denominator)


def design_effect(mean_cluster_size: float, rho: float) -> float:
    """1 + (m - 1) ICC: how many times the variance of a mean grows because rows of a cluster resemble each other."""
    return 1 + (mean_cluster_size - 1) * rho


def min_detectable_effect_clustered(se_iid: float, clusters_treated: float, clusters_comparison: float,
                                    mean_cluster_size: float, rho: float, alpha: float = 0.05,
                                    power: float = POWER) -> float:
    """MDE of a clustered design: the multiple for the clusters of each arm x the SE that ignores the clustering x
    sqrt(1 + (m - 1) ICC)."""
    if not (se_iid > 0) or math.isnan(rho):
        return math.nan
    multiple = mde_multiple(clusters_treated, clusters_comparison, alpha, power)
    return multiple * float(se_iid) * math.sqrt(design_effect(mean_cluster_size, rho))


def holm(p_values: np.ndarray) -> np.ndarray:
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    known = ~np.isnan(p)
    if known.any():
        family = p[known]
        order = np.argsort(family)  # as multipletests: the smallest p times n, the next times n - 1, ...
        adjusted = np.maximum.accumulate(family[order] * np.arange(family.size, 0, -1))
        adjusted[adjusted > 1] = 1
        unsorted = np.empty_like(adjusted)
        unsorted[order] = adjusted
        out[known] = unsorted
    return out
