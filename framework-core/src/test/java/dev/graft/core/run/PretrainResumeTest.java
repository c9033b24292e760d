package dev.graft.core.run;

import dev.graft.core.executor.RunListener;
import dev.graft.core.trial.Components;
import dev.graft.core.trial.DataCatalog;
import dev.graft.core.trial.Pretrained;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.descriptor.Experiment;
import dev.graft.core.plugin.Plugins;
import dev.graft.spi.data.DataContext;
import dev.graft.testing.TestPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: an interrupted pretraining resumes from its last finished epoch and ends with the weights of an uninterrupted one. */
class PretrainResumeTest {
    static final Plugins PLUGINS = Plugins.of(List.of(new TestPlugins()));
    static final String YAML = """
            name: pretrain
            seeds: [1]
            target:
              data: {type: test-synthetic, classes: [0, 1]}
              samplesPerClass: [6]
            sweep:
              backbone:
                - type: test-tiny
                  pretrain:
                    data: {type: test-synthetic, classes: [0, 1, 2, 3]}
                    train: {epochs: 5, batchSize: 8}
                    augment: {type: test-invert}
              head: [{type: test-dense}]
              freeze: [test-freeze-bottom]
            """;

    @TempDir
    Path dir;

    private Pretrained pretrain(Path cache, RunListener listener) {
        Experiment experiment = new DescriptorReader(PLUGINS).read(dir.resolve("exp.yaml"), YAML).experiment();
        Components components = new Components(PLUGINS.registry());
        DataCatalog catalog = new DataCatalog(PLUGINS.registry(), PLUGINS.mapper(), new DataContext(List.of(), Optional.empty(), dir));
        BackboneSpec spec = experiment.sweep().backbone().get(0);
        return new PretrainedBackbones(cache, components, catalog, PLUGINS.mapper(), listener).get(spec, "tiny");
    }

    @Test
    void anInterruptedPretrainingResumesAfterItsLastEpochWithTheSameWeights() {
        Pretrained whole = pretrain(dir.resolve("a"), RunListener.NONE);

        // interrupted while reporting epoch 3: epochs 1 and 2 are checkpointed
        RunListener interrupting = new RunListener() {
            @Override
            public void pretrainingEpoch(String backbone, dev.graft.core.train.EpochMetrics metrics, int epochs) {
                if (metrics.epoch() == 3) {
                    throw new IllegalStateException("interrupted");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> pretrain(dir.resolve("b"), interrupting));
        Path backbones = dir.resolve("b/backbones");
        assertTrue(Files.isRegularFile(backbones.resolve(whole.key() + ".checkpoint.bin")), "a checkpoint is left behind");

        List<String> lines = new ArrayList<>();
        RunListener recording = new RunListener() {
            @Override
            public void info(String message) {
                lines.add(message);
            }
        };
        Pretrained resumed = pretrain(dir.resolve("b"), recording);
        assertTrue(lines.get(0).endsWith("resuming after epoch 2 of an interrupted pretraining"), lines.get(0));
        assertArrayEquals(whole.weights(), resumed.weights(), "backbone weights");
        assertArrayEquals(whole.sourceHead(), resumed.sourceHead(), "source head weights");
        assertEquals(whole.sourceAccuracy(), resumed.sourceAccuracy());
        assertFalse(Files.exists(backbones.resolve(whole.key() + ".checkpoint.bin")), "the checkpoint goes once the entry is cached");
    }
}
