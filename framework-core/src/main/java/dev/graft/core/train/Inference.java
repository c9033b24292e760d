package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.graft.spi.backbone.InputSpec;
import dev.graft.spi.data.FeatureTable;
import dev.graft.spi.data.Examples;

/** Forward passes in inference mode, in batches: class probabilities and backbone features. */
public final class Inference {
    private Inference() {}

    /**
     * @param network a network with a head
     * @param manager a manager for per-batch scopes
     * @param data the examples
     * @param spec the backbone's input spec
     * @param batchSize examples per forward pass
     * @return class probabilities, one row per example
     */
    public static float[][] probabilities(GroupedNetwork network, NDManager manager, Examples data, InputSpec spec, int batchSize) {
        float[][] out = new float[data.size()][];
        ParameterStore store = new ParameterStore(manager, false);
        for (int start = 0; start < data.size(); start += batchSize) {
            int end = Math.min(data.size(), start + batchSize);
            try (NDManager batch = manager.newSubManager()) {
                NDList x = spec.prepare(data.gather(Batches.range(start, end))).toNDList(batch);
                NDArray probabilities = network.forward(store, x, false).singletonOrThrow().softmax(1);
                float[] flat = probabilities.toFloatArray();
                int k = (int) probabilities.getShape().get(1);
                for (int i = 0; i < end - start; i++) {
                    float[] row = new float[k];
                    System.arraycopy(flat, i * k, row, 0, k);
                    out[start + i] = row;
                }
            }
        }
        return out;
    }

    /**
     * @param network a network; its head, if any, is not run
     * @param manager a manager for per-batch scopes
     * @param data the examples
     * @param spec the backbone's input spec
     * @param batchSize examples per forward pass
     * @return the backbone's features, flattened to one row per example
     */
    public static FeatureTable features(GroupedNetwork network, NDManager manager, Examples data, InputSpec spec, int batchSize) {
        ParameterStore store = new ParameterStore(manager, false);
        float[] values = null;
        int cols = 0;
        for (int start = 0; start < data.size(); start += batchSize) {
            int end = Math.min(data.size(), start + batchSize);
            try (NDManager batch = manager.newSubManager()) {
                NDList current = spec.prepare(data.gather(Batches.range(start, end))).toNDList(batch);
                for (var group : network.groups()) {
                    current = group.block().forward(store, current, false);
                }
                NDArray features = current.singletonOrThrow().reshape(end - start, -1);
                if (values == null) {
                    cols = (int) features.getShape().get(1);
                    values = new float[data.size() * cols];
                }
                System.arraycopy(features.toFloatArray(), 0, values, start * cols, (end - start) * cols);
            }
        }
        return new FeatureTable(values == null ? new float[0] : values, data.size(), cols, data.labels().clone(), data.numClasses());
    }
}
