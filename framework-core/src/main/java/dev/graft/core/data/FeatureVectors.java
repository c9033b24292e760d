package dev.graft.core.data;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.GraftException;
import dev.graft.spi.backbone.InputSpec;
import dev.graft.spi.data.Batch;
import dev.graft.spi.data.ExampleFormat;
import dev.graft.spi.data.Examples;
import dev.graft.spi.data.FeatureTable;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * A frozen backbone's features as examples a head trains on: one float vector per example, fed
 * unchanged to the network as an array of the backbone's feature layout ({@link Input}). The
 * core's own modality, used by the feature cache.
 *
 * @param table the features and labels
 * @param classNames the classes the labels index
 * @param exampleShape the shape each vector is fed in (its size is the table's width)
 */
public record FeatureVectors(FeatureTable table, List<String> classNames, Shape exampleShape) implements Examples {

    public FeatureVectors {
        requireNonNull(table, "table is null");
        classNames = List.copyOf(classNames);
        if (exampleShape.size() != table.cols()) {
            throw new IllegalArgumentException("example shape " + exampleShape + " does not hold " + table.cols() + " features");
        }
    }

    /** Feature vectors of a width. */
    public record Format(int width) implements ExampleFormat {
        @Override
        public String describe() {
            return "feature vectors of " + width;
        }
    }

    /** A batch of feature vectors. */
    public record VectorBatch(float[] values, int[] labels, int width) implements Batch {}

    /**
     * Feeds vectors unchanged, each in the given shape.
     *
     * @param exampleShape one example's shape as the network reads it
     */
    public record Input(Shape exampleShape) implements InputSpec {
        @Override
        public void check(ExampleFormat data) {
            if (!(data instanceof Format vectors) || vectors.width() != exampleShape.size()) {
                throw new GraftException("expected feature vectors of " + exampleShape.size() + " but the data are " + data.describe());
            }
        }

        @Override
        public Shape networkInput(ExampleFormat data) {
            return new Shape(1).addAll(exampleShape);
        }

        @Override
        public Prepared prepare(Batch batch) {
            VectorBatch vectors = (VectorBatch) batch;
            return manager -> new NDList(manager.create(FloatBuffer.wrap(vectors.values()), new Shape(vectors.size()).addAll(exampleShape)));
        }
    }

    /** @return the input that feeds these vectors in their shape */
    public Input input() {
        return new Input(exampleShape);
    }

    @Override
    public int[] labels() {
        return table.labels();
    }

    @Override
    public String checksum() {
        return "features";
    }

    @Override
    public String origin() {
        return "backbone features";
    }

    @Override
    public Format format() {
        return new Format(table.cols());
    }

    @Override
    public FeatureVectors select(int[] indices, String origin) {
        VectorBatch rows = gather(indices);
        return new FeatureVectors(new FeatureTable(rows.values(), indices.length, table.cols(), rows.labels(), classNames.size()), classNames,
                exampleShape);
    }

    @Override
    public FeatureVectors withLabels(int[] labels, List<String> newClassNames, String checksum, String origin) {
        return new FeatureVectors(new FeatureTable(table.values(), table.rows(), table.cols(), labels, newClassNames.size()), newClassNames,
                exampleShape);
    }

    @Override
    public VectorBatch gather(int[] indices) {
        int cols = table.cols();
        float[] values = new float[indices.length * cols];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(table.values(), indices[i] * cols, values, i * cols, cols);
            labels[i] = table.labels()[indices[i]];
        }
        return new VectorBatch(values, labels, cols);
    }
}
