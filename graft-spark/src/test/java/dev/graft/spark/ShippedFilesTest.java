package dev.graft.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.backbone.BackboneContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and directories a config names arrive checked, laid out as under their roots, and are found by the names the config gives. */
class ShippedFilesTest {
    @TempDir
    Path dir;

    @Test
    void filesAndDirectoriesAreFoundWhereTheyWereLaidOut() throws Exception {
        Path model = Files.createDirectories(dir.resolve("orchestrator/model"));
        Files.writeString(model.resolve("model.pt"), "weights");
        Files.writeString(Files.createDirectories(model.resolve("sub")).resolve("synset.txt"), "classes");
        Path weights = Files.writeString(dir.resolve("orchestrator/vgg16.h5"), "hdf5");
        ShippedFiles files = ShippedFiles.of(List.of(model, weights, dir.resolve("orchestrator/missing.h5")));
        assertEquals(3, files.entries().size(), "every regular file, the missing one left to the backbone's own message");

        // Spark's file distribution: each artefact by its content address in the executor's directory
        Path sparkFiles = Files.createDirectories(dir.resolve("executor/files"));
        Map<String, Path> arrived = new HashMap<>();
        for (ShippedFiles.Entry entry : files.entries()) {
            Path copy = sparkFiles.resolve(entry.content().fileName());
            Files.copy(Path.of(entry.root()).resolve(entry.relative()), copy);
            arrived.put(entry.content().sha256(), copy);
        }
        BackboneContext.Files here = files.place(dir.resolve("executor/graft-files"), a -> arrived.get(a.sha256()));
        assertEquals("weights", Files.readString(here.locate(model).resolve("model.pt")));
        assertEquals("classes", Files.readString(here.locate(model.resolve("sub/synset.txt"))));
        assertEquals("hdf5", Files.readString(here.locate(weights)));
        assertTrue(here.locate(weights).startsWith(dir.resolve("executor/graft-files")));
        Path elsewhere = dir.resolve("orchestrator/other.h5");
        assertEquals(elsewhere, here.locate(elsewhere), "a path no config named is left as it is");
    }

    @Test
    void aFileThatArrivedCorruptedIsNotLaidOut() throws Exception {
        Path weights = Files.writeString(dir.resolve("vgg16.h5"), "hdf5 weights");
        ShippedFiles files = ShippedFiles.of(List.of(weights));
        Path corrupted = Files.writeString(dir.resolve("arrived.bin"), "hdf5 weightz");
        Artefact.ArtefactException e = assertThrows(Artefact.ArtefactException.class,
                () -> files.place(dir.resolve("graft-files"), a -> corrupted));
        assertTrue(e.getMessage().startsWith(weights + " arrived corrupted on this executor"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("graft-files/root0/vgg16.h5")));
    }
}
