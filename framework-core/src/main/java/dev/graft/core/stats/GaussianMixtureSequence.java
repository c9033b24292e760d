package dev.graft.core.stats;

/**
 * The confidence sequence runs decided with before Lai's flat mixture replaced it (docs/statistics.md
 * says why): Lai's construction with a Gaussian mixture over the standardised effect, as in Wang
 * &amp; Ramdas (2023). For a candidate mean μ the Bayes factor of "{@code μ + σδ}, {@code δ ~ N(0,
 * g)}" against "μ", both with the right-Haar prior {@code dσ/σ}, is
 *
 * <pre>B_n(μ) = (1 + n g)^(-1/2) · (1 - (n g / (1 + n g)) · r_n)^(-n/2),   r_n = t² / (n - 1 + t²)</pre>
 *
 * a test martingale from {@code B_1 = 1} in the filtration of the data's scale-free part, so by
 * Ville's inequality {@code C_n = {μ : B_n(μ) < 1/α}} covers at every n at once. With {@code g = 2}:
 * {@code c_n} is 2.61 at n = 5, 1.22 at 10 and 0.79 at 20, infinite at 2 and 3. Kept so that a run
 * recorded with it re-reports the verdicts it decided on.
 */
public final class GaussianMixtureSequence extends ConfidenceSequence {
    /** The one runs recorded: mixture variance 2, every look from 2 on. */
    static final GaussianMixtureSequence LEGACY = new GaussianMixtureSequence();
    /** Variance of the Gaussian mixture over the standardised effect {@code (μ - m)/σ}. */
    static final double MIXTURE_VARIANCE = 2.0;

    private GaussianMixtureSequence() {}

    @Override
    public String name() {
        return "gaussian-mixture-2";
    }

    @Override
    public String citation() {
        return "Wang & Ramdas 2023, Gaussian mixture g = 2";
    }

    @Override
    public int firstLook() {
        return 2;
    }

    @Override
    double logEvidence(int n, double tSquared) {
        double g = MIXTURE_VARIANCE;
        double r = Double.isInfinite(tSquared) ? 1 : tSquared / (n - 1 + tSquared);
        return -0.5 * Math.log1p(n * g) - n / 2.0 * Math.log1p(-n * g / (1 + n * g) * r);
    }

    @Override
    double level(double logEvidence) {
        return Math.min(1, Math.exp(-logEvidence));
    }

    @Override
    public double halfWidth(int n, double alpha) {
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double g = MIXTURE_VARIANCE;
        double threshold = Math.pow(alpha / Math.sqrt(1 + n * g), 2.0 / n); // B_n < 1/α  ⟺  1 - c r_n > threshold
        double c = n * g / (1 + n * g);
        double r = (1 - threshold) / c; // the largest r_n that keeps m inside
        if (r >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt((n - 1) * r / (n * (1 - r)));
    }
}
