package dev.graft.cli;

import dev.graft.spi.data.DataContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where Graft keeps things: the cache ({@code GRAFT_HOME}), the bundled data, the default run directory. */
final class Locations {
    private Locations() {}

    /** @return {@code GRAFT_HOME}, defaulting to {@code ~/.graft} */
    static Path home() {
        String home = System.getenv("GRAFT_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".graft");
    }

    /** @return {@code $GRAFT_HOME/cache} */
    static Path cacheDir() {
        return home().resolve("cache");
    }

    /**
     * The bundled data directory: the launcher passes {@code -Dgraft.bundledData}; otherwise the
     * nearest {@code experiments/data} above the working directory.
     */
    static Optional<Path> bundledData() {
        String property = System.getProperty("graft.bundledData");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Optional.of(Path.of(property));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("experiments").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static DataContext dataContext(List<Path> dataDirs, Path descriptor) {
        Path parent = descriptor.toAbsolutePath().getParent();
        return new DataContext(dataDirs, bundledData(), parent == null ? Path.of("") : parent);
    }
}
