package dev.graft.cli;

import dev.graft.core.descriptor.Descriptor;
import dev.graft.core.descriptor.DescriptorException;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.descriptor.SeedPlan;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.trial.DataCatalog;
import dev.graft.core.trial.ExperimentChecks;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import dev.graft.spi.GraftException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graft validate}: checks descriptors and prints every error found. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check descriptors without running them: every error, with file:line:column and field. Exit code 2 if any is invalid.")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    PluginOptions pluginOptions = new PluginOptions();

    @Parameters(paramLabel = "DESCRIPTOR", arity = "1..*", description = "descriptors to check")
    List<Path> descriptors;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "a directory to look for datasets in first (repeatable)")
    List<Path> dataDirs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plugins plugins = pluginOptions.discover();
        DescriptorReader reader = new DescriptorReader(plugins);
        int invalid = 0;
        for (Path file : descriptors) {
            try {
                Descriptor descriptor = reader.read(file);
                ExperimentChecks.check(descriptor, new DataCatalog(plugins.registry(), plugins.mapper(), Locations.dataContext(dataDirs, file)));
                List<Trial> trials = new SweepExpander(plugins.mapper()).expand(descriptor.experiment());
                long scratch = trials.stream().filter(t -> t.spec().kind() == TrialKind.scratch).count();
                String counts = trials.size() + " trials: " + (trials.size() - scratch) + " transfer, " + scratch + " scratch baselines";
                out.println(file + ": ok (" + (descriptor.experiment().seeds() instanceof SeedPlan.Sequential sequential
                        ? "at most " + counts + "; seeds are added until each strategy's verdict is decided, at least "
                                + sequential.start() + " and at most " + sequential.max() + " per strategy"
                        : counts) + ")");
            } catch (DescriptorException e) {
                invalid++;
                err.println(e.getMessage());
            } catch (GraftException e) {
                invalid++;
                err.println(file + ": " + e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return invalid == 0 ? 0 : Graft.USER_ERROR;
    }
}
