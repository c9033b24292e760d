package dev.graft.text;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.GraftException;
import dev.graft.spi.backbone.InputSpec;
import dev.graft.spi.data.Batch;
import dev.graft.spi.data.ExampleFormat;

/**
 * The input of a text backbone: token sequences of any length whose ids fit its embedding table,
 * fed as one int64 array of shape (batch, length).
 *
 * @param vocabulary the embedding table's rows: the largest vocabulary the backbone reads
 */
public record TokenInputSpec(int vocabulary) implements InputSpec {

    @Override
    public void check(ExampleFormat data) {
        if (!(data instanceof TokenFormat tokens)) {
            throw new GraftException("the backbone reads token sequences but the data are " + data.describe());
        }
        if (tokens.vocabulary() > vocabulary) {
            throw new GraftException("the data's vocabulary has " + tokens.vocabulary() + " ids but the backbone's embedding has "
                    + vocabulary + " rows; build the backbone for the data's tokenizer");
        }
    }

    @Override
    public Shape networkInput(ExampleFormat data) {
        return new Shape(1, ((TokenFormat) data).length());
    }

    @Override
    public Prepared prepare(Batch batch) {
        if (!(batch instanceof TokenBatch tokens)) {
            throw new GraftException("the backbone reads token sequences but was given a batch of " + batch.getClass().getSimpleName());
        }
        long[] ids = new long[tokens.tokens().length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokens.tokens()[i];
        }
        return manager -> new NDList(manager.create(ids, new Shape(tokens.size(), tokens.length())));
    }
}
