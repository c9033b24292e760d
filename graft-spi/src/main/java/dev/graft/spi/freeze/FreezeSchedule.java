package dev.graft.spi.freeze;

import java.util.List;

/**
 * Decides, for each epoch, which backbone layer groups train (or, through {@link #parameters},
 * which of their parameters). The head always trains.
 *
 * <p>Called by the training loop at the start of every epoch. It must be a pure function of
 * its arguments: a resumed trial asks again and must get the same answer.
 */
public interface FreezeSchedule {

    /**
     * @param groupNames the backbone's layer groups, from input (index 0) to output
     * @param position the epoch about to start
     * @return one state per group, same order as {@code groupNames}
     */
    List<GroupState> plan(List<String> groupNames, TrainingPosition position);

    /**
     * Which of the backbone's parameters train in the epoch and at what rate, for recipes that
     * choose parameters rather than whole groups (BitFit trains the biases, norm-only tuning the
     * normalisation layers). Called with {@link #plan} at the start of every epoch, and as pure.
     *
     * <p>Null, the default, lets {@link #plan}'s group states decide. Otherwise the answer decides,
     * for every backbone parameter, whether it is updated and its rate multiplier; {@link #plan}
     * still decides whether each group's forward pass runs in training mode (BatchNorm with batch
     * statistics, dropout on), and a group counts as training (no cached features) when its state
     * says so. Running statistics are never updated by gradients, whatever the answer.
     *
     * @param parameters every parameter of the backbone's groups, group by group from the input,
     *     in the order their blocks list them
     * @param position the epoch about to start
     * @return one state per parameter, same order, or null
     */
    default List<ParameterState> parameters(List<BackboneParameter> parameters, TrainingPosition position) {
        return null;
    }

    /**
     * The head's learning rate for the epoch, as a multiple of the base rate. Called with
     * {@link #plan} at the start of every epoch.
     *
     * @param position the epoch about to start
     * @return the multiplier; 1 unless the recipe lowers the whole model's rate (e.g. Keras'
     *     second phase)
     */
    default double headLrMultiplier(TrainingPosition position) {
        return 1.0;
    }

    /**
     * A factor on the base learning rate for one optimisation step, replacing the optimiser's
     * schedule, for recipes that bring their own (fastai's {@code fine_tune} runs a one-cycle
     * schedule per phase). Called before every step; group and head multipliers still apply.
     *
     * @param position the current epoch
     * @param epochFraction the share of the epoch done before this step, in [0, 1)
     * @return the factor, or NaN to keep the optimiser's schedule (the default)
     */
    default double lrFactor(TrainingPosition position, double epochFraction) {
        return Double.NaN;
    }
}
