package dev.graft.core.trial;

import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.Descriptor;
import dev.graft.core.descriptor.DescriptorError;
import dev.graft.core.descriptor.DescriptorException;
import dev.graft.core.descriptor.Experiment;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import dev.graft.core.sweep.TrialSpec;
import dev.graft.spi.Axis;
import dev.graft.spi.evaluate.EvaluationConfig;
import dev.graft.spi.evaluate.EvaluationSetFactory;
import dev.graft.spi.GraftException;
import dev.graft.spi.PluginConfig;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.data.DatasetInfo;
import dev.graft.spi.data.ExampleFormat;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.head.HeadFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks that need the data: datasets can be found, listed classes exist, source and target
 * examples have the same format, augmenters can transform the target's kind of examples. Run by {@code graft validate} and before every run.
 */
public final class ExperimentChecks {
    private ExperimentChecks() {}

    /**
     * @param descriptor a parsed descriptor
     * @param catalog data access
     * @throws DescriptorException listing every problem found
     */
    public static void check(Descriptor descriptor, DataCatalog catalog) {
        Experiment experiment = descriptor.experiment();
        List<DescriptorError> errors = new ArrayList<>();
        DatasetInfo target = dataset(descriptor, catalog, experiment.target().data(), "target.data", errors);
        List<Integer> sizes = experiment.target().samplesPerClass();
        for (int i = 0; i < sizes.size(); i++) {
            enough(descriptor, target, experiment.target().data(), sizes.get(i), "target.samplesPerClass[" + i + "]", errors);
        }
        if (target != null) {
            List<PluginConfig> augmenters = experiment.sweep().choices(Axis.AUGMENT);
            for (int i = 0; i < augmenters.size(); i++) {
                AugmenterFactory<?> factory = catalog.registry().factoryFor(PluginFamily.AUGMENT, augmenters.get(i));
                readsTarget(descriptor, "sweep.augment[" + i + "]", "augmenter '" + factory.name() + "' transforms", factory.reads(), target, errors);
            }
            for (int b = 0; b < experiment.sweep().backbone().size(); b++) {
                BackboneFactory<?> factory = catalog.registry().factoryFor(PluginFamily.BACKBONE, experiment.sweep().backbone().get(b).architecture());
                readsTarget(descriptor, "sweep.backbone[" + b + "]", "backbone '" + factory.name() + "' reads", factory.reads(), target, errors);
            }
        }
        for (int b = 0; b < experiment.sweep().backbone().size(); b++) {
            BackboneSpec backbone = experiment.sweep().backbone().get(b);
            if (backbone.pretrain() == null) {
                continue;
            }
            String path = "sweep.backbone[" + b + "].pretrain.data";
            DatasetInfo source = dataset(descriptor, catalog, backbone.pretrain().data(), path, errors);
            if (backbone.pretrain().samplesPerClass() != null) {
                enough(descriptor, source, backbone.pretrain().data(), backbone.pretrain().samplesPerClass(),
                        "sweep.backbone[" + b + "].pretrain.samplesPerClass", errors);
            }
            if (source != null && target != null
                    && !source.format().equals(target.format())) {
                errors.add(descriptor.errorAt(path, "source examples are " + source.format().describe() + " but target examples are "
                        + target.format().describe()
                        + "; a backbone pretrained on one cannot read the other"));
            }
        }
        featureHeads(descriptor, catalog, errors);
        evaluationSets(descriptor, catalog, target, errors);
        if (target != null) {
            backboneChecks(descriptor, catalog, target, errors);
        }
        if (!errors.isEmpty()) {
            throw new DescriptorException(errors);
        }
    }

    /**
     * What only a built backbone tells: every choice on a contributed axis whose hook edits the
     * backbone is tried on every backbone it meets in the sweep, and every freeze schedule that
     * chooses single parameters is asked for them on every backbone it meets (built with random
     * weights: the layers and parameters, not their values, decide). What they refuse is reported
     * at the choice, naming the backbone.
     */
    private static void backboneChecks(Descriptor descriptor, DataCatalog catalog, DatasetInfo target, List<DescriptorError> errors) {
        Experiment experiment = descriptor.experiment();
        Components components = new Components(catalog.registry());
        List<BackboneSpec> backbones = experiment.sweep().backbone();
        // (backbone, axis, choice) as the sweep pairs them, exclusions honoured
        Set<List<Object>> met = new java.util.LinkedHashSet<>();
        for (Trial trial : new SweepExpander(catalog.mapper()).expand(experiment)) {
            TrialSpec spec = trial.spec();
            if (spec.kind() != TrialKind.transfer) {
                continue;
            }
            for (Axis axis : spec.axes()) {
                PluginConfig choice = spec.component(axis);
                if (choice != null && !choice.noop() && (axis.equals(Axis.FREEZE) || !axis.family().builtIn())) {
                    met.add(List.of(backbones.indexOf(spec.backbone()), axis, experiment.sweep().choices(axis).indexOf(choice)));
                }
            }
        }
        for (List<Object> pair : met) {
            int b = (Integer) pair.get(0);
            Axis axis = (Axis) pair.get(1);
            int c = (Integer) pair.get(2);
            if (b < 0 || c < 0) {
                continue;
            }
            PluginConfig choice = experiment.sweep().choices(axis).get(c);
            BackboneSpec backbone = backbones.get(b);
            String path = "sweep." + axis.name() + "[" + c + "]";
            dev.graft.spi.train.TrainingHook hook = axis.equals(Axis.FREEZE) ? null : components.hook(axis.family(), choice);
            FreezeSchedule chooser = axis.equals(Axis.FREEZE) ? components.freeze((dev.graft.spi.freeze.FreezeConfig) choice) : null;
            if (hook != null ? !hook.editsBackbone() : !choosesParameters(chooser)) {
                continue;
            }
            try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
                dev.graft.core.train.GroupedNetwork network;
                try {
                    network = BuiltBackbone.buildRandom(components, backbone.architecture(), target.format(), manager).withHead(null, manager);
                } catch (RuntimeException e) {
                    continue; // a backbone that cannot be built here (a file made later, or only on the executors) fails its own trials
                }
                if (hook != null) {
                    hook.editBackbone(new dev.graft.spi.edit.LayerEditor(network.groups(), manager));
                } else {
                    int epochs = experiment.train().epochs();
                    for (int epoch = 0; epoch < epochs; epoch++) {
                        chooser.parameters(network.describedParameters(), new dev.graft.spi.freeze.TrainingPosition(epoch, epochs));
                    }
                }
            } catch (RuntimeException e) {
                dev.graft.spi.InvalidConfigException invalid = dev.graft.spi.InvalidConfigException.in(e);
                String name = catalog.registry().nameOf(PluginFamily.BACKBONE, backbone.architecture());
                errors.add(descriptor.errorAt(invalid != null ? path + "." + invalid.field() : path,
                        (invalid != null || e instanceof dev.graft.spi.GraftException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage())
                                + " (on sweep.backbone[" + b + "], '" + name + "')"));
            }
        }
    }

    /** @return whether the schedule chooses single parameters (overrides {@code parameters}), so that only a built backbone tells whether it can */
    private static boolean choosesParameters(FreezeSchedule schedule) {
        try {
            return schedule.getClass().getMethod("parameters", List.class, dev.graft.spi.freeze.TrainingPosition.class).getDeclaringClass()
                    != FreezeSchedule.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Each evaluation set reads the target's kind of examples; a set drawn from other datasets
     * gets the target's classes, in order, and format from each; the source task needs every
     * backbone pretrained by Graft (a source head to score under).
     */
    private static void evaluationSets(Descriptor descriptor, DataCatalog catalog, DatasetInfo target, List<DescriptorError> errors) {
        Experiment experiment = descriptor.experiment();
        for (Map.Entry<String, EvaluationConfig> entry : experiment.evaluate().entrySet()) {
            String path = "evaluate." + entry.getKey();
            EvaluationSetFactory<EvaluationConfig> factory = catalog.registry().factoryFor(PluginFamily.EVALUATION, entry.getValue());
            if (target != null) {
                readsTarget(descriptor, path, "evaluation set '" + factory.name() + "' reads", factory.reads(), target, errors);
            }
            for (DatasetConfig data : factory.datasets(entry.getValue())) {
                DatasetInfo info = dataset(descriptor, catalog, data, path + ".data", errors);
                if (info == null || target == null) {
                    continue;
                }
                if (!info.format().equals(target.format())) {
                    errors.add(descriptor.errorAt(path + ".data", "its examples are " + info.format().describe() + " but the target's are "
                            + target.format().describe() + "; a trial's model cannot read them"));
                }
                List<String> classes = selected(info, data);
                List<String> targetClasses = selected(target, experiment.target().data());
                if (!classes.equals(targetClasses)) {
                    errors.add(descriptor.errorAt(path + ".data", "its classes " + classes + " are not the target's " + targetClasses
                            + " (the same classes in the same order; select them with classes: [...])"));
                }
            }
            if (factory.sourceTask(entry.getValue())) {
                List<BackboneSpec> backbones = experiment.sweep().backbone();
                for (int b = 0; b < backbones.size(); b++) {
                    if (backbones.get(b).pretrain() == null) {
                        errors.add(descriptor.errorAt(path, "the source task is scored under the source head a backbone was pretrained with, "
                                + "but sweep.backbone[" + b + "] has no pretrain: block (Graft did not pretrain it, so it has no source head)"));
                    }
                }
            }
        }
    }

    /** The class names a dataset config selects, in the order it selects them. */
    private static List<String> selected(DatasetInfo info, DatasetConfig config) {
        if (config.relabel() != null) {
            return List.copyOf(config.relabel().keySet());
        }
        List<Integer> classes = config.classes();
        if (classes == null) {
            return info.classNames();
        }
        List<String> names = new ArrayList<>();
        for (int c : classes) {
            names.add(c >= 0 && c < info.classNames().size() ? info.classNames().get(c) : String.valueOf(c));
        }
        return names;
    }

    /**
     * A feature head is fitted on features a frozen backbone gives once: in a combination the
     * sweep would run, an augmenter, a regulariser or a contributed axis's training hook (an
     * optimizer, a rate schedule) cannot act on it. Refused here, at the
     * head's position, rather than as failed trials.
     */
    private static void featureHeads(Descriptor descriptor, DataCatalog catalog, List<DescriptorError> errors) {
        Experiment experiment = descriptor.experiment();
        List<PluginConfig> heads = experiment.sweep().choices(Axis.HEAD);
        Map<Integer, Set<String>> cannot = new TreeMap<>();
        Map<Integer, Set<String>> rules = new TreeMap<>();
        for (Trial trial : new SweepExpander(catalog.mapper()).expand(experiment)) {
            TrialSpec spec = trial.spec();
            if (spec.kind() != TrialKind.transfer || !catalog.registry().<HeadFactory<?>>factoryFor(PluginFamily.HEAD, spec.head()).featureHead()) {
                continue;
            }
            int index = heads.indexOf(spec.head());
            String head = catalog.registry().nameOf(PluginFamily.HEAD, spec.head());
            if (spec.augment() != null && !spec.augment().noop()) {
                String augmenter = catalog.registry().nameOf(PluginFamily.AUGMENT, spec.augment());
                cannot.computeIfAbsent(index, i -> new TreeSet<>()).add("augmenter '" + augmenter + "'");
                rules.computeIfAbsent(index, i -> new java.util.LinkedHashSet<>()).add("{head: " + head + ", augment: " + augmenter + "}");
            }
            if (spec.regularizer() != null && !spec.regularizer().noop()) {
                String regularizer = catalog.registry().nameOf(PluginFamily.REGULARIZER, spec.regularizer());
                cannot.computeIfAbsent(index, i -> new TreeSet<>()).add("regularizer '" + regularizer + "'");
                rules.computeIfAbsent(index, i -> new java.util.LinkedHashSet<>()).add("{head: " + head + ", regularizer: " + regularizer + "}");
            }
            for (Axis axis : spec.axes()) {
                // a contributed axis's choice is a training hook (an update rule, a rate factor): the feature head's library never runs one
                if (!axis.family().builtIn() && spec.component(axis) != null) {
                    String choice = catalog.registry().nameOf(axis.family(), spec.component(axis));
                    cannot.computeIfAbsent(index, i -> new TreeSet<>()).add(axis.name() + " '" + choice + "'");
                    rules.computeIfAbsent(index, i -> new java.util.LinkedHashSet<>()).add("{head: " + head + ", " + axis.name() + ": " + choice + "}");
                }
            }
        }
        cannot.forEach((index, components) -> {
            String head = catalog.registry().nameOf(PluginFamily.HEAD, heads.get(Math.max(0, index)));
            errors.add(descriptor.errorAt(index < 0 ? "sweep.head" : "sweep.head[" + index + "]", "'" + head
                    + "' is a feature head, fitted on features extracted once from a frozen backbone, so " + String.join(" and ", components)
                    + " cannot act on it; leave " + (rules.get(index).size() > 1 ? "these combinations" : "the combination")
                    + " out: exclude: [" + String.join(", ", rules.get(index)) + "]"));
        });
    }

    private static DatasetInfo dataset(Descriptor descriptor, DataCatalog catalog, DatasetConfig config, String path, List<DescriptorError> errors) {
        DatasetInfo info;
        try {
            info = catalog.describe(config);
        } catch (GraftException e) {
            errors.add(descriptor.errorAt(path, e.getMessage()));
            return null;
        }
        List<Integer> classes = config.classes();
        if (classes != null) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < classes.size(); i++) {
                int c = classes.get(i);
                if (c < 0 || c >= info.classNames().size()) {
                    errors.add(descriptor.errorAt(path + ".classes[" + i + "]", "class " + c + " is not in the dataset (it has classes 0-"
                            + (info.classNames().size() - 1) + ")"));
                } else if (!seen.add(c)) {
                    errors.add(descriptor.errorAt(path + ".classes[" + i + "]", "class " + c + " is listed twice"));
                }
            }
            if (classes.size() < 2) {
                errors.add(descriptor.errorAt(path + ".classes", "a classification task needs at least 2 classes"));
            }
        }
        if (config.relabel() != null) {
            for (Map.Entry<String, List<Integer>> group : config.relabel().entrySet()) {
                for (int i = 0; i < group.getValue().size(); i++) {
                    int c = group.getValue().get(i);
                    if (c >= info.classNames().size()) {
                        errors.add(descriptor.errorAt(path + ".relabel." + group.getKey() + "[" + i + "]", "class " + c
                                + " is not in the dataset (it has classes 0-" + (info.classNames().size() - 1) + ")"));
                    }
                }
            }
        }
        return info;
    }

    /**
     * A labelled-data size must not ask for more examples than a selected class has in the
     * training split, when the provider could count them without loading (otherwise the run checks
     * it after loading).
     */
    private static void enough(Descriptor descriptor, DatasetInfo info, DatasetConfig config, int perClass, String path,
            List<DescriptorError> errors) {
        if (info == null || info.trainCounts() == null) {
            return;
        }
        Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        if (config.relabel() != null) {
            groups.putAll(config.relabel());
        } else {
            List<Integer> classes = config.classes() != null ? config.classes()
                    : java.util.stream.IntStream.range(0, info.classNames().size()).boxed().toList();
            for (int c : classes) {
                if (c >= 0 && c < info.classNames().size()) {
                    groups.put(info.classNames().get(c), List.of(c));
                }
            }
        }
        for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            int count = group.getValue().stream().filter(c -> c >= 0 && c < info.trainCounts().size()).mapToInt(info.trainCounts()::get).sum();
            if (count < perClass) {
                errors.add(descriptor.errorAt(path, "asks for " + perClass + " examples per class but class '" + group.getKey() + "' has "
                        + count + " in the training split"));
                return;
            }
        }
    }

    /** Adds an error unless a plugin that reads {@code reads} can read the target's examples. */
    private static void readsTarget(Descriptor descriptor, String path, String plugin, Class<? extends ExampleFormat> reads, DatasetInfo target,
            List<DescriptorError> errors) {
        if (!reads.isInstance(target.format())) {
            errors.add(descriptor.errorAt(path, plugin + " " + ExampleFormat.kind(reads) + " examples but the target examples are "
                    + target.format().describe()));
        }
    }
}
