package dev.graft.plugins.optimizers;

import ai.djl.ndarray.NDArray;
import dev.graft.spi.NamedPlugin;
import dev.graft.spi.train.TrainingHook;
import dev.graft.spi.train.TrainingHookFactory;
import dev.graft.spi.train.UpdateRule;

/**
 * An optimiser as a training hook: the hook gives the update rule and leaves everything else
 * (the learning-rate schedule, the freeze schedule's multipliers, checkpoints) to Graft.
 *
 * @param <C> the config type
 */
abstract class OptimizerPlugin<C extends OptimizerChoice> extends NamedPlugin<C> implements TrainingHookFactory<C> {
    OptimizerPlugin(String name, Class<C> configClass, String description) {
        super(name, configClass, description);
    }

    @Override
    public final TrainingHook create(C config) {
        UpdateRule rule = rule(config);
        return new TrainingHook() {
            @Override
            public UpdateRule updateRule() {
                return rule;
            }
        };
    }

    /**
     * @param config the resolved config
     * @return the update rule it describes
     */
    abstract UpdateRule rule(C config);

    /** The arithmetic of one update, as {@link UpdateRule#update} takes it. */
    @FunctionalInterface
    interface Step {
        void update(NDArray weight, NDArray gradient, NDArray[] state, float learningRate, boolean weightDecay, int step);
    }

    /**
     * @param learningRate the base rate
     * @param stateArrays the state arrays each parameter needs
     * @param step the update
     * @return the rule
     */
    static UpdateRule rule(double learningRate, int stateArrays, Step step) {
        return new UpdateRule() {
            @Override
            public float learningRate() {
                return (float) learningRate;
            }

            @Override
            public int stateArrays() {
                return stateArrays;
            }

            @Override
            public void update(NDArray weight, NDArray gradient, NDArray[] state, float rate, boolean weightDecay, int count) {
                step.update(weight, gradient, state, rate, weightDecay, count);
            }
        };
    }
}
