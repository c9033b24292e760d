package dev.graft.spi.backbone;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.ExampleFormat;

/**
 * What a backbone factory may assume about its input, whether the weights are to be random, and
 * a way to build other registered backbones (a checkpoint rebuilds the architecture it saved).
 *
 * @param data the format of the examples the data provides; a factory reads the one it can take
 *     with {@link #format(Class)}
 * @param randomInit true for a scratch baseline: the core does not call {@link
 *     Backbone#importedWeights()}, and a factory whose blocks load weights by themselves (a
 *     TorchScript module) must re-initialise them at random
 * @param resolver builds a registered backbone from its config given as JSON (with its {@code type}) for the same input
 * @param files where a file a config names is in this process: the file itself, or, on an
 *     executor of another machine, the copy the orchestrator shipped there (a factory reads through
 *     {@link #file(String)} and records the name as written in its provenance)
 */
public record BackboneContext(ExampleFormat data, boolean randomInit, Resolver resolver, Files files) {

    /** Where the files that configs name are in this process. */
    @FunctionalInterface
    public interface Files {
        /** Every file where it is named. */
        Files AS_NAMED = path -> path;

        /**
         * @param named a file or directory as a config names it, absolute and normalised
         * @return where to read it in this process
         */
        java.nio.file.Path locate(java.nio.file.Path named);
    }

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
     * @param data the format of the examples the data provides
     */
    public BackboneContext(ExampleFormat data) {
        this(data, false);
    }

    /**
     * A context that cannot build other backbones.
     *
     * @param data the format of the examples the data provides
     * @param randomInit whether the weights are to be random (a scratch baseline)
     */
    public BackboneContext(ExampleFormat data, boolean randomInit) {
        this(data, randomInit, json -> {
            throw new GraftException("this context cannot build other backbones");
        });
    }

    /**
     * A context in which every file is where its config names it.
     *
     * @param data the format of the examples the data provides
     * @param randomInit whether the weights are to be random (a scratch baseline)
     * @param resolver builds other registered backbones
     */
    public BackboneContext(ExampleFormat data, boolean randomInit, Resolver resolver) {
        this(data, randomInit, resolver, Files.AS_NAMED);
    }

    public BackboneContext {
        requireNonNull(data, "data is null");
        requireNonNull(resolver, "resolver is null");
        requireNonNull(files, "files is null");
    }

    /**
     * @param named a path as a config names it
     * @return where to read it in this process (the path itself, unless the file was shipped here)
     */
    public java.nio.file.Path file(String named) {
        return files.locate(java.nio.file.Path.of(named).toAbsolutePath().normalize());
    }

    /**
     * The data's format as the kind a backbone reads.
     *
     * @param <F> the format type
     * @param kind the format type the backbone reads ({@code ImageFormat.class}, say)
     * @return the data's format
     * @throws GraftException when the data are of another kind (text for an image backbone, say)
     */
    public <F extends ExampleFormat> F format(Class<F> kind) {
        if (!kind.isInstance(data)) {
            throw new GraftException("this backbone reads " + ExampleFormat.kind(kind) + " data but the data are " + data.describe());
        }
        return kind.cast(data);
    }
}
