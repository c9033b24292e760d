package dev.graft.core.train;

import ai.djl.training.tracker.ParameterTracker;
import java.util.HashMap;
import java.util.Map;

/**
 * The learning rate of each parameter: the base rate times its layer group's multiplier, as
 * the freeze schedule set it for the current epoch. Head parameters use the base rate.
 */
final class GroupLearningRates implements ParameterTracker {
    private final float baseRate;
    private final Map<String, Double> multipliers = new HashMap<>();

    GroupLearningRates(float baseRate) {
        this.baseRate = baseRate;
    }

    void setMultiplier(String parameterId, double multiplier) {
        multipliers.put(parameterId, multiplier);
    }

    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        return (float) (baseRate * multipliers.getOrDefault(parameterId, 1.0));
    }
}
