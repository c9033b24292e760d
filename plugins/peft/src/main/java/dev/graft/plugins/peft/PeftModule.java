package dev.graft.plugins.peft;

import dev.graft.spi.Axis;
import dev.graft.spi.GraftModule;
import dev.graft.spi.PluginFamily;

/**
 * Registers the parameter-efficient fine-tuning methods: BitFit and norm-only tuning as freeze
 * schedules (they choose parameters), and LoRA and adapters on a contributed {@code peft} axis
 * (they edit the backbone before training). The scratch baseline of a trial has no {@code peft}
 * choice: it trains the whole network.
 */
public final class PeftModule extends GraftModule {
    /** The family of methods that edit the backbone. */
    public static final PluginFamily FAMILY = new PluginFamily("peft", PeftChoice.class);
    /** Its axis: optional, not shared with the scratch baseline. */
    public static final Axis AXIS = new Axis("peft", FAMILY, false);

    @Override
    protected void configure() {
        freezeSchedule(BitFitFactory.NAME).to(BitFitFactory.class);
        freezeSchedule(NormOnlyFactory.NAME).to(NormOnlyFactory.class);
        family(FAMILY);
        axis(AXIS);
        plugin(FAMILY, NoPeft.NAME).to(NoPeft.class);
        plugin(FAMILY, Lora.NAME).to(Lora.class);
        plugin(FAMILY, Adapter.NAME).to(Adapter.class);
    }
}
