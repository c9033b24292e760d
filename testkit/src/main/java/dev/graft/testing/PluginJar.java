package dev.graft.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a plugin jar from a Maven project's {@code src/main/java} and {@code src/main/resources},
 * compiled against this JVM's class path, as {@code mvn package} would: for tests that install a
 * plugin written outside Graft into a plugin directory and run a sweep with it.
 */
public final class PluginJar {
    private PluginJar() {}

    /**
     * @param project the plugin project's directory
     * @param version its version, written as the manifest's {@code Implementation-Version}
     * @param jar the jar to write
     * @return the jar
     * @throws IllegalStateException if the sources do not compile (with javac's messages)
     */
    public static Path build(Path project, String version, Path jar) {
        try {
            Path classes = Files.createTempDirectory("plugin-classes");
            List<String> sources;
            try (Stream<Path> files = Files.walk(project.resolve("src/main/java"))) {
                sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new IllegalStateException("this JVM has no Java compiler (a JRE, not a JDK)");
            }
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                    "-cp", System.getProperty("java.class.path")));
            arguments.addAll(sources);
            java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
            if (javac.run(null, messages, messages, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("the plugin in " + project + " does not compile:\n" + messages);
            }
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                add(out, classes);
                Path resources = project.resolve("src/main/resources");
                if (Files.isDirectory(resources)) {
                    add(out, resources);
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(JarOutputStream out, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }
}
