package dev.graft.spi.freeze;

/**
 * What one layer group does during one epoch.
 *
 * @param trains whether its parameters are updated
 * @param lrMultiplier the factor applied to the base learning rate for this group
 * @param trainingMode whether the group's forward pass runs in training mode: BatchNorm
 *     normalises with batch statistics and updates its running statistics, dropout is active.
 *     A group can train its weights with BatchNorm in inference mode (Keras' recipe for
 *     fine-tuning); a frozen group never runs in training mode.
 */
public record GroupState(boolean trains, double lrMultiplier, boolean trainingMode) {
    /** A frozen group. */
    public static final GroupState FROZEN = new GroupState(false, 0.0);
    /** A group training at the base learning rate. */
    public static final GroupState TRAINING = new GroupState(true, 1.0);

    public GroupState {
        if (!(lrMultiplier >= 0) || Double.isInfinite(lrMultiplier)) {
            throw new IllegalArgumentException("lrMultiplier must be finite and >= 0, got " + lrMultiplier);
        }
        if (trainingMode && !trains) {
            throw new IllegalArgumentException("a frozen group cannot run in training mode");
        }
    }

    /**
     * A group whose forward pass is in training mode exactly when it trains.
     *
     * @param trains whether its parameters are updated
     * @param lrMultiplier the factor applied to the base learning rate
     */
    public GroupState(boolean trains, double lrMultiplier) {
        this(trains, lrMultiplier, trains);
    }
}
