package dev.graft.core.provenance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The backbone a transfer trial started from, when Graft pretrained it.
 *
 * @param key the pretraining cache key
 * @param sourceAccuracy its validation accuracy on the source task
 * @param provenance the pretraining's own provenance, as the canonical JSON the cache keeps beside the weights
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PretrainedProvenance(String key, double sourceAccuracy, JsonNode provenance) {}
