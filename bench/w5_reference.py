#!/usr/bin/env python3
"""WORKLOADS.md W5 (comp Monte Carlo stress test) computed independently with numpy, optionally
compared with `csplan comp stress --format csv`.

    .venv/bin/python bench/w5_reference.py HISTORY.csv                       # print mc_summary
    .venv/bin/python bench/w5_reference.py HISTORY.csv --compare OUT.csv      # W5-exact: 1e-9
    .venv/bin/python bench/w5_reference.py HISTORY.csv --compare OUT.csv --free  # 1.5% / 0.02

Follows W5 word for word: quarters 5-8 replayed; per trial t the team pair of entity 200 and a
pair per CSM (csm_id order) from the counter-based generator (lowbias32 twice on
n XOR 20260101, n = (t x 201 + e) x 2 + c, u = (h + 0.5) / 2^32, Box-Muller); Mc, Me, nc, ne
lognormal with mean 1; grr = max(0, 1 - LR Mc nc), exp = E Me ne, nrr = grr + exp / R; payouts
as W4; budget = 200 x OTE x variable share. Exact agreement: 1e-9 relative on costs, equal
probabilities; free: 1.5% relative on mean/p5/p50/p95 and 0.02 absolute on the probability.
"""
import argparse
import io
import math
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from comp_tables import compare, parse_tables, print_table  # noqa: E402

OTE = 120_000.0
TRIALS = 100_000
SEED = 20260101
CHUNK = 2_000  # trials per vectorised block (keeps memory near 100 MB)


def lowbias32(x):
    x = x.astype(np.uint32)
    x ^= x >> np.uint32(16)
    x *= np.uint32(0x7FEB352D)
    x ^= x >> np.uint32(15)
    x *= np.uint32(0x846CA68B)
    x ^= x >> np.uint32(16)
    return x


def normals(trials, entities, n_entities, seed):
    """(z0, z1) arrays of shape (len(trials), len(entities))."""
    base = (trials[:, None].astype(np.uint64) * n_entities + entities[None, :]) * 2
    def u(comp):
        n = (base + comp).astype(np.uint32)
        return (lowbias32(lowbias32(n ^ np.uint32(seed))).astype(np.float64) + 0.5) / 4294967296.0
    r = np.sqrt(-2.0 * np.log(u(0)))
    theta = 2.0 * np.pi * u(1)
    return r * np.cos(theta), r * np.sin(theta)


def curve(a):
    return np.where(a <= 1.0, np.maximum(a, 0.0), np.minimum(2.0, 1.0 + 1.5 * (a - 1.0)))


def reference(path, trials, out):
    h = pd.read_csv(path, keep_default_na=False)
    h = h[h["quarter_index"].isin([5, 6, 7, 8])].sort_values(["csm_id", "quarter_index"])
    n = h["csm_id"].nunique()
    shape = (n, 4)
    R = h["renewable_arr"].to_numpy(float).reshape(shape)
    LR = ((h["churned_arr"] + h["downgraded_arr"]).to_numpy(float)).reshape(shape) / R
    E = h["expansion_arr"].to_numpy(float).reshape(shape)
    Q = h["expansion_quota"].to_numpy(float).reshape(shape)
    costs = {"current": np.empty(trials), "proposed": np.empty(trials)}
    csm_entities = np.arange(n, dtype=np.uint64)
    rho = -0.5
    for start in range(0, trials, CHUNK):
        t = np.arange(start, min(trials, start + CHUNK), dtype=np.uint64)
        z1, z2 = normals(t, np.array([n], dtype=np.uint64), n + 1, SEED)
        mc = np.exp(0.25 * z1 - 0.25 ** 2 / 2)                                        # (T, 1)
        me = np.exp(0.30 * (rho * z1 + math.sqrt(1 - rho ** 2) * z2) - 0.30 ** 2 / 2)
        zc, ze = normals(t, csm_entities, n + 1, SEED)                                 # (T, n)
        nc = np.exp(0.20 * zc - 0.20 ** 2 / 2)
        ne = np.exp(0.35 * ze - 0.35 ** 2 / 2)
        grr = np.maximum(0.0, 1.0 - LR[None] * mc[:, :, None] * nc[:, :, None])       # (T, n, 4)
        exp = E[None] * me[:, :, None] * ne[:, :, None]
        nrr = grr + exp / R[None]
        cur = 6000.0 * (grr / 0.9)
        pro = 9000.0 * (0.6 * curve(nrr / 1.05) + 0.4 * curve(exp / Q[None]))
        costs["current"][t] = cur.sum(axis=(1, 2))
        costs["proposed"][t] = pro.sum(axis=(1, 2))
    rows = []
    for plan, share in (("current", 0.20), ("proposed", 0.30)):
        c = costs[plan]
        budget = n * OTE * share
        p5, p50, p95 = np.percentile(c, [5, 50, 95])
        rows.append((plan, trials, budget, float(c.mean()), float(p5), float(p50), float(p95),
                     float((c > budget).mean())))
    print_table("mc_summary", ["plan", "trials", "budget", "mean_cost", "p5", "p50", "p95",
                               "prob_cost_exceeds_budget"], rows, out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("history")
    ap.add_argument("--trials", type=int, default=TRIALS)
    ap.add_argument("--compare", metavar="CSPLAN_OUTPUT")
    ap.add_argument("--free", action="store_true", help="compare with W5-free's tolerances")
    args = ap.parse_args()
    buffer = io.StringIO()
    reference(args.history, args.trials, buffer)
    sys.stdout.write(buffer.getvalue())
    if not args.compare:
        return
    expected = parse_tables(buffer.getvalue())
    with open(args.compare, encoding="utf-8") as f:
        actual = {k: v for k, v in parse_tables(f.read()).items() if k == "mc_summary"}

    def close(_table, column, e, a):
        if column == "prob_cost_exceeds_budget":
            return abs(e - a) <= 0.02 if args.free else e == a
        if column in ("trials", "budget"):
            return e == a
        return math.isclose(e, a, rel_tol=0.015 if args.free else 1e-9)

    problems = compare(expected, actual, close)
    for p in problems:
        print(p)
    mode = "W5-free (1.5% / 0.02)" if args.free else "W5-exact (1e-9 relative, equal probabilities)"
    if problems:
        print(f"{mode}: {len(problems)} cells differ")
        sys.exit(1)
    header, rows = expected["mc_summary"]
    _, actual_rows = actual["mc_summary"]
    worst = 0.0
    for row, a_row in zip(rows, actual_rows):
        for column, e, a in zip(header, row, a_row):
            if column in ("mean_cost", "p5", "p50", "p95"):
                worst = max(worst, abs(float(a) - float(e)) / abs(float(e)))
    print(f"{mode}: agree; largest relative difference on mean/p5/p50/p95 = {worst:.3g}")


if __name__ == "__main__":
    main()
