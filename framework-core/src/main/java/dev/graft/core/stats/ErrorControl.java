package dev.graft.core.stats;

/**
 * Error control across the strategies of one run. Each strategy's interval covers its own gain
 * with 95% probability; a report makes many such claims, and nothing per strategy bounds how many
 * of them are wrong. These options do, with the anytime-valid p-values of {@link
 * ConfidenceSequence#against} (valid at whatever number of seeds each strategy ended, however that
 * was decided), under any dependence between strategies (they share scratch baselines).
 */
public enum ErrorControl {
    /** Each strategy's verdict on its own 95% interval; nothing across strategies. */
    none("per strategy: each interval covers its own gain with probability 95%; nothing bounds the errors across strategies"),
    /**
     * Family-wise: every strategy's interval at level {@code level / K} (Bonferroni over the
     * {@code K} strategies), so all intervals cover at once, at every number of seeds, with
     * probability {@code 1 - level}; every verdict (positive, negative, equivalent) is controlled.
     */
    fwer("family-wise: Bonferroni over the strategies, so every interval covers at once with the stated probability"),
    /**
     * False discovery rate: the positive and negative verdicts are the discoveries of the e-BH
     * procedure (Wang &amp; Ramdas 2022) at {@code level}, run on e-values calibrated from the
     * anytime-valid p-values; with the calibrator used ({@link #calibrated}) it is the
     * Benjamini–Yekutieli (2001) procedure. The expected share of wrong signs among them is at
     * most {@code level}. An equivalence verdict is not a discovery and stays per strategy.
     */
    fdr("false discovery rate: e-BH (Wang & Ramdas 2022) on calibrated anytime-valid p-values, which is Benjamini-Yekutieli");

    private final String description;

    ErrorControl(String description) {
        this.description = description;
    }

    /** @return what the control guarantees, for a reader */
    public String description() {
        return description;
    }

    /**
     * The calibrator that turns the K p-values into e-values for e-BH at level q:
     * {@code T(p) = K / (q·j)} for the smallest {@code j} with {@code p ≤ q·j / (K·ℓ_K)},
     * {@code ℓ_K = 1 + 1/2 + ... + 1/K}, and 0 for {@code p > q / ℓ_K}. It integrates to 1 over
     * [0, 1], so a valid p-value gives a valid e-value (expectation at most 1 under the null), and
     * e-BH on these e-values rejects exactly what Benjamini–Yekutieli rejects.
     *
     * @param pValues one p-value per strategy
     * @param q the false discovery rate
     * @return one e-value per strategy
     */
    public static double[] calibrated(double[] pValues, double q) {
        int k = pValues.length;
        double harmonic = harmonic(k);
        double[] e = new double[k];
        for (int i = 0; i < k; i++) {
            double j = Math.ceil(pValues[i] * k * harmonic / q);
            e[i] = pValues[i] > q / harmonic ? 0 : k / (q * Math.max(1, j));
        }
        return e;
    }

    /**
     * The e-BH procedure (Wang &amp; Ramdas 2022): with the e-values sorted from largest,
     * {@code e_(1) ≥ ... ≥ e_(K)}, reject the {@code r} largest for the largest {@code r} with
     * {@code e_(r) ≥ K / (q·r)}. The false discovery rate is at most q under any dependence.
     *
     * @param eValues one e-value per hypothesis
     * @param q the false discovery rate
     * @return which hypotheses are discoveries
     */
    public static boolean[] eBh(double[] eValues, double q) {
        int k = eValues.length;
        double[] sorted = eValues.clone();
        java.util.Arrays.sort(sorted);
        int rejected = 0;
        for (int r = k; r >= 1; r--) {
            if (sorted[k - r] >= k / (q * r)) {
                rejected = r;
                break;
            }
        }
        boolean[] discoveries = new boolean[k];
        for (int i = 0; i < k && rejected > 0; i++) {
            // exactly the r largest: more e-values at or above K / (q r) would contradict r being the largest such r
            discoveries[i] = eValues[i] >= k / (q * rejected);
        }
        return discoveries;
    }

    private static double harmonic(int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += 1.0 / i;
        }
        return sum;
    }
}
