package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftModule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Plugins compile against graft-spi alone (their poms have no graft-core, so the build enforces
 * it); this checks that the installed application finds all eleven through ServiceLoader and that no
 * plugin class names a core, report or CLI class (as a string for reflection, say).
 */
class PluginIsolationTest {
    @Test
    void pluginClassesReferenceNoCoreInternals() throws IOException, URISyntaxException {
        List<String> violations = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        for (GraftModule module : ServiceLoader.load(GraftModule.class)) {
            modules.add(module.getClass().getName());
            scan(module.getClass(), List.of("dev/graft/core/", "dev/graft/reports/", "dev/graft/cli/"), violations);
        }
        assertEquals(13, modules.size(), "all plugin modules are on the class path: " + modules);
        assertTrue(violations.isEmpty(), "plugins use core internals:\n" + String.join("\n", violations));
    }

    @Test
    void theCoreAndTheModalitiesKnowNothingOfEachOther() throws IOException, URISyntaxException {
        List<String> violations = new ArrayList<>();
        // the core is modality-free: each modality is a module under modalities/, beside the plugins
        scan(dev.graft.core.trial.TrialRunner.class, List.of("dev/graft/image/", "dev/graft/text/"), violations);
        scan(dev.graft.image.LabeledImages.class, List.of("dev/graft/core/", "dev/graft/reports/", "dev/graft/cli/", "dev/graft/text/"), violations);
        scan(dev.graft.text.LabeledTokens.class, List.of("dev/graft/core/", "dev/graft/reports/", "dev/graft/cli/", "dev/graft/image/"), violations);
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /** Scans the jar or class directory {@code member} was loaded from. */
    private static void scan(Class<?> member, List<String> forbidden, List<String> violations) throws IOException, URISyntaxException {
        Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            scan(location, forbidden, violations);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                scan(jar.getPath("/"), forbidden, violations);
            }
        }
    }

    private static void scan(Path root, List<String> forbidden, List<String> violations) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    // class names in the constant pool are stored in internal form (dev/graft/core/...)
                    String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    for (String internal : forbidden) {
                        if (text.contains(internal)) {
                            violations.add(file + " refers to " + internal);
                        }
                    }
                }
            }
        }
    }
}
