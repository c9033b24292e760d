package dev.graft.core.run;

import java.util.Map;

/**
 * A backbone pretrained on a source task.
 *
 * @param key the cache key: hash of architecture, pretraining spec and source data checksum
 * @param weights the backbone's parameters
 * @param sourceAccuracy validation accuracy on the source task
 * @param seconds time the pretraining took when it ran
 * @param cached whether it came from the cache
 * @param provenance source data checksum and origin, sizes, versions
 */
public record Pretrained(String key, byte[] weights, double sourceAccuracy, double seconds, boolean cached,
        Map<String, Object> provenance) {}
