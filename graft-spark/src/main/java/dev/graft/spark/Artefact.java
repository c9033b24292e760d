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
            throw notArrived(e);
        }
        check(bytes.length, sha256(bytes), file);
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
        return new Artefact(what, sha256(file), Files.size(file));
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
            check(Files.size(file), sha256(file), file);
        } catch (java.io.IOException e) {
            throw notArrived(e);
        }
        return file;
    }

    static String sha256(Path file) throws java.io.IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
