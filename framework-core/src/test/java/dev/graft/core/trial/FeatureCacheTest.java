package dev.graft.core.trial;

import dev.graft.core.run.RunResults;
import dev.graft.core.run.ExperimentRunner;
import dev.graft.core.executor.RunListener;
import dev.graft.core.trial.FeatureCache;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.spi.Axis;
import dev.graft.spi.data.DataContext;
import dev.graft.testing.TestPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frozen trials on cached features give the numbers they give on features computed in every batch. */
class FeatureCacheTest {
    static final Plugins PLUGINS = Plugins.of(List.of(new TestPlugins()));
    static final String SWEEP = """
            name: cached
            seeds: [1, 2]
            target:
              data: {type: test-synthetic, classes: [0, 1, 2]}
              samplesPerClass: [6, 10]
            train: {epochs: 4, batchSize: 4, earlyStopping: {patience: 2}}
            sweep:
              backbone:
                - type: test-tiny
                  pretrain:
                    data: {type: test-synthetic, classes: [2, 3]}
                    train: {epochs: 1}
                - {type: test-tiny, label: random-per-seed}
              head: [{type: test-dense}]
              freeze: [{type: test-freeze-bottom, frozen: 2}, {type: test-freeze-bottom, frozen: 1}]
            """;
    static final String AUGMENTED = SWEEP + "  augment: [{type: test-invert}]\n";

    @TempDir
    Path dir;

    private Map<String, TrialRecord> run(String name, String yaml, boolean cache) {
        Path out = dir.resolve(name);
        new ExperimentRunner(PLUGINS).featureCache(cache).run(new DescriptorReader(PLUGINS).read(dir.resolve("exp.yaml"), yaml), out,
                dir.resolve("cache"), new DataContext(List.of(), Optional.empty(), dir), RunListener.NONE);
        return RunResults.byId(out);
    }

    @Test
    void cachedAndUncachedFrozenTrialsGiveTheSameNumbersAndAugmentationBypassesTheCache() {
        Map<String, TrialRecord> cached = new java.util.HashMap<>(run("cached", SWEEP, true));
        cached.putAll(run("cached-augmented", AUGMENTED, true));
        Map<String, TrialRecord> uncached = new java.util.HashMap<>(run("uncached", SWEEP, false));
        uncached.putAll(run("uncached-augmented", AUGMENTED, false));
        assertEquals(uncached.keySet(), cached.keySet());
        int used = 0;
        int bypassed = 0;
        for (String id : cached.keySet()) {
            TrialRecord a = cached.get(id);
            TrialRecord b = uncached.get(id);
            assertEquals(TrialStatus.finished, a.status(), a.error());
            assertEquals(b.testAccuracy(), a.testAccuracy(), 0.0, id);
            assertEquals(b.testMacroF1(), a.testMacroF1(), 0.0, id);
            assertEquals(b.bestEpoch(), a.bestEpoch(), id);
            assertEquals(b.epochs().size(), a.epochs().size(), id);
            for (int e = 0; e < a.epochs().size(); e++) {
                assertEquals(b.epochs().get(e).trainLoss(), a.epochs().get(e).trainLoss(), 0.0, id + " epoch " + e);
                assertEquals(b.epochs().get(e).validationLoss(), a.epochs().get(e).validationLoss(), 0.0, id + " epoch " + e);
                assertEquals(b.epochs().get(e).validationAccuracy(), a.epochs().get(e).validationAccuracy(), 0.0, id + " epoch " + e);
            }
            if (a.provenanceJson().contains("\"used\":true")) {
                used++;
                assertTrue(a.label(Axis.FREEZE).contains("frozen=2") && a.label(Axis.AUGMENT).equals("none"), a.label(Axis.FREEZE) + " " + a.label(Axis.AUGMENT));
            }
            if (a.provenanceJson().contains("augmentation before the frozen backbone")) {
                bypassed++;
                assertTrue(a.label(Axis.FREEZE).contains("frozen=2") && a.label(Axis.AUGMENT).contains("test-invert"), a.label(Axis.AUGMENT));
            }
        }
        // 2 backbones (one pretrained, one initialised from each trial's seed, whose features differ
        // per seed) x 2 seeds x 2 sizes: frozen without augmentation uses the cache, with it bypasses it
        assertEquals(8, used);
        assertEquals(8, bypassed);
    }

    @Test
    void largeTablesSpillToHdf5AndALaterCacheReadsThemBack() throws Exception {
        float[] table = new float[6 * 5];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) Math.sin(i) * 1e-3f + i;
        }
        AtomicInteger computed = new AtomicInteger();
        FeatureCache first = new FeatureCache(dir.resolve("features"), 1 << 20, 0);
        FeatureCache.Lookup made = first.get("k1", 6, 5, () -> {
            computed.incrementAndGet();
            return table.clone();
        });
        assertEquals(FeatureCache.Source.computed, made.source());
        assertEquals(FeatureCache.Source.memory, first.get("k1", 6, 5, table::clone).source());
        assertTrue(Files.isRegularFile(dir.resolve("features/k1.h5")));

        FeatureCache later = new FeatureCache(dir.resolve("features"), 1 << 20, 0);
        FeatureCache.Lookup read = later.get("k1", 6, 5, () -> {
            computed.incrementAndGet();
            return table.clone();
        });
        assertEquals(FeatureCache.Source.disk, read.source());
        assertArrayEquals(table, read.values());
        assertEquals(1, computed.get());

        // a truncated file is computed again, a file of another shape too
        byte[] bytes = Files.readAllBytes(dir.resolve("features/k1.h5"));
        Files.write(dir.resolve("features/k1.h5"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(FeatureCache.Source.computed, new FeatureCache(dir.resolve("features"), 1 << 20, 0).get("k1", 6, 5, table::clone).source());
        assertEquals(FeatureCache.Source.computed, new FeatureCache(dir.resolve("features"), 1 << 20, 0).get("k1", 5, 6, table::clone).source());
        // a memory budget smaller than a table keeps it out of memory
        FeatureCache tiny = new FeatureCache(null, 16, Long.MAX_VALUE);
        tiny.get("k2", 6, 5, table::clone);
        assertEquals(FeatureCache.Source.computed, tiny.get("k2", 6, 5, table::clone).source());
    }
}
