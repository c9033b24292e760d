package dev.graft.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftModule;
import dev.graft.testing.TestPlugins;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        assertEquals("unknown freeze type 'test-train-al'. Did you mean 'test-train-all'? Known freeze types: test-freeze-bottom, test-train-all",
                e.getMessage());
        e = assertThrows(UnknownPluginException.class, () -> plugins.registry().factory(PluginFamily.HEAD, "xyzzy"));
        assertEquals("unknown head type 'xyzzy'. Known head types: test-dense", e.getMessage());
    }

    @Test
    void closestNameIgnoresFarOffNames() {
        assertEquals("mlp", ClosestName.of("mpl", List.of("linear", "mlp", "logistic")).orElseThrow());
        assertTrue(ClosestName.of("resnet", List.of("linear", "mlp")).isEmpty());
    }
}
