package dev.graft.plugins.optimizers;

import dev.graft.spi.GraftModule;
import dev.graft.testkit.PluginContract;
import java.util.List;
import java.util.Map;

/** The optimisers and learning-rate schedules keep the plugin contract. */
class OptimizersContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new OptimizersModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(
                new Refused("rmsprop", Map.of("lr", 0.0), "lr"),
                new Refused("rmsprop", Map.of("alpha", 1.0), "alpha"),
                new Refused("adagrad", Map.of("eps", -1.0), "eps"),
                new Refused("adamw", Map.of("beta2", 1.5), "beta2"),
                new Refused("adamw", Map.of("weightDecay", -0.1), "weightDecay"),
                new Refused("cosine-restarts", Map.of("period", 0.0), "period"),
                new Refused("cosine-restarts", Map.of("multiplier", 0), "multiplier"),
                new Refused("warmup-linear", Map.of("warmup", 1.0), "warmup"));
    }
}
