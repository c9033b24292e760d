package dev.graft.plugins.optimizers;

import dev.graft.spi.Axis;
import dev.graft.spi.GraftModule;
import dev.graft.spi.PluginFamily;

/**
 * Contributes the {@code optimizer} family and the sweep axis over it: {@code sweep: {optimizer:
 * [...]}} runs each strategy with each optimiser, replacing {@code train.optimizer} for those
 * trials (its learning-rate schedule still applies). The scratch baseline of a trial trains with
 * the same optimiser, so the gain compares like with like. Graft's core names none of this.
 */
public final class OptimizersModule extends GraftModule {
    /** The family. */
    public static final PluginFamily FAMILY = new PluginFamily("optimizer", OptimizerChoice.class);
    /** The axis: optional, shared with the scratch baseline. */
    public static final Axis AXIS = new Axis("optimizer", FAMILY, true);

    @Override
    protected void configure() {
        family(FAMILY);
        axis(AXIS);
        plugin(FAMILY, RmsProp.NAME).to(RmsProp.class);
        plugin(FAMILY, AdamW.NAME).to(AdamW.class);
        plugin(FAMILY, Adagrad.NAME).to(Adagrad.class);
    }
}
