package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * Keeps PyTorch tensors in memory PyTorch allocated.
 *
 * <p>DJL's PyTorch engine builds an array made from Java data ({@code NDManager.create} of an
 * array or buffer, {@code Parameter.load}, {@code NDArray.set(Buffer)}) on a Java direct buffer:
 * the tensor points into memory that Java allocated, unaligned and unpadded, whose life is tied to
 * the Java object, where PyTorch's own CPU allocations are 64-byte aligned. The long-lived arrays
 * Graft builds from Java data — loaded parameters and restored optimiser state — are therefore
 * copied once into PyTorch's memory, so that they outlive nothing but their own tensors. (A batch
 * lives for one step in its own scope, Java buffer included, and is left as DJL builds it.) In a
 * probe on a ResNet fixture, non-finite gradients fell from at least 11 in 600 repetitions to 5 in
 * 1,500 with the copies, but the same kind of probe varied from 1 to 688 in 1,500 between runs, so
 * that is no evidence of an effect; those come most likely from oneDNN's kernels on channel
 * counts that are not a multiple of 8 (README, "Determinism").
 */
public final class NativeMemory {
    private NativeMemory() {}

    /**
     * @param created an array just built from Java data, not used elsewhere yet (it is closed)
     * @return a copy in memory PyTorch owns, on the same manager
     */
    public static NDArray owned(NDArray created) {
        NDArray copy = created.duplicate();
        created.close();
        return copy;
    }

    /**
     * Moves every parameter of {@code block} into memory PyTorch owns, keeping each parameter's
     * array object (and so every reference to it) and its gradient flag.
     *
     * @param block a block whose parameters were just loaded
     */
    public static void ownParameters(Block block) {
        for (var entry : block.getParameters()) {
            Parameter parameter = entry.getValue();
            if (parameter.isInitialized()) {
                NDArray array = parameter.getArray();
                array.intern(array.duplicate());
                array.setRequiresGradient(parameter.requiresGradient());
            }
        }
    }
}
