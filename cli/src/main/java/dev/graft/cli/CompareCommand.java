package dev.graft.cli;

import dev.graft.reports.CompareReport;
import dev.graft.spi.GraftException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graft compare}: several runs' summaries side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Put the summaries of several runs side by side: the same strategies on two datasets, or two versions of one experiment.",
            "Rows are matched by strategy labels and labels per class. Writes OUT/index.html and OUT/compare.md; never trains."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", arity = "2..*", description = "run directories (each with results.db)")
    List<Path> runDirs;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the comparison (default: runs/compare)")
    Path out = Path.of("runs", "compare");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (runDirs.stream().distinct().count() < runDirs.size()) {
            throw new GraftException("a run directory is listed twice");
        }
        CompareReport.write(runDirs, out).forEach(stdout::println);
        stdout.println("graft: comparison in " + out.resolve("index.html") + " (also compare.md)");
        stdout.flush();
        return 0;
    }
}
