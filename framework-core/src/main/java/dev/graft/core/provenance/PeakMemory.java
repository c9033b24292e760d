package dev.graft.core.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak resident memory, from Linux' {@code /proc/self/status} (VmHWM), with the
 * peak reset through {@code /proc/self/clear_refs} (writing 5, Linux 4.0 and later). The peak is
 * the whole process's: native memory of the engine included, and every trial the process runs at
 * the same time.
 */
public final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR = Path.of("/proc/self/clear_refs");

    private PeakMemory() {}

    /** Starts a new peak; does nothing where the system does not allow it. */
    public static void reset() {
        try {
            Files.writeString(CLEAR, "5");
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // not Linux, or not allowed: the peak then runs from the process's start
        }
    }

    /** @return the peak resident memory in bytes since the last {@link #reset}, or null where unknown */
    public static Long read() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | SecurityException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
