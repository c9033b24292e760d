package dev.graft.plugins.keras;

import dev.graft.image.ImageFormat;
import dev.graft.spi.GraftModule;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.testkit.PluginContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The Keras importer keeps the plugin contract, on a narrowed VGG16 that tools/make_keras_fixtures.py wrote. */
class KerasContractTest extends PluginContract {
    static final Path FIXTURES = Path.of("src", "test", "resources", "keras").toAbsolutePath();

    @Override
    protected GraftModule module() {
        return new KerasModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(
                new Refused("keras-h5", Map.of("architecture", "alexnet", "path", "w.h5"), "architecture"),
                new Refused("keras-h5", Map.of("architecture", "vgg16"), "path"),
                new Refused("keras-h5", Map.of("architecture", "vgg16", "path", "w.h5", "filterDivisor", 3), "filterDivisor"),
                new Refused("keras-h5", Map.of("architecture", "vgg16", "path", "w.h5", "inputSize", 16), "inputSize"));
    }

    @Override
    protected Map<String, Object> example(PluginFactory<?> factory) {
        return Map.of("architecture", "vgg16", "path", FIXTURES.resolve("vgg16-w16-weights.h5").toString(),
                "filterDivisor", 16, "inputSize", 32);
    }

    @Override
    protected BackboneContext backboneContext() {
        return new BackboneContext(new ImageFormat(3, 32, 32), false);
    }
}
