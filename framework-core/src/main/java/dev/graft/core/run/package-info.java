/**
 * The orchestration: loading data once, pretraining (cached), similarity metrics, running each
 * trial beside its baseline, and recording results. The orchestrator is the only writer of the
 * result store.
 */
package dev.graft.core.run;
