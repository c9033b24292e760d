package dev.graft.plugins.keras;

import ai.djl.ndarray.NDArray;
import dev.graft.spi.GraftException;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.backbone.InputSpec;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras applications' VGG16/VGG19 ({@code include_top=False}) with weights from a Keras HDF5
 * file: Conv2D kernels (kh, kw, in, out) are permuted to DJL's (out, in, kh, kw); biases copied.
 * The input pipeline applies Keras' {@code preprocess_input(mode='caffe')}: RGB to BGR, pixel
 * values in [0, 255] minus the ImageNet means (103.939, 116.779, 123.68); grayscale images are
 * replicated to three channels and every image is resized to {@code inputSize}.
 */
public final class KerasH5Factory implements BackboneFactory<KerasH5Config> {
    /** The {@code type:} name. */
    public static final String NAME = "keras-h5";
    private static final float[] CAFFE_MEAN_BGR = {103.939f / 255f, 116.779f / 255f, 123.68f / 255f};
    private static final float[] CAFFE_STD = {1 / 255f, 1 / 255f, 1 / 255f};

    /** A file as it is on disk now: a changed file is read again. */
    private record FileVersion(Path path, long size, long modified) {
        static FileVersion of(Path path) {
            try {
                return new FileVersion(path.toAbsolutePath().normalize(), Files.size(path), Files.getLastModifiedTime(path).toMillis());
            } catch (IOException e) {
                throw new GraftException(path + ": cannot read: " + e.getMessage(), e);
            }
        }
    }

    /** A weights file read once per run, not once per trial: its checksum and its arrays. */
    private record Read(String sha256, KerasWeightsFile weights) {}

    private final Map<FileVersion, Read> files = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<KerasH5Config> configClass() {
        return KerasH5Config.class;
    }

    @Override
    public String description() {
        return "Keras applications' VGG16/VGG19 (include_top=False) with weights from a Keras HDF5 file; caffe preprocessing, "
                + "inputs resized and replicated to RGB; one layer group per stage";
    }

    @Override
    public Backbone create(KerasH5Config config, BackboneContext context) {
        Path path = Path.of(config.path());
        if (!Files.isRegularFile(path)) {
            throw new GraftException(path.toAbsolutePath() + ": no such Keras weights file (keras-h5 path)");
        }
        Vgg.Built built = Vgg.build(config.architecture(), 3, config.filterDivisor());
        InputSpec spec = new InputSpec(3, config.inputSize(), config.inputSize(), CAFFE_MEAN_BGR, CAFFE_STD, true);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("weights", path.toAbsolutePath().toString());
        provenance.put("sha256", read(path).sha256());
        provenance.put("architecture", config.architecture() + (config.filterDivisor() == 1 ? "" : " with filters / " + config.filterDivisor()));
        return new Backbone(built.groups(), spec, provenance, (groups, manager) -> load(config, path, read(path).weights(), built));
    }

    /** Writes the file's weights into the initialised convolutions; every mismatch is collected and reported at once. */
    private Read read(Path path) {
        return files.computeIfAbsent(FileVersion.of(path), version -> new Read(sha256(path), KerasWeightsFile.read(path)));
    }

    static void load(KerasH5Config config, Path path, KerasWeightsFile file, Vgg.Built built) {
        List<String> problems = new ArrayList<>();
        int loaded = 0;
        for (Map.Entry<String, Vgg.Conv> entry : built.convolutions().entrySet()) {
            String layer = entry.getKey();
            Vgg.Conv conv = entry.getValue();
            List<KerasWeightsFile.Weight> weights = file.layers().get(layer);
            if (weights == null || weights.isEmpty()) {
                problems.add("missing layer " + layer);
                continue;
            }
            if (weights.size() != 2) {
                problems.add(layer + " has " + weights.size() + " weights in the file, a Conv2D has 2 (kernel, bias)");
                continue;
            }
            KerasWeightsFile.Weight kernel = weights.get(0);
            KerasWeightsFile.Weight bias = weights.get(1);
            int[] expected = {3, 3, conv.in(), conv.out()};
            if (!java.util.Arrays.equals(kernel.dims(), expected) || bias.dims().length != 1 || bias.dims()[0] != conv.out()) {
                problems.add(layer + ": file has kernel " + java.util.Arrays.toString(kernel.dims()) + " and bias "
                        + java.util.Arrays.toString(bias.dims()) + ", the architecture needs " + java.util.Arrays.toString(expected)
                        + " and [" + conv.out() + "]");
                continue;
            }
            set(conv.block().getParameters().get("weight").getArray(), toOutInHw(kernel.values(), conv.in(), conv.out()));
            set(conv.block().getParameters().get("bias").getArray(), bias.values());
            loaded++;
        }
        for (Map.Entry<String, List<KerasWeightsFile.Weight>> layer : file.layers().entrySet()) {
            if (!layer.getValue().isEmpty() && !built.convolutions().containsKey(layer.getKey())) {
                problems.add("unexpected layer " + layer.getKey() + " (" + layer.getValue().size() + " weights)");
            }
        }
        if (!problems.isEmpty()) {
            String message = path + " does not fit keras-h5 " + config.architecture()
                    + (config.filterDivisor() == 1 ? "" : " (filters / " + config.filterDivisor() + ")") + ": " + String.join("; ", problems);
            if (config.strict()) {
                throw new GraftException(message + " (strict: false loads the layers that match)");
            }
            System.err.println("graft: keras-h5: loaded " + loaded + " of " + built.convolutions().size() + " convolutions; " + message);
        }
    }

    /** Keras' (kh, kw, in, out), row-major, to DJL's (out, in, kh, kw). */
    static float[] toOutInHw(float[] keras, int in, int out) {
        float[] djl = new float[keras.length];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        djl[((o * in + i) * 3 + y) * 3 + x] = keras[((y * 3 + x) * in + i) * out + o];
                    }
                }
            }
        }
        return djl;
    }

    private static void set(NDArray array, float[] values) {
        array.set(FloatBuffer.wrap(values));
    }

    private static String sha256(Path path) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
        } catch (IOException e) {
            throw new GraftException(path + ": cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
