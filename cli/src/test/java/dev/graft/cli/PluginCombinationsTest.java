package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.store.ResultStore;
import dev.graft.harness.Combinations;
import dev.graft.image.ImageFormat;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.Axis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered freeze schedule × head × augmenter × regulariser trains together, on the real
 * plugins and the bundled MNIST digits: the sweep of issue 15 (a convnet [8, 16] pretrained on
 * digits 0–4 for 2 epochs, target 5–9, 10 labels per class, seed 1), with every regulariser.
 * The axes come from the registry, each plugin with its {@link PluginFactory#example()}, so a new
 * plugin joins without an edit here; the rules (which combinations {@code graft validate} refuses,
 * which trials must fail with a documented message) are the harness's {@link Combinations}, which
 * the test kit's {@code PluginCombinations} applies to a plugin from outside Graft. A feature head
 * with an augmenter or a regulariser is refused by {@code graft validate} with the exclude rules
 * to add, which the sweep then adds; a feature head with a schedule that trains the backbone
 * (known only once the backbone is built) must fail its trial with the documented message; every
 * other trial must finish. A failure names each combination.
 */
class PluginCombinationsTest {
    static final int EPOCHS = 2;
    static final List<Axis> AXES = List.of(Axis.HEAD, Axis.FREEZE, Axis.AUGMENT, Axis.REGULARIZER);

    @TempDir
    Path dir;

    @Test
    void everyFreezeScheduleHeadAugmenterAndRegularizerTrainsTogether() throws IOException {
        Plugins plugins = Plugins.discover();
        // another modality's augmenter (token-swap) is no choice on digits: the text module's tests train it on text
        Combinations combinations = new Combinations(plugins, new ImageFormat(1, 28, 28), factory -> true);
        Map<Axis, List<Map<String, Object>>> sweep = new LinkedHashMap<>();
        for (Axis axis : AXES) {
            sweep.put(axis, combinations.factories(axis.family()).stream().map(Combinations::choice).toList());
        }
        List<String> excluded = combinations.excludeRules(sweep);
        assertTrue(!excluded.isEmpty(), "a feature head and an augmenter are installed");
        Map<Axis, String> lists = new LinkedHashMap<>();
        sweep.forEach((axis, choices) -> lists.put(axis, String.join(", ", choices.stream().map(combinations::yaml).toList())));
        String yaml = """
                name: every-combination
                seeds: [1]
                target:
                  data: {type: mnist, classes: [5, 6, 7, 8, 9], source: bundled}
                  samplesPerClass: [10]
                  validationFraction: 0.2
                  testSamplesPerClass: 20
                train: {epochs: %d, batchSize: 16, optimizer: {type: adam, lr: 0.01}}
                sweep:
                  backbone:
                    - type: convnet
                      channels: [8, 16]
                      pretrain:
                        data: {type: mnist, classes: [0, 1, 2, 3, 4], source: bundled}
                        train: {epochs: 2, batchSize: 64}
                  head: [%s]
                  freeze: [%s]
                  augment: [%s]
                  regularizer: [%s]
                """.formatted(EPOCHS, lists.get(Axis.HEAD), lists.get(Axis.FREEZE), lists.get(Axis.AUGMENT), lists.get(Axis.REGULARIZER));
        // a feature head with an augmenter or a regulariser is refused before anything runs, at the head's line, with the rules to add
        Path refused = Files.writeString(dir.resolve("refused.yaml"), yaml);
        GraftCliTest.Result validate = GraftCliTest.graft("validate", refused.toString());
        assertEquals(2, validate.code(), validate.out() + validate.err());
        assertTrue(validate.err().contains("sweep.head[") && validate.err().contains("is a feature head, fitted on features extracted once")
                && validate.err().contains("exclude: [" + excluded.get(0)), validate.err());
        yaml = yaml + "  exclude: [" + String.join(", ", excluded) + "]\n";
        Path descriptor = Files.writeString(dir.resolve("every-combination.yaml"), yaml);
        Path out = dir.resolve("run");
        GraftCliTest.Result run = GraftCliTest.graft("run", descriptor.toString(), "--out", out.toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(0, run.code(), run.err());

        Map<String, Trial> plan = new SweepExpander(plugins.mapper()).expand(new DescriptorReader(plugins).read(descriptor).experiment())
                .stream().collect(Collectors.toMap(Trial::id, Function.identity()));
        long transfer = plan.values().stream().filter(t -> t.spec().kind() == TrialKind.transfer).count();
        long featureHeads = sweep.get(Axis.HEAD).stream().filter(combinations::featureHead).count();
        long quietAugmenters = sweep.get(Axis.AUGMENT).stream().filter(c -> !combinations.actsOnTraining(Axis.AUGMENT, c)).count();
        long quietRegularizers = sweep.get(Axis.REGULARIZER).stream().filter(c -> !combinations.actsOnTraining(Axis.REGULARIZER, c)).count();
        long refusedCombinations = featureHeads * sweep.get(Axis.FREEZE).size()
                * (sweep.get(Axis.AUGMENT).size() * sweep.get(Axis.REGULARIZER).size() - quietAugmenters * quietRegularizers);
        assertEquals(sweep.values().stream().mapToLong(List::size).reduce(1, (a, b) -> a * b) - refusedCombinations, transfer,
                "one transfer trial per combination that is not excluded");

        List<String> problems = new ArrayList<>();
        int invalid = 0;
        try (ResultStore store = ResultStore.openExisting(out.resolve("results.db"))) {
            List<TrialRecord> records = store.trials();
            assertEquals(plan.size(), records.size(), "every planned trial is recorded");
            for (TrialRecord record : records) {
                Trial trial = plan.get(record.trialId());
                String expected = combinations.expectedFailure(trial.spec(), EPOCHS, List.of("block1", "block2"));
                String name = record.kind() + " " + trial.labels();
                if (expected == null) {
                    if (record.status() != TrialStatus.finished) {
                        problems.add(name + " failed: " + record.error());
                    }
                    continue;
                }
                invalid++;
                if (record.status() == TrialStatus.finished) {
                    problems.add(name + " finished, but the README says it cannot run (" + expected + ")");
                } else if (!record.error().startsWith(expected)) {
                    problems.add(name + " failed with '" + record.error() + "' instead of the documented '" + expected + "'");
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " of " + plan.size() + " trials went wrong:\n" + String.join("\n", problems));
        assertTrue(invalid > 0, "the documented invalid combinations are part of the sweep");
        System.out.println("PluginCombinationsTest: " + plan.size() + " trials (" + transfer + " transfer), " + excluded.size()
                + " exclude rules, " + invalid + " trials failing as documented");
    }
}
