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
                new Refused("norm-only", Map.of("lrMultiplier", -1), "lrMultiplier"),
                new Refused("lora", Map.of("rank", 0), "rank"),
                new Refused("lora", Map.of("alpha", -1.0), "alpha"),
                new Refused("lora", Map.of("layers", List.of()), "layers"),
                new Refused("adapter", Map.of("bottleneck", 0), "bottleneck"),
                new Refused("adapter", Map.of("after", List.of("")), "after"));
    }
}
