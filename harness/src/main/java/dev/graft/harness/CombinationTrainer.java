package dev.graft.harness;

import dev.graft.core.descriptor.Descriptor;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.executor.RunListener;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.run.ExperimentRunner;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.Trial;
import dev.graft.core.trial.RunDefinition;
import dev.graft.image.ImageFormat;
import dev.graft.spi.Axis;
import dev.graft.spi.GraftException;
import dev.graft.spi.GraftModule;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.data.DataContext;
import dev.graft.testing.TestPlugins;
import dev.graft.testkit.PluginCombinations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The {@link PluginCombinations.Trainer} of the test kit's harness: builds the sweeps
 * {@link PluginCombinations} describes over the plugins on the class path (the module under test,
 * Graft's own, any other module listed as a service), runs each with Graft's orchestrator in this
 * process on the test kit's synthetic images, and checks every recorded trial.
 */
public final class CombinationTrainer implements PluginCombinations.Trainer {
    /** The data every combination trains on: 12x12 one-channel bars of the test kit. */
    static final ImageFormat FORMAT = new ImageFormat(1, 12, 12);
    /** The test kit's tiny backbone's layer groups, for schedules asked in advance what they train. */
    private static final List<String> GROUPS = List.of("group1", "group2");

    @Override
    public PluginCombinations.Result train(PluginCombinations.Request request) {
        GraftModule module = request.module();
        Plugins plugins = installed(module);
        Plugins own = Plugins.of(List.of(module));
        Combinations combinations = new Combinations(plugins, FORMAT, f -> !f.getClass().getName().startsWith(TestPlugins.class.getName() + "$"));
        List<String> notes = new ArrayList<>();
        List<Axis> ownAxes = new ArrayList<>();
        List<Axis> otherAxes = new ArrayList<>();
        for (Axis axis : plugins.registry().axes()) {
            (ownNames(own, axis.family()).isEmpty() ? otherAxes : ownAxes).add(axis);
        }
        List<Map<String, Object>> backbones = ownChoices(own, plugins, PluginFamily.BACKBONE, combinations, notes);
        if (backbones.isEmpty()) {
            backbones = List.of(Map.of("type", TestPlugins.TinyBackbone.NAME));
            notes.add("backbone: the test kit's " + TestPlugins.TinyBackbone.NAME);
        }
        List<Map<String, Object>> metrics = ownChoices(own, plugins, PluginFamily.SIMILARITY, combinations, notes);
        if (ownAxes.isEmpty() && ownNames(own, PluginFamily.BACKBONE).isEmpty() && metrics.isEmpty()) {
            notes.add("the module has no plugin on a sweep axis, no backbone and no similarity metric: nothing to cross");
            return new PluginCombinations.Result(0, 0, List.of(), notes, List.of());
        }
        Map<Axis, List<Map<String, Object>>> fixed = new LinkedHashMap<>();
        for (Axis axis : ownAxes) {
            fixed.put(axis, ownChoices(own, plugins, axis.family(), combinations, notes));
        }
        List<Map<Axis, List<Map<String, Object>>>> sweeps = new ArrayList<>();
        if (request.everyCombination()) {
            Map<Axis, List<Map<String, Object>>> sweep = new LinkedHashMap<>(fixed);
            otherAxes.forEach(axis -> sweep.put(axis, installedChoices(combinations, axis)));
            sweeps.add(sweep);
        } else {
            for (Axis crossed : otherAxes) {
                Map<Axis, List<Map<String, Object>>> sweep = new LinkedHashMap<>(fixed);
                sweep.put(crossed, installedChoices(combinations, crossed));
                sweeps.add(sweep);
            }
            if (otherAxes.isEmpty()) {
                sweeps.add(fixed);
            }
        }
        Tally tally = new Tally();
        for (int i = 0; i < sweeps.size(); i++) {
            Map<Axis, List<Map<String, Object>>> sweep = withDefaults(sweeps.get(i), plugins, combinations, request.epochs());
            List<String> rules = combinations.excludeRules(sweep);
            tally.excludeRules.addAll(rules);
            run(plugins, combinations, descriptorText(i, sweep, rules, backbones, metrics, combinations, request.epochs()), request, i, tally);
        }
        return new PluginCombinations.Result(tally.trials, tally.failedAsDocumented, List.copyOf(tally.excludeRules), notes, tally.problems);
    }

    /** The module under test, every module listed as a service, and the test kit's (for its synthetic data), each once. */
    private static Plugins installed(GraftModule module) {
        Map<Class<?>, GraftModule> modules = new LinkedHashMap<>();
        for (GraftModule found : ServiceLoader.load(GraftModule.class, CombinationTrainer.class.getClassLoader())) {
            modules.putIfAbsent(found.getClass(), found);
        }
        modules.putIfAbsent(module.getClass(), module);
        modules.putIfAbsent(TestPlugins.class, new TestPlugins());
        return Plugins.of(List.copyOf(modules.values()));
    }

    private static List<Map<String, Object>> ownChoices(Plugins own, Plugins plugins, PluginFamily family, Combinations combinations,
            List<String> notes) {
        List<Map<String, Object>> choices = new ArrayList<>();
        for (String name : ownNames(own, family)) {
            PluginFactory<?> factory = plugins.registry().factory(family, name);
            if (combinations.readsTheData(factory)) {
                choices.add(Combinations.choice(factory));
            } else {
                notes.add(family.label() + " '" + name + "' reads another kind of examples than the harness's images: not trained here");
            }
        }
        return choices;
    }

    /** The module's own plugin names of a family (none when the family is another module's). */
    private static Set<String> ownNames(Plugins own, PluginFamily family) {
        Map<String, PluginFactory<?>> factories = own.registry().factories(family);
        return factories == null ? Set.of() : factories.keySet();
    }

    private static List<Map<String, Object>> installedChoices(Combinations combinations, Axis axis) {
        return combinations.factories(axis.family()).stream().map(Combinations::choice).toList();
    }

    /**
     * A required axis not crossed takes one choice: for the head, the first network head; for the
     * freeze schedule, the first that trains the backbone (so that regularisers and optimisers act
     * on it), or with a feature head among the heads the first that keeps it frozen; else the first.
     */
    private static Map<Axis, List<Map<String, Object>>> withDefaults(Map<Axis, List<Map<String, Object>>> sweep, Plugins plugins,
            Combinations combinations, int epochs) {
        Map<Axis, List<Map<String, Object>>> complete = new LinkedHashMap<>(sweep);
        for (Axis axis : plugins.registry().axes()) {
            if (!axis.required() || complete.containsKey(axis)) {
                continue;
            }
            List<Map<String, Object>> choices = installedChoices(combinations, axis);
            if (choices.isEmpty()) {
                throw new GraftException("no installed plugin of family '" + axis.family().label() + "' for the required axis " + axis.name());
            }
            Map<String, Object> chosen = choices.get(0);
            boolean featureHeads = complete.getOrDefault(Axis.HEAD, List.of()).stream().anyMatch(combinations::featureHead);
            for (Map<String, Object> choice : choices) {
                boolean fits = axis.equals(Axis.HEAD) ? !combinations.featureHead(choice)
                        : !axis.equals(Axis.FREEZE) || combinations.trainsTheBackbone(choice, epochs, GROUPS) != featureHeads;
                if (fits) {
                    chosen = choice;
                    break;
                }
            }
            complete.put(axis, List.of(chosen));
        }
        return complete;
    }

    private static String descriptorText(int index, Map<Axis, List<Map<String, Object>>> sweep, List<String> rules, List<Map<String, Object>> backbones,
            List<Map<String, Object>> metrics, Combinations combinations, int epochs) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("name: combinations-").append(index + 1).append('\n')
                .append("seeds: [1]\n")
                .append("target:\n")
                .append("  data: {type: ").append(TestPlugins.SyntheticProvider.NAME).append(", classes: [0, 1]}\n")
                .append("  samplesPerClass: [6]\n")
                .append("  testSamplesPerClass: 10\n")
                .append("train: {epochs: ").append(epochs).append(", batchSize: 4}\n")
                .append("sweep:\n")
                .append("  backbone:\n");
        for (Map<String, Object> backbone : backbones) {
            Map<String, Object> pretrained = new LinkedHashMap<>(backbone);
            pretrained.put("pretrain", Map.of("data", Map.of("type", TestPlugins.SyntheticProvider.NAME, "classes", List.of(2, 3)),
                    "train", Map.of("epochs", 1)));
            yaml.append("    - ").append(combinations.yaml(pretrained)).append('\n');
        }
        sweep.forEach((axis, choices) -> yaml.append("  ").append(axis.name()).append(": [")
                .append(String.join(", ", choices.stream().map(combinations::yaml).toList())).append("]\n"));
        if (!rules.isEmpty()) {
            yaml.append("  exclude: [").append(String.join(", ", rules)).append("]\n");
        }
        if (!metrics.isEmpty()) {
            yaml.append("similarity: [").append(String.join(", ", metrics.stream().map(combinations::yaml).toList())).append("]\n");
        }
        return yaml.toString();
    }

    private static void run(Plugins plugins, Combinations combinations, String yaml, PluginCombinations.Request request, int index, Tally tally) {
        Path dir = request.workDir().resolve("combinations-" + (index + 1));
        Path out = dir.resolve("run");
        try {
            Files.createDirectories(dir);
            Path file = Files.writeString(dir.resolve("combinations.yaml"), yaml);
            Descriptor descriptor = new DescriptorReader(plugins).read(file, yaml);
            RunDefinition definition = new RunDefinition(plugins, descriptor, true);
            new ExperimentRunner(plugins).run(descriptor, out, request.workDir().resolve("cache"),
                    new DataContext(List.of(), Optional.empty(), dir), RunListener.NONE);
            Map<String, Trial> plan = new LinkedHashMap<>();
            definition.trials().forEach(t -> plan.put(t.id(), t));
            try (ResultStore store = ResultStore.openExisting(out.resolve("results.db"))) {
                for (TrialRecord record : store.trials()) {
                    tally.check(plan.get(record.trialId()), record, combinations, request.epochs());
                }
                if (store.trials().size() != plan.size()) {
                    tally.problems.add(file + ": " + plan.size() + " trials planned, " + store.trials().size() + " recorded");
                }
            }
        } catch (GraftException | IllegalArgumentException e) {
            tally.problems.add("the sweep in " + dir.resolve("combinations.yaml") + " did not run: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the runs recorded, checked trial by trial. */
    private static final class Tally {
        int trials;
        int failedAsDocumented;
        final Set<String> excludeRules = new LinkedHashSet<>();
        final List<String> problems = new ArrayList<>();

        void check(Trial trial, TrialRecord record, Combinations combinations, int epochs) {
            trials++;
            String name = record.kind() + " " + record.labels().axes();
            if (trial == null) {
                problems.add(name + ": recorded but not planned");
                return;
            }
            String expected = combinations.expectedFailure(trial.spec(), epochs, GROUPS);
            if (expected == null) {
                if (record.status() != TrialStatus.finished) {
                    problems.add(name + " failed: " + record.error());
                }
            } else if (record.status() == TrialStatus.finished) {
                problems.add(name + " finished, but Graft documents that it cannot run (" + expected + ")");
            } else if (!record.error().startsWith(expected)) {
                problems.add(name + " failed with '" + record.error() + "' instead of the documented '" + expected + "'");
            } else {
                failedAsDocumented++;
            }
        }
    }
}
