#!/usr/bin/env python3
"""Per-trial fingerprints of a Graft run, to catch numbers that drift between machines or versions.

Usage: python3 tools/fingerprint.py RUN_DIR                 prints one line per trial
       python3 tools/fingerprint.py RUN_DIR --write FILE    writes them to FILE (keeping its '#' comment lines)
       python3 tools/fingerprint.py RUN_DIR --check FILE    compares with FILE; exit 1 on any difference

A line is: trial id, status, test accuracy, and the first 16 hex digits of a SHA-256 over the
trial's status, error, test accuracy and macro-F1, best epoch, epochs run, confusion matrix and
every epoch's losses and accuracies, and its evaluation sets' scores when it has any, exactly (times, paths and the machine, in provenance, are
left out: they differ between checkouts that agree). Lines are sorted by trial id.
"""
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from same_trials import load  # noqa: E402


def lines(run):
    out = []
    for trial, record in sorted(load(run).items()):
        # a run without evaluation sets keeps the fingerprints it had before they existed
        numbers = {k: v for k, v in record.items() if k not in ("provenance", "spec_json") and not (k == "evaluations" and not v)}
        digest = hashlib.sha256(json.dumps(numbers, sort_keys=True).encode()).hexdigest()[:16]
        accuracy = record["test_accuracy"]
        shown = "-" if accuracy is None else f"{accuracy:.6f}"
        out.append(f"{trial} {record['status']} {shown} {digest}")
    return out


def main():
    args = sys.argv[1:]
    if len(args) not in (1, 3) or (len(args) == 3 and args[1] not in ("--write", "--check")):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    current = lines(args[0])
    if len(args) == 1:
        print("\n".join(current))
        return 0
    if args[1] == "--write":
        # the file's comment lines (what run it fingerprints, how to check) are kept
        header = []
        if os.path.exists(args[2]):
            with open(args[2]) as f:
                header = [line.rstrip("\n") for line in f if line.startswith("#")]
        with open(args[2], "w") as f:
            f.write("\n".join(header + current) + "\n")
        print(f"fingerprints: {len(current)} trials written to {args[2]}")
        return 0
    with open(args[2]) as f:
        expected = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    want = {line.split()[0]: line for line in expected}
    have = {line.split()[0]: line for line in current}
    differences = [f"missing: {want[t]}" for t in sorted(want.keys() - have.keys())]
    differences += [f"not expected: {have[t]}" for t in sorted(have.keys() - want.keys())]
    differences += [f"differs: expected {want[t]}\n         got      {have[t]}" for t in sorted(want.keys() & have.keys()) if want[t] != have[t]]
    if differences:
        print("\n".join(differences[:40]))
        print(f"fingerprints: {len(differences)} of {len(want)} trials differ from {args[2]}")
        return 1
    print(f"fingerprints: all {len(want)} trials equal to {args[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
