package dev.graft.reports;

import static dev.graft.reports.Html.escape;

import dev.graft.core.store.ResultStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several runs' summaries side by side (the same strategies on two datasets, or two versions of
 * one experiment): one row per strategy and labelled-data size, matched by their labels (a
 * strategy's id includes its data, so it differs between datasets), one column per run with the
 * gain, its interval and verdict, and the seeds it took. Written as {@code index.html} and
 * {@code compare.md}; the rows are returned for the terminal.
 */
public final class CompareReport {
    private CompareReport() {}

    /** One run's column: its name and its summaries by row key. */
    private record Column(String name, String rule, Map<String, StrategySummary> byRow) {}

    /**
     * @param runDirs run directories, each holding {@code results.db}
     * @param outDir where to write the comparison
     * @return the comparison as plain-text lines, a header first
     */
    public static List<String> write(List<Path> runDirs, Path outDir) {
        List<Column> columns = new ArrayList<>();
        Map<String, String> rows = new LinkedHashMap<>();
        for (Path dir : runDirs) {
            try (ResultStore store = ResultStore.openExisting(dir.resolve("results.db"))) {
                RunData data = RunData.read(store);
                Map<String, StrategySummary> byRow = new LinkedHashMap<>();
                for (StrategySummary s : data.analysis().summaries()) {
                    String row = s.key().strategy() + " @ " + s.key().samplesPerClass();
                    rows.putIfAbsent(row, s.key().strategy() + ", " + s.key().samplesPerClass() + "/class");
                    byRow.put(row, s);
                }
                columns.add(new Column(data.experiment() + " (" + dir.getFileName() + ")", data.rule().sequential()
                        ? "anytime-valid confidence sequence" : "Student-t interval", byRow));
            }
        }
        StringBuilder md = new StringBuilder("# Comparison\n\nGain over scratch [95% interval] and verdict, seeds in brackets; ")
                .append("rows matched by strategy labels and labels per class.\n\n| strategy |");
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Graft: comparison</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:0 auto;padding:1em;max-width:1400px}.scroll{overflow-x:auto}")
                .append("table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 7px;white-space:nowrap}th{background:#f3f3f3}")
                .append(".positive{background:#e3f5e1}.negative{background:#fbe3e3}.equivalent{background:#e6eefb}.inconclusive{background:#f7f7f7}")
                .append("</style></head><body><h1>Comparison</h1><p>Gain over scratch [95% interval] and verdict, seeds in brackets; rows ")
                .append("matched by strategy labels and labels per class.</p><div class=scroll><table><tr><th>strategy</th>");
        List<String> header = new ArrayList<>(List.of("strategy"));
        for (Column c : columns) {
            md.append(' ').append(c.name()).append(" |");
            html.append("<th>").append(escape(c.name())).append("<br><small>").append(c.rule()).append("</small></th>");
            header.add(c.name());
        }
        md.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
        html.append("</tr>\n");
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        for (Map.Entry<String, String> row : rows.entrySet()) {
            List<String> cells = new ArrayList<>(List.of(row.getValue()));
            md.append("| ").append(row.getValue()).append(" |");
            html.append("<tr><td>").append(escape(row.getValue())).append("</td>");
            for (Column c : columns) {
                StrategySummary s = c.byRow().get(row.getKey());
                String cell = s == null ? "–" : Numbers.interval(s.gain(), 3) + " " + s.verdict() + " (" + s.gain().n() + ")";
                cells.add(cell);
                md.append(' ').append(cell).append(" |");
                html.append("<td class=\"").append(s == null ? "" : s.verdict().name()).append("\">").append(escape(cell)).append("</td>");
            }
            md.append('\n');
            html.append("</tr>\n");
            table.add(cells);
        }
        html.append("</table></div></body></html>\n");
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("index.html"), html, StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve("compare.md"), md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TextReport.aligned(table.stream().map(row -> row.toArray(String[]::new)).toList(), java.util.Set.of());
    }
}
