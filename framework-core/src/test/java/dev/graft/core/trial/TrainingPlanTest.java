package dev.graft.core.trial;

import dev.graft.core.run.RunResults;
import dev.graft.core.run.ExperimentRunner;
import dev.graft.core.executor.RunListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.provenance.TrialProvenance;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.spi.Axis;
import dev.graft.spi.data.DataContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner picks a plan from what a trial's components are, and every trial's provenance is a
 * typed value whose JSON is exactly what is stored.
 */
class TrainingPlanTest {
    static final String SWEEP = FeatureCacheTest.SWEEP.replace("seeds: [1, 2]", "seeds: [1]")
            .replace("samplesPerClass: [6, 10]", "samplesPerClass: [6]") + "  augment: [{type: test-identity}, {type: test-invert}]\n";

    @TempDir
    Path dir;

    private static boolean frozenThroughout(TrialRecord trial) {
        return trial.label(Axis.FREEZE).contains("frozen=2");
    }

    private static boolean augmented(TrialRecord trial) {
        return trial.label(Axis.AUGMENT).contains("test-invert");
    }

    @Test
    void eachTrialTrainsByThePlanItsComponentsCallForAndRecordsWhy() throws Exception {
        Map<String, TrialRecord> trials = run("run");
        // 2 backbones x 2 freeze schedules x 2 augmenters: 8 transfer trials, and their scratch baselines
        int cached = 0;
        int scratch = 0;
        int bypassed = 0;
        int endToEnd = 0;
        for (TrialRecord trial : trials.values()) {
            assertEquals(TrialStatus.finished, trial.status(), trial.error());
            TrialProvenance provenance = TrialProvenance.read(trial.provenanceJson());
            // the typed value writes back to the very JSON stored: nothing is lost or reordered
            assertEquals(trial.provenanceJson(), FeatureCacheTest.PLUGINS.mapper().writeValueAsString(provenance));
            assertEquals(trial.trialId(), provenance.trialId());
            assertEquals(FeatureCacheTest.PLUGINS.mapper().readTree(trial.specJson()), provenance.spec());
            assertEquals(trial.seed(), provenance.seed());
            assertNotNull(provenance.environment().engine());
            assertNotNull(provenance.data());
            assertEquals(18, provenance.data().trainExamples() + provenance.data().validationExamples());
            assertNotNull(provenance.stoppedEarly(), "every plan here trains by gradient steps");
            // where the trial's time went: every phase of a trial trained by gradient steps, none longer than the trial
            assertEquals(trial.kind().equals("transfer") && frozenThroughout(trial) && !augmented(trial)
                    ? java.util.Set.of("setup", "features", "forward", "backward", "step", "validation", "batchWait", "test")
                    : java.util.Set.of("setup", "forward", "backward", "step", "validation", "batchWait", "test"), provenance.timing().keySet());
            double phases = provenance.timing().values().stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(provenance.timing().values().stream().allMatch(v -> v >= 0) && phases <= provenance.seconds(),
                    provenance.timing() + " in " + provenance.seconds() + " s");
            assertTrue(provenance.timing().get("forward") > 0 && provenance.timing().get("backward") > 0, provenance.timing().toString());
            boolean frozenThroughout = frozenThroughout(trial);
            boolean augmented = augmented(trial);
            if (trial.kind().equals("scratch")) {
                assertNull(provenance.featureCache(), "a scratch trial trains end to end");
                assertNull(provenance.pretrained());
                scratch++;
            } else if (frozenThroughout && !augmented) {
                assertTrue(provenance.featureCache().used(), trial.trialId());
                assertTrue(List.of("computed", "memory", "disk").contains(provenance.featureCache().pool()), provenance.featureCache().pool());
                assertNotNull(provenance.featureCache().poolKey());
                cached++;
            } else if (frozenThroughout) {
                assertEquals("augmentation before the frozen backbone", provenance.featureCache().reason());
                bypassed++;
            } else {
                assertNull(provenance.featureCache(), "a schedule that trains the backbone never considers the cache");
                endToEnd++;
            }
            if (trial.kind().equals("transfer") && trial.backbone().equals("test-tiny")) {
                assertNotNull(provenance.pretrained(), "the pretrained backbone is recorded");
            }
        }
        assertEquals(2, cached);
        assertEquals(2, bypassed);
        assertEquals(4, endToEnd);
        assertTrue(scratch > 0);
    }

    /** A run that pretrains and one that finds the backbone cached record the same provenance, byte for byte. */
    @Test
    void aCachedPretrainedBackboneIsRecordedAsTheFreshOneWas() {
        Map<String, String> fresh = provenance(run("fresh"));
        Map<String, String> cached = provenance(run("cached"));
        assertEquals(fresh.keySet(), cached.keySet());
        fresh.forEach((id, json) -> assertEquals(json, cached.get(id), id));
        assertTrue(fresh.values().stream().anyMatch(json -> json.contains("\"pretrained\"")), "some trial used the pretrained backbone");
    }

    private Map<String, TrialRecord> run(String name) {
        Path out = dir.resolve(name);
        new ExperimentRunner(FeatureCacheTest.PLUGINS).featureCache(true).run(
                new DescriptorReader(FeatureCacheTest.PLUGINS).read(dir.resolve("exp.yaml"), SWEEP), out, dir.resolve("cache"),
                new DataContext(List.of(), Optional.empty(), dir), RunListener.NONE);
        return RunResults.byId(out);
    }

    /** Each trial's provenance without its times and peak memory, which differ between runs. */
    private static Map<String, String> provenance(Map<String, TrialRecord> trials) {
        Map<String, String> byId = new java.util.TreeMap<>();
        trials.forEach((id, t) -> byId.put(id, t.provenanceJson().replaceAll("\"(seconds|startedAt|secondsPerEpoch|peakMemoryBytes)\":(\"[^\"]*\"|[0-9.eE+-]+)", "\"$1\":X")
                .replaceAll("\"timing\":\\{[^}]*\\}", "\"timing\":X")));
        return byId;
    }

    @Test
    void provenanceOfAnotherVersionIsReadForWhatItShares() {
        TrialProvenance old = TrialProvenance.read("{\"trialId\":\"abc\",\"spec\":{\"seed\":3},\"environment\":{\"graft\":\"0.0.9\",\"gpu\":\"none\"},"
                + "\"featureCache\":{\"used\":false,\"reason\":\"feature cache off\"},\"somethingNew\":[1,2]}");
        assertEquals("abc", old.trialId());
        assertEquals("0.0.9", old.environment().graft());
        assertEquals("feature cache off", old.featureCache().reason());
        assertNull(old.data());
        assertThrows(IllegalArgumentException.class, () -> TrialProvenance.read("[1, 2]"));
    }
}
