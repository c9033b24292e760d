package dev.graft.plugins.backbones;

import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.spi.GraftException;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.backbone.LayerGroup;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backbone Graft saved: a directory with {@code backbone.params} (DJL parameters of every layer
 * group, in order) and {@code meta.json} (the architecture's config under {@code
 * provenance.architecture}, the source task, its accuracy and provenance). Every pretrained source
 * backbone in {@code $GRAFT_HOME/cache/backbones/<key>} is one, so another descriptor can start
 * from it by path; the report's pretraining table names the key. The architecture is rebuilt
 * through its own registered plugin, then the weights are loaded over it.
 */
public final class CheckpointFactory implements BackboneFactory<CheckpointConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "checkpoint";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CheckpointConfig> configClass() {
        return CheckpointConfig.class;
    }

    @Override
    public String description() {
        return "a backbone Graft saved (backbone.params + meta.json), e.g. a pretrained source backbone from $GRAFT_HOME/cache/backbones/<key>";
    }

    @Override
    public List<String> files(CheckpointConfig config) {
        return List.of(config.path());
    }

    @Override
    public Backbone create(CheckpointConfig config, BackboneContext context) {
        // named: as the config says (provenance); dir: where it is in this process (a shipped copy on an executor)
        Path named = Path.of(config.path()).toAbsolutePath().normalize();
        Path dir = context.file(config.path());
        Path meta = dir.resolve("meta.json");
        Path params = dir.resolve("backbone.params");
        if (!Files.isRegularFile(meta) || !Files.isRegularFile(params)) {
            throw new GraftException(dir.toAbsolutePath() + ": not a Graft checkpoint (needs meta.json and backbone.params)");
        }
        JsonNode metadata;
        try {
            metadata = new ObjectMapper().readTree(meta.toFile());
        } catch (IOException e) {
            throw new GraftException(meta + ": unreadable: " + e.getMessage(), e);
        }
        JsonNode architecture = metadata.path("provenance").path("architecture");
        if (!architecture.isObject() || !architecture.has("type")) {
            throw new GraftException(meta + ": no provenance.architecture with a type: not a Graft checkpoint, or one written before "
                    + "checkpoints recorded their architecture's type (delete the directory and the run that made it pretrains it again)");
        }
        if (NAME.equals(architecture.path("type").asText())) {
            throw new GraftException(meta + ": a checkpoint's architecture cannot itself be a checkpoint");
        }
        Backbone inner = context.resolver().build(architecture.toString());
        Map<String, String> provenance = new LinkedHashMap<>(inner.provenance());
        provenance.put("weights", "Graft checkpoint " + named);
        provenance.put("checkpointKey", metadata.path("key").asText(""));
        provenance.put("sourceAccuracy", metadata.path("sourceAccuracy").asText(""));
        provenance.put("architecture", architecture.toString());
        return new Backbone(inner.layerGroups(), inner.inputSpec(), provenance, (groups, manager) -> {
            if (inner.importedWeights() != null) {
                inner.importedWeights().load(groups, manager);
            }
            try (InputStream file = Files.newInputStream(params);
                    DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
                for (LayerGroup group : groups) {
                    group.block().loadParameters(manager, in);
                    // DJL's Parameter.load replaces arrays without their gradient flag
                    for (var parameter : group.block().getParameters().values()) {
                        parameter.freeze(!parameter.requiresGradient());
                    }
                }
                if (in.read() != -1) {
                    throw new GraftException(params + ": more parameters than the architecture " + architecture + " has");
                }
            } catch (IOException | MalformedModelException | IllegalArgumentException | IllegalStateException e) {
                throw new GraftException(params + ": does not fit the architecture " + architecture + ": " + e.getMessage(), e);
            }
        });
    }
}
