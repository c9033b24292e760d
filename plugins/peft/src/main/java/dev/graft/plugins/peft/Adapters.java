package dev.graft.plugins.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/** The blocks adapters insert: each returns its input plus a learned correction that starts at zero. */
final class Adapters {
    private Adapters() {}

    /**
     * Houlsby et al. (2019)'s bottleneck adapter on vectors (..., d): {@code x + up(gelu(down(x)))},
     * down to {@code bottleneck} units and back, with biases; {@code up} starts at zero, so the
     * adapter starts as the identity (their near-identity initialisation, taken to its limit).
     *
     * @param bottleneck the inner width m
     * @return the block
     */
    static Block bottleneck(int bottleneck) {
        return new Residual(Linear.builder().setUnits(bottleneck).build());
    }

    /**
     * Rebuffi et al. (2017)'s residual adapter on feature maps (batch, channels, h, w), or on
     * sequences (batch, channels, length) of a 1-d convolution: {@code x + conv1x1(x)}, the 1×1
     * convolution starting at zero. Their adapter has its own BatchNorm after
     * the convolution; here the frozen BatchNorm that follows the adapted convolution in the
     * backbone normalises the sum instead.
     *
     * @return the block
     */
    static Block residualConvolution() {
        return new Residual(null);
    }

    /**
     * {@code x + f(x)}, f built once the input's last (vectors) or channel (maps) size is known:
     * on vectors {@code up(gelu(down(x)))}, on maps a 1×1 convolution.
     */
    private static final class Residual extends AbstractBlock {
        private static final byte VERSION = 1;
        private final boolean vectors;
        private Block down;
        private Block up;

        /** @param down the bottleneck's first layer (on vectors), or null for the convolution adapter on maps */
        Residual(Block down) {
            super(VERSION);
            this.vectors = down != null;
            this.down = down;
        }

        @Override
        protected void beforeInitialize(Shape... inputShapes) {
            super.beforeInitialize(inputShapes);
            Shape x = inputShapes[0];
            if (vectors) {
                down = addChildBlock("down", down);
                up = addChildBlock("up", Linear.builder().setUnits(x.get(x.dimension() - 1)).build());
            } else if (x.dimension() == 3) {
                up = addChildBlock("conv", ai.djl.nn.convolutional.Conv1d.builder().setKernelShape(new Shape(1)).setFilters((int) x.get(1))
                        .optBias(false).build());
            } else {
                up = addChildBlock("conv", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters((int) x.get(1)).optBias(false).build());
            }
            up.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
        }

        @Override
        public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape x = inputShapes[0];
            if (vectors) {
                down.initialize(manager, dataType, x);
                up.initialize(manager, dataType, down.getOutputShapes(new Shape[] {x}));
            } else {
                up.initialize(manager, dataType, x);
            }
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.get(0);
            NDArray h = x;
            if (vectors) {
                h = Activation.gelu(down.forward(store, new NDList(x), training).singletonOrThrow());
            }
            NDArray f = up.forward(store, new NDList(h), training).singletonOrThrow();
            NDList out = new NDList(x.add(f));
            for (int i = 1; i < inputs.size(); i++) {
                out.add(inputs.get(i)); // what travels beside the vectors (a Transformer's mask) passes through
            }
            return out;
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputs) {
            return inputs;
        }
    }
}
