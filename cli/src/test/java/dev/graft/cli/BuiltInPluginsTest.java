package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.spi.GraftModule;
import dev.graft.testkit.BuiltInPlugins;
import dev.graft.testkit.ModuleUnderTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The test kit's list of Graft's own plugin names is what Graft's plugins bind, so external contracts check against the truth. */
class BuiltInPluginsTest {
    static final Path FILE = Path.of("..", "testkit", "src", "main", "resources", "dev", "graft", "testkit", BuiltInPlugins.RESOURCE);

    @Test
    void theTestKitListsEveryBuiltInPlugin() throws IOException {
        List<String> lines = new ArrayList<>();
        for (ServiceLoader.Provider<GraftModule> provider : ServiceLoader.load(GraftModule.class).stream().toList()) {
            if (provider.type().getName().startsWith("dev.graft.")) {
                new ModuleUnderTest(provider.get()).bound().forEach(b ->
                        lines.add(new BuiltInPlugins.Entry(b.family().label(), b.key(), provider.type().getName()).line()));
            }
        }
        lines.sort(null);
        List<String> recorded = Files.readAllLines(FILE).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        if (!recorded.equals(lines) && Boolean.getBoolean("graft.writeBuiltInPlugins")) {
            List<String> out = new ArrayList<>(Files.readAllLines(FILE).stream().filter(l -> l.startsWith("#")).toList());
            out.addAll(lines);
            Files.write(FILE, out);
            recorded = lines;
        }
        assertEquals(lines, recorded, FILE + " is stale: run ./mvnw -o test -pl cli -Dtest=BuiltInPluginsTest "
                + "-Dgraft.writeBuiltInPlugins=true, then rebuild the test kit");
    }
}
