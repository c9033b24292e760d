package dev.graft.core.train;

/** Told about each finished epoch (per-trial metric files, progress). */
@FunctionalInterface
public interface EpochListener {
    /**
     * @param metrics the epoch that just finished
     */
    void epochFinished(EpochMetrics metrics);

    /** A listener that ignores everything. */
    EpochListener NONE = metrics -> {};
}
