package dev.graft.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict table in plain text, for the end of {@code graft run} and {@code graft report}, as
 * {@code cargo test} ends with its summary: one row per strategy and size, columns aligned.
 */
public final class TextReport {
    private TextReport() {}

    /**
     * @param written a written report
     * @return the table's lines, a header first; empty when there is no summary
     */
    public static List<String> verdictTable(ReportWriter.Written written) {
        List<String[]> rows = new ArrayList<>();
        boolean controlled = written.rule().control() != dev.graft.core.stats.ErrorControl.none;
        List<String> header = new ArrayList<>(List.of("strategy", "labels/class", "seeds", "gain [95% interval]", "verdict"));
        if (controlled) {
            header.add(GainLegend.controlHeader(written.rule()));
        }
        header.addAll(List.of("sign test", "worth (labels/class)"));
        rows.add(header.toArray(String[]::new));
        for (StrategySummary s : written.summaries()) {
            List<String> row = new ArrayList<>(List.of(s.key().strategy(), Integer.toString(s.key().samplesPerClass()),
                    Integer.toString(s.gain().n()), Numbers.interval(s.gain(), 3), s.verdict().name()));
            if (controlled) {
                row.add(s.decision().controlled().name());
            }
            row.add(GainLegend.companionVerdict(s));
            row.add(Double.isNaN(s.worth().value()) ? "" : GainLegend.worthCell(s));
            rows.add(row.toArray(String[]::new));
        }
        if (rows.size() == 1) {
            return List.of();
        }
        return aligned(rows, java.util.Set.of(1, 2));
    }

    /**
     * @param rows cells, the header first
     * @param rightAligned the columns of numbers, aligned right
     * @return the rows as lines, columns padded to their widest cell
     */
    static List<String> aligned(List<String[]> rows, java.util.Set<Integer> rightAligned) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(' ').append(rightAligned.contains(i) ? pad + row[i] : row[i] + pad).append(' ');
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
