package dev.graft.testkit;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.spi.GraftModule;
import java.util.ServiceLoader;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.PluginConfig;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneConfig;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.backbone.LayerGroup;
import dev.graft.spi.data.Batch;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.ExampleFormat;
import dev.graft.spi.data.Examples;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.spi.data.FeatureTable;
import dev.graft.spi.data.Split;
import dev.graft.spi.freeze.FreezeConfig;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.TrainingPosition;
import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadConfig;
import dev.graft.spi.head.HeadContext;
import dev.graft.spi.head.HeadFactory;
import dev.graft.spi.regularize.RegularizationStep;
import dev.graft.spi.regularize.Regularizer;
import dev.graft.spi.regularize.RegularizerConfig;
import dev.graft.spi.regularize.RegularizerFactory;
import dev.graft.spi.similarity.SimilarityConfig;
import dev.graft.spi.similarity.SimilarityInputs;
import dev.graft.spi.similarity.SimilarityMetric;
import dev.graft.spi.similarity.SimilarityMetricFactory;
import dev.graft.spi.evaluate.EvaluationConfig;
import dev.graft.spi.evaluate.EvaluationContext;
import dev.graft.spi.evaluate.EvaluationSet;
import dev.graft.spi.evaluate.EvaluationSetFactory;
import dev.graft.spi.train.TrainingHook;
import dev.graft.spi.train.TrainingHookFactory;
import dev.graft.spi.train.UpdateRule;
import dev.graft.testing.SyntheticImages;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every plugin module keeps, as tests its own test class inherits: extend this class
 * in the plugin's tests, return the module from {@link #module()} and list, in {@link #refused()},
 * configs the plugin must refuse. Nothing of Graft's core is needed.
 *
 * <p>For every factory the module binds, the contract checks that
 *
 * <ul>
 *   <li>it is bound under its own {@link PluginFactory#name() name}, and no other factory in the
 *       module claims that name; the name is lower-case with dashes and the description one
 *       line;
 *   <li>its config is a record of boxed components, so that an absent field arrives as null;
 *   <li>its {@link PluginFactory#example() example} binds, and the resolved config survives the
 *       canonical JSON Graft hashes into trial ids: written, read back, equal, and written again
 *       byte for byte the same (otherwise the same trial would get two ids);
 *   <li>an unknown field is refused, and each {@link #refused() refused} config fails with an
 *       {@link InvalidConfigException} naming the expected field (which Graft reports at that
 *       field's line in the descriptor);
 *   <li>built twice from the same config and seed, it gives the same result: an augmenter the
 *       same images, a freeze schedule the same plan, a head and a backbone the same initial
 *       weights and outputs, a fitted feature classifier the same probabilities, a regulariser the
 *       same penalty, a metric the same score, a dataset the same images.
 * </ul>
 *
 * <p>And for the module: that {@link ServiceLoader} finds it (it is listed in
 * {@code META-INF/services/dev.graft.spi.GraftModule}), and that none of its names is taken, in
 * the same family, by one of Graft's own plugins or another module on the class path.
 *
 * <p>Failures name the plugin, and every plugin is checked even when one fails. Not checked here:
 * training with the plugin (graft-core's combination test trains every installed plugin with every
 * other) and a plugin's own semantics (its module's other tests).
 */
public abstract class PluginContract {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * A config the plugin must refuse.
     *
     * @param plugin the {@code type:} name
     * @param fields the config's fields, without {@code type}
     * @param field the field the {@link InvalidConfigException} must name
     */
    public record Refused(String plugin, Map<String, Object> fields, String field) {}

    /** A directory the contract may write to; the data context's descriptor directory. */
    @TempDir
    protected Path scratch;

    private ModuleUnderTest installed;

    /** @return a fresh instance of the module under test */
    protected abstract GraftModule module();

    /**
     * Configs the plugins must refuse, at least one for every plugin whose config has a field
     * with a range or a rule (an empty list only for a module whose configs have no fields).
     *
     * @return the configs
     */
    protected abstract List<Refused> refused();

    /**
     * The fields the contract builds a plugin from. Override to point a plugin that reads files
     * at fixtures; the default is the factory's {@link PluginFactory#example() example}.
     *
     * @param factory a factory of the module
     * @return the fields, without {@code type}
     */
    protected Map<String, Object> example(PluginFactory<?> factory) {
        return factory.example();
    }

    /**
     * Why a plugin cannot be built on this machine, if it cannot (a system dataset that is not
     * installed). It is then checked for everything but building.
     *
     * @param factory a factory of the module
     * @return the reason, or empty to build it
     */
    protected Optional<String> unavailable(PluginFactory<?> factory) {
        return Optional.empty();
    }

    /** @return the context datasets are described and loaded in */
    protected DataContext dataContext() {
        return new DataContext(List.of(), Optional.empty(), scratch);
    }

    /**
     * @return examples of the modality the module's plugins read: augmenters augment them as one
     *     batch, backbones are built for their format and read the first two; by default 12
     *     synthetic one-channel 32x32 images of 3 classes. A module of another modality overrides
     *     this.
     */
    protected Examples sampleExamples() {
        return SyntheticImages.make(3, 4, 32, 1);
    }

    /**
     * @return the input backbones are built for: {@link #sampleExamples()}' format, randomly
     *     initialised; other backbones resolved through the module
     */
    protected BackboneContext backboneContext() {
        return installed().backboneContext(sampleExamples().format(), true);
    }

    /** @return the feature shape heads are built for: 8 channels, 3 by 3 */
    protected Shape featureShape() {
        return new Shape(8, 3, 3);
    }

    /** @return the module, installed once per test */
    protected final ModuleUnderTest installed() {
        if (installed == null) {
            installed = new ModuleUnderTest(module());
        }
        return installed;
    }

    /**
     * Whether the module is listed in {@code META-INF/services/dev.graft.spi.GraftModule}, as a
     * plugin Graft should find must be. Override to return false only for a module that is
     * installed by hand (test fixtures).
     *
     * @return true by default
     */
    protected boolean listedAsService() {
        return true;
    }

    @Test
    void serviceLoaderFindsTheModule() {
        if (!listedAsService()) {
            return;
        }
        String name = module().getClass().getName();
        List<String> found = ServiceLoader.load(GraftModule.class, module().getClass().getClassLoader()).stream()
                .map(provider -> provider.type().getName()).toList();
        assertTrue(found.contains(name), name + " is not listed in META-INF/services/" + GraftModule.class.getName()
                + " (src/main/resources), so Graft would not load it; modules found: " + found);
    }

    /**
     * No plugin of the module takes a name that one of Graft's own plugins, or another module
     * found on the test class path, has in the same family: Graft refuses to start with such a
     * pair. (Graft's own names come with the test kit, {@link BuiltInPlugins}; jars in a plugin
     * directory are checked when Graft loads them.)
     */
    @Test
    void noNameClashesWithGraftsOrAnotherInstalledPlugin() {
        String own = module().getClass().getName();
        Map<String, String> taken = new java.util.TreeMap<>();
        for (BuiltInPlugins.Entry entry : BuiltInPlugins.all()) {
            if (!entry.module().equals(own)) {
                taken.put(entry.family() + " '" + entry.name() + "'", "Graft's " + entry.module());
            }
        }
        for (ServiceLoader.Provider<GraftModule> provider : ServiceLoader.load(GraftModule.class, module().getClass().getClassLoader())
                .stream().toList()) {
            if (!provider.type().getName().equals(own)) {
                for (ModuleUnderTest.Bound b : new ModuleUnderTest(provider.get()).bound()) {
                    taken.putIfAbsent(b.family().label() + " '" + b.key() + "'", provider.type().getName());
                }
            }
        }
        assertAll(installed().bound().stream().map(b -> (Executable) () -> {
            String who = b.family().label() + " '" + b.key() + "'";
            assertFalse(taken.containsKey(who), who + " is already a plugin of " + taken.get(who) + ": choose another name");
        }));
    }

    @Test
    void bindsEveryFactoryUnderItsOwnNameOnce() {
        List<ModuleUnderTest.Bound> bound = installed().bound();
        assertFalse(bound.isEmpty(), module().getClass().getName() + " binds no plugin");
        for (dev.graft.spi.Axis axis : installed().axes()) {
            assertTrue(bound.stream().anyMatch(b -> b.family().equals(axis.family())),
                    "axis '" + axis.name() + "' is over family '" + axis.family() + "', which has no plugin in this module");
        }
        assertAll(bound.stream().map(b -> (Executable) () -> {
            String who = b.family().label() + " '" + b.key() + "'";
            assertEquals(b.key(), b.factory().name(), who + " is bound under a key that is not its name()");
            assertEquals(1, b.owners(), who + " is bound to " + b.owners() + " factories");
            assertTrue(NAME.matcher(b.key()).matches(), who + ": names are lower-case words joined by dashes");
            String description = b.factory().description();
            assertTrue(description != null && !description.isBlank() && !description.contains("\n"),
                    who + ": the description is one line for the plugin table, got " + description);
        }));
    }

    @Test
    void configsAreRecordsOfBoxedFields() {
        assertAll(installed().bound().stream().map(b -> (Executable) () -> {
            Class<?> type = b.factory().configClass();
            assertTrue(type.isRecord(), b.key() + ": config " + type.getName() + " is not a record");
            for (RecordComponent component : type.getRecordComponents()) {
                assertFalse(component.getType().isPrimitive(), b.key() + ": field '" + component.getName()
                        + "' is a primitive, so leaving it out of a descriptor cannot mean 'the default'");
            }
        }));
    }

    @Test
    void theExampleSurvivesCanonicalJson() {
        ObjectMapper mapper = installed().mapper();
        assertAll(installed().bound().stream().map(b -> (Executable) () -> {
            PluginConfig config = config(b.factory());
            Class<?> family = b.family().configType();
            String json = mapper.writerFor(family).writeValueAsString(config);
            assertTrue(json.contains("\"type\":\"" + b.key() + "\""), b.key() + ": the JSON does not carry its type: " + json);
            Object back = mapper.readValue(json, family);
            assertEquals(config, back, b.key() + ": reading back " + json + " gives a different config");
            assertEquals(json, mapper.writerFor(family).writeValueAsString(back),
                    b.key() + ": the JSON is not canonical; written twice it differs");
            // spelling out every default gives the same config, hence the same trial id
            JsonNode tree = mapper.readTree(json);
            assertEquals(config, mapper.treeToValue(tree, family), b.key() + ": spelling out the defaults changes the config");
        }));
    }

    @Test
    void refusesAnUnknownField() {
        assertAll(installed().bound().stream().map(b -> (Executable) () -> {
            Map<String, Object> fields = new LinkedHashMap<>(example(b.factory()));
            fields.put("no-such-field", 1);
            Throwable thrown = thrown(() -> installed().config(b.key(), fields));
            assertTrue(thrown != null && String.valueOf(thrown.getMessage()).contains("no-such-field"),
                    b.key() + ": an unknown field was " + (thrown == null ? "accepted" : "refused without naming it: " + thrown));
        }));
    }

    @Test
    void refusesInvalidConfigsNamingTheField() {
        List<Refused> refused = refused();
        boolean anyFields = installed().bound().stream()
                .anyMatch(b -> b.factory().configClass().getRecordComponents().length > 0);
        assertTrue(refused.size() > 0 || !anyFields, "refused() lists no invalid config, but the module's configs have fields");
        assertAll(refused.stream().map(r -> (Executable) () -> {
            installed().factory(r.plugin());
            Throwable thrown = thrown(() -> installed().config(r.plugin(), r.fields()));
            InvalidConfigException invalid = InvalidConfigException.in(thrown);
            if (invalid == null) {
                fail(r.plugin() + " " + r.fields() + " was " + (thrown == null ? "accepted" : "refused with " + thrown
                        + ", not an InvalidConfigException naming '" + r.field() + "'"));
            }
            assertEquals(r.field(), invalid.field(), r.plugin() + " " + r.fields() + ": " + invalid.getMessage());
            assertFalse(invalid.getMessage() == null || invalid.getMessage().isBlank(), r.plugin() + ": the message is empty");
        }));
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        assertAll(installed().bound().stream()
                .filter(b -> unavailable(b.factory()).isEmpty())
                .map(b -> (Executable) () -> {
                    try {
                        sameTwice(b);
                    } catch (AssertionError e) {
                        throw new AssertionError(b.family().label() + " '" + b.key() + "': " + e.getMessage(), e);
                    }
                }));
    }

    private void sameTwice(ModuleUnderTest.Bound b) throws Exception {
        PluginConfig config = config(b.factory());
        PluginFamily family = b.family();
        if (family.equals(PluginFamily.AUGMENT)) {
            Examples sample = sampleExamples();
            Batch batch = sample.gather(java.util.stream.IntStream.range(0, sample.size()).toArray());
            Batch first = installed().augmenter((AugmentConfig) config).apply(batch, new SplittableRandom(7));
            Batch second = installed().augmenter((AugmentConfig) config).apply(batch, new SplittableRandom(7));
            assertEquals(batch.size(), first.size(), "the batch changed size");
            assertEquals(batch.getClass(), first.getClass(), "the batch changed kind");
            assertArrayEquals(first.labels(), second.labels(), "labels differ");
            assertArrayEquals(first.mixedLabels(), second.mixedLabels(), "mixed labels differ");
            assertArrayEquals(first.mixWeights(), second.mixWeights(), "mix weights differ");
            assertTrue(sameContents(first, second), "the augmented examples differ");
        } else if (family.equals(PluginFamily.FREEZE)) {
            @SuppressWarnings("unchecked")
            FreezeScheduleFactory<FreezeConfig> factory = (FreezeScheduleFactory<FreezeConfig>) b.factory();
            List<String> groups = List.of("stem", "block1", "block2");
            for (int epoch = 0; epoch < 6; epoch++) {
                TrainingPosition position = new TrainingPosition(epoch, 6);
                var plan = factory.create((FreezeConfig) config).plan(groups, position);
                assertEquals(groups.size(), plan.size(), "the plan has not one state per group at epoch " + epoch);
                assertEquals(plan, factory.create((FreezeConfig) config).plan(groups, position), "plans differ at epoch " + epoch);
                assertEquals(factory.create((FreezeConfig) config).headLrMultiplier(position),
                        factory.create((FreezeConfig) config).headLrMultiplier(position), "head learning rates differ");
            }
        } else if (family.equals(PluginFamily.HEAD)) {
            sameHead(b, (HeadConfig) config);
        } else if (family.equals(PluginFamily.BACKBONE)) {
            sameBackbone(b, (BackboneConfig) config);
        } else if (family.equals(PluginFamily.REGULARIZER)) {
            samePenalty(b, (RegularizerConfig) config);
        } else if (family.equals(PluginFamily.SIMILARITY)) {
            @SuppressWarnings("unchecked")
            SimilarityMetricFactory<SimilarityConfig> factory = (SimilarityMetricFactory<SimilarityConfig>) b.factory();
            SimilarityInputs inputs = new SimilarityInputs(Optional.of(features(40, 6, 4, 1)),
                    Optional.of(features(30, 6, 3, 2)), Optional.of(probabilities(30, 4, 3)));
            SimilarityMetric metric = factory.create((SimilarityConfig) config);
            double first = metric.score(inputs);
            assertTrue(Double.isFinite(first), "the score is " + first);
            assertEquals(first, factory.create((SimilarityConfig) config).score(inputs), 0.0, "scores differ");
        } else if (family.equals(PluginFamily.DATASET)) {
            @SuppressWarnings("unchecked")
            DatasetProvider<DatasetConfig> provider = (DatasetProvider<DatasetConfig>) b.factory();
            DatasetConfig dataset = (DatasetConfig) config;
            assertEquals(provider.describe(dataset, dataContext()), provider.describe(dataset, dataContext()),
                    "descriptions differ");
            Examples first = provider.load(dataset, Split.TRAIN, dataContext());
            assertEquals(provider.describe(dataset, dataContext()).format(), first.format(), "the loaded examples are not in the described format");
            assertTrue(first.size() > 0, "the training split is empty");
            assertEquals(first, provider.load(dataset, Split.TRAIN, dataContext()), "the images differ");
        } else if (family.equals(PluginFamily.EVALUATION)) {
            sameEvaluationSet(b, (EvaluationConfig) config);
        } else if (b.factory() instanceof TrainingHookFactory<?>) {
            sameHook(b, config);
            sameEdit(b, config);
        } else {
            fail("the contract does not know how to build a " + family + " plugin");
        }
    }

    /**
     * Two sets from one config and seed are the same; a set of the target's examples keeps the test
     * split's classes, format and size unless it is another dataset's.
     */
    private void sameEvaluationSet(ModuleUnderTest.Bound b, EvaluationConfig config) {
        @SuppressWarnings("unchecked")
        EvaluationSetFactory<EvaluationConfig> factory = (EvaluationSetFactory<EvaluationConfig>) b.factory();
        Examples test = sampleExamples();
        EvaluationContext context = new EvaluationContext(test, dataset -> test, 7L);
        EvaluationSet first = factory.create(config, context);
        EvaluationSet second = factory.create(config, context);
        assertEquals(first.getClass(), second.getClass(), "the kind of set differs");
        if (first instanceof EvaluationSet.Target a && second instanceof EvaluationSet.Target c) {
            assertEquals(test.classNames(), a.examples().classNames(), "the set's classes are not the test split's");
            assertEquals(test.format(), a.examples().format(), "the set's examples are not in the test split's format");
            assertTrue(a.examples().size() > 0, "the set is empty");
            assertArrayEquals(a.examples().labels(), c.examples().labels(), "labels differ");
            int[] all = java.util.stream.IntStream.range(0, a.examples().size()).toArray();
            assertTrue(sameContents(a.examples().gather(all), c.examples().gather(all)), "the examples differ");
        }
    }

    /** Two hooks from one config: the same learning-rate factors, and rules that move identical weights identically. */
    private static void sameHook(ModuleUnderTest.Bound b, PluginConfig config) {
        @SuppressWarnings("unchecked")
        TrainingHookFactory<PluginConfig> factory = (TrainingHookFactory<PluginConfig>) b.factory();
        TrainingHook first = factory.create(config);
        TrainingHook second = factory.create(config);
        for (long step : new long[] {0, 7, 29}) {
            assertEquals(first.learningRateFactor(step, 10, 30), second.learningRateFactor(step, 10, 30), 0.0, "factors differ at step " + step);
        }
        UpdateRule one = first.updateRule();
        UpdateRule two = second.updateRule();
        assertEquals(one == null, two == null, "one hook gives an update rule, the other none");
        if (one == null) {
            return;
        }
        assertTrue(one.learningRate() > 0 && Float.isFinite(one.learningRate()), "the learning rate is " + one.learningRate());
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] a = moved(one, manager);
            float[] c = moved(two, manager);
            assertArrayEquals(a, c, "the weights moved differently");
            float[] start = fixedInput(manager, new Shape(3, 4)).toFloatArray();
            assertFalse(java.util.Arrays.equals(a, start), "three steps left the weights where they were");
            for (float v : a) {
                assertTrue(Float.isFinite(v), "a weight became " + v);
            }
        }
    }

    /**
     * A hook that edits the backbone: the same edit twice under one seed gives the same outputs,
     * finite and shaped as the unedited backbone's, and the edit adds something to train.
     */
    private void sameEdit(ModuleUnderTest.Bound b, PluginConfig config) {
        @SuppressWarnings("unchecked")
        TrainingHookFactory<PluginConfig> factory = (TrainingHookFactory<PluginConfig>) b.factory();
        if (!factory.create(config).editsBackbone()) {
            return;
        }
        float[] plain = editedOutput(null);
        float[] first = editedOutput(factory.create(config));
        float[] second = editedOutput(factory.create(config));
        assertEquals(plain.length, first.length, "the edit changed the backbone's output size");
        for (float v : first) {
            assertTrue(Float.isFinite(v), "the edited backbone's output is " + v);
        }
        assertArrayEquals(first, second, "the same edit under the same seed gives other outputs");
    }

    /**
     * The backbone edits are tried on, built fresh for every call: by default two groups, a
     * convolution (4 filters, 3x3), BatchNorm, ReLU and global average pooling, then a linear
     * layer of 8 units and a ReLU, for one-channel 6x6 inputs ({@link #editableInput()}). A module
     * whose edits need other layers (attention) overrides both.
     *
     * @return the layer groups, uninitialised
     */
    protected List<LayerGroup> editableBackbone() {
        ai.djl.nn.SequentialBlock convolution = new ai.djl.nn.SequentialBlock()
                .add(ai.djl.nn.convolutional.Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(4).build())
                .add(ai.djl.nn.norm.BatchNorm.builder().build()).add(ai.djl.nn.Activation.reluBlock())
                .add(ai.djl.nn.pooling.Pool.globalAvgPool2dBlock());
        ai.djl.nn.SequentialBlock dense = new ai.djl.nn.SequentialBlock().add(ai.djl.nn.core.Linear.builder().setUnits(8).build())
                .add(ai.djl.nn.Activation.reluBlock());
        return List.of(new LayerGroup("conv", convolution), new LayerGroup("dense", dense));
    }

    /** @return the input shape of {@link #editableBackbone()}, batch first */
    protected Shape editableInput() {
        return new Shape(2, 1, 6, 6);
    }

    /** The editable backbone's output for a fixed input, after {@code hook}'s edit (none when null), in a training-mode pass. */
    private float[] editedOutput(TrainingHook hook) {
        try (Model model = Model.newInstance("contract"); NDManager manager = NDManager.newBaseManager()) {
            List<LayerGroup> groups = editableBackbone();
            Engine.getInstance().setRandomSeed(11);
            Shape[] shapes = {editableInput()};
            for (LayerGroup group : groups) {
                group.block().initialize(model.getNDManager(), DataType.FLOAT32, shapes);
                shapes = group.block().getOutputShapes(shapes);
            }
            dev.graft.spi.edit.LayerEditor editor = new dev.graft.spi.edit.LayerEditor(groups, model.getNDManager());
            if (hook != null) {
                hook.editBackbone(editor);
                assertTrue(!editor.reparametrisations().isEmpty() || !editor.insertedBlocks().isEmpty(),
                        "editsBackbone() says yes but the edit neither reparametrised a weight nor inserted a block");
            }
            ParameterStore store = dev.graft.spi.edit.LayerEditor.reading(new ParameterStore(model.getNDManager(), false),
                    editor.reparametrisations());
            NDList x = new NDList(fixedInput(manager, editableInput()));
            for (LayerGroup group : editor.groups()) {
                x = group.block().forward(store, x, true);
            }
            return x.singletonOrThrow().toFloatArray();
        }
    }

    /** Three steps of a rule on fixed weights and gradients. */
    private static float[] moved(UpdateRule rule, NDManager manager) {
        NDArray weight = fixedInput(manager, new Shape(3, 4));
        NDArray[] state = new NDArray[rule.stateArrays()];
        for (int i = 0; i < state.length; i++) {
            state[i] = weight.zerosLike();
        }
        for (int step = 1; step <= 3; step++) {
            NDArray gradient = fixedInput(manager, new Shape(3, 4)).sub(0.5f).mul(step);
            rule.update(weight, gradient, state, rule.learningRate(), true, step);
        }
        return weight.toFloatArray();
    }

    private void sameHead(ModuleUnderTest.Bound b, HeadConfig config) {
        @SuppressWarnings("unchecked")
        HeadFactory<HeadConfig> factory = (HeadFactory<HeadConfig>) b.factory();
        int classes = 3;
        HeadContext context = new HeadContext(featureShape(), classes, 5);
        Head head = factory.create(config, context);
        assertEquals(factory.featureHead(), head instanceof Head.FeatureClassifier, "featureHead() says " + factory.featureHead()
                + " but create() makes a " + (head instanceof Head.FeatureClassifier ? "feature classifier" : "network"));
        if (head instanceof Head.Network) {
            Shape input = new Shape(4).addAll(featureShape());
            float[] first = initialisedOutput(() -> ((Head.Network) factory.create(config, context)).block(), input, 11);
            float[] second = initialisedOutput(() -> ((Head.Network) factory.create(config, context)).block(), input, 11);
            assertEquals(4 * classes, first.length, "the head does not give one score per class");
            assertArrayEquals(first, second, "initial outputs differ");
        } else {
            int cols = (int) featureShape().size();
            FeatureTable train = features(30, cols, classes, 3);
            FeatureTable validation = features(12, cols, classes, 4);
            float[][] first = ((Head.FeatureClassifier) head).fit(train, validation, 9).predictProbabilities(validation);
            float[][] second = ((Head.FeatureClassifier) factory.create(config, context)).fit(train, validation, 9)
                    .predictProbabilities(validation);
            assertEquals(validation.rows(), first.length, "not one row of probabilities per example");
            for (int i = 0; i < first.length; i++) {
                assertEquals(classes, first[i].length, "not one probability per class");
                double sum = 0;
                for (float p : first[i]) {
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-3, "probabilities of row " + i + " sum to " + sum);
                assertArrayEquals(first[i], second[i], "probabilities of row " + i + " differ");
            }
        }
    }

    private void sameBackbone(ModuleUnderTest.Bound b, BackboneConfig config) {
        @SuppressWarnings("unchecked")
        BackboneFactory<BackboneConfig> factory = (BackboneFactory<BackboneConfig>) b.factory();
        BackboneContext context = backboneContext();
        Backbone backbone = factory.create(config, context);
        List<String> names = backbone.layerGroups().stream().map(LayerGroup::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), "layer group names repeat: " + names);
        backbone.inputSpec().check(context.data());
        Batch batch = sampleExamples().gather(new int[] {0, 1});
        float[] first = backboneOutput(factory.create(config, context), context.data(), batch);
        float[] second = backboneOutput(factory.create(config, context), context.data(), batch);
        assertTrue(first.length > 0, "the backbone gives no features");
        assertArrayEquals(first, second, "outputs differ");
    }

    /**
     * Whether two batches hold the same examples: their record components (arrays by content)
     * equal, or, for a batch that is not a record, {@code equals}.
     */
    private static boolean sameContents(Batch a, Batch b) {
        if (!a.getClass().isRecord() || a.getClass() != b.getClass()) {
            return a.equals(b);
        }
        try {
            for (java.lang.reflect.RecordComponent component : a.getClass().getRecordComponents()) {
                if (!java.util.Objects.deepEquals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                    return false;
                }
            }
            return true;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the batch " + a.getClass().getName(), e);
        }
    }

    /** Initialises the groups in order under one engine seed, loads imported weights, runs a fixed input through. */
    private static float[] backboneOutput(Backbone backbone, ExampleFormat format, Batch batch) {
        try (Model model = Model.newInstance("contract"); NDManager manager = NDManager.newBaseManager()) {
            initialise(backbone, backbone.inputSpec().networkInput(format), 11, model.getNDManager());
            NDList x = backbone.inputSpec().prepare(batch).toNDList(manager);
            ParameterStore store = new ParameterStore(model.getNDManager(), false);
            for (LayerGroup group : backbone.layerGroups()) {
                x = group.block().forward(store, x, false);
            }
            float[] out = x.singletonOrThrow().toType(DataType.FLOAT32, false).toFloatArray();
            for (float v : out) {
                assertTrue(Float.isFinite(v), "the backbone's output is not finite");
            }
            return out;
        }
    }

    /**
     * Initialises a backbone's groups in order under one engine seed, as Graft does, then loads
     * its imported weights, if any.
     *
     * @param backbone the backbone
     * @param input the input shape, batch first
     * @param seed the engine seed
     * @param manager the manager that owns the parameters
     */
    protected static void initialise(Backbone backbone, Shape input, int seed, NDManager manager) {
        Engine.getInstance().setRandomSeed(seed);
        Shape[] shapes = {input};
        for (LayerGroup group : backbone.layerGroups()) {
            // a group may hand the next more than one array (vectors and a padding mask, say)
            group.block().initialize(manager, DataType.FLOAT32, shapes);
            shapes = group.block().getOutputShapes(shapes);
        }
        if (backbone.importedWeights() != null) {
            backbone.importedWeights().load(backbone.layerGroups(), manager);
        }
    }

    private static float[] initialisedOutput(Supplier<Block> blocks, Shape input, int seed) {
        try (Model model = Model.newInstance("contract"); NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(seed);
            Block block = blocks.get();
            block.initialize(model.getNDManager(), DataType.FLOAT32, input);
            NDArray out = block.forward(new ParameterStore(model.getNDManager(), false), new NDList(fixedInput(manager, input)), false)
                    .singletonOrThrow();
            for (Pair<String, Parameter> p : block.getParameters()) {
                assertTrue(p.getValue().isInitialized(), "parameter " + p.getKey() + " is not initialised");
            }
            return out.toFloatArray();
        }
    }

    private static NDArray fixedInput(NDManager manager, Shape shape) {
        float[] values = new float[(int) shape.size()];
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return manager.create(values, shape);
    }

    private void samePenalty(ModuleUnderTest.Bound b, RegularizerConfig config) {
        @SuppressWarnings("unchecked")
        RegularizerFactory<RegularizerConfig> factory = (RegularizerFactory<RegularizerConfig>) b.factory();
        Regularizer regularizer = factory.create(config);
        assertEquals(regularizer.needs(), factory.create(config).needs(), "needs differ");
        if (regularizer.needs().isEmpty()) {
            return; // Graft never asks a regulariser that needs nothing for a penalty
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            float first = penalty(regularizer, manager);
            assertTrue(Float.isFinite(first) && first >= 0, "the penalty is " + first);
            assertEquals(first, penalty(factory.create(config), manager), 0f, "penalties differ");
        }
    }

    private static float penalty(Regularizer regularizer, NDManager manager) {
        RegularizationStep step = new RegularizationStep() {
            @Override
            public NDManager manager() {
                return manager;
            }

            @Override
            public List<Weight> transferred() {
                return List.of(new Weight("block1", "block1.conv.weight", fixedInput(manager, new Shape(4, 3)),
                        fixedInput(manager, new Shape(4, 3)).mul(0.5f), true),
                        new Weight("stem", "stem.conv.weight", fixedInput(manager, new Shape(2, 2)),
                                fixedInput(manager, new Shape(2, 2)), false));
            }

            @Override
            public List<Weight> added() {
                return List.of(new Weight("head", "head.weight", fixedInput(manager, new Shape(3, 4)), null, true));
            }

            @Override
            public NDArray features() {
                return fixedInput(manager, new Shape(5, 4));
            }

            @Override
            public NDArray sourceLogits() {
                return fixedInput(manager, new Shape(5, 3));
            }

            @Override
            public NDArray pretrainedSourceLogits() {
                return fixedInput(manager, new Shape(5, 3)).mul(2f);
            }
        };
        return regularizer.penalty(step).toType(DataType.FLOAT32, false).getFloat();
    }

    /** Gaussian features with class-dependent means. */
    private static FeatureTable features(int rows, int cols, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * cols];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < cols; j++) {
                values[i * cols + j] = (float) (random.nextGaussian() + (j % classes == labels[i] ? 1.5 : 0));
            }
        }
        return new FeatureTable(values, rows, cols, labels, classes);
    }

    /** Rows of probabilities over source classes, labelled with the target classes. */
    private static FeatureTable probabilities(int rows, int sourceClasses, int targetClasses) {
        SplittableRandom random = new SplittableRandom(23);
        float[] values = new float[rows * sourceClasses];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % targetClasses;
            double sum = 0;
            for (int j = 0; j < sourceClasses; j++) {
                double v = random.nextDouble() + (j == labels[i] ? 2 : 0);
                values[i * sourceClasses + j] = (float) v;
                sum += v;
            }
            for (int j = 0; j < sourceClasses; j++) {
                values[i * sourceClasses + j] /= (float) sum;
            }
        }
        return new FeatureTable(values, rows, sourceClasses, labels, targetClasses);
    }

    private PluginConfig config(PluginFactory<?> factory) throws Exception {
        return installed().config(factory.name(), example(factory));
    }

    private static Throwable thrown(Executable action) {
        try {
            action.execute();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
