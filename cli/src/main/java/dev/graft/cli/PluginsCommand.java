package dev.graft.cli;

import dev.graft.core.plugin.ClosestName;
import dev.graft.core.plugin.PluginOrigin;
import dev.graft.core.plugin.Plugins;
import dev.graft.spi.GraftException;
import dev.graft.spi.PluginFamily;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code graft plugins}: every registered name per family, with parameters and defaults. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List every registered plugin per SPI family with its parameters, their types and defaults.",
            "FILTER keeps one family (e.g. 'augment') or one plugin (e.g. 'mixup')."})
final class PluginsCommand implements Callable<Integer> {
    @CommandLine.Mixin
    PluginOptions pluginOptions = new PluginOptions();

    @Parameters(paramLabel = "FILTER", arity = "0..1", description = "a family or a plugin name")
    String filter;

    @Option(names = "--markdown", description = "print the catalogue as Markdown tables (docs/plugins.md is this output)")
    boolean markdown;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static String origin(PluginOrigin origin) {
        return origin.location() + " (" + origin.version() + (origin.sha256() == null ? "" : ", sha256 " + origin.sha256().substring(0, 16)) + ")";
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plugins plugins = pluginOptions.discover();
        List<PluginCatalogue.Entry> entries = PluginCatalogue.of(plugins, filter);
        if (entries.isEmpty()) {
            List<String> known = new ArrayList<>();
            for (PluginFamily family : plugins.registry().families()) {
                known.add(family.label());
                known.addAll(plugins.registry().factories(family).keySet());
            }
            throw new GraftException("no family or plugin named '" + filter + "'." + ClosestName.suggestion(filter, known)
                    + " Families: " + String.join(", ", plugins.registry().families().stream().map(PluginFamily::label).toList()));
        }
        out.print(markdown ? PluginCatalogue.markdown(entries) : PluginCatalogue.text(entries));
        if (!markdown) {
            out.println();
            if (filter != null) {
                // where the listed plugins came from
                entries.stream().map(e -> e.name() + ": " + origin(PluginOrigin.of(plugins.registry().factory(e.family(), e.name()).getClass())))
                        .distinct().forEach(out::println);
            } else {
                out.println("installed plugin modules:");
                for (String module : plugins.modules()) {
                    out.println("  " + module + ": " + origin(plugins.origin(module)));
                }
            }
            out.println("plugin path: " + (plugins.path().searched().isEmpty()
                    ? "none (plugin jars go in $GRAFT_HOME/plugins, GRAFT_PLUGIN_PATH or --plugins DIR: docs/writing-a-plugin.md)"
                    : String.join(", ", plugins.path().searched().stream().map(Object::toString).toList())));
        }
        out.flush();
        return 0;
    }
}
