package dev.graft.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where a plugin's classes came from: the jar (or class directory) and its version, and for a jar
 * from the plugin path its SHA-256, so that a trial's provenance names the exact plugin build.
 *
 * @param location the jar's or directory's path, or "unknown"
 * @param version the jar's {@code Implementation-Version}, else the version in its Maven
 *     {@code pom.properties}, else {@code unpackaged} (class directories, jars with neither)
 * @param sha256 the jar's SHA-256 when it came from the plugin path, else null
 */
public record PluginOrigin(String location, String version, String sha256) {
    private static final Map<String, PluginOrigin> BY_LOCATION = new ConcurrentHashMap<>();

    /**
     * @param type a plugin class
     * @return where it was loaded from
     */
    public static PluginOrigin of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return new PluginOrigin("unknown", "unpackaged", null);
        }
        Path path;
        try {
            path = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new PluginOrigin(source.getLocation().toString(), "unpackaged", null);
        }
        boolean external = type.getClassLoader() != PluginOrigin.class.getClassLoader();
        String implementation = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return BY_LOCATION.computeIfAbsent(path + (external ? " external" : ""), key -> {
            String version = implementation != null ? implementation : Files.isRegularFile(path) ? pomVersion(path, type.getName()) : null;
            return new PluginOrigin(path.toString(), version == null ? "unpackaged" : version,
                    external && Files.isRegularFile(path) ? dev.graft.spi.Sha256.of(path) : null);
        });
    }

    /**
     * The version in the jar's Maven descriptor: its only {@code pom.properties}, or in a jar that
     * bundles several (a shaded jar), the one whose group id the class's package starts with.
     */
    private static String pomVersion(Path jar, String className) {
        List<Properties> found = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        Properties properties = new Properties();
                        properties.load(in);
                        found.add(properties);
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        if (found.size() == 1) {
            return found.get(0).getProperty("version");
        }
        return found.stream().filter(p -> p.getProperty("groupId") != null && className.startsWith(p.getProperty("groupId") + "."))
                .map(p -> p.getProperty("version")).findFirst().orElse(null);
    }
}
