package dev.graft.testkit;

import dev.graft.spi.GraftModule;
import dev.graft.testing.TestPlugins;
import java.util.List;
import java.util.Map;

/** The test plugins the core's tests run on keep the contract they help enforce. */
class TestPluginsContractTest extends PluginContract {
    @Override
    protected GraftModule module() {
        return new TestPlugins();
    }

    /** Installed by hand in the core's tests, never found as a service. */
    @Override
    protected boolean listedAsService() {
        return false;
    }

    @Override
    protected List<Refused> refused() {
        return List.of(new Refused("test-synthetic", Map.of("perClass", 0), "perClass"));
    }
}
