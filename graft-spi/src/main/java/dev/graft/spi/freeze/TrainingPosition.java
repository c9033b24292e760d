package dev.graft.spi.freeze;

/**
 * Where training is.
 *
 * @param epoch the current epoch, counted from 0
 * @param totalEpochs the planned number of epochs (early stopping may end sooner)
 */
public record TrainingPosition(int epoch, int totalEpochs) {
    public TrainingPosition {
        if (epoch < 0 || totalEpochs <= 0) {
            throw new IllegalArgumentException("bad position: epoch " + epoch + " of " + totalEpochs);
        }
    }
}
