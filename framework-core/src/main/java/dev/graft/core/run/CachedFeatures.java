package dev.graft.core.run;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.spi.backbone.LayerGroup;
import dev.graft.spi.data.FeatureTable;
import dev.graft.core.data.FeatureVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * A frozen backbone's features for one trial, and how a head trains on them: each feature vector
 * is fed unchanged as a (cols, 1, 1) array, which the network reshapes to the backbone's feature
 * shape before the head.
 *
 * @param train the training examples' features
 * @param validation the validation examples' features
 * @param test the test split's features
 * @param featureShape the backbone's feature shape (without the batch axis)
 * @param classNames the target classes
 */
record CachedFeatures(FeatureTable train, FeatureTable validation, FeatureTable test, Shape featureShape, List<String> classNames) {

    /** The features as examples fed as (cols, 1, 1) arrays, the layout the head network reshapes from. */
    FeatureVectors asExamples(FeatureTable table) {
        return new FeatureVectors(table, classNames, new Shape(table.cols(), 1, 1));
    }

    /**
     * The head on cached features, with the backbone's group names (so the freeze schedule plans
     * for the same groups) standing for blocks without parameters: the first reshapes the
     * features to the backbone's output shape, the others pass them on. Initialised here; with
     * the head's parameters drawn as they would be on top of the backbone.
     */
    GroupedNetwork headNetwork(BuiltBackbone built, Block head, NDManager manager) {
        List<LayerGroup> groups = new ArrayList<>();
        List<LayerGroup> real = built.backbone().layerGroups();
        Shape batchShape = new Shape(-1).addAll(featureShape);
        for (int i = 0; i < real.size(); i++) {
            Block block = i == 0 ? new LambdaBlock(inputs -> new NDList(inputs.singletonOrThrow().reshape(batchShape)), "cached_features")
                    : Blocks.identityBlock();
            groups.add(new LayerGroup(real.get(i).name(), block));
        }
        GroupedNetwork network = new GroupedNetwork(groups, head);
        BuiltBackbone.initialize(network, manager, new Shape(1, train.cols(), 1, 1));
        return network;
    }
}
