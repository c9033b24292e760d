package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Batch orders and label arrays. */
public final class Batches {
    private Batches() {}

    /**
     * @param start first index
     * @param end one past the last index
     * @return {@code start, start+1, ..., end-1}
     */
    public static int[] range(int start, int end) {
        int[] indices = new int[end - start];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = start + i;
        }
        return indices;
    }

    /**
     * Fisher-Yates in place, drawing {@code nextInt(i + 1)} for i from the end down.
     *
     * @param values the array to shuffle
     * @param random the random source
     */
    public static void shuffle(int[] values, java.util.random.RandomGenerator random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /**
     * @param manager the batch's manager
     * @param labels class ids
     * @return a float32 vector of the labels, as DJL's sparse cross-entropy expects
     */
    public static NDArray labels(NDManager manager, int[] labels) {
        float[] values = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = labels[i];
        }
        return manager.create(values);
    }
}
