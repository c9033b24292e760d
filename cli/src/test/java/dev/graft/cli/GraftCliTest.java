package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraftCliTest {
    static final String TINY = """
            name: tiny-fashion
            seeds: [1, 2]
            target:
              data: {type: fashion-mnist, classes: [5, 7], source: bundled}
              samplesPerClass: [5]
              testSamplesPerClass: 50
            train: {epochs: 2, batchSize: 8}
            sweep:
              backbone:
                - type: convnet
                  channels: [8, 8]
                  pretrain:
                    data: {type: fashion-mnist, classes: [0, 1], source: bundled}
                    samplesPerClass: 100
                    train: {epochs: 1, batchSize: 32}
              head: [{type: linear}]
              freeze: [{type: frozen}, {type: full}]
            similarity: [{type: mmd}, {type: linear-cka}]
            similaritySamples: 40
            """;

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result graft(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Graft.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void sweepsRegularizersSharingScratchBaselinesAndRecordsTheOneThatCannotRun() throws IOException {
        String yaml = TINY.replace("seeds: [1, 2]", "seeds: [1]")
                .replace("freeze: [{type: frozen}, {type: full}]", """
                        freeze: [{type: full}]
                          regularizer: [{type: none}, {type: l2-sp}, {type: bss}, {type: lwf}]""")
                .replace("  head: [{type: linear}]", "    - {type: convnet, channels: [8, 8]}\n  head: [{type: linear}]");
        Path descriptor = Files.writeString(dir.resolve("reg.yaml"), yaml);
        Path out = dir.resolve("run");
        Result run = graft("run", descriptor.toString(), "--out", out.toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(0, run.code(), run.out() + run.err());
        // 2 backbones x 4 regularisers transfer trials; both backbones share one architecture, so one scratch baseline
        assertTrue(run.out().contains("9 trials planned, 0 already finished, 8 finished now, 1 failed"), run.out());
        List<String> csv = Files.readAllLines(out.resolve("report/results.csv"));
        assertEquals(1, csv.stream().filter(row -> row.contains(",scratch,") && row.contains(",-,none,-,")).count(), String.join("\n", csv));
        for (String regularizer : List.of("none", "l2-sp", "bss", "lwf")) {
            assertTrue(csv.stream().anyMatch(row -> row.contains(",full,none," + regularizer + ",") && row.contains(",finished,")), regularizer);
        }
        assertTrue(csv.stream().anyMatch(row -> row.contains(",lwf,") && row.contains(",failed,")
                && row.contains("needs the source head of a backbone pretrained by Graft")), String.join("\n", csv));
        assertTrue(Files.readString(out.resolve("report/report.md")).contains("| regularizer |"));
    }

    /**
     * Issue 15: a layer-transfer sweep written with a YAML anchor gives three backbones one label;
     * the report must still summarise three strategies per freeze schedule with 8 seeds each, and
     * re-running under another label renames the recorded rows without training anything.
     */
    @Test
    void backbonesSharingALabelAreSummarisedApartEachWithTheDescriptorsSeeds() throws IOException {
        String yaml = """
                name: layers
                seeds: [1, 2, 3, 4, 5, 6, 7, 8]
                target:
                  data: {type: mnist, classes: [5, 6, 7, 8, 9], source: bundled}
                  samplesPerClass: [5]
                  testSamplesPerClass: 20
                train: {epochs: 1, batchSize: 16}
                sweep:
                  backbone:
                    - &b
                      type: convnet
                      channels: [8, 8, 8]
                      label: digits-0-4
                      transferLayers: 1
                      pretrain:
                        data: {type: mnist, classes: [0, 1, 2, 3, 4], source: bundled}
                        samplesPerClass: 50
                        train: {epochs: 1, batchSize: 32}
                    - {<<: *b, transferLayers: 2}
                    - {<<: *b, transferLayers: 3}
                  head: [{type: linear}]
                  freeze: [{type: frozen}, {type: full}]
                """;
        Path out = dir.resolve("run");
        Path cache = dir.resolve("cache");
        Result run = graft("run", Files.writeString(dir.resolve("layers.yaml"), yaml).toString(), "--out", out.toString(), "--cache", cache.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("56 trials planned, 0 already finished, 56 finished now, 0 failed"), run.out());
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("report/results.json").toFile()).path("summary");
        assertEquals(6, summary.size(), summary.toString());
        java.util.Set<String> rows = new java.util.HashSet<>();
        for (com.fasterxml.jackson.databind.JsonNode row : summary) {
            assertEquals(8, row.path("gain").path("n").asInt(), row.toString());
            rows.add(row.path("backbone").asText() + " / " + row.path("freeze").asText());
        }
        assertEquals(java.util.Set.of("digits-0-4(transferLayers=1) / frozen", "digits-0-4(transferLayers=2) / frozen",
                "digits-0-4(transferLayers=3) / frozen", "digits-0-4(transferLayers=1) / full", "digits-0-4(transferLayers=2) / full",
                "digits-0-4(transferLayers=3) / full"), rows);

        Result renamed = graft("run", Files.writeString(dir.resolve("renamed.yaml"), yaml.replace("label: digits-0-4", "label: digits")).toString(),
                "--out", out.toString(), "--cache", cache.toString());
        assertEquals(0, renamed.code(), renamed.out() + renamed.err());
        assertTrue(renamed.out().contains("56 trials planned, 56 already finished, 0 finished now, 0 failed"), renamed.out());
        assertTrue(Files.readString(out.resolve("report/report.md")).contains("| digits(transferLayers=2) | linear | full |"),
                Files.readString(out.resolve("report/report.md")));
    }

    /**
     * Issue 16: seeds added until decided. The report says how many seeds each strategy used and
     * why it stopped, with anytime-valid intervals and labels worth; a larger max continues the
     * open strategies and reruns nothing.
     */
    @Test
    void aSequentialDesignReportsSeedsUsedWhyEachStoppedAndWhatTransferIsWorthInLabels() throws IOException {
        String yaml = TINY.replace("seeds: [1, 2]", "seeds: {start: 5, max: 5, step: 2}").replace("samplesPerClass: [5]", "samplesPerClass: [5, 20]")
                .replace("similarity: [{type: mmd}, {type: linear-cka}]\n", "");
        Path out = dir.resolve("run");
        Path cache = dir.resolve("cache");
        Result run = graft("run", Files.writeString(dir.resolve("sequential.yaml"), yaml).toString(), "--out", out.toString(), "--cache", cache.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("round: the first 5 seeds of every open strategy"), run.out());
        assertTrue(run.out().matches("(?s).*graft: verdicts: [0-9]+ .*"), run.out());
        String report = Files.readString(out.resolve("report/report.md"));
        assertTrue(report.contains("| stopped |") && report.contains("anytime-valid confidence sequence") && report.contains("worth (labels/class)"),
                report);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("report/results.json").toFile());
        assertEquals(4, json.path("summary").size());
        int open = 0;
        for (com.fasterxml.jackson.databind.JsonNode strategy : json.path("summary")) {
            String reason = strategy.path("stopReason").asText();
            assertTrue(reason.equals("max (5) reached") || reason.startsWith("decided at "), reason);
            assertEquals("95% anytime-valid confidence sequence (Lai 1976, flat mixture, from 5 seeds)", strategy.path("intervalMethod").asText());
            assertTrue(strategy.path("pValue").isNumber() && strategy.path("distributionFree").has("verdict"), strategy.toString());
            assertTrue(strategy.has("labelsWorth") && !strategy.path("labelsWorthText").asText().isEmpty(), strategy.toString());
            open += reason.startsWith("max") ? 1 : 0;
        }
        int planned = json.path("plannedTrials").asInt();
        // the kernel choice that changes numbers is recorded with every trial (the test configuration sets it, as the launcher does)
        assertEquals("avx2", json.path("trials").get(0).path("provenance").path("environment").path("atenCpuCapability").asText(),
                json.path("trials").get(0).path("provenance").path("environment").toString());

        Result longer = graft("run", Files.writeString(dir.resolve("longer.yaml"), yaml.replace("max: 5", "max: 7")).toString(), "--out", out.toString(),
                "--cache", cache.toString());
        assertEquals(0, longer.code(), longer.out() + longer.err());
        // every open strategy gets seeds 6 and 7, with their baselines (shared): at least 2 trials each, nothing rerun
        assertTrue(longer.out().contains(", " + planned + " already finished, "), longer.out());
        int added = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("report/results.json").toFile()).path("plannedTrials").asInt() - planned;
        assertTrue(open == 0 ? added == 0 : added >= 2 * open, open + " open strategies, " + added + " trials added");
    }

    @Test
    void extendingASweepWithNoneBesideAnotherAugmenterReusesTheFinishedTrials() throws IOException {
        String yaml = TINY.replace("seeds: [1, 2]", "seeds: [1]").replace("similarity: [{type: mmd}, {type: linear-cka}]\n", "");
        Path out = dir.resolve("run");
        Path cache = dir.resolve("cache");
        Result first = graft("run", Files.writeString(dir.resolve("plain.yaml"), yaml).toString(), "--out", out.toString(), "--cache", cache.toString());
        assertEquals(0, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("3 trials planned, 0 already finished, 3 finished now, 0 failed"), first.out());

        // augment 'none' and regularizer 'none' are the trials without them: only the flip trials run
        String extended = yaml.replace("freeze: [{type: frozen}, {type: full}]\n", """
                freeze: [{type: frozen}, {type: full}]
                  augment: [{type: none}, {type: flip}]
                  regularizer: [{type: none}]
                """);
        Result second = graft("run", Files.writeString(dir.resolve("extended.yaml"), extended).toString(), "--out", out.toString(),
                "--cache", cache.toString());
        assertEquals(0, second.code(), second.out() + second.err());
        assertTrue(second.out().contains("6 trials planned, 3 already finished, 3 finished now, 0 failed"), second.out());
        List<String> rows = Files.readAllLines(out.resolve("report").resolve("results.csv"));
        assertEquals(7, rows.size(), String.join("\n", rows));
    }

    @Test
    void aBackbonePretrainedWithAnMlpProjectorKeepsItsSourceHeadForLwfAndLeep() throws IOException {
        String projector = "\n        head: {type: mlp, hidden: [16], dropout: 0}";
        // channels [4, 8] here (the other tests use [8, 8]): the run must name the 4-channel convolution
        String yaml = TINY.replace("seeds: [1, 2]", "seeds: [1]").replace("channels: [8, 8]", "channels: [4, 8]")
                .replace("train: {epochs: 1, batchSize: 32}\n", "train: {epochs: 1, batchSize: 32}" + projector + "\n")
                .replace("freeze: [{type: frozen}, {type: full}]", """
                        freeze: [{type: full}]
                          regularizer: [{type: none}, {type: lwf}]""")
                .replace("similarity: [{type: mmd}, {type: linear-cka}]", "similarity: [{type: leep}, {type: nce}]");
        Path descriptor = Files.writeString(dir.resolve("projector.yaml"), yaml);
        Path out = dir.resolve("run");
        Path cache = dir.resolve("cache");
        Result run = graft("run", descriptor.toString(), "--out", out.toString(), "--cache", cache.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("3 trials planned, 0 already finished, 3 finished now, 0 failed"), run.out());
        // the 4-channel convolution is named before anything trains
        assertTrue(run.out().contains("warning: backbone convnet has convolutions with [4] channels, not multiples of 8"), run.out());
        assertTrue(run.out().matches("(?s).*similarity leep on convnet: -?[0-9.]+ .*"), run.out());
        assertTrue(run.out().matches("(?s).*similarity nce on convnet: -?[0-9.]+ .*"), run.out());

        // the projector is part of the pretraining's identity: without it, another cache entry
        Result linear = graft("run", Files.writeString(dir.resolve("linear.yaml"), yaml.replace(projector, "")).toString(),
                "--out", dir.resolve("linear").toString(), "--cache", cache.toString());
        assertEquals(0, linear.code(), linear.out() + linear.err());
        assertEquals(2, cacheEntries(cache).size());

        // a feature head cannot be trained with the backbone
        Path logistic = Files.writeString(dir.resolve("logistic.yaml"), yaml.replace(projector, "\n        head: {type: logistic}"));
        Result refused = graft("run", logistic.toString(), "--out", dir.resolve("logistic").toString(), "--cache", cache.toString());
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("pretrain.head") && refused.err().contains("'logistic' is a feature head"), refused.err());
    }

    @Test
    void pretrainingAugmentsTheSourceImagesReproduciblyAndIsPartOfThePretrainingsIdentity() throws IOException {
        String augment = "\n        augment: {type: chain, steps: [{type: flip}, {type: shift, width: 0.2, height: 0.2}]}";
        String plain = TINY.replace("seeds: [1, 2]", "seeds: [1]").replace("freeze: [{type: frozen}, {type: full}]", "freeze: [{type: frozen}]")
                .replace("similarity: [{type: mmd}, {type: linear-cka}]\n", "");
        String augmented = plain.replace("train: {epochs: 1, batchSize: 32}\n", "train: {epochs: 1, batchSize: 32}" + augment + "\n");
        Path descriptor = Files.writeString(dir.resolve("augmented.yaml"), augmented);
        byte[][] weights = new byte[2][];
        for (int i = 0; i < 2; i++) {
            Path cache = dir.resolve("cache" + i);
            Result run = graft("run", descriptor.toString(), "--out", dir.resolve("run" + i).toString(), "--cache", cache.toString());
            assertEquals(0, run.code(), run.out() + run.err());
            Path entry = onlyEntry(cache);
            weights[i] = Files.readAllBytes(entry.resolve("backbone.params"));
            assertTrue(Files.readString(entry.resolve("meta.json")).contains("\"augment\""), "the provenance records the augmentation");
        }
        assertArrayEquals(weights[0], weights[1], "the same pretraining twice gives the same weights");

        // without the augmentation: another cache entry, other weights (the augmenter really ran)
        Path cache = dir.resolve("cache0");
        Result run = graft("run", Files.writeString(dir.resolve("plain.yaml"), plain).toString(), "--out", dir.resolve("plain").toString(),
                "--cache", cache.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        List<Path> dirs = cacheEntries(cache);
        assertEquals(2, dirs.size());
        Path other = dirs.stream().filter(d -> !java.util.Arrays.equals(weights[0], read(d.resolve("backbone.params")))).findFirst().orElseThrow();
        assertTrue(!Files.readString(other.resolve("meta.json")).contains("\"augment\""));

        // {type: none} trains as no augment block does: the same entry, reused
        String none = plain.replace("train: {epochs: 1, batchSize: 32}\n", "train: {epochs: 1, batchSize: 32}\n        augment: {type: none}\n");
        Result reused = graft("run", Files.writeString(dir.resolve("none.yaml"), none).toString(), "--out", dir.resolve("none").toString(),
                "--cache", cache.toString());
        assertEquals(0, reused.code(), reused.out() + reused.err());
        assertTrue(reused.out().contains("reusing cache"), reused.out() + reused.err());
        assertEquals(2, cacheEntries(cache).size());

        // an unknown augmenter inside the pretrain block is refused with its position
        Path bad = Files.writeString(dir.resolve("bad.yaml"), augmented.replace("{type: flip}", "{type: flipp}"));
        Result refused = graft("validate", bad.toString());
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().matches("(?s).*bad\\.yaml:\\d+:\\d+: .*pretrain\\.augment.*flipp.*flip.*"), refused.err());
    }

    /** @return the pretrained backbones a cache holds, one directory each */
    private static List<Path> cacheEntries(Path cache) throws IOException {
        try (var entries = Files.list(cache.resolve("backbones"))) {
            return entries.toList();
        }
    }

    private static Path onlyEntry(Path cache) throws IOException {
        List<Path> dirs = cacheEntries(cache);
        assertEquals(1, dirs.size(), dirs.toString());
        return dirs.get(0);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void threadsSetsPytorchsThreadsPerOperationAndTheProvenanceRecordsIt() throws IOException {
        ai.djl.engine.Engine.getInstance(); // loads PyTorch
        int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        try {
            Path descriptor = Files.writeString(dir.resolve("threads.yaml"), TINY.replace("seeds: [1, 2]", "seeds: [1]")
                    .replace("freeze: [{type: frozen}, {type: full}]", "freeze: [{type: full}]"));
            Result run = graft("run", descriptor.toString(), "--out", dir.resolve("run").toString(), "--cache", dir.resolve("cache").toString(),
                    "--threads", "1");
            assertEquals(0, run.code(), run.out() + run.err());
            assertEquals(1, ai.djl.pytorch.jni.JniUtils.getNumThreads());
            assertTrue(Files.readString(dir.resolve("run/report/results.json")).contains("\"intraOpThreads\" : \"1\""));
            // one thread per operation leaves cores idle: worker processes fill them, unless --workers 1 says otherwise
            int cores = Runtime.getRuntime().availableProcessors();
            assertEquals(cores > 1, run.out().contains("trials train in "), run.out());
            Result here = graft("run", descriptor.toString(), "--out", dir.resolve("here").toString(), "--cache", dir.resolve("cache").toString(),
                    "--threads", "1", "--workers", "1");
            assertEquals(0, here.code(), here.out() + here.err());
            assertTrue(!here.out().contains("trials train in "), here.out());
            assertEquals(accuracies(dir.resolve("run")), accuracies(dir.resolve("here")), "the same numbers in workers and here");
            Result refused = graft("run", descriptor.toString(), "--out", dir.resolve("run0").toString(), "--threads", "0");
            assertEquals(2, refused.code());
            assertTrue(refused.err().contains("--threads must be at least 1, got 0"), refused.err());
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(before);
        }
    }

    private static Map<String, Double> accuracies(Path run) {
        try (dev.graft.core.store.ResultStore store = dev.graft.core.store.ResultStore.openExisting(run.resolve("results.db"))) {
            Map<String, Double> byId = new java.util.TreeMap<>();
            store.trials().forEach(t -> byId.put(t.trialId(), t.testAccuracy()));
            return byId;
        }
    }

    /** A feature head with an augmenter or an optimizer is refused by validate at the head's line, with the exclude rule that leaves it out. */
    @Test
    void validateRefusesAFeatureHeadWithAnAugmenterAndNamesTheRule() throws IOException {
        String yaml = TINY.replace("head: [{type: linear}]", "head: [{type: linear}, {type: logistic}]\n  augment: [{type: none}, {type: flip}]");
        Path descriptor = Files.writeString(dir.resolve("feature.yaml"), yaml);
        Result refused = graft("validate", descriptor.toString());
        assertEquals(2, refused.code(), refused.out() + refused.err());
        int line = java.util.Arrays.asList(yaml.split("\n")).indexOf("  head: [{type: linear}, {type: logistic}]") + 1;
        assertTrue(refused.err().contains("feature.yaml:" + line + ":"), refused.err());
        assertTrue(refused.err().contains("sweep.head[1]: 'logistic' is a feature head, fitted on features extracted once from a frozen "
                + "backbone, so augmenter 'flip' cannot act on it; leave the combination out: exclude: [{head: logistic, augment: flip}]"),
                refused.err());
        Path excluded = Files.writeString(dir.resolve("excluded.yaml"), yaml.replace("  augment: [{type: none}, {type: flip}]\n",
                "  augment: [{type: none}, {type: flip}]\n  exclude: [{head: logistic, augment: flip}]\n"));
        Result ok = graft("validate", excluded.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        // a contributed axis's choice is a training hook, which the feature head's own library never runs
        Path optimizer = Files.writeString(dir.resolve("optimizer.yaml"),
                TINY.replace("head: [{type: linear}]", "head: [{type: linear}, {type: logistic}]\n  optimizer: [{type: adamw}]"));
        Result hook = graft("validate", optimizer.toString());
        assertEquals(2, hook.code(), hook.out() + hook.err());
        assertTrue(hook.err().contains("sweep.head[1]: 'logistic' is a feature head, fitted on features extracted once from a frozen "
                + "backbone, so optimizer 'adamw' cannot act on it; leave the combination out: exclude: [{head: logistic, optimizer: adamw}]"),
                hook.err());
    }

    /** Without --workers or --executor, trials train here unless --threads leaves cores idle; memory caps the workers. */
    @Test
    void workersFillTheCoresThatThreadsLeaveIdle() {
        long plenty = 64L << 30;
        assertEquals(1, RunCommand.defaultWorkers(null, 8, plenty), "the default: this process, every core inside each operation");
        assertEquals(1, RunCommand.defaultWorkers(8, 8, plenty));
        assertEquals(1, RunCommand.defaultWorkers(16, 8, plenty));
        assertEquals(2, RunCommand.defaultWorkers(1, 2, 24L << 30));
        assertEquals(4, RunCommand.defaultWorkers(2, 8, plenty));
        assertEquals(3, RunCommand.defaultWorkers(1, 8, 3 * RunCommand.WORKER_MEMORY + 1));
        assertEquals(1, RunCommand.defaultWorkers(1, 64, 1L << 30));
    }

    @Test
    void aPretrainedBackboneIsReusedByPathAsACheckpointWithTheSameNumbers() throws IOException {
        Path cache = dir.resolve("cache");
        String frozenOnly = TINY.replace("seeds: [1, 2]", "seeds: [1]").replace("freeze: [{type: frozen}, {type: full}]", "freeze: [{type: frozen}]")
                .replace("similarity: [{type: mmd}, {type: linear-cka}]\n", "");
        Path first = Files.writeString(dir.resolve("first.yaml"), frozenOnly);
        assertEquals(0, graft("run", first.toString(), "--out", dir.resolve("a").toString(), "--cache", cache.toString()).code());
        Path checkpoint = cacheEntries(cache).stream().filter(Files::isDirectory).findFirst().orElseThrow();
        String reuse = frozenOnly.replace("name: tiny-fashion", "name: reuse").replace("""
                    - type: convnet
                      channels: [8, 8]
                      pretrain:
                        data: {type: fashion-mnist, classes: [0, 1], source: bundled}
                        samplesPerClass: 100
                        train: {epochs: 1, batchSize: 32}
                """, "    - {type: checkpoint, path: '" + checkpoint + "'}\n");
        Path second = Files.writeString(dir.resolve("second.yaml"), reuse);
        Result run = graft("run", second.toString(), "--out", dir.resolve("b").toString(), "--cache", cache.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        List<String> a = Files.readAllLines(dir.resolve("a/report/results.csv"));
        List<String> b = Files.readAllLines(dir.resolve("b/report/results.csv"));
        String accuracyA = a.stream().filter(r -> r.contains(",transfer,")).findFirst().orElseThrow().split(",")[10];
        String accuracyB = b.stream().filter(r -> r.contains(",transfer,")).findFirst().orElseThrow().split(",")[10];
        assertEquals(accuracyA, accuracyB, "the same weights, head and seed give the same test accuracy");

        Path notACheckpoint = Files.writeString(dir.resolve("third.yaml"), reuse.replace(checkpoint.toString(), dir.toString()).replace("name: reuse", "name: bad"));
        Result bad = graft("run", notACheckpoint.toString(), "--out", dir.resolve("c").toString(), "--cache", cache.toString());
        assertTrue((bad.out() + bad.err()).contains("not a Graft checkpoint"), bad.out() + bad.err());
    }

    @Test
    void runsATinySweepEndToEndWritesTheReportAndResumes() throws IOException {
        Path descriptor = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path out = dir.resolve("run");
        Result run = graft("run", descriptor.toString(), "--out", out.toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("6 trials planned, 0 already finished, 6 finished now, 0 failed"), run.out());

        List<String> csv = Files.readAllLines(out.resolve("report/results.csv"));
        assertEquals("trial_id,kind,backbone,head,freeze,augment,regularizer,samples_per_class,seed,status,test_accuracy,test_macro_f1,"
                + "gain_vs_scratch,baseline_id,best_epoch,epochs_run,train_seconds,error,strategy_id,labels_worth,labels_worth_low,labels_worth_high,"
                + "trained_parameters,task_bytes,peak_memory_bytes,seconds_per_epoch",
                csv.get(0));
        assertEquals(7, csv.size());
        long transferWithGain = csv.stream().skip(1).filter(row -> row.contains(",transfer,"))
                .filter(row -> !row.split(",", -1)[12].isEmpty()).count();
        assertEquals(4, transferWithGain);
        String html = Files.readString(out.resolve("report/index.html"));
        assertTrue(html.contains("<svg") && html.contains("linear-cka") && html.contains("gain [95% interval]"), "self-contained report");
        assertTrue(Files.readString(out.resolve("report/report.md")).contains("| convnet | linear | frozen | none | 5 | 2 |"));
        assertTrue(Files.readString(out.resolve("report/report.md")).contains("Feature cache: 2 trials with a frozen backbone trained on cached features."),
                Files.readString(out.resolve("report/report.md")));
        assertTrue(Files.readString(out.resolve("report/results.json")).contains("\"provenance\""));
        assertTrue(Files.exists(out.resolve("report/plots/gain.svg")));

        Result status = graft("status", out.toString());
        assertTrue(status.out().contains("trials: 6 planned, 6 finished, 0 failed, 0 remaining"), status.out());

        Files.delete(out.resolve("report/index.html"));
        assertEquals(0, graft("report", out.toString()).code());
        assertTrue(Files.exists(out.resolve("report/index.html")));

        Result again = graft("run", descriptor.toString(), "--out", out.toString(), "--cache", dir.resolve("cache").toString());
        assertTrue(again.out().contains("6 trials planned, 6 finished by an earlier run (skipped)"), again.out());
        assertTrue(again.out().contains("reusing cache"), again.out());
        assertEquals(csv.subList(1, csv.size()), Files.readAllLines(out.resolve("report/results.csv")).subList(1, csv.size()),
                "nothing recorded is lost or changed");
    }

    /**
     * Tribuo's java.util.logging lines ("Outputs - (0,0,8), ..." under a timestamp line) reached
     * the terminal in every logistic trial; they are library information, shown with --verbose
     * only. Checked in a child JVM, where the console is the process's own standard error.
     */
    @Test
    void libraryInformationLinesAppearOnlyWithVerbose() throws IOException, InterruptedException {
        String yaml = TINY.replace("seeds: [1, 2]", "seeds: [1]").replace("head: [{type: linear}]", "head: [{type: logistic}]")
                .replace("freeze: [{type: frozen}, {type: full}]", "freeze: [{type: frozen}]").replace("similarity: [{type: mmd}, {type: linear-cka}]\n", "");
        Path descriptor = Files.writeString(dir.resolve("logistic.yaml"), yaml);
        String quiet = childGraft("run", descriptor.toString(), "--out", dir.resolve("quiet").toString(), "--cache", dir.resolve("cache").toString());
        assertTrue(quiet.contains("2 finished now, 0 failed"), quiet);
        assertTrue(!quiet.contains("Outputs -") && !quiet.contains("INFO"), quiet);
        String verbose = childGraft("run", descriptor.toString(), "--out", dir.resolve("verbose").toString(), "--cache", dir.resolve("cache").toString(),
                "--verbose");
        assertTrue(verbose.contains("INFO org.tribuo.common.sgd.AbstractSGDTrainer - Outputs -"), verbose);
    }

    /**
     * Ctrl-C ends a run with one line saying how to resume and exit code 130; the same command
     * then resumes, keeping what finished. A process started with SIGINT ignored (a background job
     * of a non-interactive shell, {@code nohup ./mvnw -B verify &}) cannot receive Ctrl-C at all;
     * there the test stops the run with SIGTERM instead, which takes the same path (exit 143).
     */
    @Test
    void ctrlCSaysHowToResumeAndTheSameCommandResumes() throws IOException, InterruptedException {
        String yaml = TINY.replace("seeds: [1, 2]", "seeds: [1, 2, 3, 4]").replace("train: {epochs: 2, batchSize: 8}", "train: {epochs: 30, batchSize: 2}")
                .replace("similarity: [{type: mmd}, {type: linear-cka}]\n", "");
        Path descriptor = Files.writeString(dir.resolve("long.yaml"), yaml);
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Graft.class.getName(), "run", descriptor.toString(), "--out", dir.resolve("run").toString(),
                "--cache", dir.resolve("cache").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean interruptible = !ignores(process.pid(), 2);
        StringBuilder output = new StringBuilder();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("[2/")) {
                    new ProcessBuilder("kill", interruptible ? "-INT" : "-TERM", Long.toString(process.pid())).start().waitFor();
                }
            }
        }
        assertEquals(interruptible ? 130 : 143, process.waitFor(), output.toString());
        assertTrue(output.toString().contains("graft: interrupted; run the same command again to resume"), output.toString());
        assertTrue(!output.toString().contains("\tat "), "no stack trace: " + output);
        Result resumed = graft("run", descriptor.toString(), "--out", dir.resolve("run").toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertTrue(resumed.out().matches("(?s).*graft: 12 trials planned, [2-9] already finished, .*"), resumed.out());
    }

    /** @return whether the process ignores the signal (its inherited disposition, from /proc; false where there is none) */
    private static boolean ignores(long pid, int signal) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (new java.math.BigInteger(line.substring(7).strip(), 16).testBit(signal - 1));
            }
        }
        return false;
    }

    /** Runs the command line in a new JVM on this class path; returns its standard output and error together. */
    private static String childGraft(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Graft.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    @Test
    void validatePrintsEveryErrorWithItsPositionAndExitsWith2() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), TINY.replace("type: linear", "type: lineer")
                .replace("classes: [5, 7]", "classes: [5, 17]").replace("epochs: 2,", "epochs: two,"));
        Result result = graft("validate", bad.toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains(bad + ":16:17: sweep.head[0].type: unknown head type 'lineer'. Did you mean 'linear'?"), result.err());
        assertTrue(result.err().contains(bad + ":7:17: train.epochs: expected an integer, got 'two'"), result.err());

        Path classes = Files.writeString(dir.resolve("classes.yaml"), TINY.replace("classes: [5, 7]", "classes: [5, 17]"));
        result = graft("validate", classes.toString(), dir.resolve("tiny-missing.yaml").toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains(classes + ":4:44: target.data.classes[1]: class 17 is not in the dataset (it has classes 0-9)"), result.err());

        assertTrue(result.err().contains("tiny-missing.yaml: no such file"), result.err());
        Path relabel = Files.writeString(dir.resolve("relabel.yaml"), TINY.replace("classes: [5, 7]", "relabel: {footwear: [5, 7, 9], bag: [18]}"));
        result = graft("validate", relabel.toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains(relabel + ":4:68: target.data.relabel.bag[0]: class 18 is not in the dataset (it has classes 0-9)"),
                result.err());
        Path both = Files.writeString(dir.resolve("both.yaml"), TINY.replace("classes: [5, 7]", "classes: [5, 7], relabel: {a: [5], b: [7]}"));
        result = graft("validate", both.toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains(both + ":4:57: target.data.relabel: ") && result.err().contains("selects the classes itself; leave out classes"), result.err());

        Path good = Files.writeString(dir.resolve("good.yaml"), TINY);
        result = graft("validate", good.toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("ok (6 trials: 4 transfer, 2 scratch baselines)"), result.out());
    }

    /** The README's "descriptor at a glance" is a descriptor that validates, so the first one a newcomer copies works. */
    @Test
    void theReadmesDescriptorAtAGlanceIsValid() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## The descriptor at a glance");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        Result result = graft("validate", Files.writeString(dir.resolve("glance.yaml"), yaml).toString());
        assertEquals(0, result.code(), result.out() + result.err());
    }

    /** Issue 17: graft compare puts the same strategies of two runs (here two target tasks) side by side, rows matched by labels. */
    @Test
    void compareShowsTheSameStrategiesOfTwoRunsSideBySide() throws IOException {
        String yaml = TINY.replace("seeds: [1, 2]", "seeds: [1]").replace("similarity: [{type: mmd}, {type: linear-cka}]\n", "");
        Path cache = dir.resolve("cache");
        assertEquals(0, graft("run", Files.writeString(dir.resolve("a.yaml"), yaml).toString(), "--out", dir.resolve("a").toString(),
                "--cache", cache.toString()).code());
        assertEquals(0, graft("run", Files.writeString(dir.resolve("b.yaml"), yaml.replace("name: tiny-fashion", "name: other-target")
                .replace("classes: [5, 7]", "classes: [6, 8]")).toString(), "--out", dir.resolve("b").toString(), "--cache", cache.toString()).code());
        Result compare = graft("compare", dir.resolve("a").toString(), dir.resolve("b").toString(), "--out", dir.resolve("cmp").toString());
        assertEquals(0, compare.code(), compare.out() + compare.err());
        List<String> lines = compare.out().lines().toList();
        assertTrue(lines.get(0).contains("tiny-fashion (a)") && lines.get(0).contains("other-target (b)"), lines.get(0));
        assertEquals(2, lines.stream().filter(l -> l.contains("convnet / linear /") && !l.contains("–")).count(), compare.out());
        assertTrue(Files.readString(dir.resolve("cmp/index.html")).contains("<meta name=\"viewport\""));
        assertTrue(Files.exists(dir.resolve("cmp/compare.md")));
        Result one = graft("compare", dir.resolve("a").toString());
        assertEquals(2, one.code(), "compare needs two runs: " + one.err());
    }

    /** Issue 17: a size larger than a class has in an image folder is found by validate, before anything loads or trains. */
    @Test
    void validateFindsASampleSizeLargerThanAClassHas() throws IOException {
        Path folder = Path.of("..", "experiments", "data", "image-folder-example").toAbsolutePath().normalize();
        String yaml = Files.readString(Path.of("..", "experiments", "descriptors", "folder-example.yaml"))
                .replace("root: ../data/image-folder-example", "root: " + folder).replaceFirst("samplesPerClass: \\[[^]]*\\]", "samplesPerClass: [10, 50]");
        Result result = graft("validate", Files.writeString(dir.resolve("too-large.yaml"), yaml).toString());
        assertEquals(2, result.code(), result.out() + result.err());
        assertTrue(result.err().contains("target.samplesPerClass[1]: asks for 50 examples per class but class ")
                && result.err().contains(" in the training split"), result.err());
    }

    @Test
    void runWithABadDescriptorExitsWith2AndNoStackTrace() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), TINY.replace("type: frozen", "type: frozn"));
        Result result = graft("run", bad.toString(), "--out", dir.resolve("run").toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains("unknown freeze type 'frozn'. Did you mean 'frozen'?"), result.err());
        assertTrue(!result.err().contains("\tat "), "no stack trace: " + result.err());
        assertTrue(!Files.exists(dir.resolve("run/results.db")), "nothing is written for an invalid descriptor");

        // a mistyped flag: the problem and where the help is, not the whole help
        Result flag = graft("run", bad.toString(), "--wrkers", "2");
        assertEquals(2, flag.code());
        assertEquals(List.of("graft: Unknown options: '--wrkers', '2'", "see 'graft run --help'"), flag.err().strip().lines().toList());
    }

    /** Executor settings that cannot work are refused before anything is loaded or written, naming the option. */
    @Test
    void executorOptionsThatCannotWorkExitWith2NamingTheOption() throws IOException {
        String tiny = Files.writeString(dir.resolve("tiny.yaml"), TINY).toString();
        String out = dir.resolve("run").toString();
        Map<List<String>, String> refusals = Map.of(
                List.of("--executor", "sprak"), "no trial executor is named 'sprak' (there are: in-process, spark, ",
                List.of("--executor", "spark"), "--executor spark needs --spark-master",
                List.of("--executor", "spark", "--spark-master", "local[2]"), "DJL's PyTorch engine trains one model at a time per JVM",
                List.of("--executor", "spark", "--spark-master", "embedded[2]", "--spark-conf", "spark.executor.cores=2"),
                "spark.executor.cores (2) must equal spark.task.cpus (1)",
                List.of("--executor", "spark", "--spark-master", "embedded[2]", "--spark-conf", "task.cpus=2"), "--spark-conf task.cpus=2: write KEY=VALUE",
                List.of("--spark-master", "embedded[2]"), "--spark-master and --spark-conf configure --executor spark, not --executor in-process",
                List.of("--executor", "in-process", "--workers", "2"), "it cannot be combined with --executor in-process");
        refusals.forEach((options, message) -> {
            List<String> args = new java.util.ArrayList<>(List.of("run", tiny, "--out", out));
            args.addAll(options);
            Result result = graft(args.toArray(String[]::new));
            assertEquals(2, result.code(), options + ": " + result.out() + result.err());
            assertTrue(result.err().contains(message), options + ": " + result.err());
            assertTrue(!result.err().contains("\tat "), "no stack trace: " + result.err());
            assertTrue(!Files.exists(dir.resolve("run")), options + ": nothing is written");
        });
    }

    @Test
    void pluginsListsEveryFamilyWithParametersAndDefaults() {
        Result result = graft("plugins");
        assertEquals(0, result.code());
        for (String name : List.of("fashion-mnist", "convnet", "linear", "mlp", "logistic", "frozen", "full", "top-k", "two-phase", "gradual", "discriminative", "backbone-finetuning", "fine-tune", "none", "flip",
                "shift", "mmd", "linear-cka")) {
            assertTrue(result.out().contains("  " + name + " - "), name + " missing:\n" + result.out());
        }
        assertTrue(result.out().contains("      channels (List<Integer>), default: [32,64]"), result.out());
        assertTrue(result.out().contains("      hidden (List<Integer>), default: [256]"), result.out());
    }
}
