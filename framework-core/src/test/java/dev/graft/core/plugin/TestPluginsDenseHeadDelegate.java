package dev.graft.core.plugin;

import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadContext;
import dev.graft.spi.head.HeadFactory;
import dev.graft.testing.TestPlugins;

/** A head factory with the same name as {@link TestPlugins.DenseHead}, in another class. */
class TestPluginsDenseHeadDelegate implements HeadFactory<TestPlugins.DenseConfig> {
    private final TestPlugins.DenseHead delegate = new TestPlugins.DenseHead();

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Class<TestPlugins.DenseConfig> configClass() {
        return delegate.configClass();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public Head create(TestPlugins.DenseConfig config, HeadContext context) {
        return delegate.create(config, context);
    }
}
