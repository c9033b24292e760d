package dev.graft.core.provenance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What training hooks changed in a transfer trial's backbone before training, and how merging
 * the reparametrised weights back went.
 *
 * @param reparametrised weights read through a reparametrisation while training (LoRA's)
 * @param inserted blocks inserted after layers (adapters)
 * @param mergedDifference the largest absolute difference between the class probabilities of the
 *     merged and the unmerged network on the validation examples, or null with nothing to merge
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EditProvenance(int reparametrised, int inserted, Double mergedDifference) {}
