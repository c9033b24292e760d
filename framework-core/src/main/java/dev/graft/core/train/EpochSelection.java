package dev.graft.core.train;

/**
 * Keeps track of the best validation epoch. An epoch is better when its validation accuracy
 * exceeds the best by more than {@code minDelta}, or when it reaches the best accuracy with a
 * lower validation loss: accuracy on a small validation split moves in coarse steps and ties
 * often, and a tie should go to the better-fitted epoch (lower loss, Keras' default monitor)
 * rather than to the first, least-trained epoch that reached it.
 */
final class EpochSelection {
    private final double minDelta;
    private double bestAccuracy = Double.NEGATIVE_INFINITY;
    private double bestLoss = Double.POSITIVE_INFINITY;

    EpochSelection(double minDelta) {
        this.minDelta = minDelta;
    }

    /**
     * @param accuracy this epoch's validation accuracy
     * @param loss this epoch's validation loss
     * @return whether this epoch is the new best
     */
    boolean offer(double accuracy, double loss) {
        boolean better = accuracy > bestAccuracy + minDelta || (accuracy >= bestAccuracy && loss < bestLoss);
        if (better) {
            bestAccuracy = Math.max(bestAccuracy, accuracy);
            bestLoss = loss;
        }
        return better;
    }
}
