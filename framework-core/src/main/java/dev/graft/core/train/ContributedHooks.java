package dev.graft.core.train;

import dev.graft.spi.train.EpochReport;
import dev.graft.spi.train.StepReport;
import dev.graft.spi.train.TrainingHook;
import java.util.List;

/** Contributed plugins' {@link TrainingHook}s hearing the loop's steps and epochs, in axis order. */
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
