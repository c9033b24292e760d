package dev.graft.core.executor;

import dev.graft.core.store.TrialRecord;
import dev.graft.core.sweep.Trial;
import dev.graft.core.train.EpochMetrics;

/** Progress of a run, for a progress bar on a terminal or plain lines in a log. */
public interface RunListener {
    /**
     * @param message a stage starting or a notable event, one line
     */
    default void info(String message) {}

    /**
     * A source backbone starts pretraining (not called when the cache has it).
     *
     * @param backbone its label
     * @param epochs the epochs it will train at most
     */
    default void pretrainingStarted(String backbone, int epochs) {}

    /**
     * After every pretraining epoch, first for those a checkpoint restored.
     *
     * @param backbone its label
     * @param metrics what the epoch did
     * @param epochs the epochs it will train at most
     */
    default void pretrainingEpoch(String backbone, dev.graft.core.train.EpochMetrics metrics, int epochs) {}

    /**
     * @param backbone the label of the backbone whose pretraining ended
     */
    default void pretrainingFinished(String backbone) {}

    /**
     * @param total trials in the sweep
     * @param alreadyFinished trials a previous run finished, skipped now
     */
    default void trialsPlanned(int total, int alreadyFinished) {}

    /**
     * A sequential design planned another round: more seeds for the strategies still open.
     *
     * @param total trials planned so far, this round's included
     * @param toRun trials of the plan left to run
     * @param seeds seeds each open strategy will have after this round
     * @param open strategies still open
     * @param strategies strategies in the sweep
     */
    default void roundPlanned(int total, int toRun, int seeds, int open, int strategies) {}

    /**
     * @param trial the trial starting
     */
    default void trialStarted(Trial trial) {}

    /**
     * Called after every epoch of a trial's training (network heads; a feature head reports its
     * fit as one epoch), whether the trial runs in this process or in a worker process.
     *
     * @param trial the trial training
     * @param metrics what the epoch did
     */
    default void epochFinished(Trial trial, EpochMetrics metrics) {}

    /**
     * @param trial the trial
     * @param record what was recorded for it
     */
    default void trialFinished(Trial trial, TrialRecord record) {}

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {};
}
