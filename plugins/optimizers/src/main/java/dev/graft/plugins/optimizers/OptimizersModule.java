package dev.graft.plugins.optimizers;

import dev.graft.spi.Axis;
import dev.graft.spi.GraftModule;
import dev.graft.spi.PluginFamily;

/**
 * Contributes two families and a sweep axis over each: {@code sweep: {optimizer: [...]}} runs each
 * strategy with each optimiser, replacing the optimiser of {@code train.optimizer} for those trials
 * (its learning-rate schedule still applies), and {@code sweep: {schedule: [...]}} with each
 * learning-rate schedule, replacing that schedule. The scratch baseline of a trial trains with the
 * same choices, so the gain compares like with like. Graft's core names none of this.
 */
public final class OptimizersModule extends GraftModule {
    /** The family. */
    public static final PluginFamily FAMILY = new PluginFamily("optimizer", OptimizerChoice.class);
    /** The axis: optional, shared with the scratch baseline. */
    public static final Axis AXIS = new Axis("optimizer", FAMILY, true);
    /** The learning-rate schedule family. */
    public static final PluginFamily SCHEDULES = new PluginFamily("lr-schedule", ScheduleChoice.class);
    /** Its axis: optional, shared with the scratch baseline. */
    public static final Axis SCHEDULE_AXIS = new Axis("schedule", SCHEDULES, true);

    @Override
    protected void configure() {
        family(FAMILY);
        axis(AXIS);
        plugin(FAMILY, RmsProp.NAME).to(RmsProp.class);
        plugin(FAMILY, AdamW.NAME).to(AdamW.class);
        plugin(FAMILY, Adagrad.NAME).to(Adagrad.class);
        family(SCHEDULES);
        axis(SCHEDULE_AXIS);
        plugin(SCHEDULES, CosineRestarts.NAME).to(CosineRestarts.class);
        plugin(SCHEDULES, WarmupLinear.NAME).to(WarmupLinear.class);
    }
}
