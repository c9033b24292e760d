package dev.graft.spi;

import static java.util.Objects.requireNonNull;

/**
 * Thrown by a {@link PluginConfig} constructor when a value is out of range or inconsistent. The
 * descriptor validator reports it at the position of {@link #field()} in the YAML file.
 */
public class InvalidConfigException extends GraftException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the offending component's name, as written in YAML
     * @param message what is wrong and what is allowed, e.g. "must be in [0, 1), got 1.5"
     */
    public InvalidConfigException(String field, String message) {
        super(message);
        this.field = requireNonNull(field, "field is null");
    }

    /**
     * @return the name of the offending field
     */
    public String field() {
        return field;
    }

    /**
     * Finds the config error behind a failure: Jackson and Guice wrap what a config constructor
     * throws.
     *
     * @param thrown a failure, or null
     * @return the first {@code InvalidConfigException} in its cause chain, or null
     */
    public static InvalidConfigException in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
