package dev.graft.plugins.torchscript;

import dev.graft.image.ImageFormat;
import dev.graft.spi.GraftModule;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.testkit.PluginContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The TorchScript and DJL importers keep the plugin contract, on the modules tools/make_torchscript_fixtures.py wrote. */
class TorchScriptContractTest extends PluginContract {
    static final Path FIXTURES = Path.of("src", "test", "resources", "torchscript").toAbsolutePath();

    @Override
    protected GraftModule module() {
        return new TorchScriptModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(
                new Refused("torchscript", Map.of("paths", List.of()), "paths"),
                new Refused("torchscript", Map.of("paths", List.of("a.pt", "b.pt"), "groups", List.of("one")), "groups"),
                new Refused("djl-zoo", Map.of(), "url"));
    }

    @Override
    protected Map<String, Object> example(PluginFactory<?> factory) {
        Map<String, Object> common = Map.of("trusted", true, "channels", 1, "mean", List.of(0.0), "std", List.of(1.0));
        Map<String, Object> fields = new java.util.LinkedHashMap<>(common);
        if (factory.name().equals("djl-zoo")) {
            fields.put("url", FIXTURES.resolve("whole").toString());
        } else {
            fields.put("paths", List.of(FIXTURES.resolve("stage1.pt").toString(), FIXTURES.resolve("stage2.pt").toString()));
        }
        return fields;
    }

    @Override
    protected BackboneContext backboneContext() {
        return new BackboneContext(new ImageFormat(1, 28, 28), false);
    }
}
