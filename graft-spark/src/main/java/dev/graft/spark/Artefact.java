package dev.graft.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        return new Artefact(what, sha256(bytes), bytes.length);
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
            throw new ArtefactException(what + " (" + fileName() + ") did not arrive on this executor: " + e.getMessage(), e);
        }
        String arrived = sha256(bytes);
        if (bytes.length != size || !arrived.equals(sha256)) {
            throw new ArtefactException(what + " arrived corrupted on this executor: " + bytes.length + " bytes with SHA-256 " + arrived
                    + ", but the orchestrator sent " + size + " bytes with SHA-256 " + sha256 + " (" + file + ")", null);
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An artefact that did not arrive intact: the attempt fails and Spark runs the trial again. */
    static final class ArtefactException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ArtefactException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
