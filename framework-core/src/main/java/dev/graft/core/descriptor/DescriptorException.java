package dev.graft.core.descriptor;

import dev.graft.spi.GraftException;
import java.util.List;
import java.util.stream.Collectors;

/** A descriptor with one or more errors; the message lists all of them, one per line. */
public final class DescriptorException extends GraftException {
    private static final long serialVersionUID = 1L;

    private final transient List<DescriptorError> errors;

    /**
     * @param errors the errors, at least one
     */
    public DescriptorException(List<DescriptorError> errors) {
        super(errors.stream().map(DescriptorError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** @return every error found */
    public List<DescriptorError> errors() {
        return errors;
    }
}
