package dev.graft.core.plugin;

import dev.graft.spi.GraftException;

/** The installed plugins are inconsistent (duplicate names, a name that differs from its key). */
public final class PluginRegistryException extends GraftException {
    private static final long serialVersionUID = 1L;

    PluginRegistryException(String message) {
        super(message);
    }
}
