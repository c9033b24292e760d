package dev.graft.plugins.datasets;

import dev.graft.image.ImageFormat;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.DatasetInfo;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao et al. 2017): 28x28 grayscale images of 10 clothing classes, 60,000 for
 * training and 10,000 for test, read from the four IDX files of the original distribution.
 */
public final class FashionMnistProvider implements DatasetProvider<FashionMnistConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "fashion-mnist";
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** The bundled subset's directory name under the bundled data directory. */
    public static final String BUNDLED_NAME = "fashion-mnist-subset";

    static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FashionMnistConfig> configClass() {
        return FashionMnistConfig.class;
    }

    @Override
    public String description() {
        return "Fashion-MNIST IDX files (gzip or plain): from --data-dir, Debian's dataset-fashion-mnist, or the bundled subset";
    }

    @Override
    public DatasetInfo describe(FashionMnistConfig config, DataContext context) {
        locate(config, context);
        return new DatasetInfo(CLASS_NAMES, new ImageFormat(1, 28, 28));
    }

    @Override
    public LabeledImages load(FashionMnistConfig config, Split split, DataContext context) {
        Path dir = locate(config, context);
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        IdxFile images = IdxFile.read(IdxDirectories.file(dir, prefix + "-images-idx3-ubyte"));
        IdxFile labels = IdxFile.read(IdxDirectories.file(dir, prefix + "-labels-idx1-ubyte"));
        return MnistFormat.toImages(images, labels, CLASS_NAMES, dir + " (" + prefix + ")");
    }

    /** The directory holding the four files, per the config's {@code source}. */
    static Path locate(FashionMnistConfig config, DataContext context) {
        String hint = switch (config.source()) {
            case "system" -> "install Debian's package: apt-get install dataset-fashion-mnist";
            case "bundled" -> "the bundled subset lives in experiments/data/" + BUNDLED_NAME + " of the Graft repository";
            default -> "install it (apt-get install dataset-fashion-mnist) or point --data-dir at a directory with the four files";
        };
        return IdxDirectories.locate("Fashion-MNIST", config.source(), context, "fashion-mnist", SYSTEM_DIR, BUNDLED_NAME,
                IdxDirectories::hasIdxFiles, String.join(", ", IdxDirectories.FILES.stream().map(f -> f + "[.gz]").toList()), hint);
    }
}
