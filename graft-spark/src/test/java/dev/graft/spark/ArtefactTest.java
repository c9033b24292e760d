package dev.graft.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An artefact is read only when it arrived as sent: the same length and SHA-256. */
class ArtefactTest {
    @TempDir
    Path dir;

    @Test
    void anArtefactThatArrivedIntactIsRead() throws Exception {
        byte[] bytes = "the target's examples".getBytes();
        Artefact artefact = Artefact.of("the target's training examples", bytes);
        assertTrue(artefact.fileName().equals(artefact.sha256() + ".bin"));
        assertArrayEquals(bytes, artefact.read(Files.write(dir.resolve(artefact.fileName()), bytes)));
    }

    @Test
    void aCorruptedOrMissingArtefactFailsTheAttemptNamingWhatAndBothHashes() throws Exception {
        byte[] bytes = new byte[1000];
        Artefact artefact = Artefact.of("pretrained backbone abc", bytes);
        byte[] flipped = bytes.clone();
        flipped[500] = 1; // same length, one bit different
        Path file = Files.write(dir.resolve(artefact.fileName()), flipped);
        Artefact.ArtefactException corrupted = assertThrows(Artefact.ArtefactException.class, () -> artefact.read(file));
        assertTrue(corrupted.getMessage().startsWith("pretrained backbone abc arrived corrupted on this executor: 1000 bytes with SHA-256 "
                + dev.graft.spi.Sha256.of(flipped) + ", but the orchestrator sent 1000 bytes with SHA-256 " + artefact.sha256()), corrupted.getMessage());
        Artefact.ArtefactException missing = assertThrows(Artefact.ArtefactException.class, () -> artefact.read(dir.resolve("absent.bin")));
        assertTrue(missing.getMessage().startsWith("pretrained backbone abc (" + artefact.fileName() + ") did not arrive on this executor"),
                missing.getMessage());
    }
}
