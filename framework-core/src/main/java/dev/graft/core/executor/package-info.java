/**
 * Where trials train: the {@link dev.graft.core.executor.TrialExecutor} SPI (found with
 * ServiceLoader, with the command-line flags each executor declares), the in-process executor,
 * local worker processes, and what any process needs to train a run's trials by id (the
 * {@link dev.graft.core.executor.TrialJob} a {@link dev.graft.core.executor.TrialHost} rebuilds
 * the run from, and the inputs made portable for another machine). An executor on a cluster
 * (graft-spark) needs this package and the records a trial carries, nothing of the orchestrator.
 */
package dev.graft.core.executor;
