package dev.graft.spi.train;

/**
 * One finished epoch, as the training loop tells its hooks after validation.
 *
 * @param epoch the epoch, from 1
 * @param epochs the epochs planned
 * @param trainLoss mean training loss over the epoch's batches
 * @param trainAccuracy training accuracy over the epoch
 * @param validationAccuracy accuracy on the validation split, NaN without one
 * @param validationLoss mean cross-entropy on the validation split, NaN without one
 */
public record EpochReport(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationAccuracy, double validationLoss) {}
