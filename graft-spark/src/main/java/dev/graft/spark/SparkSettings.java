package dev.graft.spark;

import dev.graft.core.executor.ExecutorSetup;
import dev.graft.spi.GraftException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.network.util.JavaUtils;

/**
 * The Spark configuration of a run, from the executor's options: {@code spark.master}, any
 * other {@code spark.*} setting, {@code threads}. Over Spark's defaults it sets what trials need:
 * one trial per executor JVM at a time (DJL's PyTorch engine trains one model per JVM, so
 * {@code spark.executor.cores} equals {@code spark.task.cpus}); executors with the orchestrator's
 * oneDNN setting and offline flag (both change or guard the numbers); no web UI.
 */
final class SparkSettings {
    private static final Pattern EMBEDDED = Pattern.compile("embedded\\[(\\d+)]");
    /** The driver's settings that choose kernels and so change numbers: executors get them too (docs/determinism.md). */
    static final String[] DETERMINISM_VARIABLES = {"ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA", "ATEN_CPU_CAPABILITY"};
    private static final Pattern LOCAL_THREADS = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]");

    private final SparkConf conf;
    private final int embeddedExecutors;
    private final int taskCpus;
    private final int threads;
    private final int concurrentTrials;

    private SparkSettings(SparkConf conf, int embeddedExecutors, int taskCpus, int threads, int concurrentTrials) {
        this.conf = conf;
        this.embeddedExecutors = embeddedExecutors;
        this.taskCpus = taskCpus;
        this.threads = threads;
        this.concurrentTrials = concurrentTrials;
    }

    /**
     * @param options the executor's options
     * @param appName the application's name, unless spark.app.name says otherwise
     * @param verbose whether executors show libraries' information lines
     * @return the settings
     * @throws GraftException naming the option that cannot work
     */
    static SparkSettings of(Map<String, String> options, String appName, boolean verbose) {
        // under spark-submit, SparkConf reads the spark.* system properties it set (the master among them)
        SparkConf conf = new SparkConf(true);
        options.forEach((key, value) -> {
            if (key.startsWith("spark.")) {
                conf.set(key, value);
            } else if (!key.equals("threads")) {
                throw new GraftException("the spark executor has no option '" + key + "' (it takes spark.* settings and threads)");
            }
        });
        if (!conf.contains("spark.master")) {
            throw new GraftException("--executor spark needs --spark-master: embedded[N] (N executors on this machine), "
                    + "spark://HOST:PORT (a standalone cluster), or run Graft through spark-submit");
        }
        String master = conf.get("spark.master").strip();
        Matcher local = LOCAL_THREADS.matcher(master);
        if (local.matches() && !local.group(1).equals("1")) {
            throw new GraftException("--spark-master " + master + " runs trials as threads of one JVM, but DJL's PyTorch engine trains one "
                    + "model at a time per JVM; use embedded[N] for N executor JVMs on this machine");
        }
        Matcher embedded = EMBEDDED.matcher(master);
        int executors = 0;
        if (embedded.matches()) {
            executors = Integer.parseInt(embedded.group(1));
            if (executors < 1) {
                throw new GraftException("--spark-master " + master + ": an embedded cluster needs at least one executor");
            }
        } else if (master.startsWith("embedded")) {
            throw new GraftException("--spark-master " + master + ": write embedded[N], N the number of executors");
        }
        int taskCpus = positive(conf, "spark.task.cpus", "1");
        conf.setIfMissing("spark.executor.cores", Integer.toString(taskCpus));
        int executorCores = positive(conf, "spark.executor.cores", null);
        if (executorCores != taskCpus) {
            throw new GraftException("spark.executor.cores (" + executorCores + ") must equal spark.task.cpus (" + taskCpus + "): DJL's PyTorch "
                    + "engine trains one model at a time per JVM, so each executor runs one trial at a time; give a trial more "
                    + "cores with spark.task.cpus");
        }
        int threads = options.containsKey("threads") ? ExecutorSetup.positive("--threads", options.get("threads")) : taskCpus;
        boolean oneMachine = executors > 0 || master.startsWith("local");
        conf.setIfMissing("spark.app.name", appName);
        conf.setIfMissing("spark.ui.enabled", "false");
        if (oneMachine) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.executorEnv.SPARK_SCALA_VERSION", "2.13");
            conf.setIfMissing("spark.executorEnv.SPARK_TESTING", "1");
        }
        if (oneMachine || master.startsWith("spark://")) {
            // executors start from this class path: the same files on this machine, or at the same path on every worker
            conf.setIfMissing("spark.executor.extraClassPath", classPath());
        }
        for (String variable : DETERMINISM_VARIABLES) {
            String value = System.getenv(variable);
            if (value != null) {
                conf.setIfMissing("spark.executorEnv." + variable, value);
            }
        }
        StringBuilder javaOptions = new StringBuilder(conf.get("spark.executor.extraJavaOptions", ""));
        javaOptions.append(" -Djava.awt.headless=true -Dai.djl.offline=").append(System.getProperty("ai.djl.offline", "false"))
                .append(" -Dorg.slf4j.simpleLogger.defaultLogLevel=").append(verbose ? "info" : "warn");
        conf.set("spark.executor.extraJavaOptions", javaOptions.toString().strip());
        if (executors > 0) {
            conf.setIfMissing("spark.executor.memory", "2g");
            conf.setIfMissing("spark.cores.max", Integer.toString(executors * taskCpus));
        }
        int concurrent = positive(conf, "spark.graft.concurrentTrials", "64");
        return new SparkSettings(conf, executors, taskCpus, threads, concurrent);
    }

    private static int positive(SparkConf conf, String key, String otherwise) {
        return ExecutorSetup.positive(key, otherwise == null ? conf.get(key) : conf.get(key, otherwise));
    }

    /** @return this JVM's class path, as executors on this machine start from it */
    static String classPath() {
        String path = System.getProperty("java.class.path");
        // surefire may start tests from a manifest-only jar; its real class path is here
        String tests = System.getProperty("surefire.test.class.path");
        return tests != null && !tests.isBlank() ? tests : path;
    }

    SparkConf conf() {
        return conf;
    }

    /** @return N of {@code embedded[N]}, else 0 */
    int embeddedExecutors() {
        return embeddedExecutors;
    }

    int taskCpus() {
        return taskCpus;
    }

    int threads() {
        return threads;
    }

    int concurrentTrials() {
        return concurrentTrials;
    }

    int executorMemoryMb() {
        return (int) JavaUtils.byteStringAsMb(conf.get("spark.executor.memory", "2g"));
    }
}
