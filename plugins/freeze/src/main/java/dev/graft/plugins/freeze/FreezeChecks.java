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
}
