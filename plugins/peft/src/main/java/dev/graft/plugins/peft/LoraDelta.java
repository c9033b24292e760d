package dev.graft.plugins.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * LoRA's reparametrisation of one weight (Hu et al. 2021): {@code W + (alpha / r) B A}, with
 * {@code A} (r, fan-in) and {@code B} (out, r), the product reshaped to the weight's shape. For a
 * linear layer this is PEFT's {@code lora_B(lora_A(x))} path folded into the weight; for a
 * convolution, PEFT's k×k convolution to r channels followed by a 1×1 convolution back, which
 * compose to the same single convolution. {@code A} starts as PyTorch initialises a layer of that
 * fan-in (uniform in ±1/√fan-in, PEFT's {@code kaiming_uniform_(a=√5)}), {@code B} at zero, so
 * training starts from the pretrained weight.
 */
final class LoraDelta extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int rank;
    private final float scale;
    private final Parameter a;
    private final Parameter b;
    /**
     * alpha / r as an array the engine allocated. Multiplying by a Java number would make DJL wrap
     * a Java buffer in a scalar tensor that the gradient tape keeps after the buffer is freed, and
     * the backward pass would read whatever the memory then holds.
     */
    private NDArray scaleArray;

    /**
     * @param rank r
     * @param alpha the scale's numerator
     */
    LoraDelta(int rank, double alpha) {
        super(VERSION);
        this.rank = rank;
        this.scale = (float) (alpha / rank);
        a = addParameter(Parameter.builder().setName("loraA").setType(Parameter.Type.WEIGHT).build());
        b = addParameter(Parameter.builder().setName("loraB").setType(Parameter.Type.WEIGHT)
                .optInitializer(new ConstantInitializer(0f)).build());
    }

    @Override
    protected void prepare(Shape[] inputs) {
        Shape weight = inputs[0];
        long fanIn = weight.slice(1).size();
        a.setShape(new Shape(rank, fanIn));
        a.setInitializer(new UniformInitializer((float) (1 / Math.sqrt(fanIn))));
        b.setShape(new Shape(weight.get(0), rank));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray weight = inputs.singletonOrThrow();
        NDArray lowRank = store.getValue(b, weight.getDevice(), training).matMul(store.getValue(a, weight.getDevice(), training));
        return new NDList(weight.add(lowRank.reshape(weight.getShape()).mul(scaleArray)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    @Override
    public void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        scaleArray = manager.full(new Shape(), scale, dataType);
    }
}
