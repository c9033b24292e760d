package dev.graft.plugins.heads;

import dev.graft.spi.data.FeatureTable;

/** Per-feature standardisation fitted on training features; constant features are centred only. */
record Standardizer(double[] mean, double[] scale) {

    static Standardizer identity(int cols) {
        double[] mean = new double[cols];
        double[] scale = new double[cols];
        java.util.Arrays.fill(scale, 1.0);
        return new Standardizer(mean, scale);
    }

    static Standardizer fit(FeatureTable table) {
        int cols = table.cols();
        double[] mean = new double[cols];
        double[] sq = new double[cols];
        for (int i = 0; i < table.rows(); i++) {
            for (int j = 0; j < cols; j++) {
                double v = table.values()[i * cols + j];
                mean[j] += v;
                sq[j] += v * v;
            }
        }
        double[] scale = new double[cols];
        for (int j = 0; j < cols; j++) {
            mean[j] /= Math.max(1, table.rows());
            double variance = sq[j] / Math.max(1, table.rows()) - mean[j] * mean[j];
            scale[j] = variance > 1e-12 ? 1.0 / Math.sqrt(variance) : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    double[] row(FeatureTable table, int i) {
        double[] out = new double[table.cols()];
        for (int j = 0; j < out.length; j++) {
            out[j] = (table.values()[i * table.cols() + j] - mean[j]) * scale[j];
        }
        return out;
    }
}
