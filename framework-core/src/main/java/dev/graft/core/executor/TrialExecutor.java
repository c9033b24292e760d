package dev.graft.core.executor;

import dev.graft.core.store.TrialRecord;
import dev.graft.core.sweep.Trial;
import java.io.IOException;
import java.util.List;

/**
 * Where a run's trials train: in the orchestrator's own process, in local worker processes, or on
 * a cluster (the {@code graft-spark} module). The orchestrator keeps everything else (expansion,
 * pretraining, similarity metrics, resume, the result store); an executor trains the trials it is
 * given and hands each record back. It never writes the store: every call to the listener and the
 * finisher happens on the thread that called {@link #run}, and the orchestrator records each
 * trial as its record arrives, once (a second record for the same trial, from a retry or a
 * speculative copy, is dropped).
 *
 * <p>A trial that throws is a failed record, not an executor error; an executor recovers from
 * its own faults (a lost process, a lost machine) by running the trial again or, when it cannot,
 * by handing back a failed record ({@link ExecutorSetup#failed}) that says why.
 */
public interface TrialExecutor extends AutoCloseable {
    /** Receives each answered trial on the orchestrator's thread. */
    @FunctionalInterface
    interface Finisher {
        /**
         * @param trial the trial
         * @param record its record, finished or failed
         * @throws IOException if it cannot be recorded
         */
        void finished(Trial trial, TrialRecord record) throws IOException;
    }

    /**
     * Trains {@code trials} (none finished before) and returns when each has been handed to the
     * finisher. Called once per round of a sequential design, on the same executor.
     *
     * @param trials the trials, in plan order (a baseline before the transfer trials that need it)
     * @param inputs the target's examples and the pretrained backbones
     * @param listener told when a trial starts and, where the executor can, after each epoch
     * @param finisher records each trial
     * @throws IOException if the finisher fails
     */
    void run(List<Trial> trials, TrialInputs inputs, RunListener listener, Finisher finisher) throws IOException;

    /**
     * PyTorch threads per operation the trials train with, where it is not the orchestrator's own
     * count. The count changes numbers at the last bits, so the orchestrator pretrains backbones
     * and computes similarity metrics with the same count: a run's backbones are then the ones a
     * sequential run with that count would have pretrained.
     *
     * @return the trials' threads per operation, or empty if they train with the orchestrator's
     */
    default java.util.OptionalInt threads() {
        return java.util.OptionalInt.empty();
    }

    /** Stops whatever the executor started (processes, a cluster); trials not handed back are not recorded. */
    @Override
    void close();
}
