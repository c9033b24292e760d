package dev.graft.core.trial;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.spi.GraftException;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneConfig;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.InputSpec;
import dev.graft.spi.data.Examples;

/**
 * A backbone built and initialised for some data: fresh random weights drawn from the engine's
 * current seed (Glorot-uniform for weights, as Keras), then overwritten by pretrained weights
 * when given.
 *
 * @param backbone the plugin's backbone
 * @param inputShape the shape of a batch of one
 * @param featureShape the backbone's output shape for one example, without the batch axis
 */
public record BuiltBackbone(Backbone backbone, Shape inputShape, Shape featureShape) {

    /**
     * @param components plugin access
     * @param config the architecture
     * @param data data with the input shape to build for
     * @param manager owner of the parameters
     * @param weights pretrained backbone weights from {@link GroupedNetwork#saveBackbone()}, or null
     * @return the built backbone
     */
    public static BuiltBackbone build(Components components, BackboneConfig config, Examples data, NDManager manager, byte[] weights) {
        return build(components, config, data, manager, weights, null);
    }

    /**
     * @param components plugin access
     * @param config the architecture
     * @param data data with the input shape to build for
     * @param manager owner of the parameters
     * @param weights pretrained backbone weights from {@link GroupedNetwork#saveBackbone()}, or null
     * @param transferLayers with weights: how many groups from the input keep them (the rest keep
     *     their random initialisation); null for all
     * @return the built backbone
     */
    public static BuiltBackbone build(Components components, BackboneConfig config, Examples data, NDManager manager, byte[] weights,
            Integer transferLayers) {
        return build(components, config, data, manager, weights, transferLayers, false);
    }

    /**
     * The architecture with random weights throughout, a scratch baseline's: weights the backbone
     * would import (a Keras file, a checkpoint, a TorchScript export) are not loaded, and plugins
     * that cannot avoid loading them re-initialise them.
     *
     * @param components plugin access
     * @param config the architecture
     * @param data data with the input shape to build for
     * @param manager owner of the parameters
     * @return the built backbone
     */
    public static BuiltBackbone buildRandom(Components components, BackboneConfig config, Examples data, NDManager manager) {
        return build(components, config, data, manager, null, null, true);
    }

    /**
     * A backbone with random weights for examples of {@code format}, to look at its layers (as
     * {@code graft validate} does) without loading data.
     *
     * @param components plugin access
     * @param config the backbone's architecture
     * @param format the examples it reads
     * @param manager the parameters' owner
     * @return the built backbone
     */
    public static BuiltBackbone buildRandom(Components components, BackboneConfig config, dev.graft.spi.data.ExampleFormat format,
            NDManager manager) {
        return build(components, config, format, manager, null, null, true);
    }

    private static BuiltBackbone build(Components components, BackboneConfig config, Examples data, NDManager manager, byte[] weights,
            Integer transferLayers, boolean random) {
        return build(components, config, data.format(), manager, weights, transferLayers, random);
    }

    private static BuiltBackbone build(Components components, BackboneConfig config, dev.graft.spi.data.ExampleFormat format, NDManager manager,
            byte[] weights, Integer transferLayers, boolean random) {
        Backbone backbone = components.backbone(config, new BackboneContext(format, random));
        backbone.inputSpec().check(format);
        InputSpec spec = backbone.inputSpec();
        Shape inputShape = spec.networkInput(format);
        GroupedNetwork body = new GroupedNetwork(backbone.layerGroups(), null);
        initialize(body, manager, inputShape);
        if (backbone.importedWeights() != null && !random) {
            backbone.importedWeights().load(backbone.layerGroups(), manager);
        }
        if (weights != null) {
            int groups = backbone.layerGroups().size();
            int keep = transferLayers == null ? groups : transferLayers;
            if (keep > groups) {
                throw new GraftException("transferLayers is " + keep + " but the backbone has only " + groups + " layer groups "
                        + backbone.layerGroups().stream().map(g -> g.name()).toList());
            }
            byte[] fresh = keep < groups ? body.saveGroupsFrom(keep) : null;
            body.loadBackbone(manager, weights);
            if (fresh != null) {
                body.loadGroupsFrom(manager, keep, fresh);
            }
        }
        Shape out = body.getOutputShapes(new Shape[] {inputShape})[0];
        return new BuiltBackbone(backbone, inputShape, out.slice(1));
    }

    /**
     * Initialises every parameter of {@code block} not yet initialised.
     *
     * @param block a block
     * @param manager the parameters' owner
     * @param inputShape a batch-of-one input shape
     */
    public static void initialize(Block block, NDManager manager, Shape inputShape) {
        block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, inputShape);
    }

    /**
     * @param head the head block, or null
     * @param manager the parameters' owner
     * @return the backbone's groups followed by {@code head}, initialised
     */
    public GroupedNetwork withHead(Block head, NDManager manager) {
        return withHead(head, null, manager);
    }

    /**
     * @param head the head block, or null
     * @param sourceHead a source-task head on the same features, or null
     * @param manager the parameters' owner
     * @return the backbone's groups followed by both heads, initialised
     */
    public GroupedNetwork withHead(Block head, Block sourceHead, NDManager manager) {
        GroupedNetwork network = new GroupedNetwork(backbone.layerGroups(), head, sourceHead);
        initialize(network, manager, inputShape);
        return network;
    }
}
