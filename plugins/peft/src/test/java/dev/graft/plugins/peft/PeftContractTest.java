package dev.graft.plugins.peft;

import dev.graft.spi.GraftModule;
import dev.graft.testkit.PluginContract;
import java.util.List;
import java.util.Map;

class PeftContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new PeftModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(new Refused("bitfit", Map.of("lrMultiplier", 0), "lrMultiplier"),
                new Refused("norm-only", Map.of("lrMultiplier", -1), "lrMultiplier"));
    }
}
