package dev.graft.plugins.evaluation;

import dev.graft.spi.evaluate.EvaluationContext;
import dev.graft.spi.evaluate.EvaluationSet;
import dev.graft.spi.evaluate.EvaluationSetFactory;

/**
 * The source task: each transfer trial's trained backbone under the source head it was pretrained
 * with, on the source dataset's test split, as continual-learning papers report forgetting (how
 * much of the source task a fine-tuned backbone retains). Every backbone needs a {@code pretrain:}
 * block; scratch trials have no source task.
 */
public final class SourceTaskFactory implements EvaluationSetFactory<SourceTaskConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "source-task";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SourceTaskConfig> configClass() {
        return SourceTaskConfig.class;
    }

    @Override
    public String description() {
        return "retention: the trained backbone under its pretrained source head, on the source task's test split (transfer trials)";
    }

    @Override
    public EvaluationSet create(SourceTaskConfig config, EvaluationContext context) {
        return new EvaluationSet.SourceTask();
    }

    @Override
    public boolean sourceTask(SourceTaskConfig config) {
        return true;
    }
}
