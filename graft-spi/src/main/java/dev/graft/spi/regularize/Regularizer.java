package dev.graft.spi.regularize;

import ai.djl.ndarray.NDArray;
import java.util.Set;

/**
 * A penalty added to the training loss of a transfer trial at every optimisation step, inside
 * the gradient tape: whatever it computes from the step's parameters, features or outputs is
 * differentiated with the loss. Scratch baselines train without it.
 *
 * <p>It must be a pure function of the step it is given (no state carried between steps), so
 * a resumed trial gets the same penalties.
 */
public interface Regularizer {

    /** What a penalty is computed from; the training loop prepares only what is asked for. */
    enum Need {
        /** the parameters, with the values they started the trial with */
        PARAMETERS,
        /** the backbone's output for the batch, one row per example */
        FEATURES,
        /**
         * the pretrained source head's logits on the batch, both through the network being
         * trained and through the untouched pretrained network (needs a pretrained backbone)
         */
        SOURCE_OUTPUTS
    }

    /**
     * @return what {@link #penalty} reads from its step; anything else there is absent. A
     *     regulariser that needs nothing is no regulariser: the training loop never calls it
     */
    Set<Need> needs();

    /**
     * Whether the optimiser's plain weight decay is switched off for the trials using this
     * regulariser, because the penalty replaces it (L2-SP). Their scratch baselines keep it.
     *
     * @return true to train without weight decay
     */
    default boolean replacesWeightDecay() {
        return false;
    }

    /**
     * @param step the step's parameters, features and outputs, as declared by {@link #needs()}
     * @return a scalar (shape {@code ()} or {@code (1)}) attached to the step's manager, already
     *     weighted; it is added to the mean cross-entropy of the batch
     */
    NDArray penalty(RegularizationStep step);
}
