package org.example.graft.cosine;

import dev.graft.spi.GraftModule;
import dev.graft.testkit.PluginContract;
import java.util.List;
import java.util.Map;

/** The contract every Graft plugin keeps; a refused config must name its field. */
class CosineContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new CosineModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(new Refused("cosine", Map.of("temperature", 0.0), "temperature"),
                new Refused("cosine", Map.of(), "temperature"));
    }
}
