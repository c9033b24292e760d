package dev.graft.plugins.augment;

import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/** What the rotation, shear and zoom configs share: a range and how uncovered pixels are filled. */
interface Geometry extends AugmentConfig {
    /** @return the range (degrees for rotation and shear, a factor spread for zoom) */
    Double range();

    /** @return nearest, constant, reflect or wrap */
    ShiftConfig.Fill fill();

    /** @return the constant fill value */
    Double value();

    static double range(Double range, double fallback, double max) {
        double r = range == null ? fallback : range;
        if (!(r >= 0 && r < max)) {
            throw new InvalidConfigException("range", "must be in [0, " + max + "), got " + r);
        }
        return r;
    }
}
