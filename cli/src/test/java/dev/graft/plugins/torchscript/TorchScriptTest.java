package dev.graft.plugins.torchscript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import dev.graft.core.descriptor.OptimizerConfig;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.trial.BuiltBackbone;
import dev.graft.core.trial.Components;
import dev.graft.core.train.EpochListener;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.core.train.NetworkTrainer;
import dev.graft.spi.GraftException;
import dev.graft.image.LabeledImages;
import dev.graft.spi.freeze.GroupState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traced stages give PyTorch's own outputs, train when asked, and load only when trusted. */
class TorchScriptTest {
    static final Path FIXTURES = Path.of("..", "plugins", "torchscript", "src", "test", "resources", "torchscript").toAbsolutePath().normalize();
    static final Components COMPONENTS = new Components(Plugins.of(List.of(new TorchScriptModule())).registry());

    @TempDir
    Path dir;

    static TorchScriptConfig config(boolean trusted, String... files) {
        return new TorchScriptConfig(Arrays.stream(files).map(f -> FIXTURES.resolve(f).toString()).toList(), null, trusted, 1, 0,
                List.of(0.0), List.of(1.0));
    }

    record Reference(float[] input, float[] output) {}

    /** The backbone without a head, run on the reference input, gives PyTorch's outputs to 1e-5. */
    static void assertGivesReferenceOutputs(BuiltBackbone built, NDManager manager, Reference reference, String what) {
        float[] actual = built.withHead(null, manager).forward(new ParameterStore(manager, false),
                new NDList(manager.create(reference.input(), new Shape(2, 1, 28, 28))), false).singletonOrThrow().toFloatArray();
        assertEquals(reference.output().length, actual.length, what + "outputs");
        for (int i = 0; i < actual.length; i++) {
            assertEquals(reference.output()[i], actual[i], 1e-5, what + "output " + i);
        }
    }

    static Reference reference() throws IOException {
        List<String> lines = Files.readAllLines(FIXTURES.resolve("reference.txt"));
        int n = 2 * 28 * 28;
        float[] input = new float[n];
        float[] output = new float[2 * 8];
        for (int i = 0; i < n; i++) {
            input[i] = Float.parseFloat(lines.get(1 + i));
        }
        for (int i = 0; i < output.length; i++) {
            output[i] = Float.parseFloat(lines.get(1 + n + i));
        }
        return new Reference(input, output);
    }

    static LabeledImages images(float[] pixels) {
        return new LabeledImages(pixels, new int[pixels.length / 784], 1, 28, 28, List.of("a", "b"), "t", "t");
    }

    static DjlZooConfig zoo(String url, boolean trusted) {
        return new DjlZooConfig(url, null, trusted, 1, 0, List.of(0.0), List.of(1.0));
    }

    @Test
    void aDjlModelDirectoryLoadsThroughCriteriaOfflineAsOneGroup() throws IOException {
        Reference reference = reference();
        Path modelDir = FIXTURES.resolve("whole");
        for (String url : List.of(modelDir.toString(), modelDir.toUri().toString())) {
            try (Model model = Model.newInstance("zoo")) {
                NDManager manager = model.getNDManager();
                BuiltBackbone built = BuiltBackbone.build(COMPONENTS, zoo(url, true), images(reference.input()), manager, null);
                assertEquals(List.of("model"), built.backbone().layerGroups().stream().map(g -> g.name()).toList());
                assertTrue(built.backbone().provenance().get("file").contains("whole.pt sha256 "), built.backbone().provenance().toString());
                assertGivesReferenceOutputs(built, manager, reference, url + " ");
            }
        }
        // not trusted: refused before DJL loads anything; a missing directory is named
        GraftException refused = assertThrows(GraftException.class, () -> new DjlZooFactory().create(zoo(modelDir.toString(), false),
                new dev.graft.spi.backbone.BackboneContext(new dev.graft.image.ImageFormat(1, 28, 28))));
        assertTrue(refused.getMessage().contains("runs code from it") && refused.getMessage().contains("GRAFT_TRUSTED_DIRS"), refused.getMessage());
        GraftException missing = assertThrows(GraftException.class, () -> new DjlZooFactory().create(zoo(dir.resolve("nothing").toString(), true),
                new dev.graft.spi.backbone.BackboneContext(new dev.graft.image.ImageFormat(1, 28, 28))));
        assertTrue(missing.getMessage().contains("no such model directory"), missing.getMessage());
        // a directory DJL finds no model in
        Files.writeString(dir.resolve("readme.txt"), "no model here");
        GraftException empty = assertThrows(GraftException.class, () -> new DjlZooFactory().create(zoo(dir.toString(), true),
                new dev.graft.spi.backbone.BackboneContext(new dev.graft.image.ImageFormat(1, 28, 28))));
        assertTrue(empty.getMessage().startsWith(dir.toUri().toString()), empty.getMessage());
    }

    @Test
    void aModelSplitByItsModuleHierarchyGivesTheWholeModelsOutputsInTwoGroups() throws IOException {
        // whole-split/ is what tools/split_torchscript.py wrote for whole/whole.pt (one file per child)
        Reference reference = reference();
        try (Model model = Model.newInstance("split")) {
            NDManager manager = model.getNDManager();
            TorchScriptConfig config = new TorchScriptConfig(List.of(FIXTURES.resolve("whole-split/1-0.pt").toString(),
                    FIXTURES.resolve("whole-split/2-1.pt").toString()), List.of("features", "pool"), true, 1, 0, List.of(0.0), List.of(1.0));
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, config, images(reference.input()), manager, null);
            assertEquals(List.of("features", "pool"), built.backbone().layerGroups().stream().map(g -> g.name()).toList());
            assertGivesReferenceOutputs(built, manager, reference, "");
        }
    }

    @Test
    void twoStagesGiveTheOutputsPyTorchComputed() throws IOException {
        Reference reference = reference();
        try (Model model = Model.newInstance("ts")) {
            NDManager manager = model.getNDManager();
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, config(true, "stage1.pt", "stage2.pt"), images(reference.input()), manager, null);
            assertEquals(List.of("stage1", "stage2"), built.backbone().layerGroups().stream().map(g -> g.name()).toList());
            assertEquals(new Shape(8), built.featureShape());
            assertGivesReferenceOutputs(built, manager, reference, "");
        }
    }

    @Test
    void aScratchBaselineDoesNotStartFromTheFilesWeights() throws IOException {
        Reference reference = reference();
        try (Model model = Model.newInstance("ts")) {
            BuiltBackbone pretrained = BuiltBackbone.build(COMPONENTS, config(true, "stage1.pt", "stage2.pt"), images(reference.input()),
                    model.getNDManager(), null);
            BuiltBackbone random = BuiltBackbone.buildRandom(COMPONENTS, config(true, "stage1.pt", "stage2.pt"), images(reference.input()),
                    model.getNDManager());
            var loaded = pretrained.backbone().layerGroups().get(0).block().getParameters();
            var fresh = random.backbone().layerGroups().get(0).block().getParameters();
            assertEquals(loaded.size(), fresh.size());
            for (int i = 0; i < loaded.size(); i++) {
                assertFalse(Arrays.equals(loaded.valueAt(i).getArray().toFloatArray(), fresh.valueAt(i).getArray().toFloatArray()),
                        loaded.keyAt(i));
            }
        }
    }

    @Test
    void frozenStagesStayAndTrainedStagesMove() throws IOException {
        Reference reference = reference();
        LabeledImages data = new LabeledImages(reference.input(), new int[] {0, 1}, 1, 28, 28, List.of("a", "b"), "t", "t");
        try (Model model = Model.newInstance("ts")) {
            NDManager manager = model.getNDManager();
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, config(true, "stage1.pt", "stage2.pt"), data, manager, null);
            GroupedNetwork network = built.withHead(Linear.builder().setUnits(2).build(), manager);
            model.setBlock(network);
            float[] stage1Before = network.groups().get(0).block().getParameters().valueAt(0).getArray().toFloatArray();
            float[] stage2Before = network.groups().get(1).block().getParameters().valueAt(0).getArray().toFloatArray();
            // stage1 frozen, stage2 trains
            new NetworkTrainer(new TrainConfig(3, 2, new OptimizerConfig(OptimizerConfig.OptimizerType.sgd, 0.5, 0.0, null), null),
                    (groups, position) -> List.of(GroupState.FROZEN, GroupState.TRAINING), null, built.backbone().inputSpec(), 1)
                    .train(model, data, data.select(new int[0], "none"), EpochListener.NONE);
            assertTrue(Arrays.equals(stage1Before, network.groups().get(0).block().getParameters().valueAt(0).getArray().toFloatArray()));
            assertFalse(Arrays.equals(stage2Before, network.groups().get(1).block().getParameters().valueAt(0).getArray().toFloatArray()));
        }
    }

    /**
     * A TorchScript module runs its own weights, so nothing registers them with the optimiser
     * during the forward pass: a stage that a schedule unfreezes after the first step must still
     * train (it did not while DJL's Trainer registered parameters only at its first step).
     */
    @Test
    void aStageUnfrozenAfterTheFirstEpochTrains() throws IOException {
        Reference reference = reference();
        LabeledImages data = new LabeledImages(reference.input(), new int[] {0, 1}, 1, 28, 28, List.of("a", "b"), "t", "t");
        try (Model model = Model.newInstance("ts")) {
            NDManager manager = model.getNDManager();
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, config(true, "stage1.pt", "stage2.pt"), data, manager, null);
            GroupedNetwork network = built.withHead(Linear.builder().setUnits(2).build(), manager);
            model.setBlock(network);
            float[] stage2Before = network.groups().get(1).block().getParameters().valueAt(0).getArray().toFloatArray();
            new NetworkTrainer(new TrainConfig(3, 2, new OptimizerConfig(OptimizerConfig.OptimizerType.sgd, 0.5, 0.0, null), null),
                    (groups, position) -> List.of(GroupState.FROZEN, position.epoch() == 0 ? GroupState.FROZEN : GroupState.TRAINING),
                    null, built.backbone().inputSpec(), 1)
                    .train(model, data, data.select(new int[0], "none"), EpochListener.NONE);
            assertFalse(Arrays.equals(stage2Before, network.groups().get(1).block().getParameters().valueAt(0).getArray().toFloatArray()));
        }
    }

    @Test
    void untrustedCorruptAndMissingFilesAreClearErrors() throws IOException {
        GraftException untrusted = assertThrows(GraftException.class,
                () -> new TorchScriptFactory().create(config(false, "stage1.pt"), new dev.graft.spi.backbone.BackboneContext(new dev.graft.image.ImageFormat(1, 28, 28))));
        assertTrue(untrusted.getMessage().contains("trusted: true") && untrusted.getMessage().contains("GRAFT_TRUSTED_DIRS"), untrusted.getMessage());
        assertTrue(TorchScriptFactory.trusted(FIXTURES.resolve("stage1.pt"), "/nowhere" + java.io.File.pathSeparator + FIXTURES.getParent()));
        assertFalse(TorchScriptFactory.trusted(FIXTURES.resolve("stage1.pt"), "/nowhere"));

        byte[] bytes = Files.readAllBytes(FIXTURES.resolve("stage1.pt"));
        Path truncated = Files.write(dir.resolve("truncated.pt"), Arrays.copyOf(bytes, bytes.length / 2));
        TorchScriptConfig broken = new TorchScriptConfig(List.of(truncated.toString()), null, true, 1, 0, null, null);
        try (Model model = Model.newInstance("ts")) {
            GraftException e = assertThrows(GraftException.class,
                    () -> BuiltBackbone.build(COMPONENTS, broken, images(new float[784]), model.getNDManager(), null));
            assertTrue(e.getMessage().startsWith(truncated.toString()) && e.getMessage().contains("cannot load as TorchScript"), e.getMessage());
        }
        GraftException missing = assertThrows(GraftException.class, () -> new TorchScriptFactory().create(
                new TorchScriptConfig(List.of(dir.resolve("none.pt").toString()), null, true, 1, 0, null, null),
                new dev.graft.spi.backbone.BackboneContext(new dev.graft.image.ImageFormat(1, 28, 28))));
        assertTrue(missing.getMessage().contains("no such TorchScript file"), missing.getMessage());
    }
}
