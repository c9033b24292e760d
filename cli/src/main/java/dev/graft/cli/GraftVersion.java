package dev.graft.cli;

import dev.graft.core.trial.Environment;
import picocli.CommandLine;

/** {@code graft --version}. */
final class GraftVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"graft " + Environment.graftVersion()};
    }
}
