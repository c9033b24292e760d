package dev.graft.plugins.keras;

import dev.graft.image.ImageInputSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.trial.BuiltBackbone;
import dev.graft.core.trial.Components;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.spi.GraftException;
import dev.graft.image.ImageBatch;
import dev.graft.image.LabeledImages;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imported weights give the activations tools/make_keras_fixtures.py computed with NumPy. */
class KerasH5Test {
    static final Path FIXTURES = Path.of("..", "plugins", "keras-hdf5", "src", "test", "resources", "keras").toAbsolutePath().normalize();
    static final Components COMPONENTS = new Components(Plugins.of(List.of(new KerasModule())).registry());

    @TempDir
    Path dir;

    /** A (n, h, w, c) dataset of reference.h5 as NCHW floats. */
    static float[] nchw(String dataset, int[] dimsOut) {
        return nchw("reference.h5", dataset, dimsOut);
    }

    /** A (n, h, w, c) dataset as NCHW floats. */
    static float[] nchw(String reference, String dataset, int[] dimsOut) {
        try (HdfFile file = new HdfFile(FIXTURES.resolve(reference))) {
            var data = file.getDatasetByPath(dataset);
            int[] d = data.getDimensions();
            float[] flat = (float[]) data.getDataFlat();
            float[] out = new float[flat.length];
            for (int n = 0; n < d[0]; n++) {
                for (int y = 0; y < d[1]; y++) {
                    for (int x = 0; x < d[2]; x++) {
                        for (int c = 0; c < d[3]; c++) {
                            out[((n * d[3] + c) * d[1] + y) * d[2] + x] = flat[((n * d[1] + y) * d[2] + x) * d[3] + c];
                        }
                    }
                }
            }
            System.arraycopy(new int[] {d[0], d[3], d[1], d[2]}, 0, dimsOut, 0, 4);
            return out;
        }
    }

    static KerasH5Config config(String file, String architecture, int divisor, boolean strict) {
        return new KerasH5Config(architecture, FIXTURES.resolve(file).toString(), strict, divisor, 32);
    }

    static LabeledImages images(float[] pixels, int n, int channels) {
        return images(pixels, n, channels, 32);
    }

    static LabeledImages images(float[] pixels, int n, int channels, int size) {
        return new LabeledImages(pixels, new int[n], channels, size, size, List.of("a"), "test", "test");
    }

    /** Runs the backbone on the reference input through the input pipeline (caffe preprocessing) and returns block5_pool. */
    static float[] features(KerasH5Config config, boolean throughPipeline) {
        int[] inputDims = new int[4];
        float[] input = nchw(throughPipeline ? "/input" : "/preprocessed", inputDims);
        try (Model model = Model.newInstance("keras")) {
            NDManager manager = model.getNDManager();
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, config, images(input, inputDims[0], 3), manager, null);
            GroupedNetwork body = built.withHead(null, manager);
            NDArray x = throughPipeline
                    ? ((ImageInputSpec) built.backbone().inputSpec()).toArray(manager, new ImageBatch(input, new int[inputDims[0]], 3, 32, 32))
                    : manager.create(input, new Shape(inputDims[0], 3, 32, 32));
            return body.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        float scale = 0;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * scale, "activation " + i + " (largest " + scale + ")");
        }
    }

    @Test
    void everyKerasLayoutGivesTheReferenceActivations() {
        int[] dims = new int[4];
        float[] expected = nchw("/features", dims);
        assertEquals(32, dims[1]);
        for (String file : List.of("vgg16-w16-weights.h5", "vgg16-w16-model.h5", "vgg16-w16-legacy.h5")) {
            assertClose(expected, features(config(file, "vgg16", 16, true), false));
        }
        // the input pipeline applies preprocess_input(mode='caffe') itself
        assertClose(expected, features(config("vgg16-w16-weights.h5", "vgg16", 16, true), true));
    }

    /** The architecture's output on reference-cnn.h5's input of one size, through the input pipeline. */
    static float[] cnnFeatures(KerasH5Config config, int size) {
        int[] dims = new int[4];
        float[] input = nchw("reference-cnn.h5", "/" + config.architecture() + "/input" + size, dims);
        try (Model model = Model.newInstance("keras")) {
            NDManager manager = model.getNDManager();
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, config, images(input, dims[0], 3, size), manager, null);
            NDArray x = ((ImageInputSpec) built.backbone().inputSpec()).toArray(manager, new ImageBatch(input, new int[dims[0]], 3, size, size));
            return built.withHead(null, manager).forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    static KerasH5Config resnet(int size, int divisor, boolean strict) {
        return new KerasH5Config("resnet50", FIXTURES.resolve("resnet50-w16-weights.h5").toString(), strict, divisor, size);
    }

    static KerasH5Config mobilenet(int size, double alpha, boolean strict) {
        return new KerasH5Config("mobilenet-v2", FIXTURES.resolve("mobilenet-v2-a010-model.h5").toString(), strict, 1, size, alpha);
    }

    @Test
    void resNet50AndMobileNetV2GiveTheReferenceActivationsOnEvenAndOddSizes() {
        // 45 makes odd feature maps, where TensorFlow's 'same' padding at stride 2 is symmetric;
        // 64 keeps them even, where it pads only after
        for (int size : new int[] {64, 45}) {
            int[] dims = new int[4];
            assertClose(nchw("reference-cnn.h5", "/resnet50/features" + size, dims), cnnFeatures(resnet(size, 16, true), size));
            assertEquals(128, dims[1]);
            assertClose(nchw("reference-cnn.h5", "/mobilenet-v2/features" + size, dims), cnnFeatures(mobilenet(size, 0.1, true), size));
            assertEquals(1280, dims[1]);
        }
    }

    @Test
    void theFullSizeArchitecturesHaveKerasLayerAndParameterCounts() {
        // keras.applications with include_top=False: ResNet50 23,587,712 parameters in 53
        // convolutions and 53 BatchNormalizations; MobileNetV2 (alpha 1.0) 2,257,984 in 52 and 52
        record Expected(KerasH5Config config, int layers, long parameters, List<String> groups) {}
        for (Expected expected : List.of(
                new Expected(resnet(224, 1, true), 106, 23_587_712L, List.of("conv1", "conv2", "conv3", "conv4", "conv5")),
                new Expected(mobilenet(224, 1.0, true), 104, 2_257_984L, List.of("stem", "stage1", "stage2", "stage3", "stage4")),
                new Expected(new KerasH5Config("vgg16", "x.h5", true, 1, 224), 13, 14_714_688L,
                        List.of("block1", "block2", "block3", "block4", "block5")))) {
            KerasArchitecture.Built built = KerasArchitecture.build(expected.config());
            long parameters = built.layers().values().stream().flatMap(l -> l.shapes().stream())
                    .mapToLong(shape -> java.util.Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b)).sum();
            assertEquals(expected.layers(), built.layers().size(), expected.config().architecture());
            assertEquals(expected.parameters(), parameters, expected.config().architecture());
            assertEquals(expected.groups(), built.groups().stream().map(dev.graft.spi.backbone.LayerGroup::name).toList());
        }
        assertTrue(KerasArchitecture.build(resnet(224, 1, true)).layers().containsKey("conv4_block6_3_bn"));
        assertTrue(KerasArchitecture.build(mobilenet(224, 1.0, true)).layers().containsKey("block_16_project_BN"));
        assertEquals(List.of(8, 16, 32, 48, 1280), List.of(MobileNetV2.makeDivisible(32 * 0.25), MobileNetV2.makeDivisible(16),
                MobileNetV2.makeDivisible(32), MobileNetV2.makeDivisible(96 * 0.5), 1280));
    }

    @Test
    void gradientsReachTheFirstLayerThroughPaddingAndResidualBlocks() {
        // the MobileNetV2 fixture's weights from its file; the ResNet50 with random weights at filters / 8, because
        // the fixture's filters / 16 has 4-channel convolutions, whose oneDNN gradients are sometimes
        // non-finite (a PyTorch issue; README, Determinism) — the wiring checked here is the same
        for (KerasH5Config config : List.of(mobilenet(45, 0.1, true), resnet(45, 8, true))) {
            int[] dims = new int[4];
            float[] input = nchw("reference-cnn.h5", "/" + config.architecture() + "/input45", dims);
            try (Model model = Model.newInstance("keras")) {
                NDManager manager = model.getNDManager();
                BuiltBackbone built = config.architecture().equals("resnet50")
                        ? BuiltBackbone.buildRandom(COMPONENTS, config, images(input, dims[0], 3, 45), manager)
                        : BuiltBackbone.build(COMPONENTS, config, images(input, dims[0], 3, 45), manager, null);
                GroupedNetwork body = built.withHead(null, manager);
                NDArray x = ((ImageInputSpec) built.backbone().inputSpec()).toArray(manager, new ImageBatch(input, new int[dims[0]], 3, 45, 45));
                ai.djl.nn.Parameter first = built.backbone().layerGroups().get(0).block().getParameters().valueAt(0);
                for (var parameter : body.getParameters().values()) {
                    if (parameter.requiresGradient()) {
                        parameter.getArray().setRequiresGradient(true);
                    }
                }
                try (ai.djl.training.GradientCollector collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    NDArray out = body.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
                    collector.backward(out.square().mean());
                }
                float[] gradient = first.getArray().getGradient().toFloatArray();
                double norm = 0;
                for (float g : gradient) {
                    assertTrue(Float.isFinite(g), config.architecture() + ": gradient " + g + " in " + first.getName());
                    norm += g * g;
                }
                assertTrue(norm > 0, config.architecture() + ": no gradient reached " + first.getName());
            }
        }
    }

    @Test
    void mobileNetV2IsPreprocessedToMinusOneToOneInRgb() {
        try (Model model = Model.newInstance("keras")) {
            float[] pixels = new float[3 * 32 * 32];
            java.util.Arrays.fill(pixels, 0, 32 * 32, 1f); // red channel white, the rest black
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, mobilenet(32, 0.1, true), images(pixels, 1, 3), model.getNDManager(), null);
            NDArray x = ((ImageInputSpec) built.backbone().inputSpec()).toArray(model.getNDManager(), new ImageBatch(pixels, new int[1], 3, 32, 32));
            assertEquals(1f, x.getFloat(0, 0, 3, 3), 1e-6);
            assertEquals(-1f, x.getFloat(0, 2, 3, 3), 1e-6);
        }
    }

    @Test
    void architectureMismatchesNameTheLayersAndShapes() {
        GraftException e = assertThrows(GraftException.class, () -> cnnFeatures(mobilenet(64, 0.35, true), 64));
        assertTrue(e.getMessage().contains("Conv1: Conv1/kernel:0 is [3, 3, 3, 8], the architecture needs [3, 3, 3, 16]"), e.getMessage());
        e = assertThrows(GraftException.class, () -> cnnFeatures(new KerasH5Config("resnet50",
                FIXTURES.resolve("mobilenet-v2-a010-model.h5").toString(), true, 16, 64), 64));
        assertTrue(e.getMessage().contains("missing layer conv1_conv") && e.getMessage().contains("unexpected layer block_16_project"),
                e.getMessage());
        assertThrows(dev.graft.spi.InvalidConfigException.class, () -> new KerasH5Config("vgg16", "x.h5", true, 1, 224, 0.5));
        assertThrows(dev.graft.spi.InvalidConfigException.class, () -> new KerasH5Config("mobilenet-v2", "x.h5", true, 2, 224, null));
    }

    @Test
    void aScratchBaselineDoesNotLoadTheFile() {
        try (Model model = Model.newInstance("keras")) {
            LabeledImages gray = new LabeledImages(new float[28 * 28], new int[1], 1, 28, 28, List.of("a"), "t", "t");
            KerasH5Config config = config("vgg16-w16-weights.h5", "vgg16", 16, true);
            float[] imported = BuiltBackbone.build(COMPONENTS, config, gray, model.getNDManager(), null).backbone().layerGroups().get(0).block()
                    .getParameters().valueAt(0).getArray().toFloatArray();
            float[] random = BuiltBackbone.buildRandom(COMPONENTS, config, gray, model.getNDManager()).backbone().layerGroups().get(0).block()
                    .getParameters().valueAt(0).getArray().toFloatArray();
            assertTrue(!java.util.Arrays.equals(imported, random));
        }
    }

    @Test
    void grayscaleSmallImagesAreReplicatedAndResized() {
        try (Model model = Model.newInstance("keras")) {
            LabeledImages gray = new LabeledImages(new float[2 * 28 * 28], new int[2], 1, 28, 28, List.of("a"), "t", "t");
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, config("vgg16-w16-weights.h5", "vgg16", 16, true), gray, model.getNDManager(), null);
            assertEquals(new Shape(1, 3, 32, 32), built.inputShape());
            assertEquals(new Shape(32, 1, 1), built.featureShape());
            NDArray x = ((ImageInputSpec) built.backbone().inputSpec()).toArray(model.getNDManager(),
                    new ImageBatch(new float[2 * 28 * 28], new int[2], 1, 28, 28));
            assertEquals(new Shape(2, 3, 32, 32), x.getShape());
            // black pixels become 0 - mean per channel, BGR order
            assertEquals(-103.939f, x.getFloat(0, 0, 5, 5), 1e-3);
            assertEquals(-123.68f, x.getFloat(0, 2, 5, 5), 1e-3);
        }
    }

    @Test
    void mismatchesAreListedAtOnceUnlessNotStrict() {
        GraftException e = assertThrows(GraftException.class, () -> features(config("vgg16-w16-weights.h5", "vgg19", 16, true), false));
        assertTrue(e.getMessage().contains("missing layer block3_conv4") && e.getMessage().contains("missing layer block5_conv4"), e.getMessage());
        e = assertThrows(GraftException.class, () -> features(config("vgg16-w16-weights.h5", "vgg16", 8, true), false));
        assertTrue(e.getMessage().contains("block1_conv1: block1_conv1/kernel:0 is [3, 3, 3, 4], the architecture needs [3, 3, 3, 8]"), e.getMessage());
        // not strict: vgg19 loads the sixteen convolutions the file has and keeps the rest at their initialisation
        float[] partial = features(config("vgg16-w16-weights.h5", "vgg19", 16, false), false);
        assertEquals(64, partial.length);
    }

    @Test
    void corruptTruncatedAndForeignFilesAreClearErrors() throws IOException {
        byte[] bytes = Files.readAllBytes(FIXTURES.resolve("vgg16-w16-weights.h5"));
        Path truncated = Files.write(dir.resolve("truncated.h5"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Path garbage = Files.writeString(dir.resolve("garbage.h5"), "not an hdf5 file at all\n".repeat(100));
        Path foreign = FIXTURES.resolve("reference.h5");
        for (Path file : List.of(truncated, garbage, foreign)) {
            GraftException e = assertThrows(GraftException.class, () -> KerasWeightsFile.read(file));
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
        assertTrue(assertThrows(GraftException.class, () -> KerasWeightsFile.read(foreign)).getMessage().contains("not a Keras weights file"));
        GraftException missing = assertThrows(GraftException.class,
                () -> new KerasH5Factory().create(new KerasH5Config("vgg16", dir.resolve("none.h5").toString(), true, 16, 32),
                        new dev.graft.spi.backbone.BackboneContext(new dev.graft.image.ImageFormat(1, 28, 28))));
        assertTrue(missing.getMessage().contains("no such Keras weights file"), missing.getMessage());
    }
}
