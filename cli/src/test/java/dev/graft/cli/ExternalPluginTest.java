package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.cli.GraftCliTest.Result;
import dev.graft.core.plugin.PluginPath;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.spi.Sha256;
import dev.graft.testing.PluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin written outside Graft (the committed example under examples/cosine-head, built as its
 * pom builds it) installed into a plugin directory, with no edit to Graft: listed, validated and
 * swept in process and in worker processes, with the same numbers; its jar's version and SHA-256
 * in every trial's provenance. (The same jar on Spark: graft-spark's SparkExecutorTest.)
 */
class ExternalPluginTest {
    static final Path EXAMPLE = Path.of("..", "examples", "cosine-head");

    @TempDir
    static Path shared;
    static Path plugins;
    static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void install() {
        plugins = shared.resolve("plugins");
        jar = PluginJar.build(EXAMPLE, "1.0.0", plugins.resolve("graft-cosine-head-1.0.0.jar"));
    }

    static final String SWEEP = GraftCliTest.TINY.replace("seeds: [1, 2]", "seeds: [1]")
            .replace("head: [{type: linear}]", "head: [{type: cosine, temperature: 10}]")
            .replace("similarity: [{type: mmd}, {type: linear-cka}]\n", "");

    private Result run(String name, String... extra) throws IOException {
        Path descriptor = Files.writeString(dir.resolve("cosine.yaml"), SWEEP);
        List<String> args = new java.util.ArrayList<>(List.of("run", descriptor.toString(), "--out", dir.resolve(name).toString(),
                "--cache", shared.resolve("cache").toString(), "--plugins", plugins.toString()));
        args.addAll(List.of(extra));
        return GraftCliTest.graft(args.toArray(String[]::new));
    }

    private Map<String, TrialRecord> records(String name) {
        try (ResultStore store = ResultStore.openExisting(dir.resolve(name).resolve("results.db"))) {
            Map<String, TrialRecord> byId = new TreeMap<>();
            store.trials().forEach(t -> byId.put(t.trialId(), t));
            return byId;
        }
    }

    @Test
    void theInstalledJarIsListedWithItsVersionAndWithoutItTheTypeIsUnknownSayingWherePluginsComeFrom() throws IOException {
        Result listed = GraftCliTest.graft("plugins", "cosine", "--plugins", plugins.toString());
        assertEquals(0, listed.code(), listed.out() + listed.err());
        assertTrue(listed.out().contains("cosine - cosine similarity to one learned vector per class"), listed.out());
        assertTrue(listed.out().contains("temperature (Double), required"), listed.out());
        assertTrue(listed.out().contains("cosine: " + jar.toAbsolutePath().normalize() + " (1.0.0, sha256 " + Sha256.of(jar).substring(0, 16) + ")"),
                listed.out());
        assertTrue(listed.out().contains("plugin path: " + plugins.toAbsolutePath().normalize()), listed.out());

        Path descriptor = Files.writeString(dir.resolve("cosine.yaml"), SWEEP);
        assertEquals(0, GraftCliTest.graft("validate", descriptor.toString(), "--plugins", plugins.toString()).code());
        Result unknown = GraftCliTest.graft("validate", descriptor.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown head type 'cosine'"), unknown.err());
        assertTrue(unknown.err().contains("Plugins are loaded from Graft's class path; a plugin jar goes in a plugin directory "
                + "(--plugins DIR, GRAFT_PLUGIN_PATH, $GRAFT_HOME/plugins): docs/writing-a-plugin.md"), unknown.err());

        Result missing = GraftCliTest.graft("plugins", "--plugins", dir.resolve("nowhere").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--plugins " + dir.resolve("nowhere") + ": no such directory or jar"), missing.err());
    }

    @Test
    void aSweepWithTheExternalHeadGivesTheSameNumbersInProcessAndInWorkers() throws IOException {
        Result here = run("here", "--threads", "1", "--workers", "1");
        assertEquals(0, here.code(), here.out() + here.err());
        Result workers = run("workers", "--threads", "1", "--workers", "2");
        assertEquals(0, workers.code(), workers.out() + workers.err());
        Map<String, TrialRecord> a = records("here");
        Map<String, TrialRecord> b = records("workers");
        assertEquals(a.keySet(), b.keySet());
        assertEquals(3, a.size(), "frozen and full transfer and a scratch baseline, all with the cosine head");
        String sha = Sha256.of(jar);
        for (String id : a.keySet()) {
            assertEquals(TrialStatus.finished, a.get(id).status(), a.get(id).error());
            assertEquals(a.get(id).testAccuracy(), b.get(id).testAccuracy(), 0.0, id);
            assertEquals(a.get(id).epochs().stream().map(e -> List.of(e.trainLoss(), e.validationLoss())).toList(),
                    b.get(id).epochs().stream().map(e -> List.of(e.trainLoss(), e.validationLoss())).toList(), id);
            for (TrialRecord record : List.of(a.get(id), b.get(id))) {
                com.fasterxml.jackson.databind.JsonNode head = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(record.provenanceJson()).path("plugins").path("head");
                assertEquals("org.example.graft.cosine.CosineHeadFactory", head.path("factory").asText(), head.toString());
                assertEquals("1.0.0", head.path("version").asText(), head.toString());
                assertEquals(sha, head.path("sha256").asText(), head.toString());
            }
        }
    }

    @Test
    void thePluginPathTakesOptionsThenTheEnvironmentThenGraftHome() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home-plugins"));
        Path homeJar = Files.copy(jar, home.resolve("b.jar"));
        Path extra = Files.createDirectories(dir.resolve("extra"));
        PluginPath path = PluginOptions.path(List.of(plugins), extra + java.io.File.pathSeparator + jar, home);
        assertEquals(List.of(plugins.toAbsolutePath().normalize(), extra.toAbsolutePath().normalize(), jar.toAbsolutePath().normalize(),
                home.toAbsolutePath().normalize()), path.searched());
        assertEquals(List.of(jar.toAbsolutePath().normalize(), homeJar.toAbsolutePath().normalize()), path.jars(), "a jar found twice once");
        // the default directory may be missing; a directory the user named may not
        assertEquals(List.of(), PluginOptions.path(List.of(), null, dir.resolve("none")).jars());
        dev.graft.spi.GraftException e = org.junit.jupiter.api.Assertions.assertThrows(dev.graft.spi.GraftException.class,
                () -> PluginOptions.path(List.of(), dir.resolve("gone").toString(), home));
        assertTrue(e.getMessage().startsWith("GRAFT_PLUGIN_PATH " + dir.resolve("gone") + ": no such directory or jar"), e.getMessage());
        assertFalse(PluginPath.NONE.describe().contains(","));
    }
}
