package dev.graft.core.store;

/**
 * A similarity metric's score for one backbone, computed before training.
 *
 * @param backbone the backbone label
 * @param backboneKey the hash identifying backbone and source
 * @param metric the metric label
 * @param metricJson the metric's resolved config
 * @param value the score (NaN when failed)
 * @param higherIsBetter whether a higher score predicts better transfer
 * @param seconds time to compute the score (features excluded)
 * @param featureSeconds time to extract the features it used, shared by all metrics of the backbone
 * @param error the failure message, or null
 * @param inputsJson provenance of the inputs (samples, their origin and checksums, feature size), or null
 * @param kind what the score is: {@link #TRANSFERABILITY} (read from the target's features or the
 *     source head's predictions on them) or {@link #DOMAIN} (a comparison of source and target
 *     features); null in stores written before it was recorded
 */
public record SimilarityRecord(String backbone, String backboneKey, String metric, String metricJson, double value,
        boolean higherIsBetter, double seconds, double featureSeconds, String error, String inputsJson, String kind) {
    /** A transferability score: how well the backbone's features serve the target task. */
    public static final String TRANSFERABILITY = "transferability";
    /** A domain comparison: how close source and target features are. */
    public static final String DOMAIN = "domain";

    /**
     * A score without its kind (stores of an older version).
     *
     * @param backbone the backbone label
     * @param backboneKey the hash identifying backbone and source
     * @param metric the metric label
     * @param metricJson the metric's resolved config
     * @param value the score (NaN when failed)
     * @param higherIsBetter whether a higher score predicts better transfer
     * @param seconds time to compute the score
     * @param featureSeconds time to extract the features
     * @param error the failure message, or null
     * @param inputsJson provenance of the inputs, or null
     */
    public SimilarityRecord(String backbone, String backboneKey, String metric, String metricJson, double value, boolean higherIsBetter,
            double seconds, double featureSeconds, String error, String inputsJson) {
        this(backbone, backboneKey, metric, metricJson, value, higherIsBetter, seconds, featureSeconds, error, inputsJson, null);
    }

    /** @return e.g. "transferability score", "domain distance", "domain similarity" */
    public String kindLabel() {
        if (TRANSFERABILITY.equals(kind)) {
            return "transferability score";
        }
        return higherIsBetter ? "domain similarity" : "domain distance";
    }

    /**
     * A score without recorded inputs.
     *
     * @param backbone the backbone label
     * @param backboneKey the hash identifying backbone and source
     * @param metric the metric label
     * @param metricJson the metric's resolved config
     * @param value the score (NaN when failed)
     * @param higherIsBetter whether a higher score predicts better transfer
     * @param seconds time to compute the score
     * @param featureSeconds time to extract the features
     * @param error the failure message, or null
     */
    public SimilarityRecord(String backbone, String backboneKey, String metric, String metricJson, double value, boolean higherIsBetter,
            double seconds, double featureSeconds, String error) {
        this(backbone, backboneKey, metric, metricJson, value, higherIsBetter, seconds, featureSeconds, error, null, null);
    }
}
