package dev.graft.core.run;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** @return Graft, Java, OS, DJL and engine versions and the core count */
    public static Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("graft", graftVersion());
        facts.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        facts.put("djl", Engine.getDjlVersion());
        Engine engine = Engine.getInstance();
        facts.put("engine", engine.getEngineName() + " " + engine.getVersion());
        // oneDNN's kernel choice changes the numbers (see README: Determinism)
        facts.put("onednnMaxCpuIsa", System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "unset"));
        // so does the number of threads inside an operation
        if ("PyTorch".equals(engine.getEngineName())) {
            facts.put("intraOpThreads", Integer.toString(ai.djl.pytorch.jni.JniUtils.getNumThreads()));
        }
        return facts;
    }
}
