package dev.graft.core.run;

import java.util.Map;

/**
 * A backbone pretrained on a source task.
 *
 * @param key the cache key: hash of architecture, pretraining spec and source data checksum
 * @param weights the backbone's parameters
 * @param sourceHead the parameters of the linear source classifier it was pretrained with
 * @param sourceClasses the number of source classes (the source head's outputs)
 * @param sourceAccuracy validation accuracy on the source task
 * @param seconds time the pretraining took when it ran
 * @param cached whether it came from the cache
 * @param provenance source data checksum and origin, sizes, versions
 */
public record Pretrained(String key, byte[] weights, byte[] sourceHead, int sourceClasses, double sourceAccuracy, double seconds, boolean cached,
        Map<String, Object> provenance) {}
