package dev.graft.cli;

import dev.graft.core.plugin.PluginPath;
import dev.graft.core.plugin.Plugins;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where plugin jars from outside Graft's class path are found, for every command that loads
 * plugins: {@code --plugins DIR} (repeatable), then the directories or jars in
 * {@code GRAFT_PLUGIN_PATH} (separated like a class path), then {@code $GRAFT_HOME/plugins}. A
 * directory or jar a user named must exist; the default directory may not.
 */
final class PluginOptions {
    @Option(names = "--plugins", paramLabel = "DIR", description = "a directory of plugin jars, or one jar, to load besides Graft's own "
            + "plugins (repeatable; also GRAFT_PLUGIN_PATH and $GRAFT_HOME/plugins)")
    List<Path> dirs = new ArrayList<>();

    /** @return the plugin path the options and the environment give */
    PluginPath path() {
        return path(dirs, System.getenv(PluginPath.ENV), Locations.home().resolve("plugins"));
    }

    /** @return Graft's plugins and those of the plugin path */
    Plugins discover() {
        return Plugins.discover(path());
    }

    static PluginPath path(List<Path> dirs, String environment, Path homePlugins) {
        PluginPath path = PluginPath.of(dirs, true, "--plugins");
        if (environment != null && !environment.isBlank()) {
            List<Path> entries = Arrays.stream(environment.split(File.pathSeparator)).filter(e -> !e.isBlank()).map(Path::of).toList();
            path = path.and(PluginPath.of(entries, true, PluginPath.ENV));
        }
        return path.and(PluginPath.of(List.of(homePlugins), false, "$GRAFT_HOME/plugins"));
    }
}
