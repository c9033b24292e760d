package dev.graft.plugins.evaluation;

import dev.graft.spi.GraftModule;
import dev.graft.spi.PluginFactory;
import dev.graft.testing.TestPlugins;
import dev.graft.testkit.PluginContract;
import java.util.List;
import java.util.Map;

class EvaluationContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new EvaluationModule();
    }

    /** The dataset set is built on the test kit's synthetic dataset (the contract's context hands its own test split back). */
    @Override
    protected Map<String, Object> example(PluginFactory<?> factory) {
        return factory.name().equals(DatasetSetFactory.NAME)
                ? Map.of("data", Map.of("type", TestPlugins.SyntheticProvider.NAME, "classes", List.of(0, 1, 2)))
                : factory.example();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(new Refused("corrupt", Map.of("corruption", "fog", "severity", 2), "corruption"),
                new Refused("corrupt", Map.of("severity", 2), "corruption"),
                new Refused("corrupt", Map.of("corruption", "blur", "severity", 6), "severity"),
                new Refused("corrupt", Map.of("corruption", "blur", "severity", 0), "severity"),
                new Refused("corrupt", Map.of("corruption", "blur"), "severity"),
                new Refused("dataset", Map.of(), "data"));
    }
}
