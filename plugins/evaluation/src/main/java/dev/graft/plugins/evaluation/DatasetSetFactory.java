package dev.graft.plugins.evaluation;

import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.evaluate.EvaluationContext;
import dev.graft.spi.evaluate.EvaluationSet;
import dev.graft.spi.evaluate.EvaluationSetFactory;
import java.util.List;

/**
 * Another dataset's test split with the target's classes: a natural shift (synthetic-glyph digits
 * for MNIST, say). {@code graft validate} checks the classes and format against the target's.
 */
public final class DatasetSetFactory implements EvaluationSetFactory<DatasetSetConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "dataset";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DatasetSetConfig> configClass() {
        return DatasetSetConfig.class;
    }

    @Override
    public String description() {
        return "another dataset's test split with the target's classes and format (a natural shift)";
    }

    @Override
    public EvaluationSet create(DatasetSetConfig config, EvaluationContext context) {
        return new EvaluationSet.Target(context.testSplit().apply(config.data()));
    }

    @Override
    public List<DatasetConfig> datasets(DatasetSetConfig config) {
        return List.of(config.data());
    }
}
