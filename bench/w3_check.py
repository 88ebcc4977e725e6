#!/usr/bin/env python3
"""W3 (shared/bench/WORKLOADS.md) computed independently from an accounts CSV, compared with
`csplan capacity --format csv` on a workspace that holds the same accounts.

    python3 bench/w3_check.py ACCOUNTS.csv CSPLAN_OUTPUT.csv

The reference follows WORKLOADS.md W3 word for word: rule set A tiers (lower bound inclusive),
total_arr summed exactly with Decimal, A = 1,500,000, K = 600, catalogue 12 / 4 / 1. Cells agree
within max(1e-6 absolute, 1e-9 relative), W3's own tolerance. Prints the reference table.
"""
import csv
import math
import sys
from decimal import Decimal

A, K = 1_500_000.0, 600.0
CATALOG = {"Enterprise": 12.0, "Mid-Market": 4.0, "SMB": 1.0}
COLUMNS = [
    "segment", "accounts", "total_arr", "csms_topdown", "headcount_topdown",
    "customers_per_csm_topdown", "touch_topdown", "activities_per_month",
    "customers_per_csm_bottomup", "csms_bottomup", "headcount_bottomup", "touch_bottomup",
]


def touch(c):
    return "high-touch" if c < 50 else "low-touch" if c < 200 else "automated"


def reference(path):
    count = {k: 0 for k in CATALOG}
    arr = {k: Decimal(0) for k in CATALOG}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            value = Decimal(row["arr"])
            tier = "Enterprise" if value >= 100000 else "Mid-Market" if value >= 25000 else "SMB"
            count[tier] += 1
            arr[tier] += value
    rows = []
    for seg in CATALOG:
        if count[seg] == 0:
            continue
        td = float(arr[seg]) / A
        cpc_bu = K / CATALOG[seg]
        bu = count[seg] * CATALOG[seg] / K
        rows.append([seg, count[seg], arr[seg], td, math.ceil(td), count[seg] / td, touch(count[seg] / td),
                     CATALOG[seg], cpc_bu, bu, math.ceil(bu), touch(cpc_bu)])
    n = sum(r[1] for r in rows)
    td = sum(r[3] for r in rows)
    bu = sum(r[9] for r in rows)
    rows.append(["Total", n, sum(r[2] for r in rows), td, sum(r[4] for r in rows), n / td, "",
                 "", n / bu, bu, sum(r[10] for r in rows), ""])
    return rows


def agree(expected, actual):
    if isinstance(expected, str):
        return expected == actual
    if actual == "":
        return False
    e, a = float(expected), float(actual)
    return abs(e - a) <= max(1e-6, 1e-9 * abs(e))


def main():
    expected = reference(sys.argv[1])
    with open(sys.argv[2], newline="") as f:
        actual = list(csv.reader(f))
    header, body = actual[0], actual[1:]
    if header[: len(COLUMNS)] != COLUMNS:
        sys.exit(f"header differs: {header[:len(COLUMNS)]}")
    print("#table capacity")
    print(",".join(COLUMNS))
    for row in expected:
        print(",".join(str(v) for v in row))
    if len(body) != len(expected):
        sys.exit(f"{len(body)} rows, expected {len(expected)}")
    bad = [(r[0], c, e, a) for r, got in zip(expected, body)
           for c, e, a in zip(COLUMNS, r, got[: len(COLUMNS)]) if not agree(e, a)]
    if bad:
        for b in bad:
            print("MISMATCH segment=%s column=%s expected=%s got=%s" % b)
        sys.exit(1)
    print(f"W3 reproduced: {len(expected)} rows x {len(COLUMNS)} columns agree")


if __name__ == "__main__":
    main()
