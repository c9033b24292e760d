package dev.graft.core.store;

/**
 * A pretrained source backbone used by the run.
 *
 * @param backboneKey the cache key
 * @param backbone the backbone label
 * @param sourceAccuracy validation accuracy on the source task
 * @param seconds time spent pretraining (in the run that trained it)
 * @param cached whether this run reused a cached backbone
 * @param provenanceJson source data, config and versions
 */
public record PretrainRecord(String backboneKey, String backbone, double sourceAccuracy, double seconds, boolean cached,
        String provenanceJson) {}
