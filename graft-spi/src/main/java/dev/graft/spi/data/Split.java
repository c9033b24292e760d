package dev.graft.spi.data;

/** The official splits a dataset provides. Validation data is carved out of {@link #TRAIN}. */
public enum Split {
    /** Data to sample training and validation examples from. */
    TRAIN,
    /** The held-out split every trial is scored on. */
    TEST
}
