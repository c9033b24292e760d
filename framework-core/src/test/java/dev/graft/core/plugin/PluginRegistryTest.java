package dev.graft.core.plugin;

import dev.graft.spi.GraftModule;
import dev.graft.spi.PluginFamily;
import dev.graft.testing.TestPlugins;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginRegistryTest {

    /** A second plugin jar that reuses a head name. */
    static final class ClashingModule extends GraftModule {
        @Override
        protected void configure() {
            head(TestPlugins.DenseHead.NAME).to(OtherDense.class);
        }
    }

    /** Same name, different class. */
    static final class OtherDense extends TestPluginsDenseHeadDelegate {}

    /** Bound under a key that differs from its name. */
    static final class MisnamedModule extends GraftModule {
        @Override
        protected void configure() {
            head("test-something-else").to(TestPlugins.DenseHead.class);
        }
    }

    @Test
    void findsRegisteredFactoriesByFamilyAndName() {
        Plugins plugins = Plugins.of(List.of(new TestPlugins()));
        assertEquals(TestPlugins.DenseHead.class, plugins.registry().factory(PluginFamily.HEAD, "test-dense").getClass());
        assertEquals(List.of("test-freeze-bottom", "test-train-all"), List.copyOf(plugins.registry().factories(PluginFamily.FREEZE).keySet()));
    }

    @Test
    void duplicateNamesFailAtStartUpNamingBothOwners() {
        PluginRegistryException e = assertThrows(PluginRegistryException.class,
                () -> Plugins.of(List.of(new TestPlugins(), new ClashingModule())));
        assertTrue(e.getMessage().startsWith("duplicate head name 'test-dense', registered by "), e.getMessage());
        assertTrue(e.getMessage().contains(TestPlugins.DenseHead.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(OtherDense.class.getName()), e.getMessage());
    }

    @Test
    void aNameThatDiffersFromItsKeyFails() {
        PluginRegistryException e = assertThrows(PluginRegistryException.class, () -> Plugins.of(List.of(new MisnamedModule())));
        assertTrue(e.getMessage().contains("is bound as head 'test-something-else' but its name() is 'test-dense'"), e.getMessage());
    }

    @Test
    void unknownNamesListTheKnownOnesAndTheClosest() {
        Plugins plugins = Plugins.of(List.of(new TestPlugins()));
        UnknownPluginException e = assertThrows(UnknownPluginException.class,
                () -> plugins.registry().factory(PluginFamily.FREEZE, "test-train-al"));
        String where = ". Plugins are loaded from Graft's class path; a plugin jar goes in a plugin directory (--plugins DIR, "
                + "GRAFT_PLUGIN_PATH, $GRAFT_HOME/plugins): docs/writing-a-plugin.md";
        assertEquals("unknown freeze type 'test-train-al'. Did you mean 'test-train-all'? Known freeze types: test-freeze-bottom, test-train-all"
                + where, e.getMessage());
        e = assertThrows(UnknownPluginException.class, () -> plugins.registry().factory(PluginFamily.HEAD, "xyzzy"));
        assertEquals("unknown head type 'xyzzy'. Known head types: test-dense" + where, e.getMessage());
    }

    @Test
    void closestNameIgnoresFarOffNames() {
        assertEquals("mlp", ClosestName.of("mpl", List.of("linear", "mlp", "logistic")).orElseThrow());
        assertTrue(ClosestName.of("resnet", List.of("linear", "mlp")).isEmpty());
    }

    /** A config interface for contributed test families. */
    @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME, property = "type")
    public interface KnobConfig extends dev.graft.spi.PluginConfig {}

    static final PluginFamily KNOB = new PluginFamily("knob", KnobConfig.class);

    /** Declares an axis over a family nobody contributes. */
    static final class OrphanAxisModule extends GraftModule {
        @Override
        protected void configure() {
            axis(new dev.graft.spi.Axis("knob", KNOB, true));
        }
    }

    /** Contributes a family with an axis named like a built-in one. */
    static final class TakenNameModule extends GraftModule {
        @Override
        protected void configure() {
            family(KNOB);
            axis(new dev.graft.spi.Axis("head", KNOB, true));
        }
    }

    /** Contributes a family and its axis. */
    static final class KnobModule extends GraftModule {
        @Override
        protected void configure() {
            family(KNOB);
            axis(new dev.graft.spi.Axis("knob", KNOB, false));
        }
    }

    @Test
    void aContributedAxisNeedsItsFamilyAndAFreeName() {
        PluginRegistryException orphan = assertThrows(PluginRegistryException.class, () -> Plugins.of(List.of(new OrphanAxisModule())));
        assertTrue(orphan.getMessage().contains("sweep axis 'knob' is over family 'knob', which no module contributes"), orphan.getMessage());
        PluginRegistryException taken = assertThrows(PluginRegistryException.class, () -> Plugins.of(List.of(new TakenNameModule())));
        assertTrue(taken.getMessage().contains("sweep axis 'head' is declared twice"), taken.getMessage());
        Plugins plugins = Plugins.of(List.of(new TestPlugins(), new KnobModule()));
        assertEquals(List.of("head", "freeze", "augment", "regularizer", "knob"),
                plugins.registry().axes().stream().map(dev.graft.spi.Axis::name).toList());
        assertTrue(plugins.registry().families().contains(KNOB));
    }
}
