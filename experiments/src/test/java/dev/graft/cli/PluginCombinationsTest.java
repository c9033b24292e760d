package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.run.Components;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import dev.graft.core.sweep.TrialSpec;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.TrainingPosition;
import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadContext;
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
 * plugin joins without an edit here. A feature head with an augmenter or a regulariser is refused
 * by {@code graft validate} with the exclude rules to add, which the sweep then adds; a feature
 * head with a schedule that trains the backbone (known only once the backbone is built) must fail
 * its trial with the documented message; every other trial must finish. A failure names each
 * combination.
 */
class PluginCombinationsTest {
    static final int EPOCHS = 2;

    /** What the README documents as combinations that cannot run, each with the start of its message. */
    enum Invalid {
        FEATURE_HEAD_WITH_REGULARIZER("a feature head is fitted on fixed features, so regularizer"),
        FEATURE_HEAD_WITH_AUGMENTER("a feature head is fitted on features extracted once from the images as they are, so augmenter"),
        FEATURE_HEAD_WITH_TRAINING_BACKBONE("a feature head is fitted on features of a frozen backbone, but this freeze schedule trains backbone groups");

        final String message;

        Invalid(String message) {
            this.message = message;
        }
    }

    @TempDir
    Path dir;

    @Test
    void everyFreezeScheduleHeadAugmenterAndRegularizerTrainsTogether() throws IOException {
        Plugins plugins = Plugins.discover();
        ObjectMapper json = new ObjectMapper();
        Map<PluginFamily, List<String>> axes = new LinkedHashMap<>();
        // per axis, per choice: whether a feature head cannot train with it (feature heads themselves, on the head axis)
        Map<PluginFamily, List<Boolean>> clashes = new LinkedHashMap<>();
        Map<PluginFamily, List<String>> names = new LinkedHashMap<>();
        List<String> excluded = new ArrayList<>();
        for (PluginFamily family : List.of(PluginFamily.HEAD, PluginFamily.FREEZE, PluginFamily.AUGMENT, PluginFamily.REGULARIZER)) {
            List<String> choices = new ArrayList<>();
            List<Boolean> clash = new ArrayList<>();
            List<String> named = new ArrayList<>();
            for (PluginFactory<?> factory : plugins.registry().factories(family).values()) {
                if (factory instanceof dev.graft.spi.augment.AugmenterFactory<?> augmenter
                        && !augmenter.reads().isInstance(new dev.graft.image.ImageFormat(1, 28, 28))) {
                    continue; // another modality's augmenter (token-swap): the text module's tests train it on text
                }
                Map<String, Object> config = new LinkedHashMap<>();
                config.put("type", factory.name());
                config.putAll(factory.example());
                choices.add(json.writeValueAsString(config));
                named.add(factory.name());
                Object bound = plugins.mapper().convertValue(config, factory.configClass());
                clash.add(family == PluginFamily.HEAD ? ((dev.graft.spi.head.HeadFactory<?>) factory).featureHead()
                        : family == PluginFamily.AUGMENT ? !((dev.graft.spi.augment.AugmentConfig) bound).noop()
                        : family == PluginFamily.REGULARIZER && !((dev.graft.spi.regularize.RegularizerConfig) bound).noop());
            }
            axes.put(family, choices);
            clashes.put(family, clash);
            names.put(family, named);
        }
        List<String> heads = names.get(PluginFamily.HEAD);
        List<String> augmenters = names.get(PluginFamily.AUGMENT);
        List<String> regularizers = names.get(PluginFamily.REGULARIZER);
        for (int h = 0; h < heads.size(); h++) {
            if (clashes.get(PluginFamily.HEAD).get(h)) {
                for (int a = 0; a < augmenters.size(); a++) {
                    if (clashes.get(PluginFamily.AUGMENT).get(a)) {
                        excluded.add("{head: " + heads.get(h) + ", augment: " + augmenters.get(a) + "}");
                    }
                }
                for (int r = 0; r < regularizers.size(); r++) {
                    if (clashes.get(PluginFamily.REGULARIZER).get(r)) {
                        excluded.add("{head: " + heads.get(h) + ", regularizer: " + regularizers.get(r) + "}");
                    }
                }
            }
        }
        assertTrue(!excluded.isEmpty(), "a feature head and an augmenter are installed");
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
                """.formatted(EPOCHS, String.join(", ", axes.get(PluginFamily.HEAD)), String.join(", ", axes.get(PluginFamily.FREEZE)),
                String.join(", ", axes.get(PluginFamily.AUGMENT)), String.join(", ", axes.get(PluginFamily.REGULARIZER)));
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
        long refusedCombinations = clashes.get(PluginFamily.HEAD).stream().filter(b -> b).count() * axes.get(PluginFamily.FREEZE).size()
                * (axes.get(PluginFamily.AUGMENT).size() * axes.get(PluginFamily.REGULARIZER).size()
                        - clashes.get(PluginFamily.AUGMENT).stream().filter(b -> !b).count() * clashes.get(PluginFamily.REGULARIZER).stream().filter(b -> !b).count());
        assertEquals(axes.values().stream().mapToLong(List::size).reduce(1, (a, b) -> a * b) - refusedCombinations, transfer,
                "one transfer trial per combination that is not excluded");

        Components components = new Components(plugins.registry());
        List<String> problems = new ArrayList<>();
        int invalid = 0;
        try (ResultStore store = ResultStore.openExisting(out.resolve("results.db"))) {
            List<TrialRecord> records = store.trials();
            assertEquals(plan.size(), records.size(), "every planned trial is recorded");
            for (TrialRecord record : records) {
                Trial trial = plan.get(record.trialId());
                List<Invalid> reasons = invalidReasons(trial.spec(), components);
                String name = record.kind() + " " + trial.labels();
                if (reasons.isEmpty()) {
                    if (record.status() != TrialStatus.finished) {
                        problems.add(name + " failed: " + record.error());
                    }
                    continue;
                }
                invalid++;
                if (record.status() == TrialStatus.finished) {
                    problems.add(name + " finished, but the README says it cannot run (" + reasons + ")");
                } else if (reasons.stream().noneMatch(r -> record.error().startsWith(r.message))) {
                    problems.add(name + " failed with '" + record.error() + "' instead of the documented message for " + reasons);
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " of " + plan.size() + " trials went wrong:\n" + String.join("\n", problems));
        assertTrue(invalid > 0, "the documented invalid combinations are part of the sweep");
        System.out.println("PluginCombinationsTest: " + plan.size() + " trials (" + transfer + " transfer), " + excluded.size()
                + " exclude rules, " + invalid + " trials failing as documented");
    }

    /** Why a transfer trial cannot run, by what its components are rather than by their names. */
    private static List<Invalid> invalidReasons(TrialSpec spec, Components components) {
        List<Invalid> reasons = new ArrayList<>();
        if (spec.kind() != TrialKind.transfer
                || !(components.head(spec.head(), new HeadContext(new Shape(16), 5, spec.seed())) instanceof Head.FeatureClassifier)) {
            return reasons;
        }
        if (spec.regularizer() != null) {
            reasons.add(Invalid.FEATURE_HEAD_WITH_REGULARIZER);
        }
        if (components.augments(spec.augment())) {
            reasons.add(Invalid.FEATURE_HEAD_WITH_AUGMENTER);
        }
        FreezeSchedule schedule = components.freeze(spec.freeze());
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            if (schedule.plan(List.of("block1", "block2"), new TrainingPosition(epoch, EPOCHS)).stream().anyMatch(s -> s.trains())) {
                reasons.add(Invalid.FEATURE_HEAD_WITH_TRAINING_BACKBONE);
                break;
            }
        }
        return reasons;
    }
}
