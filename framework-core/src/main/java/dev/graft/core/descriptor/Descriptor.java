package dev.graft.core.descriptor;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed descriptor: the bound experiment, the text it came from, and where each field was
 * written (for errors found after binding).
 *
 * @param file the descriptor file
 * @param text the file's contents, stored with the results
 * @param experiment the bound experiment
 * @param positions 1-based line and column of each field path
 */
public record Descriptor(Path file, String text, Experiment experiment, Map<String, int[]> positions) {
    public Descriptor {
        requireNonNull(file, "file is null");
        requireNonNull(text, "text is null");
        requireNonNull(experiment, "experiment is null");
        positions = Map.copyOf(positions);
    }

    /**
     * @param field a field path such as {@code target.data.classes[2]}
     * @param message what is wrong
     * @return an error positioned at the field, or at its closest written parent
     */
    public DescriptorError errorAt(String field, String message) {
        String path = field;
        while (true) {
            int[] position = positions.get(path);
            if (position != null) {
                return new DescriptorError(file.toString(), position[0], position[1], field, message);
            }
            Optional<String> parent = parent(path);
            if (parent.isEmpty()) {
                return new DescriptorError(file.toString(), 0, 0, field, message);
            }
            path = parent.get();
        }
    }

    private static Optional<String> parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? (path.isEmpty() ? Optional.empty() : Optional.of("")) : Optional.of(path.substring(0, cut));
    }
}
