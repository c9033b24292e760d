package dev.graft.cli;

import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.run.RunListener;
import dev.graft.core.sweep.Trial;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress: a progress bar on an interactive terminal, one plain line per trial
 * otherwise (CI logs, pipes).
 */
final class Progress implements RunListener, AutoCloseable {
    private final PrintWriter out;
    private final boolean interactive;
    private ProgressBar bar;
    private int total;
    private int done;

    private Progress(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    static Progress create(PrintWriter out) {
        boolean interactive = System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
        return new Progress(out, interactive);
    }

    @Override
    public void info(String message) {
        out.println("graft: " + message);
        out.flush();
    }

    @Override
    public void trialsPlanned(int total, int alreadyFinished) {
        this.total = total;
        this.done = alreadyFinished;
        info(total + " trials planned" + (alreadyFinished > 0 ? ", " + alreadyFinished + " finished by an earlier run (skipped)" : ""));
    }

    @Override
    public void trialStarted(Trial trial) {
        if (interactive && bar == null) {
            bar = new ProgressBarBuilder().setTaskName("trials").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).build();
            bar.stepTo(done);
        }
        if (bar != null) {
            bar.setExtraMessage(trial.spec().kind() + " " + trial.labels() + " n=" + trial.spec().samplesPerClass());
        }
    }

    @Override
    public void trialFinished(Trial trial, TrialRecord record) {
        done++;
        String line = String.format(Locale.ROOT, "[%d/%d] %s %s, %d/class, seed %d: %s (%.1fs)", done, total, trial.spec().kind(),
                trial.labels(), trial.spec().samplesPerClass(), trial.spec().seed(),
                record.status() == TrialStatus.finished
                        ? String.format(Locale.ROOT, "test accuracy %.4f, best epoch %d of %d", record.testAccuracy(), record.bestEpoch(), record.epochsRun())
                        : "FAILED: " + record.error(),
                record.trainSeconds());
        if (bar != null) {
            bar.step();
            if (record.status() == TrialStatus.failed) {
                System.err.println();
                System.err.println(line);
            }
        } else {
            out.println(line);
            out.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
