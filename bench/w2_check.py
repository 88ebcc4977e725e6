#!/usr/bin/env python3
"""W2 (shared/bench/WORKLOADS.md) rule sets A and B computed independently from an accounts
CSV, compared with `csplan segment --w2 --format csv` on a workspace holding the same accounts.

    python3 bench/w2_check.py ACCOUNTS.csv a|b [CSPLAN_OUTPUT.csv]

The reference follows W2 word for word: tiers with the lower bound inclusive, rule set B's seven
rules in order with the first match winning, total_arr summed exactly with Decimal, mean_health
the arithmetic mean of health_score, rows in the table's order, empty segments omitted. Without
an output file it prints the reference table; with one it also compares every cell (text equal,
numbers within max(1e-6 absolute, 1e-9 relative), W2's tolerance; total_arr to the cent).
"""
import csv
import sys
from decimal import Decimal

COLUMNS = ["segment", "accounts", "total_arr", "mean_health"]
ORDER = {
    "a": ["Enterprise", "Mid-Market", "SMB"],
    "b": ["Strategic", "Enterprise", "MM Growth", "MM Core", "SMB Onboarding", "SMB Poor Fit",
          "SMB Digital"],
}


def tier(arr):
    if arr >= Decimal("100000"):
        return "Enterprise"
    if Decimal("25000") <= arr < Decimal("100000"):
        return "Mid-Market"
    return "SMB"


def segment_b(row, t):
    if t == "Enterprise" and row["icp_fit"] == "ideal":
        return "Strategic"
    if t == "Enterprise":
        return "Enterprise"
    if (t == "Mid-Market" and row["lifecycle_stage"] in ("expansion", "advocacy")
            and row["icp_fit"] in ("ideal", "stretch")):
        return "MM Growth"
    if t == "Mid-Market":
        return "MM Core"
    if t == "SMB" and row["lifecycle_stage"] == "onboarding":
        return "SMB Onboarding"
    if t == "SMB" and row["icp_fit"] == "bad":
        return "SMB Poor Fit"
    if t == "SMB":
        return "SMB Digital"
    raise ValueError(f"no rule matched {row['account_id']}")


def reference(path, rule_set):
    count, arr, health = {}, {}, {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            value = Decimal(row["arr"])
            t = tier(value)
            seg = t if rule_set == "a" else segment_b(row, t)
            count[seg] = count.get(seg, 0) + 1
            arr[seg] = arr.get(seg, Decimal(0)) + value
            health[seg] = health.get(seg, 0) + int(row["health_score"])
    return [[seg, count[seg], arr[seg], health[seg] / count[seg]]
            for seg in ORDER[rule_set] if count.get(seg, 0) > 0]


def agree(column, expected, actual):
    if isinstance(expected, str):
        return expected == actual
    if column == "total_arr":
        return Decimal(actual) == expected
    e, a = float(expected), float(actual)
    return abs(e - a) <= max(1e-6, 1e-9 * abs(e))


def main():
    rule_set = sys.argv[2]
    expected = reference(sys.argv[1], rule_set)
    print(f"#table segments_{rule_set}")
    print(",".join(COLUMNS))
    for row in expected:
        print(",".join(str(v) for v in row))
    if len(sys.argv) < 4:
        return
    with open(sys.argv[3], newline="") as f:
        actual = list(csv.reader(f))
    header, body = actual[0], actual[1:]
    if [h.lower() for h in header] != COLUMNS:
        sys.exit(f"header differs: {header}")
    if len(body) != len(expected):
        sys.exit(f"{len(body)} rows, expected {len(expected)}")
    bad = [(r[0], c, e, a) for r, got in zip(expected, body)
           for c, e, a in zip(COLUMNS, r, got) if not agree(c, e, a)]
    if bad:
        for b in bad:
            print("MISMATCH segment=%s column=%s expected=%s got=%s" % b)
        sys.exit(1)
    print(f"W2 rule set {rule_set.upper()} reproduced: {len(expected)} rows x {len(COLUMNS)} "
          "columns agree")


if __name__ == "__main__":
    main()
