package dev.graft.plugins.peft;

import dev.graft.spi.NamedPlugin;
import dev.graft.spi.train.TrainingHook;
import dev.graft.spi.train.TrainingHookFactory;

/** No edit: the same trial as the {@code peft} axis left out (same id, same result). */
public final class NoPeft extends NamedPlugin<NoPeft.Config> implements TrainingHookFactory<NoPeft.Config> {
    /** The {@code type:} name. */
    public static final String NAME = "none";

    /** No fields. */
    public record Config() implements PeftChoice {
        @Override
        public boolean noop() {
            return true;
        }
    }

    /** Registered by the module. */
    public NoPeft() {
        super(NAME, Config.class, "no edit: the backbone as the freeze schedule trains it");
    }

    @Override
    public TrainingHook create(Config config) {
        return new TrainingHook() {};
    }
}
