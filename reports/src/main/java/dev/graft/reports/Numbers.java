package dev.graft.reports;

import dev.graft.core.stats.Interval;
import java.util.Locale;

/** Number formatting shared by the report formats. */
final class Numbers {
    private Numbers() {}

    static String fixed(double value, int digits) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    static String signed(double value, int digits) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%+." + digits + "f", value);
    }

    static String general(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
    }

    /**
     * A gain with its interval, bounds clipped to [-1, 1] (no gain lies outside; a Student-t
     * interval over 2 seeds can reach ±2).
     *
     * @return "+0.123 [+0.100, +0.146]" or "+0.123 (1 seed)"
     */
    static String interval(Interval gain, int digits) {
        Interval interval = gain.clipped(dev.graft.core.stats.DecisionRule.GAIN_RANGE);
        if (interval.n() == 0) {
            return "n/a";
        }
        if (interval.n() < 2) {
            return signed(interval.mean(), digits) + " (1 seed)";
        }
        if (!interval.bounded()) {
            return signed(interval.mean(), digits) + " [unbounded at " + interval.n() + " seeds]";
        }
        return signed(interval.mean(), digits) + " [" + signed(interval.low(), digits) + ", " + signed(interval.high(), digits) + "]";
    }

    static String meanSd(Interval interval) {
        if (interval.n() == 0) {
            return "n/a";
        }
        return fixed(interval.mean(), 4) + (interval.n() < 2 ? "" : " ± " + fixed(interval.sd(), 4));
    }
}
