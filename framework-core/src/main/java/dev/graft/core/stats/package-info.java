/**
 * Statistics of gains over seeds: intervals (Student-t for a fixed number of seeds, an
 * anytime-valid confidence sequence for seeds added until decided), verdicts, the sequential
 * design that decides when a strategy needs more seeds, error control across a run's strategies,
 * and the distribution-free companion (the sign-test sequence for the median gain) beside each
 * verdict.
 */
package dev.graft.core.stats;
