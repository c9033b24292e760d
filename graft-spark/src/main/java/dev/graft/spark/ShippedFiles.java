package dev.graft.spark;

import dev.graft.spi.backbone.BackboneContext;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The files and directories the sweep's backbone configs name (Keras HDF5 weights, TorchScript
 * files, checkpoints, DJL model directories), shipped to executors: each regular file is an
 * {@link Artefact}; on an executor they are checked, then laid out under a local directory as
 * they were under their root, and {@link #locate} sends a config's path there.
 */
final class ShippedFiles implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @param root the file or directory a config names, absolute, as on the orchestrator
     * @param relative the file's path under the root (empty when the root is the file)
     * @param content its content's address
     */
    record Entry(String root, String relative, Artefact content) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final List<String> roots;
    private final List<Entry> entries;

    private ShippedFiles(List<String> roots, List<Entry> entries) {
        this.roots = List.copyOf(roots);
        this.entries = List.copyOf(entries);
    }

    /**
     * Addresses every regular file under the roots; missing roots are left out (the backbone
     * reports them when it is built, as it would in this process).
     *
     * @param roots files and directories, absolute
     * @return what to ship
     * @throws IOException if a file cannot be read
     */
    static ShippedFiles of(List<Path> roots) throws IOException {
        List<String> names = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                names.add(root.toString());
                entries.add(new Entry(root.toString(), "", Artefact.ofFile(root.toString(), root)));
            } else if (Files.isDirectory(root)) {
                names.add(root.toString());
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        entries.add(new Entry(root.toString(), root.relativize(file).toString(), Artefact.ofFile(file.toString(), file)));
                    }
                }
            }
        }
        return new ShippedFiles(names, entries);
    }

    /** @return every file to ship, each with its content address */
    List<Entry> entries() {
        return entries;
    }

    /**
     * Lays the files out on this executor after checking each, by hard link where the file system
     * allows, else by copy.
     *
     * @param local a directory of this executor's own
     * @param arrived where Spark put an artefact on this executor
     * @return where each config path is here
     * @throws IOException if the layout cannot be written
     */
    BackboneContext.Files place(Path local, Function<Artefact, Path> arrived) throws IOException {
        for (Entry entry : entries) {
            Path from = entry.content().verify(arrived.apply(entry.content()));
            Path to = rootDir(local, entry.root());
            to = entry.relative().isEmpty() ? to.resolve(Path.of(entry.root()).getFileName().toString()) : to.resolve(entry.relative());
            Files.createDirectories(to.getParent());
            if (Files.notExists(to)) {
                try {
                    Files.createLink(to, from);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(from, to);
                }
            }
        }
        return named -> locate(local, named);
    }

    /** @return where {@code named} is under {@code local}, or {@code named} itself when no shipped root holds it */
    Path locate(Path local, Path named) {
        for (String root : roots) {
            Path rootPath = Path.of(root);
            if (named.equals(rootPath)) {
                Path dir = rootDir(local, root);
                return entries.stream().anyMatch(e -> e.root().equals(root) && e.relative().isEmpty())
                        ? dir.resolve(rootPath.getFileName().toString()) : dir;
            }
            if (named.startsWith(rootPath)) {
                return rootDir(local, root).resolve(rootPath.relativize(named).toString());
            }
        }
        return named;
    }

    private Path rootDir(Path local, String root) {
        return local.resolve("root" + roots.indexOf(root));
    }
}
