package dev.graft.core.provenance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a trial cost, the reason parameter-efficient methods exist: parameters trained, the bytes a
 * task adds on top of the pretrained backbone, memory and time. Parts a trial did not measure are
 * null (a feature head fitted by its own library trains no Graft parameter).
 *
 * @param trainedParameters parameter values that received gradients in some epoch (head and
 *     what edits added included)
 * @param totalParameters every parameter value of the network trained (with cached features,
 *     the head alone)
 * @param taskBytes what the task must store beside the pretrained backbone: the bytes of every
 *     value the training changed (trained values and running statistics that followed the data);
 *     a scratch trial's whole network
 * @param peakMemoryBytes the largest resident memory of the process while the trial ran (Linux'
 *     VmHWM, reset at the trial's start), or null where it cannot be read
 * @param secondsPerEpoch the median wall time of the trial's epochs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CostProvenance(Long trainedParameters, Long totalParameters, Long taskBytes, Long peakMemoryBytes, Double secondsPerEpoch) {}
