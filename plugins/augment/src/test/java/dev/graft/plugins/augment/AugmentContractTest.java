package dev.graft.plugins.augment;

import dev.graft.spi.GraftModule;
import dev.graft.testkit.PluginContract;
import java.util.List;
import java.util.Map;

/** The augmenters keep the plugin contract. */
class AugmentContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new AugmentModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(
                new Refused("flip", Map.of("probability", 1.5), "probability"),
                new Refused("flip", Map.of("horizontal", false, "vertical", false), "horizontal"),
                new Refused("shift", Map.of("width", 1.0), "width"),
                new Refused("chain", Map.of("steps", List.of()), "steps"),
                new Refused("mixup", Map.of("alpha", 0.0), "alpha"),
                new Refused("cutmix", Map.of("alpha", -1.0), "alpha"),
                new Refused("gaussian-noise", Map.of("std", 2.0), "std"),
                new Refused("cutout", Map.of("size", 0.0), "size"),
                new Refused("random-resized-crop", Map.of("minArea", 0.0), "minArea"),
                new Refused("color-jitter", Map.of("hue", 0.7), "hue"));
    }
}
