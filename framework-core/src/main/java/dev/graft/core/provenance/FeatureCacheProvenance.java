package dev.graft.core.provenance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether a trial's frozen-backbone features came from the feature cache.
 *
 * @param used whether the cache served them
 * @param reason why a trial that could have used the cache did not (null when it did, or when no cache was configured for a feature head)
 * @param pool how the pool's table was found ({@code memory}, {@code disk} or {@code computed}), when used
 * @param poolKey the pool table's key, when used
 * @param test how the test split's table was found, when used
 * @param testKey the test table's key, when used
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureCacheProvenance(boolean used, String reason, String pool, String poolKey, String test, String testKey) {
    /**
     * @param reason why the cache was bypassed, or null when there was none to use
     * @return provenance of features computed by the trial itself
     */
    public static FeatureCacheProvenance bypassed(String reason) {
        return new FeatureCacheProvenance(false, reason, null, null, null, null);
    }
}
