package dev.graft.spi.data;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a provider may look for files when its config does not name a path.
 *
 * @param dataDirs directories the user named ({@code --data-dir}), searched first, in order
 * @param bundledDataDir the directory of data bundled with Graft ({@code experiments/data}), if
 *     known
 * @param descriptorDir the directory of the descriptor being run; relative paths in a config are
 *     resolved against it
 */
public record DataContext(List<Path> dataDirs, Optional<Path> bundledDataDir, Path descriptorDir) {
    public DataContext {
        dataDirs = List.copyOf(requireNonNull(dataDirs, "dataDirs is null"));
        requireNonNull(bundledDataDir, "bundledDataDir is null");
        requireNonNull(descriptorDir, "descriptorDir is null");
    }
}
