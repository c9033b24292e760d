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
 */
public record SimilarityRecord(String backbone, String backboneKey, String metric, String metricJson, double value,
        boolean higherIsBetter, double seconds, double featureSeconds, String error, String inputsJson) {

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
        this(backbone, backboneKey, metric, metricJson, value, higherIsBetter, seconds, featureSeconds, error, null);
    }
}
