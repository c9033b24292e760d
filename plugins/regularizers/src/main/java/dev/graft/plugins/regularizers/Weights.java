package dev.graft.plugins.regularizers;

import dev.graft.spi.InvalidConfigException;

/** Range checks shared by the regulariser configs. */
final class Weights {
    private Weights() {}

    /**
     * @param field the config field
     * @param value the value, or null
     * @param fallback the default
     * @return the value, checked to be finite and not negative
     */
    static double nonNegative(String field, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new InvalidConfigException(field, "must be a finite number >= 0, got " + v);
        }
        return v;
    }
}
