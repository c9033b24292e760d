package dev.graft.plugins.backbones;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.GraftModule;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.LayerGroup;
import dev.graft.testkit.PluginContract;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The bundled architectures keep the plugin contract; the checkpoint on one written here as a pretraining run writes it. */
class BackbonesContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new BackbonesModule();
    }

    @Override
    protected List<Refused> refused() {
        return List.of(
                new Refused("convnet", Map.of("channels", List.of()), "channels"),
                new Refused("convnet", Map.of("channels", List.of(8, 0)), "channels"),
                new Refused("convnet", Map.of("kernelSize", 4), "kernelSize"),
                new Refused("convnet", Map.of("inputStd", 0.0), "inputStd"),
                new Refused("checkpoint", Map.of(), "path"));
    }

    @Override
    protected Map<String, Object> example(PluginFactory<?> factory) {
        return factory.name().equals(CheckpointFactory.NAME) ? Map.of("path", checkpoint().toString()) : factory.example();
    }

    /** meta.json naming a small convnet, and its parameters group after group, as Graft's pretraining saves them. */
    private Path checkpoint() {
        Path dir = scratch.resolve("checkpoint");
        if (Files.isDirectory(dir)) {
            return dir;
        }
        String architecture = "{\"type\":\"convnet\",\"channels\":[4,8]}";
        try (NDManager manager = NDManager.newBaseManager()) {
            Files.createDirectories(dir);
            Backbone backbone = backboneContext().resolver().build(architecture);
            initialise(backbone, new Shape(1, 1, 32, 32), 3, manager);
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve("backbone.params")))) {
                for (LayerGroup group : backbone.layerGroups()) {
                    group.block().saveParameters(out);
                }
            }
            Files.writeString(dir.resolve("meta.json"), "{\"key\":\"contract\",\"provenance\":{\"architecture\":" + architecture + "}}");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
