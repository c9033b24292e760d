package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.train.EpochReport;
import dev.graft.spi.train.LossStep;
import dev.graft.spi.train.StepReport;
import dev.graft.spi.train.TrainingHook;
import java.util.List;

/**
 * Contributed plugins' {@link TrainingHook}s in the loop, in axis order: their loss terms, and the
 * steps and epochs they hear.
 */
final class ContributedHooks implements LoopHook {
    private final List<TrainingHook> hooks;
    private final int epochs;

    /**
     * @param hooks the trial's hooks, in axis order
     * @param epochs the epochs planned
     */
    ContributedHooks(List<TrainingHook> hooks, int epochs) {
        this.hooks = List.copyOf(hooks);
        this.epochs = epochs;
    }

    @Override
    public NDArray loss(LoopStep step, NDList outputs, NDArray loss) {
        LossStep view = new View(step, outputs.get(0));
        for (TrainingHook hook : hooks) {
            NDArray term = hook.lossTerm(view);
            if (term != null) {
                loss = loss.add(term.reshape(new Shape()));
            }
        }
        return loss;
    }

    /** The step as a hook sees it inside the tape. */
    private record View(LoopStep at, NDArray logits) implements LossStep {
        @Override
        public NDManager manager() {
            return at.scope();
        }

        @Override
        public NDArray labels() {
            return at.y();
        }

        @Override
        public int epoch() {
            return at.epoch();
        }

        @Override
        public long step() {
            return at.step();
        }
    }

    @Override
    public void afterLoss(LoopStep step, float loss) {
        StepReport report = new StepReport(step.epoch(), step.batchIndex(), step.step(), loss);
        for (TrainingHook hook : hooks) {
            hook.stepTaken(report);
        }
    }

    @Override
    public boolean afterEpoch(EpochMetrics metrics) {
        EpochReport report = new EpochReport(metrics.epoch(), epochs, metrics.trainLoss(), metrics.trainAccuracy(),
                metrics.validationAccuracy(), metrics.validationLoss());
        boolean goOn = true;
        for (TrainingHook hook : hooks) {
            // every hook hears the epoch, even after one asked to stop
            goOn &= !hook.stopAfter(report);
        }
        return goOn;
    }
}
