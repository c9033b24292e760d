package dev.graft.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The names Graft's own plugins take, per family, and the module of each: read from
 * {@code built-in-plugins.txt}, which ships with the test kit so that a plugin built outside
 * Graft can check its names without Graft's plugins on its class path. (Graft's tests keep the
 * file equal to what its plugins bind.)
 */
public final class BuiltInPlugins {
    /** The resource, one {@code family name module} line per plugin. */
    public static final String RESOURCE = "built-in-plugins.txt";

    /**
     * @param family the family's label
     * @param name the {@code type:} name
     * @param module the module's class name
     */
    public record Entry(String family, String name, String module) {
        /** @return the entry as its line */
        public String line() {
            return family + " " + name + " " + module;
        }
    }

    private BuiltInPlugins() {}

    /** @return every built-in plugin, as the file lists them */
    public static List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = BuiltInPlugins.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test kit");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.trim().split(" ");
                    entries.add(new Entry(parts[0], parts[1], parts[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
