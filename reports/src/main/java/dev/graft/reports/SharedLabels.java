package dev.graft.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table's strategy labels (the backbone and each shown axis) split by whether every row has the
 * same one: those go into the caption once, so that a table is only as wide as what tells its
 * rows apart.
 *
 * @param shared the labels every row has alike, in order
 * @param differing the labels that tell rows apart, in order
 * @param caption the shared labels and their one value each, e.g. {@code backbone convnet, head linear}
 */
record SharedLabels(List<String> shared, List<String> differing, String caption) {
    /** The name of the backbone's label among the axes'. */
    static final String BACKBONE = "backbone";

    /**
     * @param analysis whose shown axes to read
     * @param rows the table's rows
     * @return the labels, split
     */
    static SharedLabels of(TransferAnalysis analysis, List<StrategySummary> rows) {
        List<String> names = new ArrayList<>(List.of(BACKBONE));
        names.addAll(analysis.shownAxes());
        List<String> shared = names.stream().filter(a -> !rows.isEmpty() && rows.stream().map(s -> label(s, a)).distinct().count() == 1).toList();
        List<String> differing = names.stream().filter(a -> !shared.contains(a)).toList();
        String caption = shared.stream().map(a -> a + " " + label(rows.get(0), a)).collect(Collectors.joining(", "));
        return new SharedLabels(shared, differing, caption);
    }

    /**
     * @param s a strategy
     * @param name {@link #BACKBONE} or an axis' name
     * @return the strategy's label there
     */
    static String label(StrategySummary s, String name) {
        return name.equals(BACKBONE) ? s.key().backbone() : s.key().label(name);
    }

    /** @return what a chart calls the strategy: the labels that tell it apart, or its whole label when none do */
    String name(StrategySummary s) {
        return differing.isEmpty() ? s.key().strategy() : differingOf(s);
    }

    /** @return the labels that tell this strategy apart from the others, joined by " / " */
    String differingOf(StrategySummary s) {
        return differing.stream().map(a -> label(s, a)).collect(Collectors.joining(" / "));
    }
}
