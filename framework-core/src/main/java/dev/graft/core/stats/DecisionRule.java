package dev.graft.core.stats;

/**
 * How a run turns a strategy's gains over seeds into an interval and a verdict. Stored with the
 * run, so a report computes what the run decided on.
 *
 * @param sequential whether seeds were added until verdicts were decided (then the interval is an
 *     anytime-valid {@link ConfidenceSequence}; otherwise the number of seeds was fixed and it is
 *     Student's t)
 * @param equivalence the margin δ of an "equivalent" verdict, or null for none
 * @param maxSeeds the most seeds a strategy may get, or null for a fixed design
 */
public record DecisionRule(boolean sequential, Double equivalence, Integer maxSeeds) {
    /** A fixed design without an equivalence margin: Student-t intervals, positive/negative/inconclusive. */
    public static final DecisionRule FIXED = new DecisionRule(false, null, null);

    /**
     * @param gains one gain per seed, in seed order
     * @return their mean and 95% interval by this rule's method
     */
    public Interval interval(double[] gains) {
        return sequential ? ConfidenceSequence.of(gains) : Interval.studentT(gains);
    }

    /**
     * @param gain a gain's interval by this rule
     * @return the verdict
     */
    public Verdict verdict(Interval gain) {
        return Verdict.of(gain, equivalence);
    }

    /**
     * @param gains one gain per seed, in seed order
     * @return whether they decide the verdict, so that a sequential design gives the strategy no more seeds
     */
    public boolean decides(double[] gains) {
        return verdict(interval(gains)).decided();
    }

    /**
     * Where a sequential design stops on gains known in advance.
     *
     * @param seeds the seeds it used
     * @param interval the interval over them
     * @param verdict the verdict
     */
    public record Stop(int seeds, Interval interval, Verdict verdict) {}

    /**
     * What the design does with a strategy whose per-seed gains are {@code gains}: looks at the
     * first {@code look} gains for each look in turn and stops at the first that decides, or at the
     * last. Runs decide look by look as results arrive; this replays the same rule on gains known
     * beforehand, for simulations.
     *
     * @param gains per-seed gains in seed order, at least as many as the last look
     * @param looks the numbers of seeds looked at, increasing
     * @return where it stops
     */
    public Stop replay(double[] gains, java.util.List<Integer> looks) {
        for (int i = 0; i < looks.size(); i++) {
            double[] seen = java.util.Arrays.copyOf(gains, looks.get(i));
            if (decides(seen) || i == looks.size() - 1) {
                Interval interval = interval(seen);
                return new Stop(seen.length, interval, verdict(interval));
            }
        }
        throw new IllegalArgumentException("no looks");
    }

    /**
     * Why a strategy's seeds ended where they did, for the report.
     *
     * @param verdict its verdict
     * @param seeds seeds with a gain
     * @param tried seeds it ran, failed trials included
     * @return e.g. "decided at 7 seeds", "max (20) reached", "fixed design"
     */
    public String stopReason(Verdict verdict, int seeds, int tried) {
        if (!sequential) {
            return "fixed design";
        }
        if (verdict.decided()) {
            return "decided at " + seeds + (seeds == 1 ? " seed" : " seeds");
        }
        return tried >= maxSeeds ? "max (" + maxSeeds + ") reached" : "open (run interrupted)";
    }
}
