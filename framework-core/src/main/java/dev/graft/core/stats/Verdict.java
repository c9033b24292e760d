package dev.graft.core.stats;

/** What a strategy's gain over scratch says, from its 95% interval over seeds. */
public enum Verdict {
    /** The whole interval lies above zero: transfer helped. */
    positive,
    /** The whole interval lies below zero: negative transfer. */
    negative,
    /** The whole interval lies within ±δ, the equivalence margin the descriptor gave: no difference larger than δ. */
    equivalent,
    /** None of the above (or fewer than two seeds): the data do not decide. */
    inconclusive;

    /**
     * @param gain the gain's interval
     * @param equivalenceMargin δ for an {@link #equivalent} verdict, or null for none
     * @return the verdict
     */
    public static Verdict of(Interval gain, Double equivalenceMargin) {
        if (gain.n() < 2 || !gain.bounded()) {
            return inconclusive;
        }
        if (gain.low() > 0) {
            return positive;
        }
        if (gain.high() < 0) {
            return negative;
        }
        if (equivalenceMargin != null && gain.low() > -equivalenceMargin && gain.high() < equivalenceMargin) {
            return equivalent;
        }
        return inconclusive;
    }

    /** @return whether this verdict ends a strategy's sequential seeds */
    public boolean decided() {
        return this != inconclusive;
    }
}
