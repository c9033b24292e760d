package dev.graft.plugins.keras;

import dev.graft.image.ImageFormat;
import dev.graft.spi.GraftException;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.image.ImageInputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras applications' VGG16/VGG19, ResNet50 and MobileNetV2 ({@code include_top=False}) with
 * weights from a Keras HDF5 file: Conv2D kernels (kh, kw, in, out) are permuted to DJL's (out,
 * in, kh, kw), DepthwiseConv2D kernels (kh, kw, c, 1) to (c, 1, kh, kw), biases copied,
 * BatchNormalization read as gamma, beta, moving mean, moving variance, each in the order the
 * file's {@code weight_names} give. The input pipeline applies the preprocessing each expects:
 * Keras' {@code preprocess_input(mode='caffe')} for VGG and ResNet50 (RGB to BGR, pixel values in
 * [0, 255] minus the ImageNet means 103.939, 116.779, 123.68), {@code mode='tf'} for MobileNetV2
 * (scaled to [-1, 1], RGB); grayscale images are replicated to three channels and every image is
 * resized to {@code inputSize}.
 */
public final class KerasH5Factory implements BackboneFactory<KerasH5Config> {
    /** The {@code type:} name. */
    public static final String NAME = "keras-h5";
    private static final float[] CAFFE_MEAN_BGR = {103.939f / 255f, 116.779f / 255f, 123.68f / 255f};
    private static final float[] CAFFE_STD = {1 / 255f, 1 / 255f, 1 / 255f};
    /** preprocess_input(mode='tf'): x / 127.5 - 1 on [0, 255], i.e. (p - 0.5) / 0.5 on [0, 1] pixels. */
    private static final float[] TF_MEAN = {0.5f, 0.5f, 0.5f};
    private static final float[] TF_STD = {0.5f, 0.5f, 0.5f};

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
        return "Keras applications' VGG16/VGG19, ResNet50 or MobileNetV2 (include_top=False) with weights from a Keras HDF5 file; "
                + "the preprocessing each expects, inputs resized and replicated to RGB; one layer group per stage";
    }

    @Override
    public Class<ImageFormat> reads() {
        return ImageFormat.class;
    }

    @Override
    public List<String> files(KerasH5Config config) {
        return List.of(config.path());
    }

    @Override
    public Backbone create(KerasH5Config config, BackboneContext context) {
        // named: as the config says, for provenance and messages; path: where it is in this process (a shipped copy on an executor)
        Path named = Path.of(config.path()).toAbsolutePath().normalize();
        Path path = context.file(config.path());
        if (!Files.isRegularFile(path)) {
            throw new GraftException(named + ": no such Keras weights file (keras-h5 path)");
        }
        KerasArchitecture.Built built = KerasArchitecture.build(config);
        ImageInputSpec spec = KerasArchitecture.tfPreprocessing(config.architecture())
                ? new ImageInputSpec(3, config.inputSize(), config.inputSize(), TF_MEAN, TF_STD, false)
                : new ImageInputSpec(3, config.inputSize(), config.inputSize(), CAFFE_MEAN_BGR, CAFFE_STD, true);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("weights", named.toString());
        provenance.put("sha256", read(path).sha256());
        provenance.put("architecture", describe(config));
        return new Backbone(built.groups(), spec, provenance, (groups, manager) -> load(config, named, read(path).weights(), built));
    }

    /** Writes the file's weights into the initialised convolutions; every mismatch is collected and reported at once. */
    private Read read(Path path) {
        return files.computeIfAbsent(FileVersion.of(path), version -> new Read(dev.graft.spi.Sha256.of(path), KerasWeightsFile.read(path)));
    }

    static void load(KerasH5Config config, Path path, KerasWeightsFile file, KerasArchitecture.Built built) {
        List<String> problems = new ArrayList<>();
        int loaded = 0;
        for (KerasLayer layer : built.layers().values()) {
            List<KerasWeightsFile.Weight> weights = file.layers().get(layer.name());
            if (weights == null || weights.isEmpty()) {
                problems.add("missing layer " + layer.name());
                continue;
            }
            if (weights.size() != layer.shapes().size()) {
                problems.add(layer.name() + " has " + weights.size() + " weights in the file, a " + layer.kind() + " here has "
                        + layer.shapes().size());
                continue;
            }
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < weights.size(); i++) {
                if (!java.util.Arrays.equals(weights.get(i).dims(), layer.shapes().get(i))) {
                    wrong.add(weights.get(i).name() + " is " + java.util.Arrays.toString(weights.get(i).dims()) + ", the architecture needs "
                            + java.util.Arrays.toString(layer.shapes().get(i)));
                }
            }
            if (!wrong.isEmpty()) {
                problems.add(layer.name() + ": " + String.join(", ", wrong));
                continue;
            }
            layer.loader().load(weights.stream().map(KerasWeightsFile.Weight::values).toList());
            loaded++;
        }
        for (Map.Entry<String, List<KerasWeightsFile.Weight>> layer : file.layers().entrySet()) {
            if (!layer.getValue().isEmpty() && !built.layers().containsKey(layer.getKey())) {
                problems.add("unexpected layer " + layer.getKey() + " (" + layer.getValue().size() + " weights)");
            }
        }
        if (!problems.isEmpty()) {
            String message = path + " does not fit keras-h5 " + describe(config) + ": " + String.join("; ", problems);
            if (config.strict()) {
                throw new GraftException(message + " (strict: false loads the layers that match)");
            }
            System.err.println("graft: keras-h5: loaded " + loaded + " of " + built.layers().size() + " layers with weights; " + message);
        }
    }

    /** The architecture as configured, e.g. {@code resnet50 (filters / 16)} or {@code mobilenet-v2 (alpha 0.35)}. */
    static String describe(KerasH5Config config) {
        if (config.alpha() != null) {
            return config.architecture() + " (alpha " + config.alpha() + ")";
        }
        return config.architecture() + (config.filterDivisor() == 1 ? "" : " (filters / " + config.filterDivisor() + ")");
    }
}
