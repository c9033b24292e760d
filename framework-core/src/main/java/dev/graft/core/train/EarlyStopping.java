package dev.graft.core.train;

import ai.djl.ndarray.NDManager;
import dev.graft.core.descriptor.EarlyStoppingConfig;

/**
 * Keeps the best validation epoch's weights ({@link EpochSelection}) and ends training when
 * {@code patience} epochs pass without a better one; at the end the network gets the best epoch's
 * weights back. Without a validation split every epoch is the best, and the last is kept.
 */
final class EarlyStopping implements LoopHook {
    private final EarlyStoppingConfig stopping;
    private final boolean validate;
    private final GroupedNetwork network;
    private final EpochSelection selection;
    private int bestEpoch;
    private byte[] bestWeights;

    /**
     * @param stopping patience and minimum improvement, or null to train every epoch (keeping the best)
     * @param validate whether there is a validation split
     * @param network the network whose weights are kept
     */
    EarlyStopping(EarlyStoppingConfig stopping, boolean validate, GroupedNetwork network) {
        this.stopping = stopping;
        this.validate = validate;
        this.network = network;
        this.selection = new EpochSelection(stopping == null ? 0 : stopping.minDelta());
    }

    @Override
    public void start(TrialCheckpoint resumed) {
        if (resumed == null) {
            return;
        }
        if (validate) {
            for (EpochMetrics metrics : resumed.epochs()) {
                selection.offer(metrics.validationAccuracy(), metrics.validationLoss());
            }
        }
        bestEpoch = resumed.bestEpoch();
        // null: the best epoch was the last checkpointed one, whose weights are the current ones
        bestWeights = resumed.bestWeights() == null && validate && bestEpoch == resumed.epochsDone() ? resumed.weights() : resumed.bestWeights();
    }

    @Override
    public boolean afterEpoch(EpochMetrics metrics) {
        if (!validate || selection.offer(metrics.validationAccuracy(), metrics.validationLoss())) {
            bestEpoch = metrics.epoch();
            bestWeights = validate ? network.saveAll() : null;
            return true;
        }
        return stopping == null || metrics.epoch() - bestEpoch < stopping.patience();
    }

    /** @return the best epoch so far, from 1 (0 before the first) */
    int bestEpoch() {
        return bestEpoch;
    }

    /** @return the best epoch's weights, or null when they are the network's current ones or there is no validation */
    byte[] bestWeights() {
        return bestWeights;
    }

    /**
     * Gives the network the best epoch's weights.
     *
     * @param manager the model's manager
     * @param epochsRun epochs trained (the last one's weights are the current ones)
     */
    void restoreBest(NDManager manager, int epochsRun) {
        if (bestWeights != null && bestEpoch != epochsRun) {
            network.loadAll(manager, bestWeights);
        }
    }
}
