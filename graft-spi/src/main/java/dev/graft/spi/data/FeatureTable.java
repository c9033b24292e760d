package dev.graft.spi.data;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Features extracted by a backbone, one row per example, with the examples' labels.
 *
 * @param values {@code rows * cols} values, row-major
 * @param rows examples
 * @param cols features per example
 * @param labels one class id per row
 * @param numClasses the number of classes labels index
 */
public record FeatureTable(float[] values, int rows, int cols, int[] labels, int numClasses) {
    public FeatureTable {
        requireNonNull(values, "values is null");
        requireNonNull(labels, "labels is null");
        if ((long) rows * cols != values.length || labels.length != rows) {
            throw new IllegalArgumentException("shape mismatch: " + values.length + " values, " + rows + " rows x "
                    + cols + " cols, " + labels.length + " labels");
        }
    }

    /**
     * @param row the row
     * @return the row as float64, the precision metrics compute in
     */
    public double[] rowAsDouble(int row) {
        double[] out = new double[cols];
        for (int j = 0; j < cols; j++) {
            out[j] = values[row * cols + j];
        }
        return out;
    }

    /** @return every row as float64 */
    public double[][] asDoubleMatrix() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = rowAsDouble(i);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureTable other
                && rows == other.rows
                && cols == other.cols
                && numClasses == other.numClasses
                && Arrays.equals(values, other.values)
                && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "FeatureTable[" + rows + " x " + cols + ", " + numClasses + " classes]";
    }
}
