package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.data.Batch;

/**
 * The step's base loss: softmax cross-entropy against the labels, or against the mixed targets of
 * a batch that mixup or CutMix mixed.
 */
final class Objective implements LoopHook {
    @Override
    public NDArray loss(LoopStep step, NDList outputs, NDArray loss) {
        NDArray logits = outputs.get(0);
        return step.batch().isMixed() ? mixedLoss(step.scope(), step.batch(), logits) : crossEntropy(step.scope(), step.batch(), logits);
    }

    /**
     * Softmax cross-entropy against the labels, averaged over the batch: the operations of DJL's
     * {@code SoftmaxCrossEntropyLoss} (log-softmax over the last axis, each row's label entry
     * gathered, negated, averaged), with the labels made once as the gather's index. DJL reaches
     * the same gather through its indexing, which reshapes and converts float labels and asks
     * their shapes of the engine on every step: the same numbers, by fewer calls.
     */
    private static NDArray crossEntropy(NDManager scope, Batch batch, NDArray logits) {
        int[] labels = batch.labels();
        long[] index = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            index[i] = labels[i];
        }
        return logits.logSoftmax(-1).gather(scope.create(index, new Shape(labels.length, 1)), 1).neg().mean();
    }

    /**
     * Cross-entropy against the mixed targets of mixup/CutMix: {@code w onehot(a) + (1 - w)
     * onehot(b)} per image, averaged over the batch (for unmixed images the usual loss).
     */
    private static NDArray mixedLoss(NDManager scope, Batch batch, NDArray logits) {
        int classes = (int) logits.getShape().get(1);
        long[] first = new long[batch.size()];
        long[] second = new long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            first[i] = batch.labels()[i];
            second[i] = batch.mixedLabels()[i];
        }
        NDArray weights = scope.create(batch.mixWeights(), new Shape(batch.size(), 1));
        NDArray target = scope.create(first).oneHot(classes).mul(weights).add(scope.create(second).oneHot(classes).mul(weights.neg().add(1f)));
        return target.mul(logits.logSoftmax(1)).sum(new int[] {1}).mean().neg();
    }
}
