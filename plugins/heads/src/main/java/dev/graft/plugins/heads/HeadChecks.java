package dev.graft.plugins.heads;

import dev.graft.spi.InvalidConfigException;

/** Range checks shared by the head configs. */
final class HeadChecks {
    private HeadChecks() {}

    static void dropout(double dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InvalidConfigException("dropout", "must be in [0, 1), got " + dropout);
        }
    }
}
