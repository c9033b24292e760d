package dev.graft.core.executor;

import dev.graft.core.trial.EvaluationSets;
import dev.graft.core.trial.Pretrained;
import dev.graft.core.trial.TrialData;
import static java.util.Objects.requireNonNull;

import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import dev.graft.spi.data.Examples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the orchestrator has prepared before trials run and every trial reads: the target's
 * examples and the backbones it pretrained. An executor that trains elsewhere ships these.
 *
 * @param pool the target's training split, classes selected
 * @param test the target's test split, classes selected and capped
 * @param pretrained pretrained backbones by spec (transfer trials of backbones with a {@code pretrain} block)
 * @param files the files and directories the sweep's backbone configs read (Keras, TorchScript, checkpoints),
 *     absolute, as the configs name them
 * @param evaluations the sets every trial is scored on besides the test split
 */
public record TrialInputs(Examples pool, Examples test, Map<BackboneSpec, Pretrained> pretrained, List<Path> files, EvaluationSets evaluations) {
    public TrialInputs {
        requireNonNull(pool, "pool is null");
        requireNonNull(test, "test is null");
        requireNonNull(evaluations, "evaluations is null");
        pretrained = Map.copyOf(pretrained);
        files = List.copyOf(files);
    }

    /**
     * @param trial a trial of the run
     * @return the pretrained backbone it starts from, or null (a scratch trial, or a backbone not pretrained by Graft)
     */
    public Pretrained weights(Trial trial) {
        return trial.spec().kind() == TrialKind.transfer ? pretrained.get(trial.spec().backbone()) : null;
    }

    /**
     * @param trial a trial of the run
     * @return what it trains and is scored on
     */
    public TrialData of(Trial trial) {
        return new TrialData(pool, test, evaluations.of(trial), weights(trial));
    }
}
