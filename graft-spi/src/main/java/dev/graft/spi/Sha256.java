package dev.graft.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, the one content hash Graft uses: trial ids, artefacts shipped to
 * executors, plugin jars, files a backbone reads and datasets' checksums.
 */
public final class Sha256 {
    private Sha256() {}

    /** @return a fresh digest, for content fed in parts */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * @param digest a digest fed its content
     * @return its hash in hex
     */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * @param bytes bytes
     * @return their hash
     */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * @param text text, hashed as UTF-8
     * @return its hash
     */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param file a file, read in parts
     * @return its content's hash
     * @throws GraftException naming the file if it cannot be read
     */
    public static String of(Path file) {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new GraftException(file + ": cannot read: " + e.getMessage(), e);
        }
        return hex(digest);
    }
}
