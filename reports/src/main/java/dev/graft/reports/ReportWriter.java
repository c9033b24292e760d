package dev.graft.reports;

import dev.graft.core.store.ResultStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code <run>/report/}: {@code index.html}, {@code report.md}, {@code results.csv},
 * {@code results.json} and {@code plots/gain.svg}, each written to a temporary file and moved
 * into place, so a report is never half-written.
 */
public final class ReportWriter {
    private ReportWriter() {}

    /**
     * @param runDir a run directory holding {@code results.db}
     * @return the report directory
     */
    public static Path write(Path runDir) {
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
            return dir;
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
