#!/usr/bin/env python3
"""WORKLOADS.md W4 (comp backtest) computed independently with pandas/numpy, optionally
compared with `csplan comp backtest --format csv`.

    .venv/bin/python bench/w4_reference.py HISTORY.csv                  # print the reference
    .venv/bin/python bench/w4_reference.py HISTORY.csv --compare OUT.csv

Follows W4 word for word: OTE $120,000 paid quarterly; current = 80/20, 6,000 x grr/0.90;
proposed = 70/30, 9,000 x (0.6 f(nrr/1.05) + 0.4 f(expansion_arr/expansion_quota)) with
f(a) = max(a, 0) up to 1, min(2, 1 + 1.5 (a - 1)) above; performance index
0.4 z(agg_grr) + 0.4 z(agg_nrr) + 0.2 z(mean_nps) with ddof = 0; average ranks for ties, rank 1
= highest; Spearman = Pearson of the ranks; top decile m = round(0.1 n), earners tie-broken by
csm_id; P90/P10 by linear interpolation. Agreement: max(1e-6 absolute, 1e-9 relative). Exit
status 1 when the outputs differ.
"""
import argparse
import io
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from comp_tables import compare, parse_tables, print_table, within_w4  # noqa: E402

OTE = 120_000.0
PLANS = ("current", "proposed")


def curve(a):
    return np.where(a <= 1.0, np.maximum(a, 0.0), np.minimum(2.0, 1.0 + 1.5 * (a - 1.0)))


def reference(path, out):
    # keep_default_na=False: no column of the history may turn "NA"-like text into NaN.
    h = pd.read_csv(path, keep_default_na=False)
    h = h.sort_values(["csm_id", "quarter_index"], kind="stable").reset_index(drop=True)
    h["var_current"] = (OTE * 0.20 / 4) * (h["grr"] / 0.90)
    a1 = h["nrr"] / 1.05
    a2 = h["expansion_arr"] / h["expansion_quota"]
    h["var_proposed"] = (OTE * 0.30 / 4) * (0.6 * curve(a1) + 0.4 * curve(a2))
    base = {"current": OTE * 0.80 / 4, "proposed": OTE * 0.70 / 4}

    quarterly = []
    for quarter, g in h.groupby("quarter", sort=True):
        for plan in PLANS:
            csms = len(g)
            var = float(g[f"var_{plan}"].sum())
            quarterly.append((quarter, plan, csms, base[plan] * csms, var, base[plan] * csms + var))
    print_table("quarterly_cost", ["quarter", "plan", "csms", "base_cost", "variable_cost", "total_cost"],
                quarterly, out)

    per = h.groupby("csm_id", sort=True).agg(
        renewed=("renewed_arr", "sum"), renewable=("renewable_arr", "sum"),
        expansion=("expansion_arr", "sum"), nps=("nps", "mean"),
        var_current=("var_current", "sum"), var_proposed=("var_proposed", "sum"))
    agg_grr = per["renewed"] / per["renewable"]
    agg_nrr = (per["renewed"] + per["expansion"]) / per["renewable"]

    def z(x):
        return (x - x.mean()) / x.std(ddof=0)

    per["perf_score"] = 0.4 * z(agg_grr) + 0.4 * z(agg_nrr) + 0.2 * z(per["nps"])
    per["perf_rank"] = per["perf_score"].rank(ascending=False, method="average")
    n = len(per)
    m = round(0.1 * n)
    ids = per.index.to_numpy()
    top_perf = set(per.sort_values(["perf_score"], ascending=False, kind="stable").index[:m])
    summary = []
    for plan in PLANS:
        per[f"rank_{plan}"] = per[f"var_{plan}"].rank(ascending=False, method="average")
        spearman = float(np.corrcoef(per["perf_rank"], per[f"rank_{plan}"])[0, 1])
        earners = per.reset_index().sort_values([f"var_{plan}", "csm_id"], ascending=[False, True])
        top_earn = set(earners["csm_id"].iloc[:m])
        overlap = len(top_perf & top_earn)
        p90, p10 = np.percentile(per[f"var_{plan}"].to_numpy(), [90, 10])
        var_total = float(h[f"var_{plan}"].sum())
        summary.append((plan, var_total, base[plan] * len(h) + var_total, spearman, overlap, m,
                        overlap / m, float(p90 / p10)))
    print_table("plan_summary", ["plan", "variable_cost_total", "total_cost_total",
                                 "spearman_perf_vs_payout", "top_decile_overlap", "top_decile_size",
                                 "top_decile_retained_share", "payout_p90_p10_ratio"], summary, out)
    cols = ["perf_score", "perf_rank", "var_current", "rank_current", "var_proposed", "rank_proposed"]
    print_table("csm_totals", ["csm_id"] + cols,
                [(i, *(float(per.at[i, c]) for c in cols)) for i in ids], out)
    print_table("payouts", ["csm_id", "quarter", "var_current", "var_proposed"],
                h[["csm_id", "quarter", "var_current", "var_proposed"]].itertuples(index=False, name=None),
                out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("history")
    ap.add_argument("--compare", metavar="CSPLAN_OUTPUT")
    args = ap.parse_args()
    buffer = io.StringIO()
    reference(args.history, buffer)
    if not args.compare:
        sys.stdout.write(buffer.getvalue())
        return
    expected = parse_tables(buffer.getvalue())
    with open(args.compare, encoding="utf-8") as f:
        actual = parse_tables(f.read())
    problems = compare(expected, actual, lambda _t, _c, e, a: within_w4(e, a))
    cells = sum(len(rows) * len(header) for header, rows in expected.values())
    for p in problems[:20]:
        print(p)
    if problems:
        print(f"W4: {len(problems)} of {cells} cells differ")
        sys.exit(1)
    print(f"W4: all {cells} cells of {len(expected)} tables agree within max(1e-6 abs, 1e-9 rel)")
    for name, (header, rows) in expected.items():
        if name == "plan_summary":
            for row in rows:
                print("  " + ", ".join(f"{h}={v}" for h, v in zip(header, row)))


if __name__ == "__main__":
    main()
