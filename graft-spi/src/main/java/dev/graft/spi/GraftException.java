package dev.graft.spi;

/**
 * A user error: bad input, a missing file, an unknown plugin. The command line prints the
 * message alone (no stack trace) and exits with code 2, so the message must say what is wrong
 * and where (file, field, line) on its own.
 *
 * <p>Bugs are not {@code GraftException}s: they propagate as ordinary exceptions and show a
 * stack trace.
 */
public class GraftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the complete user-facing message
     */
    public GraftException(String message) {
        super(message);
    }

    /**
     * @param message the complete user-facing message
     * @param cause the underlying failure, kept for debugging
     */
    public GraftException(String message, Throwable cause) {
        super(message, cause);
    }
}
