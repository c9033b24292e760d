package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a run does not need the engine: {@code graft report}, {@code status} and {@code compare}
 * run in a JVM whose class path has no PyTorch jar at all (no engine, no native library), so a
 * laptop without PyTorch can read results a cluster wrote.
 */
class ReportWithoutPyTorchTest {
    @TempDir
    Path dir;

    private static String classPathWithoutPyTorch() {
        List<String> kept = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.toLowerCase(java.util.Locale.ROOT).contains("pytorch")).toList();
        assertTrue(kept.size() < System.getProperty("java.class.path").split(File.pathSeparator).length, "the test's class path has PyTorch");
        return String.join(File.pathSeparator, kept);
    }

    private static String graftWithoutPyTorch(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPathWithoutPyTorch(), "dev.graft.cli.Graft"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "graft " + String.join(" ", args) + " did not end");
        assertEquals(0, process.exitValue(), "graft " + String.join(" ", args) + " without PyTorch:\n" + output);
        return output;
    }

    @Test
    void reportStatusAndCompareReadARunWithNoPyTorchOnTheClassPath() throws Exception {
        Path descriptor = Files.writeString(dir.resolve("tiny.yaml"), GraftCliTest.TINY.replace("seeds: [1, 2]", "seeds: [1]")
                .replace("similarity: [{type: mmd}, {type: linear-cka}]\n", ""));
        Path run = dir.resolve("run");
        GraftCliTest.Result trained = GraftCliTest.graft("run", descriptor.toString(), "--out", run.toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(0, trained.code(), trained.out() + trained.err());
        String before = Files.readString(run.resolve("report/report.md"));
        Files.delete(run.resolve("report/report.md"));
        String report = graftWithoutPyTorch("report", run.toString());
        assertTrue(report.contains("report in"), report);
        assertEquals(before.lines().filter(l -> !l.contains("Generated")).collect(Collectors.toList()),
                Files.readString(run.resolve("report/report.md")).lines().filter(l -> !l.contains("Generated")).collect(Collectors.toList()),
                "the same report as the run wrote");
        assertTrue(graftWithoutPyTorch("status", run.toString()).contains("finished"));
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.copy(run.resolve("results.db"), copy.resolve("results.db"));
        assertTrue(graftWithoutPyTorch("compare", run.toString(), copy.toString()).contains("tiny-fashion (copy)"));
    }
}
