package dev.graft.testkit;

import dev.graft.image.ImageAugmenter;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftModule;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.freeze.FreezeConfig;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract fails plugins that break it, each in the way plugin authors actually break it, and
 * names the plugin. (Each broken module here otherwise keeps the contract, so the failure is the
 * one rule it breaks.)
 */
class PluginContractCatchesTest {
    @TempDir
    Path scratch;

    /** No fields; a sound augmenter returning its input. */
    public record PlainConfig() implements AugmentConfig {}

    /** A primitive field: leaving it out of a descriptor gives 0, not a default. */
    public record PrimitiveConfig(int size) implements AugmentConfig {}

    /** An array field: a record compares arrays by reference, so the config never equals itself read back. */
    public record ArrayConfig(double[] weights) implements AugmentConfig {
        public ArrayConfig {
            weights = weights == null ? new double[] {1, 2} : weights;
        }
    }

    /** Checks its range with the wrong exception, so Graft cannot point at the field's line. */
    public record LooseConfig(Double probability) implements AugmentConfig {
        public LooseConfig {
            probability = probability == null ? 0.5 : probability;
            if (probability > 1) {
                throw new IllegalArgumentException("probability must be at most 1");
            }
        }
    }

    /** Checks its range properly. */
    public record StrictConfig(Double probability) implements AugmentConfig {
        public StrictConfig {
            probability = probability == null ? 0.5 : probability;
            if (probability > 1) {
                throw new InvalidConfigException("probability", "must be at most 1, got " + probability);
            }
        }
    }

    /** No fields. */
    public record ShortConfig() implements FreezeConfig {}

    /** The config family of the test's backbone edits. */
    @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME, property = "type")
    public interface EditConfig extends dev.graft.spi.PluginConfig {}

    /** No fields. */
    public record NoFields() implements EditConfig {}

    static final dev.graft.spi.PluginFamily EDITS = new dev.graft.spi.PluginFamily("test-edits", EditConfig.class);

    /** A hook factory editing the backbone with {@code edit}. */
    record EditFactory(String name, java.util.function.Consumer<dev.graft.spi.edit.BackboneEdits> edit)
            implements dev.graft.spi.train.TrainingHookFactory<NoFields> {
        @Override
        public Class<NoFields> configClass() {
            return NoFields.class;
        }

        @Override
        public String description() {
            return "a test edit";
        }

        @Override
        public dev.graft.spi.train.TrainingHook create(NoFields config) {
            return new dev.graft.spi.train.TrainingHook() {
                @Override
                public boolean editsBackbone() {
                    return true;
                }

                @Override
                public void editBackbone(dev.graft.spi.edit.BackboneEdits edits) {
                    edit.accept(edits);
                }
            };
        }
    }

    /** An augmenter factory over any config, building what it is given. */
    record Factory<C extends AugmentConfig>(String name, Class<C> configClass, Augmenter augmenter) implements AugmenterFactory<C> {
        @Override
        public String description() {
            return "a test augmenter";
        }

        @Override
        public Augmenter create(C config) {
            return augmenter;
        }
    }

    static final Augmenter IDENTITY = (batch, random) -> batch;

    /** A module binding each factory under the key given with it. */
    static final class Module extends GraftModule {
        private final List<Map.Entry<String, AugmenterFactory<?>>> augmenters = new ArrayList<>();
        private final List<Map.Entry<String, FreezeScheduleFactory<?>>> schedules = new ArrayList<>();
        private final List<Map.Entry<String, dev.graft.spi.train.TrainingHookFactory<?>>> hooks = new ArrayList<>();

        Module withHook(String key, dev.graft.spi.train.TrainingHookFactory<?> factory) {
            hooks.add(Map.entry(key, factory));
            return this;
        }

        Module with(String key, AugmenterFactory<?> factory) {
            augmenters.add(Map.entry(key, factory));
            return this;
        }

        Module withSchedule(String key, FreezeScheduleFactory<?> factory) {
            schedules.add(Map.entry(key, factory));
            return this;
        }

        @Override
        protected void configure() {
            augmenters.forEach(e -> augmenter(e.getKey()).toInstance(e.getValue()));
            schedules.forEach(e -> freezeSchedule(e.getKey()).toInstance(e.getValue()));
            if (!hooks.isEmpty()) {
                family(EDITS);
                hooks.forEach(e -> plugin(EDITS, e.getKey()).toInstance(e.getValue()));
            }
        }
    }

    /** A contract over a module, with the configs it must refuse. */
    PluginContract contract(GraftModule module, PluginContract.Refused... refused) {
        PluginContract contract = new PluginContract() {
            @Override
            protected GraftModule module() {
                return module;
            }

            @Override
            protected List<Refused> refused() {
                return List.of(refused);
            }
        };
        contract.scratch = scratch;
        return contract;
    }

    static void failsNaming(String plugin, org.junit.jupiter.api.function.Executable check) {
        AssertionError error = assertThrows(AssertionError.class, check);
        assertTrue(String.valueOf(error.getMessage()).contains(plugin) || String.valueOf(error).contains(plugin),
                "the failure does not name " + plugin + ": " + error);
    }

    @Test
    void aSoundModulePasses() throws Exception {
        PluginContract contract = contract(new Module()
                .with("plain", new Factory<>("plain", PlainConfig.class, IDENTITY))
                .with("strict", new Factory<>("strict", StrictConfig.class, IDENTITY)), new PluginContract.Refused("strict", Map.of("probability", 2.0), "probability"));
        contract.bindsEveryFactoryUnderItsOwnNameOnce();
        contract.noNameClashesWithGraftsOrAnotherInstalledPlugin();
        contract.configsAreRecordsOfBoxedFields();
        contract.theExampleSurvivesCanonicalJson();
        contract.refusesAnUnknownField();
        contract.refusesInvalidConfigsNamingTheField();
        contract.theSameSeedGivesTheSameResult();
    }

    /** A module nobody listed in META-INF/services: Graft would never load it. */
    @Test
    void aModuleThatServiceLoaderCannotFind() {
        failsNaming(Module.class.getName(), contract(new Module().with("plain", new Factory<>("plain", PlainConfig.class, IDENTITY)))
                ::serviceLoaderFindsTheModule);
    }

    /** A plugin named like one of Graft's own in the same family: Graft would refuse to start. */
    @Test
    void aNameOneOfGraftsPluginsHas() {
        failsNaming("augment 'flip'", contract(new Module().with("flip", new Factory<>("flip", PlainConfig.class, IDENTITY)))
                ::noNameClashesWithGraftsOrAnotherInstalledPlugin);
    }

    @Test
    void aFactoryBoundUnderAnotherName() {
        failsNaming("flip-x", contract(new Module().with("flip-x", new Factory<>("flip", PlainConfig.class, IDENTITY)))
                ::bindsEveryFactoryUnderItsOwnNameOnce);
    }

    @Test
    void twoFactoriesUnderOneName() {
        failsNaming("plain", contract(new Module()
                .with("plain", new Factory<>("plain", PlainConfig.class, IDENTITY))
                .with("plain", new Factory<>("plain", StrictConfig.class, IDENTITY)))::bindsEveryFactoryUnderItsOwnNameOnce);
    }

    @Test
    void aPrimitiveField() {
        failsNaming("size", contract(new Module().with("primitive", new Factory<>("primitive", PrimitiveConfig.class, IDENTITY)))
                ::configsAreRecordsOfBoxedFields);
    }

    @Test
    void aConfigThatIsNotEqualToItselfReadBack() {
        failsNaming("arrays", contract(new Module().with("arrays", new Factory<>("arrays", ArrayConfig.class, IDENTITY)))
                ::theExampleSurvivesCanonicalJson);
    }

    @Test
    void aRangeCheckedWithTheWrongException() {
        failsNaming("loose", contract(new Module().with("loose", new Factory<>("loose", LooseConfig.class, IDENTITY)),
                new PluginContract.Refused("loose", Map.of("probability", 2.0), "probability"))::refusesInvalidConfigsNamingTheField);
    }

    @Test
    void aRangeNobodyListed() {
        assertThrows(AssertionError.class, contract(new Module().with("strict", new Factory<>("strict", StrictConfig.class, IDENTITY)))
                ::refusesInvalidConfigsNamingTheField);
    }

    @Test
    void anAugmenterWithItsOwnRandomness() {
        AtomicInteger calls = new AtomicInteger();
        ImageAugmenter unseeded = (batch, random) -> {
            float[] pixels = batch.pixels().clone();
            pixels[0] += calls.incrementAndGet();
            return batch.withPixels(pixels);
        };
        failsNaming("drift", contract(new Module().with("drift", new Factory<>("drift", PlainConfig.class, unseeded)))
                ::theSameSeedGivesTheSameResult);
    }

    @Test
    void aScheduleThatLosesAGroup() {
        FreezeScheduleFactory<ShortConfig> factory = new FreezeScheduleFactory<>() {
            @Override
            public String name() {
                return "short";
            }

            @Override
            public Class<ShortConfig> configClass() {
                return ShortConfig.class;
            }

            @Override
            public String description() {
                return "trains all but the last group, which it forgets";
            }

            @Override
            public FreezeSchedule create(ShortConfig config) {
                return (groups, position) -> java.util.Collections.nCopies(groups.size() - 1, GroupState.TRAINING);
            }
        };
        failsNaming("short", contract(new Module().withSchedule("short", factory))::theSameSeedGivesTheSameResult);
    }

    @Test
    void anEditThatChangesNothing() {
        failsNaming("idle", contract(new Module().withHook("idle", new EditFactory("idle", edits -> edits.layers())))
                ::theSameSeedGivesTheSameResult);
    }

    @Test
    void anEditWithItsOwnRandomness() {
        // a block inserted after the linear layer adds noise from an unseeded generator
        java.util.Random unseeded = new java.util.Random();
        failsNaming("noisy", contract(new Module().withHook("noisy", new EditFactory("noisy", edits -> {
            var linear = edits.layers().stream().filter(l -> l.kind() == dev.graft.spi.edit.EditableLayer.Kind.LINEAR).findFirst().orElseThrow();
            edits.insertAfter(linear, new ai.djl.nn.LambdaBlock(x -> new ai.djl.ndarray.NDList(x.singletonOrThrow().add(unseeded.nextFloat()))));
        })))::theSameSeedGivesTheSameResult);
    }
}
