package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.provenance.CostProvenance;
import dev.graft.core.provenance.EditProvenance;
import dev.graft.core.provenance.TrialProvenance;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Methods that edit the backbone before training (LoRA, adapters, and a user's own from a plugin
 * jar written against the SPI alone) run beside their scratch baselines, the same in process and
 * in worker processes; reparametrisations are merged after training with the merged network
 * checked against the unmerged one; the descriptor's impossible edits are refused with their
 * positions.
 */
class PeftTest {
    static final String YAML = """
            name: peft
            seeds: [1]
            target:
              data: {type: mnist, classes: [5, 6, 7, 8, 9], source: bundled}
              samplesPerClass: [10]
            train: {epochs: 3, batchSize: 16, optimizer: {type: adam, lr: 0.01}}
            sweep:
              backbone:
                - type: convnet
                  channels: [8, 16]
                  pretrain:
                    data: {type: mnist, classes: [0, 1, 2, 3, 4], source: bundled}
                    train: {epochs: 1, batchSize: 64}
              head: [{type: linear}]
              freeze: [frozen]
              peft: [{type: none}, {type: lora, rank: 4}, {type: adapter}]
            evaluate:
              source: {type: source-task}
            """;

    /**
     * A user's own method, (IA)³-like (Liu et al. 2022): every convolution's output channels
     * rescaled by a learned vector starting at one, as a reparametrisation of the weight. Written
     * outside Graft against the SPI alone, on its own axis.
     */
    static final String PLUGIN = """
            package org.example.scaling;

            import ai.djl.ndarray.NDArray;
            import ai.djl.ndarray.NDList;
            import ai.djl.ndarray.types.Shape;
            import ai.djl.nn.AbstractBlock;
            import ai.djl.nn.Parameter;
            import ai.djl.training.ParameterStore;
            import ai.djl.training.initializer.ConstantInitializer;
            import ai.djl.util.PairList;
            import com.fasterxml.jackson.annotation.JsonTypeInfo;
            import dev.graft.spi.Axis;
            import dev.graft.spi.GraftModule;
            import dev.graft.spi.PluginConfig;
            import dev.graft.spi.PluginFamily;
            import dev.graft.spi.edit.BackboneEdits;
            import dev.graft.spi.edit.EditableLayer;
            import dev.graft.spi.train.TrainingHook;
            import dev.graft.spi.train.TrainingHookFactory;

            public final class ScalingModule extends GraftModule {
                @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
                public interface Choice extends PluginConfig {}

                public record Config() implements Choice {}

                /** No scaling: the same trial as the axis left out. */
                public record Off() implements Choice {
                    @Override
                    public boolean noop() { return true; }
                }

                public static final class OffFactory implements TrainingHookFactory<Off> {
                    public String name() { return "off"; }
                    public Class<Off> configClass() { return Off.class; }
                    public String description() { return "no scaling"; }
                    public TrainingHook create(Off config) { return new TrainingHook() {}; }
                }

                static final PluginFamily FAMILY = new PluginFamily("channel-scaling", Choice.class);

                /** W'[o] = l[o] W[o]: a learned scale per output channel. */
                static final class Scale extends AbstractBlock {
                    private final Parameter scale = addParameter(Parameter.builder().setName("scale").setType(Parameter.Type.WEIGHT)
                            .optInitializer(new ConstantInitializer(1f)).build());

                    @Override
                    protected void prepare(Shape[] inputs) {
                        scale.setShape(new Shape(inputs[0].get(0)));
                    }

                    @Override
                    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
                        NDArray weight = inputs.singletonOrThrow();
                        long[] shape = new long[weight.getShape().dimension()];
                        java.util.Arrays.fill(shape, 1);
                        shape[0] = weight.getShape().get(0);
                        return new NDList(weight.mul(store.getValue(scale, weight.getDevice(), training).reshape(new Shape(shape))));
                    }

                    @Override
                    public Shape[] getOutputShapes(Shape[] inputs) {
                        return inputs;
                    }
                }

                public static final class Factory implements TrainingHookFactory<Config> {
                    public String name() { return "channel-scale"; }
                    public Class<Config> configClass() { return Config.class; }
                    public String description() { return "a learned scale per output channel of every convolution"; }
                    public TrainingHook create(Config config) {
                        return new TrainingHook() {
                            @Override
                            public boolean editsBackbone() { return true; }

                            @Override
                            public void editBackbone(BackboneEdits edits) {
                                for (EditableLayer layer : edits.layers()) {
                                    if (layer.kind() == EditableLayer.Kind.CONVOLUTION) {
                                        edits.reparametrise(layer, new Scale());
                                    }
                                }
                            }
                        };
                    }
                }

                @Override
                protected void configure() {
                    family(FAMILY);
                    axis(new Axis("scaling", FAMILY, false));
                    plugin(FAMILY, "channel-scale").to(Factory.class);
                    plugin(FAMILY, "off").to(OffFactory.class);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void loraAdaptersAndAUsersOwnMethodTrainBesideScratchTheSameInWorkers() throws IOException {
        Path project = dir.resolve("scaling");
        Files.createDirectories(project.resolve("src/main/java/org/example/scaling"));
        Files.writeString(project.resolve("src/main/java/org/example/scaling/ScalingModule.java"), PLUGIN);
        Files.createDirectories(project.resolve("src/main/resources/META-INF/services"));
        Files.writeString(project.resolve("src/main/resources/META-INF/services/dev.graft.spi.GraftModule"), "org.example.scaling.ScalingModule\n");
        Path plugins = dir.resolve("plugins");
        dev.graft.testing.PluginJar.build(project, "1.0.0", plugins.resolve("scaling-1.0.0.jar"));
        // the user's method on its own axis, with the peft axis left out of those trials
        String yaml = YAML.replace("  peft: [{type: none}, {type: lora, rank: 4}, {type: adapter}]\n",
                "  peft: [{type: none}, {type: lora, rank: 4}, {type: adapter}]\n  scaling: [{type: off}, {type: channel-scale}]\n"
                        + "  exclude: [{peft: lora, scaling: channel-scale}, {peft: adapter, scaling: channel-scale}]\n");
        Path descriptor = Files.writeString(dir.resolve("peft.yaml"), yaml);
        GraftCliTest.Result here = GraftCliTest.graft("run", descriptor.toString(), "--out", dir.resolve("here").toString(),
                "--cache", dir.resolve("cache").toString(), "--plugins", plugins.toString());
        assertEquals(0, here.code(), here.err());
        GraftCliTest.Result workers = GraftCliTest.graft("run", descriptor.toString(), "--out", dir.resolve("workers").toString(),
                "--cache", dir.resolve("cache").toString(), "--plugins", plugins.toString(), "--workers", "2",
                "--threads", Integer.toString(dev.graft.core.trial.Environment.intraOpThreads()));
        assertEquals(0, workers.code(), workers.err());

        Map<String, TrialRecord> records = byLabel(dir.resolve("here"));
        assertEquals(List.of("scratch", "transfer frozen", "transfer frozen adapter", "transfer frozen channel-scale", "transfer frozen lora"),
                List.copyOf(records.keySet()));
        records.values().forEach(r -> assertEquals(TrialStatus.finished, r.status(), r.trialId() + ": " + r.error()));
        Map<String, TrialRecord> inWorkers = byLabel(dir.resolve("workers"));
        records.forEach((label, record) -> {
            assertEquals(record.testAccuracy(), inWorkers.get(label).testAccuracy(), 0.0, label + " differs in a worker process");
            assertEquals(record.evaluations(), inWorkers.get(label).evaluations(), label + " scored its sets otherwise in a worker");
        });

        assertEdits(records.get("transfer frozen lora"), 2, 0, true);
        assertEdits(records.get("transfer frozen channel-scale"), 2, 0, true);
        assertEdits(records.get("transfer frozen adapter"), 0, 2, false);
        assertEquals(null, TrialProvenance.read(records.get("transfer frozen").provenanceJson()).edits());
        // each edit trained something: the source task, scored with the trained backbone, moved away from the frozen backbone's
        double frozenSource = records.get("transfer frozen").evaluation("source").orElseThrow().accuracy();
        for (String edited : List.of("transfer frozen lora", "transfer frozen adapter", "transfer frozen channel-scale")) {
            assertNotEquals(frozenSource, records.get(edited).evaluation("source").orElseThrow().accuracy(), edited + " left the backbone as it was");
        }
        String report = Files.readString(dir.resolve("here/report/report.md"));
        assertTrue(report.contains("lora") && report.contains("adapter") && report.contains("channel-scale"), "the report names every method");

        // what each costs: the head alone (features cached), then the head and what each edit added; scratch trains everything
        CostProvenance frozen = cost(records.get("transfer frozen"));
        CostProvenance lora = cost(records.get("transfer frozen lora"));
        CostProvenance scaling = cost(records.get("transfer frozen channel-scale"));
        CostProvenance adapter = cost(records.get("transfer frozen adapter"));
        CostProvenance scratch = cost(records.get("scratch"));
        long head = 5 * 16 + 5; // a linear layer from the convnet's 16 pooled channels to 5 classes
        assertEquals(head, frozen.trainedParameters());
        // LoRA of rank 4 on the two convolutions (8x1x3x3 and 16x8x3x3): A is 4 x fan-in, B out x 4
        assertEquals(head + (4 * 9 + 8 * 4) + (4 * 72 + 16 * 4), lora.trainedParameters());
        assertEquals(head + 8 + 16, scaling.trainedParameters(), "one scale per output channel");
        // a residual 1x1 convolution after each convolution, channels x channels
        assertEquals(head + 8 * 8 + 16 * 16, adapter.trainedParameters());
        for (CostProvenance edited : List.of(lora, scaling, adapter)) {
            // the frozen groups run in inference mode: their BatchNorm statistics stay, so the task is what trained
            assertEquals(4 * edited.trainedParameters(), edited.taskBytes());
            assertTrue(edited.secondsPerEpoch() > 0 && edited.totalParameters() > edited.trainedParameters(), edited.toString());
        }
        assertEquals(frozen.totalParameters() - head, scratch.totalParameters() - head, "the cached-features trial counts the frozen backbone");
        assertEquals(4 * scratch.totalParameters(), scratch.taskBytes(), "a scratch network is all the task's");
        assertTrue(scratch.peakMemoryBytes() > 0, scratch.toString());
        assertTrue(report.contains("## What each strategy costs") && report.contains("| trained | task bytes |"), "the report shows the costs");
    }

    /**
     * On the text Transformer, LoRA reaches the projections inside DJL's attention block (no
     * cooperation from it) and adapters go in after each layer's attention and feed-forward output
     * (through the layer's ReplaceableChildren).
     */
    @Test
    void editsReachTheTextTransformersAttentionAndItsSublayers() throws IOException {
        String yaml = """
                name: tiny-text-peft
                seeds: [1]
                target:
                  data: {type: wordnet-glosses, classes: [1, 3], source: bundled, maxLength: 16}
                  samplesPerClass: [5]
                  testSamplesPerClass: 20
                train: {epochs: 2, batchSize: 8}
                sweep:
                  backbone:
                    - type: text-transformer
                      pretrain:
                        data: {type: wordnet-glosses, classes: [0, 2], source: bundled, maxLength: 16}
                        samplesPerClass: 50
                        train: {epochs: 1, batchSize: 32}
                  head: [{type: linear}]
                  freeze: [{type: frozen}]
                  peft: [{type: lora, rank: 2, layers: ['*/attention/*']}, {type: adapter, bottleneck: 4}]
                """;
        Path descriptor = Files.writeString(dir.resolve("text.yaml"), yaml);
        GraftCliTest.Result run = GraftCliTest.graft("run", descriptor.toString(), "--out", dir.resolve("text").toString(),
                "--cache", dir.resolve("cache").toString());
        assertEquals(0, run.code(), run.err());
        Map<String, TrialRecord> records = byLabel(dir.resolve("text"));
        records.values().forEach(r -> assertEquals(TrialStatus.finished, r.status(), r.trialId() + ": " + r.error()));
        // two layers: four projections each under LoRA; an adapter after each attention block and each feed-forward output
        assertEdits(records.get("transfer frozen lora"), 8, 0, true);
        assertEdits(records.get("transfer frozen adapter"), 0, 4, false);
    }

    private static CostProvenance cost(TrialRecord record) {
        return TrialProvenance.read(record.provenanceJson()).cost();
    }

    private static void assertEdits(TrialRecord record, int reparametrised, int inserted, boolean merged) {
        EditProvenance edits = TrialProvenance.read(record.provenanceJson()).edits();
        assertEquals(new EditProvenance(reparametrised, inserted, edits.mergedDifference()), edits);
        assertEquals(merged, edits.mergedDifference() != null);
        if (merged) {
            assertTrue(edits.mergedDifference() <= 1e-4, "merged and unmerged differ by " + edits.mergedDifference());
        }
    }

    @Test
    void validateRefusesEditsThatCannotApplyNamingFieldAndPosition() throws IOException {
        // and a schedule that trains normalisation layers, on a convnet without BatchNorm
        String yaml = YAML.replace("peft: [{type: none}, {type: lora, rank: 4}, {type: adapter}]",
                "peft: [{type: lora, rank: 12}, {type: lora, layers: ['block9/**']}, {type: adapter, after: [nothing]}]")
                .replace("channels: [8, 16]", "channels: [8, 16]\n      batchNorm: false").replace("freeze: [frozen]", "freeze: [frozen, norm-only]");
        Path descriptor = Files.writeString(dir.resolve("bad.yaml"), yaml);
        GraftCliTest.Result refused = GraftCliTest.graft("validate", descriptor.toString());
        assertEquals(2, refused.code(), refused.err());
        int line = yaml.lines().toList().indexOf(yaml.lines().filter(l -> l.contains("peft:")).findFirst().orElseThrow()) + 1;
        for (String expected : List.of(
                "bad.yaml:" + line + ":", "sweep.peft[0].rank: 12 is larger than block1/Conv2d allows: its weight (8, 1, 3, 3) has rank at most 8",
                "sweep.peft[1].layers: 'block9/**' matches no linear or convolution layer; they are [block1/Conv2d, block2/Conv2d]",
                "sweep.peft[2].after: 'nothing' matches no layer",
                "sweep.freeze[1]: norm-only: the backbone has no parameter of the kinds it trains")) {
            assertTrue(refused.err().contains(expected), "missing '" + expected + "' in:\n" + refused.err());
        }
        assertFalse(refused.err().contains("Exception"), refused.err());
    }

    /** Records by kind, freeze and edit: "transfer frozen lora". */
    private static Map<String, TrialRecord> byLabel(Path run) {
        try (ResultStore store = ResultStore.openExisting(run.resolve("results.db"))) {
            Map<String, TrialRecord> records = new TreeMap<>();
            for (TrialRecord record : store.trials()) {
                String label = record.kind().equals("scratch") ? "scratch"
                        : String.join(" ", List.of("transfer", record.labels().axes().get("freeze"),
                                record.labels().axes().getOrDefault("peft", ""), record.labels().axes().getOrDefault("scaling", "")))
                                .replace("none", "").replace("off", "").trim().replaceAll(" +", " ");
                records.put(label, record);
            }
            return records;
        }
    }
}
