package dev.graft.core.plugin;

import dev.graft.spi.GraftException;
import dev.graft.spi.PluginFamily;
import java.util.Collection;
import java.util.TreeSet;

/** A {@code type:} name that no plugin registered. */
public final class UnknownPluginException extends GraftException {
    private static final long serialVersionUID = 1L;

    UnknownPluginException(PluginFamily family, String name, Collection<String> known, String loadedFrom) {
        super("unknown " + family.label() + " type '" + name + "'." + ClosestName.suggestion(name, known)
                + " Known " + family.label() + " types: " + String.join(", ", new TreeSet<>(known))
                + ". Plugins are loaded from " + loadedFrom + "; a plugin jar goes in a plugin directory "
                + "(--plugins DIR, " + PluginPath.ENV + ", $GRAFT_HOME/plugins): docs/writing-a-plugin.md");
    }
}
