package dev.graft.core.run;

/**
 * What a run did.
 *
 * @param planned trials in the sweep
 * @param skipped trials finished by an earlier run
 * @param finished trials finished now
 * @param failed trials that failed now
 * @param seconds wall time
 */
public record RunSummary(int planned, int skipped, int finished, int failed, double seconds) {}
