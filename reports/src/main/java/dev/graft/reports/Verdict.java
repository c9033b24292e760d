package dev.graft.reports;

/** What a strategy's gain over scratch says, from its 95% interval over seeds. */
public enum Verdict {
    /** The whole interval lies above zero: transfer helped. */
    positive,
    /** The interval contains zero (or there are fewer than two seeds): no detectable effect. */
    inconclusive,
    /** The whole interval lies below zero: negative transfer. */
    negative;

    /**
     * @param gain the gain's interval
     * @return the verdict
     */
    public static Verdict of(Interval gain) {
        if (gain.n() < 2 || Double.isNaN(gain.low())) {
            return inconclusive;
        }
        if (gain.low() > 0) {
            return positive;
        }
        if (gain.high() < 0) {
            return negative;
        }
        return inconclusive;
    }
}
