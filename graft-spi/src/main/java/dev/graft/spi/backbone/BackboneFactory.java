package dev.graft.spi.backbone;

import dev.graft.spi.PluginFactory;

/**
 * Builds a backbone architecture.
 *
 * <p>Called once per trial (and once per pretraining) with the trial's random seed already set
 * in the engine; a factory builds fresh blocks every time and must not share parameters between
 * calls.
 *
 * @param <C> the factory's config type
 */
public interface BackboneFactory<C extends BackboneConfig> extends PluginFactory<C> {

    /**
     * @param config the resolved config
     * @param context the input the data provides
     * @return a new backbone
     */
    Backbone create(C config, BackboneContext context);

    /**
     * The kind of examples this backbone reads: a modality's {@link
     * dev.graft.spi.data.ExampleFormat} class ({@code ImageFormat.class}, {@code TokenFormat.class}),
     * or {@code ExampleFormat.class}, the default, for any kind (a checkpoint that rebuilds whatever
     * it saved). The core refuses, when it validates a descriptor, a backbone whose kind the target
     * data are not; {@link BackboneContext#format(Class)} refuses it again when one is built.
     *
     * @return the format class the target data's format must be an instance of
     */
    default Class<? extends dev.graft.spi.data.ExampleFormat> reads() {
        return dev.graft.spi.data.ExampleFormat.class;
    }

    /**
     * The files and directories this config reads (weights, model files), as it names them: an
     * executor on another machine is given copies, and {@link BackboneContext#file} finds them
     * there. Default none.
     *
     * @param config the config
     * @return paths as the config names them
     */
    default java.util.List<String> files(C config) {
        return java.util.List.of();
    }
}
