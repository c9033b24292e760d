package dev.graft.plugins.freeze;

import dev.graft.spi.InvalidConfigException;

/** Range checks shared by the freeze configs. */
final class FreezeChecks {
    private FreezeChecks() {}

    /** @return the multiplier, 1 when absent */
    static double lrMultiplier(Double value) {
        double multiplier = value == null ? 1.0 : value;
        if (!(multiplier > 0 && multiplier <= 100)) {
            throw new InvalidConfigException("lrMultiplier", "must be in (0, 100], got " + multiplier);
        }
        return multiplier;
    }

    /** @return the decay, checked to lie in (0, 1] */
    static double decay(double decay) {
        if (!(decay > 0 && decay <= 1)) {
            throw new InvalidConfigException("decay", "must be in (0, 1], got " + decay);
        }
        return decay;
    }
}
