package dev.graft.core.store;

/**
 * A trial's scores on one evaluation set (a descriptor's {@code evaluate:} entry), beside its
 * test split's in {@link TrialRecord}.
 *
 * @param set the set's name
 * @param sourceTask whether the set is the source task (the trained backbone under its pretrained source head)
 * @param accuracy share of the set's examples classified correctly
 * @param macroF1 the unweighted mean of per-class F1
 * @param confusionJson the confusion matrix and class names, as the test split's
 */
public record EvaluationScore(String set, boolean sourceTask, double accuracy, double macroF1, String confusionJson) {}
