package dev.graft.cli;

import dev.graft.reports.ReportWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graft report}: regenerates a run's report from its store. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate RUN_DIR/report/ (index.html, report.md, results.csv, results.json) from RUN_DIR/results.db. Never trains.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "a run directory")
    Path runDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ReportWriter.Written report = ReportWriter.write(runDir);
        dev.graft.reports.TextReport.verdictTable(report).forEach(spec.commandLine().getOut()::println);
        report.warnings().forEach(w -> spec.commandLine().getOut().println("graft: warning: " + w));
        spec.commandLine().getOut().println("graft: report in " + report.dir().resolve("index.html"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
