package dev.graft.spark;

import dev.graft.spi.GraftException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code --spark-master 'embedded[N]'}: a Spark standalone cluster on this machine for the length
 * of a run, started from Graft's own class path (no Spark installation): a Master and a Worker as
 * child JVMs on 127.0.0.1, the Worker offering N executors of {@code spark.task.cpus} cores each.
 * Their logs, and each executor's, stay in the directory given (the run's {@code spark/}).
 */
final class EmbeddedCluster implements AutoCloseable {
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final String masterUrl;

    /**
     * @param executors executors the Worker offers
     * @param coresEach cores per executor ({@code spark.task.cpus})
     * @param memoryEachMb heap of each executor, MiB
     * @param dir where the Spark home stub, the Worker's work directory and the logs go
     * @param classPath the class path the daemons and executors start from
     * @throws IOException if a daemon cannot start or does not come up within a minute
     */
    EmbeddedCluster(int executors, int coresEach, int memoryEachMb, Path dir, String classPath) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("spark-home").resolve("jars"));
        Files.createDirectories(dir.resolve("work"));
        int port = freePort();
        this.masterUrl = "spark://127.0.0.1:" + port;
        try {
            Process master = launch("master", classPath, "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0");
            awaitPort(port, master, "master");
            launch("worker", classPath, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--webui-port", "0",
                    "--cores", Integer.toString(executors * coresEach), "--memory", (executors * memoryEachMb) + "m",
                    "--work-dir", dir.resolve("work").toString(), masterUrl);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return the Master's URL, {@code spark://127.0.0.1:PORT} */
    String masterUrl() {
        return masterUrl;
    }

    /** @return the Worker's work directory: one directory per application, each executor's stdout and stderr inside */
    Path workDir() {
        return dir.resolve("work");
    }

    /** The environment every Spark process of an embedded cluster needs: loopback only, the empty Spark home, Scala 2.13. */
    static Map<String, String> environment(Path sparkHome) {
        return Map.of("SPARK_LOCAL_IP", "127.0.0.1", "SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13");
    }

    private Process launch(String name, String classPath, String main, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(classPath);
        command.add(ParentWatch.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(main);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().putAll(environment(dir.resolve("spark-home")));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void awaitPort(int port, Process process, String name) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new GraftException("the embedded Spark " + name + " exited (code " + process.exitValue() + "): " + logTail(name));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new GraftException("interrupted while the embedded Spark " + name + " started", interrupted);
                }
            }
        }
        throw new GraftException("the embedded Spark " + name + " did not listen on 127.0.0.1:" + port + " within a minute: " + logTail(name));
    }

    /** @return the last lines of a daemon's log, for a message */
    String logTail(String name) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the Worker (its executors with it), then the Master. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
