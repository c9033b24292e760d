package org.example.graft.cosine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Class scores as the cosine between an example's features and one learned weight vector per
 * class, times a temperature (Chen et al. 2019, "A Closer Look at Few-shot Classification").
 * The block receives the backbone's features with the batch axis first, in whatever shape the
 * backbone gives (a feature map (C, H, W) or a vector), and flattens them.
 */
final class CosineBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float EPSILON = 1e-8f;

    private final int classes;
    private final float temperature;
    private final Parameter weight;

    CosineBlock(int classes, float temperature) {
        super(VERSION);
        this.classes = classes;
        this.temperature = temperature;
        // a WEIGHT parameter: Graft initialises it (Xavier) with the trial's seed
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        weight.setShape(new Shape(classes, input.size() / input.get(0)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray features = inputs.singletonOrThrow();
        NDArray flat = features.reshape(features.getShape().get(0), -1);
        NDArray w = store.getValue(weight, flat.getDevice(), training);
        NDArray x = flat.div(flat.norm(new int[] {1}, true).add(EPSILON));
        NDArray c = w.div(w.norm(new int[] {1}, true).add(EPSILON));
        // the factor as an array the engine allocated: a Java number would be wrapped around a Java
        // buffer that the gradient tape outlives
        return new NDList(x.matMul(c.transpose()).mul(x.getManager().full(new Shape(), temperature)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }
}
