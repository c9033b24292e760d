package dev.graft.plugins.torchscript;

import dev.graft.image.ImageFormat;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import dev.graft.spi.GraftException;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.backbone.LayerGroup;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A PyTorch model found through DJL's model zoo machinery ({@code Criteria}): a local directory or
 * {@code file://} URL works offline; online, the DJL model zoo ({@code djl://}) and archive URLs
 * work as DJL resolves them (downloaded once into DJL's cache). The model DJL finds is a
 * TorchScript file, loaded as one trainable layer group ({@code model}) like a {@code torchscript}
 * backbone: DJL's PyTorch bindings run a TorchScript module only as a whole, so one file cannot
 * be split into groups (export the stages as separate files and use {@code torchscript} for
 * that). Loading executes code from the model, so it needs {@code trusted: true}, or a local
 * model under a directory in {@code GRAFT_TRUSTED_DIRS}.
 */
public final class DjlZooFactory implements BackboneFactory<DjlZooConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "djl-zoo";

    /** Each URL is resolved once per run: the TorchScript file DJL found for it. */
    private final Map<String, Path> resolved = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DjlZooConfig> configClass() {
        return DjlZooConfig.class;
    }

    @Override
    public String description() {
        return "a PyTorch model located by DJL's Criteria (local directory or file:// offline; djl:// or https:// online), "
                + "one trainable layer group; needs trusted: true or GRAFT_TRUSTED_DIRS";
    }

    @Override
    public Class<ImageFormat> reads() {
        return ImageFormat.class;
    }

    @Override
    public List<String> files(DjlZooConfig config) {
        if (config.url().matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            Path local = localPath(config.url());
            return local == null ? List.of() : List.of(local.toString());
        }
        return List.of(Path.of(config.url()).toAbsolutePath().normalize().toString());
    }

    @Override
    public Backbone create(DjlZooConfig config, BackboneContext context) {
        String url = modelUrl(config.url());
        Path local = localPath(url);
        // a local model is read where it is in this process (a shipped copy on an executor); provenance names it as written
        Path located = local == null ? null : context.file(local.toString());
        String readUrl = located == null || located.equals(local) ? url : located.toUri().toString();
        if (!config.trusted() && (local == null || !TorchScriptFactory.trusted(local, System.getenv(TorchScriptFactory.TRUSTED_DIRS)))) {
            throw new GraftException(config.url() + ": loading a PyTorch model runs code from it; set trusted: true in the backbone"
                    + (local == null ? "" : ", or put it under a directory listed in " + TorchScriptFactory.TRUSTED_DIRS));
        }
        Path file = resolved.computeIfAbsent(readUrl + "#" + config.modelName(), key -> resolve(readUrl, config.modelName()));
        Path shown = located == null || located.equals(local) || !file.startsWith(located) ? file : local.resolve(located.relativize(file));
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("url", url);
        provenance.put("file", shown + " sha256 " + dev.graft.spi.Sha256.of(file));
        provenance.put("weights", "TorchScript via DJL Criteria");
        return new Backbone(List.of(new LayerGroup("model", new TorchScriptStage(file, shown, context.randomInit()))),
                config.preprocessing().inputSpec(), provenance);
    }

    /** A local path (relative to the working directory) becomes a file:// URL; URLs pass unchanged. */
    static String modelUrl(String url) {
        if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return url;
        }
        Path path = Path.of(url).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new GraftException(path + ": no such model directory or file (djl-zoo url)");
        }
        return path.toUri().toString();
    }

    private static Path localPath(String url) {
        return url.startsWith("file:") ? Path.of(URI.create(url)).toAbsolutePath().normalize() : null;
    }

    /** Lets DJL find (and, online, download) the model, then names the TorchScript file it loaded. */
    private static Path resolve(String url, String modelName) {
        Criteria.Builder<NDList, NDList> builder = Criteria.builder().setTypes(NDList.class, NDList.class).optModelUrls(url).optEngine("PyTorch");
        if (modelName != null) {
            builder.optModelName(modelName);
        }
        try (ZooModel<NDList, NDList> model = builder.build().loadModel()) {
            return torchScriptFile(model.getModelPath(), model.getName());
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new GraftException(url + ": DJL could not load a PyTorch model from it: " + e.getMessage(), e);
        }
    }

    /** The file DJL's PyTorch engine loads from a model directory: {@code <name>.pt}, or the directory's only .pt file. */
    static Path torchScriptFile(Path modelPath, String name) {
        if (Files.isRegularFile(modelPath)) {
            return modelPath;
        }
        for (String candidate : new String[] {name + ".pt", modelPath.getFileName() + ".pt"}) {
            if (Files.isRegularFile(modelPath.resolve(candidate))) {
                return modelPath.resolve(candidate);
            }
        }
        try (Stream<Path> files = Files.list(modelPath)) {
            List<Path> pt = files.filter(p -> p.toString().endsWith(".pt")).toList();
            if (pt.size() == 1) {
                return pt.get(0);
            }
            throw new GraftException(modelPath + ": DJL loaded a model here but Graft cannot tell which of " + pt
                    + " it was; set modelName");
        } catch (IOException e) {
            throw new GraftException(modelPath + ": cannot list: " + e.getMessage(), e);
        }
    }
}
