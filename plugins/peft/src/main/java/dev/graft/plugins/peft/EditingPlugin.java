package dev.graft.plugins.peft;

import dev.graft.spi.NamedPlugin;
import dev.graft.spi.edit.BackboneEdits;
import dev.graft.spi.train.TrainingHook;
import dev.graft.spi.train.TrainingHookFactory;

/**
 * A method on the {@code peft} axis: a training hook that edits the backbone before training and
 * does nothing else.
 *
 * @param <C> the config type
 */
abstract class EditingPlugin<C extends PeftChoice> extends NamedPlugin<C> implements TrainingHookFactory<C> {
    EditingPlugin(String name, Class<C> configClass, String description) {
        super(name, configClass, description);
    }

    @Override
    public final TrainingHook create(C config) {
        return new TrainingHook() {
            @Override
            public boolean editsBackbone() {
                return true;
            }

            @Override
            public void editBackbone(BackboneEdits edits) {
                edit(config, edits);
            }
        };
    }

    /**
     * @param config the resolved config
     * @param edits the backbone to edit
     * @throws dev.graft.spi.InvalidConfigException naming the field when the config cannot apply
     */
    abstract void edit(C config, BackboneEdits edits);
}
