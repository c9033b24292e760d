package dev.graft.plugins.evaluation;

import dev.graft.spi.GraftModule;

/** Registers the built-in evaluation sets. */
public final class EvaluationModule extends GraftModule {
    @Override
    protected void configure() {
        evaluationSet(CorruptFactory.NAME).to(CorruptFactory.class);
        evaluationSet(DatasetSetFactory.NAME).to(DatasetSetFactory.class);
        evaluationSet(SourceTaskFactory.NAME).to(SourceTaskFactory.class);
    }
}
