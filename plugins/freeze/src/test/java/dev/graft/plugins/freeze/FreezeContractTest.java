package dev.graft.plugins.freeze;

import dev.graft.spi.GraftModule;
import dev.graft.testkit.PluginContract;
import java.util.List;
import java.util.Map;

/** The freeze schedules keep the plugin contract. */
class FreezeContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new FreezeModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(
                new Refused("top-k", Map.of("k", -1), "k"),
                new Refused("two-phase", Map.of("frozenEpochs", -1), "frozenEpochs"),
                new Refused("two-phase", Map.of("unfrozenLrScale", 2.0), "unfrozenLrScale"),
                new Refused("gradual", Map.of("every", 0), "every"),
                new Refused("discriminative", Map.of("decay", 1.5), "decay"),
                new Refused("layer-decay", Map.of("decay", 0), "decay"),
                new Refused("backbone-finetuning", Map.of("growth", 200.0), "growth"),
                new Refused("backbone-finetuning", Map.of("unfreezeAt", -2), "unfreezeAt"),
                new Refused("fine-tune", Map.of("pctStart", 1.0), "pctStart"),
                new Refused("surgical", Map.of(), "group"),
                new Refused("surgical", Map.of("group", 0), "group"),
                new Refused("surgical", Map.of("group", 1, "lrMultiplier", 0.0), "lrMultiplier"));
    }
}
