package dev.graft.core.trial;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.spi.backbone.LayerGroup;
import dev.graft.spi.data.FeatureTable;
import dev.graft.core.data.FeatureVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * A frozen backbone's features for one trial, and how a head trains on them: each feature vector
 * is fed unchanged, in the backbone's feature shape, straight to the head.
 *
 * @param train the training examples' features
 * @param validation the validation examples' features
 * @param test the test split's features
 * @param featureShape the backbone's feature shape (without the batch axis)
 * @param classNames the target classes
 */
record CachedFeatures(FeatureTable train, FeatureTable validation, FeatureTable test, Shape featureShape, List<String> classNames) {

    /** The features as examples fed in the backbone's feature shape (a row holds them in that shape's order). */
    FeatureVectors asExamples(FeatureTable table) {
        return new FeatureVectors(table, classNames, featureShape);
    }

    /**
     * The head on cached features, with the backbone's group names (so the freeze schedule plans
     * for the same groups) standing for blocks without parameters that pass the features on.
     * Initialised here; with the head's parameters drawn as they would be on top of the backbone.
     */
    GroupedNetwork headNetwork(BuiltBackbone built, Block head, NDManager manager) {
        List<LayerGroup> groups = new ArrayList<>();
        for (LayerGroup group : built.backbone().layerGroups()) {
            groups.add(new LayerGroup(group.name(), Blocks.identityBlock()));
        }
        GroupedNetwork network = new GroupedNetwork(groups, head);
        BuiltBackbone.initialize(network, manager, new Shape(1).addAll(featureShape));
        return network;
    }
}
