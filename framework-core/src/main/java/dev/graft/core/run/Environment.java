package dev.graft.core.run;

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
                "PyTorch".equals(engine.getEngineName()) ? Integer.toString(ai.djl.pytorch.jni.JniUtils.getNumThreads()) : null,
                // and the vector code PyTorch's own kernels run (docs/determinism.md)
                System.getenv().getOrDefault("ATEN_CPU_CAPABILITY", "unset"));
    }
}
