package dev.graft.spark;

import dev.graft.core.executor.ExecutorSetup;
import dev.graft.core.executor.TrialExecutor;
import dev.graft.core.executor.TrialExecutorFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code --executor spark}: trials train as Spark tasks, one per executor JVM at a time.
 * Options: {@code spark.master} ({@code --spark-master}: {@code embedded[N]}, {@code spark://HOST:PORT},
 * {@code local-cluster[N,C,M]}, {@code yarn}, {@code k8s://...}, or whatever {@code spark-submit}
 * set), any other {@code spark.*} setting ({@code --spark-conf KEY=VALUE}), and {@code threads}
 * (PyTorch threads per operation; default {@code spark.task.cpus}).
 */
public final class SparkExecutorFactory implements TrialExecutorFactory {
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "trials train as tasks on a Spark cluster (--spark-master embedded[N], spark://HOST:PORT, or spark-submit's), "
                + "one trial per executor at a time";
    }

    @Override
    public void check(Map<String, String> options) {
        SparkSettings.of(options, "graft", false);
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                Flag.value("--spark-master", "URL", "with --executor spark: embedded[N] (a Spark cluster of N executors on this machine "
                        + "for the run), spark://HOST:PORT, or what spark-submit set", "spark.master"),
                Flag.keyValue("--spark-conf", "with --executor spark: a Spark setting, e.g. spark.task.cpus=2 (repeatable)", "spark.",
                        "spark.task.cpus=2"));
    }

    @Override
    public TrialExecutor start(ExecutorSetup setup) throws IOException {
        return SparkTrialExecutor.start(setup);
    }
}
