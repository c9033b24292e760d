package dev.graft.plugins.optimizers;

import dev.graft.spi.InvalidConfigException;

/** Range checks the optimiser configs share. */
final class Checks {
    private Checks() {}

    static double positive(String field, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidConfigException(field, "must be positive, got " + v);
        }
        return v;
    }

    static double nonNegative(String field, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidConfigException(field, "must be >= 0, got " + v);
        }
        return v;
    }

    static double fraction(String field, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0 && v < 1)) {
            throw new InvalidConfigException(field, "must be in [0, 1), got " + v);
        }
        return v;
    }

    static double rate(Double value, double fallback) {
        double v = positive("lr", value, fallback);
        if (v >= 10) {
            throw new InvalidConfigException("lr", "must be in (0, 10), got " + v);
        }
        return v;
    }
}
