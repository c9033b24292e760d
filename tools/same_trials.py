#!/usr/bin/env python3
"""Checks that two Graft runs recorded the same trials with the same numbers, trial for trial.

Usage: python3 tools/same_trials.py RUN_A RUN_B   (run directories, each with results.db)

Compares every trial's status, error, test accuracy and macro-F1, best epoch, epochs run,
confusion matrix, spec and provenance, every epoch's losses and accuracies, and every evaluation
set's accuracy, macro-F1 and confusion matrix (when the runs have them), exactly. Times,
dates and where a frozen backbone's features came from (this process's memory, disk, or computed:
it depends on which process ran the trials before) are left out. Prints one line and exits 0 when
they agree; lists the differences and exits 1 when they do not.
"""
import json
import re
import sqlite3
import sys

TRIAL_COLUMNS = ("status", "error", "test_accuracy", "test_macro_f1", "best_epoch", "epochs_run", "spec_json", "confusion_json")
EPOCH_COLUMNS = ("train_loss", "train_accuracy", "validation_accuracy", "validation_loss", "training_groups")


def provenance(text):
    # times, and the process's peak memory, differ between runs of the same trial
    text = re.sub(r'"(seconds|startedAt|secondsPerEpoch|peakMemoryBytes)":("[^"]*"|[0-9.eE+-]+)', r'"\1":null', text)
    # where the trial's time went (seconds by phase) is a time too
    text = re.sub(r'"timing":\{[^}]*\}', r'"timing":null', text)
    # the feature cache's source says which process computed the features first, not what they are
    text = re.sub(r'"(pool|test)":"(memory|disk|computed)"', r'"\1":"-"', text)
    return json.loads(text)


def load(run):
    db = sqlite3.connect(f"file:{run}/results.db?mode=ro", uri=True)
    trials = {}
    for row in db.execute(f"select trial_id, provenance_json, {', '.join(TRIAL_COLUMNS)} from trials"):
        trials[row[0]] = {"provenance": provenance(row[1]) if row[1] else None, **dict(zip(TRIAL_COLUMNS, row[2:])), "epochs": []}
    for row in db.execute(f"select trial_id, epoch, {', '.join(EPOCH_COLUMNS)} from epochs order by trial_id, epoch"):
        trials[row[0]]["epochs"].append(row[1:])
    for trial in trials.values():
        trial["evaluations"] = []  # a store written before evaluation sets has none
    if db.execute("select 1 from sqlite_master where type = 'table' and name = 'evaluations'").fetchone():
        for row in db.execute("select trial_id, set_name, source_task, accuracy, macro_f1, confusion_json from evaluations "
                              "order by trial_id, position"):
            trials[row[0]]["evaluations"].append(row[1:])
    return trials


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    a, b = load(sys.argv[1]), load(sys.argv[2])
    differences = [f"only in {sys.argv[1]}: {t}" for t in sorted(a.keys() - b.keys())]
    differences += [f"only in {sys.argv[2]}: {t}" for t in sorted(b.keys() - a.keys())]
    for trial in sorted(a.keys() & b.keys()):
        for key in a[trial]:
            if a[trial][key] != b[trial][key]:
                differences.append(f"{trial}: {key} differs")
    if differences:
        print("\n".join(differences[:50]))
        print(f"{len(differences)} differences over {len(a.keys() | b.keys())} trials")
        return 1
    finished = sum(t["status"] == "finished" for t in a.values())
    print(f"same trials: {len(a)} ({finished} finished, {len(a) - finished} failed), every number equal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
