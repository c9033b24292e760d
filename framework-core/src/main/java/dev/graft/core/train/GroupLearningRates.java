package dev.graft.core.train;

import ai.djl.training.tracker.ParameterTracker;
import java.util.HashMap;
import java.util.Map;

/**
 * The learning rate of each parameter: the base rate, times the learning-rate schedule's factor
 * for the current step, times its layer group's (or the head's) multiplier as the freeze
 * schedule set it for the current epoch.
 */
final class GroupLearningRates implements ParameterTracker {
    private final float baseRate;
    private final Map<String, Double> multipliers = new HashMap<>();
    private double scheduleFactor = 1.0;

    GroupLearningRates(float baseRate) {
        this.baseRate = baseRate;
    }

    /** Sets the learning-rate schedule's factor for the step about to run. */
    void setScheduleFactor(double factor) {
        scheduleFactor = factor;
    }

    private void setMultiplier(String parameterId, double multiplier) {
        multipliers.put(parameterId, multiplier);
    }

    /** Sets the multiplier of one parameter. */
    void setMultiplier(ai.djl.nn.Parameter parameter, double multiplier) {
        setMultiplier(parameter.getId(), multiplier);
    }

    /** Sets the multiplier of every parameter of {@code block}. */
    void setMultiplier(ai.djl.nn.Block block, double multiplier) {
        for (var parameter : block.getParameters().values()) {
            setMultiplier(parameter.getId(), multiplier);
        }
    }

    /** @return the multiplier of {@code block}'s parameters (that of its first parameter), 1 when unset */
    double multiplier(ai.djl.nn.Block block) {
        for (var parameter : block.getParameters().values()) {
            return multipliers.getOrDefault(parameter.getId(), 1.0);
        }
        return 1.0;
    }

    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        return (float) (baseRate * scheduleFactor * multipliers.getOrDefault(parameterId, 1.0));
    }
}
