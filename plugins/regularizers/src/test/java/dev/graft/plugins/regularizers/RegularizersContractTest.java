package dev.graft.plugins.regularizers;

import dev.graft.spi.GraftModule;
import dev.graft.testkit.PluginContract;
import java.util.List;
import java.util.Map;

/** The regularisers keep the plugin contract. */
class RegularizersContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new RegularizersModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(
                new Refused("lwf", Map.of("temperature", 0.0), "temperature"),
                new Refused("bss", Map.of("k", 0), "k"));
    }
}
