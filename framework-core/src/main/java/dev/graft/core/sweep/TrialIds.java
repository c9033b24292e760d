package dev.graft.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes: of a trial spec (the trial id) and of anything serialisable to canonical JSON. */
public final class TrialIds {
    /** Bumped when the meaning of a spec changes, so old results are not taken for new ones. */
    static final String PROTOCOL = "graft-trial-v1";

    private TrialIds() {}

    /**
     * @param mapper the canonical config mapper
     * @param spec a trial spec
     * @return the trial id: 16 hex digits of SHA-256 over the protocol and the spec's canonical JSON
     */
    public static String of(ObjectMapper mapper, TrialSpec spec) {
        return hash(mapper, PROTOCOL, spec).substring(0, 16);
    }

    /**
     * @param mapper the canonical config mapper
     * @param salt a label for what is hashed
     * @param value any serialisable value
     * @return SHA-256 hex of the salt and the value's canonical JSON
     */
    public static String hash(ObjectMapper mapper, String salt, Object value) {
        try {
            return sha256(salt + "\n" + mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }

    /**
     * @param text text
     * @return its SHA-256 as hex
     */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param bytes bytes
     * @return their SHA-256 as hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
