package dev.graft.core.train;

/** Ends the trial when the training loss becomes NaN or infinite, before the update that would spread it. */
final class DivergenceGuard implements LoopHook {
    @Override
    public void afterLoss(LoopStep step, float loss) {
        if (!Float.isFinite(loss)) {
            throw new TrainingDivergedException("training loss became " + loss + " in epoch " + (step.epoch() + 1) + ", batch "
                    + (step.batchIndex() + 1) + " (learning rate too high?)");
        }
    }
}
