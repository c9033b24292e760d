#!/usr/bin/env python3
"""A sensitivity check of a sequential run's gains: each strategy's anytime-valid interval
recomputed from report/results.csv with some seeds left out (say, seeds whose scratch baseline
collapsed, which the report warns about).

Usage: python3 tools/gains_without_seeds.py RUN/report/results.csv [--set SET] [--without 14,16]

The interval is the one docs/statistics.md defines and Graft reports for `seeds: {start: 5, ...}`:
Lai's (1976) flat-mixture confidence sequence from a first look at 5 seeds, 95%, in closed form,
C_n = mean_n +- s_n * sqrt((n - 1) / n * ((b n)^(1/n) - 1)), b = (1 + a^2 / 4)^5 / 5, a = 4.447, and
its running intersection over n = 5 ... N, with the gains taken in seed order. With nothing left
out it prints the report's intervals (a check of this script). Leaving seeds out after seeing them
is not itself a valid sequential procedure: read the result as "does the verdict rest on those
seeds?", not as a verdict. A seed whose gain is missing (a failed pair) contributes none, as in Graft.
"""
import argparse
import csv
import math
import statistics

A = 4.447
FIRST_LOOK = 5
B = (1 + A * A / (FIRST_LOOK - 1)) ** FIRST_LOOK / FIRST_LOOK


def sequence(gains):
    """(mean, low, high) of the running intersection after the last gain."""
    low, high = -math.inf, math.inf
    for n in range(FIRST_LOOK, len(gains) + 1):
        mean = statistics.fmean(gains[:n])
        spread = statistics.stdev(gains[:n])
        half = spread * math.sqrt((n - 1) / n * ((B * n) ** (1 / n) - 1))
        low, high = max(low, mean - half), min(high, mean + half)
    return statistics.fmean(gains), low, high


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", help="a run's report/results.csv")
    parser.add_argument("--set", default="test", help="the evaluation set (default: test)")
    parser.add_argument("--without", default="", help="seeds to leave out, comma-separated")
    args = parser.parse_args()
    left_out = {s for s in args.without.split(",") if s}
    rows = [r for r in csv.DictReader(open(args.results, encoding="utf-8"))
            if r["kind"] == "transfer" and r.get("set", "test") == args.set and r["gain_vs_scratch"]]
    strategies = {}
    for r in rows:
        strategies.setdefault((r["strategy_id"], int(r["samples_per_class"])), []).append(r)
    axes = [c for c in ("backbone", "head", "freeze", "augment") if c in rows[0]] if rows else []
    for (_, size), trials in sorted(strategies.items(), key=lambda e: (e[0][1], [e[1][0][a] for a in axes])):
        trials.sort(key=lambda r: int(r["seed"]))
        gains = [float(r["gain_vs_scratch"]) for r in trials if r["seed"] not in left_out]
        label = " / ".join(trials[0][a] for a in axes)
        if len(gains) < FIRST_LOOK:
            print(f"{label}\t{size}/class\t{len(gains)} seeds\tfewer than {FIRST_LOOK}: no interval")
            continue
        mean, low, high = sequence(gains)
        verdict = "positive" if low > 0 else "negative" if high < 0 else "inconclusive"
        print(f"{label}\t{size}/class\t{len(gains)} seeds\t{mean:+.4f} [{low:+.4f}, {high:+.4f}]\t{verdict}")


if __name__ == "__main__":
    main()
