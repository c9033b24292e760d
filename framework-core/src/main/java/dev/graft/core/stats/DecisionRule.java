package dev.graft.core.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run turns its strategies' gains over seeds into intervals and verdicts. Stored with the
 * run, so a report computes what the run decided on.
 *
 * @param sequential whether seeds were added until verdicts were decided (then the interval is an
 *     anytime-valid {@link ConfidenceSequence}; otherwise the number of seeds was fixed and it is
 *     Student's t)
 * @param equivalence the margin δ of an "equivalent" verdict, or null for none
 * @param maxSeeds the most seeds a strategy may get, or null for a fixed design
 * @param sequence the name of the confidence sequence ({@link ConfidenceSequence#name()}); null in
 *     the records of runs made before it was recorded, which used {@link GaussianMixtureSequence}
 * @param control error control across the run's strategies (null: none)
 * @param level the error rate {@code control} holds (the family-wise error rate or the false
 *     discovery rate; null: 0.05)
 */
public record DecisionRule(boolean sequential, Double equivalence, Integer maxSeeds, String sequence, ErrorControl control, Double level) {
    /** One minus the coverage of every per-strategy interval. */
    public static final double ALPHA = 0.05;
    /** A fixed design without an equivalence margin: Student-t intervals, positive/negative/inconclusive. */
    public static final DecisionRule FIXED = new DecisionRule(false, null, null);
    /** The largest magnitude a gain (a difference of accuracies) can take. */
    public static final double GAIN_RANGE = 1;

    public DecisionRule {
        sequence = sequential && sequence == null ? GaussianMixtureSequence.LEGACY.name() : sequence;
        control = control == null ? ErrorControl.none : control;
        level = level == null ? ALPHA : level;
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
    }

    /**
     * A rule as a run made now decides: the standard confidence sequence for a sequential design.
     *
     * @param sequential whether seeds are added until decided
     * @param equivalence δ, or null
     * @param maxSeeds the most seeds per strategy, or null for a fixed design
     */
    public DecisionRule(boolean sequential, Double equivalence, Integer maxSeeds) {
        this(sequential, equivalence, maxSeeds, sequential ? ConfidenceSequence.standard().name() : null, ErrorControl.none, null);
    }

    /**
     * @param other error control across strategies
     * @param rate the error rate it holds
     * @return this rule with that control
     */
    public DecisionRule controlled(ErrorControl other, Double rate) {
        return new DecisionRule(sequential, equivalence, maxSeeds, sequence, other, rate);
    }

    /** @return the confidence sequence a sequential design decides with (null for a fixed design) */
    public ConfidenceSequence confidenceSequence() {
        return sequential ? ConfidenceSequence.named(sequence) : null;
    }

    /**
     * @param gains one gain per seed, in seed order
     * @return their mean and 95% interval by this rule's method
     */
    public Interval interval(double[] gains) {
        return interval(gains, ALPHA);
    }

    private Interval interval(double[] gains, double alpha) {
        return sequential ? confidenceSequence().of(gains, alpha) : Interval.studentT(gains, alpha);
    }

    /**
     * @param gain a gain's interval by this rule
     * @return the verdict
     */
    public Verdict verdict(Interval gain) {
        return Verdict.of(gain, equivalence);
    }

    /**
     * What the rule concludes about one strategy.
     *
     * @param interval its gain's 95% interval
     * @param verdict what that interval says
     * @param pValue the p-value of "no gain" (anytime-valid for a sequential design)
     * @param controlled the verdict under the rule's error control ({@code verdict} when there is none)
     * @param controlledInterval under family-wise control, the interval at the Bonferroni level; otherwise {@code interval}
     * @param eValue under false-discovery-rate control, the e-value e-BH ranked; NaN otherwise
     */
    public record Decision(Interval interval, Verdict verdict, double pValue, Verdict controlled, Interval controlledInterval, double eValue) {
        /** @return whether the strategy needs no more seeds: its verdict under the run's control is decided */
        public boolean decided() {
            return controlled.decided();
        }
    }

    /**
     * The distribution-free companion of a strategy's verdict, beside the Gaussian one.
     *
     * @param median the median gain with its anytime-valid 95% sign-test sequence ({@link SignSequence})
     * @param verdict what that interval says (by the same equivalence margin)
     * @param gaussian the strategy's verdict on its own Gaussian interval
     */
    public record Companion(Interval median, Verdict verdict, Verdict gaussian) {

        /**
         * @return how the Gaussian and the distribution-free verdicts relate: "agree", "opposite"
         *     (decided in opposite directions), "only the mean decided", "only the median decided",
         *     or "both undecided"
         */
        public String agreement() {
            boolean mean = gaussian == Verdict.positive || gaussian == Verdict.negative;
            boolean med = verdict == Verdict.positive || verdict == Verdict.negative;
            if (mean && med) {
                return verdict == gaussian ? "agree" : "opposite";
            }
            return mean ? "only the mean decided" : med ? "only the median decided" : "both undecided";
        }

        /** @return whether the Gaussian and the distribution-free verdicts were decided in opposite directions */
        public boolean opposite() {
            return agreement().equals("opposite");
        }
    }

    /**
     * Decides every strategy of a run at once: each on its own interval, then across strategies by
     * the rule's {@link ErrorControl}.
     *
     * @param gains per strategy, its gains in seed order (finite numbers)
     * @param <K> the strategy key
     * @return per strategy, in the order given, what the rule concludes
     */
    public <K> Map<K, Decision> decide(Map<K, double[]> gains) {
        List<K> keys = new ArrayList<>(gains.keySet());
        int k = keys.size();
        double[] p = new double[k];
        Interval[] intervals = new Interval[k];
        Verdict[] verdicts = new Verdict[k];
        int[] directions = new int[k];
        for (int i = 0; i < k; i++) {
            double[] g = gains.get(keys.get(i));
            intervals[i] = interval(g);
            verdicts[i] = verdict(intervals[i]);
            ConfidenceSequence.Evidence evidence = evidence(g);
            p[i] = evidence.pValue();
            directions[i] = evidence.direction();
        }
        double[] e = new double[k];
        java.util.Arrays.fill(e, Double.NaN);
        boolean[] discoveries = new boolean[k];
        if (control == ErrorControl.fdr) {
            e = ErrorControl.calibrated(p, level);
            discoveries = ErrorControl.eBh(e, level);
        }
        Map<K, Decision> decisions = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            Verdict controlled = verdicts[i];
            Interval controlledInterval = intervals[i];
            if (control == ErrorControl.fwer) {
                controlledInterval = interval(gains.get(keys.get(i)), level / k);
                controlled = verdict(controlledInterval);
            } else if (control == ErrorControl.fdr) {
                controlled = discoveries[i] ? (directions[i] > 0 ? Verdict.positive : Verdict.negative)
                        : verdicts[i] == Verdict.equivalent ? Verdict.equivalent : Verdict.inconclusive;
            }
            decisions.put(keys.get(i), new Decision(intervals[i], verdicts[i], p[i], controlled, controlledInterval, e[i]));
        }
        return decisions;
    }

    /**
     * @param gains a strategy's gains in seed order
     * @return the distribution-free companion of its verdict
     */
    public Companion companion(double[] gains) {
        Interval median = SignSequence.of(gains, ALPHA, GAIN_RANGE);
        return new Companion(median, gains.length < 2 ? Verdict.inconclusive : verdict(median), verdict(interval(gains)));
    }

    /** The evidence against "no gain", with the side the gains lie on: anytime-valid for a sequential design, Student's t for a fixed one. */
    private ConfidenceSequence.Evidence evidence(double[] gains) {
        if (gains.length < 2) {
            return new ConfidenceSequence.Evidence(1, 0);
        }
        if (sequential) {
            return confidenceSequence().against(gains, 0);
        }
        Interval.requireFinite(gains);
        double mean = Interval.mean(gains);
        double sd = Interval.sd(gains, mean);
        if (mean == 0) {
            return new ConfidenceSequence.Evidence(1, 0);
        }
        int side = (int) Math.signum(mean);
        if (sd == 0) {
            return new ConfidenceSequence.Evidence(0, side);
        }
        double t = Math.abs(mean) / (sd / Math.sqrt(gains.length));
        return new ConfidenceSequence.Evidence(2 * new org.apache.commons.math3.distribution.TDistribution(gains.length - 1).cumulativeProbability(-t),
                side);
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
    public Stop replay(double[] gains, List<Integer> looks) {
        return replay(Map.of("strategy", gains), looks).get("strategy").stop();
    }

    /**
     * Where a strategy of a replayed run stopped, and what the rule concluded about it there.
     *
     * @param stop seeds, interval and verdict (under the run's control)
     * @param decision everything the rule concluded at the end of the run
     */
    public record Replayed(Stop stop, Decision decision) {}

    /**
     * What the design does with a whole run's strategies, as {@code SeedRounds} runs them: at each
     * look every strategy still open gets the seeds up to it, then every strategy is decided with
     * all the others' evidence (error control needs it), and the decided ones stop.
     *
     * @param gains per strategy, its per-seed gains in seed order, at least as many as the last look
     * @param looks the numbers of seeds looked at, increasing
     * @param <K> the strategy key
     * @return per strategy, where it stopped and what the rule concluded at the end
     */
    public <K> Map<K, Replayed> replay(Map<K, double[]> gains, List<Integer> looks) {
        if (looks.isEmpty()) {
            throw new IllegalArgumentException("no looks");
        }
        Map<K, Integer> seeds = new LinkedHashMap<>();
        gains.keySet().forEach(k -> seeds.put(k, 0));
        java.util.Set<K> open = new java.util.LinkedHashSet<>(gains.keySet());
        Map<K, Decision> decisions = Map.of();
        for (int look : looks) {
            for (K key : open) {
                seeds.put(key, look);
            }
            Map<K, double[]> seen = new LinkedHashMap<>();
            gains.forEach((key, g) -> seen.put(key, java.util.Arrays.copyOf(g, seeds.get(key))));
            decisions = decide(seen);
            Map<K, Decision> now = decisions;
            open.removeIf(key -> now.get(key).decided());
            if (open.isEmpty()) {
                break;
            }
        }
        Map<K, Replayed> out = new LinkedHashMap<>();
        for (Map.Entry<K, Decision> e : decisions.entrySet()) {
            Decision d = e.getValue();
            out.put(e.getKey(), new Replayed(new Stop(seeds.get(e.getKey()), d.controlledInterval(), d.controlled()), d));
        }
        return out;
    }

    /**
     * Why a strategy's seeds ended where they did, for the report.
     *
     * @param verdict its verdict under the run's control
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
