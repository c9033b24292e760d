package dev.graft.core.descriptor;

/**
 * One problem in a descriptor, at a position.
 *
 * @param file the descriptor file as the user named it
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param field the dotted path of the field, e.g. {@code sweep.head[1].dropout}
 * @param message what is wrong
 */
public record DescriptorError(String file, int line, int column, String field, String message) {
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
