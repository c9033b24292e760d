package dev.graft.core.data;

import dev.graft.spi.data.LabeledImages;

/**
 * The labelled examples a trial gets: training and validation, disjoint.
 *
 * @param train examples the network trains on
 * @param validation examples for early stopping and best-epoch selection; may be empty
 */
public record LabelledSplit(LabeledImages train, LabeledImages validation) {}
