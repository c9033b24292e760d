package dev.graft.core.train;

/**
 * How many of a trained network's parameter values there are, how many trained and how many
 * changed (trained, or running statistics that followed the data), over the whole training.
 *
 * @param total every value of the network: backbone, head, and what edits added
 * @param trained values that received gradients in some epoch
 * @param changed trained values and running statistics updated in some epoch
 * @param changedBytes the changed values' bytes: what a task stores beside the pretrained backbone
 * @param totalBytes every value's bytes
 */
public record ParameterCounts(long total, long trained, long changed, long changedBytes, long totalBytes) {}
