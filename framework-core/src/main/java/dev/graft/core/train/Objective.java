package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import dev.graft.spi.data.Batch;

/**
 * The step's base loss: softmax cross-entropy against the labels, or against the mixed targets of
 * a batch that mixup or CutMix mixed.
 */
final class Objective implements LoopHook {
    private final Loss crossEntropy = Loss.softmaxCrossEntropyLoss();

    @Override
    public NDArray loss(LoopStep step, NDList outputs, NDArray loss) {
        NDArray logits = outputs.get(0);
        return step.batch().isMixed() ? mixedLoss(step.scope(), step.batch(), logits)
                : crossEntropy.evaluate(new NDList(step.y()), new NDList(logits));
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
