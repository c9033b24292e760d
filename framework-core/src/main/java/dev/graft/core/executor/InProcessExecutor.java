package dev.graft.core.executor;

import dev.graft.core.sweep.Trial;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code --executor in-process} (the default): trials train one after another in the orchestrator's own process. */
public final class InProcessExecutor implements TrialExecutor {
    private final TrialHost host;
    private final Path trialsDir;

    private InProcessExecutor(TrialHost host, Path trialsDir) {
        this.host = host;
        this.trialsDir = trialsDir;
    }

    /** Its factory, found with ServiceLoader. */
    public static final class Factory implements TrialExecutorFactory {
        public static final String NAME = "in-process";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "trials train one after another in this process (the default)";
        }


        @Override
        public TrialExecutor start(ExecutorSetup setup) {
            return new InProcessExecutor(setup.local(), Path.of(setup.job().outDir()).resolve("trials"));
        }
    }

    @Override
    public void run(List<Trial> trials, TrialInputs inputs, RunListener listener, Finisher finisher) throws IOException {
        for (Trial trial : trials) {
            listener.trialStarted(trial);
            finisher.finished(trial, host.run(trial, inputs.of(trial), trialsDir.resolve(trial.id()), epoch -> listener.epochFinished(trial, epoch)));
        }
    }

    @Override
    public void close() {}
}
