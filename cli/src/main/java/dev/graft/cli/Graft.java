package dev.graft.cli;

import dev.graft.spi.GraftException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point: dispatches to the subcommands and turns user errors into exit code 2. */
@Command(name = "graft", mixinStandardHelpOptions = true, versionProvider = GraftVersion.class,
        description = "Transfer-learning experiments on the JVM: sweep strategies beside from-scratch baselines and report the gains.",
        footer = {"", "Example:", "  graft run experiments/descriptors/quickstart.yaml     (report in runs/quickstart/report/index.html)",
            "  graft validate my-experiment.yaml", "",
            "Bundled descriptors: experiments/descriptors/. Guide: README.md; descriptor reference: docs/descriptor.md."},
        subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, ReportCommand.class, CompareCommand.class, StatusCommand.class, ScoreCommand.class,
                CommandLine.HelpCommand.class})
public final class Graft implements Runnable {
    /** Exit code of user errors: bad descriptor, missing file, unknown plugin. */
    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * @param args the command line
     * @return the exit code
     */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * @param out standard output
     * @param err standard error
     * @param args the command line
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Graft());
        RunCommand.addExecutorFlags(commandLine.getSubcommands().get("run").getCommandSpec());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // a mistyped flag or value: one line and where the help is, not the whole help
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine cl = e.getCommandLine();
            cl.getErr().println("graft: " + e.getMessage());
            cl.getErr().println("see '" + cl.getCommandSpec().qualifiedName() + " --help'");
            cl.getErr().flush();
            return USER_ERROR;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            if (e instanceof GraftException) {
                cl.getErr().println("graft: " + e.getMessage());
                cl.getErr().flush();
                return USER_ERROR;
            }
            throw e;
        });
        return commandLine.execute(args);
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
