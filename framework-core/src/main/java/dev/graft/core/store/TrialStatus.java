package dev.graft.core.store;

/** How a trial ended. Interrupted trials leave no row and run again on resume. */
public enum TrialStatus {
    /** Trained and scored. */
    finished,
    /** Threw or diverged; the message is kept and the sweep went on. Runs again on resume. */
    failed
}
