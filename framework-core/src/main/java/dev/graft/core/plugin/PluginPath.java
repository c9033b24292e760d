package dev.graft.core.plugin;

import dev.graft.spi.GraftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Plugin jars from outside Graft's own class path: every {@code *.jar} in the plugin directories
 * ({@code --plugins DIR}, {@code GRAFT_PLUGIN_PATH}, {@code $GRAFT_HOME/plugins}) or named
 * directly. Their modules are found with {@link java.util.ServiceLoader} in a class loader over
 * these jars whose parent is Graft's own, so a plugin sees Graft's SPI and libraries, and a jar
 * cannot replace a class Graft has.
 *
 * @param searched the directories and jars looked in, for messages ("plugins are loaded from ...")
 * @param jars the jars found, absolute, in the order given (a directory's jars by file name)
 */
public record PluginPath(List<Path> searched, List<Path> jars) {
    /** Graft's own class path only. */
    public static final PluginPath NONE = new PluginPath(List.of(), List.of());

    /** The environment variable of extra plugin directories or jars, separated like a class path. */
    public static final String ENV = "GRAFT_PLUGIN_PATH";

    /** One class loader per list of jars in a process, so that a plugin's classes are loaded once. */
    private static final Map<List<Path>, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    public PluginPath {
        searched = List.copyOf(searched);
        jars = List.copyOf(jars);
    }

    /**
     * @param entries directories (their {@code *.jar} files, by name) and jar files
     * @param required whether an entry that does not exist is an error (one the user named) or
     *     is skipped (the default directory)
     * @param origin what named the entries, for messages ({@code --plugins}, {@code GRAFT_PLUGIN_PATH})
     * @return the plugin path
     * @throws GraftException naming the entry and where it came from
     */
    public static PluginPath of(List<Path> entries, boolean required, String origin) {
        List<Path> searched = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        for (Path entry : entries) {
            Path absolute = entry.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                searched.add(absolute);
                try (Stream<Path> files = Files.list(absolute)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().forEach(jars::add);
                } catch (IOException e) {
                    throw new GraftException(origin + " " + entry + ": the directory cannot be read (" + e.getMessage() + ")", e);
                }
            } else if (Files.isRegularFile(absolute) && absolute.getFileName().toString().endsWith(".jar")) {
                searched.add(absolute);
                jars.add(absolute);
            } else if (required) {
                throw new GraftException(origin + " " + entry + ": " + (Files.exists(absolute) ? "not a directory or a .jar file"
                        : "no such directory or jar") + " (a plugin directory holds plugin jars: docs/writing-a-plugin.md)");
            }
        }
        return new PluginPath(searched, jars);
    }

    /**
     * @param jars jar files, as a run's job carries them to another process
     * @return the plugin path of exactly these jars
     */
    public static PluginPath ofJars(List<Path> jars) {
        List<Path> absolute = jars.stream().map(j -> j.toAbsolutePath().normalize()).toList();
        return new PluginPath(absolute, absolute);
    }

    /**
     * @param other another plugin path
     * @return this one's entries, then the other's (a jar found twice is kept once)
     */
    public PluginPath and(PluginPath other) {
        List<Path> s = new ArrayList<>(searched);
        other.searched.stream().filter(p -> !s.contains(p)).forEach(s::add);
        List<Path> j = new ArrayList<>(jars);
        other.jars.stream().filter(p -> !j.contains(p)).forEach(j::add);
        return new PluginPath(s, j);
    }

    /** @return the class loader the plugins are found in: Graft's own when there are no jars */
    public ClassLoader classLoader() {
        ClassLoader graft = PluginPath.class.getClassLoader();
        if (jars.isEmpty()) {
            return graft;
        }
        return LOADERS.computeIfAbsent(jars, list -> {
            URL[] urls = new URL[list.size()];
            for (int i = 0; i < urls.length; i++) {
                try {
                    urls[i] = list.get(i).toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new URLClassLoader("graft-plugins", urls, graft);
        });
    }

    /** @return where plugins are loaded from, for messages */
    public String describe() {
        String own = "Graft's class path";
        return searched.isEmpty() ? own : own + " and " + String.join(", ", searched.stream().map(Path::toString).toList());
    }
}
