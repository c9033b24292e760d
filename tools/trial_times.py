#!/usr/bin/env python3
"""Where a Graft run's trial time went, from the phases every trial's provenance records.

Usage: python3 tools/trial_times.py RUN_DIR [RUN_SECONDS]

Prints one line per way of training (end to end; a head on cached features; a feature head fitted
by its library) and one for all trials: the trials' wall time and the share of it in each phase,
`setup` (the labelled sample, backbone and head built), `features` (a frozen backbone's features
computed or found in the cache), the training steps' `forward` (with the loss), `backward` and
`step` (the optimiser), `validation` after each epoch, `test` scoring, `batch_wait` for prepared
batches, `fit` (a feature head's library) and `other` (the rest: handing batches to the engine,
reading the loss, counting training accuracy, epoch records, checkpoints, provenance).
`outside_fbs_pct` is the share outside the training steps' forward, backward and step;
`outside_passes_pct` the share outside any pass through the network (adding validation, test and
features). With RUN_SECONDS (the whole run's wall time, measured outside), `between_trials_pct`
is the share of the run spent outside any trial (start-up, pretraining, similarity metrics,
scheduling, writing results, the report).
"""
import json
import sqlite3
import sys

PHASES = ["setup", "features", "forward", "backward", "step", "validation", "test", "batchWait", "fit"]


def trials(run):
    db = sqlite3.connect(f"file:{run}/results.db?mode=ro", uri=True)
    for (text,) in db.execute("select provenance_json from trials where status = 'finished'"):
        provenance = json.loads(text)
        timing = provenance.get("timing")
        if timing is None:
            continue
        if "fit" in timing:
            plan = "feature-head"
        elif (provenance.get("featureCache") or {}).get("used"):
            plan = "cached-features"
        else:
            plan = "end-to-end"
        yield plan, provenance["seconds"], timing


def line(name, rows):
    total = sum(seconds for _, seconds, _ in rows)
    phase = {p: sum(t.get(p, 0.0) for _, _, t in rows) for p in PHASES}
    other = total - sum(phase.values())
    pct = lambda x: 100.0 * x / total if total > 0 else float("nan")
    fbs = phase["forward"] + phase["backward"] + phase["step"]
    passes = fbs + phase["validation"] + phase["test"] + phase["features"]
    shares = " ".join(f"{p if p != 'batchWait' else 'batch_wait'}_pct={pct(phase[p]):.1f}" for p in PHASES if phase[p] > 0)
    return (f"plan={name} trials={len(rows)} trial_s={total:.1f} mean_trial_s={total / max(1, len(rows)):.3f} {shares} "
            f"other_pct={pct(other):.1f} outside_fbs_pct={pct(total - fbs):.1f} outside_passes_pct={pct(total - passes):.1f}"), total


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    rows = list(trials(sys.argv[1]))
    if not rows:
        print(f"trial_times: no finished trial in {sys.argv[1]} records its phases", file=sys.stderr)
        return 1
    for name in ("end-to-end", "cached-features", "feature-head"):
        chosen = [r for r in rows if r[0] == name]
        if chosen:
            print("overhead " + line(name, chosen)[0])
    text, total = line("all", rows)
    if len(sys.argv) == 3:
        run_seconds = float(sys.argv[2])
        text += f" run_s={run_seconds:.1f} between_trials_pct={100.0 * (run_seconds - total) / run_seconds:.1f}"
    print("overhead " + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
