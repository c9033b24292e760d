package dev.graft.spi.train;

/**
 * One gradient step, as the training loop tells its hooks after the loss is known and before the
 * parameters are updated.
 *
 * @param epoch the epoch, from 0
 * @param batch the batch within the epoch, from 0
 * @param step steps taken before this one over the whole training, from 0
 * @param loss the step's training loss (every loss term included)
 */
public record StepReport(int epoch, int batch, long step, double loss) {}
