package dev.graft.plugins.torchscript;

import dev.graft.image.ImageFormat;
import dev.graft.spi.GraftException;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.backbone.LayerGroup;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TorchScript export (a torchvision or timm model saved with {@code torch.jit.save}) as a
 * backbone, loaded by DJL's PyTorch engine and trainable for fine-tuning. Each file is one layer
 * group, run in order: export a model's stages separately to freeze and unfreeze them one by
 * one. Loading TorchScript executes code from the file, so a file is loaded only with {@code
 * trusted: true} or from a directory listed in the environment variable {@code GRAFT_TRUSTED_DIRS}.
 */
public final class TorchScriptFactory implements BackboneFactory<TorchScriptConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "torchscript";
    /** Directories whose TorchScript files load without {@code trusted: true}, separated by the path separator. */
    public static final String TRUSTED_DIRS = "GRAFT_TRUSTED_DIRS";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TorchScriptConfig> configClass() {
        return TorchScriptConfig.class;
    }

    @Override
    public String description() {
        return "TorchScript files (torch.jit.save) run in order, one layer group each; trainable; needs trusted: true or GRAFT_TRUSTED_DIRS";
    }

    @Override
    public Class<ImageFormat> reads() {
        return ImageFormat.class;
    }

    @Override
    public List<String> files(TorchScriptConfig config) {
        return config.paths();
    }

    @Override
    public Backbone create(TorchScriptConfig config, BackboneContext context) {
        List<LayerGroup> groups = new ArrayList<>();
        Map<String, String> provenance = new LinkedHashMap<>();
        for (int i = 0; i < config.paths().size(); i++) {
            // named: as the config says (trust, provenance, messages); path: where it is in this process
            Path named = Path.of(config.paths().get(i)).toAbsolutePath().normalize();
            Path path = context.file(config.paths().get(i));
            if (!Files.isRegularFile(path)) {
                throw new GraftException(named + ": no such TorchScript file");
            }
            if (!config.trusted() && !trusted(named, System.getenv(TRUSTED_DIRS))) {
                throw new GraftException(named + ": loading TorchScript runs code from the file; set trusted: true in the backbone, "
                        + "or put the file under a directory listed in " + TRUSTED_DIRS);
            }
            String name = config.groups() != null ? config.groups().get(i) : named.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            groups.add(new LayerGroup(name, new TorchScriptStage(path, named, context.randomInit())));
            provenance.put("file" + (i + 1), named + " sha256 " + dev.graft.spi.Sha256.of(path));
        }
        provenance.put("weights", "TorchScript");
        return new Backbone(groups, config.preprocessing().inputSpec(), provenance);
    }

    /** @return whether {@code path} lies inside one of the listed directories */
    static boolean trusted(Path path, String trustedDirs) {
        if (trustedDirs == null || trustedDirs.isBlank()) {
            return false;
        }
        for (String dir : trustedDirs.split(File.pathSeparator)) {
            if (!dir.isBlank() && path.startsWith(Path.of(dir).toAbsolutePath().normalize())) {
                return true;
            }
        }
        return false;
    }
}
