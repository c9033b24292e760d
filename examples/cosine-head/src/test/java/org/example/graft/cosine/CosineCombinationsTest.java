package org.example.graft.cosine;

import dev.graft.testkit.PluginCombinations;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The head trains with every installed plugin of the other families (Graft's own freeze
 * schedules, augmenters, regularisers, optimisers and rate schedules), each beside its scratch
 * baseline, on tiny synthetic images; a failure names each combination that went wrong.
 */
class CosineCombinationsTest {
    @Test
    void trainsWithEveryInstalledPlugin(@TempDir Path dir) {
        PluginCombinations.Result result = PluginCombinations.of(new CosineModule()).run(dir);
        System.out.println("cosine: " + result.trials() + " trials trained, " + result.excludeRules().size() + " combinations left out as graft validate asks");
    }
}
