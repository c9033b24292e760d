package dev.graft.core.trial;

import java.util.logging.Level;
import java.util.logging.LogManager;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * What libraries may print while Graft runs: warnings and errors by default, their information
 * lines too when the user asks ({@code graft run --verbose}). DJL logs through SLF4J; Tribuo
 * through {@code java.util.logging}, whose default console handler printed two lines (a
 * timestamp, then "INFO: Outputs - (0,0,8), ...") for every {@code logistic} fit. Here
 * {@code java.util.logging} is routed to SLF4J, so one level and one format rule both.
 *
 * <p>Called once per process, first thing: by the command line and by every worker process.
 */
public final class LibraryLogging {
    /** SLF4J-simple's level property; a value the user set on the command line is kept. */
    static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private LibraryLogging() {}

    /**
     * @param verbose whether libraries' information lines are shown
     */
    public static void configure(boolean verbose) {
        if (verbose || System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
            System.setProperty(SIMPLE_LOGGER_LEVEL, verbose ? "info" : "warn");
        }
        LogManager.getLogManager().reset(); // drops the console handler that printed Tribuo's lines
        SLF4JBridgeHandler.install();
        // records below this level are dropped before they are formatted, as SLF4J would drop them
        java.util.logging.Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.WARNING);
    }
}
