package dev.graft.plugins.similarity;

import dev.graft.spi.GraftModule;
import dev.graft.testkit.PluginContract;
import java.util.List;
import java.util.Map;

/** The similarity and transferability metrics keep the plugin contract. */
class SimilarityContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new SimilarityModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(
                new Refused("mmd", Map.of("scales", List.of()), "scales"),
                new Refused("knn-accuracy", Map.of("k", 0), "k"),
                new Refused("proxy-a-distance", Map.of("iterations", 0), "iterations"));
    }
}
