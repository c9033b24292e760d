package dev.graft.plugins.datasets;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the directory of an MNIST-style dataset from a config's {@code source}: {@code auto}
 * (each {@code --data-dir} and its sub-directory named after the dataset, the system directory,
 * then the bundled subset), {@code bundled}, {@code system}, or a directory relative to the
 * descriptor.
 */
final class IdxDirectories {
    static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte");

    private IdxDirectories() {}

    /**
     * @param dataset the dataset's display name
     * @param source the config's source
     * @param context the run's data locations
     * @param subdirectory the name looked for under each data directory
     * @param systemDir where a system package installs it, or null
     * @param bundledName its directory under the bundled data
     * @param usable whether a directory holds the dataset
     * @param wanted what the error says is looked for
     * @param hint how to get it
     * @return the first usable directory
     */
    static Path locate(String dataset, String source, DataContext context, String subdirectory, Path systemDir, String bundledName,
            Predicate<Path> usable, String wanted, String hint) {
        List<Path> candidates = new ArrayList<>();
        switch (source) {
            case "auto" -> {
                for (Path dir : context.dataDirs()) {
                    candidates.add(dir);
                    candidates.add(dir.resolve(subdirectory));
                }
                if (systemDir != null) {
                    candidates.add(systemDir);
                }
                context.bundledDataDir().ifPresent(dir -> candidates.add(dir.resolve(bundledName)));
            }
            case "bundled" -> context.bundledDataDir().ifPresent(dir -> candidates.add(dir.resolve(bundledName)));
            case "system" -> {
                if (systemDir == null) {
                    throw new GraftException(dataset + " has no system location; use auto, bundled or a directory");
                }
                candidates.add(systemDir);
            }
            default -> candidates.add(context.descriptorDir().resolve(source));
        }
        for (Path dir : candidates) {
            if (usable.test(dir)) {
                return dir;
            }
        }
        throw new GraftException(dataset + " not found (source: " + source + "); looked in "
                + String.join(", ", candidates.stream().map(Path::toString).toList()) + " for " + wanted + "; " + hint);
    }

    /** @return whether {@code dir} holds the four IDX files, gzip or plain */
    static boolean hasIdxFiles(Path dir) {
        return FILES.stream().allMatch(name -> find(dir, name).isPresent());
    }

    static Path file(Path dir, String name) {
        return find(dir, name).orElseThrow(() -> new GraftException(dir + ": " + name + "[.gz] disappeared"));
    }

    private static Optional<Path> find(Path dir, String name) {
        for (String candidate : List.of(name + ".gz", name)) {
            Path path = dir.resolve(candidate);
            if (Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
