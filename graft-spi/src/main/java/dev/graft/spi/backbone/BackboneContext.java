package dev.graft.spi.backbone;

import dev.graft.spi.GraftException;

/**
 * What a backbone factory may assume about its input, whether the weights are to be random, and
 * a way to build other registered backbones (a checkpoint rebuilds the architecture it saved).
 *
 * @param channels channels of the images the data provides
 * @param height image height the data provides
 * @param width image width the data provides
 * @param randomInit true for a scratch baseline: the core does not call {@link
 *     Backbone#importedWeights()}, and a factory whose blocks load weights by themselves (a
 *     TorchScript module) must re-initialise them at random
 * @param resolver builds a registered backbone from its config given as JSON (with its {@code type}) for the same input
 */
public record BackboneContext(int channels, int height, int width, boolean randomInit, Resolver resolver) {

    /** Builds a registered backbone from its config. */
    @FunctionalInterface
    public interface Resolver {
        /**
         * @param configJson a backbone config as JSON, with its {@code type}
         * @return the backbone, for the same input
         * @throws GraftException when the config names no registered backbone or is invalid
         */
        Backbone build(String configJson);
    }

    /**
     * A context for imported or pretrained weights that cannot build other backbones.
     *
     * @param channels channels of the images the data provides
     * @param height image height the data provides
     * @param width image width the data provides
     */
    public BackboneContext(int channels, int height, int width) {
        this(channels, height, width, false);
    }

    /**
     * A context that cannot build other backbones.
     *
     * @param channels channels of the images the data provides
     * @param height image height the data provides
     * @param width image width the data provides
     * @param randomInit whether the weights are to be random (a scratch baseline)
     */
    public BackboneContext(int channels, int height, int width, boolean randomInit) {
        this(channels, height, width, randomInit, json -> {
            throw new GraftException("this context cannot build other backbones");
        });
    }

    public BackboneContext {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("input shape must be positive: " + channels + "x" + height + "x" + width);
        }
    }
}
