package dev.graft.plugins.datasets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex, the content hash every dataset records in its provenance. */
final class Checksums {
    private Checksums() {}

    /** @return a fresh SHA-256 digest, for content fed in parts */
    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the digest's hash in lower-case hex */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** @return the SHA-256 of {@code bytes} in lower-case hex */
    static String of(byte[] bytes) {
        MessageDigest digest = digest();
        digest.update(bytes);
        return hex(digest);
    }
}
