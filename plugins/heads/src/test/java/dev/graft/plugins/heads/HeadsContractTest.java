package dev.graft.plugins.heads;

import dev.graft.spi.GraftModule;
import dev.graft.testkit.PluginContract;
import java.util.List;
import java.util.Map;

/** The heads keep the plugin contract. */
class HeadsContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new HeadsModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(
                new Refused("mlp", Map.of("hidden", List.of()), "hidden"),
                new Refused("mlp", Map.of("hidden", List.of(16, -1)), "hidden"),
                new Refused("logistic", Map.of("epochs", 0), "epochs"),
                new Refused("logistic", Map.of("learningRate", 0.0), "learningRate"),
                new Refused("logistic", Map.of("minibatch", 0), "minibatch"));
    }
}
