package dev.graft.core.trial;

import ai.djl.Model;
import dev.graft.core.data.LabelledSplit;
import dev.graft.core.provenance.TrialProvenance;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialSpec;
import dev.graft.core.train.EpochListener;
import dev.graft.spi.data.Examples;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.head.Head;
import dev.graft.spi.regularize.Regularizer;
import dev.graft.spi.train.TrainingHook;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a {@link TrainingPlan} works with, built by {@link TrialRunner} from the trial's
 * spec before a plan is chosen.
 *
 * @param trial the trial
 * @param pool the target training split the sample was drawn from
 * @param test the target test split
 * @param evaluations the evaluation sets the trial is scored on after its test split
 * @param split the trial's labelled sample: training and validation examples
 * @param pretrained the pretrained backbone of a transfer trial with pretraining, else null
 * @param model the model the network lives in (its manager owns every array)
 * @param built the backbone, pretrained or random, with its shapes
 * @param firstNewGroup groups from this index up were re-initialised rather than transferred
 * @param head the head
 * @param schedule the freeze schedule of a transfer trial, null for scratch
 * @param regularizer the fine-tuning penalty of a transfer trial, null for none
 * @param hooks contributed plugins' training hooks, by axis
 * @param listener told after each epoch
 * @param checkpoint where the trial checkpoints, or null
 * @param provenance what the trial records about itself
 */
record TrialSetup(Trial trial, Examples pool, Examples test, java.util.List<EvaluationSets.Scored> evaluations, LabelledSplit split, Pretrained pretrained, Model model,
        BuiltBackbone built, int firstNewGroup, Head head, FreezeSchedule schedule, Regularizer regularizer,
        Map<String, TrainingHook> hooks, EpochListener listener, Path checkpoint, TrialProvenance.Builder provenance) {

    TrialSpec spec() {
        return trial.spec();
    }

    /** @return whether the regulariser needs the pretrained source head's outputs (LwF) */
    boolean needsSource() {
        return regularizer != null && regularizer.needs().contains(Regularizer.Need.SOURCE_OUTPUTS);
    }

    /** @return a batch size for inference: at least the training batch, at least 256 */
    int inferenceBatch() {
        return Math.max(256, spec().train().batchSize());
    }

    /** @return whether a training hook of the trial edits the backbone before training */
    boolean editsBackbone() {
        return hooks.values().stream().anyMatch(TrainingHook::editsBackbone);
    }
}
