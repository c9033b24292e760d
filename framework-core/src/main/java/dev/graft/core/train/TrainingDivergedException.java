package dev.graft.core.train;

/** The training loss became NaN or infinite; the trial is recorded as failed. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TrainingDivergedException(String message) {
        super(message);
    }
}
