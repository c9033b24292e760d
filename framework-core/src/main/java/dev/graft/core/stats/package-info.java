/**
 * Statistics of gains over seeds: intervals (Student-t for a fixed number of seeds, an
 * anytime-valid confidence sequence for seeds added until decided), verdicts, and the sequential
 * design that decides when a strategy needs more seeds.
 */
package dev.graft.core.stats;
