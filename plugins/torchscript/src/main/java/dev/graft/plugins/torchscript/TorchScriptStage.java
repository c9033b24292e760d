package dev.graft.plugins.torchscript;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import dev.graft.spi.GraftException;
import java.nio.file.Path;

/**
 * One TorchScript file as a block. The module is loaded when the block is initialised, onto the
 * model's manager, with its parameters trainable; its forward pass runs in training or inference
 * mode as the caller asks (so a frozen group's BatchNorm uses its running statistics).
 */
final class TorchScriptStage extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Path path;
    private final Path named;
    private final boolean randomInit;
    private Block module;

    /**
     * @param path the TorchScript file in this process
     * @param named the file as the config names it (for messages; the same file unless shipped to an executor)
     * @param randomInit re-initialise the loaded parameters at random (a scratch baseline): weights
     *     of two or more dimensions Glorot-uniform (as the core initialises), one-dimensional
     *     weights (normalisation scales) 1, biases 0; buffers such as BatchNorm running statistics
     *     keep the file's values
     */
    TorchScriptStage(Path path, Path named, boolean randomInit) {
        super(VERSION);
        this.path = path;
        this.named = named;
        this.randomInit = randomInit;
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (module != null) {
            return;
        }
        if (!(manager instanceof PtNDManager pytorch)) {
            throw new GraftException(named + ": TorchScript needs DJL's PyTorch engine, the model runs on " + manager.getEngine().getEngineName());
        }
        try {
            module = addChildBlock("module", JniUtils.loadModule(pytorch, path, true, new String[0], new String[0], true));
        } catch (RuntimeException e) {
            throw new GraftException(named + ": cannot load as TorchScript (corrupt, truncated or not a torch.jit.save file): "
                    + e.getMessage(), e);
        }
        if (randomInit) {
            for (var entry : module.getParameters()) {
                NDArray array = entry.getValue().getArray();
                Shape shape = array.getShape();
                NDArray fresh;
                if (entry.getKey().endsWith("bias")) {
                    fresh = manager.zeros(shape);
                } else if (shape.dimension() >= 2) {
                    fresh = new XavierInitializer().initialize(manager, shape, DataType.FLOAT32);
                } else {
                    fresh = manager.ones(shape);
                }
                // copied into the tensor's own memory (NDArray.set(Buffer) would point it into a Java buffer)
                array.set(new ai.djl.ndarray.index.NDIndex("..."), fresh);
                fresh.close();
            }
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList outputs = module.forward(parameterStore, inputs, training, params);
        if (training) {
            return outputs;
        }
        // DJL runs a module in inference mode outside training; its outputs are inference tensors,
        // which a training group above cannot use in backward: hand on ordinary copies
        NDList copies = new NDList(outputs.size());
        for (var output : outputs) {
            copies.add(output.duplicate());
        }
        return copies;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        if (module == null) {
            throw new IllegalStateException(named + " is not loaded yet");
        }
        try {
            return module.getOutputShapes(inputShapes);
        } catch (RuntimeException e) {
            throw new GraftException(named + ": does not accept input of shape " + inputShapes[0] + ": " + e.getMessage(), e);
        }
    }
}
