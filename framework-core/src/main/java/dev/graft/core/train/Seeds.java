package dev.graft.core.train;

import dev.graft.core.sweep.TrialIds;

/**
 * Independent random streams from one seed: sampling, initialisation, shuffling and
 * augmentation each get their own, so changing one (say, adding augmentation) leaves the others'
 * draws unchanged.
 */
public final class Seeds {
    private Seeds() {}

    /**
     * @param seed the trial's seed
     * @param purpose the stream's name
     * @return a seed for that stream
     */
    public static long derive(long seed, String purpose) {
        return Long.parseUnsignedLong(TrialIds.sha256(seed + "/" + purpose).substring(0, 15), 16);
    }
}
