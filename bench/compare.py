#!/usr/bin/python3
"""Compares two benchmark outputs (govperf CSV vs SQLite rows): totals to 1e-9
relative, ranks and grades exactly. Exit 1 on the first difference."""
import csv, sys

def rows(path, header):
    with open(path, newline="") as f:
        r = csv.reader(f)
        if header:
            next(r)
        return {row[0]: row for row in r if row}

a, b = rows(sys.argv[1], True), rows(sys.argv[2], False)
if a.keys() != b.keys():
    sys.exit(f"unit sets differ: {len(a)} vs {len(b)}")
for uid, x in a.items():
    y = b[uid]
    tx, ty = float(x[2]), float(y[2])
    if abs(tx - ty) > 1e-9 * max(1.0, abs(tx)) or x[1] != y[1] or x[3] != y[3] or x[4] != y[4]:
        sys.exit(f"{uid}: govperf {x[1:]} vs sqlite {y[1:]}")
print(f"identical: {len(a)} units (totals to 1e-9, ranks, grades)")
