package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * One concern of the training loop, acting at the loop's events: the objective and the
 * regulariser make the loss, the divergence guard checks it, early stopping keeps the best epoch
 * and ends training, checkpointing saves each epoch, and contributed plugins' {@code
 * TrainingHook}s hear the steps and epochs. {@link NetworkTrainer} runs its hooks in order at each
 * event; each overrides only what it acts on.
 */
interface LoopHook {
    /**
     * Training starts: from scratch, or resumed from a checkpoint.
     *
     * @param resumed the checkpoint resumed from, or null
     */
    default void start(TrialCheckpoint resumed) {}

    /**
     * Before the forward pass, outside the gradient tape.
     *
     * @param step the step
     */
    default void beforeForward(LoopStep step) {}

    /**
     * Inside the gradient tape: what this hook makes of the step's loss.
     *
     * @param step the step
     * @param outputs the network's outputs (logits first)
     * @param loss the loss the earlier hooks made, null before the objective
     * @return the loss after this hook
     */
    default NDArray loss(LoopStep step, NDList outputs, NDArray loss) {
        return loss;
    }

    /**
     * After the step's loss is known, before the parameters are updated.
     *
     * @param step the step
     * @param loss its value
     */
    default void afterLoss(LoopStep step, float loss) {}

    /**
     * After an epoch's validation (and after the listener heard of it).
     *
     * @param metrics the epoch
     * @return false to end the training after this epoch
     */
    default boolean afterEpoch(EpochMetrics metrics) {
        return true;
    }
}
