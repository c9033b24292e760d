package dev.graft.spi.freeze;

/**
 * What one backbone parameter does during one epoch, for a schedule that chooses parameters.
 *
 * @param trains whether it is updated
 * @param lrMultiplier the factor applied to the base learning rate for it
 */
public record ParameterState(boolean trains, double lrMultiplier) {
    /** A frozen parameter. */
    public static final ParameterState FROZEN = new ParameterState(false, 0.0);
    /** A parameter training at the base learning rate. */
    public static final ParameterState TRAINING = new ParameterState(true, 1.0);

    public ParameterState {
        if (!(lrMultiplier >= 0) || Double.isInfinite(lrMultiplier)) {
            throw new IllegalArgumentException("lrMultiplier must be finite and >= 0, got " + lrMultiplier);
        }
    }
}
