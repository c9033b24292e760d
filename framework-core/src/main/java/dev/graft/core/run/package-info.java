/**
 * The orchestration of one {@code graft run}: the run directory and its lock, the descriptor's
 * record in the result store, pretraining the source backbones (cached), similarity metrics, the
 * rounds of a sequential design, and recording each trial an executor hands back. The
 * orchestrator is the only writer of the result store. It uses {@link dev.graft.core.executor}
 * to train trials and {@link dev.graft.core.trial} for what a trial is built from; neither uses
 * this package.
 */
package dev.graft.core.run;
