package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.store.EvaluationScore;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every trial is scored on every evaluation set after training, without retraining, by each of
 * the three training plans (a network head trained end to end, one on cached features, a feature
 * head), in process and in worker processes alike; the descriptor's mistakes are refused with
 * their positions.
 */
class EvaluationSetsTest {
    static final String YAML = """
            name: evaluation-sets
            seeds: [1]
            target:
              data: {type: mnist, classes: [5, 6, 7, 8, 9], source: bundled}
              samplesPerClass: [10]
            train: {epochs: 2, batchSize: 16, optimizer: {type: adam, lr: 0.01}}
            sweep:
              backbone:
                - type: convnet
                  channels: [8, 8]
                  pretrain:
                    data: {type: mnist, classes: [0, 1, 2, 3, 4], source: bundled}
                    train: {epochs: 1, batchSize: 64}
              head: [{type: linear}, {type: logistic}]
              freeze: [frozen, full]
              exclude: [{head: logistic, freeze: full}]
            evaluate:
              same: {type: dataset, data: {type: mnist, classes: [5, 6, 7, 8, 9], source: bundled}}
              rotated: {type: corrupt, corruption: rotate, severity: 3}
              source: {type: source-task}
            """;

    @TempDir
    Path dir;

    @Test
    void everyTrialIsScoredOnEverySetTheSameWayInProcessAndInWorkers() throws IOException {
        Path descriptor = Files.writeString(dir.resolve("sets.yaml"), YAML);
        GraftCliTest.Result here = GraftCliTest.graft("run", descriptor.toString(), "--out", dir.resolve("here").toString(),
                "--cache", dir.resolve("cache").toString());
        assertEquals(0, here.code(), here.err());
        List<TrialRecord> records = records(dir.resolve("here"));
        assertEquals(5, records.size(), "two scratch, three transfer (the feature head under 'full' is excluded)");
        Set<Double> frozenRetention = new HashSet<>();
        for (TrialRecord record : records) {
            assertEquals(TrialStatus.finished, record.status(), record.error());
            List<String> sets = record.evaluations().stream().map(EvaluationScore::set).toList();
            // the same examples as the test split score exactly the test accuracy, whichever plan trained the trial
            assertEquals(record.testAccuracy(), record.evaluation("same").orElseThrow().accuracy(), 0.0, record.strategy());
            assertTrue(record.evaluation("rotated").isPresent(), record.strategy());
            if (record.kind().equals("scratch")) {
                assertEquals(List.of("same", "rotated"), sets, "a scratch trial has no source task");
                continue;
            }
            assertEquals(List.of("same", "rotated", "source"), sets);
            double retention = record.evaluation("source").orElseThrow().accuracy();
            assertTrue(retention > 0.2, "the pretrained backbone under its source head scores above chance on digits 0-4: " + retention);
            if (record.strategy().contains("frozen")) {
                frozenRetention.add(retention);
            }
        }
        assertEquals(1, frozenRetention.size(), "a frozen backbone keeps the source task as pretrained, whatever the head: " + frozenRetention);

        GraftCliTest.Result workers = GraftCliTest.graft("run", descriptor.toString(), "--out", dir.resolve("workers").toString(),
                "--cache", dir.resolve("cache").toString(), "--workers", "2", "--threads", Integer.toString(dev.graft.core.trial.Environment.intraOpThreads()));
        assertEquals(0, workers.code(), workers.err());
        assertEquals(scores(records), scores(records(dir.resolve("workers"))), "the same scores on every set in worker processes");
    }

    @Test
    void validateRefusesSetsThatCannotBeScoredNamingEach() throws IOException {
        // the backbone without its pretrain block (no source head), the other dataset with other classes
        String yaml = String.join("\n", YAML.lines().filter(l -> !l.contains("pretrain:") && !l.contains("classes: [0, 1, 2, 3, 4], source: bundled}")
                && !l.contains("train: {epochs: 1, batchSize: 64}")).toList()).replace(
                "same: {type: dataset, data: {type: mnist, classes: [5, 6, 7, 8, 9]", "same: {type: dataset, data: {type: mnist, classes: [0, 1, 2, 3, 4]") + "\n";
        Path descriptor = Files.writeString(dir.resolve("bad.yaml"), yaml);
        GraftCliTest.Result refused = GraftCliTest.graft("validate", descriptor.toString());
        assertEquals(2, refused.code(), refused.out() + refused.err());
        int same = lineOf(yaml, "  same:");
        int source = lineOf(yaml, "  source:");
        assertTrue(refused.err().contains("bad.yaml:" + same + ":") && refused.err().contains("evaluate.same.data: its classes [0, 1, 2, 3, 4] are not the target's [5, 6, 7, 8, 9]"),
                refused.err());
        assertTrue(refused.err().contains("bad.yaml:" + source + ":") && refused.err().contains("evaluate.source: the source task is scored under the source head"),
                refused.err());
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), YAML.replace("corruption: rotate, severity: 3", "corruption: fog, severity: 6"));
        GraftCliTest.Result config = GraftCliTest.graft("validate", unknown.toString());
        assertEquals(2, config.code());
        assertTrue(config.err().contains("evaluate.rotated.corruption: 'corrupt': unknown corruption 'fog'; known: gaussian-noise"), config.err());
        Path severity = Files.writeString(dir.resolve("severity.yaml"), YAML.replace("corruption: rotate, severity: 3", "corruption: rotate, severity: 6"));
        GraftCliTest.Result tooHigh = GraftCliTest.graft("validate", severity.toString());
        assertEquals(2, tooHigh.code());
        assertTrue(tooHigh.err().contains("evaluate.rotated.severity: 'corrupt': must be 1 to 5, got 6"), tooHigh.err());
        assertFalse(tooHigh.err().contains("Exception"), tooHigh.err());
    }

    /** A user's own kind of set, written outside Graft, compiled into a jar in a plugin directory. */
    static final String PLUGIN = """
            package org.example.sets;

            import dev.graft.image.LabeledImages;
            import dev.graft.spi.GraftModule;
            import dev.graft.spi.evaluate.EvaluationConfig;
            import dev.graft.spi.evaluate.EvaluationContext;
            import dev.graft.spi.evaluate.EvaluationSet;
            import dev.graft.spi.evaluate.EvaluationSetFactory;

            public final class UpsideDownModule extends GraftModule {
                public record Config() implements EvaluationConfig {}

                public static final class Factory implements EvaluationSetFactory<Config> {
                    public String name() { return "upside-down"; }
                    public Class<Config> configClass() { return Config.class; }
                    public String description() { return "the test split's images turned upside down"; }
                    public EvaluationSet create(Config config, EvaluationContext context) {
                        LabeledImages images = (LabeledImages) context.test();
                        float[] pixels = new float[images.pixels().length];
                        int rows = images.height(), cols = images.width(), plane = rows * cols;
                        for (int p = 0; p < pixels.length; p++) {
                            int base = p - p % plane, y = (p % plane) / cols, x = p % cols;
                            pixels[p] = images.pixels()[base + (rows - 1 - y) * cols + x];
                        }
                        return new EvaluationSet.Target(new LabeledImages(pixels, images.labels(), images.channels(), rows, cols,
                                images.classNames(), images.checksum() + "/upside-down", images.origin() + " (upside down)"));
                    }
                }

                @Override
                protected void configure() {
                    evaluationSet("upside-down").to(Factory.class);
                }
            }
            """;

    @Test
    void aUsersOwnKindOfSetFromAPluginJarIsScoredThroughTheSpi() throws IOException {
        Path project = dir.resolve("upside-down");
        Files.createDirectories(project.resolve("src/main/java/org/example/sets"));
        Files.writeString(project.resolve("src/main/java/org/example/sets/UpsideDownModule.java"), PLUGIN);
        Files.createDirectories(project.resolve("src/main/resources/META-INF/services"));
        Files.writeString(project.resolve("src/main/resources/META-INF/services/dev.graft.spi.GraftModule"), "org.example.sets.UpsideDownModule\n");
        Path plugins = dir.resolve("plugins");
        dev.graft.testing.PluginJar.build(project, "1.0.0", plugins.resolve("upside-down-1.0.0.jar"));
        String yaml = YAML.replace("  source: {type: source-task}\n", "  flipped: {type: upside-down}\n")
                .replace("head: [{type: linear}, {type: logistic}]", "head: [{type: linear}]").replace("exclude: [{head: logistic, freeze: full}]", "exclude: []");
        Path descriptor = Files.writeString(dir.resolve("own.yaml"), yaml);
        GraftCliTest.Result run = GraftCliTest.graft("run", descriptor.toString(), "--out", dir.resolve("own").toString(),
                "--cache", dir.resolve("cache").toString(), "--plugins", plugins.toString());
        assertEquals(0, run.code(), run.err());
        List<TrialRecord> records = records(dir.resolve("own"));
        assertEquals(3, records.size());
        int differing = 0;
        for (TrialRecord record : records) {
            assertEquals(List.of("same", "rotated", "flipped"), record.evaluations().stream().map(EvaluationScore::set).toList());
            EvaluationScore flipped = record.evaluation("flipped").orElseThrow();
            assertTrue(flipped.accuracy() >= 0 && flipped.accuracy() <= 1 && flipped.confusionJson().contains("\"matrix\""), record.evaluations().toString());
            // the plugin's own images were scored, not the test split again
            differing += flipped.accuracy() != record.testAccuracy() ? 1 : 0;
        }
        assertTrue(differing > 0, "every trial scored upside-down digits exactly as upright ones: " + scores(records));
        String report = Files.readString(dir.resolve("own/report/report.md"));
        assertTrue(report.contains("| flipped |"), "the report has a column for the plugin's set");
    }

    private static int lineOf(String yaml, String start) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + start);
    }

    private static List<TrialRecord> records(Path run) {
        try (ResultStore store = ResultStore.openExisting(run.resolve("results.db"))) {
            return store.trials();
        }
    }

    private static Map<String, List<EvaluationScore>> scores(List<TrialRecord> records) {
        Map<String, List<EvaluationScore>> scores = new TreeMap<>();
        records.forEach(r -> scores.put(r.trialId(), r.evaluations()));
        return scores;
    }
}
