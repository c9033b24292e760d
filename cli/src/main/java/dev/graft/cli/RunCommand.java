package dev.graft.cli;

import dev.graft.core.descriptor.Descriptor;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.run.ExperimentRunner;
import dev.graft.core.executor.TrialExecutorFactory;
import dev.graft.core.executor.TrialExecutors;
import dev.graft.core.trial.LibraryLogging;
import dev.graft.core.run.RunSummary;
import dev.graft.reports.ReportWriter;
import java.io.PrintWriter;
import dev.graft.spi.GraftException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graft run}: runs (or resumes) an experiment and writes its report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment descriptor: pretrain (cached), compute similarity metrics, run every trial beside its "
                + "scratch baseline, record results in <out>/results.db and write <out>/report/.",
                "Re-running the same descriptor resumes: finished trials are skipped."})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Mixin
    PluginOptions pluginOptions = new PluginOptions();

    @Parameters(paramLabel = "DESCRIPTOR", description = "the experiment descriptor (YAML)")
    Path descriptor;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: runs/<name>)")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "a directory to look for datasets in first (repeatable)")
    List<Path> dataDirs = new ArrayList<>();

    @Option(names = "--cache", paramLabel = "DIR", description = "cache of pretrained backbones (default: $GRAFT_HOME/cache, ~/.graft/cache)")
    Path cache;

    @Option(names = "--workers", paramLabel = "N", description = "trials run in N worker processes at a time (default: 1, one after another "
            + "here; with --threads T below the core count, as many as fill the cores)")
    Integer workers;

    @Option(names = "--executor", paramLabel = "NAME", description = "where trials train: in-process (default), workers (--workers N), "
            + "spark (--spark-master); see docs/running.md")
    String executor;

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch threads per operation (default: one per core); the count changes results at the last bits")
    Integer threads;

    @Option(names = "--no-feature-cache", description = "compute a frozen backbone's features in every batch instead of once per backbone and dataset")
    boolean noFeatureCache;

    @Option(names = "--verbose", description = "also show libraries' information lines (DJL, Tribuo); by default only their warnings and errors")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LibraryLogging.configure(verbose);
        PrintWriter stdout = spec.commandLine().getOut();
        Plugins plugins = pluginOptions.discover();
        Descriptor parsed = new DescriptorReader(plugins).read(descriptor);
        Path runDir = out != null ? out : Path.of("runs", parsed.experiment().name());
        Path cacheDir = cache != null ? cache : Locations.cacheDir();
        if (threads != null) {
            if (threads < 1) {
                throw new GraftException("--threads must be at least 1, got " + threads);
            }
            dev.graft.core.trial.Environment.setIntraOpThreads(threads);
        }
        if (workers != null && workers < 1) {
            throw new GraftException("--workers must be at least 1, got " + workers);
        }
        if (workers == null && executor == null) {
            workers = defaultWorkers(threads, Runtime.getRuntime().availableProcessors(), physicalMemory());
            if (workers > 1) {
                stdout.println("graft: --threads " + threads + " on " + Runtime.getRuntime().availableProcessors() + " cores: trials train in "
                        + workers + " worker processes, with the numbers of a run here (--workers 1 keeps them in this process)");
            }
        }
        String executorName = executor != null ? executor : workers > 1 ? "workers" : "in-process";
        Map<String, String> options = executorOptions(executorName);
        stdout.println("graft: running " + descriptor + " into " + runDir);
        RunSummary summary;
        // Ctrl-C: the store keeps every finished trial and checkpoints hold the epochs of the running ones
        Thread interrupted = new Thread(() -> {
            System.err.println();
            System.err.println("graft: interrupted; run the same command again to resume (finished trials are kept, "
                    + "an interrupted trial continues from its last finished epoch)");
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        try (Progress progress = Progress.create(stdout)) {
            summary = new ExperimentRunner(plugins).featureCache(!noFeatureCache).executor(executorName, options).verbose(verbose).run(parsed, runDir, cacheDir, Locations.dataContext(dataDirs, descriptor), progress);
        } finally {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        }
        ReportWriter.Written report = ReportWriter.write(runDir);
        stdout.println(String.format(Locale.ROOT, "graft: %d trials planned, %d already finished, %d finished now, %d failed, in %.1fs",
                summary.planned(), summary.skipped(), summary.finished(), summary.failed(), summary.seconds()));
        List<String> table = dev.graft.reports.TextReport.verdictTable(report);
        if (!table.isEmpty()) {
            stdout.println("graft: results (" + report.intervalMethod() + " of the gain over scratch):");
            table.forEach(stdout::println);
            stdout.println("graft: verdicts: " + report.verdictCounts());
            if (report.rule().control() != dev.graft.core.stats.ErrorControl.none) {
                stdout.println("graft: verdicts under " + report.rule().control() + " control at " + report.rule().level() + ": "
                        + report.controlledCounts());
            }
        }
        report.warnings().forEach(w -> stdout.println("graft: warning: " + w));
        stdout.println("graft: report in " + report.dir().resolve("index.html") + " (also report.md, results.csv, results.json)");
        stdout.flush();
        return 0;
    }

    /** Memory a worker process is given room for when Graft chooses how many to start. */
    static final long WORKER_MEMORY = 2L << 30;

    /**
     * How many worker processes a run gets when neither {@code --workers} nor {@code --executor}
     * says: one (this process, PyTorch using every core inside each operation) unless
     * {@code --threads T} leaves cores idle, then as many as fill them, T threads each, as far as
     * memory allows {@link #WORKER_MEMORY} each. Either way the numbers are those of a sequential
     * run with the same threads per operation.
     *
     * @param threads {@code --threads}, or null
     * @param cores the machine's cores
     * @param memory the machine's physical memory in bytes
     * @return the workers
     */
    static int defaultWorkers(Integer threads, int cores, long memory) {
        if (threads == null || threads >= cores) {
            return 1;
        }
        return (int) Math.max(1, Math.min(cores / threads, memory / WORKER_MEMORY));
    }

    private static long physicalMemory() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : Long.MAX_VALUE;
    }

    /** The chosen executor's options from the command line; an option meant for another executor is refused. */
    private Map<String, String> executorOptions(String name) {
        Map<String, String> options = new LinkedHashMap<>();
        if (workers != null && workers > 1 && !name.equals("workers")) {
            throw new GraftException("--workers " + workers + " runs trials in local worker processes; it cannot be combined with --executor " + name);
        }
        if (name.equals("workers")) {
            options.put("workers", Integer.toString(workers != null && workers > 1 ? workers : 2));
        }
        if (threads != null) {
            options.put("threads", Integer.toString(threads));
        }
        // each executor's own flags: given with another executor, they are refused naming the one they configure
        for (TrialExecutorFactory factory : TrialExecutors.all().values()) {
            for (TrialExecutorFactory.Flag flag : factory.flags()) {
                List<String> values = values(flag);
                if (values.isEmpty()) {
                    continue;
                }
                if (!factory.name().equals(name)) {
                    List<String> flags = factory.flags().stream().map(TrialExecutorFactory.Flag::name).toList();
                    throw new GraftException(String.join(" and ", flags) + (flags.size() > 1 ? " configure" : " configures") + " --executor "
                            + factory.name() + ", not --executor " + name);
                }
                values.forEach(value -> flag.apply(value, options));
            }
        }
        return options;
    }

    /** The values given for an executor's flag, which {@link #addExecutorFlags} added to this command. */
    private List<String> values(TrialExecutorFactory.Flag flag) {
        CommandLine.Model.OptionSpec option = spec.findOption(flag.name());
        Object value = option == null ? null : option.getValue();
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    /**
     * Adds every trial executor's own flags ({@link TrialExecutorFactory#flags()}) to {@code graft run}.
     *
     * @param run the run command's spec
     * @throws GraftException if two executors declare one flag, or one takes a flag of Graft's
     */
    static void addExecutorFlags(CommandLine.Model.CommandSpec run) {
        for (TrialExecutorFactory factory : TrialExecutors.all().values()) {
            for (TrialExecutorFactory.Flag flag : factory.flags()) {
                if (run.findOption(flag.name()) != null) {
                    throw new GraftException("trial executor '" + factory.name() + "' declares " + flag.name() + ", which graft run already has");
                }
                CommandLine.Model.OptionSpec.Builder option = CommandLine.Model.OptionSpec.builder(flag.name())
                        .paramLabel(flag.label()).description(flag.description());
                run.addOption(flag.repeatable() ? option.type(List.class).auxiliaryTypes(String.class).build()
                        : option.type(String.class).build());
            }
        }
    }
}
