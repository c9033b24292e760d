package dev.graft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's packages form layers: no class uses a class of a package that uses its own package
 * back (directly or round a longer loop), and the orchestration ({@code run}) sits above the
 * executors, which sit above one trial. Read from the sources, imports and fully qualified names
 * alike, so that a newcomer's arrow back up fails here with the files that draw it.
 */
class PackageLayersTest {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.graft\\.core\\.[a-z][\\w]*(?:\\.[a-z][\\w]*)*)\\.[A-Z]\\w*");
    private static final Path CORE = Path.of("src/main/java/dev/graft/core");
    private static final Path SPARK = Path.of("../graft-spark/src/main/java");

    @Test
    void noPackageOfTheCoreUsesAPackageThatUsesItBack() {
        Map<String, Map<String, Set<String>>> uses = uses(CORE);
        assertTrue(uses.size() >= 10, "the core's packages were read: " + uses.keySet());
        List<String> cycle = cycle(uses);
        assertTrue(cycle.isEmpty(), () -> "packages that use each other: " + String.join(" -> ", cycle) + "\n" + arrows(uses, cycle));
    }

    @Test
    void theOrchestrationUsesTheExecutorsWhichUseOneTrialNeverTheOtherWayRound() {
        Map<String, Map<String, Set<String>>> uses = uses(CORE);
        assertTrue(uses.get("dev.graft.core.run").containsKey("dev.graft.core.executor"));
        assertTrue(uses.get("dev.graft.core.executor").containsKey("dev.graft.core.trial"));
        List<List<String>> forbidden = List.of(List.of("trial", "executor"), List.of("trial", "run"), List.of("executor", "run"));
        for (List<String> arrow : forbidden) {
            assertEquals(Set.of(), uses.get("dev.graft.core." + arrow.get(0)).getOrDefault("dev.graft.core." + arrow.get(1), Set.of()),
                    "files of dev.graft.core." + arrow.get(0) + " that use dev.graft.core." + arrow.get(1));
        }
    }

    @Test
    void sparkUsesTheExecutorPackageAndTheRecordsATrialCarriesOnly() {
        Set<String> allowed = Set.of("dev.graft.core.executor", "dev.graft.core.sweep.Trial", "dev.graft.core.store.TrialRecord",
                "dev.graft.core.train.EpochMetrics", "dev.graft.core.trial.Pretrained", "dev.graft.core.trial.TrialData",
                "dev.graft.core.trial.EvaluationSets");
        Set<String> outside = new TreeSet<>();
        for (Path file : javaFiles(SPARK)) {
            Matcher m = Pattern.compile("\\b(dev\\.graft\\.core\\.[a-z]\\w*)\\.([A-Z]\\w*)").matcher(read(file));
            while (m.find()) {
                if (!allowed.contains(m.group(1)) && !allowed.contains(m.group(1) + "." + m.group(2))) {
                    outside.add(file.getFileName() + " uses " + m.group(1) + "." + m.group(2));
                }
            }
        }
        assertEquals(Set.of(), outside);
    }

    /** Package -> package it uses -> the files that use it. */
    static Map<String, Map<String, Set<String>>> uses(Path root) {
        Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
        for (Path file : javaFiles(root)) {
            String text = read(file);
            Matcher p = PACKAGE.matcher(text);
            if (!p.find()) {
                continue;
            }
            String from = p.group(1);
            Map<String, Set<String>> arrows = uses.computeIfAbsent(from, k -> new TreeMap<>());
            Matcher m = REFERENCE.matcher(text.substring(p.end()));
            while (m.find()) {
                String to = m.group(1);
                if (!to.equals(from)) {
                    arrows.computeIfAbsent(to, k -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
        }
        return uses;
    }

    /** A loop of packages, first package repeated at the end, or empty (depth-first search for a back edge). */
    static List<String> cycle(Map<String, Map<String, Set<String>>> uses) {
        Map<String, Integer> state = new TreeMap<>(); // 1 on the path, 2 done
        for (String start : uses.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            List<String> found = visit(start, uses, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Map<String, Set<String>>> uses, Map<String, Integer> state, Deque<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null) {
            List<String> loop = new ArrayList<>();
            boolean in = false;
            for (String p : path) {
                in |= p.equals(node);
                if (in) {
                    loop.add(p);
                }
            }
            loop.add(node);
            return loop;
        }
        state.put(node, 1);
        path.addLast(node);
        for (String next : uses.getOrDefault(node, Map.of()).keySet()) {
            List<String> found = visit(next, uses, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.removeLast();
        state.put(node, 2);
        return List.of();
    }

    private static String arrows(Map<String, Map<String, Set<String>>> uses, List<String> cycle) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < cycle.size(); i++) {
            out.append(cycle.get(i)).append(" -> ").append(cycle.get(i + 1)).append(" in ")
                    .append(uses.get(cycle.get(i)).get(cycle.get(i + 1))).append('\n');
        }
        return out.toString();
    }

    private static List<Path> javaFiles(Path root) {
        assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is not a directory (the test runs in its module's directory)");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLoopIsFoundAndNamed() {
        Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
        uses.put("a", Map.of("b", Set.of("A.java")));
        uses.put("b", Map.of("c", Set.of("B.java")));
        uses.put("c", Map.of("a", Set.of("C.java")));
        assertEquals(List.of("a", "b", "c", "a"), cycle(uses));
        uses.put("c", Map.of());
        assertEquals(List.of(), cycle(uses));
    }
}
