package dev.graft.reports;

import dev.graft.core.stats.DecisionRule;
import dev.graft.core.stats.Verdict;
import dev.graft.core.store.ResultStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code <run>/report/}: {@code index.html}, {@code report.md}, {@code results.csv},
 * {@code results.json} and {@code plots/gain.svg}, each written to a temporary file and moved
 * into place, so a report is never half-written.
 */
public final class ReportWriter {
    private ReportWriter() {}

    /**
     * What a written report found, for the last lines of a run.
     *
     * @param dir the report directory
     * @param verdicts how many strategies got each verdict
     * @param warnings where the design cannot decide what it asks
     * @param summaries the strategies' summaries, in plan order
     * @param rule how the run decided
     */
    public record Written(Path dir, Map<Verdict, Integer> verdicts, List<String> warnings, List<StrategySummary> summaries, DecisionRule rule) {
        /** @return e.g. "2 positive, 1 negative, 5 inconclusive", verdicts that occurred only */
        public String verdictCounts() {
            return counts(verdicts);
        }

        /** @return the same count for the verdicts under the run's error control across strategies */
        public String controlledCounts() {
            Map<Verdict, Integer> controlled = new EnumMap<>(Verdict.class);
            summaries.forEach(s -> controlled.merge(s.decision().controlled(), 1, Integer::sum));
            return counts(controlled);
        }

        /** @return how the gains' intervals were made, e.g. "95% anytime-valid confidence sequence" */
        public String intervalMethod() {
            return rule.sequential() ? "95% anytime-valid confidence sequence" : "95% Student-t interval";
        }

        private static String counts(Map<Verdict, Integer> verdicts) {
            return verdicts.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + e.getKey())
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    /**
     * @param runDir a run directory holding {@code results.db}
     * @return the report directory, the verdict counts and the design's warnings
     */
    public static Written write(Path runDir) {
        try (ResultStore store = ResultStore.openExisting(runDir.resolve("results.db"))) {
            RunData data = RunData.read(store);
            Path dir = runDir.resolve("report");
            Files.createDirectories(dir.resolve("plots"));
            writeAtomically(dir.resolve("results.csv"), CsvReport.render(data));
            writeAtomically(dir.resolve("results.json"), JsonReport.render(data));
            writeAtomically(dir.resolve("report.md"), MarkdownReport.render(data));
            writeAtomically(dir.resolve("index.html"), HtmlReport.render(data));
            if (!data.analysis().gains().isEmpty()) {
                writeAtomically(dir.resolve("plots").resolve("gain.svg"), GainChart.svg(data.analysis(), 900, 480));
            }
            if (WorthChart.drawable(data.analysis())) {
                writeAtomically(dir.resolve("plots").resolve("worth.svg"), WorthChart.svg(data.analysis(), 900, 480));
            }
            Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
            for (Verdict verdict : Verdict.values()) {
                verdicts.put(verdict, (int) data.analysis().summaries().stream().filter(x -> x.verdict() == verdict).count());
            }
            return new Written(dir, verdicts, data.warnings(), data.analysis().summaries(), data.rule());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
