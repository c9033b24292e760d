package dev.graft.core.train;

/**
 * Where a training loop's time went, in seconds: what its steps spent in the network's forward
 * pass (with the loss), in the backward pass and in the optimiser's update; what validating after
 * each epoch took; and how long the training thread waited for its next prepared batch. The rest
 * of the loop's time is Graft's own: handing batches to the engine, reading the loss, counting
 * training accuracy, the epoch's records and hooks.
 *
 * @param forward the forward passes and losses of the training steps
 * @param backward their backward passes
 * @param step the optimiser's updates
 * @param validation scoring the validation split after each epoch
 * @param batchWait waiting for prepared batches (gathered, augmented, normalised on their own thread)
 */
public record LoopTimes(double forward, double backward, double step, double validation, double batchWait) {
    /** Nanoseconds, added up as the loop runs. */
    static final class Clock {
        long forward;
        long backward;
        long step;
        long validation;

        LoopTimes seconds(double batchWait) {
            return new LoopTimes(forward / 1e9, backward / 1e9, step / 1e9, validation / 1e9, batchWait);
        }
    }
}
