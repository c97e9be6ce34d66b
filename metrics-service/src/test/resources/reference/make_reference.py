#!/usr/bin/env python3
"""Reference values for the results statistics engine, computed once with SciPy and committed.

Run from this directory:  python3 make_reference.py
(made with Python 3, SciPy 1.17.1, NumPy 2.4.6; the build never runs it). It writes
  comparisons.csv  per pair of proportions: Wilson intervals (binomtest.proportion_ci, method wilson),
                   the pooled two-proportion z-test (chi2_contingency on the 2x2 table without continuity
                   correction, whose p-value equals it), the Wald interval, the always-valid p-value and
                   confidence sequence (the formula of the module README, evaluated in NumPy), and the chance to
                   beat control (P(T > C) for Beta(x+1, n-x+1) posteriors by numerical integration, quad)
  srm.csv          chi-square goodness of fit (scipy.stats.chisquare) of subjects against weights
  holm.csv         Holm-adjusted p-values of the pooled z-tests of nine treatments against one control
"""
import csv
import math

import numpy as np
from scipy import integrate, stats

Z = stats.norm.ppf(0.975)
ALPHA = 0.05
TUNING = 5000.0
RHO2 = (-2 * math.log(ALPHA) + math.log(1 - 2 * math.log(ALPHA))) / TUNING

COMPARISONS = [
    # name, control successes, control trials, treatment successes, treatment trials
    ("api-example", 600, 800, 648, 800),
    ("satisfaction-worse", 150, 200, 130, 200),
    ("small-rates", 45, 1000, 60, 1000),
    ("both-zero-percent", 0, 500, 0, 500),
    ("zero-against-some", 0, 500, 5, 500),
    ("both-hundred-percent", 500, 500, 500, 500),
    ("hundred-against-less", 500, 500, 490, 500),
    ("zero-against-hundred", 0, 50, 50, 50),
    ("single-subject-each-differing", 1, 1, 0, 1),
    ("single-subject-each-same", 1, 1, 1, 1),
    ("weights-1-99", 10, 100, 1200, 9900),
    ("million-subjects", 300000, 1000000, 301500, 1000000),
    ("above-exact-threshold", 1001, 2000, 1100, 2100),
    ("rare-in-large-arms", 1500, 1000000, 1620, 1000000),
    # adoption_rate with subjects above eligiblePopulation: counts capped at the population (1200 -> 1000)
    ("above-population-capped", 1000, 1000, 800, 1000),
]


def wilson(x, n):
    ci = stats.binomtest(x, n).proportion_ci(confidence_level=0.95, method="wilson")
    return ci.low, ci.high


def pooled_p(xc, nc, xt, nt):
    if xc + xt in (0, nc + nt):
        return 1.0
    table = np.array([[xc, nc - xc], [xt, nt - xt]])
    return stats.chi2_contingency(table, correction=False).pvalue


def wald(xc, nc, xt, nt):
    pc, pt = xc / nc, xt / nt
    half = Z * math.sqrt(pt * (1 - pt) / nt + pc * (1 - pc) / nc)
    return pt - pc - half, pt - pc + half


def sequential(xc, nc, xt, nt):
    n = nc + nt
    pc, pt = xc / nc, xt / nt
    d = pt - pc
    v = pt * (1 - pt) / nt + pc * (1 - pc) / nc
    if v == 0:
        pooled = (xc + xt) / n
        v = pooled * (1 - pooled) * (1 / nc + 1 / nt)
    if v == 0:
        return 1.0, d, d
    nr = n * RHO2
    half = math.sqrt(n * v) * math.sqrt(2 * (nr + 1) / (n * nr) * math.log(math.sqrt(nr + 1) / ALPHA))
    p = min(1.0, math.sqrt(nr + 1) * math.exp(-d * d * nr / (2 * v * (nr + 1))))
    # a difference of two proportions lies in [-1, 1]
    return p, max(-1.0, d - half), min(1.0, d + half)


def chance_to_beat(xc, nc, xt, nt):
    c = stats.beta(xc + 1, nc - xc + 1)
    t = stats.beta(xt + 1, nt - xt + 1)
    lo = min(c.ppf(1e-13), t.ppf(1e-13))
    hi = max(c.isf(1e-13), t.isf(1e-13))
    breaks = np.linspace(lo, hi, 60)[1:-1]
    value, _ = integrate.quad(lambda x: t.pdf(x) * c.cdf(x), lo, hi, points=breaks, limit=1000, epsabs=1e-13)
    return min(1.0, max(0.0, value))


def write_comparisons():
    with open("comparisons.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["case", "xc", "nc", "xt", "nt", "wilsonControlLow", "wilsonControlHigh",
                      "wilsonTreatmentLow", "wilsonTreatmentHigh", "pValue", "waldLow", "waldHigh",
                      "sequentialPValue", "sequentialLow", "sequentialHigh", "chanceToBeatControl"])
        for name, xc, nc, xt, nt in COMPARISONS:
            row = [name, xc, nc, xt, nt, *wilson(xc, nc), *wilson(xt, nt), pooled_p(xc, nc, xt, nt),
                   *wald(xc, nc, xt, nt), *sequential(xc, nc, xt, nt), chance_to_beat(xc, nc, xt, nt)]
            out.writerow([repr(float(v)) if isinstance(v, (float, np.floating)) else v for v in row])


SRM = [
    ("even-two", [1000, 1010], [50, 50]),
    ("mismatch-two", [1000, 1300], [50, 50]),
    ("weights-1-99", [12, 1188], [1, 99]),
    ("weights-1-99-mismatch", [40, 1160], [1, 99]),
    ("ten-variants", [1000, 1020, 980, 1005, 995, 1010, 990, 1000, 1003, 997], [10] * 10),
    ("ten-variants-mismatch", [1200, 1020, 980, 1005, 995, 1010, 990, 1000, 1003, 997], [10] * 10),
    ("single-subject", [1, 0], [50, 50]),
]


def write_srm():
    with open("srm.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["case", "subjects", "weights", "pValue"])
        for name, subjects, weights in SRM:
            total = sum(subjects)
            expected = [total * w / sum(weights) for w in weights]
            p = stats.chisquare(subjects, expected).pvalue
            out.writerow([name, " ".join(map(str, subjects)), " ".join(map(str, weights)), repr(float(p))])


# ten variants: control 600/1000 and nine treatments
TEN = [(600, 1000), (610, 1000), (640, 1000), (560, 1000), (660, 1000), (600, 1000), (655, 1000), (590, 1000),
       (630, 1000), (700, 1000)]


def holm(p):
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        adjusted[i] = running
    return adjusted


def write_holm():
    xc, nc = TEN[0]
    p = [pooled_p(xc, nc, xt, nt) for xt, nt in TEN[1:]]
    with open("holm.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["treatment", "xt", "nt", "pValue", "adjustedPValue"])
        for k, ((xt, nt), pv, adj) in enumerate(zip(TEN[1:], p, holm(p)), start=1):
            out.writerow(["t" + str(k), xt, nt, repr(float(pv)), repr(float(adj))])


if __name__ == "__main__":
    write_comparisons()
    write_srm()
    write_holm()
