package dev.graft.plugins.text;

import dev.graft.text.TokenFormat;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Token ids (batch, length) to vectors (batch, length, dim): a learnt table of {@code vocabulary}
 * rows, plus, when {@code positions} is on, a learnt vector per position (as BERT's input). With
 * {@code mask} on it also outputs which positions hold a token (1) or padding (0), as a float
 * (batch, length) array, for attention to ignore the padding.
 */
final class TokenEmbedding extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Parameter table;
    private final Parameter positionTable;
    private final int dim;
    private final boolean mask;

    /**
     * @param vocabulary rows of the token table
     * @param dim vector size
     * @param maxLength rows of the position table, or 0 for no positions
     * @param mask whether to output the padding mask too
     */
    TokenEmbedding(int vocabulary, int dim, int maxLength, boolean mask) {
        super(VERSION);
        this.dim = dim;
        this.mask = mask;
        table = addParameter(Parameter.builder().setName("tokens").setType(Parameter.Type.WEIGHT).optShape(new Shape(vocabulary, dim)).build());
        positionTable = maxLength > 0
                ? addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT).optShape(new Shape(maxLength, dim)).build())
                : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.head();
        NDArray x = Embedding.embedding(ids, store.getValue(table, ids.getDevice(), training), SparseFormat.DENSE).singletonOrThrow();
        if (positionTable != null) {
            long length = ids.getShape().get(1);
            NDArray positions = store.getValue(positionTable, ids.getDevice(), training);
            if (length > positions.getShape().get(0)) {
                throw new IllegalArgumentException("sequences of " + length + " tokens, but positions are learnt for " + positions.getShape().get(0));
            }
            x = x.add(positions.get("0:" + length).expandDims(0));
        }
        return mask ? new NDList(x, ids.neq(TokenFormat.PAD).toType(DataType.FLOAT32, false)) : new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape embedded = inputShapes[0].addAll(new Shape(dim));
        return mask ? new Shape[] {embedded, inputShapes[0]} : new Shape[] {embedded};
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children; the tables' shapes are known from the constructor
    }
}
