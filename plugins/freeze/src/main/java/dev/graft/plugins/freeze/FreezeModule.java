package dev.graft.plugins.freeze;

import dev.graft.spi.GraftModule;

/** Registers the built-in freeze schedules. */
public final class FreezeModule extends GraftModule {
    @Override
    protected void configure() {
        freezeSchedule(FrozenFactory.NAME).to(FrozenFactory.class);
        freezeSchedule(FullFactory.NAME).to(FullFactory.class);
        freezeSchedule(TopKFactory.NAME).to(TopKFactory.class);
        freezeSchedule(TwoPhaseFactory.NAME).to(TwoPhaseFactory.class);
        freezeSchedule(GradualFactory.NAME).to(GradualFactory.class);
        freezeSchedule(DiscriminativeFactory.NAME).to(DiscriminativeFactory.class);
        freezeSchedule(BackboneFinetuningFactory.NAME).to(BackboneFinetuningFactory.class);
        freezeSchedule(FineTuneFactory.NAME).to(FineTuneFactory.class);
        freezeSchedule(SurgicalFactory.NAME).to(SurgicalFactory.class);
        freezeSchedule(LayerDecayFactory.NAME).to(LayerDecayFactory.class);
    }
}
