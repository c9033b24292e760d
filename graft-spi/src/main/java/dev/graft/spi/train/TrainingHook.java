package dev.graft.spi.train;

import ai.djl.ndarray.NDArray;

/**
 * What a contributed family's plugin changes in, or observes of, the training of one network: the
 * update rule, the learning-rate factor, a term of the loss, and the loop's step and epoch events. Each method has a
 * default that changes nothing; a trial's hooks are asked in axis order and at most one may answer
 * each of the first two questions (two answers fail the trial, naming both); every hook hears the
 * events. Hooks act on networks Graft trains by gradient steps; a trial whose head is fitted on
 * features by another library (a {@code FeatureClassifier} head) fails with a message when a hook
 * would act on it.
 */
public interface TrainingHook {
    /**
     * The update rule for every trainable parameter, replacing the optimiser of the descriptor's
     * {@code train.optimizer}. Graft keeps per-parameter step counts and the rule's state (so a
     * trial resumed from a checkpoint continues exactly), scales the rate per layer group as the
     * freeze schedule says, and applies the learning-rate schedule.
     *
     * @return the rule, or null to leave the optimiser alone
     */
    default UpdateRule updateRule() {
        return null;
    }

    /**
     * The factor on the base learning rate before a step, replacing the schedule of the
     * descriptor's {@code train.optimizer}. A freeze schedule that sets its own rate schedule
     * (fine-tune) and a hook that sets one fail the trial together.
     *
     * @param step steps taken so far, from 0
     * @param stepsPerEpoch steps in one epoch
     * @param totalSteps steps in the whole training
     * @return the factor, or NaN to leave the schedule alone
     */
    default double learningRateFactor(long step, long stepsPerEpoch, long totalSteps) {
        return Double.NaN;
    }

    /**
     * A term added to every step's loss, inside the gradient tape: gradients flow through it to the
     * network (a penalty on the logits, say). The reported training loss includes it. Terms of
     * several hooks are added in axis order, after the descriptor's regulariser's.
     *
     * @param step the logits, labels and position of the step
     * @return a scalar (or one-element) array, or null to add nothing
     */
    default NDArray lossTerm(LossStep step) {
        return null;
    }

    /**
     * Called at every step once its loss is known, before the update (a hook that throws fails the
     * trial with its message, as Graft's own divergence check does). Not called again for the
     * steps of epochs a resumed trial restores from its checkpoint.
     *
     * @param report the step
     */
    default void stepTaken(StepReport report) {}

    /**
     * Called after each epoch's validation, after Graft's early stopping has kept or passed over
     * the epoch (not for the epoch at which early stopping ends the training); a hook that answers
     * true ends the training there (the best epoch's weights are restored as after early
     * stopping, and the trial records that it stopped early).
     *
     * @param report the epoch
     * @return whether training stops after this epoch
     */
    default boolean stopAfter(EpochReport report) {
        return false;
    }

    /**
     * Whether this hook edits the backbone before training ({@link #editBackbone}). A trial with
     * such a hook trains end to end (its features are never cached), is refused with a feature
     * head, and is checked by {@code graft validate}: the edit is tried on each backbone of the
     * sweep, and an {@link dev.graft.spi.InvalidConfigException} it throws is reported at the
     * hook's choice in the descriptor.
     *
     * @return false, the default, and {@link #editBackbone} is never called
     */
    default boolean editsBackbone() {
        return false;
    }

    /**
     * Edits a transfer trial's backbone once, after its pretrained weights are in place and before
     * the first epoch (also before a resumed trial's checkpoint is read). Called only when {@link
     * #editsBackbone()} says so, and never for the scratch baseline.
     *
     * @param edits the backbone's layers and what may be changed
     * @throws dev.graft.spi.InvalidConfigException when the config cannot apply to this backbone
     *     (a pattern matching no layer, a rank larger than a layer allows), naming the field
     */
    default void editBackbone(dev.graft.spi.edit.BackboneEdits edits) {}
}
