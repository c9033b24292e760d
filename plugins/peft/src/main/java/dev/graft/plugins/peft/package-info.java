/**
 * Parameter-efficient fine-tuning as freeze schedules that choose parameters
 * ({@link dev.graft.spi.freeze.FreezeSchedule#parameters}): {@code bitfit} trains the backbone's
 * biases, {@code norm-only} its normalisation layers; the head trains as always.
 */
package dev.graft.plugins.peft;
