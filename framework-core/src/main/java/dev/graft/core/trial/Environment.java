package dev.graft.core.trial;

import ai.djl.engine.Engine;
import dev.graft.core.provenance.EnvironmentProvenance;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions and machine facts recorded in every trial's provenance. */
public final class Environment {
    private Environment() {}

    /** @return Graft's version, from the build */
    public static String graftVersion() {
        try (InputStream in = Environment.class.getResourceAsStream("/dev/graft/core/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** @return Graft, Java, OS, DJL and engine versions, the core count and the settings that change numbers */
    public static EnvironmentProvenance describe() {
        Engine engine = Engine.getInstance();
        return new EnvironmentProvenance(graftVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Integer.toString(Runtime.getRuntime().availableProcessors()), Engine.getDjlVersion(),
                engine.getEngineName() + " " + engine.getVersion(),
                // oneDNN's kernel choice changes the numbers (see README: Determinism)
                System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "unset"),
                // so does the number of threads inside an operation
                isPyTorch() ? Integer.toString(intraOpThreads()) : null,
                // and the vector code PyTorch's own kernels run (docs/determinism.md)
                System.getenv().getOrDefault("ATEN_CPU_CAPABILITY", "unset"));
    }

    private static boolean isPyTorch() {
        return "PyTorch".equals(Engine.getInstance().getEngineName());
    }

    /** @return PyTorch's threads per operation in this process (1 on another engine); the count changes numbers at the last bits */
    public static int intraOpThreads() {
        return isPyTorch() ? ai.djl.pytorch.jni.JniUtils.getNumThreads() : 1;
    }

    /**
     * Sets PyTorch's threads per operation in this process (loading the engine first; nothing on
     * another engine).
     *
     * @param threads the count
     */
    public static void setIntraOpThreads(int threads) {
        if (isPyTorch()) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
    }

    /**
     * Sets PyTorch's threads per operation in this process until the returned scope closes, which
     * restores the count before it.
     *
     * @param threads the count wanted, or empty to leave it as it is
     * @return the scope
     */
    public static ThreadsScope useIntraOpThreads(java.util.OptionalInt threads) {
        int before = intraOpThreads();
        if (threads.isPresent() && threads.getAsInt() != before) {
            setIntraOpThreads(threads.getAsInt());
            return () -> setIntraOpThreads(before);
        }
        return () -> {};
    }

    /** A thread count in force until closed. */
    @FunctionalInterface
    public interface ThreadsScope extends AutoCloseable {
        @Override
        void close();
    }
}
