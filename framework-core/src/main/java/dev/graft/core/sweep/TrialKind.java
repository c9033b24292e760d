package dev.graft.core.sweep;

/** Whether a trial starts from a (pre)trained backbone or from random initialisation. */
public enum TrialKind {
    /** The backbone as specified (pretrained if it has a pretrain block), trained per the freeze schedule. */
    transfer,
    /** The same architecture, randomly initialised, every layer trained: the baseline. */
    scratch
}
