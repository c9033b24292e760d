package dev.graft.spi.freeze;

/**
 * What one layer group does during one epoch.
 *
 * @param trains whether its parameters are updated (and BatchNorm runs in training mode)
 * @param lrMultiplier the factor applied to the base learning rate for this group
 */
public record GroupState(boolean trains, double lrMultiplier) {
    /** A frozen group. */
    public static final GroupState FROZEN = new GroupState(false, 0.0);
    /** A group training at the base learning rate. */
    public static final GroupState TRAINING = new GroupState(true, 1.0);

    public GroupState {
        if (!(lrMultiplier >= 0) || Double.isInfinite(lrMultiplier)) {
            throw new IllegalArgumentException("lrMultiplier must be finite and >= 0, got " + lrMultiplier);
        }
    }
}
