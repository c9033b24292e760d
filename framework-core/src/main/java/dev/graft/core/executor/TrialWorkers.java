package dev.graft.core.executor;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.sweep.Trial;
import dev.graft.core.train.EpochMetrics;
import dev.graft.spi.GraftException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code --executor workers} ({@code --workers N}): starts N worker JVMs ({@link TrialWorker})
 * with this JVM's class path and settings, sends each a trial at a time and hands every answer to
 * the caller on the calling thread, so the results database keeps a single writer. A worker that
 * dies fails its trial (recorded, the sweep goes on) and is replaced. Workers read the data and
 * the pretrained backbones from this machine's files.
 */
public final class TrialWorkers implements TrialExecutor {
    /** Its factory, found with ServiceLoader. */
    public static final class Factory implements TrialExecutorFactory {
        public static final String NAME = "workers";
        /** Option: worker processes. */
        public static final String WORKERS = "workers";
        /** Option: PyTorch threads per operation in each worker (default: cores / workers). */
        public static final String THREADS = "threads";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "trials train in --workers N processes on this machine, one trial each at a time";
        }


        @Override
        public void check(java.util.Map<String, String> options) {
            for (String key : options.keySet()) {
                if (!key.equals(WORKERS) && !key.equals(THREADS)) {
                    throw new GraftException("the workers executor has no option '" + key + "' (it takes workers and threads)");
                }
            }
        }

        @Override
        public TrialExecutor start(ExecutorSetup setup) throws IOException {
            int count = setup.positiveOption(WORKERS, 2);
            // the cores are shared out: each worker's operations get cores / workers threads unless --threads says otherwise
            int threads = setup.positiveOption(THREADS, Math.max(1, Runtime.getRuntime().availableProcessors() / count));
            return new TrialWorkers(count, setup.trials(), setup.job().withThreads(threads), setup);
        }
    }

    private record Event(Worker worker, String line) {}

    private final ObjectMapper json = new ObjectMapper();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final ExecutorSetup failures;
    private final Path jobFile;
    private final int threads;
    private final List<Worker> workers = new ArrayList<>();

    /**
     * Starts the worker processes at once, so that their start-up (a JVM, PyTorch, the plugins,
     * the data) overlaps whatever the orchestrator does before the trials (pretraining,
     * similarity metrics).
     *
     * @param count worker processes wanted
     * @param trials trials there will be to run (no more workers than trials are started)
     * @param job what a worker needs to rebuild the run
     * @param failures builds the records of trials whose worker died
     * @throws IOException if the job file cannot be written or a process cannot start
     */
    TrialWorkers(int count, int trials, TrialJob job, ExecutorSetup failures) throws IOException {
        this.failures = failures;
        this.jobFile = Path.of(job.outDir()).resolve("worker-job.json");
        this.threads = job.threads();
        Files.writeString(jobFile, json.writeValueAsString(job), StandardCharsets.UTF_8);
        try {
            for (int i = 0; i < Math.max(1, Math.min(count, trials)); i++) {
                workers.add(new Worker(i, jobFile));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Trains the trials, the longest first as far as their specs tell (labelled examples per class
     * times epochs; plan order among equals), so that the round does not end with one worker
     * training a long trial while the others wait. The order trials start in changes none of
     * their numbers: each draws only from its own seeds.
     */
    @Override
    public void run(List<Trial> trials, TrialInputs inputs, RunListener listener, Finisher finisher) throws IOException {
        Deque<Trial> pending = new ArrayDeque<>(longestFirst(trials));
        try {
            for (Worker worker : workers) {
                assign(worker, pending, listener);
            }
            int outstanding = trials.size();
            while (outstanding > 0) {
                Event event = events.take();
                Worker worker = event.worker();
                Trial trial = worker.current;
                if (trial == null) {
                    continue;
                }
                TrialRecord record;
                if (event.line() == null) {
                    // the worker died: its trial fails, a new worker takes over
                    record = failures.failed(trial, "the worker process running this trial exited (code "
                            + worker.exitCode() + "); see the run's output for its messages");
                    workers.set(workers.indexOf(worker), worker = new Worker(worker.index, jobFile));
                } else if (event.line().startsWith("EPOCH ")) {
                    int space = event.line().indexOf(' ', 6);
                    if (space > 0 && event.line().substring(6, space).equals(trial.id())) {
                        listener.epochFinished(trial, json.readValue(event.line().substring(space + 1), EpochMetrics.class));
                    }
                    continue;
                } else if (event.line().startsWith("DONE ")) {
                    record = json.readValue(event.line().substring(5), TrialRecord.class);
                    if (!record.trialId().equals(trial.id())) {
                        throw new IllegalStateException("worker answered " + record.trialId() + " for " + trial.id());
                    }
                } else {
                    continue;
                }
                worker.current = null;
                outstanding--;
                finisher.finished(trial, record);
                assign(worker, pending, listener);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraftException("interrupted while waiting for the worker processes", e);
        }
    }

    @Override
    public java.util.OptionalInt threads() {
        return java.util.OptionalInt.of(threads);
    }

    /** Ends every worker (their input closes; they exit after the trial they run, if any) and removes the job file. */
    @Override
    public void close() {
        for (Worker worker : workers) {
            worker.close();
        }
        try {
            Files.deleteIfExists(jobFile);
        } catch (IOException e) {
            // a leftover job file is harmless: the next run with workers overwrites it
        }
    }

    /** @return the trials ordered by expected training work, the most first; plan order among equals */
    static List<Trial> longestFirst(List<Trial> trials) {
        List<Trial> ordered = new ArrayList<>(trials);
        ordered.sort(java.util.Comparator.comparingLong((Trial t) -> (long) t.spec().samplesPerClass() * t.spec().train().epochs()).reversed());
        return ordered;
    }

    private static void assign(Worker worker, Deque<Trial> pending, RunListener listener) throws IOException {
        Trial next = pending.poll();
        if (next == null) {
            return;
        }
        worker.current = next;
        listener.trialStarted(next);
        worker.send("RUN " + next.id());
    }

    /** One worker JVM and the thread that reads its answers. */
    private final class Worker {
        final int index;
        final Process process;
        final Writer in;
        Trial current;

        Worker(int index, Path jobFile) throws IOException {
            this.index = index;
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                // this JVM's settings (-D properties, heap size), not its debugging or agent flags
                if (argument.startsWith("-D") || argument.startsWith("-Xmx") || argument.startsWith("-Xms")) {
                    command.add(argument);
                }
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(TrialWorker.class.getName());
            command.add(jobFile.toString());
            this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        events.add(new Event(this, line));
                    }
                } catch (IOException e) {
                    // the process is gone: reported below
                }
                events.add(new Event(this, null));
            }, "graft-worker-" + index);
            reader.setDaemon(true);
            reader.start();
        }

        void send(String line) throws IOException {
            try {
                in.write(line + "\n");
                in.flush();
            } catch (IOException e) {
                // a dead worker: its reader reports the end
            }
        }

        int exitCode() {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                // closing a dead worker's input
            }
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

}
