package dev.graft.plugins.optimizers;

import dev.graft.spi.NamedPlugin;
import dev.graft.spi.train.TrainingHook;
import dev.graft.spi.train.TrainingHookFactory;

/**
 * A learning-rate schedule as a training hook: the factor on the base rate before each step,
 * replacing the schedule of {@code train.optimizer} (the freeze schedule's per-group multipliers
 * still apply on top).
 *
 * @param <C> the config type
 */
abstract class SchedulePlugin<C extends ScheduleChoice> extends NamedPlugin<C> implements TrainingHookFactory<C> {
    SchedulePlugin(String name, Class<C> configClass, String description) {
        super(name, configClass, description);
    }

    @Override
    public final TrainingHook create(C config) {
        return new TrainingHook() {
            @Override
            public double learningRateFactor(long step, long stepsPerEpoch, long totalSteps) {
                return factor(config, step, stepsPerEpoch, totalSteps);
            }
        };
    }

    /**
     * @param config the resolved config
     * @param step steps taken so far, from 0
     * @param stepsPerEpoch steps in an epoch
     * @param totalSteps steps in the whole training
     * @return the factor on the base rate for the coming step
     */
    abstract double factor(C config, long step, long stepsPerEpoch, long totalSteps);
}
