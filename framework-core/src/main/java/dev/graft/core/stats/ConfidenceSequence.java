package dev.graft.core.stats;

/**
 * An anytime-valid confidence sequence for the mean of i.i.d. Gaussian observations with unknown
 * variance: intervals {@code C_m, C_{m+1}, ...}, one per number of observations from the first
 * look {@code m} on, that all contain the mean at once with probability at least {@code 1 - α}.
 * So the interval stays valid when the number of observations depends on the observations
 * themselves, as it does when seeds are added until a verdict is reached ("optional stopping",
 * under which a Student-t interval at every look covers far less often than it says).
 *
 * <p>Both constructions here are mixtures of the scale-invariant likelihood ratio of the
 * t-statistic (Lai 1976; Wang &amp; Ramdas 2023): for a candidate mean {@code μ} the evidence
 * against it after {@code n} observations is a function {@code E_n(t²)} of the t-statistic
 * {@code t_n(μ) = √n (x̄ - μ) / s}, increasing in {@code t²}, and {@code C_n = {μ : E_n(t_n(μ)²) <
 * threshold(α)}}. Solving gives {@code C_n = x̄ ± s · c_n(α)}. The reported interval is the running
 * intersection {@code C_m ∩ ... ∩ C_N}, valid for the same reason and never wider.
 *
 * <p>The same evidence gives an anytime-valid p-value for "the mean is μ": the smallest α at
 * which some {@code C_n}, {@code n ≤ N}, excludes μ ({@link #against}). It is valid at any
 * random number of observations, whatever decided it (the other strategies of a run included),
 * which is what error control across strategies ({@link ErrorControl}) needs.
 *
 * <p>Inputs that a Gaussian model gives probability zero but discrete accuracies produce often
 * are defined, not poisoned: tied or constant values have zero spread, and then {@code C_n} is
 * the whole line before the first look at which any finite interval reaches the level, and the
 * single point {@code x̄} after it (every other μ has an infinite t-statistic).
 */
public abstract sealed class ConfidenceSequence permits LaiSequence, GaussianMixtureSequence {

    /** @return the construction runs decide with: Lai's flat mixture from 5 observations */
    public static ConfidenceSequence standard() {
        return LaiSequence.FROM_FIVE;
    }

    /**
     * @param name a construction's {@link #name()}, as a run recorded it
     * @return the construction
     * @throws IllegalArgumentException for a name no version of Graft wrote
     */
    public static ConfidenceSequence named(String name) {
        if (GaussianMixtureSequence.LEGACY.name().equals(name)) {
            return GaussianMixtureSequence.LEGACY;
        }
        if (name != null && name.startsWith(LaiSequence.PREFIX)) {
            try {
                return LaiSequence.from(Integer.parseInt(name.substring(LaiSequence.PREFIX.length())));
            } catch (IllegalArgumentException e) {
                // fall through to the message
            }
        }
        throw new IllegalArgumentException("unknown confidence sequence '" + name + "'; known: " + LaiSequence.FROM_FIVE.name()
                + ", " + GaussianMixtureSequence.LEGACY.name());
    }

    /** @return the name a run records, e.g. "lai-5" */
    public abstract String name();

    /** @return the construction and its source for a reader, e.g. "Lai 1976, flat mixture, from 5 seeds" */
    public abstract String citation();

    /** @return the smallest number of observations at which an interval can be finite */
    public abstract int firstLook();

    /**
     * @param n observations after the candidate mean is subtracted
     * @param tSquared the squared t-statistic of the candidate ({@code +∞} when the values are all
     *     equal and differ from it)
     * @return the log of the evidence {@code E_n} against the candidate
     */
    abstract double logEvidence(int n, double tSquared);

    /**
     * @param logEvidence a value of {@link #logEvidence}
     * @return the smallest α whose sequence excludes a candidate with that evidence (at most 1)
     */
    abstract double level(double logEvidence);

    /**
     * @param n observations, at least 2
     * @param alpha one minus the coverage
     * @return {@code c_n}: the half-width of {@code C_n} in sample standard deviations (infinite
     *     before {@link #firstLook()} and while no finite interval reaches the coverage)
     */
    public abstract double halfWidth(int n, double alpha);

    /**
     * @param values the observations in the order they were made (seed order), fixed in advance;
     *     finite numbers
     * @param alpha one minus the coverage
     * @return their mean with the running intersection of the sequence up to the last value
     *     (infinite bounds while the sequence cannot yet exclude anything; NaN for fewer than two
     *     values)
     * @throws IllegalArgumentException when a value is NaN or infinite: a gain that is not a number
     *     is a failed pair and must not reach an interval
     */
    public Interval of(double[] values, double alpha) {
        Interval.requireFinite(values);
        int n = values.length;
        double mean = Interval.mean(values);
        double sd = Interval.sd(values, mean);
        String method = Interval.percent(1 - alpha) + " anytime-valid confidence sequence (" + citation() + ")";
        if (n < 2) {
            return new Interval(n, mean, sd, Double.NaN, Double.NaN, method);
        }
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        RunningMoments moments = new RunningMoments();
        moments.add(values[0]);
        for (int k = 2; k <= n; k++) {
            moments.add(values[k - 1]);
            double half = half(halfWidth(k, alpha), moments.sd());
            low = Math.max(low, moments.mean() - half);
            high = Math.min(high, moments.mean() + half);
        }
        if (low > high) {
            // the intersection is empty: an event of probability at most α for Gaussian data, more
            // likely a sign that the data are far from Gaussian; the last interval alone is reported
            double half = half(halfWidth(n, alpha), sd);
            low = mean - half;
            high = mean + half;
        }
        return new Interval(n, mean, sd, low, high, method);
    }

    /**
     * The evidence against a candidate mean, as an anytime-valid p-value.
     *
     * @param values the observations in seed order; finite numbers
     * @param mean the candidate (0 for "no gain")
     * @return the smallest α at which the running intersection of the sequence up to the last value
     *     excludes {@code mean}, with the side of the values where that happened first
     */
    public Evidence against(double[] values, double mean) {
        Interval.requireFinite(values);
        RunningMoments moments = new RunningMoments();
        // the level is a decreasing function of the evidence: the smallest level is the largest evidence's
        double strongest = Double.NEGATIVE_INFINITY;
        int direction = 0;
        for (int k = 1; k <= values.length; k++) {
            moments.add(values[k - 1] - mean);
            if (k < Math.max(2, firstLook())) {
                continue;
            }
            double spread = moments.sd() * moments.sd();
            double centre = moments.mean();
            // zero spread: every value equals the candidate (no evidence) or none does (infinite t)
            double tSquared = centre == 0 ? 0 : spread == 0 ? Double.POSITIVE_INFINITY : k * centre * centre / spread;
            double evidence = logEvidence(k, tSquared);
            if (evidence > strongest) {
                strongest = evidence;
                direction = (int) Math.signum(centre);
            }
        }
        double p = strongest == Double.NEGATIVE_INFINITY ? 1 : level(strongest);
        return new Evidence(p, p < 1 ? direction : 0);
    }

    /**
     * An anytime-valid p-value with the side it points to.
     *
     * @param pValue the smallest level at which the candidate was excluded (1: never)
     * @param direction +1 when the values lay above the candidate where it was excluded, -1 below, 0 never excluded
     */
    public record Evidence(double pValue, int direction) {}

    /** A half-width in values: infinite when {@code c} is, whatever the spread (a tie has zero spread, and ∞·0 is NaN). */
    static double half(double c, double sd) {
        return Double.isInfinite(c) ? Double.POSITIVE_INFINITY : c * sd;
    }

    /** Mean and sample standard deviation of the values seen so far, by Welford's update (exact for equal values). */
    static final class RunningMoments {
        private int n;
        private double mean;
        private double squares;

        void add(double value) {
            n++;
            double before = mean;
            mean += (value - before) / n;
            squares += (value - before) * (value - mean);
        }

        double mean() {
            return mean;
        }

        double sd() {
            return n < 2 ? Double.NaN : Math.sqrt(Math.max(0, squares) / (n - 1));
        }
    }
}
