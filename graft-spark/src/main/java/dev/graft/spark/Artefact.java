package dev.graft.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file a trial needs on an executor, addressed by its content: the orchestrator stages it
 * under its SHA-256 and hands it to Spark's file distribution; the executor fetches it by name and
 * checks the hash before reading a byte of it.
 *
 * @param what what it is, for messages ("the target's training examples", "pretrained backbone ...")
 * @param sha256 the SHA-256 of its bytes, hex; also its file name
 * @param size its length in bytes
 */
record Artefact(String what, String sha256, long size) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @param what what it is
     * @param bytes its content
     * @return its address
     */
    static Artefact of(String what, byte[] bytes) {
        return new Artefact(what, dev.graft.spi.Sha256.of(bytes), bytes.length);
    }

    /** @return the file name it is staged and fetched under */
    String fileName() {
        return sha256 + ".bin";
    }

    /**
     * Reads the artefact from where it arrived and checks it is what the orchestrator sent.
     *
     * @param file where Spark put it on this executor
     * @return its bytes
     * @throws ArtefactException if it is missing, or its length or hash differ
     */
    byte[] read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw notArrived(e);
        }
        check(bytes.length, dev.graft.spi.Sha256.of(bytes), file);
        return bytes;
    }

    /** Fails the attempt unless what arrived has the length and hash that were sent. */
    private void check(long length, String arrived, Path file) {
        if (length != size || !arrived.equals(sha256)) {
            throw new ArtefactException(what + " arrived corrupted on this executor: " + length + " bytes with SHA-256 " + arrived
                    + ", but the orchestrator sent " + size + " bytes with SHA-256 " + sha256 + " (" + file + ")", null);
        }
    }

    private ArtefactException notArrived(java.io.IOException e) {
        return new ArtefactException(what + " (" + fileName() + ") did not arrive on this executor: " + e.getMessage(), e);
    }

    /**
     * @param what what it is
     * @param file a file, hashed as it is read (it may be larger than the heap)
     * @return its address
     * @throws IOException if it cannot be read
     */
    static Artefact ofFile(String what, Path file) throws java.io.IOException {
        return new Artefact(what, dev.graft.spi.Sha256.of(file), Files.size(file));
    }

    /**
     * Checks, without reading it into memory, that a file arrived as sent.
     *
     * @param file where Spark put it on this executor
     * @return the file
     * @throws ArtefactException if it is missing, or its length or hash differ
     */
    Path verify(Path file) {
        try {
            check(Files.size(file), dev.graft.spi.Sha256.of(file), file);
        } catch (java.io.IOException e) {
            throw notArrived(e);
        } catch (dev.graft.spi.GraftException e) {
            throw notArrived(e.getCause() instanceof java.io.IOException io ? io : new java.io.IOException(e.getMessage(), e));
        }
        return file;
    }

    /** An artefact that did not arrive intact: the attempt fails and Spark runs the trial again. */
    static final class ArtefactException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ArtefactException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
