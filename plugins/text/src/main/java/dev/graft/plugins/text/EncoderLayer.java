package dev.graft.plugins.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import dev.graft.spi.edit.ReplaceableChildren;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One Transformer encoder layer (Vaswani et al. 2017, post-norm as BERT): multi-head
 * self-attention that ignores padding, residual and layer norm, a GELU feed-forward block,
 * residual and layer norm. Reads and writes (vectors (batch, length, dim), mask (batch, length));
 * the last layer of an encoder pools instead: the mean of the vectors at token positions, (batch,
 * dim).
 */
final class EncoderLayer extends AbstractBlock implements ReplaceableChildren {
    private static final byte VERSION = 1;
    private Block attention;
    private Block attentionNorm;
    private Block expand;
    private Block project;
    private Block outputNorm;
    private final Dropout dropout;
    private final boolean pool;

    /**
     * @param dim vector size
     * @param heads attention heads; divides {@code dim}
     * @param hidden the feed-forward block's width
     * @param dropoutRate dropout on attention probabilities and before each residual
     * @param pool whether this layer ends the encoder with a masked mean over positions
     */
    EncoderLayer(int dim, int heads, int hidden, float dropoutRate, boolean pool) {
        super(VERSION);
        this.pool = pool;
        attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder().setEmbeddingSize(dim).setHeadCount(heads)
                .optAttentionProbsDropoutProb(dropoutRate).build());
        attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        expand = addChildBlock("expand", Linear.builder().setUnits(hidden).build());
        project = addChildBlock("project", Linear.builder().setUnits(dim).build());
        outputNorm = addChildBlock("outputNorm", LayerNorm.builder().axis(2).build());
        dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
    }

    /** Lets adapters in after any sub-layer but the dropout. */
    @Override
    public void replaceChild(String name, Block replacement) {
        // DJL keeps a child under its position and name: 01attention
        switch (name.replaceFirst("^\\d{2}", "")) {
            case "attention" -> attention = replacement;
            case "attentionNorm" -> attentionNorm = replacement;
            case "expand" -> expand = replacement;
            case "project" -> project = replacement;
            case "outputNorm" -> outputNorm = replacement;
            default -> throw new IllegalArgumentException("an encoder layer has no replaceable child '" + name + "'");
        }
        int at = children.indexOf(name);
        children.remove(at);
        children.add(at, name, replacement);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        // (batch, to, from): every position may attend to the token positions only
        NDArray attend = mask.expandDims(1).broadcast(batch, length, length);
        NDArray attended = attention.forward(store, new NDList(x, attend), training).singletonOrThrow();
        x = attentionNorm.forward(store, new NDList(x.add(dropout.forward(store, new NDList(attended), training).singletonOrThrow())), training)
                .singletonOrThrow();
        NDArray hidden = Activation.gelu(expand.forward(store, new NDList(x), training).singletonOrThrow());
        NDArray out = project.forward(store, new NDList(hidden), training).singletonOrThrow();
        x = outputNorm.forward(store, new NDList(x.add(dropout.forward(store, new NDList(out), training).singletonOrThrow())), training)
                .singletonOrThrow();
        if (!pool) {
            return new NDList(x, mask);
        }
        NDArray weights = mask.expandDims(2);
        return new NDList(x.mul(weights).sum(new int[] {1}).div(weights.sum(new int[] {1}).maximum(1f)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return pool ? new Shape[] {new Shape(x.get(0), x.get(2))} : new Shape[] {x, inputShapes[1]};
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape attend = new Shape(x.get(0), x.get(1), x.get(1));
        attention.initialize(manager, dataType, x, attend);
        attentionNorm.initialize(manager, dataType, x);
        expand.initialize(manager, dataType, x);
        Shape hidden = expand.getOutputShapes(new Shape[] {x})[0];
        project.initialize(manager, dataType, hidden);
        outputNorm.initialize(manager, dataType, x);
        dropout.initialize(manager, dataType, x);
    }
}
