package dev.graft.plugins.peft;

import dev.graft.spi.GraftModule;

/** Registers the parameter-efficient fine-tuning schedules. */
public final class PeftModule extends GraftModule {
    @Override
    protected void configure() {
        freezeSchedule(BitFitFactory.NAME).to(BitFitFactory.class);
        freezeSchedule(NormOnlyFactory.NAME).to(NormOnlyFactory.class);
    }
}
